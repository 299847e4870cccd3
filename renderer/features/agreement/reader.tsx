import { useTranslation } from 'react-i18next';
import type { Clause } from '../../../shared/api/methods/documents';
import { useLoad } from '../../api/ApiProvider';
import type { ReaderExtension } from '../../app/extensions';
import { themeName } from '../themes/ThemeSelect';
import { themeById, useClauseThemes, useThemesState } from '../themes/store';
import { CoderSwitcher } from './CoderSwitcher';
import './agreement.css';

/** The lead (no current coder) sees each coder's codings of the selected clause side by side. */
function Actions({ clause, docId }: { clause: Clause; docId: number }) {
  const { t, i18n } = useTranslation('agreement');
  const row = useClauseThemes(docId, clause.id);
  const { codebook, coderId } = useThemesState();
  const coders = useLoad((a) => a['coders.list']({}), [], ['themes']);
  if (coderId !== null || !row?.coders?.length) return null;
  const names = new Map(coders.data?.coders.map((c) => [c.id, c.name]) ?? []);
  const label = (id: string) => {
    const th = themeById(codebook, id);
    return th ? themeName(th, i18n.language) : id;
  };
  return (
    <span className="coder-side-by-side" data-testid="coder-side-by-side">
      {t('sideBySide')}:{' '}
      {row.coders.map((c, i) => (
        <span key={c.coderId} data-testid="coder-codings" data-coder={c.coderId}>
          {i > 0 && ' · '}
          <span className="coder-name">{names.get(c.coderId) ?? c.coderId}</span>{' '}
          {[...c.themes.map((x) => label(x.id)), ...c.ranges.map((g) => `${label(g.themeId)}「${g.text}」`)].join('，')}
        </span>
      ))}
    </span>
  );
}

function Panel() {
  return (
    <section className="panel coder-panel" data-testid="coder-panel">
      <CoderSwitcher />
    </section>
  );
}

export const readerExtension: ReaderExtension = { id: 'agreement', Actions, Panel };
