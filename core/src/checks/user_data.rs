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
        check_script_shape(sink, i, field, ud, &script);
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

/// The first line of user data cloud-init acts on: a `#!` script, a cloud-config, or one
/// of its other formats (<https://cloudinit.readthedocs.io/en/latest/explanation/format.html>);
/// the EC2Launch formats of Windows AMIs (`<powershell>`, `<script>`, `<persist>`,
/// `version:`) count too.
const HEADERS: &[&str] = &[
    "#!",
    "#cloud-config",
    "#include",
    "#cloud-boothook",
    "#part-handler",
    "#upstart-job",
    "## template: jinja",
    "Content-Type:",
    "MIME-Version:",
    "<powershell>",
    "<script>",
    "<persist>",
    "version:",
];

/// The header of `script` as cloud-init reads it, `None` when it has none it knows.
pub(crate) fn header(script: &str) -> Option<&'static str> {
    HEADERS.iter().copied().find(|h| script.starts_with(h))
}

/// The first backslash sequence of a `Fn.base64encode` script that Terraform reads as an
/// escape of its own (anything but the `\"` cdktf asks for), as it should be shown.
pub(crate) fn hcl_escape(script: &str) -> Option<String> {
    let mut chars = script.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('"') | None => {}
                Some('\n') => return Some("\\⏎".to_owned()),
                Some(n) => return Some(format!("\\{n}")),
            }
        }
    }
    None
}

/// The first line, line endings and escapes of a script, as cloud-init and Terraform see them.
fn check_script_shape(sink: &mut Sink, i: usize, field: &str, ud: &UserData, script: &str) {
    let readable = !script.is_empty() && !script.contains('\u{FFFD}');
    // EC2Launch finds Windows's <powershell> and <script> tags anywhere in the text.
    let windows = script.contains("<powershell>") || script.contains("<script>") || script.contains("<persist>");
    if readable && !windows && header(script).is_none() {
        let trimmed = script.trim_start();
        let message = match header(trimmed) {
            Some(h) => {
                let skipped = &script[..script.len() - trimmed.len()];
                let what = if skipped.contains('\n') {
                    ("une ligne vide", "an empty line")
                } else {
                    ("des espaces", "spaces")
                };
                t(
                    format!("Le script commence par {} avant « {h} » : cloud-init ne reconnaît « {h} » qu'au tout premier caractère, et n'exécutera pas le script (« Unhandled non-multipart userdata »)." , what.0),
                    format!("The script starts with {} before \"{h}\": cloud-init recognizes \"{h}\" only at the very first character, and will not run the script (\"Unhandled non-multipart userdata\").", what.1),
                )
            }
            None => t(
                "La première ligne du script n'est ni « #!/bin/bash » ni « #cloud-config » : cloud-init ne sait pas quoi en faire et ne l'exécute pas (« Unhandled non-multipart userdata »).",
                "The script's first line is neither \"#!/bin/bash\" nor \"#cloud-config\": cloud-init does not know what to do with it and does not run it (\"Unhandled non-multipart userdata\").",
            ),
        };
        sink.push(
            &USER_DATA_NO_SHEBANG,
            i,
            field,
            message,
            t(
                "Commencez le script par « #!/bin/bash » dès le premier caractère : en Python, USER_DATA = \"\"\"#!/bin/bash (sans retour à la ligne après les guillemets), ou textwrap.dedent(...).lstrip().",
                "Start the script with \"#!/bin/bash\" at the very first character: in Python, USER_DATA = \"\"\"#!/bin/bash (no line break after the quotes), or textwrap.dedent(...).lstrip().",
            ),
        );
    }
    if ud.encoding != UserDataEncoding::FnBase64encode && script.contains('\r') {
        sink.push(
            &USER_DATA_CRLF,
            i,
            field,
            t(
                "Le script a des fins de ligne Windows (CRLF) : l'instance cherchera l'interpréteur « /bin/bash\\r » et échouera (« /bin/bash^M: bad interpreter »), et chaque commande recevra un \\r en trop.",
                "The script has Windows line endings (CRLF): the instance will look for the interpreter \"/bin/bash\\r\" and fail (\"/bin/bash^M: bad interpreter\"), and every command gets a stray \\r.",
            ),
            t(
                "Enregistrez le fichier avec des fins de ligne LF (VS Code : « CRLF » en bas à droite, puis LF), ou passez USER_DATA.replace(\"\\r\\n\", \"\\n\").",
                "Save the file with LF line endings (VS Code: \"CRLF\" at the bottom right, then LF), or pass USER_DATA.replace(\"\\r\\n\", \"\\n\").",
            ),
        );
    }
    if ud.encoding == UserDataEncoding::FnBase64encode {
        let json = crate::synth::expression::base64encode_call(script);
        let readable_by_terraform = !crate::synth::expression::has_unescaped_double_quotes(script)
            && hcl_edit::parser::parse_template(&json).is_ok();
        if let Some(seq) = hcl_escape(script).filter(|_| readable_by_terraform) {
            sink.push(
                &USER_DATA_ESCAPES,
                i,
                field,
                t(
                    format!("Dans Fn.base64encode, Terraform relit le script comme une chaîne HCL : « {seq} » y est un échappement (\\t devient une tabulation, \\\\ une seule barre, une barre en fin de ligne perd la continuation). L'instance n'exécutera pas le script tel qu'il est écrit."),
                    format!("Inside Fn.base64encode, Terraform reads the script again as an HCL string: \"{seq}\" is an escape there (\\t becomes a tab, \\\\ a single backslash, a backslash at the end of a line loses the continuation). The instance will not run the script as written."),
                ),
                t(
                    "Encodez le script en Python, base64.b64encode(USER_DATA.encode()).decode(), que Terraform ne relit pas ; ou doublez chaque barre oblique inverse du script.",
                    "Encode the script in Python, base64.b64encode(USER_DATA.encode()).decode(), which Terraform does not read again; or double every backslash of the script.",
                ),
            );
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
    fn headers() {
        assert_eq!(header("#!/bin/bash\n"), Some("#!"));
        assert_eq!(header("#cloud-config\n"), Some("#cloud-config"));
        assert_eq!(header("\n#!/bin/bash\n"), None);
        assert_eq!(header("<powershell>x</powershell>"), Some("<powershell>"));
        assert_eq!(hcl_escape("a \\\"q\\\" b"), None);
        assert_eq!(hcl_escape("a\\tb").as_deref(), Some("\\t"));
        assert_eq!(hcl_escape("a \\\nb").as_deref(), Some("\\⏎"));
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
