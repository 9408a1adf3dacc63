# Italian: every fixed word a handout prints. The keys, the comments that explain them and
# the syntax are those of en.ftl; only the words are translated. The reader is addressed
# as "Lei". A date goes without an article ("Aggiornato: 8 novembre"), which would be
# "l’8" before some days.

## The handout's opening

in-short = In breve
note-from = Una nota di { $clinician }
note-from-your-clinician = Una nota del suo terapista

## Default section headings

heading-causes = Da cosa può dipendere?
heading-red-flags = Quando andare dal medico
heading-exercises = Esercizi da provare
heading-closing = Per concludere

## Causes

what-you-can-do = Cosa può fare

## When to see a doctor

urgency-soon = Presto
urgency-soon-action = prenda un appuntamento dal suo medico
urgency-urgent = Urgente
urgency-urgent-action = si faccia visitare da un medico oggi stesso
urgency-emergency = Emergenza
urgency-emergency-action = chiami subito un’ambulanza
urgency-label = { $urgency }:

## Exercise cards

position = Posizione:
you-need = Le serve:
how-much = Quanto fare:
tips =
    { $count ->
        [one] Consiglio
       *[other] Consigli
    }
take-care = Attenzione
exercise-note = Nota personale:
cue-label = Punto chiave:
when-it-feels-easy = Quando diventa facile:
if-it-hurts = Se fa male:
video-scan-or-go-to = Guardi come si fa: inquadri il codice o vada su
video-go-to = Guardi come si fa:
qr-code-alt = Codice QR: link a un video dell’esercizio all’indirizzo { $url }
continued = { $title } (continua)

position-lying = sdraiato
position-sitting = seduto
position-kneeling = in ginocchio
position-standing = in piedi

## The dosage line

dosage-sets = { $count } serie
dosage-reps =
    { $count ->
        [one] { $count } ripetizione
       *[other] { $count } ripetizioni
    }
dosage-sets-and-reps = { $sets } × { $reps }
dosage-hold =
    { $seconds ->
        [one] mantenga { $seconds } secondo
       *[other] mantenga { $seconds } secondi
    }
dosage-rest =
    { $seconds ->
        [one] riposi { $seconds } secondo tra una serie e l’altra
       *[other] riposi { $seconds } secondi tra una serie e l’altra
    }
dosage-each-side = per lato
dosage-times-a-day =
    { $count ->
        [1] una volta al giorno
       *[other] { $count } volte al giorno
    }
dosage-days-a-week =
    { $count ->
        [7] tutti i giorni
        [one] { $count } giorno alla settimana
       *[other] { $count } giorni alla settimana
    }
dosage-daily = ogni giorno
dosage-times-and-days = { $times }, { $days }

session-time =
    { $minutes ->
        [one] Circa { $minutes } minuto per sessione
       *[other] Circa { $minutes } minuti per sessione
    }

## How much pain is all right

pain-rule-title = Quanto dolore è normale?
pain-light-green = Verde
pain-light-amber = Giallo
pain-light-red = Rosso
pain-green = Fino a 3 su 10 durante gli esercizi, e passato entro la mattina dopo: continui pure.
pain-amber = 4 o 5 su 10: ne faccia meno, o li renda più facili.
pain-red = 6 su 10 o più, o un gonfiore nuovo: si fermi e ci contatti.

## Header, footer and byline

logo-alt = Logo di { $clinic }
written-by = Scritto da { $author }
reviewed = Aggiornato: { $date }
page-of = Pagina { $page } di { $total }
prepared =
    { $parts ->
        [name] Preparato per { $name }
        [name-clinician] Preparato per { $name } da { $clinician }
        [name-date] Preparato per { $name }, { $date }
        [clinician] Preparato da { $clinician }
        [clinician-date] Preparato da { $clinician }, { $date }
        [date] Preparato: { $date }
       *[name-clinician-date] Preparato per { $name } da { $clinician }, { $date }
    }
# The first of the month is written "1º".
date =
    { $day ->
        [1] 1º
       *[other] { $day }
    } { $month ->
        [1] gennaio
        [2] febbraio
        [3] marzo
        [4] aprile
        [5] maggio
        [6] giugno
        [7] luglio
        [8] agosto
        [9] settembre
        [10] ottobre
        [11] novembre
       *[12] dicembre
    } { $year }

## The one-page sheet

sheet-your-exercises = I suoi esercizi

## The tick-box log

log-title = Diario degli esercizi
log-name = Nome:
log-how-to = Segni una casella ogni volta che fa un esercizio. Ogni sera, scriva quanto dolore ha avuto, da 0 (nessun dolore) a 10 (il dolore peggiore).
log-week = Settimana { $week }
log-week-dates = Settimana { $week }: { $first } – { $last }
log-exercise = Esercizio
log-pain = Dolore (0–10)
log-notes = Annotazioni
weekday-short =
    { $day ->
        [1] lun
        [2] mar
        [3] mer
        [4] gio
        [5] ven
        [6] sab
       *[7] dom
    }
