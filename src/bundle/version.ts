/** The version of delib, from package.json (written in the manifest and `delib --version`). */
import pkg from '../../package.json' with { type: 'json' };

export const VERSION: string = pkg.version;
