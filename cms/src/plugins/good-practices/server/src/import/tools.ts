/**
 * "Inspiring tools" lines of an answer: a tool's name and a guessed kind.
 * The kind is only a hint for editors and filters, taken from words the site
 * uses in tool titles.
 */
import type { Tool, ToolKind } from './types';

// Checked in order: "Case Study – … portal" is a case study, not a portal.
const KIND_PATTERNS: readonly [ToolKind, RegExp][] = [
  ['case-study', /\bcase[\s-]+stud(?:y|ies)\b/i],
  ['portal', /\bportals?\b/i],
  ['recommendation', /\brecommendations?\b/i],
  ['toolkit', /\btool[\s-]?kits?\b/i],
  ['guide', /\b(?:guides?|guidelines?|handbooks?|manuals?)\b/i],
  ['report', /\breports?\b/i],
];

export function guessToolKind(name: string): ToolKind {
  return KIND_PATTERNS.find(([, pattern]) => pattern.test(name))?.[0] ?? 'other';
}

/** The name is the line without its trailing period; everything else (dashes, subtitles) is kept. */
export function readTool(line: string): Tool {
  const name = line.trim().replace(/\.+$/, '').trim();
  return { name, kind: guessToolKind(name) };
}
