/**
 * The data of a convention's template: every fixed wording filled from the collectivité's
 * formulas (the party sentence, its habilitation, the visas, the titres, article and sub-article
 * labels, the annex list, « Fait à … »), each only with what the convention states.
 *
 * @example
 * const data = conventionContext(seance, point, convention);
 * data.convention.parties[0]?.apres // ', représentée par Mme Odile Vasseur, Maire, …'
 */
import { conventionAnnexList } from '../compose/annexes.ts';
import { type Formules, fillFormula, placeholders } from '../facts/formules.ts';
import type { ArticleConvention, Convention, Partie, Point, Seance } from '../schema/seance.ts';
import { articleNumber, BLANK, baseContext } from './context.ts';
import {
  agreement,
  type Genre,
  genreOfParty,
  genreOfPerson,
  pluralParty,
  withArticle,
  withBodyArticle,
} from './grammar.ts';
import { dateLongue, listeNoms, nombreEnLettres } from './helpers/index.ts';
import { receptionStampContext } from './reception-stamp.ts';

function partyPosition(index: number, total: number, f: Formules): string {
  if (index === 0) return f.d_une_part;
  // Punctuation written in the formula is kept as the collectivité writes it.
  if (f.d_autre_part === '' || /[.,;:]$/u.test(f.d_autre_part)) return f.d_autre_part;
  // Without it, the last party closes the enumeration with a full stop, the others with a comma.
  return index === total - 1 ? `${f.d_autre_part}.` : `${f.d_autre_part},`;
}

/**
 * « Fait à …, le …, en … exemplaires originaux »: each part only when stated (the formula's
 * bracketed parts), or a blank to fill by hand when the convention asks for one (`a_remplir:
 * true`, a convention to be signed); nothing at all when nothing is known.
 */
function signaturePlace(convention: Convention, f: Formules): string {
  const blank = convention.a_remplir === true ? BLANK : '';
  const values = {
    lieu: convention.fait_a ?? blank,
    date: convention.date ? dateLongue(convention.date) : blank,
    exemplaires: convention.exemplaires ? nombreEnLettres(convention.exemplaires) : blank,
  };
  const known = values.lieu !== '' || values.date !== '' || values.exemplaires !== '';
  return known ? fillFormula(f.fait_a, values) : '';
}

/** The people signing for a party: its `signataires`, else its `representant` and `qualite`. */
function signersOf(p: Partie): { readonly nom: string; readonly qualite: string }[] {
  if (p.signataires) return p.signataires.map((s) => ({ nom: s.nom, qualite: s.qualite ?? '' }));
  return p.representant === undefined ? [] : [{ nom: p.representant, qualite: p.qualite ?? '' }];
}

/** « e » when every signer is a woman (by civility or élu), « s » when several sign. */
function signersAgreement(seance: Seance, signers: readonly { nom: string }[]): { e: string; s: string } {
  const genres = signers.map((s) => genreOfPerson(s.nom, seance.elus));
  const feminine: Genre | undefined = genres.length > 0 && genres.every((g) => g === 'f') ? 'f' : undefined;
  return { e: agreement(feminine), s: signers.length > 1 ? 's' : '' };
}

/** « Mme A, Présidente, et Mme B, Trésorière »: a qualité in apposition closes with a comma before « et ». */
function signersSentence(signers: readonly { nom: string; qualite: string }[]): string {
  const named = signers.map((s) => (s.qualite === '' ? s.nom : `${s.nom}, ${s.qualite}`));
  const last = named.pop() ?? '';
  if (named.length === 0) return last;
  const comma = signers[signers.length - 2]?.qualite === '' ? '' : ',';
  return `${named.join(', ')}${comma} et ${last}`;
}

/** Placeholder for the party's name, so that the name can be set in bold around the filled formula. */
const NAME_MARK = '\u0000';

/** One paragraph of a party's sentence, its name (if it holds it) set apart to be printed in bold. */
function sentenceLine(filled: string, name: string) {
  const at = filled.indexOf(NAME_MARK);
  const avant = at < 0 ? filled : filled.slice(0, at);
  const apres = at < 0 ? '' : filled.slice(at + NAME_MARK.length);
  // Printed values are trimmed: the spaces around the name are said apart.
  return {
    avant,
    espaceAvant: /\s$/u.test(avant),
    nom: at < 0 ? '' : name,
    espaceApres: /^\s/u.test(apres),
    apres,
  };
}

/**
 * A party's sentence from its formula: `{position}` puts « d’une part, » inside the sentence
 * (no line of its own then), and a line break in the formula starts a new paragraph.
 */
function partyContext(seance: Seance, convention: Convention, p: Partie, f: Formules, position: string) {
  const e = agreement(genreOfParty(p));
  const s = pluralParty(p) ? 's' : '';
  const signers = signersOf(p);
  const blank = convention.a_remplir === true ? BLANK : '';
  const h = p.habilitation;
  const habilitation = h
    ? fillFormula(f.habilitation, {
        ...signersAgreement(seance, signers),
        instance: h.instance ?? '',
        numero: h.numero ?? blank,
        date: h.date ? dateLongue(h.date) : blank,
      })
    : '';
  const several = p.signataires !== undefined;
  const formula = p.formule ?? f.partie;
  const filled = fillFormula(formula, {
    nom: NAME_MARK,
    e,
    s,
    adresse: p.adresse ?? '',
    siret: p.siret ?? '',
    represente: fillFormula(f.represente, { e, s }),
    representant: several ? signersSentence(signers) : (p.representant ?? ''),
    qualite: several ? '' : (p.qualite ?? ''),
    habilitation,
    mandat: p.mandat ?? '',
    ci_apres: p.denomination ? fillFormula(f.ci_apres, { denomination: p.denomination, e, s }) : '',
    position,
  });
  const lignes = filled
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => sentenceLine(line, p.nom));
  return {
    // The whole sentence in one, for a template exported before `lignes`.
    ...sentenceLine(filled.replace(/\s*\n\s*/gu, ' '), p.nom),
    lignes,
    position: placeholders(formula).includes('position') ? '' : position,
    signers,
  };
}

type Item = Convention['articles'][number];
const isArticle = (item: Item): item is ArticleConvention => !('division' in item) && !('chapitre' in item);

/** Markdown heading marks of a level (« ### » for 3). */
const marks = (level: number) => '#'.repeat(level);

/**
 * Titres, chapitres, articles and sub-articles in order, with their labels filled in and their
 * heading marks: TITRE › Chapitre › Article › 1.1 nest one level each, from level 2 (the
 * convention's title is level 1); a level nobody uses takes no depth.
 */
function bodyItems(convention: Convention, f: Formules) {
  const withDivisions = convention.articles.some((item) => 'division' in item);
  const withChapters = convention.articles.some((item) => 'chapitre' in item);
  const chapterLevel = withDivisions ? 3 : 2;
  const articleLevel = 2 + (withDivisions ? 1 : 0) + (withChapters ? 1 : 0);
  let article = 0;
  let division = 0;
  let chapter = 0;
  return convention.articles.map((item) => {
    if ('division' in item) {
      division += 1;
      chapter = 0;
      return {
        division: fillFormula(f.titre_division, {
          numero: item.numero ?? String(division),
          titre: item.division,
        }),
        marque: marks(2),
      };
    }
    if ('chapitre' in item) {
      chapter += 1;
      return {
        chapitre: fillFormula(f.chapitre_division, {
          numero: item.numero ?? String(chapter),
          titre: item.chapitre,
        }),
        marque: marks(chapterLevel),
      };
    }
    const index = article++;
    const rang = String(index + 1);
    return {
      article: {
        libelle: fillFormula(f.article_convention, {
          numero: articleNumber(index),
          rang,
          titre: item.titre ?? '',
        }),
        marque: marks(articleLevel),
        // The level a clerk's « # » inside the text stands under (`{{riche texte sous=niveau}}`).
        niveau: articleLevel,
        texte: item.texte ?? '',
        sousArticles: (item.sous_articles ?? []).map((sub, k) => ({
          libelle: fillFormula(f.sous_article, {
            numero: `${rang}.${k + 1}`,
            article: rang,
            rang: String(k + 1),
            titre: sub.titre ?? '',
          }),
          marque: marks(articleLevel + 1),
          niveau: articleLevel + 1,
          texte: sub.texte,
        })),
      },
    };
  });
}

/** Data of a convention annexed to a point (`index` among the point's annexes). */
export function conventionContext(seance: Seance, point: Point, convention: Convention, index: number) {
  const total = convention.parties.length;
  const b = baseContext(seance);
  const f = b.formules;
  const parties = convention.parties.map((p, i) =>
    partyContext(seance, convention, p, f, partyPosition(i, total, f)),
  );
  let field = 0;
  return {
    ...b,
    point,
    accuseReception: receptionStampContext(
      seance,
      f.accuse_reception_convention,
      point.deliberation?.transmission,
    ),
    convention: {
      entete: fillFormula(f.convention_entete, {
        point: String(point.numero),
        numero: point.deliberation?.numero ?? '',
        instance: seance.instance,
        instance_majuscules: seance.instance.toLocaleUpperCase('fr-FR'),
        date: dateLongue(seance.seance.date),
        date_majuscules: dateLongue(seance.seance.date).toLocaleUpperCase('fr-FR'),
      }),
      titre: convention.titre,
      preambuleAvantParties: convention.place_preambule === 'avant_parties',
      preambuleApresConvenu: convention.place_preambule === 'apres_convenu',
      sousTitre: convention.sous_titre ?? '',
      parties: parties.map(({ signers: _, ...sentence }) => sentence),
      ensemble: convention.denomination_parties
        ? fillFormula(f.ensemble, { denomination: convention.denomination_parties })
        : '',
      partenaires: convention.partenaires
        ? fillFormula(f.partenaires, { partenaires: listeNoms(convention.partenaires) })
        : '',
      visas: (convention.visas ?? []).map((texte) => fillFormula(f.convention_vu, { texte })),
      expose: convention.expose ?? '',
      preambule: convention.preambule ?? '',
      avecDivisions: convention.articles.some((item) => !isArticle(item)),
      corps: bodyItems(convention, f),
      annexes: conventionAnnexList(point, index).map((a) =>
        fillFormula(f.annexe_convention, { numero: a.numero, titre: a.titre }),
      ),
      cloture: signaturePlace(convention, f),
      signataires: (convention.signatures === false ? [] : convention.parties).flatMap((p, i) =>
        (parties[i]?.signers ?? []).map((s) => ({
          id: `signature-${++field}`,
          pour: fillFormula(f.signature_pour, {
            denomination: p.denomination ?? withBodyArticle(p.nom, genreOfParty(p)),
            nom: p.nom,
          }),
          qualite: s.qualite === '' ? '' : withArticle(s.qualite, genreOfPerson(s.nom, seance.elus)),
          nom: s.nom,
        })),
      ),
    },
  };
}
