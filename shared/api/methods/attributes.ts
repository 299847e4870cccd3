import { z } from 'zod';
import { method } from '../define';
import { ATTRIBUTE_TYPES } from '../../domain/attributes/values';
import { id } from './common';
import { metadataFields } from './documents';

/**
 * Researchers' own document attributes (政策类型, 东中西部, 试点城市 …) and the table that edits
 * metadata and attributes of many documents at once, with undo.
 */

export const attributeType = z.enum(ATTRIBUTE_TYPES);

export const attribute = z.object({
  id,
  name: z.string(),
  type: attributeType,
  /** A choice attribute's options, in order; [] for other types. */
  options: z.array(z.string()),
  ord: z.number().int(),
  /** Documents that have a value. */
  valueCount: z.number().int(),
});
export type Attribute = z.infer<typeof attribute>;

/** Text and choice as text, numbers as numbers, dates as YYYY-MM-DD, booleans as booleans. */
export const attributeValue = z.union([z.string(), z.number(), z.boolean()]);
/** What a caller may give for a value: typed, or as typed into a cell; null or '' clears. */
const valueInput = z.union([z.string().max(10_000), z.number(), z.boolean()]).nullable();

/**
 * Documents whose attribute has one of `values` (as text: '东部', '2021', '2021-03-05', 'true');
 * '' selects documents without a value. Several entries must all hold.
 */
export const attributeFilter = z.array(z.object({ attributeId: id, values: z.array(z.string().max(2000)).min(1).max(500) }).strict()).max(20);
export type AttributeFilter = z.infer<typeof attributeFilter>;

const history = z.object({ canUndo: z.boolean(), canRedo: z.boolean(), undoLabel: z.string().nullable(), redoLabel: z.string().nullable() });
export type AttributeHistory = z.infer<typeof history>;
const name = z.string().max(200);
const options = z.array(z.string().max(200)).max(200);

export const attributesMethods = {
  /** The project's attributes, in order. */
  'attributes.list': method(z.object({}).strict(), z.array(attribute)),
  'attributes.create': method(z.object({ name, type: attributeType, options: options.optional() }).strict(), attribute),
  /** Rename, or change a choice attribute's options (an option still in use cannot be removed). Undoable. */
  'attributes.update': method(z.object({ id, name: name.optional(), options: options.optional() }).strict(), attribute),
  /** Deletes an attribute with its values (undoable: attributes.undo brings both back). */
  'attributes.delete': method(z.object({ id }).strict(), z.object({ values: z.number().int() })),
  /** The values of every document (or of some): attribute id → value. */
  'attributes.values': method(
    z.object({ docIds: z.array(id).max(100_000).optional() }).strict(),
    z.array(z.object({ docId: id, values: z.record(z.string(), attributeValue) })),
  ),
  /**
   * Sets metadata fields and attribute values of many documents at once, in one transaction and
   * one undo step. A bad value changes nothing and says which value and why.
   */
  'attributes.set': method(
    z
      .object({
        docIds: z.array(id).min(1).max(100_000),
        values: z
          .array(z.object({ attributeId: id, value: valueInput }).strict())
          .max(200)
          .optional(),
        metadata: metadataFields.partial().optional(),
      })
      .strict(),
    z.object({ changed: z.number().int() }).extend(history.shape),
  ),
  'attributes.undo': method(z.object({}).strict(), history.extend({ done: z.string().nullable() })),
  'attributes.redo': method(z.object({}).strict(), history.extend({ done: z.string().nullable() })),
  'attributes.history': method(z.object({}).strict(), history),
  /** The documents an attribute filter selects (used by search, the heatmap and exports). */
  'attributes.match': method(z.object({ filters: attributeFilter }).strict(), z.object({ docIds: z.array(id) })),
};
