//! Security groups: names, descriptions, rules, CIDR blocks and exposure to the Internet.
//!
//! Sources: EC2 `CreateSecurityGroup` (name and description: up to 255 characters of
//! `a-z A-Z 0-9`, spaces and `._-:/()#,@[]+=&;{}!$*`; a name cannot start with `sg-`),
//! `IpPermission` and `IpRange` (protocols, ports, ICMP type and code, rule descriptions),
//! and the Terraform `aws_security_group` resource (the `-1` protocol needs ports 0; the
//! default allow-all egress rule is removed; CIDRs must be network addresses).

use super::catalog::*;
use super::cidr::{self, CidrError};
use super::{list, t, Cx, Sink};
use crate::model::{Resource, SecurityGroup, SecurityGroupRule};
use crate::number::JsNumber;

/// The longest name, description or rule description AWS takes.
pub const MAX_TEXT: usize = 255;

/// The characters AWS takes in a VPC security group's name and description, and in a rule's
/// description, besides ASCII letters, digits and spaces.
const EXTRA_CHARS: &str = "._-:/()#,@[]+=&;{}!$*";

/// Database ports that should never face the Internet, with what listens there.
const DATABASE_PORTS: &[(i64, &str)] = &[
    (1433, "SQL Server"),
    (1521, "Oracle"),
    (3306, "MySQL/MariaDB"),
    (5432, "PostgreSQL"),
    (5439, "Redshift"),
    (6379, "Redis"),
    (9200, "OpenSearch/Elasticsearch"),
    (11211, "Memcached"),
    (27017, "MongoDB"),
];

/// A rule's protocol, as AWS reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Proto {
    Tcp,
    Udp,
    Icmp,
    Icmpv6,
    All,
    /// Another IP protocol number: it has no ports.
    Other(u8),
    Invalid,
}

pub(crate) fn protocol(p: &str) -> Proto {
    match p.to_ascii_lowercase().as_str() {
        "tcp" | "6" => Proto::Tcp,
        "udp" | "17" => Proto::Udp,
        "icmp" | "1" => Proto::Icmp,
        "icmpv6" | "58" => Proto::Icmpv6,
        "-1" | "all" => Proto::All,
        n if !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit()) => {
            n.parse::<u8>().map_or(Proto::Invalid, Proto::Other)
        }
        _ => Proto::Invalid,
    }
}

/// The rule's ports as Terraform reads them (`int64`): a port that is not a whole number
/// counts as absent here, and [`super::schema`]'s whole-number check reports it.
fn ports(rule: &SecurityGroupRule) -> (Option<i64>, Option<i64>) {
    (
        rule.from_port.and_then(JsNumber::as_i64),
        rule.to_port.and_then(JsNumber::as_i64),
    )
}

/// True when `rule` lets TCP traffic to `port` in (from any source).
pub(crate) fn rule_opens(rule: &SecurityGroupRule, port: i64) -> bool {
    match rule.protocol.as_deref().map(protocol) {
        Some(Proto::All) => true,
        Some(Proto::Tcp) => matches!(ports(rule), (Some(f), Some(to)) if f <= port && port <= to),
        _ => false,
    }
}

/// True when one of `groups` lets TCP traffic to one of `ports` in.
pub(crate) fn groups_open(groups: &[&SecurityGroup], ports: &[i64]) -> bool {
    groups
        .iter()
        .flat_map(|g| g.ingress.iter().flatten())
        .any(|r| ports.iter().any(|p| rule_opens(r, *p)))
}

/// The characters of `s` that AWS refuses in a group's name or description, once each.
fn refused_chars(s: &str) -> Vec<char> {
    let mut out = Vec::new();
    for c in s.chars() {
        let ok = c.is_ascii_alphanumeric() || c == ' ' || EXTRA_CHARS.contains(c);
        if !ok && !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

/// `s` with accented letters unaccented and other refused characters turned into spaces.
fn ascii_suggestion(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let mapped = match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => "a",
            'À' | 'Â' | 'Ä' | 'Á' | 'Ã' | 'Å' => "A",
            'é' | 'è' | 'ê' | 'ë' => "e",
            'É' | 'È' | 'Ê' | 'Ë' => "E",
            'î' | 'ï' | 'í' | 'ì' => "i",
            'Î' | 'Ï' | 'Í' | 'Ì' => "I",
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' => "o",
            'Ô' | 'Ö' | 'Ó' | 'Ò' | 'Õ' => "O",
            'ù' | 'û' | 'ü' | 'ú' => "u",
            'Ù' | 'Û' | 'Ü' | 'Ú' => "U",
            'ç' => "c",
            'Ç' => "C",
            'ñ' => "n",
            'Ñ' => "N",
            'œ' => "oe",
            'Œ' => "OE",
            'æ' => "ae",
            'Æ' => "AE",
            'ÿ' => "y",
            _ if c.is_ascii_alphanumeric() || c == ' ' || EXTRA_CHARS.contains(c) => {
                out.push(c);
                continue;
            }
            _ => " ",
        };
        out.push_str(mapped);
    }
    out.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

fn quoted_chars(chars: &[char]) -> (String, String) {
    let shown: Vec<String> = chars
        .iter()
        .take(6)
        .map(|c| {
            if c.is_control() || c.is_whitespace() {
                format!("U+{:04X}", u32::from(*c))
            } else {
                c.to_string()
            }
        })
        .collect();
    let fr = shown.iter().map(|c| format!("« {c} »")).collect::<Vec<_>>().join(", ");
    let en = shown.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", ");
    (fr, en)
}

/// Checks one text against AWS's character set and length; `what` names it in both languages.
/// How a text is named in messages: `(in French "dans ...", French subject, in English, English subject)`.
type Label = (&'static str, &'static str, &'static str, &'static str);
const NAME: Label = ("dans le nom d'un groupe", "Le nom", "a group name", "The name");
const DESCRIPTION: Label = (
    "dans la description d'un groupe",
    "La description",
    "a group description",
    "The description",
);
const RULE_DESCRIPTION: Label = (
    "dans la description d'une règle",
    "La description",
    "a rule description",
    "The description",
);

fn text_problem(s: &str, (what_fr, subject_fr, what_en, subject_en): Label) -> Option<(crate::Text, crate::Text)> {
    let refused = refused_chars(s);
    if !refused.is_empty() {
        let (fr, en) = quoted_chars(&refused);
        let accents = refused.iter().any(|c| c.is_alphabetic());
        let (article, noun) = if refused.len() > 1 {
            ("les", "caractères")
        } else {
            ("le", "caractère")
        };
        let message = t(
            format!(
                "AWS refuse {article} {noun} {fr} {what_fr} : il n'y admet que les lettres non accentuées, les chiffres, les espaces et ._-:/()#,@[]+=&;{{}}!$*. Le déploiement échouera."
            ),
            format!(
                "AWS refuses {en} in {what_en}: it only takes unaccented letters, digits, spaces and ._-:/()#,@[]+=&;{{}}!$*. The deployment will fail."
            ),
        );
        let suggestion = ascii_suggestion(s);
        let hint = if accents {
            t(
                format!("Écrivez sans accents ni apostrophe, par exemple : « {suggestion} ». C'est un classique : cdktf synth l'accepte, AWS le refuse à l'apply."),
                format!("Write it without accents or apostrophes, for instance: \"{suggestion}\". A classic: cdktf synth accepts it, AWS refuses it at apply time."),
            )
        } else {
            t(
                format!("Retirez ces caractères, par exemple : « {suggestion} »."),
                format!("Remove these characters, for instance: \"{suggestion}\"."),
            )
        };
        return Some((message, hint));
    }
    let len = s.chars().count();
    if len > MAX_TEXT {
        return Some((
            t(
                format!("{subject_fr} fait {len} caractères ; AWS en accepte {MAX_TEXT} au plus."),
                format!("{subject_en} is {len} characters long; AWS takes {MAX_TEXT} at most."),
            ),
            t("Raccourcissez le texte.", "Shorten the text."),
        ));
    }
    None
}

pub(super) fn check(cx: &Cx, sink: &mut Sink, i: usize, sg: &SecurityGroup) {
    check_name(cx, sink, i, sg);
    check_description(sink, i, sg);
    for (list_name, rules) in [("ingress", &sg.ingress), ("egress", &sg.egress)] {
        for (j, rule) in rules.iter().flatten().enumerate() {
            check_rule(sink, i, &format!("{list_name}[{j}]"), list_name == "ingress", rule);
        }
    }
    if sg.egress.as_ref().is_none_or(Vec::is_empty) {
        sink.push(
            &SG_NO_EGRESS,
            i,
            "egress",
            t(
                "Ce groupe n'a aucune règle sortante. AWS en crée une qui autorise tout, mais Terraform la supprime : l'instance ne pourra rien joindre, et un « yum install » dans le user data restera bloqué.",
                "This group has no egress rule. AWS creates an allow-all one, but Terraform removes it: the instance will reach nothing, and a \"yum install\" in the user data will hang.",
            ),
            t(
                "Ajoutez egress=[SecurityGroupEgress(from_port=0, to_port=0, protocol=\"-1\", cidr_blocks=[\"0.0.0.0/0\"])] : la règle que AWS crée par défaut. Plus strict (checkov CKV_AWS_382 signale « tout vers 0.0.0.0/0 ») : TCP 443 et 80 seulement, de quoi installer des paquets.",
                "Add egress=[SecurityGroupEgress(from_port=0, to_port=0, protocol=\"-1\", cidr_blocks=[\"0.0.0.0/0\"])]: the rule AWS creates by default. Stricter (checkov CKV_AWS_382 flags \"all to 0.0.0.0/0\"): TCP 443 and 80 only, enough to install packages.",
            ),
        );
    }
    super::names::check_tags(cx, sink, i, "tags", sg.tags.as_ref());
}

fn check_name(cx: &Cx, sink: &mut Sink, i: usize, sg: &SecurityGroup) {
    let Some(name) = sg.name.as_deref() else { return };
    if name.starts_with("sg-") {
        sink.push(
            &SG_NAME_INVALID,
            i,
            "name",
            t(
                format!("Le nom « {name} » commence par « sg- », préfixe réservé aux identifiants de groupes : Terraform le refuse (« cannot begin with sg- »)."),
                format!("The name \"{name}\" starts with \"sg-\", the prefix of group ids: Terraform refuses it (\"cannot begin with sg-\")."),
            ),
            t(
                format!("Mettez le préfixe à la fin, par exemple « {}-sg ».", name.trim_start_matches("sg-")),
                format!("Put it at the end, for instance \"{}-sg\".", name.trim_start_matches("sg-")),
            ),
        );
    } else if name.eq_ignore_ascii_case("default") {
        sink.push(
            &SG_NAME_INVALID,
            i,
            "name",
            t(
                "« default » est le nom du groupe que chaque VPC possède déjà : AWS refuse d'en créer un autre.",
                "\"default\" is the name of the group every VPC already has: AWS refuses to create another.",
            ),
            t(
                "Choisissez un autre nom, par exemple « web-sg ».",
                "Choose another name, for instance \"web-sg\".",
            ),
        );
    } else if let Some((message, hint)) = text_problem(name, NAME) {
        sink.push(&SG_NAME_INVALID, i, "name", message, hint);
    }
    // Same name in the same VPC as an earlier group.
    let earlier = cx
        .first_group_name
        .get(&(name, sg.vpc_id.as_deref()))
        .copied()
        .filter(|&k| k < i)
        .and_then(|k| match cx.stack.resources.get(k) {
            Some(Resource::SecurityGroup(other)) => Some((k, other.id.as_str())),
            _ => None,
        });
    if let Some((k, other)) = earlier {
        sink.push(
            &SG_NAME_DUPLICATE,
            i,
            "name",
            t(
                format!("Le groupe resources[{k}] (« {other} ») porte déjà le nom « {name} » dans ce VPC : AWS refusera le second (InvalidGroup.Duplicate)."),
                format!("The group resources[{k}] (\"{other}\") already has the name \"{name}\" in this VPC: AWS will refuse the second (InvalidGroup.Duplicate)."),
            ),
            t("Donnez à chaque groupe un nom différent.", "Give each group its own name."),
        );
    }
}

fn check_description(sink: &mut Sink, i: usize, sg: &SecurityGroup) {
    match sg.description.as_deref() {
        None => sink.push(
            &SG_DESCRIPTION_MISSING,
            i,
            "description",
            t(
                "Ce groupe n'a pas de description : Terraform écrira « Managed by Terraform », qui ne dit pas à quoi il sert.",
                "This group has no description: Terraform will write \"Managed by Terraform\", which says nothing of its purpose.",
            ),
            t(
                "Ajoutez description=\"...\" (sans accents), par exemple « Autorise SSH et HTTP ». Attention : changer la description recrée le groupe.",
                "Add description=\"...\", for instance \"Allow SSH and HTTP\". Beware: changing the description recreates the group.",
            ),
        ),
        Some("") => sink.push(
            &SG_DESCRIPTION_INVALID,
            i,
            "description",
            t(
                "La description est vide : AWS exige une description pour créer un groupe.",
                "The description is empty: AWS requires one to create a group.",
            ),
            t(
                "Écrivez une courte description, ou retirez le paramètre (Terraform mettra « Managed by Terraform »).",
                "Write a short description, or remove the kwarg (Terraform will write \"Managed by Terraform\").",
            ),
        ),
        Some(d) => {
            if let Some((message, hint)) = text_problem(d, DESCRIPTION) {
                sink.push(&SG_DESCRIPTION_INVALID, i, "description", message, hint);
            }
        }
    }
}

fn check_rule(sink: &mut Sink, i: usize, at: &str, ingress: bool, rule: &SecurityGroupRule) {
    let proto = rule.protocol.as_deref().map(protocol);
    let field = |f: &str| format!("{at}.{f}");
    // from_port, to_port, protocol: present?
    for (name, missing) in [
        ("from_port", rule.from_port.is_none()),
        ("to_port", rule.to_port.is_none()),
        ("protocol", rule.protocol.is_none()),
    ] {
        if missing {
            sink.push(
                &SG_RULE_INCOMPLETE,
                i,
                &field(name),
                t(
                    format!("Cette règle n'a pas de {name} : Terraform l'exige pour chaque règle."),
                    format!("This rule has no {name}: Terraform requires it in every rule."),
                ),
                t(
                    "Donnez from_port, to_port et protocol, par exemple from_port=22, to_port=22, protocol=\"tcp\" (ou 0, 0 et \"-1\" pour tout le trafic).",
                    "Give from_port, to_port and protocol, for instance from_port=22, to_port=22, protocol=\"tcp\" (or 0, 0 and \"-1\" for all traffic).",
                ),
            );
        }
    }
    check_ports(sink, i, at, rule, proto);
    if proto == Some(Proto::Invalid) {
        let p = rule.protocol.as_deref().unwrap_or_default();
        sink.push(
            &SG_PROTOCOL,
            i,
            &field("protocol"),
            t(
                format!("Le protocole « {p} » n'existe pas pour AWS."),
                format!("AWS knows no protocol \"{p}\"."),
            ),
            t(
                "Écrivez \"tcp\", \"udp\", \"icmp\", \"icmpv6\", \"-1\" (tout le trafic) ou un numéro de protocole de 0 à 255.",
                "Write \"tcp\", \"udp\", \"icmp\", \"icmpv6\", \"-1\" (all traffic) or a protocol number from 0 to 255.",
            ),
        );
    }
    let v4 = check_cidrs(sink, i, at, "cidr_blocks", false, rule.cidr_blocks.as_deref());
    let v6 = check_cidrs(sink, i, at, "ipv6_cidr_blocks", true, rule.ipv6_cidr_blocks.as_deref());
    let has = |l: &Option<Vec<String>>| l.as_ref().is_some_and(|l| !l.is_empty());
    let no_source = !has(&rule.cidr_blocks)
        && !has(&rule.ipv6_cidr_blocks)
        && !has(&rule.prefix_list_ids)
        && rule.security_groups.as_ref().is_none_or(Vec::is_empty)
        && rule.self_attribute != Some(true);
    if no_source {
        let (fr, en) = if ingress {
            ("source", "source")
        } else {
            ("destination", "destination")
        };
        sink.push(
            &SG_RULE_NO_SOURCE,
            i,
            at,
            t(
                format!("Cette règle n'a pas de {fr} : ni cidr_blocks, ni ipv6_cidr_blocks, ni security_groups, ni self. Elle n'autorise rien."),
                format!("This rule has no {en}: no cidr_blocks, ipv6_cidr_blocks, security_groups or self. It allows nothing."),
            ),
            t(
                "Ajoutez par exemple cidr_blocks=[\"203.0.113.7/32\"] (votre adresse IP) ou security_groups=[autre_sg.id].",
                "Add for instance cidr_blocks=[\"203.0.113.7/32\"] (your IP address) or security_groups=[other_sg.id].",
            ),
        );
    }
    match rule.description.as_deref() {
        None => sink.push(
            &SG_RULE_NO_DESCRIPTION,
            i,
            &field("description"),
            t(
                "Cette règle n'a pas de description : dans six mois, personne ne saura pourquoi elle existe.",
                "This rule has no description: in six months nobody will know why it is there.",
            ),
            t(
                "Ajoutez description=\"...\" (sans accents), par exemple « HTTPS depuis Internet ».",
                "Add description=\"...\", for instance \"HTTPS from the Internet\".",
            ),
        ),
        Some(d) => {
            if let Some((message, hint)) = text_problem(d, RULE_DESCRIPTION) {
                sink.push(&SG_RULE_DESCRIPTION_INVALID, i, &field("description"), message, hint);
            }
        }
    }
    if ingress {
        if let Some(world) = v4.or(v6) {
            check_exposure(sink, i, rule, proto, &world);
        }
    }
}

fn check_ports(sink: &mut Sink, i: usize, at: &str, rule: &SecurityGroupRule, proto: Option<Proto>) {
    let field = |f: &str| format!("{at}.{f}");
    let (from, to) = ports(rule);
    match proto {
        Some(Proto::Tcp | Proto::Udp) => {
            let mut in_range = true;
            for (name, port) in [("from_port", from), ("to_port", to)] {
                if let Some(p) = port.filter(|p| !(0..=65535).contains(p)) {
                    in_range = false;
                    sink.push(
                        &SG_PORT_RANGE,
                        i,
                        &field(name),
                        t(
                            format!("Le port {p} n'existe pas : les ports TCP et UDP vont de 0 à 65535."),
                            format!("There is no port {p}: TCP and UDP ports go from 0 to 65535."),
                        ),
                        t(
                            "Écrivez un port entre 0 et 65535 (22 pour SSH, 80 pour HTTP, 443 pour HTTPS).",
                            "Write a port between 0 and 65535 (22 for SSH, 80 for HTTP, 443 for HTTPS).",
                        ),
                    );
                }
            }
            if let (Some(f), Some(to), true) = (from, to, in_range) {
                if f > to {
                    sink.push(
                        &SG_PORT_ORDER,
                        i,
                        &field("from_port"),
                        t(
                            format!(
                                "from_port ({f}) est plus grand que to_port ({to}) : AWS refuse une plage à l'envers."
                            ),
                            format!("from_port ({f}) is greater than to_port ({to}): AWS refuses a reversed range."),
                        ),
                        t(
                            format!(
                                "Inversez-les : from_port={to}, to_port={f}. Pour un seul port, donnez-le deux fois."
                            ),
                            format!("Swap them: from_port={to}, to_port={f}. For a single port, give it twice."),
                        ),
                    );
                }
            }
        }
        Some(Proto::Icmp | Proto::Icmpv6) => {
            for (name, value, fr, en) in [
                ("from_port", from, "Le type", "The type"),
                ("to_port", to, "Le code", "The code"),
            ] {
                if let Some(v) = value.filter(|v| !(-1..=255).contains(v)) {
                    sink.push(
                        &SG_ICMP_RANGE,
                        i,
                        &field(name),
                        t(
                            format!("{fr} ICMP {v} n'existe pas : pour ICMP, from_port est le type et to_port le code, de 0 à 255 (-1 pour tous)."),
                            format!("{en} ICMP {v} does not exist: for ICMP, from_port is the type and to_port the code, 0 to 255 (-1 for all)."),
                        ),
                        t(
                            "Pour le ping : from_port=8, to_port=0 (ICMP echo request). Pour tout ICMP : -1 et -1.",
                            "For ping: from_port=8, to_port=0 (ICMP echo request). For all of ICMP: -1 and -1.",
                        ),
                    );
                }
            }
            if from == Some(-1) && to.is_some_and(|c| c != -1 && (-1..=255).contains(&c)) {
                sink.push(
                    &SG_ICMP_RANGE,
                    i,
                    &field("to_port"),
                    t(
                        "Avec tous les types ICMP (from_port=-1), AWS exige aussi tous les codes (to_port=-1).",
                        "With all ICMP types (from_port=-1), AWS also requires all codes (to_port=-1).",
                    ),
                    t("Écrivez to_port=-1.", "Write to_port=-1."),
                );
            }
        }
        Some(Proto::All) => {
            if from.is_some_and(|p| p != 0) || to.is_some_and(|p| p != 0) {
                sink.push(
                    &SG_ALL_PROTOCOL_PORTS,
                    i,
                    &field("from_port"),
                    t(
                        format!(
                            "Le protocole \"-1\" (tout le trafic) couvre tous les ports : Terraform exige from_port=0 et to_port=0 (« must both be 0 to use the 'ALL' \"-1\" protocol »), ici {} et {}.",
                            from.unwrap_or(0),
                            to.unwrap_or(0)
                        ),
                        format!(
                            "Protocol \"-1\" (all traffic) covers every port: Terraform requires from_port=0 and to_port=0 (\"must both be 0 to use the 'ALL' \\\"-1\\\" protocol\"), here {} and {}.",
                            from.unwrap_or(0),
                            to.unwrap_or(0)
                        ),
                    ),
                    t(
                        "Mettez from_port=0 et to_port=0, ou choisissez protocol=\"tcp\" pour n'ouvrir que ces ports.",
                        "Set from_port=0 and to_port=0, or choose protocol=\"tcp\" to open only these ports.",
                    ),
                );
            }
        }
        Some(Proto::Other(n)) => {
            if from.is_some_and(|p| p != 0) || to.is_some_and(|p| p != 0) {
                sink.push(
                    &SG_PORTS_IGNORED,
                    i,
                    &field("from_port"),
                    t(
                        format!("Le protocole {n} n'a pas de ports : AWS ignore from_port et to_port et ouvre tout ce protocole."),
                        format!("Protocol {n} has no ports: AWS ignores from_port and to_port and opens the whole protocol."),
                    ),
                    t(
                        "Pour des ports, utilisez \"tcp\" ou \"udp\" ; sinon écrivez from_port=0 et to_port=0 pour que ce soit clair.",
                        "For ports use \"tcp\" or \"udp\"; otherwise write from_port=0 and to_port=0 to make it plain.",
                    ),
                );
            }
        }
        Some(Proto::Invalid) | None => {}
    }
}

/// Checks a CIDR list; returns the path of its first block open to the world, if any.
fn check_cidrs(
    sink: &mut Sink,
    i: usize,
    at: &str,
    name: &str,
    v6_list: bool,
    blocks: Option<&[String]>,
) -> Option<String> {
    let mut world = None;
    for (k, block) in blocks.unwrap_or_default().iter().enumerate() {
        let path = format!("{at}.{name}[{k}]");
        let parsed = cidr::parse(block);
        let family_v6 = match &parsed {
            Ok(c) | Err(CidrError::NotNetwork(c)) => Some(c.is_v6()),
            _ => None,
        };
        if family_v6.is_some_and(|v6| v6 != v6_list) {
            let (fr, en, other) = if v6_list {
                (
                    "une adresse IPv4 dans ipv6_cidr_blocks",
                    "an IPv4 block in ipv6_cidr_blocks",
                    "cidr_blocks",
                )
            } else {
                (
                    "une adresse IPv6 dans cidr_blocks",
                    "an IPv6 block in cidr_blocks",
                    "ipv6_cidr_blocks",
                )
            };
            sink.push(
                &CIDR_WRONG_FAMILY,
                i,
                &path,
                t(
                    format!("« {block} » est {fr} : AWS le refuse."),
                    format!("\"{block}\" is {en}: AWS refuses it."),
                ),
                t(format!("Déplacez-le dans {other}."), format!("Move it to {other}.")),
            );
            continue;
        }
        match parsed {
            Ok(c) => {
                if c.is_world() && world.is_none() {
                    world = Some(path);
                }
            }
            Err(CidrError::NotNetwork(c)) => {
                let good = c.canonical();
                sink.push(
                    &CIDR_NOT_NETWORK,
                    i,
                    &path,
                    t(
                        format!("« {block} » n'est pas écrit comme une adresse de réseau : le provider AWS attend « {good} » et refuse le reste."),
                        format!("\"{block}\" is not written as a network address: the AWS provider expects \"{good}\" and refuses anything else."),
                    ),
                    t(format!("Écrivez « {good} »."), format!("Write \"{good}\".")),
                );
            }
            Err(CidrError::NoPrefix) => {
                let suffix = if v6_list { "/128" } else { "/32" };
                sink.push(
                    &CIDR_INVALID,
                    i,
                    &path,
                    t(
                        format!("« {block} » est une adresse, pas un bloc CIDR : il manque la longueur du préfixe."),
                        format!("\"{block}\" is an address, not a CIDR block: the prefix length is missing."),
                    ),
                    t(
                        format!("Pour cette seule adresse, écrivez « {block}{suffix} »."),
                        format!("For this one address, write \"{block}{suffix}\"."),
                    ),
                );
            }
            Err(CidrError::Malformed) => {
                sink.push(
                    &CIDR_INVALID,
                    i,
                    &path,
                    t(
                        format!("« {block} » n'est pas un bloc CIDR valide."),
                        format!("\"{block}\" is not a valid CIDR block."),
                    ),
                    t(
                        "Écrivez une adresse suivie d'une longueur de préfixe : « 10.0.0.0/16 », « 203.0.113.7/32 », « 0.0.0.0/0 » (tout Internet).",
                        "Write an address followed by a prefix length: \"10.0.0.0/16\", \"203.0.113.7/32\", \"0.0.0.0/0\" (the whole Internet).",
                    ),
                );
            }
        }
    }
    world
}

fn check_exposure(sink: &mut Sink, i: usize, rule: &SecurityGroupRule, proto: Option<Proto>, world: &str) {
    let block = world.rsplit_once('.').map_or(world, |(_, b)| b);
    let source = if block.starts_with("ipv6") { "::/0" } else { "0.0.0.0/0" };
    if proto == Some(Proto::All) {
        sink.push(
            &SG_ALL_OPEN,
            i,
            world,
            t(
                format!("Cette règle ouvre tout le trafic entrant, tous ports et protocoles, à tout Internet ({source})."),
                format!("This rule opens all inbound traffic, every port and protocol, to the whole Internet ({source})."),
            ),
            t(
                "N'ouvrez que les ports utiles (22, 80, 443...) et, pour l'administration, seulement depuis votre adresse (« x.x.x.x/32 »).",
                "Open only the ports you need (22, 80, 443...) and, for administration, only from your address (\"x.x.x.x/32\").",
            ),
        );
        return;
    }
    if proto != Some(Proto::Tcp) {
        return;
    }
    if rule_opens(rule, 22) {
        sink.push(
            &SG_SSH_OPEN,
            i,
            world,
            t(
                format!("SSH (port 22) est ouvert à tout Internet ({source}) : des robots essaieront des mots de passe et des clés en continu."),
                format!("SSH (port 22) is open to the whole Internet ({source}): bots will keep trying passwords and keys."),
            ),
            t(
                "Limitez la source à votre adresse IP, par exemple cidr_blocks=[\"203.0.113.7/32\"], ou utilisez EC2 Instance Connect ou Session Manager.",
                "Restrict the source to your IP address, for instance cidr_blocks=[\"203.0.113.7/32\"], or use EC2 Instance Connect or Session Manager.",
            ),
        );
    }
    if rule_opens(rule, 3389) {
        sink.push(
            &SG_RDP_OPEN,
            i,
            world,
            t(
                format!("Le bureau à distance RDP (port 3389) est ouvert à tout Internet ({source})."),
                format!("Remote desktop RDP (port 3389) is open to the whole Internet ({source})."),
            ),
            t(
                "Limitez la source à votre adresse IP (« x.x.x.x/32 ») ou passez par Session Manager.",
                "Restrict the source to your IP address (\"x.x.x.x/32\") or go through Session Manager.",
            ),
        );
    }
    let databases: Vec<String> = DATABASE_PORTS
        .iter()
        .filter(|(p, _)| rule_opens(rule, *p))
        .map(|(p, name)| format!("{p} ({name})"))
        .collect();
    if !databases.is_empty() {
        sink.push(
            &SG_DATABASE_OPEN,
            i,
            world,
            t(
                format!("Des ports de base de données sont ouverts à tout Internet ({source}) : {}.", list(&databases)),
                format!("Database ports are open to the whole Internet ({source}): {}.", list(&databases)),
            ),
            t(
                "Une base ne doit répondre qu'à vos serveurs : mettez security_groups=[web_sg.id] comme source plutôt qu'un bloc CIDR.",
                "A database should answer your servers only: use security_groups=[web_sg.id] as the source rather than a CIDR block.",
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn protocols() {
        assert_eq!(protocol("tcp"), Proto::Tcp);
        assert_eq!(protocol("TCP"), Proto::Tcp);
        assert_eq!(protocol("6"), Proto::Tcp);
        assert_eq!(protocol("-1"), Proto::All);
        assert_eq!(protocol("all"), Proto::All);
        assert_eq!(protocol("50"), Proto::Other(50));
        assert_eq!(protocol("256"), Proto::Invalid);
        assert_eq!(protocol("ssh"), Proto::Invalid);
        assert_eq!(protocol(""), Proto::Invalid);
    }

    #[test]
    fn refused_characters_and_suggestions() {
        assert_eq!(refused_chars("Allow SSH and HTTP"), Vec::<char>::new());
        assert_eq!(refused_chars("Accès SSH de l'équipe"), vec!['è', '\'', 'é']);
        assert_eq!(ascii_suggestion("Accès SSH de l'équipe"), "Acces SSH de l equipe");
        assert_eq!(ascii_suggestion("Règle « HTTP »"), "Regle HTTP");
    }
}
