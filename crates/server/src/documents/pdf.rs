//! A [`Document`] laid out on A4 pages as a PDF: the authority and the title, the header as
//! label and value, the outcome, the officer's words and the term, each section as a two-column
//! table (a mark on the left; the title, the words, the basis and the figures on the right),
//! the way to appeal, and on every page a foot with the verification code and "page n of N".
//! Text is real text in an embedded, subset font, so it can be searched, copied and read aloud.
//!
//! Layout is done first into pages of drawing operations (so the number of pages is known for
//! the foot), then drawn.

use super::content::{Document, Field, Row};
use super::font::{self, Face};
use krilla::Document as Pdf;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::text::TextDirection;

/// A4, in points.
const WIDTH: f32 = 595.28;
const HEIGHT: f32 = 841.89;
const MARGIN: f32 = 56.0;
const TOP: f32 = 56.0;
/// Where the body ends; the foot is below.
const BODY_END: f32 = HEIGHT - 78.0;
/// The header's labels take this much of the width.
const LABEL_WIDTH: f32 = 150.0;
/// A table's left column (the mark).
const MARK_WIDTH: f32 = 92.0;
const GAP: f32 = 10.0;

const TEXT: f32 = 10.0;
const SMALL: f32 = 8.5;
const TITLE: f32 = 16.0;
const HEADING: f32 = 12.0;

/// A colour, red, green and blue.
type Rgb = (u8, u8, u8);

/// A line of text to place: its size, boldness, colour and words.
type Line = (f32, bool, Rgb, String);

const BLACK: Rgb = (20, 20, 20);
const GREY: Rgb = (90, 90, 90);
const RULE: Rgb = (170, 170, 170);
const SHADE: Rgb = (238, 241, 245);
const RED: Rgb = (170, 20, 20);

/// The line height at a size.
fn leading(size: f32) -> f32 {
    size * 1.35
}

#[derive(Debug, Clone)]
enum Op {
    Text { x: f32, y: f32, size: f32, bold: bool, colour: Rgb, text: String },
    Rect { x: f32, y: f32, w: f32, h: f32, colour: Rgb },
}

/// Pages of operations, filled from the top, a new page when the next line does not fit.
struct Layout {
    pages: Vec<Vec<Op>>,
    /// The top of the next line on the current page.
    y: f32,
}

impl Layout {
    fn new() -> Layout {
        Layout { pages: vec![Vec::new()], y: TOP }
    }

    fn page(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
    }

    /// Makes room for `height` points, on a new page if this one has not that much left.
    fn room(&mut self, height: f32) {
        if self.y + height > BODY_END && self.y > TOP {
            self.new_page();
        }
    }

    fn space(&mut self, height: f32) {
        self.y += height;
    }

    /// One line of text whose top is at the cursor; the cursor moves below it.
    fn line(&mut self, x: f32, size: f32, bold: bool, colour: Rgb, text: &str) {
        self.room(leading(size));
        let baseline = self.y + size;
        self.page().push(Op::Text { x, y: baseline, size, bold, colour, text: text.to_string() });
        self.y += leading(size);
    }

    /// A paragraph broken into lines within `width`.
    fn paragraph(&mut self, x: f32, width: f32, size: f32, bold: bool, colour: Rgb, text: &str) {
        let face = if bold { font::bold() } else { font::regular() };
        for l in face.wrap(text, size, width) {
            self.line(x, size, bold, colour, &l);
        }
    }

    fn rule(&mut self, x: f32, width: f32, colour: Rgb) {
        let y = self.y;
        self.page().push(Op::Rect { x, y, w: width, h: 0.6, colour });
    }
}

fn face(bold: bool) -> &'static Face {
    if bold { font::bold() } else { font::regular() }
}

/// A label on the left and its value beside it, the value broken within its column.
fn field(l: &mut Layout, f: &Field, size: f32, bold_value: bool) {
    let value_x = MARGIN + LABEL_WIDTH;
    let value_width = WIDTH - MARGIN - value_x;
    let labels = font::regular().wrap(&f.label, SMALL + 0.5, LABEL_WIDTH - GAP);
    let values = face(bold_value).wrap(&f.value, size, value_width);
    let lines = labels.len().max(values.len());
    l.room(leading(size).min(leading(size) * lines as f32));
    for i in 0..lines {
        l.room(leading(size));
        let top = l.y;
        if let Some(label) = labels.get(i) {
            let op = Op::Text {
                x: MARGIN,
                y: top + size,
                size: SMALL + 0.5,
                bold: false,
                colour: GREY,
                text: label.clone(),
            };
            l.page().push(op);
        }
        if let Some(value) = values.get(i) {
            let op = Op::Text {
                x: value_x,
                y: top + size,
                size,
                bold: bold_value,
                colour: BLACK,
                text: value.clone(),
            };
            l.page().push(op);
        }
        l.y += leading(size);
    }
    l.space(3.0);
}

/// The lines of a row's right column: (size, bold, colour, text).
fn row_lines(r: &Row, width: f32, basis_label: &str, figures_label: &str) -> Vec<Line> {
    let mut out = Vec::new();
    for t in font::bold().wrap(&r.title, TEXT, width) {
        out.push((TEXT, true, BLACK, t));
    }
    if !r.text.is_empty() {
        for t in font::regular().wrap(&r.text, TEXT, width) {
            out.push((TEXT, false, BLACK, t));
        }
    }
    if !r.basis.is_empty() {
        for t in font::regular().wrap(&format!("{basis_label}: {}", r.basis), SMALL, width) {
            out.push((SMALL, false, GREY, t));
        }
    }
    if !r.figures.is_empty() {
        let figures = format!("{figures_label}: {}", r.figures.join("; "));
        for t in font::regular().wrap(&figures, SMALL, width) {
            out.push((SMALL, false, GREY, t));
        }
    }
    out
}

/// A row of a table: the mark in the left column beside the first lines; a long row goes on
/// over the page, its first lines kept together with the mark.
fn row(l: &mut Layout, r: &Row, basis_label: &str, figures_label: &str) {
    let x = MARGIN + MARK_WIDTH;
    let width = WIDTH - MARGIN - x;
    let lines = row_lines(r, width, basis_label, figures_label);
    let marks = font::bold().wrap(&r.mark, SMALL + 0.5, MARK_WIDTH - GAP);
    let first: f32 = lines.iter().take(3).map(|(s, ..)| leading(*s)).sum();
    l.room(first + 6.0);
    l.space(4.0);
    let top = l.y;
    for (i, m) in marks.iter().enumerate() {
        let op = Op::Text {
            x: MARGIN,
            y: top + TEXT + leading(SMALL + 0.5) * i as f32,
            size: SMALL + 0.5,
            bold: true,
            colour: if r.alert { RED } else { BLACK },
            text: m.clone(),
        };
        l.page().push(op);
    }
    for (size, bold, colour, text) in lines {
        l.line(x, size, bold, colour, &text);
    }
    l.space(4.0);
    l.rule(MARGIN, WIDTH - 2.0 * MARGIN, RULE);
}

/// The pages of `doc`, laid out.
fn lay_out(doc: &Document, basis_label: &str, figures_label: &str) -> Vec<Vec<Op>> {
    let mut l = Layout::new();
    let full = WIDTH - 2.0 * MARGIN;
    l.paragraph(MARGIN, full, SMALL + 0.5, false, GREY, &doc.authority);
    l.space(8.0);
    l.paragraph(MARGIN, full, TITLE, true, BLACK, &doc.title);
    l.space(4.0);
    l.rule(MARGIN, full, BLACK);
    l.space(10.0);
    for f in &doc.header {
        field(&mut l, f, TEXT, false);
    }
    l.space(6.0);
    // The outcome, on a shaded band.
    let outcome_lines = font::bold().wrap(&doc.outcome.value, HEADING, WIDTH - 2.0 * MARGIN - LABEL_WIDTH);
    let band = leading(HEADING) * outcome_lines.len() as f32 + 10.0;
    l.room(band);
    let y = l.y;
    l.page().push(Op::Rect { x: MARGIN - 4.0, y, w: full + 8.0, h: band, colour: SHADE });
    l.space(5.0);
    field(&mut l, &doc.outcome, HEADING, true);
    l.space(6.0);
    for f in doc.statement.iter().chain(&doc.term) {
        field(&mut l, f, TEXT, false);
    }
    for s in &doc.sections {
        l.space(10.0);
        l.room(leading(HEADING) + 3.0 * leading(TEXT));
        l.paragraph(MARGIN, full, HEADING, true, BLACK, &s.heading);
        if !s.intro.is_empty() {
            l.paragraph(MARGIN, full, SMALL + 0.5, false, GREY, &s.intro);
        }
        l.space(2.0);
        l.rule(MARGIN, full, BLACK);
        for r in &s.rows {
            row(&mut l, r, basis_label, figures_label);
        }
    }
    l.space(12.0);
    // The way to appeal is kept whole on one page.
    let appeal = font::regular().wrap(&doc.appeal.value, TEXT, full).len() as f32;
    l.room(leading(HEADING) + appeal * leading(TEXT));
    l.paragraph(MARGIN, full, HEADING, true, BLACK, &doc.appeal.label);
    l.paragraph(MARGIN, full, TEXT, false, BLACK, &doc.appeal.value);
    l.pages
}

/// The foot of page `n` of `total`: a rule, the verification line, the page's number.
fn foot(doc: &Document, n: usize, total: usize) -> Vec<Op> {
    let mut ops =
        vec![Op::Rect { x: MARGIN, y: BODY_END + 14.0, w: WIDTH - 2.0 * MARGIN, h: 0.6, colour: RULE }];
    let page = doc.foot.page_of.replace("{n}", &n.to_string()).replace("{total}", &total.to_string());
    let page_width = font::regular().width(&page, SMALL);
    let width = WIDTH - 2.0 * MARGIN - page_width - GAP;
    let mut y = BODY_END + 14.0 + 4.0 + SMALL;
    for (i, line) in font::regular().wrap(&doc.foot.line, SMALL, width).into_iter().enumerate().take(3) {
        if i == 0 {
            ops.push(Op::Text {
                x: WIDTH - MARGIN - page_width,
                y,
                size: SMALL,
                bold: false,
                colour: GREY,
                text: page.clone(),
            });
        }
        ops.push(Op::Text { x: MARGIN, y, size: SMALL, bold: i == 0, colour: BLACK, text: line });
        y += leading(SMALL);
    }
    ops
}

fn fill((r, g, b): Rgb) -> Fill {
    Fill { paint: rgb::Color::new(r, g, b).into(), opacity: NormalizedF32::ONE, rule: Default::default() }
}

/// Why a document could not be made.
#[derive(Debug, thiserror::Error)]
#[error("the document could not be made: {0}")]
pub struct PdfError(String);

/// `doc` as a PDF file. `basis_label` and `figures_label` introduce a row's basis and figures.
pub fn render(doc: &Document, basis_label: &str, figures_label: &str) -> Result<Vec<u8>, PdfError> {
    let pages = lay_out(doc, basis_label, figures_label);
    let total = pages.len();
    let mut pdf = Pdf::new();
    pdf.set_metadata(
        Metadata::new()
            .title(doc.title.clone())
            .language(doc.lang.code().to_string())
            .creator("ashyq".to_string())
            .authors(vec![doc.authority.clone()]),
    );
    let settings = || PageSettings::from_wh(WIDTH, HEIGHT).ok_or_else(|| PdfError("the page size".into()));
    for (i, ops) in pages.iter().enumerate() {
        let mut page = pdf.start_page_with(settings()?);
        let mut surface = page.surface();
        for op in ops.iter().chain(&foot(doc, i + 1, total)) {
            match op {
                Op::Text { x, y, size, bold, colour, text } => {
                    surface.set_fill(Some(fill(*colour)));
                    let f = face(*bold).pdf();
                    surface.draw_text(Point::from_xy(*x, *y), f, *size, text, false, TextDirection::Auto);
                }
                Op::Rect { x, y, w, h, colour } => {
                    let mut pb = PathBuilder::new();
                    if let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) {
                        pb.push_rect(rect);
                    }
                    if let Some(path) = pb.finish() {
                        surface.set_fill(Some(fill(*colour)));
                        surface.draw_path(&path);
                    }
                }
            }
        }
        surface.finish();
        page.finish();
    }
    pdf.finish().map_err(|e| PdfError(format!("{e:?}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::content::{Field, Foot, Row, Section};
    use crate::i18n::Lang;

    fn document(rows: usize) -> Document {
        let row = |i: usize| Row {
            mark: "Орындалды".into(),
            alert: false,
            title: format!("Шарт {i}: өтініш берушінің төлем қабілеттілігі"),
            text:
                "Өтініш беруші қазақстандық банктегі шотында 6 000 000 ₸ ұстайды; кемінде 5 709 000 ₸ қажет. "
                    .repeat(3),
            basis: "Law \"On population migration\", Article 49".into(),
            figures: vec!["mci: 4 325 ₸ (01.01.2026 бастап)".into()],
        };
        Document {
            lang: Lang::Kk,
            authority: "Көші-қон комитеті".into(),
            title: "Өтінішті мақұлау туралы шешім".into(),
            header: vec![Field::new("Іс нөмірі", "DOC-1")],
            outcome: Field::new("Нәтиже", "Өтініш мақұлданды"),
            statement: None,
            term: None,
            sections: vec![Section {
                heading: "Негіздер".into(),
                intro: String::new(),
                rows: (0..rows).map(row).collect(),
            }],
            appeal: Field::new("Шағымдану тәртібі", "Үш ай ішінде."),
            foot: Foot {
                code: "7KQ2-M9XD-4RTB".into(),
                line: "Тексеру коды: 7KQ2-M9XD-4RTB".into(),
                page_of: "{n}/{total}".into(),
            },
        }
    }

    #[test]
    fn long_reasons_go_on_over_pages_within_the_body() {
        assert_eq!(lay_out(&document(2), "Basis", "Figures").len(), 1);
        let pages = lay_out(&document(40), "Basis", "Figures");
        assert!(pages.len() > 3, "{} pages", pages.len());
        for ops in &pages {
            for op in ops {
                let y = match op {
                    Op::Text { y, .. } | Op::Rect { y, .. } => *y,
                };
                assert!((TOP..=BODY_END).contains(&y), "{op:?} outside the body");
            }
        }
        let bytes = render(&document(40), "Basis", "Figures").unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
        // The font is subset: far less than the 760 KB of the whole file.
        assert!(bytes.len() < 150_000, "{} bytes", bytes.len());
    }

    #[test]
    fn every_page_has_its_foot_with_the_code_and_its_number() {
        let doc = document(40);
        let total = lay_out(&doc, "Basis", "Figures").len();
        for n in 1..=total {
            let texts: Vec<String> = foot(&doc, n, total)
                .into_iter()
                .filter_map(|op| match op {
                    Op::Text { text, y, .. } => {
                        assert!(y > BODY_END && y < HEIGHT, "the foot is below the body");
                        Some(text)
                    }
                    Op::Rect { .. } => None,
                })
                .collect();
            assert!(texts.iter().any(|t| t.contains("7KQ2-M9XD-4RTB")), "{texts:?}");
            assert!(texts.contains(&format!("{n}/{total}")), "{texts:?}");
        }
    }
}
