//! The openai and anthropic agents against a local server on 127.0.0.1 that speaks each API's shape:
//! wrong answer then retry with the diff, rate limits, malformed answers, the cache, key redaction,
//! exhausted attempts, the prompt budget and the concurrency bound.

mod common;

use std::time::{Duration, Instant};

use common::*;
use ferry_agents::{run_wave, AgentConfig, AgentSpec, Client, Mode, Prompts, UnitOutcome};
use serde_json::{json, Value};
use wiremock::matchers::{body_string_contains, header, method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

#[derive(Clone, Copy, Debug)]
enum Api {
    OpenAi,
    Anthropic,
}

impl Api {
    fn spec(self) -> AgentSpec {
        match self {
            Api::OpenAi => "openai:gpt-test".parse().unwrap(),
            Api::Anthropic => "anthropic:claude-test".parse().unwrap(),
        }
    }

    fn path(self) -> &'static str {
        match self {
            Api::OpenAi => "/chat/completions",
            Api::Anthropic => "/v1/messages",
        }
    }

    /// A successful response with `text`, 100 tokens in and 20 out.
    fn ok(self, text: &str) -> ResponseTemplate {
        let body = match self {
            Api::OpenAi => json!({
                "id": "chatcmpl-1",
                "object": "chat.completion",
                "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
                "usage": {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120}
            }),
            Api::Anthropic => json!({
                "id": "msg_1",
                "type": "message",
                "role": "assistant",
                "content": [{"type": "text", "text": text}],
                "stop_reason": "end_turn",
                "usage": {"input_tokens": 100, "output_tokens": 20}
            }),
        };
        ResponseTemplate::new(200).set_body_json(body)
    }

    /// The user prompt of a request this API received.
    fn user_text(self, r: &Request) -> String {
        let v: Value = serde_json::from_slice(&r.body).unwrap();
        let i = match self {
            Api::OpenAi => 1,
            Api::Anthropic => 0,
        };
        v["messages"][i]["content"].as_str().unwrap().to_string()
    }
}

/// A mock server, the tokio runtime that serves it, a temp dir, a config with a fresh key.
struct Fixture {
    rt: tokio::runtime::Runtime,
    server: MockServer,
    dir: tempfile::TempDir,
    cfg: AgentConfig,
    key: String,
    api: Api,
}

impl Fixture {
    fn new(api: Api) -> Fixture {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let server = rt.block_on(MockServer::start());
        let dir = tempfile::tempdir().unwrap();
        let (var, key) = key_in_env();
        let mut cfg = config(api.spec(), Mode::Translate, dir.path());
        cfg.endpoint = Some(server.uri());
        cfg.key_env = Some(var);
        Fixture {
            rt,
            server,
            dir,
            cfg,
            key,
            api,
        }
    }

    /// A mock of this API's endpoint that insists on the key headers.
    fn mock(&self) -> wiremock::MockBuilder {
        let m = Mock::given(method("POST")).and(path(self.api.path()));
        match self.api {
            Api::OpenAi => m.and(header(
                "authorization",
                format!("Bearer {}", self.key).as_str(),
            )),
            Api::Anthropic => m
                .and(header("x-api-key", self.key.as_str()))
                .and(header("anthropic-version", "2023-06-01")),
        }
    }

    fn mount(&self, mock: Mock) {
        self.rt.block_on(mock.mount(&self.server));
    }

    fn requests(&self) -> Vec<Request> {
        self.rt
            .block_on(self.server.received_requests())
            .unwrap_or_default()
    }

    fn run(&self, units: Vec<ferry_agents::UnitContext>) -> (Vec<UnitOutcome>, Vec<String>) {
        let client = Client::new(&self.cfg).unwrap();
        let prompts = Prompts::load(None).unwrap();
        let mut calls = Vec::new();
        let outcomes = run_wave(&client, &prompts, &self.cfg, units, &mut check(&mut calls));
        (outcomes, calls)
    }
}

macro_rules! for_both_apis {
    ($name:ident) => {
        mod $name {
            #[test]
            fn openai() {
                super::$name(super::Api::OpenAi);
            }
            #[test]
            fn anthropic() {
                super::$name(super::Api::Anthropic);
            }
        }
    };
}

fn wrong_answer_then_retry_with_the_diff(api: Api) {
    let f = Fixture::new(api);
    // The retry (which carries the diff) gets the right code; anything else the wrong one.
    f.mount(
        f.mock()
            .and(body_string_contains("-expected TOTAL 42"))
            .respond_with(api.ok(&answer(&right_lib())))
            .with_priority(1),
    );
    f.mount(
        f.mock()
            .respond_with(api.ok(&answer(&wrong_lib())))
            .with_priority(10),
    );
    let (outcomes, calls) = f.run(vec![unit("PAY")]);
    let o = &outcomes[0];
    assert_eq!(o.failure, None);
    assert_eq!(o.accepted.as_ref().unwrap()["src/lib.rs"], right_lib());
    assert_eq!(o.attempts, 2);
    assert_eq!(calls, vec!["PAY", "PAY"]);
    assert_eq!((o.tokens_in, o.tokens_out), (200, 40));
    assert!((o.cost.unwrap() - (200.0 * 3.0 + 40.0 * 15.0) / 1e6).abs() < 1e-12);
    assert_eq!(o.prompt_sha256.len(), 2);
    assert_ne!(o.prompt_sha256[0], o.prompt_sha256[1]);
    assert_eq!(o.response_sha256.len(), 2);
    assert_eq!(o.cache_hits, 0);
    assert_eq!(
        o.transcripts,
        vec![
            f.cfg.transcript_dir.join("PAY/attempt-1.md"),
            f.cfg.transcript_dir.join("PAY/attempt-2.md")
        ]
    );
    let t2 = std::fs::read_to_string(&o.transcripts[1]).unwrap();
    assert!(
        t2.contains("-expected TOTAL 42") && t2.contains("RIGHT"),
        "{t2}"
    );

    let reqs = f.requests();
    assert_eq!(reqs.len(), 2);
    let first = api.user_text(&reqs[0]);
    let second = api.user_text(&reqs[1]);
    assert!(first.contains("pay.cbl:2        PROGRAM-ID. PAY."));
    assert!(!first.contains("TOTAL 41"));
    assert!(
        second.contains("-expected TOTAL 42\n+got      TOTAL 41"),
        "{second}"
    );
    assert!(
        second.contains("1 // WRONG"),
        "the previous answer is shown: {second}"
    );
    // The request shapes.
    let body: Value = serde_json::from_slice(&reqs[0].body).unwrap();
    assert_eq!(body["max_tokens"], 16_384);
    match api {
        Api::OpenAi => {
            assert_eq!(body["model"], "gpt-test");
            assert_eq!(body["messages"][0]["role"], "system");
            assert!(body["messages"][0]["content"]
                .as_str()
                .unwrap()
                .contains("=== FILE: src/lib.rs ==="));
            assert_eq!(body["messages"][1]["role"], "user");
        }
        Api::Anthropic => {
            assert_eq!(body["model"], "claude-test");
            assert!(body["system"]
                .as_str()
                .unwrap()
                .contains("=== END FILE ==="));
            assert_eq!(body["messages"].as_array().unwrap().len(), 1);
            assert_eq!(body["messages"][0]["role"], "user");
        }
    }

    // A second wave (a new runtime) with another unit talks to the server again.
    let (outcomes, _) = f.run(vec![unit("OTHER")]);
    assert_eq!(outcomes[0].attempts, 2);
    assert!(outcomes[0].accepted.is_some());
    assert_eq!(f.requests().len(), 4);
}
for_both_apis!(wrong_answer_then_retry_with_the_diff);

fn rate_limits_are_retried(api: Api) {
    let f = Fixture::new(api);
    f.mount(
        f.mock()
            .respond_with(ResponseTemplate::new(503).set_body_string("overloaded"))
            .up_to_n_times(1)
            .with_priority(1),
    );
    f.mount(
        f.mock()
            .respond_with(
                ResponseTemplate::new(429)
                    .insert_header("retry-after", "0")
                    .set_body_string("slow down"),
            )
            .up_to_n_times(1)
            .with_priority(2),
    );
    f.mount(
        f.mock()
            .respond_with(api.ok(&answer(&right_lib())))
            .with_priority(3),
    );
    let (outcomes, calls) = f.run(vec![unit("PAY")]);
    assert_eq!(outcomes[0].failure, None);
    assert_eq!(outcomes[0].attempts, 1);
    assert_eq!(calls.len(), 1);
    assert_eq!(f.requests().len(), 3);
    // Only the successful answer is cached.
    assert_eq!(all_files(&f.cfg.cache_dir).len(), 1);
}
for_both_apis!(rate_limits_are_retried);

fn rate_limit_without_end_fails_the_unit(api: Api) {
    let mut f = Fixture::new(api);
    f.cfg.retries = 2;
    f.mount(
        f.mock().respond_with(
            ResponseTemplate::new(429)
                .insert_header("retry-after", "30")
                .set_body_string("quota exceeded"),
        ),
    );
    let started = Instant::now();
    let (outcomes, calls) = f.run(vec![unit("PAY")]);
    // retry-after 30 s is capped by max_retry_wait (10 ms).
    assert!(started.elapsed() < Duration::from_secs(10));
    let failure = outcomes[0].failure.as_deref().unwrap();
    assert!(
        failure.contains("HTTP 429") && failure.contains("quota exceeded"),
        "{failure}"
    );
    assert!(calls.is_empty());
    assert_eq!(outcomes[0].attempts, 1);
    assert_eq!(f.requests().len(), 3);
    assert_eq!(all_files(&f.cfg.cache_dir).len(), 0);
}
for_both_apis!(rate_limit_without_end_fails_the_unit);

fn malformed_answers_are_failed_attempts(api: Api) {
    let f = Fixture::new(api);
    f.mount(
        f.mock()
            .respond_with(ResponseTemplate::new(200).set_body_string("<html>garbage</html>"))
            .up_to_n_times(1)
            .with_priority(1),
    );
    f.mount(
        f.mock()
            .respond_with(api.ok("Sure! The program prints TOTAL 42. fn main() {}"))
            .up_to_n_times(1)
            .with_priority(2),
    );
    f.mount(
        f.mock()
            .respond_with(api.ok(&answer(&right_lib())))
            .with_priority(3),
    );
    let (outcomes, calls) = f.run(vec![unit("PAY")]);
    let o = &outcomes[0];
    assert_eq!(o.failure, None, "{o:?}");
    assert_eq!(o.attempts, 3);
    assert_eq!(calls.len(), 1, "malformed answers never reach the check");
    assert_eq!(o.transcripts.len(), 3);
    assert!(std::fs::read_to_string(&o.transcripts[0])
        .unwrap()
        .contains("not JSON"));
    // The first answer could not be read, so only two responses have hashes.
    assert_eq!(o.response_sha256.len(), 2);
    let reqs = f.requests();
    assert_eq!(reqs.len(), 3);
    let second = api.user_text(&reqs[1]);
    assert!(second.contains("not JSON"), "{second}");
    let third = api.user_text(&reqs[2]);
    assert!(third.contains("no file blocks found"), "{third}");
    // The answer without file blocks is what the model said: cached. The garbage is not.
    assert_eq!(all_files(&f.cfg.cache_dir).len(), 2);
}
for_both_apis!(malformed_answers_are_failed_attempts);

fn rerun_is_answered_from_the_cache(api: Api) {
    let f = Fixture::new(api);
    f.mount(
        f.mock()
            .and(body_string_contains("PROGRAM-ID. PAY."))
            .and(body_string_contains("-expected TOTAL 42"))
            .respond_with(api.ok(&answer(&right_lib())))
            .with_priority(1),
    );
    f.mount(
        f.mock()
            .and(body_string_contains("PROGRAM-ID. PAY."))
            .respond_with(api.ok(&answer(&wrong_lib())))
            .with_priority(2),
    );
    f.mount(
        f.mock()
            .respond_with(api.ok(&answer(&right_lib())))
            .with_priority(3),
    );
    let (first, calls1) = f.run(vec![unit("PAY"), unit("TAX")]);
    assert_eq!(f.requests().len(), 3);
    assert!(first
        .iter()
        .all(|o| o.accepted.is_some() && o.cache_hits == 0));

    let (second, calls2) = f.run(vec![unit("PAY"), unit("TAX")]);
    assert_eq!(f.requests().len(), 3, "the rerun made no request");
    assert_eq!(calls1.len(), calls2.len());
    for (a, b) in first.iter().zip(&second) {
        assert_eq!(a.accepted, b.accepted);
        assert_eq!(a.attempts, b.attempts);
        assert_eq!(a.prompt_sha256, b.prompt_sha256);
        assert_eq!(a.response_sha256, b.response_sha256);
        assert_eq!((a.tokens_in, a.tokens_out), (b.tokens_in, b.tokens_out));
        assert_eq!(b.cache_hits, b.attempts);
    }
    let t = std::fs::read_to_string(&second[0].transcripts[0]).unwrap();
    assert!(t.contains("- cached: yes"), "{t}");

    // Another model is another cache key.
    let mut other = f.cfg.clone();
    other.spec = match api {
        Api::OpenAi => "openai:gpt-other".parse().unwrap(),
        Api::Anthropic => "anthropic:claude-other".parse().unwrap(),
    };
    let client = Client::new(&other).unwrap();
    let mut calls = Vec::new();
    run_wave(
        &client,
        &Prompts::load(None).unwrap(),
        &other,
        vec![unit("TAX")],
        &mut check(&mut calls),
    );
    assert_eq!(f.requests().len(), 4);
}
for_both_apis!(rerun_is_answered_from_the_cache);

/// Answers 401 with the key it received in the body, as some servers do.
struct EchoKey;

impl Respond for EchoKey {
    fn respond(&self, r: &Request) -> ResponseTemplate {
        let got = ["authorization", "x-api-key"]
            .iter()
            .filter_map(|h| r.headers.get(*h))
            .map(|v| v.to_str().unwrap().to_string())
            .collect::<Vec<_>>()
            .join(" ");
        ResponseTemplate::new(401).set_body_string(format!("{{\"error\": \"invalid key {got}\"}}"))
    }
}

fn the_key_never_leaks(api: Api) {
    let f = Fixture::new(api);
    f.mount(
        f.mock()
            .and(body_string_contains("PROGRAM-ID. ECHO."))
            .respond_with(EchoKey)
            .with_priority(1),
    );
    // A model answer that repeats the key must not carry it into the cache or the transcript either.
    let leaky = format!("{}\nYour key is {}.\n", answer(&right_lib()), f.key);
    f.mount(f.mock().respond_with(api.ok(&leaky)).with_priority(2));
    let (outcomes, _) = f.run(vec![unit("ECHO"), unit("PAY")]);

    let echo = &outcomes[0];
    let failure = echo.failure.as_deref().unwrap();
    assert!(failure.contains("HTTP 401"), "{failure}");
    assert!(failure.contains("invalid key"), "{failure}");
    assert!(failure.contains("***"), "{failure}");
    assert!(!failure.contains(&f.key));
    assert_eq!(echo.accepted, None);
    assert!(outcomes[1].accepted.is_some());

    // Every file ferry wrote: cache, transcripts (including the failed attempt's).
    let scanned = assert_no_secret_under(f.dir.path(), &f.key);
    assert!(
        scanned >= 3,
        "cache entry and two transcripts expected, got {scanned}"
    );
    let echo_transcript =
        std::fs::read_to_string(f.cfg.transcript_dir.join("ECHO/attempt-1.md")).unwrap();
    assert!(echo_transcript.contains("HTTP 401") && echo_transcript.contains("***"));
    // Nor in the outcomes, the settings, or the client's debug form.
    assert!(!format!("{outcomes:?}").contains(&f.key));
    assert!(!format!("{:?}", f.cfg.settings()).contains(&f.key));
    assert!(!format!("{:?}", Client::new(&f.cfg).unwrap()).contains(&f.key));
    assert!(!serde_json::to_string(&outcomes).unwrap().contains(&f.key));
}
for_both_apis!(the_key_never_leaks);

fn exhausted_attempts_fail_the_unit(api: Api) {
    let mut f = Fixture::new(api);
    f.cfg.attempts = 2;
    f.mount(f.mock().respond_with(api.ok(&answer(&wrong_lib()))));
    let (outcomes, calls) = f.run(vec![unit("PAY")]);
    let o = &outcomes[0];
    assert_eq!(o.accepted, None);
    assert_eq!(o.attempts, 2);
    assert_eq!(calls.len(), 2);
    let failure = o.failure.as_deref().unwrap();
    assert!(
        failure.contains("no answer accepted after 2 attempt(s)"),
        "{failure}"
    );
    assert!(failure.contains("+got      TOTAL 41"), "{failure}");
    assert_eq!(f.requests().len(), 2);
}
for_both_apis!(exhausted_attempts_fail_the_unit);

#[test]
fn over_budget_fails_without_a_request() {
    let mut f = Fixture::new(Api::OpenAi);
    f.cfg.budget_tokens = 50;
    f.mount(f.mock().respond_with(Api::OpenAi.ok(&answer(&right_lib()))));
    let (outcomes, calls) = f.run(vec![unit("PAY")]);
    let failure = outcomes[0].failure.as_deref().unwrap();
    assert!(failure.contains("over the budget of 50"), "{failure}");
    assert!(failure.contains("splitting a unit by section is not implemented"));
    assert_eq!(outcomes[0].attempts, 0);
    assert!(calls.is_empty());
    assert_eq!(f.requests().len(), 0);
}

#[test]
fn missing_key_names_the_variable() {
    let mut f = Fixture::new(Api::Anthropic);
    f.cfg.key_env = Some("FERRY_AGENTS_TEST_NO_SUCH_KEY".into());
    let e = Client::new(&f.cfg).unwrap_err().to_string();
    assert!(e.contains("FERRY_AGENTS_TEST_NO_SUCH_KEY"), "{e}");
    assert!(e.contains("anthropic"), "{e}");
}

#[test]
fn jobs_bound_the_requests_in_flight() {
    let mut f = Fixture::new(Api::OpenAi);
    f.cfg.jobs = 2;
    f.mount(
        f.mock().respond_with(
            Api::OpenAi
                .ok(&answer(&right_lib()))
                .set_delay(Duration::from_millis(300)),
        ),
    );
    let started = Instant::now();
    let units = ["A", "B", "C", "D"].iter().map(|n| unit(n)).collect();
    let (outcomes, calls) = f.run(units);
    // Four 300 ms requests, two at a time: at least two rounds.
    assert!(
        started.elapsed() >= Duration::from_millis(590),
        "{:?}",
        started.elapsed()
    );
    assert!(outcomes.iter().all(|o| o.accepted.is_some()));
    assert_eq!(calls.len(), 4);
    // Outcomes come back in the order of the units.
    let names: Vec<&str> = outcomes.iter().map(|o| o.unit.as_str()).collect();
    assert_eq!(names, ["A", "B", "C", "D"]);
}
