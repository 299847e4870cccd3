// DOCX import of Word's automatic numbering: the label Word prints (一、 （一） 1. （1） ①) is put back
// before the paragraph, from word/numbering.xml, with Word's counters, restarts and overrides.
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../electron/backend/importers/index';
import { formatListNumber } from '../../electron/backend/importers/docx/docx-number-formats';
import { abstractNum, makeRawDocx, num, para, type LevelSpec } from './importers/raw-docx';

/** The levels Chinese policy documents use, outermost first. */
const POLICY_LEVELS: LevelSpec[] = [
  { numFmt: 'chineseCounting', lvlText: '%1、' },
  { numFmt: 'chineseCounting', lvlText: '（%2）' },
  { numFmt: 'decimal', lvlText: '%3.' },
  { numFmt: 'decimal', lvlText: '（%4）' },
  { numFmt: 'decimalEnclosedCircle', lvlText: '%5' },
];

async function importText(parts: Parameters<typeof makeRawDocx>[0]): Promise<string> {
  return (await extractFile('numbered.docx', await makeRawDocx(parts))).text;
}

describe('DOCX automatic numbering is printed as Word prints it', () => {
  it('prints 一、（一）1.（1）① before nested paragraphs, restarting each level under a new parent', async () => {
    const body = [
      para('总体要求', { numId: 1, ilvl: 0 }),
      para('重点任务', { numId: 1, ilvl: 0 }),
      para('加大财税支持', { numId: 1, ilvl: 1 }),
      para('落实减税政策。', { numId: 1, ilvl: 2 }),
      para('小型微利企业', { numId: 1, ilvl: 3 }),
      para('减半征收', { numId: 1, ilvl: 4 }),
      para('免征', { numId: 1, ilvl: 4 }),
      para('个体工商户', { numId: 1, ilvl: 3 }),
      para('设立发展资金。', { numId: 1, ilvl: 2 }),
      para('拓宽融资渠道', { numId: 1, ilvl: 1 }),
      para('扩大信贷投放。', { numId: 1, ilvl: 2 }),
      para('组织保障', { numId: 1, ilvl: 0 }),
      para('加强组织领导', { numId: 1, ilvl: 1 }),
    ].join('');
    const text = await importText({ body, numbering: abstractNum(1, POLICY_LEVELS) + num(1, 1) });
    expect(text.split('\n')).toEqual([
      '一、总体要求',
      '二、重点任务',
      '（一）加大财税支持',
      '1. 落实减税政策。',
      '（1）小型微利企业',
      '①减半征收',
      '②免征',
      '（2）个体工商户',
      '2. 设立发展资金。',
      '（二）拓宽融资渠道',
      '1. 扩大信贷投放。',
      '三、组织保障',
      '（一）加强组织领导',
    ]);
  });

  it('counts past ten in Chinese (十一、 二十一) and leaves unnumbered paragraphs alone', async () => {
    const body = Array.from({ length: 21 }, (_, i) => para(`第${i + 1}项`, { numId: 1, ilvl: 0 }) + para('说明文字')).join('');
    const lines = (await importText({ body, numbering: abstractNum(1, POLICY_LEVELS) + num(1, 1) })).split('\n');
    expect(lines.filter((l) => l !== '说明文字')).toEqual(
      [
        '一',
        '二',
        '三',
        '四',
        '五',
        '六',
        '七',
        '八',
        '九',
        '十',
        '十一',
        '十二',
        '十三',
        '十四',
        '十五',
        '十六',
        '十七',
        '十八',
        '十九',
        '二十',
        '二十一',
      ].map((n, i) => `${n}、第${i + 1}项`),
    );
    expect(lines.filter((l) => l === '说明文字')).toHaveLength(21);
  });

  it('keeps counting across parents when a level never restarts (lvlRestart 0), and restarts only after the level lvlRestart names', async () => {
    const levels: LevelSpec[] = [
      { numFmt: 'chineseCounting', lvlText: '%1、' },
      { numFmt: 'chineseCounting', lvlText: '（%2）', restart: 0 },
      { numFmt: 'decimal', lvlText: '%3.', restart: 1 },
    ];
    const body = [
      para('甲', { numId: 1, ilvl: 0 }),
      para('子', { numId: 1, ilvl: 1 }),
      para('a', { numId: 1, ilvl: 2 }),
      para('丑', { numId: 1, ilvl: 1 }),
      para('b', { numId: 1, ilvl: 2 }),
      para('乙', { numId: 1, ilvl: 0 }),
      para('寅', { numId: 1, ilvl: 1 }),
      para('c', { numId: 1, ilvl: 2 }),
    ].join('');
    const text = await importText({ body, numbering: abstractNum(1, levels) + num(1, 1) });
    expect(text.split('\n')).toEqual(['一、甲', '（一）子', '1. a', '（二）丑', '2. b', '二、乙', '（三）寅', '1. c']);
  });

  it('shares counters between instances of one list, and restarts an instance at its startOverride', async () => {
    const numbering = abstractNum(1, [{ numFmt: 'decimal', lvlText: '%1.' }]) + num(2, 1) + num(3, 1, { 0: 1 }) + num(4, 1) + num(5, 1, { 0: 5 });
    const body =
      ['a', 'b'].map((t) => para(t, { numId: 2 })).join('') +
      ['c', 'd'].map((t) => para(t, { numId: 3 })).join('') +
      para('e', { numId: 4 }) +
      para('f', { numId: 5 }) +
      para('g', { numId: 5 });
    expect((await importText({ body, numbering })).split('\n')).toEqual(['1. a', '2. b', '1. c', '2. d', '3. e', '5. f', '6. g']);
  });

  it('numbers headings through their paragraph style (a list linked to 标题 1 / 标题 2), and numId 0 switches it off', async () => {
    const styles =
      '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>';
    const numbering = abstractNum(3, [{ ...POLICY_LEVELS[0], pStyle: 'Heading1' }, POLICY_LEVELS[1]]) + num(7, 3);
    const body = [
      para('总体要求', { style: 'Heading1' }),
      para('正文'),
      para('重点任务', { style: 'Heading1' }),
      para('财税支持', { style: 'Heading2' }),
      para('融资支持', { style: 'Heading2' }),
      para('不编号的标题', { style: 'Heading1', numId: 0 }),
    ].join('');
    expect((await importText({ body, numbering, styles })).split('\n')).toEqual([
      '一、总体要求',
      '正文',
      '二、重点任务',
      '（一）财税支持',
      '（二）融资支持',
      '不编号的标题',
    ]);
  });

  it('follows a list style (numStyleLink → styleLink), a redefined level, legal numbering and the fallback numFmt', async () => {
    const styles =
      '<w:style w:type="numbering" w:styleId="PolicyList"><w:name w:val="Policy list"/><w:pPr><w:numPr><w:numId w:val="11"/></w:numPr></w:pPr></w:style>';
    const numbering =
      '<w:abstractNum w:abstractNumId="10"><w:numStyleLink w:val="PolicyList"/></w:abstractNum>' +
      abstractNum(11, POLICY_LEVELS).replace(
        '<w:multiLevelType w:val="multilevel"/>',
        '<w:multiLevelType w:val="multilevel"/><w:styleLink w:val="PolicyList"/>',
      ) +
      abstractNum(12, [
        { numFmt: 'chineseCounting', lvlText: '%1、' },
        { numFmt: 'decimal', lvlText: '%1.%2', isLgl: true },
      ]) +
      '<w:abstractNum w:abstractNumId="13"><w:lvl w:ilvl="0"><w:start w:val="1"/><mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice>' +
      '<mc:Fallback><w:numFmt w:val="decimalZero"/></mc:Fallback></mc:AlternateContent><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>' +
      num(11, 11) +
      num(12, 10) +
      num(13, 12) +
      '<w:num w:numId="14"><w:abstractNumId w:val="12"/><w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="chineseLegalSimplified"/><w:lvlText w:val="第%1部分"/></w:lvl></w:lvlOverride></w:num>' +
      num(15, 13);
    const body = [
      para('经由列表样式', { numId: 12, ilvl: 0 }),
      para('法定编号', { numId: 13, ilvl: 0 }),
      para('一点一', { numId: 13, ilvl: 1 }),
      para('重定义', { numId: 14, ilvl: 0 }),
      para('补零', { numId: 15, ilvl: 0 }),
    ].join('');
    expect((await importText({ body, numbering, styles })).split('\n')).toEqual([
      '一、经由列表样式',
      '一、法定编号',
      '1.1 一点一',
      '第叁部分重定义',
      '01、补零',
    ]);
  });

  it('prints no label for bullets and "none" levels, and no space when the level says nothing follows the number', async () => {
    const numbering =
      abstractNum(1, [
        { numFmt: 'bullet', lvlText: '●' },
        { numFmt: 'none', lvlText: '' },
        { numFmt: 'decimal', lvlText: '%3.', suffix: 'nothing' },
        { numFmt: 'decimal', lvlText: '(%4)', suffix: 'space' },
      ]) + num(1, 1);
    const body = [
      para('要点', { numId: 1, ilvl: 0 }),
      para('无号', { numId: 1, ilvl: 1 }),
      para('紧接', { numId: 1, ilvl: 2 }),
      para('空格', { numId: 1, ilvl: 3 }),
    ].join('');
    expect((await importText({ body, numbering })).split('\n')).toEqual(['要点', '无号', '1.紧接', '(1) 空格']);
  });
});

describe('numbers in the formats Word offers for Chinese documents', () => {
  it.each([
    [1, 'chineseCounting', '一'],
    [10, 'chineseCounting', '十'],
    [11, 'chineseCounting', '十一'],
    [20, 'chineseCounting', '二十'],
    [99, 'chineseCounting', '九十九'],
    [100, 'chineseCounting', '一〇〇'],
    [100, 'chineseCountingThousand', '一百'],
    [101, 'chineseCountingThousand', '一百零一'],
    [110, 'chineseCountingThousand', '一百一十'],
    [1020, 'chineseCountingThousand', '一千零二十'],
    [20300, 'chineseCountingThousand', '二万零三百'],
    [3, 'chineseLegalSimplified', '叁'],
    [10, 'chineseLegalSimplified', '壹拾'],
    [12, 'ideographLegalTraditional', '壹拾貳'],
    [1, 'ideographTraditional', '甲'],
    [10, 'ideographTraditional', '癸'],
    [2, 'ideographZodiac', '丑'],
    [11, 'ideographZodiacTraditional', '甲戌'],
    [10, 'ideographDigital', '一〇'],
    [1, 'decimalEnclosedCircle', '①'],
    [20, 'decimalEnclosedCircleChinese', '⑳'],
    [21, 'decimalEnclosedCircle', '21'],
    [3, 'decimalEnclosedParen', '⑶'],
    [2, 'decimalEnclosedFullstop', '⒉'],
    [1, 'ideographEnclosedCircle', '㈠'],
    [12, 'decimalFullWidth', '１２'],
    [7, 'decimalZero', '07'],
    [27, 'upperLetter', 'AA'],
    [4, 'lowerRoman', 'iv'],
    [5, 'somethingNew', '5'],
  ])('%i as %s is %s', (n, fmt, printed) => {
    expect(formatListNumber(n, fmt)).toBe(printed);
  });
});
