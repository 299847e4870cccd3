// Text cleanup, one rule at a time, on small hand-written fixtures.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../shared/domain/cleanup/index';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'segment');
const fixture = (name: string): string => readFileSync(path.join(fixtures, name), 'utf8');

/** The wrapped notice after cleanup, paragraph by paragraph (written by hand from the fixture). */
const WRAPPED_NOTICE_CLEANED = [
  '关于印发《某市促进中小企业发展若干措施》的通知',
  '各区人民政府,市政府各部门:',
  '现将《某市促进中小企业发展若干措施》印发给你们,请认真贯彻执行。',
  '某市人民政府',
  '2020年3月5日',
  '某市促进中小企业发展若干措施',
  '为支持中小企业健康发展,结合本市实际,制定以下措施。',
  '一、加强财政支持',
  '(一)设立专项资金。市财政每年安排3000万元,用于支持中小企业技术改造和创新发展,对符合条件的项目给予不超过100万元的补助。(责任单位:市财政局、市经信局)',
  // a (一) that wrapped to the start of a line is a citation, not a clause
  '(二)落实税收优惠。对小型微利企业按规定减免企业所得税,符合本措施第一条第(一)项规定的企业给予研发费用加计扣除。',
  '(责任单位:市税务局)',
  '二、优化融资环境',
  '1.扩大信贷投放。鼓励银行机构增加对中小企业的贷款,全市全年新增贷款额度不低于1.5亿元,实现金融服务全覆盖的镇达到100个。',
  '2.完善担保体系。市担保公司对中小企业担保费率不高于1%,担保规模达到20亿元,服务企业不少于118家。',
  '三年内,全市中小企业贷款余额年均增长10%以上。',
].join('\n');

describe('cleanText: text typeset in pages (hard wraps, page markers)', () => {
  it('rejoins hard wraps, wrapped titles and split parentheses, and drops page markers and running headers', () => {
    expect(cleanText(fixture('wrapped-notice.txt'), 'txt')).toBe(WRAPPED_NOTICE_CLEANED);
  });

  it('gives the same result for CRLF and CR line endings', () => {
    const lf = fixture('wrapped-notice.txt');
    expect(cleanText(lf.replace(/\n/g, '\r\n'), 'txt')).toBe(WRAPPED_NOTICE_CLEANED);
    expect(cleanText(lf.replace(/\n/g, '\r'), 'pdf')).toBe(WRAPPED_NOTICE_CLEANED);
  });

  it('is deterministic', () => {
    const raw = fixture('wrapped-notice.txt');
    expect(cleanText(raw, 'pdf')).toBe(cleanText(raw, 'pdf'));
  });

  it('does not join the lines of text that is not wrapped', () => {
    const raw = ['一、总体目标', '到2025年,新增创业主体1000户。', '二、主要措施', '加强协调'].join('\n');
    expect(cleanText(raw, 'txt')).toBe(raw);
  });

  it.each([['- 3 -'], ['— 3 —'], ['-3-'], ['第 3 页'], ['第3页/共22页'], ['3/22'], ['Page 3 of 22']])('drops the page marker %s', (marker) => {
    const raw = `一、总体目标\n${marker}\n到2025年,新增创业主体1000户。`;
    expect(cleanText(raw, 'txt')).toBe('一、总体目标\n到2025年,新增创业主体1000户。');
  });

  it('understands page breaks marked with form feeds, with bare page numbers as footers', () => {
    const raw = fixture('wrapped-notice.txt').replace(/\n- (\d) -\n/g, '\n$1\n\f');
    expect(raw).not.toMatch(/- \d -/);
    expect(cleanText(raw, 'pdf')).toBe(WRAPPED_NOTICE_CLEANED);
  });

  it('drops a running header repeated at page breaks but keeps policy text that opens a few pages', () => {
    const pages = [
      '某市公报\n一、总体要求\n坚持市场主导。\n（责任单位：市财政局）',
      '某市公报\n二、工作举措\n（责任单位：市财政局）',
      '某市公报\n三、保障措施',
      '某市公报\n各部门要加强协调。',
    ];
    const cleaned = cleanText(pages.join('\n\f'), 'txt');
    expect(cleaned.split('\n')).toEqual([
      '某市公报',
      '一、总体要求',
      '坚持市场主导。',
      '（责任单位：市财政局）',
      '二、工作举措',
      '（责任单位：市财政局）',
      '三、保障措施',
      '各部门要加强协调。',
    ]);
  });

  it('keeps a lone number in web text, where it is not a page number', () => {
    expect(cleanText('合计\n12\n家', 'html')).toBe('合计\n12\n家');
  });
});

describe('cleanText: spaces', () => {
  it('removes spaces inside numbers and dates, but not between Latin words', () => {
    expect(cleanText('2016 年9 月29 日召开第118 次会议,涉及2 号文件', 'pdf')).toBe('2016年9月29日召开第118次会议,涉及2号文件');
    expect(cleanText('Made in China 2025 and Industry 4.0', 'txt')).toBe('Made in China 2025 and Industry 4.0');
    expect(cleanText('编号:BHSD01-2018-0011', 'txt')).toBe('编号:BHSD01-2018-0011');
  });

  it('closes up letter-spaced words and spaced dates', () => {
    expect(cleanText('文 号: 温政办〔2015〕122号', 'html')).toBe('文号: 温政办〔2015〕122号');
    expect(cleanText('发布日期: 2015- 12- 20 15: 17', 'html')).toBe('发布日期: 2015-12-20 15:17');
  });

  it('keeps the space between two multi-character Chinese words', () => {
    expect(cleanText('温州市人民政府办公室 关于印发', 'html')).toBe('温州市人民政府办公室 关于印发');
  });

  it('normalises NBSP and ideographic spaces, trims lines and collapses blank lines', () => {
    const raw = '\u3000\u3000第一段。\u00a0\n\u00a0\n\n \n\t第二段。  ';
    expect(cleanText(raw, 'txt')).toBe('第一段。\n第二段。');
  });

  it('removes byte-order marks and zero-width characters', () => {
    expect(cleanText('\ufeff市财\u200b政局', 'txt')).toBe('市财政局');
  });
});

describe('cleanText: markup and web chrome', () => {
  it('strips tags syntactically, drops portal chrome and keeps cited metadata and policy text', () => {
    expect(cleanText(fixture('web-page.txt'), 'txt')).toBe(
      [
        '文件编号:某政发〔2020〕5号',
        '成文日期:2020-05-06',
        '发布日期: 2020-05-08 09:30 来源: 某市人民政府',
        '某市人民政府关于支持小微企业发展的意见',
        '各区人民政府:',
        '为支持小微企业发展,现提出以下意见。',
        '一、加大财税支持',
        '(一)落实减税政策。全年减税2亿元。',
        '(二)设立专项资金。',
      ].join('\n'),
    );
  });

  it('decodes entities after stripping tags, so encoded markup stays visible text', () => {
    expect(cleanText('<p>A&amp;B &lt;b&gt;粗体&lt;/b&gt;</p>', 'txt')).toBe('A&B <b>粗体</b>');
  });

  it('removes comments and script/style elements with their content', () => {
    expect(cleanText('甲<!-- 注释 -->乙<script type="x">var y = "<p>";</SCRIPT>丙<style>p{}</style>丁', 'txt')).toBe('甲乙丙丁');
  });

  it('stays fast on pathological markup (no quadratic scans)', () => {
    const evil = `<a ${"b='x' ".repeat(20000)}c\n${'<!--x'.repeat(20000)}${'<script>a'.repeat(20000)}`;
    const t0 = Date.now();
    cleanText(evil, 'txt');
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it('drops the numbers of an HTML list that holds metadata, and empty list items', () => {
    const raw = ['1.', '', '2.', '3.', '1. 成文日期 2012-11-08', '2. 编号 青政发〔2012〕46号', '3. 各区人民政府:', '为贯彻落实……', '一、总体要求'].join('\n');
    expect(cleanText(raw, 'txt')).toBe(['成文日期2012-11-08', '编号 青政发〔2012〕46号', '各区人民政府:', '为贯彻落实……', '一、总体要求'].join('\n'));
  });

  it('keeps a numbered clause whose label stands on its own line, attached to its text', () => {
    expect(cleanText('1.\n加强组织领导。', 'txt')).toBe('1.加强组织领导。');
  });

  it('rejects input that is not a string', () => {
    expect(() => cleanText(undefined as unknown as string, 'txt')).toThrow(/must be a string/);
  });
});
