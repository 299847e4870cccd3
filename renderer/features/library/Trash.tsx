import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, useLoad } from '../../api/ApiProvider';
import { routeHref } from '../../app/router';

/** After a delete: what went to the Trash, with Undo (restore) at hand. */
export function DeletedToast({ deleted, onDone }: { deleted: { trashId: number; title: string }; onDone: () => void }) {
  const { t } = useTranslation('library');
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  async function undo() {
    try {
      await api['documents.restore']({ trashId: deleted.trashId });
      onDone();
    } catch (e) {
      setError((e as Error).message);
    }
  }
  return (
    <p className="toast" role="status" data-testid="deleted-toast">
      {t('trash.deleted', { title: deleted.title })}{' '}
      <button type="button" data-testid="undo-delete" onClick={() => void undo()}>
        {t('trash.undo')}
      </button>{' '}
      <a href={routeHref('library', [], { trash: 1 })}>{t('trash.open')}</a>{' '}
      <button type="button" className="link" aria-label={t('app:close')} onClick={onDone}>
        ×
      </button>
      {error && <span className="error"> {error}</span>}
    </p>
  );
}

/** Deleted documents: restore one (with its codings, notes and links) or delete it for good. */
export function TrashPanel({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation('library');
  const api = useApi();
  const list = useLoad((a) => a['documents.trash']({}), [], ['documents']);
  const [message, setMessage] = useState<string | null>(null);
  async function restore(trashId: number, title: string) {
    try {
      const r = await api['documents.restore']({ trashId });
      setMessage(r.lost.length ? t('trash.restoredLost', { title, lost: r.lost.join('; ') }) : t('trash.restored', { title }));
    } catch (e) {
      setMessage((e as Error).message);
    }
  }
  async function purge(trashId: number, title: string) {
    if (!window.confirm(t('trash.confirmPurge', { title }))) return;
    await api['documents.purge']({ trashId });
  }
  return (
    <section className="trash-panel" data-testid="trash-panel" aria-label={t('trash.title')}>
      <header>
        <h2>{t('trash.title')}</h2>
        <span className="muted">{t('trash.hint')}</span>
        <button type="button" className="link" onClick={onClose}>
          {t('app:close')}
        </button>
      </header>
      {message && (
        <p role="status" data-testid="trash-message">
          {message}
        </p>
      )}
      {list.data && !list.data.length && <p className="muted">{t('trash.empty')}</p>}
      <ul>
        {list.data?.map((e) => {
          const title = e.title ?? e.file;
          return (
            <li key={e.trashId} data-testid="trash-item">
              <strong>{title}</strong>{' '}
              <span className="muted">
                {[
                  e.city,
                  t('trash.counts', { clauses: e.clauseCount, codings: e.codingCount, notes: e.noteCount }),
                  new Date(e.deletedAt).toLocaleString(i18n.language),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>{' '}
              <button type="button" data-testid="trash-restore" onClick={() => void restore(e.trashId, title)}>
                {t('trash.restore')}
              </button>{' '}
              <button type="button" className="link danger" data-testid="trash-purge" onClick={() => void purge(e.trashId, title)}>
                {t('trash.purge')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
