import type { RichBlock, RichInline, RichList, RichText } from './tree';

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function textHtml(t: RichText): string {
  let h = escapeHtml(t.text);
  if (t.code) h = `<code>${h}</code>`;
  if (t.bold) h = `<strong>${h}</strong>`;
  if (t.italic) h = `<em>${h}</em>`;
  if (t.underline) h = `<u>${h}</u>`;
  if (t.strike) h = `<s>${h}</s>`;
  if (t.sub) h = `<sub>${h}</sub>`;
  if (t.sup) h = `<sup>${h}</sup>`;
  if (t.highlight) h = `<mark>${h}</mark>`;
  return h;
}

function inlinesHtml(inlines: RichInline[]): string {
  return inlines
    .map((i) => {
      if (i.kind === 'break') return '<br>';
      if (i.kind === 'text') return textHtml(i);
      const inner = i.children.map(textHtml).join('');
      // rel=noreferrer: an exported report must not leak where it was opened from.
      return i.href ? `<a href="${escapeHtml(i.href)}" rel="noreferrer noopener">${inner}</a>` : inner;
    })
    .join('');
}

function listHtml(list: RichList): string {
  const tag = list.ordered ? 'ol' : 'ul';
  const start = list.ordered && list.start !== 1 ? ` start="${list.start}"` : '';
  const items = list.items
    .map((item) => {
      const box = list.checklist ? (item.checked ? '☑ ' : '☐ ') : '';
      return `<li>${box}${inlinesHtml(item.children)}${item.nested.map(listHtml).join('')}</li>`;
    })
    .join('');
  return `<${tag}${start}>${items}</${tag}>`;
}

/** Rich blocks → an HTML fragment. Every text is escaped; only safe link URLs are emitted. */
export function richToHtml(blocks: RichBlock[]): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case 'paragraph':
          return `<p>${inlinesHtml(b.children)}</p>`;
        case 'heading':
          return `<h${b.level}>${inlinesHtml(b.children)}</h${b.level}>`;
        case 'quote':
          return `<blockquote>${inlinesHtml(b.children)}</blockquote>`;
        case 'code':
          return `<pre><code>${escapeHtml(b.text)}</code></pre>`;
        case 'list':
          return listHtml(b);
      }
    })
    .join('\n');
}
