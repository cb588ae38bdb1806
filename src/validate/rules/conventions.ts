/**
 * Conventions: at least two parties, each with a named signatory — its `representant` or several
 * `signataires`, not both — (and a qualité that is not blank when stated); every article with a
 * text or sub-articles.
 */
import type { Diagnostic } from '../../diagnostics.ts';
import { partyGenreGuessed } from '../../template/grammar.ts';
import { at, type Rule } from './context.ts';

/** Checks parties and signatories of every annexed convention. */
export const conventionRule: Rule = (context) => {
  const out: Diagnostic[] = [];
  for (const { index, point } of context.points) {
    (point.annexes ?? []).forEach((annexe, j) => {
      if (!('convention' in annexe)) return;
      const base = `/points/${index}/annexes/${j}/convention`;
      const parties = annexe.convention.parties;
      if (parties.length < 2) {
        out.push(
          at(
            context,
            `${base}/parties`,
            'rule.convention-parties',
            'erreur',
            `La convention « ${annexe.convention.titre.slice(0, 60)} » n’a que ${parties.length} partie(s).`,
            'Une convention lie au moins deux parties : ajoutez chacune sous « parties ».',
          ),
        );
      }
      annexe.convention.articles.forEach((article, k) => {
        if (
          'division' in article ||
          'chapitre' in article ||
          article.texte !== undefined ||
          article.sous_articles !== undefined
        )
          return;
        out.push(
          at(
            context,
            `${base}/articles/${k}`,
            'rule.convention-parties',
            'erreur',
            `L’article ${k + 1} de la convention « ${annexe.convention.titre.slice(0, 60)} » n’a pas de texte.`,
            'Donnez son texte sous « texte », ou ses sous-articles sous « sous_articles ».',
          ),
        );
      });
      parties.forEach((partie, k) => {
        if (partyGenreGuessed(partie)) {
          out.push(
            at(
              context,
              `${base}/parties/${k}/nom`,
              'rule.genre',
              'avertissement',
              `Le genre de la partie « ${partie.nom.slice(0, 60)} » est deviné : masculin (« représenté », « dénommé »).`,
              'Ajoutez « genre: f » ou « genre: m » à la partie, ou une « denomination » avec son article (« la Fondation »).',
            ),
          );
        }
        if ((partie.representant === undefined) === (partie.signataires === undefined)) {
          out.push(
            at(
              context,
              `${base}/parties/${k}`,
              'rule.signatory',
              'erreur',
              partie.representant === undefined
                ? `La partie « ${partie.nom} » n’a pas de signataire.`
                : `La partie « ${partie.nom} » a à la fois « representant » et « signataires ».`,
              'Indiquez le signataire sous « representant » (et sa qualité sous « qualite »), ou plusieurs sous « signataires ».',
            ),
          );
        }
        if (partie.signataires !== undefined && partie.qualite !== undefined) {
          out.push(
            at(
              context,
              `${base}/parties/${k}/qualite`,
              'rule.signatory',
              'erreur',
              `La qualité de la partie « ${partie.nom} » ne dit pas de quel signataire elle est.`,
              'Avec « signataires », donnez la qualité de chacun sous son nom (« qualite » de chaque signataire).',
            ),
          );
        }
        for (const key of ['representant', 'qualite'] as const) {
          if (partie[key]?.trim() === '') {
            out.push(
              at(
                context,
                `${base}/parties/${k}/${key}`,
                'rule.signatory',
                'erreur',
                `Le signataire de « ${partie.nom} » n’a pas de ${key === 'representant' ? 'nom' : 'qualité'}.`,
                'Chaque partie signe par son représentant : indiquez son nom et sa qualité (« Maire »).',
              ),
            );
          }
        }
      });
    });
  }
  return out;
};
