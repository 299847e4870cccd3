import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementResult } from '../../../shared/api/methods/agreement';
import { useApi } from '../../api/ApiProvider';
import { routeHref } from '../../app/router';

const keyOf = (d: { clauseId: number; themeId: string }) => `${d.clauseId}:${d.themeId}`;

/**
 * Each clause × theme the coders disagree on, with what each coded, opening in the Reader. The
 * lead picks per case whose coding to keep (one coder's, all, or none) and applies the decisions
 * together: one transaction, one undo step.
 */
export function Disagreements({ result, themeName, onError }: { result: AgreementResult; themeName: (id: string) => string; onError: (m: string) => void }) {
  const { t } = useTranslation('agreement');
  const api = useApi();
  const [pending, setPending] = useState<Map<string, number[]>>(new Map());
  const [message, setMessage] = useState<string | null>(null);
  const names = new Map(result.coders.map((c) => [c.id, c.name]));
  const decide = (k: string, accept: number[]) => setPending((p) => new Map(p).set(k, accept));
  const same = (a: number[] | undefined, b: number[]) => !!a && a.length === b.length && a.every((x) => b.includes(x));
  const apply = () => {
    const decisions = result.disagreements
      .filter((d) => pending.has(keyOf(d)))
      .map((d) => ({ clauseId: d.clauseId, themeId: d.themeId, accept: pending.get(keyOf(d))! }));
    api['agreement.reconcile']({ decisions }).then(
      (r) => {
        setPending(new Map());
        setMessage(t('applied', { count: r.cases }));
      },
      (e: Error) => onError(e.message),
    );
  };
  const undo = () => void api['themes.undo']({}).then(() => setMessage(null));
  const allIds = result.coders.map((c) => c.id);
  return (
    <section className="disagreements" data-testid="disagreements">
      <h2>
        {t('disagreements')} ({result.disagreements.length})
      </h2>
      {result.disagreements.length === 0 && <p className="muted">{t('noDisagreements')}</p>}
      <div className="toolbar">
        <button type="button" data-testid="reconcile-apply" disabled={pending.size === 0} onClick={apply}>
          {t('apply', { count: pending.size })}
        </button>
        <button type="button" data-testid="reconcile-undo" onClick={undo}>
          {t('undo')}
        </button>
        {message && (
          <span role="status" data-testid="reconcile-message">
            {message}
          </span>
        )}
      </div>
      <ol className="disagreement-list">
        {result.disagreements.map((d) => {
          const k = keyOf(d);
          const choice = pending.get(k);
          return (
            <li key={k} data-testid="disagreement" data-clause={d.clauseId} data-theme={d.themeId} className={choice ? 'decided' : undefined}>
              <div className="case-head">
                <a href={routeHref('reader', [d.docId], { clause: d.clauseId })} data-testid="disagreement-open" title={t('open')}>
                  {[d.city, d.title, d.path].filter(Boolean).join(' · ')}
                </a>{' '}
                <strong className="case-theme">{themeName(d.themeId)}</strong>{' '}
                <span className="muted" data-testid="disagreement-consensus">
                  {d.consensus ? t('consensusYes') : t('consensusNo')}
                </span>
              </div>
              <p className="case-snippet">{d.snippet}</p>
              <ul className="case-coders">
                {d.coders.map((c) => (
                  <li key={c.coderId}>
                    <span className="coder-name">{names.get(c.coderId)}</span>:{' '}
                    {c.whole ? t('whole') : c.ranges.length ? c.ranges.map((g) => `「${g.text}」`).join(' ') : <span className="muted">{t('notCoded')}</span>}
                  </li>
                ))}
              </ul>
              <div className="case-actions" role="group">
                {d.coders.map((c) => (
                  <button
                    key={c.coderId}
                    type="button"
                    aria-pressed={same(choice, [c.coderId])}
                    data-testid={`accept-coder-${c.coderId}`}
                    onClick={() => decide(k, [c.coderId])}
                  >
                    {t('accept', { name: names.get(c.coderId) })}
                  </button>
                ))}
                <button type="button" aria-pressed={same(choice, allIds)} data-testid="accept-all" onClick={() => decide(k, allIds)}>
                  {allIds.length === 2 ? t('both') : t('all')}
                </button>
                <button type="button" aria-pressed={same(choice, [])} data-testid="accept-none" onClick={() => decide(k, [])}>
                  {t('neither')}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
