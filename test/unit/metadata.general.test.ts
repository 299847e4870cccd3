// Metadata rules found on documents of other shapes than the seeds (see test/fixtures/general).
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../shared/domain/cleanup/index';
import { extractMetadata } from '../../shared/domain/metadata/index';
import { splitParts } from '../../shared/domain/segment/index';

function metadataOf(raw: string) {
  const cleaned = cleanText(raw, 'txt');
  return extractMetadata({ raw, cleaned, parts: splitParts(cleaned), fileName: 'x.txt' });
}

describe('joint issuers printed side by side', () => {
  it('reads both agencies when cleanup left one space between them', () => {
    const raw = ['关于印发某某管理办法的通知', '各市：', '现印发给你们。', '', '广东省工业和信息化厅　　　　广东省财政厅', '2020年6月18日'].join('\n');
    const meta = metadataOf(raw);
    expect(meta.issuer).toBe('广东省工业和信息化厅、广东省财政厅');
    expect(meta.dateWritten).toBe('2020-06-18');
  });

  it('keeps one agency whose name a space cut in two', () => {
    const raw = ['关于印发某某管理办法的通知', '各市：', '现印发给你们。', '', '青岛市财 政局', '2020年6月18日'].join('\n');
    expect(metadataOf(raw).issuer).toBe('青岛市财政局');
  });
});

describe('a letterhead 文号 broken over two lines', () => {
  it('is the document number, not part of the title or a citation', () => {
    const raw = [
      '湖北省人民政府办公厅文件',
      '',
      '鄂政办发〔2019〕',
      '12号',
      '',
      '省人民政府办公厅关于进一步降低企业成本的通知',
      '各市：',
      '根据国办发〔2018〕104号文件精神，通知如下：',
      '一、降低税费',
      '湖北省人民政府办公厅',
      '二〇一九年三月五日',
    ].join('\n');
    const meta = metadataOf(raw);
    expect(meta.docNumber).toBe('鄂政办发〔2019〕12号');
    expect(meta.title).toBe('省人民政府办公厅关于进一步降低企业成本的通知');
    expect(meta.citedDocNumbers).toEqual(['国办发〔2018〕104号']);
    expect(meta.dateWritten).toBe('2019-03-05');
    expect([meta.province, meta.level, meta.city]).toEqual(['湖北省', 'province', null]);
  });
});

describe('a regulation published under a 公告 header', () => {
  const raw = [
    '云南省人民代表大会常务委员会公告',
    '（第12号）',
    '《云南省中小企业促进条例》已由省人大常委会于2019年7月26日审议通过，现予公布。',
    '云南省人民代表大会常务委员会',
    '2019年7月26日',
    '云南省中小企业促进条例',
    '（2019年7月26日通过）',
    '第一章 总则',
    '第一条 为了促进中小企业发展，制定本条例。',
  ].join('\n');

  it('is cited by its own title; the announcement gives issuer and date', () => {
    const meta = metadataOf(raw);
    expect(meta.title).toBe('云南省中小企业促进条例');
    expect(meta.issuer).toBe('云南省人民代表大会常务委员会');
    expect(meta.dateWritten).toBe('2019-07-26');
    expect([meta.province, meta.level]).toEqual(['云南省', 'province']);
  });

  it('keeps a 公告 as the title when it quotes no later title', () => {
    const notice = ['某市人民政府公告', '现将有关事项公告如下：', '一、自2020年起实施新标准。'].join('\n');
    expect(metadataOf(notice).title).toBe('某市人民政府公告');
  });
});

describe('a district name several cities share', () => {
  const doc = (cited: string): string =>
    [
      '鼓楼区人民政府办公室关于做好稳就业工作的通知',
      '各街道：',
      `根据${cited}精神，通知如下：`,
      '一、支持企业稳岗',
      '鼓楼区人民政府办公室',
      '2020年6月28日',
    ].join('\n');

  it('is resolved by the province of the 文号 the document cites, and marked inferred', () => {
    const meta = metadataOf(doc('闽政〔2020〕11号'));
    expect([meta.city, meta.province, meta.level]).toEqual(['福州市', '福建省', 'district']);
    expect(meta.inferred).toEqual(expect.arrayContaining(['city', 'province']));
  });

  it('is resolved by a province the document names in full', () => {
    expect(metadataOf(doc('《河南省人民政府关于促进就业的意见》')).city).toBe('开封市');
  });

  it('is not resolved by a province two of its readings share', () => {
    // 南京 and 徐州 both have a 鼓楼区 and both lie in 江苏: the header alone cannot tell them apart.
    expect(['南京市', '徐州市', null]).toContain(metadataOf(doc('苏政〔2020〕5号')).city);
    expect(metadataOf(doc('苏政〔2020〕5号')).city).not.toBe('开封市');
  });
});

describe('fields of a regulation database export', () => {
  it('reads labels printed in lenticular brackets, and keeps them out of the title', () => {
    const raw = [
      '【法规标题】长沙市人民政府关于支持企业发展的意见',
      '【发文字号】长政发〔2020〕5号',
      '【发布部门】长沙市政府',
      '【发布日期】2020.03.05 【实施日期】2020.03.05',
      '【时效性】现行有效',
      '长沙市人民政府关于支持企业发展的意见',
      '一、总体要求',
    ].join('\n');
    const meta = metadataOf(raw);
    expect(meta.title).toBe('长沙市人民政府关于支持企业发展的意见');
    expect(meta.docNumber).toBe('长政发〔2020〕5号');
    expect(meta.datePublished).toBe('2020-03-05');
    expect(meta.validity).toBe('现行有效');
    expect(meta.citedDocNumbers).toEqual([]);
  });
});

describe('a city the text never names', () => {
  it('is marked inferred when looked up from the district', () => {
    const raw = ['江宁区人民政府办公室关于印发江宁区若干政策的通知', '各街道：', '一、支持创新', '江宁区人民政府办公室', '2020年9月10日'].join('\n');
    const meta = metadataOf(raw);
    expect([meta.city, meta.level]).toEqual(['南京市', 'district']);
    expect(meta.inferred).toContain('city');
  });

  it('is not marked inferred when the text names it', () => {
    const raw = ['南京市江宁区人民政府办公室关于印发若干政策的通知', '各街道：', '一、支持创新'].join('\n');
    expect(metadataOf(raw).inferred).not.toContain('city');
  });
});

describe('issuer codes whose place character is also a word', () => {
  it('keeps 并 of 并政发 (太原) but still trims 和 before 国发', () => {
    const meta = metadataOf(
      [
        '太原市人民政府关于促进中小企业发展的实施意见',
        '并政发〔2020〕12号',
        '各县：',
        '根据国发〔2019〕5号和国发〔2020〕8号文件精神，提出如下意见。',
        '一、加大支持',
      ].join('\n'),
    );
    expect(meta.docNumber).toBe('并政发〔2020〕12号');
    expect(meta.citedDocNumbers).toEqual(['国发〔2019〕5号', '国发〔2020〕8号']);
  });
});

describe('a municipality', () => {
  it('is named, not inferred, when its government issues the document', () => {
    const meta = metadataOf(['上海市人民政府办公厅关于进一步支持中小企业发展的若干措施', '沪府办〔2020〕5号', '各区人民政府：', '一、加大支持'].join('\n'));
    expect([meta.city, meta.province]).toEqual(['上海市', '上海市']);
    expect(meta.inferred).not.toContain('city');
    expect(meta.inferred).not.toContain('province');
  });
});
