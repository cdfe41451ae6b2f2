/**
 * Page dates ("01/03/2019", "March 2019", "2019") to ISO dates.
 *
 * The site is European, so numeric dates are read day-first. A date given
 * only to the month or year becomes the first day of that period and its
 * precision is returned so the caller can report the loss of information.
 */

export type DatePrecision = 'day' | 'month' | 'year';

export interface PageDate {
  iso: string;
  precision: DatePrecision;
  /** Set when day and month could be swapped and we had to choose. */
  assumedDayFirst: boolean;
}

// Month names from Intl rather than a hand-written table ("March", "Mar", "Sept" …).
const MONTHS: ReadonlyMap<string, number> = (() => {
  const names = new Map<string, number>();
  for (const month of ['long', 'short'] as const) {
    const format = new Intl.DateTimeFormat('en', { month, timeZone: 'UTC' });
    for (let index = 0; index < 12; index += 1) {
      names.set(format.format(Date.UTC(2000, index, 15)).toLowerCase().replace(/\.$/, ''), index + 1);
    }
  }
  names.set('sept', 9);
  return names;
})();

function iso(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  // Rejects 31/02 and similar instead of letting Date roll over.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function result(year: number, month: number, day: number, precision: DatePrecision, assumedDayFirst = false): PageDate | null {
  const value = iso(year, month, day);
  return value === null ? null : { iso: value, precision, assumedDayFirst };
}

function monthNumber(name: string): number | undefined {
  return MONTHS.get(name.toLowerCase().replace(/\.$/, ''));
}

export function parsePageDate(input: string): PageDate | null {
  const text = input.normalize('NFKC').trim().replace(/\s+/g, ' ').replace(/[.,]$/, '');
  let match: RegExpExecArray | null;

  if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text))) return result(+match[1]!, +match[2]!, +match[3]!, 'day');
  if ((match = /^(\d{4})-(\d{1,2})$/.exec(text))) return result(+match[1]!, +match[2]!, 1, 'month');

  if ((match = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(text))) {
    const first = +match[1]!;
    const second = +match[2]!;
    const year = +match[3]!;
    // Day-first unless that is impossible and month-first is not (e.g. 03/25/2019).
    if (second > 12 && first <= 12) return result(year, first, second, 'day');
    return result(year, second, first, 'day', first <= 12 && second <= 12 && first !== second);
  }
  if ((match = /^(\d{1,2})[./-](\d{4})$/.exec(text))) return result(+match[2]!, +match[1]!, 1, 'month');

  if ((match = /^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+\.?),? (\d{4})$/.exec(text))) {
    const month = monthNumber(match[2]!);
    return month === undefined ? null : result(+match[3]!, month, +match[1]!, 'day');
  }
  if ((match = /^([A-Za-z]+\.?) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(text))) {
    const month = monthNumber(match[1]!);
    return month === undefined ? null : result(+match[3]!, month, +match[2]!, 'day');
  }
  if ((match = /^([A-Za-z]+\.?),? (\d{4})$/.exec(text))) {
    const month = monthNumber(match[1]!);
    return month === undefined ? null : result(+match[2]!, month, 1, 'month');
  }
  if ((match = /^(\d{4})$/.exec(text))) return result(+match[1]!, 1, 1, 'year');
  return null;
}
