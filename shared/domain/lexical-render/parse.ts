import type { RichBlock, RichInline, RichList, RichListItem, RichMarks, RichText } from './tree';

/**
 * Lexical serialized JSON (an EditorState's `toJSON()`, or its JSON string) → rich-text blocks.
 * Safe for any input: unknown node types degrade to their text, depth and size are bounded,
 * and nothing here can throw on malformed data (it yields fewer blocks instead).
 */

const MAX_DEPTH = 40;
const MAX_NODES = 20_000;

// Lexical's TextNode format bit flags (lexical/LexicalConstants).
const FORMAT_BITS: Array<[number, keyof RichMarks]> = [
  [1, 'bold'],
  [2, 'italic'],
  [4, 'strike'],
  [8, 'underline'],
  [16, 'code'],
  [32, 'sub'],
  [64, 'sup'],
  [128, 'highlight'],
];

type Node = Record<string, unknown>;

function isNode(x: unknown): x is Node {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function childrenOf(n: Node): unknown[] {
  return Array.isArray(n.children) ? n.children : [];
}

/** Only schemes that open a web page or a mail client survive; javascript:, data:, file: do not. */
export function safeHref(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  const u = url.trim();
  return /^(https?:\/\/|mailto:)[^\s<>"]+$/i.test(u) ? u : null;
}

function marksOf(format: unknown): RichMarks {
  const marks: RichMarks = {};
  if (typeof format !== 'number' || !Number.isFinite(format)) return marks;
  for (const [bit, name] of FORMAT_BITS) if (format & bit) marks[name] = true;
  return marks;
}

class Parser {
  private budget = MAX_NODES;

  private spend(): boolean {
    return --this.budget >= 0;
  }

  inlines(nodes: unknown[], depth: number, inherited: RichMarks = {}): RichInline[] {
    const out: RichInline[] = [];
    if (depth > MAX_DEPTH) return out;
    for (const n of nodes) {
      if (!isNode(n) || !this.spend()) continue;
      const type = n.type;
      if (type === 'linebreak') out.push({ kind: 'break' });
      else if (type === 'tab') out.push({ kind: 'text', text: '\t', ...inherited });
      else if (type === 'link' || type === 'autolink') {
        const texts = this.inlines(childrenOf(n), depth + 1, inherited).filter((c): c is RichText => c.kind === 'text');
        out.push({ kind: 'link', href: safeHref(n.url), children: texts });
      } else if (typeof n.text === 'string') {
        out.push({ kind: 'text', text: n.text, ...inherited, ...marksOf(n.format) });
      } else if (Array.isArray(n.children)) {
        // An unknown inline container (a mark, a hashtag): keep its text.
        out.push(...this.inlines(n.children, depth + 1, inherited));
      }
    }
    return out;
  }

  list(n: Node, depth: number): RichList {
    const listType = n.listType;
    const list: RichList = {
      kind: 'list',
      ordered: listType === 'number',
      checklist: listType === 'check',
      start: typeof n.start === 'number' && Number.isInteger(n.start) && n.start > 0 ? n.start : 1,
      items: [],
    };
    for (const item of childrenOf(n)) {
      if (!isNode(item) || !this.spend()) continue;
      const kids = childrenOf(item);
      const nested = kids.filter((k): k is Node => isNode(k) && k.type === 'list').map((k) => this.list(k, depth + 1));
      const inline = this.inlines(
        kids.filter((k) => !(isNode(k) && k.type === 'list')),
        depth + 1,
      );
      const prev = list.items[list.items.length - 1];
      // Lexical nests a list inside an item of its own; attach it to the item before.
      if (!inline.length && nested.length && prev) {
        prev.nested.push(...nested);
        continue;
      }
      const entry: RichListItem = { children: inline, nested };
      if (list.checklist) entry.checked = item.checked === true;
      list.items.push(entry);
    }
    return list;
  }

  blocks(nodes: unknown[], depth: number): RichBlock[] {
    const out: RichBlock[] = [];
    if (depth > MAX_DEPTH) return out;
    let loose: unknown[] = [];
    const flushLoose = () => {
      if (loose.length) out.push({ kind: 'paragraph', children: this.inlines(loose, depth + 1) });
      loose = [];
    };
    for (const n of nodes) {
      if (!isNode(n) || !this.spend()) continue;
      const type = n.type;
      if (type === 'paragraph' || type === 'heading' || type === 'quote' || type === 'list' || type === 'code') flushLoose();
      if (type === 'paragraph') out.push({ kind: 'paragraph', children: this.inlines(childrenOf(n), depth + 1) });
      else if (type === 'heading') {
        const m = /^h([1-6])$/.exec(typeof n.tag === 'string' ? n.tag : '');
        const level = (m ? Number(m[1]) : 2) as 1 | 2 | 3 | 4 | 5 | 6;
        out.push({ kind: 'heading', level, children: this.inlines(childrenOf(n), depth + 1) });
      } else if (type === 'quote') out.push({ kind: 'quote', children: this.inlines(childrenOf(n), depth + 1) });
      else if (type === 'code') out.push({ kind: 'code', text: plainOfInlines(this.inlines(childrenOf(n), depth + 1)) });
      else if (type === 'list') out.push(this.list(n, depth + 1));
      else if (Array.isArray(n.children) && n.children.some((c) => isNode(c) && ['paragraph', 'heading', 'list', 'quote'].includes(String(c.type)))) {
        flushLoose();
        out.push(...this.blocks(n.children, depth + 1));
      } else loose.push(n);
    }
    flushLoose();
    return out;
  }
}

function plainOfInlines(inlines: RichInline[]): string {
  return inlines.map((i) => (i.kind === 'break' ? '\n' : i.kind === 'link' ? i.children.map((c) => c.text).join('') : i.text)).join('');
}

/**
 * Parses Lexical serialized JSON. Accepts the object (`{root: {...}}`), the root node itself,
 * or a JSON string of either; anything else gives an empty document.
 */
export function lexicalToRich(input: unknown): RichBlock[] {
  let value = input;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      // Not JSON: treat the string as the plain text of one paragraph.
      return value ? [{ kind: 'paragraph', children: [{ kind: 'text', text: value as string }] }] : [];
    }
  }
  if (!isNode(value)) return [];
  const root = isNode(value.root) ? value.root : value;
  return new Parser().blocks(childrenOf(root), 0);
}
