// A library (built with -buildmode=c-shared): each //go:wasmexport name is the canonical-ABI name
// of a function of the exported interface example:calc/math@0.1.0 declared in ../wit/calc.wit.
package main

//go:wasmexport example:calc/math@0.1.0#add
func add(a, b int32) int32 {
	return a + b // Go's int32 arithmetic wraps, like s32 everywhere else
}

func main() {}
