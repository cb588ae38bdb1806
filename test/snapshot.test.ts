// The start-up snapshot of `delib build` (bin/snapshot.js), as a user meets it: a first build runs
// without it and then makes it in a detached process, in the user's cache folder (a private one
// here); the next build becomes a process started from it (seen in /proc: same pid, node's
// `--snapshot-blob` on its command line) and writes the same bytes in every file; an invalid séance
// is reported the same way. Only where node has `process.execve` (Node ≥ 22.15, 24): elsewhere
// delib never makes one. Run it with each supported line's node (Node 20 skips it).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSeance } from '../bench/generate.ts';
import { BIG_BUILD_NODE_FLAGS } from '../src/bundle/heap-growth.ts';
import { BIN, ROOT, runDelib } from './support/cli.ts';
import { hashes } from './support/faults.ts';

const hasExecve = typeof (process as { execve?: unknown }).execve === 'function';
const SEANCE = join(ROOT, 'fixtures/sceaux-2023-03-23.yaml');
/** The command line of the process a threaded build is handed over to: node, its heap flags, the CLI. */
const HANDED_OVER = new RegExp(`^\\S+ ${BIG_BUILD_NODE_FLAGS.join(' ')} ${BIN} build `);

interface Run {
  readonly code: number | null;
  readonly stderr: string;
  /** The process's successive command lines while it ran (/proc/PID/cmdline, polled). */
  readonly commandLines: readonly string[];
}

describe.skipIf(!hasExecve || !existsSync('/proc/self/cmdline'))(
  'the start-up snapshot of delib build',
  () => {
    const folder = mkdtempSync(join(tmpdir(), 'delib-snapshot-test-'));
    const cache = join(folder, 'cache');
    const snapshots = join(cache, 'delib', 'snapshot');
    afterAll(() => rmSync(folder, { recursive: true, force: true }));

    /** A user's environment, with the private cache and the snapshot on (outside CI). */
    const childEnv = (env: Readonly<Record<string, string>>) => ({
      ...process.env,
      NO_COLOR: '1',
      DELIB_DIST: '1',
      DELIB_NO_SNAPSHOT: '',
      CI: '',
      XDG_CACHE_HOME: cache,
      SOURCE_DATE_EPOCH: '1700000000',
      ...env,
    });

    /**
     * `delib build ARGS` as a user starts it. With `signalWhen`, SIGTERM is sent once the process's
     * command line passes it and the new bundle is being written (its temporary folder is beside
     * `out`); the run then says whether it was sent.
     */
    function build(
      args: readonly string[],
      env: Readonly<Record<string, string>> = {},
      signalWhen?: { readonly out: string; readonly commandLine: (line: string) => boolean },
    ): Promise<Run & { readonly signalled: boolean }> {
      return new Promise((done) => {
        const child = spawn(process.execPath, [BIN, 'build', ...args], {
          cwd: ROOT,
          env: childEnv(env),
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        const commandLines: string[] = [];
        let signalled = false;
        const poll = setInterval(() => {
          try {
            const line = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').split('\0').join(' ');
            if (line !== '' && line !== commandLines.at(-1)) commandLines.push(line);
          } catch {
            // Ended between two polls.
          }
          if (signalWhen === undefined || signalled) return;
          const last = commandLines.at(-1);
          const temporary = `.${basename(signalWhen.out)}.delib-tmp-`;
          const writing = readdirSync(dirname(signalWhen.out)).some((f) => f.startsWith(temporary));
          if (last !== undefined && signalWhen.commandLine(last) && writing) {
            signalled = true;
            child.kill('SIGTERM');
          }
        }, 5);
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
        });
        child.on('close', (code) => {
          clearInterval(poll);
          done({ code, stderr, commandLines, signalled });
        });
      });
    }

    const files = (dir: string) => readdirSync(dir).sort();
    const fromSnapshot = (run: Run) => run.commandLines.some((line) => line.includes('--snapshot-blob'));

    async function settled(): Promise<string[]> {
      for (let waited = 0; waited < 170_000; waited += 250) {
        const names = existsSync(snapshots) ? readdirSync(snapshots) : [];
        if (names.some((n) => n.endsWith('.size') || n.endsWith('.failed'))) return names;
        await new Promise((wait) => setTimeout(wait, 250));
      }
      throw new Error('aucun instantané fait en 170 s');
    }

    it('is made after a first build, then builds the same bytes in every file', async () => {
      const first = await build([SEANCE, '-o', join(folder, 'first'), '--quiet']);
      expect(first).toMatchObject({ code: 0, stderr: '' });
      expect(fromSnapshot(first)).toBe(false);
      const names = await settled();
      expect(names.filter((n) => n.endsWith('.lock') || /\.\d+$/.test(n))).toEqual([]);
      const failed = names.find((n) => n.endsWith('.failed'));
      expect(failed && readFileSync(join(snapshots, failed), 'utf8')).toBeUndefined();
      expect(names.filter((n) => n.endsWith('.blob'))).toHaveLength(1);

      const second = await build([SEANCE, '-o', join(folder, 'second'), '--quiet']);
      expect(second).toMatchObject({ code: 0, stderr: '' });
      expect(fromSnapshot(second)).toBe(true);
      expect(files(join(folder, 'second'))).toEqual(files(join(folder, 'first')));
      for (const name of files(join(folder, 'first'))) {
        const same = readFileSync(join(folder, 'second', name)).equals(
          readFileSync(join(folder, 'first', name)),
        );
        expect(same, name).toBe(true);
      }
      // Nothing else was written: no second snapshot, no leftover.
      expect(readdirSync(snapshots).sort()).toEqual(names.sort());
    });

    it('hands a séance rendered on two threads over to a process without it: same bytes', async () => {
      const run = await build([SEANCE, '-o', join(folder, 'threads'), '--quiet', '--jobs', '2'], {
        DELIB_PARALLEL_FROM: '1',
      });
      expect(run).toMatchObject({ code: 0, stderr: '' });
      // Started from the snapshot, then replaced (same pid) by `node --max-semi-space-size=8 bin/delib.js build …`.
      expect(fromSnapshot(run)).toBe(true);
      expect(run.commandLines.at(-1)).toMatch(HANDED_OVER);
      for (const name of files(join(folder, 'first'))) {
        const same = readFileSync(join(folder, 'threads', name)).equals(
          readFileSync(join(folder, 'first', name)),
        );
        expect(same, name).toBe(true);
      }
    });

    it('leaves the pipes it shares blocking after a hand-over: the next writer gets no EAGAIN', async () => {
      // Node makes a pipe non-blocking when it opens it as a stream; `process.execve` keeps that
      // mode, and the process it starts took it for the pipe's own and left it so at exit. The
      // shell runs the handed-over build, then a node that writes 1 MiB to the same stderr pipe
      // with writeSync, which this test reads only 300 ms later: on a non-blocking pipe the write
      // fails at once (EAGAIN, exit 1), as /usr/bin/time's report did after such a build.
      const writer = `const fs = require('node:fs'); fs.writeSync(1, 'go\\n'); const b = Buffer.alloc(1 << 20, 46);
        for (let at = 0; at < b.length; ) at += fs.writeSync(2, b, at, b.length - at);`;
      const child = spawn(
        'sh',
        [
          '-c',
          '"$0" "$@" && exec "$0" -e "$WRITER"',
          process.execPath,
          BIN,
          'build',
          SEANCE,
          '-o',
          join(folder, 'shared'),
          '--jobs',
          '2',
        ],
        {
          cwd: ROOT,
          env: childEnv({ DELIB_PARALLEL_FROM: '1', WRITER: writer }),
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stderr = '';
      const read = () =>
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
        });
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('go')) setTimeout(read, 300);
      });
      const code = await new Promise((done) => child.on('close', done));
      if (stderr === '') read();
      expect(code).toBe(0);
      const dots = 1 << 20;
      expect(stderr.slice(0, -dots)).toMatch(
        /^\d+ fichiers, \d+ pages PDF, écrits dans .* en [\d,]+\ss\.\n$/,
      );
      expect(stderr.slice(-dots)).toBe('.'.repeat(dots));
    });

    /**
     * SIGTERM to a build started from the snapshot, while it writes over a previous bundle: it
     * stops as any build does (exit 143, the French message, no stack), the previous bundle
     * intact, no temporary folder left.
     */
    async function interrupted(
      name: string,
      args: readonly string[],
      env: Readonly<Record<string, string>>,
      commandLine: (line: string) => boolean,
    ): Promise<Run> {
      const out = join(folder, name);
      const previous = await build([SEANCE, '-o', out, '--quiet']);
      expect(previous).toMatchObject({ code: 0, stderr: '' });
      const before = hashes(out);
      const run = await build(['-o', out, '--quiet', ...args], env, { out, commandLine });
      expect(run.signalled, run.commandLines.join(' | ')).toBe(true);
      expect(fromSnapshot(run)).toBe(true);
      expect(run.code).toBe(143);
      expect(run.stderr).toContain('Construction interrompue : le dossier précédent est intact.');
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(hashes(out)).toEqual(before);
      expect(readdirSync(folder).filter((f) => f.startsWith(`.${name}`))).toEqual([]);
      return run;
    }

    it('stops a build running in the snapshot on SIGTERM, the previous bundle intact', async () => {
      // Thirty points on one thread: judged small, rendered by the process started from the snapshot.
      const seance = join(folder, 'trente.yaml');
      writeFileSync(seance, generateSeance(30));
      const run = await interrupted('signal-here', [seance, '--jobs', '1'], {}, (line) =>
        line.includes('--snapshot-blob'),
      );
      expect(run.commandLines.every((line) => !HANDED_OVER.test(line))).toBe(true);
    });

    it('stops a build the snapshot handed over on SIGTERM, the previous bundle intact', async () => {
      // Ten points judged big (DELIB_PARALLEL_FROM=10): handed over to a process without the
      // snapshot (same pid), which the signal reaches.
      const seance = join(folder, 'dix.yaml');
      writeFileSync(seance, generateSeance(10));
      await interrupted('signal-over', [seance, '--jobs', '2'], { DELIB_PARALLEL_FROM: '10' }, (line) =>
        HANDED_OVER.test(line),
      );
    });

    it('hands a big séance file over before loading it: an invalid one is reported without the snapshot', async () => {
      const big = join(folder, 'big.yaml');
      const out = join(folder, 'big-out');
      // Over WARM_UP_BYTES (64 KiB): likely 40 documents or more, so judged from its size alone.
      const text = readFileSync(SEANCE, 'utf8').replace('  date: 2023-03-23', '  date: 2023-02-30');
      await import('node:fs/promises').then(({ writeFile }) =>
        writeFile(big, `${text}\n${'# remplissage\n'.repeat(6000)}`),
      );
      const [spawned, inProcess] = await Promise.all([
        build([big, '-o', out, '--jobs', '2']),
        runDelib(['build', big, '-o', join(folder, 'big-in'), '--jobs', '2']),
      ]);
      expect(fromSnapshot(spawned)).toBe(true);
      // The séance was not loaded from the snapshot (it would have been reported there, exit 1).
      expect(spawned.commandLines.at(-1)).toMatch(HANDED_OVER);
      expect(spawned.code).toBe(1);
      expect(spawned.stderr).toBe(inProcess.stderr.replaceAll(join(folder, 'big-in'), out));
      expect(existsSync(out)).toBe(false);
    });

    it('starts a big build without the snapshot with the same heap flags', async () => {
      const big = join(folder, 'big-without.yaml');
      const text = readFileSync(SEANCE, 'utf8').replace('  date: 2023-03-23', '  date: 2023-02-30');
      await import('node:fs/promises').then(({ writeFile }) =>
        writeFile(big, `${text}\n${'# remplissage\n'.repeat(6000)}`),
      );
      // Every node with process.execve (Node 22.15+, 24) re-executes a big build with the flags.
      const needsFlags = true;
      const [off, ci, oneThread] = await Promise.all([
        build(['-o', join(folder, 'without-out'), big, '--jobs=2'], { DELIB_NO_SNAPSHOT: '1' }),
        build([big, '-o', join(folder, 'ci-out')], { CI: 'true' }),
        build([big, '-j', '1', '-o', join(folder, 'one-out')], { DELIB_NO_SNAPSHOT: '1' }),
      ]);
      for (const run of [off, ci, oneThread]) {
        // Re-executed before loading the séance (same pid): its report and exit code are the CLI's.
        expect(run.code).toBe(1);
        expect(run.stderr).toContain('2023-02-30');
        expect(fromSnapshot(run)).toBe(false);
      }
      expect(off.commandLines.at(-1)).toMatch(needsFlags ? HANDED_OVER : /^\S+ \S+bin\/delib\.js build /);
      expect(ci.commandLines.at(-1)).toMatch(needsFlags ? HANDED_OVER : /^\S+ \S+bin\/delib\.js build /);
      // One thread: judged small, as the hand-over judges it.
      expect(oneThread.commandLines).toEqual([expect.stringMatching(/^\S+ \S+bin\/delib\.js build /)]);
      expect(existsSync(join(folder, 'without-out'))).toBe(false);
    });

    it('reports an invalid séance as the CLI does, exit 1, nothing written', async () => {
      const bad = join(folder, 'bad.yaml');
      const out = join(folder, 'bad-out');
      const text = readFileSync(SEANCE, 'utf8').replace('  date: 2023-03-23', '  date: 2023-02-30');
      await import('node:fs/promises').then(({ writeFile }) => writeFile(bad, text));
      const [spawned, inProcess] = await Promise.all([
        build([bad, '-o', out]),
        runDelib(['build', bad, '-o', join(folder, 'bad-in')]),
      ]);
      expect(spawned.code).toBe(1);
      expect(spawned.stderr).toBe(inProcess.stderr.replaceAll(join(folder, 'bad-in'), out));
      expect(existsSync(out)).toBe(false);
    });
  },
);
