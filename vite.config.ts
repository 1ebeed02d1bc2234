import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const api = 'http://localhost:3000';

export default defineConfig({
  root: path.join(here, 'src/web'),
  publicDir: false,
  plugins: [react()],
  resolve: {
    alias: {
      '#shared': path.join(here, 'src/shared'),
      '#web': path.join(here, 'src/web'),
    },
  },
  build: {
    outDir: path.join(here, 'dist/web'),
    emptyOutDir: true,
    // The server's CSP forbids inline scripts: keep every module in its own file.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/healthz': { target: api, changeOrigin: false },
    },
  },
});
