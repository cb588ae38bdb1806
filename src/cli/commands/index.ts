/**
 * The command registry: adding a command is one line here. Each command's module is imported only
 * when that command runs (or for `delib --help`), so `delib validate` does not load pdfkit or docx.
 */
import type { Command } from '../command.ts';

/** A registered command: its name, and how to load its module. */
export interface CommandEntry {
  readonly name: string;
  readonly load: () => Promise<Command>;
}

/**
 * Every command of `delib`, in the order of `delib --help`.
 *
 * @example
 * const build = await COMMANDS.find((c) => c.name === 'build')?.load();
 */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'build', load: async () => (await import('./build.ts')).buildCommand },
  { name: 'validate', load: async () => (await import('./validate.ts')).validateCommand },
  { name: 'tree', load: async () => (await import('./tree.ts')).treeCommand },
  { name: 'init', load: async () => (await import('./init.ts')).initCommand },
  { name: 'export', load: async () => (await import('./export.ts')).exportCommand },
  { name: 'templates', load: async () => (await import('./templates.ts')).templatesCommand },
  { name: 'schema', load: async () => (await import('./schema.ts')).schemaCommand },
  { name: 'sign', load: async () => (await import('./sign.ts')).signCommand },
  { name: 'verify', load: async () => (await import('./verify.ts')).verifyCommand },
];

/**
 * Loads every command (for `delib --help`, which lists their summaries).
 *
 * @example
 * io.stdout(generalHelp(await loadAllCommands()));
 */
export function loadAllCommands(): Promise<Command[]> {
  return Promise.all(COMMANDS.map((entry) => entry.load()));
}
