import { instrumentById } from '../../../../shared/domain/align/lexicon';
import { type ExportClause, type ExportLink, type ExportModel, type ExportReason, type ReportOptions, indexModel } from '../model';
import { type Labels, labelsFor, valueWord } from './labels';
import type { Table } from './tables';

/**
 * The comparison as the table researchers otherwise build by hand in Excel: one row per aligned
 * row, one column per compared document (or part), then the score, the status, the themes coded
 * on the row's clauses, why the clauses were aligned and the notes on the row, all as text in
 * the chosen language. Built from ExportComparison.rows, whatever groups clauses into rows.
 */

const fill = (template: string, value: string) => template.replace('{0}', value);

function reasonText(r: ExportReason, l: Labels, zh: boolean): string {
  switch (r.kind) {
    case 'terms':
      return fill(l.reasonTerms, r.terms.join('、'));
    case 'section':
      return fill(l.reasonSection, r.terms.join('、'));
    case 'numbers':
      return fill(l.reasonNumbers, r.values.join(zh ? '、' : ', '));
    case 'instrument':
      return fill(l.reasonInstrument, r.instruments.map((i) => (zh ? instrumentById.get(i)?.zh : instrumentById.get(i)?.en) ?? i).join(zh ? '、' : ', '));
    case 'mutual':
      return l.reasonMutual;
  }
}

function clauseCell(cs: ExportClause[]): string {
  return cs.map((c) => [c.path || c.label, c.heading && !c.text.startsWith(c.heading) ? c.heading : '', c.text].filter(Boolean).join(' ').trim()).join('\n');
}

export function comparisonTable(model: ExportModel, options: ReportOptions, l: Labels = labelsFor(options.locale)): Table {
  const zh = options.locale === 'zh-CN';
  const { docs, clauses, themes } = indexModel(model);
  const members = model.comparison?.members ?? [];
  const heads = members.map((m) => {
    const d = docs.get(m.docId);
    const base = [d?.city, d?.year].filter(Boolean).join(' ') || d?.title || d?.file || String(m.docId);
    return m.partIndex != null && m.title !== base ? `${base} · ${m.title}` : base;
  });
  // Two columns with one name (two plans of one notice, two documents of one city and year) get their titles.
  heads.forEach((h, i) => {
    if (heads.filter((x) => x === h).length > 1)
      heads[i] = `${h} · ${members[i].partIndex != null ? members[i].title : (docs.get(members[i].docId)?.title ?? members[i].docId)}`;
  });
  const memberSets = members.map((m) => new Set(m.clauseIds));
  const codings = model.codings.filter((c) => c.status !== 'rejected' && (options.includeSuggested || c.status === 'accepted' || c.source === 'manual'));
  const themeName = (id: string) => {
    const t = themes.get(id);
    return !t ? id : zh || !t.nameEn ? t.name : t.nameEn;
  };

  function row(label: string | number, ids: number[], links: ExportLink[], rowId: string | null): Table['rows'][number] {
    const inRow = new Set(ids);
    const cells = memberSets.map((inMember) =>
      clauseCell(
        ids
          .filter((id) => inMember.has(id))
          .map((id) => clauses.get(id))
          .filter((c): c is ExportClause => !!c),
      ),
    );
    const shown = links.filter((k) => options.includeRejected || k.status !== 'rejected');
    const live = shown.filter((k) => k.status !== 'rejected');
    const score = (live.length ? live : shown).reduce<number | null>((m, k) => Math.max(m ?? 0, k.score), null);
    const statuses = [...new Set(shown.map((k) => valueWord(l, k.status)))];
    const themeNames = [...new Set(codings.filter((c) => c.clauseId != null && inRow.has(c.clauseId)).map((c) => themeName(c.themeId)))];
    const reasons = [...new Set(shown.flatMap((k) => (k.reasons ?? []).map((r) => reasonText(r, l, zh))))];
    const notes = model.annotations
      .filter((a) => a.anchor.kind === 'row' && (a.anchor.rowId === rowId || a.anchor.clauseIds.some((id) => inRow.has(id))))
      .map((a) => a.text.trim())
      .filter(Boolean);
    return [
      label,
      ...cells,
      score == null ? null : Math.round(score * 100) / 100,
      statuses.join(zh ? '、' : '; '),
      themeNames.join(zh ? '、' : '; '),
      reasons.join(zh ? '；' : '; '),
      notes.join('\n'),
    ];
  }

  const rows = (model.comparison?.rows ?? []).map((r, i) =>
    row(
      i + 1,
      r.cells.flatMap((c) => c.clauseIds),
      r.links,
      r.id,
    ),
  );
  if (options.includeRejected) {
    for (const k of (model.comparison?.links ?? []).filter((x) => x.status === 'rejected')) rows.push(row('', [k.a, k.b], [k], null));
  }
  return { name: l.comparisonTable, header: [l.rowId, ...heads, l.score, l.status, l.themes, l.reasons, l.rowNotes], rows };
}
