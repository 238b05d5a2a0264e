import fs from 'node:fs';
import path from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { repoRoot } from '../../api/src/core/config';

/** The published schemas live beside the project (CI puts shared/ next to the clone); never copied into it. */
export const standardsDir = path.resolve(repoRoot, '..', 'shared', 'standards');
export const standardsPresent = fs.existsSync(path.join(standardsDir, 'ob-v3p0-achievementcredential.schema.json'));

/** describe() when the published schemas are there, otherwise a skipped block that says why. */
export function describeWithStandards(name: string, body: () => void): void {
  if (standardsPresent) {
    describe(name, body);
  } else {
    console.warn(`${name}: skipped, the published schemas are not in ${standardsDir} (see shared/standards/README.md)`);
    describe.skip(name, body);
  }
}

const readSchema = (file: string) => JSON.parse(fs.readFileSync(path.join(standardsDir, file), 'utf8'));

/** Open Badges 3.0 (JSON Schema 2019-09): the whole AchievementCredential, and its $defs.Achievement. */
let openBadges: { credential: ValidateFunction; achievement: ValidateFunction } | undefined;
export function openBadgesValidators(): { credential: ValidateFunction; achievement: ValidateFunction } {
  if (openBadges) return openBadges;
  const schema = readSchema('ob-v3p0-achievementcredential.schema.json');
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema(schema);
  openBadges = { credential: ajv.getSchema(schema.$id)!, achievement: ajv.getSchema(`${schema.$id}#/$defs/Achievement`)! };
  return openBadges;
}

/**
 * The registry's schemas point at definitions they do not contain (for example
 * `#/definitions/ceterms:description` in pathway.schema.json, `ceasn:codedNotation` in
 * pathway_component.schema.json). A validator cannot compile a reference it cannot resolve, so
 * those references are opened up (they constrain nothing), and everything the schemas do define
 * — required properties, types, language maps, URIs — is enforced as published.
 */
function openDanglingReferences(schema: { definitions: Record<string, unknown> }): { schema: unknown; dangling: string[] } {
  const dangling = new Set<string>();
  const resolves = (ref: string) => ref.startsWith('#/definitions/') && ref.slice('#/definitions/'.length) in schema.definitions;
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string' && !resolves(ref)) {
      dangling.add(ref);
      return {};
    }
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, walk(value)]));
  };
  return { schema: walk(schema), dangling: [...dangling].sort() };
}

/** Credential Engine registry schemas (draft-04) for a published pathway and for each of its components. */
let ctdl: { pathway: ValidateFunction; component: ValidateFunction; dangling: string[] } | undefined;
export function ctdlValidators(): { pathway: ValidateFunction; component: ValidateFunction; dangling: string[] } {
  if (ctdl) return ctdl;
  const compile = (file: string) => {
    const { schema, dangling } = openDanglingReferences(readSchema(path.join('ctdl-registry', file)));
    const ajv = new AjvDraft04({ allErrors: true, strict: false });
    addFormats(ajv);
    return { validate: ajv.compile(schema as object), dangling };
  };
  const pathway = compile('pathway.schema.json');
  const component = compile('pathway_component.schema.json');
  ctdl = { pathway: pathway.validate, component: component.validate, dangling: [...new Set([...pathway.dangling, ...component.dangling])].sort() };
  return ctdl;
}

/** Validation errors in a form jest prints readably. */
export const errorsOf = (validate: ValidateFunction, document: unknown) =>
  (validate(document) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`));

/**
 * Compiles the validators up front. Compiling takes seconds of blocked event loop; done between
 * requests, the test server's keep-alive timer fires meanwhile and resets the client's next request.
 */
export function compileValidatorsFirst(): void {
  if (!standardsPresent) return;
  openBadgesValidators();
  ctdlValidators();
}
