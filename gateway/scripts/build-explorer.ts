// Bundles the explorer (GraphiQL from npm, no CDN) into dist/explorer: index.html, main.js and
// main.css, which the gateway serves at /explorer. Run by `pnpm build`.

import { EXPLORER_DIR } from '../src/explorer.js';
import { buildExplorer } from '../src/explorer-build.js';

await buildExplorer(EXPLORER_DIR);
console.log(`explorer built in ${EXPLORER_DIR}`);
