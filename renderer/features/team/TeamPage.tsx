import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/errors';
import { useLoad } from '../../api/ApiProvider';
import { runCommand } from '../../app/commands';
import type { Route } from '../../app/router';
import { AuditTrail } from './AuditTrail';
import { ChangePassword } from './ChangePassword';
import { Members } from './Members';
import './team.css';

/**
 * #/team: on a team server, the members (the lead adds them, changes roles, resets passwords,
 * disables accounts), one's own password, and the lead's audit trail. In a desktop project, what
 * a team project is and how to open or start one.
 */
export function TeamPage(_: { route: Route }) {
  const { t } = useTranslation('team');
  const members = useLoad((a) => a['team.members']({}), [], ['members']);
  const desktop = members.error instanceof ApiError && members.error.code === 'unavailable';
  const me = members.data?.members.find((m) => m.you);
  return (
    <div className="page team-page" data-testid="team-page">
      <header className="page-header">
        <h1>{t('page.title')}</h1>
      </header>
      {desktop ? (
        <section className="team-desktop" data-testid="team-desktop">
          <p>{t('page.desktop')}</p>
          <button type="button" className="primary" data-testid="team-open" onClick={() => runCommand('app.openTeam')}>
            {t('page.open')}
          </button>
          <p>{t('page.start')}</p>
          <pre>npm run serve -- --postgres URL --add-user NAME --role owner{'\n'}npm run serve -- --postgres URL --upload-project mine.policylens</pre>
        </section>
      ) : members.error ? (
        <p className="error" role="alert">
          {members.error.message}
        </p>
      ) : !members.data || !me ? (
        <p className="muted">{t('page.loading')}</p>
      ) : (
        <>
          <Members members={members.data.members} lead={me.role === 'owner'} />
          <ChangePassword />
          {me.role === 'owner' && <AuditTrail members={members.data.members.map((m) => m.name)} />}
        </>
      )}
    </div>
  );
}
