/**
 * The clerk's rich-text fields of a séance, checked against the documented Markdown subset.
 *
 * Problems carry the JSON pointer of the field and a line and column inside the field's text;
 * the validation stage turns them into file positions.
 *
 * @example
 * richTextProblems(richTextFields(seance)) // [{ path: '/points/0/note/expose', line: 3, column: 1, code: 'richtext.html', … }]
 */
import type { Point, Seance } from '../schema/seance.ts';
import { blocksFromMarkdown, type MarkdownProblem } from '../tree/from-mdast.ts';
import { surelyPlain } from '../tree/plain-text.ts';

export interface RichTextField {
  /** JSON pointer of the field in the séance (included points resolved in). */
  readonly path: string;
  readonly text: string;
}

/** Every rich-text field of a séance, in document order. */
export function richTextFields(seance: Seance): RichTextField[] {
  return seance.points.flatMap((point, i) => pointRichTextFields(point, i));
}

/** The rich-text fields of the point at `index` of the séance. */
export function pointRichTextFields(point: Point, index: number): RichTextField[] {
  const out: RichTextField[] = [];
  {
    const p = `/points/${index}`;
    if (point.note?.expose) out.push({ path: `${p}/note/expose`, text: point.note.expose });
    if (point.note?.proposition) out.push({ path: `${p}/note/proposition`, text: point.note.proposition });
    point.deliberation?.articles.forEach((text, j) => {
      out.push({ path: `${p}/deliberation/articles/${j}`, text });
    });
    (point.annexes ?? []).forEach((annexe, j) => {
      if (!('convention' in annexe)) return;
      const c = annexe.convention;
      const a = `${p}/annexes/${j}/convention`;
      if (c.expose !== undefined) out.push({ path: `${a}/expose`, text: c.expose });
      if (c.preambule !== undefined) out.push({ path: `${a}/preambule`, text: c.preambule });
      c.articles.forEach((article, k) => {
        if ('division' in article || 'chapitre' in article) return;
        if (article.texte !== undefined) out.push({ path: `${a}/articles/${k}/texte`, text: article.texte });
        article.sous_articles?.forEach((sub, m) => {
          out.push({ path: `${a}/articles/${k}/sous_articles/${m}/texte`, text: sub.texte });
        });
      });
    });
  }
  return out;
}

export interface RichTextProblem extends MarkdownProblem {
  readonly path: string;
}

/** Problems of every rich-text field, in document order (a surely plain text is not parsed). */
export function richTextProblems(fields: readonly RichTextField[]): RichTextProblem[] {
  return fields.flatMap((field) =>
    surelyPlain(field.text)
      ? []
      : blocksFromMarkdown(field.text, { mode: 'richtext' }).problems.map((problem) => ({
          ...problem,
          path: field.path,
        })),
  );
}
