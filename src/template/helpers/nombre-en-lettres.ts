/**
 * Numbers in words, in the traditional spelling used in registres (before the 1990 reform):
 * hyphens only between tens and units below one hundred, « et » in 21, 31 … 71, plural « s » on
 * « vingt » and « cent » only when they end the number (or stand before million / milliard).
 *
 * @example
 * nombreEnLettres(71) // 'soixante et onze'
 * nombreEnLettres(80) // 'quatre-vingts'
 * nombreEnLettres(2023) // 'deux mille vingt-trois'
 * nombreEnLettres(21, { feminin: true }) // 'vingt et une'
 */
import { quoteValue } from './iso-date.ts';

export interface NombreEnLettresOptions {
  /** Feminine form of a final « un » (« une heure », « vingt et une voix »). */
  readonly feminin?: boolean;
}

/** Largest absolute value spelled out: 999 999 999 999. */
export const MAX_NOMBRE_EN_LETTRES = 999_999_999_999;

const UNITS = [
  'zéro',
  'un',
  'deux',
  'trois',
  'quatre',
  'cinq',
  'six',
  'sept',
  'huit',
  'neuf',
  'dix',
  'onze',
  'douze',
  'treize',
  'quatorze',
  'quinze',
  'seize',
] as const;

const TENS = ['', 'dix', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante'] as const;

function unit(n: number): string {
  return UNITS[n] ?? '';
}

/** 1 ≤ n ≤ 99. `final`: the number ends here (so « quatre-vingts » takes its s). */
function belowHundred(n: number, final: boolean): string {
  if (n <= 16) return unit(n);
  if (n < 20) return `dix-${unit(n - 10)}`;
  if (n < 70) {
    const tens = TENS[Math.floor(n / 10)] ?? '';
    const units = n % 10;
    if (units === 0) return tens;
    if (units === 1) return `${tens} et un`;
    return `${tens}-${unit(units)}`;
  }
  if (n < 80) return n === 71 ? 'soixante et onze' : `soixante-${belowHundred(n - 60, final)}`;
  if (n === 80) return final ? 'quatre-vingts' : 'quatre-vingt';
  return `quatre-vingt-${belowHundred(n - 80, final)}`;
}

/** 1 ≤ n ≤ 999. */
function belowThousand(n: number, final: boolean): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const tail = rest === 0 ? '' : belowHundred(rest, final);
  if (hundreds === 0) return tail;
  const cent = hundreds === 1 ? 'cent' : `${unit(hundreds)} cent${rest === 0 && final ? 's' : ''}`;
  return tail === '' ? cent : `${cent} ${tail}`;
}

/**
 * Spells an integer out in French (up to ±999 999 999 999); 0 → 'zéro', negatives → 'moins …'.
 * Throws an Error with a French message for anything else (non-integers, NaN, too large).
 *
 * @example
 * nombreEnLettres(0) // 'zéro'
 * nombreEnLettres(-201) // 'moins deux cent un'
 * nombreEnLettres(1_000_000) // 'un million'
 */
export function nombreEnLettres(n: number, options: NombreEnLettresOptions = {}): string {
  if (typeof n !== 'number' || !Number.isInteger(n) || Math.abs(n) > MAX_NOMBRE_EN_LETTRES) {
    throw new Error(
      `nombreEnLettres : nombre invalide ${quoteValue(n)} (attendu un nombre entier entre −999 999 999 999 et 999 999 999 999).`,
    );
  }
  if (n === 0) return 'zéro';
  if (n < 0) return `moins ${nombreEnLettres(-n, options)}`;

  const billions = Math.floor(n / 1e9);
  const millions = Math.floor(n / 1e6) % 1000;
  const thousands = Math.floor(n / 1e3) % 1000;
  const rest = n % 1000;
  const parts: string[] = [];
  // Million and milliard are nouns: the number before them takes its plural s (« deux cents millions »).
  if (billions > 0) parts.push(`${belowThousand(billions, true)} milliard${billions > 1 ? 's' : ''}`);
  if (millions > 0) parts.push(`${belowThousand(millions, true)} million${millions > 1 ? 's' : ''}`);
  // Mille is an adjective: invariable, and « vingt » / « cent » before it stay singular.
  if (thousands > 0) parts.push(thousands === 1 ? 'mille' : `${belowThousand(thousands, false)} mille`);
  if (rest > 0) {
    const words = belowThousand(rest, true);
    parts.push(options.feminin === true ? words.replace(/(^|[ -])un$/, '$1une') : words);
  }
  return parts.join(' ');
}
