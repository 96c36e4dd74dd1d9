;; example:calculator/math@0.1.0 written directly as a component in WebAssembly text, so it runs
;; (and composes) without a build step. add wraps like any s32 arithmetic; greet builds
;; "Hello, <name>!" in linear memory. The string options (memory, realloc) let the caller pass the
;; name in and read the greeting out, as the canonical ABI prescribes.
(component
  (core module $calc
    (memory (export "memory") 1)
    (data (i32.const 0) "Hello, ")
    ;; Allocation starts after the constant text; nothing is ever freed: an instance lives for one call.
    (global $next (mut i32) (i32.const 64))

    ;; cabi_realloc(old_ptr, old_size, align, new_size): a bump allocator that grows memory as needed.
    (func $realloc (export "cabi_realloc") (param $old i32) (param $old_size i32) (param $align i32) (param $size i32) (result i32)
      (local $p i32)
      (local $end i32)
      (local.set $p
        (i32.and
          (i32.add (global.get $next) (i32.sub (local.get $align) (i32.const 1)))
          (i32.xor (i32.sub (local.get $align) (i32.const 1)) (i32.const -1))))
      (local.set $end (i32.add (local.get $p) (local.get $size)))
      (if (i32.gt_u (local.get $end) (i32.mul (memory.size) (i32.const 65536)))
        (then
          (if (i32.eq
                (memory.grow (i32.sub (i32.shr_u (i32.add (local.get $end) (i32.const 65535)) (i32.const 16)) (memory.size)))
                (i32.const -1))
            (then unreachable))))
      (global.set $next (local.get $end))
      (local.get $p))

    (func (export "add") (param $a i32) (param $b i32) (result i32)
      (i32.add (local.get $a) (local.get $b)))

    ;; Returns a pointer to (text pointer, text length), the canonical ABI's way to return a string.
    (func (export "greet") (param $name i32) (param $len i32) (result i32)
      (local $text i32)
      (local $ret i32)
      (local.set $text (call $realloc (i32.const 0) (i32.const 0) (i32.const 1) (i32.add (local.get $len) (i32.const 8))))
      (memory.copy (local.get $text) (i32.const 0) (i32.const 7))
      (memory.copy (i32.add (local.get $text) (i32.const 7)) (local.get $name) (local.get $len))
      (i32.store8 (i32.add (local.get $text) (i32.add (local.get $len) (i32.const 7))) (i32.const 33)) ;; "!"
      (local.set $ret (call $realloc (i32.const 0) (i32.const 0) (i32.const 4) (i32.const 8)))
      (i32.store (local.get $ret) (local.get $text))
      (i32.store offset=4 (local.get $ret) (i32.add (local.get $len) (i32.const 8)))
      (local.get $ret)))
  (core instance $calc (instantiate $calc))

  (func $add (param "a" s32) (param "b" s32) (result s32)
    (canon lift (core func $calc "add")))
  (func $greet (param "name" string) (result string)
    (canon lift (core func $calc "greet") (memory (core memory $calc "memory")) (realloc (core func $calc "cabi_realloc"))))
  (instance $math
    (export "add" (func $add))
    (export "greet" (func $greet)))
  (export "example:calculator/math@0.1.0" (instance $math)))
