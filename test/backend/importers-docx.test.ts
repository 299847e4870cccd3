// DOCX import: paragraphs and table rows come back as lines, only what prints is kept (no deleted
// revisions, field codes or hidden text), and archives that are not DOCX files, zip bombs,
// password-protected documents and malformed XML are refused before anything is inflated.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../electron/backend/importers/index';
import { makeDocx, makeZipBomb, seedNames, seedParagraphs } from './importers/make-fixtures';
import { expectImportError } from './importers/expect-error';
import { declareUncompressedSize, makeOleFile } from './importers/zip-bytes';
import { W_NS, abstractNum, makeRawDocx, num, para } from './importers/raw-docx';

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
    const bytes = await makeDocx(
      ['附件：任务分工表'],
      [
        ['序号', '任务', '责任单位'],
        ['1', '加大财税支持', '市财政局、市税务局'],
      ],
    );
    const result = await extractFile('table.docx', bytes);
    expect(result.text).toBe('附件：任务分工表\n序号\t任务\t责任单位\n1\t加大财税支持\t市财政局、市税务局');
  });
});

describe('DOCX import keeps what prints', () => {
  const importBody = async (body: string, extra: Parameters<typeof makeRawDocx>[0] extends infer P ? Omit<P & object, 'body'> : never = {}) =>
    (await extractFile('runs.docx', await makeRawDocx({ body, ...extra }))).text;

  it('keeps link text, inserted text and field results; drops deleted text, field codes and hidden text; empty paragraphs are a blank line', async () => {
    const body =
      '<w:p><w:r><w:t>详见</w:t></w:r><w:hyperlink r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:r><w:t>政策原文</w:t></w:r></w:hyperlink>' +
      '<w:del w:id="1" w:author="a"><w:r><w:delText>已删除</w:delText></w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t>，新增</w:t></w:r></w:ins>' +
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>第3页</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
      '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏文字</w:t></w:r><w:r><w:rPr><w:vanish w:val="false"/></w:rPr><w:t>可见</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t xml:space="preserve">甲  </w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t><w:noBreakHyphen/><w:t>丁</w:t><w:sym w:font="Wingdings" w:char="F0FC"/><w:sym w:font="SimSun" w:char="2605"/></w:r></w:p>' +
      '<w:p/><w:p><w:r><w:t xml:space="preserve">   </w:t></w:r></w:p><w:p><w:fldSimple w:instr=" DATE "><w:r><w:t>2021年3月15日</w:t></w:r></w:fldSimple></w:p>';
    // The two empty paragraphs are one blank line, as the gap they leave in print.
    expect(await importBody(body)).toBe('详见政策原文，新增第3页可见\n甲 乙\n丙-丁★\n\n2021年3月15日');
  });

  it('reads rows of several cells as tab-separated lines and a one-cell box as lines; numbering counts through tables', async () => {
    const cell = (...paragraphs: string[]) => `<w:tc>${paragraphs.join('')}</w:tc>`;
    const body =
      para('总体要求', { numId: 1, ilvl: 0 }) +
      `<w:tbl><w:tr>${cell(para('序号'))}${cell(para('任务'))}${cell(para('责任单位'))}</w:tr>` +
      `<w:tr>${cell(para('1'))}${cell(para('加大财税支持。'), para('落实减税政策。'))}${cell(para('市财政局'))}</w:tr>` +
      `<w:tr>${cell(para(''))}${cell(para(''))}${cell(para(''))}</w:tr></w:tbl>` +
      `<w:tbl><w:tr>${cell(para('重点任务', { numId: 1, ilvl: 0 }), para('正文一段。'), `<w:tbl><w:tr>${cell(para('甲'))}${cell(para('乙'))}</w:tr></w:tbl>`)}</w:tr></w:tbl>` +
      para('组织保障', { numId: 1, ilvl: 0 });
    const numbering = abstractNum(1, [{ numFmt: 'chineseCounting', lvlText: '%1、' }]) + num(1, 1);
    expect(await importBody(body, { numbering })).toBe(
      '一、总体要求\n序号\t任务\t责任单位\n1\t加大财税支持。 落实减税政策。\t市财政局\n二、重点任务\n正文一段。\n甲\t乙\n三、组织保障',
    );
  });

  it('puts the text of a text box after the paragraph that anchors it, once (not again from its VML fallback)', async () => {
    const box = (text: string) => `<w:txbxContent>${para(text)}</w:txbxContent>`;
    const body =
      `<w:p><w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>${box('方框里的说明')}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><v:shape><v:textbox>${box('方框里的说明')}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>继续</w:t></w:r></w:p>` +
      para('下一段');
    expect(await importBody(body)).toBe('正文继续\n方框里的说明\n下一段');
  });

  it('puts footnotes after the body, without the separator notes Word keeps there', async () => {
    const footnotes =
      '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>' +
      `<w:footnote w:id="1">${para('指《中小企业促进法》。')}</w:footnote>`;
    const body = '<w:p><w:r><w:t>依法支持</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t>中小企业。</w:t></w:r></w:p>';
    expect(await importBody(body, { footnotes })).toBe('依法支持中小企业。\n指《中小企业促进法》。');
  });

  it('reads a document whose WordprocessingML namespace has another prefix', async () => {
    const documentXml = `<?xml version="1.0"?><ns0:document xmlns:ns0="${W_NS}"><ns0:body><ns0:p><ns0:r><ns0:t>第一段</ns0:t></ns0:r></ns0:p><ns0:p><ns0:r><ns0:t>第二段</ns0:t></ns0:r></ns0:p></ns0:body></ns0:document>`;
    expect((await extractFile('ns.docx', await makeRawDocx({ body: '', documentXml }))).text).toBe('第一段\n第二段');
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

  it('a document.xml that is not well-formed XML', async () => {
    const bytes = await makeRawDocx({ body: '', documentXml: `<w:document xmlns:w="${W_NS}"><w:body><w:p><w:r><w:t>未闭合</w:r></w:p></w:body></w:document>` });
    await expectImportError(extractFile('broken.docx', bytes), 'bad_file', /broken\.docx.*damaged: word\/document\.xml is not readable XML/);
  });

  it('a document.xml that declares a DTD (entity expansion)', async () => {
    const documentXml = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">]><w:document xmlns:w="${W_NS}"><w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:body></w:document>`;
    await expectImportError(extractFile('dtd.docx', await makeRawDocx({ body: '', documentXml })), 'bad_file', /dtd\.docx.*declares a DTD/);
  });

  it('a document.xml nested 5,000 elements deep', async () => {
    const body = '<w:sdt><w:sdtContent>'.repeat(5000) + para('深处') + '</w:sdtContent></w:sdt>'.repeat(5000);
    await expectImportError(extractFile('deep.docx', await makeRawDocx({ body })), 'bad_file', /deep\.docx.*nested more deeply than any Word document/);
  });

  it('a Word document with no text', async () => {
    await expectImportError(extractFile('blank.docx', await makeDocx([])), 'bad_file', /blank\.docx.*has no text/);
  });
});
