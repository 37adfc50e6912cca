#!/usr/bin/env python
from constructs import Construct
from cdktf import App, TerraformStack, TerraformOutput
from cdktf_cdktf_provider_aws.provider import AwsProvider
from cdktf_cdktf_provider_aws.instance import Instance, InstanceRootBlockDevice
from cdktf_cdktf_provider_aws.security_group import SecurityGroup, SecurityGroupIngress, SecurityGroupEgress
from cdktf_cdktf_provider_aws.key_pair import KeyPair
from cdktf_cdktf_provider_aws.data_aws_ami import DataAwsAmi, DataAwsAmiFilter
from cdktf_cdktf_provider_aws.ebs_volume import EbsVolume
from cdktf_cdktf_provider_aws.volume_attachment import VolumeAttachment

USER_DATA = """#!/bin/bash
yum update -y
yum install -y httpd
systemctl start httpd
systemctl enable httpd
echo "<h1>Hello from $(hostname -f)</h1>" > /var/www/html/index.html
"""

class MyStack(TerraformStack):
    def __init__(self, scope: Construct, id: str):
        super().__init__(scope, id)
        AwsProvider(self, "AWS", region="eu-west-3")
        ami = DataAwsAmi(self, "amazon_linux", most_recent=True, owners=["amazon"],
            filter=[DataAwsAmiFilter(name="name", values=["amzn2-ami-hvm-*-x86_64-gp2"]),
                    DataAwsAmiFilter(name="virtualization-type", values=["hvm"])])
        sg = SecurityGroup(self, "web_sg", name="web-sg", description="Allow SSH and HTTP",
            ingress=[SecurityGroupIngress(from_port=22, to_port=22, protocol="tcp", cidr_blocks=["0.0.0.0/0"], description="SSH"),
                     SecurityGroupIngress(from_port=80, to_port=80, protocol="tcp", cidr_blocks=["0.0.0.0/0"], description="HTTP")],
            egress=[SecurityGroupEgress(from_port=0, to_port=0, protocol="-1", cidr_blocks=["0.0.0.0/0"])],
            tags={"Name": "web-sg"})
        key = KeyPair(self, "deployer", key_name="deployer-key", public_key="ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAII/0VvFZoY6hPLOzUek7DlT9fQta3PV30SbAJJJ1HaFI exemple@ec2-playground")
        inst = Instance(self, "web", ami=ami.id, instance_type="t2.micro", key_name=key.key_name,
            vpc_security_group_ids=[sg.id], user_data=USER_DATA,
            root_block_device=InstanceRootBlockDevice(volume_size=8, volume_type="gp3", delete_on_termination=True),
            tags={"Name": "web-server"})
        vol = EbsVolume(self, "data", availability_zone=inst.availability_zone, size=10, type="gp3", tags={"Name": "data"})
        VolumeAttachment(self, "data_attach", device_name="/dev/sdh", volume_id=vol.id, instance_id=inst.id)
        TerraformOutput(self, "public_ip", value=inst.public_ip)
        TerraformOutput(self, "instance_id", value=inst.id)

app = App()
MyStack(app, "ec2-lab")
app.synth()
