// Visible text of an HTML document, read from parse5's tree. Nothing is executed or rendered: we only
// walk nodes, keep text, and turn block structure into line breaks (p, div, li, h1-h6, tr → new line).
// Table cells: a row of one-line cells is one line with the cells separated by tabs (a data table);
// a cell whose content runs over several lines is a block of its own (old portal pages lay out the
// whole article inside one <td>, and its paragraphs must stay lines). Used by the HTML importer and
// for HTML blocks inside Markdown.
import { parse, parseFragment, type DefaultTreeAdapterTypes as T } from 'parse5';

/** Elements whose content is never reading text (code, chrome, controls, embedded media). */
const DROPPED = new Set([
  'head',
  'title',
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'nav',
  'aside',
  'button',
  'select',
  'option',
  'optgroup',
  'datalist',
  'textarea',
  'input',
  'svg',
  'canvas',
  'math',
  'audio',
  'video',
  'map',
  'dialog',
  'menu',
  'menuitem',
  'link',
  'meta',
  'base',
]);

/** Elements that start and end a line. */
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'caption',
  'blockquote',
  'pre',
  'address',
  'figure',
  'figcaption',
  'center',
  'hr',
  'fieldset',
  'legend',
  'details',
  'summary',
  'header',
  'footer',
  'form',
  'body',
  'html',
]);

/** A form smaller than this is a search box or login widget; a bigger one is an ASP.NET page wrapping all content. */
const SMALL_FORM_CHARS = 200;

type Node = T.Node;
type Element = T.Element;

/** Where a node sits: inside <pre> white space is kept. */
interface Where {
  pre: boolean;
}

export function htmlToText(html: string, opts: { fragment?: boolean } = {}): string {
  const root = opts.fragment ? parseFragment(html) : parse(html);
  const out = new LineWriter();
  // An explicit stack instead of recursion: a hostile page may nest elements 100,000 deep.
  type Step = { node: Node; where: Where } | { close: string } | { cellEnd: OpenCell };
  const stack: Step[] = [{ node: root, where: { pre: false } }];
  while (stack.length > 0) {
    const step = stack.pop()!;
    if ('close' in step) {
      if (BLOCKS.has(step.close)) out.newline();
      continue;
    }
    if ('cellEnd' in step) {
      out.endCell(step.cellEnd);
      continue;
    }
    const { node, where } = step;
    if (node.nodeName === '#text') {
      out.text((node as T.TextNode).value, where.pre);
      continue;
    }
    if (!('childNodes' in node)) continue; // comments, doctype
    const el = 'tagName' in node ? (node as Element) : null;
    let inner = where;
    if (el) {
      const tag = el.tagName;
      if (isDropped(el)) continue;
      if (tag === 'br') {
        out.hardNewline();
        continue;
      }
      if (BLOCKS.has(tag)) out.newline();
      if (tag === 'td' || tag === 'th') stack.push({ cellEnd: out.startCell(el.parentNode, hasPreviousCell(el)) });
      if (tag === 'li') out.text(listMarker(el), true);
      if (tag === 'pre' || tag === 'textarea') inner = { pre: true };
      stack.push({ close: tag });
    }
    const children = node.childNodes as Node[];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], where: inner });
  }
  return out.result();
}

function isDropped(el: Element): boolean {
  const tag = el.tagName;
  if (DROPPED.has(tag)) return true;
  if (el.attrs.some((a) => a.name === 'hidden')) return true;
  const style =
    el.attrs
      .find((a) => a.name === 'style')
      ?.value.replace(/\s+/g, '')
      .toLowerCase() ?? '';
  if (style.includes('display:none') || style.includes('visibility:hidden')) return true;
  // A page's banner and footer are chrome; an article's own header holds its title.
  if ((tag === 'header' || tag === 'footer') && !hasAncestor(el, ['article', 'main'])) return true;
  if (tag === 'form') return textLength(el, SMALL_FORM_CHARS) < SMALL_FORM_CHARS;
  return false;
}

function hasAncestor(el: Element, tags: string[]): boolean {
  for (let p = el.parentNode; p && 'tagName' in p; p = (p as Element).parentNode) {
    if (tags.includes((p as Element).tagName)) return true;
  }
  return false;
}

/** Length of the non-space text under a node, counting only up to `cap` (cheap for big subtrees). */
function textLength(root: Node, cap: number): number {
  let n = 0;
  const stack: Node[] = [root];
  while (stack.length > 0 && n < cap) {
    const node = stack.pop()!;
    if (node.nodeName === '#text') n += (node as T.TextNode).value.replace(/\s+/g, '').length;
    else if ('childNodes' in node && !('tagName' in node && DROPPED.has((node as Element).tagName))) {
      for (const child of node.childNodes as Node[]) stack.push(child);
    }
  }
  return n;
}

function hasPreviousCell(el: Element): boolean {
  const siblings = el.parentNode?.childNodes ?? [];
  for (const s of siblings) {
    if (s === el) return false;
    if ('tagName' in s && (s.tagName === 'td' || s.tagName === 'th')) return true;
  }
  return false;
}

/** Browsers show "1." before items of an ordered list; keep that number as text. */
function listMarker(li: Element): string {
  const list = li.parentNode as Element | null;
  if (!list || !('tagName' in list) || list.tagName !== 'ol') return '';
  const start = Number.parseInt(list.attrs.find((a) => a.name === 'start')?.value ?? '1', 10);
  let index = 0;
  for (const s of list.childNodes) {
    if ('tagName' in s && s.tagName === 'li') {
      if (s === li) break;
      index++;
    }
  }
  return `${(Number.isFinite(start) ? start : 1) + index}. `;
}

/** A table cell being written: where its separator and its content start in the output. */
interface OpenCell {
  row: unknown;
  separatorAt: number;
  contentAt: number;
  afterSibling: boolean;
  rowLineHadText: boolean;
}

/** Collects text with HTML white-space rules: runs of ASCII white space collapse, blocks become lines. */
class LineWriter {
  private parts: string[] = [];
  private lineHasText = false;
  /** Rows whose last cell so far was a block of its own (the next cell then starts a new line, not a tab). */
  private rowsAfterBlockCell = new WeakSet<object>();

  text(value: string, pre: boolean): void {
    if (value === '') return;
    const s = pre ? value : value.replace(/[ \t\n\r\f]+/g, ' ');
    if (!pre && s === ' ' && !this.lineHasText) return;
    this.parts.push(s);
    if (pre && s.includes('\n')) this.lineHasText = !s.endsWith('\n');
    else this.lineHasText = true;
  }
  /** Ends the current line if it has text (blocks do not make blank lines). */
  newline(): void {
    if (this.lineHasText) this.hardNewline();
  }
  hardNewline(): void {
    this.parts.push('\n');
    this.lineHasText = false;
  }
  /**
   * A cell starts: its separator from the previous cell (tab or line break) is decided when the cell
   * ends and we know whether it held one line or several, so a placeholder is kept for it.
   */
  startCell(row: unknown, afterSibling: boolean): OpenCell {
    const cell = { row, separatorAt: this.parts.length, contentAt: this.parts.length + 1, afterSibling, rowLineHadText: this.lineHasText };
    this.parts.push('');
    this.lineHasText = false; // the cell's first block must not break the row's line
    return cell;
  }
  endCell(cell: OpenCell): void {
    // Counting stops at the second line: a cell holding a whole (badly nested) document must not
    // be joined again by every cell around it, which made unclosed tables quadratic (fuzz 02339.html).
    const lineCount = this.nonBlankLines(cell.contentAt);
    const lines =
      lineCount <= 1
        ? this.parts
            .slice(cell.contentAt)
            .join('')
            .split('\n')
            .filter((l) => l.trim() !== '')
        : [];
    const rowKey = typeof cell.row === 'object' && cell.row !== null ? cell.row : null;
    const previousWasBlock = rowKey !== null && this.rowsAfterBlockCell.has(rowKey);
    if (lineCount <= 1) {
      // One line: part of the row's line, a tab after the previous sibling cell.
      this.parts.splice(cell.contentAt, this.parts.length - cell.contentAt, lines[0] ?? '');
      const separator = cell.afterSibling && !previousWasBlock ? '\t' : '';
      this.parts[cell.separatorAt] = separator;
      this.lineHasText = separator !== '' || cell.rowLineHadText || lines.length === 1;
      if (rowKey) this.rowsAfterBlockCell.delete(rowKey);
      return;
    }
    // Several lines: the cell is a block of its own, its lines kept.
    this.parts[cell.separatorAt] = cell.rowLineHadText ? '\n' : '';
    this.lineHasText = !this.endsWithNewline(cell.contentAt);
    this.newline();
    if (rowKey) this.rowsAfterBlockCell.add(rowKey);
  }
  /** Non-blank lines in the parts from `from` on: 0, 1, or 2 for "more than one". */
  private nonBlankLines(from: number): number {
    let lines = 0;
    let open = false;
    for (let i = from; i < this.parts.length; i++) {
      const part = this.parts[i];
      let start = 0;
      for (;;) {
        const nl = part.indexOf('\n', start);
        if (!open && (nl < 0 ? part.slice(start) : part.slice(start, nl)).trim() !== '') open = true;
        if (nl < 0) break;
        if (open && ++lines > 1) return 2;
        open = false;
        start = nl + 1;
      }
    }
    return open ? Math.min(2, lines + 1) : lines;
  }
  /** Whether the text from part `from` on ends with a line break (false when it is empty). */
  private endsWithNewline(from: number): boolean {
    for (let i = this.parts.length - 1; i >= from; i--) if (this.parts[i] !== '') return this.parts[i].endsWith('\n');
    return false;
  }
  result(): string {
    return this.parts
      .join('')
      .split('\n')
      .map((line) =>
        line
          .replace(/ *\t */g, '\t')
          .replace(/^ +| +$/g, '')
          .replace(/ {2,}/g, ' '),
      )
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .replace(/^\n+|\n+$/g, '');
  }
}
