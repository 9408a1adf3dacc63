use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    handout::cli::run(handout::cli::Cli::parse())
}
