/**
 * An amount in euros as French typography writes it (Intl fr-FR): U+202F between thousands,
 * decimal comma, U+00A0 before « € ». Negative amounts take a real minus sign (U+2212), not a
 * hyphen; an amount that rounds to zero has no sign.
 *
 * @example
 * montant(1234.56) // '1\u202F234,56\u00A0€'
 * montant(-3000.5) // '\u22123\u202F000,50\u00A0€'
 * montant(12500, { centimes: false }) // '12\u202F500\u00A0€'
 */
import { formatFrench } from './nombre.ts';

export interface MontantOptions {
  /** Print the cents (default true); false rounds to the euro. */
  readonly centimes?: boolean;
}

/** 1234.56 → '1 234,56 €'; 0 → '0,00 €'; throws a French Error for NaN or infinities. */
export function montant(n: number, options: MontantOptions = {}): string {
  const digits = options.centimes === false ? 0 : 2;
  return formatFrench(
    n,
    { style: 'currency', currency: 'EUR', minimumFractionDigits: digits, maximumFractionDigits: digits },
    'montant',
  );
}
