// The cleaned text as a list of lines with their offsets. After cleanup a line is a paragraph, so
// "at the start of a line" is "at the start of a paragraph", the only place a label may open a clause.

export interface Line {
  /** Offset of the line's first character in the cleaned text. */
  start: number;
  /** Offset just past the line's last character (before its '\n'). */
  end: number;
  text: string;
}

export function splitLines(text: string, from = 0, to = text.length): Line[] {
  const lines: Line[] = [];
  let start = from;
  while (start < to) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 || nl > to ? to : nl;
    lines.push({ start, end, text: text.slice(start, end) });
    start = end + 1;
  }
  return lines;
}

/** Offset of the start of the line after the one containing `offset` (or the text's end). */
export function nextLineStart(text: string, offset: number, to = text.length): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 || nl >= to ? to : nl + 1;
}
