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
    const raw = ['湖北省人民政府办公厅文件', '', '鄂政办发〔2019〕', '12号', '', '省人民政府办公厅关于进一步降低企业成本的通知', '各市：',
      '根据国办发〔2018〕104号文件精神，通知如下：', '一、降低税费', '湖北省人民政府办公厅', '二〇一九年三月五日'].join('\n');
    const meta = metadataOf(raw);
    expect(meta.docNumber).toBe('鄂政办发〔2019〕12号');
    expect(meta.title).toBe('省人民政府办公厅关于进一步降低企业成本的通知');
    expect(meta.citedDocNumbers).toEqual(['国办发〔2018〕104号']);
    expect(meta.dateWritten).toBe('2019-03-05');
    expect([meta.province, meta.level, meta.city]).toEqual(['湖北省', 'province', null]);
  });
});
