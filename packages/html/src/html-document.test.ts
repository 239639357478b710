import { describe, expect, it } from 'vitest';
import { html, raw } from './html.js';
import { htmlDocument } from './html-document.js';

describe('htmlDocument', () => {
  it('wraps the body in a standalone page whose title and heading are escaped', () => {
    const page = htmlDocument('a <b> report', raw('p{margin:0}'), html`<p>${'x & y'}</p>`);
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(page).toContain('<title>a &lt;b&gt; report</title>');
    expect(page).toContain('<style>p{margin:0}</style>');
    expect(page).toContain('<h1>a &lt;b&gt; report</h1>\n<p>x &amp; y</p>\n</main>\n</body>\n</html>\n');
  });
});
