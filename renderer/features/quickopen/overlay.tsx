import Fuse from 'fuse.js';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiProvider';
import { useCommand } from '../../app/commands';
import { isComposingKey } from '../../app/commands/keyboard';
import { DialogOverlay } from '../../app/DialogOverlay';
import { type QuickOpenItem, quickOpenSources } from '../../app/extensions';
import { navigate } from '../../app/router';
import './quickopen.css';

const MAX_SHOWN = 50;

/**
 * Ctrl+K / ⌘K anywhere: fuzzy-find documents, cities, clause headings, themes, notes and commands.
 * Extended search: words separated by spaces must all match (海曙 成长计划), each fuzzily.
 */
export function Overlay() {
  const { t } = useTranslation('quickopen');
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const [items, setItems] = useState<QuickOpenItem[] | null>(null);
  const [active, setActive] = useState(0);
  const back = useRef<Element | null>(null);

  useCommand('app.quickOpen', () => setOpen((o) => !o));

  // Items are loaded each time the palette opens, so it never offers a deleted document.
  useEffect(() => {
    if (!open) return;
    back.current = document.activeElement;
    setQ('');
    setActive(0);
    setItems(null);
    let live = true;
    void Promise.all(quickOpenSources.map((s) => s.load(api, t).catch(() => [] as QuickOpenItem[]))).then((lists) => live && setItems(lists.flat()));
    return () => {
      live = false;
    };
  }, [open]); // eslint-disable-line react-hooks/exhaustive-deps

  // Items looked up for the typed text (a large corpus's documents), tagged with the text they answer.
  const [found, setFound] = useState<{ q: string; items: QuickOpenItem[] }>({ q: '', items: [] });
  useEffect(() => {
    const typed = q.trim();
    if (!open || !items || !typed) return;
    let live = true;
    void Promise.all(quickOpenSources.map((s) => s.find?.(api, typed, t).catch(() => [] as QuickOpenItem[]) ?? [])).then(
      (lists) => live && setFound({ q: typed, items: lists.flat() }),
    );
    return () => {
      live = false;
    };
  }, [open, items, q]); // eslint-disable-line react-hooks/exhaustive-deps

  const fuse = useMemo(
    () =>
      new Fuse(items ?? [], {
        keys: [{ name: 'title', weight: 2 }, 'subtitle', 'keywords'],
        threshold: 0.35,
        ignoreLocation: true,
        useExtendedSearch: true,
        includeScore: true,
      }),
    [items],
  );
  const shown = useMemo(() => {
    const all = items ?? [];
    if (!q.trim()) return [...all.filter((i) => i.kind === 'command'), ...all.filter((i) => i.kind !== 'command')].slice(0, MAX_SHOWN);
    // Looked-up items match every typed word exactly: they rank with fuse's near-exact matches.
    const looked = found.q === q.trim() ? found.items.map((item) => ({ item, score: 0.01 })) : [];
    const fuzzy = fuse.search(q.trim(), { limit: MAX_SHOWN }).map((r) => ({ item: r.item, score: r.score ?? 1 }));
    const seen = new Set<string>();
    const matches = [...fuzzy, ...looked]
      .sort((a, b) => a.score - b.score)
      .filter(({ item }) => !seen.has(item.id) && seen.add(item.id))
      .slice(0, MAX_SHOWN)
      .map((r) => r.item);
    const searchItem: QuickOpenItem = {
      id: 'search-for',
      kind: 'command',
      title: t('searchFor', { q: q.trim() }),
      run: () => navigate('search', [], { q: q.trim() }),
    };
    return [...matches, searchItem];
  }, [fuse, items, found, q, t]);

  useEffect(() => setActive(0), [q]);
  if (!open) return null;

  const close = () => {
    setOpen(false);
    if (back.current instanceof HTMLElement) back.current.focus();
  };
  const run = (item: QuickOpenItem | undefined) => {
    if (!item) return;
    setOpen(false);
    item.run();
  };
  const onKey = (e: React.KeyboardEvent) => {
    // Enter and Escape while an input method composes belong to it (pick a candidate, cancel).
    if (isComposingKey(e)) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(shown.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      run(shown[active]);
    }
  };

  return (
    <DialogOverlay onClose={close}>
      <div className="dialog quickopen" role="dialog" aria-modal="true" aria-label={t('title')} data-testid="quickopen" onKeyDown={onKey}>
        <input
          autoFocus
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t('placeholder')}
          aria-label={t('title')}
          role="combobox"
          aria-expanded="true"
          aria-controls="quickopen-list"
          aria-activedescendant={shown[active] ? `qo-${shown[active].id}` : undefined}
          data-testid="quickopen-input"
        />
        {!items && <p className="muted">{t('loading')}</p>}
        {items && !shown.length && <p className="muted">{t('none')}</p>}
        <ul id="quickopen-list" role="listbox">
          {shown.map((item, i) => (
            <li
              key={item.id}
              id={`qo-${item.id}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseEnter={() => setActive(i)}
              onClick={() => run(item)}
              data-testid="quickopen-item"
            >
              <span className="qo-kind">{t(`kind.${item.kind}`)}</span>
              <span className="qo-title">{item.title}</span>
              {item.subtitle && <span className="qo-sub muted">{item.subtitle}</span>}
            </li>
          ))}
        </ul>
        <p className="muted qo-hint">{t('hint')}</p>
      </div>
    </DialogOverlay>
  );
}
