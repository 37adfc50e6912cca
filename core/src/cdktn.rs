//! `cdktn`: the stack's project for CDK Terrain, the community's continuation of cdktf
//! (archived by HashiCorp on 2025-12-10), so a learner can keep the course's Python.
//!
//! Every name here was read from the packages themselves, not from memory:
//! - PyPI `cdktn` 0.24.0: the Python module is `cdktn` (`from cdktn import App, ...`); its
//!   jsii bundle (`cdktn/_jsii/cdktn@0.24.0.jsii.tgz`, `lib/app.js`) still writes to
//!   `cdktf.out` and looks for `cdktf.json` (`lib/terraform-asset.js`), and puts its own
//!   version in `"//".metadata.version` (`lib/app.js`: the `cdktfVersion` context is
//!   `package.json`'s version);
//! - PyPI `cdktn-provider-aws` 25.8.1: the Python module is `cdktn_provider_aws` with the same
//!   submodules as cdktf's bindings (`cdktn_provider_aws.instance`, `.provider`, ...),
//!   generated for hashicorp/aws 6.69.1 (the registry links of `provider/__init__.py`);
//! - npm `cdktn-cli` 0.24.0: the command is `cdktn`; its python template
//!   (`bundle/templates/python/`) writes `cdktf.json` (with a `targetVersions` block), the
//!   same `.gitignore` as cdktf's, and a Pipfile asking for Python 3.11.
//!
//! `scripts/cdktn-conformance.sh` runs every fixture's exported project with the real cdktn
//! and checks that its `cdk.tf.json` is our synth's but for [`differences`].

use crate::export::{project_folder, project_id, summary, Project, ProjectFile, Summary, GITIGNORE};
use crate::model::Stack;
use crate::python::try_python_files;
use crate::synth::{SynthError, AWS_PROVIDER_VERSION, CDKTF_VERSION};

/// The `cdktn` version the project pins (PyPI, and npm `cdktn-cli`).
pub const CDKTN_VERSION: &str = "0.24.0";
/// The `cdktn-provider-aws` version the project pins (PyPI).
pub const CDKTN_PROVIDER_AWS_VERSION: &str = "25.8.1";
/// The hashicorp/aws version `cdktn-provider-aws` 25.8.1 was generated for, which cdktn
/// writes in `terraform.required_providers.aws.version`.
pub const CDKTN_AWS_PROVIDER_VERSION: &str = "6.69.1";

/// Where the `cdk.tf.json` of cdktn differs from cdktf's for the same stack: `(JSON path,
/// cdktf's value, cdktn's value)`; cdktn-provider-aws names the provider by its full source
/// address (the last two only where the stack has a provider). Besides these values, cdktn
/// writes an empty list or map on one line (`[]`, `{}`) where cdktf breaks it over two.
/// Nothing else differs on the fixtures (seen with the real cdktn,
/// `scripts/cdktn-conformance.sh`).
pub fn differences() -> [(&'static str, &'static str, &'static str); 3] {
    [
        ("//.metadata.version", CDKTF_VERSION, CDKTN_VERSION),
        ("terraform.required_providers.aws.source", "aws", "hashicorp/aws"),
        (
            "terraform.required_providers.aws.version",
            AWS_PROVIDER_VERSION,
            CDKTN_AWS_PROVIDER_VERSION,
        ),
    ]
}

/// The course's `main.py` (or `user_data.py`) with cdktn's import paths: `from cdktf import`
/// becomes `from cdktn import`, `from cdktf_cdktf_provider_aws.` becomes
/// `from cdktn_provider_aws.`. The classes keep their names in both packages.
pub fn cdktn_python(python: &str) -> String {
    python
        .split_inclusive('\n')
        .map(|line| {
            if let Some(rest) = line.strip_prefix("from cdktf import ") {
                format!("from cdktn import {rest}")
            } else if let Some(rest) = line.strip_prefix("from cdktf_cdktf_provider_aws.") {
                format!("from cdktn_provider_aws.{rest}")
            } else {
                line.to_owned()
            }
        })
        .collect()
}

/// The CDK Terrain project for `stack`, files sorted by path.
///
/// Errors: the [`SynthError`] [`crate::synth()`] gives for `stack`, word for word, as for
/// the cdktf project ([`crate::export_project`]).
pub fn project(stack: &Stack) -> Result<Project, SynthError> {
    let python = try_python_files(stack)?;
    let mut files = vec![
        file(".gitignore", GITIGNORE.to_owned(), false),
        file("Pipfile", pipfile(), false),
        file("README.md", readme(stack), false),
        file("cdktf.json", cdktf_json(stack), false),
        file("main.py", cdktn_python(&python.main_py), true),
    ];
    if let Some(user_data) = python.user_data_py {
        files.push(file("user_data.py", cdktn_python(&user_data), false));
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(Project {
        folder: project_folder(stack),
        files,
    })
}

fn file(path: &str, contents: String, executable: bool) -> ProjectFile {
    ProjectFile {
        path: path.to_owned(),
        contents,
        executable,
    }
}

/// cdktn-cli 0.24.0's python `Pipfile` template, with the packages `cdktn init` installs
/// pinned to the versions our JSON matches.
fn pipfile() -> String {
    format!(
        "[[source]]\nname = \"pypi\"\nurl = \"https://pypi.org/simple\"\nverify_ssl = true\n\n[requires]\npython_version = \"3.11\"\n\n[packages]\ncdktn = \"=={CDKTN_VERSION}\"\ncdktn-provider-aws = \"=={CDKTN_PROVIDER_AWS_VERSION}\"\n"
    )
}

/// cdktn-cli 0.24.0's python `cdktf.json` template: cdktf's with `targetVersions`.
fn cdktf_json(stack: &Stack) -> String {
    format!(
        "{{\n  \"language\": \"python\",\n  \"app\": \"pipenv run python main.py\",\n  \"projectId\": \"{}\",\n  \"sendCrashReports\": \"false\",\n  \"targetVersions\": {{\n    \"terraform\": \">=1.5.7\",\n    \"opentofu\": \">=1.6.0\"\n  }},\n  \"terraformProviders\": [],\n  \"terraformModules\": [],\n  \"codeMakerOutput\": \"imports\",\n  \"context\": {{\n\n  }}\n}}",
        project_id(stack)
    )
}

fn readme(stack: &Stack) -> String {
    let folder = project_folder(stack);
    let name = &stack.name;
    let Summary {
        list_fr,
        list_en,
        cost_fr,
        cost_en,
    } = summary(stack);
    format!(
        "# {name} (CDK Terrain)

Projet CDK Terrain (Python) exporté depuis EC2 Playground : la stack `{name}` du module 2 du
cours. HashiCorp a archivé CDK for Terraform (cdktf) le 10 décembre 2025 ; CDK Terrain (`cdktn`)
le continue avec le même Python : seuls les imports changent (`cdktn`, `cdktn_provider_aws`).
Son `cdk.tf.json` est celui du playground, à trois valeurs près : la version de cdktn
({CDKTN_VERSION}), celle du provider AWS ({CDKTN_AWS_PROVIDER_VERSION}) et sa source (`hashicorp/aws`).

## Ce que la stack crée

{list_fr}
## Les commandes

Prérequis : Python 3.11, pipenv, Node.js 22 (LTS) ou 24, Terraform et la CLI cdktn (`npm install -g cdktn-cli@{CDKTN_VERSION}`),
et des identifiants AWS (`aws configure`).

```bash
cd {folder}
pipenv install        # installe cdktn et le provider AWS
cdktn synth           # écrit cdktf.out/stacks/{name}/cdk.tf.json
cdktn deploy          # crée les ressources (confirmez par « Approve »)
cdktn destroy         # supprime tout ce que la stack a créé
```

## Ce que cela coûte

{cost_fr}
## Tout supprimer

Quand vous avez fini, lancez `cdktn destroy` depuis ce dossier et confirmez. Vérifiez ensuite
dans la console EC2 (dans la bonne région) qu'il ne reste ni instance, ni volume, ni snapshot.
Ne supprimez pas `terraform.{name}.tfstate` avant : c'est lui qui sait quoi détruire.

---

## English

A CDK Terrain (Python) project exported from EC2 Playground: the stack `{name}` of the course's
module 2. HashiCorp archived CDK for Terraform (cdktf) on 10 December 2025; CDK Terrain
(`cdktn`) carries it on with the same Python: only the imports change (`cdktn`,
`cdktn_provider_aws`). Its `cdk.tf.json` is the playground's but for three values: the cdktn
version ({CDKTN_VERSION}), the AWS provider's ({CDKTN_AWS_PROVIDER_VERSION}) and its source (`hashicorp/aws`).

### What the stack creates

{list_en}
### Commands

You need Python 3.11, pipenv, Node.js 22 (LTS) or 24, Terraform and the cdktn CLI (`npm install -g cdktn-cli@{CDKTN_VERSION}`),
and AWS credentials (`aws configure`).

```bash
cd {folder}
pipenv install        # installs cdktn and the AWS provider
cdktn synth           # writes cdktf.out/stacks/{name}/cdk.tf.json
cdktn deploy          # creates the resources (answer \"Approve\")
cdktn destroy         # deletes everything the stack created
```

### What it costs

{cost_en}
### Deleting everything

When you are done, run `cdktn destroy` from this folder and confirm. Then check in the EC2
console (in the right region) that no instance, volume or snapshot is left. Do not delete
`terraform.{name}.tfstate` before that: it is what knows what to destroy.
"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load_stack;

    #[test]
    fn only_the_imports_change() {
        let py = "from constructs import Construct\nfrom cdktf import App, Fn, TerraformStack\nfrom cdktf_cdktf_provider_aws.instance import (\n    Instance,\n)\n# from cdktf import x\nx = \"from cdktf import\"\n";
        assert_eq!(
            cdktn_python(py),
            "from constructs import Construct\nfrom cdktn import App, Fn, TerraformStack\nfrom cdktn_provider_aws.instance import (\n    Instance,\n)\n# from cdktf import x\nx = \"from cdktf import\"\n"
        );
    }

    #[test]
    fn the_project_has_cdktn_init_files() {
        let stack = load_stack(include_str!("../../tests/fixtures/user-data-module/stack.json")).expect("loads");
        let p = project(&stack).expect("the fixture synthesizes");
        let paths: Vec<&str> = p.files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                ".gitignore",
                "Pipfile",
                "README.md",
                "cdktf.json",
                "main.py",
                "user_data.py"
            ]
        );
        assert!(p.files[1]
            .contents
            .contains("cdktn = \"==0.24.0\"\ncdktn-provider-aws = \"==25.8.1\"\n"));
        assert!(p.files[1].contents.contains("python_version = \"3.11\""));
        let json: serde_json::Value = serde_json::from_str(&p.files[3].contents).expect("cdktf.json is JSON");
        assert_eq!(json["targetVersions"]["terraform"], ">=1.5.7");
        assert_eq!(json["app"], "pipenv run python main.py");
        let main = &p.files[4].contents;
        assert!(main.contains("from cdktn import App"), "{main}");
        assert!(main.contains("from cdktn_provider_aws.instance import"));
        assert!(!main.contains("cdktf"));
        assert!(p.files[2].contents.contains("cdktn deploy"));
        assert!(p.files[4].executable);
    }

    #[test]
    fn the_differences_name_both_versions() {
        assert_eq!(
            differences(),
            [
                ("//.metadata.version", "0.21.0", "0.24.0"),
                ("terraform.required_providers.aws.source", "aws", "hashicorp/aws"),
                ("terraform.required_providers.aws.version", "6.25.0", "6.69.1")
            ]
        );
    }
}
