// Page furniture of a printed document: page markers (- 3 -, — 3 —, 第 3 页, 3/22, Page 3 of 22)
// and running headers/footers repeated on every page.
//
// A page marker is removed together with the blank lines around it, so the two halves of a
// paragraph, a clause or a parenthesis split by a page break meet again and can be rejoined.

/**
 * A page break an importer marked with a form feed (\f) becomes this line before cleanup starts:
 * a character no real text contains, which no trimming removes. It is page furniture like a page
 * number, and tells where running headers and footers sit.
 */
export const PAGE_BREAK_LINE = '\ue000page-break\ue000';

const PAGE_MARKER_LINE = [
  /^\ue000page-break\ue000$/,
  /^[-—–－‒―_~·]+ *\d{1,4} *[-—–－‒―_~·]+$/, // - 3 -   — 3 —
  /^第 *\d{1,4} *页( *[,，/ ]? *共 *\d{1,4} *页)?$/, // 第 3 页, 第3页/共22页, 第 3 页 共 9 页
  /^共 *\d{1,4} *页[,， ]*第 *\d{1,4} *页$/,
  /^\d{1,4} *[/／] *\d{1,4}$/, // 3/22
  /^(page|p\.) *\d{1,4}( *(of|\/) *\d{1,4})?$/i,
];
/** A line that is only a small number: a page number when the text is a printed (wrapped) one. */
const BARE_NUMBER = /^\d{1,3}$/;
/** A page marker inside a line: Chinese text, " - 12 - ", Chinese text. */
const INLINE_MARKER = /(?<=[^\d\s]) +[-—–－] *\d{1,4} *[-—–－] +(?=[^\d\s])/g;

export function isPageMarker(line: string, printed: boolean): boolean {
  const t = line.trim();
  return PAGE_MARKER_LINE.some((re) => re.test(t)) || (printed && BARE_NUMBER.test(t));
}

/** Repeated lines must be this short to count as a running header or footer. */
const MAX_HEADER_CHARS = 40;
/**
 * A running header or footer recurs at page breaks at least this often, and on at least half of
 * them: a line of text that happens to open two or three pages (a frequent "(责任部门:…)") does not.
 */
const MIN_REPEATS = 3;
const MIN_PAGE_SHARE = 0.5;

/**
 * Drops page markers (and the blank lines around them) and running headers/footers: short lines
 * that recur at page edges at least three times (and on at least half of the page breaks), or on
 * every page of a short document. `printed` says the text was typeset in
 * pages (a PDF, or text extracted from one), where a lone number on a line is a page number.
 */
export function removePageFurniture(lines: string[], printed: boolean): string[] {
  const marker = lines.map((l) => isPageMarker(l, printed));
  const drop = marker.slice();

  // Running headers/footers sit right before or after a page marker.
  const neighbours = (i: number): number[] => {
    const found: number[] = [];
    for (const dir of [-1, 1]) {
      let j = i + dir;
      while (j >= 0 && j < lines.length && !lines[j].trim()) j += dir;
      if (j >= 0 && j < lines.length && !marker[j]) found.push(j);
    }
    return found;
  };
  // Lines at the edge of a page: next to a page marker, and — in printed text — the first line of the
  // first page and the last line of the last page, which have no marker on their outer side.
  const edges = new Set<number>();
  marker.forEach((isMarker, i) => {
    if (isMarker) for (const j of neighbours(i)) edges.add(j);
  });
  // Page breaks: runs of markers with nothing but blank lines between them (a footer's page number
  // and an importer's page break are one break).
  let breaks = 0;
  let inRun = false;
  let textAfterLastBreak = false;
  lines.forEach((l, i) => {
    if (marker[i]) {
      if (!inRun) breaks++;
      inRun = true;
      textAfterLastBreak = false;
    } else if (l.trim()) {
      inRun = false;
      textAfterLastBreak = true;
    }
  });
  if (breaks === 0) return withoutDropped(lines, drop, printed);
  const pages = breaks + (textAfterLastBreak ? 1 : 0);
  // The first line is counted but kept: it may be the document's own title or masthead, which a
  // running header repeats.
  let firstLine = -1;
  if (printed) {
    const content = lines.map((l, i) => (l.trim() && !marker[i] ? i : -1)).filter((i) => i >= 0);
    if (content.length) edges.add(content[0]).add(content[content.length - 1]);
    firstLine = content.length ? content[0] : -1;
  }
  const nearMarker = new Map<string, number>();
  for (const j of edges) {
    const t = lines[j].trim();
    if (t.length <= MAX_HEADER_CHARS) nearMarker.set(t, (nearMarker.get(t) ?? 0) + 1);
  }
  // A line at the edge of every page is a running header or footer however few the pages are.
  const needed = Math.max(MIN_REPEATS, Math.ceil(breaks * MIN_PAGE_SHARE));
  const repeated = new Set([...nearMarker].filter(([, n]) => n >= needed || (pages >= 2 && n >= pages)).map(([t]) => t));
  for (const j of edges) if (j !== firstLine && repeated.has(lines[j].trim())) drop[j] = true;
  return withoutDropped(lines, drop, printed);
}

function withoutDropped(lines: string[], drop: boolean[], printed: boolean): string[] {
  // Blank lines around a dropped line go too: a page break is not a paragraph break.
  const out: string[] = [];
  let afterDrop = false;
  lines.forEach((line, i) => {
    if (drop[i]) {
      while (out.length && !out[out.length - 1].trim()) out.pop();
      afterDrop = true;
      return;
    }
    if (!line.trim() && afterDrop) return;
    afterDrop = false;
    out.push(printed ? line.replace(INLINE_MARKER, '') : line);
  });
  return out;
}
