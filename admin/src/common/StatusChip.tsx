import { Chip, ChipProps } from '@mui/material';
import { useFieldValue } from 'react-admin';
import { humanize } from './choices';

type Tone = NonNullable<ChipProps['color']>;

/** A record's status as a small coloured label; `tones` says which colour each status takes. */
export const StatusChip = ({ source, tones }: { source: string; tones: Readonly<Record<string, Tone>> }) => {
  const status = useFieldValue({ source }) as string | undefined;
  if (!status) return null;
  return <Chip size="small" label={humanize(status)} color={tones[status] ?? 'default'} variant="outlined" sx={{ fontWeight: 600, width: 'fit-content' }} />;
};
