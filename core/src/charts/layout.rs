//! How a chart fits the size it is drawn at. The shell draws each chart for the width its box has
//! on the screen (a phone's 320 px as well as a desktop's 900), one SVG pixel to one CSS pixel, so
//! text is never scaled down: instead a narrow chart gets a shorter title, fewer or shorter axis
//! labels, fewer ticks and a legend that wraps onto more rows. Every size here is chosen so that
//! no text is smaller than [`MIN_TEXT_PX`] and, by [`super::svg::text_size`]'s estimate, no two
//! labels overlap.

use super::svg::text_size;

/// The smallest text any chart draws, in CSS pixels at the size it is drawn.
pub const MIN_TEXT_PX: f64 = 11.0;

/// Below this width a chart is laid out for a phone: smaller title, tighter margins.
const NARROW: u32 = 560;

/// Plotters' font size for axis labels, legend and descriptions (about 12.1 CSS px).
pub(crate) const LABEL: f64 = 15.0;

/// Height of one legend row.
const LEGEND_ROW: u32 = 24;

/// Space left between neighbouring axis labels, in pixels.
const LABEL_GAP: u32 = 8;

/// The size a chart is drawn at and what follows from it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fit {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

impl Fit {
    /// The smallest size a chart is drawn at; anything smaller is drawn at this size.
    pub const SMALLEST: (u32, u32) = (240, 200);

    /// A chart `width` by `height` pixels (no smaller than [`Fit::SMALLEST`]).
    pub fn new(width: u32, height: u32) -> Self {
        Fit {
            width: width.max(Self::SMALLEST.0),
            height: height.max(Self::SMALLEST.1),
        }
    }

    /// Whether the chart is laid out for a phone.
    pub fn narrow(&self) -> bool {
        self.width < NARROW
    }

    /// Plotters' font size of the title.
    pub fn caption_size(&self) -> f64 {
        if self.narrow() {
            18.0
        } else {
            22.0
        }
    }

    /// The margin around the plot.
    pub fn margin(&self) -> u32 {
        if self.narrow() {
            8
        } else {
            12
        }
    }

    /// Width of the value axis's labels and description.
    pub fn y_label_area(&self) -> u32 {
        44
    }

    /// Where the legend's first swatch sits: under the value axis, or at the edge on a phone.
    fn legend_left(&self) -> i32 {
        if self.narrow() {
            8
        } else {
            52
        }
    }

    /// The title: `long` if it fits, else `short`, else `short` cut to fit with an ellipsis. It
    /// is centred, and must stay clear of the value axis's top label on either side.
    pub fn title(&self, long: &str, short: &str) -> String {
        let room = self
            .width
            .saturating_sub(2 * (self.margin() + self.y_label_area()));
        let fits = |t: &str| text_size(t, self.caption_size()).0 <= room;
        if fits(long) {
            return long.to_string();
        }
        if fits(short) {
            return short.to_string();
        }
        shorten(short, |t| fits(t))
    }

    /// A legend item's label, cut with an ellipsis if even a row of its own is too short for it.
    pub fn legend_text(&self, label: &str) -> String {
        let room = (self.width as i32 - self.margin() as i32 - self.legend_left() - 20).max(0);
        let fits = |t: &str| text_size(t, LABEL).0 as i32 <= room;
        if fits(label) {
            label.to_string()
        } else {
            shorten(label, fits)
        }
    }

    /// Width of the plot between the value axis and the right margin.
    pub fn plot_width(&self) -> u32 {
        self.width
            .saturating_sub(self.y_label_area() + 2 * self.margin())
            .max(1)
    }

    /// How far a bar stands in from each side of its slot, for `count` slots: 8 pixels, less
    /// when slots are narrow, so a bar keeps at least half its slot.
    pub fn bar_inset(&self, count: usize) -> u32 {
        let slot = self.plot_width() / count.max(1) as u32;
        (slot / 4).min(8)
    }

    /// The widest of `labels` at the label size.
    fn widest(labels: &[String]) -> u32 {
        labels
            .iter()
            .map(|l| text_size(l, LABEL).0)
            .max()
            .unwrap_or(0)
    }

    /// Every how many of `count` evenly spaced slots a label as wide as the widest of `labels`
    /// can be shown without touching its neighbours (1: every slot).
    pub fn label_step(&self, labels: &[String], count: usize) -> usize {
        let count = count.max(1) as u32;
        let need = Self::widest(labels) + LABEL_GAP;
        let slot = (self.plot_width() / count).max(1);
        need.div_ceil(slot).max(1) as usize
    }

    /// The labels to show under `labels.len()` slots and how often: `long` every slot if they
    /// fit, otherwise `short` if they fit more often, each with the step it needs.
    pub fn axis_labels(&self, long: Vec<String>, short: Vec<String>) -> (Vec<String>, usize) {
        let count = long.len();
        let long_step = self.label_step(&long, count);
        if long_step == 1 || short.len() != count {
            return (long, long_step);
        }
        let short_step = self.label_step(&short, count);
        if short_step < long_step {
            (short, short_step)
        } else {
            (long, long_step)
        }
    }

    /// How many value-axis labels fit `plot_height` pixels, at most `wanted` (at least 2).
    pub fn y_ticks(&self, plot_height: u32, wanted: usize) -> usize {
        let room = (plot_height / 24) as usize + 1;
        wanted.min(room).max(2)
    }

    /// The legend's items laid out in rows: for each item, its top-left corner.
    pub fn legend_places(&self, labels: &[&str]) -> Vec<(i32, i32)> {
        let left = self.legend_left();
        let right = self.width as i32 - self.margin() as i32;
        let (mut x, mut y) = (left, 6i32);
        let mut places = Vec::with_capacity(labels.len());
        for label in labels {
            let step = 20 + text_size(&self.legend_text(label), LABEL).0 as i32 + 18;
            if x > left && x + step - 18 > right {
                x = left;
                y += LEGEND_ROW as i32;
            }
            places.push((x, y));
            x += step;
        }
        places
    }

    /// Height of the strip under the plot that holds a legend of `labels`.
    pub fn legend_height(&self, labels: &[&str]) -> u32 {
        let rows = self
            .legend_places(labels)
            .iter()
            .map(|p| p.1)
            .collect::<std::collections::BTreeSet<_>>()
            .len() as u32;
        rows.max(1) * LEGEND_ROW + 10
    }
}

/// `text` cut at the end, with an ellipsis, until `fits` accepts it.
fn shorten(text: &str, fits: impl Fn(&str) -> bool) -> String {
    let mut cut: String = text.to_string();
    while !cut.is_empty() && !fits(&format!("{cut}\u{2026}")) {
        cut.pop();
    }
    format!("{}\u{2026}", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_never_below_the_smallest_size() {
        for width in [0, 240, 360, 720, 1200] {
            let fit = Fit::new(width, 300);
            assert!(fit.caption_size() / 1.24 >= MIN_TEXT_PX);
        }
        const { assert!(LABEL / 1.24 >= MIN_TEXT_PX) };
        assert_eq!(Fit::new(10, 10), Fit::new(240, 200));
    }

    #[test]
    fn titles_shorten_to_fit() {
        let long = "Hours by week, 1 September 2026 to 30 November 2026";
        assert_eq!(Fit::new(960, 360).title(long, "Hours by week"), long);
        assert_eq!(
            Fit::new(360, 300).title(long, "Hours by week"),
            "Hours by week"
        );
        let cut = Fit::new(240, 300).title(long, "Hours worked week by week, all kinds");
        assert!(cut.ends_with('\u{2026}') && cut.len() < 40, "{cut}");
    }

    #[test]
    fn labels_thin_out_or_shorten_on_narrow_charts() {
        let weeks: Vec<String> = (40..53).map(|w| format!("W{w}")).collect();
        let short: Vec<String> = (40..53).map(|w| format!("{w}")).collect();
        assert_eq!(Fit::new(960, 360).label_step(&weeks, 13), 1);
        assert!(Fit::new(320, 300).label_step(&weeks, 13) > 1);
        let (shown, step) = Fit::new(400, 300).axis_labels(weeks.clone(), short.clone());
        assert!(step >= 1 && shown.len() == 13);
        assert!(Fit::new(300, 300).y_ticks(150, 10) < Fit::new(300, 300).y_ticks(300, 10));
        assert_eq!(Fit::new(300, 300).y_ticks(20, 10), 2);
    }

    #[test]
    fn a_legend_wraps_on_a_phone() {
        let labels = [
            "Direct session",
            "Group session",
            "Documentation",
            "Supervision",
        ];
        assert_eq!(Fit::new(960, 360).legend_height(&labels), 34);
        assert!(Fit::new(320, 300).legend_height(&labels) >= 2 * 24 + 10);
        for (x, _) in Fit::new(320, 300).legend_places(&labels) {
            assert!((0..320).contains(&x));
        }
    }
}
