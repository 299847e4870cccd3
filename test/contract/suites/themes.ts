import { expect, it } from 'vitest';
import type { ContractContext } from '../harness';

export function suite(ctx: ContractContext): void {
  it('themes: codes a clause, undoes and redoes it, with the same answers over every transport', async () => {
    const api = ctx.api();
    const [doc] = await api['documents.list']({});
    const rows = await api['themes.clauses']({ docId: doc.id });
    const row = rows.find((r) => r.themes.length > 0 && !r.themes.some((t) => t.id === 'credit_system'))!;
    const { codingId } = await api['themes.code']({ clauseId: row.clauseId, themeId: 'credit_system' });
    const coded = (await api['themes.clauses']({ docId: doc.id })).find((r) => r.clauseId === row.clauseId)!;
    expect(coded.themes.find((t) => t.id === 'credit_system')).toMatchObject({ codingId, status: 'accepted', source: 'manual' });
    const undone = await api['themes.undo']({});
    expect(undone.canRedo).toBe(true);
    expect((await api['themes.clauses']({ docId: doc.id })).find((r) => r.clauseId === row.clauseId)!.themes.some((t) => t.id === 'credit_system')).toBe(false);
    await api['themes.redo']({});
    expect((await api['themes.clauses']({ docId: doc.id })).find((r) => r.clauseId === row.clauseId)!.themes.some((t) => t.id === 'credit_system')).toBe(true);
  });

  it('themes: refuses a bad colour and an unknown theme with readable errors', async () => {
    const api = ctx.api();
    await expect(api['themes.update']({ id: 'talent', color: 'red' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(api['themes.delete']({ id: 'no_such_theme' })).rejects.toMatchObject({ code: 'not_found' });
  });
}
