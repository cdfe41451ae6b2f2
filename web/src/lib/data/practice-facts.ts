/**
 * What the open data takes from a practice's full detail: organisation, validation status,
 * website and the state of each checklist item (the rest of a row comes from its summary).
 *
 * In a static build the details are files written by the content loader
 * (lib/cms/loaders/detail-files.ts); reading and parsing every one of them (≈ 33 KB of JSON
 * each) for the open data of every locale was the slowest part of a build after one publish
 * (bench/reports/full-2000x5-incremental.md). So the facts of each detail are kept between builds
 * in a file next to the details' folder, by the detail's digest (a digest of its JSON: a detail
 * that changed has a new one): a build reads only the details it has not seen. The file holds the
 * facts of the current details only, and is rewritten when that set changes.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ChecklistState, PracticeDetail } from 'strapi-plugin-good-practices/contract';
import { detailFactsFile, readDetail, type DetailRef } from '../cms/loaders/detail-files';

export interface PracticeFacts {
  organisation: string | null;
  validationStatus: PracticeDetail['validationStatus'];
  website: string | null;
  /** Checklist item key → state, for every item of the detail. */
  checklist: Record<string, ChecklistState>;
}

export function factsOf(detail: PracticeDetail): PracticeFacts {
  const checklist: Record<string, ChecklistState> = {};
  for (const group of detail.groups) for (const question of group.questions) for (const item of question.items) checklist[item.key] = item.state;
  return { organisation: detail.organisation, validationStatus: detail.validationStatus, website: detail.website, checklist };
}

/** Bumped when PracticeFacts changes shape: an older file is then ignored. */
const FORMAT = 1;

function readKept(file: string): Map<string, PracticeFacts> {
  if (!existsSync(file)) return new Map();
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { format?: number; facts?: Record<string, PracticeFacts> };
    return parsed.format === FORMAT && parsed.facts ? new Map(Object.entries(parsed.facts)) : new Map();
  } catch {
    // A damaged file (a build stopped while writing it) only costs reading the details again.
    return new Map();
  }
}

/**
 * The facts of every detail in `refs`, by digest: from the kept file where the digest is known,
 * read from the detail otherwise. Rewrites the kept file (written whole, then renamed) when the
 * set of digests changed.
 */
export function factsByDigest(refs: readonly DetailRef[]): Map<string, PracticeFacts> {
  const out = new Map<string, PracticeFacts>();
  const files = new Map<string, Map<string, PracticeFacts>>();
  const changed = new Set<string>();
  for (const ref of refs) {
    if (out.has(ref.digest)) continue;
    const file = detailFactsFile(dirname(ref.file));
    let kept = files.get(file);
    if (!kept) {
      kept = readKept(file);
      files.set(file, kept);
    }
    let facts = kept.get(ref.digest);
    if (!facts) {
      facts = factsOf(readDetail<PracticeDetail>(ref));
      changed.add(file);
    }
    out.set(ref.digest, facts);
  }
  for (const [file, kept] of files) {
    const current = refs.filter((ref) => detailFactsFile(dirname(ref.file)) === file).map((ref) => ref.digest);
    // Facts of details no entry points to any more: the file is rewritten without them.
    if (kept.size !== new Set(current).size || current.some((digest) => !kept.has(digest))) changed.add(file);
    if (!changed.has(file)) continue;
    const facts = Object.fromEntries(current.map((digest) => [digest, out.get(digest)!]));
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ format: FORMAT, facts }));
    renameSync(temporary, file);
  }
  return out;
}
