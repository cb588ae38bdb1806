import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conventionAt } from '../src/compose/annexes.ts';
import { composeDocument } from '../src/compose/compose.ts';
import { listDocuments } from '../src/compose/documents.ts';
import { withMemberNames } from '../src/facts/elus.ts';
import type { Seance } from '../src/schema/seance.ts';
import { templateEnv } from '../src/template/env.ts';
import { foldSpaces, treeText } from '../src/tree/text.ts';
import type { Block, DocumentTree } from '../src/tree/types.ts';
import { loadAndValidate } from '../src/validate/validate.ts';

const FIXTURES = ['sceaux-2023-03-23', 'conseil-2024-06-27', 'avant-seance', 'apres-seance'] as const;
// The seed of the project: the note de présentation the Sceaux fixture must reproduce.
const SEED = join(import.meta.dirname, '../fixtures/seed/note-de-presentation-sceaux-2023-03-23.txt');

async function seanceOf(name: string): Promise<Seance> {
  const { seance, diagnostics } = await loadAndValidate(join('fixtures', `${name}.yaml`));
  if (!seance) throw new Error(JSON.stringify(diagnostics, null, 2));
  return seance;
}

/** Folds what typography changes on purpose, so the seed can be compared word for word. */
const foldTypography = (text: string) => foldSpaces(text.replaceAll('’', "'"));

describe('the Sceaux note de présentation', () => {
  it('reads word for word as the seed (spaces and apostrophes folded)', async () => {
    const seance = await seanceOf('sceaux-2023-03-23');
    const ref = listDocuments(seance).find((d) => d.kind === 'note');
    if (!ref) throw new Error('no note');
    const tree = composeDocument(seance, ref, { env: templateEnv() });
    const seed = readFileSync(SEED, 'utf8')
      // The seed's capitals lack their accent; French typography wants « PRÉSENTATION ».
      .replace('NOTE DE PRESENTATION', 'NOTE DE PRÉSENTATION');
    expect(foldTypography(treeText(tree))).toBe(foldTypography(seed));
  });

  it('applies French typography to the clerk’s text', async () => {
    const seance = await seanceOf('sceaux-2023-03-23');
    const ref = listDocuments(seance).find((d) => d.kind === 'note');
    if (!ref) throw new Error('no note');
    const text = treeText(composeDocument(seance, ref, { env: templateEnv() }));
    expect(text).toContain('OBJET\u00A0: Signature d’une convention');
    expect(text).toContain('«\u00A0Quartiers Métropolitains d’Innovation\u00A0»');
    expect(text).not.toContain("'");
  });
});

function blocksOf(tree: DocumentTree, type: Block['type']): Block[] {
  const out: Block[] = [];
  const visit = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      if (b.type === type) out.push(b);
      if (b.type === 'keepTogether' || b.type === 'titleBlock') visit(b.children);
      if (b.type === 'list') for (const item of b.children) visit(item.children);
    }
  };
  visit(tree.children);
  return out;
}

describe.each(FIXTURES)('documents of %s', (name) => {
  it('match their golden trees (update with UPDATE_GOLDEN=1)', async () => {
    const seance = await seanceOf(name);
    const env = templateEnv();
    for (const ref of listDocuments(seance)) {
      const tree = composeDocument(seance, ref, { env, hyphenate: false });
      const file = join(import.meta.dirname, 'golden', name, `${ref.id}.json`);
      const json = `${JSON.stringify(tree, null, 1)}\n`;
      if (process.env.UPDATE_GOLDEN === '1') {
        mkdirSync(join(file, '..'), { recursive: true });
        writeFileSync(file, json);
      }
      // A missing golden fails: it is written only on purpose, then read and reviewed.
      expect(
        existsSync(file),
        `${file} is missing: run UPDATE_GOLDEN=1 npx vitest run test/compose.test.ts`,
      ).toBe(true);
      expect(json, `${ref.id} differs from ${file}`).toBe(readFileSync(file, 'utf8'));
    }
  });

  it('hyphenation only adds soft hyphens', async () => {
    const seance = await seanceOf(name);
    const env = templateEnv();
    for (const ref of listDocuments(seance)) {
      const plain = composeDocument(seance, ref, { env, hyphenate: false });
      const hyphenated = composeDocument(seance, ref, { env });
      expect(JSON.stringify(hyphenated).replaceAll('\u00AD', '')).toBe(JSON.stringify(plain));
    }
  });

  it('every convention has one signature per party and every délibération its two signatories, no projet any', async () => {
    const seance = await seanceOf(name);
    const env = templateEnv();
    for (const ref of listDocuments(seance)) {
      const tree = composeDocument(seance, ref, { env, hyphenate: false });
      const signatures = blocksOf(tree, 'signatures');
      const point = seance.points.find((p) => p.numero === ref.point);
      if (ref.kind === 'convention' && ref.annex !== null) {
        const parties = conventionAt(point, ref.annex)?.parties ?? [];
        expect(signatures).toHaveLength(1);
        const s = signatures[0];
        if (s?.type !== 'signatures') throw new Error('signatures expected');
        expect(s.children.map((c) => c.nom)).toEqual(parties.map((p) => p.representant));
      }
      if (ref.kind === 'deliberation') {
        const s = signatures[0];
        if (s?.type !== 'signatures') throw new Error('signatures expected');
        // Members referred to by their key in `elus` sign with their name.
        const named = withMemberNames(seance).seance;
        expect(s.children.map((c) => c.nom)).toEqual([named.president.nom, named.secretaire]);
      }
      // A projet is not signed.
      if (ref.kind === 'projet') expect(signatures).toEqual([]);
    }
  });
});
