/**
 * The registry of document kinds is the only place a kind is described. The type-level checks
 * below are compiled by `tsc --noEmit` (this file is in its `include`): each `@ts-expect-error`
 * fails the build if the error it expects disappears, so they prove that a kind missing from the
 * registry, or a registry entry that is not a kind, does not compile. The runtime checks read the
 * registry where the documents are listed.
 */
import { describe, expect, it } from 'vitest';
import { listDocuments } from '../src/compose/documents.ts';
import { KIND_NAMES, KINDS, type KindSpec, kindSpec } from '../src/compose/kinds.ts';
import type { Seance } from '../src/schema/seance.ts';
import { TEMPLATE_NAMES } from '../src/template/env.ts';
import type { DocumentKind } from '../src/tree/types.ts';
import { loadAndValidate } from '../src/validate/validate.ts';

// A new kind added to DocumentKind but not described in the registry: does not compile.
type WithDummy = DocumentKind | 'dummy';
// @ts-expect-error — 'dummy' has no KindSpec in KINDS
const missing: Record<WithDummy, KindSpec> = KINDS;
void missing;

// A registry entry that is not a DocumentKind: does not compile either.
const extra = {
  ...KINDS,
  // @ts-expect-error — 'dummy' is not a DocumentKind
  dummy: KINDS.note,
} satisfies Record<DocumentKind, KindSpec>;
void extra;

// A kind whose template does not exist: does not compile.
const badTemplate = {
  ...KINDS,
  // @ts-expect-error — 'proces-verbal-inconnu' is not a template of TEMPLATE_NAMES
  note: { ...KINDS.note, template: 'proces-verbal-inconnu' },
} satisfies Record<DocumentKind, KindSpec>;
void badTemplate;

async function seanceOf(file: string): Promise<Seance> {
  const { seance, diagnostics } = await loadAndValidate(file);
  if (!seance) throw new Error(JSON.stringify(diagnostics));
  return seance;
}

describe('the registry of document kinds', () => {
  it('uses every template, and only templates that exist', () => {
    expect(new Set(KIND_NAMES.map((k) => kindSpec(k).template))).toEqual(new Set(TEMPLATE_NAMES));
  });

  it('gives every séance-wide document a file name of its own', async () => {
    const names = KIND_NAMES.filter((k) => kindSpec(k).scope === 'seance').map((k) => kindSpec(k).file);
    expect(new Set(names).size).toBe(names.length);
    const seance = await seanceOf('fixtures/apres-seance.yaml');
    const ids = listDocuments(seance).map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lists the documents of each moment from the registry: projets before, acts and liste after', async () => {
    const kinds = async (file: string) => new Set(listDocuments(await seanceOf(file)).map((d) => d.kind));
    expect(await kinds('fixtures/avant-seance.yaml')).toEqual(
      new Set(['convocation', 'ordre-du-jour', 'note', 'projet', 'convention']),
    );
    expect(await kinds('fixtures/apres-seance.yaml')).toEqual(
      new Set([
        'convocation',
        'ordre-du-jour',
        'note',
        'deliberation',
        'convention',
        'liste-des-deliberations',
      ]),
    );
  });
});
