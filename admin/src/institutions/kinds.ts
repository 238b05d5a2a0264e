import { enumChoices } from '../common/choices';

export const INSTITUTION_KINDS = enumChoices(['COMMUNITY_COLLEGE', 'TECHNICAL_COLLEGE', 'UNIVERSITY', 'TRAINING_PROVIDER']);
