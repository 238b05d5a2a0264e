import { Box, LinearProgress, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';

interface CoverageRecord {
  coverage: { coreCount: number; coveredCount: number; ratio: number; uncovered?: { id: string; code: string; statement: string }[] };
}

/** How much of the destination's core competencies the pathway covers, and what it still misses. */
export const CoverageBar = ({ detailed = false }: { detailed?: boolean }) => {
  const record = useRecordContext<CoverageRecord & { id: string }>();
  if (!record) return null;
  const { coreCount, coveredCount, ratio, uncovered = [] } = record.coverage;
  if (coreCount === 0) return <Typography variant="body2" color="text.secondary">No core competencies to cover</Typography>;
  const percent = Math.round(ratio * 100);
  return (
    <Box sx={{ minWidth: 140, maxWidth: 640 }}>
      <Typography variant="body2">
        {coveredCount} of {coreCount} core competencies ({percent}%)
      </Typography>
      <LinearProgress variant="determinate" value={percent} color={percent === 100 ? 'success' : 'primary'} sx={{ height: 8, borderRadius: 4, my: 0.75 }} />
      {detailed && uncovered.length > 0 && (
        <Box sx={{ mt: 2 }}>
          <Typography variant="subtitle2">Not yet covered</Typography>
          <ul style={{ marginTop: 4, lineHeight: 1.7 }}>
            {uncovered.map((competency) => (
              <li key={competency.id}>
                <strong>{competency.code}</strong> {competency.statement}
              </li>
            ))}
          </ul>
        </Box>
      )}
    </Box>
  );
};
