import type { ClauseKind } from '../types';

/**
 * Versions of one regulation (修正/修订): the old and the new text aligned article by article in
 * order, as PKULaw's 新旧对照 shows them. Unlike comparing cities, order is kept: an article of the
 * new version is matched with at most one of the old, never crossing, so renumbered articles
 * (第十条 → 第十一条) still line up and inserted or deleted articles show as such.
 */

/** One article of a version: its label and its whole text (items (一)(二)… included). */
export interface VersionArticle {
  id: number;
  label: string;
  text: string;
}

export type VersionEntry =
  | { kind: 'same' | 'changed'; old: VersionArticle; new: VersionArticle; similarity: number }
  | { kind: 'deleted'; old: VersionArticle }
  | { kind: 'added'; new: VersionArticle };

export interface VersionClause {
  id: number;
  parentId: number | null;
  kind: ClauseKind;
  label: string;
  text: string;
}

/**
 * The articles of a document: each measure whose parent is not a measure, with the text of the
 * measures under it (labelled) appended, so an item added inside an article changes that article.
 */
export function versionArticles(clauses: VersionClause[]): VersionArticle[] {
  const byId = new Map(clauses.map((c) => [c.id, c]));
  const topOf = (c: VersionClause): VersionClause | null => {
    let top: VersionClause | null = c.kind === 'measure' ? c : null;
    for (let p = c.parentId == null ? undefined : byId.get(c.parentId); p; p = p.parentId == null ? undefined : byId.get(p.parentId)) {
      if (p.kind === 'measure') top = p;
    }
    return top;
  };
  const out = new Map<number, VersionArticle>();
  for (const c of clauses) {
    const top = topOf(c);
    if (!top) continue;
    const article = out.get(top.id);
    if (!article) out.set(top.id, { id: top.id, label: top.label, text: c.text });
    else article.text += `\n${c.label}${c.text}`;
  }
  return [...out.values()];
}

/** Letters and digits only: punctuation and spacing changes alone do not make an article "changed". */
const normal = (s: string) => s.replace(/[\s\p{P}\p{S}]/gu, '');

/** Character bigrams of an article (a lone character counts as one), with counts. */
function bigrams(s: string): Map<string, number> {
  const chars = Array.from(normal(s));
  const m = new Map<string, number>();
  for (let k = 0; k + 1 < chars.length; k++) m.set(chars[k] + chars[k + 1], (m.get(chars[k] + chars[k + 1]) ?? 0) + 1);
  if (chars.length === 1) m.set(chars[0], 1);
  return m;
}

/**
 * Dice coefficient over character bigrams (with counts) of every old × new pair: 1 for the same
 * text, 0 for nothing shared. Shared counts come from an index of the new articles' bigrams, so
 * only pairs that share something cost anything.
 */
function similarities(oldTexts: string[], newTexts: string[]): Float64Array[] {
  const go = oldTexts.map(bigrams),
    gn = newTexts.map(bigrams);
  const size = (g: Map<string, number>) => {
    let s = 0;
    for (const v of g.values()) s += v;
    return s;
  };
  const so = go.map(size),
    sn = gn.map(size);
  const index = new Map<string, Array<[number, number]>>();
  gn.forEach((g, j) => {
    for (const [b, n] of g) {
      const list = index.get(b);
      if (list) list.push([j, n]);
      else index.set(b, [[j, n]]);
    }
  });
  return go.map((g, i) => {
    const shared = new Float64Array(newTexts.length);
    for (const [b, n] of g) for (const [j, m] of index.get(b) ?? []) shared[j] += Math.min(n, m);
    for (let j = 0; j < shared.length; j++) shared[j] = so[i] + sn[j] ? (2 * shared[j]) / (so[i] + sn[j]) : 1;
    return shared;
  });
}

export interface VersionOptions {
  /** Two articles below this similarity are never paired: the old one is deleted, the new one added. */
  minSimilarity: number;
}

export const defaultVersionOptions: VersionOptions = { minSimilarity: 0.3 };

/**
 * Order-preserving alignment (a weighted LCS): among all pairings that never cross, the one with
 * the largest total similarity, pairs below `minSimilarity` excluded. O(n·m) time and memory.
 */
export function alignVersions(oldArticles: VersionArticle[], newArticles: VersionArticle[], options: Partial<VersionOptions> = {}): VersionEntry[] {
  const { minSimilarity } = { ...defaultVersionOptions, ...options };
  const n = oldArticles.length,
    m = newArticles.length;
  const sim = similarities(
    oldArticles.map((a) => a.text),
    newArticles.map((a) => a.text),
  );
  // best[i][j]: the best total for the first i old and j new articles.
  const best = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const s = sim[i - 1][j - 1];
      best[i][j] = Math.max(best[i - 1][j], best[i][j - 1], s >= minSimilarity ? best[i - 1][j - 1] + s : -Infinity);
    }
  }
  const out: VersionEntry[] = [];
  let i = n,
    j = m;
  while (i > 0 || j > 0) {
    const s = i > 0 && j > 0 ? sim[i - 1][j - 1] : 0;
    if (i > 0 && j > 0 && s >= minSimilarity && best[i][j] === best[i - 1][j - 1] + s) {
      const o = oldArticles[i - 1],
        w = newArticles[j - 1];
      out.push({ kind: normal(o.text) === normal(w.text) ? 'same' : 'changed', old: o, new: w, similarity: Math.round(s * 1000) / 1000 });
      i--;
      j--;
    } else if (j > 0 && (i === 0 || best[i][j] === best[i][j - 1])) {
      out.push({ kind: 'added', new: newArticles[j - 1] });
      j--;
    } else {
      out.push({ kind: 'deleted', old: oldArticles[i - 1] });
      i--;
    }
  }
  return out.reverse();
}

/** Years, edition notes and brackets that differ between versions of one regulation's title. */
const editionNote = /[（(][^）)]*(?:\d{4}|修正|修订|修改|版)[^）)]*[）)]|\d{4}\s*年?\s*(?:修正|修订|修改|版)?|[（(]?(?:修正|修订|修改)(?:本|版)?[）)]?/g;

/** The title of a regulation without its year or edition note: equal for two versions of it. */
export function regulationTitleKey(title: string): string {
  return title.replace(editionNote, '').replace(/\s+/g, '');
}

/** Two documents are versions of one regulation when their titles agree apart from year or edition note and their dates (when known) differ. */
export function sameRegulation(a: { title: string; date?: string | null }, b: { title: string; date?: string | null }): boolean {
  const ka = regulationTitleKey(a.title),
    kb = regulationTitleKey(b.title);
  if (!ka || ka !== kb) return false;
  if (a.date && b.date && a.date === b.date) return false;
  return true;
}
