import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { config } from './config';

/** The secrets the API needs; production must set each in the environment. */
export const REQUIRED_SECRETS = ['AUTH_SECRET', 'CREDENTIAL_KEY_SECRET'] as const;

/** Least estimated entropy of a secret given in the environment: 128 bits. */
export const MIN_SECRET_BITS = 128;

/**
 * The entropy of `value` estimated from its own characters' frequencies (Shannon entropy per
 * character times its length): 32 × "a" scores 0 and a phrase of repeated words little, while 48
 * random base64 characters score about 250.
 */
export function estimatedBits(value: string): number {
  const chars = [...value];
  const counts = new Map<string, number>();
  for (const char of chars) counts.set(char, (counts.get(char) ?? 0) + 1);
  let perChar = 0;
  for (const count of counts.values()) {
    const p = count / chars.length;
    perChar -= p * Math.log2(p);
  }
  return perChar * chars.length;
}

/** Why `value` is too weak to be `name`, or null when it will do. */
export function weakSecretProblem(name: string, value: string): string | null {
  if (value.length < 32) return `${name} must be at least 32 characters`;
  const bits = estimatedBits(value);
  if (bits < MIN_SECRET_BITS) {
    return `${name} is too predictable (about ${Math.floor(bits)} bits, at least ${MIN_SECRET_BITS} needed): generate one with \`openssl rand -base64 48\``;
  }
  return null;
}

/** What is wrong with the secrets' configuration: empty when the API can sign tokens and seal keys. */
export function secretProblems(): string[] {
  const problems: string[] = [];
  for (const name of REQUIRED_SECRETS) {
    try {
      secretFromEnvironment(name);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  return problems;
}

/** Throws, naming every problem, unless the secrets will do: the API's processes call it before anything else. */
export function assertSecretsConfigured(): void {
  const problems = secretProblems();
  if (problems.length > 0) throw new Error(`Refusing to start: ${problems.join('; ')}`);
}

/**
 * A secret from the environment, or, outside production, one generated once and kept under
 * .data/ so tokens survive restarts of a local install. Production must set it explicitly.
 */
export function secretFromEnvironment(name: string): Buffer {
  const fromEnv = process.env[name];
  if (fromEnv) {
    const problem = weakSecretProblem(name, fromEnv);
    if (problem) throw new Error(problem);
    return Buffer.from(fromEnv, 'utf8');
  }
  if (config.production) throw new Error(`${name} must be set in production`);
  return Buffer.from(generatedSecret(path.join(config.dataDir, 'secrets', name.toLowerCase())), 'utf8');
}

/**
 * The secret kept in `file`, generated (48 random bytes, base64url) the first time it is asked for.
 * The folder is made private and the file readable by its owner only.
 */
export function generatedSecret(file: string): string {
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
  return fs.readFileSync(file, 'utf8').trim();
}
