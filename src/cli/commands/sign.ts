/**
 * `delib sign FICHIER.pdf --p12 CERT.p12 --signataire N|NOM [-o SORTIE.pdf]`: signs one signature
 * block of a delib PDF (PAdES), as an incremental update, and updates the bundle's manifest.
 */
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { signError } from '../../sign/errors.ts';
import { openPkcs12 } from '../../sign/pkcs12.ts';
import { signPdf } from '../../sign/sign.ts';
import { updateManifest, writeAtomically } from '../../sign/write.ts';
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

async function readInput(io: CliIo, file: string, what: string): Promise<Uint8Array> {
  try {
    return await readFile(inCwd(io, file));
  } catch {
    throw signError('file.not-found', `${what} « ${file} » est introuvable ou illisible.`, file);
  }
}

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
                             de façon atomique, et met à jour manifest.json s’il le liste).
  -h, --help                 affiche cette aide.

Mot de passe : variable d’environnement DELIB_P12_PASSWORD, sinon demandé dans le terminal
(jamais en argument).

Code de sortie : 0 si le document est signé, 1 en cas de problème (mot de passe, certificat,
bloc déjà signé, PDF non produit par delib : le fichier d’entrée n’est pas modifié),
2 si la ligne de commande est incorrecte.

Exemples :
  DELIB_P12_PASSWORD=… delib sign sortie/point-01-convention-1.pdf --p12 maire.p12 --signataire 2
  delib sign sortie/point-01-deliberation.pdf --p12 secretaire.p12 --signataire "Marie Dupont"`,
  options: {
    p12: { type: 'string' },
    signataire: { type: 'string', short: 's' },
    output: { type: 'string', short: 'o' },
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
    const target = typeof values.output === 'string' ? values.output : file;
    const pdf = await readInput(io, file, 'Le PDF');
    const p12 = await readInput(io, p12File, 'Le certificat');
    const now = new Date();
    const identity = openPkcs12(p12, await password(io, p12File), { file: p12File, now });
    const signed = signPdf(pdf, { identity, signataire, now, file });
    await writeAtomically(inCwd(io, target), signed.bytes);
    const listed = await updateManifest(inCwd(io, target), signed.bytes);
    io.stdout(
      `Signé : ${signed.label} (${signed.field}) par ${identity.commonName} → ${target}${listed ? ' ; manifest.json mis à jour' : ''}.\n`,
    );
    return EXIT.ok;
  },
};
