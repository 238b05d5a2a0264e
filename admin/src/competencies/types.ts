import { enumChoices } from '../common/choices';

export const COMPETENCY_TYPES = enumChoices(['KNOWLEDGE', 'SKILL', 'TASK', 'ABILITY']);
