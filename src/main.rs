//! The `chainmap` binary: parses the command line, then runs a headless command or the editor.

use chainmap::cli::{self, Cli};
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = Cli::parse();
    match args.command {
        Some(command) => {
            chainmap::logging::init_cli();
            let lang = args.lang.unwrap_or_else(cli::default_lang);
            let code = cli::run(
                command,
                lang,
                &mut std::io::stdout().lock(),
                &mut std::io::stderr().lock(),
            );
            ExitCode::from(code)
        }
        None => {
            chainmap::logging::init_gui();
            match chainmap::ui::run_native(args.file, args.lang) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    // Into the log file too when there is one (the logger also writes stderr).
                    if log::log_enabled!(log::Level::Error) {
                        log::error!("the window could not run: {e}");
                    } else {
                        eprintln!("chainmap: {e}");
                    }
                    ExitCode::from(cli::EXIT_PROBLEM)
                }
            }
        }
    }
}
