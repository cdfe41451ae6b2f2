/**
 * Which practices changed between two content generations, when this process can know it: the
 * first list request after a publish then re-reads the few practices written instead of every
 * published version of every practice (about half a second at 2,000 practices × 5 locales,
 * issue 17.6), see practice-list-index.ts.
 *
 * Every bump of the local counter (content-generation.ts) is noted with the practices its write
 * concerns: the documentIds of the practice rows written, none for a write that cannot change a
 * practice's summary row (framework, site texts, tools, locales…), or "unknown" (a bulk write
 * without its rows, a taxonomy term or a media file, whose names and URLs the rows carry). Every
 * bump of the stored generation that this process made is noted with the value it produced.
 * Between two generations the answer is known only when every local bump in between is noted and
 * every stored value in between is this process's own: a write by another process (the import
 * CLI, a second CMS instance) leaves a stored value that is not, and the caller rebuilds in full.
 *
 * Bounded: the last JOURNAL_LENGTH bumps of each kind; older ones are forgotten, and a question
 * reaching past them is answered "unknown".
 */
import type { Core } from '@strapi/strapi';

export const JOURNAL_LENGTH = 4096;

/** The practices a bump concerns: their documentIds, or 'unknown'. */
export type ChangedPractices = ReadonlySet<string> | 'unknown';

interface Journal {
  local: Map<number, ChangedPractices>;
  stored: Set<string>;
}

const journals = new WeakMap<Core.Strapi, Journal>();

function journalOf(strapi: Core.Strapi): Journal {
  let journal = journals.get(strapi);
  if (!journal) {
    journal = { local: new Map(), stored: new Set() };
    journals.set(strapi, journal);
  }
  return journal;
}

/** Notes that the local counter reached `value` for a write concerning `practices`. */
export function noteLocalBump(strapi: Core.Strapi, value: number, practices: ChangedPractices): void {
  const { local } = journalOf(strapi);
  local.set(value, practices);
  if (local.size > JOURNAL_LENGTH) local.delete(local.keys().next().value!);
}

/** Notes that this process's committed write set the stored generation to `value`. */
export function noteOwnStoredBump(strapi: Core.Strapi, value: string): void {
  const { stored } = journalOf(strapi);
  stored.add(value);
  if (stored.size > JOURNAL_LENGTH) stored.delete(stored.values().next().value!);
}

/** A generation as content-generation.ts writes it: `${local}:${stored}`. */
function parseGeneration(generation: string): { local: number; stored: bigint } | undefined {
  const match = /^(\d+):(\d+)$/.exec(generation);
  return match ? { local: Number(match[1]), stored: BigInt(match[2]!) } : undefined;
}

/**
 * The practices whose rows may differ between generation `from` and the later `to`, or
 * 'unknown' when this process cannot tell (then everything must be read again).
 */
export function practicesChangedBetween(strapi: Core.Strapi, from: string, to: string): ChangedPractices {
  const before = parseGeneration(from);
  const after = parseGeneration(to);
  if (!before || !after || after.local < before.local || after.stored < before.stored) return 'unknown';
  const journal = journalOf(strapi);
  // Another process's write, or one of ours the journal has forgotten.
  if (after.stored - before.stored > BigInt(JOURNAL_LENGTH)) return 'unknown';
  for (let value = before.stored + 1n; value <= after.stored; value++) {
    if (!journal.stored.has(String(value))) return 'unknown';
  }
  const changed = new Set<string>();
  for (let value = before.local + 1; value <= after.local; value++) {
    const practices = journal.local.get(value);
    if (practices === undefined || practices === 'unknown') return 'unknown';
    for (const documentId of practices) changed.add(documentId);
  }
  return changed;
}
