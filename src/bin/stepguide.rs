//! The `stepguide` authoring CLI; all of it is in the library's `cli` module, which the
//! tests share.

fn main() -> std::process::ExitCode {
    stepguide::cli::main()
}
