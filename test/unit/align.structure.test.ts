// The aligner's structural signals and the boosted trees: a list's lead-in carries its items,
// article references are followed to the cited article, the trees learn an interaction a linear
// model cannot, and the evaluation re-anchors a label whose text spans two clauses.
import { describe, expect, it } from 'vitest';
import { prepareAlignment, type AlignClause } from '../../shared/domain/align';
import { citedLabels } from '../../shared/domain/align/features';
import { featureNames } from '../../shared/domain/align/score';
import { fitTrees, treesValue } from '../../shared/domain/align/trees';
import { clauseWith } from '../eval/align-data';
import { prng } from '../support/random';

const clause = (id: number, text: string, extra: Partial<AlignClause> = {}): AlignClause => ({ id, kind: 'measure', text, ...extra });

describe('article references', () => {
  it('reads the articles of the same document a clause cites, not those of a cited law', () => {
    expect(citedLabels('违反本条例第二十四条、第三十条规定的，由城市管理部门责令改正。')).toEqual(['第二十四条', '第三十条']);
    expect(citedLabels('依照《中华人民共和国动物防疫法》第五十条的规定处罚。')).toEqual([]);
  });

  it('compares two penalties through the rules they cite', () => {
    const a = [
      clause(1, '养犬人应当为犬只办理登记，领取犬牌，并按照规定佩戴。', { label: '第十条' }),
      clause(2, '任何单位和个人不得在公园内燃放烟花爆竹。', { label: '第十一条' }),
      clause(3, '违反本条例第十条规定的，由公安机关责令限期改正，处二百元罚款。', { label: '第三十条' }),
    ];
    const b = [
      clause(11, '禁止在公园内燃放烟花爆竹，禁止携带易燃易爆物品入园。', { label: '第五条' }),
      clause(12, '养犬应当办理养犬登记，取得犬牌后佩戴于犬只颈部。', { label: '第八条' }),
      clause(13, '违反本条例第八条规定的，由公安机关责令改正，可以处五百元以下罚款。', { label: '第二十条' }),
    ];
    const prep = prepareAlignment({ a, b });
    expect(prep.fa[2].cites).toEqual([0]);
    expect(prep.fb[2].cites).toEqual([1]);
    const both = featureNames.indexOf('citeBoth');
    const penalty = prep.candidates.find((c) => c.i === 2 && c.j === 2);
    expect(penalty).toBeDefined();
    expect(penalty!.x[both]).toBeGreaterThan(0.2);
  });
});

describe('lists', () => {
  it('compares a lead-in with its items, and an item with the whole list of the other side', () => {
    const a = [
      clause(1, '电梯使用单位应当履行下列义务：', { label: '第十二条' }),
      clause(2, '建立电梯安全管理制度和安全技术档案；', { label: '（一）', parent: 1 }),
      clause(3, '保证紧急报警装置能够正常使用。', { label: '（二）', parent: 1 }),
      clause(4, '本市鼓励发展绿色建筑。', { label: '第十三条' }),
    ];
    const b = [
      clause(11, '使用单位应当建立电梯安全管理制度和安全技术档案，保证紧急报警装置正常使用。', { label: '第九条' }),
      clause(12, '鼓励发展绿色建筑和装配式建筑。', { label: '第十条' }),
    ];
    const prep = prepareAlignment({ a, b });
    expect(prep.fa[0].hasItems).toBe(true);
    expect(prep.fa[1].lead).toBe(0);
    const block = featureNames.indexOf('block'),
      cos = featureNames.indexOf('cosine'),
      inList = featureNames.indexOf('inList');
    const lead = prep.candidates.find((c) => c.i === 0 && c.j === 0);
    expect(lead).toBeDefined();
    expect(lead!.x[block]).toBeGreaterThan(lead!.x[cos] + 0.2);
    const item = prep.candidates.find((c) => c.i === 1 && c.j === 0)!;
    expect(item.x[inList]).toBeGreaterThan(0.3);
  });
});

describe('boosted trees', () => {
  it('learn an interaction (xor of two signals) that the linear start cannot express', () => {
    const rnd = prng(7);
    const X = Array.from({ length: 800 }, () => [rnd(), rnd(), rnd()]);
    const y = X.map((x) => (x[0] > 0.5 !== x[1] > 0.5 ? 1 : 0));
    const trees = fitTrees(
      X,
      y,
      X.map(() => 0),
      X.map(() => 1),
      { trees: 40, depth: 2, rate: 0.3, lambda: 1, minHessian: 1, bins: 16 },
    );
    const right = X.filter((x, k) => (treesValue(trees, x) > 0 ? 1 : 0) === y[k]).length;
    expect(right / X.length).toBeGreaterThan(0.9);
  });
});

describe('evaluation anchors', () => {
  const clauses = [clause(1, '一、总体要求。坚持稳中求进。'), clause(2, '二、主要任务。加快发展现代产业体系，推动经济体系优化升级。')];
  it('take the shortest clause containing the anchor, as score.mjs does', () => {
    expect(clauseWith(clauses, '加快发展现代产业体系')?.id).toBe(2);
  });
  it('re-anchor on the text when the anchor runs across two clauses or writes punctuation differently', () => {
    expect(clauseWith(clauses, '稳中求进。二、主要任务。加快发展')?.id).toBe(2);
    expect(clauseWith(clauses, '主要任务,加快发展现代产业体系')?.id).toBe(2);
    expect(clauseWith(clauses, '完全不存在的一段文字')).toBeUndefined();
  });
});
