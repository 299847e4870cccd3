// Segmentation rules found on documents of other shapes than the seeds (see test/fixtures/general):
// a table of contents before the chapters, numbering that restarts under unnumbered sub-headings,
// and the last item of an enumeration that a 款 follows.
import { describe, expect, it } from 'vitest';
import { segmentClauses, splitParts } from '../../shared/domain/segment/index';
import type { ClauseDraft } from '../../shared/domain/types';

function segment(text: string): ClauseDraft[] {
  return segmentClauses(text, splitParts(text));
}

/** "label<parentLabel L<level> kind" for each numbered clause. */
function outline(text: string): string[] {
  const clauses = segment(text);
  return clauses.filter((c) => c.label).map((c) => `${c.label}<${c.parentIndex === null ? '-' : clauses[c.parentIndex].label || '-'} L${c.level} ${c.kind}`);
}

describe('a table of contents before the chapters', () => {
  const text = [
    '某省企业服务平台管理办法',
    '目录',
    '第一章 总则',
    '第二章 认定',
    '第三章 附则',
    '第一章 总则',
    '第一条 为规范平台管理，制定本办法。',
    '第二章 认定',
    '第二条 平台认定每两年开展一次。',
    '第三章 附则',
    '第三条 本办法自发布之日起施行。',
  ].join('\n');

  it('leaves the contents in the preamble and builds the chapters from the text', () => {
    expect(outline(text)).toEqual([
      '第一章<- L1 heading',
      '第一条<第一章 L2 measure',
      '第二章<- L1 heading',
      '第二条<第二章 L2 measure',
      '第三章<- L1 heading',
      '第三条<第三章 L2 measure',
    ]);
    const preamble = segment(text)[0];
    expect(preamble.kind).toBe('preamble');
    expect(text.slice(preamble.start, preamble.end)).toContain('第三章 附则');
  });

  it('does not take chapters separated by text for a table of contents', () => {
    const plain = ['第一章 总则', '第一条 为规范管理，制定本办法。', '第二章 附则', '第二条 本办法自发布之日起施行。', '第一章 另册', '第一条 另册内容。'].join(
      '\n',
    );
    // The second 第一章 does not restart anything: it is running text of 第二条.
    expect(outline(plain)).toEqual(['第一章<- L1 heading', '第一条<第一章 L2 measure', '第二章<- L1 heading', '第二条<第二章 L2 measure']);
  });
});

describe('numbering restarting under unnumbered sub-headings', () => {
  it('hangs each restarted list under the numbered section around it', () => {
    const text = [
      '一、总体要求',
      '到2023年完成转型。',
      '二、重点任务',
      '夯实数字化基础',
      '1. 推进网络建设。',
      '2. 建设平台。',
      '推动企业上云用数',
      '1. 实施上云补贴。',
      '2. 开展诊断。',
      '三、保障措施',
      '1. 加强组织领导。',
    ].join('\n');
    expect(outline(text)).toEqual([
      '一、<- L1 heading',
      '二、<- L1 heading',
      '1.<二、 L2 measure',
      '2.<二、 L2 measure',
      '1.<二、 L2 measure',
      '2.<二、 L2 measure',
      '三、<- L1 heading',
      '1.<三、 L2 measure',
    ]);
  });

  it('does not restart after a sentence, a line with numbers, or a quoted reference', () => {
    const text = [
      '一、主要任务',
      '1. 推进网络建设。',
      '2. 建设平台。',
      '各区按要求执行。',
      '1. 前述规定的补贴按年度拨付',
      '到2023年完成',
      '1. 再次出现的编号',
      '“推进企业上云”',
      '1. 引文中的编号',
    ].join('\n');
    expect(outline(text).map((o) => o.split(' ')[0])).toEqual(['一、<-', '1.<一、', '2.<一、']);
  });
});

describe('the last item of an enumeration', () => {
  it("is a measure even when the article's next paragraph follows it", () => {
    const text = ['第一条 申报单位应当提交以下材料：', '（一）示范平台申请表；', '（二）服务中小企业的证明材料。', '申报单位对申报材料的真实性负责。'].join(
      '\n',
    );
    expect(outline(text)).toEqual(['第一条<- L1 measure', '（一）<第一条 L2 measure', '（二）<第一条 L2 measure']);
  });

  it('leaves a section title followed by its text a heading', () => {
    const text = ['（一）加大资金支持', '市财政每年安排资金。', '（二）优化服务', '建立服务窗口。'].join('\n');
    expect(outline(text)).toEqual(['（一）<- L1 heading', '（二）<- L1 heading']);
  });
});

describe('a part whose period is printed under its name', () => {
  const text = [
    '关于印发两个方案的通知',
    '现印发给你们。',
    '某市中小企业梯度培育实施方案',
    '（2022—2025年）',
    '一、总体目标',
    '二、重点任务',
    '某市专精特新企业培育工作方案',
    '一、培育对象',
    '二、培育措施',
  ].join('\n');

  it('takes the period into the part title and the part node', () => {
    const parts = splitParts(text);
    expect(parts.map((p) => p.title)).toEqual(['某市中小企业梯度培育实施方案（2022—2025年）', '某市专精特新企业培育工作方案']);
    const nodes = segment(text).filter((c) => c.kind === 'part');
    expect(nodes.map((n) => text.slice(n.start, n.end))).toEqual(['某市中小企业梯度培育实施方案\n（2022—2025年）\n', '某市专精特新企业培育工作方案\n']);
  });
});

describe('the closing matter after the last clause', () => {
  it('does not make a one-sentence last clause a heading', () => {
    const text = [
      '一、组织实施',
      '（一）各单位要制定实施细则。',
      '（二）本办法自印发之日起施行，有效期3年。',
      '附件：重点任务分工表',
      '某区人民政府办公室',
      '2021年4月15日',
    ].join('\n');
    expect(outline(text)).toEqual(['一、<- L1 heading', '（一）<一、 L2 measure', '（二）<一、 L2 measure']);
  });

  it('leaves a section title over its paragraph a heading', () => {
    const text = ['一、组织实施', '（一）加强组织领导，完善工作机制。', '成立工作领导小组，统筹推进各项工作。', '某区人民政府办公室', '2021年4月15日'].join(
      '\n',
    );
    expect(outline(text)).toEqual(['一、<- L1 heading', '（一）<一、 L2 heading']);
  });
});

describe('attached documents titled on their attachment line', () => {
  const text = [
    '关于印发两个办法的通知',
    '现印发给你们。',
    '某市人民政府办公厅',
    '2021年4月8日',
    '附件1：某市创业创新基地建设实施细则',
    '第一条 为推进基地建设，制定本细则。',
    '第二条 本细则自印发之日起施行。',
    '附件2：某市中小企业服务券管理办法',
    '第一条 为降低服务成本，制定本办法。',
    '第二条 本办法自印发之日起施行。',
  ].join('\n');

  it('become parts named by the title after 附件N：, each numbered afresh', () => {
    expect(splitParts(text).map((p) => p.title)).toEqual(['某市创业创新基地建设实施细则', '某市中小企业服务券管理办法']);
    expect(outline(text)).toEqual(['第一条<- L1 measure', '第二条<- L1 measure', '第一条<- L1 measure', '第二条<- L1 measure']);
  });

  it('let a single attached document restart the numbering after it', () => {
    const one = ['一、总体要求', '二、主要任务', '附件：某市创业创新基地建设实施细则', '一、适用范围', '二、认定条件'].join('\n');
    expect(outline(one).map((o) => o.split(' ')[0])).toEqual(['一、<-', '二、<-', '一、<-', '二、<-']);
  });
});

describe('a cover notice with numbered requests before the plan it transmits', () => {
  it("starts the plan's numbering at the top level after its title", () => {
    const text = [
      '关于印发某市创业行动方案的通知',
      '各区：',
      '现将方案印发给你们，并提出以下要求：',
      '1.各区要高度重视，抓好落实。',
      '2.请于每季度末报送工作进展。',
      '某市人民政府办公室',
      '2020年1月1日',
      '某市创业行动方案',
      '一、总体要求',
      '（一）指导思想',
      '二、主要任务',
    ].join('\n');
    expect(outline(text).map((o) => o.split(' ').slice(0, 2).join(' '))).toEqual(['1.<- L1', '2.<- L1', '一、<- L1', '（一）<一、 L2', '二、<- L1']);
  });
});

describe('an item printed in a sister style by mistake', () => {
  it('keeps its place in the list (1. 2、 3.)', () => {
    const text = ['一、主要任务', '1.设立资金。', '2、给予补贴。', '3.扩大信贷。', '二、保障措施', '三．组织实施'].join('\n');
    expect(outline(text).map((o) => o.split(' ')[0])).toEqual(['一、<-', '1.<一、', '2、<一、', '3.<一、', '二、<-', '三．<-']);
  });

  it('does not take a sub-list in the sister style for siblings', () => {
    const text = ['一、主要任务', '1.设立资金，用于：', '1、技术改造；', '2、市场开拓。', '2.扩大信贷。'].join('\n');
    expect(outline(text).map((o) => o.split(' ')[0])).toEqual(['一、<-', '1.<一、', '1、<1.', '2、<1.', '2.<一、']);
  });
});

describe('numbers listed together at the start of a sentence', () => {
  it('are not labels (一、二季度, 1、2月份)', () => {
    const text = [
      '某市稳增长若干措施',
      '一、二季度全市工业增速回落，现提出以下措施。',
      '1、2月份规上工业增加值下降。',
      '一、加大支持',
      '（一）设立资金。',
    ].join('\n');
    expect(outline(text).map((o) => o.split(' ')[0])).toEqual(['一、<-', '（一）<一、']);
    const clauses = segment(text);
    expect(text.slice(clauses[1].start, clauses[1].textStart)).toBe('一、');
    expect(clauses[1].start).toBe(text.indexOf('一、加大支持'));
  });
});
