/**
 * One diagnostic type for every problem delib reports, from YAML syntax to template errors.
 *
 * Diagnostics are data: stages return them, only the CLI turns them into text, colours and exit
 * codes. Messages and hints are in French, for the clerk who wrote the file.
 *
 * @example
 * const d = diagnostic('schema.required', 'erreur', 'Il manque la propriété « rapporteur ».', {
 *   file: 'seance.yaml', line: 12, column: 5, path: '/points/0', hint: 'Ajoutez « rapporteur: … ».',
 * });
 */

/** Every diagnostic code delib can emit: a closed set, documented in the README. */
export const DIAGNOSTIC_CODES = {
  // Reading the file
  'file.not-found': 'Fichier introuvable',
  'file.unreadable': 'Fichier illisible',
  'file.too-large': 'Fichier trop volumineux',
  'file.empty': 'Fichier vide',
  'file.encoding': 'Encodage non UTF-8',
  'file.outside-folder': 'Fichier hors du dossier de la séance',
  // YAML syntax and structure
  'yaml.syntax': 'Erreur de syntaxe YAML',
  'yaml.duplicate-key': 'Clé en double',
  'yaml.alias': 'Alias YAML refusé',
  'yaml.tab': 'Tabulation dans l’indentation',
  'yaml.not-mapping': 'Document YAML qui n’est pas un dictionnaire',
  'yaml.directive': 'Directive YAML refusée',
  // JSON Schema
  'schema.required': 'Propriété obligatoire manquante',
  'schema.unknown-key': 'Propriété inconnue',
  'schema.type': 'Type incorrect',
  'schema.enum': 'Valeur non autorisée',
  'schema.format': 'Format incorrect',
  'schema.pattern': 'Format incorrect',
  'schema.range': 'Valeur hors limites',
  'schema.length': 'Longueur incorrecte',
  'schema.other': 'Valeur non conforme au schéma',
  // Business rules
  'rule.duplicate-point': 'Numéro de point en double',
  'rule.duplicate-act': 'Numéro d’acte en double',
  'rule.vote-sum': 'Décompte des votes incohérent',
  'rule.attendance-sum': 'Décompte des présences incohérent',
  'rule.quorum': 'Quorum non atteint',
  'rule.proxy': 'Pouvoir incohérent',
  'rule.convention-parties': 'Convention incomplète',
  'rule.signatory': 'Signataire manquant',
  'rule.dates': 'Dates incohérentes',
  'rule.file-missing': 'Fichier référencé introuvable',
  'rule.image': 'Image non valide',
  'rule.text': 'Texte non valide',
  'rule.siret': 'SIRET dont la clé de contrôle est fausse',
  'rule.formula': 'Formule de la collectivité non valide',
  'rule.member-key': 'Clé d’élu inconnue',
  'rule.duplicate-member': 'Élu déclaré deux fois',
  'rule.act-incomplete': 'Acte adopté incomplet',
  'rule.statut': 'Statut incohérent avec les données',
  'rule.record': 'Déroulement de séance incohérent',
  'pv.missing': 'Mention obligatoire du procès-verbal manquante',
  'rule.deprecated': 'Ancienne écriture, encore acceptée',
  'rule.ballot-request': 'Demande de scrutin sans le nombre de membres requis',
  'rule.genre': 'Genre d’une partie deviné',
  'rule.dispositif': 'Délibération ou convention sans article',
  'rule.attendance-text': 'Liste des présents écrite qui ne dit pas les présents',
  'rule.departement': 'Département absent de l’en-tête',
  'rule.no-points': 'Séance sans point',
  // Rich text (Markdown subset)
  'richtext.html': 'HTML refusé',
  'richtext.image': 'Image refusée',
  'richtext.link': 'Lien refusé',
  'richtext.unsupported': 'Construction Markdown non prise en charge',
  // Templates
  'template.syntax': 'Erreur de syntaxe dans un modèle',
  'template.missing-field': 'Champ absent dans les données du modèle',
  'template.unknown-helper': 'Fonction inconnue dans un modèle',
  'template.missing-partial': 'Partiel introuvable',
  'template.directive': 'Directive inconnue ou mal fermée dans un modèle',
  'docx.reference': 'Document Word de référence inutilisable',
  // Publication: SCDL open data and @ctes
  'scdl.missing': 'Donnée obligatoire du SCDL manquante',
  'scdl.pattern': 'Valeur non conforme au SCDL',
  'ctes.matiere': 'Matière @ctes manquante',
  'ctes.numero': 'Numéro d’acte non conforme à @ctes',
  'ctes.objet': 'Objet non conforme à @ctes',
  'ctes.siret': 'SIRET manquant pour @ctes',
  // Command line and output
  'cli.usage': 'Commande incorrecte',
  'output.not-writable': 'Dossier de sortie non accessible en écriture',
  'output.foreign-files': 'Dossier de sortie contenant des fichiers étrangers',
  'output.busy': 'Construction déjà en cours',
  'output.unsafe': 'Dossier de sortie qui mettrait en danger d’autres fichiers',
  'apercu.busy': 'Aperçu déjà ouvert sur ce dossier',
  'reference.not-docx': 'Document Word de référence qui n’est pas un .docx',
  'reference.font': 'Tableaux du document Word de référence dans une police que delib ne peut pas mesurer',
  // Electronic signatures
  'sign.password': 'Mot de passe du certificat incorrect ou absent',
  'sign.certificate': 'Certificat illisible ou hors de sa période de validité',
  'sign.key': 'Clé privée absente ou ne correspondant pas au certificat',
  'sign.not-delib': 'PDF non produit par delib ou sans champ de signature',
  'sign.signatory': 'Signataire introuvable',
  'sign.already-signed': 'Bloc de signature déjà signé',
  'sign.modified': 'Document modifié depuis sa dernière signature',
  'verify.broken': 'Signature invalide ou document modifié',
  'render.glyph-missing': 'Caractère absent de la police',
  // Annexes joined as files
  'annex.type': 'Annexe qui n’est ni un PDF ni une image PNG ou JPEG',
  'annex.damaged': 'Annexe PDF endommagée ou illisible',
  'annex.encrypted': 'Annexe PDF chiffrée',
  'annex.too-large': 'Annexe trop volumineuse',
  'dossier.not-pdfa': 'Dossier de séance non PDF/A',
  'internal.bug': 'Erreur interne de delib',
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export type Severity = 'erreur' | 'avertissement';

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  /** Path of the file as the user named it (relative to the working directory), or '' if none. */
  readonly file: string;
  /** 1-based; 0 when the problem has no position (e.g. a missing file). */
  readonly line: number;
  /** 1-based; 0 when the problem has no position. */
  readonly column: number;
  /** JSON pointer into the séance data (`/points/0/objet`), or '' if none. */
  readonly path: string;
  /** What is wrong, in French. */
  readonly message: string;
  /** How to fix it, in French, or ''. */
  readonly hint: string;
}

export interface DiagnosticPlace {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly path?: string;
  readonly hint?: string;
}

/** Builds a diagnostic; missing places default to '' / 0. */
export function diagnostic(
  code: DiagnosticCode,
  severity: Severity,
  message: string,
  place: DiagnosticPlace = {},
): Diagnostic {
  return {
    code,
    severity,
    file: place.file ?? '',
    line: place.line ?? 0,
    column: place.column ?? 0,
    path: place.path ?? '',
    message,
    hint: place.hint ?? '',
  };
}

/** Orders diagnostics as they appear in the files: by file, line, column. Returns a new array. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code),
  );
}

export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'erreur');
}

/**
 * Thrown by a stage that cannot go on; carries the diagnostics. The CLI prints them with the
 * chosen reporter and exits 1.
 * Any other exception reaching the CLI is a bug of delib and is reported as such.
 */
export class DiagnosticError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  /** Texts of the files the diagnostics point into, by path, for excerpts (may be empty). */
  readonly sources: ReadonlyMap<string, string>;
  constructor(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string> = new Map()) {
    super(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`).join('\n'));
    this.name = 'DiagnosticError';
    this.diagnostics = diagnostics;
    this.sources = sources;
  }
}
