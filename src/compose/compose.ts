/**
 * Séance data → document tree: template (Handlebars) → Markdown → tree → French typography and
 * hyphenation. Everything that decides what a document says happens here, once for PDF and DOCX.
 *
 * @example
 * const env = templateEnv();
 * const tree = composeDocument(seance, listDocuments(seance)[1], { env });
 */
import { type Diagnostic, DiagnosticError, diagnostic } from '../diagnostics.ts';
import { withMemberNames } from '../facts/elus.ts';
import type { Seance } from '../schema/seance.ts';
import type { TemplateEnv } from '../template/env.ts';
import { blocksFromMarkdown } from '../tree/from-mdast.ts';
import { frenchHyphenation } from '../tree/transforms/hyphenation.ts';
import { frenchTypography } from '../tree/transforms/typography.ts';
import type { DocumentHeader, DocumentTree } from '../tree/types.ts';
import { conventionAt } from './annexes.ts';
import type { DocumentRef } from './documents.ts';
import { documentFirstPage, documentFurniture } from './furniture.ts';
import { type KindTarget, kindSpec } from './kinds.ts';
import { documentMeta } from './meta.ts';

export interface ComposeOptions {
  readonly env: TemplateEnv;
  /** Insert soft hyphens for justified text (default true; off for a tree dump meant to be read). */
  readonly hyphenate?: boolean;
}

/** What the document of `ref` is made from: the séance, its point and annex. */
export function kindTarget(seance: Seance, ref: DocumentRef, written: Seance = seance): KindTarget {
  const point = ref.point === null ? undefined : seance.points.find((p) => p.numero === ref.point);
  if (ref.point !== null && !point) throw new Error(`no point ${ref.point}`);
  const convention = ref.annex === null ? undefined : conventionAt(point, ref.annex);
  if (ref.annex !== null && !convention) throw new Error(`point ${ref.point} has no annex ${ref.annex}`);
  return { seance, written, point, convention, annex: ref.annex };
}

/** The Markdown a document's template produces (what `delib tree --markdown` shows). */
export function documentMarkdown(seance: Seance, ref: DocumentRef, env: TemplateEnv): string {
  const spec = kindSpec(ref.kind);
  // Members referred to by key in `elus` are printed by name.
  return env.render(spec.template, spec.context(kindTarget(withMemberNames(seance), ref, seance)));
}

/** Builds the tree of one document; throws DiagnosticError if the template output is not valid. */
export function composeDocument(seance: Seance, ref: DocumentRef, options: ComposeOptions): DocumentTree {
  const template = kindSpec(ref.kind).template;
  const markdown = documentMarkdown(seance, ref, options.env);
  const { blocks, problems } = blocksFromMarkdown(markdown, { mode: 'template' });
  if (problems.length > 0) {
    const file = options.env.files.find((f) => !f.partial && f.name === template)?.path ?? template;
    throw new DiagnosticError(
      problems.map(
        (p): Diagnostic =>
          diagnostic(p.code, 'erreur', `${p.message} (ligne ${p.line} du Markdown produit par le modèle)`, {
            file,
            hint: p.hint,
          }),
      ),
    );
  }
  const header = firstPageHeader(seance, ref);
  const meta = documentMeta(seance, ref);
  const pages = documentFurniture(seance, ref, meta);
  const firstPage = documentFirstPage(seance, ref);
  const tree: DocumentTree = {
    type: 'document',
    meta,
    header,
    ...(pages ? { pages } : {}),
    ...(firstPage === undefined || firstPage === 1 ? {} : { firstPage }),
    ...(seance.collectivite.puces ? { bullets: seance.collectivite.puces } : {}),
    children: blocks,
  };
  const typographic = frenchTypography(tree);
  return options.hyphenate === false ? typographic : frenchHyphenation(typographic);
}

/**
 * The first page's header: the collectivité's name and its logo, unless the collectivité prints its
 * name elsewhere (`position_nom`: in the délibération's text after the préfecture's stamp, or
 * nowhere); the logo stays.
 */
function firstPageHeader(seance: Seance, ref: DocumentRef): DocumentHeader {
  const { logo, position_logo: logoPlace, position_nom: place, nom } = seance.collectivite;
  const inText = place === 'apres_accuse_reception' && (ref.kind === 'deliberation' || ref.kind === 'projet');
  const name = place === 'aucune' || inText ? {} : { collectivite: nom };
  return logo ? { ...name, logo, ...(logoPlace === 'dessus' ? { logoPlace } : {}) } : name;
}
