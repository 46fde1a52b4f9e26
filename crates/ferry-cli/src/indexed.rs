//! The INDEXED files of the programs a scenario runs, as recording needs them to load and
//! unload GnuCOBOL's indexed files (see `ferry_verify::IndexedTools`).

use ferry_syntax::ast::{Assign, Organization};
use ferry_verify::IndexedFile;

use crate::estate::Estate;

/// Every INDEXED file (with a RECORD KEY whose keys all lie in its record) of `programs`.
pub fn indexed_files(estate: &Estate, programs: &[String]) -> Vec<IndexedFile> {
    let mut out = Vec::new();
    for name in programs {
        let Some(p) = estate.program(name) else {
            continue;
        };
        let model = &p.model;
        for (fi, f) in model.files.iter().enumerate() {
            let Some(control) = &f.control else {
                continue;
            };
            if control.organization != Organization::Indexed {
                continue;
            }
            let Some(record_key) = &control.record_key else {
                continue;
            };
            let refs = std::iter::once((record_key, false)).chain(
                control
                    .alternate_keys
                    .iter()
                    .map(|a| (&a.key, a.duplicates)),
            );
            let keys: Option<Vec<(usize, usize, bool)>> = refs
                .map(|(r, dups)| {
                    let id = model.resolve(r).ok()?;
                    (model.file_of(id) == Some(fi)).then(|| {
                        (
                            model.items[id].offset - f.offset,
                            model.items[id].size,
                            dups,
                        )
                    })
                })
                .collect();
            let Some(keys) = keys else {
                continue;
            };
            let assign = match &control.assign {
                Assign::Literal(s) | Assign::Name(s) => s.clone(),
            };
            out.push(IndexedFile {
                assign,
                min_len: f.min_size,
                max_len: f.size,
                keys,
            });
        }
    }
    out
}
