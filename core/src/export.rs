//! The cdktf project a learner downloads: the files `cdktf init --template=python` lays out,
//! with our `main.py`, and a README in French and English; packed as a reproducible zip.
//!
//! `cdktf.json`, `.gitignore` and `Pipfile` follow the templates of cdktf-cli 0.21.0
//! (`bundle/templates/python/`), with `projectId` derived from the stack's name (so the
//! same stack always gives the same bytes) and the Pipfile pinning the versions our JSON
//! matches.
//!
//! cdktf is archived (HashiCorp, 2025-12-10); [`ProjectKind`] also exports the same stack as
//! a plain Terraform project ([`crate::main_tf`]), instead of the cdktf one or beside it.

use std::io::{Cursor, Write};

use md5::{Digest, Md5};
use thiserror::Error;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use crate::hcl::{main_tf, HclError};
use crate::i18n::Lang;
use crate::model::{Resource, Stack};
use crate::python::try_python_files;
use crate::synth::{SynthError, SynthOptions, CDKTF_PROVIDER_AWS_VERSION, CDKTF_VERSION};

/// One file of the project: its path inside the project folder and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectFile {
    /// Path relative to the project folder (`main.py`).
    pub path: String,
    /// Contents (UTF-8 text).
    pub contents: String,
    /// True for files the learner runs (`main.py`, as `cdktf init` makes it).
    pub executable: bool,
}

/// A cdktf project: its folder name and its files, sorted by path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Project {
    /// Folder the zip puts the files in: the stack's name, made safe as a path component.
    pub folder: String,
    /// Files sorted by path (byte order).
    pub files: Vec<ProjectFile>,
}

/// Why the cdktf project could not be exported.
#[derive(Debug, Error)]
pub enum ExportError {
    /// The stack does not synthesize: the real cdktf would refuse the project's `main.py`,
    /// so no project is written (issue 13: "`python` and `export` refuse what `synth`
    /// refuses, with the same words"). The error is [`crate::synth()`]'s, word for word.
    #[error(transparent)]
    Synth(#[from] SynthError),
    /// The zip writer failed (it does not for in-memory output).
    #[error("cannot write the project zip: {0}")]
    Zip(#[from] zip::result::ZipError),
}

impl ExportError {
    /// The error in the learner's language: a synth error in [`SynthError::message`]'s words.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (ExportError::Synth(e), _) => e.message(lang),
            (ExportError::Zip(e), Lang::Fr) => format!("impossible d'écrire le zip du projet : {e}"),
            (ExportError::Zip(_), Lang::En) => self.to_string(),
        }
    }
}

/// The project folder's name: the stack name with anything but `A-Z a-z 0-9 . _ -`
/// replaced by `-`; `ec2-lab` when nothing is left.
pub fn project_folder(stack: &Stack) -> String {
    let name: String = stack
        .name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '-'
            }
        })
        .collect();
    let name = name.trim_matches(['-', '.']).to_owned();
    if name.is_empty() {
        "ec2-lab".to_owned()
    } else {
        name
    }
}

/// Every file of the project for `stack`, sorted by path.
///
/// Errors: the [`SynthError`] [`crate::synth()`] gives for `stack`: a project whose
/// `main.py` the real cdktf would refuse is not written ([`try_python_files`]).
pub fn export_project(stack: &Stack) -> Result<Project, SynthError> {
    let python = try_python_files(stack)?;
    let mut files = vec![
        ProjectFile {
            path: ".gitignore".into(),
            contents: GITIGNORE.into(),
            executable: false,
        },
        ProjectFile {
            path: "Pipfile".into(),
            contents: pipfile(),
            executable: false,
        },
        ProjectFile {
            path: "README.md".into(),
            contents: readme(stack),
            executable: false,
        },
        ProjectFile {
            path: "cdktf.json".into(),
            contents: cdktf_json(stack),
            executable: false,
        },
        ProjectFile {
            path: "main.py".into(),
            contents: python.main_py,
            executable: true,
        },
    ];
    if let Some(user_data) = python.user_data_py {
        files.push(ProjectFile {
            path: "user_data.py".into(),
            contents: user_data,
            executable: false,
        });
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(Project {
        folder: project_folder(stack),
        files,
    })
}

/// `project` with the learner's own `main.py` (and `user_data.py`) in place of the ones
/// written from the stack: what they wrote, comments and layout, is what they download.
/// Without a `user_data_py`, the project has no `user_data.py` (their `main.py` does not
/// import one: the reader refuses such an import without the file). The folder `terraform/`
/// of a [`ProjectKind::Both`] export is left as it is.
pub fn with_learner_code(mut project: Project, main_py: &str, user_data_py: Option<&str>) -> Project {
    project
        .files
        .retain(|f| f.path != "main.py" && f.path != "user_data.py");
    project.files.push(ProjectFile {
        path: "main.py".into(),
        contents: main_py.to_owned(),
        executable: true,
    });
    if let Some(text) = user_data_py {
        project.files.push(ProjectFile {
            path: "user_data.py".into(),
            contents: text.to_owned(),
            executable: false,
        });
    }
    project.files.sort_by(|a, b| a.path.cmp(&b.path));
    project
}

/// The project zipped under its folder: deflated, entries sorted, every date
/// 1980-01-01 00:00, so the same stack always gives the same bytes.
///
/// Errors: [`ExportError::Synth`] when synth refuses the stack (see [`export_project`]);
/// [`ExportError::Zip`] only if the zip writer fails, which it does not in memory.
pub fn export_zip(stack: &Stack) -> Result<Vec<u8>, ExportError> {
    zip_project(&export_project(stack)?)
}

/// Which project an export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ProjectKind {
    /// The cdktf project the course teaches ([`export_project`]).
    #[default]
    Cdktf,
    /// A plain Terraform project: `main.tf` ([`crate::main_tf`]), `.gitignore` and a French
    /// and English `README.md` (`terraform init && terraform plan`). Its local state is
    /// `terraform.<stack>.tfstate` beside `main.tf`.
    Terraform,
    /// The same project for CDK Terrain, the community's continuation of cdktf
    /// ([`crate::cdktn`]): `cdktn` and `cdktn-provider-aws` in the Pipfile, their import
    /// paths in `main.py`, the `cdktf.json` that `cdktn init` writes.
    Cdktn,
    /// The cdktf project, with the Terraform one in its folder `terraform/`, whose backend
    /// points at the cdktf project's state (`../terraform.<stack>.tfstate`): a stack
    /// deployed with `cdktf deploy` plans with no change from `terraform/`, since its
    /// resources keep their addresses.
    Both,
}

/// Why an export of a given [`ProjectKind`] failed.
#[derive(Debug, Error)]
pub enum ExportAsError {
    /// The stack does not synthesize ([`HclError::Synth`], synth's words, for every kind), or
    /// has no `main.tf` (a string Terraform cannot read: [`ProjectKind::Terraform`] and
    /// [`ProjectKind::Both`] only).
    #[error(transparent)]
    Hcl(#[from] HclError),
    /// The zip writer failed.
    #[error(transparent)]
    Zip(#[from] ExportError),
}

impl ExportAsError {
    /// The error in the learner's language: a synth error in [`SynthError::message`]'s words.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ExportAsError::Hcl(e) => e.message(lang),
            ExportAsError::Zip(e) => e.message(lang),
        }
    }
}

/// The project of the given kind for `stack`, files sorted by path.
///
/// Errors: for every kind, [`HclError::Synth`] with the error [`crate::synth()`] gives when
/// it refuses the stack (every kind refuses it with the same words); for
/// [`ProjectKind::Terraform`] and [`ProjectKind::Both`], also what [`crate::main_tf`] refuses.
pub fn export_project_as(stack: &Stack, kind: ProjectKind) -> Result<Project, HclError> {
    match kind {
        ProjectKind::Cdktf => Ok(export_project(stack)?),
        ProjectKind::Cdktn => Ok(crate::cdktn::project(stack)?),
        ProjectKind::Terraform => Ok(Project {
            folder: project_folder(stack),
            files: terraform_files(stack, ".", "")?,
        }),
        ProjectKind::Both => {
            let mut project = export_project(stack)?;
            project.files.extend(terraform_files(stack, "..", "terraform/")?);
            project.files.sort_by(|a, b| a.path.cmp(&b.path));
            Ok(project)
        }
    }
}

/// [`export_project_as`], zipped as [`export_zip`] does.
///
/// Errors: see [`export_project_as`]; the zip writer does not fail in memory.
pub fn export_zip_as(stack: &Stack, kind: ProjectKind) -> Result<Vec<u8>, ExportAsError> {
    let project = export_project_as(stack, kind)?;
    Ok(zip_project(&project)?)
}

/// The Terraform project's files under `prefix`, its state in `state_dir` (relative to
/// `main.tf`).
fn terraform_files(stack: &Stack, state_dir: &str, prefix: &str) -> Result<Vec<ProjectFile>, HclError> {
    let main = main_tf(stack, &SynthOptions::new(state_dir))?;
    Ok(vec![
        ProjectFile {
            path: format!("{prefix}.gitignore"),
            contents: TERRAFORM_GITIGNORE.into(),
            executable: false,
        },
        ProjectFile {
            path: format!("{prefix}README.md"),
            contents: terraform_readme(stack, !prefix.is_empty()),
            executable: false,
        },
        ProjectFile {
            path: format!("{prefix}main.tf"),
            contents: main,
            executable: false,
        },
    ])
}

/// The usual Terraform `.gitignore`: the working directory, state files (they can hold
/// secrets) and crash logs; `.terraform.lock.hcl` is kept, as Terraform's documentation
/// advises ("Dependency Lock File": include it in version control).
const TERRAFORM_GITIGNORE: &str = ".terraform/\n*.tfstate\n*.tfstate.*\ncrash.log\ncrash.*.log\n";

/// `project` zipped under its folder, as [`export_zip`] does: deflated, entries sorted,
/// every date 1980-01-01 00:00.
///
/// Errors: only if the zip writer fails, which it does not for in-memory output.
pub fn zip_project(project: &Project) -> Result<Vec<u8>, ExportError> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default());
    zip.add_directory(format!("{}/", project.folder), options.unix_permissions(0o755))?;
    let mut folders: Vec<&str> = Vec::new();
    for file in &project.files {
        // A subfolder (`terraform/`) gets its entry before its first file.
        if let Some((folder, _)) = file.path.rsplit_once('/') {
            if !folders.contains(&folder) {
                folders.push(folder);
                zip.add_directory(format!("{}/{folder}/", project.folder), options.unix_permissions(0o755))?;
            }
        }
        let mode = if file.executable { 0o755 } else { 0o644 };
        zip.start_file(
            format!("{}/{}", project.folder, file.path),
            options.unix_permissions(mode),
        )?;
        zip.write_all(file.contents.as_bytes())
            .map_err(zip::result::ZipError::Io)?;
    }
    Ok(zip.finish()?.into_inner())
}

/// `.gitignore` of cdktf-cli 0.21.0's python template, byte for byte (no final newline).
pub(crate) const GITIGNORE: &str =
    "dist/\nimports/*\n!imports/__init__.py\n.terraform\ncdktf.out\ncdktf.log\n*terraform.*.tfstate*";

fn pipfile() -> String {
    format!(
        "[[source]]\nname = \"pypi\"\nurl = \"https://pypi.org/simple\"\nverify_ssl = true\n\n[requires]\npython_version = \"3\"\n\n[packages]\ncdktf = \"=={CDKTF_VERSION}\"\ncdktf-cdktf-provider-aws = \"=={CDKTF_PROVIDER_AWS_VERSION}\"\n"
    )
}

/// A UUID-shaped id derived from the stack name (md5, version nibble 4), standing in for
/// the random `projectId` of `cdktf init`.
pub(crate) fn project_id(stack: &Stack) -> String {
    let h = Md5::digest(format!("ec2-playground:{}", stack.name).as_bytes());
    let mut b = [0u8; 16];
    b.copy_from_slice(&h);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

fn cdktf_json(stack: &Stack) -> String {
    // The template's layout, `{{futureFlags}}` being empty in cdktf 0.21.0.
    format!(
        "{{\n  \"language\": \"python\",\n  \"app\": \"pipenv run python main.py\",\n  \"projectId\": \"{}\",\n  \"sendCrashReports\": \"false\",\n  \"terraformProviders\": [],\n  \"terraformModules\": [],\n  \"codeMakerOutput\": \"imports\",\n  \"context\": {{\n\n  }}\n}}",
        project_id(stack)
    )
}

/// Approximate on-demand prices, USD per hour, Linux, us-east-1, from the AWS EC2 pricing
/// page (2025); other regions cost a little more (Paris about 10 % more).
const HOURLY_PRICES: &[(&str, f64)] = &[
    ("t2.nano", 0.0058),
    ("t2.micro", 0.0116),
    ("t2.small", 0.023),
    ("t2.medium", 0.0464),
    ("t2.large", 0.0928),
    ("t3.nano", 0.0052),
    ("t3.micro", 0.0104),
    ("t3.small", 0.0208),
    ("t3.medium", 0.0416),
    ("t3.large", 0.0832),
    ("t3a.micro", 0.0094),
    ("t3a.small", 0.0188),
    ("t4g.nano", 0.0042),
    ("t4g.micro", 0.0084),
    ("t4g.small", 0.0168),
    ("m5.large", 0.096),
    ("m6i.large", 0.096),
    ("c5.large", 0.085),
    ("r5.large", 0.126),
];

/// Approximate EBS storage prices, USD per GiB-month, us-east-1 (AWS EBS pricing page, 2025).
fn ebs_price(volume_type: &str) -> f64 {
    match volume_type {
        "gp2" => 0.10,
        "io1" | "io2" => 0.125,
        "st1" => 0.045,
        "sc1" => 0.015,
        "standard" => 0.05,
        _ => 0.08, // gp3, the default of recent AMIs
    }
}

const HOURS_PER_MONTH: f64 = 730.0;

/// Rough monthly cost of leaving the stack running, USD, and whether a price was unknown.
fn monthly_cost(stack: &Stack) -> (f64, bool) {
    let mut total = 0.0;
    let mut unknown = false;
    for r in &stack.resources {
        match r {
            Resource::Instance(i) => {
                let t = i.instance_type.as_deref().unwrap_or("t2.micro");
                match HOURLY_PRICES.iter().find(|(name, _)| *name == t) {
                    Some((_, p)) => total += p * HOURS_PER_MONTH,
                    None => unknown = true,
                }
                let root = i.root_block_device.as_ref();
                let size = root.and_then(|d| d.volume_size).map_or(8.0, |n| n.value());
                let vt = root.and_then(|d| d.volume_type.as_deref()).unwrap_or("gp3");
                total += size.max(0.0) * ebs_price(vt);
                for d in i.ebs_block_device.iter().flatten() {
                    let vt = d.volume_type.as_deref().unwrap_or("gp3");
                    total += d.volume_size.map_or(0.0, |n| n.value()).max(0.0) * ebs_price(vt);
                }
                if i.associate_public_ip_address != Some(false) {
                    // A public IPv4 address: 0.005 USD per hour since February 2024.
                    total += 0.005 * HOURS_PER_MONTH;
                }
            }
            Resource::EbsVolume(v) => {
                let vt = v.volume_type.as_deref().unwrap_or("gp3");
                total += v.size.map_or(0.0, |n| n.value()).max(0.0) * ebs_price(vt);
            }
            _ => {}
        }
    }
    (total, unknown)
}

fn count(stack: &Stack, class: &str) -> usize {
    stack
        .resources
        .iter()
        .filter(|r| r.kind().class_name() == class)
        .count()
}

/// What both READMEs say of a stack: what it creates (French, English lists) and its rough
/// monthly cost, with the note for unknown prices.
pub(crate) struct Summary {
    pub(crate) list_fr: String,
    pub(crate) list_en: String,
    pub(crate) cost: f64,
    pub(crate) unknown_fr: &'static str,
    pub(crate) unknown_en: &'static str,
}

pub(crate) fn summary(stack: &Stack) -> Summary {
    let (cost, unknown) = monthly_cost(stack);
    let rows: Vec<(usize, &str, &str, &str)> = [
        ("Instance", "instance(s) EC2", "EC2 instance(s)"),
        ("SecurityGroup", "groupe(s) de sécurité", "security group(s)"),
        ("KeyPair", "paire(s) de clés", "key pair(s)"),
        ("EbsVolume", "volume(s) EBS", "EBS volume(s)"),
        ("VolumeAttachment", "attachement(s) de volume", "volume attachment(s)"),
        ("EbsSnapshot", "snapshot(s) EBS", "EBS snapshot(s)"),
        (
            "DataAwsAmi",
            "recherche(s) d'AMI (rien n'est créé)",
            "AMI lookup(s) (nothing is created)",
        ),
        ("TerraformOutput", "sortie(s)", "output(s)"),
    ]
    .iter()
    .map(|(class, fr, en)| (count(stack, class), *class, *fr, *en))
    .filter(|(n, ..)| *n > 0)
    .collect();
    let list_fr: String = rows.iter().map(|(n, _, fr, _)| format!("- {n} {fr}\n")).collect();
    let list_en: String = rows.iter().map(|(n, _, _, en)| format!("- {n} {en}\n")).collect();
    let list_fr = if list_fr.is_empty() {
        "- rien pour l'instant\n".to_owned()
    } else {
        list_fr
    };
    let list_en = if list_en.is_empty() {
        "- nothing yet\n".to_owned()
    } else {
        list_en
    };
    let unknown_fr = if unknown {
        " (sans les types d'instance dont le prix n'est pas connu ici)"
    } else {
        ""
    };
    let unknown_en = if unknown {
        " (not counting instance types whose price is not known here)"
    } else {
        ""
    };
    Summary {
        list_fr,
        list_en,
        cost,
        unknown_fr,
        unknown_en,
    }
}

fn readme(stack: &Stack) -> String {
    let folder = project_folder(stack);
    let name = &stack.name;
    let Summary {
        list_fr,
        list_en,
        cost,
        unknown_fr,
        unknown_en,
    } = summary(stack);
    format!(
        "# {name}

Projet CDK for Terraform (Python) exporté depuis EC2 Playground : la stack `{name}` du
module 2 du cours (EC2 avec CDKTF). Le `main.py` synthétise exactement le `cdk.tf.json`
affiché dans le playground (cdktf {CDKTF_VERSION}, cdktf-cdktf-provider-aws {CDKTF_PROVIDER_AWS_VERSION}).

## Ce que la stack crée

{list_fr}
## Les commandes

Prérequis : Python 3, pipenv, Node.js, Terraform et la CLI cdktf (`npm install -g cdktf-cli@{CDKTF_VERSION}`),
et des identifiants AWS (`aws configure`).

```bash
cd {folder}
pipenv install        # installe cdktf et le provider AWS
cdktf synth           # écrit cdktf.out/stacks/{name}/cdk.tf.json
cdktf deploy          # crée les ressources (confirmez par « Approve »)
cdktf destroy         # supprime tout ce que la stack a créé
```

## Ce que cela coûte

Laissée en marche, cette stack coûte environ **{cost:.2} USD par mois**{unknown_fr} : prix indicatifs
à la demande (us-east-1, 2025) des instances, des volumes EBS et des adresses IPv4 publiques ;
l'offre gratuite d'AWS peut en couvrir une partie. Les snapshots se paient en plus, au Go stocké.

## Tout supprimer

Quand vous avez fini, lancez `cdktf destroy` depuis ce dossier et confirmez. Vérifiez ensuite
dans la console EC2 (dans la bonne région) qu'il ne reste ni instance, ni volume, ni snapshot.
Ne supprimez pas `terraform.{name}.tfstate` avant : c'est lui qui sait quoi détruire.

---

## English

A CDK for Terraform (Python) project exported from EC2 Playground: the stack `{name}` of
the course's module 2 (EC2 with CDKTF). Its `main.py` synthesizes exactly the
`cdk.tf.json` shown in the playground (cdktf {CDKTF_VERSION}, cdktf-cdktf-provider-aws {CDKTF_PROVIDER_AWS_VERSION}).

### What the stack creates

{list_en}
### Commands

You need Python 3, pipenv, Node.js, Terraform and the cdktf CLI (`npm install -g cdktf-cli@{CDKTF_VERSION}`),
and AWS credentials (`aws configure`).

```bash
cd {folder}
pipenv install        # installs cdktf and the AWS provider
cdktf synth           # writes cdktf.out/stacks/{name}/cdk.tf.json
cdktf deploy          # creates the resources (answer \"Approve\")
cdktf destroy         # deletes everything the stack created
```

### What it costs

Left running, this stack costs about **{cost:.2} USD a month**{unknown_en}: indicative on-demand
prices (us-east-1, 2025) of the instances, EBS volumes and public IPv4 addresses; the AWS
Free Tier may cover part of it. Snapshots are billed on top, per GB stored.

### Deleting everything

When you are done, run `cdktf destroy` from this folder and confirm. Then check in the EC2
console (in the right region) that no instance, volume or snapshot is left. Do not delete
`terraform.{name}.tfstate` before that: it is what knows what to destroy.
"
    )
}

/// The Terraform project's README, French then English. `beside_cdktf`: the project is the
/// `terraform/` folder of the cdktf one and shares its state.
fn terraform_readme(stack: &Stack, beside_cdktf: bool) -> String {
    let name = &stack.name;
    let folder = if beside_cdktf {
        format!("{}/terraform", project_folder(stack))
    } else {
        project_folder(stack)
    };
    let Summary {
        list_fr,
        list_en,
        cost,
        unknown_fr,
        unknown_en,
    } = summary(stack);
    let (state_fr, state_en) = if beside_cdktf {
        (
            format!("L'état est celui du projet cdktf, `../terraform.{name}.tfstate` : une stack déjà déployée avec\n`cdktf deploy` donne un plan sans changement, les ressources gardant leurs adresses."),
            format!("The state is the cdktf project's, `../terraform.{name}.tfstate`: a stack already deployed with\n`cdktf deploy` plans with no change, since its resources keep their addresses."),
        )
    } else {
        (
            format!("L'état est `terraform.{name}.tfstate`, dans ce dossier. Pour reprendre une stack déployée avec\n`cdktf deploy`, copiez ici le `terraform.{name}.tfstate` du projet cdktf avant `terraform plan` :\nles ressources gardent leurs adresses, le plan est alors sans changement."),
            format!("The state is `terraform.{name}.tfstate`, in this folder. To take over a stack deployed with\n`cdktf deploy`, copy the cdktf project's `terraform.{name}.tfstate` here before `terraform plan`:\nthe resources keep their addresses, so the plan shows no change."),
        )
    };
    format!(
        "# {name} (Terraform)

Projet Terraform exporté depuis EC2 Playground : la stack `{name}` du module 2 du cours, écrite
en HCL comme on l'écrirait à la main. HashiCorp a archivé CDK for Terraform (cdktf) le 10 décembre
2025 ; ce `main.tf` décrit exactement ce que décrit le `cdk.tf.json` affiché dans le playground
(même `terraform plan`), sans Python ni cdktf.

## Ce que la stack crée

{list_fr}
## Les commandes

Prérequis : Terraform (1.5 ou plus récent) et des identifiants AWS (`aws configure`).

```bash
cd {folder}
terraform init && terraform plan   # installe le provider AWS, puis montre ce qui sera créé
terraform apply                    # crée les ressources (confirmez par « yes »)
terraform destroy                  # supprime tout ce que la stack a créé
```

{state_fr}

## Ce que cela coûte

Laissée en marche, cette stack coûte environ **{cost:.2} USD par mois**{unknown_fr} : prix indicatifs
à la demande (us-east-1, 2025) des instances, des volumes EBS et des adresses IPv4 publiques ;
l'offre gratuite d'AWS peut en couvrir une partie. Les snapshots se paient en plus, au Go stocké.

## Tout supprimer

Quand vous avez fini, lancez `terraform destroy` depuis ce dossier et confirmez. Vérifiez ensuite
dans la console EC2 (dans la bonne région) qu'il ne reste ni instance, ni volume, ni snapshot.
Ne supprimez pas `terraform.{name}.tfstate` avant : c'est lui qui sait quoi détruire.

---

## English

A Terraform project exported from EC2 Playground: the stack `{name}` of the course's module 2,
written in HCL as one would write it by hand. HashiCorp archived CDK for Terraform (cdktf) on
10 December 2025; this `main.tf` describes exactly what the `cdk.tf.json` shown in the
playground describes (the same `terraform plan`), without Python or cdktf.

### What the stack creates

{list_en}
### Commands

You need Terraform (1.5 or later) and AWS credentials (`aws configure`).

```bash
cd {folder}
terraform init && terraform plan   # installs the AWS provider, then shows what will be created
terraform apply                    # creates the resources (answer \"yes\")
terraform destroy                  # deletes everything the stack created
```

{state_en}

### What it costs

Left running, this stack costs about **{cost:.2} USD a month**{unknown_en}: indicative on-demand
prices (us-east-1, 2025) of the instances, EBS volumes and public IPv4 addresses; the AWS
Free Tier may cover part of it. Snapshots are billed on top, per GB stored.

### Deleting everything

When you are done, run `terraform destroy` from this folder and confirm. Then check in the EC2
console (in the right region) that no instance, volume or snapshot is left. Do not delete
`terraform.{name}.tfstate` before that: it is what knows what to destroy.
"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load_stack;

    fn lab() -> Stack {
        load_stack(include_str!("../../tests/fixtures/ec2-lab/stack.json")).expect("lab loads")
    }

    #[test]
    fn the_project_has_the_cdktf_init_layout() {
        let p = export_project(&lab()).expect("the lab synthesizes");
        assert_eq!(p.folder, "ec2-lab");
        let paths: Vec<&str> = p.files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, [".gitignore", "Pipfile", "README.md", "cdktf.json", "main.py"]);
        let cdktf: serde_json::Value = serde_json::from_str(&p.files[3].contents).expect("cdktf.json is JSON");
        assert_eq!(cdktf["app"], "pipenv run python main.py");
        assert_eq!(cdktf["language"], "python");
        assert!(p.files[1].contents.contains("cdktf = \"==0.21.0\""));
        assert!(p.files[1].contents.contains("cdktf-cdktf-provider-aws = \"==21.22.1\""));
    }

    #[test]
    fn the_learners_code_replaces_the_written_one() {
        let mine = "# mon code\n";
        let p = with_learner_code(export_project(&lab()).expect("exports"), mine, Some("USER_DATA = ''\n"));
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
        assert_eq!(p.files[4].contents, mine);
        assert!(p.files[4].executable);
        let p = with_learner_code(p, mine, None);
        assert!(
            p.files.iter().all(|f| f.path != "user_data.py"),
            "no user_data.py without one"
        );
        let both = export_project_as(&lab(), ProjectKind::Both).expect("both");
        let n = both.files.len();
        let both = with_learner_code(both, mine, None);
        assert_eq!(both.files.len(), n, "terraform/ is left as it is");
    }

    #[test]
    fn the_same_stack_zips_to_the_same_bytes() {
        let a = export_zip(&lab()).expect("zips");
        let b = export_zip(&lab()).expect("zips");
        assert_eq!(a, b);
        let mut archive = zip::ZipArchive::new(Cursor::new(a)).expect("readable zip");
        let names: Vec<String> = (0..archive.len())
            .filter_map(|i| {
                archive
                    .by_index(i)
                    .ok()
                    .and_then(|f| f.name().ok().map(|n| n.into_owned()))
            })
            .collect();
        assert_eq!(
            names,
            [
                "ec2-lab/",
                "ec2-lab/.gitignore",
                "ec2-lab/Pipfile",
                "ec2-lab/README.md",
                "ec2-lab/cdktf.json",
                "ec2-lab/main.py"
            ]
        );
        let mut main = String::new();
        std::io::Read::read_to_string(&mut archive.by_name("ec2-lab/main.py").expect("main.py"), &mut main)
            .expect("utf-8");
        assert_eq!(Ok(main), crate::main_py(&lab()));
    }

    fn zip_names(bytes: Vec<u8>) -> Vec<String> {
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("readable zip");
        (0..archive.len())
            .filter_map(|i| {
                archive
                    .by_index(i)
                    .ok()
                    .and_then(|f| f.name().ok().map(|n| n.into_owned()))
            })
            .collect()
    }

    #[test]
    fn the_terraform_project_is_main_tf_a_gitignore_and_a_readme() {
        let p = export_project_as(&lab(), ProjectKind::Terraform).expect("terraform project");
        assert_eq!(p.folder, "ec2-lab");
        let paths: Vec<&str> = p.files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, [".gitignore", "README.md", "main.tf"]);
        let main = crate::main_tf(&lab(), &SynthOptions::new(".")).expect("hcl");
        assert_eq!(p.files[2].contents, main);
        assert!(main.contains("    path = \"terraform.ec2-lab.tfstate\"\n"));
        let readme = &p.files[1].contents;
        assert!(readme.starts_with("# ec2-lab (Terraform)\n"));
        assert_eq!(readme.matches("terraform init && terraform plan").count(), 2);
        assert!(readme.contains("archivé CDK for Terraform (cdktf) le 10 décembre"));
        assert!(readme.contains("archived CDK for Terraform (cdktf) on\n10 December 2025"));
        assert!(readme.contains("copiez ici le `terraform.ec2-lab.tfstate`"));
        assert!(p.files[0].contents.contains("*.tfstate\n"));
        assert!(!p.files[0].contents.contains(".terraform.lock.hcl"));
    }

    #[test]
    fn both_puts_the_terraform_project_in_a_folder_sharing_the_cdktf_state() {
        let p = export_project_as(&lab(), ProjectKind::Both).expect("both");
        let paths: Vec<&str> = p.files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                ".gitignore",
                "Pipfile",
                "README.md",
                "cdktf.json",
                "main.py",
                "terraform/.gitignore",
                "terraform/README.md",
                "terraform/main.tf"
            ]
        );
        assert!(p.files[7]
            .contents
            .contains("    path = \"../terraform.ec2-lab.tfstate\"\n"));
        assert!(p.files[6].contents.contains("cd ec2-lab/terraform\n"));
        assert!(p.files[6].contents.contains("plans with no change"));
        let names = zip_names(export_zip_as(&lab(), ProjectKind::Both).expect("zip"));
        assert_eq!(
            names[5..],
            [
                "ec2-lab/main.py",
                "ec2-lab/terraform/",
                "ec2-lab/terraform/.gitignore",
                "ec2-lab/terraform/README.md",
                "ec2-lab/terraform/main.tf"
            ]
        );
        assert_eq!(
            export_zip_as(&lab(), ProjectKind::Both).expect("zip"),
            export_zip_as(&lab(), ProjectKind::Both).expect("zip")
        );
    }

    #[test]
    fn the_cdktn_kind_is_the_cdk_terrain_project() {
        let p = export_project_as(&lab(), ProjectKind::Cdktn).expect("cdktn");
        assert_eq!(Ok(p.clone()), crate::cdktn::project(&lab()));
        assert!(p.files[1].contents.contains("cdktn-provider-aws = \"==25.8.1\""));
    }

    #[test]
    fn the_cdktf_kind_is_the_course_project() {
        assert_eq!(
            export_project_as(&lab(), ProjectKind::Cdktf).expect("cdktf"),
            export_project(&lab()).expect("cdktf")
        );
        assert_eq!(
            export_zip_as(&lab(), ProjectKind::Cdktf).expect("zip"),
            export_zip(&lab()).expect("zip")
        );
    }

    #[test]
    fn a_stack_without_main_tf_has_no_terraform_project() {
        let escapes = load_stack(include_str!("../../tests/fixtures/escapes/stack.json")).expect("loads");
        for kind in [ProjectKind::Terraform, ProjectKind::Both] {
            let err = export_zip_as(&escapes, kind).expect_err("not a template");
            assert!(
                matches!(err, ExportAsError::Hcl(HclError::InvalidTemplate { .. })),
                "{err:?}"
            );
        }
        assert!(export_zip_as(&escapes, ProjectKind::Cdktf).is_ok());
    }

    /// Issue 13: `export` refuses what `synth` refuses, with the same words, for every kind
    /// (a stack named "mon lab": cdktf refuses whitespace in a stack name).
    #[test]
    fn a_stack_synth_refuses_has_no_project_of_any_kind() {
        let mut stack = lab();
        stack.name = "mon lab".into();
        let refused = crate::synth(&stack, &SynthOptions::for_stack(&stack)).expect_err("synth refuses");
        let message = "stack name \"mon lab\": cdktf refuses whitespace in a stack name";
        assert_eq!(refused.to_string(), message);
        match export_zip(&stack) {
            Err(ExportError::Synth(e)) => assert_eq!(e, refused),
            other => panic!("{other:?}"),
        }
        assert_eq!(export_project(&stack), Err(refused.clone()));
        assert_eq!(
            export_zip(&stack)
                .map_err(|e| (e.to_string(), e.message(Lang::Fr)))
                .err(),
            Some((message.to_owned(), refused.message(Lang::Fr)))
        );
        for kind in [
            ProjectKind::Cdktf,
            ProjectKind::Cdktn,
            ProjectKind::Terraform,
            ProjectKind::Both,
        ] {
            assert_eq!(
                export_project_as(&stack, kind),
                Err(HclError::Synth(refused.clone())),
                "{kind:?}"
            );
            let err = export_zip_as(&stack, kind).expect_err("refused");
            assert_eq!(err.to_string(), message, "{kind:?}");
            assert_eq!(
                err.message(Lang::Fr),
                "nom de stack \"mon lab\" : cdktf refuse les espaces dans un nom de stack"
            );
        }
    }

    #[test]
    fn folder_names_are_safe() {
        let mut s = lab();
        s.name = "../../etc/passwd".into();
        assert_eq!(project_folder(&s), "etc-passwd");
        s.name = "été 2025".into();
        assert_eq!(project_folder(&s), "t--2025");
        s.name = "///".into();
        assert_eq!(project_folder(&s), "ec2-lab");
    }

    #[test]
    fn the_readme_states_cost_and_destroy_in_both_languages() {
        let r = readme(&lab());
        // t2.micro 730 h + 8 GiB gp3 root + 10 GiB gp3 volume + one public IPv4.
        let expected = 0.0116 * 730.0 + 8.0 * 0.08 + 10.0 * 0.08 + 0.005 * 730.0;
        assert!(r.contains(&format!("{expected:.2} USD par mois")), "{r}");
        assert!(r.contains(&format!("{expected:.2} USD a month")));
        assert!(r.contains("cdktf destroy"));
        assert!(r.contains("- 1 instance(s) EC2"));
        assert!(r.contains("- 1 EC2 instance(s)"));
    }
}
