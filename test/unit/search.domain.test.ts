import { describe, expect, it } from 'vitest';
import {
  bm25Score,
  idf,
  findOccurrences,
  foldForSearch,
  foldWithMap,
  ftsPlan,
  indexDocument,
  makeSnippet,
  matchesFolded,
  parseQuery,
  phraseFor,
  positiveTerms,
} from '../../shared/domain/search';

const scorerNorm = (s: string) => s.normalize('NFKC').replace(/\s+/gu, '');

describe('search folding', () => {
  it('is NFKC with every white space removed, exactly like the grep it is measured against', () => {
    for (const s of ['市财\n政局', 'ＡＢＣ１２３（牵头单位）', 'a\u00a0b\u3000c\td', '６％', '①②', 'ｶﾞｷﾞ', 'e\u0301', '']) {
      expect(foldForSearch(s)).toBe(scorerNorm(s));
    }
  });

  it('folds the brackets of a 文号 year to one form, unit for unit, and no other brackets', () => {
    const forms = ['青政发〔2012〕46号', '青政发[2012]46号', '青政发(2012)46号', '青政发（2012）46号', '青政发【2012】46号', '青政发［2012］46 号'];
    for (const f of forms) expect(foldForSearch(f)).toBe('青政发〔2012〕46号');
    expect(foldForSearch('（一）(2016-2018)[附件]')).toBe(scorerNorm('（一）(2016-2018)[附件]'));
    const text = '按照青政发[2012]46号执行';
    const f = foldWithMap(text);
    const at = f.folded.indexOf('〔2012〕');
    expect(text.slice(f.startOf[at], f.endOf[at + 5])).toBe('[2012]');
    expect(findOccurrences(text, positiveTerms(parseQuery('青政发〔2012〕46号')))).toEqual([{ start: 2, end: 14 }]);
  });

  it('maps every folded character back to the original characters it came from', () => {
    const text = '市财\n政局（牵头单位：市人社局）ＡＢ';
    const f = foldWithMap(text);
    expect(f.folded).toBe('市财政局(牵头单位:市人社局)AB');
    const at = f.folded.indexOf('财政');
    expect(text.slice(f.startOf[at], f.endOf[at + 1])).toBe('财\n政');
    const ab = f.folded.indexOf('AB');
    expect(text.slice(f.startOf[ab], f.endOf[ab + 1])).toBe('ＡＢ');
  });

  it('keeps the folded form exact even where per-character folding would differ', () => {
    const text = 'ｶﾞ x'; // half-width katakana + voiced mark compose only when folded together
    const f = foldWithMap(text);
    expect(f.folded).toBe(scorerNorm(text));
    expect(f.endOf[f.folded.length - 1]).toBeLessThanOrEqual(text.length);
  });
});

describe('index terms', () => {
  it('writes one bigram per position and the last character alone', () => {
    expect(indexDocument('人才引进')).toBe('人才 才引 引进 进');
    expect(indexDocument('税')).toBe('税');
  });

  it('writes the same terms from the one-unit buffer as term by term: a leading U+FEFF, the empty text, and texts longer than the kept buffer', () => {
    const byTerm = (units: string) => Array.from({ length: units.length }, (_, i) => units.slice(i, i + 2)).join(' ');
    const long = '企业创新\ufeff发展'.repeat(20_000); // 140,000 units: longer than the 65,536 kept
    for (const text of ['\ufeff人才', '\ufeff', '', '人', '企业'.repeat(700), long, '人才引进']) expect(indexDocument(text)).toBe(byTerm(text));
  });

  it('escapes ASCII punctuation and capitals so the tokenizer neither splits nor lower-cases them', () => {
    const doc = indexDocument('6%A');
    expect(doc.split(' ')).toHaveLength(3);
    expect(doc).not.toMatch(/[%A]/);
    expect(indexDocument('a')).not.toBe(indexDocument('A'));
  });

  it('builds phrases that never contain a bare double quote', () => {
    for (const q of ['"', '""', 'a"b', 'NEAR(a b)', '*', '😀', '(牵头单位']) {
      const p = phraseFor(foldForSearch(q));
      expect(p.fts.slice(1, p.fts.lastIndexOf('"'))).not.toContain('"');
    }
    expect(phraseFor('税').fts).toBe('"税"*');
    expect(phraseFor('人才').fts).toBe('"人才"');
    expect(phraseFor('孵化器').fts).toBe('"孵化 化器"');
  });

  it('marks long terms as approximate so they get verified', () => {
    expect(phraseFor('人'.repeat(24)).exact).toBe(true);
    expect(phraseFor('人'.repeat(25)).exact).toBe(false);
    expect(phraseFor('\ue041').exact).toBe(false);
  });
});

describe('query language', () => {
  const groups = (q: string) => parseQuery(q).groups.map((g) => g.map((t) => t.folded));
  const excluded = (q: string) => parseQuery(q).exclude.map((t) => t.folded);

  it('ANDs words, keeps quoted spaces, ORs alternatives and excludes -words', () => {
    expect(groups('人才 融资')).toEqual([['人才', '融资']]);
    expect(groups('"small business" 担保')).toEqual([['smallbusiness', '担保']]);
    expect(groups('人才 OR 融资 担保')).toEqual([['人才'], ['融资', '担保']]);
    expect(groups('人才 -补贴')).toEqual([['人才']]);
    expect(excluded('人才 -补贴 -"a b"')).toEqual(['补贴', 'ab']);
  });

  it('reads everything else as literal text', () => {
    expect(groups('not-there-at-all')).toEqual([['not-there-at-all']]);
    expect(groups('(牵头单位')).toEqual([['(牵头单位']]);
    expect(groups('“互联网+”')).toEqual([['“互联网+”']]);
    expect(groups('"unbalanced')).toEqual([['"unbalanced']]);
    expect(groups('""')).toEqual([['""']]);
    expect(groups('OR')).toEqual([['OR']]);
    expect(groups('人才 OR')).toEqual([['人才', 'OR']]);
    expect(groups('-')).toEqual([['-']]);
    expect(groups('-补贴')).toEqual([['-补贴']]);
    expect(groups('ＡＢＣ　１２３')).toEqual([['ABC', '123']]);
    expect(groups('   ')).toEqual([]);
  });

  it('turns every query into an FTS expression with balanced quotes', () => {
    for (const q of ['人才', 'a OR b -c', '"x y" -"z"', 'NEAR("a" "b", 2)', '*', ')(', 'AND', 'NOT 人才', '^税', '😀😀']) {
      const plan = ftsPlan(parseQuery(q));
      expect(plan.match).not.toBeNull();
      expect((plan.match!.match(/"/g) ?? []).length % 2).toBe(0);
    }
    expect(ftsPlan(parseQuery('人才 -补贴')).match).toBe('("人才") NOT ("补贴")');
  });

  it('matches folded text exactly by the same rules', () => {
    const q = parseQuery('人才 OR 融资 -担保');
    expect(matchesFolded(q, '引进人才')).toBe(true);
    expect(matchesFolded(q, '融资担保')).toBe(false);
    expect(matchesFolded(q, '补贴')).toBe(false);
  });
});

describe('occurrences and snippets', () => {
  it('highlights every occurrence, across line breaks, in original offsets', () => {
    const text = '市财\n政局负责，市财政局配合';
    const occ = findOccurrences(text, positiveTerms(parseQuery('市财政局')));
    expect(occ.map((r) => text.slice(r.start, r.end))).toEqual(['市财\n政局', '市财政局']);
  });

  it('merges overlapping occurrences of different terms', () => {
    const occ = findOccurrences('融资担保', positiveTerms(parseQuery('融资 资担')));
    expect(occ).toEqual([{ start: 0, end: 3 }]);
  });

  it('cuts long clauses around the first occurrence and keeps highlights inside the snippet', () => {
    const text = '甲'.repeat(300) + '人才' + '乙'.repeat(300);
    const s = makeSnippet(text, [{ start: 300, end: 302 }]);
    expect(s.cutStart && s.cutEnd).toBe(true);
    expect(s.text.slice(s.highlights[0].start, s.highlights[0].end)).toBe('人才');
    expect(s.text.length).toBeLessThanOrEqual(161);
  });
});

describe('BM25 for sampled hits', () => {
  const terms = positiveTerms(parseQuery('担保'));
  it('prefers more occurrences and shorter clauses, like FTS5 bm25', () => {
    const w = [idf(1000, 10)];
    expect(bm25Score('担保担保', terms, w, 20)).toBeGreaterThan(bm25Score('担保其他', terms, w, 20));
    expect(bm25Score('融资担保', terms, w, 20)).toBeGreaterThan(bm25Score('融资担保' + '其他内容'.repeat(20), terms, w, 20));
    expect(bm25Score('没有', terms, w, 20)).toBe(0);
  });
  it('counts occurrences in the folded text when the original differs', () => {
    const w = [1];
    expect(bm25Score('担\n保', terms, w, 20)).toBeGreaterThan(0);
  });
  it('floors the IDF of a term found almost everywhere just above zero', () => {
    expect(idf(100, 90)).toBe(1e-6);
    expect(idf(100, 1)).toBeGreaterThan(4);
  });
});
