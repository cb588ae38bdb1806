// Property test, seeded (replay with FC_SEED=<seed>): a signed convention mutated at random — byte
// flips, truncations, insertions, duplicated cross-reference sections, attacks combined with these —
// always gets a verdict from `delib verify` (never a throw, each in bounded time), and is declared
// intact only when every changed byte lies in the unsigned part of a signature (its zero padding).
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyPdf } from '../src/sign/verify.ts';
import { seedOf } from './property/checks.ts';
import { duplicateXref, replacePageContent, type SignedBase, signedBase } from './sign-attacks.ts';

let base: SignedBase;
beforeAll(async () => {
  base = await signedBase();
});

type Mutation =
  | { kind: 'flip'; at: number; mask: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'duplicate-xref' }
  | { kind: 'copy'; from: number; to: number; length: number };

const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: position, mask: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: position,
    bytes: fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 40 }),
      fc.constantFrom(
        ...[
          '%%EOF\n',
          'startxref\n0\n%%EOF\n',
          '<<',
          '[',
          '>>',
          'xref\n0 1\n',
          'trailer\n<< >>\n',
          ' 0 R',
        ].map((s) => Uint8Array.from(Buffer.from(s, 'latin1'))),
      ),
    ),
  }),
  fc.record({ kind: fc.constant('duplicate-xref' as const) }),
  fc.record({
    kind: fc.constant('copy' as const),
    from: position,
    to: position,
    length: fc.integer({ min: 1, max: 2000 }),
  }),
);

function apply(bytes: Uint8Array, m: Mutation): Uint8Array {
  const at = (x: number) => Math.floor(x * bytes.length);
  switch (m.kind) {
    case 'flip': {
      const out = Uint8Array.from(bytes);
      out[at(m.at)]! ^= m.mask;
      return out;
    }
    case 'truncate':
      return bytes.subarray(0, at(m.at));
    case 'insert':
      return Buffer.concat([bytes.subarray(0, at(m.at)), m.bytes, bytes.subarray(at(m.at))]);
    case 'duplicate-xref':
      try {
        return duplicateXref(bytes);
      } catch {
        return bytes;
      }
    case 'copy': {
      const out = Uint8Array.from(bytes);
      out.set(
        bytes.subarray(at(m.from), at(m.from) + m.length),
        Math.min(at(m.to), Math.max(0, out.length - m.length)),
      );
      return out;
    }
  }
}

/** Byte intervals [b, c) left out by the signatures of the original. */
function holes(bytes: Uint8Array): [number, number][] {
  return verifyPdf(bytes).signatures.flatMap((s) =>
    s.byteRange ? [[s.byteRange[1]!, s.byteRange[2]!] as [number, number]] : [],
  );
}

describe('delib verify on mutated signed PDFs', () => {
  it('always gives a verdict, and « intact » only when the signed bytes are untouched', () => {
    const originals = [base.once, base.twice, replacePageContent(base.once)];
    const unsigned = originals.map(holes);
    let slowest = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: originals.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        (which, mutations) => {
          const original = originals[which]!;
          const mutated = mutations.reduce(apply, original);
          const start = performance.now();
          const report = verifyPdf(mutated);
          slowest = Math.max(slowest, performance.now() - start);
          expect(typeof report.verdict).toBe('string');
          expect(report.verdict.length).toBeGreaterThan(0);
          for (const s of report.signatures) expect(s.verdict.length).toBeGreaterThan(0);
          if (report.intact) {
            expect(mutated.length).toBe(original.length);
            for (let i = 0; i < mutated.length; i++) {
              if (mutated[i] !== original[i]) {
                expect(
                  unsigned[which]!.some(([b, c]) => i > b && i < c - 1),
                  `byte ${i} changed`,
                ).toBe(true);
              }
            }
          }
        },
      ),
      { numRuns: Number(process.env.FC_RUNS) || 300, seed: seedOf(20261201) },
    );
    expect(slowest).toBeLessThan(30_000);
  });
});
