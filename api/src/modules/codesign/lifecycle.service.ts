import { EntityManager, In, IsNull, Not } from 'typeorm';
import { canRead, denial, isAdmin } from '../../core/access';
import { Context } from '../../core/context';
import { ErrorCode, UserInputFailure, userError } from '../../core/errors';
import { Role } from '../accounts/user.entity';
import { Employer } from '../employers/employer.entity';
import { Institution } from '../institutions/institution.entity';
import { Occupation } from '../occupations/occupation.entity';
import { Pathway, PathwayStatus } from '../pathways/pathway.entity';
import { PathwayDestination } from '../pathways/pathway-destination.entity';
import { PathwayOffRamp } from '../pathways/pathway-off-ramp.entity';
import { PartnerRole, PathwayPartner } from '../pathways/pathway-partner.entity';
import { PathwayStage } from '../pathways/pathway-stage.entity';
import { StageCredential } from '../pathways/stage-credential.entity';
import { CommentKind, PathwayComment } from './pathway-comment.entity';
import { mayEditPathway, viewerPartnerRole } from './pathway.policy';
import { publishReadiness } from './readiness.service';

const ID_FIELD = ['input', 'id'];

/** Who may take a step: anyone who may edit, a validating partner, or the owning institution. */
type Actor = 'editor' | 'validator' | 'owner';

export interface Transition {
  from: PathwayStatus[];
  to: PathwayStatus;
  actor: Actor;
}

/** The lifecycle of DOMAIN.md. Edits of a CHANGES_REQUESTED version happen before it is resubmitted. */
export const TRANSITIONS = {
  submitForReview: { from: [PathwayStatus.DRAFT, PathwayStatus.CHANGES_REQUESTED], to: PathwayStatus.IN_REVIEW, actor: 'editor' },
  requestChanges: { from: [PathwayStatus.IN_REVIEW], to: PathwayStatus.CHANGES_REQUESTED, actor: 'validator' },
  approve: { from: [PathwayStatus.IN_REVIEW], to: PathwayStatus.APPROVED, actor: 'validator' },
  publish: { from: [PathwayStatus.APPROVED], to: PathwayStatus.PUBLISHED, actor: 'owner' },
  retire: { from: [PathwayStatus.PUBLISHED], to: PathwayStatus.RETIRED, actor: 'owner' },
} satisfies Record<string, Transition>;

export type Step = keyof typeof TRANSITIONS;

/** Locks the version for the rest of the transaction; a viewer who may not see it learns nothing. */
export async function lockPathway(ctx: Context, em: EntityManager, id: number): Promise<Pathway> {
  const pathway = await em.getRepository(Pathway).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!pathway) throw UserInputFailure.of(ID_FIELD, 'No Pathway has that ID', ErrorCode.NOT_FOUND);
  if (!(await canRead(ctx, pathway))) throw denial(ctx);
  return pathway;
}

async function mayAct(ctx: Context, pathway: Pathway, actor: Actor): Promise<boolean> {
  if (isAdmin(ctx)) return true;
  switch (actor) {
    case 'editor':
      return mayEditPathway(ctx, pathway);
    case 'validator':
      return (await viewerPartnerRole(ctx, pathway.id)) === PartnerRole.VALIDATOR;
    case 'owner':
      return ctx.viewer.role === Role.INSTITUTION_STAFF && ctx.viewer.institutionId === pathway.ownerInstitutionId;
  }
}

const ACTOR_NAMES: Record<Actor, string> = {
  editor: 'a partner or the owning institution',
  validator: 'a validating employer partner',
  owner: 'the owning institution',
};

/** Each step and status as people say them, for the messages that refuse a step. */
const STEP_WORDS: Record<Step, string> = {
  submitForReview: 'be submitted for review', requestChanges: 'be sent back with changes', approve: 'be approved', publish: 'be published', retire: 'be retired',
};
const STEP_VERBS: Record<Step, string> = {
  submitForReview: 'submit it for review', requestChanges: 'ask for changes', approve: 'approve it', publish: 'publish it', retire: 'retire it',
};
const STATUS_WORDS: Record<PathwayStatus, string> = {
  [PathwayStatus.DRAFT]: 'a draft', [PathwayStatus.IN_REVIEW]: 'in review', [PathwayStatus.CHANGES_REQUESTED]: 'sent back with changes',
  [PathwayStatus.APPROVED]: 'approved', [PathwayStatus.PUBLISHED]: 'published', [PathwayStatus.RETIRED]: 'retired',
};
const STATUS_NOUN: Record<PathwayStatus, string> = {
  [PathwayStatus.DRAFT]: 'A draft', [PathwayStatus.IN_REVIEW]: 'A version in review', [PathwayStatus.CHANGES_REQUESTED]: 'A version sent back with changes',
  [PathwayStatus.APPROVED]: 'An approved version', [PathwayStatus.PUBLISHED]: 'A published version', [PathwayStatus.RETIRED]: 'A retired version',
};

const STEP_NAMES: Partial<Record<Step, string>> = { submitForReview: 'submitted for review', approve: 'approved', publish: 'published' };

/**
 * A change request is resolved before the version moves on, as a pull request with requested
 * changes or unresolved conversations cannot be merged: whoever edits answers it (done, answered
 * or won't do, with a note), and only then is it submitted, approved or published.
 */
async function assertNoOpenChangeRequest(em: EntityManager, pathway: Pathway, step: Step): Promise<void> {
  const open = await em.getRepository(PathwayComment).find({ where: { pathwayId: pathway.id, kind: CommentKind.CHANGE_REQUEST, resolution: IsNull() }, order: { id: 'ASC' } });
  if (open.length === 0) return;
  const first = open[0].body.length > 80 ? `${open[0].body.slice(0, 77)}…` : open[0].body;
  const more = open.length > 1 ? ` and ${open.length - 1} more` : '';
  throw UserInputFailure.of(ID_FIELD, `Resolve the open change request "${first}"${more} before this version can be ${STEP_NAMES[step]}`, ErrorCode.OPEN_CHANGE_REQUEST);
}

/** Moves a version one step along the lifecycle, refusing with the reason when role or state is wrong. */
export async function transition(ctx: Context, em: EntityManager, id: number, step: Step, note?: string): Promise<Pathway> {
  const pathway = await lockPathway(ctx, em, id);
  const rule: Transition = TRANSITIONS[step];
  if (!rule.from.includes(pathway.status)) {
    throw UserInputFailure.of(ID_FIELD, `${STATUS_NOUN[pathway.status]} cannot ${STEP_WORDS[step]}; it must be ${rule.from.map((status) => STATUS_WORDS[status]).join(' or ')}`, ErrorCode.INVALID_STATE);
  }
  if (!(await mayAct(ctx, pathway, rule.actor))) {
    throw UserInputFailure.of(ID_FIELD, `Only ${ACTOR_NAMES[rule.actor]} may ${STEP_VERBS[step]}`, ErrorCode.ROLE_NOT_ALLOWED);
  }
  if (step === 'submitForReview' || step === 'approve' || step === 'publish') await assertNoOpenChangeRequest(em, pathway, step);
  if (step === 'publish') {
    const checks = (await publishReadiness(em, [pathway.id])).get(pathway.id) ?? [];
    const unmet = checks.filter((check) => !check.passed);
    if (unmet.length) throw new UserInputFailure(unmet.map((check) => userError(ID_FIELD, check.message, ErrorCode.NOT_READY)));
    // One published version per pathway: publishing a revision retires the one it replaces.
    const replaced = await em.getRepository(Pathway).findBy({ lineageId: pathway.lineageId, status: PathwayStatus.PUBLISHED, id: Not(pathway.id) });
    await em.save(replaced.map((old) => Object.assign(old, { status: PathwayStatus.RETIRED, revision: old.revision + 1 })));
    pathway.publishedAt = new Date();
  }
  if (step === 'requestChanges' && note) {
    await em.getRepository(PathwayComment).save({ pathwayId: pathway.id, stageId: null, authorId: ctx.viewer.userId, kind: CommentKind.CHANGE_REQUEST, body: note });
  }
  pathway.status = rule.to;
  pathway.revision += 1;
  const saved = await em.save(pathway);
  return saved;
}

const OPEN_STATUSES = [PathwayStatus.DRAFT, PathwayStatus.IN_REVIEW, PathwayStatus.CHANGES_REQUESTED, PathwayStatus.APPROVED];

/**
 * Starts the next version of a published pathway as a draft copy of its stages, credentials,
 * destinations, off-ramps and partners. Endorsements and comments stay with the version they
 * were given to.
 */
export async function startRevision(ctx: Context, em: EntityManager, id: number): Promise<Pathway> {
  const source = await lockPathway(ctx, em, id);
  if (source.status !== PathwayStatus.PUBLISHED) {
    throw UserInputFailure.of(ID_FIELD, 'Only a published version can be revised', ErrorCode.INVALID_STATE);
  }
  if (!(await mayAct(ctx, source, 'editor'))) {
    throw UserInputFailure.of(ID_FIELD, `Only ${ACTOR_NAMES.editor} may start a revision`, ErrorCode.ROLE_NOT_ALLOWED);
  }
  const versions = em.getRepository(Pathway);
  const open = await versions.findOne({ where: { lineageId: source.lineageId, status: In(OPEN_STATUSES) } });
  if (open) throw UserInputFailure.of(ID_FIELD, `Version ${open.version} is already being revised`, ErrorCode.INVALID_STATE);
  const [{ max }] = await em.query(`SELECT max(version)::int AS max FROM pathway WHERE lineage_id = $1`, [source.lineageId]);

  const draft = await versions.save(
    versions.create({
      lineageId: source.lineageId,
      version: max + 1,
      title: source.title,
      description: source.description,
      ownerInstitutionId: source.ownerInstitutionId,
      reviewDueOn: source.reviewDueOn,
      status: PathwayStatus.DRAFT,
      revision: 1,
      publishedAt: null,
    }),
  );
  const stages = await em.getRepository(PathwayStage).find({ where: { pathwayId: source.id }, order: { position: 'ASC' } });
  const entries = stages.length ? await em.getRepository(StageCredential).find({ where: { stageId: In(stages.map((s) => s.id)) } }) : [];
  for (const stage of stages) {
    const copy = await em.getRepository(PathwayStage).save({
      pathwayId: draft.id, position: stage.position, title: stage.title,
      requirement: stage.requirement, requiredCount: stage.requiredCount, minCredits: stage.minCredits,
    });
    const stageEntries = entries.filter((entry) => entry.stageId === stage.id);
    if (stageEntries.length) {
      await em.getRepository(StageCredential).save(stageEntries.map((entry) => ({ stageId: copy.id, credentialId: entry.credentialId, position: entry.position })));
    }
  }
  const copyRows = async <T extends { pathwayId: number }>(entity: new () => T, pick: (row: T) => Partial<T>) => {
    const rows = await em.getRepository(entity).find({ where: { pathwayId: source.id } as never });
    if (rows.length) await em.getRepository(entity).save(rows.map((row) => ({ ...pick(row), pathwayId: draft.id }) as T));
  };
  await copyRows(PathwayDestination, (row) => ({ occupationId: row.occupationId }));
  await copyRows(PathwayOffRamp, (row) => ({ credentialId: row.credentialId, occupationId: row.occupationId }));
  await copyRows(PathwayPartner, (row) => ({ employerId: row.employerId, role: row.role }));
  return draft;
}

export interface StartRequest {
  occupationId: number;
  ownerInstitutionId: number;
  title: string | null;
  partners: { employerId: number; role: PartnerRole; field: string[] }[];
}

/**
 * Starts a new pathway as a version-1 draft leading to one occupation, owned by a college, with
 * its employer partners. The owning college's staff (or an admin) may name any partners; an
 * employer partner starts one as its lead and leaves inviting others to the college.
 */
export async function startPathway(ctx: Context, em: EntityManager, request: StartRequest): Promise<Pathway> {
  const occupation = await em.getRepository(Occupation).findOneBy({ id: request.occupationId });
  if (!occupation) throw UserInputFailure.of(['input', 'occupationId'], 'That occupation no longer exists', ErrorCode.NOT_FOUND);
  const college = await em.getRepository(Institution).findOneBy({ id: request.ownerInstitutionId });
  if (!college) throw UserInputFailure.of(['input', 'ownerInstitutionId'], 'That college no longer exists', ErrorCode.NOT_FOUND);

  const partners = new Map<number, { role: PartnerRole; field: string[] }>();
  for (const partner of request.partners) {
    if (partners.has(partner.employerId)) throw UserInputFailure.of(partner.field, 'That employer is listed twice', ErrorCode.TAKEN);
    partners.set(partner.employerId, partner);
  }
  if (ctx.viewer.role === Role.EMPLOYER_PARTNER) {
    const others = request.partners.filter((partner) => partner.employerId !== ctx.viewer.employerId);
    if (others.length) throw UserInputFailure.of(others[0].field, `Only ${college.name} may invite other employers; start the pathway and ask them`, ErrorCode.ROLE_NOT_ALLOWED);
    partners.set(ctx.viewer.employerId!, { role: PartnerRole.LEAD, field: ['input', 'partners'] });
  } else if (!isAdmin(ctx) && !(ctx.viewer.role === Role.INSTITUTION_STAFF && ctx.viewer.institutionId === college.id)) {
    throw UserInputFailure.of(['input', 'ownerInstitutionId'], `Only ${college.name}'s staff or an employer partner may start a pathway owned by ${college.name}`, ErrorCode.ROLE_NOT_ALLOWED);
  }
  for (const [employerId, partner] of partners) {
    if (!(await em.getRepository(Employer).existsBy({ id: employerId }))) throw UserInputFailure.of(partner.field, 'That employer no longer exists', ErrorCode.NOT_FOUND);
  }

  const pathway = await em.getRepository(Pathway).save(
    em.getRepository(Pathway).create({ title: request.title ?? occupation.title, ownerInstitutionId: college.id, status: PathwayStatus.DRAFT, version: 1, revision: 1 }),
  );
  await em.getRepository(PathwayDestination).save({ pathwayId: pathway.id, occupationId: occupation.id });
  for (const [employerId, partner] of partners) {
    await em.getRepository(PathwayPartner).save({ pathwayId: pathway.id, employerId, role: partner.role });
  }
  return pathway;
}
