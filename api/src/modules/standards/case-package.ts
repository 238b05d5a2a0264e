import { isDeepStrictEqual } from 'node:util';
import { publicBaseUrl, uuidV5 } from '../interop/identifiers';
import { Competency, CompetencyType } from './competency.entity';
import { CompetencyFramework } from './competency-framework.entity';
import { CaseLink, CaseObject } from './case-package.types';

/** The CASE 1.1 REST binding's base path (1EdTech CASE Service 1.1). */
export const CASE_PATH = '/ims/case/v1p1';

/** Where exported packages say they live: under PUBLIC_BASE_URL, like every other export. */
export const caseBaseUrl = () => `${publicBaseUrl()}${CASE_PATH}`;

export const CF_ITEM_TYPES: Record<CompetencyType, string> = {
  [CompetencyType.KNOWLEDGE]: 'Knowledge',
  [CompetencyType.SKILL]: 'Skill',
  [CompetencyType.TASK]: 'Task',
  [CompetencyType.ABILITY]: 'Ability',
};

export const IS_CHILD_OF = 'isChildOf';

/** CFDocument and CFItem members held in columns; the import keeps everything else as it came. */
export const DOCUMENT_COLUMNS = ['identifier', 'title', 'publisher', 'version', 'description', 'officialSourceURL', 'lastChangeDateTime'] as const;
export const ITEM_COLUMNS = ['identifier', 'fullStatement', 'humanCodingScheme', 'CFItemType', 'lastChangeDateTime'] as const;
/** Jurisdiction has no CFDocument property; it travels as a CASE 1.1 extension. */
export const JURISDICTION_EXTENSION = 'jurisdiction';

/** A framework's CASE identifier; rows from before identifiers were given get a derived one. */
export const frameworkIdentifier = (framework: CompetencyFramework) => framework.caseIdentifier ?? uuidV5(`CompetencyFramework:${framework.id}`);
export const competencyIdentifier = (competency: Competency) => competency.caseIdentifier ?? uuidV5(`Competency:${competency.id}`);

export const documentLink = (framework: CompetencyFramework): CaseLink => ({
  title: framework.name,
  identifier: frameworkIdentifier(framework),
  uri: `${caseBaseUrl()}/CFDocuments/${frameworkIdentifier(framework)}`,
});

const itemLink = (competency: Competency): CaseLink => ({
  title: competency.code,
  identifier: competencyIdentifier(competency),
  uri: `${caseBaseUrl()}/CFItems/${competencyIdentifier(competency)}`,
});

/** What an export writes for a document beyond its columns, when the import brought nothing else. */
export function documentDefaults(framework: CompetencyFramework): CaseObject {
  const identifier = frameworkIdentifier(framework);
  return {
    uri: `${caseBaseUrl()}/CFDocuments/${identifier}`,
    creator: framework.publisher,
    CFPackageURI: { title: framework.name, identifier, uri: `${caseBaseUrl()}/CFPackages/${identifier}` },
  };
}

export function itemDefaults(framework: CompetencyFramework, competency: Competency): CaseObject {
  return { uri: itemLink(competency).uri, CFDocumentURI: documentLink(framework) };
}

/** The isChildOf association an export writes for a competency's place in the hierarchy. */
function generatedChildOf(framework: CompetencyFramework, competency: Competency, parent: Competency | null, sequenceNumber: number): CaseObject {
  const origin = itemLink(competency);
  const destination = parent ? itemLink(parent) : documentLink(framework);
  const identifier = uuidV5(`${IS_CHILD_OF}:${origin.identifier}:${destination.identifier}`);
  return {
    identifier,
    uri: `${caseBaseUrl()}/CFAssociations/${identifier}`,
    associationType: IS_CHILD_OF,
    sequenceNumber,
    originNodeURI: origin,
    destinationNodeURI: destination,
    CFDocumentURI: documentLink(framework),
    lastChangeDateTime: competency.updatedAt.toISOString(),
  };
}

/** Drops members whose value an export would write anyway, so edits here are not masked by stale copies. */
export function withoutDefaults(values: CaseObject, defaults: CaseObject): CaseObject {
  return Object.fromEntries(Object.entries(values).filter(([key, value]) => !isDeepStrictEqual(value, defaults[key])));
}

const present = (entries: [string, unknown][], absent: string[] = []) =>
  entries.filter(([key, value]) => value !== null && value !== undefined && !absent.includes(key));

/** UUIDs compare without regard to case (RFC 9562 §4); what a package gave is written back as given. */
export const sameUuid = (a: unknown, b: unknown) => typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();

/**
 * lastChangeDateTime as the import gave it (microseconds, offset and all) while the row has not
 * changed since; the row's own time once it has.
 */
function lastChangeOf(updatedAt: Date, given: unknown): string {
  return typeof given === 'string' && Date.parse(given) === updatedAt.getTime() ? given : updatedAt.toISOString();
}

const inCodeOrder = (competencies: Competency[]) => [...competencies].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.id - b.id));

/**
 * The isChildOf association an export generates for each competency, by competency id, whatever
 * an import stored: siblings are numbered in code order, the sequence CASE consumers lay a
 * framework out in.
 */
export function generatedHierarchy(framework: CompetencyFramework, competencies: Competency[]): Map<number, CaseObject> {
  const sorted = inCodeOrder(competencies);
  const byId = new Map(sorted.map((competency) => [competency.id, competency]));
  const counters = new Map<number | null, number>();
  const associations = new Map<number, CaseObject>();
  for (const competency of sorted) {
    const sequenceNumber = (counters.get(competency.parentId) ?? 0) + 1;
    counters.set(competency.parentId, sequenceNumber);
    const parent = competency.parentId === null ? null : (byId.get(competency.parentId) ?? null);
    associations.set(competency.id, generatedChildOf(framework, competency, parent, sequenceNumber));
  }
  return associations;
}

/**
 * A framework as a CASE 1.1 CFPackage: its CFDocument, one CFItem per competency, and the
 * hierarchy as isChildOf associations (top-level competencies are children of the document).
 * Members an import brought without a column of their own are written back as they came.
 */
export function buildCasePackage(framework: CompetencyFramework, competencies: Competency[]): CaseObject {
  const sorted = inCodeOrder(competencies);
  const extras = framework.caseExtras ?? {};
  const documentExtras = extras.document ?? {};
  const extensions = { ...(documentExtras.extensions as CaseObject | undefined) };
  if (framework.jurisdiction !== null) extensions[JURISDICTION_EXTENSION] = framework.jurisdiction;

  const document = Object.fromEntries(present([
    ['identifier', frameworkIdentifier(framework)],
    ...Object.entries({ ...documentDefaults(framework), ...documentExtras }),
    ['title', framework.name],
    ['publisher', framework.publisher],
    ['version', framework.version],
    ['description', framework.description],
    ['officialSourceURL', framework.sourceUrl],
    ['lastChangeDateTime', lastChangeOf(framework.updatedAt, documentExtras.lastChangeDateTime)],
    ['extensions', Object.keys(extensions).length > 0 ? extensions : undefined],
  ], extras.absent));

  const items = sorted.map((competency) =>
    Object.fromEntries(present([
      ['identifier', competencyIdentifier(competency)],
      ...Object.entries({ ...itemDefaults(framework, competency), ...(competency.caseExtras?.item ?? {}) }),
      ['fullStatement', competency.statement],
      ['humanCodingScheme', competency.code],
      // Open vocabulary: a type the import brought ("Standard", "Element"…) is written back as given.
      ['CFItemType', competency.caseExtras?.item?.CFItemType ?? CF_ITEM_TYPES[competency.type]],
      ['lastChangeDateTime', lastChangeOf(competency.updatedAt, competency.caseExtras?.item?.lastChangeDateTime)],
    ], competency.caseExtras?.absent)),
  );

  const generated = generatedHierarchy(framework, sorted);
  const hierarchy = sorted.map((competency) => {
    const association = generated.get(competency.id)!;
    const stored = competency.caseExtras?.childOf;
    const storedDestination = (stored?.destinationNodeURI as CaseLink | undefined)?.identifier;
    return stored && sameUuid(storedDestination, (association.destinationNodeURI as CaseLink).identifier) ? stored : association;
  });

  return {
    CFDocument: document,
    CFItems: items,
    CFAssociations: [...hierarchy, ...(extras.associations ?? [])],
    ...(extras.package ?? {}),
  };
}
