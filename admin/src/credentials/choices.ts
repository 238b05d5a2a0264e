import { enumChoices } from '../common/choices';

export const CREDENTIAL_LEVELS = [
  { id: 1, name: '1 Foundation' },
  { id: 2, name: '2 Rigorous training' },
  { id: 3, name: '3 Applied work-based learning' },
];

export const CREDENTIAL_STATUSES = enumChoices(['DRAFT', 'PUBLISHED', 'RETIRED']);
export const DELIVERY_MODES = enumChoices(['IN_PERSON', 'ONLINE', 'HYBRID', 'WORK_BASED']);
export const EVIDENCE_TYPES = enumChoices(['WORK_SAMPLE', 'PORTFOLIO_ARTIFACT', 'EXAM_RESULT', 'OBSERVATION_RECORD', 'SUPERVISOR_ATTESTATION', 'VIDEO']);
export const ASSESSMENT_METHODS = enumChoices(['TASK', 'SIMULATION', 'PORTFOLIO', 'EXAM', 'OBSERVATION']);
export const ALIGNMENT_STRENGTHS = enumChoices(['EXACT', 'PARTIAL', 'RELATED']);
