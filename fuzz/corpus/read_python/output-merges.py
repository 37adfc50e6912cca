from constructs import Construct
from cdktf import App, TerraformStack, TerraformOutput
from cdktf_cdktf_provider_aws.provider import AwsProvider


class MyStack(TerraformStack):
    def __init__(self, scope: Construct, id: str):
        super().__init__(scope, id)

        AwsProvider(self, "aws", region="eu-west-3")

        # Outputs whose ids give the same logical id are deep-merged by cdktf, in order: a map
        # merged into a list writes its index keys into the list and loses the others.
        TerraformOutput(self, "list", value=["a", "b", "c"])
        TerraformOutput(self, "list ", value={"x": "lost", "5": "F", "1": "B"})

        TerraformOutput(self, "kept", value=[1, 2])
        TerraformOutput(self, "kept ", value={})

        TerraformOutput(self, "nested", value={"l": ["x", "y"], "m": {"k": "v"}})
        TerraformOutput(self, "nested ", value={"l": {"0": {"deep": True}, "1": ["z"]}, "m": ["replaced"]})

        TerraformOutput(self, "lists", value=[["a"], "b"])
        TerraformOutput(self, "lists ", value={"0": ["c"], "1": {"k": 1}})

        TerraformOutput(self, "scalar", value="s", description="first", sensitive=True)
        TerraformOutput(self, "scalar ", value={"a": 1}, description="second")


app = App()
MyStack(app, "output-merges")
app.synth()
