import { describe, expect, it } from 'vitest';
import {
  clauseIdOfKey,
  codePointLength,
  countOverlapping,
  findOccurrences,
  foldForSearch,
  foldWithMap,
  minLengthOfKey,
  levelDocument,
  levelPlan,
  MAX_LEVEL,
  parseQuery,
  positiveTerms,
  saturation,
  sortKey,
} from '../../shared/domain/search';

describe('term-frequency levels', () => {
  it('marks every character once per level from 1 up, and every bigram that repeats from 2 up', () => {
    const tokens = levelDocument('企业企业企').split(' ');
    // 企 ×3, 业 ×2 (levels 1…n), 企业 ×2, 业企 ×2 (levels 2…n)
    expect(tokens).toHaveLength(3 + 2 + 1 + 1);
    expect(new Set(tokens).size).toBe(tokens.length);
    // Nothing repeats: each character at level 1 ("holds it"), what a one-character query reads.
    expect(levelDocument('人才引进').split(' ')).toEqual(['人', '才', '引', '进'].map((c) => levelPlan(c).match(1).replace(/"/g, '')).sort());
    expect(levelDocument('人').split(' ')).toEqual([levelPlan('人').match(1).replace(/"/g, '')]);
    // The same markers when the text has characters outside the BMP (the code-point path).
    expect(
      levelDocument('企业企业企𠀋')
        .split(' ')
        .filter((t) => !t.includes('𠀋'))
        .sort(),
    ).toEqual([...tokens].sort());
  });

  it('writes the same markers for one-unit text as the code-point path, two-digit levels and the cap included', () => {
    const text = '企业'.repeat(40) + '人才引进'.repeat(11) + 'Ab,;\uffff\uffff';
    const units = levelDocument(text).split(' ');
    const points = levelDocument(text + '𠀋')
      .split(' ')
      .filter((t) => !t.includes('𠀋'));
    expect([...units].sort()).toEqual([...points].sort());
    const markers = new Set(units);
    expect(markers.has(levelPlan('企业').match(MAX_LEVEL).replace(/"/g, ''))).toBe(true);
    expect(
      markers.has(
        levelPlan('企业')
          .match(MAX_LEVEL + 1)
          .replace(/"/g, ''),
      ),
    ).toBe(false);
    expect(markers.has(levelPlan('人才').match(11).replace(/"/g, ''))).toBe(true);
    expect(markers.has(levelPlan('人才').match(12).replace(/"/g, ''))).toBe(false);
  });

  it('asks the level index for exactly "at least t times" for one or two characters', () => {
    const doc = new Set(levelDocument('担保担保担保').split(' '));
    const two = levelPlan('担保');
    expect(two.exact).toBe(true);
    for (const t of [2, 3]) expect(doc.has(two.match(t).replace(/"/g, ''))).toBe(true);
    expect(doc.has(two.match(4).replace(/"/g, ''))).toBe(false);
    const one = levelPlan('担');
    expect(doc.has(one.match(3).replace(/"/g, ''))).toBe(true);
    expect(doc.has(one.match(4).replace(/"/g, ''))).toBe(false);
  });

  it('asks every bigram of a longer term, so a level holds every clause with the term that often', () => {
    const plan = levelPlan('小微企业');
    expect(plan.exact).toBe(false);
    const doc = new Set(levelDocument('小微企业和小微企业').split(' '));
    for (const token of plan.match(2).split(' AND ')) expect(doc.has(token.replace(/"/g, ''))).toBe(true);
  });

  it('never lets two (term, level) pairs share a marker, even with digits in the term', () => {
    const tokens = new Set<string>();
    let n = 0;
    for (const term of ['a', '1', 'a1', '11', '1a', '12', '企', '企1']) {
      for (let level = 2; level <= 130; level++) {
        tokens.add(levelPlan(term).match(level));
        n++;
      }
    }
    expect(tokens.size).toBe(n);
  });

  it('counts overlapping occurrences, as FTS5 counts phrase matches', () => {
    expect(countOverlapping('哈哈哈哈', '哈哈')).toBe(3);
    expect(countOverlapping('企业企业', '企业')).toBe(2);
    expect(countOverlapping('企业', '小微')).toBe(0);
  });
});

describe('sort keys and BM25 saturation', () => {
  it("orders shorter length bands first and gives back the clause id and the band's shortest length", () => {
    const a = sortKey(10, 99_999);
    const b = sortKey(11, 1);
    expect(a).toBeLessThan(b);
    expect(clauseIdOfKey(a)).toBe(99_999);
    expect(minLengthOfKey(b)).toBe(11);
    // A band spans lengths: its shortest bounds every clause of it, and keys never go back.
    expect(minLengthOfKey(sortKey(14, 1))).toBe(11);
    for (let len = 0; len < 5000; len++) {
      expect(minLengthOfKey(sortKey(len, 1))).toBeLessThanOrEqual(len);
      expect(sortKey(len + 1, 1)).toBeGreaterThanOrEqual(sortKey(len, 1));
    }
    expect(Number.isSafeInteger(sortKey(1_000_000, 2 ** 32 - 1))).toBe(true);
  });

  it('counts code points, not UTF-16 units', () => {
    expect(codePointLength('a😀b')).toBe(3);
    expect(codePointLength('\ud800x')).toBe(2);
  });

  it('rises with term frequency and falls with length, never reaching k1 + 1', () => {
    expect(saturation(2, 100, 100)).toBeGreaterThan(saturation(1, 100, 100));
    expect(saturation(1, 50, 100)).toBeGreaterThan(saturation(1, 100, 100));
    expect(saturation(1000, 1, 100)).toBeLessThan(2.2);
  });
});

describe('folding with an offset map', () => {
  /** Per-chunk folding, the plain definition the fast path must agree with. */
  function reference(original: string): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    for (const m of original.matchAll(/\P{M}\p{M}*|\p{M}+/gsu)) {
      const piece = m[0].normalize('NFKC').replace(/\s+/gu, '');
      for (let k = 0; k < piece.length; k++) out.push([m.index, m.index + m[0].length]);
    }
    return out;
  }

  it('maps every folded unit to the original characters, like folding chunk by chunk', () => {
    const samples = ['市财\n政局（牵头）ＡＢ１２３', 'e\u0301t\u00e9', '㍻元年 ①②', 'a😀\u3000b', '\ud800 lone', 'Ａ\u0308ｂ', '  前后  '];
    for (const s of samples) {
      const f = foldWithMap(s);
      expect(f.folded).toBe(foldForSearch(s));
      const ref = reference(s);
      if (ref.length === f.folded.length) expect([...f.startOf].map((x, i) => [x, f.endOf[i]])).toEqual(ref);
    }
  });

  it('finds the same occurrences by walking to them as through the full map', () => {
    const cases: Array<[string, string]> = [
      ['市财\n政局负责，市财政局配合', '市财政局'],
      ['ＡＢ１２３ ab', 'AB1'],
      ['e\u0301té e\u0301', 'é'],
      ['㍻元年㍻', '平成'],
      ['a😀b😀', '😀b'],
      ['哈哈哈哈', '哈哈'],
      ['牵头单位：（市人社局）', '(市人社局)'],
      ['ｶﾞｷﾞ', 'ガ'],
    ];
    for (const [text, q] of cases) {
      const terms = positiveTerms(parseQuery(q));
      const walked = findOccurrences(text, terms);
      expect(walked, `${text} / ${q}`).toEqual(findOccurrences(text, terms, foldWithMap(text)));
      expect(walked.length).toBeGreaterThan(0);
    }
  });
});

describe('levelDocument keeps no state between clauses', () => {
  // An import calls it for every clause with arrays kept between calls (up to a size): the answer
  // for a text must not depend on what was asked before it, longer or shorter, kept or not.
  const sentence = '企业开展研发活动的，按照规定享受研发费用加计扣除政策。';
  const texts = [sentence, sentence.repeat(40), '企', sentence.repeat(3000), '创新创新创新', sentence.slice(0, 7), sentence.repeat(2)];
  it('gives each text the same markers in any order of calls', () => {
    const forward = texts.map((t) => levelDocument(t));
    const backward = [...texts]
      .reverse()
      .map((t) => levelDocument(t))
      .reverse();
    expect(backward).toEqual(forward);
    expect(forward[0]).toContain('\ue081企1');
    // 40 and 3,000 repetitions both hold every character and bigram more than MAX_LEVEL times: the same markers,
    // one computed in the kept arrays, the other (81,000 units) in arrays of its own.
    expect(forward[3]).toBe(forward[1]);
  });
});
