import { describe, expect, it } from 'vitest';
import { OffsetMap } from '../../electron/backend/export/qdpx/codepoints';
import { normaliseSourceText } from '../../electron/backend/export/qdpx/read';
import { textOffsetMap } from '../../shared/domain/reanchor';
import { xmlAttr, xmlText } from '../../electron/backend/export/qdpx/xml';

describe('REFI-QDA positions', () => {
  const text = 'a𠀀b😀c中𡃁d';
  const cps = Array.from(text);

  it('converts UTF-16 offsets to code points and back around characters outside the BMP', () => {
    const map = new OffsetMap(text);
    expect(map.codePointLength).toBe(cps.length);
    for (let cp = 0; cp <= cps.length; cp++) {
      const u = map.toUtf16(cp);
      expect(u).toBe(cps.slice(0, cp).join('').length);
      expect(map.toCodePoint(u)).toBe(cp);
    }
    // The slice by code points equals the slice by the converted UTF-16 offsets.
    expect(text.slice(map.toUtf16(2), map.toUtf16(5))).toBe(cps.slice(2, 5).join(''));
  });

  it('maps positions in a CRLF source with a BOM to the normalised text', () => {
    const raw = '\uFEFF第一行\r\n𠀀第二行\r\n第三行';
    const n = normaliseSourceText(raw);
    expect(n.text).toBe('第一行\n𠀀第二行\n第三行');
    expect(n.hadCrlf).toBe(true);
    // Code points in the raw text (after the BOM): '第二行' starts at 3 + 2 (CRLF) + 1 (𠀀) = 6.
    const start = n.fromRawCodePoint(6);
    expect(n.text.slice(start, n.fromRawCodePoint(9))).toBe('第二行');
    expect(n.text.slice(n.fromRawCodePoint(11), n.fromRawCodePoint(14))).toBe('第三行');
  });

  it('moves offsets from a source to its cleaned text by the words around them', () => {
    const from = '- 3 -\n市财\n政局负责融资担保。';
    const to = '市财政局负责融资担保。';
    const map = textOffsetMap(from, to)!;
    const s = from.indexOf('融资');
    expect(to.slice(map(s), map(s + 4))).toBe('融资担保');
  });

  it('escapes XML and replaces characters XML 1.0 forbids', () => {
    expect(xmlText('a<b>&\u0001\uD800')).toBe('a&lt;b&gt;&amp;\uFFFD\uFFFD');
    expect(xmlAttr('"x"\n𠀀')).toBe('&quot;x&quot;&#10;𠀀');
  });
});
