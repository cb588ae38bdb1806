/**
 * The fixed formulas of delib's documents, each a default the collectivité can replace under
 * `collectivite.formules` in its YAML. A formula is plain text; `{nom}` marks where a value of
 * the séance goes (only the names listed for it). An empty formula removes its sentence.
 *
 * @example
 * fillFormula('Article {numero} –', { numero: '2' }) // 'Article 2 –'
 */

import { perObject } from '../per-object.ts';
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
/** Values of an attendance list's label: its count, agreement marks, and the names for a whole line. */
const LISTE_VALEURS = ['nombre', 's', 'e', 'noms'] as const;
const LISTE_LIGNE_VALEURS = ['libelle', ...LISTE_VALEURS] as const;
/** Values of a sense's label in the table of a vote by name: its count and agreement marks. */
const NOMS_VOTE_VALEURS = ['nombre', 's', 'e'] as const;
/** Values of a procès-verbal's attendance list: the names, their count and agreement marks. */
const PV_LISTE_VALEURS = ['noms', 'nombre', 's', 'e'] as const;

/** The lists of names that may each have their own separators (`presents_separateur`, `presents_et`…). */
export const LISTES_NOMS = ['presents', 'excuses', 'absents', 'secretaires', 'vote_noms'] as const;
export type ListeNoms = (typeof LISTES_NOMS)[number];

/** Values of the receipt stamp (`accuse_reception`) and of the exécutoire mention's new facts. */
export const STAMP_VALUES = [
  'reception',
  'reception_chiffres',
  'reception_jour',
  'heure_reception',
  'prefecture',
  'prefecture_chiffres',
  'publication',
  'publication_chiffres',
  'affichage',
  'affichage_chiffres',
  'executoire',
  'executoire_chiffres',
  'signature',
  'signature_chiffres',
  'identifiant',
] as const;

/** The date from which the « Télérecours citoyens » sentence is printed by default. */
export const TELERECOURS_SINCE = '2018-11-30';

/** Words of the séance a title formula may write, each also `_majuscules` and `_majuscules_sans_accents`. */
export const SEANCE_MOTS = [
  'instance',
  'date',
  'date_jour',
  'jour_semaine',
  'mois',
  'lieu',
  'session',
  'seance_du',
  'heure_compacte',
] as const;

/**
 * Values of the convocation's and the ordre du jour's title lines: the séance's date in several
 * forms (« 14 février 2025 », « vendredi 14 février 2025 », 14/02/2025, {jj}.{mm}.{aaaa}, in words
 * as the registre writes it: {jour_mois} {annee}), its hour (« 20 h 30 », « 20 heures 30 »,
 * « 20h30 », in words), place and session, the président, the date of the convocation.
 */
export const SEANCE_VALEURS: readonly string[] = [
  ...SEANCE_MOTS,
  'le_instance',
  'Le_instance',
  'du_instance',
  'date_chiffres',
  'jour',
  'jj',
  'mm',
  'aaaa',
  'dates',
  'heure',
  'heure_longue',
  'heure_lettres',
  'jour_mois',
  'annee',
  'date_lettres',
  'president',
  'qualite_president',
  'convocation',
  'convocation_jour',
  'convocation_chiffres',
  'convocation_jour_mois',
  'convocation_annee',
  'actes',
  ...SEANCE_MOTS.flatMap((m) => [`${m}_majuscules`, `${m}_majuscules_sans_accents`]),
];

export const FORMULES = {
  registre: spec(
    'L’an {annee}, le {jour_mois}[, à {heure}], {le_instance}[, légalement convoqué{e} le {convocation},] s’est réuni{e}[ {publicite}][, {lieu},] sous la présidence de {president}, {qualite_president}.',
    'Formule d’ouverture de l’extrait du registre ; {le_instance} vaut « le Conseil municipal », « la Commission permanente » (voir `genre_instance`), {e} accorde avec l’instance',
    [
      'le_instance',
      'du_instance',
      'e',
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
      'session',
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
  presents_noms: spec(
    'Étaient présents',
    'Avant la liste des présents ; {nombre} : leur nombre, {s} : « s » s’ils sont plusieurs, {e} : « e » si ce sont toutes des femmes, {singulier|pluriel} : l’un ou l’autre selon le nombre (« {Était|Étaient} présent{e}{s} ») ; une formule avec {noms} écrit la ligne entière (sans « ligne_noms »)',
    LISTE_VALEURS,
  ),
  pouvoirs: spec(
    'Pouvoirs',
    'Avant la liste des pouvoirs ; {nombre}, {s}, {e} (des mandants), {noms} comme pour « presents_noms »',
    LISTE_VALEURS,
  ),
  pouvoir: spec(
    '{mandant} à {mandataire}',
    'Un pouvoir de la liste ; {e} devient « e » pour une mandante (« {mandant}, représenté{e} par {mandataire} », « {mandant}, absent{e}, a donné pouvoir à {mandataire} »)',
    ['mandant', 'mandataire', 'e'],
  ),
  absents_noms: spec(
    'Absents',
    'Avant la liste des absents ; {nombre}, {s}, {e}, {noms} comme pour « presents_noms » (« Absent{s} »)',
    LISTE_VALEURS,
  ),
  secretaire: spec('Secrétaire de séance', 'Libellé du secrétaire de séance'),
  secretaires: spec('Secrétaires de séance', 'Libellé de plusieurs secrétaires de séance nommés ensemble'),
  mille: spec(
    'mille',
    'Mot des milliers d’une année écrite en lettres ({annee}, {convocation_annee}) : « mil » donne « l’an deux mil vingt-quatre »',
  ),
  liste_et: spec(
    'et',
    'Mot avant le dernier nom d’une liste de présence (« A, B et C ») ; vide : des virgules seulement',
  ),
  liste_separateur: spec(
    ', ',
    'Entre deux noms d’une liste de présence, sauf avant le dernier quand « liste_et » n’est pas vide (« A – B – C » avec « " – " » et « liste_et » vide)',
  ),
  excuses_noms: spec(
    'Excusés',
    'Avant la liste des membres excusés ; {nombre}, {s}, {e}, {noms} comme pour « presents_noms » (« Absent{s} excusé{s} »)',
    LISTE_VALEURS,
  ),
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
      'quorum',
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
  // Attendance lines as the collectivité writes them (count in the line, grouped civilities, quorum).
  ligne_noms: spec(
    '{libelle} : {noms}.',
    'Une ligne de présence : {libelle} est la formule de la liste (« presents_noms »…), {noms} les noms ; « {libelle} : {nombre} élus {noms}. » compte la liste dans sa ligne',
    LISTE_LIGNE_VALEURS,
  ),
  civilites_messieurs: spec(
    '',
    'Civilité commune de plusieurs hommes nommés à la suite dans une liste de présence (« MM. A, B ») ; vide par défaut : chacun la sienne',
  ),
  civilites_mesdames: spec(
    '',
    'Civilité commune de plusieurs femmes nommées à la suite dans une liste de présence (« Mmes C, D ») ; vide par défaut : chacune la sienne',
  ),
  pouvoirs_separateur: spec(
    ', ',
    'Entre deux pouvoirs de la liste ; un retour à la ligne (« \\n ») met chaque pouvoir sur sa ligne',
  ),
  non_presents_noms: spec(
    '',
    'Avant une seule liste des membres non présents (« Absents ou excusés : {nombre} élus {noms}. ») : représentés (formule « pouvoir »), excusés, absents, à la place des lignes « pouvoirs », « excuses_noms » et « absents_noms » ; {nombre} les compte tous ; vide par défaut : ces trois lignes',
    LISTE_VALEURS,
  ),
  quorum: spec(
    'Quorum : {quorum}',
    'Ligne du quorum, après la liste des présents, quand `seance.quorum` est donné',
    ['quorum'],
  ),
  seance_du: spec(
    'Séance {du} {dates}',
    'Ligne de date sous l’instance ; {du} vaut « du » ou « des » (séance sur plusieurs jours), {dates} « 28 janvier 2025 » ou « 28 et 29 janvier 2025 » ; « {session} » imprime le libellé de la session (`seance.session`) à la place de la date, et la ligne de session n’est alors plus imprimée à part',
    ['du', 'dates', 'date_jour', 'session'],
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
  ligne_rapporteur: spec(
    '{rapporteur} : {nom}',
    'Ligne du rapporteur dans la note et la délibération ; {rapporteur} : la formule « rapporteur » accordée, {nom} : le rapporteur tel que le point l’écrit',
    ['rapporteur', 'nom'],
  ),
  annexe: spec(
    'Annexe {numero} : {titre}',
    'Une annexe, dans la liste des annexes de l’acte et dans les signets du dossier de séance (« Annexe n° {numero} – {titre} »)',
    ['numero', 'titre'],
  ),
  signet_point: spec(
    'Point n° {numero} – {objet}',
    'Dossier de séance : signet d’un point ; {numero} : le numéro tel que l’ordre du jour l’écrit',
    ['numero', 'objet'],
  ),
  signet_convocation: spec('Convocation', 'Dossier de séance : signet de la convocation'),
  signet_ordre_du_jour: spec('Ordre du jour', 'Dossier de séance : signet de l’ordre du jour'),
  signet_note: spec('Note de présentation', 'Dossier de séance : signet de la note d’un point'),
  signet_projet: spec(
    'Projet de délibération',
    'Dossier de séance : signet du projet de délibération d’un point',
  ),
  extrait: spec('EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS', 'Première ligne du titre de l’acte adopté'),
  instance_titre: spec('{instance}', 'Ligne de l’instance dans le titre (en capitales)', ['instance']),
  titre_acte: spec('DÉLIBÉRATION[ N° {numero}]', 'Titre de l’extrait, avec le numéro de l’acte', ['numero']),
  titre_projet: spec(
    'PROJET DE DÉLIBÉRATION[ N° {numero}]',
    'Titre du projet de délibération, avant le vote',
    ['numero'],
  ),
  vu: spec('Vu {texte} ;', 'Un visa (« VU {texte}, »)', ['texte']),
  considerant: spec('Considérant {texte} ;', 'Un considérant', ['texte']),
  le_conseil: spec(
    '{Le_instance},',
    'Avant les visas ; {Le_instance} : « Le Conseil municipal », « La Commission permanente »',
    ['instance', 'Le_instance'],
  ),
  apres_deliberation: spec('Après en avoir délibéré,', 'Avant le dispositif'),
  decision: spec('DÉLIBÈRE', 'Verbe du dispositif (« DÉCIDE », « Délibère : »)'),
  decision_prend_acte: spec(
    'PREND ACTE',
    'Verbe du dispositif quand l’assemblée prend acte sans voter (« Prend acte : », « PREND ACTE de »)',
  ),
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
      'reception',
      'reception_chiffres',
      'heure_reception',
      'affichage',
      'affichage_chiffres',
      'executoire',
      'executoire_chiffres',
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
    'représenté{e}{s} par',
    'Avant le signataire d’une partie ; {e} devient « e » pour une partie au féminin, {s} « s » pour une partie au pluriel (« Les Amis du Moulin »)',
    ['e', 's'],
  ),
  ci_apres: spec(
    'ci-après « {denomination} »',
    'Dénomination d’une partie (« ci-après dénommé{e}{s} « {denomination} » »)',
    ['denomination', 'e', 's'],
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
    'Phrase d’une partie de convention : {nom} en gras, {represente}, {habilitation} et {ci_apres} étant les formules du même nom ; {position} y met « d’une part, » / « d’autre part » (plus de ligne à part), un retour à la ligne commence un nouveau paragraphe',
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
      's',
      'position',
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
  chapitre_division: spec(
    'Chapitre {numero} – {titre}',
    'Chapitre d’une convention, sous son TITRE (« Chapitre 1 – … ») ; {numero} est celui du chapitre, sinon son rang dans le TITRE',
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
  signature_pour: spec(
    'Pour {denomination}',
    'Au-dessus des signatures d’une partie ; {denomination} : sa « denomination », sinon son nom avec l’article de son premier nom quand delib le connaît (« le Syndicat mixte … », « la Commune de … », « l’Office … ») ; {nom} : son nom tel qu’écrit',
    ['denomination', 'nom'],
  ),
  convention_entete: spec(
    'ANNEXE AU POINT N° {point} – {instance_majuscules} DU {date_majuscules}',
    'Ligne au-dessus du titre d’une convention ; {numero} est le numéro de la délibération, {date} celle de la séance',
    ['point', 'numero', 'instance', 'instance_majuscules', 'date', 'date_majuscules'],
  ),
  pv_reunion: spec(
    '{Le_instance}[, légalement convoqué{e} le {convocation},] s’est réuni{e} le {date}[ à {heure}][, {lieu}], sous la présidence de {president}, {qualite}.',
    'Procès-verbal : phrase de réunion du conseil ; {annee} et {jour_mois} en lettres (« deux mille vingt-quatre », « neuf décembre »), {Le_instance} « Le Conseil municipal », « La Commission permanente », {e} accorde avec l’instance, {qualite} celle du président ; aussi les autres valeurs de la séance ({jour_semaine}, {heure_longue}, {convocation_jour}…)',
    [...new Set([...SEANCE_VALEURS, 'e', 'qualite'])],
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
    'Procès-verbal : votants d’un point ; {presents} vaut « 12 présents », {representes} « 2 représentés » (formules « pv_votants_presents », « pv_votants_representes »)',
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
  convocation_date: spec(
    'Le {date}',
    'Convocation : date de la lettre (la date de convocation) ; {jour_mois} et {annee} en lettres (« le dix-huit mars », « deux mille vingt-cinq »)',
    ['date', 'date_jour', 'date_chiffres', 'jour_mois', 'annee'],
  ),
  convocation_appel: spec('Madame, Monsieur,', 'Convocation : formule d’appel'),
  convocation_objet: spec(
    "J'ai l'honneur de vous convoquer à la séance {du_instance} qui se tiendra le {date}[ à {heure}][, {lieu}].",
    'Convocation : phrase de convocation',
    SEANCE_VALEURS,
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
    'Procès-verbal : départ d’un membre en cours de séance ; {excuse} : la formule « pv_excuse » pour un départ « excuse: true » avec pouvoir (« Départ de {nom}[, {excuse},][ à {heure}]… »), vide sinon',
    ['nom', 'heure', 'mandataire', 'excuse'],
  ),
  pv_quorum: spec(
    'Le quorum est atteint : {presents} sur {en_exercice} en exercice.',
    'Procès-verbal : quorum atteint ; {presents} vaut « 12 membres présents » (formule « pv_quorum_presents »), {quorum} le nombre de « seance.quorum » quand il est donné',
    ['presents', 'en_exercice', 'quorum'],
  ),
  pv_seconde_convocation: spec(
    'Le Conseil, réuni sur seconde convocation, délibère valablement sans condition de quorum.',
    'Procès-verbal : séance sur seconde convocation',
  ),
  pv_decisions: spec(
    '{president} rend compte des décisions prises par délégation {du_instance} (articles L. 2122-22 et L. 2122-23 du code général des collectivités territoriales) :',
    'Procès-verbal : avant la liste des décisions prises par délégation ; {du_instance} : « du Conseil municipal », « de la Commission permanente »',
    ['president', 'instance', 'du_instance'],
  ),
  pv_demande_scrutin: spec(
    'Un scrutin {scrutin} est demandé[ par {par}].',
    'Procès-verbal : demande d’un scrutin ; {par} vaut « le groupe … », les noms des demandeurs, ou les deux (formule « pv_groupe_noms »)',
    ['scrutin', 'par'],
  ),
  pv_amendement: spec(
    'Amendement n° {numero}[, présenté par {auteur}] :',
    'Procès-verbal : titre d’un amendement ; {auteur} vaut « le groupe … », le nom de son auteur, ou les deux (formule « pv_groupe_auteur »)',
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
  // A séance over several days, and people attending who are not members (c16).
  pv_jour: spec(
    'Séance du {date_jour}',
    'Procès-verbal : titre des présences d’un jour, quand la séance tenue sur plusieurs jours donne les présences d’un jour suivant (« jours_suivants ») ; {date…} sont celles de ce jour',
    SEANCE_VALEURS,
  ),
  pv_invites: spec(
    'Assistaient également à la séance : {noms}.',
    'Procès-verbal : personnes présentes qui ne sont pas membres (« invites » de la séance ou d’un jour), après les présences',
    ['noms'],
  ),
  // The procès-verbal's remaining fixed words (titles, lines, table headers).
  pv_titre_avant: spec(
    '{instance_majuscules}',
    'Procès-verbal : ligne(s) du titre avant la date (un saut de ligne par ligne ; vide : rien)',
    SEANCE_VALEURS,
  ),
  pv_titre_date: spec('{seance_du}', 'Procès-verbal : ligne(s) de la date, avant le titre', SEANCE_VALEURS),
  pv_titre: spec(
    'PROCÈS-VERBAL',
    'Procès-verbal : titre du document (« Conseil municipal du {date} »)',
    SEANCE_VALEURS,
  ),
  pv_titre_apres: spec(
    '',
    'Procès-verbal : ligne(s) du titre après lui ; vide par défaut : rien',
    SEANCE_VALEURS,
  ),
  pv_nom_membre: spec(
    '[{civilite} ]{nom}',
    'Procès-verbal : nom d’un membre, avec sa civilité déclarée sous « elus » ; sans cette clé, celle de « nom_membre » quand la collectivité la donne',
    ['nom', 'civilite'],
  ),
  pv_presents: spec(
    'Présents : {noms}.',
    'Procès-verbal : liste des présents ; {nombre} : leur nombre, {s}, {e} et les paires {singulier|pluriel} comme pour « presents_noms » (« {Était|Étaient} présent{e}{s} : {noms} ({nombre} présent{s}) »)',
    PV_LISTE_VALEURS,
  ),
  pv_representes: spec(
    'Représentés : {pouvoirs}.',
    'Procès-verbal : liste des membres représentés ; {pouvoirs} : les formules « pv_pouvoir » séparées par « pv_pouvoirs_separateur » (une virgule) ; {nombre}, {s}, {e} (des mandants) et les paires {singulier|pluriel} comme pour « pv_presents »',
    ['pouvoirs', 'nombre', 's', 'e'],
  ),
  pv_pouvoir: spec(
    '{mandant} (pouvoir à {mandataire})',
    'Procès-verbal : un pouvoir de la liste ; {e} devient « e » pour une mandante (« {mandant}, représentée par {mandataire} »)',
    ['mandant', 'mandataire', 'e'],
  ),
  pv_absents: spec(
    'Absents : {noms}.',
    'Procès-verbal : liste des absents ; {nombre}, {s}, {e}, {singulier|pluriel} comme pour « pv_presents »',
    PV_LISTE_VALEURS,
  ),
  pv_excuses: spec(
    'Excusés : {noms}.',
    'Procès-verbal : liste des membres excusés ; {nombre}, {s}, {e}, {singulier|pluriel} comme pour « pv_presents » (« Excusé{e}{s} : {noms} »)',
    PV_LISTE_VALEURS,
  ),
  pv_secretaire_designe: spec(
    '{noms} est désigné{e} secrétaire de séance[ {vote}].',
    'Procès-verbal : désignation d’un secrétaire de séance ; {e} devient « e » pour une secrétaire, {vote} vaut « à l’unanimité » ou « par … »',
    ['noms', 'e', 'vote'],
  ),
  pv_secretaires_designes: spec(
    '{noms} sont désigné{e}s secrétaires de séance[ {vote}].',
    'Procès-verbal : désignation de plusieurs secrétaires ; {e} devient « e » quand ce sont toutes des femmes',
    ['noms', 'e', 'vote'],
  ),
  pv_ordre_du_jour: spec('Ordre du jour', 'Procès-verbal : titre de l’ordre du jour (vide : pas de titre)'),
  pv_point_ordre_du_jour: spec(
    '{numero}. {objet}[ ({mention})]',
    'Procès-verbal : un point de l’ordre du jour ; {mention} : la formule « pv_odj_retire » ou « pv_odj_ajoute », {numero_affiche} le numéro tel que l’ordre du jour l’écrit',
    ['numero', 'numero_affiche', 'objet', 'mention'],
  ),
  pv_section_ordre_du_jour: spec(
    '',
    'Procès-verbal : ligne d’une rubrique dans la liste des points de l’ordre du jour (`section` des points), avant son premier point (« {section} ») ; vide par défaut : la liste sans rubriques',
    ['section'],
  ),
  pv_odj_retire: spec('retiré', 'Procès-verbal : mention d’un point retiré, dans l’ordre du jour'),
  pv_odj_ajoute: spec(
    'ajouté en séance',
    'Procès-verbal : mention d’un point ajouté en séance, dans l’ordre du jour',
  ),
  pv_decision: spec(
    'Décision[ n° {numero}][ du {date}] : {objet}',
    'Procès-verbal : une décision prise par délégation',
    ['numero', 'date', 'objet'],
  ),
  pv_communication: spec(
    'Communication : {objet}',
    'Procès-verbal : titre d’une communication, en gras (vide : le texte seul)',
    ['objet'],
  ),
  pv_point: spec(
    'Point n° {numero} – {objet}',
    'Procès-verbal : titre du chapitre d’un point (et son signet) ; {numero_affiche} le numéro tel que l’ordre du jour l’écrit, {acte} le numéro de la délibération adoptée (vide pour un point sans acte)',
    ['numero', 'numero_affiche', 'acte', 'objet'],
  ),
  pv_rapporteur: spec(
    '{rapporteur} : {nom}',
    'Procès-verbal : rapporteur d’un point ; {rapporteur} est la formule « rapporteur » accordée (« Rapporteure »), {e} « e » pour une rapporteure',
    ['nom', 'rapporteur', 'e'],
  ),
  pv_intervention: spec(
    '{nom}[, {qualite}] :',
    'Procès-verbal : auteur d’une intervention, en gras ; {qualite} est celle de l’intervention (« au nom du groupe … »)',
    ['nom', 'qualite'],
  ),
  pv_groupe: spec(
    'le groupe {groupe}',
    'Procès-verbal : un groupe, dans {auteur} d’un amendement et {par} d’une demande de scrutin',
    ['groupe'],
  ),
  pv_incident: spec('À {heure} :', 'Procès-verbal : heure d’un incident de séance, avant son texte', [
    'heure',
  ]),
  pv_vote_sens: spec('Vote', 'Procès-verbal : en-tête de la première colonne du tableau d’un vote nominatif'),
  pv_vote_nombre: spec(
    'Nombre',
    'Procès-verbal : en-tête de la colonne des nombres du tableau d’un vote nominatif',
  ),
  pv_vote_membres: spec(
    'Membres',
    'Procès-verbal : en-tête de la colonne des noms du tableau d’un vote nominatif',
  ),
  pv_vote_pour: spec(
    'Pour',
    'Procès-verbal : ligne des voix pour, dans le tableau d’un vote nominatif (aussi dans la délibération) ; {nombre}, {s}, {e} et les paires {singulier|pluriel} du nombre de ce sens (« {Abstention|Abstentions} »)',
    NOMS_VOTE_VALEURS,
  ),
  pv_vote_contre: spec(
    'Contre',
    'Procès-verbal : ligne des voix contre, dans le tableau d’un vote nominatif (aussi dans la délibération) ; {nombre}, {s}, {e} et les paires {singulier|pluriel} du nombre de ce sens (« {Abstention|Abstentions} »)',
    NOMS_VOTE_VALEURS,
  ),
  pv_vote_abstention: spec(
    'Abstention',
    'Procès-verbal : ligne des abstentions, dans le tableau d’un vote nominatif (aussi dans la délibération) ; {nombre}, {s}, {e} et les paires {singulier|pluriel} du nombre de ce sens (« {Abstention|Abstentions} »)',
    NOMS_VOTE_VALEURS,
  ),
  pv_vote_ne_prend_pas_part: spec(
    'Ne prend pas part au vote',
    'Procès-verbal : ligne des membres ne prenant pas part au vote, dans le tableau d’un vote nominatif (aussi dans la délibération) ; {nombre}, {s}, {e} et les paires {singulier|pluriel} du nombre de ce sens (« {Abstention|Abstentions} »)',
    NOMS_VOTE_VALEURS,
  ),
  pv_deliberation: spec(
    'Délibération[ n° {numero}] – {objet}',
    'Procès-verbal : renvoi à la délibération adoptée sur le point (seulement pour un acte voté ou un « prend acte »)',
    ['numero', 'objet'],
  ),
  pv_dispositif: spec(
    '{apres_deliberation}',
    'Procès-verbal : avant le dispositif d’un acte imprimé sous son point (« dispositif_pv ») ; {apres_deliberation} est la formule de la délibération (« Après en avoir délibéré, »), {le_conseil} la sienne (« Le Conseil municipal, ») ; vide : rien',
    ['apres_deliberation', 'le_conseil'],
  ),
  // The PV's table of contents, its sections and the words around a verbatim (v17, session 6).
  pv_sommaire_titre: spec(
    'Sommaire',
    'Procès-verbal : titre du sommaire (« sommaire_pv: true ») ; vide : pas de titre',
  ),
  pv_sommaire_point: spec(
    '{titre}[ – {suite}], p. {page}',
    'Procès-verbal : une entrée du sommaire, pour un point ; {titre} est le titre du chapitre (formule « pv_point »), {page} la page où il commence dans ce procès-verbal, {suite} la « suite_sommaire » du point',
    ['titre', 'numero', 'numero_affiche', 'acte', 'objet', 'suite', 'page'],
  ),
  pv_sommaire_section: spec(
    '{section}, p. {page}',
    'Procès-verbal : une entrée du sommaire pour une section de l’ordre du jour, en gras, avant ses points ; {page} la page de son premier point',
    ['section', 'page'],
  ),
  pv_sommaire_approbation: spec(
    '{titre}, p. {page}',
    'Procès-verbal : l’entrée du sommaire pour l’approbation du procès-verbal précédent, quand elle a son intertitre (« pv_approbation_titre ») ; {titre} cet intertitre ; vide : pas d’entrée',
    ['titre', 'page'],
  ),
  pv_section: spec(
    '{section}',
    'Procès-verbal : titre d’une section de l’ordre du jour (« I – FINANCES »), avant ses points ; vide : les points sans leurs sections',
    ['section'],
  ),
  pv_verbatim: spec(
    '« {texte} »',
    'Procès-verbal : le texte intégral d’une intervention (« verbatim ») ; {texte} est ce texte',
    ['texte'],
  ),
  // The PV's own parts and annexes in the sommaire, the range of the séance's acts (v18, session 7).
  pv_partie: spec(
    '{titre}',
    'Procès-verbal : intertitre d’une partie qui n’est pas un point (« deroulement.parties »), de même niveau que les points ; {titre} son intitulé',
    ['titre'],
  ),
  pv_sommaire_partie: spec(
    '{titre}, p. {page}',
    'Procès-verbal : l’entrée du sommaire d’une partie qui n’est pas un point ; {titre} son intertitre (formule « pv_partie ») ; vide : pas d’entrée',
    ['titre', 'page'],
  ),
  pv_sommaire_pages_separateur: spec(
    ', ',
    'Procès-verbal : entre les pages d’une entrée du sommaire dont le point ou la partie se poursuit plus loin (« deroulement.parties[].suite_de ») : « p. 10, 89 »',
  ),
  pv_annexe: spec(
    'Annexe {numero} – {titre}',
    'Procès-verbal : titre d’une annexe du procès-verbal (« deroulement.annexes »), après les signatures ; {numero} son numéro ou son rang',
    ['numero', 'titre'],
  ),
  pv_annexe_partie: spec(
    '{titre}',
    'Procès-verbal : intertitre d’une partie d’une annexe du procès-verbal, un niveau sous l’annexe',
    ['titre'],
  ),
  pv_sommaire_annexe: spec(
    '{titre}, p. {page}',
    'Procès-verbal : l’entrée du sommaire d’une annexe du procès-verbal ; {titre} son titre (formule « pv_annexe ») ; vide : pas d’entrée',
    ['titre', 'numero', 'page'],
  ),
  pv_sommaire_annexe_parties: spec(
    '{titre}, p. {page}',
    'Procès-verbal : l’entrée du sommaire d’une annexe qui a des parties, avant les leurs (sans {page}, l’entrée n’a pas de numéro) ; vide : pas d’entrée',
    ['titre', 'numero', 'page'],
  ),
  pv_sommaire_annexe_partie: spec(
    '{titre}, p. {page}',
    'Procès-verbal : l’entrée du sommaire d’une partie d’une annexe ; {titre} son intertitre (formule « pv_annexe_partie ») ; vide : pas d’entrée',
    ['titre', 'page'],
  ),
  plage_actes: spec(
    '{premier} à {dernier}',
    'Les numéros des actes de la séance, valeur {actes} des titres : ceux de « deroulement.actes », sinon le premier et le dernier numéro de délibération des points ; un seul acte : son numéro ; aucun : {actes} est vide',
    ['premier', 'dernier'],
  ),
  pv_approbation_sans_date: spec(
    'Le procès-verbal de la séance précédente est approuvé[ {vote}][{corrections}].',
    'Procès-verbal : approbation du procès-verbal précédent quand « pv_precedent.date » n’est pas donnée',
    ['vote', 'corrections'],
  ),
  pv_depart_excuse: spec(
    'Départ de {nom}[ à {heure}], excusé{e}, avant l’examen de ce point.',
    'Procès-verbal : départ d’un membre « excuse: true » ; {e} « e » pour une élue',
    ['nom', 'heure', 'e'],
  ),
  pv_questions_orales: spec(
    'Questions orales',
    'Procès-verbal : titre des questions orales (vide : pas de titre)',
  ),
  // The procès-verbal's structures of real PVs: empty lists, the previous PV's approval heading,
  // outcomes without a vote, and the words left inside values (v16, session 5).
  pv_liste_vide: spec(
    '',
    'Procès-verbal : ce qu’imprime une liste déclarée vide (« representes: [] », « absents: [] », « excuses: [] ») à la place des noms, dans sa formule (« Procuration : – ») ; vide par défaut : la ligne disparaît',
  ),
  pv_representes_aucun: spec(
    '',
    'Procès-verbal : ligne imprimée quand « representes: [] » (« Aucun pouvoir. ») ; vide par défaut : « pv_representes » avec « pv_liste_vide », ou rien',
  ),
  pv_absents_aucun: spec(
    '',
    'Procès-verbal : ligne imprimée quand « absents: [] » ; vide par défaut : « pv_absents » avec « pv_liste_vide », ou rien',
  ),
  pv_excuses_aucun: spec(
    '',
    'Procès-verbal : ligne imprimée quand « excuses: [] » ; vide par défaut : « pv_excuses » avec « pv_liste_vide », ou rien',
  ),
  pv_approbation_titre: spec(
    '',
    'Procès-verbal : intertitre avant l’approbation du procès-verbal précédent (« APPROBATION DU PROCÈS-VERBAL DE LA SÉANCE PRÉCÉDENTE ») ; {date} celle de la séance précédente ; vide par défaut : pas d’intertitre',
    ['date'],
  ),
  pv_prend_acte: spec(
    '{Le_instance} prend acte.',
    'Procès-verbal : issue d’un point « statut: prend_acte » (imprimée seulement pour ce statut) ; {objet}, {acte} le numéro de l’acte ; vide : rien',
    ['Le_instance', 'le_instance', 'instance', 'objet', 'acte'],
  ),
  pv_ajourne: spec(
    'Ce point est ajourné.',
    'Procès-verbal : issue d’un point « statut: ajourne » (imprimée seulement pour ce statut) ; vide : rien',
    ['Le_instance', 'le_instance', 'instance', 'objet'],
  ),
  pv_votants_presents: spec(
    '{nombre}\u00A0présent{s}',
    'Procès-verbal : {presents} de « pv_votants » ; {s} devient « s » à partir de 2',
    ['nombre', 's'],
  ),
  pv_votants_representes: spec(
    '{nombre}\u00A0représenté{s}',
    'Procès-verbal : {representes} de « pv_votants » ; {s} devient « s » à partir de 2',
    ['nombre', 's'],
  ),
  pv_quorum_presents: spec(
    '{nombre}\u00A0membre{s} présent{s}',
    'Procès-verbal : {presents} de « pv_quorum » ; {s} devient « s » à partir de 2',
    ['nombre', 's'],
  ),
  pv_groupe_noms: spec(
    '{groupe} : {noms}',
    'Procès-verbal : {par} d’une demande de scrutin faite par un groupe et des membres nommés ; {groupe} est la formule « pv_groupe »',
    ['groupe', 'noms'],
  ),
  pv_groupe_auteur: spec(
    '{groupe}, {auteur}',
    'Procès-verbal : {auteur} d’un amendement présenté par un groupe et un membre nommé ; {groupe} est la formule « pv_groupe »',
    ['groupe', 'auteur'],
  ),
  pv_pouvoirs_separateur: spec(
    ', ',
    'Procès-verbal : entre deux pouvoirs de la liste des représentés ({pouvoirs})',
  ),
  pv_ligne_secretaires: spec(
    '{libelle} : {noms}',
    'Procès-verbal : ligne du secrétaire de séance, sous les présences ; {libelle} est la formule « secretaire » (ou « secretaires »), ou la qualité du secrétaire',
    ['libelle', 'noms'],
  ),
  // The liste des délibérations' table: headers and each outcome (v16).
  liste_numero: spec('N°', 'Liste des délibérations : en-tête de la colonne des numéros'),
  liste_objet: spec('Objet', 'Liste des délibérations : en-tête de la colonne des objets'),
  liste_resultat: spec('Résultat', 'Liste des délibérations : en-tête de la colonne des résultats'),
  liste_entree: spec(
    '',
    'Liste des délibérations : chaque délibération en un paragraphe, sans tableau (« {numero} {objet} », « {objet} ({numero}) ») ; {numero} son numéro d’acte, {objet}, {resultat} son résultat, {page} sa page dans le recueil (« premiere_page ») ; vide (par défaut) : le tableau',
    ['numero', 'objet', 'resultat', 'page'],
  ),
  liste_page: spec(
    'Page',
    'Liste des délibérations : en-tête de la colonne des pages, imprimée quand une délibération de la liste donne sa « premiere_page » (la page du recueil où elle commence)',
  ),
  liste_unanimite: spec(
    'Adoptée à l’unanimité',
    'Liste des délibérations : résultat d’un vote à l’unanimité',
  ),
  liste_adoptee: spec(
    'Adoptée ({detail})',
    'Liste des délibérations : délibération adoptée ; {detail} : les formules « liste_pour », « liste_contre »… séparées par des virgules',
    ['detail'],
  ),
  liste_rejetee: spec('Rejetée ({detail})', 'Liste des délibérations : délibération rejetée', ['detail']),
  liste_partage: spec(
    'Partage égal des voix ({detail})',
    'Liste des délibérations : vote à égalité des voix',
    ['detail'],
  ),
  liste_pour: spec('{nombre} pour', 'Liste des délibérations : voix pour, dans {detail}', ['nombre']),
  liste_contre: spec(
    '{nombre} contre',
    'Liste des délibérations : voix contre, dans {detail} (seulement s’il y en a)',
    ['nombre'],
  ),
  liste_abstentions: spec(
    '{nombre}\u00A0abstention{s}',
    'Liste des délibérations : abstentions, dans {detail} (seulement s’il y en a)',
    ['nombre', 's'],
  ),
  liste_ne_prend_pas_part: spec(
    '{nombre} ne prenant pas part au vote',
    'Liste des délibérations : membres ne prenant pas part au vote, dans {detail} (seulement s’il y en a)',
    ['nombre'],
  ),
  liste_prend_acte: spec(
    'Prend acte',
    'Liste des délibérations : résultat d’un point dont le conseil prend acte',
  ),
  liste_retire: spec('Retiré de l’ordre du jour', 'Liste des délibérations : résultat d’un point retiré'),
  liste_ajourne: spec('Ajourné', 'Liste des délibérations : résultat d’un point ajourné'),
  // Convocation and ordre du jour: title lines, entries, signer (o16). A title formula may hold
  // several lines (a line break in the YAML); a line left empty is not printed.
  convocation_titre_avant: spec(
    '{instance_majuscules}',
    'Convocation : ligne(s) du titre avant « CONVOCATION » (un saut de ligne par ligne)',
    SEANCE_VALEURS,
  ),
  convocation_titre: spec('CONVOCATION', 'Convocation : titre du document', SEANCE_VALEURS),
  convocation_titre_apres: spec(
    '',
    'Convocation : ligne(s) du titre après « CONVOCATION » (« {date_jour}[ à {heure_longue}] ») ; vide par défaut : rien',
    SEANCE_VALEURS,
  ),
  convocation_point: spec(
    'Point n° {numero} – {objet}',
    'Convocation : un point de la liste ; {numero} est son numéro affiché, {acte} le numéro de sa délibération (vide sans délibération numérotée : « [{acte} – ]{objet} »)',
    ['numero', 'objet', 'rapporteur', 'acte'],
  ),
  convocation_section: spec(
    '',
    'Convocation : ligne d’une rubrique de l’ordre du jour (`section` des points), avant son premier point (« {section} ») ; vide par défaut : la liste sans rubriques',
    ['section'],
  ),
  convocation_fin_point: spec(
    '',
    'Convocation : ponctuation après chaque point de la liste sauf le dernier (« , », « ; ») ; vide par défaut : rien',
  ),
  convocation_fin_liste: spec(
    '',
    'Convocation : ponctuation après le dernier point de la liste (« . ») ; vide par défaut : rien',
  ),
  convocation_signature: spec(
    '{qualite}',
    'Convocation : qualité du signataire (« {qualite}, ») ; {qualite} est celle du président avec son article (« Le Maire », « La Présidente »)',
    ['qualite'],
  ),
  convocation_destinataires: spec(
    'Destinataires',
    'Convocation : titre de la liste des destinataires (les « elus » déclarés) ; vide : pas de liste',
  ),
  convocation_destinataire: spec(
    '{nom}[, {qualite}]',
    'Convocation : un destinataire ; {nom} avec sa civilité déclarée',
    ['nom', 'qualite'],
  ),
  urgences: spec(
    'Affaires urgentes',
    'Entrée de l’ordre du jour (convocation et ordre du jour) quand `seance.urgences` vaut true',
  ),
  questions_diverses: spec(
    'Questions diverses',
    'Dernière entrée de l’ordre du jour (convocation et ordre du jour) quand `seance.questions_diverses` vaut true',
  ),
  ordre_du_jour_titre_avant: spec(
    '{instance_majuscules}',
    'Ordre du jour : ligne(s) du titre avant la session et la date',
    SEANCE_VALEURS,
  ),
  ordre_du_jour_date: spec(
    '{seance_du}[ à {heure}]',
    'Ordre du jour : ligne(s) de la date, sous la session',
    SEANCE_VALEURS,
  ),
  ordre_du_jour_lieu: spec('[{lieu}]', 'Ordre du jour : ligne(s) du lieu, sous la date', SEANCE_VALEURS),
  ordre_du_jour_titre: spec('ORDRE DU JOUR', 'Ordre du jour : titre du document', SEANCE_VALEURS),
  ordre_du_jour_titre_apres: spec(
    '',
    'Ordre du jour : ligne(s) du titre après « ORDRE DU JOUR » ; vide par défaut : rien',
    SEANCE_VALEURS,
  ),
  ordre_du_jour_point: spec(
    'Point n° {numero} – {objet}',
    'Ordre du jour : intitulé d’un point ; {numero} est son numéro affiché, {acte} le numéro de sa délibération (vide sans délibération numérotée : « [{acte} – ]{objet} »)',
    ['numero', 'objet', 'acte'],
  ),
  ordre_du_jour_rapporteur: spec(
    'Rapporteur : {rapporteur}',
    'Ordre du jour : ligne du rapporteur d’un point ; {e} devient « e » pour une rapporteure (« Rapporteur{e} : {rapporteur} »)',
    ['rapporteur', 'e'],
  ),
  ordre_du_jour_annexe: spec(
    'Annexe {numero} : {titre}',
    'Ordre du jour : une annexe d’un point, sous son intitulé',
    ['numero', 'titre'],
  ),
  ordre_du_jour_convocation: spec(
    'Convocation adressée le {date}.',
    'Ordre du jour : date d’envoi de la convocation, quand elle est donnée',
    ['date', 'date_jour', 'date_chiffres'],
  ),
  ordre_du_jour_signature: spec(
    '{qualite}',
    'Ordre du jour : qualité du signataire ; {qualite} est celle du président avec son article',
    ['qualite'],
  ),
  note_titre_avant: spec(
    '{instance_majuscules}',
    'Note de présentation : ligne(s) du titre avant la date (un saut de ligne par ligne ; vide : rien)',
    SEANCE_VALEURS,
  ),
  note_titre_date: spec(
    '{seance_du}',
    'Note de présentation : ligne(s) de la date, avant le titre',
    SEANCE_VALEURS,
  ),
  note_titre: spec(
    'NOTE DE PRÉSENTATION',
    'Note de présentation : titre du document (« Rapport de présentation », « Note explicative de synthèse »)',
    SEANCE_VALEURS,
  ),
  note_titre_apres: spec(
    '',
    'Note de présentation : ligne(s) du titre après lui ; vide par défaut : rien',
    SEANCE_VALEURS,
  ),
  liste_titre_avant: spec(
    '{instance_majuscules}',
    'Liste des délibérations : ligne(s) du titre avant la date (un saut de ligne par ligne ; vide : rien)',
    SEANCE_VALEURS,
  ),
  liste_titre_date: spec(
    '{seance_du}',
    'Liste des délibérations : ligne(s) de la date, avant le titre',
    SEANCE_VALEURS,
  ),
  liste_titre: spec(
    'LISTE DES DÉLIBÉRATIONS',
    'Liste des délibérations (ou compte rendu) : titre du document, sous l’instance et la date',
    SEANCE_VALEURS,
  ),
  liste_titre_apres: spec(
    '',
    'Liste des délibérations : ligne(s) du titre après lui ; vide par défaut : rien',
    SEANCE_VALEURS,
  ),
  liste_introduction: spec(
    "Liste des délibérations examinées par {le_instance} lors de sa séance {du} {dates}, établie en application de l'article L. 2121-25 du code général des collectivités territoriales.",
    'Liste des délibérations : phrase avant le tableau ; {le_instance} vaut « le Conseil municipal », « la Commission permanente » ; {du} {dates} : « du 28 janvier 2025 », « des 28 et 29 janvier 2025 » (séance sur plusieurs jours) ; {date} : le premier jour seul',
    ['instance', 'le_instance', 'date', 'du', 'dates'],
  ),
  liste_affichage: spec(
    'Affichée le : ……………… – Mise en ligne le : ………………',
    'Liste des délibérations : mention d’affichage et de mise en ligne, à remplir à la main',
  ),
  sous_point: spec(
    '{lettre}) {texte}',
    'Un sous-point d’un point (« sous_points »), sous lui dans la convocation, l’ordre du jour et la liste des points du procès-verbal ; {lettre} : a, b, c…, {numero} : 1, 2, 3…',
    ['lettre', 'numero', 'texte'],
  ),
  en_tete_departement: spec(
    '{nom}',
    'En-tête des actes : ligne(s) de chaque département de « collectivite.departements », après les lignes de « en_tete » ; un saut de ligne par ligne, une ligne vide n’est pas imprimée ; {numero} : son numéro',
    ['nom', 'numero', 'arrondissement'],
  ),
  en_tete_arrondissement: spec(
    '[{arrondissement}]',
    'En-tête des actes : ligne(s) après celle(s) de chaque département, quand il donne son arrondissement ; vide : aucune',
    ['nom', 'numero', 'arrondissement'],
  ),
  // Each list's own separators, named votes written as lines, an empty list and an arrival in
  // the délibération's and the PV's lists (n17, session 6).
  presents_separateur: spec(
    ', ',
    'Entre deux noms de la liste des présents (délibération et procès-verbal) ; par défaut comme « liste_separateur »',
  ),
  presents_et: spec(
    'et',
    'Mot avant le dernier nom de la liste des présents ; par défaut comme « liste_et » ; vide : des séparateurs seulement',
  ),
  excuses_separateur: spec(
    ', ',
    'Entre deux noms de la liste des excusés ; par défaut comme « liste_separateur »',
  ),
  excuses_et: spec('et', 'Mot avant le dernier nom de la liste des excusés ; par défaut comme « liste_et »'),
  absents_separateur: spec(
    ', ',
    'Entre deux noms de la liste des absents ; par défaut comme « liste_separateur »',
  ),
  absents_et: spec('et', 'Mot avant le dernier nom de la liste des absents ; par défaut comme « liste_et »'),
  secretaires_separateur: spec(
    ', ',
    'Entre deux noms des secrétaires de séance ; par défaut comme « liste_separateur »',
  ),
  secretaires_et: spec(
    'et',
    'Mot avant le dernier nom des secrétaires de séance ; par défaut comme « liste_et »',
  ),
  vote_noms_separateur: spec(
    ', ',
    'Entre deux noms d’un vote nominatif (tableau ou lignes) ; par défaut comme « liste_separateur »',
  ),
  vote_noms_et: spec('et', 'Mot avant le dernier nom d’un vote nominatif ; par défaut comme « liste_et »'),
  pouvoirs_et: spec(
    '',
    'Délibération : mot avant le dernier pouvoir de la liste (« A à B, C à D et E à F ») ; vide par défaut : « pouvoirs_separateur » seulement',
  ),
  pv_pouvoirs_et: spec(
    '',
    'Procès-verbal : mot avant le dernier pouvoir de la liste ; vide par défaut : « pv_pouvoirs_separateur » seulement',
  ),
  vote_lignes: spec(
    '{pour}\n{contre}\n{abstentions}\n{ne_prend_pas_part}',
    'Vote nominatif écrit en lignes (« votes_nominatifs: lignes ») : l’ordre des lignes et ce qui les précède (« VOTE :\\n{abstentions}\\n{pour} ») ; une ligne vide (aucun membre dans ce sens) disparaît',
    ['pour', 'contre', 'abstentions', 'ne_prend_pas_part'],
  ),
  vote_ligne_pour: spec(
    'Pour : {nombre} – {noms}',
    'Vote nominatif en lignes : la ligne des voix pour ; {nombre}, {s}, {e}, {singulier|pluriel}, {noms} (séparés par « vote_noms_separateur »), dans l’ordre écrit',
    LISTE_VALEURS,
  ),
  vote_ligne_contre: spec(
    'Contre : {nombre} – {noms}',
    'Vote nominatif en lignes : la ligne des voix contre ; valeurs comme « vote_ligne_pour »',
    LISTE_VALEURS,
  ),
  vote_ligne_abstentions: spec(
    '{Abstention|Abstentions} : {nombre} – {noms}',
    'Vote nominatif en lignes : la ligne des abstentions ; valeurs comme « vote_ligne_pour »',
    LISTE_VALEURS,
  ),
  vote_ligne_ne_prend_pas_part: spec(
    '{Ne prend|Ne prennent} pas part au vote : {nombre} – {noms}',
    'Vote nominatif en lignes : la ligne des membres qui ne prennent pas part au vote ; valeurs comme « vote_ligne_pour »',
    LISTE_VALEURS,
  ),
  liste_vide: spec(
    '',
    'Délibération : ce qu’imprime une liste de présence déclarée vide (« representes: [] », « absents: [] », « excuses: [] ») à la place des noms, dans sa ligne (« Pouvoirs : néant. ») ; vide par défaut : la ligne disparaît (le procès-verbal a « pv_liste_vide »)',
  ),
  liste_examine: spec(
    '',
    'Liste des délibérations : résultat d’un point « statut: examine » (examiné, son résultat n’est pas dans le YAML) ; vide par défaut : rien (sans aucun résultat, la colonne « liste_resultat » disparaît)',
  ),
  pv_excuse: spec(
    'excusé{e}',
    'Procès-verbal : {excuse} de « pv_depart », pour un départ « excuse: true » avec « pouvoir_a » (sans pouvoir : « pv_depart_excuse ») ; {e} devient « e » pour une femme',
    ['e'],
  ),
  pv_present_arrivee: spec(
    '',
    'Procès-verbal : un membre arrivé en cours de séance (« arrivees »), ajouté à la fin de la liste des présents de l’ouverture (« {nom} (arrivé{e} à {heure}) ») ; {point} : le numéro du point avant lequel il arrive ; vide par défaut : la liste des présents de l’ouverture seulement',
    ['nom', 'heure', 'point', 'e'],
  ),
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
  // The préfecture's receipt stamp (p16): printed only when `transmission.reception` is given.
  accuse_reception: spec(
    'Accusé de réception en préfecture le {reception_chiffres}[ à {heure_reception}][ – Affiché le {affichage_chiffres}][ – Certifié exécutoire le {executoire_chiffres}]',
    'Tampon de l’accusé de réception de la préfecture sur la délibération, imprimé seulement quand « transmission.reception » est donnée (en haut ou en bas : « position_accuse_reception ») ; un saut de ligne par ligne du tampon ; {…_chiffres} : « 10/07/2025 »',
    STAMP_VALUES,
  ),
  accuse_reception_convention: spec(
    'Accusé de réception en préfecture le {reception_chiffres}[ à {heure_reception}][ – Affiché le {affichage_chiffres}][ – Certifié exécutoire le {executoire_chiffres}]',
    'Le même tampon sur une convention annexée, d’après la transmission de la délibération de son point ; par défaut comme « accuse_reception » ; vide : pas de tampon sur les conventions',
    STAMP_VALUES,
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
  return [...text.matchAll(/\{([^{}\s|]*)\}/g)].map((m) => m[1] ?? '');
}

/** A singular/plural pair (« {Était|Étaient} »): chosen by the number `{s}` marks. */
const NUMBER_PAIR = /\{([^{}|]*)\|([^{}|]*)\}/gu;

/** The singular/plural pairs written in a formula (« {Était|Étaient} »), as written. */
export function numberPairs(text: string): string[] {
  return [...text.matchAll(NUMBER_PAIR)].map((m) => m[0]);
}

/** Agreement marks (« représenté{e} », « habilité{e}{s} »): empty for the masculine singular, never a missing fact. */
const AGREEMENT_MARKS: ReadonlySet<string> = new Set(['e', 's']);

/**
 * The formula with each `{nom}` replaced by its value (an unknown name is left as written). A part
 * in brackets is kept only when every value it holds is known (not empty): nothing invented, the
 * words of an absent fact go with it (`[, à {heure}]`); the agreement marks `{e}` and `{s}` do not
 * count, so `[, sis{e} {adresse}]` stays for a masculine party. In a formula that knows `{s}`,
 * a pair `{singulier|pluriel}` prints its first side for one, its second for several
 * (« {Était|Étaient} présent{e}{s} »).
 *
 * @example
 * fillFormula('le {jour}[, à {heure}]', { jour: '3 mars', heure: '' }) // 'le 3 mars'
 * fillFormula('Acte [[{numero}]]', { numero: 'II_3' }) // 'Acte [II_3]'
 * fillFormula('{Était|Étaient} présent{e}{s}', { s: '', e: 'e' }) // 'Était présente'
 */
export function fillFormula(text: string, values: Readonly<Record<string, string>>): string {
  const kept = text
    .replaceAll('[[', OPEN)
    .replaceAll(']]', CLOSE)
    .replace(/\[([^[\]]*)\]/g, (_whole, part: string) =>
      placeholders(part).every((name) => AGREEMENT_MARKS.has(name) || (values[name] ?? '') !== '')
        ? part
        : '',
    );
  const plural = values.s;
  return kept
    .replace(NUMBER_PAIR, (whole, one: string, several: string) =>
      plural === undefined ? whole : plural === '' ? one : several,
    )
    .replace(/\{([^{}\s|]*)\}/g, (whole, name: string) => values[name] ?? whole)
    .replaceAll(OPEN, '[')
    .replaceAll(CLOSE, ']');
}

/** `[[` and `]]` print a bracket itself (« [-II_3-] » on a stamp), held apart while parts are read. */
const OPEN = '\uE000';
const CLOSE = '\uE001';

/**
 * The collectivité's formulas over the defaults. The Télérecours sentence, unless the
 * collectivité gives its own, is printed only for a séance held since the service exists.
 */
export function resolveFormules(
  own: Readonly<Partial<Record<string, string>>> | undefined,
  seanceDate: string,
): Formules {
  // Asked for by every document of a séance (≈ 90 formulas, ≈ 40 µs): made once per formulas
  // written and date. Frozen, since every caller shares it.
  const byDate = resolved(own ?? NOTHING_WRITTEN);
  const known = byDate.get(seanceDate);
  if (known) return known;
  const made = Object.freeze(formulesFor(own, seanceDate));
  byDate.set(seanceDate, made);
  return made;
}

/** By the formulas written (the same object for every document of a séance), then by date. */
const resolved = perObject<Readonly<Partial<Record<string, string>>>, string, Formules>();
/** The key of a collectivité that wrote no formula. */
const NOTHING_WRITTEN = Object.freeze({});

function formulesFor(
  own: Readonly<Partial<Record<string, string>>> | undefined,
  seanceDate: string,
): Formules {
  const out = {} as Record<FormulaKey, string>;
  for (const key of Object.keys(FORMULES) as FormulaKey[]) out[key] = own?.[key] ?? FORMULES[key].defaut;
  if (own?.telerecours === undefined && seanceDate < TELERECOURS_SINCE) out.telerecours = '';
  if (own?.article_premier === undefined) out.article_premier = out.article;
  if (own?.accuse_reception_convention === undefined) {
    out.accuse_reception_convention = out.accuse_reception;
  }
  // The PV prints civilities by default; it follows the délibération's own names when given.
  if (own?.pv_nom_membre === undefined && own?.nom_membre !== undefined) out.pv_nom_membre = own.nom_membre;
  // Each list joins its names as every list does, unless the collectivité gives it its own words.
  for (const list of LISTES_NOMS) {
    if (own?.[`${list}_separateur`] === undefined) out[`${list}_separateur`] = out.liste_separateur;
    if (own?.[`${list}_et`] === undefined) out[`${list}_et`] = out.liste_et;
  }
  return out;
}
