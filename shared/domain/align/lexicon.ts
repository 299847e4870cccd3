/**
 * A lexicon of policy instruments: the concrete tools a measure uses (a guarantee fund, a loan
 * interest subsidy, innovation vouchers, one-licence registration …). Two clauses that use the same
 * instrument are likely counterparts even when their wording differs. Patterns are general policy
 * vocabulary, not phrases of any particular document.
 */
export interface Instrument {
  id: string;
  zh: string;
  en: string;
  pattern: RegExp;
}

const i = (id: string, zh: string, en: string, pattern: RegExp): Instrument => ({ id, zh, en, pattern });

export const instruments: Instrument[] = [
  i('risk_compensation', '风险补偿', 'loan risk compensation', /风险补偿|风险准备金|风险分担|风险补助|风险基金|风险资金池/),
  i('credit_guarantee', '融资担保', 'credit guarantee', /担保(?!链)|再担保|信保/),
  i('loan_insurance', '贷款保证保险', 'loan guarantee insurance', /保证保险|信用保险/),
  i('interest_subsidy', '贷款贴息', 'loan interest subsidy', /贴息/),
  i('pledge_financing', '质押融资', 'pledge financing', /质押/),
  i('guidance_fund', '引导基金', 'government guidance fund', /引导基金|产业基金|母基金|股权投资基金|创业投资基金|天使投资/),
  i('equity_market', '股权交易挂牌', 'equity exchange listing', /股权交易|挂牌|新三板|上市/),
  i('bond_financing', '债券融资', 'bond financing', /债券|票据|私募债|集合资金/),
  i('leasing', '融资租赁', 'financial leasing', /融资租赁/),
  i('bank_credit', '银行信贷', 'bank lending', /信贷|贷款|银行/),
  i('credit_rating', '信用评级与征信', 'credit rating and records', /信用评级|信用等级|征信|信用信息|信用数据库|信用监管|信用体系/),
  i('joint_punishment', '失信联合惩戒', 'joint punishment of dishonesty', /惩戒|失信|守信|诚信/),
  i('registration', '商事登记改革', 'business registration reform', /登记|注册|执照|证照|一照|多证|五证|先照后证|前置审批|注销/),
  i('simple_deregistration', '简易注销', 'simplified deregistration', /注销/),
  i('e_registration', '电子化登记', 'electronic registration', /电子化|网上登记|网上申请|电子营业执照|网上审核/),
  i('trademark', '商标品牌', 'trademarks and brands', /商标|品牌|马德里/),
  i('tax_relief', '税收优惠', 'tax relief', /税收|减免|免征|减半|所得税|增值税|营业税|税费/),
  i('fee_reduction', '降费', 'fee reduction', /收费|免收|降低.{0,4}费|行政事业性/),
  i('procurement', '政府采购', 'government procurement', /采购/),
  i('innovation_voucher', '创新券', 'innovation vouchers', /创新券|服务券|补贴券|科技券/),
  i('incubator', '孵化载体', 'incubators and maker spaces', /孵化|众创空间|创客|加速器|创新工场|创业咖啡/),
  i('industrial_park', '园区与厂房', 'industrial parks and workshops', /园区|产业园|厂房|基地|集聚区|楼宇/),
  i('land', '用地', 'land supply', /用地|土地/),
  i('rent_subsidy', '租金补贴', 'rent subsidy', /租金|房租/),
  i('public_service_platform', '公共服务平台', 'public service platforms', /公共服务平台|服务平台|服务体系|服务网络|服务中心/),
  i('instrument_sharing', '大型仪器共享', 'shared research instruments', /仪器|科研设施|共享平台/),
  i('tech_transfer', '技术转移与成果转化', 'technology transfer', /技术转移|成果转化|科技成果|专利|知识产权/),
  i('talent', '人才引进', 'talent attraction', /人才|留学|高层次|专家/),
  i('graduate_entrepreneurship', '大学生创业', 'graduate entrepreneurship', /大学生|高校毕业生|毕业生/),
  i('employment_subsidy', '就业与社保补贴', 'employment and social insurance subsidies', /社会保险补贴|岗位补贴|就业困难|吸纳就业|社保补贴|就业/),
  i('startup_subsidy', '创业补贴与担保贷款', 'start-up grants and loans', /创业补贴|创业担保贷款|小额担保贷款|创业带动就业/),
  i('training', '培训', 'training', /培训|研修|轮训|讲堂|导师/),
  i('consulting', '管理咨询', 'management consulting', /咨询|诊断|管理提升|管理水平/),
  i('e_commerce', '电子商务', 'e-commerce', /电子商务|电商|网络销售|跨境/),
  i('commerce_district', '商圈与商业街', 'commercial districts', /商圈|商业街|商贸聚集|商业中心|商贸/),
  i('export', '开拓国际市场', 'international markets', /国际市场|出口|境外|走出去|海外|国际化/),
  i('statistics', '统计监测', 'statistics and monitoring', /统计|监测|数据采集|数据共享|景气/),
  i('upgrade_scale', '小升规', 'growing into larger firms', /上规|升规|规上|限上|上限|小升规|规模以上/),
  i('specialised_firms', '专精特新与成长型企业', 'specialised and high-growth firms', /专精特新|成长型|隐形冠军|小巨人|单项冠军/),
  i('tech_firms', '科技型企业', 'technology firms', /科技型|高新技术企业|科技企业/),
  i('competitions', '创业大赛与活动', 'contests and events', /大赛|竞赛|论坛|活动周|评选|表彰/),
  i('mergers', '兼并重组', 'mergers and restructuring', /并购|兼并|重组/),
  i('organisation', '组织保障', 'organisation and oversight', /领导小组|考核|督查|督导|工作机制|联席会议/),
  i('publicity', '宣传', 'publicity', /宣传|媒体|典型|氛围/),
  i('awards', '资金奖励与补助', 'grants and awards', /奖励|补助|补贴|资助|扶持资金|专项资金/),
];

/** The instruments a clause uses, by id. */
export function instrumentsIn(text: string): string[] {
  return instruments.filter((x) => x.pattern.test(text)).map((x) => x.id);
}

export const instrumentById = new Map(instruments.map((x) => [x.id, x]));
