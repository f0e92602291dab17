/**
 * A small Redis connection (RESP2 over TCP or TLS) for BullMQ. BullMQ 6 has no Redis client of its
 * own: it loads the optional `ioredis` package, which this project does not install; it also
 * accepts a client shaped like Bun's built-in `RedisClient` (`send(cmd, args)`, `connected`,
 * `onconnect`/`onclose`, `duplicate()`), wrapping it in its own adapter (scripts, pipelines,
 * reconnects). This module is that client for Node: one socket, commands pipelined in order,
 * replies decoded as RESP2 (bulk strings as UTF-8 strings, errors inside an EXEC reply as Error
 * values, a top-level error as a rejection).
 */
import { connect as tcpConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';

/** Where and how to connect. */
export interface RespOptions {
  host: string;
  port: number;
  db?: number;
  username?: string;
  password?: string;
  tls?: boolean;
}

/** '+OK' → 'OK'; '-ERR x' → Error; ':1' → 1; '$…' → string | null; '*…' → array | null. */
type Reply = string | number | null | Error | Reply[];

/** Thrown for commands on a closed connection (the words BullMQ's adapter recognises). */
const CLOSED = 'Connection closed';

interface Pending {
  resolve: (r: Reply) => void;
  reject: (e: Error) => void;
}

/** One connection, shaped like Bun's RedisClient for BullMQ's adapter. */
export class RespConnection {
  connected = false;
  onconnect: (() => void) | null = null;
  onclose: ((err?: Error) => void) | null = null;
  onerror: ((err: Error) => void) | null = null;
  private socket: Socket | null = null;
  private readonly pending: Pending[] = [];
  private buf: Buffer = Buffer.alloc(0);

  constructor(readonly opts: RespOptions) {}

  /** Opens the socket, then AUTH and SELECT when asked for; resolves when ready. */
  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const { host, port } = this.opts;
      const s = this.opts.tls ? tlsConnect({ host, port, servername: host }) : tcpConnect({ host, port });
      this.socket = s;
      s.setNoDelay(true);
      let opened = false;
      s.once(this.opts.tls ? 'secureConnect' : 'connect', () => {
        opened = true;
        this.connected = true;
        const setup: Promise<Reply>[] = [];
        if (this.opts.password !== undefined) setup.push(this.send('AUTH', this.opts.username ? [this.opts.username, this.opts.password] : [this.opts.password]));
        if (this.opts.db) setup.push(this.send('SELECT', [String(this.opts.db)]));
        Promise.all(setup).then(() => {
          resolve();
          this.onconnect?.();
        }, (err: Error) => {
          this.close();
          reject(err);
        });
      });
      s.on('data', (chunk: Buffer) => this.receive(chunk));
      s.on('error', (err) => {
        if (!opened) reject(err);
        else this.onerror?.(err);
      });
      s.on('close', () => {
        const was = this.connected;
        this.connected = false;
        this.socket = null;
        for (const p of this.pending.splice(0)) p.reject(new Error(CLOSED));
        if (was || opened) this.onclose?.();
      });
    });
  }

  /** Sends one command; resolves with its reply. */
  send(command: string, args: readonly (string | Buffer | number)[]): Promise<Reply> {
    const s = this.socket;
    if (!s || !this.connected) return Promise.reject(new Error(CLOSED));
    const parts: Buffer[] = [Buffer.from(`*${args.length + 1}\r\n`)];
    for (const a of [command, ...args]) {
      const b = Buffer.isBuffer(a) ? a : Buffer.from(String(a), 'utf8');
      parts.push(Buffer.from(`$${b.length}\r\n`), b, Buffer.from('\r\n'));
    }
    return new Promise<Reply>((resolve, reject) => {
      this.pending.push({ resolve, reject });
      s.write(Buffer.concat(parts));
    });
  }

  /** Closes for good: the owner is done with it (no onclose, so BullMQ's adapter does not reconnect). */
  close(): void {
    this.onclose = null;
    this.socket?.destroy();
  }

  disconnect(): void {
    this.close();
  }

  /** A new, unconnected connection to the same server (BullMQ's blocking and reconnect paths call it). */
  duplicate(): RespConnection {
    return new RespConnection(this.opts);
  }

  private receive(chunk: Buffer): void {
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    for (;;) {
      const parsed = parseReply(this.buf, 0);
      if (parsed === null) return;
      this.buf = this.buf.subarray(parsed.end);
      const p = this.pending.shift();
      if (!p) continue;
      if (parsed.value instanceof Error) p.reject(parsed.value);
      else p.resolve(parsed.value);
    }
  }
}

/** One RESP2 reply starting at `at`, or null when the buffer does not hold all of it yet. */
function parseReply(buf: Buffer, at: number): { value: Reply; end: number } | null {
  const eol = buf.indexOf('\r\n', at);
  if (eol < 0) return null;
  const type = String.fromCharCode(buf[at]!);
  const line = buf.toString('utf8', at + 1, eol);
  const next = eol + 2;
  switch (type) {
    case '+':
      return { value: line, end: next };
    case '-':
      return { value: new Error(line), end: next };
    case ':':
      return { value: Number(line), end: next };
    case '$': {
      const n = Number(line);
      if (n < 0) return { value: null, end: next };
      if (buf.length < next + n + 2) return null;
      return { value: buf.toString('utf8', next, next + n), end: next + n + 2 };
    }
    case '*': {
      const n = Number(line);
      if (n < 0) return { value: null, end: next };
      const items: Reply[] = [];
      let pos = next;
      for (let i = 0; i < n; i++) {
        const item = parseReply(buf, pos);
        if (item === null) return null;
        items.push(item.value);
        pos = item.end;
      }
      return { value: items, end: pos };
    }
    default:
      throw new Error(`Redis protocol error: unexpected reply type '${type}'`);
  }
}
