//! `ferry import-ebcdic`: bringing in record files captured on the original platform.
//!
//! A fixed-length EBCDIC record file (RECFM=F/FB) is converted record by record through the layout
//! of a copybook, field by field, into the bytes GnuCOBOL (and the translated programs) use for the same
//! values: text fields through an EBCDIC code page; zoned decimal digit by digit (EBCDIC zone F to
//! ASCII zone 3, the sign nibble C/F/D to GnuCOBOL's overpunch); packed decimal and big-endian binary
//! kept as bytes (same representation on both sides); COMP-5 (native binary) byte-swapped from the
//! mainframe's big-endian to this machine's order. Floating-point and pointer fields are refused with
//! a clear message, never guessed.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use ferry_model::{ItemId, ItemKind, NumUsage, ProgramModel};

use crate::Common;

/// What to convert and how.
pub struct EbcdicImport<'a> {
    pub input: &'a Path,
    pub copybook: &'a Path,
    pub record: Option<&'a str>,
    pub codepage: &'a str,
    pub output: &'a Path,
    pub line_sequential: bool,
    pub force: bool,
}

pub fn ebcdic_cmd(common: &Common, args: &EbcdicImport<'_>) -> Result<u8> {
    let table = crate::codepages::table(args.codepage).with_context(|| {
        format!(
            "code page {:?} is not supported (use 037, 500 or 1140)",
            args.codepage
        )
    })?;
    if args.output.exists() && !args.force {
        bail!(
            "{} exists; refusing to overwrite it (use --force)",
            args.output.display()
        );
    }
    let model = copybook_model(common, args.copybook)?;
    let root = record_item(&model, args.record, args.copybook)?;
    let fields = fields(&model, root)?;
    let len = model.items[root].size;
    let bytes = std::fs::read(args.input)
        .with_context(|| format!("cannot read {}", args.input.display()))?;
    if len == 0 || bytes.len() % len != 0 {
        bail!(
            "{}: {} bytes is not a whole number of {}-byte records (only fixed-length records, RECFM=F/FB, can be converted)",
            args.input.display(),
            bytes.len(),
            len
        );
    }
    let mut out = Vec::with_capacity(bytes.len() + bytes.len() / len.max(1));
    for (n, rec) in bytes.chunks(len).enumerate() {
        let mut converted = convert_record(rec, &fields, table)
            .map_err(|e| anyhow::anyhow!("{}: record {}: {e}", args.input.display(), n + 1))?;
        if args.line_sequential {
            // As GnuCOBOL writes a LINE SEQUENTIAL record: trailing spaces dropped, then a newline.
            while converted.last() == Some(&b' ') {
                converted.pop();
            }
            converted.push(b'\n');
        }
        out.extend_from_slice(&converted);
    }
    ferry_report::write_atomic(args.output, &out)?;
    eprintln!(
        "converted {} record(s) of {} bytes ({} fields, code page {}) into {}",
        bytes.len() / len,
        len,
        fields.len(),
        args.codepage,
        args.output.display()
    );
    Ok(0)
}

/// The storage model of a copybook, read as the WORKING-STORAGE of a one-line program.
fn copybook_model(common: &Common, copybook: &Path) -> Result<ProgramModel> {
    let text = std::fs::read(copybook)
        .map(|b| ferry_source::decode(&b))
        .with_context(|| format!("cannot read {}", copybook.display()))?;
    let dir = copybook.parent().unwrap_or(Path::new("."));
    let format = common.source_format.unwrap_or_else(|| {
        // A copybook written in fixed format has its level numbers at column 8 or later.
        let fixed = text.lines().filter(|l| !l.trim().is_empty()).all(|l| {
            l.len() > 7
                && l[..l.len().min(6)]
                    .chars()
                    .all(|c| c == ' ' || c.is_ascii_digit())
        });
        if fixed {
            ferry_source::SourceFormat::Fixed
        } else {
            ferry_source::SourceFormat::Free
        }
    });
    let name = copybook
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let body = format!(
        "IDENTIFICATION DIVISION.\nPROGRAM-ID. FERRYIMP.\nDATA DIVISION.\nWORKING-STORAGE SECTION.\nCOPY \"{name}\".\nPROCEDURE DIVISION.\n    STOP RUN.\n"
    );
    let wrapper: String = match format {
        ferry_source::SourceFormat::Fixed => {
            body.lines().map(|l| format!("       {l}\n")).collect()
        }
        _ => body,
    };
    let mut copybook_dirs: Vec<PathBuf> = vec![dir.to_path_buf()];
    copybook_dirs.extend(common.copybook_dirs.iter().cloned());
    let opts = ferry_source::PreprocessOptions {
        copybook_dirs,
        format: Some(format),
        debugging_lines: false,
        defines: Vec::new(),
    };
    let pre =
        ferry_source::preprocess_bytes(&dir.join("ferry-import.cbl"), wrapper.as_bytes(), &opts);
    if let Some(d) = pre.diagnostics.first() {
        bail!(
            "{}:{}:{}: {}",
            d.file.display(),
            d.line,
            d.column,
            d.message
        );
    }
    let parsed = ferry_syntax::parse_preprocessed(&pre);
    if let Some(e) = parsed.errors.first() {
        let (f, l, c) = crate::estate::locate(&pre.map, Path::new(""), e.span.start);
        bail!("{f}:{l}:{c}: {}", e.message);
    }
    let program = parsed
        .unit
        .programs
        .first()
        .context("the copybook gives no data description")?;
    let model = ferry_model::build(program);
    if let Some(e) = model.errors.first() {
        let (f, l, c) = crate::estate::locate(&pre.map, Path::new(""), e.span.start);
        bail!("{f}:{l}:{c}: {}", e.message);
    }
    Ok(model)
}

/// The 01 record to convert: the one named, or the only one.
fn record_item(model: &ProgramModel, name: Option<&str>, copybook: &Path) -> Result<ItemId> {
    let records: Vec<ItemId> = model
        .items
        .iter()
        .enumerate()
        .filter(|(_, i)| i.level == 1 && i.redefines.is_none())
        .map(|(id, _)| id)
        .collect();
    let named = |id: &ItemId| model.items[*id].name.clone().unwrap_or_default();
    match name {
        Some(n) => records
            .iter()
            .copied()
            .find(|id| named(id).eq_ignore_ascii_case(n))
            .with_context(|| {
                format!(
                    "{} has no 01 record {n} (it has: {})",
                    copybook.display(),
                    records.iter().map(named).collect::<Vec<_>>().join(", ")
                )
            }),
        None => match records.as_slice() {
            [one] => Ok(*one),
            [] => bail!("{} has no 01 record", copybook.display()),
            many => bail!(
                "{} has several 01 records ({}): choose one with --record",
                copybook.display(),
                many.iter().map(named).collect::<Vec<_>>().join(", ")
            ),
        },
    }
}

/// How one field's bytes are converted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Conv {
    Text,
    /// Zoned decimal; where the sign is.
    Zoned {
        signed: bool,
        leading: bool,
        separate: bool,
    },
    Keep,
    Swap,
}

#[derive(Debug, Clone)]
struct Field {
    name: String,
    offset: usize,
    len: usize,
    conv: Conv,
}

/// Every elementary field of the record (each occurrence of a table), offsets relative to it.
fn fields(model: &ProgramModel, root: ItemId) -> Result<Vec<Field>> {
    let base = &model.items[root];
    let mut out = Vec::new();
    for e in model.elementary_under(root) {
        let item = &model.items[e];
        let name = item.name.clone().unwrap_or_else(|| "FILLER".into());
        let conv = match &item.kind {
            ItemKind::Numeric {
                usage,
                signed,
                sign_leading,
                sign_separate,
                ..
            } => match usage {
                NumUsage::Display => Conv::Zoned {
                    signed: *signed,
                    leading: *sign_leading,
                    separate: *sign_separate,
                },
                NumUsage::Packed | NumUsage::Binary | NumUsage::BinaryIbm => Conv::Keep,
                NumUsage::NativeBinary => Conv::Swap,
            },
            ItemKind::Renames => continue,
            ItemKind::Group
            | ItemKind::Alphanumeric { .. }
            | ItemKind::Alphabetic { .. }
            | ItemKind::NumericEdited { .. }
            | ItemKind::AlphanumericEdited { .. } => Conv::Text,
            other => bail!(
                "field {name} ({other:?}) cannot be converted from the mainframe's representation; convert that file another way"
            ),
        };
        let dims = &item.dims[base.dims.len().min(item.dims.len())..];
        let counts: Vec<usize> = dims.iter().map(|d| d.max.max(1) as usize).collect();
        let total: usize = counts.iter().product();
        for n in 0..total {
            let mut rest = n;
            let mut offset = item.offset - base.offset;
            for (d, &c) in dims.iter().zip(&counts).rev() {
                offset += d.stride * (rest % c);
                rest /= c;
            }
            out.push(Field {
                name: name.clone(),
                offset,
                len: item.size,
                conv,
            });
        }
    }
    out.sort_by_key(|f| f.offset);
    Ok(out)
}

/// One record, converted field by field; bytes no field covers go through the code page.
fn convert_record(rec: &[u8], fields: &[Field], table: &[u8; 256]) -> Result<Vec<u8>, String> {
    let mut out: Vec<u8> = rec.iter().map(|&b| table[b as usize]).collect();
    for f in fields {
        let Some(src) = rec.get(f.offset..f.offset + f.len) else {
            continue;
        };
        let dst = &mut out[f.offset..f.offset + f.len];
        match f.conv {
            Conv::Text => {}
            Conv::Keep => dst.copy_from_slice(src),
            Conv::Swap => {
                dst.copy_from_slice(src);
                dst.reverse();
            }
            Conv::Zoned {
                signed,
                leading,
                separate,
            } => zoned(src, dst, signed, leading, separate, table)
                .map_err(|e| format!("field {}: {e}", f.name))?,
        }
    }
    Ok(out)
}

/// EBCDIC zoned decimal to GnuCOBOL's: digits F0-F9 become '0'-'9'; an embedded sign (zone C/A/E/F
/// positive, D/B negative) becomes the plain digit when positive and 0x70+digit ('p'-'y') when
/// negative; a separate sign character goes through the code page ('+' or '-').
fn zoned(
    src: &[u8],
    dst: &mut [u8],
    signed: bool,
    leading: bool,
    separate: bool,
    table: &[u8; 256],
) -> Result<(), String> {
    let n = src.len();
    let sign_at = (signed && n > 0).then(|| if leading { 0 } else { n - 1 });
    for (i, (&b, d)) in src.iter().zip(dst.iter_mut()).enumerate() {
        if Some(i) == sign_at && separate {
            *d = table[b as usize];
            if *d != b'+' && *d != b'-' {
                return Err(format!("byte 0x{b:02X} is not a sign"));
            }
            continue;
        }
        let (zone, digit) = (b >> 4, b & 0x0F);
        if digit > 9 {
            return Err(format!("byte 0x{b:02X} is not a zoned digit"));
        }
        *d = match (Some(i) == sign_at, zone) {
            (_, 0xF) => 0x30 | digit,
            (true, 0xC | 0xA | 0xE) => 0x30 | digit,
            (true, 0xD | 0xB) => 0x70 | digit,
            _ => return Err(format!("byte 0x{b:02X} is not a zoned digit")),
        };
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(offset: usize, len: usize, conv: Conv) -> Field {
        Field {
            name: "F".into(),
            offset,
            len,
            conv,
        }
    }

    #[test]
    fn fields_are_converted_by_kind() {
        let table = crate::codepages::table("037").unwrap();
        // "SMITH", +123 zoned (trailing sign C), -45 zoned (D), packed +12345, binary 0x0102,
        // COMP-5 0x00000102 (big-endian on the mainframe), -7 with a leading separate sign.
        let rec: Vec<u8> = [
            &[0xE2, 0xD4, 0xC9, 0xE3, 0xC8][..],
            &[0xF1, 0xF2, 0xC3],
            &[0xF4, 0xD5],
            &[0x12, 0x34, 0x5C],
            &[0x01, 0x02],
            &[0x00, 0x00, 0x01, 0x02],
            &[0x60, 0xF0, 0xF7],
        ]
        .concat();
        let signed = |leading, separate| Conv::Zoned {
            signed: true,
            leading,
            separate,
        };
        let fields = vec![
            field(0, 5, Conv::Text),
            field(5, 3, signed(false, false)),
            field(8, 2, signed(false, false)),
            field(10, 3, Conv::Keep),
            field(13, 2, Conv::Keep),
            field(15, 4, Conv::Swap),
            field(19, 3, signed(true, true)),
        ];
        let out = convert_record(&rec, &fields, table).unwrap();
        let expected: Vec<u8> = [
            &b"SMITH"[..],
            b"123",
            b"4u",
            &[0x12, 0x34, 0x5C],
            &[0x01, 0x02],
            &[0x02, 0x01, 0x00, 0x00],
            b"-07",
        ]
        .concat();
        assert_eq!(out, expected);
    }

    #[test]
    fn bad_zoned_bytes_are_reported_with_the_field() {
        let table = crate::codepages::table("037").unwrap();
        let err = convert_record(
            &[0xF1, 0x40],
            &[field(
                0,
                2,
                Conv::Zoned {
                    signed: false,
                    leading: false,
                    separate: false,
                },
            )],
            table,
        )
        .unwrap_err();
        assert!(err.contains("field F") && err.contains("0x40"), "{err}");
    }

    #[test]
    fn code_pages_differ_where_they_should() {
        let (a, b, e) = (
            crate::codepages::table("cp037").unwrap(),
            crate::codepages::table("500").unwrap(),
            crate::codepages::table("IBM-1140").unwrap(),
        );
        assert_eq!(a[0xC1], b'A');
        assert_eq!(a[0x4A], 0xA2); // cent sign in 037
        assert_eq!(b[0x4A], b'['); // '[' in 500
        assert_eq!(a[0x9F], 0xA4); // currency sign in 037
        assert_eq!(e[0x9F], 0xA4); // the euro sign, at its ISO-8859-15 position
        assert!(crate::codepages::table("1047").is_none());
    }
}
