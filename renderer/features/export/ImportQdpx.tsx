import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QdpxImportReport } from '../../../shared/api/methods/project';
import { useApi } from '../../api/ApiProvider';
import { readAsBase64 } from './download';

/** Uploads a .qdpx written by another QDA tool and shows what came in and what could not. */
export function ImportQdpx({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('export');
  const api = useApi();
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'working' } | { kind: 'done'; report: QdpxImportReport } | { kind: 'error'; message: string }>({
    kind: 'idle',
  });

  async function onFile(file: File | undefined) {
    if (!file) return;
    setState({ kind: 'working' });
    try {
      const report = await api['project.importQdpx']({ file: { name: file.name, dataBase64: await readAsBase64(file) }, taskId: `qdpx-${Date.now()}` });
      setState({ kind: 'done', report });
    } catch (e) {
      setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  }

  return (
    <fieldset>
      <legend>{t('importQdpx')}</legend>
      <label>
        {t('chooseFile')}{' '}
        <input
          type="file"
          accept=".qdpx,application/zip"
          data-testid="export-qdpx-file"
          disabled={state.kind === 'working'}
          onChange={(e) => void onFile(e.target.files?.[0])}
        />
      </label>
      {state.kind === 'working' && <p>{t('importing')}</p>}
      {state.kind === 'error' && (
        <p className="error" role="alert">
          {t('failed', { message: state.message })}
        </p>
      )}
      {state.kind === 'done' && (
        <div data-testid="export-qdpx-done">
          <p>
            {t('imported', {
              documents: state.report.documents.length,
              codings: state.report.codings,
              notes: state.report.notes,
              created: state.report.themes.created,
            })}
          </p>
          {state.report.warnings.length > 0 && (
            <ul aria-label={t('warnings')}>
              {state.report.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="actions">
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </fieldset>
  );
}
