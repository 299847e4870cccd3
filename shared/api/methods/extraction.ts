import { z } from 'zod';
import { method } from '../define';
import { id } from './common';

// What the analysis extracted from every clause, read across documents: quantitative targets
// (shared/domain/quantities) and responsible agencies (shared/domain/agencies). Not codings: these
// come from the text itself, so they live apart from the themes a researcher codes.

export const targetRow = z.object({
  docId: id,
  city: z.string().nullable(),
  title: z.string().nullable(),
  clauseId: id,
  path: z.string(),
  metric: z.string().nullable(),
  value: z.number(),
  valueMax: z.number().nullable(),
  unit: z.string(),
  year: z.number().int().nullable(),
  bound: z.enum(['min', 'max']).nullable(),
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
});
export type TargetRow = z.infer<typeof targetRow>;

export const extractionMethods = {
  /** Quantitative targets (metric, number, unit, year) of every clause, across documents. */
  'extraction.targets': method(z.object({ docIds: z.array(id).optional() }).strict(), z.object({ rows: z.array(targetRow) })),
  /** Agencies named as responsible per clause, across documents. */
  'extraction.agencies': method(
    z.object({ docIds: z.array(id).optional() }).strict(),
    z.object({
      rows: z.array(
        z.object({
          docId: id,
          city: z.string().nullable(),
          title: z.string().nullable(),
          clauseId: id,
          path: z.string(),
          lead: z.array(z.string()),
          responsible: z.array(z.string()),
        }),
      ),
    }),
  ),
};
