import { describe, expect, it } from 'vitest';
import { buildSimilarityIndex, DEFAULT_THEMES, lexiconWeight, suggestForClause, wouldCreateCycle } from '../../shared/domain/themes/index';

const ids = (text: string, heading: string | null = null) => suggestForClause({ text, heading }).themes.map((t) => t.id);

describe('suggestForClause', () => {
  it('uses the default codebook ids of the CLI contract', () => {
    expect(DEFAULT_THEMES.map((t) => t.id)).toEqual([
      'financing',
      'tax_fees',
      'talent',
      'registration_reform',
      'space_carriers',
      'public_services',
      'tech_innovation',
      'market_expansion',
      'land_property',
      'credit_system',
      'organisation_support',
      'targets',
      'other',
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
    const similarity = buildSimilarityIndex(
      [coded, candidate, '支持企业开拓市场。', '加强信用体系建设。'],
      [{ key: '1', text: coded, themes: ['organisation_support'] }],
    );
    const s = suggestForClause({ key: '2', text: candidate }, { similarity });
    expect(s.themes.map((t) => t.id)).toContain('organisation_support');
  });

  it('counts a term once inside a longer matched term and at most twice', () => {
    expect(
      lexiconWeight('科技创新券', [
        ['科技创新券', 3],
        ['创新券', 3],
      ]),
    ).toBe(3);
    expect(lexiconWeight('融资融资融资', [['融资', 3]])).toBe(6);
  });
});

// Sentences written for these tests (not from the seeds or the held-out fixtures).
describe('matching terms like words', () => {
  it('reads a compound as one word: 房产税 is a tax, not property; 技术合同登记 is not registration', () => {
    expect(ids('对小微企业减半征收房产税和城镇土地使用税。')).toEqual(['tax_fees']);
    expect(ids('对技术合同登记额超过100万元的项目给予补助，技术合同登记实行网上办理。')).toEqual(['tech_innovation']);
  });

  it('ignores the agencies a clause names as responsible', () => {
    const body = '建立中小企业统计监测制度，按季度发布运行分析报告。';
    expect(ids(`${body}（责任单位：市统计局、市税务局、市国税局、市地税局）`)).toEqual(ids(body));
  });

  it('folds full-width brackets and white space before matching', () => {
    expect(ids('对首台（套）重大技术装备给予奖励。')).toContain('tech_innovation');
    expect(ids('设立中小企业 融 资 担保基金。')).toEqual(['financing']);
  });

  it('counts a researcher keyword of a custom theme', () => {
    const themes = [
      ...DEFAULT_THEMES.map((t) => ({ id: t.id, instrument: t.instrument })),
      { id: 'night_economy', instrument: 'environment' as const, keywords: ['夜间经济', '夜市'] },
    ];
    expect(suggestForClause({ text: '支持发展夜间经济，规范设置夜市。' }, { themes }).themes.map((t) => t.id)).toEqual(['night_economy']);
    expect(suggestForClause({ text: '支持发展夜间经济，规范设置夜市。' }).themes.map((t) => t.id)).toEqual(['other']);
  });
});

describe('targets and instruments', () => {
  it('codes a statement of dated goals as targets alone, whatever it counts', () => {
    expect(ids('到2027年，全市融资担保在保余额达到300亿元，科技型中小企业达到5000家以上。')).toEqual(['targets']);
  });

  it('does not read a threshold or a quota inside a measure as a goal', () => {
    expect(ids('对年采购额超过500万元的项目，预留30%以上份额面向小微企业。')).not.toContain('targets');
  });

  it('lets the tool decide the class of a field theme: a rule on talent is environment, a grant supply', () => {
    expect(suggestForClause({ text: '放宽民营企业技术人员职称申报条件，不受学历、资历限制。' }).instrument).toBe('environment');
    expect(suggestForClause({ text: '对新引进的博士给予每人10万元安家补贴。' }).instrument).toBe('supply');
    expect(suggestForClause({ text: '对企业参加境外展会给予展位费补贴。' }).instrument).toBe('demand');
  });
});

describe('codebook tree', () => {
  it('detects a move that would put a theme under itself', () => {
    const tree = [
      { id: 'a', parentId: null },
      { id: 'b', parentId: 'a' },
      { id: 'c', parentId: 'b' },
    ];
    expect(wouldCreateCycle(tree, 'a', 'c')).toBe(true);
    expect(wouldCreateCycle(tree, 'c', 'a')).toBe(false);
    expect(wouldCreateCycle(tree, 'a', 'a')).toBe(true);
  });
});
