//! The two HTTP APIs: OpenAI chat completions (`{endpoint}/chat/completions`, any compatible server)
//! and Anthropic messages (`{endpoint}/v1/messages`), with retries on 429 and 5xx that honour
//! `retry-after`.
//!
//! Every message built from what the server sent passes through [`redact`] with the key, so a server
//! echoing the key back cannot leak it into errors.

use std::time::Duration;

use serde_json::{json, Value};

use crate::client::redact;
use crate::{clip, AgentConfig, AgentError, Prompt};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Api {
    OpenAi,
    Anthropic,
}

/// What the model said and what it cost.
#[derive(Debug)]
pub(crate) struct Completion {
    pub text: String,
    pub tokens_in: u64,
    pub tokens_out: u64,
}

pub(crate) struct Request<'a> {
    pub api: Api,
    pub model: &'a str,
    pub endpoint: &'a str,
    pub key: &'a str,
}

/// How long to wait before retry number `retry` (0-based): the server's `retry-after` in seconds when
/// given, else 1 s doubled per retry; never more than `cap`.
pub(crate) fn retry_wait(retry_after: Option<&str>, retry: u32, cap: Duration) -> Duration {
    let asked = retry_after
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s >= 0.0)
        .map(Duration::from_secs_f64);
    let backoff = Duration::from_secs(1u64 << retry.min(16));
    asked.unwrap_or(backoff).min(cap)
}

/// Sends the prompt, retrying on 429, 5xx and failed connections up to `cfg.retries` times.
pub(crate) async fn complete(
    http: &reqwest::Client,
    cfg: &AgentConfig,
    req: &Request<'_>,
    prompt: &Prompt,
) -> Result<Completion, AgentError> {
    let (url, body) = match req.api {
        Api::OpenAi => (
            format!("{}/chat/completions", req.endpoint),
            json!({
                "model": req.model,
                "messages": [
                    {"role": "system", "content": prompt.system},
                    {"role": "user", "content": prompt.user},
                ],
                "max_tokens": cfg.max_output_tokens,
            }),
        ),
        Api::Anthropic => (
            format!("{}/v1/messages", req.endpoint),
            json!({
                "model": req.model,
                "system": prompt.system,
                "messages": [{"role": "user", "content": prompt.user}],
                "max_tokens": cfg.max_output_tokens,
            }),
        ),
    };
    let safe = |s: &str| redact(s, req.key);
    let mut retry = 0;
    loop {
        let mut builder = http.post(&url).timeout(cfg.timeout).json(&body);
        builder = match req.api {
            Api::OpenAi => builder.bearer_auth(req.key),
            Api::Anthropic => builder
                .header("x-api-key", req.key)
                .header("anthropic-version", "2023-06-01"),
        };
        let (retry_after, failure) = match builder.send().await {
            Err(e) => {
                let err = AgentError::Transport {
                    url: safe(&url),
                    message: safe(&error_chain(&e)),
                };
                // A request that timed out is not sent again (the timeout is long: the model was
                // slow, not unreachable); one that could not be sent or was cut off is.
                if e.is_builder() || e.is_redirect() || e.is_timeout() {
                    return Err(err);
                }
                (None, err)
            }
            Ok(resp) => {
                let status = resp.status();
                let retry_after = resp
                    .headers()
                    .get(reqwest::header::RETRY_AFTER)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_string);
                let text = match resp.text().await {
                    Ok(t) => t,
                    Err(e) => {
                        let err = AgentError::Transport {
                            url: safe(&url),
                            message: safe(&error_chain(&e)),
                        };
                        if retry < cfg.retries {
                            tokio::time::sleep(retry_wait(None, retry, cfg.max_retry_wait)).await;
                            retry += 1;
                            continue;
                        }
                        return Err(err);
                    }
                };
                if status.is_success() {
                    return parse(req.api, &text).map_err(|m| AgentError::Malformed(safe(&m)));
                }
                let err = AgentError::Http {
                    status: status.as_u16(),
                    url: safe(&url),
                    body: safe(&clip(&text, 2_000)),
                };
                if status.as_u16() != 429 && !status.is_server_error() {
                    return Err(err);
                }
                (retry_after, err)
            }
        };
        if retry >= cfg.retries {
            return Err(failure);
        }
        tokio::time::sleep(retry_wait(
            retry_after.as_deref(),
            retry,
            cfg.max_retry_wait,
        ))
        .await;
        retry += 1;
    }
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut msg = e.to_string();
    let mut src = e.source();
    while let Some(s) = src {
        msg.push_str(&format!(": {s}"));
        src = s.source();
    }
    msg
}

/// The text and token counts of a successful response body.
fn parse(api: Api, body: &str) -> Result<Completion, String> {
    let v: Value = serde_json::from_str(body).map_err(|e| {
        format!(
            "the API's response is not JSON ({e}): {}",
            clip(body.trim(), 200)
        )
    })?;
    let tokens = |a: &str, b: &str| {
        (
            v["usage"][a].as_u64().unwrap_or(0),
            v["usage"][b].as_u64().unwrap_or(0),
        )
    };
    match api {
        Api::OpenAi => {
            let text = v["choices"][0]["message"]["content"]
                .as_str()
                .ok_or("the API's response has no choices[0].message.content text")?;
            let (tokens_in, tokens_out) = tokens("prompt_tokens", "completion_tokens");
            Ok(Completion {
                text: text.to_string(),
                tokens_in,
                tokens_out,
            })
        }
        Api::Anthropic => {
            let content = v["content"]
                .as_array()
                .ok_or("the API's response has no content array")?;
            let text: String = content
                .iter()
                .filter(|c| c["type"] == "text")
                .filter_map(|c| c["text"].as_str())
                .collect();
            let (tokens_in, tokens_out) = tokens("input_tokens", "output_tokens");
            Ok(Completion {
                text,
                tokens_in,
                tokens_out,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_honour_retry_after_within_the_cap() {
        let cap = Duration::from_secs(30);
        assert_eq!(retry_wait(Some("7"), 0, cap), Duration::from_secs(7));
        assert_eq!(
            retry_wait(Some(" 0.5 "), 3, cap),
            Duration::from_millis(500)
        );
        assert_eq!(retry_wait(Some("3600"), 0, cap), cap);
        // No (or an unreadable) header: 1 s, 2 s, 4 s, ...
        assert_eq!(retry_wait(None, 0, cap), Duration::from_secs(1));
        assert_eq!(retry_wait(None, 2, cap), Duration::from_secs(4));
        assert_eq!(
            retry_wait(Some("Wed, 21 Oct 2015 07:28:00 GMT"), 1, cap),
            Duration::from_secs(2)
        );
        assert_eq!(retry_wait(None, 10, cap), cap);
        assert_eq!(retry_wait(Some("-1"), 0, cap), Duration::from_secs(1));
    }

    #[test]
    fn parses_both_shapes() {
        let o = parse(
            Api::OpenAi,
            r#"{"choices":[{"message":{"role":"assistant","content":"hi"}}],"usage":{"prompt_tokens":5,"completion_tokens":2}}"#,
        )
        .unwrap();
        assert_eq!((o.text.as_str(), o.tokens_in, o.tokens_out), ("hi", 5, 2));
        let a = parse(
            Api::Anthropic,
            r#"{"content":[{"type":"text","text":"a"},{"type":"thinking","thinking":"x"},{"type":"text","text":"b"}],"usage":{"input_tokens":7,"output_tokens":3}}"#,
        )
        .unwrap();
        assert_eq!((a.text.as_str(), a.tokens_in, a.tokens_out), ("ab", 7, 3));
        // Usage is optional; the text is not.
        assert_eq!(
            parse(Api::OpenAi, r#"{"choices":[{"message":{"content":"x"}}]}"#)
                .unwrap()
                .tokens_in,
            0
        );
        assert!(parse(Api::OpenAi, r#"{"choices":[]}"#)
            .unwrap_err()
            .contains("choices[0].message.content"));
        assert!(parse(Api::Anthropic, "<html>oops</html>")
            .unwrap_err()
            .contains("not JSON"));
    }
}
