// The title block at the head of a policy document, and the plan a cover notice transmits.
//
// Titles are printed on one or more short lines without sentence punctuation and end with the
// document type (通知, 意见, 方案, 计划 …), optionally followed by the period '(2016-2018)'.
// PDF extraction wraps them mid-word, so consecutive title lines are joined without a separator.
// A cover notice '关于印发《X》的通知' that issues a single plan is cited by the plan's name X.

const DOC_TYPES = '通知|意见|方案|办法|规定|细则|计划|决定|决议|措施|纲要|规划|通告|公告|批复|条例|规则|政策|指引|指南|要点|行动|工程|标准|制度|章程|说明';
// What may follow the document type in brackets: the period, or the status of the text.
const PERIOD_TAIL = '(?:[(（](?:[\\s0-9０-９年—–\\-－~～至到]+|试行|暂行|征求意见稿|修订稿|修订|草案|送审稿)[)）])?';
/** The whole text ends like a title: a document type, maybe followed by a period in brackets. */
export const TITLE_END_RE = new RegExp(`(?:${DOC_TYPES})[”"」]?${PERIOD_TAIL}$`, 'u');
/**
 * The genre words a text uses for itself in its own clauses: 制定本规范。, 本规范自…施行,
 * 本守则由…负责解释. A title may end with such a word even when it is not one of DOC_TYPES
 * (医疗机构制剂配制质量管理规范, 游泳场所卫生守则): the document says what kind of text it is.
 */
export function selfNamedTypes(text: string): string[] {
  // Purpose clauses open a text, 施行 and 解释 clauses end it.
  const ends = text.length > 6000 ? `${text.slice(0, 3000)}\n${text.slice(-3000)}` : text;
  const found = new Set<string>();
  const patterns = [
    /制定本([\u4e00-\u9fff]{2,4}?)[。，,；;]/gu,
    /本([\u4e00-\u9fff]{2,4}?)自[^。\n]{0,30}?(?:施行|实施|生效)/gu,
    /本([\u4e00-\u9fff]{2,4}?)由[^。\n]{2,30}?负责解释/gu,
  ];
  for (const re of patterns) for (const m of ends.matchAll(re)) found.add(m[1]);
  // Places and parts of a text (本市, 本条, 本款) are not genres.
  return [...found].filter((t) => !/[市省县区州条款项章节]$/u.test(t));
}

/** A line that is only a period or status in brackets, printed under a plan's name: '(2018—2020年)', '(试行)'. */
const PERIOD_LINE_RE = new RegExp(`^${PERIOD_TAIL}$`, 'u');
/** Sentence punctuation never occurs in a title (commas, full stops, colons). */
const SENTENCE_PUNCT_RE = /[。，,；;：:！!？?]/u;
/** Agency names: how a 发文机关 line ends. */
export const AGENCY_END_RE = /(?:人民政府|政府|办公室|办公厅|委员会|领导小组|联席会议|局|厅|委|部|院|署|会|中心|办|行|处|所)$/u;

const MAX_TITLE_LINES = 4;
const MAX_TITLE_LENGTH = 90;

export interface TitleBlock {
  /** The joined title as printed (issuer prefix included when printed on the line before 关于). */
  text: string;
  /** Index of the first and last line of the block. */
  firstLine: number;
  lastLine: number;
}

const compact = (s: string): string => s.replace(/[\s\u00a0\u3000]+/gu, '');

// Lines that stand next to a title but never belong to it: a 文号 or a date on its own line.
const DOC_NUMBER_LINE_RE = /^[\u4e00-\u9fff]{1,12}[〔［\[(（【][0-9０-９]{4}[〕］\])）】][0-9０-９]{1,5}号$/u;
const DATE_LINE_RE = /^(?:[0-9０-９]{4}|[〇零○一二三四五六七八九]{4})年[0-9０-９一二三四五六七八九十]{1,3}月[0-9０-９一二三四五六七八九十]{1,3}日$/u;

// Letterheads (青岛市人民政府文件), navigation (首页 > 政策文件) and bracketed field labels
// (【法规标题】…) are not part of a title.
// Numbered clauses (一、 (三) 2. 第五条) are never titles either.
const NOT_TITLE_LINE_RE =
  /(?:文件|简报|公报)$|[>»＞|｜]|^(?:当前位置|您现在的位置|首页)|^[【\[［][^】\]］]{1,8}[】\]］]|^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．]|第[一二三四五六七八九十百]+条)/u;

function looksLikeTitleLine(line: string): boolean {
  const t = compact(line);
  return (
    t.length > 0 &&
    t.length <= MAX_TITLE_LENGTH &&
    !SENTENCE_PUNCT_RE.test(t) &&
    !DOC_NUMBER_LINE_RE.test(t) &&
    !DATE_LINE_RE.test(t) &&
    !NOT_TITLE_LINE_RE.test(t)
  );
}

/**
 * When 关于 starts on a later line than the block, the lines before it must be the issuer
 * (温州市人民政府办公室 / 关于印发…); any other short line (打印本页) is not part of the title.
 */
function prefixLinesAreIssuer(lines: string[], first: number, last: number): boolean {
  let prefix = '';
  for (let j = first; j <= last; j++) {
    const t = compact(lines[j]);
    const k = t.indexOf('关于');
    if (k >= 0) return j === first || AGENCY_END_RE.test(prefix + t.slice(0, k));
    prefix += t;
  }
  return true;
}

/**
 * Title blocks in reading order: runs of 1–4 punctuation-free lines whose joined text ends like a
 * title. Blank lines inside a block are allowed only before a period line ('(2018—2020年)').
 */
export function findTitleBlocks(lines: string[], maxLine = lines.length, ownTypes: string[] = []): TitleBlock[] {
  const blocks: TitleBlock[] = [];
  const ownEnd = ownTypes.length ? new RegExp(`(?:${ownTypes.join('|')})${PERIOD_TAIL}$`, 'u') : null;
  const endsLikeTitle = (t: string): boolean => TITLE_END_RE.test(t) || (ownEnd !== null && ownEnd.test(t));
  for (let i = 0; i < Math.min(lines.length, maxLine); i++) {
    if (!looksLikeTitleLine(lines[i])) continue;
    // The longest run of lines from i that ends like a title (a title may end in 计划” and still
    // continue on the next line: …三年成长计划”\n四大专项行动方案的通知).
    let text = '';
    let best: TitleBlock | null = null;
    for (let j = i, used = 0; j < lines.length && used < MAX_TITLE_LINES; j++) {
      const t = compact(lines[j]);
      if (!t) {
        // Skip blank lines only when a period line follows them.
        let k = j + 1;
        while (k < lines.length && !compact(lines[k])) k++;
        if (k < lines.length && text && PERIOD_LINE_RE.test(compact(lines[k]))) {
          j = k - 1;
          continue;
        }
        break;
      }
      if (!looksLikeTitleLine(lines[j])) break;
      text += t;
      used++;
      if (text.length > MAX_TITLE_LENGTH) break;
      if (endsLikeTitle(text) && isPlausibleTitle(text) && prefixLinesAreIssuer(lines, i, j)) {
        best = { text, firstLine: i, lastLine: j };
      }
    }
    if (best) {
      blocks.push(best);
      i = best.lastLine;
    }
  }
  return blocks;
}

/** Rejects lines that end with a document type but are not titles (附件:…方案, 字体大小 …). */
function isPlausibleTitle(text: string): boolean {
  // Short titles are only trusted when they open with a place (上海市航道条例, 北京市测绘条例).
  if (text.length < 6 || (text.length < 8 && !text.includes('关于') && !/^[\u4e00-\u9fff]{1,6}?[省市县区州盟]/u.test(text))) return false;
  if (/^(?:附件|附|抄送|主题词|来源|发布|索引|文号|主题)/u.test(text)) return false;
  // A web headline that names a title inside 《》 and ends with 》 does not end with a doc type;
  // a title that is only a quoted name ('《…》') is a reference, not a title.
  if (/^《[^》]*》$/u.test(text)) return false;
  return true;
}

/** The title block a researcher cites: the first one with 关于, else the first one. */
export function pickTitleBlock(blocks: TitleBlock[]): TitleBlock | undefined {
  return blocks.find((b) => b.text.includes('关于')) ?? blocks[0];
}

export interface Transmittal {
  /** Names of the plans the notice issues, as printed inside 《》 or after 印发. */
  plans: string[];
  /** True when the notice issues several documents (then the notice itself is what is cited). */
  several: boolean;
}

const ISSUE_RE = /关于(?:印发|下发|颁发|发布)(.+)的通知$/u;
/**
 * '四大专项行动方案', '系列配套文件', '三个实施细则': the notice issues several documents.
 * (若干政策/若干措施 is one document with several measures.)
 */
const SEVERAL_RE = /[两二三四五六七八九十几多]+(?:大|个|项|份|类)(?!措施|政策|意见|举措|条)|系列|配套文件/u;
/** A 《》 name cited as a higher-level basis rather than issued (为贯彻落实《…》, 根据《…》). */
const CITED_BEFORE_RE = /(?:贯彻|落实|根据|按照|依据|依照|参照|对照|执行)[^《]{0,6}$/u;
const ISSUING_SENTENCE_RE = /印发|已经.{0,20}(?:同意|通过)/u;

/**
 * When a title is a cover notice that issues plans (关于印发《X》的通知), the names of those plans.
 * When the title does not quote them (…四大专项行动方案的通知), the notice's issuing sentence is
 * read: '《A》、《B》…已经市政府同意,现印发给你们'. `partCount` is the number of documents the
 * file was split into (several plans behind one notice).
 */
export function readTransmittal(title: string, noticeBody: string, partCount = 0): Transmittal | null {
  const m = ISSUE_RE.exec(title);
  if (!m) return null;
  const inner = m[1];
  const quoted = [...inner.matchAll(/《([^》]+)》/gu)].map((q) => q[1]);
  const unquoted = inner.replace(/《[^》]*》/gu, '');
  if (quoted.length > 0) return { plans: quoted, several: quoted.length > 1 || partCount > 1 || SEVERAL_RE.test(unquoted) };
  const sentence =
    compact(noticeBody.slice(0, 2000))
      .split('。')
      .find((x) => ISSUING_SENTENCE_RE.test(x)) ?? '';
  const beforeVerb = sentence.split(/印发给你们|现(?:予|将)?印发|已经/u)[0] ?? '';
  const issued = [...beforeVerb.matchAll(/《([^》]+)》/gu)].filter((q) => !CITED_BEFORE_RE.test(beforeVerb.slice(0, q.index))).map((q) => q[1]);
  const several = issued.length > 1 || partCount > 1 || SEVERAL_RE.test(inner);
  return { plans: several && issued.length > 1 ? issued : [inner], several };
}

/** The issuer printed before 关于 in a title (温州市人民政府办公室关于…), or null. */
export function issuerPrefix(title: string): string | null {
  const i = title.indexOf('关于');
  if (i < 2) return null;
  const prefix = title.slice(0, i);
  return AGENCY_END_RE.test(prefix) ? prefix : null;
}
