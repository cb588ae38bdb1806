/**
 * A number in figures as French typography writes it: U+202F (narrow no-break space) between
 * groups of three digits, a decimal comma, a real minus sign (U+2212). Not for years
 * (« 2023 » is written without a separator: print the year as it is).
 *
 * @example
 * nombre(1234.5) // '1\u202F234,5'
 * nombre(-3) // '\u22123'
 */
import { quoteValue } from './iso-date.ts';

export interface NombreOptions {
  /** Exact number of decimals (default: as many as the number has, up to 3). */
  readonly decimales?: number;
}

const MINUS = '\u2212';

/**
 * Formats with Intl fr-FR and replaces the hyphen-minus by U+2212; « −0 » becomes « 0 ». Throws a
 * French Error (naming `helper` and the value) when `n` is not a finite number.
 *
 * @example
 * formatFrench(-0.001, { minimumFractionDigits: 2, maximumFractionDigits: 2 }, 'montant') // '0,00'
 */
export function formatFrench(n: number, format: Intl.NumberFormatOptions, helper: string): string {
  if (typeof n !== 'number' || !Number.isFinite(n)) {
    throw new Error(`${helper} : nombre invalide ${quoteValue(n)} (attendu un nombre, par exemple 1234.56).`);
  }
  const text = new Intl.NumberFormat('fr-FR', format).format(n);
  if (!text.startsWith('-')) return text;
  // A negative number that rounds to zero prints without a sign.
  return /[1-9]/.test(text) ? `${MINUS}${text.slice(1)}` : text.slice(1);
}

/** 1234.5 → '1 234,5' (U+202F), -3 → '−3'; throws a French Error for NaN or infinities. */
export function nombre(n: number, options: NombreOptions = {}): string {
  const digits = options.decimales;
  const format: Intl.NumberFormatOptions =
    digits === undefined
      ? { maximumFractionDigits: 3 }
      : { minimumFractionDigits: digits, maximumFractionDigits: digits };
  return formatFrench(n, format, 'nombre');
}
