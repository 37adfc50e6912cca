from constructs import Construct
from cdktf import App, TerraformStack, TerraformOutput, Fn
from cdktf_cdktf_provider_aws.provider import AwsProvider, AwsProviderDefaultTags
from cdktf_cdktf_provider_aws.instance import Instance, InstanceRootBlockDevice, InstanceEbsBlockDevice, InstanceMetadataOptions
from cdktf_cdktf_provider_aws.security_group import SecurityGroup, SecurityGroupIngress, SecurityGroupEgress
from cdktf_cdktf_provider_aws.key_pair import KeyPair
from cdktf_cdktf_provider_aws.data_aws_ami import DataAwsAmi, DataAwsAmiFilter
from cdktf_cdktf_provider_aws.ebs_volume import EbsVolume
from cdktf_cdktf_provider_aws.ebs_snapshot import EbsSnapshot
from cdktf_cdktf_provider_aws.volume_attachment import VolumeAttachment

class MyStack(TerraformStack):
    def __init__(self, scope, id):
        super().__init__(scope, id)

        AwsProvider(self, "aws", region="eu-west-3")
        i = Instance(self, "web", ami="ami-1")
        TerraformOutput(self, "n", value=3)
        TerraformOutput(self, "b", value=True, sensitive=True)
        TerraformOutput(self, "s", value="text ${x}")
        TerraformOutput(self, "l", value=["a", i.id, 2, False])
        TerraformOutput(self, "m", value={"z": {"y": [i.public_ip]}, "a": "b"})

app = App()
MyStack(app, "outputs")
app.synth()
