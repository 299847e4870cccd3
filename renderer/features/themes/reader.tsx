import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Clause } from '../../../shared/api/methods/documents';
import { useApi, useApiEvents } from '../../api/ApiProvider';
import type { MarkedRange, ReaderExtension } from '../../app/extensions';
import { type FilterMode, currentCoderId, loadCodebook, loadDocThemes, setFilter, setFilterMode, themeById, useClauseThemes, useThemesState } from './store';
import { ClauseThemeChips, ThemeFilter, clauseHasThemes } from './embed';
import { ThemeSelect, themeName } from './ThemeSelect';
import { useUndoShortcuts } from './useUndo';
import './themes.css';
import { type InstrumentClass, instrumentClasses } from '../../../shared/domain/vocabulary';

/** Loads the codebook and the document's codings once per Reader, and again on every 'themes' event. */
function useRanges(docId: number): MarkedRange[] {
  const api = useApi();
  const { codebook, docs } = useThemesState();
  const { i18n } = useTranslation();
  useEffect(() => {
    void loadCodebook(api);
    void loadDocThemes(api, docId);
  }, [api, docId]);
  useApiEvents((e) => {
    if (e.type === 'changed' && (e.topic === 'themes' || e.topic === 'documents')) {
      void loadCodebook(api);
      void loadDocThemes(api, docId);
    }
  });
  const rows = docs.get(docId);
  if (!rows || !codebook) return [];
  const out: MarkedRange[] = [];
  for (const r of rows.values()) {
    for (const g of r.ranges) {
      const theme = themeById(codebook, g.themeId);
      if (!theme) continue;
      out.push({
        start: g.start,
        end: g.end,
        className: 'coded-range',
        style: { backgroundColor: `${theme.color}33`, borderBottom: `2px solid ${theme.color}` },
        title: themeName(theme, i18n.language),
      });
    }
  }
  return out;
}

function Margin({ clause, docId }: { clause: Clause; docId: number }) {
  const row = useClauseThemes(docId, clause.id);
  const { codebook } = useThemesState();
  const { i18n } = useTranslation();
  if (!row) return null;
  const accepted = new Set([...row.themes.filter((t) => t.status === 'accepted').map((t) => t.id), ...row.ranges.map((r) => r.themeId)]);
  const suggested = row.themes.filter((t) => t.status === 'suggested' && !accepted.has(t.id)).map((t) => t.id);
  return (
    <div className="coding-stripes">
      {[...accepted].map((id) => {
        const th = themeById(codebook, id);
        return th ? (
          <span key={id} className="stripe" data-testid="coding-stripe" data-theme={id} style={{ background: th.color }} title={themeName(th, i18n.language)} />
        ) : null;
      })}
      {suggested.map((id) => {
        const th = themeById(codebook, id);
        return th ? (
          <span
            key={id}
            className="stripe suggested"
            data-testid="suggestion-stripe"
            data-theme={id}
            style={{ borderColor: th.color }}
            title={themeName(th, i18n.language)}
          />
        ) : null;
      })}
    </div>
  );
}

function Actions({ clause, docId }: { clause: Clause; docId: number }) {
  const api = useApi();
  const { t, i18n } = useTranslation('themes');
  const row = useClauseThemes(docId, clause.id);
  const { codebook } = useThemesState();
  if (clause.kind === 'preamble' || clause.kind === 'part') return null;
  return (
    <span className="theme-actions">
      <ClauseThemeChips docId={docId} clauseId={clause.id} />
      {row && (
        <label className="instrument-pick">
          {t('instrumentLabel')}{' '}
          <select
            data-testid="instrument-select"
            value={row.instrument ?? ''}
            onChange={(e) => void api['themes.setInstrument']({ clauseId: clause.id, instrument: (e.target.value || null) as InstrumentClass | null })}
          >
            <option value="">—</option>
            {instrumentClasses.map((c) => (
              <option key={c} value={c}>
                {t(`instruments.${c}`)}
              </option>
            ))}
          </select>{' '}
          {row.instrument && (
            <select
              aria-label={t('subInstrument')}
              data-testid="sub-instrument-select"
              value={row.subInstrument ?? ''}
              onChange={(e) => void api['themes.setInstrument']({ clauseId: clause.id, instrument: row.instrument, subInstrument: e.target.value || null })}
            >
              <option value="">—</option>
              {codebook?.instruments
                .find((c) => c.id === row.instrument)
                ?.subInstruments.map((sub) => (
                  <option key={sub.id} value={sub.id}>
                    {i18n.language.startsWith('zh') ? sub.nameZh : sub.nameEn}
                  </option>
                ))}
            </select>
          )}{' '}
          <span className="muted">({row.instrumentSource === 'manual' ? t('manual') : t('auto')})</span>
        </label>
      )}
    </span>
  );
}

function SelectionActions({ clause, start, end, clear }: { clause: Clause; docId: number; start: number; end: number; text: string; clear: () => void }) {
  const api = useApi();
  const { t } = useTranslation('themes');
  const { codebook } = useThemesState();
  if (!codebook) return null;
  return (
    <ThemeSelect
      themes={codebook.themes}
      label={t('codeSelection')}
      testId="code-range"
      onPick={(themeId) => void api['themes.code']({ clauseId: clause.id, themeId, start, end, coderId: currentCoderId() }).then(clear)}
    />
  );
}
/** Filter by theme (dims other clauses), undo/redo, and the keyboard shortcuts while reading. */
function Panel({ docId }: { docId: number; selectedClause: Clause | null }) {
  const { t } = useTranslation('themes');
  const api = useApi();
  const { docs, filter, filterMode, codebook, coderId } = useThemesState();
  const { i18n } = useTranslation();
  const { message, undo, redo } = useUndoShortcuts();
  const [threshold, setThreshold] = useState(0.8);
  const [accepted, setAccepted] = useState<number | null>(null);
  const rows = docs.get(docId);
  const matching = rows && filter.length ? [...rows.values()].filter((r) => clauseHasThemes(r, filter, filterMode)).map((r) => r.clauseId) : [];
  // An empty result says which counting excluded what, never just "nothing".
  const other = (m: FilterMode) => (rows ? [...rows.values()].filter((r) => clauseHasThemes(r, filter, m)).length : 0);
  const names = filter
    .map((id) => themeById(codebook, id))
    .filter((x) => !!x)
    .map((x) => themeName(x!, i18n.language))
    .join(', ');
  return (
    <section className="panel themes-panel" data-testid="themes-panel">
      <h3>{t('filterTitle')}</h3>
      {filter.length > 0 && (
        <style>{`.reader-text .clause { opacity: .3 } ${matching.map((id) => `#clause-${id}`).join(', ') || '#none'} { opacity: 1 }`}</style>
      )}
      <ThemeFilter value={filter} onChange={setFilter} />
      <label className="filter-mode">
        {t('filterMode')}{' '}
        <select data-testid="reader-filter-mode" value={filterMode} onChange={(e) => setFilterMode(e.target.value as FilterMode)}>
          {(['both', 'coded', 'suggested'] as const).map((m) => (
            <option key={m} value={m}>
              {t(`filterModes.${m}`)}
            </option>
          ))}
        </select>
      </label>
      {filter.length > 0 && (
        <p className="muted" data-testid="reader-filter-count">
          {t('filterMatches', { count: matching.length, themes: names, mode: t(`filterModes.${filterMode}`) })}
        </p>
      )}
      {filter.length > 0 && matching.length === 0 && filterMode !== 'both' && other('both') > 0 && (
        <p className="muted" data-testid="reader-filter-excluded">
          {t('filterExcluded', { count: other('both'), mode: t(`filterModes.${filterMode}`) })}
        </p>
      )}
      {filter.length > 0 && (
        <p className="muted">
          {t('filterHint')}{' '}
          <button type="button" onClick={() => setFilter([])}>
            {t('filterNone')}
          </button>
        </p>
      )}
      <div className="toolbar">
        <button type="button" data-testid="themes-undo" onClick={undo} title="Ctrl+Z">
          {t('undo')}
        </button>
        <button type="button" data-testid="themes-redo" onClick={redo} title="Ctrl+Shift+Z">
          {t('redo')}
        </button>
        {/* Suggestions are the consensus's: a coder codes blind, without them. */}
        {coderId === null && (
          <>
            <button
              type="button"
              data-testid="accept-above"
              onClick={() => void api['themes.acceptAbove']({ docId, minScore: threshold }).then((r) => setAccepted(r.accepted))}
            >
              {t('acceptAbove')}
            </button>
            <input
              type="number"
              aria-label={t('acceptAbove')}
              data-testid="accept-threshold"
              min={0}
              max={1}
              step={0.05}
              value={threshold}
              onChange={(e) => setThreshold(Math.min(1, Math.max(0, Number(e.target.value) || 0)))}
            />
          </>
        )}
      </div>
      {message && (
        <p role="status" data-testid="themes-message">
          {message}
        </p>
      )}
      {accepted !== null && <p role="status">{t('acceptedN', { count: accepted })}</p>}
    </section>
  );
}

export const readerExtension: ReaderExtension = { id: 'themes', Margin, Actions, SelectionActions, Panel, useRanges };
