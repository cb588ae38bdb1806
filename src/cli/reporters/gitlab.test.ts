import { describe, expect, it } from 'vitest';
import { diagnostic } from '../../diagnostics.ts';
import { formatGitlab } from './gitlab.ts';

describe('formatGitlab', () => {
  const error = diagnostic('schema.type', 'erreur', '« heure » doit être un texte.', {
    file: 'seances/s.yaml',
    line: 7,
    column: 9,
    hint: 'Mettez la valeur entre guillemets.',
  });
  const warning = diagnostic('render.glyph-missing', 'avertissement', 'Caractère absent.', {
    file: 'seances/s.yaml',
  });

  it('writes one Code Quality issue per diagnostic, with GitLab’s fields and severities', () => {
    const issues = JSON.parse(formatGitlab([error, warning]));
    expect(issues).toHaveLength(2);
    expect(issues[0]).toMatchObject({
      check_name: 'schema.type',
      severity: 'major',
      description: '« heure » doit être un texte. Mettez la valeur entre guillemets.',
      location: { path: 'seances/s.yaml', lines: { begin: 7 } },
    });
    expect(issues[1]).toMatchObject({ severity: 'minor', location: { lines: { begin: 1 } } });
  });

  it('gives each issue a fingerprint that is stable and distinct', () => {
    const [a, b] = JSON.parse(formatGitlab([error, warning]));
    expect(a.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(a.fingerprint).not.toBe(b.fingerprint);
    expect(JSON.parse(formatGitlab([error]))[0].fingerprint).toBe(a.fingerprint);
  });

  it('writes an empty array when there is nothing to report', () => {
    expect(formatGitlab([])).toBe('[]\n');
  });
});
