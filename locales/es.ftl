# Spanish: every fixed word a handout prints. The keys, the comments that explain them and
# the syntax are those of en.ftl; only the words are translated. The reader is addressed
# as "usted".

## The handout's opening

in-short = En resumen
note-from = Una nota de { $clinician }
note-from-your-clinician = Una nota de su terapeuta

## Default section headings

heading-causes = ¿Cuál puede ser la causa?
heading-red-flags = Cuándo ir al médico
heading-exercises = Ejercicios que puede probar
heading-closing = Para terminar

## Causes

what-you-can-do = Qué puede hacer

## When to see a doctor

urgency-soon = Pronto
urgency-soon-action = pida cita con su médico
urgency-urgent = Urgente
urgency-urgent-action = vaya hoy mismo al médico
urgency-emergency = Emergencia
urgency-emergency-action = llame ahora a una ambulancia
urgency-label = { $urgency }:

## Exercise cards

position = Posición:
you-need = Necesita:
how-much = Cuánto hacer:
tips =
    { $count ->
        [one] Consejo
       *[other] Consejos
    }
take-care = Tenga cuidado
exercise-note = Nota personal:
cue-label = Lo esencial:
when-it-feels-easy = Cuando le resulte fácil:
if-it-hurts = Si le duele:
video-scan-or-go-to = Vea cómo se hace: escanee el código o entre en
video-go-to = Vea cómo se hace:
qr-code-alt = Código QR: enlace a un vídeo del ejercicio en { $url }
continued = { $title } (continúa)

position-lying = acostado
position-sitting = sentado
position-kneeling = de rodillas
position-standing = de pie

## The dosage line

dosage-sets =
    { $count ->
        [one] { $count } serie
       *[other] { $count } series
    }
dosage-reps =
    { $count ->
        [one] { $count } repetición
       *[other] { $count } repeticiones
    }
dosage-sets-and-reps = { $sets } × { $reps }
dosage-hold =
    { $seconds ->
        [one] mantenga { $seconds } segundo
       *[other] mantenga { $seconds } segundos
    }
dosage-rest =
    { $seconds ->
        [one] descanse { $seconds } segundo entre series
       *[other] descanse { $seconds } segundos entre series
    }
dosage-each-side = por cada lado
dosage-times-a-day =
    { $count ->
        [1] una vez al día
       *[other] { $count } veces al día
    }
dosage-days-a-week =
    { $count ->
        [7] todos los días
        [one] { $count } día a la semana
       *[other] { $count } días a la semana
    }
dosage-daily = a diario
dosage-times-and-days = { $times }, { $days }

session-time =
    { $minutes ->
        [one] Más o menos { $minutes } minuto por sesión
       *[other] Unos { $minutes } minutos por sesión
    }

## How much pain is all right

pain-rule-title = ¿Cuánto dolor es normal?
pain-light-green = Verde
pain-light-amber = Ámbar
pain-light-red = Rojo
pain-green = Hasta 3 de 10 durante los ejercicios, y se le pasa a la mañana siguiente: siga adelante.
pain-amber = 4 o 5 de 10: haga menos, o hágalo más fácil.
pain-red = 6 de 10 o más, o una hinchazón nueva: pare y llámenos.

## Header, footer and byline

logo-alt = Logotipo de { $clinic }
written-by = Escrito por { $author }
reviewed = Revisado el { $date }
page-of = Página { $page } de { $total }
prepared =
    { $parts ->
        [name] Preparado para { $name }
        [name-clinician] Preparado para { $name } por { $clinician }
        [name-date] Preparado para { $name } el { $date }
        [clinician] Preparado por { $clinician }
        [clinician-date] Preparado por { $clinician } el { $date }
        [date] Preparado el { $date }
       *[name-clinician-date] Preparado para { $name } por { $clinician } el { $date }
    }
date =
    { $day } de { $month ->
        [1] enero
        [2] febrero
        [3] marzo
        [4] abril
        [5] mayo
        [6] junio
        [7] julio
        [8] agosto
        [9] septiembre
        [10] octubre
        [11] noviembre
       *[12] diciembre
    } de { $year }

## The one-page sheet

sheet-your-exercises = Sus ejercicios

## The tick-box log

log-title = Registro de ejercicios
log-name = Nombre:
log-how-to = Marque una casilla cada vez que haga un ejercicio. Cada noche, anote su dolor de 0 (sin dolor) a 10 (el peor dolor).
log-week = Semana { $week }
log-week-dates = Semana { $week }: { $first } – { $last }
log-exercise = Ejercicio
log-pain = Dolor (0–10)
log-notes = Notas
weekday-short =
    { $day ->
        [1] lun
        [2] mar
        [3] mié
        [4] jue
        [5] vie
        [6] sáb
       *[7] dom
    }
