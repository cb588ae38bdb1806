/**
 * `delib apercu`: the session, the server, the watcher and the lock, started and stopped together.
 *
 * @example
 * const apercu = await startApercu({ file: '/srv/seance/seance.yaml', port: 0, creationDate: new Date() });
 * console.log(apercu.url);
 * await apercu.stop();
 */
import { lockFolder } from './lock.ts';
import { type ApercuServer, startApercuServer } from './server.ts';
import { ApercuSession } from './session.ts';
import { watchInputs } from './watch.ts';

export interface ApercuOptions {
  /** Absolute path of the séance file. */
  readonly file: string;
  readonly port: number;
  readonly templatesDir?: string;
  readonly creationDate: Date;
  readonly token?: string;
}

export interface Apercu {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  readonly session: ApercuSession;
  readonly stop: () => Promise<void>;
}

export async function startApercu(options: ApercuOptions): Promise<Apercu> {
  let server: ApercuServer | undefined;
  const session = new ApercuSession({
    file: options.file,
    creationDate: options.creationDate,
    ...(options.templatesDir !== undefined ? { templatesDir: options.templatesDir } : {}),
    onChange: () => server?.publish(),
  });
  const lock = await lockFolder(session.folder);
  let watcher: ReturnType<typeof watchInputs> | undefined;
  // Rebuilds one at a time; a change during a rebuild calls for one more after it.
  let running: Promise<void> | undefined;
  let again = false;
  const rebuild = async (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await session.rebuild();
        watcher?.update(session.inputs());
        server?.publish();
      } while (again);
    })().finally(() => {
      running = undefined;
    });
    return running;
  };
  try {
    await session.rebuild();
    server = await startApercuServer({
      session,
      port: options.port,
      ...(options.token !== undefined ? { token: options.token } : {}),
      onSaved: rebuild,
    });
    await lock.setPort(server.port);
    // A save made through the page was rebuilt at once: its echo from the watcher is skipped.
    watcher = watchInputs((folderEvent) => {
      if (folderEvent || session.inputsChanged()) void rebuild();
    });
    watcher.update(session.inputs());
  } catch (error) {
    await server?.close();
    await lock.release();
    throw error;
  }
  const started = server;
  return {
    url: started.url,
    port: started.port,
    token: started.token,
    session,
    stop: async () => {
      watcher?.close();
      await started.close();
      await running?.catch(() => undefined);
      session.close();
      await session.settled().catch(() => undefined);
      await lock.release();
    },
  };
}
