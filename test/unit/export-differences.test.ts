import { describe, expect, it } from 'vitest';
import { cutAtWord, safeFileName } from '../../electron/backend/export/files';
import { differingShare, segmentText } from '../../electron/backend/export/report/segments';

const marked = (text: string, ref: string, agencies?: { own: string[]; other: string[] }) =>
  segmentText(text, ref, agencies)
    .filter((s) => s.diff)
    .map((s) => s.text);

describe('report highlights: only real differences', () => {
  it('two versions of one sentence: only the amount that differs', () => {
    expect(marked('对小微企业给予最高100万元的贷款贴息。', '对小微企业给予最高1000万元的贷款贴息。')).toEqual(['100万元']);
    expect(marked('对小微企业给予最高1000万元的贷款贴息。', '对小微企业给予最高1000万元的贷款贴息。')).toEqual([]);
  });

  it('an added phrase is marked, shared wording in another order is not', () => {
    expect(marked('支持小微企业开展技术改造，鼓励发展跨境电子商务。', '鼓励发展跨境电子商务，支持小微企业开展技术改造。')).toEqual([]);
    expect(marked('支持小微企业开展技术改造和品牌建设。', '支持小微企业开展技术改造。')).toEqual(['和品牌建设']);
  });

  it('another agency is marked even when the wording is otherwise different', () => {
    const a = '鼓励小微企业通过融资租赁方式融资，按不超过实际融资额的2%给予补助。（市经济信息化委、市财政局负责）';
    const b = '支持企业共享研发公共服务平台资源，对使用大型科学仪器的测试费用给予资金补贴。（责任部门：市科技局、市财政局）';
    const m = marked(a, b, { own: ['市经济信息化委', '市财政局'], other: ['市科技局', '市财政局'] });
    expect(m).toContain('市经济信息化委');
    expect(m).not.toContain('市财政局');
    expect(m.join('')).toContain('2%');
    // Different texts on one subject: not nearly everything, only the quantity and the agency.
    expect(differingShare(a, b, { own: ['市经济信息化委', '市财政局'], other: ['市科技局', '市财政局'] })).toBeLessThan(0.25);
  });
});

describe('export file names', () => {
  it('a long comparison name is cut at a word or punctuation, never inside a word, and fits a file system', () => {
    const latin = `${'Financing guarantees for small firms '.repeat(8)}end`;
    const cut = safeFileName(latin);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(180);
    expect(latin.startsWith(cut)).toBe(true);
    expect(latin[cut.length]).toMatch(/\s/);
    const zh = `${'青岛市与温州市小微企业融资担保政策比较，'.repeat(12)}`;
    const zhCut = safeFileName(zh);
    expect(Buffer.byteLength(zhCut)).toBeLessThanOrEqual(180);
    expect(zh.startsWith(zhCut)).toBe(true);
    expect(zhCut.endsWith('比较')).toBe(true);
    expect(cutAtWord('短名称 short', 180)).toBe('短名称 short');
    expect([...cutAtWord('😀'.repeat(100), 10)].every((c) => c === '😀')).toBe(true);
  });
});
