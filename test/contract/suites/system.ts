import { expect, it } from 'vitest';
import type { ContractContext } from '../harness';

export function suite(ctx: ContractContext): void {
  it('tells where it runs and how many documents there are', async () => {
    const info = await ctx.api()['system.info']({});
    expect(info.mode).toBe('browser');
    expect(info.documentCount).toBeGreaterThanOrEqual(5);
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('reports progress of an import as events with the caller’s task id', async () => {
    const report = await ctx.api()['documents.importFiles']({
      files: [{ name: 'contract-note.md', dataBase64: Buffer.from('# 关于测试进度的通知\n\n一、总则\n\n本通知用于测试。').toString('base64') }],
      taskId: `progress-${ctx.transport}`,
    });
    expect(report.imported).toHaveLength(1);
    await expect.poll(() => ctx.events().filter((e) => e.type === 'progress' && e.taskId === `progress-${ctx.transport}`).length).toBeGreaterThanOrEqual(2);
    await expect.poll(() => ctx.events().some((e) => e.type === 'changed' && e.topic === 'documents')).toBe(true);
  });
}
