/**
 * Dossiers drawn by pdfkit (`renderPdfDossier`) whose sections show logos, for the logo
 * reproducibility tests (test/logo-dossier.test.ts, and another process in test/pdf-dossier.test.ts).
 *
 * @example
 * const { bytes } = await renderPdfDossier(logoSections(['wide', 'small']), DOSSIER_META, { creationDate, assets: twoLogos() });
 */
import type { DossierSection } from '../../src/render/pdf/index.ts';
import type { DocumentTree } from '../../src/tree/types.ts';
import { pngLogo } from './logos.ts';
import { sampleTree } from './sample-tree.ts';

/** One section of a small document per entry of `logos`, its header showing that asset. */
export function logoSections(logos: readonly string[]): DossierSection[] {
  return logos.map((logo, i) => {
    const base = sampleTree();
    const doc: DocumentTree = { ...base, header: { ...base.header, logo } };
    return { title: `Point ${i + 1}`, doc };
  });
}

export const DOSSIER_META = { ...sampleTree().meta, title: 'Dossier de séance', shortTitle: 'Dossier' };

/** Two logos decoded asynchronously by pdfkit: `wide` (120 px, 16-bit interlaced RGBA) and `small` (30 px). */
export function twoLogos(): ReadonlyMap<string, Uint8Array> {
  return new Map([
    [
      'wide',
      new Uint8Array(pngLogo({ colorType: 6, bitDepth: 16, interlaced: true, width: 120, height: 48 })),
    ],
    ['small', new Uint8Array(pngLogo({ colorType: 6, bitDepth: 8, width: 30, height: 12 }))],
  ]);
}
