//! Any text as an IIN: valid or refused with a reason, never a panic; a valid one is 12 digits.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if ashyq_core::iin::Iin::parse(text).is_ok() {
        assert_eq!(text.trim().len(), 12);
    }
});
