// Bundles the explorer (GraphiQL from npm, no CDN) into dist/explorer: index.html, main.js and
// main.css, which the gateway serves at /explorer. Run by `pnpm build`.

import { buildExplorer } from '../src/explorer-build.js';
import { EXPLORER_DIR } from '../src/static-files.js';

await buildExplorer(EXPLORER_DIR);
console.log(`explorer built in ${EXPLORER_DIR}`);
