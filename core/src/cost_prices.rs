//! The price table behind [`crate::cost`]: on-demand prices of the course's regions, in
//! USD, dated.
//!
//! **Source.** The figures were taken from AWS's public price pages, as of
//! [`PRICES_AS_OF`], and are to be checked against them before they are relied on:
//! - instances: <https://aws.amazon.com/ec2/pricing/on-demand/> (Linux, on demand, per hour);
//! - EBS volumes and snapshots: <https://aws.amazon.com/ebs/pricing/> (per GB-month,
//!   per provisioned IOPS-month, per provisioned MB/s-month);
//! - public IPv4 addresses: <https://aws.amazon.com/vpc/pricing/> ("Public IPv4 address":
//!   0.005 USD per hour per address, in use or idle, since 1 February 2024);
//! - free tier: <https://aws.amazon.com/free/> (the 12-month offer of accounts opened
//!   before 15 July 2025).
//!
//! They were written from those pages as remembered, not fetched by a program: the
//! playground runs offline. A region or instance type missing here is reported as unknown
//! by [`crate::cost::monthly_cost`], never guessed. To add a region, add one
//! [`RegionPrices`] row with every field from the pages above, and change
//! [`PRICES_AS_OF`] if the other rows were checked again.

/// The date the table's figures were read from AWS's price pages (ISO 8601).
pub const PRICES_AS_OF: &str = "2025-06-01";

/// Where the figures come from, for the page and the README.
pub const PRICES_SOURCE: &str =
    "https://aws.amazon.com/ec2/pricing/on-demand/, https://aws.amazon.com/ebs/pricing/, https://aws.amazon.com/vpc/pricing/";

/// Hours in a month for AWS's own monthly figures (730 = 24 × 365 / 12).
pub const HOURS_PER_MONTH: f64 = 730.0;

/// A public IPv4 address, USD per hour, every region (since 1 February 2024).
pub const PUBLIC_IPV4_PER_HOUR: f64 = 0.005;

/// Free tier of the 12-month offer (accounts opened before 15 July 2025), per month.
pub mod free_tier {
    /// Hours of t2.micro (or t3.micro where t2.micro is not offered).
    pub const INSTANCE_HOURS: f64 = 750.0;
    /// GB-months of EBS general purpose (gp2, gp3) or magnetic (standard) storage.
    pub const EBS_GB: f64 = 30.0;
    /// GB-months of EBS snapshots.
    pub const SNAPSHOT_GB: f64 = 1.0;
    /// Hours of public IPv4 address in use.
    pub const PUBLIC_IPV4_HOURS: f64 = 750.0;
}

/// EBS prices of one region.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EbsPrices {
    /// gp3, USD per GB-month.
    pub gp3_gb: f64,
    /// gp3 IOPS above the 3,000 included, USD per IOPS-month.
    pub gp3_iops: f64,
    /// gp3 throughput above the 125 MB/s included, USD per MB/s-month.
    pub gp3_throughput: f64,
    /// gp2, USD per GB-month.
    pub gp2_gb: f64,
    /// io1 and io2, USD per GB-month.
    pub io_gb: f64,
    /// io1 (every IOPS) and io2 (its first 32,000 IOPS), USD per provisioned IOPS-month.
    /// io2 IOPS from 32,001 to 64,000 cost 70 % of this, above 64,000 49 %.
    pub io_iops: f64,
    /// st1 (throughput optimized HDD), USD per GB-month.
    pub st1_gb: f64,
    /// sc1 (cold HDD), USD per GB-month.
    pub sc1_gb: f64,
    /// standard (magnetic, previous generation), USD per GB-month; its I/O requests (per
    /// million) are not counted.
    pub standard_gb: f64,
    /// Snapshots (standard tier), USD per GB-month stored.
    pub snapshot_gb: f64,
}

/// The prices of one region.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RegionPrices {
    /// AWS region code (`"eu-west-3"`).
    pub region: &'static str,
    /// Its name in AWS's console, French then English.
    pub name_fr: &'static str,
    /// English name.
    pub name_en: &'static str,
    /// On-demand Linux instances: (instance type, USD per hour).
    pub instances: &'static [(&'static str, f64)],
    /// EBS.
    pub ebs: EbsPrices,
    /// Whether t2.micro is offered (else t3.micro is the free-tier type).
    pub has_t2: bool,
}

/// The regions of the table, the course's first (Paris).
pub const REGIONS: &[RegionPrices] = &[
    RegionPrices {
        region: "eu-west-3",
        name_fr: "Europe (Paris)",
        name_en: "Europe (Paris)",
        instances: &[
            ("t2.nano", 0.0066),
            ("t2.micro", 0.0132),
            ("t2.small", 0.0264),
            ("t2.medium", 0.0528),
            ("t2.large", 0.1056),
            ("t3.nano", 0.0059),
            ("t3.micro", 0.0118),
            ("t3.small", 0.0236),
            ("t3.medium", 0.0472),
            ("t3.large", 0.0944),
            ("t3a.micro", 0.0106),
            ("t3a.small", 0.0212),
            ("t4g.micro", 0.0094),
            ("t4g.small", 0.0188),
            ("m5.large", 0.112),
            ("c5.large", 0.101),
        ],
        ebs: EbsPrices {
            gp3_gb: 0.0928,
            gp3_iops: 0.0058,
            gp3_throughput: 0.046,
            gp2_gb: 0.116,
            io_gb: 0.145,
            io_iops: 0.076,
            st1_gb: 0.054,
            sc1_gb: 0.0174,
            standard_gb: 0.058,
            snapshot_gb: 0.053,
        },
        has_t2: true,
    },
    RegionPrices {
        region: "eu-west-1",
        name_fr: "Europe (Irlande)",
        name_en: "Europe (Ireland)",
        instances: &[
            ("t2.nano", 0.0063),
            ("t2.micro", 0.0126),
            ("t2.small", 0.025),
            ("t2.medium", 0.05),
            ("t2.large", 0.1008),
            ("t3.nano", 0.0057),
            ("t3.micro", 0.0114),
            ("t3.small", 0.0228),
            ("t3.medium", 0.0456),
            ("t3.large", 0.0912),
            ("t3a.micro", 0.0102),
            ("t3a.small", 0.0204),
            ("t4g.micro", 0.0092),
            ("t4g.small", 0.0184),
            ("m5.large", 0.107),
            ("c5.large", 0.096),
        ],
        ebs: EbsPrices {
            gp3_gb: 0.088,
            gp3_iops: 0.0055,
            gp3_throughput: 0.044,
            gp2_gb: 0.11,
            io_gb: 0.138,
            io_iops: 0.072,
            st1_gb: 0.05,
            sc1_gb: 0.0168,
            standard_gb: 0.055,
            snapshot_gb: 0.05,
        },
        has_t2: true,
    },
    RegionPrices {
        region: "eu-central-1",
        name_fr: "Europe (Francfort)",
        name_en: "Europe (Frankfurt)",
        instances: &[
            ("t2.nano", 0.0067),
            ("t2.micro", 0.0134),
            ("t2.small", 0.0268),
            ("t2.medium", 0.0536),
            ("t2.large", 0.1072),
            ("t3.nano", 0.006),
            ("t3.micro", 0.012),
            ("t3.small", 0.024),
            ("t3.medium", 0.048),
            ("t3.large", 0.096),
            ("t3a.micro", 0.0108),
            ("t3a.small", 0.0216),
            ("t4g.micro", 0.0096),
            ("t4g.small", 0.0192),
            ("m5.large", 0.115),
            ("c5.large", 0.097),
        ],
        ebs: EbsPrices {
            gp3_gb: 0.0952,
            gp3_iops: 0.006,
            gp3_throughput: 0.048,
            gp2_gb: 0.119,
            io_gb: 0.149,
            io_iops: 0.078,
            st1_gb: 0.054,
            sc1_gb: 0.018,
            standard_gb: 0.059,
            snapshot_gb: 0.054,
        },
        has_t2: true,
    },
    RegionPrices {
        region: "us-east-1",
        name_fr: "USA Est (Virginie du Nord)",
        name_en: "US East (N. Virginia)",
        instances: &[
            ("t2.nano", 0.0058),
            ("t2.micro", 0.0116),
            ("t2.small", 0.023),
            ("t2.medium", 0.0464),
            ("t2.large", 0.0928),
            ("t3.nano", 0.0052),
            ("t3.micro", 0.0104),
            ("t3.small", 0.0208),
            ("t3.medium", 0.0416),
            ("t3.large", 0.0832),
            ("t3a.micro", 0.0094),
            ("t3a.small", 0.0188),
            ("t4g.micro", 0.0084),
            ("t4g.small", 0.0168),
            ("m5.large", 0.096),
            ("c5.large", 0.085),
        ],
        ebs: EbsPrices {
            gp3_gb: 0.08,
            gp3_iops: 0.005,
            gp3_throughput: 0.04,
            gp2_gb: 0.10,
            io_gb: 0.125,
            io_iops: 0.065,
            st1_gb: 0.045,
            sc1_gb: 0.015,
            standard_gb: 0.05,
            snapshot_gb: 0.05,
        },
        has_t2: true,
    },
];

/// The prices of `region`, or `None` when the table does not have it.
pub fn region_prices(region: &str) -> Option<&'static RegionPrices> {
    REGIONS.iter().find(|r| r.region == region)
}

impl RegionPrices {
    /// USD per hour of `instance_type` (Linux, on demand), or `None` when not in the table.
    pub fn instance_hourly(&self, instance_type: &str) -> Option<f64> {
        self.instances
            .iter()
            .find(|(t, _)| *t == instance_type)
            .map(|(_, p)| *p)
    }

    /// The free tier's instance type here: t2.micro, or t3.micro where t2.micro is not offered.
    pub fn free_tier_instance_type(&self) -> &'static str {
        if self.has_t2 {
            "t2.micro"
        } else {
            "t3.micro"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_region_prices_the_same_instance_types_and_positive_figures() {
        let first: Vec<&str> = REGIONS[0].instances.iter().map(|(t, _)| *t).collect();
        for r in REGIONS {
            let types: Vec<&str> = r.instances.iter().map(|(t, _)| *t).collect();
            assert_eq!(types, first, "{}", r.region);
            assert!(r.instances.iter().all(|(_, p)| *p > 0.0 && *p < 1.0), "{}", r.region);
            let e = r.ebs;
            for p in [
                e.gp3_gb,
                e.gp3_iops,
                e.gp3_throughput,
                e.gp2_gb,
                e.io_gb,
                e.io_iops,
                e.st1_gb,
                e.sc1_gb,
                e.standard_gb,
                e.snapshot_gb,
            ] {
                assert!(p > 0.0 && p < 1.0, "{}", r.region);
            }
            // gp3 is 20 % cheaper than gp2 in every region AWS prices (its launch claim).
            assert!((e.gp3_gb / e.gp2_gb - 0.8).abs() < 0.001, "{}", r.region);
        }
    }

    #[test]
    fn us_east_1_is_the_cheapest_of_the_table() {
        let us = region_prices("us-east-1").expect("us-east-1");
        for r in REGIONS {
            for (t, p) in r.instances {
                assert!(us.instance_hourly(t).expect("same types") <= *p, "{} {t}", r.region);
            }
        }
        assert_eq!(region_prices("ap-south-2"), None);
    }
}
