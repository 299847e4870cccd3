import type { RichBlock, RichInline, RichList, RichText } from './tree';

/**
 * Escapes what Markdown would read as markup, so a researcher's text never turns into it; clause
 * paths like 四-(三)-2 stay readable because '-', '(' and '.' only matter at a line start.
 */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/([\\`*_[\]<>|~])/g, '\\$1')
    .replace(/^(\s*)([#+-])(?=\s|$)/gm, '$1\\$2')
    .replace(/^(\s*)(\d+)\.(?=\s|$)/gm, '$1$2\\.');
}

function textMd(t: RichText): string {
  if (!t.text) return '';
  if (t.code) return '`' + t.text.replace(/`/g, 'ˋ') + '`';
  // Emphasis markers must hug the text: move surrounding spaces outside them.
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(t.text)!;
  if (!m[2]) return t.text;
  let inner = escapeMarkdown(m[2]);
  if (t.bold) inner = `**${inner}**`;
  if (t.italic) inner = `*${inner}*`;
  if (t.strike) inner = `~~${inner}~~`;
  return m[1] + inner + m[3];
}

function inlinesMd(inlines: RichInline[]): string {
  return inlines
    .map((i) => {
      if (i.kind === 'break') return '  \n';
      if (i.kind === 'text') return textMd(i);
      const inner = i.children.map(textMd).join('');
      return i.href ? `[${inner}](<${i.href.replace(/[<>]/g, '')}>)` : inner;
    })
    .join('');
}

function listMd(list: RichList, indent: string): string[] {
  return list.items.flatMap((item, i) => {
    const bullet = list.ordered ? `${list.start + i}.` : '-';
    const box = list.checklist ? (item.checked ? '[x] ' : '[ ] ') : '';
    const child = indent + ' '.repeat(bullet.length + 1);
    return [`${indent}${bullet} ${box}${inlinesMd(item.children)}`, ...item.nested.flatMap((n) => listMd(n, child))];
  });
}

/** Rich blocks → Markdown (CommonMark + GitHub strikethrough and task lists). */
export function richToMarkdown(blocks: RichBlock[]): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case 'paragraph':
          return inlinesMd(b.children);
        case 'heading':
          return `${'#'.repeat(b.level)} ${inlinesMd(b.children)}`;
        case 'quote':
          return `> ${inlinesMd(b.children).replace(/\n/g, '\n> ')}`;
        case 'code':
          return '```\n' + b.text.replace(/```/g, 'ˋˋˋ') + '\n```';
        case 'list':
          return listMd(b, '').join('\n');
      }
    })
    .join('\n\n');
}
