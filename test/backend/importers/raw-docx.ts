// A .docx written from WordprocessingML by hand, for the importer tests that need XML the `docx` package
// does not write (lvlRestart, numbering through styles, fields, revisions, text boxes, another prefix).
import JSZip from 'jszip';

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const NAMESPACES =
  `xmlns:w="${W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" ' +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';

export interface RawDocxParts {
  /** The content of <w:body>. */
  body: string;
  /** The content of <w:numbering> (abstractNum and num elements). */
  numbering?: string;
  /** The content of <w:styles>. */
  styles?: string;
  /** The content of <w:footnotes>. */
  footnotes?: string;
  /** A whole document.xml, when the test needs its own root element (another namespace prefix). */
  documentXml?: string;
}

export async function makeRawDocx(parts: RawDocxParts): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    parts.documentXml ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NAMESPACES}><w:body>${parts.body}</w:body></w:document>`,
  );
  if (parts.numbering !== undefined)
    zip.file('word/numbering.xml', `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${NAMESPACES}>${parts.numbering}</w:numbering>`);
  if (parts.footnotes !== undefined)
    zip.file('word/footnotes.xml', `<?xml version="1.0" encoding="UTF-8"?><w:footnotes ${NAMESPACES}>${parts.footnotes}</w:footnotes>`);
  if (parts.styles !== undefined) zip.file('word/styles.xml', `<?xml version="1.0" encoding="UTF-8"?><w:styles ${NAMESPACES}>${parts.styles}</w:styles>`);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** <w:p> with text, optionally numbered (numId/ilvl) or styled. */
export function para(text: string, opts: { numId?: number; ilvl?: number; style?: string } = {}): string {
  const numPr =
    opts.numId === undefined && opts.ilvl === undefined
      ? ''
      : `<w:numPr>${opts.ilvl === undefined ? '' : `<w:ilvl w:val="${opts.ilvl}"/>`}${opts.numId === undefined ? '' : `<w:numId w:val="${opts.numId}"/>`}</w:numPr>`;
  const style = opts.style ? `<w:pStyle w:val="${opts.style}"/>` : '';
  const pPr = style || numPr ? `<w:pPr>${style}${numPr}</w:pPr>` : '';
  return `<w:p>${pPr}${text === '' ? '' : `<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`}</w:p>`;
}

export interface LevelSpec {
  numFmt: string;
  lvlText: string;
  start?: number;
  /** w:lvlRestart: 0 = never restart. */
  restart?: number;
  pStyle?: string;
  suffix?: 'tab' | 'space' | 'nothing';
  isLgl?: boolean;
}

export function abstractNum(id: number, levels: LevelSpec[]): string {
  const lvls = levels
    .map(
      (l, i) =>
        `<w:lvl w:ilvl="${i}"><w:start w:val="${l.start ?? 1}"/><w:numFmt w:val="${l.numFmt}"/>` +
        (l.restart === undefined ? '' : `<w:lvlRestart w:val="${l.restart}"/>`) +
        (l.pStyle ? `<w:pStyle w:val="${l.pStyle}"/>` : '') +
        (l.isLgl ? '<w:isLgl/>' : '') +
        (l.suffix ? `<w:suff w:val="${l.suffix}"/>` : '') +
        `<w:lvlText w:val="${escapeXml(l.lvlText)}"/><w:lvlJc w:val="left"/></w:lvl>`,
    )
    .join('');
  return `<w:abstractNum w:abstractNumId="${id}"><w:multiLevelType w:val="multilevel"/>${lvls}</w:abstractNum>`;
}

/** A list instance; `startOverrides` maps a level to the number it restarts at in this instance. */
export function num(numId: number, abstractId: number, startOverrides: Record<number, number> = {}): string {
  const overrides = Object.entries(startOverrides)
    .map(([lvl, start]) => `<w:lvlOverride w:ilvl="${lvl}"><w:startOverride w:val="${start}"/></w:lvlOverride>`)
    .join('');
  return `<w:num w:numId="${numId}"><w:abstractNumId w:val="${abstractId}"/>${overrides}</w:num>`;
}
