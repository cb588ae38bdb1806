/**
 * The outside world as the CLI sees it: output streams, terminal, environment. Injected so that
 * tests run `main` in-process and capture what it prints.
 */

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** True when stdout is a terminal (colours allowed unless NO_COLOR is set). */
  readonly isTTY: boolean;
  /** True when stderr is a terminal (progress bars); false when absent. */
  readonly stderrIsTTY?: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

let pipeGuard = false;

/**
 * The real process streams.
 *
 * @example
 * await main(['validate', 'seance.yaml'], processIo());
 */
export function processIo(): CliIo {
  // A reader that goes away (`delib validate … | head -1`) is not an error: stop quietly.
  if (!pipeGuard) {
    pipeGuard = true;
    for (const stream of [process.stdout, process.stderr]) {
      stream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
        throw error;
      });
    }
  }
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
  };
}

/** Colours are used only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function useColour(io: CliIo): boolean {
  const noColour = io.env.NO_COLOR;
  return io.isTTY && (noColour === undefined || noColour === '');
}
