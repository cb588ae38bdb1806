#!/usr/bin/env node
// Runs a TypeScript script of the repository (scripts/, bench/) through tsx's loader.
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const [script, ...rest] = process.argv.slice(2);
if (!script) {
  console.error('usage : node bin/dev.js SCRIPT.ts [arguments…]');
  process.exit(2);
}
process.argv = [process.argv[0] ?? 'node', script, ...rest];
await import(pathToFileURL(script).href);
