// A deterministic synthetic corpus for benchmarks: documents written from the seeds' clauses,
// with cities, numbers, years and clause order varied, so a large corpus has the vocabulary and
// clause shapes of real policy texts. The same (documents, seed) always gives the same bytes.
// Generated data is not committed: callers write it to a temporary folder.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { analyseDocument } from '../../shared/domain/analyze';
import { prng } from '../support/random';

export { prng };

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const seedsDir = join(repoRoot, 'seeds');

/** Cities the generated documents are issued by (prefecture-level cities with their provinces). */
const CITIES = [
  ['青岛市', '山东省'],
  ['济南市', '山东省'],
  ['烟台市', '山东省'],
  ['宁波市', '浙江省'],
  ['温州市', '浙江省'],
  ['杭州市', '浙江省'],
  ['绍兴市', '浙江省'],
  ['咸宁市', '湖北省'],
  ['武汉市', '湖北省'],
  ['宜昌市', '湖北省'],
  ['成都市', '四川省'],
  ['绵阳市', '四川省'],
  ['长沙市', '湖南省'],
  ['株洲市', '湖南省'],
  ['郑州市', '河南省'],
  ['洛阳市', '河南省'],
  ['西安市', '陕西省'],
  ['宝鸡市', '陕西省'],
  ['苏州市', '江苏省'],
  ['无锡市', '江苏省'],
  ['南京市', '江苏省'],
  ['合肥市', '安徽省'],
  ['芜湖市', '安徽省'],
  ['福州市', '福建省'],
  ['厦门市', '福建省'],
  ['南昌市', '江西省'],
  ['赣州市', '江西省'],
  ['广州市', '广东省'],
  ['佛山市', '广东省'],
  ['东莞市', '广东省'],
  ['南宁市', '广西壮族自治区'],
  ['昆明市', '云南省'],
  ['贵阳市', '贵州省'],
  ['兰州市', '甘肃省'],
  ['太原市', '山西省'],
  ['石家庄市', '河北省'],
  ['唐山市', '河北省'],
  ['沈阳市', '辽宁省'],
  ['大连市', '辽宁省'],
  ['长春市', '吉林省'],
  ['哈尔滨市', '黑龙江省'],
  ['呼和浩特市', '内蒙古自治区'],
] as const;
const TOP_LABELS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const SUB_LABELS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

interface Pool {
  headings: string[];
  measures: string[];
  preambles: string[];
  /** City and county names as they appear in the seeds, to be replaced by the generated city. */
  places: string[];
}

/** The seeds' clauses, read through the app's own analysis. */
export function seedPool(): Pool {
  const pool: Pool = { headings: [], measures: [], preambles: [], places: [] };
  const files = readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  for (const f of files) {
    const text = readFileSync(join(seedsDir, f), 'utf8');
    const a = analyseDocument({ text, format: 'txt', encoding: 'utf-8', warnings: [] }, f);
    if (a.metadata.city) pool.places.push(a.metadata.city);
    for (const c of a.clauses) {
      const t = c.text.replace(/\s+/gu, '');
      if (!t) continue;
      if (c.kind === 'heading' && t.length <= 30) pool.headings.push(c.heading ?? t);
      else if (c.kind === 'measure' && t.length >= 20) pool.measures.push(t);
      else if (c.kind === 'preamble' && t.length >= 40 && t.length <= 600) pool.preambles.push(t);
    }
  }
  pool.places = [...new Set(pool.places)].sort((a, b) => b.length - a.length);
  if (!pool.measures.length || !pool.headings.length) throw new Error(`No clauses found in the seeds at ${seedsDir}`);
  return pool;
}

export interface GeneratedDocument {
  file: string;
  city: string;
  year: number;
  bytes: number;
}

export interface CorpusOptions {
  documents: number;
  seed: number;
  outDir: string;
  /** Approximate size of each document in UTF-8 bytes (default 10,000: 5,000 documents ≈ 50 MB). */
  bytesPerDocument?: number;
}

/** Writes `documents` .txt files to outDir (skipped when the same corpus is already there); returns what was written. */
export function generateCorpus(opts: CorpusOptions): { files: GeneratedDocument[]; totalBytes: number } {
  const target = opts.bytesPerDocument ?? 10_000;
  const pool = seedPool();
  const rnd = prng(opts.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const placeRe = new RegExp(pool.places.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gu');
  mkdirSync(opts.outDir, { recursive: true });
  const files: GeneratedDocument[] = [];
  let totalBytes = 0;
  for (let i = 0; i < opts.documents; i++) {
    const [city, province] = pick(CITIES);
    const year = 2012 + Math.floor(rnd() * 11);
    const vary = (s: string) =>
      s
        .replace(placeRe, city)
        .replace(/(19|20)\d\d(?=年)/gu, () => String(year + Math.floor(rnd() * 3)))
        .replace(/\d+(\.\d+)?/gu, (m) => {
          if (/^(19|20)\d\d$/.test(m)) return m;
          const n = Number(m) * (0.5 + rnd());
          return m.includes('.') ? n.toFixed(1) : String(Math.max(1, Math.round(n)));
        });
    const topic = pick(pool.headings).replace(/^[一二三四五六七八九十、()（）\d.]+/u, '');
    const lines = [
      `${city}人民政府办公室关于进一步支持小微企业${topic || '发展'}的实施意见`,
      `${city.slice(0, 1)}政办发〔${year}〕${1 + Math.floor(rnd() * 150)}号`,
      '',
      vary(pick(pool.preambles)),
    ];
    let bytes = Buffer.byteLength(lines.join('\n'));
    for (let top = 0; top < TOP_LABELS.length && bytes < target; top++) {
      lines.push(`${TOP_LABELS[top]}、${vary(pick(pool.headings))}`);
      const subs = 2 + Math.floor(rnd() * 5);
      for (let s = 0; s < subs && bytes < target; s++) {
        const line = `(${SUB_LABELS[s]})${vary(pick(pool.measures))}`;
        lines.push(line);
        bytes += Buffer.byteLength(line) + 1;
      }
    }
    lines.push('', `${city}人民政府办公室`, `${year}年${1 + Math.floor(rnd() * 12)}月${1 + Math.floor(rnd() * 28)}日`, `(${province})`);
    const text = lines.join('\n') + '\n';
    const file = `${String(i).padStart(5, '0')}_${city}.txt`;
    const path = join(opts.outDir, file);
    const size = Buffer.byteLength(text);
    if (!existsSync(path) || readFileSync(path).length !== size) writeFileSync(path, text);
    files.push({ file, city, year, bytes: size });
    totalBytes += size;
  }
  return { files, totalBytes };
}

/** Where benchmarks keep generated data between runs (outside the repository). */
export function benchDir(): string {
  return process.env.POLICYLENS_BENCH_DIR ?? join(tmpdir(), 'policylens-bench');
}

/** The benchmark corpus size: 5,000 documents (≈ 50 MB) unless BENCH_DOCS says otherwise. */
export function benchSpec(): { documents: number; seed: number; corpusDir: string; databasePath: string } {
  const documents = Number(process.env.BENCH_DOCS ?? 5000);
  const seed = Number(process.env.BENCH_SEED ?? 42);
  const dir = benchDir();
  return { documents, seed, corpusDir: join(dir, `corpus-${documents}-${seed}`), databasePath: join(dir, `project-${documents}-${seed}.db`) };
}

/** Prints rows as an aligned text table. */
export function printTable(title: string, rows: Array<Record<string, string | number>>): void {
  console.log(`\n${title}`);
  if (!rows.length) return;
  const cols = Object.keys(rows[0]);
  const cell = (v: string | number) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(2)) : v);
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => [...cell(r[c] ?? '')].length)));
  const line = (vals: string[]) => vals.map((v, i) => v.padEnd(width[i] + (v.length - [...v].length))).join('  ');
  console.log(line(cols));
  console.log(line(width.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(cols.map((c) => cell(r[c] ?? ''))));
}
