/**
 * The @ctes identifier of an act, as the préfecture returns it: département (3 characters, « 075 »,
 * « 02A », « 974 »), SIREN (9 digits), date of the decision (AAAAMMJJ), the act's local number,
 * the nature (DE, AR, AI, CC, BF, AU), and the optional « -1-1 » the stamps add:
 * « 092-219200714-20230323-2023_03_01-DE », « 075-287500078-20150708-2015-294-DE »,
 * « 013-211300074-20220106-AR-2022-02-AR-1-1 », « 013-211300017-20150629lmc168449-DE-1-1 ».
 *
 * The local number is 1 to 15 characters among letters without accent, digits and « _ », in one or
 * more parts joined by single hyphens (the préfecture keeps the collectivité's « 2015-294 »); a
 * local id « lmc… » follows the date without a hyphen. The schema's pattern and `ctesIdentifierProblem`
 * say the same (test: src/schema/ctes-identifier.test.ts); the second says what is wrong.
 */

const NATURES = ['DE', 'AR', 'AI', 'CC', 'BF', 'AU'] as const;
const NATURE = `(?:${NATURES.join('|')})`;
const SUFFIX = '(?:-\\d+-\\d+)?';
const DATE = '\\d{4}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])';
const LOCAL_MAX = 15;

/** The schema's pattern of `transmission.identifiant`. */
export const CTES_IDENTIFIER_PATTERN =
  `^(?:\\d{3}|02[AB])-\\d{9}-${DATE}` +
  `(?:lmc\\d{1,${LOCAL_MAX - 3}}|-(?=[A-Za-z0-9_-]{1,${LOCAL_MAX}}-${NATURE}${SUFFIX}$)[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*)` +
  `-${NATURE}${SUFFIX}$`;

const EXAMPLE = 'par exemple « 092-219200714-20230323-2023_03_01-DE »';

/** What is wrong in the local number (between the date and the nature), or undefined. */
function localProblem(local: string): string | undefined {
  if (local === '') return 'il manque le numéro de l’acte entre la date et la nature';
  const odd = /[^A-Za-z0-9_-]/u.exec(local)?.[0];
  if (odd !== undefined) {
    const shown = odd === ' ' ? 'une espace' : `« ${odd} »`;
    return `le numéro de l’acte « ${local} » contient ${shown} : seuls les lettres sans accent, les chiffres, « _ » et « - » sont acceptés par @ctes`;
  }
  if (local.includes('--')) return `le numéro de l’acte « ${local} » contient deux tirets de suite`;
  if (local.startsWith('-') || local.endsWith('-')) {
    return `le numéro de l’acte « ${local} » commence ou finit par un tiret`;
  }
  if (local.length > LOCAL_MAX) {
    return `le numéro de l’acte « ${local} » compte ${local.length} caractères, au-delà des ${LOCAL_MAX} que @ctes accepte`;
  }
  return undefined;
}

/** The nature at the end (with its « -1-1 »), and what comes before it; undefined when absent. */
function splitNature(rest: string): { readonly before: string; readonly nature: string } | undefined {
  const m = /^(.*)-([A-Za-z]{2})(-\d+-\d+)?$/u.exec(rest);
  if (!m) return undefined;
  return { before: m[1] ?? '', nature: m[2] ?? '' };
}

/**
 * Why `text` is not an @ctes identifier, in French (a clause to put after « : »), or undefined
 * when it is one.
 *
 * @example
 * ctesIdentifierProblem('075-287500078-20150708-2015-294-DE') // undefined
 * ctesIdentifierProblem('075-287500078-20150708-2015--294-DE')
 * // 'le numéro de l’acte « 2015--294 » contient deux tirets de suite'
 */
export function ctesIdentifierProblem(text: string): string | undefined {
  const [departement = '', siren = '', ...others] = text.split('-');
  if (!/^(\d{3}|02[AB])$/u.test(departement)) {
    return `il commence par « ${departement} » au lieu du code du département sur 3 caractères (« 075 », « 02A », « 974 »)`;
  }
  if (!/^\d{9}$/u.test(siren)) return `le SIREN « ${siren} » doit compter 9 chiffres`;
  const rest = others.join('-');
  const date = rest.slice(0, 8);
  if (!new RegExp(`^${DATE}$`, 'u').test(date)) {
    return `« ${date} » n’est pas la date de l’acte écrite AAAAMMJJ (année, mois de 01 à 12, jour de 01 à 31)`;
  }
  const split = splitNature(rest.slice(8));
  if (split === undefined) {
    return `il ne finit pas par la nature de l’acte (${NATURES.map((n) => `-${n}`).join(', ')}), suivie ou non de « -1-1 »`;
  }
  if (!(NATURES as readonly string[]).includes(split.nature)) {
    return `la nature « ${split.nature} » n’existe pas dans @ctes : ${NATURES.join(', ')}`;
  }
  const { before } = split;
  if (before.startsWith('lmc')) {
    return /^lmc\d{1,12}$/u.test(before)
      ? undefined
      : `l’identifiant local « ${before} » doit être « lmc » suivi de 1 à 12 chiffres`;
  }
  if (before === '') return localProblem('');
  if (!before.startsWith('-')) return `il manque un tiret entre la date « ${date} » et le numéro de l’acte`;
  return localProblem(before.slice(1));
}

/**
 * The hint of a refused identifier: what is wrong, and an example.
 *
 * @example
 * ctesIdentifierHint('075-287500078-2015-294-DE') // 'Identifiant @ctes : « 2015-294 » n’est pas …'
 */
export function ctesIdentifierHint(text: string): string {
  const problem = ctesIdentifierProblem(text.trim());
  const what = problem === undefined ? 'il a des espaces autour' : problem;
  return `Identifiant @ctes : ${what} ; recopiez-le tel que l’accusé de réception le donne, ${EXAMPLE}.`;
}
