from constructs import Construct
from cdktf import App, TerraformStack, TerraformOutput
from cdktf_cdktf_provider_aws.provider import AwsProvider
from cdktf_cdktf_provider_aws.instance import Instance
from cdktf_cdktf_provider_aws.security_group import SecurityGroup, SecurityGroupIngress


class MyStack(TerraformStack):
    def __init__(self, scope: Construct, id: str):
        super().__init__(scope, id)

        # Construct ids that are array indices ("1", "2", "10", "0", up to "4294967294")
        # come first in a JavaScript object, whatever the order they were declared in.
        AwsProvider(self, "paris", region="eu-west-3")
        AwsProvider(self, "1", region="us-east-1")

        Instance(self, "2 ", ami="ami-declared-first", tags={"Name": "first"})
        Instance(self, "2", ami="ami-declared-second", instance_type="t3.micro", tags={"Name": "second"})

        SecurityGroup(self, "10!", name="ten-bang",
                      ingress=[SecurityGroupIngress(from_port=22, to_port=22, protocol="tcp", cidr_blocks=["10.0.0.0/8"])])
        SecurityGroup(self, "10", name="ten",
                      ingress=[SecurityGroupIngress(from_port=443, to_port=443, protocol="tcp", cidr_blocks=["0.0.0.0/0"])])

        # Not array indices: a leading zero, or past 2^32 - 2.
        Instance(self, "01 ", ami="ami-01-first")
        Instance(self, "01", ami="ami-01-second")
        Instance(self, "4294967295 ", ami="ami-big-first")
        Instance(self, "4294967295", ami="ami-big-second")
        Instance(self, "4294967294 ", ami="ami-max-index-first")
        Instance(self, "4294967294", ami="ami-max-index-second")

        TerraformOutput(self, "0 ", value="declared first")
        TerraformOutput(self, "0", value="declared second")


app = App()
MyStack(app, "array-index-ids")
app.synth()
