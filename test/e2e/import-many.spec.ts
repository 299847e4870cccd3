// Importing several files from the Library: enough of them that the import analyses them on its
// worker threads (services/analysisPool.ts); the report lists each imported file and each bad
// one with its reason, and the documents open in the Reader.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus } from '../bench/corpus';
import { expect, test } from './fixtures';
import { LibraryPage } from './pages/library';

test('importing several files at once reports each and the documents open', async ({ app }) => {
  const dir = join(mkdtempSync(join(tmpdir(), 'policylens-e2e-many-')), 'corpus');
  generateCorpus({ documents: 5, seed: 9, outDir: dir });
  const files = readdirSync(dir)
    .sort()
    .map((name) => ({ name, mimeType: 'text/plain', buffer: readFileSync(join(dir, name)) }));
  const library = new LibraryPage(app.page);
  await library.importFiles([...files, { name: 'broken.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\nthis is not really a pdf') }]);
  await expect(app.page.getByTestId('import-report')).toContainText('Imported: 5');
  await expect(app.page.getByTestId('import-errors')).toContainText('broken.pdf');
  await library.expectDocuments(10);
});
