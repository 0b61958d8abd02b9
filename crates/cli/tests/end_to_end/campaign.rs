//! A whole invitation campaign against a real SMTP server: a list imported, its focal points
//! invited, the email received, the link making a focal point's account, a verified
//! contribution shown as such; and a password reset by email. Every link in the email is built
//! from the instance's public URL, whatever Host header a request carries.

use crate::common;

use crate::common::{SmtpSink, Workspace, cookie_named, hidden_csrf, no_redirects, spawn_serve_with, stderr, stdout};
use reqwest::StatusCode;
use reqwest::header::{COOKIE, HOST, LOCATION};

/// The public URL the instance is configured with; the tests reach it at its loopback address.
const PUBLIC: &str = "https://consultations.example.org";

/// The text of a quoted-printable body.
fn quoted_printable(raw: &str) -> String {
    let joined = raw.replace("=\r\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' && i + 2 < bytes.len() {
            if let Ok(byte) = u8::from_str_radix(&joined[i + 1..i + 3], 16) {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The first address in `text` that starts with `prefix`.
fn link(text: &str, prefix: &str) -> String {
    let at = text.find(prefix).unwrap_or_else(|| panic!("a link {prefix} in {text}"));
    text[at..].split_whitespace().next().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn a_campaign_reaches_the_focal_point_whose_contribution_is_then_verified() {
    let sink = SmtpSink::start();
    let ws = Workspace::new();
    ws.create_open_consultation("open");
    let list = ws.write(
        "ecosoc.csv",
        "entity,stakeholder_group,country,focal_point_email,focal_point_name,language\n\
         Example Réseau Sénégal,civil_society,SN,Awa@Example.org,Awa Diop,fr\n\
         Example Chamber,private_sector,BR,,,\n"
            .as_bytes(),
    );
    let imported = ws.run(&["list", "import", list.to_str().expect("path"), "--list", "ecosoc"]);
    assert!(imported.status.success(), "{}", stderr(&imported));
    assert!(stdout(&imported).contains("2 entities (2 new), 1 focal points"), "{}", stdout(&imported));

    let without_public_url = ws.run(&["serve", "--addr", "127.0.0.1:0", "--smtp", &sink.url]);
    assert!(!without_public_url.status.success(), "email needs a public URL");
    assert!(stderr(&without_public_url).contains("--public-url"), "{}", stderr(&without_public_url));
    let app = spawn_serve_with(
        &ws.db,
        &["--smtp", &sink.url, "--mail-from", "Secretariat <consultations@example.org>", "--public-url", PUBLIC],
    );
    // The link of a message, made to reach the test server rather than the public address.
    let local = |link: String| link.replacen(PUBLIC, &app.url, 1);
    // Without the public address, nothing is sent: the links would lead nowhere.
    let local_links = ws.run(&["invite", "--consultation", "open", "--list", "ecosoc"]);
    assert!(!local_links.status.success());
    assert!(stderr(&local_links).contains("--base-url"), "{}", stderr(&local_links));
    let invited =
        ws.run(&["invite", "--consultation", "open", "--list", "ecosoc", "--region", "african", "--base-url", PUBLIC]);
    assert!(invited.status.success(), "{}", stderr(&invited));
    assert!(stdout(&invited).contains("1 invitation queued"), "{}", stdout(&invited));

    let messages = sink.wait_for(1);
    assert_eq!(messages.len(), 1, "one email arrives at the SMTP server");
    let message = &messages[0];
    assert!(message.contains("To: awa@example.org"), "{message}");
    assert!(message.contains("From: Secretariat <consultations@example.org>"), "{message}");
    let body = quoted_printable(message);
    assert!(body.contains("Le secrétariat invite Example Réseau Sénégal"), "written in French: {body}");
    let invitation = local(link(&body, &format!("{PUBLIC}/invitations/")));

    // The link opens the form that makes the account.
    let page = no_redirects().get(&invitation).send().await.expect("invitation page");
    assert_eq!(page.status(), StatusCode::OK);
    let form_cookie = cookie_named(&page, "consulta_signin").expect("the form's cookie");
    let html = page.text().await.expect("HTML");
    assert!(html.contains("Example Réseau Sénégal") && html.contains("awa@example.org"));
    let csrf = hidden_csrf(&html);
    let short = no_redirects()
        .post(&invitation)
        .header(COOKIE, &form_cookie)
        .form(&[("csrf", csrf.as_str()), ("name", "Awa Diop"), ("password", "short")])
        .send()
        .await
        .expect("answer");
    assert_eq!(short.status(), StatusCode::UNPROCESSABLE_ENTITY, "a short password is refused on the page");
    let accepted = no_redirects()
        .post(&invitation)
        .header(COOKIE, &form_cookie)
        .form(&[("csrf", csrf.as_str()), ("name", "Awa Diop"), ("password", "une phrase assez longue")])
        .send()
        .await
        .expect("answer");
    assert_eq!(accepted.status(), StatusCode::SEE_OTHER);
    assert_eq!(accepted.headers()[LOCATION].to_str().expect("location"), "/consultations/open#contribute");
    let session = cookie_named(&accepted, "consulta_session").expect("signed in");

    // Signed in as the focal point, the form sends in the entity's name, verified.
    let page = no_redirects()
        .get(format!("{}/consultations/open", app.url))
        .header(COOKIE, &session)
        .send()
        .await
        .expect("page");
    let html = page.text().await.expect("HTML");
    assert!(html.contains("You contribute as Example Réseau Sénégal"));
    let form = reqwest::multipart::Form::new()
        .text("csrf", hidden_csrf(&html))
        .text("email", "awa@example.org")
        .text("language", "fr")
        .text("title", "Contribution du réseau")
        .text("body", "Texte d'exemple, inventé pour un test.");
    let sent = no_redirects()
        .post(format!("{}/consultations/open/contribute", app.url))
        .header(COOKIE, &session)
        .multipart(form)
        .send()
        .await
        .expect("answer");
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    let receipt = sent.headers()[LOCATION].to_str().expect("location").to_owned();
    let id = receipt.split('/').nth(2).expect("an id").to_owned();
    let public =
        reqwest::get(format!("{}/contributions/{id}", app.url)).await.expect("page").text().await.expect("HTML");
    assert!(public.contains("Verified"), "the public page shows it verified");
    assert!(public.contains("Example Réseau Sénégal"));

    // The contributor is acknowledged by email, with the receipt attached and a link built from
    // the public address.
    let messages = sink.wait_for(2);
    let acknowledgement = quoted_printable(&messages[1]);
    assert!(acknowledgement.contains("To: awa@example.org"), "{acknowledgement}");
    assert!(acknowledgement.contains(&format!("Contribution: {id}")), "{acknowledgement}");
    assert!(acknowledgement.contains("Sent for: Example Réseau Sénégal"), "{acknowledgement}");
    assert!(acknowledgement.contains(&format!("{PUBLIC}/contributions/{id}/receipt")), "{acknowledgement}");
    assert!(
        acknowledgement.contains(&format!("Content-Disposition: attachment; filename=\"receipt-{id}.json\"")),
        "{acknowledgement}"
    );
    assert!(acknowledgement.contains(&format!("\"id\": {id},")), "the receipt itself: {acknowledgement}");

    // The link worked once.
    let again = no_redirects().get(&invitation).send().await.expect("answer");
    assert_eq!(again.status(), StatusCode::GONE);
    assert!(again.text().await.expect("HTML").contains("already used"));
    let unknown =
        no_redirects().get(format!("{}/invitations/{}", app.url, "0".repeat(64))).send().await.expect("answer");
    assert_eq!(unknown.status(), StatusCode::GONE);

    // The secretariat sees the message as sent.
    let admin_password = "correct horse battery staple";
    let created = std::process::Command::new(common::CONSULTA)
        .arg("--db")
        .arg(&ws.db)
        .args(["admin", "create", "--email", "secretariat@example.org", "--name", "Secretariat Officer"])
        .env("CONSULTA_PASSWORD", admin_password)
        .output()
        .expect("consulta runs");
    assert!(created.status.success(), "{}", stderr(&created));
    let login = no_redirects().get(format!("{}/login", app.url)).send().await.expect("page");
    let login_cookie = cookie_named(&login, "consulta_signin").expect("cookie");
    let csrf = hidden_csrf(&login.text().await.expect("HTML"));
    let signed = no_redirects()
        .post(format!("{}/login", app.url))
        .header(COOKIE, &login_cookie)
        .form(&[("csrf", csrf.as_str()), ("email", "secretariat@example.org"), ("password", admin_password)])
        .send()
        .await
        .expect("answer");
    let secretariat = cookie_named(&signed, "consulta_session").expect("signed in");
    let outbox =
        no_redirects().get(format!("{}/admin/mail", app.url)).header(COOKIE, &secretariat).send().await.expect("page");
    let html = outbox.text().await.expect("HTML");
    assert!(html.contains("awa@example.org") && html.contains("class=\"mail-sent\""), "{html}");

    // A forgotten password: a link by email, used once, and the old password no longer opens.
    let page = no_redirects().get(format!("{}/password-reset", app.url)).send().await.expect("page");
    let reset_cookie = cookie_named(&page, "consulta_signin").expect("cookie");
    let csrf = hidden_csrf(&page.text().await.expect("HTML"));
    let asked = no_redirects()
        .post(format!("{}/password-reset", app.url))
        .header(HOST, "evil.example")
        .header(COOKIE, &reset_cookie)
        .form(&[("csrf", csrf.as_str()), ("email", "AWA@example.org")])
        .send()
        .await
        .expect("answer");
    assert_eq!(asked.status(), StatusCode::OK);
    let messages = sink.wait_for(3);
    let body = quoted_printable(&messages[2]);
    assert!(!body.contains("evil.example"), "the Host header never makes a link: {body}");
    let reset = local(link(&body, &format!("{PUBLIC}/password-reset/")));
    let page = no_redirects().get(&reset).header(COOKIE, &reset_cookie).send().await.expect("page");
    let csrf = hidden_csrf(&page.text().await.expect("HTML"));
    let changed = no_redirects()
        .post(&reset)
        .header(COOKIE, &reset_cookie)
        .form(&[("csrf", csrf.as_str()), ("password", "a brand new passphrase")])
        .send()
        .await
        .expect("answer");
    assert_eq!(changed.headers()[LOCATION].to_str().expect("location"), "/login?reset=1");
    let ended = no_redirects()
        .get(format!("{}/consultations/open", app.url))
        .header(COOKIE, &session)
        .send()
        .await
        .expect("page");
    assert!(!ended.text().await.expect("HTML").contains("You contribute as"), "the old session has ended");
    let reused = no_redirects()
        .post(&reset)
        .header(COOKIE, &reset_cookie)
        .form(&[("csrf", csrf.as_str()), ("password", "yet another passphrase")])
        .send()
        .await
        .expect("answer");
    assert_eq!(reused.status(), StatusCode::GONE, "a reset link works once");
}
