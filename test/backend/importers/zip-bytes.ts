// Byte-level edits of zip archives, to build archives that lie (jszip always writes honest ones).

/** Rewrites the declared uncompressed size of `entryName` in both its local and central headers. */
export function declareUncompressedSize(zip: Uint8Array, entryName: string, size: number): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  const name = new TextEncoder().encode(entryName);
  const nameAt = (offset: number, nameOffset: number, nameLength: number) =>
    nameLength === name.length && name.every((b, i) => out[offset + nameOffset + i] === b);
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && nameAt(i, 30, view.getUint16(i + 26, true))) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50 && nameAt(i, 46, view.getUint16(i + 28, true))) view.setUint32(i + 24, size, true);
  }
  return out;
}

/** The start of an OLE compound file (the container of .doc files and of encrypted Office files). */
export function makeOleFile(withEncryptionInfo: boolean): Uint8Array {
  const header = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const filler = new Uint8Array(2048);
  const stream = new TextEncoder().encode(withEncryptionInfo ? '' : 'WordDocument');
  const marker = withEncryptionInfo ? new Uint8Array(Buffer.from('EncryptionInfo', 'utf16le')) : stream;
  const out = new Uint8Array(header.length + filler.length + marker.length);
  out.set(header, 0);
  out.set(marker, header.length + 1024);
  return out;
}
