import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { alignVersions, regulationTitleKey, sameRegulation, versionArticles, type VersionArticle } from '../../shared/domain/align/versions';
import { analyseDocument } from '../../shared/domain/analyze';

const art = (id: number, text: string): VersionArticle => ({ id, label: `第${id}条`, text });

describe('alignVersions', () => {
  it('pairs articles in order, finds renumbered, changed, added and deleted articles', () => {
    const old = [
      art(1, '为了优化营商环境，制定本条例。'),
      art(2, '本市建立营商环境评价制度。'),
      art(3, '市场监管部门负责登记注册工作。'),
      art(4, '本条例自2020年4月28日起施行。'),
    ];
    const neu = [
      art(11, '为了持续优化营商环境，制定本条例。'),
      art(12, '本市建立营商环境评价制度。'),
      art(13, '本市推行数据共享，一网通办。'),
      art(14, '本条例自公布之日起施行。'),
    ];
    const out = alignVersions(old, neu);
    expect(out.map((e) => e.kind)).toEqual(['changed', 'same', 'deleted', 'added', 'changed']);
    expect(out[0]).toMatchObject({ old: { id: 1 }, new: { id: 11 } });
    expect(out[4]).toMatchObject({ old: { id: 4 }, new: { id: 14 } });
  });

  it('never crosses: a moved article shows as deleted in one place and added in another', () => {
    const a = [art(1, '甲乙丙丁戊己庚辛'), art(2, '子丑寅卯辰巳午未'), art(3, '天地玄黄宇宙洪荒')];
    const b = [art(3, '天地玄黄宇宙洪荒'), art(1, '甲乙丙丁戊己庚辛'), art(2, '子丑寅卯辰巳午未')];
    const kinds = alignVersions(a, b).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'same')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'added')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'deleted')).toHaveLength(1);
  });

  it('treats a change of punctuation alone as the same article, and handles empty versions', () => {
    expect(alignVersions([art(1, '本市建立制度，')], [art(1, '本市建立制度。')])[0].kind).toBe('same');
    expect(alignVersions([], [art(1, 'x')]).map((e) => e.kind)).toEqual(['added']);
    expect(alignVersions([art(1, 'x')], []).map((e) => e.kind)).toEqual(['deleted']);
  });
});

describe('versionArticles and sameRegulation', () => {
  it('folds the items of an article into the article', () => {
    const arts = versionArticles([
      { id: 1, parentId: null, kind: 'heading', label: '第一章', text: '总则' },
      { id: 2, parentId: 1, kind: 'measure', label: '第一条', text: '本市应当：' },
      { id: 3, parentId: 2, kind: 'measure', label: '（一）', text: '甲；' },
      { id: 4, parentId: 1, kind: 'measure', label: '第二条', text: '乙。' },
    ]);
    expect(arts).toEqual([
      { id: 2, label: '第一条', text: '本市应当：\n（一）甲；' },
      { id: 4, label: '第二条', text: '乙。' },
    ]);
  });

  it('recognises two versions by their title without year or edition note', () => {
    expect(regulationTitleKey('北京市优化营商环境条例（2024年修订）')).toBe('北京市优化营商环境条例');
    expect(sameRegulation({ title: '北京市优化营商环境条例' }, { title: '北京市优化营商环境条例(2024修正)' })).toBe(true);
    expect(sameRegulation({ title: '北京市优化营商环境条例' }, { title: '河南省优化营商环境条例' })).toBe(false);
    expect(sameRegulation({ title: '某条例', date: '2020-01-01' }, { title: '某条例', date: '2020-01-01' })).toBe(false);
  });
});

// The two real Beijing versions (2020 and 2024): most articles are kept or changed in order.
const fixtures = resolve(fileURLToPath(new URL('..', import.meta.url)), 'fixtures', 'align-real', 'docs');
const beijing = ['北京市优化营商环境条例(2020-03-27).md', '北京市优化营商环境条例(2024-11-29).md'].map((f) => join(fixtures, f));
describe.skipIf(!beijing.every((f) => existsSync(f)))('the two versions of 北京市优化营商环境条例', () => {
  it('aligns 2020 and 2024 article by article (timed by the bench, not here)', () => {
    const [old, neu] = beijing.map((f) => {
      const r = analyseDocument({ text: readFileSync(f, 'utf8'), format: 'md', encoding: 'utf-8', warnings: [] }, f);
      return versionArticles(
        r.clauses.map((c, i) => ({ id: i + 1, parentId: c.parentIndex == null ? null : c.parentIndex + 1, kind: c.kind, label: c.label, text: c.text })),
      );
    });
    const out = alignVersions(old, neu);
    const count = (k: string) => out.filter((e) => e.kind === k).length;
    expect(count('same') + count('changed') + count('deleted')).toBe(old.length);
    expect(count('same') + count('changed') + count('added')).toBe(neu.length);
    // The 2024 revision keeps the structure: most articles pair up; the first and last are paired.
    expect(count('same') + count('changed')).toBeGreaterThan(0.7 * Math.min(old.length, neu.length));
    expect(out[0].kind === 'same' || out[0].kind === 'changed').toBe(true);
    expect(out.at(-1)).toMatchObject({ kind: 'changed', old: { text: expect.stringContaining('施行') }, new: { text: expect.stringContaining('施行') } });
  });
});

// Against the labels written by reading (test/fixtures/align-real/train-a.json, the pair of shape
// "versions"), beside the plain baseline of pairing articles by their number.
const labels = resolve(fixtures, '..', 'train-a.json');
describe.skipIf(!existsSync(labels) || !beijing.every((f) => existsSync(f)))('versions alignment against the labelled Beijing pair', () => {
  it('pairs the labelled articles better than pairing by article number', () => {
    const norm = (s: string) => s.normalize('NFKC').replace(/\s+/gu, '');
    const docs = beijing.map((f) => {
      const r = analyseDocument({ text: readFileSync(f, 'utf8'), format: 'md', encoding: 'utf-8', warnings: [] }, f);
      const clauses = r.clauses.map((c, i) => ({
        id: i + 1,
        parentId: c.parentIndex == null ? null : c.parentIndex + 1,
        kind: c.kind,
        label: c.label,
        text: c.text,
      }));
      const articles = versionArticles(clauses);
      const articleOf = (anchor: string) => {
        const c = clauses.filter((x) => norm(x.text).includes(norm(anchor))).sort((x, y) => x.text.length - y.text.length)[0];
        return c && articles.find((a) => a.id === c.id || norm(a.text).includes(norm(c.text)))?.id;
      };
      return { articles, articleOf };
    });
    const pair = (
      JSON.parse(readFileSync(labels, 'utf8')) as {
        pairs: Array<{ shape: string; items: Array<{ a_anchor: string; b_matches: Array<{ b_anchor: string; strength: string }> }> }>;
      }
    ).pairs.find((p) => p.shape === 'versions')!;
    const strong = new Set<string>(),
      allowed = new Set<string>();
    for (const it of pair.items) {
      const a = docs[0].articleOf(it.a_anchor);
      for (const m of it.b_matches) {
        const key = `${a}:${docs[1].articleOf(m.b_anchor)}`;
        allowed.add(key);
        if (m.strength === 'strong') strong.add(key);
      }
    }
    const score = (pairs: string[]) => {
      const tp = pairs.filter((k) => strong.has(k)).length;
      const fp = pairs.filter((k) => !allowed.has(k)).length;
      const p = tp / Math.max(1, tp + fp),
        r = tp / strong.size;
      return { p, r, f1: (2 * p * r) / Math.max(1e-9, p + r) };
    };
    const method = score(alignVersions(docs[0].articles, docs[1].articles).flatMap((e) => ('old' in e && 'new' in e ? [`${e.old.id}:${e.new.id}`] : [])));
    const byLabel = new Map(docs[1].articles.map((a) => [a.label, a.id]));
    const baseline = score(docs[0].articles.flatMap((a) => (byLabel.has(a.label) ? [`${a.id}:${byLabel.get(a.label)}`] : [])));
    console.log(
      `versions, Beijing 2020→2024: method P ${method.p.toFixed(2)} R ${method.r.toFixed(2)} F1 ${method.f1.toFixed(2)}; by article number P ${baseline.p.toFixed(2)} R ${baseline.r.toFixed(2)} F1 ${baseline.f1.toFixed(2)}`,
    );
    expect(method.f1).toBeGreaterThan(baseline.f1);
    expect(method.f1).toBeGreaterThanOrEqual(0.85);
  });
});
