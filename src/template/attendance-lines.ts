/**
 * The attendance lines of an act as the collectivité writes them: each list after its label,
 * the label agreed with the list (« Absent excusé » / « Absents excusés »), its count in the line
 * when the formula asks (« Étaient présents : 44 élus … »), consecutive members of one civility
 * sharing it when the collectivité groups them (« MM. Paul Bérard, Marc Cazal »), the order of
 * names kept as typed, and the quorum line when the séance states it.
 *
 * @example
 * attendanceLines(seance, presences, formules)
 * // ['Étaient présents : Mme Anne Aubry, MM. Paul Bérard, Marc Cazal.', 'Quorum : 18', …]
 */

import { civilityGenre, writtenCivility } from '../facts/civilites.ts';
import { type EluIndex, genreOf, type Member } from '../facts/elus.ts';
import { type Formules, fillFormula, type ListeNoms, placeholders } from '../facts/formules.ts';
import { namedProxies } from '../facts/presences.ts';
import type { Pouvoir, Presences, Seance } from '../schema/seance.ts';
import { joinNames, joinWith, resolvedMember } from './seance-text.ts';

interface Listed {
  readonly member: Member;
  /** The civility this member's printed name carries, or '' when none is printed. */
  readonly civilite: string;
  /** The printed name with the given civility ('' for none). */
  readonly print: (civilite: string) => string;
}

type Lookup = (ref: string) => Listed;

/** Each reference resolved once per call: its member, the civility it prints, how to print it. */
function lister(index: EluIndex, f: Formules): Lookup {
  const showsCivility = placeholders(f.nom_membre).includes('civilite');
  const formula = (nom: string, civilite: string) => fillFormula(f.nom_membre, { nom, civilite });
  const seen = new Map<string, Listed>();
  const resolve = (ref: string): Listed => {
    const member = resolvedMember(ref, index);
    if (member.cle !== undefined) {
      const shown = showsCivility ? (member.civilite ?? '') : '';
      return { member, civilite: shown, print: (c) => formula(member.nom, c) };
    }
    // A name typed in full keeps its own civility, which a group may replace or drop.
    const civility = writtenCivility(member.nom);
    if (civility === undefined) return { member, civilite: '', print: () => formula(member.nom, '') };
    const { civilite: own, nom: rest } = civility;
    return {
      member: { ...member, civilite: civility.singulier },
      civilite: own,
      print: (c) => formula(c === own ? member.nom : c === '' ? rest : `${c} ${rest}`, ''),
    };
  };
  return (ref) => {
    let found = seen.get(ref);
    if (!found) {
      found = resolve(ref);
      seen.set(ref, found);
    }
    return found;
  };
}

/**
 * The names of a list in the order typed; with `civilites_messieurs` / `civilites_mesdames`, a run
 * of two or more members of one civility prints it once, in the plural, before the first.
 */
export function groupedNames(
  refs: readonly string[],
  index: EluIndex,
  f: Formules,
  look: Lookup = lister(index, f),
): string[] {
  const members = refs.map(look);
  const plural = (civilite: string) => {
    const genre = civilityGenre(civilite);
    return genre === 'm' ? f.civilites_messieurs : genre === 'f' ? f.civilites_mesdames : '';
  };
  return members.map((m, i) => {
    const group = plural(m.civilite);
    if (group === '') return m.print(m.civilite);
    const before = members[i - 1]?.civilite === m.civilite;
    const after = members[i + 1]?.civilite === m.civilite;
    if (before) return m.print('');
    return m.print(after ? group : m.civilite);
  });
}

/** Agreement of a list's label: « s » for several, « e » when every member is known to be a woman. */
function agreementOf(members: readonly Member[]): { s: string; e: string } {
  const feminine = members.length > 0 && members.every((m) => genreOf(m) === 'f');
  return { s: members.length > 1 ? 's' : '', e: feminine ? 'e' : '' };
}

/**
 * One list's line: the label filled with the list's count and agreement; a label holding `{noms}`
 * is the whole line, else the line is the formula `ligne_noms`. An empty label prints no line, nor
 * an empty list, unless the YAML writes it empty (`[]`, `written`) and `liste_vide` says what to print.
 */
function listLine(
  label: string,
  joined: string,
  members: readonly Member[],
  f: Formules,
  nombre = members.length,
  written = false,
): string {
  const noms = joined === '' && written && members.length === 0 ? f.liste_vide : joined;
  if (label === '' || noms === '') return '';
  const values = { nombre: String(nombre), noms, ...agreementOf(members) };
  const libelle = fillFormula(label, values);
  return placeholders(label).includes('noms') ? libelle : fillFormula(f.ligne_noms, { ...values, libelle });
}

const named = (value: number | readonly string[]): readonly string[] =>
  typeof value === 'number' ? [] : value;

/** How one séance prints its members: their lists, names and pouvoirs, with its formulas. */
function printer(index: EluIndex, f: Formules) {
  const look = lister(index, f);
  const members = (refs: readonly string[]) => refs.map((ref) => look(ref).member);
  const name = (ref: string) => {
    const m = look(ref);
    return m.print(m.civilite);
  };
  const grouped = (refs: readonly string[]) => groupedNames(refs, index, f, look);
  return {
    members,
    grouped,
    /** A list's line; `asWritten`: the list as the collectivité typed it, instead of its joined names. */
    list: (label: string, refs: readonly string[], key: ListeNoms, written = false, asWritten?: string) =>
      listLine(label, asWritten ?? joinNames(grouped(refs), f, key), members(refs), f, refs.length, written),
    pouvoir: (p: Pouvoir) =>
      fillFormula(f.pouvoir, {
        mandant: name(p.mandant),
        mandataire: name(p.mandataire),
        e: agreementOf([look(p.mandant).member]).e,
      }),
  };
}

/** The lines of the members not present: pouvoirs, excusés and absents, or all in one list. */
function notPresentLines(presences: Presences, f: Formules, print: ReturnType<typeof printer>): string[] {
  const { members, grouped, list, pouvoir } = print;
  const mandants = namedProxies(presences).map((p) => p.mandant);
  const pouvoirs = namedProxies(presences).map(pouvoir);
  // Proxies given as a number only: no line of names (the count line says how many).
  const unnamed = typeof presences.representes === 'number' ? presences.representes : 0;
  const excuses = presences.excuses ?? [];
  const absents = named(presences.absents);
  if (f.non_presents_noms === '') {
    const joined = joinWith(pouvoirs, f.pouvoirs_separateur, f.pouvoirs_et);
    return [
      unnamed > 0 ? '' : listLine(f.pouvoirs, joined, members(mandants), f, mandants.length, true),
      list(f.excuses_noms, excuses, 'excuses', presences.excuses !== undefined),
      list(f.absents_noms, absents, 'absents', Array.isArray(presences.absents)),
    ];
  }
  // Counted whole, absents given as a number too: the line says how many are not there.
  const absentCount = typeof presences.absents === 'number' ? presences.absents : absents.length;
  const noms = joinNames([...pouvoirs, ...grouped([...excuses, ...absents])], f);
  const all = members([...mandants, ...excuses, ...absents]);
  return [
    listLine(f.non_presents_noms, noms, all, f, mandants.length + unnamed + excuses.length + absentCount),
  ];
}

/**
 * The lines under the count line, in order: présents, quorum, pouvoirs, excusés, absents (or one
 * list of every member not present, with `non_presents_noms`). A line break in a formula makes a
 * new line (each pouvoir on its own with `pouvoirs_separateur: "\n"`).
 */
export function attendanceLines(
  seance: Seance,
  presences: Presences,
  index: EluIndex,
  f: Formules,
): string[] {
  const quorum = seance.seance.quorum;
  const print = printer(index, f);
  const lines = [
    print.list(f.presents_noms, named(presences.presents), 'presents', false, presences.presents_texte),
    quorum === undefined ? '' : fillFormula(f.quorum, { quorum: String(quorum) }),
    ...notPresentLines(presences, f, print),
  ];
  return lines.flatMap((line) => line.split('\n').map((l) => l.trim())).filter((l) => l !== '');
}
