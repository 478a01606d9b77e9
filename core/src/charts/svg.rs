//! The SVG backend every chart draws on: plotters' own, except that text is sized by estimate.
//!
//! In the browser plotters measures each label by adding a styled element to the page and reading
//! its size back, which forces the browser to lay the page out once per label (tens of times per
//! chart, the largest part of drawing the first screen) and cannot work without a page. Charts
//! here use one sans-serif face at a few sizes, so an estimate from the character count is close
//! enough for spacing axes and captions, costs nothing, and gives the same layout natively (where
//! tests run) as in the browser.

use plotters::prelude::*;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};

/// Plotters' SVG backend with text sizes estimated instead of measured.
pub struct Svg<'a>(SVGBackend<'a>);

/// A drawing area on a new SVG written into `out`, `size` pixels wide and high.
pub fn area(out: &mut String, size: (u32, u32)) -> DrawingArea<Svg<'_>, plotters::coord::Shift> {
    Svg(SVGBackend::with_string(out, size)).into_drawing_area()
}

/// The estimated width and height in pixels of `text` at plotters' font `size`. The SVG backend
/// writes the font size as `size / 1.24` pixels; in a sans-serif face an average character is
/// about 0.55 of that wide, and a line about 1.2 of it high.
pub fn text_size(text: &str, size: f64) -> (u32, u32) {
    let pixels = size.max(0.0) / 1.24;
    let chars = text.chars().count() as f64;
    (
        (0.55 * pixels * chars).ceil() as u32,
        (1.2 * pixels).ceil() as u32,
    )
}

type Failure<'a> = DrawingErrorKind<<SVGBackend<'a> as DrawingBackend>::ErrorType>;

impl<'a> DrawingBackend for Svg<'a> {
    type ErrorType = <SVGBackend<'a> as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.0.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), Failure<'a>> {
        self.0.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), Failure<'a>> {
        self.0.present()
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), Failure<'a>> {
        self.0.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), Failure<'a>> {
        self.0.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), Failure<'a>> {
        self.0.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), Failure<'a>> {
        self.0.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), Failure<'a>> {
        self.0.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), Failure<'a>> {
        self.0.fill_polygon(vert, style)
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), Failure<'a>> {
        self.0.draw_text(text, style, pos)
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), Failure<'a>> {
        Ok(text_size(text, style.size()))
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        size: (u32, u32),
        src: &[u8],
    ) -> Result<(), Failure<'a>> {
        self.0.blit_bitmap(pos, size, src)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn estimates_grow_with_text_and_size_and_count_characters_not_bytes() {
        let (short, line) = text_size("Mon", 15.0);
        let (long, _) = text_size("Wednesday", 15.0);
        assert!(short > 0 && long > 2 * short);
        assert_eq!(
            text_size("\u{2013}\u{2013}", 15.0).0,
            text_size("ab", 15.0).0
        );
        assert!(text_size("Mon", 22.0).1 > line);
        assert_eq!(text_size("", 15.0).0, 0);
        assert_eq!(text_size("x", -3.0), (0, 0));
    }

    #[test]
    fn draws_the_same_svg_as_plotters_with_estimated_text() {
        let mut ours = String::new();
        {
            let root = area(&mut ours, (200, 100));
            root.fill(&WHITE).unwrap();
            root.draw(&Text::new("Hours", (10, 10), ("sans-serif", 15)))
                .unwrap();
            root.draw(&Rectangle::new([(5, 5), (50, 50)], RED.filled()))
                .unwrap();
        }
        let mut theirs = String::new();
        {
            let root = SVGBackend::with_string(&mut theirs, (200, 100)).into_drawing_area();
            root.fill(&WHITE).unwrap();
            root.draw(&Text::new("Hours", (10, 10), ("sans-serif", 15)))
                .unwrap();
            root.draw(&Rectangle::new([(5, 5), (50, 50)], RED.filled()))
                .unwrap();
        }
        assert_eq!(ours, theirs);
        assert!(ours.contains(">\nHours\n<"));
    }
}
