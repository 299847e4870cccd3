// extractMetadata on small hand-made documents, one rule per test. The fixtures imitate the
// shapes real notices take (PDF wraps, web chrome, signature blocks), not any seed's sentences.
import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../shared/domain/metadata/index';

const meta = (text: string, raw = text) => extractMetadata({ raw, cleaned: text, parts: [], fileName: 'x.txt' });

const wrappedNotice = [
  '杭政办函〔2019〕7号',
  '关于印发《杭州市促进中小企业发展',
  '三年行动计划(2019—2021年)》的通知',
  '各区、县(市)人民政府,市政府各部门:',
  '《杭州市促进中小企业发展三年行动计划(2019—2021年)》已经市政府同意,现印发给你们,请认真组织实施。',
  '杭州市人民政府办公厅',
  '二〇一九年三月五日',
  '杭州市促进中小企业发展三年行动计划(2019—2021年)',
  '为落实《国务院关于扶持小型微型企业健康发展的意见》(国发〔2014〕52 号),制定本计划。',
  '一、总体目标',
  '到2021年,全市新增小微企业2万家。',
].join('\n');

describe('extractMetadata: title', () => {
  it('cites the single plan a cover notice issues, joining the wrapped title', () => {
    const m = meta(wrappedNotice);
    expect(m.title).toBe('杭州市促进中小企业发展三年行动计划(2019—2021年)');
  });

  it('keeps the notice title, with the issuer printed above it, when several plans are issued', () => {
    const text = [
      '苏州市人民政府',
      '关于印发三个专项行动方案的通知',
      '各市、区人民政府:',
      '现将《苏州市A行动方案》、《苏州市B行动方案》和《苏州市C行动方案》印发给你们,请认真贯彻执行。',
      '一、总体要求',
    ].join('\n');
    expect(meta(text).title).toBe('苏州市人民政府关于印发三个专项行动方案的通知');
  });

  it('does not take a short navigation line or letterhead for part of the title', () => {
    const text = [
      '首页 > 政务公开 > 政策文件',
      '打印本页',
      '济南市人民政府文件',
      '关于进一步支持小微企业发展的若干意见',
      '各区县人民政府:',
      '一、加大财税支持',
    ].join('\n');
    expect(meta(text).title).toBe('关于进一步支持小微企业发展的若干意见');
  });

  it('infers a title from the statement of purpose when none is printed', () => {
    const text = '为贯彻落实《省人民政府关于推动创新创业高质量发展的实施意见》精神,结合我市实际,特制定本工作方案。\n一、目标';
    const m = meta(text);
    expect(m.title).toBe('关于推动创新创业高质量发展的工作方案');
    expect(m.inferred).toContain('title');
  });
});

describe('extractMetadata: issuer, 文号 and dates', () => {
  it('reads the issuer and date of the signature block and the 文号 line', () => {
    const m = meta(wrappedNotice);
    expect(m.issuer).toBe('杭州市人民政府办公厅');
    expect(m.docNumber).toBe('杭政办函〔2019〕7号');
    expect(m.dateWritten).toBe('2019-03-05');
  });

  it('joins a signature wrapped over two lines and lists joint issuers', () => {
    const wrapped = ['关于开展示范工作的通知', '各有关单位:', '现将有关事项通知如下。', '某某市小微企业创业创新工作', '领导小组办公室', '2017年4月1日'].join(
      '\n',
    );
    expect(meta(wrapped).issuer).toBe('某某市小微企业创业创新工作领导小组办公室');
    const joint = ['关于开展示范工作的通知', '各有关单位:', '现将有关事项通知如下。', '成都市财政局      成都市科学技术局', '2017年4月1日'].join('\n');
    expect(meta(joint).issuer).toBe('成都市财政局、成都市科学技术局');
  });

  it('takes the issuer printed before 关于 when there is no signature', () => {
    expect(meta('武汉市人民政府关于支持小微企业发展的意见\n各区人民政府:\n一、目标').issuer).toBe('武汉市人民政府');
  });

  it('reads web chrome fields from the raw text only', () => {
    const raw = [
      '索 引 号: 000/2019-1 主题分类: 企业',
      '发文字号:\n甬政发〔2019〕12号',
      '成文日期\n2019-05-06',
      '发布时间：2019年05月08日',
      '有效性:现行有效',
      '关于支持小微企业发展的意见',
      '一、目标',
    ].join('\n');
    const m = extractMetadata({ raw, cleaned: '关于支持小微企业发展的意见\n一、目标', parts: [], fileName: 'x.html' });
    expect([m.docNumber, m.dateWritten, m.datePublished, m.validity]).toEqual(['甬政发〔2019〕12号', '2019-05-06', '2019-05-08', '现行有效']);
  });

  it('infers the issuer from the 文号 issuer code and the place', () => {
    const raw = '编号 温政发〔2016〕3号\n关于加快小微企业发展的意见\n各县(市、区)人民政府:\n一、全市小微企业发展目标。温州市将……';
    const m = meta(raw);
    expect(m.issuer).toBe('温州市人民政府');
    expect(m.inferred).toContain('issuer');
  });
});

describe('extractMetadata: place and level', () => {
  it('maps a district issuer to its city and province at district level', () => {
    const m = meta('宁波市江北区人民政府办公室关于印发江北区扶持办法的通知\n各街道:\n一、目标');
    expect([m.city, m.province, m.level]).toEqual(['宁波市', '浙江省', 'district']);
    expect(m.inferred).not.toContain('city');
  });

  it('reads a province issuer as province level without a city', () => {
    const m = meta('浙江省人民政府办公厅关于促进小微企业发展的意见\n各市人民政府:\n一、目标');
    expect([m.city, m.province, m.level]).toEqual([null, '浙江省', 'province']);
  });

  it('infers the city from place names in the body and marks it inferred', () => {
    const m = meta('一、目标\n支持昆明高新区建设众创空间,打造春城创业品牌。全市新增企业1000家,昆明经开区……');
    expect([m.city, m.province, m.level]).toEqual(['昆明市', '云南省', 'city']);
    expect(m.inferred).toEqual(expect.arrayContaining(['city', 'province', 'level']));
  });

  it('gives a national document level national and infers no place from the places it names', () => {
    const m = meta('国务院关于扶持小型微型企业健康发展的意见\n各省、自治区、直辖市人民政府:\n一、北京市、上海市要……');
    expect([m.city, m.province, m.level]).toEqual([null, null, 'national']);
  });
});

describe('extractMetadata: period and cited 文号', () => {
  it('reads the period printed in the title, with either dash', () => {
    expect(meta(wrappedNotice).period).toBe('2019-2021');
  });

  it('infers the period from the date and the latest 到YYYY年 target, and marks it inferred', () => {
    const text = [
      '关于支持小微企业发展的行动方案',
      '各区人民政府:',
      '一、目标',
      '到2019年底,新增企业1万家;到2020年,新增2万家。',
      '某市人民政府',
      '2018年3月1日',
    ].join('\n');
    const m = meta(text);
    expect(m.period).toBe('2018-2020');
    expect(m.inferred).toContain('period');
  });

  it('reads a Five-Year Plan title as its five years', () => {
    expect(meta('厦门市“十三五”小微企业发展规划\n一、目标').period).toBe('2016-2020');
  });

  it('lists cited 文号 once each, in order, without the document own number', () => {
    const text = ['青政发〔2012〕46号', '关于支持小微企业的意见', '根据国发〔2012〕14号和财库〔2011〕181 号,', '再次落实国发[2012]14号。', '一、目标'].join(
      '\n',
    );
    const m = meta(text);
    expect(m.docNumber).toBe('青政发〔2012〕46号');
    expect(m.citedDocNumbers).toEqual(['国发〔2012〕14号', '财库〔2011〕181号']);
  });
});

describe('extractMetadata: more printings', () => {
  it('reads issuer and date printed on one line', () => {
    const m = meta('关于开展试点的通知\n各单位:\n现将有关事项通知如下。\n贵阳市科学技术局    2019年7月1日');
    expect([m.issuer, m.dateWritten]).toEqual(['贵阳市科学技术局', '2019-07-01']);
  });

  it('keeps the notice title when 《X》等三个文件 are issued', () => {
    expect(meta('关于印发《南京市A办法》等三个文件的通知\n各区人民政府:\n一、要求').title).toBe('关于印发《南京市A办法》等三个文件的通知');
  });

  it('falls back to a labelled web title when no title block is printed', () => {
    const raw = '标题：南昌市小微企业扶持办法\n发布日期：2019-01-01\n第一条 为了支持……';
    expect(meta('第一条 为了支持……', raw).title).toBe('南昌市小微企业扶持办法');
  });
});

describe('extractMetadata: bad input', () => {
  it('rejects non-string text with a specific error', () => {
    expect(() => extractMetadata({ raw: null as unknown as string, cleaned: '', parts: [], fileName: 'x' })).toThrow(/raw and cleaned must be strings/);
    expect(() => extractMetadata({ raw: '', cleaned: '', parts: undefined as unknown as [], fileName: 'x' })).toThrow(/parts must be an array/);
  });

  it('returns all-null metadata for empty text', () => {
    const m = meta('');
    expect([m.title, m.city, m.issuer, m.docNumber, m.period]).toEqual([null, null, null, null, null]);
    expect(m.citedDocNumbers).toEqual([]);
  });
});

describe('extractMetadata: title tails', () => {
  it('keeps a (试行) printed under the title', () => {
    expect(meta('厦门市小微企业扶持资金管理办法\n(试行)\n第一条 为了规范……').title).toBe('厦门市小微企业扶持资金管理办法(试行)');
  });
});
