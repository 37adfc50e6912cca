//! The page's own words, in French and English.
//!
//! Every string of the interface is written at its place of use as `tr(lang, "fr", "en")`,
//! so that no string can exist in one language only. Messages about the stack itself
//! (synth errors, checks) come from the core, in both languages too.

use ec2_playground_core::Lang;

/// `fr` or `en`, as `lang` asks.
pub fn tr(lang: Lang, fr: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

/// The name of a resource kind as the learner reads it (`Groupe de sécurité`).
pub fn kind_title(lang: Lang, kind: ec2_playground_core::ResourceKind) -> &'static str {
    use ec2_playground_core::ResourceKind as K;
    match kind {
        K::AwsProvider => tr(lang, "Fournisseur AWS", "AWS provider"),
        K::DataAwsAmi => tr(lang, "Recherche d'AMI", "AMI lookup"),
        K::SecurityGroup => tr(lang, "Groupe de sécurité", "Security group"),
        K::KeyPair => tr(lang, "Paire de clés", "Key pair"),
        K::Instance => tr(lang, "Instance EC2", "EC2 instance"),
        K::EbsVolume => tr(lang, "Volume EBS", "EBS volume"),
        K::VolumeAttachment => tr(lang, "Attachement de volume", "Volume attachment"),
        K::EbsSnapshot => tr(lang, "Snapshot EBS", "EBS snapshot"),
        K::TerraformOutput => tr(lang, "Sortie Terraform", "Terraform output"),
    }
}

/// The note under a name field when `main.py` writes the name otherwise (`wanted` is what
/// the learner typed, `written` what [`ec2_playground_core::python_identifier`] makes of it),
/// or `None` when they are the same.
pub fn python_name_note(lang: Lang, wanted: &str, written: &str) -> Option<yew::AttrValue> {
    (wanted != written && !wanted.is_empty()).then(|| {
        yew::AttrValue::from(match lang {
            Lang::Fr => format!("main.py écrit « {written} » : « {wanted} » n'est pas un nom Python possible ici (espace, accent, mot réservé ou classe importée)."),
            Lang::En => format!("main.py writes “{written}”: “{wanted}” is not a Python name it can use here (a space, an accent, a keyword or an imported class)."),
        })
    })
}
