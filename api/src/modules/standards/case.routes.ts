import { Router } from 'express';
import { DataSource } from 'typeorm';
import { buildCasePackage, CASE_PATH } from './case-package';
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

/**
 * GET /ims/case/v1p1/CFPackages/:sourcedId, the CASE 1.1 getCFPackage call: competency
 * frameworks are public reference data, so it needs no sign-in.
 */
export function caseRouter(db: DataSource): Router {
  const router = Router();
  router.get(`${CASE_PATH}/CFPackages/:sourcedId`, async (req, res, next) => {
    try {
      const { sourcedId } = req.params;
      if (!UUID.test(sourcedId)) {
        res.status(404).json(statusInfo('Invalid UUID', 'invalid_uuid', sourcedId));
        return;
      }
      const framework = await db.getRepository(CompetencyFramework).findOne({ where: { caseIdentifier: sourcedId.toLowerCase() } });
      if (!framework) {
        res.status(404).json(statusInfo('Unknown Object', 'unknownobject', sourcedId));
        return;
      }
      const competencies = await db.getRepository(Competency).find({ where: { frameworkId: framework.id } });
      res.json(buildCasePackage(framework, competencies));
    } catch (error) {
      next(error);
    }
  });
  return router;
}
