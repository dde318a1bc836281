//! The migrations are built into the library (`sqlx::migrate!`): a new or changed one must
//! rebuild it.

fn main() {
    println!("cargo:rerun-if-changed=../migrations/sqlite");
    println!("cargo:rerun-if-changed=../migrations/postgres");
}
