/**
 * Grammar that follows the data: the genre of a person or a party, the article before a qualité.
 * Nothing is guessed beyond what the YAML says (a civility, a `genre`, an article, a feminine
 * qualité); when it says nothing, the traditional form is kept.
 *
 * @example
 * genreOfPerson('Mme Odile Vasseur', []) // 'f'
 * withArticle('Présidente') // 'La Présidente'
 * withArticle('Maire', 'f') // 'La Maire'
 */
import { civilityGenre, writtenCivility } from '../facts/civilites.ts';
import type { Elu } from '../schema/seance.ts';

export type Genre = 'f' | 'm';

/** From the élu declared with this name (its civility), else from a civility written in the name. */
export function genreOfPerson(name: string, elus: readonly Elu[] | undefined): Genre | undefined {
  const elu = elus?.find((e) => e.nom === name || e.cle === name);
  const declared = civilityGenre(elu?.civilite);
  if (declared) return declared;
  return civilityGenre(writtenCivility(name)?.civilite);
}

/** A qualité written in the feminine (« Présidente », « Adjointe », « Conseillère », « Directrice »). */
export function feminineQualite(qualite: string): boolean {
  const first = qualite.trim().split(/[\s,]/u)[0] ?? '';
  return /(ente|ointe|ère|trice|euse|ée)$/u.test(first);
}

/** « Le Maire », « La Présidente »; a qualité already with its article or a possessive is kept as written. */
export function withArticle(qualite: string, genre?: Genre): string {
  const q = qualite.trim();
  // « son Président », « sa Présidente »: a possessive is the qualité's own determiner.
  if (q === '' || /^(le|la|les|l[’'])\s?/iu.test(q) || /^(son|sa|ses|leur)\s/iu.test(q)) return q;
  const feminine = genre === 'f' || (genre === undefined && feminineQualite(q));
  if (/^[aeéèêiîoôuh]/iu.test(q)) return `L’${q}`;
  return `${feminine ? 'La' : 'Le'} ${q}`;
}

/**
 * Genre of the first noun of the bodies that sign conventions, lower-case without article; an
 * acronym counts as its first noun (« SIVU » : syndicat, « CCAS » : centre, « SEM » : société).
 */
const BODY_NOUNS: Readonly<Record<string, Genre>> = {
  agence: 'f',
  agglomération: 'f',
  association: 'f',
  caisse: 'f',
  chambre: 'f',
  collectivité: 'f',
  commune: 'f',
  communauté: 'f',
  coopérative: 'f',
  direction: 'f',
  entreprise: 'f',
  fédération: 'f',
  fondation: 'f',
  métropole: 'f',
  mutuelle: 'f',
  préfecture: 'f',
  région: 'f',
  régie: 'f',
  société: 'f',
  union: 'f',
  université: 'f',
  ville: 'f',
  sem: 'f',
  spl: 'f',
  sa: 'f',
  sas: 'f',
  sarl: 'f',
  scic: 'f',
  académie: 'f',
  administration: 'f',
  autorité: 'f',
  banque: 'f',
  compagnie: 'f',
  conférence: 'f',
  délégation: 'f',
  école: 'f',
  intercommunalité: 'f',
  mairie: 'f',
  maison: 'f',
  mission: 'f',
  paroisse: 'f',
  poste: 'f',
  république: 'f',
  résidence: 'f',
  caf: 'f',
  cci: 'f',
  cma: 'f',
  cpam: 'f',
  sci: 'f',
  scop: 'f',
  semop: 'f',
  spla: 'f',
  sncf: 'f',
  bureau: 'm',
  cabinet: 'm',
  centre: 'm',
  club: 'm',
  collège: 'm',
  comité: 'm',
  conservatoire: 'm',
  consortium: 'm',
  district: 'm',
  foyer: 'm',
  hôpital: 'm',
  lycée: 'm',
  musée: 'm',
  observatoire: 'm',
  organisme: 'm',
  pays: 'm',
  port: 'm',
  théâtre: 'm',
  territoire: 'm',
  tribunal: 'm',
  cdg: 'm',
  crous: 'm',
  ehpad: 'm',
  epa: 'm',
  epf: 'm',
  gie: 'm',
  onf: 'm',
  siaep: 'm',
  sitom: 'm',
  sivos: 'm',
  smitom: 'm',
  conseil: 'm',
  département: 'm',
  établissement: 'm',
  état: 'm',
  groupement: 'm',
  institut: 'm',
  ministère: 'm',
  office: 'm',
  parc: 'm',
  pôle: 'm',
  service: 'm',
  syndicat: 'm',
  ccas: 'm',
  cias: 'm',
  epci: 'm',
  epic: 'm',
  gip: 'm',
  oph: 'm',
  pnr: 'm',
  sdis: 'm',
  sictom: 'm',
  sivom: 'm',
  sivu: 'm',
  smictom: 'm',
};

/** The genre of a body's name from its article (le, la) or its first noun (after « l’ »), if known. */
function genreOfBodyName(name: string | undefined): Genre | undefined {
  const text = name?.trim() ?? '';
  const article = /^(le|la)\s/iu.exec(text)?.[1]?.toLowerCase();
  if (article !== undefined) return article === 'le' ? 'm' : 'f';
  const noun = /^(?:l[’']\s?)?([\p{L}]+)/iu.exec(text)?.[1]?.toLowerCase() ?? '';
  return BODY_NOUNS[noun];
}

/** The first noun of a body's name when delib knows its genre (« Syndicat mixte … » → syndicat). */
function knownBodyNoun(name: string): boolean {
  const noun = /^([\p{L}]+)/iu.exec(name.trim())?.[1]?.toLowerCase() ?? '';
  return BODY_NOUNS[noun] !== undefined;
}

/**
 * A party's name with the article its first noun takes, when that noun is a body delib knows
 * (« Syndicat mixte des Eaux » → « le Syndicat mixte des Eaux », « Établissement … » → « l’Établissement … »);
 * any other name (a person, a company's name, a name with its article) as written.
 */
export function withBodyArticle(name: string, genre: Genre): string {
  const text = name.trim();
  if (!knownBodyNoun(text)) return text;
  if (/^[aeéèêiîoôuh]/iu.test(text)) return `l’${text}`;
  return `${genre === 'f' ? 'la' : 'le'} ${text}`;
}

/**
 * Whether a convention party is plural: its `nombre`, else the article « Les » opening its
 * dénomination or its name (« Les Amis du Moulin »).
 */
export function pluralParty(party: {
  readonly nombre?: 'singulier' | 'pluriel';
  readonly denomination?: string;
  readonly nom?: string;
}): boolean {
  if (party.nombre !== undefined) return party.nombre === 'pluriel';
  return [party.denomination, party.nom].some((name) => /^les\s/iu.test(name?.trim() ?? ''));
}

/**
 * Whether nothing about a party gives its genre (no `genre`, no article nor known noun in its
 * dénomination or name, no civility): delib then takes the masculine, and says so.
 */
export function partyGenreGuessed(party: {
  readonly genre?: Genre;
  readonly nombre?: 'singulier' | 'pluriel';
  readonly denomination?: string;
  readonly nom?: string;
}): boolean {
  // A plural party without a genre takes the masculine plural, French's form for any group not
  // said to be feminine (« Les Amis du Moulin, représentés par … »): nothing is guessed.
  return (
    !pluralParty(party) &&
    party.genre === undefined &&
    genreOfBodyName(party.denomination) === undefined &&
    genreOfBodyName(party.nom) === undefined &&
    genreOfPerson(party.nom ?? '', undefined) === undefined
  );
}

/**
 * Genre of a convention party: its `genre`, else its dénomination's article or first noun
 * (« le Syndicat », « l’Établissement », « la Région »), else its name's (« Syndicat mixte … »,
 * « Commune de … »), else a civility in its name (« Mme … »), else masculine, the unmarked form.
 */
export function genreOfParty(party: {
  readonly genre?: Genre;
  readonly denomination?: string;
  readonly nom?: string;
}): Genre {
  return (
    party.genre ??
    genreOfBodyName(party.denomination) ??
    genreOfBodyName(party.nom) ??
    genreOfPerson(party.nom ?? '', undefined) ??
    'm'
  );
}

/** « e » for the feminine, as formulas write `représenté{e}`. */
export const agreement = (genre: Genre | undefined): string => (genre === 'f' ? 'e' : '');

/** First words of the instances whose name is feminine (« la Commission permanente »). */
const FEMININE_INSTANCES: ReadonlySet<string> = new Set([
  'assemblée',
  'chambre',
  'commission',
  'communauté',
  'conférence',
  'délégation',
  'métropole',
  'réunion',
]);

/** The instance's genre: as the YAML states it, else from the first word of its name. */
export function genreOfInstance(instance: string, genre?: Genre): Genre {
  if (genre) return genre;
  const first =
    instance
      .trim()
      .split(/[\s\u00A0,]/u)[0]
      ?.toLowerCase() ?? '';
  return FEMININE_INSTANCES.has(first) ? 'f' : 'm';
}

/**
 * The instance with its article, as formulas write it: « le Conseil municipal », « la Commission
 * permanente », « l’Assemblée de Corse », « du / de la / de l’ », and « e » to agree with it.
 */
export interface InstanceForms {
  readonly le_instance: string;
  readonly Le_instance: string;
  readonly du_instance: string;
  readonly e: string;
}

export function instanceForms(instance: string, genre?: Genre): InstanceForms {
  const name = instance.trim();
  const feminine = genreOfInstance(name, genre) === 'f';
  const elided = /^[aeéèêiîoôuh]/iu.test(name);
  const le = elided ? 'l’' : feminine ? 'la ' : 'le ';
  const du = elided ? 'de l’' : feminine ? 'de la ' : 'du ';
  return {
    le_instance: `${le}${name}`,
    Le_instance: `${le.charAt(0).toUpperCase()}${le.slice(1)}${name}`,
    du_instance: `${du}${name}`,
    e: agreement(feminine ? 'f' : 'm'),
  };
}
