/** The output entries of a static build's log (src/lib/static-build/build-log.ts), read by the bench and the incremental build's test. */
import { describe, expect, it } from 'vitest';
import { outputEntries } from '../../src/lib/static-build/build-log';

describe('the output entries of a build log', () => {
  it('reads rendered and kept files, also where a rendered file’s entry is cut by others', () => {
    const log = [
      ' generating static routes ',
      '12:00:01   ├─ /en/practices/a/index.html12:00:01   ├─ /en/practices/b/index.html (cached)',
      '12:00:01   ├─ /en/practices/c/index.html (restored)',
      '12:00:02   ├─ /_headers\x1b[2m12:00:02\x1b[22m   ├─ /en/practices/page/2/index.html (+20ms) ',
      ' (+310ms) ',
      '12:00:02   ├─ /en/practices.json (+88ms) ',
    ].join('\n');
    expect(outputEntries(log)).toEqual({
      rendered: ['/en/practices/a/index.html', '/_headers', '/en/practices/page/2/index.html', '/en/practices.json'],
      kept: ['/en/practices/b/index.html', '/en/practices/c/index.html'],
    });
  });
});
