/**
 * Child-process half of the DOCX reproducibility test: renders the sample tree and prints the
 * SHA-256 of the bytes. Usage: node --import tsx test/support/docx-hash.ts 2023-03-23T18:30:00Z
 */
import { createHash } from 'node:crypto';
import { renderDocx } from '../../src/render/docx/index.ts';
import { sampleTree } from './sample-tree.ts';

const bytes = await renderDocx(sampleTree(), { creationDate: new Date(process.argv[2] ?? 0) });
process.stdout.write(`${createHash('sha256').update(bytes).digest('hex')}\n`);
