//! The help the public pages show, from configuration: the helpline (`--helpline`) and the
//! centres of each region (`--centres-file`, CSV).

use app::help::{Centre, Help};

/// The header the centres file starts with.
pub const CENTRES_HEADER: &str = "region_code,name_fr,name_ar,address_fr,address_ar,phone";

/// Reads the centres file: a header line ([`CENTRES_HEADER`]), then one centre a line.
pub fn read_centres(text: &str) -> Result<Vec<Centre>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| e.to_string())?
        .iter()
        .map(str::to_owned)
        .collect();
    if header.join(",") != CENTRES_HEADER {
        return Err(format!(
            "the centres file must start with the line {CENTRES_HEADER}"
        ));
    }
    let mut centres = Vec::new();
    for (n, record) in reader.deserialize::<Centre>().enumerate() {
        let centre = record.map_err(|e| format!("line {}: {e}", n + 2))?;
        let code = &centre.region_code;
        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!(
                "line {}: {code} is not a region code (01 to 12)",
                n + 2
            ));
        }
        centres.push(centre);
    }
    Ok(centres)
}

/// The help to show, from the command line's settings.
pub fn load(helpline: Option<&str>, centres_file: Option<&str>) -> anyhow::Result<Help> {
    let centres = match centres_file {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| anyhow::anyhow!("cannot read the centres file {path}: {e}"))?;
            read_centres(&text).map_err(|e| anyhow::anyhow!("{path}: {e}"))?
        }
        None => Vec::new(),
    };
    Ok(Help {
        helpline: helpline
            .map(str::trim)
            .filter(|h| !h.is_empty())
            .map(str::to_owned),
        centres,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_centres_file_is_read_with_quotes_and_refused_with_the_line_at_fault() {
        let centres = read_centres(
            "region_code,name_fr,name_ar,address_fr,address_ar,phone\n\
             01,\"Centre social, Tétouan\",المركز الاجتماعي تطوان,\"2, rue \"\"Al Massira\"\"\",2 شارع المسيرة,05 39 00 00 00\n",
        )
        .unwrap();
        assert_eq!(centres.len(), 1);
        assert_eq!(centres[0].name_fr, "Centre social, Tétouan");
        assert_eq!(centres[0].address_fr, "2, rue \"Al Massira\"");
        assert_eq!(centres[0].phone, "05 39 00 00 00");
        let short =
            read_centres("region_code,name_fr,name_ar,address_fr,address_ar,phone\n01,a,b\n");
        assert!(short.unwrap_err().contains("line 2"), "the line is named");
        assert!(read_centres("region,name\n").is_err());
        assert!(read_centres(
            "region_code,name_fr,name_ar,address_fr,address_ar,phone\nx1,a,b,c,d,e\n"
        )
        .is_err());
    }

    #[test]
    fn the_shipped_example_is_a_valid_centres_file() {
        let example = include_str!("../../config/centres.example.csv");
        assert!(!read_centres(example).unwrap().is_empty());
    }
}
