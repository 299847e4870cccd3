import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../shared/api/methods/search';
import { clauseLabel } from '../../../shared/domain/labels';
import { routeHref } from '../../app/router';
import { Snippet } from './Snippet';

export interface Group {
  docId: number;
  title: string | null;
  city: string | null;
  year: number | null;
  hits: SearchHit[];
}

/** Hits grouped by document, documents in the order of their best hit. */
export function groupHits(hits: SearchHit[]): Group[] {
  const groups = new Map<number, Group>();
  for (const h of hits) {
    if (!groups.has(h.docId)) groups.set(h.docId, { docId: h.docId, title: h.title, city: h.city, year: h.year, hits: [] });
    groups.get(h.docId)!.hits.push(h);
  }
  return [...groups.values()];
}

/** The term to highlight in the Reader: the longest query term that this hit's snippet shows. */
export function readerTerm(hit: SearchHit, terms: string[]): string {
  const shown = hit.snippet.text.normalize('NFKC').replace(/\s+/gu, '');
  return terms.find((t) => shown.includes(t)) ?? terms[0] ?? '';
}

/**
 * The hits, grouped by document. Memoised: typing in the document facet's filter changes the
 * page's state twice per keystroke (the filter, then its answer), and the hits with their
 * snippets are most of what the page draws; they re-render only when they, the active hit or the
 * counts per document change.
 */
export const HitGroups = memo(function HitGroups({
  groups,
  terms,
  activeId,
  countOf,
  onHover,
  onOpen,
}: {
  groups: Group[];
  terms: string[];
  activeId: number | undefined;
  countOf: ReadonlyMap<number, number>;
  onHover: (hit: SearchHit) => void;
  onOpen: (hit: SearchHit) => void;
}) {
  const { t } = useTranslation('search');
  return (
    <>
      {groups.map((g) => (
        <section key={g.docId} className="search-group" data-testid="search-group">
          <h2>
            <a href={routeHref('reader', [g.docId])}>{g.title ?? `#${g.docId}`}</a>
            <span className="muted">
              {' '}
              · {g.city ?? t('unknownCity')}
              {g.year ? ` · ${g.year}` : ''}
            </span>
            {countOf.has(g.docId) && <span className="tag">{t('hitsInDoc', { count: countOf.get(g.docId) })}</span>}
          </h2>
          <ul>
            {g.hits.map((h) => (
              <li
                key={h.clauseId}
                id={`search-hit-${h.clauseId}`}
                role="option"
                aria-selected={h.clauseId === activeId}
                className={`search-hit ${h.clauseId === activeId ? 'active' : ''}`}
                data-testid="search-hit"
                onMouseEnter={() => onHover(h)}
              >
                <a
                  href={routeHref('reader', [h.docId], { clause: h.clauseId, q: readerTerm(h, terms) || undefined })}
                  onClick={(e) => {
                    e.preventDefault();
                    onOpen(h);
                  }}
                  title={t('open')}
                >
                  {h.path && (
                    <span className="hit-path" data-testid="hit-path" title={h.part ?? undefined}>
                      {clauseLabel(h.path, h.part)}
                    </span>
                  )}
                  <Snippet snippet={h.snippet} />
                </a>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
});
