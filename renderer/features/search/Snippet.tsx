import type { SearchHit } from '../../../shared/api/methods/search';

/** Snippet text with every occurrence in <mark>; text only, never HTML. */
export function Snippet({ snippet }: { snippet: SearchHit['snippet'] }) {
  const parts: Array<{ text: string; hit: boolean }> = [];
  let at = 0;
  for (const h of snippet.highlights) {
    if (h.start > at) parts.push({ text: snippet.text.slice(at, h.start), hit: false });
    parts.push({ text: snippet.text.slice(h.start, h.end), hit: true });
    at = h.end;
  }
  if (at < snippet.text.length) parts.push({ text: snippet.text.slice(at), hit: false });
  return (
    <span className="snippet">
      {snippet.cutStart && '…'}
      {parts.map((p, i) =>
        p.hit ? (
          <mark key={i} className="hit">
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
      {snippet.cutEnd && '…'}
    </span>
  );
}
