import { lexicalToRich, type RichBlock } from '../../../../shared/domain/lexical-render';
import { type ExportAnnotation, type ExportClause, type ExportDocument, type ExportModel, type ExportRow, type ReportOptions, indexModel } from '../model';
import { type Labels, labelsFor, valueWord } from './labels';
import { type Segment, segmentText } from './segments';

/**
 * The comparison report as a format-neutral tree: the HTML, Markdown and DOCX writers only
 * lay this out. All decisions (which rows, what is highlighted, which notes go where) are here.
 */

export interface ReportClause {
  id: number;
  path: string;
  label: string;
  heading: string | null;
  segments: Segment[];
}

export interface ReportColumn {
  docId: number;
  /** Clauses of this column (a member may be one part of a document). */
  clauseIds: Set<number>;
  /** Short name for a column head: city and year, else the title. */
  heading: string;
}

export interface ReportRow {
  title: string;
  /** One cell per column, in column order; an empty array when that document has no clause here. */
  cells: ReportClause[][];
  themes: string[];
  /** e.g. "confirmed · score 0.82". */
  links: string[];
  annotations: RichBlock[][];
}

export interface ReportDocument {
  heading: string;
  fields: Array<[string, string]>;
  notes: RichBlock[][];
}

export interface Report {
  title: string;
  generatedLine: string;
  labels: Labels;
  documents: ReportDocument[];
  notes: RichBlock[][];
  columns: ReportColumn[];
  rows: ReportRow[];
  unaligned: ReportRow[];
  rejected: string[];
}

function docHeading(d: ExportDocument, l: Labels): string {
  const place = d.city ?? d.province;
  const when = d.year ?? d.period;
  if (place) return when ? `${place} ${when}` : place;
  return d.title ?? d.file ?? l.untitled;
}

function agencyNames(c: ExportClause): string[] {
  return [...c.agencies.lead, ...c.agencies.responsible];
}

function clauseName(c: ExportClause): string {
  return c.path || c.label || '';
}

export function buildReport(model: ExportModel, options: ReportOptions): Report {
  const l = labelsFor(options.locale);
  const { docs, clauses, themes } = indexModel(model);
  const comparisonDocs = model.comparison ? model.comparison.documentIds.map((id) => docs.get(id)).filter((d): d is ExportDocument => !!d) : model.documents;
  const columns: ReportColumn[] = model.comparison
    ? model.comparison.members
        .filter((m) => docs.has(m.docId))
        .map((m) => ({
          docId: m.docId,
          clauseIds: new Set(m.clauseIds),
          heading: m.partIndex != null ? `${docHeading(docs.get(m.docId)!, l)} · ${m.title}` : docHeading(docs.get(m.docId)!, l),
        }))
    : comparisonDocs.map((d) => ({ docId: d.id, clauseIds: new Set(d.clauses.map((c) => c.id)), heading: docHeading(d, l) }));
  // Two columns with the same city and year (two plans of one notice) get their titles added.
  for (const col of columns) {
    if (columns.filter((c) => c.heading === col.heading).length > 1) {
      const d = docs.get(col.docId)!;
      const m = model.comparison?.members.find((x) => x.clauseIds.some((id) => col.clauseIds.has(id)));
      col.heading = `${col.heading} · ${m?.partIndex != null ? m.title : (d.title ?? d.file)}`;
    }
  }

  const codings = model.codings.filter((c) => c.status !== 'rejected' && (options.includeSuggested || c.status === 'accepted' || c.source === 'manual'));
  const themeNames = (clauseIds: number[]): string[] => {
    const ids = new Set(clauseIds);
    const names = new Set<string>();
    for (const c of codings) {
      const inside = c.clauseId != null && ids.has(c.clauseId);
      if (!inside) continue;
      const t = themes.get(c.themeId);
      if (t) names.add(options.locale === 'zh-CN' || !t.nameEn ? t.name : `${t.name} ${t.nameEn}`);
    }
    return [...names];
  };
  const notesFor = (match: (a: ExportAnnotation) => boolean) => model.annotations.filter(match).map((a) => lexicalToRich(a.lexical));
  const clauseNotes = (clauseIds: number[]) => {
    const ids = new Set(clauseIds);
    return notesFor((a) => (a.anchor.kind === 'clause' || a.anchor.kind === 'range') && a.anchor.clauseId != null && ids.has(a.anchor.clauseId));
  };
  const statusWord = (s: string) => (s === 'confirmed' ? l.confirmed : s === 'rejected' ? l.rejectedStatus : l.suggested);
  const linkLine = (a: number, b: number, status: string, score: number) => {
    const ca = clauses.get(a);
    const cb = clauses.get(b);
    const name = (c: ExportClause | undefined) => (c ? `${columns.find((x) => x.clauseIds.has(c.id))?.heading ?? ''} ${clauseName(c)}`.trim() : '?');
    return `${name(ca)} ↔ ${name(cb)}: ${statusWord(status)} · ${l.score} ${score.toFixed(2)}`;
  };

  function rowOf(title: string, cellsIn: ExportRow['cells'], extra: { links: string[]; rowId?: string }): ReportRow {
    const texts = columns.map((col) => {
      const ids = cellsIn.flatMap((c) => c.clauseIds).filter((id) => col.clauseIds.has(id));
      return ids.map((id) => clauses.get(id)).filter((c): c is ExportClause => !!c);
    });
    const joined = texts.map((cs) => cs.map((c) => c.text).join('\n'));
    const reference = joined.find((t) => t) ?? null;
    const second = joined.find((t) => t && t !== reference) ?? null;
    const cells = texts.map((cs, i) => {
      // Each cell is compared with the first non-empty one; that one with the next.
      const ref = joined[i] === reference ? second : reference;
      const refAgencies = texts.find((_other, j) => j !== i && joined[j] === ref)?.flatMap(agencyNames) ?? [];
      return cs.map((c) => ({
        id: c.id,
        path: c.path,
        label: c.label,
        heading: c.heading,
        segments: segmentText(c.text, cs.length === 1 ? ref : null, { own: agencyNames(c), other: refAgencies }),
      }));
    });
    const allIds = texts.flat().map((c) => c.id);
    const inRow = new Set(allIds);
    const rowNotes = notesFor((a) => a.anchor.kind === 'row' && (a.anchor.rowId === extra.rowId || a.anchor.clauseIds.some((id) => inRow.has(id))));
    return { title, cells, themes: themeNames(allIds), links: extra.links, annotations: [...rowNotes, ...clauseNotes(allIds)] };
  }

  const rows = (model.comparison?.rows ?? []).map((r, i) => {
    const shown = r.links.filter((k) => k.status !== 'rejected');
    return rowOf(`${l.row} ${i + 1}`, r.cells, { rowId: r.id, links: shown.map((k) => linkLine(k.a, k.b, k.status, k.score)) });
  });

  const unaligned: ReportRow[] = [];
  if (options.includeUnaligned) {
    const inRows = new Set((model.comparison?.rows ?? []).flatMap((r) => r.cells.flatMap((c) => c.clauseIds)));
    columns.forEach((col, member) => {
      for (const c of docs.get(col.docId)!.clauses) {
        if (!col.clauseIds.has(c.id) || inRows.has(c.id) || c.kind !== 'measure' || !c.text.trim()) continue;
        unaligned.push(rowOf(`${col.heading} ${clauseName(c)}`, [{ member, docId: col.docId, clauseIds: [c.id] }], { links: [] }));
      }
    });
  }

  const rejected = options.includeRejected
    ? (model.comparison?.links ?? []).filter((k) => k.status === 'rejected').map((k) => linkLine(k.a, k.b, k.status, k.score))
    : [];

  const documents = comparisonDocs.map((d) => {
    const fields: Array<[string, string | number | null]> = [
      [l.title, d.title],
      [l.file, d.file],
      [l.city, d.city],
      [l.province, d.province],
      [l.level, valueWord(l, d.level)],
      [l.issuer, d.issuer],
      [l.docNumber, d.docNumber],
      [l.dateWritten, d.dateWritten],
      [l.datePublished, d.datePublished],
      [l.validity, d.validity],
      [l.period, d.period],
      [l.clauseCount, d.clauses.filter((c) => c.kind === 'measure' || c.kind === 'heading').length],
    ];
    const notes = notesFor((a) => a.anchor.kind === 'document' && a.anchor.docId === d.id);
    return {
      heading: d.title ?? docHeading(d, l),
      notes,
      fields: fields.filter((f): f is [string, string | number] => f[1] != null && f[1] !== '').map(([k, v]) => [k, String(v)] as [string, string]),
    };
  });

  return {
    title: model.comparison?.name ?? model.projectName,
    generatedLine: `${l.report} · ${l.generated} ${model.exportedAt.slice(0, 16).replace('T', ' ')} · PolicyLens ${model.appVersion}`,
    labels: l,
    documents,
    notes: notesFor((a) => a.anchor.kind === 'comparison'),
    columns,
    rows,
    unaligned,
    rejected,
  };
}
