// What a number counts, read from the words around it. Chinese targets put the measured thing
// either before the number (全市高新技术企业达到1400家) or after a verb and the number
// (培育60家隐形冠军企业). We take the phrase before the number back to the last punctuation, drop
// year phrases and comparison verbs, and fall back to verb + the phrase after the unit.

const PHRASE_BREAK = /[，,、：:（(）)；;。“”"《》\n]/u;
const YEAR_PHRASE = /(?:争取|力争)?(?:到|至|在)?(?:19|20)[0-9]{2}\s*(?:[-－—~～至到]\s*(?:19|20)[0-9]{2}\s*)?年(?:底|末|前|内|度)?(?:前)?/gu;
const LEADING_FILLER = /^(?:的|其中|同时|争取|力争|确保|每年|年均|三年示范期|示范期内?|期间|到|至|在)+/u;
// Comparison words between the metric and the number; growth verbs (增长, 新增) stay, they are meaning.
const TRAILING_VERB = /(?:每[人户家月年个项次]|提高到|提高至|增加到|增至|降低到|降至|达到|达|超过|突破|不低于|不少于|不超过|不高于|最高不超过|最高|最多|累计|约|共|为|在|以|至|到|分别|提供|给予|奖励|补助|补贴)+$/u;
const MAX_LENGTH = 20;

function clean(s: string): string {
  return s.replace(YEAR_PHRASE, '').replace(/[\s\u00a0\u3000]+/gu, '').replace(LEADING_FILLER, '');
}

function phraseBefore(text: string, at: number, floor: number): string {
  let i = at;
  while (i > floor && !PHRASE_BREAK.test(text[i - 1])) i--;
  return text.slice(i, at);
}

function phraseAfter(text: string, at: number): string {
  let i = at;
  while (i < text.length && i - at < MAX_LENGTH && !PHRASE_BREAK.test(text[i]) && !/[0-9０-９]/u.test(text[i])) i++;
  return text.slice(at, i).replace(/^(?:以上|以下|以内|左右)/u, '');
}

/** The metric of the quantity printed at [start, end). */
export function findMetric(text: string, start: number, end: number, sentenceStart: number): string | undefined {
  const before = clean(phraseBefore(text, start, sentenceStart));
  const noun = before.replace(TRAILING_VERB, '');
  if (noun.length >= 2 && !/^(?:培育|建设|建成|引进|打造|新增|扶持|支持|认定|组织|推动|实现)$/u.test(noun)) {
    return noun.slice(-MAX_LENGTH);
  }
  // The number comes before the thing counted: 培育60家隐形冠军企业.
  const after = clean(phraseAfter(text, end));
  const combined = (noun + after).slice(0, MAX_LENGTH);
  return combined.length >= 2 ? combined : undefined;
}
