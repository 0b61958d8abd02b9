//! What each command does: parse its arguments, call the libraries, and say what happened in
//! the user's language.

use std::fs::File;
use std::io::{IsTerminal, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, anyhow, bail};
use consulta_blobs::{BlobStore, LocalBlobs};
use consulta_core::Role;
use consulta_core::time::{parse_date, zone_name};
use consulta_core::{Consultation, ConsultationDraft, DraftError, DraftProblem, Translation};
use consulta_export::{ArchiveProblem, OpenData, OpenDataSource, write_open_data};
use consulta_i18n::{Arg, Localizer};
use consulta_index::{IndexError, SearchIndex};
use consulta_intake::{ImportError, ImportOptions, import_contributions};
use consulta_report::{ReportFormat, TableFormat, distribution_table, render_report, render_table};
use consulta_store::heads::HeadJournal;
use consulta_store::log_key::LogSigner;
use consulta_store::{AuditActor, Database, NewAccount, Store, audited};
use consulta_web::{PublicUrl, WebConfig};
use indicatif::{ProgressBar, ProgressStyle};
use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::cli::{
    AddMeeting, AdminCommand, ChoiceArgs, Cli, Command, ConsultationCommand, ContributionCommand, CreateAccount,
    CreateConsultation, ExportArgs, Format, ImportCommand, ImportContributions, ImportList, IndexCommand,
    InterfaceLanguage, InviteArgs, ListCommand, MeetingCommand, ReportArgs, ReportFileFormat, ReportKind, ServeArgs,
    TableArgs, TagsCommand, TranslateConsultation,
};
use crate::demo;

pub fn run(cli: Cli, localizer: &Localizer) -> anyhow::Result<()> {
    let database = Database::from_location(cli.db.expose());
    // Attachments: a directory, or an S3-compatible bucket (s3://bucket/prefix?endpoint=…).
    let files = cli.files.clone().unwrap_or_else(|| beside(&database, "files").display().to_string());
    let index = cli.index_dir.clone().unwrap_or_else(|| beside(&database, "index"));
    // The log's key and the journal of the heads it signs live outside the database.
    let log = LogFiles {
        key: cli.log_key.clone().unwrap_or_else(|| beside(&database, "log.key")),
        heads: cli.heads.clone().unwrap_or_else(|| beside(&database, "heads.jsonl")),
    };
    match cli.command {
        Command::Consultation(ConsultationCommand::Create(args)) => create_consultation(&database, *args, localizer),
        Command::Consultation(ConsultationCommand::Translate(args)) => translate(&database, args, localizer),
        Command::Consultation(ConsultationCommand::List) => list_consultations(&database, localizer),
        Command::Meeting(MeetingCommand::Add(args)) => add_meeting(&database, args, localizer),
        Command::Import(ImportCommand::Contributions(args)) => import(&database, args, localizer),
        Command::Table(args) => table(&database, args, localizer),
        Command::Report(args) => report(&database, args, localizer),
        Command::ReportDetails(args) => report_details(&database, args, localizer),
        Command::Serve(args) => {
            let outbox = args.outbox.clone().unwrap_or_else(|| default_outbox(&database, &files));
            let instance = Instance { database, blobs: open_blobs(&files)?, outbox, index, log };
            serve(instance, &args, Vec::new(), localizer)
        }
        Command::Index(IndexCommand::Rebuild) => rebuild_index(&database, &index, localizer),
        Command::Export(args) => export(&database, &*open_blobs(&files)?, &log, args, localizer),
        Command::Admin(AdminCommand::Create(args)) => create_account(&database, args, localizer),
        Command::List(ListCommand::Import(args)) => import_list(&database, args, localizer),
        Command::Invite(args) => invite(&database, args, localizer),
        Command::VerifyArchive(args) => verify_archive(&args.archive, localizer),
        Command::Backup(args) => {
            if !database.exists() {
                bail!(localizer.format("cli-no-database", &[("path", database.describe().into())]));
            }
            crate::backup::backup(&database, &*open_blobs(&files)?, &args.directory, localizer)
        }
        Command::Check => check_record(&database, &log, localizer),
        Command::SweepFiles(args) => sweep_files(&database, &*open_blobs(&files)?, &args, localizer),
        Command::Migrate(args) => crate::backup::migrate(&args.from, &args.to, localizer),
        Command::Restore(args) => {
            let blobs = open_blobs(&files)?;
            crate::backup::restore(&args.directory, &database, &*blobs, localizer)
        }
        Command::Demo(args) => run_demo(&args, localizer),
        Command::LoadDemo => {
            demo_loaded(&demo::load(&mut *open(&database)?, &*open_blobs(&files)?, Timestamp::now())?, localizer);
            Ok(())
        }
        Command::Verify(args) => verify_receipt(&args.receipt, &args.server, localizer),
        Command::Contribution(ContributionCommand::Withhold(args)) => {
            let reason = args.reason.trim();
            if reason.is_empty() {
                bail!("--reason: {}", localizer.text("import-missing"));
            }
            set_withheld(&database, args.id, Some(reason), localizer)
        }
        Command::Tags(TagsCommand::Evaluate) => evaluate_tags(&database, localizer),
        Command::Agreement(command) => crate::agreement::run(&database, command, localizer),
        Command::Campaigns(command) => crate::campaigns::run(&database, command, localizer),
        Command::Draft(command) => crate::draft::run(&database, command, localizer),
        Command::Body(command) => crate::body::run(&database, command, localizer),
        Command::FollowUp(command) => crate::follow_up::run(&database, command, localizer),
        Command::Forum(command) => crate::forum::run(&database, command, localizer),
        Command::ApiKey(command) => crate::api_keys::run(&database, command, localizer),
        Command::Contribution(ContributionCommand::Publish(args)) => set_withheld(&database, args.id, None, localizer),
        Command::Contribution(ContributionCommand::Attribute(args)) => {
            attribute(&database, args.id, args.entity.as_deref(), localizer)
        }
    }
}

/// Attributes an unverified contribution to a recorded entity, or takes the attribution back.
fn attribute(database: &Database, id: i64, entity: Option<&str>, localizer: &Localizer) -> anyhow::Result<()> {
    use consulta_store::audited::AttributionError;
    let mut store = open_existing(database, localizer)?;
    let id_arg = || Arg::Number(id as f64);
    match consulta_store::audited::attribute(&mut *store, consulta_core::ContributionId(id), entity, &command_line()) {
        Ok(Some(entity)) => {
            let args = [("id", id_arg()), ("entity", entity.name.as_str().into())];
            println!("{}", localizer.format("cli-attributed", &args));
            Ok(())
        }
        Ok(None) => {
            println!("{}", localizer.format("cli-attribution-cleared", &[("id", id_arg())]));
            Ok(())
        }
        Err(AttributionError::UnknownContribution(_)) => {
            bail!(localizer.format("cli-unknown-contribution", &[("id", id_arg())]))
        }
        Err(AttributionError::UnknownEntity(name)) => {
            bail!(localizer.format("cli-unknown-entity", &[("entity", name.into())]))
        }
        Err(AttributionError::Store(consulta_store::StoreError::NotAttributable(_))) => {
            bail!(localizer.format("attribution-refused", &[("id", id_arg())]))
        }
        Err(AttributionError::Store(error)) => Err(error.into()),
    }
}

fn open(database: &Database) -> anyhow::Result<consulta_store::PooledStore> {
    database.connect().with_context(|| database.describe())
}

/// Opens a database that must exist already: a mistyped --db path should not quietly give an
/// empty record.
pub(crate) fn open_existing(database: &Database, localizer: &Localizer) -> anyhow::Result<consulta_store::PooledStore> {
    if !database.exists() {
        bail!(localizer.format("cli-no-database", &[("path", database.describe().into())]));
    }
    open(database)
}

/// The consultation with this slug, or an error that lists the known ones.
pub(crate) fn find_consultation(store: &dyn Store, slug: &str, localizer: &Localizer) -> anyhow::Result<Consultation> {
    if let Some(consultation) = store.consultation_by_slug(slug)? {
        return Ok(consultation);
    }
    let known: Vec<String> = store.consultations()?.iter().map(|c| c.record.slug.to_string()).collect();
    let known = if known.is_empty() {
        localizer.text("cli-no-consultations")
    } else {
        localizer.format("cli-known-consultations", &[("list", known.join(", ").into())])
    };
    bail!(localizer.format("cli-unknown-consultation", &[("slug", slug.into()), ("known", known.into())]))
}

/// "--closes: “2010-13-01” is not a date …", in the user's language. The option is named as the
/// user typed it.
fn draft_error(error: &DraftError, localizer: &Localizer) -> anyhow::Error {
    let option = match error.field {
        "original_language" => "lang",
        "questions" => "question",
        other => other,
    };
    let (key, args) = error.problem.message();
    let args: Vec<(&str, Arg)> = args.into_iter().map(|(name, value)| (name, Arg::Text(value))).collect();
    anyhow!("--{}: {}", option.replace('_', "-"), localizer.format(key, &args))
}

/// A store error, in the user's language where it is the user's to fix.
fn store_error(error: consulta_store::StoreError, localizer: &Localizer) -> anyhow::Error {
    use consulta_store::StoreError;
    match error {
        StoreError::DuplicateSlug(slug) => anyhow!(localizer.format("cli-duplicate-slug", &[("slug", slug.into())])),
        StoreError::DuplicateMeeting(date) => {
            anyhow!(localizer.format("cli-duplicate-meeting", &[("date", localizer.date(date).into())]))
        }
        other => anyhow!(other),
    }
}

fn day(instant: Timestamp, consultation: &Consultation) -> String {
    instant.to_zoned(consultation.record.time_zone.clone()).strftime("%Y-%m-%d %H:%M").to_string()
}

fn status_label(consultation: &Consultation, localizer: &Localizer) -> String {
    localizer.text(&format!("status-{}", consultation.status(Timestamp::now()).as_str()))
}

fn create_consultation(database: &Database, args: CreateConsultation, localizer: &Localizer) -> anyhow::Result<()> {
    let lang = args.lang.clone();
    let draft = ConsultationDraft {
        slug: args.slug,
        original_language: lang.clone(),
        title: vec![(lang.clone(), args.title)],
        description: args.description.map(|d| vec![(lang.clone(), d)]).unwrap_or_default(),
        mandate: args.mandate.map(|m| vec![(lang.clone(), m)]).unwrap_or_default(),
        opens: args.opens,
        closes: args.closes,
        time_zone: args.time_zone,
        questions: args.questions.into_iter().map(|q| vec![(lang.clone(), q)]).collect(),
        is_example: false,
        verified_only: args.verified_only,
    };
    let new = draft.check().map_err(|e| draft_error(&e, localizer))?;
    let mut store = open(database)?;
    let consultation =
        audited::create_consultation(&mut *store, &new, &command_line()).map_err(|e| store_error(e, localizer))?;
    audit(
        &mut *store,
        "consultation.create",
        &consultation,
        serde_json::json!({
            "title": consultation.record.title.get(&lang, &lang),
            "opens": consultation.record.period.opens().to_string(),
            "closes": consultation.record.period.last_instant().to_string(),
            "time_zone": zone_name(&consultation.record.time_zone),
        }),
    )?;
    println!(
        "{}",
        localizer.format(
            "cli-consultation-created",
            &[
                ("slug", consultation.record.slug.as_str().into()),
                ("status", status_label(&consultation, localizer).into()),
                ("opens", day(consultation.record.period.opens(), &consultation).into()),
                ("closes", day(consultation.record.period.last_instant(), &consultation).into()),
                ("zone", zone_name(&consultation.record.time_zone).into()),
            ]
        )
    );
    Ok(())
}

fn translate(database: &Database, args: TranslateConsultation, localizer: &Localizer) -> anyhow::Result<()> {
    let mut store = open_existing(database, localizer)?;
    let mut consultation = find_consultation(&*store, &args.consultation, localizer)?;
    let translation = Translation {
        language: args.lang,
        title: args.title,
        description: args.description,
        mandate: args.mandate,
        questions: args.questions,
    };
    consultation.record.translate(&translation).map_err(|e| draft_error(&e, localizer))?;
    audited::translate_consultation(&mut *store, &consultation, &translation.language, &command_line())?;
    let record = &consultation.record;
    let languages: Vec<&str> = record.title.iter().map(|(language, _)| language).collect();
    println!(
        "{}",
        localizer.format(
            "cli-consultation-translated",
            &[("slug", record.slug.as_str().into()), ("languages", languages.join(", ").into()),]
        )
    );
    Ok(())
}

fn list_consultations(database: &Database, localizer: &Localizer) -> anyhow::Result<()> {
    let store = open_existing(database, localizer)?;
    let consultations = store.consultations()?;
    if consultations.is_empty() {
        println!("{}", localizer.text("cli-no-consultations"));
    }
    for c in consultations {
        println!(
            "{}",
            localizer.format(
                "cli-consultation-line",
                &[
                    ("slug", c.record.slug.as_str().into()),
                    ("status", status_label(&c, localizer).into()),
                    ("opens", day(c.record.period.opens(), &c).into()),
                    ("closes", day(c.record.period.last_instant(), &c).into()),
                    ("title", c.record.title.get(localizer.language(), c.record.original_language.primary()).into()),
                ]
            )
        );
    }
    Ok(())
}

fn add_meeting(database: &Database, args: AddMeeting, localizer: &Localizer) -> anyhow::Result<()> {
    let date = parse_date(&args.date).map_err(|_| {
        draft_error(&DraftError { field: "date", problem: DraftProblem::Date(args.date.clone()) }, localizer)
    })?;
    let place = args.place.trim();
    if place.is_empty() {
        bail!("--place: {}", localizer.text("import-missing"));
    }
    let mut store = open_existing(database, localizer)?;
    let consultation = find_consultation(&*store, &args.consultation, localizer)?;
    audited::add_meeting(&mut *store, &consultation, date, place, &command_line())
        .map_err(|e| store_error(e, localizer))?;
    println!(
        "{}",
        localizer.format(
            "cli-meeting-added",
            &[
                ("date", date.to_string().into()),
                ("place", place.into()),
                ("slug", consultation.record.slug.as_str().into()),
            ]
        )
    );
    Ok(())
}

fn import(database: &Database, args: ImportContributions, localizer: &Localizer) -> anyhow::Result<()> {
    let shown = args.file.display().to_string();
    let (input, size): (Box<dyn Read>, Option<u64>) = if shown == "-" {
        (Box::new(std::io::stdin().lock()), None)
    } else {
        let file = File::open(&args.file).with_context(|| shown.clone())?;
        let size = file.metadata().ok().map(|m| m.len());
        (Box::new(std::io::BufReader::with_capacity(1 << 16, file)), size)
    };
    let mut store = open_existing(database, localizer)?;
    let consultation = find_consultation(&*store, &args.consultation, localizer)?;
    let progress = progress_bar(size, localizer);
    let options = ImportOptions { accept_late: args.accept_late };
    let result =
        import_contributions(&mut *store, &consultation, input, options, &mut |read| progress.set_position(read));
    progress.finish_and_clear();
    match result {
        Ok(summary) => {
            audit(
                &mut *store,
                "contributions.import",
                &consultation,
                serde_json::json!({
                    "file": shown,
                    "contributions": summary.contributions,
                    "new_entities": summary.new_entities,
                    "late": summary.late,
                }),
            )?;
            println!(
                "{}",
                localizer.format(
                    "cli-imported",
                    &[
                        ("contributions", summary.contributions.into()),
                        ("entities", summary.new_entities.into()),
                        ("late", summary.late.into()),
                        ("slug", consultation.record.slug.as_str().into()),
                    ]
                )
            );
            Ok(())
        }
        Err(error) => Err(import_error(error, &shown, localizer)),
    }
}

/// An import's refusal, with every row problem reported (contribution files and lists alike).
fn import_error(error: ImportError, shown: &str, localizer: &Localizer) -> anyhow::Error {
    match error {
        ImportError::Rows { errors, unreported } => {
            let mut message = localizer.format("cli-import-refused", &[("file", shown.into())]);
            for error in &errors {
                message.push_str("\n  ");
                message.push_str(&error.describe(localizer));
            }
            if unreported > 0 {
                message.push_str("\n  ");
                message.push_str(&localizer.format("cli-import-more-errors", &[("count", unreported.into())]));
            }
            anyhow!(message)
        }
        ImportError::File(problem) => anyhow!(localizer.format(
            "cli-import-file-refused",
            &[("file", shown.into()), ("problem", Arg::Text(problem.describe(localizer))),]
        )),
        other => anyhow!(other).context(shown.to_owned()),
    }
}

/// A progress bar on a terminal; hidden when the output goes elsewhere.
fn progress_bar(size: Option<u64>, localizer: &Localizer) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = match size {
        Some(size) => ProgressBar::new(size),
        None => ProgressBar::new_spinner(),
    };
    let template = "{msg} [{bar:40}] {binary_bytes}/{binary_total_bytes} ({binary_bytes_per_sec}, {eta})";
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(localizer.text("cli-import-progress"));
    bar
}

fn table(database: &Database, args: TableArgs, localizer: &Localizer) -> anyhow::Result<()> {
    let localizer = chosen_language(args.lang, localizer);
    let store = open_existing(database, &localizer)?;
    let consultation = find_consultation(&*store, &args.consultation, &localizer)?;
    let table = distribution_table(&*store, consultation.id)?;
    let format = match args.format {
        Format::Text => TableFormat::Text,
        Format::Csv => TableFormat::Csv,
        Format::Json => TableFormat::Json,
        Format::Markdown => TableFormat::Markdown,
    };
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(render_table(&table, format, &localizer).as_bytes())?;
    stdout.flush()?;
    Ok(())
}

/// Writes the synthesis report of a consultation, to a file or to standard output.
fn report(database: &Database, args: ReportArgs, localizer: &Localizer) -> anyhow::Result<()> {
    let localizer = chosen_language(args.lang, localizer);
    let store = open_existing(database, &localizer)?;
    let today = Timestamp::now().to_zoned(TimeZone::UTC).date();
    let (document, consultation) = match (args.kind, &args.consultation, args.year) {
        (ReportKind::FollowUp, _, Some(year)) => {
            if !(2000..=2200).contains(&year) {
                bail!(localizer.format("cli-follow-up-bad-year", &[("value", year.to_string().into())]));
            }
            let document = consulta_report::follow_up_report::annual_report(&*store, year, &localizer, today)
                .map_err(|e| anyhow::anyhow!(e.message(&localizer)))?;
            (document, None)
        }
        (ReportKind::Synthesis, Some(slug), _) => {
            let consultation = find_consultation(&*store, slug, &localizer)?;
            let base_url = args
                .public_url
                .as_deref()
                .map(|url| parse_public_url(url, &localizer))
                .transpose()?
                .map(|url| url.as_str().to_owned());
            let input = consulta_report::gather(&*store, consultation.clone())?;
            let links = consulta_report::Links { base_url };
            (consulta_report::synthesis(&input, &localizer, &links, today), Some(consultation))
        }
        _ => bail!(localizer.text("cli-report-needs-consultation")),
    };
    let format = match args.format {
        ReportFileFormat::Html => ReportFormat::Html,
        ReportFileFormat::Md => ReportFormat::Markdown,
        ReportFileFormat::Docx => ReportFormat::Docx,
        ReportFileFormat::Pdf => ReportFormat::Pdf,
    };
    let bytes = render_report(&document, format)?;
    match &args.output {
        Some(path) => {
            let mut file = File::create(path).with_context(|| path.display().to_string())?;
            file.write_all(&bytes)?;
            file.sync_all()?;
            eprintln!("{}", localizer.format("cli-exported", &[("path", path.display().to_string().into())]));
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(&bytes)?;
            stdout.flush()?;
        }
    }
    // A long annex is a file of its own, beside the report, under the name the report gives it.
    if let (true, Some(consultation)) = (document.separate_annex, consultation) {
        let annex_name = consulta_report::annex_file_name(&consultation, localizer.language());
        let path = args.output.as_deref().map_or_else(|| PathBuf::from(&annex_name), |p| p.with_file_name(&annex_name));
        let file = File::create(&path).with_context(|| path.display().to_string())?;
        let mut out = std::io::BufWriter::new(file);
        consulta_report::write_annex_csv(&*store, &consultation, &localizer, &mut out)
            .with_context(|| path.display().to_string())?;
        out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        eprintln!("{}", localizer.format("cli-report-annex", &[("path", path.display().to_string().into())]));
    }
    Ok(())
}

/// The localizer for `--lang`, or the environment's.
pub(crate) fn chosen_language(lang: Option<InterfaceLanguage>, localizer: &Localizer) -> Localizer {
    lang.and_then(|l| Localizer::for_language(l.tag())).unwrap_or(*localizer)
}

/// A default directory beside the database, named after it: `consulta-files` for attachments,
/// `consulta-index` for the search index; in the working directory for a PostgreSQL database.
fn beside(database: &Database, what: &str) -> PathBuf {
    let Some(path) = database.sqlite_file() else {
        return PathBuf::from(format!("consulta-{what}"));
    };
    let stem = path.file_stem().map_or_else(|| "consulta".into(), |s| s.to_string_lossy().into_owned());
    path.with_file_name(format!("{stem}-{what}"))
}

fn open_index(dir: &Path, localizer: &Localizer) -> anyhow::Result<SearchIndex> {
    SearchIndex::open(dir).map_err(|e| index_error(e, dir, localizer))
}

fn index_error(error: IndexError, dir: &Path, localizer: &Localizer) -> anyhow::Error {
    match error {
        IndexError::Busy(_) => {
            anyhow!(localizer.format("cli-index-busy", &[("path", dir.display().to_string().into())]))
        }
        other => anyhow!(other).context(dir.display().to_string()),
    }
}

/// Where the log's signing key and the journal of its signed heads are kept.
struct LogFiles {
    key: PathBuf,
    heads: PathBuf,
}

impl LogFiles {
    /// The signer of `store`'s tree heads: its key file (made on an instance's first start) and
    /// its journal.
    fn signer(&self, store: &mut dyn Store) -> anyhow::Result<LogSigner> {
        let key = consulta_store::log_key::open_log_key(store, &self.key)?;
        let journal = HeadJournal::open(&self.heads).with_context(|| self.heads.display().to_string())?;
        Ok(LogSigner::new(key, Some(journal)))
    }
}

/// What a server serves: its database, files, outbox, search index and log files.
struct Instance {
    database: Database,
    blobs: Arc<dyn BlobStore>,
    outbox: PathBuf,
    index: PathBuf,
    log: LogFiles,
}

fn serve(
    instance: Instance,
    args: &ServeArgs,
    demo_accounts: Vec<consulta_web::DemoAccount>,
    localizer: &Localizer,
) -> anyhow::Result<()> {
    let Instance { database, blobs, outbox, index, log } = instance;
    let addr = args.addr;
    // Fail now, with the path in the message, rather than on the first request.
    let signer = Arc::new(log.signer(&mut *open(&database)?)?);
    let index = Arc::new(open_index(&index, localizer)?);
    let delivery = consulta_mail::Delivery::configure(args.smtp.as_ref().map(crate::cli::Secret::expose), outbox)?;
    if let consulta_mail::Delivery::Outbox(dir) = &delivery {
        eprintln!("{}", localizer.format("cli-mail-outbox", &[("path", dir.display().to_string().into())]));
    }
    let mailer = consulta_mail::Mailer::new(delivery, &args.mail_from, args.mail_per_minute)?;
    let given_url = args.public_url.as_deref().map(|url| parse_public_url(url, localizer)).transpose()?;
    if args.smtp.is_some() && given_url.is_none() {
        bail!(localizer.text("cli-public-url-needed-for-mail"));
    }
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async {
        let listener = consulta_web::bind(addr).with_context(|| addr.to_string())?;
        let local = listener.local_addr()?;
        let public_url = match given_url {
            Some(url) => url,
            None if local.ip().is_loopback() => PublicUrl::local(local),
            None => bail!(localizer.format("cli-public-url-needed", &[("addr", local.to_string().into())])),
        };
        let config = WebConfig {
            database,
            blobs,
            limits: args.limits(),
            index,
            unverified_per_hour: args.unverified_per_hour,
            mailer: Arc::new(mailer),
            public_url,
            max_connections: args.max_connections as usize,
            extractor: args.extractor()?,
            signer,
            trusted_proxies: args.trusted_proxies.clone(),
            demo_accounts,
        };
        // Everything that can refuse to start (the search index held by another server) does so
        // before anyone is told where the server is.
        let server = consulta_web::Server::start(config).map_err(|e| match e.downcast::<IndexError>() {
            Ok(IndexError::Busy(path)) => index_error(IndexError::Busy(path.clone()), &path, localizer),
            Ok(other) => anyhow!(other),
            Err(e) => anyhow!(e),
        })?;
        let url = format!("http://{local}/");
        println!("{}", localizer.format("cli-serving", &[("url", url.into())]));
        std::io::stdout().flush()?;
        server.serve(listener).await?;
        Ok(())
    })
}

/// The instance's public URL as given, or why it is refused, in the reader's language.
pub(crate) fn parse_public_url(url: &str, localizer: &Localizer) -> anyhow::Result<PublicUrl> {
    PublicUrl::parse(url).map_err(|error| {
        anyhow!(localizer.format(
            "cli-public-url-invalid",
            &[("url", url.into()), ("reason", localizer.text(error.message_key()).into())]
        ))
    })
}

fn run_demo(args: &ServeArgs, localizer: &Localizer) -> anyhow::Result<()> {
    let directory = tempfile::Builder::new().prefix("consulta-demo-").tempdir()?;
    let path = directory.path().join("consulta.db");
    eprintln!("{}", localizer.format("cli-demo-loading", &[("path", path.display().to_string().into())]));
    let database = Database::sqlite(&path);
    let (files, index) = (directory.path().join("files"), directory.path().join("index"));
    let blobs = Arc::new(LocalBlobs::new(files));
    let loaded = demo::load(&mut *open(&database)?, &*blobs, Timestamp::now())?;
    demo_loaded(&loaded, localizer);
    let outbox = args.outbox.clone().unwrap_or_else(|| directory.path().join("files-outbox"));
    let log = LogFiles { key: directory.path().join("log.key"), heads: directory.path().join("heads.jsonl") };
    serve(Instance { database, blobs, outbox, index, log }, args, loaded.accounts, localizer)
}

/// The most bytes a report details file may hold.
const MAX_DETAILS_FILE_BYTES: u64 = 1024 * 1024;

/// Prints a report's details as JSON, or sets them from a JSON file of the same form (checked,
/// audited).
fn report_details(
    database: &Database,
    args: crate::cli::ReportDetailsArgs,
    localizer: &Localizer,
) -> anyhow::Result<()> {
    let mut store = open_existing(database, localizer)?;
    let consultation = find_consultation(&*store, &args.consultation, localizer)?;
    let Some(path) = args.set else {
        println!("{}", serde_json::to_string_pretty(&store.report_details(consultation.id)?)?);
        return Ok(());
    };
    let file = File::open(&path).with_context(|| path.display().to_string())?;
    let mut text = String::new();
    std::io::Read::take(file, MAX_DETAILS_FILE_BYTES + 1)
        .read_to_string(&mut text)
        .with_context(|| path.display().to_string())?;
    let shown = path.display().to_string();
    if text.len() as u64 > MAX_DETAILS_FILE_BYTES {
        bail!(
            localizer
                .format("cli-details-too-large", &[("file", shown.into()), ("max", MAX_DETAILS_FILE_BYTES.into())])
        );
    }
    let details: consulta_core::ReportDetails = serde_json::from_str(&text).map_err(|e| {
        anyhow!(localizer.format(
            "cli-details-unreadable",
            &[
                ("file", shown.clone().into()),
                ("line", e.line().into()),
                ("column", e.column().into()),
                ("reason", e.to_string().into())
            ]
        ))
    })?;
    let details = details.check().map_err(|error| {
        let reason = consulta_report::describe_details_problem(&error, localizer);
        anyhow!(localizer.format("cli-details-refused", &[("file", shown.clone().into()), ("reason", reason.into())]))
    })?;
    store.set_report_details(consultation.id, &details, &command_line())?;
    println!("{}", localizer.format("cli-details-set", &[("consultation", args.consultation.into())]));
    Ok(())
}

/// Trains the issue classifier on every tag given and prints how its suggestions did on the
/// tagged contributions it had not learnt from (cross-validation), and its calibration.
fn evaluate_tags(database: &Database, localizer: &Localizer) -> anyhow::Result<()> {
    let store = open_existing(database, localizer)?;
    let issues = store.issues()?;
    let classifier = consulta_index::train_classifier(&*store, &issues)?;
    let evaluation = classifier.evaluation();
    let percent = |share: Option<f64>| share.map_or_else(|| "–".to_owned(), |s| format!("{:.0}", s * 100.0));
    println!(
        "{}",
        localizer.format(
            "cli-tags-evaluation",
            &[
                ("documents", classifier.documents().into()),
                ("scored", evaluation.scored.into()),
                ("threshold", format!("{:.0}", evaluation.threshold * 100.0).into()),
                ("suggested", evaluation.suggested.into()),
                ("right", evaluation.right.into()),
                ("precision", percent(evaluation.precision()).into()),
                ("tags", evaluation.tags.into()),
                ("recall", percent(evaluation.recall()).into()),
            ]
        )
    );
    let calibration = classifier.calibration();
    if !calibration.fitted {
        println!("{}", localizer.text("cli-tags-not-calibrated"));
    }
    println!("{}", localizer.text("cli-tags-bins"));
    for bin in &evaluation.bins {
        println!(
            "  {:>3.0}–{:>3.0} %  {:>6}  {:>5.1} %  {:>5.1} %",
            bin.from * 100.0,
            bin.to * 100.0,
            bin.count,
            bin.mean_predicted * 100.0,
            bin.observed * 100.0
        );
    }
    Ok(())
}

/// Says what the demonstration holds and how to sign in to it.
fn demo_loaded(loaded: &demo::Loaded, localizer: &Localizer) {
    eprintln!("{}", localizer.format("cli-demo-loaded", &[("count", loaded.contributions.into())]));
    eprintln!("{}", localizer.text("cli-demo-accounts"));
    for account in &loaded.accounts {
        let role = localizer.text(&format!("role-{}", account.role.as_str()));
        let role = match &account.entity {
            Some(entity) => format!("{role} ({entity})"),
            None => role,
        };
        eprintln!(
            "  {}",
            localizer.format(
                "cli-demo-account",
                &[
                    ("role", role.into()),
                    ("email", account.email.as_str().into()),
                    ("password", account.password.as_str().into())
                ]
            )
        );
    }
}

/// Writes one open data file of a consultation, to a file or to standard output.
fn export(
    database: &Database,
    blobs: &dyn BlobStore,
    log: &LogFiles,
    args: ExportArgs,
    localizer: &Localizer,
) -> anyhow::Result<()> {
    let Some(what) = OpenData::from_file_name(&args.what) else {
        let known: Vec<&str> = OpenData::ALL.iter().map(|d| d.file_name()).collect();
        bail!(
            localizer.format("cli-export-unknown", &[("what", args.what.into()), ("known", known.join(", ").into())])
        );
    };
    let mut store = open_existing(database, localizer)?;
    let consultation = find_consultation(&*store, &args.consultation, localizer)?;
    // Only the archive carries a signed tree head.
    let signer = if what == OpenData::Archive { Some(log.signer(&mut *store)?) } else { None };
    let mut out = match &args.output {
        Some(path) => File::create(path).with_context(|| path.display().to_string())?,
        None => tempfile::tempfile()?,
    };
    let source = OpenDataSource { store: &*store, blobs, signer: signer.as_ref(), base_url: &args.site.base_url };
    write_open_data(&source, &consultation, what, Timestamp::now(), &mut out)?;
    match &args.output {
        Some(path) => {
            out.sync_all()?;
            eprintln!("{}", localizer.format("cli-exported", &[("path", path.display().to_string().into())]));
        }
        None => {
            out.rewind()?;
            let mut stdout = std::io::stdout().lock();
            std::io::copy(&mut out, &mut stdout)?;
            stdout.flush()?;
        }
    }
    Ok(())
}

/// Checks a bulk archive offline and says what it holds, or what is wrong with it.
fn verify_archive(path: &Path, localizer: &Localizer) -> anyhow::Result<()> {
    let file = File::open(path).with_context(|| path.display().to_string())?;
    match consulta_export::verify_archive(std::io::BufReader::new(file)) {
        Ok(report) => {
            println!(
                "{}",
                localizer.format(
                    "archive-ok",
                    &[
                        ("file", path.display().to_string().into()),
                        ("consultation", report.consultation.into()),
                        ("contributions", report.contributions.into()),
                        ("withheld", report.withheld.into()),
                        ("files", report.files.into()),
                        ("size", report.tree_size.into()),
                        ("root", report.root_hash.into()),
                        ("key", report.public_key.into()),
                        ("generated", report.generated_at.into()),
                    ]
                )
            );
            Ok(())
        }
        Err(problem) => Err(anyhow!(localizer.format(
            "archive-refused",
            &[("file", path.display().to_string().into()), ("problem", archive_problem(&problem, localizer).into()),]
        ))),
    }
}

fn archive_problem(problem: &ArchiveProblem, localizer: &Localizer) -> String {
    match problem {
        ArchiveProblem::Unreadable(detail) => {
            localizer.format("archive-unreadable", &[("detail", detail.as_str().into())])
        }
        ArchiveProblem::NoManifest => localizer.text("archive-no-manifest"),
        ArchiveProblem::BadManifest(detail) => {
            localizer.format("archive-bad-manifest", &[("detail", detail.as_str().into())])
        }
        ArchiveProblem::UnknownFormat(format) => {
            localizer.format("archive-unknown-format", &[("format", format.as_str().into())])
        }
        ArchiveProblem::MissingFile(path) => {
            localizer.format("archive-missing-file", &[("path", path.as_str().into())])
        }
        ArchiveProblem::UnlistedFile(path) => {
            localizer.format("archive-unlisted-file", &[("path", path.as_str().into())])
        }
        ArchiveProblem::FileChanged(path) => {
            localizer.format("archive-file-changed", &[("path", path.as_str().into())])
        }
        ArchiveProblem::BadSignature => localizer.text("archive-bad-signature"),
        ArchiveProblem::RecordChanged(id) => {
            localizer.format("archive-record-changed", &[("id", id.to_string().into())])
        }
        ArchiveProblem::NotInLog(id) => localizer.format("archive-not-in-log", &[("id", id.to_string().into())]),
        ArchiveProblem::RecordMismatch { id, detail } => localizer
            .format("archive-record-mismatch", &[("id", id.to_string().into()), ("detail", detail.as_str().into())]),
    }
}

/// Builds the search index anew from the whole record: after an upgrade, or if it was lost.
fn rebuild_index(database: &Database, dir: &Path, localizer: &Localizer) -> anyhow::Result<()> {
    let store = open_existing(database, localizer)?;
    let index = open_index(dir, localizer)?;
    let started = std::time::Instant::now();
    let mut updater = index.writer(REBUILD_WRITER_BYTES).map_err(|e| index_error(e, dir, localizer))?;
    updater.clear()?;
    let bar = count_bar(store.last_change()?, localizer.text("cli-index-progress"));
    updater.catch_up(&*store, &mut |done, all| {
        bar.set_length(all);
        bar.set_position(done);
    })?;
    updater.finish()?;
    bar.finish_and_clear();
    println!(
        "{}",
        localizer.format(
            "cli-index-rebuilt",
            &[
                ("count", index.len().into()),
                ("seconds", Arg::Number((started.elapsed().as_secs_f64() * 10.0).round() / 10.0)),
                ("size", localizer.file_size(index.size_on_disk()).into()),
                ("path", dir.display().to_string().into()),
            ]
        )
    );
    Ok(())
}

/// How much memory a rebuild's index writer may use: more makes fewer, larger segments.
const REBUILD_WRITER_BYTES: usize = 256 << 20;

/// A progress bar counting items on a terminal; hidden when the output goes elsewhere.
fn count_bar(length: u64, message: String) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(length);
    if let Ok(style) = ProgressStyle::with_template("{msg} [{bar:40}] {human_pos}/{human_len} ({per_sec}, {eta})") {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(message);
    bar
}

/// Creates an account. The password comes from CONSULTA_PASSWORD, or else the first line of
/// standard input, so that it never shows in the process list or the shell's history.
fn create_account(database: &Database, args: CreateAccount, localizer: &Localizer) -> anyhow::Result<()> {
    let role: Role = args
        .role
        .parse()
        .map_err(|_| anyhow!(localizer.format("cli-unknown-role", &[("role", args.role.as_str().into())])))?;
    let mut store = open_existing(database, localizer)?;
    let entity = match (role, &args.entity) {
        (Role::FocalPoint, Some(name)) => {
            let parsed = name
                .parse()
                .map_err(|_| anyhow!(localizer.format("cli-unknown-entity", &[("entity", name.as_str().into())])))?;
            let found = consulta_store::audited::recorded_entity(&mut *store, &parsed)?;
            Some(
                found
                    .ok_or_else(|| {
                        anyhow!(localizer.format("cli-unknown-entity", &[("entity", name.as_str().into())]))
                    })?
                    .id,
            )
        }
        (Role::FocalPoint, None) => bail!(localizer.text("cli-focal-point-needs-entity")),
        (Role::Secretariat, Some(_)) => bail!(localizer.text("cli-secretariat-no-entity")),
        (Role::Secretariat, None) => None,
    };
    let password = match std::env::var("CONSULTA_PASSWORD") {
        Ok(password) => password,
        Err(_) => {
            if std::io::stdin().is_terminal() {
                eprint!("{}", localizer.text("cli-password-prompt"));
                std::io::stderr().flush()?;
            }
            let mut line = String::new();
            std::io::stdin().read_line(&mut line)?;
            line.trim_end_matches(['\n', '\r']).to_owned()
        }
    };
    let password_hash = consulta_auth::hash_password(&password).map_err(|e| match e {
        consulta_auth::AuthError::Password(problem) => {
            anyhow!(consulta_auth::describe_password_problem(problem, localizer))
        }
        other => anyhow!(other),
    })?;
    let email = args.email.trim().to_lowercase();
    if !consulta_core::access::is_email_address(&email) {
        bail!(localizer.format("cli-bad-email", &[("email", email.into())]));
    }
    let new = NewAccount { email, name: args.name.trim().to_owned(), role, entity, language: args.lang, password_hash };
    let account = store.create_account(&new, &command_line()).map_err(|e| match e {
        consulta_store::StoreError::DuplicateAccount(email) => {
            anyhow!(localizer.format("cli-duplicate-account", &[("email", email.into())]))
        }
        other => anyhow!(other),
    })?;
    println!(
        "{}",
        localizer.format("cli-account-created", &[("email", account.email.into()), ("role", role.as_str().into())])
    );
    Ok(())
}

/// `consulta-files` gives `consulta`: the outbox goes beside the files, named alike.
/// Sweeps the files no record names, as every server does each quarter of an hour.
fn sweep_files(
    database: &Database,
    blobs: &dyn BlobStore,
    args: &crate::cli::SweepFilesArgs,
    localizer: &Localizer,
) -> anyhow::Result<()> {
    let store = open_existing(database, localizer)?;
    let grace = std::time::Duration::from_secs(args.grace_minutes * 60);
    let report = consulta_intake::sweep::sweep_unreferenced(&*store, blobs, std::time::SystemTime::now(), grace)?;
    println!(
        "{}",
        localizer.format(
            "cli-swept",
            &[
                ("set_aside", report.set_aside.into()),
                ("removed", report.removed.into()),
                ("restored", report.restored.into()),
                ("partials", report.partials.into()),
            ],
        )
    );
    Ok(())
}

/// Checks every contribution of the record against the public log; fails on any problem.
fn check_record(database: &Database, log: &LogFiles, localizer: &Localizer) -> anyhow::Result<()> {
    let store = open_existing(database, localizer)?;
    let checkpoints = consulta_store::heads::read_journal(&log.heads)?;
    let total = store.log_size()?;
    let bar = if std::io::stderr().is_terminal() { ProgressBar::new(total) } else { ProgressBar::hidden() };
    let check = consulta_store::check::check_log(&*store, &checkpoints, &mut |done| bar.set_position(done))?;
    bar.finish_and_clear();
    if !check.problems.is_empty() {
        let problems: Vec<String> = check.problems.iter().map(ToString::to_string).collect();
        bail!("{}\n{}", localizer.text("cli-check-failed"), problems.join("\n"));
    }
    println!(
        "{}",
        localizer.format(
            "cli-check-done",
            &[
                ("contributions", check.contributions.into()),
                ("statements", check.statements.into()),
                ("amendments", check.amendments.into()),
                ("root", consulta_log::to_hex(&check.root).into()),
                ("heads", check.heads_checked.into()),
                ("journal", log.heads.display().to_string().into()),
            ],
        )
    );
    Ok(())
}

/// The blob store `--files` names.
fn open_blobs(files: &str) -> anyhow::Result<Arc<dyn BlobStore>> {
    consulta_blobs::open(files).with_context(|| files.to_owned())
}

/// Where email goes without --smtp or --outbox: beside the attachments' directory, or beside
/// the database when attachments are in object storage.
fn default_outbox(database: &Database, files: &str) -> PathBuf {
    if files.starts_with("s3://") {
        return beside(database, "outbox");
    }
    let files = Path::new(files);
    files.with_file_name(format!("{}-outbox", stem_of(files)))
}

fn stem_of(files: &Path) -> String {
    let name = files.file_name().map_or_else(|| "consulta".into(), |n| n.to_string_lossy().into_owned());
    name.strip_suffix("-files").unwrap_or(&name).to_owned()
}

/// Imports an accreditation list with its focal points' addresses: all rows or none.
fn import_list(database: &Database, args: ImportList, localizer: &Localizer) -> anyhow::Result<()> {
    if !consulta_intake::lists::check_list_slug(&args.list) {
        bail!(localizer.format("cli-bad-list", &[("list", args.list.as_str().into())]));
    }
    let name = args.name.clone().or_else(|| {
        consulta_intake::lists::KNOWN_LISTS
            .iter()
            .find(|(slug, _)| *slug == args.list)
            .map(|(_, name)| (*name).to_owned())
    });
    let Some(name) = name else {
        bail!(localizer.format("cli-list-needs-name", &[("list", args.list.as_str().into())]))
    };
    let mut store = open_existing(database, localizer)?;
    let shown = args.file.display().to_string();
    let file = File::open(&args.file).with_context(|| shown.clone())?;
    match consulta_intake::lists::import_list(
        &mut *store,
        &args.list,
        &name,
        std::io::BufReader::new(file),
        &command_line(),
    ) {
        Ok(summary) => {
            println!(
                "{}",
                localizer.format(
                    "cli-list-imported",
                    &[
                        ("list", args.list.as_str().into()),
                        ("entities", summary.entities.into()),
                        ("new", summary.new_entities.into()),
                        ("contacts", summary.contacts.into()),
                    ]
                )
            );
            Ok(())
        }
        Err(error) => Err(import_error(error, &shown, localizer)),
    }
}

/// Invites the focal points of the chosen entities: their emails are queued for the server's
/// mail job, which sends them (or writes them to the outbox).
fn invite(database: &Database, args: InviteArgs, localizer: &Localizer) -> anyhow::Result<()> {
    // The emails' links must reach the instance: no local default.
    let Some(base_url) = args.base_url.as_deref() else { bail!(localizer.text("cli-invite-needs-public-url")) };
    let base_url = parse_public_url(base_url, localizer)?;
    let mut store = open_existing(database, localizer)?;
    let consultation = find_consultation(&*store, &args.consultation, localizer)?;
    let selection = campaign_selection(&*store, args.choice, localizer)?;
    let invited =
        consulta_auth::invitations::invite(&mut *store, &consultation, &selection, base_url.as_str(), &command_line())?;
    println!("{}", localizer.format("cli-invited", &[("count", invited.into())]));
    Ok(())
}

/// The entities an invitation campaign's choice selects, every value checked.
pub fn campaign_selection(
    store: &dyn Store,
    choice: ChoiceArgs,
    localizer: &Localizer,
) -> anyhow::Result<consulta_store::Selection> {
    let choice = consulta_auth::invitations::Choice {
        lists: choice.lists,
        groups: choice.groups,
        countries: choice.countries,
        regions: choice.regions,
    };
    consulta_auth::invitations::selection(store, &choice).map_err(|error| match error {
        consulta_auth::invitations::ChoiceError::Store(error) => anyhow!(error),
        refused => anyhow!(refused.describe(localizer)),
    })
}

/// Writes a secretariat action done at the command line on a consultation to the audit log.
fn audit(
    store: &mut dyn Store,
    action: &str,
    consultation: &Consultation,
    after: serde_json::Value,
) -> anyhow::Result<()> {
    store.record_audit(&consulta_store::AuditEntry {
        by: command_line(),
        action: action.to_owned(),
        subject: format!("consultation {}", consultation.record.slug.as_str()),
        before: None,
        after: Some(after),
    })?;
    Ok(())
}

/// Who runs this command, for the audit log: the system user, as the environment names it.
pub(crate) fn command_line() -> AuditActor {
    let user = std::env::var("SUDO_USER").or_else(|_| std::env::var("USER")).unwrap_or_else(|_| "?".to_owned());
    AuditActor::command_line(&user, Timestamp::now())
}

/// Withholds a contribution from publication, or publishes it again.
fn set_withheld(database: &Database, id: i64, reason: Option<&str>, localizer: &Localizer) -> anyhow::Result<()> {
    let mut store = open_existing(database, localizer)?;
    if !store.set_withheld(consulta_core::ContributionId(id), reason, &command_line())? {
        bail!(localizer.format("cli-unknown-contribution", &[("id", Arg::Number(id as f64))]));
    }
    let key = if reason.is_some() { "cli-withheld" } else { "cli-published" };
    println!("{}", localizer.format(key, &[("id", Arg::Number(id as f64))]));
    Ok(())
}

fn verify_receipt(path: &Path, server: &str, localizer: &Localizer) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(path).with_context(|| path.display().to_string())?;
    let receipt: consulta_intake::submission::Receipt =
        serde_json::from_str(&text).with_context(|| path.display().to_string())?;
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    let finding = runtime.block_on(crate::verify::verify(&receipt, server)).map_err(|e| {
        anyhow!(
            localizer.format("verify-unreachable", &[("server", server.into()), ("detail", format!("{e:#}").into())])
        )
    })?;
    let message = finding.describe(&receipt, localizer);
    if finding.is_good() {
        println!("{message}");
        Ok(())
    } else {
        Err(anyhow!(message))
    }
}
