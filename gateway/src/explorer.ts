import { readdir, readFile, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { GATEWAY_ROOT } from './compose.js';

export const EXPLORER_DIR = path.join(GATEWAY_ROOT, 'dist', 'explorer');

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mutu explorer</title>
<link rel="stylesheet" href="/explorer/main.css">
<style>html, body, #explorer { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="explorer"></div>
<script src="/explorer/main.js"></script>
</body>
</html>
`;

/** Bundles GraphiQL and the contract's example operations into `outdir` (esbuild, no CDN). */
export async function buildExplorer(outdir: string): Promise<void> {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [path.join(GATEWAY_ROOT, 'explorer', 'main.jsx')],
    bundle: true,
    minify: true,
    format: 'iife',
    jsx: 'automatic',
    target: ['chrome110', 'firefox110', 'safari16'],
    outdir,
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.svg': 'file' },
    logLevel: 'warning',
  });
  await writeFile(path.join(outdir, 'index.html'), PAGE);
}

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
