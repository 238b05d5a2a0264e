import { Box } from '@mui/material';
import type { BarChartProps } from '@mui/x-charts/BarChart';
import type { GaugeProps } from '@mui/x-charts/Gauge';
import { lazy } from 'react';
import { AfterPaint } from './afterPaint';

/**
 * MUI X charts, fetched once the content drawn with them is on the screen: the charts and d3 are
 * the largest code on the pages that draw them (about 85 kB compressed). Fetched as soon as a chart
 * was rendered, they took the slow phone network's bandwidth and then the main thread while the
 * page's text was still waiting to be painted. Until they arrive, a box of the chart's size holds
 * its place, so nothing around it moves.
 */
const LazyBarChart = lazy(() => import('@mui/x-charts/BarChart').then((module) => ({ default: module.BarChart })));
const LazyGauge = lazy(() => import('@mui/x-charts/Gauge').then((module) => ({ default: module.Gauge })));

export const BarChart = (props: Omit<BarChartProps, 'ref'>) => (
  <AfterPaint placeholder={<Box sx={{ height: props.height ?? 300 }} aria-hidden />}>
    <LazyBarChart {...props} />
  </AfterPaint>
);

export const Gauge = (props: Omit<GaugeProps, 'ref'>) => (
  <AfterPaint placeholder={<Box sx={{ width: '100%', height: '100%' }} aria-hidden />}>
    <LazyGauge {...props} />
  </AfterPaint>
);

/** The class names of `@mui/x-charts/Gauge`'s `gaugeClasses`, without loading the charts to read them. */
export const gaugeClasses = { valueText: 'MuiGauge-valueText', valueArc: 'MuiGauge-valueArc', referenceArc: 'MuiGauge-referenceArc' } as const;
