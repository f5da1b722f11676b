/**
 * Hostile HTML straight through the sanitiser and the block walker (without
 * Readability, which would hide some of it): each snippet must come out as
 * text only, with no way to run code or reach the network.
 */
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { htmlToBlocks } from '../../../src/capture/html-blocks';
import { sanitizeHtml } from '../../../src/capture/sanitize';
import { blockText } from '../../../src/document/types';
import { expectNoActiveContent, expectNoActiveStructure } from './helpers/active';

function convert(html: string, baseUrl = 'https://news.example/a/') {
  const dom = new JSDOM('', { url: baseUrl });
  const root = sanitizeHtml(html, dom.window as unknown as Window);
  const out = htmlToBlocks(root, { baseUrl, docDir: 'ltr' });
  dom.window.close();
  return out;
}

const hostile: [string, string, string][] = [
  ['script element', '<p>Safe text</p><script>alert(1)</script>', 'Safe text'],
  ['script inside a paragraph', '<p>Safe <script>alert(1)</script>text</p>', 'Safe text'],
  ['on* handlers', '<p onclick="alert(1)" onmouseover="alert(2)">Safe text</p><img src=x onerror="alert(3)">', 'Safe text'],
  ['javascript: link', '<p><a href="javascript:alert(1)">Safe text</a></p>', 'Safe text'],
  ['obfuscated javascript: link', '<p><a href="  JaVaScRiPt&#58;alert(1)">Safe text</a></p>', 'Safe text'],
  ['data: link', '<p><a href="data:text/html;base64,PHNjcmlwdD4=">Safe text</a></p>', 'Safe text'],
  ['SVG with script', '<p>Safe text</p><svg><script>alert(1)</script><a xlink:href="javascript:alert(2)"><text>svg text</text></a></svg>', 'Safe text'],
  ['iframe', '<p>Safe text</p><iframe src="https://evil.example/" srcdoc="<script>alert(1)</script>">frame text</iframe>', 'Safe text'],
  ['object and embed', '<p>Safe text</p><object data="x.swf"><param name=a value=b>object text</object><embed src="x.swf">', 'Safe text'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)"><p>Safe text</p>', 'Safe text'],
  ['CSS url() and expression()', '<style>p{background:url(https://t.example/x.png);width:expression(alert(1))}</style><p style="background:url(javascript:alert(1))">Safe text</p>', 'Safe text'],
  ['form with controls', '<form action="https://evil.example/"><p>Safe text</p><input name="pw" value="x"><textarea>typed</textarea><select><option>opt</option></select><button>Go</button></form>', ''],
  ['base and link', '<base href="https://evil.example/"><link rel="stylesheet" href="https://evil.example/x.css"><p>Safe text</p>', 'Safe text'],
  ['noscript and template', '<noscript><p>enable js</p></noscript><template><p>hidden</p></template><p>Safe text</p>', 'Safe text'],
  ['math with action', '<math><maction actiontype="statusline">x</maction></math><p>Safe text</p>', 'Safe text'],
  ['mutation XSS attempt', '<p>Safe text</p><noscript><p title="</noscript><img src=x onerror=alert(1)>">', 'Safe text'],
  ['video and audio', '<video src="https://t.example/v.mp4" poster="https://t.example/p.png">video text</video><p>Safe text</p>', 'Safe text'],
];

describe('sanitising and converting hostile HTML', () => {
  it.each(hostile)('%s → text only', (_name, html, expectedText) => {
    const { blocks, images } = convert(html);
    // Figures are pending images (media.ts decides); the text is the rest.
    const text = blocks.filter((b) => b.type !== 'figure').map(blockText).join('\n');
    if (expectedText) expect(text).toBe(expectedText);
    expectNoActiveContent({ document: { type: 'document', version: 1, lang: 'en', dir: 'ltr', blocks }, meta: { title: 't', url: null, lang: 'en', dir: 'ltr' } });
    for (const image of images) expect(image.url).toMatch(/^(https?:|data:image\/(png|jpe?g|gif|webp|avif))/);
  });

  it('a form keeps no control text: typed values and button labels are not article text', () => {
    const text = convert('<form><p>Question?</p><input value="secret"><textarea>typed</textarea><button>Go</button></form><p>After.</p>').blocks.map(blockText);
    expect(text).toEqual(['After.']);
  });
});

describe('block structure', () => {
  it('keeps headings, paragraphs, quotes, nested lists and figures with captions', () => {
    const { blocks, images } = convert(`
      <h2>Heading <em>two</em></h2>
      <p>A <strong>strong</strong> and <i>italic</i> and <a href="/rel">relative link</a>.</p>
      <blockquote><p>Quoted one.</p><p>Quoted two.</p></blockquote>
      <ol><li>First<ul><li>Inner</li></ul></li><li>Second</li></ol>
      <figure><img src="pic.jpg" alt="Alt text"><figcaption>Caption <a href="mailto:desk@news.example">mail</a></figcaption></figure>
      <p>Line one<br>Line two</p>`);
    expect(blocks.map((b) => [b.type, blockText(b)])).toEqual([
      ['heading', 'Heading two'],
      ['paragraph', 'A strong and italic and relative link.'],
      ['quote', 'Quoted one.'],
      ['quote', 'Quoted two.'],
      ['list-item', 'First'],
      ['list-item', 'Inner'],
      ['list-item', 'Second'],
      ['figure', 'Caption mail'],
      ['paragraph', 'Line one\nLine two'],
    ]);
    expect(blocks[0]).toMatchObject({ type: 'heading', level: 2 });
    expect(blocks[4]).toMatchObject({ ordered: true, depth: 0 });
    expect(blocks[5]).toMatchObject({ ordered: false, depth: 1 });
    expect(blocks[7]).toMatchObject({ type: 'figure', alt: 'Alt text' });
    expect(blocks[7]).not.toHaveProperty('src'); // pending until media.ts stores it
    expect(images).toEqual([{ blockIndex: 7, url: 'https://news.example/a/pic.jpg' }]);
    const link = blocks[1]!.runs.find((r) => r.text === 'relative link');
    expect(link?.marks).toEqual([{ type: 'link', href: 'https://news.example/rel' }]);
    expect(blocks[1]!.runs.find((r) => r.text === 'strong')?.marks).toEqual([{ type: 'strong' }]);
    expect(blocks[7]!.runs.find((r) => r.text === 'mail')?.marks).toEqual([{ type: 'link', href: 'mailto:desk@news.example' }]);
  });

  it('takes dir and lang from attributes, else detects Arabic vs Latin per block', () => {
    const { blocks } = convert('<p>English text here.</p><p>نص عربي هنا في فقرة.</p><p dir="ltr" lang="ar-Latn">Marhaba bil-jami</p><div lang="en_US"><p>Underscored lang tag.</p></div><p lang="not a tag!">Bad lang.</p>');
    expect(blocks[0]).not.toHaveProperty('dir');
    expect(blocks[1]).toMatchObject({ dir: 'rtl' });
    expect(blocks[2]).toMatchObject({ dir: 'ltr', lang: 'ar-Latn' });
    expect(blocks[3]).toMatchObject({ lang: 'en-US' });
    expect(blocks[4]).not.toHaveProperty('lang');
  });

  it('collapses whitespace like a browser and drops empty blocks', () => {
    const { blocks } = convert('<p>  many \n\n  spaces\there  </p><p>   </p><div>\n</div><p><span></span></p>');
    expect(blocks.map(blockText)).toEqual(['many spaces here']);
  });

  it('drops images whose source is not http(s) or a raster data: URL', () => {
    const { images, blocks } = convert('<img src="javascript:alert(1)" alt="a"><img src="data:image/svg+xml;base64,PHN2Zz4=" alt="b"><img src="file:///etc/x.png" alt="c"><img src="data:image/png;base64,iVBORw0KGgo=" alt="d">');
    expect(blocks.map((b) => b.type)).toEqual(['figure', 'figure', 'figure', 'figure']);
    expect(images).toEqual([{ blockIndex: 3, url: 'data:image/png;base64,iVBORw0KGgo=' }]);
  });
});

describe('sanitising any mix of hostile fragments (property)', () => {
  const fragments = [
    '<p>', '</p>', '<div>', '</div>', '<a href="javascript:alert(1)">', '<a href="https://ok.example/">', '</a>', '<img src=x onerror=alert(1)>',
    '<svg><script>alert(1)</script></svg>', '<script>alert(1)</script>', '<style>p{background:url(x)}</style>', '<iframe srcdoc="<script>alert(1)</script>">',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">', '<math><mi xlink:href="javascript:alert(1)">m</mi></math>', '<form><input value=v></form>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', '<a href="data:text/html,x">', '<p style="width:expression(alert(1))">', '<object data="x">',
    '<!--', '-->', '<![CDATA[', ']]>', '<template>', '</template>', 'plain words', 'كلمات', '<em>', '</em>', '<blockquote>', '<ul><li>', '</li></ul>',
  ];
  it('never lets active content or a non-http(s) link through', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 25 }), (parts) => {
        const { blocks } = convert(parts.join(''));
        expectNoActiveStructure({ document: { type: 'document', version: 1, lang: 'en', dir: 'ltr', blocks } });
        // Script bodies never become text unless the markup itself turned them into visible text (a bogus comment ended early).
        const text = blocks.map(blockText).join('\n');
        if (!parts.some((p) => p.startsWith('<!') || p === '-->' || p === ']]>')) expect(text).not.toMatch(/alert\(|url\(|expression\(/);
      }),
      { numRuns: 150 },
    );
  });
});
