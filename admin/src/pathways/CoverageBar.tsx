import { Box, LinearProgress, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';

interface CoverageRecord {
  coverage: { coreCount: number; coveredCount: number; ratio: number };
}

/** How much of the destination's core competencies the pathway covers, as one line of a list. */
export const CoverageBar = () => {
  const record = useRecordContext<CoverageRecord & { id: string }>();
  if (!record) return null;
  const { coreCount, coveredCount, ratio } = record.coverage;
  if (coreCount === 0) return <Typography variant="body2" color="text.secondary">No core competencies to cover</Typography>;
  const percent = Math.round(ratio * 100);
  return (
    <Box sx={{ minWidth: 140, maxWidth: 640 }}>
      <Typography variant="body2">
        {coveredCount} of {coreCount} core competencies ({percent}%)
      </Typography>
      <LinearProgress variant="determinate" value={percent} color={percent === 100 ? 'success' : 'primary'} sx={{ height: 8, borderRadius: 4, my: 0.75 }} />
    </Box>
  );
};
