import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../shared/api/contract';
import type { DocumentSummary } from '../../../shared/api/methods/documents';
import { useApi, useLoad } from '../../api/ApiProvider';
import type { Route } from '../../app/router';
import { AttributeManager } from './AttributeManager';
import { BulkBar } from './BulkBar';
import { buildColumns, type Column, rawValue, setInput, type Values } from './columns';
import { Grid } from './Grid';
import { useAttributeHistory } from './useHistory';
import './attributes.css';

const collator = new Intl.Collator('zh-CN', { numeric: true });

/** #/attributes: metadata and the researcher's own attributes of every document, edited many at a time. */
export function AttributesPage(_props: { route: Route }) {
  const { t } = useTranslation('attributes');
  const api = useApi();
  const docs = useLoad((a) => a['documents.list']({}), [], ['documents']);
  const attrs = useLoad((a) => a['attributes.list']({}), [], ['attributes']);
  const vals = useLoad(async (a) => new Map((await a['attributes.values']({})).map((r) => [r.docId, r.values])) as Values, [], ['attributes', 'documents']);
  const { history, message, setMessage, undo, redo } = useAttributeHistory();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<{ key: string; dir: 1 | -1 }>({ key: 'city', dir: 1 });
  const [error, setError] = useState<string | null>(null);

  const columns = useMemo(() => buildColumns(attrs.data ?? [], t), [attrs.data, t]);
  const values: Values = useMemo(() => vals.data ?? new Map(), [vals.data]);
  const rows = useMemo(() => {
    const all = docs.data ?? [];
    const q = filter.trim().toLowerCase();
    const col = columns.find((c) => c.key === sort.key) ?? columns[0];
    const shown = q ? all.filter((d) => columns.some((c) => rawValue(c, d, values).toLowerCase().includes(q)) || d.file.toLowerCase().includes(q)) : all;
    return [...shown].sort((a, b) => sort.dir * collator.compare(rawValue(col, a, values), rawValue(col, b, values)) || a.id - b.id);
  }, [docs.data, values, filter, sort, columns]);

  async function write(input: Input<'attributes.set'>): Promise<boolean> {
    try {
      const r = await api['attributes.set'](input);
      setError(null);
      setMessage(t('saved', { count: r.changed }));
      return true;
    } catch (e) {
      setError((e as Error).message);
      return false;
    }
  }
  const commitCell = (docId: number, col: Column, raw: string) => write(setInput(col, [docId], raw));

  function select(ids: number[], mode: 'toggle' | 'add' | 'only') {
    setSelected((s) => {
      const next = new Set(mode === 'only' ? [] : s);
      for (const id of ids) {
        if (mode === 'toggle' && next.has(id)) next.delete(id);
        else next.add(id);
      }
      return next;
    });
  }

  const list: DocumentSummary[] = rows;
  return (
    <div className="page attributes-page" data-testid="attributes-page">
      <header className="page-header">
        <h1>{t('title')}</h1>
        <div className="toolbar">
          <button
            type="button"
            onClick={undo}
            disabled={history && !history.canUndo}
            title={`Ctrl+Z${history?.undoLabel ? ` · ${history.undoLabel}` : ''}`}
            data-testid="attr-undo"
          >
            {t('undo')}
          </button>
          <button
            type="button"
            onClick={redo}
            disabled={history && !history.canRedo}
            title={`Ctrl+Shift+Z${history?.redoLabel ? ` · ${history.redoLabel}` : ''}`}
            data-testid="attr-redo"
          >
            {t('redo')}
          </button>
          {message && (
            <span role="status" data-testid="attr-message">
              {message}
            </span>
          )}
        </div>
      </header>
      <p className="muted attr-intro">{t('intro')}</p>
      <AttributeManager attributes={attrs.data ?? []} onMessage={setMessage} />
      <BulkBar columns={columns} selected={[...selected]} onApply={write} onClear={() => setSelected(new Set())} />
      {error && (
        <p className="error" role="alert" data-testid="attr-set-error">
          {error}
        </p>
      )}
      <div className="toolbar attr-filter-row">
        <input
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder={t('filter')}
          aria-label={t('filter')}
          data-testid="attr-filter"
        />
        <span className="muted" data-testid="attr-shown">
          {t('shown', { shown: list.length, total: docs.data?.length ?? 0 })}
        </span>
        <button
          type="button"
          className="link"
          onClick={() =>
            select(
              list.map((d) => d.id),
              'only',
            )
          }
          data-testid="attr-select-all"
        >
          {t('selectAll')}
        </button>
      </div>
      {docs.data && vals.data && (
        <Grid
          docs={list}
          columns={columns}
          values={values}
          selected={selected}
          onSelect={select}
          onSelectAll={() =>
            select(
              list.map((d) => d.id),
              'only',
            )
          }
          onCommit={commitCell}
          sort={sort}
          onSort={(key) => setSort((s) => ({ key, dir: s.key === key ? (-s.dir as 1 | -1) : 1 }))}
        />
      )}
    </div>
  );
}
