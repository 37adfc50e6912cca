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
        Instance(self, "!!!", ami="ami-1")
        Instance(self, "1web", ami="ami-2")
        Instance(self, "a/b", ami="ami-3")
        TerraformOutput(self, "my out!", value="x")
        TerraformOutput(self, "o/p", value="y")

app = App()
MyStack(app, "symbols")
app.synth()
