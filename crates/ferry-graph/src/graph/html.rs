//! A self-contained, offline HTML view of the graph: the JSON document embedded in the page and a small
//! hand-written script (`view.js`) drawing an SVG layered layout with pan, zoom, search, kind filters
//! and a details panel. No external scripts, fonts or styles.

use super::Graph;

const STYLE: &str = include_str!("view.css");
const SCRIPT: &str = include_str!("view.js");

/// Escapes JSON for an inline `<script type="application/json">`: `<`, `>` and `&` become `\u` escapes
/// (valid JSON, and the script element cannot be closed early).
fn script_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

impl Graph {
    /// A single HTML page showing the graph (works from a `file://` URL, no network).
    pub fn to_html(&self) -> String {
        self.to_html_titled("ferry estate graph")
    }

    /// [`Graph::to_html`] with a page title. `#ID` in the URL selects a node (`view.html#program:PAYROLL`).
    pub fn to_html_titled(&self, title: &str) -> String {
        let json = super::export::json_or_error(serde_json::to_string(&self.to_document()));
        let title = title
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        format!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n\
<header><h1>{title}</h1><input id=\"search\" type=\"search\" placeholder=\"Search nodes (name or id)\" autocomplete=\"off\"><span id=\"filters\"></span><span id=\"stats\"></span></header>\n\
<main><svg id=\"canvas\" xmlns=\"http://www.w3.org/2000/svg\"><g id=\"viewport\"></g></svg><aside id=\"details\"><p class=\"hint\">Click a node for details. Drag to pan, wheel to zoom, / to search.</p></aside></main>\n\
<script type=\"application/json\" id=\"ferry-graph-data\">{}</script>\n<script>\n{SCRIPT}</script>\n</body>\n</html>\n",
            script_safe(&json)
        )
    }
}
