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

        pass

app = App()
MyStack(app, "emptystack")
app.synth()
