/**
 * `delib sign FICHIER.pdf --p12 CERT.p12 --signataire N|NOM [-o SORTIE.pdf]`: signs one signature
 * block of a delib PDF (PAdES), as an incremental update, and updates the bundle's manifest.
 */

import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { writeOutputFile } from '../../bundle/output-file.ts';
import { signError } from '../../sign/errors.ts';
import { openPkcs12 } from '../../sign/pkcs12.ts';
import { readInputFile } from '../../sign/read-input.ts';
import { signPdf } from '../../sign/sign.ts';
import { resolveTarget, updateManifest } from '../../sign/write.ts';
import { type Command, EXIT, UsageError } from '../command.ts';
import { type CliIo, inCwd } from '../io.ts';

const PASSWORD_VARIABLE = 'DELIB_P12_PASSWORD';

/** Asks for the password on the terminal without echoing it. */
function askPassword(io: CliIo, input: NodeJS.ReadableStream): Promise<string> {
  io.stderr('Mot de passe du certificat : ');
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input, output: muted, terminal: true });
  return new Promise((resolve) => {
    rl.question('', (answer) => {
      rl.close();
      io.stderr('\n');
      resolve(answer);
    });
  });
}

async function password(io: CliIo, p12File: string): Promise<string> {
  const fromEnv = io.env[PASSWORD_VARIABLE];
  if (fromEnv !== undefined) return fromEnv;
  if (io.terminalInput) return askPassword(io, io.terminalInput);
  throw signError(
    'sign.password',
    'Mot de passe du certificat absent.',
    p12File,
    `Définissez la variable d’environnement ${PASSWORD_VARIABLE} ou lancez la commande dans un terminal.`,
  );
}

/** Largest PDF signed, and largest certificate file read. */
const MAX_PDF_BYTES = 200 * 1024 * 1024;
const MAX_P12_BYTES = 1024 * 1024;

export const signCommand: Command = {
  name: 'sign',
  summary: 'Signe électroniquement un PDF produit par delib (PAdES, certificat PKCS#12)',
  usage: 'delib sign FICHIER.pdf --p12 CERTIFICAT.p12 --signataire N|NOM [-o SORTIE.pdf]',
  help: `Appose une signature électronique PAdES (ETSI.CAdES.detached) dans le bloc de signature
d’un signataire, sous forme de mise à jour incrémentale : les signatures déjà présentes restent
valides. Le bloc affiche « Signé électroniquement par …, qualité, le … ».

Options :
      --p12 FICHIER          certificat et clé privée au format PKCS#12 (.p12, .pfx) ;
  -s, --signataire N|NOM     numéro du bloc de signature (1, 2…, dans l’ordre du document),
                             nom du signataire ou nom du champ (signature-1, signature-president) ;
  -o, --output FICHIER       écrit le PDF signé ailleurs (par défaut : remplace le fichier,
                             de façon atomique, et met à jour manifest.json s’il le liste) ;
      --accepter-modifications
                             signe même si le document a été modifié après une signature
                             précédente (sinon : refus, voir « delib verify »).
  -h, --help                 affiche cette aide.

Mot de passe : variable d’environnement DELIB_P12_PASSWORD, sinon demandé dans le terminal
(jamais en argument).

Certificats acceptés : clé RSA d’au moins 2048 bits ou ECDSA P-256 / P-384, usage de clé
permettant la signature (pas un certificat de serveur TLS).

Code de sortie : 0 si le document est signé, 1 en cas de problème (mot de passe, certificat,
bloc déjà signé, document modifié depuis sa dernière signature, PDF non produit par delib :
ni le fichier d’entrée ni la sortie ne sont modifiés),
2 si la ligne de commande est incorrecte.

Exemples :
  DELIB_P12_PASSWORD=… delib sign sortie/point-01-convention-1.pdf --p12 maire.p12 --signataire 2
  delib sign sortie/point-01-deliberation.pdf --p12 secretaire.p12 --signataire "Marie Dupont"`,
  options: {
    p12: { type: 'string' },
    signataire: { type: 'string', short: 's' },
    output: { type: 'string', short: 'o' },
    'accepter-modifications': { type: 'boolean' },
  },
  run: async ({ values, positionals, io }) => {
    const [file, ...extra] = positionals;
    if (file === undefined) throw new UsageError('Indiquez le PDF à signer.');
    if (extra.length > 0) throw new UsageError('Un seul PDF à la fois.');
    const p12File = typeof values.p12 === 'string' ? values.p12 : undefined;
    if (!p12File) throw new UsageError('Indiquez le certificat avec --p12 FICHIER.p12.');
    const signataire = typeof values.signataire === 'string' ? values.signataire : undefined;
    if (!signataire || signataire.trim() === '') {
      throw new UsageError('Indiquez le signataire avec --signataire (numéro ou nom).');
    }
    if (values.output === '') throw new UsageError('Le fichier de sortie (-o) est vide.');
    const output = typeof values.output === 'string' ? values.output : file;
    const pdf = await readInputFile(inCwd(io, file), 'Le PDF', MAX_PDF_BYTES, file);
    const p12 = await readInputFile(inCwd(io, p12File), 'Le certificat', MAX_P12_BYTES, p12File);
    const target = await resolveTarget(inCwd(io, output), output);
    const now = new Date();
    const identity = openPkcs12(p12, await password(io, p12File), { file: p12File, now });
    const acceptModifications = values['accepter-modifications'] === true;
    const signed = signPdf(pdf, { identity, signataire, now, file, acceptModifications });
    await writeOutputFile(target, signed.bytes, output);
    const listed = await updateManifest(target, signed.bytes);
    io.stdout(
      `Signé : ${signed.label} (${signed.field}) par ${identity.commonName} → ${target}${listed ? ' ; manifest.json mis à jour' : ''}.\n`,
    );
    return EXIT.ok;
  },
};
