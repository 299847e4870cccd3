import { type Client, createClient } from '../../../shared/api/client';
import type { StartedHost } from '../host';

/** The typed client over HTTP, as the renderer calls the contract, to set up what a test needs quickly. */
export function hostApi(host: StartedHost): Client {
  return createClient(async (method, input) => {
    const send = () =>
      fetch(`${host.url}api/call/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-policylens-token': host.token },
        body: JSON.stringify(input),
      });
    // A kept-alive connection the host closed as idle fails once with ECONNRESET: ask again on a new one.
    const res = await send().catch(() => send());
    const body = (await res.json()) as { result?: unknown; error?: { message: string } };
    if (!res.ok || body.error) throw new Error(`${method}: ${body.error?.message ?? res.status}`);
    return body.result;
  });
}

export interface DocRow {
  id: number;
  title: string | null;
  docNumber: string | null;
  city: string | null;
  clauseCount: number;
}

/** The seed documents by what identifies them. */
export async function seedDocs(host: StartedHost): Promise<{ all: DocRow[]; qingdao: DocRow; wenzhou: DocRow }> {
  const all = await hostApi(host).documents.list({});
  return { all, qingdao: all.find((d) => d.docNumber === '青双创联办字〔2016〕2号')!, wenzhou: all.find((d) => d.city === '温州市')! };
}
