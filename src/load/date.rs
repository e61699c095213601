//! Calendar dates as front matter and data files write them (`YYYY-MM-DD`), with the
//! little arithmetic review dates need.

use super::front;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A calendar date written `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    pub fn parse(s: &str) -> Option<Date> {
        let mut parts = s.trim().splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.parse().ok()?;
        let date = Date { year, month, day };
        (s.trim().len() == 10
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month))
        .then_some(date)
    }

    /// A date, or a date and time whose date is kept: `2021-03-04`,
    /// `2021-03-04T10:00:00Z`, `2021-03-04 10:00`, as YAML, TOML, Hugo and Obsidian
    /// write them.
    pub fn parse_date_or_datetime(s: &str) -> Option<Date> {
        let s = s.trim();
        match s.get(10..) {
            Some("") => Date::parse(s),
            Some(rest)
                if (rest.starts_with('T') || rest.starts_with('t') || rest.starts_with(' '))
                    && rest[1..].starts_with(|c: char| c.is_ascii_digit()) =>
            {
                Date::parse(&s[..10])
            }
            _ => None,
        }
    }

    /// [`parse_date_or_datetime`](Date::parse_date_or_datetime), or a year alone
    /// (`2019`) or a year and month (`2019-05`), read as its first day, or a day or month
    /// of one digit (`2026-02-6`), as Quartz reads a note's `date` (JavaScript's `Date`
    /// takes them so).
    pub fn parse_partial(s: &str) -> Option<Date> {
        let s = s.trim();
        let year = |y: &str| {
            (y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
                .then(|| y.parse::<i32>().ok())
                .flatten()
        };
        match s.len() {
            4 => Some(Date {
                year: year(s)?,
                month: 1,
                day: 1,
            }),
            7 => {
                let (y, m) = s.split_once('-')?;
                let month = Some(m)
                    .filter(|m| m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()))
                    .and_then(|m| m.parse::<u32>().ok())
                    .filter(|m| (1..=12).contains(m))?;
                Some(Date {
                    year: year(y)?,
                    month,
                    day: 1,
                })
            }
            _ => Date::parse_date_or_datetime(s).or_else(|| {
                // `2026-02-6`, a day or month of one digit, as JavaScript's `Date`
                // reads it too.
                let mut parts = s.splitn(3, '-');
                let y = year(parts.next()?)?;
                let short = |p: &str| {
                    (!p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()))
                        .then(|| p.parse::<u32>().ok())
                        .flatten()
                };
                let (month, day) = (short(parts.next()?)?, short(parts.next()?)?);
                let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(y, month);
                valid.then_some(Date {
                    year: y,
                    month,
                    day,
                })
            }),
        }
    }

    /// The day (UTC) of a time in milliseconds since 1970, as Dendron writes a note's
    /// `created` and `updated` (`1657806590091`): a number of 13 digits, from 2001 to
    /// 2286 (a 12- or 14-digit number is more likely a date written without its dashes,
    /// `202304121530`, read as no date).
    pub fn from_epoch_millis(millis: u64) -> Option<Date> {
        if !(1_000_000_000_000..10_000_000_000_000).contains(&millis) {
            return None;
        }
        // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
        let z = (millis / 86_400_000) as i64 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Some(Date { year, month, day })
    }

    /// The same day `months` later, clamped to the end of a shorter month.
    pub fn add_months(self, months: u32) -> Date {
        // In i64, so no count of months wraps the year around.
        let total = i64::from(self.year) * 12 + (i64::from(self.month) - 1) + i64::from(months);
        let year = total
            .div_euclid(12)
            .clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32;
        let month = total.rem_euclid(12) as u32 + 1;
        Date {
            year,
            month,
            day: self.day.min(days_in_month(year, month)),
        }
    }

    /// `November`.
    pub fn month_name(self) -> &'static str {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        MONTHS[(self.month.clamp(1, 12) - 1) as usize]
    }

    /// `23 November 2026`.
    pub fn long(self) -> String {
        format!("{} {} {}", self.day, self.month_name(), self.year)
    }
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl<'de> Deserialize<'de> for Date {
    /// A `YYYY-MM-DD` string, or a date and time (`2021-03-04T10:00:00+01:00`, as Hugo
    /// writes them) whose date is kept; in TOML, a date or datetime value too.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(front::DateVisitor)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A note's own `date`, `updated` or `lastmod`: what [`front::DateVisitor`] reads, or a year
/// alone (`'2019'`, or the number `2019`) or a year and month (`2019-05`), read as its
/// first day as Quartz reads it (see [`Date::parse_partial`]).
pub(super) fn note_date<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
    struct Partial;
    impl<'de> serde::de::Visitor<'de> for Partial {
        type Value = Option<Date>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a date in the form YYYY-MM-DD")
        }
        fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Self::Value, E> {
            match Date::parse_partial(s) {
                Some(date) => Ok(Some(date)),
                None => front::DateVisitor.visit_str(s).map(Some),
            }
        }
        fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Self::Value, E> {
            if (1000..=9999).contains(&n) {
                return self.visit_str(&n.to_string());
            }
            match Date::from_epoch_millis(n) {
                Some(date) => Ok(Some(date)),
                None => Err(E::invalid_type(serde::de::Unexpected::Unsigned(n), &self)),
            }
        }
        fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<Self::Value, E> {
            match u64::try_from(n) {
                Ok(n) => self.visit_u64(n),
                Err(_) => Err(E::invalid_type(serde::de::Unexpected::Signed(n), &self)),
            }
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            // A TOML date-time, as a table of one key; or Material for MkDocs' blog
            // post's `date: {created: 2024-01-31, updated: 2024-02-01}`: its creation.
            let mut created = None;
            while let Some((key, value)) = map.next_entry::<String, serde_yaml::Value>()? {
                let text = match &value {
                    serde_yaml::Value::String(text) => text.clone(),
                    other => serde_yaml::to_string(other).unwrap_or_default(),
                };
                if key.contains("datetime") || key == "created" {
                    created.get_or_insert(text);
                }
            }
            match created {
                Some(text) => self.visit_str(text.trim()),
                None => Err(serde::de::Error::custom(
                    "expected a date in the form YYYY-MM-DD, found a table",
                )),
            }
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(Partial)
        }
    }
    d.deserialize_any(Partial)
}

/// Whether `text` is written as a date, rightly or not: a year of four digits, alone or
/// followed by `-` and a digit (`2024-13-01`, `2019-5`, `2021-03-04X`). A date with
/// words after a space (`2026-04-29 (v2)`, `2025-08-11 (updated 2026-04-29)`) is text,
/// which Quartz cannot read as a date either; a time after it (`2024-01-01 10:00`) is not.
pub(super) fn date_shaped(text: &str) -> bool {
    let t = text.trim().as_bytes();
    let time = |part: &str| {
        part.bytes()
            .all(|b| b.is_ascii_digit() || b":.+-Z".contains(&b))
    };
    t.len() >= 4
        && t[..4].iter().all(u8::is_ascii_digit)
        && match t.get(4) {
            None => true,
            Some(b'-') => t.get(5).is_some_and(u8::is_ascii_digit),
            Some(_) => false,
        }
        && text.split_whitespace().skip(1).all(time)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_milliseconds_are_their_day() {
        let day = |n| Date::from_epoch_millis(n).map(|d| d.to_string());
        assert_eq!(day(1_657_806_590_091).as_deref(), Some("2022-07-14"));
        assert_eq!(day(1_639_804_259_623).as_deref(), Some("2021-12-18"));
        assert_eq!(day(1_000_000_000_000).as_deref(), Some("2001-09-09"));
        assert_eq!(day(20_240_101), None);
        // A date and time written without dashes is no time in milliseconds.
        assert_eq!(day(202_304_121_530), None);
        assert_eq!(day(20_230_412_153_000), None);
    }

    #[test]
    fn dates_validate_and_add_months() {
        assert!(Date::parse("2026-02-30").is_none());
        let d = Date::parse("2024-01-31").unwrap();
        assert_eq!(d.add_months(1).to_string(), "2024-02-29");
        assert_eq!(d.add_months(24).to_string(), "2026-01-31");
        assert_eq!(d.long(), "31 January 2024");
    }

    #[test]
    fn a_year_or_a_month_alone_is_its_first_day() {
        let at = |s: &str| Date::parse_partial(s).map(|d| d.to_string());
        assert_eq!(at("2019").as_deref(), Some("2019-01-01"));
        assert_eq!(at("2019-05").as_deref(), Some("2019-05-01"));
        assert_eq!(at("2019-05-04T10:00:00Z").as_deref(), Some("2019-05-04"));
        // A garden's `date: 2026-02-6`, as JavaScript's `Date` reads it.
        assert_eq!(at("2026-02-6").as_deref(), Some("2026-02-06"));
        assert_eq!(at("2026-2-16").as_deref(), Some("2026-02-16"));
        for wrong in [
            "2019-13",
            "2019-5",
            "19",
            "20190",
            "201x",
            "2019-05-",
            "-2019",
            "2026-02-30",
            "2026-2-6x",
        ] {
            assert_eq!(at(wrong), None, "{wrong}");
        }
        for (text, shaped) in [
            ("2019-13", true),
            ("2024-02-30", true),
            ("2019", true),
            ("a.a. 2019/2020", false),
            ("2020--2021", false),
            ("AA 2021 -- 2022", false),
            ("20190501", false),
            ("2024-01-01T10:00:00+01:00", true),
            ("2021-03-04X", true),
            ("2024-01-01 10:00", true),
            ("2026-04-29 (v2)", false),
            ("2025-08-11 (updated 2026-04-29)", false),
            ("2026-07 (SIGGRAPH 2026)", false),
        ] {
            assert_eq!(date_shaped(text), shaped, "{text}");
        }
        // Only where a note's own date is read: a review date stays whole.
        assert!(Date::parse_date_or_datetime("2019").is_none());
    }
}
