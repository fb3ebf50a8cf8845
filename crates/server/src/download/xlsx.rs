//! Workbooks for spreadsheets, every export's the same way: the header row bold, frozen and
//! filtered, each column as wide as what it holds (up to [`MAX_WIDTH`]), numbers as numbers and
//! dates as dates in the reader's way of writing them. Text is always written as text, never
//! as a formula.

use super::{Cell, Headers, Table};
use crate::i18n::Lang;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

/// The widest a column is made, in characters; longer text wraps out of sight, as in Excel.
pub const MAX_WIDTH: usize = 60;
/// The narrowest a column is made, in characters.
pub const MIN_WIDTH: usize = 6;
/// The most characters Excel keeps in a cell.
const MAX_CELL_CHARS: usize = 32_767;

/// Dates as Kazakh and Russian readers write them.
pub const DATE_DMY: &str = "dd.mm.yyyy";
/// Dates as English readers write them.
pub const DATE_EN: &str = "d mmm yyyy";

/// The number format of dates for the reader's language.
pub fn date_format(lang: Lang) -> &'static str {
    match lang {
        Lang::Kk | Lang::Ru => DATE_DMY,
        Lang::En => DATE_EN,
    }
}

/// A workbook of the tables, a sheet each, in order.
pub fn workbook(tables: &[&Table], h: Headers, date_format: &str) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let formats = Formats {
        bold: Format::new().set_bold(),
        date: Format::new().set_num_format(date_format),
        // `10.01.2026`, `10 Jan 2026`.
        date_width: 11,
    };
    for t in tables {
        let sheet = book.add_worksheet();
        sheet.set_name(&t.sheet)?;
        write_sheet(sheet, t, h, &formats)?;
    }
    book.save_to_buffer()
}

struct Formats {
    bold: Format,
    date: Format,
    /// How wide a date is shown, in characters.
    date_width: usize,
}

fn write_sheet(sheet: &mut Worksheet, t: &Table, h: Headers, f: &Formats) -> Result<(), XlsxError> {
    let headings = t.headings(h);
    let mut widths: Vec<usize> = headings.iter().map(|s| s.chars().count()).collect();
    for (c, heading) in headings.iter().enumerate() {
        sheet.write_string_with_format(0, col(c)?, *heading, &f.bold)?;
    }
    let mut last_row = 0;
    for (r, cells) in t.cells(h).enumerate() {
        let row = u32::try_from(r + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
        last_row = row;
        for (c, cell) in cells.into_iter().enumerate() {
            let shown = write_cell(sheet, row, col(c)?, cell, f)?;
            widths[c] = widths[c].max(shown);
        }
    }
    if headings.is_empty() {
        return Ok(());
    }
    for (c, w) in widths.iter().enumerate() {
        sheet.set_column_width(col(c)?, (*w + 2).clamp(MIN_WIDTH, MAX_WIDTH) as f64)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, last_row, col(headings.len() - 1)?)?;
    Ok(())
}

fn col(c: usize) -> Result<u16, XlsxError> {
    u16::try_from(c).map_err(|_| XlsxError::RowColumnLimitError)
}

/// Writes a cell; answers how many characters wide it shows.
fn write_cell(sheet: &mut Worksheet, row: u32, c: u16, cell: &Cell, f: &Formats) -> Result<usize, XlsxError> {
    Ok(match cell {
        Cell::Text(t) => {
            let t = match t.char_indices().nth(MAX_CELL_CHARS) {
                Some((cut, _)) => &t[..cut],
                None => t.as_str(),
            };
            sheet.write_string(row, c, t)?;
            t.lines().map(|l| l.chars().count()).max().unwrap_or(0)
        }
        Cell::Int(n) => {
            sheet.write_number(row, c, *n as f64)?;
            n.to_string().len()
        }
        Cell::Number(x) => {
            sheet.write_number(row, c, *x)?;
            x.to_string().len()
        }
        Cell::Date(d) => {
            let excel = u16::try_from(d.year())
                .ok()
                .and_then(|y| ExcelDateTime::from_ymd(y, d.month() as u8, d.day() as u8).ok());
            match excel {
                Some(x) => {
                    sheet.write_date_with_format(row, c, &x, &f.date)?;
                    f.date_width
                }
                // Before 1900 Excel has no dates: the date as text, still ISO.
                None => {
                    sheet.write_string(row, c, d.to_string())?;
                    10
                }
            }
        }
        Cell::Empty => 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_as_each_language_reads_them() {
        assert_eq!(date_format(Lang::Kk), "dd.mm.yyyy");
        assert_eq!(date_format(Lang::Ru), "dd.mm.yyyy");
        assert_eq!(date_format(Lang::En), "d mmm yyyy");
    }

    #[test]
    fn an_empty_table_still_makes_a_workbook() {
        let t = Table::new("empty").column("a", "A".into());
        assert!(workbook(&[&t], Headers::Localized, DATE_DMY).is_ok());
        let none = Table::new("none");
        assert!(workbook(&[&none], Headers::Machine, DATE_EN).is_ok());
    }
}
