/**
 * While a V8 start-up snapshot is being built (src/cli/snapshot-entry.ts), `TextDecoder` makes its
 * native ICU converter on first use and drops it before the heap is serialized: a converter held by
 * a module cannot be written into a snapshot (`global handle not serialized`). fontkit keeps an
 * `ascii` decoder; fflate and docx's copy of it try `decode(…, { stream: true })` when loaded, which
 * makes a converter on Node 22. Imported first by the snapshot entry; does nothing in a normal run.
 */
import v8 from 'node:v8';

const Native = globalThis.TextDecoder;
type NativeDecoder = InstanceType<typeof Native>;
// Node 22 answers 1, not true (an element of its flags array): truthiness, never `=== true`.
let building = Boolean(v8.startupSnapshot?.isBuildingSnapshot());
const made: LazyTextDecoder[] = [];

class LazyTextDecoder {
  readonly #args: ConstructorParameters<typeof Native>;
  native: NativeDecoder | undefined;

  constructor(...args: ConstructorParameters<typeof Native>) {
    this.#args = args;
    if (building) made.push(this);
  }

  #decoder(): NativeDecoder {
    this.native ??= new Native(...this.#args);
    return this.native;
  }

  get encoding(): string {
    return this.#decoder().encoding;
  }

  get fatal(): boolean {
    return this.#decoder().fatal;
  }

  get ignoreBOM(): boolean {
    return this.#decoder().ignoreBOM;
  }

  decode(input?: AllowSharedBufferSource, options?: TextDecodeOptions): string {
    return this.#decoder().decode(input, options);
  }
}

if (building) {
  globalThis.TextDecoder = LazyTextDecoder as unknown as typeof Native;
  v8.startupSnapshot.addSerializeCallback(() => {
    for (const decoder of made) decoder.native = undefined;
    made.length = 0;
    building = false;
  });
}
