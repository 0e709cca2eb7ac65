;; The hot passes of the percentile selection (src/engine/percentiles.ts, src/engine/percentileBands.ts)
;; in WebAssembly: values counted into a histogram, and those of chosen buckets copied out. Compiled
;; to src/engine/wasm/countBucketsModule.ts by scripts/build-wasm.mjs; src/engine/bucketKernel.ts
;; lays out the memory and calls it.
;;
;; A value's bucket, of top + 1 equal buckets from `low`, `scale` buckets a unit: with
;; v = (x - low) * scale, v < top ? (v > 0 ? floor(v) : 0) : top — below the first bucket to the
;; first, above the last (and NaN) to the last, so the bucket is monotone in x. Worked out two
;; values at a time (128-bit SIMD): pmin(top, v) is v < top ? v : top (NaN to top), pmax(0, ·) is
;; 0 < · ? · : 0, then truncation toward zero, which is the floor of a positive number.
;; test/engine/bucketKernel.test.ts holds it to the rule written plainly.
(module
  (memory (export "memory") 1)

  ;; counts[bucket(x)] += 1 (u32, from byte `counts`) for each x of data[0 … n − 1] (f64, from byte `data`).
  (func (export "count")
    (param $data i32) (param $n i32) (param $low f64) (param $scale f64) (param $top i32) (param $counts i32)
    (local $at i32) (local $end i32) (local $pairsEnd i32) (local $x v128) (local $b v128) (local $b0 i32) (local $b1 i32)
    (local $lowV v128) (local $scaleV v128) (local $topV v128) (local $zero v128)
    (local.set $lowV (f64x2.splat (local.get $low)))
    (local.set $scaleV (f64x2.splat (local.get $scale)))
    (local.set $topV (f64x2.splat (f64.convert_i32_s (local.get $top))))
    (local.set $zero (f64x2.splat (f64.const 0)))
    (local.set $at (local.get $data))
    (local.set $end (i32.add (local.get $data) (i32.shl (local.get $n) (i32.const 3))))
    (local.set $pairsEnd (i32.sub (local.get $end) (i32.const 8)))
    (block $pairsDone
      (loop $pairs
        (br_if $pairsDone (i32.ge_u (local.get $at) (local.get $pairsEnd)))
        (local.set $b (i32x4.trunc_sat_f64x2_s_zero
          (f64x2.pmax (local.get $zero) (f64x2.pmin (local.get $topV)
            (f64x2.mul (f64x2.sub (local.tee $x (v128.load (local.get $at))) (local.get $lowV)) (local.get $scaleV))))))
        (local.set $b0 (i32x4.extract_lane 0 (local.get $b)))
        (local.set $b1 (i32x4.extract_lane 1 (local.get $b)))
        (i32.store (i32.add (local.get $counts) (i32.shl (local.get $b0) (i32.const 2)))
          (i32.add (i32.load (i32.add (local.get $counts) (i32.shl (local.get $b0) (i32.const 2)))) (i32.const 1)))
        (i32.store (i32.add (local.get $counts) (i32.shl (local.get $b1) (i32.const 2)))
          (i32.add (i32.load (i32.add (local.get $counts) (i32.shl (local.get $b1) (i32.const 2)))) (i32.const 1)))
        (local.set $at (i32.add (local.get $at) (i32.const 16)))
        (br $pairs)))
    ;; An odd count's last value, alone.
    (if (i32.lt_u (local.get $at) (local.get $end))
      (then
        (local.set $b (i32x4.trunc_sat_f64x2_s_zero
          (f64x2.pmax (local.get $zero) (f64x2.pmin (local.get $topV)
            (f64x2.mul (f64x2.sub (local.tee $x (v128.load64_zero (local.get $at))) (local.get $lowV)) (local.get $scaleV))))))
        (local.set $b0 (i32x4.extract_lane 0 (local.get $b)))
        (i32.store (i32.add (local.get $counts) (i32.shl (local.get $b0) (i32.const 2)))
          (i32.add (i32.load (i32.add (local.get $counts) (i32.shl (local.get $b0) (i32.const 2)))) (i32.const 1))))))

  ;; Copies out, in order, the x of data[0 … n − 1] whose bucket is kept (keeps[bucket(x)] = 1, u8
  ;; from byte `keeps`; else 0) to into[0 …] (f64, from byte `into`, room for n values); returns how
  ;; many. Every x is written at the next place and the place moves on only when kept: no branch.
  (func (export "pick")
    (param $data i32) (param $n i32) (param $low f64) (param $scale f64) (param $top i32) (param $keeps i32) (param $into i32) (result i32)
    (local $at i32) (local $end i32) (local $pairsEnd i32) (local $x v128) (local $b v128) (local $b0 i32) (local $b1 i32)
    (local $lowV v128) (local $scaleV v128) (local $topV v128) (local $zero v128) (local $to i32)
    (local.set $lowV (f64x2.splat (local.get $low)))
    (local.set $scaleV (f64x2.splat (local.get $scale)))
    (local.set $topV (f64x2.splat (f64.convert_i32_s (local.get $top))))
    (local.set $zero (f64x2.splat (f64.const 0)))
    (local.set $at (local.get $data))
    (local.set $end (i32.add (local.get $data) (i32.shl (local.get $n) (i32.const 3))))
    (local.set $pairsEnd (i32.sub (local.get $end) (i32.const 8)))
    (local.set $to (local.get $into))
    (block $pairsDone
      (loop $pairs
        (br_if $pairsDone (i32.ge_u (local.get $at) (local.get $pairsEnd)))
        (local.set $b (i32x4.trunc_sat_f64x2_s_zero
          (f64x2.pmax (local.get $zero) (f64x2.pmin (local.get $topV)
            (f64x2.mul (f64x2.sub (local.tee $x (v128.load (local.get $at))) (local.get $lowV)) (local.get $scaleV))))))
        (local.set $b0 (i32x4.extract_lane 0 (local.get $b)))
        (local.set $b1 (i32x4.extract_lane 1 (local.get $b)))
        (v128.store64_lane 0 (local.get $to) (local.get $x))
        (local.set $to (i32.add (local.get $to) (i32.shl (i32.load8_u (i32.add (local.get $keeps) (local.get $b0))) (i32.const 3))))
        (v128.store64_lane 1 (local.get $to) (local.get $x))
        (local.set $to (i32.add (local.get $to) (i32.shl (i32.load8_u (i32.add (local.get $keeps) (local.get $b1))) (i32.const 3))))
        (local.set $at (i32.add (local.get $at) (i32.const 16)))
        (br $pairs)))
    ;; An odd count's last value, alone.
    (if (i32.lt_u (local.get $at) (local.get $end))
      (then
        (local.set $b (i32x4.trunc_sat_f64x2_s_zero
          (f64x2.pmax (local.get $zero) (f64x2.pmin (local.get $topV)
            (f64x2.mul (f64x2.sub (local.tee $x (v128.load64_zero (local.get $at))) (local.get $lowV)) (local.get $scaleV))))))
        (local.set $b0 (i32x4.extract_lane 0 (local.get $b)))
        (v128.store64_lane 0 (local.get $to) (local.get $x))
        (local.set $to (i32.add (local.get $to) (i32.shl (i32.load8_u (i32.add (local.get $keeps) (local.get $b0))) (i32.const 3))))))
    (i32.shr_u (i32.sub (local.get $to) (local.get $into)) (i32.const 3)))

  ;; Both at once, for the percentile bands: counts every x of data[0 … n − 1] into `counts` and
  ;; appends those of kept buckets to into[kept …]; returns the new kept.
  (func (export "countPick")
    (param $data i32) (param $n i32) (param $low f64) (param $scale f64) (param $top i32)
    (param $counts i32) (param $keeps i32) (param $into i32) (param $kept i32) (result i32)
    (local $at i32) (local $end i32) (local $pairsEnd i32) (local $x v128) (local $b v128) (local $b0 i32) (local $b1 i32)
    (local $lowV v128) (local $scaleV v128) (local $topV v128) (local $zero v128) (local $to i32)
    (local.set $lowV (f64x2.splat (local.get $low)))
    (local.set $scaleV (f64x2.splat (local.get $scale)))
    (local.set $topV (f64x2.splat (f64.convert_i32_s (local.get $top))))
    (local.set $zero (f64x2.splat (f64.const 0)))
    (local.set $at (local.get $data))
    (local.set $end (i32.add (local.get $data) (i32.shl (local.get $n) (i32.const 3))))
    (local.set $pairsEnd (i32.sub (local.get $end) (i32.const 8)))
    (local.set $to (i32.add (local.get $into) (i32.shl (local.get $kept) (i32.const 3))))
    (block $pairsDone
      (loop $pairs
        (br_if $pairsDone (i32.ge_u (local.get $at) (local.get $pairsEnd)))
        (local.set $b (i32x4.trunc_sat_f64x2_s_zero
          (f64x2.pmax (local.get $zero) (f64x2.pmin (local.get $topV)
            (f64x2.mul (f64x2.sub (local.tee $x (v128.load (local.get $at))) (local.get $lowV)) (local.get $scaleV))))))
        (local.set $b0 (i32x4.extract_lane 0 (local.get $b)))
        (local.set $b1 (i32x4.extract_lane 1 (local.get $b)))
        (i32.store (i32.add (local.get $counts) (i32.shl (local.get $b0) (i32.const 2)))
          (i32.add (i32.load (i32.add (local.get $counts) (i32.shl (local.get $b0) (i32.const 2)))) (i32.const 1)))
        (i32.store (i32.add (local.get $counts) (i32.shl (local.get $b1) (i32.const 2)))
          (i32.add (i32.load (i32.add (local.get $counts) (i32.shl (local.get $b1) (i32.const 2)))) (i32.const 1)))
        (v128.store64_lane 0 (local.get $to) (local.get $x))
        (local.set $to (i32.add (local.get $to) (i32.shl (i32.load8_u (i32.add (local.get $keeps) (local.get $b0))) (i32.const 3))))
        (v128.store64_lane 1 (local.get $to) (local.get $x))
        (local.set $to (i32.add (local.get $to) (i32.shl (i32.load8_u (i32.add (local.get $keeps) (local.get $b1))) (i32.const 3))))
        (local.set $at (i32.add (local.get $at) (i32.const 16)))
        (br $pairs)))
    ;; An odd count's last value, alone.
    (if (i32.lt_u (local.get $at) (local.get $end))
      (then
        (local.set $b (i32x4.trunc_sat_f64x2_s_zero
          (f64x2.pmax (local.get $zero) (f64x2.pmin (local.get $topV)
            (f64x2.mul (f64x2.sub (local.tee $x (v128.load64_zero (local.get $at))) (local.get $lowV)) (local.get $scaleV))))))
        (local.set $b0 (i32x4.extract_lane 0 (local.get $b)))
        (i32.store (i32.add (local.get $counts) (i32.shl (local.get $b0) (i32.const 2)))
          (i32.add (i32.load (i32.add (local.get $counts) (i32.shl (local.get $b0) (i32.const 2)))) (i32.const 1)))
        (v128.store64_lane 0 (local.get $to) (local.get $x))
        (local.set $to (i32.add (local.get $to) (i32.shl (i32.load8_u (i32.add (local.get $keeps) (local.get $b0))) (i32.const 3))))))
    (i32.shr_u (i32.sub (local.get $to) (local.get $into)) (i32.const 3)))
)
