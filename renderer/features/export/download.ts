/**
 * Browser mode: an export is written into the project's exports folder by the host; the file is
 * fetched with the session token (a plain link could not send the header) and handed to the
 * browser as a blob download.
 */
export async function downloadExport(downloadName: string): Promise<void> {
  const token = sessionStorage.getItem('policylens.token') ?? '';
  const res = await fetch(`/api/download/${encodeURIComponent(downloadName)}`, { headers: { 'x-policylens-token': token } });
  if (!res.ok) throw new Error(`The host answered ${res.status} for ${downloadName}.`);
  const url = URL.createObjectURL(await res.blob());
  try {
    const a = document.createElement('a');
    a.href = url;
    a.download = downloadName;
    a.rel = 'noopener';
    document.body.appendChild(a);
    a.click();
    a.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

/** Desktop app: reveal the file, when the preload offers it. */
export function showInFolder(path: string): boolean {
  const bridge = window.policylens;
  if (!bridge?.showItemInFolder) return false;
  bridge.showItemInFolder(path);
  return true;
}

export function readAsBase64(file: File): Promise<string> {
  return new Promise((ok, fail) => {
    const r = new FileReader();
    r.onload = () => ok(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => fail(r.error ?? new Error('Cannot read the file.'));
    r.readAsDataURL(file);
  });
}

export function humanSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1048576 ? `${(bytes / 1024).toFixed(0)} KB` : `${(bytes / 1048576).toFixed(1)} MB`;
}
