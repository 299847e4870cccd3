// Regulations, rules, decrees, PKULaw exports, work reports and places (issue #11), on texts
// written for these tests in the shapes the real corpus prints.
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../shared/domain/cleanup';
import { removeExportLines } from '../../shared/domain/cleanup/exportLines';
import { extractMetadata } from '../../shared/domain/metadata';
import { bodyOf, effectiveDateOf, readPromulgation } from '../../shared/domain/metadata/promulgation';

const meta = (text: string, raw = text) => extractMetadata({ raw, cleaned: text, parts: [], fileName: 'x.txt' });

const cityRegulation = [
  '烟台市海岸带保护条例',
  '2021年10月28日 烟台市第十七届人民代表大会常务委员会第四十一次会议通过',
  '2021年12月3日 山东省第十三届人民代表大会常务委员会第三十二次会议批准',
  '第一章 总则',
  '第一条 为了保护海岸带，制定本条例。',
  '第二十条 本条例自2022年3月1日起施行。',
].join('\n');

describe('the 题注 of regulations and rules', () => {
  it('reads adoption, approval, issuer and the 施行 article of a city regulation', () => {
    const m = meta(cityRegulation);
    expect(m).toMatchObject({
      title: '烟台市海岸带保护条例',
      city: '烟台市',
      province: '山东省',
      level: 'city',
      issuer: '烟台市人民代表大会常务委员会',
      dateWritten: '2021-10-28',
      approvedBy: '山东省人民代表大会常务委员会',
      dateApproved: '2021-12-03',
      dateEffective: '2022-03-01',
    });
    expect(m.history.map((e) => `${e.date} ${e.event}`)).toEqual(['2021-10-28 adopted', '2021-12-03 approved']);
  });

  it('records amendments as history; the latest amendment dates this version', () => {
    const lines = [
      '北京市测绘条例',
      '2003年10月17日 北京市第十二届人民代表大会常务委员会第七次会议通过',
      '根据2016年11月25日北京市第十四届人民代表大会常务委员会第三十一次会议通过的《关于修改部分地方性法规的决定》修正',
      '第一条 为了……',
    ];
    const m = meta(lines.join('\n'));
    expect(m.history.map((e) => `${e.date} ${e.event}`)).toEqual(['2003-10-17 adopted', '2016-11-25 amended']);
    expect([m.dateWritten, m.issuer, m.city, m.province, m.level]).toEqual(['2016-11-25', '北京市人民代表大会常务委员会', '北京市', '北京市', 'municipality']);
  });

  it('reads a 题注 run together in brackets, with an amendment the province approved', () => {
    const p = readPromulgation(
      [
        '（2016年12月28日烟台市第十六届人民代表大会常务委员会第三十九次会议通过　2017年1月18日山东省第十二届人民代表大会常务委员会第二十五次会议批准　2021年10月28日烟台市第十七届人民代表大会常务委员会第四十一次会议通过　2021年12月3日山东省第十三届人民代表大会常务委员会第三十二次会议批准的《烟台市人民代表大会常务委员会关于修改〈烟台市燃放烟花爆竹管理条例〉的决定》修正）',
      ],
      0,
    );
    expect(p?.events.map((e) => `${e.date} ${e.event}`)).toEqual(['2016-12-28 adopted', '2017-01-18 approved', '2021-10-28 amended', '2021-12-03 approved']);
  });

  it('takes a rule published by decree: the decree number, its date and the department', () => {
    const m = meta(
      ['化妆品生产经营监督管理办法', '2021年8月2日 国家市场监督管理总局令第46号公布', '2022年1月1日 施行', '第一章 总 则', '第一条 为了……'].join('\n'),
    );
    expect(m).toMatchObject({
      docNumber: '国家市场监督管理总局令第46号',
      issuer: '国家市场监督管理总局',
      level: 'national',
      city: null,
      province: null,
      dateWritten: '2021-08-02',
      datePublished: '2021-08-02',
      dateEffective: '2022-01-01',
    });
  });

  it('names the body without its term and sitting, and expands 人大常委会', () => {
    expect(bodyOf(' 聊城市第十七届人民代表大会常务委员会第二十三次会议')).toBe('聊城市人民代表大会常务委员会');
    expect(bodyOf('经人力资源和社会保障部第6次部务会议')).toBe('人力资源和社会保障部');
    expect(bodyOf('市十四届人大常委会第二十二次会议')).toBe('市人民代表大会常务委员会');
  });

  it('reads a decree number printed under its header as the document number', () => {
    const m = meta(
      [
        '中山市人民政府令',
        '第16号',
        '《中山市政务数据管理办法》已经市人民政府第45次常务会议通过，现予公布，自2021年1月1日起施行。',
        '市长 某某',
        '2020年11月30日',
        '中山市政务数据管理办法',
        '第一条 为了规范政务数据管理……',
      ].join('\n'),
    );
    expect(m.docNumber).toBe('中山市人民政府令第16号');
    expect([m.city, m.province, m.level]).toEqual(['中山市', '广东省', 'city']);
  });

  it('gives the effective date of 自公布之日起施行 only when the publication date is known', () => {
    expect(effectiveDateOf('第十条 本办法自公布之日起施行。', '2020-05-01')).toBe('2020-05-01');
    expect(effectiveDateOf('第十条 本办法自公布之日起施行。', null)).toBeNull();
  });
});

describe('PKULaw exports', () => {
  const raw = [
    '    【法宝引证码】 CLI.12.1075244',
    '原文链接：https://www.pkulaw.com/lar/58783248d9ecdd3f50f5fa9f03e988e4bdfb.html',
    '新疆维吾尔自治区质监局关于进一步加强新闻宣传工作的通知',
    '新疆维吾尔自治区质监局关于进一步加强新闻宣传工作的通知',
    '',
    '（新质监办发〔2012〕24号）',
    '',
    '各地、州、市质量技术监督局：',
    '一、充分认识宣传工作的重要性',
    '质监工作与国计民生息息相关。',
  ].join('\r\n');

  it('keeps the export lines out of the text and prints the doubled title once', () => {
    const cleaned = cleanText(raw, 'txt');
    expect(cleaned).not.toContain('法宝引证码');
    expect(cleaned).not.toContain('pkulaw.com');
    expect(cleaned.split('\n').filter((l) => l.startsWith('新疆维吾尔自治区质监局关于')).length).toBe(1);
    expect(removeExportLines(['同一行文字内容', '同一行文字内容'])).toEqual(['同一行文字内容']);
  });

  it('reads the export lines as source id and URL and the bracketed 文号 as the own number', () => {
    const m = meta(cleanText(raw, 'txt'), raw);
    expect(m).toMatchObject({
      title: '新疆维吾尔自治区质监局关于进一步加强新闻宣传工作的通知',
      sourceId: 'CLI.12.1075244',
      sourceUrl: 'https://www.pkulaw.com/lar/58783248d9ecdd3f50f5fa9f03e988e4bdfb.html',
      docNumber: '新质监办发〔2012〕24号',
      province: '新疆维吾尔自治区',
      level: 'province',
      city: null,
    });
    expect(m.citedDocNumbers).not.toContain('新质监办发〔2012〕24号');
  });

  it('reads the export metadata block where it is printed', () => {
    const block = [
      '广州市促进中小企业发展办法',
      '【发布部门】广州市人民政府',
      '【发文字号】广州市人民政府令第99号',
      '【发布日期】2013.04.07',
      '【实施日期】2013.05.10',
      '【时效性】现行有效',
      '【效力级别】地方政府规章',
      '第一条 为了……',
    ].join('\n');
    expect(meta(block)).toMatchObject({
      issuer: '广州市人民政府',
      datePublished: '2013-04-07',
      dateEffective: '2013-05-10',
      validity: '现行有效',
      city: '广州市',
    });
  });
});

describe('places and levels', () => {
  it('a city named in the title beats a same-named district elsewhere (中山市, not 大连市中山区)', () => {
    expect(meta('中山市政务数据管理办法\n第一条 为了规范本市政务数据管理，制定本办法。')).toMatchObject({ city: '中山市', province: '广东省', level: 'city' });
  });

  it('a province-level document has the province and no city', () => {
    expect(meta(['广东省市场监管条例', '2016年7月28日 广东省第十二届人民代表大会常务委员会第二十七次会议通过', '第一条 为了……'].join('\n'))).toMatchObject({
      city: null,
      province: '广东省',
      level: 'province',
    });
  });

  it('a former city keeps its name and lies in its successor’s province', () => {
    expect(meta('莱芜市城市绿化管理条例\n第一条 为了……')).toMatchObject({ city: '莱芜市', province: '山东省', level: 'city' });
    expect(meta('襄樊市人民政府关于加强城市管理的通知\n各县（市、区）人民政府：\n一、……')).toMatchObject({ city: '襄樊市', province: '湖北省' });
  });

  it('a county-level city directly under its province is a city', () => {
    expect(meta('潜江市城市管理条例\n第一条 为了……')).toMatchObject({ city: '潜江市', province: '湖北省', level: 'city' });
  });

  it('a county of a municipality belongs to the municipality', () => {
    expect(meta('彭水苗族土家族自治县旅游条例\n第一条 为了……')).toMatchObject({ city: '重庆市', province: '重庆市', level: 'county' });
  });
});

describe('work reports', () => {
  it('are cited as 政府工作报告 of the government that speaks, placed where it speaks from', () => {
    const text = [
      '各位代表：',
      '现在，我代表市人民政府向大会报告工作，请予审议。',
      '一、2023年工作回顾',
      '过去一年，扬州全市上下……全省第一……北京……',
      '扬州市地区生产总值增长6%。扬州的发展……',
    ].join('\n');
    expect(meta(text)).toMatchObject({ title: '政府工作报告', city: '扬州市', province: '江苏省', level: 'city', issuer: '扬州市人民政府' });
  });

  it('read the delivery date from the subtitle', () => {
    const text = [
      '政府工作报告',
      '——2024年2月1日在防城港市第七届人民代表大会第五次会议上',
      '各位代表：',
      '现在，我代表市人民政府，向大会报告政府工作，请予审议。',
      '一、2023年工作回顾',
      '防城港市……',
    ].join('\n');
    expect(meta(text)).toMatchObject({ title: '政府工作报告', dateWritten: '2024-02-01', city: '防城港市', issuer: '防城港市人民政府' });
  });
});
