import { enumChoices } from '../common/choices';

export const AGREEMENT_STATUSES = enumChoices(['DRAFT', 'ACTIVE', 'SUSPENDED', 'EXPIRED']);
