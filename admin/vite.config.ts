import { fileURLToPath } from 'node:url';
import { build, defineConfig, Plugin } from 'vite';
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

/**
 * The console's first screens, each the module its address opens (or panels fetched at once):
 * their code goes into a few chunks by which of them need it, instead of the fifty-odd chunks the
 * automatic split makes of the modules the console's forty pages share in different combinations.
 * On a phone network each chunk is a request of its own, and over the six connections a browser
 * opens to one server they cost round trips one after another: under Lighthouse's simulated slow
 * 4G the dashboard's largest paint came at 5.1 s with those chunks and at 3.9 s with these. Pages
 * other than these may load a first screen's chunk for a module they share with it, which costs
 * them bytes but no extra round trip.
 */
const ADMIN = fileURLToPath(new URL('.', import.meta.url));
const FIRST_SCREENS = {
  // index.html's script, src/main.tsx, and what it imports: the early query.
  entry: ['index.html'],
  // React, MUI, react-admin and the console's frame, which main.tsx loads once the page has painted.
  app: ['src/start.tsx'],
  login: ['src/layout/LoginPage.tsx'],
  layout: ['src/layout/Layout.tsx'],
  dashboard: ['src/dashboard/Dashboard.tsx'],
  designer: ['src/codesign/PathwayDesigner.tsx'],
  // Fetched together once the designer's header has been painted (see codesign/PathwayDesigner.tsx).
  designerPanels: ['StageBoard', 'LifecycleActions', 'DestinationsPanel', 'PartnersPanel', 'EndorsementPanel'].map((name) => `src/codesign/${name}.tsx`),
  // The app bar's user menu and loading indicator, fetched after the first paint.
  appBarTools: ['src/layout/AppBarTools.tsx'],
};
/** Every other page, panel and lazily loaded library, for the survey below. */
type Screen = keyof typeof FIRST_SCREENS | 'other';
const SURVEY = 'PATHFORGE_CHUNK_SURVEY';
/** The entry's own modules stay in its chunk, which Vite's manifest and index.html name (an empty one is dropped). */
const ENTRY_MODULES = [`${ADMIN}index.html`, `${ADMIN}src/main.tsx`];

/**
 * Which first screens need each module, from a build split the automatic way (not written out):
 * the modules of a screen's chunk and of every chunk it imports, transitively. Tree-shaking decides
 * what a module needs from react-admin's and MUI's barrel files, so walking the module graph's
 * imports instead would count each library whole.
 */
async function surveyFirstScreens(): Promise<Map<string, Set<Screen>>> {
  process.env[SURVEY] = '1';
  try {
    const result = await build({ root: ADMIN, configFile: `${ADMIN}vite.config.ts`, logLevel: 'silent', build: { write: false, manifest: false } });
    const output = (Array.isArray(result) ? result[0] : result) as { output: { type: string; fileName: string; imports?: string[]; moduleIds?: string[]; facadeModuleId?: string | null }[] };
    const chunks = new Map(output.output.filter((file) => file.type === 'chunk').map((chunk) => [chunk.fileName, chunk]));
    // Modules loaded with import() keep a chunk of their own too: re-exported from a group's chunk,
    // their namespace came out undefined ("Export 'PathwayDesigner_exports' is not defined").
    const ownChunk = new Set([...ENTRY_MODULES, ...[...chunks.values()].flatMap((chunk) => (chunk.facadeModuleId ? [chunk.facadeModuleId] : []))]);
    const needs = new Map<string, Set<Screen>>();
    const screens = Object.entries(FIRST_SCREENS).map(([screen, roots]) => [screen, roots.map((root) => `${ADMIN}${root}`)] as [Screen, string[]]);
    const firstRoots = screens.flatMap(([, roots]) => roots);
    screens.push(['other', [...chunks.values()].flatMap((chunk) => (chunk.facadeModuleId && !firstRoots.includes(chunk.facadeModuleId) ? [chunk.facadeModuleId] : []))]);
    for (const [screen, roots] of screens) {
      const pending = [...chunks.values()].filter((chunk) => roots.includes(chunk.facadeModuleId ?? '')).map((chunk) => chunk.fileName);
      const missing = roots.filter((root) => ![...chunks.values()].some((chunk) => chunk.facadeModuleId === root));
      if (missing.length) throw new Error(`The survey build has no chunk for ${missing.join(', ')}`);
      const seen = new Set<string>();
      while (pending.length) {
        const file = pending.pop()!;
        if (seen.has(file)) continue;
        seen.add(file);
        const chunk = chunks.get(file)!;
        for (const id of chunk.moduleIds ?? []) if (!ownChunk.has(id)) needs.set(id, (needs.get(id) ?? new Set()).add(screen));
        pending.push(...(chunk.imports ?? []));
      }
    }
    return needs;
  } finally {
    delete process.env[SURVEY];
  }
}

/**
 * The chunk of a module by the first screens that need it. A module's imports are needed by at
 * least the screens that need it, so a chunk only imports chunks loaded as early or earlier.
 */
function firstScreenChunk(screens: Set<Screen> | undefined): string | null {
  if (!screens) return null;
  const any = (...names: Screen[]) => names.some((name) => screens.has(name));
  // What index.html's script needs stays with it, so that it runs before the console's code.
  if (any('entry')) return null;
  if (any('app')) return 'app';
  const signedIn = any('layout', 'dashboard', 'designer');
  if (any('login')) return signedIn ? 'ui' : 'login';
  if (any('layout')) return 'layout';
  if (any('dashboard') && any('designer')) return 'pages';
  if (any('dashboard')) return 'dashboard';
  if (any('designer')) return 'designer';
  // The designer's panels bring drag and drop and MUI's autocomplete: pages that share a module
  // with them (forms, reference inputs) take it from a chunk of its own, as before, not the panels'.
  if (any('other')) return null;
  if (any('designerPanels')) return 'designer-panels';
  if (any('appBarTools')) return 'app-bar-tools';
  return null;
}

// The API process serves the build at /admin/; in development Vite serves it there too, with hot
// reload, and hands GraphQL to an API started with `npm start` on port 4000.
export default defineConfig(async ({ command }) => {
  const surveying = Boolean(process.env[SURVEY]);
  const firstScreens = command === 'build' && !surveying ? await surveyFirstScreens() : undefined;
  return {
    base: '/admin/',
    plugins: [
      react(),
      nativeObjectEntries(),
      inlineEntryCss(),
      // Brotli and gzip copies of every asset next to it, made once here at the highest levels, so
      // the API sends them as they are instead of compressing on each request.
      !surveying && compression({ algorithms: ['brotliCompress', 'gzip'], include: /\.(js|css|html|svg)$/, threshold: 1024 }),
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
              // The rest of the first screens' code, in a few chunks by which of them need it.
              ...(firstScreens ? [{ name: (id: string) => firstScreenChunk(firstScreens.get(id)), priority: 1 }] : []),
            ],
          },
        },
      },
    },
  };
});
