//! The command line: its commands and options. Help texts come from the i18n files
//! (`cli-help-<command path>[-<argument>]`), so `--help` reads in the user's language.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use consulta_i18n::Localizer;

#[derive(Debug, Parser)]
#[command(name = "consulta", version)]
pub struct Cli {
    #[arg(
        long,
        global = true,
        env = "CONSULTA_DB",
        hide_env_values = true,
        default_value = "consulta.db",
        value_name = "PATH|URL"
    )]
    pub db: Secret,

    #[arg(long, global = true, env = "CONSULTA_CONFIG", hide_env_values = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    #[arg(long, global = true, env = "CONSULTA_FILES", hide_env_values = true, value_name = "DIR|URL")]
    pub files: Option<String>,

    #[arg(long = "index", global = true, env = "CONSULTA_INDEX", hide_env_values = true, value_name = "DIR")]
    pub index_dir: Option<PathBuf>,

    #[arg(long, global = true, env = "CONSULTA_LOG_KEY_FILE", hide_env_values = true, value_name = "FILE")]
    pub log_key: Option<PathBuf>,

    #[arg(long, global = true, env = "CONSULTA_HEADS", hide_env_values = true, value_name = "FILE")]
    pub heads: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

/// A setting that may carry a password (a database's or an SMTP server's address): `Debug`
/// shows it with the password replaced, so no log or panic message prints it.
#[derive(Clone)]
pub struct Secret(String);

impl Secret {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::str::FromStr for Secret {
    type Err = std::convert::Infallible;

    fn from_str(value: &str) -> Result<Secret, Self::Err> {
        Ok(Secret(value.to_owned()))
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", consulta_core::markup::redact_url(&self.0))
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    #[command(subcommand)]
    Consultation(ConsultationCommand),
    #[command(subcommand)]
    Meeting(MeetingCommand),
    #[command(subcommand)]
    Import(ImportCommand),
    Table(TableArgs),
    Report(ReportArgs),
    ReportDetails(ReportDetailsArgs),
    Serve(ServeArgs),
    Demo(ServeArgs),
    LoadDemo,
    Verify(VerifyArgs),
    #[command(subcommand)]
    Contribution(ContributionCommand),
    #[command(subcommand)]
    Tags(TagsCommand),
    #[command(subcommand)]
    Agreement(AgreementCommand),
    #[command(subcommand)]
    Campaigns(CampaignsCommand),
    #[command(subcommand)]
    Draft(DraftCommand),
    #[command(subcommand)]
    Body(BodyCommand),
    #[command(subcommand)]
    FollowUp(FollowUpCommand),
    #[command(subcommand)]
    Forum(ForumCommand),
    #[command(subcommand)]
    ApiKey(ApiKeyCommand),
    #[command(subcommand)]
    Index(IndexCommand),
    Export(ExportArgs),
    #[command(subcommand)]
    Admin(AdminCommand),
    #[command(subcommand)]
    List(ListCommand),
    Invite(InviteArgs),
    VerifyArchive(VerifyArchiveArgs),
    Backup(BackupArgs),
    Check,
    SweepFiles(SweepFilesArgs),
    Restore(RestoreArgs),
    Migrate(MigrateArgs),
}

#[derive(Debug, Subcommand)]
pub enum ListCommand {
    Import(ImportList),
}

#[derive(Debug, Args)]
pub struct ImportList {
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    #[arg(long, value_name = "SLUG")]
    pub list: String,
    #[arg(long, value_name = "TEXT")]
    pub name: Option<String>,
}

/// The public site's address, for the links a command writes (the same as the server's
/// `--public-url`).
#[derive(Debug, Args)]
pub struct SiteAddress {
    #[arg(
        long,
        env = "CONSULTA_PUBLIC_URL",
        hide_env_values = true,
        default_value = "http://127.0.0.1:8080",
        value_name = "URL"
    )]
    pub base_url: String,
}

#[derive(Debug, Args)]
pub struct InviteArgs {
    #[arg(long, value_name = "SLUG")]
    pub consultation: String,
    #[command(flatten)]
    pub choice: ChoiceArgs,
    // No default: the links in the emails must be the instance's public address.
    #[arg(long, env = "CONSULTA_PUBLIC_URL", hide_env_values = true, value_name = "URL")]
    pub base_url: Option<String>,
}

/// Whom an invitation campaign chooses: accreditation lists, stakeholder groups, UN regional
/// groups, countries (each repeated for several; a kind left out does not narrow).
#[derive(Debug, Args)]
pub struct ChoiceArgs {
    #[arg(long = "list", value_name = "SLUG")]
    pub lists: Vec<String>,
    #[arg(long = "group", value_name = "GROUP")]
    pub groups: Vec<String>,
    #[arg(long = "region", value_name = "REGION")]
    pub regions: Vec<String>,
    #[arg(long = "country", value_name = "CODE")]
    pub countries: Vec<String>,
}

impl ChoiceArgs {
    pub fn is_empty(&self) -> bool {
        self.lists.is_empty() && self.groups.is_empty() && self.regions.is_empty() && self.countries.is_empty()
    }
}

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    Create(CreateAccount),
}

#[derive(Debug, Args)]
pub struct CreateAccount {
    #[arg(long, value_name = "ADDRESS")]
    pub email: String,
    #[arg(long, value_name = "TEXT")]
    pub name: String,
    #[arg(long, default_value = "secretariat", value_name = "ROLE")]
    pub role: String,
    #[arg(long, value_name = "NAME")]
    pub entity: Option<String>,
    #[arg(long, default_value = "en", value_name = "LANG")]
    pub lang: String,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// One of contributions.csv, contributions.json, entities.csv, entities.json,
    /// entities.popolo.json, feed.atom, archive.zip.
    #[arg(value_name = "FILE")]
    pub what: String,
    #[arg(long, value_name = "SLUG")]
    pub consultation: String,
    #[arg(long, short, value_name = "PATH")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub site: SiteAddress,
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    #[arg(value_name = "DIR")]
    pub directory: PathBuf,
}

#[derive(Debug, Args)]
pub struct SweepFilesArgs {
    #[arg(long, default_value_t = 60, value_parser = clap::value_parser!(u64).range(0..=525_600), value_name = "MINUTES")]
    pub grace_minutes: u64,
}

#[derive(Debug, Args)]
pub struct MigrateArgs {
    #[arg(long, value_name = "URL")]
    pub from: String,
    #[arg(long, value_name = "URL")]
    pub to: String,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    #[arg(value_name = "DIR")]
    pub directory: PathBuf,
}

#[derive(Debug, Args)]
pub struct VerifyArchiveArgs {
    #[arg(value_name = "FILE")]
    pub archive: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum IndexCommand {
    Rebuild,
}

#[derive(Debug, Subcommand)]
pub enum TagsCommand {
    Evaluate,
}

#[derive(Debug, Subcommand)]
pub enum ContributionCommand {
    Withhold(WithholdContribution),
    Publish(PublishContribution),
    Attribute(AttributeContribution),
}

#[derive(Debug, Args)]
pub struct AttributeContribution {
    #[arg(value_name = "ID")]
    pub id: i64,
    #[arg(long, value_name = "NAME", required_unless_present = "clear", conflicts_with = "clear")]
    pub entity: Option<String>,
    #[arg(long)]
    pub clear: bool,
}

#[derive(Debug, Args)]
pub struct WithholdContribution {
    #[arg(value_name = "ID")]
    pub id: i64,
    #[arg(long, value_name = "TEXT")]
    pub reason: String,
}

#[derive(Debug, Args)]
pub struct PublishContribution {
    #[arg(value_name = "ID")]
    pub id: i64,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    #[arg(value_name = "RECEIPT")]
    pub receipt: PathBuf,
    #[arg(long, value_name = "URL")]
    pub server: String,
}

#[derive(Debug, Subcommand)]
pub enum ConsultationCommand {
    Create(Box<CreateConsultation>),
    Translate(TranslateConsultation),
    List,
}

#[derive(Debug, Args)]
pub struct TranslateConsultation {
    #[arg(long, value_name = "SLUG")]
    pub consultation: String,
    #[arg(long, value_name = "LANG")]
    pub lang: String,
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    #[arg(long, value_name = "TEXT")]
    pub description: Option<String>,
    #[arg(long, value_name = "TEXT")]
    pub mandate: Option<String>,
    #[arg(long = "question", value_name = "TEXT")]
    pub questions: Vec<String>,
}

#[derive(Debug, Args)]
pub struct CreateConsultation {
    #[arg(long, value_name = "SLUG")]
    pub slug: String,
    #[arg(long, value_name = "TEXT")]
    pub title: String,
    #[arg(long, value_name = "DATE")]
    pub opens: String,
    #[arg(long, value_name = "DATE")]
    pub closes: String,
    #[arg(long, value_name = "TEXT")]
    pub mandate: Option<String>,
    #[arg(long, value_name = "TEXT")]
    pub description: Option<String>,
    #[arg(long = "question", value_name = "TEXT")]
    pub questions: Vec<String>,
    #[arg(long, default_value = "en", value_name = "LANG")]
    pub lang: String,
    #[arg(long, default_value = "UTC", value_name = "ZONE")]
    pub time_zone: String,
    #[arg(long)]
    pub verified_only: bool,
}

#[derive(Debug, Subcommand)]
pub enum MeetingCommand {
    Add(AddMeeting),
}

#[derive(Debug, Args)]
pub struct AddMeeting {
    #[arg(long, value_name = "SLUG")]
    pub consultation: String,
    #[arg(long, value_name = "DATE")]
    pub date: String,
    #[arg(long, value_name = "TEXT")]
    pub place: String,
}

#[derive(Debug, Subcommand)]
pub enum DraftCommand {
    Import(DraftImport),
    Show(DraftShow),
    Amend(DraftAmend),
    Support(DraftSupport),
    Revise(DraftRevise),
    Merge(DraftMerge),
    Agree(DraftAgree),
    Status(DraftStatusArgs),
    Compile(DraftCompile),
    Export(DraftExport),
}

#[derive(Debug, Args)]
pub struct DraftExport {
    pub symbol: String,
    #[arg(long, value_name = "N")]
    pub revision: Option<u32>,
    #[arg(long, conflicts_with = "revision")]
    pub compilation: bool,
    #[arg(long, value_name = "N", conflicts_with_all = ["revision", "compilation"])]
    pub amendment: Option<u32>,
    #[arg(long, value_name = "N", conflicts_with_all = ["compilation", "amendment"])]
    pub compare: Option<u32>,
    #[arg(long, value_enum, default_value = "akn")]
    pub format: DraftExportFormat,
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// A draft written out: Akoma Ntoso XML, plain text, its JSON structure, or set as the report's
/// documents are (HTML, Markdown, DOCX, PDF).
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DraftExportFormat {
    Akn,
    Text,
    Json,
    Html,
    Md,
    Docx,
    Pdf,
}

/// What an amendment does, at its place: replace words, delete the item, insert one after it.
#[derive(Debug, Args)]
pub struct AmendmentChange {
    #[arg(long, value_name = "PLACE")]
    pub place: String,
    #[arg(long, value_name = "WORDS", conflicts_with_all = ["delete", "insert"], requires = "by")]
    pub replace: Option<String>,
    #[arg(long, value_name = "WORDS")]
    pub by: Option<String>,
    #[arg(long, conflicts_with = "insert")]
    pub delete: bool,
    #[arg(long, value_name = "TEXT")]
    pub insert: Option<String>,
    #[arg(long, value_name = "TEXT", default_value = "")]
    pub justification: String,
}

#[derive(Debug, Args)]
pub struct DraftAmend {
    pub symbol: String,
    #[command(flatten)]
    pub change: AmendmentChange,
    #[arg(long, value_name = "NAME")]
    pub entity: Option<String>,
}

#[derive(Debug, Args)]
pub struct DraftMerge {
    pub symbol: String,
    #[arg(long, value_name = "N", value_delimiter = ',', required = true)]
    pub amendments: Vec<u32>,
    #[command(flatten)]
    pub change: AmendmentChange,
}

#[derive(Debug, Args)]
pub struct DraftAgree {
    pub symbol: String,
    #[arg(long, value_name = "PLACE")]
    pub place: String,
    #[arg(long)]
    pub withdraw: bool,
}

#[derive(Debug, Args)]
pub struct DraftStatusArgs {
    pub symbol: String,
    #[arg(value_enum)]
    pub status: DraftStatusArg,
}

/// The statuses the secretariat moves a draft to (proposal is where every draft starts).
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DraftStatusArg {
    Negotiation,
    Agreed,
    Adopted,
}

#[derive(Debug, Args)]
pub struct DraftSupport {
    pub symbol: String,
    #[arg(long, value_name = "N")]
    pub amendment: u32,
    #[arg(long, value_name = "NAME")]
    pub entity: String,
    #[arg(long)]
    pub oppose: bool,
}

#[derive(Debug, Args)]
pub struct DraftRevise {
    pub symbol: String,
    #[arg(long, value_name = "N", value_delimiter = ',')]
    pub accept: Vec<u32>,
    #[arg(long, value_name = "N", value_delimiter = ',')]
    pub reject: Vec<u32>,
}

#[derive(Debug, Args)]
pub struct DraftCompile {
    pub symbol: String,
}

#[derive(Debug, Args)]
pub struct DraftImport {
    pub file: PathBuf,
    #[arg(long, value_name = "SLUG")]
    pub consultation: String,
    #[arg(long, value_name = "SYMBOL")]
    pub symbol: String,
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
}

#[derive(Debug, Args)]
pub struct DraftShow {
    pub symbol: String,
    #[arg(long, value_name = "N")]
    pub revision: Option<u32>,
    #[arg(long, value_name = "N", conflicts_with = "format")]
    pub compare: Option<u32>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: DraftFormat,
}

/// A draft printed as plain text (which `draft import` reads back) or as its JSON structure.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DraftFormat {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum BodyCommand {
    Create(BodyCreate),
    Rules(BodyRules),
    Nominate(BodyNominate),
    Pin(BodyPin),
    Check(BodyCheck),
    Solve(BodySolve),
    Seat(BodySeat),
    Chairs(BodyChairs),
    Show(BodyShow),
}

#[derive(Debug, Args)]
pub struct BodyChairs {
    pub slug: String,
    /// The nominators the chair rotates between, in order, separated by commas (ITU,UNESCO,UNDP).
    #[arg(long, value_name = "NAMES")]
    pub rotation: Option<String>,
}

#[derive(Debug, Args)]
pub struct BodyCreate {
    pub slug: String,
    #[arg(long, value_name = "SLUG")]
    pub consultation: String,
    #[arg(long, value_name = "TEXT")]
    pub name: String,
    #[arg(long, value_name = "TEXT", default_value = "")]
    pub mandate: String,
    #[arg(long, value_name = "YEARS", default_value_t = 2)]
    pub term_years: u32,
}

#[derive(Debug, Args)]
pub struct BodyRules {
    pub slug: String,
    /// The rules file (one rule a line); without it, the rules are printed.
    #[arg(long, value_name = "FILE")]
    pub file: Option<PathBuf>,
    #[arg(long, value_enum)]
    pub objective: Option<ObjectiveArg>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ObjectiveArg {
    Priority,
    SpreadCountries,
    KeepSeated,
}

#[derive(Debug, Args)]
pub struct BodyNominate {
    pub slug: String,
    /// A CSV file: person, nominator, process, stakeholder_group, country, gender, expertise, statement, priority.
    #[arg(long, value_name = "FILE")]
    pub csv: PathBuf,
}

#[derive(Debug, Args)]
pub struct BodyPin {
    pub slug: String,
    #[arg(long, value_name = "N")]
    pub nomination: i64,
    #[arg(long, value_enum)]
    pub pin: PinArg,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PinArg {
    In,
    Out,
    Free,
}

#[derive(Debug, Args)]
pub struct BodyCheck {
    pub slug: String,
    /// The nominations of the slate (numbers, separated by commas); default: those seated today.
    #[arg(long, value_name = "N", value_delimiter = ',')]
    pub slate: Vec<i64>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: ListFormat,
}

#[derive(Debug, Args)]
pub struct BodySolve {
    pub slug: String,
    #[arg(long, value_enum, default_value = "text")]
    pub format: ListFormat,
}

#[derive(Debug, Args)]
pub struct BodySeat {
    pub slug: String,
    /// The nominations seated (numbers, separated by commas); default: the solver's slate.
    #[arg(long, value_name = "N", value_delimiter = ',')]
    pub members: Vec<i64>,
    /// The term's first day (default: today).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// The nomination seated as chair for the term.
    #[arg(long, value_name = "N")]
    pub chair: Option<i64>,
    /// The nomination seated as co-chair for the term.
    #[arg(long, value_name = "N")]
    pub co_chair: Option<i64>,
}

#[derive(Debug, Args)]
pub struct BodyShow {
    pub slug: String,
    #[arg(long, value_enum, default_value = "text")]
    pub format: ListFormat,
}

#[derive(Debug, Subcommand)]
pub enum FollowUpCommand {
    ActionLines(FollowUpActionLines),
    Import(FollowUpImport),
    Export(FollowUpExport),
    Commitments(FollowUpCommitments),
    Update(FollowUpUpdate),
    Facilitators(FollowUpFacilitators),
    #[command(subcommand)]
    Round(RoundCommand),
}

/// Reporting rounds: a consultation through which the invited organisations file their progress
/// reports.
#[derive(Debug, Subcommand)]
pub enum RoundCommand {
    Open(RoundOpen),
    Status(RoundStatus),
    Remind(RoundRemind),
}

#[derive(Debug, Args)]
pub struct RoundOpen {
    /// The consultation reports are filed through (its questions the template, its closing the deadline).
    #[arg(value_name = "SLUG")]
    pub consultation: String,
    #[arg(long, value_name = "YEAR")]
    pub year: i32,
    /// Action lines, separated by commas (C2,C5).
    #[arg(long, value_name = "CODES", value_delimiter = ',', required = true)]
    pub action_lines: Vec<String>,
    /// Recorded entities invited to report, separated by semicolons.
    #[arg(long, value_name = "NAMES", value_delimiter = ';')]
    pub invite: Vec<String>,
    /// Also invite, as an invitation campaign chooses them, the entities of these accreditation
    /// lists, stakeholder groups, UN regional groups and countries that have a contact.
    #[command(flatten)]
    pub choice: ChoiceArgs,
    /// With a list, group, region or country: send each contact chosen the campaign's
    /// invitation to the round, with its link under this public address.
    #[arg(long, env = "CONSULTA_PUBLIC_URL", hide_env_values = true, value_name = "URL")]
    pub public_url: Option<String>,
}

#[derive(Debug, Args)]
pub struct RoundStatus {
    #[arg(value_name = "SLUG")]
    pub consultation: String,
    #[arg(long, value_enum, default_value = "text")]
    pub format: ListFormat,
}

#[derive(Debug, Args)]
pub struct RoundRemind {
    #[arg(value_name = "SLUG")]
    pub consultation: String,
    /// The instance's public address, which the reminders link to.
    #[arg(long, env = "CONSULTA_PUBLIC_URL", hide_env_values = true, value_name = "URL")]
    pub public_url: String,
}

#[derive(Debug, Args)]
pub struct FollowUpActionLines {
    #[arg(long, value_enum, default_value = "text")]
    pub format: ListFormat,
}

#[derive(Debug, Args)]
pub struct FollowUpImport {
    /// A results CSV: id, parent_id, title/en, description/en, start_date, end_date, status, progress, entity,
    /// action_lines, indicator, target, consultation.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The day the statuses in the file hold from (today by default).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub on: Option<jiff::civil::Date>,
}

#[derive(Debug, Args)]
pub struct FollowUpExport {
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct FollowUpCommitments {
    #[arg(long, value_name = "CODE")]
    pub action_line: Option<String>,
    #[arg(long, value_name = "NAME")]
    pub entity: Option<String>,
    #[arg(long, value_enum)]
    pub status: Option<StatusArg>,
    /// Only those of recorded entities of this stakeholder group.
    #[arg(long, value_name = "GROUP")]
    pub group: Option<String>,
    /// Only those of entities of this UN regional group (african, asia_pacific, …).
    #[arg(long, value_name = "REGION")]
    pub region: Option<String>,
    /// Only those of entities of this development status (ldc, developing, developed).
    #[arg(long, value_name = "STATUS")]
    pub development: Option<String>,
    /// Only those serving this issue of the taxonomy (its identifier).
    #[arg(long, value_name = "ISSUE")]
    pub issue: Option<String>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: ListFormat,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum StatusArg {
    Planned,
    InProgress,
    Achieved,
    Dropped,
}

impl From<StatusArg> for consulta_followup::CommitmentStatus {
    fn from(status: StatusArg) -> Self {
        match status {
            StatusArg::Planned => consulta_followup::CommitmentStatus::Planned,
            StatusArg::InProgress => consulta_followup::CommitmentStatus::InProgress,
            StatusArg::Achieved => consulta_followup::CommitmentStatus::Achieved,
            StatusArg::Dropped => consulta_followup::CommitmentStatus::Dropped,
        }
    }
}

#[derive(Debug, Args)]
pub struct FollowUpUpdate {
    #[arg(value_name = "N")]
    pub commitment: i64,
    #[arg(long, value_enum)]
    pub status: StatusArg,
    #[arg(long, value_name = "PERCENT")]
    pub progress: u8,
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub on: Option<jiff::civil::Date>,
    #[arg(long, value_name = "TEXT", default_value = "")]
    pub note: String,
}

#[derive(Debug, Args)]
pub struct FollowUpFacilitators {
    #[arg(long, value_name = "YEAR")]
    pub year: Option<i32>,
    /// With --set: the action line whose facilitators are replaced.
    #[arg(long, value_name = "CODE", requires = "set")]
    pub action_line: Option<String>,
    /// Organisations and their roles, separated by commas: "ITU:lead,UNESCO:co_facilitator".
    #[arg(long, value_name = "LIST", requires_all = ["action_line", "year"])]
    pub set: Option<String>,
}

/// API keys for the bulk channel, issued to an organisation for one consultation.
#[derive(Debug, Subcommand)]
pub enum ApiKeyCommand {
    Issue(ApiKeyIssue),
    List,
    Revoke(ApiKeyRevoke),
}

#[derive(Debug, Args)]
pub struct ApiKeyIssue {
    #[arg(long, value_name = "SLUG")]
    pub consultation: String,
    /// The recorded entity the key is issued to.
    #[arg(long, value_name = "NAME")]
    pub entity: String,
    /// What the key is for, as the secretariat will recognise it.
    #[arg(long, value_name = "TEXT")]
    pub label: String,
    #[arg(long, value_name = "N", default_value_t = consulta_auth::api_keys::DEFAULT_LINES_PER_HOUR)]
    pub lines_per_hour: u64,
}

#[derive(Debug, Args)]
pub struct ApiKeyRevoke {
    #[arg(value_name = "N")]
    pub key: i64,
}

/// The forum on projects and funding: what the secretariat reads, posts for an entity and moderates.
#[derive(Debug, Subcommand)]
pub enum ForumCommand {
    List(ForumList),
    Show(ForumShow),
    Post(ForumPostArgs),
    Hide(ForumHide),
    Restore(ForumRestore),
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ForumKindArg {
    Project,
    Funding,
}

impl ForumKindArg {
    pub fn as_str(self) -> &'static str {
        match self {
            ForumKindArg::Project => "project",
            ForumKindArg::Funding => "funding",
        }
    }
}

#[derive(Debug, Args)]
pub struct ForumList {
    #[arg(long, value_enum)]
    pub kind: Option<ForumKindArg>,
    #[arg(long, value_name = "CODE")]
    pub action_line: Option<String>,
    #[arg(long, value_name = "CODE")]
    pub country: Option<String>,
    /// The items the secretariat has hidden instead, with their reasons.
    #[arg(long)]
    pub hidden: bool,
    #[arg(long, value_enum, default_value = "text")]
    pub format: ListFormat,
}

#[derive(Debug, Args)]
pub struct ForumShow {
    #[arg(value_name = "N")]
    pub item: i64,
    #[arg(long, value_enum, default_value = "text")]
    pub format: ListFormat,
}

#[derive(Debug, Args)]
pub struct ForumPostArgs {
    /// The recorded entity the item is posted for.
    #[arg(long, value_name = "NAME")]
    pub entity: String,
    /// A JSON object of the item's fields: kind, title, description, action_lines, countries, budget (a project's);
    /// regions, development, groups, amount_min, amount_max, deadline, funder (a funding source's); contact.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct ForumHide {
    #[arg(value_name = "N")]
    pub item: i64,
    /// One answer of its thread, rather than the item.
    #[arg(long, value_name = "M")]
    pub answer: Option<i64>,
    /// Why, shown in its place.
    #[arg(long, value_name = "TEXT")]
    pub reason: String,
}

#[derive(Debug, Args)]
pub struct ForumRestore {
    #[arg(value_name = "N")]
    pub item: i64,
    #[arg(long, value_name = "M")]
    pub answer: Option<i64>,
}

#[derive(Debug, Subcommand)]
pub enum CampaignsCommand {
    Rebuild(CampaignsRebuild),
    List(CampaignsOutput),
    Members(CampaignsOutput),
    Name(CampaignsName),
}

#[derive(Debug, Args)]
pub struct CampaignsName {
    #[arg(long, value_name = "SLUG")]
    pub consultation: String,
    #[arg(long, value_name = "ID")]
    pub campaign: i64,
    #[arg(long, value_name = "TEXT", required_unless_present = "clear")]
    pub name: Option<String>,
    #[arg(long, value_name = "TEXT", default_value = "", conflicts_with = "clear")]
    pub note: String,
    #[arg(long, conflicts_with = "name")]
    pub clear: bool,
}

#[derive(Debug, Args)]
pub struct CampaignsRebuild {
    #[arg(long, value_name = "SLUG")]
    pub consultation: String,
}

#[derive(Debug, Args)]
pub struct CampaignsOutput {
    #[arg(long, value_name = "SLUG")]
    pub consultation: String,
    #[arg(long, value_enum, default_value = "csv")]
    pub format: ListFormat,
}

#[derive(Debug, Subcommand)]
pub enum AgreementCommand {
    ImportPolis(ImportPolis),
    Groups(AgreementOutput),
    Statements(AgreementOutput),
    Propose(ProposeStatement),
}

#[derive(Debug, Args)]
pub struct ImportPolis {
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    #[arg(long, value_name = "SLUG")]
    pub consultation: String,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ListFormat {
    Text,
    Csv,
    Json,
}

impl From<ListFormat> for consulta_report::ListFormat {
    fn from(format: ListFormat) -> Self {
        match format {
            ListFormat::Text => consulta_report::ListFormat::Text,
            ListFormat::Csv => consulta_report::ListFormat::Csv,
            ListFormat::Json => consulta_report::ListFormat::Json,
        }
    }
}

#[derive(Debug, Args)]
pub struct AgreementOutput {
    #[arg(long, value_name = "SLUG")]
    pub consultation: String,
    #[arg(long, value_enum, default_value = "csv")]
    pub format: ListFormat,
    #[arg(long, value_enum)]
    pub lang: Option<InterfaceLanguage>,
}

#[derive(Debug, Args)]
pub struct ProposeStatement {
    #[arg(long, value_name = "SLUG")]
    pub consultation: String,
    #[arg(long, value_name = "TEXT")]
    pub text: String,
    /// The language of the text (default: the consultation's original language).
    #[arg(long, value_name = "TAG")]
    pub language: Option<String>,
    #[arg(long, value_name = "ID")]
    pub from_contribution: Option<i64>,
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    Contributions(ImportContributions),
}

#[derive(Debug, Args)]
pub struct ImportContributions {
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    #[arg(long, value_name = "SLUG")]
    pub consultation: String,
    #[arg(long)]
    pub accept_late: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    Text,
    Csv,
    Json,
    Markdown,
}

/// One of the six interface languages, as `--lang` takes it.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum InterfaceLanguage {
    En,
    Ar,
    Zh,
    Fr,
    Ru,
    Es,
}

impl InterfaceLanguage {
    pub fn tag(self) -> &'static str {
        match self {
            InterfaceLanguage::En => "en",
            InterfaceLanguage::Ar => "ar",
            InterfaceLanguage::Zh => "zh",
            InterfaceLanguage::Fr => "fr",
            InterfaceLanguage::Ru => "ru",
            InterfaceLanguage::Es => "es",
        }
    }
}

#[derive(Debug, Args)]
pub struct TableArgs {
    #[arg(long, value_name = "SLUG")]
    pub consultation: String,
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    #[arg(long, value_enum)]
    pub lang: Option<InterfaceLanguage>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ReportFileFormat {
    Html,
    Md,
    Docx,
    Pdf,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[arg(long, value_name = "SLUG", required_unless_present = "year")]
    pub consultation: Option<String>,
    #[arg(long, value_enum, default_value = "synthesis")]
    pub kind: ReportKind,
    /// The year of a follow-up report.
    #[arg(long, value_name = "YEAR", required_if_eq("kind", "follow-up"))]
    pub year: Option<i16>,
    #[arg(long, value_enum)]
    pub lang: Option<InterfaceLanguage>,
    #[arg(long, value_enum, default_value = "html")]
    pub format: ReportFileFormat,
    #[arg(long, short, value_name = "PATH")]
    pub output: Option<PathBuf>,
    #[arg(long, env = "CONSULTA_PUBLIC_URL", hide_env_values = true, value_name = "URL")]
    pub public_url: Option<String>,
}

/// Which report: a consultation's synthesis, or the year's follow-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportKind {
    Synthesis,
    FollowUp,
}

#[derive(Debug, Args)]
pub struct ReportDetailsArgs {
    #[arg(long, value_name = "SLUG")]
    pub consultation: String,
    #[arg(long, value_name = "FILE")]
    pub set: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDRESS")]
    pub addr: SocketAddr,
    #[arg(long, env = "CONSULTA_MAX_FILES", hide_env_values = true, default_value_t = 10, value_name = "N")]
    pub max_files: usize,
    #[arg(long, env = "CONSULTA_MAX_FILE_MIB", hide_env_values = true, default_value_t = 25, value_parser = clap::value_parser!(u64).range(1..=4096), value_name = "MIB")]
    pub max_file_mib: u64,
    #[arg(long, env = "CONSULTA_UNVERIFIED_PER_HOUR", hide_env_values = true, default_value_t = 600, value_name = "N")]
    pub unverified_per_hour: usize,
    #[arg(long, env = "CONSULTA_SMTP", hide_env_values = true, value_name = "URL")]
    pub smtp: Option<Secret>,
    #[arg(
        long,
        env = "CONSULTA_MAIL_FROM",
        hide_env_values = true,
        default_value = "Consulta <consulta@localhost>",
        value_name = "ADDRESS"
    )]
    pub mail_from: String,
    #[arg(long, env = "CONSULTA_OUTBOX", hide_env_values = true, value_name = "DIR")]
    pub outbox: Option<PathBuf>,
    #[arg(long, default_value_t = 60, value_parser = clap::value_parser!(u32).range(1..=6000), value_name = "N")]
    pub mail_per_minute: u32,
    #[arg(long, env = "CONSULTA_PUBLIC_URL", hide_env_values = true, value_name = "URL")]
    pub public_url: Option<String>,
    #[arg(long, env = "CONSULTA_MAX_CONNECTIONS", hide_env_values = true, default_value_t = 1024, value_parser = clap::value_parser!(u32).range(1..=1_000_000), value_name = "N")]
    pub max_connections: u32,
    #[arg(long = "trusted-proxy", env = "CONSULTA_TRUSTED_PROXIES", value_delimiter = ',', value_parser = consulta_web::parse_trusted_proxy, value_name = "ADDRESS|NETWORK")]
    pub trusted_proxies: Vec<ipnet::IpNet>,
    #[arg(long, env = "CONSULTA_EXTRACT_MEMORY_MIB", hide_env_values = true, default_value_t = 1024, value_parser = clap::value_parser!(u64).range(64..=65536), value_name = "MIB")]
    pub extract_memory_mib: u64,
}

impl ServeArgs {
    /// Text is extracted by this binary run as a child process, within these limits.
    pub fn extractor(&self) -> std::io::Result<consulta_extract::Extractor> {
        let limits =
            consulta_extract::ExtractionLimits { memory_bytes: self.extract_memory_mib << 20, ..Default::default() };
        consulta_extract::Extractor::this_binary(&[crate::EXTRACT_WORKER], limits)
    }

    pub fn limits(&self) -> consulta_intake::submission::Limits {
        consulta_intake::submission::Limits {
            max_files: self.max_files,
            max_file_bytes: self.max_file_mib * 1024 * 1024,
        }
    }
}

/// Sets every command's and argument's help from the i18n files, and the words clap adds
/// itself (the usage line, the headings, defaults, variables and values, the help and version
/// flags), so that `--help` reads wholly in the user's language.
pub fn localize(command: clap::Command, localizer: &Localizer) -> clap::Command {
    let version = clap::Arg::new("version")
        .short('V')
        .long("version")
        .action(clap::ArgAction::Version)
        .help(localizer.text("cli-version-flag"));
    let command = command.disable_version_flag(true).arg(version);
    localize_at(command, localizer, "consulta")
}

/// An argument's help with what clap would add in English: its default, its variable, the values
/// it takes.
fn argument_help(argument: &clap::Arg, help: String, localizer: &Localizer) -> String {
    let mut help = help;
    let values = argument.get_possible_values();
    if !values.is_empty() && !argument.is_hide_possible_values_set() {
        let values: Vec<&str> = values.iter().map(|v| v.get_name()).collect();
        help += &format!(" [{}]", localizer.format("cli-possible-values", &[("values", values.join(", ").into())]));
    }
    let defaults: Vec<String> =
        argument.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
    if !defaults.is_empty() && !argument.is_hide_default_value_set() {
        help += &format!(" [{}]", localizer.format("cli-default-value", &[("value", defaults.join(", ").into())]));
    }
    if let Some(variable) = argument.get_env() {
        help += &format!(
            " [{}]",
            localizer.format("cli-env-variable", &[("name", variable.to_string_lossy().into_owned().into())])
        );
    }
    help
}

fn localize_at(mut command: clap::Command, localizer: &Localizer, path: &str) -> clap::Command {
    command = command
        .about(localizer.text(&format!("cli-help-{path}")))
        .help_template(format!(
            "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            localizer.text("cli-usage")
        ))
        .subcommand_help_heading(localizer.text("cli-commands"))
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help(localizer.text("cli-help-flag")),
        );
    let options = localizer.text("cli-options");
    let positionals = localizer.text("cli-arguments");
    let arguments: Vec<String> =
        command.get_arguments().map(|a| a.get_id().to_string()).filter(|id| id != "help" && id != "version").collect();
    for id in arguments {
        let help = localizer.text(&format!("cli-help-{path}-{id}"));
        command = command.mut_arg(&id, |a| {
            let help = argument_help(&a, help, localizer);
            let heading = if a.is_positional() { positionals.clone() } else { options.clone() };
            let a = a.help(help).help_heading(heading).hide_env(true);
            // What clap would add of values is in the help already, in the reader's language.
            if a.get_action().takes_values() { a.hide_default_value(true).hide_possible_values(true) } else { a }
        });
    }
    command = command.mut_arg("help", |a| a.help_heading(options.clone()));
    if command.get_arguments().any(|a| a.get_id() == "version") {
        command = command.mut_arg("version", |a| a.help_heading(options.clone()));
    }
    let subcommands: Vec<String> = command.get_subcommands().map(|s| s.get_name().to_owned()).collect();
    for name in subcommands {
        command = command.mut_subcommand(&name, |s| localize_at(s, localizer, &format!("{path}-{name}")));
    }
    command
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    fn keys(command: &clap::Command, path: &str, out: &mut Vec<String>) {
        out.push(format!("cli-help-{path}"));
        let own = command.get_arguments().filter(|a| !["help", "version"].contains(&a.get_id().as_str()));
        out.extend(own.map(|a| format!("cli-help-{path}-{}", a.get_id())));
        for sub in command.get_subcommands() {
            keys(sub, &format!("{path}-{}", sub.get_name()), out);
        }
    }

    #[test]
    fn every_command_and_argument_has_help_in_every_language() {
        let mut all = Vec::new();
        keys(&Cli::command(), "consulta", &mut all);
        for language in consulta_i18n::LANGUAGES {
            let localizer = Localizer::for_language(language).expect("language");
            let missing: Vec<_> = all.iter().filter(|k| !localizer.has(k)).collect();
            assert!(missing.is_empty(), "{language}: no help for {missing:?}");
        }
    }

    #[test]
    fn passwords_in_settings_never_show_in_debug_output() {
        let cli = Cli::try_parse_from([
            "consulta",
            "--db",
            "postgres://consulta:db-secret@localhost/consulta",
            "serve",
            "--smtp",
            "smtp://mailer:smtp-secret@mail.example.org",
        ])
        .expect("arguments");
        let shown = format!("{cli:?}");
        assert!(!shown.contains("db-secret") && !shown.contains("smtp-secret"), "{shown}");
        assert!(shown.contains("postgres://consulta:***@localhost/consulta"), "{shown}");
        assert_eq!(cli.db.expose(), "postgres://consulta:db-secret@localhost/consulta");
    }

    #[test]
    fn the_command_line_is_well_formed() {
        localize(Cli::command(), &Localizer::default()).debug_assert();
    }
}
