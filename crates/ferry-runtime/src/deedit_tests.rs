//! De-editing (MOVE numeric-edited TO numeric), checked against cobc 3.1.2.
use crate::dec::Dec;
use crate::edit::EditField;

/// MOVE v TO E, MOVE E TO B (S9(7)V99): (picture, value, edited bytes, B as a string).
#[test]
fn sign_of_edited_round_trip() {
    // cobc 3.1.2: DB never de-edits negative, CR and '-' do; '+' positions showing '-' do.
    let cases: &[(&str, &str, &str, &str)] = &[
        ("ZZZ,ZZ9.99DB", "-12.34", "     12.34DB", "12.34"),
        ("ZZZ,ZZ9.99DB", "12.34", "     12.34  ", "12.34"),
        ("ZZZ,ZZ9.99CR", "-12.34", "     12.34CR", "-12.34"),
        ("$ZZZ,ZZ9.99DB", "-1234.56", "$  1,234.56DB", "1234.56"),
        ("$$$,$$9.99DB", "-0.01", "     $0.01DB", "0.01"),
        ("$**,**9.99DB", "-12.34", "$****12.34DB", "12.34"),
        ("99.99DB", "-12.34", "12.34DB", "12.34"),
        ("99.99CR", "-12.34", "12.34CR", "-12.34"),
        ("----,--9.99", "-100", "    -100.00", "-100.00"),
        ("----,--9.99", "-1234.56", "  -1,234.56", "-1234.56"),
        ("++++,++9.99", "-12.34", "     -12.34", "-12.34"),
        ("ZZZ,ZZ9.99+", "-12.34", "     12.34-", "-12.34"),
        ("ZZZ,ZZ9.99+", "12.34", "     12.34+", "12.34"),
        ("+ZZZ,ZZ9.99", "-12.34", "-     12.34", "-12.34"),
        ("-ZZZ,ZZ9.99", "-0.01", "-      0.01", "-0.01"),
        ("9(4).99+", "-1234.56", "1234.56-", "-1234.56"),
        ("ZZZ,ZZ9.99-", "0", "      0.00 ", "0.00"),
    ];
    let mut m = vec![0u8; 32];
    for &(pic, v, shown, back) in cases {
        let f = EditField::new(0, pic);
        f.set(&mut m, &Dec::parse(v));
        assert_eq!(String::from_utf8_lossy(&m[..f.len]), shown, "{pic} {v}");
        assert_eq!(f.get(&m).to_string(), back, "{pic} {v}");
    }
}

/// Raw bytes REDEFINEd over the edited item, then MOVE E TO B (cobc 3.1.2).
#[test]
fn de_edit_reads_the_bytes() {
    let cases: &[(&str, &str, &str)] = &[
        ("9(3)0B0", "2340 0", "23400"),
        ("99/99/99", "12/34/56", "123456"),
        ("ZZZ9.99", "  1-2.0", "-12.0"),
        ("ZZZ9.99", "12C4.00", "-124.00"),
        ("ZZZ9.99", "1234.5X", "1234.5"),
        ("ZZZ9.99", "12.3456", "12.3456"),
        ("ZZZ9.99", "1,2.345", "12.345"),
        ("$ZZ9.99", "9123.45", "9123.45"),
        ("ZZ9.99CR", " 12.34C ", "-12.34"),
        ("ZZ9.99CR", " 12.34 R", "12.34"),
        ("ZZ9.99CR", " 12.34cr", "12.34"),
        ("ZZ9.99DB", " 12.34CR", "-12.34"),
        ("ZZ9.99-", " 12.34+", "12.34"),
        ("ZZZ9.99", "AB12.34", "12.34"),
        ("ZZZ9.99", "12 4.56", "124.56"),
        ("ZZZ9.99", "1234,56", "123456"),
        ("ZZ9.99", "123456", "123456"),
        ("ZZZ9V99", "123456", "1234.56"),
        ("ZZZ9V99", "12.345", "12.345"),
        ("ZZ9V99-", "12345-", "-123.45"),
        ("Z9V99-", "1234 ", "12.34"),
        ("ZZZ9-", "   0-", "0"),
        ("ZZ9.99CR", "  0.00CR", "0.00"),
    ];
    for &(pic, raw, want) in cases {
        let f = EditField::new(0, pic);
        let mut m = vec![b' '; f.len];
        m[..raw.len().min(f.len)].copy_from_slice(&raw.as_bytes()[..raw.len().min(f.len)]);
        assert_eq!(
            f.get(&m).cmp_value(&Dec::parse(want)),
            std::cmp::Ordering::Equal,
            "{pic} {raw:?}"
        );
    }
}

/// DECIMAL-POINT IS COMMA: ',' is the decimal point, '.' is skipped.
#[test]
fn de_edit_with_decimal_comma() {
    let f = EditField::with_options(0, "ZZZ.ZZ9,99-", true, b'$');
    let mut m = vec![0u8; 16];
    f.set(&mut m, &Dec::parse("-1234.5"));
    assert_eq!(&m[..f.len], b"  1.234,50-");
    assert_eq!(f.get(&m).to_string(), "-1234.50");
}

/// Edited -> edited MOVE goes through the de-edited value (cobc 3.1.2: -12.34 in
/// ZZ9.99DB moved to ZZ9.99- gives " 12.34 ", from ZZ9.99CR gives " 12.34-").
#[test]
fn edited_to_edited_keeps_cobc_sign() {
    use crate::mov::{move_field, Field};
    let e = EditField::new(0, "ZZ9.99DB");
    let c = EditField::new(8, "ZZ9.99CR");
    let f = EditField::new(16, "ZZ9.99-");
    let mut m = vec![0u8; 24];
    e.set(&mut m, &Dec::parse("-12.34"));
    c.set(&mut m, &Dec::parse("-12.34"));
    move_field(&mut m, Field::Edit(e), Field::Edit(f));
    assert_eq!(&m[16..23], b" 12.34 ");
    move_field(&mut m, Field::Edit(c), Field::Edit(f));
    assert_eq!(&m[16..23], b" 12.34-");
}
