/** Terms within a year in calendar order; a cohort naming none sorts before the year's terms. */
const TERMS = ['winter', 'spring', 'summer', 'fall', 'autumn'];

function termIndex(cohort: string): number {
  const lower = cohort.toLowerCase();
  const index = TERMS.findIndex((term) => lower.includes(term));
  return index === 4 ? 3 : index;
}

/** Cohorts in time order: by year, then term (Spring 2025 before Fall 2025), then by name. */
export function byCohort(a: string, b: string): number {
  const yearA = Number(/\b(\d{4})\b/.exec(a)?.[1] ?? 0);
  const yearB = Number(/\b(\d{4})\b/.exec(b)?.[1] ?? 0);
  return yearA - yearB || termIndex(a) - termIndex(b) || a.localeCompare(b, undefined, { numeric: true });
}
