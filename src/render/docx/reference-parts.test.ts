import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ReferenceDocxError, readReferenceParts } from './reference-parts.ts';

const styles = '<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="x"/>';

describe('readReferenceParts', () => {
  it('reads the same bytes once: every document of a thread gets the same parts', () => {
    const bytes = zipSync({ 'word/styles.xml': strToU8(styles), 'word/media/a.png': new Uint8Array(8) });
    const first = readReferenceParts(bytes);
    expect([...first.keys()]).toEqual(['word/styles.xml']);
    expect(readReferenceParts(bytes)).toBe(first);
    // Other bytes with the same content are read for themselves.
    expect(readReferenceParts(bytes.slice())).not.toBe(first);
  });

  it('refuses a refused reference again, with the same problem', () => {
    const bytes = zipSync({ 'word/styles.xml': strToU8('<w:styles>') });
    const problems = [0, 1].map(() => {
      try {
        readReferenceParts(bytes);
        return undefined;
      } catch (error) {
        return error;
      }
    });
    expect(problems[0]).toBeInstanceOf(ReferenceDocxError);
    expect((problems[0] as ReferenceDocxError).problem).toMatch(/word\/styles\.xml est mal formée/);
    expect(problems[1]).toBe(problems[0]);
  });
});
