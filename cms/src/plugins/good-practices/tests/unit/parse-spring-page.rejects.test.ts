/** Input that is not a SPRING practice page is rejected with NotASpringPageError. */
import { describe, expect, it } from 'vitest';
import { springFramework } from '../../server/src/framework/framework';
import { NotASpringPageError } from '../../server/src/import/errors';
import { parseSpringPage } from '../../server/src/import/parse-spring-page';
import { readFixture } from './helpers/spring-fixtures';

const czech = readFixture('czech-qualification-recognition-portal.txt');

describe('parseSpringPage rejects', () => {
  it.each([
    ['an empty file', ''],
    ['whitespace only', ' \n\u00A0\n\t\r\n'],
    ['random prose', 'Lorem ipsum dolor sit amet.\n\nConsectetur adipiscing elit, sed do eiusmod tempor.\nUt enim ad minim veniam.'],
    ['an HTML page', `<!DOCTYPE html>\n<html><head><title>x</title></head><body><p>${czech.split('\n').join('</p>\n<p>')}</p></body></html>`],
    ['an HTML fragment', `<div class="practice">\n<h2>Good practice checklist</h2>\n<p>x</p>\n</div>`],
    ['binary data', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe]).toString('utf8')],
    ['only the site footer', 'Consortium\n\nSubscribe to our newsletter:\n\u00A9 SPRING. All rights reserved.'],
    ['a group heading alone', 'Effectiveness\nSome text about effectiveness.'],
  ])('%s', (_name, input) => {
    expect(() => parseSpringPage(input, springFramework)).toThrow(NotASpringPageError);
  });

  it('says why in the message', () => {
    expect(() => parseSpringPage('', springFramework)).toThrow(/Not a SPRING good-practice page: the text is empty/);
    expect(() => parseSpringPage('Just a sentence.', springFramework)).toThrow(/no "Good practice checklist" label and no question/);
  });

  it('accepts a page with only a checklist or only a question', () => {
    expect(() => parseSpringPage('Good practice checklist\n\u2713 Ensure achievement of intended outputs / outcomes.', springFramework, { title: 't' })).not.toThrow();
    expect(() => parseSpringPage('Does the practice regularly monitor implementation and evaluate its results?\nYes.', springFramework, { title: 't' })).not.toThrow();
  });
});
