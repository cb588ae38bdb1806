/**
 * `delib schema`: prints the JSON Schema of séance files.
 */
import { publishedSchemaJson } from '../../schema/published.ts';
import { type Command, EXIT, UsageError } from '../command.ts';

export const schemaCommand: Command = {
  name: 'schema',
  summary: 'Affiche le schéma JSON des fichiers de séance',
  usage: 'delib schema',
  help: `Écrit sur la sortie standard le schéma JSON (draft 2020-12) des fichiers de séance, avec le
titre et la description de chaque propriété. Un éditeur l’utilise pour compléter et vérifier
le fichier : placez en tête du fichier YAML la ligne
  # yaml-language-server: $schema=chemin/vers/seance.schema.json

Options :
  -h, --help  affiche cette aide.

Exemple :
  delib schema > seance.schema.json`,
  options: {},
  run: async ({ positionals, io }) => {
    if (positionals.length > 0) throw new UsageError('« delib schema » ne prend pas d’argument.');
    io.stdout(publishedSchemaJson());
    return EXIT.ok;
  },
};
