import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { type DocParagraph, type DocRun, type RichBlock, richToParagraphs } from '../../../../shared/domain/lexical-render';
import type { Report, ReportClause, ReportRow } from '../report/build';

/** The report as a Word document: title page with the documents, then one table per aligned row. */

const CJK_FONT = { ascii: 'Calibri', hAnsi: 'Calibri', eastAsia: 'Microsoft YaHei', cs: 'Calibri' };
const NUMBER_COLOR = '0B5CAD';

function runOf(r: DocRun): TextRun {
  return new TextRun({
    text: r.text,
    break: r.breakBefore ? 1 : undefined,
    bold: r.bold,
    italics: r.italic,
    underline: r.underline || r.href ? {} : undefined,
    strike: r.strike,
    subScript: r.sub,
    superScript: r.sup,
    highlight: r.highlight ? 'yellow' : undefined,
    font: r.code ? 'Consolas' : undefined,
    style: r.href ? 'Hyperlink' : undefined,
  });
}

function childrenOf(runs: DocRun[]): ParagraphChild[] {
  return runs.map((r) => (r.href ? new ExternalHyperlink({ link: r.href, children: [runOf(r)] }) : runOf(r)));
}

function noteParagraph(p: DocParagraph): Paragraph {
  const indent = { left: 360 + p.level * 360 };
  const base = { border: { left: { style: BorderStyle.SINGLE, size: 12, color: '8C959F', space: 6 } }, indent };
  if (p.style === 'heading') return new Paragraph({ ...base, children: childrenOf(p.runs.map((r) => ({ ...r, bold: true }))) });
  if (p.style === 'bullet') return new Paragraph({ ...base, bullet: { level: Math.min(p.level, 8) }, children: childrenOf(p.runs) });
  if (p.style === 'numbered') return new Paragraph({ ...base, children: [new TextRun(`${p.prefix ?? ''} `), ...childrenOf(p.runs)] });
  if (p.style === 'quote') return new Paragraph({ ...base, children: childrenOf(p.runs.map((r) => ({ ...r, italic: true }))) });
  return new Paragraph({ ...base, children: childrenOf(p.runs) });
}

function notes(blocks: RichBlock[][]): Paragraph[] {
  return blocks.flatMap((b) => [...richToParagraphs(b).map(noteParagraph), new Paragraph('')]);
}

function clauseParagraphs(c: ReportClause): Paragraph[] {
  const head = [c.path, c.heading].filter(Boolean).join(' ');
  const runs = c.segments.map(
    (s) => new TextRun({ text: s.text, highlight: s.diff ? 'yellow' : undefined, bold: s.number || undefined, color: s.number ? NUMBER_COLOR : undefined }),
  );
  return [...(head ? [new Paragraph({ children: [new TextRun({ text: head, color: '57606A', size: 18 })] })] : []), new Paragraph({ children: runs })];
}

function rowBlock(r: Report, row: ReportRow): Array<Paragraph | Table> {
  const cols = r.columns.map((col, i) => ({ col, cell: row.cells[i] })).filter((x) => x.cell.length || r.columns.length <= 4);
  const width = Math.floor(100 / Math.max(1, cols.length));
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: cols.map(
          (x) =>
            new TableCell({
              width: { size: width, type: WidthType.PERCENTAGE },
              shading: { type: ShadingType.CLEAR, fill: 'F6F8FA', color: 'auto' },
              children: [new Paragraph({ children: [new TextRun({ text: x.col.heading, bold: true })] })],
            }),
        ),
      }),
      new TableRow({
        children: cols.map(
          (x) =>
            new TableCell({
              width: { size: width, type: WidthType.PERCENTAGE },
              children: x.cell.length ? x.cell.flatMap(clauseParagraphs) : [new Paragraph(r.labels.noClause)],
            }),
        ),
      }),
    ],
  });
  const out: Array<Paragraph | Table> = [new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(row.title)] }), table];
  if (row.themes.length) out.push(new Paragraph({ children: [new TextRun({ text: `${r.labels.themes}: `, bold: true }), new TextRun(row.themes.join('、'))] }));
  for (const link of row.links) out.push(new Paragraph({ children: [new TextRun({ text: link, color: '57606A', size: 18 })] }));
  out.push(...notes(row.annotations));
  return out;
}

export async function reportToDocx(r: Report): Promise<Buffer> {
  const l = r.labels;
  const titlePage: Array<Paragraph | Table> = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(r.title)] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: r.generatedLine, color: '57606A' })] }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(l.documents)] }),
  ];
  for (const d of r.documents) {
    titlePage.push(
      new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(d.heading)] }),
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: d.fields.map(
          ([k, v]) =>
            new TableRow({
              children: [
                new TableCell({
                  width: { size: 30, type: WidthType.PERCENTAGE },
                  children: [new Paragraph({ children: [new TextRun({ text: k, bold: true })] })],
                }),
                new TableCell({ width: { size: 70, type: WidthType.PERCENTAGE }, children: [new Paragraph(v)] }),
              ],
            }),
        ),
      }),
      ...notes(d.notes),
    );
  }
  if (r.notes.length) titlePage.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(l.notes)] }), ...notes(r.notes));
  // No page break after the title page: when the document fields run a few lines over a page,
  // a forced break leaves a page with those lines only.
  const body: Array<Paragraph | Table> = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(l.rows)] }),
    new Paragraph({
      children: [
        new TextRun({ text: l.legendDiff, highlight: 'yellow' }),
        new TextRun(' · '),
        new TextRun({ text: l.legendNumber, bold: true, color: NUMBER_COLOR }),
      ],
    }),
    ...r.rows.flatMap((row) => rowBlock(r, row)),
  ];
  if (r.unaligned.length)
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(l.unaligned)] }), ...r.unaligned.flatMap((row) => rowBlock(r, row)));
  if (r.rejected.length)
    body.push(
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(l.rejected)] }),
      ...r.rejected.map((x) => new Paragraph({ bullet: { level: 0 }, text: x })),
    );
  const doc = new Document({
    creator: 'PolicyLens',
    title: r.title,
    styles: { default: { document: { run: { font: CJK_FONT, size: 21 } } } },
    sections: [{ children: [...titlePage, ...body] }],
  });
  return Packer.toBuffer(doc);
}
