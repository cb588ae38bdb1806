/**
 * The outside world as the CLI sees it: output streams, terminal, environment, working directory,
 * standard input and interrupt signals. Injected so that tests run `main` in-process, several
 * runs in one process, each with its own folder and environment, without touching the process's
 * own state (cwd, env, signal handlers, exit code).
 */
import { resolve } from 'node:path';
import { isatty } from 'node:tty';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** True when stdout is a terminal (colours allowed unless NO_COLOR is set). */
  readonly isTTY: boolean;
  /** True when stderr is a terminal (progress bars); false when absent. */
  readonly stderrIsTTY?: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Working directory: every relative path of the command line is resolved against it. */
  readonly cwd: string;
  /** Standard input when it is a terminal (password prompt); absent otherwise. */
  readonly terminalInput?: NodeJS.ReadableStream;
  /**
   * Calls `handler` on an interrupt (SIGINT, SIGTERM) until the returned function is called;
   * absent: nothing interrupts the run.
   */
  readonly onInterrupt?: (handler: (signal: string) => void) => () => void;
}

/**
 * A path of the command line, resolved against the run's working directory.
 *
 * @example
 * await readFile(inCwd(io, 'seance.yaml'));
 */
export function inCwd(io: Pick<CliIo, 'cwd'>, path: string): string {
  return resolve(io.cwd, path);
}

const guarded = new Set<NodeJS.WriteStream>();

/**
 * A standard stream, taken when first written to. A reader that goes away (`delib validate … |
 * head -1`) is not an error: stop quietly. Node makes a pipe non-blocking when it opens it as a
 * stream, and `process.execve` (the start-up snapshot's hand-over, src/cli/snapshot-entry.ts)
 * keeps that mode for the next program, which then takes it for the pipe's own and leaves it so
 * at exit: whoever writes to the same pipe after delib (`/usr/bin/time`, a shell's `echo` in
 * `{ delib build …; echo fait; } | tee journal`) gets EAGAIN. So nothing opens them before a
 * write: not asking whether they are terminals (`isatty` asks the descriptor).
 */
function standard(name: 'stdout' | 'stderr'): NodeJS.WriteStream {
  const stream = process[name];
  if (!guarded.has(stream)) {
    guarded.add(stream);
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
      throw error;
    });
  }
  return stream;
}

/**
 * The real process streams.
 *
 * @example
 * await main(['validate', 'seance.yaml'], processIo());
 */
export function processIo(): CliIo {
  return {
    stdout: (text) => standard('stdout').write(text),
    stderr: (text) => standard('stderr').write(text),
    isTTY: isatty(1),
    stderrIsTTY: isatty(2),
    env: process.env,
    cwd: process.cwd(),
    ...(isatty(0) ? { terminalInput: process.stdin } : {}),
    onInterrupt: (handler) => {
      process.once('SIGINT', handler);
      process.once('SIGTERM', handler);
      return () => {
        process.removeListener('SIGINT', handler);
        process.removeListener('SIGTERM', handler);
      };
    },
  };
}

/** Colours are used only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function useColour(io: CliIo): boolean {
  const noColour = io.env.NO_COLOR;
  return io.isTTY && (noColour === undefined || noColour === '');
}
