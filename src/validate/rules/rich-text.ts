/**
 * Rich-text fields (exposé, proposition, articles, préambule) must stay inside the documented
 * Markdown subset: no raw HTML, images, code, quotes, headings or directives, links only to
 * http(s) and mailto. Each problem is placed at its line and column inside the YAML block.
 */
import { pointRichTextFields, richTextProblems } from '../../compose/rich-text.ts';
import { type Diagnostic, diagnostic } from '../../diagnostics.ts';
import { locate } from '../../load/source-map.ts';
import type { Rule } from './context.ts';

/** The file text of the document holding `pointer` (the séance, or an included point file). */
function fileText(context: Parameters<Rule>[0], pointer: string): string {
  const index = /^\/points\/(\d+)\//.exec(pointer)?.[1];
  const included = index === undefined ? undefined : context.sources.points[Number(index)];
  return (included ?? context.sources.root).text;
}

/**
 * Lines of one rich text: a 50 000-row table took a minute and 1.3 GB to parse, validate only.
 * A council's longest tables (a budget annex) hold a few hundred rows; checked before parsing.
 */
export const MAX_RICH_TEXT_LINES = 5_000;

function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export const richTextRule: Rule = (context) => {
  const out: Diagnostic[] = [];
  for (const { index, point } of context.points) {
    const fields = pointRichTextFields(point, index);
    const tooLong = fields.filter((f) => lineCount(f.text) > MAX_RICH_TEXT_LINES);
    for (const field of tooLong) {
      out.push(
        diagnostic(
          'rule.text',
          'erreur',
          `Texte de plus de ${MAX_RICH_TEXT_LINES.toLocaleString('fr-FR')} lignes.`,
          {
            ...locate(context.sources, field.path),
            path: field.path,
            hint: 'Un tableau de cette taille (plus de 5 000 lignes) n’a pas sa place dans une délibération : joignez-le en annexe.',
          },
        ),
      );
    }
    for (const problem of richTextProblems(fields.filter((f) => !tooLong.includes(f)))) {
      const start = locate(context.sources, problem.path);
      const lines = fileText(context, problem.path).split(/\r?\n/);
      const indicator = lines[start.line - 1]?.[start.column - 1];
      let line = start.line;
      let column = start.column;
      if (indicator === '|' || indicator === '>') {
        // Block scalar: the text starts on the next line, indented.
        const first = lines[start.line] ?? '';
        const indent = first.length - first.trimStart().length;
        line = start.line + problem.line;
        column = indent + problem.column;
      } else if (problem.line === 1) {
        const quoted = indicator === '"' || indicator === "'" ? 1 : 0;
        column = start.column + quoted + problem.column - 1;
      }
      out.push(
        diagnostic(problem.code, 'erreur', problem.message, {
          file: start.file,
          line,
          column,
          path: problem.path,
          hint: problem.hint,
        }),
      );
    }
  }
  return out;
};
