//! AWS regions and their availability zones, as data.
//!
//! Source: AWS's "AWS Regions" and "AWS Availability Zones" pages
//! (<https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html>,
//! <https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-availability-zones.html>),
//! as of late 2025: the regions the hashicorp/aws provider 6.25.0 knows (it refuses any
//! other with "Invalid AWS Region", unless `skip_region_validation`). The China and
//! GovCloud regions need their own partition's account; they are listed because they exist.
//!
//! Zone letters are the names an account sees. AWS maps names to physical zones per
//! account, and some accounts see other letters in a few regions (`us-west-1` shows two
//! of `a`, `b`, `c`; `ap-northeast-1b` exists for older accounts only): the table keeps
//! every letter some account can see, so it never refuses a zone that exists.

/// `(region, zone letters)`, regions in AWS's order.
pub const REGIONS: &[(&str, &str)] = &[
    ("us-east-1", "abcdef"),
    ("us-east-2", "abc"),
    ("us-west-1", "abc"),
    ("us-west-2", "abcd"),
    ("af-south-1", "abc"),
    ("ap-east-1", "abc"),
    ("ap-east-2", "abc"),
    ("ap-south-1", "abc"),
    ("ap-south-2", "abc"),
    ("ap-southeast-1", "abc"),
    ("ap-southeast-2", "abc"),
    ("ap-southeast-3", "abc"),
    ("ap-southeast-4", "abc"),
    ("ap-southeast-5", "abc"),
    ("ap-southeast-6", "abc"),
    ("ap-southeast-7", "abc"),
    ("ap-northeast-1", "abcd"),
    ("ap-northeast-2", "abcd"),
    ("ap-northeast-3", "abc"),
    ("ca-central-1", "abd"),
    ("ca-west-1", "abc"),
    ("eu-central-1", "abc"),
    ("eu-central-2", "abc"),
    ("eu-west-1", "abc"),
    ("eu-west-2", "abc"),
    ("eu-west-3", "abc"),
    ("eu-south-1", "abc"),
    ("eu-south-2", "abc"),
    ("eu-north-1", "abc"),
    ("il-central-1", "abc"),
    ("me-south-1", "abc"),
    ("me-central-1", "abc"),
    ("mx-central-1", "abc"),
    ("sa-east-1", "abc"),
    ("us-gov-east-1", "abc"),
    ("us-gov-west-1", "abc"),
    ("cn-north-1", "abd"),
    ("cn-northwest-1", "abc"),
];

/// The zone letters of `region`, or `None` when the region does not exist.
pub fn zones(region: &str) -> Option<&'static str> {
    REGIONS.iter().find(|(r, _)| *r == region).map(|(_, z)| *z)
}

/// What an availability zone name says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Zone<'a> {
    /// `eu-west-3a`: a zone of a known region.
    Standard { region: &'static str },
    /// `us-east-1-bos-1a`, `us-east-1-wl1-bos-wlz-1`: a Local Zone or Wavelength Zone of a
    /// known region (not checked further).
    Local { region: &'static str },
    /// `eu-west-3d`: a known region, a letter it does not have; the region's letters.
    UnknownLetter {
        region: &'static str,
        letters: &'static str,
    },
    /// `eu-west-3`: a region, not a zone.
    RegionOnly { region: &'static str },
    /// Nothing AWS knows.
    Unknown(&'a str),
}

/// Reads an availability zone name.
pub fn parse_zone(zone: &str) -> Zone<'_> {
    if let Some(&(region, _)) = REGIONS.iter().find(|(r, _)| *r == zone) {
        return Zone::RegionOnly { region };
    }
    // The longest region name that prefixes the zone (`us-east-1` before `us-east-10`...).
    let best = REGIONS
        .iter()
        .filter(|(r, _)| zone.starts_with(r))
        .max_by_key(|(r, _)| r.len());
    let Some(&(region, letters)) = best else {
        return Zone::Unknown(zone);
    };
    let rest = &zone[region.len()..];
    let mut chars = rest.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_lowercase() => {
            if letters.contains(c) {
                Zone::Standard { region }
            } else {
                Zone::UnknownLetter { region, letters }
            }
        }
        (Some('-'), Some(_)) => Zone::Local { region },
        _ => Zone::Unknown(zone),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zones_of_paris_and_virginia() {
        assert_eq!(zones("eu-west-3"), Some("abc"));
        assert_eq!(zones("eu-west-4"), None);
        assert_eq!(parse_zone("eu-west-3a"), Zone::Standard { region: "eu-west-3" });
        assert_eq!(
            parse_zone("eu-west-3d"),
            Zone::UnknownLetter {
                region: "eu-west-3",
                letters: "abc"
            }
        );
        assert_eq!(parse_zone("eu-west-3"), Zone::RegionOnly { region: "eu-west-3" });
        assert_eq!(parse_zone("us-east-1f"), Zone::Standard { region: "us-east-1" });
        assert_eq!(parse_zone("us-east-1-bos-1a"), Zone::Local { region: "us-east-1" });
        assert_eq!(parse_zone("paris-a"), Zone::Unknown("paris-a"));
        assert_eq!(parse_zone("eu-west-3A"), Zone::Unknown("eu-west-3A"));
        assert_eq!(parse_zone(""), Zone::Unknown(""));
    }

    #[test]
    fn every_region_is_well_formed() {
        for (r, z) in REGIONS {
            assert!(r.rsplit('-').next().is_some_and(|n| n.parse::<u8>().is_ok()), "{r}");
            assert!(!z.is_empty() && z.chars().all(|c| c.is_ascii_lowercase()), "{r}");
        }
    }
}
