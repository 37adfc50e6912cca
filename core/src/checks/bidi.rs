//! Text direction controls in any string of the stack: U+202A–U+202E (embeddings and
//! overrides) and U+2066–U+2069 (isolates). They are invisible, yet they reorder how the
//! text around them is shown, so a shared stack could display something other than what it
//! holds ("Trojan Source", CVE-2021-42574). Terraform and AWS take them as any character;
//! the check warns and names each one, its code point and its place.
//!
//! Source: Unicode Technical Standard #55, Unicode Source Code Handling
//! (<https://www.unicode.org/reports/tr55/>), which asks tools to make these characters
//! visible.

use super::catalog::TEXT_BIDI_CONTROL;
use super::{t, Sink};
use crate::model::Resource;

/// True for the characters this check names: U+202A–U+202E and U+2066–U+2069.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The direction controls in `s`: each one's code point (`U+202E`) and its position
/// (1-based, in characters).
pub fn bidi_controls(s: &str) -> Vec<(String, usize)> {
    s.chars()
        .enumerate()
        .filter(|(_, c)| is_bidi_control(*c))
        .map(|(n, c)| (format!("U+{:04X}", u32::from(c)), n + 1))
        .collect()
}

/// Warns about every string of resource `i` that holds a direction control: its construct
/// id, its Python variable, every string synth writes (tags and their keys included), an
/// output's description and user data.
pub(crate) fn check(sink: &mut Sink, i: usize, r: &Resource) {
    let mut strings = vec![("id".to_owned(), r.id().to_owned())];
    if let Some(v) = r.var() {
        strings.push(("var".to_owned(), v.to_owned()));
    }
    strings.extend(super::templates::strings(r));
    if let Resource::TerraformOutput(o) = r {
        if let Some(d) = &o.description {
            strings.push(("description".to_owned(), d.clone()));
        }
    }
    let mut seen = std::collections::HashSet::new();
    for (path, s) in strings {
        let found = bidi_controls(&s);
        let Some((first, at)) = found.first() else { continue };
        // A tag's key and value share a path: one finding per place.
        if !seen.insert(path.clone()) {
            continue;
        }
        let more = found.len() - 1;
        let (fr_more, en_more) = match more {
            0 => (String::new(), String::new()),
            1 => (" et 1 autre".to_owned(), " and 1 more".to_owned()),
            n => (format!(" et {n} autres"), format!(" and {n} more")),
        };
        sink.push(
            &TEXT_BIDI_CONTROL,
            i,
            &path,
            t(
                format!("Ce texte contient un caractère invisible qui change le sens d'affichage ({first}, au caractère {at}{fr_more}) : ce qui s'affiche n'est pas ce qui est écrit."),
                format!("This text holds an invisible character that changes the display direction ({first}, at character {at}{en_more}): what shows is not what is written."),
            ),
            t(
                "Retapez le texte sans le copier-coller, ou supprimez ces caractères (l'éditeur de code les montre en rouge).",
                "Retype the text rather than paste it, or delete these characters (the code editor shows them in red).",
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_each_control_and_its_place() {
        assert_eq!(bidi_controls("abc"), Vec::<(String, usize)>::new());
        assert_eq!(
            bidi_controls("a\u{202E}b\u{2066}é"),
            vec![("U+202E".to_owned(), 2), ("U+2066".to_owned(), 4)]
        );
        assert!(!is_bidi_control('\u{200F}'), "a mark, not a control: not named");
        assert!(is_bidi_control('\u{2069}') && is_bidi_control('\u{202A}'));
    }
}
