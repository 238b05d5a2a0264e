import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Served by the API process at /admin/; in development Vite proxies GraphQL to a running API.
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  server: { port: 5173, proxy: { '/graphql': 'http://localhost:4000' } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
