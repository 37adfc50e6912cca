//! The diagram's words in French and English, and traffic rules put into words
//! (`TCP 22 · SSH`, `ICMP echo`, `tout le trafic`).

use crate::i18n::Lang;
use crate::model::SecurityGroupRule;

/// `fr` or `en` as `lang` asks.
pub(crate) fn tr(lang: Lang, fr: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

/// `n thing`/`n things`; French takes the singular for 0 and 1, English for 1 only.
pub(crate) fn count(lang: Lang, n: usize, one: (&str, &str), many: (&str, &str)) -> String {
    let (fr_one, en_one) = one;
    let (fr_many, en_many) = many;
    let word = match lang {
        Lang::Fr if n <= 1 => fr_one,
        Lang::Fr => fr_many,
        Lang::En if n == 1 => en_one,
        Lang::En => en_many,
    };
    format!("{n} {word}")
}

/// A `key : value` line's key, with French spacing before the colon.
pub(crate) fn key(lang: Lang, fr: &'static str, en: &'static str) -> String {
    match lang {
        Lang::Fr => format!("{fr} : "),
        Lang::En => format!("{en}: "),
    }
}

/// Well-known TCP services, by port.
const TCP_SERVICES: &[(i64, &str)] = &[
    (20, "FTP data"),
    (21, "FTP"),
    (22, "SSH"),
    (23, "Telnet"),
    (25, "SMTP"),
    (53, "DNS"),
    (80, "HTTP"),
    (110, "POP3"),
    (143, "IMAP"),
    (443, "HTTPS"),
    (445, "SMB"),
    (465, "SMTPS"),
    (587, "SMTP"),
    (993, "IMAPS"),
    (995, "POP3S"),
    (1433, "SQL Server"),
    (1521, "Oracle"),
    (2049, "NFS"),
    (2375, "Docker"),
    (2376, "Docker TLS"),
    (3306, "MySQL"),
    (3389, "RDP"),
    (5432, "PostgreSQL"),
    (5601, "Kibana"),
    (5900, "VNC"),
    (6379, "Redis"),
    (8080, "HTTP"),
    (8443, "HTTPS"),
    (9200, "Elasticsearch"),
    (11211, "Memcached"),
    (27017, "MongoDB"),
];

/// Well-known UDP services, by port.
const UDP_SERVICES: &[(i64, &str)] = &[
    (53, "DNS"),
    (67, "DHCP"),
    (69, "TFTP"),
    (123, "NTP"),
    (161, "SNMP"),
    (500, "IKE"),
    (514, "syslog"),
    (1194, "OpenVPN"),
    (51820, "WireGuard"),
];

/// The protocol and ports of `rule` in words: `TCP 22 · SSH`, `TCP 1024–65535`,
/// `ICMP echo`, `tout le trafic`.
pub(crate) fn rule_traffic(rule: &SecurityGroupRule, lang: Lang) -> String {
    let protocol = rule.protocol.as_deref().map(|p| p.trim().to_ascii_lowercase());
    // A port that is not a whole number shows as `?` (the checks report it).
    let (from, to) = (
        rule.from_port.and_then(crate::number::JsNumber::as_i64),
        rule.to_port.and_then(crate::number::JsNumber::as_i64),
    );
    match protocol.as_deref() {
        Some("-1" | "all") => tr(lang, "tout le trafic", "all traffic").to_owned(),
        Some("tcp" | "6") => ports("TCP", from, to, TCP_SERVICES, lang),
        Some("udp" | "17") => ports("UDP", from, to, UDP_SERVICES, lang),
        Some("icmp" | "1") => icmp("ICMP", from, to, ICMP_TYPES, lang),
        Some("icmpv6" | "58") => icmp("ICMPv6", from, to, ICMPV6_TYPES, lang),
        Some(_) | None => {
            let shown = rule.protocol.as_deref().map(str::trim).unwrap_or("?");
            format!("{}{shown}", tr(lang, "protocole ", "protocol "))
        }
    }
}

fn ports(name: &str, from: Option<i64>, to: Option<i64>, services: &[(i64, &str)], lang: Lang) -> String {
    match (from, to) {
        (Some(a), Some(b)) if a == b => match services.iter().find(|(port, _)| *port == a) {
            Some((_, service)) => format!("{name} {a} · {service}"),
            None => format!("{name} {a}"),
        },
        (Some(a), Some(65535)) if a <= 1 => format!("{name} {}", tr(lang, "tous les ports", "all ports")),
        (Some(a), Some(b)) => format!("{name} {a}–{b}"),
        (Some(a), None) | (None, Some(a)) => format!("{name} {a}"),
        (None, None) => format!("{name} ?"),
    }
}

/// ICMP types by number: (type, French, English).
const ICMP_TYPES: &[(i64, &str, &str)] = &[
    (0, "echo reply", "echo reply"),
    (3, "destination injoignable", "destination unreachable"),
    (5, "redirection", "redirect"),
    (8, "echo", "echo"),
    (11, "délai dépassé", "time exceeded"),
];

/// ICMPv6 types by number: (type, French, English).
const ICMPV6_TYPES: &[(i64, &str, &str)] = &[
    (1, "destination injoignable", "destination unreachable"),
    (2, "paquet trop grand", "packet too big"),
    (3, "délai dépassé", "time exceeded"),
    (128, "echo", "echo"),
    (129, "echo reply", "echo reply"),
];

fn icmp(
    name: &str,
    icmp_type: Option<i64>,
    code: Option<i64>,
    types: &[(i64, &'static str, &'static str)],
    lang: Lang,
) -> String {
    match icmp_type {
        None | Some(-1) => format!("{name} {}", tr(lang, "tous types", "all types")),
        Some(t) => {
            let known = types.iter().find(|(number, _, _)| *number == t);
            match (known, code) {
                (Some((_, fr, en)), _) => format!("{name} {}", tr(lang, fr, en)),
                (None, Some(c)) if c >= 0 => format!("{name} type {t} code {c}"),
                (None, _) => format!("{name} type {t}"),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(protocol: &str, from: i64, to: i64) -> SecurityGroupRule {
        SecurityGroupRule {
            protocol: Some(protocol.into()),
            from_port: Some(from.into()),
            to_port: Some(to.into()),
            ..SecurityGroupRule::default()
        }
    }

    #[test]
    fn traffic_in_words() {
        let cases = [
            (rule("tcp", 22, 22), "TCP 22 · SSH", "TCP 22 · SSH"),
            (rule("tcp", 80, 80), "TCP 80 · HTTP", "TCP 80 · HTTP"),
            (rule("TCP", 3306, 3306), "TCP 3306 · MySQL", "TCP 3306 · MySQL"),
            (rule("tcp", 8081, 8081), "TCP 8081", "TCP 8081"),
            (rule("tcp", 1024, 65535), "TCP 1024–65535", "TCP 1024–65535"),
            (rule("tcp", 0, 65535), "TCP tous les ports", "TCP all ports"),
            (rule("6", 443, 443), "TCP 443 · HTTPS", "TCP 443 · HTTPS"),
            (rule("udp", 53, 53), "UDP 53 · DNS", "UDP 53 · DNS"),
            (rule("icmp", 8, -1), "ICMP echo", "ICMP echo"),
            (rule("icmp", -1, -1), "ICMP tous types", "ICMP all types"),
            (
                rule("icmp", 3, 4),
                "ICMP destination injoignable",
                "ICMP destination unreachable",
            ),
            (rule("icmp", 42, 1), "ICMP type 42 code 1", "ICMP type 42 code 1"),
            (rule("icmpv6", 128, 0), "ICMPv6 echo", "ICMPv6 echo"),
            (rule("-1", 0, 0), "tout le trafic", "all traffic"),
            (rule("all", 0, 0), "tout le trafic", "all traffic"),
            (rule("47", 0, 0), "protocole 47", "protocol 47"),
        ];
        for (rule, fr, en) in cases {
            assert_eq!(rule_traffic(&rule, Lang::Fr), fr, "{rule:?}");
            assert_eq!(rule_traffic(&rule, Lang::En), en, "{rule:?}");
        }
        let bare = SecurityGroupRule::default();
        assert_eq!(rule_traffic(&bare, Lang::En), "protocol ?");
        let tcp_no_ports = SecurityGroupRule {
            protocol: Some("tcp".into()),
            ..SecurityGroupRule::default()
        };
        assert_eq!(rule_traffic(&tcp_no_ports, Lang::Fr), "TCP ?");
    }

    #[test]
    fn counts_agree_in_each_language() {
        let instance = (("instance", "instance"), ("instances", "instances"));
        assert_eq!(count(Lang::Fr, 0, instance.0, instance.1), "0 instance");
        assert_eq!(count(Lang::En, 0, instance.0, instance.1), "0 instances");
        assert_eq!(count(Lang::En, 1, instance.0, instance.1), "1 instance");
        assert_eq!(count(Lang::Fr, 2, instance.0, instance.1), "2 instances");
    }
}
