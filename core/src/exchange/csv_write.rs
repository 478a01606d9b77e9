//! Writing CSV tables that are safe to open in a spreadsheet (#17).
//!
//! Every CSV table Tend downloads goes through [`write_table`]; no other code writes CSV. It
//! follows RFC 4180 (fields quoted when they hold a comma, a quote or a line break; quotes
//! doubled; lines ending in CRLF) and starts with a UTF-8 byte-order mark, without which Excel on
//! Windows reads the file in the system's code page and garbles any name that is not plain ASCII.
//!
//! A cell is either text or a number, and the two are kept apart by type:
//!
//! - [`Cell::text`] is for anything a person typed or a file brought in: organisation names, case
//!   labels, record ids (a restored backup can hold any id), instrument names, band names and the
//!   subscale ids that make up a results header. A spreadsheet runs a cell that begins with `=`,
//!   `+`, `-` or `@` as a formula, and a leading tab, carriage return or line feed can hide such a
//!   start. OWASP's CSV injection guidance (owasp.org/www-community/attacks/CSV_Injection; also
//!   ASVS 5.0 requirement 1.2.10) is to put a single quote in front of such a cell so that it is
//!   read as text, and to quote the cell. Text cells are always treated so.
//! - [`Cell::number`], [`Cell::decimal`] and [`Cell::score`] can only be made from Rust numbers
//!   Tend formats itself, so no text reaches the file through them. They are written as they are:
//!   a negative score such as `-1.5` must stay a number the spreadsheet can sum.
//!
//! The quote is visible to programs that read the file as plain text: a label typed as `-JD`
//! reads back as `'-JD`. That is the lesser evil against a formula run on the clinician's
//! computer. Tend does not read its own CSV files back.

use crate::checks::Score;

/// The byte-order mark that starts every table.
pub const BOM: char = '\u{feff}';

/// What a text cell may not start with unless it is neutralised. OWASP lists `=`, `+`, `-`, `@`,
/// tab and carriage return, and since 2025 line feed too.
const FORMULA_STARTS: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\n'];

/// One cell of a table: text from a person or a file, or a number Tend formatted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    text: String,
    from_text: bool,
}

impl Cell {
    /// A cell holding text that came from a person or a file. It is neutralised if a spreadsheet
    /// could take it for a formula.
    pub fn text(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            from_text: true,
        }
    }

    /// A whole number of any integer type, written in full.
    pub fn number(value: impl Into<i128>) -> Cell {
        Cell {
            text: value.into().to_string(),
            from_text: false,
        }
    }

    /// A number written with exactly `places` decimals (a point, whatever the language).
    pub fn decimal(value: f64, places: usize) -> Cell {
        Cell {
            text: format!("{value:.places$}"),
            from_text: false,
        }
    }

    /// A self-check score, as the results list shows it (at most two decimals).
    pub fn score(score: Score) -> Cell {
        Cell {
            text: score.display(2),
            from_text: false,
        }
    }

    /// True when this text cell would be read as a formula without the single quote.
    fn needs_neutralising(&self) -> bool {
        self.from_text && self.text.starts_with(FORMULA_STARTS)
    }

    fn write_to(&self, out: &mut String) {
        let neutralise = self.needs_neutralising();
        let quote = neutralise || self.text.contains([',', '"', '\r', '\n']);
        if quote {
            out.push('"');
        }
        if neutralise {
            out.push('\'');
        }
        for c in self.text.chars() {
            if c == '"' {
                out.push('"');
            }
            out.push(c);
        }
        if quote {
            out.push('"');
        }
    }
}

/// The whole file: the byte-order mark, then the header and every row, each line ending in CRLF.
pub fn write_table(header: &[Cell], rows: &[Vec<Cell>]) -> String {
    let mut out = String::new();
    out.push(BOM);
    for line in std::iter::once(header).chain(rows.iter().map(Vec::as_slice)) {
        for (i, cell) in line.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            cell.write_to(&mut out);
        }
        out.push_str("\r\n");
    }
    out
}

/// A header row made of Tend's own column names (which are text like any other).
pub fn header(names: &[&str]) -> Vec<Cell> {
    names.iter().map(|n| Cell::text(*n)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(cell: Cell) -> String {
        let file = write_table(&[cell], &[]);
        file.trim_start_matches(BOM)
            .trim_end_matches("\r\n")
            .to_string()
    }

    #[test]
    fn text_that_starts_like_a_formula_is_quoted_and_marked_as_text() {
        // #17
        for (typed, written) in [
            ("=1+2", "\"'=1+2\""),
            ("+41 79", "\"'+41 79\""),
            ("-JD", "\"'-JD\""),
            ("@SUM(A1)", "\"'@SUM(A1)\""),
            ("\t=1", "\"'\t=1\""),
            ("\r=1", "\"'\r=1\""),
            ("\n=1", "\"'\n=1\""),
            ("=\"x\",1", "\"'=\"\"x\"\",1\""),
        ] {
            assert_eq!(one(Cell::text(typed)), written, "{typed:?}");
        }
    }

    #[test]
    fn ordinary_text_and_numbers_are_written_as_they_are() {
        // #17
        assert_eq!(one(Cell::text("Zoë Ørsted")), "Zoë Ørsted");
        assert_eq!(
            one(Cell::text("a=b")),
            "a=b",
            "only the first character counts"
        );
        assert_eq!(one(Cell::text("")), "");
        assert_eq!(
            one(Cell::text("Smith, \"North\"")),
            "\"Smith, \"\"North\"\"\""
        );
        assert_eq!(one(Cell::number(-3)), "-3");
        assert_eq!(one(Cell::decimal(-1.5, 2)), "-1.50");
        assert_eq!(one(Cell::score(Score(-1500))), "-1.5");
    }

    #[test]
    fn a_table_starts_with_a_byte_order_mark_and_ends_every_line_in_crlf() {
        // #17
        let text = write_table(
            &header(&["a", "b"]),
            &[vec![Cell::text("x\ny"), Cell::number(1)]],
        );
        assert_eq!(text, "\u{feff}a,b\r\n\"x\ny\",1\r\n");
    }
}
