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

export function createExtractionFeature(ctx: BackendContext): { handlers: HandlerGroup<keyof typeof extractionMethods> } {
  const documents = ctx.documents;
  return {
    handlers: {
      'extraction.targets': ({ docIds }: ParsedInput<'extraction.targets'>): Output<'extraction.targets'> => {
        const rows: Output<'extraction.targets'>['rows'] = [];
        for (const d of documents.list()) {
          if (docIds && !docIds.includes(d.id)) continue;
          const text = documents.get(d.id)?.cleaned_text ?? '';
          const defaultYear = periodEnd(d.period);
          for (const c of documents.clauses(d.id)) {
            if (c.kind !== 'measure' && c.kind !== 'heading') continue;
            for (const q of extractTargets(text.slice(c.text_start, c.end), { defaultYear })) {
              rows.push({
                docId: d.id,
                city: d.city,
                title: d.title,
                clauseId: c.id,
                path: c.path,
                metric: q.metric ?? null,
                value: q.value,
                valueMax: q.valueMax ?? null,
                unit: q.unit,
                year: q.year ?? null,
                bound: q.bound ?? null,
                text: q.text,
                start: c.text_start + q.start,
                end: c.text_start + q.end,
              });
            }
          }
        }
        return { rows };
      },

      'extraction.agencies': ({ docIds }: ParsedInput<'extraction.agencies'>): Output<'extraction.agencies'> => {
        const rows: Output<'extraction.agencies'>['rows'] = [];
        for (const d of documents.list()) {
          if (docIds && !docIds.includes(d.id)) continue;
          for (const c of documents.clauses(d.id)) {
            const lead = JSON.parse(c.lead_agencies) as string[];
            const responsible = JSON.parse(c.responsible_agencies) as string[];
            if (lead.length + responsible.length === 0) continue;
            rows.push({ docId: d.id, city: d.city, title: d.title, clauseId: c.id, path: c.path, lead, responsible });
          }
        }
        return { rows };
      },
    },
  };
}
