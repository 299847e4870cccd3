import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { alignVersions, versionArticles, type VersionEntry } from '../../../shared/domain/align/versions';
import { diffPair, type DiffRun } from '../../../shared/domain/diff';
import { memberLabel, type Column } from './model';

/** Which of two members is the older version: by date when both are known, else the order chosen. */
export function olderFirst(columns: Column[]): [number, number] {
  const [x, y] = columns;
  if (x?.date && y?.date && y.date < x.date) return [1, 0];
  return [0, 1];
}

/**
 * 新旧对照: two versions of one regulation, article by article in order, with what the new
 * version deleted, changed and added. Plain text only; changes are marked, never rendered as HTML.
 */
export function VersionsView({ columns }: { columns: Column[] }) {
  const { t } = useTranslation('compare');
  const [swapped, setSwapped] = useState(false);
  const [changesOnly, setChangesOnly] = useState(false);
  const [io, in_] = olderFirst(columns);
  const [oldCol, newCol] = swapped ? [columns[in_], columns[io]] : [columns[io], columns[in_]];
  const entries = useMemo(() => {
    const articles = (c: Column) =>
      versionArticles(c.clauses.map((x) => ({ id: x.id, parentId: x.parentId ?? null, kind: x.kind, label: x.label, text: x.text })));
    // Character differences once per pair of versions, not on every render.
    return alignVersions(articles(oldCol), articles(newCol)).map((e) => ({ e, pair: e.kind === 'changed' ? diffPair(e.old.text, e.new.text) : null }));
  }, [oldCol, newCol]);
  const count = (k: VersionEntry['kind']) => entries.filter(({ e }) => e.kind === k).length;
  const shown = changesOnly ? entries.filter(({ e }) => e.kind !== 'same') : entries;
  const kindLabel = { same: t('versionSame'), changed: t('versionChanged'), added: t('versionAdded'), deleted: t('versionDeleted') };

  return (
    <div className="versions" data-testid="versions-view">
      <div className="toolbar versions-bar">
        <span data-testid="versions-summary">
          {t('versionsSummary', { same: count('same'), changed: count('changed'), added: count('added'), deleted: count('deleted') })}
        </span>
        <label>
          <input type="checkbox" data-testid="versions-changes-only" checked={changesOnly} onChange={(e) => setChangesOnly(e.target.checked)} />{' '}
          {t('versionsChangesOnly')}
        </label>
        <button type="button" data-testid="versions-swap" onClick={() => setSwapped((s) => !s)}>
          {t('versionsSwap')}
        </button>
      </div>
      <div className="versions-table" role="table">
        <div className="versions-head" role="row">
          <VersionHead column={oldCol} name={t('versionsOld')} />
          <VersionHead column={newCol} name={t('versionsNew')} />
        </div>
        {shown.map(({ e, pair }) => {
          const key = `${'old' in e ? e.old.id : ''}:${'new' in e ? e.new.id : ''}`;
          return (
            <div key={key} role="row" className={`version-entry version-${e.kind}`} data-testid="version-entry" data-kind={e.kind}>
              <div role="cell" className="version-cell">
                {'old' in e ? (
                  <>
                    <span className="tag">{e.old.label}</span> <Runs runs={pair?.a ?? [{ text: e.old.text, changed: e.kind === 'deleted' }]} kind="del" />
                  </>
                ) : null}
                {e.kind === 'added' && <span className="version-kind">{kindLabel.added}</span>}
              </div>
              <div role="cell" className="version-cell">
                {'new' in e ? (
                  <>
                    <span className="tag">{e.new.label}</span> <Runs runs={pair?.b ?? [{ text: e.new.text, changed: e.kind === 'added' }]} kind="ins" />
                  </>
                ) : null}
                {e.kind === 'deleted' && <span className="version-kind">{kindLabel.deleted}</span>}
                {(e.kind === 'changed' || e.kind === 'same') && <span className="version-kind">{kindLabel[e.kind]}</span>}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}

function Runs({ runs, kind }: { runs: DiffRun[]; kind: 'del' | 'ins' }) {
  return (
    <span className="cell-text">
      {runs.map((r, i) =>
        r.changed ? (
          <span key={i} className={`version-${kind}`} data-testid={`version-${kind}`}>
            {r.text}
          </span>
        ) : (
          <span key={i}>{r.text}</span>
        ),
      )}
    </span>
  );
}

function VersionHead({ column, name }: { column: Column; name: string }) {
  return (
    <div role="columnheader" data-testid="version-head">
      <span className="muted">{name}</span> {memberLabel(column)}
      {column.date ? ` (${column.date})` : ''}
      <span className="version-note">{headNote(column)}</span>
    </div>
  );
}

/**
 * What tells two versions apart when the metadata has no date: the note under the title (题注:
 * 2020年3月27日…通过, …修订), i.e. the preamble without the title line, shortened.
 */
function headNote(c: Column): string {
  const pre = c.clauses.find((x) => x.kind === 'preamble')?.text ?? '';
  const lines = pre
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && l !== c.title);
  const note = lines.join(' ');
  return note.length > 90 ? `${note.slice(0, 90)}…` : note;
}
