import { type Command, requireId } from './types';

export const whereElseCommand: Command = {
  usage:
    'where-else --db FILE --clause ID [--limit N] — the most similar clauses in the whole project, content before boilerplate; prints {hits:[{clauseId,docId,title,city,year,path,text,score,boilerplate,reasons}], candidates}',
  async run(backend, { options }) {
    const clauseId = requireId(options.clause, '--clause');
    const limit = options.limit == null ? undefined : Number(options.limit);
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > 100))
      throw new Error(`--limit must be a whole number from 1 to 100, got ${JSON.stringify(options.limit)}.`);
    return backend.api.compare.whereElse({ clauseId, ...(limit ? { limit } : {}) });
  },
};
