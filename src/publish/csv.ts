/**
 * CSV as the SCDL asks: comma-separated, UTF-8, every value between double quotes (so a missing
 * value is ""), quotes doubled, lines ended by CRLF (RFC 4180).
 *
 * @example
 * toCsv([['A', 'B'], ['x, y', '']]) // '"A","B"\r\n"x, y",""\r\n'
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `${rows.map((row) => row.map((value) => `"${value.replaceAll('"', '""')}"`).join(',')).join('\r\n')}\r\n`;
}
