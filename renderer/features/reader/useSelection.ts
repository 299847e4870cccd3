import { useEffect, useState } from 'react';

export interface TextSelection {
  clauseId: number;
  start: number;
  end: number;
  text: string;
}

/** Offset in the cleaned text of a DOM position inside a piece that carries data-offset. */
function offsetOf(node: Node, offset: number): { clauseId: number; at: number } | null {
  const el = (node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element))?.closest<HTMLElement>('[data-offset]');
  const clause = el?.closest<HTMLElement>('[data-clause-id]');
  if (!el || !clause) return null;
  return { clauseId: Number(clause.dataset.clauseId), at: Number(el.dataset.offset) + (node.nodeType === Node.TEXT_NODE ? offset : 0) };
}

/** The researcher's text selection inside one clause, as offsets into the cleaned text. */
export function useTextSelection(container: HTMLElement | null): [TextSelection | null, () => void] {
  const [sel, setSel] = useState<TextSelection | null>(null);
  useEffect(() => {
    if (!container) return;
    const onUp = () => {
      const s = window.getSelection();
      if (!s || s.isCollapsed || !s.rangeCount) return setSel(null);
      const r = s.getRangeAt(0);
      if (!container.contains(r.commonAncestorContainer)) return setSel(null);
      const a = offsetOf(r.startContainer, r.startOffset);
      const b = offsetOf(r.endContainer, r.endOffset);
      if (!a || !b || a.clauseId !== b.clauseId || b.at <= a.at) return setSel(null);
      setSel({ clauseId: a.clauseId, start: a.at, end: b.at, text: s.toString() });
    };
    container.addEventListener('mouseup', onUp);
    container.addEventListener('keyup', onUp);
    return () => {
      container.removeEventListener('mouseup', onUp);
      container.removeEventListener('keyup', onUp);
    };
  }, [container]);
  return [
    sel,
    () => {
      window.getSelection()?.removeAllRanges();
      setSel(null);
    },
  ];
}
