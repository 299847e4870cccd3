import { useTranslation } from 'react-i18next';
import { memberLabel, type Column, type StatusFilter } from './model';

export interface ToolbarState {
  status: StatusFilter;
  theme: string;
  minScore: number;
  matchedOnly: boolean;
  pivot: number;
}

interface Props {
  state: ToolbarState;
  set: (patch: Partial<ToolbarState>) => void;
  columns: Column[];
  themes: Array<{ id: string; name: string }> | null;
}

/** Filters of the side-by-side view and the choice of the document the rows follow. */
export function CompareToolbar({ state, set, columns, themes }: Props) {
  const { t } = useTranslation('compare');
  return (
    <div className="toolbar compare-filters">
      <label>
        {t('pivot')}{' '}
        <select data-testid="pivot" value={state.pivot} onChange={(e) => set({ pivot: Number(e.target.value) })}>
          {columns.map((c, k) => (
            <option key={k} value={k}>
              {memberLabel(c)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input type="checkbox" data-testid="matched-only" checked={state.matchedOnly} onChange={(e) => set({ matchedOnly: e.target.checked })} />{' '}
        {t('matchedOnly')}
      </label>
      <label>
        {t('filterStatus')}{' '}
        <select data-testid="filter-status" value={state.status} onChange={(e) => set({ status: e.target.value as StatusFilter })}>
          <option value="all">{t('all')}</option>
          <option value="suggested">{t('statusSuggested')}</option>
          <option value="confirmed">{t('statusConfirmed')}</option>
          <option value="unmatched">{t('statusUnmatched')}</option>
          <option value="rejected">{t('statusRejected')}</option>
        </select>
      </label>
      {themes && (
        <label>
          {t('filterTheme')}{' '}
          <select data-testid="filter-theme" value={state.theme} onChange={(e) => set({ theme: e.target.value })}>
            <option value="">{t('anyTheme')}</option>
            {themes.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t('minScore')}{' '}
        <input
          data-testid="filter-score"
          type="range"
          min={0}
          max={0.6}
          step={0.05}
          value={state.minScore}
          onChange={(e) => set({ minScore: Number(e.target.value) })}
        />
        <output>{state.minScore.toFixed(2)}</output>
      </label>
    </div>
  );
}
