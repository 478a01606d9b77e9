//! Plain words for what gave a factor its points in a week, such as "9 weeks without a day off".

use super::factors::Factor;
use super::inputs::WeekInputs;
use super::signals::PROQOL_HIGH_MIN;
use crate::units::duration::format_minutes;

/// What in the week gave `factor` its points.
pub fn reason(factor: Factor, i: &WeekInputs) -> String {
    match factor {
        Factor::Hours => format!(
            "{} a week on average lately, against your sustainable {}",
            format_minutes(i.recent_minutes),
            i.target_minutes.map_or("(not set)".into(), format_minutes)
        ),
        Factor::Overtime => format!(
            "{} over your sustainable target this week",
            format_minutes(i.overtime_minutes())
        ),
        Factor::Caseload => format!(
            "a weighted caseload of {} points against your capacity of {}",
            i.caseload_points,
            i.capacity_points
                .map_or("(not set)".into(), |c| c.to_string())
        ),
        Factor::Trauma => format!(
            "{}% of your client work was trauma-focused",
            i.trauma_percent
        ),
        Factor::Breaks => match i.pauses_tenths {
            Some(t) => format!(
                "{}.{} breaks per working day against your target of {}",
                t / 10,
                t % 10,
                i.pauses_target
            ),
            None => "no working days".into(),
        },
        Factor::DayOff => days_or_weeks(i.days_since_day_off, "without a full day off"),
        Factor::Vacation if i.vacation_logged => {
            days_or_weeks(i.days_since_vacation, "since your last vacation ended")
        }
        Factor::Vacation => format!(
            "no vacation logged in the {} Tend has records for",
            days_or_weeks(i.days_since_vacation, "").trim_end()
        ),
        Factor::PulseStrain => format!(
            "a weekly pulse strain score of {:.0} out of 100",
            i.signals.pulse_strain.unwrap_or(0.0)
        ),
        Factor::Proqol => match i.signals.proqol {
            Some(p) => {
                let (name, value) = if p.sts > p.bo {
                    ("secondary traumatic stress", p.sts)
                } else {
                    ("burnout", p.bo)
                };
                format!(
                    "ProQOL {name} of {value} (burnout {}, secondary traumatic stress {}; only the higher counts, high from {PROQOL_HIGH_MIN})",
                    p.bo, p.sts
                )
            }
            None => "no ProQOL result".into(),
        },
        Factor::Support => format!(
            "about {} of supervision, peer support or personal therapy a week lately",
            format_minutes(i.support_minutes)
        ),
        Factor::Satisfaction => {
            let cs = i
                .signals
                .proqol
                .map(|p| format!("ProQOL compassion satisfaction of {}", p.cs));
            let pulse = i
                .signals
                .pulse_satisfaction
                .map(|s| format!("a pulse satisfaction score of {s:.0} out of 100"));
            match (cs, pulse) {
                (Some(a), Some(b)) => format!("{a} and {b} (the stronger counts)"),
                (Some(a), None) | (None, Some(a)) => a,
                (None, None) => "no satisfaction result".into(),
            }
        }
    }
}

/// "23 days without ..." below eight weeks, "9 weeks without ..." from then on.
fn days_or_weeks(days: u32, what: &str) -> String {
    let span = match days {
        1 => "1 day".to_string(),
        d if d < 56 => format!("{d} days"),
        d => format!("{} weeks", d / 7),
    };
    format!("{span} {what}")
}
