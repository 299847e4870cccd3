// The agreement figures as an XLSX workbook a methods section can cite: every statistic named with
// its method and unit, both levels, and the disagreements with what each coder coded.
import type { Output } from '../../../shared/api/contract';
import { tablesToXlsx } from '../export/formats/tables';
import type { Table } from '../export/report/tables';

type Result = Output<'agreement.compute'>;

const L = {
  en: {
    title: 'Inter-coder agreement',
    figures: 'Agreement',
    method: 'Method',
    disagreements: 'Disagreements',
    header: ['Level', 'Unit', 'Theme', 'Units', 'Percent agreement', "Cohen's kappa", "Fleiss' kappa", "Krippendorff's alpha (nominal)"],
    level: { clause: 'Clause', character: 'Character' },
    unit: { clause: 'clause × theme (coded or not)', character: 'character × theme (covered by a coded range or not)' },
    overall: 'All themes (pooled)',
    coders: 'Coders',
    methodHeader: ['Statistic', 'Definition'],
    methods: [
      ['Percent agreement', 'Share of units on which all coders gave the same rating.'],
      ["Cohen's kappa", "κ = (pₒ − pₑ) / (1 − pₑ), chance agreement pₑ from each coder's own marginals (Cohen 1960); two coders only."],
      ["Fleiss' kappa", 'Kappa for any fixed number of coders, chance from the pooled marginals (Fleiss 1971).'],
      ["Krippendorff's alpha (nominal)", 'α = 1 − Dₒ / Dₑ from the coincidence matrix (Krippendorff 2011, “Computing Krippendorff’s Alpha-Reliability”).'],
      [
        'Clause level',
        'One unit per codable clause of the compared documents and theme; a coder rates it 1 when they coded the theme on the clause (whole clause or any range in it), else 0.',
      ],
      [
        'Character level',
        'One unit per character of those clauses and theme; 1 where the coder’s ranges (or whole-clause coding) cover the character, else 0.',
      ],
      ['Overall', 'The units of every theme pooled.'],
    ],
    disHeader: ['Document', 'City', 'Clause', 'Theme', 'Text'],
    whole: 'whole clause',
    none: 'not coded',
    consensus: 'Consensus now',
    yes: 'coded',
    no: 'not coded',
  },
  'zh-CN': {
    title: '编码者间一致性',
    figures: '一致性',
    method: '方法',
    disagreements: '分歧',
    header: ['层级', '分析单位', '主题', '单位数', '百分比一致性', 'Cohen’s kappa 系数', 'Fleiss’ kappa 系数', 'Krippendorff’s alpha（名义）'],
    level: { clause: '条款', character: '字符' },
    unit: { clause: '条款 × 主题（是否编码）', character: '字符 × 主题（是否在编码范围内）' },
    overall: '全部主题（合并）',
    coders: '编码者',
    methodHeader: ['统计量', '定义'],
    methods: [
      ['百分比一致性', '所有编码者评定相同的单位所占比例。'],
      ['Cohen’s kappa 系数', 'κ = (pₒ − pₑ) / (1 − pₑ)，偶然一致 pₑ 按每位编码者各自的边际分布计算（Cohen 1960）；仅限两位编码者。'],
      ['Fleiss’ kappa 系数', '适用于固定人数的多位编码者，偶然一致按合并边际分布计算（Fleiss 1971）。'],
      ['Krippendorff’s alpha（名义）', 'α = 1 − Dₒ / Dₑ，由一致矩阵计算（Krippendorff 2011）。'],
      ['条款层级', '所比较文件的每个可编码条款与每个主题构成一个单位；编码者在该条款（整条或其中任一片段）标注该主题记为 1，否则为 0。'],
      ['字符层级', '上述条款的每个字符与每个主题构成一个单位；编码者的片段（或整条编码）覆盖该字符记为 1，否则为 0。'],
      ['合并', '所有主题的单位合并计算。'],
    ],
    disHeader: ['文件', '城市', '条款', '主题', '条文'],
    whole: '整条',
    none: '未编码',
    consensus: '当前共识',
    yes: '已编码',
    no: '未编码',
  },
} as const;

const round = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

export async function agreementWorkbook(input: { clause: Result; character: Result; themes: Map<string, string>; locale: 'en' | 'zh-CN' }): Promise<Buffer> {
  const l = L[input.locale];
  const coderNames = input.clause.coders.map((c) => c.name);
  const figures: Table = {
    name: l.figures,
    header: [...l.header, ...coderNames.map((n) => `${l.coders}: ${n}`)],
    rows: [],
    align: ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right'],
    wrap: false,
  };
  for (const r of [input.clause, input.character]) {
    const row = (theme: string, f: Result['overall'], coded: Array<number | null>) =>
      figures.rows.push([l.level[r.level], l.unit[r.level], theme, f.units, round(f.percent), round(f.cohen), round(f.fleiss), round(f.alpha), ...coded]);
    row(
      l.overall,
      r.overall,
      coderNames.map(() => null),
    );
    for (const t of r.themes) if (t.coded.some((n) => n > 0)) row(input.themes.get(t.themeId) ?? t.themeId, t.figures, t.coded);
  }
  const method: Table = { name: l.method, header: [...l.methodHeader], rows: l.methods.map((m) => [...m]) };
  const coderCell = (c: Result['disagreements'][number]['coders'][number]) =>
    c.whole ? l.whole : c.ranges.length ? c.ranges.map((g) => `「${g.text}」`).join(' ') : l.none;
  const disagreements: Table = {
    name: l.disagreements,
    header: [...l.disHeader, ...coderNames, l.consensus],
    rows: input.clause.disagreements.map((d) => [
      d.title ?? '',
      d.city ?? '',
      d.path,
      input.themes.get(d.themeId) ?? d.themeId,
      d.snippet,
      ...d.coders.map(coderCell),
      d.consensus ? l.yes : l.no,
    ]),
  };
  return tablesToXlsx([figures, method, disagreements], { title: l.title });
}
