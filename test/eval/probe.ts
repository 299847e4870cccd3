// Development probe: the metadata the pipeline reads from files, without a project.
//   npx tsx test/eval/probe.ts FILE…
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { extractFile } from '../../electron/backend/importers';
import { analyseDocument } from '../../shared/domain/analyze';

for (const path of process.argv.slice(2)) {
  const extracted = await extractFile(basename(path), new Uint8Array(readFileSync(path)));
  const a = analyseDocument(extracted, basename(path));
  const { citedDocNumbers, ...m } = a.metadata;
  console.log(
    basename(path),
    JSON.stringify({
      ...m,
      cited: citedDocNumbers.length,
      parts: a.parts.map((p) => p.title),
      clauses: a.clauses.filter((c) => c.kind !== 'preamble' && c.kind !== 'part').length,
    }),
  );
  if (process.env.SHOW) console.log(a.cleaned.slice(0, Number(process.env.SHOW)));
}
