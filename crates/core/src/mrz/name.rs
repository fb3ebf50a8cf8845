//! Names and other text fields: fillers (`<`) trimmed, `<<` between the surname and the given
//! names, a single `<` between words.

/// A text field without its trailing fillers.
pub fn trim(field: &str) -> String {
    field.trim_end_matches('<').to_string()
}

/// The primary and secondary identifiers of a name field.
pub fn split(field: &str) -> (String, String) {
    let field = field.trim_end_matches('<');
    let (primary, secondary) = field.split_once("<<").unwrap_or((field, ""));
    (words(primary), words(secondary))
}

/// The words of a name part, joined by single spaces.
fn words(part: &str) -> String {
    part.split('<').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}
