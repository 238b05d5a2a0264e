import { EngineAgreement, EngineAward, EngineCredential, RouteInput } from '../../api/src/modules/articulation/engine';

/** DOMAIN.md's worked example, as plain engine input. */
export const FUNDAMENTALS = 1;
export const NETWORK_BASICS = 2;
export const HELP_DESK = 3;
export const CUSTOMER_SERVICE = 4;
/** A credential a block pathway may name that no agreement maps. */
export const LAB_SAFETY = 5;

export const credentials = new Map<number, EngineCredential>([
  [FUNDAMENTALS, { id: FUNDAMENTALS, title: 'IT Support Fundamentals', workloadHours: 45 }],
  [NETWORK_BASICS, { id: NETWORK_BASICS, title: 'Network Basics', workloadHours: 60 }],
  [HELP_DESK, { id: HELP_DESK, title: 'Help Desk Practicum', workloadHours: 80 }],
  [CUSTOMER_SERVICE, { id: CUSTOMER_SERVICE, title: 'Customer Service Essentials', workloadHours: 30 }],
  [LAB_SAFETY, { id: LAB_SAFETY, title: 'Lab Safety', workloadHours: 10 }],
]);

export function itAgreement(overrides: Partial<EngineAgreement> = {}): EngineAgreement {
  return {
    id: 10,
    status: 'ACTIVE',
    effectiveFrom: '2025-01-01',
    effectiveTo: '2027-12-31',
    recencyYears: 5,
    mappings: [
      { credentialId: FUNDAMENTALS, credits: 3, courseEquivalent: 'CIS-105', minMasteryLevel: null },
      { credentialId: NETWORK_BASICS, credits: 4, courseEquivalent: 'CIS-120', minMasteryLevel: null },
      { credentialId: HELP_DESK, credits: 3, courseEquivalent: 'CIS-198', minMasteryLevel: null },
      { credentialId: CUSTOMER_SERVICE, credits: 3, courseEquivalent: 'CIS-105', minMasteryLevel: null },
    ],
    block: {
      credits: 2,
      pathwayId: 100,
      stages: [
        { position: 1, requirement: 'ALL', requiredCount: null, credentialIds: [FUNDAMENTALS] },
        { position: 2, requirement: 'ALL', requiredCount: null, credentialIds: [NETWORK_BASICS] },
        { position: 3, requirement: 'ALL', requiredCount: null, credentialIds: [HELP_DESK] },
      ],
    },
    ...overrides,
  };
}

export const award = (id: number | null, credentialId: number, awardedOn: string, extra: Partial<EngineAward> = {}): EngineAward => ({
  id, credentialId, awardedOn, masteryLevel: 2, revoked: false, ...extra,
});

export const anaAwards: EngineAward[] = [
  award(1, FUNDAMENTALS, '2024-05-01'),
  award(2, NETWORK_BASICS, '2019-03-01'),
  award(3, HELP_DESK, '2025-09-01'),
  award(4, CUSTOMER_SERVICE, '2025-01-15'),
];

export function anaInput(overrides: Partial<RouteInput> = {}): RouteInput {
  return {
    asOf: '2026-11-22',
    program: { id: 1, totalCredits: 60, residencyCredits: 15, priorLearningCap: 0.75 },
    agreements: [itAgreement()],
    awards: anaAwards,
    approvedPriorLearningCredits: 6,
    credentials,
    ...overrides,
  };
}
