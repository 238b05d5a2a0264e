import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../api/src/core/config';
import { API_V8_FLAGS, apiNodeArguments, missingV8Flags } from '../../api/src/core/runtime-flags';

describe("the API's V8 flags", () => {
  it('are on npm start\'s node command line, before the entry point, as the benchmark passes them', () => {
    const { scripts } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    const node = (scripts.start as string).split('&&').map((part) => part.trim()).find((part) => part.startsWith('node '));
    expect(node).toBe(`node ${apiNodeArguments('dist/api/src/main.js').join(' ')}`);
    expect(API_V8_FLAGS.length).toBeGreaterThan(0);
  });

  it('are reported missing only when the process was started without them', () => {
    expect(missingV8Flags(['--inspect'])).toEqual([...API_V8_FLAGS]);
    expect(missingV8Flags(['--inspect', ...API_V8_FLAGS])).toEqual([]);
  });
});
