/**
 * Guest programs the host tests run, as source text (built by test/support/fixtures.ts and cached by
 * content hash). One JS component carries every JS probe, because each componentize-js build costs
 * ~10 s; C probes are cheap, so each C program does one thing.
 */

export const jsWit = `package test:host;
world probe {
  export hello: func() -> string;
  export now: func() -> f64;
  export rnd: func() -> f64;
  export crypto-bytes: func(n: u32) -> list<u8>;
  export fetch-url: func(url: string) -> string;
  export sleepy: func(ms: u32) -> f64;
}
`;

export const jsSource = `
export function hello() {
  console.log('hello from js');
  console.error('to stderr');
  return 'hi';
}
export function now() { return Date.now(); }
export function rnd() { return Math.random(); }
export function cryptoBytes(n) { return crypto.getRandomValues(new Uint8Array(n)); }
export async function fetchUrl(url) {
  try {
    const res = await fetch(url);
    return 'status ' + res.status;
  } catch (e) {
    return 'error: ' + String(e && e.message || e);
  }
}
export async function sleepy(ms) {
  const t0 = performance.now();
  await new Promise((resolve) => setTimeout(resolve, ms));
  return performance.now() - t0;
}
`;

/** stdout, stderr, argv and the exit code. */
export const cHello = `#include <stdio.h>
int main(int argc, char **argv) {
  printf("hello from C, argc=%d argv0=%s\\n", argc, argc > 0 ? argv[0] : "-");
  fprintf(stderr, "to stderr\\n");
  return 7;
}
`;

/** Prints the wall-clock seconds (clock_gettime(CLOCK_REALTIME) → wasi:clocks/wall-clock#now). */
export const cWallClock = `#include <stdio.h>
#include <time.h>
int main(void) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  printf("%lld\\n", (long long)ts.tv_sec);
  return 0;
}
`;

/** getentropy and arc4random (wasi:random/random#get-random-bytes), printed as hex. */
export const cRandom = `#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
int main(void) {
  unsigned char b[16];
  if (getentropy(b, sizeof b) != 0) { perror("getentropy"); return 1; }
  for (int i = 0; i < 16; i++) printf("%02x", b[i]);
  printf(" %08x\\n", arc4random());
  return 0;
}
`;

/** The variables given on argv[1..], and the whole environment count. */
export const cEnv = `#include <stdio.h>
#include <stdlib.h>
extern char **environ;
int main(int argc, char **argv) {
  int n = 0;
  for (char **e = environ; *e; e++) n++;
  printf("count=%d\\n", n);
  for (int i = 1; i < argc; i++) {
    const char *v = getenv(argv[i]);
    printf("%s=%s\\n", argv[i], v ? v : "(unset)");
  }
  return 0;
}
`;

/**
 * File probe driven by argv: \`read PATH\` prints the file, \`write PATH\` creates it and writes "written",
 * \`list DIR\` prints the sorted directory entries, \`stat PATH\` prints the size. Failures print
 * \`fail: <strerror>\` and exit 1.
 */
export const cFiles = `#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <dirent.h>
#include <sys/stat.h>
int main(int argc, char **argv) {
  if (argc < 3) return 2;
  const char *op = argv[1], *path = argv[2];
  if (!strcmp(op, "read")) {
    FILE *f = fopen(path, "r");
    if (!f) { printf("fail: %s\\n", strerror(errno)); return 1; }
    char buf[256]; size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) fwrite(buf, 1, n, stdout);
    fclose(f);
    return 0;
  }
  if (!strcmp(op, "write")) {
    FILE *f = fopen(path, "w");
    if (!f) { printf("fail: %s\\n", strerror(errno)); return 1; }
    if (fputs("written", f) < 0 || fclose(f) != 0) { printf("fail: %s\\n", strerror(errno)); return 1; }
    printf("ok\\n");
    return 0;
  }
  if (!strcmp(op, "list")) {
    DIR *d = opendir(path);
    if (!d) { printf("fail: %s\\n", strerror(errno)); return 1; }
    struct dirent *e;
    while ((e = readdir(d))) if (e->d_name[0] != '.') printf("%s\\n", e->d_name);
    closedir(d);
    return 0;
  }
  if (!strcmp(op, "stat")) {
    struct stat st;
    if (stat(path, &st) != 0) { printf("fail: %s\\n", strerror(errno)); return 1; }
    printf("size=%lld dir=%d\\n", (long long)st.st_size, S_ISDIR(st.st_mode) ? 1 : 0);
    return 0;
  }
  return 2;
}
`;

/** Writes argv[1] KiB to stdout in one loop: the output cap must bound what the host keeps. */
export const cFlood = `#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(int argc, char **argv) {
  long kib = argc > 1 ? atol(argv[1]) : 0;
  char line[1024];
  memset(line, 'x', sizeof line - 1);
  line[sizeof line - 1] = '\\n';
  for (long i = 0; i < kib; i++) fwrite(line, 1, sizeof line, stdout);
  return 0;
}
`;

/** Sleeps argv[1] seconds and prints the monotonic time that passed (virtual time under strict/virtual). */
export const cSleep = `#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
int main(int argc, char **argv) {
  struct timespec a, b;
  clock_gettime(CLOCK_MONOTONIC, &a);
  sleep(argc > 1 ? atoi(argv[1]) : 1);
  clock_gettime(CLOCK_MONOTONIC, &b);
  long long ns = (long long)(b.tv_sec - a.tv_sec) * 1000000000LL + (b.tv_nsec - a.tv_nsec);
  printf("slept_ms=%lld\\n", ns / 1000000);
  return 0;
}
`;
