import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { config } from './config';

/**
 * A secret from the environment, or, outside production, one generated once and kept under
 * .data/ so tokens survive restarts of a local install. Production must set it explicitly.
 */
export function secretFromEnvironment(name: string): Buffer {
  const fromEnv = process.env[name];
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error(`${name} must be at least 32 characters`);
    return Buffer.from(fromEnv, 'utf8');
  }
  if (config.production) throw new Error(`${name} must be set in production`);
  const file = path.join(config.dataDir, 'secrets', name.toLowerCase());
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    // Written aside and linked into place, so that API processes starting together never read a
    // half-written secret: the first link wins and every process reads that one.
    const draft = `${file}.${process.pid}.${randomBytes(6).toString('hex')}`;
    fs.writeFileSync(draft, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
    try {
      fs.linkSync(draft, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      fs.rmSync(draft, { force: true });
    }
  }
  return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'utf8');
}
