//! The synthesis report through the binary: the demo loaded with `load-demo`, the report in
//! Markdown in both languages, the DOCX opened and converted by LibreOffice (headless), and the
//! PDF's first page turned into an image by pdftoppm. When CI=true a missing LibreOffice or
//! poppler fails the test; elsewhere it is skipped with a loud message.

mod common;

use std::path::Path;
use std::process::Command;

use common::{Workspace, stderr, stdout};

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
        assert!(text.contains("Projet de rapport de synthèse"), "{text}");
        assert!(text.contains("Gouvernements"), "accented French text survives");
        assert!(text.contains("Annexe"));
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
            ["Projet de rapport de synthèse", "Gouvernements", "98", "Coûts d'interconnexion internationale"]
        {
            assert!(text.contains(expected), "LibreOffice's PDF lacks {expected:?}:\n{text}");
        }
    }
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
