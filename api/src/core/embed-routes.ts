import fs from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import { repoRoot } from './config';

export const embedDist = path.join(repoRoot, 'embed', 'dist');
/** The finder's persisted document, written by its build; the API registers it at start. */
export const embedPersistedDocuments = path.join(embedDist, 'persisted-documents.json');

/**
 * The embeddable pathway finder at /embed/pathway-finder.js, and a demo page at /embed/.
 * The script may be kept by caches for five minutes, and for a day while they refresh it.
 */
export function embedRoutes(): Router {
  const router = Router();
  if (!fs.existsSync(path.join(embedDist, 'pathway-finder.js'))) return router;
  router.get('/embed/', (_req, res) => {
    res.setHeader('cache-control', 'public, max-age=300');
    res.sendFile(path.join(repoRoot, 'embed', 'demo', 'index.html'));
  });
  router.use(
    '/embed',
    express.static(embedDist, {
      index: false,
      setHeaders: (res) => res.setHeader('cache-control', 'public, max-age=300, stale-while-revalidate=86400'),
    }),
  );
  return router;
}
