/**
 * The shape of a `delib` command: each lives in its own file under commands/ and is registered
 * with one line in commands/index.ts.
 */
import type { ParseArgsConfig } from 'node:util';
import type { CliIo } from './io.ts';

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** Parsed command line handed to a command. */
export interface CommandInput {
  readonly values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
  readonly positionals: readonly string[];
  readonly io: CliIo;
}

/**
 * A command of the CLI.
 *
 * @example
 * export const helloCommand: Command = {
 *   name: 'bonjour', summary: 'Dit bonjour', usage: 'delib bonjour', help: '', options: {},
 *   run: async ({ io }) => { io.stdout('Bonjour\n'); return 0; },
 * };
 */
export interface Command {
  readonly name: string;
  /** One line, in French, for `delib --help`. */
  readonly summary: string;
  /** Usage line, e.g. `delib validate [options] FICHIER…`. */
  readonly usage: string;
  /** Description of the options and examples, in French, for `delib <cmd> --help`. */
  readonly help: string;
  readonly options: OptionsConfig;
  /** Returns the exit code: 0 success, 1 invalid input, 2 bad command line. */
  readonly run: (input: CommandInput) => Promise<number>;
}

/** A command-line mistake: printed with a pointer to the help, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * A command stopped by a signal (Ctrl-C, `kill`): `main` prints its French message and exits
 * 130 (SIGINT) or 143 (SIGTERM).
 */
export class InterruptedError extends Error {
  readonly signal: NodeJS.Signals;
  constructor(signal: NodeJS.Signals, message: string) {
    super(message);
    this.name = 'InterruptedError';
    this.signal = signal;
  }
}

/** Exit codes of `delib`. */
export const EXIT = { ok: 0, invalid: 1, usage: 2, bug: 3, sigint: 130, sigterm: 143 } as const;
