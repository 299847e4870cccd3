// Shapes found by the second labelled set (test/fixtures/metadata-real dev-2), on texts written
// for these tests: each rule is structural, so each test also shows where it must not fire.
import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../shared/domain/metadata';
import { nationalMakerOf } from '../../shared/domain/metadata/inference';
import { effectiveDateOf, readPromulgation } from '../../shared/domain/metadata/promulgation';
import { selfNamedTypes } from '../../shared/domain/metadata/title';

const meta = (text: string, fileName = 'x.md') => extractMetadata({ raw: text, cleaned: text, parts: [], fileName });
const steps = (line: string) => readPromulgation([line], 0)?.events.map((e) => `${e.date} ${e.event}`);

describe('a title ending in the genre the text names itself by', () => {
  const rule = [
    '药品包装标识管理规范（试行）',
    '2001年3月13日 国家药品监督管理局令第27号公布',
    '第一条 根据《中华人民共和国药品管理法》，制定本规范。',
    '第二条 本规范适用于药品包装。',
    '第九条 本规范自发布之日起施行。',
  ].join('\n');

  it('reads 本规范 as the genre and the title line as the title', () => {
    expect(selfNamedTypes(rule)).toContain('规范');
    expect(meta(rule)).toMatchObject({
      title: '药品包装标识管理规范（试行）',
      level: 'national',
      issuer: '国家药品监督管理局',
      docNumber: '国家药品监督管理局令第27号',
      dateWritten: '2001-03-13',
      datePublished: '2001-03-13',
      dateEffective: '2001-03-13',
    });
  });

  it('does not take places or parts of a text (本市, 本条) for genres', () => {
    expect(selfNamedTypes('本市自2020年1月1日起施行新标准。本条自公布之日起施行。')).toEqual([]);
  });

  it('finds no title when the text never names its genre and the line ends otherwise', () => {
    expect(meta('药品包装标识管理规范\n第一条 为了管理药品包装，特作如下要求。').title).toBeNull();
  });
});

describe('publication: 颁布 and numbers printed without 公告', () => {
  it('自颁布之日起施行 takes the publication date', () => {
    expect(effectiveDateOf('第三十条 本办法自颁布之日起施行。', '2001-11-28')).toBe('2001-11-28');
    expect(steps('2001年11月28日 国家知识产权局令第17号颁布')).toEqual(['2001-11-28 published']);
  });

  it('reads …常务委员会第26号公布 as the announcement number, and its body', () => {
    const p = readPromulgation(['2014年4月11日 杭州市人民代表大会常务委员会第26号公布'], 0);
    expect(p?.decree).toBe('杭州市人民代表大会常务委员会第26号');
    expect(p?.events[0]).toMatchObject({ event: 'published', by: '杭州市人民代表大会常务委员会' });
    // A step that is not a publication keeps no number.
    expect(readPromulgation(['2014年3月27日 浙江省人民代表大会常务委员会第九次会议批准'], 0)?.decree).toBeNull();
  });
});

describe('an approval cut short by the date of the amendment it approved', () => {
  it('…会议批准的2011年11月15日…会议《决定》修正: approved, then amended', () => {
    const line =
      '2011年11月25日 山东省第十一届人民代表大会常务委员会第二十七次会议批准的2011年11月15日青岛市第十四届人民代表大会常务委员会第三十三次会议《关于修改〈青岛市实施办法〉的决定》修正';
    expect(steps(line)).toEqual(['2011-11-25 approved', '2011-11-15 amended']);
    const m = meta(
      ['青岛市实施烟草专卖法办法', '2004年10月25日 青岛市第十三届人民代表大会常务委员会第十五次会议通过', line, '第一条 为了实施烟草专卖法，制定本办法。'].join(
        '\n',
      ),
    );
    expect([m.dateWritten, m.dateApproved]).toEqual(['2011-11-15', '2011-11-25']);
  });
});

describe('work reports without their opening', () => {
  const body = [
    '过去一年，全市经济稳中有进，柳州制造业增长。',
    '各位代表，成绩来之不易。在此，我代表市人民政府，向全市各族人民表示衷心感谢！',
    '二、2024年工作安排',
    '柳州要加快发展。',
    '各位代表！让我们团结奋斗，谱写柳州新篇章！',
  ];

  it('is still a speech when it addresses the deputies and says on whose behalf it speaks', () => {
    expect(meta(body.join('\n'), '报告.docx')).toMatchObject({ title: '政府工作报告', city: '柳州市', province: '广西壮族自治区', issuer: '柳州市人民政府' });
  });

  it('is not a speech when the deputies are addressed once only', () => {
    expect(meta(body.slice(0, 4).join('\n'), '报告.docx').title).toBeNull();
  });
});

describe('the report of a county-level city inside an autonomous prefecture', () => {
  const report = (speaker: string) =>
    [
      '各位代表：',
      `现在，我代表${speaker}向大会报告工作，请予审议。`,
      '一、2023年工作回顾',
      '恩施市连续五年入选百强县市。在州委、州政府和市委的坚强领导下，恩施经济回升。',
      '恩施市被评为魅力城市。恩施州旅游增长。',
    ].join('\n');

  it('我代表市人民政府 in a 州 is the 市 inside it: level county, city the prefecture', () => {
    expect(meta(report('市人民政府'), 'r.docx')).toMatchObject({
      city: '恩施土家族苗族自治州',
      province: '湖北省',
      level: 'county',
      issuer: '恩施市人民政府',
    });
  });

  it('我代表州人民政府 stays the prefecture', () => {
    expect(meta(report('州人民政府'), 'r.docx')).toMatchObject({ city: '恩施土家族苗族自治州', level: 'city', issuer: '恩施土家族苗族自治州人民政府' });
  });
});

describe('a text that speaks as 我州 while ranking itself 全省第一', () => {
  it('speaks from the prefecture: 我/本 outrank 全', () => {
    const text = [
      '2023年工作回顾',
      '我州经济增长7%，增速居全省第二，全省第一的项目落地阿坝。',
      '阿坝旅游收入居全省前列，全省排名第三。',
      '阿坝州生态保护成效显著，全州森林覆盖率提高，为四川省作出贡献。',
    ].join('\n');
    expect(meta(text, 'r.docx')).toMatchObject({ city: '阿坝藏族羌族自治州', province: '四川省', level: 'city' });
  });
});

describe('the maker of a central rule copied without its header', () => {
  it('is named by its closing clauses (解释, forms it makes)', () => {
    expect(nationalMakerOf('第八十二条 执行本规定所需要的法律文书式样，由公安部制定。\n第八十三条 本规定自2009年4月1日起施行。')).toBe('公安部');
    expect(nationalMakerOf('第二十九条 本办法由国家知识产权局负责解释。')).toBe('国家知识产权局');
    const m = meta(
      [
        '道路违法处理程序规定',
        '第一条 为了规范处理程序，制定本规定。',
        '第八十二条 执行本规定所需要的法律文书式样，由公安部制定。',
        '第八十三条 本规定自2009年4月1日起施行。',
      ].join('\n'),
    );
    expect(m).toMatchObject({ issuer: '公安部', level: 'national', city: null, province: null });
    expect(m.inferred).toContain('issuer');
  });

  it('a local body that interprets a regulation is not taken for its maker; two bodies are not one', () => {
    expect(nationalMakerOf('第三十四条 本条例具体应用中的问题，由市人民政府负责解释。')).toBeNull();
    expect(nationalMakerOf('本办法由国家知识产权局负责解释。执行本办法所需文书由公安部制定。')).toBeNull();
  });
});

describe('prefecture names as older and shorter texts print them', () => {
  it('an autonomous prefecture as X州 even when X alone is an ordinary word (大理)', () => {
    expect(meta('大理州人民政府关于加强洱海保护的通知\n各县市人民政府：\n现通知如下。')).toMatchObject({
      city: '大理白族自治州',
      province: '云南省',
      level: 'city',
    });
  });

  it('a prefecture-level city by the 地区 it was before (海东地区 → 海东市)', () => {
    expect(meta('海东地区行政公署关于加强草原保护的通知\n各县人民政府：\n现通知如下。')).toMatchObject({ city: '海东市', province: '青海省', level: 'city' });
  });

  it('a forest district directly under the province is read like a 省直管市 (level city)', () => {
    expect(meta('神农架林区人民政府关于印发生态保护办法的通知\n各乡镇人民政府：\n现印发给你们。')).toMatchObject({
      city: '神农架林区',
      province: '湖北省',
      level: 'city',
    });
  });
});

describe('more speakers of work reports (found on unlabelled corpus reports)', () => {
  it('the State Council report is national and reads no place from what it names', () => {
    const text = ['各位代表：', '现在，我代表国务院，向大会报告政府工作，请予审议。', '一、2023年工作回顾', '衡水、深圳、上海等地经济增长。'].join('\n');
    expect(meta(text, 'r.docx')).toMatchObject({ title: '政府工作报告', issuer: '国务院', level: 'national', city: null, province: null });
  });

  it('a city whose short form is also a word (中山) or a county-level city under no prefecture (天门) is found by its recurring name', () => {
    const zs = [
      '各位代表：',
      '现在，我代表市人民政府，向大会报告工作。',
      '中山经济回升，中山制造走向全国。',
      '中山要对接深圳，深圳企业落户中山。',
      '中山人民团结奋斗。',
    ].join('\n');
    expect(meta(zs, 'r.docx')).toMatchObject({ city: '中山市', province: '广东省', level: 'city', issuer: '中山市人民政府' });
    const tm = [
      '各位代表：',
      '现在，我代表市人民政府向大会报告工作。',
      '天门经济增长，天门籍企业家回乡。',
      '天门对接武汉，武汉都市圈。',
      '建设幸福天门。',
    ].join('\n');
    expect(meta(tm, 'r.docx')).toMatchObject({ city: '天门市', province: '湖北省', level: 'city', issuer: '天门市人民政府' });
  });

  it('a delivery subtitle wrapped over two lines still dates the report', () => {
    const text = [
      '政府工作报告',
      '——2024年2月3日在贵港市第六届人民代表大会',
      '第六次会议上',
      '各位代表：',
      '现在，我代表市人民政府，向大会报告工作。',
      '贵港发展……',
    ].join('\n');
    expect(meta(text, 'r.docx')).toMatchObject({ dateWritten: '2024-02-03', city: '贵港市' });
  });
});
