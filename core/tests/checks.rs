//! The checks, code by code: a clean stack raises nothing; for every code of the catalog, a
//! variant of it raises the code at the expected path, and a close variant does not. Then
//! the course's stacks, pinned finding by finding, and stacks the checks must survive.

#[path = "support/clean_lab.rs"]
mod clean_lab;

use clean_lab::KEY;
use ec2_playground_core::checks::CATALOG;
use ec2_playground_core::{check, load_stack, Diagnostic, Severity, Stack};
use serde_json::{json, Value};

const PROVIDER: &str = "/resources/0/AwsProvider";
const AMI: &str = "/resources/1/DataAwsAmi";
const SG: &str = "/resources/2/SecurityGroup";
const KEY_PAIR: &str = "/resources/3/KeyPair";
const INST: &str = "/resources/4/Instance";
const VOL: &str = "/resources/5/EbsVolume";
const ATT: &str = "/resources/6/VolumeAttachment";
const OUT: &str = "/resources/7/TerraformOutput";

/// One edit of the baseline: a JSON pointer and the value to put there; `None` removes it.
/// A pointer ending in `/-` appends to an array.
type Edit = (String, Option<Value>);

fn set(p: impl Into<String>, v: Value) -> Edit {
    (p.into(), Some(v))
}

fn remove(p: impl Into<String>) -> Edit {
    (p.into(), None)
}

fn apply(edits: &[Edit]) -> Value {
    clean_lab::edited(edits.iter().map(|(p, v)| (p.as_str(), v.as_ref())))
}

fn stack_of(doc: &Value) -> Stack {
    load_stack(&doc.to_string()).unwrap_or_else(|e| panic!("the test stack does not load: {e}\n{doc:#}"))
}

fn diagnostics(edits: &[Edit]) -> Vec<Diagnostic> {
    check(&stack_of(&apply(edits)))
}

fn describe(ds: &[Diagnostic]) -> String {
    ds.iter().map(|d| format!("  {} {}\n", d.code, d.path)).collect()
}

/// A code, where it must show, the edits that raise it and the edits of a close stack that
/// does not raise it at all.
struct Case {
    code: &'static str,
    path: &'static str,
    raise: Vec<Edit>,
    clean: Vec<Edit>,
}

fn case(code: &'static str, path: &'static str, raise: Vec<Edit>, clean: Vec<Edit>) -> Case {
    Case {
        code,
        path,
        raise,
        clean,
    }
}

fn rule(from: i64, to: i64, protocol: &str, cidr: &str) -> Value {
    json!({"from_port": from, "to_port": to, "protocol": protocol, "cidr_blocks": [cidr], "description": "test"})
}

fn many_tags(n: usize) -> Value {
    Value::Object((0..n).map(|k| (format!("k{k}"), json!("v"))).collect())
}

fn cases() -> Vec<Case> {
    let ingress0 = format!("{SG}/ingress/0");
    let ssh_only = json!([{"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["203.0.113.7/32"], "description": "SSH"}]);
    let http_only = json!([{"from_port": 80, "to_port": 80, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"], "description": "HTTP"}]);
    let second_sg = |name: &str| {
        json!({"SecurityGroup": {"id": "other_sg", "name": name, "description": "Other",
            "egress": [{"from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["0.0.0.0/0"], "description": "out"}]}})
    };
    let script = |s: &str| json!({"script": s});
    vec![
        // Security groups.
        case("sg-name-invalid", "resources[2].name", vec![set(format!("{SG}/name"), json!("sg-web"))], vec![set(format!("{SG}/name"), json!("web-sg-2"))]),
        case("sg-name-invalid", "resources[2].name", vec![set(format!("{SG}/name"), json!("groupe d'accès"))], vec![set(format!("{SG}/name"), json!("groupe-acces"))]),
        case("sg-name-invalid", "resources[2].name", vec![set(format!("{SG}/name"), json!("default"))], vec![set(format!("{SG}/name"), json!("default-web"))]),
        case("sg-name-invalid", "resources[2].name", vec![set(format!("{SG}/name"), json!("x".repeat(256)))], vec![set(format!("{SG}/name"), json!("x".repeat(255)))]),
        case("sg-name-duplicate", "resources[8].name", vec![set("/resources/-", second_sg("web-sg"))], vec![set("/resources/-", second_sg("db-sg"))]),
        case("sg-description-invalid", "resources[2].description", vec![set(format!("{SG}/description"), json!("Accès SSH et HTTP"))], vec![set(format!("{SG}/description"), json!("Acces SSH et HTTP"))]),
        case("sg-description-invalid", "resources[2].description", vec![set(format!("{SG}/description"), json!(""))], vec![set(format!("{SG}/description"), json!("x"))]),
        case("sg-description-missing", "resources[2].description", vec![remove(format!("{SG}/description"))], vec![]),
        case("sg-rule-incomplete", "resources[2].ingress[0].protocol", vec![remove(format!("{ingress0}/protocol"))], vec![]),
        case("sg-protocol", "resources[2].ingress[0].protocol", vec![set(format!("{ingress0}/protocol"), json!("ssh"))], vec![set(format!("{ingress0}/protocol"), json!("6"))]),
        case("sg-port-range", "resources[2].ingress[0].to_port", vec![set(format!("{ingress0}/to_port"), json!(70000))], vec![set(format!("{ingress0}/from_port"), json!(0)), set(format!("{ingress0}/to_port"), json!(65535))]),
        case("sg-port-order", "resources[2].ingress[0].from_port", vec![set(format!("{ingress0}/from_port"), json!(23))], vec![set(format!("{ingress0}/to_port"), json!(23))]),
        case("sg-all-protocol-ports", "resources[2].egress[0].from_port", vec![set(format!("{SG}/egress/0/to_port"), json!(443)), set(format!("{SG}/egress/0/from_port"), json!(443))], vec![set(format!("{SG}/egress/0/protocol"), json!("tcp")), set(format!("{SG}/egress/0/to_port"), json!(443)), set(format!("{SG}/egress/0/from_port"), json!(443))]),
        case("sg-icmp-range", "resources[2].ingress[0].to_port", vec![set(ingress0.clone(), rule(8, 300, "icmp", "10.0.0.0/8"))], vec![set(ingress0.clone(), rule(8, 0, "icmp", "10.0.0.0/8"))]),
        case("sg-icmp-range", "resources[2].ingress[0].to_port", vec![set(ingress0.clone(), rule(-1, 0, "icmp", "10.0.0.0/8"))], vec![set(ingress0.clone(), rule(-1, -1, "icmp", "10.0.0.0/8"))]),
        case("sg-ports-ignored", "resources[2].ingress[0].from_port", vec![set(ingress0.clone(), rule(22, 22, "50", "10.0.0.0/8"))], vec![set(ingress0.clone(), rule(0, 0, "50", "10.0.0.0/8"))]),
        case("cidr-invalid", "resources[2].ingress[0].cidr_blocks[0]", vec![set(format!("{ingress0}/cidr_blocks"), json!(["203.0.113.7"]))], vec![]),
        case("cidr-invalid", "resources[2].ingress[0].cidr_blocks[0]", vec![set(format!("{ingress0}/cidr_blocks"), json!(["203.0.113.0/33"]))], vec![set(format!("{ingress0}/cidr_blocks"), json!(["203.0.113.0/32"]))]),
        case("cidr-not-network", "resources[2].ingress[0].cidr_blocks[0]", vec![set(format!("{ingress0}/cidr_blocks"), json!(["10.0.0.1/24"]))], vec![set(format!("{ingress0}/cidr_blocks"), json!(["10.0.0.0/24"]))]),
        case("cidr-wrong-family", "resources[2].ingress[1].cidr_blocks[0]", vec![set(format!("{SG}/ingress/1/cidr_blocks"), json!(["::/0"]))], vec![set(format!("{SG}/ingress/1/ipv6_cidr_blocks"), json!(["::/0"]))]),
        case("cidr-wrong-family", "resources[2].ingress[1].ipv6_cidr_blocks[0]", vec![set(format!("{SG}/ingress/1/ipv6_cidr_blocks"), json!(["0.0.0.0/0"]))], vec![]),
        case("sg-rule-no-source", "resources[2].ingress[0]", vec![remove(format!("{ingress0}/cidr_blocks"))], vec![remove(format!("{ingress0}/cidr_blocks")), set(format!("{ingress0}/self"), json!(true))]),
        case("sg-rule-description-invalid", "resources[2].ingress[0].description", vec![set(format!("{ingress0}/description"), json!("SSH depuis chez l'équipe"))], vec![set(format!("{ingress0}/description"), json!("SSH depuis chez l equipe"))]),
        case("sg-rule-no-description", "resources[2].ingress[1].description", vec![remove(format!("{SG}/ingress/1/description"))], vec![]),
        case("sg-no-egress", "resources[2].egress", vec![remove(format!("{SG}/egress"))], vec![]),
        case("sg-no-egress", "resources[2].egress", vec![set(format!("{SG}/egress"), json!([]))], vec![]),
        case("sg-ssh-open", "resources[2].ingress[0].cidr_blocks[0]", vec![set(format!("{ingress0}/cidr_blocks"), json!(["0.0.0.0/0"]))], vec![]),
        case("sg-ssh-open", "resources[2].ingress[0].ipv6_cidr_blocks[0]", vec![remove(format!("{ingress0}/cidr_blocks")), set(format!("{ingress0}/ipv6_cidr_blocks"), json!(["::/0"]))], vec![remove(format!("{ingress0}/cidr_blocks")), set(format!("{ingress0}/ipv6_cidr_blocks"), json!(["2001:db8::/32"]))]),
        case("sg-rdp-open", "resources[2].ingress[0].cidr_blocks[0]", vec![set(ingress0.clone(), rule(3389, 3389, "tcp", "0.0.0.0/0"))], vec![set(ingress0.clone(), rule(3389, 3389, "tcp", "203.0.113.7/32"))]),
        case("sg-database-open", "resources[2].ingress[0].cidr_blocks[0]", vec![set(ingress0.clone(), rule(5432, 5432, "tcp", "0.0.0.0/0"))], vec![set(ingress0.clone(), rule(5432, 5432, "tcp", "10.0.0.0/16"))]),
        case("sg-all-open", "resources[2].ingress[0].cidr_blocks[0]", vec![set(ingress0.clone(), rule(0, 0, "-1", "0.0.0.0/0"))], vec![set(ingress0.clone(), rule(0, 0, "-1", "10.0.0.0/16"))]),
        // Provider, regions, zones.
        case("provider-missing", "resources", vec![remove("/resources/0")], vec![]),
        case("provider-duplicate", "resources[8]", vec![set("/resources/-", json!({"AwsProvider": {"id": "AWS2", "region": "eu-west-3"}}))], vec![]),
        case("region-unknown", "resources[0].region", vec![set(format!("{PROVIDER}/region"), json!("eu-west-4"))], vec![set(format!("{PROVIDER}/region"), json!("eu-west-1"))]),
        case("region-unknown", "resources[0].region", vec![set(format!("{PROVIDER}/region"), json!("eu-west-3a"))], vec![]),
        case("az-unknown", "resources[4].availability_zone", vec![set(format!("{INST}/availability_zone"), json!("eu-west-3d"))], vec![set(format!("{INST}/availability_zone"), json!("eu-west-3c"))]),
        case("az-unknown", "resources[4].availability_zone", vec![set(format!("{INST}/availability_zone"), json!("eu-west-3"))], vec![]),
        case("az-wrong-region", "resources[4].availability_zone", vec![set(format!("{INST}/availability_zone"), json!("us-east-1a"))], vec![set(format!("{INST}/availability_zone"), json!("eu-west-3a"))]),
        // AMIs and instances.
        case("ami-missing", "resources[4].ami", vec![remove(format!("{INST}/ami"))], vec![]),
        case("ami-id-invalid", "resources[4].ami", vec![set(format!("{INST}/ami"), json!("ami-XYZ"))], vec![set(format!("{INST}/ami"), json!("ami-0c55b159cbfafe1f0"))]),
        case("ami-hardcoded", "resources[4].ami", vec![set(format!("{INST}/ami"), json!("ami-0c55b159cbfafe1f0"))], vec![]),
        case("ami-lookup-unsafe", "resources[1].owners", vec![remove(format!("{AMI}/owners"))], vec![remove(format!("{AMI}/owners")), set(format!("{AMI}/filter/-"), json!({"name": "owner-alias", "values": ["amazon"]}))]),
        case("ami-lookup-ambiguous", "resources[1].most_recent", vec![set(format!("{AMI}/most_recent"), json!(false))], vec![set(format!("{AMI}/most_recent"), json!(false)), set(format!("{AMI}/filter/0/values"), json!(["al2023-ami-2023.6.20241010.0-kernel-6.1-x86_64"]))]),
        case("ami-amazon-linux-2", "resources[1].filter[0].values[0]", vec![set(format!("{AMI}/filter/0/values"), json!(["amzn2-ami-hvm-*-x86_64-gp2"]))], vec![]),
        case("ami-architecture-mismatch", "resources[4].instance_type", vec![set(format!("{INST}/instance_type"), json!("t4g.micro"))], vec![set(format!("{INST}/instance_type"), json!("t4g.micro")), set(format!("{AMI}/filter/0/values"), json!(["al2023-ami-*-arm64"]))]),
        case("instance-type-unknown", "resources[4].instance_type", vec![set(format!("{INST}/instance_type"), json!("t2.mirco"))], vec![set(format!("{INST}/instance_type"), json!("t2.micro"))]),
        case("instance-type-unknown", "resources[4].instance_type", vec![set(format!("{INST}/instance_type"), json!("t5.micro"))], vec![]),
        case("instance-type-missing", "resources[4].instance_type", vec![remove(format!("{INST}/instance_type"))], vec![]),
        case("ebs-optimized-unsupported", "resources[4].ebs_optimized", vec![set(format!("{INST}/instance_type"), json!("t2.micro")), set(format!("{INST}/ebs_optimized"), json!(true))], vec![set(format!("{INST}/ebs_optimized"), json!(true))]),
        case("imdsv1", "resources[4].metadata_options.http_tokens", vec![set(format!("{INST}/metadata_options/http_tokens"), json!("optional"))], vec![remove(format!("{INST}/metadata_options"))]),
        case("imdsv1", "resources[4].metadata_options", vec![remove(format!("{INST}/metadata_options")), set(format!("{AMI}/filter/0/values"), json!(["ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*"]))], vec![set(format!("{AMI}/filter/0/values"), json!(["ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*"]))]),
        case("instance-volume-unencrypted", "resources[4].root_block_device.encrypted", vec![set(format!("{INST}/root_block_device/encrypted"), json!(false))], vec![]),
        case("instance-volume-unencrypted", "resources[4].ebs_block_device[0].encrypted", vec![set(format!("{INST}/ebs_block_device"), json!([{"device_name": "/dev/sdf", "volume_size": 5}]))], vec![set(format!("{INST}/ebs_block_device"), json!([{"device_name": "/dev/sdf", "volume_size": 5, "encrypted": true}]))]),
        case("ebs-volume-unencrypted", "resources[5].encrypted", vec![remove(format!("{VOL}/encrypted"))], vec![]),
        // Volumes.
        case("volume-type-unknown", "resources[5].type", vec![set(format!("{VOL}/type"), json!("gp4"))], vec![set(format!("{VOL}/type"), json!("io2")), set(format!("{VOL}/iops"), json!(1000))]),
        case("volume-size-range", "resources[5].size", vec![set(format!("{VOL}/size"), json!(0))], vec![set(format!("{VOL}/size"), json!(65536))]),
        case("volume-size-range", "resources[5].size", vec![set(format!("{VOL}/type"), json!("st1"))], vec![set(format!("{VOL}/type"), json!("st1")), set(format!("{VOL}/size"), json!(125))]),
        case("volume-size-missing", "resources[5].size", vec![remove(format!("{VOL}/size"))], vec![remove(format!("{VOL}/size")), set(format!("{VOL}/snapshot_id"), json!("snap-0123456789abcdef0"))]),
        case("volume-iops", "resources[5].iops", vec![set(format!("{VOL}/type"), json!("gp2")), set(format!("{VOL}/iops"), json!(3000))], vec![set(format!("{VOL}/iops"), json!(5000))]),
        case("volume-iops", "resources[5].iops", vec![set(format!("{VOL}/iops"), json!(5001))], vec![set(format!("{VOL}/iops"), json!(3000)), set(format!("{VOL}/size"), json!(1))]),
        case("volume-iops", "resources[5].iops", vec![set(format!("{VOL}/type"), json!("io1"))], vec![set(format!("{VOL}/type"), json!("io1")), set(format!("{VOL}/iops"), json!(500))]),
        case("volume-iops", "resources[4].root_block_device.iops", vec![set(format!("{INST}/root_block_device/iops"), json!(90000))], vec![set(format!("{INST}/root_block_device/iops"), json!(4000))]),
        case("volume-throughput", "resources[5].throughput", vec![set(format!("{VOL}/throughput"), json!(1000))], vec![set(format!("{VOL}/throughput"), json!(750))]),
        case("volume-throughput", "resources[5].throughput", vec![set(format!("{VOL}/type"), json!("gp2")), set(format!("{VOL}/throughput"), json!(250))], vec![set(format!("{VOL}/throughput"), json!(250))]),
        case("volume-root-hdd", "resources[4].root_block_device.volume_type", vec![set(format!("{INST}/root_block_device"), json!({"volume_size": 500, "volume_type": "st1", "encrypted": true}))], vec![set(format!("{INST}/root_block_device"), json!({"volume_size": 500, "volume_type": "gp3", "encrypted": true}))]),
        case("device-name-invalid", "resources[6].device_name", vec![set(format!("{ATT}/device_name"), json!("/dev/nvme1n1"))], vec![set(format!("{ATT}/device_name"), json!("/dev/sdf"))]),
        case("device-name-partition", "resources[6].device_name", vec![set(format!("{ATT}/device_name"), json!("/dev/sdh1"))], vec![set(format!("{ATT}/device_name"), json!("/dev/sdh"))]),
        case("device-name-reserved", "resources[6].device_name", vec![set(format!("{ATT}/device_name"), json!("/dev/xvda"))], vec![set(format!("{ATT}/device_name"), json!("/dev/xvdf"))]),
        case("device-name-duplicate", "resources[6].device_name", vec![set(format!("{INST}/ebs_block_device"), json!([{"device_name": "/dev/sdh", "volume_size": 5, "encrypted": true}]))], vec![set(format!("{INST}/ebs_block_device"), json!([{"device_name": "/dev/sdg", "volume_size": 5, "encrypted": true}]))]),
        case("device-name-duplicate", "resources[4].ebs_block_device[1].device_name", vec![set(format!("{INST}/ebs_block_device"), json!([{"device_name": "/dev/sdf", "volume_size": 5, "encrypted": true}, {"device_name": "/dev/sdf", "volume_size": 5, "encrypted": true}]))], vec![]),
        case("volume-az-mismatch", "resources[6].instance_id", vec![set(format!("{INST}/availability_zone"), json!("eu-west-3a")), set(format!("{VOL}/availability_zone"), json!("eu-west-3b"))], vec![set(format!("{INST}/availability_zone"), json!("eu-west-3a")), set(format!("{VOL}/availability_zone"), json!("eu-west-3a"))]),
        case("volume-az-unpinned", "resources[6].instance_id", vec![set(format!("{VOL}/availability_zone"), json!("eu-west-3a"))], vec![]),
        // User data.
        case("user-data-both", "resources[4].user_data_base64", vec![set(format!("{INST}/user_data_base64"), json!({"script": "echo hi", "encoding": "base64"}))], vec![]),
        case("user-data-base64-invalid", "resources[4].user_data_base64", vec![remove(format!("{INST}/user_data")), set(format!("{INST}/user_data_base64"), script("#!/bin/bash\ndnf install -y httpd"))], vec![remove(format!("{INST}/user_data")), set(format!("{INST}/user_data_base64"), script("IyEvYmluL2Jhc2gKZG5mIGluc3RhbGwgLXkgaHR0cGQ="))]),
        case("user-data-too-large", "resources[4].user_data", vec![set(format!("{INST}/user_data"), script(&"#".repeat(16 * 1024 + 1)))], vec![set(format!("{INST}/user_data"), script(&"#".repeat(16 * 1024)))]),
        case("user-data-interpolation", "resources[4].user_data", vec![set(format!("{INST}/user_data"), script("echo ${HOME}"))], vec![set(format!("{INST}/user_data"), script("echo $${HOME} $HOME"))]),
        case("user-data-interpolation", "resources[4].user_data", vec![set(format!("{INST}/user_data"), json!({"script": "printf '%{x}'", "encoding": "fn_base64encode"}))], vec![set(format!("{INST}/user_data"), json!({"script": "echo ${HOME}", "encoding": "fn_base64encode"}))]),
        case("user-data-secret", "resources[4].user_data", vec![set(format!("{INST}/user_data"), script("export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n"))], vec![set(format!("{INST}/user_data"), script("export AWS_REGION=eu-west-3\n"))]),
        case("user-data-secret", "resources[4].user_data", vec![set(format!("{INST}/user_data"), script("MYSQL_ROOT_PASSWORD=hunter2 docker run mysql\n"))], vec![set(format!("{INST}/user_data"), script("MYSQL_ROOT_PASSWORD=$(aws ssm get-parameter --name db) docker run mysql\n"))]),
        case("web-port-closed", "resources[4].user_data", vec![set(format!("{SG}/ingress"), ssh_only.clone())], vec![set(format!("{SG}/ingress"), ssh_only.clone()), set(format!("{INST}/user_data"), script("#!/bin/bash\ndnf install -y git\n"))]),
        case("web-port-closed", "resources[4].user_data", vec![remove(format!("{INST}/vpc_security_group_ids"))], vec![]),
        case("user-data-no-shebang", "resources[4].user_data", vec![set(format!("{INST}/user_data"), script("\n#!/bin/bash\ndnf install -y httpd\n"))], vec![set(format!("{INST}/user_data"), script("#!/bin/bash\ndnf install -y httpd\n"))]),
        case("user-data-no-shebang", "resources[4].user_data", vec![set(format!("{INST}/user_data"), script("dnf install -y httpd\n"))], vec![set(format!("{INST}/user_data"), script("#cloud-config\npackages: [httpd]\n"))]),
        case("user-data-crlf", "resources[4].user_data", vec![set(format!("{INST}/user_data"), script("#!/bin/bash\r\ndnf install -y httpd\r\n"))], vec![]),
        case("user-data-escapes", "resources[4].user_data", vec![set(format!("{INST}/user_data"), json!({"script": "#!/bin/bash\nprintf 'a\\tb'\n", "encoding": "fn_base64encode"}))], vec![set(format!("{INST}/user_data"), json!({"script": "#!/bin/bash\nprintf 'a\\tb'\n", "encoding": "base64"}))]),
        // Key pairs.
        case("key-private", "resources[3].public_key", vec![set(format!("{KEY_PAIR}/public_key"), json!("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n"))], vec![]),
        case("key-format", "resources[3].public_key", vec![set(format!("{KEY_PAIR}/public_key"), json!("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGZkZXBsb3llcmtleWV4YW1wbGVleGFtcGxlZXhhbXA user@host"))], vec![]),
        case("key-format", "resources[3].public_key", vec![set(format!("{KEY_PAIR}/public_key"), json!("ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTY= me"))], vec![]),
        case("key-sample", "resources[3].public_key", vec![set(format!("{KEY_PAIR}/public_key"), json!(ec2_playground_core::checks::SAMPLE_KEY))], vec![]),
        case("key-name-invalid", "resources[3].key_name", vec![set(format!("{KEY_PAIR}/key_name"), json!("clé-du-déployeur"))], vec![set(format!("{KEY_PAIR}/key_name"), json!("cle-du-deployeur"))]),
        case("key-name-duplicate", "resources[8].key_name", vec![set("/resources/-", json!({"KeyPair": {"id": "other", "key_name": "deployer-key", "public_key": KEY}}))], vec![set("/resources/-", json!({"KeyPair": {"id": "other", "key_name": "other-key", "public_key": KEY}}))]),
        case("key-pair-no-ssh", "resources[4].key_name", vec![set(format!("{SG}/ingress"), http_only.clone())], vec![set(format!("{SG}/ingress"), http_only.clone()), remove(format!("{INST}/key_name"))]),
        case("key-pair-unused", "resources[3]", vec![remove(format!("{INST}/key_name"))], vec![set(format!("{INST}/key_name"), json!("deployer-key"))]),
        // Construct ids, logical ids, tags.
        case("construct-id-invalid", "resources[7].id", vec![set(format!("{OUT}/id"), json!("backend"))], vec![set(format!("{OUT}/id"), json!("backend_url"))]),
        case("construct-id-invalid", "resources[7].id", vec![set(format!("{OUT}/id"), json!("Default"))], vec![set(format!("{OUT}/id"), json!("default"))]),
        case("construct-id-duplicate", "resources[7].id", vec![set(format!("{OUT}/id"), json!("web"))], vec![set(format!("{OUT}/id"), json!("web_ip"))]),
        case("logical-id-invalid", "resources[7].id", vec![set(format!("{OUT}/id"), json!("1st ip"))], vec![set(format!("{OUT}/id"), json!("ip 1st"))]),
        case("logical-id-duplicate", "resources[8].id", vec![set(format!("{OUT}/id"), json!("publicip")), set("/resources/-", json!({"TerraformOutput": {"id": "public ip", "value": "x"}}))], vec![set(format!("{OUT}/id"), json!("publicip")), set("/resources/-", json!({"TerraformOutput": {"id": "public ip 2", "value": "x"}}))]),
        case("logical-id-duplicate", "resources[8].id", vec![set("/resources/-", json!({"SecurityGroup": {"id": "web_sg!", "name": "b", "description": "b", "egress": []}}))], vec![set("/resources/-", json!({"Instance": {"id": "web_sg!", "ami": "ami-12345678", "instance_type": "t3.micro"}}))]),
        case("tags-too-many", "resources[4].tags", vec![set(format!("{INST}/tags"), many_tags(51))], vec![set(format!("{INST}/tags"), many_tags(50))]),
        case("tags-too-many", "resources[4].tags", vec![set(format!("{PROVIDER}/default_tags"), many_tags(50))], vec![set(format!("{PROVIDER}/default_tags"), many_tags(49))]),
        case("tag-invalid", "resources[4].tags[\"aws:owner\"]", vec![set(format!("{INST}/tags"), json!({"aws:owner": "me"}))], vec![set(format!("{INST}/tags"), json!({"owner": "me"}))]),
        case("tag-invalid", "resources[0].default_tags[\"Project\"]", vec![set(format!("{PROVIDER}/default_tags"), json!({"Project": "x".repeat(257)}))], vec![set(format!("{PROVIDER}/default_tags"), json!({"Project": "x".repeat(256)}))]),
        case("stack-name-invalid", "name", vec![set("/name", json!("mon lab"))], vec![set("/name", json!("mon-lab"))]),
        // Direction controls, in any string, named where they are.
        case("text-bidi-control", "resources[2].description", vec![set(format!("{SG}/description"), json!("Allow SSH \u{202E}PTTH dna"))], vec![set(format!("{SG}/description"), json!("Allow SSH and HTTP"))]),
        case("text-bidi-control", "resources[4].tags[\"Name\"]", vec![set(format!("{INST}/tags"), json!({"Name": "web\u{2066}-server"}))], vec![set(format!("{INST}/tags"), json!({"Name": "web-server"}))]),
        case("text-bidi-control", "resources[7].description", vec![set(format!("{OUT}/description"), json!("IP \u{202B}publique"))], vec![set(format!("{OUT}/description"), json!("IP publique"))]),
        case("text-bidi-control", "resources[4].user_data", vec![set(format!("{INST}/user_data"), json!({"script": "#!/bin/bash\necho \u{2067}hi\n"}))], vec![]),
        case("cdktf-refused", "resources[2].tags[\"x\"]", vec![set(format!("{SG}/tags"), json!({"x": "#{TfToken[TOKEN.1]}"}))], vec![set(format!("{SG}/tags"), json!({"x": "#{TfToken}"}))]),
        case("cdktf-refused", "resources[4].user_data", vec![set(format!("{INST}/user_data"), json!({"script": "#!/bin/bash\necho \"hi\"\n", "encoding": "fn_base64encode"}))], vec![set(format!("{INST}/user_data"), json!({"script": "#!/bin/bash\necho \\\"hi\\\"\n", "encoding": "fn_base64encode"}))]),
        // Every string as Terraform reads it.
        case("terraform-template-invalid", "resources[2].tags[\"Name\"]", vec![set(format!("{SG}/tags"), json!({"Name": "web-${"}))], vec![set(format!("{SG}/tags"), json!({"Name": "web-$${"}))]),
        case("terraform-template-invalid", "resources[4].user_data", vec![set(format!("{INST}/user_data"), json!({"script": "#!/bin/bash\ngrep '\\s' x\n", "encoding": "fn_base64encode"}))], vec![set(format!("{INST}/user_data"), json!({"script": "#!/bin/bash\ngrep '\\\\s' x\n", "encoding": "fn_base64encode"}))]),
        case("terraform-reference-unknown", "resources[4].tags[\"Name\"]", vec![set(format!("{INST}/tags"), json!({"Name": "web-${var.env}"}))], vec![set(format!("{INST}/tags"), json!({"Name": "web-$${var.env}"}))]),
        case("terraform-reference-unknown", "resources[7].value", vec![set(format!("{OUT}/value"), json!("IP of ${aws_instance.db.id}"))], vec![set(format!("{OUT}/value"), json!("IP of ${aws_instance.web.id}"))]),
        // Every value as the provider validates it.
        case("provider-value-invalid", "resources[4].metadata_options.http_tokens", vec![set(format!("{INST}/metadata_options/http_tokens"), json!("Required"))], vec![]),
        case("provider-value-invalid", "resources[4].metadata_options.http_put_response_hop_limit", vec![set(format!("{INST}/metadata_options/http_put_response_hop_limit"), json!(65))], vec![set(format!("{INST}/metadata_options/http_put_response_hop_limit"), json!(64))]),
        case("provider-value-invalid", "resources[1].owners[0]", vec![set(format!("{AMI}/owners"), json!([""]))], vec![]),
        // Numbers Terraform reads as int64 (docs/numbers.md).
        case("number-not-whole", "resources[5].size", vec![set(format!("{VOL}/size"), json!(1.5))], vec![set(format!("{VOL}/size"), json!(8.0))]),
        case("number-not-whole", "resources[2].ingress[0].from_port", vec![set(format!("{SG}/ingress/0/from_port"), json!(1e22))], vec![set(format!("{SG}/ingress/0/from_port"), json!(-0.0))]),
        // References.
        case("ref-forward", "resources[2].ingress[0].security_groups[0]", vec![set(format!("{SG}/ingress/0/security_groups"), json!([{"ref": "web_sg", "attr": "id"}]))], vec![set(format!("{SG}/ingress/0/self"), json!(true))]),
        case("ref-forward", "resources[4].key_name", vec![set(format!("{INST}/key_name"), json!({"ref": "other_key", "attr": "key_name"})), set("/resources/-", json!({"KeyPair": {"id": "other_key", "key_name": "other", "public_key": KEY}}))], vec![]),
        case("id-format-invalid", "resources[4].vpc_security_group_ids[0]", vec![set(format!("{INST}/vpc_security_group_ids"), json!(["web-sg"]))], vec![set(format!("{INST}/vpc_security_group_ids"), json!(["sg-0123456789abcdef0"]))]),
        case("id-format-invalid", "resources[6].volume_id", vec![set(format!("{ATT}/volume_id"), json!("data"))], vec![set(format!("{ATT}/volume_id"), json!("vol-0123456789abcdef0"))]),
        case("ref-unknown-resource", "resources[4].vpc_security_group_ids[0]", vec![set(format!("{INST}/vpc_security_group_ids"), json!([{"ref": "web-sg", "attr": "id"}]))], vec![]),
        case("ref-unknown-attribute", "resources[7].value", vec![set(format!("{OUT}/value"), json!({"ref": "web", "attr": "ip"}))], vec![set(format!("{OUT}/value"), json!({"ref": "web", "attr": "private_ip"}))]),
        case("ref-unknown-attribute", "resources[7].value", vec![set(format!("{OUT}/value"), json!({"ref": "AWS", "attr": "region"}))], vec![]),
        case("ref-wrong-target", "resources[4].vpc_security_group_ids[0]", vec![set(format!("{INST}/vpc_security_group_ids"), json!([{"ref": "web_sg", "attr": "name"}]))], vec![]),
        case("ref-wrong-target", "resources[6].instance_id", vec![set(format!("{ATT}/instance_id"), json!({"ref": "data", "attr": "id"}))], vec![]),
        case("ref-wrong-target", "resources[4].key_name", vec![set(format!("{INST}/key_name"), json!({"ref": "deployer", "attr": "key_pair_id"}))], vec![set(format!("{INST}/key_name"), json!({"ref": "deployer", "attr": "id"}))]),
        // Outputs.
        case("output-secret", "resources[7].value", vec![set(format!("{OUT}/value"), json!({"ref": "web", "attr": "password_data"}))], vec![set(format!("{OUT}/value"), json!({"ref": "web", "attr": "password_data"})), set(format!("{OUT}/sensitive"), json!(true))]),
        case("output-secret", "resources[7].value", vec![set(format!("{OUT}/value"), json!({"map": {"key": "AKIAIOSFODNN7EXAMPLE"}}))], vec![set(format!("{OUT}/value"), json!({"map": {"key": "not a secret"}}))]),
    ]
}

#[test]
fn the_baseline_raises_nothing() {
    let found = diagnostics(&[]);
    assert!(found.is_empty(), "the clean stack raises:\n{}", describe(&found));
}

#[test]
fn every_code_has_a_raising_and_a_clean_stack() {
    let cases = cases();
    for info in CATALOG {
        assert!(
            cases.iter().any(|c| c.code == info.code),
            "no test case for {}",
            info.code
        );
    }
    let mut failures = Vec::new();
    for c in &cases {
        assert!(
            CATALOG.iter().any(|i| i.code == c.code),
            "{} is not in the catalog",
            c.code
        );
        let raised = diagnostics(&c.raise);
        match raised.iter().find(|d| d.code == c.code && d.path == c.path) {
            None => failures.push(format!(
                "{} not raised at {}; got:\n{}",
                c.code,
                c.path,
                describe(&raised)
            )),
            Some(d) => {
                let info = CATALOG.iter().find(|i| i.code == c.code).expect("in the catalog");
                assert_eq!(d.severity, info.severity, "{}", c.code);
                assert_eq!(d.checkov.as_deref(), info.checkov, "{}", c.code);
                for text in [&d.message, &d.hint] {
                    assert!(
                        !text.fr.is_empty() && !text.en.is_empty() && text.fr != text.en,
                        "{}: {text:?}",
                        c.code
                    );
                }
            }
        }
        let clean = diagnostics(&c.clean);
        if clean.iter().any(|d| d.code == c.code) {
            failures.push(format!("{} raised by its clean stack:\n{}", c.code, describe(&clean)));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn fixture(name: &str) -> Stack {
    let path = format!("{}/../tests/fixtures/{name}/stack.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("fixture readable");
    load_stack(&text).expect("fixture loads")
}

fn codes_and_paths(ds: &[Diagnostic]) -> Vec<(&str, &str)> {
    ds.iter().map(|d| (d.code.as_str(), d.path.as_str())).collect()
}

/// The course lab raises what it truly deserves, and nothing else.
#[test]
fn the_course_lab() {
    let found = check(&fixture("ec2-lab"));
    assert_eq!(
        codes_and_paths(&found),
        vec![
            // Amazon Linux 2 lookup: end of support on 2026-06-30.
            ("ami-amazon-linux-2", "resources[1].filter[0].values[0]"),
            // SSH from 0.0.0.0/0.
            ("sg-ssh-open", "resources[2].ingress[0].cidr_blocks[0]"),
            // The egress rule has no description (the ingress rules do).
            ("sg-rule-no-description", "resources[2].egress[0].description"),
            // The playground's sample key: valid, but nobody holds its private half.
            ("key-sample", "resources[3].public_key"),
            // No encrypted=True on the root volume.
            (
                "instance-volume-unencrypted",
                "resources[4].root_block_device.encrypted"
            ),
            // No metadata_options: IMDSv1 allowed on Amazon Linux 2.
            ("imdsv1", "resources[4].metadata_options"),
            // The data volume is not encrypted.
            ("ebs-volume-unencrypted", "resources[5].encrypted"),
        ]
    );
    let severities: Vec<Severity> = found.iter().map(|d| d.severity).collect();
    use Severity::*;
    assert_eq!(severities, vec![Info, Warning, Info, Info, Warning, Warning, Warning]);
}

#[test]
fn the_edge_stack() {
    let found = check(&fixture("edge"));
    assert_eq!(
        codes_and_paths(&found),
        vec![
            ("sg-description-missing", "resources[1].description"),
            ("sg-rule-no-description", "resources[1].ingress[0].description"),
            ("sg-no-egress", "resources[1].egress"),
            ("sg-description-missing", "resources[2].description"),
            ("sg-rule-no-description", "resources[2].ingress[0].description"),
            ("sg-rule-no-description", "resources[2].ingress[1].description"),
            ("sg-no-egress", "resources[2].egress"),
            ("ami-hardcoded", "resources[3].ami"),
            ("ami-hardcoded", "resources[4].ami"),
            // "echo ${HOME}" in a plain string: `terraform validate` refuses the real cdktf's output.
            ("user-data-interpolation", "resources[4].user_data"),
            // "echo ${HOME}" has no "#!/bin/bash" first line: cloud-init would not run it.
            ("user-data-no-shebang", "resources[4].user_data"),
            ("instance-volume-unencrypted", "resources[4].root_block_device"),
            ("imdsv1", "resources[4].metadata_options"),
            ("ebs-volume-unencrypted", "resources[5].encrypted"),
        ]
    );
}

#[test]
fn the_lab_messages_in_both_languages() {
    let found = check(&fixture("ec2-lab"));
    // Beside, not inside, `snapshots/`: that folder holds the Python snapshots only.
    insta::with_settings!({ snapshot_path => "snapshots-checks" }, {
        insta::assert_json_snapshot!("ec2_lab_diagnostics", found);
    });
}

#[test]
fn findings_are_ordered_by_resource_then_field() {
    // A stack whose findings are raised in another order than they are listed.
    let found = diagnostics(&[
        set(format!("{SG}/ingress/1/cidr_blocks"), json!(["10.0.0.1/8"])),
        set(format!("{SG}/ingress/0/to_port"), json!(70000)),
        set(format!("{SG}/name"), json!("sg-x")),
        remove(format!("{SG}/egress")),
        set(format!("{INST}/instance_type"), json!("t9.huge")),
        remove(format!("{INST}/ami")),
        remove("/resources/0"),
    ]);
    assert_eq!(
        codes_and_paths(&found),
        vec![
            ("provider-missing", "resources"),
            ("sg-name-invalid", "resources[1].name"),
            ("sg-port-range", "resources[1].ingress[0].to_port"),
            ("cidr-not-network", "resources[1].ingress[1].cidr_blocks[0]"),
            ("sg-no-egress", "resources[1].egress"),
            ("ami-missing", "resources[3].ami"),
            ("instance-type-unknown", "resources[3].instance_type"),
        ]
    );
}

#[test]
fn json_shape() {
    let found = diagnostics(&[
        set(format!("{SG}/ingress/0/cidr_blocks"), json!(["0.0.0.0/0"])),
        remove(format!("{SG}/ingress/1/description")),
    ]);
    let value = serde_json::to_value(&found).expect("serializes");
    assert_eq!(value[0]["code"], "sg-ssh-open");
    assert_eq!(value[0]["severity"], "warning");
    assert_eq!(value[0]["path"], "resources[2].ingress[0].cidr_blocks[0]");
    assert_eq!(value[0]["checkov"], "CKV_AWS_24");
    assert!(value[0]["message"]["fr"].as_str().is_some_and(|s| s.contains("SSH")));
    assert!(value[0]["hint"]["en"]
        .as_str()
        .is_some_and(|s| s.contains("203.0.113.7/32")));
    assert_eq!(value[1]["code"], "sg-rule-no-description");
    assert_eq!(value[1]["severity"], "info");
    let without_checkov = diagnostics(&[set(format!("{SG}/name"), json!("sg-x"))]);
    let value = serde_json::to_value(&without_checkov).expect("serializes");
    assert!(value[0].get("checkov").is_none(), "{value}");
    let back: Vec<Diagnostic> = serde_json::from_value(value).expect("reads back");
    assert_eq!(back, without_checkov);
}

#[test]
fn every_fixture_is_checked_in_order() {
    let root = format!("{}/../tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let mut seen = 0;
    for entry in std::fs::read_dir(&root).expect("fixtures").flatten() {
        let Ok(text) = std::fs::read_to_string(entry.path().join("stack.json")) else {
            continue;
        };
        let stack = load_stack(&text).expect("fixture loads");
        let found = check(&stack);
        assert_eq!(found, check(&stack), "{}", entry.path().display());
        let indices: Vec<Option<usize>> = found
            .iter()
            .map(|d| {
                d.path
                    .strip_prefix("resources[")
                    .and_then(|r| r.split(']').next())
                    .and_then(|n| n.parse().ok())
            })
            .collect();
        assert!(
            indices.windows(2).all(|w| w[0] <= w[1]),
            "{}: {indices:?}",
            entry.path().display()
        );
        seen += 1;
    }
    assert!(seen >= 2, "{seen} fixtures");
}

#[test]
fn the_same_stack_gives_the_same_findings() {
    let stack = fixture("edge");
    assert_eq!(check(&stack), check(&stack));
}

#[test]
fn the_docs_list_every_code() {
    let path = format!("{}/../docs/checks.md", env!("CARGO_MANIFEST_DIR"));
    let docs = std::fs::read_to_string(&path).expect("docs/checks.md exists");
    for info in CATALOG {
        let row = docs
            .lines()
            .find(|l| l.starts_with(&format!("| `{}` ", info.code)))
            .unwrap_or_else(|| panic!("docs/checks.md has no row for {}", info.code));
        let severity = format!("{:?}", info.severity).to_lowercase();
        assert!(
            row.contains(&format!("| {severity} |")),
            "{}: severity in {row}",
            info.code
        );
        match info.checkov {
            Some(ckv) => assert!(row.contains(ckv), "{}: {ckv} in {row}", info.code),
            None => assert!(!row.contains("CKV_"), "{}: no checkov id expected in {row}", info.code),
        }
    }
}

mod never_panics {
    use super::*;
    use ec2_playground_core::{
        EbsBlockDevice, EbsVolume, Instance, JsNumber, KeyPair, MetadataOptions, Resource, RootBlockDevice,
        SecurityGroup, SecurityGroupRule, StrValue, UserData, UserDataEncoding, VolumeAttachment,
    };
    use proptest::prelude::*;

    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            "\\PC{0,30}",
            Just(String::new()),
            Just("0.0.0.0/0".to_owned()),
            Just("::/0".to_owned()),
            Just("eu-west-3a".to_owned()),
            Just("${x}".to_owned()),
            Just("-1".to_owned()),
        ]
    }

    fn number() -> impl Strategy<Value = JsNumber> {
        prop_oneof![
            any::<i64>().prop_map(JsNumber::from),
            (-2i64..70000).prop_map(JsNumber::from),
            Just(JsNumber::from(i64::MAX)),
            Just(JsNumber::from(i64::MIN)),
            any::<f64>().prop_map(|v| JsNumber::new(v).unwrap_or(JsNumber::from(0))),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn on_any_values(
            strings in proptest::collection::vec(text(), 16),
            numbers in proptest::collection::vec(number(), 8),
            encoding in 0u8..3,
        ) {
            let s = |k: usize| strings[k].clone();
            let rule = SecurityGroupRule {
                from_port: Some(numbers[0]),
                to_port: Some(numbers[1]),
                protocol: Some(s(0)),
                cidr_blocks: Some(vec![s(1)]),
                ipv6_cidr_blocks: Some(vec![s(2)]),
                description: Some(s(3)),
                security_groups: Some(vec![StrValue::Literal(s(4))]),
                ..Default::default()
            };
            let encoding = [UserDataEncoding::Plain, UserDataEncoding::Base64, UserDataEncoding::FnBase64encode][usize::from(encoding)];
            let mut stack = Stack::new("p");
            stack.resources = vec![
                Resource::SecurityGroup(SecurityGroup { id: s(5), name: Some(s(6)), description: Some(s(7)), ingress: Some(vec![rule.clone()]), egress: Some(vec![rule]), ..Default::default() }),
                Resource::KeyPair(KeyPair { id: s(8), key_name: Some(s(9)), public_key: s(10), ..Default::default() }),
                Resource::Instance(Instance {
                    id: s(11),
                    ami: Some(StrValue::Literal(s(12))),
                    instance_type: Some(s(13)),
                    availability_zone: Some(StrValue::Literal(s(14))),
                    user_data: Some(UserData { script: s(15), encoding, ..Default::default() }),
                    user_data_base64: Some(UserData { script: s(15), ..Default::default() }),
                    root_block_device: Some(RootBlockDevice { volume_size: Some(numbers[2]), volume_type: Some(s(0)), iops: Some(numbers[3]), throughput: Some(numbers[4]), ..Default::default() }),
                    ebs_block_device: Some(vec![EbsBlockDevice { device_name: s(1), volume_size: Some(numbers[5]), iops: Some(numbers[6]), throughput: Some(numbers[7]), ..Default::default() }]),
                    metadata_options: Some(MetadataOptions { http_tokens: Some(s(2)), ..Default::default() }),
                    ..Default::default()
                }),
                Resource::EbsVolume(EbsVolume { id: s(3), availability_zone: StrValue::Literal(s(4)), size: Some(numbers[2]), volume_type: Some(s(5)), iops: Some(numbers[3]), throughput: Some(numbers[4]), ..Default::default() }),
                Resource::VolumeAttachment(VolumeAttachment { id: s(6), var: None, device_name: s(7), volume_id: StrValue::Literal(s(3)), instance_id: StrValue::Literal(s(11)) }),
            ];
            let _ = check(&stack);
        }
    }
}

/// Terraform reads the AWS provider's block only when a resource or data source uses the
/// provider: a stack of outputs alone with a broken template in `region` is accepted by
/// `terraform validate` and `terraform plan` (scripts/terraform-validate.sh 150 3, stacks 122
/// and 136), so `check` is silent there, and speaks once a resource needs the provider.
#[test]
fn a_provider_nothing_uses_is_not_read_by_terraform() {
    let outputs_only = ec2_playground_core::load_stack(
        r#"{"version": 1, "name": "p", "resources": [
            {"AwsProvider": {"id": "aws", "region": "%{if x}eu-west-3"}},
            {"TerraformOutput": {"id": "o", "value": "x"}}]}"#,
    )
    .expect("loads");
    let codes = |stack: &ec2_playground_core::Stack| -> Vec<String> {
        check(stack)
            .into_iter()
            .filter(|d| d.path.starts_with("resources[0]"))
            .map(|d| d.code)
            .collect()
    };
    assert!(
        !codes(&outputs_only).contains(&"terraform-template-invalid".to_owned()),
        "{:?}",
        codes(&outputs_only)
    );
    let mut used = outputs_only.clone();
    used.resources
        .push(ec2_playground_core::Resource::KeyPair(ec2_playground_core::KeyPair {
            id: "key".into(),
            public_key: ec2_playground_core::checks::SAMPLE_KEY.into(),
            ..Default::default()
        }));
    assert!(
        codes(&used).contains(&"terraform-template-invalid".to_owned()),
        "{:?}",
        codes(&used)
    );
}
