/**
 * GitHub Actions workflow commands: one `::error file=…,line=…,col=…::message` per diagnostic.
 */
import type { Diagnostic } from '../../diagnostics.ts';
import { visible } from './text.ts';

// Escaping rules of workflow commands: data escapes %, CR, LF; properties also : and ,.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * @example
 * formatGithub(diagnostics) // → '::error file=s.yaml,line=3,col=5,title=schema.type::…\n'
 */
export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const command = d.severity === 'erreur' ? 'error' : 'warning';
      const props = [`file=${escapeProperty(d.file)}`];
      if (d.line > 0) props.push(`line=${d.line}`, `col=${d.column}`);
      props.push(`title=${escapeProperty(d.code)}`);
      const text = visible(d.hint ? `${d.message} ${d.hint}` : d.message);
      return `::${command} ${props.join(',')}::${escapeData(text)}\n`;
    })
    .join('');
}
