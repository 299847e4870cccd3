import JSZip from 'jszip';
import { lexicalToRich, richToPlain } from '../../../../shared/domain/lexical-render';
import { type ExportClause, type ExportModel, type ReportOptions, indexModel } from '../model';
import { OffsetMap } from './codepoints';
import { guidFactory } from './guid';
import { attributeVariables } from './variables';
import { el, renderXml, type XmlNode } from './xml';

/**
 * A REFI-QDA project (.qdpx): a zip holding project.qde (QDA-XML 1.0) and each document's
 * cleaned text as sources/<GUID>.txt in UTF-8. Themes become Codes (with colours and the
 * theme tree), codings become PlainTextSelections (positions in code points), annotations
 * become Notes referenced from the text they are about, alignment links become Links between
 * the two clauses' selections, and document metadata becomes document Variables.
 */

interface Selection {
  guid: string;
  start: number;
  end: number;
  codings: Array<{ guid: string; codeGuid: string; created: string }>;
  noteGuids: string[];
}

const VARIABLES = [
  ['city', 'City'],
  ['province', 'Province'],
  ['issuer', 'Issuer'],
  ['docNumber', 'Document number 文号'],
  ['dateWritten', 'Date written'],
  ['datePublished', 'Date published'],
  ['period', 'Period'],
  ['validity', 'Validity'],
] as const;

/** Where a clause's own text lies in the document: after its label. */
export function ownTextRange(docText: string, c: ExportClause): { start: number; end: number } {
  const slice = docText.slice(c.start, c.end);
  const at = c.text ? slice.indexOf(c.text) : -1;
  return at >= 0 ? { start: c.start + at, end: c.start + at + c.text.length } : { start: c.start, end: c.end };
}

function nameOf(text: string, max = 40): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return [...t].length > max ? [...t].slice(0, max).join('') + '…' : t;
}

export function buildProjectXml(
  model: ExportModel,
  options: ReportOptions,
  namespace?: string,
): {
  xml: string;
  sources: Array<{ path: string; text: string }>;
  counts: { codes: number; sources: number; selections: number; codings: number; notes: number; links: number };
} {
  const guid = guidFactory(namespace ?? `policylens:${model.projectName}`);
  const { clauses } = indexModel(model);
  const now = model.exportedAt.replace(/\.\d+Z$/, 'Z');
  const user = guid('user');
  const docIds = new Set(model.comparison ? model.comparison.documentIds : model.documents.map((d) => d.id));
  const documents = model.documents.filter((d) => docIds.has(d.id));

  // Codebook: the theme tree, children under their parents.
  const codeNode = (id: string): XmlNode => {
    const t = model.themes.find((x) => x.id === id)!;
    const description = [t.nameEn, t.instrument ? `instrument: ${t.instrument}` : null, t.description].filter(Boolean).join('\n');
    return el(
      'Code',
      { guid: guid(`theme:${t.id}`), name: t.name, isCodable: true, color: t.color && /^#[0-9a-f]{6}$/i.test(t.color) ? t.color.toUpperCase() : undefined },
      description ? el('Description', {}, description) : null,
      model.themes.filter((c) => c.parentId === t.id).map((c) => codeNode(c.id)),
    );
  };
  const themeIds = new Set(model.themes.map((t) => t.id));
  const roots = model.themes.filter((t) => !t.parentId || !themeIds.has(t.parentId));

  // Selections per document, keyed by UTF-16 range; codings on the same range share one.
  const selections = new Map<number, Map<string, Selection>>();
  const selectionFor = (docId: number, start: number, end: number): Selection => {
    const byRange = selections.get(docId) ?? new Map<string, Selection>();
    selections.set(docId, byRange);
    const key = `${start}:${end}`;
    let s = byRange.get(key);
    if (!s) byRange.set(key, (s = { guid: guid(`sel:${docId}:${key}`), start, end, codings: [], noteGuids: [] }));
    return s;
  };
  const textOf = new Map(documents.map((d) => [d.id, d.text]));
  const clauseRange = (clauseId: number) => {
    const c = clauses.get(clauseId);
    return c && textOf.has(c.docId) ? { docId: c.docId, ...ownTextRange(textOf.get(c.docId)!, c) } : null;
  };

  let codingCount = 0;
  for (const c of model.codings) {
    if (!docIds.has(c.docId) || c.status === 'rejected' || !themeIds.has(c.themeId)) continue;
    if (!options.includeSuggested && c.status !== 'accepted' && c.source !== 'manual') continue;
    const range = c.wholeClause && c.clauseId != null ? clauseRange(c.clauseId) : { docId: c.docId, start: c.start, end: c.end };
    if (!range || range.end <= range.start) continue;
    selectionFor(range.docId, range.start, range.end).codings.push({ guid: guid(`coding:${c.id}`), codeGuid: guid(`theme:${c.themeId}`), created: now });
    codingCount++;
  }

  // Notes: each annotation once; referenced from its text, its row's clauses, or the project.
  const notes: XmlNode[] = [];
  const projectNoteRefs: string[] = [];
  const docNotes = new Map<number, string[]>();
  for (const a of model.annotations) {
    const noteGuid = guid(`note:${a.id}`);
    const text = a.text.trim() || richToPlain(lexicalToRich(a.lexical));
    const targets: Array<{ docId: number; start: number; end: number }> = [];
    if (a.anchor.kind === 'clause') {
      const r = clauseRange(a.anchor.clauseId);
      if (r) targets.push(r);
    } else if (a.anchor.kind === 'range') {
      if (textOf.has(a.anchor.docId)) targets.push({ docId: a.anchor.docId, start: a.anchor.start, end: a.anchor.end });
    } else if (a.anchor.kind === 'document') {
      if (!textOf.has(a.anchor.docId)) continue;
      docNotes.set(a.anchor.docId, [...(docNotes.get(a.anchor.docId) ?? []), noteGuid]);
    } else if (a.anchor.kind === 'row') {
      for (const id of a.anchor.clauseIds) {
        const r = clauseRange(id);
        if (r) targets.push(r);
      }
    }
    if (a.anchor.kind === 'comparison') projectNoteRefs.push(noteGuid);
    else if (!targets.length && a.anchor.kind !== 'document') continue; // about a document outside this export
    for (const t of targets) selectionFor(t.docId, t.start, t.end).noteGuids.push(noteGuid);
    notes.push(
      el(
        'Note',
        { guid: noteGuid, name: nameOf(text) || 'Note', creatingUser: user, creationDateTime: (a.createdAt ?? now).replace(/\.\d+Z$/, 'Z') },
        el('PlainTextContent', {}, text),
      ),
    );
  }

  // Alignment links between clauses of exported documents: a REFI Link between their selections.
  const links: XmlNode[] = [];
  for (const k of model.comparison?.links ?? []) {
    if (k.status === 'rejected' && !options.includeRejected) continue;
    const a = clauseRange(k.a);
    const b = clauseRange(k.b);
    if (!a || !b) continue;
    const sa = selectionFor(a.docId, a.start, a.end);
    const sb = selectionFor(b.docId, b.start, b.end);
    links.push(
      el('Link', {
        guid: guid(`link:${k.a}:${k.b}`),
        name: `${k.status} ${k.score.toFixed(2)}`,
        direction: 'Associative',
        originGUID: sa.guid,
        targetGUID: sb.guid,
      }),
    );
  }

  const variableGuid = (key: string) => guid(`var:${key}`);
  const custom = attributeVariables(model, guid);
  const sources: Array<{ path: string; text: string }> = [];
  let selectionCount = 0;
  const sourceNodes = documents.map((d) => {
    const sguid = guid(`doc:${d.id}`);
    sources.push({ path: `sources/${sguid}.txt`, text: d.text });
    const map = new OffsetMap(d.text);
    const sels = [...(selections.get(d.id)?.values() ?? [])].sort((x, y) => x.start - y.start || x.end - y.end);
    selectionCount += sels.length;
    return el(
      'TextSource',
      { guid: sguid, name: d.title ?? d.file, plainTextPath: `internal://${sguid}.txt`, creatingUser: user, creationDateTime: now },
      sels.map((s) =>
        el(
          'PlainTextSelection',
          {
            guid: s.guid,
            name: nameOf(d.text.slice(s.start, s.end)),
            startPosition: map.toCodePoint(s.start),
            endPosition: map.toCodePoint(s.end),
            creatingUser: user,
            creationDateTime: now,
          },
          s.codings.map((c) => el('Coding', { guid: c.guid, creatingUser: user, creationDateTime: c.created }, el('CodeRef', { targetGUID: c.codeGuid }))),
          [...new Set(s.noteGuids)].map((n) => el('NoteRef', { targetGUID: n })),
        ),
      ),
      (docNotes.get(d.id) ?? []).map((n) => el('NoteRef', { targetGUID: n })),
      VARIABLES.filter(([k]) => d[k]).map(([k]) =>
        el('VariableValue', {}, el('VariableRef', { targetGUID: variableGuid(k) }), el('TextValue', {}, String(d[k]))),
      ),
      custom.valuesOf(d),
    );
  });

  const project = el(
    'Project',
    {
      xmlns: 'urn:QDA-XML:project:1.0',
      name: model.comparison?.name ?? model.projectName,
      origin: `PolicyLens ${model.appVersion}`,
      creatingUserGUID: user,
      creationDateTime: now,
      modifyingUserGUID: user,
      modifiedDateTime: now,
    },
    el('Users', {}, el('User', { guid: user, name: 'PolicyLens', id: 'policylens' })),
    roots.length
      ? el(
          'CodeBook',
          {},
          el(
            'Codes',
            {},
            roots.map((t) => codeNode(t.id)),
          ),
        )
      : null,
    el(
      'Variables',
      {},
      VARIABLES.map(([k, label]) => el('Variable', { guid: variableGuid(k), name: label, typeOfVariable: 'Text' })),
      custom.variables,
    ),
    sourceNodes.length ? el('Sources', {}, sourceNodes) : null,
    notes.length ? el('Notes', {}, notes) : null,
    links.length ? el('Links', {}, links) : null,
    projectNoteRefs.map((n) => el('NoteRef', { targetGUID: n })),
  );
  return {
    xml: renderXml(project),
    sources,
    counts: {
      codes: model.themes.length,
      sources: sourceNodes.length,
      selections: selectionCount,
      codings: codingCount,
      notes: notes.length,
      links: links.length,
    },
  };
}

export async function modelToQdpx(model: ExportModel, options: ReportOptions): Promise<Buffer> {
  const { xml, sources } = buildProjectXml(model, options);
  const zip = new JSZip();
  zip.file('project.qde', xml);
  for (const s of sources) zip.file(s.path, s.text);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
