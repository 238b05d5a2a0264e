import { Response, Router } from 'express';
import { DataSource } from 'typeorm';
import { uuidV5 } from '../interop/identifiers';
import { buildCasePackage, CASE_PATH, IS_CHILD_OF, sameUuid } from './case-package';
import { CaseObject } from './case-package.types';
import { Competency } from './competency.entity';
import { CompetencyFramework } from './competency-framework.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The CASE 1.1 status payload for a failed request (imsx_StatusInfo). */
function statusInfo(description: string, codeMinor: string, sourcedId: string) {
  return {
    imsx_codeMajor: 'failure',
    imsx_severity: 'error',
    imsx_description: description,
    imsx_codeMinor: { imsx_codeMinorField: [{ imsx_codeMinorFieldName: sourcedId, imsx_codeMinorFieldValue: codeMinor }] },
  };
}

const linkId = (link: unknown) => (link as { identifier?: string } | undefined)?.identifier;

/**
 * The CASE 1.1 read calls that the URIs in exported packages point at: getCFPackage,
 * getCFDocument, getCFItem, getCFAssociation and getCFItemAssociations. Competency frameworks are
 * public reference data, so they need no sign-in. A sourcedId that is not a UUID answers 400
 * `invalid_uuid`; a UUID that names nothing, 404 `unknownobject`. UUIDs match whatever their case.
 */
export function caseRouter(db: DataSource): Router {
  const router = Router();
  const frameworks = db.getRepository(CompetencyFramework);
  const competencies = db.getRepository(Competency);

  async function packageOf(framework: CompetencyFramework): Promise<CaseObject> {
    return buildCasePackage(framework, await competencies.find({ where: { frameworkId: framework.id } }));
  }

  async function packageOfItem(identifier: string): Promise<CaseObject | null> {
    const competency = await competencies.findOne({ where: { caseIdentifier: identifier.toLowerCase() } });
    if (!competency) return null;
    return packageOf(await frameworks.findOneByOrFail({ id: competency.frameworkId }));
  }

  /**
   * The package holding an association: imported ones are stored as they came (on the item they
   * place, or the framework); generated isChildOf ones are named from their two ends.
   */
  async function packageOfAssociation(identifier: string): Promise<CaseObject | null> {
    const [stored] = await db.query(
      `SELECT f.id FROM competency_framework f
       WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(COALESCE(f.case_extras->'associations', '[]'::jsonb)) a WHERE lower(a->>'identifier') = $1)
          OR EXISTS (SELECT 1 FROM competency c WHERE c.framework_id = f.id AND lower(c.case_extras->'childOf'->>'identifier') = $1)
       LIMIT 1`,
      [identifier.toLowerCase()],
    );
    let frameworkId: number | undefined = stored?.id;
    if (frameworkId === undefined) {
      const ends: { framework_id: number; origin: string; destination: string }[] = await db.query(
        `SELECT c.framework_id, c.case_identifier::text AS origin, COALESCE(p.case_identifier, f.case_identifier)::text AS destination
         FROM competency c JOIN competency_framework f ON f.id = c.framework_id LEFT JOIN competency p ON p.id = c.parent_id
         WHERE c.case_identifier IS NOT NULL AND f.case_identifier IS NOT NULL`,
      );
      frameworkId = ends.find((end) => uuidV5(`${IS_CHILD_OF}:${end.origin}:${end.destination}`) === identifier.toLowerCase())?.framework_id;
    }
    return frameworkId === undefined ? null : packageOf(await frameworks.findOneByOrFail({ id: frameworkId }));
  }

  function route(path: string, answer: (sourcedId: string) => Promise<unknown | null>) {
    router.get(`${CASE_PATH}/${path}/:sourcedId`, async (req, res: Response, next) => {
      try {
        const { sourcedId } = req.params;
        if (!UUID.test(sourcedId)) {
          res.status(400).json(statusInfo('Invalid UUID', 'invalid_uuid', sourcedId));
          return;
        }
        const body = await answer(sourcedId);
        if (body === null || body === undefined) {
          res.status(404).json(statusInfo('Unknown Object', 'unknownobject', sourcedId));
          return;
        }
        res.json(body);
      } catch (error) {
        next(error);
      }
    });
  }

  route('CFPackages', async (id) => {
    const framework = await frameworks.findOne({ where: { caseIdentifier: id.toLowerCase() } });
    return framework ? packageOf(framework) : null;
  });

  route('CFDocuments', async (id) => {
    const framework = await frameworks.findOne({ where: { caseIdentifier: id.toLowerCase() } });
    return framework ? (await packageOf(framework)).CFDocument : null;
  });

  route('CFItems', async (id) => {
    const pkg = await packageOfItem(id);
    return (pkg?.CFItems as CaseObject[] | undefined)?.find((item) => sameUuid(item.identifier, id)) ?? null;
  });

  route('CFAssociations', async (id) => {
    const pkg = await packageOfAssociation(id);
    return (pkg?.CFAssociations as CaseObject[] | undefined)?.find((association) => sameUuid(association.identifier, id)) ?? null;
  });

  // getCFItemAssociations: the item and every association it is an end of.
  route('CFItemAssociations', async (id) => {
    const pkg = await packageOfItem(id);
    const item = (pkg?.CFItems as CaseObject[] | undefined)?.find((candidate) => sameUuid(candidate.identifier, id));
    if (!pkg || !item) return null;
    const associations = (pkg.CFAssociations as CaseObject[]).filter((a) => sameUuid(linkId(a.originNodeURI), id) || sameUuid(linkId(a.destinationNodeURI), id));
    return { CFItem: item, CFAssociations: associations };
  });

  return router;
}
