// The extraction feature: what the analysis read from every clause (quantitative targets,
// responsible agencies), as tables across documents. Computed from the stored text on request, so
// an improved extractor applies to every project without re-import.
import type { Output, ParsedInput } from '../../../shared/api/contract';
import type { extractionMethods } from '../../../shared/api/methods/extraction';
import { extractTargets } from '../../../shared/domain/quantities/index';
import type { BackendContext } from '../context';
import type { HandlerGroup } from '../handlers/types';

/** The last year of a document's period (2016-2018 → 2018): the year a goal without one is for. */
function periodEnd(period: string | null): number | undefined {
  const years = (period ?? '').match(/(?:19|20)[0-9]{2}/gu);
  return years ? Number(years[years.length - 1]) : undefined;
}

type TargetRow = Output<'extraction.targets'>['rows'][number];
type AgencyRow = Output<'extraction.agencies'>['rows'][number];

/** The quantitative targets of one document's measures and headings (shared with team projects). */
export function targetRows(
  doc: { id: number; city: string | null; title: string | null; period: string | null },
  text: string,
  clauses: Array<{ id: number; kind: string; path: string; textStart: number; end: number }>,
): TargetRow[] {
  const rows: TargetRow[] = [];
  const defaultYear = periodEnd(doc.period);
  for (const c of clauses) {
    if (c.kind !== 'measure' && c.kind !== 'heading') continue;
    for (const q of extractTargets(text.slice(c.textStart, c.end), { defaultYear })) {
      rows.push({
        docId: doc.id,
        city: doc.city,
        title: doc.title,
        clauseId: c.id,
        path: c.path,
        metric: q.metric ?? null,
        value: q.value,
        valueMax: q.valueMax ?? null,
        unit: q.unit,
        year: q.year ?? null,
        bound: q.bound ?? null,
        text: q.text,
        start: c.textStart + q.start,
        end: c.textStart + q.end,
      });
    }
  }
  return rows;
}

/** The lead and responsible agencies of one document's clauses that name any (shared with team projects). */
export function agencyRows(
  doc: { id: number; city: string | null; title: string | null },
  clauses: Array<{ id: number; path: string; lead: string[]; responsible: string[] }>,
): AgencyRow[] {
  return clauses
    .filter((c) => c.lead.length + c.responsible.length > 0)
    .map((c) => ({ docId: doc.id, city: doc.city, title: doc.title, clauseId: c.id, path: c.path, lead: c.lead, responsible: c.responsible }));
}

export function createExtractionFeature(ctx: BackendContext): { handlers: HandlerGroup<keyof typeof extractionMethods> } {
  const documents = ctx.documents;
  return {
    handlers: {
      'extraction.targets': ({ docIds }: ParsedInput<'extraction.targets'>): Output<'extraction.targets'> => ({
        rows: documents
          .list()
          .filter((d) => !docIds || docIds.includes(d.id))
          .flatMap((d) =>
            targetRows(
              d,
              documents.get(d.id)?.cleaned_text ?? '',
              documents.clauses(d.id).map((c) => ({ id: c.id, kind: c.kind, path: c.path, textStart: c.text_start, end: c.end })),
            ),
          ),
      }),

      'extraction.agencies': ({ docIds }: ParsedInput<'extraction.agencies'>): Output<'extraction.agencies'> => ({
        rows: documents
          .list()
          .filter((d) => !docIds || docIds.includes(d.id))
          .flatMap((d) =>
            agencyRows(
              d,
              documents.clauses(d.id).map((c) => ({
                id: c.id,
                path: c.path,
                lead: JSON.parse(c.lead_agencies) as string[],
                responsible: JSON.parse(c.responsible_agencies) as string[],
              })),
            ),
          ),
      }),
    },
  };
}
