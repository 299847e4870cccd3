/**
 * The intermediate rich-text tree an annotation is rendered from. Lexical's serialized JSON is
 * parsed into this small, fully validated shape once; every output (HTML, Markdown, DOCX runs,
 * plain text) is written from it, so no writer ever touches untrusted JSON.
 */

export interface RichMarks {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  code?: boolean;
  sub?: boolean;
  sup?: boolean;
  highlight?: boolean;
}

export interface RichText extends RichMarks {
  kind: 'text';
  text: string;
}

/** A link; `href` is null when the URL was not a safe scheme (http, https, mailto). */
export interface RichLink {
  kind: 'link';
  href: string | null;
  children: RichText[];
}

export interface RichBreak {
  kind: 'break';
}

export type RichInline = RichText | RichLink | RichBreak;

export interface RichListItem {
  children: RichInline[];
  /** Lists nested under this item (Lexical keeps them in a sibling item; we attach them here). */
  nested: RichList[];
  /** For check lists: ticked or not. */
  checked?: boolean;
}

export interface RichList {
  kind: 'list';
  ordered: boolean;
  checklist: boolean;
  start: number;
  items: RichListItem[];
}

export type RichBlock =
  | { kind: 'paragraph'; children: RichInline[] }
  | { kind: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: RichInline[] }
  | { kind: 'quote'; children: RichInline[] }
  | { kind: 'code'; text: string }
  | RichList;
