//! `scripts/generate-migrations`: writes `migrations/sqlite/` and `migrations/postgres/` from
//! `migrations/source/` (see `server::schema`).

use std::{path::Path, process::ExitCode};

fn main() -> ExitCode {
    let migrations = Path::new(env!("CARGO_MANIFEST_DIR")).join("../migrations");
    match server::schema::write(&migrations) {
        Ok(changed) if changed.is_empty() => {
            println!("every generated migration is up to date");
            ExitCode::SUCCESS
        }
        Ok(changed) => {
            for path in changed {
                println!(
                    "wrote {}",
                    path.strip_prefix(&migrations).unwrap_or(&path).display()
                );
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}
