//! Build time and peak memory against the size of the input, to show that neither grows
//! faster than the text does:
//!
//!     cargo bench --bench scaling [-- RUNS]
//!
//! Four kinds of handout are written into a fresh workspace each (a copy of the sample
//! brand, library and pictures), at sizes up to the documented limits (30,000 characters a
//! field, 100 items a list, 1 MiB a file):
//!
//! - ordinary words: sections of 29,000-character paragraphs of everyday words;
//! - one long word: one exercise step holding one word of up to 29,000 letters;
//! - many long words: up to 34 exercises whose step is one 29,000-letter word (989 KB);
//! - 1 MiB handout: every kind of field, with bold, italics, links, lists and pictures.
//!
//! Each is built RUNS times (default 3) by the release binary, `handout build`, as a child
//! process, so that what is measured is what a user waits for, and the memory is all the
//! process holds: its peak resident set, which the kernel reports for that one child when
//! it is reaped (`wait4`), with the CPU time it used on all its threads (less than the
//! time when the machine is busy with other work, more when the build's second thread
//! helps). The table gives the median build and the largest peak.

use std::fmt::Write as _;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const BINARY: &str = env!("CARGO_BIN_EXE_handout");
const REPOSITORY: &str = env!("CARGO_MANIFEST_DIR");

/// The longest text a field takes is 30,000 characters; steps stay a little under it.
const LONG_WORD: usize = 29_000;

fn main() {
    let runs: usize = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with("--"))
        .and_then(|a| a.parse().ok())
        .unwrap_or(3);
    let kinds: [(&str, Vec<String>); 4] = [
        (
            "ordinary words",
            [1, 4, 8, 17, 34].map(ordinary_words).to_vec(),
        ),
        (
            "one long word",
            [1_000, 3_625, 7_250, 14_500, LONG_WORD]
                .map(one_long_word)
                .to_vec(),
        ),
        (
            "many long words",
            [1, 4, 8, 17, 34].map(many_long_words).to_vec(),
        ),
        (
            "1 MiB handout",
            [128, 256, 512, 1_020].map(|kib| mixed(kib * 1024)).to_vec(),
        ),
    ];
    println!("{runs} runs each: the median time, and the largest peak of resident memory");
    println!(
        "{:<16}{:>10}{:>7}{:>9}{:>10}{:>9}",
        "kind", "input", "pages", "time", "CPU time", "memory"
    );
    for (kind, handouts) in &kinds {
        for handout in handouts {
            let workspace = Workspace::new(handout);
            let mut builds: Vec<Build> = (0..runs).map(|_| workspace.build()).collect();
            builds.sort_by_key(|b| b.time);
            let median = &builds[runs / 2];
            let peak = builds.iter().filter_map(|b| b.peak_kib).max();
            let unknown = || "n/a".to_string();
            println!(
                "{kind:<16}{:>7} KB{:>7}{:>7.2} s{:>10}{:>9}",
                handout.len() / 1000,
                median.pages,
                median.time.as_secs_f64(),
                median
                    .cpu
                    .map_or_else(unknown, |cpu| format!("{:.2} s", cpu.as_secs_f64())),
                peak.map_or_else(unknown, |kib| format!("{} MB", kib / 1024)),
            );
        }
    }
}

/// A workspace in a temporary folder, with one handout to build.
struct Workspace {
    root: tempfile::TempDir,
}

struct Build {
    time: Duration,
    /// User and system time, on all the build's threads.
    cpu: Option<Duration>,
    peak_kib: Option<u64>,
    pages: String,
}

impl Workspace {
    fn new(handout: &str) -> Workspace {
        let root = tempfile::tempdir().expect("a temporary folder");
        let repository = Path::new(REPOSITORY);
        copy_tree(&repository.join("images"), &root.path().join("images"));
        let content = root.path().join("content");
        copy_tree(
            &repository.join("content/exercises"),
            &content.join("exercises"),
        );
        fs::copy(
            repository.join("content/brand.toml"),
            content.join("brand.toml"),
        )
        .expect("the brand is copied");
        fs::create_dir_all(content.join("handouts")).unwrap();
        fs::write(content.join("handouts/scaling.toml"), handout).unwrap();
        Workspace { root }
    }

    fn handout(&self) -> PathBuf {
        self.root.path().join("content/handouts/scaling.toml")
    }

    fn build(&self) -> Build {
        let start = Instant::now();
        let mut child = Command::new(BINARY)
            .arg("build")
            .arg(self.handout())
            .arg("-o")
            .arg(self.root.path().join("out"))
            .current_dir(self.root.path())
            .stdout(Stdio::piped())
            // Still written, but not shown: a generated text draws thousands of
            // plain-language warnings, which would bury the table.
            .stderr(Stdio::null())
            .spawn()
            .expect("the release binary runs");
        // "…/scaling.pdf: 409 pages", read to its end, which comes when the build does.
        let mut said = String::new();
        child
            .stdout
            .take()
            .unwrap()
            .read_to_string(&mut said)
            .unwrap();
        let reaped = reap(child);
        let time = start.elapsed();
        assert!(reaped.succeeded, "the handout builds");
        let pages = said.split_whitespace().rev().nth(1).unwrap_or("?");
        Build {
            time,
            cpu: reaped.cpu,
            peak_kib: reaped.peak_kib,
            pages: pages.to_string(),
        }
    }
}

/// How a build's process ended, and what it used.
struct Reaped {
    succeeded: bool,
    cpu: Option<Duration>,
    peak_kib: Option<u64>,
}

/// Waits for the child and reads what it used, which `Child::wait` does not give: its
/// own peak resident memory and CPU time, not those of other children.
#[cfg(unix)]
fn reap(child: Child) -> Reaped {
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: `rusage` is plain data that the kernel fills in; all zeroes is a valid value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: the pointers are to live locals, and `pid` is our child, not yet reaped.
    let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(reaped, pid, "the build is waited for");
    let seconds = |t: libc::timeval| {
        Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64)
    };
    // Linux counts the peak in KiB, macOS in bytes.
    let peak = usage.ru_maxrss as u64;
    Reaped {
        succeeded: libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        cpu: Some(seconds(usage.ru_utime) + seconds(usage.ru_stime)),
        peak_kib: Some(if cfg!(target_os = "macos") {
            peak / 1024
        } else {
            peak
        }),
    }
}

/// Elsewhere only the time is measured.
#[cfg(not(unix))]
fn reap(mut child: Child) -> Reaped {
    let status = child.wait().expect("the build is waited for");
    Reaped {
        succeeded: status.success(),
        cpu: None,
        peak_kib: None,
    }
}

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

const HEAD: &str = "title = \"Scaling\"\nlanguage = \"en\"\n";

/// Everyday words, the same every run.
const WORDS: &[&str] = &[
    "rest",
    "your",
    "knee",
    "for",
    "a",
    "week",
    "then",
    "run",
    "again",
    "slowly",
    "and",
    "build",
    "strength",
    "in",
    "the",
    "muscles",
    "that",
    "support",
    "it",
    "inflammation",
    "usually",
    "settles",
    "with",
    "gentle",
    "exercise",
    "see",
    "doctor",
    "if",
    "pain",
    "is",
    "severe",
    "comfortable",
    "physiotherapy",
    "recovery",
];

/// `length` characters of everyday words, sentences ending now and then.
fn prose(length: usize, seed: usize) -> String {
    let mut text = String::with_capacity(length + 16);
    for i in seed.. {
        if text.len() >= length {
            break;
        }
        text.push_str(WORDS[(i * 7) % WORDS.len()]);
        text.push_str(if i % 13 == 12 { ". " } else { " " });
    }
    text.truncate(length);
    text.trim_end().to_string()
}

/// `length` letters with no break between them.
fn word(length: usize, seed: usize) -> String {
    let letters = b"thequickbrownfoxjumpsoverthelazydog";
    (0..length)
        .map(|i| letters[(i + seed) % letters.len()] as char)
        .collect()
}

fn exercise(name: &str, steps: &[String]) -> String {
    let steps: Vec<String> = steps.iter().map(|s| format!("  \"{s}\",\n")).collect();
    format!(
        "\n[[exercise]]\nname = \"{name}\"\nsteps = [\n{}]\n",
        steps.concat()
    )
}

fn ordinary_words(sections: usize) -> String {
    let mut handout = HEAD.to_string();
    handout.push_str(&exercise("Split squat", &[prose(200, 0)]));
    for i in 0..sections {
        let text = prose(LONG_WORD, i);
        write!(
            handout,
            "\n[[section]]\ntitle = \"Part {i}\"\ntext = \"{text}\"\n"
        )
        .unwrap();
    }
    handout
}

fn one_long_word(letters: usize) -> String {
    HEAD.to_string() + &exercise("Long", &[word(letters, 0)])
}

fn many_long_words(steps: usize) -> String {
    let mut handout = HEAD.to_string();
    for i in 0..steps {
        handout.push_str(&exercise("Long", &[word(LONG_WORD, i)]));
    }
    handout
}

/// A handout of about `bytes`, with every kind of field.
fn mixed(bytes: usize) -> String {
    let styled = |length: usize, seed: usize| {
        let text = prose(length, seed);
        let words: Vec<&str> = text.split(' ').collect();
        let styled: Vec<String> = words
            .iter()
            .enumerate()
            .map(|(i, w)| match i % 17 {
                3 => format!("**{w}**"),
                9 => format!("*{w}*"),
                14 => format!("[{w}](https://example.org/{i})"),
                _ => w.to_string(),
            })
            .collect();
        styled.join(" ")
    };
    let list = |items: usize, length: usize, seed: usize| {
        let items: Vec<String> = (0..items)
            .map(|i| format!("\"{}\"", styled(length, seed + i)))
            .collect();
        format!("[{}]", items.join(", "))
    };
    let mut handout = HEAD.to_string();
    writeln!(handout, "summary = \"{}\"", styled(300, 1)).unwrap();
    writeln!(
        handout,
        "intro = \"\"\"\n{}\n\n{}\n\"\"\"",
        styled(3_000, 2),
        styled(3_000, 3)
    )
    .unwrap();
    let (mut causes, mut flags, mut exercises, mut sections) =
        (String::new(), String::new(), String::new(), String::new());
    for id in ["single-leg-bridge", "hamstring-bridge", "split-squat"] {
        writeln!(exercises, "\n[[exercise]]\nuse = \"{id}\"").unwrap();
    }
    // One more of each table while the whole stays under `bytes`.
    for i in 0.. {
        let cause = format!(
            "\n[[cause]]\nname = \"Cause {i}\"\ntext = \"{}\"\nself_care = {}\n",
            styled(2_000, i),
            list(10, 150, i)
        );
        let flag = format!(
            "\n[[red_flag]]\nname = \"Sign {i}\"\ntext = \"{}\"\nurgency = \"soon\"\n",
            styled(1_500, i)
        );
        let exercise = format!(
            "\n[[exercise]]\nname = \"Exercise {i}\"\npurpose = \"{}\"\nsteps = {}\ntips = {}\n\
             cautions = {}\nsets = 3\nreps = 10\n",
            styled(120, i),
            list(20, 180, i),
            list(5, 100, i + 1),
            list(5, 100, i + 2)
        );
        let section = format!(
            "\n[[section]]\ntitle = \"Section {i}\"\ntext = \"{}\"\nbullets = {}\n",
            styled(5_000, i),
            list(15, 120, i)
        );
        let tables = [
            &causes, &flags, &exercises, &sections, &cause, &flag, &exercise, &section,
        ];
        if handout.len() + tables.iter().map(|t| t.len()).sum::<usize>() > bytes {
            break;
        }
        causes += &cause;
        flags += &flag;
        exercises += &exercise;
        sections += &section;
    }
    handout + &causes + &flags + &exercises + &sections
}
