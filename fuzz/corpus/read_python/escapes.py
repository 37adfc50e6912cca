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
        Instance(self, "plain", user_data="a ${b} %{c} \"q\" 'q' \\back\\slash \ttab \r\n nul\x00 bell\x07 del\x7f é 😀 \u2028 </script>")
        Instance(self, "fn", user_data_base64=Fn.base64encode("a ${b} %{c} \\\"esc\\\" \\back \ttab \r\n é 😀 $${x} %%{y}"))
        Instance(self, "fnu", user_data=Fn.base64encode("x"))
        SecurityGroup(self, "sg", name="l'équipe \"web\"", description="Tab\there, back\\slash, 100% ${x} %{y}", tags={"Clé \"q\"": "valeur 'v' 😀", "Name": "a\nb"})
        KeyPair(self, "kp", key_name="k\u00e9y", public_key="ssh-rsa AAAA\\ \"c\"")
        TerraformOutput(self, "esc", value="${aws_instance.plain.id} %{ if x }y%{ endif } \u0001")

app = App()
MyStack(app, "escapes")
app.synth()
