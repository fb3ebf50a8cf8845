//! What a document says, as plain data in the reader's language: its title, the header (who
//! decided what, when, about whom), the outcome and the officer's words, the sections of reasons
//! or figures, the term, the way to appeal, and the verification code printed at the foot of
//! every page. Made by [`super::compose`], laid out by [`super::pdf`]; no I/O here.

use crate::i18n::Lang;

/// A label and its value (`Reference: KZ-2026-0001`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub label: String,
    pub value: String,
}

impl Field {
    pub fn new(label: impl Into<String>, value: impl Into<String>) -> Field {
        Field { label: label.into(), value: value.into() }
    }
}

/// One row of a section: a check of the rules, a subsidy, a right.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Row {
    /// A short mark in the left column: "Met", "Not met", an amount; may be empty.
    pub mark: String,
    /// The mark is what the decision turns on against the person (a condition not met): printed
    /// in red.
    pub alert: bool,
    /// What the row is about, in bold.
    pub title: String,
    /// The row in plain words.
    pub text: String,
    /// Its legal basis, cited; may be empty.
    pub basis: String,
    /// The figures it used, each as "name: value"; may be empty.
    pub figures: Vec<String>,
}

/// A headed section of rows, laid out as a two-column table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub heading: String,
    /// The words that introduce it; may be empty.
    pub intro: String,
    pub rows: Vec<Row>,
}

/// The verification printed at the foot of every page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Foot {
    /// The code as printed: `XXXX-XXXX-XXXX`.
    pub code: String,
    /// The line at the foot: the code and where to check it.
    pub line: String,
    /// "Page {n} of {total}", with `{n}` and `{total}` to be filled in.
    pub page_of: String,
}

/// A document, ready to be laid out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub lang: Lang,
    /// The issuing authority, printed above the title.
    pub authority: String,
    pub title: String,
    /// Reference, date, region, holder, programme.
    pub header: Vec<Field>,
    /// The outcome in one line.
    pub outcome: Field,
    /// The officer's own words, if they wrote any.
    pub statement: Option<Field>,
    /// The term, where there is one.
    pub term: Option<Field>,
    pub sections: Vec<Section>,
    /// How and until when to appeal.
    pub appeal: Field,
    pub foot: Foot,
}

impl Document {
    /// Every text the document prints, in order: for tests and for the font check.
    pub fn texts(&self) -> Vec<&str> {
        let mut out = vec![self.authority.as_str(), self.title.as_str()];
        for f in self.header.iter().chain([&self.outcome]).chain(&self.statement).chain(&self.term) {
            out.extend([f.label.as_str(), f.value.as_str()]);
        }
        for s in &self.sections {
            out.extend([s.heading.as_str(), s.intro.as_str()]);
            for r in &s.rows {
                out.extend([r.mark.as_str(), r.title.as_str(), r.text.as_str(), r.basis.as_str()]);
                out.extend(r.figures.iter().map(String::as_str));
            }
        }
        out.extend([self.appeal.label.as_str(), self.appeal.value.as_str(), self.foot.line.as_str()]);
        out
    }
}
