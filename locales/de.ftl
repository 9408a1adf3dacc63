# German: every fixed word a handout prints. The keys, the comments that explain them and
# the syntax are those of en.ftl; only the words are translated. The reader is addressed
# as "Sie".

## The handout's opening

in-short = Kurz gesagt
note-from = Ein Hinweis von { $clinician }
note-from-your-clinician = Ein Hinweis von Ihrem Behandlungsteam

## Default section headings

heading-causes = Woher kann es kommen?
heading-red-flags = Wann Sie ärztliche Hilfe brauchen
heading-exercises = Übungen zum Ausprobieren
heading-closing = Zum Schluss

## Causes

what-you-can-do = Was Sie tun können

## When to see a doctor

urgency-soon = Bald
urgency-soon-action = vereinbaren Sie einen Termin in Ihrer Arztpraxis
urgency-urgent = Dringend
urgency-urgent-action = lassen Sie sich heute noch ärztlich untersuchen
urgency-emergency = Notfall
urgency-emergency-action = rufen Sie sofort den Notruf
urgency-label = { $urgency }:

## Exercise cards

position = Haltung:
you-need = Sie brauchen:
how-much = Wie viel:
tips =
    { $count ->
        [one] Tipp
       *[other] Tipps
    }
take-care = Vorsicht
exercise-note = Persönlicher Hinweis:
cue-label = Worauf es ankommt:
when-it-feels-easy = Wenn es leichtfällt:
if-it-hurts = Wenn es wehtut:
video-scan-or-go-to = Im Video sehen Sie, wie es geht: scannen Sie den Code oder öffnen Sie
video-go-to = Im Video sehen Sie, wie es geht:
qr-code-alt = QR-Code: Link zu einem Video der Übung unter { $url }
continued = { $title } (Fortsetzung)

position-lying = im Liegen
position-sitting = im Sitzen
position-kneeling = im Knien
position-standing = im Stehen

## The dosage line

dosage-sets =
    { $count ->
        [one] { $count } Satz
       *[other] { $count } Sätze
    }
dosage-reps =
    { $count ->
        [one] { $count } Wiederholung
       *[other] { $count } Wiederholungen
    }
dosage-sets-and-reps = { $sets } × { $reps }
dosage-hold =
    { $seconds ->
        [one] { $seconds } Sekunde halten
       *[other] { $seconds } Sekunden halten
    }
dosage-rest =
    { $seconds ->
        [one] { $seconds } Sekunde Pause zwischen den Sätzen
       *[other] { $seconds } Sekunden Pause zwischen den Sätzen
    }
dosage-each-side = pro Seite
dosage-times-a-day =
    { $count ->
        [1] einmal täglich
        [2] zweimal täglich
       *[other] { $count }-mal täglich
    }
dosage-days-a-week =
    { $count ->
        [7] jeden Tag
        [one] an { $count } Tag pro Woche
       *[other] an { $count } Tagen pro Woche
    }
dosage-daily = täglich
dosage-times-and-days = { $times }, { $days }

session-time =
    { $minutes ->
        [one] Etwa { $minutes } Minute pro Trainingseinheit
       *[other] Etwa { $minutes } Minuten pro Trainingseinheit
    }

## How much pain is all right

pain-rule-title = Wie viel Schmerz ist in Ordnung?
pain-light-green = Grün
pain-light-amber = Gelb
pain-light-red = Rot
pain-green = Bis 3 von 10 während der Übungen, und am nächsten Morgen wieder abgeklungen: weitermachen.
pain-amber = 4 oder 5 von 10: weniger machen, oder die Übungen leichter machen.
pain-red = 6 von 10 oder mehr, oder eine neue Schwellung: aufhören und uns anrufen.

## Header, footer and byline

logo-alt = Logo von { $clinic }
written-by = Verfasst von { $author }
reviewed = Stand: { $date }
page-of = Seite { $page } von { $total }
prepared =
    { $parts ->
        [name] Erstellt für { $name }
        [name-clinician] Erstellt für { $name } von { $clinician }
        [name-date] Erstellt für { $name } am { $date }
        [clinician] Erstellt von { $clinician }
        [clinician-date] Erstellt von { $clinician } am { $date }
        [date] Erstellt am { $date }
       *[name-clinician-date] Erstellt für { $name } von { $clinician } am { $date }
    }
date =
    { $day }. { $month ->
        [1] Januar
        [2] Februar
        [3] März
        [4] April
        [5] Mai
        [6] Juni
        [7] Juli
        [8] August
        [9] September
        [10] Oktober
        [11] November
       *[12] Dezember
    } { $year }

## The one-page sheet

sheet-your-exercises = Ihre Übungen

## The tick-box log

log-title = Übungsprotokoll
log-name = Ihr Name:
log-how-to = Kreuzen Sie jedes Mal ein Kästchen an, wenn Sie eine Übung machen. Schreiben Sie jeden Abend auf, wie stark Ihre Schmerzen waren: von 0 (keine Schmerzen) bis 10 (die stärksten Schmerzen).
log-week = Woche { $week }
log-week-dates = Woche { $week }: { $first } – { $last }
log-exercise = Übung
log-pain = Schmerz (0–10)
log-notes = Notizen
weekday-short =
    { $day ->
        [1] Mo
        [2] Di
        [3] Mi
        [4] Do
        [5] Fr
        [6] Sa
       *[7] So
    }
