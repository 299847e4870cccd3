/**
 * Boilerplate: wording that recurs across many documents of the project whatever their subject
 * (本条例自…起施行, 本办法由…负责解释, the 法律责任 formulas). What counts is how many other
 * documents hold a near-copy of the clause (the backend counts them with the "where else"
 * MinHash index), relative to the size of the project: in a project of 2,000 regulations the
 * nine 营商环境条例 that copy one national clause are not boilerplate, the 1,500 that end
 * 本条例自…起施行 are.
 */

/** Near-copies in this many documents (at least) make a clause half boilerplate. */
export function boilerplateScale(documents: number): number {
  return Math.max(4, 0.02 * documents);
}

/** 0…1 from the number of other documents holding a near-copy of the clause. */
export function boilerplateScore(copiesInOtherDocuments: number, documents: number): number {
  return 1 - Math.pow(2, -copiesInOtherDocuments / boilerplateScale(documents));
}
