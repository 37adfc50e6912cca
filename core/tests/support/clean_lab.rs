//! The course lab done right, as a JSON stack document that raises no finding, and edits
//! of it by JSON pointer: the baseline of `core/tests/checks.rs` and `core/tests/fix.rs`.

use serde_json::{json, Value};

pub const KEY: &str = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIO68JUKFHHhul+k5HbIx7t92iwVfJMBvd2Pxm48+nYoJ learner@laptop";

/// The course lab done right: raises nothing.
pub fn baseline() -> Value {
    json!({
        "version": 1,
        "name": "lab",
        "resources": [
            {"AwsProvider": {"id": "AWS", "region": "eu-west-3"}},
            {"DataAwsAmi": {"id": "al2023", "var": "ami", "most_recent": true, "owners": ["amazon"],
                "filter": [{"name": "name", "values": ["al2023-ami-*-x86_64"]}]}},
            {"SecurityGroup": {"id": "web_sg", "var": "sg", "name": "web-sg", "description": "Allow SSH and HTTP",
                "ingress": [
                    {"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["203.0.113.7/32"], "description": "SSH from home"},
                    {"from_port": 80, "to_port": 80, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"], "description": "HTTP"}
                ],
                "egress": [{"from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["0.0.0.0/0"], "description": "All out"}],
                "tags": {"Name": "web-sg"}}},
            {"KeyPair": {"id": "deployer", "var": "key", "key_name": "deployer-key", "public_key": KEY}},
            {"Instance": {"id": "web", "var": "inst", "ami": {"ref": "al2023", "attr": "id"}, "instance_type": "t3.micro",
                "key_name": {"ref": "deployer", "attr": "key_name"},
                "vpc_security_group_ids": [{"ref": "web_sg", "attr": "id"}],
                "user_data": {"script": "#!/bin/bash\ndnf install -y httpd\nsystemctl enable --now httpd\n"},
                "root_block_device": {"volume_size": 8, "volume_type": "gp3", "encrypted": true},
                "metadata_options": {"http_tokens": "required"},
                "tags": {"Name": "web-server"}}},
            {"EbsVolume": {"id": "data", "var": "vol", "availability_zone": {"ref": "web", "attr": "availability_zone"},
                "size": 10, "type": "gp3", "encrypted": true}},
            {"VolumeAttachment": {"id": "data_attach", "device_name": "/dev/sdh",
                "volume_id": {"ref": "data", "attr": "id"}, "instance_id": {"ref": "web", "attr": "id"}}},
            {"TerraformOutput": {"id": "public_ip", "value": {"ref": "web", "attr": "public_ip"}}}
        ]
    })
}

/// The baseline with each edit made in order: a JSON pointer and the value to put there
/// (`None` removes it; a pointer ending in `/-` appends to an array). Panics, naming the
/// pointer, when the baseline has no such place.
pub fn edited<'a>(edits: impl IntoIterator<Item = (&'a str, Option<&'a Value>)>) -> Value {
    let mut doc = baseline();
    for (pointer, value) in edits {
        let (parent, last) = pointer.rsplit_once('/').expect("pointer has a parent");
        let Some(target) = doc.pointer_mut(parent) else {
            panic!("no {parent} in the baseline");
        };
        match (target, value) {
            (Value::Object(m), Some(v)) => {
                m.insert(last.to_owned(), v.clone());
            }
            (Value::Object(m), None) => {
                assert!(m.remove(last).is_some(), "nothing to remove at {pointer}");
            }
            (Value::Array(a), Some(v)) if last == "-" => a.push(v.clone()),
            (Value::Array(a), Some(v)) => a[last.parse::<usize>().expect("index")] = v.clone(),
            (Value::Array(a), None) => {
                a.remove(last.parse::<usize>().expect("index"));
            }
            (other, _) => panic!("cannot edit {pointer} in {other}"),
        }
    }
    doc
}
