import type { TFunction } from 'i18next';
import type { Input } from '../../../shared/api/contract';
import type { Attribute } from '../../../shared/api/methods/attributes';
import type { DocumentSummary, MetadataFieldName } from '../../../shared/api/methods/documents';
import { adminLevels, type AttributeType, metadataFields } from '../../../shared/domain/vocabulary';

/** What a cell edits: a metadata field of the document, or one of the researcher's attributes. */
export type Column =
  | { key: string; kind: 'metadata'; field: MetadataFieldName; label: string; editor: EditorSpec }
  | { key: string; kind: 'attribute'; attribute: Attribute; label: string; editor: EditorSpec };

export interface EditorSpec {
  type: AttributeType;
  /** For choice: the values offered (value and label). */
  options?: Array<{ value: string; label: string }>;
}

export type Values = Map<number, Record<string, string | number | boolean>>;

const METADATA: MetadataFieldName[] = metadataFields.filter((f) => f.grid).map((f) => f.name);

export function buildColumns(attributes: Attribute[], t: TFunction): Column[] {
  const levels = adminLevels.map((l) => ({ value: l, label: t(`levels.${l}`) }));
  const metadata = METADATA.map((field): Column => ({
    key: field,
    kind: 'metadata',
    field,
    label: t(`col.${field}`),
    editor: field === 'level' ? { type: 'choice', options: levels } : { type: 'text' },
  }));
  const own = attributes.map((a): Column => ({
    key: `a${a.id}`,
    kind: 'attribute',
    attribute: a,
    label: a.name,
    editor: { type: a.type, options: a.type === 'choice' ? a.options.map((o) => ({ value: o, label: o })) : undefined },
  }));
  // The researcher's attributes right after title and city: what this table is mostly for, in view without scrolling.
  return [...metadata.slice(0, 2), ...own, ...metadata.slice(2)];
}

/** The cell's value as the text an editor starts from ('' when empty). */
export function rawValue(col: Column, doc: DocumentSummary, values: Values): string {
  if (col.kind === 'metadata') return doc[col.field] ?? '';
  const v = values.get(doc.id)?.[String(col.attribute.id)];
  return v === undefined ? '' : String(v);
}

export function shownValue(col: Column, doc: DocumentSummary, values: Values, t: TFunction): string {
  const raw = rawValue(col, doc, values);
  if (!raw) return '';
  if (col.editor.type === 'boolean') return raw === 'true' ? t('yes') : t('no');
  if (col.kind === 'metadata' && col.field === 'level') return t(`levels.${raw}`);
  return raw;
}

/** The attributes.set input that writes `raw` into this column for these documents. */
export function setInput(col: Column, docIds: number[], raw: string): Input<'attributes.set'> {
  const value = raw.trim() === '' ? null : raw;
  // A metadata field's text goes as typed; the backend trims it and checks the level's values.
  return col.kind === 'metadata'
    ? { docIds, metadata: { [col.field]: value } as Input<'attributes.set'>['metadata'] }
    : { docIds, values: [{ attributeId: col.attribute.id, value }] };
}

/** Options typed in one box: 东部、中部、西部 or one per line. */
export function splitOptions(text: string): string[] {
  return text
    .split(/[、,，;；\n]/u)
    .map((s) => s.trim())
    .filter(Boolean);
}
