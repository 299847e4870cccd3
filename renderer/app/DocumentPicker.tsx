import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../shared/api/methods/documents';
import { useApi, useApiEvents, useLoad } from '../api/ApiProvider';
import './documentPicker.css';

/** Documents fetched per page; scrolling or arrowing past the last adds a page, up to MAX. */
const PAGE = 30;
const MAX = 500;

/** How a document is named in pickers: place, year, title (or file name when there is no title). */
export function documentLabel(d: DocumentSummary): string {
  return [d.city ?? d.province, d.year, d.title ?? d.file].filter(Boolean).join(' · ');
}

interface Found {
  q: string;
  total: number;
  documents: DocumentSummary[];
}

/**
 * A type-to-filter document picker (an ARIA combobox): the documents come from the backend a page
 * at a time, narrowed by what is typed (documents.find), so a corpus of 5,000 costs what one of
 * five does. Type, ↑/↓, Enter picks, Escape closes and restores the shown name. While an input
 * method composes (pinyin), nothing is looked up and neither Enter nor the arrows act: they belong
 * to the input method. Keys it handles never reach the page (Search's hit list, dialogs).
 */
export function DocumentPicker({
  value,
  onPick,
  onClear,
  label,
  placeholder,
  testId,
  chosen,
  autoFocus,
}: {
  /** The document shown when not typing (its name is looked up by id). */
  value: number | null;
  onPick: (d: DocumentSummary) => void;
  /** When given, a clear button shows while a document is chosen. */
  onClear?: () => void;
  label: string;
  placeholder?: string;
  testId: string;
  /** Documents to mark as already chosen (multi-select callers keep the chips themselves). */
  chosen?: readonly number[];
  autoFocus?: boolean;
}) {
  const { t } = useTranslation('app');
  const api = useApi();
  const id = useId();
  const listId = `${id}-list`;
  /** What the input shows while the researcher types; null shows the chosen document's name. */
  const [text, setText] = useState<string | null>(null);
  /** The text looked up: what is typed, except while an input method is still composing it. */
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const [active, setActive] = useState(0);
  const [found, setFound] = useState<Found | null>(null);
  const [busy, setBusy] = useState(false);
  const [tick, setTick] = useState(0);
  const composing = useRef(false);
  const foundQ = useRef<string | null>(null);
  const pendingPick = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  useApiEvents((e) => {
    if (e.type === 'changed' && e.topic === 'documents') setTick((x) => x + 1);
  });

  useEffect(() => {
    if (!open) return;
    let live = true;
    setBusy(true);
    api['documents.find']({ q, limit }).then(
      (r) => {
        if (!live) return;
        // A new text starts at the top; a longer page of the same text keeps the place.
        if (foundQ.current !== q) setActive(0);
        foundQ.current = q;
        setFound({ q, ...r });
        setBusy(false);
        // Enter pressed before this text's documents arrived picks the first of them, never one of the previous text's.
        if (pendingPick.current) {
          pendingPick.current = false;
          if (r.documents[0]) pickRef.current(r.documents[0]);
        }
      },
      () => live && setBusy(false),
    );
    return () => {
      live = false;
    };
  }, [api, open, q, limit, tick]);

  const selected = useLoad(
    (a) => (value == null ? Promise.resolve(null) : a['documents.find']({ ids: [value], limit: 1 }).then((r) => r.documents[0] ?? null)),
    [value],
    ['documents'],
  );
  const shownName = value == null ? '' : selected.data ? documentLabel(selected.data) : selected.loading ? '' : `#${value}`;
  const docs = found?.documents ?? [];
  const more = !!found && docs.length < found.total && limit < MAX;
  const optionId = (docId: number) => `${id}-opt-${docId}`;

  useEffect(() => {
    if (open && docs[active]) document.getElementById(optionId(docs[active].id))?.scrollIntoView({ block: 'nearest' });
  }, [active, open, found]); // eslint-disable-line react-hooks/exhaustive-deps

  const close = () => {
    pendingPick.current = false;
    setOpen(false);
    setText(null);
    setQ('');
    setLimit(PAGE);
    setActive(0);
  };
  const pick = (d: DocumentSummary) => {
    pendingPick.current = false;
    onPick(d);
    close();
  };
  const pickRef = useRef(pick);
  pickRef.current = pick;
  const lookUp = (v: string) => {
    setQ(v);
    setLimit(PAGE);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    // Keys during composition choose the input method's candidates, never a document.
    // They are kept from the page too (Search opens a hit on Enter), but not from the input method.
    if (e.nativeEvent.isComposing || composing.current || e.keyCode === 229) {
      if (['Enter', 'ArrowDown', 'ArrowUp', 'Escape'].includes(e.key)) e.stopPropagation();
      return;
    }
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      e.stopPropagation();
      if (!open) return setOpen(true);
      const next = Math.max(0, Math.min(docs.length - 1, active + (e.key === 'ArrowDown' ? 1 : -1)));
      setActive(next);
      if (e.key === 'ArrowDown' && next >= docs.length - 1 && more) setLimit((l) => Math.min(MAX, l + PAGE));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      e.stopPropagation();
      if (!open) setOpen(true);
      else if (found?.q === q && !busy) {
        if (docs[active]) pick(docs[active]);
      } else pendingPick.current = true;
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  };

  return (
    <span className="doc-picker" data-testid={testId}>
      <input
        ref={input}
        type="text"
        role="combobox"
        autoFocus={autoFocus}
        aria-label={label}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && docs[active] ? optionId(docs[active].id) : undefined}
        placeholder={placeholder ?? t('docPicker.placeholder')}
        value={text ?? shownName}
        data-testid={`${testId}-input`}
        title={text == null && shownName ? shownName : undefined}
        onFocus={(e) => {
          e.currentTarget.select();
          setOpen(true);
        }}
        onClick={() => setOpen(true)}
        onBlur={close}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          if (!composing.current) lookUp(e.target.value);
        }}
        onCompositionStart={() => {
          composing.current = true;
        }}
        onCompositionEnd={(e) => {
          composing.current = false;
          lookUp(e.currentTarget.value);
        }}
        onKeyDown={onKeyDown}
      />
      {onClear && value != null && (
        <button
          type="button"
          className="doc-picker-clear link"
          aria-label={t('docPicker.clear')}
          title={t('docPicker.clear')}
          data-testid={`${testId}-clear`}
          onClick={() => {
            onClear();
            input.current?.focus();
          }}
        >
          ×
        </button>
      )}
      {open && (
        <ul
          id={listId}
          role="listbox"
          aria-label={label}
          className="doc-picker-list"
          data-testid={`${testId}-list`}
          data-q={found?.q}
          data-total={found?.total}
          aria-busy={busy || !found}
          onMouseDown={(e) => e.preventDefault()}
          onScroll={(e) => {
            const el = e.currentTarget;
            if (more && !busy && el.scrollTop + el.clientHeight >= el.scrollHeight - 40) setLimit((l) => Math.min(MAX, l + PAGE));
          }}
        >
          {docs.map((d, i) => (
            <li
              key={d.id}
              id={optionId(d.id)}
              role="option"
              aria-selected={i === active}
              className={`${i === active ? 'active' : ''} ${d.id === value || chosen?.includes(d.id) ? 'chosen' : ''}`}
              data-testid={`${testId}-option`}
              data-doc-id={d.id}
              onMouseEnter={() => setActive(i)}
              onClick={() => pick(d)}
            >
              {documentLabel(d)}
            </li>
          ))}
          <li role="presentation" className="doc-picker-status muted" aria-live="polite" data-testid={`${testId}-status`}>
            {!found
              ? t('loading')
              : found.total === 0
                ? t('docPicker.none')
                : more || docs.length < found.total
                  ? t('docPicker.shown', { shown: docs.length, total: found.total })
                  : t('documents', { count: found.total })}
          </li>
        </ul>
      )}
    </span>
  );
}
