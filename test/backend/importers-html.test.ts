// HTML import: visible text only, block structure as lines, the page's charset honoured, and nothing
// of a hostile page (scripts, event handlers, hidden junk) reaching the text.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../electron/backend/importers/index';
import { repoRoot, seedNames, seedParagraphs } from './importers/make-fixtures';
import { expectImportError } from './importers/expect-error';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const page = (body: string, head = '<meta charset="utf-8">') => `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;

describe('HTML import of the seeds', () => {
  for (const seed of seedNames()) {
    it(`${seed} as a GBK web page (declared in <meta>) comes back one paragraph per line`, async () => {
      const paragraphs = seedParagraphs(seed);
      const html = page(paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n'), '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">');
      const result = await extractFile('page.html', iconv.encode(html, 'gb18030'));
      expect(result.encoding).toBe('gb18030');
      expect(result.format).toBe('html');
      // HTML collapses runs of ASCII white space; the seeds' paragraphs are compared the same way.
      expect(result.text.split('\n')).toEqual(paragraphs.map((p) => p.replace(/[ \t]+/g, ' ')));
    });
  }
});

describe('HTML structure and charsets', () => {
  it('keeps headings, list items and table rows as lines, cells separated by tabs', async () => {
    const html = page(
      '<h1>标题</h1><div>第一段<br>第二行</div><ol><li>甲</li><li>乙</li></ol><ul><li>丙</li></ul>' +
        '<table><tr><th>部门</th><th>任务</th></tr><tr><td><p>市财政局</p></td><td>资金  保障</td></tr></table><p>尾&nbsp;段 &lt;完&gt;</p>',
    );
    const result = await extractFile('s.htm', new TextEncoder().encode(html));
    expect(result.text).toBe('标题\n第一段\n第二行\n1. 甲\n2. 乙\n丙\n部门\t任务\n市财政局\t资金 保障\n尾\u00a0段 <完>');
  });

  it('detects GBK without any declaration by sniffing the bytes', async () => {
    const text = seedParagraphs(seedNames()[2]).slice(0, 20);
    const html = `<html><body>${text.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</body></html>`;
    const result = await extractFile('nodecl.html', iconv.encode(html, 'gb18030'));
    expect(result.encoding).toBe('gb18030');
    expect(result.text.split('\n')).toEqual(text.map((p) => p.replace(/[ \t]+/g, ' ')));
  });

  it('reads a page that declares gb2312 but is really UTF-8 as UTF-8, with a warning', async () => {
    const html = page('<p>小微企业三年成长计划</p>', '<meta charset="gb2312">');
    const result = await extractFile('liar.html', new TextEncoder().encode(html));
    expect(result.text).toBe('小微企业三年成长计划');
    expect(result.encoding).toBe('utf-8');
    expect(result.warnings.join(' ')).toMatch(/declares charset "gb2312" but its bytes are UTF-8/);
  });

  it('keeps the text of an ASP.NET page whose whole content sits inside a <form>', async () => {
    const body = `<form id="form1" method="post">${'<p>关于进一步支持小型微型企业健康发展的意见，各区市人民政府要认真贯彻执行。</p>'.repeat(8)}</form>`;
    const result = await extractFile('aspx.html', new TextEncoder().encode(page(body)));
    expect(result.text.split('\n')).toHaveLength(8);
  });

  it('survives elements nested 200,000 deep', async () => {
    const html = '<div>'.repeat(200_000) + '深层文本' + '</div>'.repeat(200_000);
    const result = await extractFile('deep.html', new TextEncoder().encode(html));
    expect(result.text).toBe('深层文本');
  });
});

describe('HTML import of hostile pages', () => {
  it('keeps only the visible text of a page full of scripts and event handlers', async () => {
    const bytes = readFileSync(path.join(repoRoot, 'test/fixtures/importers/hostile-page.html'));
    const result = await extractFile('hostile-page.html', bytes);
    expect(result.text).toBe('关于支持小微企业发展的若干措施\n一、加大财税支持力度 & 优化<服务>\n二、拓宽融资渠道');
    expect(result.text).not.toMatch(/SCRIPT|alert|onerror|onload|STYLE|HIDDEN|TEMPLATE|INPUT|BUTTON|IFRAME|NOSCRIPT|SVG|HEADER|FOOTER|NAV|OBJECT|javascript/);
  });

  it('refuses a page with nothing but scripts and payloads', async () => {
    const html = '<script>alert(1)</script><img src=x onerror="alert(2)"><svg/onload=alert(3)><style>*{}</style>';
    await expectImportError(extractFile('payload.html', new TextEncoder().encode(html)), 'bad_file', /payload\.html.*no visible text/);
  });

  it('refuses an empty page file', async () => {
    await expectImportError(extractFile('empty.html', new Uint8Array(0)), 'bad_file', /the file is empty/);
  });
});
