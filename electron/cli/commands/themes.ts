import { type Command, requireId } from './types';

/**
 * `themes --db F --doc ID`: per clause, the instrument class and the themes (suggested, accepted
 * and rejected, manual codings included), in the shape of ../shared/eval/README.md. Range codings
 * are listed under their clause as accepted manual themes too.
 */
export const themesCommand: Command = {
  usage: 'themes --db FILE --doc ID — instrument class and themes of every clause',
  async run(backend, { options }) {
    const rows = await backend.api.themes.clauses({ docId: requireId(options.doc, '--doc') });
    return rows.map((r) => {
      const themes = r.themes.map((t) => ({ id: t.id, score: t.score, status: t.status, source: t.source }));
      for (const range of r.ranges) {
        if (!themes.some((t) => t.id === range.themeId)) themes.push({ id: range.themeId, score: 1, status: 'accepted', source: 'manual' });
      }
      return { clauseId: r.clauseId, instrument: r.instrument, themes };
    });
  },
};
