/**
 * YAML text → document with positions, data, and diagnostics (never throws on bad input).
 */
import { isAlias, isMap, isScalar, Lexer, LineCounter, type Node, parseDocument, visit } from 'yaml';
import { type Diagnostic, diagnostic } from '../diagnostics.ts';
import type { SourceDoc } from './source-map.ts';
import { explainYamlMistake } from './yaml-mistakes.ts';

/** Alias expansions allowed before a document is refused as an « alias bomb ». */
export const MAX_ALIAS_COUNT = 100;

/** Deepest accepted nesting of `[` and `{`: beyond it the parser's recursion depends on the stack left. */
export const MAX_FLOW_DEPTH = 256;

/** The lexer's markers that stand for no character of the source. */
const ZERO_WIDTH = new Set(['\x02', '\x18', '\x1f']);

/** Offset of the first `[` or `{` nested deeper than MAX_FLOW_DEPTH (outside of scalars), or -1. */
function tooDeep(text: string): number {
  // The depth never passes the number of `[` and `{` characters: with fewer, the text is not lexed
  // twice (a séance rarely has any; lexing 250 KB costs 30–70 ms, before anything else can start).
  if (openings(text, MAX_FLOW_DEPTH + 1) <= MAX_FLOW_DEPTH) return -1;
  let depth = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === '[' || token === '{') {
      depth++;
      if (depth > MAX_FLOW_DEPTH) return offset;
    } else if (token === ']' || token === '}') depth = Math.max(depth - 1, 0);
    if (!ZERO_WIDTH.has(token)) offset += token.length;
  }
  return -1;
}

/** How many `[` and `{` characters `text` holds, counted up to `limit`. */
function openings(text: string, limit: number): number {
  let count = 0;
  for (let i = 0; i < text.length && count < limit; i++) {
    const code = text.charCodeAt(i);
    if (code === 91 || code === 123) count++;
  }
  return count;
}

export interface ParsedYaml {
  readonly source: SourceDoc;
  /** The mapping's data; undefined when the file cannot be used. */
  readonly data: Record<string, unknown> | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

const YAML_MESSAGES: Readonly<Record<string, readonly [string, string]>> = {
  DUPLICATE_KEY: [
    'Cette clé apparaît deux fois dans le même dictionnaire.',
    'Supprimez ou renommez l’une des deux.',
  ],
  TAB_AS_INDENT: [
    'Tabulation utilisée pour l’indentation : YAML n’accepte que des espaces.',
    'Remplacez les tabulations par des espaces (2 par niveau).',
  ],
  BAD_INDENT: ['Indentation incorrecte.', 'Alignez cette ligne sur les autres clés du même niveau.'],
  MISSING_CHAR: [
    'Caractère manquant (guillemet, crochet ou accolade non fermé ?).',
    'Fermez le guillemet, le crochet ou l’accolade.',
  ],
  MULTIPLE_DOCS: [
    'Le fichier contient plusieurs documents YAML (« --- »).',
    'Un fichier de séance ne contient qu’un document.',
  ],
  BLOCK_AS_IMPLICIT_KEY: ['Clé mal formée.', 'Vérifiez les « : » et l’indentation de la ligne précédente.'],
  MULTILINE_IMPLICIT_KEY: [
    'Une clé ne peut pas s’étendre sur plusieurs lignes.',
    'Vérifiez qu’il ne manque pas un « : » ou une indentation, ou mettez la valeur entre guillemets.',
  ],
  UNEXPECTED_TOKEN: [
    'Caractère inattendu.',
    'Mettez la valeur entre guillemets si elle contient « : », « # » ou « - ».',
  ],
  BAD_SCALAR_START: [
    'Une valeur ne peut pas commencer par ce caractère.',
    'Mettez la valeur entre guillemets (« @ », « ` », « % » en tête).',
  ],
  BAD_DQ_ESCAPE: [
    'Séquence d’échappement invalide entre guillemets doubles.',
    'Doublez la barre oblique inverse « \\\\ ».',
  ],
  BAD_ALIAS: ['Alias YAML mal formé.', 'Vérifiez le nom après « * » ou mettez la valeur entre guillemets.'],
  RESOURCE_EXHAUSTION: [
    'Imbrication trop profonde de crochets ou d’accolades : le fichier ne peut pas être lu.',
    'Une séance n’imbrique que quelques niveaux : vérifiez les « [ » et « { » de cette ligne.',
  ],
  KEY_OVER_1024_CHARS: [
    'Clé de plus de 1 024 caractères (un « : » manque sans doute à la fin d’une ligne).',
    'Vérifiez les « : » de cette ligne, ou mettez la valeur entre guillemets.',
  ],
  BLOCK_IN_FLOW: [
    'Liste ou dictionnaire en retrait à l’intérieur de crochets ou d’accolades.',
    'Fermez les crochets « ] » ou accolades « } » avant de revenir à la ligne.',
  ],
  BAD_DIRECTIVE: ['Directive YAML inconnue (ligne commençant par « % »).', 'Supprimez cette ligne.'],
  MULTIPLE_ANCHORS: ['Deux ancres « & » sur la même valeur.', 'Gardez une seule ancre.'],
  MULTIPLE_TAGS: ['Deux étiquettes « ! » sur la même valeur.', 'Retirez les étiquettes « ! ».'],
  ALIAS_PROPS: [
    'Un alias « * » ne peut pas porter d’ancre ni d’étiquette.',
    'Retirez l’ancre ou l’étiquette.',
  ],
  BAD_PROP_ORDER: ['Ancre ou étiquette mal placée.', 'Retirez les « & » et « ! » de cette ligne.'],
};

function pos(source: SourceDoc, offset: number): { line: number; column: number } {
  const p = source.lineCounter.linePos(offset);
  return { line: p.line, column: p.col };
}

function firstAlias(doc: SourceDoc['doc']): Node | undefined {
  let found: Node | undefined;
  visit(doc, {
    Alias(_key, node) {
      found = node;
      return visit.BREAK;
    },
  });
  return found;
}

/**
 * Parses `text` with the YAML 1.2 core schema. Syntax errors, duplicate keys, tabs, directives,
 * alias bombs, empty documents and non-mapping documents become diagnostics.
 *
 * @example
 * const { data, diagnostics } = parseYaml('version: 1\n', 'seance.yaml');
 */
export function parseYaml(raw: string, file: string): ParsedYaml {
  // Old Mac files end lines with a lone CR, which the parser would not take for a line break.
  const text = raw.includes('\r') ? raw.replace(/\r(?!\n)/g, '\n') : raw;
  const lineCounter = new LineCounter();
  const deep = tooDeep(text);
  // Past the nesting bound nothing is parsed: the lines are counted for the position alone.
  const doc = parseDocument(deep < 0 ? text : '', {
    lineCounter,
    schema: 'core',
    prettyErrors: false,
    uniqueKeys: true,
  });
  const source: SourceDoc = { file, text, doc, lineCounter };
  const diagnostics: Diagnostic[] = [];
  if (deep >= 0) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
    diagnostics.push(
      diagnostic('yaml.syntax', 'erreur', `Plus de ${MAX_FLOW_DEPTH} crochets ou accolades imbriqués.`, {
        file,
        ...pos(source, deep),
        hint: 'Une séance n’a pas besoin de listes imbriquées à ce point : vérifiez les « [ » et « { » de cette ligne.',
      }),
    );
    return { source, data: undefined, diagnostics };
  }

  if (doc.directives?.yaml.explicit) {
    const offset = Math.max(text.search(/^%YAML/m), 0);
    diagnostics.push(
      diagnostic('yaml.directive', 'erreur', 'Directive « %YAML » refusée : delib lit le YAML 1.2.', {
        file,
        ...pos(source, offset),
        hint: 'Supprimez la ligne « %YAML … » (et le « --- » qui la suit si vous voulez).',
      }),
    );
  }
  // After a tab in the indentation, the parser's other complaints are consequences of it.
  const tabbed = doc.errors.some((e) => e.code === 'TAB_AS_INDENT');
  const errors = tabbed ? doc.errors.filter((e) => e.code === 'TAB_AS_INDENT') : doc.errors;
  // One syntax error often makes the parser complain several times on the same line, and then on
  // the lines after it: the mistake is named once, at its line, and its consequences dropped.
  let coveredUntil = 0;
  const seen = new Set<number>();
  for (const error of errors) {
    const key = source.lineCounter.linePos(error.pos[0]).line;
    if (seen.has(key) || key <= coveredUntil) continue;
    seen.add(key);
    const mistake =
      error.code === 'DUPLICATE_KEY'
        ? undefined
        : explainYamlMistake(text, { code: error.code, offset: error.pos[0] });
    if (mistake) {
      coveredUntil = Math.max(key, mistake.coversUntilLine);
      diagnostics.push(
        diagnostic(mistake.kind === 'tab' ? 'yaml.tab' : 'yaml.syntax', 'erreur', mistake.message, {
          file,
          line: mistake.line,
          column: mistake.column,
          hint: mistake.hint,
        }),
      );
      continue;
    }
    const [message, hint] = YAML_MESSAGES[error.code] ?? [
      `Erreur de syntaxe YAML (${error.code}).`,
      'Vérifiez l’indentation, les « : » et les guillemets de cette ligne.',
    ];
    const code =
      error.code === 'DUPLICATE_KEY'
        ? 'yaml.duplicate-key'
        : error.code === 'TAB_AS_INDENT'
          ? 'yaml.tab'
          : 'yaml.syntax';
    diagnostics.push(diagnostic(code, 'erreur', message, { file, ...pos(source, error.pos[0]), hint }));
  }
  for (const warning of doc.warnings) {
    diagnostics.push(
      diagnostic(
        'yaml.syntax',
        'avertissement',
        `Avertissement YAML (${warning.code}) : étiquette ou construction ignorée.`,
        {
          file,
          ...pos(source, warning.pos[0]),
          hint: 'Retirez les étiquettes « ! » et « !! » : delib n’en a pas besoin.',
        },
      ),
    );
  }
  if (diagnostics.some((d) => d.severity === 'erreur')) return { source, data: undefined, diagnostics };

  const contents = doc.contents;
  if (contents === null || (contents.range[0] === contents.range[1] && !isMap(contents))) {
    diagnostics.push(
      diagnostic('file.empty', 'erreur', 'Le fichier est vide.', {
        file,
        line: 1,
        column: 1,
        hint: 'Partez du modèle commenté qu’écrit « delib init DOSSIER ».',
      }),
    );
    return { source, data: undefined, diagnostics };
  }
  if (!isMap(isAlias(contents) ? contents.resolve(doc) : contents)) {
    diagnostics.push(
      diagnostic(
        'yaml.not-mapping',
        'erreur',
        'Le document doit être un dictionnaire de clés (« version: 1 », …).',
        {
          file,
          ...pos(source, contents.range[0]),
          hint: 'Le fichier doit commencer par des lignes « clé: valeur » sans tiret ni indentation.',
        },
      ),
    );
    return { source, data: undefined, diagnostics };
  }
  const complexKeys: Node[] = [];
  visit(doc, {
    Pair(_key, pair) {
      if (pair.key !== null && !isScalar(pair.key)) complexKeys.push(pair.key as Node);
    },
  });
  for (const key of complexKeys) {
    diagnostics.push(
      diagnostic(
        'yaml.syntax',
        'erreur',
        'Une clé doit être un simple mot, pas une liste ni un dictionnaire.',
        {
          file,
          ...pos(source, key.range?.[0] ?? 0),
          hint: 'Écrivez « clé: valeur » ; retirez le « ? » ou les crochets devant la clé.',
        },
      ),
    );
  }
  if (complexKeys.length > 0) return { source, data: undefined, diagnostics };
  try {
    const data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, unknown>;
    return { source, data, diagnostics };
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    const alias = firstAlias(doc);
    diagnostics.push(
      diagnostic(
        'yaml.alias',
        'erreur',
        'Trop d’alias YAML (« *nom ») : le document se démultiplie à la lecture.',
        {
          file,
          ...pos(source, alias?.range?.[0] ?? 0),
          hint: `Écrivez les valeurs en entier ; au plus ${MAX_ALIAS_COUNT} reprises par alias sont acceptées.`,
        },
      ),
    );
    return { source, data: undefined, diagnostics };
  }
}
