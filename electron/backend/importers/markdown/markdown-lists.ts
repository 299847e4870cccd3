// List items of a Markdown file, numbered as a reader sees them rendered, so nested numbering survives
// as text. Markdown list numbers are not text: a renderer numbers an ordered list from its first
// item's number on (1. 1. 1. shows as 1. 2. 3.) and shows nesting by indentation only, which is lost
// once the file becomes lines. So:
// - ordered items are renumbered the way CommonMark renders them (start at the first number, count on);
// - an ordered list nested inside another ordered list is printed in the next style of the Chinese
//   document hierarchy (GB/T 9704: 一、 （一） 1. （1）), i.e. "1." inside "1." becomes "（1）" and a
//   third level "①": this is how a researcher reads and cites such a nested item, and it lets
//   segmentation tell the levels apart by numbering scheme, the only thing it can see in plain text.
//   Outer lists keep their own marker ("1." or "1)").
// - bullet markers are dropped (a bullet is not a clause number), their nesting still counts.

interface OpenList {
  ordered: boolean;
  /** '.', ')' for ordered lists; '-', '*', '+' for bullet lists: another marker starts another list. */
  delimiter: string;
  markerIndent: number;
  /** Column where the items' content starts: lines indented this far continue the item. */
  contentIndent: number;
  next: number;
}

export interface ListItem {
  /** The number as it reads ('1.', '（2）', '③'), or '' for a bullet. */
  label: string;
  content: string;
}

const ITEM = /^( *)([-*+]|(\d{1,9})([.)]))(?:( +)(.*))?$/;
const CIRCLED_MAX = 20;

export class MarkdownLists {
  private open: OpenList[] = [];
  private afterBlank = false;

  /** A list item line (tabs in its indentation expanded), or null when the line is not one. */
  item(rawLine: string): ListItem | null {
    const line = expandIndent(rawLine);
    const m = ITEM.exec(line);
    if (!m) return null;
    const [, spaces, marker, digits, delimiter, gap = '', content = ''] = m;
    const markerIndent = spaces.length;
    const contentIndent = markerIndent + marker.length + (gap.length === 0 || gap.length > 4 ? 1 : gap.length);
    // Lists whose items this line is indented into stay open; the rest end here.
    let depth = 0;
    while (depth < this.open.length && this.open[depth].contentIndent <= markerIndent) depth++;
    this.open.length = Math.min(this.open.length, depth + 1);
    const ordered = digits !== undefined;
    const kind = ordered ? delimiter : marker;
    let list = this.open[depth];
    if (!list || list.ordered !== ordered || list.delimiter !== kind) {
      list = { ordered, delimiter: kind, markerIndent, contentIndent, next: ordered ? Number(digits) : 0 };
      this.open[depth] = list;
    }
    list.markerIndent = markerIndent;
    list.contentIndent = contentIndent;
    this.afterBlank = false;
    if (!ordered) return { label: '', content };
    const n = list.next++;
    return { label: this.orderedLabel(depth, n, delimiter), content };
  }

  /** A line that is not a list item: it continues the open item, or ends the lists it is not indented into. */
  text(rawLine: string): void {
    const indent = expandIndent(rawLine).search(/\S/);
    if (indent < 0) {
      this.afterBlank = true;
      return;
    }
    if (!this.afterBlank && this.open.length > 0) return; // lazy continuation of the item's paragraph
    this.closeDeeperThan(indent);
    this.afterBlank = false;
  }

  /** A heading, fence, table or HTML block at this indentation: lists it is not inside end. */
  interrupt(rawLine: string): void {
    this.closeDeeperThan(Math.max(0, expandIndent(rawLine).search(/\S/)));
    this.afterBlank = false;
  }

  private closeDeeperThan(indent: number): void {
    let keep = 0;
    while (keep < this.open.length && this.open[keep].contentIndent <= indent) keep++;
    this.open.length = keep;
  }

  private orderedLabel(depth: number, n: number, delimiter: string): string {
    const orderedAbove = this.open.slice(0, depth).filter((l) => l.ordered).length;
    if (orderedAbove === 1) return `（${n}）`;
    if (orderedAbove === 2 && n >= 1 && n <= CIRCLED_MAX) return String.fromCodePoint(0x2460 + n - 1);
    return `${n}${delimiter}`;
  }
}

/** Leading tabs count to the next multiple of four columns, as in CommonMark. */
function expandIndent(line: string): string {
  const lead = /^[ \t]*/.exec(line)![0];
  if (!lead.includes('\t')) return line;
  let col = 0;
  for (const ch of lead) col = ch === '\t' ? col + 4 - (col % 4) : col + 1;
  return ' '.repeat(col) + line.slice(lead.length);
}
