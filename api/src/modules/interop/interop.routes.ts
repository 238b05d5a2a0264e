import express, { Response } from 'express';
import { DataSource } from 'typeorm';
import { canRead } from '../../core/access';
import { Context, createContext } from '../../core/context';
import { fromGlobalId } from '../../core/ids';
import { Viewer } from '../../core/viewer';
import { Role } from '../accounts/user.entity';
import { Credential } from '../credentials/credential.entity';
import { Employer } from '../employers/employer.entity';
import { Institution } from '../institutions/institution.entity';
import { Award } from '../learners/award.entity';
import { Pathway } from '../pathways/pathway.entity';
import { achievementDocument, issuerProfile, OB_CONTEXT } from './achievement.export';
import { issueAwardCredential, VC_JWT_MEDIA_TYPE } from './award-credential.service';
import { IssuerRef } from './identifiers';
import { publishedKeys, publicKeySet } from './issuer-keys.service';
import { achievementSources, pathwaySources, storedAwardCredentials } from './interop.loaders';
import { pathwayGraph } from './pathway-ctdl.export';
import { signedStatusList } from './status-list.service';

type Entity = typeof Credential | typeof Pathway | typeof Award | typeof Institution | typeof Employer;

const refuse = (res: Response, status: number, code: string, message: string) => res.status(status).json({ error: { code, message } });

/**
 * The stable URLs of exported documents. Each answers as GraphQL would for the same viewer:
 * 404 for an ID that names nothing of that kind, 401/403 for a record the viewer may not read.
 */
export function interopRoutes(db: DataSource, viewerOf: (authorization: string | undefined) => Promise<Viewer>): express.Router {
  const router = express.Router();

  function serve<E extends Entity>(path: string, entities: E[], respond: (ctx: Context, row: InstanceType<E>, res: Response) => Promise<unknown>) {
    router.get(path, async (req, res, next) => {
      try {
        let viewer: Viewer;
        try {
          viewer = await viewerOf(req.headers.authorization);
        } catch {
          return refuse(res, 401, 'UNAUTHENTICATED', 'The token is invalid or has expired: sign in again');
        }
        const ctx = createContext(db, undefined, viewer);
        const decoded = fromGlobalId(String(req.params.id));
        const entity = entities.find((candidate) => candidate.name === decoded?.typeName);
        const row = entity && decoded ? await ctx.loaders.byId(entity as typeof Credential).load(decoded.localId) : null;
        if (!row) return refuse(res, 404, 'NOT_FOUND', 'Nothing has that ID');
        if (!(await canRead(ctx, row))) {
          return viewer.role === Role.PUBLIC ? refuse(res, 401, 'UNAUTHENTICATED', 'Sign in first') : refuse(res, 403, 'FORBIDDEN', 'Not allowed');
        }
        await respond(ctx, row as InstanceType<E>, res);
      } catch (error) {
        next(error);
      }
    });
  }

  serve('/ob/achievements/:id', [Credential], async (ctx, credential, res) => {
    res.type('application/ld+json').send(JSON.stringify(achievementDocument((await achievementSources(ctx).load(credential.id))!)));
  });

  serve('/ctdl/pathways/:id', [Pathway], async (ctx, pathway, res) => {
    res.type('application/ld+json').send(JSON.stringify(pathwayGraph((await pathwaySources(ctx).load(pathway.id))!)));
  });

  serve('/credentials/:id', [Award], async (ctx, award, res) => {
    const jwt = (await storedAwardCredentials(ctx).load(award.id)) ?? (await db.transaction((em) => issueAwardCredential(em, award, { replace: false })));
    res.type(VC_JWT_MEDIA_TYPE).send(jwt);
  });

  const issuerRefOf = (issuer: Institution | Employer): IssuerRef => ({ type: issuer instanceof Institution ? 'Institution' : 'Employer', id: issuer.id });

  // The issuer's revocation list, for verifiers that check status themselves.
  serve('/ob/issuers/:id/status', [Institution, Employer], async (_ctx, issuer, res) => {
    const jwt = await db.transaction((em) => signedStatusList(em, issuerRefOf(issuer as Institution | Employer)));
    res.type(VC_JWT_MEDIA_TYPE).set('cache-control', 'no-store').send(jwt);
  });

  // The issuer's profile, with its public keys as verification methods: the `kid` of a signature is one of their ids.
  serve('/ob/issuers/:id', [Institution, Employer], async (ctx, issuer, res) => {
    const ref = issuerRefOf(issuer as Institution | Employer);
    // Both algorithms' current keys and every retired one: old awards name theirs by kid.
    const keys = await db.transaction((em) => publishedKeys(em, ref));
    const profile = issuerProfile(issuer as Institution | Employer, ref);
    res.type('application/ld+json').send(JSON.stringify({
      '@context': OB_CONTEXT,
      ...profile,
      verificationMethod: publicKeySet(keys).keys.map((publicKeyJwk) => ({
        id: publicKeyJwk.kid,
        type: 'JsonWebKey',
        controller: profile.id,
        publicKeyJwk,
      })),
    }));
  });

  return router;
}
