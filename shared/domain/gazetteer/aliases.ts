// HAND-WRITTEN tables: no packaged data source carries these, so they are kept small and
// limited to forms that are stable and widely used in government writing.

/**
 * One-character province abbreviations (简称) as used in 文号 issuer codes (鄂政发, 浙政办发).
 * These are fixed by the State Council's list of provincial abbreviations.
 */
export const PROVINCE_ABBREVIATIONS: Record<string, string> = {
  京: '北京市',
  津: '天津市',
  冀: '河北省',
  晋: '山西省',
  蒙: '内蒙古自治区',
  辽: '辽宁省',
  吉: '吉林省',
  黑: '黑龙江省',
  沪: '上海市',
  苏: '江苏省',
  浙: '浙江省',
  皖: '安徽省',
  闽: '福建省',
  赣: '江西省',
  鲁: '山东省',
  豫: '河南省',
  鄂: '湖北省',
  湘: '湖南省',
  粤: '广东省',
  桂: '广西壮族自治区',
  琼: '海南省',
  渝: '重庆市',
  川: '四川省',
  蜀: '四川省',
  贵: '贵州省',
  黔: '贵州省',
  云: '云南省',
  滇: '云南省',
  藏: '西藏自治区',
  陕: '陕西省',
  秦: '陕西省',
  甘: '甘肃省',
  陇: '甘肃省',
  青: '青海省',
  宁: '宁夏回族自治区',
  新: '新疆维吾尔自治区',
};

/**
 * Well-known nicknames (别称) of cities that local documents use in slogans (梦香城, 泉城济南).
 * A nickname alone is weak evidence: callers count it like a short form, never as decisive.
 * Only nicknames that belong to one city are listed (江城, 鹿城 are shared and left out).
 */
export const CITY_NICKNAMES: Record<string, string> = {
  香城: '咸宁市',
  泉城: '济南市',
  羊城: '广州市',
  鹏城: '深圳市',
  春城: '昆明市',
  榕城: '福州市',
  冰城: '哈尔滨市',
  蓉城: '成都市',
  星城: '长沙市',
  甬城: '宁波市',
  琴岛: '青岛市',
  鹭岛: '厦门市',
  金陵: '南京市',
  姑苏: '苏州市',
  申城: '上海市',
  津门: '天津市',
};

/**
 * Prefecture-level cities abolished or renamed since the 1980s, and the city that took their
 * place (national data, finite: the State Council's approvals of changes to divisions). Older
 * texts name them (莱芜市 merged into 济南市 in 2019, 襄樊市 renamed 襄阳市 in 2010); they resolve
 * to the successor while the text keeps the old name.
 */
export const FORMER_CITIES: Record<string, string> = {
  莱芜市: '济南市',
  襄樊市: '襄阳市',
  巢湖市: '合肥市',
  思茅市: '普洱市',
  淮阴市: '淮安市',
  荆沙市: '荆州市',
  东川市: '昆明市',
  锦西市: '葫芦岛市',
  大庸市: '张家界市',
  浑江市: '白山市',
  渡口市: '攀枝花市',
  万县市: '重庆市',
  涪陵市: '重庆市',
  达县市: '达州市',
  沙市市: '荆州市',
  铁法市: '铁岭市',
};
