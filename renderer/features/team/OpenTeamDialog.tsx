import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseTeamServerUrl } from '../../../shared/api/teamUrl';
import { recentTeamServers, rememberTeamServer } from './servers';

/**
 * Asks for a team server's address and opens its project: in the desktop app in a window of its
 * own (the main process opens it), in a browser in a new tab. Either way the person logs in on
 * the server's own page; this dialog never sees a password.
 */
export function OpenTeamDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('team');
  const [address, setAddress] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const recent = recentTeamServers();
  const parsed = parseTeamServerUrl(address);

  async function open(text: string) {
    const p = parseTeamServerUrl(text);
    if (!p.ok) {
      setError(t(`open.problem.${p.problem}`));
      return;
    }
    setError(null);
    const bridge = window.policylens;
    if (!bridge) {
      window.open(`${p.origin}/`, '_blank', 'noopener,noreferrer');
      rememberTeamServer(p.origin);
      onClose();
      return;
    }
    setBusy(true);
    const r = await bridge.openTeamWindow(p.origin).catch((e: unknown) => ({ ok: false as const, message: String(e) }));
    setBusy(false);
    if (!r.ok) {
      setError(r.message);
      return;
    }
    rememberTeamServer(p.origin);
    onClose();
  }

  return (
    <div className="dialog open-team" role="dialog" aria-modal="true" aria-labelledby="open-team-title" data-testid="open-team-dialog">
      <h2 id="open-team-title">{t('open.title')}</h2>
      <p>{t('open.intro')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void open(address);
        }}
      >
        <label>
          <span>{t('open.address')}</span>
          <input
            autoFocus
            type="text"
            inputMode="url"
            spellCheck={false}
            data-testid="open-team-address"
            placeholder="https://team.example.org:7443"
            value={address}
            onChange={(e) => {
              setAddress(e.target.value);
              setError(null);
            }}
          />
        </label>
        {parsed.ok && parsed.insecure && (
          <p className="notice" role="status" data-testid="open-team-insecure">
            {t('open.insecure')}
          </p>
        )}
        {error && (
          <p className="error" role="alert" data-testid="open-team-error">
            {error}
          </p>
        )}
        {recent.length > 0 && (
          <div className="recent">
            <span>{t('open.recent')}</span>
            <ul>
              {recent.map((o) => (
                <li key={o}>
                  <button type="button" className="link" data-testid="open-team-recent" disabled={busy} onClick={() => void open(o)}>
                    {o}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className="actions">
          <button type="button" onClick={onClose}>
            {t('open.cancel')}
          </button>
          <button type="submit" className="primary" data-testid="open-team-submit" disabled={busy}>
            {busy ? t('open.opening') : t('open.open')}
          </button>
        </div>
      </form>
    </div>
  );
}
