// Word .docx: the text as the document prints, read straight from its XML (docx-body.ts), with the
// numbers Word prints before automatically numbered paragraphs (一、, （一）, 1., ①: docx-numbering.ts)
// put back in front of them, because in Chinese policy documents those numbers are the clause labels.
// One paragraph per line, one table row per line with its cells separated by tabs. The zip is checked
// first (zip-guard.ts) so a bomb is never inflated. Nothing in the file is executed.
import type JSZip from 'jszip';
import type { Importer } from '../types';
import { badFile } from '../errors';
import { openDocxZip } from '../zip-guard';
import { child, elements, parseXmlPart, type XmlElement } from './docx-xml';
import { DocxNumbering } from './docx-numbering';
import { DocxBodyReader } from './docx-body';

export const docxImporter: Importer = {
  format: 'docx',
  extensions: ['.docx'],
  sniff: (bytes) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04,
  async extract(bytes, ctx) {
    const zip = await openDocxZip(bytes, ctx.fileName);
    ctx.throwIfAborted();
    ctx.onProgress(0.3);
    const read = (partName: string) => readPart(zip, partName, ctx.fileName);
    const document = await read('word/document.xml');
    if (!document) throw badFile(ctx.fileName, 'it is a zip archive but not a Word document (it has no word/document.xml).');
    const related = await relatedParts(zip, ctx.fileName);
    const numbering = new DocxNumbering(await read(related.numbering), await read(related.styles));
    ctx.throwIfAborted();
    ctx.onProgress(0.6);

    const reader = new DocxBodyReader(numbering);
    const body = child(document, 'w:body');
    if (body) reader.read(body);
    // Footnotes and endnotes print at the foot of the page or the end; they follow the body here.
    for (const notesPart of [related.footnotes, related.endnotes]) {
      const notes = await read(notesPart);
      for (const note of elements(notes).filter((n) => n.name === 'w:footnote' || n.name === 'w:endnote')) {
        if (note.attrs['w:type'] === undefined || note.attrs['w:type'] === 'normal') reader.read(note);
      }
    }
    const result = reader.result();
    const text = result.lines.join('\n');
    if (text.replace(/\s+/g, '') === '') throw badFile(ctx.fileName, 'the document has no text (it may hold only images or be empty).');
    const warnings = result.skipped.map((what) => `Word import: ${what} could not be read and was left out.`);
    return { text, format: 'docx', encoding: null, warnings };
  },
};

async function readPart(zip: JSZip, partName: string, fileName: string): Promise<XmlElement | undefined> {
  const entry = zip.file(partName);
  if (!entry) return undefined;
  const xml = await entry.async('string');
  try {
    return parseXmlPart(xml);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    const detail = /nested tags/i.test(reason) ? 'its elements are nested more deeply than any Word document' : reason;
    throw badFile(fileName, `the .docx is damaged: ${partName} is not readable XML (${detail}).`);
  }
}

interface RelatedParts {
  numbering: string;
  styles: string;
  footnotes: string;
  endnotes: string;
}

/** Where the document keeps its numbering, styles and notes (word/_rels/document.xml.rels; the usual names otherwise). */
async function relatedParts(zip: JSZip, fileName: string): Promise<RelatedParts> {
  const parts: RelatedParts = { numbering: 'word/numbering.xml', styles: 'word/styles.xml', footnotes: 'word/footnotes.xml', endnotes: 'word/endnotes.xml' };
  const rels = await readPart(zip, 'word/_rels/document.xml.rels', fileName);
  for (const rel of elements(rels)) {
    const kind = /\/(numbering|styles|footnotes|endnotes)$/.exec(rel.attrs.Type ?? '')?.[1] as keyof RelatedParts | undefined;
    const target = rel.attrs.Target;
    if (!kind || !target || rel.attrs.TargetMode === 'External') continue;
    parts[kind] = target.startsWith('/') ? target.slice(1) : `word/${target}`.replace(/\/\.\//g, '/');
  }
  return parts;
}
