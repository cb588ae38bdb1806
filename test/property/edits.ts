/**
 * Random edits of a valid séance text, as a clerk (or a merge gone wrong) makes them: delete a
 * line or a key, change a value's type, cut the file short, insert garbage, duplicate or
 * re-indent a line.
 *
 * @example
 * fc.sample(editArbitrary('version: 1\n'), 1)[0]!.apply('version: 1\n')
 */
import fc from 'fast-check';

export interface Edit {
  readonly label: string;
  apply(text: string): string;
}

const GARBAGE = [
  ':',
  '- ',
  '[',
  '{',
  '}',
  ']',
  '"',
  "'",
  '&a',
  '*a',
  '!!str',
  '%YAML 1.1',
  '---',
  '...',
  '? ',
  '|',
  '>',
  '\t',
  '#',
  '@',
  '`',
  '\u0000',
  '\u001b',
  '\uFEFF',
  '\uD800',
  '🎉',
  'é',
  '<<: *a',
  '__proto__: 1',
  'constructor: {}',
  '\r',
  '\n',
  '  ',
  'null',
  '~',
  '1e999',
  '-0',
  '0x1F',
  '.nan',
  '2023-02-30',
  '24:61',
];
const VALUES = [
  '~',
  '[]',
  '{}',
  '[1, 2]',
  '{a: 1}',
  '0',
  '-1',
  '1.5',
  'true',
  '"texte"',
  "''",
  '06000',
  '1.10',
  '2023-02-30',
  '""',
];

function lines(text: string): string[] {
  return text.split('\n');
}

/** One random edit of a text of `length` characters and `count` lines. */
export function editArbitrary(text: string): fc.Arbitrary<Edit> {
  const count = lines(text).length;
  const line = fc.nat({ max: Math.max(0, count - 1) });
  const offset = fc.nat({ max: text.length });
  return fc.oneof(
    line.map((n) => ({
      label: `supprime la ligne ${n + 1}`,
      apply: (t: string) =>
        lines(t)
          .filter((_, i) => i !== n)
          .join('\n'),
    })),
    fc.tuple(line, fc.constantFrom(...VALUES)).map(([n, value]) => ({
      label: `remplace la valeur de la ligne ${n + 1} par ${value}`,
      apply: (t: string) =>
        lines(t)
          .map((l, i) => (i === n ? l.replace(/^(\s*(?:- )?[\w-]+:)\s.*$/, `$1 ${value}`) : l))
          .join('\n'),
    })),
    offset.map((at) => ({
      label: `coupe le fichier au caractère ${at}`,
      apply: (t: string) => t.slice(0, at),
    })),
    fc
      .tuple(offset, fc.array(fc.constantFrom(...GARBAGE), { minLength: 1, maxLength: 4 }))
      .map(([at, junk]) => ({
        label: `insère ${JSON.stringify(junk.join(''))} au caractère ${at}`,
        apply: (t: string) => t.slice(0, at) + junk.join('') + t.slice(at),
      })),
    fc.tuple(line, fc.string({ maxLength: 12 })).map(([n, junk]) => ({
      label: `insère ${JSON.stringify(junk)} en ligne ${n + 1}`,
      apply: (t: string) => {
        const all = lines(t);
        all.splice(n, 0, junk);
        return all.join('\n');
      },
    })),
    line.map((n) => ({
      label: `double la ligne ${n + 1}`,
      apply: (t: string) =>
        lines(t)
          .flatMap((l, i) => (i === n ? [l, l] : [l]))
          .join('\n'),
    })),
    fc.tuple(line, fc.integer({ min: -3, max: 3 })).map(([n, shift]) => ({
      label: `décale la ligne ${n + 1} de ${shift}`,
      apply: (t: string) =>
        lines(t)
          .map((l, i) =>
            i !== n ? l : shift >= 0 ? ' '.repeat(shift) + l : l.replace(new RegExp(`^ {0,${-shift}}`), ''),
          )
          .join('\n'),
    })),
  );
}

/** One to three edits applied in turn. */
export function editsArbitrary(text: string): fc.Arbitrary<readonly Edit[]> {
  return fc.array(editArbitrary(text), { minLength: 1, maxLength: 3 });
}
