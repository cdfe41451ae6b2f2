/**
 * In the Content Manager's form, Enter in an input submits the form (the browser's implicit
 * submission), so an editor confirming a typed date in a date field saved the whole practice.
 * A capture-phase keydown listener, mounted with the practice edit view's panel, cancels that
 * default for the practice's date inputs only: the date picker still gets the key (it picks the
 * highlighted day with it when its calendar is open), and Enter keeps saving everywhere else.
 */
import * as React from 'react';

export const DATE_FIELDS: readonly string[] = ['projectStart', 'projectEnd', 'validationDate'];

/** Whether this keydown is an Enter in one of the practice's date inputs. */
export function isEnterInDateField(event: Pick<KeyboardEvent, 'key' | 'target' | 'isComposing'>): boolean {
  if (event.key !== 'Enter' || event.isComposing) return false;
  const target = event.target as { tagName?: unknown; name?: unknown } | null;
  return target !== null && target.tagName === 'INPUT' && typeof target.name === 'string' && DATE_FIELDS.includes(target.name);
}

export function useNoSaveOnEnterInDates(): void {
  React.useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isEnterInDateField(event)) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
