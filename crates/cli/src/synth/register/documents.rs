//! Travel documents: the number formats of each issuing state and unique numbers drawn from them.
//!
//! Each format is a list of positions, each with its alphabet (`AB` + seven digits for an Uzbek
//! passport, nine digits for a Tajik one, …). Numbers are the images of a counter under a bijection
//! of the format's space (`n ↦ n·A + B mod M`), so they look scattered yet never repeat within a
//! format; the formats of one issuing state never overlap (different lengths or prefixes), so a
//! number is unique per issuing state.

const D: &str = "0123456789";
const L: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
/// German passport numbers avoid vowels and letters that could be misread.
const DE: &str = "CFGHJKLMNPRTVWXYZ0123456789";

/// A document number format.
pub(super) struct Format {
    positions: &'static [&'static str],
}

macro_rules! formats {
    ($($name:ident = [$($p:expr),* $(,)?];)*) => {
        /// Every format, indexed by [`FormatId`].
        pub(super) const FORMATS: &[Format] = &[$(Format { positions: &[$($p),*] }),*];
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[repr(usize)]
        pub(super) enum FormatId { $($name),* }
    };
}

formats! {
    UZB_P = ["AF", "ABCD", D, D, D, D, D, D, D];
    RUS_P = ["67", D, D, D, D, D, D, D, D];
    RUS_INTERNAL = ["0123456789", D, D, D, D, D, D, D, D, D];
    KGZ_P = ["A", "CN", D, D, D, D, D, D, D];
    KGZ_I = ["I", "D", D, D, D, D, D, D, D];
    TJK_P = ["4", D, D, D, D, D, D, D, D];
    CHN_P = ["E", "ABCDEFGH", D, D, D, D, D, D, D];
    TUR_P = ["U", D, D, D, D, D, D, D, D];
    IND_P = ["JKLMNPRSTUVWZ", D, D, D, D, D, D, D];
    AZE_P = ["C", D, D, D, D, D, D, D, D];
    DEU_P = ["CFGHJK", DE, DE, DE, DE, DE, DE, DE, DE];
    KOR_P = ["M", D, D, D, D, D, D, D, D];
    USA_P = ["56", D, D, D, D, D, D, D, D];
    BLR_P = ["MK", "CPH", D, D, D, D, D, D, D];
    BLR_I = ["B", "Y", D, D, D, D, D, D, D, D];
    GEO_P = ["1", D, L, L, D, D, D, D, D];
    TKM_P = ["A", D, D, D, D, D, D, D];
    AFG_P = ["P", "0", D, D, D, D, D, D, D];
    PAK_P = [L, L, D, D, D, D, D, D, D];
    GBR_P = ["1", D, D, D, D, D, D, D, D];
    ARM_P = ["A", "RT", D, D, D, D, D, D, D];
    ARM_I = ["0", "0", D, D, D, D, D, D, D];
    MNG_P = ["E", D, D, D, D, D, D, D];
    UKR_P = ["F", "ABCEHKMT", D, D, D, D, D, D];
    IRN_P = ["XYZ", D, D, D, D, D, D, D, D];
    OTHER_P = [L, L, D, D, D, D, D, D, D];
}

impl FormatId {
    fn index(self) -> usize {
        self as usize
    }
}

/// The next number of each format.
pub(super) struct Numbers {
    next: Vec<u64>,
    offset: Vec<u128>,
}

/// A multiplier prime to every format's size (whose factors are all below 30).
const MULTIPLIER: u128 = 2_654_435_761;

impl Numbers {
    pub fn new(seed: u64) -> Numbers {
        let offset = (0..FORMATS.len() as u128)
            .map(|i| u128::from(seed).wrapping_mul(0x9E37_79B9_7F4A_7C15).wrapping_add(i * 1_000_003))
            .collect();
        Numbers { next: vec![0; FORMATS.len()], offset }
    }

    /// A number of this format never given before, written into `out`.
    pub fn next(&mut self, id: FormatId, out: &mut String) {
        let i = id.index();
        let Some(format) = FORMATS.get(i) else { return };
        let size: u128 = format.positions.iter().map(|p| p.len() as u128).product();
        let counter = self.next.get(i).copied().unwrap_or(0);
        if let Some(n) = self.next.get_mut(i) {
            *n += 1;
        }
        let offset = self.offset.get(i).copied().unwrap_or(0);
        let mut n = (u128::from(counter) * MULTIPLIER + offset) % size.max(1);
        let mut chars = [b'0'; 24];
        let width = format.positions.len().min(chars.len());
        for (slot, alphabet) in chars[..width].iter_mut().rev().zip(format.positions.iter().rev()) {
            let radix = alphabet.len() as u128;
            let digit = usize::try_from(n % radix).unwrap_or(0);
            n /= radix;
            *slot = alphabet.as_bytes().get(digit).copied().unwrap_or(b'0');
        }
        out.clear();
        out.extend(chars[..width].iter().map(|&b| char::from(b)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn numbers_are_unique_per_format_and_well_formed() {
        let mut numbers = Numbers::new(7);
        let mut seen = HashSet::new();
        let mut text = String::new();
        for _ in 0..50_000 {
            numbers.next(FormatId::UZB_P, &mut text);
            assert_eq!(text.len(), 9, "{text}");
            assert!(
                text.starts_with(['A', 'F']) && text.bytes().skip(2).all(|b| b.is_ascii_digit()),
                "{text}"
            );
            assert!(seen.insert(text.clone()), "{text} repeated");
        }
        for id in [FormatId::KGZ_P, FormatId::KGZ_I, FormatId::DEU_P, FormatId::GEO_P] {
            numbers.next(id, &mut text);
            assert!(text.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()), "{text}");
        }
    }
}
