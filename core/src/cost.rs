//! What leaving a stack running costs per month, in the stack's own region (issue 16).
//!
//! [`monthly_cost`] prices, with the dated table of [`crate::cost_prices`]:
//! - each instance's hours (Linux, on demand, [`HOURS_PER_MONTH`] hours);
//! - its root volume (`root_block_device`, else 8 GB of gp2: the root volume of the course's
//!   Amazon Linux 2 AMI, `amzn2-ami-hvm-*-x86_64-gp2`, an assumption the estimate states)
//!   and its `ebs_block_device` volumes;
//! - each `EbsVolume` by type and size, with gp3 IOPS above 3,000 and throughput above
//!   125 MB/s, and io1/io2 provisioned IOPS;
//! - each `EbsSnapshot` at the size of its volume (a first snapshot stores at most the
//!   volume's used blocks: an upper bound, stated);
//! - public IPv4 addresses (0.005 USD per hour each since February 2024): an instance with
//!   `associate_public_ip_address=True`, or with neither that nor `subnet_id` (a default
//!   VPC subnet gives one; stated). An instance with `subnet_id` and no
//!   `associate_public_ip_address` depends on its subnet: not counted, stated.
//!
//! Security groups, key pairs, attachments, AMI lookups and outputs cost nothing. A region
//! or instance type the table lacks is reported as unknown, never guessed. Amounts are USD
//! (`f64`); [`format_usd`] writes them as the page's language does.

use serde::Serialize;

use crate::cost_prices::{free_tier, region_prices, RegionPrices, HOURS_PER_MONTH, PRICES_AS_OF, PUBLIC_IPV4_PER_HOUR};
use crate::i18n::{Lang, Text};
use crate::model::{Resource, Stack};
use crate::value::StrValue;

/// The currency of every amount.
pub const CURRENCY: &str = "USD";

/// The root volume assumed when `root_block_device` gives no size: the course's AMI's.
pub const DEFAULT_ROOT_GB: f64 = 8.0;
/// The root volume type assumed when `root_block_device` gives none (Amazon Linux 2, `-gp2`).
pub const DEFAULT_ROOT_TYPE: &str = "gp2";

/// One priced item of the stack.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CostLine {
    /// The construct id of the resource the item belongs to (`"web"`).
    pub resource: String,
    /// Its cdktf class (`"Instance"`).
    pub class: &'static str,
    /// What is priced, with the quantity and unit price (`"t2.micro, 730 h × 0,0132 USD"`).
    pub description: Text,
    /// USD per month, `None` when the table has no price for it (the description says why).
    pub monthly: Option<f64>,
    /// The part the free tier would cover, USD per month (0 when none).
    pub free_tier_covers: f64,
    /// The free-tier offer that applies to this item, if any.
    pub free_tier: Option<Text>,
}

/// The monthly cost of leaving a stack running.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CostEstimate {
    /// The AwsProvider's region (`"eu-west-3"`), `None` when the stack gives none.
    pub region: Option<String>,
    /// True when the table has the region's prices.
    pub region_known: bool,
    /// Always [`CURRENCY`].
    pub currency: &'static str,
    /// The date of the price table ([`PRICES_AS_OF`]).
    pub prices_as_of: &'static str,
    /// Priced items, in the stack's order.
    pub lines: Vec<CostLine>,
    /// The sum of the priced lines, USD per month.
    pub total: f64,
    /// `total` less what the 12-month free tier would cover.
    pub total_after_free_tier: f64,
    /// True when every line has a price (the total is then the whole cost).
    pub complete: bool,
    /// Assumptions made and the free tier's terms, in the order they apply.
    pub notes: Vec<Text>,
}

impl CostEstimate {
    /// The total as the page writes it in `lang`, with "at least" when a price is missing.
    pub fn total_text(&self, lang: Lang) -> String {
        let amount = format_usd(self.total, lang);
        match (self.complete, lang) {
            (true, _) => amount,
            (false, Lang::Fr) => format!("au moins {amount}"),
            (false, Lang::En) => format!("at least {amount}"),
        }
    }
}

/// The note on who gets the 12-month free tier, last of [`CostEstimate::notes`] when a
/// line is covered.
pub fn free_tier_terms() -> Text {
    t(
        "L'offre gratuite de 12 mois vaut pour les comptes ouverts avant le 15 juillet 2025 ; les comptes plus récents reçoivent des crédits à la place.",
        "The 12-month free tier applies to accounts opened before 15 July 2025; newer accounts get credits instead.",
    )
}

/// Reads a size, IOPS or throughput kwarg as a number (one place to change if the model's
/// number type changes).
fn number(v: Option<crate::JsNumber>) -> Option<f64> {
    v.map(crate::JsNumber::value)
}

fn t(fr: impl Into<String>, en: impl Into<String>) -> Text {
    Text::new(fr, en)
}

/// Writes `amount` USD with two decimals as `lang` writes it: French `1 234,50 USD`
/// (decimal comma, narrow no-break space U+202F between thousands), English `USD 1,234.50`.
/// Negative zero and rounding to the cent are handled; NaN and infinities are written `?`.
pub fn format_usd(amount: f64, lang: Lang) -> String {
    format_usd_decimals(amount, 2, lang)
}

/// [`format_usd`] with `decimals` digits after the separator (0 to 6), for unit prices
/// such as `0,0132 USD`.
pub fn format_usd_decimals(amount: f64, decimals: u32, lang: Lang) -> String {
    let number = format_number(amount, decimals, lang);
    match lang {
        Lang::Fr => format!("{number} {CURRENCY}"),
        Lang::En => format!("{CURRENCY} {number}"),
    }
}

/// `amount` with `decimals` digits (0 to 6), French `1 234,5` (U+202F, comma) or English
/// `1,234.5`; `?` for NaN and infinities.
pub fn format_number(amount: f64, decimals: u32, lang: Lang) -> String {
    if !amount.is_finite() {
        return "?".to_owned();
    }
    let decimals = decimals.min(6);
    let scale = 10u64.pow(decimals);
    let scaled = (amount.abs() * scale as f64).round();
    // Beyond 2^63 no stack's cost goes; saturate rather than wrap.
    let scaled = if scaled >= u64::MAX as f64 {
        u64::MAX
    } else {
        scaled as u64
    };
    let (whole, frac) = (scaled / scale, scaled % scale);
    let (group, point) = match lang {
        Lang::Fr => ('\u{202F}', ','),
        Lang::En => (',', '.'),
    };
    let digits = whole.to_string();
    let mut out = String::new();
    if amount < 0.0 && scaled > 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if decimals > 0 {
        out.push(point);
        out.push_str(&format!("{frac:0width$}", width = decimals as usize));
    }
    out
}

/// A quantity as `lang` writes it, with no trailing zeros (`8`, `0,5`).
fn qty(x: f64, lang: Lang) -> String {
    let s = format_number(x, 3, lang);
    let point = if lang == Lang::Fr { ',' } else { '.' };
    if s.contains(point) {
        s.trim_end_matches('0').trim_end_matches(point).to_owned()
    } else {
        s
    }
}

/// A description in both languages built from the same figures.
fn both(f: impl Fn(Lang) -> String) -> Text {
    t(f(Lang::Fr), f(Lang::En))
}

/// Free-tier allowances still unused while the lines are priced in order.
struct Allowance {
    instance_hours: f64,
    ebs_gb: f64,
    snapshot_gb: f64,
    ipv4_hours: f64,
}

struct Pricer<'a> {
    prices: Option<&'static RegionPrices>,
    stack: &'a Stack,
    lines: Vec<CostLine>,
    left: Allowance,
    notes: Vec<Text>,
}

impl Pricer<'_> {
    fn push(&mut self, resource: &str, class: &'static str, description: Text, monthly: Option<f64>) {
        self.lines.push(CostLine {
            resource: resource.to_owned(),
            class,
            description,
            monthly,
            free_tier_covers: 0.0,
            free_tier: None,
        });
    }

    /// Marks the last line as covered by the free tier for up to `covered` USD.
    fn free(&mut self, covered: f64, offer: Text) {
        if let Some(line) = self.lines.last_mut() {
            if covered > 0.0 {
                line.free_tier_covers = covered;
                line.free_tier = Some(offer);
            }
        }
    }

    fn unknown_region(&self) -> Text {
        t(
            "prix inconnu : la région n'est pas dans la table",
            "price unknown: the region is not in the table",
        )
    }

    fn instance(&mut self, id: &str, instance_type: Option<&str>) {
        let Some(instance_type) = instance_type else {
            self.push(
                id,
                "Instance",
                t(
                    "instance sans instance_type : prix inconnu",
                    "instance without instance_type: price unknown",
                ),
                None,
            );
            return;
        };
        let Some(prices) = self.prices else {
            let why = self.unknown_region();
            self.push(
                id,
                "Instance",
                t(
                    format!("{instance_type}, {}", why.fr),
                    format!("{instance_type}, {}", why.en),
                ),
                None,
            );
            return;
        };
        let Some(hourly) = prices.instance_hourly(instance_type) else {
            self.push(
                id,
                "Instance",
                t(
                    format!("{instance_type} : prix inconnu (ce type n'est pas dans la table)"),
                    format!("{instance_type}: price unknown (this type is not in the table)"),
                ),
                None,
            );
            return;
        };
        let monthly = hourly * HOURS_PER_MONTH;
        self.push(
            id,
            "Instance",
            both(|l| {
                format!(
                    "{instance_type}, {} h × {}",
                    qty(HOURS_PER_MONTH, l),
                    format_usd_decimals(hourly, 4, l)
                )
            }),
            Some(monthly),
        );
        if instance_type == prices.free_tier_instance_type() && self.left.instance_hours > 0.0 {
            let hours = self.left.instance_hours.min(HOURS_PER_MONTH);
            self.left.instance_hours -= hours;
            let ft = prices.free_tier_instance_type();
            self.free(
                hours * hourly,
                t(
                    format!("offre gratuite : 750 h par mois de {ft} pendant 12 mois"),
                    format!("free tier: 750 h a month of {ft} for 12 months"),
                ),
            );
        }
    }

    /// A volume of `gb` GB of `volume_type`, with `iops` and `throughput` as given.
    fn volume(&mut self, id: &str, class: &'static str, what: Text, vol: Volume<'_>) {
        let Some(prices) = self.prices else {
            let why = self.unknown_region();
            self.push(
                id,
                class,
                t(format!("{} : {}", what.fr, why.fr), format!("{}: {}", what.en, why.en)),
                None,
            );
            return;
        };
        let e = prices.ebs;
        let Some(gb) = vol.gb else {
            self.push(
                id,
                class,
                t(
                    format!("{} : taille inconnue, prix inconnu", what.fr),
                    format!("{}: size unknown, price unknown", what.en),
                ),
                None,
            );
            return;
        };
        let gb = gb.max(0.0);
        let per_gb = match vol.volume_type {
            "gp3" => Some(e.gp3_gb),
            "gp2" => Some(e.gp2_gb),
            "io1" | "io2" => Some(e.io_gb),
            "st1" => Some(e.st1_gb),
            "sc1" => Some(e.sc1_gb),
            "standard" => Some(e.standard_gb),
            _ => None,
        };
        let vt = vol.volume_type;
        let Some(per_gb) = per_gb else {
            self.push(
                id,
                class,
                t(
                    format!("{} : type {vt} inconnu, prix inconnu", what.fr),
                    format!("{}: unknown type {vt}, price unknown", what.en),
                ),
                None,
            );
            return;
        };
        self.push(
            id,
            class,
            both(|l| {
                let (w, unit) = match l {
                    Lang::Fr => (&what.fr, "Go"),
                    Lang::En => (&what.en, "GB"),
                };
                format!(
                    "{w}, {} {unit} {vt} × {}",
                    qty(gb, l),
                    format_usd_decimals(per_gb, 4, l)
                )
            }),
            Some(gb * per_gb),
        );
        if matches!(vt, "gp2" | "gp3" | "standard") && self.left.ebs_gb > 0.0 {
            let covered = self.left.ebs_gb.min(gb);
            self.left.ebs_gb -= covered;
            self.free(
                covered * per_gb,
                t(
                    "offre gratuite : 30 Go de volumes EBS (gp2, gp3 ou magnétique) par mois pendant 12 mois",
                    "free tier: 30 GB of EBS volumes (gp2, gp3 or magnetic) a month for 12 months",
                ),
            );
        }
        match vt {
            "gp3" => {
                if let Some(iops) = vol.iops.filter(|i| *i > 3000.0) {
                    let extra = iops - 3000.0;
                    self.push(
                        id,
                        class,
                        both(|l| match l {
                            Lang::Fr => format!(
                                "IOPS gp3 au-delà de 3\u{202F}000 : {} × {}",
                                qty(extra, l),
                                format_usd_decimals(e.gp3_iops, 4, l)
                            ),
                            Lang::En => format!(
                                "gp3 IOPS above 3,000: {} × {}",
                                qty(extra, l),
                                format_usd_decimals(e.gp3_iops, 4, l)
                            ),
                        }),
                        Some(extra * e.gp3_iops),
                    );
                }
                if let Some(mbps) = vol.throughput.filter(|m| *m > 125.0) {
                    let extra = mbps - 125.0;
                    self.push(
                        id,
                        class,
                        both(|l| match l {
                            Lang::Fr => format!(
                                "débit gp3 au-delà de 125 Mo/s : {} Mo/s × {}",
                                qty(extra, l),
                                format_usd_decimals(e.gp3_throughput, 4, l)
                            ),
                            Lang::En => format!(
                                "gp3 throughput above 125 MB/s: {} MB/s × {}",
                                qty(extra, l),
                                format_usd_decimals(e.gp3_throughput, 4, l)
                            ),
                        }),
                        Some(extra * e.gp3_throughput),
                    );
                }
            }
            "io1" | "io2" => match vol.iops {
                Some(iops) => {
                    let iops = iops.max(0.0);
                    let monthly = if vt == "io2" {
                        let first = iops.min(32_000.0);
                        let second = (iops - 32_000.0).clamp(0.0, 32_000.0);
                        let rest = (iops - 64_000.0).max(0.0);
                        e.io_iops * (first + 0.7 * second + 0.49 * rest)
                    } else {
                        iops * e.io_iops
                    };
                    self.push(
                        id,
                        class,
                        both(|l| match l {
                            Lang::Fr => format!(
                                "IOPS provisionnées {vt} : {} × {}",
                                qty(iops, l),
                                format_usd_decimals(e.io_iops, 4, l)
                            ),
                            Lang::En => format!(
                                "{vt} provisioned IOPS: {} × {}",
                                qty(iops, l),
                                format_usd_decimals(e.io_iops, 4, l)
                            ),
                        }),
                        Some(monthly),
                    );
                }
                None => self.push(
                    id,
                    class,
                    t(
                        format!("IOPS provisionnées {vt} non données : prix inconnu"),
                        format!("{vt} provisioned IOPS not given: price unknown"),
                    ),
                    None,
                ),
            },
            _ => {}
        }
    }

    fn snapshot(&mut self, id: &str, volume_id: &StrValue) {
        let source = match volume_id {
            StrValue::Ref(r) => self.stack.find(&r.resource).map(|(_, res)| res),
            StrValue::Literal(_) => None,
        };
        let gb = match source {
            Some(Resource::EbsVolume(v)) => number(v.size),
            _ => None,
        };
        let Some(prices) = self.prices else {
            let why = self.unknown_region();
            self.push(
                id,
                "EbsSnapshot",
                t(format!("snapshot : {}", why.fr), format!("snapshot: {}", why.en)),
                None,
            );
            return;
        };
        let Some(gb) = gb.map(|g| g.max(0.0)) else {
            self.push(
                id,
                "EbsSnapshot",
                t(
                    "snapshot d'un volume dont la taille n'est pas dans la stack : prix inconnu",
                    "snapshot of a volume whose size is not in the stack: price unknown",
                ),
                None,
            );
            return;
        };
        let per_gb = prices.ebs.snapshot_gb;
        self.push(
            id,
            "EbsSnapshot",
            both(|l| match l {
                Lang::Fr => format!(
                    "snapshot, {} Go stockés (la taille du volume, au plus) × {}",
                    qty(gb, l),
                    format_usd_decimals(per_gb, 4, l)
                ),
                Lang::En => format!(
                    "snapshot, {} GB stored (the volume's size, at most) × {}",
                    qty(gb, l),
                    format_usd_decimals(per_gb, 4, l)
                ),
            }),
            Some(gb * per_gb),
        );
        if self.left.snapshot_gb > 0.0 {
            let covered = self.left.snapshot_gb.min(gb);
            self.left.snapshot_gb -= covered;
            self.free(
                covered * per_gb,
                t(
                    "offre gratuite : 1 Go de snapshots par mois pendant 12 mois",
                    "free tier: 1 GB of snapshots a month for 12 months",
                ),
            );
        }
    }

    fn public_ipv4(&mut self, id: &str) {
        // The same price in every region, but a region the table lacks is not priced at all.
        if self.prices.is_none() {
            let why = self.unknown_region();
            self.push(
                id,
                "Instance",
                t(
                    format!("adresse IPv4 publique, {}", why.fr),
                    format!("public IPv4 address, {}", why.en),
                ),
                None,
            );
            return;
        }
        let monthly = PUBLIC_IPV4_PER_HOUR * HOURS_PER_MONTH;
        self.push(
            id,
            "Instance",
            both(|l| match l {
                Lang::Fr => format!(
                    "adresse IPv4 publique, {} h × {}",
                    qty(HOURS_PER_MONTH, l),
                    format_usd_decimals(PUBLIC_IPV4_PER_HOUR, 3, l)
                ),
                Lang::En => format!(
                    "public IPv4 address, {} h × {}",
                    qty(HOURS_PER_MONTH, l),
                    format_usd_decimals(PUBLIC_IPV4_PER_HOUR, 3, l)
                ),
            }),
            Some(monthly),
        );
        if self.left.ipv4_hours > 0.0 {
            let hours = self.left.ipv4_hours.min(HOURS_PER_MONTH);
            self.left.ipv4_hours -= hours;
            self.free(
                hours * PUBLIC_IPV4_PER_HOUR,
                t(
                    "offre gratuite : 750 h d'adresse IPv4 publique par mois pendant 12 mois",
                    "free tier: 750 h of public IPv4 address a month for 12 months",
                ),
            );
        }
    }

    fn note(&mut self, note: Text) {
        if !self.notes.contains(&note) {
            self.notes.push(note);
        }
    }
}

struct Volume<'a> {
    gb: Option<f64>,
    volume_type: &'a str,
    iops: Option<f64>,
    throughput: Option<f64>,
}

/// The region the stack deploys to: the first AwsProvider's `region`.
pub fn stack_region(stack: &Stack) -> Option<&str> {
    stack.resources.iter().find_map(|r| match r {
        Resource::AwsProvider(p) => p.region.as_deref(),
        _ => None,
    })
}

/// The monthly cost of leaving `stack` running in its AwsProvider's region: one line per
/// priced item (see the module's documentation for what is priced and assumed), the total
/// of the priced lines in USD, what the 12-month free tier would leave, the table's date,
/// and notes naming every assumption made. Never fails: an unknown region, instance type,
/// volume type or size gives a line without a price and `complete: false`.
pub fn monthly_cost(stack: &Stack) -> CostEstimate {
    let region = stack_region(stack).map(str::to_owned);
    let prices = region.as_deref().and_then(region_prices);
    let mut p = Pricer {
        prices,
        stack,
        lines: Vec::new(),
        left: Allowance {
            instance_hours: free_tier::INSTANCE_HOURS,
            ebs_gb: free_tier::EBS_GB,
            snapshot_gb: free_tier::SNAPSHOT_GB,
            ipv4_hours: free_tier::PUBLIC_IPV4_HOURS,
        },
        notes: Vec::new(),
    };
    for resource in &stack.resources {
        match resource {
            Resource::Instance(inst) => {
                let id = inst.id.as_str();
                p.instance(id, inst.instance_type.as_deref());
                let root = inst.root_block_device.as_ref();
                let gb = root.and_then(|r| number(r.volume_size));
                let vt = root.and_then(|r| r.volume_type.as_deref());
                if gb.is_none() || vt.is_none() {
                    p.note(t(
                        format!("Un volume racine sans taille ou sans type est compté comme celui de l'AMI Amazon Linux 2 du cours : {} Go {DEFAULT_ROOT_TYPE}.", qty(DEFAULT_ROOT_GB, Lang::Fr)),
                        format!("A root volume without a size or type is counted as the course's Amazon Linux 2 AMI's: {} GB {DEFAULT_ROOT_TYPE}.", qty(DEFAULT_ROOT_GB, Lang::En)),
                    ));
                }
                p.volume(
                    id,
                    "Instance",
                    t("volume racine", "root volume"),
                    Volume {
                        gb: Some(gb.unwrap_or(DEFAULT_ROOT_GB)),
                        volume_type: vt.unwrap_or(DEFAULT_ROOT_TYPE),
                        iops: root.and_then(|r| number(r.iops)),
                        throughput: root.and_then(|r| number(r.throughput)),
                    },
                );
                for dev in inst.ebs_block_device.iter().flatten() {
                    let name = &dev.device_name;
                    p.volume(
                        id,
                        "Instance",
                        t(format!("volume {name}"), format!("volume {name}")),
                        Volume {
                            gb: number(dev.volume_size),
                            volume_type: dev.volume_type.as_deref().unwrap_or("gp2"),
                            iops: number(dev.iops),
                            throughput: number(dev.throughput),
                        },
                    );
                }
                match (inst.associate_public_ip_address, &inst.subnet_id) {
                    (Some(true), _) => p.public_ipv4(id),
                    (None, None) => {
                        p.public_ipv4(id);
                        p.note(t(
                            "Une instance sans subnet_id ni associate_public_ip_address est lancée dans un sous-réseau du VPC par défaut, qui lui donne une adresse IPv4 publique : elle est comptée.",
                            "An instance with neither subnet_id nor associate_public_ip_address is launched in a default VPC subnet, which gives it a public IPv4 address: it is counted.",
                        ));
                    }
                    (None, Some(_)) => p.note(t(
                        "Une instance avec subnet_id sans associate_public_ip_address reçoit une adresse IPv4 publique selon son sous-réseau : elle n'est pas comptée.",
                        "An instance with subnet_id and no associate_public_ip_address gets a public IPv4 address depending on its subnet: it is not counted.",
                    )),
                    (Some(false), _) => {}
                }
            }
            Resource::EbsVolume(vol) => {
                let gb = number(vol.size);
                let from_snapshot = vol.snapshot_id.is_some() && gb.is_none();
                p.volume(
                    &vol.id,
                    "EbsVolume",
                    if from_snapshot {
                        t("volume EBS (taille du snapshot)", "EBS volume (the snapshot's size)")
                    } else {
                        t("volume EBS", "EBS volume")
                    },
                    Volume {
                        gb,
                        volume_type: vol.volume_type.as_deref().unwrap_or("gp2"),
                        iops: number(vol.iops),
                        throughput: number(vol.throughput),
                    },
                );
                if vol.volume_type.is_none() {
                    p.note(t(
                        "Un EbsVolume sans type est un volume gp2 (le défaut d'EC2 pour CreateVolume).",
                        "An EbsVolume without a type is a gp2 volume (EC2's default for CreateVolume).",
                    ));
                }
            }
            Resource::EbsSnapshot(snap) => {
                p.snapshot(&snap.id, &snap.volume_id);
                p.note(t(
                    "Un snapshot est compté à la taille de son volume : le premier ne stocke que les blocs utilisés, les suivants que les blocs modifiés ; c'est un maximum.",
                    "A snapshot is counted at its volume's size: the first stores only the used blocks, later ones only the changed blocks; this is an upper bound.",
                ));
            }
            _ => {}
        }
    }
    let Pricer {
        lines, notes: mut n, ..
    } = p;
    match (&region, prices) {
        (None, _) => n.insert(
            0,
            t(
                "L'AwsProvider ne donne pas de région (elle viendrait de AWS_REGION ou de ~/.aws/config) : aucun prix n'est connu.",
                "The AwsProvider gives no region (it would come from AWS_REGION or ~/.aws/config): no price is known.",
            ),
        ),
        (Some(r), None) => n.insert(
            0,
            t(
                format!("La région {r} n'est pas dans la table des prix (eu-west-3, eu-west-1, eu-central-1, us-east-1) : ses prix sont inconnus ici."),
                format!("The region {r} is not in the price table (eu-west-3, eu-west-1, eu-central-1, us-east-1): its prices are unknown here."),
            ),
        ),
        (Some(_), Some(rp)) => n.insert(
            0,
            both(|l| match l {
                Lang::Fr => format!(
                    "Prix à la demande de la région {} ({}), de la table du playground datée du {PRICES_AS_OF}, d'après les pages de prix publiques d'AWS, à vérifier ; {} h par mois.",
                    rp.region,
                    rp.name_fr,
                    qty(HOURS_PER_MONTH, l)
                ),
                Lang::En => format!(
                    "On-demand prices of the region {} ({}), from the playground's table dated {PRICES_AS_OF}, after AWS's public price pages, to be checked; {} h a month.",
                    rp.region,
                    rp.name_en,
                    qty(HOURS_PER_MONTH, l)
                ),
            }),
        ),
    }
    let total: f64 = lines.iter().filter_map(|l| l.monthly).sum();
    let covered: f64 = lines.iter().map(|l| l.free_tier_covers).sum();
    if covered > 0.0 {
        n.push(free_tier_terms());
    }
    CostEstimate {
        complete: lines.iter().all(|l| l.monthly.is_some()),
        region,
        region_known: prices.is_some(),
        currency: CURRENCY,
        prices_as_of: PRICES_AS_OF,
        total,
        total_after_free_tier: (total - covered).max(0.0),
        lines,
        notes: n,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load_stack;

    fn lab() -> Stack {
        load_stack(include_str!("../../tests/fixtures/ec2-lab/stack.json")).expect("lab loads")
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn the_lab_in_paris_costs_its_instance_volumes_and_address() {
        let c = monthly_cost(&lab());
        assert_eq!(c.region.as_deref(), Some("eu-west-3"));
        assert!(c.region_known && c.complete);
        let monthly: Vec<(&str, f64)> = c
            .lines
            .iter()
            .map(|l| (l.resource.as_str(), l.monthly.expect("priced")))
            .collect();
        // t2.micro 0.0132 × 730; root 8 GB gp3 × 0.0928; public IPv4 0.005 × 730 (no
        // subnet: default VPC); EbsVolume 10 GB gp3 × 0.0928.
        let expected = [("web", 9.636), ("web", 0.7424), ("web", 3.65), ("data", 0.928)];
        assert_eq!(monthly.len(), expected.len(), "{monthly:?}");
        for ((r, m), (er, em)) in monthly.iter().zip(expected) {
            assert_eq!(*r, er);
            assert!(close(*m, em), "{r}: {m} != {em}");
        }
        assert!(close(c.total, 14.9564), "{}", c.total);
        assert_eq!(format_usd(c.total, Lang::Fr), "14,96 USD");
        assert_eq!(format_usd(c.total, Lang::En), "USD 14.96");
        // The free tier covers all of it: 750 h of t2.micro, 18 of 30 GB, 730 of 750 h IPv4.
        assert!(close(c.total_after_free_tier, 0.0), "{}", c.total_after_free_tier);
        assert_eq!(c.lines[0].description.fr, "t2.micro, 730 h × 0,0132 USD");
        assert_eq!(c.lines[0].description.en, "t2.micro, 730 h × USD 0.0132");
        assert_eq!(c.lines[1].description.fr, "volume racine, 8 Go gp3 × 0,0928 USD");
        assert!(c.notes[0].fr.contains("eu-west-3 (Europe (Paris))"), "{:?}", c.notes);
        assert!(c.notes[0]
            .en
            .contains("table dated 2025-06-01, after AWS's public price pages, to be checked"));
        assert!(c.notes.iter().any(|n| n.en.contains("default VPC subnet")));
        assert_eq!(
            c.lines[0].free_tier.as_ref().map(|t| t.en.as_str()),
            Some("free tier: 750 h a month of t2.micro for 12 months")
        );
    }

    #[test]
    fn the_region_changes_the_prices() {
        let mut s = lab();
        if let Some(Resource::AwsProvider(p)) = s.resources.get_mut(0) {
            p.region = Some("us-east-1".into());
        }
        let c = monthly_cost(&s);
        // 0.0116 × 730 + 18 × 0.08 + 3.65
        assert!(close(c.total, 8.468 + 1.44 + 3.65), "{}", c.total);
    }

    #[test]
    fn an_unknown_region_or_type_says_so() {
        let mut s = lab();
        if let Some(Resource::AwsProvider(p)) = s.resources.get_mut(0) {
            p.region = Some("ap-south-2".into());
        }
        let c = monthly_cost(&s);
        assert!(!c.region_known && !c.complete);
        assert_eq!(c.total, 0.0);
        assert!(c.notes[0]
            .en
            .starts_with("The region ap-south-2 is not in the price table"));
        assert_eq!(c.total_text(Lang::Fr), "au moins 0,00 USD");

        let mut s = lab();
        if let Some(Resource::Instance(i)) = s.resources.get_mut(4) {
            i.instance_type = Some("x2iedn.32xlarge".into());
        }
        let c = monthly_cost(&s);
        assert!(c.region_known && !c.complete);
        assert_eq!(c.lines[0].monthly, None);
        assert_eq!(
            c.lines[0].description.en,
            "x2iedn.32xlarge: price unknown (this type is not in the table)"
        );
        assert!(close(c.total, 0.7424 + 3.65 + 0.928), "{}", c.total);
        assert_eq!(c.total_text(Lang::En), "at least USD 5.32");
    }

    #[test]
    fn gp3_io2_snapshots_and_addresses() {
        let s = load_stack(
            r#"{"version": 1, "name": "x", "resources": [
              {"AwsProvider": {"id": "aws", "region": "us-east-1"}},
              {"Instance": {"id": "a", "instance_type": "t3.small", "associate_public_ip_address": false,
                "root_block_device": {"volume_size": 20, "volume_type": "gp3", "iops": 4000, "throughput": 250}}},
              {"Instance": {"id": "b", "instance_type": "t3.micro", "subnet_id": "subnet-1"}},
              {"EbsVolume": {"id": "v", "availability_zone": "us-east-1a", "size": 100, "type": "io2", "iops": 40000}},
              {"EbsSnapshot": {"id": "s", "volume_id": {"ref": "v", "attr": "id"}}},
              {"EbsVolume": {"id": "c", "availability_zone": "us-east-1a", "size": 500, "type": "sc1"}}
            ]}"#,
        )
        .expect("loads");
        let c = monthly_cost(&s);
        let m: Vec<f64> = c.lines.iter().map(|l| l.monthly.expect("priced")).collect();
        let expected = [
            0.0208 * 730.0,                     // t3.small
            20.0 * 0.08,                        // root gp3
            1000.0 * 0.005,                     // IOPS above 3,000
            125.0 * 0.04,                       // MB/s above 125
            0.0104 * 730.0,                     // t3.micro
            8.0 * 0.10,                         // default root: 8 GB gp2
            100.0 * 0.125,                      // io2 GB
            0.065 * (32_000.0 + 0.7 * 8_000.0), // io2 IOPS, two tiers
            100.0 * 0.05,                       // snapshot at the volume's size
            500.0 * 0.015,                      // sc1
        ];
        assert_eq!(m.len(), expected.len(), "{:?}", c.lines);
        for (i, (a, b)) in m.iter().zip(expected).enumerate() {
            assert!(close(*a, b), "line {i}: {a} != {b}");
        }
        // No public IPv4: one opted out, the other's subnet decides (noted).
        assert!(c.lines.iter().all(|l| !l.description.en.contains("IPv4")));
        assert!(c.notes.iter().any(|n| n.en.contains("depending on its subnet")));
        // Free tier: t2.micro is the free type in us-east-1, not t3.micro.
        assert!(c
            .lines
            .iter()
            .all(|l| !l.description.en.starts_with("t3.micro") || l.free_tier.is_none()));
        // Free tier EBS: 20 GB gp3 + 8 GB gp2 of 30; snapshot 1 GB.
        let covered: f64 = c.lines.iter().map(|l| l.free_tier_covers).sum();
        assert!(close(covered, 20.0 * 0.08 + 8.0 * 0.10 + 1.0 * 0.05), "{covered}");
    }

    #[test]
    fn numbers_are_written_as_each_language_writes_them() {
        assert_eq!(format_usd(1234.5, Lang::Fr), "1\u{202F}234,50 USD");
        assert_eq!(format_usd(1234.5, Lang::En), "USD 1,234.50");
        assert_eq!(format_usd(1_234_567.891, Lang::En), "USD 1,234,567.89");
        assert_eq!(format_usd(0.005, Lang::Fr), "0,01 USD");
        assert_eq!(format_usd(-0.001, Lang::En), "USD 0.00");
        assert_eq!(format_usd(-2.5, Lang::Fr), "-2,50 USD");
        assert_eq!(format_usd(f64::NAN, Lang::Fr), "? USD");
        assert_eq!(format_usd_decimals(0.0132, 4, Lang::Fr), "0,0132 USD");
        assert_eq!(format_number(999.0, 0, Lang::Fr), "999");
        assert_eq!(format_number(1000.0, 0, Lang::Fr), "1\u{202F}000");
    }

    #[test]
    fn a_stack_without_a_region_has_no_price() {
        let mut s = lab();
        if let Some(Resource::AwsProvider(p)) = s.resources.get_mut(0) {
            p.region = None;
        }
        let c = monthly_cost(&s);
        assert_eq!(c.region, None);
        assert!(!c.complete && c.lines.iter().all(|l| l.monthly.is_none()));
        assert!(c.notes[0].fr.starts_with("L'AwsProvider ne donne pas de région"));
    }
}
