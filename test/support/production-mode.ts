/**
 * Imported first by a spec that runs the server as production runs it: config reads NODE_ENV when
 * it is loaded. Secrets must then come from the environment, as production requires.
 */
process.env.NODE_ENV = 'production';
process.env.AUTH_SECRET ??= 'a test secret that is long enough for production checks';
