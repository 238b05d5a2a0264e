import fs from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import expressStaticGzip from 'express-static-gzip';

/** Hashed file names change with their content: caches keep them for a year without asking again. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current hashed files: caches must ask each time (a 304 when unchanged). */
const REVALIDATE = 'no-cache';

/**
 * The page module each console address opens first (keys of Vite's build manifest). index.html is
 * sent with `<link rel="modulepreload">` for that page's code and the layout's, so the browser
 * fetches them alongside the entry script instead of after it has run. An address not listed, or a
 * module the manifest does not have, simply gets no extra preload for its page.
 */
const FIRST_PAGES: readonly [RegExp, string[], ('sign-in' | undefined)?][] = [
  [/^\/login$/, ['src/layout/LoginPage.tsx'], 'sign-in'],
  [/^\/?$/, ['src/layout/Layout.tsx', 'src/dashboard/Dashboard.tsx']],
  [/^\/advising$/, ['src/layout/Layout.tsx', 'src/advising/AdvisorPage.tsx']],
  [/^\/pathways\/[^/]+\/show$/, ['src/layout/Layout.tsx', 'src/codesign/PathwayDesigner.tsx']],
  [/^\/pathways$/, ['src/layout/Layout.tsx', 'src/pathways/PathwayList.tsx']],
];

/**
 * The console's own code, which the entry script imports once the static first paint is up
 * (admin/src/main.tsx): preloaded for every address, so it downloads alongside the entry.
 */
const CONSOLE = ['src/start.tsx'];

const SHELL = /<!--shell-->[\s\S]*?<!--\/shell-->/;
const SIGN_IN_TEMPLATE = /\s*<template id="pf-shell-login">([\s\S]*?)<\/template>/;

/**
 * index.html's static first paint (see admin/index.html): the app bar and a loading card for
 * every address, and for the sign-in page the sign-in card its template holds instead. The
 * template itself is sent to no one. An index.html without them is sent as it is.
 */
function shells(indexHtml: string): { loadingShell: string; signInShell: string } {
  const template = SIGN_IN_TEMPLATE.exec(indexHtml);
  if (!template || !SHELL.test(indexHtml)) return { loadingShell: indexHtml, signInShell: indexHtml };
  const loadingShell = indexHtml.replace(SIGN_IN_TEMPLATE, '');
  const signInShell = loadingShell
    .replace(SHELL, () => `<!--shell-->${template[1].replace(/\s+$/, '')}\n      <!--/shell-->`)
    .replace('<div class="pf-shell" ', '<div class="pf-shell pf-shell-login" ');
  return { loadingShell, signInShell };
}

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}

/** Every chunk a module needs before it runs: its own and those it imports statically, transitively. */
function staticClosure(manifest: Record<string, ManifestChunk>, keys: string[]): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    files.add(manifest[key].file);
    manifest[key].imports?.forEach(visit);
  };
  keys.forEach(visit);
  return files;
}

/**
 * The admin console's build at /admin/: hashed assets precompressed at build time (brotli or gzip
 * by the request's Accept-Encoding) and cached as immutable; every other address answers
 * index.html, revalidated on each load, with the first page's code preloaded.
 */
export function consoleRoutes(adminDist: string): Router {
  const router = Router();
  const indexFile = path.join(adminDist, 'index.html');
  if (!fs.existsSync(indexFile)) return router;
  const indexHtml = fs.readFileSync(indexFile, 'utf8');
  const manifestFile = path.join(adminDist, '.vite', 'manifest.json');
  const manifest: Record<string, ManifestChunk> = fs.existsSync(manifestFile) ? JSON.parse(fs.readFileSync(manifestFile, 'utf8')) : {};
  const alreadyLoaded = staticClosure(manifest, ['index.html']);
  const { loadingShell, signInShell } = shells(indexHtml);
  const withPreloads = (html: string, keys: string[]) => {
    const links = [...staticClosure(manifest, [...CONSOLE, ...keys])]
      .filter((file) => !alreadyLoaded.has(file))
      .map((file) => `<link rel="modulepreload" crossorigin href="/admin/${file}">`)
      .join('\n    ');
    return links.length > 0 ? html.replace('</head>', `  ${links}\n  </head>`) : html;
  };
  const pages = FIRST_PAGES.map(([pattern, keys, shell]) => [pattern, withPreloads(shell === 'sign-in' ? signInShell : loadingShell, keys)] as const);
  const otherPages = withPreloads(loadingShell, []);

  router.use(
    '/admin/assets',
    expressStaticGzip(path.join(adminDist, 'assets'), {
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      index: false,
      serveStatic: { index: false, setHeaders: (res) => res.setHeader('cache-control', IMMUTABLE) },
    }),
    // A hashed file that is not there (a page still open from an earlier release) is not the console's index.html.
    (_req: express.Request, res: express.Response) => res.status(404).setHeader('cache-control', 'no-store').type('text/plain').send('Not found'),
  );
  router.use(
    '/admin',
    expressStaticGzip(adminDist, {
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      index: false,
      serveStatic: { index: false, setHeaders: (res) => res.setHeader('cache-control', REVALIDATE) },
    }),
  );
  router.get(['/admin', '/admin/{*rest}'], (req, res) => {
    const route = req.path.replace(/^\/admin/, '').replace(/\/$/, '');
    const page = pages.find(([pattern]) => pattern.test(route));
    res.setHeader('cache-control', REVALIDATE);
    res.type('html').send(page ? page[1] : otherPages);
  });
  return router;
}
