// Coding outside the Reader: the compare view (and any other view) embeds these to code clauses,
// decide on suggestions and filter by theme, sharing the Reader's store and undo.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClauseThemes } from '../../../shared/api/methods/themes';
import { useApi, useApiEvents } from '../../api/ApiProvider';
import { CheckIcon, CrossIcon } from '../../app/icons';
import { type FilterMode, currentCoderId, loadCodebook, loadDocThemes, themeById, useClauseThemes, useThemesState } from './store';
import { ThemeSelect, themeName } from './ThemeSelect';

/** Loads (and keeps fresh) the codebook and the codings of the given documents. */
export function useDocumentThemes(docIds: number[]): void {
  const api = useApi();
  const key = docIds.join(',');
  useEffect(() => {
    void loadCodebook(api);
    for (const id of docIds) void loadDocThemes(api, id);
    // `key` is docIds by value: a new array with the same ids must not reload.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key]);
  useApiEvents((e) => {
    if (e.type === 'changed' && e.topic === 'themes') {
      void loadCodebook(api);
      for (const id of docIds) void loadDocThemes(api, id);
    }
  });
}

/**
 * True when the clause carries one of the themes, counting confirmed codings (accepted, coded
 * ranges), open suggestions, or both (never rejected ones); an empty filter matches all.
 */
export function clauseHasThemes(row: ClauseThemes | undefined, filter: string[], mode: FilterMode = 'both'): boolean {
  if (!filter.length) return true;
  if (!row) return false;
  const coded = row.themes.some((x) => x.status === 'accepted' && filter.includes(x.id)) || row.ranges.some((g) => filter.includes(g.themeId));
  const suggested = row.themes.some((x) => x.status === 'suggested' && filter.includes(x.id));
  return mode === 'coded' ? coded : mode === 'suggested' ? suggested : coded || suggested;
}

/** Theme chips of a clause with accept/reject/remove, and a "code as…" select. Call useDocumentThemes for its document. */
export function ClauseThemeChips({ docId, clauseId, start, end }: { docId: number; clauseId: number; start?: number; end?: number }) {
  const api = useApi();
  const { t, i18n } = useTranslation('themes');
  const row = useClauseThemes(docId, clauseId);
  const { codebook } = useThemesState();
  if (!codebook) return null;
  const visible = row?.themes.filter((x) => x.status !== 'rejected') ?? [];
  return (
    <span className="theme-actions" data-testid="theme-actions">
      <ThemeSelect
        themes={codebook.themes}
        label={start !== undefined ? t('codeSelection') : t('code')}
        testId={start !== undefined ? 'code-range' : 'code-clause'}
        exclude={start !== undefined ? [] : visible.filter((x) => x.status === 'accepted').map((x) => x.id)}
        onPick={(themeId) => void api['themes.code']({ clauseId, themeId, start, end, coderId: currentCoderId() })}
      />
      {start === undefined &&
        visible.map((x) => {
          const th = themeById(codebook, x.id);
          if (!th) return null;
          return (
            <span
              key={x.id}
              className={`theme-chip ${x.status}`}
              data-testid={x.status === 'suggested' ? 'suggestion' : 'coding'}
              data-theme={x.id}
              style={{ borderColor: th.color }}
            >
              <span className="dot" style={{ background: th.color }} />
              {themeName(th, i18n.language)}
              {x.status === 'suggested' && <span className="muted"> {t('score', { score: x.score.toFixed(2) })}</span>}
              {x.status === 'suggested' ? (
                <>
                  <button
                    type="button"
                    data-testid="accept-suggestion"
                    title={t('accept')}
                    aria-label={`${t('accept')} ${themeName(th, i18n.language)}`}
                    onClick={() => void api['themes.decide']({ codingIds: [x.codingId], status: 'accepted' })}
                  >
                    <CheckIcon />
                  </button>
                  <button
                    type="button"
                    data-testid="reject-suggestion"
                    title={t('reject')}
                    aria-label={`${t('reject')} ${themeName(th, i18n.language)}`}
                    onClick={() => void api['themes.decide']({ codingIds: [x.codingId], status: 'rejected' })}
                  >
                    <CrossIcon />
                  </button>
                </>
              ) : (
                <button
                  type="button"
                  data-testid="remove-coding"
                  title={t('remove')}
                  aria-label={`${t('remove')} ${themeName(th, i18n.language)}`}
                  onClick={() => void api['themes.uncode']({ codingId: x.codingId })}
                >
                  <CrossIcon />
                </button>
              )}
            </span>
          );
        })}
    </span>
  );
}

/** A multi-choice theme filter for list views (checkbox per theme). */
export function ThemeFilter({ value, onChange }: { value: string[]; onChange: (v: string[]) => void }) {
  const { i18n } = useTranslation();
  const { codebook } = useThemesState();
  return (
    <div className="theme-filter" data-testid="theme-filter">
      {codebook?.themes.map((th) => (
        <label key={th.id} className="theme-filter-item">
          <input
            type="checkbox"
            data-testid={`filter-${th.id}`}
            checked={value.includes(th.id)}
            onChange={(e) => onChange(e.target.checked ? [...value, th.id] : value.filter((x) => x !== th.id))}
          />
          <span className="dot" style={{ background: th.color }} /> {themeName(th, i18n.language)}
        </label>
      ))}
    </div>
  );
}
