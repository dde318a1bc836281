//! One type per answer that has a rule. Each is built only by its `parse`, which runs in the
//! browser (instant feedback) and again in the server function (the authority), so every rule
//! is written once, here.

use serde::{Deserialize, Serialize};
use std::fmt;
use time::{Date, Month};

/// The refused answers of a step, by field name, in the order of the form.
pub type FieldErrors = Vec<(&'static str, FieldError)>;

/// Why an answer was refused. Each has a message in every language (`field-error-*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FieldError {
    Required,
    TooShort {
        min: usize,
    },
    TooLong {
        max: usize,
    },
    /// Invisible control or direction-override characters.
    ControlCharacters,
    /// Digits or symbols where only letters belong.
    NameCharacters,
    /// Arabic and Latin letters mixed in one name.
    MixedScripts,
    CinFormat,
    PhoneFormat,
    EmailFormat,
    DateFormat,
    DateInFuture,
    TooYoung {
        min_age: u8,
    },
    DateImplausible,
    NotAnOption,
    ReferenceFormat,
    /// A whole number outside `0..=max`.
    NumberRange {
        max: u32,
    },
    /// The consent box was left unticked.
    ConsentRequired,
    ResumeCodeFormat,
    /// No draft has this resume code with this date of birth (or it has expired).
    ResumeNotFound,
    /// Neither a CIN nor a date of birth.
    IdentityFormat,
    /// Too many lookups from this connection in a short time.
    TooManyAttempts,
    /// "None of these" ticked together with one of the list.
    NoneWithOthers,
}

impl FieldError {
    /// The message key and its arguments, for [`crate::i18n::tr_with`].
    pub fn message_key(self) -> (&'static str, Option<(&'static str, i64)>) {
        match self {
            FieldError::Required => ("field-error-required", None),
            FieldError::TooShort { min } => ("field-error-too-short", Some(("min", min as i64))),
            FieldError::TooLong { max } => ("field-error-too-long", Some(("max", max as i64))),
            FieldError::ControlCharacters => ("field-error-control-characters", None),
            FieldError::NameCharacters => ("field-error-name-characters", None),
            FieldError::MixedScripts => ("field-error-mixed-scripts", None),
            FieldError::CinFormat => ("field-error-cin-format", None),
            FieldError::PhoneFormat => ("field-error-phone-format", None),
            FieldError::EmailFormat => ("field-error-email-format", None),
            FieldError::DateFormat => ("field-error-date-format", None),
            FieldError::DateInFuture => ("field-error-date-in-future", None),
            FieldError::TooYoung { min_age } => {
                ("field-error-too-young", Some(("age", i64::from(min_age))))
            }
            FieldError::DateImplausible => ("field-error-date-implausible", None),
            FieldError::NotAnOption => ("field-error-not-an-option", None),
            FieldError::ReferenceFormat => ("field-error-reference-format", None),
            FieldError::NumberRange { max } => {
                ("field-error-number-range", Some(("max", i64::from(max))))
            }
            FieldError::ConsentRequired => ("field-error-consent-required", None),
            FieldError::ResumeCodeFormat => ("field-error-resume-code-format", None),
            FieldError::ResumeNotFound => ("field-error-resume-not-found", None),
            FieldError::IdentityFormat => ("field-error-identity-format", None),
            FieldError::TooManyAttempts => ("field-error-too-many-attempts", None),
            FieldError::NoneWithOthers => ("field-error-none-with-others", None),
        }
    }

    /// The message in `lang`.
    pub fn message(self, lang: crate::i18n::Lang) -> String {
        match self.message_key() {
            (key, None) => crate::i18n::tr(lang, key),
            (key, Some((name, value))) => crate::i18n::tr_with(lang, key, &[(name, value.into())]),
        }
    }
}

/// The message key: the error as logs and serde show it; people see [`FieldError::message`].
impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message_key().0)
    }
}

impl std::error::Error for FieldError {}

/// Whether `text` holds a [forbidden character](is_forbidden_char): wherever text enters,
/// the console's too.
pub fn has_hidden_chars(text: &str, allow_newlines: bool) -> bool {
    text.chars().any(|c| is_forbidden_char(c, allow_newlines))
}

/// Characters never accepted in free text: C0/C1 controls (but tab and newline in long
/// text) and the bidi embedding, override and isolate marks that can disguise text.
fn is_forbidden_char(c: char, allow_newlines: bool) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{FEFF}')
        || (c.is_control() && !(allow_newlines && matches!(c, '\n' | '\r' | '\t')))
}

/// Trims, folds runs of white space into one space, and refuses hidden characters.
fn clean_line(raw: &str) -> Result<String, FieldError> {
    refuse_hidden(raw, false)?;
    Ok(raw.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Refuses text holding any [forbidden character](is_forbidden_char).
fn refuse_hidden(raw: &str, allow_newlines: bool) -> Result<(), FieldError> {
    if raw.chars().any(|c| is_forbidden_char(c, allow_newlines)) {
        return Err(FieldError::ControlCharacters);
    }
    Ok(())
}

/// The digit a character stands for: Western, Arabic-Indic (٠١٢…) or Eastern Arabic-Indic
/// (۰۱۲…), as phones type them.
fn ascii_digit(c: char) -> Option<char> {
    let zero = match c {
        '0'..='9' => return Some(c),
        '\u{0660}'..='\u{0669}' => 0x0660,
        '\u{06F0}'..='\u{06F9}' => 0x06F0,
        _ => return None,
    };
    char::from_digit(c as u32 - zero, 10)
}

/// Replaces Arabic-Indic digits by Western ones, leaving everything else as it is.
fn western_digits(raw: &str) -> String {
    raw.chars().map(|c| ascii_digit(c).unwrap_or(c)).collect()
}

/// Arabic letters, without the tatweel (a stretching mark, see [`is_arabic_mark`]).
fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{063F}' | '\u{0641}'..='\u{064A}' | '\u{066E}'..='\u{066F}' | '\u{0671}'..='\u{06D3}' | '\u{06D5}' | '\u{06FA}'..='\u{06FC}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08C9}')
}

/// Arabic diacritics (harakat) and the tatweel, which may appear inside Arabic names.
fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

fn is_latin_letter(c: char) -> bool {
    c.is_alphabetic()
        && matches!(c, 'A'..='Z' | 'a'..='z' | '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}')
        && !matches!(c, '\u{00D7}' | '\u{00F7}')
}

/// A first or last name, in Arabic or in Latin letters (accents, spaces, hyphens and
/// apostrophes allowed), 2 to 60 characters.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PersonName(String);

impl PersonName {
    pub const MAX: usize = 60;

    pub fn parse(raw: &str) -> Result<PersonName, FieldError> {
        let name = clean_line(raw)?;
        let count = name.chars().count();
        if count == 0 {
            return Err(FieldError::Required);
        }
        if count > Self::MAX {
            return Err(FieldError::TooLong { max: Self::MAX });
        }
        let (mut arabic, mut latin, mut letters) = (false, false, 0);
        for c in name.chars() {
            if is_arabic_letter(c) {
                arabic = true;
                letters += 1;
            } else if is_latin_letter(c) {
                latin = true;
                letters += 1;
            } else if !(is_arabic_mark(c) || matches!(c, ' ' | '-' | '\'' | '’')) {
                return Err(FieldError::NameCharacters);
            }
        }
        if arabic && latin {
            return Err(FieldError::MixedScripts);
        }
        if !(arabic || latin) {
            return Err(FieldError::NameCharacters);
        }
        if letters < 2 {
            return Err(FieldError::TooShort { min: 2 });
        }
        Ok(PersonName(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A Moroccan national identity card number (CIN): one or two letters then digits, stored
/// upper case without spaces, e.g. `BK123456`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Cin(String);

impl Cin {
    pub fn parse(raw: &str) -> Result<Cin, FieldError> {
        refuse_hidden(raw, false)?;
        let cin: String = western_digits(raw)
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if cin.is_empty() {
            return Err(FieldError::Required);
        }
        let letters = cin.chars().take_while(char::is_ascii_uppercase).count();
        let digits = &cin[letters..];
        let valid = (1..=2).contains(&letters)
            && (3..=7).contains(&digits.len())
            && digits.chars().all(|c| c.is_ascii_digit());
        if valid {
            Ok(Cin(cin))
        } else {
            Err(FieldError::CinFormat)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A Moroccan mobile number (06… or 07…), read in any usual form (`06 12 34 56 78`,
/// `+212 6-12-34-56-78`, `00212612345678`) and stored in international form, `+212612345678`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PhoneNumber(String);

impl PhoneNumber {
    pub fn parse(raw: &str) -> Result<PhoneNumber, FieldError> {
        refuse_hidden(raw, false)?;
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Err(FieldError::Required);
        }
        let plus = trimmed.starts_with('+');
        let mut digits = String::new();
        for (i, c) in trimmed.chars().enumerate() {
            match (ascii_digit(c), c) {
                (Some(digit), _) => digits.push(digit),
                (None, ' ' | '-' | '.' | '(' | ')') => {}
                (None, '+') if i == 0 => {}
                _ => return Err(FieldError::PhoneFormat),
            }
        }
        let international = if plus {
            digits.strip_prefix("212")
        } else {
            digits.strip_prefix("00212")
        };
        let national = match international {
            // After +212 some write the trunk 0 too: +212 06…
            Some(n) if n.len() == 10 => n.strip_prefix('0'),
            Some(n) => Some(n),
            None => digits.strip_prefix('0'),
        };
        match national {
            Some(n) if n.len() == 9 && (n.starts_with('6') || n.starts_with('7')) => {
                Ok(PhoneNumber(format!("+212{n}")))
            }
            _ => Err(FieldError::PhoneFormat),
        }
    }

    /// `+212612345678`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// As Moroccans write it: `06 12 34 56 78`.
    pub fn national(&self) -> String {
        let n = &self.0[4..];
        format!(
            "0{} {} {} {} {}",
            &n[0..1],
            &n[1..3],
            &n[3..5],
            &n[5..7],
            &n[7..9]
        )
    }
}

/// An e-mail address (optional in the wizard: an empty answer is `Ok(None)`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    pub const MAX: usize = 254;

    pub fn parse_optional(raw: &str) -> Result<Option<Email>, FieldError> {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Ok(None);
        }
        if trimmed.chars().count() > Self::MAX {
            return Err(FieldError::TooLong { max: Self::MAX });
        }
        refuse_hidden(trimmed, false)?;
        let address: email_address::EmailAddress =
            trimmed.parse().map_err(|_| FieldError::EmailFormat)?;
        // A programme address needs a real domain, not `user@localhost`.
        if !address.domain().contains('.') || address.domain().ends_with('.') {
            return Err(FieldError::EmailFormat);
        }
        Ok(Some(Email(format!(
            "{}@{}",
            address.local_part(),
            address.domain().to_lowercase()
        ))))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A date of birth such that the applicant is at least [`BirthDate::MIN_AGE`] years old on
/// `today` (the day of submission), read from `<input type=date>` (`YYYY-MM-DD`) or written
/// by hand as `DD/MM/YYYY`.
///
/// Not `Deserialize`: its rule needs the day of submission, so it travels as the typed text
/// and is parsed again where it arrives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct BirthDate(Date);

impl BirthDate {
    pub const MIN_AGE: u8 = 18;
    const MAX_AGE: i32 = 100;

    pub fn parse(raw: &str, today: Date) -> Result<BirthDate, FieldError> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Err(FieldError::Required);
        }
        let date = parse_date(&western_digits(raw)).ok_or(FieldError::DateFormat)?;
        if date > today {
            return Err(FieldError::DateInFuture);
        }
        let age = age_on(date, today);
        if age < i32::from(Self::MIN_AGE) {
            return Err(FieldError::TooYoung {
                min_age: Self::MIN_AGE,
            });
        }
        if age > Self::MAX_AGE {
            return Err(FieldError::DateImplausible);
        }
        Ok(BirthDate(date))
    }

    pub fn date(self) -> Date {
        self.0
    }

    /// `YYYY-MM-DD`, as stored and as `<input type=date>` wants it.
    pub fn iso(self) -> String {
        iso_date(self.0)
    }
}

impl fmt::Display for BirthDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:02}/{:02}/{}",
            self.0.day(),
            u8::from(self.0.month()),
            self.0.year()
        )
    }
}

pub fn iso_date(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// Reads `YYYY-MM-DD` or `DD/MM/YYYY` (Arabic-Indic digits accepted).
pub fn parse_date(raw: &str) -> Option<Date> {
    let raw = &western_digits(raw.trim());
    let numbers: Vec<&str> = raw.split(['-', '/', '.']).collect();
    let [a, b, c] = numbers.as_slice() else {
        return None;
    };
    let (year, month, day) = if a.len() == 4 { (a, b, c) } else { (c, b, a) };
    if year.len() != 4 {
        return None;
    }
    let month = Month::try_from(month.parse::<u8>().ok()?).ok()?;
    Date::from_calendar_date(year.parse().ok()?, month, day.parse().ok()?).ok()
}

/// Whole years between `birth` and `today`.
pub fn age_on(birth: Date, today: Date) -> i32 {
    let mut age = today.year() - birth.year();
    if (u8::from(today.month()), today.day()) < (u8::from(birth.month()), birth.day()) {
        age -= 1;
    }
    age
}

/// Free text with a length range (a project description, a locality): trimmed, hidden
/// characters refused, stored as typed (and always shown escaped).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoundedText(String);

impl BoundedText {
    pub fn parse(
        raw: &str,
        min: usize,
        max: usize,
        multiline: bool,
    ) -> Result<BoundedText, FieldError> {
        let text = if multiline {
            refuse_hidden(raw, true)?;
            raw.trim().replace("\r\n", "\n")
        } else {
            clean_line(raw)?
        };
        let count = text.chars().count();
        if count == 0 {
            return Err(FieldError::Required);
        }
        if count < min {
            return Err(FieldError::TooShort { min });
        }
        if count > max {
            return Err(FieldError::TooLong { max });
        }
        Ok(BoundedText(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The letters and digits of reference numbers and resume codes: no 0/O, 1/I/L or U, so
/// that nothing is mistaken when read aloud or copied by hand.
pub const CODE_ALPHABET: &[u8; 30] = b"23456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Eight characters of [`CODE_ALPHABET`] from random bytes, as `XXXX-XXXX`.
fn code_from_random(bytes: [u8; CODE_LEN]) -> String {
    let chars: String = bytes
        .iter()
        .map(|b| CODE_ALPHABET[usize::from(*b) % CODE_ALPHABET.len()] as char)
        .collect();
    format!("{}-{}", &chars[..4], &chars[4..])
}

/// Reads a code however it was typed (any case, dashes or spaces, `prefix` or not): `XXXX-XXXX`,
/// `Required` when empty, `invalid` when it is not eight characters of the alphabet.
fn parse_code(raw: &str, prefix: &str, invalid: FieldError) -> Result<String, FieldError> {
    let compact: String = raw
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if compact.is_empty() {
        return Err(FieldError::Required);
    }
    let body = compact.strip_prefix(prefix).unwrap_or(&compact);
    if body.len() != CODE_LEN || !body.bytes().all(|b| CODE_ALPHABET.contains(&b)) {
        return Err(invalid);
    }
    Ok(format!("{}-{}", &body[..4], &body[4..]))
}

const CODE_LEN: usize = 8;

/// An application's reference number, `JSR-XXXX-XXXX`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ReferenceNumber(String);

impl ReferenceNumber {
    /// Builds one from random bytes (the server supplies them).
    pub fn from_random(bytes: [u8; CODE_LEN]) -> ReferenceNumber {
        ReferenceNumber(format!("JSR-{}", code_from_random(bytes)))
    }

    /// The `n`-th reference of a counted series (demo data): the same generator as
    /// [`ReferenceNumber::from_random`], fed the digits of `n` in base 30 instead of random
    /// bytes, so that a million of them are all distinct and every one can be looked up.
    pub fn from_serial(mut n: u64) -> ReferenceNumber {
        let base = CODE_ALPHABET.len() as u64;
        let mut digits = [0u8; CODE_LEN];
        for digit in digits.iter_mut().rev() {
            *digit = (n % base) as u8;
            n /= base;
        }
        ReferenceNumber::from_random(digits)
    }

    /// Reads what a person typed: any case, with or without `JSR` and dashes or spaces.
    pub fn parse(raw: &str) -> Result<ReferenceNumber, FieldError> {
        parse_code(raw, "JSR", FieldError::ReferenceFormat)
            .map(|code| ReferenceNumber(format!("JSR-{code}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ReferenceNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A whole number from 0 to `max` (the number of dependants), Arabic-Indic digits accepted.
pub fn parse_count(raw: &str, max: u32) -> Result<u32, FieldError> {
    let raw = western_digits(raw.trim());
    if raw.is_empty() {
        return Err(FieldError::Required);
    }
    match raw.parse::<u32>() {
        Ok(n) if n <= max && raw.bytes().all(|b| b.is_ascii_digit()) => Ok(n),
        _ => Err(FieldError::NumberRange { max }),
    }
}

/// The code that lets a woman take up her draft on another phone, `XXXX-XXXX`, from the
/// same unambiguous letters and digits as reference numbers.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ResumeCode(String);

impl ResumeCode {
    pub fn from_random(bytes: [u8; CODE_LEN]) -> ResumeCode {
        ResumeCode(code_from_random(bytes))
    }

    /// Reads what a person typed: any case, with or without dashes or spaces.
    pub fn parse(raw: &str) -> Result<ResumeCode, FieldError> {
        parse_code(raw, "", FieldError::ResumeCodeFormat).map(ResumeCode)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Lets serde build a checked type only through its rule, and write it as its text.
macro_rules! checked_string {
    ($($name:ident => $parse:expr;)+) => {
        $(
            impl TryFrom<String> for $name {
                type Error = FieldError;
                fn try_from(raw: String) -> Result<Self, FieldError> {
                    $parse(raw.as_str())
                }
            }

            impl From<$name> for String {
                fn from(value: $name) -> String {
                    value.0
                }
            }
        )+
    };
}

checked_string! {
    PersonName => PersonName::parse;
    Cin => Cin::parse;
    PhoneNumber => PhoneNumber::parse;
    Email => |raw| Email::parse_optional(raw)?.ok_or(FieldError::Required);
    ReferenceNumber => ReferenceNumber::parse;
    ResumeCode => ResumeCode::parse;
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 29);

    #[test]
    fn a_name_in_arabic_or_in_latin_letters_is_accepted() {
        assert_eq!(
            PersonName::parse("  فاطمة   الزهراء ").unwrap().as_str(),
            "فاطمة الزهراء"
        );
        assert_eq!(
            PersonName::parse("Aït Benhaddou").unwrap().as_str(),
            "Aït Benhaddou"
        );
        assert_eq!(
            PersonName::parse("O'Neil-Zahra").unwrap().as_str(),
            "O'Neil-Zahra"
        );
        assert!(
            PersonName::parse("مُحَمَّد").is_ok(),
            "diacritics are part of Arabic names"
        );
    }

    #[test]
    fn a_name_mixing_scripts_or_with_symbols_is_refused() {
        assert_eq!(
            PersonName::parse("Fatima فاطمة"),
            Err(FieldError::MixedScripts)
        );
        assert_eq!(
            PersonName::parse("<script>"),
            Err(FieldError::NameCharacters)
        );
        assert_eq!(
            PersonName::parse("Robert'); DROP TABLE--"),
            Err(FieldError::NameCharacters)
        );
        assert_eq!(
            PersonName::parse("Fatima2"),
            Err(FieldError::NameCharacters)
        );
        assert_eq!(
            PersonName::parse("Fatima 😀"),
            Err(FieldError::NameCharacters)
        );
    }

    #[test]
    fn a_name_with_hidden_characters_is_refused() {
        assert_eq!(
            PersonName::parse("Fat\u{202E}ima"),
            Err(FieldError::ControlCharacters)
        );
        assert_eq!(
            PersonName::parse("Fat\u{0000}ima"),
            Err(FieldError::ControlCharacters)
        );
    }

    #[test]
    fn a_name_has_a_length_range() {
        assert_eq!(PersonName::parse("   "), Err(FieldError::Required));
        assert_eq!(PersonName::parse("A"), Err(FieldError::TooShort { min: 2 }));
        assert_eq!(PersonName::parse("ــ"), Err(FieldError::NameCharacters));
        assert_eq!(
            PersonName::parse("بـــ"),
            Err(FieldError::TooShort { min: 2 })
        );
        assert_eq!(
            PersonName::parse(&"a".repeat(61)),
            Err(FieldError::TooLong { max: 60 })
        );
        assert!(PersonName::parse(&"ب".repeat(60)).is_ok());
    }

    #[test]
    fn a_cin_with_lowercase_letters_and_spaces_is_normalised() {
        assert_eq!(Cin::parse(" bk 123456 ").unwrap().as_str(), "BK123456");
        assert_eq!(Cin::parse("j-12345").unwrap().as_str(), "J12345");
        assert_eq!(Cin::parse("BK١٢٣٤٥٦").unwrap().as_str(), "BK123456");
    }

    #[test]
    fn a_cin_must_be_one_or_two_letters_then_digits() {
        assert_eq!(Cin::parse(""), Err(FieldError::Required));
        assert_eq!(Cin::parse("123456"), Err(FieldError::CinFormat));
        assert_eq!(Cin::parse("ABC12345"), Err(FieldError::CinFormat));
        assert_eq!(Cin::parse("AB12"), Err(FieldError::CinFormat));
        assert_eq!(Cin::parse("AB12345678"), Err(FieldError::CinFormat));
        assert_eq!(Cin::parse("AB12X45"), Err(FieldError::CinFormat));
        assert_eq!(Cin::parse("AB1234'--"), Err(FieldError::CinFormat));
    }

    #[test]
    fn a_phone_in_any_usual_form_is_stored_in_one_form() {
        for raw in [
            "0612345678",
            "06 12 34 56 78",
            "06-12-34-56-78",
            "+212612345678",
            "+212 6 12 34 56 78",
            "00212612345678",
            "+212 06 12 34 56 78",
            "٠٦١٢٣٤٥٦٧٨",
            "۰۶۱۲۳۴۵۶۷۸",
        ] {
            assert_eq!(
                PhoneNumber::parse(raw).unwrap().as_str(),
                "+212612345678",
                "{raw}"
            );
        }
        assert_eq!(
            PhoneNumber::parse("0712345678").unwrap().national(),
            "07 12 34 56 78"
        );
    }

    #[test]
    fn a_phone_that_is_not_a_moroccan_mobile_is_refused() {
        assert_eq!(PhoneNumber::parse(""), Err(FieldError::Required));
        assert_eq!(
            PhoneNumber::parse("0512345678"),
            Err(FieldError::PhoneFormat)
        );
        assert_eq!(
            PhoneNumber::parse("061234567"),
            Err(FieldError::PhoneFormat)
        );
        assert_eq!(
            PhoneNumber::parse("+33612345678"),
            Err(FieldError::PhoneFormat)
        );
        assert_eq!(
            PhoneNumber::parse("06123456789"),
            Err(FieldError::PhoneFormat)
        );
        assert_eq!(
            PhoneNumber::parse("06 12 ab 56 78"),
            Err(FieldError::PhoneFormat)
        );
        assert_eq!(
            PhoneNumber::parse("00612345678"),
            Err(FieldError::PhoneFormat)
        );
    }

    #[test]
    fn an_email_is_optional_but_checked_when_given() {
        assert_eq!(Email::parse_optional("  "), Ok(None));
        assert_eq!(
            Email::parse_optional(" Fatima@Example.MA ")
                .unwrap()
                .unwrap()
                .as_str(),
            "Fatima@example.ma"
        );
        assert_eq!(
            Email::parse_optional("fatima@"),
            Err(FieldError::EmailFormat)
        );
        assert_eq!(
            Email::parse_optional("fatima@localhost"),
            Err(FieldError::EmailFormat)
        );
        assert_eq!(
            Email::parse_optional("a b@example.ma"),
            Err(FieldError::EmailFormat)
        );
    }

    #[test]
    fn a_woman_of_18_on_the_day_is_old_enough() {
        assert_eq!(
            BirthDate::parse("2008-11-29", TODAY).unwrap().iso(),
            "2008-11-29"
        );
        assert_eq!(
            BirthDate::parse("2008-11-30", TODAY),
            Err(FieldError::TooYoung { min_age: 18 })
        );
        assert_eq!(
            BirthDate::parse("29/11/1980", TODAY).unwrap().iso(),
            "1980-11-29"
        );
        assert_eq!(
            BirthDate::parse("٢٩/١١/١٩٨٠", TODAY).unwrap().iso(),
            "1980-11-29"
        );
    }

    #[test]
    fn an_impossible_birth_date_is_refused() {
        assert_eq!(BirthDate::parse("", TODAY), Err(FieldError::Required));
        assert_eq!(
            BirthDate::parse("1990-02-30", TODAY),
            Err(FieldError::DateFormat)
        );
        assert_eq!(
            BirthDate::parse("tomorrow", TODAY),
            Err(FieldError::DateFormat)
        );
        assert_eq!(
            BirthDate::parse("2030-01-01", TODAY),
            Err(FieldError::DateInFuture)
        );
        assert_eq!(
            BirthDate::parse("1900-01-01", TODAY),
            Err(FieldError::DateImplausible)
        );
    }

    #[test]
    fn free_text_keeps_markup_as_typed_but_refuses_hidden_characters() {
        let text = BoundedText::parse("<b>couture</b> ' OR 1=1 -- 🧵", 5, 500, true).unwrap();
        assert_eq!(text.as_str(), "<b>couture</b> ' OR 1=1 -- 🧵");
        assert_eq!(
            BoundedText::parse("ab", 5, 500, true),
            Err(FieldError::TooShort { min: 5 })
        );
        assert_eq!(
            BoundedText::parse(&"x".repeat(501), 5, 500, true),
            Err(FieldError::TooLong { max: 500 })
        );
        assert_eq!(
            BoundedText::parse("abc\u{202D}def", 1, 50, true),
            Err(FieldError::ControlCharacters)
        );
        assert_eq!(
            BoundedText::parse("line one\nline two", 1, 50, true)
                .unwrap()
                .as_str(),
            "line one\nline two"
        );
        assert_eq!(
            BoundedText::parse("line one\nline two", 1, 50, false),
            Err(FieldError::ControlCharacters)
        );
    }

    #[test]
    fn checked_types_cannot_be_deserialised_around_their_rules() {
        assert_eq!(
            serde_json::from_str::<Cin>(r#""bk 123456""#)
                .unwrap()
                .as_str(),
            "BK123456"
        );
        assert!(serde_json::from_str::<Cin>(r#""123""#).is_err());
        assert!(serde_json::from_str::<PhoneNumber>(r#""+2126""#).is_err());
        assert!(serde_json::from_str::<PersonName>(r#""<b>""#).is_err());
        assert!(serde_json::from_str::<Email>(r#""nope""#).is_err());
        assert!(serde_json::from_str::<ReferenceNumber>(r#""JSR-0000-0000""#).is_err());
        let phone = PhoneNumber::parse("0612345678").unwrap();
        assert_eq!(serde_json::to_string(&phone).unwrap(), r#""+212612345678""#);
    }

    #[test]
    fn reference_numbers_use_only_unambiguous_characters() {
        let reference = ReferenceNumber::from_random([0, 29, 30, 255, 7, 8, 9, 10]);
        assert_eq!(reference.as_str().len(), 13);
        assert!(reference.as_str().starts_with("JSR-"));
        for c in ['0', 'O', '1', 'I', 'L', 'U'] {
            assert!(!CODE_ALPHABET.contains(&(c as u8)), "{c}");
        }
    }

    #[test]
    fn counted_references_are_distinct_and_read_back() {
        let mut seen = std::collections::HashSet::new();
        for n in (0..3_000u64).chain([30u64.pow(4), 30u64.pow(8) - 1]) {
            let reference = ReferenceNumber::from_serial(n);
            assert_eq!(
                ReferenceNumber::parse(reference.as_str()),
                Ok(reference.clone())
            );
            seen.insert(reference);
        }
        assert_eq!(seen.len(), 3_000 + 2);
    }

    #[test]
    fn a_reference_number_is_read_however_it_is_typed() {
        let reference = ReferenceNumber::parse("jsr 7k4m 2p9x").unwrap();
        assert_eq!(reference.as_str(), "JSR-7K4M-2P9X");
        assert_eq!(ReferenceNumber::parse("7K4M-2P9X").unwrap(), reference);
        assert_eq!(
            ReferenceNumber::parse("JSR-7K4M-2P9O"),
            Err(FieldError::ReferenceFormat)
        );
        assert_eq!(
            ReferenceNumber::parse("JSR-7K4M"),
            Err(FieldError::ReferenceFormat)
        );
        assert_eq!(ReferenceNumber::parse(""), Err(FieldError::Required));
    }

    #[test]
    fn every_field_error_has_a_message_in_every_language() {
        use crate::i18n::Lang;
        let errors = [
            FieldError::Required,
            FieldError::TooShort { min: 2 },
            FieldError::TooLong { max: 60 },
            FieldError::ControlCharacters,
            FieldError::NameCharacters,
            FieldError::MixedScripts,
            FieldError::CinFormat,
            FieldError::PhoneFormat,
            FieldError::EmailFormat,
            FieldError::DateFormat,
            FieldError::DateInFuture,
            FieldError::TooYoung { min_age: 18 },
            FieldError::DateImplausible,
            FieldError::NotAnOption,
            FieldError::ReferenceFormat,
            FieldError::NumberRange { max: 20 },
            FieldError::ConsentRequired,
            FieldError::ResumeCodeFormat,
            FieldError::ResumeNotFound,
            FieldError::IdentityFormat,
            FieldError::TooManyAttempts,
            FieldError::NoneWithOthers,
        ];
        for lang in Lang::ALL {
            for error in errors {
                let message = error.message(lang);
                assert!(
                    !message.contains("Unknown localization"),
                    "{lang:?} {error:?}"
                );
            }
        }
        assert_eq!(
            FieldError::TooLong { max: 60 }.message(Lang::Fr),
            "60 caractères au plus."
        );
        assert_eq!(
            FieldError::TooShort { min: 2 }.message(Lang::Ar),
            "حرفان على الأقل."
        );
        assert_eq!(
            FieldError::TooLong { max: 500 }.message(Lang::Ar),
            "500 حرف على الأكثر."
        );
        assert_eq!(
            FieldError::TooShort { min: 5 }.message(Lang::Ar),
            "5 أحرف على الأقل."
        );
    }

    #[test]
    fn a_count_is_a_whole_number_in_range() {
        assert_eq!(parse_count(" 3 ", 20), Ok(3));
        assert_eq!(parse_count("٢", 20), Ok(2));
        assert_eq!(parse_count("0", 20), Ok(0));
        assert_eq!(parse_count("", 20), Err(FieldError::Required));
        for bad in ["21", "-1", "2.5", "+2", "deux", "99999999999"] {
            assert_eq!(
                parse_count(bad, 20),
                Err(FieldError::NumberRange { max: 20 }),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_resume_code_is_read_however_it_is_typed() {
        let code = ResumeCode::from_random([0, 1, 2, 3, 29, 30, 255, 7]);
        assert_eq!(code.as_str().len(), 9);
        assert_eq!(
            ResumeCode::parse(&code.as_str().to_lowercase()),
            Ok(code.clone())
        );
        assert_eq!(
            ResumeCode::parse(" 7k4m 2p9x "),
            Ok(ResumeCode("7K4M-2P9X".into()))
        );
        assert_eq!(
            ResumeCode::parse("7K4M-2P9O"),
            Err(FieldError::ResumeCodeFormat)
        );
        assert_eq!(ResumeCode::parse("7K4M"), Err(FieldError::ResumeCodeFormat));
        assert_eq!(ResumeCode::parse(""), Err(FieldError::Required));
    }
}
