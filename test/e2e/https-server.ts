/**
 * A small HTTPS server for the built pages (dist/): `npm run serve` and the end-to-end tests use
 * it. Certificates come from office-addin-dev-certs, generated offline; nothing is fetched.
 */
import { promises as fs, existsSync } from 'node:fs';
import * as https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface Certs {
  readonly key: Buffer;
  readonly cert: Buffer;
  readonly ca: Buffer;
  readonly dir: string;
}

/** office-addin-dev-certs' own location, where `npx office-addin-dev-certs install` puts them. */
export const DEFAULT_CERT_DIR = path.join(os.homedir(), '.office-addin-dev-certs');

/**
 * The localhost certificate in `dir`, generated there (offline, no trust-store change) when it is
 * missing. Excel only trusts it after `npx office-addin-dev-certs install`.
 */
export async function devCerts(dir: string = DEFAULT_CERT_DIR): Promise<Certs> {
  const files = { ca: path.join(dir, 'ca.crt'), cert: path.join(dir, 'localhost.crt'), key: path.join(dir, 'localhost.key') };
  if (!existsSync(files.ca) || !existsSync(files.cert) || !existsSync(files.key)) {
    const devCertsLib = (await import('office-addin-dev-certs')) as {
      generateCertificates(ca: string, cert: string, key: string, days: number, domains: string[]): Promise<void>;
    };
    await devCertsLib.generateCertificates(files.ca, files.cert, files.key, 30, ['localhost', '127.0.0.1']);
  }
  const [ca, cert, key] = await Promise.all([fs.readFile(files.ca), fs.readFile(files.cert), fs.readFile(files.key)]);
  return { ca, cert, key, dir };
}

export interface StaticServer {
  readonly origin: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Serve `root` read-only over HTTPS on localhost. Only GET and HEAD; nothing outside `root`. */
export async function serveStatic(root: string, certs: Certs, port = 0, hostname = 'localhost'): Promise<StaticServer> {
  const base = path.resolve(root);
  const server = https.createServer({ key: certs.key, cert: certs.cert }, (req, res) => {
    void (async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      let pathname: string;
      try {
        pathname = decodeURIComponent(new URL(req.url ?? '/', 'https://localhost').pathname);
      } catch {
        res.writeHead(400).end();
        return;
      }
      if (pathname.endsWith('/')) pathname += 'taskpane.html';
      const file = path.resolve(base, '.' + pathname);
      if (file !== base && !file.startsWith(base + path.sep)) {
        res.writeHead(403).end();
        return;
      }
      try {
        const body = await fs.readFile(file);
        res.writeHead(200, {
          'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
          'Content-Length': body.length,
          'Cache-Control': 'no-cache',
          'X-Content-Type-Options': 'nosniff',
        });
        res.end(req.method === 'HEAD' ? undefined : body);
      } catch {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    origin: `https://${hostname}:${actual}`,
    port: actual,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
