/**
 * Requests for a particular ballot (CGCT L. 2121-21): a public ballot is held at the request of a
 * quarter of the members present, a secret ballot at the request of a third. When the record
 * names who asked (`par`), each must be present at the point and they must be enough. Other
 * assemblies have other shares (a sixth in a département's council): `collectivite.seuils_scrutin`.
 */
import type { Diagnostic } from '../../diagnostics.ts';
import { agreed, eluIndex, memberOf, sameMember } from '../../facts/elus.ts';
import { at, presencesOf, type Rule } from './context.ts';

/** The share of the members present a request needs (CGCT L. 2121-21), unless the collectivité gives its own. */
const SHARE = { public: 4, secret: 3 } as const;

const SHARE_WORDS: Readonly<Record<number, string>> = {
  1: 'la totalité',
  2: 'la moitié',
  3: 'le tiers',
  4: 'le quart',
  5: 'le cinquième',
  6: 'le sixième',
};

export const ballotRequestRule: Rule = (context) => {
  const out: Diagnostic[] = [];
  const index = eluIndex(context.elus);
  for (const clean of context.points) {
    const applicable = presencesOf(context, clean);
    const presents = applicable?.presences.presents;
    if (presents === undefined) continue;
    const present = (ref: string) =>
      typeof presents === 'number' || presents.some((p) => sameMember(p, ref, index));
    const total = typeof presents === 'number' ? presents : presents.length;
    (clean.point.deroulement?.demandes_scrutin ?? []).forEach((demande, j) => {
      if (!demande.par) return;
      const base = `/points/${clean.index}/deroulement/demandes_scrutin/${j}/par`;
      demande.par.forEach((ref, k) => {
        if (present(ref)) return;
        const member = memberOf(ref, index);
        out.push(
          at(
            context,
            `${base}/${k}`,
            'rule.ballot-request',
            'erreur',
            `${member.nom} demande un scrutin ${demande.scrutin} au point ${clean.point.numero}, mais n’est pas ${agreed('présent', member)}.`,
            'Seuls les membres présents comptent pour la demande : vérifiez le nom, ou les arrivées et départs notés sous « deroulement ».',
          ),
        );
      });
      const askers = demande.par.filter(present).length;
      const own = context.collectivite?.seuils_scrutin?.[demande.scrutin];
      const part = own ?? SHARE[demande.scrutin];
      const words = SHARE_WORDS[part] ?? `1/${part}`;
      const needed = Math.ceil(total / part);
      if (askers >= needed) return;
      out.push(
        at(
          context,
          base,
          'rule.ballot-request',
          'avertissement',
          `Point ${clean.point.numero} : le scrutin ${demande.scrutin} est demandé par ${askers} membre${askers > 1 ? 's' : ''} présent${askers > 1 ? 's' : ''} ; il faut ${words} des ${total} membres présents, soit ${needed}${own === undefined ? ' (CGCT L. 2121-21)' : ' (« seuils_scrutin »)'}.`,
          'Nommez sous « par » tous les membres qui ont fait la demande ; si elle n’atteignait pas ce nombre, le vote n’avait pas à se tenir ainsi.',
        ),
      );
    });
  }
  return out;
};
