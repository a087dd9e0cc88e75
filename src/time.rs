//! Unix time for autosave stamps and the import's default year (UTC arithmetic, no library), and
//! the user's local time for what a person reads: the restore offer and the log (through `jiff`,
//! which reads the system's time zone on every platform).

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

/// `2026-11-29 20:05 UTC+08:00`: a Unix time in the user's time zone (the system's; UTC when
/// it cannot be told).
pub fn local_text(secs: u64) -> String {
    local_text_in(secs, &jiff::tz::TimeZone::system())
}

/// [`local_text`] in a given time zone.
pub fn local_text_in(secs: u64, zone: &jiff::tz::TimeZone) -> String {
    let Ok(stamp) = i64::try_from(secs)
        .map_err(|_| ())
        .and_then(|s| jiff::Timestamp::from_second(s).map_err(|_| ()))
    else {
        return utc_text(secs);
    };
    stamp
        .to_zoned_datetime(zone.clone())
        .strftime("%Y-%m-%d %H:%M UTC%:z")
        .to_string()
}

/// The calendar year now, in the system's time zone.
pub fn this_year() -> i32 {
    i32::from(jiff::ZonedDateTime::now().year())
}

/// Now, to the millisecond in the user's time zone with its offset: the stamp of a log line.
pub fn local_log_stamp() -> String {
    jiff::ZonedDateTime::now()
        .strftime("%Y-%m-%d %H:%M:%S%.3f %:z")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_times_are_in_the_zone_with_its_offset() {
        use jiff::tz::{TimeZone, offset};
        // 2026-11-29 12:05 UTC is 20:05 in China (UTC+8), the next day's 01:05 in New Zealand's
        // summer (UTC+13) and the day before's 23:35 at UTC−12:30.
        let t = 1_795_910_400 + 12 * 3600 + 5 * 60;
        assert_eq!(
            local_text_in(t, &TimeZone::fixed(offset(8))),
            "2026-11-29 20:05 UTC+08:00"
        );
        assert_eq!(
            local_text_in(t, &TimeZone::fixed(offset(13))),
            "2026-11-30 01:05 UTC+13:00"
        );
        let minus = jiff::tz::Offset::from_seconds(-(12 * 3600 + 30 * 60)).unwrap();
        assert_eq!(
            local_text_in(t, &TimeZone::fixed(minus)),
            "2026-11-28 23:35 UTC-12:30"
        );
        assert_eq!(
            local_text_in(t, &TimeZone::UTC),
            "2026-11-29 12:05 UTC+00:00"
        );
        // Beyond what a calendar library takes: still a time, in UTC.
        assert!(local_text(u64::MAX).ends_with("UTC"));
    }

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
