import { describe, expect, it } from 'vitest';
import { chineseSmallNumber, parseDate, parseDateLine } from '../../shared/domain/metadata/dates';

describe('parseDate', () => {
  it('reads Arabic 年月日 dates with PDF spacing', () => {
    expect(parseDate('2016 年9 月29 日')).toBe('2016-09-29');
  });

  it('reads Chinese-numeral dates of signature blocks', () => {
    expect(parseDate('二〇一六年九月二十九日')).toBe('2016-09-29');
    expect(parseDate('二○一二年十一月八日')).toBe('2012-11-08');
  });

  it('reads dashed web dates with spaces and a time', () => {
    expect(parseDate('发布日期: 2015- 12- 20 15: 17')).toBe('2015-12-20');
    expect(parseDate('2018.12.12')).toBe('2018-12-12');
  });

  it('rejects impossible dates', () => {
    expect(parseDate('2016年2月30日')).toBeNull();
    expect(parseDate('2016年13月1日')).toBeNull();
  });
});

describe('parseDateLine', () => {
  it('accepts a line that is only a date and nothing else', () => {
    expect(parseDateLine('           2018年12月12日 ')).toBe('2018-12-12');
    expect(parseDateLine('自2012年7月1日起暂停征收')).toBeNull();
  });
});

describe('parseDateLine: the longest dates, however spaced', () => {
  // Lines with more characters than any date are turned down before matching: the longest dates
  // must still be read, with white space of every kind anywhere.
  it('reads a date of 13 characters spread over a long line', () => {
    expect(parseDateLine(`\u3000\u3000二〇二〇年 十二月${' '.repeat(40)}三十一日\u00a0\t`)).toBe('2020-12-31');
    expect(parseDateLine('２０２０ 年 １２ 月 ３１ 日')).toBe('2020-12-31');
    // 13 characters, as many as the expression takes (一十二 is read as 12).
    expect(parseDateLine(' 二〇二〇年 一十二月 三十一日 ')).toBe('2020-12-31');
    expect(parseDateLine('二〇二〇年十二月三十一日起')).toBeNull();
  });
});

describe('chineseSmallNumber', () => {
  it('reads 1-31 in Chinese numerals', () => {
    expect([
      chineseSmallNumber('九'),
      chineseSmallNumber('十'),
      chineseSmallNumber('十二'),
      chineseSmallNumber('二十九'),
      chineseSmallNumber('三十一'),
    ]).toEqual([9, 10, 12, 29, 31]);
  });
});
