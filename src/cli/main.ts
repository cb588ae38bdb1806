/**
 * Entry point of the `delib` command line: parses arguments, dispatches to a command, and turns
 * every outcome into an exit code. The only code that knows about exit codes and stack traces.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DiagnosticError } from '../diagnostics.ts';
import { editDistance } from '../validate/suggest.ts';
import { type Command, EXIT, InterruptedError, UsageError } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import { commandHelp, generalHelp } from './help.ts';
import { type CliIo, processIo, useColour } from './io.ts';
import { formatReport, REPORTERS, type Reporter, relativeTo } from './reporters/reporter.ts';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

function parseUsageError(error: unknown): UsageError | undefined {
  if (error instanceof UsageError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')) {
    const message = (error as Error).message;
    const option = /'([^']+)'/.exec(message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
      return new UsageError(`Option inconnue « ${option ?? message} ».`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      return new UsageError(`Valeur manquante ou incorrecte pour l’option « ${option ?? message} ».`);
    }
    return new UsageError(`Argument incorrect : ${message}`);
  }
  return undefined;
}

async function runCommand(command: Command, args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { ...command.options, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    io.stdout(commandHelp(command));
    return EXIT.ok;
  }
  return command.run({ values, positionals, io });
}

/** « buidl » → « build », « valider » → « validate »: a swap, a slip or a French ending. */
export function suggestCommand(word: string): string | undefined {
  const names = COMMANDS.map((c) => c.name);
  const scored = names
    .map((name) => ({ name, distance: editDistance(word, name) }))
    .filter(({ name, distance }) => distance <= 2 || (word.length >= 4 && name.startsWith(word.slice(0, 5))))
    .sort((a, b) => a.distance - b.distance);
  return scored[0]?.name;
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'aide' || first === 'help') {
    if (first === undefined) {
      io.stderr(generalHelp(COMMANDS));
      return EXIT.usage;
    }
    io.stdout(generalHelp(COMMANDS));
    return EXIT.ok;
  }
  if (first === '-v' || first === '--version') {
    io.stdout(`delib ${version()}\n`);
    return EXIT.ok;
  }
  const entry = COMMANDS.find((c) => c.name === first);
  if (!entry) {
    const guess = suggestCommand(first);
    throw new UsageError(
      first.startsWith('-')
        ? `Option inconnue « ${first} » : indiquez d’abord une commande.`
        : `Commande inconnue « ${first} ».${guess ? ` Vouliez-vous dire « delib ${guess} » ?` : ''}`,
    );
  }
  return runCommand(await entry.load(), rest, io);
}

/** Where and how a failing command's diagnostics are printed: its `--reporter`, its files. */
interface FailureContext {
  readonly reporter: Reporter;
  readonly files: readonly string[];
  /** `validate` prints its report on stdout; every other command keeps stdout for results. */
  readonly stream: 'stdout' | 'stderr';
}

/** Reads back the failing command's reporter and files from its own options (never throws). */
async function failureContext(argv: readonly string[]): Promise<FailureContext> {
  const fallback: FailureContext = { reporter: 'text', files: [], stream: 'stderr' };
  const [name, ...rest] = argv;
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) return fallback;
  try {
    const command = await entry.load();
    const { values, positionals } = parseArgs({
      args: [...rest],
      options: command.options,
      allowPositionals: true,
      strict: false,
    });
    const reporter = REPORTERS.find((r) => r === values.reporter) ?? 'text';
    const files = positionals.filter((p) => /\.ya?ml$/i.test(p));
    return {
      reporter,
      files: files.length > 0 ? files : positionals,
      stream: name === 'validate' ? 'stdout' : 'stderr',
    };
  } catch {
    return fallback;
  }
}

/**
 * The one mapping from a failure to an exit code: 2 bad command line, 1 invalid input (a
 * DiagnosticError), 130 / 143 stopped by SIGINT / SIGTERM, 3 anything else (a bug of delib).
 */
export function exitCodeOf(error: unknown): number {
  if (parseUsageError(error)) return EXIT.usage;
  if (error instanceof DiagnosticError) return EXIT.invalid;
  if (error instanceof InterruptedError) return error.signal === 'SIGTERM' ? EXIT.sigterm : EXIT.sigint;
  return EXIT.bug;
}

/** Tells the user what went wrong, the one place failures are printed; returns the exit code. */
async function reportFailure(error: unknown, argv: readonly string[], io: CliIo): Promise<number> {
  const code = exitCodeOf(error);
  const usage = parseUsageError(error);
  if (usage) {
    io.stderr(`delib : ${usage.message}\nAide : delib --help, ou delib COMMANDE --help.\n`);
  } else if (error instanceof DiagnosticError) {
    const context = await failureContext(argv);
    const out = context.stream === 'stdout' ? io.stdout : io.stderr;
    const { sources } = error;
    const diagnostics = relativeTo(io.cwd, error.diagnostics);
    const files = context.files.length > 0 ? context.files : [...new Set(diagnostics.map((d) => d.file))];
    out(formatReport(context.reporter, files, diagnostics, { colour: useColour(io), sources }));
  } else if (error instanceof InterruptedError) {
    io.stderr(`\n${error.message}\n`);
  } else {
    const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(
      `Erreur interne de delib (bogue) : ce n’est pas une erreur dans vos fichiers.\nMerci de la signaler avec le message ci-dessous et le fichier en cause.\n\n${stack}\n`,
    );
  }
  return code;
}

/**
 * Runs `delib` with `argv` (without `node` and the script) and returns the exit code:
 * 0 success, 1 invalid input, 2 bad command line, 3 bug of delib, 130 / 143 interrupted.
 *
 * @example
 * process.exitCode = await main(process.argv.slice(2));
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    return reportFailure(error, argv, io);
  }
}
