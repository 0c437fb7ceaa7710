import { readdir, readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { GATEWAY_ROOT } from './compose.js';

export const EXPLORER_DIR = path.join(GATEWAY_ROOT, 'dist', 'explorer');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
};

type Route = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * The explorer's routes: /explorer (the page) and /explorer/<file> for each built asset, read
 * once at start. Empty when the bundle is missing (run `pnpm build`).
 */
export async function explorerRoutes(dir: string): Promise<Record<string, Route>> {
  const files = await readdir(dir).catch(() => [] as string[]);
  const routes: Record<string, Route> = {};
  for (const name of files) {
    const body = await readFile(path.join(dir, name));
    const route: Route = async (_req, res) => {
      res.setHeader('content-type', TYPES[path.extname(name)] ?? 'application/octet-stream');
      res.setHeader('cache-control', name === 'index.html' ? 'no-cache' : 'public, max-age=3600');
      res.end(body);
    };
    routes[`/explorer/${name}`] = route;
    if (name === 'index.html') routes['/explorer'] = route;
  }
  return routes;
}
