// A WASI command: main() becomes wasi:cli/run through the preview1 command adapter.
#include <stdio.h>

static int add(int a, int b) { return a + b; }

int main(void) {
  printf("Hello from C! 2 + 3 = %d\n", add(2, 3));
  return 0;
}
