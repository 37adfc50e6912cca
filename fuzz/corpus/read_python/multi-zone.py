#!/usr/bin/env python
from constructs import Construct
from cdktf import App, TerraformStack, TerraformOutput
from cdktf_cdktf_provider_aws.provider import AwsProvider
from cdktf_cdktf_provider_aws.instance import Instance, InstanceRootBlockDevice, InstanceEbsBlockDevice
from cdktf_cdktf_provider_aws.security_group import SecurityGroup, SecurityGroupIngress, SecurityGroupEgress
from cdktf_cdktf_provider_aws.key_pair import KeyPair
from cdktf_cdktf_provider_aws.data_aws_ami import DataAwsAmi, DataAwsAmiFilter
from cdktf_cdktf_provider_aws.ebs_volume import EbsVolume
from cdktf_cdktf_provider_aws.volume_attachment import VolumeAttachment
from cdktf_cdktf_provider_aws.ebs_snapshot import EbsSnapshot

class MyStack(TerraformStack):
    def __init__(self, scope: Construct, id: str):
        super().__init__(scope, id)
        AwsProvider(self, "AWS", region="eu-west-3")
        ami = DataAwsAmi(self, "amazon_linux", most_recent=True, owners=["amazon"],
            filter=[DataAwsAmiFilter(name="name", values=["al2023-ami-*-x86_64"])])
        key = KeyPair(self, "deployer", key_name="deployer-key", public_key="ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAII/0VvFZoY6hPLOzUek7DlT9fQta3PV30SbAJJJ1HaFI exemple@ec2-playground")
        front = SecurityGroup(self, "front_sg", name="front", description="HTTP and HTTPS from anywhere",
            ingress=[SecurityGroupIngress(from_port=80, to_port=80, protocol="tcp", cidr_blocks=["0.0.0.0/0"], ipv6_cidr_blocks=["::/0"]),
                     SecurityGroupIngress(from_port=443, to_port=443, protocol="tcp", cidr_blocks=["0.0.0.0/0"], ipv6_cidr_blocks=["::/0"])],
            egress=[SecurityGroupEgress(from_port=0, to_port=0, protocol="-1", cidr_blocks=["0.0.0.0/0"])])
        admin = SecurityGroup(self, "admin_sg", name="admin", description="SSH from the office, ping from the VPC",
            ingress=[SecurityGroupIngress(from_port=22, to_port=22, protocol="tcp", cidr_blocks=["203.0.113.0/24"], description="office"),
                     SecurityGroupIngress(from_port=8, to_port=-1, protocol="icmp", cidr_blocks=["172.31.0.0/16"])],
            egress=[SecurityGroupEgress(from_port=443, to_port=443, protocol="tcp", cidr_blocks=["0.0.0.0/0"]),
                    SecurityGroupEgress(from_port=53, to_port=53, protocol="udp", cidr_blocks=["172.31.0.2/32"])])
        db = SecurityGroup(self, "db_sg", name="db", description="PostgreSQL from the web servers",
            ingress=[SecurityGroupIngress(from_port=5432, to_port=5432, protocol="tcp", security_groups=[front.id]),
                     SecurityGroupIngress(from_port=0, to_port=0, protocol="-1", self_attribute=True)])
        web_a = Instance(self, "web_a", ami=ami.id, instance_type="t3.micro", key_name=key.key_name,
            vpc_security_group_ids=[front.id, admin.id], availability_zone="eu-west-3a",
            root_block_device=InstanceRootBlockDevice(volume_size=8, volume_type="gp3"),
            tags={"Name": "web-a"})
        Instance(self, "web_b", ami=ami.id, instance_type="t3.micro", key_name=key.key_name,
            vpc_security_group_ids=[front.id, admin.id], availability_zone="eu-west-3b",
            root_block_device=InstanceRootBlockDevice(volume_size=8, volume_type="gp3"),
            tags={"Name": "web-b"})
        Instance(self, "database", ami=ami.id, instance_type="t3.small", key_name=key.key_name,
            vpc_security_group_ids=[db.id, admin.id], availability_zone="eu-west-3c",
            root_block_device=InstanceRootBlockDevice(volume_size=16, volume_type="gp3", encrypted=True),
            ebs_block_device=[InstanceEbsBlockDevice(device_name="/dev/sdf", volume_size=50, volume_type="io2", iops=3000, encrypted=True)],
            tags={"Name": "database"})
        worker = Instance(self, "worker", ami=ami.id, instance_type="t3.micro",
            vpc_security_group_ids=[admin.id], availability_zone=web_a.availability_zone,
            tags={"Name": "worker"})
        Instance(self, "scratch", ami="ami-0c55b159cbfafe1f0", instance_type="t2.micro")
        logs = EbsVolume(self, "logs", availability_zone=web_a.availability_zone, size=20, type="gp3", tags={"Name": "logs"})
        VolumeAttachment(self, "logs_attach", device_name="/dev/sdh", volume_id=logs.id, instance_id=web_a.id)
        EbsSnapshot(self, "logs_backup", volume_id=logs.id, description="nightly logs")
        archive = EbsVolume(self, "archive", availability_zone="eu-west-3b", size=100, type="sc1")
        EbsSnapshot(self, "archive_snap", volume_id=archive.id)
        TerraformOutput(self, "web_a_ip", value=web_a.public_ip)
        TerraformOutput(self, "worker_id", value=worker.id)

app = App()
MyStack(app, "multi-zone")
app.synth()
