// Compiles shared/domain/similar/minhash.wat to WebAssembly and writes its bytes, as base64, into
// shared/domain/similar/minhashWasm.ts (a module of its own so the bytes need no loader, bundler or
// file at run time). Run after editing the .wat: `npx tsx build/minhash-wasm.ts`. A unit test
// compiles the .wat the same way and fails if the committed bytes differ.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import wabtInit from 'wabt';

const dir = join(import.meta.dirname, '..', 'shared', 'domain', 'similar');

/** The module's bytes, compiled from the .wat with SIMD enabled. */
export async function compileMinhashWat(): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const module = wabt.parseWat('minhash.wat', readFileSync(join(dir, 'minhash.wat'), 'utf8'), { simd: true });
  try {
    module.validate();
    return new Uint8Array(module.toBinary({}).buffer);
  } finally {
    module.destroy();
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const bytes = await compileMinhashWat();
  const path = join(dir, 'minhashWasm.ts');
  const source = readFileSync(path, 'utf8');
  const next = source.replace(/const MODULE_BASE64 =\s*'[^']*';/u, `const MODULE_BASE64 =\n  '${Buffer.from(bytes).toString('base64')}';`);
  writeFileSync(path, next);
  console.log(`${bytes.length} bytes written to ${path}`);
}
