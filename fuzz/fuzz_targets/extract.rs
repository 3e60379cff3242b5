//! Extraction never panics, whatever the bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = article_extract::extract(data, &article_extract::Options::default());
});
