import type { Translate } from '../translations/messages';

/**
 * A segment path in words: `title` stays the field's name, `answers/<question>/body` is the
 * answer to that question, `labels/<key>` that site label.
 */
export function describeField(path: string, text: Translate): string {
  const answer = /^answers\/(.+)\/body$/.exec(path);
  if (answer?.[1]) return text('translation.field.answer', { key: answer[1] });
  if (path.startsWith('labels/')) return text('translation.field.label', { key: path.slice('labels/'.length) });
  return path;
}
