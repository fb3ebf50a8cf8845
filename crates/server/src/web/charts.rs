//! Charts as inline SVG, drawn on the server: no scripts, so they work under the strict
//! content-security policy and without JavaScript, and they read out as text to screen readers
//! (every chart has a title and each bar its value in text).

/// One bar: its label, its value, and the value shown as text.
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub text: String,
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A horizontal bar chart. `mark` draws a vertical line at that value (a benchmark).
pub fn bars(title: &str, bars: &[Bar], max: Option<f64>, mark: Option<(f64, &str)>) -> String {
    let row = 20.0;
    let label_w = 300.0;
    let plot_w = 360.0;
    let text_w = 110.0;
    let height = row * bars.len() as f64 + 30.0;
    let width = label_w + plot_w + text_w;
    let top = bars.iter().map(|b| b.value).fold(0.0_f64, f64::max);
    let max = max.unwrap_or(top).max(mark.map_or(0.0, |m| m.0)).max(f64::EPSILON);
    let mut svg = format!(
        r#"<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="100%" xmlns="http://www.w3.org/2000/svg"><title>{}</title>"#,
        escape(title)
    );
    for (i, b) in bars.iter().enumerate() {
        let y = 20.0 + row * i as f64;
        let w = (b.value.max(0.0) / max * plot_w).min(plot_w);
        svg.push_str(&format!(
            r#"<text x="{}" y="{}" text-anchor="end" class="chart-label">{}</text><rect x="{label_w}" y="{}" width="{w:.1}" height="{}" class="chart-bar"/><text x="{}" y="{}" class="chart-value">{}</text>"#,
            label_w - 6.0,
            y + 14.0,
            escape(&b.label),
            y + 3.0,
            row - 6.0,
            label_w + plot_w + 6.0,
            y + 14.0,
            escape(&b.text),
        ));
    }
    if let Some((value, label)) = mark {
        let x = label_w + (value / max * plot_w).min(plot_w);
        svg.push_str(&format!(
            r#"<line x1="{x:.1}" y1="12" x2="{x:.1}" y2="{}" class="chart-mark"/><text x="{x:.1}" y="10" text-anchor="middle" class="chart-mark-label">{}</text>"#,
            height - 4.0,
            escape(label)
        ));
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_scaled_and_text_is_escaped() {
        let svg = bars(
            "A <b> chart",
            &[
                Bar { label: "one".into(), value: 50.0, text: "50".into() },
                Bar { label: "two & more".into(), value: 100.0, text: "100".into() },
            ],
            None,
            Some((25.0, "median")),
        );
        assert!(svg.contains("<title>A &lt;b&gt; chart</title>"));
        assert!(svg.contains(r#"width="180.0""#) && svg.contains(r#"width="360.0""#), "{svg}");
        assert!(svg.contains("two &amp; more"));
        assert!(svg.contains("chart-mark"));
    }
}
