# Polish: every fixed word a handout prints. The keys, the comments that explain them and
# the syntax are those of en.ftl; only the words are translated. The reader is addressed
# as "ty", as Polish exercise sheets do. A name is never put after a preposition, which
# would want it declined ("dla Anny"): it follows a colon instead ("dla: Anna Nowak").
# Numbers take three forms: one (1 seria), few (2–4, 22–24…: 2 serie) and many
# (0, 5–21, 25–31…: 5 serii).

## The handout's opening

in-short = W skrócie
note-from = Wiadomość od: { $clinician }
note-from-your-clinician = Wiadomość od twojego terapeuty

## Default section headings

heading-causes = Co może być przyczyną?
heading-red-flags = Kiedy iść do lekarza
heading-exercises = Ćwiczenia do wypróbowania
heading-closing = Na koniec

## Causes

what-you-can-do = Co możesz zrobić

## When to see a doctor

urgency-soon = Wkrótce
urgency-soon-action = umów się na wizytę u lekarza
urgency-urgent = Pilne
urgency-urgent-action = jeszcze dziś idź do lekarza
urgency-emergency = Nagły wypadek
urgency-emergency-action = od razu wezwij karetkę
urgency-label = { $urgency }:

## Exercise cards

position = Pozycja:
you-need = Potrzebujesz:
how-much = Ile ćwiczyć:
tips =
    { $count ->
        [one] Wskazówka
       *[other] Wskazówki
    }
take-care = Uwaga
exercise-note = Uwaga dla ciebie:
cue-label = Najważniejsze:
when-it-feels-easy = Gdy ćwiczenie stanie się łatwe:
if-it-hurts = Jeśli boli:
video-scan-or-go-to = Zobacz, jak to zrobić: zeskanuj kod lub wejdź na
video-go-to = Zobacz, jak to zrobić:
qr-code-alt = Kod QR: link do filmu z ćwiczeniem pod adresem { $url }
continued = { $title } (ciąg dalszy)

position-lying = na leżąco
position-sitting = na siedząco
position-kneeling = na klęczkach
position-standing = na stojąco

## The dosage line

dosage-sets =
    { $count ->
        [one] { $count } seria
        [few] { $count } serie
       *[many] { $count } serii
    }
dosage-reps =
    { $count ->
        [one] { $count } powtórzenie
        [few] { $count } powtórzenia
       *[many] { $count } powtórzeń
    }
dosage-sets-and-reps = { $sets } × { $reps }
dosage-hold =
    { $seconds ->
        [one] wytrzymaj { $seconds } sekundę
        [few] wytrzymaj { $seconds } sekundy
       *[many] wytrzymaj { $seconds } sekund
    }
dosage-rest =
    { $seconds ->
        [one] odpocznij { $seconds } sekundę między seriami
        [few] odpocznij { $seconds } sekundy między seriami
       *[many] odpocznij { $seconds } sekund między seriami
    }
dosage-each-side = na każdą stronę
dosage-times-a-day =
    { $count ->
        [1] raz dziennie
       *[other] { $count } razy dziennie
    }
dosage-days-a-week =
    { $count ->
        [7] codziennie
        [one] { $count } dzień w tygodniu
       *[other] { $count } dni w tygodniu
    }
dosage-daily = codziennie
dosage-times-and-days = { $times }, { $days }

# "Około" takes the genitive: około 1 minuty, około 2 minut, około 12 minut.
session-time =
    { $minutes ->
        [one] Około { $minutes } minuty na sesję
       *[other] Około { $minutes } minut na sesję
    }

## How much pain is all right

pain-rule-title = Jaki ból jest w porządku?
pain-light-green = Zielone
pain-light-amber = Żółte
pain-light-red = Czerwone
pain-green = Do 3 na 10 w czasie ćwiczeń i mija do następnego ranka: ćwicz dalej.
pain-amber = 4 lub 5 na 10: ćwicz mniej albo ułatw sobie ćwiczenia.
pain-red = 6 na 10 lub więcej albo nowy obrzęk: przerwij i skontaktuj się z nami.

## Header, footer and byline

logo-alt = Logo: { $clinic }
written-by = Autor: { $author }
reviewed = Aktualizacja: { $date }
page-of = Strona { $page } z { $total }
prepared =
    { $parts ->
        [name] Przygotowane dla: { $name }
        [name-clinician] Przygotowane dla: { $name }, przez: { $clinician }
        [name-date] Przygotowane dla: { $name }, dnia { $date }
        [clinician] Przygotowane przez: { $clinician }
        [clinician-date] Przygotowane przez: { $clinician }, dnia { $date }
        [date] Przygotowane dnia { $date }
       *[name-clinician-date] Przygotowane dla: { $name }, przez: { $clinician }, dnia { $date }
    }
# The month in the genitive, as Polish dates have it: 23 listopada 2026.
date =
    { $day } { $month ->
        [1] stycznia
        [2] lutego
        [3] marca
        [4] kwietnia
        [5] maja
        [6] czerwca
        [7] lipca
        [8] sierpnia
        [9] września
        [10] października
        [11] listopada
       *[12] grudnia
    } { $year }

## The one-page sheet

sheet-your-exercises = Twoje ćwiczenia

## The tick-box log

log-title = Dziennik ćwiczeń
log-name = Imię i nazwisko:
log-how-to = Zaznacz kratkę za każdym razem, gdy wykonasz ćwiczenie. Każdego wieczoru zapisz, jak bardzo bolało: od 0 (brak bólu) do 10 (najgorszy ból).
log-week = Tydzień { $week }
log-week-dates = Tydzień { $week }: { $first } – { $last }
log-exercise = Ćwiczenie
log-pain = Ból (0–10)
log-notes = Notatki
weekday-short =
    { $day ->
        [1] pon.
        [2] wt.
        [3] śr.
        [4] czw.
        [5] pt.
        [6] sob.
       *[7] ndz.
    }
