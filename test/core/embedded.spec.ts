import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setAsideOtherMajorVersion } from '../../api/src/core/embedded';

describe('the embedded PostgreSQL data directory', () => {
  let parent: string;
  beforeEach(() => {
    parent = fs.mkdtempSync(path.join(os.tmpdir(), 'pathforge-embedded-spec-'));
  });
  afterEach(() => fs.rmSync(parent, { recursive: true, force: true }));

  function dataDirOf(version: string): string {
    const dataDir = path.join(parent, 'pg');
    fs.mkdirSync(dataDir);
    fs.writeFileSync(path.join(dataDir, 'PG_VERSION'), `${version}\n`);
    fs.writeFileSync(path.join(dataDir, 'marker'), 'kept');
    return dataDir;
  }

  it('is moved aside, whole and with a log line, when an older PostgreSQL wrote it', () => {
    const dataDir = dataDirOf('17');
    const lines: string[] = [];
    setAsideOtherMajorVersion(dataDir, (line) => lines.push(line));
    expect(fs.existsSync(dataDir)).toBe(false);
    const [aside] = fs.readdirSync(parent);
    expect(aside).toMatch(/^pg-17-/);
    expect(fs.readFileSync(path.join(parent, aside, 'marker'), 'utf8')).toBe('kept');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(path.join(parent, aside));
  });

  it('is left in place when the shipped PostgreSQL wrote it', () => {
    const dataDir = dataDirOf('18');
    const lines: string[] = [];
    setAsideOtherMajorVersion(dataDir, (line) => lines.push(line));
    expect(fs.readdirSync(parent)).toEqual(['pg']);
    expect(lines).toEqual([]);
  });
});
