import type { ExportModel } from '../model';

/**
 * Everything as JSON: documents with their metadata, cleaned text and clauses, the codebook,
 * codings, annotations (Lexical JSON kept as the editor stored it) and comparisons. A format
 * for scripts (R, Python) and for keeping a readable copy beside the backup.
 */
export function modelToJson(model: ExportModel): Buffer {
  const annotations = model.annotations.map((a) => {
    let lexical: unknown = a.lexical;
    if (typeof lexical === 'string') {
      try {
        lexical = JSON.parse(lexical);
      } catch {
        // Keep the text as stored.
      }
    }
    return { ...a, lexical };
  });
  const out = { format: 'policylens-export', formatVersion: 1, ...model, annotations };
  return Buffer.from(JSON.stringify(out, null, 2) + '\n', 'utf8');
}
