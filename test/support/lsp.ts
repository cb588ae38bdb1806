/**
 * A minimal Language Server Protocol client over stdio (JSON-RPC with Content-Length framing), to
 * talk to a real language server in tests: requests, notifications, answers to the server's own
 * requests, and waiting for a notification.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';

type Params = unknown;
interface Message {
  readonly id?: number | string;
  readonly method?: string;
  readonly params?: Params;
  readonly result?: unknown;
  readonly error?: { message: string };
}

export class LspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (message: Message) => void>();
  private readonly notifications: Message[] = [];
  private readonly waiters: { method: string; test: (p: Params) => boolean; done: (p: Params) => void }[] =
    [];

  /** `answer` replies to the server's requests (workspace/configuration…). */
  constructor(
    command: string,
    args: readonly string[],
    private readonly answer: (method: string, params: Params) => unknown,
  ) {
    this.child = spawn(command, [...args], { stdio: 'pipe' });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString())?.[1]);
      if (this.buffer.length < end + 4 + length) return;
      const body = this.buffer.subarray(end + 4, end + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(end + 4 + length);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method !== undefined && message.id !== undefined) {
      this.write({
        jsonrpc: '2.0',
        id: message.id,
        result: this.answer(message.method, message.params) ?? null,
      });
    } else if (message.method !== undefined) {
      const waiter = this.waiters.findIndex((w) => w.method === message.method && w.test(message.params));
      if (waiter >= 0) this.waiters.splice(waiter, 1)[0]?.done(message.params);
      else this.notifications.push(message);
    } else if (typeof message.id === 'number') {
      this.pending.get(message.id)?.(message);
      this.pending.delete(message.id);
    }
  }

  private write(message: object): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  request<T>(method: string, params: Params): Promise<T> {
    const id = this.nextId++;
    return new Promise((done, fail) => {
      this.pending.set(id, (m) => (m.error ? fail(new Error(m.error.message)) : done(m.result as T)));
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: Params): void {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** The next notification `method` whose params pass `test` (one already received counts). */
  waitFor<T>(method: string, test: (params: T) => boolean, timeoutMs = 30_000): Promise<T> {
    const seen = this.notifications.findIndex((m) => m.method === method && test(m.params as T));
    if (seen >= 0) return Promise.resolve(this.notifications.splice(seen, 1)[0]?.params as T);
    return new Promise((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`pas de ${method} en ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        method,
        test: (p) => test(p as T),
        done: (p) => {
          clearTimeout(timer);
          done(p as T);
        },
      });
    });
  }

  async close(): Promise<void> {
    await this.request('shutdown', null).catch(() => undefined);
    this.notify('exit', null);
    await new Promise<void>((done) => {
      if (this.child.exitCode !== null) done();
      else this.child.once('exit', () => done());
      setTimeout(() => this.child.kill(), 5000).unref();
    });
  }
}
