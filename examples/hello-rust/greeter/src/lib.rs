//! The exports of interface example:greeter/hello@0.1.0 (../wit/greeter.wit), written against
//! the component model's canonical ABI by hand, so the crate needs no dependencies (and builds
//! with the Rust 1.63 that Debian packages). A `string` parameter arrives as (pointer, length) in
//! memory the host allocated with `cabi_realloc`; a `string` result is returned as a pointer to a
//! (pointer, length) pair, released by the `cabi_post_` function after the host has copied it.
use std::alloc::{alloc, realloc, Layout};

extern "C" {
    fn __wasm_call_ctors();
}

/// A reactor's initialiser, run once when the component is instantiated. Calling the constructors
/// here (rather than letting the linker wrap every export with them) keeps `cabi_realloc` free of
/// WASI calls, which the host forbids while it lowers arguments.
#[no_mangle]
pub extern "C" fn _initialize() {
    unsafe { __wasm_call_ctors() }
}

#[no_mangle]
pub unsafe extern "C" fn cabi_realloc(old: *mut u8, old_len: usize, align: usize, new_len: usize) -> *mut u8 {
    if new_len == 0 {
        return align as *mut u8;
    }
    if old_len == 0 {
        alloc(Layout::from_size_align_unchecked(new_len, align))
    } else {
        realloc(old, Layout::from_size_align_unchecked(old_len, align), new_len)
    }
}

static mut RETURN_AREA: [u32; 2] = [0; 2];

#[export_name = "example:greeter/hello@0.1.0#greet"]
pub unsafe extern "C" fn greet(ptr: *mut u8, len: usize) -> *const u32 {
    // The host allocated the argument with cabi_realloc(align 1): it is a Vec<u8> we now own.
    let name = String::from_utf8_unchecked(Vec::from_raw_parts(ptr, len, len));
    let reply = format!("Hello, {}!", name).into_bytes().into_boxed_slice();
    RETURN_AREA = [reply.as_ptr() as u32, reply.len() as u32];
    std::mem::forget(reply);
    RETURN_AREA.as_ptr()
}

#[export_name = "cabi_post_example:greeter/hello@0.1.0#greet"]
pub unsafe extern "C" fn greet_post_return(area: *const u32) {
    let (ptr, len) = (*area as *mut u8, *area.add(1) as usize);
    drop(Vec::from_raw_parts(ptr, len, len));
}

#[export_name = "example:greeter/hello@0.1.0#add"]
pub extern "C" fn add(a: i32, b: i32) -> i32 {
    a.wrapping_add(b)
}
