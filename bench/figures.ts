/** The servers the benchmark compares. */
export type ServerName = 'Pathforge' | 'single SQL' | 'PostGraphile 4' | 'PostGraphile 5';

/** What one server did on one query, one entry per timed run. */
export interface Figures {
  query: string;
  server: ServerName;
  rps: number[];
  p50: number[];
  p99: number[];
  statements: number[];
  bytes: number;
  peakRssMb: number;
}
