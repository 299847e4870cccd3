import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roles, type Role } from '../../../shared/api/access';
import type { Member } from '../../../shared/api/methods/team';
import { useApi } from '../../api/ApiProvider';

/**
 * The team's members. Everyone sees who is on the team and in which role; the lead changes roles,
 * sets a new password for someone who forgot theirs, disables and enables accounts, and adds people.
 */
export function Members({ members, lead }: { members: Member[]; lead: boolean }) {
  const { t } = useTranslation('team');
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const [resetting, setResetting] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function run(work: () => Promise<unknown>, message?: string) {
    setError(null);
    setDone(null);
    try {
      await work();
      if (message) setDone(message);
      return true;
    } catch (e) {
      setError((e as Error).message);
      return false;
    }
  }

  return (
    <section className="team-members" aria-labelledby="team-members-title">
      <h2 id="team-members-title">{t('members.title')}</h2>
      <table data-testid="team-members">
        <thead>
          <tr>
            <th>{t('members.name')}</th>
            <th>{t('members.role')}</th>
            <th>{t('members.status')}</th>
            {lead && <th>{t('members.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id} data-testid="team-member" data-name={m.name} className={m.disabled ? 'disabled' : undefined}>
              <td>
                {m.name}
                {m.you && <span className="tag">{t('members.you')}</span>}
              </td>
              <td>
                {lead ? (
                  <select
                    aria-label={t('members.roleOf', { name: m.name })}
                    data-testid="team-member-role"
                    value={m.role}
                    onChange={(e) => void run(() => api['team.updateMember']({ name: m.name, role: e.target.value as Role }))}
                  >
                    {roles.map((r) => (
                      <option key={r} value={r}>
                        {t(`roles.${r}`)}
                      </option>
                    ))}
                  </select>
                ) : (
                  t(`roles.${m.role}`)
                )}
              </td>
              <td>{m.disabled ? t('members.disabled') : t('members.active')}</td>
              {lead && (
                <td>
                  <div className="row-actions">
                    {resetting === m.name ? (
                      <ResetPassword
                        name={m.name}
                        onCancel={() => setResetting(null)}
                        onSave={async (password) => {
                          if (await run(() => api['team.updateMember']({ name: m.name, password }), t('members.resetDone', { name: m.name })))
                            setResetting(null);
                        }}
                      />
                    ) : (
                      <button type="button" data-testid="team-member-reset" onClick={() => setResetting(m.name)}>
                        {t('members.reset')}
                      </button>
                    )}
                    {!m.you && (
                      <button
                        type="button"
                        data-testid="team-member-disable"
                        onClick={() => void run(() => api['team.updateMember']({ name: m.name, disabled: !m.disabled }))}
                      >
                        {m.disabled ? t('members.enable') : t('members.disable')}
                      </button>
                    )}
                  </div>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {error && (
        <p className="error" role="alert" data-testid="team-error">
          {error}
        </p>
      )}
      {done && (
        <p className="notice" role="status" data-testid="team-done">
          {done}
        </p>
      )}
      {lead && <AddMember onAdd={(input, message) => run(() => api['team.addMember'](input), message)} />}
    </section>
  );
}

function ResetPassword({ name, onSave, onCancel }: { name: string; onSave: (password: string) => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation('team');
  const [password, setPassword] = useState('');
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void onSave(password);
      }}
    >
      <input
        type="password"
        autoFocus
        autoComplete="new-password"
        aria-label={t('members.newPasswordFor', { name })}
        data-testid="team-reset-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), onCancel())}
      />
      <button type="submit" className="primary" data-testid="team-reset-save">
        {t('members.save')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('open.cancel')}
      </button>
    </form>
  );
}

function AddMember({ onAdd }: { onAdd: (input: { name: string; role: Role; password: string }, message: string) => Promise<boolean> }) {
  const { t } = useTranslation('team');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('coder');
  const [password, setPassword] = useState('');
  return (
    <form
      className="team-add"
      data-testid="team-add"
      onSubmit={(e) => {
        e.preventDefault();
        void onAdd({ name, role, password }, t('members.added', { name: name.trim() })).then((ok) => {
          if (ok) {
            setName('');
            setPassword('');
          }
        });
      }}
    >
      <h3>{t('members.add')}</h3>
      <label>
        <span>{t('members.name')}</span>
        <input type="text" data-testid="team-add-name" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        <span>{t('members.role')}</span>
        <select data-testid="team-add-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('members.password')}</span>
        <input type="password" autoComplete="new-password" data-testid="team-add-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      <button type="submit" className="primary" data-testid="team-add-submit">
        {t('members.addButton')}
      </button>
      <p className="muted">{t('members.passwordHint')}</p>
    </form>
  );
}
