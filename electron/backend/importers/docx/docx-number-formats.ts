// A list counter printed the way Word prints it for a level's w:numFmt (ECMA-376 ST_NumberFormat, with
// the characters Microsoft documents in [MS-DOCX] 2.4). Chinese policy documents number their headings
// with these formats: chineseCounting 一、, （一）; decimalEnclosedCircle ①; ideographTraditional 甲;
// chineseLegalSimplified 壹. Formats we do not know print as decimal, as Word does for unknown values.

const DIGITS = '〇一二三四五六七八九';
const LEGAL_SIMPLIFIED = { digits: '零壹贰叁肆伍陆柒捌玖', units: ['', '拾', '佰', '仟'], groups: ['', '万', '亿'] };
const LEGAL_TRADITIONAL = { digits: '零壹貳參肆伍陸柒捌玖', units: ['', '拾', '佰', '仟'], groups: ['', '萬', '億'] };
const COUNTING = { digits: '零一二三四五六七八九', units: ['', '十', '百', '千'], groups: ['', '万', '亿'] };
const COUNTING_TRADITIONAL = { digits: '〇一二三四五六七八九', units: ['', '十', '百', '千'], groups: ['', '萬', '億'] };
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

export function formatListNumber(n: number, numFmt: string): string {
  if (numFmt === 'none') return '';
  if (!Number.isFinite(n) || n < 0) return String(n);
  switch (numFmt) {
    case 'chineseCounting':
      // Word counts up to 99 (十一, 九十九) and spells larger numbers digit by digit (一〇〇).
      return n > 0 && n < 100 ? counting(n, COUNTING, true) : digitByDigit(n);
    case 'chineseCountingThousand':
    case 'japaneseCounting':
      return counting(n, COUNTING, true);
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return counting(n, COUNTING_TRADITIONAL, true);
    case 'chineseLegalSimplified':
      return counting(n, LEGAL_SIMPLIFIED, false);
    case 'ideographLegalTraditional':
      return counting(n, LEGAL_TRADITIONAL, false);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return digitByDigit(n);
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? HEAVENLY_STEMS[n - 1] : String(n);
    case 'ideographZodiac':
      return n >= 1 && n <= 12 ? EARTHLY_BRANCHES[n - 1] : String(n);
    case 'ideographZodiacTraditional':
      return n >= 1 ? HEAVENLY_STEMS[(n - 1) % 10] + EARTHLY_BRANCHES[(n - 1) % 12] : String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2474 + n - 1) : String(n);
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2488 + n - 1) : String(n);
    case 'ideographEnclosedCircle':
      return n >= 1 && n <= 10 ? String.fromCodePoint(0x3220 + n - 1) : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCodePoint(0xff10 + Number(d)));
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerLetter':
      return letters(n);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'ordinal':
      return ordinal(n);
    default:
      return String(n);
  }
}

/** 一〇 for 10, 二〇二一 for 2021. */
function digitByDigit(n: number): string {
  return String(n).replace(/\d/g, (d) => DIGITS[Number(d)]);
}

/**
 * 十一, 一百零一, 一千零二十, 二万零三百: digits with units in groups of four, one 零 for each run of
 * zeros inside a number, and (for everyday numerals) 十 rather than 一十 at the start.
 */
function counting(n: number, sys: { digits: string; units: string[]; groups: string[] }, dropLeadingOne: boolean): string {
  if (n === 0) return sys.digits[0];
  if (n >= 1e12) return String(n);
  const groups: number[] = [];
  for (let rest = Math.floor(n); rest > 0; rest = Math.floor(rest / 10000)) groups.push(rest % 10000);
  let out = '';
  let zeroPending = false;
  for (let g = groups.length - 1; g >= 0; g--) {
    const value = groups[g];
    if (value === 0) {
      zeroPending = out !== '';
      continue;
    }
    for (let u = 3; u >= 0; u--) {
      const d = Math.floor(value / 10 ** u) % 10;
      if (d === 0) {
        if (out !== '') zeroPending = true;
        continue;
      }
      if (zeroPending) out += sys.digits[0];
      zeroPending = false;
      out += sys.digits[d] + sys.units[u];
    }
    out += sys.groups[g];
  }
  if (dropLeadingOne && n >= 10 && n < 20) out = out.slice(1);
  return out;
}

/** A … Z, then AA, BB … (Word repeats the letter rather than counting in base 26). */
function letters(n: number): string {
  if (n < 1) return String(n);
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n < 1 || n >= 4000) return String(n);
  const table: Array<[number, string]> = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [value, symbol] of table) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
