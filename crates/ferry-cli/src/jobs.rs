//! Scenarios that run a JCL job: a `job` file in the scenario names a job of the tree; its steps
//! become the scenario's steps, with each DD statement mapped to a file of the run's directory.
//!
//! Mapping: a step runs the program of `PGM=` (or the one the TSO/IMS monitors run, as in the graph)
//! with `PARM=` as its one argument; `DD DSN=A.B.C` sets `DD_<ddname>=A.B.C` (a GDG generation such as
//! `(+1)` dropped), so the program's `ASSIGN TO ddname` reads or writes the file `A.B.C` in the run's
//! directory (put input data sets in the scenario's `input/` under their DSN); `DUMMY` maps to
//! `/dev/null`; `SYSOUT=` is the step's stdout. `COND=` is honoured (JCL's rule). What cannot be
//! carried faithfully (in-stream data, IF/THEN/ELSE, utility programs, a program not in the tree) is
//! refused with a message, never approximated.

use std::path::Path;

use anyhow::{bail, Context, Result};
use ferry_verify::{Scenario, Step};

/// Every scenario under `src/scenarios`, with the steps of job scenarios filled in.
pub fn discover(src: &Path) -> Result<Vec<Scenario>> {
    discover_with_jcl(src, src)
}

/// As [`discover`], the scenarios under `scenarios_root/scenarios` and the JCL of `jcl_root`.
pub fn discover_with_jcl(scenarios_root: &Path, jcl_root: &Path) -> Result<Vec<Scenario>> {
    let src = jcl_root;
    let mut scenarios = ferry_verify::discover(scenarios_root)?;
    let mut jobs: Option<Vec<ferry_graph::JclJob>> = None;
    for s in &mut scenarios {
        let Some(name) = s.job()? else {
            continue;
        };
        let jobs = match &jobs {
            Some(j) => j,
            None => jobs.insert(read_jobs(src)),
        };
        let job = jobs
            .iter()
            .find(|j| j.name.eq_ignore_ascii_case(&name) && !j.is_proc)
            .with_context(|| {
                format!(
                    "scenario {}: no JCL job {name} in {}",
                    s.id(),
                    src.display()
                )
            })?;
        s.job_steps =
            Some(steps_of(job).with_context(|| format!("scenario {}: job {name}", s.id()))?);
    }
    Ok(scenarios)
}

/// Every JCL job of the tree (files ending in .jcl, any case).
fn read_jobs(src: &Path) -> Vec<ferry_graph::JclJob> {
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(src)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        let p = e.path();
        let is_jcl = p.extension().is_some_and(|x| x.eq_ignore_ascii_case("jcl"));
        if !e.file_type().is_file()
            || !is_jcl
            || p.components().any(|c| c.as_os_str() == "scenarios")
        {
            continue;
        }
        if let Ok(bytes) = std::fs::read(p) {
            let rel = p.strip_prefix(src).unwrap_or(p);
            let (job, _) = ferry_graph::parse_jcl(&ferry_source::decode(&bytes), rel);
            out.push(job);
        }
    }
    out
}

/// The steps of a job, in order.
pub fn steps_of(job: &ferry_graph::JclJob) -> Result<Vec<Step>> {
    if job
        .structure
        .iter()
        .any(|n| matches!(n, ferry_graph::jcl::JclNode::If { .. }))
    {
        bail!(
            "IF/THEN/ELSE/ENDIF in a job scenario is not supported yet (use COND= or a steps file)"
        );
    }
    let mut steps = Vec::new();
    for st in &job.steps {
        let Some(program) = st.executed_program() else {
            bail!(
                "step {} (line {}) runs no program (PROC= not expanded?)",
                st.name,
                st.line
            );
        };
        if ferry_graph::jcl::UTILITIES.contains(&program.as_str()) {
            bail!(
                "step {} runs the utility {program}, which ferry cannot run; record the programs' steps with a steps file",
                st.name
            );
        }
        let mut env = Vec::new();
        for dd in &st.dds {
            if dd.concatenated {
                bail!(
                    "step {}: DD {} concatenates data sets, which is not supported",
                    st.name,
                    dd.name
                );
            }
            if dd.inline.is_some() {
                bail!(
                    "step {}: DD {} has in-stream data, which is not supported yet (give it as an input file)",
                    st.name,
                    dd.name
                );
            }
            if dd.name == "STEPLIB" || dd.name == "JOBLIB" || dd.sysout.is_some() {
                continue;
            }
            let value = if dd.dummy {
                "/dev/null".to_string()
            } else if let Some(ds) = dd.dataset() {
                ds
            } else {
                continue;
            };
            env.push((format!("DD_{}", dd.name), value));
        }
        let cond = match &st.cond {
            Some(c) => {
                ferry_verify::parse_cond(c).map_err(|e| anyhow::anyhow!("step {}: {e}", st.name))?
            }
            None => Vec::new(),
        };
        steps.push(Step {
            name: Some(st.name.clone()),
            program,
            args: st.parm.iter().cloned().collect(),
            env,
            cond,
        });
    }
    if steps.is_empty() {
        bail!("the job has no step");
    }
    Ok(steps)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(text: &str) -> ferry_graph::JclJob {
        ferry_graph::parse_jcl(text, Path::new("T.jcl")).0
    }

    #[test]
    fn steps_map_dds_to_files_and_keep_cond() {
        let j = job(concat!(
            "//T        JOB (A),'T'\n",
            "//S1       EXEC PGM=EXTRACT,PARM='2026'\n",
            "//STEPLIB  DD DSN=LOAD.LIB,DISP=SHR\n",
            "//IN       DD DSN=PROD.MASTER,DISP=SHR\n",
            "//OUT      DD DSN=PROD.EXTRACT(+1),DISP=(NEW,CATLG)\n",
            "//SYSOUT   DD SYSOUT=*\n",
            "//S2       EXEC PGM=REPORT,COND=(4,LT,S1)\n",
            "//IN       DD DSN=PROD.EXTRACT(+1),DISP=SHR\n",
            "//LOG      DD DUMMY\n",
        ));
        let steps = steps_of(&j).unwrap();
        assert_eq!(steps.len(), 2);
        assert_eq!(steps[0].program, "EXTRACT");
        assert_eq!(steps[0].args, vec!["2026"]);
        assert_eq!(
            steps[0].env,
            vec![
                ("DD_IN".to_string(), "PROD.MASTER".to_string()),
                ("DD_OUT".to_string(), "PROD.EXTRACT".to_string()),
            ]
        );
        assert_eq!(steps[1].env[1], ("DD_LOG".into(), "/dev/null".into()));
        assert!(steps[1].bypassed(&[(Some("S1".into()), 8)]));
        assert!(!steps[1].bypassed(&[(Some("S1".into()), 4)]));
    }

    #[test]
    fn what_cannot_be_run_faithfully_is_refused() {
        let inline = job("//T JOB\n//S1 EXEC PGM=P\n//SYSIN DD *\nDATA\n/*\n");
        assert!(steps_of(&inline)
            .unwrap_err()
            .to_string()
            .contains("in-stream"));
        let utility = job("//T JOB\n//S1 EXEC PGM=IEFBR14\n");
        assert!(steps_of(&utility)
            .unwrap_err()
            .to_string()
            .contains("utility"));
        let cond = job(concat!(
            "//T JOB\n",
            "//S1 EXEC PGM=P\n",
            "// IF (S1.RC = 0) THEN\n",
            "//S2 EXEC PGM=Q\n",
            "// ENDIF\n",
        ));
        assert!(steps_of(&cond).unwrap_err().to_string().contains("IF/THEN"));
    }
}
