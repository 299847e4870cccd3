import { describe, expect, it } from 'vitest';
import { buildSimilarityIndex, DEFAULT_THEMES, lexiconWeight, suggestForClause, wouldCreateCycle } from '../../shared/domain/themes/index';

const ids = (text: string, heading: string | null = null) => suggestForClause({ text, heading }).themes.map((t) => t.id);

describe('suggestForClause', () => {
  it('uses the default codebook ids of the CLI contract', () => {
    expect(DEFAULT_THEMES.map((t) => t.id)).toEqual([
      'financing', 'tax_fees', 'talent', 'registration_reform', 'space_carriers', 'public_services', 'tech_innovation',
      'market_expansion', 'land_property', 'credit_system', 'organisation_support', 'targets', 'other',
    ]);
  });

  // Sentences written for this test in the style of local plans (not taken from the seeds).
  it('names the dominant theme of typical measures', () => {
    expect(ids('设立中小企业转贷应急资金,引导银行扩大小微企业信贷投放,完善融资担保体系。')).toEqual(['financing']);
    expect(ids('对符合条件的小型微利企业减半征收企业所得税,全面清理涉企行政事业性收费。')).toEqual(['tax_fees']);
    expect(ids('开展大学生创业培训和职业技能培训,引进海内外高层次人才。')[0]).toBe('talent');
    expect(ids('推行企业简易注销,实行“多证合一、一照一码”登记制度。')).toEqual(['registration_reform']);
    expect(ids('支持建设众创空间、孵化器和加速器等创业载体。')).toEqual(['space_carriers']);
    expect(ids('参加境外展会的企业给予展位费补助,支持企业开拓国际市场、发展跨境电子商务。')[0]).toBe('market_expansion');
    expect(ids('建立健全守信激励和失信联合惩戒机制,完善企业信用信息公示。')).toEqual(['credit_system']);
    expect(ids('成立由市政府分管领导任组长的领导小组,将工作纳入年度考核。')).toEqual(['organisation_support']);
  });

  it('falls back to other when nothing in the lexicon applies', () => {
    expect(ids('本方案自印发之日起施行。')).toEqual(['other']);
  });

  it('classifies the instrument from the themes and from the tool used', () => {
    expect(suggestForClause({ text: '政府采购预留份额专门面向小微企业采购。' }).instrument).toBe('demand');
    expect(suggestForClause({ text: '对新认定的众创空间给予一次性资金支持,提供免费场地。' }).instrument).toBe('supply');
    expect(suggestForClause({ text: '降低小微企业贷款担保费率,扩大融资规模。' }).instrument).toBe('environment');
  });

  it('gives a higher score to more evidence, and scores stay within 0..1', () => {
    const weak = suggestForClause({ text: '鼓励银行支持小微企业贷款。' }).themes[0];
    const strong = suggestForClause({ text: '鼓励银行支持小微企业贷款,设立引导基金,开展股权融资和融资担保。' }).themes[0];
    expect(weak.id).toBe('financing');
    expect(strong.score).toBeGreaterThan(weak.score);
    expect(strong.score).toBeLessThanOrEqual(1);
  });

  it('learns from coded clauses: a clause like a coded one gets its theme', () => {
    const coded = '推进“四上”企业培育工作,建立重点企业培育库,实行一企一策精准帮扶。';
    const candidate = '推进“四上”企业培育工作,建立培育库,落实一企一策帮扶机制。';
    expect(ids(candidate)).not.toContain('organisation_support');
    const similarity = buildSimilarityIndex([coded, candidate, '支持企业开拓市场。', '加强信用体系建设。'], [{ key: '1', text: coded, themes: ['organisation_support'] }]);
    const s = suggestForClause({ key: '2', text: candidate }, { similarity });
    expect(s.themes.map((t) => t.id)).toContain('organisation_support');
  });

  it('counts a term once inside a longer matched term and at most twice', () => {
    expect(lexiconWeight('科技创新券', [['科技创新券', 3], ['创新券', 3]])).toBe(3);
    expect(lexiconWeight('融资融资融资', [['融资', 3]])).toBe(6);
  });
});

describe('codebook tree', () => {
  it('detects a move that would put a theme under itself', () => {
    const tree = [{ id: 'a', parentId: null }, { id: 'b', parentId: 'a' }, { id: 'c', parentId: 'b' }];
    expect(wouldCreateCycle(tree, 'a', 'c')).toBe(true);
    expect(wouldCreateCycle(tree, 'c', 'a')).toBe(false);
    expect(wouldCreateCycle(tree, 'a', 'a')).toBe(true);
  });
});
