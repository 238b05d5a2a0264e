import express, { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { DataSource, EntityManager } from 'typeorm';
import { toGlobalId } from '../../core/ids';
import { todayIso } from '../../core/scalars';
import { ImpactReport } from '../advising/impact.service';
import { createContext } from '../../core/context';
import { UserInputFailure, userErrorFromDatabase } from '../../core/errors';
import { PUBLIC_VIEWER, Viewer } from '../../core/viewer';
import { registeredMutationHooks } from '../../core/registry';
import { applyBulkImport, BulkImportKind, mappingImpact, planBulkImport, readBulkFile } from './bulk-import.service';
import { failureOf, targetOf } from './bulk-import.resolver';
import { reportOf } from './bulk-import.types';
import { SPREADSHEET_LIMITS } from './spreadsheet';

const KINDS: Record<string, BulkImportKind> = { mappings: BulkImportKind.MAPPINGS, awards: BulkImportKind.AWARDS, claims: BulkImportKind.CLAIMS };

/** The impact of a mapping import as JSON, each learner named (at most the first 1,000, biggest losses first). */
async function impactJson(em: EntityManager, impact: ImpactReport | null) {
  if (!impact) return null;
  const changes = impact.changes.slice(0, 1000);
  const learners: { id: number; given_name: string; family_name: string; email: string }[] = await em.query(
    `SELECT id, given_name, family_name, email FROM learner WHERE id = ANY($1::int[])`,
    [changes.map((change) => change.learnerId)],
  );
  const byId = new Map(learners.map((learner) => [learner.id, learner]));
  return {
    asOf: impact.asOf,
    learnersConsidered: impact.learnersConsidered,
    changed: impact.changes.length,
    changes: changes.map((change) => {
      const learner = byId.get(change.learnerId);
      return {
        learner: { id: toGlobalId('Learner', change.learnerId), name: learner ? `${learner.given_name} ${learner.family_name}` : null, email: learner?.email ?? null },
        appliedBefore: change.appliedBefore,
        appliedAfter: change.appliedAfter,
        difference: change.difference,
      };
    }),
  };
}

function refuse(res: Response, status: number, code: string, message: string, extra: Record<string, unknown> = {}) {
  res.status(status).type('application/json').json({ errors: [{ message, extensions: { code, ...extra } }] });
}

/**
 * `POST /import/{mappings|awards|claims}?target=ID[&apply=true&digest=…]` with the file as the
 * body (up to 20 MB, any content type): the same preview and apply as the GraphQL mutations, for
 * files larger than a GraphQL request may be. Answers JSON: `{ report }` as the mutations' report
 * (a preview of mappings with its `impact` as of `asOf`, today by default, each learner named), or `{ errors: [{ message, extensions: { code, userErrors } }] }`, with 400 for
 * a file or rows that cannot be imported, 401/403 for a viewer who may not, 404 for an unknown
 * target, 409 for a stale preview and 413 for a body over the limit.
 */
export function bulkImportRoutes(db: DataSource, viewerOf: (req: Request) => Promise<Viewer>): express.Router {
  const router = express.Router();
  router.post(
    '/import/:kind',
    express.raw({ type: () => true, limit: SPREADSHEET_LIMITS.maxFileBytes }),
    async (req, res, next) => {
      try {
        const kind = KINDS[String(req.params.kind)];
        if (!kind) return refuse(res, 404, 'NOT_FOUND', 'Import mappings, awards or claims: POST /import/mappings, /import/awards or /import/claims');
        let viewer: Viewer;
        try {
          viewer = await viewerOf(req);
        } catch {
          return refuse(res, 401, 'UNAUTHENTICATED', 'The token is invalid or has expired: sign in again');
        }
        if (viewer.role === PUBLIC_VIEWER.role) return refuse(res, 401, 'UNAUTHENTICATED', 'Sign in first');
        const content = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const apply = req.query.apply === 'true' || req.query.apply === '1';
        const asOf = typeof req.query.asOf === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(req.query.asOf) ? req.query.asOf : todayIso();
        const ctx = createContext(db, undefined, viewer);
        ctx.mutation = 'bulkImportApply';
        try {
          const target = targetOf(kind, typeof req.query.target === 'string' ? req.query.target : null, ['target']);
          const sheet = await readBulkFile(kind, content);
          const report = await db.transaction(async (em) => {
            if (!apply) {
              const plan = await planBulkImport(ctx, em, kind, target, sheet);
              return { ...reportOf(plan, null), impact: await impactJson(em, await mappingImpact(em, plan, asOf, viewer)) };
            }
            const author = { userId: viewer.userId, role: viewer.role, mutation: 'POST /import' };
            const applied = await applyBulkImport(ctx, em, kind, target, sheet, { expectedDigest: typeof req.query.digest === 'string' ? req.query.digest : null, author });
            return reportOf(applied.plan, applied);
          });
          if (apply) await Promise.all(registeredMutationHooks().map((hook) => hook.afterCommit?.(db)));
          const { plan: _plan, createdIds: _ids, ...answer } = report;
          return res.json({ report: answer });
        } catch (error) {
          if (error instanceof GraphQLError) {
            const code = String(error.extensions.code ?? 'FORBIDDEN');
            return refuse(res, code === 'UNAUTHENTICATED' ? 401 : 403, code, error.message);
          }
          const failure = error instanceof UserInputFailure ? error : failureOf(error);
          const database = failure ? null : userErrorFromDatabase(error);
          const userErrors = failure?.userErrors ?? (database ? [database] : null);
          if (!userErrors) throw error;
          const first = userErrors[0];
          const status = first.code === 'NOT_FOUND' ? 404 : first.code === 'CONFLICT' ? 409 : 400;
          return refuse(res, status, first.code, userErrors.map((e) => e.message).join('; '), { userErrors });
        }
      } catch (error) {
        next(error);
      }
    },
  );
  return router;
}

