//! Data-driven AST snapshots: every `tests/fixtures/*.cbl` (preprocessed, free-form text) is parsed and
//! its AST and errors are compared with `tests/snapshots/fixtures__<name>.snap`.
//! Update with `cargo insta review` (or `INSTA_UPDATE=always cargo test -p ferry-syntax`).

#[test]
fn fixtures() {
    insta::glob!("fixtures/*.cbl", |path| {
        let text = std::fs::read_to_string(path).expect("read fixture");
        let parsed = ferry_syntax::parse(&text);
        insta::assert_yaml_snapshot!(parsed);
    });
}
