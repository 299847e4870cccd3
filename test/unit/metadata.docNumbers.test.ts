import { describe, expect, it } from 'vitest';
import { docNumberKey, findDocNumbers, normaliseDocNumber } from '../../shared/domain/metadata/index';
import { findDocNumbersByScan } from '../../shared/domain/metadata/docNumbers';

const numbers = (text: string): string[] => findDocNumbers(text).map((h) => h.docNumber);

describe('findDocNumbers', () => {
  it('finds a 文号 in brackets after a cited title', () => {
    expect(numbers('根据《关于支持…的通知》(财建〔2015〕114号)精神')).toEqual(['财建〔2015〕114号']);
  });

  it('joins a 文号 split by a space or a line break before 号', () => {
    expect(numbers('(财建〔2016〕309 号)及(财办建〔2016〕17\n号)')).toEqual(['财建〔2016〕309号', '财办建〔2016〕17号']);
  });

  it('accepts the bracket variants as printed', () => {
    expect(numbers('国发[2012]14号、浙政办发［2018］34号、甬政办发（2018）105号、鄂政发【2016】45号')).toEqual([
      '国发[2012]14号',
      '浙政办发［2018］34号',
      '甬政办发（2018）105号',
      '鄂政发【2016】45号',
    ]);
  });

  it('leaves out words glued in front of the issuer code', () => {
    expect(numbers('关于贯彻落实国发〔2012〕14号文件进一步支持')).toEqual(['国发〔2012〕14号']);
    expect(numbers('按照温政办〔2015〕77号和温政发〔2014〕28号执行')).toEqual(['温政办〔2015〕77号', '温政发〔2014〕28号']);
  });

  it('reports offsets that cover the printed 文号', () => {
    const text = '见(财办建〔2016〕17\n号)';
    const [hit] = findDocNumbers(text);
    expect(text.slice(hit.start, hit.end)).toBe('财办建〔2016〕17\n号');
  });

  it('does not take a bracketed period or a count for a 文号', () => {
    expect(numbers('计划(2015-2017年)已经第118 次会议通过,2016年9月29日')).toEqual([]);
  });
});

describe('normaliseDocNumber / docNumberKey', () => {
  it('removes white space of every kind', () => {
    expect(normaliseDocNumber('青双创联办字〔2016〕2 号')).toBe('青双创联办字〔2016〕2号');
    expect(normaliseDocNumber('温政办\u3000〔2015〕\u00a0122号')).toBe('温政办〔2015〕122号');
  });

  it('makes printings with different brackets and digits equal for linking', () => {
    expect(docNumberKey('国发[2012]14号')).toBe(docNumberKey('国发〔２０１２〕１４ 号'));
    expect(docNumberKey('国发[2012]14号')).not.toBe(docNumberKey('国发〔2012〕15号'));
  });
});

describe('findDocNumbers: issuer codes', () => {
  it('keeps codes that contain ordinary characters (青经信字, 青双创联办字)', () => {
    expect(numbers('青经信字〔2016〕3号;青双创联办字〔2016〕2号')).toEqual(['青经信字〔2016〕3号', '青双创联办字〔2016〕2号']);
  });

  it('cuts prose glued in front after the last connecting word', () => {
    expect(numbers('再次落实国发[2012]14号。')).toEqual(['国发[2012]14号']);
  });
});

describe('findDocNumbers: from the brackets, the same hits as the plain scan', () => {
  // Pieces of 文号 and of the prose around them, put together at random (seeded): the search that
  // starts from each bracket followed by a year must find exactly what the regular expression's
  // scan over every character finds, offsets included.
  const prose = ['根据', '的', '再次落实', '。', ' ', '\n', '号', '〔', '2012'];
  // Each slot of a 文号 as printed, with wrong or missing variants so that many nearly match.
  const slots = [
    ['青', '政发', '财办建字', '并政发', '青双创联办字', '国发', ''],
    ['', ' ', '\u3000', '\n'],
    ['〔', '[', '（', '【', '。', ''],
    ['', ' '],
    ['2012', '２０１８', '201', '46'],
    ['', ' ', '\n'],
    ['〕', ']', '）', '】', '〔', ''],
    ['', ' ', '第', '第 '],
    ['46', '１４', '123456', ''],
    ['', ' ', '\u3000'],
    ['号', '号', '', '。'],
  ];
  let seed = 20261207;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
  const piece = () => (random() < 0.4 ? pick(prose) : slots.map(pick).join(''));
  it('on 3,000 random strings', () => {
    let found = 0;
    for (let n = 0; n < 3000; n++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 8) }, piece).join('');
      const hits = findDocNumbers(text);
      expect(hits, text).toEqual(findDocNumbersByScan(text));
      found += hits.length;
    }
    // The strings must hold 文号 for the comparison to mean anything.
    expect(found).toBeGreaterThan(300);
  });
});
