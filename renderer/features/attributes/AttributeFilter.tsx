import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttributeFilter as Filter } from '../../../shared/api/methods/attributes';
import { useLoad } from '../../api/ApiProvider';

const collator = new Intl.Collator('zh-CN', { numeric: true });
const ANY = '*';

/**
 * A compact "attribute = value" filter for Search, the heatmap and exports: one attribute and one
 * of its values (or documents without one). Shows nothing while the project has no attributes.
 */
export function AttributeFilter({
  value,
  onChange,
  testId = 'attr-filter',
}: {
  value: Filter | undefined;
  onChange: (f: Filter | undefined) => void;
  testId?: string;
}) {
  const { t } = useTranslation('attributes');
  const attrs = useLoad((a) => a['attributes.list']({}), [], ['attributes']);
  const vals = useLoad((a) => a['attributes.values']({}), [], ['attributes', 'documents']);
  const entry = value?.[0];
  // An attribute picked but no value yet filters nothing until a value is chosen.
  const [pending, setPending] = useState<number | null>(null);
  const attr = attrs.data?.find((a) => a.id === (entry?.attributeId ?? pending));
  const choices = useMemo(() => {
    if (!attr) return [];
    if (attr.type === 'boolean')
      return [
        { value: 'true', label: t('yes') },
        { value: 'false', label: t('no') },
      ];
    if (attr.type === 'choice') return attr.options.map((o) => ({ value: o, label: o }));
    const seen = new Set(
      (vals.data ?? [])
        .map((r) => r.values[String(attr.id)])
        .filter((v) => v !== undefined)
        .map(String),
    );
    return [...seen].sort(collator.compare).map((v) => ({ value: v, label: v }));
  }, [attr, vals.data, t]);
  if (!attrs.data?.length) return null;
  const pickAttribute = (id: number | null) => {
    setPending(id);
    onChange(undefined);
  };
  const pickValue = (v: string) => {
    setPending(attr!.id);
    onChange(v === ANY ? undefined : [{ attributeId: attr!.id, values: [v] }]);
  };
  return (
    <span className="attr-filter filter" role="group" aria-label={t('filterBy')} data-testid={testId}>
      <select
        value={entry?.attributeId ?? pending ?? ''}
        onChange={(e) => pickAttribute(e.target.value ? Number(e.target.value) : null)}
        aria-label={t('filterBy')}
        data-testid={`${testId}-attribute`}
      >
        <option value="">{t('anyAttribute')}</option>
        {attrs.data.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
      {attr && (
        <select value={entry ? entry.values[0] : ANY} onChange={(e) => pickValue(e.target.value)} aria-label={attr.name} data-testid={`${testId}-value`}>
          <option value={ANY}>{t('anyValue')}</option>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
          <option value="">{t('noValue')}</option>
        </select>
      )}
    </span>
  );
}
