#!/usr/bin/env node
// `npm test`: the checks (`npm run check`: TypeScript 7's native tsc, Biome) run beside the unit
// suite rather than before it, filling the gaps of vitest's two workers. TypeScript 5.9's tsc took
// ≈ 20 s of wall time and 30 s of CPU here for the same check (TypeScript 7: 3.4 s and 5.7 s, the
// same diagnostics); 5.9 stays for its JavaScript API, which writes the package's declarations
// (bin/declarations.js) and compiles a consumer (test/package-types.test.ts). The checks' output is
// printed after the suite's; the exit status is non-zero when either failed. Arguments go to
// vitest (`npm test -- test/x.test.ts`).
import { spawn } from 'node:child_process';

/** Runs a command; resolves with its exit status and, when `capture`, its output. */
function run(command, args, capture) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      // npm and npx are .cmd scripts on Windows, which only a shell starts.
      shell: process.platform === 'win32',
    });
    let output = '';
    if (capture) {
      child.stdout.on('data', (chunk) => {
        output += chunk;
      });
      child.stderr.on('data', (chunk) => {
        output += chunk;
      });
    }
    child.on('error', (error) => resolve({ status: 1, output: `${output}${error.message}\n` }));
    child.on('close', (code) => resolve({ status: code ?? 1, output }));
  });
}

const [check, suite] = await Promise.all([
  run('npm', ['run', '--silent', 'check'], true),
  run('npx', ['vitest', 'run', '--project', 'unit', ...process.argv.slice(2)], false),
]);
process.stdout.write(check.output);
console.log(
  check.status === 0
    ? 'Vérifications (tsc, Biome) : aucune erreur.'
    : `Vérifications (tsc, Biome) en échec (code ${check.status}).`,
);
process.exitCode = check.status !== 0 ? check.status : suite.status;
