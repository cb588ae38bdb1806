/**
 * XML escaping for the XMP packet (pdfkit writes metadata strings into it unescaped).
 *
 * @example
 * escapeXml('Objet & <test>') // 'Objet &amp; &lt;test&gt;'
 */
export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}
