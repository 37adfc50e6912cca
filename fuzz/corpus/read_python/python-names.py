from constructs import Construct
from cdktf import App, TerraformStack, TerraformOutput
from cdktf_cdktf_provider_aws.provider import AwsProvider
from cdktf_cdktf_provider_aws.security_group import SecurityGroup, SecurityGroupIngress
from cdktf_cdktf_provider_aws.key_pair import KeyPair
from cdktf_cdktf_provider_aws.instance import Instance, InstanceMetadataOptions

# A learner may name a variable or a constant after a class: the exported project renames
# it (Instance_...), or the class would be shadowed ("'Instance' object is not callable").
# The same for a variable named __class__, which would break super().
BOOT_SCRIPT = """#!/bin/bash
echo hello > /tmp/hello
"""

# A constant named __boot would be read as _AStack...__boot inside the class (Python's
# name mangling): the exported project calls it _boot.
WORKER_SCRIPT = """#!/bin/bash
echo worker > /tmp/role
"""


class AStackWhoseClassNameIsLongEnoughThatTheClassLineNoLongerFitsInEightyEightColumns(TerraformStack):
    def __init__(self, scope: Construct, id: str):
        super().__init__(scope, id)

        AwsProvider(self, "aws", region="eu-west-3")

        web_sg = SecurityGroup(self, "web_sg", name="web-sg",
                               ingress=[SecurityGroupIngress(from_port=80, to_port=80, protocol="tcp", cidr_blocks=["0.0.0.0/0"])])
        deployer = KeyPair(self, "deployer", key_name="deployer",
                           public_key="ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample learner@lab")
        web = Instance(self, "web", ami="ami-0c55b159cbfafe1f0", instance_type="t2.micro",
                       key_name=deployer.key_name,
                       vpc_security_group_ids=[web_sg.id],
                       user_data=BOOT_SCRIPT,
                       metadata_options=InstanceMetadataOptions(http_tokens="required"))

        Instance(self, "worker", ami="ami-0c55b159cbfafe1f0", user_data=WORKER_SCRIPT)

        TerraformOutput(self, "public_ip", value=web.public_ip)
        TerraformOutput(self, "empty", value={
            "a key long enough that its line no longer fits in the eighty-eight columns": {},
            "another key long enough that its line no longer fits in eighty-eight columns": [],
        })


app = App()
AStackWhoseClassNameIsLongEnoughThatTheClassLineNoLongerFitsInEightyEightColumns(app, "python-names")
app.synth()
