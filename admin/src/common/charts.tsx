import { Box } from '@mui/material';
import type { BarChartProps } from '@mui/x-charts/BarChart';
import type { GaugeProps } from '@mui/x-charts/Gauge';
import { lazy, ReactNode, useEffect, useRef, useState } from 'react';
import type { SxProps, Theme } from '@mui/material/styles';
import { AfterPaint } from './afterPaint';

/**
 * MUI X charts, fetched once the content drawn with them is on the screen and the chart's place is
 * near it (ChartSlot): the charts and d3 are the largest code on the pages that draw them (about
 * 85 kB compressed). Fetched as soon as a chart
 * was rendered, they took the slow phone network's bandwidth and then the main thread while the
 * page's text was still waiting to be painted. Until they arrive, a box of the chart's size holds
 * its place, so nothing around it moves.
 */
const LazyBarChart = lazy(() => import('@mui/x-charts/BarChart').then((module) => ({ default: module.BarChart })));
const LazyGauge = lazy(() => import('@mui/x-charts/Gauge').then((module) => ({ default: module.Gauge })));

/**
 * A chart's place, and the chart once that place is within half a screen of the viewport: on a
 * phone the designer's coverage chart sits below every panel of the design, and fetching and
 * drawing it there held up the page the person was reading.
 */
function ChartSlot({ sx, children }: { sx: SxProps<Theme>; children: ReactNode }) {
  const place = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = place.current;
    if (near || !element) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setNear(true);
    }, { rootMargin: '50% 0px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [near]);
  if (!near) return <Box ref={place} sx={sx} aria-hidden />;
  return <AfterPaint placeholder={<Box sx={sx} aria-hidden />}>{children}</AfterPaint>;
}

export const BarChart = (props: Omit<BarChartProps, 'ref'>) => (
  <ChartSlot sx={{ height: props.height ?? 300 }}>
    <LazyBarChart {...props} />
  </ChartSlot>
);

export const Gauge = (props: Omit<GaugeProps, 'ref'>) => (
  <ChartSlot sx={{ width: '100%', height: '100%' }}>
    <LazyGauge {...props} />
  </ChartSlot>
);

/** The class names of `@mui/x-charts/Gauge`'s `gaugeClasses`, without loading the charts to read them. */
export const gaugeClasses = { valueText: 'MuiGauge-valueText', valueArc: 'MuiGauge-valueArc', referenceArc: 'MuiGauge-referenceArc' } as const;
