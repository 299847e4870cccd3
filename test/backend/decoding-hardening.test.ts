// One bad byte must not refuse a whole text file: the best-fitting encoding decodes the rest with
// U+FFFD and the import report says where; only mostly-undecodable bytes are refused.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../electron/backend/importers/index';
import { freshProject } from '../contract/harness';

import { expectImportError } from './importers/expect-error';
import { readSeed, seedNames } from './importers/make-fixtures';
import { prng } from '../support/random';

const seed = readSeed(seedNames()[0]);
const utf8 = () => new Uint8Array(Buffer.from(seed, 'utf8'));

describe('text with a few damaged bytes imports, with a warning that says where', () => {
  it('a UTF-8 file whose last character is truncated', async () => {
    // The seed ends in a Chinese full stop: dropping its last byte truncates a 3-byte character.
    const whole = Buffer.from(seed.trimEnd(), 'utf8');
    expect(whole[whole.length - 1]).toBeGreaterThan(0x7f);
    const truncated = new Uint8Array(whole.subarray(0, whole.length - 1));
    const out = await extractFile('cut.txt', truncated, {});
    expect(out.encoding).toBe('utf-8');
    expect(out.text.endsWith('\uFFFD')).toBe(true);
    expect(out.text.slice(0, 200)).toBe(seed.slice(0, 200));
    expect(out.warnings.join(' ')).toMatch(/1 character could not be decoded as UTF-8.*line \d+, column \d+/);
  });

  it('a UTF-8 file with one 0xFF byte in the middle', async () => {
    const bytes = utf8();
    const at = seed.indexOf('\n', seed.length >> 1);
    const offset = Buffer.from(seed.slice(0, at), 'utf8').length;
    bytes[offset] = 0xff; // replaces a line break
    const out = await extractFile('flip.txt', bytes, {});
    expect(out.encoding).toBe('utf-8');
    expect(out.text.split('\uFFFD').length).toBe(2);
    const line = seed.slice(0, at).split('\n').length;
    expect(out.warnings.join(' ')).toContain(`line ${line}, column`);
  });

  it('a GB18030 file with two flipped bytes keeps GB18030', async () => {
    const bytes = new Uint8Array(iconv.encode(seed, 'gb18030'));
    bytes[1000] = 0xff;
    bytes[3001] = 0x80;
    const out = await extractFile('gb.txt', bytes, {});
    expect(out.encoding).toBe('gb18030');
    expect(out.text.slice(0, 100)).toBe(seed.slice(0, 100));
    expect(out.warnings.join(' ')).toMatch(/could not be decoded as GB18030/);
  });

  it('a UTF-8 file with 30 random bit flips out of 100 still imports; mostly garbage is refused', async () => {
    const rand = prng(15);
    const bytes = utf8();
    for (let i = 0; i < 30; i++) bytes[Math.floor(rand() * bytes.length)] ^= 1 << Math.floor(rand() * 8);
    const out = await extractFile('flips.txt', bytes, {});
    expect(out.text.length).toBeGreaterThan(seed.length * 0.9);
    const garbage = new Uint8Array(4000);
    for (let i = 0; i < garbage.length; i++) garbage[i] = 0x80 + Math.floor(rand() * 0x7f);
    await expectImportError(extractFile('garbage.txt', garbage, {}), 'bad_file', /undecodable/);
  });

  it('the import report carries the warning beside the file', async () => {
    const p = await freshProject({ seeds: false });
    try {
      const whole = Buffer.from(seed.trimEnd(), 'utf8');
      const report = await p.backend.api.documents.importFiles({
        files: [{ name: 'cut.txt', dataBase64: whole.subarray(0, whole.length - 1).toString('base64') }],
      });
      expect(report.errors).toEqual([]);
      expect(report.imported.length).toBe(1);
      expect(report.warnings?.[0].file).toBe('cut.txt');
      expect(report.warnings?.[0].message).toMatch(/could not be decoded/);
    } finally {
      p.dispose();
    }
  });
});
