import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../shared/api/contract';
import { type Column, setInput } from './columns';
import { ValueInput } from './ValueInput';

/** "5 selected: set 东中西部 to 东部": one value for every selected document, in one undo step. */
export function BulkBar({
  columns,
  selected,
  onApply,
  onClear,
}: {
  columns: Column[];
  selected: number[];
  onApply: (input: Input<'attributes.set'>) => Promise<boolean>;
  onClear: () => void;
}) {
  const { t } = useTranslation('attributes');
  const [key, setKey] = useState<string>('');
  const [value, setValue] = useState('');
  const col = columns.find((c) => c.key === key) ?? columns.find((c) => c.kind === 'attribute') ?? columns[1];
  const apply = async () => {
    if (!col || !selected.length) return;
    if (await onApply(setInput(col, selected, value))) setValue('');
  };
  return (
    <form
      className={`toolbar attr-bulk ${selected.length ? 'has-selection' : ''}`}
      onSubmit={(e) => {
        e.preventDefault();
        void apply();
      }}
      data-testid="attr-bulk"
    >
      <strong data-testid="attr-selected-count">{t('selected', { count: selected.length })}</strong>
      <span>{t('set')}</span>
      <select
        value={col?.key ?? ''}
        onChange={(e) => {
          setKey(e.target.value);
          setValue('');
        }}
        aria-label={t('field')}
        data-testid="attr-bulk-field"
      >
        {columns.map((c) => (
          <option key={c.key} value={c.key}>
            {c.label}
          </option>
        ))}
      </select>
      <span>{t('to')}</span>
      {col && <ValueInput spec={col.editor} value={value} onChange={setValue} label={`${t('set')} ${col.label}`} testId="attr-bulk-value" />}
      <button type="submit" className="primary" disabled={!selected.length} data-testid="attr-bulk-apply">
        {t('apply')}
      </button>
      {selected.length > 0 && (
        <button type="button" className="link" onClick={onClear}>
          {t('clearSelection')}
        </button>
      )}
    </form>
  );
}
