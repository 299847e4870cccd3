// Repairs a common defect of Chinese PDFs: CJK fonts (Noto/Source Han, many Founder fonts) use one
// glyph for a character and for the radical it looks like, and the PDF's ToUnicode map then names
// the radical: 首 comes out as U+2F78 ⽸ (Kangxi radical), 页 as U+2EDA ⻚ (radical supplement).
// Search for 首页 would never find such text, so radicals are mapped back to the ideographs.
// Kangxi radicals and compatibility ideographs have Unicode decompositions; the radical supplement
// mostly does not, so its simplified-character forms are listed here (from Unicode's
// EquivalentUnifiedIdeograph.txt; only the unambiguous ones).

const SUPPLEMENT: Record<string, string> = {
  '\u2E81': '厂',
  '\u2E84': '乙',
  '\u2E85': '亻',
  '\u2E86': '冂',
  '\u2E89': '刂',
  '\u2E8A': '卜',
  '\u2E8C': '小',
  '\u2E8E': '兀',
  '\u2E92': '巳',
  '\u2E93': '幺',
  '\u2E96': '忄',
  '\u2E98': '扌',
  '\u2E99': '攵',
  '\u2E9B': '旡',
  '\u2E9C': '日',
  '\u2E9D': '月',
  '\u2E9F': '母',
  '\u2EA0': '民',
  '\u2EA1': '氵',
  '\u2EA3': '灬',
  '\u2EA4': '爫',
  '\u2EA6': '丬',
  '\u2EA7': '牛',
  '\u2EA8': '犭',
  '\u2EA9': '王',
  '\u2EAA': '疋',
  '\u2EAB': '目',
  '\u2EAC': '示',
  '\u2EAD': '礻',
  '\u2EAE': '竹',
  '\u2EAF': '糹',
  '\u2EB0': '纟',
  '\u2EB6': '羊',
  '\u2EB9': '耂',
  '\u2EBA': '肀',
  '\u2EBB': '聿',
  '\u2EBC': '肉',
  '\u2EBD': '臼',
  '\u2EBE': '艹',
  '\u2EC1': '虎',
  '\u2EC2': '衤',
  '\u2EC3': '覀',
  '\u2EC4': '西',
  '\u2EC5': '见',
  '\u2EC6': '角',
  '\u2EC8': '讠',
  '\u2EC9': '贝',
  '\u2ECA': '足',
  '\u2ECB': '车',
  '\u2ECC': '辶',
  '\u2ECF': '阝',
  '\u2ED0': '钅',
  '\u2ED1': '長',
  '\u2ED3': '长',
  '\u2ED4': '门',
  '\u2ED6': '阝',
  '\u2ED7': '雨',
  '\u2ED8': '青',
  '\u2ED9': '韦',
  '\u2EDA': '页',
  '\u2EDB': '风',
  '\u2EDC': '飞',
  '\u2EDD': '食',
  '\u2EDF': '飠',
  '\u2EE0': '饣',
  '\u2EE2': '马',
  '\u2EE3': '骨',
  '\u2EE4': '鬼',
  '\u2EE5': '鱼',
  '\u2EE6': '鸟',
  '\u2EE7': '卤',
  '\u2EE8': '麦',
  '\u2EE9': '黄',
  '\u2EEA': '黾',
  '\u2EEC': '齐',
  '\u2EEE': '齿',
  '\u2EF0': '龙',
  '\u2EF3': '龟',
  // Deprecated angle brackets, canonically equal to the CJK ones (〈〉) that Chinese titles use.
  '\u2329': '\u3008',
  '\u232A': '\u3009',
};

const RADICAL_OR_COMPAT = /[\u2329\u232A\u2E80-\u2EFF\u2F00-\u2FDF\uF900-\uFAFF]/;
const ALL = /[\u2329\u232A\u2E80-\u2EFF\u2F00-\u2FDF\uF900-\uFAFF]/g;

export function repairCjkRadicals(text: string): string {
  if (!RADICAL_OR_COMPAT.test(text)) return text;
  return text.replace(ALL, (ch) => SUPPLEMENT[ch] ?? ch.normalize('NFKC'));
}
