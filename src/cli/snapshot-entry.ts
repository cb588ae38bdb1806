/**
 * Entry of the V8 start-up snapshot of `delib build` (dist/bin/snapshot.cjs, bundled as one
 * CommonJS script by bin/build-dist.js; made and used by bin/snapshot.js). Run by
 * `node --build-snapshot`, it loads the whole CLI, then builds the packaged example séance once
 * into a temporary folder, so that the snapshot holds the modules, the parsed fonts, the compiled
 * templates and validator, and the bytecode of every function a build runs. A process started from
 * the snapshot runs `main` on its arguments.
 */
import './snapshot-decoders.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import Handlebars from 'handlebars';
import { BIG_BUILD_NODE_FLAGS } from '../bundle/heap-growth.ts';
import { setWorkerEntry } from '../bundle/worker-entry.ts';
import type { CliIo } from './io.ts';
import { main } from './main.ts';
import { setThreadsHandOver } from './threads-hand-over.ts';

setWorkerEntry(new URL('./worker.js', import.meta.url));

const EXAMPLE = fileURLToPath(new URL('../../fixtures/modele-seance.yaml', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/delib.js', import.meta.url));

/** Builds the example séance with an io of its own (the snapshot must not hold the process's streams). */
async function warmUp(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'delib-snapshot-'));
  try {
    let errors = '';
    const io: CliIo = {
      stdout: () => {},
      stderr: (text) => {
        errors += text;
      },
      isTTY: false,
      env: { SOURCE_DATE_EPOCH: '0' },
      cwd: folder,
    };
    const code = await main(['build', EXAMPLE, '-o', join(folder, 'out'), '--quiet', '--jobs', '1'], io);
    if (code !== 0) throw new Error(`delib : l’exemple n’a pas pu être construit (code ${code}).\n${errors}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (v8.startupSnapshot?.isBuildingSnapshot()) {
  // Node 22's builder aborts (std::length_error in V8's serializer) on an Error whose stack was
  // captured but never read; Node 24's does not. Handlebars makes one when it loads
  // (`Exception.prototype = new Error()`): reading its stack leaves a plain string instead.
  void Handlebars.Exception.prototype.stack;
  v8.startupSnapshot.setDeserializeMainFunction(async () => {
    // `node --snapshot-blob FILE build …`: the arguments follow node's own.
    const args = process.argv.slice(1);
    // A séance rendered on several threads: the same command without the snapshot (no worker can
    // start from it, see threads-hand-over.ts), its main thread's young generation bounded as it
    // can only be at the start (heap-growth.ts). Nothing has been written yet.
    const execve = (process as { execve?: (file: string, args: string[], env: NodeJS.ProcessEnv) => void })
      .execve;
    setThreadsHandOver(() =>
      execve?.(process.execPath, [process.execPath, ...BIG_BUILD_NODE_FLAGS, BIN, ...args], {
        ...process.env,
        DELIB_NO_SNAPSHOT: '1',
      }),
    );
    process.exitCode = await main(args);
  });
  warmUp().catch((error: unknown) => {
    // No snapshot is written: bin/snapshot.js then remembers the failure and runs without one.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
