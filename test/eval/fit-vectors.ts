// Word vectors for the aligner's semantic signal (shared/domain/align/semantic.ts), learned from
// ../shared/corpus without network: latent semantic analysis of the word × article matrix.
// - articles: every paragraph of the body of every laws/*.md and policies/*.txt file;
// - words: Intl.Segmenter words of two or more characters (as the aligner segments them), the
//   16,000 most frequent that occur in at least 5 articles;
// - weights: (1 + log tf) × log(N / df), rows L2-normalised;
// - truncated SVD by randomized subspace iteration (Halko et al.): 80 random directions, three
//   power iterations with re-orthonormalisation, then the exact eigen-decomposition of the small
//   projected matrix (Jacobi). The first component (what every legal text shares) is dropped;
//   the next 64, scaled by their singular values and L2-normalised per word, are the vectors.
// Run `npx tsx test/eval/fit-vectors.ts` (≈ 3 min), then `npm run fit:align`: the vectors feed a
// feature of the model, so the model is refitted after them.
// Measured and not shipped (2026-12-07, dev CV over 3 fold assignments, 56 training pairs, the
// model with four further features since dropped, all/plan/regulation F1): shipped vectors
// 76.6/50.0/76.2; VECTORS_REPORTS=1 (the 135 work reports, reports/*.docx, added to the articles:
// 9,878 words) 76.1/48.7/76.0; VECTORS_DIMS=128 (twice the file) 76.7/49.8/76.4.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeVectors } from '../../shared/domain/align/semantic';
import { wordsOf } from '../../shared/domain/align/words';

const vocabSize = 16_000,
  dims = Number(process.env.VECTORS_DIMS ?? 64),
  drop = 1,
  oversample = 16,
  powerIterations = 3,
  minArticles = 5;

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir)
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? files(p, ext) : ext.test(f) ? [p] : [];
    })
    .sort();
}

/** A deterministic generator, so a refit on the same corpus gives the same vectors. */
function gaussian(seed: number): () => number {
  let s = seed >>> 0;
  const u = () => ((s = (Math.imul(s ^ (s >>> 15), 2246822519) + 0x9e3779b9) >>> 0) + 1) / 4294967297;
  return () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
}

/** Modified Gram–Schmidt on the columns of a rows × l matrix (row-major), in place. */
function orthonormalise(Y: Float64Array, rows: number, l: number): void {
  for (let j = 0; j < l; j++) {
    for (let q = 0; q < j; q++) {
      let d = 0;
      for (let r = 0; r < rows; r++) d += Y[r * l + j] * Y[r * l + q];
      for (let r = 0; r < rows; r++) Y[r * l + j] -= d * Y[r * l + q];
    }
    let n = 0;
    for (let r = 0; r < rows; r++) n += Y[r * l + j] ** 2;
    n = Math.sqrt(n) || 1;
    for (let r = 0; r < rows; r++) Y[r * l + j] /= n;
  }
}

/** Eigen-decomposition of a symmetric l × l matrix by cyclic Jacobi rotations: values and vectors (columns of V). */
function jacobi(M: Float64Array, l: number): { values: number[]; V: Float64Array } {
  const A = M.slice(),
    V = new Float64Array(l * l);
  for (let i = 0; i < l; i++) V[i * l + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < l; p++) for (let q = p + 1; q < l; q++) off += A[p * l + q] ** 2;
    if (off < 1e-18) break;
    for (let p = 0; p < l; p++)
      for (let q = p + 1; q < l; q++) {
        const apq = A[p * l + q];
        if (Math.abs(apq) < 1e-15) continue;
        const theta = (A[q * l + q] - A[p * l + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1),
          s = t * c;
        for (let k = 0; k < l; k++) {
          const akp = A[k * l + p],
            akq = A[k * l + q];
          A[k * l + p] = c * akp - s * akq;
          A[k * l + q] = s * akp + c * akq;
        }
        for (let k = 0; k < l; k++) {
          const apk = A[p * l + k],
            aqk = A[q * l + k];
          A[p * l + k] = c * apk - s * aqk;
          A[q * l + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < l; k++) {
          const vkp = V[k * l + p],
            vkq = V[k * l + q];
          V[k * l + p] = c * vkp - s * vkq;
          V[k * l + q] = s * vkp + c * vkq;
        }
      }
  }
  return { values: Array.from({ length: l }, (_, i) => A[i * l + i]), V };
}

export function buildVectors(corpusDir: string, log: (s: string) => void = console.error, extra: Array<{ path: string; text: string }> = []) {
  const t0 = performance.now();
  const articles: string[][] = [];
  const paths = [...files(join(corpusDir, 'laws'), /\.md$/u), ...files(join(corpusDir, 'policies'), /\.txt$/u), ...extra.map((e) => e.path)];
  const given = new Map(extra.map((e) => [e.path, e.text]));
  for (const p of paths) {
    let text = given.get(p) ?? readFileSync(p, 'utf8');
    const info = text.indexOf('<!-- INFO END -->');
    if (info >= 0) text = text.slice(info);
    for (const line of text.split('\n')) {
      if (line.startsWith('#') || line.length < 8) continue;
      const ws = wordsOf(line.normalize('NFKC')).filter((w) => w.length >= 2 && w !== '0');
      if (ws.length >= 3) articles.push(ws);
    }
  }
  log(`vectors: ${paths.length} files, ${articles.length} articles segmented in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  const freq = new Map<string, number>(),
    df = new Map<string, number>();
  for (const a of articles) {
    for (const w of a) freq.set(w, (freq.get(w) ?? 0) + 1);
    for (const w of new Set(a)) df.set(w, (df.get(w) ?? 0) + 1);
  }
  const vocab = [...freq.entries()]
    .filter(([w]) => (df.get(w) ?? 0) >= minArticles)
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, vocabSize)
    .map(([w]) => w);
  const index = new Map(vocab.map((w, k) => [w, k]));
  const V = vocab.length,
    N = articles.length,
    l = dims + drop + oversample;
  // CSR by word: the articles each word occurs in, with its weight there.
  const rowsOf: Array<Array<[number, number]>> = vocab.map(() => []);
  articles.forEach((a, c) => {
    const tf = new Map<number, number>();
    for (const w of a) {
      const r = index.get(w);
      if (r !== undefined) tf.set(r, (tf.get(r) ?? 0) + 1);
    }
    for (const [r, n] of tf) rowsOf[r].push([c, (1 + Math.log(n)) * Math.log(N / df.get(vocab[r])!)]);
  });
  const ptr = new Int32Array(V + 1);
  rowsOf.forEach((r, k) => {
    ptr[k + 1] = ptr[k] + r.length;
  });
  const col = new Int32Array(ptr[V]),
    val = new Float64Array(ptr[V]);
  rowsOf.forEach((r, k) => {
    let n = 0;
    for (const [, v] of r) n += v * v;
    n = Math.sqrt(n) || 1;
    r.forEach(([c, v], t) => {
      col[ptr[k] + t] = c;
      val[ptr[k] + t] = v / n;
    });
  });
  log(`vectors: ${V} words × ${N} articles, ${ptr[V]} non-zero`);
  // A·X (X: N × l) and Aᵀ·Y (Y: V × l), row-major.
  const times = (X: Float64Array) => {
    const Y = new Float64Array(V * l);
    for (let r = 0; r < V; r++)
      for (let t = ptr[r]; t < ptr[r + 1]; t++) {
        const v = val[t],
          c = col[t] * l;
        for (let j = 0; j < l; j++) Y[r * l + j] += v * X[c + j];
      }
    return Y;
  };
  const timesT = (Y: Float64Array) => {
    const X = new Float64Array(N * l);
    for (let r = 0; r < V; r++)
      for (let t = ptr[r]; t < ptr[r + 1]; t++) {
        const v = val[t],
          c = col[t] * l;
        for (let j = 0; j < l; j++) X[c + j] += v * Y[r * l + j];
      }
    return X;
  };
  const g = gaussian(20261206);
  const omega = new Float64Array(N * l).map(() => g());
  let Y = times(omega);
  orthonormalise(Y, V, l);
  for (let it = 0; it < powerIterations; it++) {
    Y = times(timesT(Y));
    orthonormalise(Y, V, l);
  }
  // B = Qᵀ A (l × N); the small matrix B Bᵀ = Qᵀ A Aᵀ Q has the squared singular values.
  const Bt = timesT(Y); // N × l, = (Qᵀ A)ᵀ
  const C = new Float64Array(l * l);
  for (let c = 0; c < N; c++)
    for (let i = 0; i < l; i++) {
      const x = Bt[c * l + i];
      if (x) for (let j = 0; j < l; j++) C[i * l + j] += x * Bt[c * l + j];
    }
  const { values, V: E } = jacobi(C, l);
  const order = values
    .map((v, i) => ({ v, i }))
    .sort((x, y) => y.v - x.v)
    .slice(drop, drop + dims);
  const rows: Float32Array[] = [];
  for (let r = 0; r < V; r++) {
    const out = new Float32Array(dims);
    order.forEach(({ v, i }, d) => {
      let u = 0;
      for (let q = 0; q < l; q++) u += Y[r * l + q] * E[q * l + i];
      out[d] = u * Math.sqrt(Math.max(v, 0));
    });
    let n = 0;
    for (const x of out) n += x * x;
    n = Math.sqrt(n) || 1;
    rows.push(out.map((x) => x / n));
  }
  log(
    `vectors: singular values ${order
      .slice(0, 5)
      .map((o) => Math.sqrt(o.v).toFixed(2))
      .join(', ')} …; ${((performance.now() - t0) / 1000).toFixed(0)} s in all`,
  );
  return encodeVectors(
    vocab,
    rows,
    dims,
    `LSA of ${N} articles of ${paths.length} files of ../shared/corpus (laws, policies${extra.length ? ', reports' : ''}): ${V} words, components ${drop + 1}–${drop + dims} of a randomized SVD`,
  );
}

export function writeVectors(corpusDir: string, out: string, log?: (s: string) => void, extra: Array<{ path: string; text: string }> = []): void {
  writeFileSync(out, JSON.stringify(buildVectors(corpusDir, log, extra)) + '\n');
}

/** The work reports (reports/*.docx): plan-shaped text (tasks, measures) that the laws and policies lack. */
async function reportTexts(corpusDir: string): Promise<Array<{ path: string; text: string }>> {
  const { extractFile } = await import('../../electron/backend/importers');
  const out: Array<{ path: string; text: string }> = [];
  for (const p of files(join(corpusDir, 'reports'), /\.docx$/u))
    out.push({ path: p, text: (await extractFile(basename(p), new Uint8Array(readFileSync(p)))).text });
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
  const corpus = resolve(root, '..', 'shared', 'corpus');
  writeVectors(corpus, join(root, 'shared/domain/align/vectors.json'), console.error, process.env.VECTORS_REPORTS === '1' ? await reportTexts(corpus) : []);
}
