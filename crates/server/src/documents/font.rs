//! The fonts every document embeds — DejaVu Sans, regular and bold, with every letter of Kazakh,
//! Russian and English (`crates/server/assets/fonts/`, with its licence) — and how wide a text
//! is in them, to break lines. The PDF embeds only the glyphs a document uses.

use std::sync::OnceLock;

const REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// A font: its file read for measuring, and the same for the PDF.
pub struct Face {
    face: ttf_parser::Face<'static>,
    units_per_em: f32,
    pdf: krilla::text::Font,
}

impl std::fmt::Debug for Face {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Face")
    }
}

fn load(bytes: &'static [u8]) -> Face {
    // Both files are compiled in and read by the tests: they parse.
    let face = ttf_parser::Face::parse(bytes, 0).expect("the embedded font parses");
    let pdf = krilla::text::Font::new(bytes.into(), 0).expect("the embedded font loads");
    Face { units_per_em: f32::from(face.units_per_em()), face, pdf }
}

/// DejaVu Sans.
pub fn regular() -> &'static Face {
    static F: OnceLock<Face> = OnceLock::new();
    F.get_or_init(|| load(REGULAR))
}

/// DejaVu Sans Bold.
pub fn bold() -> &'static Face {
    static F: OnceLock<Face> = OnceLock::new();
    F.get_or_init(|| load(BOLD))
}

impl Face {
    /// The font for the PDF (cheap to clone).
    pub fn pdf(&self) -> krilla::text::Font {
        self.pdf.clone()
    }

    /// Whether the font draws `c` (a missing letter would print as an empty box).
    pub fn has(&self, c: char) -> bool {
        c.is_control() || self.face.glyph_index(c).is_some()
    }

    /// The width of `text` at `size` points, by the glyphs' advances.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let units: f32 = text
            .chars()
            .map(|c| {
                let g = self.face.glyph_index(c).unwrap_or_default();
                f32::from(self.face.glyph_hor_advance(g).unwrap_or_default())
            })
            .sum();
        units * size / self.units_per_em
    }

    /// `text` broken into lines at most `width` points wide at `size` points: at spaces, at a
    /// new line, and inside a word only when the word alone is wider than the line.
    pub fn wrap(&self, text: &str, size: f32, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
                let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
                if self.width(&candidate, size) <= width {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                // A word wider than the line is cut where it must be.
                for c in word.chars() {
                    line.push(c);
                    if self.width(&line, size) > width && line.chars().count() > 1 {
                        line.pop();
                        lines.push(std::mem::take(&mut line));
                        line.push(c);
                    }
                }
            }
            lines.push(line);
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fonts_have_every_letter_of_kazakh_russian_and_english() {
        let letters = "әғқңөұүһіӘҒҚҢӨҰҮҺІ абвгдеёжзийклмнопрстуфхцчшщъыьэюя АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ \
                       abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 ₸ № « » – — ✓ ✗ \u{a0}";
        for face in [regular(), bold()] {
            let missing: String = letters.chars().filter(|c| !face.has(*c)).collect();
            assert!(missing.is_empty(), "missing {missing:?}");
        }
    }

    #[test]
    fn lines_break_at_spaces_within_the_width() {
        let f = regular();
        let text = "Өтініш берушінің төлем қабілеттілігі расталды және талаптар орындалды";
        let lines = f.wrap(text, 10.0, 120.0);
        assert!(lines.len() > 2, "{lines:?}");
        assert!(lines.iter().all(|l| f.width(l, 10.0) <= 120.0), "{lines:?}");
        assert_eq!(lines.join(" "), text);
        assert_eq!(f.wrap("one\ntwo", 10.0, 500.0), ["one", "two"]);
        let long = "Ә".repeat(80);
        assert!(f.wrap(&long, 10.0, 100.0).iter().all(|l| f.width(l, 10.0) <= 100.0));
        assert!(f.width("ҚАЗАҚСТАН", 12.0) > f.width("ҚАЗАҚСТАН", 10.0));
    }
}
