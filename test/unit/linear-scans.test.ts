// Pattern scans over text of any length must cost time linear in it. Each input below is shaped so
// that a super-linear version of the scan (nested scans, or a regex trying every split of a long
// run) does billions of steps, while a linear one handles it at once: the test asserts the right
// answer on the large input, and the runner's timeout is the guard against a hang. No wall-clock
// assertions: a busy machine must not fail them.
import { describe, expect, it } from 'vitest';
import { findDocNumbers } from '../../shared/domain/metadata/docNumbers';
import { extractQuantities } from '../../shared/domain/quantities';
import { segmentClauses, splitParts } from '../../shared/domain/segment';
import type { PartSpan } from '../../shared/domain/types';

const HANG_GUARD_MS = 60_000;
const RUN = 200_000;

describe('文号 search is linear in runs of white space, CJK and brackets', () => {
  const real = '青政发〔2012〕46号';
  it.each([
    ['white space after the closing bracket', `青政发〔2012〕${' '.repeat(RUN)}x`],
    ['line breaks and ideographic spaces after the closing bracket', `青政发〔2012〕${'\n\u3000'.repeat(RUN / 2)}第`],
    ['white space after 第', `青政发〔2012〕第${' '.repeat(RUN)}x`],
    ['white space after the serial', `青政发〔2012〕46${' '.repeat(RUN)}x`],
    ['white space after the opening bracket', `青政发〔${' '.repeat(RUN)}x`],
    ['white space between code and bracket', `青政发${' '.repeat(RUN)}〔x`],
    ['a run of CJK without brackets', '政'.repeat(RUN * 5) + '〔'],
    ['failing 文号 over and over', '青政发〔2012〕 第 '.repeat(RUN / 10)],
  ])(
    '%s (%#)',
    (_name, junk) => {
      const text = `${junk}。${real}`;
      const hits = findDocNumbers(text);
      expect(hits.map((h) => h.docNumber)).toEqual([real]);
      expect(hits[0].start).toBe(text.length - real.length);
    },
    HANG_GUARD_MS,
  );

  it('a 文号 printed with white space everywhere is still found whole', () => {
    expect(findDocNumbers('据青政发 〔 2012 〕 第 \n 46 \u3000号').map((h) => h.docNumber)).toEqual(['青政发〔2012〕第46号']);
    expect(findDocNumbers('青政发〔2012〕 第46号').map((h) => h.docNumber)).toEqual(['青政发〔2012〕第46号']);
    expect(findDocNumbers('青政发〔2012〕 46号').map((h) => h.docNumber)).toEqual(['青政发〔2012〕46号']);
  });
});

describe('quantities are linear in the numbers and years of one text', () => {
  const N = 150_000;

  it(
    'years and quantities interleaved, one sentence each: every quantity gets its own year',
    () => {
      let text = '';
      for (let i = 0; i < N; i++) text += `${2000 + (i % 30)}年新增企业${i + 1}家。`;
      const qs = extractQuantities(text);
      expect(qs).toHaveLength(N);
      expect(qs.every((q, i) => q.value === i + 1 && q.year === 2000 + (i % 30) && q.metric === '新增企业')).toBe(true);
    },
    HANG_GUARD_MS,
  );

  it(
    'one sentence of many years and quantities: each quantity takes the closest year before it',
    () => {
      let text = '';
      for (let i = 0; i < N; i++) text += `${2000 + (i % 30)}年${i + 1}家，`;
      const qs = extractQuantities(text);
      expect(qs).toHaveLength(N);
      expect(qs.every((q, i) => q.year === 2000 + (i % 30))).toBe(true);
    },
    HANG_GUARD_MS,
  );

  it(
    '"分别" far after a long run of sentences is found in its own sentence only',
    () => {
      const text = '企业1家。'.repeat(N) + '2016年、2017年分别达到5家、6家。';
      const qs = extractQuantities(text);
      expect(qs).toHaveLength(N + 2);
      expect(qs.slice(-2).map((q) => q.year)).toEqual([2016, 2017]);
      expect(qs[0].year).toBeUndefined();
    },
    HANG_GUARD_MS,
  );

  it.each([
    ['classifiers in a line without clause breaks', '新增1家企业、'],
    ['closing brackets without an opening one', '）新增1家'],
    ['opening brackets without a closing one', '新增1家（'],
  ])(
    '%s',
    (_name, unit) => {
      const text = unit.repeat(N);
      const qs = extractQuantities(text);
      expect(qs).toHaveLength(N);
      expect(qs.every((q) => q.metric !== undefined && q.metric.length <= 20)).toBe(true);
    },
    HANG_GUARD_MS,
  );
});

describe('a file of many documents is split and segmented in linear time', () => {
  const P = 40_000;
  let text = '';
  for (let i = 0; i < P; i++) text += `第${i}号支持小微企业发展实施方案\n一、支持企业发展。\n`;

  it(
    'every part is found, each with its own title',
    () => {
      const parts = splitParts(text);
      expect(parts).toHaveLength(P);
      expect(parts[P - 1].title).toBe(`第${P - 1}号支持小微企业发展实施方案`);
    },
    HANG_GUARD_MS,
  );

  it(
    'segmentation reads each part a bounded number of times (work counted, not timed)',
    () => {
      const parts = splitParts(text);
      let reads = 0;
      // Counts every element read: looking each part up again in the list would read it P/2 times.
      const counted = new Proxy(parts, {
        get(target, key, receiver) {
          if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
          return Reflect.get(target, key, receiver) as unknown;
        },
      }) as PartSpan[];
      const clauses = segmentClauses(text, counted);
      expect(clauses.filter((c) => c.kind === 'part')).toHaveLength(P);
      expect(clauses.filter((c) => c.kind === 'part').every((c, i) => c.partIndex === i)).toBe(true);
      expect(reads).toBeLessThanOrEqual(4 * P);
    },
    HANG_GUARD_MS,
  );
});
