//! The hybrid logical clock that stamps every change made for sync.
//!
//! Devices' wall clocks disagree, sometimes by days (a laptop whose battery died, a phone set by
//! hand). Ordering edits by wall-clock time alone would let a device whose clock runs slow lose
//! every edit it makes. A hybrid logical clock (Kulkarni et al., "Logical Physical Clocks", 2014)
//! keeps the wall-clock milliseconds as its first part but never goes backwards and always moves
//! past every stamp it has seen, so an edit made after seeing another is stamped after it,
//! whatever the two devices' clocks say. The core cannot read the time: the caller passes
//! `now_ms` (milliseconds since the Unix epoch) to every call.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The most a remote stamp may be ahead of this device's wall clock: 30 days.
///
/// A stamp further ahead than this comes from a device whose clock is badly wrong (or from a
/// damaged file); taking it would drag every later local stamp along with it, so that for weeks
/// this device's edits would carry a meaningless time. [`Clock::receive`] refuses it with
/// [`ClockError::TooFarAhead`] and the file it came in is not merged, so the clinician can set
/// that device's clock right. Skews of a few days in either direction are merged as usual.
pub const MAX_AHEAD_MS: u64 = 30 * 24 * 60 * 60 * 1000;

/// A device's identity for sync: random, made once by the shell, never shown as a name.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DeviceId(pub String);

impl fmt::Display for DeviceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// When a change was made: the hybrid clock's milliseconds and counter, then the device that
/// made it. Ordered by those three in turn, so two stamps from different devices never tie.
/// Stored as the array `[millis, counter, device]`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(from = "(u64, u32, DeviceId)", into = "(u64, u32, DeviceId)")]
pub struct Stamp {
    /// Wall-clock milliseconds since the Unix epoch, or a later time the clock has seen.
    pub millis: u64,
    /// Events stamped within the same millisecond.
    pub counter: u32,
    /// The device that made the change.
    pub device: DeviceId,
}

impl From<(u64, u32, DeviceId)> for Stamp {
    fn from((millis, counter, device): (u64, u32, DeviceId)) -> Stamp {
        Stamp {
            millis,
            counter,
            device,
        }
    }
}

impl From<Stamp> for (u64, u32, DeviceId) {
    fn from(s: Stamp) -> (u64, u32, DeviceId) {
        (s.millis, s.counter, s.device)
    }
}

/// Why a remote stamp was refused. The clock is unchanged when one is returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClockError {
    /// The stamp is more than [`MAX_AHEAD_MS`] ahead of this device's clock.
    TooFarAhead {
        /// The device whose stamp it is.
        device: DeviceId,
        /// Days it is ahead of this device's clock, rounded.
        days: u64,
    },
}

impl fmt::Display for ClockError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClockError::TooFarAhead { days, .. } => write!(
                f,
                "Another device's changes are dated {days} days ahead of this device's clock. \
                 Check the date and time on both devices; nothing was merged."
            ),
        }
    }
}

impl std::error::Error for ClockError {}

/// One device's hybrid logical clock. Keep it with the replica: it must never be reset, or
/// the device could stamp a change before one it already made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clock {
    /// The latest stamp this clock has made or seen; the device is always this clock's own.
    last: Stamp,
}

impl Clock {
    /// A new clock for `device` that has seen nothing.
    pub fn new(device: DeviceId) -> Clock {
        Clock {
            last: Stamp {
                millis: 0,
                counter: 0,
                device,
            },
        }
    }

    /// The device this clock stamps for.
    pub fn device(&self) -> &DeviceId {
        &self.last.device
    }

    /// The latest stamp made or seen (with this device's id).
    pub fn latest(&self) -> &Stamp {
        &self.last
    }

    /// A stamp for a local change: later than every stamp made or seen before, and at least
    /// `now_ms` when the wall clock is ahead of everything seen.
    pub fn tick(&mut self, now_ms: u64) -> Stamp {
        if now_ms > self.last.millis {
            self.last.millis = now_ms;
            self.last.counter = 0;
        } else {
            self.bump();
        }
        self.last.clone()
    }

    /// Takes in a stamp from another device, so that every later local stamp comes after it.
    /// Refuses (and changes nothing) a stamp more than [`MAX_AHEAD_MS`] ahead of `now_ms`.
    pub fn receive(&mut self, remote: &Stamp, now_ms: u64) -> Result<(), ClockError> {
        let bound = now_ms.max(self.last.millis).saturating_add(MAX_AHEAD_MS);
        if remote.millis > bound {
            let ahead = remote.millis - now_ms.max(self.last.millis);
            return Err(ClockError::TooFarAhead {
                device: remote.device.clone(),
                days: (ahead + 12 * 60 * 60 * 1000) / (24 * 60 * 60 * 1000),
            });
        }
        let top = self.last.millis.max(remote.millis).max(now_ms);
        let counter = match (top == self.last.millis, top == remote.millis) {
            (true, true) => Some(self.last.counter.max(remote.counter)),
            (true, false) => Some(self.last.counter),
            (false, true) => Some(remote.counter),
            (false, false) => None,
        };
        self.last.millis = top;
        match counter {
            Some(c) => {
                self.last.counter = c;
                self.bump();
            }
            None => self.last.counter = 0,
        }
        Ok(())
    }

    /// Moves one event on within the same millisecond; should the counter ever run out, the
    /// clock moves to the next millisecond instead, so it still never goes backwards.
    fn bump(&mut self) {
        match self.last.counter.checked_add(1) {
            Some(c) => self.last.counter = c,
            None => {
                self.last.millis = self.last.millis.saturating_add(1);
                self.last.counter = 0;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clock(name: &str) -> Clock {
        Clock::new(DeviceId(name.into()))
    }

    #[test]
    fn never_goes_backwards_when_the_wall_clock_does() {
        let mut c = clock("a");
        let first = c.tick(1_000);
        let second = c.tick(500);
        let third = c.tick(1_000);
        assert!(first < second && second < third);
        assert_eq!(third.millis, 1_000);
        assert_eq!(third.counter, 2);
    }

    #[test]
    fn a_stamp_after_receiving_comes_after_the_remote_one() {
        let mut a = clock("a");
        let mut b = clock("b");
        let remote = b.tick(9_000);
        a.receive(&remote, 1_000).unwrap();
        let local = a.tick(1_000);
        assert!(local > remote);
        assert_eq!(local.device, DeviceId("a".into()));
    }

    #[test]
    fn refuses_a_stamp_too_far_ahead_and_changes_nothing() {
        let mut a = clock("a");
        a.tick(1_000);
        let before = a.clone();
        let far = Stamp {
            millis: 1_000 + MAX_AHEAD_MS + 1,
            counter: 0,
            device: DeviceId("b".into()),
        };
        assert!(matches!(
            a.receive(&far, 1_000),
            Err(ClockError::TooFarAhead { days: 30, .. })
        ));
        assert_eq!(a, before);
    }

    #[test]
    fn the_counter_running_out_moves_to_the_next_millisecond() {
        let mut a = clock("a");
        a.last.millis = 5;
        a.last.counter = u32::MAX;
        let s = a.tick(5);
        assert_eq!((s.millis, s.counter), (6, 0));
    }
}
