import { describe, expect, it } from 'vitest';
import { AttributeValueError, canonicalValue, cleanName, cleanOptions, numberText, parseDate, typedValue } from '../../shared/domain/attributes/values';

const spec = (type: 'text' | 'choice' | 'number' | 'date' | 'boolean', options: string[] = []) => ({ name: '属性', type, options });

describe('attribute values', () => {
  it('read numbers as typed on any keyboard, and write them without exponent', () => {
    expect(canonicalValue(spec('number'), '２０２１')).toBe('2021');
    expect(canonicalValue(spec('number'), '1,500.50')).toBe('1500.5');
    expect(canonicalValue(spec('number'), 2021)).toBe('2021');
    expect(canonicalValue(spec('number'), ' -0.25 ')).toBe('-0.25');
    expect(numberText(1e-7)).toBe('0.0000001');
    expect(numberText(1e21)).toBe('1000000000000000000000');
    for (const bad of ['二〇二一', '12a', '1e5', 'NaN', true]) expect(() => canonicalValue(spec('number'), bad)).toThrow(AttributeValueError);
  });

  it('read dates in the forms Chinese documents use, and only real calendar days', () => {
    expect(parseDate('2021年3月5日')).toBe('2021-03-05');
    expect(parseDate('2021/3/5')).toBe('2021-03-05');
    expect(parseDate('2021.03.05')).toBe('2021-03-05');
    expect(parseDate('２０２１－０３－０５')).toBe('2021-03-05');
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
    expect(parseDate('2023-02-29')).toBeNull();
    expect(parseDate('2021-13-01')).toBeNull();
    expect(parseDate('2021')).toBeNull();
  });

  it('read yes and no in Chinese and English, choices by their options, and clear on blank', () => {
    expect(canonicalValue(spec('boolean'), '是')).toBe('true');
    expect(canonicalValue(spec('boolean'), 'No')).toBe('false');
    expect(canonicalValue(spec('boolean'), false)).toBe('false');
    expect(() => canonicalValue(spec('boolean'), '也许')).toThrow(/yes or no/);
    expect(canonicalValue(spec('choice', ['东部', 'East']), ' 东部 ')).toBe('东部');
    expect(canonicalValue(spec('choice', ['东部', 'East']), 'Ｅａｓｔ')).toBe('East');
    expect(() => canonicalValue(spec('choice', ['东部']), '西部')).toThrow(/choose one of 东部/);
    expect(canonicalValue(spec('text'), '   ')).toBeNull();
    expect(canonicalValue(spec('date'), null)).toBeNull();
    expect(() => canonicalValue(spec('text'), 'x'.repeat(2001))).toThrow(/at most 2000/);
  });

  it('give typed values back, and check names and option lists', () => {
    expect(typedValue('number', '2021')).toBe(2021);
    expect(typedValue('boolean', 'false')).toBe(false);
    expect(typedValue('date', '2021-03-05')).toBe('2021-03-05');
    expect(cleanName('  东中西部 \n 分类 ')).toBe('东中西部 分类');
    expect(() => cleanName(' ')).toThrow(/needs a name/);
    expect(cleanOptions('choice', [' 东部', '', '中部 '])).toEqual(['东部', '中部']);
    expect(() => cleanOptions('choice', ['东部', '东部 '])).toThrow(/twice/);
    expect(() => cleanOptions('number', ['1'])).toThrow(/Only a choice/);
  });
});
