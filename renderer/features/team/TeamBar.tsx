import { useTranslation } from 'react-i18next';
import { type TeamUser, logOut } from './session';
import './team.css';

/** Who is logged in to the team project, and the way out. */
export function TeamBar({ user }: { user: TeamUser }) {
  const { t } = useTranslation('team');
  return (
    <div className="team-bar" data-testid="team-bar">
      <span data-testid="team-user">{t('signedIn', { name: user.name, role: t(`roles.${user.role}`) })}</span>
      <button
        type="button"
        data-testid="logout"
        onClick={() =>
          void logOut().then(() => {
            sessionStorage.clear();
            window.location.hash = '';
            window.location.reload();
          })
        }
      >
        {t('logout')}
      </button>
    </div>
  );
}
