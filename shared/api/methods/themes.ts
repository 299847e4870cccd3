import { z } from 'zod';
import { method } from '../define';
import { attributeFilter } from './attributes';
import { codingStatuses, instrumentClasses, sources } from '../../domain/vocabulary';
import { id, ok } from './common';

/** Theme ids are slugs: the default codebook's ids are part of the CLI contract (financing, talent …). */
export const themeId = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9_]+$/u, 'A theme id is lower-case letters, digits and _');
export const instrumentClass = z.enum(instrumentClasses);
export const codingStatus = z.enum(codingStatuses);
export const codingSource = z.enum(sources);
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/u, 'A colour is #rrggbb');
const name = z.string().trim().min(1).max(200);

export const theme = z.object({
  id: themeId,
  parentId: themeId.nullable(),
  nameZh: z.string(),
  nameEn: z.string(),
  color,
  description: z.string(),
  instrument: instrumentClass,
  /** Extra terms the researcher gave the theme; suggestions use them beside the built-in lexicon. */
  keywords: z.array(z.string()),
  ord: z.number().int(),
  /** Accepted codings (whole clauses and ranges). */
  codedCount: z.number().int(),
  suggestedCount: z.number().int(),
});
export type Theme = z.infer<typeof theme>;

export const instrumentInfo = z.object({
  id: instrumentClass,
  nameZh: z.string(),
  nameEn: z.string(),
  subInstruments: z.array(z.object({ id: z.string(), nameZh: z.string(), nameEn: z.string() })),
});

export const clauseTheme = z.object({
  id: themeId,
  score: z.number(),
  status: codingStatus,
  source: codingSource,
  codingId: id,
});

export const rangeCoding = z.object({ codingId: id, themeId, start: z.number().int(), end: z.number().int(), text: z.string() });
export type RangeCoding = z.infer<typeof rangeCoding>;

export const clauseThemes = z.object({
  clauseId: id,
  /** The researcher's class when set, else the suggested one. */
  instrument: instrumentClass.nullable(),
  subInstrument: z.string().nullable(),
  instrumentScore: z.number(),
  instrumentSource: codingSource,
  /** Whole-clause codings and suggestions. */
  themes: z.array(clauseTheme),
  /** Codings of text ranges inside the clause (offsets into the cleaned text). */
  ranges: z.array(rangeCoding),
  /** With `withCoders`: each coder's codings of the clause, for the lead's side-by-side view. */
  coders: z.array(z.object({ coderId: id, themes: z.array(z.object({ id: themeId, codingId: id })), ranges: z.array(rangeCoding) })).optional(),
});
export type ClauseThemes = z.infer<typeof clauseThemes>;

/** partTitle: the plan's title when the file holds several plans (each numbered from 一、 again). */
const clauseRef = z.object({
  docId: id,
  clauseId: id,
  path: z.string(),
  partTitle: z.string().nullable().optional(),
  city: z.string().nullable(),
  title: z.string().nullable(),
  snippet: z.string(),
});
export type ClauseRef = z.infer<typeof clauseRef>;
const mode = z.enum(['coded', 'suggested']);

const history = z.object({ canUndo: z.boolean(), canRedo: z.boolean(), undoLabel: z.string().nullable(), redoLabel: z.string().nullable() });

export const themesMethods = {
  /** The codebook: the theme tree and the instrument classes with their sub-instruments. */
  'themes.codebook': method(z.object({}).strict(), z.object({ themes: z.array(theme), instruments: z.array(instrumentInfo) })),
  'themes.create': method(
    z
      .object({
        nameZh: name,
        nameEn: z.string().trim().max(200).optional(),
        color: color.optional(),
        description: z.string().max(2000).optional(),
        parentId: themeId.nullable().optional(),
        instrument: instrumentClass.optional(),
      })
      .strict(),
    theme,
  ),
  /** Rename, recolour, describe, re-class or give keywords. */
  'themes.update': method(
    z
      .object({
        id: themeId,
        nameZh: name.optional(),
        nameEn: z.string().trim().max(200).optional(),
        color: color.optional(),
        description: z.string().max(2000).optional(),
        instrument: instrumentClass.optional(),
        keywords: z.array(z.string().trim().min(1).max(50)).max(200).optional(),
      })
      .strict(),
    theme,
  ),
  /** Move a theme under another (or to the top) at a position among its siblings. */
  'themes.move': method(z.object({ id: themeId, parentId: themeId.nullable(), index: z.number().int().min(0).optional() }).strict(), ok),
  /** Every coding of `sourceId` becomes a coding of `targetId`; the source theme is deleted (undoable). */
  'themes.merge': method(z.object({ sourceId: themeId, targetId: themeId }).strict(), z.object({ moved: z.number().int() })),
  /** Deletes a theme with its codings; its sub-themes move up (undoable). */
  'themes.delete': method(z.object({ id: themeId }).strict(), z.object({ codings: z.number().int() })),

  /** Codings and suggestions of every clause of a document, in reading order. */
  /**
   * coderId: that coder's own codings only (a coder works blind: no consensus, no suggestions);
   * otherwise the consensus. withCoders: also every coder's codings per clause (the lead's view).
   */
  'themes.clauses': method(z.object({ docId: id, coderId: id.nullable().optional(), withCoders: z.boolean().optional() }).strict(), z.array(clauseThemes)),
  /** Code a whole clause, or a text range [start, end) of the cleaned text inside it; as a coder when coderId is given. */
  'themes.code': method(
    z
      .object({ clauseId: id, themeId, start: z.number().int().min(0).optional(), end: z.number().int().min(0).optional(), coderId: id.nullable().optional() })
      .strict(),
    z.object({ codingId: id }),
  ),
  /** Remove a coding: a manual one is deleted, an accepted suggestion becomes rejected. */
  'themes.uncode': method(z.object({ codingId: id }).strict(), ok),
  /** Accept or reject suggestions (or put them back to suggested). */
  'themes.decide': method(z.object({ codingIds: z.array(id).min(1).max(10_000), status: codingStatus }).strict(), z.object({ changed: z.number().int() })),
  /** Accept every open suggestion at or above a score (in one document, or everywhere). */
  'themes.acceptAbove': method(
    z.object({ minScore: z.number().min(0).max(1), docId: id.optional(), themeId: themeId.optional() }).strict(),
    z.object({ accepted: z.number().int() }),
  ),
  /** The researcher's instrument class for a clause; null goes back to the suggestion. */
  'themes.setInstrument': method(
    z.object({ clauseId: id, instrument: instrumentClass.nullable(), subInstrument: z.string().max(50).nullable().optional() }).strict(),
    ok,
  ),
  /** Recompute suggestions (all documents or one); decisions are never touched. */
  'themes.recompute': method(z.object({ docId: id.optional() }).strict(), z.object({ clauses: z.number().int() })),

  'themes.undo': method(z.object({}).strict(), history.extend({ done: z.string().nullable() })),
  'themes.redo': method(z.object({}).strict(), history.extend({ done: z.string().nullable() })),
  'themes.history': method(z.object({}).strict(), history),

  /**
   * Theme × city (or × document) counts of clauses, coded (accepted) or suggested; every cell
   * lists its clauses. `columns` give each column's number of codable clauses, so a screen can
   * show a count as a share of the city's (document's) clauses: a city with two long documents
   * otherwise dominates every row.
   */
  'themes.heatmap': method(
    /** attributes: only documents with these attribute values (and only their cities). */
    /** coderId: count that coder's codings instead of the consensus (a coder's blind view). */
    z.object({ mode, by: z.enum(['city', 'document']).default('city'), attributes: attributeFilter.optional(), coderId: id.nullable().optional() }).strict(),
    z.object({
      themes: z.array(themeId),
      cities: z.array(z.string()),
      /** The columns in order: a city, or a document (key `doc:<id>`) with its city, title and year. */
      columns: z.array(
        z.object({
          key: z.string(),
          city: z.string(),
          docId: id.nullable(),
          title: z.string().nullable(),
          year: z.number().int().nullable(),
          clauses: z.number().int(),
        }),
      ),
      /** `city` is the column's city; `column` its key (the city itself when by is 'city'). */
      cells: z.array(z.object({ themeId, city: z.string(), column: z.string(), count: z.number().int(), clauses: z.array(clauseRef) })),
    }),
  ),
  /** Instrument class × theme counts of clauses. */
  'themes.matrix': method(
    z.object({ mode }).strict(),
    z.object({ cells: z.array(z.object({ instrument: instrumentClass, themeId, count: z.number().int(), clauses: z.array(clauseRef) })) }),
  ),
};
