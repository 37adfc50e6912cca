#!/usr/bin/env python
import base64

from constructs import Construct
from cdktf import App, TerraformStack, TerraformOutput
from cdktf_cdktf_provider_aws.provider import AwsProvider, AwsProviderDefaultTags
from cdktf_cdktf_provider_aws.data_aws_ami import DataAwsAmi, DataAwsAmiFilter
from cdktf_cdktf_provider_aws.security_group import SecurityGroup, SecurityGroupIngress, SecurityGroupEgress
from cdktf_cdktf_provider_aws.key_pair import KeyPair
from cdktf_cdktf_provider_aws.instance import Instance, InstanceRootBlockDevice, InstanceEbsBlockDevice, InstanceMetadataOptions
from cdktf_cdktf_provider_aws.ebs_volume import EbsVolume
from cdktf_cdktf_provider_aws.ebs_snapshot import EbsSnapshot
from cdktf_cdktf_provider_aws.volume_attachment import VolumeAttachment

BOOT = """#!/bin/bash
dnf install -y nginx
systemctl enable --now nginx
"""


class LabStack(TerraformStack):
    def __init__(self, scope: Construct, id: str):
        super().__init__(scope, id)
        AwsProvider(self, "aws", region="eu-west-3", profile="formation",
                    default_tags=[AwsProviderDefaultTags(tags={"Course": "EC2", "Module": "2"})])
        ubuntu = DataAwsAmi(self, "ubuntu", most_recent=True, owners=["099720109477"], name_regex="^ubuntu/images/.*",
                            filter=[DataAwsAmiFilter(name="architecture", values=["x86_64", "arm64"])])
        admin = SecurityGroup(self, "admin", name="admin", description="Admin access", vpc_id="vpc-0abc1234",
                              ingress=[SecurityGroupIngress(from_port=22, to_port=22, protocol="tcp", cidr_blocks=["203.0.113.0/24"], description="SSH from office")],
                              egress=[SecurityGroupEgress(from_port=443, to_port=443, protocol="tcp", cidr_blocks=["0.0.0.0/0"], ipv6_cidr_blocks=["::/0"], description="HTTPS out")],
                              tags={"Name": "admin"})
        app_sg = SecurityGroup(self, "app", name="app", description="App tier",
                               ingress=[SecurityGroupIngress(from_port=8080, to_port=8081, protocol="tcp", security_groups=[admin.id, "sg-0123456789abcdef0"], prefix_list_ids=["pl-12345678"]),
                                        SecurityGroupIngress(from_port=-1, to_port=-1, protocol="icmp", self_attribute=True, description="ping")],
                               egress=[SecurityGroupEgress(from_port=0, to_port=0, protocol="-1", self_attribute=False, security_groups=[admin.id])])
        key = KeyPair(self, "key", key_name="lab-key", public_key="ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 lab@pc", tags={"Owner": "learner"})
        web = Instance(self, "web", ami=ubuntu.id, instance_type="t3.micro", key_name=key.key_name,
                       vpc_security_group_ids=[app_sg.id, admin.id], subnet_id="subnet-0abc", availability_zone="eu-west-3b",
                       associate_public_ip_address=False,
                       user_data_base64=base64.b64encode(BOOT.encode()).decode(), user_data_replace_on_change=False,
                       root_block_device=InstanceRootBlockDevice(volume_size=16, volume_type="gp3", iops=3000, throughput=125, encrypted=True, delete_on_termination=True),
                       ebs_block_device=[InstanceEbsBlockDevice(device_name="/dev/sdf", volume_size=50, volume_type="gp3", iops=4000, throughput=250, encrypted=True, delete_on_termination=True, snapshot_id="snap-0123456789abcdef0"),
                                         InstanceEbsBlockDevice(device_name="/dev/sdg", volume_size=500, volume_type="st1")],
                       metadata_options=InstanceMetadataOptions(http_endpoint="enabled", http_tokens="required", http_put_response_hop_limit=2, instance_metadata_tags="enabled"),
                       monitoring=True, ebs_optimized=True, tags={"Name": "web", "Tier": "app"})
        other = Instance(self, "other", ami="ami-0123456789abcdef0", instance_type="t3.nano", key_name="existing-key", availability_zone=web.availability_zone)
        logs = EbsVolume(self, "logs", availability_zone="eu-west-3b", size=100, type="io2", iops=5000, encrypted=False, tags={"Name": "logs"})
        snap = EbsSnapshot(self, "logs_snap", volume_id=logs.id, description="nightly", tags={"Name": "logs-snap"})
        restored = EbsVolume(self, "restored", availability_zone=other.availability_zone, snapshot_id=snap.id, type="gp3", throughput=500, iops=6000)
        attach = VolumeAttachment(self, "logs_attach", device_name="/dev/sdh", volume_id=logs.id, instance_id=web.id)
        VolumeAttachment(self, "restored_attach", device_name="/dev/xvdi", volume_id=restored.id, instance_id=other.id)
        TerraformOutput(self, "ssh", value=web.public_dns, description="Connect with ssh ubuntu@<this>")
        TerraformOutput(self, "ami_name", value=ubuntu.name)
        TerraformOutput(self, "key_fingerprint", value=key.fingerprint, sensitive=True)
        TerraformOutput(self, "sg_arn", value=admin.arn)
        TerraformOutput(self, "attachment", value=[attach.id, attach.device_name])
        TerraformOutput(self, "snapshot", value={"id": snap.id, "size": 100, "encrypted": False})


app = App()
LabStack(app, "all-attributes")
app.synth()
