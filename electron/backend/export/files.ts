import { existsSync, linkSync, mkdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import type { BackendContext } from '../context';

/** Where exports land when the caller gives a file name only (browser mode downloads from here). */
export function exportsDir(ctx: BackendContext): string {
  const base = ctx.info.dataDir || (ctx.info.databasePath === ':memory:' ? process.cwd() : dirname(resolve(ctx.info.databasePath)));
  return join(base, 'exports');
}

/** A file name a researcher can read and every file system accepts (Chinese kept). */
export function safeFileName(name: string): string {
  // Leading dots and spaces go too: no hidden files, no names that read as '..'.
  const cleaned = name
    .replace(/[\u0000-\u001f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+/, '')
    .trim();
  return cutAtWord(cleaned || 'export', 180);
}

/**
 * At most `maxBytes` of UTF-8 (file systems count bytes: 255 at most, and the extension and a
 * temporary suffix need room), never ending inside a word: a name is cut at the last space or
 * punctuation in the last third of what fits; a surrogate pair is never split. A name with no
 * such break there (one long Chinese run) is cut at a character.
 */
export function cutAtWord(name: string, maxBytes: number): string {
  const chars = [...name];
  const head: string[] = [];
  let bytes = 0;
  for (const ch of chars) {
    bytes += Buffer.byteLength(ch, 'utf8');
    if (bytes > maxBytes) break;
    head.push(ch);
  }
  if (head.length === chars.length) return name;
  const wordChar = /[\p{L}\p{N}]/u;
  if (!wordChar.test(chars[head.length]) || !wordChar.test(head[head.length - 1])) return head.join('').replace(/[\s\p{P}]+$/u, '') || head.join('');
  for (let i = head.length - 1; i >= Math.floor((head.length * 2) / 3); i--) {
    if (/[\s\p{P}]/u.test(head[i]))
      return (
        head
          .slice(0, i)
          .join('')
          .replace(/[\s\p{P}]+$/u, '') || head.join('')
      );
  }
  return head.join('');
}

export interface Destination {
  path?: string;
  fileName?: string;
}

/** Resolves the target file and refuses what must not happen: no place given, a path in browser mode. */
export function resolveDestination(
  ctx: BackendContext,
  dest: Destination,
  extension: string,
  fallbackName: string,
): { path: string; downloadName: string | null } {
  let path: string;
  if (dest.path) {
    if (ctx.info.mode === 'browser')
      throw new ApiError(
        'unsupported',
        'In browser mode an export is saved in the project’s exports folder and downloaded from there; give a file name, not a path.',
      );
    if (!isAbsolute(dest.path)) throw new ApiError('invalid_input', `The export path must be absolute, got "${dest.path}".`);
    path = resolve(dest.path);
  } else {
    let name = safeFileName(dest.fileName ?? fallbackName);
    if (!name.toLowerCase().endsWith(`.${extension}`)) name += `.${extension}`;
    path = join(exportsDir(ctx), name);
  }
  const dir = exportsDir(ctx);
  const rel = relative(dir, path);
  const inside = rel && !rel.startsWith('..') && !isAbsolute(rel) && !rel.includes(sep);
  return { path, downloadName: inside ? rel : null };
}

/** Writes a file atomically and never over an existing one unless asked (see placeFile). */
export function writeNew(path: string, bytes: Buffer, overwrite: boolean): void {
  if (!overwrite && existsSync(path)) throw conflict(path);
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (e) {
    throw new ApiError('invalid_input', `Cannot create the folder for ${path}: ${(e as Error).message}`);
  }
  const tmp = `${path}.${process.pid}.${Date.now()}.part`;
  try {
    writeFileSync(tmp, bytes);
    placeFile(tmp, path, overwrite);
  } catch (e) {
    throw writeFailure(e, path);
  } finally {
    // A half-written .part (disk full mid-write) goes too: nothing is left behind.
    if (existsSync(tmp)) unlinkSync(tmp);
  }
}

/** A failed write in words: a full disk or a read-only folder is the researcher's to fix, not an internal error. */
export function writeFailure(e: unknown, path: string): unknown {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'ENOSPC' || code === 'SQLITE_FULL' || code === 'EDQUOT')
    return new ApiError('unavailable', `The disk is full: ${basename(path)} was not written. Free some space and export again.`, { path });
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return new ApiError('unavailable', `${basename(path)} cannot be written: the folder is read-only or not yours (${String(code)}).`, { path });
  return e;
}

function conflict(path: string): ApiError {
  return new ApiError('conflict', `${basename(path)} already exists. Choose another name or allow replacing it.`, { path });
}

/**
 * Moves a finished temporary file into place. Without `overwrite` it is hard-linked, which
 * fails if the name is taken: no window between a check and the write.
 */
export function placeFile(tmp: string, path: string, overwrite: boolean): void {
  if (overwrite) {
    renameSync(tmp, path);
    return;
  }
  try {
    linkSync(tmp, path);
    unlinkSync(tmp);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw conflict(path);
    // File systems without hard links (some network drives): the earlier check has to do.
    if (existsSync(path)) throw conflict(path);
    renameSync(tmp, path);
  }
}
