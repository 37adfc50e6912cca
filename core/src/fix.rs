//! One-click fixes: for each check whose fix is mechanical, the change that makes the
//! finding go away, as a pure function from a [`Stack`] to a [`Stack`].
//!
//! - [`findings`] is [`crate::check`] with, on each finding that has one, its [`FixOffer`]:
//!   a fix id, its label (« Corriger » / "Fix"), what it changes, in French and English, and
//!   the parameters it needs (only [`RESTRICT_SOURCE`] has one: the learner's address; the
//!   page never fetches anything).
//! - [`apply_fix`] applies the fix of one finding, named by its code and path.
//! - [`apply_all_fixes`] applies every fix without a parameter, until none is left;
//!   [`apply_all_fixes_with`] also those whose parameters the learner gave.
//!
//! | code | fix id | what it changes |
//! | --- | --- | --- |
//! | `imdsv1` | `require-imdsv2` | `metadata_options.http_tokens = "required"` |
//! | `instance-volume-unencrypted` | `encrypt-volume` | `encrypted = True` on the root or extra volume |
//! | `ebs-volume-unencrypted` | `encrypt-volume` | `encrypted = True` |
//! | `user-data-interpolation` | `escape-template` | `${` → `$${`, `%{` → `%%{` in the script |
//! | `user-data-no-shebang` | `add-shebang` | leading blanks cut, or `#!/bin/bash` added as first line |
//! | `user-data-crlf` | `lf-line-endings` | CRLF (and lone CR) → LF in the script |
//! | `sg-no-egress` | `add-egress` | the all-traffic egress rule AWS creates by default |
//! | `sg-ssh-open`, `sg-rdp-open` | `restrict-source` | `0.0.0.0/0` (or `::/0`) → the learner's address |
//! | `output-secret` | `mark-sensitive` | `sensitive = True` |
//! | `sg-port-order` | `swap-ports` | `from_port` and `to_port` swapped |
//! | `sg-all-protocol-ports` | `zero-ports` | `from_port = 0`, `to_port = 0` with protocol `-1` |
//! | `cidr-not-network` | `network-address` | the block written as its network (`10.0.0.0/24`) |
//! | `cidr-invalid` (an address without prefix) | `add-prefix` | `/32` (IPv6: `/128`) added |
//! | `ami-lookup-ambiguous` | `most-recent` | `most_recent = True` (only with an owner: else `ami-lookup-unsafe`) |
//! | `ebs-optimized-unsupported` | `remove-ebs-optimized` | `ebs_optimized` removed |
//! | `device-name-partition` | `whole-device` | the partition number cut (`/dev/sdf1` → `/dev/sdf`) |
//!
//! Each fix changes only the resource the finding's path names, and only the field it
//! names. Sources: the hint of each check (`docs/checks.md`), which names the same change.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::checks::cidr::{self, CidrError};
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::{Lang, Text};
use crate::model::{Resource, SecurityGroupRule, Stack, UserData, UserDataEncoding};

/// The parameters of a fix, by name (`{"cidr": "203.0.113.7"}`); empty for most fixes.
pub type FixParams = IndexMap<String, String>;

/// A parameter a fix needs from the learner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FixParam {
    /// The name to give in [`FixParams`] (`"cidr"`).
    pub name: String,
    /// What to type, in French and English.
    pub label: Text,
    /// An example value (`"203.0.113.7/32"`).
    pub example: String,
}

/// A fix the playground offers for one finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FixOffer {
    /// Stable fix id (`require-imdsv2`), one of the table of this module.
    pub id: String,
    /// The button's label: « Corriger » / "Fix".
    pub label: Text,
    /// What the fix changes, in French and English.
    pub description: Text,
    /// What the learner must give first; empty for a one-click fix.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub params: Vec<FixParam>,
}

/// A finding of the checks, with the fix the playground offers for it (if any). JSON: the
/// fields of [`Diagnostic`], then `"fix"` when there is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// The finding itself.
    #[serde(flatten)]
    pub diagnostic: Diagnostic,
    /// The fix offered for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<FixOffer>,
}

/// A fix [`apply_all_fixes`] applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppliedFix {
    /// The finding's code.
    pub code: String,
    /// The finding's path, in the stack before the fix.
    pub path: String,
    /// The fix id.
    pub fix: String,
    /// What it changed.
    pub description: Text,
}

/// Why a fix was not applied.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FixError {
    /// No fix exists for this code (or for this finding's kind of path).
    #[error("no fix for {code} at {path}")]
    NoFix {
        /// The code asked for.
        code: String,
        /// The path asked for.
        path: String,
    },
    /// The path does not name a field of the stack that the fix can change.
    #[error("{path} does not name what {code} is about in this stack")]
    BadPath {
        /// The code asked for.
        code: String,
        /// The path asked for.
        path: String,
    },
    /// A parameter is missing.
    #[error("the fix {fix} needs the parameter \"{param}\"")]
    MissingParam {
        /// The fix id.
        fix: String,
        /// The parameter's name.
        param: String,
    },
    /// A parameter is not a value the fix can use.
    #[error("\"{value}\" is not an IP address or CIDR block (write 203.0.113.7 or 203.0.113.0/24)")]
    BadParam {
        /// The value given.
        value: String,
    },
}

impl FixError {
    /// The error in the learner's language.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::En) => self.to_string(),
            (FixError::NoFix { code, path }, Lang::Fr) => format!("pas de correction pour {code} en {path}"),
            (FixError::BadPath { code, path }, Lang::Fr) => {
                format!("{path} ne désigne pas, dans cette stack, ce dont parle {code}")
            }
            (FixError::MissingParam { fix, param }, Lang::Fr) => {
                format!("la correction {fix} a besoin du paramètre « {param} »")
            }
            (FixError::BadParam { value }, Lang::Fr) => {
                format!("« {value} » n'est ni une adresse IP ni un bloc CIDR (écrivez 203.0.113.7 ou 203.0.113.0/24)")
            }
        }
    }
}

/// Fix id: `metadata_options.http_tokens = "required"`.
pub const REQUIRE_IMDSV2: &str = "require-imdsv2";
/// Fix id: `encrypted = True`.
pub const ENCRYPT_VOLUME: &str = "encrypt-volume";
/// Fix id: `${` and `%{` escaped in the script.
pub const ESCAPE_TEMPLATE: &str = "escape-template";
/// Fix id: the script starts with `#!/bin/bash`.
pub const ADD_SHEBANG: &str = "add-shebang";
/// Fix id: LF line endings.
pub const LF_LINE_ENDINGS: &str = "lf-line-endings";
/// Fix id: the default all-traffic egress rule.
pub const ADD_EGRESS: &str = "add-egress";
/// Fix id: the source limited to the learner's address (parameter `cidr`).
pub const RESTRICT_SOURCE: &str = "restrict-source";
/// Fix id: `sensitive = True`.
pub const MARK_SENSITIVE: &str = "mark-sensitive";
/// Fix id: `from_port` and `to_port` swapped.
pub const SWAP_PORTS: &str = "swap-ports";
/// Fix id: ports 0 with protocol `-1`.
pub const ZERO_PORTS: &str = "zero-ports";
/// Fix id: the CIDR block as its network address.
pub const NETWORK_ADDRESS: &str = "network-address";
/// Fix id: `/32` or `/128` added to an address.
pub const ADD_PREFIX: &str = "add-prefix";
/// Fix id: `most_recent = True`.
pub const MOST_RECENT: &str = "most-recent";
/// Fix id: `ebs_optimized` removed.
pub const REMOVE_EBS_OPTIMIZED: &str = "remove-ebs-optimized";
/// Fix id: the device name without its partition number.
pub const WHOLE_DEVICE: &str = "whole-device";

/// The name of [`RESTRICT_SOURCE`]'s parameter.
pub const CIDR_PARAM: &str = "cidr";

/// The egress rule AWS creates in every new group (all protocols, every address), with a
/// description so that the rule raises no `sg-rule-no-description`.
/// Source: <https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html>.
fn default_egress() -> SecurityGroupRule {
    SecurityGroupRule {
        from_port: Some(0.into()),
        to_port: Some(0.into()),
        protocol: Some("-1".to_owned()),
        cidr_blocks: Some(vec!["0.0.0.0/0".to_owned()]),
        description: Some("All outbound traffic".to_owned()),
        ..SecurityGroupRule::default()
    }
}

/// The fix id for a finding's code, before looking at the stack.
fn fix_id(code: &str) -> Option<&'static str> {
    Some(match code {
        "imdsv1" => REQUIRE_IMDSV2,
        "instance-volume-unencrypted" | "ebs-volume-unencrypted" => ENCRYPT_VOLUME,
        "user-data-interpolation" => ESCAPE_TEMPLATE,
        "user-data-no-shebang" => ADD_SHEBANG,
        "user-data-crlf" => LF_LINE_ENDINGS,
        "sg-no-egress" => ADD_EGRESS,
        "sg-ssh-open" | "sg-rdp-open" => RESTRICT_SOURCE,
        "output-secret" => MARK_SENSITIVE,
        "sg-port-order" => SWAP_PORTS,
        "sg-all-protocol-ports" => ZERO_PORTS,
        "cidr-not-network" => NETWORK_ADDRESS,
        "cidr-invalid" => ADD_PREFIX,
        "ami-lookup-ambiguous" => MOST_RECENT,
        "ebs-optimized-unsupported" => REMOVE_EBS_OPTIMIZED,
        "device-name-partition" => WHOLE_DEVICE,
        _ => return None,
    })
}

/// What each fix changes, in French and English.
fn describe(fix: &str) -> Text {
    let (fr, en) = match fix {
        REQUIRE_IMDSV2 => (
            "Ajoute metadata_options=InstanceMetadataOptions(http_tokens=\"required\") : IMDSv2 seulement.",
            "Adds metadata_options=InstanceMetadataOptions(http_tokens=\"required\"): IMDSv2 only.",
        ),
        ENCRYPT_VOLUME => ("Ajoute encrypted=True au volume.", "Adds encrypted=True to the volume."),
        ESCAPE_TEMPLATE => (
            "Double le premier caractère de ${ et %{ dans le script ($${, %%{) : Terraform laisse le texte tel quel.",
            "Doubles the first character of ${ and %{ in the script ($${, %%{): Terraform leaves the text alone.",
        ),
        ADD_SHEBANG => (
            "Fait commencer le script par « #!/bin/bash » dès le premier caractère.",
            "Makes the script start with \"#!/bin/bash\" at the very first character.",
        ),
        LF_LINE_ENDINGS => (
            "Remplace les fins de ligne Windows (CRLF) du script par des LF.",
            "Replaces the script's Windows line endings (CRLF) with LF.",
        ),
        ADD_EGRESS => (
            "Ajoute la règle sortante qu'AWS crée par défaut : tout le trafic vers 0.0.0.0/0.",
            "Adds the egress rule AWS creates by default: all traffic to 0.0.0.0/0.",
        ),
        RESTRICT_SOURCE => (
            "Remplace la source « tout Internet » de la règle par votre adresse IP (x.x.x.x/32).",
            "Replaces the rule's \"whole Internet\" source with your IP address (x.x.x.x/32).",
        ),
        MARK_SENSITIVE => (
            "Ajoute sensitive=True à la sortie.",
            "Adds sensitive=True to the output.",
        ),
        SWAP_PORTS => ("Échange from_port et to_port.", "Swaps from_port and to_port."),
        ZERO_PORTS => (
            "Met from_port=0 et to_port=0, comme l'exige le protocole -1.",
            "Sets from_port=0 and to_port=0, as protocol -1 requires.",
        ),
        NETWORK_ADDRESS => (
            "Écrit le bloc CIDR comme son adresse de réseau.",
            "Writes the CIDR block as its network address.",
        ),
        ADD_PREFIX => (
            "Ajoute /32 (/128 en IPv6) : le bloc de cette seule adresse.",
            "Adds /32 (/128 for IPv6): the block of that one address.",
        ),
        MOST_RECENT => (
            "Ajoute most_recent=True : la plus récente des AMI trouvées.",
            "Adds most_recent=True: the latest of the AMIs found.",
        ),
        REMOVE_EBS_OPTIMIZED => ("Retire ebs_optimized=True.", "Removes ebs_optimized=True."),
        WHOLE_DEVICE => (
            "Retire le numéro de partition du nom de périphérique.",
            "Removes the partition number from the device name.",
        ),
        _ => ("", ""),
    };
    Text::new(fr, en)
}

/// The parameters of a fix.
fn params_of(fix: &str) -> Vec<FixParam> {
    if fix == RESTRICT_SOURCE {
        vec![FixParam {
            name: CIDR_PARAM.to_owned(),
            label: Text::new(
                "Votre adresse IP publique (celle que montre « curl https://checkip.amazonaws.com »)",
                "Your public IP address (the one \"curl https://checkip.amazonaws.com\" shows)",
            ),
            example: "203.0.113.7".to_owned(),
        }]
    } else {
        Vec::new()
    }
}

/// The fix offered for `d` in `stack`, when its fix is mechanical and the finding's path
/// names what the fix changes. Pure; never panics.
pub fn fix_offer(stack: &Stack, d: &Diagnostic) -> Option<FixOffer> {
    let id = fix_id(&d.code)?;
    // Offer only what applies: the fix, tried with a sample parameter, must succeed.
    let mut params = FixParams::new();
    if id == RESTRICT_SOURCE {
        params.insert(CIDR_PARAM.to_owned(), "203.0.113.7".to_owned());
    }
    if !fix_applies(stack, &d.code, &d.path, &params) {
        return None;
    }
    Some(FixOffer {
        id: id.to_owned(),
        label: Text::new("Corriger", "Fix"),
        description: describe(id),
        params: params_of(id),
    })
}

/// [`crate::check`], with the fix offered for each finding (see [`fix_offer`]).
pub fn findings(stack: &Stack) -> Vec<Finding> {
    crate::check(stack)
        .into_iter()
        .map(|d| Finding {
            fix: fix_offer(stack, &d),
            diagnostic: d,
        })
        .collect()
}

/// Applies the fix of the finding with `code` at `path` (as [`Diagnostic`] gives them) to a
/// copy of `stack`. `params` holds what [`FixOffer::params`] lists (`cidr` for
/// [`RESTRICT_SOURCE`]: an address, `203.0.113.7`, or a block, `203.0.113.0/24`).
///
/// Errors: [`FixError::NoFix`] for a code without a mechanical fix; [`FixError::BadPath`]
/// when the path does not name the field the fix changes; [`FixError::MissingParam`] and
/// [`FixError::BadParam`]. Never panics.
pub fn apply_fix(stack: &Stack, code: &str, path: &str, params: &FixParams) -> Result<Stack, FixError> {
    let fix = fix_id(code).ok_or_else(|| FixError::NoFix {
        code: code.to_owned(),
        path: path.to_owned(),
    })?;
    let bad = || FixError::BadPath {
        code: code.to_owned(),
        path: path.to_owned(),
    };
    let (index, field) = split_path(path).ok_or_else(bad)?;
    let segs = segments(field).ok_or_else(bad)?;
    let mut out = stack.clone();
    let resource = out.resources.get_mut(index).ok_or_else(bad)?;
    if fix_resource(resource, fix, code, &segs, params)? {
        Ok(out)
    } else {
        Err(bad())
    }
}

/// Whether the fix of the finding at `path` applies, tried on a copy of its resource alone
/// (a copy of the whole stack per finding made the checks panel of a 1,000-resource stack
/// quadratic).
fn fix_applies(stack: &Stack, code: &str, path: &str, params: &FixParams) -> bool {
    let Some(fix) = fix_id(code) else {
        return false;
    };
    let Some((index, field)) = split_path(path) else {
        return false;
    };
    let Some(segs) = segments(field) else {
        return false;
    };
    let Some(mut resource) = stack.resources.get(index).cloned() else {
        return false;
    };
    matches!(fix_resource(&mut resource, fix, code, &segs, params), Ok(true))
}

/// Applies the fix `fix` (of the finding `code`) to `resource`, at the field `segs`: true
/// when it applied, false when the path does not name what the fix changes.
fn fix_resource(
    resource: &mut Resource,
    fix: &'static str,
    code: &str,
    segs: &[Seg<'_>],
    params: &FixParams,
) -> Result<bool, FixError> {
    let ok = match (fix, resource) {
        (REQUIRE_IMDSV2, Resource::Instance(inst)) if first(segs) == Some("metadata_options") => {
            inst.metadata_options.get_or_insert_with(Default::default).http_tokens = Some("required".to_owned());
            true
        }
        (ENCRYPT_VOLUME, Resource::Instance(inst)) => match segs {
            [Seg::Name("root_block_device"), ..] => {
                inst.root_block_device.get_or_insert_with(Default::default).encrypted = Some(true);
                true
            }
            [Seg::Name("ebs_block_device"), Seg::Index(j), ..] => {
                match inst.ebs_block_device.as_mut().and_then(|d| d.get_mut(*j)) {
                    Some(d) => {
                        d.encrypted = Some(true);
                        true
                    }
                    None => false,
                }
            }
            _ => false,
        },
        (ENCRYPT_VOLUME, Resource::EbsVolume(v)) if code == "ebs-volume-unencrypted" => {
            v.encrypted = Some(true);
            true
        }
        (ESCAPE_TEMPLATE | ADD_SHEBANG | LF_LINE_ENDINGS, Resource::Instance(inst)) => {
            let ud = match first(segs) {
                Some("user_data") => inst.user_data.as_mut(),
                Some("user_data_base64") => inst.user_data_base64.as_mut(),
                _ => None,
            };
            match ud {
                Some(ud) => fix_script(fix, ud),
                None => false,
            }
        }
        (ADD_EGRESS, Resource::SecurityGroup(sg)) if first(segs) == Some("egress") => {
            sg.egress.get_or_insert_with(Vec::new).push(default_egress());
            true
        }
        (RESTRICT_SOURCE, Resource::SecurityGroup(sg)) => {
            let value = params.get(CIDR_PARAM).ok_or_else(|| FixError::MissingParam {
                fix: fix.to_owned(),
                param: CIDR_PARAM.to_owned(),
            })?;
            let mine = learner_block(value)?;
            match segs {
                [Seg::Name("ingress"), Seg::Index(j), Seg::Name(list), Seg::Index(k)] => {
                    match sg.ingress.as_mut().and_then(|r| r.get_mut(*j)) {
                        Some(rule) => restrict(rule, list, *k, &mine),
                        None => false,
                    }
                }
                _ => false,
            }
        }
        (MARK_SENSITIVE, Resource::TerraformOutput(o)) => {
            o.sensitive = Some(true);
            true
        }
        (SWAP_PORTS | ZERO_PORTS | NETWORK_ADDRESS | ADD_PREFIX, Resource::SecurityGroup(sg)) => match segs {
            [Seg::Name(list @ ("ingress" | "egress")), Seg::Index(j), rest @ ..] => {
                let rules = if *list == "ingress" {
                    &mut sg.ingress
                } else {
                    &mut sg.egress
                };
                match rules.as_mut().and_then(|r| r.get_mut(*j)) {
                    Some(rule) => fix_rule(fix, rule, rest),
                    None => false,
                }
            }
            _ => false,
        },
        // most_recent=True without an owner is what `ami-lookup-unsafe` refuses: no fix then.
        (MOST_RECENT, Resource::DataAwsAmi(a))
            if a.owners.as_ref().is_some_and(|o| !o.is_empty())
                || a.filter
                    .iter()
                    .flatten()
                    .any(|f| matches!(f.name.as_str(), "owner-id" | "owner-alias" | "image-id")) =>
        {
            a.most_recent = Some(true);
            true
        }
        (REMOVE_EBS_OPTIMIZED, Resource::Instance(inst)) if inst.ebs_optimized.is_some() => {
            inst.ebs_optimized = None;
            true
        }
        (WHOLE_DEVICE, Resource::VolumeAttachment(a)) if first(segs) == Some("device_name") => {
            whole_device(&mut a.device_name)
        }
        (WHOLE_DEVICE, Resource::Instance(inst)) => match segs {
            [Seg::Name("ebs_block_device"), Seg::Index(j), Seg::Name("device_name")] => {
                match inst.ebs_block_device.as_mut().and_then(|d| d.get_mut(*j)) {
                    Some(d) => whole_device(&mut d.device_name),
                    None => false,
                }
            }
            _ => false,
        },
        _ => false,
    };
    Ok(ok)
}

/// Applies every fix that needs no parameter, finding after finding, until the checks
/// offer none (at most as many rounds as there were findings, so it always ends). Returns
/// the fixed stack and what was applied, in order. Never panics.
pub fn apply_all_fixes(stack: &Stack) -> (Stack, Vec<AppliedFix>) {
    // No parameter given: no fix can meet a bad one.
    match apply_all_fixes_with(stack, &FixParams::new(), &|_| true) {
        Ok(run) => (run.stack, run.applied),
        Err(_) => (stack.clone(), Vec::new()),
    }
}

/// What [`apply_all_fixes_with`] did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FixRun {
    /// The stack with the fixes applied.
    pub stack: Stack,
    /// The fixes applied, in order.
    pub applied: Vec<AppliedFix>,
    /// The fixes whose result `accept` refused (for the CLI, a change `main.py` cannot take,
    /// such as a script that lives in `user_data.py`), in order.
    pub refused: Vec<AppliedFix>,
}

/// [`apply_all_fixes`], also applying the fixes whose parameters `params` gives (`cidr`:
/// the learner's address, for [`RESTRICT_SOURCE`]), and keeping a fix only when `accept`
/// takes the stack it gives (the CLI asks that `main.py` can be edited to it; the page may
/// ask the same). A fix not kept is not tried again. Never panics.
///
/// Errors: [`FixError::BadParam`] when a parameter given is not a value the fix can use
/// (`cidr` that is no address, or the whole Internet).
pub fn apply_all_fixes_with(
    stack: &Stack,
    params: &FixParams,
    accept: &dyn Fn(&Stack) -> bool,
) -> Result<FixRun, FixError> {
    if let Some(value) = params.get(CIDR_PARAM) {
        learner_block(value)?;
    }
    let mut current = stack.clone();
    let mut applied = Vec::new();
    let mut refused = Vec::new();
    let mut tried: Vec<(String, String)> = Vec::new();
    let budget = crate::check(stack).len() + 1;
    for _ in 0..budget {
        let next = crate::check(&current).into_iter().find(|d| {
            fix_id(&d.code).is_some_and(|f| params_of(f).iter().all(|p| params.contains_key(&p.name)))
                && !tried.iter().any(|(c, p)| *c == d.code && *p == d.path)
        });
        let Some(d) = next else { break };
        let fix = fix_id(&d.code).unwrap_or_default();
        let record = AppliedFix {
            code: d.code.clone(),
            path: d.path.clone(),
            fix: fix.to_owned(),
            description: describe(fix),
        };
        match apply_fix(&current, &d.code, &d.path, params) {
            // A fix may uncover an error the finding hid (a script whose `%{` made the
            // template check report `user-data-interpolation` also holds `\%`, an escape
            // HCL refuses): such a fix is not kept, so that fixing never adds an error.
            Ok(fixed) if adds_error(&current, &fixed) => tried.push((d.code, d.path)),
            Ok(fixed) if accept(&fixed) => {
                applied.push(record);
                current = fixed;
            }
            Ok(_) => {
                refused.push(record);
                tried.push((d.code, d.path));
            }
            Err(_) => tried.push((d.code, d.path)),
        }
    }
    Ok(FixRun {
        stack: current,
        applied,
        refused,
    })
}

/// True when `d` is an error: the fixes' law is that applying them never adds one.
pub fn is_error(d: &Diagnostic) -> bool {
    d.severity == Severity::Error
}

/// True when `after` has an error (code and path) that `before` has not.
fn adds_error(before: &Stack, after: &Stack) -> bool {
    let errors = |s: &Stack| -> Vec<(String, String)> {
        crate::check(s)
            .into_iter()
            .filter(is_error)
            .map(|d| (d.code, d.path))
            .collect()
    };
    let old = errors(before);
    errors(after).iter().any(|e| !old.contains(e))
}

fn fix_script(fix: &str, ud: &mut UserData) -> bool {
    let before = ud.script.clone();
    match fix {
        ESCAPE_TEMPLATE => {
            // Inside Fn.base64encode, cdktf already escapes `${`; Terraform still reads `%{`.
            let dollar = ud.encoding == UserDataEncoding::Plain;
            if ud.encoding == UserDataEncoding::Base64 {
                return false;
            }
            ud.script = escape_template(&ud.script, dollar);
        }
        ADD_SHEBANG => {
            let trimmed = ud.script.trim_start();
            ud.script = if crate::checks::user_data_header(trimmed).is_some() {
                trimmed.to_owned()
            } else {
                format!("#!/bin/bash\n{}", ud.script)
            };
        }
        LF_LINE_ENDINGS => ud.script = ud.script.replace("\r\n", "\n").replace('\r', "\n"),
        _ => return false,
    }
    ud.script != before
}

/// `${` → `$${` (when `dollar`) and `%{` → `%%{`, leaving what is already escaped.
/// Source: Terraform's template escapes,
/// <https://developer.hashicorp.com/terraform/language/expressions/strings#escape-sequences>.
pub fn escape_template(script: &str, dollar: bool) -> String {
    let mut out = String::with_capacity(script.len() + 8);
    let mut chars = script.chars().peekable();
    while let Some(c) = chars.next() {
        if (c == '$' && dollar) || c == '%' {
            match chars.peek() {
                // Already escaped: `$${` or `%%{` stays as it is.
                Some(&n) if n == c => {
                    out.push(c);
                    out.push(n);
                    chars.next();
                    continue;
                }
                Some('{') => {
                    out.push(c);
                    out.push(c);
                    continue;
                }
                _ => {}
            }
        }
        out.push(c);
    }
    out
}

fn fix_rule(fix: &str, rule: &mut SecurityGroupRule, rest: &[Seg]) -> bool {
    match (fix, rest) {
        (SWAP_PORTS, [Seg::Name("from_port" | "to_port")]) => match (rule.from_port, rule.to_port) {
            (Some(f), Some(t)) if f.value() > t.value() => {
                rule.from_port = Some(t);
                rule.to_port = Some(f);
                true
            }
            _ => false,
        },
        (ZERO_PORTS, [Seg::Name("from_port" | "to_port")]) => {
            rule.from_port = Some(0.into());
            rule.to_port = Some(0.into());
            true
        }
        (NETWORK_ADDRESS | ADD_PREFIX, [Seg::Name(list @ ("cidr_blocks" | "ipv6_cidr_blocks")), Seg::Index(k)]) => {
            let blocks = if *list == "cidr_blocks" {
                &mut rule.cidr_blocks
            } else {
                &mut rule.ipv6_cidr_blocks
            };
            let Some(block) = blocks.as_mut().and_then(|b| b.get_mut(*k)) else {
                return false;
            };
            match (fix, cidr::parse(block)) {
                (NETWORK_ADDRESS, Err(CidrError::NotNetwork(c))) => {
                    *block = c.canonical();
                    true
                }
                (ADD_PREFIX, Err(CidrError::NoPrefix)) => match with_prefix(block) {
                    Some(c) => {
                        *block = c.canonical();
                        true
                    }
                    None => false,
                },
                _ => false,
            }
        }
        _ => false,
    }
}

/// An address alone as its one-address block (`/32`, `/128`).
fn with_prefix(address: &str) -> Option<cidr::Cidr> {
    let ip: std::net::IpAddr = address.trim().parse().ok()?;
    let prefix = if ip.is_ipv6() { 128 } else { 32 };
    cidr::parse(&format!("{ip}/{prefix}")).ok()
}

/// The learner's address or block as a CIDR block the provider accepts.
fn learner_block(value: &str) -> Result<cidr::Cidr, FixError> {
    let bad = || FixError::BadParam {
        value: crate::quote::shortened(value, crate::quote::EXCERPT_CHARS, Lang::En),
    };
    let c = match cidr::parse(value.trim()) {
        Ok(c) => c,
        Err(CidrError::NotNetwork(c)) => c,
        Err(CidrError::NoPrefix) => with_prefix(value).ok_or_else(bad)?,
        Err(CidrError::Malformed) => return Err(bad()),
    };
    if c.is_world() {
        return Err(bad());
    }
    Ok(c)
}

/// Replaces the world block at `list[k]` of `rule` with `mine`: in place when `mine` is of
/// the list's family; else the world block is removed and `mine` added to the other list.
fn restrict(rule: &mut SecurityGroupRule, list: &str, k: usize, mine: &cidr::Cidr) -> bool {
    let v6_list = match list {
        "cidr_blocks" => false,
        "ipv6_cidr_blocks" => true,
        _ => return false,
    };
    let blocks = if v6_list {
        &mut rule.ipv6_cidr_blocks
    } else {
        &mut rule.cidr_blocks
    };
    let Some(items) = blocks.as_mut() else { return false };
    let world = items
        .get(k)
        .and_then(|b| cidr::parse(b).ok())
        .is_some_and(|c| c.is_world());
    if !world {
        return false;
    }
    let text = mine.canonical();
    if mine.is_v6() == v6_list {
        if let Some(b) = items.get_mut(k) {
            *b = text;
        }
        let mut seen = Vec::new();
        items.retain(|b| {
            let keep = !seen.contains(b);
            seen.push(b.clone());
            keep
        });
        return true;
    }
    items.remove(k);
    let other = if v6_list {
        &mut rule.cidr_blocks
    } else {
        &mut rule.ipv6_cidr_blocks
    };
    let other = other.get_or_insert_with(Vec::new);
    if !other.contains(&text) {
        other.push(text);
    }
    true
}

/// `/dev/sdf1` → `/dev/sdf`; a partition of the root volume's name → `/dev/sdf`.
fn whole_device(name: &mut String) -> bool {
    let base = name.trim_end_matches(|c: char| c.is_ascii_digit());
    if base.len() == name.len() || base.is_empty() {
        return false;
    }
    let base = if matches!(base, "/dev/sda" | "/dev/xvda") {
        "/dev/sdf"
    } else {
        base
    };
    *name = base.to_owned();
    true
}

/// `resources[4].ingress[0].from_port` → `(4, "ingress[0].from_port")`.
fn split_path(path: &str) -> Option<(usize, &str)> {
    let rest = path.strip_prefix("resources[")?;
    let (n, rest) = rest.split_once(']')?;
    let i = n.parse().ok()?;
    Some((i, rest.strip_prefix('.').unwrap_or(rest)))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Seg<'a> {
    Name(&'a str),
    Index(usize),
}

/// `ingress[0].cidr_blocks[1]` → `[ingress, 0, cidr_blocks, 1]`; `None` when malformed.
fn segments(field: &str) -> Option<Vec<Seg<'_>>> {
    let mut out = Vec::new();
    if field.is_empty() {
        return Some(out);
    }
    for part in field.split('.') {
        let (name, mut rest) = match part.find('[') {
            Some(b) => part.split_at(b),
            None => (part, ""),
        };
        if !name.is_empty() {
            out.push(Seg::Name(name));
        }
        while let Some(r) = rest.strip_prefix('[') {
            let (n, after) = r.split_once(']')?;
            out.push(Seg::Index(n.parse().ok()?));
            rest = after;
        }
        if !rest.is_empty() {
            return None;
        }
    }
    Some(out)
}

fn first<'a>(segs: &[Seg<'a>]) -> Option<&'a str> {
    match segs.first() {
        Some(Seg::Name(n)) => Some(n),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_once() {
        assert_eq!(escape_template("echo ${HOME} %{x}", true), "echo $${HOME} %%{x}");
        assert_eq!(escape_template("echo $${HOME} %%{x}", true), "echo $${HOME} %%{x}");
        assert_eq!(escape_template("echo ${HOME} %{x}", false), "echo ${HOME} %%{x}");
        assert_eq!(escape_template("$ { 100% }", true), "$ { 100% }");
    }

    #[test]
    fn paths_split() {
        assert_eq!(
            split_path("resources[4].ingress[0].from_port"),
            Some((4, "ingress[0].from_port"))
        );
        assert_eq!(split_path("resources[2]"), Some((2, "")));
        assert_eq!(split_path("resources"), None);
        assert_eq!(
            segments("ingress[0].cidr_blocks[1]"),
            Some(vec![
                Seg::Name("ingress"),
                Seg::Index(0),
                Seg::Name("cidr_blocks"),
                Seg::Index(1)
            ])
        );
        assert_eq!(segments("tags[\"Name\"]"), None);
    }

    #[test]
    fn devices() {
        let mut n = "/dev/sdf1".to_owned();
        assert!(whole_device(&mut n));
        assert_eq!(n, "/dev/sdf");
        let mut n = "/dev/sda1".to_owned();
        assert!(whole_device(&mut n));
        assert_eq!(n, "/dev/sdf");
        let mut n = "/dev/sdf".to_owned();
        assert!(!whole_device(&mut n));
    }

    #[test]
    fn learner_blocks() {
        assert_eq!(
            learner_block("203.0.113.7").map(|c| c.canonical()),
            Ok("203.0.113.7/32".to_owned())
        );
        assert_eq!(
            learner_block("203.0.113.9/24").map(|c| c.canonical()),
            Ok("203.0.113.0/24".to_owned())
        );
        assert_eq!(
            learner_block("2001:db8::1").map(|c| c.canonical()),
            Ok("2001:db8::1/128".to_owned())
        );
        assert!(learner_block("0.0.0.0/0").is_err());
        assert!(learner_block("my house").is_err());
    }
}
