import { StatusChip } from '../common/StatusChip';

const TONES = { DRAFT: 'default', ACTIVE: 'success', SUSPENDED: 'warning', EXPIRED: 'default' } as const;

export const AgreementStatusField = ({ source = 'status' }: { source?: string }) => <StatusChip source={source} tones={TONES} />;
