//! `ferry`: the command line. The only crate that knows the terminal: arguments, progress bars,
//! rendered diagnostics and exit codes (0 success, 1 a unit failed verification, 2 bad input or usage).

mod agents;
mod codepages;
mod commands;
mod config;
mod coverage;
mod diag;
mod estate;
mod import;
mod indexed;
mod jobs;
mod layouts;
mod pipeline;
mod progress;
mod state;

/// mimalloc, for Rust's allocations and (feature `override`) the C parser's: scanning a large
/// estate makes millions of small allocations, which glibc's allocator serves markedly slower.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "ferry",
    version,
    about = "Migrate COBOL estates to Rust and prove the translation behaves like the original"
)]
struct Cli {
    #[command(flatten)]
    common: Common,
    #[command(subcommand)]
    command: Command,
}

/// Options every command takes.
#[derive(Args, Clone, Debug)]
pub struct Common {
    /// Copybook directory (repeatable); added to ferry.toml's copybook_dirs.
    #[arg(short = 'I', long = "copybook-dir", global = true)]
    pub copybook_dirs: Vec<PathBuf>,
    /// Source format: fixed, free or variable (default: ferry.toml, else detected per file).
    #[arg(long = "source-format", global = true)]
    pub source_format: Option<ferry_source::SourceFormat>,
    /// Parallel jobs (default: number of cores).
    #[arg(short = 'j', long = "jobs", global = true)]
    pub jobs: Option<usize>,
    /// No progress bars.
    #[arg(short, long, global = true)]
    pub quiet: bool,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum ListFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum GraphFormat {
    Json,
    Dot,
    Mermaid,
    Html,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum ReportFormat {
    Html,
    Json,
    Md,
}

#[derive(Subcommand)]
enum Command {
    /// Inventory of a source tree: programs, copybooks, JCL, lines and diagnostics.
    Scan {
        src: PathBuf,
        #[arg(long, value_enum, default_value = "text")]
        format: ListFormat,
        /// Print every program's typed AST as JSON (developer view).
        #[arg(long)]
        dump_ast: bool,
    },
    /// The typed AST of one program file, as JSON (developer view).
    Ast { file: PathBuf },
    /// The dependency graph of a source tree.
    Graph {
        src: PathBuf,
        #[arg(long, value_enum, default_value = "json")]
        format: GraphFormat,
        /// Write to this file instead of stdout.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Units in topological order, grouped into waves.
    Plan {
        src: PathBuf,
        #[arg(long, value_enum, default_value = "text")]
        format: ListFormat,
        /// How programs are cut into units: program (one unit each) or job (one unit per JCL job).
        #[arg(long, default_value = "program", value_parser = parse_slice)]
        slice: ferry_graph::Slice,
    },
    /// Run the original programs under GnuCOBOL on their scenarios and store what they did.
    Record {
        src: PathBuf,
        /// Record again scenarios that already have a recording.
        #[arg(long)]
        rerecord: bool,
        /// Record into this copy of the scenarios instead of SRC/scenarios (SRC stays untouched).
        #[arg(long)]
        into: Option<PathBuf>,
    },
    /// Translate every unit, in plan order, into a Cargo workspace at OUT.
    Translate {
        src: PathBuf,
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        translate: TranslateArgs,
    },
    /// Build OUT and replay every recorded scenario against it.
    Verify { out: PathBuf },
    /// The equivalence report of OUT.
    Report {
        out: PathBuf,
        #[arg(long, value_enum, default_value = "html")]
        format: ReportFormat,
        /// Re-compute every hash in OUT/report.json and say whether anything changed since.
        #[arg(long)]
        check: bool,
    },
    /// Done, stale, hand-edited and failing units of OUT.
    Status { out: PathBuf },
    /// Convert a fixed-length EBCDIC record file captured on the mainframe, through a copybook's
    /// layout, into the file a scenario uses (text through the code page, zoned digits and signs
    /// converted, packed and binary kept as bytes).
    ImportEbcdic {
        /// The EBCDIC file (RECFM=F/FB, no RDWs).
        input: PathBuf,
        /// The copybook describing its records.
        #[arg(long)]
        copybook: PathBuf,
        /// The 01 record to use when the copybook has several.
        #[arg(long)]
        record: Option<String>,
        /// EBCDIC code page: 037, 500 or 1140.
        #[arg(long, default_value = "037")]
        codepage: String,
        /// Where to write the converted file.
        #[arg(short, long)]
        output: PathBuf,
        /// Write LINE SEQUENTIAL records (trailing spaces dropped, newline-terminated).
        #[arg(long)]
        line_sequential: bool,
        /// Overwrite OUTPUT if it exists.
        #[arg(long)]
        force: bool,
    },
    /// The main job: scan, graph, plan, record (where missing and cobc is installed), translate,
    /// verify, report.
    Migrate {
        src: PathBuf,
        #[arg(long)]
        out: PathBuf,
        /// Do not record scenarios that have no recording (they fail instead): nothing is written
        /// into SRC.
        #[arg(long)]
        no_record: bool,
        #[command(flatten)]
        translate: TranslateArgs,
    },
}

#[derive(Args, Clone, Debug)]
pub struct TranslateArgs {
    /// How programs are cut into units: program (one unit each) or job (one unit per JCL job).
    #[arg(long, default_value = "program", value_parser = parse_slice)]
    pub slice: ferry_graph::Slice,
    /// Rule/template overrides (see rules/README.md); default: ferry.toml's `rules`, else built in.
    #[arg(long)]
    pub rules: Option<PathBuf>,
    /// Overwrite generated files that were edited by hand, and write into a non-ferry OUT.
    #[arg(long)]
    pub force: bool,
    /// Who translates: builtin, command:<cmd>, openai:<model> or anthropic:<model> (default:
    /// ferry.toml's [agent] spec, else builtin). External agents work inside the verification loop.
    #[arg(long)]
    pub agent: Option<String>,
    /// translate (the agent writes the Rust from the COBOL) or refine (it improves the built-in
    /// translation; if no answer passes, the built-in one stays).
    #[arg(long)]
    pub agent_mode: Option<String>,
    /// Attempts per unit before it is marked failed (default 3).
    #[arg(long)]
    pub agent_attempts: Option<u32>,
    /// API base URL for openai/anthropic (any compatible endpoint).
    #[arg(long)]
    pub agent_endpoint: Option<String>,
    /// Environment variable that holds the API key (default OPENAI_API_KEY / ANTHROPIC_API_KEY).
    #[arg(long)]
    pub agent_key_env: Option<String>,
    /// Prompt budget in tokens (default 100000).
    #[arg(long)]
    pub agent_budget: Option<usize>,
}

/// `--slice`: `program` or `job`; `section` is refused with the reason.
fn parse_slice(s: &str) -> Result<ferry_graph::Slice, String> {
    if s.trim().eq_ignore_ascii_case("section") {
        return Err(
            "slicing by section is not possible: the translator turns a whole program \
                    into one crate, so a unit cannot be smaller than a program; use `program` \
                    (the default) or `job`"
                .into(),
        );
    }
    s.parse()
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(j) = cli.common.jobs {
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(j.max(1))
            .build_global();
    }
    let result = match cli.command {
        Command::Scan {
            src,
            format,
            dump_ast,
        } => commands::scan(&cli.common, &src, format, dump_ast),
        Command::Ast { file } => commands::ast(&cli.common, &file),
        Command::Graph {
            src,
            format,
            output,
        } => commands::graph(&cli.common, &src, format, output.as_deref()),
        Command::Plan { src, format, slice } => commands::plan(&cli.common, &src, format, slice),
        Command::Record {
            src,
            rerecord,
            into,
        } => pipeline::record_cmd(&cli.common, &src, rerecord, into.as_deref()),
        Command::Translate {
            src,
            out,
            translate,
        } => pipeline::translate_cmd(&cli.common, &src, &out, &translate),
        Command::Verify { out } => pipeline::verify_cmd(&cli.common, &out),
        Command::Report { out, format, check } => {
            pipeline::report_cmd(&cli.common, &out, format, check)
        }
        Command::Status { out } => pipeline::status_cmd(&cli.common, &out),
        Command::ImportEbcdic {
            input,
            copybook,
            record,
            codepage,
            output,
            line_sequential,
            force,
        } => import::ebcdic_cmd(
            &cli.common,
            &import::EbcdicImport {
                input: &input,
                copybook: &copybook,
                record: record.as_deref(),
                codepage: &codepage,
                output: &output,
                line_sequential,
                force,
            },
        ),
        Command::Migrate {
            src,
            out,
            no_record,
            translate,
        } => pipeline::migrate_cmd(&cli.common, &src, &out, &translate, !no_record),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod slice_tests {
    use clap::Parser;

    use super::{Cli, Command};

    fn plan_slice(args: &[&str]) -> Result<ferry_graph::Slice, String> {
        let argv = ["ferry", "plan", "SRC"].iter().chain(args);
        match Cli::try_parse_from(argv) {
            Ok(Cli {
                command: Command::Plan { slice, .. },
                ..
            }) => Ok(slice),
            Ok(_) => Err("not a plan command".into()),
            Err(e) => Err(e.to_string()),
        }
    }

    #[test]
    fn slice_program_job_and_section() {
        assert_eq!(plan_slice(&[]), Ok(ferry_graph::Slice::Program));
        assert_eq!(plan_slice(&["--slice", "job"]), Ok(ferry_graph::Slice::Job));
        let err = plan_slice(&["--slice", "section"]).unwrap_err();
        assert!(
            err.contains("slicing by section is not possible") && err.contains("one crate"),
            "{err}"
        );
        assert!(plan_slice(&["--slice", "step"]).is_err());
        let translate = Cli::try_parse_from([
            "ferry",
            "translate",
            "SRC",
            "--out",
            "OUT",
            "--slice",
            "job",
        ]);
        assert!(matches!(
            translate,
            Ok(Cli { command: Command::Translate { translate, .. }, .. })
                if translate.slice == ferry_graph::Slice::Job
        ));
    }
}
