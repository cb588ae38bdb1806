/**
 * The command registry: adding a command is one line here.
 */
import type { Command } from '../command.ts';
import { buildCommand } from './build.ts';
import { initCommand } from './init.ts';
import { schemaCommand } from './schema.ts';
import { templatesCommand } from './templates.ts';
import { treeCommand } from './tree.ts';
import { validateCommand } from './validate.ts';

/** Every command of `delib`, in the order of `delib --help`. */
export const COMMANDS: readonly Command[] = [
  buildCommand,
  validateCommand,
  treeCommand,
  initCommand,
  templatesCommand,
  schemaCommand,
];
