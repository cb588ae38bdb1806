/**
 * The files annexed to points, in the bundle: each copied byte for byte under its own name
 * (`point-03-annexe-2.pdf`), and joined to the dossier de séance under its point's bookmark.
 *
 * @example
 * const parts = fileAnnexParts(point, 'Point n° 3 – Voirie', files); // [{ index: 1, part: {…} }]
 */
import type { AnnexFile } from '../annex/inspect.ts';
import { annexList } from '../compose/annexes.ts';
import type { DossierPart } from '../dossier/types.ts';
import type { Point } from '../schema/seance.ts';
import type { ManifestDocument } from './manifest.ts';

/** « Annexe 2 : Plan de situation ». */
export function annexTitle(numero: string, titre: string): string {
  return `Annexe ${numero} : ${titre}`;
}

/** The file annexes of a point as dossier parts, with their index among the point's annexes. */
export function fileAnnexParts(
  point: Point,
  group: string,
  files: ReadonlyMap<string, AnnexFile>,
): { readonly index: number; readonly part: DossierPart }[] {
  return annexList(point).flatMap((entry) => {
    const file = entry.file && files.get(entry.file.source);
    if (!entry.file || !file) return [];
    const { source } = entry.file;
    const part: DossierPart = {
      title: annexTitle(entry.numero, entry.titre),
      group,
      label: source,
      alt: entry.titre,
      load: async () =>
        file.format === 'pdf'
          ? { kind: 'pdf', bytes: file.bytes }
          : { kind: 'image', format: file.format, bytes: file.bytes },
    };
    return [{ index: entry.index, part }];
  });
}

/** What to write for the file annexes of a point: bundle name, bytes, manifest entry (without hash). */
export function annexFileEntries(
  point: Point,
  files: ReadonlyMap<string, AnnexFile>,
): { file: string; bytes: Uint8Array; entry: Omit<ManifestDocument, 'path' | 'sha256' | 'bytes'> }[] {
  return annexList(point).flatMap((a) => {
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
          title: annexTitle(a.numero, a.titre),
          source: a.file.source,
          ...(file.signed ? { signed: true as const } : {}),
        },
      },
    ];
  });
}
