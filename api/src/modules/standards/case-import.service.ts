import { isDeepStrictEqual } from 'node:util';
import { EntityManager, In } from 'typeorm';
import { ErrorCode, UserError, userError, UserInputFailure } from '../../core/errors';
import { Competency, CompetencyType } from './competency.entity';
import { CompetencyFramework } from './competency-framework.entity';
import {
  CF_ITEM_TYPES,
  DOCUMENT_COLUMNS,
  documentDefaults,
  generatedHierarchy,
  IS_CHILD_OF,
  ITEM_COLUMNS,
  itemDefaults,
  JURISDICTION_EXTENSION,
  withoutDefaults,
} from './case-package';
import { CaseFrameworkExtras, CaseItemExtras, CaseObject } from './case-package.types';

export interface CaseImportResult {
  framework: CompetencyFramework;
  frameworkCreated: boolean;
  frameworkChanged: boolean;
  /** Competencies. */
  created: number;
  updated: number;
  unchanged: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PACKAGE_MEMBERS = ['CFDocument', 'CFItems', 'CFAssociations'];
const ITEM_TYPE_BY_NAME = new Map(Object.entries(CF_ITEM_TYPES).map(([type, name]) => [name.toLowerCase(), type as CompetencyType]));
const IMPORT_LOCK = 'pathforge.case-import';

const isObject = (value: unknown): value is CaseObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const omit = (object: CaseObject, keys: readonly string[]) => Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));
/** jsonb keeps no key order, so stored extras compare by value. */
const sameJson = (a: unknown, b: unknown) => isDeepStrictEqual(JSON.parse(JSON.stringify(a ?? null)), JSON.parse(JSON.stringify(b ?? null)));
/**
 * The members of a CFDocument or CFItem kept beside the columns: those without a column, and those
 * whose column would normalise them (an uppercase identifier, a lastChangeDateTime with
 * microseconds or an offset, an item type outside our four), so an export gives them back as given.
 */
function restOf(raw: CaseObject, columns: readonly string[], normalised: CaseObject): CaseObject {
  return Object.fromEntries(Object.entries(raw).filter(([key, value]) => !columns.includes(key) || (key in normalised && normalised[key] !== value)));
}
const nonEmpty = <T extends object>(value: T): T | undefined => (Object.keys(value).length > 0 ? value : undefined);

/** Reads a package and collects every problem at once, so a refused import says all that is wrong. */
class PackageReader {
  readonly errors: UserError[] = [];

  constructor(private readonly root: string[]) {}

  fail(path: (string | number)[], message: string, code = ErrorCode.INVALID): void {
    this.errors.push(userError([...this.root, ...path.map(String)], message, code));
  }

  text(object: CaseObject, key: string, path: (string | number)[], maxLength: number, required: boolean): string | null {
    const value = object[key];
    if (value === undefined || value === null || value === '') {
      if (required) this.fail([...path, key], `${key} is required`, ErrorCode.REQUIRED);
      return null;
    }
    if (typeof value !== 'string') {
      this.fail([...path, key], `${key} must be a string`);
      return null;
    }
    if (value.length > maxLength) this.fail([...path, key], `${key} is longer than ${maxLength} characters`, ErrorCode.TOO_LONG);
    return value;
  }

  identifier(object: CaseObject, path: (string | number)[]): string {
    const value = object.identifier;
    if (typeof value !== 'string' || !UUID.test(value)) this.fail([...path, 'identifier'], 'identifier must be a UUID', value === undefined ? ErrorCode.REQUIRED : ErrorCode.INVALID);
    return String(value).toLowerCase();
  }

  dateTime(object: CaseObject, path: (string | number)[]): Date | null {
    const value = object.lastChangeDateTime;
    if (value === undefined) return null;
    const date = typeof value === 'string' ? new Date(value) : new Date(NaN);
    if (Number.isNaN(date.getTime())) this.fail([...path, 'lastChangeDateTime'], 'lastChangeDateTime must be a date-time');
    return date;
  }
}

interface ItemPlan {
  raw: CaseObject;
  identifier: string;
  code: string;
  /** No humanCodingScheme was given: the code is the identifier, and an export leaves it out. */
  codeAbsent: boolean;
  statement: string;
  type: CompetencyType;
  changedAt: Date | null;
  /** The association that makes it a child, and the identifier of its destination. */
  childOf: CaseObject | null;
  parentIdentifier: string | null;
}

function linkIdentifier(value: unknown): string | null {
  return isObject(value) && typeof value.identifier === 'string' ? value.identifier.toLowerCase() : null;
}

/**
 * Imports a CASE 1.1 CFPackage onto a framework and its competencies, matched by CASE
 * identifier, so re-importing a package updates what an earlier import created. Members
 * without a column are kept and written back by the export; the package's lastChangeDateTime
 * values become the rows' updatedAt. Anything wrong refuses the whole package
 * (UserInputFailure) with one error per problem. Competencies the package does not mention are
 * left as they are.
 */
export async function importCasePackage(em: EntityManager, input: unknown, root: string[] = ['input', 'package']): Promise<CaseImportResult> {
  const reader = new PackageReader(root);
  if (!isObject(input) || !isObject(input.CFDocument)) throw UserInputFailure.of(root, 'A CFPackage is an object with a CFDocument', ErrorCode.INVALID);
  const rawDocument = input.CFDocument;
  const rawItems = input.CFItems ?? [];
  const rawAssociations = input.CFAssociations ?? [];
  if (!Array.isArray(rawItems) || !rawItems.every(isObject)) reader.fail(['CFItems'], 'CFItems must be a list of objects');
  if (!Array.isArray(rawAssociations) || !rawAssociations.every(isObject)) reader.fail(['CFAssociations'], 'CFAssociations must be a list of objects');
  if (reader.errors.length > 0) throw new UserInputFailure(reader.errors);
  const items = rawItems as CaseObject[];
  const associations = rawAssociations as CaseObject[];

  const documentPath = ['CFDocument'];
  const documentIdentifier = reader.identifier(rawDocument, documentPath);
  const name = reader.text(rawDocument, 'title', documentPath, 300, true);
  const creator = reader.text(rawDocument, 'creator', documentPath, 200, false);
  // The column needs a name; the export leaves publisher out again when the package had none.
  const publisher = reader.text(rawDocument, 'publisher', documentPath, 200, false) ?? creator;
  if (publisher === null) reader.fail([...documentPath, 'creator'], 'creator is required', ErrorCode.REQUIRED);
  const version = reader.text(rawDocument, 'version', documentPath, 50, false);
  const description = reader.text(rawDocument, 'description', documentPath, 5000, false);
  const sourceUrl = reader.text(rawDocument, 'officialSourceURL', documentPath, 500, false);
  const documentChangedAt = reader.dateTime(rawDocument, documentPath);
  const extensions = isObject(rawDocument.extensions) ? rawDocument.extensions : {};
  const jurisdiction = reader.text(extensions, JURISDICTION_EXTENSION, [...documentPath, 'extensions'], 100, false);

  const itemIdentifiers = new Set<string>();
  const codes = new Set<string>();
  const plans = items.map((raw, index): ItemPlan => {
    const path = ['CFItems', index];
    const identifier = reader.identifier(raw, path);
    if (itemIdentifiers.has(identifier) || identifier === documentIdentifier) reader.fail([...path, 'identifier'], 'identifier appears twice in the package', ErrorCode.TAKEN);
    itemIdentifiers.add(identifier);
    // CASE makes humanCodingScheme optional; the competency's code is then its identifier.
    const given = reader.text(raw, 'humanCodingScheme', path, 50, false);
    const code = given ?? identifier;
    if (codes.has(code)) reader.fail([...path, 'humanCodingScheme'], `humanCodingScheme ${code} appears twice`, ErrorCode.TAKEN);
    codes.add(code);
    const statement = reader.text(raw, 'fullStatement', path, 2000, true) ?? '';
    // CFItemType is open vocabulary: kept as given; our four types map onto the column, others count as skills.
    const typeName = reader.text(raw, 'CFItemType', path, 100, false);
    const type = ITEM_TYPE_BY_NAME.get((typeName ?? '').toLowerCase()) ?? CompetencyType.SKILL;
    return { raw, identifier, code, codeAbsent: given === null, statement, type, changedAt: reader.dateTime(raw, path), childOf: null, parentIdentifier: null };
  });

  /** The first isChildOf from an item to an item or the document places it; every other association is kept as it came. */
  const planByIdentifier = new Map(plans.map((plan) => [plan.identifier, plan]));
  const otherAssociations: CaseObject[] = [];
  associations.forEach((association, index) => {
    const origin = planByIdentifier.get(linkIdentifier(association.originNodeURI) ?? '');
    const destination = linkIdentifier(association.destinationNodeURI);
    if (typeof association.associationType !== 'string') reader.fail(['CFAssociations', index, 'associationType'], 'associationType is required', ErrorCode.REQUIRED);
    const placesItem = association.associationType === IS_CHILD_OF && origin && !origin.childOf && destination !== null
      && (destination === documentIdentifier || planByIdentifier.has(destination));
    if (placesItem) {
      origin.childOf = association;
      origin.parentIdentifier = destination === documentIdentifier ? null : destination;
    } else {
      otherAssociations.push(association);
    }
  });
  for (const plan of plans) {
    const seen = new Set<string>();
    for (let at: ItemPlan | undefined = plan; at?.parentIdentifier; at = planByIdentifier.get(at.parentIdentifier)) {
      if (seen.has(at.identifier)) {
        reader.fail(['CFItems', plans.indexOf(plan)], `the isChildOf associations of ${plan.code} form a loop`, ErrorCode.CYCLE);
        break;
      }
      seen.add(at.identifier);
    }
  }
  if (reader.errors.length > 0) throw new UserInputFailure(reader.errors);

  await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [IMPORT_LOCK]);
  const frameworks = em.getRepository(CompetencyFramework);
  const competencies = em.getRepository(Competency);
  const existingFramework = await frameworks.findOne({ where: { caseIdentifier: documentIdentifier } });
  const framework = existingFramework ?? frameworks.create({ caseIdentifier: documentIdentifier });
  const frameworkBefore = existingFramework ? { ...existingFramework } : null;
  Object.assign(framework, { name, publisher, version, description, sourceUrl, jurisdiction });

  const documentRest = restOf(rawDocument, DOCUMENT_COLUMNS, {
    identifier: documentIdentifier,
    lastChangeDateTime: documentChangedAt?.toISOString(),
  });
  if (jurisdiction !== null) {
    const otherExtensions = omit(extensions, [JURISDICTION_EXTENSION]);
    if (Object.keys(otherExtensions).length > 0) documentRest.extensions = otherExtensions;
    else delete documentRest.extensions;
  }
  const frameworkExtras: CaseFrameworkExtras = {
    document: nonEmpty(withoutDefaults(documentRest, documentDefaults(framework))),
    package: nonEmpty(omit(input, PACKAGE_MEMBERS)),
    associations: otherAssociations.length > 0 ? otherAssociations : undefined,
    absent: nonEmpty(['publisher', ...Object.keys(documentDefaults(framework))].filter((key) => !(key in rawDocument))),
  };
  framework.caseExtras = nonEmpty(JSON.parse(JSON.stringify(frameworkExtras))) ?? null;
  const frameworkChangedAt = documentChangedAt ?? frameworkBefore?.updatedAt ?? new Date();
  const frameworkChanged = !frameworkBefore
    || (['name', 'publisher', 'version', 'description', 'sourceUrl', 'jurisdiction'] as const).some((key) => frameworkBefore[key] !== framework[key])
    || !sameJson(frameworkBefore.caseExtras, framework.caseExtras)
    || frameworkBefore.updatedAt.getTime() !== frameworkChangedAt.getTime();
  if (frameworkChanged) await frameworks.save(framework);

  const identifiers = [...itemIdentifiers];
  const current = await competencies.find({
    where: [{ frameworkId: framework.id }, ...(identifiers.length > 0 ? [{ caseIdentifier: In(identifiers) }] : [])],
  });
  const byIdentifier = new Map(current.filter((c) => c.caseIdentifier).map((c) => [c.caseIdentifier!.toLowerCase(), c]));
  plans.forEach((plan, index) => {
    const match = byIdentifier.get(plan.identifier);
    if (match && match.frameworkId !== framework.id) {
      reader.fail(['CFItems', index, 'identifier'], 'a competency of another framework has this identifier', ErrorCode.TAKEN);
    }
    const holder = current.find((c) => c.frameworkId === framework.id && c.code === plan.code);
    if (holder && holder !== match) reader.fail(['CFItems', index, 'humanCodingScheme'], `another competency of the framework has the code ${plan.code}`, ErrorCode.TAKEN);
  });
  if (reader.errors.length > 0) throw new UserInputFailure(reader.errors);

  const before = new Map(plans.map((plan) => [plan.identifier, byIdentifier.get(plan.identifier) ? { ...byIdentifier.get(plan.identifier)! } : null]));
  const fresh = plans.filter((plan) => !byIdentifier.has(plan.identifier)).map((plan) =>
    competencies.create({ frameworkId: framework.id, caseIdentifier: plan.identifier, code: plan.code, statement: plan.statement, type: plan.type, parentId: null }),
  );
  if (fresh.length > 0) for (const competency of await competencies.save(fresh)) byIdentifier.set(competency.caseIdentifier!, competency);

  const changedAt = new Map<number, Date>();
  for (const plan of plans) {
    const competency = byIdentifier.get(plan.identifier)!;
    Object.assign(competency, {
      code: plan.code,
      statement: plan.statement,
      type: plan.type,
      parentId: plan.parentIdentifier ? byIdentifier.get(plan.parentIdentifier)!.id : null,
    });
    changedAt.set(competency.id, plan.changedAt ?? before.get(plan.identifier)?.updatedAt ?? new Date());
    competency.updatedAt = changedAt.get(competency.id)!;
  }
  // The stored isChildOf is only what an export would not regenerate, which needs the final hierarchy.
  const all = [...new Map([...current, ...byIdentifier.values()].filter((c) => c.frameworkId === framework.id).map((c) => [c.id, c])).values()];
  framework.updatedAt = frameworkChangedAt;
  const generated = generatedHierarchy(framework, all);
  const result: CaseImportResult = { framework, frameworkCreated: !existingFramework, frameworkChanged, created: fresh.length, updated: 0, unchanged: 0 };
  const changed: Competency[] = [];
  for (const plan of plans) {
    const competency = byIdentifier.get(plan.identifier)!;
    const normalised = { identifier: plan.identifier, lastChangeDateTime: plan.changedAt?.toISOString(), CFItemType: CF_ITEM_TYPES[plan.type] };
    const itemExtras: CaseItemExtras = {
      item: nonEmpty(withoutDefaults(restOf(plan.raw, ITEM_COLUMNS, normalised), itemDefaults(framework, competency))),
      childOf: plan.childOf && !sameJson(plan.childOf, generated.get(competency.id)) ? plan.childOf : undefined,
      absent: nonEmpty([...(plan.codeAbsent ? ['humanCodingScheme'] : []), ...(plan.raw.CFItemType === undefined ? ['CFItemType'] : []), ...Object.keys(itemDefaults(framework, competency)).filter((key) => !(key in plan.raw))]),
    };
    competency.caseExtras = nonEmpty(JSON.parse(JSON.stringify(itemExtras))) ?? null;
    const previous = before.get(plan.identifier);
    const same = previous
      && (['code', 'statement', 'type', 'parentId'] as const).every((key) => previous[key] === competency[key])
      && sameJson(previous.caseExtras, competency.caseExtras)
      && previous.updatedAt.getTime() === competency.updatedAt.getTime();
    if (same) {
      result.unchanged += 1;
      continue;
    }
    if (previous) result.updated += 1;
    changed.push(competency);
  }
  // One at a time: TypeORM sends the updates of one save at once, and a connection runs one
  // statement at a time (pg will refuse statements sent while another runs).
  for (const competency of changed) await competencies.save(competency);

  // updatedAt carries CASE's lastChangeDateTime; saving stamps the current time, so set it after.
  if (frameworkChanged) {
    await em.query('UPDATE competency_framework SET updated_at = $2 WHERE id = $1', [framework.id, frameworkChangedAt]);
  }
  if (changed.length > 0) {
    await em.query(
      'UPDATE competency c SET updated_at = v.changed_at FROM unnest($1::int[], $2::timestamptz[]) AS v(id, changed_at) WHERE c.id = v.id',
      [changed.map((c) => c.id), changed.map((c) => changedAt.get(c.id)!.toISOString())],
    );
  }
  framework.updatedAt = frameworkChangedAt;
  return result;
}
