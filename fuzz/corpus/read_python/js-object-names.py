from constructs import Construct
from cdktf import App, TerraformStack, TerraformOutput
from cdktf_cdktf_provider_aws.provider import AwsProvider, AwsProviderDefaultTags
from cdktf_cdktf_provider_aws.instance import Instance
from cdktf_cdktf_provider_aws.security_group import SecurityGroup


class MyStack(TerraformStack):
    def __init__(self, scope: Construct, id: str):
        super().__init__(scope, id)

        # Names of JavaScript's Object.prototype: refused as construct ids ("There is
        # already a Construct with name 'constructor'") and as the key "__proto__"; these
        # neighbours go through.
        AwsProvider(self, "aws", region="eu-west-3",
                    default_tags=[AwsProviderDefaultTags(tags={"constructor": "c", "toString": "t", "__proto_": "p"})])

        Instance(self, "constructor!", ami="ami-1", tags={
            "valueOf": "v",
            "hasOwnProperty": "h",
            "map-marker": "&{TfToken[TOKEN.1]}",
            "number-token": "-1.8881545897087626e+289",
            "exp": "1e5",
        })
        Instance(self, "toString ", ami="ami-2")
        SecurityGroup(self, "__proto_", name="proto", description="__proto__ as a value is kept")

        TerraformOutput(self, "valueOf?", value={"constructor": "c", "__proto_": [], "toString": {}})
        TerraformOutput(self, "hasOwnProperty!", value="&{TfToken[TOKEN.1]}")


app = App()
MyStack(app, "..")
app.synth()
