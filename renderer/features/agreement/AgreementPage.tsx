import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementLevel } from '../../../shared/api/methods/agreement';
import type { DocumentSummary } from '../../../shared/api/methods/documents';
import { useApi, useLoad } from '../../api/ApiProvider';
import { DocumentPicker, documentLabel } from '../../app/DocumentPicker';
import type { Route } from '../../app/router';
import { themeName } from '../themes/ThemeSelect';
import { loadCodebook, themeById, useThemesState } from '../themes/store';
import { CoderSwitcher } from './CoderSwitcher';
import { CodersPanel } from './CodersPanel';
import { Disagreements } from './Disagreements';
import { ExportButton } from './ExportButton';
import './agreement.css';

const fmt = (x: number | null) => (x === null ? '—' : x.toFixed(3));

/** #/agreement: coders, inter-coder agreement per theme and overall, the disagreements to reconcile. */
export function AgreementPage(_: { route: Route }) {
  const { t, i18n } = useTranslation('agreement');
  const api = useApi();
  const { codebook } = useThemesState();
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState<number[] | null>(null);
  // The documents to compare on, picked one at a time from a type-to-filter picker (a corpus can hold thousands).
  const [docs, setDocs] = useState<DocumentSummary[]>([]);
  const docIds = docs.map((d) => d.id);
  const [level, setLevel] = useState<AgreementLevel>('clause');
  useEffect(() => {
    void loadCodebook(api);
  }, [api]);
  const coders = useLoad((a) => a['coders.list']({}), [], ['themes']);
  const all = coders.data?.coders ?? [];
  // Every coder compared until the lead unticks some.
  const coderIds = picked ?? all.map((c) => c.id);
  const ready = coderIds.length >= 2;
  const result = useLoad(
    (a) => (ready ? a['agreement.compute']({ coderIds, level, docIds: docIds.length ? docIds : undefined }) : Promise.resolve(null)),
    [coderIds.join(','), level, docIds.join(',')],
    ['themes', 'documents'],
  );
  const r = result.data;
  const name = (id: string) => {
    const th = themeById(codebook, id);
    return th ? themeName(th, i18n.language) : id;
  };
  const toggle = (id: number, on: boolean) => setPicked(on ? [...coderIds, id] : coderIds.filter((x) => x !== id));
  return (
    <div className="page agreement-page" data-testid="agreement-page">
      <header className="page-header">
        <h1>{t('title')}</h1>
      </header>
      <p className="muted">{t('intro')}</p>
      {error && (
        <p role="alert" className="error">
          {t('failed', { message: error })}
        </p>
      )}
      <div className="agreement-top">
        <CodersPanel coders={all} onError={setError} />
        <section className="panel">
          <CoderSwitcher />
        </section>
      </div>
      <section className="panel agreement-scope">
        <h2>{t('compare')}</h2>
        <div className="scope-row">
          <fieldset>
            <legend>{t('coders')}</legend>
            {all.map((c) => (
              <label key={c.id}>
                <input
                  type="checkbox"
                  data-testid={`compare-coder-${c.id}`}
                  checked={coderIds.includes(c.id)}
                  onChange={(e) => toggle(c.id, e.target.checked)}
                />{' '}
                {c.name}
              </label>
            ))}
          </fieldset>
          <label>
            {t('level')}{' '}
            <select data-testid="agreement-level" value={level} onChange={(e) => setLevel(e.target.value as AgreementLevel)}>
              {(['clause', 'character'] as const).map((l) => (
                <option key={l} value={l}>
                  {t(`levels.${l}`)}
                </option>
              ))}
            </select>
          </label>
          <div className="agreement-docs">
            <span>{t('documents')} </span>
            {docs.length > 0 && (
              <ul className="doc-picker-chips" data-testid="agreement-doc-chips">
                {docs.map((d) => (
                  <li key={d.id}>
                    <button
                      type="button"
                      className="chip"
                      data-testid="agreement-doc-chip"
                      aria-label={t('removeDocument', { name: documentLabel(d) })}
                      onClick={() => setDocs(docs.filter((x) => x.id !== d.id))}
                    >
                      {documentLabel(d)} ×
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <DocumentPicker
              testId="agreement-docs"
              label={t('addDocument')}
              placeholder={t('addDocument')}
              value={null}
              chosen={docIds}
              onPick={(d) => setDocs((ds) => (ds.some((x) => x.id === d.id) ? ds : [...ds, d]))}
            />
            <span className="muted"> {docIds.length ? '' : t('allCoded')}</span>
          </div>
        </div>
        {!ready && <p className="muted">{t('needTwo')}</p>}
        {result.error && (
          <p role="alert" className="error">
            {t('failed', { message: result.error.message })}
          </p>
        )}
        {r && (
          <>
            <p className="muted" data-testid="agreement-scope">
              {t('scope', { documents: r.documents, clauses: r.clauses })}
            </p>
            <table className="grid agreement-figures" data-testid="agreement-figures">
              <thead>
                <tr>
                  <th>{t('theme')}</th>
                  <th>{t('units')}</th>
                  <th>{t('percent')}</th>
                  <th>{t('cohen')}</th>
                  <th>{t('fleiss')}</th>
                  <th>{t('alpha')}</th>
                  {r.coders.map((c) => (
                    <th key={c.id}>{t('coded', { name: c.name })}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr className="overall" data-testid="figures-overall">
                  <th>{t('overall')}</th>
                  <td className="num">{r.overall.units}</td>
                  <td className="num">{fmt(r.overall.percent)}</td>
                  <td className="num" data-testid="overall-cohen">
                    {fmt(r.overall.cohen)}
                  </td>
                  <td className="num">{fmt(r.overall.fleiss)}</td>
                  <td className="num" data-testid="overall-alpha">
                    {fmt(r.overall.alpha)}
                  </td>
                  {r.coders.map((c) => (
                    <td key={c.id} />
                  ))}
                </tr>
                {r.themes
                  .filter((x) => x.coded.some((n) => n > 0))
                  .map((x) => (
                    <tr key={x.themeId} data-testid="figures-theme" data-theme={x.themeId}>
                      <th>{name(x.themeId)}</th>
                      <td className="num">{x.figures.units}</td>
                      <td className="num">{fmt(x.figures.percent)}</td>
                      <td className="num" data-testid="theme-cohen">
                        {fmt(x.figures.cohen)}
                      </td>
                      <td className="num">{fmt(x.figures.fleiss)}</td>
                      <td className="num">{fmt(x.figures.alpha)}</td>
                      {x.coded.map((n, i) => (
                        <td key={i} className="num">
                          {n}
                        </td>
                      ))}
                    </tr>
                  ))}
              </tbody>
            </table>
            <ExportButton coderIds={coderIds} docIds={docIds} />
            <Disagreements result={r} themeName={name} onError={setError} />
          </>
        )}
      </section>
    </div>
  );
}
