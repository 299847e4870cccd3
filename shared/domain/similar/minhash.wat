;; MinHash of a clause's shingle ids with WebAssembly SIMD: four signature positions per
;; instruction. Computes exactly what minhash.ts's JS loop computes: for each of the 64 seeds,
;; the least murmur3-finalised (id xor seed) over the ids, as unsigned 32-bit values
;; (i32x4.min_u), so signatures are bit for bit the same. Compiled by build/minhash-wasm.ts into
;; minhashWasm.ts; test/unit/minhash-wasm.test.ts checks that the bytes there come from this text.
;;
;; Memory: the 64 seeds (i32) at 0, the signature (64 x i32) at 256, the n shingle ids from 512.
(module
  ;; Memory: seeds (64 x i32) at 0, the signature (64 x i32) at 256, shingle ids from 512.
  (memory (export "memory") 1)
  (func (export "minhash") (param $n i32)
    (local $g i32) (local $k i32) (local $end i32) (local $seeds v128) (local $x v128) (local $acc v128)
    (local.set $end (i32.add (i32.const 512) (i32.shl (local.get $n) (i32.const 2))))
    (local.set $g (i32.const 0))
    (loop $groups
      (local.set $seeds (v128.load (local.get $g)))
      (local.set $acc (v128.const i32x4 -1 -1 -1 -1))
      (local.set $k (i32.const 512))
      (block $done
        (loop $ids
          (br_if $done (i32.ge_u (local.get $k) (local.get $end)))
          (local.set $x (v128.xor (i32x4.splat (i32.load (local.get $k))) (local.get $seeds)))
          (local.set $x (v128.xor (local.get $x) (i32x4.shr_u (local.get $x) (i32.const 16))))
          (local.set $x (i32x4.mul (local.get $x) (v128.const i32x4 0x85ebca6b 0x85ebca6b 0x85ebca6b 0x85ebca6b)))
          (local.set $x (v128.xor (local.get $x) (i32x4.shr_u (local.get $x) (i32.const 13))))
          (local.set $x (i32x4.mul (local.get $x) (v128.const i32x4 0xc2b2ae35 0xc2b2ae35 0xc2b2ae35 0xc2b2ae35)))
          (local.set $x (v128.xor (local.get $x) (i32x4.shr_u (local.get $x) (i32.const 16))))
          (local.set $acc (i32x4.min_u (local.get $acc) (local.get $x)))
          (local.set $k (i32.add (local.get $k) (i32.const 4)))
          (br $ids)))
      (v128.store (i32.add (local.get $g) (i32.const 256)) (local.get $acc))
      (local.set $g (i32.add (local.get $g) (i32.const 16)))
      (br_if $groups (i32.lt_u (local.get $g) (i32.const 256)))))
)
