//! User data: the two kwargs together, base64, size, Terraform templates in the script,
//! secrets, and a web server nobody can reach.
//!
//! Sources: the Terraform `aws_instance` resource (`user_data` conflicts with
//! `user_data_base64`, which must hold base64); EC2's user guide ("user data is limited
//! to 16 KB, in raw form, before it is base64-encoded"); Terraform's string templates
//! (`${...}` and `%{...}` are read in every string, `$${` and `%%{` escape them).

use std::borrow::Cow;

use base64::Engine as _;

use super::catalog::*;
use super::security_groups::groups_open;
use super::{t, Cx, Sink};
use crate::i18n::Text;
use crate::model::{Instance, UserData, UserDataEncoding};

/// The most user data EC2 takes, in bytes, before base64 encoding.
pub const MAX_USER_DATA: usize = 16 * 1024;

/// The first Terraform template sequence (`${...}` or `%{...}`) of `s`, with escapes
/// (`$${`, `%%{`) skipped; `only_directives` looks for `%{` alone.
pub(crate) fn template_sequence(s: &str, only_directives: bool) -> Option<&str> {
    let bytes = s.as_bytes();
    let mut k = 0;
    while k < bytes.len() {
        let rest = &bytes[k..];
        if rest.starts_with(b"$${") || rest.starts_with(b"%%{") {
            k += 3;
        } else if (rest.starts_with(b"${") && !only_directives) || rest.starts_with(b"%{") {
            let end = s[k..].find('}').map_or(s.len(), |e| k + e + 1);
            let end = s[k..end].char_indices().nth(40).map_or(end, |(e, _)| k + e);
            return s.get(k..end);
        } else {
            k += 1;
        }
    }
    None
}

/// A secret found in a text: what it is, in both languages (never the secret itself).
pub(crate) fn find_secret(s: &str) -> Option<Text> {
    let bytes = s.as_bytes();
    for (k, _) in s.match_indices(['A']) {
        let id = &bytes[k..];
        let prefix_ok = id.starts_with(b"AKIA") || id.starts_with(b"ASIA");
        let body_ok = id.len() >= 20 && id[4..20].iter().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
        let before_ok = k == 0 || !bytes[k - 1].is_ascii_alphanumeric();
        if prefix_ok && body_ok && before_ok {
            return Some(t("une clé d'accès AWS (AKIA…)", "an AWS access key (AKIA…)"));
        }
    }
    if s.contains("PRIVATE KEY-----") {
        return Some(t("une clé privée", "a private key"));
    }
    let lower = s.to_ascii_lowercase();
    for word in [
        "aws_secret_access_key",
        "password",
        "passwd",
        "secret",
        "token",
        "api_key",
        "apikey",
    ] {
        for (k, _) in lower.match_indices(word) {
            let after = lower[k + word.len()..].trim_start_matches(['"', '\'', ' ', '_']);
            let Some(value) = after.strip_prefix(['=', ':']) else {
                continue;
            };
            let value = value.trim_start_matches([' ', '"', '\'']);
            let literal = value
                .chars()
                .next()
                .is_some_and(|c| !matches!(c, '$' | '`' | '\n' | '\r' | '<' | '{'));
            if literal {
                let shown = &s[k..k + word.len()];
                return Some(t(
                    format!("un secret en clair ({shown}=…)"),
                    format!("a plain-text secret ({shown}=…)"),
                ));
            }
        }
    }
    None
}

/// True when `script` installs a web server with a package manager.
pub(crate) fn installs_web_server(script: &str) -> bool {
    script.lines().any(|line| {
        let words: Vec<&str> = line
            .split(|c: char| c.is_whitespace() || c == ';' || c == '&')
            .collect();
        let installs = words.iter().any(|w| {
            matches!(
                *w,
                "yum" | "dnf" | "apt" | "apt-get" | "amazon-linux-extras" | "zypper" | "apk"
            )
        }) && words.iter().any(|w| matches!(*w, "install" | "add"));
        installs
            && words.iter().any(|w| {
                let w = w.split(['=', ':']).next().unwrap_or_default();
                matches!(w, "httpd" | "nginx" | "nginx1" | "apache2" | "lighttpd" | "caddy")
            })
    })
}

/// The script as it runs on the instance, or `None` when `user_data_base64` holds text
/// that is not base64.
fn script_text<'a>(ud: &'a UserData, base64_field: bool) -> Option<Cow<'a, str>> {
    if base64_field && ud.encoding == UserDataEncoding::Plain {
        let compact: String = ud.script.chars().filter(|c| *c != '\n' && *c != '\r').collect();
        let bytes = base64::engine::general_purpose::STANDARD.decode(compact).ok()?;
        return Some(Cow::Owned(String::from_utf8_lossy(&bytes).into_owned()));
    }
    Some(Cow::Borrowed(&ud.script))
}

pub(super) fn check(cx: &Cx, sink: &mut Sink, i: usize, inst: &Instance) {
    let mut web_checked = false;
    for (field, ud, base64_field) in [
        ("user_data", inst.user_data.as_ref(), false),
        ("user_data_base64", inst.user_data_base64.as_ref(), true),
    ] {
        let Some(ud) = ud else { continue };
        if base64_field && inst.user_data.is_some() {
            sink.push(
                &USER_DATA_BOTH,
                i,
                field,
                t(
                    "L'instance a à la fois user_data et user_data_base64 : Terraform refuse les deux ensemble (« conflicts with »).",
                    "The instance has both user_data and user_data_base64: Terraform refuses the two together (\"conflicts with\").",
                ),
                t(
                    "Gardez-en un seul : user_data pour un script en clair, user_data_base64 pour un script déjà encodé.",
                    "Keep only one: user_data for a plain script, user_data_base64 for an already encoded one.",
                ),
            );
        }
        let Some(script) = script_text(ud, base64_field) else {
            sink.push(
                &USER_DATA_BASE64_INVALID,
                i,
                field,
                t(
                    "user_data_base64 attend du texte encodé en base64, et ce script n'en est pas : Terraform le refuse (« must be base64-encoded »).",
                    "user_data_base64 expects base64-encoded text, and this script is not: Terraform refuses it (\"must be base64-encoded\").",
                ),
                t(
                    "Passez le script à user_data, ou encodez-le : Fn.base64encode(USER_DATA) ou base64.b64encode(USER_DATA.encode()).decode().",
                    "Pass the script to user_data, or encode it: Fn.base64encode(USER_DATA) or base64.b64encode(USER_DATA.encode()).decode().",
                ),
            );
            continue;
        };
        let size = script.len();
        if size > MAX_USER_DATA {
            sink.push(
                &USER_DATA_TOO_LARGE,
                i,
                field,
                t(
                    format!("Le script fait {size} octets ; EC2 n'accepte que {MAX_USER_DATA} octets (16 Kio) de user data avant encodage."),
                    format!("The script is {size} bytes; EC2 takes only {MAX_USER_DATA} bytes (16 KiB) of user data before encoding."),
                ),
                t(
                    "Placez le gros du script dans S3 (ou un dépôt Git) et faites-le télécharger par un court script de démarrage.",
                    "Put the bulk of the script in S3 (or a Git repository) and have a short start-up script download it.",
                ),
            );
        }
        let template = match ud.encoding {
            UserDataEncoding::Plain if !base64_field => template_sequence(&ud.script, false),
            UserDataEncoding::FnBase64encode => template_sequence(&ud.script, true),
            _ => None,
        };
        if let Some(seq) = template {
            sink.push(
                &USER_DATA_INTERPOLATION,
                i,
                field,
                t(
                    format!("Le script contient « {seq} » : Terraform y lit une expression à lui et non du shell ; « terraform validate » le refuse (« Invalid reference ») ou, pire, le remplace."),
                    format!("The script holds \"{seq}\": Terraform reads it as its own expression, not shell; \"terraform validate\" refuses it (\"Invalid reference\") or, worse, replaces it."),
                ),
                t(
                    "Écrivez la variable sans accolades ($HOME), ou doublez le premier caractère ($${HOME}, %%{) pour que Terraform laisse le texte tel quel.",
                    "Write the variable without braces ($HOME), or double the first character ($${HOME}, %%{) so that Terraform leaves the text alone.",
                ),
            );
        }
        if let Some(what) = find_secret(&script) {
            sink.push(
                &USER_DATA_SECRET,
                i,
                field,
                t(
                    format!("Le user data contient {} : il est lisible par quiconque peut décrire l'instance, et depuis l'instance elle-même.", what.fr),
                    format!("The user data hold {}: anyone who can describe the instance can read them, and so can anything on the instance.", what.en),
                ),
                t(
                    "Donnez à l'instance un rôle IAM (iam_instance_profile) plutôt que des clés, et lisez les mots de passe dans Secrets Manager ou SSM Parameter Store au démarrage.",
                    "Give the instance an IAM role (iam_instance_profile) instead of keys, and read passwords from Secrets Manager or SSM Parameter Store at start-up.",
                ),
            );
        }
        if !web_checked && installs_web_server(&script) {
            web_checked = true;
            let closed = cx
                .instance_groups(inst)
                .is_some_and(|groups| !groups_open(&groups, &[80, 443]));
            if closed {
                sink.push(
                    &WEB_PORT_CLOSED,
                    i,
                    field,
                    t(
                        "Le script installe un serveur web, mais aucun groupe de sécurité de l'instance n'ouvre le port 80 ni le port 443 : la page ne s'affichera pas.",
                        "The script installs a web server, but none of the instance's security groups opens port 80 or 443: the page will not load.",
                    ),
                    t(
                        "Ajoutez à son groupe une règle entrante from_port=80, to_port=80, protocol=\"tcp\", cidr_blocks=[\"0.0.0.0/0\"], et rattachez le groupe par vpc_security_group_ids=[sg.id].",
                        "Add an ingress rule from_port=80, to_port=80, protocol=\"tcp\", cidr_blocks=[\"0.0.0.0/0\"] to its group, and attach the group with vpc_security_group_ids=[sg.id].",
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates() {
        assert_eq!(template_sequence("echo ${HOME}", false), Some("${HOME}"));
        assert_eq!(template_sequence("echo $${HOME} $HOME", false), None);
        assert_eq!(template_sequence("%{ if x }", false), Some("%{ if x }"));
        assert_eq!(template_sequence("%%{ x } ${y", false), Some("${y"));
        assert_eq!(template_sequence("echo ${HOME}", true), None);
        assert_eq!(template_sequence("printf '%{x}'", true), Some("%{x}"));
        assert_eq!(template_sequence("é${é}", false), Some("${é}"));
    }

    #[test]
    fn secrets() {
        assert!(find_secret("export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE").is_some());
        assert!(find_secret("MYSQL_ROOT_PASSWORD=hunter2").is_some());
        assert!(find_secret("password: 'x'").is_some());
        assert!(find_secret("echo $PASSWORD").is_none());
        assert!(find_secret("PASSWORD=$(aws ssm get-parameter ...)").is_none());
        assert!(find_secret("yum install -y httpd").is_none());
        assert!(find_secret("AKIA").is_none());
        assert!(find_secret("é AKIAIOSFODNN7EXAMPLE").is_some());
    }

    #[test]
    fn web_servers() {
        assert!(installs_web_server("yum install -y httpd"));
        assert!(installs_web_server("sudo apt-get -y install nginx"));
        assert!(installs_web_server("dnf install -y nginx && systemctl start nginx"));
        assert!(!installs_web_server("systemctl start httpd"));
        assert!(!installs_web_server("yum install -y git"));
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,80}") {
            let _ = template_sequence(&s, false);
            let _ = template_sequence(&s, true);
            let _ = find_secret(&s);
            let _ = installs_web_server(&s);
        }
    }
}
