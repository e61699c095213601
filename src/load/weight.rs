//! Hugo's `weight` as Hugo reads it (`cast.ToInt`): a whole number, a number with a
//! fraction (`108.8`, whose fraction is dropped) or a number in quotes (`"01"`, as
//! file-numbering sites write it). Text that is no number stays an error.

use std::fmt;

/// `weight:` (no value) is none; the rest as the module says.
pub(super) fn weight<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    d.deserialize_any(WeightVisitor)
}

struct WeightVisitor;

impl serde::de::Visitor<'_> for WeightVisitor {
    type Value = Option<i64>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a whole number")
    }
    fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<Self::Value, E> {
        Ok(Some(n))
    }
    fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Self::Value, E> {
        Ok(Some(i64::try_from(n).unwrap_or(i64::MAX)))
    }
    fn visit_f64<E: serde::de::Error>(self, n: f64) -> Result<Self::Value, E> {
        if !n.is_finite() {
            return Err(E::custom(format!("`weight` is a number, not `{n}`")));
        }
        // `as` saturates at i64's ends.
        Ok(Some(n.trunc() as i64))
    }
    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Self::Value, E> {
        let number = text.trim();
        if number.is_empty() {
            return Ok(None);
        }
        if let Ok(n) = number.parse::<i64>() {
            return Ok(Some(n));
        }
        match number.parse::<f64>() {
            Ok(n) if number.bytes().any(|b| b.is_ascii_digit()) => self.visit_f64(n),
            _ => Err(E::custom(format!(
                "`weight` is a number (the page's place in lists), not `{text}`"
            ))),
        }
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::weight;

    fn read(yaml: &str) -> Result<Option<i64>, String> {
        weight(serde_yaml::Deserializer::from_str(yaml)).map_err(|e| e.to_string())
    }

    #[test]
    fn weight_is_read_as_hugo_reads_it() {
        assert_eq!(read("4"), Ok(Some(4)));
        assert_eq!(read("-2"), Ok(Some(-2)));
        assert_eq!(read("108.8"), Ok(Some(108)));
        assert_eq!(read("\"01\""), Ok(Some(1)));
        assert_eq!(read("'2.5'"), Ok(Some(2)));
        assert_eq!(read("\" 7 \""), Ok(Some(7)));
        assert_eq!(read("~"), Ok(None));
        assert_eq!(read("\"\""), Ok(None));
        for bad in ["heavy", "\"inf\"", ".nan", "[1]"] {
            assert!(read(bad).is_err(), "{bad}");
        }
        assert!(read("heavy").unwrap_err().contains("not `heavy`"));
    }
}
