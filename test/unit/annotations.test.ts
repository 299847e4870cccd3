import { describe, expect, it } from 'vitest';
import { AnnotationFormatError, clauseMentions, emptyState, parseState, plainText, restoreAnnotationState } from '../../shared/domain/annotations/index';

const doc = (children: unknown[]) => JSON.stringify({ root: { type: 'root', children } });

describe('annotation content', () => {
  it('derives plain text from headings, lists, quotes, links and mentions', () => {
    const s = parseState(
      doc([
        { type: 'heading', tag: 'h2', children: [{ type: 'text', text: '差异', format: 1 }] },
        { type: 'list', listType: 'bullet', children: [{ type: 'listitem', children: [{ type: 'text', text: '青岛更细' }] }] },
        { type: 'quote', children: [{ type: 'text', text: '原文' }] },
        {
          type: 'paragraph',
          children: [
            { type: 'link', url: 'https://example.org', children: [{ type: 'text', text: '来源' }] },
            { type: 'clause-mention', text: '@温州 (三)', docId: 3, clauseId: 40 },
          ],
        },
      ]),
    );
    expect(plainText(s)).toBe('差异\n• 青岛更细\n原文\n来源@温州 (三)');
    expect(clauseMentions(s)).toEqual([{ docId: 3, clauseId: 40, text: '@温州 (三)' }]);
  });

  it('refuses what is not an editor state, with a reason', () => {
    expect(() => parseState('{')).toThrow(AnnotationFormatError);
    expect(() => parseState('{"root":{"type":"paragraph","children":[]}}')).toThrow(/root/);
    expect(() => parseState('x'.repeat(1_000_001))).toThrow(/too large/);
  });

  it('keeps damaged stored content as text instead of dropping it', () => {
    const restored = restoreAnnotationState('half a note {', 1);
    expect(plainText(restored)).toBe('half a note {');
    expect(plainText(emptyState())).toBe('');
  });
});
