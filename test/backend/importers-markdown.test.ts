// Markdown import: the reading text stays (headings, list numbers, table cells), the markup goes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../electron/backend/importers/index';
import { expectImportError } from './importers/expect-error';
import { readSeed, repoRoot, seedNames } from './importers/make-fixtures';
import { analyseDocument } from '../../shared/domain/analyze/index';

const importMd = async (md: string) => (await extractFile('plan.md', new TextEncoder().encode(md))).text;

describe('Markdown import', () => {
  it('keeps the text of a hand-written policy note and strips its markup', async () => {
    const bytes = readFileSync(path.join(repoRoot, 'test/fixtures/importers/policy-notes.md'));
    const result = await extractFile('policy-notes.md', bytes);
    expect(result.format).toBe('md');
    expect(result.encoding).toBe('utf-8');
    expect(result.text).toBe(
      [
        '关于支持小微企业发展的若干措施',
        '',
        '为贯彻落实《国务院关于进一步支持小型微型企业健康发展的意见》（国发〔2012〕14号），制定本措施。',
        '',
        '一、加大财税支持',
        '',
        '1. 落实小型微利企业所得税优惠政策。',
        '2) 对小微企业减半征收企业所得税。',
        '',
        '市财政局负责',
        '市税务局配合',
        '引用：旧政策废止。',
        '',
        '',
        'HTML 块中的文字',
        '',
        '序号\t任务\t责任单位',
        '1\t融资担保\t市金融办',
        '',
        '代码块原样保留 *不改*',
        '',
        '',
        '参见附件，*星号*保留，snake_case_name 不变，2 * 3 * 4 = 24。',
      ]
        .join('\n')
        .replace(/\n{3,}/g, '\n\n'),
    );
  });

  it('leaves a seed without markup unchanged', async () => {
    // Seed 004 is plain prose: read as Markdown it must come back word for word.
    const text = readSeed(seedNames()[4]);
    const result = await extractFile('seed.md', new TextEncoder().encode(text));
    expect(result.text.replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
  });

  it('refuses a file with markup and no text', async () => {
    await expectImportError(extractFile('images.md', new TextEncoder().encode('![a](a.png)\n\n---\n')), 'bad_file', /images\.md.*no text/);
  });
});

describe('Markdown lists keep their numbering as rendered', () => {
  it('prints an ordered list nested in an ordered list as （1）, a third level as ①, and drops bullets', async () => {
    const md = [
      '一、重点任务',
      '',
      '1. 推进网络建设。',
      '   1. 加快5G覆盖。',
      '   2. 建设千兆光网。',
      '      1. 工业园区全覆盖。',
      '2. 建设工业互联网平台。',
      '   - 要点不编号',
      '   1. 支持龙头企业。',
      '\t1. 用制表符缩进的子项。',
    ].join('\n');
    expect((await importMd(md)).split('\n')).toEqual([
      '一、重点任务',
      '',
      '1. 推进网络建设。',
      '（1）加快5G覆盖。',
      '（2）建设千兆光网。',
      '①工业园区全覆盖。',
      '2. 建设工业互联网平台。',
      '要点不编号',
      '（1）支持龙头企业。',
      '（2）用制表符缩进的子项。',
    ]);
  });

  it('numbers items as a renderer does: 1. 1. 1. reads 1. 2. 3., a list starts at its first number, a new delimiter or a paragraph starts a new list', async () => {
    const md = ['1. 甲', '1. 乙', '1. 丙', '', '说明段落。', '', '3. 丁', '8. 戊', '1) 己', '1) 庚'].join('\n');
    expect((await importMd(md)).split('\n')).toEqual(['1. 甲', '2. 乙', '3. 丙', '', '说明段落。', '', '3. 丁', '4. 戊', '1) 己', '2) 庚']);
  });

  it('keeps a continuation paragraph inside its item, so the list counts on after it', async () => {
    const md = ['1. 甲项。', '', '   甲项的第二段。', '', '1. 乙项。', '   1. 子项。', '   续写的子项说明。', '   1. 第二个子项。'].join('\n');
    expect((await importMd(md)).split('\n')).toEqual([
      '1. 甲项。',
      '',
      '甲项的第二段。',
      '',
      '2. 乙项。',
      '（1）子项。',
      '续写的子项说明。',
      '（2）第二个子项。',
    ]);
  });

  it('lets segmentation see the nesting: nested items become children of their item', async () => {
    const md = [
      '# 关于推进数字化转型的实施方案',
      '',
      '## 一、重点任务',
      '',
      '1. 推进网络建设。',
      '   1. 加快5G覆盖。',
      '   2. 建设千兆光网。',
      '2. 建设平台。',
      '   1. 支持龙头企业。',
    ].join('\n');
    const extracted = await extractFile('plan.md', new TextEncoder().encode(md));
    const { clauses } = analyseDocument(extracted, 'plan.md');
    const shape = clauses.filter((c) => c.label !== '').map((c) => `${c.path}`);
    expect(shape).toEqual(['一', '一-1', '一-1-（1）', '一-1-（2）', '一-2', '一-2-（1）']);
  });
});
