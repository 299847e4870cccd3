import type { ReportOptions } from '../model';

/** The fixed words of reports and tables, in both UI languages. */
const en = {
  report: 'Comparison report', documents: 'Documents', generated: 'Exported', rows: 'Aligned clauses', row: 'Row', unaligned: 'Clauses without a counterpart',
  rejected: 'Rejected links', notes: 'Notes on the comparison', themes: 'Themes', links: 'Links', annotations: 'Annotations', legendDiff: 'Highlighted: text that differs',
  legendNumber: 'numbers', file: 'File', title: 'Title', city: 'City', province: 'Province', level: 'Level', issuer: 'Issuer', docNumber: 'Document number (文号)',
  dateWritten: 'Written', datePublished: 'Published', validity: 'Validity', period: 'Period', clauseCount: 'Clauses', noClause: '—',
  confirmed: 'confirmed', suggested: 'suggested', rejectedStatus: 'rejected', score: 'score', untitled: 'Untitled document',
  document: 'Document', year: 'Year', path: 'Clause', text: 'Text', instrument: 'Instrument class', agencies: 'Agencies', annotation: 'Annotation',
  status: 'Status', source: 'Source', codings: 'Coding table', alignment: 'Alignment', targets: 'Targets', metric: 'Metric', value: 'Value', unit: 'Unit',
  bound: 'Bound', quantity: 'As printed', rowId: 'Row', clauseA: 'Clause', supply: 'supply', environment: 'environment', demand: 'demand',
  comparisonTable: 'Comparison', reasons: 'Why aligned', rowNotes: 'Row notes', accepted: 'accepted', manual: 'by hand', auto: 'suggested by PolicyLens',
  min: 'at least', max: 'at most', province_level: 'province', city_level: 'city', district_level: 'district', county_level: 'county',
  reasonTerms: 'shared terms: {0}', reasonInstrument: 'same instrument: {0}', reasonNumbers: 'same numbers: {0}', reasonSection: 'similar section: {0}', reasonMutual: 'each other’s best match',
  concordance: 'Concordance', left: 'Left context', hit: 'Hit', right: 'Right context', part: 'Part', preamble: 'Preamble', partTitle: 'Title of the part',
};
export type Labels = typeof en;

const zh: Labels = {
  report: '比较报告', documents: '文件', generated: '导出时间', rows: '对齐条款', row: '行', unaligned: '未对齐条款', rejected: '已拒绝的对应',
  notes: '比较批注', themes: '主题', links: '对应', annotations: '批注', legendDiff: '高亮：不同之处', legendNumber: '数字', file: '文件名', title: '标题',
  city: '城市', province: '省份', level: '层级', issuer: '发文机关', docNumber: '文号', dateWritten: '成文日期', datePublished: '发布日期', validity: '有效性',
  period: '期限', clauseCount: '条款数', noClause: '—', confirmed: '已确认', suggested: '建议', rejectedStatus: '已拒绝', score: '得分', untitled: '无标题文件',
  document: '文件', year: '年份', path: '条款', text: '文本', instrument: '政策工具类型', agencies: '责任单位', annotation: '批注', status: '状态', source: '来源',
  codings: '编码表', alignment: '对齐', targets: '目标指标', metric: '指标', value: '数值', unit: '单位', bound: '界限', quantity: '原文', rowId: '行',
  clauseA: '条款', supply: '供给型', environment: '环境型', demand: '需求型',
  comparisonTable: '比较表', reasons: '对齐理由', rowNotes: '行批注', accepted: '已接受', manual: '手动', auto: '系统建议',
  min: '不低于', max: '不超过', province_level: '省级', city_level: '市级', district_level: '区级', county_level: '县级',
  reasonTerms: '共同词语：{0}', reasonInstrument: '相同政策工具：{0}', reasonNumbers: '相同数字：{0}', reasonSection: '所在章节相近：{0}', reasonMutual: '互为最佳匹配',
  concordance: '关键词语境', left: '左侧语境', hit: '检索词', right: '右侧语境', part: '分篇', preamble: '序言', partTitle: '分篇标题',
};

export function labelsFor(locale: ReportOptions['locale']): Labels {
  return locale === 'zh-CN' ? zh : en;
}

/** A status, source, bound or level value in the table's language (never the internal code). */
export function valueWord(l: Labels, v: string | null | undefined): string {
  if (!v) return '';
  const key = ({ confirmed: 'confirmed', suggested: 'suggested', rejected: 'rejectedStatus', accepted: 'accepted', manual: 'manual', auto: 'auto', min: 'min', max: 'max',
    province: 'province_level', city: 'city_level', district: 'district_level', county: 'county_level' } as Record<string, keyof Labels>)[v];
  return key ? l[key] : v;
}
