//! How long the exercises take: each one from its dosage, and a whole session of them,
//! for the handout to say ("About 15 minutes") near its top and on its sheet and log.

use std::time::Duration;

use super::{Document, Dosage};

/// Seconds one repetition takes when the exercise does not say: a slow, controlled
/// lift and lower of a second or two each way.
pub const DEFAULT_TEMPO_SECONDS: u32 = 3;

impl Dosage {
    /// How long the exercise takes once through: each repetition at its tempo plus its
    /// hold, for every repetition of every set, on both sides when it works each side,
    /// and the rests between sets.
    ///
    /// A set is done on one side and then the other ("repeat, then swap legs"), so a
    /// side's repetitions double and the rest between sets does not. Sets and
    /// repetitions not given count as one. `None` when the dosage gives neither
    /// repetitions nor a hold: there is then nothing to time.
    pub fn duration(&self) -> Option<Duration> {
        if self.reps.is_none() && self.hold_seconds.is_none() {
            return None;
        }
        let sets = u64::from(self.sets.unwrap_or(1));
        let reps = u64::from(self.reps.unwrap_or(1));
        let sides = if self.each_side { 2 } else { 1 };
        let tempo = self.tempo_seconds.unwrap_or(DEFAULT_TEMPO_SECONDS);
        let repetition = u64::from(tempo) + u64::from(self.hold_seconds.unwrap_or(0));
        let rests = (sets - 1) * u64::from(self.rest_seconds.unwrap_or(0));
        Some(Duration::from_secs(
            sets * sides * reps * repetition + rests,
        ))
    }
}

impl Document {
    /// How long one session of the handout's exercises takes: the sum of each one's
    /// [`Dosage::duration`]; `None` when no exercise has one.
    pub fn session_duration(&self) -> Option<Duration> {
        self.exercises
            .iter()
            .filter_map(|exercise| exercise.dosage.duration())
            .reduce(|total, next| total + next)
    }
}

/// A duration in whole minutes, as a handout says it: to the nearest minute, and never
/// less than one.
pub fn about_minutes(duration: Duration) -> u64 {
    ((duration.as_secs() + 30) / 60).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seconds(dosage: Dosage) -> Option<u64> {
        dosage.duration().map(|d| d.as_secs())
    }

    #[test]
    fn repetitions_take_the_tempo_and_the_hold_and_sets_rest_between() {
        // 3 sets of 10 at 3 s and a 2 s hold: 150 s of work, and two rests of a minute.
        let dosage = Dosage {
            sets: Some(3),
            reps: Some(10),
            hold_seconds: Some(2),
            rest_seconds: Some(60),
            ..Dosage::default()
        };
        assert_eq!(seconds(dosage), Some(3 * 10 * (3 + 2) + 2 * 60));
        let slower = Dosage {
            tempo_seconds: Some(5),
            ..dosage
        };
        assert_eq!(seconds(slower), Some(3 * 10 * (5 + 2) + 2 * 60));
    }

    #[test]
    fn each_side_doubles_the_work_but_not_the_rests() {
        let one_side = Dosage {
            sets: Some(3),
            reps: Some(8),
            rest_seconds: Some(90),
            ..Dosage::default()
        };
        let both = Dosage {
            each_side: true,
            ..one_side
        };
        assert_eq!(seconds(one_side), Some(3 * 8 * 3 + 2 * 90));
        assert_eq!(seconds(both), Some(3 * 2 * 8 * 3 + 2 * 90));
    }

    #[test]
    fn a_hold_alone_is_one_repetition_and_nothing_to_time_is_none() {
        let stretch = Dosage {
            hold_seconds: Some(30),
            each_side: true,
            ..Dosage::default()
        };
        assert_eq!(seconds(stretch), Some(2 * (3 + 30)));
        let how_often_only = Dosage {
            sets: Some(2),
            days_per_week: Some(7),
            ..Dosage::default()
        };
        assert_eq!(seconds(how_often_only), None);
    }

    #[test]
    fn minutes_are_rounded_to_the_nearest_and_at_least_one() {
        assert_eq!(about_minutes(Duration::from_secs(0)), 1);
        assert_eq!(about_minutes(Duration::from_secs(89)), 1);
        assert_eq!(about_minutes(Duration::from_secs(90)), 2);
        assert_eq!(about_minutes(Duration::from_secs(15 * 60 + 18)), 15);
    }
}
