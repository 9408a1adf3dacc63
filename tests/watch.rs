//! `handout watch` as a user runs it: a save rebuilds, a broken save keeps the last good
//! PDF, and Ctrl-C or SIGTERM stops it with nothing left behind. Every wait is bounded.
#![cfg(unix)]

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use common::sample_workspace;

const HANDOUT: &str = "content/handouts/inner-knee-pain.toml";
const PDF: &str = "out/inner-knee-pain.pdf";
const PATIENCE: Duration = Duration::from_secs(10);

/// A running `handout watch`, and the lines it prints, from either stream.
struct Watch {
    child: Child,
    lines: Receiver<String>,
    said: Vec<String>,
}

impl Watch {
    fn start(dir: &Path) -> Watch {
        let mut child = Command::new(env!("CARGO_BIN_EXE_handout"))
            .arg("watch")
            .current_dir(dir)
            .env_remove("SOURCE_DATE_EPOCH")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the handout binary runs");
        let (send, lines) = mpsc::channel();
        let stdout = child.stdout.take().unwrap();
        let stderr = child.stderr.take().unwrap();
        let out = send.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = out.send(line);
            }
        });
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let _ = send.send(line);
            }
        });
        let mut watch = Watch {
            child,
            lines,
            said: Vec::new(),
        };
        watch.wait_for_line("watching");
        watch
    }

    /// Waits for a line containing `text`.
    fn wait_for_line(&mut self, text: &str) {
        let deadline = Instant::now() + PATIENCE;
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    let found = line.contains(text);
                    self.said.push(line);
                    if found {
                        return;
                    }
                }
                Err(_) => break,
            }
        }
        panic!(
            "no line with {text:?} in {PATIENCE:?}:\n{}",
            self.said.join("\n")
        );
    }

    /// Sends `signal` and waits for the watch to end; its exit code.
    fn stop(mut self, signal: i32) -> Option<i32> {
        let pid = self.child.id() as i32;
        // SAFETY: `kill` is given the id of a child this test started and has not reaped.
        assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
        let deadline = Instant::now() + PATIENCE;
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        panic!("the watch did not stop in {PATIENCE:?}");
    }
}

/// Waits until the file at `path` holds something other than `before`; what it holds.
fn changed_from(path: &Path, before: &[u8]) -> Vec<u8> {
    let deadline = Instant::now() + PATIENCE;
    while Instant::now() < deadline {
        if let Ok(now) = std::fs::read(path) {
            if now != before {
                return now;
            }
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("{} did not change in {PATIENCE:?}", path.display());
}

fn replace_in(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from:?} not in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// Every file under `dir`, as paths relative to it.
fn files_under(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else {
                let relative = path.strip_prefix(dir).unwrap();
                found.push(relative.to_string_lossy().into_owned());
            }
        }
    }
    found.sort();
    found
}

#[test]
fn a_save_rebuilds_a_broken_save_keeps_the_pdf_and_ctrl_c_stops_cleanly() {
    let ws = sample_workspace();
    let before = files_under(ws.path());
    let mut watch = Watch::start(ws.path());
    let pdf = ws.path().join(PDF);
    let first = std::fs::read(&pdf).expect("the first build wrote the PDF");

    // A library exercise the handout uses: the handout is built again.
    let exercise = ws.path().join("content/exercises/split-squat.toml");
    replace_in(
        &exercise,
        "name = \"Split squat\"",
        "name = \"Split squat, slowly\"",
    );
    let second = changed_from(&pdf, &first);
    common::keep("watch", &second);
    let text = common::page_texts(&common::parse(&second)).concat();
    assert!(text.contains("Split squat, slowly"), "{text}");

    // A save that breaks the handout: reported, and the last good PDF stays.
    replace_in(&ws.path().join(HANDOUT), "title = ", "title = = ");
    watch.wait_for_line("not built, no PDF written");
    assert!(
        watch.said.iter().any(|line| line.contains(HANDOUT)),
        "the error names the file: {:?}",
        watch.said
    );
    assert_eq!(std::fs::read(&pdf).unwrap(), second);

    assert_eq!(watch.stop(libc::SIGINT), Some(0));
    let mut expected = before;
    expected.extend([PDF.to_string(), PDF.replace(".pdf", ".es.pdf")]);
    expected.sort();
    assert_eq!(
        files_under(ws.path()),
        expected,
        "the PDF and nothing else is left"
    );
}

#[test]
fn a_handout_written_while_watching_is_built_and_sigterm_stops_the_watch() {
    let ws = sample_workspace();
    let watch = Watch::start(ws.path());
    std::fs::write(
        ws.path().join("content/handouts/calf-strain.toml"),
        "title = \"Calf strain\"\n[[exercise]]\nuse = \"split-squat\"\n",
    )
    .unwrap();
    let pdf = ws.path().join("out/calf-strain.pdf");
    changed_from(&pdf, b"");
    assert_eq!(watch.stop(libc::SIGTERM), Some(0));
    let mut out: Vec<_> = std::fs::read_dir(ws.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    out.sort();
    assert_eq!(
        out,
        [
            "calf-strain.pdf",
            "inner-knee-pain.es.pdf",
            "inner-knee-pain.pdf"
        ]
    );
}
