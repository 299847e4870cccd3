import { useState } from 'react';
import type { ImportReport } from '../../../shared/api/methods/documents';
import { useApi, useApiEvents } from '../../api/ApiProvider';

export interface ImportProgress {
  done: number;
  total: number;
  label: string;
  itemFraction: number;
}

function toBase64(buf: ArrayBuffer): string {
  const bytes = new Uint8Array(buf);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Files dropped or picked in the browser, read and sent through the contract in batches. */
export function useImport() {
  const api = useApi();
  const [taskId, setTaskId] = useState<string | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  useApiEvents((e) => {
    if (e.type === 'progress' && e.taskId === taskId) setProgress({ done: e.done, total: e.total, label: e.label ?? '', itemFraction: e.itemFraction ?? 0 });
  });

  async function importFiles(files: File[]): Promise<void> {
    if (!files.length) return;
    const id = `import-${Date.now()}`;
    setTaskId(id);
    setReport(null);
    setError(null);
    setProgress({ done: 0, total: files.length, label: files[0].name, itemFraction: 0 });
    try {
      const payload = await Promise.all(files.map(async (f) => ({ name: f.name, dataBase64: toBase64(await f.arrayBuffer()) })));
      setReport(await api['documents.importFiles']({ files: payload, taskId: id }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setTaskId(null);
      setProgress(null);
    }
  }

  async function cancel(): Promise<void> {
    if (taskId) await api['tasks.cancel']({ taskId });
  }

  return { importFiles, cancel, progress, report, error, busy: taskId !== null, dismiss: () => setReport(null) };
}

/** Every file inside dropped folders, via the non-standard but universal webkitGetAsEntry. */
export async function filesFromDrop(items: DataTransferItemList): Promise<File[]> {
  const entries = [...items].map((i) => i.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
  const out: File[] = [];
  async function walk(entry: FileSystemEntry): Promise<void> {
    if (entry.isFile) {
      out.push(await new Promise<File>((ok, fail) => (entry as FileSystemFileEntry).file(ok, fail)));
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((ok, fail) => reader.readEntries(ok, fail));
        if (!batch.length) break;
        for (const e of batch) if (!e.name.startsWith('.')) await walk(e);
      }
    }
  }
  for (const e of entries) await walk(e);
  return out;
}
