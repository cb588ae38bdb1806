// SIGTERM on a big build that bin/delib.js re-executed with BIG_BUILD_FLAGS (reexecIfBig:
// `process.execve`, same pid). The process that receives the signal is the new
// image, whose handlers are the CLI's own: it must still stop as any build does, exit 143 with the
// French message, the previous bundle intact, no temporary folder left. Needs a node with
// `process.execve` (Node 22.15+, 24): the one running the tests, or the one DELIB_TEST_NODE24
// names (`DELIB_TEST_NODE24=/path/to/node24 npx vitest run test/big-build-signal.test.ts` from a
// Node 20 or 22); skipped otherwise, and where there is no /proc to see the re-execution in.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSeance } from '../bench/generate.ts';
import { BIG_BUILD_NODE_FLAGS } from '../src/bundle/heap-growth.ts';
import { BIN, ROOT } from './support/cli.ts';
import { hashes } from './support/faults.ts';

/** Whether `node` re-executes a big build: it has `process.execve`. */
function reexecutes(node: string): boolean {
  try {
    const script = "typeof process.execve === 'function'";
    return execFileSync(node, ['-p', script], { encoding: 'utf8' }).trim() === 'true';
  } catch {
    return false;
  }
}

const NODE = [process.execPath, process.env.DELIB_TEST_NODE24].find(
  (node): node is string => node !== undefined && node !== '' && reexecutes(node),
);
const FLAGS = BIG_BUILD_NODE_FLAGS.join(' ');
/** Ten points (≈ 25 KB) judged big with DELIB_PARALLEL_FROM=10 (WARM_UP_BYTES becomes 16 KiB). */
const POINTS = 10;
const PARALLEL_FROM = '10';

interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

describe.skipIf(NODE === undefined || !existsSync('/proc/self/cmdline'))(
  'a signal to a big build re-executed with its heap flags',
  () => {
    const work = mkdtempSync(join(tmpdir(), 'delib-big-signal-'));
    afterAll(() => rmSync(work, { recursive: true, force: true }));

    /** `delib build ARGS` started with NODE, dist/ forced, no snapshot. */
    function build(args: readonly string[], env: Readonly<Record<string, string>> = {}) {
      const child = spawn(NODE!, [BIN, 'build', ...args], {
        cwd: ROOT,
        env: { ...process.env, NO_COLOR: '1', DELIB_DIST: '1', DELIB_NO_SNAPSHOT: '1', ...env },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      const exited = new Promise<Exit>((done) =>
        child.on('close', (code, signal) => done({ code, signal, stderr })),
      );
      return { child, exited };
    }

    it('stops on SIGTERM with exit 143 and the French message, the previous bundle intact', async () => {
      const out = join(work, 'seance');
      const previous = await build([join(ROOT, 'fixtures/sceaux-2023-03-23.yaml'), '-o', out, '-q']).exited;
      expect(previous).toEqual({ code: 0, signal: null, stderr: '' });
      const before = hashes(out);
      const big = join(work, 'grande.yaml');
      writeFileSync(big, generateSeance(POINTS));

      const { child, exited } = build([big, '-o', out, '-q'], { DELIB_PARALLEL_FROM: PARALLEL_FROM });
      let ended = false;
      void exited.then(() => {
        ended = true;
      });
      // Sent once the process is the re-executed one (its command line carries the flags) and
      // writes the new bundle (its temporary folder beside the output): the CLI listens by then.
      const commandLines: string[] = [];
      const started = Date.now();
      await new Promise<void>((done, fail) => {
        const poll = setInterval(() => {
          try {
            const line = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8')
              .replace(/\0$/, '')
              .replaceAll('\0', ' ');
            if (line !== '' && line !== commandLines.at(-1)) commandLines.push(line);
          } catch {
            // Ended between two polls: reported below.
          }
          const writing = readdirSync(work).some((f) => f.startsWith('.seance.delib-tmp-'));
          if (commandLines.at(-1)?.includes(FLAGS) && writing) {
            clearInterval(poll);
            child.kill('SIGTERM');
            done();
          } else if (ended || Date.now() - started > 60_000) {
            clearInterval(poll);
            child.kill('SIGKILL');
            fail(new Error(`pas de signal envoyé (fini : ${ended}) : ${commandLines.join(' | ')}`));
          }
        }, 5);
      });
      const { code, signal, stderr } = await exited;

      // Re-executed in place: node, the flags, then the same command.
      expect(commandLines.at(-1)).toBe(`${NODE} ${FLAGS} ${BIN} build ${big} -o ${out} -q`);
      expect({ code, signal }).toEqual({ code: 143, signal: null });
      expect(stderr).toContain('Construction interrompue : le dossier précédent est intact.');
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(hashes(out)).toEqual(before);
      expect(readdirSync(work).filter((f) => f.startsWith('.seance'))).toEqual([]);
    });
  },
);
