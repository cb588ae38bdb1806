/**
 * Nothing invented: a séance with only the required fields builds into documents that state
 * nothing the YAML does not — no vote, no attendance, no hour, place or convocation date, no
 * secrétaire, no rapporteur, no « Fait à », no blank to fill — read back from the tree, the PDF
 * (pdf.js) and the DOCX (word/document.xml and footers).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../src/bundle/manifest.ts';
import { composeDocument } from '../src/compose/compose.ts';
import { listDocuments } from '../src/compose/documents.ts';
import type { Seance } from '../src/schema/seance.ts';
import { templateEnv } from '../src/template/env.ts';
import { treeText } from '../src/tree/text.ts';
import { loadAndValidate } from '../src/validate/validate.ts';
import { runDelib } from './support/cli.ts';
import { readDocx, xmlText } from './support/docx.ts';
import { readPdf } from './support/pdf.ts';

const FIXTURE = 'fixtures/minimale.yaml';

/** Words that only a stated fact could bring into a document of this séance. */
const FORBIDDEN: readonly (string | RegExp)[] = [
  /abstention/i,
  /pr[ée]sents/i,
  /repr[ée]sent[ée]s/i,
  /absents/i,
  /votants/i,
  /voix/i,
  /pouvoirs/i,
  /secr[ée]taire/i,
  /rapporteur/i,
  /fait à/i,
  /exemplaire/i,
  /convoqu/i,
  /convocation/i,
  /heures?\b/i,
  /transmise/i,
  /publi[ée]e le/i,
  /qualit[ée]/i,
  /(^|\s)0(\s|$)/,
  /\.\.\.|…/,
];

/**
 * What a kind states by nature: the convocation convenes; the liste keeps its template's blank
 * for the date of display, filled by hand. The dossier holds the convocation.
 */
const OWN_WORDS: Readonly<Record<string, readonly string[]>> = {
  convocation: [String(/convoqu/i), String(/convocation/i)],
  'liste-des-deliberations': [String(/\.\.\.|…/)],
  dossier: [String(/convoqu/i), String(/convocation/i)],
};

function offences(text: string, kind: string): string[] {
  const own = OWN_WORDS[kind] ?? [];
  return FORBIDDEN.filter((f) => (typeof f === 'string' ? text.includes(f) : f.test(text)))
    .map(String)
    .filter((f) => !own.includes(f));
}

let seance: Seance;
const work = mkdtempSync(join(tmpdir(), 'delib-nothing-invented-'));
const out = join(work, 'sortie');
let manifest: Manifest;

beforeAll(async () => {
  const loaded = await loadAndValidate(FIXTURE);
  if (!loaded.seance) throw new Error(JSON.stringify(loaded.diagnostics));
  seance = loaded.seance;
  const result = await runDelib(['build', FIXTURE, '-o', out, '-q'], { env: { SOURCE_DATE_EPOCH: '0' } });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a séance with every optional field absent', () => {
  it('validates without a diagnostic', async () => {
    expect((await loadAndValidate(FIXTURE)).diagnostics).toEqual([]);
  });

  it('makes no document for what is not there (no note without one, nothing for an information point)', () => {
    expect(listDocuments(seance).map((d) => d.id)).toEqual([
      'convocation',
      'ordre-du-jour',
      'point-01-projet',
      'point-02-note',
      'point-02-deliberation',
      'point-02-convention-1',
      'liste-des-deliberations',
    ]);
  });

  it('states nothing the YAML does not imply, in every document tree', () => {
    const env = templateEnv();
    for (const ref of listDocuments(seance)) {
      const text = treeText(composeDocument(seance, ref, { env, hyphenate: false }));
      const allowed = offences(text, ref.kind);
      expect(allowed, `${ref.id}:\n${text}`).toEqual([]);
    }
  });

  it('states nothing the YAML does not imply, in every PDF (pdf.js) and DOCX (document.xml)', async () => {
    for (const entry of manifest.documents) {
      const bytes = readFileSync(join(out, entry.path));
      let text: string;
      if (entry.format === 'pdf') {
        const pdf = await readPdf(bytes);
        text = pdf.pages.map((p) => p.items.map((i) => i.str).join(' ')).join('\n');
      } else {
        const docx = readDocx(bytes);
        text = [docx.document, ...docx.footers, ...docx.headers].map(xmlText).join('\n');
      }
      const found = offences(text, entry.kind);
      expect(found, `${entry.path}:\n${text}`).toEqual([]);
    }
  });
});
