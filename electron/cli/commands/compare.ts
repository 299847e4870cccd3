import { type Command, requireId } from './types';

/** `compare --db F --docs ID,ID[,…] [--name N]`: creates a comparison of whole documents; prints {"id"}. */
export const compareCommand: Command = {
  usage: 'compare --db FILE --docs ID,ID[,…] [--name N] — create a comparison; prints {"id"}',
  async run(backend, { options }) {
    const ids = (options.docs ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (ids.length < 2) throw new Error('compare needs --docs with at least two document ids, e.g. --docs 1,2.');
    const docIds = ids.map((s) => requireId(s, '--docs'));
    const name = options.name && options.name !== 'true' ? options.name : `Comparison of ${docIds.join(', ')}`;
    const created = await backend.api.compare.create({ name, members: docIds.map((docId) => ({ docId, partIndex: null })) });
    return { id: created.id };
  },
};
