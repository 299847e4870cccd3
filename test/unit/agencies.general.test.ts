// Agency notes found on documents of other shapes than the seeds (see test/fixtures/general).
import { describe, expect, it } from 'vitest';
import { extractAgencies } from '../../shared/domain/agencies/index';

describe('agencies whose names carry a bracket', () => {
  it('reads 各县（市、区）人民政府 as one agency inside a 责任单位 note', () => {
    expect(extractAgencies('将工作纳入年度绩效考核。（责任单位：市工信局，各县（市、区）人民政府、开发区管委会）')).toEqual({
      lead: ['市工信局'],
      responsible: ['各县（市、区）人民政府', '开发区管委会'],
    });
  });

  it('reads it with a verb note and half-width brackets too', () => {
    expect(extractAgencies('落实补贴政策。(各县(市)区人民政府负责)')).toEqual({ lead: ['各县(市)区人民政府'], responsible: [] });
  });

  it('still reads a note inside a longer bracket, and ignores brackets in running text', () => {
    expect(extractAgencies('支持首台（套）产品应用，给予奖励。（牵头单位：市经信局；责任单位：市财政局）')).toEqual({
      lead: ['市经信局'],
      responsible: ['市财政局'],
    });
  });
});

describe('a lead marked after its name inside a 责任单位 list', () => {
  it.each([
    ['推进工作。（责任单位：市发改委（牵头）、市财政局、市商务局）', ['市发改委'], ['市财政局', '市商务局']],
    ['推进工作。（责任单位：市发改委[牵头]、市财政局）', ['市发改委'], ['市财政局']],
    ['推进工作。\n责任单位：市发改委（牵头），市财政局', ['市发改委'], ['市财政局']],
    ['推进工作。【牵头单位】市科技局【责任单位】市财政局', ['市科技局'], ['市财政局']],
  ])('%s', (text, lead, responsible) => {
    expect(extractAgencies(text)).toEqual({ lead, responsible });
  });
});
