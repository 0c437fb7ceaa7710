import { readdir, readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { GATEWAY_ROOT } from './compose.js';

export const EXPLORER_DIR = path.join(GATEWAY_ROOT, 'dist', 'explorer');
/** The dashboard's Vite build (apps/dashboard): `site/` is served, the rest is not. */
export const DASHBOARD_DIR = path.join(GATEWAY_ROOT, '..', 'apps', 'dashboard', 'dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

type Route = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

async function filesUnder(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory()
        ? filesUnder(dir, path.posix.join(prefix, entry.name))
        : [path.posix.join(prefix, entry.name)],
    ),
  );
  return nested.flat();
}

/**
 * A built web client's routes: `<base>` and `<base>/` (its index.html) and `<base>/<file>` for
 * every file under `dir`, read once at start. Empty when the build is missing (run `pnpm build`).
 * Files under `assets/` carry a content hash in their names (Vite's), so browsers keep them.
 */
export async function staticRoutes(
  base: string,
  dir: string,
  options: { contentSecurityPolicy?: string } = {},
): Promise<Record<string, Route>> {
  const routes: Record<string, Route> = {};
  for (const name of await filesUnder(dir)) {
    const body = await readFile(path.join(dir, name));
    const isPage = name.endsWith('.html');
    const route: Route = async (_req, res) => {
      res.setHeader('content-type', TYPES[path.extname(name)] ?? 'application/octet-stream');
      res.setHeader('x-content-type-options', 'nosniff');
      res.setHeader(
        'cache-control',
        isPage
          ? 'no-cache'
          : name.startsWith('assets/')
            ? 'public, max-age=31536000, immutable'
            : 'public, max-age=3600',
      );
      if (isPage && options.contentSecurityPolicy) {
        res.setHeader('content-security-policy', options.contentSecurityPolicy);
      }
      res.end(body);
    };
    routes[`${base}/${name}`] = route;
    if (name === 'index.html') {
      routes[base] = route;
      routes[`${base}/`] = route;
    }
  }
  return routes;
}
