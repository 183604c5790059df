#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| docbao_fuzz::opml(data));
