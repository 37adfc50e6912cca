use super::*;
use crate::load_stack;

fn lab() -> Stack {
    load_stack(include_str!("../../../tests/fixtures/ec2-lab/stack.json")).expect("lab loads")
}

fn string(s: &str, depth: usize, heredoc: bool) -> String {
    string_expr(s, "t", depth, heredoc).expect("a template").to_string()
}

fn heredoc(s: &str) -> Option<String> {
    heredoc_expr(s, 1).map(|e| e.to_string())
}

#[test]
fn the_lab_has_one_block_per_construct_and_references_as_expressions() {
    let tf = main_tf(&lab(), &SynthOptions::new("/home/learner/ec2-lab")).expect("hcl");
    let heads: Vec<&str> = tf.lines().filter(|l| l.ends_with('{') && !l.starts_with(' ')).collect();
    assert_eq!(
        heads,
        [
            "terraform {",
            "provider \"aws\" {",
            "data \"aws_ami\" \"amazon_linux\" {",
            "resource \"aws_security_group\" \"web_sg\" {",
            "resource \"aws_key_pair\" \"deployer\" {",
            "resource \"aws_instance\" \"web\" {",
            "resource \"aws_ebs_volume\" \"data\" {",
            "resource \"aws_volume_attachment\" \"data_attach\" {",
            "output \"public_ip\" {",
            "output \"instance_id\" {",
        ]
    );
    assert!(
        tf.contains("  ami                    = data.aws_ami.amazon_linux.id\n"),
        "{tf}"
    );
    assert!(tf.contains("  vpc_security_group_ids = [aws_security_group.web_sg.id]\n"));
    assert!(tf.contains("  user_data = <<-EOT\n    #!/bin/bash\n    yum update -y\n"));
    assert!(tf.contains("\n  EOT\n"));
    assert!(tf.contains("  root_block_device {\n    delete_on_termination = true\n"));
    assert!(tf.contains("  backend \"local\" {\n    path = \"/home/learner/ec2-lab/terraform.ec2-lab.tfstate\"\n  }\n"));
    assert!(tf.contains("    aws = {\n      source  = \"aws\"\n      version = \"6.25.0\"\n    }\n"));
    // Rules become ingress/egress blocks without the nulls the attribute form needs.
    assert_eq!(tf.matches("  ingress {\n").count(), 2);
    assert!(!tf.contains("null"));
    assert!(tf.ends_with("output \"instance_id\" {\n  value = aws_instance.web.id\n}\n"));
}

#[test]
fn a_relative_project_dir_gives_a_state_beside_main_tf() {
    let tf = main_tf(&lab(), &SynthOptions::new(".")).expect("hcl");
    assert!(tf.contains("    path = \"terraform.ec2-lab.tfstate\"\n"), "{tf}");
}

#[test]
fn synth_errors_pass_through() {
    let mut stack = lab();
    stack.name = "a b".into();
    let err = main_tf(&stack, &SynthOptions::new(".")).expect_err("whitespace in the name");
    assert!(matches!(err, HclError::Synth(SynthError::InvalidStackName { .. })));
}

#[test]
fn a_lone_interpolation_is_written_bare() {
    assert_eq!(string("${aws_instance.web.id}", 1, false), "aws_instance.web.id");
    assert_eq!(string("${data.aws_ami.x.id}", 1, true), "data.aws_ami.x.id");
}

#[test]
fn literals_and_templates_stay_quoted_with_their_escapes() {
    assert_eq!(string("plain", 1, false), "\"plain\"");
    assert_eq!(string("say \"hi\" \\ \t", 1, false), "\"say \\\"hi\\\" \\\\ \\t\"");
    assert_eq!(string("a${x}b", 1, false), "\"a${x}b\"");
    // JSON `$${x}` is the literal `${x}`; HCL writes it the same way.
    assert_eq!(string("$${x}", 1, false), "\"$${x}\"");
    assert_eq!(string("%%{y}", 1, false), "\"%%{y}\"");
    assert_eq!(string("nul\u{0}", 1, false), "\"nul\\u0000\"");
}

#[test]
fn a_marker_after_a_marker_is_escaped_too() {
    // JSON "$$${y}" is the literal `$${y}`; hcl-primitives alone would write "$${y}" after
    // an earlier marker (see `literal_elements`).
    assert_eq!(string("$$${y}", 1, false), "\"$$${y}\"");
    assert_eq!(string("$${a} $$${b}", 1, false), "\"$${a} $$${b}\"");
    assert_eq!(string("${a} $$${b}", 1, false), "\"${a} $$${b}\"");
    assert_eq!(
        heredoc(
            "echo $${HOME} %%{x} $$${y}\nnext\n"
                .replace("$$", "$")
                .replace("%%", "%")
                .as_str()
        ),
        Some("<<-EOT\n    echo $${HOME} %%{x} $$${y}\n    next\n  EOT".to_owned())
    );
}

#[test]
fn a_string_terraform_cannot_read_is_refused() {
    for bad in ["${", "%{if x}", "${a${b}}", "x ${ y"] {
        let err = string_expr(bad, "resource.aws_instance.web.tags[\"a\"]", 1, false).expect_err(bad);
        let HclError::InvalidTemplate { path, text, .. } = &err else {
            panic!("{err:?}");
        };
        assert_eq!(path, "resource.aws_instance.web.tags[\"a\"]");
        assert_eq!(text, bad);
        assert!(err.message(Lang::Fr).contains("n'est pas un template Terraform"));
    }
}

#[test]
fn multi_line_text_becomes_an_indented_heredoc_when_the_indentation_allows() {
    assert_eq!(heredoc("a\nb\n").as_deref(), Some("<<-EOT\n    a\n    b\n  EOT"));
    // Blank lines are left as they are: HCL neither counts nor strips them.
    assert_eq!(
        heredoc("a\n\n   \nb\n").as_deref(),
        Some("<<-EOT\n    a\n\n   \n    b\n  EOT")
    );
    // A line's own indentation is kept when another line starts at column 0.
    assert_eq!(
        heredoc("if x\n\tthen\n  y\n").as_deref(),
        Some("<<-EOT\n    if x\n    \tthen\n      y\n  EOT")
    );
}

#[test]
fn heredocs_fall_back_to_column_zero_then_to_a_quoted_string() {
    // Every line indented: `<<-` would strip their own indentation.
    assert_eq!(heredoc("  a\n  b\n").as_deref(), Some("<<EOT\n  a\n  b\nEOT"));
    // A combining mark would join the indentation's last space.
    assert_eq!(heredoc("\u{301}a\nb\n").as_deref(), Some("<<EOT\n\u{301}a\nb\nEOT"));
    // A heredoc always ends with a line break; one line reads better quoted; no CR.
    assert_eq!(heredoc("a\nb"), None);
    assert_eq!(heredoc("one\n"), None);
    assert_eq!(heredoc("dos\r\nline\r\n"), None);
    assert_eq!(string("a\nb", 1, true), "\"a\\nb\"");
}

#[test]
fn the_delimiter_is_one_the_text_does_not_hold() {
    assert_eq!(heredoc("EOT\nx\n").as_deref(), Some("<<-EOF\n    EOT\n    x\n  EOF"));
    assert_eq!(
        heredoc("EOT EOF\nx\n").as_deref(),
        Some("<<-SCRIPT\n    EOT EOF\n    x\n  SCRIPT")
    );
}

#[test]
fn base64encode_takes_a_heredoc_argument() {
    let s = "${base64encode(\"#!/bin/bash\\necho $${HOME} $HOME\\n\")}";
    assert_eq!(
        string(s, 1, true),
        "base64encode(<<-EOT\n    #!/bin/bash\n    echo $${HOME} $HOME\n  EOT\n  )"
    );
    // One line: the call as cdktf wrote it.
    assert_eq!(
        string("${base64encode(\"echo hi\")}", 1, true),
        "base64encode(\"echo hi\")"
    );
}

#[test]
fn object_keys_are_bare_only_when_hcl_reads_them_as_the_same_string() {
    let tags = serde_json::json!({"Name": "a", "two words": "b", "for": "c", "${x}": "d", "$${y}": "e", "été": "f"});
    let text = value_expr(&tags, "tags", 1, false).expect("object").to_string();
    assert_eq!(
        text,
        "{\n    Name        = \"a\"\n    \"two words\" = \"b\"\n    \"for\"       = \"c\"\n    \"${x}\"      = \"d\"\n    \"$${y}\"     = \"e\"\n    \"été\"       = \"f\"\n  }"
    );
}

#[test]
fn equals_align_over_runs_of_one_line_attributes() {
    assert_eq!(align(&[Some(3), Some(13), None, Some(1), Some(4)]), [11, 1, 1, 4, 1]);
    assert_eq!(align(&[]), Vec::<usize>::new());
}

#[test]
fn empty_rule_lists_stay_attributes() {
    let tf = serde_json::json!({
        "resource": {"aws_security_group": {"sg": {"egress": [], "ingress": [], "name": "x"}}}
    });
    let text = tf_json_to_hcl(&tf, &[]).expect("hcl");
    assert_eq!(
        text,
        "resource \"aws_security_group\" \"sg\" {\n  egress  = []\n  ingress = []\n  name    = \"x\"\n}\n"
    );
}

#[test]
fn lists_of_objects_and_long_lists_take_one_line_each() {
    let v = serde_json::json!([{"a": 1}, "x"]);
    assert_eq!(
        value_expr(&v, "v", 1, false).expect("list").to_string(),
        "[\n    {\n      a = 1\n    },\n    \"x\",\n  ]"
    );
    let long: Vec<String> = (0..9).map(|i| format!("sg-000000000{i}")).collect();
    let text = value_expr(&serde_json::json!(long), "v", 0, false)
        .expect("list")
        .to_string();
    assert!(text.starts_with("[\n  \"sg-0000000000\",\n"), "{text}");
}

#[test]
fn json_the_synth_never_writes_is_reported() {
    let err = tf_json_to_hcl(&serde_json::json!({"variable": {}}), &[]).expect_err("unknown key");
    assert_eq!(
        err,
        HclError::Unexpected {
            path: "variable".into(),
            what: "a top-level key main.tf does not write".into()
        }
    );
    let err = tf_json_to_hcl(&serde_json::json!({"resource": {"t": {"n": {"a b": 1}}}}), &[]).expect_err("bad name");
    assert!(matches!(err, HclError::Unexpected { ref path, .. } if path == "resource.t.n.a b"));
}

/// The text of a quoted string or quoted template made of literals only, read back by
/// hcl-edit's parser.
fn read_back(text: &str) -> Option<String> {
    match hcl_edit::parser::parse_expr(text).ok()? {
        Expression::String(s) => Some(s.value().clone()),
        Expression::StringTemplate(t) => literal(&Template::from(t)),
        _ => None,
    }
}

proptest::proptest! {
    /// Any literal (markers escaped as `$${` and `%%{`, as JSON needs them to be read as
    /// literals) is written as a quoted string that reads back as the same text.
    #[test]
    fn quoted_literals_read_back_as_written(
        s in proptest::string::string_regex("([a-z\"\\\\\t\r\n\u{0}\u{7f}\u{85}\u{2028}é😀 ]|\\$|%|\\{|\\}|\\$\\$\\{|EOT){0,24}").expect("regex")
    ) {
        let json = s.replace("${", "$${").replace("%{", "%%{");
        let text = string(&json, 1, false);
        proptest::prop_assert_eq!(read_back(&text), Some(s.clone()), "{:?} written {}", json, text);
    }
}

#[test]
fn the_terraform_block_keeps_its_strings_as_text() {
    let tf = main_tf(&lab(), &SynthOptions::new("/tmp/${x}/%{y}")).expect("hcl");
    assert!(
        tf.contains("    path = \"/tmp/$${x}/%%{y}/terraform.ec2-lab.tfstate\"\n"),
        "{tf}"
    );
}

#[test]
fn output_descriptions_stay_text() {
    let tf = serde_json::json!({"output": {"o": {"description": "${x} %{y}", "value": "${aws_instance.a.id}"}}});
    assert_eq!(
        tf_json_to_hcl(&tf, &[]).expect("hcl"),
        "output \"o\" {\n  description = \"$${x} %%{y}\"\n  value       = aws_instance.a.id\n}\n"
    );
}

#[test]
fn a_line_break_in_a_quoted_string_of_an_interpolation_is_refused() {
    for bad in [
        "${base64encode(\"a\rb\")}",
        "${base64encode(\"a\nb\")}",
        "x ${f(\"\r\")}",
    ] {
        let err = string_expr(bad, "p", 1, true).expect_err(bad);
        assert!(
            matches!(err, HclError::InvalidTemplate { ref reason, .. } if reason.contains("line break")),
            "{err:?}"
        );
    }
    // Escaped, or outside the quotes, it is not refused here.
    assert_eq!(string("${base64encode(\"a\\rb\")}", 1, true), "base64encode(\"a\\rb\")");
    assert!(has_line_break_in_quotes("f(\"\\\"\n\")"));
    assert!(!has_line_break_in_quotes("f(\"\\\\\")\n"));
}
