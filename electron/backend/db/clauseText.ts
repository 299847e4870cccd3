import { ownTextSpan } from '../../../shared/domain/analyze';
import { type Db, changeStamp } from './connection';
import { type StoredText, unpackText } from './documentText';

/**
 * A clause's own text is not stored: it is cleaned_text.slice(text_start, end).trim() of its
 * document (shared/domain/analyze), computed here in JavaScript so that offsets stay UTF-16 code
 * units — SQL's substr() counts characters, and JavaScript's trim() is the one that defined it.
 * Storing it again took as many bytes as the documents' text.
 *
 * Documents' texts are cached (the last few read) while the database is unchanged: a page of
 * search hits or a document's clause list reads each document once. Any write by this connection
 * (total_changes) or commit by another (data_version) empties the cache.
 */
const CACHED_DOCUMENTS = 32;

export interface ClauseSpan {
  doc_id: number;
  text_start: number;
  end: number;
}

export function clauseTextOf(cleaned: string, c: { text_start: number; end: number }): string {
  return ownTextSpan(cleaned, c.text_start, c.end).text;
}

export function createClauseTexts(db: Db) {
  const cleaned = db.prepare('SELECT cleaned_text, cleaned_z FROM documents WHERE id = ?');
  const stamp = changeStamp(db);
  const cache = new Map<number, string>();
  let cachedAt = '';

  function documentText(docId: number): string {
    const now = stamp();
    if (now !== cachedAt) {
      cache.clear();
      cachedAt = now;
    }
    let text = cache.get(docId);
    if (text === undefined) {
      const stored = cleaned.get(docId) as StoredText | undefined;
      text = stored ? unpackText(stored) : '';
      if (cache.size >= CACHED_DOCUMENTS) cache.delete(cache.keys().next().value!);
    } else cache.delete(docId);
    cache.set(docId, text);
    return text;
  }

  return {
    documentText,
    /** The rows with their own text added (as `text`). */
    withText<T extends ClauseSpan>(rows: T[]): Array<T & { text: string }> {
      return rows.map((r) => Object.assign(r, { text: clauseTextOf(documentText(r.doc_id), r) }));
    },
  };
}
