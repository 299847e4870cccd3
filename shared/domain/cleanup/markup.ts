// Markup that leaked into plain text: HTML tags pasted into a .txt file, character entities, and
// stray attribute fragments ("' style='font-size:10.5pt;'>") left behind by a web page's broken HTML.
//
// Tags are removed *syntactically* — a regular expression over the characters — and never parsed
// or interpreted, so nothing in an imported file is ever treated as live HTML. Entities are decoded
// after the tags are gone, so an encoded "&lt;p&gt;" stays visible text instead of becoming a tag.

/** An opening, closing or self-closing tag: <p>, </td>, <legend id="x">, <br/>. */
const TAG = /<\/?[a-zA-Z][a-zA-Z0-9:-]*(?:\s[^<>]*)?\/?>/g;
/**
 * The tail of a tag whose start was lost: ' style='font-size:10.5pt;margin-left: 30px;'>
 * Bounded (at most 20 attributes of at most 1000 characters) so that a long run of attribute-like
 * text without a closing '>' cannot make the scan quadratic.
 */
const ATTRIBUTE_TAIL = /['"]?[ \t]*(?:[a-zA-Z][a-zA-Z0-9:-]{0,40}[ \t]*=[ \t]*(?:'[^'\n]{0,1000}'|"[^"\n]{0,1000}")[ \t]*){1,20}\/?>/g;

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: '\u00a0',
  ensp: ' ',
  emsp: '\u3000',
  thinsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  middot: '·',
  mdash: '—',
  ndash: '–',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  hellip: '…',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      // Control characters and surrogates are not text; leave the entity as it was printed.
      if (!Number.isFinite(code) || code < 0x20 || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return whole;
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/**
 * Removes every stretch from an opening marker to the closing one after it. Written as a scan
 * rather than a lazy regular expression: with many openers and no closer, a regex would rescan the
 * rest of the text from every opener.
 */
function removeSpans(text: string, open: RegExp, close: (opened: RegExpExecArray) => RegExp): string {
  let out = '';
  let at = 0;
  const opener = new RegExp(open.source, open.flags.replace('g', '') + 'g');
  for (;;) {
    opener.lastIndex = at;
    const m = opener.exec(text);
    if (!m) break;
    const closer = close(m);
    closer.lastIndex = m.index + m[0].length;
    const c = closer.exec(text);
    if (!c) break; // unclosed: leave the rest to the tag pass
    out += text.slice(at, m.index);
    at = c.index + c[0].length;
  }
  return out + text.slice(at);
}

export function stripMarkup(text: string): string {
  let t = removeSpans(text, /<!--/, () => /-->/g);
  // Whole elements whose content is code, not text.
  t = removeSpans(t, /<(script|style)\b[^<>]*>/i, (m) => new RegExp(`</${m[1]}\\s*>`, 'gi'));
  return decodeEntities(t.replace(TAG, '').replace(ATTRIBUTE_TAIL, ''));
}
