;; Triangular draws by the inverse CDF, two at a time (128-bit SIMD), for src/engine/distributions.ts:
;; each uniform u of the f64 array at byte 0 (count of them, rounded up to a pair) becomes
;;   u < fMode ? low + sqrt(u * (high - low) * (mode - low)) : high - sqrt((1 - u) * (high - low) * (high - mode))
;; with the same operations in the same order as that expression in JavaScript (IEEE-754 doubles,
;; round to nearest; sqrt correctly rounded in both), so the draws are bit-identical to it. Both
;; sides' arguments are worked out and the wanted one taken, then one square root: no branch to
;; mispredict (u < fMode is a coin toss). Compiled to src/engine/wasm/triangularDrawsModule.ts by
;; scripts/build-wasm.mjs.
(module
  (memory (export "memory") 1)

  (func (export "transform") (param $count i32) (param $low f64) (param $high f64) (param $mode f64) (param $fMode f64)
    (local $at i32) (local $end i32) (local $u v128) (local $below v128) (local $root v128)
    (local $lowV v128) (local $highV v128) (local $width v128) (local $left v128) (local $right v128) (local $f v128)
    (local.set $lowV (f64x2.splat (local.get $low)))
    (local.set $highV (f64x2.splat (local.get $high)))
    (local.set $width (f64x2.splat (f64.sub (local.get $high) (local.get $low))))
    (local.set $left (f64x2.splat (f64.sub (local.get $mode) (local.get $low))))
    (local.set $right (f64x2.splat (f64.sub (local.get $high) (local.get $mode))))
    (local.set $f (f64x2.splat (local.get $fMode)))
    (local.set $end (i32.shl (local.get $count) (i32.const 3)))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_s (local.get $at) (local.get $end)))
        (local.set $u (v128.load (local.get $at)))
        (local.set $below (f64x2.lt (local.get $u) (local.get $f)))
        (local.set $root
          (f64x2.sqrt
            (v128.bitselect
              (f64x2.mul (f64x2.mul (local.get $u) (local.get $width)) (local.get $left))
              (f64x2.mul (f64x2.mul (f64x2.sub (f64x2.splat (f64.const 1)) (local.get $u)) (local.get $width)) (local.get $right))
              (local.get $below))))
        (v128.store (local.get $at)
          (v128.bitselect
            (f64x2.add (local.get $lowV) (local.get $root))
            (f64x2.sub (local.get $highV) (local.get $root))
            (local.get $below)))
        (local.set $at (i32.add (local.get $at) (i32.const 16)))
        (br $pairs))))
)
