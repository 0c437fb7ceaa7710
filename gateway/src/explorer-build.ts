import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { GATEWAY_ROOT } from './compose.js';

// Build time only (scripts/build-explorer.ts, the explorer's tests): the running gateway serves
// what this wrote (explorer.ts) and never loads esbuild.

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
