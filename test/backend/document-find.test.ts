// The SQL behind the type-to-filter document pickers (db/documentFind.ts, documents.find and
// documents.filterValues): every word must match, case-folded, in any of the searched fields; pages
// tile the ordered matches without gaps or repeats; the total counts every match; ids narrow.
import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { createDocumentFinder } from '../../electron/backend/db/documentFind';
import { projectsPerTest } from '../support/projects';

const newProject = projectsPerTest();

interface Row {
  title: string | null;
  file: string;
  city?: string | null;
  province?: string | null;
  docNumber?: string | null;
  issuer?: string | null;
  written?: string | null;
  published?: string | null;
  period?: string | null;
  validity?: string | null;
}

/** Inserts documents with just the metadata the finder reads (no clauses): ids in insertion order. */
function insert(db: Database.Database, rows: Row[]): number[] {
  const cols = new Set((db.prepare('PRAGMA table_info(documents)').all() as Array<{ name: string }>).map((c) => c.name));
  // raw_text is gone from newer schemas (text stored once); fill it only where it still exists.
  const raw = cols.has('raw_text') ? ', raw_text' : '';
  const stmt = db.prepare(`INSERT INTO documents (file_name, source_hash, format, title, city, province, doc_number, issuer, date_written,
      date_published, period, validity, imported_at, updated_at, cleaned_text${raw})
    VALUES (@file, @hash, 'txt', @title, @city, @province, @docNumber, @issuer, @written, @published, @period, @validity, 'now', 'now', ''${raw ? ", ''" : ''})`);
  return rows.map((r, i) =>
    Number(
      stmt.run({
        city: null,
        province: null,
        docNumber: null,
        issuer: null,
        written: null,
        published: null,
        period: null,
        validity: null,
        ...r,
        hash: `h${i}-${r.file}`,
      }).lastInsertRowid,
    ),
  );
}

async function corpus() {
  const { backend } = await newProject(false);
  const db = backend.context.db;
  const cities = ['青岛市', '上海市', '温州市', null];
  const rows: Row[] = Array.from({ length: 230 }, (_, i) => ({
    title: i % 7 === 0 ? `关于支持小微企业发展的若干措施（第${i}号）` : `Regulation ${i} on Environmental Protection 环境保护条例`,
    file: `doc-${String(i).padStart(3, '0')}.${i % 2 ? 'TXT' : 'docx'}`,
    city: cities[i % 4],
    province: i % 4 === 1 ? '上海市' : i % 4 === 3 ? '浙江省' : '山东省',
    docNumber: i % 5 === 0 ? `青政发〔20${10 + (i % 10)}〕${i}号` : null,
    issuer: i % 3 === 0 ? '市人民政府办公厅' : null,
    written: i % 6 === 0 ? null : `20${10 + (i % 12)}-0${1 + (i % 9)}-15`,
    published: i % 6 === 0 && i % 12 === 0 ? '2008-03-01' : null,
    period: i % 6 === 0 && i % 12 !== 0 ? '2019—2021年' : null,
    validity: i % 10 === 0 ? '已失效' : '现行有效',
  }));
  const ids = insert(db, rows);
  return { backend, db, rows, ids, finder: createDocumentFinder(db) };
}

/** What the finder must return for `q`: the brute-force rule over the inserted rows. */
function expected(rows: Row[], ids: number[], q: string): Set<number> {
  const words = q.toLowerCase().split(/\s+/u).filter(Boolean);
  return new Set(
    ids.filter((_, i) => {
      const r = rows[i];
      const hay = [r.title, r.file, r.city, r.province, r.docNumber, r.issuer, r.written, r.published]
        .map((x) => x ?? '')
        .join(' ')
        .toLowerCase();
      return words.every((w) => hay.includes(w));
    }),
  );
}

describe('documents finder (SQL)', () => {
  it('matches every word, case-folded, in Latin and Chinese, and counts all matches', async () => {
    const { rows, ids, finder } = await corpus();
    for (const q of [
      '',
      '青岛',
      '青岛 txt',
      'ENVIRONMENTAL 上海',
      '小微企业 2015',
      '青政发〔2012〕',
      '办公厅 docx',
      'doc-1',
      'nothing-like-this',
      '山东省 2019-0',
    ]) {
      const want = expected(rows, ids, q);
      const got = finder.find({ q, ids: null, offset: 0, limit: 500 });
      expect(got.total, q).toBe(want.size);
      expect(new Set(got.ids), q).toEqual(want);
    }
  });

  it('pages tile the ordered matches: no gap, no repeat, the same order as one big page', async () => {
    const { finder } = await corpus();
    const whole = finder.find({ q: 'regulation', ids: null, offset: 0, limit: 500 });
    expect(whole.total).toBeGreaterThan(100);
    const paged: number[] = [];
    for (let offset = 0; offset < whole.total; offset += 37) {
      const page = finder.find({ q: 'regulation', ids: null, offset, limit: 37 });
      expect(page.total).toBe(whole.total);
      paged.push(...page.ids);
    }
    expect(paged).toEqual(whole.ids);
    expect(finder.find({ q: 'regulation', ids: null, offset: whole.total, limit: 10 }).ids).toEqual([]);
  });

  it('orders by place (documents without one last), then newest first', async () => {
    const { db, finder } = await corpus();
    const { ids } = finder.find({ q: '', ids: null, offset: 0, limit: 500 });
    const get = db.prepare("SELECT coalesce(city, province, '') AS place, coalesce(date_written, date_published, '') AS d FROM documents WHERE id = ?");
    const seq = ids.map((id) => get.get(id) as { place: string; d: string });
    for (let i = 1; i < seq.length; i++) {
      const [a, b] = [seq[i - 1], seq[i]];
      if (a.place === b.place) expect(a.d >= b.d, `${a.d} before ${b.d}`).toBe(true);
      else if (b.place !== '') expect(a.place < b.place && a.place !== '').toBe(true);
    }
    // The documents of no city fall back on their province, so only a blank place sorts last: none here.
    expect(seq.at(-1)!.place).not.toBe('');
  });

  it('narrows to the given ids, with the words still applied', async () => {
    const { rows, ids, finder } = await corpus();
    const some = ids.filter((_, i) => i % 3 === 0);
    const got = finder.find({ q: '青岛', ids: some, offset: 0, limit: 500 });
    const want = [...expected(rows, ids, '青岛')].filter((id) => some.includes(id));
    expect(new Set(got.ids)).toEqual(new Set(want));
    expect(got.total).toBe(want.length);
    expect(finder.find({ q: '', ids: [], offset: 0, limit: 10 }).total).toBe(0);
  });

  it('lists each city, province, validity and year in use once', async () => {
    const { rows, finder } = await corpus();
    const v = finder.values();
    expect(new Set(v.cities)).toEqual(new Set(['青岛市', '上海市', '温州市']));
    expect(v.cities).toHaveLength(3);
    expect(new Set(v.provinces)).toEqual(new Set(['上海市', '浙江省', '山东省']));
    expect(new Set(v.validity)).toEqual(new Set(['已失效', '现行有效']));
    const years = new Set(
      rows
        .map((r) => /^(\d{4})/.exec(r.written ?? r.published ?? r.period ?? '')?.[1])
        .filter(Boolean)
        .map(Number),
    );
    expect(v.years).toEqual([...years].sort((a, b) => a - b));
    expect(v.years).toContain(2008);
    expect(v.years).toContain(2019);
  });

  it('documents.find returns the page summaries in the finder order, documents.filterValues the values', async () => {
    const { backend, finder } = await corpus();
    const page = await backend.api.documents.find({ q: '上海', offset: 5, limit: 7 });
    expect(page.documents.map((d) => d.id)).toEqual(finder.find({ q: '上海', ids: null, offset: 5, limit: 7 }).ids);
    expect(page.documents.every((d) => d.city === '上海市' || d.province === '上海市')).toBe(true);
    const all = await backend.api.documents.list({});
    for (const d of page.documents) expect(d).toEqual(all.find((x) => x.id === d.id));
    expect(await backend.api.documents.filterValues({})).toEqual(finder.values());
  });
});
