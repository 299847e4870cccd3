// Markdown: keep the text a reader sees, drop the markup. Headings and list numbers stay as text lines
// ("1. …" is often the clause number; nested ordered lists are numbered as rendered, see
// markdown-lists.ts); emphasis markers, link targets, images, code fences, table pipes and front
// matter go; HTML blocks are reduced to their text by the HTML converter. Line-based on purpose: the
// structure that matters here is lines, and a policy text uses only the simple constructs.
import type { Importer } from '../types';
import { badFile } from '../errors';
import { decodeTextBytes, normaliseNewlines } from '../text-decoding';
import { htmlToText } from '../html-to-text';
import { MarkdownLists } from './markdown-lists';

export const markdownImporter: Importer = {
  format: 'md',
  extensions: ['.md', '.markdown'],
  async extract(bytes, ctx) {
    const decoded = decodeTextBytes(bytes, ctx.fileName);
    const text = markdownToText(normaliseNewlines(decoded.text));
    if (text.replace(/\s+/g, '') === '') throw badFile(ctx.fileName, 'the file has no text, only Markdown markup.');
    return { text, format: 'md', encoding: decoded.encoding, warnings: decoded.warnings };
  },
};

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HTML_BLOCK = /^ {0,3}<(\/?[a-zA-Z][\w-]*[\s/>]|\/?[a-zA-Z][\w-]*$|!--)/;
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:\s*\S/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)\s*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])( *\1){2,} *$/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

export function markdownToText(source: string): string {
  const lines = dropFrontMatter(source.split('\n'));
  const out: string[] = [];
  const lists = new MarkdownLists();
  let fence: string | null = null;
  let inTable = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fenceMatch = FENCE.exec(line);
    if (fence !== null) {
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = null;
      else out.push(line);
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      lists.interrupt(line);
      continue;
    }
    if (line.trim() === '') {
      inTable = false;
      lists.text(line);
      out.push('');
      continue;
    }
    if (HTML_BLOCK.test(line)) {
      let end = i;
      while (end + 1 < lines.length && lines[end + 1].trim() !== '') end++;
      const text = htmlToText(lines.slice(i, end + 1).join('\n'), { fragment: true });
      if (text !== '') out.push(...text.split('\n'));
      lists.interrupt(line);
      i = end;
      continue;
    }
    if (REFERENCE_DEFINITION.test(line)) continue;
    const previousIsText = i > 0 && lines[i - 1].trim() !== '' && out.length > 0 && out[out.length - 1] !== '';
    if (SETEXT_UNDERLINE.test(line) && previousIsText) {
      lists.interrupt(line);
      continue;
    }
    if (THEMATIC_BREAK.test(line)) {
      lists.interrupt(line);
      continue;
    }
    if (!inTable && line.includes('|') && TABLE_SEPARATOR.test(lines[i + 1] ?? '')) inTable = true;
    if (inTable) {
      lists.interrupt(line);
      if (!TABLE_SEPARATOR.test(line)) out.push(tableRow(line));
      continue;
    }
    out.push(inline(blockText(line, lists)));
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\s+$/g, '');
}

function dropFrontMatter(lines: string[]): string[] {
  if (lines[0]?.trim() !== '---') return lines;
  const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
  return end > 0 && end < 100 ? lines.slice(end + 1) : lines;
}

/** A line without its block markup: block quotes, heading hashes, list markers (ordered ones numbered as rendered). */
function blockText(line: string, lists: MarkdownLists): string {
  let s = line;
  while (/^ {0,3}>/.test(s)) s = s.replace(/^ {0,3}> ?/, '');
  const heading = ATX_HEADING.exec(s);
  if (heading) {
    lists.interrupt(s);
    return heading[1] ?? '';
  }
  const item = lists.item(s);
  if (item) {
    const content = item.content.replace(/^\[[ xX]\]\s+/, '');
    if (item.label === '') return content;
    // "1. 落实…" keeps its space as written; a Chinese label such as （1） is followed directly by the text.
    return /[.)]$/.test(item.label) ? `${item.label} ${content}` : `${item.label}${content}`;
  }
  lists.text(s);
  return s.replace(/^\s+/, '');
}

function tableRow(line: string): string {
  const cells = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/);
  return cells.map((c) => inline(c.trim())).join('\t');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * Inline markup → text. Code spans and backslash escapes are set aside first so their characters
 * stay literal. Each step runs only when the text holds the character its matches start with: most
 * paragraphs of a regulation hold no markup at all, and this runs on every one.
 */
function inline(text: string): string {
  const kept: string[] = [];
  const keep = (s: string) => `\uE000${kept.push(s) - 1}\uE001`;
  let s = text;
  if (s.includes('\\')) s = s.replace(/\\([!-/:-@[-`{-~])/g, (_, ch: string) => keep(ch));
  if (s.includes('`')) s = s.replace(/(`+)(.{1,1000}?)\1/g, (_, _ticks, code: string) => keep(code.trim()));
  if (s.includes('[')) {
    // Link and image texts hold no '[', tags and autolinks no '<': with them, each of 200,000 '[' or '<' scanned to the line's end (quadratic).
    s = s
      .replace(/!\[[^[\]]*\](\([^)]*\)|\[[^[\]]*\])/g, '')
      .replace(/\[([^[\]]*)\]\((?:[^()]|\([^)]*\))*\)/g, '$1')
      .replace(/\[([^[\]]+)\]\[[^[\]]*\]/g, '$1');
  }
  if (s.includes('<')) {
    s = s
      .replace(/<((?:https?|ftp|mailto):[^<>\s]+|[^<>\s@]+@[^<>\s]+)>/g, '$1')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/?[a-zA-Z][\w-]*(\s[^<>]*)?\/?>/g, '');
  }
  if (s.includes('**') || s.includes('__')) s = s.replace(/(\*\*|__)(?=\S)(.{1,300}?)(?<=\S)\1/g, '$2');
  if (s.includes('*')) s = s.replace(/(?<![*\\])\*(?=[^\s*])(.{1,300}?)(?<=[^\s*])\*/g, '$1');
  if (s.includes('_')) s = s.replace(/(?<![\p{L}\p{N}_])_(?=\S)(.{1,300}?)(?<=\S)_(?![\p{L}\p{N}_])/gu, '$1');
  if (s.includes('~~')) s = s.replace(/~~(?=\S)(.{1,300}?)(?<=\S)~~/g, '$1');
  if (s.includes('&')) s = s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => decodeEntity(e) ?? m);
  // \s is the white space and line ends trimEnd removes: the same as /\s+$/, without its scan of every run of spaces.
  s = s.trimEnd();
  if (s.includes('\uE000')) s = s.replace(/\uE000(\d+)\uE001/g, (_, n: string) => kept[Number(n)]);
  return s;
}

function decodeEntity(e: string): string | null {
  if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? null;
  const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : null;
}
