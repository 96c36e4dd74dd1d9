/**
 * Guest programs the engine tests and benchmarks run, as source text (built by
 * test/support/fixtures.ts, cached by content hash). Hostile ones each misbehave in one way.
 */

/** Core-module functions lifted as top-level exports and as an interface `test:engine/calc@0.1.0`. */
export const watCalc = `(component
  (core module $m
    (memory (export "mem") 1)
    (global $calls (mut i32) (i32.const 0))
    (data (i32.const 100) "negative")
    (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
    ;; counts calls in a global: a fresh instance per call always answers 1
    (func (export "count") (result i32)
      (global.set $calls (i32.add (global.get $calls) (i32.const 1))) (global.get $calls))
    ;; result<u32, string>: ok(x) for x >= 0, err("negative") otherwise; returns a pointer to [tag, payload…]
    (func (export "check") (param i32) (result i32)
      (if (i32.lt_s (local.get 0) (i32.const 0))
        (then (i32.store (i32.const 0) (i32.const 1)) (i32.store (i32.const 4) (i32.const 100)) (i32.store (i32.const 8) (i32.const 8)))
        (else (i32.store (i32.const 0) (i32.const 0)) (i32.store (i32.const 4) (local.get 0))))
      (i32.const 0))
    (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
    (func (export "realloc") (param i32 i32 i32 i32) (result i32) (i32.const 200))
  )
  (core instance $i (instantiate $m))
  (type $checked (result u32 (error string)))
  (func $add (param "a" s32) (param "b" s32) (result s32) (canon lift (core func $i "add")))
  (func $count (result u32) (canon lift (core func $i "count")))
  (func $check (param "x" s32) (result $checked)
    (canon lift (core func $i "check") (memory (core memory $i "mem")) (realloc (core func $i "realloc"))))
  (func $div (param "a" s32) (param "b" s32) (result s32) (canon lift (core func $i "div")))
  (export "add" (func $add))
  (export "count" (func $count))
  (export "check" (func $check))
  (export "div" (func $div))
  (instance $calc (export "add" (func $add)))
  (export "test:engine/calc@0.1.0" (instance $calc))
)`;

/** Import-free hostile functions: an infinite loop, a memory.grow bomb, unbounded recursion. */
export const watHostile = `(component
  (core module $m
    (memory 1)
    (func (export "spin") (loop $l (br $l)))
    ;; grows 1 MiB at a time until memory.grow fails, then gives up the way allocators do
    (func (export "grow") (loop $l (br_if $l (i32.ne (memory.grow (i32.const 16)) (i32.const -1)))) unreachable)
    (func $recurse (export "recurse") (param i32) (result i32) (i32.add (call $recurse (i32.add (local.get 0) (i32.const 1))) (i32.const 1)))
    (func (export "ok") (result i32) (i32.const 1))
  )
  (core instance $i (instantiate $m))
  (func (export "spin") (canon lift (core func $i "spin")))
  (func (export "grow") (canon lift (core func $i "grow")))
  (func (export "recurse") (param "n" s32) (result s32) (canon lift (core func $i "recurse")))
  (func (export "ok") (result u32) (canon lift (core func $i "ok")))
)`;

/** A command whose run() calls wasi:cli/exit#exit-with-code(code): the exact code reaches the runner. */
export const watExitWithCode = (code: number) => `(component
  (import "wasi:cli/exit@0.2.12" (instance $exit (export "exit-with-code" (func (param "status-code" u8)))))
  (core func $exit-with-code (canon lower (func $exit "exit-with-code")))
  (core module $m
    (import "host" "exit-with-code" (func $exit (param i32)))
    (func (export "run") (result i32) (call $exit (i32.const ${code})) (i32.const 0)))
  (core instance $i (instantiate $m (with "host" (instance (export "exit-with-code" (func $exit-with-code))))))
  (type $run-result (result))
  (func $run (result $run-result) (canon lift (core func $i "run")))
  (instance $run-instance (export "run" (func $run)))
  (export "wasi:cli/run@0.2.12" (instance $run-instance))
)`;

/** A command whose run() returns err without output. */
export const watRunErr = `(component
  (core module $m (func (export "run") (result i32) (i32.const 1)))
  (core instance $i (instantiate $m))
  (type $run-result (result))
  (func $run (result $run-result) (canon lift (core func $i "run")))
  (instance $run-instance (export "run" (func $run)))
  (export "wasi:cli/run@0.2.12" (instance $run-instance))
)`;

/** A core module whose start function never returns: instantiation itself must time out. */
export const watStartLoop = `(component
  (core module $m (func $spin (loop $l (br $l))) (start $spin) (func (export "f")))
  (core instance $i (instantiate $m))
  (func (export "f") (canon lift (core func $i "f")))
)`;

/** A core module whose memory needs 64 MiB at start. */
export const watBigMemory = `(component
  (core module $m (memory 1024) (func (export "f")))
  (core instance $i (instantiate $m))
  (func (export "f") (canon lift (core func $i "f")))
)`;

/**
 * A guest that opens a TCP connection to 127.0.0.1:port (create-tcp-socket, then start-connect) and
 * one that resolves a host name, with the WASI 0.2.0 sockets types they need (a subset of upstream's
 * WIT, same names and shapes). Each export answers 0 when the host let it through, else 100 + the
 * error-code case it got (101 = access-denied, 120 = permanent-resolver-failure).
 */
export const socketsWit = `package test:hostile;

world sockets {
  import wasi:sockets/instance-network@0.2.0;
  import wasi:sockets/tcp-create-socket@0.2.0;
  import wasi:sockets/ip-name-lookup@0.2.0;
  /// Opens a TCP connection to 127.0.0.1:port; 0 once connecting started, else 100 + the error code.
  export connect: func(port: u16) -> u32;
  /// Resolves a host name; 0 when it resolved, else 100 + the error code.
  export lookup: func(name: string) -> u32;
}

package wasi:sockets@0.2.0 {
  interface network {
    resource network;
    enum error-code {
      unknown, access-denied, not-supported, invalid-argument, out-of-memory, timeout, concurrency-conflict,
      not-in-progress, would-block, invalid-state, new-socket-limit, address-not-bindable, address-in-use,
      remote-unreachable, connection-refused, connection-reset, connection-aborted, datagram-too-large,
      name-unresolvable, temporary-resolver-failure, permanent-resolver-failure,
    }
    enum ip-address-family { ipv4, ipv6 }
    type ipv4-address = tuple<u8, u8, u8, u8>;
    type ipv6-address = tuple<u16, u16, u16, u16, u16, u16, u16, u16>;
    record ipv4-socket-address { port: u16, address: ipv4-address }
    record ipv6-socket-address { port: u16, flow-info: u32, address: ipv6-address, scope-id: u32 }
    variant ip-socket-address { ipv4(ipv4-socket-address), ipv6(ipv6-socket-address) }
  }
  interface instance-network {
    use network.{network};
    instance-network: func() -> network;
  }
  interface tcp {
    use network.{network, error-code, ip-socket-address};
    resource tcp-socket {
      start-connect: func(network: borrow<network>, remote-address: ip-socket-address) -> result<_, error-code>;
    }
  }
  interface tcp-create-socket {
    use network.{error-code, ip-address-family};
    use tcp.{tcp-socket};
    create-tcp-socket: func(address-family: ip-address-family) -> result<tcp-socket, error-code>;
  }
  interface ip-name-lookup {
    use network.{network, error-code};
    resource resolve-address-stream;
    resolve-addresses: func(network: borrow<network>, name: string) -> result<resolve-address-stream, error-code>;
  }
}
`;

export const socketsCore = `(module
  (import "wasi:sockets/instance-network@0.2.0" "instance-network" (func $network (result i32)))
  (import "wasi:sockets/tcp-create-socket@0.2.0" "create-tcp-socket" (func $create (param i32 i32)))
  (import "wasi:sockets/tcp@0.2.0" "[method]tcp-socket.start-connect"
    (func $start-connect (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)))
  (import "wasi:sockets/ip-name-lookup@0.2.0" "resolve-addresses" (func $resolve (param i32 i32 i32 i32)))
  (memory (export "memory") 1)
  (global $heap (mut i32) (i32.const 1024))
  ;; result<T, error-code> at 0: tag at 0, payload at 4
  (func $answer (result i32)
    (if (result i32) (i32.load8_u (i32.const 0)) (then (i32.add (i32.const 100) (i32.load8_u (i32.const 4)))) (else (i32.const 0))))
  (func (export "connect") (param $port i32) (result i32)
    (call $create (i32.const 0) (i32.const 0)) ;; ipv4
    (if (i32.load8_u (i32.const 0)) (then (return (call $answer))))
    ;; socket handle at 4: start-connect(socket, network, ipv4 { port, 127.0.0.1 })
    (call $start-connect (i32.load (i32.const 4)) (call $network) (i32.const 0) (local.get $port)
      (i32.const 127) (i32.const 0) (i32.const 0) (i32.const 1)
      (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0))
    (call $answer))
  (func (export "lookup") (param $name i32) (param $len i32) (result i32)
    (call $resolve (call $network) (local.get $name) (local.get $len) (i32.const 0))
    (call $answer))
  ;; bump allocator for the name argument
  (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32)
    (local $p i32)
    (local.set $p (i32.and (i32.add (global.get $heap) (i32.sub (local.get 2) (i32.const 1))) (i32.sub (i32.const 0) (local.get 2))))
    (global.set $heap (i32.add (local.get $p) (local.get 3)))
    (local.get $p))
)
`;

export const c = {
  /** Prints, then exit(code). */
  exit: (code: number) => `#include <stdio.h>
#include <stdlib.h>
int main(void) { puts("exiting"); exit(${code}); }
`,
  /** malloc 1 MiB at a time, touching it (so the compiler cannot drop it) until malloc fails. */
  mallocBomb: `#include <stdio.h>
#include <stdlib.h>
#include <string.h>
char *volatile sink;
int main(void) {
  for (;;) {
    char *p = malloc(1 << 20);
    if (!p) { perror("malloc"); abort(); }
    memset(p, 1, 1 << 20);
    sink = p;
  }
}
`,
  /**
   * Unbounded recursion through a volatile function pointer (not turned into a loop). The frame keeps
   * nothing in linear memory, so it is the engine's stack that overflows, not wasi-libc's shadow stack.
   */
  recursion: `int (*volatile next)(int);
static int recurse(int n) { return next(n + 1) + 1; }
int main(void) { next = recurse; return recurse(0); }
`,
  /** Writes argv-independent 1 KiB lines: \`lines\` of them, or forever when negative. */
  flood: (lines: number) => `#include <stdio.h>
#include <string.h>
int main(void) {
  char line[1024];
  memset(line, 'x', sizeof line - 1);
  line[sizeof line - 1] = '\\n';
  for (long i = 0; ${lines} < 0 || i < ${lines}; i++) fwrite(line, 1, sizeof line, stdout);
  fputs("done\\n", stderr);
  return 0;
}
`,
  wallClock: `#include <stdio.h>
#include <time.h>
int main(void) { printf("time=%lld\\n", (long long)time(NULL)); return 0; }
`,
  random: `#include <stdio.h>
#include <unistd.h>
int main(void) {
  unsigned char b[8];
  if (getentropy(b, sizeof b) != 0) { perror("getentropy"); return 1; }
  printf("random=%02x%02x\\n", b[0], b[1]);
  return 0;
}
`,
  /** Reads SECRET_TOKEN and dumps the whole environment it sees. */
  env: `#include <stdio.h>
#include <stdlib.h>
extern char **environ;
int main(void) {
  const char *v = getenv("SECRET_TOKEN");
  printf("SECRET_TOKEN=%s\\n", v ? v : "(unset)");
  for (char **e = environ; *e; e++) printf("env %s\\n", *e);
  return 0;
}
`,
  /** Tries to read each path given as an argument and prints what it got. */
  readFiles: `#include <stdio.h>
#include <string.h>
#include <errno.h>
int main(int argc, char **argv) {
  int failed = 0;
  for (int i = 1; i < argc; i++) {
    FILE *f = fopen(argv[i], "r");
    if (!f) { printf("%s: fail: %s\\n", argv[i], strerror(errno)); failed = 1; continue; }
    char buf[128] = {0};
    fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    printf("%s: read: %s\\n", argv[i], buf);
  }
  return failed;
}
`,
};

/** One JS component carries every JS probe: each componentize-js build costs ~10 s. */
export const jsWit = `package test:engine;
world hostile {
  export add: func(a: s32, b: s32) -> s32;
  export spin: func() -> u32;
  export now: func() -> f64;
  export fetch-url: func(url: string) -> string;
}
`;

export const jsSource = `
export function add(a, b) { return (a + b) | 0; }
export function spin() { let i = 0; for (;;) { i++; } }
export function now() { return Date.now(); }
export async function fetchUrl(url) {
  try {
    const res = await fetch(url);
    return 'status ' + res.status;
  } catch (e) {
    return 'error: ' + String((e && e.message) || e);
  }
}
`;
