from constructs import Construct
from cdktf import App, TerraformStack, TerraformOutput
from cdktf_cdktf_provider_aws.provider import AwsProvider
from cdktf_cdktf_provider_aws.instance import Instance


class MyStack(TerraformStack):
    def __init__(self, scope: Construct, id: str):
        super().__init__(scope, id)

        AwsProvider(self, "aws", region="eu-west-3")
        web = Instance(self, "web", ami="ami-1", tags={"fqn": "a tag named fqn is kept"})

        # TerraformOutput takes a map with a key "fqn" for a construct and keeps only that
        # key's value (TerraformOutput.synthesizeValue).
        TerraformOutput(self, "flat", value={"fqn": "only this is kept", "other": 1})
        TerraformOutput(self, "nested", value=[
            {"z": 1, "fqn": ["a", {"fqn": "inner"}]},
            {"k": {"fqn": {"m": 1, "fqn": 2}}},
        ])
        TerraformOutput(self, "ref", value={"fqn": web.public_ip, "id": web.id})
        TerraformOutput(self, "empty", value={"fqn": {}})


app = App()
MyStack(app, "output-fqn")
app.synth()
