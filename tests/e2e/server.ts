import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { DEMO_ROUTES, type DemoRoute } from '../fixtures/pages/routes';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

const PAGES_DIR = resolve(import.meta.dirname, '../fixtures/pages');

/** One request the server saw, as the browser sent it. */
export interface LoggedRequest {
  method: string;
  host: string;
  path: string;
  status: number;
  origin?: string;
  referer?: string;
  secFetchSite?: string;
}

export interface DemoServer {
  port: number;
  requests: LoggedRequest[];
  /** `https://<host>:<port><path>` for a route. */
  url(route: Pick<DemoRoute, 'host' | 'path'>): string;
  close(): Promise<void>;
}

/** A throwaway self-signed certificate for the platforms' hostnames (the browser ignores its errors). */
function makeCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'scout-cert-'));
  try {
    const san = ['tiktok.com', 'instagram.com', 'linkedin.com']
      .flatMap((d) => [`DNS:${d}`, `DNS:*.${d}`])
      .join(',');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=scout-demo',
        '-addext',
        `subjectAltName=${san}`,
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Serves the demo pages over HTTPS on 127.0.0.1 (the browser maps the real hostnames here) and logs
 * every request, so a test can prove Scout sent none of its own.
 */
export async function startDemoServer(
  routes: readonly DemoRoute[] = DEMO_ROUTES,
): Promise<DemoServer> {
  const requests: LoggedRequest[] = [];
  const server: Server = createServer(makeCertificate(), (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const requested = new URL(req.url ?? '/', 'https://localhost');
    const path = requested.pathname;
    const route = routes.find(
      (r) =>
        r.host === host &&
        r.path === path &&
        Object.entries(r.query ?? {}).every(([k, v]) => requested.searchParams.get(k) === v),
    );
    let status = 404;
    if (route) {
      status = 200;
      res.writeHead(200, {
        'content-type': CONTENT_TYPES[extname(route.file)] ?? 'text/plain',
        'cache-control': 'no-store',
      });
      res.end(readFileSync(join(PAGES_DIR, route.file)));
    } else if (path === '/favicon.ico') {
      status = 204;
      res.writeHead(204).end();
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
    requests.push({
      method: req.method ?? 'GET',
      host,
      path,
      status,
      ...(req.headers.origin ? { origin: req.headers.origin } : {}),
      ...(req.headers.referer ? { referer: req.headers.referer } : {}),
      ...(req.headers['sec-fetch-site']
        ? { secFetchSite: String(req.headers['sec-fetch-site']) }
        : {}),
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    requests,
    url: (route) => `https://${route.host}:${port}${route.path}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/**
 * Requests the extension made itself: anything sent from an extension origin, or any request for a
 * path no demo page links to (the browser's own favicon fetch aside).
 */
export function requestsByScout(requests: readonly LoggedRequest[]): LoggedRequest[] {
  const fromExtension = (value?: string) => /^(chrome|moz)-extension:/.test(value ?? '');
  return requests.filter(
    (r) => fromExtension(r.origin) || fromExtension(r.referer) || r.status === 404,
  );
}
