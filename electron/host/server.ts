import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { ApiErrorCode } from '../../shared/api/errors';
import { TABLES_HEADER, packTables } from '../../shared/api/tables';
import { type Backend, errorData } from '../backend';
import { type Refusal, TOKEN_HEADER, checkRequest, contentSecurityPolicy } from './security';

/** Uploads arrive base64-encoded inside JSON; this bounds one request. */
const MAX_BODY_BYTES = 256 * 1024 * 1024;

const statusOf: Record<ApiErrorCode, number> = {
  invalid_input: 400,
  not_found: 404,
  conflict: 409,
  unsupported: 415,
  bad_file: 422,
  cancelled: 409,
  unavailable: 503,
  forbidden: 403,
  internal: 500,
};

const mime: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
  '.bcmap': 'application/octet-stream',
  '.wasm': 'application/wasm',
};

/** What answers API calls: the desktop backend, or (team server) the event side of the team backend. */
export type HostBackend = Pick<Backend, 'invoke' | 'subscribe'>;

/** A reply the gate writes itself (login, logout, session). */
export interface GateReply {
  status: number;
  body: unknown;
  headers?: Record<string, string | string[]>;
}

/** One authenticated person's view of the API (team server). */
export interface GateCaller {
  invoke(method: string, input: unknown): Promise<unknown>;
  /** The folder of this person's export files, served to them only. */
  downloadDir: string;
}

/**
 * Accounts instead of the loopback token (the team server, electron/team/serve.ts): the gate
 * answers its own endpoints and tells who makes each other API request. Every other defence
 * (Host and Origin checks, JSON-only calls, malformed paths) stays the host's.
 */
export interface HostGate {
  /** Host header values (name:port) accepted beside loopback. */
  hosts: string[];
  route(req: IncomingMessage, path: string, readJson: () => Promise<unknown>): Promise<GateReply | null>;
  caller(req: IncomingMessage): Promise<GateCaller | NonNullable<Refusal>>;
}

export interface HostOptions {
  backend: HostBackend;
  gate?: HostGate;
  /** Address to listen on (default 127.0.0.1: loopback only). */
  host?: string;
  /** Serve HTTPS with this certificate and key (PEM). */
  tls?: { cert: Buffer; key: Buffer };
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** Folder whose files may be downloaded through /api/download (export results). */
  downloadDir?: string;
  port?: number;
  token?: string;
}

export interface Host {
  url: string;
  /** The URL to open: carries the token in the fragment, which browsers never send to a server. */
  openUrl: string;
  port: number;
  token: string;
  /**
   * A link for a browser opener (xdg-open, open, start): carries a one-time code, not the token, so
   * the token never appears in another process's command line. Used once, within two minutes, it
   * redirects to openUrl.
   */
  oneTimeUrl(): string;
  close(): Promise<void>;
}

/** How long a one-time link stays valid: long enough for a browser to start. */
const ONE_TIME_MS = 120_000;

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string | string[]> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers });
  res.end(text);
}

/** decodeURIComponent that answers null instead of throwing URIError on a malformed escape. */
export function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** Ends a request that failed unexpectedly with a response of its own, whatever state it was in. */
function fail(res: ServerResponse, e: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const data = errorData(e);
  send(res, statusOf[data.code] ?? 500, { error: data });
}

/** A file vanishing between the check and the read must fail that response, not emit an unhandled error. */
function pipeFile(file: string, res: ServerResponse): void {
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        fail(new Error('too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

export async function startHost(opts: HostOptions): Promise<Host> {
  const token = opts.token ?? randomBytes(32).toString('hex');
  const staticRoot = resolve(opts.staticDir);
  let port = 0;

  async function readJson(req: IncomingMessage): Promise<unknown> {
    const body = await readBody(req);
    return body ? JSON.parse(body) : {};
  }

  async function api(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    let invoke = (method: string, input: unknown) => opts.backend.invoke(method, input);
    let downloadDir = opts.downloadDir;
    if (opts.gate) {
      if (req.method === 'POST' && !/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
        return send(res, 415, { error: { code: 'invalid_input', message: 'API calls take a JSON body (Content-Type: application/json).' } });
      const reply = await opts.gate.route(req, path, () => readJson(req));
      if (reply) return send(res, reply.status, reply.body, reply.headers);
      const who = await opts.gate.caller(req);
      if (!('invoke' in who)) return send(res, who.status, { error: { code: who.status === 403 ? 'forbidden' : 'invalid_input', message: who.message } });
      invoke = (method, input) => who.invoke(method, input);
      downloadDir = who.downloadDir;
    }
    if (path === '/api/events') return events(req, res);
    if (path.startsWith('/api/download/')) {
      const name = safeDecode(path.slice('/api/download/'.length));
      if (name === null) return send(res, 400, { error: { code: 'invalid_input', message: 'The download name is not a valid percent-encoded path.' } });
      return download(res, name, downloadDir);
    }
    const m = /^\/api\/call\/([A-Za-z0-9_.]+)$/.exec(path);
    if (!m) return send(res, 404, { error: { code: 'not_found', message: `No such endpoint: ${path}` } });
    if (req.method !== 'POST') return send(res, 405, { error: { code: 'invalid_input', message: 'API calls use POST.' } });
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
      return send(res, 415, { error: { code: 'invalid_input', message: 'API calls take a JSON body (Content-Type: application/json).' } });
    let input: unknown;
    try {
      input = await readJson(req);
    } catch {
      return send(res, 400, { error: { code: 'invalid_input', message: 'The request body is not valid JSON or is too large.' } });
    }
    try {
      const result = await invoke(m[1], input);
      // A page that reads tables gets long lists of records as tables (shared/api/tables.ts).
      const table = req.headers[TABLES_HEADER] === '1' ? packTables(result) : null;
      send(res, 200, table === null ? { result } : { result: table, tables: true });
    } catch (e) {
      const data = errorData(e);
      send(res, statusOf[data.code] ?? 500, { error: data });
    }
  }

  function events(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
    });
    res.write(': connected\n\n');
    const unsubscribe = opts.backend.subscribe((e) => res.write(`data: ${JSON.stringify(e)}\n\n`));
    // Comments keep proxies and the browser from timing the stream out.
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(ping);
      unsubscribe();
    });
  }

  function download(res: ServerResponse, name: string, downloadDir: string | undefined): void {
    const dir = downloadDir ? resolve(downloadDir) : null;
    const file = dir ? resolve(dir, normalize(name)) : null;
    if (!dir || !file || !file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      return send(res, 404, { error: { code: 'not_found', message: 'No such export file.' } });
    }
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name.split(/[\\/]/).pop()!)}`,
      'x-content-type-options': 'nosniff',
    });
    pipeFile(file, res);
  }

  function staticFile(req: IncomingMessage, res: ServerResponse, path: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: { code: 'invalid_input', message: 'Method not allowed.' } });
    let file = resolve(staticRoot, '.' + normalize(path));
    if (!file.startsWith(staticRoot + sep) && file !== staticRoot) return send(res, 404, { error: { code: 'not_found', message: 'Not found.' } });
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(staticRoot, 'index.html'); // the app routes itself
    if (!existsSync(file)) return send(res, 500, { error: { code: 'internal', message: 'The renderer is not built. Run `npm run build:renderer`.' } });
    const headers: Record<string, string> = {
      'content-type': mime[extname(file)] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cache-control': extname(file) === '.html' ? 'no-store' : 'max-age=3600',
    };
    if (extname(file) === '.html') {
      headers['content-security-policy'] = contentSecurityPolicy;
      headers['x-frame-options'] = 'DENY';
    }
    res.writeHead(200, headers);
    if (req.method === 'HEAD') res.end();
    else pipeFile(file, res);
  }

  const codes = new Map<string, number>();
  function redeem(res: ServerResponse, code: string): void {
    const expires = codes.get(code);
    codes.delete(code);
    if (expires === undefined || expires < Date.now()) {
      return send(res, 404, {
        error: { code: 'not_found', message: 'This link was already used or has expired. Use the address PolicyLens printed, or start it again.' },
      });
    }
    // The token travels in the fragment of a redirect over loopback; the browser never sends it back.
    res.writeHead(302, { location: `/#token=${token}`, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
    res.end();
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    // The raw path is matched against the API routes; only the parts that name files are
    // decoded, and a malformed escape (`/%zz`) is the request's error, never the process's.
    const rawPath = (req.url ?? '/').split('?')[0];
    const isApi = rawPath.startsWith('/api/');
    const refusal = checkRequest(req, port, token, { needsToken: isApi && !opts.gate, extraHosts: opts.gate?.hosts, secure: !!opts.tls });
    if (refusal) return send(res, refusal.status, { error: { code: 'invalid_input', message: refusal.message } });
    if (isApi) {
      api(req, res, rawPath).catch((e) => fail(res, e));
      return;
    }
    const open = /^\/open\/([0-9a-f]{32})$/.exec(rawPath);
    if (open) return redeem(res, open[1]);
    const path = safeDecode(rawPath);
    if (path === null) return send(res, 400, { error: { code: 'invalid_input', message: 'The address is not a valid percent-encoded path.' } });
    staticFile(req, res, path);
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    try {
      handle(req, res);
    } catch (e) {
      fail(res, e);
    }
  };
  const server = opts.tls ? createTlsServer({ cert: opts.tls.cert, key: opts.tls.key }, listener) : createServer(listener);
  // A client that sends garbage at the HTTP level gets a 400 and its socket closed; the server stays up.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => ok());
  });
  port = (server.address() as AddressInfo).port;
  const listenHost = !opts.host || opts.host === '0.0.0.0' || opts.host === '::' ? '127.0.0.1' : opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  const url = `${opts.tls ? 'https' : 'http'}://${listenHost}:${port}/`;
  return {
    url,
    openUrl: `${url}#token=${token}`,
    port,
    token,
    oneTimeUrl() {
      const code = randomBytes(16).toString('hex');
      codes.set(code, Date.now() + ONE_TIME_MS);
      return `${url}open/${code}`;
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

export { TOKEN_HEADER };
