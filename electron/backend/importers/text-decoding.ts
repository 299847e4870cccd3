// Turns the bytes of a text file into a string, finding the encoding on the way.
// Chinese government texts arrive as UTF-8, UTF-16 (Windows "Unicode") or GB18030/GBK; Big5 and
// other legacy encodings are rare. The order of checks matters:
//   1. a byte-order mark is authoritative;
//   2. strict UTF-8 (fatal decoder): random bytes almost never pass it, so passing is strong evidence;
//   3. GB18030, accepted only when it decodes without replacement characters AND the text is
//      plausibly Chinese (GBK also "decodes" Big5 and random bytes into nonsense hanzi);
//   4. chardet's ranking, as a tie-break against Big5 and friends, and for other encodings.
// When no encoding fits every byte (a truncated or flipped byte), the best fit decodes with U+FFFD
// replacements and a warning says where; only mostly-undecodable bytes are refused.
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { badFile } from './errors';

export interface DecodedText {
  text: string;
  /** Lower-case encoding name: 'utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'big5', … */
  encoding: string;
  warnings: string[];
}

/** Multi-byte CJK encodings chardet may propose, mapped to iconv-lite names. */
const CJK_CANDIDATES: Record<string, string> = {
  Big5: 'big5',
  'EUC-JP': 'euc-jp',
  Shift_JIS: 'shift_jis',
  'EUC-KR': 'euc-kr',
};

/** chardet's single-byte guesses; only accepted for text that is mostly ASCII (see acceptSingleByte). */
const SINGLE_BYTE = /^(ISO-8859-\d+|windows-125\d|KOI8-R)$/;

/** Enough bytes for chardet to rank encodings; analysing 10 MB would cost time for nothing. */
const SNIFF_SAMPLE = 64 * 1024;

/** Decodes a text file's bytes; throws ApiError('bad_file') when no encoding fits. */
export function decodeTextBytes(bytes: Uint8Array, fileName: string): DecodedText {
  if (bytes.length === 0) throw badFile(fileName, 'the file is empty.');

  const bom = decodeByBom(bytes, fileName);
  if (bom) return bom;

  const nuls = countByte(bytes, 0);
  if (nuls > 0 && (nuls <= bytes.length * 0.002 || (nuls <= 8 && nuls <= bytes.length * 0.01))) {
    // A stray NUL is damage, not binary: 0xFF is invalid in every encoding tried below, so it
    // decodes to U+FFFD and is reported with the other damaged bytes.
    bytes = bytes.map((b) => (b === 0 ? 0xff : b));
  } else if (nuls > 0) {
    throw badFile(
      fileName,
      'it contains NUL bytes, so it looks like a binary file rather than text. ' + '(If it is UTF-16 text, save it again with a byte-order mark or as UTF-8.)',
    );
  }

  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== null) return checked({ text: utf8, encoding: 'utf-8', warnings: [] }, fileName);

  const sample = bytes.subarray(0, SNIFF_SAMPLE);
  const ranked = chardet.analyse(sample);
  const gbConfidence = ranked.find((m) => m.name === 'GB18030')?.confidence ?? 0;

  const gb = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
  const gbClean = !gb.includes('\uFFFD') && looksLikeChinese(gb, bytes);
  if (gbClean) {
    // A Big5 file often decodes "cleanly" as GBK; let chardet overrule only when clearly surer.
    const rival = ranked.find((m) => m.name in CJK_CANDIDATES);
    if (rival && rival.confidence > gbConfidence + 10) {
      const decoded = decodeIfClean(bytes, CJK_CANDIDATES[rival.name]);
      if (decoded !== null) return checked(guessed(decoded, CJK_CANDIDATES[rival.name]), fileName);
    }
    return checked({ text: gb, encoding: 'gb18030', warnings: [] }, fileName);
  }

  for (const match of ranked) {
    const name = CJK_CANDIDATES[match.name] ?? (SINGLE_BYTE.test(match.name) ? match.name.toLowerCase() : null);
    if (!name || match.confidence < 10 || !iconv.encodingExists(name)) continue;
    const decoded = decodeIfClean(bytes, name);
    if (decoded === null) continue;
    if (!(name in REVERSE_CJK) && !acceptSingleByte(decoded)) continue;
    return checked(guessed(decoded, name), fileName);
  }

  return withReplacements(bytes, ranked, fileName);
}

/** Above this share of undecodable characters a file is refused rather than imported as garbage. */
const MAX_REPLACED_SHARE = 0.05;

/**
 * No encoding fits every byte: a truncated last character or one flipped byte. As word
 * processors do, the best-fitting encoding decodes the rest, each bad sequence becomes U+FFFD,
 * and a warning says where. Only text that is mostly undecodable is refused.
 */
function withReplacements(bytes: Uint8Array, ranked: Array<{ name: string }>, fileName: string): DecodedText {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const candidates: Array<{ text: string; encoding: string }> = [{ text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' }];
  const gb = iconv.decode(buf, 'gb18030');
  if (looksLikeChinese(gb, bytes)) candidates.push({ text: gb, encoding: 'gb18030' });
  for (const m of ranked) if (m.name in CJK_CANDIDATES) candidates.push({ text: iconv.decode(buf, CJK_CANDIDATES[m.name]), encoding: CJK_CANDIDATES[m.name] });
  // Fewest replacements wins; on a tie the earlier (UTF-8, then GB18030) is kept.
  let best: { text: string; encoding: string; replaced: number } | null = null;
  for (const c of candidates) {
    const replaced = countReplacements(c.text);
    if (!best || replaced < best.replaced) best = { ...c, replaced };
  }
  const share = best!.replaced / Math.max(1, best!.text.length);
  if (share > MAX_REPLACED_SHARE) {
    throw badFile(
      fileName,
      'its bytes are neither valid UTF-8 nor valid GB18030/GBK text, and no other text encoding fits ' +
        `(even the closest, ${best!.encoding.toUpperCase()}, leaves ${Math.round(share * 100)}% of the characters undecodable). ` +
        'It may be a binary file with a .txt name, or damaged; open it in a text editor and save it as UTF-8.',
    );
  }
  const decoded = checked({ text: best!.text, encoding: best!.encoding, warnings: [] }, fileName);
  decoded.warnings.push(replacementWarning(best!.text, best!.encoding, best!.replaced));
  return decoded;
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

/** "3 characters could not be decoded as UTF-8 and show as �: line 4 (character 120), line 9 (…), …" */
export function replacementWarning(text: string, encoding: string, replaced: number): string {
  const where: string[] = [];
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length && where.length < 5; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      line++;
      lineStart = i + 1;
    } else if (c === 0xfffd) {
      where.push(`line ${line}, column ${i - lineStart + 1}`);
      while (text.charCodeAt(i + 1) === 0xfffd) i++;
    }
  }
  const more = replaced > where.length ? ', …' : '';
  return `${replaced} ${replaced === 1 ? 'character' : 'characters'} could not be decoded as ${encoding.toUpperCase()} (damaged or truncated bytes) and ${replaced === 1 ? 'shows' : 'show'} as \uFFFD: ${where.join('; ')}${more}.`;
}

const REVERSE_CJK: Record<string, true> = Object.fromEntries(Object.values(CJK_CANDIDATES).map((n) => [n, true]));

/** Decodes with a named charset (from an HTML <meta charset>); null when the label is unknown or the bytes do not fit. */
export function decodeWithLabel(bytes: Uint8Array, label: string): DecodedText | null {
  const name = normaliseLabel(label);
  if (!name) return null;
  if (name === 'utf-8') {
    const text = tryDecode(bytes, 'utf-8');
    return text === null ? null : { text, encoding: 'utf-8', warnings: [] };
  }
  const text = decodeIfClean(bytes, name);
  return text === null ? null : { text, encoding: name, warnings: [] };
}

/** Maps charset labels seen in the wild to iconv-lite names; GB2312 and GBK pages are decoded as their superset GB18030. */
function normaliseLabel(label: string): string | null {
  const l = label.trim().toLowerCase();
  if (l === 'utf-8' || l === 'utf8' || l === 'unicode-1-1-utf-8') return 'utf-8';
  if (['gb2312', 'gbk', 'gb18030', 'x-gbk', 'cp936', 'euc-cn', 'chinese', 'csgb2312'].includes(l)) return 'gb18030';
  if (l === 'big5-hkscs' || l === 'x-x-big5') return 'big5';
  return iconv.encodingExists(l) ? l : null;
}

/** Converts CRLF and lone CR line ends to LF, the one line end the rest of the app expects. */
export function normaliseNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

function decodeByBom(bytes: Uint8Array, fileName: string): DecodedText | null {
  let encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | null = null;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) encoding = 'utf-8';
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  if (!encoding) return null;
  // TextDecoder drops the BOM itself (ignoreBOM defaults to false).
  const strict = tryDecode(bytes, encoding);
  const text = strict ?? new TextDecoder(encoding).decode(bytes);
  if (text.length === 0) throw badFile(fileName, 'the file is empty (it holds only a byte-order mark).');
  if (strict !== null) return checked({ text, encoding, warnings: [] }, fileName);
  // The mark is authoritative; damaged sequences after it become U+FFFD unless they are most of the file.
  const replaced = countReplacements(text);
  if (replaced / text.length > MAX_REPLACED_SHARE) {
    throw badFile(
      fileName,
      `it starts with a ${encoding.toUpperCase()} byte-order mark but the rest is not valid ${encoding.toUpperCase()} text (${Math.round((replaced / text.length) * 100)}% of it is damaged or truncated).`,
    );
  }
  const decoded = checked({ text, encoding, warnings: [] }, fileName);
  decoded.warnings.push(replacementWarning(text, encoding, replaced));
  return decoded;
}

function countByte(bytes: Uint8Array, value: number): number {
  let n = 0;
  for (let i = bytes.indexOf(value); i !== -1; i = bytes.indexOf(value, i + 1)) n++;
  return n;
}

function tryDecode(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function decodeIfClean(bytes: Uint8Array, encoding: string): string | null {
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  return text.includes('\uFFFD') ? null : text;
}

/**
 * A single-byte encoding decodes any bytes at all, so it is only believable for text that is mostly
 * ASCII with a sprinkling of accented letters (a Western European file), never for mostly-high bytes.
 */
function acceptSingleByte(text: string): boolean {
  let ascii = 0;
  let high = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20) continue;
    if (c < 0x80) ascii++;
    else high++;
  }
  return ascii >= 20 && high <= ascii * 0.15;
}

function guessed(text: string, encoding: string): DecodedText {
  return {
    text,
    encoding,
    warnings: [`The encoding was guessed as ${encoding.toUpperCase()}; check that the text reads correctly.`],
  };
}

/**
 * Rejects decoded text that is really binary: control characters other than tab, line ends and form
 * feed are rare in real documents (a stray one is tolerated), common in binary data.
 */
function checked(decoded: DecodedText, fileName: string): DecodedText {
  let controls = 0;
  const text = decoded.text;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x0b && c !== 0x1a) || c === 0x7f) controls++;
  }
  if (controls > 8 && controls > text.length * 0.002) {
    throw badFile(fileName, `it contains ${controls} control characters, so it looks like a binary file rather than text.`);
  }
  if (text.trim() === '') throw badFile(fileName, 'the file contains only white space, no text.');
  return decoded;
}

/**
 * Plausibility of a GB18030 decoding. Two tests on the evidence:
 * - the non-ASCII characters are mostly Chinese characters and CJK/general punctuation;
 * - the two-byte codes mostly fall in GB2312's symbol rows and level-1 block (the ~3,700 most common
 *   hanzi). Real Chinese prose scores > 90 %; Big5 or random bytes read as GBK score far lower.
 */
function looksLikeChinese(decoded: string, bytes: Uint8Array): boolean {
  let nonAscii = 0;
  let cjk = 0;
  for (const ch of decoded) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    nonAscii++;
    if (
      (c >= 0x4e00 && c <= 0x9fff) || // CJK unified ideographs
      (c >= 0x3000 && c <= 0x30ff) || // CJK punctuation, kana
      (c >= 0xff00 && c <= 0xffef) || // full-width forms
      (c >= 0x2000 && c <= 0x27bf) || // general punctuation, number forms, arrows, bullets, boxes
      (c >= 0x00a0 && c <= 0x00ff) || // Latin-1 (non-breaking space, ·, °)
      (c >= 0x0370 && c <= 0x04ff) || // Greek, Cyrillic (in GB2312)
      (c >= 0x3400 && c <= 0x4dbf) || // extension A
      (c >= 0xf900 && c <= 0xfaff) // compatibility ideographs
    )
      cjk++;
  }
  if (nonAscii > 0 && cjk / nonAscii < 0.9) return false;

  let pairs = 0;
  let common = 0;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const b2 = bytes[i + 1] ?? 0;
    if (b2 >= 0x30 && b2 <= 0x39) {
      i += 4;
      continue;
    } // four-byte GB18030 code
    pairs++;
    if (b2 >= 0xa1 && b2 <= 0xfe && ((b >= 0xa1 && b <= 0xa9) || (b >= 0xb0 && b <= 0xd7))) common++;
    i += 2;
  }
  // Too few characters to judge statistically: the clean decode has to do.
  return pairs < 20 || common / pairs >= 0.6;
}
