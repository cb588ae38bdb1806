/**
 * A fixture with one edit, written to a test's temporary folder; the edit must change the text
 * (a replace that matches nothing would test the fixture itself).
 *
 * @example
 * const file = fixtureVariant(dir, SOURCE, 'aucune', (t) => t.replace('haut', 'aucune'));
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

export function fixtureVariant(
  dir: string,
  source: string,
  name: string,
  edit: (text: string) => string,
): string {
  const file = join(dir, `${name}.yaml`);
  const text = edit(source);
  expect(text).not.toBe(source);
  writeFileSync(file, text);
  return file;
}
