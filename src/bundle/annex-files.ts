/**
 * The files annexed to points, in the bundle: each copied byte for byte under its own name
 * (`point-03-annexe-2.pdf`), and joined to the dossier de séance under its point's bookmark.
 *
 * @example
 * const parts = fileAnnexParts(formules.annexe, point, 'Point n° 3 – Voirie', files); // [{ index: 1, part: {…} }]
 */
import type { AnnexFile } from '../annex/inspect.ts';
import {
  type AnnexEntry,
  annexList,
  type ConventionAnnexEntry,
  conventionAnnexList,
  conventionAt,
} from '../compose/annexes.ts';
import type { DossierPart } from '../dossier/types.ts';
import { fillFormula } from '../facts/formules.ts';
import type { Point } from '../schema/seance.ts';
import { frenchTypographyText } from '../tree/transforms/typography.ts';
import type { ManifestDocument } from './manifest.ts';

/** « Annexe 2 : Plan de situation », in the collectivité's formula `annexe`, typeset. */
export function annexTitle(formula: string, numero: string, titre: string): string {
  return frenchTypographyText(fillFormula(formula, { numero, titre }));
}

type Listed = Pick<AnnexEntry, 'numero' | 'titre' | 'file'>;

/** A joined file as a dossier part (« Annexe 2 : Plan de situation »), when it was read. */
function joinedPart(
  formula: string,
  entry: Listed,
  group: string,
  files: ReadonlyMap<string, AnnexFile>,
): DossierPart | undefined {
  const file = entry.file && files.get(entry.file.source);
  if (!entry.file || !file) return undefined;
  return {
    title: annexTitle(formula, entry.numero, entry.titre),
    group,
    label: entry.file.source,
    alt: entry.titre,
    load: async () =>
      file.format === 'pdf'
        ? { kind: 'pdf', bytes: file.bytes }
        : { kind: 'image', format: file.format, bytes: file.bytes },
  };
}

/** The file annexes of a point as dossier parts, with their index among the point's annexes. */
export function fileAnnexParts(
  formula: string,
  point: Point,
  group: string,
  files: ReadonlyMap<string, AnnexFile>,
): { readonly index: number; readonly part: DossierPart }[] {
  return annexList(point).flatMap((entry) => {
    const part = joinedPart(formula, entry, group, files);
    return part ? [{ index: entry.index, part }] : [];
  });
}

/** The joined files of a point's conventions, each with the title « Convention … – Annexe 1 : … ». */
function conventionAnnexFiles(
  formula: string,
  point: Point,
): (ConventionAnnexEntry & { readonly fullTitle: string })[] {
  return (point.annexes ?? []).flatMap((_, index) => {
    const convention = conventionAt(point, index);
    if (!convention) return [];
    return conventionAnnexList(point, index).map((a) => ({
      ...a,
      fullTitle: `${frenchTypographyText(convention.titre)} – ${annexTitle(formula, a.numero, a.titre)}`,
    }));
  });
}

/** The joined files of the convention at `index`, as dossier parts placed right after it. */
export function conventionAnnexParts(
  formula: string,
  point: Point,
  index: number,
  group: string,
  files: ReadonlyMap<string, AnnexFile>,
): DossierPart[] {
  return conventionAnnexList(point, index).flatMap((entry) => joinedPart(formula, entry, group, files) ?? []);
}

/** What to write for the file annexes of a point: bundle name, bytes, manifest entry (without hash). */
export function annexFileEntries(
  formula: string,
  point: Point,
  files: ReadonlyMap<string, AnnexFile>,
): { file: string; bytes: Uint8Array; entry: Omit<ManifestDocument, 'path' | 'sha256' | 'bytes'> }[] {
  const own = annexList(point).map((a) => ({ ...a, fullTitle: annexTitle(formula, a.numero, a.titre) }));
  return [...own, ...conventionAnnexFiles(formula, point)].flatMap((a) => {
    const file = a.file && files.get(a.file.source);
    if (!a.file || !file) return [];
    return [
      {
        file: a.file.bundleName,
        bytes: file.bytes,
        entry: {
          kind: 'annexe' as const,
          point: point.numero,
          format: file.format,
          ...(file.format === 'pdf' ? { pages: file.pages } : {}),
          title: a.fullTitle,
          source: a.file.source,
          ...(file.signed ? { signed: true as const } : {}),
        },
      },
    ];
  });
}
