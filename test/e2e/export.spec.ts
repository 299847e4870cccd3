import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { hostApi } from './pages/api';
import { ExportDialog } from './pages/export';

test('exports a comparison from the dialog, downloads it, and asks before replacing', async ({ app, host }) => {
  const docs = await hostApi(host).documents.list({});
  const cmp = await hostApi(host).compare.create({ name: '端到端导出', members: docs.slice(0, 2).map((d) => ({ docId: d.id, partIndex: null })) });
  const dialog = new ExportDialog(app.page);

  await dialog.openFor(cmp.id);
  await expect(app.page.getByTestId('export-comparison')).toHaveValue(String(cmp.id));
  await dialog.choose({ format: 'md', fileName: 'e2e report', locale: 'zh-CN' });
  const first = await dialog.exportAndDownload();
  expect(first.suggestedFilename()).toBe('e2e report.md');
  const md = readFileSync((await first.path())!, 'utf8');
  expect(md).toContain('# 端到端导出');
  expect(md).toContain(docs[0].title!);

  // The same name again: the dialog asks, and replaces only when told to.
  await app.page.getByTestId('export-start').click();
  const second = await dialog.replaceExisting();
  expect(second.suggestedFilename()).toBe('e2e report.md');
  await dialog.close();

  // Ctrl+E opens it too; Escape closes it and gives focus back.
  await dialog.openWithKeyboard();
  await app.page.keyboard.press('Escape');
  await expect(dialog.dialog).toBeHidden();
});
