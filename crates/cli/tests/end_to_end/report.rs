//! The synthesis report through the binary: the demo loaded with `load-demo`, the report in
//! Markdown in both languages, the DOCX opened and converted by LibreOffice (headless), and the
//! PDF's first page turned into an image by pdftoppm. When CI=true a missing LibreOffice or
//! poppler fails the test; elsewhere it is skipped with a loud message.

use std::path::Path;
use std::process::Command;

use crate::common::{Workspace, stderr, stdout};

const SLUG: &str = "enhanced-cooperation-2010";

fn demo_workspace() -> Workspace {
    let workspace = Workspace::new();
    let output = workspace.run(&["load-demo"]);
    assert!(output.status.success(), "{}", stderr(&output));
    workspace
}

/// Whether a tool the test needs is here; CI must have it.
fn have(tool: &str) -> bool {
    let found =
        std::env::var_os("PATH").is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(tool).is_file()));
    if !found {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI needs {tool} (Debian: libreoffice-writer, poppler-utils)"
        );
        eprintln!("\n*** SKIPPED: {tool} is not installed; install libreoffice-writer and poppler-utils ***\n");
    }
    found
}

fn pdf_text(pdf: &Path) -> String {
    let output = Command::new("pdftotext").arg("-layout").arg(pdf).arg("-").output().expect("pdftotext runs");
    assert!(output.status.success(), "pdftotext: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Renders the first page as PNG and checks it is a real, non-blank image.
fn first_page_renders(pdf: &Path) {
    let prefix = pdf.with_extension("page");
    let output = Command::new("pdftoppm")
        .args(["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile"])
        .arg(pdf)
        .arg(&prefix)
        .output()
        .expect("pdftoppm runs");
    assert!(output.status.success(), "pdftoppm: {}", String::from_utf8_lossy(&output.stderr));
    let png = std::fs::read(format!("{}.png", prefix.display())).expect("the page image");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG");
    assert!(png.len() > 5_000, "a page with something on it ({} bytes)", png.len());
}

#[test]
fn the_report_in_markdown_carries_the_seeds_table_in_both_languages() {
    let workspace = demo_workspace();
    for (language, rows) in [
        ("fr", ["| Gouvernements | 11 | 13 | 8 | 32 |", "| Société civile | 32 | 7 | 3 | 42 |"]),
        ("en", ["| Governments | 11 | 13 | 8 | 32 |", "| Civil society | 32 | 7 | 3 | 42 |"]),
    ] {
        let output = workspace.run(&["report", "--consultation", SLUG, "--lang", language, "--format", "md"]);
        assert!(output.status.success(), "{}", stderr(&output));
        let markdown = stdout(&output);
        for row in rows {
            assert!(markdown.contains(row), "{language}: {row}");
        }
        assert!(markdown.contains("| **Total** | **59** | **26** | **13** | **98** |"));
        assert!(markdown.contains("(<https://undocs.org/A/RES/65/141>)"), "citations are linked");
    }
    let unknown = workspace.run(&["report", "--consultation", "nope", "--format", "md"]);
    assert!(!unknown.status.success());
    assert!(stderr(&unknown).contains(SLUG), "the error lists the known consultations");
}

#[test]
fn the_docx_opens_in_libreoffice_and_the_pdf_renders() {
    if !consulta_report::pdf::fonts_here_for_tests() {
        return;
    }
    let workspace = demo_workspace();
    let dir = workspace.dir.path();
    let docx = dir.join("report.docx");
    let pdf = dir.join("report.pdf");
    for (format, path) in [("docx", &docx), ("pdf", &pdf)] {
        let output = workspace.run(&[
            "report",
            "--consultation",
            SLUG,
            "--lang",
            "fr",
            "--format",
            format,
            "--output",
            path.to_str().expect("path"),
        ]);
        assert!(output.status.success(), "{}", stderr(&output));
    }

    if have("pdftoppm") {
        first_page_renders(&pdf);
        let text = pdf_text(&pdf);
        for expected in ["Assemblée générale", "A/EXAMPLE/1–E/EXAMPLE/1", "Rapport du Secrétaire général", "Résumé"]
        {
            assert!(text.contains(expected), "{expected}: {text}");
        }
        assert!(text.contains("Gouvernements"), "accented French text survives");
        assert!(text.contains("Annexe"));
        no_caption_ends_a_page(&text);
    }

    if have("soffice") && have("pdftoppm") {
        let converted = dir.join("converted");
        let profile = dir.join("lo-profile");
        let output = Command::new("soffice")
            .arg(format!("-env:UserInstallation=file://{}", profile.display()))
            .args(["--headless", "--convert-to", "pdf", "--outdir"])
            .arg(&converted)
            .arg(&docx)
            .output()
            .expect("soffice runs");
        assert!(output.status.success(), "LibreOffice: {}", String::from_utf8_lossy(&output.stderr));
        let pdf = converted.join("report.pdf");
        assert!(pdf.exists(), "LibreOffice wrote no PDF: {}", String::from_utf8_lossy(&output.stdout));
        first_page_renders(&pdf);
        let text = pdf_text(&pdf);
        for expected in
            ["Rapport du Secrétaire général", "Gouvernements", "98", "Coûts d'interconnexion internationale"]
        {
            assert!(text.contains(expected), "LibreOffice's PDF lacks {expected:?}:\n{text}");
        }
        // Column headers wrap between words, never inside one.
        let words: Vec<&str> = text.split_whitespace().collect();
        for header_word in ["Observations", "Exposés", "présentés", "Interventions", "pendant", "débat"] {
            assert!(words.contains(&header_word), "“{header_word}” broken in LibreOffice's table:\n{text}");
        }
        no_caption_ends_a_page(&text);
    }
}

/// The report in each of the six UN languages: the PDF set with its fonts (pdftotext reads back
/// each language's own words, Arabic in the order written), its first page an image (kept under
/// CONSULTA_SCREENSHOTS when set); the DOCX declares its language and, in Arabic, the direction
/// of its paragraphs and runs.
#[test]
fn the_report_reads_in_the_six_languages() {
    if !consulta_report::pdf::fonts_here_for_tests() {
        return;
    }
    let workspace = demo_workspace();
    let dir = workspace.dir.path();
    for language in consulta_i18n::LANGUAGES {
        let localizer = consulta_i18n::Localizer::for_language(language).expect("language");
        let pdf = dir.join(format!("report-{language}.pdf"));
        let docx = dir.join(format!("report-{language}.docx"));
        for (format, path) in [("pdf", &pdf), ("docx", &docx)] {
            let path = path.to_str().expect("path");
            let args = ["report", "--consultation", SLUG, "--lang", language, "--format", format, "--output", path];
            let output = workspace.run(&args);
            assert!(output.status.success(), "{language} {format}: {}", stderr(&output));
        }
        let document = docx_part(&docx, "word/document.xml");
        let styles = docx_part(&docx, "word/styles.xml");
        assert!(styles.contains(&format!("<w:lang w:val=\"{language}\"")), "{language}: the DOCX names its language");
        // An Arabic report's pages, paragraphs and tables read right to left, its Arabic runs
        // marked so; the others' pages left to right.
        let right_to_left = document.contains("<w:bidi/></w:sectPr>");
        assert_eq!(right_to_left, language == "ar", "{language}");
        if language == "ar" {
            assert!(document.contains("<w:rtl/>") && document.contains("<w:bidiVisual/>"));
        }
        if !have("pdftotext") {
            continue;
        }
        // pdftotext marks right-to-left runs with embedding controls and places the punctuation
        // between them as it guesses; Arabic writers put a tanwin before or after its alif: the
        // words, each letter in the order written, are what counts.
        let plain = |text: &str| -> String {
            text.chars()
                .filter(|c| !('\u{202a}'..='\u{202e}').contains(c) && !('\u{64b}'..='\u{652}').contains(c))
                .collect()
        };
        let text = plain(&pdf_text(&pdf));
        let words: Vec<&str> = text.split_whitespace().collect();
        for key in ["report-of-the-secretary-general", "group-government", "report-section-organisation"] {
            let expected = plain(&localizer.text(key));
            for word in expected.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)) {
                assert!(
                    words.iter().any(|w| w.contains(word)),
                    "{language}: the PDF's text lacks {word:?} of {expected:?}:\n{text}"
                );
            }
        }
        if language == "ar" {
            // A whole sentence reads back in the order written.
            assert!(text.contains("يعرض هذا التقرير نتائج المشاورة المفتوحة"), "{text}");
        }
        if let Ok(keep) = std::env::var("CONSULTA_SCREENSHOTS") {
            std::fs::create_dir_all(&keep).expect("screenshot directory");
            let page = std::path::Path::new(&keep).join(format!("report-{language}.pdf"));
            std::fs::copy(&pdf, &page).expect("kept");
            first_page_renders(&page);
        } else {
            first_page_renders(&pdf);
        }
    }
}

fn docx_part(docx: &Path, part: &str) -> String {
    let file = std::fs::File::open(docx).expect("the DOCX");
    let mut archive = zip::ZipArchive::new(file).expect("a zip");
    let mut entry = archive.by_name(part).expect("the part");
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut entry, &mut xml).expect("UTF-8");
    xml
}

/// No page of a rendered report ends with a table's caption, stranded away from its table.
fn no_caption_ends_a_page(text: &str) {
    for (n, page) in text.split('\u{c}').enumerate() {
        let Some(last) = page.lines().rev().map(str::trim).find(|l| !l.is_empty()) else { continue };
        let caption = last.starts_with("Répartition des contributions")
            || last.starts_with("Contributions par")
            || last.starts_with("Questions soulevées")
            || last.starts_with("Auteurs de contributions (");
        assert!(!caption, "page {} ends with a caption: {last}", n + 1);
    }
}

/// The report is a UN document: organs, symbol, session and agenda item, "Report of the
/// Secretary-General", a Summary and conclusions as the secretariat set them; contributors cited
/// by name; links only to the configured public address.
#[test]
fn the_report_is_a_un_document_that_names_its_contributors() {
    let workspace = demo_workspace();
    let details = workspace.write(
        "details.json",
        br#"{"symbol": "A/EX/2", "addressees": [{"organ": "general_assembly", "session": {"en": "Example session"},
            "item": {"en": "Item 9"}, "item_title": {"en": "Example item"}}],
            "summary": {"en": "An invented summary."}, "conclusions": {"en": "First.\n\nSecond."}}"#,
    );
    let set = workspace.run(&["report-details", "--consultation", SLUG, "--set", details.to_str().expect("path")]);
    assert!(set.status.success(), "{}", stderr(&set));
    let shown = stdout(&workspace.run(&["report-details", "--consultation", SLUG]));
    assert!(shown.contains("\"A/EX/2\""), "{shown}");
    let report = |extra: &[&str]| {
        let mut args = vec!["report", "--consultation", SLUG, "--lang", "en", "--format", "md"];
        args.extend_from_slice(extra);
        let output = workspace.run(&args);
        assert!(output.status.success(), "{}", stderr(&output));
        stdout(&output)
    };
    let markdown = report(&[]);
    for expected in
        ["**General Assembly**", "**A/EX/2**", "Example session", "Item 9", "Report of the Secretary-General"]
    {
        assert!(markdown.contains(expected), "{expected}: {markdown}");
    }
    assert!(markdown.contains("> An invented summary."), "{markdown}");
    let conclusions = &markdown[markdown.find("## V. Conclusions").expect("a conclusions chapter")..];
    assert!(conclusions.contains(". First.") && conclusions.contains(". Second."), "{conclusions}");
    let issues = &markdown[markdown.find("## III.").expect("issues")..markdown.find("## IV.").expect("mechanisms")];
    let by_number = issues.match_indices('#').any(|(at, _)| issues[at + 1..].starts_with(|c: char| c.is_ascii_digit()));
    assert!(!by_number, "contributions cited by contributor, not by number: {issues}");
    assert!(issues.contains("Fictional Republic of"), "{issues}");
    assert!(!markdown.contains("127.0.0.1") && !markdown.contains("/contributions/"), "no public address, no links");
    let linked = report(&["--public-url", "https://consultations.example.org"]);
    assert!(linked.contains("](<https://consultations.example.org/contributions/"), "{linked}");

    let bad = workspace.write("bad.json", br#"{"symbol": "A/EX/2", "addressees": [{"organ": "security_council"}]}"#);
    let refused = workspace.run(&["report-details", "--consultation", SLUG, "--set", bad.to_str().expect("path")]);
    assert!(!refused.status.success());
    assert!(stderr(&refused).contains("bad.json, line 1, column"), "{}", stderr(&refused));
    assert!(stdout(&workspace.run(&["report-details", "--consultation", SLUG])).contains("A/EX/2"), "unchanged");
}

/// A consultation of more contributors than a report can list sends its annex to a file of its
/// own, which the report names.
#[test]
fn a_long_annex_is_a_separate_file() {
    let workspace = Workspace::new();
    workspace.create_consultation("many", "2010-09-01", "2010-12-31");
    let mut csv = String::from("entity,stakeholder_group,country,channel,submitted_at,language,title,body,meeting\n");
    for n in 0..1001 {
        csv += &format!("Example Organisation {n},civil_society,KE,written,2010-10-01,en,Views {n},Example text,\n");
    }
    let file = workspace.write("many.csv", csv.as_bytes());
    workspace.import(&file, "many");
    let out = workspace.dir.path().join("report.md");
    let output =
        workspace.run(&["report", "--consultation", "many", "--format", "md", "-o", out.to_str().expect("path")]);
    assert!(output.status.success(), "{}", stderr(&output));
    let markdown = std::fs::read_to_string(&out).expect("the report");
    assert!(
        markdown.contains("The 1001 contributors are listed in a separate file, many-contributors-en.csv"),
        "{markdown}"
    );
    assert!(!markdown.contains("Example Organisation 1000 |"), "the annex is not in the report");
    let annex = std::fs::read_to_string(workspace.dir.path().join("many-contributors-en.csv")).expect("the annex file");
    assert_eq!(annex.lines().count(), 1002, "a header and every contributor");
    assert!(annex.starts_with("Contributor,Stakeholder group,Country,"), "{}", &annex[..80]);
}

/// `consulta tags evaluate` says how the issue classifier does on tagged contributions it did
/// not learn from: precision, recall, and the calibration of its stated probabilities.
#[test]
fn the_classifier_is_evaluated_on_held_out_contributions() {
    let workspace = demo_workspace();
    let output = workspace.run(&["tags", "evaluate"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("Trained on 98 tagged contributions"), "{text}");
    let figure = |label: &str| -> f64 {
        let at = text.find(label).unwrap_or_else(|| panic!("{label} in {text}"));
        text[at + label.len()..].split_whitespace().next().and_then(|n| n.parse().ok()).expect("a percentage")
    };
    let (precision, recall) = (figure("precision "), figure("recall "));
    assert!((0.0..=100.0).contains(&precision) && (0.0..=100.0).contains(&recall), "{text}");
    assert!(text.contains("Calibration (stated probability"), "{text}");
    assert!(text.lines().filter(|l| l.trim_start().starts_with(|c: char| c.is_ascii_digit())).count() >= 3, "{text}");
}
