/**
 * Attendance: présents + représentés + absents = en exercice, quorum, proxies.
 */
import type { Diagnostic } from '../../diagnostics.ts';
import {
  agreed,
  eluIndex,
  foldedName,
  genreOf,
  type Member,
  memberName,
  memberOf,
  sameMember,
} from '../../facts/elus.ts';
import { namedProxies, proxyCount } from '../../facts/presences.ts';
import { quorumOf } from '../../facts/quorum.ts';
import type { Presences } from '../../schema/seance.ts';
import { at, count, type Rule, type RuleContext } from './context.ts';

/** « lui-même », « elle-même », or both when the genre is not written. */
function genreWord(member: Member): string {
  const genre = genreOf(member);
  return genre === 'f' ? 'elle-même' : genre === 'm' ? 'lui-même' : 'lui-même ou elle-même';
}

function names(value: number | readonly string[]): readonly string[] {
  return typeof value === 'number' ? [] : value;
}

function checkPresences(context: RuleContext, presences: Presences, pointer: string): Diagnostic[] {
  const seance = context.seance;
  if (!seance) return [];
  const out: Diagnostic[] = [];
  const enExercice = seance.membres_en_exercice;
  const presents = count(presences.presents);
  const representes = proxyCount(presences);
  const excuses = presences.excuses?.length ?? 0;
  const absents = count(presences.absents);
  const total = presents + representes + absents + excuses;
  if (total !== enExercice) {
    const excused = excuses > 0 ? ` + excusés (${excuses})` : '';
    out.push(
      at(
        context,
        pointer,
        'rule.attendance-sum',
        'erreur',
        `Présents (${presents}) + représentés (${representes}) + absents (${absents})${excused} = ${total}, mais l’assemblée compte ${enExercice} membres en exercice.`,
        'Chaque membre en exercice est présent, représenté ou absent : corrigez les nombres ou « membres_en_exercice ».',
      ),
    );
  }
  // Proxies given as a number: each present member holds one proxy at most (CGCT L. 2121-20).
  if (typeof presences.representes === 'number' && representes > presents) {
    out.push(
      at(
        context,
        `${pointer}/representes`,
        'rule.proxy',
        'erreur',
        `${representes} pouvoirs pour ${presents} présent${presents > 1 ? 's' : ''} : un membre présent ne reçoit qu’un pouvoir.`,
        'Corrigez le nombre de pouvoirs (« representes ») ou celui des présents.',
      ),
    );
  }
  const quorum = quorumOf(seance);
  if (presents < quorum && !seance.seconde_convocation) {
    out.push(
      at(
        context,
        `${pointer}/presents`,
        'rule.quorum',
        'erreur',
        `Quorum non atteint : ${presents} présents pour ${enExercice} membres en exercice (il en faut au moins ${quorum}).`,
        'Si l’assemblée se réunit sur seconde convocation, ajoutez « seconde_convocation: true » sous « seance ».',
      ),
    );
  }
  const index = eluIndex(context.elus);
  const sameName = (a: string, b: string) => sameMember(a, b, index);
  const presentNames = names(presences.presents);
  const absentNames = [...names(presences.absents), ...(presences.excuses ?? [])];
  const proxies = namedProxies(presences);
  proxies.forEach((written, i) => {
    const pouvoir = {
      mandant: memberName(written.mandant, index),
      mandataire: memberName(written.mandataire, index),
    };
    const mandant = memberOf(written.mandant, index);
    const here = `${pointer}/representes/${i}`;
    const problem = (message: string, hint: string, key: string) =>
      out.push(at(context, `${here}/${key}`, 'rule.proxy', 'erreur', message, hint));
    if (sameName(pouvoir.mandant, pouvoir.mandataire)) {
      problem(
        `${pouvoir.mandant} ne peut pas se donner pouvoir à ${genreWord(mandant)}.`,
        'Corrigez le mandant ou le mandataire.',
        'mandataire',
      );
    }
    if (presentNames.some((n) => sameName(n, pouvoir.mandant))) {
      problem(
        `${pouvoir.mandant} est à la fois ${agreed('présent', mandant)} et ${agreed('représenté', mandant)}.`,
        'Retirez ce nom des présents, ou supprimez le pouvoir.',
        'mandant',
      );
    }
    if (absentNames.some((n) => sameName(n, pouvoir.mandant))) {
      problem(
        `${pouvoir.mandant} est à la fois ${agreed('absent', mandant)} et ${agreed('représenté', mandant)}.`,
        'Un membre représenté ne figure pas parmi les absents : retirez-le de « absents ».',
        'mandant',
      );
    }
    if (presentNames.length > 0 && !presentNames.some((n) => sameName(n, pouvoir.mandataire))) {
      problem(
        `Le mandataire ${pouvoir.mandataire} ne figure pas parmi les présents.`,
        'Seul un membre présent peut recevoir un pouvoir : vérifiez l’orthographe du nom.',
        'mandataire',
      );
    }
    const earlier = proxies.slice(0, i);
    // Compared on printed names, so a key and the same élu's name are one person.
    if (earlier.some((p) => sameName(p.mandant, pouvoir.mandant))) {
      problem(
        `${pouvoir.mandant} a donné deux pouvoirs.`,
        'Un membre ne donne qu’un pouvoir : supprimez le doublon.',
        'mandant',
      );
    }
    if (earlier.some((p) => sameName(p.mandataire, pouvoir.mandataire))) {
      problem(
        `${pouvoir.mandataire} détient plus d’un pouvoir.`,
        'Un membre ne peut détenir qu’un seul pouvoir (CGCT L. 2121-20) : confiez l’autre à un autre membre présent.',
        'mandataire',
      );
    }
  });
  if (presences.presents_texte !== undefined) {
    out.push(...writtenPresents(context, presences, presences.presents_texte, `${pointer}/presents_texte`));
  }
  return out;
}

/** Where a name stands in a folded text from `from` on, as a whole name (not inside a longer word). */
function nameAt(text: string, name: string, from: number): number {
  for (let i = text.indexOf(name, from); i >= 0; i = text.indexOf(name, i + 1)) {
    const before = text[i - 1];
    const after = text[i + name.length];
    if (!(before && /[\p{L}\p{N}]/u.test(before)) && !(after && /[\p{L}\p{N}]/u.test(after))) return i;
  }
  return -1;
}

/**
 * `presents_texte`, the présents as the collectivité typed them, must say who `presents` lists:
 * each name there, in the list's order, and no other declared élu (its counts are those of the list).
 */
function writtenPresents(
  context: RuleContext,
  presences: Presences,
  written: string,
  pointer: string,
): Diagnostic[] {
  const problem = (message: string, hint: string) => [
    at(context, pointer, 'rule.attendance-text', 'erreur', message, hint),
  ];
  if (typeof presences.presents === 'number') {
    return problem(
      'La liste des présents écrite (« presents_texte ») accompagne la liste de leurs noms, pas leur seul nombre.',
      'Écrivez sous « presents » les noms des présents, dans l’ordre de la liste écrite.',
    );
  }
  const index = eluIndex(context.elus);
  const refs = presences.presents;
  const text = foldedName(written);
  let from = 0;
  for (const ref of refs) {
    const name = memberName(ref, index);
    const key = foldedName(name);
    const found = nameAt(text, key, from);
    if (found < 0) {
      const elsewhere = nameAt(text, key, 0) >= 0;
      return problem(
        elsewhere
          ? `${name} n’est pas à sa place dans la liste des présents écrite : elle ne suit pas l’ordre de « presents ».`
          : `${name}, présent selon « presents », ne figure pas dans la liste des présents écrite.`,
        'La liste écrite nomme les présents de « presents », dans le même ordre : corrigez l’une ou l’autre.',
      );
    }
    from = found + key.length;
  }
  const present = (e: { cle: string; nom: string }) => refs.some((ref) => sameMember(ref, e.cle, index));
  const intruder = (context.elus ?? []).find((e) => !present(e) && nameAt(text, foldedName(e.nom), 0) >= 0);
  if (intruder) {
    return problem(
      `${intruder.nom} figure dans la liste des présents écrite sans être dans « presents ».`,
      'Ajoutez ce membre à « presents », ou retirez son nom de la liste écrite.',
    );
  }
  return [];
}

/** Checks the séance's presences, each later day's and every point's own presences. */
export const attendanceRule: Rule = (context) => {
  const out: Diagnostic[] = [];
  if (context.seance?.presences)
    out.push(...checkPresences(context, context.seance.presences, '/seance/presences'));
  (context.seance?.jours_suivants ?? []).forEach((day, i) => {
    if (typeof day !== 'string' && day.presences)
      out.push(...checkPresences(context, day.presences, `/seance/jours_suivants/${i}/presences`));
  });
  for (const { index, point } of context.points) {
    const own = point.deliberation?.presences;
    if (own) out.push(...checkPresences(context, own, `/points/${index}/deliberation/presences`));
  }
  return out;
};
