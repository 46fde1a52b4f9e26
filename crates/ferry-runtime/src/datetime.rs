//! Dates and times: ACCEPT FROM DATE/DAY/TIME, FUNCTION CURRENT-DATE, and the calendar
//! arithmetic the date intrinsics need.
//!
//! `COB_CURRENT_DATE` (checked with cobc 3.1.2): "YYYY/MM/DD hh:mm:ss", "YYYYMMDDhhmmss",
//! "YYYY-MM-DD hh:mm:ss" and a date alone are accepted (one optional non-digit separator
//! between parts), optionally followed by ".ff" (hundredths) and "+hhmm"/"-hhmm". Parts
//! not given come from the clock (with "2016/12/31 23:59:58" TIME gives 235958 and the
//! clock's hundredths). A malformed time part ("2016/02/29 1:2") keeps the date, uses the
//! clock time and prints `libcob: warning: COB_CURRENT_DATE '...' is invalid` on stderr.
//! Local time comes from the TZif file `/etc/localtime` (or `$TZ` when it names a zone
//! file or is "UTC"); without one, UTC.

use std::time::{SystemTime, UNIX_EPOCH};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateTime {
    pub year: i32,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
    pub hundredths: u32,
    /// Offset from UTC in minutes.
    pub offset_min: i32,
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// Inverse of [`days_from_civil`].
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

pub fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

impl DateTime {
    pub fn day_of_year(&self) -> u32 {
        (days_from_civil(self.year as i64, self.month, self.day)
            - days_from_civil(self.year as i64, 1, 1)) as u32
            + 1
    }
    /// 1 = Monday .. 7 = Sunday.
    pub fn day_of_week(&self) -> u32 {
        let d = days_from_civil(self.year as i64, self.month, self.day);
        ((d + 3).rem_euclid(7) + 1) as u32 // 1970-01-01 was a Thursday
    }
    /// ACCEPT FROM DATE: YYMMDD
    pub fn date6(&self) -> String {
        format!("{:02}{:02}{:02}", self.year % 100, self.month, self.day)
    }
    /// ACCEPT FROM DATE YYYYMMDD
    pub fn date8(&self) -> String {
        format!("{:04}{:02}{:02}", self.year, self.month, self.day)
    }
    /// ACCEPT FROM DAY: YYDDD
    pub fn day5(&self) -> String {
        format!("{:02}{:03}", self.year % 100, self.day_of_year())
    }
    /// ACCEPT FROM DAY YYYYDDD
    pub fn day7(&self) -> String {
        format!("{:04}{:03}", self.year, self.day_of_year())
    }
    /// ACCEPT FROM TIME: HHMMSShh
    pub fn time8(&self) -> String {
        format!(
            "{:02}{:02}{:02}{:02}",
            self.hour, self.minute, self.second, self.hundredths
        )
    }
    /// FUNCTION CURRENT-DATE: YYYYMMDDHHMMSShh+hhmm
    pub fn current_date21(&self) -> String {
        let o = self.offset_min;
        format!(
            "{}{}{:02}{:02}{:02}{:02}{}{:02}{:02}",
            self.date8(),
            "",
            self.hour,
            self.minute,
            self.second,
            self.hundredths,
            if o < 0 { '-' } else { '+' },
            o.abs() / 60,
            o.abs() % 60
        )
    }
}

/// Local UTC offset (seconds) at `unix` seconds, from TZif data.
pub fn local_offset(unix: i64) -> i32 {
    let path = match std::env::var("TZ") {
        Ok(tz) if tz.is_empty() || tz == "UTC" || tz == "UTC0" || tz == ":UTC" => return 0,
        Ok(tz) => {
            let t = tz.trim_start_matches(':');
            if t.starts_with('/') {
                t.to_string()
            } else {
                format!("/usr/share/zoneinfo/{t}")
            }
        }
        Err(_) => "/etc/localtime".to_string(),
    };
    match std::fs::read(&path) {
        Ok(b) => tzif_offset(&b, unix).unwrap_or(0),
        Err(_) => 0,
    }
}

fn be32(b: &[u8], i: usize) -> Option<i64> {
    Some(i32::from_be_bytes(b.get(i..i + 4)?.try_into().ok()?) as i64)
}

/// Offset from a TZif v1 data block (enough for current dates on 64-bit time up to 2038;
/// later dates use the last transition's type).
fn tzif_offset(b: &[u8], unix: i64) -> Option<i32> {
    if b.get(0..4)? != b"TZif" {
        return None;
    }
    let isutcnt = be32(b, 20)? as usize;
    let isstdcnt = be32(b, 24)? as usize;
    let leapcnt = be32(b, 28)? as usize;
    let timecnt = be32(b, 32)? as usize;
    let typecnt = be32(b, 36)? as usize;
    let _ = (isutcnt, isstdcnt, leapcnt);
    let mut p = 44;
    let times = p;
    p += timecnt * 4;
    let idx = p;
    p += timecnt;
    let types = p;
    let mut ty = 0usize;
    for i in 0..timecnt {
        if be32(b, times + i * 4)? <= unix {
            ty = *b.get(idx + i)? as usize;
        }
    }
    if timecnt == 0 && typecnt == 0 {
        return None;
    }
    Some(be32(b, types + ty * 6)? as i32)
}

fn clock() -> (i64, u32) {
    let d = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    (d.as_secs() as i64, d.subsec_millis() / 10)
}

/// The current local date and time, honouring `COB_CURRENT_DATE`.
pub fn now() -> DateTime {
    let (secs, hund) = clock();
    let off = local_offset(secs);
    let local = secs + off as i64;
    let (y, m, d) = civil_from_days(local.div_euclid(86400));
    let sod = local.rem_euclid(86400) as u32;
    let mut dt = DateTime {
        year: y as i32,
        month: m,
        day: d,
        hour: sod / 3600,
        minute: sod / 60 % 60,
        second: sod % 60,
        hundredths: hund,
        offset_min: off / 60,
    };
    if let Ok(v) = std::env::var("COB_CURRENT_DATE") {
        if !v.is_empty() && apply_override(&mut dt, &v) == Override::Invalid {
            eprintln!("libcob: warning: COB_CURRENT_DATE '{v}' is invalid");
        }
    }
    dt
}

/// Outcome of applying a COB_CURRENT_DATE value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Override {
    Applied,
    /// Not a date at all ("junk"): silently ignored, like cobc.
    Ignored,
    /// Partly invalid: cobc warns; what could be used was applied (an out-of-range month
    /// or day rolls over: 2026/13/45 gives 2027-02-14).
    Invalid,
}

/// Apply a COB_CURRENT_DATE value to `dt`.
pub fn apply_override(dt: &mut DateTime, v: &str) -> Override {
    let b = v.as_bytes();
    let mut i = 0;
    let num = |i: &mut usize, n: usize| -> Option<u32> {
        let s = b.get(*i..*i + n)?;
        if !s.iter().all(|c| c.is_ascii_digit()) {
            return None;
        }
        *i += n;
        Some(s.iter().fold(0, |a, c| a * 10 + (c - b'0') as u32))
    };
    // one optional separator that is not a digit and not a time-zone sign
    let sep = |i: &mut usize, allow_minus: bool| {
        if let Some(&c) = b.get(*i) {
            if !c.is_ascii_digit() && c != b'+' && (c != b'-' || allow_minus) {
                *i += 1;
            }
        }
    };
    let y = match num(&mut i, 4) {
        Some(y) => y,
        None => return Override::Ignored,
    };
    sep(&mut i, true);
    let (m, d) = match (num(&mut i, 2), {
        sep(&mut i, true);
        num(&mut i, 2)
    }) {
        (Some(m), Some(d)) => (m, d),
        _ => return Override::Ignored,
    };
    let mut result = Override::Applied;
    if m == 0 || m > 12 || d == 0 || d > days_in_month(y as i64, m.clamp(1, 12)) {
        result = Override::Invalid;
    }
    // normalise like mktime: extra months roll into years, extra days into months
    let yy = y as i64 + (m as i64 - 1).div_euclid(12);
    let mm = ((m as i64 - 1).rem_euclid(12) + 1) as u32;
    let days = days_from_civil(yy, mm, 1) + d as i64 - 1;
    let (ny, nm, nd) = civil_from_days(days);
    dt.year = ny as i32;
    dt.month = nm;
    dt.day = nd;
    if i >= b.len() {
        return result;
    }
    sep(&mut i, true);
    let h = num(&mut i, 2);
    sep(&mut i, false);
    let mi = num(&mut i, 2);
    let (h, mi) = match (h, mi) {
        (Some(h), Some(mi)) if h < 24 && mi < 60 => (h, mi),
        _ => return Override::Invalid,
    };
    dt.hour = h;
    dt.minute = mi;
    if i >= b.len() {
        return result;
    }
    sep(&mut i, false);
    match num(&mut i, 2) {
        Some(s) if s < 60 => dt.second = s,
        _ => return Override::Invalid,
    }
    if i < b.len() && (b[i] == b'.' || b[i] == b',') {
        i += 1;
        let st = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        let frac = &b[st..i];
        let mut h = 0;
        for k in 0..2 {
            h = h * 10 + frac.get(k).map(|c| (c - b'0') as u32).unwrap_or(0);
        }
        dt.hundredths = h;
    }
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        let neg = b[i] == b'-';
        i += 1;
        match (num(&mut i, 2), num(&mut i, 2)) {
            (Some(hh), Some(mm)) => {
                let o = (hh * 60 + mm) as i32;
                dt.offset_min = if neg { -o } else { o };
            }
            _ => return Override::Invalid,
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> DateTime {
        DateTime {
            year: 2026,
            month: 11,
            day: 25,
            hour: 11,
            minute: 27,
            second: 36,
            hundredths: 52,
            offset_min: 0,
        }
    }

    #[test]
    fn override_formats() {
        // cobc 3.1.2 with COB_CURRENT_DATE="2016/12/31 23:59:58":
        // DATE 161231, YYYYMMDD 20161231, DAY 16366, YYYYDDD 2016366, DAY-OF-WEEK 6,
        // TIME 235958hh, CURRENT-DATE 2016123123595852+0000
        let mut dt = base();
        assert_eq!(
            Override::Applied,
            apply_override(&mut dt, "2016/12/31 23:59:58")
        );
        assert_eq!(dt.date6(), "161231");
        assert_eq!(dt.date8(), "20161231");
        assert_eq!(dt.day5(), "16366");
        assert_eq!(dt.day7(), "2016366");
        assert_eq!(dt.day_of_week(), 6);
        assert_eq!(dt.time8(), "23595852");
        assert_eq!(dt.current_date21(), "2016123123595852+0000");
        let mut dt = base();
        assert_eq!(Override::Applied, apply_override(&mut dt, "20161231235958"));
        assert_eq!(dt.time8(), "23595852");
        // date only keeps the clock time; 2016-02-29 is a Monday (1)
        let mut dt = base();
        assert_eq!(Override::Applied, apply_override(&mut dt, "2016/02/29"));
        assert_eq!(
            (dt.date6(), dt.time8(), dt.day_of_week()),
            ("160229".into(), "11273652".into(), 1)
        );
        let mut dt = base();
        assert_eq!(
            Override::Applied,
            apply_override(&mut dt, "2016-02-29 01:02:03")
        );
        assert_eq!(dt.time8(), "01020352");
        let mut dt = base();
        assert_eq!(
            Override::Applied,
            apply_override(&mut dt, "2016/02/29 01:02:03.45")
        );
        assert_eq!(dt.time8(), "01020345");
        let mut dt = base();
        assert_eq!(
            Override::Applied,
            apply_override(&mut dt, "2016/02/29 01:02:03+0100")
        );
        assert_eq!(dt.current_date21(), "2016022901020352+0100");
        let mut dt = base();
        assert_eq!(apply_override(&mut dt, "2016/02/29 1:2"), Override::Invalid);
        assert_eq!(
            (dt.date6(), dt.time8()),
            ("160229".into(), "11273652".into())
        );
        let mut dt = base();
        assert_eq!(apply_override(&mut dt, "garbage"), Override::Ignored);
        assert_eq!(dt, base());
        // docs/gnucobol-behaviour.md: "2026/13/45 09:15:00" warns and rolls over to 20270214;
        // "2026/03/31 09:15" keeps the clock's seconds
        let mut dt = base();
        assert_eq!(
            apply_override(&mut dt, "2026/13/45 09:15:00"),
            Override::Invalid
        );
        assert_eq!(dt.date8(), "20270214");
        let mut dt = base();
        assert_eq!(
            apply_override(&mut dt, "2026/03/31 09:15"),
            Override::Applied
        );
        assert_eq!(dt.time8(), "09153652");
        let mut dt = base();
        assert_eq!(
            apply_override(&mut dt, "2026/03/31 09:15:00.123"),
            Override::Applied
        );
        assert_eq!(dt.time8(), "09150012");
    }

    #[test]
    fn calendar() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(
            civil_from_days(days_from_civil(1600, 12, 31)),
            (1600, 12, 31)
        );
        assert_eq!(civil_from_days(days_from_civil(2024, 2, 29)), (2024, 2, 29));
    }
}
