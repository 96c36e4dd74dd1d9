// A WASI command: main() becomes wasi:cli/run through the preview1 command adapter.
fn main() {
    println!("Hello from Rust!");
}
