// The text of word/document.xml as lines, the way the document prints: one paragraph per line with the
// number Word prints before it (docx-numbering.ts), one table row per line with its cells separated by
// tabs, text boxes after the paragraph that anchors them. What does not print is left out: deleted
// revisions, field codes (only a field's result prints), hidden text, bullets.
import { child, elements, isOn, ownText, type XmlElement } from './docx-xml';
import type { DocxNumbering, PrintedLabel } from './docx-numbering';

/** Containers whose children are paragraphs and tables again. */
const BLOCK_WRAPPERS = new Set(['w:sdt', 'w:sdtContent', 'w:customXml', 'w:ins', 'w:moveTo', 'w:smartTag']);
/** Inline elements that never hold printed text of their own. */
const INLINE_SKIPPED = new Set(['w:pPr', 'w:rPr', 'w:del', 'w:moveFrom', 'w:sdtPr', 'w:sdtEndPr', 'w:customXmlPr', 'w:proofErr', 'w:permStart', 'w:permEnd']);

export interface BodyText {
  lines: string[];
  /** Things we saw but could not read, for the import warnings. */
  skipped: string[];
}

export class DocxBodyReader {
  private lines: string[] = [];
  private skipped = new Set<string>();

  constructor(private readonly numbering: DocxNumbering) {}

  /** Reads block content (w:body, a table cell, a footnote) after what was read before. */
  read(container: XmlElement): this {
    this.blocks(container);
    return this;
  }

  result(): BodyText {
    const last = this.lines.length > 0 && this.lines[this.lines.length - 1] === '' ? -1 : undefined;
    return { lines: this.lines.slice(0, last), skipped: [...this.skipped] };
  }

  private blocks(container: XmlElement): void {
    for (const el of elements(container)) {
      if (el.name === 'w:p') this.paragraph(el);
      else if (el.name === 'w:tbl') this.table(el);
      else if (BLOCK_WRAPPERS.has(el.name)) this.blocks(el);
      else if (el.name.endsWith(':AlternateContent')) {
        const branch = alternateBranch(el);
        if (branch) this.blocks(branch);
      } else if (el.name === 'w:altChunk') this.skipped.add('an embedded HTML or RTF chunk (w:altChunk)');
    }
  }

  private paragraph(p: XmlElement): void {
    const pPr = child(p, 'w:pPr');
    const label = this.numbering.next(pPr);
    const inline = new InlineText();
    inline.collect(p);
    const text = lineParts(inline.text);
    if (label && label.text !== '') text[0] = withLabel(label, text[0] ?? '');
    const printed = text.filter((line) => line !== '');
    // An empty paragraph is the vertical gap authors leave between blocks (title, body, signature);
    // it stays a blank line, as in a text file, one however many there are.
    if (printed.length === 0 && this.lines.length > 0 && this.lines[this.lines.length - 1] !== '') this.lines.push('');
    this.lines.push(...printed);
    for (const box of inline.textBoxes) this.blocks(box);
  }

  /**
   * A row of several cells is one line, cells separated by tabs (a cell's own paragraphs joined by a
   * space): a task table stays one task per line. A row of one cell is a box that lays out text
   * (a framed notice, a whole article in a one-column table): its paragraphs stay lines.
   */
  private table(tbl: XmlElement): void {
    for (const row of unwrap(tbl, 'w:tr')) {
      const cells = unwrap(row, 'w:tc').map((tc) => this.cellLines(tc).filter((line) => line !== ''));
      if (cells.length === 1) {
        this.lines.push(...cells[0]);
        continue;
      }
      const line = cells.map((c) => c.join(' ')).join('\t');
      if (line.trim() !== '') this.lines.push(line);
    }
  }

  /** A cell's lines, read by a reader of its own that shares the list counters (Word counts through tables). */
  private cellLines(tc: XmlElement): string[] {
    const cell = new DocxBodyReader(this.numbering).read(tc).result();
    for (const s of cell.skipped) this.skipped.add(s);
    return cell.lines;
  }
}

/** Rows of a table or cells of a row, also when wrapped in content controls or custom XML. */
function unwrap(parent: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const el of elements(parent)) {
    if (el.name === name) out.push(el);
    else if (BLOCK_WRAPPERS.has(el.name)) out.push(...unwrap(el, name));
  }
  return out;
}

/** mc:AlternateContent: the first choice (what current Word shows), else the fallback. */
function alternateBranch(alt: XmlElement): XmlElement | undefined {
  return elements(alt).find((e) => e.name.endsWith(':Choice')) ?? elements(alt).find((e) => e.name.endsWith(':Fallback'));
}

/** The printed label before the paragraph's text: no space after Chinese punctuation (一、加强), one after "1." */
function withLabel(label: PrintedLabel, text: string): string {
  const space = label.suffix !== 'nothing' && /[\x21-\x7e]$/.test(label.text) && text !== '' ? ' ' : '';
  return `${label.text}${space}${text}`;
}

/** A paragraph's text split at its line breaks, white space collapsed as a reader sees it. */
function lineParts(text: string): string[] {
  return text.split('\n').map((l) => l.replace(/[ \t\r\f]+/g, ' ').replace(/^ +| +$/g, ''));
}

/** The printed text of one paragraph's runs, and the text boxes anchored in it. */
class InlineText {
  text = '';
  textBoxes: XmlElement[] = [];
  /** Open fields: 'code' until w:fldChar separate, then 'result' (only the result prints). */
  private fields: Array<'code' | 'result'> = [];

  collect(el: XmlElement): void {
    for (const c of elements(el)) {
      if (INLINE_SKIPPED.has(c.name)) continue;
      if (c.name === 'w:r') this.run(c);
      else if (c.name.endsWith(':AlternateContent')) {
        const branch = alternateBranch(c);
        if (branch) this.collect(branch);
      } else this.collect(c); // hyperlinks, insertions, simple fields, content controls, smart tags
    }
  }

  private run(r: XmlElement): void {
    if (isOn(child(child(r, 'w:rPr'), 'w:vanish'))) return;
    for (const c of elements(r)) {
      switch (c.name) {
        case 'w:t':
          if (this.fields.at(-1) !== 'code') this.text += ownText(c);
          break;
        case 'w:tab':
        case 'w:ptab':
          this.text += '\t';
          break;
        case 'w:br':
        case 'w:cr':
          this.text += '\n';
          break;
        case 'w:noBreakHyphen':
          this.text += '-';
          break;
        case 'w:sym':
          this.text += symbol(c.attrs['w:char']);
          break;
        case 'w:fldChar':
          this.field(c.attrs['w:fldCharType']);
          break;
        case 'w:drawing':
        case 'w:pict':
          this.textBoxes.push(...findTextBoxes(c));
          break;
        default:
          if (c.name.endsWith(':AlternateContent')) {
            const branch = alternateBranch(c);
            if (branch) this.run({ ...r, children: branch.children });
          }
      }
    }
  }

  private field(type: string | undefined): void {
    if (type === 'begin') this.fields.push('code');
    else if (type === 'separate' && this.fields.length > 0) this.fields[this.fields.length - 1] = 'result';
    else if (type === 'end') this.fields.pop();
  }
}

/** A w:sym character; those in the symbol fonts' private area (U+F0xx) have no Unicode meaning. */
function symbol(hex: string | undefined): string {
  const code = hex === undefined ? NaN : Number.parseInt(hex, 16);
  if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xe000 && code <= 0xf8ff)) return '';
  return String.fromCodePoint(code);
}

/** The w:txbxContent elements inside a drawing or VML shape, in order (not those nested inside another box). */
function findTextBoxes(el: XmlElement, found: XmlElement[] = []): XmlElement[] {
  for (const c of elements(el)) {
    if (c.name === 'w:txbxContent') found.push(c);
    else if (c.name.endsWith(':AlternateContent')) {
      const branch = alternateBranch(c);
      if (branch) findTextBoxes(branch, found);
    } else findTextBoxes(c, found);
  }
  return found;
}
