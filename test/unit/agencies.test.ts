import { describe, expect, it } from 'vitest';
import { extractAgencies, splitAgencyList } from '../../shared/domain/agencies/index';

describe('extractAgencies', () => {
  it('takes the first agency of a 责任部门 list as lead, the rest as responsible', () => {
    expect(extractAgencies('建设标准厂房。(责任部门:市经信委、市国土局、市财政局)')).toEqual({
      lead: ['市经信委'],
      responsible: ['市国土局', '市财政局'],
    });
  });

  it('reads …负责 lists', () => {
    expect(extractAgencies('提高起征点。(市国税局、市地税局负责)')).toEqual({ lead: ['市国税局'], responsible: ['市地税局'] });
  });

  it('reads a marked lead inside the text and a 责任单位 list at the end', () => {
    expect(extractAgencies('开展培育(区市场监管局牵头)。加强服务。(责任单位:区金融办、区财政局、区市场监管局)')).toEqual({
      lead: ['区市场监管局'],
      responsible: ['区金融办', '区财政局'],
    });
  });

  it('reads 牵头单位 and 责任单位 in one bracket, full-width punctuation included', () => {
    expect(extractAgencies('建设平台。（牵头单位：市科技局；责任单位：市经信委，各县市区人民政府）')).toEqual({
      lead: ['市科技局'],
      responsible: ['市经信委', '各县市区人民政府'],
    });
  });

  it('splits on 及/和 only between agency names', () => {
    expect(splitAgencyList('市人力资源和社会保障局及市财政局等部门')).toEqual(['市人力资源和社会保障局', '市财政局']);
  });

  it('survives PDF breaks and page markers inside the bracket', () => {
    expect(extractAgencies('(责任部门:市财\n政局、- 7 -\n市科技局)')).toEqual({ lead: ['市财政局'], responsible: ['市科技局'] });
  });

  it('reads A牵头, B配合', () => {
    expect(extractAgencies('(市商务局牵头,市财政局、市税务局配合)')).toEqual({ lead: ['市商务局'], responsible: ['市财政局', '市税务局'] });
  });

  it('reads a labelled line outside brackets', () => {
    expect(extractAgencies('推进诚信建设。\n责任单位:市发改委、市市场监管局')).toEqual({ lead: ['市发改委'], responsible: ['市市场监管局'] });
  });

  it('ignores brackets that name no agency', () => {
    expect(extractAgencies('支持小微企业(不含个体工商户)和众创空间(以下简称四众)发展')).toEqual({ lead: [], responsible: [] });
  });
});

describe('extractAgencies: other printings', () => {
  it('reads labels in lenticular brackets and names separated by spaces', () => {
    expect(extractAgencies('推进试点。\n【牵头单位】市科技局\n【责任单位】市财政局 市教育局')).toEqual({
      lead: ['市科技局'],
      responsible: ['市财政局', '市教育局'],
    });
  });

  it('drops other notes in the same bracket (完成时限) and bracket text that is no agency', () => {
    expect(extractAgencies('(责任单位:市财政局;完成时限:2019年底)')).toEqual({ lead: ['市财政局'], responsible: [] });
    expect(extractAgencies('(由企业自行负责)')).toEqual({ lead: [], responsible: [] });
  });

  it('strips 按职责分工 and 由', () => {
    expect(extractAgencies('(由市委组织部、市人社局按职责分工负责)')).toEqual({ lead: ['市委组织部'], responsible: ['市人社局'] });
  });
});
