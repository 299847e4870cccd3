/**
 * How a clause is named to a researcher. A file can hold several plans (parts), each numbered from
 * 一、 again, so a path such as 三-(三) alone is ambiguous; with the plan's short title it is not.
 * The UI and the exports share these so a clause is called the same everywhere.
 */

/** Leading words and trailing document-type words that every plan title repeats. */
const LEADING = /^(关于|印发|转发)+/u;
const TRAILING = /(的)?(行动|实施|工作|推进|专项)?(方案|计划|意见|办法|通知|细则|规划|措施)$/u;
const QUOTES = /[“”"「」《》〈〉]/gu;

/**
 * A plan title shortened to what tells it from its siblings: 关于支持小微企业融资破难的行动方案 →
 * 支持小微企业融资破难. At most `max` characters (cut with …); the full title when nothing is left.
 */
export function shortPartTitle(title: string, max = 12): string {
  const full = title.replace(QUOTES, '').trim();
  let s = full.replace(LEADING, '');
  for (let i = 0; i < 2 && TRAILING.test(s); i++) s = s.replace(TRAILING, '');
  s = s.trim() || full;
  return [...s].length > max ? `${[...s].slice(0, max - 1).join('')}…` : s;
}

/** The label of a clause: its path, preceded by its plan's short title when the file holds several plans. */
export function clauseLabel(path: string, partTitle: string | null | undefined): string {
  return partTitle ? `${shortPartTitle(partTitle)} · ${path}` : path;
}
