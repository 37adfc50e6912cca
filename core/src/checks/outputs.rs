//! Outputs that print a secret.
//!
//! Source: Terraform's output values (`sensitive = true` keeps a value out of the CLI's
//! output; it stays in the state). What counts as a secret: an instance's `password_data`,
//! the user data of an instance whose script holds a secret, and literal text that looks
//! like one (see [`super::user_data::find_secret`]).

use super::catalog::*;
use super::user_data::find_secret;
use super::{t, Cx, Sink};
use crate::model::{Resource, TerraformOutput};
use crate::value::OutputValue;

fn secret_in(cx: &Cx, v: &OutputValue) -> bool {
    match v {
        OutputValue::Ref(r) => match cx.target(r) {
            Some((_, Resource::Instance(inst))) => match r.attr.as_str() {
                "password_data" => true,
                "user_data" | "user_data_base64" => [&inst.user_data, &inst.user_data_base64]
                    .into_iter()
                    .flatten()
                    .any(|ud| find_secret(&ud.script).is_some()),
                _ => false,
            },
            _ => false,
        },
        OutputValue::Str(s) => find_secret(s).is_some(),
        OutputValue::List(items) => items.iter().any(|x| secret_in(cx, x)),
        OutputValue::Map(m) => m.values().any(|x| secret_in(cx, x)),
        OutputValue::Number(_) | OutputValue::Bool(_) => false,
    }
}

pub(super) fn check(cx: &Cx, sink: &mut Sink, i: usize, o: &TerraformOutput) {
    if o.sensitive != Some(true) && secret_in(cx, &o.value) {
        sink.push(
            &OUTPUT_SECRET,
            i,
            "value",
            t(
                "Cette sortie affiche un secret en clair à chaque « cdktf deploy » et « cdktf output », et dans les journaux de CI.",
                "This output prints a secret in plain text at every \"cdktf deploy\" and \"cdktf output\", and in CI logs.",
            ),
            t(
                "Ajoutez sensitive=True à la TerraformOutput (le secret reste lisible dans l'état Terraform : protégez-le aussi).",
                "Add sensitive=True to the TerraformOutput (the secret stays readable in the Terraform state: protect that too).",
            ),
        );
    }
}
