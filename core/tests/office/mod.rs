//! Reads back what LibreOffice made of a CSV file, for the check in `csv_office.rs` (#17).
//!
//! LibreOffice converts the file to a flat OpenDocument spreadsheet (`.fods`, one XML file). This
//! reads its first sheet into rows of cells, each with its type (`string`, `float`, `date`,
//! `time` or none), its value, its text and any formula. It knows only the few parts of the
//! format that such a conversion writes (rows, cells, repeats, paragraphs, tabs, spaces and line
//! breaks), which is all the check needs, so no XML crate is pulled in for one test.

/// One cell as LibreOffice read it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OfficeCell {
    /// `office:value-type`: `string`, `float`, `date`, `time`..., or empty for an empty cell.
    pub kind: String,
    /// The value behind a number, date or time (`office:value`, `office:date-value`,
    /// `office:time-value`).
    pub value: Option<String>,
    /// The text shown, paragraphs joined by line feeds.
    pub text: String,
    /// `table:formula`, if LibreOffice made the cell a formula.
    pub formula: Option<String>,
}

/// Most cells one element may stand for; LibreOffice repeats empty cells to the sheet's edge.
const MAX_REPEAT: usize = 64;

/// The first sheet's rows, without trailing empty cells and trailing empty rows.
pub fn sheet_rows(xml: &str) -> Result<Vec<Vec<OfficeCell>>, String> {
    let start = xml.find("<table:table ").ok_or("no sheet in the file")?;
    let end = xml[start..]
        .find("</table:table>")
        .ok_or("the sheet is not closed")?;
    let mut sheet = &xml[start..start + end];
    let mut rows = Vec::new();
    while let Some(at) = find_tag(sheet, "table:table-row") {
        let (tag, content, rest) = element(&sheet[at..], "</table:table-row>")?;
        let repeat = attribute(tag, "table:number-rows-repeated")
            .and_then(|n| n.parse().ok())
            .unwrap_or(1usize)
            .min(MAX_REPEAT);
        let row = cells(content)?;
        rows.extend(std::iter::repeat_n(row, repeat));
        sheet = rest;
    }
    while rows.last().is_some_and(|r: &Vec<OfficeCell>| r.is_empty()) {
        rows.pop();
    }
    Ok(rows)
}

fn cells(mut row: &str) -> Result<Vec<OfficeCell>, String> {
    let mut out = Vec::new();
    let next = |row: &str| {
        let cell = find_tag(row, "table:table-cell");
        let covered = find_tag(row, "table:covered-table-cell");
        cell.into_iter().chain(covered).min()
    };
    while let Some(at) = next(row) {
        let close = if row[at..].starts_with("<table:covered") {
            "</table:covered-table-cell>"
        } else {
            "</table:table-cell>"
        };
        let (tag, content, rest) = element(&row[at..], close)?;
        let value = ["office:value", "office:date-value", "office:time-value"]
            .into_iter()
            .find_map(|name| attribute(tag, name));
        let cell = OfficeCell {
            kind: attribute(tag, "office:value-type").unwrap_or_default(),
            value,
            text: paragraphs(content),
            formula: attribute(tag, "table:formula"),
        };
        let repeat = attribute(tag, "table:number-columns-repeated")
            .and_then(|n| n.parse().ok())
            .unwrap_or(1usize)
            .min(MAX_REPEAT);
        out.extend(std::iter::repeat_n(cell, repeat));
        row = rest;
    }
    while out.last().is_some_and(|c| *c == OfficeCell::default()) {
        out.pop();
    }
    Ok(out)
}

/// Where the element `name` next opens (`<name` then a space, `>` or `/`, so `<table:table-row`
/// does not match `<table:table-rows`).
fn find_tag(text: &str, name: &str) -> Option<usize> {
    let open = format!("<{name}");
    let mut from = 0;
    while let Some(at) = text[from..].find(&open) {
        let at = from + at;
        match text[at + open.len()..].chars().next() {
            Some(' ' | '>' | '/') => return Some(at),
            _ => from = at + open.len(),
        }
    }
    None
}

/// Splits `text`, which starts with an element's opening tag, into that tag, the element's
/// content (empty when the tag closes itself) and what follows the element.
fn element<'a>(text: &'a str, close: &str) -> Result<(&'a str, &'a str, &'a str), String> {
    let tag_end = text.find('>').ok_or("a tag is not closed")?;
    let tag = &text[..tag_end];
    if tag.ends_with('/') {
        return Ok((tag, "", &text[tag_end + 1..]));
    }
    let body = &text[tag_end + 1..];
    let end = body
        .find(close)
        .ok_or_else(|| format!("no {close} after {tag}"))?;
    Ok((tag, &body[..end], &body[end + close.len()..]))
}

/// The value of `name="..."` in a tag, unescaped.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')?;
    Some(unescape(&tag[start..start + end]))
}

/// The text of a cell's paragraphs, one line each.
fn paragraphs(content: &str) -> String {
    let mut lines = Vec::new();
    let mut rest = content;
    while let Some(at) = find_tag(rest, "text:p") {
        match element(&rest[at..], "</text:p>") {
            Ok((_, inner, after)) => {
                lines.push(inline(inner));
                rest = after;
            }
            Err(_) => break,
        }
    }
    lines.join("\n")
}

/// A paragraph's text: tabs, runs of spaces and line breaks put back, other markup dropped.
fn inline(inner: &str) -> String {
    let mut out = String::new();
    let mut rest = inner;
    while let Some(at) = rest.find('<') {
        out.push_str(&unescape(&rest[..at]));
        let Some(end) = rest[at..].find('>') else {
            break;
        };
        let tag = &rest[at..at + end + 1];
        if tag.starts_with("<text:tab") {
            out.push('\t');
        } else if tag.starts_with("<text:line-break") {
            out.push('\n');
        } else if tag.starts_with("<text:s") && !tag.starts_with("<text:span") {
            let n = attribute(tag, "text:c")
                .and_then(|n| n.parse().ok())
                .unwrap_or(1usize);
            out.extend(std::iter::repeat_n(' ', n));
        }
        rest = &rest[at + end + 1..];
    }
    out.push_str(&unescape(rest));
    out
}

fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let Some(end) = rest[at..].find(';') else {
            break;
        };
        let entity = &rest[at + 1..at + end];
        let c = match entity {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "apos" => Some('\''),
            "quot" => Some('"'),
            _ => entity
                .strip_prefix("#x")
                .map(|h| u32::from_str_radix(h, 16))
                .or_else(|| entity.strip_prefix('#').map(str::parse))
                .and_then(Result::ok)
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => out.push(c),
            None => out.push_str(&rest[at..=at + end]),
        }
        rest = &rest[at + end + 1..];
    }
    out.push_str(rest);
    out
}
