/**
 * The real clients of the second test suite: LibreOffice converting DOCX to PDF, pdftotext reading
 * a PDF back.
 *
 * @example
 * convertToPdf([join(dir, 'a.docx')], join(dir, 'out'), join(dir, 'profile'));
 * const lines = pdftotext(join(dir, 'out', 'a.pdf'), '-layout').split('\n');
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

/** Converts the DOCX files into `outdir` in one LibreOffice run, with its own profile and a time limit. */
export function convertToPdf(docx: readonly string[], outdir: string, profile: string): void {
  mkdirSync(outdir, { recursive: true });
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'pdf',
      '--outdir',
      outdir,
      ...docx,
    ],
    { timeout: 150_000, stdio: 'pipe' },
  );
}

/** pdftotext's UTF-8 text of a PDF, with its mode (`-raw`: content-stream order; `-layout`: columns). */
export function pdftotext(pdf: string, ...options: readonly string[]): string {
  return execFileSync('pdftotext', [...options, '-enc', 'UTF-8', pdf, '-'], {
    encoding: 'utf8',
    timeout: 30_000,
  });
}
