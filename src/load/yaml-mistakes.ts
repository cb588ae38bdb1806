/**
 * Names the real cause of the YAML syntax errors clerks make most (an unquoted « : » in a text, a
 * tab in a text block, a line one space off, a misaligned « - »), from the parser's first error and
 * the lines around it, and says which later errors are only its consequences.
 *
 * The parser reports where it got lost, often a line away from the mistake, and then loses its way
 * several times more; a clerk needs one message, at the mistaken line, with the fix.
 */

/** What the parser said: its error code and the offset where it noticed. */
export interface ParserComplaint {
  readonly code: string;
  readonly offset: number;
}

/** A mistake found in the text, at a 1-based line and column. */
export interface YamlMistake {
  readonly kind: 'unquoted-colon' | 'tab' | 'indent';
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly hint: string;
  /** Later complaints up to this line (inclusive) are consequences of this mistake. */
  readonly coversUntilLine: number;
}

interface Line {
  readonly text: string;
  /** Number of leading spaces (tabs count as one character). */
  readonly indent: number;
  /** Blank or comment-only lines take no part in the structure. */
  readonly structural: boolean;
}

function splitLines(text: string): Line[] {
  return text.split('\n').map((raw) => {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const indent = /^[ \t]*/.exec(text)?.[0].length ?? 0;
    const rest = text.slice(indent);
    return { text, indent, structural: rest !== '' && !rest.startsWith('#') };
  });
}

/** `key: value` or `- key: value`, with the 0-based column where the value starts. */
const KEY_LINE = /^(\s*(?:-\s+)?)([^\s#'"{[\-?:][^:#]*?|-[^\s:#][^:#]*?):(?:\s+|$)(.*)$/;

function keyOf(
  text: string,
): { key: string; keyColumn: number; value: string; valueColumn: number } | undefined {
  const match = KEY_LINE.exec(text);
  if (!match) return undefined;
  const prefix = match[1] ?? '';
  const key = match[2] ?? '';
  const value = match[3] ?? '';
  return { key, keyColumn: prefix.length, value, valueColumn: text.length - value.length };
}

function isDash(line: Line): boolean {
  return /^\s*-(\s|$)/.test(line.text);
}

/** Index of the nearest structural line above `index` indented less than `indent`. */
function parentIndex(lines: readonly Line[], index: number, indent: number): number | undefined {
  for (let i = index - 1; i >= 0; i--) {
    const line = lines[i];
    if (line?.structural && line.indent < indent) return i;
  }
  return undefined;
}

/** Last line (1-based) of the block that the line at `index` belongs to, below its parent. */
function blockEnd(lines: readonly Line[], index: number, indent: number): number {
  const parent = parentIndex(lines, index, indent);
  const parentIndent = parent === undefined ? -1 : (lines[parent]?.indent ?? -1);
  for (let i = index + 1; i < lines.length; i++) {
    const line = lines[i];
    if (line?.structural && line.indent <= parentIndent) return i;
  }
  return lines.length;
}

/** A block scalar (`|`, `>`, `|-`…) opened by a key above the line at `index`, if any. */
function enclosingBlockScalar(lines: readonly Line[], index: number): string | undefined {
  for (let i = index - 1; i >= 0; i--) {
    const line = lines[i];
    if (!line?.structural) continue;
    const key = keyOf(line.text);
    if (key && /^[|>][-+0-9]*\s*(#.*)?$/.test(key.value.trim())) return key.key;
    if (line.indent === 0) return undefined;
  }
  return undefined;
}

function quoted(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Column (0-based) of what a line starts: its « - » for a list item, its key for a key line. */
function columnOf(line: Line, kind: 'dash' | 'key'): number | undefined {
  if (kind === 'dash') return isDash(line) ? line.indent : undefined;
  return keyOf(line.text)?.keyColumn;
}

/**
 * The previous sibling of a misplaced line: the nearest line above of the same kind (« - » item or
 * key) starting one to three columns away, with nothing further left between them.
 */
function misalignedSibling(
  lines: readonly Line[],
  index: number,
): { index: number; column: number; own: number } | undefined {
  const line = lines[index];
  if (!line) return undefined;
  const kind = isDash(line) ? 'dash' : 'key';
  const own = columnOf(line, kind);
  if (own === undefined) return undefined;
  let leftmost = Number.POSITIVE_INFINITY;
  for (let i = index - 1; i >= 0; i--) {
    const other = lines[i];
    if (!other?.structural) continue;
    // A key with nothing after its « : », further left, opens the block this line is in.
    const opener = keyOf(other.text);
    if (opener && opener.value.trim() === '' && opener.keyColumn < own) return undefined;
    const column = columnOf(other, kind);
    if (column !== undefined) {
      if (column === own) return undefined;
      const gap = Math.abs(column - own);
      if (gap <= 3 && leftmost >= Math.min(column, own)) {
        // Left of the line above: a normal return to an outer level when a line further up starts
        // at the same column before anything further left.
        if (column > own && alignedAbove(lines, i, kind, own)) return undefined;
        return { index: i, column, own };
      }
    }
    leftmost = Math.min(leftmost, other.indent);
    if (leftmost < own - 3) return undefined;
  }
  return undefined;
}

/** Whether a line above `index` starts at `own` before any line indented less than `own`. */
function alignedAbove(lines: readonly Line[], index: number, kind: 'dash' | 'key', own: number): boolean {
  for (let j = index - 1; j >= 0; j--) {
    const line = lines[j];
    if (!line?.structural) continue;
    if (columnOf(line, kind) === own) return true;
    if (line.indent < own) return false;
  }
  return false;
}

function indentMistake(
  lines: readonly Line[],
  index: number,
  sibling: { index: number; column: number; own: number },
): YamlMistake {
  const line = lines[index] as Line;
  const other = lines[sibling.index] as Line;
  const dash = isDash(line) && sibling.own === line.indent;
  const what = dash ? 'Ce tiret « - »' : `La clé « ${keyOf(line.text)?.key ?? ''} »`;
  const ref = dash ? 'le tiret de l’élément précédent de la liste' : `« ${keyOf(other.text)?.key ?? ''} »`;
  const diff = sibling.own - sibling.column;
  const spaces = Math.abs(diff) === 1 ? 'une espace' : `${Math.abs(diff)} espaces`;
  return {
    kind: 'indent',
    line: index + 1,
    column: sibling.own + 1,
    message: `${what} est en colonne ${sibling.own + 1}, alors que ${ref} (ligne ${sibling.index + 1}) est en colonne ${sibling.column + 1}.`,
    hint: `${diff > 0 ? 'Retirez' : 'Ajoutez'} ${spaces} en début de ligne pour l’aligner en colonne ${sibling.column + 1}.`,
    coversUntilLine: blockEnd(lines, index, Math.min(line.indent, other.indent)),
  };
}

/** The parser's complaints that a misplaced line or an unquoted « : » can cause. */
const LAYOUT_COMPLAINTS: readonly string[] = [
  'BLOCK_AS_IMPLICIT_KEY',
  'MULTILINE_IMPLICIT_KEY',
  'UNEXPECTED_TOKEN',
  'BAD_INDENT',
  'MISSING_CHAR',
  'TAB_AS_INDENT',
];

/**
 * Explains the first parser complaint, or returns undefined when none of the known mistakes fits
 * (the caller then keeps the parser's own complaints).
 *
 * @example
 * explainYamlMistake('objet: Budget 2026 : DM\n', [{ code: 'BLOCK_AS_IMPLICIT_KEY', offset: 7 }]);
 * // → { kind: 'unquoted-colon', line: 1, column: 8, … }
 */
export function explainYamlMistake(text: string, complaint: ParserComplaint): YamlMistake | undefined {
  const lines = splitLines(text);
  const index = text.slice(0, complaint.offset).split('\n').length - 1;
  const line = lines[index];
  if (!line) return undefined;

  // A tab among the leading blanks of the line (inside a text block the parser only sees a line
  // that is not indented enough).
  const leading = /^[ \t]*/.exec(line.text)?.[0] ?? '';
  const tab = leading.indexOf('\t');
  if (tab >= 0) {
    const block = enclosingBlockScalar(lines, index);
    return {
      kind: 'tab',
      line: index + 1,
      column: tab + 1,
      message: block
        ? `Tabulation en début de ligne dans le texte « ${block} » : YAML n’accepte que des espaces pour indenter.`
        : 'Tabulation en début de ligne : YAML n’accepte que des espaces pour indenter.',
      hint: 'Remplacez la tabulation par des espaces, alignés sur les autres lignes du texte.',
      coversUntilLine: lines.length,
    };
  }

  // Complaints about a value's own characters (« @ » in front, a bad escape…) are not about the layout.
  if (!LAYOUT_COMPLAINTS.includes(complaint.code)) return undefined;
  if (['BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY', 'UNEXPECTED_TOKEN'].includes(complaint.code)) {
    const key = keyOf(line.text);
    const value = key?.value ?? '';
    if (key && /:(\s|$)/.test(value) && !/^['"|>[{&*!]/.test(value)) {
      return {
        kind: 'unquoted-colon',
        line: index + 1,
        column: key.valueColumn + 1,
        message: `Le texte de « ${key.key} » contient « : » suivi d’une espace : YAML y voit une clé de plus.`,
        hint: `Mettez le texte entre guillemets : ${key.key}: ${quoted(value.trim())}`,
        coversUntilLine: index + 1,
      };
    }
  }
  const sibling = misalignedSibling(lines, index);
  if (sibling !== undefined) return indentMistake(lines, index, sibling);
  // `objet: …` then a key one space too far right: the parser blames the value above.
  if (keyOf(line.text)) {
    const next = lines.findIndex((l, i) => i > index && l.structural);
    const nextSibling = next > index ? misalignedSibling(lines, next) : undefined;
    if (nextSibling !== undefined) return indentMistake(lines, next, nextSibling);
  }
  return undefined;
}
