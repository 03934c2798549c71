//! How a message quotes a string from a guide.

use std::fmt::{self, Write as _};

/// A string in a message: in double quotes, with quotes, backslashes and control characters
/// escaped as Rust's `{:?}` writes them. Written out because `{:?}` on a string also escapes
/// every character Unicode calls unprintable, and its tables cost the wasm about a kilobyte.
pub(crate) struct Quoted<'a>(pub(crate) &'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"")?;
        for c in self.0.chars() {
            match c {
                '"' => f.write_str("\\\"")?,
                '\\' => f.write_str("\\\\")?,
                '\n' => f.write_str("\\n")?,
                '\r' => f.write_str("\\r")?,
                '\t' => f.write_str("\\t")?,
                '\0' => f.write_str("\\0")?,
                c if c.is_control() => write!(f, "\\u{{{:x}}}", u32::from(c))?,
                c => f.write_char(c)?,
            }
        }
        f.write_str("\"")
    }
}

#[cfg(test)]
mod tests {
    use super::Quoted;

    /// Quoted strings read as `{:?}` writes them, but for characters that are printable
    /// controls aside (such as a zero-width space), which stay as they are.
    #[test]
    fn quoted_strings_read_as_debug_output() {
        for s in [
            "",
            "plain-id",
            "a \"quote\"",
            "back\\slash",
            "line\nbreak",
            "\t\r",
            "\0",
            "\u{7f}\u{85}",
            "é€😀",
        ] {
            assert_eq!(Quoted(s).to_string(), format!("{s:?}"), "{s:?}");
        }
        assert_eq!(Quoted("\u{200b}").to_string(), "\"\u{200b}\"");
    }
}
