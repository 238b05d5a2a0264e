import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vite';
import { FINDER_QUERY } from './src/finder-query';

const hash = createHash('sha256').update(FINDER_QUERY).digest('hex');

/**
 * One self-contained script (Lit included) that a college adds with a single tag, and the
 * persisted document it sends, which the API registers at start.
 */
export default defineConfig({
  root: __dirname,
  define: { FINDER_QUERY_HASH: JSON.stringify(hash) },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    lib: { entry: path.join(__dirname, 'src', 'pathway-finder.ts'), formats: ['iife'], name: 'PathwayFinder', fileName: () => 'pathway-finder.js' },
  },
  plugins: [
    {
      name: 'persisted-documents',
      closeBundle() {
        fs.writeFileSync(path.join(__dirname, 'dist', 'persisted-documents.json'), `${JSON.stringify({ [`sha256:${hash}`]: FINDER_QUERY }, null, 2)}\n`);
      },
    },
  ],
});
