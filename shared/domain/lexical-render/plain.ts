import type { RichBlock, RichInline, RichList } from './tree';

export function inlineText(inlines: RichInline[]): string {
  return inlines.map((i) => (i.kind === 'break' ? '\n' : i.kind === 'link' ? i.children.map((c) => c.text).join('') : i.text)).join('');
}

function listText(list: RichList, indent: string): string[] {
  return list.items.flatMap((item, i) => {
    const bullet = list.checklist ? (item.checked ? '[x]' : '[ ]') : list.ordered ? `${list.start + i}.` : '•';
    return [`${indent}${bullet} ${inlineText(item.children)}`, ...item.nested.flatMap((n) => listText(n, indent + '  '))];
  });
}

/** Plain text of rich blocks: one line per paragraph, list items with their bullet or number. */
export function richToPlain(blocks: RichBlock[]): string {
  return blocks.map((b) => (b.kind === 'list' ? listText(b, '').join('\n') : b.kind === 'code' ? b.text : inlineText(b.children))).join('\n');
}
