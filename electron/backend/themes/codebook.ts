// Codebook edits: create, rename/recolour, move, merge, delete. Every edit goes through the undo
// recorder, so Ctrl+Z restores a deleted theme together with its codings.
import { ApiError } from '../../../shared/api/errors';
import type { Output, ParsedInput } from '../../../shared/api/contract';
import {
  DEFAULT_THEMES,
  INSTRUMENT_CLASSES,
  SUB_INSTRUMENTS,
  isUnder,
  mergeStep,
  placeAmongSiblings,
  wouldCreateCycle,
} from '../../../shared/domain/themes/index';
import type { Db } from '../db/connection';
import { FALLBACK_ID_BASE, type ThemeRow, type ThemesRepo } from '../db/themes';
import { recorded } from './undo';

const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

/** First start of a project: the default codebook. Deleting default themes later does not bring them back. */
export function seedCodebook(db: Db, repo: ThemesRepo): void {
  if (repo.state('codebookSeeded')) return;
  db.transaction(() => {
    DEFAULT_THEMES.forEach((t, i) => {
      if (!repo.theme(t.id)) {
        repo.putRow('themes', {
          id: t.id,
          parent_id: t.parentId,
          ord: i,
          name_zh: t.nameZh,
          name_en: t.nameEn,
          color: t.color,
          description: t.description,
          instrument: t.instrument,
          keywords: '[]',
        });
      }
    });
    repo.setState('codebookSeeded', '1');
  })();
}

export function themeOut(r: ThemeRow, counts: Map<string, { coded: number; suggested: number }>): Output<'themes.codebook'>['themes'][number] {
  const c = counts.get(r.id);
  return {
    id: r.id,
    parentId: r.parent_id,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    color: r.color,
    description: r.description,
    instrument: r.instrument,
    keywords: JSON.parse(r.keywords) as string[],
    ord: r.ord,
    codedCount: c?.coded ?? 0,
    suggestedCount: c?.suggested ?? 0,
  };
}

function countsMap(repo: ThemesRepo) {
  return new Map(repo.themeCounts().map((c) => [c.theme_id, { coded: c.coded, suggested: c.suggested }]));
}

export function requireTheme(repo: ThemesRepo, id: string): ThemeRow {
  const t = repo.theme(id);
  if (!t) throw new ApiError('not_found', `There is no theme “${id}” in the codebook (it may have been deleted).`);
  return t;
}

/** Per codebook, the next suffix to try for each base: trying theme_2, theme_3 … from 2 every time made 5,000 unnamed codes quadratic. */
const nextSuffix = new WeakMap<ThemesRepo, Map<string, number>>();

function slugFor(repo: ThemesRepo, nameEn: string | undefined): string {
  const base =
    (nameEn ?? '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 40) || 'theme';
  if (!repo.theme(base)) return base;
  let suffixes = nextSuffix.get(repo);
  if (!suffixes) nextSuffix.set(repo, (suffixes = new Map()));
  // Every id below the remembered suffix was taken when it was last looked at; ids are checked again anyway.
  let i = suffixes.get(base) ?? 2;
  while (repo.theme(`${base}_${i}`)) i++;
  suffixes.set(base, i + 1);
  return `${base}_${i}`;
}

export function codebookHandlers(db: Db, repo: ThemesRepo, changed: () => void) {
  const one = (id: string) => themeOut(requireTheme(repo, id), countsMap(repo));
  return {
    'themes.codebook': () => {
      // One count of the codings for the whole codebook: a count per theme scanned every coding of
      // the corpus 13 times with the default codebook (2.3 s with 5,000 documents; Search waited).
      const counts = countsMap(repo);
      return {
        themes: repo.themes().map((t) => themeOut(t, counts)),
        instruments: INSTRUMENT_CLASSES.map((c) => ({
          id: c.id,
          nameZh: c.nameZh,
          nameEn: c.nameEn,
          subInstruments: SUB_INSTRUMENTS.filter((s) => s.instrument === c.id).map((s) => ({ id: s.id, nameZh: s.nameZh, nameEn: s.nameEn })),
        })),
      };
    },
    'themes.create': (input: ParsedInput<'themes.create'>) => {
      const parentId = input.parentId ?? null;
      if (parentId) requireTheme(repo, parentId);
      const id = recorded(db, repo, `Create theme ${input.nameZh}`, (rec) => {
        const id = slugFor(repo, input.nameEn);
        rec.touch('themes', id);
        const parent = parentId ? repo.theme(parentId) : null;
        repo.putRow('themes', {
          id,
          parent_id: parentId,
          ord: repo.nextOrd(parentId),
          name_zh: input.nameZh,
          name_en: input.nameEn ?? '',
          color: input.color ?? PALETTE[repo.themes().length % PALETTE.length],
          description: input.description ?? '',
          instrument: input.instrument ?? parent?.instrument ?? 'environment',
          keywords: '[]',
        });
        return id;
      });
      changed();
      return one(id);
    },
    'themes.update': (input: ParsedInput<'themes.update'>) => {
      const t = requireTheme(repo, input.id);
      recorded(db, repo, `Edit theme ${t.name_zh}`, (rec) => {
        rec.touch('themes', t.id);
        repo.putRow('themes', {
          ...t,
          name_zh: input.nameZh ?? t.name_zh,
          name_en: input.nameEn ?? t.name_en,
          color: input.color ?? t.color,
          description: input.description ?? t.description,
          instrument: input.instrument ?? t.instrument,
          keywords: input.keywords ? JSON.stringify([...new Set(input.keywords)]) : t.keywords,
        });
      });
      changed();
      return one(t.id);
    },
    'themes.move': (input: ParsedInput<'themes.move'>) => {
      const t = requireTheme(repo, input.id);
      if (input.parentId) requireTheme(repo, input.parentId);
      if (
        wouldCreateCycle(
          repo.themes().map((x) => ({ id: x.id, parentId: x.parent_id })),
          t.id,
          input.parentId,
        )
      ) {
        throw new ApiError('conflict', `“${t.name_zh}” cannot be moved under itself or one of its sub-themes.`);
      }
      recorded(db, repo, `Move theme ${t.name_zh}`, (rec) => {
        placeAmongSiblings(repo.children(input.parentId), { ...t, parent_id: input.parentId }, input.index).forEach((x, i) => {
          rec.touch('themes', x.id);
          repo.putRow('themes', { ...x, ord: i });
        });
      });
      changed();
      return { ok: true as const };
    },
    'themes.merge': (input: ParsedInput<'themes.merge'>) => {
      const src = requireTheme(repo, input.sourceId);
      const dst = requireTheme(repo, input.targetId);
      if (src.id === dst.id) throw new ApiError('invalid_input', 'A theme cannot be merged into itself.');
      if (
        wouldCreateCycle(
          repo.themes().map((x) => ({ id: x.id, parentId: x.parent_id })),
          dst.id,
          src.id,
        ) ||
        isUnder(
          repo.themes().map((x) => ({ id: x.id, parentId: x.parent_id })),
          dst.id,
          src.id,
        )
      ) {
        throw new ApiError('conflict', `“${src.name_zh}” cannot be merged into one of its own sub-themes.`);
      }
      const moved = recorded(db, repo, `Merge ${src.name_zh} into ${dst.name_zh}`, (rec) => {
        let moved = 0;
        for (const c of repo.codingsOfTheme(src.id)) {
          rec.touch('codings', c.id);
          const clash = c.start === null ? repo.wholeCoding(c.clause_id, dst.id, c.coder_id) : null;
          const step = mergeStep({ status: c.status, start: c.start, isFallback: c.id >= FALLBACK_ID_BASE }, clash);
          if (step.kind === 'drop') {
            // The clause already carries the target theme: keep the stronger decision, drop the other row.
            rec.touch('codings', clash!.id);
            if (step.accept) repo.putRow('codings', { ...clash!, status: 'accepted', source: c.source });
            repo.deleteRow('codings', c.id);
          } else if (step.kind === 'insert') {
            // A fallback suggestion (not a stored row): it becomes a stored suggestion of the target.
            const { doc_id, clause_id, start, end, quote, source, status, score } = c;
            rec.inserted('codings', repo.insertCoding({ doc_id, clause_id, theme_id: dst.id, start, end, quote, source, status, score }));
          } else repo.putRow('codings', { ...c, theme_id: dst.id });
          moved++;
        }
        removeTheme(repo, rec, src);
        return moved;
      });
      changed();
      return { moved };
    },
    'themes.delete': (input: ParsedInput<'themes.delete'>) => {
      const t = requireTheme(repo, input.id);
      const codings = recorded(db, repo, `Delete theme ${t.name_zh}`, (rec) => {
        const cs = repo.codingsOfTheme(t.id);
        for (const c of cs) rec.touch('codings', c.id);
        removeTheme(repo, rec, t);
        return cs.length;
      });
      changed();
      return { codings };
    },
  };
}

/** Deletes a theme (its codings cascade, already touched by the caller); sub-themes move up to its parent. */
function removeTheme(repo: ThemesRepo, rec: { touch: (t: 'themes' | 'codings', k: string | number) => void }, t: ThemeRow): void {
  for (const child of repo.children(t.id)) {
    rec.touch('themes', child.id);
    repo.putRow('themes', { ...child, parent_id: t.parent_id });
  }
  rec.touch('themes', t.id);
  repo.deleteRow('themes', t.id);
}
