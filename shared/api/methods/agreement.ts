import { z } from 'zod';
import { method } from '../define';
import { id, ok } from './common';
import { themeId } from './themes';

/**
 * Several researchers code the same clauses (issue 14): coders, inter-coder agreement and the
 * lead's reconciliation of their differences into the project's own (consensus) codings.
 */

const coderName = z.string().trim().min(1, 'A coder needs a name.').max(100);
export const coder = z.object({ id, name: z.string(), createdAt: z.string(), /** Live codings made by this coder. */ codings: z.number().int() });
export type Coder = z.infer<typeof coder>;

export const agreementLevel = z.enum(['clause', 'character']);
export type AgreementLevel = z.infer<typeof agreementLevel>;

/** Each statistic is null where it is undefined for the data (e.g. Cohen's kappa for three coders). */
export const agreementFigures = z.object({
  /** Units compared: clause × theme pairs, or characters. */
  units: z.number().int(),
  percent: z.number().nullable(),
  cohen: z.number().nullable(),
  fleiss: z.number().nullable(),
  alpha: z.number().nullable(),
});
export type AgreementFiguresOut = z.infer<typeof agreementFigures>;

/** What one coder did with one theme on one clause. */
export const coderCase = z.object({
  coderId: id,
  /** Coded the whole clause. */
  whole: z.boolean(),
  ranges: z.array(z.object({ start: z.number().int(), end: z.number().int(), text: z.string() })),
});

export const disagreement = z.object({
  docId: id,
  clauseId: id,
  path: z.string(),
  city: z.string().nullable(),
  title: z.string().nullable(),
  snippet: z.string(),
  themeId,
  /** One entry per compared coder, in the order asked, coded or not. */
  coders: z.array(coderCase),
  /** Whether the consensus (the project's own codings) has the theme on the clause now. */
  consensus: z.boolean(),
});
export type Disagreement = z.infer<typeof disagreement>;

const scope = {
  coderIds: z.array(id).min(2, 'Agreement compares at least two coders.').max(20),
  /** Documents to compare on; default: every document any of the coders coded. */
  docIds: z.array(id).max(100_000).optional(),
  /** Themes to compare on; default: every theme of the codebook. */
  themeIds: z.array(themeId).max(1000).optional(),
};

export const agreementResult = z.object({
  level: agreementLevel,
  coders: z.array(z.object({ id, name: z.string() })),
  documents: z.number().int(),
  clauses: z.number().int(),
  overall: agreementFigures,
  themes: z.array(
    z.object({ themeId, figures: agreementFigures, /** Units each coder coded with the theme, per coder in order. */ coded: z.array(z.number().int()) }),
  ),
  disagreements: z.array(disagreement),
});
export type AgreementResult = z.infer<typeof agreementResult>;

export const agreementMethods = {
  /** The project's coders and the coder this project's window codes as (null: the lead, coding the consensus). */
  'coders.list': method(z.object({}).strict(), z.object({ coders: z.array(coder), current: id.nullable() })),
  'coders.add': method(z.object({ name: coderName }).strict(), coder),
  'coders.rename': method(z.object({ id, name: coderName }).strict(), coder),
  /** Remembered in the project: codings made while a coder is current are that coder's. */
  'coders.setCurrent': method(z.object({ coderId: id.nullable() }).strict(), ok),

  /**
   * Percent agreement, Cohen's kappa (two coders), Fleiss' kappa and Krippendorff's alpha
   * (nominal), overall and per theme, over the codable clauses of the documents. Clause level:
   * one unit per clause × theme, rated 1 by a coder who coded the theme anywhere in the clause.
   * Character level: one unit per character of those clauses × theme, rated 1 where the coder's
   * ranges (or whole-clause coding) cover it. Plus every clause × theme the coders disagree on.
   */
  'agreement.compute': method(z.object({ ...scope, level: agreementLevel.default('clause') }).strict(), agreementResult),
  /**
   * The lead's decisions on disagreements: the consensus codings of the theme on the clause become
   * those of the accepted coders (one, several, or none). One transaction, undone by themes.undo.
   */
  'agreement.reconcile': method(
    z
      .object({
        decisions: z
          .array(z.object({ clauseId: id, themeId, accept: z.array(id).max(20) }).strict())
          .min(1)
          .max(10_000),
      })
      .strict(),
    z.object({ cases: z.number().int(), written: z.number().int(), removed: z.number().int() }),
  ),
  /** The figures of both levels, the method and the disagreements as an XLSX workbook. */
  'agreement.export': method(
    z
      .object({
        ...scope,
        locale: z.enum(['en', 'zh-CN']).default('en'),
        /** Absolute path (desktop, CLI) or a file name in the project's exports folder (browser mode). */
        path: z.string().min(1).max(4096).optional(),
        fileName: z.string().min(1).max(200).optional(),
        overwrite: z.boolean().default(false),
      })
      .strict(),
    z.object({ path: z.string(), downloadName: z.string().nullable(), bytes: z.number().int(), format: z.string(), warnings: z.array(z.string()) }),
  ),
};
