//! The integration suite. It runs once on SQLite and once on PostgreSQL (`make test`).

mod helpers;

mod admin;
mod clock;
mod follow_up;
mod health;
mod landing;
mod language;
mod partner_api;
mod partner_figures;
mod phone_and_tablet;
mod reference;
mod report;
mod safety;
mod security;
mod static_files;
mod wizard;
mod writes;
