# Every fixed word a handout prints, in English: the catalogue the others are checked against.
#
# Project Fluent syntax (https://projectfluent.org/fluent/guide/): `key = text`; `{ $name }`
# is filled in by the program; `{ $count -> [one] … *[other] … }` picks the form that goes
# with a number, by the language's plural rules (one, few, many, other) or by an exact
# number such as [2]. Keep every key and every `$name`; change only the words.
# A clinic may replace any of these for its own handouts with a `[labels]` table.

## The handout's opening

in-short = In short
# Above the clinician's personal note, when the clinician is named.
note-from = A note from { $clinician }
note-from-your-clinician = A note from your clinician

## Default section headings (a handout's [headings] may replace them)

heading-causes = What might be causing it?
heading-red-flags = When to see a doctor
heading-exercises = Exercises to try
heading-closing = Final thoughts

## Causes

# Above the list of things a reader can do for one cause.
what-you-can-do = What you can do

## When to see a doctor: an urgency's word, then what to do

urgency-soon = Soon
urgency-soon-action = book a visit with your doctor
urgency-urgent = Urgent
urgency-urgent-action = get seen by a doctor today
urgency-emergency = Emergency
urgency-emergency-action = call an ambulance now
# An urgency's word as the label before what to do: "Soon: book a visit …".
urgency-label = { $urgency }:

## Exercise cards

position = Position:
you-need = You need:
how-much = How much:
tips =
    { $count ->
        [one] Tip
       *[other] Tips
    }
take-care = Take care
# Before a note for one recipient about this exercise, e.g. "Left leg only this week".
exercise-note = Just for you:
# Before the exercise's cue, the one thing to keep in mind as you do it.
cue-label = Key point:
# Before the exercise's harder version.
when-it-feels-easy = When it feels easy:
# Before the exercise's easier version.
if-it-hurts = If it hurts:
# Beside the QR code, above the video's address.
video-scan-or-go-to = Watch how to do it: scan the code or go to
# Above the video's address when it is too long for a QR code.
video-go-to = Watch how to do it:
qr-code-alt = QR code: link to a video of the exercise at { $url }
# A card or a box that goes on over a page, at the top of the next one.
continued = { $title } (continued)

position-lying = lying down
position-sitting = sitting
position-kneeling = kneeling
position-standing = standing

## The dosage line, e.g. "3 sets × 10 reps · hold 2 seconds · each side · twice a day, 3 days a week"
## Each piece is one message; the program joins them with " · ".

dosage-sets =
    { $count ->
        [one] { $count } set
       *[other] { $count } sets
    }
dosage-reps =
    { $count ->
        [one] { $count } rep
       *[other] { $count } reps
    }
# $sets and $reps are the two messages above, already filled in.
dosage-sets-and-reps = { $sets } × { $reps }
dosage-hold =
    { $seconds ->
        [one] hold { $seconds } second
       *[other] hold { $seconds } seconds
    }
dosage-rest =
    { $seconds ->
        [one] rest { $seconds } second between sets
       *[other] rest { $seconds } seconds between sets
    }
dosage-each-side = each side
dosage-times-a-day =
    { $count ->
        [1] once a day
        [2] twice a day
       *[other] { $count } times a day
    }
dosage-days-a-week =
    { $count ->
        [7] every day
        [one] { $count } day a week
       *[other] { $count } days a week
    }
# Seven days a week, when the dosage says nothing of how many times a day.
dosage-daily = daily
# $times and $days are the two messages above, already filled in.
dosage-times-and-days = { $times }, { $days }

# How long one session of all the exercises takes.
session-time =
    { $minutes ->
        [one] About { $minutes } minute a session
       *[other] About { $minutes } minutes a session
    }

## How much pain is all right: a traffic light (a brand's [pain_rule] may replace the texts)

pain-rule-title = How much pain is OK?
# The name of each light, printed before its rule, so that it never goes by colour alone.
pain-light-green = Green
pain-light-amber = Amber
pain-light-red = Red
pain-green = Up to 3 out of 10 during the exercises, and settled by the next morning: carry on.
pain-amber = 4 or 5 out of 10: do fewer, or make it easier.
pain-red = 6 out of 10 or more, or new swelling: stop and contact us.

## Header, footer and byline

logo-alt = { $clinic } logo
written-by = Written by { $author }
reviewed = Reviewed { $date }
page-of = Page { $page } of { $total }
# Who the handout was made for, by whom and when; $parts says which of the three are given.
prepared =
    { $parts ->
        [name] Prepared for { $name }
        [name-clinician] Prepared for { $name } by { $clinician }
        [name-date] Prepared for { $name } on { $date }
        [clinician] Prepared by { $clinician }
        [clinician-date] Prepared by { $clinician } on { $date }
        [date] Prepared on { $date }
       *[name-clinician-date] Prepared for { $name } by { $clinician } on { $date }
    }
# A date: $day 1 to 31, $month 1 to 12, $year such as 2026.
date =
    { $day } { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $year }

## The one-page sheet

# Above the sheet's exercises, when the handout gives no heading of its own.
sheet-your-exercises = Your exercises

## The tick-box log

log-title = Exercise log
# Before the recipient's name, or before a line to write it on.
log-name = Name:
# How to fill the log in, below its title.
log-how-to = Tick a box each time you do an exercise. Each evening, write down your pain from 0 (no pain) to 10 (the worst pain).
log-week = Week { $week }
# A week of a dated log: $first and $last are its first and last days, written as `date` writes them.
log-week-dates = Week { $week }: { $first } – { $last }
# Above the exercises' names, in the first column of each week's table.
log-exercise = Exercise
log-pain = Pain (0–10)
log-notes = Notes
# A day's short name, $day 1 (Monday) to 7 (Sunday).
weekday-short =
    { $day ->
        [1] Mon
        [2] Tue
        [3] Wed
        [4] Thu
        [5] Fri
        [6] Sat
       *[7] Sun
    }
