/**
 * Editor annotations of the published schema, read by yaml-language-server (VS Code's YAML
 * extension) and not by validation: French messages in place of the server's generic English
 * ones (`errorMessage`, `patternErrorMessage`), a description with an example (`markdownDescription`)
 * and snippets for the blocks clerks type most (`defaultSnippets`).
 *
 * A pure pass over the schema JSON: every documented node gets its annotations, so a property
 * added to the schema tomorrow gets them too (with an example derived from its type when
 * `EXAMPLES` has none). A formula (under `formules` or `formules_page`) shows its own default
 * wording: a formula named like a séance key (`urgences`, `presents`, `numero`) is a text, not
 * the séance key's value.
 */
import { FORMULES } from '../facts/formules.ts';

type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };
type JsonObject = { readonly [key: string]: Json };

/** The keywords this pass adds; validators must know them as annotations. */
export const EDITOR_KEYWORDS = [
  'markdownDescription',
  'errorMessage',
  'patternErrorMessage',
  'defaultSnippets',
] as const;

/**
 * An example value per property name, as a clerk would write it after « clé: »; « parent.clé »
 * for a name whose value differs by place (a point's `numero` is a number, an act's a text).
 */
const EXAMPLES: Readonly<Record<string, string>> = {
  version: '1',
  nom: 'Commune de Val-Fleuri',
  nature: 'commune',
  siret: '"21999099900019"',
  adresse: '1 place de la Mairie, 99100 Val-Fleuri',
  departement: '"99"',
  logo: 'logo.png',
  instance: 'Conseil municipal',
  date: '2024-06-27',
  heure: '"19:30"',
  lieu: 'salle du conseil de l’hôtel de ville',
  convocation: '2024-06-20',
  publique: 'true',
  seconde_convocation: 'true',
  urgences: 'true',
  questions_diverses: 'true',
  quorum: '15',
  qualite: 'Maire',
  secretaire: 'Noé Duval',
  membres_en_exercice: '29',
  presents: '23',
  absents: '2',
  mandant: 'Paul Lefèvre',
  mandataire: 'Hélène Marchand',
  numero: '1',
  'deliberation.numero': '"2024_06_01"',
  'documents.convocation': 'false',
  numero_ctes: 'D2024_06_01',
  heure_reception: '"10:42"',
  'habilitation.numero': '"2024_06_03"',
  'decisions_delegation.numero': '"2024-118"',
  'amendements.numero': '"A1"',
  'articles.numero': '"4"',
  'departements.numero': '"01"',
  'annexes.numero': '"2"',
  ouverture: '"19:30"',
  cloture: '"22:10"',
  debut: '"21:05"',
  reprise: '"21:20"',
  objet: 'Budget principal 2024 – décision modificative n° 1',
  rapporteur: 'François d’Arcy',
  code: '"7.1"',
  libelle: 'Finances locales/Décisions budgétaires',
  expose: '|\n  Premier paragraphe de l’exposé.\n\n  Second paragraphe.',
  proposition: '|\n  Il est proposé au Conseil municipal d’approuver …',
  visas: '\n  - le Code général des collectivités territoriales',
  considerants: '\n  - qu’il convient d’ajuster les crédits ouverts',
  articles: '\n  - Approuve …\n  - Autorise le Maire à signer tout document s’y rapportant.',
  pour: '21',
  contre: '4',
  abstentions: '2',
  ne_prend_pas_part: '1',
  unanimite: 'true',
  prefecture: '2024-07-01',
  publication: '2024-07-02',
  identifiant: '099-219990999-20240627-2024_06_01-DE',
  inclure: 'points/02-subventions.yaml',
  titre: 'Convention de partenariat pour les jardins familiaux',
  representant: 'Hélène Marchand',
  mandat: 'agissant en vertu de la délibération n° 2024_06_03 du 27 juin 2024',
  denomination: 'la Commune',
  preambule: '|\n  Les parties partagent l’objectif de …',
  texte: '|\n  La présente convention définit …',
  fait_a: 'Val-Fleuri',
  sous_titre: 'Années 2025 – 2027',
  denomination_parties: 'les Parties',
  partenaires: '\n  - le centre social des Lilas',
  signataires:
    '\n  - nom: Mme Hélène Marchand\n    qualite: Présidente\n  - nom: M. Noé Duval\n    qualite: Trésorier',
  habilitation: '\n  instance: conseil municipal\n  numero: 2024_06_03\n  date: 2024-06-27',
  division: 'Dispositions générales',
  chapitre: 'Objet et durée',
  sous_articles: '\n  - titre: Durée initiale\n    texte: La convention vaut pour trois ans.',
  fichier: 'annexes/budget.pdf',
  exemplaires: '3',
  cle: 'dupont',
  civilite: 'Mme',
  groupe: 'Val-Fleuri ensemble',
  normal: 'polices/MaPolice-Regular.ttf',
  gras: 'polices/MaPolice-Bold.ttf',
  italique: 'polices/MaPolice-Italic.ttf',
  gras_italique: 'polices/MaPolice-BoldItalic.ttf',
  collectivite: '\n  nom: Commune de Val-Fleuri\n  nature: commune',
  seance:
    '\n  date: 2024-06-27\n  heure: "19:30"\n  lieu: salle du conseil\n  urgences: true\n  questions_diverses: true',
  president: '\n  nom: Hélène Marchand\n  qualite: Maire',
  presences:
    '\n  presents: 23\n  representes:\n    - { mandant: Paul Lefèvre, mandataire: Noé Duval }\n  absents: 2',
  representes: '\n  - mandant: Paul Lefèvre\n    mandataire: Noé Duval',
  points: '\n  - numero: 1\n    objet: …\n  - inclure: points/02-subventions.yaml',
  matiere: '\n  code: "7.1"\n  libelle: Finances locales/Décisions budgétaires',
  note: '\n  expose: |\n    Exposé des motifs.\n  proposition: Il est proposé …',
  deliberation:
    '\n  numero: "2024_06_01"\n  visas:\n    - le Code général des collectivités territoriales\n  articles:\n    - Approuve …',
  vote: '\n  pour: 21\n  contre: 4\n  abstentions: 2',
  transmission: '\n  prefecture: 2024-07-01\n  publication: 2024-07-02',
  annexes: '\n  - convention:\n      titre: …',
  convention: '\n  titre: Convention de partenariat\n  parties:\n    - nom: …',
  parties: '\n  - nom: Commune de Val-Fleuri\n    representant: Hélène Marchand\n    qualite: Maire',
  polices: '\n  nom: Ma Police\n  normal: polices/MaPolice-Regular.ttf',
  elus: '\n  - cle: dupont\n    nom: Jeanne Dupont\n    civilite: Mme',
};

/** What a value of each property must look like, for pattern errors. */
const PATTERN_RULES: Readonly<Record<string, string>> = {
  siret: '14 chiffres sans espace, entre guillemets',
  departement: 'le numéro du département entre guillemets ("92", "2A", "974")',
  heure: 'l’heure sur 24 heures avec deux-points, entre guillemets',
  code: 'le code matière @ctes entre guillemets (« 7.10 » sans guillemets deviendrait 7.1)',
  numero: 'majuscules sans accent, chiffres et « _ »',
  identifiant: 'l’identifiant @ctes de l’acte',
  inclure: 'le chemin d’un fichier .yaml dans le dossier de la séance',
  cle: 'minuscules sans accent, chiffres, « - » ou « _ »',
};

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function strings(value: Json | undefined): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/** The node's own type(s), looking through a nullable pair. */
function typesOf(node: JsonObject): string[] {
  return Array.isArray(node.type) ? strings(node.type) : typeof node.type === 'string' ? [node.type] : [];
}

/** Objects whose properties are formulas, keyed by formula name. */
const FORMULA_PARENTS: ReadonlySet<string> = new Set(['formules', 'formules_page']);

/** A formula's default wording, quoted for YAML (JSON strings are YAML double-quoted scalars). */
function formulaExample(key: string): string | undefined {
  const spec = (FORMULES as Readonly<Record<string, { readonly defaut: string }>>)[key];
  return spec === undefined ? undefined : JSON.stringify(spec.defaut);
}

function exampleOf(key: string, node: JsonObject, parent: string): string {
  const known = FORMULA_PARENTS.has(parent)
    ? formulaExample(key)
    : (EXAMPLES[`${parent}.${key}`] ?? EXAMPLES[key]);
  if (known !== undefined) return known;
  if (node.const !== undefined) return JSON.stringify(node.const);
  const values = strings(node.enum);
  if (values[0] !== undefined) return values[0];
  const types = typesOf(node);
  if (node.format === 'date') return '2024-06-27';
  if (types.includes('integer') || types.includes('number')) return '3';
  if (types.includes('boolean')) return 'true';
  if (types.includes('array')) return '\n  - …';
  if (types.includes('object')) return '\n  …';
  return '…';
}

function exampleLine(key: string, example: string): string {
  return example.startsWith('\n') || example.startsWith('|')
    ? `${key}: ${example}`.replace(': \n', ':\n')
    : `${key}: ${example}`;
}

function oneLineExample(key: string, example: string): string {
  return example.includes('\n') ? '' : ` Exemple : ${key}: ${example}`;
}

/** The French message the editor shows for any error of a leaf node (type, enum, format…). */
function leafMessage(key: string, node: JsonObject, example: string): string | undefined {
  const name = `« ${key} »`;
  const eg = oneLineExample(key, example);
  if (node.const !== undefined) return `${name} doit valoir ${JSON.stringify(node.const)}.`;
  const values = strings(node.enum);
  if (values.length > 0) return `${name} vaut l’une de ces valeurs : ${values.join(', ')}.`;
  const types = typesOf(node);
  if (node.format === 'date') return `${name} est une date réelle écrite AAAA-MM-JJ.${eg}`;
  if (types.includes('integer')) return `${name} est un nombre entier, écrit sans guillemets.${eg}`;
  if (types.includes('boolean')) return `${name} vaut true ou false.${eg}`;
  if (types.includes('string')) {
    const limit = typeof node.maxLength === 'number' ? `, de ${node.maxLength} caractères au plus` : '';
    return `${name} est un texte non vide${limit}.${eg}`;
  }
  if (types.includes('array')) return `${name} est une liste : un élément par ligne, précédé de « - ».`;
  return undefined;
}

function objectMessage(key: string, node: JsonObject): string {
  const required = strings(node.required);
  const allowed = isObject(node.properties) ? Object.keys(node.properties) : [];
  const where = key === '' ? 'Le fichier de séance' : `« ${key} »`;
  const parts = [`${where} est un dictionnaire de lignes « clé: valeur », indentées en dessous.`];
  if (required.length > 0) parts.push(`Clés obligatoires : ${required.join(', ')}.`);
  if (allowed.length > 0) parts.push(`Clés permises : ${allowed.join(', ')}.`);
  return parts.join(' ');
}

/** A snippet tab stop with its default text (`$` `{1:texte}` in the editor's snippet syntax). */
const tab = (n: number, text: string): string => `$${'{'}${n}:${text}}`;
/** The same, inserted as a raw YAML value (a number) rather than a string. */
const raw = (n: number, text: string): string => `^${tab(n, text)}`;

const SNIPPETS: Readonly<Record<string, Json>> = {
  point: [
    {
      label: 'Point de l’ordre du jour',
      description: 'Un point avec sa note et sa délibération',
      body: {
        numero: raw(1, '1'),
        objet: tab(2, 'Objet du point'),
        rapporteur: tab(3, 'Prénom Nom'),
        note: { expose: tab(4, 'Exposé des motifs.'), proposition: tab(5, 'Il est proposé …') },
        deliberation: {
          numero: tab(6, '2024_06_01'),
          visas: [tab(7, 'le Code général des collectivités territoriales')],
          articles: [tab(8, 'Approuve …')],
        },
      },
    },
    {
      label: 'Point dans un autre fichier',
      description: 'inclure: points/…yaml',
      body: { inclure: tab(1, 'points/02-point.yaml') },
    },
  ],
  vote: [
    { label: 'Vote : décompte', body: { pour: raw(1, '0'), contre: raw(2, '0'), abstentions: raw(3, '0') } },
    { label: 'Vote : unanimité', body: { unanimite: true } },
  ],
  partie: [
    {
      label: 'Partie à la convention',
      body: { nom: tab(1, 'Nom de la partie'), representant: tab(2, 'Prénom Nom'), qualite: tab(3, 'Maire') },
    },
  ],
};

/** Which snippets a node gets, from its property name and whether it is a list item. */
function snippetsFor(key: string, item: boolean): Json | undefined {
  if (key === 'points' && item) return SNIPPETS.point;
  if (key === 'parties' && item) return SNIPPETS.partie;
  if (key === 'vote' && !item) return SNIPPETS.vote;
  return undefined;
}

function annotate(node: Json, key: string, item: boolean, branch = false, parent = ''): Json {
  if (!isObject(node)) return node;
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'properties' && isObject(v)) {
      out[k] = Object.fromEntries(
        Object.entries(v).map(([name, child]) => [name, annotate(child, name, false, false, key)]),
      );
    } else if (k === 'items') {
      out[k] = annotate(v, key, true, false, parent);
    } else if ((k === 'anyOf' || k === 'oneOf') && Array.isArray(v)) {
      out[k] = v.map((b) => annotate(b, key, item, true, parent));
    } else out[k] = v;
  }
  const example = exampleOf(key, node, parent);
  if (typeof node.description === 'string' && key !== '' && !item && !branch) {
    out.markdownDescription = `${node.description}\n\nExemple :\n\n\`\`\`yaml\n${exampleLine(key, example)}\n\`\`\``;
  }
  const types = typesOf(node);
  if (types.includes('object') || isObject(node.properties)) out.errorMessage = objectMessage(key, node);
  else {
    const message = leafMessage(key, node, example);
    if (message !== undefined && (types.length > 0 || node.enum !== undefined || node.const !== undefined)) {
      out.errorMessage = message;
    }
  }
  if (typeof node.pattern === 'string') {
    const rule = PATTERN_RULES[key] ?? 'le format décrit dans l’aide';
    out.patternErrorMessage = `« ${key} » n’a pas le format attendu : ${rule}.${oneLineExample(key, example)}`;
  }
  const snippets = branch ? undefined : snippetsFor(key, item);
  if (snippets !== undefined) out.defaultSnippets = snippets;
  return out;
}

/**
 * The schema with editor annotations on every node.
 *
 * @example
 * const published = withEditorHints(JSON.parse(JSON.stringify(SeanceFileSchema)));
 */
export function withEditorHints(schema: JsonObject): JsonObject {
  return annotate(schema, '', false) as JsonObject;
}
