import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedsDir } from '../contract/harness';
import { projectsPerTest } from '../support/projects';

const newProject = projectsPerTest();
const project = async (seeds = false) => (await newProject(seeds)).backend;
const importPaths = (b: Awaited<ReturnType<typeof project>>, paths: string[]) => b.api.documents.importPaths({ paths });

describe('importing', () => {
  it('imports a folder and reports an unchanged file as a duplicate', async () => {
    const b = await project();
    const first = await importPaths(b, [seedsDir]);
    expect(first.imported).toHaveLength(5);
    expect(first.errors).toEqual([]);
    const again = await importPaths(b, [join(seedsDir, '000_4d56af254ffdf8b7.txt')]);
    expect(again.duplicates).toHaveLength(1);
    expect(again.imported).toHaveLength(0);
  });

  it('re-import of a changed file updates it in place, keeps unchanged clause ids and hand-edited metadata', async () => {
    const b = await project();
    const dir = mkdtempSync(join(tmpdir(), 'policylens-reimport-'));
    const file = join(dir, 'haishu.txt');
    const original = readFileSync(join(seedsDir, '001_8cf9a6de749d0b9f.txt'), 'utf8');
    writeFileSync(file, original);
    const { imported } = await importPaths(b, [file]);
    const id = imported[0].id;
    const before = await b.api.documents.clauses({ id });
    await b.api.documents.updateMetadata({ id, fields: { issuer: '我改过的发文机关' } });
    writeFileSync(file, original.replace('深入贯彻党的十九大精神', '深入贯彻党的二十大精神'));
    const report = await importPaths(b, [file]);
    expect(report.updated.map((u) => u.id)).toEqual([id]);
    const after = await b.api.documents.clauses({ id });
    const changed = after.filter((c) => c.text.includes('二十大'));
    expect(changed).toHaveLength(1);
    const keptIds = after.filter((c) => !c.text.includes('二十大')).map((c) => c.id);
    expect(keptIds.every((x) => before.some((c) => c.id === x))).toBe(true);
    const doc = await b.api.documents.get({ id });
    expect(doc.issuer).toBe('我改过的发文机关');
  });

  it('bad files are reported one by one and change nothing, while the rest of the batch goes on', async () => {
    const b = await project();
    const dir = mkdtempSync(join(tmpdir(), 'policylens-bad-'));
    writeFileSync(join(dir, 'a-empty.txt'), '');
    writeFileSync(join(dir, 'b-random.pdf'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) % 251)));
    writeFileSync(join(dir, 'c-good.txt'), readFileSync(join(seedsDir, '004_f2cd8c3235b740c8.txt')));
    writeFileSync(join(dir, 'd-not-a-zip.docx'), 'PK? no, this is plain text');
    const report = await importPaths(b, [dir]);
    expect(report.imported.map((d) => d.file)).toEqual(['c-good.txt']);
    expect(report.errors.map((e) => e.file)).toEqual(['a-empty.txt', 'b-random.pdf', 'd-not-a-zip.docx']);
    for (const e of report.errors) expect(e.message.length).toBeGreaterThan(10);
    const tables = b.context.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number };
    expect(tables.n).toBe(1);
  });

  it('a missing path is an error in the report, not a crash', async () => {
    const b = await project();
    const report = await importPaths(b, ['/no/such/folder/policy.txt']);
    expect(report.errors[0].message).toMatch(/does not exist/);
  });

  it('deleting a document removes its clauses and citations', async () => {
    const b = await project(true);
    const [doc] = await b.api.documents.list({});
    await b.api.documents.delete({ id: doc.id });
    const left = b.context.db.prepare('SELECT count(*) AS n FROM clauses WHERE doc_id = ?').get(doc.id) as { n: number };
    expect(left.n).toBe(0);
  });

  it('links a cited 文号 to the document carrying it, whatever brackets and spaces it is printed with', async () => {
    const b = await project(true);
    const docs = await b.api.documents.list({});
    const target = docs.find((d) => d.docNumber === '青政发〔2012〕46号')!;
    const report = await b.api.documents.importFiles({
      files: [
        {
          name: 'citing.md',
          dataBase64: Buffer.from(
            '# 关于落实小微企业扶持政策的通知\n\n根据《关于贯彻落实国发〔2012〕14号文件进一步支持小型微型企业健康发展的意见》(青政发[2012]46 号)，特通知如下。\n\n一、加强组织领导\n\n各区市要落实责任。',
          ).toString('base64'),
        },
      ],
    });
    const citing = await b.api.documents.get({ id: report.imported[0].id });
    expect(citing.cited.find((c) => c.documentId === target.id)).toBeTruthy();
    const cited = await b.api.documents.get({ id: target.id });
    expect(cited.citedBy.map((c) => c.id)).toContain(citing.id);
  });
});
