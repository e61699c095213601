//! The `attune` binary: parses arguments and hands over to the library.

use clap::Parser;

fn main() -> std::process::ExitCode {
    attune::cli::run(attune::cli::Cli::parse())
}
