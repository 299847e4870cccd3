// What a number counts, read from the words around it. Chinese puts the counted thing either
// before the number (全市高新技术企业达到1400家, 基金总规模超过1000亿元) or, after a classifier,
// behind it (培育60家隐形冠军企业, 建成1-2个…的婴幼儿照护服务机构). The rule works on punctuation
// and on closed classes of function words, not on phrases of particular documents:
//   1. A classifier (个, 家, 所 …) followed by words counts those words: the metric is the noun
//      phrase after it, up to punctuation or the next verb; after a list of modifiers ending in 的
//      the head noun after the last 的.
//   2. Otherwise the metric is the phrase before the number, back to the previous punctuation
//      (balanced brackets belong to the phrase), without year phrases, leading light verbs
//      (预计, 建设, 培育 …) and trailing comparison words (达到, 超过, 不低于 …).
//   3. A number with nothing before it in its list item (、增长7.7%; 2017年达到50家) counts what the
//      previous number of the same sentence counts (the caller passes that metric).

const PHRASE_BREAK = /[，,、：:；;。“”"《》\n]/u;
const CLAUSE_BREAK = /[，,：:；;。\n]/u;
const YEAR_PHRASE = /(?:争取|力争)?(?:到|至|在)?(?:19|20)[0-9]{2}\s*(?:[-－—~～至到]\s*(?:19|20)[0-9]{2}\s*)?年(?:底|末|前|内|度)?(?:前)?/gu;
// Horizon and connective words that open a phrase without being part of what is counted.
const LEADING_FILLER = /^(?:的|其中|同时|争取|力争|确保|每年|全年|年均|三年示范期|示范期内?|期间|并)+/u;
/**
 * Light verbs that introduce the counted thing (建设10个…, 预计实现地区生产总值…): a closed class
 * of the verbs goals are stated with. Growth verbs (新增, 增长) are not in it: they are meaning.
 */
const LIGHT_VERB =
  '(?:预计|实现|完成|建设|建成|打造|培育|引进|举办|服务|争取|兑现|形成|新签约|签约|注册|推动|扶持|支持|组织|认定|重点|累计|按照|达到|达|共|约)';
const LEADING_VERBS = new RegExp(`^(?:${LIGHT_VERB}并?)+`, 'u');
// Comparison words between the metric and the number; growth verbs (增长, 新增) stay.
const TRAILING_VERB =
  /(?:每[人户家月年个项次]|每千人口|提高到|提高至|增加到|增至|降低到|降至|达到|达|超过|超|近|逾|保持|突破|不低于|不少于|不超过|不高于|最高不超过|最高|最多|累计|约|共|为|在|以|至|到|分别|提供|给予|奖励|补助|补贴)+$/u;
/** Words that end a noun phrase after a number: the next verb of the sentence. */
const VERB_AFTER = /完成|实现|达到?|建设|建成|增长|提高|为目标|为重点|以上|以下|左右/u;
/** After a classifier the counted noun may be quoted (60家“专精特新”企业): quotes do not end it. */
const AFTER_BREAK = /[，,、：:；;。《》\n]/u;
/** Units that classify a following noun (10个创业街区); amounts and rates (万元, %) never do. */
const CLASSIFIER = /^[万千百]?(?:个|家|所|处|项|座|条|台|套|批|场|件|名|户|人|期)$/u;
const MAX_LENGTH = 20;
/** How far after a classifier its counted noun phrase (with a list of modifiers before 的) is read. */
const AFTER_WINDOW = MAX_LENGTH * 10;

function clean(s: string): string {
  return s
    .replace(YEAR_PHRASE, '')
    .replace(/[\s\u00a0\u3000]+/gu, '')
    .replace(LEADING_FILLER, '');
}

const OPEN = '(（[【“';
const CLOSE = ')）]】”';

/** The phrase before `at`, back to punctuation; a bracketed group inside it is kept whole. */
function phraseBefore(text: string, at: number, sentenceFloor: number): string {
  // A metric is a short phrase: looking further back than a few of its lengths only costs time
  // (in a long line full of numbers every quantity would walk back to the sentence start).
  const floor = Math.max(sentenceFloor, at - MAX_LENGTH * 4);
  let i = at;
  while (i > floor) {
    const ch = text[i - 1];
    if (CLOSE.includes(ch)) {
      const open = OPEN[CLOSE.indexOf(ch)];
      // Only back to the floor: lastIndexOf alone would scan to the start of the text each time.
      const j = text.slice(floor, i - 1).lastIndexOf(open);
      if (j < 0) break;
      i = floor + j;
      continue;
    }
    if (PHRASE_BREAK.test(ch) || OPEN.includes(ch)) break;
    i--;
  }
  return text.slice(i, at);
}

/** The words after `at` up to punctuation, a number or the next verb; a bracketed group is kept whole. */
function phraseAfter(text: string, at: number, breaks: RegExp = PHRASE_BREAK): string {
  let i = at;
  while (i < text.length && i - at < MAX_LENGTH * 2) {
    const ch = text[i];
    if (OPEN.includes(ch)) {
      const close = CLOSE[OPEN.indexOf(ch)];
      // A group closed within a few metric lengths; an unclosed bracket ends the phrase (searching
      // the rest of the text for its close, per number, was quadratic).
      const j = text.slice(i + 1, at + MAX_LENGTH * 4).indexOf(close);
      if (j < 0) break;
      i = i + 1 + j + 1;
      continue;
    }
    if (breaks.test(ch) || /[0-9０-９]/u.test(ch)) break;
    i++;
  }
  const s = text.slice(at, i);
  const verb = s.slice(1).search(VERB_AFTER);
  return verb >= 0 ? s.slice(0, verb + 1) : s;
}

function stripBefore(s: string): string {
  let noun = clean(s);
  for (let prev = ''; prev !== noun;) {
    prev = noun;
    noun = noun.replace(LEADING_VERBS, '').replace(LEADING_FILLER, '').replace(TRAILING_VERB, '');
  }
  // 分别增长: the growth stays, the distributive adverb goes.
  return noun.replace(/分别(?=增长|提高|下降)/u, '');
}

/** The noun a classifier counts: after a list of modifiers ending in 的, the head after the last 的. */
function countedAfter(text: string, end: number): string {
  // The clause after the number, read no further than a few metric lengths: the rest of a long
  // line is never part of what one number counts, and reading it per number was quadratic.
  const rest = text.slice(end, end + AFTER_WINDOW).replace(/^(?:以上|以下|以内|左右)/u, '');
  const offset = Math.min(text.length, end + AFTER_WINDOW) - rest.length;
  if (!rest || AFTER_BREAK.test(rest[0]) || rest[0] === '的') return '';
  const clauseEnd = rest.search(CLAUSE_BREAK);
  const clause = clauseEnd >= 0 ? rest.slice(0, clauseEnd) : rest;
  const de = clause.lastIndexOf('的');
  if (de > 0 && /、/u.test(clause.slice(0, de))) return clean(phraseAfter(text, offset + de + 1, AFTER_BREAK));
  return clean(phraseAfter(text, offset, AFTER_BREAK));
}

/**
 * The metric of the quantity printed at [start, end) with unit `unit`. `previous` is the metric of
 * the quantity before it in the same sentence, used when this one's list item names nothing.
 */
export function findMetric(text: string, start: number, end: number, sentenceStart: number, unit = '', previous?: string): string | undefined {
  if (CLASSIFIER.test(unit)) {
    const after = countedAfter(text, end);
    if (after.length >= 2) return after.slice(0, MAX_LENGTH);
  }
  // A counted quantity earlier in the phrase (639个纳入…的重点项目完成投资920亿元) is not part of this metric.
  const before = phraseBefore(text, start, sentenceStart).replace(/^.*[0-9０-９][万千百]?(?:个|家|所|处|项|座|条|台|套|场|件|名)(?![0-9０-９])/u, '');
  const noun = stripBefore(before);
  // Only a change named (同比增长7%): it is the change of what the previous number counts.
  const growth = /^(?:同比|比上年|较上年|年均)?(?:增长|提高|下降)$/u.test(noun);
  if (noun.length >= 2 && !growth) return noun.slice(-MAX_LENGTH);
  // Nothing named in this list item: what the previous number of the sentence counts.
  if (previous) return growth ? `${previous.replace(/(?:增长|提高|下降)$/u, '')}${noun.replace(/^(?:同比|比上年|较上年)/u, '')}` : previous;
  const after = clean(phraseAfter(text, end).replace(/^(?:以上|以下|以内|左右)/u, ''));
  const combined = (noun + after).slice(0, MAX_LENGTH);
  return combined.length >= 2 ? combined : undefined;
}
