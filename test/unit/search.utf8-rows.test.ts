// The search rows an import's worker writes as UTF-8 bytes (shared/domain/search/utf8.ts) must be
// exactly the bytes SQLite receives when the string rows are bound: the index the main thread
// builds from them, and every search after, depends on it.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { clauseIndexRow, Utf8Rows, writeClauseIndexRow } from '../../shared/domain/search';
import { searchRowAt, type SearchRows } from '../../electron/backend/services/documentExtras';
import { prng } from '../support/random';

/** What binding a string gives SQLite, as SQLite itself reports it (UTF-8; a lone surrogate as the three bytes of its value). */
const sqlite = new Database(':memory:');
const asBound = sqlite.prepare('SELECT CAST(? AS BLOB)').pluck();
const utf8 = (s: string | Uint8Array) => (typeof s === 'string' ? (asBound.get(s) as Buffer) : Buffer.from(s));

/** Rows of `texts` as a document's SearchRows, written by one writer as the worker does. */
function rowsOf(texts: string[], writer = new Utf8Rows()): SearchRows {
  const lengths = new Uint32Array(texts.length);
  const ends = new Uint32Array(2 * texts.length);
  texts.forEach((t, i) => (lengths[i] = writeClauseIndexRow(t, writer, ends, i)));
  return { lengths, bytes: writer.take(), ends };
}

function expectSameRows(texts: string[], rows: SearchRows): void {
  texts.forEach((t, i) => {
    const expected = clauseIndexRow(t);
    const got = searchRowAt(rows, i);
    expect(got.len).toBe(expected.len);
    expect(utf8(got.body).equals(utf8(expected.body))).toBe(true);
    expect(utf8(got.levels).equals(utf8(expected.levels))).toBe(true);
  });
}

/** Random text from pieces that take every path: CJK, ASCII the index escapes, private use, astral and lone surrogates, BOM. */
function randomText(random: () => number): string {
  const pieces = ['企业', '创新创新', 'AbC-12', ' ', '\n', '（一）', '\ue000', '\ue07f\ue100', '𠀋', '\ud800', '\udc00x', '\ufeff', 'é', '²', '。'];
  let s = '';
  const n = Math.floor(random() * 40);
  for (let i = 0; i < n; i++) s += pieces[Math.floor(random() * pieces.length)];
  return s;
}

describe('search rows as UTF-8 bytes', () => {
  it('equal the UTF-8 of the string rows for random texts of every kind of character', () => {
    const random = prng(20261208);
    const texts = Array.from({ length: 600 }, () => randomText(random));
    expectSameRows(texts, rowsOf(texts));
  });

  it('cut empty texts, one-character texts and texts past the kept buffers into the right rows', () => {
    const sentence = '企业开展研发活动的，按照规定享受研发费用加计扣除政策。';
    const texts = ['', '企', sentence, '', sentence.repeat(3000), 'a', '𠀋', sentence.slice(0, 3)];
    const rows = rowsOf(texts);
    expectSameRows(texts, rows);
    expect(searchRowAt(rows, 0).body.length).toBe(0);
    expect(searchRowAt(rows, 0).levels.length).toBe(0);
    // The writer starts each document empty, whatever the one before it held.
    const writer = new Utf8Rows();
    rowsOf([sentence.repeat(3000)], writer);
    expectSameRows(['企', sentence], rowsOf(['企', sentence], writer));
  });

  it('give an FTS5 table the same index as the strings (SQLite tokenizes a BLOB as text)', () => {
    const random = prng(7);
    const texts = Array.from({ length: 300 }, () => randomText(random) + '企业开展研发活动');
    const rows = rowsOf(texts);
    const dump = (bind: (i: number) => { body: string | Uint8Array; levels: string | Uint8Array }) => {
      const db = new Database(':memory:');
      db.exec(
        "CREATE VIRTUAL TABLE f USING fts5(body, tokenize = 'ascii', content = '', contentless_delete = 1); CREATE VIRTUAL TABLE l USING fts5(levels, tokenize = 'ascii', content = '', contentless_delete = 1, detail = none);",
      );
      const f = db.prepare('INSERT INTO f (rowid, body) VALUES (?, ?)');
      const l = db.prepare('INSERT INTO l (rowid, levels) VALUES (?, ?)');
      texts.forEach((_, i) => {
        const row = bind(i);
        f.run(i + 1, row.body);
        if (row.levels.length) l.run(i + 1, row.levels);
      });
      const tables = ['f_data', 'f_idx', 'f_docsize', 'l_data', 'l_idx', 'l_docsize'].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).raw().all());
      const hits = db.prepare(`SELECT rowid FROM f WHERE f MATCH '"企业 业开"' ORDER BY rowid`).pluck().all();
      db.close();
      return { tables, hits };
    };
    const fromStrings = dump((i) => clauseIndexRow(texts[i]));
    const fromBytes = dump((i) => searchRowAt(rows, i));
    expect(fromStrings.hits.length).toBe(texts.length);
    expect(fromBytes).toEqual(fromStrings);
  });
});
