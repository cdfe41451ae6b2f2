import type { Translate } from '../translations/messages';
import { kindLabels } from './labels';

export interface NamedEntry {
  kind: string;
  documentId: string;
  /** The framework or taxonomy key, if any. */
  key: string | null;
  /** Title, name or text; the server falls back to the id or key when there is none it may show. */
  label: string;
}

/**
 * How a page names an entry: its title, name or text. The server names an entry without one (or
 * whose naming field the admin may not read) by its documentId or key, which means nothing to an
 * editor or translator: such an entry is "an untitled practice" instead.
 */
export function entryName(entry: NamedEntry, text: Translate): string {
  const label = entry.label.trim();
  if (label !== '' && label !== entry.documentId && label !== entry.key) return entry.label;
  const kind = Object.hasOwn(kindLabels, entry.kind) ? text(kindLabels[entry.kind as keyof typeof kindLabels]) : entry.kind;
  return text('translation.entry.untitled', { kind });
}
