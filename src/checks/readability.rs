//! Reading level: the school grade a text is written for, by the standard formula of its
//! language, and the sentences that are too long.
//!
//! | Language | Formula | Gives |
//! |---|---|---|
//! | English | Flesch–Kincaid grade level | a grade |
//! | Spanish | Fernández-Huerta reading ease | a score, read through its table |
//! | French | Kandel–Moles reading ease | a score, read through Flesch's table |
//! | German | first Wiener Sachtextformel | a grade |
//! | Italian | Gulpease index | a score, read through its thresholds |
//! | Portuguese | Flesch reading ease for Brazilian Portuguese | a score, read through its table |
//! | Polish | FOG-PL | years of schooling |
//!
//! A reading-ease table gives a grade for each band of scores ("60–70: 7th or 8th
//! grade"). The grade is read from it continuously: within a band it runs in a straight
//! line from the band's easiest grade, at the band's top score, to the next band's, at
//! its bottom score; so "60–70: 7th or 8th grade" spans grade 7.0 at 70 to 9.0 at 60.
//! Beyond the table's first and last scores the grade stays at the table's own ends.
//! Where a band names a stage rather than grades ("some high school"), its grades are
//! that stage's years in the country of the table, said at each table below.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::language::Language;
use super::sentences::sentences;
use super::syllables::syllables;
use super::words::{is_number, words};

/// The school grade handouts aim at, as health-literacy guidance asks (grade 6 to 8).
pub const TARGET_GRADE: f64 = 8.0;

/// The most words a sentence may have before it is reported as long.
pub const LONG_SENTENCE_WORDS: usize = 25;

/// The fewest words a sentence needs to be named the hardest of a text that has longer
/// ones: a heading or a one-word step is never the one to rewrite.
pub const HARDEST_MIN_WORDS: usize = 5;

/// How hard a text is to read.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadingLevel {
    /// The school grade a reader needs to have reached: 8 is the last year before
    /// high school in the United States, the eighth year of school elsewhere.
    pub grade: f64,
    pub formula: Formula,
    /// The formula's own figure: a grade for Flesch–Kincaid, the Wiener Sachtextformel
    /// and FOG-PL, a reading-ease score (higher is easier) for the others.
    pub score: f64,
    /// The sentence the same formula finds hardest, among those of at least
    /// [`HARDEST_MIN_WORDS`] words when there are any, as a byte range of the text.
    pub hardest: Range<usize>,
}

/// A sentence of more than the words allowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LongSentence {
    /// The sentence, as a byte range of the text.
    pub range: Range<usize>,
    pub words: usize,
}

/// The reading level of `text` in `language`; `None` when it has no words.
pub fn reading_level(text: &str, language: Language) -> Option<ReadingLevel> {
    let formula = Formula::of(language);
    // Each word's syllables are counted once: a handout repeats "your", "knee" and "the",
    // and the reading level, mostly this counting, was half the time its checks took.
    let mut counted: FxHashMap<&str, usize> = FxHashMap::default();
    let measured: Vec<(Range<usize>, Counts)> = sentences(text, language)
        .into_iter()
        .map(|range| {
            let sentence = &text[range.clone()];
            let counts = Counts::of(sentence, |word| {
                *counted
                    .entry(word)
                    .or_insert_with(|| syllables(word, language))
            });
            (range, counts)
        })
        .filter(|(_, counts)| counts.words > 0)
        .collect();
    let mut total = Counts::default();
    for (_, counts) in &measured {
        total.add(counts);
    }
    let score = formula.score(&total);
    // The formulas' constants assume sentences of some length: alone, a heading of one
    // long word would be the hardest "sentence" there is. So the hardest is looked for
    // among sentences of a few words, if there are any.
    let any_long_enough = measured
        .iter()
        .any(|(_, counts)| counts.words >= HARDEST_MIN_WORDS);
    let hardest = measured
        .iter()
        .filter(|(_, counts)| !any_long_enough || counts.words >= HARDEST_MIN_WORDS)
        .map(|(range, counts)| (range, formula.difficulty(formula.score(counts))))
        .reduce(|hardest, next| if next.1 > hardest.1 { next } else { hardest })?
        .0
        .clone();
    Some(ReadingLevel {
        grade: formula.grade(score),
        formula,
        score,
        hardest,
    })
}

/// The sentences of `text` with more than `max_words` words.
pub fn long_sentences(text: &str, language: Language, max_words: usize) -> Vec<LongSentence> {
    sentences(text, language)
        .into_iter()
        .map(|range| LongSentence {
            words: words(&text[range.clone()]).len(),
            range,
        })
        .filter(|sentence| sentence.words > max_words)
        .collect()
}

/// What the formulas count in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub sentences: usize,
    pub words: usize,
    pub syllables: usize,
    /// Letters of the words, digits not included.
    pub letters: usize,
    /// Words of one syllable.
    pub one_syllable: usize,
    /// Words of three syllables or more.
    pub three_syllables: usize,
    /// Words of four syllables or more.
    pub four_syllables: usize,
    /// Words of more than six letters.
    pub long_words: usize,
}

impl Counts {
    /// The counts of one sentence, whose words have the syllables `syllables` says.
    fn of<'t>(sentence: &'t str, mut syllables: impl FnMut(&'t str) -> usize) -> Counts {
        let mut counts = Counts {
            sentences: 1,
            ..Counts::default()
        };
        for range in words(sentence) {
            let word = &sentence[range];
            let syllables = syllables(word);
            let letters = if is_number(word) {
                0
            } else {
                word.chars().filter(|c| c.is_alphabetic()).count()
            };
            counts.words += 1;
            counts.syllables += syllables;
            counts.letters += letters;
            counts.one_syllable += usize::from(syllables == 1);
            counts.three_syllables += usize::from(syllables >= 3);
            counts.four_syllables += usize::from(syllables >= 4);
            counts.long_words += usize::from(letters > 6);
        }
        counts
    }

    fn add(&mut self, other: &Counts) {
        self.sentences += other.sentences;
        self.words += other.words;
        self.syllables += other.syllables;
        self.letters += other.letters;
        self.one_syllable += other.one_syllable;
        self.three_syllables += other.three_syllables;
        self.four_syllables += other.four_syllables;
        self.long_words += other.long_words;
    }

    fn words_per_sentence(&self) -> f64 {
        self.words as f64 / self.sentences as f64
    }

    fn syllables_per_word(&self) -> f64 {
        self.syllables as f64 / self.words as f64
    }

    /// The share of the words, as a percentage, that `count` is.
    fn percent(&self, count: usize) -> f64 {
        100.0 * count as f64 / self.words as f64
    }
}

/// A readability formula: the standard one of each language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Formula {
    /// English: Kincaid, Fishburne, Rogers & Chissom, "Derivation of new readability
    /// formulas … for Navy enlisted personnel", Research Branch Report 8-75 (1975).
    FleschKincaid,
    /// Spanish: Fernández Huerta, "Medidas sencillas de lecturabilidad", Consigna 214
    /// (1959), with sentence length as words per sentence, as Gwillim Law showed the
    /// formula must read ("Error in the Fernandez Huerta Readability Formula", 2011).
    /// Chosen over Szigriszt-Pazos because its published table is in school grades.
    FernandezHuerta,
    /// French: Kandel & Moles, "Application de l'indice de Flesch à la langue
    /// française", Cahiers Études de Radio-Télévision 19 (1958): Flesch's formula refitted
    /// to French words, so that a French text scores as its English original does.
    KandelMoles,
    /// German: the first Wiener Sachtextformel of Bamberger & Vanecek, Lesen – Verstehen
    /// – Lernen – Schreiben (1984), for non-fiction; it gives a school grade itself,
    /// which Amstad's reading ease does not.
    WienerSachtextformel,
    /// Italian: the Gulpease index of Lucisano & Piemontese, "GULPEASE: una formula per
    /// la predizione della difficoltà dei testi in lingua italiana", Scuola e città 3
    /// (1988). It counts letters, not syllables, which suits Italian's long words, and is
    /// the index Italian plain-language guidance uses.
    Gulpease,
    /// Portuguese: Flesch's reading ease refitted to Brazilian Portuguese by Martins,
    /// Ghiraldelo, Nunes & Oliveira, "Readability formulas applied to textbooks in
    /// Brazilian Portuguese", Notas do ICMSC 28 (1996); the only Portuguese formula with
    /// a published table of school grades.
    FleschPortuguese,
    /// Polish: Gunning's fog index with hard words taken as four syllables or more, as
    /// Polish words are longer: FOG-PL, from Broda, Nitoń, Gruszczyński & Ogrodniczuk,
    /// "Measuring Readability of Polish Texts: Baseline Experiments", LREC 2014, and
    /// used by the Polish readability service Jasnopis. It gives years of schooling.
    FogPl,
}

impl Formula {
    /// The standard formula of `language`.
    pub fn of(language: Language) -> Formula {
        match language {
            Language::English => Formula::FleschKincaid,
            Language::Spanish => Formula::FernandezHuerta,
            Language::French => Formula::KandelMoles,
            Language::German => Formula::WienerSachtextformel,
            Language::Italian => Formula::Gulpease,
            Language::Portuguese => Formula::FleschPortuguese,
            Language::Polish => Formula::FogPl,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Formula::FleschKincaid => "Flesch–Kincaid grade level",
            Formula::FernandezHuerta => "Fernández-Huerta reading ease",
            Formula::KandelMoles => "Kandel–Moles reading ease",
            Formula::WienerSachtextformel => "Wiener Sachtextformel",
            Formula::Gulpease => "Gulpease index",
            Formula::FleschPortuguese => "Flesch reading ease for Portuguese",
            Formula::FogPl => "FOG-PL",
        }
    }

    /// The formula's figure for `counts`, which must have a sentence and a word.
    pub fn score(self, counts: &Counts) -> f64 {
        let sentence_length = counts.words_per_sentence();
        let word_length = counts.syllables_per_word();
        match self {
            Formula::FleschKincaid => 0.39 * sentence_length + 11.8 * word_length - 15.59,
            // P is syllables per 100 words.
            Formula::FernandezHuerta => {
                206.84 - 0.60 * (100.0 * word_length) - 1.02 * sentence_length
            }
            Formula::KandelMoles => 207.0 - 1.015 * sentence_length - 73.6 * word_length,
            Formula::WienerSachtextformel => {
                0.1935 * counts.percent(counts.three_syllables)
                    + 0.1672 * sentence_length
                    + 0.1297 * counts.percent(counts.long_words)
                    - 0.0327 * counts.percent(counts.one_syllable)
                    - 0.875
            }
            Formula::Gulpease => {
                89.0 + (300.0 * counts.sentences as f64 - 10.0 * counts.letters as f64)
                    / counts.words as f64
            }
            Formula::FleschPortuguese => 248.835 - 1.015 * sentence_length - 84.6 * word_length,
            Formula::FogPl => 0.4 * (sentence_length + counts.percent(counts.four_syllables)),
        }
    }

    /// A score as a difficulty that grows without bound as the text gets harder: the
    /// grade itself, or a reading-ease score turned round, which the grade tables
    /// would flatten at their ends.
    fn difficulty(self, score: f64) -> f64 {
        match self {
            Formula::FleschKincaid | Formula::WienerSachtextformel | Formula::FogPl => score,
            _ => -score,
        }
    }

    /// The school grade a score of this formula stands for.
    pub fn grade(self, score: f64) -> f64 {
        match self {
            Formula::FleschKincaid | Formula::WienerSachtextformel | Formula::FogPl => score,
            Formula::FernandezHuerta | Formula::KandelMoles => read_table(&FLESCH_GRADES, score),
            Formula::Gulpease => read_table(&GULPEASE_GRADES, score),
            Formula::FleschPortuguese => read_table(&MARTINS_GRADES, score),
        }
    }
}

/// Flesch's table of reading ease against the school grades a reader has completed
/// (Flesch, The Art of Readable Writing, 1949): 90–100 4th grade, 80–90 5th, 70–80
/// 6th, 60–70 7th or 8th, 50–60 some high school (taken as grades 9 to 12), 30–50 high
/// school or some college (12 to 14), 0–30 college (14 to 16). Fernández Huerta
/// published the same bands with the same grades for his Spanish formula (4.º, 5.º,
/// 6.º, 7.º u 8.º grado, preuniversitario, cursos selectivos, universitario), so it
/// serves both; Kandel and Moles fitted theirs to Flesch's scale.
const FLESCH_GRADES: [(f64, f64); 8] = [
    (100.0, 4.0),
    (90.0, 5.0),
    (80.0, 6.0),
    (70.0, 7.0),
    (60.0, 9.0),
    (50.0, 12.0),
    (30.0, 14.0),
    (0.0, 16.0),
];

/// Martins et al.'s table for Brazilian Portuguese: 75–100 very easy, 1st to 4th grade;
/// 50–75 easy, 5th to 8th; 25–50 difficult, secondary school (the three years after
/// the 8th, so grades 9 to 11); 0–25 very difficult, higher education (taken as 12 to 16).
const MARTINS_GRADES: [(f64, f64); 5] = [
    (100.0, 1.0),
    (75.0, 5.0),
    (50.0, 9.0),
    (25.0, 12.0),
    (0.0, 16.0),
];

/// Lucisano and Piemontese's reading of the Gulpease index: below 80 a text is hard for
/// a reader with only primary school (5 years), below 60 for one with middle school
/// (8 years), below 40 for one with a secondary diploma (13 years).
const GULPEASE_GRADES: [(f64, f64); 3] = [(80.0, 5.0), (60.0, 8.0), (40.0, 13.0)];

/// The grade for `score` in a table of (score, grade) points, scores falling.
fn read_table(table: &[(f64, f64)], score: f64) -> f64 {
    let (first, last) = (table[0], table[table.len() - 1]);
    if score >= first.0 {
        return first.1;
    }
    if score <= last.0 {
        return last.1;
    }
    table
        .windows(2)
        .find(|pair| score >= pair[1].0)
        .map(|pair| {
            let ((high, easy), (low, hard)) = (pair[0], pair[1]);
            easy + (hard - easy) * (high - score) / (high - low)
        })
        .unwrap_or(last.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(sentences: usize, words: usize, syllables: usize) -> Counts {
        Counts {
            sentences,
            words,
            syllables,
            ..Counts::default()
        }
    }

    fn assert_near(actual: f64, expected: f64, tolerance: f64) {
        assert!(
            (actual - expected).abs() <= tolerance,
            "{actual} is not {expected} ± {tolerance}"
        );
    }

    #[test]
    fn flesch_kincaid_matches_its_worked_example() {
        // Wikipedia, "Flesch–Kincaid readability tests", section "Flesch–Kincaid grade
        // level": "The Australian platypus is seemingly a hybrid of a mammal and reptilian
        // creature" is grade 11.3, with 24 syllables and 13 words in its one sentence.
        let score = Formula::FleschKincaid.score(&counts(1, 13, 24));
        assert_near(score, 11.3, 0.05);
        assert_eq!(Formula::FleschKincaid.grade(score), score);
    }

    #[test]
    fn the_worked_sentence_measured_whole_is_near_its_published_grade() {
        // The same sentence, counted by this module: its syllable rules find 26 (it says
        // Aus-tra-li-an and rep-til-i-an in four), so the grade is a little higher.
        let text =
            "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.";
        let level = reading_level(text, Language::English).unwrap();
        assert_near(level.grade, 0.39 * 13.0 + 11.8 * 26.0 / 13.0 - 15.59, 1e-9);
        assert_eq!(level.hardest, 0..text.len());
    }

    #[test]
    fn fernandez_huerta_reads_syllables_per_hundred_words_and_words_per_sentence() {
        // Worked by hand from the published formula L = 206.84 − 0.60 P − 1.02 F: 100
        // words, 200 syllables (P = 200) in 10 sentences (F = 10) give 76.64, a score
        // in the 70–80 band, "algo fácil, 6.º grado".
        let score = Formula::FernandezHuerta.score(&counts(10, 100, 200));
        assert_near(score, 76.64, 1e-9);
        assert_near(Formula::FernandezHuerta.grade(score), 6.3, 0.05);
    }

    #[test]
    fn kandel_moles_reads_words_per_sentence_and_syllables_per_word() {
        // L = 207 − 1.015 × words per sentence − 73.6 × syllables per word, worked by
        // hand: 15 words per sentence and 1.5 syllables per word give 81.375.
        let score = Formula::KandelMoles.score(&counts(2, 30, 45));
        assert_near(score, 81.375, 1e-9);
        // In Flesch's 80–90 band, "5th grade", near its hard edge.
        assert_near(Formula::KandelMoles.grade(score), 5.8625, 1e-9);
    }

    #[test]
    fn wiener_sachtextformel_weighs_its_four_shares() {
        // No worked example of Bamberger and Vanecek's (1984) could be found.
        // WSTF1 = 0.1935 MS + 0.1672 SL + 0.1297 IW − 0.0327 ES − 0.875, worked by hand
        // for 20 words in 2 sentences (SL = 10): 4 of three syllables or more (MS = 20 %),
        // 5 longer than six letters (IW = 25 %) and 10 of one syllable (ES = 50 %).
        let text = Counts {
            sentences: 2,
            words: 20,
            three_syllables: 4,
            long_words: 5,
            one_syllable: 10,
            ..Counts::default()
        };
        let expected = 0.1935 * 20.0 + 0.1672 * 10.0 + 0.1297 * 25.0 - 0.0327 * 50.0 - 0.875;
        assert_near(Formula::WienerSachtextformel.score(&text), expected, 1e-9);
        assert_near(expected, 6.2745, 1e-9);
    }

    #[test]
    fn gulpease_counts_letters_and_sentences() {
        // No worked example of Lucisano and Piemontese's (1988) could be found.
        // G = 89 + (300 × sentences − 10 × letters) / words: 3 sentences and 250 letters
        // in 50 words give 89 + (900 − 2500) / 50 = 57, just past "hard for a reader
        // with middle school" (60), so a little above grade 8.
        let text = Counts {
            sentences: 3,
            words: 50,
            letters: 250,
            ..Counts::default()
        };
        let score = Formula::Gulpease.score(&text);
        assert_near(score, 57.0, 1e-9);
        assert_near(Formula::Gulpease.grade(score), 8.75, 1e-9);
    }

    // No worked example from the papers that define the formulas below could be found
    // (Fernández Huerta 1959, Kandel and Moles 1958, Martins et al. 1996); these are the
    // figures an independent implementation publishes for given counts: the tests of
    // Yoast SEO's readability analysis, github.com/Yoast/wordpress-seo, under
    // packages/yoastseo/spec/languageProcessing/languages/{es,fr,pt}/helpers/
    // calculateFleschReadingScoreSpec.js, each rounded to one decimal.

    #[test]
    fn fernandez_huerta_matches_an_independent_implementations_figure() {
        // 1,000 words in 100 sentences with 250 syllables per 100 words: 46.6. (Ten words
        // a sentence is also ten sentences per 100 words, so this figure does not tell
        // the two readings of F apart; its constants it does check.)
        let score = Formula::FernandezHuerta.score(&counts(100, 1000, 2500));
        assert_near(score, 46.6, 0.05);
    }

    #[test]
    fn kandel_moles_matches_an_independent_implementations_figure() {
        // 400 words, 600 syllables and 20 sentences: 76.3.
        let score = Formula::KandelMoles.score(&counts(20, 400, 600));
        assert_near(score, 76.3, 0.05);
    }

    #[test]
    fn portuguese_flesch_matches_an_independent_implementations_figure() {
        // 600 words of 1,200 syllables, 19 words a sentence: 60.4.
        let score = Formula::FleschPortuguese.score(&counts(1, 19, 38));
        assert_near(score, 60.4, 0.05);
    }

    #[test]
    fn portuguese_flesch_adds_forty_two_to_flesch() {
        // Martins et al. keep Flesch's weights and raise the constant from 206.835 to
        // 248.835: 10 words per sentence at 2 syllables each give 248.835 − 10.15 − 169.2.
        let score = Formula::FleschPortuguese.score(&counts(3, 30, 60));
        assert_near(score, 69.485, 1e-9);
        // 50–75 is "fácil", 5th to 8th grade.
        assert_near(Formula::FleschPortuguese.grade(score), 5.8824, 1e-4);
    }

    #[test]
    fn fog_pl_counts_words_of_four_syllables_or_more() {
        // No worked example from FOG-PL's authors (Pracownia Prostej Polszczyzny,
        // University of Wrocław) could be found.
        // 0.4 × (words per sentence + percentage of hard words): 12 words a sentence
        // and 10 % of four syllables or more give 8.8 years of schooling.
        let text = Counts {
            sentences: 5,
            words: 60,
            four_syllables: 6,
            ..Counts::default()
        };
        assert_near(Formula::FogPl.score(&text), 8.8, 1e-9);
    }

    #[test]
    fn reading_ease_tables_give_their_published_grades_at_band_edges() {
        // Flesch 1949 and Fernández Huerta 1959: 70–80 is the 6th grade, 60–70 the 7th
        // or 8th, and the first band holds a reader who has finished the 4th.
        for formula in [Formula::KandelMoles, Formula::FernandezHuerta] {
            assert_eq!(formula.grade(80.0), 6.0);
            assert_eq!(formula.grade(70.0), 7.0);
            assert_eq!(formula.grade(60.0), 9.0);
            assert_eq!(formula.grade(65.0), 8.0);
            assert_eq!(formula.grade(120.0), 4.0);
            assert_eq!(formula.grade(-40.0), 16.0);
        }
        // Martins et al.: 75 ends the 4th grade's band, 50 the 8th's.
        assert_eq!(Formula::FleschPortuguese.grade(75.0), 5.0);
        assert_eq!(Formula::FleschPortuguese.grade(50.0), 9.0);
        // Lucisano and Piemontese: 60 is the limit for a middle-school reader.
        assert_eq!(Formula::Gulpease.grade(60.0), 8.0);
        assert_eq!(Formula::Gulpease.grade(95.0), 5.0);
        assert_eq!(Formula::Gulpease.grade(20.0), 13.0);
    }

    #[test]
    fn harder_text_has_a_higher_grade_in_every_language() {
        for language in Language::ALL {
            let formula = Formula::of(language);
            let easy = formula.grade(formula.score(&Counts {
                sentences: 4,
                words: 40,
                syllables: 50,
                letters: 160,
                one_syllable: 30,
                three_syllables: 2,
                four_syllables: 1,
                long_words: 3,
            }));
            let hard = formula.grade(formula.score(&Counts {
                sentences: 1,
                words: 40,
                syllables: 110,
                letters: 300,
                one_syllable: 8,
                three_syllables: 20,
                four_syllables: 12,
                long_words: 25,
            }));
            assert!(hard > easy + 3.0, "{language:?}: {easy} then {hard}");
        }
    }

    #[test]
    fn a_plain_text_is_below_the_target_and_a_dense_one_above_it() {
        let plain = "Rest your knee. Put ice on it for ten minutes. Then walk a little.";
        let level = reading_level(plain, Language::English).unwrap();
        assert!(level.grade < TARGET_GRADE, "{level:?}");
        assert_eq!(level.formula.name(), "Flesch–Kincaid grade level");

        let dense = "Rest your knee. Patellofemoral pain syndrome, characterised by \
            diffuse retropatellar discomfort exacerbated by prolonged flexion, \
            frequently necessitates comprehensive biomechanical evaluation and \
            individualised progressive rehabilitation programmes.";
        let level = reading_level(dense, Language::English).unwrap();
        assert!(level.grade > 15.0, "{level:?}");
        assert!(dense[level.hardest.clone()].starts_with("Patellofemoral"));
    }

    #[test]
    fn a_heading_of_one_long_word_is_not_the_hardest_sentence() {
        // Alone, "Osteoarthritis" scores above grade 40; the sentence is what to rewrite.
        let text = "Osteoarthritis\n\nThe cartilage that covers the ends of your bones \
            wears thin over many years, and the joint becomes stiff and sore.";
        let level = reading_level(text, Language::English).unwrap();
        assert!(text[level.hardest.clone()].starts_with("The cartilage"));
        // The same in a language whose grade comes from a table.
        let text = "Artrosis\n\nEl cartílago que cubre los extremos de los huesos se \
            desgasta con los años, y la articulación se vuelve rígida y dolorosa.";
        let level = reading_level(text, Language::Spanish).unwrap();
        assert!(text[level.hardest.clone()].starts_with("El cartílago"));
        // A text of short sentences only still has a hardest one.
        let text = "Rest. Repeat. Elevate.";
        let level = reading_level(text, Language::English).unwrap();
        assert_eq!(&text[level.hardest.clone()], "Elevate.");
    }

    #[test]
    fn every_language_has_a_reading_level() {
        let texts = [
            (
                Language::Spanish,
                "Descanse la rodilla. Ponga hielo diez minutos.",
            ),
            (
                Language::French,
                "Reposez votre genou. Mettez de la glace dix minutes.",
            ),
            (
                Language::German,
                "Schonen Sie Ihr Knie. Kühlen Sie es zehn Minuten.",
            ),
            (
                Language::Italian,
                "Riposa il ginocchio. Metti il ghiaccio per dieci minuti.",
            ),
            (
                Language::Portuguese,
                "Descanse o joelho. Ponha gelo por dez minutos.",
            ),
            (
                Language::Polish,
                "Odpocznij. Przyłóż lód na dziesięć minut.",
            ),
        ];
        for (language, text) in texts {
            let level = reading_level(text, language).unwrap();
            assert_eq!(level.formula, Formula::of(language));
            assert!(level.grade < TARGET_GRADE, "{language:?}: {level:?}");
        }
    }

    #[test]
    fn a_text_without_words_has_no_level() {
        assert_eq!(reading_level("", Language::English), None);
        assert_eq!(reading_level(" … – ", Language::English), None);
    }

    #[test]
    fn long_sentences_are_those_over_the_limit() {
        let long = "When your inner knee hurts after a long run you may worry that you \
            will not be able to get back out running again before the race you trained \
            for all winter.";
        let text = format!("Rest. {long} Then walk.");
        let found = long_sentences(&text, Language::English, LONG_SENTENCE_WORDS);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].range.clone()], long);
        assert_eq!(found[0].words, 32);
        assert!(long_sentences(&text, Language::English, 32).is_empty());
    }
}
