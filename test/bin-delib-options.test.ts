// bin/delib.js judges whether `delib build …` renders a big séance before loading any of delib
// (bigBuild): to find the séance file among the arguments it skips the value of each option that
// takes one, listed by hand in BUILD_VALUE_OPTIONS. That copy must name exactly the options of
// `delib build` of `type: 'string'` (src/cli/commands/build.ts), long and short: one it lacks
// would take the option's value for the séance file, one it has too many would swallow the file.
// Read from the file's text, since importing bin/delib.js runs the CLI.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCommand } from '../src/cli/commands/build.ts';
import { BIN } from './support/cli.ts';

/** The strings of the `BUILD_VALUE_OPTIONS` Set literal in bin/delib.js, in their order. */
function copiedOptions(): string[] {
  const text = readFileSync(BIN, 'utf8');
  const literal = /\bconst BUILD_VALUE_OPTIONS = new Set\(\[([^\]]*)\]\);/.exec(text)?.[1];
  if (literal === undefined) throw new Error('BUILD_VALUE_OPTIONS absent de bin/delib.js');
  const items = literal
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  // Only plain string literals: anything else (a spread, a variable) would not be read here.
  for (const item of items) expect(item).toMatch(/^'-{1,2}[a-z][a-z-]*'$/);
  return items.map((item) => item.slice(1, -1));
}

/** `--name` and `-x` of every option of `delib build` that takes a value. */
function valueOptions(): string[] {
  return Object.entries(buildCommand.options)
    .filter(([, option]) => option.type === 'string')
    .flatMap(([name, option]) => [`--${name}`, ...(option.short ? [`-${option.short}`] : [])]);
}

describe('BUILD_VALUE_OPTIONS in bin/delib.js', () => {
  it('names each option of delib build that takes a value, and nothing else', () => {
    const copy = copiedOptions();
    const options = valueOptions();
    expect(new Set(copy).size, 'doublon dans BUILD_VALUE_OPTIONS').toBe(copy.length);
    const extra = copy.filter((o) => !options.includes(o));
    const missing = options.filter((o) => !copy.includes(o));
    expect(extra, 'en trop dans BUILD_VALUE_OPTIONS').toEqual([]);
    expect(missing, 'absent de BUILD_VALUE_OPTIONS').toEqual([]);
    // The boolean options stay out of it (their next argument may be the séance file).
    expect(copy).not.toContain('--quiet');
    expect(copy).toContain('--sortie');
  });
});
