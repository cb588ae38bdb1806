#!/usr/bin/env node
// `npm run bench`: runs bench/main.ts through tsx's loader (the CLI it measures is the compiled
// dist/, built by bench/main.ts first).
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
