import { expect, it } from 'vitest';
import type { ContractContext } from '../harness';

export function suite(ctx: ContractContext): void {
  it('annotations: creates, saves and lists a clause note', async () => {
    const api = ctx.api();
    const [doc] = await api['documents.list']({});
    const clause = (await api['documents.clauses']({ id: doc.id })).find((c) => c.kind === 'measure')!;
    const note = await api['notes.create']({ target: { kind: 'clause', docId: doc.id, clauseId: clause.id } });
    const content = JSON.stringify({
      root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text: `契约测试${ctx.transport}`, format: 1 }] }] },
    });
    const saved = await api['notes.save']({ id: note.id, content });
    expect(saved.revision).toBe(note.revision + 1);
    const found = await api['notes.list']({ q: `契约测试${ctx.transport}` });
    expect(found.map((n) => n.id)).toEqual([note.id]);
    expect(found[0].context.clausePath).toBe(clause.path);
  });
}
