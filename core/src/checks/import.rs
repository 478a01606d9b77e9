//! Reading an instrument definition from a JSON file a clinician chose, for example one licensed
//! by their organisation. The file is never trusted: it is size-limited, parsed, then validated,
//! and every problem comes back as a plain sentence. Nothing here panics on any input.

use super::builtin::builtins;
use super::instrument::Instrument;

/// Files larger than this are refused before they are parsed. A definition with 200 items and
/// their wording fits in well under this.
pub const MAX_INSTRUMENT_BYTES: usize = 256 * 1024;

/// Reads and checks an instrument definition, or lists everything wrong with the file.
pub fn read_instrument(bytes: &[u8]) -> Result<Instrument, Vec<String>> {
    if bytes.len() > MAX_INSTRUMENT_BYTES {
        return Err(vec![format!(
            "This file is {} KB; an instrument definition may be at most {} KB, so it was not read.",
            bytes.len().div_ceil(1024),
            MAX_INSTRUMENT_BYTES / 1024
        )]);
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(vec!["This file is empty.".into()]);
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Err(vec![
            "This file is not text, so it cannot be an instrument definition.".into(),
        ]);
    };
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| vec![format!("This file is not readable JSON ({e}).")])?;
    if !value.is_object() {
        return Err(vec![
            "This file is JSON but not an instrument definition: it should be one object with \
             \"id\", \"name\", \"items\", \"scale\" and \"subscales\"."
                .into(),
        ]);
    }
    let instrument: Instrument = serde_json::from_value(value).map_err(|e| {
        vec![format!(
            "This file does not have the shape of an instrument definition: {e}."
        )]
    })?;
    let mut problems = instrument.problems();
    if builtins().iter().any(|b| b.id == instrument.id) {
        problems.push(format!(
            "The id \"{}\" belongs to an instrument built into Tend; choose another id.",
            instrument.id
        ));
    }
    if problems.is_empty() {
        Ok(instrument)
    } else {
        Err(problems)
    }
}
