// Target statements: dated or bounded goals (到2025年，市场主体达到150万户；三年内新建孵化载体100个以上).
// A number that sets a condition (超过200万元的采购项目) or a quota inside a measure (每年安排不低于10%)
// is not a goal unless the clause also gives a horizon.
import { extractTargets, type Quantity } from '../quantities/index';

/** Words that put a clause on a time line of goals. */
const HORIZON = /(?:19|20)[0-9]{2}年|力争|[一二两三四五六七八九十0-9]+年(?:内|间|累计|左右|时间)|经过.{0,8}努力|年均|(?:主要|发展|总体|工作|预期)目标/u;
const SENTENCE = /[^。；;！!？?\n]+/gu;

function goals(text: string): Quantity[] {
  const horizon = HORIZON.test(text);
  // '超过200万元的…项目': a number followed by 的 qualifies a noun, it is a condition.
  return extractTargets(text).filter((q) => text[q.end] !== '的' && (q.year !== undefined || horizon));
}

/** Evidence for the targets theme: many goals in little text weigh most. */
export function targetEvidence(text: string): number {
  const n = goals(text).length;
  const dense = n / Math.max(1, text.length / 60);
  return Math.min(4, n * 1.5) * Math.min(1, dense);
}

/** True when the clause states goals in at least half of its sentences, on a time line. */
export function isGoalStatement(text: string): boolean {
  const qs = goals(text);
  if (qs.length === 0) return false;
  let sentences = 0,
    withGoal = 0;
  for (const m of text.matchAll(SENTENCE)) {
    const start = m.index ?? 0,
      end = start + m[0].length;
    if (m[0].trim().length < 4) continue; // a heading fragment such as 主要目标
    sentences++;
    if (qs.some((q) => q.start >= start && q.end <= end)) withGoal++;
  }
  return sentences > 0 && withGoal * 2 >= sentences;
}
