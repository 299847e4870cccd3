import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, useLoad } from '../../api/ApiProvider';
import { ensureCoder, setCurrentCoder, useThemesState } from '../themes/store';

/** Who this window codes as: a coder (blind to the others) or the lead (the consensus). */
export function CoderSwitcher() {
  const { t } = useTranslation('agreement');
  const api = useApi();
  const { coderId } = useThemesState();
  const coders = useLoad((a) => a['coders.list']({}), [], ['themes']);
  useEffect(() => {
    void ensureCoder(api);
  }, [api]);
  const list = coders.data?.coders ?? [];
  return (
    <div className="coder-switcher">
      <label>
        {t('codingAs')}{' '}
        <select data-testid="coder-switcher" value={coderId ?? ''} onChange={(e) => void setCurrentCoder(api, e.target.value ? Number(e.target.value) : null)}>
          <option value="">{t('lead')}</option>
          {list.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <p className="muted">{coderId === null ? t('leadHint') : t('blindHint')}</p>
    </div>
  );
}
