import { describe, expect, it } from 'vitest';
import { htmlToLine, htmlToParagraphs, shorten, textToParagraphs } from '@/backend/news-feeds/feed-html-text';

describe('feed HTML to plain text', () => {
  it('makes block elements and line breaks paragraphs, collapsing whitespace and decoding entities', () => {
    expect(
      htmlToParagraphs(
        '  <div>One&nbsp;&amp; <b>two</b>\n\n  three</div>Four<br>Five<br/><br/><ul><li>Six</li><li>Seven</li></ul>',
      ),
    ).toEqual(['One & two three', 'Four', 'Five', 'Six', 'Seven']);
  });

  it('drops scripts, styles, frames and forms with their content, and links to javascript: however spelt', () => {
    expect(
      htmlToParagraphs(
        '<p>Kept<script>bad()</script><style>.x{}</style><noscript>no</noscript></p>' +
          '<p><a href=" java\tscript:bad()">gone</a><a href="JAVASCRIPT:bad()"><b>gone too</b></a><a href="/ok">kept link</a></p>' +
          '<form><input value="x"><button>Send</button></form><svg><text>svg</text></svg>',
      ),
    ).toEqual(['Kept', 'kept link']);
  });

  it('drops a "Continue reading…" or "Read more" tail, alone or at the end of the last paragraph', () => {
    expect(htmlToParagraphs('<p>Story.</p><p><a href="/s">Continue reading…</a></p>')).toEqual(['Story.']);
    expect(htmlToParagraphs('<p>Story. <a href="/s">Read more »</a></p>')).toEqual(['Story.']);
    expect(htmlToParagraphs('<p>Story.</p><p>Read Full Article at RT.com</p>')).toEqual(['Story.']);
    expect(htmlToParagraphs('<p>Read more books, the minister said.</p>')).toEqual([
      'Read more books, the minister said.',
    ]);
  });

  it('reads titles as one line, a "Read more" title kept; plain text by blank lines', () => {
    expect(htmlToLine('  <em>Read</em> more\n &lt;here&gt; ')).toBe('Read more <here>');
    expect(textToParagraphs('One\nline.\n\n\nTwo <b>literal</b>.')).toEqual(['One line.', 'Two <b>literal</b>.']);
  });

  it('shortens at a word boundary with an ellipsis', () => {
    expect(shorten('The harbour council met on Thursday', 20)).toBe('The harbour council…');
    expect(shorten('Short', 20)).toBe('Short');
  });
});
