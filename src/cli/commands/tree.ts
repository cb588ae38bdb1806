/**
 * `delib tree SEANCE.yaml --point N --doc KIND`: the document tree (or the Markdown its template
 * produced) as JSON, to see what a template makes of the data.
 */
import { composeDocument, documentMarkdown } from '../../compose/compose.ts';
import { listDocuments } from '../../compose/documents.ts';
import { KIND_NAMES, kindSpec } from '../../compose/kinds.ts';
import { templateEnv } from '../../template/env.ts';
import type { DocumentKind } from '../../tree/types.ts';
import { type Command, EXIT, UsageError } from '../command.ts';
import { inCwd } from '../io.ts';
import { loadForRendering, parseReporter } from '../options.ts';

/** Documents of the whole séance, without --point. */
const SEANCE_WIDE: readonly string[] = KIND_NAMES.filter((k) => kindSpec(k).scope === 'seance');

const KINDS: readonly string[] = KIND_NAMES;

const kindsHelp = KIND_NAMES.map((k) => `                          ${k.padEnd(24)}${kindSpec(k).label}`).join(
  '\n',
);

export const treeCommand: Command = {
  name: 'tree',
  summary: 'Affiche l’arbre d’un document (JSON) ou le Markdown produit par son modèle',
  usage: 'delib tree SEANCE.yaml [--point N] --doc TYPE [--annexe K] [--markdown] [--cesures]',
  help: `Affiche l’arbre du document, en JSON : ce que les rendus PDF et DOCX reçoivent.

Options :
  -p, --point N         numéro du point (sauf pour les documents de toute la séance)
  -d, --doc TYPE        l’un de :
${kindsHelp}
  -a, --annexe K        rang de la convention parmi les annexes du point (1 par défaut)
      --markdown        affiche le Markdown produit par le modèle au lieu de l’arbre
      --cesures         garde les points de césure (U+00AD) insérés pour la justification
  -t, --templates DOSSIER  modèles de la collectivité
  -r, --reporter FORMAT text, json, github ou gitlab (rapport des erreurs)
  -h, --help            affiche cette aide

Exemples :
  delib tree seance.yaml --point 1 --doc note
  delib tree seance.yaml --doc ordre-du-jour --markdown`,
  options: {
    point: { type: 'string', short: 'p' },
    doc: { type: 'string', short: 'd' },
    annexe: { type: 'string', short: 'a', default: '1' },
    markdown: { type: 'boolean', default: false },
    cesures: { type: 'boolean', default: false },
    templates: { type: 'string', short: 't' },
    reporter: { type: 'string', short: 'r', default: 'text' },
  },
  run: async ({ values, positionals, io }) => {
    parseReporter(values.reporter);
    if (positionals.length !== 1) throw new UsageError('Indiquez un fichier de séance, et un seul.');
    const file = positionals[0]!;
    const kind = String(values.doc ?? '');
    if (!KINDS.includes(kind)) {
      throw new UsageError(`Indiquez le document avec --doc : ${KINDS.join(', ')}.`);
    }
    const point = values.point === undefined ? null : Number(values.point);
    if (!SEANCE_WIDE.includes(kind) && (point === null || !Number.isInteger(point))) {
      throw new UsageError('Indiquez le numéro du point avec --point N.');
    }
    const annexe = Number(values.annexe);
    const { seance } = await loadForRendering(file, io.cwd);
    const refs = listDocuments(seance).filter(
      (r) => r.kind === kind && (SEANCE_WIDE.includes(kind) || r.point === point),
    );
    const ref = kind === 'convention' ? refs[annexe - 1] : refs[0];
    if (!ref) {
      const why = SEANCE_WIDE.includes(kind) ? kindSpec(kind as DocumentKind).absent?.(seance) : undefined;
      throw new UsageError(
        why !== undefined
          ? `La séance n’a pas de document « ${kind} » : ${why}.`
          : kind === 'convention'
            ? `Le point ${point} n’a pas de convention n° ${annexe}.`
            : `Le point ${point} n’existe pas ou n’a pas de document « ${kind} ».`,
      );
    }
    const env = templateEnv(
      typeof values.templates === 'string' ? { templatesDir: inCwd(io, values.templates) } : {},
    );
    if (values.markdown === true) io.stdout(documentMarkdown(seance, ref, env));
    else {
      const tree = composeDocument(seance, ref, { env, hyphenate: values.cesures === true });
      io.stdout(`${JSON.stringify(tree, null, 2)}\n`);
    }
    return EXIT.ok;
  },
};
