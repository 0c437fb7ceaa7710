import { readFile, writeFile } from 'node:fs/promises';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CLIENT_NAME } from './src/graph/client-name.js';

/**
 * Writes dist/trusted-documents.json beside the site (not in it): the operations this build
 * sends, by hash, under the client name it sends them as. The gateway reads it at start and
 * answers this client's hashes and nothing else from it.
 */
function trustedDocuments(): Plugin {
  return {
    name: 'mutu-trusted-documents',
    apply: 'build',
    async closeBundle() {
      const documents = JSON.parse(
        await readFile(
          new URL('./src/generated/persisted-documents.json', import.meta.url),
          'utf8',
        ),
      );
      await writeFile(
        new URL('./dist/trusted-documents.json', import.meta.url),
        `${JSON.stringify({ client: CLIENT_NAME, documents }, null, 2)}\n`,
      );
    },
  };
}

export default defineConfig({
  base: '/dashboard/',
  plugins: [react(), trustedDocuments()],
  build: {
    outDir: 'dist/site',
    emptyOutDir: true,
    // ECharts is most of the bundle; one chunk of it is fine for a dashboard served locally.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // `pnpm dev` here, the gateway on its usual port: same-origin calls through Vite's proxy.
    proxy: { '/graphql': 'http://127.0.0.1:4000', '/reports': 'http://127.0.0.1:4000' },
  },
});
