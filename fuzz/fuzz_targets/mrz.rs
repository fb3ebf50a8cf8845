//! Any bytes as the machine-readable zone: the parser answers or refuses, never panics. Checked
//! also: a zone that parses has dates that are calendar dates and a document number of the
//! allowed characters.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let today = jiff::civil::date(2026, 11, 21);
    if let Ok(mrz) = ashyq_core::mrz::parse(text, today) {
        assert!(mrz.document_number.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()));
        assert!(mrz.birth_date <= today, "a birth date is never after today");
    }
});
