import { useTranslation } from 'react-i18next';
import type { Clause } from '../../../shared/api/methods/documents';

interface Node {
  clause: Clause;
  children: Node[];
}

function tree(clauses: Clause[]): Node[] {
  const byId = new Map<number, Node>();
  const roots: Node[] = [];
  for (const c of clauses) {
    const n = { clause: c, children: [] };
    byId.set(c.id, n);
    const parent = c.parentId != null ? byId.get(c.parentId) : undefined;
    (parent ? parent.children : roots).push(n);
  }
  return roots;
}

function caption(c: Clause, t: (k: string) => string): string {
  if (c.kind === 'preamble') return t('preamble');
  const body = c.heading ?? c.text.slice(0, 24);
  return `${c.label}${body}`;
}

/** The clause tree; picking an entry selects the clause and scrolls the text to it. */
export function Outline({ clauses, selected, onSelect }: { clauses: Clause[]; selected: number | null; onSelect: (id: number) => void }) {
  const { t } = useTranslation('reader');
  const render = (nodes: Node[], depth: number) => (
    <ul role={depth === 0 ? 'tree' : 'group'} aria-label={depth === 0 ? t('outline') : undefined}>
      {nodes.map((n) => (
        <li key={n.clause.id} role="treeitem" aria-selected={selected === n.clause.id} aria-level={depth + 1}>
          <button
            className={`outline-item kind-${n.clause.kind} ${selected === n.clause.id ? 'selected' : ''}`}
            onClick={() => onSelect(n.clause.id)}
            data-testid="outline-item"
            title={n.clause.path}
          >
            {caption(n.clause, t)}
          </button>
          {n.children.length > 0 && render(n.children, depth + 1)}
        </li>
      ))}
    </ul>
  );
  return <nav className="outline">{render(tree(clauses), 0)}</nav>;
}
