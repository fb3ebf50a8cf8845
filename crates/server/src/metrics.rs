//! Request metrics, rendered in the Prometheus text format at `/metrics`.

use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

/// Upper bounds of the latency histogram, in seconds.
const BUCKETS: [f64; 10] = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0];

#[derive(Default)]
struct Series {
    count: u64,
    sum_secs: f64,
    buckets: [u64; BUCKETS.len()],
}

/// Counters per (method, route, status). Routes are the declared patterns, never raw paths,
/// so the number of series stays bounded.
#[derive(Default)]
pub struct Metrics {
    series: Mutex<BTreeMap<(String, String, u16), Series>>,
    /// Notifications the mail server accepted.
    pub mail_sent: AtomicU64,
    /// Tries to mail that failed for now (each is tried again later).
    pub mail_failed: AtomicU64,
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Metrics")
    }
}

impl Metrics {
    pub fn observe(&self, method: &str, route: &str, status: u16, secs: f64) {
        let Ok(mut map) = self.series.lock() else {
            return;
        };
        let s = map.entry((method.to_string(), route.to_string(), status)).or_default();
        s.count += 1;
        s.sum_secs += secs;
        for (i, le) in BUCKETS.iter().enumerate() {
            if secs <= *le {
                s.buckets[i] += 1;
            }
        }
    }

    /// The Prometheus text exposition, with the pool gauges given by the caller.
    pub fn render(&self, pool_size: u32, pool_idle: usize) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "# HELP ashyq_build_info The running version of ashyq.");
        let _ = writeln!(out, "# TYPE ashyq_build_info gauge");
        let _ = writeln!(out, "ashyq_build_info{{version=\"{}\"}} 1", env!("CARGO_PKG_VERSION"));
        let _ = writeln!(out, "# HELP ashyq_db_pool_connections Open database connections.");
        let _ = writeln!(out, "# TYPE ashyq_db_pool_connections gauge");
        let _ = writeln!(out, "ashyq_db_pool_connections{{state=\"open\"}} {pool_size}");
        let _ = writeln!(out, "ashyq_db_pool_connections{{state=\"idle\"}} {pool_idle}");
        let _ = writeln!(out, "# HELP ashyq_mail_total Notifications mailed, and tries that failed for now.");
        let _ = writeln!(out, "# TYPE ashyq_mail_total counter");
        let _ =
            writeln!(out, "ashyq_mail_total{{outcome=\"sent\"}} {}", self.mail_sent.load(Ordering::Relaxed));
        let _ = writeln!(
            out,
            "ashyq_mail_total{{outcome=\"retry\"}} {}",
            self.mail_failed.load(Ordering::Relaxed)
        );
        let Ok(map) = self.series.lock() else {
            return out;
        };
        let _ = writeln!(out, "# HELP ashyq_http_requests_total HTTP requests answered.");
        let _ = writeln!(out, "# TYPE ashyq_http_requests_total counter");
        for ((m, r, st), s) in map.iter() {
            let _ = writeln!(
                out,
                "ashyq_http_requests_total{{method=\"{m}\",route=\"{r}\",status=\"{st}\"}} {}",
                s.count
            );
        }
        let _ = writeln!(out, "# HELP ashyq_http_request_duration_seconds Time to answer HTTP requests.");
        let _ = writeln!(out, "# TYPE ashyq_http_request_duration_seconds histogram");
        for ((m, r, st), s) in map.iter() {
            let labels = format!("method=\"{m}\",route=\"{r}\",status=\"{st}\"");
            for (i, le) in BUCKETS.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "ashyq_http_request_duration_seconds_bucket{{{labels},le=\"{le}\"}} {}",
                    s.buckets[i]
                );
            }
            let _ = writeln!(
                out,
                "ashyq_http_request_duration_seconds_bucket{{{labels},le=\"+Inf\"}} {}",
                s.count
            );
            let _ = writeln!(out, "ashyq_http_request_duration_seconds_sum{{{labels}}} {}", s.sum_secs);
            let _ = writeln!(out, "ashyq_http_request_duration_seconds_count{{{labels}}} {}", s.count);
        }
        out
    }
}

/// Middleware: times every request and counts it under its route pattern.
pub async fn track(State(state): State<crate::state::AppState>, req: Request, next: Next) -> Response {
    let start = Instant::now();
    let method = req.method().to_string();
    let route = req.extensions().get::<MatchedPath>().map_or("unmatched", |m| m.as_str()).to_string();
    let res = next.run(req).await;
    state.metrics.observe(&method, &route, res.status().as_u16(), start.elapsed().as_secs_f64());
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_counters_and_histograms() {
        let m = Metrics::default();
        m.observe("GET", "/healthz", 200, 0.002);
        m.observe("GET", "/healthz", 200, 0.3);
        let text = m.render(2, 1);
        assert!(
            text.contains("ashyq_http_requests_total{method=\"GET\",route=\"/healthz\",status=\"200\"} 2")
        );
        assert!(text.contains("le=\"0.005\"} 1"));
        assert!(text.contains("le=\"0.5\"} 2"));
        assert!(text.contains("ashyq_db_pool_connections{state=\"idle\"} 1"));
    }
}
