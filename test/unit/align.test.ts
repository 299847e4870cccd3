import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { alignClauses, alignedRows, type AlignClause } from '../../shared/domain/align';
import { analyseDocument } from '../../shared/domain/analyze';
import { selectLinks, type ScoredPair } from '../../shared/domain/align/selection';
import { defaultAlignOptions } from '../../shared/domain/align/types';

const m = (id: number, text: string, kind: AlignClause['kind'] = 'measure'): AlignClause => ({ id, kind, text });

describe('alignClauses', () => {
  const a = [
    m(1, '设立小微企业贷款风险补偿资金，对银行发放的小微企业贷款损失给予补偿。(责任部门:市财政局)'),
    m(2, '实施企业简易注销程序改革，简化注销材料，完善市场退出机制。'),
    m(3, '组织开展城市马拉松赛事，丰富市民体育生活。'),
    m(4, '主要工作', 'heading'),
    m(5, '为促进小微企业发展，制定本方案。', 'preamble'),
  ];
  const b = [
    m(11, '推进简易注销改革，对未开业企业实行简易注销程序。'),
    m(12, '完善贷款风险补偿机制，市财政安排风险补偿资金，对合作银行小微企业贷款损失给予补偿。'),
    m(13, '加强海洋生态环境保护，开展近岸海域整治。'),
    m(14, '主要工作', 'heading'),
  ];
  const links = alignClauses({ a, b });
  const pairs = links.map((l) => `${l.a}-${l.b}`);

  it('links counterparts whatever their order, with a score and readable reasons', () => {
    expect(pairs).toContain('1-12');
    expect(pairs).toContain('2-11');
    const risk = links.find((l) => l.a === 1 && l.b === 12)!;
    expect(risk.score).toBeGreaterThan(0);
    expect(risk.score).toBeLessThanOrEqual(1);
    const terms = risk.reasons.find((r) => r.kind === 'terms');
    expect(terms && terms.kind === 'terms' && terms.terms.some((t) => t.includes('风险补偿'))).toBe(true);
    expect(risk.reasons.some((r) => r.kind === 'instrument' && r.instruments.includes('risk_compensation'))).toBe(true);
  });

  it('leaves a clause without counterpart unlinked, and never aligns headings or preambles', () => {
    expect(links.some((l) => l.a === 3)).toBe(false);
    expect(links.some((l) => [4, 5].includes(l.a) || l.b === 14)).toBe(false);
  });

  it('does not link on agency notes alone', () => {
    const x = alignClauses({ a: [m(1, '开展城市绿化行动。(责任部门:市财政局、市科技局)')], b: [m(2, '举办青年足球联赛。(责任部门:市财政局、市科技局)')] });
    expect(x).toEqual([]);
  });

  it('lets one clause match several when they are close to its best', () => {
    const bundle = m(1, '建立政府创业投资引导基金，做大引导基金规模。鼓励企业在区域性股权交易市场挂牌融资。');
    const x = alignClauses({ a: [bundle], b: [m(2, '壮大创业投资引导基金规模，放大财政资金杠杆。'), m(3, '支持企业到区域性股权交易市场挂牌。'), m(4, '开展全民健身活动。')] });
    expect(x.map((l) => l.b).sort()).toEqual([2, 3]);
  });
});

describe('selectLinks (which scored pairs become links)', () => {
  const p = (s: number, instrument = 0.7, sentenceA = 0, sentenceB = 0): ScoredPair => ({ s, instrument, sentenceA, sentenceB });
  const links = (pairs: ScoredPair[][]) => selectLinks(pairs, defaultAlignOptions).map((l) => `${l.i}-${l.j}`).sort();

  it('lets a second clause link to a bundle through the other sentence it matched, given a shared instrument', () => {
    // B0 bundles two measures: A0 matches its first sentence strongly, A1 its second one more weakly.
    expect(links([[p(0.45, 0.7, 0, 0), p(0.02)], [p(0.28, 0.7, 0, 1), p(0.03)]])).toEqual(['0-0', '1-0']);
    // The same sentence: A1 is only a weaker rival for what A0 already matched.
    expect(links([[p(0.45, 0.7, 0, 0), p(0.02)], [p(0.28, 0.7, 0, 0), p(0.03)]])).toEqual(['0-0']);
    // No shared instrument: wording alone does not open the bundle.
    expect(links([[p(0.45, 0.7, 0, 0), p(0.02)], [p(0.28, 0, 0, 1), p(0.03)]])).toEqual(['0-0']);
  });

  it('links a clear mutual best match below the usual floor only with instrument evidence', () => {
    expect(links([[p(0.15), p(0.03)], [p(0.02), p(0.01)]])).toEqual(['0-0']);
    expect(links([[p(0.15, 0), p(0.03)], [p(0.02), p(0.01)]])).toEqual([]);
    // Not clear: the runner-up is close.
    expect(links([[p(0.15), p(0.13)], [p(0.02), p(0.01)]])).toEqual([]);
  });

  it('asks more of pairs that share wording but no instrument', () => {
    expect(links([[p(0.23, 0)]])).toEqual([]);
    expect(links([[p(0.23, 0.5)]])).toEqual(['0-0']);
    expect(links([[p(0.3, 0)]])).toEqual(['0-0']);
  });
});

describe('alignedRows', () => {
  it('groups linked clauses into rows, keeps unmatched ones on their own, and leaves rejected links out', () => {
    const rows = alignedRows([[1, 2, 3], [11, 12]], [
      { a: 1, b: 12, score: 0.5, status: 'confirmed' },
      { a: 2, b: 11, score: 0.3, status: 'rejected' },
      { a: 3, b: 11, score: 0.2, status: 'suggested' },
    ]);
    expect(rows.map((r) => r.cells)).toEqual([[[1], [12]], [[2], []], [[3], [11]]]);
    expect(rows.map((r) => r.status)).toEqual(['confirmed', 'unmatched', 'suggested']);
  });
});

// The labelled pairs: the method must keep beating the plain bigram cosine (F1 0.66).
const shared = resolve(fileURLToPath(new URL('../..', import.meta.url)), '..', 'shared');
const goldFile = join(shared, 'eval', 'gold', 'alignments.json');
describe.skipIf(!existsSync(goldFile))('alignment against the labelled seed pairs (needs ../shared)', () => {
  it('reaches F1 ≥ 0.75 and leaves ≥ 80% of clauses without counterpart unlinked', () => {
    const norm = (s: string) => s.normalize('NFKC').replace(/\s+/gu, '');
    const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as { pairs: Array<{ a: string; b: string; items: Array<{ a_anchor: string; b_matches: Array<{ b_anchor: string; strength: string }> }> }> };
    let base = 0;
    const docs = new Map<string, AlignClause[]>();
    const load = (file: string) => {
      if (!docs.has(file)) {
        const r = analyseDocument({ text: readFileSync(join(shared, 'seeds', file), 'utf8'), format: 'txt', encoding: 'utf-8', warnings: [] }, file);
        const id0 = (base += 10_000);
        docs.set(file, r.clauses.map((c, i) => ({ id: id0 + i, kind: c.kind, text: c.text, heading: c.heading })));
      }
      return docs.get(file)!;
    };
    const find = (cs: AlignClause[], anchor: string) => cs.filter((c) => norm(c.text).includes(norm(anchor))).sort((x, y) => norm(x.text).length - norm(y.text).length)[0];
    let tp = 0, fp = 0, fn = 0, none = 0, noneOk = 0;
    for (const pair of gold.pairs) {
      const a = load(pair.a), b = load(pair.b);
      const links = alignClauses({ a, b });
      for (const it of pair.items) {
        const ca = find(a, it.a_anchor);
        const strong = new Set(it.b_matches.filter((x) => x.strength === 'strong').map((x) => find(b, x.b_anchor)?.id));
        const partial = new Set(it.b_matches.filter((x) => x.strength !== 'strong').map((x) => find(b, x.b_anchor)?.id));
        const got = new Set(links.filter((l) => l.a === ca?.id).map((l) => l.b));
        for (const g of got) if (strong.has(g)) tp++; else if (!partial.has(g)) fp++;
        for (const s of strong) if (!got.has(s!)) fn++;
        if (!it.b_matches.length) { none++; if (!got.size) noneOk++; }
      }
    }
    const p = tp / (tp + fp), r = tp / (tp + fn);
    expect((2 * p * r) / (p + r)).toBeGreaterThanOrEqual(0.75);
    expect(noneOk / none).toBeGreaterThanOrEqual(0.8);
  });
});
