/**
 * The command registry: adding a command is one line here.
 */
import type { Command } from '../command.ts';
import { schemaCommand } from './schema.ts';
import { validateCommand } from './validate.ts';

/** Every command of `delib`, in the order of `delib --help`. */
export const COMMANDS: readonly Command[] = [validateCommand, schemaCommand];
