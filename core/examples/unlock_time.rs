//! Prints how long one `unlock` takes with the recommended settings on this machine.
//!
//! The lock's key derivation is deliberately slow, but unlocking must stay well under a second on
//! the clinician's device. Run with
//! `cargo run --release --example unlock_time -p tend-core`; the browser figure is measured
//! separately (see `docs/encryption.md`).

use std::time::Instant;
use tend_core::lock::{create_lock, unlock, DEFAULT_ITERATIONS, DEFAULT_MEMORY_KIB};

fn main() {
    let passphrase = "correct horse battery staple";
    let (header, _key) = match create_lock(passphrase, [7; 16], [9; 32], [11; 24]) {
        Ok(made) => made,
        Err(e) => {
            eprintln!("could not create a lock: {e}");
            std::process::exit(1);
        }
    };
    println!("Argon2id, {DEFAULT_MEMORY_KIB} KiB, {DEFAULT_ITERATIONS} passes, 1 lane; 7 unlocks:");
    let mut times = Vec::new();
    for _ in 0..7 {
        let start = Instant::now();
        if let Err(e) = unlock(passphrase, &header) {
            eprintln!("unlock failed: {e}");
            std::process::exit(1);
        }
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    let shown: Vec<String> = times.iter().map(|ms| format!("{ms:.1}")).collect();
    times.sort_by(f64::total_cmp);
    println!("  each (ms): {}", shown.join(", "));
    println!(
        "  fastest {:.1} ms, median {:.1} ms, slowest {:.1} ms",
        times[0], times[3], times[6]
    );
}
