//! CIDR blocks as the AWS provider reads them.
//!
//! The provider validates `cidr_blocks` and `ipv6_cidr_blocks` with
//! `verify.ValidCIDRNetworkAddress` (terraform-provider-aws `internal/verify/validate.go`):
//! Go's `net.ParseCIDR`, then the text must equal the network's canonical form
//! (`ipnet.String()`): `10.0.0.1/24` and `2001:DB8::/32` are refused, `10.0.0.0/24` and
//! `2001:db8::/32` pass. Parsing here uses `std::net`, whose canonical IPv6 form is the
//! same RFC 5952 form as Go's.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// A CIDR block that parses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    /// The network address (host bits cleared).
    pub network: IpAddr,
    /// Prefix length: 0–32 for IPv4, 0–128 for IPv6.
    pub prefix: u8,
}

impl Cidr {
    /// True for a block that holds every address of its family (`0.0.0.0/0`, `::/0`).
    pub fn is_world(&self) -> bool {
        self.prefix == 0
    }

    /// True for IPv6.
    pub fn is_v6(&self) -> bool {
        self.network.is_ipv6()
    }

    /// The canonical text (`10.0.0.0/24`).
    pub fn canonical(&self) -> String {
        format!("{}/{}", self.network, self.prefix)
    }
}

/// Why a CIDR block is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CidrError {
    /// No `/`: an address, not a block.
    NoPrefix,
    /// Not an address, or a prefix out of range.
    Malformed,
    /// Parses, but is not written as its network (`10.0.0.1/24`); the right text.
    NotNetwork(Cidr),
}

/// Reads a CIDR block the way the AWS provider accepts it. Never panics.
pub fn parse(text: &str) -> Result<Cidr, CidrError> {
    let Some((addr, prefix)) = text.split_once('/') else {
        return Err(CidrError::NoPrefix);
    };
    if prefix.is_empty() || prefix.len() > 3 || !prefix.bytes().all(|b| b.is_ascii_digit()) {
        return Err(CidrError::Malformed);
    }
    let prefix: u8 = prefix.parse().map_err(|_| CidrError::Malformed)?;
    let cidr = if let Ok(v4) = addr.parse::<Ipv4Addr>() {
        if prefix > 32 {
            return Err(CidrError::Malformed);
        }
        let mask = if prefix == 0 {
            0
        } else {
            u32::MAX << (32 - u32::from(prefix))
        };
        Cidr {
            network: IpAddr::V4(Ipv4Addr::from(u32::from(v4) & mask)),
            prefix,
        }
    } else if let Ok(v6) = addr.parse::<Ipv6Addr>() {
        if prefix > 128 {
            return Err(CidrError::Malformed);
        }
        let mask = if prefix == 0 {
            0
        } else {
            u128::MAX << (128 - u32::from(prefix))
        };
        Cidr {
            network: IpAddr::V6(Ipv6Addr::from(u128::from(v6) & mask)),
            prefix,
        }
    } else {
        return Err(CidrError::Malformed);
    };
    if cidr.canonical() == text {
        Ok(cidr)
    } else {
        Err(CidrError::NotNetwork(cidr))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let ok = [
            "0.0.0.0/0",
            "10.0.0.0/16",
            "203.0.113.7/32",
            "::/0",
            "2001:db8::/32",
            "2001:db8:0:1::/64",
        ];
        for s in ok {
            assert_eq!(parse(s).map(|c| c.canonical()), Ok(s.to_owned()), "{s}");
        }
        let not_network = [
            ("10.0.0.1/24", "10.0.0.0/24"),
            ("2001:DB8::/32", "2001:db8::/32"),
            ("2001:db8::1/32", "2001:db8::/32"),
            ("10.0.0.0/08", "10.0.0.0/8"),
            ("1.2.3.4/0", "0.0.0.0/0"),
        ];
        for (s, want) in not_network {
            match parse(s) {
                Err(CidrError::NotNetwork(c)) => assert_eq!(c.canonical(), want, "{s}"),
                other => panic!("{s}: {other:?}"),
            }
        }
        for s in [
            "10.0.0.0/33",
            "::/129",
            "10.0.0/8",
            "abc/1",
            "10.0.0.0/-1",
            "10.0.0.0/+8",
            "01.0.0.0/8",
            "/8",
            "10.0.0.0/",
            "10.0.0.0/1000",
        ] {
            assert_eq!(parse(s), Err(CidrError::Malformed), "{s}");
        }
        assert_eq!(parse("1.2.3.4"), Err(CidrError::NoPrefix));
        assert!(parse("0.0.0.0/0").is_ok_and(|c| c.is_world() && !c.is_v6()));
        assert!(parse("::/0").is_ok_and(|c| c.is_world() && c.is_v6()));
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,40}") {
            let _ = parse(&s);
        }

        #[test]
        fn canonical_forms_round_trip(a in proptest::prelude::any::<u32>(), p in 0u8..=32) {
            let mask = if p == 0 { 0 } else { u32::MAX << (32 - u32::from(p)) };
            let text = format!("{}/{p}", Ipv4Addr::from(a & mask));
            proptest::prop_assert_eq!(parse(&text).map(|c| c.canonical()), Ok(text));
        }
    }
}
