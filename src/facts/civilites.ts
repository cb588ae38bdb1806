/**
 * Civilities as collectivités write them before a name: « M. », « Mme », « Mlle », « Monsieur »,
 * « Madame », « Mademoiselle », and the plural « MM. », « Mmes », « Mlles » of a group. Each gives
 * the genre of the person it names; a typed name keeps its own.
 *
 * @example
 * writtenCivility('Madame Claire Aubel') // { civilite: 'Madame', nom: 'Claire Aubel' }
 * civilityGenre('Mlle') // 'f'
 */
import type { Elu } from '../schema/seance.ts';

export type Civilite = NonNullable<Elu['civilite']>;

const FEMININE: ReadonlySet<string> = new Set(['Mme', 'Mmes', 'Mlle', 'Mlles', 'Madame', 'Mademoiselle']);
const MASCULINE: ReadonlySet<string> = new Set(['M.', 'MM.', 'Monsieur']);

/** The genre a civility gives, or undefined for anything else. */
export function civilityGenre(civilite: string | undefined): 'f' | 'm' | undefined {
  if (civilite === undefined) return undefined;
  return FEMININE.has(civilite) ? 'f' : MASCULINE.has(civilite) ? 'm' : undefined;
}

/** The singular of a group's civility (« MM. » → « M. »), a single person's as written. */
const SINGULAR: Readonly<Record<string, Civilite>> = { 'MM.': 'M.', Mmes: 'Mme', Mlles: 'Mlle' };

const WRITTEN = /^(MM\.|M\.|Mmes|Mme|Mlles|Mlle|Monsieur|Madame|Mademoiselle)[\s\u00A0]+(.+)$/u;

/** The civility typed at the head of a name in full, and the name after it; undefined without one. */
export function writtenCivility(
  name: string,
): { readonly civilite: string; readonly singulier: Civilite; readonly nom: string } | undefined {
  const m = WRITTEN.exec(name);
  const civilite = m?.[1];
  const nom = m?.[2];
  if (civilite === undefined || nom === undefined) return undefined;
  return { civilite, singulier: SINGULAR[civilite] ?? (civilite as Civilite), nom };
}
