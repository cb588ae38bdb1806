/**
 * The fixed formulas of delib's documents, each a default the collectivité can replace under
 * `collectivite.formules` in its YAML. A formula is plain text; `{nom}` marks where a value of
 * the séance goes (only the names listed for it). An empty formula removes its sentence.
 *
 * @example
 * fillFormula('Article {numero} –', { numero: '2' }) // 'Article 2 –'
 */

import { DEFAULT_FOOTER_TITLE, DEFAULT_PAGE_NUMBER } from '../tree/furniture.ts';

export interface FormulaSpec {
  /** Default text, as delib prints it without a `formules:` section. */
  readonly defaut: string;
  /** What the formula is, in French (schema description, README). */
  readonly role: string;
  /** Placeholders the formula may hold. */
  readonly valeurs: readonly string[];
}

const spec = (defaut: string, role: string, valeurs: readonly string[] = []): FormulaSpec => ({
  defaut,
  role,
  valeurs,
});

/** Values of the running page lines (`entete_page_…`, `pied_page_…`). */
export const PAGE_VALUES = [
  'titre',
  'objet',
  'document',
  'collectivite',
  'instance',
  'instance_majuscules',
  'date',
  'date_chiffres',
  'date_majuscules',
  'lieu',
  'lieu_majuscules',
  'numero',
  'point',
  'page',
  'pages',
] as const;

/** The date from which the « Télérecours citoyens » sentence is printed by default. */
export const TELERECOURS_SINCE = '2018-11-30';

export const FORMULES = {
  registre: spec(
    'L’an {annee}, le {jour_mois}[, à {heure}], le {instance}[, légalement convoqué le {convocation},] s’est réuni[ {publicite}][, {lieu},] sous la présidence de {president}, {qualite_president}.',
    'Formule d’ouverture de l’extrait du registre',
    [
      'annee',
      'jour_mois',
      'heure',
      'heure_chiffres',
      'heure_compacte',
      'date',
      'instance',
      'convocation',
      'convocation_chiffres',
      'convocation_jour',
      'date_jour',
      'dates',
      'lieu',
      'publicite',
      'president',
      'qualite_president',
    ],
  ),
  seance_publique: spec(
    'en séance publique',
    'Valeur de {publicite} dans le registre quand `seance.publique` vaut true',
  ),
  huis_clos: spec('à huis clos', 'Valeur de {publicite} dans le registre quand `seance.publique` vaut false'),
  en_exercice: spec('Membres en exercice', 'Libellé du nombre de membres en exercice'),
  presents: spec('Présents', 'Libellé du nombre de présents'),
  representes: spec('Représentés', 'Libellé du nombre de membres représentés'),
  absents: spec('Absents', 'Libellé du nombre d’absents'),
  votants: spec('Votants', 'Libellé du nombre de votants'),
  presents_noms: spec('Étaient présents', 'Avant la liste des présents'),
  pouvoirs: spec('Pouvoirs', 'Avant la liste des pouvoirs'),
  pouvoir: spec('{mandant} à {mandataire}', 'Un pouvoir de la liste', ['mandant', 'mandataire']),
  absents_noms: spec('Absents', 'Avant la liste des absents'),
  secretaire: spec('Secrétaire de séance', 'Libellé du secrétaire de séance'),
  secretaires: spec('Secrétaires de séance', 'Libellé de plusieurs secrétaires de séance nommés ensemble'),
  liste_et: spec(
    'et',
    'Mot avant le dernier nom d’une liste de présence (« A, B et C ») ; vide : des virgules seulement',
  ),
  excuses_noms: spec('Excusés', 'Avant la liste des membres excusés'),
  effectifs: spec(
    '{l_en_exercice} : {en_exercice}[ – {l_presents} : {presents} – {l_representes} : {representes} – {l_absents} : {absents} – {l_votants} : {votants}]',
    'Ligne des nombres de la délibération ; {l_…} sont les libellés ci-dessus (« en_exercice », « presents »…)',
    [
      'en_exercice',
      'presents',
      'representes',
      'absents',
      'excuses',
      'votants',
      'l_en_exercice',
      'l_presents',
      'l_representes',
      'l_absents',
      'l_votants',
    ],
  ),
  nom_membre: spec(
    '{nom}',
    'Nom d’un membre dans les listes de présence et les pouvoirs (« [{civilite} ]{nom} » pour l’imprimer avec sa civilité déclarée sous « elus »)',
    ['nom', 'civilite'],
  ),
  seance_du: spec(
    'Séance {du} {dates}',
    'Ligne de date sous l’instance ; {du} vaut « du » ou « des » (séance sur plusieurs jours), {dates} « 28 janvier 2025 » ou « 28 et 29 janvier 2025 »',
    ['du', 'dates', 'date_jour'],
  ),
  objet: spec(
    'OBJET : {objet}',
    'Ligne de l’objet, dans la délibération et la note ; {numero} : le numéro de l’acte',
    ['objet', 'numero'],
  ),
  sur_le_rapport: spec(
    '',
    'Ligne avant les visas (« Sur le rapport de {rapporteur}[, {qualite}], ») ; vide par défaut : rien',
    ['rapporteur', 'qualite'],
  ),
  rapporteur: spec('Rapporteur{e}', 'Libellé du rapporteur ; {e} devient « e » pour une rapporteure', ['e']),
  extrait: spec('EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS', 'Première ligne du titre de l’acte adopté'),
  instance_titre: spec('{instance}', 'Ligne de l’instance dans le titre (en capitales)', ['instance']),
  titre_acte: spec('DÉLIBÉRATION[ N° {numero}]', 'Titre de l’extrait, avec le numéro de l’acte', ['numero']),
  vu: spec('Vu {texte} ;', 'Un visa (« VU {texte}, »)', ['texte']),
  considerant: spec('Considérant {texte} ;', 'Un considérant', ['texte']),
  le_conseil: spec('Le {instance},', 'Avant les visas', ['instance']),
  apres_deliberation: spec('Après en avoir délibéré,', 'Avant le dispositif'),
  decision: spec('DÉLIBÈRE', 'Verbe du dispositif (« DÉCIDE », « Délibère : »)'),
  article: spec('Article {numero} –', 'Libellé d’un article (« Art. {numero}.- »)', ['numero']),
  article_premier: spec(
    'Article {numero} –',
    'Libellé du premier article (« Article premier.- ») ; par défaut comme « article » avec « 1er »',
    ['numero'],
  ),
  vote_unanimite: spec('Adopté{e} à l’unanimité.', 'Résultat d’un vote à l’unanimité', ['e']),
  vote_exprimes: spec(
    'Adopté{e} à l’unanimité des suffrages exprimés ({detail}).',
    'Résultat sans voix contre ; {detail} est le décompte (« 25 voix pour et 2 abstentions »)',
    ['e', 'detail'],
  ),
  vote_adopte: spec('Adopté{e} par {detail}.', 'Résultat d’un vote adopté avec des voix contre', [
    'e',
    'detail',
  ]),
  vote_rejete: spec('Rejeté{e} par {detail}.', 'Résultat d’un vote rejeté', ['e', 'detail']),
  vote_partage: spec(
    'Partage égal des voix ({detail}) : la voix du président est prépondérante.',
    'Résultat d’un vote à égalité',
    ['detail'],
  ),
  vote_detail: spec(
    '',
    'Décompte du vote à partir de ses parties (« pour : {pour} – contre : {contre} – abstentions : {abstentions} ») ; vide par défaut : « A, B et C »',
    ['pour', 'contre', 'abstentions'],
  ),
  vote_pour: spec('{nombre}\u00A0voix pour', 'Voix pour, dans le décompte', ['nombre']),
  vote_contre: spec('{nombre}\u00A0voix contre', 'Voix contre, dans le décompte', ['nombre']),
  vote_contre_aucune: spec(
    '',
    'Décompte sans voix contre (« aucune voix contre », « 0 voix contre ») ; vide par défaut : rien',
  ),
  vote_abstentions: spec('{nombre}\u00A0abstention{s}', 'Abstentions, dans le décompte', ['nombre', 's']),
  vote_abstentions_aucune: spec(
    '',
    'Décompte sans abstention (« aucune abstention », « 0 abstention ») ; vide par défaut : rien',
  ),
  vote_ne_prend_pas_part: spec(
    '{nombre}\u00A0membre{s} {ne_prend} pas part au vote.',
    'Après le résultat, les membres ne prenant pas part au vote ; {ne_prend} vaut « ne prend » ou « ne prennent »',
    ['nombre', 's', 'ne_prend'],
  ),
  cloture: spec('Fait et délibéré en séance, les jour, mois et an susdits.', 'Formule de clôture'),
  executoire_titre: spec('Caractère exécutoire', 'Titre de la mention du caractère exécutoire (en gras)'),
  executoire: spec(
    '[Transmise en préfecture le : {prefecture}][ – Publiée le : {publication}]',
    'Mention du caractère exécutoire',
    [
      'prefecture',
      'prefecture_chiffres',
      'prefecture_jour',
      'publication',
      'publication_chiffres',
      'signature',
      'signature_chiffres',
      'identifiant',
    ],
  ),
  identifiant: spec('Identifiant : {identifiant}', 'Identifiant @ctes, quand il est donné', ['identifiant']),
  recours: spec(
    'La présente délibération peut faire l’objet d’un recours pour excès de pouvoir devant le tribunal administratif compétent dans un délai de deux mois à compter de sa publication ou de sa notification.',
    'Mention des voies et délais de recours',
  ),
  telerecours: spec(
    'Le tribunal administratif peut être saisi par l’application « Télérecours citoyens » accessible sur le site www.telerecours.fr.',
    `Phrase Télérecours, imprimée par défaut pour une séance à partir du ${TELERECOURS_SINCE} seulement`,
  ),
  entre: spec('ENTRE', 'Avant la première partie d’une convention'),
  et: spec('ET', 'Entre deux parties'),
  represente: spec(
    'représenté{e} par',
    'Avant le signataire d’une partie ; {e} devient « e » pour une partie au féminin',
    ['e'],
  ),
  ci_apres: spec(
    'ci-après « {denomination} »',
    'Dénomination d’une partie (« ci-après dénommé{e} « {denomination} » »)',
    ['denomination', 'e'],
  ),
  d_une_part: spec('d’une part,', 'Après la première partie (vide : rien)'),
  d_autre_part: spec(
    'd’autre part',
    'Après chacune des autres parties ; sans ponctuation finale, « , » s’ajoute, « . » après la dernière (vide : rien)',
  ),
  convenu: spec('Il a été convenu ce qui suit :', 'Avant les articles d’une convention'),
  fait_a: spec(
    'Fait[ à {lieu}][, le {date}][, en {exemplaires} exemplaires originaux].',
    'Clôture d’une convention',
    ['lieu', 'date', 'exemplaires'],
  ),
  partie: spec(
    '{nom}[, dont le siège est situé {adresse}][, SIRET n° {siret}], {represente} {representant}[, {qualite}][, {habilitation}][, {mandat}],[ {ci_apres},]',
    'Phrase d’une partie de convention : {nom} en gras, {represente}, {habilitation} et {ci_apres} étant les formules du même nom',
    [
      'nom',
      'adresse',
      'siret',
      'represente',
      'representant',
      'qualite',
      'habilitation',
      'mandat',
      'ci_apres',
      'e',
    ],
  ),
  habilitation: spec(
    'dûment habilité{e}{s} par délibération[ du {instance}][ n° {numero}][ du {date}]',
    'Habilitation du signataire d’une partie ; {e} devient « e » pour une signataire, {s} « s » pour plusieurs signataires',
    ['instance', 'numero', 'date', 'e', 's'],
  ),
  ensemble: spec(
    'Ensemble dénommées ci-après « {denomination} ».',
    'Après les parties, quand la convention nomme leur ensemble (« denomination_parties »)',
    ['denomination'],
  ),
  partenaires: spec(
    'En partenariat avec {partenaires}.',
    'Partenaires nommés qui ne signent pas la convention',
    ['partenaires'],
  ),
  convention_vu: spec('Vu {texte} ;', 'Un visa d’une convention (« VU {texte}, »)', ['texte']),
  exposent: spec('EXPOSENT', 'Avant l’exposé d’une convention (« IL A ÉTÉ EXPOSÉ CE QUI SUIT : »)'),
  preambule: spec('PRÉAMBULE', 'Titre du préambule d’une convention'),
  titre_division: spec(
    'TITRE {numero} – {titre}',
    'Titre d’une division d’une convention (« TITRE I – … ») ; {numero} est celui de la division, sinon son rang',
    ['numero', 'titre'],
  ),
  article_convention: spec(
    'Article {numero}[ – {titre}]',
    'Libellé d’un article de convention ; {numero} vaut « 1er », « 2 »…, {rang} « 1 », « 2 »…',
    ['numero', 'rang', 'titre'],
  ),
  sous_article: spec(
    '{numero}[ – {titre}]',
    'Libellé d’un sous-article de convention ; {numero} vaut « 2.1 », « 2.2 »…',
    ['numero', 'article', 'rang', 'titre'],
  ),
  annexes_convention: spec('Annexes', 'Titre de la liste des annexes d’une convention'),
  annexe_convention: spec('Annexe {numero} : {titre}', 'Une annexe de la liste', ['numero', 'titre']),
  signature_pour: spec('Pour {denomination}', 'Au-dessus des signatures d’une partie', ['denomination']),
  convention_entete: spec(
    'ANNEXE AU POINT N° {point} – {instance_majuscules} DU {date_majuscules}',
    'Ligne au-dessus du titre d’une convention ; {numero} est le numéro de la délibération, {date} celle de la séance',
    ['point', 'numero', 'instance', 'instance_majuscules', 'date', 'date_majuscules'],
  ),
  pv_reunion: spec(
    'Le {instance}[, légalement convoqué le {convocation},] s’est réuni le {date}[ à {heure}][, {lieu}], sous la présidence de {president}, {qualite}.',
    'Procès-verbal : phrase de réunion du conseil',
    ['instance', 'convocation', 'date', 'heure', 'lieu', 'president', 'qualite'],
  ),
  pv_ouverture: spec('La séance est ouverte à {heure}.', 'Procès-verbal : ouverture de la séance', ['heure']),
  pv_appel: spec('Il est procédé à l’appel nominal des membres.', 'Procès-verbal : appel nominal'),
  pv_unanimite: spec('à l’unanimité', 'Procès-verbal : vote à l’unanimité, dans une phrase'),
  pv_par: spec(
    'par {detail}',
    'Procès-verbal : vote décompté, dans une phrase ; {detail} est le décompte (formules « vote_… »)',
    ['detail'],
  ),
  pv_approbation: spec(
    'Le procès-verbal de la séance du {date} est approuvé[ {vote}][{corrections}].',
    'Procès-verbal : approbation du procès-verbal précédent ; {vote} vaut « à l’unanimité » ou « par … », {corrections} la formule « pv_corrections »',
    ['date', 'vote', 'corrections'],
  ),
  pv_corrections: spec(
    ', avec les corrections suivantes',
    'Procès-verbal : quand le procès-verbal précédent est approuvé avec des corrections',
  ),
  pv_suspension: spec(
    'La séance est suspendue à {heure}[, {motif}][ ; elle reprend à {reprise}].',
    'Procès-verbal : suspension de séance',
    ['heure', 'motif', 'reprise'],
  ),
  pv_amendement_adopte: spec(
    'L’amendement n° {numero} est adopté {vote}.',
    'Procès-verbal : amendement adopté ; {vote} vaut « à l’unanimité » ou « par … »',
    ['numero', 'vote'],
  ),
  pv_amendement_rejete: spec(
    'L’amendement n° {numero} est rejeté {vote}.',
    'Procès-verbal : amendement rejeté',
    ['numero', 'vote'],
  ),
  pv_amendement_partage: spec(
    'L’amendement n° {numero} est soumis à un partage égal des voix {vote}.',
    'Procès-verbal : amendement à égalité des voix',
    ['numero', 'vote'],
  ),
  pv_votants: spec(
    'Votants : {votants} ({presents}, {representes}).',
    'Procès-verbal : votants d’un point ; {presents} vaut « 12 présents », {representes} « 2 représentés »',
    ['votants', 'presents', 'representes'],
  ),
  pv_main_levee: spec('Vote à main levée.', 'Procès-verbal : vote à main levée'),
  pv_scrutin: spec('Scrutin {scrutin}.', 'Procès-verbal : autre mode de scrutin (« public », « secret »)', [
    'scrutin',
  ]),
  pv_resultat: spec(
    'Délibération n° {numero} : {resultat}',
    'Procès-verbal : résultat d’un point ; {resultat} est la phrase du vote (formules « vote_… »)',
    ['numero', 'resultat'],
  ),
  pv_cloture: spec('La séance est levée à {heure}.', 'Procès-verbal : clôture de la séance', ['heure']),
  pv_arrete: spec(
    'Procès-verbal arrêté en séance du {date}.',
    'Procès-verbal : date à laquelle il est arrêté',
    ['date'],
  ),
  convocation_date: spec('Le {date}', 'Convocation : date de la lettre (la date de convocation)', ['date']),
  convocation_appel: spec('Madame, Monsieur,', 'Convocation : formule d’appel'),
  convocation_objet: spec(
    "J'ai l'honneur de vous convoquer à la séance du {instance} qui se tiendra le {date}[ à {heure}][, {lieu}].",
    'Convocation : phrase de convocation',
    ['instance', 'date', 'heure', 'lieu'],
  ),
  convocation_ordre_du_jour: spec(
    "L'ordre du jour de la séance est le suivant :",
    'Convocation : avant la liste des points',
  ),
  convocation_notes: spec(
    'Vous trouverez ci-joint, pour chaque affaire soumise à délibération, la note explicative de synthèse (article L. 2121-12 du code général des collectivités territoriales).',
    'Convocation : mention des notes explicatives de synthèse (communes de 3 500 habitants et plus)',
  ),
  convocation_salutations: spec(
    "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.",
    'Convocation : formule de politesse',
  ),
  pv_ajoute: spec(
    'Ce point est ajouté à l’ordre du jour en séance.',
    'Procès-verbal : point ajouté en séance',
  ),
  pv_retire: spec('Ce point est retiré de l’ordre du jour[ : {motif}].', 'Procès-verbal : point retiré', [
    'motif',
  ]),
  pv_arrivee: spec(
    'Arrivée de {nom}[ à {heure}], avant l’examen de ce point.',
    'Procès-verbal : arrivée d’un membre en cours de séance',
    ['nom', 'heure'],
  ),
  pv_depart: spec(
    'Départ de {nom}[ à {heure}][, qui donne pouvoir à {mandataire}], avant l’examen de ce point.',
    'Procès-verbal : départ d’un membre en cours de séance',
    ['nom', 'heure', 'mandataire'],
  ),
  pv_quorum: spec(
    'Le quorum est atteint : {presents} sur {en_exercice} en exercice.',
    'Procès-verbal : quorum atteint ; {presents} vaut « 12 membres présents »',
    ['presents', 'en_exercice'],
  ),
  pv_seconde_convocation: spec(
    'Le Conseil, réuni sur seconde convocation, délibère valablement sans condition de quorum.',
    'Procès-verbal : séance sur seconde convocation',
  ),
  pv_decisions: spec(
    '{president} rend compte des décisions prises par délégation du {instance} (articles L. 2122-22 et L. 2122-23 du code général des collectivités territoriales) :',
    'Procès-verbal : avant la liste des décisions prises par délégation',
    ['president', 'instance'],
  ),
  pv_demande_scrutin: spec(
    'Un scrutin {scrutin} est demandé[ par {par}].',
    'Procès-verbal : demande d’un scrutin ; {par} vaut « le groupe … : » et les noms des demandeurs',
    ['scrutin', 'par'],
  ),
  pv_amendement: spec(
    'Amendement n° {numero}[, présenté par {auteur}] :',
    'Procès-verbal : titre d’un amendement ; {auteur} vaut « le groupe … », le nom de son auteur, ou les deux',
    ['numero', 'auteur'],
  ),
  pv_correction: spec(
    'Correction[ demandée par {nom}] :',
    'Procès-verbal : une correction du procès-verbal précédent',
    ['nom'],
  ),
  pv_question: spec('Question de {nom}[, pour le groupe {groupe}] :', 'Procès-verbal : une question orale', [
    'nom',
    'groupe',
  ]),
  pv_reponse: spec('Réponse[ de {nom}] :', 'Procès-verbal : la réponse à une question orale', ['nom']),
  // Running lines of every page (p16): three places per line, {page} and {pages} written by the renderer.
  entete_page_gauche: spec(
    '',
    'En-tête de chaque page, à gauche (« {instance} – {date} – {lieu} ») ; vide par défaut',
    PAGE_VALUES,
  ),
  entete_page_centre: spec('', 'En-tête de chaque page, au centre ; vide par défaut', PAGE_VALUES),
  entete_page_droite: spec(
    '',
    'En-tête de chaque page, à droite (« Page {page} sur {pages} ») ; vide par défaut',
    PAGE_VALUES,
  ),
  pied_page_gauche: spec(
    DEFAULT_FOOTER_TITLE,
    'Pied de chaque page, à gauche ; {titre} est le titre court du document',
    PAGE_VALUES,
  ),
  pied_page_centre: spec('', 'Pied de chaque page, au centre ; vide par défaut', PAGE_VALUES),
  pied_page_droite: spec(
    DEFAULT_PAGE_NUMBER,
    'Pied de chaque page, à droite ; {page} est le numéro de la page, {pages} leur nombre',
    PAGE_VALUES,
  ),
} as const satisfies Record<string, FormulaSpec>;

export type FormulaKey = keyof typeof FORMULES;

/** The formulas of the running page lines, which a convention may also give for itself. */
export const PAGE_FORMULAS = [
  'entete_page_gauche',
  'entete_page_centre',
  'entete_page_droite',
  'pied_page_gauche',
  'pied_page_centre',
  'pied_page_droite',
] as const satisfies readonly FormulaKey[];
export type Formules = Readonly<Record<FormulaKey, string>>;

/** Placeholders in a formula, in order. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{([^{}\s]*)\}/g)].map((m) => m[1] ?? '');
}

/** Agreement marks (« représenté{e} », « habilité{e}{s} »): empty for the masculine singular, never a missing fact. */
const AGREEMENT_MARKS: ReadonlySet<string> = new Set(['e', 's']);

/**
 * The formula with each `{nom}` replaced by its value (an unknown name is left as written). A part
 * in brackets is kept only when every value it holds is known (not empty): nothing invented, the
 * words of an absent fact go with it (`[, à {heure}]`); the agreement marks `{e}` and `{s}` do not
 * count, so `[, sis{e} {adresse}]` stays for a masculine party.
 *
 * @example
 * fillFormula('le {jour}[, à {heure}]', { jour: '3 mars', heure: '' }) // 'le 3 mars'
 */
export function fillFormula(text: string, values: Readonly<Record<string, string>>): string {
  const kept = text.replace(/\[([^[\]]*)\]/g, (_whole, part: string) =>
    placeholders(part).every((name) => AGREEMENT_MARKS.has(name) || (values[name] ?? '') !== '') ? part : '',
  );
  return kept.replace(/\{([^{}\s]*)\}/g, (whole, name: string) => values[name] ?? whole);
}

/**
 * The collectivité's formulas over the defaults. The Télérecours sentence, unless the
 * collectivité gives its own, is printed only for a séance held since the service exists.
 */
export function resolveFormules(
  own: Readonly<Partial<Record<string, string>>> | undefined,
  seanceDate: string,
): Formules {
  const out = {} as Record<FormulaKey, string>;
  for (const key of Object.keys(FORMULES) as FormulaKey[]) out[key] = own?.[key] ?? FORMULES[key].defaut;
  if (own?.telerecours === undefined && seanceDate < TELERECOURS_SINCE) out.telerecours = '';
  if (own?.article_premier === undefined) out.article_premier = out.article;
  return out;
}
