// Cleanup rules found on documents of other shapes than the seeds (see test/fixtures/general):
// page footers printed as 第 3 页 共 9 页, site footers and navigation bars of portal pages, and a
// 文号 broken over two lines.
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../shared/domain/cleanup/index';

describe('cleanText: page footers of other shapes', () => {
  it('drops 第 N 页 共 M 页 footers and the running header printed on every page', () => {
    const page = (n: number, body: string[]): string[] => [...(n > 1 ? ['某市支持企业发展若干措施', ''] : []), ...body, '', `第 ${n} 页 共 4 页`];
    const raw = [
      ...page(1, ['某市支持企业发展若干措施', '一、加大支持']),
      ...page(2, ['（一）设立专项资金。']),
      ...page(3, ['（二）落实税收优惠。']),
      ...page(4, ['二、优化服务']),
    ].join('\n');
    expect(cleanText(raw, 'pdf')).toBe('某市支持企业发展若干措施\n一、加大支持\n（一）设立专项资金。\n（二）落实税收优惠。\n二、优化服务');
  });

  it('keeps a sentence that merely mentions pages', () => {
    expect(cleanText('申请材料不少于第 3 页 共 9 页的要求。', 'txt')).toBe('申请材料不少于第3页共9页的要求。');
  });
});

describe('cleanText: portal furniture around the text', () => {
  it('drops the site footer (主办单位/承办单位, 网站标识码, ICP, 公网安备, address) and navigation bars', () => {
    const raw = [
      '首页 | 政务公开 | 互动交流 | 办事服务',
      '一、总体要求',
      '市人民政府办公厅',
      '主办单位：某市人民政府办公厅　承办单位：某市信息中心',
      '网站标识码：3502000001　闽ICP备05004251号　闽公网安备 35020302000123号',
      '地址：某市湖滨北路61号　邮编：361012',
      '版权所有：某市人民政府办公厅',
      '技术支持：某某网络科技有限公司',
      '© 北大法宝：(www.pkulaw.cn) 专业提供法律信息。',
    ].join('\n');
    expect(cleanText(raw, 'html')).toBe('一、总体要求\n市人民政府办公厅');
  });

  it('keeps policy text that names an organiser or uses a bar inside a sentence', () => {
    const raw = [
      '（三）主办单位：市商务局，负责展会组织。',
      '收入 | 支出两项指标按季度报送，不得漏报。',
      '（四）加强版权保护，维护版权所有人合法权益。',
      '技术支持：组织专家为企业提供诊断服务。',
    ].join('\n');
    expect(cleanText(raw, 'txt')).toBe(raw);
  });
});

describe('cleanText: a 文号 broken over two lines', () => {
  it('rejoins a letterhead 文号 and a cited one, whatever the format', () => {
    expect(cleanText('湖北省人民政府办公厅文件\n鄂政办发〔2019〕\n12号\n省人民政府办公厅关于…的通知', 'txt')).toBe(
      '湖北省人民政府办公厅文件\n鄂政办发〔2019〕12号\n省人民政府办公厅关于…的通知',
    );
    expect(cleanText('根据《意见》（国办发〔2018〕\n104号）精神，制定本办法。', 'html')).toBe('根据《意见》（国办发〔2018〕104号）精神，制定本办法。');
    expect(cleanText('贯彻国办发\n〔2018〕104号文件精神', 'txt')).toBe('贯彻国办发〔2018〕104号文件精神');
  });

  it('does not join a year in brackets with a count on the next line', () => {
    expect(cleanText('实施期限（2019）\n12个项目已完成', 'txt')).toBe('实施期限（2019）\n12个项目已完成');
  });
});

describe('cleanText: table rows from HTML and DOCX', () => {
  it('keeps table cells apart where a stray PDF space would be removed', () => {
    expect(cleanText('序号\t重点任务\t责任单位\n1\t支持研发投入\t区科委、区财政局\n2\t支持企业融资\t区金融办', 'docx')).toBe(
      '序号 重点任务 责任单位\n1 支持研发投入 区科委、区财政局\n2 支持企业融资 区金融办',
    );
  });

  it('treats a tab after a colon or a label as an ordinary space', () => {
    expect(cleanText('发布机构：\t某市人民政府\n一、\t总体要求', 'html')).toBe('发布机构：某市人民政府\n一、总体要求');
  });
});

describe('cleanText: a short printed document', () => {
  it('drops a running header printed on both of its two pages, keeping the first line', () => {
    const raw = [
      '某市支持个体工商户发展实施方案',
      '关于印发某市支持个体工商户发展实施方案的通知',
      '一、工作目标',
      '第 1 页共 2 页',
      '\f某市支持个体工商户发展实施方案',
      '二、主要任务',
      '第 2 页共 2 页',
    ].join('\n');
    expect(cleanText(raw, 'pdf').split('\n')).toEqual([
      '某市支持个体工商户发展实施方案',
      '关于印发某市支持个体工商户发展实施方案的通知',
      '一、工作目标',
      '二、主要任务',
    ]);
  });

  it('rejoins a wrapped citation whose line ends with the closing 》 of a title', () => {
    // Lines as LibreOffice typeset them at a 28-em measure, extracted from the PDF.
    const raw = [
      '为贯彻落实《国务院办公厅关于进一步加大对中小企业纾困',
      '帮扶力度的通知》（国办发〔2021〕45 号）和《广西壮族自治',
      '区人民政府办公厅关于进一步支持个体工商户发展的若干措施》',
      '（桂政办发〔2021〕66 号）精神，稳定和扩大个体工商户规模，',
      '制定本方案。',
      '（一）降低准入门槛。全面推行个体工商户登记“智能审',
      '批”，实现登记注册“零见面、零费用、零跑腿”，申请材料齐',
      '全的即时办结。（责任单位：市市场监管局）',
      '（二）减轻税费负担。对月销售额 15 万元以下的增值税小',
      '规模纳税人免征增值税，个体工商户年应纳税所得额不超过 100',
      '万元的部分，在现行优惠政策基础上减半征收个人所得税。',
    ].join('\n');
    expect(cleanText(raw, 'pdf').split('\n')[0]).toBe(
      '为贯彻落实《国务院办公厅关于进一步加大对中小企业纾困帮扶力度的通知》（国办发〔2021〕45号）和《广西壮族自治区人民政府办公厅关于进一步支持个体工商户发展的若干措施》（桂政办发〔2021〕66号）精神，稳定和扩大个体工商户规模，制定本方案。',
    );
  });
});

describe('cleanText: letter-spaced chapter titles', () => {
  it('closes up single characters spaced by ideographic spaces, not words', () => {
    expect(cleanText('目　　录\n第一章　总　　则\n市财政局　市科技局', 'txt')).toBe('目录\n第一章 总则\n市财政局 市科技局');
  });
});

describe('cleanText: field names that end like a button', () => {
  it('keeps 发文字号 while removing the 字号 button', () => {
    expect(cleanText('发文字号：合政办〔2020〕7号\n【字号：大 中 小】', 'html')).toBe('发文字号：合政办〔2020〕7号');
  });
});
