/**
 * Dates: convocation before the séance, transmission and publication after it, conventions
 * signed after the vote.
 */
import type { Diagnostic } from '../../diagnostics.ts';
import { pointDay } from '../../facts/jours.ts';
import { at, type Rule } from './context.ts';

const DAY = 86_400_000;

function days(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/** Every date `AAAA-MM-JJ` of `value` with its JSON pointer. */
function* datesIn(value: unknown, pointer: string): Generator<readonly [string, string]> {
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) yield [pointer, value];
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* datesIn(item, `${pointer}/${i}`);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) yield* datesIn(item, `${pointer}/${key}`);
  }
}

/** The year 0000 does not exist (the calendar goes from 1 BC to AD 1): a typing slip. */
function yearZero(context: Parameters<Rule>[0]): Diagnostic[] {
  const parts: [string, unknown][] = [
    ['/seance', context.seance],
    ...context.points.map(({ index, point }): [string, unknown] => [`/points/${index}`, point]),
  ];
  return parts.flatMap(([base, value]) =>
    [...datesIn(value, base)]
      .filter(([, date]) => date.startsWith('0000-'))
      .map(([pointer, date]) =>
        at(
          context,
          pointer,
          'schema.format',
          'erreur',
          `Date impossible « ${date} » : l’année 0000 n’existe pas.`,
          'Écrivez l’année en entier, par exemple 2024-03-23.',
        ),
      ),
  );
}

/** The dates of a délibération's transmission that cannot precede the séance, in words. */
const TRANSMISSION_DATES = [
  ['prefecture', 'de transmission en préfecture'],
  ['publication', 'de publication'],
  ['reception', 'de réception en préfecture'],
  ['affichage', 'd’affichage'],
  ['executoire', 'à laquelle l’acte est certifié exécutoire'],
] as const;

/** Date coherence of the séance, of each délibération's transmission and of each convention. */
export const datesRule: Rule = (context) => {
  const out: Diagnostic[] = yearZero(context);
  const seance = context.seance;
  if (!seance) return out;
  const gap = seance.convocation === undefined ? undefined : days(seance.convocation, seance.date);
  if (gap === undefined) {
    // No convocation date stated: nothing to check.
  } else if (gap <= 0) {
    out.push(
      at(
        context,
        '/seance/convocation',
        'rule.dates',
        'erreur',
        `La convocation (${seance.convocation}) doit précéder la séance (${seance.date}).`,
        'Vérifiez l’année et le mois des deux dates.',
      ),
    );
  } else if (gap - 1 < 3 && context.collectivite?.nature === 'commune') {
    out.push(
      at(
        context,
        '/seance/convocation',
        'rule.dates',
        'avertissement',
        `Seulement ${gap - 1} jour(s) franc(s) entre la convocation et la séance.`,
        'Le délai est de 3 jours francs (5 dans les communes de 3 500 habitants et plus), sauf urgence (CGCT L. 2121-11 et L. 2121-12).',
      ),
    );
  }
  const points = context.points.map((p) => p.point);
  for (const { index, point } of context.points) {
    const transmission = point.deliberation?.transmission;
    // An act voted on a later day of the séance is transmitted after that day.
    const voted = pointDay({ seance, points }, point.numero).date;
    for (const [key, what] of TRANSMISSION_DATES) {
      const date = transmission?.[key];
      if (date !== undefined && days(voted, date) < 0) {
        out.push(
          at(
            context,
            `/points/${index}/deliberation/transmission/${key}`,
            'rule.dates',
            'erreur',
            voted === seance.date
              ? `La date ${what} (${date}) précède la séance (${seance.date}).`
              : `La date ${what} (${date}) précède le jour où l’acte a été voté (${voted}).`,
            'Un acte est transmis et publié après son adoption : vérifiez la date.',
          ),
        );
      }
    }
    const sent = transmission?.prefecture;
    const received = transmission?.reception;
    if (sent !== undefined && received !== undefined && days(sent, received) < 0) {
      out.push(
        at(
          context,
          `/points/${index}/deliberation/transmission/reception`,
          'rule.dates',
          'erreur',
          `La date de réception en préfecture (${received}) précède celle de la transmission (${sent}).`,
          'La préfecture accuse réception d’un acte après son envoi : vérifiez les deux dates.',
        ),
      );
    }
    (point.annexes ?? []).forEach((annexe, j) => {
      const date = 'convention' in annexe ? annexe.convention.date : undefined;
      if (date !== undefined && days(seance.date, date) < 0) {
        out.push(
          at(
            context,
            `/points/${index}/annexes/${j}/convention/date`,
            'rule.dates',
            'erreur',
            `La convention est datée du ${date}, avant la séance qui l’approuve (${seance.date}).`,
            'La convention est signée après la délibération qui autorise sa signature : vérifiez la date.',
          ),
        );
      }
    });
  }
  return out;
};
