// A WASI command: main becomes wasi:cli/run through the preview1 command adapter.
package main

import "fmt"

func add(a, b int) int { return a + b }

func main() {
	fmt.Printf("Hello from Go! 2 + 3 = %d\n", add(2, 3))
}
