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
};

export function labelsFor(locale: ReportOptions['locale']): Labels {
  return locale === 'zh-CN' ? zh : en;
}
