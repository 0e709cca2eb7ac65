;; The hot passes of the percentile selection (src/engine/percentiles.ts, src/engine/percentileBands.ts)
;; in WebAssembly: values counted into a histogram, and those of chosen buckets copied out. Compiled
;; to src/engine/wasm/countBucketsModule.ts by scripts/build-wasm.mjs; src/engine/bucketKernel.ts
;; lays out the memory and calls it.
;;
;; A value's bucket is bucketOf(x, low, scale, top) of src/engine/percentiles.ts: with
;; v = (x - low) * scale, v < top ? (v > 0 ? floor(v) : 0) : top (NaN to top).
(module
  (memory (export "memory") 1)

  ;; counts[bucket(x)] += 1 (u32, from byte `counts`) for each x of data[0 … n − 1] (f64, from byte `data`).
  (func (export "count")
    (param $data i32) (param $n i32) (param $low f64) (param $scale f64) (param $top i32) (param $counts i32)
    (local $at i32) (local $end i32) (local $pairsEnd i32) (local $topF f64) (local $b0 i32) (local $b1 i32) (local $v f64)
    (local.set $topF (f64.convert_i32_s (local.get $top)))
    (local.set $at (local.get $data))
    (local.set $end (i32.add (local.get $data) (i32.shl (local.get $n) (i32.const 3))))
    (local.set $pairsEnd (i32.sub (local.get $end) (i32.const 8)))
    ;; Two values a turn: their buckets worked out side by side, then counted one after the other.
    (block $pairsDone
      (loop $pairs
        (br_if $pairsDone (i32.ge_u (local.get $at) (local.get $pairsEnd)))
        (local.set $b0 (i32.add (local.get $counts) (i32.shl
          (select (select (i32.trunc_sat_f64_s (local.tee $v (f64.mul (f64.sub (f64.load (local.get $at)) (local.get $low)) (local.get $scale)))) (i32.const 0) (f64.gt (local.get $v) (f64.const 0))) (local.get $top) (f64.lt (local.get $v) (local.get $topF))) (i32.const 2))))
        (local.set $b1 (i32.add (local.get $counts) (i32.shl
          (select (select (i32.trunc_sat_f64_s (local.tee $v (f64.mul (f64.sub (f64.load offset=8 (local.get $at)) (local.get $low)) (local.get $scale)))) (i32.const 0) (f64.gt (local.get $v) (f64.const 0))) (local.get $top) (f64.lt (local.get $v) (local.get $topF))) (i32.const 2))))
        (i32.store (local.get $b0) (i32.add (i32.load (local.get $b0)) (i32.const 1)))
        (i32.store (local.get $b1) (i32.add (i32.load (local.get $b1)) (i32.const 1)))
        (local.set $at (i32.add (local.get $at) (i32.const 16)))
        (br $pairs)))
    (if (i32.lt_u (local.get $at) (local.get $end))
      (then
        (local.set $b0 (i32.add (local.get $counts) (i32.shl
          (select (select (i32.trunc_sat_f64_s (local.tee $v (f64.mul (f64.sub (f64.load (local.get $at)) (local.get $low)) (local.get $scale)))) (i32.const 0) (f64.gt (local.get $v) (f64.const 0))) (local.get $top) (f64.lt (local.get $v) (local.get $topF))) (i32.const 2))))
        (i32.store (local.get $b0) (i32.add (i32.load (local.get $b0)) (i32.const 1))))))

  ;; Copies out, in order, the x of data[0 … n − 1] whose bucket is kept (keeps[bucket(x)] = 1, u8
  ;; from byte `keeps`; else 0) to into[0 …] (f64, from byte `into`, room for n values); returns how
  ;; many. Every x is written at the next place and the place moves on only when kept: no branch.
  (func (export "pick")
    (param $data i32) (param $n i32) (param $low f64) (param $scale f64) (param $top i32) (param $keeps i32) (param $into i32)
    (result i32)
    (local $at i32) (local $end i32) (local $topF f64) (local $x f64) (local $to i32) (local $v f64)
    (local.set $topF (f64.convert_i32_s (local.get $top)))
    (local.set $at (local.get $data))
    (local.set $to (local.get $into))
    (local.set $end (i32.add (local.get $data) (i32.shl (local.get $n) (i32.const 3))))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
        (local.set $x (f64.load (local.get $at)))
        (f64.store (local.get $to) (local.get $x))
        (local.set $to
          (i32.add (local.get $to)
            (i32.shl
              (i32.load8_u (i32.add (local.get $keeps)
                (select (select (i32.trunc_sat_f64_s (local.tee $v (f64.mul (f64.sub (local.get $x) (local.get $low)) (local.get $scale)))) (i32.const 0) (f64.gt (local.get $v) (f64.const 0))) (local.get $top) (f64.lt (local.get $v) (local.get $topF)))))
              (i32.const 3))))
        (local.set $at (i32.add (local.get $at) (i32.const 8)))
        (br $each)))
    (i32.shr_u (i32.sub (local.get $to) (local.get $into)) (i32.const 3)))

  ;; Both at once, for the percentile bands: counts every x of data[0 … n − 1] into `counts` and
  ;; appends those of kept buckets to into[kept …]; returns the new kept.
  (func (export "countPick")
    (param $data i32) (param $n i32) (param $low f64) (param $scale f64) (param $top i32)
    (param $counts i32) (param $keeps i32) (param $into i32) (param $kept i32) (result i32)
    (local $at i32) (local $end i32) (local $topF f64) (local $x f64) (local $b i32) (local $to i32) (local $v f64)
    (local.set $topF (f64.convert_i32_s (local.get $top)))
    (local.set $at (local.get $data))
    (local.set $to (i32.add (local.get $into) (i32.shl (local.get $kept) (i32.const 3))))
    (local.set $end (i32.add (local.get $data) (i32.shl (local.get $n) (i32.const 3))))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
        (local.set $x (f64.load (local.get $at)))
        (local.set $b (select (select (i32.trunc_sat_f64_s (local.tee $v (f64.mul (f64.sub (local.get $x) (local.get $low)) (local.get $scale)))) (i32.const 0) (f64.gt (local.get $v) (f64.const 0))) (local.get $top) (f64.lt (local.get $v) (local.get $topF))))
        (i32.store
          (i32.add (local.get $counts) (i32.shl (local.get $b) (i32.const 2)))
          (i32.add (i32.load (i32.add (local.get $counts) (i32.shl (local.get $b) (i32.const 2)))) (i32.const 1)))
        (f64.store (local.get $to) (local.get $x))
        (local.set $to
          (i32.add (local.get $to)
            (i32.shl (i32.load8_u (i32.add (local.get $keeps) (local.get $b))) (i32.const 3))))
        (local.set $at (i32.add (local.get $at) (i32.const 8)))
        (br $each)))
    (i32.shr_u (i32.sub (local.get $to) (local.get $into)) (i32.const 3)))
)
