//! The `chainmap` binary: parses the command line, then runs a headless command or the editor.

use chainmap::cli::{self, Cli};
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = Cli::parse();
    let lang = args.lang.unwrap_or_else(cli::default_lang);
    match args.command {
        Some(command) => {
            let code = cli::run(
                command,
                lang,
                &mut std::io::stdout().lock(),
                &mut std::io::stderr().lock(),
            );
            ExitCode::from(code)
        }
        None => {
            eprintln!(
                "{}",
                lang.pick(
                    "串珠编辑器窗口即将推出;现在可以用 `chainmap check FILE` 检查项目文件。",
                    "The chainmap editor window is coming; for now, `chainmap check FILE` checks project files."
                )
            );
            ExitCode::SUCCESS
        }
    }
}
