// The default codebook: themes of Chinese SME / 双创 policy, and the policy-instrument classes of
// Rothwell & Zegveld with their sub-instruments (the coding table common in Chinese policy
// studies: policy – section – clause – instrument class – sub-instrument).
import type { InstrumentClass } from '../types';

export interface ThemeDef {
  /** Stable id; the default ids are part of the CLI contract (../shared/eval/README.md). */
  id: string;
  parentId: string | null;
  nameZh: string;
  nameEn: string;
  /** #rrggbb */
  color: string;
  description: string;
  /** The instrument class a clause of this theme usually belongs to. */
  instrument: InstrumentClass;
}

export interface SubInstrumentDef {
  id: string;
  instrument: InstrumentClass;
  nameZh: string;
  nameEn: string;
}

export const INSTRUMENT_CLASSES: Array<{ id: InstrumentClass; nameZh: string; nameEn: string; description: string }> = [
  { id: 'supply', nameZh: '供给型', nameEn: 'Supply', description: 'Government supplies funds, talent, technology, infrastructure, public services.' },
  { id: 'environment', nameZh: '环境型', nameEn: 'Environment', description: 'Finance, tax, regulation, targets and strategic measures shape the setting.' },
  { id: 'demand', nameZh: '需求型', nameEn: 'Demand', description: 'Procurement, outsourcing, trade and market support, overseas institutions pull demand.' },
];

export const SUB_INSTRUMENTS: SubInstrumentDef[] = [
  { id: 'funds', instrument: 'supply', nameZh: '资金投入', nameEn: 'Funds' },
  { id: 'talent', instrument: 'supply', nameZh: '人才培养', nameEn: 'Talent' },
  { id: 'technology', instrument: 'supply', nameZh: '技术支持', nameEn: 'Technology' },
  { id: 'infrastructure', instrument: 'supply', nameZh: '基础设施', nameEn: 'Infrastructure' },
  { id: 'public_services', instrument: 'supply', nameZh: '公共服务', nameEn: 'Public services' },
  { id: 'finance', instrument: 'environment', nameZh: '金融支持', nameEn: 'Finance' },
  { id: 'tax', instrument: 'environment', nameZh: '税收优惠', nameEn: 'Tax' },
  { id: 'regulation', instrument: 'environment', nameZh: '法规管制', nameEn: 'Regulation' },
  { id: 'targets', instrument: 'environment', nameZh: '目标规划', nameEn: 'Targets' },
  { id: 'strategic', instrument: 'environment', nameZh: '策略性措施', nameEn: 'Strategic measures' },
  { id: 'procurement', instrument: 'demand', nameZh: '政府采购', nameEn: 'Procurement' },
  { id: 'outsourcing', instrument: 'demand', nameZh: '服务外包', nameEn: 'Outsourcing' },
  { id: 'trade', instrument: 'demand', nameZh: '贸易与市场支持', nameEn: 'Trade and market support' },
  { id: 'overseas', instrument: 'demand', nameZh: '海外机构', nameEn: 'Overseas' },
];

export const DEFAULT_THEMES: ThemeDef[] = [
  {
    id: 'financing',
    parentId: null,
    nameZh: '融资/金融支持',
    nameEn: 'Financing',
    color: '#1f77b4',
    instrument: 'environment',
    description: '贷款、担保、基金、股权融资、上市挂牌、保险',
  },
  {
    id: 'tax_fees',
    parentId: null,
    nameZh: '财税与降费',
    nameEn: 'Tax and fees',
    color: '#ff7f0e',
    instrument: 'environment',
    description: '税收优惠、起征点、加计扣除、行政事业性收费减免',
  },
  {
    id: 'talent',
    parentId: null,
    nameZh: '人才',
    nameEn: 'Talent',
    color: '#2ca02c',
    instrument: 'supply',
    description: '人才引进、创业培训、职业培训、大学生创业、就业',
  },
  {
    id: 'registration_reform',
    parentId: null,
    nameZh: '商事制度改革/登记注册',
    nameEn: 'Registration reform',
    color: '#d62728',
    instrument: 'environment',
    description: '登记注册便利化、先照后证、多证合一、审批、注销',
  },
  {
    id: 'space_carriers',
    parentId: null,
    nameZh: '空间与载体',
    nameEn: 'Spaces and carriers',
    color: '#9467bd',
    instrument: 'supply',
    description: '众创空间、孵化器、加速器、创业园区、基地',
  },
  {
    id: 'public_services',
    parentId: null,
    nameZh: '公共服务平台',
    nameEn: 'Public service platforms',
    color: '#8c564b',
    instrument: 'supply',
    description: '中小企业公共服务平台、服务券、创业服务、咨询',
  },
  {
    id: 'tech_innovation',
    parentId: null,
    nameZh: '科技创新与成果转化',
    nameEn: 'Technology and innovation',
    color: '#e377c2',
    instrument: 'supply',
    description: '研发、科技型企业、创新券、技术转移、成果转化、知识产权',
  },
  {
    id: 'market_expansion',
    parentId: null,
    nameZh: '市场开拓',
    nameEn: 'Market expansion',
    color: '#7f7f7f',
    instrument: 'demand',
    description: '品牌、电商、外贸、展会、政府采购',
  },
  {
    id: 'land_property',
    parentId: null,
    nameZh: '用地与厂房',
    nameEn: 'Land and premises',
    color: '#bcbd22',
    instrument: 'supply',
    description: '用地指标、标准厂房、租金、房产',
  },
  {
    id: 'credit_system',
    parentId: null,
    nameZh: '信用体系',
    nameEn: 'Credit system',
    color: '#17becf',
    instrument: 'environment',
    description: '信用信息、信用评级、失信惩戒、守信激励',
  },
  {
    id: 'organisation_support',
    parentId: null,
    nameZh: '组织保障',
    nameEn: 'Organisation and support',
    color: '#393b79',
    instrument: 'environment',
    description: '领导小组、考核督查、部门协同、宣传、统筹',
  },
  { id: 'targets', parentId: null, nameZh: '目标指标', nameEn: 'Targets', color: '#e7ba52', instrument: 'environment', description: '发展目标与量化指标' },
  { id: 'other', parentId: null, nameZh: '其他', nameEn: 'Other', color: '#aaaaaa', instrument: 'environment', description: '不属于以上主题的条款' },
];

export const DEFAULT_THEME_IDS = DEFAULT_THEMES.map((t) => t.id);

export function isInstrumentClass(x: unknown): x is InstrumentClass {
  return x === 'supply' || x === 'environment' || x === 'demand';
}

/** True when making `parentId` the parent of `id` would put `id` under itself. */
export function wouldCreateCycle(themes: Array<{ id: string; parentId: string | null }>, id: string, parentId: string | null): boolean {
  const parentOf = new Map(themes.map((t) => [t.id, t.parentId]));
  for (let p = parentId, steps = 0; p != null && steps <= themes.length; p = parentOf.get(p) ?? null, steps++) {
    if (p === id) return true;
  }
  return false;
}

/** True when `ancestor` is above `id` in the codebook tree (its parent, grandparent …). */
export function isUnder(themes: Array<{ id: string; parentId: string | null }>, id: string, ancestor: string): boolean {
  const parentOf = new Map(themes.map((t) => [t.id, t.parentId]));
  for (let p = parentOf.get(id) ?? null, n = 0; p && n < 1000; p = parentOf.get(p) ?? null, n++) if (p === ancestor) return true;
  return false;
}

/**
 * The siblings of a theme's new place, in their new order: the moved theme is taken out of
 * `siblings` (the themes under the new parent, in order) and put back at `index` (at the end when
 * absent or beyond). Each theme's `ord` becomes its position in the returned list.
 */
export function placeAmongSiblings<T extends { id: string }>(siblings: T[], moved: T, index: number | undefined): T[] {
  const rest = siblings.filter((x) => x.id !== moved.id);
  rest.splice(Math.min(index ?? rest.length, rest.length), 0, moved);
  return rest;
}

/**
 * What merging does to one coding of the source theme: `drop` it when the clause already carries
 * the target theme for the same coder (keeping the stronger decision: `accept` the kept one when
 * only the dropped one was accepted), `insert` a stored suggestion of the target for a fallback
 * suggestion (shown, not stored), or `retheme` the row to the target.
 */
export function mergeStep(
  coding: { status: string; start: number | null; isFallback: boolean },
  clash: { status: string } | null,
): { kind: 'drop'; accept: boolean } | { kind: 'insert' } | { kind: 'retheme' } {
  if (coding.start === null && clash) return { kind: 'drop', accept: clash.status !== 'accepted' && coding.status === 'accepted' };
  return coding.isFallback ? { kind: 'insert' } : { kind: 'retheme' };
}
