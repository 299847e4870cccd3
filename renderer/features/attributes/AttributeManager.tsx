import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isComposingKey } from '../../app/commands/keyboard';
import type { Attribute } from '../../../shared/api/methods/attributes';
import { ATTRIBUTE_TYPES, type AttributeType } from '../../../shared/domain/attributes/values';
import { useApi } from '../../api/ApiProvider';
import { splitOptions } from './columns';

/** Adding, renaming, re-listing options of and deleting attributes. Errors come from the backend, which checks everything. */
export function AttributeManager({ attributes, onMessage }: { attributes: Attribute[]; onMessage: (m: string) => void }) {
  const { t } = useTranslation('attributes');
  const api = useApi();
  const [name, setName] = useState('');
  const [type, setType] = useState<AttributeType>('choice');
  const [options, setOptions] = useState('');
  const [editing, setEditing] = useState<{ id: number; name: string; options: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = (p: Promise<unknown>, after?: () => void) =>
    p.then(
      () => {
        setError(null);
        after?.();
      },
      (e: Error) => setError(e.message),
    );

  const create = (e: React.FormEvent) => {
    e.preventDefault();
    void run(api['attributes.create']({ name, type, options: type === 'choice' ? splitOptions(options) : undefined }), () => {
      setName('');
      setOptions('');
    });
  };
  const saveEdit = (a: Attribute) => {
    if (!editing) return;
    void run(api['attributes.update']({ id: a.id, name: editing.name, ...(a.type === 'choice' ? { options: splitOptions(editing.options) } : {}) }), () =>
      setEditing(null),
    );
  };
  const remove = (a: Attribute) => {
    if (!window.confirm(t('deleteConfirm', { name: a.name, count: a.valueCount }))) return;
    void run(api['attributes.delete']({ id: a.id }), () => onMessage(`${t('delete')}: ${a.name}`));
  };

  return (
    <section className="attr-manager" aria-label={t('title')}>
      <ul className="attr-list" data-testid="attr-list">
        {attributes.length === 0 && <li className="muted">{t('none')}</li>}
        {attributes.map((a) => (
          <li key={a.id} data-testid="attr-item">
            {editing?.id === a.id ? (
              <form
                className="toolbar"
                onSubmit={(e) => {
                  e.preventDefault();
                  saveEdit(a);
                }}
              >
                <input
                  value={editing.name}
                  onChange={(e) => setEditing({ ...editing, name: e.target.value })}
                  aria-label={t('name')}
                  autoFocus
                  data-testid="attr-rename-input"
                  onKeyDown={(e) => e.key === 'Escape' && !isComposingKey(e) && setEditing(null)}
                />
                {a.type === 'choice' && (
                  <input
                    value={editing.options}
                    onChange={(e) => setEditing({ ...editing, options: e.target.value })}
                    aria-label={t('editOptions', { name: a.name })}
                    title={t('optionsHint')}
                  />
                )}
                <button type="submit">{t('save')}</button>
                <button type="button" onClick={() => setEditing(null)}>
                  {t('cancel')}
                </button>
              </form>
            ) : (
              <>
                <strong>{a.name}</strong> <span className="tag">{t(`types.${a.type}`)}</span>
                {a.type === 'choice' && <span className="muted"> {a.options.join('、')}</span>}
                <span className="muted"> · {a.valueCount}</span>
                <button
                  type="button"
                  className="link"
                  onClick={() => setEditing({ id: a.id, name: a.name, options: a.options.join('、') })}
                  data-testid="attr-rename"
                >
                  {t('rename')}
                </button>
                <button type="button" className="link danger" onClick={() => remove(a)} data-testid="attr-delete">
                  {t('delete')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      <form className="toolbar attr-new" onSubmit={create} aria-label={t('newAttribute')}>
        <strong>{t('newAttribute')}</strong>
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('name')} aria-label={t('name')} data-testid="attr-name" />
        <select value={type} onChange={(e) => setType(e.target.value as AttributeType)} aria-label={t('type')} data-testid="attr-type">
          {ATTRIBUTE_TYPES.map((x) => (
            <option key={x} value={x}>
              {t(`types.${x}`)}
            </option>
          ))}
        </select>
        {type === 'choice' && (
          <input
            value={options}
            onChange={(e) => setOptions(e.target.value)}
            placeholder={t('optionsHint')}
            aria-label={t('options')}
            data-testid="attr-options"
            className="wide"
          />
        )}
        <button type="submit" className="primary" data-testid="attr-create">
          {t('create')}
        </button>
      </form>
      {error && (
        <p className="error" role="alert" data-testid="attr-error">
          {error}
        </p>
      )}
    </section>
  );
}
