import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { logIn } from './session';
import './team.css';

/** The team server's login screen: a name and a password, nothing else. */
export function TeamLogin({ onLoggedIn }: { onLoggedIn: () => void }) {
  const { t } = useTranslation('team');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await logIn(name, password);
      onLoggedIn();
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };
  return (
    <main className="team-login" data-testid="team-login">
      <form onSubmit={(e) => void submit(e)}>
        <h1>{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
        <label>
          {t('name')}
          <input data-testid="login-name" autoComplete="username" autoFocus value={name} onChange={(e) => setName(e.target.value)} required />
        </label>
        <label>
          {t('password')}
          <input
            data-testid="login-password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        {error && (
          <p role="alert" className="error" data-testid="login-error">
            {t('failed', { message: error })}
          </p>
        )}
        <button type="submit" data-testid="login-submit" disabled={busy}>
          {busy ? t('loggingIn') : t('login')}
        </button>
      </form>
    </main>
  );
}
