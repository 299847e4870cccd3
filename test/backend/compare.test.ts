import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import { decodeSketches, signatureOf } from '../../electron/backend/compare/bands';
import type { Output } from '../../shared/api/contract';
import { bandSketch } from '../../shared/domain/similar';
import { commands } from '../../electron/cli/commands';
import { seedsDir } from '../contract/harness';
import { projectsPerTest } from '../support/projects';

const newProject = projectsPerTest();
const project = async (seeds = true) => (await newProject(seeds)).backend;
const docByFile = async (b: Backend, file: string) => (await b.api.documents.list({})).find((d) => d.file === file)!;

describe('compare backend', () => {
  it('keeps decisions over re-alignment: confirmed and rejected links stay, a hand-made link appears, unlink forgets', async () => {
    const b = await project();
    const qd = await docByFile(b, '000_4d56af254ffdf8b7.txt');
    const wz = await docByFile(b, '002_9b49f850c7a45ea9.txt');
    const align = () => b.api.compare.align({ a: { docId: qd.id, partIndex: null }, b: { docId: wz.id, partIndex: null } });
    const first = (await align()).links;
    expect(first.length).toBeGreaterThan(5);
    expect(first.every((l) => l.status === 'suggested' && l.score! > 0 && l.reasons.length > 0)).toBe(true);
    const [x, y] = first;
    await b.api.compare.decide({ a: x.a, b: x.b, status: 'confirmed' });
    await b.api.compare.decide({ a: y.a, b: y.b, status: 'rejected' });
    // A pair the aligner does not suggest, linked by hand.
    const qdClauses = await b.api.documents.clauses({ id: qd.id });
    const wzClauses = await b.api.documents.clauses({ id: wz.id });
    const lone = qdClauses.find((c) => c.kind === 'measure' && !first.some((l) => l.a === c.id))!;
    const other = wzClauses.find((c) => c.kind === 'measure')!;
    const manual = await b.api.compare.decide({ a: lone.id, b: other.id, status: 'confirmed' });
    expect(manual.source).toBe('manual');
    const again = (await align()).links;
    const status = (a: number, bb: number) => again.find((l) => l.a === a && l.b === bb)?.status;
    expect(status(x.a, x.b)).toBe('confirmed');
    expect(status(y.a, y.b)).toBe('rejected');
    expect(status(lone.id, other.id)).toBe('confirmed');
    await b.api.compare.unlink({ a: lone.id, b: other.id });
    expect((await align()).links.some((l) => l.a === lone.id && l.b === other.id)).toBe(false);
  });

  it('creates, lists, renames, deletes with undo, and views a comparison of whole documents and parts', async () => {
    const b = await project();
    const qd = await docByFile(b, '000_4d56af254ffdf8b7.txt');
    const wz = await docByFile(b, '002_9b49f850c7a45ea9.txt');
    expect(wz.parts.length).toBe(4);
    const c = await b.api.compare.create({
      name: '青岛 vs 温州',
      members: [
        { docId: qd.id, partIndex: null },
        { docId: wz.id, partIndex: 3 },
      ],
    });
    expect(c.members[1].title).toBe(wz.parts[3].title);
    const view = await b.api.compare.view({ id: c.id });
    expect(view.columns).toHaveLength(2);
    const partIds = new Set(view.columns[1].clauses.map((cl) => cl.id));
    expect(view.links.length).toBeGreaterThan(0);
    expect(view.links.every((l) => partIds.has(l.b))).toBe(true);
    expect(view.columns[0].clauses.filter((cl) => cl.kind === 'preamble').every((cl) => !cl.alignable)).toBe(true);
    await b.api.compare.rename({ id: c.id, name: '青岛 vs 温州(市场主体)' });
    await b.api.compare.delete({ id: c.id });
    expect(await b.api.compare.list({})).toHaveLength(0);
    await expect(b.api.compare.view({ id: c.id })).rejects.toMatchObject({ code: 'not_found' });
    await b.api.compare.restore({ id: c.id });
    expect((await b.api.compare.list({})).map((x) => x.name)).toEqual(['青岛 vs 温州(市场主体)']);
  });

  it('refuses bad comparisons with clear messages and changes nothing', async () => {
    const b = await project();
    const qd = await docByFile(b, '000_4d56af254ffdf8b7.txt');
    await expect(b.api.compare.create({ name: 'x', members: [{ docId: qd.id, partIndex: null }] })).rejects.toThrow(/at least two/);
    await expect(
      b.api.compare.create({
        name: 'x',
        members: [
          { docId: qd.id, partIndex: null },
          { docId: 9999, partIndex: null },
        ],
      }),
    ).rejects.toThrow(/9999/);
    await expect(
      b.api.compare.create({
        name: 'x',
        members: [
          { docId: qd.id, partIndex: null },
          { docId: qd.id, partIndex: null },
        ],
      }),
    ).rejects.toThrow(/twice/);
    const wz = await docByFile(b, '002_9b49f850c7a45ea9.txt');
    await expect(
      b.api.compare.create({
        name: 'x',
        members: [
          { docId: qd.id, partIndex: null },
          { docId: wz.id, partIndex: 7 },
        ],
      }),
    ).rejects.toThrow(/no part 8/);
    await expect(
      b.api.compare.create({
        name: 'x',
        members: [
          { docId: wz.id, partIndex: null },
          { docId: wz.id, partIndex: 1 },
        ],
      }),
    ).rejects.toThrow(/whole document and one of its parts/);
    expect(await b.api.compare.list({})).toHaveLength(0);
  });

  it('finds where else a clause appears, across documents, from the index built at import', async () => {
    const b = await project();
    const q12 = await docByFile(b, '003_52b9eff8da68288c.txt');
    const wz = await docByFile(b, '002_9b49f850c7a45ea9.txt');
    const clause = (await b.api.documents.clauses({ id: q12.id })).find((c) => c.text.includes('实施大学生创业引领计划'))!;
    const { hits } = await b.api.compare.whereElse({ clauseId: clause.id });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.clauseId !== clause.id)).toBe(true);
    expect(hits.slice(0, 5).some((h) => h.docId === wz.id && h.text.includes('大学生创业引领计划'))).toBe(true);
    // Content first, best first; boilerplate (if any) after every content hit.
    const content = hits.filter((h) => !h.boilerplate);
    expect(hits.slice(0, content.length)).toEqual(content);
    expect(content.map((h) => h.score)).toEqual([...content.map((h) => h.score)].sort((x, y) => y - x));
    // Signatures are computed from the clause texts; each signed clause has its band sketch.
    const db = b.context.db;
    const signed = b.context.documents.clauses(wz.id).flatMap((c) => {
      const sig = signatureOf(c);
      return sig ? [{ clause_id: c.id, sketch: bandSketch(sig) }] : [];
    });
    expect(signed.length).toBeGreaterThan(20);
    // Its sketches go with it: no stored sketch names its clauses any more.
    const stored = () =>
      new Map(
        (db.prepare('SELECT sketch FROM clause_sketches').pluck().all() as Uint8Array[]).flatMap((blob) =>
          decodeSketches(blob).map((r) => [r.clauseId, [...r.sketch]]),
        ),
      );
    const stillBanded = () => signed.filter((r) => JSON.stringify(stored().get(r.clause_id)) === JSON.stringify([...r.sketch]));
    expect(stillBanded()).toHaveLength(signed.length);
    await b.api.documents.delete({ id: wz.id });
    expect(stillBanded()).toEqual([]);
  });

  it('ranks content over boilerplate in "where else" and in alignment, and answers the where-else CLI command', async () => {
    const b = await project(false);
    const dir = mkdtempSync(join(tmpdir(), 'policylens-boilerplate-'));
    const topics = [
      '设立小微企业贷款风险补偿资金，对合作银行发放的小微企业贷款损失给予补偿',
      '推行企业简易注销程序，对未开业企业实行简易注销',
      '建设大型科研仪器共享平台，向中小企业开放科研设施',
      '对新招用高校毕业生的小微企业给予社会保险补贴',
      '支持企业开拓国际市场，对参加境外展会给予展位费补助',
      '实施商标品牌战略，对获得驰名商标的企业给予奖励',
      '推进工业用地弹性出让，降低企业用地成本',
    ];
    const openers = [
      '加强组织领导，建立市级工作协调机制',
      '完善统计监测，按季度发布运行分析',
      '开展专项督查，将落实情况纳入年度考核',
      '加大宣传力度，选树一批先进典型',
      '优化审批流程，压缩办理时限至三个工作日',
      '建立企业服务专员制度，一对一走访企业',
      '设立企业诉求热线，限时办结企业投诉',
    ];
    const files = topics.map((t, k) => {
      const f = join(dir, `plan-${k}.txt`);
      // Each plan: an opening measure of its own, its own measure, one shared with the next plan, and the same closing formula.
      writeFileSync(
        f,
        `关于支持企业发展的若干措施（${k}）\n一、${openers[k]}。\n二、${t}。\n三、${topics[(k + 1) % topics.length]}，具体办法另行制定。\n四、${openers[(k + 3) % openers.length]}，确保各项措施落地见效。\n五、本措施自2021年1月1日起施行，由市发展和改革委员会负责解释。\n`,
      );
      return f;
    });
    await b.api.documents.importPaths({ paths: files });
    const docs = await b.api.documents.list({});
    const clausesOf = async (file: string) => b.api.documents.clauses({ id: docs.find((d) => d.file === file)!.id });
    const first = await clausesOf('plan-0.txt');
    const measure = first.find((c) => c.text.includes('风险补偿'))!;
    const formula = first.find((c) => c.text.includes('负责解释'))!;
    const { hits } = await b.api.compare.whereElse({ clauseId: measure.id });
    expect(hits[0]).toMatchObject({ boilerplate: false });
    expect(hits[0].text).toContain('风险补偿');
    const firstBoilerplate = hits.findIndex((h) => h.boilerplate);
    if (firstBoilerplate >= 0) expect(hits.slice(firstBoilerplate).every((h) => h.boilerplate)).toBe(true);
    const fromFormula = await b.api.compare.whereElse({ clauseId: formula.id });
    expect(fromFormula.hits.length).toBeGreaterThanOrEqual(5);
    expect(fromFormula.hits.every((h) => h.boilerplate)).toBe(true);

    const { links } = await b.api.compare.align({
      a: { docId: docs.find((d) => d.file === 'plan-0.txt')!.id, partIndex: null },
      b: { docId: docs.find((d) => d.file === 'plan-1.txt')!.id, partIndex: null },
    });
    const formulaLink = links.findIndex((l) => l.a === formula.id);
    expect(links[0].boilerplate).toBe(false);
    if (formulaLink >= 0) expect(links[formulaLink].boilerplate).toBe(true);
    expect(links.slice(0, Math.max(0, formulaLink)).every((l) => !l.boilerplate)).toBe(true);

    const out = (await commands['where-else'].run(b, { options: { clause: String(measure.id), limit: '3' }, positionals: [] })) as Output<'compare.whereElse'>;
    expect(out.hits.length).toBeLessThanOrEqual(3);
    expect(out.hits[0].clauseId).toBe(hits[0].clauseId);
    await expect(commands['where-else'].run(b, { options: {}, positionals: [] })).rejects.toThrow(/--clause/);
  });

  it('keeps decisions when a changed file is re-imported', async () => {
    const b = await project(false);
    const dir = mkdtempSync(join(tmpdir(), 'policylens-compare-reimport-'));
    const fa = join(dir, 'a.txt');
    const original = readFileSync(join(seedsDir, '000_4d56af254ffdf8b7.txt'), 'utf8');
    writeFileSync(fa, original);
    const report = await b.api.documents.importPaths({ paths: [fa, join(seedsDir, '003_52b9eff8da68288c.txt')] });
    const [a, c] = report.imported.map((d) => d.id);
    const links = (await b.api.compare.align({ a: { docId: a, partIndex: null }, b: { docId: c, partIndex: null } })).links;
    await b.api.compare.decide({ a: links[0].a, b: links[0].b, status: 'rejected' });
    writeFileSync(fa, original.replace('青岛市小微企业', '青岛市 小微企业') + '\n附:本方案自发布之日起施行。\n');
    const again = await b.api.documents.importPaths({ paths: [fa] });
    expect(again.updated).toHaveLength(1);
    const after = (await b.api.compare.align({ a: { docId: a, partIndex: null }, b: { docId: c, partIndex: null } })).links;
    expect(after.filter((l) => l.status === 'rejected')).toHaveLength(1);
  });
});
