import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isComposingKey } from '../../app/commands/keyboard';
import type { Theme } from '../../../shared/api/methods/themes';
import { useApi, useLoad } from '../../api/ApiProvider';
import { ArrowDownIcon, ArrowUpIcon, IndentIcon, OutdentIcon, PlusIcon } from '../../app/icons';
import { orderTree, themeName } from './ThemeSelect';
import { instrumentClasses } from '../../../shared/domain/vocabulary';

interface Pending {
  kind: 'delete' | 'merge';
  theme: Theme;
  target?: Theme;
}

/** A text field that saves on blur or Enter (a multi-line one on blur), and only when the value changed. */
function EditField({
  value,
  label,
  onSave,
  testId,
  wide,
  multiline,
  hint,
}: {
  value: string;
  label: string;
  onSave: (v: string) => void;
  testId: string;
  wide?: boolean;
  multiline?: boolean;
  hint?: string;
}) {
  const [v, setV] = useState(value);
  const [base, setBase] = useState(value);
  if (value !== base) {
    setBase(value);
    setV(value);
  }
  const commit = () => v.trim() !== value && onSave(v.trim());
  if (!wide)
    return (
      <input
        aria-label={label}
        placeholder={label}
        data-testid={testId}
        value={v}
        onChange={(e) => setV(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && !isComposingKey(e) && commit()}
      />
    );
  // The codebook's longer fields each get a visible label of their own, not just a placeholder.
  return (
    <label className="field wide">
      <span className="field-label">{label}</span>
      {multiline ? (
        <textarea data-testid={testId} rows={2} value={v} onChange={(e) => setV(e.target.value)} onBlur={commit} />
      ) : (
        <input
          data-testid={testId}
          value={v}
          onChange={(e) => setV(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => e.key === 'Enter' && !isComposingKey(e) && commit()}
        />
      )}
      {hint && <span className="muted field-hint">{hint}</span>}
    </label>
  );
}

export function CodebookEditor() {
  const api = useApi();
  const { t, i18n } = useTranslation('themes');
  const data = useLoad((a) => a['themes.codebook']({}), [], ['themes']);
  const [pending, setPending] = useState<Pending | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = (p: Promise<unknown>) =>
    p.then(
      () => setError(null),
      (e: Error) => setError(e.message),
    );
  if (!data.data) return <p className="muted">{data.error?.message ?? t('app:loading')}</p>;
  const themes = orderTree(data.data.themes);
  const depth = (th: Theme): number => (th.parentId ? 1 + depth(themes.find((x) => x.id === th.parentId) ?? { ...th, parentId: null }) : 0);
  const siblings = (th: Theme) => themes.filter((x) => x.parentId === th.parentId);

  const move = (th: Theme, delta: number) => {
    const sib = siblings(th);
    const i = sib.indexOf(th) + delta;
    if (i >= 0 && i < sib.length) void run(api['themes.move']({ id: th.id, parentId: th.parentId, index: i }));
  };
  const indent = (th: Theme) => {
    const sib = siblings(th);
    const above = sib[sib.indexOf(th) - 1];
    if (above) void run(api['themes.move']({ id: th.id, parentId: above.id }));
  };
  const outdent = (th: Theme) => {
    const parent = themes.find((x) => x.id === th.parentId);
    if (parent) void run(api['themes.move']({ id: th.id, parentId: parent.parentId }));
  };
  const name = (th: Theme) => themeName(th, i18n.language);

  return (
    <section className="codebook" data-testid="codebook">
      <div className="toolbar">
        <button type="button" data-testid="add-theme" onClick={() => void run(api['themes.create']({ nameZh: t('newTheme'), nameEn: 'New theme' }))}>
          {t('addTheme')}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <ul className="theme-tree">
        {themes.map((th) => (
          <li key={th.id} className="theme-row" data-testid="theme-row" data-theme={th.id} style={{ marginLeft: `${depth(th) * 1.5}rem` }}>
            <input
              type="color"
              aria-label={t('color')}
              data-testid="theme-color"
              value={th.color}
              onChange={(e) => void run(api['themes.update']({ id: th.id, color: e.target.value }))}
            />
            <EditField
              value={th.nameZh}
              label={t('nameZh')}
              testId="theme-name-zh"
              onSave={(v) => v && void run(api['themes.update']({ id: th.id, nameZh: v }))}
            />
            <EditField value={th.nameEn} label={t('nameEn')} testId="theme-name-en" onSave={(v) => void run(api['themes.update']({ id: th.id, nameEn: v }))} />
            <select
              aria-label={t('instrument')}
              value={th.instrument}
              onChange={(e) => void run(api['themes.update']({ id: th.id, instrument: e.target.value as Theme['instrument'] }))}
            >
              {instrumentClasses.map((c) => (
                <option key={c} value={c}>
                  {t(`instruments.${c}`)}
                </option>
              ))}
            </select>
            <span className="muted counts">
              {t('coded', { count: th.codedCount })} · {t('suggested', { count: th.suggestedCount })}
            </span>
            <span className="row-actions">
              <button type="button" data-testid="theme-move-up" aria-label={`${t('moveUp')} ${name(th)}`} onClick={() => move(th, -1)}>
                <ArrowUpIcon /> {t('moveUp')}
              </button>
              <button type="button" data-testid="theme-move-down" aria-label={`${t('moveDown')} ${name(th)}`} onClick={() => move(th, 1)}>
                <ArrowDownIcon /> {t('moveDown')}
              </button>
              <button type="button" data-testid="theme-indent" aria-label={`${t('indent')} ${name(th)}`} title={t('indent')} onClick={() => indent(th)}>
                <IndentIcon /> {t('indentShort')}
              </button>
              <button type="button" data-testid="theme-outdent" aria-label={`${t('outdent')} ${name(th)}`} title={t('outdent')} onClick={() => outdent(th)}>
                <OutdentIcon /> {t('outdentShort')}
              </button>
              <button
                type="button"
                data-testid="theme-add-child"
                aria-label={`${t('addChild')} ${name(th)}`}
                onClick={() => void run(api['themes.create']({ nameZh: t('newTheme'), nameEn: 'New theme', parentId: th.id }))}
              >
                <PlusIcon /> {t('addChild')}
              </button>
              <select
                aria-label={`${t('merge')} ${name(th)}`}
                data-testid="merge-select"
                value=""
                onChange={(e) => {
                  const target = themes.find((x) => x.id === e.target.value);
                  if (target) setPending({ kind: 'merge', theme: th, target });
                }}
              >
                <option value="">{t('merge')}</option>
                {themes
                  .filter((x) => x.id !== th.id)
                  .map((x) => (
                    <option key={x.id} value={x.id}>
                      {name(x)}
                    </option>
                  ))}
              </select>
              <button
                type="button"
                data-testid="delete-theme"
                aria-label={`${t('delete')} ${name(th)}`}
                onClick={() => setPending({ kind: 'delete', theme: th })}
              >
                {t('delete')}
              </button>
            </span>
            <div className="theme-details">
              <EditField
                value={th.description}
                label={t('descriptionLabel')}
                testId="theme-description"
                wide
                multiline
                onSave={(v) => void run(api['themes.update']({ id: th.id, description: v }))}
              />
              <EditField
                value={th.keywords.join(', ')}
                label={t('keywords')}
                hint={t('keywordsHint')}
                testId="theme-keywords"
                wide
                onSave={(v) =>
                  void run(
                    api['themes.update']({
                      id: th.id,
                      keywords: v
                        .split(/[,，、]/u)
                        .map((k) => k.trim())
                        .filter(Boolean),
                    }),
                  )
                }
              />
            </div>
          </li>
        ))}
      </ul>
      {pending && (
        <div className="dialog-backdrop">
          <div className="dialog" role="dialog" aria-modal="true" data-testid="confirm-dialog">
            <p>
              {pending.kind === 'delete'
                ? t('deleteConfirm', { name: name(pending.theme), count: pending.theme.codedCount + pending.theme.suggestedCount })
                : t('mergeConfirm', {
                    source: name(pending.theme),
                    target: name(pending.target!),
                    count: pending.theme.codedCount + pending.theme.suggestedCount,
                  })}
            </p>
            <div className="toolbar">
              <button
                type="button"
                data-testid="confirm"
                autoFocus
                onClick={() => {
                  const p = pending;
                  setPending(null);
                  void run(
                    p.kind === 'delete' ? api['themes.delete']({ id: p.theme.id }) : api['themes.merge']({ sourceId: p.theme.id, targetId: p.target!.id }),
                  );
                }}
              >
                {t('confirm')}
              </button>
              <button type="button" data-testid="cancel" onClick={() => setPending(null)}>
                {t('cancel')}
              </button>
            </div>
          </div>
        </div>
      )}
    </section>
  );
}
