/**
 * A linear check that an XML part is well formed enough to be edited and written back: every
 * element closed in order, quotes of attributes closed, comments, CDATA and processing
 * instructions ended, a bounded depth. Not a validating parser: what the reference-docx merge
 * needs to refuse, in time proportional to the size, a part Word or LibreOffice would refuse.
 *
 * @example
 * xmlProblem('<a><b></a>') // 'élément <b> non fermé'
 */

/** Deeper than any real Word part (styles nest 5 or 6 levels). */
const MAX_DEPTH = 256;

function skipTo(xml: string, from: number, end: string): number {
  const at = xml.indexOf(end, from);
  return at < 0 ? -1 : at + end.length;
}

/** The tag starting at `at` (just after `<`): its name, where it ends, and whether it self-closes. */
function readTag(xml: string, at: number): { name: string; end: number; selfClosing: boolean } | undefined {
  let i = at;
  while (i < xml.length && !/[\s/>]/.test(xml[i] as string)) i++;
  const name = xml.slice(at, i);
  if (name === '') return undefined;
  while (i < xml.length) {
    const c = xml[i] as string;
    if (c === '"' || c === "'") {
      const close = xml.indexOf(c, i + 1);
      if (close < 0) return undefined;
      i = close + 1;
    } else if (c === '<') return undefined;
    else if (c === '>') return { name, end: i + 1, selfClosing: xml[i - 1] === '/' };
    else i++;
  }
  return undefined;
}

/** What makes `xml` ill-formed, in French, or undefined when it holds together. */
export function xmlProblem(xml: string): string | undefined {
  const stack: string[] = [];
  let i = 0;
  for (;;) {
    const open = xml.indexOf('<', i);
    if (open < 0) break;
    if (xml.startsWith('<?', open)) i = skipTo(xml, open, '?>');
    else if (xml.startsWith('<!--', open)) i = skipTo(xml, open, '-->');
    else if (xml.startsWith('<![CDATA[', open)) i = skipTo(xml, open, ']]>');
    else if (xml.startsWith('<!', open)) i = skipTo(xml, open, '>');
    else if (xml[open + 1] === '/') {
      const close = xml.indexOf('>', open);
      if (close < 0) return 'balise fermante inachevée';
      const name = xml.slice(open + 2, close).trim();
      const expected = stack.pop();
      if (expected !== name) {
        return expected === undefined
          ? `balise </${name}> sans ouverture`
          : `élément <${expected}> non fermé`;
      }
      i = close + 1;
    } else {
      const tag = readTag(xml, open + 1);
      if (!tag) return 'balise inachevée ou guillemet non fermé';
      if (!tag.selfClosing) {
        stack.push(tag.name);
        if (stack.length > MAX_DEPTH) return `éléments imbriqués sur plus de ${MAX_DEPTH} niveaux`;
      }
      i = tag.end;
    }
    if (i < 0) return 'commentaire ou instruction inachevé';
  }
  const unclosed = stack.pop();
  return unclosed === undefined ? undefined : `élément <${unclosed}> non fermé`;
}
