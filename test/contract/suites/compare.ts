import { expect, it } from 'vitest';
import type { ContractContext } from '../harness';

export function suite(ctx: ContractContext): void {
  it('compare: creates a comparison, shows aligned links, keeps a decision, finds where else', async () => {
    const api = ctx.api();
    const docs = await api['documents.list']({});
    const [qd, wz] = ['000_4d56af254ffdf8b7.txt', '002_9b49f850c7a45ea9.txt'].map((f) => docs.find((d) => d.file === f)!);
    const c = await api['compare.create']({
      name: `对比${ctx.transport}`,
      members: [
        { docId: qd.id, partIndex: null },
        { docId: wz.id, partIndex: null },
      ],
    });
    expect((await api['compare.list']({})).some((x) => x.id === c.id)).toBe(true);
    const view = await api['compare.view']({ id: c.id });
    expect(view.columns.map((col) => col.docId)).toEqual([qd.id, wz.id]);
    const link = view.links.find((l) => l.status === 'suggested')!;
    const decided = await api['compare.decide']({ a: link.a, b: link.b, status: 'confirmed' });
    expect(decided.status).toBe('confirmed');
    const again = await api['compare.view']({ id: c.id });
    expect(again.links.find((l) => l.a === link.a && l.b === link.b)?.status).toBe('confirmed');
    const where = await api['compare.whereElse']({ clauseId: link.a, limit: 5 });
    expect(where.hits.length).toBeGreaterThan(0);
    await expect(api['compare.decide']({ a: link.a, b: link.a, status: 'confirmed' })).rejects.toMatchObject({ code: 'invalid_input' });
    await api['compare.unlink']({ a: link.a, b: link.b });
    await api['compare.delete']({ id: c.id });
  });
}
