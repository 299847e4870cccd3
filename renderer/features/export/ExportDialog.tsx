import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import type { AttributeFilter as AttributeFilterValue } from '../../../shared/api/methods/attributes';
import type { ExportFormat, ExportResult } from '../../../shared/api/methods/export';
import { useApi, useApiEvents, useLoad } from '../../api/ApiProvider';
import { AttributeFilter } from '../attributes/AttributeFilter';
import { downloadExport, humanSize, showInFolder } from './download';
import { ImportQdpx } from './ImportQdpx';

type What = 'comparison' | 'project' | 'backup' | 'import';
const COMPARISON_FORMATS: ExportFormat[] = ['docx', 'pdf', 'html', 'md', 'xlsx', 'csv', 'qdpx', 'json'];
const PROJECT_FORMATS = ['qdpx', 'json', 'xlsx'] as const;
const PROJECT_FORMAT_LIST: ExportFormat[] = [...PROJECT_FORMATS];
const NO_FORMATS: ExportFormat[] = [];
const REPORT_FORMATS = new Set<string>(['docx', 'pdf', 'html', 'md']);

type Phase =
  { kind: 'form' } | { kind: 'confirm'; name: string } | { kind: 'working' } | { kind: 'done'; result: ExportResult } | { kind: 'error'; message: string };

/**
 * What to export, in which format, with which options, under which name. The backend refuses
 * to replace an existing file ('conflict'); the dialog then asks and only replaces on "Replace".
 */
export function ExportDialog({ initialComparison, onClose }: { initialComparison: number | null; onClose: () => void }) {
  const { t, i18n } = useTranslation('export');
  const api = useApi();
  const browser = !window.policylens;
  const comparisons = useLoad((a) => a['compare.list']({}), [], ['comparisons']);
  const [what, setWhat] = useState<What>('comparison');
  const [comparisonId, setComparisonId] = useState<number | null>(initialComparison);
  const [format, setFormat] = useState<string>('docx');
  const [opts, setOpts] = useState({
    includeUnaligned: false,
    includeRejected: false,
    includeSuggested: true,
    locale: i18n.language === 'zh-CN' ? ('zh-CN' as const) : ('en' as const),
    csvTable: 'codings' as 'codings' | 'alignment' | 'targets',
  });
  const [fileName, setFileName] = useState('');
  const [attributes, setAttributes] = useState<AttributeFilterValue | undefined>(undefined);
  const [phase, setPhase] = useState<Phase>({ kind: 'form' });
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const taskId = useRef(`export-${Date.now()}`);

  const list: Output<'compare.list'> = useMemo(() => comparisons.data ?? [], [comparisons.data]);
  useEffect(() => {
    if (comparisonId == null && list.length) setComparisonId(list[0].id);
  }, [list, comparisonId]);
  const chosen = list.find((c) => c.id === comparisonId);
  const formats = what === 'comparison' ? COMPARISON_FORMATS : what === 'project' ? PROJECT_FORMAT_LIST : NO_FORMATS;
  // A format the new choice of "what" does not offer falls back to its first one.
  useEffect(() => {
    if (formats.length && !formats.includes(format as ExportFormat)) setFormat(formats[0]);
  }, [formats, format]);
  const suggestedName = useMemo(
    () => (what === 'comparison' ? (chosen?.name ?? '') : what === 'backup' ? 'PolicyLens backup' : 'PolicyLens project'),
    [what, chosen],
  );
  const name = (fileName.trim() || suggestedName || 'export').replace(/[\\/:*?"<>|]+/g, ' ');

  useApiEvents((e) => {
    if (e.type === 'progress' && e.taskId === taskId.current) setProgress({ done: e.done, total: e.total });
  });

  async function run(overwrite: boolean) {
    setPhase({ kind: 'working' });
    setProgress({ done: 0, total: 0 });
    taskId.current = `export-${Date.now()}`;
    const dest = { fileName: name, overwrite, taskId: taskId.current };
    try {
      const result =
        what === 'comparison'
          ? await api['export.comparison']({ comparisonId: comparisonId!, format: format as ExportFormat, options: opts, ...dest })
          : what === 'project'
            ? await api['export.project']({ format: format as (typeof PROJECT_FORMATS)[number], options: opts, attributes, ...dest })
            : await api['export.backup'](dest);
      setPhase({ kind: 'done', result });
      if (browser && result.downloadName) await downloadExport(result.downloadName);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'conflict')
        setPhase({ kind: 'confirm', name: String((e.details as { path?: string } | undefined)?.path?.split(/[\\/]/).pop() ?? name) });
      else setPhase({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  }

  const canStart = what === 'backup' || what === 'project' || (what === 'comparison' && comparisonId != null);
  const pct = progress && progress.total ? Math.round((progress.done / progress.total) * 100) : undefined;

  return (
    <div className="dialog export-dialog" role="dialog" aria-modal="true" aria-labelledby="export-title" data-testid="export-dialog">
      <h2 id="export-title">{t('title')}</h2>
      <fieldset>
        <legend>{t('what')}</legend>
        <select
          aria-label={t('what')}
          data-testid="export-what"
          value={what}
          onChange={(e) => {
            setWhat(e.target.value as What);
            setPhase({ kind: 'form' });
          }}
        >
          <option value="comparison">{t('comparison')}</option>
          <option value="project">{t('project')}</option>
          <option value="backup">{t('backup')}</option>
          <option value="import">{t('importQdpx')}</option>
        </select>
        {what === 'comparison' &&
          (list.length ? (
            <select
              aria-label={t('comparison')}
              data-testid="export-comparison"
              value={comparisonId ?? ''}
              onChange={(e) => setComparisonId(Number(e.target.value))}
            >
              {list.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          ) : (
            <p>{t('noComparisons')}</p>
          ))}
      </fieldset>

      {what === 'import' ? (
        <ImportQdpx onClose={onClose} />
      ) : (
        <>
          {formats.length > 0 && (
            <fieldset>
              <legend>{t('format')}</legend>
              <select aria-label={t('format')} data-testid="export-format" value={format} onChange={(e) => setFormat(e.target.value)}>
                {formats.map((f) => (
                  <option key={f} value={f}>
                    {t(`formats.${f}`)}
                  </option>
                ))}
              </select>
            </fieldset>
          )}
          {what !== 'backup' && (
            <fieldset>
              <legend>{t('options')}</legend>
              {what === 'comparison' && REPORT_FORMATS.has(format) && (
                <>
                  <label>
                    <input
                      type="checkbox"
                      data-testid="export-unaligned"
                      checked={opts.includeUnaligned}
                      onChange={(e) => setOpts({ ...opts, includeUnaligned: e.target.checked })}
                    />{' '}
                    {t('includeUnaligned')}
                  </label>
                  <label>
                    <input
                      type="checkbox"
                      data-testid="export-rejected"
                      checked={opts.includeRejected}
                      onChange={(e) => setOpts({ ...opts, includeRejected: e.target.checked })}
                    />{' '}
                    {t('includeRejected')}
                  </label>
                </>
              )}
              {what === 'project' && <AttributeFilter value={attributes} onChange={setAttributes} testId="export-attr-filter" />}
              <label>
                <input
                  type="checkbox"
                  data-testid="export-suggested"
                  checked={opts.includeSuggested}
                  onChange={(e) => setOpts({ ...opts, includeSuggested: e.target.checked })}
                />{' '}
                {t('includeSuggested')}
              </label>
              <label>
                {t('locale')}{' '}
                <select data-testid="export-locale" value={opts.locale} onChange={(e) => setOpts({ ...opts, locale: e.target.value as 'en' | 'zh-CN' })}>
                  <option value="zh-CN">{t('localeZh')}</option>
                  <option value="en">{t('localeEn')}</option>
                </select>
              </label>
              {format === 'csv' && (
                <label>
                  {t('csvTable')}{' '}
                  <select
                    data-testid="export-csv-table"
                    value={opts.csvTable}
                    onChange={(e) => setOpts({ ...opts, csvTable: e.target.value as typeof opts.csvTable })}
                  >
                    <option value="codings">{t('csvCodings')}</option>
                    <option value="alignment">{t('csvAlignment')}</option>
                    <option value="targets">{t('csvTargets')}</option>
                  </select>
                </label>
              )}
            </fieldset>
          )}
          <fieldset>
            <legend>{t('fileName')}</legend>
            <input
              type="text"
              data-testid="export-filename"
              aria-label={t('fileName')}
              value={fileName}
              placeholder={suggestedName}
              onChange={(e) => setFileName(e.target.value)}
            />
            <small>{browser ? t('whereBrowser') : t('whereDesktop')}</small>
          </fieldset>

          {phase.kind === 'confirm' && (
            <div className="notice" role="alert" data-testid="export-exists">
              <p>{t('exists', { name: phase.name })}</p>
              <button type="button" data-testid="export-replace" onClick={() => void run(true)}>
                {t('replace')}
              </button>{' '}
              <button type="button" onClick={() => setPhase({ kind: 'form' })}>
                {t('keep')}
              </button>
            </div>
          )}
          {phase.kind === 'working' && (
            <div>
              <p>{t('working')}</p>
              <progress className="progress" data-testid="export-progress" max={100} value={pct} />
            </div>
          )}
          {phase.kind === 'error' && (
            <p className="error" role="alert" data-testid="export-error">
              {t('failed', { message: phase.message })}
            </p>
          )}
          {phase.kind === 'done' && (
            <div data-testid="export-done">
              <p>{t('done', { name: phase.result.path.split(/[\\/]/).pop(), size: humanSize(phase.result.bytes) })}</p>
              <p className="path">{t('copyPath', { path: phase.result.path })}</p>
              {phase.result.warnings.length > 0 && (
                <ul aria-label={t('warnings')}>
                  {phase.result.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              )}
              {browser && phase.result.downloadName && (
                <button type="button" data-testid="export-download" onClick={() => void downloadExport(phase.result.downloadName!)}>
                  {t('download')}
                </button>
              )}
              {!browser && (
                <button type="button" data-testid="export-show" onClick={() => showInFolder(phase.result.path)}>
                  {t('showInFolder')}
                </button>
              )}
            </div>
          )}
          <div className="actions">
            <button type="button" onClick={onClose} data-testid="export-close">
              {phase.kind === 'done' ? t('close') : t('cancel')}
            </button>
            <button
              type="button"
              className="primary"
              data-testid="export-start"
              disabled={!canStart || phase.kind === 'working'}
              onClick={() => void run(false)}
            >
              {t('start')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
