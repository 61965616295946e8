// A static file server for end-to-end tests: 127.0.0.1 only, a random free port, nothing outside its mounts.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

/** Where the repository keeps the shared seed fixtures, seen from the repo root (`../shared/fixtures/...`). */
export const SHARED_FIXTURES_DIR = resolve(process.cwd(), '../shared/fixtures');
export const REPO_FIXTURES_DIR = resolve(process.cwd(), 'tests/fixtures');

// No charset for HTML on purpose: the page's own <meta charset> decides, as it would for a saved page.
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
};

export interface StaticServerOptions {
  /** URL prefix (e.g. `/seed/`) → directory on disk served below it. */
  mounts?: Record<string, string>;
  /** Exact URL path (e.g. `/home.html`) → HTML served as UTF-8, for small pages written inside a test. */
  pages?: Record<string, string>;
  /** Exact URL path → handler, for what a test answers itself (response headers, a beacon, a streamed page). */
  routes?: Record<string, (request: IncomingMessage, response: ServerResponse) => void | Promise<void>>;
}

export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Absolute URL of a path on this server. */
  url(path: string): string;
  /** Paths requested so far, in order (lets a test check the extension fetched nothing itself). */
  requests: string[];
  close(): Promise<void>;
}

export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const mounts = Object.entries(options.mounts ?? {}).map(([prefix, dir]) => [prefix, resolve(dir)] as const);
  const pages = options.pages ?? {};
  const routes = options.routes ?? {};
  const requests: string[] = [];

  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    requests.push(path);
    const route = routes[path];
    if (route) {
      await route(request, response);
      return;
    }
    const inline = pages[path];
    if (inline !== undefined) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(inline);
      return;
    }
    for (const [prefix, dir] of mounts) {
      if (!path.startsWith(prefix)) continue;
      const file = normalize(join(dir, path.slice(prefix.length) || 'index.html'));
      if (file !== dir && !file.startsWith(dir + sep)) break; // no escaping the mount with `..`
      try {
        const body = await readFile(file);
        response.writeHead(200, {
          'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
          'cache-control': 'no-store',
        });
        response.end(body);
      } catch {
        break;
      }
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found');
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => new URL(path, origin).href,
    requests,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
