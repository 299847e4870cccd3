import { $createLinkNode, LinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode, ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { $createParagraphNode, $createTextNode, $getRoot, createEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { lexicalToRich, richToHtml, richToMarkdown, richToParagraphs, richToPlain } from '../../shared/domain/lexical-render';

/** A real editor state, serialized by Lexical itself: bold, a link, and a nested bulleted list. */
function realState(): unknown {
  const editor = createEditor({
    nodes: [ListNode, ListItemNode, LinkNode, HeadingNode, QuoteNode],
    onError: (e) => {
      throw e;
    },
  });
  editor.update(
    () => {
      const p = $createParagraphNode();
      p.append($createTextNode('融资担保 '), $createTextNode('重点').toggleFormat('bold'), $createTextNode(' 见 '));
      p.append($createLinkNode('https://example.org/a?b=1').append($createTextNode('文件')));
      const list = $createListNode('bullet');
      const inner = $createListNode('number');
      inner.append($createListItemNode().append($createTextNode('子项 <script>')));
      list.append($createListItemNode().append($createTextNode('第一条 𠀀')), $createListItemNode().append(inner));
      $getRoot().append(p, list);
    },
    { discrete: true },
  );
  return editor.getEditorState().toJSON();
}

describe('lexical-render', () => {
  it('renders a real Lexical state with formatting, links and nested lists', () => {
    const blocks = lexicalToRich(realState());
    const html = richToHtml(blocks);
    expect(html).toContain('<strong>重点</strong>');
    expect(html).toContain('<a href="https://example.org/a?b=1" rel="noreferrer noopener">文件</a>');
    expect(html).toMatch(/<ul><li>第一条 𠀀<ol><li>子项 &lt;script&gt;<\/li><\/ol><\/li><\/ul>/);
    const md = richToMarkdown(blocks);
    expect(md).toContain('**重点**');
    expect(md).toContain('[文件](<https://example.org/a?b=1>)');
    expect(md).toContain('- 第一条 𠀀\n  1. 子项 \\<script\\>');
    expect(richToPlain(blocks)).toBe('融资担保 重点 见 文件\n• 第一条 𠀀\n  1. 子项 <script>');
    const paras = richToParagraphs(blocks);
    expect(paras.map((p) => [p.style, p.level])).toEqual([
      ['normal', 0],
      ['bullet', 0],
      ['numbered', 1],
    ]);
    expect(paras[0].runs.find((r) => r.text === '重点')?.bold).toBe(true);
    expect(paras[0].runs.find((r) => r.text === '文件')?.href).toBe('https://example.org/a?b=1');
  });

  it('drops unsafe link schemes and escapes every text', () => {
    const state = {
      root: {
        type: 'root',
        children: [
          {
            type: 'paragraph',
            children: [
              { type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', text: 'click', format: 0 }] },
              { type: 'text', text: '"><img src=x onerror=alert(1)>', format: 3 },
            ],
          },
        ],
      },
    };
    const html = richToHtml(lexicalToRich(state));
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('<img');
    expect(html).toContain('<em><strong>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</strong></em>');
  });

  it('never throws on malformed input', () => {
    const deep: Record<string, unknown> = { type: 'paragraph', children: [] };
    let cur = deep;
    for (let i = 0; i < 5000; i++) {
      const next = { type: 'x', children: [] as unknown[] };
      (cur.children as unknown[]).push(next);
      cur = next;
    }
    for (const bad of [
      null,
      42,
      'not json {',
      '{"root":5}',
      [],
      { root: { children: [null, 1, 'x', { type: 'list', children: [7] }] } },
      { root: { children: [deep] } },
    ]) {
      expect(() => richToHtml(lexicalToRich(bad))).not.toThrow();
    }
    expect(richToPlain(lexicalToRich('not json {'))).toBe('not json {');
    expect(lexicalToRich(JSON.stringify(realState())).length).toBe(2);
  });
});
