import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../shared/api/methods/documents';
import type { ImportProgress } from './useImport';

export function ImportProgressBar({ progress, onCancel }: { progress: ImportProgress; onCancel: () => void }) {
  const { t } = useTranslation('library');
  const overall = progress.total ? (progress.done + progress.itemFraction) / progress.total : 0;
  return (
    <div className="import-progress" role="status" data-testid="import-progress">
      <div>{t('importing', { label: progress.label, done: Math.min(progress.done + 1, progress.total), total: progress.total })}</div>
      <div className="progress" aria-label="overall" aria-valuenow={Math.round(overall * 100)} role="progressbar">
        <div style={{ width: `${overall * 100}%` }} />
      </div>
      <div className="progress thin" aria-label="file" role="progressbar" aria-valuenow={Math.round(progress.itemFraction * 100)}>
        <div style={{ width: `${progress.itemFraction * 100}%` }} />
      </div>
      <button onClick={onCancel} data-testid="import-cancel">
        {t('app:cancel')}
      </button>
    </div>
  );
}

export function ImportReportView({ report, onClose }: { report: ImportReport; onClose: () => void }) {
  const { t } = useTranslation('library');
  const lost = report.updated.reduce((n, u) => n + u.lost.length, 0);
  return (
    <section className="import-report" data-testid="import-report" aria-label={t('report.title')}>
      <header>
        <strong>{t('report.title')}</strong>
        <button onClick={onClose} aria-label={t('app:close')}>
          ×
        </button>
      </header>
      <ul>
        <li className="ok">{t('report.imported', { count: report.imported.length })}</li>
        {report.updated.length > 0 && <li>{t('report.updated', { count: report.updated.length })}</li>}
        {report.duplicates.length > 0 && <li>{t('report.duplicates', { count: report.duplicates.length })}</li>}
        {report.errors.length > 0 && <li className="error">{t('report.failed', { count: report.errors.length })}</li>}
        {lost > 0 && <li className="error">{t('report.lost', { count: lost })}</li>}
        {report.incomplete.length > 0 && <li>{t('report.incomplete', { count: report.incomplete.length })}</li>}
        {report.cancelled && <li>{t('report.cancelled')}</li>}
      </ul>
      {report.errors.length > 0 && (
        <table className="grid" data-testid="import-errors">
          <tbody>
            {report.errors.map((e, i) => (
              <tr key={i}>
                <td>{e.file}</td>
                <td className="error">{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.incomplete.length > 0 && (
        <details data-testid="import-incomplete">
          <summary>{t('report.incompleteList')}</summary>
          <table className="grid">
            <tbody>
              {report.incomplete.map((d) => (
                <tr key={d.id}>
                  <td>{d.title ?? d.file}</td>
                  <td>{d.missing.map((m) => `${t(`report.field.${m.field}`)}: ${m.reason}`).join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}
