import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// In dev the API runs separately (Fastify on 3000); in production it serves dist/ itself.
export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    chunkSizeWarningLimit: 1000,
  },
});
