/** A learner's route into one program, as the advisor view reads it from the API. */
export interface CredentialRef {
  id: string;
  title: string;
}

export interface Stage {
  position: number;
  title: string;
  requirement: 'ALL' | 'AT_LEAST';
  requiredCount: number | null;
  credentials: CredentialRef[];
}

export interface Agreement {
  id: string;
  title: string;
  status: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  recencyYears: number | null;
  blockCredits: number | null;
  blockPathway: { id: string; title: string; stages: Stage[] } | null;
  mappings: { id: string; credits: number; courseEquivalent: string | null; minMasteryLevel: number | null; credential: CredentialRef & { workloadHours: number } }[];
}

export type RouteItemStatus = 'COUNTED' | 'DUPLICATE' | 'EXPIRED' | 'LEVEL_TOO_LOW' | 'NOT_YET_AWARDED' | 'NO_AGREEMENT' | 'REVOKED';

export interface RouteItem {
  status: RouteItemStatus;
  credits: number;
  courseEquivalent: string | null;
  credential: CredentialRef;
  award: { id: string; awardedOn: string; masteryLevel: number | null } | null;
  agreement: { id: string } | null;
}

export interface NextStep {
  credential: CredentialRef;
  creditsGained: number;
  creditsPerHour: number;
  workloadHours: number;
}

/** Credit figures of a route: enough to draw its bar and compare a what-if with it. */
export interface RouteFigures {
  appliedCredits: number;
  remainingCredits: number;
  totalCredits: number;
  articulatedCredits: number;
  blockCredits: number;
  priorLearningCredits: number;
  creditsCutByLimits: number;
}

export interface Route extends RouteFigures {
  asOf: string;
  degreeProgram: {
    id: string;
    title: string;
    totalCredits: number;
    residencyCredits: number;
    priorLearningCap: number;
    institution: { name: string };
    agreements: Agreement[];
  };
  items: RouteItem[];
  missingCredentials: CredentialRef[];
  nextSteps: NextStep[];
}

/** The credit figures a what-if compares with the route. */
export const FIGURES = 'appliedCredits remainingCredits totalCredits articulatedCredits blockCredits priorLearningCredits creditsCutByLimits';

/** What the advisor view reads of a route; exported so tests can ask the API for exactly this. */
export const ROUTE_SELECTION = `asOf ${FIGURES}
  degreeProgram {
    id title totalCredits residencyCredits priorLearningCap institution { name }
    agreements {
      id title status effectiveFrom effectiveTo recencyYears blockCredits
      blockPathway { id title stages { position title requirement requiredCount credentials { id title } } }
      mappings { id credits courseEquivalent minMasteryLevel credential { id title workloadHours } }
    }
  }
  items { status credits courseEquivalent credential { id title } award { id awardedOn masteryLevel } agreement { id } }
  missingCredentials { id title }
  nextSteps(first: 5) { credential { id title } creditsGained creditsPerHour workloadHours }`;
