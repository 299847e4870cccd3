import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import type { StartedHost } from './host';
import { ExportDialog } from './pages/export';

async function apiCall<T>(host: StartedHost, method: string, input: unknown): Promise<T> {
  const res = await fetch(new URL(`api/call/${method}`, host.url), { method: 'POST', headers: { 'content-type': 'application/json', 'x-policylens-token': host.token }, body: JSON.stringify(input) });
  const body = (await res.json()) as { result: T; error?: { message: string } };
  if (!res.ok) throw new Error(body.error?.message ?? String(res.status));
  return body.result;
}

test('exports a comparison from the dialog, downloads it, and asks before replacing', async ({ app, host }) => {
  const docs = await apiCall<Array<{ id: number; title: string | null }>>(host, 'documents.list', {});
  const cmp = await apiCall<{ id: number }>(host, 'compare.create', { name: '端到端导出', members: docs.slice(0, 2).map((d) => ({ docId: d.id, partIndex: null })) });
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
