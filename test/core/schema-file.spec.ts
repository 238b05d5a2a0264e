import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { emitSchemaDefinitionFile } from 'type-graphql';
import { buildPathforgeSchema, schemaFile } from '../../api/src/schema/build';

describe('schema.graphql', () => {
  it('is what the code emits (run `npm run schema` after changing the API)', async () => {
    const fresh = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'schema-')), 'schema.graphql');
    await emitSchemaDefinitionFile(fresh, await buildPathforgeSchema(), { sortedSchema: true });
    expect(fs.readFileSync(schemaFile, 'utf8')).toBe(fs.readFileSync(fresh, 'utf8'));
  });
});
