## Consulta — 中文消息。en.ftl 中的每个键在此也都存在（由测试检查）。

test-greeting = 您好，{ $name }

## Stakeholder groups, channels, regional groups, development status

group-government = 各国政府
group-international_organization = 国际组织
group-civil_society = 民间社会
group-private_sector = 私营部门
group-academic = 学术界
group-technical = 技术界
channel-written = 书面意见
channel-presentation = 会议上的陈述
channel-intervention = 公开辩论中的发言
channel-written-short = 书面
channel-presentation-short = 陈述
channel-intervention-short = 发言
region-african = 非洲国家
region-asia_pacific = 亚洲-太平洋国家
region-eastern_european = 东欧国家
region-latin_american_caribbean = 拉丁美洲和加勒比国家
region-weog = 西欧和其他国家
development-ldc = 最不发达国家
development-developing = 发展中国家
development-developed = 发达国家
status-upcoming = 尚未开放
status-open = 正在征集意见
status-closed = 已结束

## The distribution table

table-caption = 所收到意见的分布
table-group = 利益攸关方群体
table-total = 共计
table-unverified = 身份未经核实（未计入上表）
table-withheld-note = 未计入暂不公布的 { $count } 份意见。
table-empty = 尚未收到任何意见。

## Import of contribution files

import-row-field-error = 第 { $line } 行，{ $field } 列：{ $problem }
import-row-error = 第 { $line } 行：{ $problem }
import-missing = 此字段为必填项，但为空
import-not-utf8 = 文本不是有效的 UTF-8（请将文件另存为“CSV UTF-8”）
import-field-count = 该行有 { $found } 个字段，而标题行有 { $expected } 个
import-entity-name-too-long = 实体名称超过 { $max } 个字符
import-entity-name-control = 实体名称含有控制字符（例如换行符或制表符）
import-country-required = 政府须注明其国家：请从列表中选择
import-unknown-group = 未知的利益攸关方群体“{ $value }”（应为以下之一：{ $known }）
import-unknown-country = 未知的国家代码“{ $value }”（应为 ISO 3166-1 代码，如 FR 或 FRA;国际实体则留空）
import-unknown-channel = 未知的渠道“{ $value }”（应为 written、presentation 或 intervention）
import-bad-date = “{ $value }”不是日期（应为 RFC 3339 格式，如 2010-12-14T15:00:00Z,或日期，如 2010-12-14）
import-outside-period = { $value } 不在磋商期限内（如要记录这些行并标为逾期，请使用 --accept-late 导入）
import-bad-language = “{ $value }”不是语言标记（应为 BCP 47 标记，如 en、fr 或 es-419）
import-title-too-long = 标题超过 { $max } 个字符
import-control-character = 第 { $at } 个字符处含有不可见的控制字符（{ $code }）：请删除
import-body-too-large = 文本超过 { $max } 字节
import-meeting-required = “{ $channel }”类意见是在会议上提出的：请注明会议日期
import-unknown-meeting = 本次磋商在“{ $value }”没有会议（其会议：{ $known }）
import-no-meetings = 本次磋商在“{ $value }”没有会议（尚无任何会议：请用“consulta meeting add”添加）
import-entity-group-conflict = “{ $entity }”登记在“{ $recorded }”群体中
import-entity-country-conflict = “{ $entity }”登记的国家为 { $recorded }
import-entity-no-country = “{ $entity }”登记时没有国家
import-file-empty = 文件为空（应有标题行：{ $expected }）
import-file-no-rows = 文件有标题行，但没有任何意见
import-file-missing-columns = 标题行缺少以下列：{ $columns }（应为：{ $expected }）
import-file-unknown-columns = 标题行有未知的列 { $columns }（应为：{ $expected }，可选 on_behalf_of）
import-file-duplicate-column = 标题行两次列出 { $column } 列
import-file-unreadable = 第 { $line } 行：无法按 CSV 读取该文件（{ $reason }）

## Command line

cli-consultation-created = 已创建磋商 { $slug }：{ $status }，自 { $opens } 至 { $closes }（{ $zone }）。
cli-meeting-added = 已为 { $slug } 添加 { $date } 在 { $place } 举行的会议。
cli-imported = 已向 { $slug } 导入 { $contributions } 份意见（新实体 { $entities } 个，逾期 { $late } 份）。
cli-import-refused = { $file }：未导入任何内容。请更正以下各行后重新导入该文件：
cli-import-more-errors = …… 另有 { $count } 处。
cli-import-file-refused = { $file }：未导入任何内容：{ $problem }
cli-import-progress = 正在导入
cli-unknown-consultation = 没有名为“{ $slug }”的磋商。{ $known }
cli-known-consultations = 现有磋商：{ $list }。
cli-no-consultations = 尚无任何磋商：请用“consulta consultation create”创建。
cli-serving = Consulta 正在提供服务：{ $url }
cli-demo-loading = 正在将演示磋商加载到 { $path } ……
role-secretariat = 秘书处
role-focal_point = 联络人
demo-accounts-title = 演示账户
demo-accounts-intro = 仅限本演示：这些账户及其密码存在于演示的临时数据库中，任何打开演示的人都能看到。以秘书处身份登录，可为意见加标签、暂不公布某份意见、邀请联络人和撰写报告；以联络人身份登录，可代表一个虚构国家提交意见。
demo-accounts-sign-in = 使用其中一个账户登录
cli-demo-account = { $role }：{ $email }，密码 { $password }
cli-demo-accounts = 演示账户（仅限本演示；也显示在其首页上）：
cli-demo-loaded = 已加载 { $count } 份示例意见。
cli-error = 错误
cli-consultation-line = { $slug }  { $status }  { $opens } – { $closes }  { $title }

## Web pages

site-name = Consulta
site-tagline = 开放的多利益攸关方磋商
skip-link = 跳至正文
language-switch = 语言
example-banner = 示例数据。本磋商中的实体和文本均为演示而编造，并非任何真实政府或组织的言论。
example-label = 示例
consultations-title = 磋商
consultations-intro = 向各国政府、国际组织、民间社会、私营部门以及学术界和技术界征集意见。
consultations-empty = 尚无任何磋商。
consultation-mandate = 任务授权
consultation-period = 期限
consultation-period-value = 自 { $opens } 至 { $closes }（{ $zone }）
consultation-status = 状态
consultation-questions = 指导性问题
consultation-meetings = 会议
consultation-meeting-line = { $date }，{ $place }
consultation-contributions = 意见
consultation-table-link = 分布表
filter-legend = 显示意见
filter-group = 利益攸关方群体
filter-channel = 渠道
filter-all = 全部
filter-apply = 显示
contributions-count = { $total ->
    [0] 没有符合条件的意见。
   *[other] 共 { $total } 份意见；显示第 { $from } 至 { $to } 份。
  }
contributions-column-date = 收到日期
contributions-column-title = 标题
contributions-column-entity = 实体
page-previous = 上一页
page-next = 下一页
pagination = 页码
contribution-entity = 实体
contribution-group = 利益攸关方群体
contribution-channel = 渠道
contribution-meeting = 会议
contribution-submitted = 收到日期
contribution-language = 语言
contribution-on-behalf-of = 代表
contribution-late = 在磋商期限外收到
contribution-consultation = 磋商
contribution-text = 文本
entity-group = 利益攸关方群体
entity-country = 国家
entity-no-country = 无（国际实体）
entity-regional-group = 联合国区域组
entity-development = 发展状况
entity-contributions = 意见
entity-none = —
error-not-found-title = 找不到页面
error-not-found = 此地址没有内容。地址可能输入有误，或该项不存在。
error-bad-request-title = 无法理解的请求
error-bad-request = 地址中含有 Consulta 无法读取的值：{ $detail }
error-server-title = 出现错误
error-server = 由于自身错误，Consulta 无法显示此页面。错误已记录；请稍后再试。
back-home = 返回磋商列表
footer-record = 收到的每一份意见都是公开记录的一部分。
footer-software = Consulta,用于公众磋商的开源软件。

## Dates

date-long = { $year }年{ $month }{ $day }日
date-time = { $date } { $time }
month-1 = 1月
month-2 = 2月
month-3 = 3月
month-4 = 4月
month-5 = 5月
month-6 = 6月
month-7 = 7月
month-8 = 8月
month-9 = 9月
month-10 = 10月
month-11 = 11月
month-12 = 12月

## Language names, each in its own language

language-name-en = English
language-name-fr = Français

## Consultation list

consultation-contribution-total = { $total ->
    [0] 尚无意见
   *[other] { $total } 份意见
  }

## Command-line help (cli-help-<command path>[-<argument>])

cli-help-consulta = Consulta:开放的多利益攸关方磋商，从征集意见到记录及其表格。
cli-help-consulta-db = 数据库：SQLite 文件，不存在时自动创建（也可写作 sqlite:///路径）；或 PostgreSQL 数据库 postgres://用户:密码@主机:端口/名称，可由多台服务器共享
cli-help-consulta-config = TOML 格式的设置文件，每行一项设置，名称与其选项相同（db = "consulta.db", public-url = "https://…", max-files = 10）。选项或其 CONSULTA_* 变量优先于文件，文件优先于默认值
cli-help-consulta-consultation = 创建和列出磋商
cli-help-consulta-consultation-create = 创建磋商：附有任务授权和期限的意见征集
cli-help-consulta-consultation-create-slug = 用于地址和命令的简称（小写字母、数字、'-'）
cli-help-consulta-consultation-create-title = 标题，使用 --lang 指定的语言
cli-help-consulta-consultation-create-opens = 开始日期（2010-09-01）或该时区的日期和时间（2010-09-01T09:00）
cli-help-consulta-consultation-create-closes = 截止日期（含当日全天）或该时区的日期和时间
cli-help-consulta-consultation-create-mandate = 要求进行磋商的决定（例如 "经社理事会第 2010/2 号决议"）
cli-help-consulta-consultation-create-description = 说明，使用 --lang 指定的语言
cli-help-consulta-consultation-create-questions = 一个指导性问题；可重复使用以给出多个
cli-help-consulta-consultation-create-lang = 所给文本的语言（BCP 47 标记：en、fr、es……）
cli-help-consulta-consultation-create-time_zone = 日期所用时区（IANA 名称：UTC、Europe/Zurich、America/New_York）
cli-help-consulta-consultation-list = 列出磋商
cli-help-consulta-meeting = 管理磋商的会议
cli-help-consulta-meeting-add = 添加会议（在会上进行陈述和发言）
cli-help-consulta-meeting-add-consultation = 磋商的简称
cli-help-consulta-meeting-add-date = 会议日期（2010-12-14）
cli-help-consulta-meeting-add-place = 会议地点
cli-help-consulta-import = 向记录导入数据
cli-help-consulta-import-contributions = 从 CSV 文件导入意见（列：entity,stakeholder_group,country,channel,submitted_at,language,title,body,meeting）；全部导入或全部不导入
cli-help-consulta-import-contributions-file = CSV 文件（UTF-8,带或不带 BOM），或用 - 表示标准输入
cli-help-consulta-import-contributions-consultation = 磋商的简称
cli-help-consulta-import-contributions-accept_late = 将日期在磋商期限外的行标为逾期并予以记录，而不是拒绝整个文件
cli-help-consulta-table = 打印按利益攸关方群体和渠道分列的意见分布
cli-help-consulta-table-consultation = 磋商的简称
cli-help-consulta-table-format = 输出格式
cli-help-consulta-table-lang = 标签语言（默认：取自环境）
cli-help-consulta-report = 撰写磋商的综合报告草稿（编号段落、表格、问题、机制和空白、图表、意见提交者附件）
cli-help-consulta-report-consultation = 磋商的简称
cli-help-consulta-report-lang = 报告语言（默认：取自环境）
cli-help-consulta-report-format = 文件格式：html、md（Markdown）、docx（Word，可在 LibreOffice 中打开）或 pdf
cli-help-consulta-report-output = 写入此文件，而不是标准输出
cli-help-consulta-report-public_url = 公开网站的地址，用于指向意见的链接（CONSULTA_PUBLIC_URL）；未设置时，意见只列名称而不加链接
cli-report-annex = 意见提交者名单篇幅过长，未列入报告，已写入 { $path }。
cli-help-consulta-load-demo = 将演示磋商加载到 --db 指定的数据库（应为新数据库），以便在其上试用其他命令
cli-help-consulta-backup = 在不停止服务的情况下，将实例（数据库和附件）备份到一个新目录
cli-help-consulta-backup-directory = 要创建的目录
cli-help-consulta-restore = 将备份恢复为新实例（--db 为新的 SQLite 文件或空的 PostgreSQL 数据库；--files 必须尚不存在），然后对照日志核查每份意见
cli-help-consulta-restore-directory = 备份所在目录
cli-backup-exists = { $path } 已存在：备份须写入新目录。
cli-backup-done = 已备份到 { $path }：意见 { $contributions } 份，附件 { $attachments } 个，日志根 { $root }。
cli-restore-format = 这不是 Consulta 能够读取的 Consulta 备份（格式 { $format }）。
cli-restore-exists = { $path } 已存在：恢复总是创建新实例，绝不覆盖已有实例。
cli-restore-root = 恢复后的日志根为 { $found }，而备份记录的是 { $expected }。
cli-restore-failed = 恢复后的记录未通过核查：
cli-restore-done = 已恢复到 { $path }：{ $contributions } 份意见，每份都在日志中；根 { $root }，与备份一致。
cli-help-consulta-check = 对照公开日志核查每份意见：每份一个叶节点，记录未经改动，其证明通向根
cli-check-failed = 记录未通过核查：
cli-check-done = 已核查 { $contributions } 份意见{ $statements ->
    [0] {""}
   *[other] 和 { $statements } 条付诸表决的陈述
}{ $amendments ->
    [0] {""}
   *[other] 和 { $amendments } 项草案修正
}:每一项都在日志中，未经改动。根 { $root }。根据记录重建的树与{ $heads ->
    [0] 任何签名树头都不相符（在 { $journal } 没有日记）
    [one] { $journal } 唯一的签名树头相符
   *[other] { $journal } 的全部 { $heads } 个签名树头相符
}。
cli-help-consulta-serve = 提供公开页面和 API 服务
cli-help-consulta-serve-addr = 监听地址（端口 0 表示选用空闲端口）
cli-help-consulta-demo = 将演示磋商加载到新的临时数据库并提供服务
cli-help-consulta-demo-addr = 监听地址（端口 0 表示选用空闲端口）

## Command line: the words of --help that clap would write in English
cli-usage = 用法：
cli-options = 选项
cli-arguments = 参数
cli-commands = 命令
cli-help-flag = 显示本帮助
cli-version-flag = 显示版本
cli-possible-values = 可选值：{ $values }
cli-default-value = 默认：{ $value }
cli-env-variable = 变量：{ $name }

## Command line: translations and databases

cli-consultation-translated = 磋商 { $slug } 的文本现有以下语言：{ $languages }。
cli-no-database = { $path } 处没有数据库。请先创建磋商（consulta consultation create），或用 --db 或 CONSULTA_DB 给出正确路径。
cli-help-consulta-consultation-translate = 用另一种语言添加磋商的标题、说明和指导性问题
cli-help-consulta-consultation-translate-consultation = 磋商的简称
cli-help-consulta-consultation-translate-lang = 所给文本的语言（BCP 47 标记：fr、es、ar……）
cli-help-consulta-consultation-translate-title = 该语言的标题
cli-help-consulta-consultation-translate-description = 该语言的说明
cli-help-consulta-consultation-translate-questions = 该语言的各个指导性问题，按顺序；每个问题重复一次
cli-help-consulta-consultation-translate-mandate = 该语言的任务授权

## Submissions (web form and API)

import-bad-email = “{ $value }”不是电子邮件地址
submit-field-problem = { $field }：{ $problem }。
submit-field-entity = 实体名称
submit-field-stakeholder_group = 利益攸关方群体
submit-field-country = 国家
submit-field-email = 联系电子邮件
submit-field-language = 语言
submit-field-title = 标题
submit-field-body = 文本
submit-field-files = 附件
submit-too-many-files = 一份意见最多可附 { $max } 个文件。
submit-file-too-large = 文件“{ $name }”超过 { $max }，即单个文件的上限。
submit-bad-file-name = 无法使用文件名“{ $name }”。
submit-not-open = 本磋商尚未开始征集意见。
submit-closed = 本磋商已结束，不再接受意见。
submit-idempotency-conflict = 此 Idempotency-Key 已用于另一次提交。
submit-bad-idempotency-key = Idempotency-Key 标头必须为 1 至 200 个可见 ASCII 字符。
submit-malformed = 无法将请求读取为 multipart 表单：{ $detail }
submit-unknown-field = 请求中有 Consulta 不认识的字段：{ $field }
submit-too-large = 请求超过 Consulta 可接受的大小（最多 { $max }）。
submit-field-too-large = 字段“{ $field }”超过 { $max }，超出其容量。
cli-help-consulta-files = 附件的存放位置：一个目录（默认在数据库旁，以数据库名加 "-files" 命名），或兼容 S3 的存储桶 s3://bucket/prefix?endpoint=https://…&region=…（凭据取自 AWS_ACCESS_KEY_ID 和 AWS_SECRET_ACCESS_KEY）
cli-help-consulta-verify = 对照运行中的实例核查回执：该意见是否仍在公开记录中且未经改动？
cli-help-consulta-verify-receipt = 回执（JSON,即实例出具的原样）
cli-help-consulta-verify-server = 实例的地址（例如 https://consultations.example.org）

## Receipts checked with `consulta verify`

verify-ok = 意见 { $id } 在公开记录中，未经改动：其记录的哈希值仍为 { $sha256 }，是公开日志的第 { $entry } 条；该日志已从 { $old } 条增至 { $new } 条，先前的条目均未改动。
verify-withheld = 意见 { $id } 仍在公开日志中，未经改动（{ $new } 条中的第 { $entry } 条），但秘书处暂不公布其文本：{ $reason }
verify-receipt-invalid = 回执前后不一致（{ $detail }）：可能已被篡改。
verify-key-changed = 实例所用的签名密钥与回执中的不同：无法将其日志与回执比对。
verify-bad-signature = 实例的树头签名无效。
verify-log-rewritten = 实例的日志并非出具回执时那份日志的延续：有条目被改动或删除。
verify-not-included = 实例的日志中已不再有这份意见的条目。
verify-record-changed = 意见 { $id } 的公开记录已不是出具回执时的记录：它已被改动。

## The contribution form and receipts

form-title = 提交意见
form-intro = 在磋商开放期间，可随时以任何形式提交书面意见。您将收到一份回执，任何人都可凭此随时核查公开记录中您的意见是否仍完好无改。
form-unverified = 通过本表提交的意见标为“身份未经核实”。
form-errors = 意见未能提交。请更正以下各项：
form-files-kept = 您发送的 { $count } 个文件已保留在下方，无需重新选择。
form-kept-legend = 已收到的文件
form-kept-hint = 保留 30 分钟，将随意见一并提交；取消勾选即可将其排除。
submit-kept-files-expired = 您上次尝试时保留的一个文件已过期（文件保留 30 分钟）：请重新选择。
form-entity-hint = 您代表其提交意见的政府或组织。
form-email-hint = 仅供秘书处使用；绝不公布。
form-choose = 请选择……
form-country-none = 国际机构（无国家）
form-country-hint = 必填。政府和国家机构选择其国家；只有本身没有国家的机构才选择“国际机构”。
form-files-hint = 可选：最多 { $max } 个文件，每个不超过 { $size }，格式不限（PDF、Word、OpenDocument、文本、图像……）。
form-submit = 提交意见
acknowledgement-subject = 意见 { $id } 已记录：{ $title }
acknowledgement-body =
    您对“{ $consultation }”提交的意见已记入公开记录。

    意见：{ $id }
    标题：{ $title }
    代表：{ $entity }
    收到时间：{ $received }

    回执已附上（{ $file }），也可随时在 { $link } 查阅
    请妥善保存：凭此回执，任何人日后都可核查公开记录中您的意见是否仍完好无改。

    此地址绝不公布。如果这份意见并非您所提交，请回复本邮件告知秘书处。
receipt-title = 意见 { $id } 的回执
receipt-recorded = 您的意见已记录。
receipt-intro = 本回执说明收到的内容及其在公开日志中的位置。请妥善保存：凭此回执，任何人都可核查公开记录中的这份意见是否仍完好无改。
receipt-id = 意见
receipt-received = 收到时间
receipt-contribution-title = 标题
receipt-entity = 代表
receipt-consultation = 磋商
receipt-sha256 = 记录的 SHA-256
receipt-log = 在公开日志中的位置
receipt-log-value = 共 { $size } 条的日志中的第 { $entry } 条，其根为
receipt-key = 日志签名密钥
receipt-download = 下载回执（JSON）
receipt-verify = 日后随时核查：
contribution-identity = 身份
identity-recorded = 由秘书处记录
identity-unverified = 身份未经核实
identity-verified = 已核实
contribution-record = 公开记录
contribution-receipt-link = 回执及在公开日志中的位置
contribution-withheld = 秘书处暂不公布这份意见：{ $reason }。它在公开日志中的条目仍然保留，因此记录仍可核查。
contribution-files = 附件
language-name-es = Español
language-name-ru = Русский
language-name-ar = العربية
language-name-zh = 中文
language-name-pt = Português
language-name-de = Deutsch

## Withholding

contribution-withheld-title = 暂不公布的意见
cli-withheld = 意见 { $id } 暂不公布；它在公开日志中的条目仍然保留。
cli-published = 意见 { $id } 已重新公布。
cli-unknown-contribution = 没有编号为 { $id } 的意见。
cli-help-consulta-report-details = 以 JSON 显示报告的详细信息（文号、机关、届会和议程项目、摘要、结论），或从同样格式的 JSON 文件设置这些信息
cli-help-consulta-report-details-consultation = 磋商的简称
cli-help-consulta-report-details-set = 含待设置详细信息的 JSON 文件（经过检查并记入审计），格式与该命令的输出相同
cli-details-too-large = { $file } 超过 { $max } 字节：未作任何更改。
cli-details-unreadable = { $file }，第 { $line } 行第 { $column } 列：不是详细信息的 JSON（{ $reason }）；未作任何更改。
cli-details-refused = { $file }：{ $reason }；未作任何更改。
cli-details-set = { $consultation } 报告的详细信息已设置。
cli-help-consulta-tags = 意见所标注的问题
cli-help-consulta-tags-evaluate = 问题分类器的建议与所给标签的吻合程度：精确率、召回率和校准；每份已标注意见都由未从其学习的分类器评分
cli-tags-evaluation = 以 { $documents } 份已标注意见训练；对 { $scored } 个留出的（意见，问题）对评分。
    概率在 { $threshold }% 或以上的建议：{ $suggested } 个，其中正确 { $right } 个：精确率 { $precision }%。
    所给标签：{ $tags } 个，其中被建议 { $right } 个：召回率 { $recall }%。
cli-tags-not-calibrated = 已标注意见太少，无法校准：所示百分比为分类器的原始值。
cli-tags-bins = 校准（所述概率、对数、所述平均值、正确比例）：
cli-help-consulta-contribution = 管理已记录的意见
cli-help-consulta-contribution-withhold = 暂不公布某份意见（个人数据、滥用……）并说明理由；其在公开日志中的条目仍保留
cli-help-consulta-contribution-withhold-id = 意见编号
cli-help-consulta-contribution-withhold-reason = 暂不公布的理由：显示在其公开页面上
cli-help-consulta-contribution-publish = 重新公布暂不公布的意见
cli-help-consulta-contribution-publish-id = 意见编号
cli-help-consulta-serve-max_files = 一份意见最多可带的文件数
cli-help-consulta-serve-max_file_mib = 单个附件的最大大小（MiB）
cli-help-consulta-demo-max_files = 一份意见最多可带的文件数
cli-help-consulta-demo-max_file_mib = 单个附件的最大大小（MiB）

## Sizes

number-decimal-separator = .
size-bytes = { $n } B
size-kib = { $n } KiB
size-mib = { $n } MiB
verify-unreachable = 无法对照 { $server } 核查：{ $detail }

## Consultation definitions

draft-slug = “{ $value }”不是有效简称（1 至 80 个小写字母、数字和 '-',以字母或数字开头）
draft-language = “{ $value }”不是语言标记（应为 BCP 47 标记，如 en、fr 或 es-419）
draft-empty-title = 标题为空
draft-time-zone = “{ $value }”不是时区（应为 IANA 名称，如 UTC、Europe/Zurich 或 America/New_York;最接近的名称：{ $nearest }）
draft-date = “{ $value }”不是日期（2010-09-01），也不是日期和时间（2010-09-01T09:00）
draft-empty-period = 磋商的结束时间会早于开始时间
draft-question-count = 该磋商有 { $count } 个指导性问题：请按顺序逐一给出译文
cli-duplicate-slug = 已有名为“{ $slug }”的磋商。
cli-duplicate-meeting = 该磋商在 { $date } 已有会议。

## Search (the public archive)
nav-label = 栏目
nav-consultations = 磋商
nav-search = 搜索
search-title = 搜索记录
search-title-query = “{ $query }”:搜索记录
search-label = 要搜索的词语，任何语言均可
search-submit = 搜索
search-help = 每个词都须出现（任何词形均可：“cooperate”可找到“cooperation”）。将短语放在"引号"中；在词前加减号可将其排除：-spam。
search-sort = 排序
search-sort-relevance = 最相关的在前
search-sort-newest = 最新的在前
search-sort-oldest = 最早的在前
search-filters = 缩小结果范围
search-filter = { $facet }：{ $value }
search-remove = 移除此筛选条件
search-count = { $total ->
    [0] 没有符合条件的已公布意见。
   *[other] 找到 { $total } 份意见；显示第 { $from } 至 { $to } 份。
  }
search-collapse = 每个群发活动只显示一次
search-similar = 及其所属群发活动中的 { $count } 份类似意见
search-none = 请尝试减少词语、换用其他词语或移除筛选条件。秘书处暂不公布的意见不在搜索范围内。
search-facet-consultation = 磋商
search-facet-group = 利益攸关方群体
search-facet-channel = 渠道
search-facet-country = 国家
search-facet-region = 区域组
search-facet-language = 语言
search-facet-year = 年份
consultation-search = 在这些意见中搜索
cli-help-consulta-index = 维护搜索索引（由记录派生；服务器会自行保持其更新）
cli-help-consulta-index-rebuild = 根据整个记录重新构建搜索索引（请先停止使用它的服务器）
cli-help-consulta-index_dir = 搜索索引的存放位置（一个目录；默认在数据库旁，以数据库名加 "-index" 命名）
cli-index-busy = 另一个 Consulta 进程（服务器或另一次重建）正在使用 { $path } 中的搜索索引。请先停止它，或用 --index 指定另一个目录。
cli-index-progress = 正在建立索引
cli-index-rebuilt = 已在 { $seconds } 秒内为 { $count } 份已公布意见建立索引；{ $path } 中的索引占用 { $size }。
open-data-title = 开放数据
open-data-intro = 本磋商中所有公开的内容，均可自由重复使用。暂不公布的意见只以其条目出现：编号、哈希值和理由。
open-data-contributions-csv = 意见（CSV）
open-data-contributions-json = 意见（JSON）
open-data-entities-csv = 参与实体（CSV）
open-data-entities-json = 参与实体（JSON）
open-data-entities-popolo-json = 参与实体（Popolo JSON）
open-data-feed-atom = 新意见（Atom 订阅源）
open-data-archive-zip = 全部内容，含文件和证明（zip 压缩包）
open-data-verify = 无需信任本网站，即可离线核查该压缩包：consulta verify-archive 文件.zip
cli-help-consulta-export = 写出磋商的一个开放数据文件（与网站提供下载的相同）
cli-help-consulta-export-what = 哪个文件：contributions.csv、contributions.json、entities.csv、entities.json、entities.popolo.json、statements.csv、votes.csv、amendments.csv、drafts.json、bodies.json、feed.atom 或 archive.zip
cli-help-consulta-export-consultation = 磋商（其简称）
cli-help-consulta-export-output = 写入位置（默认：标准输出）
cli-help-consulta-export-base_url = 网站的公开地址，用于订阅源中的链接
cli-help-consulta-verify-archive = 离线核查完整压缩包：每个文件与其清单、签名树头以及每份意见在日志中的位置
cli-help-consulta-verify-archive-archive = 要核查的压缩包（.zip）
cli-export-unknown = 没有名为“{ $what }”的开放数据文件。请从以下文件中选择：{ $known }。
cli-exported = 已写入 { $path }。
archive-ok = { $file } 通过核查：磋商 { $consultation }，意见 { $contributions } 份（暂不公布 { $withheld } 份，只显示其条目），文件 { $files } 个，全部在共 { $size } 条、根为 { $root } 的日志中，于 { $generated } 以密钥 { $key } 签名。请将该密钥与实例公布的密钥进行比对。
archive-refused = { $file } 未通过核查：{ $problem }
archive-unreadable = 不是可读的 zip 压缩包（{ $detail }）。
archive-no-manifest = 其中没有 manifest.json。
archive-bad-manifest = 无法读取其 manifest.json（{ $detail }）。
archive-unknown-format = 本版本的 Consulta 不认识其格式 { $format }。
archive-missing-file = { $path } 列在清单中，但压缩包中没有。
archive-unlisted-file = { $path } 在压缩包中，但未列在清单中。
archive-file-changed = { $path } 不是清单所列的文件（其 SHA-256 或大小不同）。
archive-bad-signature = 树头的签名无法用压缩包的公钥验证。
archive-record-changed = 意见 { $id } 的记录与其日志条目所承诺的哈希值不符。
archive-not-in-log = 意见 { $id } 不在已签名的日志中：其包含证明不成立。
archive-record-mismatch = 意见 { $id } 的记录与压缩包不符：{ $detail }。
cli-help-consulta-admin = 管理账户（第一个秘书处账户在此创建）
cli-help-consulta-admin-create = 创建账户；密码从 CONSULTA_PASSWORD 或标准输入的第一行读取
cli-help-consulta-admin-create-email = 其电子邮件地址，用于登录
cli-help-consulta-admin-create-name = 本人姓名
cli-help-consulta-admin-create-role = secretariat（默认）或 focal-point
cli-help-consulta-admin-create-entity = 对于联络人：其所代表的实体（按登记的名称）
cli-help-consulta-admin-create-lang = 其邮件和页面的语言（en、fr、es、ru、ar、zh）
cli-unknown-role = 未知的角色“{ $role }”:请选择 secretariat 或 focal-point。
cli-unknown-entity = 没有登记名为“{ $entity }”的实体。
cli-focal-point-needs-entity = 联络人代表一个实体：请用 --entity 给出。
cli-secretariat-no-entity = 秘书处账户不代表任何实体：请勿使用 --entity。
cli-password-prompt = 密码（至少 12 个字符）：{" "}
cli-bad-email = “{ $email }”不是电子邮件地址。
cli-duplicate-account = 地址为 { $email } 的账户已存在。
cli-account-created = 已创建账户 { $email }（{ $role }）。
password-too-short = 密码至少须有 { $min } 个字符（几个词组合起来就是好密码）。
password-too-long = 密码最多可有 { $max } 个字符。

## Accounts and the secretariat's pages
nav-sign-in = 登录
nav-sign-out = 退出（{ $name }）
nav-admin = 秘书处
login-title = 登录
login-intro = 供秘书处和各实体的联络人使用。其他人无需账户即可阅读全部记录。
login-email = 电子邮件地址
login-password = 密码
login-submit = 登录
login-failed = 该地址和密码与任何账户都不匹配。请检查后重试。
login-needed = 请登录后查看此页面。
login-session-ended = 您的会话已结束（{ $hours } 小时后，或您在别处退出了）。请重新登录以继续。
login-signed-out = 您已退出。
error-forbidden-title = 此账户无权访问
error-forbidden = 此页面供秘书处使用。您登录所用的账户无法使用此页面。
error-form-expired-title = 表单已过期
error-form-expired = 此表单提交时没有显示它的页面的令牌：页面过旧，或来自其他网站。请返回，重新加载页面后再提交。
error-too-many-title = 尝试次数过多
error-too-many = 短时间内尝试次数过多。请等待一刻钟后再试。
admin-title = 秘书处
admin-intro = 已以 { $name } 身份登录。此处的每项操作都会写入审计日志。
admin-moderation = 暂不公布或公布意见
admin-moderation-intro = 暂不公布的意见会从页面、搜索和开放数据中消失；它在公开日志中的条目连同理由仍然保留。
admin-contribution = 意见编号
admin-reason = 理由
admin-reason-hint = 暂不公布时必填；公开显示在该意见的位置。
admin-withhold = 暂不公布
admin-publish = 重新公布
admin-withheld = 该意见已暂不公布。
admin-published = 该意见已公布。
admin-bad-contribution = 请给出意见编号。
admin-reason-needed = 请说明暂不公布该意见的理由：理由将显示在其位置。
audit-title = 审计日志
audit-read = 阅读审计日志
audit-export = 下载（CSV）
audit-count = 共 { $total } 条，最新的在前
audit-at = 时间（UTC）
audit-actor = 操作人
audit-action = 操作
audit-subject = 对象
audit-before = 之前
audit-after = 之后
form-acting-for = 您以 { $entity } 的名义提交意见，并已作为其联络人登录：该意见标为已核实。
cli-help-consulta-serve-unverified_per_hour = 每个网络地址每小时接受的未经核实意见数（0:不限）
cli-help-consulta-demo-unverified_per_hour = 每个网络地址每小时接受的未经核实意见数（0:不限）

## Invitations and password resets (emails)
invitation-subject = 邀请：{ $consultation }
invitation-body = 尊敬的 { $name }:

    秘书处邀请 { $entity } 为磋商“{ $consultation }”提交意见。

    通过这一个人链接，您可以创建 { $entity } 联络人账户，并以其名义提交意见；这些意见将标为已核实：

    { $link }

    该链接只能使用一次，有效期 { $days } 天。请勿分享：任何使用它的人都能以 { $entity } 的名义行事。
reset-subject = 重置密码
reset-body = 尊敬的 { $name }:

    有人（希望是您本人）请求重置您账户的密码。如要设置新密码，请在 { $hours } 小时内打开此链接：

    { $link }

    如果您并未提出请求，请忽略本邮件：您的密码保持不变。
invitation-title = { $entity } 联络人
invitation-intro = 您受邀作为 { $entity } 的联络人提交意见。您的账户将是 { $email }；请填写姓名并设置密码。
invitation-name = 您的姓名
invitation-password = 密码
invitation-password-hint = 至少 12 个字符；几个您记得住的词组合起来就是好密码。
invitation-submit = 创建我的账户
invitation-name-needed = 请填写姓名：它会显示给秘书处，但不会公布。
invitation-unknown = 无法识别此邀请链接。请检查是否完整复制，或向秘书处索取新链接。
invitation-used = 此邀请链接已被使用：每个链接只能使用一次。请用它所创建的账户登录，或向秘书处索取新链接。
invitation-expired = 此邀请链接已过期。请向秘书处索取新链接。
invitation-other-entity = 此地址已有另一实体的账户。请联系秘书处。
error-link-title = 此链接无法使用
login-forgot = 忘记密码？
reset-title = 重置密码
reset-intro = 请填写您账户的地址：我们会向其发送一个设置新密码的链接。
reset-send = 发送链接
reset-sent = 如果此地址有账户，链接已在发送途中。它只能使用一次，有效期一小时。
reset-new-password = 新密码
reset-save = 保存新密码
reset-invalid = 此重置密码链接无法使用：已被使用、已过期或未完整复制。请重新索取。
reset-done = 您的密码已更改，账户的所有会话均已结束。请用新密码登录。
mail-title = 发件箱
mail-to = 收件人
mail-subject = 主题
mail-status = 状态
mail-attempts = 尝试次数
mail-when = 发送或排队时间（UTC）
mail-status-queued = 排队中
mail-status-sent = 已发送
mail-status-failed = 失败
cli-help-consulta-list = 管理认证名单（经社理事会、国际电联、信息社会世界峰会、科技促进发展委员会，或您自己的名单）
cli-help-consulta-list-import = 从 CSV 导入名单（entity、stakeholder_group、country,可选 focal_point_email、focal_point_name、language）：全部导入或全部不导入
cli-help-consulta-list-import-file = CSV 文件
cli-help-consulta-list-import-list = 名单简称：ecosoc、itu、wsis、cstd 或您自定的简称（小写字母、数字、连字符）
cli-help-consulta-list-import-name = 名单全称（ecosoc、itu、wsis 和 cstd 已有）
cli-help-consulta-invite = 邀请所选实体的联络人参加磋商：通过电子邮件发送一次性个人链接，使用各自的语言
cli-help-consulta-invite-consultation = 磋商（其简称）
cli-help-consulta-invite-lists = 仅限此认证名单中的实体（可重复以指定多个）
cli-help-consulta-invite-groups = 仅限此利益攸关方群体的实体（可重复以指定多个）
cli-help-consulta-invite-regions = 仅限此联合国区域组的实体：african、asia_pacific、eastern_european、latin_american_caribbean、weog（可重复以指定多个）
cli-help-consulta-invite-countries = 仅限此国家的实体，ISO 代码（可重复以指定多个）
cli-help-consulta-invite-base_url = 网站的公开地址，用于链接
cli-help-consulta-serve-smtp = 邮件所用的 SMTP 服务器，以 URL 表示（smtp://用户:密码@主机:587?tls=required、smtps://主机）；未设置时，邮件写入发件目录
cli-help-consulta-serve-mail_from = Consulta 邮件的发件人
cli-help-consulta-serve-outbox = 没有 SMTP 服务器时邮件的去处（默认在数据库旁，以数据库名加 "-outbox" 命名）
cli-help-consulta-serve-mail_per_minute = 每分钟最多发送的邮件数
cli-help-consulta-demo-smtp = 邮件所用的 SMTP 服务器，以 URL 表示（smtp://用户:密码@主机:587?tls=required、smtps://主机）；未设置时，邮件写入发件目录
cli-help-consulta-demo-mail_from = Consulta 邮件的发件人
cli-help-consulta-demo-outbox = 没有 SMTP 服务器时邮件的去处（默认在演示数据库旁）
cli-help-consulta-demo-mail_per_minute = 每分钟最多发送的邮件数
cli-mail-outbox = 未指定 SMTP 服务器（--smtp）：邮件写入 { $path }。
cli-bad-list = “{ $list }”不能作为名单名称：请使用小写字母、数字和连字符。
cli-list-needs-name = 请用 --name 为名单“{ $list }”命名。
cli-list-imported = 名单 { $list }：实体 { $entities } 个（新增 { $new } 个），联络人地址 { $contacts } 个。
cli-bad-selection = “{ $value }”不是 Consulta 认识的利益攸关方群体、区域组或国家代码。
cli-invite-needs-public-url = 邀请中含有指向实例的链接：请用 --base-url（或 CONSULTA_PUBLIC_URL）给出其公开地址，例如 https://consultations.example.org。
cli-unknown-list = 没有名单“{ $list }”。现有名单：{ $known }。
cli-invited = { $count ->
    [0] 无人符合条件：未发送任何邀请。
   *[other] { $count } 份邀请已排队；由服务器的邮件任务发送。
  }
admin-campaign = 邀请联络人
admin-campaign-intro = 所选实体的每位联络人都会收到以其语言发送的一次性个人链接：链接会创建其账户，联络人用该账户以实体名义提交意见（已核实）。留空的选择类别不作限制。
admin-campaign-consultation = 磋商
admin-campaign-lists = 认证名单
admin-campaign-no-lists = 尚无名单：请用 consulta list import 导入。
admin-campaign-groups = 利益攸关方群体
admin-campaign-regions = 区域组
admin-campaign-countries = 国家
admin-campaign-countries-hint = ISO 代码，以逗号分隔（SN, KE, BR）。
admin-campaign-send = 发送邀请
admin-invited = { $count ->
    [0] 无人符合条件：未发送任何邀请。
   *[other] { $count } 份邀请已排队：请查看发件箱。
  }
cli-help-consulta-consultation-create-verified_only = 只接受已登录联络人（受邀者）的意见，不接受公众未经核实的意见
submit-verified-only = 本磋商只接受受邀实体已登录联络人的意见。如您代表某一实体发言，请向秘书处索取邀请。
submit-cannot-amend = 无法在此修改意见 { $id }：只有其实体的联络人才能在同一磋商中修改。
contribution-amends = 修改了
contribution-amended-by = 被修改于
contribution-number = 意见 { $id }
contribution-amend = 修改此意见
form-amending = 您正在修改意见 { $id }：您提交的内容将作为一份注明该意见的新意见记录；两者都保留在记录中。
admin-new-consultation = 开启磋商
admin-create-consultation = 创建磋商
admin-verified-only = 只有已登录的联络人可以提交意见（不接受未经核实的意见）
admin-field-problem = { $field }：{ $problem }
admin-duplicate-slug = 简称为“{ $slug }”的磋商已存在：请另选一个。
admin-add-meeting = 添加会议
admin-meeting-date = 日期
admin-meeting-place = 地点
admin-place-needed = 请说明会议地点。
consultation-field-slug = 简称（用于其地址）
consultation-field-title = 标题
consultation-field-lang = 这些文本的语言
consultation-field-opens = 开始
consultation-field-closes = 结束
consultation-field-time_zone = 时区
consultation-field-mandate = 任务授权
consultation-field-questions = 指导性问题
consultation-field-description = 说明
consultation-hint-slug = 小写字母、数字和连字符：ec-2010。
consultation-hint-lang = 语言标记：en、fr、es……
consultation-hint-opens = 日期（2026-01-15）或日期和时间（2026-01-15T09:00），采用下方的时区；结束日期包括当日全天。
consultation-hint-time_zone = IANA 名称：UTC、Europe/Zurich、America/New_York。
consultation-hint-questions = 每行一个。
## The synthesis report (seeds/003 is its model)
report-subtitle = 综合报告草稿
report-of-the-secretary-general = 秘书长的报告
report-summary = 摘要
report-section-conclusions = { $number }. 结论
report-annex-separate = { $count } 个意见提交者列于本报告所附的单独文件 { $file } 中。
organ-general_assembly = 大会
organ-economic_and_social_council = 经济及社会理事会
report-details-title = 文号、机关、摘要和结论
report-details-intro = 记录无法说明的内容：报告发布所用的文号、报告提交的机关及其届会和议程项目、报告的摘要和结论，以发布报告的每种语文填写。每次更改都记入审计日志。
report-details-symbol-hint = 按发布时的文号，例如 A/66/77–E/2011/103（提交两个机关的报告同时带有两个文号）。
report-details-field-symbol = 文件文号
report-details-field-session = 届会
report-details-field-item = 议程项目
report-details-field-item_title = 议程项目标题
report-details-field-summary = 摘要
report-details-field-conclusions = 结论
report-details-paragraphs = 各段之间空一行；结论的每一段在报告中编号。
report-details-saved = 报告的详细信息已保存。
report-details-annex-download = 意见提交者名单（CSV）
report-details-unknown-organ = 未知机关：{ $field }。
report-details-organ-twice = { $field } 被列了两次。
report-details-too-long = { $field }：最多 { $max } 个字符。
report-details-control-character = { $field } 含有不可见的控制字符；请重新输入。
report-details-language = “{ $field }”不是语言。
report-distribution = Distr.: General
date-time-utc = UTC { $time }
date-in-zone = { $date }（{ $zone }）
dates-zone-note = 日期采用磋商的时区 { $zone }。
report-original = 原文：{ $name }
# A language named in the reader's language, from its code (the code itself when it has no name here).
language-of = { $language ->
    [en] 英文
    [fr] 法文
    [es] 西班牙文
    [ru] 俄文
    [ar] 阿拉伯文
    [zh] 中文
    [pt] 葡萄牙文
    [de] 德文
   *[other] { $language }
}
report-section-context = 一. 背景
report-context = 本报告介绍公开磋商“{ $title }”的结果。
report-context-mandate = 本报告介绍根据{ $mandate }举行的公开磋商“{ $title }”的结果。
report-context-questions = 请意见提交者着重讨论以下问题：{ $questions }
report-section-organisation = 二. 磋商的组织
report-meeting = { $date }在{ $place }举行的会议
report-organisation-period = 利益攸关方可在 { $opens } 至 { $closes } 期间随时以任何形式提交书面意见{ $meetings ->
    [0] 。
    [one] ,并可参加{ $list }。
   *[other] ,并可参加以下会议：{ $list }。
}
report-organisation-total = 共收到 { $entities } 个实体提交的 { $total } 份意见，如下表所示：书面意见 { $written } 份，会议陈述 { $presentations } 份，公开辩论发言 { $interventions } 份。
report-chart-groups = 按利益攸关方群体分列的意见
report-organisation-regions = 按意见提交者所在国家所属的联合国区域组，意见分布如下；另有 { $unstated } 份来自未登记国家的意见提交者（包括国际组织）。
report-regional-group = 区域组
report-table-regions = 按区域组分列的意见
report-chart-regions = 按区域组分列的意见
report-no-country = 无国家（国际）
report-not-listed = 不在联合国名单中（领土）
report-organisation-development = 按意见提交者所在国家的发展状况：
report-development-status = 发展状况
report-table-development = 按发展状况分列的意见
report-development-ldc = 最不发达国家
report-development-developing = 发展中国家
report-development-developed = 发达国家
report-withheld = 有 { $count } 份意见暂不公布：上表未计入，下文也不引用或列出。
report-unverified = 有 { $count } 份已公布意见在提交时身份未经核实，秘书处也未将其归于已登记实体：本报告未计入这些意见。
report-section-issues = 三. 提出的公共政策问题
report-issues-none = 尚无任何意见被标注公共政策问题。
report-issues-intro = 秘书处为 { $total } 份已公布意见中的 { $tagged } 份标注了其提出的公共政策问题；共提出分类中的 { $issues } 个问题。下表按利益攸关方群体列出这些问题。
report-issue = 问题
report-table-issues = 按利益攸关方群体分列的所提问题
report-issue-raised = { $issue }：在 { $count } 份意见中提出（{ $groups }）：
report-and-more = 及另外 { $count } 个
report-citations-none = 没有任何意见引用联合国文件或《突尼斯议程》的段落。
report-citations-intro = 意见提交者引用了 { $documents } 份联合国文件和《突尼斯议程》的 { $paragraphs } 个段落。下表列出每个利益攸关方群体引用最多的段落。
report-tunis-paragraph = 《突尼斯议程》
report-paragraph = 第 { $number } 段
report-table-paragraphs = 按利益攸关方群体分列的所引《突尼斯议程》段落
report-documents-cited = 引用最多的文件（意见份数）：
report-section-mechanisms = 四. 国际合作机制
report-mechanisms-intro = 秘书处记录了 { $mechanisms } 个合作机制，以及每个机制在其运作层级（全球、区域或国家）处理分类中 { $issues } 个问题中的哪些问题。下表就每个问题列出处理该问题的机制、该问题需要机制的层级以及提出该问题的意见份数。
report-mechanism-level = { $name }（{ $level }）
report-mechanisms = 机制（层级）
report-needed-level = 所需层级
report-contributions = 意见
report-table-mechanisms = 问题及处理这些问题的机制
report-gaps-none = 分类中的每个问题都至少有一个机制在所需层级加以处理。
report-gaps-intro = 有 { $count } 个问题没有任何机制处理，或没有任何机制在所需层级处理：
report-gap-none = { $issue }：没有机制处理；{ $count ->
    [0] 尚无意见提出该问题。
   *[other] 在 { $count } 份意见中提出。
}
report-gap-level = { $issue }：没有{ $level }层级的机制（仅有 { $mechanisms }）；{ $count ->
    [0] 尚无意见提出该问题。
   *[other] 在 { $count } 份意见中提出。
}
report-annex = 附件：意见提交者名单
report-annex-caption = 意见提交者（{ $count }）
report-contributor = 意见提交者
report-country = 国家
level-global = 全球
level-regional = 区域
level-national = 国家

## The secretariat's analysis pages: report, taxonomy, tags
analysis-report-title = 综合报告草稿
analysis-report-intro = 根据当前记录生成的草稿：发布前请在文字处理软件中编辑。
analysis-report-language = 报告语言：
analysis-report-download = 下载：
analysis-issues-title = 问题和机制
analysis-issues-intro = 意见所标注的公共政策问题、处理这些问题的合作机制，以及没有任何机制充分处理的问题。
analysis-gaps-title = 空白
analysis-gap-none = 没有机制处理
analysis-gap-level = 没有{ $level }层级的机制
analysis-raised = 在 { $count } 份意见中提出
analysis-taxonomy-title = 问题分类
analysis-terms = 提示该问题的术语
analysis-issue-form = 添加问题，或修改现有问题（使用相同标识符）
analysis-issue-form-hint = 给出现有标识符即修改该条目。术语：每行一个或以“;”分隔，匹配时不区分大小写和重音。
analysis-id = 标识符
analysis-label-en = 英文名称
analysis-label-fr = 法文名称
analysis-terms-en = 英文术语
analysis-terms-fr = 法文术语
analysis-save = 保存
analysis-mechanisms-title = 合作机制
analysis-mechanism = 机制
analysis-level = 层级
analysis-functions = 职能
analysis-mechanism-form = 添加机制，或修改现有机制（使用相同标识符）
analysis-acronym-en = 英文缩写
analysis-acronym-fr = 法文缩写
analysis-matrix-title = 哪个机制处理哪个问题
analysis-save-matrix = 保存矩阵
analysis-tags-title = 第 { $id } 号意见的问题
analysis-cites = 其引用：
analysis-tunis-paragraph = 《突尼斯议程》第 { $number } 段
analysis-suggestions-how = 建议来自每个问题的术语，以及一个用迄今已标注的 { $count } 份意见训练的分类器；每项建议都说明理由。
analysis-issues-of = 其提出的问题
analysis-suggested = 建议：{ $reasons }
tagging-evaluation = 在其未学习过的意见上检验：在概率为 { $threshold }% 或以上时它会提出的 { $suggested } 项建议中，{ $right } 项正确（{ $precision }%），并找到了所给 { $tags } 个标签中的 { $recall }%;其百分比已据此校准。
tagging-evaluation-too-few = 已标注意见只有 { $count } 份，尚不足以衡量其建议的正确率：其百分比未经校准。
tagging-walk = 逐份处理磋商意见
tagging-which = 意见
tagging-only-untagged = 尚未标注
tagging-only-all = 全部
tagging-start = 显示
tagging-previous = 上一份
tagging-next = 下一份
tagging-position-untagged = 尚未标注的 { $total } 份中的第 { $n } 份
tagging-position = 第 { $n } 份，共 { $total } 份
tagging-remaining = { $count ->
    [0] 没有待标注的意见
   *[other] 还有 { $count } 份待标注
}
tagging-save-next = 保存并转到下一份
tagging-saved = 已保存。
tagging-saved-other = 第 { $id } 号意见的问题已保存。
tagging-keys = 快捷键：Alt+S 保存并转到下一份，Alt+N 和 Alt+P 不保存而前后移动（Firefox 中为 Alt+Shift,Mac 上为 Ctrl+Option）。
tagging-done-title = 没有待标注的意见
tagging-done = 符合这些筛选条件的每份已公布意见都已标注问题。
tagging-review-all = 复查所有意见
admin-tag = 标注意见
analysis-reason-term = 术语“{ $term }”（{ $language }）出现 { $count } 次
analysis-reason-resembles = 与标注了该问题的 { $examples } 份意见相似（{ $percent }%），相似之处在于词语 { $words }
analysis-bad-contribution = “{ $value }”不是意见编号。
taxonomy-id = “{ $value }”不是标识符：请使用小写字母、数字和“_”,以字母开头。
taxonomy-level = “{ $value }”不是层级：global、regional 或 national。
taxonomy-function = “{ $value }”不是职能：legal、normative 或 administrative。
taxonomy-missing-name = 缺少{ $language }名称。
taxonomy-long-name = { $language }名称超过 200 个字符。
taxonomy-unknown = 没有问题或机制“{ $value }”。
function-legal = 法律
function-normative = 规范
function-administrative = 行政
admin-report = 报告草稿
cli-help-consulta-migrate = 将整个记录迁移到另一个数据库（SQLite 到 PostgreSQL,或反向），然后核查副本：每张表的行、日志的根、每份意见与日志的对照。附件仍留在 --files 所指的位置
cli-help-consulta-migrate-from = 要复制的数据库：SQLite 文件或 sqlite:// URL,或 postgres:// URL
cli-help-consulta-migrate-to = 新数据库：尚不存在的 SQLite 文件，或空的 PostgreSQL 数据库
cli-migrate-table = { $table }：{ $rows } 行
cli-migrate-exists = { $path } 已含有记录：迁移须写入新数据库。
cli-migrate-done = 已将 { $from } 迁移到 { $to }：{ $tables } 张表共 { $rows } 行；{ $contributions } 份意见{ $statements ->
    [0] {""}
   *[other] 和 { $statements } 条付诸表决的陈述
},每一项都在日志中，根 { $root }。

## The public URL: every absolute link, and whether cookies are Secure
cli-help-consulta-serve-public_url = 公众访问本实例的地址（https://consultations.example.org）：邮件、回执、订阅源和报告中的每个链接都由它构建，绝不取自请求；发送邮件以及在回环地址以外监听时必须设置
cli-help-consulta-demo-public_url = 公众访问演示的地址（默认：其所监听的回环地址）
cli-help-consulta-serve-max_connections = 同时服务的最大连接数；超出的连接等待接受
cli-help-consulta-demo-max_connections = 同时服务的最大连接数；超出的连接等待接受
cli-public-url-invalid = 公开 URL { $url } 被拒绝：{ $reason }
public-url-not-a-url = 它不是 https://consultations.example.org 这样的绝对 URL
public-url-scheme = 其协议必须是 http 或 https
public-url-extras = 公开 URL 不含用户名、密码、查询或片段
cli-public-url-needed = Consulta 在 { $addr } 上监听，这不是回环地址：请用 --public-url（或 CONSULTA_PUBLIC_URL）说明公众从何处访问，以确保链接绝不取自请求。
cli-public-url-needed-for-mail = 发送邮件（--smtp）需要 --public-url（或 CONSULTA_PUBLIC_URL）：邮件中的链接由它构建。
api-beyond-log = 公开日志有 { $size } 条：无法证明 { $asked } 条的树。
api-consistency-order = 日志只会增长："from"（{ $from }）不得大于 "to"（{ $to }）。
cli-help-consulta-serve-extract_memory_mib = 文本提取程序（子进程，每次一个文件）可用的内存，单位 MiB;需要更多内存的文件标为失败
cli-help-consulta-demo-extract_memory_mib = 文本提取程序（子进程，每次一个文件）可用的内存，单位 MiB;需要更多内存的文件标为失败
cli-help-consulta-contribution-attribute = 在核实提交者之后，将身份未经核实而提交的意见归于已登记实体（记入审计）；此后该意见计入该实体所属群体
cli-help-consulta-contribution-attribute-id = 意见编号
cli-help-consulta-contribution-attribute-entity = 已登记实体的名称（不区分大小写和空格）
cli-help-consulta-contribution-attribute-clear = 撤销归属
cli-attributed = 意见 { $id } 已归于 { $entity }：计入该实体所属群体。
cli-attribution-cleared = 意见 { $id } 已不再有归属：其提交者身份显示为未经核实。
attribution-refused = 意见 { $id } 无法归属：只有身份未经核实而提交的意见才能归属，且只能归于登记册中的实体。
entity-claimed = 此名称是提交未经核实意见的人所填写的：它不是登记册中的实体，其身份未经核实。
identity-attributed = 提交时未经核实；经核查后由秘书处归于 { $entity }
attribution-title = 归于已登记实体
attribution-help = 核实这份意见的提交者后，请写明其所来自的已登记实体：此后该意见计入该实体所属群体。记录会保留提交者所声称的内容。
attribution-entity = 已登记实体
attribution-save = 归属
attribution-clear = 撤销归属
attribution-entity-needed = 请写明该意见所来自的已登记实体。
cli-help-consulta-log_key = 存放公开日志树头签名密钥的文件，密钥绝不存入数据库（默认在数据库旁，以数据库名加 "-log.key" 命名；在实例首次启动时创建，仅所有者可读）；实例的每台服务器都需要一份副本
cli-help-consulta-heads = 本服务器所签树头的日记，存放在数据库之外，以便 `consulta check` 能发现被改写的记录（默认在数据库旁，以数据库名加 "-heads.jsonl" 命名）
contribution-altered-title = 记录已被改动
contribution-altered = 数据库中这份意见的记录已与公开日志为其记载的内容不符：它在 Consulta 之外被编辑过。其文本不作为记录显示；秘书处必须从备份中恢复。其回执和日志条目仍能证明收到的内容。
contribution-altered-short = 记录已被改动
submit-storage-full = 服务器已没有存放文件的空间：未记录任何内容。请稍后再试；已通知秘书处。
cli-help-consulta-sweep-files = 清理没有任何记录提及的已存文件（被拒绝的提交所遗留）：将超过宽限期的文件移到一边，删除之前清理时移开的文件（服务器每一刻钟执行一次）
cli-help-consulta-sweep-files-grace_minutes = 存入时间少于此分钟数的文件不予处理（仅在没有服务器运行时才可设为 0）
cli-swept = 没有记录提及的文件：移开 { $set_aside } 个，删除 { $removed } 个，放回 { $restored } 个（此后已被提及），删除不完整文件 { $partials } 个。
cli-help-consulta-serve-trusted_proxies = 反向代理（地址或网络，可重复或以逗号分隔），其 X-Forwarded-For 标头为速率限制指明客户端；其他来源的该标头一律忽略
cli-help-consulta-demo-trusted_proxies = 反向代理（地址或网络，可重复或以逗号分隔），其 X-Forwarded-For 标头为速率限制指明客户端；其他来源的该标头一律忽略

## Points of agreement (issue 16)
cli-help-consulta-agreement = 共识点：陈述、投票、意见群体以及各利益攸关方群体之间的共识
cli-help-consulta-agreement-import-polis = 将 Pol.is 导出文件夹（comments.csv 加 votes.csv,或 participants-votes.csv）导入磋商，保留 Pol.is 的评论和参与者标识；如有文件错误，不写入任何内容
cli-help-consulta-agreement-import-polis-dir = 导出文件夹
cli-help-consulta-agreement-import-polis-consultation = 磋商的简称
cli-help-consulta-agreement-groups = 打印归入意见群体的每位参与者及其群体（participant,group）
cli-help-consulta-agreement-groups-consultation = 磋商的简称
cli-help-consulta-agreement-groups-format = 输出格式
cli-help-consulta-agreement-groups-lang = 标签语言（默认：取自环境）
cli-help-consulta-agreement-statements = 打印每条陈述的赞成、反对和弃权票数、共识度、各群体的赞同情况，以及它是共识点还是有待进一步讨论的问题
cli-help-consulta-agreement-statements-consultation = 磋商的简称
cli-help-consulta-agreement-statements-format = 输出格式
cli-help-consulta-agreement-statements-lang = 标签语言（默认：取自环境）
cli-help-consulta-agreement-propose = 将秘书处的一条陈述付诸表决（立即接受，成为公开日志的叶节点）
cli-help-consulta-agreement-propose-consultation = 磋商的简称
cli-help-consulta-agreement-propose-text = 陈述，1 至 280 个字符
cli-help-consulta-agreement-propose-language = 其语言（默认：磋商的原文语言）
cli-help-consulta-agreement-propose-from_contribution = 其所出自的意见
cli-agreement-imported = 已导入 { $statements } 条陈述（付诸表决 { $accepted } 条）、{ $participants } 名参与者和 { $votes } 张票。
cli-agreement-import-refused = 未从 { $dir } 导入任何内容
cli-agreement-already-imported = 磋商 { $consultation } 已有一个导入的对话；未导入任何内容。
cli-agreement-statement-added = 陈述 { $id } 已付诸表决。
statement-empty = 陈述不能为空。
statement-too-long = 陈述最多 { $max } 个字符。
agreement-counts = 赞成 { $agree }，反对 { $disagree }，弃权 { $pass }；共识度 { $consensus }%
agreement-group-name = 群体 { $group }
agreement-standing-agreement = 共识点
agreement-standing-shared_disagreement = 共识点（所有群体均反对）
agreement-standing-further_debate = 有待进一步讨论
agreement-standing-unsettled = 尚无定论
agreement-link = 共识点：对陈述投票，了解参与者在哪些方面意见一致
agreement-title = 共识点 — { $consultation }
agreement-heading = 共识点和有待进一步讨论的问题
agreement-intro = 参与者对简短的陈述投票。投票相近者形成意见群体；共识点是所有群体都赞成的陈述，有待进一步讨论的问题是各群体意见分歧的陈述。同样的情况也按利益攸关方群体、区域组和发展状况，根据各组织联络人的投票加以显示。
agreement-computed = 于 { $at } 根据 { $participants } 名参与者对 { $statements } 条陈述所投的 { $votes } 张票计算。
agreement-recomputing = 有新的投票；正在重新计算群体。
agreement-computing = 正在计算群体；请稍后重新加载页面。
agreement-vote-heading = 投票
agreement-voting-for = 您代表 { $entity } 投票：您的票计入其利益攸关方群体和所在区域。
agreement-voting-public = 您以公众身份投票。登录的联络人代表其组织投票。
agreement-closed = 磋商未开放：投票和提议均已关闭。
agreement-agree = 赞成
agreement-disagree = 反对
agreement-pass = 弃权/不确定
agreement-remaining = 还有 { $count } 条陈述待投票（含本条）。
agreement-voted-all = 您已对所有陈述投票。谢谢；如有遗漏，请在下方提出一条陈述。
agreement-map-heading = 意见图
agreement-map-caption = 每个点代表一名参与者（显示 { $placed } 名中的 { $shown } 名），按其投票方式定位：投票相近者距离较近。轮廓线表示意见群体。不显示任何姓名。
agreement-groups-heading = 意见群体
agreement-group-size = { $count } 名参与者
agreement-group-agrees = 该群体 { $share }% 赞成
agreement-group-disagrees = 该群体 { $share }% 反对
agreement-points-heading = 共识点
agreement-all-disagree = 所有群体均反对
agreement-consensus = 共识度 { $consensus }%
agreement-none-agreed = 尚无任何陈述使每个群体的多数站在同一边。
agreement-debate-heading = 有待进一步讨论的问题
agreement-group-split = 群体 { $group }：{ $agree }% 赞成，{ $disagree }% 反对
agreement-none-debated = 尚无任何陈述使各群体产生分歧。
agreement-table-stakeholder_group = 按利益攸关方群体分列的赞同情况（赞成比例，联络人投票）
agreement-table-regional_group = 按区域组分列的赞同情况（赞成比例，联络人投票）
agreement-table-development_status = 按发展状况分列的赞同情况（赞成比例，联络人投票）
agreement-statement = 陈述
agreement-standing = 状态
agreement-table-note = 与 Pol.is 的做法相同，比例在所投票数之外另计一张赞成票和一张反对票，以免小群体显得意见一致。破折号：该群体没有投票。
agreement-propose-heading = 提出陈述
agreement-propose-label = 陈述
agreement-propose-hint = 一个他人可以赞成或反对的观点，最多 { $max } 个字符。秘书处会先阅读每条陈述，再付诸表决。
agreement-propose-submit = 提出
agreement-voted = 您的投票已记录。下面是下一条陈述。
agreement-proposed = 谢谢：秘书处阅读后，您的陈述将付诸表决。
agreement-bad-vote = 无法记录此投票：该陈述在本磋商中未开放表决，或所选不是赞成、反对或弃权。
agreement-reason-needed = 请说明拒绝该陈述的理由。
agreement-already-moderated = 这条陈述已经审核过。
agreement-bad-language = 语言不是 BCP 47 标记（en、fr、es-419）。
agreement-admin-link = 共识点：待审核的陈述
agreement-admin-title = 共识点：审核
agreement-admin-queue = 等待审核的陈述
agreement-admin-accept = 接受并付诸表决
agreement-admin-reject = 拒绝
agreement-admin-empty = 没有等待审核的陈述。
agreement-admin-add = 将陈述付诸表决
agreement-admin-consultation = 磋商
agreement-admin-language = 语言（留空：磋商的语言）
agreement-admin-contribution = 出自第几号意见（可选）
agreement-admin-add-submit = 付诸表决
agreement-admin-accepted = 该陈述已接受并付诸表决。
agreement-admin-rejected = 该陈述已被拒绝。
agreement-admin-added = 该陈述已付诸表决。
report-section-agreement = { $number }. 共识点和有待进一步讨论的问题
report-agreement-intro = { $participants } 名参与者（其中 { $verified } 名是代表其组织投票的联络人）对提交给他们的 { $statements } 条陈述投了 { $votes } 张票。按照 Pol.is 的方法将投票相近者归组后，其中 { $placed } 名归入 { $groups } 个意见群体，见下图。
report-agreement-map = 意见图：每名参与者按其投票定位（投票相近者距离较近）；颜色和字母表示意见群体
report-agreement-group = 群体 { $group }（{ $size } 名参与者）的特点是{ $marks }。
report-agreement-group-agrees = 赞成“{ $text }”（该群体的 { $share }%）
report-agreement-group-disagrees = 反对“{ $text }”（该群体的 { $share }%）
report-agreement-quoted = “{ $text }”
report-agreement-and = 和
report-agreement-points = 每个意见群体的多数在 { $count } 点上意见一致：{ $list }。
report-agreement-no-points = 没有任何陈述使每个意见群体的多数站在同一边。
report-agreement-debate = 有 { $count } 点需要进一步讨论，因为各意见群体在这些问题上存在分歧：{ $list }。
report-agreement-no-debate = 没有任何陈述使各意见群体产生分歧。
report-agreement-dimension-agree = { $groups }都赞成“{ $text }”（{ $shares }）。
report-agreement-dimension-split = { $groups }在“{ $text }”上存在分歧（{ $shares }）。
open-data-statements-csv = 付诸表决的陈述及其计票（CSV）
open-data-votes-csv = 匿名化的投票：参与者编号、陈述、投票（CSV）
agreement-no-statements = 本磋商尚未将任何陈述付诸表决。

## Consultation texts in other languages (the secretariat's form)
admin-translate = 其他语言的文本
admin-translate-intro = 以联合国一种语文填写磋商的标题、说明、任务授权和指导性问题；留空的字段保留该语文已有的内容。页面以读者的语文显示，或显示原文并加以注明。每次更改都记入审计日志。
admin-translate-questions-hint = 每行一个，按原文顺序；留空则问题保持不变。
admin-translate-save = 保存文本
admin-translated = 该语文的磋商文本已保存。

## Campaigns (issue 17)
cli-help-consulta-campaigns = 群发活动：同一封信多次发送（不论有无改动）形成的意见
cli-help-consulta-campaigns-rebuild = 根据记录（每份已公布意见及其附件的文本）重新找出磋商的群发活动并予以记录
cli-help-consulta-campaigns-rebuild-consultation = 磋商的简称
cli-help-consulta-campaigns-list = 打印磋商的群发活动，规模最大的在前（campaign,size,first_seen,last_seen,representative）
cli-help-consulta-campaigns-list-consultation = 磋商的简称
cli-help-consulta-campaigns-list-format = 输出格式
cli-help-consulta-campaigns-members = 打印属于群发活动的每份意见及其所属活动（contribution,campaign）
cli-help-consulta-campaigns-members-consultation = 磋商的简称
cli-help-consulta-campaigns-members-format = 输出格式
cli-help-consulta-campaigns-name = 为群发活动设定名称和注释，在每个页面上随活动显示（记入审计日志），或将其删除
cli-help-consulta-campaigns-name-consultation = 磋商的简称
cli-help-consulta-campaigns-name-campaign = 群发活动：其第一份意见的编号
cli-help-consulta-campaigns-name-name = 群发活动的名称（最多 120 个字符）
cli-help-consulta-campaigns-name-note = 关于群发活动的注释（最多 2000 个字符）
cli-help-consulta-campaigns-name-clear = 删除群发活动的名称和注释
cli-campaigns-named = 群发活动 { $campaign } 命名为“{ $name }”。
cli-campaigns-unnamed = 群发活动 { $campaign } 已不再有名称或注释。
cli-campaigns-no-such = 磋商 { $slug } 中没有群发活动 { $campaign }:`consulta campaigns list --consultation { $slug }` 可列出这些活动。
cli-campaigns-reading = 份意见已读取
cli-campaigns-rebuilt = { $members } 份意见属于 { $campaigns } 个群发活动；{ $changed ->
    [0] 记录中已有这些信息
   *[other] 已写入 { $changed } 份意见的群发活动
}。
cli-campaigns-line = 群发活动 { $campaign }：自 { $first } 至 { $last } 共 { $size } 份意见 —“{ $representative }”
campaigns-link = 群发活动：多次发送的信件
campaigns-title = 群发活动
campaigns-intro = 群发活动是指同一封信多次发送：逐字照搬、改动个别词语、加上发送者自己的一段话，或在模板中选用同义词。每个活动以其第一份意见命名。每份新意见在记录时即归入其所属活动；秘书处每次重建时，所有活动都会根据记录重新找出。
campaigns-summary = 所计 { $total } 份意见中有 { $members } 份属于 { $campaigns } 个群发活动：每个活动只计一次，共有 { $distinct } 个不同的声音。
campaigns-caption = 群发活动，规模最大的在前
campaigns-column-campaign = 群发活动
campaigns-column-size = 意见
campaigns-column-first = 最早收到
campaigns-column-last = 最近收到
campaigns-column-representative = 代表性意见
campaigns-none = 本磋商中未发现群发活动。
campaign-name = 群发活动 { $id }
campaign-size = { $count } 份意见
campaign-member-of = 群发活动
campaign-by-group = 按利益攸关方群体
campaign-representative = 代表性意见
campaign-representative-why = 与其他成员最相似的一份：其措辞为其他成员共有得最多。
campaign-by-country = 按国家
campaign-by-channel = 按渠道
campaign-variants = 变体
campaign-variants-intro = 该活动最早的几份意见，每份都与代表性意见逐词比较：增加的词语加下划线，删去的词语加删除线。
campaign-variant-identical = 与代表性意见逐字相同。
campaign-variant-added = 增加
campaign-variant-removed = 删去
campaign-more = 及另外 { $count } 份
campaign-template = 含同义词的模板
campaign-template-intro = 成员遵循同一模板，并在以下每个位置从一组词中选用一个（统计范围为分布于整个活动的最多 200 个成员）。
campaign-slot-after = 在“{ $words }”之后
campaign-slot-pick = { $word }（{ $count }）
campaign-note-title = 秘书处的名称和注释
campaign-note-name = 名称
campaign-note-note = 注释
campaign-note-help = 在每个页面上随群发活动显示。两者都留空即可删除。每次更改都记入审计日志。
campaign-note-save = 保存
campaign-note-saved = 名称和注释已保存。
campaign-note-empty-name = 群发活动有注释时，名称不能为空。
campaign-note-name-too-long = 群发活动的名称最多 120 个字符。
campaign-note-note-too-long = 群发活动的注释最多 2000 个字符。
distinct-caption = 按利益攸关方群体分列的不同声音
distinct-contributions = 意见
distinct-voices = 不同的声音
distinct-note = 一个群发活动（同一封信多次发送）在其涉及的每个利益攸关方群体中只计一次；独立的意见各计一次。
report-campaigns = 所计意见中有 { $members } 份属于 { $campaigns } 个群发活动，即不论有无改动而多次发送的信件；每个活动在其涉及的每个利益攸关方群体中只计一次，这些意见代表 { $distinct } 个不同的声音。

## Drafts (issue 19)
cli-help-consulta-draft = 草案：磋商所产生的文本（意见、决议），逐段谈判
cli-help-consulta-draft-import = 根据纯文本记录草案：动词短语各占一行，分项 a)、b)，子项 i)、ii)，引文段落；如有某行无法归位，则不记录任何内容
cli-help-consulta-draft-import-file = 文本文件（UTF-8）
cli-help-consulta-draft-import-consultation = 磋商的简称
cli-help-consulta-draft-import-symbol = 草案的文号（例如 WTPF-13/6）
cli-help-consulta-draft-import-lang = 草案所用语文（默认：磋商的原文语文）
cli-help-consulta-draft-show = 显示草案：其最新修订版或所要求的修订版
cli-help-consulta-draft-show-symbol = 草案的文号
cli-help-consulta-draft-show-revision = 修订版（0：记录时的原样）
cli-help-consulta-draft-show-format = 输出格式：text（draft import 可再读入）或 json
cli-draft-imported = 已记录草案 { $symbol }：{ $sections } 个部分，{ $items } 个编号分项。
cli-draft-unplaced = { $file }，第 { $line } 行：此行在草案结构中没有位置：{ $text }
cli-draft-refused = { $file }：未记录任何内容。请将每一行放在其位置（分项字母按顺序，子项在其分项之后），然后重新导入该文件。
cli-draft-no-section = { $file }：没有任何一行开启一个部分（单独一行的动词短语，如“rappelant”、“recalling”、“invite”或“invites”）；未记录任何内容。
cli-draft-too-large = { $file } 超过 { $max } 字节；未记录任何内容。
cli-draft-bad-symbol = 文号须有 1 至 { $max } 个字符，且不含控制字符。
cli-draft-duplicate = 已有草案 { $symbol }。
cli-draft-unknown = 没有草案 { $symbol }。
cli-draft-no-revision = 草案 { $symbol } 没有第 { $revision } 修订版。
cli-help-consulta-draft-show-compare = 与这一较早修订版逐词比较（[+插入+]，[-删除-]）
cli-help-consulta-draft-amend = 对草案最新修订版提出修正：替换词语、删除某一分项，或在其后插入新分项
cli-help-consulta-draft-amend-symbol = 草案的文号
cli-help-consulta-draft-amend-place = 位置：部分编号，然后是分项字母（2/b、2/b/ii；无编号段落用 5/p1）
cli-help-consulta-draft-amend-replace = 要替换的词语（在该分项中只出现一次）
cli-help-consulta-draft-amend-by = 替换后的词语（留空即删除）
cli-help-consulta-draft-amend-delete = 删除整个分项
cli-help-consulta-draft-amend-insert = 在所指分项之后插入这一新分项
cli-help-consulta-draft-amend-justification = 理由，寥寥数句（最多 2000 个字符）
cli-help-consulta-draft-amend-entity = 提出修正的已登记实体（默认：秘书处）
cli-help-consulta-draft-support = 记录某一实体支持或反对一项修正
cli-help-consulta-draft-support-symbol = 草案的文号
cli-help-consulta-draft-support-amendment = 修正的编号
cli-help-consulta-draft-support-entity = 已登记实体
cli-help-consulta-draft-support-oppose = 该实体反对这项修正
cli-help-consulta-draft-revise = 发布下一修订版：按给定顺序纳入已接受的修正，关闭被否决的修正
cli-help-consulta-draft-revise-symbol = 草案的文号
cli-help-consulta-draft-revise-accept = 已接受的修正（编号，以逗号分隔）
cli-help-consulta-draft-revise-reject = 被否决的修正（编号，以逗号分隔）
cli-help-consulta-draft-compile = 显示汇编案文：最新修订版，每项待决修正以方括号标在其位置
cli-help-consulta-draft-compile-symbol = 草案的文号
cli-draft-amend-which = 请说明修正的内容：--replace 词语 --by 词语、--delete 或 --insert 案文。
cli-draft-amended = 对 { $symbol } 的修正 { $number } 已记录。
cli-draft-supported = { $entity } 支持修正 { $number }。
cli-draft-opposed = { $entity } 反对修正 { $number }。
cli-draft-revised = { $symbol }：已发布第 { $revision } 修订版，接受 { $accepted } 项修正，否决 { $rejected } 项。
cli-draft-lost-place = 修正 { $number } 未列入：最新修订版中没有位置 { $place }。
draft-bad-place = “{ $place }”不是草案中的位置：请给出部分编号，然后是分项字母（2/b、2/b/ii；无编号段落用 5/p1）。
draft-no-such-place = 草案中没有 { $place }。
draft-words-not-found = 词语“{ $words }”在 { $place } 中并非恰好出现一次。
draft-amendment-empty = 修正的案文不能为空。
draft-amendment-quoted = 引文段落是另一文件的案文：不能修正。
draft-cannot-apply = 无法作出修正 { $number }：{ $problem }
draft-justification-too-long = 理由最多 { $max } 个字符。
draft-not-pending = 修正 { $number } 不是本草案的待决修正。
draft-supported-by = 支持者：
draft-page-title = 草案 { $symbol }
draft-list = 草案
draft-views = 草案视图
draft-view-text = 案文
draft-view-compilation = 汇编案文
draft-view-compare = 与原文比较
draft-compilation-intro = 最新修订版，每项待决修正以方括号标在其位置：提议替换或删除的词语，然后是提议的词语，并注明修正编号、提出者和支持者。
draft-compare-intro = { $later } 与 { $earlier } 比较：插入的词语加下划线，删除的词语加删除线。
draft-revisions = 修订版
draft-revision-original = 原文
draft-revision = 第 { $number } 修订版
draft-amendments = 修正
draft-amendment-number = 修正 { $number }
draft-amendment-delete = 删除该分项。
draft-amendment-insert = 在其后插入：
draft-amendment-status-pending = 待决
draft-amendment-status-accepted = 已接受
draft-amendment-status-rejected = 已否决
draft-opposed-by = 反对者：
draft-no-amendments = 尚未提出任何修正。
draft-status-proposal = 提案
draft-status-negotiation = 谈判中
draft-status-agreed = 已商定
draft-status-adopted = 已通过
draft-done-amended = 您的修正已记录：列于下方，并见于汇编案文。
draft-done-stance = 您的立场已记录。
draft-done-revised = 已发布下一修订版。
draft-support = 支持
draft-oppose = 反对
draft-propose-heading = 提出修正
draft-propose-for = 您作为 { $entity } 的联络人代表其提出。
draft-propose-secretariat = 您以秘书处身份提出。
draft-field-place = 位置
draft-place-hint = 部分编号，然后是分项字母：2/b、2/b/ii；某部分无编号的段落用 4/p1。
draft-field-kind = 修正内容
draft-kind-replace = 替换词语
draft-kind-delete = 删除该分项
draft-kind-insert = 在其后插入新分项
draft-field-words = 要替换的词语（按分项中的原样）
draft-field-by = 替换为（留空即删除）
draft-field-text = 新分项的案文
draft-field-justification = 理由
draft-propose-submit = 提出修正
draft-sign-in-to-amend = 联络人登录后可提出并支持修正。
draft-decide-heading = 发布下一修订版
draft-decide-intro = 已接受的修正按编号顺序纳入；被否决的修正予以关闭；其余仍然待决。每项决定都记入审计日志。
draft-decide-keep = 保持待决
draft-decide-accept = 接受
draft-decide-reject = 否决
draft-decide-submit = 发布修订版
cli-help-consulta-draft-export = 写出草案：Akoma Ntoso XML（OASIS LegalDocML 3.0，draft import 可再读入）、纯文本或 JSON
cli-help-consulta-draft-export-symbol = 草案的文号
cli-help-consulta-draft-export-revision = 修订版（默认：最新）
cli-help-consulta-draft-export-format = akn（Akoma Ntoso XML）、text、json、html、md、docx 或 pdf
cli-help-consulta-draft-export-output = 要写入的文件（默认：标准输出）
cli-help-consulta-draft-export-compilation = 写出汇编案文（最新修订版，每项待决修正加方括号），而非某一修订版
draft-download = 下载：
draft-agreed-ad-referendum = 待核准商定
draft-amendment-status-merged = 已合并
draft-merged-into = 已并入修正 { $number }
draft-receipt = 修正 { $number } 已记入公开日志第 { $leaf } 条。
draft-receipt-record = 日志所存的该记录
draft-receipt-proof = 日志包含该记录的证明
draft-amendment-leaf = 日志第 { $leaf } 条
draft-field-merges = 合并的修正（秘书处使用；编号以逗号分隔）
draft-merges-hint = 新修正请留空。若填写，此措辞将取代所列修正，后者作为已并入而关闭。
draft-done-merged = 合并后的修正已记录；被合并的修正已关闭。
draft-done-agreed = 商定标记已记录。
draft-done-status = 草案状态已更改。
draft-agree-heading = 待核准商定的段落
draft-agree-intro = 某段落无待决修正时，可将其标为待核准商定：案文和汇编案文均会注明。新修订版在段落位置和措辞不变处保留该标记。
draft-agree-submit = 标为商定
draft-agree-withdraw = 撤回标记
draft-status-heading = 草案状态
draft-status-field = 新状态
draft-status-intro = 无待决修正时草案即为商定，商定后方可通过；通过的案文为最终案文。
draft-status-submit = 更改状态
draft-closed-notice = 本案文{ $status }：不再谈判。
draft-closed = 草案{ $status }：其案文不再谈判。
draft-status-unknown = “{ $status }”不是草案状态（negotiation、agreed、adopted）。
draft-status-refused = 草案不能从“{ $from }”变为“{ $to }”。
draft-status-pending = 仍待决的修正：{ $count }。须先就其作出决定，案文方可商定。
draft-agreed-with-pending = { $place } 有待决修正：在其待决期间不能商定。
draft-merge-too-few = 合并须涉及至少两项待决修正。
cli-draft-amendment-leaf = 公开日志第 { $leaf } 条；其记录的 SHA-256：{ $sha256 }
cli-draft-merged = 修正 { $merged } 已并入修正 { $number }。
cli-draft-agreed = { $symbol } 的 { $place } 已标为待核准商定。
cli-draft-agreement-withdrawn = { $symbol } 的 { $place } 的商定标记已撤回。
cli-draft-status-set = 草案 { $symbol } 现为{ $status }。
cli-help-consulta-draft-merge = 记录秘书处合并若干待决修正的修正，被合并的修正作为已并入而关闭
cli-help-consulta-draft-merge-symbol = 草案的文号
cli-help-consulta-draft-merge-amendments = 被合并的修正（编号，以逗号分隔）
cli-help-consulta-draft-agree = 将最新修订版的某段落标为待核准商定（该段落不得有待决修正），或撤回标记
cli-help-consulta-draft-agree-symbol = 草案的文号
cli-help-consulta-draft-agree-place = 段落：部分编号，然后是分项字母（2/b；无编号段落用 1/p1）
cli-help-consulta-draft-agree-withdraw = 撤回标记
cli-help-consulta-draft-status = 将草案转为谈判中、已商定（无待决修正）或已通过（商定之后；最终）
cli-help-consulta-draft-status-symbol = 草案的文号
cli-help-consulta-draft-status-status = 新状态
cli-help-consulta-draft-merge-place = 位置：部分编号，然后是分项字母（2/b、2/b/ii；无编号段落用 5/p1）
cli-help-consulta-draft-merge-replace = 要替换的词语（在该分项中只出现一次）
cli-help-consulta-draft-merge-by = 替换后的词语（留空即删除）
cli-help-consulta-draft-merge-delete = 删除整个分项
cli-help-consulta-draft-merge-insert = 在所指分项之后插入这一新分项
cli-help-consulta-draft-merge-justification = 理由，寥寥数句（最多 2000 个字符）
draft-no-amendment = 草案 { $symbol } 没有修正 { $number }。
draft-amendment-format = 修正以 Akoma Ntoso（akn）或其记录（json）形式输出。
draft-amendment-heading = 对 { $symbol } 的修正 { $number }，提出方：{ $proposer }
cli-help-consulta-draft-export-amendment = 将一项修正（其编号）输出为 Akoma Ntoso 修正文件，或以 --format json 输出其记录
draft-amendment-akn = Akoma Ntoso
open-data-amendments-csv = 对草案的修正，含提出方、支持方及其日志哈希（CSV）
open-data-drafts-json = 完整草案：各修订版的结构、已商定段落及修正（JSON）
draft-comparison-format = 比较以 HTML、Markdown、DOCX、PDF 或文本形式输出。
cli-help-consulta-draft-export-compare = 输出该修订版（--revision，默认为最新）与此较早修订版的比较：插入加下划线，删除加删除线（html、md、docx、pdf，或以 [+…+] 和 [-…-] 标记的文本）
body-unknown = 没有机构 { $slug }。
body-rules-error = 规则第 { $line } 行：{ $problem }
body-expertise = 专长：{ $tag }
body-everyone = 全体成员
body-or = 或
body-at-least = 至少 { $n }
body-at-most = 至多 { $n }
body-exactly = 恰好 { $n }
body-what-total = 机构成员
body-what-renewal = 被替换的在任成员
body-violation = { $what }：{ $found }（第 { $line } 行规则：须 { $required }）
body-nomination-error = 第 { $line } 行，{ $field }：{ $problem }；未记录任何内容。
body-bad-fields = 机构须有名称（至多 300 个字符）、任务（至多 4000 个字符）以及 1 至 10 年的任期。
body-duplicate = 已有机构 { $slug }。
body-not-a-nomination = 提名 { $number } 不是对本机构的提名。
gender-female = 女性
gender-male = 男性
cli-body-created = 机构 { $slug } 已记录。请用 consulta body rules { $slug } --file 规则文件 设定其规则。
cli-body-rules-set = 机构 { $slug }：已记录 { $rules } 条规则。
cli-body-nominated = 机构 { $slug }：已记录 { $count } 项提名。
cli-body-pinned = 提名 { $number } 已按要求固定。
cli-body-slate-passes = 该 { $count } 人名单符合全部规则。
cli-body-slate-fails = 该名单违反 { $count } 条规则。
cli-body-conflicting-rule =   第 { $line } 行：{ $rule }
cli-body-no-slate = 没有名单能符合全部规则：以下规则无法同时满足（每条都是冲突所必需的）：
cli-body-slate = 符合全部规则的最佳名单（{ $count } 名成员）：
cli-body-seated = 机构 { $slug }：{ $count } 名成员任期自 { $from } 至 { $until }。
cli-body-summary = 今日在任成员 { $members } 名；提名 { $nominations } 项。
cli-help-consulta-body = 成员须均衡的机构：规则、提名、核查与精确求解
cli-help-consulta-body-create = 为某次磋商记录一个机构（工作组、咨询组）
cli-help-consulta-body-create-slug = 机构在地址中的短名（小写字母、数字、'-'）
cli-help-consulta-body-create-consultation = 磋商的短名
cli-help-consulta-body-create-name = 机构名称
cli-help-consulta-body-create-mandate = 其任务
cli-help-consulta-body-create-term_years = 成员任期（年）
cli-help-consulta-body-rules = 从文件设定机构的组成规则（每行一条），或打印规则
cli-help-consulta-body-rules-slug = 机构
cli-help-consulta-body-rules-file = 规则文件
cli-help-consulta-body-rules-objective = 求解器优化的目标：提名方的首选、国家分布、保留在任成员
cli-help-consulta-body-nominate = 从 CSV 文件记录提名，全部或全不
cli-help-consulta-body-nominate-slug = 机构
cli-help-consulta-body-nominate-csv = 文件：person、nominator、process、stakeholder_group、country、gender、expertise、statement、priority
cli-help-consulta-body-pin = 将被提名人固定在或排除出求解名单，或解除固定
cli-help-consulta-body-pin-slug = 机构
cli-help-consulta-body-pin-nomination = 提名编号
cli-help-consulta-body-pin-pin = in、out 或 free
cli-help-consulta-body-check = 按机构规则核查名单：所违反的每条规则及相差多少
cli-help-consulta-body-check-slug = 机构
cli-help-consulta-body-check-slate = 名单中的提名（默认：今日在任成员）
cli-help-consulta-body-check-format = 输出格式
cli-help-consulta-body-solve = 找出符合全部规则的最佳名单，或相互冲突的规则
cli-help-consulta-body-solve-slug = 机构
cli-help-consulta-body-solve-format = 输出格式
cli-help-consulta-body-seat = 任命一份名单任期（默认：求解器名单，自今日起）
cli-help-consulta-body-seat-slug = 机构
cli-help-consulta-body-seat-members = 任命的提名（默认：求解器名单）
cli-help-consulta-body-seat-from = 任期首日（默认：今日）
cli-help-consulta-body-show = 显示机构：今日在任成员及其按群体、区域、发展程度和性别的组成
cli-help-consulta-body-show-slug = 机构
cli-help-consulta-body-show-format = 输出格式
body-term = 成员任期为 { $years } 年。
body-done-nominated = 您的提名已记录。
body-done-rules = 规则已记录。
body-done-pin = 固定设置已记录。
body-done-seated = 名单已任命。
body-members = 成员
body-no-members = 今日无在任成员。
body-term-heading = 任期
body-composition = 组成
body-by-group = 按利益攸关方群体
body-by-region = 按区域组
body-by-development = 按发展程度
body-by-gender = 按性别
body-rules = 组成规则
body-meets-rules = 今日在任成员符合全部规则。
body-no-rules = 秘书处尚未设定规则。
body-nominate-heading = 提名成员
body-nominate-for = 您作为 { $entity } 的联络人提名。
body-field-person = 人员
body-field-group = 利益攸关方群体
body-field-country = 国家
body-country-hint = 两个字母（ISO 3166-1）：KE、BR、FR。
body-field-gender = 性别
body-field-expertise = 专长（以逗号分隔的标签）
body-field-statement = 陈述
body-field-priority = 您的优先顺序（1 为首选）
body-field-invalid = { $field }：请检查此字段。
body-nominate-submit = 提名
body-sign-in-to-nominate = 联络人登录后可提名成员。
body-solved-heading = 求解器名单
body-solved-intro = 按所选目标符合全部规则的最佳 { $count } 人名单：
body-seat-from = 任期首日
body-seat-submit = 任命此名单
body-rule-line = 第 { $line } 行：
body-nothing-to-solve = 尚无可求解内容：机构需要规则和提名。
body-nominations = 提名
body-no-nominations = 尚无提名。
body-nominator = 提名方
body-pin = 求解设置
body-pin-free = 自由
body-pin-in = 始终入选
body-pin-out = 始终排除
body-pin-submit = 设置
body-rules-heading = 规则与目标
body-rules-hint = 每行一条规则：total 42；exactly 22 group=government；at least 1 per region in african,asia_pacific,eastern_european,latin_american_caribbean,weog where group=government；at most 1 per country；at least 40% gender=female；renew at most 50%。
body-objective = 求解目标
body-objective-priority = 提名方的首选
body-objective-spread_countries = 尽可能多的国家
body-objective-keep_seated = 尽可能少替换在任成员
body-rules-submit = 保存规则
body-list = 机构
open-data-bodies-json = 机构：其规则及每一任期，含成员的群体、国家和性别（JSON）
body-role = 职务
body-role-member = 成员
body-role-chair = 主席
body-role-co_chair = 共同主席
body-rotation = 主席轮流担任：{ $rotation }。
body-next-chair = 下一任主席：{ $nominator } 的被提名人。
body-co-chair-candidates = 可任共同主席者（尚未担任过的成员）：{ $members }
cli-body-chair-not-seated = 提名 { $number } 不在任命之列：主席或共同主席须为成员。
cli-help-consulta-body-chairs = 显示主席轮换、下一任主席及可任共同主席者；设定轮换
cli-help-consulta-body-chairs-slug = 机构
cli-help-consulta-body-chairs-rotation = 主席在其间轮换的提名方，按顺序，以逗号分隔
cli-help-consulta-body-seat-chair = 任命为主席的提名
cli-help-consulta-body-seat-co_chair = 任命为共同主席的提名
body-chair-not-in-turn = 轮到 { $nominator } 担任主席。
body-co-chair-held = { $person } 已担任过共同主席：应由其他成员担任。
follow-up-problem-too-large = 文件大于 10 MiB
follow-up-problem-too-many = 文件超过 10,000 行
follow-up-problem-csv = 文件不是 CSV：{ $value }
follow-up-problem-missing-column = 缺少该列
follow-up-problem-missing = 缺少该值
follow-up-problem-too-long = 该值超过 { $count } 个字符
follow-up-problem-action-line = { $value } 不是行动方针（C1 至 C11）
follow-up-problem-date = { $value } 不是 YYYY-MM-DD 格式的日期
follow-up-problem-end-before-start = 结束早于开始
follow-up-problem-status = { $value } 不是状态（planned、in_progress、achieved、dropped）
follow-up-problem-progress = { $value } 不是 0 至 100 的进度
follow-up-problem-achieved = 已实现的承诺进度为 100%
follow-up-problem-duplicate = 编号 { $value } 被使用两次
follow-up-problem-own-parent = 承诺不能是其自身的上级
follow-up-file-error = 第 { $line } 行，字段 { $field }：{ $problem }
follow-up-unknown-consultation = 第 { $line } 行，字段 consultation：没有磋商 { $slug }
follow-up-unknown-parent = 承诺 { $child }：文件和记录中都没有可作其上级的承诺 { $parent }
follow-up-unknown-commitment = 没有承诺 { $number }
follow-up-update-not-allowed = 状态为“{ $from }”的承诺不能变为“{ $to }”
follow-up-update-progress-back = 承诺进行中时，进度不能从 { $from }% 回退到 { $to }%
follow-up-status-planned = 已计划
follow-up-status-in-progress = 进行中
follow-up-status-achieved = 已实现
follow-up-status-dropped = 已放弃
follow-up-role-lead = 牵头协调方
follow-up-role-co-facilitator = 共同协调方
follow-up-role-moderator = 主持方
cli-follow-up-action-line = { $count } 项承诺；协调方：{ $facilitators }
cli-follow-up-imported = 新增 { $added } 项承诺，更新 { $updated } 项。
cli-follow-up-updated = 承诺 { $number } 已更新。
cli-follow-up-bad-year = { $value } 不是 2000 至 2200 年之间的年份
cli-follow-up-bad-role = { $value }：请写作 组织:角色，角色为 lead、co_facilitator 或 moderator
cli-help-consulta-follow-up = 后续记录：行动方针、其协调方、承诺及其进展
cli-help-consulta-follow-up-action-lines = 列出行动方针 C1 至 C11 及其协调方和承诺
cli-help-consulta-follow-up-action-lines-format = 输出格式
cli-help-consulta-follow-up-import = 从结果 CSV（Decidim 与 Consulta 的列）记录承诺，全部或全不；已知编号则更新其承诺
cli-help-consulta-follow-up-import-file = 结果 CSV 文件
cli-help-consulta-follow-up-import-on = 文件中状态生效的日期（默认：今日）
cli-help-consulta-follow-up-export = 将全部承诺写为结果 CSV，可再次导入
cli-help-consulta-follow-up-export-output = 要写入的文件（默认：标准输出）
cli-help-consulta-follow-up-commitments = 按行动方针、实体或状态列出承诺
cli-help-consulta-follow-up-commitments-action_line = 仅限服务于该行动方针者（C1 至 C11）
cli-help-consulta-follow-up-commitments-entity = 仅限该实体（按名称）
cli-help-consulta-follow-up-commitments-status = 仅限该状态
cli-help-consulta-follow-up-commitments-format = 输出格式
cli-help-consulta-follow-up-update = 更新承诺的状态和进度，并按其现状核查
cli-help-consulta-follow-up-update-commitment = 承诺编号
cli-help-consulta-follow-up-update-status = 其状态：planned、in-progress、achieved 或 dropped
cli-help-consulta-follow-up-update-progress = 其进度（百分比）
cli-help-consulta-follow-up-update-on = 生效日期（默认：今日）
cli-help-consulta-follow-up-update-note = 原因（一句话）
cli-help-consulta-follow-up-facilitators = 按年份显示各行动方针的协调方；替换某一年某方针的协调方
cli-help-consulta-follow-up-facilitators-year = 年份
cli-help-consulta-follow-up-facilitators-action_line = 要替换其协调方的行动方针
cli-help-consulta-follow-up-facilitators-set = 组织及其角色，以逗号分隔：ITU:lead,UNESCO:co_facilitator
nav-follow-up = 后续行动
action-lines-title = 日内瓦行动计划的行动方针
action-lines-intro = 信息社会世界峰会的十一条行动方针、各方针的协调方，以及服务于它们的承诺的进展。
action-line-column-line = 行动方针
action-line-column-facilitators-year = { $year } 年的协调方
action-line-facilitators = 协调方
action-line-commitments = 承诺
action-lines-source = 来源：日内瓦行动计划（WSIS-03/GENEVA/DOC/5），C 节。
action-lines-csv = 承诺（CSV）
follow-up-no-facilitators = 此行动方针尚无协调方记录。
follow-up-no-commitments = 尚无承诺服务于此行动方针。
action-line-status-counts = 已计划：{ $planned }；进行中：{ $progress }；已实现：{ $achieved }；已放弃：{ $dropped }。
commitment-column-title = 承诺
commitment-entity = 承诺方
commitment-status = 状态
commitment-progress = 进度
commitment-action-lines = 行动方针
commitment-dates = 日期
commitment-indicator = 指标
commitment-target = 目标
commitment-parent = 隶属于
commitment-number = 承诺 { $number }
commitment-consultation = 来源磋商
commitment-timeline = 时间线
commitment-progress-chart = “{ $title }”随时间的进度（百分比）
report-follow-up-title = { $year } 年信息社会世界峰会成果落实和后续行动进展
report-follow-up-subtitle = 秘书处的报告
report-follow-up-section-introduction = 一. 导言
report-follow-up-introduction = 截至 { $year } 年底，按日内瓦行动计划各行动方针记录的承诺共 { $count } 项：已实现 { $achieved } 项，进行中 { $progress } 项，已计划 { $planned } 项，已放弃 { $dropped } 项。年内有 { $updates } 项提交了报告。
report-follow-up-chart = { $year } 年底按状态分列的承诺
report-follow-up-section-facilitators = 二. 行动方针及其协调方
report-follow-up-facilitators = 下表列出了 { $year } 年协调各行动方针的组织。
report-follow-up-facilitators-caption = { $year } 年行动方针及其协调方
report-follow-up-no-facilitators = 未记录 { $year } 年的协调方。
report-follow-up-section-progress = 三. 各行动方针的进展
report-follow-up-line = { $line }：承诺 { $count } 项；已实现 { $achieved } 项，进行中 { $progress } 项，已计划 { $planned } 项，已放弃 { $dropped } 项。
report-follow-up-commitments-caption = 服务于 { $line } 的承诺
report-follow-up-progress-at = { $year } 年底进度
report-follow-up-section-missing = 四. 未提交报告的承诺
report-follow-up-missing = { $year } 年底已计划或进行中的承诺中有 { $count } 项年内未提交报告。
report-follow-up-none-missing = { $year } 年底所有已计划或进行中的承诺均在年内提交了报告。
report-follow-up-missing-caption = { $year } 年未提交报告的承诺
report-follow-up-last-report = 最近一次报告
cli-report-needs-consultation = 请指定磋商（--consultation SLUG），或请求某年的后续报告（--kind follow-up --year 年份）。
cli-help-consulta-report-kind = 哪种报告：某次磋商的综合报告，或某年的后续报告
cli-help-consulta-report-year = 后续报告的年份
report-follow-up-column-lead = 牵头协调方
report-follow-up-column-co-facilitators = 共同协调方
report-follow-up-column-moderators = 主持方
follow-up-unknown-round = 没有基于磋商 { $slug } 的报告轮次
follow-up-duplicate-round = 磋商 { $slug } 已是一个报告轮次
follow-up-unknown-entity = 没有已记录的实体 { $name }
follow-up-standing-reported = 已报告
follow-up-standing-late = 逾期
follow-up-standing-due = 待提交
follow-up-reminder-subject = 提醒：您 { $year } 年的进展报告
follow-up-reminder-body = { $name }，您好：

    现邀请 { $entity } 报告其 { $year } 年的进展（{ $round }）。报告截止日期为 { $deadline }。您可在 { $link } 提交。

    秘书处
cli-follow-up-round-opened = 报告轮次 { $slug } 已开启；已邀请 { $count } 个组织。
cli-follow-up-round-summary = { $count } 个受邀组织中已有 { $reported } 个提交报告；{ $late } 个逾期。
cli-follow-up-reminded = 已将 { $count } 条提醒加入发送队列。
cli-help-consulta-follow-up-round = 报告轮次：受邀组织通过某次磋商提交进展报告
cli-help-consulta-follow-up-round-open = 基于某次磋商开启报告轮次（其问题为模板，其截止即期限）
cli-help-consulta-follow-up-round-open-consultation = 磋商的短名
cli-help-consulta-follow-up-round-open-year = 报告所涉年份
cli-help-consulta-follow-up-round-open-action_lines = 报告所涉行动方针，以逗号分隔（C2,C5）
cli-help-consulta-follow-up-round-open-invite = 受邀报告的已记录实体，以分号分隔
cli-help-consulta-follow-up-round-status = 显示某轮次中谁已报告、谁逾期、谁待提交
cli-help-consulta-follow-up-round-status-consultation = 该轮次的磋商
cli-help-consulta-follow-up-round-status-format = 输出格式
cli-help-consulta-follow-up-round-remind = 向尚未报告的受邀组织的联络人发送提醒邮件
cli-help-consulta-follow-up-round-remind-consultation = 该轮次的磋商
cli-help-consulta-follow-up-round-remind-public_url = 实例的公开地址，提醒中的链接指向该地址
reports-due-title = 待提交的报告
reports-due-intro = { $entity } 受邀参加的报告轮次。
reports-due-round = { $year } 年在 { $lines } 方面的进展；报告截止日期 { $deadline }。
reports-due-reported = 您的报告已记录。
reports-due-receipt = 其回执
reports-due-late = 截止日期前未收到报告。
reports-due-file = 提交您的进展报告
reports-due-status = { $count } 个受邀组织中已有 { $reported } 个提交报告；{ $late } 个逾期。
reports-due-none = 目前没有与您相关的报告轮次。
reporting-round-invitees = 受邀组织
reporting-round-report = 报告
reporting-round-contribution = 提交材料 { $number }
reporting-round-remind = 提醒尚未报告者
reporting-round-reminded = { $count } 条提醒已加入发送队列。
nav-reports-due = 待提交的报告
report-follow-up-section-rounds = { $number ->
        [V] 五
       *[other] 六
    }. 报告轮次
report-follow-up-round = { $round }：{ $count } 个受邀组织中有 { $reported } 个提交了报告。
report-follow-up-round-late = 以下组织未在截止日期前提交报告：{ $names }。
report-follow-up-round-open = 该轮次仍在进行中。
follow-up-cycle-review = { $year } 年，联合国信息社会小组由 { $chair } 担任主席，科学和技术促进发展委员会举行其 { $start }–{ $end } 年周期的审查届会。
follow-up-cycle-policy = { $year } 年，联合国信息社会小组由 { $chair } 担任主席，科学和技术促进发展委员会举行其 { $start }–{ $end } 年周期的政策届会。
action-line-column-in-progress = 进行中
action-line-column-achieved = 已实现
follow-up-org-itu = 国际电联
follow-up-org-unesco = 教科文组织
follow-up-org-undp = 开发署
follow-up-bad-choice = { $value } 不在以下值之中：{ $allowed }
cli-help-consulta-follow-up-commitments-group = 仅限属于该利益攸关方群体的已记录实体
cli-help-consulta-follow-up-commitments-region = 仅限属于该联合国区域组的实体（african、asia_pacific、eastern_european、latin_american_caribbean、weog）
cli-help-consulta-follow-up-commitments-development = 仅限该发展程度的实体
commitments-title = 承诺及其进展
commitments-filter-group = 利益攸关方群体
commitments-filter-region = 区域组
commitments-filter-development = 发展程度
commitments-filter-any = 全部
commitments-count = 显示的承诺：{ $count }
action-lines-all-commitments = 全部承诺，可按利益攸关方群体、区域或发展程度查看
number-group-separator = ,
forum-title = 项目与资金论坛
forum-intro = 利益攸关方发布需要资金的项目和所提供的资金来源（突尼斯议程第 27 g 段）。每个项目与其行动方针、地点和资格条件相符的资金来源匹配，并列出理由。任何人都可阅读；经核实实体的联络人可发布和回复。
forum-new-project = 发布项目
forum-new-funding = 发布资金来源
forum-sign-in-to-post = 经核实实体的联络人登录后可发布和回复。
forum-count = 条目：{ $count }
forum-answers = 问答：{ $count }
forum-matches = 匹配：{ $count }
forum-open-data = 开放数据（JSON）
forum-empty = 论坛尚无发布内容。
forum-kind-project = 项目
forum-kind-funding = 资金来源
forum-posted-by = 发布者
forum-grants = 资助金额
forum-matches-funding = 本项目符合的资金来源
forum-matches-projects = 符合本资金来源的项目
forum-no-matches = 目前没有。
forum-thread = 问答
forum-no-answers = 尚无人提问。
forum-reply-label = 您的问题或回答
forum-reply-for = 以 { $entity } 的名义发布。
forum-reply-submit = 发布
forum-moderation = 审核
forum-hide-reason = 理由（显示于原处）
forum-hide-item = 隐藏此条目
forum-hide-answer = 隐藏
forum-show-again = 重新显示
forum-hidden-because = 已被秘书处隐藏：{ $reason }
forum-hidden-title = 已被秘书处隐藏的条目
forum-posting-for = 以 { $entity } 的名义发布，附日期，供所有人阅读。金额以整数美元计。
forum-field-kind = 类别
forum-field-title = 标题
forum-field-description = 说明
forum-field-need = 需求：项目做什么、为谁做、资金将用于何处
forum-field-scope = 范围：资助什么、如何申请
forum-field-action-lines = 行动方针
forum-field-countries = 实施国家
forum-field-covered-countries = 涵盖的国家（如有指定）
forum-field-country = 国家（代码）
forum-field-regions = 涵盖的区域组
forum-field-development = 面向以下发展地位的国家
forum-field-groups = 面向以下利益攸关方群体
forum-field-budget = 预算（美元）
forum-field-amount-min = 最低资助额（美元）
forum-field-amount-max = 最高资助额（美元）
forum-field-deadline = 申请截止日期
forum-field-funder = 资助方
forum-field-contact = 联系方式
forum-countries-hint = 以逗号分隔的 ISO 代码，例如 KE, UG
forum-amount-hint = 整数，例如 150000 或 150,000
forum-eligibility-hint = 列表不勾选即表示面向所有人。
forum-contact-hint = 按原样公布：请填写机构地址，而非个人私人地址。
forum-post-submit = 在论坛发布
forum-field-error = { $field }：{ $problem }
forum-problem-missing = 必填
forum-problem-too-long = 超过 { $count } 个字符
forum-problem-too-many = 列出的数量超过 { $count }
forum-problem-kind = { $value } 既不是 project 也不是 funding
forum-problem-country = { $value } 不是国家代码
forum-problem-region = { $value } 不是联合国区域组
forum-problem-development = { $value } 不是发展地位（ldc、developing、developed）
forum-problem-group = { $value } 不是本网站的利益攸关方群体
forum-problem-amount = { $value } 不是整数美元金额
forum-problem-min-above-max = 最低资助额大于最高资助额
forum-problem-funding-only = 只有资金来源才有此项
forum-problem-project-only = 只有项目才有此项
forum-not-verified = 只有经核实实体的联络人才能在论坛发布。
forum-unknown-item = 论坛中没有条目 { $number }。
forum-unknown-reply = 条目 { $item } 下没有回复 { $number }。
forum-no-reason = 请给出隐藏理由：它将显示在原处。
forum-reason-action-lines = 共同的行动方针：{ $codes }
forum-reason-country = 涵盖的国家：{ $country }
forum-reason-region = 涵盖的区域组：{ $region }（{ $country }）
forum-reason-anywhere = 涵盖的国家：全部
forum-reason-development = 面向：{ $status }（{ $country }）
forum-reason-group = 面向：{ $group }
forum-reason-budget = 预算 { $budget }；资助 { $range }
forum-reason-deadline = 申请截止 { $date }
forum-dollars = { $amount } 美元
forum-range = { $min } 至 { $max }
forum-range-from = { $min } 起
forum-range-up-to = 最高 { $max }
forum-file-too-large = 文件大于 { $size }
forum-file-error = 第 { $line } 行：{ $problem }
cli-forum-posted = 条目 { $number } 已发布在论坛。
cli-forum-hidden = 已隐藏（条目 { $number }）。
cli-forum-restored = 已重新显示（条目 { $number }）。
cli-help-consulta-forum = 项目与资金论坛：阅读、代实体发布、审核
cli-help-consulta-forum-list = 列出条目及其匹配
cli-help-consulta-forum-list-kind = 仅项目或仅资金来源
cli-help-consulta-forum-list-action_line = 仅服务于此行动方针的（C1 至 C11）
cli-help-consulta-forum-list-country = 仅列出此国家的（ISO 代码）
cli-help-consulta-forum-list-hidden = 秘书处隐藏的条目及理由
cli-help-consulta-forum-list-format = 输出格式
cli-help-consulta-forum-show = 显示一个条目：字段、匹配及理由、问答
cli-help-consulta-forum-show-item = 条目编号
cli-help-consulta-forum-show-format = 输出格式
cli-help-consulta-forum-post = 从字段 JSON 文件为已登记实体发布项目或资金来源
cli-help-consulta-forum-post-entity = 以其名义发布的已登记实体
cli-help-consulta-forum-post-file = JSON 对象：kind、title、description、action_lines、countries、budget（项目）；regions、development、groups、amount_min、amount_max、deadline、funder（资金来源）；contact
cli-help-consulta-forum-hide = 隐藏条目或其中一条回复，并在原处显示理由
cli-help-consulta-forum-hide-item = 条目编号
cli-help-consulta-forum-hide-answer = 回复编号（而非整个条目）
cli-help-consulta-forum-hide-reason = 理由，显示于原处
cli-help-consulta-forum-restore = 重新显示被隐藏的条目或回复
cli-help-consulta-forum-restore-item = 条目编号
cli-help-consulta-forum-restore-answer = 回复编号（而非整个条目）
action-lines-forum = 需要资金的项目和可提供的资金来源见项目与资金论坛。
report-follow-up-section-forum = { $number ->
        [V] 五
       *[other] 六
    }. 项目与资金论坛
report-follow-up-forum = { $year } 年在项目与资金论坛发布：项目 { $projects } 个；资金来源 { $funding } 个。截至本报告日期，至少符合一个资金来源的项目：{ $matched } 个。
report-follow-up-forum-caption = { $year } 年发布的项目及各自符合的资金来源
cli-help-consulta-follow-up-round-open-lists = 另邀请此认可名单中有联系人的实体，与邀请活动相同（可重复）
cli-help-consulta-follow-up-round-open-groups = 另邀请此利益攸关方群体中有联系人的实体（可重复）
cli-help-consulta-follow-up-round-open-regions = 另邀请此联合国区域组中有联系人的实体（可重复）
cli-help-consulta-follow-up-round-open-countries = 另邀请此国家（ISO 代码）中有联系人的实体（可重复）
cli-help-consulta-follow-up-round-open-public_url = 指定名单、群体、区域或国家时：向每个选定联系人发送活动邀请，链接位于此公开地址下
commitments-filter-issue = 议题
commitment-issues = 涉及的议题
commitment-draft = 来自草案
commitment-contribution = 来自意见
follow-up-unknown-reference = 第 { $line } 行，字段 { $field }：记录中没有 { $value }
follow-up-problem-issue = { $value } 不是议题标识符（小写字母、数字和 _）
follow-up-problem-contribution = { $value } 不是意见编号
cli-help-consulta-follow-up-commitments-issue = 仅限服务于此分类议题的（其标识符）
reports-due-informs = { $session ->
        [review] 这些报告供委员会 { $year } 年审查届会参考（{ $start }–{ $end } 周期）。
       *[policy] 这些报告供委员会 { $year } 年政策届会参考（{ $start }–{ $end } 周期）。
    }
