import { StatusChip } from '../common/StatusChip';

const TONES = {
  DRAFT: 'default',
  IN_REVIEW: 'info',
  CHANGES_REQUESTED: 'warning',
  APPROVED: 'primary',
  PUBLISHED: 'success',
  RETIRED: 'default',
} as const;

export const PathwayStatusField = ({ source = 'status' }: { source?: string }) => <StatusChip source={source} tones={TONES} />;
