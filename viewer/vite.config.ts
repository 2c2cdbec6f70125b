// Builds the browser client into viewer/dist, which `matchday serve` serves.
// Relative asset paths (base './') so the app works under whatever path the server mounts it.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
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
