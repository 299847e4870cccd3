import { expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import type { ContractContext } from '../harness';

export function suite(ctx: ContractContext): void {
  it('attributes: creates one, sets it on every document in one step, filters by it, undoes, and refuses a bad value the same way', async () => {
    const api = ctx.api();
    const docs = await api['documents.list']({});
    // The suite shares one project per transport: a name of its own keeps it apart.
    const a = await api['attributes.create']({ name: `东中西部 ${ctx.transport}`, type: 'choice', options: ['东部', '西部'] });
    const set = await api['attributes.set']({ docIds: docs.map((d) => d.id), values: [{ attributeId: a.id, value: '东部' }] });
    expect(set).toMatchObject({ changed: docs.length, canUndo: true });
    expect((await api['attributes.match']({ filters: [{ attributeId: a.id, values: ['东部'] }] })).docIds).toEqual(docs.map((d) => d.id).sort((x, y) => x - y));
    expect(ctx.events().some((e) => e.type === 'changed' && e.topic === 'attributes')).toBe(true);
    const bad = await api['attributes.set']({ docIds: [docs[0].id], values: [{ attributeId: a.id, value: '北部' }] }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ApiError);
    expect(bad).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('北部') });
    const undone = await api['attributes.undo']({});
    expect(undone.done).toContain('东部');
    expect((await api['attributes.match']({ filters: [{ attributeId: a.id, values: [''] }] })).docIds.length).toBe(docs.length);
  });
}
