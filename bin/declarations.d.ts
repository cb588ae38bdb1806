/** Writes the library API's declaration files under `outDir`; returns their paths relative to it. */
export function emitDeclarations(root: string, outDir: string): Promise<string[]>;
