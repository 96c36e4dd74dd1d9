;; greet(n) = n + 1, lifted as `greet: func(n: s32) -> s32` (upstream's init template).
(component
  (core module $hello
    (func (export "greet") (param i32) (result i32)
      local.get 0
      i32.const 1
      i32.add))
  (core instance $hello (instantiate $hello))
  (func $greet (param "n" s32) (result s32)
    (canon lift (core func $hello "greet")))
  (export "greet" (func $greet)))
