//! The server's browser tests in one binary: headless Chromium driven through ChromeDriver
//! against the app served on a loopback port. Without ChromeDriver they are skipped with a
//! note, except under CI (`CI` set). `cargo test -p ashyq-server --test browser officer::`.

#[path = "../common/mod.rs"]
mod common;

mod a11y;
mod applicant;
mod eligibility;
mod kandas;
mod lists;
mod mail;
mod officer;
mod pages;
mod phone;
mod register;
