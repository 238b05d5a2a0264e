import { Box, Chip, Stack, Typography } from '@mui/material';
import { BarChart, Gauge, gaugeClasses } from '../common/charts';
import { CompetencyCoverage } from './designerApi';
import { Panel } from './Panel';
import { useDesigner } from './useDesigner';

const COLOURS = { EXACT: '#2e7d4f', PARTIAL: '#7fb77e', RELATED: '#e0b252', NONE: '#d5dde3' };

const bestStrength = (entry: CompetencyCoverage) => (entry.by.some((source) => source.strength === 'EXACT') ? 'EXACT' : 'PARTIAL');
const sources = (entry: CompetencyCoverage) => [...new Set(entry.by.map((source) => source.credential.title))].join(', ');

/**
 * How much of the destination occupations' core competencies the credentials cover (DOMAIN.md:
 * EXACT or PARTIAL alignments count, RELATED ones are shown but do not), and what is still missing.
 */
export function CoverageChart() {
  const { pathway } = useDesigner();
  const { coreCount, coveredCount, covered, uncovered, relatedOnly } = pathway.coverage;
  if (coreCount === 0) {
    return (
      <Panel title="Coverage of core competencies" testId="coverage">
        <Typography variant="body2" color="text.secondary">
          Add a destination occupation to see which of its core competencies the credentials cover.
        </Typography>
      </Panel>
    );
  }
  const exact = covered.filter((entry) => bestStrength(entry) === 'EXACT').length;
  const partial = covered.length - exact;
  const related = relatedOnly.length;
  const none = uncovered.length - related;
  const relatedIds = new Set(relatedOnly.map((entry) => entry.competency.id));
  const percent = Math.round((coveredCount / coreCount) * 100);

  return (
    <Panel title="Coverage of core competencies" subtitle={pathway.destinationLinks.map((link) => link.occupation.title).join(', ')} testId="coverage">
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2 }}>
        <Box sx={{ width: 140, height: 120, flexShrink: 0 }}>
          <Gauge
            value={coveredCount}
            valueMax={coreCount}
            startAngle={-110}
            endAngle={110}
            innerRadius="72%"
            text={`${percent}%`}
            aria-label={`${coveredCount} of ${coreCount} core competencies covered`}
            sx={{
              [`& .${gaugeClasses.valueText}`]: { fontSize: 24, fontWeight: 700 },
              [`& .${gaugeClasses.valueArc}`]: { fill: percent === 100 ? COLOURS.EXACT : '#0e5a6d' },
            }}
          />
        </Box>
        <Box>
          <Typography variant="h5" component="p" sx={{ fontWeight: 700 }} data-testid="coverage-summary">
            {coveredCount} of {coreCount} covered
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {uncovered.length === 0 ? 'Every core competency is covered.' : `${uncovered.length} core ${uncovered.length === 1 ? 'competency' : 'competencies'} still to cover.`}
          </Typography>
        </Box>
      </Stack>
      <BarChart
        height={120}
        layout="horizontal"
        margin={{ left: 0, right: 16, top: 8, bottom: 0 }}
        yAxis={[{ scaleType: 'band', data: ['Core'], width: 40 }]}
        xAxis={[{ min: 0, max: coreCount, tickMinStep: 1, height: 24 }]}
        series={[
          { data: [exact], label: 'Exact', stack: 'core', color: COLOURS.EXACT },
          { data: [partial], label: 'Partial', stack: 'core', color: COLOURS.PARTIAL },
          { data: [related], label: 'Related only (not counted)', stack: 'core', color: COLOURS.RELATED },
          { data: [none], label: 'Not reached', stack: 'core', color: COLOURS.NONE },
        ]}
        slotProps={{ legend: { position: { vertical: 'bottom', horizontal: 'center' } } }}
      />
      {uncovered.length > 0 && (
        <Box sx={{ mt: 1.5 }} data-testid="uncovered">
          <Typography variant="subtitle2">Not yet covered</Typography>
          {uncovered.map((competency) => (
            <Box key={competency.id} sx={{ py: 0.75, borderTop: '1px solid', borderColor: 'divider' }}>
              <Typography variant="body2">
                <strong>{competency.code}</strong> {competency.statement}
              </Typography>
              {relatedIds.has(competency.id) && (
                <Typography variant="caption" color="text.secondary">
                  Only related to: {sources(relatedOnly.find((entry) => entry.competency.id === competency.id)!)}
                </Typography>
              )}
            </Box>
          ))}
        </Box>
      )}
      {covered.length > 0 && (
        <Box component="details" sx={{ mt: 1.5, '& summary': { cursor: 'pointer', fontWeight: 600, fontSize: '0.875rem' } }}>
          <summary>Covered ({covered.length})</summary>
          {covered.map((entry) => (
            <Stack key={entry.competency.id} direction="row" sx={{ gap: 1, py: 0.75, borderTop: '1px solid', borderColor: 'divider', alignItems: 'flex-start' }}>
              <Chip size="small" label={bestStrength(entry) === 'EXACT' ? 'Exact' : 'Partial'} sx={{ bgcolor: COLOURS[bestStrength(entry)], color: bestStrength(entry) === 'EXACT' ? '#fff' : 'inherit', minWidth: 64 }} />
              <Box>
                <Typography variant="body2">
                  <strong>{entry.competency.code}</strong> {entry.competency.statement}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  By {sources(entry)}
                </Typography>
              </Box>
            </Stack>
          ))}
        </Box>
      )}
    </Panel>
  );
}
