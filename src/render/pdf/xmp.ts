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
    .split('')
    .filter((c) => !forbidden(c.charCodeAt(0)))
    .join('');
}

/** Characters XML 1.0 does not allow, even escaped. */
function forbidden(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffe || code === 0xffff
  );
}
