/** Page dates to ISO: day-first numeric dates, month names, imprecise month/year dates. */
import { describe, expect, it } from 'vitest';
import { parsePageDate } from '../../server/src/import/parse-date';

describe('parsePageDate', () => {
  it.each([
    ['01/03/2019', '2019-03-01', 'day'],
    ['1.3.2019', '2019-03-01', 'day'],
    ['2019-03-01', '2019-03-01', 'day'],
    ['1 March 2019', '2019-03-01', 'day'],
    ['March 1, 2019', '2019-03-01', 'day'],
    ['March 2019', '2019-03-01', 'month'],
    ['Sept 2020', '2020-09-01', 'month'],
    ['03/2019', '2019-03-01', 'month'],
    ['2019', '2019-01-01', 'year'],
  ])('%s -> %s (%s)', (input, iso, precision) => {
    expect(parsePageDate(input)).toMatchObject({ iso, precision });
  });

  it('reads numeric dates day-first and says so when they are ambiguous', () => {
    expect(parsePageDate('01/03/2019')?.assumedDayFirst).toBe(true);
    expect(parsePageDate('25/03/2019')?.assumedDayFirst).toBe(false);
    expect(parsePageDate('03/25/2019')?.iso).toBe('2019-03-25');
  });

  it.each(['ongoing', '31/02/2019', 'Smarch 2019', ''])('rejects %j', (input) => {
    expect(parsePageDate(input)).toBeNull();
  });
});
