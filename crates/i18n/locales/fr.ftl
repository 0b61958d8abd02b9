## Consulta — messages en français. Chaque clé existe dans chacun des six fichiers (un test le vérifie).

test-greeting = Bonjour, { $name }

## Groupes de parties prenantes, modes de contribution, groupes régionaux, niveau de développement

group-government = Gouvernements
group-international_organization = Organisations internationales
group-civil_society = Société civile
group-private_sector = Secteur privé
group-academic = Milieux universitaires
group-technical = Communauté technique
channel-written = Observations écrites
channel-presentation = Exposés présentés à la réunion
channel-intervention = Interventions pendant le débat ouvert
channel-written-short = Écrit
channel-presentation-short = Exposé
channel-intervention-short = Intervention
region-african = États d’Afrique
region-asia_pacific = États d’Asie et du Pacifique
region-eastern_european = États d’Europe orientale
region-latin_american_caribbean = États d’Amérique latine et des Caraïbes
region-weog = États d’Europe occidentale et autres États
development-ldc = Pays les moins avancés
development-developing = Pays en développement
development-developed = Pays développé
status-upcoming = Pas encore ouverte
status-open = Ouverte aux contributions
status-closed = Close

## Le tableau de répartition

table-caption = Répartition des contributions reçues
table-group = Groupe de parties prenantes
table-total = Total
table-unverified = Identité non vérifiée (contributions non comptées ci-dessus)
table-withheld-note = { $count ->
    [one] Une contribution retenue de la publication n’est pas comptée.
   *[other] { $count } contributions retenues de la publication ne sont pas comptées.
}
table-empty = Aucune contribution n’a encore été reçue.

## Import des fichiers de contributions

import-row-field-error = ligne { $line }, colonne { $field } : { $problem }
import-row-error = ligne { $line } : { $problem }
import-missing = ce champ est obligatoire et il est vide
import-not-utf8 = le texte n’est pas en UTF-8 valide (enregistrez le fichier au format « CSV UTF-8 »)
import-field-count = la ligne a { $found } champs alors que l’en-tête en a { $expected }
import-entity-name-too-long = le nom de l’entité dépasse { $max } caractères
import-entity-name-control = le nom de l’entité contient un caractère de contrôle (un saut de ligne ou une tabulation, par exemple)
import-country-required = un gouvernement indique son pays : choisissez-le dans la liste
import-unknown-group = groupe de parties prenantes inconnu « { $value } » (attendu : { $known })
import-unknown-country = code de pays inconnu « { $value } » (attendu : un code ISO 3166-1 tel que FR ou FRA, ou rien pour une entité internationale)
import-unknown-channel = mode de contribution inconnu « { $value } » (attendu : written, presentation ou intervention)
import-bad-date = « { $value } » n’est pas une date (attendu : RFC 3339 tel que 2010-12-14T15:00:00Z, ou une date telle que 2010-12-14)
import-outside-period = { $value } est en dehors de la période de la consultation (pour enregistrer ces lignes comme tardives, importez avec --accept-late)
import-bad-language = « { $value } » n’est pas une étiquette de langue (attendu : une étiquette BCP 47 telle que en, fr ou es-419)
import-title-too-long = le titre dépasse { $max } caractères
import-control-character = il contient un caractère de contrôle invisible ({ $code }) au caractère { $at } : supprimez-le
import-body-too-large = le texte dépasse { $max } octets
import-meeting-required = une contribution de type « { $channel } » est faite lors d’une réunion : indiquez la date de la réunion
import-unknown-meeting = la consultation n’a pas de réunion le « { $value } » (ses réunions : { $known })
import-no-meetings = la consultation n’a pas de réunion le « { $value } » (elle n’en a encore aucune : ajoutez-en une avec « consulta meeting add »)
import-entity-group-conflict = « { $entity } » est enregistrée dans le groupe « { $recorded } »
import-entity-country-conflict = « { $entity } » est enregistrée avec le pays { $recorded }
import-entity-no-country = « { $entity } » est enregistrée sans pays
import-file-empty = le fichier est vide (attendu : une ligne d’en-tête { $expected })
import-file-no-rows = le fichier a un en-tête mais aucune contribution
import-file-missing-columns = il manque à l’en-tête les colonnes { $columns } (attendu : { $expected })
import-file-unknown-columns = l’en-tête a des colonnes inconnues { $columns } (attendu : { $expected }, et facultativement on_behalf_of)
import-file-duplicate-column = l’en-tête nomme deux fois la colonne { $column }
import-file-unreadable = ligne { $line } : le fichier ne peut pas être lu comme du CSV ({ $reason })

## Ligne de commande

cli-consultation-created = Consultation { $slug } créée : { $status }, du { $opens } au { $closes } ({ $zone }).
cli-meeting-added = Réunion du { $date } à { $place } ajoutée à { $slug }.
cli-imported = { $contributions ->
    [one] 1 contribution importée
   *[other] { $contributions } contributions importées
  } dans { $slug } ({ $entities } nouvelles entités, { $late } tardives).
cli-import-refused = { $file } : rien n’a été importé. Corrigez ces lignes et importez à nouveau le fichier :
cli-import-more-errors = … et { $count } autres.
cli-import-file-refused = { $file } : rien n’a été importé : { $problem }
cli-import-progress = Import
cli-unknown-consultation = Il n’y a pas de consultation « { $slug } ». { $known }
cli-known-consultations = Consultations existantes : { $list }.
cli-no-consultations = Il n’y a encore aucune consultation : créez-en une avec « consulta consultation create ».
cli-serving = Consulta est servie à l’adresse { $url }
cli-demo-loading = Chargement de la consultation de démonstration dans { $path } …
role-secretariat = Secrétariat
role-focal_point = Correspondant
demo-accounts-title = Comptes de démonstration
demo-accounts-intro = Pour cette démonstration seulement : ces comptes et leurs mots de passe n’existent que dans sa base jetable et sont montrés à quiconque l’ouvre. Connectez-vous comme secrétariat pour classer les contributions, en retenir une, inviter des correspondants et rédiger le rapport ; comme correspondant pour contribuer au nom d’un État fictif.
demo-accounts-sign-in = Se connecter avec l’un d’eux
cli-demo-account = { $role } : { $email }, mot de passe { $password }
cli-demo-accounts = Comptes de démonstration (pour cette démonstration seulement ; sa page d’accueil les montre aussi) :
cli-demo-loaded = { $count } contributions d’exemple chargées.
cli-error = erreur
cli-consultation-line = { $slug }  { $status }  { $opens } – { $closes }  { $title }

## Pages web

site-name = Consulta
site-tagline = Consultations ouvertes multipartites
skip-link = Aller au contenu
language-switch = Langue
example-banner = Données d’exemple. Les entités et les textes de cette consultation sont inventés pour la démonstration ; ce ne sont les propos d’aucun gouvernement ni d’aucune organisation réels.
example-label = Exemple
consultations-title = Consultations
consultations-intro = Appels à contributions adressés aux gouvernements, aux organisations internationales, à la société civile, au secteur privé et aux milieux universitaires et techniques.
consultations-empty = Il n’y a encore aucune consultation.
consultation-mandate = Mandat
consultation-period = Période
consultation-period-value = du { $opens } au { $closes } ({ $zone })
consultation-status = État
consultation-questions = Questions directrices
consultation-meetings = Réunions
consultation-meeting-line = { $date }, { $place }
consultation-contributions = Contributions
consultation-table-link = Le tableau de répartition
filter-legend = Afficher les contributions
filter-group = Groupe de parties prenantes
filter-channel = Mode de contribution
filter-all = Tous
filter-apply = Afficher
contributions-count = { $total ->
    [0] Aucune contribution ne correspond.
    [one] 1 contribution.
   *[other] { $total } contributions ; { $from } à { $to } affichées.
  }
contributions-column-date = Reçue le
contributions-column-title = Titre
contributions-column-entity = Entité
page-previous = Page précédente
page-next = Page suivante
pagination = Pages
contribution-entity = Entité
contribution-group = Groupe de parties prenantes
contribution-channel = Mode de contribution
contribution-meeting = Réunion
contribution-submitted = Reçue le
contribution-language = Langue
contribution-on-behalf-of = Au nom de
contribution-late = Reçue en dehors de la période de consultation
contribution-consultation = Consultation
contribution-text = Texte
entity-group = Groupe de parties prenantes
entity-country = Pays
entity-no-country = Aucun (entité internationale)
entity-regional-group = Groupe régional de l’ONU
entity-development = Niveau de développement
entity-contributions = Contributions
entity-none = —
error-not-found-title = Page introuvable
error-not-found = Il n’y a rien à cette adresse. Elle a peut-être été mal saisie, ou l’élément n’existe pas.
error-bad-request-title = Requête incomprise
error-bad-request = L’adresse contient une valeur que Consulta ne peut pas lire : { $detail }
error-server-title = Une erreur s’est produite
error-server = Consulta n’a pas pu afficher cette page en raison d’une erreur de son côté. L’erreur a été consignée ; veuillez réessayer plus tard.
back-home = Retour aux consultations
footer-record = Toute contribution reçue fait partie du compte rendu public.
footer-software = Consulta, logiciel libre de consultation publique.

## Dates

date-long = { $day ->
    [1] 1er
   *[other] { $day }
} { $month } { $year }
date-time = { $date } à { $time }
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre

## Noms des langues, chacun dans sa langue

language-name-en = English
language-name-fr = Français

## Liste des consultations

consultation-contribution-total = { $total ->
    [0] aucune contribution pour l’instant
    [one] 1 contribution
   *[other] { $total } contributions
  }

## Aide de la ligne de commande (cli-help-<chemin de la commande>[-<argument>])

cli-help-consulta = Consulta : consultations ouvertes multipartites, de l’appel à contributions au compte rendu et à ses tableaux.
cli-help-consulta-db = La base de données : un fichier SQLite, créé s’il n’existe pas (ou sqlite:///chemin), ou une base PostgreSQL, postgres://utilisateur:mot-de-passe@hôte:port/nom, que plusieurs serveurs peuvent partager
cli-help-consulta-config = Un fichier de réglages en TOML, un réglage par ligne nommé comme son option (db = "consulta.db", public-url = "https://…", max-files = 10). Une option ou sa variable CONSULTA_* l’emporte sur le fichier, et le fichier sur les valeurs par défaut
cli-help-consulta-consultation = Créer et lister les consultations
cli-help-consulta-consultation-create = Créer une consultation : un appel à contributions avec un mandat et une période
cli-help-consulta-consultation-create-slug = Nom court utilisé dans les adresses et les commandes (minuscules, chiffres, « - »)
cli-help-consulta-consultation-create-title = Titre, dans la langue donnée par --lang
cli-help-consulta-consultation-create-opens = Date d’ouverture (2010-09-01) ou date et heure (2010-09-01T09:00) dans le fuseau horaire
cli-help-consulta-consultation-create-closes = Date de clôture (toute la journée est comprise) ou date et heure, dans le fuseau horaire
cli-help-consulta-consultation-create-mandate = La décision qui demande la consultation (par ex. « résolution 2010/2 du Conseil économique et social »)
cli-help-consulta-consultation-create-description = Description, dans la langue donnée par --lang
cli-help-consulta-consultation-create-questions = Une question directrice ; répétez pour en donner plusieurs
cli-help-consulta-consultation-create-lang = Langue des textes donnés (étiquette BCP 47 : en, fr, es…)
cli-help-consulta-consultation-create-time_zone = Fuseau horaire des dates (nom IANA : UTC, Europe/Zurich, America/New_York)
cli-help-consulta-consultation-list = Lister les consultations
cli-help-consulta-meeting = Gérer les réunions d’une consultation
cli-help-consulta-meeting-add = Ajouter une réunion, où sont présentés les exposés et faites les interventions
cli-help-consulta-meeting-add-consultation = Le nom court de la consultation
cli-help-consulta-meeting-add-date = La date de la réunion (2010-12-14)
cli-help-consulta-meeting-add-place = Le lieu de la réunion
cli-help-consulta-import = Importer des données dans le compte rendu
cli-help-consulta-import-contributions = Importer des contributions depuis un fichier CSV (colonnes : entity,stakeholder_group,country,channel,submitted_at,language,title,body,meeting) ; toutes les lignes ou aucune
cli-help-consulta-import-contributions-file = Le fichier CSV (UTF-8, avec ou sans BOM), ou - pour l’entrée standard
cli-help-consulta-import-contributions-consultation = Le nom court de la consultation
cli-help-consulta-import-contributions-accept_late = Enregistrer les lignes datées hors de la période de la consultation, marquées tardives, au lieu de refuser le fichier
cli-help-consulta-table = Afficher la répartition des contributions par groupe de parties prenantes et par mode de contribution
cli-help-consulta-table-consultation = Le nom court de la consultation
cli-help-consulta-table-format = Format de sortie
cli-help-consulta-table-lang = Langue des libellés (par défaut : selon l’environnement)
cli-help-consulta-report = Rédiger le projet de rapport de synthèse d'une consultation (paragraphes numérotés, tableaux, questions, mécanismes et lacunes, graphiques, annexe des auteurs)
cli-help-consulta-report-consultation = Le nom court de la consultation
cli-help-consulta-report-lang = Langue du rapport (par défaut : celle de l'environnement)
cli-help-consulta-report-format = Format du fichier : html, md (Markdown), docx (Word, s'ouvre dans LibreOffice) ou pdf
cli-help-consulta-report-output = Écrire dans ce fichier plutôt que sur la sortie standard
cli-help-consulta-report-public_url = L’adresse publique du site, pour les liens vers les contributions (CONSULTA_PUBLIC_URL) ; sans elle, les contributions sont nommées sans lien
cli-report-annex = La liste des auteurs de contributions, trop longue pour le rapport, est écrite dans { $path }.
cli-help-consulta-load-demo = Charger la consultation de démonstration dans la base de données indiquée par --db (qui devrait être neuve), pour essayer les autres commandes
cli-help-consulta-backup = Sauvegarder l'instance (base de données et pièces jointes) dans un nouveau répertoire, sans l'arrêter
cli-help-consulta-backup-directory = Le répertoire à créer
cli-help-consulta-restore = Restaurer une sauvegarde comme nouvelle instance (--db, un nouveau fichier SQLite ou une base PostgreSQL vide ; --files ne doit pas encore exister), puis vérifier chaque contribution dans le journal
cli-help-consulta-restore-directory = Le répertoire de la sauvegarde
cli-backup-exists = { $path } existe déjà : une sauvegarde va dans un nouveau répertoire.
cli-backup-done = Sauvegardé dans { $path } : { $contributions } contributions, { $attachments } pièces jointes, racine du journal { $root }.
cli-restore-format = Ce n'est pas une sauvegarde de Consulta lisible par cette version (format { $format }).
cli-restore-exists = { $path } existe déjà : une restauration crée une nouvelle instance, elle n'en écrase jamais une.
cli-restore-root = La racine du journal restauré est { $found }, la sauvegarde indiquait { $expected }.
cli-restore-failed = Le dossier restauré ne se vérifie pas :
cli-restore-done = Restauré dans { $path } : { $contributions ->
    [one] une contribution, dans le journal
   *[other] { $contributions } contributions, chacune dans le journal
} ; racine { $root }, comme à la sauvegarde.
cli-help-consulta-check = Vérifier chaque contribution dans le journal public : une feuille chacune, son enregistrement inchangé, sa preuve menant à la racine
cli-check-failed = Le dossier ne se vérifie pas :
cli-check-done = { $contributions ->
    [one] Une contribution vérifiée
   *[other] { $contributions } contributions vérifiées
}{ $statements ->
    [0] {""}
    [one] {" "}et une proposition soumise au vote
   *[other] {" "}et { $statements } propositions soumises au vote
}{ $amendments ->
    [0] {""}
    [one] {" "}et un amendement à un projet
   *[other] {" "}et { $amendments } amendements à des projets
} : chacune est dans le journal, inchangée. Racine { $root }. L’arbre reconstruit à partir des enregistrements concorde avec { $heads ->
    [0] aucune tête signée (pas de registre à { $journal })
    [one] l’unique tête signée de { $journal }
   *[other] les { $heads } têtes signées de { $journal }
}.
cli-help-consulta-serve = Servir les pages publiques et l’API
cli-help-consulta-serve-addr = Adresse d’écoute (le port 0 choisit un port libre)
cli-help-consulta-demo = Charger la consultation de démonstration dans une base temporaire neuve et la servir
cli-help-consulta-demo-addr = Adresse d’écoute (le port 0 choisit un port libre)

## Ligne de commande : les mots de --help que clap écrirait en anglais
cli-usage = Usage :
cli-options = Options
cli-arguments = Arguments
cli-commands = Commandes
cli-help-flag = Afficher cette aide
cli-version-flag = Afficher la version
cli-possible-values = valeurs : { $values }
cli-default-value = par défaut : { $value }
cli-env-variable = variable : { $name }

## Ligne de commande : traductions et bases de données

cli-consultation-translated = Les textes de la consultation { $slug } existent désormais en : { $languages }.
cli-no-database = Il n’y a pas de base de données à l’emplacement { $path }. Créez d’abord une consultation (consulta consultation create), ou indiquez le bon chemin avec --db ou CONSULTA_DB.
cli-help-consulta-consultation-translate = Ajouter le titre, la description et les questions directrices d’une consultation dans une autre langue
cli-help-consulta-consultation-translate-consultation = Le nom court de la consultation
cli-help-consulta-consultation-translate-lang = La langue des textes donnés (étiquette BCP 47 : fr, es, ar…)
cli-help-consulta-consultation-translate-title = Le titre dans cette langue
cli-help-consulta-consultation-translate-description = La description dans cette langue
cli-help-consulta-consultation-translate-questions = Chaque question directrice dans cette langue, dans l’ordre ; répétez pour chacune
cli-help-consulta-consultation-translate-mandate = Le mandat dans cette langue

## Contributions envoyées (formulaire web et API)

import-bad-email = « { $value } » n’est pas une adresse électronique
submit-field-problem = { $field } : { $problem }.
submit-field-entity = Nom de l’entité
submit-field-stakeholder_group = Groupe de parties prenantes
submit-field-country = Pays
submit-field-email = Adresse électronique de contact
submit-field-language = Langue
submit-field-title = Titre
submit-field-body = Texte
submit-field-files = Pièces jointes
submit-too-many-files = Une contribution peut avoir au plus { $max } pièces jointes.
submit-file-too-large = Le fichier « { $name } » dépasse { $max }, la taille maximale d’un fichier.
submit-bad-file-name = Le nom de fichier « { $name } » ne peut pas être utilisé.
submit-not-open = Cette consultation n’est pas encore ouverte aux contributions.
submit-closed = Cette consultation est close et n’accepte plus de contributions.
submit-idempotency-conflict = Cette clé Idempotency-Key a déjà servi pour un autre envoi.
submit-bad-idempotency-key = L’en-tête Idempotency-Key doit compter de 1 à 200 caractères ASCII visibles.
submit-malformed = La requête ne peut pas être lue comme un formulaire multipart : { $detail }
submit-unknown-field = La requête contient un champ que Consulta ne connaît pas : { $field }
submit-too-large = La requête dépasse la taille acceptée par Consulta ({ $max } au plus).
submit-field-too-large = Le champ « { $field } » dépasse { $max }, plus qu’il ne peut contenir.
cli-help-consulta-files = Où sont conservées les pièces jointes : un répertoire (par défaut : à côté de la base de données, nommé d’après elle avec « -files ») ou un compartiment compatible S3, s3://compartiment/préfixe?endpoint=https://…&region=… (identifiants tirés de AWS_ACCESS_KEY_ID et AWS_SECRET_ACCESS_KEY)
cli-help-consulta-verify = Vérifier un accusé de réception auprès d’une instance : la contribution figure-t-elle toujours, inchangée, au compte rendu public ?
cli-help-consulta-verify-receipt = L’accusé de réception (JSON, tel que l’instance l’a remis)
cli-help-consulta-verify-server = L’adresse de l’instance (par ex. https://consultations.example.org)

## Accusés de réception vérifiés avec `consulta verify`

verify-ok = La contribution { $id } figure au compte rendu public, inchangée : son enregistrement a toujours pour empreinte { $sha256 } et il est l’entrée { $entry } du journal public, passé de { $old } à { $new } entrées sans qu’aucune entrée antérieure ait été modifiée.
verify-withheld = La contribution { $id } figure toujours au journal public, inchangée (entrée { $entry } sur { $new }), mais le secrétariat n’en publie pas le texte : { $reason }
verify-receipt-invalid = L’accusé de réception n’est pas cohérent ({ $detail }) : il a peut-être été modifié.
verify-key-changed = L’instance signe avec une autre clé que celle de l’accusé de réception : son journal ne peut pas lui être comparé.
verify-bad-signature = La tête d’arbre de l’instance n’est pas valablement signée.
verify-log-rewritten = Le journal de l’instance ne prolonge pas celui sur lequel l’accusé a été délivré : des entrées ont été modifiées ou supprimées.
verify-not-included = Le journal de l’instance ne contient plus l’entrée de cette contribution.
verify-record-changed = L’enregistrement publié de la contribution { $id } n’est pas celui pour lequel l’accusé a été délivré : il a été modifié.

## Le formulaire de contribution et les accusés de réception

form-title = Envoyer une contribution
form-intro = Des observations écrites peuvent être envoyées sous n’importe quelle forme et à tout moment tant que la consultation est ouverte. Vous recevrez un accusé de réception grâce auquel chacun peut vérifier, à tout moment, que le compte rendu public contient toujours votre contribution, inchangée.
form-unverified = Les contributions envoyées avec ce formulaire sont marquées « identité non vérifiée ».
form-errors = La contribution n’a pas été envoyée. Veuillez corriger ce qui suit :
form-files-kept = { $count ->
    [one] Le fichier envoyé est conservé ci-dessous : inutile de le choisir à nouveau.
   *[other] Les { $count } fichiers envoyés sont conservés ci-dessous : inutile de les choisir à nouveau.
}
form-kept-legend = Fichiers déjà reçus
form-kept-hint = Conservés 30 minutes et envoyés avec la contribution ; décochez-en un pour l’écarter.
submit-kept-files-expired = Un fichier conservé lors de votre essai précédent a expiré (les fichiers sont conservés 30 minutes) : veuillez le choisir à nouveau.
form-entity-hint = Le gouvernement ou l’organisation au nom duquel vous contribuez.
form-email-hint = Pour le secrétariat seulement ; jamais publiée.
form-choose = Choisir…
form-country-none = Organisme international (sans pays)
form-country-hint = Obligatoire. Les gouvernements et les organismes nationaux choisissent leur pays ; seul un organisme sans pays propre choisit « Organisme international ».
form-files-hint = Facultatif : jusqu’à { $max } fichiers de { $size } chacun, dans tout format (PDF, Word, OpenDocument, texte, images…).
form-submit = Envoyer la contribution
acknowledgement-subject = Contribution { $id } enregistrée : { $title }
acknowledgement-body =
    Votre contribution à « { $consultation } » a été enregistrée dans le dossier public.

    Contribution : { $id }
    Titre : { $title }
    Au nom de : { $entity }
    Reçue le : { $received }

    Son accusé de réception est joint ({ $file }) et peut être consulté à tout moment sur { $link }
    Conservez-le : grâce à lui, chacun peut vérifier à tout moment que le dossier public contient toujours votre contribution, inchangée.

    Cette adresse n’est jamais publiée. Si vous n’avez pas envoyé cette contribution, signalez-le au secrétariat en répondant à ce message.
receipt-title = Accusé de réception de la contribution { $id }
receipt-recorded = Votre contribution a été enregistrée.
receipt-intro = Cet accusé de réception indique ce qui a été reçu et sa place dans le journal public. Conservez-le : grâce à lui, chacun peut vérifier que le compte rendu public contient toujours la contribution, inchangée.
receipt-id = Contribution
receipt-received = Reçue le
receipt-contribution-title = Titre
receipt-entity = Au nom de
receipt-consultation = Consultation
receipt-sha256 = Empreinte SHA-256 de l’enregistrement
receipt-log = Place dans le journal public
receipt-log-value = Entrée { $entry } d’un journal de { $size ->
    [one] 1 entrée
   *[other] { $size } entrées
  }, dont la racine est
receipt-key = Clé qui signe le journal
receipt-download = Télécharger l’accusé de réception (JSON)
receipt-verify = Pour le vérifier à tout moment :
contribution-identity = Identité
identity-recorded = Enregistrée par le secrétariat
identity-unverified = Identité non vérifiée
identity-verified = Vérifiée
contribution-record = Compte rendu public
contribution-receipt-link = Accusé de réception et place dans le journal public
contribution-withheld = Le secrétariat ne publie pas cette contribution : { $reason }. Son entrée au journal public demeure, de sorte que le compte rendu peut toujours être vérifié.
contribution-files = Pièces jointes
language-name-es = Español
language-name-ru = Русский
language-name-ar = العربية
language-name-zh = 中文
language-name-pt = Português
language-name-de = Deutsch

## Retrait de la publication

contribution-withheld-title = Contribution non publiée
cli-withheld = La contribution { $id } n’est plus publiée ; son entrée au journal public demeure.
cli-published = La contribution { $id } est de nouveau publiée.
cli-unknown-contribution = Il n’y a pas de contribution { $id }.
cli-help-consulta-report-details = Afficher les précisions d’un rapport (cote, organes, session et point de l’ordre du jour, résumé, conclusions) en JSON, ou les fixer à partir d’un fichier JSON de même forme
cli-help-consulta-report-details-consultation = L’identifiant de la consultation
cli-help-consulta-report-details-set = Un fichier JSON de précisions à fixer (vérifié ; journalisé), tel que la commande les affiche
cli-details-too-large = { $file } dépasse { $max } octets : rien n’a été modifié.
cli-details-unreadable = { $file }, ligne { $line }, colonne { $column } : ce n’est pas le JSON des précisions ({ $reason }) ; rien n’a été modifié.
cli-details-refused = { $file } : { $reason } ; rien n’a été modifié.
cli-details-set = Les précisions du rapport de { $consultation } sont fixées.
cli-help-consulta-tags = Les questions auxquelles les contributions sont rattachées
cli-help-consulta-tags-evaluate = Dans quelle mesure les suggestions du classifieur correspondent aux rattachements faits : précision, rappel et calibrage, chaque contribution rattachée étant évaluée par un classifieur qui n’en a pas appris
cli-tags-evaluation = Entraîné sur { $documents } contributions rattachées ; { $scored } paires (contribution, question) évaluées hors apprentissage.
    Suggestions à { $threshold } % ou plus : { $suggested }, dont { $right } justes : précision { $precision } %.
    Rattachements faits : { $tags }, dont { $right } suggérés : rappel { $recall } %.
cli-tags-not-calibrated = Trop peu de contributions rattachées pour calibrer : les pourcentages sont ceux, bruts, du classifieur.
cli-tags-bins = Calibrage (probabilité annoncée, paires, moyenne annoncée, part juste) :
cli-help-consulta-contribution = Gérer les contributions enregistrées
cli-help-consulta-contribution-withhold = Retirer une contribution de la publication (données personnelles, abus…), en disant pourquoi ; son entrée au journal public demeure
cli-help-consulta-contribution-withhold-id = Le numéro de la contribution
cli-help-consulta-contribution-withhold-reason = Pourquoi elle est retirée : affiché sur sa page publique
cli-help-consulta-contribution-publish = Publier de nouveau une contribution retirée
cli-help-consulta-contribution-publish-id = Le numéro de la contribution
cli-help-consulta-serve-max_files = Nombre maximal de fichiers joints à une contribution
cli-help-consulta-serve-max_file_mib = Taille maximale d’un fichier joint, en Mio
cli-help-consulta-demo-max_files = Nombre maximal de fichiers joints à une contribution
cli-help-consulta-demo-max_file_mib = Taille maximale d’un fichier joint, en Mio

## Tailles

number-decimal-separator = ,
size-bytes = { $n } o
size-kib = { $n } Kio
size-mib = { $n } Mio
verify-unreachable = Vérification impossible auprès de { $server } : { $detail }

## Définition des consultations

draft-slug = « { $value } » n’est pas un nom court (1 à 80 minuscules, chiffres et « - », commençant par une lettre ou un chiffre)
draft-language = « { $value } » n’est pas une étiquette de langue (une étiquette BCP 47 telle que en, fr ou es-419)
draft-empty-title = le titre est vide
draft-time-zone = « { $value } » n’est pas un fuseau horaire (un nom IANA tel que UTC, Europe/Zurich ou America/New_York ; les noms les plus proches : { $nearest })
draft-date = « { $value } » n’est pas une date (2010-09-01) ni une date et une heure (2010-09-01T09:00)
draft-empty-period = la consultation fermerait avant d’ouvrir
draft-question-count = la consultation a { $count } questions directrices : donnez une traduction pour chacune, dans l’ordre
cli-duplicate-slug = Il existe déjà une consultation « { $slug } ».
cli-duplicate-meeting = La consultation a déjà une réunion le { $date }.

## Recherche (l’archive publique)
nav-label = Rubriques
nav-consultations = Consultations
nav-search = Recherche
search-title = Rechercher dans le dossier
search-title-query = « { $query } » : recherche dans le dossier
search-label = Mots à rechercher, dans n’importe quelle langue
search-submit = Rechercher
search-help = Tous les mots doivent figurer (sous toutes leurs formes : « coopérer » trouve « coopération »). Mettez une expression entre "guillemets" ; mettez un signe moins devant un mot pour l’exclure : -spam.
search-sort = Ordre
search-sort-relevance = Les plus pertinentes d’abord
search-sort-newest = Les plus récentes d’abord
search-sort-oldest = Les plus anciennes d’abord
search-filters = Affiner les résultats
search-filter = { $facet } : { $value }
search-remove = retirer ce filtre
search-count = { $total ->
    [0] Aucune contribution publiée ne correspond.
    [one] 1 contribution trouvée.
   *[other] { $total } contributions trouvées ; { $from } à { $to } affichées.
  }
search-collapse = Montrer chaque campagne une fois
search-similar = { $count ->
    [one] et une contribution semblable de sa campagne
   *[other] et { $count } contributions semblables de sa campagne
}
search-none = Essayez moins de mots, d’autres mots, ou retirez un filtre. Les contributions retenues par le secrétariat ne sont pas recherchées.
search-facet-consultation = Consultation
search-facet-group = Groupe de parties prenantes
search-facet-channel = Canal
search-facet-country = Pays
search-facet-region = Groupe régional
search-facet-language = Langue
search-facet-year = Année
consultation-search = Rechercher dans ces contributions
cli-help-consulta-index = Entretenir l’index de recherche (dérivé du dossier ; les serveurs le tiennent eux-mêmes à jour)
cli-help-consulta-index-rebuild = Reconstruire l’index de recherche à partir de tout le dossier (arrêtez d’abord le serveur qui l’utilise)
cli-help-consulta-index_dir = Où est conservé l’index de recherche (un répertoire ; par défaut : à côté de la base de données, nommé d’après elle avec « -index »)
cli-index-busy = Un autre processus Consulta (un serveur, ou une autre reconstruction) utilise l’index de recherche dans { $path }. Arrêtez-le d’abord, ou indiquez un autre répertoire avec --index.
cli-index-progress = Indexation
cli-index-rebuilt = { $count } contributions publiées indexées en { $seconds } s ; l’index dans { $path } occupe { $size }.
open-data-title = Données ouvertes
open-data-intro = Tout ce qui est public dans cette consultation, librement réutilisable. Les contributions retenues n’y figurent que par leur entrée : numéro, empreinte et motif.
open-data-contributions-csv = Contributions (CSV)
open-data-contributions-json = Contributions (JSON)
open-data-entities-csv = Entités participantes (CSV)
open-data-entities-json = Entités participantes (JSON)
open-data-entities-popolo-json = Entités participantes (JSON Popolo)
open-data-feed-atom = Nouvelles contributions (flux Atom)
open-data-archive-zip = Tout, avec les fichiers et les preuves (archive zip)
open-data-verify = L’archive peut être vérifiée hors ligne, sans faire confiance à ce site : consulta verify-archive FICHIER.zip
cli-help-consulta-export = Écrire un fichier de données ouvertes d’une consultation (tel que le site le propose au téléchargement)
cli-help-consulta-export-what = Quel fichier : contributions.csv, contributions.json, entities.csv, entities.json, entities.popolo.json, statements.csv, votes.csv, amendments.csv, drafts.json, bodies.json, feed.atom ou archive.zip
cli-help-consulta-export-consultation = La consultation (son identifiant)
cli-help-consulta-export-output = Où l’écrire (par défaut : la sortie standard)
cli-help-consulta-export-base_url = L’adresse publique du site, pour les liens du flux
cli-help-consulta-verify-archive = Vérifier une archive hors ligne : chaque fichier selon son manifeste, la tête d’arbre signée, et la place de chaque contribution au journal
cli-help-consulta-verify-archive-archive = L’archive (.zip) à vérifier
cli-export-unknown = Il n’existe pas de fichier de données ouvertes « { $what } ». Choisissez parmi : { $known }.
cli-exported = Écrit dans { $path }.
archive-ok = { $file } est vérifiée : consultation { $consultation }, { $contributions } contributions (dont { $withheld } retenues, présentes par leur seule entrée), { $files } fichiers, toutes au journal de { $size } entrées de racine { $root }, signé le { $generated } par la clé { $key }. Comparez cette clé avec celle que publie l’instance.
archive-refused = { $file } n’est pas vérifiée : { $problem }
archive-unreadable = ce n’est pas une archive zip lisible ({ $detail }).
archive-no-manifest = elle n’a pas de manifest.json.
archive-bad-manifest = son manifest.json est illisible ({ $detail }).
archive-unknown-format = son format { $format } n’est pas connu de cette version de Consulta.
archive-missing-file = { $path } figure au manifeste mais manque dans l’archive.
archive-unlisted-file = { $path } est dans l’archive mais pas au manifeste.
archive-file-changed = { $path } n’est pas le fichier que liste le manifeste (son SHA-256 ou sa taille diffère).
archive-bad-signature = la signature de la tête d’arbre ne se vérifie pas avec la clé publique de l’archive.
archive-record-changed = l’enregistrement de la contribution { $id } n’a pas l’empreinte à laquelle l’engage son entrée au journal.
archive-not-in-log = la contribution { $id } n’est pas au journal signé : sa preuve d’inclusion échoue.
archive-record-mismatch = l’enregistrement de la contribution { $id } ne correspond pas à l’archive : { $detail }.
cli-help-consulta-admin = Gérer les comptes (le premier compte du secrétariat se crée ici)
cli-help-consulta-admin-create = Créer un compte ; son mot de passe est lu dans CONSULTA_PASSWORD ou sur la première ligne de l’entrée standard
cli-help-consulta-admin-create-email = Son adresse électronique, avec laquelle il se connecte
cli-help-consulta-admin-create-name = Le nom de la personne
cli-help-consulta-admin-create-role = secretariat (par défaut) ou focal-point
cli-help-consulta-admin-create-entity = Pour un point focal : l’entité pour laquelle il agit (son nom tel qu’enregistré)
cli-help-consulta-admin-create-lang = La langue de ses courriels et pages (en, fr, es, ru, ar, zh)
cli-unknown-role = Rôle inconnu « { $role } » : choisissez secretariat ou focal-point.
cli-unknown-entity = Aucune entité nommée « { $entity } » n’est enregistrée.
cli-focal-point-needs-entity = Un point focal agit pour une entité : indiquez-la avec --entity.
cli-secretariat-no-entity = Un compte du secrétariat n’agit pour aucune entité : retirez --entity.
cli-password-prompt = Mot de passe (au moins 12 caractères) :{" "}
cli-bad-email = « { $email } » n’est pas une adresse électronique.
cli-duplicate-account = Un compte existe déjà avec l’adresse { $email }.
cli-account-created = Compte { $email } créé ({ $role }).
password-too-short = Le mot de passe doit compter au moins { $min } caractères (quelques mots en font un bon).
password-too-long = Le mot de passe doit compter au plus { $max } caractères.

## Comptes et pages du secrétariat
nav-sign-in = Se connecter
nav-sign-out = Se déconnecter ({ $name })
nav-admin = Secrétariat
login-title = Se connecter
login-intro = Pour le secrétariat et les points focaux des entités. Tout le monde peut lire le dossier entier sans compte.
login-email = Adresse électronique
login-password = Mot de passe
login-submit = Se connecter
login-failed = Cette adresse et ce mot de passe ne correspondent à aucun compte. Vérifiez-les et réessayez.
login-needed = Connectez-vous pour voir cette page.
login-session-ended = Votre session a pris fin (après { $hours } heures, ou vous vous êtes déconnecté ailleurs). Reconnectez-vous pour continuer.
login-signed-out = Vous êtes déconnecté.
error-forbidden-title = Pas pour ce compte
error-forbidden = Cette page est réservée au secrétariat. Vous êtes connecté avec un compte qui ne peut pas l’utiliser.
error-form-expired-title = Le formulaire a expiré
error-form-expired = Ce formulaire a été envoyé sans le jeton de la page qui l’affichait : la page était trop ancienne, ou il venait d’un autre site. Revenez en arrière, rechargez la page et renvoyez-le.
error-too-many-title = Trop de tentatives
error-too-many = Trop de tentatives en peu de temps. Attendez un quart d’heure et réessayez.
admin-title = Secrétariat
admin-intro = Connecté en tant que { $name }. Chaque action ici est inscrite au journal d’audit.
admin-moderation = Retenir ou publier une contribution
admin-moderation-intro = Une contribution retenue disparaît des pages, de la recherche et des données ouvertes ; son entrée au journal public demeure, avec le motif.
admin-contribution = Numéro de la contribution
admin-reason = Motif
admin-reason-hint = Nécessaire pour retenir ; affiché publiquement à la place de la contribution.
admin-withhold = Retenir
admin-publish = Publier de nouveau
admin-withheld = La contribution est retenue.
admin-published = La contribution est publiée.
admin-bad-contribution = Indiquez le numéro de la contribution.
admin-reason-needed = Dites pourquoi la contribution est retenue : le motif s’affiche à sa place.
audit-title = Journal d’audit
audit-read = Lire le journal d’audit
audit-export = Le télécharger (CSV)
audit-count = { $total ->
    [one] 1 entrée
   *[other] { $total } entrées
  }, les plus récentes d’abord
audit-at = Quand (UTC)
audit-actor = Qui
audit-action = Action
audit-subject = Sur
audit-before = Avant
audit-after = Après
form-acting-for = Vous contribuez au nom de { $entity }, connecté comme son point focal : la contribution est marquée vérifiée.
cli-help-consulta-serve-unverified_per_hour = Contributions non vérifiées acceptées par adresse réseau et par heure (0 : sans limite)
cli-help-consulta-demo-unverified_per_hour = Contributions non vérifiées acceptées par adresse réseau et par heure (0 : sans limite)

## Invitations et réinitialisation des mots de passe (courriels)
invitation-subject = Invitation : { $consultation }
invitation-body = Madame, Monsieur { $name },

    Le secrétariat invite { $entity } à contribuer à la consultation « { $consultation } ».

    Ce lien personnel vous permet de créer votre compte de point focal de { $entity } et d’envoyer des contributions en son nom ; elles seront marquées comme vérifiées :

    { $link }

    Le lien ne sert qu’une fois, pendant { $days } jours. Ne le transmettez pas : quiconque l’utilise peut agir au nom de { $entity }.
reset-subject = Réinitialisation de votre mot de passe
reset-body = Madame, Monsieur { $name },

    Quelqu’un (vous, espérons-le) a demandé à réinitialiser le mot de passe de votre compte. Pour en choisir un nouveau, ouvrez ce lien dans l’heure ({ $hours } h) :

    { $link }

    Si vous n’avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.
invitation-title = Point focal de { $entity }
invitation-intro = Vous êtes invité à contribuer comme point focal de { $entity }. Votre compte sera { $email } ; choisissez votre nom et un mot de passe.
invitation-name = Votre nom
invitation-password = Mot de passe
invitation-password-hint = Au moins 12 caractères ; quelques mots dont vous vous souviendrez en font un bon.
invitation-submit = Créer mon compte
invitation-name-needed = Indiquez votre nom : il est montré au secrétariat, pas publié.
invitation-unknown = Ce lien d’invitation est inconnu. Vérifiez qu’il a été copié en entier, ou demandez-en un nouveau au secrétariat.
invitation-used = Ce lien d’invitation a déjà servi : chacun ne sert qu’une fois. Connectez-vous avec le compte qu’il a créé, ou demandez-en un nouveau au secrétariat.
invitation-expired = Ce lien d’invitation a expiré. Demandez-en un nouveau au secrétariat.
invitation-other-entity = Cette adresse a déjà un compte pour une autre entité. Adressez-vous au secrétariat.
error-link-title = Ce lien ne peut pas servir
login-forgot = Mot de passe oublié ?
reset-title = Réinitialiser votre mot de passe
reset-intro = Indiquez l’adresse de votre compte : nous y enverrons un lien pour choisir un nouveau mot de passe.
reset-send = Envoyer le lien
reset-sent = Si cette adresse a un compte, un lien est en route. Il ne sert qu’une fois, pendant une heure.
reset-new-password = Nouveau mot de passe
reset-save = Enregistrer le nouveau mot de passe
reset-invalid = Ce lien de réinitialisation ne peut pas servir : il a déjà servi, a expiré, ou n’a pas été copié en entier. Demandez-en un nouveau.
reset-done = Votre mot de passe est changé, et toutes les sessions de votre compte ont pris fin. Connectez-vous avec le nouveau.
mail-title = Boîte d’envoi
mail-to = Destinataire
mail-subject = Objet
mail-status = État
mail-attempts = Tentatives
mail-when = Envoyé ou mis en file (UTC)
mail-status-queued = en attente
mail-status-sent = envoyé
mail-status-failed = échec
cli-help-consulta-list = Gérer les listes d’accréditation (ECOSOC, UIT, SMSI, CSTD, ou les vôtres)
cli-help-consulta-list-import = Importer une liste depuis un CSV (entity, stakeholder_group, country, et au choix focal_point_email, focal_point_name, language) : toutes les lignes ou aucune
cli-help-consulta-list-import-file = Le fichier CSV
cli-help-consulta-list-import-list = Le nom court de la liste : ecosoc, itu, wsis, cstd, ou l’un des vôtres (minuscules, chiffres, tirets)
cli-help-consulta-list-import-name = Le nom complet de la liste (connu pour ecosoc, itu, wsis et cstd)
cli-help-consulta-invite = Inviter les points focaux des entités choisies à une consultation : un lien personnel à usage unique par courriel, dans la langue de chacun
cli-help-consulta-invite-consultation = La consultation (son identifiant)
cli-help-consulta-invite-lists = Seulement les entités de cette liste d’accréditation (à répéter)
cli-help-consulta-invite-groups = Seulement les entités de ce groupe de parties prenantes (à répéter)
cli-help-consulta-invite-regions = Seulement les entités de ce groupe régional : african, asia_pacific, eastern_european, latin_american_caribbean, weog (à répéter)
cli-help-consulta-invite-countries = Seulement les entités de ce pays, code ISO (à répéter)
cli-help-consulta-invite-base_url = L’adresse publique du site, pour les liens
cli-help-consulta-serve-smtp = Le serveur SMTP des courriels, sous forme d’URL (smtp://utilisateur:motdepasse@hôte:587?tls=required, smtps://hôte) ; sans lui, les courriels sont écrits dans la boîte d’envoi
cli-help-consulta-serve-mail_from = L’expéditeur des courriels de Consulta
cli-help-consulta-serve-outbox = Où vont les courriels sans serveur SMTP (par défaut : à côté de la base de données, nommé d’après elle avec « -outbox »)
cli-help-consulta-serve-mail_per_minute = Au plus ce nombre de courriels par minute
cli-help-consulta-demo-smtp = Le serveur SMTP des courriels, sous forme d’URL (smtp://utilisateur:motdepasse@hôte:587?tls=required, smtps://hôte) ; sans lui, les courriels sont écrits dans la boîte d’envoi
cli-help-consulta-demo-mail_from = L’expéditeur des courriels de Consulta
cli-help-consulta-demo-outbox = Où vont les courriels sans serveur SMTP (par défaut : à côté de la base de la démonstration)
cli-help-consulta-demo-mail_per_minute = Au plus ce nombre de courriels par minute
cli-mail-outbox = Aucun serveur SMTP indiqué (--smtp) : les courriels sont écrits dans { $path }.
cli-bad-list = « { $list } » ne peut pas nommer une liste : utilisez des minuscules, des chiffres et des tirets.
cli-list-needs-name = Donnez un nom à la liste « { $list } » avec --name.
cli-list-imported = Liste { $list } : { $entities } entités ({ $new } nouvelles), { $contacts } adresses de points focaux.
cli-bad-selection = « { $value } » n’est pas un groupe de parties prenantes, un groupe régional ou un code de pays connu de Consulta.
cli-invite-needs-public-url = Les invitations portent des liens vers l’instance : indiquez son adresse publique avec --base-url (ou CONSULTA_PUBLIC_URL), par exemple https://consultations.example.org.
cli-unknown-list = Il n’existe pas de liste « { $list } ». Listes : { $known }.
cli-invited = { $count ->
    [0] Personne ne correspond : aucune invitation envoyée.
    [one] 1 invitation en file ; la tâche d’envoi du serveur l’envoie.
   *[other] { $count } invitations en file ; la tâche d’envoi du serveur les envoie.
  }
admin-campaign = Inviter des points focaux
admin-campaign-intro = Chaque point focal des entités choisies reçoit, dans sa langue, un lien personnel qui ne sert qu’une fois : il crée son compte, avec lequel il contribue au nom de l’entité (vérifié). Chaque type de choix laissé vide ne restreint pas.
admin-campaign-consultation = Consultation
admin-campaign-lists = Listes d’accréditation
admin-campaign-no-lists = Aucune liste encore : importez-en une avec consulta list import.
admin-campaign-groups = Groupes de parties prenantes
admin-campaign-regions = Groupes régionaux
admin-campaign-countries = Pays
admin-campaign-countries-hint = Codes ISO, séparés par des virgules (SN, KE, BR).
admin-campaign-send = Envoyer les invitations
admin-invited = { $count ->
    [0] Personne ne correspond : aucune invitation envoyée.
    [one] 1 invitation en file : voir la boîte d’envoi.
   *[other] { $count } invitations en file : voir la boîte d’envoi.
  }
cli-help-consulta-consultation-create-verified_only = N’accepter que les contributions des points focaux connectés (invités), aucune contribution non vérifiée du public
submit-verified-only = Cette consultation n’accepte que les contributions des points focaux des entités invitées, connectés. Si vous parlez au nom d’une entité, demandez une invitation au secrétariat.
submit-cannot-amend = La contribution { $id } ne peut pas être modifiée ici : seul le point focal de son entité peut la modifier, dans la même consultation.
contribution-amends = Modifie
contribution-amended-by = Modifiée par
contribution-number = contribution { $id }
contribution-amend = Modifier cette contribution
form-amending = Vous modifiez la contribution { $id } : ce que vous envoyez est enregistré comme une nouvelle contribution qui la nomme ; les deux restent au dossier.
admin-new-consultation = Ouvrir une consultation
admin-create-consultation = Créer la consultation
admin-verified-only = Seuls les points focaux connectés peuvent contribuer (aucune contribution non vérifiée)
admin-field-problem = { $field } : { $problem }
admin-duplicate-slug = Une consultation au nom court « { $slug } » existe déjà : choisissez-en un autre.
admin-add-meeting = Ajouter une réunion
admin-meeting-date = Date
admin-meeting-place = Lieu
admin-place-needed = Indiquez où se tient la réunion.
consultation-field-slug = Nom court (dans son adresse)
consultation-field-title = Titre
consultation-field-lang = Langue de ces textes
consultation-field-opens = Ouverture
consultation-field-closes = Clôture
consultation-field-time_zone = Fuseau horaire
consultation-field-mandate = Mandat
consultation-field-questions = Questions directrices
consultation-field-description = Description
consultation-hint-slug = Minuscules, chiffres et tirets : ec-2010.
consultation-hint-lang = Une étiquette de langue : en, fr, es…
consultation-hint-opens = Une date (2026-01-15) ou une date et une heure (2026-01-15T09:00), dans le fuseau ci-dessous ; une date de clôture inclut toute la journée.
consultation-hint-time_zone = Un nom IANA : UTC, Europe/Zurich, America/New_York.
consultation-hint-questions = Une par ligne.

## Le rapport de synthèse (sur le modèle de seeds/003)
report-subtitle = Projet de rapport de synthèse
report-of-the-secretary-general = Rapport du Secrétaire général
report-summary = Résumé
report-section-conclusions = { $number }. Conclusions
report-annex-separate = Les { $count } auteurs de contributions sont énumérés dans un fichier distinct, { $file }, qui accompagne le présent rapport.
organ-general_assembly = Assemblée générale
organ-economic_and_social_council = Conseil économique et social
report-details-title = Cote, organes, résumé et conclusions
report-details-intro = Ce que le dossier ne peut pas dire : la cote sous laquelle le rapport paraît, les organes auxquels il est destiné avec leur session et leur point de l’ordre du jour, son résumé et ses conclusions, dans chaque langue où il paraît. Chaque modification figure au journal d’audit.
report-details-symbol-hint = Telle que publiée, par exemple A/66/77–E/2011/103 (un rapport destiné à deux organes porte les deux cotes).
report-details-field-symbol = Cote du document
report-details-field-session = Session
report-details-field-item = Point de l’ordre du jour
report-details-field-item_title = Intitulé du point
report-details-field-summary = Résumé
report-details-field-conclusions = Conclusions
report-details-paragraphs = Une ligne vide sépare les paragraphes ; chaque paragraphe des conclusions est numéroté dans le rapport.
report-details-saved = Les précisions du rapport sont enregistrées.
report-details-annex-download = Liste des auteurs (CSV)
report-details-unknown-organ = Organe inconnu : { $field }.
report-details-organ-twice = { $field } figure deux fois.
report-details-too-long = { $field } : { $max } caractères au plus.
report-details-control-character = { $field } contient un caractère de contrôle invisible ; saisissez-le à nouveau.
report-details-language = « { $field } » n’est pas une langue.
report-distribution = Distr. générale
date-time-utc = { $time } (UTC)
date-in-zone = { $date } ({ $zone })
dates-zone-note = Les dates sont données dans le fuseau horaire de la consultation, { $zone }.
report-original = Original : { $name }
# A language named in the reader's language, from its code (the code itself when it has no name here).
language-of = { $language ->
    [en] anglais
    [fr] français
    [es] espagnol
    [ru] russe
    [ar] arabe
    [zh] chinois
    [pt] portugais
    [de] allemand
   *[other] { $language }
}
report-section-context = I. Contexte général
report-context = Le présent rapport rend compte des résultats de la consultation ouverte « { $title } ».
report-context-mandate = Le présent rapport rend compte des résultats de la consultation ouverte « { $title } », tenue en application du mandat suivant : { $mandate }.
report-context-questions = Il a été proposé aux auteurs de contributions de concentrer leur réflexion sur les questions suivantes : { $questions }
report-section-organisation = II. Organisation de la consultation
report-meeting = la réunion tenue à { $place } le { $date }
report-organisation-period = Les parties prenantes pouvaient présenter des commentaires écrits sous n’importe quelle forme et à n’importe quel moment entre le { $opens } et le { $closes }{ $meetings ->
    [0] .
    [one] , et assister à { $list }.
   *[other] , et assister aux réunions suivantes : { $list }.
}
report-organisation-total = Un total de { $total } contributions ont été communiquées par { $entities } entités, ainsi que le tableau ci-dessous l’indique : { $written } observations écrites, { $presentations } exposés présentés aux réunions et { $interventions } interventions pendant le débat ouvert.
report-chart-groups = Contributions par groupe de parties prenantes
report-organisation-regions = Selon le groupe régional de l’Organisation des Nations Unies dont relève le pays de leur auteur, les contributions se répartissent comme suit ; { $unstated } proviennent d’auteurs dont aucun pays n’est enregistré (dont les organisations internationales).
report-regional-group = Groupe régional
report-table-regions = Contributions par groupe régional
report-chart-regions = Contributions par groupe régional
report-no-country = Sans pays (international)
report-not-listed = Hors des listes de l’ONU (territoire)
report-organisation-development = Selon la catégorie de développement du pays de leur auteur :
report-development-status = Catégorie de pays
report-table-development = Contributions par catégorie de développement
report-development-ldc = Pays les moins avancés
report-development-developing = Pays en développement
report-development-developed = Pays développés
report-withheld = { $count ->
    [one] Une contribution est retenue de la publication : elle n’est pas comptée dans les tableaux ci-dessus, ni citée ou énumérée ci-après.
   *[other] { $count } contributions sont retenues de la publication : elles ne sont pas comptées dans les tableaux ci-dessus, ni citées ou énumérées ci-après.
}
report-unverified = { $count ->
    [one] Une contribution publiée a été envoyée sans identité vérifiée et n’a pas été attribuée par le secrétariat à une entité enregistrée : elle n’est pas comptée dans le présent rapport.
   *[other] { $count } contributions publiées ont été envoyées sans identité vérifiée et n’ont pas été attribuées par le secrétariat à une entité enregistrée : elles ne sont pas comptées dans le présent rapport.
}
report-section-issues = III. Questions de politiques publiques soulevées
report-issues-none = Aucune contribution n’a encore été rattachée à une question de politique publique.
report-issues-intro = Le secrétariat a rattaché { $tagged } des { $total } contributions publiées aux questions de politiques publiques qu’elles soulèvent ; { $issues } questions de la nomenclature ont été soulevées. Le tableau ci-dessous les présente par groupe de parties prenantes.
report-issue = Question
report-table-issues = Questions soulevées, par groupe de parties prenantes
report-issue-raised = { $issue } : question soulevée dans { $count ->
    [one] une contribution
   *[other] { $count } contributions
} ({ $groups }) :
report-and-more = { $count ->
    [one] et une autre
   *[other] et { $count } autres
}
report-citations-none = Aucune contribution ne cite de document de l’Organisation des Nations Unies ni de paragraphe de l’Agenda de Tunis.
report-citations-intro = Les auteurs de contributions ont cité { $documents } documents de l’Organisation des Nations Unies et { $paragraphs } paragraphes de l’Agenda de Tunis. Le tableau ci-dessous présente les paragraphes les plus cités par chaque groupe de parties prenantes.
report-tunis-paragraph = Agenda de Tunis
report-paragraph = paragraphe { $number }
report-table-paragraphs = Paragraphes de l’Agenda de Tunis cités, par groupe de parties prenantes
report-documents-cited = Documents les plus cités (nombre de contributions) :
report-section-mechanisms = IV. Mécanismes de coopération internationaux
report-mechanisms-intro = Le secrétariat recense { $mechanisms } mécanismes de coopération et, pour chacune des { $issues } questions de la nomenclature, ceux qui la traitent, au niveau où ils agissent (mondial, régional ou national). Le tableau ci-dessous indique pour chaque question les mécanismes qui la traitent, le niveau auquel elle en appelle un, et le nombre de contributions qui l’ont soulevée.
report-mechanism-level = { $name } ({ $level })
report-mechanisms = Mécanismes (niveau)
report-needed-level = Niveau requis
report-contributions = Contributions
report-table-mechanisms = Les questions et les mécanismes qui les traitent
report-gaps-none = Chaque question de la nomenclature est traitée par au moins un mécanisme au niveau requis.
report-gaps-intro = { $count ->
    [one] Une question n’est traitée par aucun mécanisme, ou par aucun au niveau requis :
   *[other] { $count } questions ne sont traitées par aucun mécanisme, ou par aucun au niveau requis :
}
report-gap-none = { $issue } : aucun mécanisme ne la traite ; { $count ->
    [0] aucune contribution ne l’a encore soulevée.
    [one] question soulevée dans une contribution.
   *[other] question soulevée dans { $count } contributions.
}
report-gap-level = { $issue } : aucun mécanisme au niveau { $level } (seulement { $mechanisms }) ; { $count ->
    [0] aucune contribution ne l’a encore soulevée.
    [one] question soulevée dans une contribution.
   *[other] question soulevée dans { $count } contributions.
}
report-annex = Annexe : Liste des auteurs de contributions
report-annex-caption = Auteurs de contributions ({ $count })
report-contributor = Auteur
report-country = Pays
level-global = mondial
level-regional = régional
level-national = national

## Les pages d'analyse du secrétariat : rapport, nomenclature, rattachements
analysis-report-title = Projet de rapport de synthèse
analysis-report-intro = Un projet tiré du dossier tel qu’il est maintenant : à retravailler dans un traitement de texte avant publication.
analysis-report-language = Langue du rapport :
analysis-report-download = Télécharger :
analysis-issues-title = Questions et mécanismes
analysis-issues-intro = Les questions de politiques publiques auxquelles les contributions sont rattachées, les mécanismes de coopération qui les traitent, et les questions qu’aucun mécanisme ne traite de manière adéquate.
analysis-gaps-title = Lacunes
analysis-gap-none = aucun mécanisme ne la traite
analysis-gap-level = aucun mécanisme au niveau { $level }
analysis-raised = { $count ->
    [one] soulevée dans { $count } contribution
   *[other] soulevée dans { $count } contributions
}
analysis-taxonomy-title = La nomenclature des questions
analysis-terms = Termes qui la signalent
analysis-issue-form = Ajouter une question, ou en modifier une (même identifiant)
analysis-issue-form-hint = Un identifiant existant modifie l’entrée correspondante. Termes : un par ligne ou séparés par « ; », reconnus sans égard à la casse ni aux accents.
analysis-id = Identifiant
analysis-label-en = Nom en anglais
analysis-label-fr = Nom en français
analysis-terms-en = Termes en anglais
analysis-terms-fr = Termes en français
analysis-save = Enregistrer
analysis-mechanisms-title = Mécanismes de coopération
analysis-mechanism = Mécanisme
analysis-level = Niveau
analysis-functions = Fonctions
analysis-mechanism-form = Ajouter un mécanisme, ou en modifier un (même identifiant)
analysis-acronym-en = Sigle en anglais
analysis-acronym-fr = Sigle en français
analysis-matrix-title = Quel mécanisme traite quelle question
analysis-save-matrix = Enregistrer la matrice
analysis-tags-title = Questions de la contribution n° { $id }
analysis-cites = Elle cite :
analysis-tunis-paragraph = Agenda de Tunis, paragraphe { $number }
analysis-suggestions-how = Les suggestions viennent des termes de chaque question et d’un classifieur entraîné sur les { $count } contributions déjà rattachées ; chacune dit pourquoi.
analysis-issues-of = Les questions qu’elle soulève
analysis-suggested = Suggérée : { $reasons }
tagging-evaluation = Vérifié sur des contributions dont il n’avait pas appris : sur les { $suggested } suggestions qu’il aurait faites à { $threshold } % ou plus, { $right } étaient justes ({ $precision } %), et elles trouvaient { $recall } % des { $tags } rattachements faits ; ses pourcentages sont calibrés sur elles.
tagging-evaluation-too-few = Avec { $count } contributions rattachées, il y en a encore trop peu pour mesurer la justesse de ses suggestions : ses pourcentages ne sont pas calibrés.
tagging-walk = Parcourir la consultation
tagging-which = Contributions
tagging-only-untagged = Pas encore rattachées
tagging-only-all = Toutes
tagging-start = Afficher
tagging-previous = Précédente
tagging-next = Suivante
tagging-position-untagged = { $n } sur { $total } pas encore rattachées
tagging-position = { $n } sur { $total }
tagging-remaining = { $count ->
    [0] Plus aucune à rattacher
    [one] Une reste à rattacher
   *[other] { $count } restent à rattacher
}
tagging-save-next = Enregistrer et passer à la suivante
tagging-saved = Enregistré.
tagging-saved-other = Les questions de la contribution { $id } sont enregistrées.
tagging-keys = Touches : Alt+S enregistre et passe à la suivante, Alt+N et Alt+P avancent et reculent sans enregistrer (Alt+Maj dans Firefox, Ctrl+Option sur Mac).
tagging-done-title = Plus rien à rattacher
tagging-done = Chaque contribution publiée retenue par ces filtres a ses questions.
tagging-review-all = Revoir toutes les contributions
admin-tag = Rattacher aux questions
analysis-reason-term = le terme « { $term } » ({ $language }) apparaît { $count ->
    [one] une fois
   *[other] { $count } fois
}
analysis-reason-resembles = ressemble aux { $examples } contributions qui y sont rattachées ({ $percent } %), par les mots { $words }
analysis-bad-contribution = « { $value } » n’est pas un numéro de contribution.
taxonomy-id = « { $value } » n’est pas un identifiant : lettres minuscules, chiffres et « _ », en commençant par une lettre.
taxonomy-level = « { $value } » n’est pas un niveau : mondial (global), régional (regional) ou national (national).
taxonomy-function = « { $value } » n’est pas une fonction : juridique (legal), normative (normative) ou administrative (administrative).
taxonomy-missing-name = Le nom en { $language } manque.
taxonomy-long-name = Le nom en { $language } dépasse 200 caractères.
taxonomy-unknown = Il n’y a pas de question ni de mécanisme « { $value } ».
function-legal = juridique
function-normative = normative
function-administrative = administrative
admin-report = Projet de rapport
cli-help-consulta-migrate = Déplacer tout un registre vers une autre base de données (de SQLite vers PostgreSQL, ou l’inverse), puis vérifier la copie : lignes de chaque table, racine du journal, chaque contribution contre le journal. Les pièces jointes restent là où --files les conserve
cli-help-consulta-migrate-from = La base à copier : un fichier SQLite ou une URL sqlite://, ou une URL postgres://
cli-help-consulta-migrate-to = La nouvelle base : un fichier SQLite qui n’existe pas encore, ou une base PostgreSQL vide
cli-migrate-table = { $table } : { $rows } lignes
cli-migrate-exists = { $path } contient déjà un registre : une migration se fait vers une base nouvelle.
cli-migrate-done = { $from } déplacé vers { $to } : { $rows } lignes dans { $tables } tables ; { $contributions ->
    [one] une contribution
   *[other] { $contributions } contributions
}{ $statements ->
    [0] {""}
    [one] {" "}et une proposition soumise au vote
   *[other] {" "}et { $statements } propositions soumises au vote
}, chacune dans le journal, racine { $root }.

## L’URL publique : tous les liens absolus, et si les cookies sont Secure
cli-help-consulta-serve-public_url = L’adresse à laquelle le public atteint cette instance (https://consultations.example.org) : tous les liens des courriels, accusés de réception, fils et rapports en sont tirés, jamais d’une requête ; obligatoire pour envoyer des courriels et pour écouter ailleurs qu’en boucle locale
cli-help-consulta-demo-public_url = L’adresse à laquelle le public atteint la démonstration (par défaut : l’adresse locale où elle écoute)
cli-help-consulta-serve-max_connections = Nombre maximal de connexions servies à la fois ; les suivantes attendent d’être acceptées
cli-help-consulta-demo-max_connections = Nombre maximal de connexions servies à la fois ; les suivantes attendent d’être acceptées
cli-public-url-invalid = L’URL publique { $url } est refusée : { $reason }
public-url-not-a-url = ce n’est pas une URL absolue comme https://consultations.example.org
public-url-scheme = son schéma doit être http ou https
public-url-extras = une URL publique n’a ni nom d’utilisateur, ni mot de passe, ni requête, ni fragment
cli-public-url-needed = Consulta écoute sur { $addr }, qui n’est pas une adresse de boucle locale : indiquez où le public l’atteint avec --public-url (ou CONSULTA_PUBLIC_URL), pour que les liens ne viennent jamais d’une requête.
cli-public-url-needed-for-mail = L’envoi de courriels (--smtp) demande --public-url (ou CONSULTA_PUBLIC_URL) : les liens des messages en sont tirés.
api-beyond-log = Le journal public compte { $size } entrées : aucun arbre de { $asked } entrées ne peut être prouvé.
api-consistency-order = Un journal ne fait que croître : « from » ({ $from }) ne peut dépasser « to » ({ $to }).
cli-help-consulta-serve-extract_memory_mib = La mémoire que peut utiliser un extracteur de texte (un processus enfant, un fichier à la fois), en Mio ; un fichier qui en demande plus est marqué en échec
cli-help-consulta-demo-extract_memory_mib = La mémoire que peut utiliser un extracteur de texte (un processus enfant, un fichier à la fois), en Mio ; un fichier qui en demande plus est marqué en échec
cli-help-consulta-contribution-attribute = Attribuer une contribution envoyée sans identité vérifiée à une entité enregistrée, après avoir vérifié qui l’a envoyée (journalisé) ; elle est alors comptée dans le groupe de cette entité
cli-help-consulta-contribution-attribute-id = Le numéro de la contribution
cli-help-consulta-contribution-attribute-entity = Le nom de l’entité enregistrée (casse et espaces ignorés)
cli-help-consulta-contribution-attribute-clear = Retirer l’attribution
cli-attributed = La contribution { $id } est attribuée à { $entity } : elle est comptée dans le groupe de cette entité.
cli-attribution-cleared = La contribution { $id } n’est plus attribuée : l’identité de son expéditeur est présentée comme non vérifiée.
attribution-refused = La contribution { $id } ne peut être attribuée : seule une contribution envoyée sans identité vérifiée peut l’être, et seulement à une entité du registre.
entity-claimed = Ce nom est celui qu’un expéditeur a donné avec une contribution non vérifiée : ce n’est pas une entité du registre, et son identité n’a pas été vérifiée.
identity-attributed = Non vérifiée à l’envoi ; attribuée par le secrétariat à { $entity } après vérification
attribution-title = Attribuer à une entité enregistrée
attribution-help = Après avoir vérifié qui a envoyé cette contribution, indiquez l’entité enregistrée dont elle émane : elle est alors comptée dans le groupe de cette entité. L’enregistrement garde ce que l’expéditeur avait déclaré.
attribution-entity = Entité enregistrée
attribution-save = Attribuer
attribution-clear = Retirer l’attribution
attribution-entity-needed = Indiquez l’entité enregistrée dont émane la contribution.
cli-help-consulta-log_key = Le fichier de la clé qui signe les têtes d’arbre du journal public, jamais conservée dans la base (par défaut : à côté de la base, nommé d’après elle avec « -log.key » ; créé au premier démarrage d’une instance, lisible par son seul propriétaire) ; chaque serveur d’une instance en a besoin d’une copie
cli-help-consulta-heads = Le registre des têtes d’arbre signées par ce serveur, conservé hors de la base pour que `consulta check` décèle un dossier réécrit (par défaut : à côté de la base, nommé d’après elle avec « -heads.jsonl »)
contribution-altered-title = Enregistrement altéré
contribution-altered = L’enregistrement de cette contribution dans la base ne correspond plus à ce que le journal public a consigné : il a été modifié hors de Consulta. Son texte n’est pas présenté comme l’enregistrement ; le secrétariat doit le rétablir à partir d’une sauvegarde. Son accusé de réception et son entrée au journal prouvent toujours ce qui a été reçu.
contribution-altered-short = Enregistrement altéré
submit-storage-full = Le serveur n’a plus de place pour conserver des fichiers : rien n’a été enregistré. Veuillez réessayer plus tard ; le secrétariat a été alerté.
cli-help-consulta-sweep-files = Balayer les fichiers conservés qu’aucun enregistrement ne cite (laissés par des envois refusés) : mettre de côté ceux plus anciens que le délai de grâce, supprimer ceux mis de côté par un balayage précédent (les serveurs le font chaque quart d’heure)
cli-help-consulta-sweep-files-grace_minutes = Les fichiers conservés il y a moins de ce nombre de minutes sont laissés tels quels (0 seulement quand aucun serveur ne tourne)
cli-swept = Fichiers qu’aucun enregistrement ne cite : { $set_aside } mis de côté, { $removed } supprimés, { $restored } remis en place (cités entre-temps), { $partials } fichiers partiels supprimés.
cli-help-consulta-serve-trusted_proxies = Un mandataire inverse (adresse ou réseau, à répéter ou séparer par des virgules) dont l’en-tête X-Forwarded-For désigne le client pour les limites de débit ; celui des autres est ignoré
cli-help-consulta-demo-trusted_proxies = Un mandataire inverse (adresse ou réseau, à répéter ou séparer par des virgules) dont l’en-tête X-Forwarded-For désigne le client pour les limites de débit ; celui des autres est ignoré

## Points d’accord (issue 16)
cli-help-consulta-agreement = Points d’accord : propositions, votes, groupes d’opinion et consensus entre groupes de parties prenantes
cli-help-consulta-agreement-import-polis = Importer un dossier d’export Pol.is (comments.csv avec votes.csv, ou participants-votes.csv) dans une consultation, en gardant les identifiants de Pol.is ; rien n’est écrit si un fichier est incorrect
cli-help-consulta-agreement-import-polis-dir = Le dossier d’export
cli-help-consulta-agreement-import-polis-consultation = L’identifiant court de la consultation
cli-help-consulta-agreement-groups = Afficher chaque participant placé dans un groupe d’opinion, et son groupe (participant,group)
cli-help-consulta-agreement-groups-consultation = L’identifiant court de la consultation
cli-help-consulta-agreement-groups-format = Format de sortie
cli-help-consulta-agreement-groups-lang = Langue des libellés (par défaut : celle de l’environnement)
cli-help-consulta-agreement-statements = Afficher chaque proposition avec ses votes pour, contre et abstentions, son consensus, l’accord de chaque groupe et s’il s’agit d’un point d’accord ou d’un point à approfondir
cli-help-consulta-agreement-statements-consultation = L’identifiant court de la consultation
cli-help-consulta-agreement-statements-format = Format de sortie
cli-help-consulta-agreement-statements-lang = Langue des libellés (par défaut : celle de l’environnement)
cli-help-consulta-agreement-propose = Soumettre au vote une proposition du secrétariat (acceptée d’emblée, feuille du journal public)
cli-help-consulta-agreement-propose-consultation = L’identifiant court de la consultation
cli-help-consulta-agreement-propose-text = La proposition, de 1 à 280 caractères
cli-help-consulta-agreement-propose-language = Sa langue (par défaut : la langue originale de la consultation)
cli-help-consulta-agreement-propose-from_contribution = La contribution dont elle est tirée
cli-agreement-imported = { $statements } propositions importées ({ $accepted } soumises au vote), { $participants } participants et { $votes } votes.
cli-agreement-import-refused = Rien n’a été importé de { $dir }
cli-agreement-already-imported = La consultation { $consultation } contient déjà une conversation importée ; rien n’a été importé.
cli-agreement-statement-added = La proposition { $id } est soumise au vote.
statement-empty = Une proposition ne peut pas être vide.
statement-too-long = Une proposition compte au plus { $max } caractères.
agreement-counts = { $agree } pour, { $disagree } contre, { $pass } abstentions ; consensus { $consensus } %
agreement-group-name = Groupe { $group }
agreement-standing-agreement = Point d’accord
agreement-standing-shared_disagreement = Point d’accord (tous les groupes sont contre)
agreement-standing-further_debate = Point à approfondir
agreement-standing-unsettled = Non tranché
agreement-link = Points d’accord : voter sur des propositions, voir où les participants s’accordent
agreement-title = Points d’accord — { $consultation }
agreement-heading = Points d’accord et points à approfondir
agreement-intro = Les participants votent sur de courtes propositions. Ceux qui votent de même forment des groupes d’opinion ; un point d’accord est une proposition que chaque groupe approuve, un point à approfondir une proposition sur laquelle les groupes sont partagés. Il en va de même entre groupes de parties prenantes, groupes régionaux et niveaux de développement, d’après les votes des correspondants des organisations.
agreement-computed = Calculé { $at } à partir de { $votes } votes de { $participants } participants sur { $statements } propositions.
agreement-recomputing = De nouveaux votes sont arrivés ; les groupes sont en cours de recalcul.
agreement-computing = Les groupes sont en cours de calcul ; rechargez la page dans un instant.
agreement-vote-heading = Voter
agreement-voting-for = Vous votez pour { $entity } : votre vote compte dans son groupe de parties prenantes et sa région.
agreement-voting-public = Vous votez en tant que membre du public. Les correspondants connectés votent pour leur organisation.
agreement-closed = La consultation n’est pas ouverte : les votes et les propositions sont clos.
agreement-agree = D’accord
agreement-disagree = Pas d’accord
agreement-pass = Passer / incertain
agreement-remaining = { $count ->
    [one] Une proposition reste à voter, celle-ci comprise.
   *[other] { $count } propositions restent à voter, celle-ci comprise.
}
agreement-voted-all = Vous avez voté sur toutes les propositions. Merci ; proposez-en une ci-dessous s’il en manque.
agreement-map-heading = Carte des opinions
agreement-map-caption = Chaque point est un participant ({ $shown } sur { $placed } affichés), placé selon ses votes : ceux qui votent de même sont proches. Les contours sont les groupes d’opinion. Aucun nom n’est affiché.
agreement-groups-heading = Groupes d’opinion
agreement-group-size = { $count ->
    [one] un participant
   *[other] { $count } participants
}
agreement-group-agrees = { $share } % du groupe d’accord
agreement-group-disagrees = { $share } % du groupe pas d’accord
agreement-points-heading = Points d’accord
agreement-all-disagree = tous les groupes sont contre
agreement-consensus = consensus { $consensus } %
agreement-none-agreed = Aucune proposition n’a encore la majorité de chaque groupe du même côté.
agreement-debate-heading = Points à approfondir
agreement-group-split = groupe { $group } : { $agree } % d’accord, { $disagree } % pas d’accord
agreement-none-debated = Aucune proposition ne partage encore les groupes.
agreement-table-stakeholder_group = Accord par groupe de parties prenantes (part d’accord, votes des correspondants)
agreement-table-regional_group = Accord par groupe régional (part d’accord, votes des correspondants)
agreement-table-development_status = Accord par niveau de développement (part d’accord, votes des correspondants)
agreement-statement = Proposition
agreement-standing = Situation
agreement-table-note = Les parts comptent un vote pour et un vote contre en plus des votes exprimés, comme le fait Pol.is, afin qu’un petit groupe ne paraisse pas unanime. Un tiret : aucun vote de ce groupe.
agreement-propose-heading = Proposer une proposition
agreement-propose-label = Proposition
agreement-propose-hint = Une idée que d’autres peuvent approuver ou non, au plus { $max } caractères. Le secrétariat lit chacune avant de la soumettre au vote.
agreement-propose-submit = Proposer
agreement-voted = Votre vote est enregistré. Voici la proposition suivante.
agreement-proposed = Merci : votre proposition sera soumise au vote une fois lue par le secrétariat.
agreement-bad-vote = Ce vote ne peut pas être enregistré : la proposition n’est pas ouverte au vote dans cette consultation, ou le choix n’est pas d’accord, pas d’accord ou passer.
agreement-reason-needed = Indiquez pourquoi la proposition est rejetée.
agreement-already-moderated = Cette proposition a déjà été modérée.
agreement-bad-language = La langue n’est pas une étiquette BCP 47 (en, fr, es-419).
agreement-admin-link = Points d’accord : propositions à modérer
agreement-admin-title = Points d’accord : modération
agreement-admin-queue = Propositions en attente de modération
agreement-admin-accept = Accepter et soumettre au vote
agreement-admin-reject = Rejeter
agreement-admin-empty = Aucune proposition n’est en attente.
agreement-admin-add = Soumettre une proposition au vote
agreement-admin-consultation = Consultation
agreement-admin-language = Langue (vide : celle de la consultation)
agreement-admin-contribution = Tirée de la contribution numéro (facultatif)
agreement-admin-add-submit = Soumettre au vote
agreement-admin-accepted = La proposition est acceptée et soumise au vote.
agreement-admin-rejected = La proposition est rejetée.
agreement-admin-added = La proposition est soumise au vote.
report-section-agreement = { $number }. Points d’accord et points à approfondir
report-agreement-intro = { $participants } participants, dont { $verified } correspondants votant au nom de leur organisation, ont exprimé { $votes } votes sur les { $statements } propositions qui leur ont été soumises. Le regroupement de ceux qui votent de même, selon la méthode de Pol.is, place { $placed } d’entre eux dans { $groups } groupes d’opinion, représentés sur la carte ci-dessous.
report-agreement-map = Carte des opinions : chaque participant placé selon ses votes (ceux qui votent de même sont proches) ; couleurs et lettres indiquent les groupes d’opinion
report-agreement-group = Le groupe { $group } ({ $size } participants) se distingue par { $marks }.
report-agreement-group-agrees = son accord avec « { $text } » ({ $share } % du groupe)
report-agreement-group-disagrees = son désaccord avec « { $text } » ({ $share } % du groupe)
report-agreement-quoted = « { $text } »
report-agreement-and = et
report-agreement-points = { $count ->
    [one] Une majorité de chaque groupe d’opinion s’accorde sur un point : { $list }.
   *[other] Une majorité de chaque groupe d’opinion s’accorde sur { $count } points : { $list }.
}
report-agreement-no-points = Aucune proposition n’a la majorité de chaque groupe d’opinion du même côté.
report-agreement-debate = { $count ->
    [one] Un point appelle un examen plus approfondi, les groupes d’opinion étant partagés : { $list }.
   *[other] { $count } points appellent un examen plus approfondi, les groupes d’opinion étant partagés : { $list }.
}
report-agreement-no-debate = Aucune proposition ne partage les groupes d’opinion.
report-agreement-dimension-agree = { $groups } approuvent tous « { $text } » ({ $shares }).
report-agreement-dimension-split = { $groups } sont partagés sur « { $text } » ({ $shares }).
open-data-statements-csv = Propositions soumises au vote, avec leurs décomptes (CSV)
open-data-votes-csv = Votes anonymisés : numéro de participant, proposition, vote (CSV)
agreement-no-statements = Aucune proposition n’a encore été soumise au vote dans cette consultation.

## Consultation texts in other languages (the secretariat's form)
admin-translate = Textes dans une autre langue
admin-translate-intro = Le titre, la description, le mandat et les questions directrices d’une consultation dans l’une des langues de l’ONU ; un champ laissé vide garde ce que cette langue a déjà. Les pages s’affichent dans la langue du lecteur, ou dans l’original signalé comme tel. Chaque modification figure au journal d’audit.
admin-translate-questions-hint = Une par ligne, dans l’ordre de l’original ; laisser vide pour garder les questions telles quelles.
admin-translate-save = Enregistrer les textes
admin-translated = Les textes de la consultation sont enregistrés dans cette langue.

## Campagnes (issue 17)
cli-help-consulta-campaigns = Campagnes : contributions qui sont une même lettre envoyée de nombreuses fois, modifiée ou non
cli-help-consulta-campaigns-rebuild = Retrouver les campagnes d’une consultation à partir du registre (le texte de chaque contribution publiée et de ses pièces jointes) et les enregistrer
cli-help-consulta-campaigns-rebuild-consultation = L’identifiant court de la consultation
cli-help-consulta-campaigns-list = Afficher les campagnes d’une consultation, les plus grandes d’abord (campaign,size,first_seen,last_seen,representative)
cli-help-consulta-campaigns-list-consultation = L’identifiant court de la consultation
cli-help-consulta-campaigns-list-format = Format de sortie
cli-help-consulta-campaigns-members = Afficher chaque contribution qui appartient à une campagne, et sa campagne (contribution,campaign)
cli-help-consulta-campaigns-members-consultation = L’identifiant court de la consultation
cli-help-consulta-campaigns-members-format = Format de sortie
cli-help-consulta-campaigns-name = Donner à une campagne un nom et une note affichés avec elle sur chaque page (consignés dans le journal d’audit), ou les retirer
cli-help-consulta-campaigns-name-consultation = L’identifiant court de la consultation
cli-help-consulta-campaigns-name-campaign = La campagne : le numéro de son premier membre
cli-help-consulta-campaigns-name-name = Le nom de la campagne (120 caractères au plus)
cli-help-consulta-campaigns-name-note = Une note sur la campagne (2 000 caractères au plus)
cli-help-consulta-campaigns-name-clear = Retirer le nom et la note de la campagne
cli-campaigns-named = La campagne { $campaign } s’appelle « { $name } ».
cli-campaigns-unnamed = La campagne { $campaign } n’a plus de nom ni de note.
cli-campaigns-no-such = Pas de campagne { $campaign } dans la consultation { $slug } : `consulta campaigns list --consultation { $slug }` les énumère.
cli-campaigns-reading = contributions lues
cli-campaigns-rebuilt = { $members } contributions appartiennent à { $campaigns ->
    [one] une campagne
   *[other] { $campaigns } campagnes
} ; { $changed ->
    [0] le registre les contenait déjà
    [one] la campagne d’une contribution a été écrite
   *[other] les campagnes de { $changed } contributions ont été écrites
}.
cli-campaigns-line = Campagne { $campaign } : { $size } contributions du { $first } au { $last } — « { $representative } »
campaigns-link = Campagnes : lettres envoyées de nombreuses fois
campaigns-title = Campagnes
campaigns-intro = Une campagne est une même lettre envoyée de nombreuses fois : mot pour mot, avec des mots changés, avec un paragraphe propre à l’expéditeur, ou avec des synonymes choisis dans un modèle. Chacune porte le numéro de sa première contribution. Chaque nouvelle contribution rejoint sa campagne dès qu’elle est enregistrée ; toutes sont retrouvées à partir du registre chaque fois que le secrétariat les reconstruit.
campaigns-summary = { $members } des { $total } contributions comptées appartiennent à { $campaigns } campagnes : { $distinct } voix distinctes, chaque campagne comptée une fois.
campaigns-caption = Campagnes, les plus grandes d’abord
campaigns-column-campaign = Campagne
campaigns-column-size = Contributions
campaigns-column-first = Première reçue
campaigns-column-last = Dernière reçue
campaigns-column-representative = Contribution représentative
campaigns-none = Aucune campagne n’a été trouvée dans cette consultation.
campaign-name = Campagne { $id }
campaign-size = { $count ->
    [one] une contribution
   *[other] { $count } contributions
}
campaign-member-of = Campagne
campaign-by-group = Par groupe de parties prenantes
campaign-representative = Contribution représentative
campaign-representative-why = Le membre le plus proche des autres : celui dont les autres partagent le plus la formulation.
campaign-by-country = Par pays
campaign-by-channel = Par canal
campaign-variants = Variantes
campaign-variants-intro = Les premières contributions de la campagne, chacune comparée mot à mot avec la contribution représentative : les mots ajoutés sont soulignés, les mots omis sont barrés.
campaign-variant-identical = Mot pour mot la contribution représentative.
campaign-variant-added = ajouté
campaign-variant-removed = omis
campaign-more = et { $count } de plus
campaign-template = Un modèle à synonymes
campaign-template-intro = Les membres suivent un même modèle et choisissent un mot parmi plusieurs à chacun de ces endroits (compté sur 200 membres au plus, répartis dans toute la campagne).
campaign-slot-after = Après « { $words } »
campaign-slot-pick = { $word } ({ $count })
campaign-note-title = Nom et note du secrétariat
campaign-note-name = Nom
campaign-note-note = Note
campaign-note-help = Affichés avec la campagne sur chaque page. Laissez les deux vides pour les retirer. Chaque modification est consignée dans le journal d’audit.
campaign-note-save = Enregistrer
campaign-note-saved = Le nom et la note ont été enregistrés.
campaign-note-empty-name = Le nom d’une campagne ne peut être vide si elle a une note.
campaign-note-name-too-long = Le nom d’une campagne compte au plus 120 caractères.
campaign-note-note-too-long = La note d’une campagne compte au plus 2 000 caractères.
distinct-caption = Voix distinctes par groupe de parties prenantes
distinct-contributions = Contributions
distinct-voices = Voix distinctes
distinct-note = Une campagne (une même lettre envoyée de nombreuses fois) compte une fois dans chaque groupe de parties prenantes qu’elle atteint ; une contribution propre compte une fois.
report-campaigns = { $members } des contributions comptées appartenaient à { $campaigns ->
    [one] une campagne
   *[other] { $campaigns } campagnes
}, lettres envoyées de nombreuses fois, modifiées ou non ; en comptant chaque campagne une fois dans chaque groupe de parties prenantes qu’elle a atteint, les contributions représentent { $distinct } voix distinctes.

## Drafts (issue 19)
cli-help-consulta-draft = Projets : les textes auxquels aboutit une consultation (avis, résolutions), négociés paragraphe par paragraphe
cli-help-consulta-draft-import = Enregistrer un projet à partir de son texte brut : expressions verbales sur des lignes à part, alinéas a), b), sous-alinéas i), ii), paragraphes cités ; rien n’est enregistré si une ligne ne trouve pas sa place
cli-help-consulta-draft-import-file = Le fichier texte (UTF-8)
cli-help-consulta-draft-import-consultation = Le nom court de la consultation
cli-help-consulta-draft-import-symbol = La cote du projet (WTPF-13/6, par exemple)
cli-help-consulta-draft-import-lang = La langue dans laquelle il est rédigé (par défaut : la langue originale de la consultation)
cli-help-consulta-draft-show = Afficher un projet : sa dernière révision, ou celle demandée
cli-help-consulta-draft-show-symbol = La cote du projet
cli-help-consulta-draft-show-revision = La révision (0 : telle qu’enregistrée)
cli-help-consulta-draft-show-format = Format de sortie : text (que draft import relit) ou json
cli-draft-imported = Projet { $symbol } enregistré : { $sections } sections, { $items } alinéas numérotés.
cli-draft-unplaced = { $file }, ligne { $line } : cette ligne n’a pas de place dans la structure du projet : { $text }
cli-draft-refused = { $file } : rien n’a été enregistré. Mettez chaque ligne à sa place (la lettre d’un alinéa dans l’ordre, un sous-alinéa après son alinéa) et importez de nouveau le fichier.
cli-draft-no-section = { $file } : aucune ligne n’ouvre de section (une expression verbale telle que « rappelant », « recalling », « invite » ou « invites » sur une ligne à part) ; rien n’a été enregistré.
cli-draft-too-large = { $file } dépasse { $max } octets ; rien n’a été enregistré.
cli-draft-bad-symbol = Une cote a de 1 à { $max } caractères et aucun caractère de contrôle.
cli-draft-duplicate = Il existe déjà un projet { $symbol }.
cli-draft-unknown = Il n’y a pas de projet { $symbol }.
cli-draft-no-revision = Le projet { $symbol } n’a pas de révision { $revision }.
cli-help-consulta-draft-show-compare = Comparer mot à mot avec cette révision antérieure ([+inséré+], [-supprimé-])
cli-help-consulta-draft-amend = Proposer un amendement à la dernière révision du projet : remplacer des mots, supprimer un alinéa ou insérer un nouvel alinéa après lui
cli-help-consulta-draft-amend-symbol = La cote du projet
cli-help-consulta-draft-amend-place = Où : le numéro de la section, puis les lettres de l’alinéa (2/b, 2/b/ii ; 5/p1 pour un paragraphe sans numéro)
cli-help-consulta-draft-amend-replace = Les mots à remplacer (présents une seule fois dans l’alinéa)
cli-help-consulta-draft-amend-by = Les mots qui les remplacent (vide pour les supprimer)
cli-help-consulta-draft-amend-delete = Supprimer tout l’alinéa
cli-help-consulta-draft-amend-insert = Insérer ce nouvel alinéa après celui désigné
cli-help-consulta-draft-amend-justification = Pourquoi, en quelques phrases (2 000 caractères au plus)
cli-help-consulta-draft-amend-entity = L’entité enregistrée qui le propose (par défaut : le secrétariat)
cli-help-consulta-draft-support = Enregistrer qu’une entité appuie un amendement, ou s’y oppose
cli-help-consulta-draft-support-symbol = La cote du projet
cli-help-consulta-draft-support-amendment = Le numéro de l’amendement
cli-help-consulta-draft-support-entity = L’entité enregistrée
cli-help-consulta-draft-support-oppose = Elle s’oppose à l’amendement
cli-help-consulta-draft-revise = Publier la révision suivante : les amendements acceptés appliqués dans l’ordre donné, les amendements rejetés clos
cli-help-consulta-draft-revise-symbol = La cote du projet
cli-help-consulta-draft-revise-accept = Amendements acceptés (numéros séparés par des virgules)
cli-help-consulta-draft-revise-reject = Amendements rejetés (numéros séparés par des virgules)
cli-help-consulta-draft-compile = Afficher le texte de compilation : la dernière révision avec chaque amendement en suspens entre crochets à sa place
cli-help-consulta-draft-compile-symbol = La cote du projet
cli-draft-amend-which = Dites ce que fait l’amendement : --replace MOTS --by MOTS, --delete ou --insert TEXTE.
cli-draft-amended = L’amendement { $number } à { $symbol } est enregistré.
cli-draft-supported = { $entity } appuie l’amendement { $number }.
cli-draft-opposed = { $entity } s’oppose à l’amendement { $number }.
cli-draft-revised = { $symbol } : révision { $revision } publiée, { $accepted } amendements acceptés et { $rejected } rejetés.
cli-draft-lost-place = L’amendement { $number } est laissé de côté : la dernière révision n’a pas de place { $place }.
draft-bad-place = « { $place } » n’est pas une place dans un projet : donnez le numéro de la section, puis les lettres de l’alinéa (2/b, 2/b/ii ; 5/p1 pour un paragraphe sans numéro).
draft-no-such-place = Le projet n’a pas de { $place }.
draft-words-not-found = Les mots « { $words } » ne figurent pas exactement une fois dans { $place }.
draft-amendment-empty = Le texte d’un amendement ne peut pas être vide.
draft-amendment-quoted = Un paragraphe cité est le texte d’un autre document : il ne peut pas être amendé.
draft-cannot-apply = L’amendement { $number } ne peut pas être apporté : { $problem }
draft-justification-too-long = Une justification a au plus { $max } caractères.
draft-not-pending = L’amendement { $number } n’est pas un amendement en suspens de ce projet.
draft-supported-by = appuyé par
draft-page-title = Projet { $symbol }
draft-list = Projets
draft-views = Vues du projet
draft-view-text = Texte
draft-view-compilation = Texte de compilation
draft-view-compare = Comparer avec l’original
draft-compilation-intro = La dernière révision avec chaque amendement en suspens entre crochets à sa place : les mots dont le remplacement ou la suppression est proposé, puis les mots proposés, chacun avec le numéro de l’amendement, son auteur et ceux qui l’appuient.
draft-compare-intro = { $later } comparée à { $earlier } : les mots insérés sont soulignés, les mots supprimés sont barrés.
draft-revisions = Révisions
draft-revision-original = Texte original
draft-revision = Rév.{ $number }
draft-amendments = Amendements
draft-amendment-number = Amendement { $number }
draft-amendment-delete = Supprimer l’alinéa.
draft-amendment-insert = Insérer après lui :
draft-amendment-status-pending = en suspens
draft-amendment-status-accepted = accepté
draft-amendment-status-rejected = rejeté
draft-opposed-by = contesté par
draft-no-amendments = Aucun amendement n’a été proposé.
draft-status-proposal = proposition
draft-status-negotiation = en négociation
draft-status-agreed = approuvé
draft-status-adopted = adopté
draft-done-amended = Votre amendement est enregistré : il figure ci-dessous et dans le texte de compilation.
draft-done-stance = Votre position est enregistrée.
draft-done-revised = La révision suivante est publiée.
draft-support = Appuyer
draft-oppose = S’opposer
draft-propose-heading = Proposer un amendement
draft-propose-for = Vous le proposez pour { $entity }, comme son correspondant.
draft-propose-secretariat = Vous le proposez en tant que secrétariat.
draft-field-place = Où
draft-place-hint = Le numéro de la section, puis les lettres de l’alinéa : 2/b, 2/b/ii ; 4/p1 pour le paragraphe sans numéro d’une section.
draft-field-kind = Ce qu’il fait
draft-kind-replace = Remplacer des mots
draft-kind-delete = Supprimer l’alinéa
draft-kind-insert = Insérer un nouvel alinéa après lui
draft-field-words = Mots à remplacer (tels qu’ils figurent dans l’alinéa)
draft-field-by = Remplacés par (vide pour les supprimer)
draft-field-text = Le texte du nouvel alinéa
draft-field-justification = Pourquoi
draft-propose-submit = Proposer l’amendement
draft-sign-in-to-amend = Les correspondants se connectent pour proposer des amendements et les appuyer.
draft-decide-heading = Publier la révision suivante
draft-decide-intro = Les amendements acceptés sont apportés dans l’ordre de leurs numéros ; les amendements rejetés sont clos ; les autres restent en suspens. Chaque décision figure au journal d’audit.
draft-decide-keep = Laisser en suspens
draft-decide-accept = Accepter
draft-decide-reject = Rejeter
draft-decide-submit = Publier la révision
cli-help-consulta-draft-export = Écrire un projet : en XML Akoma Ntoso (OASIS LegalDocML 3.0, que draft import relit), en texte brut ou en JSON
cli-help-consulta-draft-export-symbol = La cote du projet
cli-help-consulta-draft-export-revision = La révision (par défaut : la dernière)
cli-help-consulta-draft-export-format = akn (XML Akoma Ntoso), text, json, html, md, docx ou pdf
cli-help-consulta-draft-export-output = Le fichier à écrire (par défaut : la sortie standard)
cli-help-consulta-draft-export-compilation = Écrire le texte de compilation (la dernière révision avec chaque amendement en suspens entre crochets) au lieu d’une révision
draft-download = Télécharger :
draft-agreed-ad-referendum = approuvé ad referendum
draft-amendment-status-merged = fusionné
draft-merged-into = fusionné dans l’amendement { $number }
draft-receipt = L’amendement { $number } est enregistré comme entrée { $leaf } du journal public.
draft-receipt-record = Son enregistrement, tel que le journal le conserve
draft-receipt-proof = la preuve que le journal le contient
draft-amendment-leaf = entrée { $leaf } du journal
draft-field-merges = Fusionne les amendements (secrétariat ; leurs numéros, séparés par des virgules)
draft-merges-hint = Laisser vide pour un nouvel amendement. S’il est rempli, ce libellé remplace les amendements indiqués, qui sont clos comme fusionnés dans celui-ci.
draft-done-merged = L’amendement fusionné est enregistré ; les amendements qu’il fusionne sont clos.
draft-done-agreed = La mention d’approbation est enregistrée.
draft-done-status = Le statut du projet est modifié.
draft-agree-heading = Paragraphes approuvés ad referendum
draft-agree-intro = Marquer un paragraphe approuvé ad referendum lorsqu’aucun amendement n’y est en suspens : le texte et le texte de compilation l’indiquent. Une nouvelle révision conserve la mention là où la place et les mots du paragraphe sont inchangés.
draft-agree-submit = Marquer comme approuvé
draft-agree-withdraw = Retirer la mention
draft-status-heading = Statut du projet
draft-status-field = Nouveau statut
draft-status-intro = Un projet est approuvé lorsqu’aucun amendement n’est en suspens, et adopté une fois approuvé ; un texte adopté est définitif.
draft-status-submit = Modifier le statut
draft-closed-notice = Ce texte est { $status } : il n’est plus négocié.
draft-closed = Le projet est { $status } : son texte n’est plus négocié.
draft-status-unknown = « { $status } » n’est pas un statut de projet (negotiation, agreed, adopted).
draft-status-refused = Un projet ne peut pas passer de « { $from } » à « { $to } ».
draft-status-pending = Amendements encore en suspens : { $count }. Statuer sur eux avant que le texte soit approuvé.
draft-agreed-with-pending = { $place } fait l’objet d’amendements en suspens : il ne peut être approuvé tant qu’ils le sont.
draft-merge-too-few = Une fusion réunit au moins deux amendements en suspens.
cli-draft-amendment-leaf = Entrée { $leaf } du journal public ; SHA-256 de son enregistrement : { $sha256 }
cli-draft-merged = Les amendements { $merged } sont fusionnés dans l’amendement { $number }.
cli-draft-agreed = { $place } de { $symbol } est marqué approuvé ad referendum.
cli-draft-agreement-withdrawn = La mention d’approbation de { $place } de { $symbol } est retirée.
cli-draft-status-set = Le projet { $symbol } est désormais { $status }.
cli-help-consulta-draft-merge = Enregistrer l’amendement du secrétariat qui fusionne des amendements en suspens, clos comme fusionnés dans celui-ci
cli-help-consulta-draft-merge-symbol = La cote du projet
cli-help-consulta-draft-merge-amendments = Les amendements fusionnés (numéros, séparés par des virgules)
cli-help-consulta-draft-agree = Marquer un paragraphe de la dernière révision approuvé ad referendum (aucun amendement ne doit y être en suspens), ou retirer la mention
cli-help-consulta-draft-agree-symbol = La cote du projet
cli-help-consulta-draft-agree-place = Le paragraphe : le numéro de la section, puis les lettres de l’alinéa (2/b ; 1/p1 pour un paragraphe sans numéro)
cli-help-consulta-draft-agree-withdraw = Retirer la mention
cli-help-consulta-draft-status = Faire passer un projet en négociation, approuvé (aucun amendement en suspens) ou adopté (une fois approuvé ; définitif)
cli-help-consulta-draft-status-symbol = La cote du projet
cli-help-consulta-draft-status-status = Le nouveau statut
cli-help-consulta-draft-merge-place = Où : le numéro de la section, puis les lettres de l’alinéa (2/b, 2/b/ii ; 5/p1 pour un paragraphe sans numéro)
cli-help-consulta-draft-merge-replace = Les mots à remplacer (présents une seule fois dans l’alinéa)
cli-help-consulta-draft-merge-by = Les mots qui les remplacent (vide pour les supprimer)
cli-help-consulta-draft-merge-delete = Supprimer tout l’alinéa
cli-help-consulta-draft-merge-insert = Insérer ce nouvel alinéa après celui désigné
cli-help-consulta-draft-merge-justification = Pourquoi, en quelques phrases (2 000 caractères au plus)
draft-no-amendment = Le projet { $symbol } n’a pas d’amendement { $number }.
draft-amendment-format = Un amendement s’écrit en Akoma Ntoso (akn) ou sous la forme de son enregistrement (json).
draft-amendment-heading = Amendement { $number } à { $symbol }, proposé par { $proposer }
cli-help-consulta-draft-export-amendment = Écrire un amendement (son numéro) comme document d’amendement Akoma Ntoso, ou son enregistrement avec --format json
draft-amendment-akn = Akoma Ntoso
open-data-amendments-csv = Amendements aux projets, avec qui les propose et les appuie et leurs empreintes dans le journal (CSV)
open-data-drafts-json = Les projets en entier : la structure de chaque révision, les paragraphes approuvés et les amendements (JSON)
draft-comparison-format = Une comparaison s’écrit en HTML, Markdown, DOCX, PDF ou texte.
cli-help-consulta-draft-export-compare = Écrire la révision (--revision, par défaut la dernière) comparée à cette révision antérieure : insertions soulignées, suppressions barrées (html, md, docx, pdf, ou texte marqué [+…+] et [-…-])
body-unknown = Il n’y a pas d’organe { $slug }.
body-rules-error = ligne { $line } des règles : { $problem }
body-expertise = compétence : { $tag }
body-everyone = Tous les membres
body-or = ou
body-at-least = au moins { $n }
body-at-most = au plus { $n }
body-exactly = exactement { $n }
body-what-total = Membres de l’organe
body-what-renewal = Membres en place remplacés
body-violation = { $what } : { $found } (règle de la ligne { $line } : { $required } requis)
body-nomination-error = ligne { $line }, { $field } : { $problem } ; rien n’a été enregistré.
body-bad-fields = Un organe a un nom (300 caractères au plus), un mandat (4 000 au plus) et un mandat de 1 à 10 ans.
body-duplicate = Il y a déjà un organe { $slug }.
body-not-a-nomination = La candidature { $number } n’est pas une candidature à cet organe.
gender-female = Femmes
gender-male = Hommes
cli-body-created = Organe { $slug } enregistré. Donnez-lui ses règles avec consulta body rules { $slug } --file RÈGLES.
cli-body-rules-set = Organe { $slug } : { $rules } règles enregistrées.
cli-body-nominated = Organe { $slug } : { $count } candidatures enregistrées.
cli-body-pinned = La candidature { $number } est fixée comme demandé.
cli-body-slate-passes = La liste de { $count } respecte toutes les règles.
cli-body-slate-fails = La liste enfreint { $count } règles.
cli-body-conflicting-rule =   ligne { $line } : { $rule }
cli-body-no-slate = Aucune liste ne respecte toutes les règles : ces règles ne peuvent être respectées ensemble (chacune est nécessaire au conflit) :
cli-body-slate = La meilleure liste respectant toutes les règles ({ $count } membres) :
cli-body-seated = Organe { $slug } : { $count } membres nommés du { $from } au { $until }.
cli-body-summary = { $members } membres en place aujourd’hui ; { $nominations } candidatures.
cli-help-consulta-body = Organes dont la composition doit être équilibrée : règles, candidatures, vérification et solveur exact
cli-help-consulta-body-create = Enregistrer un organe (groupe de travail, groupe consultatif) pour une consultation
cli-help-consulta-body-create-slug = Le nom court de l’organe dans les adresses (minuscules, chiffres, '-')
cli-help-consulta-body-create-consultation = Le slug de la consultation
cli-help-consulta-body-create-name = Le nom de l’organe
cli-help-consulta-body-create-mandate = Son mandat
cli-help-consulta-body-create-term_years = La durée du mandat d’un membre, en années
cli-help-consulta-body-rules = Définir les règles de composition d’un organe à partir d’un fichier (une règle par ligne), ou les afficher
cli-help-consulta-body-rules-slug = L’organe
cli-help-consulta-body-rules-file = Le fichier des règles
cli-help-consulta-body-rules-objective = Ce que le solveur optimise : les premiers choix des proposants, la diversité des pays, le maintien des membres en place
cli-help-consulta-body-nominate = Enregistrer des candidatures depuis un fichier CSV, toutes ou aucune
cli-help-consulta-body-nominate-slug = L’organe
cli-help-consulta-body-nominate-csv = Le fichier : person, nominator, process, stakeholder_group, country, gender, expertise, statement, priority
cli-help-consulta-body-pin = Imposer ou exclure un candidat de la liste du solveur, ou le libérer
cli-help-consulta-body-pin-slug = L’organe
cli-help-consulta-body-pin-nomination = Le numéro de la candidature
cli-help-consulta-body-pin-pin = in, out ou free
cli-help-consulta-body-check = Vérifier une liste au regard des règles de l’organe : chaque règle enfreinte et de combien
cli-help-consulta-body-check-slug = L’organe
cli-help-consulta-body-check-slate = Les candidatures de la liste (par défaut : les membres en place aujourd’hui)
cli-help-consulta-body-check-format = Format de sortie
cli-help-consulta-body-solve = Trouver la meilleure liste respectant toutes les règles, ou les règles en conflit
cli-help-consulta-body-solve-slug = L’organe
cli-help-consulta-body-solve-format = Format de sortie
cli-help-consulta-body-seat = Nommer une liste pour un mandat (par défaut : la liste du solveur, à partir d’aujourd’hui)
cli-help-consulta-body-seat-slug = L’organe
cli-help-consulta-body-seat-members = Les candidatures nommées (par défaut : la liste du solveur)
cli-help-consulta-body-seat-from = Le premier jour du mandat (par défaut : aujourd’hui)
cli-help-consulta-body-show = Afficher un organe : ses membres en place et sa composition par groupe, région, niveau de développement et genre
cli-help-consulta-body-show-slug = L’organe
cli-help-consulta-body-show-format = Format de sortie
body-term = Les membres siègent pour des mandats de { $years } ans.
body-done-nominated = Votre candidature est enregistrée.
body-done-rules = Les règles sont enregistrées.
body-done-pin = Le choix est enregistré.
body-done-seated = La liste est nommée.
body-members = Membres
body-no-members = Aucun membre ne siège aujourd’hui.
body-term-heading = Mandat
body-composition = Composition
body-by-group = Par groupe de parties prenantes
body-by-region = Par groupe régional
body-by-development = Par niveau de développement
body-by-gender = Par genre
body-rules = Règles de composition
body-meets-rules = Les membres en place aujourd’hui respectent toutes les règles.
body-no-rules = Le secrétariat n’a encore fixé aucune règle.
body-nominate-heading = Proposer un membre
body-nominate-for = Vous proposez pour { $entity }, en tant que correspondant.
body-field-person = Personne
body-field-group = Groupe de parties prenantes
body-field-country = Pays
body-country-hint = Deux lettres (ISO 3166-1) : KE, BR, FR.
body-field-gender = Genre
body-field-expertise = Compétences (mots-clés séparés par des virgules)
body-field-statement = Déclaration
body-field-priority = Votre ordre de préférence (1 en premier)
body-field-invalid = { $field } : veuillez vérifier ce champ.
body-nominate-submit = Proposer
body-sign-in-to-nominate = Les correspondants se connectent pour proposer des membres.
body-solved-heading = La liste du solveur
body-solved-intro = La meilleure liste de { $count } respectant toutes les règles, selon l’objectif choisi :
body-seat-from = Premier jour du mandat
body-seat-submit = Nommer cette liste
body-rule-line = Ligne { $line } :
body-nothing-to-solve = Rien à résoudre pour l’instant : l’organe a besoin de règles et de candidatures.
body-nominations = Candidatures
body-no-nominations = Aucune candidature pour l’instant.
body-nominator = Proposé par
body-pin = Pour le solveur
body-pin-free = libre
body-pin-in = toujours retenu
body-pin-out = toujours exclu
body-pin-submit = Appliquer
body-rules-heading = Règles et objectif
body-rules-hint = Une règle par ligne : total 42 ; exactly 22 group=government ; at least 1 per region in african,asia_pacific,eastern_european,latin_american_caribbean,weog where group=government ; at most 1 per country ; at least 40% gender=female ; renew at most 50%.
body-objective = L’objectif du solveur
body-objective-priority = Les premiers choix des proposants
body-objective-spread_countries = Le plus grand nombre de pays
body-objective-keep_seated = Le moins de membres en place remplacés
body-rules-submit = Enregistrer les règles
body-list = Organes
open-data-bodies-json = Organes : leurs règles et chaque mandat exercé, avec le groupe, le pays et le genre du membre (JSON)
body-role = Fonction
body-role-member = Membre
body-role-chair = Président(e)
body-role-co_chair = Coprésident(e)
body-rotation = La présidence est tournante : { $rotation }.
body-next-chair = Prochaine présidence : la personne proposée par { $nominator }.
body-co-chair-candidates = Peuvent être coprésident(e)s (membres ne l’ayant pas été) : { $members }
cli-body-chair-not-seated = La candidature { $number } n’est pas parmi les personnes nommées : la présidence ou coprésidence revient à un membre.
cli-help-consulta-body-chairs = Afficher la rotation de la présidence, la prochaine présidence et qui peut être coprésident(e) ; définir la rotation
cli-help-consulta-body-chairs-slug = L’organe
cli-help-consulta-body-chairs-rotation = Les proposants entre lesquels la présidence tourne, dans l’ordre, séparés par des virgules
cli-help-consulta-body-seat-chair = La candidature nommée à la présidence
cli-help-consulta-body-seat-co_chair = La candidature nommée à la coprésidence
body-chair-not-in-turn = C’est au tour de { $nominator } d’exercer la présidence.
body-co-chair-held = { $person } a déjà été coprésident(e) : un autre membre prend son tour.
follow-up-problem-too-large = le fichier dépasse 10 Mio
follow-up-problem-too-many = le fichier a plus de 10 000 lignes
follow-up-problem-csv = le fichier n’est pas du CSV : { $value }
follow-up-problem-missing-column = la colonne manque
follow-up-problem-missing = la valeur manque
follow-up-problem-too-long = la valeur dépasse { $count } caractères
follow-up-problem-action-line = { $value } n’est pas une grande orientation (C1 à C11)
follow-up-problem-date = { $value } n’est pas une date écrite AAAA-MM-JJ
follow-up-problem-end-before-start = la fin précède le début
follow-up-problem-status = { $value } n’est pas un état (planned, in_progress, achieved, dropped)
follow-up-problem-progress = { $value } n’est pas un avancement de 0 à 100
follow-up-problem-achieved = un engagement tenu est à 100 %
follow-up-problem-duplicate = l’identifiant { $value } est employé deux fois
follow-up-problem-own-parent = un engagement ne peut être son propre parent
follow-up-file-error = ligne { $line }, champ { $field } : { $problem }
follow-up-unknown-consultation = ligne { $line }, champ consultation : il n’y a pas de consultation { $slug }
follow-up-unknown-parent = engagement { $child } : aucun engagement { $parent } ne peut en être le parent, ni dans le fichier ni dans le registre
follow-up-unknown-commitment = il n’y a pas d’engagement { $number }
follow-up-update-not-allowed = un engagement « { $from } » ne peut devenir « { $to } »
follow-up-update-progress-back = l’avancement ne peut reculer de { $from } % à { $to } % tant que l’engagement est en cours
follow-up-status-planned = prévu
follow-up-status-in-progress = en cours
follow-up-status-achieved = tenu
follow-up-status-dropped = abandonné
follow-up-role-lead = facilitateur principal
follow-up-role-co-facilitator = cofacilitateur
follow-up-role-moderator = modérateur
cli-follow-up-action-line = engagements : { $count } ; facilitateurs : { $facilitators }
cli-follow-up-imported = Engagements ajoutés : { $added } ; mis à jour : { $updated }.
cli-follow-up-updated = L’engagement { $number } est mis à jour.
cli-follow-up-bad-year = { $value } n’est pas une année de 2000 à 2200
cli-follow-up-bad-role = { $value } : écrivez ORGANISATION:RÔLE, le rôle lead, co_facilitator ou moderator
cli-help-consulta-follow-up = Le suivi : grandes orientations, leurs facilitateurs, engagements et leur avancement
cli-help-consulta-follow-up-action-lines = Lister les grandes orientations C1 à C11 avec leurs facilitateurs et engagements
cli-help-consulta-follow-up-action-lines-format = Format de sortie
cli-help-consulta-follow-up-import = Enregistrer des engagements depuis un CSV de résultats (colonnes de Decidim et de Consulta), tous ou aucun ; un identifiant connu met à jour son engagement
cli-help-consulta-follow-up-import-file = Le fichier CSV des résultats
cli-help-consulta-follow-up-import-on = Le jour à partir duquel valent les états du fichier (par défaut : aujourd’hui)
cli-help-consulta-follow-up-export = Écrire tous les engagements en CSV de résultats, que l’import relit
cli-help-consulta-follow-up-export-output = Le fichier à écrire (par défaut : la sortie standard)
cli-help-consulta-follow-up-commitments = Lister les engagements, par grande orientation, entité ou état
cli-help-consulta-follow-up-commitments-action_line = Seulement ceux qui servent cette grande orientation (C1 à C11)
cli-help-consulta-follow-up-commitments-entity = Seulement ceux de cette entité, telle que nommée
cli-help-consulta-follow-up-commitments-status = Seulement ceux dans cet état
cli-help-consulta-follow-up-commitments-format = Format de sortie
cli-help-consulta-follow-up-update = Mettre à jour l’état et l’avancement d’un engagement, vérifiés au regard de sa situation
cli-help-consulta-follow-up-update-commitment = Le numéro de l’engagement
cli-help-consulta-follow-up-update-status = Son état : planned, in-progress, achieved ou dropped
cli-help-consulta-follow-up-update-progress = Son avancement, en pour cent
cli-help-consulta-follow-up-update-on = Le jour à partir duquel il vaut (par défaut : aujourd’hui)
cli-help-consulta-follow-up-update-note = Pourquoi, en une phrase
cli-help-consulta-follow-up-facilitators = Afficher qui facilite chaque grande orientation par année ; remplacer les facilitateurs d’une orientation pour une année
cli-help-consulta-follow-up-facilitators-year = L’année
cli-help-consulta-follow-up-facilitators-action_line = La grande orientation dont les facilitateurs sont remplacés
cli-help-consulta-follow-up-facilitators-set = Organisations et leurs rôles, séparés par des virgules : ITU:lead,UNESCO:co_facilitator
nav-follow-up = Suivi
action-lines-title = Grandes orientations du Plan d’action de Genève
action-lines-intro = Les onze grandes orientations du Sommet mondial sur la société de l’information, qui facilite chacune, et où en sont les engagements qui les servent.
action-line-column-line = Grande orientation
action-line-column-facilitators-year = Facilitateurs en { $year }
action-line-facilitators = Facilitateurs
action-line-commitments = Engagements
action-lines-source = Source : Plan d’action de Genève (WSIS-03/GENEVA/DOC/5), section C.
action-lines-csv = Engagements en CSV
follow-up-no-facilitators = Aucun facilitateur n’est enregistré pour cette grande orientation.
follow-up-no-commitments = Aucun engagement ne sert encore cette grande orientation.
action-line-status-counts = Prévus : { $planned } ; en cours : { $progress } ; tenus : { $achieved } ; abandonnés : { $dropped }.
commitment-column-title = Engagement
commitment-entity = Pris par
commitment-status = État
commitment-progress = Avancement
commitment-action-lines = Grandes orientations
commitment-dates = Dates
commitment-indicator = Indicateur
commitment-target = Cible
commitment-parent = Fait partie de
commitment-number = l’engagement { $number }
commitment-consultation = Issu de la consultation
commitment-timeline = Chronologie
commitment-progress-chart = Avancement de « { $title } » dans le temps, en pour cent
report-follow-up-title = Progrès réalisés dans la mise en œuvre et le suivi des textes issus du Sommet mondial sur la société de l’information en { $year }
report-follow-up-subtitle = Rapport du secrétariat
report-follow-up-section-introduction = I. Introduction
report-follow-up-introduction = À la fin de { $year }, les engagements enregistrés au titre des grandes orientations du Plan d’action de Genève étaient au nombre de { $count } : tenus, { $achieved } ; en cours, { $progress } ; prévus, { $planned } ; abandonnés, { $dropped }. Des rapports sur { $updates } d’entre eux sont parvenus pendant l’année.
report-follow-up-chart = Engagements par état à la fin de { $year }
report-follow-up-section-facilitators = II. Les grandes orientations et leurs facilitateurs
report-follow-up-facilitators = Le tableau ci-dessous indique, pour chaque grande orientation, les organisations qui l’ont facilitée en { $year }.
report-follow-up-facilitators-caption = Grandes orientations et leurs facilitateurs, { $year }
report-follow-up-no-facilitators = Aucun facilitateur n’a été enregistré pour { $year }.
report-follow-up-section-progress = III. Avancement par grande orientation
report-follow-up-line = { $line }. Engagements : { $count } (tenus : { $achieved } ; en cours : { $progress } ; prévus : { $planned } ; abandonnés : { $dropped }).
report-follow-up-commitments-caption = Engagements au titre de { $line }
report-follow-up-progress-at = Avancement, fin { $year }
report-follow-up-section-missing = IV. Engagements sans rapport
report-follow-up-missing = Engagements prévus ou en cours à la fin de { $year } sur lesquels aucun rapport n’est parvenu pendant l’année : { $count }.
report-follow-up-none-missing = Tous les engagements prévus ou en cours à la fin de { $year } ont fait l’objet d’un rapport pendant l’année.
report-follow-up-missing-caption = Engagements sans rapport en { $year }
report-follow-up-last-report = Dernier rapport
cli-report-needs-consultation = Nommez la consultation (--consultation SLUG), ou demandez le rapport de suivi d’une année (--kind follow-up --year ANNÉE).
cli-help-consulta-report-kind = Quel rapport : la synthèse d’une consultation, ou le suivi d’une année
cli-help-consulta-report-year = L’année d’un rapport de suivi
report-follow-up-column-lead = Facilitateurs principaux
report-follow-up-column-co-facilitators = Cofacilitateurs
report-follow-up-column-moderators = Modérateurs
follow-up-unknown-round = il n’y a pas de cycle de rapports sur la consultation { $slug }
follow-up-duplicate-round = la consultation { $slug } est déjà un cycle de rapports
follow-up-unknown-entity = il n’y a pas d’entité enregistrée { $name }
follow-up-standing-reported = rapport remis
follow-up-standing-late = en retard
follow-up-standing-due = attendu
follow-up-reminder-subject = Rappel : votre rapport d’activité pour { $year }
follow-up-reminder-body = Madame, Monsieur ({ $name }),

    { $entity } est invité à rendre compte de ses progrès en { $year } ({ $round }). Les rapports sont attendus au plus tard le { $deadline }. Vous pouvez déposer le vôtre à l’adresse { $link }

    Le secrétariat
cli-follow-up-round-opened = Cycle de rapports { $slug } ouvert ; organisations invitées : { $count }.
cli-follow-up-round-summary = Rapports reçus de { $reported } des { $count } organisations invitées ; en retard : { $late }.
cli-follow-up-reminded = Rappels mis en file d’envoi : { $count }.
cli-help-consulta-follow-up-round = Cycles de rapports : une consultation par laquelle les organisations invitées déposent leurs rapports d’activité
cli-help-consulta-follow-up-round-open = Ouvrir un cycle de rapports sur une consultation (ses questions pour modèle, sa clôture pour échéance)
cli-help-consulta-follow-up-round-open-consultation = Le slug de la consultation
cli-help-consulta-follow-up-round-open-year = L’année sur laquelle porte le rapport
cli-help-consulta-follow-up-round-open-action_lines = Les grandes orientations visées, séparées par des virgules (C2,C5)
cli-help-consulta-follow-up-round-open-invite = Entités enregistrées invitées à rendre compte, séparées par des points-virgules
cli-help-consulta-follow-up-round-status = Afficher qui a remis son rapport dans un cycle, qui est en retard et qui est attendu
cli-help-consulta-follow-up-round-status-consultation = La consultation du cycle
cli-help-consulta-follow-up-round-status-format = Format de sortie
cli-help-consulta-follow-up-round-remind = Envoyer un rappel aux correspondants des organisations invitées qui n’ont pas remis leur rapport
cli-help-consulta-follow-up-round-remind-consultation = La consultation du cycle
cli-help-consulta-follow-up-round-remind-public_url = L’adresse publique de l’instance, vers laquelle les rappels renvoient
reports-due-title = Rapports attendus
reports-due-intro = Les cycles de rapports auxquels { $entity } est invité.
reports-due-round = Progrès en { $year } au titre de { $lines } ; rapports attendus au plus tard le { $deadline }.
reports-due-reported = Votre rapport est enregistré.
reports-due-receipt = Son accusé de réception
reports-due-late = Aucun rapport n’a été reçu avant l’échéance.
reports-due-file = Déposer votre rapport d’activité
reports-due-status = Rapports reçus de { $reported } des { $count } organisations invitées ; en retard : { $late }.
reports-due-none = Aucun cycle de rapports ne vous concerne.
reporting-round-invitees = Organisations invitées
reporting-round-report = Rapport
reporting-round-contribution = contribution { $number }
reporting-round-remind = Relancer ceux qui n’ont pas remis leur rapport
reporting-round-reminded = Rappels mis en file d’envoi : { $count }.
nav-reports-due = Rapports attendus
report-follow-up-section-rounds = { $number }. Cycles de rapports
report-follow-up-round = { $round } : rapports reçus de { $reported } des { $count } organisations invitées.
report-follow-up-round-late = Aucun rapport n’est parvenu avant l’échéance de : { $names }.
report-follow-up-round-open = Le cycle est encore ouvert.
follow-up-cycle-review = En { $year }, le Groupe des Nations Unies sur la société de l’information est présidé par { $chair }, et la Commission de la science et de la technique au service du développement tient la session d’examen de son cycle { $start }-{ $end }.
follow-up-cycle-policy = En { $year }, le Groupe des Nations Unies sur la société de l’information est présidé par { $chair }, et la Commission de la science et de la technique au service du développement tient la session directive de son cycle { $start }-{ $end }.
action-line-column-in-progress = En cours
action-line-column-achieved = Tenus
follow-up-org-itu = l’UIT
follow-up-org-unesco = l’UNESCO
follow-up-org-undp = le PNUD
follow-up-bad-choice = { $value } n’est pas l’une des valeurs : { $allowed }
cli-help-consulta-follow-up-commitments-group = Seulement ceux des entités enregistrées de ce groupe de parties prenantes
cli-help-consulta-follow-up-commitments-region = Seulement ceux des entités de ce groupe régional de l’ONU (african, asia_pacific, eastern_european, latin_american_caribbean, weog)
cli-help-consulta-follow-up-commitments-development = Seulement ceux des entités de ce niveau de développement
commitments-title = Engagements et leur avancement
commitments-filter-group = Groupe de parties prenantes
commitments-filter-region = Groupe régional
commitments-filter-development = Niveau de développement
commitments-filter-any = Tous
commitments-count = Engagements affichés : { $count }
action-lines-all-commitments = Tous les engagements, par groupe de parties prenantes, région ou niveau de développement
number-group-separator = { "\u202F" }
forum-title = Forum des projets et des financements
forum-intro = Les parties prenantes publient les projets qu’elles cherchent à financer et les sources de financement qu’elles proposent (Agenda de Tunis, paragraphe 27 g). Chaque projet est rapproché des financements dont il remplit les grandes orientations, le lieu et les conditions, avec les raisons. Chacun peut lire ; les correspondants des entités vérifiées peuvent publier et répondre.
forum-new-project = Publier un projet
forum-new-funding = Publier un financement
forum-sign-in-to-post = Les correspondants des entités vérifiées se connectent pour publier et répondre.
forum-count = Publications : { $count }
forum-answers = Questions et réponses : { $count }
forum-matches = Rapprochements : { $count }
forum-open-data = Données ouvertes (JSON)
forum-empty = Rien n’est encore publié dans le forum.
forum-kind-project = Projet
forum-kind-funding = Financement
forum-posted-by = Publié par
forum-grants = Montants accordés
forum-matches-funding = Financements auxquels ce projet répond
forum-matches-projects = Projets qui répondent à ce financement
forum-no-matches = Aucun pour l’instant.
forum-thread = Questions et réponses
forum-no-answers = Aucune question n’a encore été posée.
forum-reply-label = Votre question ou réponse
forum-reply-for = Publié au nom de { $entity }.
forum-reply-submit = Publier
forum-moderation = Modération
forum-hide-reason = Raison, affichée à sa place
forum-hide-item = Masquer cette publication
forum-hide-answer = Masquer
forum-show-again = Afficher de nouveau
forum-hidden-because = Masqué par le secrétariat : { $reason }
forum-hidden-title = Publication masquée par le secrétariat
forum-posting-for = Publié au nom de { $entity }, avec la date, pour que chacun le lise. Les montants sont en dollars des États-Unis, sans décimales.
forum-field-kind = Type
forum-field-title = Titre
forum-field-description = Description
forum-field-need = Le besoin : ce que fait le projet, pour qui, et ce que le financement paierait
forum-field-scope = Le champ : ce qui est financé, et comment postuler
forum-field-action-lines = Grandes orientations
forum-field-countries = Pays où il est mené
forum-field-covered-countries = Pays couverts (s’il en nomme)
forum-field-country = Pays (code)
forum-field-regions = Groupes régionaux couverts
forum-field-development = Ouvert aux pays de statut de développement
forum-field-groups = Ouvert aux groupes de parties prenantes
forum-field-budget = Budget (dollars des États-Unis)
forum-field-amount-min = Montant minimal (dollars des États-Unis)
forum-field-amount-max = Montant maximal (dollars des États-Unis)
forum-field-deadline = Candidatures jusqu’au
forum-field-funder = Bailleur
forum-field-contact = Contact
forum-countries-hint = Codes ISO séparés par des virgules, par exemple KE, UG
forum-amount-hint = Un nombre entier, par exemple 150000 ou 150 000
forum-eligibility-hint = Ne cochez rien dans une liste pour être ouvert à tous.
forum-contact-hint = Publié tel quel : une adresse de l’organisation, pas celle d’une personne.
forum-post-submit = Publier dans le forum
forum-field-error = { $field } : { $problem }
forum-problem-missing = il est obligatoire
forum-problem-too-long = il dépasse { $count } caractères
forum-problem-too-many = il en nomme plus de { $count }
forum-problem-kind = { $value } n’est ni project ni funding
forum-problem-country = { $value } n’est pas un code de pays
forum-problem-region = { $value } n’est pas un groupe régional de l’ONU
forum-problem-development = { $value } n’est pas un statut de développement (ldc, developing, developed)
forum-problem-group = { $value } n’est pas un groupe de parties prenantes de ce site
forum-problem-amount = { $value } n’est pas un nombre entier de dollars
forum-problem-min-above-max = le montant minimal dépasse le maximal
forum-problem-funding-only = seul un financement en a
forum-problem-project-only = seul un projet en a
forum-not-verified = Seul le correspondant d’une entité vérifiée peut publier dans le forum.
forum-unknown-item = Il n’y a pas de publication { $number } dans le forum.
forum-unknown-reply = Il n’y a pas de réponse { $number } sous la publication { $item }.
forum-no-reason = Donnez la raison du masquage : elle est affichée à sa place.
forum-reason-action-lines = Grandes orientations communes : { $codes }
forum-reason-country = Pays couvert : { $country }
forum-reason-region = Groupe régional couvert : { $region } ({ $country })
forum-reason-anywhere = Pays couverts : tous
forum-reason-development = Ouvert à : { $status } ({ $country })
forum-reason-group = Ouvert à : { $group }
forum-reason-budget = Budget { $budget } ; montants { $range }
forum-reason-deadline = Candidatures jusqu’au { $date }
forum-dollars = { $amount } $ É.-U.
forum-range = de { $min } à { $max }
forum-range-from = à partir de { $min }
forum-range-up-to = jusqu’à { $max }
forum-file-too-large = le fichier dépasse { $size }
forum-file-error = ligne { $line } : { $problem }
cli-forum-posted = La publication { $number } est dans le forum.
cli-forum-hidden = Masqué, sous la publication { $number }.
cli-forum-restored = Affiché de nouveau, sous la publication { $number }.
cli-help-consulta-forum = Le forum des projets et des financements : le lire, publier pour une entité, modérer
cli-help-consulta-forum-list = Lister les publications, chacune avec ses rapprochements
cli-help-consulta-forum-list-kind = Seulement les projets ou seulement les financements
cli-help-consulta-forum-list-action_line = Seulement celles qui servent cette grande orientation (C1 à C11)
cli-help-consulta-forum-list-country = Seulement celles qui nomment ce pays (code ISO)
cli-help-consulta-forum-list-hidden = Les publications masquées par le secrétariat, avec les raisons
cli-help-consulta-forum-list-format = Format de sortie
cli-help-consulta-forum-show = Afficher une publication : ses champs, ses rapprochements et leurs raisons, ses échanges
cli-help-consulta-forum-show-item = Le numéro de la publication
cli-help-consulta-forum-show-format = Format de sortie
cli-help-consulta-forum-post = Publier un projet ou un financement pour une entité enregistrée, depuis un fichier JSON de ses champs
cli-help-consulta-forum-post-entity = L’entité enregistrée au nom de laquelle publier
cli-help-consulta-forum-post-file = Un objet JSON : kind, title, description, action_lines, countries, budget (d’un projet) ; regions, development, groups, amount_min, amount_max, deadline, funder (d’un financement) ; contact
cli-help-consulta-forum-hide = Masquer une publication, ou une réponse, la raison affichée à sa place
cli-help-consulta-forum-hide-item = Le numéro de la publication
cli-help-consulta-forum-hide-answer = Le numéro d’une réponse, plutôt que la publication
cli-help-consulta-forum-hide-reason = Pourquoi, affiché à sa place
cli-help-consulta-forum-restore = Afficher de nouveau une publication ou une réponse masquée
cli-help-consulta-forum-restore-item = Le numéro de la publication
cli-help-consulta-forum-restore-answer = Le numéro d’une réponse, plutôt que la publication
action-lines-forum = Les projets à financer et les financements proposés sont dans le forum des projets et des financements.
report-follow-up-section-forum = { $number }. Le forum des projets et des financements
report-follow-up-forum = Publiés dans le forum des projets et des financements en { $year } : projets, { $projects } ; financements, { $funding }. Projets qui répondent à au moins un financement à la date du présent rapport : { $matched }.
report-follow-up-forum-caption = Projets publiés en { $year } et financements auxquels chacun répond
cli-help-consulta-follow-up-round-open-lists = Inviter aussi les entités de cette liste d’accréditation qui ont un contact, comme une campagne d’invitation (répétable)
cli-help-consulta-follow-up-round-open-groups = Inviter aussi les entités de ce groupe de parties prenantes qui ont un contact (répétable)
cli-help-consulta-follow-up-round-open-regions = Inviter aussi les entités de ce groupe régional de l’ONU qui ont un contact (répétable)
cli-help-consulta-follow-up-round-open-countries = Inviter aussi les entités de ce pays (code ISO) qui ont un contact (répétable)
cli-help-consulta-follow-up-round-open-public_url = Avec une liste, un groupe, une région ou un pays : envoyer à chaque contact choisi l’invitation de la campagne, son lien sous cette adresse publique
commitments-filter-issue = Question
commitment-issues = Questions traitées
commitment-draft = Issu du projet
commitment-contribution = Issu de la contribution
follow-up-unknown-reference = ligne { $line }, champ { $field } : { $value } n’est pas dans le registre
follow-up-problem-issue = { $value } n’est pas un identifiant de question (minuscules, chiffres et _)
follow-up-problem-contribution = { $value } n’est pas un numéro de contribution
cli-help-consulta-follow-up-commitments-issue = Seulement ceux qui servent cette question de la taxonomie (son identifiant)
reports-due-informs = { $session ->
        [review] Ces rapports éclairent la session d’examen de la Commission en { $year } (cycle { $start }-{ $end }).
       *[policy] Ces rapports éclairent la session directive de la Commission en { $year } (cycle { $start }-{ $end }).
    }
api-key-missing = Cette requête demande une clé d’API : Authorization: Bearer suivi de la clé délivrée par le secrétariat.
api-key-unknown = Cette clé d’API n’a pas été délivrée par ce site.
api-key-revoked = Cette clé d’API a été révoquée par le secrétariat.
api-key-other-consultation = Cette clé d’API vaut pour une autre consultation.
bulk-too-large = Le lot dépasse { $size } : envoyez-le en plusieurs requêtes.
bulk-too-many-lines = Le lot a plus de lignes qu’il n’est permis ({ $count }) : envoyez-le en plusieurs requêtes.
bulk-empty = Le lot ne contient aucune ligne : envoyez une contribution par ligne, en JSON.
bulk-line-too-long = La ligne dépasse { $size }.
bulk-line-not-json = La ligne n’est pas une contribution en JSON : { $detail }
bulk-allowance = Cette clé peut envoyer { $allowance } contributions par heure ; envoyées dans l’heure : { $sent } ; dans ce lot : { $count }. Réessayez plus tard.
cli-api-key-none = Il n’y a pas de clé d’API { $number } en service.
cli-api-key-revoked = La clé d’API { $number } est révoquée.
cli-api-key-bad-label = Donnez à la clé un libellé de 1 à 200 caractères.
cli-api-key-bad-allowance = L’allocation horaire doit être d’au moins 1.
cli-api-key-issued = Clé d’API { $number } délivrée à { $entity } pour { $slug }. Elle n’est montrée qu’une fois : gardez-la en lieu sûr.
cli-api-key-state-in-use = en service
cli-api-key-state-revoked = révoquée { $date }
cli-help-consulta-api-key = Clés d’API du canal de masse : en délivrer une à une organisation pour une consultation, les lister, en révoquer une
cli-help-consulta-api-key-issue = Délivrer une clé d’API (affichée une fois, conservée seulement sous forme d’empreinte)
cli-help-consulta-api-key-issue-consultation = La consultation à laquelle la clé peut envoyer
cli-help-consulta-api-key-issue-entity = L’organisation enregistrée à laquelle la clé est délivrée
cli-help-consulta-api-key-issue-label = À quoi sert la clé, pour que le secrétariat la reconnaisse
cli-help-consulta-api-key-issue-lines_per_hour = Combien de contributions la clé peut envoyer par heure
cli-help-consulta-api-key-list = Lister les clés délivrées, en service ou révoquées
cli-help-consulta-api-key-revoke = Révoquer une clé : elle est refusée dès lors
cli-help-consulta-api-key-revoke-key = Le numéro de la clé
submit-busy = Le site reçoit en ce moment un très grand nombre de contributions : la vôtre n’a pas été enregistrée. Renvoyez-la dans quelques secondes ; rien de ce que vous avez saisi n’est perdu.
example-banner-forum = Données d’exemple. Cette publication, son auteur et ses échanges sont inventés pour la démonstration ; ce ne sont les propos d’aucun gouvernement ni d’aucune organisation réels.
api-keys-title = Clés d’API du canal de masse
api-keys-intro = Une organisation qui relaie de nombreuses contributions les envoie en une requête, un objet JSON par ligne, avec une clé délivrée ici pour une consultation. Une clé n’est montrée qu’une fois, à sa délivrance ; ce site n’en garde que l’empreinte.
api-keys-issued = La clé d’API { $number } est délivrée. Copiez-la maintenant et remettez-la à l’organisation : elle ne sera plus montrée.
api-keys-number = Clé
api-keys-entity = Organisation
api-keys-entity-hint = Une entité enregistrée, telle que le registre la nomme
api-keys-label = Usage
api-keys-allowance = Contributions par heure
api-keys-state = État
api-keys-revoke = Révoquer la clé { $number }
api-keys-none = Aucune clé n’a été délivrée.
api-keys-issue = Délivrer une clé
