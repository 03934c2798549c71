//! Commands a host page gives the widget (`back()`, `restart()`, `resume(token)`), and
//! `embed.js`'s answer for a click on the first screen shown before the wasm had loaded; and
//! how the ones given before a walk is on screen wait for it.

/// A command from the host page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// One screen back.
    Back,
    /// Start over.
    Restart,
    /// Go to the state a token describes.
    Resume(String),
    /// Take the choice at this index on the step on screen.
    Answer(usize),
}

/// Commands given before a walk is on screen (while the guide loads), kept as what they add
/// up to: the last `Restart` or `Resume`, each of which replaces the walk and so makes the
/// commands before it moot, then how many `Back`s came after it. A page that sends commands
/// in a loop while a large guide loads holds two fields, not a list. A moot `Resume` is
/// dropped unread, so a bad token in it raises no error event. An `Answer` given before a
/// walk is on screen is dropped: it would answer a step the person has not seen. (`embed.js`
/// sends one only once the walk is on screen.) `embed.js` keeps the commands
/// given before the wasm has loaded by the same rules.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Pending {
    reset: Option<Command>,
    backs: u32,
}

impl Pending {
    /// Adds a command after the ones already waiting.
    pub fn push(&mut self, command: Command) {
        match command {
            Command::Back => self.backs = self.backs.saturating_add(1),
            Command::Answer(_) => {}
            reset => {
                *self = Pending {
                    reset: Some(reset),
                    backs: 0,
                }
            }
        }
    }

    /// The commands to carry out, in order, with the same effect as all that were pushed.
    pub fn into_commands(self) -> impl Iterator<Item = Command> {
        let Pending { reset, backs } = self;
        reset
            .into_iter()
            .chain(std::iter::repeat_n(Command::Back, backs as usize))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Command::{Answer, Back, Restart, Resume};

    #[test]
    fn pending_commands_add_up_as_they_would_one_by_one() {
        let t = |s: &str| Resume(s.to_owned());
        let cases: Vec<(Vec<Command>, Vec<Command>)> = vec![
            (vec![], vec![]),
            (vec![Back, Back], vec![Back, Back]),
            (vec![Back, t("a"), Back, Back], vec![t("a"), Back, Back]),
            (vec![Restart, Back, t("a"), Back], vec![t("a"), Back]),
            (vec![t("a"), Back, Restart], vec![Restart]),
            (vec![Back, Back, t("a")], vec![t("a")]),
            (vec![t("a"), t("b")], vec![t("b")]),
            (vec![Answer(0), Back], vec![Back]),
            (vec![t("a"), Answer(1)], vec![t("a")]),
        ];
        for (given, expected) in cases {
            let mut pending = Pending::default();
            for c in given.iter().cloned() {
                pending.push(c);
            }
            assert_eq!(
                pending.into_commands().collect::<Vec<_>>(),
                expected,
                "{given:?}"
            );
        }
    }
}
