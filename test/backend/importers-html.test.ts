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

  it('keeps the paragraphs of an article laid out inside one table cell as lines (old portal pages)', async () => {
    const html = page(
      '<table><tr><td class="nav"><a href="/">首页</a> | <a href="/zcwj/">政策文件</a></td></tr>' +
        '<tr><td align="center">关于促进中小企业健康发展的实施意见</td></tr>' +
        '<tr><td><p>一、加大财税支持</p><p>（一）安排专项资金。</p><div>（二）给予一次性奖励。</div>二、优化发展环境<br>（三）推行一网通办。</td></tr></table>',
    );
    const result = await extractFile('layout.html', new TextEncoder().encode(html));
    expect(result.text).toBe(
      '首页 | 政策文件\n关于促进中小企业健康发展的实施意见\n一、加大财税支持\n（一）安排专项资金。\n（二）给予一次性奖励。\n二、优化发展环境\n（三）推行一网通办。',
    );
  });

  it('makes a cell holding several lines a block of its own, and keeps one-line cells of a row on one line', async () => {
    const twoColumns = '<table><tr><td>首页<br>政策文件<br>解读</td><td><p>一、总体要求</p><p>（一）指导思想。</p></td></tr></table>';
    expect((await extractFile('cols.html', new TextEncoder().encode(page(twoColumns)))).text).toBe('首页\n政策文件\n解读\n一、总体要求\n（一）指导思想。');
    const taskRow =
      '<table><tr><th>序号</th><th>任务</th><th>责任单位</th></tr>' +
      '<tr><td>1</td><td><p>加大财税支持。</p><p>落实减税政策。</p></td><td><p>市财政局</p></td></tr>' +
      '<tr><td>2</td><td><p>拓宽融资渠道。</p></td><td></td><td>市金融办</td></tr></table>';
    expect((await extractFile('tasks.html', new TextEncoder().encode(page(taskRow)))).text).toBe(
      '序号\t任务\t责任单位\n1\n加大财税支持。\n落实减税政策。\n市财政局\n2\t拓宽融资渠道。\t\t市金融办',
    );
  });

  it('reads a table nested in a cell of a layout table row by row', async () => {
    const html = page(
      '<table><tr><td><p>附件：任务分工</p><table><tr><td>1</td><td>融资担保</td></tr><tr><td>2</td><td>技术改造</td></tr></table></td></tr></table>',
    );
    const result = await extractFile('nested.html', new TextEncoder().encode(html));
    expect(result.text).toBe('附件：任务分工\n1\t融资担保\n2\t技术改造');
  });

  it('survives tables nested 20,000 deep', async () => {
    const html = '<table><tr><td>'.repeat(20_000) + '深层单元格' + '</td></tr></table>'.repeat(20_000);
    const result = await extractFile('deep-table.html', new TextEncoder().encode(html));
    expect(result.text).toBe('深层单元格');
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
