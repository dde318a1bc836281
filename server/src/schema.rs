//! The schema written once. From migration 0006 on, each change is written in
//! `migrations/source/` and the SQLite and PostgreSQL migrations are generated from it by
//! `scripts/generate-migrations`; a test fails when a generated file is not what its source
//! gives. Migrations 0001 to 0005 stay as they landed, written twice.
//!
//! The source is SQL both databases read (lower case, `bigint`, `on conflict ... do
//! update`), with two additions:
//! - a line that only one database needs starts with `--sqlite: ` or `--postgres: `;
//! - a trigger is written as SQLite writes it (`create trigger name after ... on table`,
//!   `begin`, its statements, `end;`). PostgreSQL gets a trigger function of the same name
//!   holding the same statements, and a row trigger that runs it.

use std::{
    fs,
    path::{Path, PathBuf},
};

/// The two databases.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

impl Dialect {
    pub const ALL: [Dialect; 2] = [Dialect::Sqlite, Dialect::Postgres];

    /// Its folder under `migrations/`, and its line marker.
    pub fn name(self) -> &'static str {
        match self {
            Dialect::Sqlite => "sqlite",
            Dialect::Postgres => "postgres",
        }
    }
}

/// The migration `source` (named `file_name`) as `dialect` runs it.
pub fn generate(file_name: &str, source: &str, dialect: Dialect) -> Result<String, String> {
    let mut out = format!(
        "-- Generated from migrations/source/{file_name} by scripts/generate-migrations:\n\
         -- edit the source, then run the script.\n\n"
    );
    let mut lines = source.lines().enumerate().filter_map(|(i, line)| {
        let mine = for_dialect(line, dialect)?;
        Some((i + 1, mine))
    });
    while let Some((number, line)) = lines.next() {
        if !line.starts_with("create trigger ") {
            push_lines(&mut out, &[line]);
            continue;
        }
        let name = line
            .split_whitespace()
            .nth(2)
            .ok_or_else(|| format!("line {number}: a trigger without a name"))?
            .to_owned();
        let mut header = vec![line];
        let mut body = Vec::new();
        let mut ended = false;
        let mut in_body = false;
        for (_, line) in lines.by_ref() {
            match (in_body, line.trim()) {
                (false, "begin") => in_body = true,
                (false, _) => header.push(line),
                (true, "end;") => {
                    ended = true;
                    break;
                }
                (true, _) => body.push(line),
            }
        }
        if !ended {
            return Err(format!(
                "line {number}: trigger {name} has no `begin` ... `end;`"
            ));
        }
        match dialect {
            Dialect::Sqlite => {
                push_lines(&mut out, &header);
                out.push_str("begin\n");
                push_lines(&mut out, &body);
                out.push_str("end;\n");
            }
            Dialect::Postgres => {
                out.push_str(&format!(
                    "create function {name}() returns trigger language plpgsql as $$\nbegin\n"
                ));
                push_lines(&mut out, &body);
                out.push_str("    return null;\nend;\n$$;\n");
                push_lines(&mut out, &header);
                out.push_str(&format!("for each row execute function {name}();\n"));
            }
        }
    }
    Ok(out)
}

fn push_lines(out: &mut String, lines: &[&str]) {
    for line in lines {
        out.push_str(line);
        out.push('\n');
    }
}

/// The line as `dialect` reads it, or `None` when it is the other database's.
fn for_dialect(line: &str, dialect: Dialect) -> Option<&str> {
    for other in Dialect::ALL {
        if let Some(rest) = line
            .strip_prefix("--")
            .and_then(|l| l.strip_prefix(other.name()))
            .and_then(|l| l.strip_prefix(": "))
        {
            return (other == dialect).then_some(rest);
        }
    }
    Some(line)
}

/// Every generated migration, as its source gives it: its path under `migrations/` and its
/// text, in the order of the sources.
pub fn expected(migrations: &Path) -> Result<Vec<(PathBuf, String)>, String> {
    let source_dir = migrations.join("source");
    let mut sources: Vec<PathBuf> = fs::read_dir(&source_dir)
        .map_err(|e| format!("{}: {e}", source_dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "sql"))
        .collect();
    sources.sort();
    let mut files = Vec::new();
    for path in sources {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or_else(|| format!("{}: not a UTF-8 name", path.display()))?;
        let source = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        for dialect in Dialect::ALL {
            let text = generate(name, &source, dialect).map_err(|e| format!("{name}: {e}"))?;
            files.push((migrations.join(dialect.name()).join(name), text));
        }
    }
    Ok(files)
}

/// Writes every generated migration; returns those that changed.
pub fn write(migrations: &Path) -> Result<Vec<PathBuf>, String> {
    let mut changed = Vec::new();
    for (path, text) in expected(migrations)? {
        if fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            fs::write(&path, &text).map_err(|e| format!("{}: {e}", path.display()))?;
            changed.push(path);
        }
    }
    Ok(changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "\
create table t (id bigint primary key, day bigint);
--sqlite: drop trigger old_on_insert;
--postgres: drop trigger old on t;
create trigger t_counted_on_insert
after insert on t
begin
    insert into c (day, n) values (new.day, 1) on conflict (day) do update set n = c.n + 1;
end;
";

    #[test]
    fn a_line_marked_for_one_database_reaches_only_that_one() {
        let sqlite = generate("0006_t.sql", SOURCE, Dialect::Sqlite).unwrap();
        let postgres = generate("0006_t.sql", SOURCE, Dialect::Postgres).unwrap();
        assert!(sqlite.contains("\ndrop trigger old_on_insert;\n"));
        assert!(!sqlite.contains("drop trigger old on t"));
        assert!(postgres.contains("\ndrop trigger old on t;\n"));
        assert!(!postgres.contains("old_on_insert"));
        for text in [&sqlite, &postgres] {
            assert!(text.starts_with("-- Generated from migrations/source/0006_t.sql"));
            assert!(text.contains("create table t (id bigint primary key, day bigint);\n"));
        }
    }

    #[test]
    fn a_trigger_becomes_a_function_and_a_row_trigger_for_postgres() {
        let sqlite = generate("0006_t.sql", SOURCE, Dialect::Sqlite).unwrap();
        assert!(sqlite.contains(
            "create trigger t_counted_on_insert\nafter insert on t\nbegin\n    insert into c"
        ));
        assert!(sqlite.ends_with("end;\n"));
        let postgres = generate("0006_t.sql", SOURCE, Dialect::Postgres).unwrap();
        assert!(postgres.contains(
            "create function t_counted_on_insert() returns trigger language plpgsql as $$\n\
             begin\n    insert into c (day, n) values (new.day, 1) on conflict (day) \
             do update set n = c.n + 1;\n    return null;\nend;\n$$;\n\
             create trigger t_counted_on_insert\nafter insert on t\n\
             for each row execute function t_counted_on_insert();\n"
        ));
    }

    #[test]
    fn a_trigger_left_open_is_refused() {
        let open = "create trigger t_on_insert after insert on t\nbegin\n    select 1;\n";
        assert!(generate("0006_t.sql", open, Dialect::Postgres)
            .unwrap_err()
            .contains("t_on_insert"));
    }

    #[test]
    fn every_generated_migration_is_what_its_source_gives() {
        let migrations = Path::new(env!("CARGO_MANIFEST_DIR")).join("../migrations");
        let expected = expected(&migrations).unwrap();
        assert!(!expected.is_empty(), "no source in migrations/source");
        for (path, text) in expected {
            let written = fs::read_to_string(&path).unwrap_or_default();
            assert!(
                written == text,
                "{} is not what its source gives: run scripts/generate-migrations",
                path.display()
            );
        }
    }
}
