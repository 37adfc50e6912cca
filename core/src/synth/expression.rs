//! Terraform expressions that cdktf writes inside JSON strings: references and
//! `Fn.base64encode(...)` calls.
//!
//! The one escaper here is cdktf's `TFExpression.escapeString` for a string literal passed
//! to a Terraform function (`cdktf/lib/tfExpression.js`): `\n` becomes the two characters
//! `\n` and `${` becomes `$${`; nothing else is escaped (tabs, backslashes and `%{` pass
//! as they are). Before that, the function's `stringValue` validator
//! (`cdktf/lib/functions/helpers.js`) refuses a string with a double quote that is not
//! preceded by an odd number of backslashes.

/// True when `s` holds a `"` that is not escaped by a backslash, which cdktf refuses as a
/// function argument ("Your value, '...', has unescaped double quotes in it").
/// This is the regex `/(^|[^\\])([\\]{2})*"/` of cdktf's `hasUnescapedDoubleQuotes`.
pub fn has_unescaped_double_quotes(s: &str) -> bool {
    let mut backslashes = 0usize;
    for c in s.chars() {
        match c {
            '\\' => backslashes += 1,
            '"' if backslashes % 2 == 0 => return true,
            _ => backslashes = 0,
        }
    }
    false
}

/// cdktf's `escapeString` for a literal function argument: `\n` → `\n` (backslash, n),
/// `${` → `$${`.
pub fn escape_function_argument(s: &str) -> String {
    s.replace('\n', "\\n").replace("${", "$${")
}

/// The string cdktf writes for `Fn.base64encode("<text>")`: `${base64encode("<escaped>")}`.
///
/// The caller must first refuse what [`has_unescaped_double_quotes`] finds, as cdktf does.
/// (cdktf's `resolveString` leaves out the surrounding quotes when the text already starts
/// and ends with `"`; such a text always has an unescaped quote, so it never gets here.)
pub fn base64encode_call(text: &str) -> String {
    format!("${{base64encode(\"{}\")}}", escape_function_argument(text))
}

/// A reference to an attribute: `${aws_instance.web.public_ip}`, or
/// `${data.aws_ami.amazon_linux.id}` for a data source.
pub fn reference(terraform_type: &str, is_data_source: bool, logical_id: &str, attr: &str) -> String {
    let prefix = if is_data_source { "data." } else { "" };
    format!("${{{prefix}{terraform_type}.{logical_id}.{attr}}}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_edge_example() {
        assert_eq!(
            base64encode_call("#!/bin/bash\necho ${HOME} $HOME\n"),
            "${base64encode(\"#!/bin/bash\\necho $${HOME} $HOME\\n\")}"
        );
    }

    #[test]
    fn unescaped_quotes_follow_the_cdktf_regex() {
        let table = [
            ("plain", false),
            ("\"", true),
            ("a\"b", true),
            ("a\\\"b", false),
            ("a\\\\\"b", true),
            ("a\\\\\\\"b", false),
            ("\\\"", false),
            ("tab\there", false),
            ("x\\y\"", true),
        ];
        for (s, want) in table {
            assert_eq!(has_unescaped_double_quotes(s), want, "{s:?}");
        }
    }

    #[test]
    fn only_newlines_and_interpolations_are_escaped() {
        assert_eq!(escape_function_argument("a\tb\\c%{x}${y}\r\n"), "a\tb\\c%{x}$${y}\r\\n");
    }

    #[test]
    fn references() {
        assert_eq!(reference("aws_instance", false, "web", "id"), "${aws_instance.web.id}");
        assert_eq!(reference("aws_ami", true, "al", "id"), "${data.aws_ami.al.id}");
    }
}
