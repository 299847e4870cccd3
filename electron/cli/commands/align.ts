import { type Command, requireId } from './types';

export const alignCommand: Command = {
  usage: 'align --db FILE DOC_A DOC_B — suggested links between two documents plus decisions; prints {links:[{a,b,score,status}]}',
  async run(backend, { positionals }) {
    if (positionals.length !== 2) throw new Error(`align needs exactly two document ids (DOC_A DOC_B), got ${positionals.length}.`);
    const [a, b] = positionals.map((p, i) => requireId(p, i === 0 ? 'DOC_A' : 'DOC_B'));
    const { links } = await backend.api.compare.align({ a: { docId: a, partIndex: null }, b: { docId: b, partIndex: null } });
    return { links: links.map((l) => ({ a: l.a, b: l.b, score: l.score, status: l.status, source: l.source, reasons: l.reasons })) };
  },
};
