//! Long lists cut into pages: the links to the other pages (the first, the last and those
//! around the current one), each keeping the list's filters and order, and "N–M of T" in the
//! reader's language. Used with `templates/paging.html`.

use super::page::Page;

/// A link to one page, or a gap between page numbers.
pub struct PageLink {
    /// `None`: a gap ("…").
    pub number: Option<usize>,
    pub href: String,
    pub current: bool,
}

/// The pages of a list as a page shows them.
pub struct Pager {
    /// "Showing 51–100 of 230".
    pub summary: String,
    pub links: Vec<PageLink>,
    pub prev: Option<String>,
    pub next: Option<String>,
}

/// A query string of `pairs` (blank values left out), percent-encoded.
pub fn query(pairs: &[(&str, String)]) -> String {
    let kept: Vec<(&str, &str)> =
        pairs.iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| (*k, v.as_str())).collect();
    serde_urlencoded::to_string(kept).unwrap_or_default()
}

impl Pager {
    /// The pages of `total` items, `size` a page, `current` shown (from 1); the links go to
    /// `path` with `pairs` (the filters and order) and `page=N`.
    pub fn new(
        page: &Page,
        path: &str,
        pairs: &[(&str, String)],
        current: usize,
        size: usize,
        total: usize,
    ) -> Pager {
        Pager::named(page, path, pairs, "page", current, size, total)
    }

    /// The same with the page's number in `param` (a page with several lists pages each).
    pub fn named(
        page: &Page,
        path: &str,
        pairs: &[(&str, String)],
        param: &str,
        current: usize,
        size: usize,
        total: usize,
    ) -> Pager {
        let size = size.max(1);
        let last = total.div_ceil(size).max(1);
        let href = |n: usize| {
            let mut all = pairs.to_vec();
            if n > 1 {
                all.push((param, n.to_string()));
            }
            let q = query(&all);
            if q.is_empty() { path.to_string() } else { format!("{path}?{q}") }
        };
        let mut links = Vec::new();
        let current = current.clamp(1, last);
        for n in 1..=last {
            if n == 1 || n == last || n.abs_diff(current) <= 2 {
                links.push(PageLink { number: Some(n), href: href(n), current: n == current });
            } else if links.last().is_some_and(|l: &PageLink| l.number.is_some()) {
                links.push(PageLink { number: None, href: String::new(), current: false });
            }
        }
        let first = if total == 0 { 0 } else { ((current - 1) * size + 1).min(total) };
        let shown_to = (current * size).min(total);
        let summary = page.tn(
            "of-paging-summary",
            &[("from", &first.to_string()), ("to", &shown_to.to_string()), ("total", &total.to_string())],
        );
        Pager {
            summary,
            prev: (current > 1).then(|| href((current - 1).min(last))),
            next: (current < last).then(|| href(current + 1)),
            links,
        }
    }

    /// Whether there is more than one page.
    pub fn several(&self) -> bool {
        self.links.len() > 1
    }
}
