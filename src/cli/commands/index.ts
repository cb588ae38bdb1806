/**
 * The command registry: adding a command is one line here. Each command's module is imported only
 * when that command runs, so `delib validate` does not load pdfkit or docx, and `delib --help`
 * loads none (the summaries are here; test/cli.test.ts checks they match the commands').
 */
import type { Command } from '../command.ts';

/** A registered command: its name and summary (for `delib --help`), and how to load its module. */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  readonly load: () => Promise<Command>;
}

/**
 * Every command of `delib`, in the order of `delib --help`.
 *
 * @example
 * const build = await COMMANDS.find((c) => c.name === 'build')?.load();
 */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'build',
    summary: 'Produit tous les documents d’une séance (PDF, DOCX, dossier, manifeste)',
    load: async () => (await import('./build.ts')).buildCommand,
  },
  {
    name: 'validate',
    summary: 'Vérifie des fichiers de séance et signale chaque problème',
    load: async () => (await import('./validate.ts')).validateCommand,
  },
  {
    name: 'tree',
    summary: 'Affiche l’arbre d’un document (JSON) ou le Markdown produit par son modèle',
    load: async () => (await import('./tree.ts')).treeCommand,
  },
  {
    name: 'apercu',
    summary: 'Ouvre un aperçu en direct dans le navigateur : problèmes, documents et éditeur',
    load: async () => (await import('./apercu.ts')).apercuCommand,
  },
  {
    name: 'init',
    summary: 'Écrit un modèle de séance commenté pour commencer',
    load: async () => (await import('./init.ts')).initCommand,
  },
  {
    name: 'export',
    summary: 'Exporte les délibérations au format open data SCDL (export scdl)',
    load: async () => (await import('./export.ts')).exportCommand,
  },
  {
    name: 'templates',
    summary: 'Copie les modèles par défaut pour les adapter (templates export DOSSIER)',
    load: async () => (await import('./templates.ts')).templatesCommand,
  },
  {
    name: 'schema',
    summary: 'Affiche le schéma JSON des fichiers de séance',
    load: async () => (await import('./schema.ts')).schemaCommand,
  },
  {
    name: 'sign',
    summary: 'Signe électroniquement un PDF produit par delib (PAdES, certificat PKCS#12)',
    load: async () => (await import('./sign.ts')).signCommand,
  },
  {
    name: 'verify',
    summary: 'Vérifie les signatures électroniques d’un PDF',
    load: async () => (await import('./verify.ts')).verifyCommand,
  },
];
