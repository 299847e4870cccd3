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

/** In the lead's margin, a mark on each clause the coders coded differently: where to look first. */
function Margin({ clause, docId }: { clause: Clause; docId: number }) {
  const { t } = useTranslation('agreement');
  const row = useClauseThemes(docId, clause.id);
  const { coderId } = useThemesState();
  if (coderId !== null || !row?.coders?.length) return null;
  const sets = row.coders.map((c) => [...new Set([...c.themes.map((x) => x.id), ...c.ranges.map((g) => g.themeId)])].sort().join(','));
  // A coder who coded nothing here is absent from row.coders; one coder alone is a difference too.
  const differ = row.coders.length < 2 || sets.some((x) => x !== sets[0]);
  return (
    <span className={`coder-mark${differ ? ' differ' : ''}`} data-testid="coder-mark" data-differ={differ} title={t(differ ? 'codersDiffer' : 'codersAgree')}>
      {differ ? '≠' : '='}
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

export const readerExtension: ReaderExtension = { id: 'agreement', Margin, Actions, Panel };
