import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntryOut } from '../../../shared/api/methods/team';
import { useApi, useLoad } from '../../api/ApiProvider';

const PAGE = 50;

/** The lead's view of who changed what, newest first, by member, a page at a time. */
export function AuditTrail({ members }: { members: string[] }) {
  const { t } = useTranslation('team');
  const [user, setUser] = useState('');
  return (
    <section className="team-audit" aria-labelledby="team-audit-title">
      <h2 id="team-audit-title">{t('audit.title')}</h2>
      <label>
        <span>{t('audit.member')}</span>
        <select data-testid="team-audit-user" value={user} onChange={(e) => setUser(e.target.value)}>
          <option value="">{t('audit.everyone')}</option>
          {members.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </label>
      {/* Keyed by member: choosing another starts again from the newest page. */}
      <AuditPages key={user} user={user} />
    </section>
  );
}

function AuditPages({ user }: { user: string }) {
  const { t, i18n } = useTranslation('team');
  const api = useApi();
  const [older, setOlder] = useState<AuditEntryOut[]>([]);
  const [more, setMore] = useState<boolean | null>(null);
  // Any write changes the trail: reload the newest page when the project changes.
  const first = useLoad((a) => a['team.audit']({ limit: PAGE, user: user || undefined }), [], ['members', 'documents', 'themes', 'notes', 'comparisons']);
  const entries = [...(first.data?.entries ?? []), ...older];
  const hasMore = more ?? first.data?.more ?? false;
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  return (
    <>
      {first.error && (
        <p className="error" role="alert">
          {first.error.message}
        </p>
      )}
      <table data-testid="team-audit">
        <thead>
          <tr>
            <th>{t('audit.when')}</th>
            <th>{t('audit.who')}</th>
            <th>{t('audit.what')}</th>
            <th>{t('audit.on')}</th>
            <th>{t('audit.outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} data-testid="team-audit-row" className={e.outcome === 'ok' ? undefined : 'failed'}>
              <td>{when(e.at)}</td>
              <td>{e.userName}</td>
              <td>
                <code>{e.method}</code>
              </td>
              <td className="target">{e.target}</td>
              <td>{e.outcome}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries.length === 0 && !first.loading && <p className="muted">{t('audit.empty')}</p>}
      {hasMore && (
        <button
          type="button"
          data-testid="team-audit-more"
          onClick={() =>
            void api['team.audit']({ limit: PAGE, before: entries[entries.length - 1].id, user: user || undefined }).then((r) => {
              setOlder((o) => [...o, ...r.entries]);
              setMore(r.more);
            })
          }
        >
          {t('audit.older')}
        </button>
      )}
    </>
  );
}
