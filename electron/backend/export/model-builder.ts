import { isMethodName, type MethodName } from '../../../shared/api/contract';
import type { BackendContext } from '../context';
import { loadComparison } from './comparison-source';
import type { AnnotationAnchor, ExportAnnotation, ExportAttribute, ExportCoding, ExportComparison, ExportDocument, ExportModel, ExportTheme } from './model';

/**
 * Gathers an ExportModel through the other features' contract methods (never their tables).
 * A feature whose methods are missing from this build leaves its part empty with a warning,
 * so an export still produces what it can.
 */

export interface ModelScope {
  comparisonId?: number;
  /** Also gather every comparison (the JSON export of a whole project). */
  allComparisons?: boolean;
  /** Restrict to these documents (project exports leave it out: every document). */
  documentIds?: number[];
}

/**
 * What the model is gathered through: the contract as a client, the app's version, and which
 * methods answer (the team server implements part of the contract; by default every method of
 * this build's contract does).
 */
export type ModelSource = Pick<BackendContext, 'api'> & { info: { version: string }; available?: (method: MethodName) => boolean };

export async function buildModel(ctx: ModelSource, scope: ModelScope, projectName: string, onStep: (label: string) => void = () => {}): Promise<ExportModel> {
  const warnings: string[] = [];
  const answers = (m: string) => isMethodName(m) && (ctx.available?.(m) ?? true);
  const has = (m: string, what: string) => {
    if (answers(m)) return true;
    if (!warnings.some((w) => w.includes(what))) warnings.push(`${what} are not available in this build and were left out.`);
    return false;
  };

  let comparison: ExportComparison | null = null;
  if (scope.comparisonId != null) {
    onStep('comparison');
    comparison = await loadComparison(ctx, scope.comparisonId, warnings);
  }

  onStep('documents');
  const summaries = await ctx.api.documents.list({});
  const wanted = comparison ? new Set(comparison.documentIds) : scope.documentIds ? new Set(scope.documentIds) : null;
  const documents: ExportDocument[] = [];
  for (const s of summaries) {
    if (wanted && !wanted.has(s.id)) continue;
    const { text } = await ctx.api.documents.text({ id: s.id });
    const clauses = await ctx.api.documents.clauses({ id: s.id });
    documents.push({
      id: s.id,
      file: s.file,
      title: s.title,
      city: s.city,
      province: s.province,
      level: s.level,
      issuer: s.issuer,
      docNumber: s.docNumber,
      dateWritten: s.dateWritten,
      datePublished: s.datePublished,
      validity: s.validity,
      period: s.period,
      year: s.year,
      text,
      clauses: clauses.map((c) => ({
        id: c.id,
        docId: c.docId,
        parentId: c.parentId,
        label: c.label,
        kind: c.kind,
        heading: c.heading,
        text: c.text,
        start: c.start,
        end: c.end,
        path: c.path,
        agencies: c.agencies,
        instrument: null,
      })),
    });
  }
  const docIds = new Set(documents.map((d) => d.id));

  onStep('attributes');
  let attributes: ExportAttribute[] = [];
  if (has('attributes.list', 'Document attributes')) {
    attributes = (await ctx.api.attributes.list({})).map((a) => ({ id: a.id, name: a.name, type: a.type, options: a.options }));
    const byId = new Map(documents.map((d) => [d.id, d]));
    for (const v of await ctx.api.attributes.values({ docIds: [...docIds] })) {
      const d = byId.get(v.docId);
      if (d) d.attributes = v.values;
    }
  }

  onStep('themes');
  const themes: ExportTheme[] = [];
  const codings: ExportCoding[] = [];
  if (has('themes.codebook', 'Themes and codings')) {
    const book = await ctx.api.themes.codebook({});
    for (const t of book.themes) {
      themes.push({
        id: t.id,
        parentId: t.parentId,
        name: t.nameZh || t.nameEn,
        nameEn: t.nameEn || null,
        color: t.color,
        instrument: t.instrument,
        description: t.description || null,
      });
    }
  }
  if (has('themes.clauses', 'Themes and codings')) {
    for (const d of documents) {
      const byClause = new Map(d.clauses.map((c) => [c.id, c]));
      for (const ct of await ctx.api.themes.clauses({ docId: d.id })) {
        const clause = byClause.get(ct.clauseId);
        if (!clause) continue;
        clause.instrument = ct.instrument;
        for (const t of ct.themes) {
          codings.push({
            id: `c${t.codingId}`,
            docId: d.id,
            clauseId: clause.id,
            wholeClause: true,
            start: clause.start,
            end: clause.end,
            themeId: t.id,
            status: t.status,
            source: t.source,
          });
        }
        for (const r of ct.ranges) {
          codings.push({
            id: `c${r.codingId}`,
            docId: d.id,
            clauseId: clause.id,
            wholeClause: false,
            start: r.start,
            end: r.end,
            themeId: r.themeId,
            status: 'accepted',
            source: 'manual',
          });
        }
      }
    }
  }

  onStep('annotations');
  const annotations: ExportAnnotation[] = [];
  if (has('notes.list', 'Annotations')) {
    const list = await ctx.api.notes.list({ limit: 5000 });
    for (const s of list) {
      const t = s.target;
      let anchor: AnnotationAnchor | null = null;
      if (t.kind === 'document' && docIds.has(t.docId)) anchor = { kind: 'document', docId: t.docId };
      else if (t.kind === 'clause' && docIds.has(t.docId)) anchor = { kind: 'clause', docId: t.docId, clauseId: t.clauseId };
      else if (t.kind === 'range' && docIds.has(t.docId)) anchor = { kind: 'range', docId: t.docId, start: t.start, end: t.end, clauseId: s.context.clauseId };
      else if (t.kind === 'alignmentRow' && (comparison ? t.comparisonId === comparison.id || t.comparisonId === null : true)) {
        if (!comparison || t.clauseIds.some((id) => documents.some((d) => d.clauses.some((c) => c.id === id))))
          anchor = { kind: 'row', rowId: t.rowKey, clauseIds: t.clauseIds };
      } else if (t.kind === 'comparison' && comparison && t.comparisonId === comparison.id) anchor = { kind: 'comparison' };
      if (!anchor) continue;
      const full = await ctx.api.notes.get({ id: s.id });
      annotations.push({ id: `a${s.id}`, anchor, lexical: full.content, text: full.plainText, createdAt: full.createdAt });
    }
  }

  onStep('targets');
  let targets: ExportModel['targets'] = null;
  if (answers('extraction.targets')) {
    const { rows } = await ctx.api.extraction.targets({ docIds: [...docIds] });
    targets = rows.map((r) => ({
      docId: r.docId,
      clauseId: r.clauseId,
      path: r.path,
      metric: r.metric,
      value: r.value,
      valueMax: r.valueMax,
      unit: r.unit,
      year: r.year,
      bound: r.bound,
      text: r.text,
    }));
  }

  const comparisons: ExportComparison[] = [];
  if (scope.allComparisons && has('compare.list', 'Comparisons')) {
    onStep('comparisons');
    for (const c of await ctx.api.compare.list({})) comparisons.push(await loadComparison(ctx, c.id, []));
  }

  return {
    projectName,
    appVersion: ctx.info.version,
    exportedAt: new Date().toISOString(),
    comparison,
    documents,
    themes,
    codings,
    annotations,
    targets,
    comparisons,
    attributes,
    warnings,
  };
}
