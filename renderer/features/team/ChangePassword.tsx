import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiProvider';

/** Any member's own password: the current one, then the new one twice (a typo would lock them out). */
export function ChangePassword() {
  const { t } = useTranslation('team');
  const api = useApi();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <section className="team-password" aria-labelledby="team-password-title">
      <h2 id="team-password-title">{t('ownPassword.title')}</h2>
      <form
        data-testid="team-password"
        onSubmit={(e) => {
          e.preventDefault();
          if (next !== again) {
            setMessage({ ok: false, text: t('ownPassword.mismatch') });
            return;
          }
          api['team.changePassword']({ current, next }).then(
            () => {
              setCurrent('');
              setNext('');
              setAgain('');
              setMessage({ ok: true, text: t('ownPassword.done') });
            },
            (err: Error) => setMessage({ ok: false, text: err.message }),
          );
        }}
      >
        <label>
          <span>{t('ownPassword.current')}</span>
          <input
            type="password"
            autoComplete="current-password"
            data-testid="team-password-current"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </label>
        <label>
          <span>{t('ownPassword.next')}</span>
          <input type="password" autoComplete="new-password" data-testid="team-password-next" value={next} onChange={(e) => setNext(e.target.value)} />
        </label>
        <label>
          <span>{t('ownPassword.again')}</span>
          <input type="password" autoComplete="new-password" data-testid="team-password-again" value={again} onChange={(e) => setAgain(e.target.value)} />
        </label>
        <button type="submit" className="primary" data-testid="team-password-submit">
          {t('ownPassword.submit')}
        </button>
        {message && (
          <p className={message.ok ? 'notice' : 'error'} role={message.ok ? 'status' : 'alert'} data-testid="team-password-message">
            {message.text}
          </p>
        )}
      </form>
    </section>
  );
}
