//! Calendar arithmetic on Unix time (UTC), without a date library: what autosave stamps and the
//! import's default year need.

/// Seconds since 1970-01-01 00:00 UTC, now.
pub fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// (year, month, day, hour, minute) in UTC of a Unix time. Howard Hinnant's days-to-civil.
pub fn utc_parts(secs: u64) -> (i64, u32, u32, u32, u32) {
    let days = (secs / 86_400) as i64 + 719_468;
    let rest = secs % 86_400;
    let era = days.div_euclid(146_097);
    let doe = days - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (
        year,
        month,
        day,
        (rest / 3600) as u32,
        (rest % 3600 / 60) as u32,
    )
}

/// `2026-11-29 12:05 UTC`.
pub fn utc_text(secs: u64) -> String {
    let (y, mo, d, h, mi) = utc_parts(secs);
    format!("{y}-{mo:02}-{d:02} {h:02}:{mi:02} UTC")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_dates() {
        assert_eq!(utc_parts(0), (1970, 1, 1, 0, 0));
        // 2000-02-29 12:34 UTC (a leap day of a century leap year).
        assert_eq!(utc_parts(951_827_640), (2000, 2, 29, 12, 34));
        // 2026-11-29 00:00 UTC.
        assert_eq!(utc_parts(1_795_910_400), (2026, 11, 29, 0, 0));
        assert_eq!(utc_text(1_795_910_400 + 3_660), "2026-11-29 01:01 UTC");
    }
}
