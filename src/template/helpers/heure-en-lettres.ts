/**
 * A time in words for the registre formula (« à dix-neuf heures trente »).
 *
 * Decisions: 00:00 is « minuit » and 12:00 « midi » (« minuit quinze », « midi trente » with
 * minutes), as clerks write them; `{ midiMinuit: false }` gives « zéro heure » / « douze heures »
 * instead. Hours and minutes are feminine (« une heure », « vingt et une heures une »); « 00 »
 * minutes are not said.
 *
 * @example
 * heureEnLettres('19:30') // 'dix-neuf heures trente'
 * heureEnLettres('21:05') // 'vingt et une heures cinq'
 * heureEnLettres('00:00') // 'minuit'
 */
import { parseTime } from './heure.ts';
import { nombreEnLettres } from './nombre-en-lettres.ts';

export interface HeureEnLettresOptions {
  /** Say « minuit » and « midi » for 00 h and 12 h (default true). */
  readonly midiMinuit?: boolean;
}

/** '01:00' → 'une heure', '12:00' → 'midi'; throws a French Error for an invalid time ('24:61'). */
export function heureEnLettres(value: string, options: HeureEnLettresOptions = {}): string {
  const { hours, minutes } = parseTime(value, 'heureEnLettres');
  const named = options.midiMinuit !== false;
  let words: string;
  if (named && hours === 0) words = 'minuit';
  else if (named && hours === 12) words = 'midi';
  else words = `${nombreEnLettres(hours, { feminin: true })} ${hours >= 2 ? 'heures' : 'heure'}`;
  return minutes === 0 ? words : `${words} ${nombreEnLettres(minutes, { feminin: true })}`;
}
