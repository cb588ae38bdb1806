/**
 * `delib apercu SEANCE.yaml`: a live preview in the browser (problems, documents, pages, editor),
 * served on the loopback address until Ctrl-C.
 */
import { existsSync, statSync } from 'node:fs';
import { buildDate } from '../../bundle/clock.ts';
import { type Command, InterruptedError, UsageError } from '../command.ts';
import { inCwd } from '../io.ts';

function parsePort(value: unknown): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (!/^\d+$/.test(String(value)) || !Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new UsageError(`Port incorrect « ${String(value)} » : un entier de 1 à 65535.`);
  }
  return port;
}

export const apercuCommand: Command = {
  name: 'apercu',
  summary: 'Ouvre un aperçu en direct dans le navigateur : problèmes, documents et éditeur',
  usage: 'delib apercu [options] SEANCE.yaml',
  help: `Sert une page, sur cet ordinateur seulement (127.0.0.1), qui montre les problèmes de la
séance, la liste de ses documents et les pages de celui choisi, avec un éditeur du fichier de
séance. À chaque enregistrement (dans la page, ou dans un autre éditeur) du fichier de séance ou
d’un fichier qu’il inclut ou nomme (points inclus, logo, polices, annexes, modèles), les problèmes
et les pages sont mis à jour ; seuls les documents dont les données ont changé sont refaits.

L’adresse affichée contient un jeton : la page ne s’ouvre qu’avec elle. L’aperçu ne lit que les
fichiers du dossier de la séance et n’écrit que dans ce dossier. Un seul aperçu par dossier.
Ctrl-C l’arrête.

Options :
      --port N               port d’écoute (par défaut : un port libre choisi par le système)
  -t, --templates DOSSIER    modèles de la collectivité (comme pour delib build)
      --pas-de-navigateur    n’ouvre pas le navigateur (il ne l’est jamais en CI ni sans écran)
  -h, --help                 affiche cette aide

Exemples :
  delib apercu seance.yaml
  delib apercu --port 8080 --pas-de-navigateur seance.yaml`,
  options: {
    port: { type: 'string' },
    templates: { type: 'string', short: 't' },
    'pas-de-navigateur': { type: 'boolean', default: false },
  },
  run: async ({ values, positionals, io }) => {
    if (positionals.length !== 1) throw new UsageError('Indiquez un fichier de séance, et un seul.');
    const port = parsePort(values.port);
    const file = inCwd(io, positionals[0]!);
    if (!existsSync(file) || !statSync(file).isFile()) {
      throw new UsageError(`Fichier de séance introuvable : « ${positionals[0]} ».`);
    }
    const templatesDir = typeof values.templates === 'string' ? inCwd(io, values.templates) : undefined;
    const { startApercu } = await import('../../apercu/index.ts');
    const { browserAvailable, openBrowser } = await import('../../apercu/browser.ts');
    const apercu = await startApercu({
      file,
      port,
      creationDate: buildDate(io.env),
      ...(templatesDir !== undefined ? { templatesDir } : {}),
    }).catch((error: unknown) => {
      const code = (error as NodeJS.ErrnoException | null)?.code;
      if (code === 'EADDRINUSE') {
        throw new UsageError(
          `Le port ${port} est déjà utilisé : choisissez-en un autre avec --port, ou omettez --port.`,
        );
      }
      if (code === 'EACCES') {
        throw new UsageError(
          `Le port ${port} est réservé : choisissez un port au-dessus de 1024, ou omettez --port.`,
        );
      }
      throw error;
    });
    io.stdout(`Aperçu de « ${positionals[0]} » ouvert à l’adresse :\n  ${apercu.url}\n`);
    io.stdout(
      'Gardez cette adresse pour vous : elle donne accès au dossier de la séance. Ctrl-C pour arrêter.\n',
    );
    if (values['pas-de-navigateur'] !== true && browserAvailable(io.env, process.platform)) {
      openBrowser(apercu.url);
    }
    const signal = await new Promise<string>((resolvePromise) => {
      const unsubscribe = io.onInterrupt?.((s) => {
        unsubscribe?.();
        resolvePromise(s);
      });
    });
    await apercu.stop();
    throw new InterruptedError(signal === 'SIGTERM' ? 'SIGTERM' : 'SIGINT', 'Aperçu arrêté.');
  },
};
