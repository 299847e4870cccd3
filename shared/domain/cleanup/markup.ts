// Markup that leaked into plain text: HTML tags pasted into a .txt file, character entities, and
// stray attribute fragments ("' style='font-size:10.5pt;'>") left behind by a web page's broken HTML.
//
// Tags are removed *syntactically* — a regular expression over the characters — and never parsed
// or interpreted, so nothing in an imported file is ever treated as live HTML. Entities are decoded
// after the tags are gone, so an encoded "&lt;p&gt;" stays visible text instead of becoming a tag.

const COMMENT = /<!--[\s\S]*?-->/g;
/** Whole elements whose content is code, not text. */
const CODE_ELEMENT = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
/** An opening, closing or self-closing tag: <p>, </td>, <legend id="x">, <br/>. */
const TAG = /<\/?[a-zA-Z][a-zA-Z0-9:-]*(?:\s[^<>]*)?\/?>/g;
/** The tail of a tag whose start was lost: ' style='font-size:10.5pt;margin-left: 30px;'> */
const ATTRIBUTE_TAIL = /['"]?\s*(?:[a-zA-Z][a-zA-Z0-9:-]*\s*=\s*(?:'[^'\n]*'|"[^"\n]*")\s*)+\/?>/g;

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

export function stripMarkup(text: string): string {
  return decodeEntities(
    text.replace(COMMENT, '').replace(CODE_ELEMENT, '').replace(TAG, '').replace(ATTRIBUTE_TAIL, ''),
  );
}
