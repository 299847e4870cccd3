// Reliability data from codings: the units the agreement statistics (shared/domain/agreement) are
// computed on, at clause level and at character level, and the clause × theme cases the coders
// disagree on. Pure: clauses and codings in, units out.
import { type Unit, characterUnits } from '../../../shared/domain/agreement/index';

/** A clause of the compared documents: its span [start, end) of the cleaned text. */
export interface UnitClause {
  id: number;
  start: number;
  end: number;
}
/** A live coding by one of the compared coders: a whole clause (start null) or a range. */
export interface UnitCoding {
  clauseId: number;
  themeId: string;
  coderId: number;
  start: number | null;
  end: number | null;
}

export type AgreementLevel = 'clause' | 'character';

export interface ThemeUnits {
  themeId: string;
  /** Units with identical ratings merged into one weighted unit: the statistics only count patterns. */
  units: Unit[];
  /** Per coder (in order): units rated 1, i.e. clauses (or characters) the coder gave the theme. */
  coded: number[];
}

export interface UnitsResult {
  themes: ThemeUnits[];
  /** Every theme's units pooled: the overall figures. */
  overall: Unit[];
  /** Clause × theme cases on which the coders' ratings differ (at the level asked). */
  disagreements: Array<{ clauseId: number; themeId: string }>;
}

class Patterns {
  private readonly byKey = new Map<string, Unit>();
  add(ratings: number[], weight: number): void {
    if (weight <= 0) return;
    const key = ratings.join(',');
    const u = this.byKey.get(key);
    if (u) u.weight = (u.weight ?? 1) + weight;
    else this.byKey.set(key, { ratings: [...ratings], weight });
  }
  units(): Unit[] {
    return [...this.byKey.values()].sort((a, b) => a.ratings.join(',').localeCompare(b.ratings.join(',')));
  }
}

/**
 * Clause level: one unit per clause × theme; a coder rates it 1 when they coded the theme on the
 * clause at all (the whole clause or any range inside it), else 0. Character level: one unit per
 * character of the clause × theme; 1 where the coder's ranges (a whole-clause coding covers the
 * whole clause) include the character. Clauses nobody coded with a theme are units too, rated 0
 * by everyone: agreeing that a clause is not about a theme is agreement.
 */
export function buildUnits(level: AgreementLevel, clauses: UnitClause[], coderIds: number[], themeIds: string[], codings: UnitCoding[]): UnitsResult {
  const clauseById = new Map(clauses.map((c) => [c.id, c]));
  const coderIndex = new Map(coderIds.map((id, i) => [id, i]));
  // theme → clause → its codings by the compared coders
  const grouped = new Map<string, Map<number, UnitCoding[]>>();
  for (const c of codings) {
    if (!coderIndex.has(c.coderId) || !clauseById.has(c.clauseId)) continue;
    let byClause = grouped.get(c.themeId);
    if (!byClause) grouped.set(c.themeId, (byClause = new Map()));
    byClause.set(c.clauseId, [...(byClause.get(c.clauseId) ?? []), c]);
  }
  const totalChars = clauses.reduce((s, c) => s + Math.max(0, c.end - c.start), 0);
  const overall = new Patterns();
  const disagreements: UnitsResult['disagreements'] = [];
  const zeros = coderIds.map(() => 0);
  const themes = themeIds.map((themeId): ThemeUnits => {
    const patterns = new Patterns();
    const coded = coderIds.map(() => 0);
    const byClause = grouped.get(themeId) ?? new Map<number, UnitCoding[]>();
    let coveredWeight = 0;
    for (const clause of clauses) {
      const mine = byClause.get(clause.id);
      if (!mine) continue;
      const units: Unit[] =
        level === 'clause'
          ? [{ ratings: coderIds.map((id) => (mine.some((c) => c.coderId === id) ? 1 : 0)), weight: 1 }]
          : characterUnits(
              clause.end - clause.start,
              coderIds.map(String),
              mine.map((c) => ({
                coder: String(c.coderId),
                start: (c.start ?? clause.start) - clause.start,
                end: (c.end ?? clause.end) - clause.start,
              })),
            );
      let differs = false;
      for (const u of units) {
        const ratings = u.ratings as number[];
        const w = u.weight ?? 1;
        patterns.add(ratings, w);
        overall.add(ratings, w);
        coveredWeight += w;
        ratings.forEach((r, i) => (coded[i]! += r * w));
        if (ratings.some((r) => r !== ratings[0])) differs = true;
      }
      if (differs) disagreements.push({ clauseId: clause.id, themeId });
    }
    // Every clause (character) without a coding of the theme: rated 0 by every coder.
    const rest = (level === 'clause' ? clauses.length : totalChars) - coveredWeight;
    patterns.add(zeros, rest);
    overall.add(zeros, rest);
    return { themeId, units: patterns.units(), coded };
  });
  // In reading order (the clauses' order), then codebook order: the lead walks the documents.
  const order = new Map(clauses.map((c, i) => [c.id, i]));
  const themeOrder = new Map(themeIds.map((t, i) => [t, i]));
  disagreements.sort((x, y) => order.get(x.clauseId)! - order.get(y.clauseId)! || themeOrder.get(x.themeId)! - themeOrder.get(y.themeId)!);
  return { themes, overall: overall.units(), disagreements };
}
