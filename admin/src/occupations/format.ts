export const WAGE_FORMAT = { style: 'currency', currency: 'USD', maximumFractionDigits: 0 } as const;

/** Years print as years, not as 2,024. */
export const YEAR_FORMAT = { useGrouping: false } as const;

export const JOB_ZONES = [
  { id: 1, name: '1 Little or no preparation' },
  { id: 2, name: '2 Some preparation' },
  { id: 3, name: '3 Medium preparation' },
  { id: 4, name: '4 Considerable preparation' },
  { id: 5, name: '5 Extensive preparation' },
];
