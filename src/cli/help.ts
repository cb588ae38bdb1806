/**
 * French help texts of `delib` and of each command.
 */
import type { Command } from './command.ts';

/**
 * @example
 * io.stdout(generalHelp(COMMANDS));
 */
export function generalHelp(commands: readonly Pick<Command, 'name' | 'summary'>[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const list = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `delib : documents de séance des collectivités (notes, délibérations, conventions)
à partir d’un fichier YAML validé.

Usage : delib COMMANDE [options] [arguments]

Commandes :
${list}

Options :
  -h, --help     affiche cette aide (ou celle d’une commande : delib COMMANDE --help)
  -v, --version  affiche la version

Codes de sortie : 0 succès, 1 données invalides, 2 ligne de commande incorrecte,
3 erreur interne de delib.
`;
}

/**
 * @example
 * io.stdout(commandHelp(validateCommand));
 */
export function commandHelp(command: Command): string {
  return `Usage : ${command.usage}\n\n${command.summary}.\n\n${command.help}\n`;
}
