// Inferences a researcher makes when the document does not print a field.
import type { PlaceGuess } from './place';
import { PROVINCE_ABBREVIATIONS } from '../gazetteer/aliases';

/**
 * The issuer from the 文号's issuer code and the document's place: 青政发 of a 青岛市 document is
 * 青岛市人民政府, 温政办发 is 温州市人民政府办公室 (办公厅 for a province). The code must start with
 * the place's first character (or its province abbreviation), otherwise nothing is inferred.
 */
export function inferIssuerFromDocNumber(docNumber: string, place: PlaceGuess): string | null {
  const code = docNumber.normalize('NFKC').split(/[〔\[(【［（]/u)[0];
  const placeName = place.level === 'province' ? place.province : (place.district ?? place.city);
  if (!placeName) return null;
  const abbreviationFits = place.level === 'province' && PROVINCE_ABBREVIATIONS[code[0]] === place.province;
  if (code[0] !== placeName[0] && !abbreviationFits) return null;
  const rest = code.slice(1);
  if (/^政办(?:发|字|函)?$/u.test(rest)) return `${placeName}人民政府${place.level === 'province' ? '办公厅' : '办公室'}`;
  if (/^政(?:发|字|函|令)?$/u.test(rest)) return `${placeName}人民政府`;
  return null;
}

/**
 * A title for an untitled text from its statement of purpose: '为贯彻落实《国务院关于加快构建…的
 * 指导意见》…特制定本实施方案' → '关于加快构建…的实施方案'. Only when the purpose names the document
 * type (本方案, 本意见 …) and the implemented document's title has a 关于 clause.
 */
export function inferTitleFromPurpose(cleaned: string): string | null {
  const head = cleaned.slice(0, 600).replace(/[\s\u00a0\u3000]+/gu, '');
  const purpose = /^为(?:了)?(?:深入)?(?:认真)?(?:贯彻落实|贯彻|落实)《([^》]+)》.*?(?:特)?(?:制定|研究制定|制订)本([\u4e00-\u9fff]{1,6}?)[。,]/u.exec(head);
  if (!purpose) return null;
  const about = /关于(.+)的[\u4e00-\u9fff]{2,6}$/u.exec(purpose[1]);
  if (!about) return null;
  return `关于${about[1]}的${purpose[2]}`;
}

/** Central bodies that issue national documents: they have no city or province. */
const NATIONAL_RE =
  /^(?:国务院|中共中央|全国|国家|中国人民银行|最高人民)|^(?:财政部|科学技术部|科技部|商务部|教育部|民政部|司法部|公安部|工业和信息化部|人力资源和社会保障部|自然资源部|生态环境部|住房和城乡建设部|交通运输部|水利部|农业农村部|文化和旅游部|国家卫生健康委员会|审计署|海关总署)/u;

export function isNationalIssuer(issuer: string): boolean {
  return issuer.split('、').every((name) => NATIONAL_RE.test(name));
}

/**
 * The central body a rule without a header names as its own maker in its closing clauses:
 * 本办法由国家知识产权局负责解释, 执行本规定所需要的法律文书式样，由公安部制定. Only central bodies
 * count (a local 条例's 由市人民政府负责解释 names the body that applies it, not the one that made it),
 * and only when the clauses name one body.
 */
export function nationalMakerOf(text: string): string | null {
  const tail = text.slice(-3000);
  const bodies = new Set<string>();
  for (const m of tail.matchAll(/本(?:规定|办法|细则|规则|规范|条例|决定|准则|守则)[^。\n]{0,20}?由([\u4e00-\u9fff]{2,20}?)(?:负责解释|解释|制定)/gu)) {
    if (isNationalIssuer(m[1])) bodies.add(m[1]);
  }
  return bodies.size === 1 ? [...bodies][0] : null;
}
