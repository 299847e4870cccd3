// DOCX import: paragraphs and table rows come back as lines, and archives that are not DOCX files,
// zip bombs and password-protected documents are refused before anything is inflated.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../electron/backend/importers/index';
import { makeDocx, makeZipBomb, seedNames, seedParagraphs } from './importers/make-fixtures';
import { expectImportError } from './importers/expect-error';
import { declareUncompressedSize, makeOleFile } from './importers/zip-bytes';

describe('DOCX import of the seeds', () => {
  for (const seed of seedNames()) {
    it(`${seed} written as Word paragraphs comes back one paragraph per line`, async () => {
      const paragraphs = seedParagraphs(seed);
      const result = await extractFile('seed.docx', await makeDocx(paragraphs));
      expect(result.format).toBe('docx');
      expect(result.encoding).toBeNull();
      // Word keeps white space inside a run; HTML conversion collapses runs of spaces.
      expect(result.text.split('\n')).toEqual(paragraphs.map((p) => p.replace(/[ \t]+/g, ' ')));
    });
  }

  it('puts each table row on one line with its cells separated by tabs', async () => {
    const bytes = await makeDocx(['附件：任务分工表'], [['序号', '任务', '责任单位'], ['1', '加大财税支持', '市财政局、市税务局']]);
    const result = await extractFile('table.docx', bytes);
    expect(result.text).toBe('附件：任务分工表\n序号\t任务\t责任单位\n1\t加大财税支持\t市财政局、市税务局');
  });
});

describe('DOCX import refuses bad archives', () => {
  it('a file that is not a zip', async () => {
    await expectImportError(extractFile('notes.docx', new TextEncoder().encode('这不是Word文件')), 'bad_file', /notes\.docx.*not a Word \.docx file.*not one/);
  });

  it('a zip bomb (a 40 KB archive whose document.xml inflates to 40 MB, ratio 1000:1)', async () => {
    const bomb = await makeZipBomb(40);
    expect(bomb.length).toBeLessThan(200 * 1024);
    await expectImportError(extractFile('bomb.docx', bomb), 'bad_file', /zip bomb.*word\/document\.xml/);
  });

  it('a zip bomb whose headers lie about the uncompressed size', async () => {
    const honest = await makeZipBomb(20);
    const liar = declareUncompressedSize(honest, 'word/document.xml', 4096);
    await expectImportError(extractFile('liar.docx', liar), 'bad_file', /zip bomb.*inflates far beyond its stored size/);
  });

  it('a password-protected document', async () => {
    await expectImportError(extractFile('secret.docx', makeOleFile(true)), 'bad_file', /secret\.docx.*password-protected/);
  });

  it('an old Word .doc renamed to .docx', async () => {
    await expectImportError(extractFile('old.docx', makeOleFile(false)), 'unsupported', /Word 97-2003.*save it as \.docx/);
  });

  it('a zip that is not a Word document', async () => {
    const zip = new JSZip();
    zip.file('readme.txt', 'hello');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    await expectImportError(extractFile('archive.docx', bytes), 'bad_file', /not a Word document.*word\/document\.xml/);
  });

  it('a truncated .docx (first half of a real one)', async () => {
    const bytes = await makeDocx(seedParagraphs(seedNames()[0]));
    await expectImportError(extractFile('half.docx', bytes.subarray(0, bytes.length >> 1)), 'bad_file', /damaged or truncated/);
  });

  it('a Word document with no text', async () => {
    await expectImportError(extractFile('blank.docx', await makeDocx([])), 'bad_file', /blank\.docx.*has no text/);
  });
});
