import { describe, expect, it } from 'vitest';
import { renderInlineMarkdown, renderMarkdown } from '../src/render/markdown.js';

describe('Markdown from the data is formatted, never executed', () => {
  it('keeps ordinary formatting and safe links', () => {
    expect(renderMarkdown('We **doubled** the *offer*.\n\n- one\n- two')).toBe(
      '<p>We <strong>doubled</strong> the <em>offer</em>.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n',
    );
    expect(renderInlineMarkdown('[our site](https://www.example.org.uk) or [email](mailto:team@example.org.uk) or [above](#reviews)')).toBe(
      '<a rel="noopener noreferrer" href="https://www.example.org.uk">our site</a> or <a href="mailto:team@example.org.uk">email</a> or <a href="#reviews">above</a>',
    );
  });

  it.each([
    ['a script element', '<script>alert(1)</script>Hello'],
    ['an event handler', '<img src=x onerror="alert(1)">Hello'],
    ['an event handler on an allowed tag', '<strong onmouseover="alert(1)">Hello</strong>'],
    ['a javascript: link in Markdown', '[Hello](javascript:alert(1))'],
    ['a javascript: link in mixed case', '<a href="JaVaScRiPt:alert(1)">Hello</a>'],
    ['a javascript: link hidden by entities', '<a href="&#106;avascript:alert(1)">Hello</a>'],
    ['a javascript: link hidden by a tab', '<a href="java\tscript:alert(1)">Hello</a>'],
    ['a data: link', '[Hello](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['a vbscript: link', '<a href="vbscript:msgbox(1)">Hello</a>'],
    ['an iframe', '<iframe src="https://evil.example"></iframe>Hello'],
    ['a form', '<form action="https://evil.example"><input name=x></form>Hello'],
    ['an SVG with script', '<svg><script>alert(1)</script></svg>Hello'],
    ['a style element loading a remote resource', '<style>body{background:url(https://evil.example/x)}</style>Hello'],
    ['a style attribute', '<p style="background:url(https://evil.example/x)">Hello</p>'],
    ['an object', '<object data="https://evil.example/x.swf"></object>Hello'],
    ['a meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example">Hello'],
    ['a relative link that could leave the report', '[Hello](../../private/file.pdf)'],
  ])('removes %s', (_name, source) => {
    const html = renderMarkdown(source);
    expect(html).toContain('Hello');
    expect(html).not.toMatch(/<script|<iframe|<form|<input|<svg|<style|<object|<meta|<img/i);
    expect(html).not.toMatch(/\son\w+=/i);
    expect(html).not.toMatch(/javascript:|vbscript:|data:|style=|evil\.example|private\/file/i);
  });

  it('keeps narrative headings below the report\'s own section headings', () => {
    expect(renderMarkdown('# Big\n\n## Bigger')).toBe('<h4>Big</h4>\n<h4>Bigger</h4>\n');
  });
});
