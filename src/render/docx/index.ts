/**
 * DOCX renderer: a document tree → the bytes of a .docx that Word and LibreOffice open with named
 * styles, first-page header, « Page X / Y » footer, French language and hyphenation. The only code
 * of delib that imports `docx`.
 *
 * @example
 * const bytes = await renderDocx(tree, { creationDate: new Date('2023-03-23T00:00:00Z') });
 * await writeFile('note.docx', bytes);
 */
import { Document, type IStylesOptions, type PageNumberEstimator } from 'docx';
import type { DocumentTree, List } from '../../tree/types.ts';
import type { FontFiles } from '../font-files.ts';
import { lazyFontMeasurer } from '../font-measure.ts';
import { theme } from '../theme.ts';
import { blockSpec } from './blocks.ts';
import { buildBlocks } from './build.ts';
import { partsWithConstants } from './constant-parts.ts';
import { makePartsReproducible } from './determinism.ts';
import { embedFonts, type FontEmbedding } from './embedded-fonts.ts';
import { defaultFamily } from './fonts.ts';
import { headerDistance, headersAndFooters } from './header-footer.ts';
import { listsInOrder } from './lists.ts';
import { numberingConfig } from './numbering.ts';
import { applyReferenceToParts } from './reference.ts';
import { resolvePageBreaks } from './specs.ts';
import { buildStyles } from './styles.ts';
import { cleanLine } from './text.ts';
import { twips } from './units.ts';
import { writeParts } from './zip.ts';

export interface DocxRenderOptions {
  /** Fixed by SOURCE_DATE_EPOCH: dcterms dates and zip entry times. */
  readonly creationDate: Date;
  /** Logo bytes keyed by `DocumentHeader.logo`. */
  readonly assets?: ReadonlyMap<string, Uint8Array>;
  /** A collectivité's own .docx: its styles and page setup replace ours, like pandoc --reference-doc. */
  readonly referenceDocx?: Uint8Array;
  /**
   * Embed the four faces of the font so Word and LibreOffice show it without installing it.
   * Default: true, or false with a `referenceDocx` (whose fonts rule).
   */
  readonly embedFonts?: boolean;
  /**
   * How: `subset` (default) keeps the characters a clerk types and those of the document
   * (≈ 60 KB a file for Source Sans 3); `full` embeds the whole files (≈ 550 KB a file).
   */
  readonly fontEmbedding?: FontEmbedding;
  /**
   * Characters the subset holds beyond those a clerk types (default: the document's own); the
   * bundle gives those of the whole séance, so that its documents share one font.
   */
  readonly fontCharacters?: readonly number[];
  /** The collectivité's own family (default: Source Sans 3), written in the styles and embedded. */
  readonly fonts?: FontFiles;
  /**
   * The page each anchor starts on, as delib's PDF layout gives it (`PdfResult.anchors`): written
   * as the results of the PAGEREF fields, clean. Without it they are written blank and dirty.
   */
  readonly pageNumbers?: ReadonlyMap<string, number>;
}

/**
 * Word settings of every document (docx writes them into word/settings.xml). No automatic
 * hyphenation: Word and LibreOffice would cut proper names and words inside « guillemets »;
 * they break only at the tree's soft hyphens (`w:softHyphen`), as the PDF does.
 */
const SETTINGS = {
  hyphenation: { autoHyphenation: false, hyphenationZone: 357, consecutiveHyphenLimit: 2 },
  // A justified line that ends with a line break is not stretched (Word and LibreOffice).
  compatibility: { doNotExpandShiftReturn: true },
} as const;

/** The styles of a family and the text of everything the constant parts come from, once each. */
const stylesByFamily = new Map<string, { readonly styles: IStylesOptions; readonly key: string }>();

function stylesOf(family: string): { readonly styles: IStylesOptions; readonly key: string } {
  let entry = stylesByFamily.get(family);
  if (entry === undefined) {
    const styles = buildStyles(theme, family);
    entry = { styles, key: JSON.stringify([styles, SETTINGS]) };
    stylesByFamily.set(family, entry);
  }
  return entry;
}

/** An estimator of docx's that answers with pages already known (the PDF's). */
function knownPages(pages: ReadonlyMap<string, number>): PageNumberEstimator {
  const bookmarks = new Map([...pages].map(([name, page]) => [name, String(page)]));
  return () => ({ bookmarks, bookmarkPageNumbers: pages });
}

/** docx's Document for a tree, with the given styles. */
function documentOf(
  doc: DocumentTree,
  options: DocxRenderOptions,
  styles: IStylesOptions,
  specs: ReturnType<typeof resolvePageBreaks>,
): Document {
  return new Document({
    title: cleanLine(doc.meta.title),
    subject: cleanLine(doc.meta.subject),
    creator: cleanLine(doc.meta.author),
    lastModifiedBy: cleanLine(doc.meta.author),
    keywords: doc.meta.keywords.map(cleanLine).join(', '),
    description: cleanLine(doc.meta.shortTitle),
    revision: 1,
    styles,
    numbering: { config: numberingConfig(doc.children, theme, doc.bullets) },
    ...SETTINGS,
    ...(options.pageNumbers ? { pageNumbers: knownPages(options.pageNumbers) } : {}),
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: twips(theme.page.width), height: twips(theme.page.height) },
            margin: {
              top: twips(theme.page.marginTop),
              // Word and LibreOffice cannot give the last page alone the PDF's `absorb` (its few
              // lines above the footer): every page gets it, so that a document the PDF ends on a
              // page with them never needs one more page in Word (a page may hold two lines more).
              bottom: twips(theme.page.marginBottom - theme.page.absorb),
              left: twips(theme.page.marginLeft),
              right: twips(theme.page.marginRight),
              // The PDF draws the first page's header from the top margin down and starts the text
              // below it; Word does the same when the header outgrows the margin.
              header: headerDistance(doc, theme),
              // The footer's baseline sits `offset` above the page's bottom edge.
              footer: twips(theme.footer.offset - theme.footer.fontSize * 0.25),
            },
            // A document continuing a recueil's pages: PAGE fields count from its first number.
            ...(doc.firstPage === undefined ? {} : { pageNumbers: { start: doc.firstPage } }),
          },
        },
        ...headersAndFooters(doc, { theme, assets: options.assets }),
        children: buildBlocks(specs, theme),
      },
    ],
  });
}

/**
 * Renders a document tree as DOCX bytes; the same tree and creationDate give the same bytes.
 *
 * @example
 * const bytes = await renderDocx(sampleTree(), { creationDate: new Date(0), embedFonts: false });
 */
export async function renderDocx(doc: DocumentTree, options: DocxRenderOptions): Promise<Uint8Array> {
  const listInstances = new Map<List, number>(listsInOrder(doc.children).map((list, i) => [list, i + 1]));
  const measure = lazyFontMeasurer(options.fonts);
  const specs = resolvePageBreaks(
    doc.children.flatMap((block) => blockSpec(block, { theme, measure, listInstances, listDepth: 0 })),
  );
  const { styles, key } = stylesOf(options.fonts?.family ?? defaultFamily());
  // Styles, theme, settings and font table depend on the family only: formatted once a process.
  const parts = partsWithConstants(key, (constantsKnown) =>
    // Known styles are not formatted again: docx is given none to build (it adds its defaults).
    documentOf(doc, options, constantsKnown ? {} : styles, specs),
  );
  if (options.referenceDocx !== undefined) applyReferenceToParts(parts, options.referenceDocx);
  makePartsReproducible(parts, options.creationDate);
  if (options.embedFonts ?? options.referenceDocx === undefined) {
    await embedFonts(parts, options.fonts, options.fontEmbedding, options.fontCharacters);
  }
  return writeParts(parts, options.creationDate);
}
