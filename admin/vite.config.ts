import { defineConfig, Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';

/**
 * node-polyglot (react-admin's translations) requires the `object.entries` polyfill, which brings
 * get-intrinsic, call-bind and a dozen helpers (about 5 kB gzipped) onto the first screen for a
 * method every browser the console supports has had since 2017.
 */
const nativeObjectEntries = (): Plugin => ({
  name: 'native-object-entries',
  enforce: 'pre',
  resolveId: (source) => (source === 'object.entries' ? '\0native-object-entries' : null),
  load: (id) => (id === '\0native-object-entries' ? 'module.exports = Object.entries;' : null),
});

/**
 * The entry's style sheet (the Inter font faces, about 1 kB) is written into index.html instead of
 * linked from it: a linked sheet blocks the first paint until it has arrived, one more round trip
 * on a slow phone network. The file stays in the build, as the manifest names it.
 */
const inlineEntryCss = (): Plugin => ({
  name: 'inline-entry-css',
  apply: 'build',
  enforce: 'post',
  generateBundle(_options, bundle) {
    const html = bundle['index.html'];
    if (!html || html.type !== 'asset') return;
    html.source = String(html.source).replace(/<link rel="stylesheet"[^>]*href="\/admin\/(assets\/[^"]+\.css)"[^>]*>/g, (link, file: string) => {
      const sheet = bundle[file];
      return sheet && sheet.type === 'asset' ? `<style>${String(sheet.source)}</style>` : link;
    });
  },
});

// The API process serves the build at /admin/; in development Vite serves it there too, with hot
// reload, and hands GraphQL to an API started with `npm start` on port 4000.
export default defineConfig({
  base: '/admin/',
  plugins: [
    react(),
    nativeObjectEntries(),
    inlineEntryCss(),
    // Brotli and gzip copies of every asset next to it, made once here at the highest levels, so
    // the API sends them as they are instead of compressing on each request.
    compression({ algorithms: ['brotliCompress', 'gzip'], include: /\.(js|css|html|svg)$/, threshold: 1024 }),
  ],
  server: { port: 5173, proxy: { '/graphql': 'http://localhost:4000' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The page-to-chunk map the API uses to preload the first page's code with index.html.
    manifest: true,
    rolldownOptions: {
      // Merging common chunks would load code of later pages (form fields, tables) with the first screen.
      experimental: { chunkOptimization: { mergeCommonChunks: false } },
      output: {
        codeSplitting: {
          // A group takes only the modules it names, not everything they import: MUI's core, which
          // the charts use too, stays with the first screen's code.
          includeDependenciesRecursively: false,
          groups: [
            // The first page's query and what sends it, without a library: the entry imports it first,
            // so it runs before React's chunk is evaluated (see src/earlyRequests.ts).
            { name: 'early', test: /src[\\/](earlyRequests|session|dashboard[\\/]document|codesign[\\/]documents)\.ts$/, priority: 4 },
            // React and the router change least: one chunk that stays cached across releases.
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 3 },
            // Charts (MUI X and d3) only on pages that draw them, after their first paint.
            { name: 'charts', test: /node_modules[\\/](@mui[\\/]x-charts|@mui[\\/]x-internals|d3-[\w-]+|internmap|delaunator|robust-predicates|flatqueue)[\\/]/, priority: 2 },
          ],
        },
      },
    },
  },
});
