// Metadata edited by hand has length limits in the contract: a 20 MB title is refused with a
// message that names the field and the limit, and nothing changes.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/errors';
import { freshProject } from '../contract/harness';

describe('metadata field limits', () => {
  it('refuses an over-long title, issuer or 文号 and keeps the old values; accepts ordinary ones', async () => {
    const p = await freshProject();
    try {
      const [doc] = await p.backend.api.documents.list({});
      for (const [field, size, label] of [
        ['title', 20 * 1024 * 1024, 'A title'],
        ['issuer', 301, 'An issuer'],
        ['docNumber', 101, 'A 文号'],
      ] as const) {
        const err = await p.backend.api.documents.updateMetadata({ id: doc.id, fields: { [field]: '长'.repeat(size) } }).then(
          () => null,
          (e: ApiError) => e,
        );
        expect(err?.code).toBe('invalid_input');
        expect(err?.message).toContain(`fields.${field}: ${label} can be at most`);
      }
      const after = await p.backend.api.documents.get({ id: doc.id });
      expect(after.title).toBe(doc.title);
      const ok = await p.backend.api.documents.updateMetadata({ id: doc.id, fields: { title: '关于支持小微企业发展的若干措施', issuer: null } });
      expect(ok.title).toBe('关于支持小微企业发展的若干措施');
    } finally {
      p.dispose();
    }
  });
});
