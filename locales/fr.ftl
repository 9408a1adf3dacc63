# French: every fixed word a handout prints. The keys, the comments that explain them and
# the syntax are those of en.ftl; only the words are translated. The reader is addressed
# as "vous". The space before ":" and "?" is a no-break space (U+00A0), so that the sign
# never starts a line.

## The handout's opening

in-short = En bref
note-from = Un mot de { $clinician }
note-from-your-clinician = Un mot de votre soignant

## Default section headings

heading-causes = Quelle peut être la cause ?
heading-red-flags = Quand consulter un médecin
heading-exercises = Des exercices à essayer
heading-closing = Pour finir

## Causes

what-you-can-do = Ce que vous pouvez faire

## When to see a doctor

urgency-soon = Bientôt
urgency-soon-action = prenez rendez-vous chez votre médecin
urgency-urgent = Sans tarder
urgency-urgent-action = faites-vous examiner par un médecin aujourd’hui
urgency-emergency = Urgence
urgency-emergency-action = appelez les secours maintenant
urgency-label = { $urgency } :

## Exercise cards

position = Position :
you-need = Il vous faut :
how-much = À faire :
tips =
    { $count ->
        [one] Conseil
       *[other] Conseils
    }
take-care = Attention
exercise-note = Note personnelle :
cue-label = À retenir :
when-it-feels-easy = Quand cela devient facile :
if-it-hurts = Si ça fait mal :
video-scan-or-go-to = Voir comment faire : scannez le code ou allez sur
video-go-to = Voir comment faire :
qr-code-alt = Code QR : lien vers une vidéo de l’exercice à l’adresse { $url }
continued = { $title } (suite)

position-lying = allongé
position-sitting = assis
position-kneeling = à genoux
position-standing = debout

## The dosage line

dosage-sets =
    { $count ->
        [one] { $count } série
       *[other] { $count } séries
    }
dosage-reps =
    { $count ->
        [one] { $count } répétition
       *[other] { $count } répétitions
    }
dosage-sets-and-reps = { $sets } × { $reps }
dosage-hold =
    { $seconds ->
        [one] tenez { $seconds } seconde
       *[other] tenez { $seconds } secondes
    }
dosage-rest =
    { $seconds ->
        [one] reposez-vous { $seconds } seconde entre les séries
       *[other] reposez-vous { $seconds } secondes entre les séries
    }
dosage-each-side = de chaque côté
dosage-times-a-day =
    { $count ->
        [1] une fois par jour
       *[other] { $count } fois par jour
    }
dosage-days-a-week =
    { $count ->
        [7] tous les jours
        [one] { $count } jour par semaine
       *[other] { $count } jours par semaine
    }
dosage-daily = chaque jour
dosage-times-and-days = { $times }, { $days }

session-time =
    { $minutes ->
        [one] Environ { $minutes } minute par séance
       *[other] Environ { $minutes } minutes par séance
    }

## How much pain is all right

pain-rule-title = Quelle douleur est normale ?
pain-light-green = Vert
pain-light-amber = Orange
pain-light-red = Rouge
pain-green = Jusqu’à 3 sur 10 pendant les exercices, et passée le lendemain matin : continuez.
pain-amber = 4 ou 5 sur 10 : faites-en moins, ou rendez-les plus faciles.
pain-red = 6 sur 10 ou plus, ou un nouveau gonflement : arrêtez et appelez-nous.

## Header, footer and byline

logo-alt = Logo de { $clinic }
written-by = Rédigé par { $author }
reviewed = Revu le { $date }
page-of = Page { $page } sur { $total }
prepared =
    { $parts ->
        [name] Préparé pour { $name }
        [name-clinician] Préparé pour { $name } par { $clinician }
        [name-date] Préparé pour { $name } le { $date }
        [clinician] Préparé par { $clinician }
        [clinician-date] Préparé par { $clinician } le { $date }
        [date] Préparé le { $date }
       *[name-clinician-date] Préparé pour { $name } par { $clinician } le { $date }
    }
# The first of the month is written "1er".
date =
    { $day ->
        [1] 1er
       *[other] { $day }
    } { $month ->
        [1] janvier
        [2] février
        [3] mars
        [4] avril
        [5] mai
        [6] juin
        [7] juillet
        [8] août
        [9] septembre
        [10] octobre
        [11] novembre
       *[12] décembre
    } { $year }

## The one-page sheet

sheet-your-exercises = Vos exercices

## The tick-box log

log-title = Carnet d’exercices
log-name = Nom :
log-how-to = Cochez une case chaque fois que vous faites un exercice. Chaque soir, notez votre douleur de 0 (aucune douleur) à 10 (la pire douleur).
log-week = Semaine { $week }
log-week-dates = Semaine { $week } : { $first } – { $last }
log-exercise = Exercice
log-pain = Douleur (0–10)
log-notes = Remarques
weekday-short =
    { $day ->
        [1] lun.
        [2] mar.
        [3] mer.
        [4] jeu.
        [5] ven.
        [6] sam.
       *[7] dim.
    }
