// Clause segmentation rules on small hand-written fixtures: label recognition, numbering schemes and
// their nesting, numbers in running text, parts of a multi-document file, the tiling invariant.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../shared/domain/cleanup/index';
import { matchLabel, parseNumeral, segmentClauses, splitParts } from '../../shared/domain/segment/index';
import type { ClauseDraft } from '../../shared/domain/types';
import { expectTiling } from '../support/clauses';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'segment');
const fixture = (name: string): string => readFileSync(path.join(fixtures, name), 'utf8');

/** Each numbered clause as "label parentLabel" — the shape of the tree in one readable list. */
function outline(text: string, clauses: ClauseDraft[]): string[] {
  return clauses
    .filter((c) => c.label)
    .map((c) => {
      let p = c.parentIndex;
      while (p !== null && !clauses[p].label && clauses[p].kind !== 'part') p = clauses[p].parentIndex;
      const parent = p === null ? '-' : clauses[p].kind === 'part' ? `part${clauses[p].partIndex}` : clauses[p].label;
      return `${c.label} ${parent} L${c.level} ${text.slice(c.textStart, c.textStart + 4).split('\n')[0]}`;
    });
}

describe('parseNumeral', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['六十二', 62],
    ['一百零三', 103],
    ['两', 2],
    ['29', 29],
    ['１２', 12],
  ])('reads %s as %i', (text, n) => expect(parseNumeral(text)).toBe(n));

  it.each([[''], ['二三'], ['abc']])('rejects %j', (text) => expect(parseNumeral(text)).toBeNull());
});

describe('matchLabel', () => {
  it.each([
    ['一、总体要求', '一、', 'cn-dun', 1],
    ['(六十二)凡以往', '(六十二)', 'cn-paren', 62],
    ['（三）优化服务', '（三）', 'cn-paren', 3],
    ['1.坚持政府引导', '1.', 'ar-dot', 1],
    ['12．加强', '12．', 'ar-dot', 12],
    ['3、深化', '3、', 'ar-dun', 3],
    ['(2)鼓励', '(2)', 'ar-paren', 2],
    ['（10）支持', '（10）', 'ar-paren', 10],
    ['②对创业团队', '②', 'circled', 2],
    ['第五条 本办法', '第五条', 'tiao', 5],
    ['第二章 扶持措施', '第二章', 'zhang', 2],
    ['第一节 一般规定', '第一节', 'jie', 1],
  ])('recognises %s', (line, label, scheme, number) => {
    expect(matchLabel(line)).toMatchObject({ label, scheme, number });
  });

  it.each([['1.5亿元'], ['8.8诚信日'], ['(2016-2018)》已经'], ['2016 年9 月'], ['100 个镇'], ['第118次会议'], ['一是加强'], ['（五）'.slice(1)]])(
    'does not take %s for a label',
    (line) => expect(matchLabel(line)).toBeNull(),
  );

  it('measures the label with the space after it', () => {
    expect(matchLabel('第五条　本办法')?.length).toBe(4);
  });
});

describe('segmentClauses', () => {
  it('nests full-width （一）, 1、 and ① by the order in which schemes appear, and ignores numbers in running text', () => {
    const text = cleanText(fixture('fullwidth.txt'), 'txt');
    const clauses = segmentClauses(text, splitParts(text));
    expectTiling(text, clauses);
    expect(outline(text, clauses)).toEqual([
      '一、 - L1 总体目标',
      '二、 - L1 主要措施',
      '（一） 二、 L2 加大资金',
      '1、 （一） L3 设立创业',
      '① 1、 L4 对初创企',
      '② 1、 L4 对创业团',
      '2、 （一） L3 落实担保',
      '（二） 二、 L2 优化服务',
      '1、 （二） L3 建立服务',
      '三、 - L1 保障措施',
    ]);
    expect(clauses[0]).toMatchObject({ label: '', kind: 'preamble', level: 0, start: 0 });
  });

  it('handles 第X章 / 第X条 with （一） items inside an article, and numbering that runs on across chapters', () => {
    const text = cleanText(fixture('articles.txt'), 'txt');
    const clauses = segmentClauses(text, []);
    expectTiling(text, clauses);
    expect(outline(text, clauses)).toEqual([
      '第一章 - L1 总则',
      '第一条 第一章 L2 为促进小',
      '第二条 第一章 L2 本办法适',
      '第二章 - L1 扶持措施',
      '第三条 第二章 L2 市财政设',
      '（一） 第三条 L3 创业补贴',
      '（二） 第三条 L3 贷款贴息',
      '（三） 第三条 L3 培训补助',
      '第四条 第二章 L2 申请扶持',
      '（一） 第四条 L3 申请表;',
      '（二） 第四条 L3 营业执照',
      '第三章 - L1 附则',
      '第五条 第三章 L2 本办法自',
    ]);
    // A paragraph inside an article is the article's own text.
    const art2 = clauses.find((c) => c.label === '第二条')!;
    expect(text.slice(art2.textStart, art2.end)).toContain('小微企业的划分标准');
    expect(art2.kind).toBe('measure');
  });

  it('keeps unnumbered paragraphs with the clause before them', () => {
    const text = ['一、目标', '1.就业目标。至2018年增长5%。', '三年示范期,每年新增就业1万人。', '2.创业目标。新增1000户。'].join('\n');
    const clauses = segmentClauses(text, []);
    const first = clauses.find((c) => c.label === '1.')!;
    expect(text.slice(first.textStart, first.end)).toBe('就业目标。至2018年增长5%。\n三年示范期,每年新增就业1万人。\n');
    expect(first.heading).toBe('就业目标');
    expect(first.kind).toBe('measure');
  });

  it('nests numbering that runs on across sections under the right section', () => {
    const text = ['一、财税', '(一)甲。', '(二)乙。', '二、融资', '(三)丙。', '(四)丁。', '三、服务', '1.戊。', '2.己。', '四、保障', '3.庚。'].join('\n');
    expect(outline(text, segmentClauses(text, []))).toEqual([
      '一、 - L1 财税',
      '(一) 一、 L2 甲。',
      '(二) 一、 L2 乙。',
      '二、 - L1 融资',
      '(三) 二、 L2 丙。',
      '(四) 二、 L2 丁。',
      '三、 - L1 服务',
      '1. 三、 L2 戊。',
      '2. 三、 L2 己。',
      '四、 - L1 保障',
      '3. 四、 L2 庚。',
    ]);
  });

  it('lets a document start with (一) or 1. as its top level', () => {
    const text = ['为加强管理,通知如下:', '1.加强领导。', '(1)成立小组。', '(2)明确分工。', '2.落实责任。'].join('\n');
    expect(outline(text, segmentClauses(text, []))).toEqual(['1. - L1 加强领导', '(1) 1. L2 成立小组', '(2) 1. L2 明确分工', '2. - L1 落实责任']);
  });

  it('does not take a label that breaks the sequence for a clause', () => {
    const text = ['一、总体要求', '(一)坚持市场主导。', '(一)项所列内容不得重复。', '(5)另行规定。', '二、保障措施'].join('\n');
    expect(outline(text, segmentClauses(text, []))).toEqual(['一、 - L1 总体要求', '(一) 一、 L2 坚持市场', '二、 - L1 保障措施']);
  });

  it('does not take the numbered attachment list of a notice for clauses, and restarts numbering in an attachment', () => {
    const text = [
      '关于印发两个文件的通知',
      '各单位：',
      '现将有关文件印发给你们。',
      '附件：',
      '1.某市创业扶持实施方案',
      '2.某市就业促进管理办法',
      '某市人民政府',
      '某市创业扶持实施方案',
      '一、总体要求',
      '（一）基本原则',
      '1.坚持市场导向。',
      '2.坚持政府引导。',
      '附件1',
      '一、总则',
      '二、附则',
    ].join('\n');
    expect(outline(text, segmentClauses(text, []))).toEqual([
      '一、 - L1 总体要求',
      '（一） 一、 L2 基本原则',
      '1. （一） L3 坚持市场',
      '2. （一） L3 坚持政府',
      '一、 - L1 总则',
      '二、 - L1 附则',
    ]);
  });

  it('tells headings from measures and fills their heading', () => {
    const text = [
      '一、指导思想',
      '全面贯彻落实。',
      '二、主要任务',
      '(一)深化商事登记制度改革。',
      '1.实施改革。探索经验。',
      '(二)拓宽融资渠道。建立引导基金,支持小微企业。',
      '(三)主要目标：',
      '到2020年,新增企业1000户。',
      '(四)落实优惠政策。',
    ].join('\n');
    const byLabel = new Map(segmentClauses(text, []).map((c) => [c.label, c]));
    expect(byLabel.get('一、')).toMatchObject({ kind: 'heading', heading: '指导思想' });
    expect(byLabel.get('(一)')).toMatchObject({ kind: 'heading', heading: '深化商事登记制度改革' });
    expect(byLabel.get('1.')).toMatchObject({ kind: 'measure', heading: '实施改革' });
    expect(byLabel.get('(二)')).toMatchObject({ kind: 'measure', heading: '拓宽融资渠道' });
    expect(byLabel.get('(三)')).toMatchObject({ kind: 'heading', heading: '主要目标' });
    // one short sentence and nothing else: a small measure, not a title
    expect(byLabel.get('(四)')).toMatchObject({ kind: 'measure', heading: null });
  });

  it('gives an empty text no clauses, and a short notice without numbered clauses one clause after its head', () => {
    expect(segmentClauses('', [])).toEqual([]);
    expect(segmentClauses('只有一段话。', [])).toMatchObject([{ label: '', kind: 'measure', start: 0, end: 6 }]);
    const notice =
      '关于做好春节期间安全生产工作的通知\n各区人民政府：\n请各区认真做好春节期间安全生产工作，确保人民群众生命财产安全。\n某市人民政府办公室\n2020年1月10日';
    const clauses = segmentClauses(notice, []);
    expect(clauses.map((c) => c.kind)).toEqual(['preamble', 'measure']);
    expect(notice.slice(clauses[1].start, clauses[1].start + 4)).toBe('请各区认');
    expect(clauses[1].end).toBe(notice.length);
    expect(segmentClauses('政府工作报告\n各位代表', [])).toMatchObject([{ kind: 'preamble' }]);
  });

  it('never starts a part at the tail of a wrapped sentence that ends like a title', () => {
    const text = [
      '关于开展专项行动的通知',
      '一、总体要求',
      '各地要按照省委省政府的统一部署并结合本地实际情况认真研究后在规定时间内制定',
      '本地区的具体工作实施方案',
      '一、工作目标',
      '到2025年完成目标。',
      '各部门要在深入调研的基础上会同有关单位抓紧研究并在三个月内分别制定出台',
      '本部门的配套实施办法',
      '一、主要任务',
      '加强组织领导。',
    ].join('\n');
    expect(splitParts(text)).toEqual([]);
    // The same titles on lines of their own after a finished paragraph are documents.
    const real = text.replace('规定时间内制定\n', '规定时间内制定。\n').replace('分别制定出台\n', '分别制定出台。\n');
    expect(splitParts(real).map((p) => p.title)).toEqual(['关于开展专项行动的通知', '本地区的具体工作实施方案', '本部门的配套实施办法']);
  });

  it('rejects parts outside the text with a clear error', () => {
    expect(() => segmentClauses('abc', [{ start: 10, end: 12, title: 'x' }])).toThrow(/outside the text/);
  });
});

describe('splitParts', () => {
  it('splits a notice carrying several plans, each numbered again from 一、', () => {
    const text = cleanText(fixture('multi-plan.txt'), 'txt');
    const parts = splitParts(text);
    expect(parts.map((p) => p.title)).toEqual(['关于促进创业的行动方案', '关于扩大就业的行动方案']);
    expect(text.slice(parts[0].start).startsWith('关于促进创业的行动方案\n')).toBe(true);
    expect(parts[0].end).toBe(parts[1].start);
    expect(parts[1].end).toBe(text.length);

    const clauses = segmentClauses(text, parts);
    expectTiling(text, clauses);
    expect(outline(text, clauses)).toEqual([
      '一、 part0 L1 总体要求',
      '二、 part0 L1 工作举措',
      '（一） 二、 L2 降低创业',
      '（二） 二、 L2 加大资金',
      '一、 part1 L1 总体要求',
      '二、 part1 L1 工作举措',
      '（一） 二、 L2 开发就业',
    ]);
    const partNodes = clauses.filter((c) => c.kind === 'part');
    expect(partNodes.map((p) => text.slice(p.start, p.end))).toEqual(['关于促进创业的行动方案\n', '关于扩大就业的行动方案\n']);
    expect(partNodes.every((p) => p.label === '' && p.level === 0 && p.parentIndex === null)).toBe(true);
  });

  it('returns [] for a single document, even behind its cover notice', () => {
    const text = cleanText(fixture('wrapped-notice.txt'), 'pdf');
    expect(splitParts(text)).toEqual([]);
    expect(splitParts(cleanText(fixture('fullwidth.txt'), 'txt'))).toEqual([]);
  });

  it('segments the cleaned wrapped notice, page markers and all', () => {
    const text = cleanText(fixture('wrapped-notice.txt'), 'pdf');
    const clauses = segmentClauses(text, splitParts(text));
    expectTiling(text, clauses);
    expect(outline(text, clauses)).toEqual([
      '一、 - L1 加强财政',
      '(一) 一、 L2 设立专项',
      '(二) 一、 L2 落实税收',
      '二、 - L1 优化融资',
      '1. 二、 L2 扩大信贷',
      '2. 二、 L2 完善担保',
    ]);
  });
});
