// Annotations are Lexical editor states (serialized JSON) stored with a format version and their
// plain text (for search, the Notes list and exports). This module checks what a client sends,
// derives the plain text and the clause mentions, and upgrades stored states on load.
import { lexicalToRich, richToPlain } from '../lexical-render/index';

/** Version of the stored annotation format (Lexical JSON + our custom nodes). Bump with an upgrade step in `restoreAnnotationState`. */
export const ANNOTATION_FORMAT_VERSION = 1;
/** A note is text written by a person: 1 MB of JSON is far beyond any real note. */
export const MAX_ANNOTATION_JSON = 1_000_000;
/** The node type of a mention of a clause (a TextNode subclass carrying the clause's ids). */
export const CLAUSE_MENTION_TYPE = 'clause-mention';

export interface SerializedState {
  root: { type: 'root'; children: unknown[]; [k: string]: unknown };
}

export interface ClauseMention {
  docId: number;
  clauseId: number;
  text: string;
}

export class AnnotationFormatError extends Error {}

/** An editor state with a single empty paragraph: what a new note starts from. */
export function emptyState(): SerializedState {
  return {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [{ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, children: [], textFormat: 0, textStyle: '' }],
    },
  };
}

/** Parses and checks a client's editor state; throws AnnotationFormatError with a reason a person understands. */
export function parseState(json: string): SerializedState {
  if (json.length > MAX_ANNOTATION_JSON)
    throw new AnnotationFormatError(`The note is too large to save (${Math.round(json.length / 1000)} kB; the limit is ${MAX_ANNOTATION_JSON / 1000} kB).`);
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new AnnotationFormatError('The note could not be saved: its content is not valid JSON.');
  }
  const root = (value as { root?: unknown } | null)?.root as { type?: unknown; children?: unknown } | undefined;
  if (!root || typeof root !== 'object' || root.type !== 'root' || !Array.isArray(root.children)) {
    throw new AnnotationFormatError('The note could not be saved: its content is not a Lexical editor state (no root node).');
  }
  return value as SerializedState;
}

/** Plain text of an editor state, one line per paragraph or list item. */
export function plainText(state: SerializedState | string): string {
  return richToPlain(lexicalToRich(state))
    .replace(/\n{3,}/gu, '\n\n')
    .trim();
}

/** Every clause mentioned in the note, in order. */
export function clauseMentions(state: SerializedState): ClauseMention[] {
  const out: ClauseMention[] = [];
  const walk = (node: unknown, depth: number) => {
    if (!node || typeof node !== 'object' || depth > 60) return;
    const n = node as Record<string, unknown>;
    if (n.type === CLAUSE_MENTION_TYPE && Number.isInteger(n.clauseId) && Number.isInteger(n.docId)) {
      out.push({ docId: n.docId as number, clauseId: n.clauseId as number, text: typeof n.text === 'string' ? n.text : '' });
    }
    if (Array.isArray(n.children)) for (const c of n.children) walk(c, depth + 1);
  };
  walk(state.root, 0);
  return out;
}

/**
 * Restore-on-load: a stored state of any earlier format version becomes the current one. Unknown
 * or damaged content is kept as text in a paragraph rather than dropped: a note is never lost.
 */
export function restoreAnnotationState(json: string, formatVersion: number): SerializedState {
  if (formatVersion > ANNOTATION_FORMAT_VERSION) {
    // Written by a newer app: keep it as is, the editor degrades unknown nodes to text.
  }
  try {
    return parseState(json);
  } catch {
    const state = emptyState();
    (state.root.children[0] as { children: unknown[] }).children.push({
      type: 'text',
      version: 1,
      text: json,
      format: 0,
      style: '',
      mode: 'normal',
      detail: 0,
    });
    return state;
  }
}
