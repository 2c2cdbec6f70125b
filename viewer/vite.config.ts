// Builds the browser client into viewer/dist, which `matchday serve` serves.
// Relative asset paths (base './') so the app works under whatever path the server mounts it.
// The build carries a stamp of the sources it was made from (viewer/build/stamp.ts), so serve can tell
// a stale build from a current one.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { sourcesHash, STAMP_FILE } from './build/stamp.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('..', import.meta.url));

/** Writes dist/build-stamp.json: the hash of the sources, taken as the build starts. */
function stamp(): Plugin {
  let sources = '';
  return {
    name: 'matchday-build-stamp',
    apply: 'build',
    buildStart() {
      sources = sourcesHash(repo);
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: STAMP_FILE, source: JSON.stringify({ sources }) + '\n' });
    },
  };
}

export default defineConfig({
  root: here,
  base: './',
  plugins: [react(), stamp()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // One small app: keep the warning meaningful rather than silence it.
    chunkSizeWarningLimit: 800,
  },
  server: {
    // The client imports the replay decoder from engine/, outside this root.
    fs: { allow: [repo] },
  },
});
