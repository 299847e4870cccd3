import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import { buildModel } from '../../electron/backend/export/model-builder';
import { ApiError } from '../../shared/api/errors';
import { freshProject } from '../contract/harness';

// A .qdpx as other tools write it, with the deviations seen in the wild: the project file named
// after the project, CRLF line ends and a BOM in the source, memos as <Description>, three-digit
// colours, and things PolicyLens cannot hold (a PDF source, a set, a note on a code).
const G = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const SOURCE = '\uFEFF关于支持小微企业发展的意见\r\n\r\n一、融资支持\r\n(一)设立𠀀小微企业转贷资金，规模1亿元。\r\n(二)引进高层次人才，给予安家补贴。\r\n';

function foreignQde(sel: Array<{ text: string; code: number; memo?: string; note?: number }>): string {
  const raw = SOURCE.slice(1); // positions count code points of the text after the BOM, CRLF included
  const cp = (s: string) => Array.from(raw.slice(0, raw.indexOf(s))).length;
  const selections = sel
    .map(
      (s, i) => `<PlainTextSelection guid="${G(100 + i)}" name="sel" startPosition="${cp(s.text)}" endPosition="${cp(s.text) + Array.from(s.text).length}">
        ${s.memo ? `<Description>${s.memo}</Description>` : ''}<Coding guid="${G(200 + i)}"><CodeRef targetGUID="${G(s.code)}"/></Coding>${s.note ? `<NoteRef targetGUID="${G(s.note)}"/>` : ''}
      </PlainTextSelection>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="My Study" origin="OtherTool 2020">
  <CodeBook><Codes>
    <Code guid="${G(1)}" name="金融外来" isCodable="true" color="#f0a"><Description>Money matters</Description><NoteRef targetGUID="${G(9)}"/>
      <Code guid="${G(2)}" name="转贷" isCodable="true" color="#123456"/>
    </Code>
    <Code guid="${G(3)}" name="人才外来" isCodable="true"/>
  </Codes></CodeBook>
  <Sources>
    <TextSource guid="${G(50)}" name="外来意见" plainTextPath="internal://${G(50)}.txt">
      ${selections}
    </TextSource>
    <PDFSource guid="${G(60)}" name="scan" path="internal://${G(60)}.pdf"/>
  </Sources>
  <Notes>
    <Note guid="${G(8)}" name="n"><PlainTextContent>备注：转贷规模偏小</PlainTextContent></Note>
    <Note guid="${G(9)}" name="code memo"><PlainTextContent>about the code</PlainTextContent></Note>
  </Notes>
  <Sets><Set guid="${G(70)}" name="a set"/></Sets>
</Project>`;
}

async function qdpx(files: Record<string, string>): Promise<string> {
  const zip = new JSZip();
  for (const [k, v] of Object.entries(files)) zip.file(k, v);
  return (await zip.generateAsync({ type: 'nodebuffer' })).toString('base64');
}

let disposers: Array<() => void> = [];
afterEach(() => {
  disposers.forEach((d) => d());
  disposers = [];
});
async function emptyProject(): Promise<Backend> {
  const p = await freshProject({ seeds: false });
  disposers.push(p.dispose);
  return p.backend;
}

describe('REFI-QDA import from other tools', () => {
  it('accepts <Project>.qde, CRLF sources and memos as Description, and puts codings on the right words', async () => {
    const b = await emptyProject();
    const qde = foreignQde([
      { text: '设立𠀀小微企业转贷资金', code: 2, memo: '备忘：转贷', note: 8 },
      { text: '引进高层次人才', code: 3 },
    ]);
    const report = await b.api.project.importQdpx({
      file: { name: 'study.qdpx', dataBase64: await qdpx({ 'My Study.qde': qde, [`sources/${G(50)}.txt`]: SOURCE }) },
    });
    expect(report.documents.length).toBe(1);
    expect(report.themes.created).toBe(3);
    expect(report.codings).toBe(2);
    const warnings = report.warnings.join('\n');
    for (const w of ['My Study.qde', 'CRLF', 'pdf source', 'Sets', 'code "金融外来"']) expect(warnings).toContain(w);
    const model = await buildModel(b.context, {}, 'x');
    const doc = model.documents[0];
    const names = new Map(model.themes.map((t) => [t.id, t]));
    const coded = model.codings
      .filter((c) => c.source === 'manual' || c.status === 'accepted')
      .map((c) => `${names.get(c.themeId)!.name}|${c.wholeClause ? doc.clauses.find((x) => x.id === c.clauseId)!.text : doc.text.slice(c.start, c.end)}`);
    expect(coded).toEqual(expect.arrayContaining(['转贷|设立𠀀小微企业转贷资金', '人才外来|引进高层次人才']));
    const child = model.themes.find((t) => t.name === '转贷')!;
    expect(names.get(child.parentId!)!.name).toBe('金融外来');
    expect(names.get(child.parentId!)!.color).toBe('#ff00aa');
    const notes = model.annotations.map((a) => `${a.anchor.kind}:${a.text.trim()}`);
    expect(notes).toEqual(expect.arrayContaining(['range:备注：转贷规模偏小', 'range:备忘：转贷']));
  });

  it('refuses what is not a REFI-QDA project with a clear error and changes nothing', async () => {
    const b = await emptyProject();
    const before = (await b.api.documents.list({})).length;
    const cases: Array<[string, string, RegExp]> = [
      ['not a zip', Buffer.from('hello').toString('base64'), /not a zip archive|a \.qdpx is a zip/],
      ['zip without project', await qdpx({ 'readme.txt': 'x' }), /no project file/],
      ['DTD bomb', await qdpx({ 'project.qde': '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><Project name="x"/>' }), /DTD or entities/],
      ['not XML', await qdpx({ 'project.qde': '<Project name="x"><Sources>' }), /not well-formed|no <Project>/],
    ];
    for (const [what, data, message] of cases) {
      const err = await b.api.project.importQdpx({ file: { name: `${what}.qdpx`, dataBase64: data } }).catch((e) => e);
      expect(err, what).toBeInstanceOf(ApiError);
      expect((err as ApiError).code, what).toBe('bad_file');
      expect((err as ApiError).message, what).toMatch(message);
    }
    expect((await b.api.documents.list({})).length).toBe(before);
  });
});
