import { byCohort } from '../../admin/src/dashboard/cohorts';

describe('outcome cohorts in time order', () => {
  it('puts spring before fall of a year, and years in order, whichever way the term is written', () => {
    expect(['Fall 2025', 'Spring 2025', '2024', 'Summer 2025', '2025 Winter', 'Autumn 2024', 'spring 2024'].sort(byCohort)).toEqual([
      '2024', 'spring 2024', 'Autumn 2024', '2025 Winter', 'Spring 2025', 'Summer 2025', 'Fall 2025',
    ]);
  });
});
