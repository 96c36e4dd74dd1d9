// A library (built with -mexec-model=reactor): each export_name is the canonical-ABI name of a
// function of the exported interface example:calc/math@0.1.0 declared in ../wit/calc.wit.
#include <stdint.h>

__attribute__((export_name("example:calc/math@0.1.0#add")))
int32_t add(int32_t a, int32_t b) {
  // Wrap like s32 arithmetic everywhere else (signed overflow is undefined in C).
  return (int32_t)((uint32_t)a + (uint32_t)b);
}

__attribute__((export_name("example:calc/math@0.1.0#fib")))
uint64_t fib(uint32_t n) {
  uint64_t a = 0, b = 1;
  for (uint32_t i = 0; i < n; i++) {
    uint64_t next = a + b;
    a = b;
    b = next;
  }
  return a;
}
