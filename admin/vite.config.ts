import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API process serves the build at /admin/; in development Vite serves it there too, with hot
// reload, and hands GraphQL to an API started with `npm start` on port 4000.
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  server: { port: 5173, proxy: { '/graphql': 'http://localhost:4000' } },
  // react-admin with Material UI is one large bundle; staff load it once and keep it cached.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
