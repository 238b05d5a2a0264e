import { DataSource, EntityMetadata } from 'typeorm';
import { getMetadataStorage } from 'type-graphql';
import { Role } from '../core/viewer';
import { Viewer } from '../core/viewer';
import { registeredEntities } from '../core/registry';

/**
 * What the read compiler knows about each type it compiles: the table, how each relation field
 * joins, and the viewer's row scope as SQL. A type that is not described here, or a field of a
 * described type that is neither a column nor a relation below, is resolved by its resolver.
 */

/**
 * SQL that is true for the rows of `alias` the viewer may read; null when every row is readable.
 * The viewer's ids go in as parameters (`value`), so one statement serves every viewer of a role.
 */
type Scope = (viewer: Viewer, alias: string, value: Value) => string | null;
/** A parameter of the statement holding an integer id (or NULL), as SQL. */
export type Value = (id: number | null | undefined) => string;

export interface Relation {
  target: string;
  many: boolean;
  /** For one: the parent's column that holds the target's id. */
  key?: string;
  /** For many: `FROM … WHERE …` binding `t` (the target) against `p` (the parent), and its order. */
  from?: (t: string, p: string) => string;
  order?: (t: string) => string;
  /** The parent being readable already makes every target row readable (its own parts). */
  implied?: boolean;
}

interface TypeDeclaration {
  scope?: Scope;
  relations: Record<string, Relation>;
  /** Leaves that are computed but expressible as SQL over the row. */
  computed?: Record<string, (t: string) => string>;
}

const pathwayScope: Scope = (viewer, t, int) => {
  const published = `${t}.status = 'PUBLISHED'`;
  if (viewer.role === Role.INSTITUTION_STAFF || viewer.role === Role.ADVISOR) return `(${published} OR ${t}.owner_institution_id = ${int(viewer.institutionId)})`;
  if (viewer.role === Role.EMPLOYER_PARTNER) {
    return `(${published} OR ${t}.id IN (SELECT pathway_id FROM pathway_partner WHERE employer_id = ${int(viewer.employerId)}))`;
  }
  return published;
};
const credentialScope: Scope = (viewer, t) => (viewer.role === Role.PUBLIC ? `${t}.status = 'PUBLISHED'` : null);
const agreementScope: Scope = (viewer, t, int) => {
  const active = `${t}.status = 'ACTIVE'`;
  if (viewer.role === Role.INSTITUTION_STAFF || viewer.role === Role.ADVISOR) {
    const college = int(viewer.institutionId);
    return `(${active} OR ${t}.issuer_institution_id = ${college} OR ${t}.degree_program_id IN (SELECT id FROM degree_program WHERE institution_id = ${college}))`;
  }
  if (viewer.role === Role.EMPLOYER_PARTNER) return `(${active} OR ${t}.issuer_employer_id = ${int(viewer.employerId)})`;
  return active;
};
/** Rows readable through a parent row: the parent exists and is in its scope. */
const through = (parentTable: string, parentScope: Scope, column: string): Scope => (viewer, t, value) => {
  const inner = parentScope(viewer, 'sp', value);
  return `EXISTS (SELECT 1 FROM ${parentTable} sp WHERE sp.id = ${t}.${column}${inner ? ` AND ${inner}` : ''})`;
};
const throughPathway = through('pathway', pathwayScope, 'pathway_id');
const throughCredential = through('credential', credentialScope, 'credential_id');
const stageScope: Scope = (viewer, t, value) => `EXISTS (SELECT 1 FROM pathway_stage ss WHERE ss.id = ${t}.stage_id AND ${throughPathway(viewer, 'ss', value)})`;

const one = (target: string, key: string, implied = false): Relation => ({ target, many: false, key, implied });
const many = (target: string, table: string, column: string, order: string[] = [], implied = false): Relation => ({
  target,
  many: true,
  from: (t, p) => `FROM ${table} ${t} WHERE ${t}.${column} = ${p}.id`,
  order: (t) => [...order.map((o) => `${t}.${o}`), `${t}.id`].join(', '),
  implied,
});
/** Rows whose ids a subquery over the parent `p` returns, distinct and by id. */
const idsIn = (target: string, table: string, ids: (p: string) => string): Relation => ({
  target,
  many: true,
  from: (t, p) => `FROM ${table} ${t} WHERE ${t}.id IN (${ids(p)})`,
  order: (t) => `${t}.id`,
});

const declarations: Record<string, TypeDeclaration> = {
  Institution: {
    relations: {
      degreePrograms: many('DegreeProgram', 'degree_program', 'institution_id', ['title']),
      credentials: many('Credential', 'credential', 'issuer_institution_id', ['title']),
      pathways: many('Pathway', 'pathway', 'owner_institution_id', ['title', 'version']),
    },
  },
  Employer: {
    relations: {
      partnerships: many('PathwayPartner', 'pathway_partner', 'employer_id'),
      endorsements: many('Endorsement', 'endorsement', 'employer_id', ['endorsed_on DESC']),
    },
  },
  Occupation: {
    relations: {
      competencies: many('OccupationCompetency', 'occupation_competency', 'occupation_id'),
      pathways: {
        target: 'Pathway',
        many: true,
        from: (t, p) => `FROM pathway_destination od JOIN pathway ${t} ON ${t}.id = od.pathway_id WHERE od.occupation_id = ${p}.id`,
        order: () => 'od.id',
      },
    },
  },
  OccupationCompetency: { relations: { occupation: one('Occupation', 'occupation_id'), competency: one('Competency', 'competency_id') } },
  CompetencyFramework: { relations: { competencies: many('Competency', 'competency', 'framework_id', ['code']) } },
  Competency: {
    relations: {
      framework: one('CompetencyFramework', 'framework_id'),
      parent: one('Competency', 'parent_id'),
      children: many('Competency', 'competency', 'parent_id', ['code']),
      occupations: many('OccupationCompetency', 'occupation_competency', 'competency_id'),
    },
  },
  Credential: {
    scope: credentialScope,
    relations: {
      outcomes: many('LearningOutcome', 'learning_outcome', 'credential_id', ['position'], true),
      assessments: many('Assessment', 'assessment', 'credential_id', [], true),
      rubricLevels: many('RubricLevel', 'rubric_level', 'credential_id', ['level'], true),
      prerequisites: {
        target: 'Credential',
        many: true,
        from: (t, p) => `FROM credential_prerequisite cp JOIN credential ${t} ON ${t}.id = cp.prerequisite_id WHERE cp.credential_id = ${p}.id`,
        order: () => 'cp.prerequisite_id',
      },
      competencies: idsIn('Competency', 'competency', (p) => `SELECT a.competency_id FROM learning_outcome lo JOIN alignment a ON a.outcome_id = lo.id WHERE lo.credential_id = ${p}.id`),
      occupations: idsIn('Occupation', 'occupation', (p) =>
        `SELECT oc.occupation_id FROM learning_outcome lo JOIN alignment a ON a.outcome_id = lo.id JOIN occupation_competency oc ON oc.competency_id = a.competency_id WHERE lo.credential_id = ${p}.id`),
      pathways: idsIn('Pathway', 'pathway', (p) => `SELECT s.pathway_id FROM stage_credential sc JOIN pathway_stage s ON s.id = sc.stage_id WHERE sc.credential_id = ${p}.id`),
    },
    computed: { assessed: (t) => `EXISTS (SELECT 1 FROM assessment x WHERE x.credential_id = ${t}.id)` },
  },
  LearningOutcome: {
    scope: throughCredential,
    relations: { credential: one('Credential', 'credential_id', true), alignments: many('Alignment', 'alignment', 'outcome_id', [], true) },
  },
  Alignment: {
    scope: (viewer, t, value) => `EXISTS (SELECT 1 FROM learning_outcome so WHERE so.id = ${t}.outcome_id AND ${throughCredential(viewer, 'so', value)})`,
    relations: { outcome: one('LearningOutcome', 'outcome_id', true), competency: one('Competency', 'competency_id') },
  },
  Assessment: { scope: throughCredential, relations: { credential: one('Credential', 'credential_id', true) } },
  RubricLevel: { scope: throughCredential, relations: { credential: one('Credential', 'credential_id', true) } },
  Pathway: {
    scope: pathwayScope,
    relations: {
      ownerInstitution: one('Institution', 'owner_institution_id'),
      stages: many('PathwayStage', 'pathway_stage', 'pathway_id', ['position'], true),
      destinationLinks: many('PathwayDestination', 'pathway_destination', 'pathway_id', [], true),
      destinations: {
        target: 'Occupation',
        many: true,
        from: (t, p) => `FROM pathway_destination pd JOIN occupation ${t} ON ${t}.id = pd.occupation_id WHERE pd.pathway_id = ${p}.id`,
        order: () => 'pd.id',
      },
      offRamps: many('PathwayOffRamp', 'pathway_off_ramp', 'pathway_id', [], true),
      partners: many('PathwayPartner', 'pathway_partner', 'pathway_id', [], true),
      // Not implied by the version: hidden endorsements have a scope of their own.
      endorsements: many('Endorsement', 'endorsement', 'pathway_id', ['endorsed_on DESC']),
      // Every credential of every stage once, where it first appears in stage order.
      credentials: {
        target: 'Credential',
        many: true,
        from: (t, p) => `FROM (SELECT DISTINCT ON (pe.credential_id) pe.credential_id, ps.position AS sp, ps.id AS si, pe.position AS ep, pe.id AS ei
            FROM pathway_stage ps JOIN stage_credential pe ON pe.stage_id = ps.id WHERE ps.pathway_id = ${p}.id
            ORDER BY pe.credential_id, ps.position, ps.id, pe.position, pe.id) pc JOIN credential ${t} ON ${t}.id = pc.credential_id WHERE true`,
        order: () => 'pc.sp, pc.si, pc.ep, pc.ei',
      },
    },
  },
  PathwayStage: {
    scope: throughPathway,
    relations: {
      pathway: one('Pathway', 'pathway_id', true),
      entries: many('StageCredential', 'stage_credential', 'stage_id', ['position'], true),
      credentials: {
        target: 'Credential',
        many: true,
        from: (t, p) => `FROM stage_credential se JOIN credential ${t} ON ${t}.id = se.credential_id WHERE se.stage_id = ${p}.id`,
        order: () => 'se.position, se.id',
      },
    },
  },
  StageCredential: { scope: stageScope, relations: { stage: one('PathwayStage', 'stage_id', true), credential: one('Credential', 'credential_id') } },
  PathwayDestination: { scope: throughPathway, relations: { pathway: one('Pathway', 'pathway_id', true), occupation: one('Occupation', 'occupation_id') } },
  PathwayOffRamp: {
    scope: throughPathway,
    relations: { pathway: one('Pathway', 'pathway_id', true), credential: one('Credential', 'credential_id'), occupation: one('Occupation', 'occupation_id') },
  },
  PathwayPartner: { scope: throughPathway, relations: { pathway: one('Pathway', 'pathway_id', true), employer: one('Employer', 'employer_id') } },
  Endorsement: {
    // A hidden endorsement is for the endorsing employer and the owning college only.
    scope: (viewer, t, value) => {
      const owner = viewer.role === Role.INSTITUTION_STAFF || viewer.role === Role.ADVISOR
        ? `EXISTS (SELECT 1 FROM pathway hp WHERE hp.id = ${t}.pathway_id AND hp.owner_institution_id = ${value(viewer.institutionId)})`
        : 'false';
      return `(${t}.employer_id = ${value(viewer.employerId)} OR (${throughPathway(viewer, t, value)} AND (${t}.hidden_at IS NULL OR ${owner})))`;
    },
    relations: { pathway: one('Pathway', 'pathway_id'), employer: one('Employer', 'employer_id') },
    computed: { current: (t) => `(${t}.revoked_at IS NULL AND (${t}.expires_on IS NULL OR ${t}.expires_on >= CURRENT_DATE))` },
  },
  DegreeProgram: {
    relations: {
      institution: one('Institution', 'institution_id'),
      agreements: many('ArticulationAgreement', 'articulation_agreement', 'degree_program_id', ['effective_from']),
    },
  },
  ArticulationAgreement: {
    scope: agreementScope,
    relations: {
      degreeProgram: one('DegreeProgram', 'degree_program_id'),
      blockPathway: one('Pathway', 'block_pathway_id'),
      mappings: many('CreditMapping', 'credit_mapping', 'agreement_id', [], true),
    },
  },
  CreditMapping: {
    scope: through('articulation_agreement', agreementScope, 'agreement_id'),
    relations: { agreement: one('ArticulationAgreement', 'agreement_id', true), credential: one('Credential', 'credential_id') },
  },
};

/** The types the compiler reads, known before any database is. */
export const compiledTypeNames: readonly string[] = Object.keys(declarations);

export interface CompiledType {
  name: string;
  entity: Function;
  table: string;
  scope: Scope | undefined;
  relations: Record<string, Relation>;
  leaves: Map<string, (t: string) => string>;
}

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/** base64url of `prefix` and a value, without padding, as toGlobalId and encodeCursor write it. */
export const base64url = (text: string) => `rtrim(translate(encode(convert_to(${text}, 'UTF8'), 'base64'), '+/', '-_'), '=')`;

/** How each column type reads into the JSON exactly as the resolvers would have returned it. */
function columnSql(metadata: EntityMetadata, property: string): ((t: string) => string) | null {
  const column = metadata.findColumnWithPropertyName(property);
  if (!column || column.relationMetadata) return null;
  const name = column.databaseName;
  const type = typeof column.type === 'string' ? column.type : (column.type as { name?: string }).name?.toLowerCase();
  switch (type) {
    case 'numeric':
      return (t) => `${t}.${name}::float8`;
    case 'timestamptz':
    case 'timestamp with time zone':
      return (t) => iso(`${t}.${name}`);
    case 'int':
    case 'integer':
    case 'smallint':
    case 'text':
    case 'varchar':
    case 'character varying':
    case 'uuid':
    case 'boolean':
    case 'bool':
    case 'enum':
    case 'date':
    case 'jsonb':
    case 'string':
    case 'number':
      return (t) => `${t}.${name}`;
    default:
      return null;
  }
}

let model: Map<string, CompiledType> | undefined;

/** The compiled types, built once from the entities' metadata and the declarations above. */
export function compiledTypes(db: DataSource): Map<string, CompiledType> {
  if (model) return model;
  const resolved = new Set(
    getMetadataStorage().fieldResolvers.map((resolver) => `${(resolver.getObjectType?.() as Function | undefined)?.name}.${resolver.schemaName}`),
  );
  const built = new Map<string, CompiledType>();
  for (const entity of registeredEntities()) {
    const declaration = declarations[entity.name];
    if (!declaration) continue;
    const metadata = db.getMetadata(entity);
    const leaves = new Map<string, (t: string) => string>();
    leaves.set('id', (t) => base64url(`'${entity.name}:' || ${t}.id`));
    for (const column of metadata.columns) {
      if (resolved.has(`${entity.name}.${column.propertyName}`) || column.propertyName === 'id') continue;
      const sql = columnSql(metadata, column.propertyName);
      if (sql) leaves.set(column.propertyName, sql);
    }
    for (const [field, sql] of Object.entries(declaration.computed ?? {})) leaves.set(field, sql);
    built.set(entity.name, { name: entity.name, entity, table: metadata.tableName, scope: declaration.scope, relations: declaration.relations, leaves });
  }
  model = built;
  return built;
}

/** The SQL row scope of a type for a viewer; admins read everything. */
export function scopeOf(type: CompiledType, viewer: Viewer, alias: string, value: Value): string | null {
  if (viewer.role === Role.ADMIN || !type.scope) return null;
  return type.scope(viewer, alias, value);
}
