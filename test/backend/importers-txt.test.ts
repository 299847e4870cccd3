// Plain-text import: every seed survives the encodings Chinese offices save in, and bad bytes are
// refused with a message that says why. Normalisation the importer applies (and the tests expect):
// the byte-order mark is dropped and CRLF / CR line ends become LF; nothing else changes.
import { randomBytes } from 'node:crypto';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../electron/backend/importers/index';
import { readSeed, seedNames } from './importers/make-fixtures';
import { expectImportError } from './importers/expect-error';

const encodings: Array<{ name: string; encoding: string; bom: boolean }> = [
  { name: 'UTF-8 without BOM', encoding: 'utf-8', bom: false },
  { name: 'UTF-8 with BOM', encoding: 'utf-8', bom: true },
  { name: 'UTF-16 LE with BOM', encoding: 'utf-16le', bom: true },
  { name: 'UTF-16 BE with BOM', encoding: 'utf-16be', bom: true },
  { name: 'GB18030', encoding: 'gb18030', bom: false },
];

describe('TXT import of the seeds in every encoding', () => {
  for (const seed of seedNames()) {
    for (const { name, encoding, bom } of encodings) {
      it(`${seed} saved as ${name} comes back as the UTF-8 text`, async () => {
        const text = readSeed(seed);
        const bytes = iconv.encode(text, encoding, { addBOM: bom });
        const result = await extractFile(seed, bytes);
        expect(result.text).toBe(text);
        expect(result.encoding).toBe(encoding);
        expect(result.format).toBe('txt');
      });
    }
  }

  it('reads GBK (the GB2312/GBK subset of GB18030) files as gb18030', async () => {
    const text = readSeed(seedNames()[4]).replace(/[^\u0000-\u007f\u4e00-\u9fa5，。、；：（）《》“”]/g, '');
    const result = await extractFile('gbk.txt', iconv.encode(text, 'gbk'));
    expect(result.text).toBe(text);
    expect(result.encoding).toBe('gb18030');
  });

  it('turns Windows line ends into LF', async () => {
    const text = readSeed(seedNames()[1]);
    const result = await extractFile('crlf.txt', iconv.encode(text.replace(/\n/g, '\r\n'), 'gb18030'));
    expect(result.text).toBe(text);
  });

  it('recognises a Big5 file instead of reading it as GBK nonsense', async () => {
    // Big5 cannot encode every simplified character; compare with what Big5 can hold.
    const big5 = iconv.encode(readSeed(seedNames()[3]).slice(3000, 6000), 'big5');
    const result = await extractFile('big5.txt', big5);
    expect(result.encoding).toBe('big5');
    expect(result.text).toBe(iconv.decode(big5, 'big5'));
    expect(result.warnings.join(' ')).toMatch(/guessed as BIG5/);
  });
});

describe('TXT import refuses what is not text', () => {
  it('an empty file', async () => {
    await expectImportError(extractFile('empty.txt', new Uint8Array(0)), 'bad_file', /empty\.txt.*the file is empty/);
  });

  it('random bytes', async () => {
    await expectImportError(
      extractFile('random.txt', new Uint8Array(randomBytes(4096))),
      'bad_file',
      /random\.txt.*(binary|neither valid UTF-8 nor valid GB18030)/,
    );
  });

  it('binary content with NUL bytes', async () => {
    const bytes = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0x41, 0x42]);
    await expectImportError(extractFile('program.txt', bytes), 'bad_file', /NUL bytes.*binary file/);
  });

  it('invalid bytes that are neither UTF-8 nor GB18030', async () => {
    // 0xFF is never a GB18030 lead byte, 0x80 never starts a UTF-8 character.
    const bytes = new Uint8Array(Array.from({ length: 400 }, (_, i) => (i % 2 === 0 ? 0xff : 0x80)));
    await expectImportError(extractFile('mojibake.txt', bytes), 'bad_file', /neither valid UTF-8 nor valid GB18030\/GBK/);
  });

  it('a UTF-16 byte-order mark followed by an odd number of bytes', async () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42]);
    await expectImportError(extractFile('broken16.txt', bytes), 'bad_file', /byte-order mark but the rest is not valid UTF-16LE/);
  });

  it('white space only', async () => {
    await expectImportError(extractFile('blank.txt', new TextEncoder().encode(' \n\t\n')), 'bad_file', /only white space/);
  });

  it('an unsupported extension', async () => {
    await expectImportError(extractFile('budget.xlsx', new Uint8Array([1, 2, 3])), 'unsupported', /budget\.xlsx.*\.txt/);
  });

  it('stops with "cancelled" when the signal has fired', async () => {
    const controller = new AbortController();
    controller.abort();
    await expectImportError(extractFile('a.txt', new TextEncoder().encode('政策'), { signal: controller.signal }), 'cancelled', /a\.txt/);
  });
});

describe('TXT import of large files', () => {
  it('imports a 10 MB single line quickly', async () => {
    const line = '小微企业创业创新基地城市示范'.repeat(Math.ceil((10 * 1024 * 1024) / 42));
    const bytes = new TextEncoder().encode(line);
    expect(bytes.length).toBeGreaterThanOrEqual(10 * 1024 * 1024);
    const started = performance.now();
    const result = await extractFile('one-line.txt', bytes);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(result.text.length).toBe(line.length);
  });

  it('imports a 10 MB single line in GB18030', async () => {
    const line = '政策文本'.repeat(1_400_000);
    const result = await extractFile('one-line-gb.txt', iconv.encode(line, 'gb18030'));
    expect(result.encoding).toBe('gb18030');
    expect(result.text).toBe(line);
  });
});
