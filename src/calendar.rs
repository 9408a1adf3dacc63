//! Calendar arithmetic for UTC dates and Unix times, proleptic Gregorian.

use crate::model::Date;

/// Midnight UTC of `date`, in Unix seconds.
pub fn midnight(date: Date) -> i64 {
    let (y, m, d) = (
        i64::from(date.year),
        i64::from(date.month),
        i64::from(date.day),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    (era * 146_097 + doe - 719_468) * 86_400
}

/// The UTC date of a Unix time; years outside 0–65535 are clamped.
pub fn date_of(seconds: i64) -> Date {
    let (year, month, day) = civil_from_days(seconds.div_euclid(86_400));
    Date {
        year: year.clamp(0, i64::from(u16::MAX)) as u16,
        month: month as u8,
        day: day as u8,
    }
}

/// The date `days` days after `date`.
pub fn days_after(date: Date, days: i64) -> Date {
    date_of(midnight(date) + days * 86_400)
}

/// The day of the week of `date`, ISO 8601: 1 for Monday to 7 for Sunday.
pub fn weekday(date: Date) -> u8 {
    // 1970-01-01 was a Thursday, day 4.
    let days = midnight(date).div_euclid(86_400);
    ((days + 3).rem_euclid(7) + 1) as u8
}

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian.
pub fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// A calendar date written YYYY-MM-DD. A date in that form that is not on the calendar is
/// refused with why (the month it names, or how many days it has), not with the form.
pub fn parse_date(text: &str) -> Result<Date, String> {
    let invalid = || format!("`{text}` is not a date; write it as YYYY-MM-DD, e.g. 2026-11-25");
    let mut parts = text.splitn(3, '-');
    let mut next = |len: usize| {
        parts
            .next()
            .filter(|p| p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|p| p.parse::<u16>().ok())
            .ok_or_else(invalid)
    };
    let (year, month, day) = (next(4)?, next(2)?, next(2)?);
    let Some(name) = MONTH_NAMES.get(usize::from(month).wrapping_sub(1)) else {
        return Err(format!(
            "`{text}` is not a date: there is no month {month:02}; the month is 01 to 12"
        ));
    };
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        _ => 28,
    };
    if day == 0 || day > days_in_month {
        return Err(format!(
            "`{text}` is not a date: {name} {year} has {days_in_month} days, so there is no \
             day {day:02}"
        ));
    }
    Ok(Date {
        year,
        month: month as u8,
        day: day as u8,
    })
}

/// The months' names in English, January first.
pub const MONTH_NAMES: [&str; 12] = [
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_unix_times_round_trip() {
        let date = Date {
            year: 2026,
            month: 11,
            day: 23,
        };
        assert_eq!(midnight(date), 1_795_392_000);
        assert_eq!(date_of(1_795_392_000 + 86_399), date);
        let leap = Date {
            year: 2000,
            month: 2,
            day: 29,
        };
        assert_eq!(midnight(leap), 951_782_400);
        assert_eq!(date_of(951_782_400), leap);
        assert_eq!(
            date_of(0),
            Date {
                year: 1970,
                month: 1,
                day: 1
            }
        );
    }

    #[test]
    fn weekdays_run_monday_to_sunday_across_months_and_years() {
        let date = |year, month, day| Date { year, month, day };
        // 23 November 2026 is a Monday; 1 January 2000 was a Saturday.
        assert_eq!(weekday(date(2026, 11, 23)), 1);
        assert_eq!(weekday(date(2026, 11, 29)), 7);
        assert_eq!(weekday(date(2000, 1, 1)), 6);
        assert_eq!(weekday(date(1969, 12, 31)), 3);
        assert_eq!(days_after(date(2026, 11, 23), 13), date(2026, 12, 6));
        assert_eq!(days_after(date(2024, 2, 28), 1), date(2024, 2, 29));
        assert_eq!(days_after(date(2026, 12, 31), 1), date(2027, 1, 1));
    }

    #[test]
    fn dates_must_exist_on_the_calendar() {
        assert_eq!(
            parse_date("2026-11-25"),
            Ok(Date {
                year: 2026,
                month: 11,
                day: 25
            })
        );
        assert!(parse_date("2024-02-29").is_ok());
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "2026-11-31",
            "26-11-25",
            "2026/11/25",
            "2026-11-2",
        ] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
        assert_eq!(
            parse_date("2026-02-30"),
            Err(
                "`2026-02-30` is not a date: February 2026 has 28 days, so there is no day 30"
                    .to_string()
            )
        );
        assert_eq!(
            parse_date("2026-13-01"),
            Err(
                "`2026-13-01` is not a date: there is no month 13; the month is 01 to 12"
                    .to_string()
            )
        );
        assert!(parse_date("25/11/2026").unwrap_err().contains("YYYY-MM-DD"));
    }
}
