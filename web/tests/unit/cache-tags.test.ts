/**
 * Every cache tag is built by src/lib/cache/tags.ts: pages, loaders, the revalidation mapping
 * and the route cache's hints all take their tags from it, so that a page cannot be tagged with
 * a string the webhook never invalidates (or the reverse). A tag written as a literal anywhere
 * else in the site's code fails here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalPathOf, canonicalTag, READS_LIST_QUERY_TAG, tags } from '../../src/lib/cache/tags';

const src = join(__dirname, '../../src');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(astro|ts|mjs)$/.test(name) ? [path] : [];
  });

/** The start of every parameterised tag (`practice-doc:`…) and of the reserved ones (`gp:`). */
const prefixes = [
  ...Object.values(tags).flatMap((tag) => (typeof tag === 'function' ? [tag('')] : [])),
  READS_LIST_QUERY_TAG.slice(0, READS_LIST_QUERY_TAG.indexOf(':') + 1),
];

describe('cache tags', () => {
  it('are written only in lib/cache/tags.ts', () => {
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const literalTag = new RegExp(`['"\`](?:${prefixes.map(escape).join('|')})`);
    // Arguments of the calls that take tags: no string of their own, only tags.*.
    const tagCall = /(?:\.tag|cacheResponse)\(([^;]*?)\);|\btags:\s*\[([^\]]*)\]/g;
    const offenders: string[] = [];
    for (const file of files(src)) {
      const name = relative(src, file);
      if (name === join('lib', 'cache', 'tags.ts')) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          if (literalTag.test(line)) offenders.push(`${name}:${index + 1}: ${line.trim()}`);
        });
      for (const match of readFileSync(file, 'utf8').matchAll(tagCall)) {
        if (/['"`]/.test(match[1] ?? match[2] ?? '')) offenders.push(`${name}: ${match[0]}`);
      }
    }
    expect(prefixes).toEqual(['practice:', 'practice-doc:', 'tool:', 'tool-doc:', 'gp:']);
    expect(offenders).toEqual([]);
  });

  it('carry a canonical path through the route cache unchanged, commas escaped', () => {
    expect(canonicalPathOf(canonicalTag('/en/practices/migracode/'))).toBe('/en/practices/migracode/');
    expect(canonicalPathOf(canonicalTag('/en/a,b/'))).toBe('/en/a%2Cb/');
    expect(canonicalPathOf(tags.practiceDoc('abc'))).toBeUndefined();
    expect(canonicalPathOf(READS_LIST_QUERY_TAG)).toBeUndefined();
  });
});
