/**
 * `delib verify FICHIER.pdf [--reporter text|json]`: checks every signature of a PDF.
 */
import { readInputFile } from '../../sign/read-input.ts';
import { MAX_VERIFY_BYTES, type VerifyReport, verifyPdf } from '../../sign/verify.ts';
import { type Command, EXIT, UsageError } from '../command.ts';
import { inCwd } from '../io.ts';

const yesNo = (ok: boolean) => (ok ? 'oui' : 'NON');

/** The report for a human, one block per signature field. */
export function formatVerifyText(file: string, report: VerifyReport): string {
  const lines = [`${file} :`];
  report.signatures.forEach((s, i) => {
    lines.push(`  ${i + 1}. ${s.signataire} (${s.champ})`);
    if (!s.signe) {
      lines.push('     non signé');
      return;
    }
    lines.push(`     certificat : ${s.sujet ?? '?'}`);
    lines.push(`     émetteur : ${s.emetteur ?? '?'}`);
    lines.push(`     date de signature : ${s.date ?? '?'}`);
    lines.push(`     type : ${s.subFilter ?? '?'}`);
    lines.push(
      `     plage signée [${(s.byteRange ?? []).join(' ')}] couvrant la révision : ${yesNo(s.couvertureRevision)}`,
    );
    if (s.algorithme) lines.push(`     algorithmes : ${s.algorithme}`);
    lines.push(
      `     empreinte : ${yesNo(s.empreinte)} ; signature : ${yesNo(s.signatureValide)} ; signing-certificate-v2 : ${yesNo(s.certificatSignataire)}`,
    );
    lines.push(
      `     ${s.intacte ? s.verdict : s.verdict.replace(/^signature invalide/, 'SIGNATURE INVALIDE')}`,
    );
  });
  const signed = report.signatures.filter((s) => s.signe).length;
  if (report.octetsApresDerniereSignature > 0)
    lines.push(
      `  Le fichier a été modifié après la dernière signature (${report.octetsApresDerniereSignature} octets ajoutés, non signés).`,
    );
  lines.push(report.verdict);
  if (!report.intact && signed > 0) lines.push('Le document n’est pas intégralement signé et intact.');
  return `${lines.join('\n')}\n`;
}

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'Vérifie les signatures électroniques d’un PDF',
  usage: 'delib verify [--reporter text|json] FICHIER.pdf',
  help: `Affiche chaque bloc de signature : signataire, certificat (sujet et émetteur), date de
signature, plage d’octets signée (couvre-t-elle le document jusqu’à sa révision ?), empreinte et
signature, et signale toute modification du fichier après la dernière signature.
L’identité du signataire n’est pas validée auprès d’une autorité de certification.

Options :
  -r, --reporter FORMAT  text (par défaut) ou json.
  -h, --help             affiche cette aide.

Code de sortie : 0 si toutes les signatures sont intactes (et qu’il y en a au moins une), 1 sinon,
2 si la ligne de commande est incorrecte.

Exemple :
  delib verify sortie/point-01-convention-1.pdf`,
  options: { reporter: { type: 'string', short: 'r', default: 'text' } },
  run: async ({ values, positionals, io }) => {
    const reporter = String(values.reporter);
    if (reporter !== 'text' && reporter !== 'json') {
      throw new UsageError(`Format de rapport inconnu « ${reporter} » : choisissez text ou json.`);
    }
    const [file, ...extra] = positionals;
    if (file === undefined) throw new UsageError('Indiquez le PDF à vérifier.');
    if (extra.length > 0) throw new UsageError('Un seul PDF à la fois.');
    const bytes = await readInputFile(inCwd(io, file), 'Le PDF', MAX_VERIFY_BYTES, file);
    const report = verifyPdf(bytes);
    if (reporter === 'json') io.stdout(`${JSON.stringify({ fichier: file, ...report }, null, 2)}\n`);
    else io.stdout(formatVerifyText(file, report));
    if (!report.intact && reporter === 'text')
      io.stderr(`delib : ${file} : ${report.verdict} [verify.broken]\n`);
    return report.intact ? EXIT.ok : EXIT.invalid;
  },
};
