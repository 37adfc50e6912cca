//! Every check the playground runs, as data: its stable code, severity, the checkov rule
//! that checks the same thing (if any), a one-line title in both languages and the source
//! of the rule (an AWS or Terraform document).
//!
//! `docs/checks.md` documents each code; a test keeps the two in step.

use crate::diagnostic::Severity;

/// One check: what [`crate::checks::check`] writes into each [`crate::Diagnostic`] it raises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckInfo {
    /// Stable kebab-case code (`sg-ssh-open`); never reused for another meaning.
    pub code: &'static str,
    /// Severity of every diagnostic with this code.
    pub severity: Severity,
    /// The public checkov rule that checks the same thing (`CKV_AWS_24`), if any.
    pub checkov: Option<&'static str>,
    /// What the check looks for, in French.
    pub title_fr: &'static str,
    /// What the check looks for, in English.
    pub title_en: &'static str,
    /// Where the rule comes from: an AWS or Terraform document (URL).
    pub source: &'static str,
}

use Severity::{Error, Info, Warning};

macro_rules! checks {
    ($($name:ident = $code:literal, $sev:ident, $ckv:expr, $fr:literal, $en:literal, $src:literal;)*) => {
        $(
            #[doc = concat!("`", $code, "`: ", $en, " Source: <", $src, ">.")]
            pub const $name: CheckInfo = CheckInfo {
                code: $code,
                severity: $sev,
                checkov: $ckv,
                title_fr: $fr,
                title_en: $en,
                source: $src,
            };
        )*
        /// Every check, grouped by topic, in the order `docs/checks.md` lists them.
        pub const CATALOG: &[CheckInfo] = &[$($name),*];
    };
}

checks! {
    // Security groups: names and descriptions.
    SG_NAME_INVALID = "sg-name-invalid", Error, None,
        "Nom de groupe de sécurité refusé par AWS (caractères, longueur, préfixe sg-, « default »)",
        "Security group name AWS refuses (characters, length, sg- prefix, \"default\").",
        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html";
    SG_NAME_DUPLICATE = "sg-name-duplicate", Error, None,
        "Deux groupes de sécurité portent le même nom dans le même VPC",
        "Two security groups with the same name in the same VPC.",
        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html";
    SG_DESCRIPTION_INVALID = "sg-description-invalid", Error, None,
        "Description de groupe refusée par AWS (accents, caractères, longueur, vide)",
        "Security group description AWS refuses (accents, characters, length, empty).",
        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html";
    SG_DESCRIPTION_MISSING = "sg-description-missing", Info, Some("CKV_AWS_23"),
        "Groupe de sécurité sans description",
        "Security group without a description.",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/security_group";
    // Security group rules.
    SG_RULE_INCOMPLETE = "sg-rule-incomplete", Error, None,
        "Règle sans from_port, to_port ou protocol",
        "Rule without from_port, to_port or protocol.",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/security_group";
    SG_PROTOCOL = "sg-protocol", Error, None,
        "Protocole inconnu",
        "Unknown protocol.",
        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html";
    SG_PORT_RANGE = "sg-port-range", Error, None,
        "Port hors de 0–65535",
        "Port outside 0–65535.",
        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html";
    SG_PORT_ORDER = "sg-port-order", Error, None,
        "from_port plus grand que to_port",
        "from_port greater than to_port.",
        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html";
    SG_ALL_PROTOCOL_PORTS = "sg-all-protocol-ports", Error, None,
        "Protocole -1 (tout) avec des ports autres que 0",
        "Protocol -1 (all) with ports other than 0.",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/security_group";
    SG_ICMP_RANGE = "sg-icmp-range", Error, None,
        "Type ou code ICMP hors de -1–255",
        "ICMP type or code outside -1–255.",
        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html";
    SG_PORTS_IGNORED = "sg-ports-ignored", Warning, None,
        "Ports donnés pour un protocole qui n'en a pas : tout le protocole est ouvert",
        "Ports given for a protocol without ports: the whole protocol is open.",
        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html";
    CIDR_INVALID = "cidr-invalid", Error, None,
        "Bloc CIDR illisible",
        "Malformed CIDR block.",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/security_group";
    CIDR_NOT_NETWORK = "cidr-not-network", Error, None,
        "Bloc CIDR qui n'est pas écrit comme une adresse de réseau",
        "CIDR block not written as a network address.",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/security_group";
    CIDR_WRONG_FAMILY = "cidr-wrong-family", Error, None,
        "IPv6 dans cidr_blocks ou IPv4 dans ipv6_cidr_blocks",
        "IPv6 in cidr_blocks or IPv4 in ipv6_cidr_blocks.",
        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html";
    SG_RULE_NO_SOURCE = "sg-rule-no-source", Warning, None,
        "Règle sans source ni destination",
        "Rule with no source or destination.",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/security_group";
    SG_RULE_DESCRIPTION_INVALID = "sg-rule-description-invalid", Error, None,
        "Description de règle refusée par AWS (accents, caractères, longueur)",
        "Rule description AWS refuses (accents, characters, length).",
        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpRange.html";
    SG_RULE_NO_DESCRIPTION = "sg-rule-no-description", Info, Some("CKV_AWS_23"),
        "Règle sans description",
        "Rule without a description.",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/security_group";
    SG_NO_EGRESS = "sg-no-egress", Warning, None,
        "Groupe sans règle sortante : Terraform retire la règle « tout autoriser » d'AWS",
        "Group without egress rules: Terraform removes AWS's default allow-all rule.",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/security_group";
    // Exposure.
    SG_SSH_OPEN = "sg-ssh-open", Warning, Some("CKV_AWS_24"),
        "SSH (22) ouvert à tout Internet",
        "SSH (22) open to the whole Internet.",
        "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/security-group-rules-reference.html";
    SG_RDP_OPEN = "sg-rdp-open", Warning, Some("CKV_AWS_25"),
        "RDP (3389) ouvert à tout Internet",
        "RDP (3389) open to the whole Internet.",
        "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/security-group-rules-reference.html";
    SG_DATABASE_OPEN = "sg-database-open", Warning, None,
        "Port de base de données ouvert à tout Internet",
        "Database port open to the whole Internet.",
        "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/security-group-rules-reference.html";
    SG_ALL_OPEN = "sg-all-open", Warning, Some("CKV_AWS_277"),
        "Tout le trafic entrant ouvert à tout Internet",
        "All inbound traffic open to the whole Internet.",
        "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/security-group-rules-reference.html";
    // Provider, regions and zones.
    PROVIDER_MISSING = "provider-missing", Error, None,
        "Pas d'AwsProvider : ni région ni fournisseur déclarés",
        "No AwsProvider: no region, no provider declared.",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs";
    PROVIDER_DUPLICATE = "provider-duplicate", Error, None,
        "Deux AwsProvider sans alias",
        "Two AwsProvider without an alias.",
        "https://developer.hashicorp.com/terraform/language/providers/configuration";
    REGION_UNKNOWN = "region-unknown", Error, None,
        "Région AWS qui n'existe pas",
        "AWS region that does not exist.",
        "https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html";
    AZ_UNKNOWN = "az-unknown", Error, None,
        "Zone de disponibilité qui n'existe pas",
        "Availability zone that does not exist.",
        "https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-availability-zones.html";
    AZ_WRONG_REGION = "az-wrong-region", Error, None,
        "Zone de disponibilité d'une autre région que celle du provider",
        "Availability zone of another region than the provider's.",
        "https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-availability-zones.html";
    // AMIs and instances.
    AMI_MISSING = "ami-missing", Error, None,
        "Instance sans AMI",
        "Instance without an AMI.",
        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RunInstances.html";
    AMI_ID_INVALID = "ami-id-invalid", Error, None,
        "Id d'AMI mal formé",
        "Malformed AMI id.",
        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RunInstances.html";
    AMI_HARDCODED = "ami-hardcoded", Info, None,
        "Id d'AMI écrit en dur : il n'existe que dans une région",
        "Hard-coded AMI id: it exists in one region only.",
        "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/finding-an-ami.html";
    AMI_LOOKUP_UNSAFE = "ami-lookup-unsafe", Error, None,
        "Recherche d'AMI most_recent sans propriétaire : refusée par le provider AWS 6",
        "most_recent AMI lookup without an owner: refused by AWS provider 6.",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/ami";
    AMI_LOOKUP_AMBIGUOUS = "ami-lookup-ambiguous", Warning, None,
        "Recherche d'AMI à motif sans most_recent : échoue dès que plusieurs AMI correspondent",
        "Wildcard AMI lookup without most_recent: fails as soon as several AMIs match.",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/ami";
    AMI_AMAZON_LINUX_2 = "ami-amazon-linux-2", Info, None,
        "Amazon Linux 2, dont la prise en charge s'arrête le 30 juin 2026",
        "Amazon Linux 2, whose support ends on 30 June 2026.",
        "https://aws.amazon.com/amazon-linux-2/faqs/";
    AMI_ARCHITECTURE_MISMATCH = "ami-architecture-mismatch", Error, None,
        "Architecture de l'AMI différente de celle du type d'instance",
        "AMI architecture differs from the instance type's.",
        "https://docs.aws.amazon.com/ec2/latest/instancetypes/instance-types.html";
    INSTANCE_TYPE_UNKNOWN = "instance-type-unknown", Error, None,
        "Type d'instance qui n'existe pas",
        "Instance type that does not exist.",
        "https://docs.aws.amazon.com/ec2/latest/instancetypes/instance-types.html";
    INSTANCE_TYPE_MISSING = "instance-type-missing", Warning, None,
        "Instance sans type : EC2 prend m1.small, de génération ancienne",
        "Instance without a type: AWS takes m1.small, a previous generation.",
        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RunInstances.html";
    EBS_OPTIMIZED_UNSUPPORTED = "ebs-optimized-unsupported", Error, None,
        "ebs_optimized=True sur un type qui ne l'est jamais (t1, t2) : EC2 refuse le lancement",
        "ebs_optimized=True on a type that never is (t1, t2): EC2 refuses the launch.",
        "https://docs.aws.amazon.com/ec2/latest/instancetypes/ebs-optimized.html";
    IMDSV1 = "imdsv1", Warning, Some("CKV_AWS_79"),
        "IMDSv1 autorisé (http_tokens n'est pas « required »)",
        "IMDSv1 allowed (http_tokens is not \"required\").",
        "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html";
    INSTANCE_VOLUME_UNENCRYPTED = "instance-volume-unencrypted", Warning, Some("CKV_AWS_8"),
        "Volume de l'instance non chiffré",
        "Unencrypted instance volume.",
        "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html";
    EBS_VOLUME_UNENCRYPTED = "ebs-volume-unencrypted", Warning, Some("CKV_AWS_3"),
        "Volume EBS non chiffré",
        "Unencrypted EBS volume.",
        "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html";
    // Volumes.
    VOLUME_TYPE_UNKNOWN = "volume-type-unknown", Error, None,
        "Type de volume inconnu",
        "Unknown volume type.",
        "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-volume-types.html";
    VOLUME_SIZE_RANGE = "volume-size-range", Error, None,
        "Taille de volume hors des limites de son type",
        "Volume size outside its type's limits.",
        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVolume.html";
    VOLUME_SIZE_MISSING = "volume-size-missing", Error, None,
        "Volume EBS sans taille ni snapshot",
        "EBS volume with neither size nor snapshot.",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ebs_volume";
    VOLUME_IOPS = "volume-iops", Error, None,
        "IOPS absentes, interdites ou hors limites pour ce type de volume",
        "IOPS missing, not allowed or out of range for this volume type.",
        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVolume.html";
    VOLUME_THROUGHPUT = "volume-throughput", Error, None,
        "Débit interdit ou hors limites pour ce type de volume",
        "Throughput not allowed or out of range for this volume type.",
        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVolume.html";
    VOLUME_ROOT_HDD = "volume-root-hdd", Error, None,
        "st1 ou sc1 comme volume racine",
        "st1 or sc1 as the root volume.",
        "https://docs.aws.amazon.com/ebs/latest/userguide/hdd-vols.html";
    DEVICE_NAME_INVALID = "device-name-invalid", Error, None,
        "Nom de périphérique refusé par EC2",
        "Device name EC2 refuses.",
        "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/device_naming.html";
    DEVICE_NAME_PARTITION = "device-name-partition", Error, None,
        "Nom de périphérique avec un numéro de partition (/dev/sdf1) : AWS le refuse au déploiement",
        "Device name with a partition number (/dev/sdf1): AWS refuses it at apply.",
        "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/device_naming.html";
    DEVICE_NAME_RESERVED = "device-name-reserved", Warning, None,
        "Nom de périphérique réservé au volume racine",
        "Device name reserved for the root volume.",
        "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/device_naming.html";
    DEVICE_NAME_DUPLICATE = "device-name-duplicate", Error, None,
        "Deux volumes sur le même périphérique d'une instance",
        "Two volumes on the same device of one instance.",
        "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/device_naming.html";
    VOLUME_AZ_MISMATCH = "volume-az-mismatch", Error, None,
        "Volume attaché à une instance d'une autre zone",
        "Volume attached to an instance in another zone.",
        "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-attaching-volume.html";
    VOLUME_AZ_UNPINNED = "volume-az-unpinned", Warning, None,
        "Volume et instance attachés sans garantie d'être dans la même zone",
        "Volume and instance attached with no guarantee of the same zone.",
        "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-attaching-volume.html";
    // User data.
    USER_DATA_BOTH = "user-data-both", Error, None,
        "user_data et user_data_base64 à la fois",
        "Both user_data and user_data_base64.",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance";
    USER_DATA_BASE64_INVALID = "user-data-base64-invalid", Error, None,
        "user_data_base64 qui n'est pas du base64",
        "user_data_base64 that is not base64.",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance";
    USER_DATA_TOO_LARGE = "user-data-too-large", Error, None,
        "User data de plus de 16 Kio",
        "User data over 16 KiB.",
        "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html";
    USER_DATA_INTERPOLATION = "user-data-interpolation", Error, None,
        "${…} ou %{…} dans le script : Terraform y lit une expression",
        "${…} or %{…} in the script: Terraform reads an expression there.",
        "https://developer.hashicorp.com/terraform/language/expressions/strings";
    USER_DATA_SECRET = "user-data-secret", Warning, Some("CKV_AWS_46"),
        "Secret (clé d'accès, mot de passe, clé privée) dans le user data",
        "Secret (access key, password, private key) in user data.",
        "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html";
    WEB_PORT_CLOSED = "web-port-closed", Warning, None,
        "Serveur web installé, mais ni 80 ni 443 ouverts",
        "Web server installed, but neither 80 nor 443 open.",
        "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/security-group-rules-reference.html";
    USER_DATA_NO_SHEBANG = "user-data-no-shebang", Warning, None,
        "User data dont la première ligne n'est pas #! (ou #cloud-config) : cloud-init ne l'exécute pas",
        "User data whose first line is not #! (or #cloud-config): cloud-init does not run it.",
        "https://cloudinit.readthedocs.io/en/latest/explanation/format.html";
    USER_DATA_CRLF = "user-data-crlf", Warning, None,
        "Script aux fins de ligne Windows (CRLF) : /bin/bash^M introuvable sur l'instance",
        "Script with Windows line endings (CRLF): /bin/bash^M not found on the instance.",
        "https://cloudinit.readthedocs.io/en/latest/explanation/format.html";
    USER_DATA_ESCAPES = "user-data-escapes", Warning, None,
        "Barres obliques inverses que Terraform lit comme des échappements dans Fn.base64encode : le script change",
        "Backslashes Terraform reads as escapes inside Fn.base64encode: the script changes.",
        "https://developer.hashicorp.com/terraform/language/expressions/strings#escape-sequences";
    // Key pairs.
    KEY_PRIVATE = "key-private", Error, None,
        "Clé privée collée à la place de la clé publique",
        "Private key pasted instead of the public key.",
        "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/create-key-pairs.html";
    KEY_FORMAT = "key-format", Error, None,
        "Clé publique dans un format ou d'un type qu'EC2 n'importe pas",
        "Public key in a format or of a type EC2 does not import.",
        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ImportKeyPair.html";
    KEY_SAMPLE = "key-sample", Info, None,
        "Clé d'exemple du playground : personne n'a sa clé privée",
        "The playground's sample key: nobody holds its private key.",
        "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/connect-linux-inst-ssh.html";
    KEY_NAME_INVALID = "key-name-invalid", Error, None,
        "Nom de paire de clés refusé (plus de 255 caractères ASCII)",
        "Key pair name refused (over 255 ASCII characters).",
        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ImportKeyPair.html";
    KEY_NAME_DUPLICATE = "key-name-duplicate", Error, None,
        "Deux paires de clés du même nom",
        "Two key pairs with the same name.",
        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html";
    KEY_PAIR_NO_SSH = "key-pair-no-ssh", Warning, None,
        "Paire de clés sur une instance dont aucun groupe n'ouvre le port 22",
        "Key pair on an instance none of whose groups opens port 22.",
        "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/connect-linux-inst-ssh.html";
    KEY_PAIR_UNUSED = "key-pair-unused", Info, None,
        "Paire de clés qu'aucune instance n'utilise",
        "Key pair no instance uses.",
        "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-key-pairs.html";
    // Construct ids, logical ids, tags.
    CONSTRUCT_ID_INVALID = "construct-id-invalid", Error, None,
        "Id de construct refusé par cdktf (vide, « Default », « backend »)",
        "Construct id cdktf refuses (empty, \"Default\", \"backend\").",
        "https://developer.hashicorp.com/terraform/cdktf/concepts/constructs";
    CONSTRUCT_ID_DUPLICATE = "construct-id-duplicate", Error, None,
        "Deux constructs avec le même id",
        "Two constructs with the same id.",
        "https://developer.hashicorp.com/terraform/cdktf/concepts/constructs";
    LOGICAL_ID_INVALID = "logical-id-invalid", Error, None,
        "Nom Terraform (logical id) vide ou qui ne commence pas par une lettre ou _",
        "Terraform name (logical id) empty or not starting with a letter or _.",
        "https://developer.hashicorp.com/terraform/language/syntax/configuration#identifiers";
    LOGICAL_ID_DUPLICATE = "logical-id-duplicate", Error, None,
        "Deux constructs qui donnent le même nom Terraform : cdktf les fusionne",
        "Two constructs that give the same Terraform name: cdktf merges them.",
        "https://developer.hashicorp.com/terraform/cdktf/concepts/resources#references";
    TAGS_TOO_MANY = "tags-too-many", Error, None,
        "Plus de 50 tags sur une ressource",
        "More than 50 tags on a resource.",
        "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/Using_Tags.html#tag-restrictions";
    TAG_INVALID = "tag-invalid", Error, None,
        "Tag refusé par AWS (clé vide ou > 128, valeur > 256, préfixe aws:)",
        "Tag AWS refuses (empty key or > 128, value > 256, aws: prefix).",
        "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/Using_Tags.html#tag-restrictions";
    TEXT_BIDI_CONTROL = "text-bidi-control", Warning, None,
        "Caractère invisible de sens d'écriture (U+202A–U+202E, U+2066–U+2069) : le texte affiché n'est pas le texte écrit",
        "Invisible direction control (U+202A–U+202E, U+2066–U+2069): the text shown is not the text written.",
        "https://www.unicode.org/reports/tr55/";
    STACK_NAME_INVALID = "stack-name-invalid", Error, None,
        "Nom de stack refusé par cdktf (vide, espace, caractères * ? [ ] { } !, plus de 255 octets)",
        "Stack name cdktf refuses (empty, whitespace, * ? [ ] { } !, over 255 bytes).",
        "https://developer.hashicorp.com/terraform/cdktf/concepts/stacks";
    CDKTF_REFUSED = "cdktf-refused", Error, None,
        "Valeur que cdktf refuse à la synthèse (marqueur de token, clé __proto__, guillemets non échappés)",
        "Value cdktf refuses at synth (token marker, __proto__ key, unescaped quotes).",
        "https://developer.hashicorp.com/terraform/cdktf/concepts/tokens";
    // Every string as Terraform reads it.
    TERRAFORM_TEMPLATE_INVALID = "terraform-template-invalid", Error, None,
        "Chaîne que Terraform ne sait pas lire : ${ ou %{ non refermé, échappement inconnu (\\s), saut de ligne dans une chaîne",
        "String Terraform cannot read: unclosed ${ or %{, unknown escape (\\s), line break inside a quoted string.",
        "https://developer.hashicorp.com/terraform/language/expressions/strings";
    TERRAFORM_REFERENCE_UNKNOWN = "terraform-reference-unknown", Error, None,
        "${…} qui vise ce que la stack ne déclare pas (var.*, local.*, ${USER}, fonction inconnue)",
        "${…} pointing to what the stack does not declare (var.*, local.*, ${USER}, unknown function).",
        "https://developer.hashicorp.com/terraform/language/syntax/json#expression-mapping";
    // Every value as the provider validates it.
    PROVIDER_VALUE_INVALID = "provider-value-invalid", Error, None,
        "Valeur que le provider AWS refuse au plan (valeur hors de sa liste, casse, hors de ses bornes)",
        "Value the AWS provider refuses at plan (not in its list, wrong case, out of its range).",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance#metadata-options";
    NUMBER_NOT_WHOLE = "number-not-whole", Error, None,
        "Nombre non entier (1.5, 1e+22) là où Terraform attend un entier : port, taille, IOPS, débit, limite de sauts",
        "Number that is not whole (1.5, 1e+22) where Terraform expects an integer: port, size, IOPS, throughput, hop limit.",
        "https://developer.hashicorp.com/terraform/plugin/sdkv2/schemas/schema-types#typeint";
    // References.
    ID_FORMAT_INVALID = "id-format-invalid", Error, None,
        "Nom ou texte à la place d'un id AWS (sg-…, subnet-…, vol-…, i-…, snap-…) : AWS le refuse au déploiement",
        "Name or text where AWS expects an id (sg-…, subnet-…, vol-…, i-…, snap-…): AWS refuses it at deployment.",
        "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/resource-ids.html";
    REF_UNKNOWN_RESOURCE = "ref-unknown-resource", Error, None,
        "Référence à un construct absent de la stack",
        "Reference to a construct not in the stack.",
        "https://developer.hashicorp.com/terraform/cdktf/concepts/resources#references";
    REF_UNKNOWN_ATTRIBUTE = "ref-unknown-attribute", Error, None,
        "Référence à un attribut que ce construct n'a pas",
        "Reference to an attribute this construct does not have.",
        "https://developer.hashicorp.com/terraform/cdktf/concepts/resources#references";
    REF_WRONG_TARGET = "ref-wrong-target", Error, None,
        "Référence au mauvais type de ressource ou au mauvais attribut pour ce champ",
        "Reference to the wrong kind of resource or attribute for this field.",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance";
    REF_FORWARD = "ref-forward", Error, None,
        "Référence au construct lui-même ou à un construct déclaré plus bas : Python ne peut pas l'écrire",
        "Reference to the construct itself or to one declared further down: Python cannot write it.",
        "https://docs.python.org/3/reference/executionmodel.html#resolution-of-names";
    // Outputs.
    OUTPUT_SECRET = "output-secret", Warning, None,
        "Sortie qui expose un secret sans sensitive=True",
        "Output exposing a secret without sensitive=True.",
        "https://developer.hashicorp.com/terraform/language/values/outputs#sensitive-suppressing-values-in-cli-output";
}

/// The error codes `terraform validate` (or `plan`, for the provider's schema) refuses,
/// as `scripts/terraform-validate.sh` verifies them against Terraform 1.11 and the AWS
/// provider 5.100. Every other error is refused by cdktf at synth (`stack-name-invalid`,
/// `cdktf-refused`, `ref-forward`, `construct-id-*`, `provider-missing`...) or by AWS at
/// apply (names, ids, sizes, zones, keys...).
pub const TERRAFORM_REFUSES: &[&str] = &[
    "terraform-template-invalid",
    "terraform-reference-unknown",
    "user-data-interpolation",
    "provider-value-invalid",
    "number-not-whole",
    "user-data-both",
    "user-data-base64-invalid",
    "cidr-invalid",
    "cidr-not-network",
    "sg-rule-description-invalid",
    "provider-duplicate",
    "logical-id-invalid",
];

/// The check with this code, if any.
pub fn find(code: &str) -> Option<&'static CheckInfo> {
    CATALOG.iter().find(|c| c.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_kebab_case() {
        let mut seen = std::collections::BTreeSet::new();
        for c in CATALOG {
            assert!(seen.insert(c.code), "duplicate code {}", c.code);
            assert!(
                c.code
                    .chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-'),
                "{} is not kebab-case",
                c.code
            );
            assert!(c.source.starts_with("https://"), "{}: {}", c.code, c.source);
        }
        assert_eq!(find("sg-ssh-open").and_then(|c| c.checkov), Some("CKV_AWS_24"));
        assert_eq!(find("nope"), None);
    }
}
