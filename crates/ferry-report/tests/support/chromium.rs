//! Checks ferry's self-contained HTML pages in a real headless Chromium.
//!
//! Shared by `ferry-report/tests/browser.rs` and `ferry-cli/tests/browser.rs` (the latter includes
//! this file with `#[path]`). It speaks the DevTools protocol over `--remote-debugging-pipe`: one
//! Unix socket handed to Chromium as fds 3 and 4, NUL-terminated JSON messages, no extra crates.
//!
//! Chromium is `$FERRY_CHROMIUM`, else the first of `chromium`, `chromium-browser`, `google-chrome`
//! on `PATH`. Without one, [`browser_or_skip`] prints a note and the test returns, unless
//! `FERRY_REQUIRE_BROWSER=1` (set by CI): then the test fails.
//!
//! [`Browser::open`] loads a page with the network emulated offline and a fixed 1280x900 viewport.
//! [`Browser::problems`] then lists, one readable line each:
//! - uncaught exceptions, `console.error`/`console.warn`/`console.assert`, browser log errors and
//!   warnings (failed loads, CSP, ...), seen at any time since the page was opened;
//! - every request other than the page file itself (`data:` excepted);
//! - every URL-bearing attribute (`src`, `href` of non-links, `srcset`, `data`, `action`, ...) and
//!   every CSS `url()`/`@import` that points outside the page;
//! - every `<a href>` that is not `#id`, has no element with that id, or does not land on its
//!   target when clicked; duplicate ids.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::os::unix::io::AsRawFd;
use std::os::unix::net::UnixStream;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// Longest wait for any one protocol answer or page load.
const TIMEOUT: Duration = Duration::from_secs(30);

/// Viewport used for every page.
pub const WIDTH: f64 = 1280.0;
pub const HEIGHT: f64 = 900.0;

/// The Chromium executable to use, if any.
pub fn find_chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("FERRY_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
        .find(|p| p.is_file())
}

/// A launched browser, or `None` after printing why the test is skipped. Panics when no browser
/// is found and `FERRY_REQUIRE_BROWSER=1`, or when one is found but does not start.
pub fn browser_or_skip(what: &str) -> Option<Browser> {
    let Some(exe) = find_chromium() else {
        if std::env::var("FERRY_REQUIRE_BROWSER").as_deref() == Ok("1") {
            panic!(
                "FERRY_REQUIRE_BROWSER=1 but chromium was not found on PATH \
                 (apt-get install chromium, or set FERRY_CHROMIUM)"
            );
        }
        println!("skipped: {what}: chromium not found (apt-get install chromium)");
        return None;
    };
    match Browser::launch(&exe) {
        Ok(b) => Some(b),
        Err(e) => panic!("{e}"),
    }
}

/// `file://` URL of a local file.
pub fn file_url(path: &Path) -> String {
    let abs = path.canonicalize().expect("page exists");
    let mut url = String::from("file://");
    for b in abs.to_str().expect("UTF-8 path").bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                url.push(b as char)
            }
            _ => url.push_str(&format!("%{b:02X}")),
        }
    }
    url
}

mod sys {
    // From the C library std already links: no extra crate for four calls.
    extern "C" {
        pub fn fcntl(fd: i32, cmd: i32, ...) -> i32;
        pub fn dup2(old: i32, new: i32) -> i32;
        pub fn close(fd: i32) -> i32;
        pub fn kill(pid: i32, sig: i32) -> i32;
    }
    /// POSIX `F_DUPFD` (0 on Linux and the BSDs): duplicate to the lowest fd >= arg, no CLOEXEC.
    pub const F_DUPFD: i32 = 0;
    pub const SIGKILL: i32 = 9;
}

/// A headless Chromium driven over the DevTools pipe; one page (tab) at a time.
pub struct Browser {
    child: Child,
    pipe: UnixStream,
    rx: Receiver<Value>,
    next_id: u64,
    /// Session of the current page.
    session: Option<String>,
    target: Option<String>,
    /// URL of the current page without its fragment.
    page: String,
    /// Events of the current page's session, in arrival order.
    events: Vec<Value>,
    /// Holds the profile and Chromium's stderr log; removed on drop.
    dir: tempfile::TempDir,
}

impl Browser {
    /// Starts Chromium with a fresh profile in a temp dir.
    pub fn launch(exe: &Path) -> Result<Browser, String> {
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        let log =
            std::fs::File::create(dir.path().join("stderr.log")).map_err(|e| e.to_string())?;
        let (ours, theirs) = UnixStream::pair().map_err(|e| e.to_string())?;
        let fd = theirs.as_raw_fd();
        let mut cmd = Command::new(exe);
        cmd.args([
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-extensions",
            "--no-first-run",
            "--no-default-browser-check",
            // Belt and braces: even a request that slipped past the offline emulation resolves nowhere.
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--remote-debugging-pipe",
        ])
        .arg(format!(
            "--user-data-dir={}",
            dir.path().join("profile").display()
        ))
        .arg("about:blank")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log)
        .process_group(0);
        // SAFETY: between fork and exec only async-signal-safe calls (fcntl, dup2, close) on fds
        // this process owns. The socket goes to a fd >= 10 first so that the dup2 onto 3 and 4
        // never aliases it; dup2's copies are not close-on-exec, so Chromium inherits them.
        unsafe {
            cmd.pre_exec(move || {
                let high = sys::fcntl(fd, sys::F_DUPFD, 10);
                if high < 0 || sys::dup2(high, 3) < 0 || sys::dup2(high, 4) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                sys::close(high);
                Ok(())
            });
        }
        let child = cmd
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", exe.display()))?;
        drop(theirs);
        let mut reader = ours.try_clone().map_err(|e| e.to_string())?;
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let mut chunk = vec![0u8; 1 << 16];
            loop {
                let n = match reader.read(&mut chunk) {
                    Ok(0) | Err(_) => return,
                    Ok(n) => n,
                };
                buf.extend_from_slice(&chunk[..n]);
                while let Some(end) = buf.iter().position(|&b| b == 0) {
                    let msg: Vec<u8> = buf.drain(..=end).collect();
                    if let Ok(v) = serde_json::from_slice::<Value>(&msg[..end]) {
                        if tx.send(v).is_err() {
                            return;
                        }
                    }
                }
            }
        });
        let mut b = Browser {
            child,
            pipe: ours,
            rx,
            next_id: 0,
            session: None,
            target: None,
            page: String::new(),
            events: Vec::new(),
            dir,
        };
        b.call_browser("Browser.getVersion", json!({}))
            .map_err(|e| format!("chromium {} did not start: {e}", exe.display()))?;
        Ok(b)
    }

    /// The last lines Chromium wrote to stderr (for failure messages).
    pub fn stderr_tail(&self) -> String {
        let text = std::fs::read_to_string(self.dir.path().join("stderr.log")).unwrap_or_default();
        let lines: Vec<&str> = text.lines().filter(|l| !l.contains("dbus")).collect();
        lines[lines.len().saturating_sub(15)..].join("\n")
    }

    fn send(&mut self, method: &str, params: Value, session: Option<&str>) -> Result<u64, String> {
        self.next_id += 1;
        let mut msg = json!({ "id": self.next_id, "method": method, "params": params });
        if let Some(s) = session {
            msg["sessionId"] = json!(s);
        }
        let mut bytes = serde_json::to_vec(&msg).map_err(|e| e.to_string())?;
        bytes.push(0);
        self.pipe
            .write_all(&bytes)
            .map_err(|e| format!("{method}: writing to chromium: {e}"))?;
        Ok(self.next_id)
    }

    /// Receives one message (stashing events of the current page); `None` on timeout.
    fn pump(&mut self, deadline: Instant) -> Result<Option<Value>, String> {
        let wait = deadline.saturating_duration_since(Instant::now());
        match self.rx.recv_timeout(wait) {
            Ok(msg) => {
                let session = msg["sessionId"].as_str();
                if msg.get("method").is_some()
                    && session.is_some()
                    && session == self.session.as_deref()
                {
                    self.events.push(msg.clone());
                }
                Ok(Some(msg))
            }
            Err(RecvTimeoutError::Timeout) => Ok(None),
            Err(RecvTimeoutError::Disconnected) => Err(format!(
                "chromium closed the DevTools pipe (crashed?)\n{}",
                self.stderr_tail()
            )),
        }
    }

    fn call_in(
        &mut self,
        method: &str,
        params: Value,
        session: Option<String>,
    ) -> Result<Value, String> {
        let id = self.send(method, params, session.as_deref())?;
        let deadline = Instant::now() + TIMEOUT;
        loop {
            match self.pump(deadline)? {
                None => return Err(format!("{method}: no answer from chromium in {TIMEOUT:?}")),
                Some(msg) if msg["id"].as_u64() == Some(id) => {
                    if let Some(err) = msg.get("error") {
                        return Err(format!("{method}: {err}"));
                    }
                    return Ok(msg["result"].clone());
                }
                Some(_) => {}
            }
        }
    }

    fn call_browser(&mut self, method: &str, params: Value) -> Result<Value, String> {
        self.call_in(method, params, None)
    }

    /// A protocol call in the current page's session.
    pub fn call(&mut self, method: &str, params: Value) -> Result<Value, String> {
        let session = self.session.clone().ok_or("no page open")?;
        self.call_in(method, params, Some(session))
    }

    /// Waits for an event of the current page matching `pred` (also among those already seen).
    pub fn wait_event(&mut self, pred: impl Fn(&Value) -> bool) -> Result<Value, String> {
        if let Some(e) = self.events.iter().find(|e| pred(e)) {
            return Ok(e.clone());
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let seen = self.events.len();
            if self.pump(deadline)?.is_none() {
                return Err(format!("event not seen in {TIMEOUT:?}"));
            }
            if let Some(e) = self.events[seen..].iter().find(|e| pred(e)) {
                return Ok(e.clone());
            }
        }
    }

    /// Opens `url` in a fresh tab (closing the previous one), offline, and waits until it has
    /// loaded and painted. Problems are collected from here on.
    pub fn open(&mut self, url: &str) -> Result<(), String> {
        if let Some(t) = self.target.take() {
            self.call_browser("Target.closeTarget", json!({ "targetId": t }))?;
        }
        self.session = None;
        self.events.clear();
        self.page = url.split('#').next().unwrap_or(url).to_string();
        let t = self.call_browser("Target.createTarget", json!({ "url": "about:blank" }))?;
        let target = t["targetId"].as_str().ok_or("no targetId")?.to_string();
        let a = self.call_browser(
            "Target.attachToTarget",
            json!({ "targetId": target, "flatten": true }),
        )?;
        self.target = Some(target);
        self.session = Some(a["sessionId"].as_str().ok_or("no sessionId")?.to_string());
        for domain in ["Runtime", "Log", "Network", "Page"] {
            self.call(&format!("{domain}.enable"), json!({}))?;
        }
        // Offline, as a reader of a mailed report would be. Tolerated if a future Chromium drops
        // the call: any request at all is reported as a problem anyway.
        let _ = self.call(
            "Network.emulateNetworkConditions",
            json!({ "offline": true, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1 }),
        );
        self.call(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": false }),
        )?;
        let nav = self.call("Page.navigate", json!({ "url": url }))?;
        if let Some(err) = nav["errorText"].as_str() {
            return Err(format!("loading {url}: {err}"));
        }
        self.wait_event(|e| e["method"] == "Page.loadEventFired")
            .map_err(|e| format!("loading {url}: {e}"))?;
        self.settle()
    }

    /// Lets pending timers, events and two animation frames run (at most 250 ms).
    pub fn settle(&mut self) -> Result<(), String> {
        self.eval(
            "new Promise(r => { setTimeout(r, 250); \
             requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 20))); })",
        )
        .map(|_| ())
    }

    /// Evaluates `expr` in the page (awaiting a promise) and returns its value as JSON.
    /// An exception in `expr` itself is an `Err`.
    pub fn eval(&mut self, expr: &str) -> Result<Value, String> {
        let r = self.call(
            "Runtime.evaluate",
            json!({ "expression": expr, "awaitPromise": true, "returnByValue": true }),
        )?;
        if let Some(ex) = r.get("exceptionDetails") {
            let what = ex["exception"]["description"]
                .as_str()
                .or(ex["text"].as_str())
                .unwrap_or("exception");
            return Err(format!("evaluating `{expr}`: {what}"));
        }
        Ok(r["result"]["value"].clone())
    }

    fn mouse(&mut self, kind: &str, x: f64, y: f64, buttons: u32) -> Result<(), String> {
        let button = if buttons == 0 && kind == "mouseMoved" {
            "none"
        } else {
            "left"
        };
        self.call(
            "Input.dispatchMouseEvent",
            json!({ "type": kind, "x": x, "y": y, "button": button, "buttons": buttons, "clickCount": 1 }),
        )
        .map(|_| ())
    }

    /// A real left click at viewport coordinates (move, press, release).
    pub fn click(&mut self, x: f64, y: f64) -> Result<(), String> {
        self.mouse("mouseMoved", x, y, 0)?;
        self.mouse("mousePressed", x, y, 1)?;
        self.mouse("mouseReleased", x, y, 0)?;
        self.settle()
    }

    /// Presses the left button at `from`, moves to `to` in steps, releases.
    pub fn drag(&mut self, from: (f64, f64), to: (f64, f64)) -> Result<(), String> {
        self.mouse("mouseMoved", from.0, from.1, 0)?;
        self.mouse("mousePressed", from.0, from.1, 1)?;
        for i in 1..=5 {
            let f = f64::from(i) / 5.0;
            let (x, y) = (from.0 + (to.0 - from.0) * f, from.1 + (to.1 - from.1) * f);
            self.mouse("mouseMoved", x, y, 1)?;
        }
        self.mouse("mouseReleased", to.0, to.1, 0)?;
        self.settle()
    }

    /// A mouse wheel turn at `(x, y)` (negative `delta_y` = away from the user = zoom in).
    pub fn wheel(&mut self, x: f64, y: f64, delta_y: f64) -> Result<(), String> {
        self.call(
            "Input.dispatchMouseEvent",
            json!({ "type": "mouseWheel", "x": x, "y": y, "deltaX": 0, "deltaY": delta_y }),
        )?;
        self.settle()
    }

    /// Types text into the focused element (fires `input` events like a user typing).
    pub fn type_text(&mut self, text: &str) -> Result<(), String> {
        self.call("Input.insertText", json!({ "text": text }))?;
        self.settle()
    }

    /// Presses and releases one key: `Enter`, `Escape` or a printable character such as `/`.
    pub fn press(&mut self, key: &str) -> Result<(), String> {
        let (code, vk, text) = match key {
            "Enter" => ("Enter".to_string(), 13, "\r".to_string()),
            "Escape" => ("Escape".to_string(), 27, String::new()),
            "/" => ("Slash".to_string(), 191, "/".to_string()),
            k if k.len() == 1 && k.as_bytes()[0].is_ascii_alphanumeric() => {
                let c = k.as_bytes()[0].to_ascii_uppercase();
                let code = if c.is_ascii_digit() {
                    format!("Digit{}", c as char)
                } else {
                    format!("Key{}", c as char)
                };
                (code, u32::from(c), k.to_string())
            }
            other => return Err(format!("press: unsupported key {other:?}")),
        };
        let mut down =
            json!({ "type": "keyDown", "key": key, "code": code, "windowsVirtualKeyCode": vk });
        if !text.is_empty() {
            down["text"] = json!(text);
        }
        self.call("Input.dispatchKeyEvent", down)?;
        self.call(
            "Input.dispatchKeyEvent",
            json!({ "type": "keyUp", "key": key, "code": code, "windowsVirtualKeyCode": vk }),
        )?;
        self.settle()
    }

    /// Centre of the first element matching the CSS `selector`, in viewport coordinates.
    pub fn center_of(&mut self, selector: &str) -> Result<(f64, f64), String> {
        let sel = serde_json::to_string(selector).unwrap();
        let v = self.eval(&format!(
            "(() => {{ const e = document.querySelector({sel}); if (!e) return null; \
             const r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; }})()"
        ))?;
        match (v[0].as_f64(), v[1].as_f64()) {
            (Some(x), Some(y)) => Ok((x, y)),
            _ => Err(format!("no element matches {selector}")),
        }
    }

    /// Renders the page as a PDF (print media, fires `beforeprint`); returns the PDF's size.
    pub fn print_to_pdf(&mut self) -> Result<usize, String> {
        let r = self.call("Page.printToPDF", json!({}))?;
        let data = r["data"].as_str().unwrap_or("");
        // base64 of "%PDF-"
        if !data.starts_with("JVBERi0") {
            return Err("printToPDF did not return a PDF".to_string());
        }
        Ok(data.len() / 4 * 3)
    }

    /// Everything wrong with the current page so far (see the module docs); empty when clean.
    pub fn problems(&mut self) -> Result<Vec<String>, String> {
        self.settle()?;
        // The DOM check clicks links first, so that errors their handlers raise are seen below.
        let dom: Vec<String> =
            serde_json::from_value(self.eval(DOM_CHECK)?).map_err(|e| e.to_string())?;
        self.settle()?;
        let mut out = self.event_problems();
        out.extend(dom);
        Ok(out)
    }

    /// Number of `<a href>` links on the page (after [`Browser::problems`] clicked through them).
    pub fn link_count(&mut self) -> Result<usize, String> {
        let v = self.eval("document.querySelectorAll('a[href], area[href]').length")?;
        Ok(v.as_u64().unwrap_or(0) as usize)
    }

    /// Problems seen in protocol events: exceptions, console, browser log, requests.
    fn event_problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        for e in &self.events {
            let p = &e["params"];
            match e["method"].as_str().unwrap_or("") {
                "Runtime.exceptionThrown" => {
                    let d = &p["exceptionDetails"];
                    let what = d["exception"]["description"]
                        .as_str()
                        .or(d["text"].as_str())
                        .unwrap_or("?");
                    out.push(format!(
                        "uncaught exception: {what} ({}:{})",
                        d["url"].as_str().unwrap_or(""),
                        d["lineNumber"]
                    ));
                }
                "Runtime.consoleAPICalled" => {
                    let kind = p["type"].as_str().unwrap_or("");
                    if matches!(kind, "error" | "warning" | "assert") {
                        let args: Vec<String> = p["args"]
                            .as_array()
                            .into_iter()
                            .flatten()
                            .map(|a| match (&a["value"], a["description"].as_str()) {
                                (Value::String(s), _) => s.clone(),
                                (Value::Null, Some(d)) => d.to_string(),
                                (v, _) => v.to_string(),
                            })
                            .collect();
                        out.push(format!("console.{kind}: {}", args.join(" ")));
                    }
                }
                "Log.entryAdded" => {
                    let entry = &p["entry"];
                    let level = entry["level"].as_str().unwrap_or("");
                    if matches!(level, "error" | "warning") {
                        out.push(format!(
                            "browser log ({} {level}): {} {}",
                            entry["source"].as_str().unwrap_or(""),
                            entry["text"].as_str().unwrap_or(""),
                            entry["url"].as_str().unwrap_or("")
                        ));
                    }
                }
                "Network.requestWillBeSent" => {
                    let url = p["request"]["url"].as_str().unwrap_or("");
                    let bare = url.split('#').next().unwrap_or(url);
                    if bare != self.page && !url.starts_with("data:") {
                        out.push(format!("request to {url}: the page must load nothing"));
                    }
                }
                _ => {}
            }
        }
        out
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.send("Browser.close", json!({}), None);
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        // Whatever is left of its process group (renderers, zygotes) goes too.
        let pgid = self.child.id() as i32;
        // SAFETY: kill(2) on the process group we created for this browser; no memory involved.
        unsafe {
            sys::kill(-pgid, sys::SIGKILL);
        }
        let _ = self.child.wait();
    }
}

/// In-page check of references and links; returns a list of problems. Links are followed by
/// clicking them.
const DOM_CHECK: &str = r#"(() => {
  const out = [];
  const here = location.href.split('#')[0];
  const outside = (v) => {
    v = v.trim();
    if (v === '' || v.startsWith('#')) return false;
    let u;
    try { u = new URL(v, document.baseURI); } catch (e) { return true; }
    if (['data:', 'about:', 'blob:', 'javascript:'].includes(u.protocol)) return false;
    return u.href.split('#')[0] !== here;
  };
  const cssUrls = (text, where) => {
    for (const m of text.matchAll(/url\(\s*(['"]?)(.*?)\1\s*\)/g)) {
      if (outside(m[2])) out.push(`${where} loads ${m[2]}`);
    }
  };
  const ATTRS = ['src', 'href', 'xlink:href', 'srcset', 'imagesrcset', 'poster', 'data', 'action',
    'formaction', 'background', 'ping', 'manifest', 'codebase', 'archive', 'longdesc', 'cite', 'icon'];
  for (const el of document.querySelectorAll('*')) {
    const isLink = (el.localName === 'a' || el.localName === 'area') && el.namespaceURI === 'http://www.w3.org/1999/xhtml';
    for (const name of ATTRS) {
      if (isLink && name === 'href') continue;
      const v = el.getAttribute(name);
      if (v === null) continue;
      const values = /srcset$/.test(name) ? v.split(',').map(s => s.trim().split(/\s+/)[0]) : [v];
      if (values.some(outside)) out.push(`<${el.localName} ${name}="${v}"> points outside the page`);
    }
    const st = el.getAttribute('style');
    if (st) cssUrls(st, `style attribute of <${el.localName}>`);
  }
  const walk = (rules, where) => {
    for (const r of rules) {
      if (r instanceof CSSImportRule) out.push(`${where}: @import ${r.href}`);
      cssUrls(r.cssText, where);
      if (r.cssRules) walk(r.cssRules, where);
    }
  };
  for (const sheet of document.styleSheets) {
    const where = sheet.href ? `stylesheet ${sheet.href}` : 'inline <style>';
    if (sheet.href && outside(sheet.href)) out.push(`external stylesheet ${sheet.href}`);
    let rules;
    try { rules = sheet.cssRules; } catch (e) { out.push(`unreadable ${where}`); continue; }
    walk(rules, where);
  }
  const seen = new Set();
  for (const e of document.querySelectorAll('[id]')) {
    if (seen.has(e.id)) out.push(`duplicate id "${e.id}"`);
    seen.add(e.id);
  }
  const start = location.hash;
  for (const a of document.querySelectorAll('a[href], area[href]')) {
    const href = a.getAttribute('href');
    const label = `link "${href}" ("${a.textContent.trim().slice(0, 40)}")`;
    if (!href.startsWith('#') || href.length < 2) { out.push(`${label} is not an internal #anchor`); continue; }
    const id = decodeURIComponent(href.slice(1));
    const t = document.getElementById(id);
    if (!t) { out.push(`${label} has no target`); continue; }
    a.click();
    if (decodeURIComponent(location.hash.slice(1)) !== id) out.push(`${label}: clicking it did not navigate (hash is "${location.hash}")`);
    else if (document.querySelector(':target') !== t) out.push(`${label}: clicking it did not make #${id} the target`);
    else if (t.getClientRects().length === 0) out.push(`${label}: its target is not rendered`);
  }
  if (location.hash !== start) history.replaceState(null, '', start || here);
  return out;
})()"#;
