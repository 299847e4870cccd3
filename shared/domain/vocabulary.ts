// The closed lists of PolicyLens, each declared once. The zod enums of the contract, the select
// options and i18n keys of the renderer, the export's types and the database's row types are all
// derived from these arrays; test/unit/vocabulary.test.ts fails when a literal copy reappears.

/**
 * Who a document comes from: central government and its departments (national), a province or
 * autonomous region, a municipality directly under the central government (北京市: province and
 * city at once), a prefecture-level city, a district or a county (county-level cities included).
 */
export const adminLevels = ['national', 'province', 'municipality', 'city', 'district', 'county'] as const;
export type AdminLevel = (typeof adminLevels)[number];

/** Policy instrument classes after Rothwell & Zegveld. */
export const instrumentClasses = ['supply', 'environment', 'demand'] as const;
export type InstrumentClass = (typeof instrumentClasses)[number];

/** A coding of a clause by a theme: suggested by the lexicon, then accepted or rejected by the researcher. */
export const codingStatuses = ['suggested', 'accepted', 'rejected'] as const;
export type CodingStatus = (typeof codingStatuses)[number];

/** Who made a coding or an alignment link. */
export const sources = ['auto', 'manual'] as const;
export type Source = (typeof sources)[number];

/** An alignment link between two clauses: suggested by the aligner, then confirmed or rejected. */
export const linkStatuses = ['suggested', 'confirmed', 'rejected'] as const;
export type LinkStatus = (typeof linkStatuses)[number];
/** What a researcher can decide about a link. */
export const linkDecisions = ['confirmed', 'rejected'] as const satisfies readonly LinkStatus[];
export type LinkDecision = (typeof linkDecisions)[number];

/**
 * The kind of a clause node:
 * - preamble: text before the first numbered clause (title, cover notice, 为…制定本方案)
 * - part: the title line of a part (one plan inside a multi-plan file)
 * - heading: a numbered clause that only names a section (一、指导思想)
 * - measure: a numbered clause that says something (a policy measure, target, principle …)
 */
export const clauseKinds = ['preamble', 'part', 'heading', 'measure'] as const;
export type ClauseKind = (typeof clauseKinds)[number];

/** What an annotation (a note, in the UI) is attached to. */
export const annotationKinds = ['document', 'clause', 'range', 'alignmentRow', 'comparison'] as const;
export type AnnotationKind = (typeof annotationKinds)[number];

/** One dated step in the life of a regulation or rule, as its 题注 prints it. */
export const metadataEventKinds = ['adopted', 'approved', 'amended', 'revised', 'published', 'effective'] as const;
export type MetadataEventKind = (typeof metadataEventKinds)[number];

/** The types of the researcher's own document attributes. */
export const attributeTypes = ['text', 'choice', 'number', 'date', 'boolean'] as const;
export type AttributeType = (typeof attributeTypes)[number];

/**
 * The editable metadata fields of a document, in the order the Reader shows them. `kind` says
 * how a value is edited; `grid` whether the attributes table shows it as a column.
 */
export const metadataFields = [
  { name: 'title', kind: 'text', grid: true, zh: '标题', en: 'Title' },
  { name: 'city', kind: 'text', grid: true, zh: '城市', en: 'City' },
  { name: 'province', kind: 'text', grid: true, zh: '省份', en: 'Province' },
  { name: 'level', kind: 'level', grid: true, zh: '层级', en: 'Level' },
  { name: 'issuer', kind: 'text', grid: true, zh: '发文机关', en: 'Issuer' },
  { name: 'docNumber', kind: 'text', grid: true, zh: '文号', en: 'Document number (文号)' },
  { name: 'dateWritten', kind: 'date', grid: true, zh: '成文日期', en: 'Date written' },
  { name: 'datePublished', kind: 'date', grid: true, zh: '发布日期', en: 'Date published' },
  { name: 'dateEffective', kind: 'date', grid: false, zh: '施行日期', en: 'In force from' },
  { name: 'approvedBy', kind: 'text', grid: false, zh: '批准机关', en: 'Approved by' },
  { name: 'dateApproved', kind: 'date', grid: false, zh: '批准日期', en: 'Date approved' },
  // 时效性 is PKULaw's word (【时效性】现行有效); 规划期 the period a plan covers (2021—2025年).
  { name: 'validity', kind: 'text', grid: true, zh: '时效性', en: 'Validity' },
  { name: 'period', kind: 'text', grid: false, zh: '规划期', en: 'Period' },
  { name: 'sourceId', kind: 'text', grid: false, zh: '来源编号', en: 'Source id' },
  { name: 'sourceUrl', kind: 'text', grid: false, zh: '原文链接', en: 'Source URL' },
] as const satisfies ReadonlyArray<{ name: string; kind: 'text' | 'date' | 'level'; grid: boolean; zh: string; en: string }>;
export type MetadataFieldName = (typeof metadataFields)[number]['name'];
export const metadataFieldNames: readonly MetadataFieldName[] = metadataFields.map((f) => f.name);
/** The fields' names in one interface language: the Reader, the attribute table and exports all show these. */
export function metadataFieldLabels(lang: 'zh' | 'en'): Record<MetadataFieldName, string> {
  return Object.fromEntries(metadataFields.map((f) => [f.name, f[lang]])) as Record<MetadataFieldName, string>;
}

/**
 * Every closed list above by name, for the test that keeps them declared once. Two-member lists
 * (sources, link decisions) are too short to tell a copy from a coincidence and are left out.
 */
export const vocabularies: Record<string, readonly string[]> = {
  adminLevels,
  instrumentClasses,
  codingStatuses,
  linkStatuses,
  clauseKinds,
  annotationKinds,
  metadataEventKinds,
  attributeTypes,
  metadataFieldNames,
};

/** The roles of a team project's members (shared/api/access.ts says what each may call). */
export const roles = ['viewer', 'coder', 'owner'] as const;
export type Role = (typeof roles)[number];
