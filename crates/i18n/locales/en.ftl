## Consulta — English messages. Every key here exists in each of the six files (a test checks).

test-greeting = Hello, { $name }

## Stakeholder groups, channels, regional groups, development status

group-government = Governments
group-international_organization = International organisations
group-civil_society = Civil society
group-private_sector = Private sector
group-academic = Academic community
group-technical = Technical community
channel-written = Written comments
channel-presentation = Presentations at the meeting
channel-intervention = Interventions in the open debate
channel-written-short = Written
channel-presentation-short = Presentation
channel-intervention-short = Intervention
region-african = African States
region-asia_pacific = Asia-Pacific States
region-eastern_european = Eastern European States
region-latin_american_caribbean = Latin American and Caribbean States
region-weog = Western European and other States
development-ldc = Least developed country
development-developing = Developing country
development-developed = Developed country
status-upcoming = Not yet open
status-open = Open for contributions
status-closed = Closed

## The distribution table

table-caption = Distribution of contributions received
table-group = Stakeholder group
table-total = Total
table-unverified = Identity not verified (not counted above)
table-withheld-note = { $count ->
    [one] One contribution withheld from publication is not counted.
   *[other] { $count } contributions withheld from publication are not counted.
}
table-empty = No contribution has been received yet.

## Import of contribution files

import-row-field-error = line { $line }, column { $field }: { $problem }
import-row-error = line { $line }: { $problem }
import-missing = this field is required and is empty
import-not-utf8 = the text is not valid UTF-8 (save the file as “CSV UTF-8”)
import-field-count = the row has { $found } fields where the header has { $expected }
import-entity-name-too-long = the entity name is longer than { $max } characters
import-entity-name-control = the entity name contains a control character (a line break or tab, for example)
import-country-required = a government names its country: choose it in the list
import-unknown-group = unknown stakeholder group “{ $value }” (expected one of: { $known })
import-unknown-country = unknown country code “{ $value }” (expected an ISO 3166-1 code such as FR or FRA, or nothing for an international entity)
import-unknown-channel = unknown channel “{ $value }” (expected written, presentation or intervention)
import-bad-date = “{ $value }” is not a date (expected RFC 3339 such as 2010-12-14T15:00:00Z, or a date such as 2010-12-14)
import-outside-period = { $value } is outside the consultation’s period (to record such rows, marked late, import with --accept-late)
import-bad-language = “{ $value }” is not a language tag (expected a BCP 47 tag such as en, fr or es-419)
import-title-too-long = the title is longer than { $max } characters
import-control-character = it holds an invisible control character ({ $code }) at character { $at }: remove it
import-body-too-large = the text is larger than { $max } bytes
import-meeting-required = a contribution of the kind “{ $channel }” is made at a meeting: give the meeting’s date
import-unknown-meeting = the consultation has no meeting on “{ $value }” (its meetings: { $known })
import-no-meetings = the consultation has no meeting on “{ $value }” (it has no meeting yet: add one with “consulta meeting add”)
import-entity-group-conflict = “{ $entity }” is recorded in the group “{ $recorded }”
import-entity-country-conflict = “{ $entity }” is recorded with the country { $recorded }
import-entity-no-country = “{ $entity }” is recorded with no country
import-file-empty = the file is empty (expected a header row: { $expected })
import-file-no-rows = the file has a header but no contribution
import-file-missing-columns = the header lacks the columns { $columns } (expected: { $expected })
import-file-unknown-columns = the header has unknown columns { $columns } (expected: { $expected }, and optionally on_behalf_of)
import-file-duplicate-column = the header names the column { $column } twice
import-file-unreadable = line { $line }: the file cannot be read as CSV ({ $reason })

## Command line

cli-consultation-created = Created the consultation { $slug }: { $status }, from { $opens } to { $closes } ({ $zone }).
cli-meeting-added = Added the meeting of { $date } in { $place } to { $slug }.
cli-imported = Imported { $contributions ->
    [one] 1 contribution
   *[other] { $contributions } contributions
  } into { $slug } ({ $entities } new entities, { $late } late).
cli-import-refused = { $file }: nothing was imported. Correct these rows and import the file again:
cli-import-more-errors = … and { $count } more.
cli-import-file-refused = { $file }: nothing was imported: { $problem }
cli-import-progress = Importing
cli-unknown-consultation = There is no consultation “{ $slug }”. { $known }
cli-known-consultations = Known consultations: { $list }.
cli-no-consultations = There is no consultation yet: create one with “consulta consultation create”.
cli-serving = Consulta is serving { $url }
cli-demo-loading = Loading the demonstration consultation into { $path } …
role-secretariat = Secretariat
role-focal_point = Focal point
demo-accounts-title = Demonstration accounts
demo-accounts-intro = This demonstration only: these accounts and their passwords exist in its throwaway database and are shown to anyone who opens it. Sign in as the secretariat to tag contributions, withhold one, invite focal points and write the report; sign in as the focal point to contribute in the name of a fictional State.
demo-accounts-sign-in = Sign in with one of them
cli-demo-account = { $role }: { $email }, password { $password }
cli-demo-accounts = Demonstration accounts (this demo only; shown on its home page too):
cli-demo-loaded = Loaded { $count } example contributions.
cli-error = error
cli-consultation-line = { $slug }  { $status }  { $opens } – { $closes }  { $title }

## Web pages

site-name = Consulta
site-tagline = Open multi-stakeholder consultations
skip-link = Skip to the content
language-switch = Language
example-banner = Example data. The entities and texts of this consultation are invented for demonstration; they are not the words of any real government or organisation.
example-label = Example
consultations-title = Consultations
consultations-intro = Calls for contributions from governments, international organisations, civil society, the private sector and the academic and technical communities.
consultations-empty = There is no consultation yet.
consultation-mandate = Mandate
consultation-period = Period
consultation-period-value = { $opens } to { $closes } ({ $zone })
consultation-status = Status
consultation-questions = Guiding questions
consultation-meetings = Meetings
consultation-meeting-line = { $date }, { $place }
consultation-contributions = Contributions
consultation-table-link = The distribution table
filter-legend = Show contributions
filter-group = Stakeholder group
filter-channel = Channel
filter-all = All
filter-apply = Show
contributions-count = { $total ->
    [0] No contribution matches.
    [one] 1 contribution.
   *[other] { $total } contributions; { $from } to { $to } shown.
  }
contributions-column-date = Received
contributions-column-title = Title
contributions-column-entity = Entity
page-previous = Previous page
page-next = Next page
pagination = Pages
contribution-entity = Entity
contribution-group = Stakeholder group
contribution-channel = Channel
contribution-meeting = Meeting
contribution-submitted = Received
contribution-language = Language
contribution-on-behalf-of = Speaking for
contribution-late = Received outside the consultation period
contribution-consultation = Consultation
contribution-text = Text
entity-group = Stakeholder group
entity-country = Country
entity-no-country = None (international entity)
entity-regional-group = UN regional group
entity-development = Development status
entity-contributions = Contributions
entity-none = —
error-not-found-title = Page not found
error-not-found = There is nothing at this address. It may have been mistyped, or the item may not exist.
error-bad-request-title = Request not understood
error-bad-request = The address contains a value Consulta cannot read: { $detail }
error-server-title = Something went wrong
error-server = Consulta could not show this page because of an error on its side. The error has been logged; please try again later.
back-home = Back to the consultations
footer-record = Every contribution received is part of the public record.
footer-software = Consulta, open-source software for public consultations.

## Dates

date-long = { $day } { $month } { $year }
date-time = { $date }, { $time }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Language names, each in its own language

language-name-en = English
language-name-fr = Français

## Consultation list

consultation-contribution-total = { $total ->
    [0] no contribution yet
    [one] 1 contribution
   *[other] { $total } contributions
  }

## Command-line help (cli-help-<command path>[-<argument>])

cli-help-consulta = Consulta: open multi-stakeholder consultations, from the call for contributions to the record and its tables.
cli-help-consulta-db = The database: an SQLite file, created if missing (also sqlite:///path), or a PostgreSQL database, postgres://user:password@host:port/name, which several servers can share
cli-help-consulta-config = A settings file in TOML, one setting per line named as its flag is (db = "consulta.db", public-url = "https://…", max-files = 10). A flag or its CONSULTA_* variable wins over the file, and the file over the defaults
cli-help-consulta-consultation = Create and list consultations
cli-help-consulta-consultation-create = Create a consultation: a call for contributions with a mandate and a period
cli-help-consulta-consultation-create-slug = Short name used in addresses and commands (lower-case letters, digits, '-')
cli-help-consulta-consultation-create-title = Title, in the language given by --lang
cli-help-consulta-consultation-create-opens = Opening date (2010-09-01) or date-time (2010-09-01T09:00) in the time zone
cli-help-consulta-consultation-create-closes = Closing date (the whole day is included) or date-time, in the time zone
cli-help-consulta-consultation-create-mandate = The decision that calls for the consultation (e.g. "ECOSOC resolution 2010/2")
cli-help-consulta-consultation-create-description = Description, in the language given by --lang
cli-help-consulta-consultation-create-questions = A guiding question; repeat for several
cli-help-consulta-consultation-create-lang = Language of the texts given (BCP 47 tag: en, fr, es, …)
cli-help-consulta-consultation-create-time_zone = Time zone of the dates (IANA name: UTC, Europe/Zurich, America/New_York)
cli-help-consulta-consultation-list = List the consultations
cli-help-consulta-meeting = Manage the meetings of a consultation
cli-help-consulta-meeting-add = Add a meeting, where presentations and interventions are made
cli-help-consulta-meeting-add-consultation = The consultation's slug
cli-help-consulta-meeting-add-date = The meeting's date (2010-12-14)
cli-help-consulta-meeting-add-place = Where it takes place
cli-help-consulta-import = Import data into the record
cli-help-consulta-import-contributions = Import contributions from a CSV file (columns: entity,stakeholder_group,country,channel,submitted_at,language,title,body,meeting); all rows or none
cli-help-consulta-import-contributions-file = The CSV file (UTF-8, with or without BOM), or - for standard input
cli-help-consulta-import-contributions-consultation = The consultation's slug
cli-help-consulta-import-contributions-accept_late = Record rows dated outside the consultation's period, marked late, instead of refusing the file
cli-help-consulta-table = Print the distribution of contributions by stakeholder group and channel
cli-help-consulta-table-consultation = The consultation's slug
cli-help-consulta-table-format = Output format
cli-help-consulta-table-lang = Language of the labels (default: from the environment)
cli-help-consulta-report = Write the draft synthesis report of a consultation (numbered paragraphs, tables, issues, mechanisms and gaps, charts, annex of contributors)
cli-help-consulta-report-consultation = The consultation's slug
cli-help-consulta-report-lang = Language of the report (default: from the environment)
cli-help-consulta-report-format = File format: html, md (Markdown), docx (Word, opens in LibreOffice) or pdf
cli-help-consulta-report-output = Write to this file instead of standard output
cli-help-consulta-report-public_url = The public site's address, for the links to contributions (CONSULTA_PUBLIC_URL); without it, contributions are named without links
cli-report-annex = The list of contributors, too long for the report, is written to { $path }.
cli-help-consulta-load-demo = Load the demonstration consultation into the database given by --db (which should be new), to try the other commands on it
cli-help-consulta-backup = Back up the instance (database and attachments) into a new directory, while it keeps serving
cli-help-consulta-backup-directory = The directory to create
cli-help-consulta-restore = Restore a backup as a new instance (--db, a new SQLite file or an empty PostgreSQL database; --files must not exist yet), then check every contribution against the log
cli-help-consulta-restore-directory = The backup's directory
cli-backup-exists = { $path } exists already: a backup goes into a new directory.
cli-backup-done = Backed up to { $path }: { $contributions } contributions, { $attachments } attachments, log root { $root }.
cli-restore-format = This is not a Consulta backup Consulta can read (format { $format }).
cli-restore-exists = { $path } exists already: a restore makes a new instance, it never overwrites one.
cli-restore-root = The restored log's root is { $found }, the backup recorded { $expected }.
cli-restore-failed = The restored record does not check out:
cli-restore-done = Restored into { $path }: { $contributions ->
    [one] one contribution, in the log
   *[other] { $contributions } contributions, each in the log
}; root { $root }, as backed up.
cli-help-consulta-check = Check every contribution against the public log: one leaf each, its record unchanged, its proof leading to the root
cli-check-failed = The record does not check out:
cli-check-done = { $contributions ->
    [one] One contribution checked
   *[other] { $contributions } contributions checked
}{ $statements ->
    [0] {""}
    [one] {" "}and one statement put to the vote
   *[other] {" "}and { $statements } statements put to the vote
}{ $amendments ->
    [0] {""}
    [one] {" "}and one amendment to a draft
   *[other] {" "}and { $amendments } amendments to drafts
}: each is in the log, unchanged. Root { $root }. The tree rebuilt from the records matches { $heads ->
    [0] no signed head (no journal at { $journal })
    [one] the one signed head of { $journal }
   *[other] all { $heads } signed heads of { $journal }
}.
cli-help-consulta-serve = Serve the public pages and the API
cli-help-consulta-serve-addr = Address to listen on (port 0 picks a free port)
cli-help-consulta-demo = Load the demonstration consultation into a fresh temporary database and serve it
cli-help-consulta-demo-addr = Address to listen on (port 0 picks a free port)

## Command line: the words of --help that clap would write in English (it adds the colon after a heading)
cli-usage = Usage:
cli-options = Options
cli-arguments = Arguments
cli-commands = Commands
cli-help-flag = Print this help
cli-version-flag = Print the version
cli-possible-values = values: { $values }
cli-default-value = default: { $value }
cli-env-variable = variable: { $name }

## Command line: translations and databases

cli-consultation-translated = The consultation { $slug } now has its texts in: { $languages }.
cli-no-database = There is no database at { $path }. Create a consultation first (consulta consultation create), or give the right path with --db or CONSULTA_DB.
cli-help-consulta-consultation-translate = Add a consultation's title, description and guiding questions in another language
cli-help-consulta-consultation-translate-consultation = The consultation's slug
cli-help-consulta-consultation-translate-lang = The language of the texts given (BCP 47 tag: fr, es, ar, …)
cli-help-consulta-consultation-translate-title = The title in that language
cli-help-consulta-consultation-translate-description = The description in that language
cli-help-consulta-consultation-translate-questions = Each guiding question in that language, in order; repeat for each
cli-help-consulta-consultation-translate-mandate = The mandate in that language

## Submissions (web form and API)

import-bad-email = “{ $value }” is not an email address
submit-field-problem = { $field }: { $problem }.
submit-field-entity = Name of the entity
submit-field-stakeholder_group = Stakeholder group
submit-field-country = Country
submit-field-email = Contact email
submit-field-language = Language
submit-field-title = Title
submit-field-body = Text
submit-field-files = Attachments
submit-too-many-files = At most { $max } files may be attached to one contribution.
submit-file-too-large = The file “{ $name }” is larger than { $max }, the most one file may be.
submit-bad-file-name = The file name “{ $name }” cannot be used.
submit-not-open = This consultation is not yet open for contributions.
submit-closed = This consultation is closed and no longer accepts contributions.
submit-idempotency-conflict = This Idempotency-Key was already used for a different submission.
submit-bad-idempotency-key = The Idempotency-Key header must be 1 to 200 visible ASCII characters.
submit-malformed = The request could not be read as a multipart form: { $detail }
submit-unknown-field = The request has a field Consulta does not know: { $field }
submit-too-large = The request is larger than Consulta accepts ({ $max } at most).
submit-field-too-large = The field “{ $field }” is longer than { $max }, more than it can hold.
cli-help-consulta-files = Where attachments are kept: a directory (default: beside the database, named after it with "-files") or an S3-compatible bucket, s3://bucket/prefix?endpoint=https://…&region=… (credentials from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)
cli-help-consulta-verify = Check a receipt against a running instance: is the contribution still in the public record, unchanged?
cli-help-consulta-verify-receipt = The receipt (JSON, as the instance gave it)
cli-help-consulta-verify-server = The instance's address (e.g. https://consultations.example.org)

## Receipts checked with `consulta verify`

verify-ok = Contribution { $id } is in the public record, unchanged: its record still hashes to { $sha256 } and is entry { $entry } of the public log, which has grown from { $old } to { $new } entries without any earlier entry being changed.
verify-withheld = Contribution { $id } is still in the public log, unchanged (entry { $entry } of { $new }), but the secretariat withholds its text from publication: { $reason }
verify-receipt-invalid = The receipt does not hold together ({ $detail }): it may have been altered.
verify-key-changed = The instance signs with another key than the one in the receipt: its log cannot be compared with the receipt.
verify-bad-signature = The instance's tree head is not validly signed.
verify-log-rewritten = The instance's log is not an extension of the one the receipt was given from: entries have been changed or removed.
verify-not-included = The instance's log no longer holds this contribution's entry.
verify-record-changed = The published record of contribution { $id } is not the one the receipt was given for: it has been changed.

## The contribution form and receipts

form-title = Send a contribution
form-intro = Written comments may be sent in any form at any time while the consultation is open. You will get a receipt with which anyone can check, at any time, that the public record still holds your contribution unchanged.
form-unverified = Contributions sent with this form are marked “identity not verified”.
form-errors = The contribution was not sent. Please correct the following:
form-files-kept = { $count ->
    [one] The file you sent is kept below: it need not be chosen again.
   *[other] The { $count } files you sent are kept below: they need not be chosen again.
}
form-kept-legend = Files already received
form-kept-hint = Kept for 30 minutes and sent with the contribution; untick one to leave it out.
submit-kept-files-expired = A file kept from your earlier attempt has expired (files are kept for 30 minutes): please choose it again.
form-entity-hint = The government or organisation you contribute for.
form-email-hint = For the secretariat only; never published.
form-choose = Choose…
form-country-none = International body (no country)
form-country-hint = Required. Governments and national bodies choose their country; only a body with no country of its own chooses “International body”.
form-files-hint = Optional: up to { $max } files of { $size } each, in any format (PDF, Word, OpenDocument, text, images, …).
form-submit = Send the contribution
acknowledgement-subject = Contribution { $id } recorded: { $title }
acknowledgement-body =
    Your contribution to “{ $consultation }” has been recorded in the public record.

    Contribution: { $id }
    Title: { $title }
    Sent for: { $entity }
    Received: { $received }

    Its receipt is attached ({ $file }) and can be read at any time on { $link }
    Keep it: with it, anyone can check at any later time that the public record still holds your contribution, unchanged.

    This address is never published. If you did not send this contribution, tell the secretariat by answering this message.
receipt-title = Receipt for contribution { $id }
receipt-recorded = Your contribution has been recorded.
receipt-intro = This receipt says what was received and where it stands in the public log. Keep it: with it, anyone can check that the public record still holds the contribution, unchanged.
receipt-id = Contribution
receipt-received = Received
receipt-contribution-title = Title
receipt-entity = Sent for
receipt-consultation = Consultation
receipt-sha256 = SHA-256 of the record
receipt-log = Place in the public log
receipt-log-value = Entry { $entry } of a log of { $size ->
    [one] 1 entry
   *[other] { $size } entries
  }, whose root is
receipt-key = Key that signs the log
receipt-download = Download the receipt (JSON)
receipt-verify = To check it at any later time:
contribution-identity = Identity
identity-recorded = Recorded by the secretariat
identity-unverified = Identity not verified
identity-verified = Verified
contribution-record = Public record
contribution-receipt-link = Receipt and place in the public log
contribution-withheld = The secretariat withholds this contribution from publication: { $reason }. Its entry in the public log remains, so the record can still be verified.
contribution-files = Attachments
language-name-es = Español
language-name-ru = Русский
language-name-ar = العربية
language-name-zh = 中文
language-name-pt = Português
language-name-de = Deutsch

## Withholding

contribution-withheld-title = Withheld contribution
cli-withheld = Contribution { $id } is withheld from publication; its entry in the public log remains.
cli-published = Contribution { $id } is published again.
cli-unknown-contribution = There is no contribution { $id }.
cli-help-consulta-report-details = Show a report's details (symbol, organs, session and agenda item, summary, conclusions) as JSON, or set them from a JSON file of the same form
cli-help-consulta-report-details-consultation = The consultation's slug
cli-help-consulta-report-details-set = A JSON file of details to set (checked; audited), as the command prints them
cli-details-too-large = { $file } is larger than { $max } bytes: nothing was changed.
cli-details-unreadable = { $file }, line { $line }, column { $column }: not the details' JSON ({ $reason }); nothing was changed.
cli-details-refused = { $file }: { $reason }; nothing was changed.
cli-details-set = The details of the report of { $consultation } are set.
cli-help-consulta-tags = The issues contributions are tagged with
cli-help-consulta-tags-evaluate = How well the issue classifier's suggestions match the tags given: precision, recall and calibration, each tagged contribution scored by a classifier that did not learn from it
cli-tags-evaluation = Trained on { $documents } tagged contributions; { $scored } held-out (contribution, issue) pairs scored.
    Suggestions at { $threshold } % or more: { $suggested }, of which { $right } right: precision { $precision } %.
    Tags given: { $tags }, of which { $right } suggested: recall { $recall } %.
cli-tags-not-calibrated = Too few tagged contributions to calibrate: the percentages are the classifier's raw ones.
cli-tags-bins = Calibration (stated probability, pairs, mean stated, share right):
cli-help-consulta-contribution = Manage recorded contributions
cli-help-consulta-contribution-withhold = Withhold a contribution from publication (personal data, abuse…), saying why; its entry in the public log stays
cli-help-consulta-contribution-withhold-id = The contribution's number
cli-help-consulta-contribution-withhold-reason = Why it is withheld: shown on its public page
cli-help-consulta-contribution-publish = Publish a withheld contribution again
cli-help-consulta-contribution-publish-id = The contribution's number
cli-help-consulta-serve-max_files = Most files one contribution may carry
cli-help-consulta-serve-max_file_mib = Largest size of one attached file, in MiB
cli-help-consulta-demo-max_files = Most files one contribution may carry
cli-help-consulta-demo-max_file_mib = Largest size of one attached file, in MiB

## Sizes

number-decimal-separator = .
size-bytes = { $n } B
size-kib = { $n } KiB
size-mib = { $n } MiB
verify-unreachable = Could not check against { $server }: { $detail }

## Consultation definitions

draft-slug = “{ $value }” is not a slug (1 to 80 lower-case letters, digits and '-', starting with a letter or digit)
draft-language = “{ $value }” is not a language tag (a BCP 47 tag such as en, fr or es-419)
draft-empty-title = the title is empty
draft-time-zone = “{ $value }” is not a time zone (an IANA name such as UTC, Europe/Zurich or America/New_York; the nearest names: { $nearest })
draft-date = “{ $value }” is not a date (2010-09-01) or a date and time (2010-09-01T09:00)
draft-empty-period = the consultation would close before it opens
draft-question-count = the consultation has { $count } guiding questions: give one translation for each, in order
cli-duplicate-slug = There is already a consultation “{ $slug }”.
cli-duplicate-meeting = The consultation already has a meeting on { $date }.

## Search (the public archive)
nav-label = Sections
nav-consultations = Consultations
nav-search = Search
search-title = Search the record
search-title-query = “{ $query }”: search the record
search-label = Words to search for, in any language
search-submit = Search
search-help = Every word must appear (in any form: “cooperate” finds “cooperation”). Put a phrase in "quotes"; put a minus before a word to leave it out: -spam.
search-sort = Order
search-sort-relevance = Best match first
search-sort-newest = Newest first
search-sort-oldest = Oldest first
search-filters = Narrow the results
search-filter = { $facet }: { $value }
search-remove = remove this filter
search-count = { $total ->
    [0] No published contribution matches.
    [one] 1 contribution found.
   *[other] { $total } contributions found; { $from } to { $to } shown.
  }
search-collapse = Show each campaign once
search-similar = { $count ->
    [one] and one similar contribution of its campaign
   *[other] and { $count } similar contributions of its campaign
}
search-none = Try fewer words, other words, or remove a filter. Contributions withheld by the secretariat are not searched.
search-facet-consultation = Consultation
search-facet-group = Stakeholder group
search-facet-channel = Channel
search-facet-country = Country
search-facet-region = Regional group
search-facet-language = Language
search-facet-year = Year
consultation-search = Search these contributions
cli-help-consulta-index = Look after the search index (derived from the record; servers keep it caught up themselves)
cli-help-consulta-index-rebuild = Build the search index anew from the whole record (stop the server that uses it first)
cli-help-consulta-index_dir = Where the search index is kept (a directory; default: beside the database, named after it with "-index")
cli-index-busy = Another Consulta process (a server, or another rebuild) is using the search index in { $path }. Stop it first, or give another directory with --index.
cli-index-progress = Indexing
cli-index-rebuilt = Indexed { $count } published contributions in { $seconds } s; the index in { $path } takes { $size }.
open-data-title = Open data
open-data-intro = Everything public in this consultation, free to reuse. Withheld contributions appear only as their entry: number, hash and reason.
open-data-contributions-csv = Contributions (CSV)
open-data-contributions-json = Contributions (JSON)
open-data-entities-csv = Participating entities (CSV)
open-data-entities-json = Participating entities (JSON)
open-data-entities-popolo-json = Participating entities (Popolo JSON)
open-data-feed-atom = New contributions (Atom feed)
open-data-archive-zip = Everything, with files and proofs (zip archive)
open-data-verify = The archive can be checked offline, without trusting this site: consulta verify-archive FILE.zip
cli-help-consulta-export = Write one open data file of a consultation (as the site offers it for download)
cli-help-consulta-export-what = Which file: contributions.csv, contributions.json, entities.csv, entities.json, entities.popolo.json, statements.csv, votes.csv, amendments.csv, drafts.json, bodies.json, feed.atom or archive.zip
cli-help-consulta-export-consultation = The consultation (its slug)
cli-help-consulta-export-output = Where to write it (default: standard output)
cli-help-consulta-export-base_url = The site's public address, for the feed's links
cli-help-consulta-verify-archive = Check a bulk archive offline: every file against its manifest, the signed tree head, and every contribution's place in the log
cli-help-consulta-verify-archive-archive = The archive (.zip) to check
cli-export-unknown = There is no open data file “{ $what }”. Choose one of: { $known }.
cli-exported = Written to { $path }.
archive-ok = { $file } verifies: consultation { $consultation }, { $contributions } contributions ({ $withheld } withheld, shown by their entry only), { $files } files, all in the log of { $size } entries with root { $root }, signed on { $generated } by the key { $key }. Compare that key with the one the instance publishes.
archive-refused = { $file } does not verify: { $problem }
archive-unreadable = it is not a readable zip archive ({ $detail }).
archive-no-manifest = it has no manifest.json.
archive-bad-manifest = its manifest.json cannot be read ({ $detail }).
archive-unknown-format = its format { $format } is not one this version of Consulta knows.
archive-missing-file = { $path } is listed in the manifest but missing from the archive.
archive-unlisted-file = { $path } is in the archive but not in the manifest.
archive-file-changed = { $path } is not the file the manifest lists (its SHA-256 or size differs).
archive-bad-signature = the tree head's signature does not verify with the archive's public key.
archive-record-changed = the record of contribution { $id } does not have the hash its log entry commits to.
archive-not-in-log = contribution { $id } is not in the signed log: its inclusion proof fails.
archive-record-mismatch = the record of contribution { $id } does not match the archive: { $detail }.
cli-help-consulta-admin = Manage accounts (the first secretariat account is made here)
cli-help-consulta-admin-create = Create an account; its password is read from CONSULTA_PASSWORD or the first line of standard input
cli-help-consulta-admin-create-email = Its email address, with which it signs in
cli-help-consulta-admin-create-name = The person's name
cli-help-consulta-admin-create-role = secretariat (default) or focal-point
cli-help-consulta-admin-create-entity = For a focal point: the entity it acts for (its name as recorded)
cli-help-consulta-admin-create-lang = The language of its emails and pages (en, fr, es, ru, ar, zh)
cli-unknown-role = Unknown role “{ $role }”: choose secretariat or focal-point.
cli-unknown-entity = No entity named “{ $entity }” is recorded.
cli-focal-point-needs-entity = A focal point acts for one entity: give it with --entity.
cli-secretariat-no-entity = A secretariat account acts for no entity: leave out --entity.
cli-password-prompt = Password (at least 12 characters):{" "}
cli-bad-email = “{ $email }” is not an email address.
cli-duplicate-account = An account with the address { $email } already exists.
cli-account-created = Account { $email } created ({ $role }).
password-too-short = The password must have at least { $min } characters (a few words make a good one).
password-too-long = The password must have at most { $max } characters.

## Accounts and the secretariat's pages
nav-sign-in = Sign in
nav-sign-out = Sign out ({ $name })
nav-admin = Secretariat
login-title = Sign in
login-intro = For the secretariat and the focal points of entities. Everyone else can read the whole record without an account.
login-email = Email address
login-password = Password
login-submit = Sign in
login-failed = That address and password do not match an account. Check them and try again.
login-needed = Sign in to see this page.
login-session-ended = Your session has ended (after { $hours } hours, or you signed out elsewhere). Sign in again to go on.
login-signed-out = You are signed out.
error-forbidden-title = Not for this account
error-forbidden = This page is for the secretariat. You are signed in with an account that cannot use it.
error-form-expired-title = The form has expired
error-form-expired = This form was sent without the token of the page that showed it: the page was too old, or it came from another site. Go back, reload the page and send it again.
error-too-many-title = Too many attempts
error-too-many = Too many attempts in a short time. Wait a quarter of an hour and try again.
admin-title = Secretariat
admin-intro = Signed in as { $name }. Every action here is written in the audit log.
admin-moderation = Withhold or publish a contribution
admin-moderation-intro = A withheld contribution disappears from pages, search and open data; its entry in the public log stays, with the reason.
admin-contribution = Contribution number
admin-reason = Reason
admin-reason-hint = Needed to withhold; shown publicly in place of the contribution.
admin-withhold = Withhold
admin-publish = Publish again
admin-withheld = The contribution is withheld.
admin-published = The contribution is published.
admin-bad-contribution = Give the contribution's number.
admin-reason-needed = Say why the contribution is withheld: the reason is shown in its place.
audit-title = Audit log
audit-read = Read the audit log
audit-export = Download it (CSV)
audit-count = { $total ->
    [one] 1 entry
   *[other] { $total } entries
  }, newest first
audit-at = When (UTC)
audit-actor = Who
audit-action = Action
audit-subject = On
audit-before = Before
audit-after = After
form-acting-for = You contribute as { $entity }, signed in as its focal point: the contribution is marked verified.
cli-help-consulta-serve-unverified_per_hour = Unverified contributions accepted per network address per hour (0: no limit)
cli-help-consulta-demo-unverified_per_hour = Unverified contributions accepted per network address per hour (0: no limit)

## Invitations and password resets (emails)
invitation-subject = Invitation: { $consultation }
invitation-body = Dear { $name },

    The secretariat invites { $entity } to contribute to the consultation “{ $consultation }”.

    This personal link lets you create your account as the focal point of { $entity } and send contributions in its name; they will be marked as verified:

    { $link }

    The link works once, for { $days } days. Do not share it: whoever uses it can act in the name of { $entity }.
reset-subject = Resetting your password
reset-body = Dear { $name },

    Someone (we hope you) asked to reset the password of your account. To choose a new one, open this link within { $hours } hour:

    { $link }

    If you did not ask, ignore this message: your password stays as it is.
invitation-title = Focal point of { $entity }
invitation-intro = You are invited to contribute as the focal point of { $entity }. Your account will be { $email }; choose your name and a password.
invitation-name = Your name
invitation-password = Password
invitation-password-hint = At least 12 characters; a few words you will remember make a good one.
invitation-submit = Create my account
invitation-name-needed = Give your name: it is shown to the secretariat, not published.
invitation-unknown = This invitation link is not known. Check that it was copied whole, or ask the secretariat for a new one.
invitation-used = This invitation link was already used: each works once. Sign in with the account it made, or ask the secretariat for a new one.
invitation-expired = This invitation link has expired. Ask the secretariat for a new one.
invitation-other-entity = This address already has an account for another entity. Ask the secretariat.
error-link-title = This link cannot be used
login-forgot = Forgot your password?
reset-title = Reset your password
reset-intro = Give the address of your account: we will send it a link to choose a new password.
reset-send = Send the link
reset-sent = If this address has an account, a link is on its way. It works once, for an hour.
reset-new-password = New password
reset-save = Save the new password
reset-invalid = This password reset link cannot be used: it was used already, has expired, or was not copied whole. Ask for a new one.
reset-done = Your password is changed, and every session of your account has ended. Sign in with the new one.
mail-title = Outbox
mail-to = To
mail-subject = Subject
mail-status = Status
mail-attempts = Attempts
mail-when = Sent or queued (UTC)
mail-status-queued = queued
mail-status-sent = sent
mail-status-failed = failed
cli-help-consulta-list = Manage accreditation lists (ECOSOC, ITU, WSIS, CSTD, or your own)
cli-help-consulta-list-import = Import a list from CSV (entity, stakeholder_group, country, and optionally focal_point_email, focal_point_name, language): all rows or none
cli-help-consulta-list-import-file = The CSV file
cli-help-consulta-list-import-list = The list's short name: ecosoc, itu, wsis, cstd, or one of your own (lower-case letters, digits, dashes)
cli-help-consulta-list-import-name = The list's full name (known for ecosoc, itu, wsis and cstd)
cli-help-consulta-invite = Invite the focal points of the chosen entities to a consultation: a personal single-use link by email, in each one's language
cli-help-consulta-invite-consultation = The consultation (its slug)
cli-help-consulta-invite-lists = Only entities on this accreditation list (repeat for several)
cli-help-consulta-invite-groups = Only entities of this stakeholder group (repeat for several)
cli-help-consulta-invite-regions = Only entities of this UN regional group: african, asia_pacific, eastern_european, latin_american_caribbean, weog (repeat for several)
cli-help-consulta-invite-countries = Only entities of this country, ISO code (repeat for several)
cli-help-consulta-invite-base_url = The site's public address, for the links
cli-help-consulta-serve-smtp = The SMTP server for email, as a URL (smtp://user:password@host:587?tls=required, smtps://host); without one, email is written to the outbox directory
cli-help-consulta-serve-mail_from = The sender of Consulta's email
cli-help-consulta-serve-outbox = Where email goes without an SMTP server (default: beside the database, named after it with "-outbox")
cli-help-consulta-serve-mail_per_minute = At most this many emails a minute
cli-help-consulta-demo-smtp = The SMTP server for email, as a URL (smtp://user:password@host:587?tls=required, smtps://host); without one, email is written to the outbox directory
cli-help-consulta-demo-mail_from = The sender of Consulta's email
cli-help-consulta-demo-outbox = Where email goes without an SMTP server (default: beside the demo's database)
cli-help-consulta-demo-mail_per_minute = At most this many emails a minute
cli-mail-outbox = No SMTP server given (--smtp): email is written to { $path }.
cli-bad-list = “{ $list }” cannot name a list: use lower-case letters, digits and dashes.
cli-list-needs-name = Give the list “{ $list }” a name with --name.
cli-list-imported = List { $list }: { $entities } entities ({ $new } new), { $contacts } focal points' addresses.
cli-bad-selection = “{ $value }” is not a stakeholder group, regional group or country code Consulta knows.
cli-invite-needs-public-url = Invitations carry links to the instance: give its public address with --base-url (or CONSULTA_PUBLIC_URL), for example https://consultations.example.org.
cli-unknown-list = There is no list “{ $list }”. Lists: { $known }.
cli-invited = { $count ->
    [0] Nobody matches: no invitation sent.
    [one] 1 invitation queued; the server's mail job sends it.
   *[other] { $count } invitations queued; the server's mail job sends them.
  }
admin-campaign = Invite focal points
admin-campaign-intro = Each focal point of the chosen entities receives, in their language, a personal link that works once: it makes their account, with which they contribute in the entity's name (verified). Each kind of choice left empty does not narrow.
admin-campaign-consultation = Consultation
admin-campaign-lists = Accreditation lists
admin-campaign-no-lists = No list yet: import one with consulta list import.
admin-campaign-groups = Stakeholder groups
admin-campaign-regions = Regional groups
admin-campaign-countries = Countries
admin-campaign-countries-hint = ISO codes, separated by commas (SN, KE, BR).
admin-campaign-send = Send the invitations
admin-invited = { $count ->
    [0] Nobody matches: no invitation sent.
    [one] 1 invitation queued: see the outbox.
   *[other] { $count } invitations queued: see the outbox.
  }
cli-help-consulta-consultation-create-verified_only = Take contributions only from signed-in focal points (invited), none unverified from the public
submit-verified-only = This consultation takes contributions only from the focal points of invited entities, signed in. If you speak for an entity, ask the secretariat for an invitation.
submit-cannot-amend = Contribution { $id } cannot be amended here: only the focal point of its entity can amend it, in the same consultation.
contribution-amends = Amends
contribution-amended-by = Amended by
contribution-number = contribution { $id }
contribution-amend = Amend this contribution
form-amending = You are amending contribution { $id }: what you send is recorded as a new contribution that names it; both stay in the record.
admin-new-consultation = Open a consultation
admin-create-consultation = Create the consultation
admin-verified-only = Only signed-in focal points may contribute (no unverified contributions)
admin-field-problem = { $field }: { $problem }
admin-duplicate-slug = A consultation with the short name “{ $slug }” already exists: choose another.
admin-add-meeting = Add a meeting
admin-meeting-date = Date
admin-meeting-place = Place
admin-place-needed = Say where the meeting takes place.
consultation-field-slug = Short name (in its address)
consultation-field-title = Title
consultation-field-lang = Language of these texts
consultation-field-opens = Opens
consultation-field-closes = Closes
consultation-field-time_zone = Time zone
consultation-field-mandate = Mandate
consultation-field-questions = Guiding questions
consultation-field-description = Description
consultation-hint-slug = Lower-case letters, digits and dashes: ec-2010.
consultation-hint-lang = A language tag: en, fr, es…
consultation-hint-opens = A date (2026-01-15) or a date and time (2026-01-15T09:00), in the time zone below; a closing date includes the whole day.
consultation-hint-time_zone = An IANA name: UTC, Europe/Zurich, America/New_York.
consultation-hint-questions = One per line.

## The synthesis report (seeds/003 is its model)
report-subtitle = Draft synthesis report
report-of-the-secretary-general = Report of the Secretary-General
report-summary = Summary
report-section-conclusions = { $number }. Conclusions
report-annex-separate = The { $count } contributors are listed in a separate file, { $file }, which accompanies this report.
organ-general_assembly = General Assembly
organ-economic_and_social_council = Economic and Social Council
report-details-title = Symbol, organs, summary and conclusions
report-details-intro = What the record cannot say: the document symbol the report is issued under, the organs it goes to with their session and agenda item, its summary and its conclusions, in each language the report is issued in. Each change is in the audit log.
report-details-symbol-hint = As issued, for example A/66/77–E/2011/103 (a report to two organs bears both symbols).
report-details-field-symbol = Document symbol
report-details-field-session = Session
report-details-field-item = Agenda item
report-details-field-item_title = Title of the agenda item
report-details-field-summary = Summary
report-details-field-conclusions = Conclusions
report-details-paragraphs = A blank line separates paragraphs; each paragraph of the conclusions is numbered in the report.
report-details-saved = The report’s details are saved.
report-details-annex-download = List of contributors (CSV)
report-details-unknown-organ = Unknown organ: { $field }.
report-details-organ-twice = { $field } is named twice.
report-details-too-long = { $field }: at most { $max } characters.
report-details-control-character = { $field } holds an invisible control character; type it again.
report-details-language = “{ $field }” is not a language.
report-distribution = Distr.: General
date-time-utc = { $time } UTC
date-in-zone = { $date } ({ $zone })
dates-zone-note = Dates are in the consultation’s time zone, { $zone }.
report-original = Original: { $name }
# A language named in the reader's language, from its code (the code itself when it has no name here).
language-of = { $language ->
    [en] English
    [fr] French
    [es] Spanish
    [ru] Russian
    [ar] Arabic
    [zh] Chinese
    [pt] Portuguese
    [de] German
   *[other] { $language }
}
report-section-context = I. Context
report-context = This report presents the outcome of the open consultation “{ $title }”.
report-context-mandate = This report presents the outcome of the open consultation “{ $title }”, held under { $mandate }.
report-context-questions = Contributors were invited to focus on the following questions: { $questions }
report-section-organisation = II. Organisation of the consultation
report-meeting = the meeting held in { $place } on { $date }
report-organisation-period = Stakeholders could send written comments in any form at any time between { $opens } and { $closes }{ $meetings ->
    [0] .
    [one] , and take part in { $list }.
   *[other] , and take part in the following meetings: { $list }.
}
report-organisation-total = A total of { $total } contributions were received from { $entities } entities, as the table below shows: { $written } written comments, { $presentations } presentations at meetings and { $interventions } interventions in the open debate.
report-chart-groups = Contributions by stakeholder group
report-organisation-regions = By the United Nations regional group of the contributor’s country, the contributions were distributed as follows; { $unstated } came from contributors with no country recorded (international organisations among them).
report-regional-group = Regional group
report-table-regions = Contributions by regional group
report-chart-regions = Contributions by regional group
report-no-country = No country (international)
report-not-listed = Not in the UN lists (territory)
report-organisation-development = By the development status of the contributor’s country:
report-development-status = Development status
report-table-development = Contributions by development status
report-development-ldc = Least developed countries
report-development-developing = Developing countries
report-development-developed = Developed countries
report-withheld = { $count ->
    [one] One contribution is withheld from publication: it is not counted in the tables above, nor quoted or listed below.
   *[other] { $count } contributions are withheld from publication: they are not counted in the tables above, nor quoted or listed below.
}
report-unverified = { $count ->
    [one] One published contribution was sent without a verified identity and has not been attributed to a recorded entity by the secretariat: it is not counted in this report.
   *[other] { $count } published contributions were sent without a verified identity and have not been attributed to a recorded entity by the secretariat: they are not counted in this report.
}
report-section-issues = III. Public policy issues raised
report-issues-none = No contribution has been tagged with a public policy issue yet.
report-issues-intro = The secretariat tagged { $tagged } of the { $total } published contributions with the public policy issues they raise; { $issues } issues of the taxonomy were raised. The table below gives them by stakeholder group.
report-issue = Issue
report-table-issues = Issues raised, by stakeholder group
report-issue-raised = { $issue }: raised in { $count ->
    [one] one contribution
   *[other] { $count } contributions
} ({ $groups }):
report-and-more = { $count ->
    [one] and one more
   *[other] and { $count } more
}
report-citations-none = No contribution cites a United Nations document or a paragraph of the Tunis Agenda.
report-citations-intro = Contributors cited { $documents } United Nations documents and { $paragraphs } paragraphs of the Tunis Agenda. The table below gives the paragraphs each stakeholder group cited most.
report-tunis-paragraph = Tunis Agenda
report-paragraph = paragraph { $number }
report-table-paragraphs = Paragraphs of the Tunis Agenda cited, by stakeholder group
report-documents-cited = The documents cited most (number of contributions):
report-section-mechanisms = IV. International cooperation mechanisms
report-mechanisms-intro = The secretariat records { $mechanisms } cooperation mechanisms and which of the { $issues } issues of the taxonomy each handles, at the level at which it acts (global, regional or national). The table below gives, for each issue, the mechanisms that handle it, the level at which it needs one, and the number of contributions that raised it.
report-mechanism-level = { $name } ({ $level })
report-mechanisms = Mechanisms (level)
report-needed-level = Level needed
report-contributions = Contributions
report-table-mechanisms = Issues and the mechanisms that handle them
report-gaps-none = Every issue of the taxonomy is handled by at least one mechanism at the level it needs.
report-gaps-intro = { $count ->
    [one] One issue is handled by no mechanism, or by none at the level it needs:
   *[other] { $count } issues are handled by no mechanism, or by none at the level they need:
}
report-gap-none = { $issue }: no mechanism handles it; { $count ->
    [0] no contribution has raised it yet.
    [one] raised in one contribution.
   *[other] raised in { $count } contributions.
}
report-gap-level = { $issue }: no mechanism at the { $level } level (only { $mechanisms }); { $count ->
    [0] no contribution has raised it yet.
    [one] raised in one contribution.
   *[other] raised in { $count } contributions.
}
report-annex = Annex: List of contributors
report-annex-caption = Contributors ({ $count })
report-contributor = Contributor
report-country = Country
level-global = global
level-regional = regional
level-national = national

## The secretariat's analysis pages: report, taxonomy, tags
analysis-report-title = Draft synthesis report
analysis-report-intro = A draft drawn from the record as it stands now: edit it in a word processor before publication.
analysis-report-language = Language of the report:
analysis-report-download = Download:
analysis-issues-title = Issues and mechanisms
analysis-issues-intro = The public-policy issues contributions are tagged with, the cooperation mechanisms that handle them, and the issues no mechanism handles adequately.
analysis-gaps-title = Gaps
analysis-gap-none = no mechanism handles it
analysis-gap-level = no mechanism at the { $level } level
analysis-raised = { $count ->
    [one] raised in one contribution
   *[other] raised in { $count } contributions
}
analysis-taxonomy-title = The issue taxonomy
analysis-terms = Terms that suggest it
analysis-issue-form = Add an issue, or change one (same identifier)
analysis-issue-form-hint = Giving an existing identifier changes that entry. Terms: one per line or separated by ";", matched without regard to case or accents.
analysis-id = Identifier
analysis-label-en = Name in English
analysis-label-fr = Name in French
analysis-terms-en = Terms in English
analysis-terms-fr = Terms in French
analysis-save = Save
analysis-mechanisms-title = Cooperation mechanisms
analysis-mechanism = Mechanism
analysis-level = Level
analysis-functions = Functions
analysis-mechanism-form = Add a mechanism, or change one (same identifier)
analysis-acronym-en = Acronym in English
analysis-acronym-fr = Acronym in French
analysis-matrix-title = Which mechanism handles which issue
analysis-save-matrix = Save the matrix
analysis-tags-title = Issues of contribution #{ $id }
analysis-cites = It cites:
analysis-tunis-paragraph = Tunis Agenda, paragraph { $number }
analysis-suggestions-how = Suggestions come from each issue's terms, and from a classifier trained on the { $count } contributions tagged so far; each says why.
analysis-issues-of = The issues it raises
analysis-suggested = Suggested: { $reasons }
tagging-evaluation = Checked on contributions it had not learnt from: of the { $suggested } suggestions it would have made at { $threshold } % or more, { $right } were right ({ $precision } %), and they found { $recall } % of the { $tags } tags given; its percentages are calibrated on them.
tagging-evaluation-too-few = With { $count } tagged contributions, there are too few yet to measure how often its suggestions are right: its percentages are not calibrated.
tagging-walk = Work through the consultation
tagging-which = Contributions
tagging-only-untagged = Not yet tagged
tagging-only-all = All
tagging-start = Show
tagging-previous = Previous
tagging-next = Next
tagging-position-untagged = { $n } of { $total } not yet tagged
tagging-position = { $n } of { $total }
tagging-remaining = { $count ->
    [0] None left to tag
    [one] One left to tag
   *[other] { $count } left to tag
}
tagging-save-next = Save and go to the next
tagging-saved = Saved.
tagging-saved-other = The issues of contribution { $id } are saved.
tagging-keys = Keys: Alt+S saves and goes to the next, Alt+N and Alt+P move without saving (Alt+Shift in Firefox, Ctrl+Option on a Mac).
tagging-done-title = Nothing left to tag
tagging-done = Every published contribution under these filters has its issues.
tagging-review-all = Review all the contributions
admin-tag = Tag contributions
analysis-reason-term = the term “{ $term }” ({ $language }) occurs { $count ->
    [one] once
   *[other] { $count } times
}
analysis-reason-resembles = resembles the { $examples } contributions tagged with it ({ $percent } %), through the words { $words }
analysis-bad-contribution = “{ $value }” is not a contribution number.
taxonomy-id = “{ $value }” is not an identifier: use lower-case letters, digits and “_”, starting with a letter.
taxonomy-level = “{ $value }” is not a level: global, regional or national.
taxonomy-function = “{ $value }” is not a function: legal, normative or administrative.
taxonomy-missing-name = The name in { $language } is missing.
taxonomy-long-name = The name in { $language } is longer than 200 characters.
taxonomy-unknown = There is no issue or mechanism “{ $value }”.
function-legal = legal
function-normative = normative
function-administrative = administrative
admin-report = Draft report
cli-help-consulta-migrate = Move a whole record to another database (SQLite to PostgreSQL, or back), then verify the copy: rows of every table, the log's root, every contribution against the log. Attachments stay where --files keeps them
cli-help-consulta-migrate-from = The database to copy: an SQLite file or sqlite:// URL, or a postgres:// URL
cli-help-consulta-migrate-to = The new database: an SQLite file that does not exist yet, or an empty PostgreSQL database
cli-migrate-table = { $table }: { $rows } rows
cli-migrate-exists = { $path } already holds a record: a migration goes into a new database.
cli-migrate-done = Moved { $from } to { $to }: { $rows } rows in { $tables } tables; { $contributions ->
    [one] one contribution
   *[other] { $contributions } contributions
}{ $statements ->
    [0] {""}
    [one] {" "}and one statement put to the vote
   *[other] {" "}and { $statements } statements put to the vote
}, each in the log, root { $root }.

## The public URL: every absolute link, and whether cookies are Secure
cli-help-consulta-serve-public_url = The address the public reaches this instance at (https://consultations.example.org): every link in email, receipts, feeds and reports is built from it, never from a request; required to send email and to listen on anything but loopback
cli-help-consulta-demo-public_url = The address the public reaches the demo at (default: the loopback address it listens on)
cli-help-consulta-serve-max_connections = Most connections served at once; more wait to be accepted
cli-help-consulta-demo-max_connections = Most connections served at once; more wait to be accepted
cli-public-url-invalid = The public URL { $url } is refused: { $reason }
public-url-not-a-url = it is not an absolute URL such as https://consultations.example.org
public-url-scheme = its scheme must be http or https
public-url-extras = a public URL has no user name, password, query or fragment
cli-public-url-needed = Consulta listens on { $addr }, which is not a loopback address: say where the public reaches it with --public-url (or CONSULTA_PUBLIC_URL), so that links never come from a request.
cli-public-url-needed-for-mail = Sending email (--smtp) needs --public-url (or CONSULTA_PUBLIC_URL): the links in the messages are built from it.
api-beyond-log = The public log has { $size } entries: no tree of { $asked } entries can be proved.
api-consistency-order = A log only grows: "from" ({ $from }) must not be greater than "to" ({ $to }).
cli-help-consulta-serve-extract_memory_mib = The memory a text extractor (a child process, one file at a time) may use, in MiB; a file that needs more is marked failed
cli-help-consulta-demo-extract_memory_mib = The memory a text extractor (a child process, one file at a time) may use, in MiB; a file that needs more is marked failed
cli-help-consulta-contribution-attribute = Attribute a contribution sent without a verified identity to a recorded entity, after checking who sent it (audited); it is then counted under that entity's group
cli-help-consulta-contribution-attribute-id = The contribution's number
cli-help-consulta-contribution-attribute-entity = The recorded entity's name (case and spacing ignored)
cli-help-consulta-contribution-attribute-clear = Take the attribution back
cli-attributed = Contribution { $id } is attributed to { $entity }: it is counted under that entity's group.
cli-attribution-cleared = Contribution { $id } is no longer attributed: its sender's identity is shown as not verified.
attribution-refused = Contribution { $id } cannot be attributed: only a contribution sent without a verified identity can be, and only to an entity of the registry.
entity-claimed = This name is what a sender gave with an unverified contribution: it is not an entity of the registry, and its identity has not been verified.
identity-attributed = Not verified when sent; attributed by the secretariat to { $entity } after checking
attribution-title = Attribute to a recorded entity
attribution-help = After checking who sent this contribution, name the recorded entity it comes from: it is then counted under that entity's group. The record keeps what the sender claimed.
attribution-entity = Recorded entity
attribution-save = Attribute
attribution-clear = Take the attribution back
attribution-entity-needed = Name the recorded entity the contribution comes from.
cli-help-consulta-log_key = The file that holds the key signing the public log's tree heads, never kept in the database (default: beside the database, named after it with "-log.key"; made on an instance's first start, readable by its owner only); every server of an instance needs a copy
cli-help-consulta-heads = The journal of the tree heads this server signed, kept outside the database so that `consulta check` can catch a rewritten record (default: beside the database, named after it with "-heads.jsonl")
contribution-altered-title = Record altered
contribution-altered = This contribution's record in the database no longer matches what the public log recorded for it: it was edited outside Consulta. Its text is not shown as the record; the secretariat must restore it from a backup. Its receipt and log entry still prove what was received.
contribution-altered-short = Record altered
submit-storage-full = The server has no room left to store files: nothing was recorded. Please try again later; the secretariat has been alerted.
cli-help-consulta-sweep-files = Sweep the stored files no record names (left by refused submissions): set aside those older than the grace period, remove those set aside by an earlier sweep (servers do this every quarter of an hour)
cli-help-consulta-sweep-files-grace_minutes = Files stored less than this many minutes ago are left alone (0 only while no server runs)
cli-swept = Files no record names: { $set_aside } set aside, { $removed } removed, { $restored } put back (named since), { $partials } partial files removed.
cli-help-consulta-serve-trusted_proxies = A reverse proxy (address or network, repeat or separate with commas) whose X-Forwarded-For header names the client for the rate limits; anyone else's is ignored
cli-help-consulta-demo-trusted_proxies = A reverse proxy (address or network, repeat or separate with commas) whose X-Forwarded-For header names the client for the rate limits; anyone else's is ignored

## Points of agreement (issue 16)
cli-help-consulta-agreement = Points of agreement: statements, votes, opinion groups and consensus across stakeholder groups
cli-help-consulta-agreement-import-polis = Import a Pol.is export folder (comments.csv with votes.csv, or participants-votes.csv) into a consultation, keeping Pol.is's comment and participant ids; nothing is written if a file is wrong
cli-help-consulta-agreement-import-polis-dir = The export folder
cli-help-consulta-agreement-import-polis-consultation = The consultation's slug
cli-help-consulta-agreement-groups = Print each participant placed in an opinion group, and the group (participant,group)
cli-help-consulta-agreement-groups-consultation = The consultation's slug
cli-help-consulta-agreement-groups-format = Output format
cli-help-consulta-agreement-groups-lang = Language of the labels (default: from the environment)
cli-help-consulta-agreement-statements = Print each statement with its agree, disagree and pass counts, its consensus, each group's agreement and whether it is a point of agreement or for further debate
cli-help-consulta-agreement-statements-consultation = The consultation's slug
cli-help-consulta-agreement-statements-format = Output format
cli-help-consulta-agreement-statements-lang = Language of the labels (default: from the environment)
cli-help-consulta-agreement-propose = Put a statement of the secretariat's to the vote (accepted at once, a leaf of the public log)
cli-help-consulta-agreement-propose-consultation = The consultation's slug
cli-help-consulta-agreement-propose-text = The statement, 1 to 280 characters
cli-help-consulta-agreement-propose-language = Its language (default: the consultation's original language)
cli-help-consulta-agreement-propose-from_contribution = The contribution it is drawn from
cli-agreement-imported = Imported { $statements } statements ({ $accepted } put to the vote), { $participants } participants and { $votes } votes.
cli-agreement-import-refused = Nothing was imported from { $dir }
cli-agreement-already-imported = The consultation { $consultation } already holds an imported conversation; nothing was imported.
cli-agreement-statement-added = Statement { $id } is put to the vote.
statement-empty = A statement cannot be empty.
statement-too-long = A statement has at most { $max } characters.
agreement-counts = { $agree } agree, { $disagree } disagree, { $pass } pass; consensus { $consensus } %
agreement-group-name = Group { $group }
agreement-standing-agreement = Point of agreement
agreement-standing-shared_disagreement = Point of agreement (all groups disagree)
agreement-standing-further_debate = Point for further debate
agreement-standing-unsettled = Not settled
agreement-link = Points of agreement: vote on statements, see where participants agree
agreement-title = Points of agreement — { $consultation }
agreement-heading = Points of agreement and points for further debate
agreement-intro = Participants vote on short statements. Those who vote alike form opinion groups; a point of agreement is a statement every group agrees with, a point for further debate one the groups are split on. The same is shown across stakeholder groups, regional groups and development status, from the votes of organisations' focal points.
agreement-computed = Computed { $at } from { $votes } votes of { $participants } participants on { $statements } statements.
agreement-recomputing = New votes have come in; the groups are being computed again.
agreement-computing = The groups are being computed; reload the page in a moment.
agreement-vote-heading = Vote
agreement-voting-for = You are voting for { $entity }: your vote counts in its stakeholder group and region.
agreement-voting-public = You are voting as a member of the public. Focal points who sign in vote for their organisation.
agreement-closed = The consultation is not open: votes and proposals are closed.
agreement-agree = Agree
agreement-disagree = Disagree
agreement-pass = Pass / unsure
agreement-remaining = { $count ->
    [one] One statement left to vote on, this one included.
   *[other] { $count } statements left to vote on, this one included.
}
agreement-voted-all = You have voted on every statement. Thank you; propose one below if something is missing.
agreement-map-heading = Opinion map
agreement-map-caption = Each dot is a participant ({ $shown } of { $placed } shown), placed by how they voted: those who vote alike are close. The outlines are the opinion groups. No names are shown.
agreement-groups-heading = Opinion groups
agreement-group-size = { $count ->
    [one] one participant
   *[other] { $count } participants
}
agreement-group-agrees = { $share } % of the group agree
agreement-group-disagrees = { $share } % of the group disagree
agreement-points-heading = Points of agreement
agreement-all-disagree = every group disagrees
agreement-consensus = consensus { $consensus } %
agreement-none-agreed = No statement has a majority of every group on the same side yet.
agreement-debate-heading = Points for further debate
agreement-group-split = group { $group }: { $agree } % agree, { $disagree } % disagree
agreement-none-debated = No statement splits the groups yet.
agreement-table-stakeholder_group = Agreement by stakeholder group (share who agree, focal points' votes)
agreement-table-regional_group = Agreement by regional group (share who agree, focal points' votes)
agreement-table-development_status = Agreement by development status (share who agree, focal points' votes)
agreement-statement = Statement
agreement-standing = Standing
agreement-table-note = Shares count one vote for and one against in addition to the votes cast, as Pol.is does, so that a small group is not shown as unanimous. A dash: no vote from that group.
agreement-propose-heading = Propose a statement
agreement-propose-label = Statement
agreement-propose-hint = One idea others can agree or disagree with, at most { $max } characters. The secretariat reads each before it is put to the vote.
agreement-propose-submit = Propose
agreement-voted = Your vote is recorded. Here is the next statement.
agreement-proposed = Thank you: your statement will be put to the vote once the secretariat has read it.
agreement-bad-vote = This vote cannot be recorded: the statement is not open to votes in this consultation, or the choice is not agree, disagree or pass.
agreement-reason-needed = Say why the statement is rejected.
agreement-already-moderated = This statement was moderated already.
agreement-bad-language = The language is not a BCP 47 tag (en, fr, es-419).
agreement-admin-link = Points of agreement: statements to moderate
agreement-admin-title = Points of agreement: moderation
agreement-admin-queue = Statements waiting for moderation
agreement-admin-accept = Accept and put to the vote
agreement-admin-reject = Reject
agreement-admin-empty = No statement is waiting.
agreement-admin-add = Put a statement to the vote
agreement-admin-consultation = Consultation
agreement-admin-language = Language (empty: the consultation's)
agreement-admin-contribution = Drawn from contribution number (optional)
agreement-admin-add-submit = Put to the vote
agreement-admin-accepted = The statement is accepted and put to the vote.
agreement-admin-rejected = The statement is rejected.
agreement-admin-added = The statement is put to the vote.
report-section-agreement = { $number }. Points of agreement and points for further debate
report-agreement-intro = { $participants } participants, { $verified } of them focal points voting for their organisation, cast { $votes } votes on the { $statements } statements put to them. Grouping those who vote alike, by the method of Pol.is, places { $placed } of them in { $groups } opinion groups, shown in the map below.
report-agreement-map = Opinion map: each participant placed by their votes (those who vote alike are close); colours and letters mark the opinion groups
report-agreement-group = Group { $group } ({ $size } participants) is set apart by { $marks }.
report-agreement-group-agrees = agreement with “{ $text }” ({ $share } % of the group)
report-agreement-group-disagrees = disagreement with “{ $text }” ({ $share } % of the group)
report-agreement-quoted = “{ $text }”
report-agreement-and = and
report-agreement-points = { $count ->
    [one] A majority of every opinion group agrees on one point: { $list }.
   *[other] A majority of every opinion group agrees on { $count } points: { $list }.
}
report-agreement-no-points = No statement has a majority of every opinion group on the same side.
report-agreement-debate = { $count ->
    [one] One point calls for further debate, the opinion groups being divided on it: { $list }.
   *[other] { $count } points call for further debate, the opinion groups being divided on them: { $list }.
}
report-agreement-no-debate = No statement divides the opinion groups.
report-agreement-dimension-agree = { $groups } all agree with “{ $text }” ({ $shares }).
report-agreement-dimension-split = { $groups } are divided on “{ $text }” ({ $shares }).
open-data-statements-csv = Statements put to the vote, with their counts (CSV)
open-data-votes-csv = Votes, anonymised: participant number, statement, vote (CSV)
agreement-no-statements = No statement has been put to the vote in this consultation yet.

## Consultation texts in other languages (the secretariat's form)
admin-translate = Texts in another language
admin-translate-intro = A consultation's title, description, mandate and guiding questions in one of the UN languages; a field left empty keeps what that language has. Pages show the reader's language, or the original marked as such. Each change is in the audit log.
admin-translate-questions-hint = One per line, in the order of the original; leave empty to keep the questions as they are.
admin-translate-save = Save the texts
admin-translated = The consultation's texts are saved in that language.

## Campaigns (issue 17)
cli-help-consulta-campaigns = Campaigns: contributions that are one letter sent many times, with or without edits
cli-help-consulta-campaigns-rebuild = Find a consultation's campaigns again from the record (every published contribution's text and attachments' text) and record them
cli-help-consulta-campaigns-rebuild-consultation = The consultation's slug
cli-help-consulta-campaigns-list = Print a consultation's campaigns, the largest first (campaign,size,first_seen,last_seen,representative)
cli-help-consulta-campaigns-list-consultation = The consultation's slug
cli-help-consulta-campaigns-list-format = Output format
cli-help-consulta-campaigns-members = Print each contribution that belongs to a campaign, and its campaign (contribution,campaign)
cli-help-consulta-campaigns-members-consultation = The consultation's slug
cli-help-consulta-campaigns-members-format = Output format
cli-help-consulta-campaigns-name = Give a campaign a name and a note shown with it on every page (recorded in the audit log), or remove them
cli-help-consulta-campaigns-name-consultation = The consultation's slug
cli-help-consulta-campaigns-name-campaign = The campaign: its first member's number
cli-help-consulta-campaigns-name-name = The campaign's name (at most 120 characters)
cli-help-consulta-campaigns-name-note = A note on the campaign (at most 2,000 characters)
cli-help-consulta-campaigns-name-clear = Remove the campaign's name and note
cli-campaigns-named = Campaign { $campaign } is named “{ $name }”.
cli-campaigns-unnamed = Campaign { $campaign } has no name or note any more.
cli-campaigns-no-such = No campaign { $campaign } in consultation { $slug }: `consulta campaigns list --consultation { $slug }` lists them.
cli-campaigns-reading = contributions read
cli-campaigns-rebuilt = { $members } contributions belong to { $campaigns ->
    [one] one campaign
   *[other] { $campaigns } campaigns
}; { $changed ->
    [0] the record already held them
    [one] one contribution's campaign was written
   *[other] { $changed } contributions' campaigns were written
}.
cli-campaigns-line = Campaign { $campaign }: { $size } contributions from { $first } to { $last } — “{ $representative }”
campaigns-link = Campaigns: letters sent many times
campaigns-title = Campaigns
campaigns-intro = A campaign is one letter sent many times: word for word, with words changed, with a paragraph of the sender's own, or with synonyms picked in a template. Each is named by its first contribution. Each new contribution joins its campaign as it is recorded; all are found again from the record whenever the secretariat rebuilds them.
campaigns-summary = { $members } of the { $total } counted contributions belong to { $campaigns } campaigns: { $distinct } distinct voices, counting each campaign once.
campaigns-caption = Campaigns, the largest first
campaigns-column-campaign = Campaign
campaigns-column-size = Contributions
campaigns-column-first = First received
campaigns-column-last = Last received
campaigns-column-representative = Representative contribution
campaigns-none = No campaign has been found in this consultation.
campaign-name = Campaign { $id }
campaign-size = { $count ->
    [one] one contribution
   *[other] { $count } contributions
}
campaign-member-of = Campaign
campaign-by-group = By stakeholder group
campaign-representative = Representative contribution
campaign-representative-why = The member most like the others: the one whose wording the others share most.
campaign-by-country = By country
campaign-by-channel = By channel
campaign-variants = Variants
campaign-variants-intro = The first contributions of the campaign, each compared word by word with the representative: words added are underlined, words left out are struck through.
campaign-variant-identical = Word for word the representative.
campaign-variant-added = added
campaign-variant-removed = left out
campaign-more = and { $count } more
campaign-template = A template with synonyms
campaign-template-intro = The members follow one template and pick one word of a set at each of these places (counted over up to 200 members spread across the campaign).
campaign-slot-after = After “{ $words }”
campaign-slot-pick = { $word } ({ $count })
campaign-note-title = The secretariat's name and note
campaign-note-name = Name
campaign-note-note = Note
campaign-note-help = Shown with the campaign on every page. Leave both empty to remove them. Each change is recorded in the audit log.
campaign-note-save = Save
campaign-note-saved = The name and note were saved.
campaign-note-empty-name = A campaign's name cannot be empty when it has a note.
campaign-note-name-too-long = A campaign's name can have at most 120 characters.
campaign-note-note-too-long = A campaign's note can have at most 2,000 characters.
distinct-caption = Distinct voices by stakeholder group
distinct-contributions = Contributions
distinct-voices = Distinct voices
distinct-note = A campaign (one letter sent many times) counts once in each stakeholder group it reaches; a contribution of its own counts one.
report-campaigns = { $members } of the contributions counted belonged to { $campaigns ->
    [one] one campaign
   *[other] { $campaigns } campaigns
}, letters sent many times with or without edits; counting each campaign once in each stakeholder group it reached, the contributions are { $distinct } distinct voices.

## Drafts (issue 19)
cli-help-consulta-draft = Drafts: the texts a consultation leads to (opinions, resolutions), negotiated paragraph by paragraph
cli-help-consulta-draft-import = Record a draft from its plain text: verb phrases on lines of their own, items a), b), sub-items i), ii), quoted paragraphs; nothing is recorded if a line cannot be placed
cli-help-consulta-draft-import-file = The text file (UTF-8)
cli-help-consulta-draft-import-consultation = The consultation's slug
cli-help-consulta-draft-import-symbol = The draft's document symbol (WTPF-13/6, for example)
cli-help-consulta-draft-import-lang = The language it is written in (default: the consultation's original language)
cli-help-consulta-draft-show = Print a draft: its latest revision, or the one asked for
cli-help-consulta-draft-show-symbol = The draft's document symbol
cli-help-consulta-draft-show-revision = The revision (0: as recorded)
cli-help-consulta-draft-show-format = Output format: text (which draft import reads back) or json
cli-draft-imported = Draft { $symbol } recorded: { $sections } sections, { $items } numbered items.
cli-draft-unplaced = { $file }, line { $line }: this line has no place in the draft's structure: { $text }
cli-draft-refused = { $file }: nothing was recorded. Put each line in its place (an item's letter in sequence, a sub-item after its item) and import the file again.
cli-draft-no-section = { $file }: no line opens a section (a verb phrase such as “rappelant”, “recalling”, “invite” or “invites” on a line of its own); nothing was recorded.
cli-draft-too-large = { $file } is larger than { $max } bytes; nothing was recorded.
cli-draft-bad-symbol = A document symbol has 1 to { $max } characters and no control character.
cli-draft-duplicate = There is already a draft { $symbol }.
cli-draft-unknown = There is no draft { $symbol }.
cli-draft-no-revision = Draft { $symbol } has no revision { $revision }.
cli-help-consulta-draft-show-compare = Compare with this earlier revision, word by word ([+inserted+], [-struck out-])
cli-help-consulta-draft-amend = Propose an amendment to the draft's latest revision: replace words, delete an item, or insert a new item after it
cli-help-consulta-draft-amend-symbol = The draft's document symbol
cli-help-consulta-draft-amend-place = Where: the section's number, then the item's labels (2/b, 2/b/ii; 5/p1 for a paragraph without a number)
cli-help-consulta-draft-amend-replace = The words to replace (found once in the item)
cli-help-consulta-draft-amend-by = The words that replace them (empty to strike them out)
cli-help-consulta-draft-amend-delete = Delete the whole item
cli-help-consulta-draft-amend-insert = Insert this new item after the one named
cli-help-consulta-draft-amend-justification = Why, in a few sentences (at most 2,000 characters)
cli-help-consulta-draft-amend-entity = The recorded entity proposing it (default: the secretariat)
cli-help-consulta-draft-support = Record that an entity supports an amendment, or opposes it
cli-help-consulta-draft-support-symbol = The draft's document symbol
cli-help-consulta-draft-support-amendment = The amendment's number
cli-help-consulta-draft-support-entity = The recorded entity
cli-help-consulta-draft-support-oppose = It opposes the amendment
cli-help-consulta-draft-revise = Issue the next revision: the accepted amendments applied in the order given, the rejected ones closed
cli-help-consulta-draft-revise-symbol = The draft's document symbol
cli-help-consulta-draft-revise-accept = Amendments accepted (numbers, separated by commas)
cli-help-consulta-draft-revise-reject = Amendments rejected (numbers, separated by commas)
cli-help-consulta-draft-compile = Print the compilation text: the latest revision with every pending amendment in square brackets at its place
cli-help-consulta-draft-compile-symbol = The draft's document symbol
cli-draft-amend-which = Say what the amendment does: --replace WORDS --by WORDS, --delete, or --insert TEXT.
cli-draft-amended = Amendment { $number } to { $symbol } is recorded.
cli-draft-supported = { $entity } supports amendment { $number }.
cli-draft-opposed = { $entity } opposes amendment { $number }.
cli-draft-revised = { $symbol }: revision { $revision } issued, { $accepted } amendments accepted and { $rejected } rejected.
cli-draft-lost-place = Amendment { $number } is left out: the latest revision has no place { $place }.
draft-bad-place = “{ $place }” is not a place in a draft: give the section's number, then the item's labels (2/b, 2/b/ii; 5/p1 for a paragraph without a number).
draft-no-such-place = The draft has no { $place }.
draft-words-not-found = The words “{ $words }” are not in { $place } exactly once.
draft-amendment-empty = An amendment's text cannot be empty.
draft-amendment-quoted = A quoted paragraph is another document's text: it cannot be amended.
draft-cannot-apply = Amendment { $number } cannot be made: { $problem }
draft-justification-too-long = A justification has at most { $max } characters.
draft-not-pending = Amendment { $number } is not a pending amendment of this draft.
draft-supported-by = supported by
draft-page-title = Draft { $symbol }
draft-list = Drafts
draft-views = Views of the draft
draft-view-text = Text
draft-view-compilation = Compilation text
draft-view-compare = Compare with the original
draft-compilation-intro = The latest revision with every pending amendment in square brackets at its place: the words proposed for replacement or deletion, then the words proposed, each with the amendment's number, who proposed it and who supports it.
draft-compare-intro = { $later } compared with { $earlier }: inserted words are underlined, struck-out words are crossed through.
draft-revisions = Revisions
draft-revision-original = Original text
draft-revision = Rev.{ $number }
draft-amendments = Amendments
draft-amendment-number = Amendment { $number }
draft-amendment-delete = Delete the item.
draft-amendment-insert = Insert after it:
draft-amendment-status-pending = pending
draft-amendment-status-accepted = accepted
draft-amendment-status-rejected = rejected
draft-opposed-by = opposed by
draft-no-amendments = No amendment has been proposed.
draft-status-proposal = proposal
draft-status-negotiation = under negotiation
draft-status-agreed = agreed
draft-status-adopted = adopted
draft-done-amended = Your amendment is recorded: it is listed below and in the compilation text.
draft-done-stance = Your stance is recorded.
draft-done-revised = The next revision is issued.
draft-support = Support
draft-oppose = Oppose
draft-propose-heading = Propose an amendment
draft-propose-for = You propose it for { $entity }, as its focal point.
draft-propose-secretariat = You propose it as the secretariat.
draft-field-place = Where
draft-place-hint = The section's number, then the item's labels: 2/b, 2/b/ii; 4/p1 for a section's paragraph without a number.
draft-field-kind = What it does
draft-kind-replace = Replace words
draft-kind-delete = Delete the item
draft-kind-insert = Insert a new item after it
draft-field-words = Words to replace (as they are in the item)
draft-field-by = Replaced by (empty to strike them out)
draft-field-text = The new item's text
draft-field-justification = Why
draft-propose-submit = Propose the amendment
draft-sign-in-to-amend = Focal points sign in to propose amendments and support them.
draft-decide-heading = Issue the next revision
draft-decide-intro = Accepted amendments are made in the order of their numbers; rejected ones are closed; the others stay pending. Each decision is in the audit log.
draft-decide-keep = Keep pending
draft-decide-accept = Accept
draft-decide-reject = Reject
draft-decide-submit = Issue the revision
cli-help-consulta-draft-export = Write a draft out: Akoma Ntoso XML (OASIS LegalDocML 3.0, which draft import reads back), plain text or JSON
cli-help-consulta-draft-export-symbol = The draft's document symbol
cli-help-consulta-draft-export-revision = The revision (default: the latest)
cli-help-consulta-draft-export-format = akn (Akoma Ntoso XML), text, json, html, md, docx or pdf
cli-help-consulta-draft-export-output = The file to write (default: standard output)
cli-help-consulta-draft-export-compilation = Write the compilation text (the latest revision with every pending amendment in brackets) instead of a revision
draft-download = Download:
draft-agreed-ad-referendum = agreed ad referendum
draft-amendment-status-merged = merged
draft-merged-into = merged into amendment { $number }
draft-receipt = Amendment { $number } is recorded as entry { $leaf } of the public log.
draft-receipt-record = Its record, as the log holds it
draft-receipt-proof = the proof that the log holds it
draft-amendment-leaf = log entry { $leaf }
draft-field-merges = Merges amendments (the secretariat's; their numbers, separated by commas)
draft-merges-hint = Leave empty for a new amendment. Filled in, this wording replaces the amendments named, which are closed as merged into it.
draft-done-merged = The merged amendment is recorded; the amendments it merges are closed.
draft-done-agreed = The mark of agreement is recorded.
draft-done-status = The draft's status is changed.
draft-agree-heading = Paragraphs agreed ad referendum
draft-agree-intro = Mark a paragraph agreed ad referendum once no amendment to it is pending: the text and the compilation text say so. A new revision keeps the mark where the paragraph's place and words are unchanged.
draft-agree-submit = Mark agreed
draft-agree-withdraw = Take the mark back
draft-status-heading = Status of the draft
draft-status-field = New status
draft-status-intro = A draft is agreed once no amendment is pending, and adopted once agreed; an adopted text is final.
draft-status-submit = Change the status
draft-closed-notice = This text is { $status }: it is no longer negotiated.
draft-closed = The draft is { $status }: its text is no longer negotiated.
draft-status-unknown = “{ $status }” is not a draft's status (negotiation, agreed, adopted).
draft-status-refused = A draft cannot go from “{ $from }” to “{ $to }”.
draft-status-pending = Amendments still pending: { $count }. Decide them before the text is agreed.
draft-agreed-with-pending = { $place } has amendments pending: it cannot be agreed while they are.
draft-merge-too-few = A merge combines at least two pending amendments.
cli-draft-amendment-leaf = Entry { $leaf } of the public log; SHA-256 of its record: { $sha256 }
cli-draft-merged = Amendments { $merged } are merged into amendment { $number }.
cli-draft-agreed = { $place } of { $symbol } is marked agreed ad referendum.
cli-draft-agreement-withdrawn = The mark of agreement on { $place } of { $symbol } is taken back.
cli-draft-status-set = Draft { $symbol } is now { $status }.
cli-help-consulta-draft-merge = Record the secretariat's amendment that merges pending amendments, which are closed as merged into it
cli-help-consulta-draft-merge-symbol = The draft's document symbol
cli-help-consulta-draft-merge-amendments = The amendments merged (numbers, separated by commas)
cli-help-consulta-draft-agree = Mark a paragraph of the latest revision agreed ad referendum (no amendment to it may be pending), or take the mark back
cli-help-consulta-draft-agree-symbol = The draft's document symbol
cli-help-consulta-draft-agree-place = The paragraph: the section's number, then the item's labels (2/b; 1/p1 for a paragraph without a number)
cli-help-consulta-draft-agree-withdraw = Take the mark back
cli-help-consulta-draft-status = Move a draft to negotiation, agreed (no amendment pending) or adopted (once agreed; final)
cli-help-consulta-draft-status-symbol = The draft's document symbol
cli-help-consulta-draft-status-status = The new status
cli-help-consulta-draft-merge-place = Where: the section's number, then the item's labels (2/b, 2/b/ii; 5/p1 for a paragraph without a number)
cli-help-consulta-draft-merge-replace = The words to replace (found once in the item)
cli-help-consulta-draft-merge-by = The words that replace them (empty to strike them out)
cli-help-consulta-draft-merge-delete = Delete the whole item
cli-help-consulta-draft-merge-insert = Insert this new item after the one named
cli-help-consulta-draft-merge-justification = Why, in a few sentences (at most 2,000 characters)
draft-no-amendment = Draft { $symbol } has no amendment { $number }.
draft-amendment-format = An amendment is written as Akoma Ntoso (akn) or as its record (json).
draft-amendment-heading = Amendment { $number } to { $symbol }, proposed by { $proposer }
cli-help-consulta-draft-export-amendment = Write one amendment (its number) as an Akoma Ntoso amendment document, or its record with --format json
draft-amendment-akn = Akoma Ntoso
open-data-amendments-csv = Amendments to the drafts, with who proposed and supports them and their log hashes (CSV)
open-data-drafts-json = The drafts whole: every revision's structure, the paragraphs agreed and the amendments (JSON)
draft-comparison-format = A comparison is written as HTML, Markdown, DOCX, PDF or text.
cli-help-consulta-draft-export-compare = Write the revision (--revision, default the latest) compared with this earlier one: insertions underlined, deletions struck through (html, md, docx, pdf, or text marked [+…+] and [-…-])
body-unknown = There is no body { $slug }.
body-rules-error = line { $line } of the rules: { $problem }
body-expertise = expertise: { $tag }
body-everyone = All members
body-or = or
body-at-least = at least { $n }
body-at-most = at most { $n }
body-exactly = exactly { $n }
body-what-total = Members of the body
body-what-renewal = Seated members replaced
body-violation = { $what }: { $found } (rule on line { $line }: { $required } required)
body-nomination-error = line { $line }, { $field }: { $problem }; nothing was recorded.
body-bad-fields = A body has a name (at most 300 characters), a mandate (at most 4,000) and a term of 1 to 10 years.
body-duplicate = There is already a body { $slug }.
body-not-a-nomination = Nomination { $number } is not a nomination to this body.
gender-female = Women
gender-male = Men
cli-body-created = Body { $slug } recorded. Give it its rules with consulta body rules { $slug } --file RULES.
cli-body-rules-set = Body { $slug }: { $rules } rules recorded.
cli-body-nominated = Body { $slug }: { $count } nominations recorded.
cli-body-pinned = Nomination { $number } is pinned as asked.
cli-body-slate-passes = The slate of { $count } meets every rule.
cli-body-slate-fails = The slate breaks { $count } rules.
cli-body-conflicting-rule =   line { $line }: { $rule }
cli-body-no-slate = No slate meets every rule: these rules cannot hold together (each is needed for the conflict):
cli-body-slate = The best slate meeting every rule ({ $count } members):
cli-body-seated = Body { $slug }: { $count } members seated from { $from } until { $until }.
cli-body-summary = { $members } members seated today; { $nominations } nominations.
cli-help-consulta-body = Bodies whose membership must be balanced: rules, nominations, a checker and an exact solver
cli-help-consulta-body-create = Record a body (a working group, an advisory group) for a consultation
cli-help-consulta-body-create-slug = The body's short name in addresses (lower-case letters, digits, '-')
cli-help-consulta-body-create-consultation = The consultation's slug
cli-help-consulta-body-create-name = The body's name
cli-help-consulta-body-create-mandate = Its mandate
cli-help-consulta-body-create-term_years = The length of a member's term, in years
cli-help-consulta-body-rules = Set a body's composition rules from a file (one rule a line), or print them
cli-help-consulta-body-rules-slug = The body
cli-help-consulta-body-rules-file = The rules file
cli-help-consulta-body-rules-objective = What the solver makes best: the nominators' first choices, countries spread, seated members kept
cli-help-consulta-body-nominate = Record nominations from a CSV file, all or none
cli-help-consulta-body-nominate-slug = The body
cli-help-consulta-body-nominate-csv = The file: person, nominator, process, stakeholder_group, country, gender, expertise, statement, priority
cli-help-consulta-body-pin = Pin a nominee in or out of the solver's slate, or free them
cli-help-consulta-body-pin-slug = The body
cli-help-consulta-body-pin-nomination = The nomination's number
cli-help-consulta-body-pin-pin = in, out or free
cli-help-consulta-body-check = Check a slate against the body's rules: every rule it breaks and by how much
cli-help-consulta-body-check-slug = The body
cli-help-consulta-body-check-slate = The nominations of the slate (default: the members seated today)
cli-help-consulta-body-check-format = Output format
cli-help-consulta-body-solve = Find the best slate meeting every rule, or the rules that conflict
cli-help-consulta-body-solve-slug = The body
cli-help-consulta-body-solve-format = Output format
cli-help-consulta-body-seat = Seat a slate for a term (default: the solver's slate, from today)
cli-help-consulta-body-seat-slug = The body
cli-help-consulta-body-seat-members = The nominations seated (default: the solver's slate)
cli-help-consulta-body-seat-from = The term's first day (default: today)
cli-help-consulta-body-show = Show a body: its members seated today and its composition by group, region, development status and gender
cli-help-consulta-body-show-slug = The body
cli-help-consulta-body-show-format = Output format
body-term = Members serve terms of { $years } years.
body-done-nominated = Your nomination is recorded.
body-done-rules = The rules are recorded.
body-done-pin = The pin is recorded.
body-done-seated = The slate is seated.
body-members = Members
body-no-members = No member is seated today.
body-term-heading = Term
body-composition = Composition
body-by-group = By stakeholder group
body-by-region = By regional group
body-by-development = By development status
body-by-gender = By gender
body-rules = Composition rules
body-meets-rules = The members seated today meet every rule.
body-no-rules = The secretariat has set no rule yet.
body-nominate-heading = Nominate a member
body-nominate-for = You nominate for { $entity }, as its focal point.
body-field-person = Person
body-field-group = Stakeholder group
body-field-country = Country
body-country-hint = Two letters (ISO 3166-1): KE, BR, FR.
body-field-gender = Gender
body-field-expertise = Expertise (tags, separated by commas)
body-field-statement = Statement
body-field-priority = Your order of preference (1 first)
body-field-invalid = { $field }: please check this field.
body-nominate-submit = Nominate
body-sign-in-to-nominate = Focal points sign in to nominate members.
body-solved-heading = The solver's slate
body-solved-intro = The best slate of { $count } meeting every rule, by the objective chosen:
body-seat-from = First day of the term
body-seat-submit = Seat this slate
body-rule-line = Line { $line }:
body-nothing-to-solve = There is nothing to solve yet: the body needs rules and nominations.
body-nominations = Nominations
body-no-nominations = No nomination yet.
body-nominator = Nominated by
body-pin = For the solver
body-pin-free = free
body-pin-in = always in
body-pin-out = always out
body-pin-submit = Set
body-rules-heading = Rules and objective
body-rules-hint = One rule a line: total 42; exactly 22 group=government; at least 1 per region in african,asia_pacific,eastern_european,latin_american_caribbean,weog where group=government; at most 1 per country; at least 40% gender=female; renew at most 50%.
body-objective = The solver's objective
body-objective-priority = The nominators' first choices
body-objective-spread_countries = As many countries as possible
body-objective-keep_seated = As few seated members replaced as possible
body-rules-submit = Save the rules
body-list = Bodies
open-data-bodies-json = Bodies: their rules and every term served, with the member's group, country and gender (JSON)
body-role = Role
body-role-member = Member
body-role-chair = Chair
body-role-co_chair = Co-chair
body-rotation = The chair rotates: { $rotation }.
body-next-chair = Next chair: the nominee of { $nominator }.
body-co-chair-candidates = May be co-chair (members who have not held it): { $members }
cli-body-chair-not-seated = Nomination { $number } is not among those seated: a chair or co-chair is a member.
cli-help-consulta-body-chairs = Show the chair's rotation, the next chair and who may be co-chair; set the rotation
cli-help-consulta-body-chairs-slug = The body
cli-help-consulta-body-chairs-rotation = The nominators the chair rotates between, in order, separated by commas
cli-help-consulta-body-seat-chair = The nomination seated as chair
cli-help-consulta-body-seat-co_chair = The nomination seated as co-chair
body-chair-not-in-turn = It is { $nominator }’s turn to have the chair.
body-co-chair-held = { $person } has been co-chair already: another member takes the turn.
follow-up-problem-too-large = the file is larger than 10 MiB
follow-up-problem-too-many = the file has more than 10,000 rows
follow-up-problem-csv = the file is not CSV: { $value }
follow-up-problem-missing-column = the column is missing
follow-up-problem-missing = the value is missing
follow-up-problem-too-long = the value is longer than { $count } characters
follow-up-problem-action-line = { $value } is not an action line (C1 to C11)
follow-up-problem-date = { $value } is not a date written YYYY-MM-DD
follow-up-problem-end-before-start = the end comes before the start
follow-up-problem-status = { $value } is not a status (planned, in_progress, achieved, dropped)
follow-up-problem-progress = { $value } is not a progress from 0 to 100
follow-up-problem-achieved = an achieved commitment is at 100 %
follow-up-problem-duplicate = id { $value } is used twice
follow-up-problem-own-parent = a commitment cannot be its own parent
follow-up-file-error = line { $line }, field { $field }: { $problem }
follow-up-unknown-consultation = line { $line }, field consultation: there is no consultation { $slug }
follow-up-unknown-parent = commitment { $child }: there is no commitment { $parent } to be its parent, in the file or the record
follow-up-unknown-commitment = there is no commitment { $number }
follow-up-update-not-allowed = a commitment { $from } cannot become { $to }
follow-up-update-progress-back = progress cannot go back from { $from } % to { $to } % while the commitment is in progress
follow-up-status-planned = planned
follow-up-status-in-progress = in progress
follow-up-status-achieved = achieved
follow-up-status-dropped = dropped
follow-up-role-lead = lead facilitator
follow-up-role-co-facilitator = co-facilitator
follow-up-role-moderator = moderator
cli-follow-up-action-line = commitments: { $count }; facilitators: { $facilitators }
cli-follow-up-imported = Commitments added: { $added }; updated: { $updated }.
cli-follow-up-updated = Commitment { $number } is updated.
cli-follow-up-bad-year = { $value } is not a year from 2000 to 2200
cli-follow-up-bad-role = { $value }: write ORGANISATION:ROLE, the role lead, co_facilitator or moderator
cli-help-consulta-follow-up = The follow-up record: action lines, their facilitators, commitments and their progress
cli-help-consulta-follow-up-action-lines = List the action lines C1 to C11 with their facilitators and commitments
cli-help-consulta-follow-up-action-lines-format = Output format
cli-help-consulta-follow-up-import = Record commitments from a results CSV (Decidim's columns and Consulta's), all or none; a known id updates its commitment
cli-help-consulta-follow-up-import-file = The results CSV file
cli-help-consulta-follow-up-import-on = The day the statuses in the file hold from (default: today)
cli-help-consulta-follow-up-export = Write every commitment as a results CSV, which import reads back
cli-help-consulta-follow-up-export-output = The file to write (default: standard output)
cli-help-consulta-follow-up-commitments = List commitments, by action line, entity or status
cli-help-consulta-follow-up-commitments-action_line = Only those serving this action line (C1 to C11)
cli-help-consulta-follow-up-commitments-entity = Only those of this entity, as named
cli-help-consulta-follow-up-commitments-status = Only those at this status
cli-help-consulta-follow-up-commitments-format = Output format
cli-help-consulta-follow-up-update = Update a commitment's status and progress, checked against where it stands
cli-help-consulta-follow-up-update-commitment = The commitment's number
cli-help-consulta-follow-up-update-status = Its status: planned, in-progress, achieved or dropped
cli-help-consulta-follow-up-update-progress = Its progress, in per cent
cli-help-consulta-follow-up-update-on = The day it holds from (default: today)
cli-help-consulta-follow-up-update-note = Why, in a sentence
cli-help-consulta-follow-up-facilitators = Show who facilitates each action line by year; replace an action line's facilitators for a year
cli-help-consulta-follow-up-facilitators-year = The year
cli-help-consulta-follow-up-facilitators-action_line = The action line whose facilitators are replaced
cli-help-consulta-follow-up-facilitators-set = Organisations and their roles, separated by commas: ITU:lead,UNESCO:co_facilitator
nav-follow-up = Follow-up
action-lines-title = Action lines of the Geneva Plan of Action
action-lines-intro = The eleven action lines of the World Summit on the Information Society, who facilitates each, and how the commitments that serve them stand.
action-line-column-line = Action line
action-line-column-facilitators-year = Facilitators in { $year }
action-line-facilitators = Facilitators
action-line-commitments = Commitments
action-lines-source = Source: Geneva Plan of Action (WSIS-03/GENEVA/DOC/5), section C.
action-lines-csv = Commitments as CSV
follow-up-no-facilitators = No facilitator is recorded for this action line.
follow-up-no-commitments = No commitment serves this action line yet.
action-line-status-counts = Planned: { $planned }; in progress: { $progress }; achieved: { $achieved }; dropped: { $dropped }.
commitment-column-title = Commitment
commitment-entity = Undertaken by
commitment-status = Status
commitment-progress = Progress
commitment-action-lines = Action lines
commitment-dates = Dates
commitment-indicator = Indicator
commitment-target = Target
commitment-parent = Part of
commitment-number = commitment { $number }
commitment-consultation = From the consultation
commitment-timeline = Timeline
commitment-progress-chart = Progress of “{ $title }” over time, in per cent
report-follow-up-title = Progress made in the implementation of and follow-up to the outcomes of the World Summit on the Information Society in { $year }
report-follow-up-subtitle = Report of the secretariat
report-follow-up-section-introduction = I. Introduction
report-follow-up-introduction = At the end of { $year }, the commitments recorded against the action lines of the Geneva Plan of Action numbered { $count }: achieved, { $achieved }; in progress, { $progress }; planned, { $planned }; dropped, { $dropped }. Reports on { $updates } of them came during the year.
report-follow-up-chart = Commitments by status at the end of { $year }
report-follow-up-section-facilitators = II. The action lines and their facilitators
report-follow-up-facilitators = The table below gives, for each action line, the organisations that facilitated it in { $year }.
report-follow-up-facilitators-caption = Action lines and their facilitators, { $year }
report-follow-up-no-facilitators = No facilitator was recorded for { $year }.
report-follow-up-section-progress = III. Progress by action line
report-follow-up-line = { $line }. Commitments: { $count } (achieved: { $achieved }; in progress: { $progress }; planned: { $planned }; dropped: { $dropped }).
report-follow-up-commitments-caption = Commitments serving { $line }
report-follow-up-progress-at = Progress, end of { $year }
report-follow-up-section-missing = IV. Commitments not reported on
report-follow-up-missing = Commitments planned or in progress at the end of { $year } that nobody reported on during the year: { $count }.
report-follow-up-none-missing = Every commitment planned or in progress at the end of { $year } was reported on during the year.
report-follow-up-missing-caption = Commitments not reported on in { $year }
report-follow-up-last-report = Last report
cli-report-needs-consultation = Name the consultation (--consultation SLUG), or ask for the follow-up report of a year (--kind follow-up --year YEAR).
cli-help-consulta-report-kind = Which report: a consultation's synthesis, or the follow-up of a year
cli-help-consulta-report-year = The year of a follow-up report
report-follow-up-column-lead = Lead facilitators
report-follow-up-column-co-facilitators = Co-facilitators
report-follow-up-column-moderators = Moderators
follow-up-unknown-round = there is no reporting round over the consultation { $slug }
follow-up-duplicate-round = the consultation { $slug } is a reporting round already
follow-up-unknown-entity = there is no recorded entity { $name }
follow-up-standing-reported = reported
follow-up-standing-late = late
follow-up-standing-due = due
follow-up-reminder-subject = Reminder: your progress report for { $year }
follow-up-reminder-body = Dear { $name },

    { $entity } is invited to report on its progress in { $year } ({ $round }). Reports are due by { $deadline }. You may file yours at { $link }

    The secretariat
cli-follow-up-round-opened = Reporting round { $slug } opened; organisations invited: { $count }.
cli-follow-up-round-summary = Reports received from { $reported } of the { $count } organisations invited; late: { $late }.
cli-follow-up-reminded = Reminders queued: { $count }.
cli-help-consulta-follow-up-round = Reporting rounds: a consultation through which invited organisations file their progress reports
cli-help-consulta-follow-up-round-open = Open a reporting round over a consultation (its questions the template, its closing the deadline)
cli-help-consulta-follow-up-round-open-consultation = The consultation's slug
cli-help-consulta-follow-up-round-open-year = The year reported on
cli-help-consulta-follow-up-round-open-action_lines = The action lines reported on, separated by commas (C2,C5)
cli-help-consulta-follow-up-round-open-invite = Recorded entities invited to report, separated by semicolons
cli-help-consulta-follow-up-round-status = Show who has reported in a round, who is late and who is due
cli-help-consulta-follow-up-round-status-consultation = The round's consultation
cli-help-consulta-follow-up-round-status-format = Output format
cli-help-consulta-follow-up-round-remind = Email a reminder to the focal points of the invitees that have not reported
cli-help-consulta-follow-up-round-remind-consultation = The round's consultation
cli-help-consulta-follow-up-round-remind-public_url = The instance's public address, which the reminders link to
reports-due-title = Reports due
reports-due-intro = The reporting rounds { $entity } is invited to.
reports-due-round = Progress in { $year } on { $lines }; reports due by { $deadline }.
reports-due-reported = Your report is recorded.
reports-due-receipt = Its receipt
reports-due-late = No report was received before the deadline.
reports-due-file = File your progress report
reports-due-status = Reports received from { $reported } of the { $count } organisations invited; late: { $late }.
reports-due-none = No reporting round is open to you.
reporting-round-invitees = Invited organisations
reporting-round-report = Report
reporting-round-contribution = contribution { $number }
reporting-round-remind = Remind those who have not reported
reporting-round-reminded = Reminders queued: { $count }.
nav-reports-due = Reports due
report-follow-up-section-rounds = { $number }. Reporting rounds
report-follow-up-round = { $round }: reports received from { $reported } of the { $count } organisations invited.
report-follow-up-round-late = No report came before the deadline from: { $names }.
report-follow-up-round-open = The round is still open.
follow-up-cycle-review = In { $year }, the UN Group on the Information Society is chaired by { $chair }, and the Commission on Science and Technology for Development holds the review session of its { $start }–{ $end } cycle.
follow-up-cycle-policy = In { $year }, the UN Group on the Information Society is chaired by { $chair }, and the Commission on Science and Technology for Development holds the policy session of its { $start }–{ $end } cycle.
action-line-column-in-progress = In progress
action-line-column-achieved = Achieved
follow-up-org-itu = ITU
follow-up-org-unesco = UNESCO
follow-up-org-undp = UNDP
follow-up-bad-choice = { $value } is not one of: { $allowed }
cli-help-consulta-follow-up-commitments-group = Only those of recorded entities of this stakeholder group
cli-help-consulta-follow-up-commitments-region = Only those of entities of this UN regional group (african, asia_pacific, eastern_european, latin_american_caribbean, weog)
cli-help-consulta-follow-up-commitments-development = Only those of entities of this development status
commitments-title = Commitments and their progress
commitments-filter-group = Stakeholder group
commitments-filter-region = Regional group
commitments-filter-development = Development status
commitments-filter-any = Any
commitments-count = Commitments shown: { $count }
action-lines-all-commitments = Every commitment, by stakeholder group, region or development status
number-group-separator = ,
forum-title = Forum on projects and funding
forum-intro = Stakeholders post the projects they need funded and the sources of funding they offer (Tunis Agenda, paragraph 27 g). Each project is matched to the funding sources whose action lines, place and eligibility it meets, with the reasons. Anyone may read; the focal points of verified entities may post and answer.
forum-new-project = Post a project
forum-new-funding = Post a funding source
forum-sign-in-to-post = The focal points of verified entities sign in to post and answer.
forum-count = Items: { $count }
forum-answers = Questions and answers: { $count }
forum-matches = Matches: { $count }
forum-open-data = Open data (JSON)
forum-empty = Nothing is posted in the forum yet.
forum-kind-project = Project
forum-kind-funding = Funding source
forum-posted-by = Posted by
forum-grants = Grants
forum-matches-funding = Funding sources this project meets
forum-matches-projects = Projects that meet this funding source
forum-no-matches = None at present.
forum-thread = Questions and answers
forum-no-answers = No question has been asked yet.
forum-reply-label = Your question or answer
forum-reply-for = Published in the name of { $entity }.
forum-reply-submit = Publish
forum-moderation = Moderation
forum-hide-reason = Reason, shown in its place
forum-hide-item = Hide this item
forum-hide-answer = Hide
forum-show-again = Show again
forum-hidden-because = Hidden by the secretariat: { $reason }
forum-hidden-title = Item hidden by the secretariat
forum-posting-for = Published in the name of { $entity }, with the date, for anyone to read. Amounts are in whole US dollars.
forum-field-kind = Kind
forum-field-title = Title
forum-field-description = Description
forum-field-need = The need: what the project does, for whom, and what the funding would pay for
forum-field-scope = The scope: what is funded, and how to apply
forum-field-action-lines = Action lines
forum-field-countries = Countries where it is carried out
forum-field-covered-countries = Countries covered (if it names some)
forum-field-country = Country (code)
forum-field-regions = Regional groups covered
forum-field-development = Open to countries of development status
forum-field-groups = Open to stakeholder groups
forum-field-budget = Budget (US dollars)
forum-field-amount-min = Smallest grant (US dollars)
forum-field-amount-max = Largest grant (US dollars)
forum-field-deadline = Applications until
forum-field-funder = Funder
forum-field-contact = Contact
forum-countries-hint = ISO codes separated by commas, such as KE, UG
forum-amount-hint = A whole number, such as 150000 or 150,000
forum-eligibility-hint = Leave a list unticked to be open to all.
forum-contact-hint = Published as written: an address of the organisation, not a person's private one.
forum-post-submit = Publish in the forum
forum-field-error = { $field }: { $problem }
forum-problem-missing = it is required
forum-problem-too-long = it is longer than { $count } characters
forum-problem-too-many = it names more than { $count }
forum-problem-kind = { $value } is neither project nor funding
forum-problem-country = { $value } is not a country code
forum-problem-region = { $value } is not a UN regional group
forum-problem-development = { $value } is not a development status (ldc, developing, developed)
forum-problem-group = { $value } is not a stakeholder group of this site
forum-problem-amount = { $value } is not a whole number of US dollars
forum-problem-min-above-max = the smallest grant is larger than the largest
forum-problem-funding-only = only a funding source has it
forum-problem-project-only = only a project has it
forum-not-verified = Only the focal point of a verified entity may post in the forum.
forum-unknown-item = There is no item { $number } in the forum.
forum-unknown-reply = There is no answer { $number } under item { $item }.
forum-no-reason = Give the reason for hiding: it is shown in its place.
forum-reason-action-lines = Action lines both serve: { $codes }
forum-reason-country = Country covered: { $country }
forum-reason-region = Regional group covered: { $region } ({ $country })
forum-reason-anywhere = Countries covered: all
forum-reason-development = Open to: { $status } ({ $country })
forum-reason-group = Open to: { $group }
forum-reason-budget = Budget { $budget }; grants { $range }
forum-reason-deadline = Applications until { $date }
forum-dollars = US$ { $amount }
forum-range = from { $min } to { $max }
forum-range-from = from { $min }
forum-range-up-to = up to { $max }
forum-file-too-large = the file is larger than { $size }
forum-file-error = line { $line }: { $problem }
cli-forum-posted = Item { $number } is posted in the forum.
cli-forum-hidden = Hidden, under item { $number }.
cli-forum-restored = Shown again, under item { $number }.
cli-help-consulta-forum = The forum on projects and funding: read it, post for an entity, moderate
cli-help-consulta-forum-list = List the items, each with the items it is matched to
cli-help-consulta-forum-list-kind = Only projects or only funding sources
cli-help-consulta-forum-list-action_line = Only those serving this action line (C1 to C11)
cli-help-consulta-forum-list-country = Only those naming this country (ISO code)
cli-help-consulta-forum-list-hidden = The items the secretariat has hidden, with the reasons
cli-help-consulta-forum-list-format = Output format
cli-help-consulta-forum-show = Show one item: its fields, its matches with the reasons, its thread
cli-help-consulta-forum-show-item = The item's number
cli-help-consulta-forum-show-format = Output format
cli-help-consulta-forum-post = Post a project or a funding source for a recorded entity, from a JSON file of its fields
cli-help-consulta-forum-post-entity = The recorded entity it is posted for
cli-help-consulta-forum-post-file = A JSON object: kind, title, description, action_lines, countries, budget (a project's); regions, development, groups, amount_min, amount_max, deadline, funder (a funding source's); contact
cli-help-consulta-forum-hide = Hide an item, or one answer of its thread, with the reason shown in its place
cli-help-consulta-forum-hide-item = The item's number
cli-help-consulta-forum-hide-answer = One answer's number, rather than the item
cli-help-consulta-forum-hide-reason = Why, shown in its place
cli-help-consulta-forum-restore = Show a hidden item or answer again
cli-help-consulta-forum-restore-item = The item's number
cli-help-consulta-forum-restore-answer = One answer's number, rather than the item
action-lines-forum = Projects needing funding and the funding sources on offer are in the forum on projects and funding.
report-follow-up-section-forum = { $number }. The forum on projects and funding
report-follow-up-forum = Posted in the forum on projects and funding in { $year }: projects, { $projects }; funding sources, { $funding }. Projects that meet at least one funding source on the date of this report: { $matched }.
report-follow-up-forum-caption = Projects posted in { $year } and the funding sources each meets
cli-help-consulta-follow-up-round-open-lists = Also invite the entities of this accreditation list that have a contact, as an invitation campaign does (repeat for several)
cli-help-consulta-follow-up-round-open-groups = Also invite the entities of this stakeholder group that have a contact (repeat for several)
cli-help-consulta-follow-up-round-open-regions = Also invite the entities of this UN regional group that have a contact (repeat for several)
cli-help-consulta-follow-up-round-open-countries = Also invite the entities of this country (ISO code) that have a contact (repeat for several)
cli-help-consulta-follow-up-round-open-public_url = With a list, group, region or country: send each contact chosen the campaign's invitation to the round, its link under this public address
commitments-filter-issue = Issue
commitment-issues = Issues served
commitment-draft = From the draft
commitment-contribution = From the contribution
follow-up-unknown-reference = line { $line }, field { $field }: { $value } is not in the record
follow-up-problem-issue = { $value } is not an issue identifier (lower-case letters, digits and _)
follow-up-problem-contribution = { $value } is not a contribution's number
cli-help-consulta-follow-up-commitments-issue = Only those serving this issue of the taxonomy (its identifier)
reports-due-informs = { $session ->
        [review] These reports inform the Commission's review session of { $year } ({ $start }–{ $end } cycle).
       *[policy] These reports inform the Commission's policy session of { $year } ({ $start }–{ $end } cycle).
    }
api-key-missing = This request needs an API key: Authorization: Bearer followed by the key the secretariat issued.
api-key-unknown = This API key is not one this site issued.
api-key-revoked = This API key was revoked by the secretariat.
api-key-other-consultation = This API key is for another consultation.
bulk-too-large = The batch is larger than { $size }: send it in several requests.
bulk-too-many-lines = The batch has more lines than allowed ({ $count }): send it in several requests.
bulk-empty = The batch holds no line: send one contribution a line, in JSON.
bulk-line-too-long = The line is longer than { $size }.
bulk-line-not-json = The line is not a contribution in JSON: { $detail }
bulk-allowance = This key may send { $allowance } contributions an hour; sent in the last hour: { $sent }; in this batch: { $count }. Retry later.
cli-api-key-none = There is no API key { $number } in use.
cli-api-key-revoked = API key { $number } is revoked.
cli-api-key-bad-label = Give the key a label of 1 to 200 characters.
cli-api-key-bad-allowance = The hourly allowance must be at least 1.
cli-api-key-issued = API key { $number } issued to { $entity } for { $slug }. It is shown this once; keep it safe.
cli-api-key-state-in-use = in use
cli-api-key-state-revoked = revoked { $date }
cli-help-consulta-api-key = API keys of the bulk channel: issue one to an organisation for a consultation, list them, revoke one
cli-help-consulta-api-key-issue = Issue an API key (printed once, kept only as its hash)
cli-help-consulta-api-key-issue-consultation = The consultation the key may send to
cli-help-consulta-api-key-issue-entity = The recorded organisation the key is issued to
cli-help-consulta-api-key-issue-label = What the key is for, as the secretariat will recognise it
cli-help-consulta-api-key-issue-lines_per_hour = How many contributions the key may send an hour
cli-help-consulta-api-key-list = List the keys issued, in use or revoked
cli-help-consulta-api-key-revoke = Revoke a key: it is refused from then on
cli-help-consulta-api-key-revoke-key = The key's number
submit-busy = The site is receiving a great many contributions at this moment: yours was not recorded. Send it again in a few seconds; nothing you typed is lost.
example-banner-forum = Example data. This item, its poster and its thread are invented for demonstration; they are not the words of any real government or organisation.
api-keys-title = API keys of the bulk channel
api-keys-intro = An organisation that relays many contributions sends them in one request, one JSON object a line, with a key issued here for one consultation. A key is shown once, when it is issued; this site keeps only its fingerprint.
api-keys-issued = API key { $number } is issued. Copy it now and give it to the organisation: it is not shown again.
api-keys-number = Key
api-keys-entity = Organisation
api-keys-entity-hint = A recorded entity, as named in the record
api-keys-label = What it is for
api-keys-allowance = Contributions an hour
api-keys-state = State
api-keys-revoke = Revoke key { $number }
api-keys-none = No key has been issued.
api-keys-issue = Issue a key
