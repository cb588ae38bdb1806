import { describe, expect, it } from 'vitest';
import { MAX_FLOW_DEPTH, parseYaml } from './parse-yaml.ts';

const nested = (depth: number) => `version: 1\nliste: ${'['.repeat(depth)}1${']'.repeat(depth)}\n`;

describe('parseYaml: nesting of [ and {', () => {
  it('refuses more than MAX_FLOW_DEPTH nested brackets, at the first one too deep', () => {
    const { data, diagnostics } = parseYaml(nested(MAX_FLOW_DEPTH + 44), 'seance.yaml');
    expect(data).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ['yaml.syntax', 2, 'liste: '.length + MAX_FLOW_DEPTH + 1],
    ]);
    expect(diagnostics[0]?.message).toBe(`Plus de ${MAX_FLOW_DEPTH} crochets ou accolades imbriqués.`);
  });

  it('reads MAX_FLOW_DEPTH nested brackets', () => {
    const { data, diagnostics } = parseYaml(nested(MAX_FLOW_DEPTH), 'seance.yaml');
    expect(diagnostics).toEqual([]);
    let depth = 0;
    for (let v: unknown = data?.liste; Array.isArray(v); v = v[0]) depth++;
    expect(depth).toBe(MAX_FLOW_DEPTH);
  });

  it('counts only the brackets the YAML reads: many in scalars or side by side are no nesting', () => {
    const inText = `version: 1\nobjet: "${'['.repeat(400)}"\nnote: texte ${'{'.repeat(400)}\n`;
    expect(parseYaml(inText, 'seance.yaml').diagnostics).toEqual([]);
    const sideBySide = `version: 1\n${Array.from({ length: 400 }, (_, i) => `k${i}: { a: [1] }`).join('\n')}\n`;
    const { data, diagnostics } = parseYaml(sideBySide, 'seance.yaml');
    expect(diagnostics).toEqual([]);
    expect(data?.k399).toEqual({ a: [1] });
  });
});
