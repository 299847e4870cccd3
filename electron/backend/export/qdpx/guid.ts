import { createHash, randomUUID } from 'node:crypto';

/**
 * Stable GUIDs: the same PolicyLens object gets the same GUID in every export of a project, so
 * another tool can recognise it when a researcher exports again. Built like a UUID v5 (SHA-1 of
 * a per-project namespace and the object's key).
 */
export function guidFactory(namespace: string = randomUUID()): (key: string) => string {
  return (key) => {
    const h = createHash('sha1').update(namespace).update('\u0000').update(key).digest();
    h[6] = (h[6] & 0x0f) | 0x50;
    h[8] = (h[8] & 0x3f) | 0x80;
    const x = h.subarray(0, 16).toString('hex');
    return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`.toUpperCase();
  };
}
