import path from 'node:path';
import madge from 'madge';

const root = path.join(__dirname, '..', '..');

/** The project's import graph: every TypeScript file of the API, the migrations and the benchmark. */
async function importGraph(): Promise<Record<string, string[]>> {
  const graph = await madge(['api/src', 'migrations', 'bench'], { baseDir: root, fileExtensions: ['ts'], tsConfig: path.join(root, 'tsconfig.json') });
  return graph.obj();
}

describe('structure', () => {
  let graph: Record<string, string[]>;
  beforeAll(async () => {
    graph = await importGraph();
  }, 120000);

  it('has no import cycles', () => {
    const cycles: string[][] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(file)), file]);
        return;
      }
      state.set(file, 'open');
      for (const next of graph[file] ?? []) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of Object.keys(graph)) visit(file, []);
    expect(Object.keys(graph).length).toBeGreaterThan(100);
    expect(cycles).toEqual([]);
  });

  it('keeps core/ free of modules/, directly and through anything core imports', () => {
    const reached = new Map<string, string>();
    for (const start of Object.keys(graph).filter((file) => file.startsWith('api/src/core/'))) {
      const seen = new Set<string>();
      const queue = [start];
      while (queue.length > 0) {
        const file = queue.shift() as string;
        if (seen.has(file)) continue;
        seen.add(file);
        if (file.startsWith('api/src/modules/')) reached.set(start, file);
        else queue.push(...(graph[file] ?? []));
      }
    }
    expect(Object.keys(graph).filter((file) => file.startsWith('api/src/core/')).length).toBeGreaterThan(20);
    expect(Object.fromEntries(reached)).toEqual({});
  });
});
