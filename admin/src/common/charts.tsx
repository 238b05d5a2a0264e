import { Box } from '@mui/material';
import type { BarChartProps } from '@mui/x-charts/BarChart';
import type { GaugeProps } from '@mui/x-charts/Gauge';
import { lazy, Suspense } from 'react';

/**
 * MUI X charts, fetched after the page's first paint: the charts and d3 are the largest code on
 * the pages that draw them. Until they arrive, a box of the chart's height holds its place, so
 * nothing below it moves.
 */
const LazyBarChart = lazy(() => import('@mui/x-charts/BarChart').then((module) => ({ default: module.BarChart })));
const LazyGauge = lazy(() => import('@mui/x-charts/Gauge').then((module) => ({ default: module.Gauge })));

export const BarChart = (props: Omit<BarChartProps, 'ref'>) => (
  <Suspense fallback={<Box sx={{ height: props.height ?? 300 }} aria-hidden />}>
    <LazyBarChart {...props} />
  </Suspense>
);

export const Gauge = (props: Omit<GaugeProps, 'ref'>) => (
  <Suspense fallback={<Box sx={{ width: '100%', height: '100%' }} aria-hidden />}>
    <LazyGauge {...props} />
  </Suspense>
);

/** The class names of `@mui/x-charts/Gauge`'s `gaugeClasses`, without loading the charts to read them. */
export const gaugeClasses = { valueText: 'MuiGauge-valueText', valueArc: 'MuiGauge-valueArc', referenceArc: 'MuiGauge-referenceArc' } as const;
