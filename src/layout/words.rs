//! The words the handout adds around the content: dosage lines, urgency labels, dates.

use crate::model::{Date, Dosage, Position, Urgency};

/// The parts of a line such as "3 sets × 10 reps · hold 2 seconds · each side · daily";
/// none when the dosage says nothing.
pub fn dosage(dosage: &Dosage) -> Vec<String> {
    let mut parts = Vec::new();
    let count = |n: u32, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match (dosage.sets, dosage.reps) {
        (Some(sets), Some(reps)) => parts.push(format!(
            "{} × {}",
            count(sets, "set", "sets"),
            count(reps, "rep", "reps")
        )),
        (Some(sets), None) => parts.push(count(sets, "set", "sets")),
        (None, Some(reps)) => parts.push(count(reps, "rep", "reps")),
        (None, None) => {}
    }
    if let Some(hold) = dosage.hold_seconds {
        parts.push(format!("hold {}", count(hold, "second", "seconds")));
    }
    if let Some(rest) = dosage.rest_seconds {
        parts.push(format!(
            "rest {} between sets",
            count(rest, "second", "seconds")
        ));
    }
    if dosage.each_side {
        parts.push("each side".to_string());
    }
    if let Some(often) = how_often(dosage.times_per_day, dosage.days_per_week) {
        parts.push(often);
    }
    parts
}

fn how_often(times_per_day: Option<u32>, days_per_week: Option<u32>) -> Option<String> {
    let per_day = match times_per_day {
        None | Some(1) => None,
        Some(2) => Some("twice a day".to_string()),
        Some(n) => Some(format!("{n} times a day")),
    };
    let days = match days_per_week {
        None => None,
        Some(7) => Some(
            if per_day.is_some() {
                "every day"
            } else {
                "daily"
            }
            .to_string(),
        ),
        Some(1) => Some("1 day a week".to_string()),
        Some(n) => Some(format!("{n} days a week")),
    };
    match (per_day, days) {
        (Some(per_day), Some(days)) => Some(format!("{per_day}, {days}")),
        (Some(only), None) | (None, Some(only)) => Some(only),
        (None, None) => times_per_day.map(|_| "once a day".to_string()),
    }
}

/// The words that go with an urgency, so the card never relies on colour alone.
pub fn urgency(urgency: Urgency) -> (&'static str, &'static str) {
    match urgency {
        Urgency::Soon => ("Soon", "book a visit with your doctor"),
        Urgency::Urgent => ("Urgent", "get seen by a doctor today"),
        Urgency::Emergency => ("Emergency", "call an ambulance now"),
    }
}

pub fn position(position: Position) -> &'static str {
    match position {
        Position::Lying => "lying down",
        Position::Sitting => "sitting",
        Position::Kneeling => "kneeling",
        Position::Standing => "standing",
    }
}

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

/// "23 November 2026".
pub fn date(date: Date) -> String {
    let month = MONTHS
        .get(usize::from(date.month).wrapping_sub(1))
        .copied()
        .unwrap_or("");
    format!("{} {month} {}", date.day, date.year)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_example_reads_as_written() {
        let d = Dosage {
            sets: Some(3),
            reps: Some(10),
            each_side: true,
            times_per_day: Some(1),
            days_per_week: Some(7),
            ..Dosage::default()
        };
        assert_eq!(
            dosage(&d).join(" · "),
            "3 sets × 10 reps · each side · daily"
        );
    }

    #[test]
    fn singular_units_holds_rests_and_weekly_days() {
        let d = Dosage {
            sets: Some(1),
            reps: Some(1),
            hold_seconds: Some(1),
            rest_seconds: Some(60),
            times_per_day: Some(2),
            days_per_week: Some(3),
            ..Dosage::default()
        };
        assert_eq!(
            dosage(&d).join(" · "),
            "1 set × 1 rep · hold 1 second · rest 60 seconds between sets · twice a day, 3 days a week"
        );
    }

    #[test]
    fn partial_dosages() {
        assert!(dosage(&Dosage::default()).is_empty());
        let reps_only = Dosage {
            reps: Some(12),
            ..Dosage::default()
        };
        assert_eq!(dosage(&reps_only), ["12 reps"]);
        let weekly = Dosage {
            times_per_day: Some(1),
            days_per_week: Some(3),
            ..Dosage::default()
        };
        assert_eq!(dosage(&weekly), ["3 days a week"]);
        let twice_daily = Dosage {
            times_per_day: Some(2),
            days_per_week: Some(7),
            ..Dosage::default()
        };
        assert_eq!(dosage(&twice_daily), ["twice a day, every day"]);
    }

    #[test]
    fn dates_read_day_month_year() {
        let d = Date {
            year: 2026,
            month: 11,
            day: 23,
        };
        assert_eq!(date(d), "23 November 2026");
    }
}
