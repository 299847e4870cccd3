import { z } from 'zod';
import { method } from '../define';
import { adminLevels, clauseKinds, metadataEventKinds } from '../../domain/vocabulary';
import { id, ok, taskId } from './common';

const nullableText = z.string().nullable();
const level = z.enum(adminLevels).nullable();

export const metadataFields = z.object({
  title: nullableText,
  city: nullableText,
  province: nullableText,
  level,
  issuer: nullableText,
  docNumber: nullableText,
  dateWritten: nullableText,
  datePublished: nullableText,
  validity: nullableText,
  period: nullableText,
  dateEffective: nullableText,
  approvedBy: nullableText,
  dateApproved: nullableText,
  /** The source database's id (PKULaw 法宝引证码) and the address the text was exported from. */
  sourceId: nullableText,
  sourceUrl: nullableText,
});
export type MetadataFields = z.infer<typeof metadataFields>;

/** A field edited by hand: bounded, so a pasted 20 MB text is refused with a reason, not stored. */
const edited = (label: string, max: number) => z.string().max(max, `${label} can be at most ${max} characters.`).nullable();
/** What documents.updateMetadata accepts: the fields above with lengths no real value comes near. */
export const metadataEdit = z
  .object({
    title: edited('A title', 500),
    city: edited('A city', 50),
    province: edited('A province', 50),
    level,
    issuer: edited('An issuer', 300),
    docNumber: edited('A 文号', 100),
    dateWritten: edited('A date', 40),
    datePublished: edited('A date', 40),
    validity: edited('A validity', 40),
    period: edited('A period', 100),
    dateEffective: edited('A date', 40),
    approvedBy: edited('An approving body', 300),
    dateApproved: edited('A date', 40),
    sourceId: edited('A source id', 200),
    sourceUrl: edited('A source address', 2000),
  })
  .partial();
export const metadataFieldNames = metadataFields.keyof();
export type MetadataFieldName = z.infer<typeof metadataFieldNames>;

/** A dated step of a regulation's life (adopted, approved, amended …) as its 题注 prints it. */
export const metadataEvent = z.object({
  date: z.string().nullable(),
  event: z.enum(metadataEventKinds),
  by: z.string().nullable(),
});

export const documentSummary = metadataFields.extend({
  id,
  history: z.array(metadataEvent),
  file: z.string(),
  format: z.string(),
  encoding: z.string().nullable(),
  /** Year for grouping: from dateWritten, else datePublished, else period start. */
  year: z.number().int().nullable(),
  clauseCount: z.number().int(),
  parts: z.array(z.object({ index: z.number().int(), title: z.string() })),
  importedAt: z.string(),
});
export type DocumentSummary = z.infer<typeof documentSummary>;

export const citedDocument = z.object({
  docNumber: z.string(),
  /** The document in this corpus that carries this 文号, when there is one. */
  documentId: id.nullable(),
});

export const documentDetail = documentSummary.extend({
  /** Fields whose values were inferred (e.g. city from place names), not read from the text. */
  inferred: z.array(metadataFieldNames),
  /** Fields the researcher edited by hand: re-analysis never overwrites them. */
  edited: z.array(metadataFieldNames),
  cited: z.array(citedDocument),
  /** Documents in the corpus that cite this one by its 文号. */
  citedBy: z.array(z.object({ id, title: z.string().nullable(), city: z.string().nullable() })),
  warnings: z.array(z.string()),
  sourceHash: z.string(),
});
export type DocumentDetail = z.infer<typeof documentDetail>;

export const clause = z.object({
  id,
  docId: id,
  parentId: id.nullable(),
  /** The number as printed ('一、', '(三)', '3.'); '' for preamble and part nodes. */
  label: z.string(),
  level: z.number().int(),
  kind: z.enum(clauseKinds),
  heading: z.string().nullable(),
  /** The clause's own text, without its label and its children's text. */
  text: z.string(),
  /** Offsets into the document's cleaned text: [start, end) covers label and own text. */
  start: z.number().int(),
  end: z.number().int(),
  partIndex: z.number().int().nullable(),
  /** Clause path as researchers cite it, e.g. 四-(三)-2. */
  path: z.string(),
  agencies: z.object({ lead: z.array(z.string()), responsible: z.array(z.string()) }),
});
export type Clause = z.infer<typeof clause>;

export const importReport = z.object({
  imported: z.array(z.object({ id, file: z.string(), title: z.string().nullable(), clauseCount: z.number().int() })),
  /** A re-import of a changed file: codings and annotations re-anchored by text. */
  updated: z.array(z.object({ id, file: z.string(), title: z.string().nullable(), kept: z.number().int(), lost: z.array(z.string()) })),
  /** An unchanged file that is already in the corpus. */
  duplicates: z.array(z.object({ id, file: z.string() })),
  errors: z.array(z.object({ file: z.string(), message: z.string() })),
  /** Imported or updated documents whose title, place or year could not be read, with the reason. */
  incomplete: z
    .array(
      z.object({
        id,
        file: z.string(),
        title: z.string().nullable(),
        missing: z.array(z.object({ field: z.enum(['title', 'place', 'year']), reason: z.string() })),
      }),
    )
    .default([]),
  cancelled: z.boolean(),
  /** Files imported with a caveat (bytes that could not be decoded and show as U+FFFD, and where). */
  warnings: z.array(z.object({ file: z.string(), message: z.string() })).optional(),
});
export type ImportReport = z.infer<typeof importReport>;

export const trashEntry = z.object({
  trashId: id,
  docId: id,
  title: z.string().nullable(),
  city: z.string().nullable(),
  file: z.string(),
  clauseCount: z.number().int(),
  codingCount: z.number().int(),
  noteCount: z.number().int(),
  deletedAt: z.string(),
});
export type TrashEntry = z.infer<typeof trashEntry>;

/** 64 MB of base64 per file is far above any policy document; larger uploads are refused at the boundary. */
const uploadedFile = z.object({ name: z.string().min(1).max(1000), dataBase64: z.string().max(90_000_000) });

export const documentsMethods = {
  'documents.list': method(z.object({}).strict(), z.array(documentSummary)),
  /**
   * Type-to-filter over the documents, one page at a time: what pickers ask instead of the whole
   * list. Every word of `q` must occur (case-folded) in the title, file, city, province, 文号, issuer
   * or a date; `ids` narrows to those documents (e.g. labels for a chosen few). `total` counts all matches.
   */
  'documents.find': method(
    z
      .object({
        q: z.string().max(200).default(''),
        ids: z.array(id).max(1000).optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(50),
      })
      .strict(),
    z.object({ total: z.number().int(), documents: z.array(documentSummary) }),
  ),
  /** The cities, provinces, validity values and years in use (each once), for filter bars: a few hundred values, not 5,000 documents. */
  'documents.filterValues': method(
    z.object({}).strict(),
    z.object({ cities: z.array(z.string()), provinces: z.array(z.string()), validity: z.array(z.string()), years: z.array(z.number().int()) }),
  ),
  'documents.get': method(z.object({ id }).strict(), documentDetail),
  'documents.text': method(z.object({ id }).strict(), z.object({ text: z.string() })),
  'documents.clauses': method(z.object({ id }).strict(), z.array(clause)),
  /** Edit metadata by hand; edited fields are kept through re-analysis and re-import. */
  'documents.updateMetadata': method(z.object({ id, fields: metadataEdit }).strict(), documentDetail),
  /** Moves a document to the Trash with its clauses, codings, notes and alignment links; `documents.restore` brings it back. */
  'documents.delete': method(z.object({ id }).strict(), z.object({ ok: z.literal(true), trashId: id })),
  /** Deleted documents, newest first. */
  'documents.trash': method(z.object({}).strict(), z.array(trashEntry)),
  /** Puts a deleted document back as it was; `lost` names what could not come back (themes or documents deleted since). */
  'documents.restore': method(z.object({ trashId: id }).strict(), z.object({ id, lost: z.array(z.string()) })),
  /** Deletes a document in the Trash for good. */
  'documents.purge': method(z.object({ trashId: id }).strict(), ok),
  /** Import files or folders by path (desktop app, CLI). */
  'documents.importPaths': method(z.object({ paths: z.array(z.string().min(1)).min(1), taskId: taskId.optional() }).strict(), importReport, { progress: true }),
  /** Import uploaded file contents (browser mode, drag and drop). */
  'documents.importFiles': method(z.object({ files: z.array(uploadedFile).min(1), taskId: taskId.optional() }).strict(), importReport, { progress: true }),
};
