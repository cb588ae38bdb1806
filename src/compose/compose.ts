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
import {
  conventionContext,
  deliberationContext,
  listeContext,
  noteContext,
  ordreDuJourContext,
} from '../template/context.ts';
import type { TemplateEnv, TemplateName } from '../template/env.ts';
import { procesVerbalContext } from '../template/proces-verbal-context.ts';
import { blocksFromMarkdown } from '../tree/from-mdast.ts';
import { frenchHyphenation } from '../tree/transforms/hyphenation.ts';
import { frenchTypography } from '../tree/transforms/typography.ts';
import type { DocumentTree } from '../tree/types.ts';
import { conventionAt } from './annexes.ts';
import type { DocumentRef } from './documents.ts';
import { documentMeta } from './meta.ts';

export interface ComposeOptions {
  readonly env: TemplateEnv;
  /** Insert soft hyphens for justified text (default true; off for a tree dump meant to be read). */
  readonly hyphenate?: boolean;
}

const TEMPLATES: Readonly<Record<DocumentRef['kind'], TemplateName>> = {
  'ordre-du-jour': 'ordre-du-jour',
  note: 'note-de-presentation',
  deliberation: 'deliberation',
  convention: 'convention',
  'liste-des-deliberations': 'liste-des-deliberations',
  'proces-verbal': 'proces-verbal',
};

function templateData(written: Seance, ref: DocumentRef): object {
  if (ref.kind === 'proces-verbal') return procesVerbalContext(written);
  const seance = withMemberNames(written);
  if (ref.kind === 'ordre-du-jour') return ordreDuJourContext(seance);
  if (ref.kind === 'liste-des-deliberations') return listeContext(seance);
  const point = seance.points.find((p) => p.numero === ref.point);
  if (!point) throw new Error(`no point ${ref.point}`);
  switch (ref.kind) {
    case 'note':
      return noteContext(seance, point);
    case 'deliberation':
      if (!point.deliberation) throw new Error(`point ${ref.point} has no délibération`);
      return deliberationContext(seance, point, point.deliberation);
    case 'convention': {
      const convention = conventionAt(point, ref.annex);
      if (!convention) throw new Error(`point ${ref.point} has no annex ${ref.annex}`);
      return conventionContext(seance, point, convention);
    }
  }
}

/** The Markdown a document's template produces (what `delib tree --markdown` shows). */
export function documentMarkdown(seance: Seance, ref: DocumentRef, env: TemplateEnv): string {
  return env.render(TEMPLATES[ref.kind], templateData(seance, ref));
}

/** Builds the tree of one document; throws DiagnosticError if the template output is not valid. */
export function composeDocument(seance: Seance, ref: DocumentRef, options: ComposeOptions): DocumentTree {
  const template = TEMPLATES[ref.kind];
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
  const header = seance.collectivite.logo
    ? { collectivite: seance.collectivite.nom, logo: seance.collectivite.logo }
    : { collectivite: seance.collectivite.nom };
  const tree: DocumentTree = {
    type: 'document',
    meta: documentMeta(seance, ref),
    header,
    children: blocks,
  };
  const typographic = frenchTypography(tree);
  return options.hyphenate === false ? typographic : frenchHyphenation(typographic);
}
