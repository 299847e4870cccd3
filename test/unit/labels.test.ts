import { describe, expect, it } from 'vitest';
import { clauseLabel, shortPartTitle } from '../../shared/domain/labels';

describe('clause labels', () => {
  it('shorten plan titles to what tells them apart', () => {
    const wenzhou = [
      '关于小微企业“上规上限”的行动方案',
      '关于支持小微企业融资破难的行动方案',
      '关于培育千家科技型小微企业的行动方案',
      '关于实施三万市场主体创业扶持计划的行动方案',
    ];
    const short = wenzhou.map((t) => shortPartTitle(t));
    expect(short).toEqual(['小微企业上规上限', '支持小微企业融资破难', '培育千家科技型小微企业', '实施三万市场主体创业扶持']);
    expect(new Set(short).size).toBe(4);
    expect(shortPartTitle('方案')).toBe('方案');
    expect([...shortPartTitle('关于进一步加快推进大众创业万众创新支撑平台建设的实施意见')].length).toBeLessThanOrEqual(12);
  });
  it('prefix a path with its plan only when there is one', () => {
    expect(clauseLabel('三-(三)', '关于支持小微企业融资破难的行动方案')).toBe('支持小微企业融资破难 · 三-(三)');
    expect(clauseLabel('三-(三)', null)).toBe('三-(三)');
  });
});
