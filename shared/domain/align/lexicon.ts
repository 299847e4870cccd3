/**
 * A lexicon of policy instruments: the concrete tools a measure uses (a guarantee fund, a loan
 * interest subsidy, innovation vouchers, one-licence registration …). Two clauses that use the same
 * instrument are likely counterparts even when their wording differs: each entry is a synonym class
 * (科技创新券 / 科技服务券 / 创新券, 应急转贷 / 过桥资金, 吸纳就业补贴 / 扩岗补助). Patterns are general
 * policy vocabulary of Chinese local implementation documents, grouped by the national policies they
 * usually implement (finance, business environment, private economy, employment, SME upgrading), not
 * phrases of any particular document.
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
  i('public_service_platform', '公共服务平台', 'public service platforms', /公共服务平台|(?<!政务)服务平台|服务体系|服务网络|(?<!政务)服务中心/),
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

  // Business environment (优化营商环境): government services, approvals, regulation.
  i('online_services', '一网通办', 'online government services', /一网通办|网上办|掌上办|全程网办|网上可办|不见面|零跑腿|全流程网上/),
  i('one_window', '一窗受理与集成办理', 'one-window, one-visit services', /一窗|综合窗口|一件事|一次办|最多跑一次|一站式|集成服务|一口受理/),
  i('business_startup', '企业开办', 'business start-up procedures', /企业开办|开办企业|公章|印章|刻章|发票申领/),
  i('pledge_instead_of_proof', '告知承诺与减证明', 'pledges instead of certificates', /告知承诺|承诺制|以承诺|承诺代替|承诺书|证明事项|证明材料|无证明|容缺/),
  i('permit_reform', '许可与准营改革', 'permit and licence reform', /一业一证|证照分离|照后减证|综合许可|准营/),
  i(
    'construction_approval',
    '工程建设项目审批',
    'construction project approval',
    /工程建设项目|施工许可|并联审批|审批时间|审批时限|一张蓝图|多规合一|多测合一/,
  ),
  i('regional_assessment', '区域评估', 'regional assessment', /区域评估|区域评价/),
  i('standard_land', '标准地与拿地即开工', 'standard land parcels', /标准地|拿地即开工|带方案出让/),
  i('joint_acceptance', '联合验收', 'joint completion acceptance', /联合验收|竣工验收/),
  i(
    'lenient_enforcement',
    '包容审慎监管',
    'lenient enforcement of minor offences',
    /包容审慎|柔性执法|首违不罚|轻微违法|免罚|不予处罚|不予行政处罚|免予.{0,2}处罚/,
  ),
  i('random_inspection', '双随机与涉企检查', 'random and joint inspections', /双随机|随机抽查|联合抽查|查一次|涉企检查|行政检查|检查事项/),
  i('credit_repair', '信用修复', 'credit repair', /信用修复|修复机制|异常名录|重塑信用/),
  i('ip_protection', '知识产权保护', 'IP protection', /知识产权保护|维权|侵权|快速预审|保护中心/),
  i('market_access', '市场准入', 'market access', /市场准入|负面清单|非禁即入|一张清单|准入条件|隐性壁垒/),
  i('electricity', '用电成本', 'electricity supply and price', /用电|电价|电力|供电|售电|用能/),
  i('water_gas', '用水用气', 'water and gas connection', /用水|用气|供水|供气|燃气|报装/),
  i('logistics', '物流成本', 'logistics costs', /物流|货运|运输|班列|通关|配送/),
  i('bridge_fund', '应急转贷与过桥资金', 'bridge funds for loan renewal', /转贷|过桥|周转金|续贷周转|应急资金/),
  i('business_env_evaluation', '营商环境评价', 'business environment evaluation', /营商环境评价|评价体系|评价机制|评价指标|第三方评估/),
  i('accountability', '监督问责', 'oversight and accountability', /问责|追责|追究.{0,4}责任|监督员|曝光|不作为/),
  i('complaints', '诉求与投诉', 'complaints and requests', /12345|热线|投诉|诉求|举报/),
  i('business_dialogue', '政企沟通', 'dialogue with entrepreneurs', /亲清|政商|座谈会|恳谈|接待日|政企沟通|挂钩联系|联系.{0,6}企业|听取.{0,6}意见/),
  // Private economy (民营经济): investment, arrears, rescue funds, property rights.
  i('private_investment', '民间投资', 'private investment in public projects', /民间投资|民间资本|社会资本|PPP|特许经营|推介项目|推介一批/),
  i('arrears', '清理拖欠账款', 'clearing payment arrears', /拖欠|清欠|欠款|拖延支付/),
  i('supply_chain_finance', '供应链金融', 'supply-chain finance', /供应链金融|供应链融资|应收账款|核心企业/),
  i('bailout_fund', '纾困与股权质押风险', 'rescue funds for pledged shares', /纾困|股权质押|股票质押|平仓|流动性/),
  i(
    'property_rights',
    '产权与企业家权益保护',
    "property rights and entrepreneurs' rights",
    /产权保护|保护.{0,6}产权|企业家.{0,4}权益|人身和财产|查封|扣押|冻结|冤错|涉企案件|涉案/,
  ),
  i('policy_delivery', '惠企政策兑现', 'delivering support policies', /惠企政策|政策兑现|兑现政策|免申即享|直达|精准推送|一站式兑现/),
  i('leading_firms', '龙头企业培育', 'leading firms', /龙头企业|领军企业|500强|100强|首次突破|骨干企业/),
  i('entrepreneur_training', '企业家培养', 'training entrepreneurs', /企业家.{0,8}(?:培训|研修|培养|素质|能力|学习)|新生代企业家|研修班|企业家培训/),
  // SME upgrading (专精特新, 科技创新): R&D, digital, standards, markets.
  i('tech_upgrade', '技术改造', 'technical upgrading', /技术改造|技改|设备投资|设备购置|设备投入|设备和软件/),
  i('digital_transformation', '数字化转型', 'digital transformation', /数字化|智能化|上云|智改数转|工业互联网|智能制造|工业软件/),
  i('rd_spending', '研发投入', 'R&D spending', /研发费用|研发投入|研发经费|研究开发费|加计扣除/),
  i('rd_centres', '研发机构', 'R&D centres', /研发机构|技术中心|工程技术研究中心|重点实验室|研发平台|企业研究院|联合实验室|工程研究中心/),
  i('standards', '标准制定', 'standard setting', /标准制定|制定.{0,12}标准|国际标准|国家标准|行业标准|团体标准/),
  i('quality_brands', '质量品牌', 'quality brands', /名牌|精品|驰名商标|著名商标|质量奖|品牌/),
  i('trade_fairs', '展会参展', 'trade fairs', /展会|博览会|展位|参展|交易会|广交会|进博会/),
  i('first_of_kind', '首台（套）', 'first-of-a-kind products', /首台|首套|首批次|首版次/),
  i('cultivation_pool', '梯度培育', 'tiered cultivation pools', /梯度培育|培育库|储备库|后备资源库|入库企业|三级培育/),
  i('firm_service', '精准服务', 'one-to-one firm services', /服务专员|一企一策|一企一档|服务包|企业管家|服务联盟/),
  i('talent_housing', '人才安居', 'housing and living support for talent', /人才公寓|安家|生活补贴|住房补贴|子女入学|子女教育/),
  // Employment (稳就业): job retention, hiring grants, entrepreneurship, groups, services.
  i('job_retention', '稳岗返还', 'job-retention refunds', /稳岗返还|稳岗补贴|返还/),
  i('social_insurance_fees', '社保降费缓缴', 'lower or deferred social insurance contributions', /费率|缓缴|社会保险费|社保费|养老保险|工伤保险|失业保险费/),
  i('hiring_grant', '吸纳就业与扩岗补贴', 'hiring grants', /吸纳就业补贴|扩岗|一次性吸纳|招用.{0,20}补(?:贴|助)/),
  i('enterprise_training', '以工代训与学徒制', 'firm-based training', /以工代训|学徒|岗前培训|职业培训补贴/),
  i('traineeship', '就业见习', 'traineeships', /见习/),
  i('startup_loan', '创业担保贷款', 'guaranteed start-up loans', /创业担保贷款|小额担保贷款|创业贷款/),
  i('startup_grant', '一次性创业补贴', 'start-up grants', /创业补贴|一次性创业|开业补贴/),
  i('returnee_startup', '返乡创业', 'returnee entrepreneurship', /返乡|入乡|回乡/),
  i('flexible_work', '灵活就业', 'flexible and platform work', /灵活就业|新就业形态|平台企业|职业伤害|灵活方式/),
  i('public_welfare_jobs', '公益性岗位', 'public-welfare jobs', /公益性岗位|托底安置|兜底安置/),
  i('veterans', '退役军人', 'veterans', /退役军人|退役士兵|军转/),
  i('rural_labour', '农村劳动力转移', 'rural labour and migrant workers', /农民工|劳务输出|转移就业|农村劳动力|以工代赈/),
  i('hard_to_employ', '就业援助', 'help for the hard-to-employ', /就业困难|零就业家庭|就业援助|帮扶/),
  i('soe_hiring', '国企招聘', 'state-firm hiring', /国有企业.{0,12}招聘|国企.{0,6}招聘/),
  i('grassroots_programmes', '基层就业项目', 'grassroots service programmes', /三支一扶|西部计划|基层服务项目|特岗|社区工作者/),
  i('job_fairs', '招聘服务', 'recruitment services', /招聘会|招聘活动|网络招聘|线上招聘|专场招聘|春风行动|招聘月|援助月/),
  i('unemployment_benefit', '失业保障', 'unemployment benefits', /失业保险金|失业补助金|临时救助/),
];

/** The instruments a clause uses, by id. */
export function instrumentsIn(text: string): string[] {
  return instruments.filter((x) => x.pattern.test(text)).map((x) => x.id);
}

export const instrumentById = new Map(instruments.map((x) => [x.id, x]));
