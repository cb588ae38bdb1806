/**
 * The annexes of a point: conventions written in the séance and files joined to it, numbered in
 * their order (« Annexe 1 : Plan de situation »), each file copied into the bundle under its own
 * name (`point-03-annexe-2.pdf`).
 *
 * @example
 * annexList(point) // [{ numero: '1', titre: 'Convention de partenariat…' }, { numero: '2', titre: 'Plan de situation', file: … }]
 */
import type { Annexe, AnnexeFichier, Convention, Point } from '../schema/seance.ts';

const pointStem = (point: Point) => `point-${String(point.numero).padStart(2, '0')}`;

export function isFileAnnex(annexe: Annexe): annexe is AnnexeFichier {
  return 'fichier' in annexe;
}

/** The convention at `index` in the point's annexes, if that annex is one. */
export function conventionAt(point: Point | undefined, index: number | null): Convention | undefined {
  const annexe = index === null ? undefined : point?.annexes?.[index];
  return annexe && 'convention' in annexe ? annexe.convention : undefined;
}

export interface AnnexEntry {
  /** Index in the point's `annexes`. */
  readonly index: number;
  /** Number shown (« 2 », « 2 bis »): `numero` when given, else the rank among the annexes. */
  readonly numero: string;
  readonly titre: string;
  /** For a file annex: the file as written in the séance, and its name in the bundle. */
  readonly file?: { readonly source: string; readonly bundleName: string; readonly format: AnnexFormat };
}

export type AnnexFormat = 'pdf' | 'png' | 'jpeg';

/** Format of a file annex from its name (the schema allows only these extensions). */
export function annexFormat(path: string): AnnexFormat {
  const ext = path.toLowerCase().split('.').pop();
  return ext === 'png' ? 'png' : ext === 'pdf' ? 'pdf' : 'jpeg';
}

const EXTENSIONS: Readonly<Record<AnnexFormat, string>> = { pdf: 'pdf', png: 'png', jpeg: 'jpg' };

export function annexList(point: Point): AnnexEntry[] {
  const stem = pointStem(point);
  return (point.annexes ?? []).map((annexe, index) => {
    if (!isFileAnnex(annexe)) return { index, numero: String(index + 1), titre: annexe.convention.titre };
    const format = annexFormat(annexe.fichier);
    return {
      index,
      numero: String(annexe.numero ?? index + 1),
      titre: annexe.titre,
      file: {
        source: annexe.fichier,
        bundleName: `${stem}-annexe-${index + 1}.${EXTENSIONS[format]}`,
        format,
      },
    };
  });
}

/** A convention's own annex (« Annexe 1 : Budget prévisionnel »), with its file when one is joined. */
export interface ConventionAnnexEntry {
  /** Index of the convention in the point's annexes. */
  readonly convention: number;
  readonly numero: string;
  readonly titre: string;
  readonly file?: AnnexEntry['file'];
}

/**
 * The own annexes of the convention at `index` among the point's annexes, numbered in their
 * order; a file is copied as `point-02-convention-1-annexe-1.pdf`.
 *
 * @example
 * conventionAnnexList(point, 0) // [{ convention: 0, numero: '1', titre: 'Budget prévisionnel', file: {…} }]
 */
export function conventionAnnexList(point: Point, index: number): ConventionAnnexEntry[] {
  const convention = conventionAt(point, index);
  const stem = `${pointStem(point)}-convention-${index + 1}`;
  return (convention?.annexes ?? []).map((annexe, k) => {
    const numero = annexe.numero ?? String(k + 1);
    if (annexe.fichier === undefined) return { convention: index, numero, titre: annexe.titre };
    const format = annexFormat(annexe.fichier);
    return {
      convention: index,
      numero,
      titre: annexe.titre,
      file: { source: annexe.fichier, bundleName: `${stem}-annexe-${k + 1}.${EXTENSIONS[format]}`, format },
    };
  });
}

/** Every file a point joins (its file annexes, its conventions' own), with its JSON pointer under the point. */
export function joinedFiles(point: Point): { readonly path: string; readonly pointer: string }[] {
  return (point.annexes ?? []).flatMap((annexe, j) => {
    if (isFileAnnex(annexe)) return [{ path: annexe.fichier, pointer: `annexes/${j}/fichier` }];
    return (annexe.convention.annexes ?? []).flatMap((own, k) =>
      own.fichier === undefined
        ? []
        : [{ path: own.fichier, pointer: `annexes/${j}/convention/annexes/${k}/fichier` }],
    );
  });
}
