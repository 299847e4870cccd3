// Markdown import: the reading text stays (headings, list numbers, table cells), the markup goes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../electron/backend/importers/index';
import { expectImportError } from './importers/expect-error';
import { readSeed, repoRoot, seedNames } from './importers/make-fixtures';

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
      ].join('\n').replace(/\n{3,}/g, '\n\n'),
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
