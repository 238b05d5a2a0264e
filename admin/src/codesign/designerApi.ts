import { creditsText } from '../advising/routeRows';
import { CONFLICT, conflictMessage, UserError } from '../dataProvider';
import { gql } from '../graphql';
import { DESIGN, DESIGN_SELECTION, VIEWER } from './documents';

export type PathwayStatus = 'DRAFT' | 'IN_REVIEW' | 'CHANGES_REQUESTED' | 'APPROVED' | 'PUBLISHED' | 'RETIRED';
export type Strength = 'EXACT' | 'PARTIAL' | 'RELATED';
export type PartnerRole = 'LEAD' | 'CONTRIBUTOR' | 'VALIDATOR';

export interface CredentialSummary {
  id: string;
  title: string;
  level: number;
  creditValue: number;
  status: string;
  assessed: boolean;
}

export interface Stage {
  id: string;
  position: number;
  title: string;
  requirement: 'ALL' | 'AT_LEAST';
  requiredCount: number | null;
  minCredits: number | null;
  entries: { id: string; credential: CredentialSummary }[];
}

export interface Competency {
  id: string;
  code: string;
  statement: string;
}

export interface CompetencyCoverage {
  competency: Competency;
  by: { strength: Strength; credential: { id: string; title: string } }[];
}

export interface Comment {
  id: string;
  kind: 'COMMENT' | 'CHANGE_REQUEST';
  body: string;
  authorName: string | null;
  authorOrganization: string | null;
  createdAt: string;
  resolution: 'DONE' | 'ANSWERED' | 'WONT_DO' | null;
  resolutionNote: string | null;
  resolvedAt: string | null;
  stage: { id: string; title: string } | null;
}

export interface PathwayDesign {
  id: string;
  title: string;
  description: string | null;
  status: PathwayStatus;
  version: number;
  revision: number;
  reviewDueOn: string | null;
  publishedAt: string | null;
  approvedBy: string | null;
  createdAt: string;
  updatedAt: string;
  ownerInstitution: { id: string; name: string };
  stages: Stage[];
  destinationLinks: { id: string; occupation: { id: string; socCode: string; title: string; medianAnnualWage: number | null } }[];
  offRamps: { id: string; credential: { id: string; title: string }; occupation: { id: string; socCode: string; title: string } }[];
  partners: { id: string; role: PartnerRole; employer: { id: string; name: string } }[];
  coverage: { coreCount: number; coveredCount: number; ratio: number; covered: CompetencyCoverage[]; uncovered: Competency[]; relatedOnly: CompetencyCoverage[] };
  publishReadiness: { ready: boolean; checks: { check: string; passed: boolean; message: string }[] };
  comments: Comment[];
  endorsements: { id: string; statement: string; commitment: string | null; signatoryName: string; signatoryTitle: string | null; endorsedOn: string; current: boolean; employer: { id: string; name: string } }[];
  versions: { id: string; version: number; status: PathwayStatus; publishedAt: string | null; createdAt: string; updatedAt: string }[];
}

export { DESIGN_SELECTION };

export async function loadDesign(id: string): Promise<PathwayDesign | null> {
  const data = await gql<{ pathway: PathwayDesign | null }>(DESIGN, { id });
  return data.pathway;
}

export interface Viewer {
  role: 'ADMIN' | 'INSTITUTION_STAFF' | 'EMPLOYER_PARTNER' | 'ADVISOR' | 'PUBLIC';
  employer: { id: string; name: string } | null;
  institution: { id: string; name: string } | null;
  user: { displayName: string } | null;
}

export async function loadViewer(): Promise<Viewer> {
  const data = await gql<{ me: Viewer }>(VIEWER);
  return data.me;
}

/** A refused edit: `conflict` when someone else saved first, otherwise the API's reasons. */
export class EditRefused extends Error {
  constructor(
    message: string,
    readonly conflict: boolean,
  ) {
    super(message);
  }
}

/**
 * Runs one mutation and returns its payload; userErrors become an EditRefused whose message is
 * what people read. A CONFLICT always reads the same, so the designer can offer a reload.
 */
export async function edit<T = unknown>(mutation: string, inputType: string, input: Record<string, unknown>, selection = 'userErrors { field message code }'): Promise<T> {
  const data = await gql<Record<string, T & { userErrors: UserError[] }>>(
    `mutation Designer($input: ${inputType}!) { ${mutation}(input: $input) { ${selection} } }`,
    { input },
  );
  const payload = data[mutation];
  const errors = payload.userErrors ?? [];
  if (errors.some((error) => error.code === CONFLICT)) throw new EditRefused(conflictMessage('Pathway'), true);
  if (errors.length) throw new EditRefused(errors.map((error) => error.message).join('; '), false);
  return payload;
}

export interface Option {
  id: string;
  label: string;
  detail?: string;
}

/** Search for the autocompletes: credentials, occupations and employers by text. */
export async function searchCredentials(search: string): Promise<Option[]> {
  const data = await gql<{ credentials: { nodes: { id: string; title: string; level: number; creditValue: number; status: string }[] } }>(
    `query CredentialSearch($filter: CredentialFilter) { credentials(first: 20, filter: $filter, orderBy: { field: TITLE, direction: ASC }) { nodes { id title level creditValue status } } }`,
    { filter: search ? { search } : {} },
  );
  return data.credentials.nodes.map((node) => ({ id: node.id, label: node.title, detail: `Level ${node.level} · ${creditsText(node.creditValue)}${node.status === 'PUBLISHED' ? '' : ` · ${node.status.toLowerCase()}`}` }));
}

export async function searchOccupations(search: string): Promise<Option[]> {
  const data = await gql<{ occupations: { nodes: { id: string; title: string; socCode: string }[] } }>(
    `query OccupationSearch($filter: OccupationFilter) { occupations(first: 20, filter: $filter) { nodes { id title socCode } } }`,
    { filter: search ? { search } : {} },
  );
  return data.occupations.nodes.map((node) => ({ id: node.id, label: node.title, detail: `SOC ${node.socCode}` }));
}

export async function searchEmployers(search: string): Promise<Option[]> {
  const data = await gql<{ employers: { nodes: { id: string; name: string; region: string | null }[] } }>(
    `query EmployerSearch($filter: EmployerFilter) { employers(first: 20, filter: $filter) { nodes { id name region } } }`,
    { filter: search ? { search } : {} },
  );
  return data.employers.nodes.map((node) => ({ id: node.id, label: node.name, detail: node.region ?? undefined }));
}

export interface VersionActivity {
  mutation: string;
  at: string;
  role: string;
  authorName: string | null;
  authorOrganization: string | null;
}

/**
 * The latest recorded change of each version, newest first per version, in one request. The audit
 * log is for those who may change the pathway; anyone else gets no activity rather than an error.
 */
export async function loadVersionActivity(versionIds: readonly string[]): Promise<Map<string, VersionActivity>> {
  if (versionIds.length === 0) return new Map();
  const fields = versionIds.map((_id, index) => `v${index}: auditLog(first: 1, filter: { recordId: $id${index} }) { nodes { mutation at role authorName authorOrganization } }`).join(' ');
  const variables = Object.fromEntries(versionIds.map((id, index) => [`id${index}`, id]));
  const declarations = versionIds.map((_id, index) => `$id${index}: ID!`).join(', ');
  try {
    const data = await gql<Record<string, { nodes: VersionActivity[] }>>(`query VersionActivity(${declarations}) { ${fields} }`, variables);
    return new Map(versionIds.flatMap((id, index) => (data[`v${index}`].nodes[0] ? [[id, data[`v${index}`].nodes[0]] as const] : [])));
  } catch {
    return new Map();
  }
}

export async function searchInstitutions(search: string): Promise<Option[]> {
  const data = await gql<{ institutions: { nodes: { id: string; name: string; region: string | null }[] } }>(
    `query InstitutionSearch($filter: InstitutionFilter) { institutions(first: 20, filter: $filter) { nodes { id name region } } }`,
    { filter: search ? { search } : {} },
  );
  return data.institutions.nodes.map((node) => ({ id: node.id, label: node.name, detail: node.region ?? undefined }));
}
