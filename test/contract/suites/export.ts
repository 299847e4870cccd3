import { existsSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import type { ContractContext } from '../harness';

export function suite(ctx: ContractContext): void {
  it('export: a comparison of two seeds as HTML into the exports folder, with progress, never overwriting unasked', async () => {
    const api = ctx.api();
    const docs = await api['documents.list']({});
    const cmp = await api['compare.create']({ name: `导出 ${ctx.transport}`, members: docs.slice(0, 2).map((d) => ({ docId: d.id, partIndex: null })) });
    const taskId = `export-${ctx.transport}`;
    const fileName = `contract ${ctx.transport}`;
    const res = await api['export.comparison']({ comparisonId: cmp.id, format: 'html', fileName, taskId });
    expect(res.downloadName).toBe(`${fileName}.html`);
    expect(res.bytes).toBeGreaterThan(1000);
    const html = readFileSync(res.path, 'utf8');
    expect(html).toContain(`导出 ${ctx.transport}`);
    expect(html).not.toMatch(/<script/i);
    const firstClause = (await api['documents.clauses']({ id: docs[0].id })).find((c) => c.kind === 'measure')!;
    expect(html).toContain(docs[0].title!);
    expect(firstClause.text.length).toBeGreaterThan(0);
    expect(ctx.events().some((e) => e.type === 'progress' && e.taskId === taskId && e.done === e.total)).toBe(true);

    const clash = await api['export.comparison']({ comparisonId: cmp.id, format: 'md', fileName: res.downloadName! }).catch((e) => e);
    // Same name with another extension is another file; the same file name is a conflict.
    expect(clash).not.toBeInstanceOf(ApiError);
    const again = await api['export.comparison']({ comparisonId: cmp.id, format: 'html', fileName }).catch((e) => e);
    expect(again).toBeInstanceOf(ApiError);
    expect((again as ApiError).code).toBe('conflict');
    const replaced = await api['export.comparison']({ comparisonId: cmp.id, format: 'html', fileName, overwrite: true });
    expect(existsSync(replaced.path)).toBe(true);
  });

  it('export: unknown comparison and a file that is not a .qdpx fail clearly', async () => {
    const api = ctx.api();
    const missing = await api['export.comparison']({ comparisonId: 999_999, format: 'md', fileName: 'x' }).catch((e) => e);
    expect((missing as ApiError).code).toBe('not_found');
    const bad = await api['project.importQdpx']({ file: { name: 'x.qdpx', dataBase64: Buffer.from('plain text').toString('base64') } }).catch((e) => e);
    expect((bad as ApiError).code).toBe('bad_file');
    expect((bad as ApiError).message).toMatch(/zip/);
  });
}
