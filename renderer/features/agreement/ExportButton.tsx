import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/errors';
import { useApi } from '../../api/ApiProvider';
import { downloadExport } from '../export/download';

/** The figures of both levels, the method and the disagreements as XLSX (a free name: "name (2)" …). */
export function ExportButton({ coderIds, docIds }: { coderIds: number[]; docIds: number[] }) {
  const { t, i18n } = useTranslation('agreement');
  const api = useApi();
  const [state, setState] = useState<{ done?: string; error?: string; working?: boolean }>({});
  const zh = i18n.language.startsWith('zh');
  async function run() {
    setState({ working: true });
    const base = zh ? '编码一致性' : 'Inter-coder agreement';
    try {
      for (let n = 1; ; n++) {
        try {
          const out = await api['agreement.export']({
            coderIds,
            docIds: docIds.length ? docIds : undefined,
            locale: zh ? 'zh-CN' : 'en',
            fileName: n === 1 ? base : `${base} (${n})`,
          });
          if (!window.policylens && out.downloadName) await downloadExport(out.downloadName);
          setState({ done: out.downloadName ?? out.path.split(/[\\/]/).pop() ?? '' });
          return;
        } catch (e) {
          if (!(e instanceof ApiError && e.code === 'conflict') || n >= 50) throw e;
        }
      }
    } catch (e) {
      setState({ error: e instanceof Error ? e.message : String(e) });
    }
  }
  return (
    <p>
      <button type="button" data-testid="agreement-export" disabled={state.working} onClick={() => void run()}>
        {t('exportXlsx')}
      </button>{' '}
      <span role="status" className="muted" data-testid="agreement-export-status">
        {state.done && t('exported', { name: state.done })}
      </span>
      {state.error && (
        <span role="alert" className="error">
          {t('failed', { message: state.error })}
        </span>
      )}
    </p>
  );
}
