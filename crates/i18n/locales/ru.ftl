## Consulta — сообщения на русском языке. Каждый ключ из en.ftl есть и здесь (это проверяет тест).

test-greeting = Здравствуйте, { $name }

## Stakeholder groups, channels, regional groups, development status

group-government = Правительства
group-international_organization = Международные организации
group-civil_society = Гражданское общество
group-private_sector = Частный сектор
group-academic = Академическое сообщество
group-technical = Техническое сообщество
channel-written = Письменные замечания
channel-presentation = Выступления на совещании
channel-intervention = Выступления в ходе открытых прений
channel-written-short = Письменно
channel-presentation-short = Выступление
channel-intervention-short = Реплика
region-african = Группа африканских государств
region-asia_pacific = Группа азиатско-тихоокеанских государств
region-eastern_european = Группа восточноевропейских государств
region-latin_american_caribbean = Группа государств Латинской Америки и Карибского бассейна
region-weog = Группа западноевропейских и других государств
development-ldc = Наименее развитая страна
development-developing = Развивающаяся страна
development-developed = Развитая страна
status-upcoming = Ещё не открыта
status-open = Открыта для материалов
status-closed = Закрыта

## The distribution table

table-caption = Распределение полученных материалов
table-group = Группа заинтересованных сторон
table-total = Всего
table-unverified = Личность не подтверждена (не учтено выше)
table-withheld-note = { $count ->
    [one] Не учтён { $count } материал, не допущенный к опубликованию.
    [few] Не учтены { $count } материала, не допущенные к опубликованию.
    [many] Не учтены { $count } материалов, не допущенных к опубликованию.
   *[other] Не учтены { $count } материала, не допущенные к опубликованию.
}
table-empty = Ещё не получено ни одного материала.

## Import of contribution files

import-row-field-error = строка { $line }, столбец { $field }: { $problem }
import-row-error = строка { $line }: { $problem }
import-missing = это поле обязательно, но оно пустое
import-not-utf8 = текст не является допустимым UTF-8 (сохраните файл как «CSV UTF-8»)
import-field-count = в строке { $found } полей, а в заголовке { $expected }
import-entity-name-too-long = название организации длиннее { $max } символов
import-entity-name-control = название организации содержит управляющий символ (например, перевод строки или табуляцию)
import-country-required = правительство указывает свою страну: выберите её в списке
import-unknown-group = неизвестная группа заинтересованных сторон «{ $value }» (ожидается одна из: { $known })
import-unknown-country = неизвестный код страны «{ $value }» (ожидается код ISO 3166-1, например FR или FRA, или пустое поле для международной организации)
import-unknown-channel = неизвестный канал «{ $value }» (ожидается written, presentation или intervention)
import-bad-date = «{ $value }» — не дата (ожидается RFC 3339, например 2010-12-14T15:00:00Z, или дата, например 2010-12-14)
import-outside-period = { $value } — вне срока консультации (чтобы записать такие строки с пометкой о позднем поступлении, импортируйте с --accept-late)
import-bad-language = «{ $value }» — не тег языка (ожидается тег BCP 47, например en, fr или es-419)
import-title-too-long = заголовок длиннее { $max } символов
import-control-character = в нём есть невидимый управляющий символ ({ $code }) в позиции { $at }: удалите его
import-body-too-large = текст больше { $max } байт
import-meeting-required = материал вида «{ $channel }» представляется на совещании: укажите дату совещания
import-unknown-meeting = у консультации нет совещания «{ $value }» (её совещания: { $known })
import-no-meetings = у консультации нет совещания «{ $value }» (совещаний ещё нет: добавьте его командой «consulta meeting add»)
import-entity-group-conflict = «{ $entity }» записана в группе «{ $recorded }»
import-entity-country-conflict = «{ $entity }» записана со страной { $recorded }
import-entity-no-country = «{ $entity }» записана без страны
import-file-empty = файл пуст (ожидается строка заголовка: { $expected })
import-file-no-rows = в файле есть заголовок, но нет ни одного материала
import-file-missing-columns = в заголовке нет столбцов { $columns } (ожидается: { $expected })
import-file-unknown-columns = в заголовке неизвестные столбцы { $columns } (ожидается: { $expected } и, при необходимости, on_behalf_of)
import-file-duplicate-column = столбец { $column } назван в заголовке дважды
import-file-unreadable = строка { $line }: файл не читается как CSV ({ $reason })

## Command line

cli-consultation-created = Создана консультация { $slug }: { $status }, с { $opens } по { $closes } ({ $zone }).
cli-meeting-added = В { $slug } добавлено совещание { $date } в месте: { $place }.
cli-imported = В { $slug } импортировано материалов: { $contributions } (новых организаций: { $entities }, поступивших с опозданием: { $late }).
cli-import-refused = { $file }: ничего не импортировано. Исправьте эти строки и импортируйте файл снова:
cli-import-more-errors = … и ещё { $count }.
cli-import-file-refused = { $file }: ничего не импортировано: { $problem }
cli-import-progress = Импорт
cli-unknown-consultation = Консультации «{ $slug }» нет. { $known }
cli-known-consultations = Имеющиеся консультации: { $list }.
cli-no-consultations = Консультаций ещё нет: создайте её командой «consulta consultation create».
cli-serving = Consulta обслуживает { $url }
cli-demo-loading = Демонстрационная консультация загружается в { $path } …
role-secretariat = Секретариат
role-focal_point = Координатор
demo-accounts-title = Демонстрационные учётные записи
demo-accounts-intro = Только для этой демонстрации: эти учётные записи и их пароли существуют в её временной базе данных и показываются всякому, кто её открывает. Войдите как секретариат, чтобы помечать материалы, снять один с публикации, приглашать координаторов и писать доклад; войдите как координатор, чтобы представить материал от имени вымышленного государства.
demo-accounts-sign-in = Войдите под одной из них
cli-demo-account = { $role }: { $email }, пароль { $password }
cli-demo-accounts = Демонстрационные учётные записи (только для этой демонстрации; показаны и на её главной странице):
cli-demo-loaded = Загружено примеров материалов: { $count }.
cli-error = ошибка
cli-consultation-line = { $slug }  { $status }  { $opens } – { $closes }  { $title }

## Web pages

site-name = Consulta
site-tagline = Открытые консультации с участием многих заинтересованных сторон
skip-link = Перейти к содержанию
language-switch = Язык
example-banner = Данные для примера. Организации и тексты этой консультации придуманы для демонстрации; это не слова какого-либо реального правительства или организации.
example-label = Пример
consultations-title = Консультации
consultations-intro = Призывы представить материалы, обращённые к правительствам, международным организациям, гражданскому обществу, частному сектору, академическому и техническому сообществам.
consultations-empty = Консультаций ещё нет.
consultation-mandate = Мандат
consultation-period = Срок
consultation-period-value = С { $opens } по { $closes } ({ $zone })
consultation-status = Состояние
consultation-questions = Руководящие вопросы
consultation-meetings = Совещания
consultation-meeting-line = { $date }, { $place }
consultation-contributions = Материалы
consultation-table-link = Таблица распределения
filter-legend = Показать материалы
filter-group = Группа заинтересованных сторон
filter-channel = Канал
filter-all = Все
filter-apply = Показать
contributions-count = { $total ->
    [0] Ни один материал не подходит.
    [one] { $total } материал.
   *[other] Материалов: { $total }; показаны с { $from } по { $to }.
  }
contributions-column-date = Получен
contributions-column-title = Заголовок
contributions-column-entity = Организация
page-previous = Предыдущая страница
page-next = Следующая страница
pagination = Страницы
contribution-entity = Организация
contribution-group = Группа заинтересованных сторон
contribution-channel = Канал
contribution-meeting = Совещание
contribution-submitted = Получен
contribution-language = Язык
contribution-on-behalf-of = От имени
contribution-late = Получен вне срока консультации
contribution-consultation = Консультация
contribution-text = Текст
entity-group = Группа заинтересованных сторон
entity-country = Страна
entity-no-country = Нет (международная организация)
entity-regional-group = Региональная группа ООН
entity-development = Уровень развития
entity-contributions = Материалы
entity-none = —
error-not-found-title = Страница не найдена
error-not-found = По этому адресу ничего нет. Возможно, адрес набран с ошибкой или такого элемента не существует.
error-bad-request-title = Запрос не понят
error-bad-request = В адресе есть значение, которое Consulta не может прочитать: { $detail }
error-server-title = Произошла ошибка
error-server = Consulta не смогла показать эту страницу из-за собственной ошибки. Ошибка записана в журнал; повторите попытку позже.
back-home = Вернуться к консультациям
footer-record = Каждый полученный материал входит в публичный реестр.
footer-software = Consulta — программа с открытым исходным кодом для публичных консультаций.

## Dates

date-long = { $day } { $month } { $year } г.
date-time = { $date }, { $time }
month-1 = января
month-2 = февраля
month-3 = марта
month-4 = апреля
month-5 = мая
month-6 = июня
month-7 = июля
month-8 = августа
month-9 = сентября
month-10 = октября
month-11 = ноября
month-12 = декабря

## Language names, each in its own language

language-name-en = English
language-name-fr = Français

## Consultation list

consultation-contribution-total = { $total ->
    [0] материалов ещё нет
    [one] { $total } материал
    [few] { $total } материала
    [many] { $total } материалов
   *[other] { $total } материала
  }

## Command-line help (cli-help-<command path>[-<argument>])

cli-help-consulta = Consulta: открытые консультации с участием многих заинтересованных сторон — от призыва представить материалы до реестра и его таблиц.
cli-help-consulta-db = База данных: файл SQLite, создаваемый при отсутствии (также sqlite:///путь), или база PostgreSQL, postgres://пользователь:пароль@сервер:порт/имя, которую могут делить несколько серверов
cli-help-consulta-config = Файл настроек в формате TOML, по одной настройке в строке под именем её флага (db = "consulta.db", public-url = "https://…", max-files = 10). Флаг или его переменная CONSULTA_* важнее файла, а файл — значений по умолчанию
cli-help-consulta-consultation = Создание консультаций и их список
cli-help-consulta-consultation-create = Создать консультацию: призыв представить материалы, с мандатом и сроком
cli-help-consulta-consultation-create-slug = Краткое имя для адресов и команд (строчные латинские буквы, цифры, '-')
cli-help-consulta-consultation-create-title = Название на языке, заданном --lang
cli-help-consulta-consultation-create-opens = Дата открытия (2010-09-01) или дата и время (2010-09-01T09:00) в часовом поясе
cli-help-consulta-consultation-create-closes = Дата закрытия (день включается целиком) или дата и время в часовом поясе
cli-help-consulta-consultation-create-mandate = Решение, которым объявлена консультация (например, "резолюция ЭКОСОС 2010/2")
cli-help-consulta-consultation-create-description = Описание на языке, заданном --lang
cli-help-consulta-consultation-create-questions = Руководящий вопрос; повторите для нескольких
cli-help-consulta-consultation-create-lang = Язык переданных текстов (тег BCP 47: en, fr, es, …)
cli-help-consulta-consultation-create-time_zone = Часовой пояс дат (имя IANA: UTC, Europe/Zurich, America/New_York)
cli-help-consulta-consultation-list = Список консультаций
cli-help-consulta-meeting = Совещания консультации
cli-help-consulta-meeting-add = Добавить совещание, на котором делаются выступления и реплики
cli-help-consulta-meeting-add-consultation = Краткое имя консультации
cli-help-consulta-meeting-add-date = Дата совещания (2010-12-14)
cli-help-consulta-meeting-add-place = Место проведения
cli-help-consulta-import = Импорт данных в реестр
cli-help-consulta-import-contributions = Импортировать материалы из файла CSV (столбцы: entity,stakeholder_group,country,channel,submitted_at,language,title,body,meeting); все строки или ни одной
cli-help-consulta-import-contributions-file = Файл CSV (UTF-8, с BOM или без), или - для стандартного ввода
cli-help-consulta-import-contributions-consultation = Краткое имя консультации
cli-help-consulta-import-contributions-accept_late = Записывать строки, датированные вне срока консультации, с пометкой о позднем поступлении, а не отклонять файл
cli-help-consulta-table = Вывести распределение материалов по группам заинтересованных сторон и каналам
cli-help-consulta-table-consultation = Краткое имя консультации
cli-help-consulta-table-format = Формат вывода
cli-help-consulta-table-lang = Язык подписей (по умолчанию — из окружения)
cli-help-consulta-report = Подготовить проект сводного доклада по консультации (пронумерованные пункты, таблицы, вопросы, механизмы и пробелы, диаграммы, приложение со списком участников)
cli-help-consulta-report-consultation = Краткое имя консультации
cli-help-consulta-report-lang = Язык доклада (по умолчанию — из окружения)
cli-help-consulta-report-format = Формат файла: html, md (Markdown), docx (Word, открывается в LibreOffice) или pdf
cli-help-consulta-report-output = Записать в этот файл, а не в стандартный вывод
cli-help-consulta-report-public_url = Адрес публичного сайта для ссылок на материалы (CONSULTA_PUBLIC_URL); без него материалы называются без ссылок
cli-report-annex = Список участников, слишком длинный для доклада, записан в { $path }.
cli-help-consulta-load-demo = Загрузить демонстрационную консультацию в базу данных, заданную --db (она должна быть новой), чтобы испытать на ней другие команды
cli-help-consulta-backup = Создать резервную копию экземпляра (база данных и вложения) в новом каталоге, не прерывая его работы
cli-help-consulta-backup-directory = Создаваемый каталог
cli-help-consulta-restore = Восстановить резервную копию как новый экземпляр (--db — новый файл SQLite или пустая база PostgreSQL; каталога --files ещё не должно быть), затем сверить каждый материал с журналом
cli-help-consulta-restore-directory = Каталог резервной копии
cli-backup-exists = { $path } уже существует: резервная копия создаётся в новом каталоге.
cli-backup-done = Резервная копия в { $path }: материалов — { $contributions }, вложений — { $attachments }, корень журнала { $root }.
cli-restore-format = Это не резервная копия Consulta, которую Consulta может прочитать (формат { $format }).
cli-restore-exists = { $path } уже существует: восстановление создаёт новый экземпляр и никогда не перезаписывает имеющийся.
cli-restore-root = Корень восстановленного журнала — { $found }, а в резервной копии записан { $expected }.
cli-restore-failed = Восстановленный реестр не проходит проверку:
cli-restore-done = Восстановлено в { $path }: { $contributions ->
    [one] { $contributions } материал, в журнале
    [few] { $contributions } материала, каждый в журнале
    [many] { $contributions } материалов, каждый в журнале
   *[other] { $contributions } материала, каждый в журнале
}; корень { $root }, как в резервной копии.
cli-help-consulta-check = Сверить каждый материал с публичным журналом: по одному листу на материал, запись не изменена, доказательство ведёт к корню
cli-check-failed = Реестр не проходит проверку:
cli-check-done = Проверено материалов: { $contributions }{ $statements ->
    [0] {""}
   *[other] {", "}утверждений, вынесенных на голосование: { $statements }
}{ $amendments ->
    [0] {""}
   *[other] {", "}поправок к проектам: { $amendments }
}; каждый есть в журнале и не изменён. Корень { $root }. Дерево, восстановленное по записям, совпадает { $heads ->
    [0] ни с одним подписанным заголовком (журнала { $journal } нет)
    [one] с единственным подписанным заголовком { $journal }
   *[other] со всеми подписанными заголовками { $journal } ({ $heads })
}.
cli-help-consulta-serve = Обслуживать публичные страницы и API
cli-help-consulta-serve-addr = Адрес для прослушивания (порт 0 выбирает свободный порт)
cli-help-consulta-demo = Загрузить демонстрационную консультацию в новую временную базу данных и обслуживать её
cli-help-consulta-demo-addr = Адрес для прослушивания (порт 0 выбирает свободный порт)

## Command line: the words of --help that clap would write in English
cli-usage = Использование:
cli-options = Параметры
cli-arguments = Аргументы
cli-commands = Команды
cli-help-flag = Показать эту справку
cli-version-flag = Показать версию
cli-possible-values = значения: { $values }
cli-default-value = по умолчанию: { $value }
cli-env-variable = переменная: { $name }

## Command line: translations and databases

cli-consultation-translated = Тексты консультации { $slug } теперь есть на языках: { $languages }.
cli-no-database = По адресу { $path } базы данных нет. Сначала создайте консультацию (consulta consultation create) или укажите правильный путь с помощью --db или CONSULTA_DB.
cli-help-consulta-consultation-translate = Добавить название, описание и руководящие вопросы консультации на другом языке
cli-help-consulta-consultation-translate-consultation = Краткое имя консультации
cli-help-consulta-consultation-translate-lang = Язык переданных текстов (тег BCP 47: fr, es, ar, …)
cli-help-consulta-consultation-translate-title = Название на этом языке
cli-help-consulta-consultation-translate-description = Описание на этом языке
cli-help-consulta-consultation-translate-questions = Каждый руководящий вопрос на этом языке, по порядку; повторите для каждого
cli-help-consulta-consultation-translate-mandate = Мандат на этом языке

## Submissions (web form and API)

import-bad-email = «{ $value }» — не адрес электронной почты
submit-field-problem = { $field }: { $problem }.
submit-field-entity = Название организации
submit-field-stakeholder_group = Группа заинтересованных сторон
submit-field-country = Страна
submit-field-email = Адрес электронной почты для связи
submit-field-language = Язык
submit-field-title = Заголовок
submit-field-body = Текст
submit-field-files = Вложения
submit-too-many-files = К одному материалу можно приложить не более { $max } файлов.
submit-file-too-large = Файл «{ $name }» больше { $max } — предельного размера одного файла.
submit-bad-file-name = Имя файла «{ $name }» использовать нельзя.
submit-not-open = Эта консультация ещё не открыта для материалов.
submit-closed = Эта консультация закрыта и больше не принимает материалы.
submit-idempotency-conflict = Этот Idempotency-Key уже использован для другой отправки.
submit-bad-idempotency-key = Заголовок Idempotency-Key должен содержать от 1 до 200 видимых символов ASCII.
submit-malformed = Запрос не читается как форма multipart: { $detail }
submit-unknown-field = В запросе есть поле, неизвестное Consulta: { $field }
submit-too-large = Запрос больше, чем принимает Consulta (не более { $max }).
submit-field-too-large = Поле «{ $field }» длиннее { $max } — больше, чем оно вмещает.
cli-help-consulta-files = Где хранятся вложения: каталог (по умолчанию рядом с базой данных, с её именем и суффиксом "-files") или корзина, совместимая с S3, s3://bucket/prefix?endpoint=https://…&region=… (учётные данные из AWS_ACCESS_KEY_ID и AWS_SECRET_ACCESS_KEY)
cli-help-consulta-verify = Сверить квитанцию с работающим экземпляром: есть ли материал по-прежнему в публичном реестре, без изменений?
cli-help-consulta-verify-receipt = Квитанция (JSON, в том виде, в каком её выдал экземпляр)
cli-help-consulta-verify-server = Адрес экземпляра (например, https://consultations.example.org)

## Receipts checked with `consulta verify`

verify-ok = Материал { $id } есть в публичном реестре и не изменён: его запись по-прежнему даёт хеш { $sha256 } и является записью { $entry } публичного журнала, который вырос с { $old } до { $new } записей без изменения какой-либо прежней записи.
verify-withheld = Материал { $id } по-прежнему есть в публичном журнале и не изменён (запись { $entry } из { $new }), но секретариат не допускает его текст к опубликованию: { $reason }
verify-receipt-invalid = Квитанция внутренне несогласована ({ $detail }): возможно, она изменена.
verify-key-changed = Экземпляр подписывает другим ключом, чем указан в квитанции: его журнал нельзя сравнить с квитанцией.
verify-bad-signature = Заголовок дерева экземпляра подписан недействительной подписью.
verify-log-rewritten = Журнал экземпляра не является продолжением того, по которому выдана квитанция: записи изменены или удалены.
verify-not-included = В журнале экземпляра больше нет записи этого материала.
verify-record-changed = Опубликованная запись материала { $id } — не та, на которую выдана квитанция: она изменена.

## The contribution form and receipts

form-title = Представить материал
form-intro = Письменные замечания можно направлять в любой форме и в любое время, пока консультация открыта. Вы получите квитанцию, по которой любой может в любой момент проверить, что публичный реестр по-прежнему содержит ваш материал без изменений.
form-unverified = Материалы, отправленные через эту форму, помечаются «личность не подтверждена».
form-errors = Материал не отправлен. Исправьте, пожалуйста, следующее:
form-files-kept = { $count ->
    [one] Отправленный вами файл сохранён ниже: выбирать его снова не нужно.
   *[other] Отправленные вами файлы ({ $count }) сохранены ниже: выбирать их снова не нужно.
}
form-kept-legend = Уже полученные файлы
form-kept-hint = Хранятся 30 минут и отправляются вместе с материалом; снимите отметку, чтобы исключить файл.
submit-kept-files-expired = Срок хранения файла из вашей прежней попытки истёк (файлы хранятся 30 минут): выберите его снова.
form-entity-hint = Правительство или организация, от имени которых вы выступаете.
form-email-hint = Только для секретариата; никогда не публикуется.
form-choose = Выберите…
form-country-none = Международный орган (без страны)
form-country-hint = Обязательно. Правительства и национальные органы выбирают свою страну; «Международный орган» выбирает только орган, у которого нет своей страны.
form-files-hint = Необязательно: до { $max } файлов по { $size } каждый, в любом формате (PDF, Word, OpenDocument, текст, изображения, …).
form-submit = Отправить материал
acknowledgement-subject = Материал { $id } записан: { $title }
acknowledgement-body =
    Ваш материал для консультации «{ $consultation }» записан в публичный реестр.

    Материал: { $id }
    Заголовок: { $title }
    От имени: { $entity }
    Получен: { $received }

    Квитанция приложена ({ $file }) и доступна в любое время по адресу { $link }
    Сохраните её: с ней любой может позже проверить, что публичный реестр по-прежнему содержит ваш материал без изменений.

    Этот адрес никогда не публикуется. Если вы не отправляли этот материал, сообщите секретариату, ответив на это письмо.
receipt-title = Квитанция о получении материала { $id }
receipt-recorded = Ваш материал записан.
receipt-intro = Квитанция показывает, что было получено и какое место это занимает в публичном журнале. Сохраните её: с ней любой может проверить, что публичный реестр по-прежнему содержит материал без изменений.
receipt-id = Материал
receipt-received = Получен
receipt-contribution-title = Заголовок
receipt-entity = От имени
receipt-consultation = Консультация
receipt-sha256 = SHA-256 записи
receipt-log = Место в публичном журнале
receipt-log-value = Запись { $entry } журнала из { $size ->
    [one] { $size } записи
   *[other] { $size } записей
  }, корень которого
receipt-key = Ключ, которым подписан журнал
receipt-download = Скачать квитанцию (JSON)
receipt-verify = Чтобы проверить её в любое время:
contribution-identity = Личность
identity-recorded = Записано секретариатом
identity-unverified = Личность не подтверждена
identity-verified = Подтверждена
contribution-record = Публичный реестр
contribution-receipt-link = Квитанция и место в публичном журнале
contribution-withheld = Секретариат не допускает этот материал к опубликованию: { $reason }. Его запись в публичном журнале сохраняется, поэтому реестр по-прежнему можно проверить.
contribution-files = Вложения
language-name-es = Español
language-name-ru = Русский
language-name-ar = العربية
language-name-zh = 中文
language-name-pt = Português
language-name-de = Deutsch

## Withholding

contribution-withheld-title = Материал снят с публикации
cli-withheld = Материал { $id } снят с публикации; его запись в публичном журнале сохраняется.
cli-published = Материал { $id } снова опубликован.
cli-unknown-contribution = Материала { $id } нет.
cli-help-consulta-report-details = Показать реквизиты доклада (условное обозначение, органы, сессия и пункт повестки дня, резюме, выводы) в JSON или задать их из файла JSON той же формы
cli-help-consulta-report-details-consultation = Краткое имя консультации
cli-help-consulta-report-details-set = Файл JSON с задаваемыми реквизитами (проверяются; заносятся в журнал аудита) в том виде, в каком их выводит команда
cli-details-too-large = { $file } больше { $max } байт: ничего не изменено.
cli-details-unreadable = { $file }, строка { $line }, столбец { $column }: это не JSON реквизитов ({ $reason }); ничего не изменено.
cli-details-refused = { $file }: { $reason }; ничего не изменено.
cli-details-set = Реквизиты доклада по { $consultation } заданы.
cli-help-consulta-tags = Вопросы, которыми помечаются материалы
cli-help-consulta-tags-evaluate = Насколько предложения классификатора вопросов совпадают с проставленными пометками: точность, полнота и калибровка; каждый помеченный материал оценивает классификатор, не обучавшийся на нём
cli-tags-evaluation = Обучено на { $documents } помеченных материалах; оценено отложенных пар (материал, вопрос): { $scored }.
    Предложений с вероятностью { $threshold } % и выше: { $suggested }, из них верных { $right }: точность { $precision } %.
    Проставленных пометок: { $tags }, из них предложено { $right }: полнота { $recall } %.
cli-tags-not-calibrated = Слишком мало помеченных материалов для калибровки: проценты — исходные проценты классификатора.
cli-tags-bins = Калибровка (заявленная вероятность, пары, средняя заявленная, доля верных):
cli-help-consulta-contribution = Управление записанными материалами
cli-help-consulta-contribution-withhold = Снять материал с публикации (персональные данные, злоупотребления…), указав причину; его запись в публичном журнале сохраняется
cli-help-consulta-contribution-withhold-id = Номер материала
cli-help-consulta-contribution-withhold-reason = Причина снятия: показывается на его публичной странице
cli-help-consulta-contribution-publish = Снова опубликовать снятый материал
cli-help-consulta-contribution-publish-id = Номер материала
cli-help-consulta-serve-max_files = Наибольшее число файлов в одном материале
cli-help-consulta-serve-max_file_mib = Наибольший размер одного вложения, МиБ
cli-help-consulta-demo-max_files = Наибольшее число файлов в одном материале
cli-help-consulta-demo-max_file_mib = Наибольший размер одного вложения, МиБ

## Sizes

number-decimal-separator = ,
size-bytes = { $n } Б
size-kib = { $n } КиБ
size-mib = { $n } МиБ
verify-unreachable = Не удалось выполнить проверку по { $server }: { $detail }

## Consultation definitions

draft-slug = «{ $value }» — не краткое имя (от 1 до 80 строчных латинских букв, цифр и '-', начиная с буквы или цифры)
draft-language = «{ $value }» — не тег языка (тег BCP 47, например en, fr или es-419)
draft-empty-title = название пустое
draft-time-zone = «{ $value }» — не часовой пояс (имя IANA, например UTC, Europe/Zurich или America/New_York; ближайшие имена: { $nearest })
draft-date = «{ $value }» — не дата (2010-09-01) и не дата со временем (2010-09-01T09:00)
draft-empty-period = консультация закрылась бы раньше, чем открылась
draft-question-count = у консультации руководящих вопросов: { $count }; дайте перевод каждого, по порядку
cli-duplicate-slug = Консультация «{ $slug }» уже есть.
cli-duplicate-meeting = У консультации уже есть совещание { $date }.

## Search (the public archive)
nav-label = Разделы
nav-consultations = Консультации
nav-search = Поиск
search-title = Поиск по реестру
search-title-query = «{ $query }»: поиск по реестру
search-label = Слова для поиска, на любом языке
search-submit = Найти
search-help = Должно встретиться каждое слово (в любой форме: «сотрудничать» находит «сотрудничество»). Заключите фразу в "кавычки"; поставьте минус перед словом, чтобы исключить его: -spam.
search-sort = Порядок
search-sort-relevance = Сначала наиболее подходящие
search-sort-newest = Сначала новые
search-sort-oldest = Сначала старые
search-filters = Уточнить результаты
search-filter = { $facet }: { $value }
search-remove = убрать этот фильтр
search-count = { $total ->
    [0] Ни один опубликованный материал не подходит.
   *[other] Найдено материалов: { $total }; показаны с { $from } по { $to }.
  }
search-collapse = Показывать каждую кампанию один раз
search-similar = { $count ->
    [one] и ещё { $count } схожий материал её кампании
    [few] и ещё { $count } схожих материала её кампании
   *[other] и ещё { $count } схожих материалов её кампании
}
search-none = Попробуйте меньше слов, другие слова или уберите фильтр. Материалы, снятые секретариатом с публикации, в поиск не входят.
search-facet-consultation = Консультация
search-facet-group = Группа заинтересованных сторон
search-facet-channel = Канал
search-facet-country = Страна
search-facet-region = Региональная группа
search-facet-language = Язык
search-facet-year = Год
consultation-search = Поиск по этим материалам
cli-help-consulta-index = Обслуживание поискового индекса (он выводится из реестра; серверы сами поддерживают его в актуальном состоянии)
cli-help-consulta-index-rebuild = Заново построить поисковый индекс по всему реестру (сначала остановите использующий его сервер)
cli-help-consulta-index_dir = Где хранится поисковый индекс (каталог; по умолчанию рядом с базой данных, с её именем и суффиксом "-index")
cli-index-busy = Поисковый индекс в { $path } использует другой процесс Consulta (сервер или другое перестроение). Сначала остановите его или укажите другой каталог с помощью --index.
cli-index-progress = Индексирование
cli-index-rebuilt = Проиндексировано опубликованных материалов: { $count } за { $seconds } с; индекс в { $path } занимает { $size }.
open-data-title = Открытые данные
open-data-intro = Всё публичное в этой консультации, для свободного повторного использования. Снятые с публикации материалы представлены только своей записью: номер, хеш и причина.
open-data-contributions-csv = Материалы (CSV)
open-data-contributions-json = Материалы (JSON)
open-data-entities-csv = Участвующие организации (CSV)
open-data-entities-json = Участвующие организации (JSON)
open-data-entities-popolo-json = Участвующие организации (Popolo JSON)
open-data-feed-atom = Новые материалы (лента Atom)
open-data-archive-zip = Всё, с файлами и доказательствами (архив zip)
open-data-verify = Архив можно проверить без подключения к сети, не доверяя этому сайту: consulta verify-archive ФАЙЛ.zip
cli-help-consulta-export = Записать один файл открытых данных консультации (такой, какой сайт предлагает скачать)
cli-help-consulta-export-what = Какой файл: contributions.csv, contributions.json, entities.csv, entities.json, entities.popolo.json, statements.csv, votes.csv, amendments.csv, drafts.json, bodies.json, feed.atom или archive.zip
cli-help-consulta-export-consultation = Консультация (её краткое имя)
cli-help-consulta-export-output = Куда записать (по умолчанию — стандартный вывод)
cli-help-consulta-export-base_url = Публичный адрес сайта для ссылок ленты
cli-help-consulta-verify-archive = Проверить полный архив без подключения к сети: каждый файл по манифесту, подписанный заголовок дерева и место каждого материала в журнале
cli-help-consulta-verify-archive-archive = Проверяемый архив (.zip)
cli-export-unknown = Файла открытых данных «{ $what }» нет. Выберите один из: { $known }.
cli-exported = Записано в { $path }.
archive-ok = { $file } проходит проверку: консультация { $consultation }, материалов — { $contributions } (снятых с публикации — { $withheld }, представлены только записью), файлов — { $files }, всё в журнале из { $size } записей с корнем { $root }, подписано { $generated } ключом { $key }. Сравните этот ключ с ключом, который публикует экземпляр.
archive-refused = { $file } не проходит проверку: { $problem }
archive-unreadable = это не читаемый архив zip ({ $detail }).
archive-no-manifest = в нём нет manifest.json.
archive-bad-manifest = его manifest.json не читается ({ $detail }).
archive-unknown-format = его формат { $format } неизвестен этой версии Consulta.
archive-missing-file = { $path } указан в манифесте, но отсутствует в архиве.
archive-unlisted-file = { $path } есть в архиве, но не в манифесте.
archive-file-changed = { $path } — не тот файл, который указан в манифесте (отличается SHA-256 или размер).
archive-bad-signature = подпись заголовка дерева не проходит проверку открытым ключом архива.
archive-record-changed = у записи материала { $id } не тот хеш, который закреплён её записью в журнале.
archive-not-in-log = материала { $id } нет в подписанном журнале: доказательство включения не проходит.
archive-record-mismatch = запись материала { $id } не соответствует архиву: { $detail }.
cli-help-consulta-admin = Управление учётными записями (здесь создаётся первая учётная запись секретариата)
cli-help-consulta-admin-create = Создать учётную запись; пароль читается из CONSULTA_PASSWORD или из первой строки стандартного ввода
cli-help-consulta-admin-create-email = Её адрес электронной почты, под которым выполняется вход
cli-help-consulta-admin-create-name = Имя человека
cli-help-consulta-admin-create-role = secretariat (по умолчанию) или focal-point
cli-help-consulta-admin-create-entity = Для координатора: организация, от имени которой он действует (её название, как оно записано)
cli-help-consulta-admin-create-lang = Язык писем и страниц (en, fr, es, ru, ar, zh)
cli-unknown-role = Неизвестная роль «{ $role }»: выберите secretariat или focal-point.
cli-unknown-entity = Организация «{ $entity }» не записана.
cli-focal-point-needs-entity = Координатор действует от имени одной организации: укажите её с помощью --entity.
cli-secretariat-no-entity = Учётная запись секретариата не действует от имени организации: не указывайте --entity.
cli-password-prompt = Пароль (не менее 12 символов):{" "}
cli-bad-email = «{ $email }» — не адрес электронной почты.
cli-duplicate-account = Учётная запись с адресом { $email } уже есть.
cli-account-created = Создана учётная запись { $email } ({ $role }).
password-too-short = Пароль должен содержать не менее { $min } символов (несколько слов — хороший пароль).
password-too-long = Пароль должен содержать не более { $max } символов.

## Accounts and the secretariat's pages
nav-sign-in = Войти
nav-sign-out = Выйти ({ $name })
nav-admin = Секретариат
login-title = Вход
login-intro = Для секретариата и координаторов организаций. Все остальные могут читать весь реестр без учётной записи.
login-email = Адрес электронной почты
login-password = Пароль
login-submit = Войти
login-failed = Такой адрес и пароль не соответствуют ни одной учётной записи. Проверьте их и повторите попытку.
login-needed = Войдите, чтобы увидеть эту страницу.
login-session-ended = Ваш сеанс завершён (через { $hours } ч или потому, что вы вышли в другом месте). Войдите снова, чтобы продолжить.
login-signed-out = Вы вышли из системы.
error-forbidden-title = Недоступно для этой учётной записи
error-forbidden = Эта страница предназначена для секретариата. Вы вошли под учётной записью, которая не может ею пользоваться.
error-form-expired-title = Срок действия формы истёк
error-form-expired = Форма отправлена без токена страницы, которая её показала: страница устарела или пришла с другого сайта. Вернитесь назад, обновите страницу и отправьте форму снова.
error-too-many-title = Слишком много попыток
error-too-many = Слишком много попыток за короткое время. Подождите четверть часа и повторите попытку.
admin-title = Секретариат
admin-intro = Вы вошли как { $name }. Каждое действие здесь записывается в журнал аудита.
admin-moderation = Снять материал с публикации или опубликовать его
admin-moderation-intro = Снятый с публикации материал исчезает со страниц, из поиска и из открытых данных; его запись в публичном журнале сохраняется вместе с причиной.
admin-contribution = Номер материала
admin-reason = Причина
admin-reason-hint = Обязательна для снятия; показывается публично вместо материала.
admin-withhold = Снять с публикации
admin-publish = Опубликовать снова
admin-withheld = Материал снят с публикации.
admin-published = Материал опубликован.
admin-bad-contribution = Укажите номер материала.
admin-reason-needed = Укажите, почему материал снят с публикации: причина показывается вместо него.
audit-title = Журнал аудита
audit-read = Читать журнал аудита
audit-export = Скачать его (CSV)
audit-count = Записей: { $total }, сначала новые
audit-at = Когда (UTC)
audit-actor = Кто
audit-action = Действие
audit-subject = Объект
audit-before = До
audit-after = После
form-acting-for = Вы представляете материал как { $entity }, войдя как её координатор: материал помечается как подтверждённый.
cli-help-consulta-serve-unverified_per_hour = Неподтверждённых материалов, принимаемых с одного сетевого адреса в час (0 — без ограничения)
cli-help-consulta-demo-unverified_per_hour = Неподтверждённых материалов, принимаемых с одного сетевого адреса в час (0 — без ограничения)

## Invitations and password resets (emails)
invitation-subject = Приглашение: { $consultation }
invitation-body = Уважаемый(ая) { $name }!

    Секретариат приглашает { $entity } представить материалы для консультации «{ $consultation }».

    Эта личная ссылка позволяет создать учётную запись координатора { $entity } и направлять материалы от её имени; они будут помечены как подтверждённые:

    { $link }

    Ссылка действует один раз в течение { $days } дн. Не передавайте её никому: тот, кто ею воспользуется, сможет действовать от имени { $entity }.
reset-subject = Сброс пароля
reset-body = Уважаемый(ая) { $name }!

    Кто-то (надеемся, вы) попросил сбросить пароль вашей учётной записи. Чтобы выбрать новый, откройте эту ссылку в течение { $hours } ч:

    { $link }

    Если вы этого не просили, не обращайте внимания на это письмо: ваш пароль не изменится.
invitation-title = Координатор { $entity }
invitation-intro = Вам предлагается представлять материалы в качестве координатора { $entity }. Ваша учётная запись — { $email }; укажите своё имя и выберите пароль.
invitation-name = Ваше имя
invitation-password = Пароль
invitation-password-hint = Не менее 12 символов; несколько слов, которые вы запомните, — хороший пароль.
invitation-submit = Создать учётную запись
invitation-name-needed = Укажите своё имя: оно показывается секретариату, но не публикуется.
invitation-unknown = Эта ссылка-приглашение неизвестна. Проверьте, что она скопирована полностью, или попросите у секретариата новую.
invitation-used = Эта ссылка-приглашение уже использована: каждая действует один раз. Войдите под созданной ею учётной записью или попросите у секретариата новую.
invitation-expired = Срок действия этой ссылки-приглашения истёк. Попросите у секретариата новую.
invitation-other-entity = У этого адреса уже есть учётная запись для другой организации. Обратитесь в секретариат.
error-link-title = Этой ссылкой нельзя воспользоваться
login-forgot = Забыли пароль?
reset-title = Сброс пароля
reset-intro = Укажите адрес своей учётной записи: мы отправим на него ссылку для выбора нового пароля.
reset-send = Отправить ссылку
reset-sent = Если у этого адреса есть учётная запись, ссылка уже отправлена. Она действует один раз в течение часа.
reset-new-password = Новый пароль
reset-save = Сохранить новый пароль
reset-invalid = Этой ссылкой для сброса пароля воспользоваться нельзя: она уже использована, устарела или скопирована не полностью. Запросите новую.
reset-done = Пароль изменён, и все сеансы вашей учётной записи завершены. Войдите с новым паролем.
mail-title = Исходящие
mail-to = Кому
mail-subject = Тема
mail-status = Состояние
mail-attempts = Попытки
mail-when = Отправлено или поставлено в очередь (UTC)
mail-status-queued = в очереди
mail-status-sent = отправлено
mail-status-failed = не удалось
cli-help-consulta-list = Списки аккредитации (ЭКОСОС, МСЭ, ВВУИО, КНТР или собственные)
cli-help-consulta-list-import = Импортировать список из CSV (entity, stakeholder_group, country и, при необходимости, focal_point_email, focal_point_name, language): все строки или ни одной
cli-help-consulta-list-import-file = Файл CSV
cli-help-consulta-list-import-list = Краткое имя списка: ecosoc, itu, wsis, cstd или собственное (строчные латинские буквы, цифры, дефисы)
cli-help-consulta-list-import-name = Полное название списка (известно для ecosoc, itu, wsis и cstd)
cli-help-consulta-invite = Пригласить в консультацию координаторов выбранных организаций: личная одноразовая ссылка по электронной почте, на языке каждого
cli-help-consulta-invite-consultation = Консультация (её краткое имя)
cli-help-consulta-invite-lists = Только организации из этого списка аккредитации (повторите для нескольких)
cli-help-consulta-invite-groups = Только организации этой группы заинтересованных сторон (повторите для нескольких)
cli-help-consulta-invite-regions = Только организации этой региональной группы ООН: african, asia_pacific, eastern_european, latin_american_caribbean, weog (повторите для нескольких)
cli-help-consulta-invite-countries = Только организации этой страны, код ISO (повторите для нескольких)
cli-help-consulta-invite-base_url = Публичный адрес сайта для ссылок
cli-help-consulta-serve-smtp = Сервер SMTP для почты в виде URL (smtp://пользователь:пароль@сервер:587?tls=required, smtps://сервер); без него письма записываются в каталог исходящих
cli-help-consulta-serve-mail_from = Отправитель писем Consulta
cli-help-consulta-serve-outbox = Куда попадает почта без сервера SMTP (по умолчанию рядом с базой данных, с её именем и суффиксом "-outbox")
cli-help-consulta-serve-mail_per_minute = Не более стольких писем в минуту
cli-help-consulta-demo-smtp = Сервер SMTP для почты в виде URL (smtp://пользователь:пароль@сервер:587?tls=required, smtps://сервер); без него письма записываются в каталог исходящих
cli-help-consulta-demo-mail_from = Отправитель писем Consulta
cli-help-consulta-demo-outbox = Куда попадает почта без сервера SMTP (по умолчанию рядом с базой данных демонстрации)
cli-help-consulta-demo-mail_per_minute = Не более стольких писем в минуту
cli-mail-outbox = Сервер SMTP не указан (--smtp): письма записываются в { $path }.
cli-bad-list = «{ $list }» не может быть именем списка: используйте строчные латинские буквы, цифры и дефисы.
cli-list-needs-name = Дайте списку «{ $list }» название с помощью --name.
cli-list-imported = Список { $list }: организаций — { $entities } (новых — { $new }), адресов координаторов — { $contacts }.
cli-bad-selection = «{ $value }» — не известная Consulta группа заинтересованных сторон, региональная группа или код страны.
cli-invite-needs-public-url = Приглашения содержат ссылки на экземпляр: укажите его публичный адрес с помощью --base-url (или CONSULTA_PUBLIC_URL), например https://consultations.example.org.
cli-unknown-list = Списка «{ $list }» нет. Списки: { $known }.
cli-invited = { $count ->
    [0] Никто не подходит: приглашения не отправлены.
   *[other] Приглашений в очереди: { $count }; их отправит почтовая задача сервера.
  }
admin-campaign = Пригласить координаторов
admin-campaign-intro = Каждый координатор выбранных организаций получает на своём языке личную одноразовую ссылку: она создаёт его учётную запись, с которой он представляет материалы от имени организации (подтверждённые). Незаполненный вид отбора не сужает выбор.
admin-campaign-consultation = Консультация
admin-campaign-lists = Списки аккредитации
admin-campaign-no-lists = Списков ещё нет: импортируйте список командой consulta list import.
admin-campaign-groups = Группы заинтересованных сторон
admin-campaign-regions = Региональные группы
admin-campaign-countries = Страны
admin-campaign-countries-hint = Коды ISO через запятую (SN, KE, BR).
admin-campaign-send = Отправить приглашения
admin-invited = { $count ->
    [0] Никто не подходит: приглашения не отправлены.
   *[other] Приглашений в очереди: { $count }; см. исходящие.
  }
cli-help-consulta-consultation-create-verified_only = Принимать материалы только от вошедших в систему координаторов (приглашённых), без неподтверждённых материалов от общественности
submit-verified-only = Эта консультация принимает материалы только от координаторов приглашённых организаций, вошедших в систему. Если вы выступаете от имени организации, попросите у секретариата приглашение.
submit-cannot-amend = Материал { $id } нельзя изменить здесь: изменить его может только координатор его организации, в той же консультации.
contribution-amends = Изменяет
contribution-amended-by = Изменён материалом
contribution-number = материал { $id }
contribution-amend = Изменить этот материал
form-amending = Вы изменяете материал { $id }: отправленное будет записано как новый материал со ссылкой на него; оба остаются в реестре.
admin-new-consultation = Открыть консультацию
admin-create-consultation = Создать консультацию
admin-verified-only = Материалы могут представлять только вошедшие в систему координаторы (без неподтверждённых материалов)
admin-field-problem = { $field }: { $problem }
admin-duplicate-slug = Консультация с кратким именем «{ $slug }» уже есть: выберите другое.
admin-add-meeting = Добавить совещание
admin-meeting-date = Дата
admin-meeting-place = Место
admin-place-needed = Укажите место проведения совещания.
consultation-field-slug = Краткое имя (в её адресе)
consultation-field-title = Название
consultation-field-lang = Язык этих текстов
consultation-field-opens = Открывается
consultation-field-closes = Закрывается
consultation-field-time_zone = Часовой пояс
consultation-field-mandate = Мандат
consultation-field-questions = Руководящие вопросы
consultation-field-description = Описание
consultation-hint-slug = Строчные латинские буквы, цифры и дефисы: ec-2010.
consultation-hint-lang = Тег языка: en, fr, es…
consultation-hint-opens = Дата (2026-01-15) или дата и время (2026-01-15T09:00) в указанном ниже часовом поясе; дата закрытия включает весь день.
consultation-hint-time_zone = Имя IANA: UTC, Europe/Zurich, America/New_York.
consultation-hint-questions = По одному в строке.
## The synthesis report (seeds/003 is its model)
report-subtitle = Проект сводного доклада
report-of-the-secretary-general = Доклад Генерального секретаря
report-summary = Резюме
report-section-conclusions = { $number }. Выводы
report-annex-separate = Участники ({ $count }) перечислены в отдельном файле { $file }, прилагаемом к настоящему докладу.
organ-general_assembly = Генеральная Ассамблея
organ-economic_and_social_council = Экономический и Социальный Совет
report-details-title = Условное обозначение, органы, резюме и выводы
report-details-intro = То, чего не может сказать реестр: условное обозначение, под которым выпускается доклад, органы, которым он представляется, с их сессией и пунктом повестки дня, его резюме и выводы — на каждом языке, на котором он выпускается. Каждое изменение записывается в журнал аудита.
report-details-symbol-hint = Как при выпуске, например A/66/77–E/2011/103 (доклад двум органам имеет оба условных обозначения).
report-details-field-symbol = Условное обозначение документа
report-details-field-session = Сессия
report-details-field-item = Пункт повестки дня
report-details-field-item_title = Название пункта повестки дня
report-details-field-summary = Резюме
report-details-field-conclusions = Выводы
report-details-paragraphs = Пункты разделяются пустой строкой; каждый пункт выводов в докладе нумеруется.
report-details-saved = Реквизиты доклада сохранены.
report-details-annex-download = Список участников (CSV)
report-details-unknown-organ = Неизвестный орган: { $field }.
report-details-organ-twice = { $field } указан дважды.
report-details-too-long = { $field }: не более { $max } символов.
report-details-control-character = { $field } содержит невидимый управляющий символ; наберите текст заново.
report-details-language = «{ $field }» — не язык.
report-distribution = Distr.: General
date-time-utc = { $time } UTC
date-in-zone = { $date } ({ $zone })
dates-zone-note = Даты указаны по часовому поясу консультации: { $zone }.
report-original = Подлинный текст: { $name }
# A language named in the reader's language, from its code (the code itself when it has no name here).
language-of = { $language ->
    [en] английский
    [fr] французский
    [es] испанский
    [ru] русский
    [ar] арабский
    [zh] китайский
    [pt] португальский
    [de] немецкий
   *[other] { $language }
}
report-section-context = I. Общие сведения
report-context = В настоящем докладе излагаются итоги открытой консультации «{ $title }».
report-context-mandate = В настоящем докладе излагаются итоги открытой консультации «{ $title }», проведённой в соответствии с { $mandate }.
report-context-questions = Участникам было предложено сосредоточиться на следующих вопросах: { $questions }
report-section-organisation = II. Организация консультации
report-meeting = совещание, состоявшееся в { $place } { $date }
report-organisation-period = Заинтересованные стороны могли направлять письменные замечания в любой форме и в любое время с { $opens } по { $closes }{ $meetings ->
    [0] .
    [one] , а также участвовать в таком мероприятии: { $list }.
   *[other] , а также участвовать в следующих совещаниях: { $list }.
}
report-organisation-total = Всего получено материалов: { $total } от { $entities } организаций, как показано в таблице ниже: письменных замечаний — { $written }, выступлений на совещаниях — { $presentations }, выступлений в ходе открытых прений — { $interventions }.
report-chart-groups = Материалы по группам заинтересованных сторон
report-organisation-regions = По региональной группе Организации Объединённых Наций, к которой относится страна участника, материалы распределились следующим образом; { $unstated } поступили от участников, страна которых не записана (в их числе международные организации).
report-regional-group = Региональная группа
report-table-regions = Материалы по региональным группам
report-chart-regions = Материалы по региональным группам
report-no-country = Без страны (международные)
report-not-listed = Нет в списках ООН (территория)
report-organisation-development = По уровню развития страны участника:
report-development-status = Уровень развития
report-table-development = Материалы по уровню развития
report-development-ldc = Наименее развитые страны
report-development-developing = Развивающиеся страны
report-development-developed = Развитые страны
report-withheld = { $count ->
    [one] { $count } материал снят с публикации: он не учтён в таблицах выше и не цитируется и не перечисляется ниже.
   *[other] Материалов, снятых с публикации: { $count }; они не учтены в таблицах выше и не цитируются и не перечисляются ниже.
}
report-unverified = { $count ->
    [one] { $count } опубликованный материал направлен без подтверждённой личности, и секретариат не отнёс его к записанной организации: в настоящем докладе он не учитывается.
   *[other] Опубликованных материалов, направленных без подтверждённой личности и не отнесённых секретариатом к записанной организации: { $count }; в настоящем докладе они не учитываются.
}
report-section-issues = III. Поднятые вопросы публичной политики
report-issues-none = Ни один материал ещё не помечен вопросом публичной политики.
report-issues-intro = Секретариат пометил { $tagged } из { $total } опубликованных материалов поднимаемыми в них вопросами публичной политики; поднято вопросов классификации: { $issues }. В таблице ниже они приводятся по группам заинтересованных сторон.
report-issue = Вопрос
report-table-issues = Поднятые вопросы по группам заинтересованных сторон
report-issue-raised = { $issue }: поднят в материалах ({ $count }; { $groups }):
report-and-more = { $count ->
    [one] и ещё { $count }
   *[other] и ещё { $count }
}
report-citations-none = Ни один материал не ссылается на документ Организации Объединённых Наций или пункт Тунисской программы.
report-citations-intro = Участники сослались на документы Организации Объединённых Наций ({ $documents }) и пункты Тунисской программы ({ $paragraphs }). В таблице ниже приводятся пункты, на которые чаще всего ссылалась каждая группа заинтересованных сторон.
report-tunis-paragraph = Тунисская программа
report-paragraph = пункт { $number }
report-table-paragraphs = Пункты Тунисской программы, на которые даны ссылки, по группам заинтересованных сторон
report-documents-cited = Документы, на которые чаще всего ссылались (число материалов):
report-section-mechanisms = IV. Механизмы международного сотрудничества
report-mechanisms-intro = Секретариат учитывает механизмы сотрудничества ({ $mechanisms }) и то, какими из { $issues } вопросов классификации занимается каждый из них на том уровне, на котором он действует (глобальном, региональном или национальном). В таблице ниже для каждого вопроса приводятся занимающиеся им механизмы, уровень, на котором механизм необходим, и число материалов, в которых он поднят.
report-mechanism-level = { $name } ({ $level })
report-mechanisms = Механизмы (уровень)
report-needed-level = Необходимый уровень
report-contributions = Материалы
report-table-mechanisms = Вопросы и занимающиеся ими механизмы
report-gaps-none = Каждым вопросом классификации занимается по меньшей мере один механизм на необходимом уровне.
report-gaps-intro = { $count ->
    [one] Вопрос, которым не занимается ни один механизм или ни один на необходимом уровне:
   *[other] Вопросы, которыми не занимается ни один механизм или ни один на необходимом уровне ({ $count }):
}
report-gap-none = { $issue }: им не занимается ни один механизм; { $count ->
    [0] ни в одном материале он ещё не поднимался.
   *[other] поднят в материалах: { $count }.
}
report-gap-level = { $issue }: нет механизма нужного уровня ({ $level }; есть только { $mechanisms }); { $count ->
    [0] ни в одном материале он ещё не поднимался.
   *[other] поднят в материалах: { $count }.
}
report-annex = Приложение: Список участников
report-annex-caption = Участники ({ $count })
report-contributor = Участник
report-country = Страна
level-global = глобальный
level-regional = региональный
level-national = национальный

## The secretariat's analysis pages: report, taxonomy, tags
analysis-report-title = Проект сводного доклада
analysis-report-intro = Проект, составленный по реестру в его нынешнем виде: отредактируйте его в текстовом редакторе перед публикацией.
analysis-report-language = Язык доклада:
analysis-report-download = Скачать:
analysis-issues-title = Вопросы и механизмы
analysis-issues-intro = Вопросы публичной политики, которыми помечаются материалы, механизмы сотрудничества, которые ими занимаются, и вопросы, которыми не занимается надлежащим образом ни один механизм.
analysis-gaps-title = Пробелы
analysis-gap-none = им не занимается ни один механизм
analysis-gap-level = нет механизма нужного уровня ({ $level })
analysis-raised = { $count ->
    [one] поднят в { $count } материале
   *[other] поднят в материалах: { $count }
}
analysis-taxonomy-title = Классификация вопросов
analysis-terms = Термины, указывающие на него
analysis-issue-form = Добавить вопрос или изменить имеющийся (тот же идентификатор)
analysis-issue-form-hint = Если указан имеющийся идентификатор, эта запись изменяется. Термины: по одному в строке или через «;», без учёта регистра и диакритических знаков.
analysis-id = Идентификатор
analysis-label-en = Название на английском языке
analysis-label-fr = Название на французском языке
analysis-terms-en = Термины на английском языке
analysis-terms-fr = Термины на французском языке
analysis-save = Сохранить
analysis-mechanisms-title = Механизмы сотрудничества
analysis-mechanism = Механизм
analysis-level = Уровень
analysis-functions = Функции
analysis-mechanism-form = Добавить механизм или изменить имеющийся (тот же идентификатор)
analysis-acronym-en = Сокращение на английском языке
analysis-acronym-fr = Сокращение на французском языке
analysis-matrix-title = Какой механизм каким вопросом занимается
analysis-save-matrix = Сохранить матрицу
analysis-tags-title = Вопросы материала № { $id }
analysis-cites = Ссылается на:
analysis-tunis-paragraph = Тунисская программа, пункт { $number }
analysis-suggestions-how = Предложения исходят из терминов каждого вопроса и из классификатора, обученного на помеченных до сих пор материалах ({ $count }); для каждого указано почему.
analysis-issues-of = Поднимаемые в нём вопросы
analysis-suggested = Предложено: { $reasons }
tagging-evaluation = Проверено на материалах, на которых он не обучался: из { $suggested } предложений, которые он сделал бы с вероятностью { $threshold } % и выше, верных было { $right } ({ $precision } %), и они нашли { $recall } % из { $tags } проставленных пометок; его проценты откалиброваны по ним.
tagging-evaluation-too-few = Помеченных материалов ({ $count }) пока слишком мало, чтобы измерить, насколько часто его предложения верны: его проценты не откалиброваны.
tagging-walk = Пройти по консультации
tagging-which = Материалы
tagging-only-untagged = Ещё не помеченные
tagging-only-all = Все
tagging-start = Показать
tagging-previous = Предыдущий
tagging-next = Следующий
tagging-position-untagged = { $n } из { $total } ещё не помеченных
tagging-position = { $n } из { $total }
tagging-remaining = { $count ->
    [0] Помечать больше нечего
   *[other] Осталось пометить: { $count }
}
tagging-save-next = Сохранить и перейти к следующему
tagging-saved = Сохранено.
tagging-saved-other = Вопросы материала { $id } сохранены.
tagging-keys = Клавиши: Alt+S сохраняет и переходит к следующему, Alt+N и Alt+P перемещают без сохранения (Alt+Shift в Firefox, Ctrl+Option на Mac).
tagging-done-title = Помечать больше нечего
tagging-done = У каждого опубликованного материала с этими фильтрами есть вопросы.
tagging-review-all = Просмотреть все материалы
admin-tag = Пометить материалы
analysis-reason-term = термин «{ $term }» ({ $language }) встречается { $count ->
    [one] { $count } раз
    [few] { $count } раза
   *[other] { $count } раз
}
analysis-reason-resembles = похож на помеченные им материалы ({ $examples }; { $percent } %) благодаря словам { $words }
analysis-bad-contribution = «{ $value }» — не номер материала.
taxonomy-id = «{ $value }» — не идентификатор: используйте строчные латинские буквы, цифры и «_», начиная с буквы.
taxonomy-level = «{ $value }» — не уровень: global, regional или national.
taxonomy-function = «{ $value }» — не функция: legal, normative или administrative.
taxonomy-missing-name = Нет названия на языке: { $language }.
taxonomy-long-name = Название на языке «{ $language }» длиннее 200 символов.
taxonomy-unknown = Вопроса или механизма «{ $value }» нет.
function-legal = правовая
function-normative = нормативная
function-administrative = административная
admin-report = Проект доклада
cli-help-consulta-migrate = Перенести весь реестр в другую базу данных (из SQLite в PostgreSQL или обратно), затем проверить копию: строки каждой таблицы, корень журнала, каждый материал по журналу. Вложения остаются там, где их хранит --files
cli-help-consulta-migrate-from = Копируемая база данных: файл SQLite или URL sqlite://, или URL postgres://
cli-help-consulta-migrate-to = Новая база данных: ещё не существующий файл SQLite или пустая база PostgreSQL
cli-migrate-table = { $table }: строк — { $rows }
cli-migrate-exists = В { $path } уже есть реестр: перенос выполняется в новую базу данных.
cli-migrate-done = { $from } перенесено в { $to }: строк — { $rows }, таблиц — { $tables }; материалов — { $contributions }{ $statements ->
    [0] {""}
   *[other] {", "}утверждений, вынесенных на голосование, — { $statements }
}, каждый в журнале, корень { $root }.

## The public URL: every absolute link, and whether cookies are Secure
cli-help-consulta-serve-public_url = Адрес, по которому общественность обращается к этому экземпляру (https://consultations.example.org): из него, а не из запроса, строится каждая ссылка в письмах, квитанциях, лентах и докладах; обязателен для отправки почты и для прослушивания любого адреса, кроме петлевого
cli-help-consulta-demo-public_url = Адрес, по которому общественность обращается к демонстрации (по умолчанию — петлевой адрес, который она прослушивает)
cli-help-consulta-serve-max_connections = Наибольшее число одновременно обслуживаемых соединений; остальные ждут приёма
cli-help-consulta-demo-max_connections = Наибольшее число одновременно обслуживаемых соединений; остальные ждут приёма
cli-public-url-invalid = Публичный URL { $url } отклонён: { $reason }
public-url-not-a-url = это не абсолютный URL вида https://consultations.example.org
public-url-scheme = его схема должна быть http или https
public-url-extras = в публичном URL нет имени пользователя, пароля, запроса или фрагмента
cli-public-url-needed = Consulta прослушивает { $addr }, а это не петлевой адрес: укажите, где к ней обращается общественность, с помощью --public-url (или CONSULTA_PUBLIC_URL), чтобы ссылки никогда не брались из запроса.
cli-public-url-needed-for-mail = Для отправки почты (--smtp) нужен --public-url (или CONSULTA_PUBLIC_URL): ссылки в письмах строятся из него.
api-beyond-log = В публичном журнале { $size } записей: дерево из { $asked } записей доказать нельзя.
api-consistency-order = Журнал только растёт: "from" ({ $from }) не должно быть больше "to" ({ $to }).
cli-help-consulta-serve-extract_memory_mib = Память, которую может использовать извлекатель текста (дочерний процесс, по одному файлу), в МиБ; файл, которому нужно больше, помечается как необработанный
cli-help-consulta-demo-extract_memory_mib = Память, которую может использовать извлекатель текста (дочерний процесс, по одному файлу), в МиБ; файл, которому нужно больше, помечается как необработанный
cli-help-consulta-contribution-attribute = Отнести материал, направленный без подтверждённой личности, к записанной организации после проверки отправителя (заносится в журнал аудита); затем он учитывается в группе этой организации
cli-help-consulta-contribution-attribute-id = Номер материала
cli-help-consulta-contribution-attribute-entity = Название записанной организации (без учёта регистра и пробелов)
cli-help-consulta-contribution-attribute-clear = Отменить отнесение
cli-attributed = Материал { $id } отнесён к { $entity }: он учитывается в группе этой организации.
cli-attribution-cleared = Материал { $id } больше ни к кому не отнесён: личность его отправителя показывается как неподтверждённая.
attribution-refused = Материал { $id } нельзя отнести: отнести можно только материал, направленный без подтверждённой личности, и только к организации из реестра.
entity-claimed = Это название указал отправитель неподтверждённого материала: это не организация из реестра, и её личность не подтверждена.
identity-attributed = Не подтверждена при отправке; после проверки отнесена секретариатом к { $entity }
attribution-title = Отнести к записанной организации
attribution-help = Проверив, кто направил этот материал, укажите записанную организацию, от которой он исходит: затем он учитывается в группе этой организации. Реестр сохраняет то, что заявил отправитель.
attribution-entity = Записанная организация
attribution-save = Отнести
attribution-clear = Отменить отнесение
attribution-entity-needed = Укажите записанную организацию, от которой исходит материал.
cli-help-consulta-log_key = Файл с ключом, которым подписываются заголовки дерева публичного журнала; никогда не хранится в базе данных (по умолчанию рядом с базой данных, с её именем и суффиксом "-log.key"; создаётся при первом запуске экземпляра, доступен для чтения только владельцу); каждому серверу экземпляра нужна копия
cli-help-consulta-heads = Журнал заголовков дерева, подписанных этим сервером, хранящийся вне базы данных, чтобы `consulta check` мог обнаружить переписанный реестр (по умолчанию рядом с базой данных, с её именем и суффиксом "-heads.jsonl")
contribution-altered-title = Запись изменена
contribution-altered = Запись этого материала в базе данных больше не соответствует тому, что для него записано в публичном журнале: она изменена в обход Consulta. Её текст не показывается как запись реестра; секретариат должен восстановить её из резервной копии. Квитанция и запись в журнале по-прежнему доказывают, что было получено.
contribution-altered-short = Запись изменена
submit-storage-full = На сервере не осталось места для хранения файлов: ничего не записано. Повторите попытку позже; секретариат оповещён.
cli-help-consulta-sweep-files = Убрать хранимые файлы, которых не называет ни одна запись (оставшиеся от отклонённых отправок): отложить те, что старше льготного срока, удалить отложенные прежней уборкой (серверы делают это каждые четверть часа)
cli-help-consulta-sweep-files-grace_minutes = Файлы, сохранённые менее стольких минут назад, не трогаются (0 — только если не работает ни один сервер)
cli-swept = Файлы, которых не называет ни одна запись: отложено — { $set_aside }, удалено — { $removed }, возвращено (названы с тех пор) — { $restored }, удалено частичных файлов — { $partials }.
cli-help-consulta-serve-trusted_proxies = Обратный прокси (адрес или сеть; повторите или перечислите через запятую), чей заголовок X-Forwarded-For называет клиента для ограничений частоты; заголовок любого другого игнорируется
cli-help-consulta-demo-trusted_proxies = Обратный прокси (адрес или сеть; повторите или перечислите через запятую), чей заголовок X-Forwarded-For называет клиента для ограничений частоты; заголовок любого другого игнорируется

## Points of agreement (issue 16)
cli-help-consulta-agreement = Точки согласия: утверждения, голоса, группы мнений и консенсус между группами заинтересованных сторон
cli-help-consulta-agreement-import-polis = Импортировать в консультацию папку экспорта Pol.is (comments.csv с votes.csv или participants-votes.csv), сохранив идентификаторы комментариев и участников Pol.is; если какой-либо файл неверен, ничего не записывается
cli-help-consulta-agreement-import-polis-dir = Папка экспорта
cli-help-consulta-agreement-import-polis-consultation = Краткое имя консультации
cli-help-consulta-agreement-groups = Вывести каждого участника, отнесённого к группе мнений, и его группу (participant,group)
cli-help-consulta-agreement-groups-consultation = Краткое имя консультации
cli-help-consulta-agreement-groups-format = Формат вывода
cli-help-consulta-agreement-groups-lang = Язык подписей (по умолчанию — из окружения)
cli-help-consulta-agreement-statements = Вывести каждое утверждение с числом голосов «за», «против» и воздержавшихся, его консенсусом, согласием каждой группы и тем, является ли оно точкой согласия или требует дальнейшего обсуждения
cli-help-consulta-agreement-statements-consultation = Краткое имя консультации
cli-help-consulta-agreement-statements-format = Формат вывода
cli-help-consulta-agreement-statements-lang = Язык подписей (по умолчанию — из окружения)
cli-help-consulta-agreement-propose = Вынести на голосование утверждение секретариата (принимается сразу, становится листом публичного журнала)
cli-help-consulta-agreement-propose-consultation = Краткое имя консультации
cli-help-consulta-agreement-propose-text = Утверждение, от 1 до 280 символов
cli-help-consulta-agreement-propose-language = Его язык (по умолчанию — язык оригинала консультации)
cli-help-consulta-agreement-propose-from_contribution = Материал, из которого оно взято
cli-agreement-imported = Импортировано утверждений: { $statements } (вынесено на голосование: { $accepted }), участников: { $participants }, голосов: { $votes }.
cli-agreement-import-refused = Из { $dir } ничего не импортировано
cli-agreement-already-imported = В консультации { $consultation } уже есть импортированное обсуждение; ничего не импортировано.
cli-agreement-statement-added = Утверждение { $id } вынесено на голосование.
statement-empty = Утверждение не может быть пустым.
statement-too-long = Утверждение содержит не более { $max } символов.
agreement-counts = за — { $agree }, против — { $disagree }, воздержались — { $pass }; консенсус { $consensus } %
agreement-group-name = Группа { $group }
agreement-standing-agreement = Точка согласия
agreement-standing-shared_disagreement = Точка согласия (все группы против)
agreement-standing-further_debate = Требует дальнейшего обсуждения
agreement-standing-unsettled = Не определено
agreement-link = Точки согласия: голосовать по утверждениям, видеть, в чём участники согласны
agreement-title = Точки согласия — { $consultation }
agreement-heading = Точки согласия и вопросы, требующие дальнейшего обсуждения
agreement-intro = Участники голосуют по кратким утверждениям. Те, кто голосует сходно, образуют группы мнений; точка согласия — это утверждение, с которым согласны все группы, а вопрос, требующий дальнейшего обсуждения, — утверждение, по которому группы расходятся. То же показано по группам заинтересованных сторон, региональным группам и уровню развития — по голосам координаторов организаций.
agreement-computed = Рассчитано { $at } по голосам ({ $votes }) участников ({ $participants }) по утверждениям ({ $statements }).
agreement-recomputing = Поступили новые голоса; группы рассчитываются заново.
agreement-computing = Группы рассчитываются; обновите страницу через несколько мгновений.
agreement-vote-heading = Голосование
agreement-voting-for = Вы голосуете от имени { $entity }: ваш голос учитывается в её группе заинтересованных сторон и регионе.
agreement-voting-public = Вы голосуете как представитель общественности. Координаторы, вошедшие в систему, голосуют от имени своей организации.
agreement-closed = Консультация не открыта: голосование и предложения закрыты.
agreement-agree = Согласен
agreement-disagree = Не согласен
agreement-pass = Воздерживаюсь / не уверен
agreement-remaining = Осталось утверждений для голосования, включая это: { $count }.
agreement-voted-all = Вы проголосовали по всем утверждениям. Спасибо; если чего-то не хватает, предложите утверждение ниже.
agreement-map-heading = Карта мнений
agreement-map-caption = Каждая точка — участник (показано { $shown } из { $placed }), размещённый по тому, как он голосовал: голосующие сходно находятся рядом. Контуры — группы мнений. Имена не показываются.
agreement-groups-heading = Группы мнений
agreement-group-size = Участников: { $count }
agreement-group-agrees = { $share } % группы согласны
agreement-group-disagrees = { $share } % группы не согласны
agreement-points-heading = Точки согласия
agreement-all-disagree = все группы не согласны
agreement-consensus = консенсус { $consensus } %
agreement-none-agreed = Ни по одному утверждению большинство каждой группы пока не оказалось на одной стороне.
agreement-debate-heading = Вопросы, требующие дальнейшего обсуждения
agreement-group-split = группа { $group }: { $agree } % за, { $disagree } % против
agreement-none-debated = Ни одно утверждение пока не разделяет группы.
agreement-table-stakeholder_group = Согласие по группам заинтересованных сторон (доля согласных, голоса координаторов)
agreement-table-regional_group = Согласие по региональным группам (доля согласных, голоса координаторов)
agreement-table-development_status = Согласие по уровню развития (доля согласных, голоса координаторов)
agreement-statement = Утверждение
agreement-standing = Положение
agreement-table-note = Доли учитывают, помимо поданных голосов, ещё один голос «за» и один «против», как это делает Pol.is, чтобы малая группа не выглядела единодушной. Прочерк: от этой группы голосов нет.
agreement-propose-heading = Предложить утверждение
agreement-propose-label = Утверждение
agreement-propose-hint = Одна мысль, с которой другие могут согласиться или не согласиться, не более { $max } символов. Секретариат читает каждое утверждение, прежде чем вынести его на голосование.
agreement-propose-submit = Предложить
agreement-voted = Ваш голос учтён. Вот следующее утверждение.
agreement-proposed = Спасибо: ваше утверждение будет вынесено на голосование, когда секретариат его прочтёт.
agreement-bad-vote = Этот голос нельзя учесть: утверждение не открыто для голосования в этой консультации или выбор не «за», «против» или «воздерживаюсь».
agreement-reason-needed = Укажите, почему утверждение отклонено.
agreement-already-moderated = Это утверждение уже рассмотрено.
agreement-bad-language = Язык указан не тегом BCP 47 (en, fr, es-419).
agreement-admin-link = Точки согласия: утверждения на рассмотрение
agreement-admin-title = Точки согласия: рассмотрение
agreement-admin-queue = Утверждения, ожидающие рассмотрения
agreement-admin-accept = Принять и вынести на голосование
agreement-admin-reject = Отклонить
agreement-admin-empty = Ожидающих утверждений нет.
agreement-admin-add = Вынести утверждение на голосование
agreement-admin-consultation = Консультация
agreement-admin-language = Язык (пусто — язык консультации)
agreement-admin-contribution = Взято из материала номер (необязательно)
agreement-admin-add-submit = Вынести на голосование
agreement-admin-accepted = Утверждение принято и вынесено на голосование.
agreement-admin-rejected = Утверждение отклонено.
agreement-admin-added = Утверждение вынесено на голосование.
report-section-agreement = { $number }. Точки согласия и вопросы, требующие дальнейшего обсуждения
report-agreement-intro = Участники ({ $participants }, из них { $verified } — координаторы, голосовавшие от имени своей организации) подали { $votes } голосов по { $statements } вынесенным на голосование утверждениям. Группировка сходно голосующих по методу Pol.is относит { $placed } из них к группам мнений ({ $groups }), показанным на карте ниже.
report-agreement-map = Карта мнений: каждый участник размещён по своим голосам (голосующие сходно находятся рядом); цвета и буквы обозначают группы мнений
report-agreement-group = Группу { $group } (участников: { $size }) отличает { $marks }.
report-agreement-group-agrees = согласие с утверждением «{ $text }» ({ $share } % группы)
report-agreement-group-disagrees = несогласие с утверждением «{ $text }» ({ $share } % группы)
report-agreement-quoted = «{ $text }»
report-agreement-and = и
report-agreement-points = Большинство каждой группы мнений согласно по следующим пунктам ({ $count }): { $list }.
report-agreement-no-points = Ни по одному утверждению большинство каждой группы мнений не оказалось на одной стороне.
report-agreement-debate = Пункты, требующие дальнейшего обсуждения, поскольку группы мнений по ним разделились ({ $count }): { $list }.
report-agreement-no-debate = Ни одно утверждение не разделяет группы мнений.
report-agreement-dimension-agree = { $groups } согласны с утверждением «{ $text }» ({ $shares }).
report-agreement-dimension-split = { $groups } расходятся во мнениях по утверждению «{ $text }» ({ $shares }).
open-data-statements-csv = Утверждения, вынесенные на голосование, с итогами (CSV)
open-data-votes-csv = Голоса, обезличенные: номер участника, утверждение, голос (CSV)
agreement-no-statements = В этой консультации ещё ни одно утверждение не вынесено на голосование.

## Consultation texts in other languages (the secretariat's form)
admin-translate = Тексты на другом языке
admin-translate-intro = Название, описание, мандат и руководящие вопросы консультации на одном из языков ООН; незаполненное поле сохраняет то, что на этом языке уже есть. Страницы показываются на языке читателя или в оригинале с соответствующей пометкой. Каждое изменение записывается в журнал аудита.
admin-translate-questions-hint = По одному в строке, в порядке оригинала; оставьте поле пустым, чтобы сохранить вопросы как есть.
admin-translate-save = Сохранить тексты
admin-translated = Тексты консультации на этом языке сохранены.

## Campaigns (issue 17)
cli-help-consulta-campaigns = Кампании: материалы, представляющие собой одно письмо, отправленное много раз, с правками или без
cli-help-consulta-campaigns-rebuild = Заново найти кампании консультации по реестру (текст каждого опубликованного материала и текст вложений) и записать их
cli-help-consulta-campaigns-rebuild-consultation = Краткое имя консультации
cli-help-consulta-campaigns-list = Вывести кампании консультации, начиная с крупнейшей (campaign,size,first_seen,last_seen,representative)
cli-help-consulta-campaigns-list-consultation = Краткое имя консультации
cli-help-consulta-campaigns-list-format = Формат вывода
cli-help-consulta-campaigns-members = Вывести каждый материал, входящий в кампанию, и его кампанию (contribution,campaign)
cli-help-consulta-campaigns-members-consultation = Краткое имя консультации
cli-help-consulta-campaigns-members-format = Формат вывода
cli-help-consulta-campaigns-name = Дать кампании название и примечание, показываемые с ней на каждой странице (записывается в журнал аудита), или убрать их
cli-help-consulta-campaigns-name-consultation = Краткое имя консультации
cli-help-consulta-campaigns-name-campaign = Кампания: номер её первого материала
cli-help-consulta-campaigns-name-name = Название кампании (не более 120 символов)
cli-help-consulta-campaigns-name-note = Примечание к кампании (не более 2000 символов)
cli-help-consulta-campaigns-name-clear = Убрать название и примечание кампании
cli-campaigns-named = Кампания { $campaign } названа «{ $name }».
cli-campaigns-unnamed = У кампании { $campaign } больше нет названия и примечания.
cli-campaigns-no-such = В консультации { $slug } нет кампании { $campaign }: их перечисляет `consulta campaigns list --consultation { $slug }`.
cli-campaigns-reading = материалов прочитано
cli-campaigns-rebuilt = Материалов в кампаниях: { $members }, кампаний: { $campaigns }; { $changed ->
    [0] в реестре они уже были
   *[other] записаны кампании материалов: { $changed }
}.
cli-campaigns-line = Кампания { $campaign }: материалов — { $size }, с { $first } по { $last } — «{ $representative }»
campaigns-link = Кампании: письма, отправленные много раз
campaigns-title = Кампании
campaigns-intro = Кампания — это одно письмо, отправленное много раз: дословно, с изменёнными словами, с собственным абзацем отправителя или с синонимами, выбранными в шаблоне. Каждая называется по своему первому материалу. Каждый новый материал присоединяется к своей кампании при записи; все кампании заново находятся по реестру всякий раз, когда секретариат их перестраивает.
campaigns-summary = { $members } из { $total } учтённых материалов входят в кампании ({ $campaigns }): различных голосов — { $distinct }, если считать каждую кампанию один раз.
campaigns-caption = Кампании, начиная с крупнейшей
campaigns-column-campaign = Кампания
campaigns-column-size = Материалы
campaigns-column-first = Первый получен
campaigns-column-last = Последний получен
campaigns-column-representative = Представительный материал
campaigns-none = В этой консультации кампаний не найдено.
campaign-name = Кампания { $id }
campaign-size = { $count ->
    [one] { $count } материал
    [few] { $count } материала
   *[other] { $count } материалов
}
campaign-member-of = Кампания
campaign-by-group = По группам заинтересованных сторон
campaign-representative = Представительный материал
campaign-representative-why = Материал, наиболее похожий на остальные: тот, формулировки которого остальные разделяют больше всего.
campaign-by-country = По странам
campaign-by-channel = По каналам
campaign-variants = Варианты
campaign-variants-intro = Первые материалы кампании, каждый в пословном сравнении с представительным: добавленные слова подчёркнуты, пропущенные — зачёркнуты.
campaign-variant-identical = Дословно совпадает с представительным.
campaign-variant-added = добавлено
campaign-variant-removed = пропущено
campaign-more = и ещё { $count }
campaign-template = Шаблон с синонимами
campaign-template-intro = Материалы следуют одному шаблону и в каждом из этих мест выбирают одно слово из набора (подсчитано по не более чем 200 материалам, распределённым по кампании).
campaign-slot-after = После «{ $words }»
campaign-slot-pick = { $word } ({ $count })
campaign-note-title = Название и примечание секретариата
campaign-note-name = Название
campaign-note-note = Примечание
campaign-note-help = Показываются с кампанией на каждой странице. Оставьте оба поля пустыми, чтобы убрать их. Каждое изменение записывается в журнал аудита.
campaign-note-save = Сохранить
campaign-note-saved = Название и примечание сохранены.
campaign-note-empty-name = Название кампании не может быть пустым, если есть примечание.
campaign-note-name-too-long = Название кампании может содержать не более 120 символов.
campaign-note-note-too-long = Примечание к кампании может содержать не более 2000 символов.
distinct-caption = Различные голоса по группам заинтересованных сторон
distinct-contributions = Материалы
distinct-voices = Различные голоса
distinct-note = Кампания (одно письмо, отправленное много раз) считается один раз в каждой группе заинтересованных сторон, которой она достигла; самостоятельный материал считается одним голосом.
report-campaigns = { $members } из учтённых материалов входили в кампании ({ $campaigns }) — письма, отправленные много раз с правками или без; если считать каждую кампанию один раз в каждой группе заинтересованных сторон, которой она достигла, материалы представляют { $distinct } различных голосов.

## Drafts (issue 19)
cli-help-consulta-draft = Проекты: тексты, к которым ведёт консультация (заключения, резолюции), согласуемые пункт за пунктом
cli-help-consulta-draft-import = Записать проект из простого текста: глагольные обороты на отдельных строках, подпункты a), b), их части i), ii), цитируемые пункты; если строке нет места, ничего не записывается
cli-help-consulta-draft-import-file = Текстовый файл (UTF-8)
cli-help-consulta-draft-import-consultation = Краткое имя консультации
cli-help-consulta-draft-import-symbol = Условное обозначение проекта (например, WTPF-13/6)
cli-help-consulta-draft-import-lang = Язык, на котором он составлен (по умолчанию — язык оригинала консультации)
cli-help-consulta-draft-show = Вывести проект: его последнюю редакцию или запрошенную
cli-help-consulta-draft-show-symbol = Условное обозначение проекта
cli-help-consulta-draft-show-revision = Редакция (0 — в записанном виде)
cli-help-consulta-draft-show-format = Формат вывода: text (который снова читает draft import) или json
cli-draft-imported = Проект { $symbol } записан: разделов — { $sections }, пронумерованных подпунктов — { $items }.
cli-draft-unplaced = { $file }, строка { $line }: этой строке нет места в структуре проекта: { $text }
cli-draft-refused = { $file }: ничего не записано. Поставьте каждую строку на своё место (буквы подпунктов по порядку, часть подпункта после самого подпункта) и импортируйте файл снова.
cli-draft-no-section = { $file }: ни одна строка не открывает раздел (глагольный оборот, например «rappelant», «recalling», «invite» или «invites», на отдельной строке); ничего не записано.
cli-draft-too-large = { $file } больше { $max } байт; ничего не записано.
cli-draft-bad-symbol = Условное обозначение содержит от 1 до { $max } символов и ни одного управляющего символа.
cli-draft-duplicate = Проект { $symbol } уже есть.
cli-draft-unknown = Проекта { $symbol } нет.
cli-draft-no-revision = У проекта { $symbol } нет редакции { $revision }.
cli-help-consulta-draft-show-compare = Сравнить пословно с этой более ранней редакцией ([+вставлено+], [-исключено-])
cli-help-consulta-draft-amend = Предложить поправку к последней редакции проекта: заменить слова, исключить подпункт или вставить после него новый
cli-help-consulta-draft-amend-symbol = Условное обозначение проекта
cli-help-consulta-draft-amend-place = Где: номер раздела, затем буквы подпункта (2/b, 2/b/ii; 5/p1 — пункт без номера)
cli-help-consulta-draft-amend-replace = Заменяемые слова (встречаются в подпункте один раз)
cli-help-consulta-draft-amend-by = Слова, которыми они заменяются (пусто — исключить их)
cli-help-consulta-draft-amend-delete = Исключить весь подпункт
cli-help-consulta-draft-amend-insert = Вставить этот новый подпункт после указанного
cli-help-consulta-draft-amend-justification = Обоснование в нескольких предложениях (не более 2000 символов)
cli-help-consulta-draft-amend-entity = Записанная организация, которая её предлагает (по умолчанию — секретариат)
cli-help-consulta-draft-support = Записать, что организация поддерживает поправку или возражает против неё
cli-help-consulta-draft-support-symbol = Условное обозначение проекта
cli-help-consulta-draft-support-amendment = Номер поправки
cli-help-consulta-draft-support-entity = Записанная организация
cli-help-consulta-draft-support-oppose = Она возражает против поправки
cli-help-consulta-draft-revise = Выпустить следующую редакцию: принятые поправки внесены в указанном порядке, отклонённые закрыты
cli-help-consulta-draft-revise-symbol = Условное обозначение проекта
cli-help-consulta-draft-revise-accept = Принятые поправки (номера через запятую)
cli-help-consulta-draft-revise-reject = Отклонённые поправки (номера через запятую)
cli-help-consulta-draft-compile = Вывести сводный текст: последнюю редакцию с каждой нерассмотренной поправкой в квадратных скобках на своём месте
cli-help-consulta-draft-compile-symbol = Условное обозначение проекта
cli-draft-amend-which = Укажите, что делает поправка: --replace СЛОВА --by СЛОВА, --delete или --insert ТЕКСТ.
cli-draft-amended = Поправка { $number } к { $symbol } записана.
cli-draft-supported = { $entity } поддерживает поправку { $number }.
cli-draft-opposed = { $entity } возражает против поправки { $number }.
cli-draft-revised = { $symbol }: выпущена редакция { $revision }; принято поправок: { $accepted }, отклонено: { $rejected }.
cli-draft-lost-place = Поправка { $number } не включена: в последней редакции нет места { $place }.
draft-bad-place = «{ $place }» — не место в проекте: укажите номер раздела, затем буквы подпункта (2/b, 2/b/ii; 5/p1 — пункт без номера).
draft-no-such-place = В проекте нет { $place }.
draft-words-not-found = Слова «{ $words }» встречаются в { $place } не ровно один раз.
draft-amendment-empty = Текст поправки не может быть пустым.
draft-amendment-quoted = Цитируемый пункт — текст другого документа: его нельзя изменить.
draft-cannot-apply = Поправку { $number } внести нельзя: { $problem }
draft-justification-too-long = Обоснование содержит не более { $max } символов.
draft-not-pending = Поправка { $number } не является нерассмотренной поправкой к этому проекту.
draft-supported-by = при поддержке
draft-page-title = Проект { $symbol }
draft-list = Проекты
draft-views = Представления проекта
draft-view-text = Текст
draft-view-compilation = Сводный текст
draft-view-compare = Сравнить с оригиналом
draft-compilation-intro = Последняя редакция, в которой каждая нерассмотренная поправка показана в квадратных скобках на своём месте: слова, которые предлагается заменить или исключить, затем предлагаемые слова, с номером поправки, её автором и теми, кто её поддерживает.
draft-compare-intro = { $later } в сравнении с текстом «{ $earlier }»: вставленные слова подчёркнуты, исключённые — зачёркнуты.
draft-revisions = Редакции
draft-revision-original = Первоначальный текст
draft-revision = Пересм. { $number }
draft-amendments = Поправки
draft-amendment-number = Поправка { $number }
draft-amendment-delete = Исключить подпункт.
draft-amendment-insert = Вставить после него:
draft-amendment-status-pending = не рассмотрена
draft-amendment-status-accepted = принята
draft-amendment-status-rejected = отклонена
draft-opposed-by = возражают
draft-no-amendments = Поправок не предложено.
draft-status-proposal = предложение
draft-status-negotiation = на согласовании
draft-status-agreed = согласован
draft-status-adopted = принят
draft-done-amended = Ваша поправка записана: она приведена ниже и в сводном тексте.
draft-done-stance = Ваша позиция записана.
draft-done-revised = Следующая редакция выпущена.
draft-support = Поддержать
draft-oppose = Возразить
draft-propose-heading = Предложить поправку
draft-propose-for = Вы предлагаете её от имени { $entity } как её координатор.
draft-propose-secretariat = Вы предлагаете её как секретариат.
draft-field-place = Где
draft-place-hint = Номер раздела, затем буквы подпункта: 2/b, 2/b/ii; 4/p1 — пункт раздела без номера.
draft-field-kind = Что она делает
draft-kind-replace = Заменить слова
draft-kind-delete = Исключить подпункт
draft-kind-insert = Вставить после него новый подпункт
draft-field-words = Заменяемые слова (как в подпункте)
draft-field-by = Заменить на (пусто — исключить их)
draft-field-text = Текст нового подпункта
draft-field-justification = Обоснование
draft-propose-submit = Предложить поправку
draft-sign-in-to-amend = Координаторы входят в систему, чтобы предлагать поправки и поддерживать их.
draft-decide-heading = Выпустить следующую редакцию
draft-decide-intro = Принятые поправки вносятся в порядке их номеров; отклонённые закрываются; остальные остаются нерассмотренными. Каждое решение записывается в журнал аудита.
draft-decide-keep = Оставить нерассмотренной
draft-decide-accept = Принять
draft-decide-reject = Отклонить
draft-decide-submit = Выпустить редакцию
cli-help-consulta-draft-export = Записать проект: в XML Akoma Ntoso (OASIS LegalDocML 3.0, который снова читает draft import), простым текстом или в JSON
cli-help-consulta-draft-export-symbol = Условное обозначение проекта
cli-help-consulta-draft-export-revision = Редакция (по умолчанию — последняя)
cli-help-consulta-draft-export-format = akn (XML Akoma Ntoso), text, json, html, md, docx или pdf
cli-help-consulta-draft-export-output = Записываемый файл (по умолчанию — стандартный вывод)
cli-help-consulta-draft-export-compilation = Записать сводный текст (последнюю редакцию с каждой нерассмотренной поправкой в скобках) вместо редакции
draft-download = Скачать:
draft-agreed-ad-referendum = согласовано ad referendum
draft-amendment-status-merged = объединена
draft-merged-into = объединена в поправку { $number }
draft-receipt = Поправка { $number } записана как запись { $leaf } публичного журнала.
draft-receipt-record = Её запись в том виде, в каком её хранит журнал
draft-receipt-proof = доказательство того, что журнал её содержит
draft-amendment-leaf = запись журнала { $leaf }
draft-field-merges = Объединяет поправки (для секретариата; их номера через запятую)
draft-merges-hint = Оставьте пустым для новой поправки. Если поле заполнено, эта формулировка заменяет указанные поправки, которые закрываются как объединённые в неё.
draft-done-merged = Объединённая поправка записана; объединённые в ней поправки закрыты.
draft-done-agreed = Отметка о согласовании записана.
draft-done-status = Статус проекта изменён.
draft-agree-heading = Пункты, согласованные ad referendum
draft-agree-intro = Отметьте пункт как согласованный ad referendum, когда по нему нет нерассмотренных поправок: это указано в тексте и в сводном тексте. Новая редакция сохраняет отметку там, где место и слова пункта не изменились.
draft-agree-submit = Отметить как согласованный
draft-agree-withdraw = Снять отметку
draft-status-heading = Статус проекта
draft-status-field = Новый статус
draft-status-intro = Проект согласован, когда нет нерассмотренных поправок, и принят после согласования; принятый текст окончателен.
draft-status-submit = Изменить статус
draft-closed-notice = Этот текст { $status }: он больше не обсуждается.
draft-closed = Проект { $status }: его текст больше не обсуждается.
draft-status-unknown = «{ $status }» — не статус проекта (negotiation, agreed, adopted).
draft-status-refused = Проект не может перейти из статуса «{ $from }» в статус «{ $to }».
draft-status-pending = Нерассмотренных поправок: { $count }. Примите по ним решение до согласования текста.
draft-agreed-with-pending = По { $place } есть нерассмотренные поправки: его нельзя согласовать, пока они не рассмотрены.
draft-merge-too-few = Объединение включает не менее двух нерассмотренных поправок.
cli-draft-amendment-leaf = Запись { $leaf } публичного журнала; SHA-256 её записи: { $sha256 }
cli-draft-merged = Поправки { $merged } объединены в поправку { $number }.
cli-draft-agreed = { $place } проекта { $symbol } отмечен как согласованный ad referendum.
cli-draft-agreement-withdrawn = Отметка о согласовании { $place } проекта { $symbol } снята.
cli-draft-status-set = Проект { $symbol } теперь { $status }.
cli-help-consulta-draft-merge = Записать поправку секретариата, объединяющую нерассмотренные поправки, которые закрываются как объединённые в неё
cli-help-consulta-draft-merge-symbol = Условное обозначение проекта
cli-help-consulta-draft-merge-amendments = Объединяемые поправки (номера через запятую)
cli-help-consulta-draft-agree = Отметить пункт последней редакции как согласованный ad referendum (по нему не должно быть нерассмотренных поправок) или снять отметку
cli-help-consulta-draft-agree-symbol = Условное обозначение проекта
cli-help-consulta-draft-agree-place = Пункт: номер раздела, затем буквы подпункта (2/b; 1/p1 — пункт без номера)
cli-help-consulta-draft-agree-withdraw = Снять отметку
cli-help-consulta-draft-status = Перевести проект в статус «на обсуждении», «согласован» (нет нерассмотренных поправок) или «принят» (после согласования; окончательно)
cli-help-consulta-draft-status-symbol = Условное обозначение проекта
cli-help-consulta-draft-status-status = Новый статус
cli-help-consulta-draft-merge-place = Где: номер раздела, затем буквы подпункта (2/b, 2/b/ii; 5/p1 — пункт без номера)
cli-help-consulta-draft-merge-replace = Заменяемые слова (встречаются в подпункте один раз)
cli-help-consulta-draft-merge-by = Слова, которыми они заменяются (пусто — исключить их)
cli-help-consulta-draft-merge-delete = Исключить весь подпункт
cli-help-consulta-draft-merge-insert = Вставить этот новый подпункт после указанного
cli-help-consulta-draft-merge-justification = Обоснование в нескольких предложениях (не более 2000 символов)
draft-no-amendment = У проекта { $symbol } нет поправки { $number }.
draft-amendment-format = Поправка выводится в формате Akoma Ntoso (akn) или как её запись (json).
draft-amendment-heading = Поправка { $number } к { $symbol }, предложенная: { $proposer }
cli-help-consulta-draft-export-amendment = Вывести одну поправку (её номер) как документ поправки Akoma Ntoso или её запись с --format json
draft-amendment-akn = Akoma Ntoso
open-data-amendments-csv = Поправки к проектам: кто их предложил и поддержал, их хеши в журнале (CSV)
open-data-drafts-json = Проекты целиком: структура каждой редакции, согласованные пункты и поправки (JSON)
draft-comparison-format = Сравнение выводится в формате HTML, Markdown, DOCX, PDF или текста.
cli-help-consulta-draft-export-compare = Вывести редакцию (--revision, по умолчанию последнюю) в сравнении с этой более ранней: вставки подчёркнуты, исключения зачёркнуты (html, md, docx, pdf или текст с пометками [+…+] и [-…-])
body-unknown = Органа { $slug } нет.
body-rules-error = строка { $line } правил: { $problem }
body-expertise = специализация: { $tag }
body-everyone = Все члены
body-or = или
body-at-least = не менее { $n }
body-at-most = не более { $n }
body-exactly = ровно { $n }
body-what-total = Члены органа
body-what-renewal = Заменённые действующие члены
body-violation = { $what }: { $found } (правило в строке { $line }: требуется { $required })
body-nomination-error = строка { $line }, { $field }: { $problem }; ничего не записано.
body-bad-fields = У органа есть название (не более 300 знаков), мандат (не более 4000) и срок полномочий от 1 до 10 лет.
body-duplicate = Орган { $slug } уже есть.
body-not-a-nomination = Кандидатура { $number } не выдвинута в этот орган.
gender-female = Женщины
gender-male = Мужчины
cli-body-created = Орган { $slug } записан. Задайте его правила: consulta body rules { $slug } --file ПРАВИЛА.
cli-body-rules-set = Орган { $slug }: записано правил: { $rules }.
cli-body-nominated = Орган { $slug }: записано кандидатур: { $count }.
cli-body-pinned = Кандидатура { $number } закреплена, как указано.
cli-body-slate-passes = Состав из { $count } соответствует всем правилам.
cli-body-slate-fails = Состав нарушает правил: { $count }.
cli-body-conflicting-rule =   строка { $line }: { $rule }
cli-body-no-slate = Ни один состав не соответствует всем правилам: эти правила несовместимы (каждое необходимо для противоречия):
cli-body-slate = Лучший состав, соответствующий всем правилам ({ $count } членов):
cli-body-seated = Орган { $slug }: { $count } членов назначены с { $from } по { $until }.
cli-body-summary = Действующих членов сегодня: { $members }; кандидатур: { $nominations }.
cli-help-consulta-body = Органы со сбалансированным составом: правила, кандидатуры, проверка и точный решатель
cli-help-consulta-body-create = Записать орган (рабочую группу, консультативную группу) для консультации
cli-help-consulta-body-create-slug = Краткое имя органа в адресах (строчные буквы, цифры, '-')
cli-help-consulta-body-create-consultation = Краткое имя консультации
cli-help-consulta-body-create-name = Название органа
cli-help-consulta-body-create-mandate = Его мандат
cli-help-consulta-body-create-term_years = Срок полномочий члена, в годах
cli-help-consulta-body-rules = Задать правила состава органа из файла (по одному в строке) или вывести их
cli-help-consulta-body-rules-slug = Орган
cli-help-consulta-body-rules-file = Файл правил
cli-help-consulta-body-rules-objective = Что оптимизирует решатель: первые предпочтения выдвигающих, разнообразие стран, сохранение действующих членов
cli-help-consulta-body-nominate = Записать кандидатуры из CSV-файла: все или ни одной
cli-help-consulta-body-nominate-slug = Орган
cli-help-consulta-body-nominate-csv = Файл: person, nominator, process, stakeholder_group, country, gender, expertise, statement, priority
cli-help-consulta-body-pin = Закрепить кандидата в составе решателя или исключить его, либо снять закрепление
cli-help-consulta-body-pin-slug = Орган
cli-help-consulta-body-pin-nomination = Номер кандидатуры
cli-help-consulta-body-pin-pin = in, out или free
cli-help-consulta-body-check = Проверить состав по правилам органа: каждое нарушенное правило и насколько
cli-help-consulta-body-check-slug = Орган
cli-help-consulta-body-check-slate = Кандидатуры состава (по умолчанию: действующие члены)
cli-help-consulta-body-check-format = Формат вывода
cli-help-consulta-body-solve = Найти лучший состав, соответствующий всем правилам, или противоречащие правила
cli-help-consulta-body-solve-slug = Орган
cli-help-consulta-body-solve-format = Формат вывода
cli-help-consulta-body-seat = Назначить состав на срок (по умолчанию: состав решателя, с сегодняшнего дня)
cli-help-consulta-body-seat-slug = Орган
cli-help-consulta-body-seat-members = Назначаемые кандидатуры (по умолчанию: состав решателя)
cli-help-consulta-body-seat-from = Первый день срока (по умолчанию: сегодня)
cli-help-consulta-body-show = Показать орган: действующих членов и состав по группам, регионам, уровню развития и полу
cli-help-consulta-body-show-slug = Орган
cli-help-consulta-body-show-format = Формат вывода
body-term = Члены работают сроками по { $years } года (лет).
body-done-nominated = Ваша кандидатура записана.
body-done-rules = Правила записаны.
body-done-pin = Закрепление записано.
body-done-seated = Состав назначен.
body-members = Члены
body-no-members = Сегодня нет действующих членов.
body-term-heading = Срок
body-composition = Состав
body-by-group = По группам заинтересованных сторон
body-by-region = По региональным группам
body-by-development = По уровню развития
body-by-gender = По полу
body-rules = Правила состава
body-meets-rules = Действующие члены соответствуют всем правилам.
body-no-rules = Секретариат ещё не задал правил.
body-nominate-heading = Выдвинуть кандидатуру
body-nominate-for = Вы выдвигаете от имени { $entity } как его координатор.
body-field-person = Лицо
body-field-group = Группа заинтересованных сторон
body-field-country = Страна
body-country-hint = Две буквы (ISO 3166-1): KE, BR, FR.
body-field-gender = Пол
body-field-expertise = Специализация (метки через запятую)
body-field-statement = Заявление
body-field-priority = Ваш порядок предпочтения (1 — первый)
body-field-invalid = { $field }: проверьте это поле.
body-nominate-submit = Выдвинуть
body-sign-in-to-nominate = Координаторы входят в систему, чтобы выдвигать кандидатуры.
body-solved-heading = Состав по решателю
body-solved-intro = Лучший состав из { $count }, соответствующий всем правилам, по выбранной цели:
body-seat-from = Первый день срока
body-seat-submit = Назначить этот состав
body-rule-line = Строка { $line }:
body-nothing-to-solve = Решать пока нечего: органу нужны правила и кандидатуры.
body-nominations = Кандидатуры
body-no-nominations = Кандидатур пока нет.
body-nominator = Выдвинут
body-pin = Для решателя
body-pin-free = свободно
body-pin-in = всегда включать
body-pin-out = всегда исключать
body-pin-submit = Применить
body-rules-heading = Правила и цель
body-rules-hint = Одно правило в строке: total 42; exactly 22 group=government; at least 1 per region in african,asia_pacific,eastern_european,latin_american_caribbean,weog where group=government; at most 1 per country; at least 40% gender=female; renew at most 50%.
body-objective = Цель решателя
body-objective-priority = Первые предпочтения выдвигающих
body-objective-spread_countries = Как можно больше стран
body-objective-keep_seated = Как можно меньше заменённых действующих членов
body-rules-submit = Сохранить правила
body-list = Органы
open-data-bodies-json = Органы: их правила и каждый срок полномочий с группой, страной и полом члена (JSON)
body-role = Роль
body-role-member = Член
body-role-chair = Председатель
body-role-co_chair = Сопредседатель
body-rotation = Председательство по очереди: { $rotation }.
body-next-chair = Следующий председатель: кандидат от { $nominator }.
body-co-chair-candidates = Могут быть сопредседателями (члены, ещё не занимавшие эту должность): { $members }
cli-body-chair-not-seated = Кандидатура { $number } не входит в назначаемых: председатель или сопредседатель — член органа.
cli-help-consulta-body-chairs = Показать очерёдность председательства, следующего председателя и возможных сопредседателей; задать очерёдность
cli-help-consulta-body-chairs-slug = Орган
cli-help-consulta-body-chairs-rotation = Выдвигающие стороны, между которыми чередуется председательство, по порядку, через запятую
cli-help-consulta-body-seat-chair = Кандидатура, назначаемая председателем
cli-help-consulta-body-seat-co_chair = Кандидатура, назначаемая сопредседателем
body-chair-not-in-turn = Очередь председательствовать — за { $nominator }.
body-co-chair-held = { $person } уже был сопредседателем: очередь другого члена.
follow-up-problem-too-large = файл больше 10 МиБ
follow-up-problem-too-many = в файле больше 10 000 строк
follow-up-problem-csv = файл не в формате CSV: { $value }
follow-up-problem-missing-column = столбец отсутствует
follow-up-problem-missing = значение отсутствует
follow-up-problem-too-long = значение длиннее { $count } символов
follow-up-problem-action-line = { $value } не является направлением деятельности (C1–C11)
follow-up-problem-date = { $value } не является датой вида ГГГГ-ММ-ДД
follow-up-problem-end-before-start = окончание раньше начала
follow-up-problem-status = { $value } не является статусом (planned, in_progress, achieved, dropped)
follow-up-problem-progress = { $value } не является ходом выполнения от 0 до 100
follow-up-problem-achieved = выполненное обязательство — это 100 %
follow-up-problem-duplicate = идентификатор { $value } использован дважды
follow-up-problem-own-parent = обязательство не может быть родительским для самого себя
follow-up-file-error = строка { $line }, поле { $field }: { $problem }
follow-up-unknown-consultation = строка { $line }, поле consultation: консультации { $slug } нет
follow-up-unknown-parent = обязательство { $child }: нет обязательства { $parent }, которое было бы родительским, ни в файле, ни в записи
follow-up-unknown-commitment = обязательства { $number } нет
follow-up-update-not-allowed = обязательство со статусом «{ $from }» не может стать «{ $to }»
follow-up-update-progress-back = ход выполнения не может снизиться с { $from } % до { $to } %, пока обязательство выполняется
follow-up-status-planned = запланировано
follow-up-status-in-progress = выполняется
follow-up-status-achieved = выполнено
follow-up-status-dropped = отменено
follow-up-role-lead = ведущий координатор
follow-up-role-co-facilitator = сокоординатор
follow-up-role-moderator = модератор
cli-follow-up-action-line = обязательств: { $count }; координаторы: { $facilitators }
cli-follow-up-imported = Добавлено обязательств: { $added }, обновлено: { $updated }.
cli-follow-up-updated = Обязательство { $number } обновлено.
cli-follow-up-bad-year = { $value } не является годом от 2000 до 2200
cli-follow-up-bad-role = { $value }: пишите ОРГАНИЗАЦИЯ:РОЛЬ, роль lead, co_facilitator или moderator
cli-help-consulta-follow-up = Последующая деятельность: направления, их координаторы, обязательства и ход их выполнения
cli-help-consulta-follow-up-action-lines = Перечислить направления C1–C11 с координаторами и обязательствами
cli-help-consulta-follow-up-action-lines-format = Формат вывода
cli-help-consulta-follow-up-import = Записать обязательства из CSV результатов (столбцы Decidim и Consulta): все или ни одного; известный идентификатор обновляет своё обязательство
cli-help-consulta-follow-up-import-file = CSV-файл результатов
cli-help-consulta-follow-up-import-on = День, с которого действуют статусы файла (по умолчанию: сегодня)
cli-help-consulta-follow-up-export = Записать все обязательства в CSV результатов, который читает импорт
cli-help-consulta-follow-up-export-output = Файл для записи (по умолчанию: стандартный вывод)
cli-help-consulta-follow-up-commitments = Перечислить обязательства по направлению, организации или статусу
cli-help-consulta-follow-up-commitments-action_line = Только служащие этому направлению (C1–C11)
cli-help-consulta-follow-up-commitments-entity = Только этой организации, как она названа
cli-help-consulta-follow-up-commitments-status = Только с этим статусом
cli-help-consulta-follow-up-commitments-format = Формат вывода
cli-help-consulta-follow-up-update = Обновить статус и ход выполнения обязательства с проверкой по текущему состоянию
cli-help-consulta-follow-up-update-commitment = Номер обязательства
cli-help-consulta-follow-up-update-status = Его статус: planned, in-progress, achieved или dropped
cli-help-consulta-follow-up-update-progress = Ход выполнения, в процентах
cli-help-consulta-follow-up-update-on = День, с которого он действует (по умолчанию: сегодня)
cli-help-consulta-follow-up-update-note = Почему, одной фразой
cli-help-consulta-follow-up-facilitators = Показать координаторов каждого направления по годам; заменить координаторов направления на год
cli-help-consulta-follow-up-facilitators-year = Год
cli-help-consulta-follow-up-facilitators-action_line = Направление, координаторы которого заменяются
cli-help-consulta-follow-up-facilitators-set = Организации и их роли через запятую: ITU:lead,UNESCO:co_facilitator
nav-follow-up = Последующая деятельность
action-lines-title = Направления деятельности Женевского плана действий
action-lines-intro = Одиннадцать направлений деятельности Всемирной встречи на высшем уровне по вопросам информационного общества, их координаторы и состояние служащих им обязательств.
action-line-column-line = Направление
action-line-column-facilitators-year = Координаторы в { $year } г.
action-line-facilitators = Координаторы
action-line-commitments = Обязательства
action-lines-source = Источник: Женевский план действий (WSIS-03/GENEVA/DOC/5), раздел C.
action-lines-csv = Обязательства в CSV
follow-up-no-facilitators = Для этого направления координаторы не записаны.
follow-up-no-commitments = Этому направлению пока не служит ни одно обязательство.
action-line-status-counts = Запланировано: { $planned }; выполняется: { $progress }; выполнено: { $achieved }; отменено: { $dropped }.
commitment-column-title = Обязательство
commitment-entity = Кем принято
commitment-status = Статус
commitment-progress = Ход выполнения
commitment-action-lines = Направления
commitment-dates = Сроки
commitment-indicator = Показатель
commitment-target = Цель
commitment-parent = Входит в
commitment-number = обязательство { $number }
commitment-consultation = Из консультации
commitment-timeline = Хронология
commitment-progress-chart = Ход выполнения «{ $title }» во времени, в процентах
report-follow-up-title = Прогресс в осуществлении решений Всемирной встречи на высшем уровне по вопросам информационного общества и последующей деятельности в { $year } году
report-follow-up-subtitle = Доклад секретариата
report-follow-up-section-introduction = I. Введение
report-follow-up-introduction = На конец { $year } года по направлениям Женевского плана действий было записано обязательств: { $count }; выполнено: { $achieved }, выполняется: { $progress }, запланировано: { $planned }, отменено: { $dropped }. В течение года поступили сведения о { $updates } из них.
report-follow-up-chart = Обязательства по статусу на конец { $year } года
report-follow-up-section-facilitators = II. Направления деятельности и их координаторы
report-follow-up-facilitators = В таблице ниже указаны организации, координировавшие каждое направление в { $year } году.
report-follow-up-facilitators-caption = Направления и их координаторы, { $year } год
report-follow-up-no-facilitators = За { $year } год координаторы не записаны.
report-follow-up-section-progress = III. Ход выполнения по направлениям
report-follow-up-line = { $line }: обязательств { $count }; выполнено { $achieved }, выполняется { $progress }, запланировано { $planned }, отменено { $dropped }.
report-follow-up-commitments-caption = Обязательства по направлению { $line }
report-follow-up-progress-at = Ход выполнения, конец { $year } г.
report-follow-up-section-missing = IV. Обязательства без отчётов
report-follow-up-missing = По { $count } обязательствам, запланированным или выполнявшимся на конец { $year } года, отчёты в течение года не поступили.
report-follow-up-none-missing = По всем обязательствам, запланированным или выполнявшимся на конец { $year } года, в течение года поступили отчёты.
report-follow-up-missing-caption = Обязательства без отчётов в { $year } году
report-follow-up-last-report = Последний отчёт
cli-report-needs-consultation = Укажите консультацию (--consultation SLUG) или запросите доклад о последующей деятельности за год (--kind follow-up --year ГОД).
cli-help-consulta-report-kind = Какой доклад: обобщение консультации или последующая деятельность за год
cli-help-consulta-report-year = Год доклада о последующей деятельности
report-follow-up-column-lead = Ведущие координаторы
report-follow-up-column-co-facilitators = Сокоординаторы
report-follow-up-column-moderators = Модераторы
follow-up-unknown-round = нет цикла отчётности по консультации { $slug }
follow-up-duplicate-round = консультация { $slug } уже является циклом отчётности
follow-up-unknown-entity = записанной организации { $name } нет
follow-up-standing-reported = отчёт представлен
follow-up-standing-late = просрочено
follow-up-standing-due = ожидается
follow-up-reminder-subject = Напоминание: ваш отчёт о ходе работы за { $year } год
follow-up-reminder-body = Уважаемый(ая) { $name }!

    { $entity } приглашается представить отчёт о ходе работы в { $year } году ({ $round }). Срок представления отчётов — { $deadline }. Представить отчёт можно по адресу { $link }

    Секретариат
cli-follow-up-round-opened = Цикл отчётности { $slug } открыт; приглашено организаций: { $count }.
cli-follow-up-round-summary = Отчёты представили { $reported } из { $count } приглашённых организаций; просрочено: { $late }.
cli-follow-up-reminded = Напоминаний поставлено в очередь: { $count }.
cli-help-consulta-follow-up-round = Циклы отчётности: консультация, через которую приглашённые организации представляют отчёты о ходе работы
cli-help-consulta-follow-up-round-open = Открыть цикл отчётности по консультации (её вопросы — шаблон, её закрытие — срок)
cli-help-consulta-follow-up-round-open-consultation = Краткое имя консультации
cli-help-consulta-follow-up-round-open-year = Отчётный год
cli-help-consulta-follow-up-round-open-action_lines = Направления, по которым представляется отчёт, через запятую (C2,C5)
cli-help-consulta-follow-up-round-open-invite = Записанные организации, приглашённые отчитаться, через точку с запятой
cli-help-consulta-follow-up-round-status = Показать, кто представил отчёт, кто просрочил и от кого он ожидается
cli-help-consulta-follow-up-round-status-consultation = Консультация цикла
cli-help-consulta-follow-up-round-status-format = Формат вывода
cli-help-consulta-follow-up-round-remind = Отправить напоминание координаторам приглашённых организаций, не представивших отчёт
cli-help-consulta-follow-up-round-remind-consultation = Консультация цикла
cli-help-consulta-follow-up-round-remind-public_url = Публичный адрес экземпляра, на который ссылаются напоминания
reports-due-title = Ожидаемые отчёты
reports-due-intro = Циклы отчётности, в которые приглашена организация { $entity }.
reports-due-round = Ход работы в { $year } году по направлениям { $lines }; срок представления — { $deadline }.
reports-due-reported = Ваш отчёт записан.
reports-due-receipt = Квитанция
reports-due-late = Отчёт не поступил до истечения срока.
reports-due-file = Представить отчёт о ходе работы
reports-due-status = Отчёты представили { $reported } из { $count } приглашённых организаций; просрочено: { $late }.
reports-due-none = Для вас нет циклов отчётности.
reporting-round-invitees = Приглашённые организации
reporting-round-report = Отчёт
reporting-round-contribution = вклад { $number }
reporting-round-remind = Напомнить тем, кто не представил отчёт
reporting-round-reminded = Напоминаний в очереди: { $count }.
nav-reports-due = Ожидаемые отчёты
report-follow-up-section-rounds = { $number }. Циклы отчётности
report-follow-up-round = { $round }: отчёты представили { $reported } из { $count } приглашённых организаций.
report-follow-up-round-late = До истечения срока не поступили отчёты от: { $names }.
report-follow-up-round-open = Цикл ещё открыт.
follow-up-cycle-review = В { $year } году Группу Организации Объединённых Наций по информационному обществу возглавляет { $chair }, а Комиссия по науке и технике в целях развития проводит обзорную сессию своего цикла { $start }–{ $end } годов.
follow-up-cycle-policy = В { $year } году Группу Организации Объединённых Наций по информационному обществу возглавляет { $chair }, а Комиссия по науке и технике в целях развития проводит директивную сессию своего цикла { $start }–{ $end } годов.
action-line-column-in-progress = Выполняются
action-line-column-achieved = Выполнены
follow-up-org-itu = МСЭ
follow-up-org-unesco = ЮНЕСКО
follow-up-org-undp = ПРООН
follow-up-bad-choice = { $value } не входит в список: { $allowed }
cli-help-consulta-follow-up-commitments-group = Только записанных организаций этой группы заинтересованных сторон
cli-help-consulta-follow-up-commitments-region = Только организаций этой региональной группы ООН (african, asia_pacific, eastern_european, latin_american_caribbean, weog)
cli-help-consulta-follow-up-commitments-development = Только организаций с этим уровнем развития
commitments-title = Обязательства и ход их выполнения
commitments-filter-group = Группа заинтересованных сторон
commitments-filter-region = Региональная группа
commitments-filter-development = Уровень развития
commitments-filter-any = Любые
commitments-count = Показано обязательств: { $count }
action-lines-all-commitments = Все обязательства по группам заинтересованных сторон, регионам или уровню развития
number-group-separator = { "\u00A0" }
forum-title = Форум проектов и финансирования
forum-intro = Заинтересованные стороны публикуют проекты, которым нужно финансирование, и предлагаемые источники финансирования (Тунисская программа, пункт 27 g). Каждый проект сопоставляется с источниками, чьим направлениям, месту и условиям он отвечает, с указанием причин. Читать может любой; публиковать и отвечать могут координаторы проверенных организаций.
forum-new-project = Опубликовать проект
forum-new-funding = Опубликовать источник финансирования
forum-sign-in-to-post = Координаторы проверенных организаций входят в систему, чтобы публиковать и отвечать.
forum-count = Публикации: { $count }
forum-answers = Вопросы и ответы: { $count }
forum-matches = Совпадения: { $count }
forum-open-data = Открытые данные (JSON)
forum-empty = На форуме пока ничего не опубликовано.
forum-kind-project = Проект
forum-kind-funding = Источник финансирования
forum-posted-by = Опубликовано
forum-grants = Гранты
forum-matches-funding = Источники финансирования, условиям которых отвечает проект
forum-matches-projects = Проекты, отвечающие условиям этого источника
forum-no-matches = Пока нет.
forum-thread = Вопросы и ответы
forum-no-answers = Вопросов пока не задано.
forum-reply-label = Ваш вопрос или ответ
forum-reply-for = Публикуется от имени: { $entity }.
forum-reply-submit = Опубликовать
forum-moderation = Модерация
forum-hide-reason = Причина, показываемая вместо текста
forum-hide-item = Скрыть эту публикацию
forum-hide-answer = Скрыть
forum-show-again = Показать снова
forum-hidden-because = Скрыто секретариатом: { $reason }
forum-hidden-title = Публикация скрыта секретариатом
forum-posting-for = Публикуется от имени { $entity } с датой и доступно всем. Суммы указываются в целых долларах США.
forum-field-kind = Вид
forum-field-title = Название
forum-field-description = Описание
forum-field-need = Потребность: что делает проект, для кого и что оплатит финансирование
forum-field-scope = Охват: что финансируется и как подать заявку
forum-field-action-lines = Направления деятельности
forum-field-countries = Страны осуществления
forum-field-covered-countries = Охватываемые страны (если названы)
forum-field-country = Страна (код)
forum-field-regions = Охватываемые региональные группы
forum-field-development = Открыто для стран со статусом развития
forum-field-groups = Открыто для групп заинтересованных сторон
forum-field-budget = Бюджет (доллары США)
forum-field-amount-min = Минимальный грант (доллары США)
forum-field-amount-max = Максимальный грант (доллары США)
forum-field-deadline = Заявки принимаются до
forum-field-funder = Финансирующая сторона
forum-field-contact = Контакт
forum-countries-hint = Коды ISO через запятую, например KE, UG
forum-amount-hint = Целое число, например 150000 или 150 000
forum-eligibility-hint = Оставьте список без отметок, чтобы открыть для всех.
forum-contact-hint = Публикуется как есть: адрес организации, а не личный.
forum-post-submit = Опубликовать на форуме
forum-field-error = { $field }: { $problem }
forum-problem-missing = обязательное поле
forum-problem-too-long = длиннее { $count } символов
forum-problem-too-many = названо больше { $count }
forum-problem-kind = { $value } — не project и не funding
forum-problem-country = { $value } не является кодом страны
forum-problem-region = { $value } не является региональной группой ООН
forum-problem-development = { $value } не является статусом развития (ldc, developing, developed)
forum-problem-group = { $value } не является группой заинтересованных сторон этого сайта
forum-problem-amount = { $value } не является целым числом долларов
forum-problem-min-above-max = минимальный грант больше максимального
forum-problem-funding-only = это поле есть только у источника финансирования
forum-problem-project-only = это поле есть только у проекта
forum-not-verified = Публиковать на форуме может только координатор проверенной организации.
forum-unknown-item = На форуме нет публикации { $number }.
forum-unknown-reply = Под публикацией { $item } нет ответа { $number }.
forum-no-reason = Укажите причину: она будет показана вместо текста.
forum-reason-action-lines = Общие направления: { $codes }
forum-reason-country = Охватываемая страна: { $country }
forum-reason-region = Охватываемая региональная группа: { $region } ({ $country })
forum-reason-anywhere = Охватываемые страны: все
forum-reason-development = Открыто для: { $status } ({ $country })
forum-reason-group = Открыто для: { $group }
forum-reason-budget = Бюджет { $budget }; гранты { $range }
forum-reason-deadline = Заявки до { $date }
forum-dollars = { $amount } долл. США
forum-range = от { $min } до { $max }
forum-range-from = от { $min }
forum-range-up-to = до { $max }
forum-file-too-large = файл больше { $size }
forum-file-error = строка { $line }: { $problem }
cli-forum-posted = Публикация { $number } размещена на форуме.
cli-forum-hidden = Скрыто (публикация { $number }).
cli-forum-restored = Снова показано (публикация { $number }).
cli-help-consulta-forum = Форум проектов и финансирования: чтение, публикация от имени организации, модерация
cli-help-consulta-forum-list = Перечислить публикации с их совпадениями
cli-help-consulta-forum-list-kind = Только проекты или только источники финансирования
cli-help-consulta-forum-list-action_line = Только относящиеся к этому направлению (C1–C11)
cli-help-consulta-forum-list-country = Только называющие эту страну (код ISO)
cli-help-consulta-forum-list-hidden = Публикации, скрытые секретариатом, с причинами
cli-help-consulta-forum-list-format = Формат вывода
cli-help-consulta-forum-show = Показать публикацию: поля, совпадения с причинами, обсуждение
cli-help-consulta-forum-show-item = Номер публикации
cli-help-consulta-forum-show-format = Формат вывода
cli-help-consulta-forum-post = Опубликовать проект или источник финансирования от имени зарегистрированной организации из JSON-файла полей
cli-help-consulta-forum-post-entity = Зарегистрированная организация, от имени которой публикуется
cli-help-consulta-forum-post-file = Объект JSON: kind, title, description, action_lines, countries, budget (для проекта); regions, development, groups, amount_min, amount_max, deadline, funder (для источника); contact
cli-help-consulta-forum-hide = Скрыть публикацию или ответ, показав причину вместо текста
cli-help-consulta-forum-hide-item = Номер публикации
cli-help-consulta-forum-hide-answer = Номер ответа вместо публикации
cli-help-consulta-forum-hide-reason = Причина, показываемая вместо текста
cli-help-consulta-forum-restore = Снова показать скрытую публикацию или ответ
cli-help-consulta-forum-restore-item = Номер публикации
cli-help-consulta-forum-restore-answer = Номер ответа вместо публикации
action-lines-forum = Проекты, которым нужно финансирование, и предлагаемые источники — на форуме проектов и финансирования.
report-follow-up-section-forum = { $number }. Форум проектов и финансирования
report-follow-up-forum = Опубликовано на форуме проектов и финансирования в { $year } году: проектов — { $projects }; источников финансирования — { $funding }. Проектов, отвечающих хотя бы одному источнику на дату настоящего доклада: { $matched }.
report-follow-up-forum-caption = Проекты, опубликованные в { $year } году, и источники финансирования, которым отвечает каждый
cli-help-consulta-follow-up-round-open-lists = Пригласить также организации этого списка аккредитации, у которых есть контакт, как это делает кампания приглашений (можно повторять)
cli-help-consulta-follow-up-round-open-groups = Пригласить также организации этой группы заинтересованных сторон, у которых есть контакт (можно повторять)
cli-help-consulta-follow-up-round-open-regions = Пригласить также организации этой региональной группы ООН, у которых есть контакт (можно повторять)
cli-help-consulta-follow-up-round-open-countries = Пригласить также организации этой страны (код ISO), у которых есть контакт (можно повторять)
cli-help-consulta-follow-up-round-open-public_url = Со списком, группой, регионом или страной: отправить каждому выбранному контакту приглашение кампании со ссылкой на этот публичный адрес
commitments-filter-issue = Вопрос
commitment-issues = Рассматриваемые вопросы
commitment-draft = Из проекта
commitment-contribution = Из вклада
follow-up-unknown-reference = строка { $line }, поле { $field }: { $value } нет в записи
follow-up-problem-issue = { $value } не является идентификатором вопроса (строчные буквы, цифры и _)
follow-up-problem-contribution = { $value } не является номером вклада
cli-help-consulta-follow-up-commitments-issue = Только относящиеся к этому вопросу таксономии (его идентификатор)
reports-due-informs = { $session ->
        [review] Эти доклады используются на обзорной сессии Комиссии в { $year } году (цикл { $start }–{ $end }).
       *[policy] Эти доклады используются на сессии Комиссии по вопросам политики в { $year } году (цикл { $start }–{ $end }).
    }
api-key-missing = Для этого запроса нужен ключ API: Authorization: Bearer и ключ, выданный секретариатом.
api-key-unknown = Этот ключ API выдан не этим сайтом.
api-key-revoked = Этот ключ API отозван секретариатом.
api-key-other-consultation = Этот ключ API предназначен для другой консультации.
bulk-too-large = Пакет больше { $size }: отправьте его несколькими запросами.
bulk-too-many-lines = В пакете больше строк, чем разрешено ({ $count }): отправьте его несколькими запросами.
bulk-empty = В пакете нет строк: отправляйте по одному вкладу в строке, в JSON.
bulk-line-too-long = Строка длиннее { $size }.
bulk-line-not-json = Строка не является вкладом в формате JSON: { $detail }
bulk-allowance = Этот ключ может отправлять { $allowance } вкладов в час; отправлено за последний час: { $sent }; в этом пакете: { $count }. Повторите позже.
cli-api-key-none = Ключа API { $number } в использовании нет.
cli-api-key-revoked = Ключ API { $number } отозван.
cli-api-key-bad-label = Дайте ключу метку длиной от 1 до 200 символов.
cli-api-key-bad-allowance = Часовой лимит должен быть не меньше 1.
cli-api-key-issued = Ключ API { $number } выдан { $entity } для { $slug }. Он показывается один раз: храните его надёжно.
cli-api-key-state-in-use = действует
cli-api-key-state-revoked = отозван { $date }
cli-help-consulta-api-key = Ключи API массового канала: выдать ключ организации для консультации, перечислить, отозвать
cli-help-consulta-api-key-issue = Выдать ключ API (выводится один раз, хранится только его хеш)
cli-help-consulta-api-key-issue-consultation = Консультация, в которую ключ может отправлять
cli-help-consulta-api-key-issue-entity = Зарегистрированная организация, которой выдаётся ключ
cli-help-consulta-api-key-issue-label = Назначение ключа, чтобы секретариат его узнал
cli-help-consulta-api-key-issue-lines_per_hour = Сколько вкладов ключ может отправлять в час
cli-help-consulta-api-key-list = Перечислить выданные ключи, действующие и отозванные
cli-help-consulta-api-key-revoke = Отозвать ключ: после этого он отклоняется
cli-help-consulta-api-key-revoke-key = Номер ключа
submit-busy = Сейчас сайт получает очень много вкладов: ваш вклад не записан. Отправьте его снова через несколько секунд; ничего из введённого не потеряно.
example-banner-forum = Пример данных. Эта публикация, её автор и обсуждение вымышлены для демонстрации; это не слова какого-либо реального правительства или организации.
api-keys-title = Ключи API массового канала
api-keys-intro = Организация, передающая много вкладов, отправляет их одним запросом, по одному объекту JSON в строке, с ключом, выданным здесь для одной консультации. Ключ показывается один раз, при выдаче; сайт хранит только его отпечаток.
api-keys-issued = Ключ API { $number } выдан. Скопируйте его сейчас и передайте организации: он больше не будет показан.
api-keys-number = Ключ
api-keys-entity = Организация
api-keys-entity-hint = Зарегистрированная организация, как она названа в записи
api-keys-label = Назначение
api-keys-allowance = Вкладов в час
api-keys-state = Состояние
api-keys-revoke = Отозвать ключ { $number }
api-keys-none = Ключи не выдавались.
api-keys-issue = Выдать ключ
