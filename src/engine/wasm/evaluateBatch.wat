;; The forecast of a batch of samples at once, in WebAssembly with 128-bit SIMD: two samples per
;; instruction. The arithmetic of src/engine/evaluateForecast.ts's plain path, operation for operation
;; (no fused or reordered arithmetic; IEEE-754 doubles, round to nearest, as in JavaScript), so every
;; sample it keeps is bit-identical to evaluateForecast's. src/engine/evaluateBatch.ts lays out the
;; memory, documents the rules and flags; this file is compiled to src/engine/wasm/evaluateBatchModule.ts
;; by scripts/build-wasm.mjs (a test checks that the two agree).
;;
;; Memory: a header of i32 at byte 0 (the offsets below, exported: where each field is, for
;; src/engine/evaluateBatch.ts to write), then the arrays it points at, all set up by that file. Batch stride B is even; sample k of the batch's quantity j is at
;; [j * B + k]. The block's store holds row r (0 = the total, 1 + s = series s), year t, sample i at
;; values[(r * Y + t) * n + i], with 16 bytes of room after it (a pair's second lane may read past
;; the last sample; what it reads is never used); `sumRows` writes each row's sum to the f64 array
;; at H_SUMS.
(module
  (memory (export "memory") 1)

  ;; Header fields (byte offsets).
  (global $H_Y (export "H_Y") i32 (i32.const 0))
  (global $H_B (export "H_B") i32 (i32.const 4))
  (global $H_D (export "H_D") i32 (i32.const 8))
  (global $H_LISTS (export "H_LISTS") i32 (i32.const 12))
  (global $H_BASE_SIZE (export "H_BASE_SIZE") i32 (i32.const 16))
  (global $H_BASE_GROWTH (export "H_BASE_GROWTH") i32 (i32.const 20))
  (global $H_IMPACT (export "H_IMPACT") i32 (i32.const 24))
  (global $H_SHARE (export "H_SHARE") i32 (i32.const 28))
  (global $H_DELTA (export "H_DELTA") i32 (i32.const 32))
  (global $H_WEIGHTS (export "H_WEIGHTS") i32 (i32.const 36))
  (global $H_LIST_PARENT (export "H_LIST_PARENT") i32 (i32.const 40))
  (global $H_LIST_OFFSETS (export "H_LIST_OFFSETS") i32 (i32.const 44))
  (global $H_LIST_MEMBERS (export "H_LIST_MEMBERS") i32 (i32.const 48))
  (global $H_RATIO (export "H_RATIO") i32 (i32.const 52))
  (global $H_LIST_SUM (export "H_LIST_SUM") i32 (i32.const 56))
  (global $H_U (export "H_U") i32 (i32.const 60))
  (global $H_LEAVES (export "H_LEAVES") i32 (i32.const 64))
  (global $H_VALUES (export "H_VALUES") i32 (i32.const 68))
  (global $H_SUMS (export "H_SUMS") i32 (i32.const 72))

  ;; Marks the pair's samples whose lane of `bad` is set in the batch's leaves (one byte per sample).
  ;; (Called only when a lane is set: the rare case.)
  (func $flag (param $leaves i32) (param $k i32) (param $bad v128) (param $both i32)
    local.get $bad
    i64x2.extract_lane 0
    i64.const 0
    i64.ne
    if
      local.get $leaves
      local.get $k
      i32.add
      i32.const 1
      i32.store8
    end
    local.get $both
    if
      local.get $bad
      i64x2.extract_lane 1
      i64.const 0
      i64.ne
      if
        local.get $leaves
        local.get $k
        i32.add
        i32.const 1
        i32.store8 offset=1
      end
    end)

  ;; The total (row 0): T(y0) = baseSize; T(t) = T(t − 1) · max(0, 1 + g(t)),
  ;; g(t) = baseGrowth + Σ_d impact_d · w_d(t) (drivers in model order).
  (func $total (param $count i32) (param $n i32) (param $i0 i32)
    (local $Y i32) (local $B i32) (local $D i32) (local $k i32) (local $t i32) (local $d i32)
    (local $both i32) (local $values i32) (local $at i32)
    (local $m v128) (local $g v128) (local $factor v128) (local $bad v128)
    (local.set $Y (i32.load (global.get $H_Y)))
    (local.set $B (i32.load (global.get $H_B)))
    (local.set $D (i32.load (global.get $H_D)))
    (local.set $values (i32.load (global.get $H_VALUES)))
    (local.set $k (i32.const 0))
    (block $pairsDone
      (loop $pairs
        (br_if $pairsDone (i32.ge_s (local.get $k) (local.get $count)))
        (local.set $both (i32.lt_s (i32.add (local.get $k) (i32.const 1)) (local.get $count)))
        ;; m = baseSize; a positive base size below 2^-500 leaves the path.
        (local.set $m (v128.load (i32.add (i32.load (global.get $H_BASE_SIZE)) (i32.shl (local.get $k) (i32.const 3)))))
        (local.set $bad
          (v128.and
            (f64x2.gt (local.get $m) (f64x2.splat (f64.const 0)))
            (f64x2.lt (local.get $m) (f64x2.splat (f64.const 0x1p-500)))))
        (local.set $at (i32.add (local.get $values) (i32.shl (i32.add (local.get $i0) (local.get $k)) (i32.const 3))))
        (if (local.get $both) (then (v128.store (local.get $at) (local.get $m))) (else (v128.store64_lane 0 (local.get $at) (local.get $m))))
        (local.set $t (i32.const 1))
        (block $yearsDone
          (loop $years
            (br_if $yearsDone (i32.ge_s (local.get $t) (local.get $Y)))
            (local.set $g (v128.load (i32.add (i32.load (global.get $H_BASE_GROWTH)) (i32.shl (local.get $k) (i32.const 3)))))
            (local.set $d (i32.const 0))
            (block $driversDone
              (loop $drivers
                (br_if $driversDone (i32.ge_s (local.get $d) (local.get $D)))
                ;; g = g + impact_d · w_d(t)
                (local.set $g
                  (f64x2.add
                    (local.get $g)
                    (f64x2.mul
                      (v128.load (i32.add (i32.load (global.get $H_IMPACT))
                        (i32.shl (i32.add (i32.mul (local.get $d) (local.get $B)) (local.get $k)) (i32.const 3))))
                      (f64x2.splat (f64.load (i32.add (i32.load (global.get $H_WEIGHTS))
                        (i32.shl (i32.add (i32.mul (local.get $d) (local.get $Y)) (local.get $t)) (i32.const 3))))))))
                (local.set $d (i32.add (local.get $d) (i32.const 1)))
                (br $drivers)))
            ;; factor = 1 + g, 0 where below 0 (NaN stays NaN, as `if (factor < 0) factor = 0` leaves it).
            (local.set $factor (f64x2.add (f64x2.splat (f64.const 1)) (local.get $g)))
            (local.set $factor
              (v128.bitselect
                (f64x2.splat (f64.const 0))
                (local.get $factor)
                (f64x2.lt (local.get $factor) (f64x2.splat (f64.const 0)))))
            (local.set $m (f64x2.mul (local.get $m) (local.get $factor)))
            ;; Leaves the path: !(m >= 2^-500 && m <= 2^500) && m > 0 && m < Infinity.
            (local.set $bad
              (v128.or
                (local.get $bad)
                (v128.and
                  (v128.not
                    (v128.and
                      (f64x2.ge (local.get $m) (f64x2.splat (f64.const 0x1p-500)))
                      (f64x2.le (local.get $m) (f64x2.splat (f64.const 0x1p500)))))
                  (v128.and
                    (f64x2.gt (local.get $m) (f64x2.splat (f64.const 0)))
                    (f64x2.lt (local.get $m) (f64x2.splat (f64.const inf)))))))
            (local.set $at (i32.add (local.get $at) (i32.shl (local.get $n) (i32.const 3))))
            (if (local.get $both) (then (v128.store (local.get $at) (local.get $m))) (else (v128.store64_lane 0 (local.get $at) (local.get $m))))
            (local.set $t (i32.add (local.get $t) (i32.const 1)))
            (br $years)))
        (if (v128.any_true (local.get $bad)) (then (call $flag (i32.load (global.get $H_LEAVES)) (local.get $k) (local.get $bad) (local.get $both))))
        (local.set $k (i32.add (local.get $k) (i32.const 2)))
        (br $pairs))))

  ;; Pass 0 of a list: r(t) = P(t) / P(t − 1), NaN (KEEP) where P(t) = 0 or r ≥ 2^64, for t ≥ 1.
  (func $parentRatios (param $count i32) (param $n i32) (param $parentAt i32)
    (local $Y i32) (local $B i32) (local $k i32) (local $t i32) (local $now i32) (local $ratio i32)
    (local $p v128) (local $r v128)
    (local.set $Y (i32.load (global.get $H_Y)))
    (local.set $B (i32.load (global.get $H_B)))
    (local.set $t (i32.const 1))
    (block $yearsDone
      (loop $years
        (br_if $yearsDone (i32.ge_s (local.get $t) (local.get $Y)))
        (local.set $now (i32.add (local.get $parentAt) (i32.shl (i32.mul (local.get $t) (local.get $n)) (i32.const 3))))
        (local.set $ratio (i32.add (i32.load (global.get $H_RATIO)) (i32.shl (i32.mul (local.get $t) (local.get $B)) (i32.const 3))))
        (local.set $k (i32.const 0))
        (block $pairsDone
          (loop $pairs
            (br_if $pairsDone (i32.ge_s (local.get $k) (local.get $count)))
            (local.set $p (v128.load (local.get $now)))
            (local.set $r
              (f64x2.div (local.get $p) (v128.load (i32.sub (local.get $now) (i32.shl (local.get $n) (i32.const 3))))))
            (local.set $r
              (v128.bitselect
                (f64x2.splat (f64.const nan))
                (local.get $r)
                (v128.or
                  (f64x2.eq (local.get $p) (f64x2.splat (f64.const 0)))
                  (f64x2.ge (local.get $r) (f64x2.splat (f64.const 0x1p64))))))
            (v128.store (local.get $ratio) (local.get $r))
            (local.set $now (i32.add (local.get $now) (i32.const 16)))
            (local.set $ratio (i32.add (local.get $ratio) (i32.const 16)))
            (local.set $k (i32.add (local.get $k) (i32.const 2)))
            (br $pairs)))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $years))))

  ;; Pass 1 for member s (the list's j-th): u(y0) = σ, u(t) = u(t − 1) · (r(t) + δ) into its rows of
  ;; the scratch u (from byte uAt), added to Σu(t).
  (func $growMember (param $count i32) (param $s i32) (param $uAt i32)
    (local $Y i32) (local $B i32) (local $k i32) (local $t i32) (local $both i32) (local $rowBytes i32)
    (local $u i32) (local $sum i32) (local $ratio i32)
    (local $x v128) (local $delta v128) (local $factor v128) (local $bad v128)
    (local.set $Y (i32.load (global.get $H_Y)))
    (local.set $B (i32.load (global.get $H_B)))
    (local.set $rowBytes (i32.shl (local.get $B) (i32.const 3)))
    (local.set $k (i32.const 0))
    (block $pairsDone
      (loop $pairs
        (br_if $pairsDone (i32.ge_s (local.get $k) (local.get $count)))
        (local.set $both (i32.lt_s (i32.add (local.get $k) (i32.const 1)) (local.get $count)))
        (local.set $x
          (v128.load (i32.add (i32.load (global.get $H_SHARE))
            (i32.shl (i32.add (i32.mul (local.get $s) (local.get $B)) (local.get $k)) (i32.const 3)))))
        (local.set $delta
          (v128.load (i32.add (i32.load (global.get $H_DELTA))
            (i32.shl (i32.add (i32.mul (local.get $s) (local.get $B)) (local.get $k)) (i32.const 3)))))
        (local.set $bad
          (v128.and
            (f64x2.gt (local.get $x) (f64x2.splat (f64.const 0)))
            (f64x2.lt (local.get $x) (f64x2.splat (f64.const 0x1p-500)))))
        (local.set $u (i32.add (i32.add (i32.load (global.get $H_U)) (local.get $uAt)) (i32.shl (local.get $k) (i32.const 3))))
        (local.set $sum (i32.add (i32.load (global.get $H_LIST_SUM)) (i32.shl (local.get $k) (i32.const 3))))
        (local.set $ratio (i32.add (i32.load (global.get $H_RATIO)) (i32.shl (local.get $k) (i32.const 3))))
        (v128.store (local.get $u) (local.get $x))
        (v128.store (local.get $sum) (f64x2.add (v128.load (local.get $sum)) (local.get $x)))
        (local.set $t (i32.const 1))
        (block $yearsDone
          (loop $years
            (br_if $yearsDone (i32.ge_s (local.get $t) (local.get $Y)))
            (local.set $u (i32.add (local.get $u) (local.get $rowBytes)))
            (local.set $sum (i32.add (local.get $sum) (local.get $rowBytes)))
            (local.set $ratio (i32.add (local.get $ratio) (local.get $rowBytes)))
            (local.set $factor (f64x2.add (v128.load (local.get $ratio)) (local.get $delta)))
            (local.set $x (f64x2.mul (local.get $x) (local.get $factor)))
            ;; Leaves the path: !(factor >= 2^-400 && u >= 2^-500 && u <= 2^500).
            (local.set $bad
              (v128.or
                (local.get $bad)
                (v128.not
                  (v128.and
                    (f64x2.ge (local.get $factor) (f64x2.splat (f64.const 0x1p-400)))
                    (v128.and
                      (f64x2.ge (local.get $x) (f64x2.splat (f64.const 0x1p-500)))
                      (f64x2.le (local.get $x) (f64x2.splat (f64.const 0x1p500))))))))
            (v128.store (local.get $u) (local.get $x))
            (v128.store (local.get $sum) (f64x2.add (v128.load (local.get $sum)) (local.get $x)))
            (local.set $t (i32.add (local.get $t) (i32.const 1)))
            (br $years)))
        (if (v128.any_true (local.get $bad)) (then (call $flag (i32.load (global.get $H_LEAVES)) (local.get $k) (local.get $bad) (local.get $both))))
        (local.set $k (i32.add (local.get $k) (i32.const 2)))
        (br $pairs))))

  ;; Pass 2 for one member: share(t) = u(t) / Σu(t) (0 for a collapsed list), value(t) = P(t) · share(t),
  ;; into its rows of the store (from byte `at`; the parent's from byte `parentAt`).
  (func $splitMember (param $count i32) (param $n i32) (param $uAt i32) (param $at i32) (param $parentAt i32)
    (local $Y i32) (local $B i32) (local $k i32) (local $t i32) (local $both i32)
    (local $u i32) (local $sum i32) (local $to i32) (local $from i32)
    (local $total v128) (local $share v128)
    (local.set $Y (i32.load (global.get $H_Y)))
    (local.set $B (i32.load (global.get $H_B)))
    (local.set $t (i32.const 0))
    (block $yearsDone
      (loop $years
        (br_if $yearsDone (i32.ge_s (local.get $t) (local.get $Y)))
        (local.set $to (i32.add (local.get $at) (i32.shl (i32.mul (local.get $t) (local.get $n)) (i32.const 3))))
        (local.set $from (i32.add (local.get $parentAt) (i32.shl (i32.mul (local.get $t) (local.get $n)) (i32.const 3))))
        (local.set $sum (i32.add (i32.load (global.get $H_LIST_SUM)) (i32.shl (i32.mul (local.get $t) (local.get $B)) (i32.const 3))))
        (local.set $u (i32.add (i32.add (i32.load (global.get $H_U)) (local.get $uAt)) (i32.shl (i32.mul (local.get $t) (local.get $B)) (i32.const 3))))
        (local.set $k (i32.const 0))
        (block $pairsDone
          (loop $pairs
            (br_if $pairsDone (i32.ge_s (local.get $k) (local.get $count)))
            (local.set $both (i32.lt_s (i32.add (local.get $k) (i32.const 1)) (local.get $count)))
            (local.set $total (v128.load (local.get $sum)))
            (local.set $share
              (v128.and
                (f64x2.div (v128.load (local.get $u)) (local.get $total))
                (f64x2.gt (local.get $total) (f64x2.splat (f64.const 0)))))
            (local.set $share (f64x2.mul (v128.load (local.get $from)) (local.get $share)))
            (if (local.get $both) (then (v128.store (local.get $to) (local.get $share))) (else (v128.store64_lane 0 (local.get $to) (local.get $share))))
            (local.set $to (i32.add (local.get $to) (i32.const 16)))
            (local.set $from (i32.add (local.get $from) (i32.const 16)))
            (local.set $sum (i32.add (local.get $sum) (i32.const 16)))
            (local.set $u (i32.add (local.get $u) (i32.const 16)))
            (local.set $k (i32.add (local.get $k) (i32.const 2)))
            (br $pairs)))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $years))))

  ;; Evaluates samples 0 … count − 1 of the batch into the store (n samples per series-year; the
  ;; batch's sample k is the block's sample i0 + k); sets leaves[k] to 1 for each sample that leaves
  ;; the plain formula's safe path (src/engine/evaluateBatch.ts), leaves the others as they were.
  (func (export "evaluate") (param $count i32) (param $n i32) (param $i0 i32)
    (local $Y i32) (local $B i32) (local $l i32) (local $lists i32) (local $parent i32) (local $parentAt i32)
    (local $first i32) (local $end i32) (local $j i32) (local $s i32) (local $values i32) (local $rowBytes i32)
    (local $uRowBytes i32) (local $sum i32) (local $sumEnd i32)
    (local.set $Y (i32.load (global.get $H_Y)))
    (local.set $B (i32.load (global.get $H_B)))
    (local.set $lists (i32.load (global.get $H_LISTS)))
    (local.set $values (i32.load (global.get $H_VALUES)))
    ;; Bytes from one row of the store to the next (a row is one series-year's n samples).
    (local.set $rowBytes (i32.shl (i32.mul (local.get $Y) (local.get $n)) (i32.const 3)))
    (local.set $uRowBytes (i32.shl (i32.mul (local.get $Y) (local.get $B)) (i32.const 3)))
    (call $total (local.get $count) (local.get $n) (local.get $i0))
    (local.set $l (i32.const 0))
    (block $listsDone
      (loop $eachList
        (br_if $listsDone (i32.ge_s (local.get $l) (local.get $lists)))
        (local.set $parent (i32.load (i32.add (i32.load (global.get $H_LIST_PARENT)) (i32.shl (local.get $l) (i32.const 2)))))
        ;; The parent's row: 0 (the total) for a top-level list, else 1 + the parent series.
        (local.set $parentAt
          (i32.add (local.get $values)
            (i32.add
              (i32.mul (i32.add (local.get $parent) (i32.const 1)) (local.get $rowBytes))
              (i32.shl (local.get $i0) (i32.const 3)))))
        (local.set $first (i32.load (i32.add (i32.load (global.get $H_LIST_OFFSETS)) (i32.shl (local.get $l) (i32.const 2)))))
        (local.set $end (i32.load offset=4 (i32.add (i32.load (global.get $H_LIST_OFFSETS)) (i32.shl (local.get $l) (i32.const 2)))))
        (call $parentRatios (local.get $count) (local.get $n) (local.get $parentAt))
        ;; Σu(t) = 0 for every year and sample.
        (local.set $sum (i32.load (global.get $H_LIST_SUM)))
        (local.set $sumEnd (i32.add (local.get $sum) (i32.shl (i32.mul (local.get $Y) (local.get $B)) (i32.const 3))))
        (memory.fill (local.get $sum) (i32.const 0) (i32.sub (local.get $sumEnd) (local.get $sum)))
        (local.set $j (local.get $first))
        (block $growDone
          (loop $grow
            (br_if $growDone (i32.ge_s (local.get $j) (local.get $end)))
            (local.set $s (i32.load (i32.add (i32.load (global.get $H_LIST_MEMBERS)) (i32.shl (local.get $j) (i32.const 2)))))
            (call $growMember (local.get $count) (local.get $s)
              (i32.mul (i32.sub (local.get $j) (local.get $first)) (local.get $uRowBytes)))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $grow)))
        (local.set $j (local.get $first))
        (block $splitDone
          (loop $split
            (br_if $splitDone (i32.ge_s (local.get $j) (local.get $end)))
            (local.set $s (i32.load (i32.add (i32.load (global.get $H_LIST_MEMBERS)) (i32.shl (local.get $j) (i32.const 2)))))
            (call $splitMember (local.get $count) (local.get $n)
              (i32.mul (i32.sub (local.get $j) (local.get $first)) (local.get $uRowBytes))
              (i32.add (local.get $values)
                (i32.add
                  (i32.mul (i32.add (local.get $s) (i32.const 1)) (local.get $rowBytes))
                  (i32.shl (local.get $i0) (i32.const 3))))
              (local.get $parentAt))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $split)))
        (local.set $l (i32.add (local.get $l) (i32.const 1)))
        (br $eachList))))

  ;; sums[j] = the sum of row j's n values of the store (values[j * n … j * n + n − 1], added up in
  ;; order, as a plain loop would) for j = 0 … rows − 1, into the f64 array at H_SUMS. Four rows at
  ;; a time, each its own chain of additions, so that they overlap.
  (func (export "sumRows") (param $n i32) (param $rows i32)
    (local $row i32) (local $rowBytes i32) (local $at i32) (local $end i32) (local $out i32)
    (local $s0 f64) (local $s1 f64) (local $s2 f64) (local $s3 f64)
    (local.set $rowBytes (i32.shl (local.get $n) (i32.const 3)))
    (local.set $out (i32.load (global.get $H_SUMS)))
    (local.set $at (i32.load (global.get $H_VALUES)))
    (local.set $row (i32.const 0))
    (block $foursDone
      (loop $fours
        (br_if $foursDone (i32.gt_s (i32.add (local.get $row) (i32.const 4)) (local.get $rows)))
        (local.set $s0 (f64.const 0))
        (local.set $s1 (f64.const 0))
        (local.set $s2 (f64.const 0))
        (local.set $s3 (f64.const 0))
        (local.set $end (i32.add (local.get $at) (local.get $rowBytes)))
        (block $done
          (loop $each
            (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
            (local.set $s0 (f64.add (local.get $s0) (f64.load (local.get $at))))
            (local.set $s1 (f64.add (local.get $s1) (f64.load (i32.add (local.get $at) (local.get $rowBytes)))))
            (local.set $s2 (f64.add (local.get $s2) (f64.load (i32.add (local.get $at) (i32.shl (local.get $rowBytes) (i32.const 1))))))
            (local.set $s3 (f64.add (local.get $s3) (f64.load (i32.add (local.get $at) (i32.mul (local.get $rowBytes) (i32.const 3))))))
            (local.set $at (i32.add (local.get $at) (i32.const 8)))
            (br $each)))
        (f64.store (local.get $out) (local.get $s0))
        (f64.store offset=8 (local.get $out) (local.get $s1))
        (f64.store offset=16 (local.get $out) (local.get $s2))
        (f64.store offset=24 (local.get $out) (local.get $s3))
        ;; $at is at the end of the first of the four rows: on to the fifth.
        (local.set $at (i32.add (local.get $at) (i32.mul (local.get $rowBytes) (i32.const 3))))
        (local.set $out (i32.add (local.get $out) (i32.const 32)))
        (local.set $row (i32.add (local.get $row) (i32.const 4)))
        (br $fours)))
    (block $rowsDone
      (loop $rest
        (br_if $rowsDone (i32.ge_s (local.get $row) (local.get $rows)))
        (local.set $s0 (f64.const 0))
        (local.set $end (i32.add (local.get $at) (local.get $rowBytes)))
        (block $done
          (loop $each
            (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
            (local.set $s0 (f64.add (local.get $s0) (f64.load (local.get $at))))
            (local.set $at (i32.add (local.get $at) (i32.const 8)))
            (br $each)))
        (f64.store (local.get $out) (local.get $s0))
        (local.set $out (i32.add (local.get $out) (i32.const 8)))
        (local.set $row (i32.add (local.get $row) (i32.const 1)))
        (br $rest))))
)
