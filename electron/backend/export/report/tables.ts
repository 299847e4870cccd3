import { extractTargets } from '../../../../shared/domain/quantities';
import { type ExportClause, type ExportCoding, type ExportModel, type ReportOptions, indexModel } from '../model';
import { type Labels, labelsFor, valueWord } from './labels';

/**
 * The tabular exports as plain header + rows, shared by the XLSX and CSV writers.
 * The coding table has one row per coded clause or coded range: the unit a researcher counts.
 */

export interface Table {
  name: string;
  header: string[];
  rows: Array<Array<string | number | null>>;
  /** Horizontal alignment of the first columns (XLSX); the others are left-aligned and wrap. */
  align?: Array<'left' | 'right' | 'center'>;
  /** False for one-line records (a concordance): no wrapping, rows of one line. */
  wrap?: boolean;
}
// The comparison table (one row per aligned row) lives in comparison-table.ts.

function agenciesOf(c: ExportClause | undefined): string {
  if (!c) return '';
  return [...new Set([...c.agencies.lead, ...c.agencies.responsible])].join('、');
}

/** The researcher's own attributes of a document, one column each (yes/no in the report's language). */
function attributeCells(
  model: ExportModel,
  values: Record<string, string | number | boolean> | undefined,
  locale: ReportOptions['locale'],
): Array<string | number | null> {
  return (model.attributes ?? []).map((a) => {
    const v = values?.[String(a.id)];
    if (typeof v === 'boolean') return locale === 'zh-CN' ? (v ? '是' : '否') : v ? 'yes' : 'no';
    return v ?? null;
  });
}

export function codingTable(model: ExportModel, options: ReportOptions, l: Labels = labelsFor(options.locale)): Table {
  const { docs, clauses, themes } = indexModel(model);
  const inComparison = model.comparison ? new Set(model.comparison.documentIds) : null;
  const kept = model.codings.filter(
    (c) =>
      c.status !== 'rejected' && (options.includeSuggested || c.status === 'accepted' || c.source === 'manual') && (!inComparison || inComparison.has(c.docId)),
  );
  // Group by what was coded: a whole clause, or one exact range.
  const groups = new Map<string, ExportCoding[]>();
  for (const c of kept) {
    const key = c.wholeClause && c.clauseId != null ? `c${c.clauseId}` : `r${c.docId}:${c.start}:${c.end}`;
    const list = groups.get(key) ?? [];
    list.push(c);
    groups.set(key, list);
  }
  const instrumentWord = (i: string | null) => (i ? ((l as Record<string, string>)[i] ?? i) : '');
  const rows = [...groups.values()].map((list) => {
    const first = list[0];
    const doc = docs.get(first.docId);
    const clause = first.clauseId != null ? clauses.get(first.clauseId) : undefined;
    const text = first.wholeClause && clause ? clause.text : (doc?.text.slice(first.start, first.end) ?? '');
    const themeList = list.map((c) => themes.get(c.themeId)).filter((t) => !!t);
    const instruments = [...new Set([...themeList.map((t) => t.instrument), clause?.instrument ?? null].filter((x): x is NonNullable<typeof x> => !!x))];
    const notes = model.annotations
      .filter((a) => {
        if (a.anchor.kind === 'clause') return first.wholeClause && a.anchor.clauseId === first.clauseId;
        if (a.anchor.kind === 'range') return a.anchor.docId === first.docId && a.anchor.start < first.end && a.anchor.end > first.start;
        return false;
      })
      .map((a) => a.text.trim())
      .filter(Boolean);
    return {
      sort: [first.docId, first.start] as const,
      cells: [
        doc?.title ?? doc?.file ?? '',
        doc?.city ?? '',
        doc?.year ?? null,
        doc?.docNumber ?? '',
        clause ? clause.path || clause.label : '',
        text,
        [...new Set(themeList.map((t) => t.name))].join('; '),
        instruments.map(instrumentWord).join('; '),
        agenciesOf(clause),
        notes.join('\n'),
        [...new Set(list.map((c) => valueWord(l, c.status)))].join('; '),
        ...attributeCells(model, doc?.attributes, options.locale),
      ],
    };
  });
  rows.sort((a, b) => a.sort[0] - b.sort[0] || a.sort[1] - b.sort[1]);
  return {
    name: l.codings,
    header: [
      l.document,
      l.city,
      l.year,
      l.docNumber,
      l.path,
      l.text,
      l.themes,
      l.instrument,
      l.agencies,
      l.annotation,
      l.status,
      ...(model.attributes ?? []).map((a) => a.name),
    ],
    rows: rows.map((r) => r.cells),
  };
}

export function targetsTable(model: ExportModel, options: ReportOptions, l: Labels = labelsFor(options.locale)): Table {
  const ids = model.comparison ? new Set(model.comparison.documentIds) : null;
  const rows: Table['rows'] = [];
  if (model.targets) {
    const { docs } = indexModel(model);
    for (const t of model.targets) {
      const d = docs.get(t.docId);
      if (!d || (ids && !ids.has(t.docId))) continue;
      rows.push([
        d.title ?? d.file,
        d.city ?? '',
        t.path,
        t.metric ?? '',
        t.valueMax != null ? `${t.value}–${t.valueMax}` : t.value,
        t.unit,
        t.year,
        valueWord(l, t.bound),
        t.text,
      ]);
    }
    return { name: l.targets, header: [l.document, l.city, l.path, l.metric, l.value, l.unit, l.year, l.bound, l.quantity], rows };
  }
  for (const d of model.documents) {
    if (ids && !ids.has(d.id)) continue;
    for (const c of d.clauses) {
      const end = (d.period ?? '').match(/(?:19|20)[0-9]{2}/gu)?.pop();
      for (const q of extractTargets(c.text, { defaultYear: end ? Number(end) : undefined })) {
        rows.push([d.title ?? d.file, d.city ?? '', c.path || c.label, q.metric ?? '', q.value, q.unit, q.year ?? null, valueWord(l, q.bound), q.text]);
      }
    }
  }
  return { name: l.targets, header: [l.document, l.city, l.path, l.metric, l.value, l.unit, l.year, l.bound, l.quantity], rows };
}
