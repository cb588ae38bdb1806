// `npm run fuzz`: the property tests of `npm test` with many more cases and a new seed each run
// (printed first; replay with FC_SEED=<seed> npm run fuzz), plus random bytes and random Markdown.
// The rendering property runs in render-*.test.ts, one process each (see render.ts).
// FUZZ_RUNS scales every property (default 1: a few thousand cases in a few minutes).
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { blocksFromMarkdown } from '../../src/tree/from-mdast.ts';
import { loadAndValidate } from '../../src/validate/validate.ts';
import { BASE } from '../hostile/base.ts';
import { editedIsHandled, seedOf } from '../property/checks.ts';
import { editsArbitrary } from '../property/edits.ts';

const seed = seedOf(Date.now() % 2 ** 31);
const scale = Number(process.env.FUZZ_RUNS ?? 1) || 1;
console.log(`fuzz: seed ${seed} (rejouer : FC_SEED=${seed} npm run fuzz)`);

const folder = mkdtempSync(join(tmpdir(), 'delib-fuzz-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
mkdirSync(join(folder, 'points'));
copyFileSync('fixtures/points/02-subventions.yaml', join(folder, 'points/02-subventions.yaml'));
const VALID_TEXTS = [
  BASE,
  readFileSync('fixtures/sceaux-2023-03-23.yaml', 'utf8'),
  readFileSync('fixtures/conseil-2024-06-27.yaml', 'utf8'),
];

describe(`fuzz (seed ${seed})`, () => {
  it('edited séances never crash', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc
          .nat({ max: VALID_TEXTS.length - 1 })
          .chain((i) => editsArbitrary(VALID_TEXTS[i]!).map((edits) => ({ i, edits }))),
        async ({ i, edits }) => {
          await editedIsHandled(
            edits.reduce((t, e) => e.apply(t), VALID_TEXTS[i]!),
            folder,
            `edit-${n++}.yaml`,
          );
        },
      ),
      { seed, numRuns: 3_000 * scale },
    );
  });

  it('random bytes never crash the loader', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2_000 }), async (bytes) => {
        const file = join(folder, `bytes-${n++}.yaml`);
        writeFileSync(file, bytes);
        await loadAndValidate(file);
      }),
      { seed, numRuns: 2_000 * scale },
    );
  });

  it('random Markdown never throws and places its problems inside the text', () => {
    const markdown = fc.array(
      fc.oneof(
        fc.constantFrom(
          '- ',
          '* ',
          '1. ',
          '> ',
          '# ',
          '**',
          '*',
          '_',
          '`',
          '[',
          '](',
          ')',
          '![',
          '<b>',
          '</b>',
          '|',
          '---',
          ':::',
          '\\',
          '\n',
          '\n\n',
          '  ',
          '\t',
          '&amp;',
          'é',
          '«',
          '»',
        ),
        fc.string({ maxLength: 6 }),
      ),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(markdown, fc.constantFrom('richtext', 'template'), (parts, mode) => {
        const text = parts.join('');
        const { problems } = blocksFromMarkdown(text, { mode: mode as 'richtext' | 'template' });
        const lines = text.split(/\r\n|\r|\n/).length;
        for (const p of problems) {
          if (p.line < 1 || p.line > lines || p.column < 1) {
            throw new Error(
              `problème mal placé ${p.code} ${p.line}:${p.column} dans ${JSON.stringify(text)}`,
            );
          }
        }
      }),
      { seed, numRuns: 5_000 * scale },
    );
  });
});
