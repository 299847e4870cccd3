import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Coder } from '../../../shared/api/methods/agreement';
import { useApi } from '../../api/ApiProvider';

/** The project's coders: add one per researcher, rename. */
export function CodersPanel({ coders, onError }: { coders: Coder[]; onError: (message: string) => void }) {
  const { t } = useTranslation('agreement');
  const api = useApi();
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<{ id: number; name: string } | null>(null);
  const fail = (e: unknown) => onError(e instanceof Error ? e.message : String(e));
  const add = () => {
    if (!name.trim()) return;
    api['coders.add']({ name }).then(() => setName(''), fail);
  };
  const rename = () => {
    if (!editing) return;
    api['coders.rename']({ id: editing.id, name: editing.name }).then(() => setEditing(null), fail);
  };
  return (
    <section className="panel coders-panel" data-testid="coders-panel">
      <h2>{t('coders')}</h2>
      {coders.length === 0 && <p className="muted">{t('noCoders')}</p>}
      <ul className="coder-list">
        {coders.map((c) => (
          <li key={c.id} data-testid="coder-row">
            {editing?.id === c.id ? (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  rename();
                }}
              >
                <input
                  aria-label={t('coderName')}
                  data-testid="coder-rename-input"
                  value={editing.name}
                  onChange={(e) => setEditing({ id: c.id, name: e.target.value })}
                  autoFocus
                />
                <button type="submit">{t('save')}</button>
                <button type="button" onClick={() => setEditing(null)}>
                  {t('cancel')}
                </button>
              </form>
            ) : (
              <>
                <span className="coder-name">{c.name}</span> <span className="muted">{t('codingsN', { count: c.codings })}</span>{' '}
                <button type="button" data-testid="coder-rename" onClick={() => setEditing({ id: c.id, name: c.name })}>
                  {t('rename')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
        className="coder-add"
      >
        <input
          aria-label={t('coderName')}
          placeholder={t('coderName')}
          data-testid="coder-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={100}
        />
        <button type="submit" data-testid="coder-add" disabled={!name.trim()}>
          {t('addCoder')}
        </button>
      </form>
    </section>
  );
}
