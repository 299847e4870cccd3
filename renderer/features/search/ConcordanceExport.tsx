import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/errors';
import type { SearchFilters } from '../../../shared/api/methods/search';
import { useApi } from '../../api/ApiProvider';
import { downloadExport } from '../export/download';

type State = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; name: string; count: number } | { kind: 'error'; message: string };

/**
 * Exports the current search as a keyword-in-context table (every occurrence, not one per
 * clause). An existing file of the same name is kept: the next free "name (2)" is used instead.
 */
export function ConcordanceExport({ query, filters }: { query: string; filters: SearchFilters }) {
  const { t, i18n } = useTranslation('search');
  const api = useApi();
  const [format, setFormat] = useState<'xlsx' | 'csv'>('xlsx');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const zh = i18n.language.startsWith('zh');

  async function run() {
    setState({ kind: 'working' });
    const base = `${zh ? '关键词语境' : 'Concordance'} ${query}`.replace(/[\\/:*?"<>|]+/g, ' ').trim();
    try {
      for (let n = 1; ; n++) {
        try {
          const result = await api['export.concordance']({ query, filters, format, locale: zh ? 'zh-CN' : 'en', fileName: n === 1 ? base : `${base} (${n})` });
          if (!window.policylens && result.downloadName) await downloadExport(result.downloadName);
          setState({ kind: 'done', name: result.downloadName ?? result.path.split(/[\\/]/).pop() ?? '', count: result.occurrences });
          return;
        } catch (e) {
          if (!(e instanceof ApiError && e.code === 'conflict') || n >= 50) throw e;
        }
      }
    } catch (e) {
      setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  }

  return (
    <span className="concordance-export">
      <select
        value={format}
        onChange={(e) => setFormat(e.target.value as 'xlsx' | 'csv')}
        aria-label={t('concordance.format')}
        data-testid="concordance-format"
      >
        <option value="xlsx">XLSX</option>
        <option value="csv">CSV</option>
      </select>
      <button onClick={() => void run()} disabled={state.kind === 'working' || !query.trim()} title={t('concordance.title')} data-testid="concordance-export">
        {t('concordance.button')}
      </button>
      <span role="status" className="muted" data-testid="concordance-status">
        {state.kind === 'working' && t('concordance.working')}
        {state.kind === 'done' && t('concordance.done', { name: state.name, count: state.count })}
      </span>
      {state.kind === 'error' && (
        <span role="alert" className="error">
          {t('concordance.failed', { message: state.message })}
        </span>
      )}
    </span>
  );
}
