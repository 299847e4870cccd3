import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { ApiError } from '../../../shared/api/errors';
import type { Db } from './connection';

/**
 * A document's cleaned text is the largest thing a project stores (about as many bytes as the
 * corpus; every clause, offset, coding and export refers to it). It is kept deflated in
 * documents.cleaned_z (migration 013): real regulations deflate to a third of their UTF-8 size at
 * about 50 MB/s, and inflating a document is a fraction of a millisecond, far below what reading
 * it from disk costs. cleaned_text is '' for such rows. Rows written before migration 013 (or
 * copied from a team database) keep the plain text in cleaned_text until `packStep` packs them;
 * both forms are read the same way. Offsets stay UTF-16 offsets into the unpacked text.
 */
export interface StoredText {
  cleaned_text: string;
  cleaned_z?: Buffer | null;
}

/** The columns to write for a document's text. */
export function packText(text: string): { cleaned_text: string; cleaned_z: Buffer } {
  return { cleaned_text: '', cleaned_z: deflateRawSync(Buffer.from(text, 'utf8'), { level: 6 }) };
}

/**
 * The columns to write for a document's text, packed beforehand (an import packs on its worker
 * threads, services/documentExtras.ts) or here. `packed` must be packText(text).cleaned_z: a
 * Uint8Array from another thread is bound as the same blob as the Buffer it was.
 */
export function textColumns(text: string, packed?: Uint8Array): { cleaned_text: string; cleaned_z: Buffer } {
  if (!packed) return packText(text);
  return { cleaned_text: '', cleaned_z: Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength) };
}

export function unpackText(row: StoredText): string {
  if (!row.cleaned_z) return row.cleaned_text;
  try {
    return inflateRawSync(row.cleaned_z).toString('utf8');
  } catch (e) {
    // The file was damaged outside PolicyLens (a restore checks every text; opening a file does not).
    throw new ApiError('bad_file', `This document's stored text is damaged and cannot be read (${(e as Error).message}). Restore the project from a backup.`);
  }
}

/** The first document whose packed text does not inflate, if any: a restore refuses such a file. */
export function firstDamagedText(db: Db): number | null {
  const hasPacked = db.prepare("SELECT count(*) FROM pragma_table_info('documents') WHERE name = 'cleaned_z'").pluck().get() as number;
  if (!hasPacked) return null;
  for (const r of db.prepare('SELECT id, cleaned_z FROM documents WHERE cleaned_z IS NOT NULL').iterate() as Iterable<{ id: number; cleaned_z: Buffer }>) {
    try {
      inflateRawSync(r.cleaned_z);
    } catch {
      return r.id;
    }
  }
  return null;
}

/** The row as the rest of the backend knows it: its text in cleaned_text, no packed column. */
export function withPlainText<T extends StoredText>(row: T): Omit<T, 'cleaned_z'> {
  const { cleaned_z: _packed, ...rest } = row;
  return { ...rest, cleaned_text: unpackText(row) };
}

/**
 * Packs up to `limit` documents still stored plainly, in one transaction; true while more remain.
 * Run between requests by the index upkeep, so an upgraded project shrinks in the background.
 */
export function packStep(db: Db, limit: number): boolean {
  const rows = db.prepare('SELECT id, cleaned_text FROM documents WHERE cleaned_z IS NULL LIMIT ?').all(limit + 1) as Array<{
    id: number;
    cleaned_text: string;
  }>;
  if (!rows.length) return false;
  const update = db.prepare('UPDATE documents SET cleaned_text = @cleaned_text, cleaned_z = @cleaned_z WHERE id = @id AND cleaned_z IS NULL');
  const pack = db.transaction(() => {
    for (const r of rows.slice(0, limit)) update.run({ id: r.id, ...packText(r.cleaned_text) });
  });
  // Inside a caller's transaction (a download filling a new file) it is a savepoint of that one.
  if (db.inTransaction) pack();
  else pack.immediate();
  return rows.length > limit;
}
