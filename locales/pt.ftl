# Portuguese: every fixed word a handout prints. The keys, the comments that explain them
# and the syntax are those of en.ftl; only the words are translated. The words are chosen
# to read naturally in Portugal and in Brazil, the reader addressed without "tu" or "você".

## The handout's opening

in-short = Em resumo
note-from = Uma nota de { $clinician }
note-from-your-clinician = Uma nota do seu terapeuta

## Default section headings

heading-causes = Qual pode ser a causa?
heading-red-flags = Quando ir ao médico
heading-exercises = Exercícios para experimentar
heading-closing = Para terminar

## Causes

what-you-can-do = O que pode fazer

## When to see a doctor

urgency-soon = Em breve
urgency-soon-action = marque uma consulta com o seu médico
urgency-urgent = Urgente
urgency-urgent-action = vá hoje mesmo ao médico
urgency-emergency = Emergência
urgency-emergency-action = chame já uma ambulância
urgency-label = { $urgency }:

## Exercise cards

position = Posição:
you-need = Precisa de:
how-much = Quanto fazer:
tips =
    { $count ->
        [one] Dica
       *[other] Dicas
    }
take-care = Cuidado
exercise-note = Nota pessoal:
cue-label = Ponto-chave:
when-it-feels-easy = Quando ficar fácil:
if-it-hurts = Se doer:
video-scan-or-go-to = Veja como se faz: leia o código ou abra
video-go-to = Veja como se faz:
qr-code-alt = Código QR: link para um vídeo do exercício em { $url }
continued = { $title } (continuação)

position-lying = deitado
position-sitting = sentado
position-kneeling = de joelhos
position-standing = de pé

## The dosage line

dosage-sets =
    { $count ->
        [one] { $count } série
       *[other] { $count } séries
    }
dosage-reps =
    { $count ->
        [one] { $count } repetição
       *[other] { $count } repetições
    }
dosage-sets-and-reps = { $sets } × { $reps }
dosage-hold =
    { $seconds ->
        [one] mantenha { $seconds } segundo
       *[other] mantenha { $seconds } segundos
    }
dosage-rest =
    { $seconds ->
        [one] descanse { $seconds } segundo entre as séries
       *[other] descanse { $seconds } segundos entre as séries
    }
dosage-each-side = de cada lado
dosage-times-a-day =
    { $count ->
        [1] uma vez por dia
       *[other] { $count } vezes por dia
    }
dosage-days-a-week =
    { $count ->
        [7] todos os dias
        [one] { $count } dia por semana
       *[other] { $count } dias por semana
    }
dosage-daily = diariamente
dosage-times-and-days = { $times }, { $days }

session-time =
    { $minutes ->
        [one] Cerca de { $minutes } minuto por sessão
       *[other] Cerca de { $minutes } minutos por sessão
    }

## How much pain is all right

pain-rule-title = Quanta dor é normal?
pain-light-green = Verde
pain-light-amber = Amarelo
pain-light-red = Vermelho
pain-green = Até 3 em 10 durante os exercícios, e já passou na manhã seguinte: continue.
pain-amber = 4 ou 5 em 10: faça menos, ou torne-os mais fáceis.
pain-red = 6 em 10 ou mais, ou um inchaço novo: pare e peça-nos ajuda.

## Header, footer and byline

logo-alt = Logótipo de { $clinic }
written-by = Escrito por { $author }
reviewed = Atualizado em { $date }
page-of = Página { $page } de { $total }
prepared =
    { $parts ->
        [name] Preparado para { $name }
        [name-clinician] Preparado para { $name } por { $clinician }
        [name-date] Preparado para { $name } em { $date }
        [clinician] Preparado por { $clinician }
        [clinician-date] Preparado por { $clinician } em { $date }
        [date] Preparado em { $date }
       *[name-clinician-date] Preparado para { $name } por { $clinician } em { $date }
    }
date =
    { $day } de { $month ->
        [1] janeiro
        [2] fevereiro
        [3] março
        [4] abril
        [5] maio
        [6] junho
        [7] julho
        [8] agosto
        [9] setembro
        [10] outubro
        [11] novembro
       *[12] dezembro
    } de { $year }

## The one-page sheet

sheet-your-exercises = Os seus exercícios

## The tick-box log

log-title = Diário de exercícios
log-name = Nome:
log-how-to = Assinale um quadrado cada vez que fizer um exercício. Todas as noites, anote a dor que sentiu, de 0 (sem dor) a 10 (a pior dor).
log-week = Semana { $week }
log-week-dates = Semana { $week }: { $first } – { $last }
log-exercise = Exercício
log-pain = Dor (0–10)
log-notes = Notas
weekday-short =
    { $day ->
        [1] seg
        [2] ter
        [3] qua
        [4] qui
        [5] sex
        [6] sáb
       *[7] dom
    }
