import { StatusChip } from '../common/StatusChip';

const TONES = { DRAFT: 'default', PUBLISHED: 'success', RETIRED: 'default' } as const;

export const CredentialStatusField = ({ source = 'status' }: { source?: string }) => <StatusChip source={source} tones={TONES} />;
