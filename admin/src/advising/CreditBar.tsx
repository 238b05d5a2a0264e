import { BarChart } from '../common/charts';
import { RouteFigures } from './route';
import { appliedSegments, formatCredits } from './routeRows';

export const CREDIT_COLOURS = { articulated: '#0e6b80', block: '#5aa7b8', priorLearning: '#e0a030', remaining: '#d9dee3' };

interface Bar {
  label: string;
  figures: RouteFigures;
}

/** Applied credit by source and what remains, one horizontal bar per scenario (now, and with what-if credentials). */
export const CreditBar = ({ bars }: { bars: Bar[] }) => {
  const segments = bars.map((bar) => appliedSegments(bar.figures));
  const series = [
    { key: 'articulated', label: 'Articulated', data: segments.map((segment) => segment.articulated), color: CREDIT_COLOURS.articulated },
    { key: 'block', label: 'Block credit', data: segments.map((segment) => segment.block), color: CREDIT_COLOURS.block },
    { key: 'priorLearning', label: 'Prior learning', data: segments.map((segment) => segment.priorLearning), color: CREDIT_COLOURS.priorLearning },
    { key: 'remaining', label: 'Remaining', data: bars.map((bar) => bar.figures.remainingCredits), color: CREDIT_COLOURS.remaining },
  ];
  return (
    <BarChart
      layout="horizontal"
      height={70 + bars.length * 48}
      margin={{ left: 8, right: 24, top: 8, bottom: 8 }}
      yAxis={[{ scaleType: 'band', data: bars.map((bar) => bar.label), width: 150 }]}
      xAxis={[{ min: 0, max: Math.max(...bars.map((bar) => bar.figures.totalCredits)), label: 'Credits' }]}
      series={series.map(({ key, label, data, color }) => ({
        id: key,
        label,
        data,
        color,
        stack: 'credits',
        valueFormatter: (value: number | null) => (value === null ? '' : `${formatCredits(value)} credits`),
      }))}
      slotProps={{ legend: { position: { vertical: 'top', horizontal: 'center' } } }}
    />
  );
};
