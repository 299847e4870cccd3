import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditorSpec } from './columns';

interface Props {
  spec: EditorSpec;
  value: string;
  onChange: (v: string) => void;
  onKeyDown?: (e: KeyboardEvent<HTMLInputElement | HTMLSelectElement>) => void;
  onBlur?: () => void;
  autoFocus?: boolean;
  label: string;
  testId: string;
}

/** One value of a column's type: a list for choices and yes/no, a text box otherwise (the backend checks numbers and dates). */
export function ValueInput({ spec, value, onChange, onKeyDown, onBlur, autoFocus, label, testId }: Props) {
  const { t } = useTranslation('attributes');
  if (spec.type === 'choice' || spec.type === 'boolean') {
    const options =
      spec.type === 'boolean'
        ? [
            { value: 'true', label: t('yes') },
            { value: 'false', label: t('no') },
          ]
        : (spec.options ?? []);
    return (
      <select
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
        autoFocus={autoFocus}
        aria-label={label}
        data-testid={testId}
      >
        <option value="">{t('empty')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      type="text"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={onKeyDown}
      onBlur={onBlur}
      autoFocus={autoFocus}
      aria-label={label}
      data-testid={testId}
      inputMode={spec.type === 'number' ? 'decimal' : undefined}
      placeholder={spec.type === 'date' ? '2021-03-05' : undefined}
    />
  );
}
