// 文号 (document numbers) such as 青政发〔2012〕46号: finding them in text and normalising them.
//
// A 文号 is 机关代字 (issuer code, e.g. 青政发, 财办建, 浙微组发) + year in brackets + serial + 号.
// PDF extraction inserts spaces and line breaks anywhere inside it ('2 号', '17\n号'), and
// documents print the brackets as 〔〕, [], ［］, (), （）, 【】 or a mix of them.

export interface DocNumberHit {
  /** The 文号 as printed, with all white space removed. */
  docNumber: string;
  /** Offsets into the searched text: [start, end) covers the printed 文号 including any inner breaks. */
  start: number;
  end: number;
}

// Optional white space between the pieces (spaces, NBSP, ideographic space, line breaks).
const WS = '[\\s\\u00a0\\u3000]*';
const OPEN = '[〔［\\[(（【]';
const CLOSE = '[〕］\\])）】]';
const DIGIT = '[0-9０-９]';
// The issuer code: a run of CJK characters directly before the opening bracket.
const CODE = '[\\u4e00-\\u9fff]{1,12}';
const DOC_NUMBER_RE = new RegExp(
  `(${CODE})${WS}${OPEN}${WS}(${DIGIT}{4})${WS}${CLOSE}${WS}(${DIGIT}{1,5})${WS}号`,
  'gu',
);

// Words that often stand directly before a cited 文号 without a separator (贯彻落实国发〔2012〕14号);
// they are not part of the issuer code. Longest first so 贯彻落实 wins over 落实.
const LEADING_WORDS = [
  '贯彻落实', '认真贯彻', '根据', '按照', '依据', '依照', '参照', '落实', '贯彻', '执行', '对照', '结合',
  '印发', '转发', '关于', '详见', '文件', '精神', '规定', '要求', '通知', '意见', '办法',
  '编号', '文号', '发文字号', '发布文号', '文件编号',
  '以及', '并', '和', '及', '与', '或', '见', '的', '按', '据', '即', '号',
].sort((a, b) => b.length - a.length);

/**
 * Trims words that precede the issuer code. Issuer codes are short (2–7 characters); a longer run
 * means text was glued in front of the code.
 */
function trimIssuerCode(code: string): string {
  let c = code;
  let changed = true;
  while (changed && c.length > 1) {
    changed = false;
    for (const w of LEADING_WORDS) {
      if (c.length > w.length && c.startsWith(w)) {
        c = c.slice(w.length);
        changed = true;
        break;
      }
    }
  }
  return c;
}

/** Removes every kind of white space inside a 文号 ('青双创联办字〔2016〕2 号' → '青双创联办字〔2016〕2号'). */
export function normaliseDocNumber(s: string): string {
  return s.replace(/[\s\u00a0\u3000]+/gu, '');
}

/**
 * A key that makes two printings of the same 文号 equal (bracket style, full-width digits, spaces),
 * for linking a citation to the cited document. Not for display.
 */
export function docNumberKey(s: string): string {
  return normaliseDocNumber(s)
    .normalize('NFKC')
    .replace(/[〔［\[(（【]/gu, '〔')
    .replace(/[〕］\])）】]/gu, '〕');
}

/** Every 文号 in the text, in order of appearance (duplicates included: each is a place to link). */
export function findDocNumbers(text: string): DocNumberHit[] {
  const hits: DocNumberHit[] = [];
  for (const m of text.matchAll(DOC_NUMBER_RE)) {
    const fullCode = m[1];
    const code = trimIssuerCode(fullCode);
    const start = (m.index ?? 0) + (fullCode.length - code.length);
    const end = (m.index ?? 0) + m[0].length;
    hits.push({ docNumber: normaliseDocNumber(text.slice(start, end)), start, end });
  }
  return hits;
}
