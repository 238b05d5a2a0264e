import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { EntityManager } from 'typeorm';
import { Context } from '../../core/context';
import { ErrorCode, UserInputFailure } from '../../core/errors';
import { decodeId, decodeInput } from '../../core/input';
import { runMutation } from '../../core/mutation';
import { DateScalar, todayIso } from '../../core/scalars';
import { AgreementImpact } from '../advising/advising.types';
import { ImpactReport } from '../advising/impact.service';
import { applyBulkImport, BulkImportKind, BulkImportRefusal, mappingImpact, planBulkImport, readBulkFile } from './bulk-import.service';
import { BulkImportApplyInput, BulkImportApplyPayload, BulkImportPreviewInput, BulkImportPreviewPayload, BulkImportReport, reportOf } from './bulk-import.types';
import { SpreadsheetError } from './spreadsheet';

const TARGET_TYPES: Record<BulkImportKind, string> = { MAPPINGS: 'ArticulationAgreement', AWARDS: 'Learner', CLAIMS: 'Learner' };

/** The target's row id; an agreement is required for mappings, a learner optional for the others. */
export function targetOf(kind: BulkImportKind, targetId: string | null | undefined, field: string[]): number | null {
  if (!targetId) {
    if (kind === BulkImportKind.MAPPINGS) throw UserInputFailure.of(field, 'Say which articulation agreement the mappings are for', ErrorCode.REQUIRED);
    return null;
  }
  return decodeId(targetId, [TARGET_TYPES[kind]], field);
}

/** A refusal of the whole file as the userError a mutation answers with. */
export function failureOf(error: unknown): UserInputFailure | null {
  if (error instanceof SpreadsheetError) return UserInputFailure.of(['input', 'content'], error.message, ErrorCode.INVALID);
  if (error instanceof BulkImportRefusal) {
    const code = { NOT_FOUND: ErrorCode.NOT_FOUND, CONFLICT: ErrorCode.CONFLICT, REJECTED_ROWS: ErrorCode.INVALID, INVALID: ErrorCode.REQUIRED }[error.code];
    return UserInputFailure.of(error.code === 'NOT_FOUND' || error.code === 'INVALID' ? ['input', 'targetId'] : null, error.message, code);
  }
  return null;
}

function contentOf(base64: string): Buffer {
  const compact = base64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) {
    throw UserInputFailure.of(['input', 'content'], 'content must be the file encoded in base64', ErrorCode.INVALID);
  }
  return Buffer.from(compact, 'base64');
}

async function withRefusals<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw failureOf(error) ?? error;
  }
}

@Resolver(() => BulkImportReport)
export class BulkImportResolver {
  @Mutation(() => BulkImportPreviewPayload, {
    description: 'Reads a spreadsheet of credit mappings, awards or prior-learning claims and tells, without writing, which rows would create, update or leave records unchanged, and every rejected row with its line and reason. Mappings: staff of the agreement\'s program\'s college; awards and claims: its learners\' advisors and staff; admins.',
  })
  bulkImportPreview(@Arg('input', () => BulkImportPreviewInput, { description: 'The file, its kind and its target.' }) input: BulkImportPreviewInput, @Ctx() ctx: Context): Promise<BulkImportPreviewPayload> {
    return runMutation<BulkImportPreviewPayload>(ctx, async (em: EntityManager) => {
      const { kind, targetId, content } = await decodeInput(input);
      const target = targetOf(kind, targetId, ['input', 'targetId']);
      return withRefusals(async () => {
        const sheet = await readBulkFile(kind, contentOf(content));
        return { report: reportOf(await planBulkImport(ctx, em, kind, target, sheet), null) };
      });
    }, { report: null });
  }

  @Mutation(() => BulkImportApplyPayload, {
    description: 'Applies a spreadsheet as bulkImportPreview showed it, all or nothing, in one transaction: refused whole when any row is rejected, or, with expectedDigest, when the records changed since the preview. Importing the same file again changes nothing. Each record written gets its audit entry.',
  })
  bulkImportApply(@Arg('input', () => BulkImportApplyInput, { description: 'The file, its kind, its target and the digest of its preview.' }) input: BulkImportApplyInput, @Ctx() ctx: Context): Promise<BulkImportApplyPayload> {
    return runMutation<BulkImportApplyPayload>(ctx, async (em: EntityManager) => {
      const { kind, targetId, content, expectedDigest } = await decodeInput(input);
      const target = targetOf(kind, targetId, ['input', 'targetId']);
      return withRefusals(async () => {
        const sheet = await readBulkFile(kind, contentOf(content));
        const author = { userId: ctx.viewer.userId, role: ctx.viewer.role, mutation: 'bulkImportApply' };
        const applied = await applyBulkImport(ctx, em, kind, target, sheet, { expectedDigest, author });
        return { report: reportOf(applied.plan, applied) };
      });
    }, { report: null });
  }

  @FieldResolver(() => AgreementImpact, {
    nullable: true,
    description: 'For a preview of MAPPINGS: whose applied credit in the agreement\'s program the imported mappings would change (as agreementImpact computes it), before anything is written. Null for other kinds and once applied.',
  })
  async impact(
    @Root() report: BulkImportReport,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Evaluation date; today when omitted.' }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<ImpactReport | null> {
    if (report.applied) return null;
    return mappingImpact(ctx.db.manager, report.plan, asOf ?? todayIso(), ctx.viewer);
  }
}
