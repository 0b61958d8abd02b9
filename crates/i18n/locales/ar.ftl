## Consulta — الرسائل باللغة العربية. كل مفتاح في en.ftl موجود هنا أيضاً (يتحقق من ذلك اختبار).

test-greeting = مرحباً، { $name }

## Stakeholder groups, channels, regional groups, development status

group-government = الحكومات
group-international_organization = المنظمات الدولية
group-civil_society = المجتمع المدني
group-private_sector = القطاع الخاص
group-academic = الأوساط الأكاديمية
group-technical = الأوساط التقنية
channel-written = التعليقات الكتابية
channel-presentation = العروض المقدمة في الاجتماع
channel-intervention = المداخلات في المناقشة المفتوحة
channel-written-short = كتابي
channel-presentation-short = عرض
channel-intervention-short = مداخلة
region-african = مجموعة الدول الأفريقية
region-asia_pacific = مجموعة دول آسيا والمحيط الهادئ
region-eastern_european = مجموعة دول أوروبا الشرقية
region-latin_american_caribbean = مجموعة دول أمريكا اللاتينية ومنطقة البحر الكاريبي
region-weog = مجموعة دول أوروبا الغربية ودول أخرى
development-ldc = بلد من أقل البلدان نمواً
development-developing = بلد نام
development-developed = بلد متقدم النمو
status-upcoming = لم تفتح بعد
status-open = مفتوحة لتلقي المساهمات
status-closed = مغلقة

## The distribution table

table-caption = توزيع المساهمات الواردة
table-group = فئة أصحاب المصلحة
table-total = المجموع
table-unverified = هوية لم يتحقق منها (غير محسوبة أعلاه)
table-withheld-note = { $count ->
    [one] لا تُحسب مساهمة واحدة حُجبت عن النشر.
    [two] لا تُحسب مساهمتان حُجبتا عن النشر.
    [few] لا تُحسب { $count } مساهمات حُجبت عن النشر.
   *[other] لا تُحسب { $count } مساهمة حُجبت عن النشر.
}
table-empty = لم ترد أي مساهمة بعد.

## Import of contribution files

import-row-field-error = السطر { $line }، العمود { $field }: { $problem }
import-row-error = السطر { $line }: { $problem }
import-missing = هذا الحقل إلزامي وهو فارغ
import-not-utf8 = النص ليس بترميز UTF-8 صالح (احفظ الملف بصيغة «CSV UTF-8»)
import-field-count = في الصف { $found } حقلاً بينما في سطر العناوين { $expected }
import-entity-name-too-long = اسم الجهة أطول من { $max } حرفاً
import-entity-name-control = اسم الجهة يتضمن حرف تحكم (فاصل سطر أو علامة جدولة مثلاً)
import-country-required = تذكر الحكومة بلدها: اختره من القائمة
import-unknown-group = فئة أصحاب مصلحة غير معروفة «{ $value }» (المتوقع إحدى الفئات: { $known })
import-unknown-country = رمز بلد غير معروف «{ $value }» (المتوقع رمز ISO 3166-1 مثل FR أو FRA، أو لا شيء لجهة دولية)
import-unknown-channel = قناة غير معروفة «{ $value }» (المتوقع written أو presentation أو intervention)
import-bad-date = «{ $value }» ليس تاريخاً (المتوقع صيغة RFC 3339 مثل 2010-12-14T15:00:00Z، أو تاريخ مثل 2010-12-14)
import-outside-period = { $value } خارج فترة المشاورة (لتسجيل هذه الصفوف موسومة بأنها متأخرة، استورد مع --accept-late)
import-bad-language = «{ $value }» ليس وسم لغة (المتوقع وسم BCP 47 مثل en أو fr أو es-419)
import-title-too-long = العنوان أطول من { $max } حرفاً
import-control-character = يتضمن حرف تحكم غير مرئي ({ $code }) في الحرف رقم { $at }: احذفه
import-body-too-large = النص أكبر من { $max } بايت
import-meeting-required = المساهمة من نوع «{ $channel }» تقدَّم في اجتماع: اذكر تاريخ الاجتماع
import-unknown-meeting = ليس للمشاورة اجتماع في «{ $value }» (اجتماعاتها: { $known })
import-no-meetings = ليس للمشاورة اجتماع في «{ $value }» (ليس لها أي اجتماع بعد: أضف اجتماعاً بالأمر «consulta meeting add»)
import-entity-group-conflict = «{ $entity }» مسجلة في الفئة «{ $recorded }»
import-entity-country-conflict = «{ $entity }» مسجلة مع البلد { $recorded }
import-entity-no-country = «{ $entity }» مسجلة دون بلد
import-file-empty = الملف فارغ (المتوقع سطر عناوين: { $expected })
import-file-no-rows = في الملف سطر عناوين لكن لا مساهمة فيه
import-file-missing-columns = تنقص سطرَ العناوين الأعمدةُ { $columns } (المتوقع: { $expected })
import-file-unknown-columns = في سطر العناوين أعمدة غير معروفة { $columns } (المتوقع: { $expected }، واختيارياً on_behalf_of)
import-file-duplicate-column = يذكر سطر العناوين العمود { $column } مرتين
import-file-unreadable = السطر { $line }: تتعذر قراءة الملف بصيغة CSV ({ $reason })

## Command line

cli-consultation-created = أنشئت المشاورة { $slug }: { $status }، من { $opens } إلى { $closes } ({ $zone }).
cli-meeting-added = أضيف إلى { $slug } اجتماع { $date } في { $place }.
cli-imported = استوردت إلى { $slug } مساهمات عددها { $contributions } ({ $entities } جهات جديدة، { $late } متأخرة).
cli-import-refused = { $file }: لم يُستورد شيء. صحح هذه الصفوف ثم استورد الملف مرة أخرى:
cli-import-more-errors = … و{ $count } أخرى.
cli-import-file-refused = { $file }: لم يُستورد شيء: { $problem }
cli-import-progress = جارٍ الاستيراد
cli-unknown-consultation = لا توجد مشاورة باسم «{ $slug }». { $known }
cli-known-consultations = المشاورات الموجودة: { $list }.
cli-no-consultations = لا توجد أي مشاورة بعد: أنشئ واحدة بالأمر «consulta consultation create».
cli-serving = Consulta تخدم { $url }
cli-demo-loading = جارٍ تحميل المشاورة التجريبية في { $path } …
role-secretariat = الأمانة
role-focal_point = جهة التنسيق
demo-accounts-title = حسابات العرض التجريبي
demo-accounts-intro = لهذا العرض التجريبي فقط: هذه الحسابات وكلمات مرورها موجودة في قاعدة بياناته المؤقتة، وتُعرض على كل من يفتحه. ادخل بصفة الأمانة لوسم المساهمات وحجب إحداها ودعوة جهات التنسيق وكتابة التقرير؛ وادخل بصفة جهة التنسيق للمساهمة باسم دولة خيالية.
demo-accounts-sign-in = ادخل بأحدها
cli-demo-account = { $role }: { $email }، كلمة المرور { $password }
cli-demo-accounts = حسابات العرض التجريبي (لهذا العرض فقط؛ معروضة أيضاً في صفحته الرئيسية):
cli-demo-loaded = حُمّلت { $count } مساهمة على سبيل المثال.
cli-error = خطأ
cli-consultation-line = { $slug }  { $status }  { $opens } – { $closes }  { $title }

## Web pages

site-name = Consulta
site-tagline = مشاورات مفتوحة بين أصحاب المصلحة المتعددين
skip-link = الانتقال إلى المحتوى
language-switch = اللغة
example-banner = بيانات على سبيل المثال. الجهات والنصوص في هذه المشاورة مختلقة لأغراض العرض؛ وليست كلام أي حكومة أو منظمة حقيقية.
example-label = مثال
consultations-title = المشاورات
consultations-intro = دعوات لتقديم المساهمات موجهة إلى الحكومات والمنظمات الدولية والمجتمع المدني والقطاع الخاص والأوساط الأكاديمية والتقنية.
consultations-empty = لا توجد أي مشاورة بعد.
consultation-mandate = الولاية
consultation-period = الفترة
consultation-period-value = من { $opens } إلى { $closes } ({ $zone })
consultation-status = الحالة
consultation-questions = أسئلة توجيهية
consultation-meetings = الاجتماعات
consultation-meeting-line = { $date }، { $place }
consultation-contributions = المساهمات
consultation-table-link = جدول التوزيع
filter-legend = عرض المساهمات
filter-group = فئة أصحاب المصلحة
filter-channel = القناة
filter-all = الكل
filter-apply = عرض
contributions-count = { $total ->
    [0] لا توجد مساهمة مطابقة.
    [one] مساهمة واحدة.
   *[other] { $total } مساهمة؛ معروضة من { $from } إلى { $to }.
  }
contributions-column-date = تاريخ الورود
contributions-column-title = العنوان
contributions-column-entity = الجهة
page-previous = الصفحة السابقة
page-next = الصفحة التالية
pagination = الصفحات
contribution-entity = الجهة
contribution-group = فئة أصحاب المصلحة
contribution-channel = القناة
contribution-meeting = الاجتماع
contribution-submitted = تاريخ الورود
contribution-language = اللغة
contribution-on-behalf-of = باسم
contribution-late = وردت خارج فترة المشاورة
contribution-consultation = المشاورة
contribution-text = النص
entity-group = فئة أصحاب المصلحة
entity-country = البلد
entity-no-country = لا يوجد (جهة دولية)
entity-regional-group = المجموعة الإقليمية في الأمم المتحدة
entity-development = مستوى التنمية
entity-contributions = المساهمات
entity-none = —
error-not-found-title = الصفحة غير موجودة
error-not-found = لا يوجد شيء في هذا العنوان. ربما كُتب خطأً، أو ربما لا وجود للعنصر.
error-bad-request-title = طلب غير مفهوم
error-bad-request = يتضمن العنوان قيمة لا تستطيع Consulta قراءتها: { $detail }
error-server-title = حدث خطأ
error-server = تعذر على Consulta عرض هذه الصفحة بسبب خطأ من جانبها. سُجّل الخطأ؛ يرجى المحاولة لاحقاً.
back-home = العودة إلى المشاورات
footer-record = كل مساهمة ترد جزء من السجل العام.
footer-software = Consulta، برمجية مفتوحة المصدر للمشاورات العامة.

## Dates

date-long = { $day } { $month } { $year }
date-time = { $date }، الساعة { $time }
month-1 = كانون الثاني/يناير
month-2 = شباط/فبراير
month-3 = آذار/مارس
month-4 = نيسان/أبريل
month-5 = أيار/مايو
month-6 = حزيران/يونيه
month-7 = تموز/يوليه
month-8 = آب/أغسطس
month-9 = أيلول/سبتمبر
month-10 = تشرين الأول/أكتوبر
month-11 = تشرين الثاني/نوفمبر
month-12 = كانون الأول/ديسمبر

## Language names, each in its own language

language-name-en = English
language-name-fr = Français

## Consultation list

consultation-contribution-total = { $total ->
    [0] لا مساهمة بعد
    [one] مساهمة واحدة
    [two] مساهمتان
    [few] { $total } مساهمات
   *[other] { $total } مساهمة
  }

## Command-line help (cli-help-<command path>[-<argument>])

cli-help-consulta = Consulta: مشاورات مفتوحة بين أصحاب المصلحة المتعددين، من الدعوة إلى تقديم المساهمات حتى السجل وجداوله.
cli-help-consulta-db = قاعدة البيانات: ملف SQLite يُنشأ إن لم يوجد (أو sqlite:///المسار)، أو قاعدة PostgreSQL بالصيغة postgres://user:password@host:port/name يمكن أن تتشاركها عدة خوادم
cli-help-consulta-config = ملف إعدادات بصيغة TOML، إعداد واحد في كل سطر باسم خياره (db = "consulta.db", public-url = "https://…", max-files = 10). للخيار أو لمتغيره CONSULTA_* الأولوية على الملف، وللملف الأولوية على القيم الافتراضية
cli-help-consulta-consultation = إنشاء المشاورات وسردها
cli-help-consulta-consultation-create = إنشاء مشاورة: دعوة إلى تقديم المساهمات بولاية وفترة
cli-help-consulta-consultation-create-slug = اسم مختصر يستخدم في العناوين والأوامر (حروف لاتينية صغيرة وأرقام و'-')
cli-help-consulta-consultation-create-title = العنوان، باللغة المحددة بالخيار --lang
cli-help-consulta-consultation-create-opens = تاريخ الافتتاح (2010-09-01) أو التاريخ والوقت (2010-09-01T09:00) في المنطقة الزمنية
cli-help-consulta-consultation-create-closes = تاريخ الإغلاق (يُحسب اليوم كاملاً) أو التاريخ والوقت، في المنطقة الزمنية
cli-help-consulta-consultation-create-mandate = القرار الذي يدعو إلى المشاورة (مثلاً "قرار المجلس الاقتصادي والاجتماعي 2010/2")
cli-help-consulta-consultation-create-description = الوصف، باللغة المحددة بالخيار --lang
cli-help-consulta-consultation-create-questions = سؤال توجيهي؛ كرر الخيار لعدة أسئلة
cli-help-consulta-consultation-create-lang = لغة النصوص المقدمة (وسم BCP 47: en، fr، es، …)
cli-help-consulta-consultation-create-time_zone = المنطقة الزمنية للتواريخ (اسم IANA: UTC، Europe/Zurich، America/New_York)
cli-help-consulta-consultation-list = سرد المشاورات
cli-help-consulta-meeting = إدارة اجتماعات مشاورة
cli-help-consulta-meeting-add = إضافة اجتماع تُقدَّم فيه العروض والمداخلات
cli-help-consulta-meeting-add-consultation = الاسم المختصر للمشاورة
cli-help-consulta-meeting-add-date = تاريخ الاجتماع (2010-12-14)
cli-help-consulta-meeting-add-place = مكان انعقاده
cli-help-consulta-import = استيراد بيانات إلى السجل
cli-help-consulta-import-contributions = استيراد مساهمات من ملف CSV (الأعمدة: entity,stakeholder_group,country,channel,submitted_at,language,title,body,meeting)؛ كل الصفوف أو لا شيء
cli-help-consulta-import-contributions-file = ملف CSV (بترميز UTF-8، مع BOM أو بدونه)، أو - للإدخال القياسي
cli-help-consulta-import-contributions-consultation = الاسم المختصر للمشاورة
cli-help-consulta-import-contributions-accept_late = تسجيل الصفوف المؤرخة خارج فترة المشاورة موسومة بأنها متأخرة، بدلاً من رفض الملف
cli-help-consulta-table = طباعة توزيع المساهمات حسب فئة أصحاب المصلحة والقناة
cli-help-consulta-table-consultation = الاسم المختصر للمشاورة
cli-help-consulta-table-format = صيغة الإخراج
cli-help-consulta-table-lang = لغة التسميات (الافتراضية: من البيئة)
cli-help-consulta-report = كتابة مشروع التقرير التجميعي لمشاورة (فقرات مرقمة، جداول، مسائل وآليات وثغرات، رسوم بيانية، مرفق بأسماء المساهمين)
cli-help-consulta-report-consultation = الاسم المختصر للمشاورة
cli-help-consulta-report-lang = لغة التقرير (الافتراضية: من البيئة)
cli-help-consulta-report-format = صيغة الملف: html، أو md (Markdown)، أو docx (Word، يفتح في LibreOffice)، أو pdf
cli-help-consulta-report-output = الكتابة في هذا الملف بدلاً من الإخراج القياسي
cli-help-consulta-report-public_url = عنوان الموقع العام، لروابط المساهمات (CONSULTA_PUBLIC_URL)؛ وبدونه تُذكر المساهمات بلا روابط
cli-report-annex = قائمة المساهمين، وهي أطول من أن تدرج في التقرير، مكتوبة في { $path }.
cli-help-consulta-load-demo = تحميل المشاورة التجريبية في قاعدة البيانات المحددة بالخيار --db (ويُفترض أن تكون جديدة)، لتجربة الأوامر الأخرى عليها
cli-help-consulta-backup = أخذ نسخة احتياطية من النسخة العاملة (قاعدة البيانات والمرفقات) في دليل جديد، دون توقفها عن الخدمة
cli-help-consulta-backup-directory = الدليل المراد إنشاؤه
cli-help-consulta-restore = استعادة نسخة احتياطية في نسخة عاملة جديدة (--db، ملف SQLite جديد أو قاعدة PostgreSQL فارغة؛ ويجب ألا يكون --files موجوداً بعد)، ثم مطابقة كل مساهمة مع السجل
cli-help-consulta-restore-directory = دليل النسخة الاحتياطية
cli-backup-exists = { $path } موجود من قبل: النسخة الاحتياطية تُحفظ في دليل جديد.
cli-backup-done = حُفظت النسخة الاحتياطية في { $path }: { $contributions } مساهمة، { $attachments } مرفقاً، جذر السجل { $root }.
cli-restore-format = ليست هذه نسخة احتياطية من Consulta تستطيع Consulta قراءتها (الصيغة { $format }).
cli-restore-exists = { $path } موجود من قبل: الاستعادة تُنشئ نسخة عاملة جديدة ولا تكتب فوق نسخة قائمة أبداً.
cli-restore-root = جذر السجل المستعاد هو { $found }، بينما سجلت النسخة الاحتياطية { $expected }.
cli-restore-failed = السجل المستعاد لا يجتاز التحقق:
cli-restore-done = استعيدت في { $path }: { $contributions ->
    [one] مساهمة واحدة، في السجل
    [two] مساهمتان، كل منهما في السجل
    [few] { $contributions } مساهمات، كل منها في السجل
   *[other] { $contributions } مساهمة، كل منها في السجل
}؛ الجذر { $root }، كما في النسخة الاحتياطية.
cli-help-consulta-check = مطابقة كل مساهمة مع السجل العام: ورقة واحدة لكل منها، وسجلها دون تغيير، وبرهانها يؤدي إلى الجذر
cli-check-failed = السجل لا يجتاز التحقق:
cli-check-done = تم التحقق من { $contributions } مساهمة{ $statements ->
    [0] {""}
   *[other] {" "}و{ $statements } عبارة مطروحة للتصويت
}{ $amendments ->
    [0] {""}
   *[other] {" "}و{ $amendments } تعديل على مشاريع
}: كل منها في السجل، دون تغيير. الجذر { $root }. الشجرة المعاد بناؤها من السجلات تطابق { $heads ->
    [0] لا رأس موقّعاً (لا دفتر في { $journal })
    [one] الرأس الموقّع الوحيد في { $journal }
   *[other] جميع الرؤوس الموقّعة في { $journal } ({ $heads })
}.
cli-help-consulta-serve = تقديم الصفحات العامة وواجهة البرمجة
cli-help-consulta-serve-addr = العنوان الذي يُستمع عليه (المنفذ 0 يختار منفذاً حراً)
cli-help-consulta-demo = تحميل المشاورة التجريبية في قاعدة بيانات مؤقتة جديدة وتقديمها
cli-help-consulta-demo-addr = العنوان الذي يُستمع عليه (المنفذ 0 يختار منفذاً حراً)

## Command line: the words of --help that clap would write in English
cli-usage = الاستخدام:
cli-options = الخيارات
cli-arguments = الوسائط
cli-commands = الأوامر
cli-help-flag = طباعة هذه المساعدة
cli-version-flag = طباعة الإصدار
cli-possible-values = القيم: { $values }
cli-default-value = الافتراضي: { $value }
cli-env-variable = المتغير: { $name }

## Command line: translations and databases

cli-consultation-translated = أصبحت نصوص المشاورة { $slug } متاحة باللغات: { $languages }.
cli-no-database = لا توجد قاعدة بيانات في { $path }. أنشئ مشاورة أولاً (consulta consultation create)، أو اذكر المسار الصحيح بالخيار --db أو بالمتغير CONSULTA_DB.
cli-help-consulta-consultation-translate = إضافة عنوان المشاورة ووصفها وأسئلتها التوجيهية بلغة أخرى
cli-help-consulta-consultation-translate-consultation = الاسم المختصر للمشاورة
cli-help-consulta-consultation-translate-lang = لغة النصوص المقدمة (وسم BCP 47: fr، es، ar، …)
cli-help-consulta-consultation-translate-title = العنوان بتلك اللغة
cli-help-consulta-consultation-translate-description = الوصف بتلك اللغة
cli-help-consulta-consultation-translate-questions = كل سؤال توجيهي بتلك اللغة، بالترتيب؛ كرر الخيار لكل سؤال
cli-help-consulta-consultation-translate-mandate = الولاية بتلك اللغة

## Submissions (web form and API)

import-bad-email = «{ $value }» ليس عنوان بريد إلكتروني
submit-field-problem = { $field }: { $problem }.
submit-field-entity = اسم الجهة
submit-field-stakeholder_group = فئة أصحاب المصلحة
submit-field-country = البلد
submit-field-email = البريد الإلكتروني للاتصال
submit-field-language = اللغة
submit-field-title = العنوان
submit-field-body = النص
submit-field-files = المرفقات
submit-too-many-files = لا يجوز إرفاق أكثر من { $max } ملفات بمساهمة واحدة.
submit-file-too-large = الملف «{ $name }» أكبر من { $max }، وهو الحد الأقصى للملف الواحد.
submit-bad-file-name = لا يمكن استخدام اسم الملف «{ $name }».
submit-not-open = هذه المشاورة ليست مفتوحة لتلقي المساهمات بعد.
submit-closed = هذه المشاورة مغلقة ولم تعد تقبل المساهمات.
submit-idempotency-conflict = سبق استخدام مفتاح Idempotency-Key هذا لإرسال مختلف.
submit-bad-idempotency-key = يجب أن يتكون الرأس Idempotency-Key من 1 إلى 200 حرف ASCII مرئي.
submit-malformed = تعذرت قراءة الطلب بوصفه استمارة multipart: { $detail }
submit-unknown-field = في الطلب حقل لا تعرفه Consulta: { $field }
submit-too-large = الطلب أكبر مما تقبله Consulta ({ $max } كحد أقصى).
submit-field-too-large = الحقل «{ $field }» أطول من { $max }، وهو أكثر مما يتسع له.
cli-help-consulta-files = مكان حفظ المرفقات: دليل (افتراضياً بجوار قاعدة البيانات، باسمها متبوعاً بـ "-files") أو حاوية متوافقة مع S3، s3://bucket/prefix?endpoint=https://…&region=… (بيانات الاعتماد من AWS_ACCESS_KEY_ID وAWS_SECRET_ACCESS_KEY)
cli-help-consulta-verify = مطابقة إيصال مع نسخة عاملة: هل ما زالت المساهمة في السجل العام، دون تغيير؟
cli-help-consulta-verify-receipt = الإيصال (JSON، كما أعطته النسخة العاملة)
cli-help-consulta-verify-server = عنوان النسخة العاملة (مثلاً https://consultations.example.org)

## Receipts checked with `consulta verify`

verify-ok = المساهمة { $id } في السجل العام، دون تغيير: ما زال سجلها يعطي البصمة { $sha256 } وهو القيد { $entry } في السجل العام، الذي نما من { $old } إلى { $new } قيداً دون تغيير أي قيد سابق.
verify-withheld = ما زالت المساهمة { $id } في السجل العام، دون تغيير (القيد { $entry } من { $new })، لكن الأمانة تحجب نصها عن النشر: { $reason }
verify-receipt-invalid = الإيصال غير متسق ({ $detail }): ربما عُدّل.
verify-key-changed = توقّع النسخة العاملة بمفتاح غير المفتاح الوارد في الإيصال: لا يمكن مقارنة سجلها بالإيصال.
verify-bad-signature = رأس شجرة النسخة العاملة غير موقّع توقيعاً صحيحاً.
verify-log-rewritten = سجل النسخة العاملة ليس امتداداً للسجل الذي أُعطي منه الإيصال: عُدّلت قيود أو حُذفت.
verify-not-included = لم يعد سجل النسخة العاملة يتضمن قيد هذه المساهمة.
verify-record-changed = السجل المنشور للمساهمة { $id } ليس السجل الذي أُعطي الإيصال عنه: لقد عُدّل.

## The contribution form and receipts

form-title = إرسال مساهمة
form-intro = يجوز إرسال التعليقات الكتابية بأي شكل وفي أي وقت ما دامت المشاورة مفتوحة. وستتلقى إيصالاً يستطيع به أي شخص أن يتحقق، في أي وقت، من أن السجل العام ما زال يتضمن مساهمتك دون تغيير.
form-unverified = توسم المساهمات المرسلة بهذه الاستمارة بعبارة «هوية لم يتحقق منها».
form-errors = لم تُرسل المساهمة. يرجى تصحيح ما يلي:
form-files-kept = { $count ->
    [one] الملف الذي أرسلته محفوظ أدناه: لا حاجة إلى اختياره مرة أخرى.
    [two] الملفان اللذان أرسلتهما محفوظان أدناه: لا حاجة إلى اختيارهما مرة أخرى.
   *[other] الملفات التي أرسلتها ({ $count }) محفوظة أدناه: لا حاجة إلى اختيارها مرة أخرى.
}
form-kept-legend = الملفات المستلمة من قبل
form-kept-hint = تُحفظ 30 دقيقة وتُرسل مع المساهمة؛ أزل العلامة عن ملف لاستبعاده.
submit-kept-files-expired = انتهت مدة حفظ ملف من محاولتك السابقة (تُحفظ الملفات 30 دقيقة): يرجى اختياره مرة أخرى.
form-entity-hint = الحكومة أو المنظمة التي تساهم باسمها.
form-email-hint = للأمانة فقط؛ لا يُنشر أبداً.
form-choose = اختر…
form-country-none = هيئة دولية (بلا بلد)
form-country-hint = إلزامي. تختار الحكومات والهيئات الوطنية بلدها؛ ولا يختار «هيئة دولية» إلا هيئة ليس لها بلد.
form-files-hint = اختياري: حتى { $max } ملفات حجم كل منها { $size }، بأي صيغة (PDF، Word، OpenDocument، نص، صور، …).
form-submit = إرسال المساهمة
acknowledgement-subject = سُجّلت المساهمة { $id }: { $title }
acknowledgement-body =
    سُجّلت مساهمتك في «{ $consultation }» في السجل العام.

    المساهمة: { $id }
    العنوان: { $title }
    مرسلة باسم: { $entity }
    تاريخ الورود: { $received }

    إيصالها مرفق ({ $file }) ويمكن الاطلاع عليه في أي وقت على { $link }
    احتفظ به: فبه يستطيع أي شخص أن يتحقق لاحقاً من أن السجل العام ما زال يتضمن مساهمتك، دون تغيير.

    هذا العنوان لا يُنشر أبداً. إن لم تكن أنت من أرسل هذه المساهمة، فأبلغ الأمانة بالرد على هذه الرسالة.
receipt-title = إيصال المساهمة { $id }
receipt-recorded = سُجّلت مساهمتك.
receipt-intro = يبين هذا الإيصال ما ورد وموقعه في السجل العام. احتفظ به: فبه يستطيع أي شخص أن يتحقق من أن السجل العام ما زال يتضمن المساهمة، دون تغيير.
receipt-id = المساهمة
receipt-received = تاريخ الورود
receipt-contribution-title = العنوان
receipt-entity = مرسلة باسم
receipt-consultation = المشاورة
receipt-sha256 = بصمة SHA-256 للسجل
receipt-log = الموقع في السجل العام
receipt-log-value = القيد { $entry } في سجل من { $size ->
    [one] قيد واحد
   *[other] { $size } قيداً
  }، جذره
receipt-key = المفتاح الذي يوقَّع به السجل
receipt-download = تنزيل الإيصال (JSON)
receipt-verify = للتحقق منه في أي وقت لاحق:
contribution-identity = الهوية
identity-recorded = سجلتها الأمانة
identity-unverified = هوية لم يتحقق منها
identity-verified = متحقق منها
contribution-record = السجل العام
contribution-receipt-link = الإيصال والموقع في السجل العام
contribution-withheld = تحجب الأمانة هذه المساهمة عن النشر: { $reason }. ويبقى قيدها في السجل العام، فيظل التحقق من السجل ممكناً.
contribution-files = المرفقات
language-name-es = Español
language-name-ru = Русский
language-name-ar = العربية
language-name-zh = 中文
language-name-pt = Português
language-name-de = Deutsch

## Withholding

contribution-withheld-title = مساهمة محجوبة
cli-withheld = حُجبت المساهمة { $id } عن النشر؛ ويبقى قيدها في السجل العام.
cli-published = نُشرت المساهمة { $id } من جديد.
cli-unknown-contribution = لا توجد مساهمة برقم { $id }.
cli-help-consulta-report-details = عرض بيانات تقرير (الرمز، الأجهزة، الدورة والبند من جدول الأعمال، الموجز، الاستنتاجات) بصيغة JSON، أو تحديدها من ملف JSON بالشكل نفسه
cli-help-consulta-report-details-consultation = الاسم المختصر للمشاورة
cli-help-consulta-report-details-set = ملف JSON بالبيانات المراد تحديدها (يُتحقق منها وتُقيَّد في سجل المراجعة)، بالشكل الذي يطبعه الأمر
cli-details-too-large = { $file } أكبر من { $max } بايت: لم يُغيَّر شيء.
cli-details-unreadable = { $file }، السطر { $line }، العمود { $column }: ليس بصيغة JSON الخاصة بالبيانات ({ $reason })؛ لم يُغيَّر شيء.
cli-details-refused = { $file }: { $reason }؛ لم يُغيَّر شيء.
cli-details-set = حُددت بيانات تقرير { $consultation }.
cli-help-consulta-tags = المسائل التي توسم بها المساهمات
cli-help-consulta-tags-evaluate = مدى مطابقة اقتراحات مصنِّف المسائل للوسوم المعطاة: الدقة والاستدعاء والمعايرة، مع تقييم كل مساهمة موسومة بمصنِّف لم يتعلم منها
cli-tags-evaluation = دُرّب على { $documents } مساهمة موسومة؛ قُيّم { $scored } زوجاً محجوزاً (مساهمة، مسألة).
    الاقتراحات بنسبة { $threshold } % أو أكثر: { $suggested }، منها { $right } صحيحة: الدقة { $precision } %.
    الوسوم المعطاة: { $tags }، منها { $right } مقترحة: الاستدعاء { $recall } %.
cli-tags-not-calibrated = المساهمات الموسومة أقل من أن تكفي للمعايرة: النسب المئوية هي نسب المصنِّف الخام.
cli-tags-bins = المعايرة (الاحتمال المعلن، الأزواج، متوسط المعلن، نسبة الصحيح):
cli-help-consulta-contribution = إدارة المساهمات المسجلة
cli-help-consulta-contribution-withhold = حجب مساهمة عن النشر (بيانات شخصية، إساءة…) مع بيان السبب؛ ويبقى قيدها في السجل العام
cli-help-consulta-contribution-withhold-id = رقم المساهمة
cli-help-consulta-contribution-withhold-reason = سبب حجبها: يُعرض في صفحتها العامة
cli-help-consulta-contribution-publish = نشر مساهمة محجوبة من جديد
cli-help-consulta-contribution-publish-id = رقم المساهمة
cli-help-consulta-serve-max_files = أقصى عدد من الملفات في مساهمة واحدة
cli-help-consulta-serve-max_file_mib = أقصى حجم للملف المرفق الواحد، بالميبيبايت
cli-help-consulta-demo-max_files = أقصى عدد من الملفات في مساهمة واحدة
cli-help-consulta-demo-max_file_mib = أقصى حجم للملف المرفق الواحد، بالميبيبايت

## Sizes

number-decimal-separator = .
size-bytes = { $n } بايت
size-kib = { $n } كيبيبايت
size-mib = { $n } ميبيبايت
verify-unreachable = تعذر التحقق لدى { $server }: { $detail }

## Consultation definitions

draft-slug = «{ $value }» ليس اسماً مختصراً (من 1 إلى 80 حرفاً لاتينياً صغيراً ورقماً و'-'، يبدأ بحرف أو رقم)
draft-language = «{ $value }» ليس وسم لغة (وسم BCP 47 مثل en أو fr أو es-419)
draft-empty-title = العنوان فارغ
draft-time-zone = «{ $value }» ليس منطقة زمنية (اسم IANA مثل UTC أو Europe/Zurich أو America/New_York؛ أقرب الأسماء: { $nearest })
draft-date = «{ $value }» ليس تاريخاً (2010-09-01) ولا تاريخاً ووقتاً (2010-09-01T09:00)
draft-empty-period = ستُغلق المشاورة قبل أن تُفتح
draft-question-count = للمشاورة { $count } أسئلة توجيهية: قدّم ترجمة لكل منها، بالترتيب
cli-duplicate-slug = توجد من قبل مشاورة باسم «{ $slug }».
cli-duplicate-meeting = للمشاورة من قبل اجتماع في { $date }.

## Search (the public archive)
nav-label = الأقسام
nav-consultations = المشاورات
nav-search = البحث
search-title = البحث في السجل
search-title-query = «{ $query }»: البحث في السجل
search-label = الكلمات المراد البحث عنها، بأي لغة
search-submit = بحث
search-help = يجب أن ترد كل كلمة (بأي صيغة: «تعاون» تجد «التعاون»). ضع العبارة بين "علامتي تنصيص"؛ وضع علامة الطرح قبل كلمة لاستبعادها: -spam.
search-sort = الترتيب
search-sort-relevance = الأكثر مطابقة أولاً
search-sort-newest = الأحدث أولاً
search-sort-oldest = الأقدم أولاً
search-filters = تضييق النتائج
search-filter = { $facet }: { $value }
search-remove = إزالة هذا المرشِّح
search-count = { $total ->
    [0] لا توجد مساهمة منشورة مطابقة.
    [one] وُجدت مساهمة واحدة.
   *[other] وُجدت { $total } مساهمة؛ معروضة من { $from } إلى { $to }.
  }
search-collapse = عرض كل حملة مرة واحدة
search-similar = { $count ->
    [one] ومساهمة مماثلة واحدة من حملتها
    [two] ومساهمتان مماثلتان من حملتها
   *[other] و{ $count } مساهمة مماثلة من حملتها
}
search-none = جرّب كلمات أقل أو كلمات أخرى، أو أزل مرشِّحاً. لا يشمل البحث المساهمات التي حجبتها الأمانة.
search-facet-consultation = المشاورة
search-facet-group = فئة أصحاب المصلحة
search-facet-channel = القناة
search-facet-country = البلد
search-facet-region = المجموعة الإقليمية
search-facet-language = اللغة
search-facet-year = السنة
consultation-search = البحث في هذه المساهمات
cli-help-consulta-index = صيانة فهرس البحث (المستمد من السجل؛ تُبقيه الخوادم محدَّثاً بنفسها)
cli-help-consulta-index-rebuild = بناء فهرس البحث من جديد من السجل كله (أوقف أولاً الخادم الذي يستخدمه)
cli-help-consulta-index_dir = مكان حفظ فهرس البحث (دليل؛ افتراضياً بجوار قاعدة البيانات، باسمها متبوعاً بـ "-index")
cli-index-busy = عملية أخرى من Consulta (خادم، أو إعادة بناء أخرى) تستخدم فهرس البحث في { $path }. أوقفها أولاً، أو حدد دليلاً آخر بالخيار --index.
cli-index-progress = جارٍ الفهرسة
cli-index-rebuilt = فُهرست { $count } مساهمة منشورة في { $seconds } ثانية؛ ويشغل الفهرس في { $path } { $size }.
open-data-title = البيانات المفتوحة
open-data-intro = كل ما هو عام في هذه المشاورة، متاح لإعادة الاستخدام بحرية. ولا تظهر المساهمات المحجوبة إلا بقيدها: الرقم والبصمة والسبب.
open-data-contributions-csv = المساهمات (CSV)
open-data-contributions-json = المساهمات (JSON)
open-data-entities-csv = الجهات المشاركة (CSV)
open-data-entities-json = الجهات المشاركة (JSON)
open-data-entities-popolo-json = الجهات المشاركة (Popolo JSON)
open-data-feed-atom = المساهمات الجديدة (موجز Atom)
open-data-archive-zip = كل شيء، مع الملفات والبراهين (أرشيف zip)
open-data-verify = يمكن التحقق من الأرشيف دون اتصال، ودون الثقة بهذا الموقع: consulta verify-archive FILE.zip
cli-help-consulta-export = كتابة ملف واحد من البيانات المفتوحة لمشاورة (كما يتيحه الموقع للتنزيل)
cli-help-consulta-export-what = أي ملف: contributions.csv أو contributions.json أو entities.csv أو entities.json أو entities.popolo.json أو statements.csv أو votes.csv أو amendments.csv أو drafts.json أو bodies.json أو feed.atom أو archive.zip
cli-help-consulta-export-consultation = المشاورة (اسمها المختصر)
cli-help-consulta-export-output = مكان الكتابة (الافتراضي: الإخراج القياسي)
cli-help-consulta-export-base_url = العنوان العام للموقع، لروابط الموجز
cli-help-consulta-verify-archive = التحقق من أرشيف كامل دون اتصال: كل ملف مقابل بيانه، ورأس الشجرة الموقّع، وموقع كل مساهمة في السجل
cli-help-consulta-verify-archive-archive = الأرشيف (.zip) المراد التحقق منه
cli-export-unknown = لا يوجد ملف بيانات مفتوحة باسم «{ $what }». اختر أحد الملفات: { $known }.
cli-exported = كُتب في { $path }.
archive-ok = { $file } يجتاز التحقق: المشاورة { $consultation }، { $contributions } مساهمة ({ $withheld } محجوبة، معروضة بقيدها فقط)، { $files } ملفاً، كلها في سجل من { $size } قيداً جذره { $root }، موقّع في { $generated } بالمفتاح { $key }. قارن هذا المفتاح بالمفتاح الذي تنشره النسخة العاملة.
archive-refused = { $file } لا يجتاز التحقق: { $problem }
archive-unreadable = ليس أرشيف zip مقروءاً ({ $detail }).
archive-no-manifest = لا يتضمن الملف manifest.json.
archive-bad-manifest = تتعذر قراءة ملفه manifest.json ({ $detail }).
archive-unknown-format = صيغته { $format } لا يعرفها هذا الإصدار من Consulta.
archive-missing-file = { $path } مذكور في البيان لكنه غير موجود في الأرشيف.
archive-unlisted-file = { $path } موجود في الأرشيف لكنه غير مذكور في البيان.
archive-file-changed = { $path } ليس الملف الذي يذكره البيان (تختلف بصمته SHA-256 أو حجمه).
archive-bad-signature = توقيع رأس الشجرة لا يجتاز التحقق بالمفتاح العام للأرشيف.
archive-record-changed = سجل المساهمة { $id } ليست له البصمة التي يلتزم بها قيدها في السجل.
archive-not-in-log = المساهمة { $id } ليست في السجل الموقّع: برهان إدراجها لا يصح.
archive-record-mismatch = سجل المساهمة { $id } لا يطابق الأرشيف: { $detail }.
cli-help-consulta-admin = إدارة الحسابات (يُنشأ هنا أول حساب للأمانة)
cli-help-consulta-admin-create = إنشاء حساب؛ تُقرأ كلمة مروره من CONSULTA_PASSWORD أو من السطر الأول من الإدخال القياسي
cli-help-consulta-admin-create-email = عنوان بريده الإلكتروني، الذي يدخل به
cli-help-consulta-admin-create-name = اسم الشخص
cli-help-consulta-admin-create-role = secretariat (افتراضياً) أو focal-point
cli-help-consulta-admin-create-entity = لجهة التنسيق: الجهة التي تعمل باسمها (اسمها كما هو مسجل)
cli-help-consulta-admin-create-lang = لغة رسائله وصفحاته (en، fr، es، ru، ar، zh)
cli-unknown-role = دور غير معروف «{ $role }»: اختر secretariat أو focal-point.
cli-unknown-entity = لا توجد جهة مسجلة باسم «{ $entity }».
cli-focal-point-needs-entity = تعمل جهة التنسيق باسم جهة واحدة: حددها بالخيار --entity.
cli-secretariat-no-entity = لا يعمل حساب الأمانة باسم أي جهة: احذف --entity.
cli-password-prompt = كلمة المرور (12 حرفاً على الأقل):{" "}
cli-bad-email = «{ $email }» ليس عنوان بريد إلكتروني.
cli-duplicate-account = يوجد من قبل حساب بالعنوان { $email }.
cli-account-created = أنشئ الحساب { $email } ({ $role }).
password-too-short = يجب أن تتكون كلمة المرور من { $min } حرفاً على الأقل (بضع كلمات تصنع كلمة مرور جيدة).
password-too-long = يجب ألا تزيد كلمة المرور على { $max } حرفاً.

## Accounts and the secretariat's pages
nav-sign-in = الدخول
nav-sign-out = الخروج ({ $name })
nav-admin = الأمانة
login-title = الدخول
login-intro = للأمانة ولجهات التنسيق التابعة للجهات المشاركة. ويستطيع غيرهم قراءة السجل كله دون حساب.
login-email = عنوان البريد الإلكتروني
login-password = كلمة المرور
login-submit = الدخول
login-failed = هذا العنوان وكلمة المرور لا يطابقان أي حساب. تحقق منهما وحاول مرة أخرى.
login-needed = ادخل لرؤية هذه الصفحة.
login-session-ended = انتهت جلستك (بعد { $hours } ساعات، أو لأنك خرجت من مكان آخر). ادخل مرة أخرى للمتابعة.
login-signed-out = لقد خرجت.
error-forbidden-title = ليست لهذا الحساب
error-forbidden = هذه الصفحة مخصصة للأمانة. لقد دخلت بحساب لا يمكنه استخدامها.
error-form-expired-title = انتهت صلاحية الاستمارة
error-form-expired = أُرسلت هذه الاستمارة دون رمز الصفحة التي عرضتها: كانت الصفحة قديمة جداً، أو جاءت من موقع آخر. عد إلى الوراء، وأعد تحميل الصفحة، وأرسلها مرة أخرى.
error-too-many-title = محاولات كثيرة جداً
error-too-many = محاولات كثيرة جداً في وقت قصير. انتظر ربع ساعة ثم حاول مرة أخرى.
admin-title = الأمانة
admin-intro = دخلت بصفتك { $name }. يُكتب كل إجراء هنا في سجل المراجعة.
admin-moderation = حجب مساهمة أو نشرها
admin-moderation-intro = تختفي المساهمة المحجوبة من الصفحات والبحث والبيانات المفتوحة؛ ويبقى قيدها في السجل العام، مع السبب.
admin-contribution = رقم المساهمة
admin-reason = السبب
admin-reason-hint = مطلوب للحجب؛ ويُعرض علناً مكان المساهمة.
admin-withhold = حجب
admin-publish = النشر من جديد
admin-withheld = المساهمة محجوبة.
admin-published = المساهمة منشورة.
admin-bad-contribution = اذكر رقم المساهمة.
admin-reason-needed = اذكر سبب حجب المساهمة: يُعرض السبب مكانها.
audit-title = سجل المراجعة
audit-read = قراءة سجل المراجعة
audit-export = تنزيله (CSV)
audit-count = { $total ->
    [one] قيد واحد
    [two] قيدان
    [few] { $total } قيود
   *[other] { $total } قيداً
  }، الأحدث أولاً
audit-at = متى (بالتوقيت العالمي)
audit-actor = من
audit-action = الإجراء
audit-subject = على
audit-before = قبل
audit-after = بعد
form-acting-for = تساهم بصفتك { $entity }، وقد دخلت بصفتك جهة التنسيق التابعة لها: توسم المساهمة بأنها متحقق منها.
cli-help-consulta-serve-unverified_per_hour = عدد المساهمات غير المتحقق منها المقبولة من كل عنوان شبكي في الساعة (0: بلا حد)
cli-help-consulta-demo-unverified_per_hour = عدد المساهمات غير المتحقق منها المقبولة من كل عنوان شبكي في الساعة (0: بلا حد)

## Invitations and password resets (emails)
invitation-subject = دعوة: { $consultation }
invitation-body = حضرة { $name }،

    تدعو الأمانة { $entity } إلى المساهمة في المشاورة «{ $consultation }».

    يتيح لك هذا الرابط الشخصي إنشاء حسابك بصفتك جهة التنسيق التابعة لـ { $entity } وإرسال المساهمات باسمها؛ وستوسم بأنها متحقق منها:

    { $link }

    يعمل الرابط مرة واحدة، لمدة { $days } يوماً. لا تشاركه مع أحد: فمن يستخدمه يستطيع أن يعمل باسم { $entity }.
reset-subject = إعادة تعيين كلمة المرور
reset-body = حضرة { $name }،

    طلب شخص ما (نأمل أن يكون أنت) إعادة تعيين كلمة مرور حسابك. لاختيار كلمة مرور جديدة، افتح هذا الرابط خلال { $hours } ساعة:

    { $link }

    إن لم تطلب ذلك، فتجاهل هذه الرسالة: تبقى كلمة مرورك كما هي.
invitation-title = جهة التنسيق التابعة لـ { $entity }
invitation-intro = أنت مدعو إلى المساهمة بصفتك جهة التنسيق التابعة لـ { $entity }. سيكون حسابك { $email }؛ اختر اسمك وكلمة مرور.
invitation-name = اسمك
invitation-password = كلمة المرور
invitation-password-hint = 12 حرفاً على الأقل؛ بضع كلمات تتذكرها تصنع كلمة مرور جيدة.
invitation-submit = إنشاء حسابي
invitation-name-needed = اذكر اسمك: يُعرض على الأمانة ولا يُنشر.
invitation-unknown = رابط الدعوة هذا غير معروف. تحقق من أنه نُسخ كاملاً، أو اطلب رابطاً جديداً من الأمانة.
invitation-used = سبق استخدام رابط الدعوة هذا: كل رابط يعمل مرة واحدة. ادخل بالحساب الذي أنشأه، أو اطلب رابطاً جديداً من الأمانة.
invitation-expired = انتهت صلاحية رابط الدعوة هذا. اطلب رابطاً جديداً من الأمانة.
invitation-other-entity = لهذا العنوان من قبل حساب لجهة أخرى. راجع الأمانة.
error-link-title = لا يمكن استخدام هذا الرابط
login-forgot = هل نسيت كلمة المرور؟
reset-title = إعادة تعيين كلمة المرور
reset-intro = اذكر عنوان حسابك: سنرسل إليه رابطاً لاختيار كلمة مرور جديدة.
reset-send = إرسال الرابط
reset-sent = إن كان لهذا العنوان حساب، فالرابط في طريقه إليه. يعمل مرة واحدة، لمدة ساعة.
reset-new-password = كلمة المرور الجديدة
reset-save = حفظ كلمة المرور الجديدة
reset-invalid = لا يمكن استخدام رابط إعادة التعيين هذا: سبق استخدامه، أو انتهت صلاحيته، أو لم يُنسخ كاملاً. اطلب رابطاً جديداً.
reset-done = غُيّرت كلمة مرورك، وانتهت كل جلسات حسابك. ادخل بكلمة المرور الجديدة.
mail-title = صندوق الصادر
mail-to = إلى
mail-subject = الموضوع
mail-status = الحالة
mail-attempts = المحاولات
mail-when = وقت الإرسال أو الإدراج في الطابور (بالتوقيت العالمي)
mail-status-queued = في الطابور
mail-status-sent = مرسلة
mail-status-failed = فشلت
cli-help-consulta-list = إدارة قوائم الاعتماد (المجلس الاقتصادي والاجتماعي، الاتحاد الدولي للاتصالات، القمة العالمية لمجتمع المعلومات، لجنة تسخير العلم والتكنولوجيا لأغراض التنمية، أو قوائمك الخاصة)
cli-help-consulta-list-import = استيراد قائمة من ملف CSV (entity، stakeholder_group، country، واختيارياً focal_point_email، focal_point_name، language): كل الصفوف أو لا شيء
cli-help-consulta-list-import-file = ملف CSV
cli-help-consulta-list-import-list = الاسم المختصر للقائمة: ecosoc أو itu أو wsis أو cstd أو اسم من اختيارك (حروف لاتينية صغيرة وأرقام وشرطات)
cli-help-consulta-list-import-name = الاسم الكامل للقائمة (معروف لـ ecosoc وitu وwsis وcstd)
cli-help-consulta-invite = دعوة جهات التنسيق التابعة للجهات المختارة إلى مشاورة: رابط شخصي يستخدم مرة واحدة بالبريد الإلكتروني، بلغة كل منها
cli-help-consulta-invite-consultation = المشاورة (اسمها المختصر)
cli-help-consulta-invite-lists = الجهات المدرجة في قائمة الاعتماد هذه فقط (كرر الخيار لعدة قوائم)
cli-help-consulta-invite-groups = جهات فئة أصحاب المصلحة هذه فقط (كرر الخيار لعدة فئات)
cli-help-consulta-invite-regions = جهات هذه المجموعة الإقليمية في الأمم المتحدة فقط: african، asia_pacific، eastern_european، latin_american_caribbean، weog (كرر الخيار لعدة مجموعات)
cli-help-consulta-invite-countries = جهات هذا البلد فقط، برمز ISO (كرر الخيار لعدة بلدان)
cli-help-consulta-invite-base_url = العنوان العام للموقع، للروابط
cli-help-consulta-serve-smtp = خادم SMTP للبريد، بصيغة URL (smtp://user:password@host:587?tls=required، smtps://host)؛ وبدونه يُكتب البريد في دليل الصادر
cli-help-consulta-serve-mail_from = مرسل بريد Consulta
cli-help-consulta-serve-outbox = أين يذهب البريد في غياب خادم SMTP (افتراضياً بجوار قاعدة البيانات، باسمها متبوعاً بـ "-outbox")
cli-help-consulta-serve-mail_per_minute = الحد الأقصى لعدد الرسائل في الدقيقة
cli-help-consulta-demo-smtp = خادم SMTP للبريد، بصيغة URL (smtp://user:password@host:587?tls=required، smtps://host)؛ وبدونه يُكتب البريد في دليل الصادر
cli-help-consulta-demo-mail_from = مرسل بريد Consulta
cli-help-consulta-demo-outbox = أين يذهب البريد في غياب خادم SMTP (افتراضياً بجوار قاعدة بيانات العرض التجريبي)
cli-help-consulta-demo-mail_per_minute = الحد الأقصى لعدد الرسائل في الدقيقة
cli-mail-outbox = لم يُحدد خادم SMTP (--smtp): يُكتب البريد في { $path }.
cli-bad-list = لا يصلح «{ $list }» اسماً لقائمة: استخدم حروفاً لاتينية صغيرة وأرقاماً وشرطات.
cli-list-needs-name = أعط القائمة «{ $list }» اسماً بالخيار --name.
cli-list-imported = القائمة { $list }: { $entities } جهة ({ $new } جديدة)، { $contacts } عنواناً لجهات التنسيق.
cli-bad-selection = «{ $value }» ليس فئة أصحاب مصلحة ولا مجموعة إقليمية ولا رمز بلد تعرفه Consulta.
cli-invite-needs-public-url = تتضمن الدعوات روابط إلى النسخة العاملة: حدد عنوانها العام بالخيار --base-url (أو CONSULTA_PUBLIC_URL)، مثلاً https://consultations.example.org.
cli-unknown-list = لا توجد قائمة باسم «{ $list }». القوائم: { $known }.
cli-invited = { $count ->
    [0] لا أحد مطابق: لم تُرسل أي دعوة.
    [one] أُدرجت دعوة واحدة في الطابور؛ وترسلها مهمة البريد في الخادم.
   *[other] أُدرجت { $count } دعوة في الطابور؛ وترسلها مهمة البريد في الخادم.
  }
admin-campaign = دعوة جهات التنسيق
admin-campaign-intro = تتلقى كل جهة تنسيق تابعة للجهات المختارة، بلغتها، رابطاً شخصياً يعمل مرة واحدة: ينشئ حسابها، الذي تساهم به باسم الجهة (متحقق منها). وكل نوع من أنواع الاختيار يُترك فارغاً لا يضيّق النطاق.
admin-campaign-consultation = المشاورة
admin-campaign-lists = قوائم الاعتماد
admin-campaign-no-lists = لا توجد أي قائمة بعد: استورد قائمة بالأمر consulta list import.
admin-campaign-groups = فئات أصحاب المصلحة
admin-campaign-regions = المجموعات الإقليمية
admin-campaign-countries = البلدان
admin-campaign-countries-hint = رموز ISO، تفصل بينها فواصل (SN, KE, BR).
admin-campaign-send = إرسال الدعوات
admin-invited = { $count ->
    [0] لا أحد مطابق: لم تُرسل أي دعوة.
    [one] أُدرجت دعوة واحدة في الطابور: انظر صندوق الصادر.
   *[other] أُدرجت { $count } دعوة في الطابور: انظر صندوق الصادر.
  }
cli-help-consulta-consultation-create-verified_only = قبول المساهمات من جهات التنسيق الداخلة (المدعوة) فقط، دون أي مساهمة غير متحقق منها من الجمهور
submit-verified-only = لا تقبل هذه المشاورة المساهمات إلا من جهات التنسيق التابعة للجهات المدعوة، بعد دخولها. إن كنت تتحدث باسم جهة، فاطلب دعوة من الأمانة.
submit-cannot-amend = لا يمكن تعديل المساهمة { $id } هنا: لا يعدّلها إلا جهة التنسيق التابعة لجهتها، في المشاورة نفسها.
contribution-amends = تعدّل
contribution-amended-by = عدّلتها
contribution-number = المساهمة { $id }
contribution-amend = تعديل هذه المساهمة
form-amending = أنت تعدّل المساهمة { $id }: ما ترسله يُسجَّل مساهمةً جديدة تشير إليها؛ وتبقى كلتاهما في السجل.
admin-new-consultation = فتح مشاورة
admin-create-consultation = إنشاء المشاورة
admin-verified-only = لا يساهم إلا جهات التنسيق الداخلة (لا مساهمات غير متحقق منها)
admin-field-problem = { $field }: { $problem }
admin-duplicate-slug = توجد من قبل مشاورة بالاسم المختصر «{ $slug }»: اختر اسماً آخر.
admin-add-meeting = إضافة اجتماع
admin-meeting-date = التاريخ
admin-meeting-place = المكان
admin-place-needed = اذكر مكان انعقاد الاجتماع.
consultation-field-slug = الاسم المختصر (في عنوانها)
consultation-field-title = العنوان
consultation-field-lang = لغة هذه النصوص
consultation-field-opens = تاريخ الافتتاح
consultation-field-closes = تاريخ الإغلاق
consultation-field-time_zone = المنطقة الزمنية
consultation-field-mandate = الولاية
consultation-field-questions = الأسئلة التوجيهية
consultation-field-description = الوصف
consultation-hint-slug = حروف لاتينية صغيرة وأرقام وشرطات: ec-2010.
consultation-hint-lang = وسم لغة: en، fr، es…
consultation-hint-opens = تاريخ (2026-01-15) أو تاريخ ووقت (2026-01-15T09:00)، في المنطقة الزمنية أدناه؛ ويشمل تاريخ الإغلاق اليوم كله.
consultation-hint-time_zone = اسم IANA: UTC، Europe/Zurich، America/New_York.
consultation-hint-questions = سؤال في كل سطر.
## The synthesis report (seeds/003 is its model)
report-subtitle = مشروع التقرير التجميعي
report-of-the-secretary-general = تقرير الأمين العام
report-summary = موجز
report-section-conclusions = { $number }. الاستنتاجات
report-annex-separate = ترد أسماء المساهمين البالغ عددهم { $count } في ملف مستقل، { $file }، مرفق بهذا التقرير.
organ-general_assembly = الجمعية العامة
organ-economic_and_social_council = المجلس الاقتصادي والاجتماعي
report-details-title = الرمز والأجهزة والموجز والاستنتاجات
report-details-intro = ما لا يستطيع السجل قوله: رمز الوثيقة الذي يصدر به التقرير، والأجهزة التي يقدَّم إليها مع دورتها وبند جدول أعمالها، وموجزه واستنتاجاته، بكل لغة يصدر بها. ويُقيَّد كل تغيير في سجل المراجعة.
report-details-symbol-hint = كما يصدر، مثلاً A/66/77–E/2011/103 (التقرير المقدم إلى جهازين يحمل الرمزين كليهما).
report-details-field-symbol = رمز الوثيقة
report-details-field-session = الدورة
report-details-field-item = البند من جدول الأعمال
report-details-field-item_title = عنوان البند من جدول الأعمال
report-details-field-summary = الموجز
report-details-field-conclusions = الاستنتاجات
report-details-paragraphs = يفصل سطر فارغ بين الفقرات؛ وتُرقَّم كل فقرة من فقرات الاستنتاجات في التقرير.
report-details-saved = حُفظت بيانات التقرير.
report-details-annex-download = قائمة المساهمين (CSV)
report-details-unknown-organ = جهاز غير معروف: { $field }.
report-details-organ-twice = ذُكر { $field } مرتين.
report-details-too-long = { $field }: { $max } حرفاً كحد أقصى.
report-details-control-character = يتضمن { $field } حرف تحكم غير مرئي؛ اكتبه من جديد.
report-details-language = «{ $field }» ليس لغة.
report-distribution = Distr.: General
date-time-utc = الساعة { $time } بالتوقيت العالمي
date-in-zone = { $date } ({ $zone })
dates-zone-note = التواريخ بحسب المنطقة الزمنية للمشاورة، { $zone }.
report-original = الأصل: { $name }
# A language named in the reader's language, from its code (the code itself when it has no name here).
language-of = { $language ->
    [en] بالإنكليزية
    [fr] بالفرنسية
    [es] بالإسبانية
    [ru] بالروسية
    [ar] بالعربية
    [zh] بالصينية
    [pt] بالبرتغالية
    [de] بالألمانية
   *[other] { $language }
}
report-section-context = أولاً - السياق
report-context = يعرض هذا التقرير نتائج المشاورة المفتوحة «{ $title }».
report-context-mandate = يعرض هذا التقرير نتائج المشاورة المفتوحة «{ $title }»، المعقودة عملاً بـ { $mandate }.
report-context-questions = دُعي المساهمون إلى التركيز على الأسئلة التالية: { $questions }
report-section-organisation = ثانياً - تنظيم المشاورة
report-meeting = الاجتماع المعقود في { $place } في { $date }
report-organisation-period = كان بوسع أصحاب المصلحة إرسال تعليقات كتابية بأي شكل وفي أي وقت بين { $opens } و{ $closes }{ $meetings ->
    [0] .
    [one] ، والمشاركة في { $list }.
   *[other] ، والمشاركة في الاجتماعات التالية: { $list }.
}
report-organisation-total = ورد ما مجموعه { $total } مساهمة من { $entities } جهة، كما يبين الجدول أدناه: { $written } تعليقاً كتابياً، و{ $presentations } عرضاً في الاجتماعات، و{ $interventions } مداخلة في المناقشة المفتوحة.
report-chart-groups = المساهمات حسب فئة أصحاب المصلحة
report-organisation-regions = وتوزعت المساهمات حسب المجموعة الإقليمية في الأمم المتحدة التي ينتمي إليها بلد المساهم على النحو التالي؛ ووردت { $unstated } مساهمة من مساهمين لم يُسجل لهم بلد (منهم منظمات دولية).
report-regional-group = المجموعة الإقليمية
report-table-regions = المساهمات حسب المجموعة الإقليمية
report-chart-regions = المساهمات حسب المجموعة الإقليمية
report-no-country = بلا بلد (دولية)
report-not-listed = غير مدرج في قوائم الأمم المتحدة (إقليم)
report-organisation-development = حسب مستوى التنمية في بلد المساهم:
report-development-status = مستوى التنمية
report-table-development = المساهمات حسب مستوى التنمية
report-development-ldc = أقل البلدان نمواً
report-development-developing = البلدان النامية
report-development-developed = البلدان المتقدمة النمو
report-withheld = { $count ->
    [one] حُجبت مساهمة واحدة عن النشر: فهي لا تُحسب في الجداول أعلاه، ولا يُقتبس منها ولا تُدرج أدناه.
   *[other] حُجبت { $count } مساهمة عن النشر: فهي لا تُحسب في الجداول أعلاه، ولا يُقتبس منها ولا تُدرج أدناه.
}
report-unverified = { $count ->
    [one] أُرسلت مساهمة منشورة واحدة دون هوية متحقق منها ولم تنسبها الأمانة إلى جهة مسجلة: فهي لا تُحسب في هذا التقرير.
   *[other] أُرسلت { $count } مساهمة منشورة دون هوية متحقق منها ولم تنسبها الأمانة إلى جهة مسجلة: فهي لا تُحسب في هذا التقرير.
}
report-section-issues = ثالثاً - مسائل السياسة العامة المثارة
report-issues-none = لم توسم أي مساهمة بعد بمسألة من مسائل السياسة العامة.
report-issues-intro = وسمت الأمانة { $tagged } من المساهمات المنشورة البالغ عددها { $total } بمسائل السياسة العامة التي تثيرها؛ وأثيرت { $issues } مسألة من مسائل التصنيف. ويعرضها الجدول أدناه حسب فئة أصحاب المصلحة.
report-issue = المسألة
report-table-issues = المسائل المثارة، حسب فئة أصحاب المصلحة
report-issue-raised = { $issue }: أثيرت في { $count ->
    [one] مساهمة واحدة
    [two] مساهمتين
   *[other] { $count } مساهمة
} ({ $groups }):
report-and-more = { $count ->
    [one] وواحدة أخرى
   *[other] و{ $count } أخرى
}
report-citations-none = لا تستشهد أي مساهمة بوثيقة من وثائق الأمم المتحدة أو بفقرة من برنامج عمل تونس.
report-citations-intro = استشهد المساهمون بـ { $documents } وثيقة من وثائق الأمم المتحدة و{ $paragraphs } فقرة من برنامج عمل تونس. ويعرض الجدول أدناه الفقرات التي استشهدت بها كل فئة من فئات أصحاب المصلحة أكثر من غيرها.
report-tunis-paragraph = برنامج عمل تونس
report-paragraph = الفقرة { $number }
report-table-paragraphs = فقرات برنامج عمل تونس المستشهد بها، حسب فئة أصحاب المصلحة
report-documents-cited = الوثائق الأكثر استشهاداً بها (عدد المساهمات):
report-section-mechanisms = رابعاً - آليات التعاون الدولي
report-mechanisms-intro = تسجل الأمانة { $mechanisms } آلية من آليات التعاون، وأي المسائل البالغ عددها { $issues } في التصنيف تعالجها كل آلية، على المستوى الذي تعمل فيه (العالمي أو الإقليمي أو الوطني). ويعرض الجدول أدناه، لكل مسألة، الآليات التي تعالجها، والمستوى الذي تحتاج فيه إلى آلية، وعدد المساهمات التي أثارتها.
report-mechanism-level = { $name } ({ $level })
report-mechanisms = الآليات (المستوى)
report-needed-level = المستوى اللازم
report-contributions = المساهمات
report-table-mechanisms = المسائل والآليات التي تعالجها
report-gaps-none = كل مسألة من مسائل التصنيف تعالجها آلية واحدة على الأقل على المستوى اللازم لها.
report-gaps-intro = { $count ->
    [one] مسألة واحدة لا تعالجها أي آلية، أو لا تعالجها أي آلية على المستوى اللازم لها:
   *[other] { $count } مسألة لا تعالجها أي آلية، أو لا تعالجها أي آلية على المستوى اللازم لها:
}
report-gap-none = { $issue }: لا تعالجها أي آلية؛ { $count ->
    [0] لم تثرها أي مساهمة بعد.
    [one] أثيرت في مساهمة واحدة.
   *[other] أثيرت في { $count } مساهمة.
}
report-gap-level = { $issue }: لا آلية على المستوى { $level } (فقط { $mechanisms })؛ { $count ->
    [0] لم تثرها أي مساهمة بعد.
    [one] أثيرت في مساهمة واحدة.
   *[other] أثيرت في { $count } مساهمة.
}
report-annex = المرفق: قائمة المساهمين
report-annex-caption = المساهمون ({ $count })
report-contributor = المساهم
report-country = البلد
level-global = العالمي
level-regional = الإقليمي
level-national = الوطني

## The secretariat's analysis pages: report, taxonomy, tags
analysis-report-title = مشروع التقرير التجميعي
analysis-report-intro = مشروع مستخلص من السجل بحالته الراهنة: حرّره في معالج نصوص قبل نشره.
analysis-report-language = لغة التقرير:
analysis-report-download = تنزيل:
analysis-issues-title = المسائل والآليات
analysis-issues-intro = مسائل السياسة العامة التي توسم بها المساهمات، وآليات التعاون التي تعالجها، والمسائل التي لا تعالجها أي آلية معالجة وافية.
analysis-gaps-title = الثغرات
analysis-gap-none = لا تعالجها أي آلية
analysis-gap-level = لا آلية على المستوى { $level }
analysis-raised = { $count ->
    [one] أثيرت في مساهمة واحدة
    [two] أثيرت في مساهمتين
   *[other] أثيرت في { $count } مساهمة
}
analysis-taxonomy-title = تصنيف المسائل
analysis-terms = المصطلحات التي توحي بها
analysis-issue-form = إضافة مسألة، أو تغيير مسألة قائمة (بالمعرّف نفسه)
analysis-issue-form-hint = ذكر معرّف قائم يغيّر ذلك القيد. المصطلحات: واحد في كل سطر أو تفصل بينها «;»، وتُطابق بصرف النظر عن حالة الأحرف والعلامات.
analysis-id = المعرّف
analysis-label-en = الاسم بالإنكليزية
analysis-label-fr = الاسم بالفرنسية
analysis-terms-en = المصطلحات بالإنكليزية
analysis-terms-fr = المصطلحات بالفرنسية
analysis-save = حفظ
analysis-mechanisms-title = آليات التعاون
analysis-mechanism = الآلية
analysis-level = المستوى
analysis-functions = الوظائف
analysis-mechanism-form = إضافة آلية، أو تغيير آلية قائمة (بالمعرّف نفسه)
analysis-acronym-en = الاختصار بالإنكليزية
analysis-acronym-fr = الاختصار بالفرنسية
analysis-matrix-title = أي آلية تعالج أي مسألة
analysis-save-matrix = حفظ المصفوفة
analysis-tags-title = مسائل المساهمة رقم { $id }
analysis-cites = تستشهد بما يلي:
analysis-tunis-paragraph = برنامج عمل تونس، الفقرة { $number }
analysis-suggestions-how = تأتي الاقتراحات من مصطلحات كل مسألة، ومن مصنِّف دُرّب على المساهمات الموسومة حتى الآن وعددها { $count }؛ ويبين كل اقتراح سببه.
analysis-issues-of = المسائل التي تثيرها
analysis-suggested = مقترحة: { $reasons }
tagging-evaluation = اختُبر على مساهمات لم يتعلم منها: من أصل { $suggested } اقتراحاً كان سيقدمها بنسبة { $threshold } % أو أكثر، كان { $right } صحيحاً ({ $precision } %)، ووجدت { $recall } % من الوسوم المعطاة البالغ عددها { $tags }؛ ونسبه المئوية معايَرة عليها.
tagging-evaluation-too-few = مع { $count } مساهمة موسومة، لا يزال العدد أقل من أن يكفي لقياس مدى صحة اقتراحاته: نسبه المئوية غير معايَرة.
tagging-walk = المرور على المشاورة
tagging-which = المساهمات
tagging-only-untagged = غير الموسومة بعد
tagging-only-all = الكل
tagging-start = عرض
tagging-previous = السابقة
tagging-next = التالية
tagging-position-untagged = { $n } من { $total } غير موسومة بعد
tagging-position = { $n } من { $total }
tagging-remaining = { $count ->
    [0] لم يبق شيء للوسم
    [one] بقيت واحدة للوسم
    [two] بقيت اثنتان للوسم
   *[other] بقيت { $count } للوسم
}
tagging-save-next = الحفظ والانتقال إلى التالية
tagging-saved = حُفظ.
tagging-saved-other = حُفظت مسائل المساهمة { $id }.
tagging-keys = المفاتيح: Alt+S يحفظ وينتقل إلى التالية، وAlt+N وAlt+P للتنقل دون حفظ (Alt+Shift في Firefox، وCtrl+Option في Mac).
tagging-done-title = لم يبق شيء للوسم
tagging-done = لكل مساهمة منشورة ضمن هذه المرشِّحات مسائلها.
tagging-review-all = مراجعة كل المساهمات
admin-tag = وسم المساهمات
analysis-reason-term = يرد المصطلح «{ $term }» ({ $language }) { $count ->
    [one] مرة واحدة
    [two] مرتين
   *[other] { $count } مرات
}
analysis-reason-resembles = تشبه المساهمات الموسومة بها وعددها { $examples } ({ $percent } %)، من خلال الكلمات { $words }
analysis-bad-contribution = «{ $value }» ليس رقم مساهمة.
taxonomy-id = «{ $value }» ليس معرّفاً: استخدم حروفاً لاتينية صغيرة وأرقاماً و«_»، مبتدئاً بحرف.
taxonomy-level = «{ $value }» ليس مستوى: global أو regional أو national.
taxonomy-function = «{ $value }» ليس وظيفة: legal أو normative أو administrative.
taxonomy-missing-name = الاسم باللغة { $language } ناقص.
taxonomy-long-name = الاسم باللغة { $language } أطول من 200 حرف.
taxonomy-unknown = لا توجد مسألة ولا آلية باسم «{ $value }».
function-legal = قانونية
function-normative = معيارية
function-administrative = إدارية
admin-report = مشروع التقرير
cli-help-consulta-migrate = نقل سجل كامل إلى قاعدة بيانات أخرى (من SQLite إلى PostgreSQL، أو العكس)، ثم التحقق من النسخة: صفوف كل جدول، وجذر السجل، وكل مساهمة مقابل السجل. تبقى المرفقات حيث يحفظها --files
cli-help-consulta-migrate-from = قاعدة البيانات المراد نسخها: ملف SQLite أو عنوان sqlite://، أو عنوان postgres://
cli-help-consulta-migrate-to = قاعدة البيانات الجديدة: ملف SQLite غير موجود بعد، أو قاعدة PostgreSQL فارغة
cli-migrate-table = { $table }: { $rows } صفاً
cli-migrate-exists = يتضمن { $path } سجلاً من قبل: النقل يكون إلى قاعدة بيانات جديدة.
cli-migrate-done = نُقل { $from } إلى { $to }: { $rows } صفاً في { $tables } جدولاً؛ { $contributions } مساهمة{ $statements ->
    [0] {""}
   *[other] {" "}و{ $statements } عبارة مطروحة للتصويت
}، كل منها في السجل، الجذر { $root }.

## The public URL: every absolute link, and whether cookies are Secure
cli-help-consulta-serve-public_url = العنوان الذي يصل به الجمهور إلى هذه النسخة العاملة (https://consultations.example.org): يُبنى منه كل رابط في الرسائل والإيصالات والموجزات والتقارير، ولا يُبنى أبداً من طلب؛ وهو لازم لإرسال البريد وللاستماع على أي عنوان غير عنوان الاسترجاع
cli-help-consulta-demo-public_url = العنوان الذي يصل به الجمهور إلى العرض التجريبي (الافتراضي: عنوان الاسترجاع الذي يستمع عليه)
cli-help-consulta-serve-max_connections = أقصى عدد من الاتصالات تُخدم في آن واحد؛ وينتظر ما زاد عليه حتى يُقبل
cli-help-consulta-demo-max_connections = أقصى عدد من الاتصالات تُخدم في آن واحد؛ وينتظر ما زاد عليه حتى يُقبل
cli-public-url-invalid = رُفض العنوان العام { $url }: { $reason }
public-url-not-a-url = ليس عنوان URL مطلقاً مثل https://consultations.example.org
public-url-scheme = يجب أن يكون مخططه http أو https
public-url-extras = لا يتضمن العنوان العام اسم مستخدم ولا كلمة مرور ولا استعلاماً ولا جزءاً
cli-public-url-needed = تستمع Consulta على { $addr }، وهو ليس عنوان استرجاع: حدد أين يصل إليها الجمهور بالخيار --public-url (أو CONSULTA_PUBLIC_URL)، حتى لا تأتي الروابط أبداً من طلب.
cli-public-url-needed-for-mail = يحتاج إرسال البريد (--smtp) إلى --public-url (أو CONSULTA_PUBLIC_URL): تُبنى منه الروابط في الرسائل.
api-beyond-log = في السجل العام { $size } قيداً: لا يمكن إثبات شجرة من { $asked } قيداً.
api-consistency-order = السجل لا يفعل إلا أن ينمو: يجب ألا يكون "from" ({ $from }) أكبر من "to" ({ $to }).
cli-help-consulta-serve-extract_memory_mib = الذاكرة التي يجوز لمستخرج النصوص (عملية فرعية، ملف واحد في كل مرة) أن يستخدمها، بالميبيبايت؛ والملف الذي يحتاج إلى أكثر منها يوسم بالفشل
cli-help-consulta-demo-extract_memory_mib = الذاكرة التي يجوز لمستخرج النصوص (عملية فرعية، ملف واحد في كل مرة) أن يستخدمها، بالميبيبايت؛ والملف الذي يحتاج إلى أكثر منها يوسم بالفشل
cli-help-consulta-contribution-attribute = نسبة مساهمة أُرسلت دون هوية متحقق منها إلى جهة مسجلة، بعد التحقق ممن أرسلها (يُقيَّد في سجل المراجعة)؛ فتُحسب عندئذ ضمن فئة تلك الجهة
cli-help-consulta-contribution-attribute-id = رقم المساهمة
cli-help-consulta-contribution-attribute-entity = اسم الجهة المسجلة (بصرف النظر عن حالة الأحرف والمسافات)
cli-help-consulta-contribution-attribute-clear = سحب النسبة
cli-attributed = نُسبت المساهمة { $id } إلى { $entity }: وهي تُحسب ضمن فئة تلك الجهة.
cli-attribution-cleared = لم تعد المساهمة { $id } منسوبة: تُعرض هوية مرسلها بأنها لم يتحقق منها.
attribution-refused = لا يمكن نسبة المساهمة { $id }: لا يُنسب إلا مساهمة أُرسلت دون هوية متحقق منها، ولا يُنسب إلا إلى جهة في السجل.
entity-claimed = هذا الاسم هو ما ذكره مرسل مع مساهمة غير متحقق منها: ليس جهة في السجل، ولم يُتحقق من هويتها.
identity-attributed = لم يُتحقق منها عند الإرسال؛ ونسبتها الأمانة إلى { $entity } بعد التحقق
attribution-title = النسبة إلى جهة مسجلة
attribution-help = بعد التحقق ممن أرسل هذه المساهمة، اذكر الجهة المسجلة التي صدرت عنها: فتُحسب عندئذ ضمن فئة تلك الجهة. ويحتفظ السجل بما ادعاه المرسل.
attribution-entity = الجهة المسجلة
attribution-save = نسبة
attribution-clear = سحب النسبة
attribution-entity-needed = اذكر الجهة المسجلة التي صدرت عنها المساهمة.
cli-help-consulta-log_key = الملف الذي يحفظ المفتاح الذي تُوقَّع به رؤوس شجرة السجل العام، ولا يُحفظ أبداً في قاعدة البيانات (افتراضياً بجوار قاعدة البيانات، باسمها متبوعاً بـ "-log.key"؛ يُنشأ عند أول تشغيل للنسخة العاملة، ولا يقرؤه إلا مالكه)؛ ويحتاج كل خادم من خوادم النسخة العاملة إلى نسخة منه
cli-help-consulta-heads = دفتر رؤوس الشجرة التي وقّعها هذا الخادم، المحفوظ خارج قاعدة البيانات كي يكشف `consulta check` سجلاً أعيدت كتابته (افتراضياً بجوار قاعدة البيانات، باسمها متبوعاً بـ "-heads.jsonl")
contribution-altered-title = سجل معدَّل
contribution-altered = لم يعد سجل هذه المساهمة في قاعدة البيانات يطابق ما قيّده السجل العام لها: لقد عُدّل خارج Consulta. ولا يُعرض نصها بوصفه السجل؛ ويجب على الأمانة استعادته من نسخة احتياطية. وما زال إيصالها وقيدها في السجل يثبتان ما ورد.
contribution-altered-short = سجل معدَّل
submit-storage-full = لم يعد لدى الخادم مكان لحفظ الملفات: لم يُسجَّل شيء. يرجى المحاولة لاحقاً؛ وقد نُبّهت الأمانة.
cli-help-consulta-sweep-files = تنظيف الملفات المحفوظة التي لا يذكرها أي سجل (مما خلّفته إرسالات مرفوضة): تنحية ما تجاوز فترة السماح، وحذف ما نُحّي في تنظيف سابق (تفعل الخوادم ذلك كل ربع ساعة)
cli-help-consulta-sweep-files-grace_minutes = الملفات المحفوظة منذ أقل من هذا العدد من الدقائق لا تُمس (0 فقط إن لم يكن أي خادم يعمل)
cli-swept = الملفات التي لا يذكرها أي سجل: نُحّي { $set_aside }، وحُذف { $removed }، وأعيد { $restored } (ذُكرت منذئذ)، وحُذف { $partials } ملفاً جزئياً.
cli-help-consulta-serve-trusted_proxies = وكيل عكسي (عنوان أو شبكة؛ كرر الخيار أو افصل بفواصل) يسمّي رأسه X-Forwarded-For العميلَ لأغراض حدود المعدل؛ ويُتجاهل رأس أي جهة أخرى
cli-help-consulta-demo-trusted_proxies = وكيل عكسي (عنوان أو شبكة؛ كرر الخيار أو افصل بفواصل) يسمّي رأسه X-Forwarded-For العميلَ لأغراض حدود المعدل؛ ويُتجاهل رأس أي جهة أخرى

## Points of agreement (issue 16)
cli-help-consulta-agreement = نقاط الاتفاق: العبارات والأصوات وفئات الرأي وتوافق الآراء بين فئات أصحاب المصلحة
cli-help-consulta-agreement-import-polis = استيراد مجلد مُصدَّر من Pol.is (comments.csv مع votes.csv، أو participants-votes.csv) إلى مشاورة، مع الاحتفاظ بمعرّفات التعليقات والمشاركين في Pol.is؛ ولا يُكتب شيء إن كان أحد الملفات خاطئاً
cli-help-consulta-agreement-import-polis-dir = المجلد المُصدَّر
cli-help-consulta-agreement-import-polis-consultation = الاسم المختصر للمشاورة
cli-help-consulta-agreement-groups = طباعة كل مشارك وُضع في فئة رأي، والفئة (participant,group)
cli-help-consulta-agreement-groups-consultation = الاسم المختصر للمشاورة
cli-help-consulta-agreement-groups-format = صيغة الإخراج
cli-help-consulta-agreement-groups-lang = لغة التسميات (الافتراضية: من البيئة)
cli-help-consulta-agreement-statements = طباعة كل عبارة مع أعداد الموافقين والمعارضين والممتنعين، ودرجة توافق الآراء عليها، وموافقة كل فئة، وهل هي نقطة اتفاق أم نقطة تستدعي مزيداً من النقاش
cli-help-consulta-agreement-statements-consultation = الاسم المختصر للمشاورة
cli-help-consulta-agreement-statements-format = صيغة الإخراج
cli-help-consulta-agreement-statements-lang = لغة التسميات (الافتراضية: من البيئة)
cli-help-consulta-agreement-propose = طرح عبارة من الأمانة للتصويت (تُقبل فوراً، وتصبح ورقة في السجل العام)
cli-help-consulta-agreement-propose-consultation = الاسم المختصر للمشاورة
cli-help-consulta-agreement-propose-text = العبارة، من 1 إلى 280 حرفاً
cli-help-consulta-agreement-propose-language = لغتها (الافتراضية: اللغة الأصلية للمشاورة)
cli-help-consulta-agreement-propose-from_contribution = المساهمة المستمدة منها
cli-agreement-imported = استوردت { $statements } عبارة ({ $accepted } مطروحة للتصويت)، و{ $participants } مشاركاً، و{ $votes } صوتاً.
cli-agreement-import-refused = لم يُستورد شيء من { $dir }
cli-agreement-already-imported = تتضمن المشاورة { $consultation } من قبل محادثة مستوردة؛ لم يُستورد شيء.
cli-agreement-statement-added = طُرحت العبارة { $id } للتصويت.
statement-empty = لا يجوز أن تكون العبارة فارغة.
statement-too-long = لا تتجاوز العبارة { $max } حرفاً.
agreement-counts = { $agree } موافق، { $disagree } معارض، { $pass } ممتنع؛ توافق الآراء { $consensus } %
agreement-group-name = الفئة { $group }
agreement-standing-agreement = نقطة اتفاق
agreement-standing-shared_disagreement = نقطة اتفاق (كل الفئات تعارض)
agreement-standing-further_debate = نقطة تستدعي مزيداً من النقاش
agreement-standing-unsettled = لم تُحسم
agreement-link = نقاط الاتفاق: التصويت على العبارات، ومعرفة مواطن اتفاق المشاركين
agreement-title = نقاط الاتفاق — { $consultation }
agreement-heading = نقاط الاتفاق والنقاط التي تستدعي مزيداً من النقاش
agreement-intro = يصوت المشاركون على عبارات قصيرة. ومن يصوتون على نحو متشابه يشكلون فئات رأي؛ ونقطة الاتفاق عبارة توافق عليها كل الفئات، والنقطة التي تستدعي مزيداً من النقاش عبارة تنقسم الفئات بشأنها. ويُعرض الأمر نفسه حسب فئات أصحاب المصلحة والمجموعات الإقليمية ومستوى التنمية، انطلاقاً من أصوات جهات التنسيق التابعة للمنظمات.
agreement-computed = حُسبت في { $at } من { $votes } صوتاً أدلى بها { $participants } مشاركاً على { $statements } عبارة.
agreement-recomputing = وردت أصوات جديدة؛ يجري حساب الفئات من جديد.
agreement-computing = يجري حساب الفئات؛ أعد تحميل الصفحة بعد قليل.
agreement-vote-heading = التصويت
agreement-voting-for = أنت تصوت باسم { $entity }: يُحسب صوتك في فئة أصحاب المصلحة التي تنتمي إليها وفي منطقتها.
agreement-voting-public = أنت تصوت بصفتك فرداً من الجمهور. وجهات التنسيق التي تدخل تصوت باسم منظمتها.
agreement-closed = المشاورة ليست مفتوحة: أُغلق باب التصويت والاقتراحات.
agreement-agree = موافق
agreement-disagree = غير موافق
agreement-pass = ممتنع / غير متأكد
agreement-remaining = { $count ->
    [one] بقيت عبارة واحدة للتصويت عليها، هي هذه.
    [two] بقيت عبارتان للتصويت عليهما، منهما هذه.
    [few] بقيت { $count } عبارات للتصويت عليها، منها هذه.
   *[other] بقيت { $count } عبارة للتصويت عليها، منها هذه.
}
agreement-voted-all = لقد صوّت على كل العبارات. شكراً لك؛ اقترح عبارة أدناه إن كان شيء ما ناقصاً.
agreement-map-heading = خريطة الآراء
agreement-map-caption = كل نقطة مشارك ({ $shown } من { $placed } معروضون)، موضوع بحسب طريقة تصويته: من يصوتون على نحو متشابه متقاربون. والخطوط المحيطة هي فئات الرأي. ولا تُعرض أي أسماء.
agreement-groups-heading = فئات الرأي
agreement-group-size = { $count ->
    [one] مشارك واحد
    [two] مشاركان
    [few] { $count } مشاركين
   *[other] { $count } مشاركاً
}
agreement-group-agrees = { $share } % من الفئة موافقون
agreement-group-disagrees = { $share } % من الفئة غير موافقين
agreement-points-heading = نقاط الاتفاق
agreement-all-disagree = كل الفئات غير موافقة
agreement-consensus = توافق الآراء { $consensus } %
agreement-none-agreed = لا توجد بعد عبارة تقف أغلبية كل فئة منها في الجانب نفسه.
agreement-debate-heading = النقاط التي تستدعي مزيداً من النقاش
agreement-group-split = الفئة { $group }: { $agree } % موافقون، { $disagree } % غير موافقين
agreement-none-debated = لا توجد بعد عبارة تقسم الفئات.
agreement-table-stakeholder_group = الاتفاق حسب فئة أصحاب المصلحة (نسبة الموافقين، أصوات جهات التنسيق)
agreement-table-regional_group = الاتفاق حسب المجموعة الإقليمية (نسبة الموافقين، أصوات جهات التنسيق)
agreement-table-development_status = الاتفاق حسب مستوى التنمية (نسبة الموافقين، أصوات جهات التنسيق)
agreement-statement = العبارة
agreement-standing = الوضع
agreement-table-note = تحتسب النسب صوتاً مؤيداً وصوتاً معارضاً إضافةً إلى الأصوات المدلى بها، كما يفعل Pol.is، كي لا تظهر فئة صغيرة بمظهر الإجماع. والشرطة تعني: لا صوت من تلك الفئة.
agreement-propose-heading = اقتراح عبارة
agreement-propose-label = العبارة
agreement-propose-hint = فكرة واحدة يمكن للآخرين أن يوافقوا عليها أو يعارضوها، لا تتجاوز { $max } حرفاً. وتقرأ الأمانة كل عبارة قبل طرحها للتصويت.
agreement-propose-submit = اقتراح
agreement-voted = سُجّل صوتك. إليك العبارة التالية.
agreement-proposed = شكراً لك: ستُطرح عبارتك للتصويت بعد أن تقرأها الأمانة.
agreement-bad-vote = لا يمكن تسجيل هذا الصوت: العبارة ليست مطروحة للتصويت في هذه المشاورة، أو الاختيار ليس موافقاً أو غير موافق أو ممتنعاً.
agreement-reason-needed = اذكر سبب رفض العبارة.
agreement-already-moderated = سبق النظر في هذه العبارة.
agreement-bad-language = اللغة ليست وسم BCP 47 (en، fr، es-419).
agreement-admin-link = نقاط الاتفاق: عبارات تنتظر النظر فيها
agreement-admin-title = نقاط الاتفاق: النظر في العبارات
agreement-admin-queue = العبارات التي تنتظر النظر فيها
agreement-admin-accept = القبول والطرح للتصويت
agreement-admin-reject = الرفض
agreement-admin-empty = لا توجد عبارة منتظرة.
agreement-admin-add = طرح عبارة للتصويت
agreement-admin-consultation = المشاورة
agreement-admin-language = اللغة (فارغة: لغة المشاورة)
agreement-admin-contribution = مستمدة من المساهمة رقم (اختياري)
agreement-admin-add-submit = الطرح للتصويت
agreement-admin-accepted = قُبلت العبارة وطُرحت للتصويت.
agreement-admin-rejected = رُفضت العبارة.
agreement-admin-added = طُرحت العبارة للتصويت.
report-section-agreement = { $number }. نقاط الاتفاق والنقاط التي تستدعي مزيداً من النقاش
report-agreement-intro = أدلى { $participants } مشاركاً، منهم { $verified } من جهات التنسيق يصوتون باسم منظماتهم، بـ { $votes } صوتاً على العبارات المطروحة عليهم وعددها { $statements }. ويضع تجميع من يصوتون على نحو متشابه، وفق طريقة Pol.is، { $placed } منهم في { $groups } فئات رأي، تظهر في الخريطة أدناه.
report-agreement-map = خريطة الآراء: كل مشارك موضوع بحسب أصواته (من يصوتون على نحو متشابه متقاربون)؛ وتدل الألوان والحروف على فئات الرأي
report-agreement-group = تتميز الفئة { $group } ({ $size } مشاركاً) بـ { $marks }.
report-agreement-group-agrees = الموافقة على «{ $text }» ({ $share } % من الفئة)
report-agreement-group-disagrees = عدم الموافقة على «{ $text }» ({ $share } % من الفئة)
report-agreement-quoted = «{ $text }»
report-agreement-and = و
report-agreement-points = { $count ->
    [one] تتفق أغلبية كل فئة رأي على نقطة واحدة: { $list }.
   *[other] تتفق أغلبية كل فئة رأي على { $count } نقاط: { $list }.
}
report-agreement-no-points = لا توجد عبارة تقف أغلبية كل فئة رأي منها في الجانب نفسه.
report-agreement-debate = { $count ->
    [one] تستدعي نقطة واحدة مزيداً من النقاش، لانقسام فئات الرأي بشأنها: { $list }.
   *[other] تستدعي { $count } نقاط مزيداً من النقاش، لانقسام فئات الرأي بشأنها: { $list }.
}
report-agreement-no-debate = لا توجد عبارة تقسم فئات الرأي.
report-agreement-dimension-agree = { $groups } توافق جميعاً على «{ $text }» ({ $shares }).
report-agreement-dimension-split = { $groups } منقسمة بشأن «{ $text }» ({ $shares }).
open-data-statements-csv = العبارات المطروحة للتصويت، مع أعدادها (CSV)
open-data-votes-csv = الأصوات، مجهولة الهوية: رقم المشارك، العبارة، الصوت (CSV)
agreement-no-statements = لم تُطرح أي عبارة للتصويت في هذه المشاورة بعد.

## Consultation texts in other languages (the secretariat's form)
admin-translate = النصوص بلغة أخرى
admin-translate-intro = عنوان المشاورة ووصفها وولايتها وأسئلتها التوجيهية بإحدى لغات الأمم المتحدة؛ والحقل الذي يُترك فارغاً يُبقي ما لتلك اللغة من قبل. وتُعرض الصفحات بلغة القارئ، أو بالأصل مع الإشارة إلى ذلك. ويُقيَّد كل تغيير في سجل المراجعة.
admin-translate-questions-hint = سؤال في كل سطر، بترتيب الأصل؛ اتركه فارغاً لإبقاء الأسئلة كما هي.
admin-translate-save = حفظ النصوص
admin-translated = حُفظت نصوص المشاورة بتلك اللغة.

## Campaigns (issue 17)
cli-help-consulta-campaigns = الحملات: مساهمات هي رسالة واحدة أُرسلت مرات عديدة، بتعديلات أو بدونها
cli-help-consulta-campaigns-rebuild = العثور من جديد على حملات مشاورة من السجل (نص كل مساهمة منشورة ونص مرفقاتها) وتسجيلها
cli-help-consulta-campaigns-rebuild-consultation = الاسم المختصر للمشاورة
cli-help-consulta-campaigns-list = طباعة حملات مشاورة، الأكبر أولاً (campaign,size,first_seen,last_seen,representative)
cli-help-consulta-campaigns-list-consultation = الاسم المختصر للمشاورة
cli-help-consulta-campaigns-list-format = صيغة الإخراج
cli-help-consulta-campaigns-members = طباعة كل مساهمة تنتمي إلى حملة، وحملتها (contribution,campaign)
cli-help-consulta-campaigns-members-consultation = الاسم المختصر للمشاورة
cli-help-consulta-campaigns-members-format = صيغة الإخراج
cli-help-consulta-campaigns-name = إعطاء حملة اسماً وملاحظة يُعرضان معها في كل صفحة (يُقيَّدان في سجل المراجعة)، أو إزالتهما
cli-help-consulta-campaigns-name-consultation = الاسم المختصر للمشاورة
cli-help-consulta-campaigns-name-campaign = الحملة: رقم أول مساهمة فيها
cli-help-consulta-campaigns-name-name = اسم الحملة (120 حرفاً كحد أقصى)
cli-help-consulta-campaigns-name-note = ملاحظة عن الحملة (2000 حرف كحد أقصى)
cli-help-consulta-campaigns-name-clear = إزالة اسم الحملة وملاحظتها
cli-campaigns-named = سُمّيت الحملة { $campaign } «{ $name }».
cli-campaigns-unnamed = لم يعد للحملة { $campaign } اسم ولا ملاحظة.
cli-campaigns-no-such = لا توجد حملة { $campaign } في المشاورة { $slug }: يسردها الأمر `consulta campaigns list --consultation { $slug }`.
cli-campaigns-reading = مساهمات مقروءة
cli-campaigns-rebuilt = { $members } مساهمة تنتمي إلى { $campaigns ->
    [one] حملة واحدة
    [two] حملتين
   *[other] { $campaigns } حملة
}؛ { $changed ->
    [0] كان السجل يتضمنها من قبل
    [one] كُتبت حملة مساهمة واحدة
   *[other] كُتبت حملات { $changed } مساهمة
}.
cli-campaigns-line = الحملة { $campaign }: { $size } مساهمة من { $first } إلى { $last } — «{ $representative }»
campaigns-link = الحملات: رسائل أُرسلت مرات عديدة
campaigns-title = الحملات
campaigns-intro = الحملة رسالة واحدة أُرسلت مرات عديدة: حرفياً، أو بتغيير كلمات، أو بإضافة فقرة من المرسل نفسه، أو باختيار مرادفات في قالب. وتُسمّى كل حملة باسم أول مساهمة فيها. وتنضم كل مساهمة جديدة إلى حملتها عند تسجيلها؛ ويُعثر على الحملات كلها من جديد من السجل كلما أعادت الأمانة بناءها.
campaigns-summary = { $members } من المساهمات المحسوبة البالغ عددها { $total } تنتمي إلى { $campaigns } حملة: { $distinct } صوتاً متميزاً، مع حساب كل حملة مرة واحدة.
campaigns-caption = الحملات، الأكبر أولاً
campaigns-column-campaign = الحملة
campaigns-column-size = المساهمات
campaigns-column-first = أول ما ورد
campaigns-column-last = آخر ما ورد
campaigns-column-representative = المساهمة الممثِّلة
campaigns-none = لم يُعثر على أي حملة في هذه المشاورة.
campaign-name = الحملة { $id }
campaign-size = { $count ->
    [one] مساهمة واحدة
    [two] مساهمتان
    [few] { $count } مساهمات
   *[other] { $count } مساهمة
}
campaign-member-of = الحملة
campaign-by-group = حسب فئة أصحاب المصلحة
campaign-representative = المساهمة الممثِّلة
campaign-representative-why = العضو الأكثر شبهاً بالآخرين: العضو الذي يشترك الآخرون في صياغته أكثر من غيره.
campaign-by-country = حسب البلد
campaign-by-channel = حسب القناة
campaign-variants = الصيغ المختلفة
campaign-variants-intro = أولى مساهمات الحملة، كل منها مقارنة كلمةً كلمةً بالمساهمة الممثِّلة: الكلمات المضافة تحتها خط، والكلمات المحذوفة مشطوبة.
campaign-variant-identical = مطابقة حرفياً للمساهمة الممثِّلة.
campaign-variant-added = مضاف
campaign-variant-removed = محذوف
campaign-more = و{ $count } أخرى
campaign-template = قالب بمرادفات
campaign-template-intro = يتبع الأعضاء قالباً واحداً ويختارون كلمة واحدة من مجموعة في كل موضع من هذه المواضع (محسوبة على ما يصل إلى 200 عضو موزعين على الحملة).
campaign-slot-after = بعد «{ $words }»
campaign-slot-pick = { $word } ({ $count })
campaign-note-title = اسم الأمانة وملاحظتها
campaign-note-name = الاسم
campaign-note-note = الملاحظة
campaign-note-help = يُعرضان مع الحملة في كل صفحة. اتركهما فارغين لإزالتهما. ويُقيَّد كل تغيير في سجل المراجعة.
campaign-note-save = حفظ
campaign-note-saved = حُفظ الاسم والملاحظة.
campaign-note-empty-name = لا يجوز أن يكون اسم الحملة فارغاً إذا كانت لها ملاحظة.
campaign-note-name-too-long = لا يجوز أن يتجاوز اسم الحملة 120 حرفاً.
campaign-note-note-too-long = لا يجوز أن تتجاوز ملاحظة الحملة 2000 حرف.
distinct-caption = الأصوات المتميزة حسب فئة أصحاب المصلحة
distinct-contributions = المساهمات
distinct-voices = الأصوات المتميزة
distinct-note = تُحسب الحملة (رسالة واحدة أُرسلت مرات عديدة) مرة واحدة في كل فئة من فئات أصحاب المصلحة تصل إليها؛ وتُحسب المساهمة المستقلة صوتاً واحداً.
report-campaigns = انتمت { $members } من المساهمات المحسوبة إلى { $campaigns ->
    [one] حملة واحدة
    [two] حملتين
   *[other] { $campaigns } حملة
}، وهي رسائل أُرسلت مرات عديدة بتعديلات أو بدونها؛ ومع حساب كل حملة مرة واحدة في كل فئة من فئات أصحاب المصلحة وصلت إليها، تمثل المساهمات { $distinct } صوتاً متميزاً.

## Drafts (issue 19)
cli-help-consulta-draft = المشاريع: النصوص التي تفضي إليها المشاورة (آراء، قرارات)، ويُتفاوض عليها فقرة فقرة
cli-help-consulta-draft-import = تسجيل مشروع من نصه الخام: العبارات الفعلية في أسطر مستقلة، والفقرات الفرعية a)، b)، والبنود i)، ii)، والفقرات المقتبسة؛ ولا يُسجَّل شيء إن تعذر وضع سطر في مكانه
cli-help-consulta-draft-import-file = الملف النصي (UTF-8)
cli-help-consulta-draft-import-consultation = الاسم المختصر للمشاورة
cli-help-consulta-draft-import-symbol = رمز وثيقة المشروع (مثلاً WTPF-13/6)
cli-help-consulta-draft-import-lang = اللغة التي كُتب بها (الافتراضية: اللغة الأصلية للمشاورة)
cli-help-consulta-draft-show = طباعة مشروع: آخر تنقيح له، أو التنقيح المطلوب
cli-help-consulta-draft-show-symbol = رمز وثيقة المشروع
cli-help-consulta-draft-show-revision = التنقيح (0: كما سُجّل)
cli-help-consulta-draft-show-format = صيغة الإخراج: text (الذي يعيد draft import قراءته) أو json
cli-draft-imported = سُجّل المشروع { $symbol }: { $sections } أجزاء، و{ $items } فقرة مرقمة.
cli-draft-unplaced = { $file }، السطر { $line }: ليس لهذا السطر مكان في بنية المشروع: { $text }
cli-draft-refused = { $file }: لم يُسجَّل شيء. ضع كل سطر في مكانه (حروف الفقرات الفرعية بالترتيب، والبند بعد فقرته) ثم استورد الملف مرة أخرى.
cli-draft-no-section = { $file }: لا يفتتح أي سطر جزءاً (عبارة فعلية مثل «rappelant» أو «recalling» أو «invite» أو «invites» في سطر مستقل)؛ لم يُسجَّل شيء.
cli-draft-too-large = { $file } أكبر من { $max } بايت؛ لم يُسجَّل شيء.
cli-draft-bad-symbol = يتكون رمز الوثيقة من 1 إلى { $max } حرفاً ولا يتضمن أي حرف تحكم.
cli-draft-duplicate = يوجد من قبل مشروع بالرمز { $symbol }.
cli-draft-unknown = لا يوجد مشروع بالرمز { $symbol }.
cli-draft-no-revision = ليس للمشروع { $symbol } تنقيح رقم { $revision }.
cli-help-consulta-draft-show-compare = المقارنة كلمةً كلمةً مع هذا التنقيح السابق ([+مُدرج+]، [-محذوف-])
cli-help-consulta-draft-amend = اقتراح تعديل على آخر تنقيح للمشروع: استبدال كلمات، أو حذف فقرة فرعية، أو إدراج فقرة جديدة بعدها
cli-help-consulta-draft-amend-symbol = رمز وثيقة المشروع
cli-help-consulta-draft-amend-place = الموضع: رقم الجزء، ثم حروف الفقرة الفرعية (2/b، 2/b/ii؛ 5/p1 لفقرة بلا رقم)
cli-help-consulta-draft-amend-replace = الكلمات المراد استبدالها (ترد مرة واحدة في الفقرة)
cli-help-consulta-draft-amend-by = الكلمات التي تحل محلها (فارغة لحذفها)
cli-help-consulta-draft-amend-delete = حذف الفقرة الفرعية كلها
cli-help-consulta-draft-amend-insert = إدراج هذه الفقرة الجديدة بعد الفقرة المذكورة
cli-help-consulta-draft-amend-justification = السبب، في بضع جمل (2000 حرف كحد أقصى)
cli-help-consulta-draft-amend-entity = الجهة المسجلة التي تقترحه (الافتراضية: الأمانة)
cli-help-consulta-draft-support = تسجيل أن جهة تؤيد تعديلاً أو تعارضه
cli-help-consulta-draft-support-symbol = رمز وثيقة المشروع
cli-help-consulta-draft-support-amendment = رقم التعديل
cli-help-consulta-draft-support-entity = الجهة المسجلة
cli-help-consulta-draft-support-oppose = إنها تعارض التعديل
cli-help-consulta-draft-revise = إصدار التنقيح التالي: تُدرج التعديلات المقبولة بالترتيب المعطى، وتُغلق المرفوضة
cli-help-consulta-draft-revise-symbol = رمز وثيقة المشروع
cli-help-consulta-draft-revise-accept = التعديلات المقبولة (أرقام تفصل بينها فواصل)
cli-help-consulta-draft-revise-reject = التعديلات المرفوضة (أرقام تفصل بينها فواصل)
cli-help-consulta-draft-compile = طباعة النص التجميعي: آخر تنقيح مع كل تعديل معلق بين معقوفتين في موضعه
cli-help-consulta-draft-compile-symbol = رمز وثيقة المشروع
cli-draft-amend-which = اذكر ما يفعله التعديل: --replace كلمات --by كلمات، أو --delete، أو --insert نص.
cli-draft-amended = سُجّل التعديل { $number } على { $symbol }.
cli-draft-supported = { $entity } تؤيد التعديل { $number }.
cli-draft-opposed = { $entity } تعارض التعديل { $number }.
cli-draft-revised = { $symbol }: صدر التنقيح { $revision }، وقُبل { $accepted } تعديلاً ورُفض { $rejected }.
cli-draft-lost-place = تُرك التعديل { $number } جانباً: ليس في آخر تنقيح الموضع { $place }.
draft-bad-place = «{ $place }» ليس موضعاً في مشروع: اذكر رقم الجزء، ثم حروف الفقرة الفرعية (2/b، 2/b/ii؛ 5/p1 لفقرة بلا رقم).
draft-no-such-place = ليس في المشروع { $place }.
draft-words-not-found = الكلمات «{ $words }» لا ترد في { $place } مرة واحدة بالضبط.
draft-amendment-empty = لا يجوز أن يكون نص التعديل فارغاً.
draft-amendment-quoted = الفقرة المقتبسة نص وثيقة أخرى: لا يجوز تعديلها.
draft-cannot-apply = لا يمكن إدخال التعديل { $number }: { $problem }
draft-justification-too-long = لا يتجاوز التعليل { $max } حرفاً.
draft-not-pending = التعديل { $number } ليس تعديلاً معلقاً على هذا المشروع.
draft-supported-by = بتأييد من
draft-page-title = المشروع { $symbol }
draft-list = المشاريع
draft-views = طرق عرض المشروع
draft-view-text = النص
draft-view-compilation = النص التجميعي
draft-view-compare = المقارنة بالأصل
draft-compilation-intro = آخر تنقيح مع كل تعديل معلق بين معقوفتين في موضعه: الكلمات المقترح استبدالها أو حذفها، ثم الكلمات المقترحة، مع رقم التعديل ومقترحه ومؤيديه.
draft-compare-intro = { $later } مقارناً بـ { $earlier }: تحت الكلمات المُدرجة خط، والكلمات المحذوفة مشطوبة.
draft-revisions = التنقيحات
draft-revision-original = النص الأصلي
draft-revision = التنقيح { $number }
draft-amendments = التعديلات
draft-amendment-number = التعديل { $number }
draft-amendment-delete = حذف الفقرة.
draft-amendment-insert = الإدراج بعدها:
draft-amendment-status-pending = معلق
draft-amendment-status-accepted = مقبول
draft-amendment-status-rejected = مرفوض
draft-opposed-by = تعارضه
draft-no-amendments = لم يُقترح أي تعديل.
draft-status-proposal = اقتراح
draft-status-negotiation = قيد التفاوض
draft-status-agreed = متفق عليه
draft-status-adopted = معتمد
draft-done-amended = سُجّل تعديلك: وهو مدرج أدناه وفي النص التجميعي.
draft-done-stance = سُجّل موقفك.
draft-done-revised = صدر التنقيح التالي.
draft-support = تأييد
draft-oppose = معارضة
draft-propose-heading = اقتراح تعديل
draft-propose-for = تقترحه باسم { $entity }، بصفتك جهة التنسيق التابعة لها.
draft-propose-secretariat = تقترحه بصفتك الأمانة.
draft-field-place = الموضع
draft-place-hint = رقم الجزء، ثم حروف الفقرة الفرعية: 2/b، 2/b/ii؛ 4/p1 لفقرة الجزء التي بلا رقم.
draft-field-kind = ما يفعله
draft-kind-replace = استبدال كلمات
draft-kind-delete = حذف الفقرة
draft-kind-insert = إدراج فقرة جديدة بعدها
draft-field-words = الكلمات المراد استبدالها (كما ترد في الفقرة)
draft-field-by = يُستعاض عنها بـ (فارغ لحذفها)
draft-field-text = نص الفقرة الجديدة
draft-field-justification = السبب
draft-propose-submit = اقتراح التعديل
draft-sign-in-to-amend = تدخل جهات التنسيق لاقتراح التعديلات وتأييدها.
draft-decide-heading = إصدار التنقيح التالي
draft-decide-intro = تُدخل التعديلات المقبولة بترتيب أرقامها؛ وتُغلق المرفوضة؛ وتبقى البقية معلقة. ويُقيَّد كل قرار في سجل المراجعة.
draft-decide-keep = إبقاؤه معلقاً
draft-decide-accept = قبول
draft-decide-reject = رفض
draft-decide-submit = إصدار التنقيح
cli-help-consulta-draft-export = كتابة مشروع: بلغة XML وفق Akoma Ntoso (OASIS LegalDocML 3.0، الذي يعيد draft import قراءته)، أو نصاً خاماً، أو JSON
cli-help-consulta-draft-export-symbol = رمز وثيقة المشروع
cli-help-consulta-draft-export-revision = التنقيح (الافتراضي: الأخير)
cli-help-consulta-draft-export-format = akn (XML وفق Akoma Ntoso)، أو text، أو json، أو html، أو md، أو docx، أو pdf
cli-help-consulta-draft-export-output = الملف المراد كتابته (الافتراضي: الإخراج القياسي)
cli-help-consulta-draft-export-compilation = كتابة النص التجميعي (آخر تنقيح مع كل تعديل معلق بين معقوفتين) بدلاً من تنقيح
draft-download = تنزيل:
draft-agreed-ad-referendum = متفق عليه رهناً بالاستشارة
draft-amendment-status-merged = مدمج
draft-merged-into = أُدمج في التعديل { $number }
draft-receipt = سُجّل التعديل { $number } بوصفه المدخل { $leaf } في السجل العام.
draft-receipt-record = سجله كما يحفظه السجل العام
draft-receipt-proof = الدليل على أن السجل يتضمنه
draft-amendment-leaf = مدخل السجل { $leaf }
draft-field-merges = يدمج التعديلات (للأمانة؛ أرقامها مفصولة بفواصل)
draft-merges-hint = اتركه فارغاً لتعديل جديد. وإذا مُلئ، حلّت هذه الصيغة محل التعديلات المذكورة، التي تُغلق بوصفها مدمجة فيها.
draft-done-merged = سُجّل التعديل المدمج؛ وأُغلقت التعديلات التي يدمجها.
draft-done-agreed = سُجّلت علامة الاتفاق.
draft-done-status = تغيّرت حالة المشروع.
draft-agree-heading = الفقرات المتفق عليها رهناً بالاستشارة
draft-agree-intro = ضع علامة على الفقرة بأنها متفق عليها رهناً بالاستشارة متى لم يبق تعديل معلق عليها: ويذكر ذلك النص والنص التجميعي. ويحتفظ التنقيح الجديد بالعلامة حيث لم يتغير موضع الفقرة ولا كلماتها.
draft-agree-submit = وضع علامة الاتفاق
draft-agree-withdraw = سحب العلامة
draft-status-heading = حالة المشروع
draft-status-field = الحالة الجديدة
draft-status-intro = يُتفق على المشروع متى لم يبق تعديل معلق، ويُعتمد بعد الاتفاق عليه؛ والنص المعتمد نهائي.
draft-status-submit = تغيير الحالة
draft-closed-notice = هذا النص { $status }: لم يعد موضع تفاوض.
draft-closed = المشروع { $status }: لم يعد نصه موضع تفاوض.
draft-status-unknown = «{ $status }» ليست حالة لمشروع (negotiation، agreed، adopted).
draft-status-refused = لا يمكن أن ينتقل المشروع من «{ $from }» إلى «{ $to }».
draft-status-pending = التعديلات التي لا تزال معلقة: { $count }. يُبت فيها قبل الاتفاق على النص.
draft-agreed-with-pending = على { $place } تعديلات معلقة: لا يمكن الاتفاق عليه ما دامت معلقة.
draft-merge-too-few = يجمع الدمج تعديلين معلقين على الأقل.
cli-draft-amendment-leaf = المدخل { $leaf } في السجل العام؛ SHA-256 لسجله: { $sha256 }
cli-draft-merged = أُدمجت التعديلات { $merged } في التعديل { $number }.
cli-draft-agreed = وُضعت على { $place } من { $symbol } علامة الاتفاق رهناً بالاستشارة.
cli-draft-agreement-withdrawn = سُحبت علامة الاتفاق عن { $place } من { $symbol }.
cli-draft-status-set = المشروع { $symbol } الآن { $status }.
cli-help-consulta-draft-merge = تسجيل تعديل الأمانة الذي يدمج تعديلات معلقة، تُغلق بوصفها مدمجة فيه
cli-help-consulta-draft-merge-symbol = رمز وثيقة المشروع
cli-help-consulta-draft-merge-amendments = التعديلات المدمجة (أرقام مفصولة بفواصل)
cli-help-consulta-draft-agree = وضع علامة على فقرة من آخر تنقيح بأنها متفق عليها رهناً بالاستشارة (دون تعديل معلق عليها)، أو سحب العلامة
cli-help-consulta-draft-agree-symbol = رمز وثيقة المشروع
cli-help-consulta-draft-agree-place = الفقرة: رقم الجزء، ثم حروف الفقرة الفرعية (2/b؛ 1/p1 لفقرة بلا رقم)
cli-help-consulta-draft-agree-withdraw = سحب العلامة
cli-help-consulta-draft-status = نقل مشروع إلى التفاوض، أو الاتفاق (دون تعديل معلق)، أو الاعتماد (بعد الاتفاق؛ نهائي)
cli-help-consulta-draft-status-symbol = رمز وثيقة المشروع
cli-help-consulta-draft-status-status = الحالة الجديدة
cli-help-consulta-draft-merge-place = الموضع: رقم الجزء، ثم حروف الفقرة الفرعية (2/b، 2/b/ii؛ 5/p1 لفقرة بلا رقم)
cli-help-consulta-draft-merge-replace = الكلمات المراد استبدالها (ترد مرة واحدة في الفقرة)
cli-help-consulta-draft-merge-by = الكلمات التي تحل محلها (فارغة لحذفها)
cli-help-consulta-draft-merge-delete = حذف الفقرة الفرعية كلها
cli-help-consulta-draft-merge-insert = إدراج هذه الفقرة الجديدة بعد الفقرة المذكورة
cli-help-consulta-draft-merge-justification = السبب، في بضع جمل (2000 حرف كحد أقصى)
draft-no-amendment = ليس للمشروع { $symbol } تعديل رقم { $number }.
draft-amendment-format = يُكتب التعديل بصيغة Akoma Ntoso (akn) أو بوصفه سجلاً (json).
draft-amendment-heading = التعديل { $number } على { $symbol }، المقترح من { $proposer }
cli-help-consulta-draft-export-amendment = كتابة تعديل واحد (رقمه) بوصفه وثيقة تعديل Akoma Ntoso، أو سجله مع ‎--format json
draft-amendment-akn = Akoma Ntoso
open-data-amendments-csv = التعديلات على المشاريع، مع مقترحيها ومؤيديها وبصماتها في السجل (CSV)
open-data-drafts-json = المشاريع كاملة: بنية كل تنقيح، والفقرات المتفق عليها، والتعديلات (JSON)
draft-comparison-format = تُكتب المقارنة بصيغة HTML أو Markdown أو DOCX أو PDF أو نصاً.
cli-help-consulta-draft-export-compare = كتابة التنقيح (‎--revision، والافتراضي آخر تنقيح) مقارناً بهذا التنقيح السابق: الإضافات مسطّرة، والحذوف مشطوبة (html أو md أو docx أو pdf أو نص معلَّم [+…+] و[-…-])
body-unknown = لا توجد هيئة { $slug }.
body-rules-error = السطر { $line } من القواعد: { $problem }
body-expertise = الخبرة: { $tag }
body-everyone = جميع الأعضاء
body-or = أو
body-at-least = { $n } على الأقل
body-at-most = { $n } على الأكثر
body-exactly = { $n } بالضبط
body-what-total = أعضاء الهيئة
body-what-renewal = الأعضاء الحاليون المستبدَلون
body-violation = { $what }: { $found } (القاعدة في السطر { $line }: المطلوب { $required })
body-nomination-error = السطر { $line }، { $field }: { $problem }؛ لم يُسجَّل شيء.
body-bad-fields = للهيئة اسم (300 حرف على الأكثر) وولاية (4000 على الأكثر) ومدة عضوية من سنة إلى 10 سنوات.
body-duplicate = توجد بالفعل هيئة { $slug }.
body-not-a-nomination = الترشيح { $number } ليس ترشيحاً لهذه الهيئة.
gender-female = النساء
gender-male = الرجال
cli-body-created = سُجّلت الهيئة { $slug }. حدّد قواعدها بالأمر consulta body rules { $slug } --file القواعد.
cli-body-rules-set = الهيئة { $slug }: سُجّلت { $rules } قاعدة.
cli-body-nominated = الهيئة { $slug }: سُجّل { $count } ترشيحاً.
cli-body-pinned = ثُبّت الترشيح { $number } كما طُلب.
cli-body-slate-passes = القائمة المؤلفة من { $count } تستوفي جميع القواعد.
cli-body-slate-fails = تخالف القائمة { $count } قاعدة.
cli-body-conflicting-rule =   السطر { $line }: { $rule }
cli-body-no-slate = لا توجد قائمة تستوفي جميع القواعد: لا يمكن استيفاء هذه القواعد معاً (كل منها لازم للتعارض):
cli-body-slate = أفضل قائمة تستوفي جميع القواعد ({ $count } عضواً):
cli-body-seated = الهيئة { $slug }: عُيّن { $count } عضواً من { $from } حتى { $until }.
cli-body-summary = { $members } عضواً في مناصبهم اليوم؛ { $nominations } ترشيحاً.
cli-help-consulta-body = الهيئات التي يجب أن تكون عضويتها متوازنة: القواعد والترشيحات والتحقق والحل الدقيق
cli-help-consulta-body-create = تسجيل هيئة (فريق عامل، فريق استشاري) لمشاورة
cli-help-consulta-body-create-slug = الاسم المختصر للهيئة في العناوين (حروف صغيرة وأرقام و'-')
cli-help-consulta-body-create-consultation = الاسم المختصر للمشاورة
cli-help-consulta-body-create-name = اسم الهيئة
cli-help-consulta-body-create-mandate = ولايتها
cli-help-consulta-body-create-term_years = مدة عضوية العضو بالسنوات
cli-help-consulta-body-rules = تحديد قواعد تكوين الهيئة من ملف (قاعدة في كل سطر)، أو عرضها
cli-help-consulta-body-rules-slug = الهيئة
cli-help-consulta-body-rules-file = ملف القواعد
cli-help-consulta-body-rules-objective = ما يحسّنه الحل: الخيارات الأولى للجهات المرشِّحة، أو تنوع البلدان، أو إبقاء الأعضاء الحاليين
cli-help-consulta-body-nominate = تسجيل ترشيحات من ملف CSV، كلها أو لا شيء
cli-help-consulta-body-nominate-slug = الهيئة
cli-help-consulta-body-nominate-csv = الملف: person وnominator وprocess وstakeholder_group وcountry وgender وexpertise وstatement وpriority
cli-help-consulta-body-pin = تثبيت مرشح في قائمة الحل أو استبعاده منها، أو إطلاقه
cli-help-consulta-body-pin-slug = الهيئة
cli-help-consulta-body-pin-nomination = رقم الترشيح
cli-help-consulta-body-pin-pin = in أو out أو free
cli-help-consulta-body-check = التحقق من قائمة وفق قواعد الهيئة: كل قاعدة تخالفها وبأي قدر
cli-help-consulta-body-check-slug = الهيئة
cli-help-consulta-body-check-slate = ترشيحات القائمة (الافتراضي: الأعضاء الحاليون)
cli-help-consulta-body-check-format = صيغة الإخراج
cli-help-consulta-body-solve = إيجاد أفضل قائمة تستوفي جميع القواعد، أو القواعد المتعارضة
cli-help-consulta-body-solve-slug = الهيئة
cli-help-consulta-body-solve-format = صيغة الإخراج
cli-help-consulta-body-seat = تعيين قائمة لمدة عضوية (الافتراضي: قائمة الحل، بدءاً من اليوم)
cli-help-consulta-body-seat-slug = الهيئة
cli-help-consulta-body-seat-members = الترشيحات المعيَّنة (الافتراضي: قائمة الحل)
cli-help-consulta-body-seat-from = أول يوم في المدة (الافتراضي: اليوم)
cli-help-consulta-body-show = عرض هيئة: أعضاؤها الحاليون وتكوينها حسب الفئة والمنطقة ومستوى التنمية والجنس
cli-help-consulta-body-show-slug = الهيئة
cli-help-consulta-body-show-format = صيغة الإخراج
body-term = يخدم الأعضاء لمدة { $years } سنوات.
body-done-nominated = سُجّل ترشيحك.
body-done-rules = سُجّلت القواعد.
body-done-pin = سُجّل التثبيت.
body-done-seated = عُيّنت القائمة.
body-members = الأعضاء
body-no-members = لا يوجد عضو في منصبه اليوم.
body-term-heading = المدة
body-composition = التكوين
body-by-group = حسب فئة أصحاب المصلحة
body-by-region = حسب المجموعة الإقليمية
body-by-development = حسب مستوى التنمية
body-by-gender = حسب الجنس
body-rules = قواعد التكوين
body-meets-rules = يستوفي الأعضاء الحاليون جميع القواعد.
body-no-rules = لم تحدد الأمانة أي قاعدة بعد.
body-nominate-heading = ترشيح عضو
body-nominate-for = ترشّح باسم { $entity } بصفتك جهة الاتصال.
body-field-person = الشخص
body-field-group = فئة أصحاب المصلحة
body-field-country = البلد
body-country-hint = حرفان (ISO 3166-1): KE، BR، FR.
body-field-gender = الجنس
body-field-expertise = الخبرات (وسوم مفصولة بفواصل)
body-field-statement = البيان
body-field-priority = ترتيب أفضليتك (1 أولاً)
body-field-invalid = { $field }: يُرجى التحقق من هذا الحقل.
body-nominate-submit = ترشيح
body-sign-in-to-nominate = تسجّل جهات الاتصال الدخول لترشيح الأعضاء.
body-solved-heading = قائمة الحل
body-solved-intro = أفضل قائمة من { $count } تستوفي جميع القواعد، وفق الهدف المختار:
body-seat-from = أول يوم في المدة
body-seat-submit = تعيين هذه القائمة
body-rule-line = السطر { $line }:
body-nothing-to-solve = لا يوجد ما يُحل بعد: تحتاج الهيئة إلى قواعد وترشيحات.
body-nominations = الترشيحات
body-no-nominations = لا ترشيحات بعد.
body-nominator = رشّحه
body-pin = للحل
body-pin-free = حر
body-pin-in = مُدرج دائماً
body-pin-out = مستبعد دائماً
body-pin-submit = تطبيق
body-rules-heading = القواعد والهدف
body-rules-hint = قاعدة في كل سطر: total 42؛ exactly 22 group=government؛ at least 1 per region in african,asia_pacific,eastern_european,latin_american_caribbean,weog where group=government؛ at most 1 per country؛ at least 40% gender=female؛ renew at most 50%.
body-objective = هدف الحل
body-objective-priority = الخيارات الأولى للجهات المرشِّحة
body-objective-spread_countries = أكبر عدد ممكن من البلدان
body-objective-keep_seated = أقل عدد ممكن من الأعضاء الحاليين المستبدَلين
body-rules-submit = حفظ القواعد
body-list = الهيئات
open-data-bodies-json = الهيئات: قواعدها وكل مدة عضوية، مع فئة العضو وبلده وجنسه (JSON)
body-role = الدور
body-role-member = عضو
body-role-chair = الرئيس
body-role-co_chair = الرئيس المشارك
body-rotation = الرئاسة بالتناوب: { $rotation }.
body-next-chair = الرئيس التالي: مرشَّح { $nominator }.
body-co-chair-candidates = يجوز أن يكونوا رؤساء مشاركين (الأعضاء الذين لم يشغلوا المنصب): { $members }
cli-body-chair-not-seated = الترشيح { $number } ليس من بين المعيَّنين: الرئيس أو الرئيس المشارك عضو.
cli-help-consulta-body-chairs = عرض تناوب الرئاسة والرئيس التالي ومن يجوز أن يكون رئيساً مشاركاً؛ وتحديد التناوب
cli-help-consulta-body-chairs-slug = الهيئة
cli-help-consulta-body-chairs-rotation = الجهات المرشِّحة التي تتناوب الرئاسة بينها، بالترتيب، مفصولة بفواصل
cli-help-consulta-body-seat-chair = الترشيح المعيَّن رئيساً
cli-help-consulta-body-seat-co_chair = الترشيح المعيَّن رئيساً مشاركاً
body-chair-not-in-turn = الدور في الرئاسة لـ{ $nominator }.
body-co-chair-held = سبق أن كان { $person } رئيساً مشاركاً: الدور لعضو آخر.
follow-up-problem-too-large = الملف أكبر من 10 ميبيبايت
follow-up-problem-too-many = يحتوي الملف على أكثر من 10000 صف
follow-up-problem-csv = الملف ليس بصيغة CSV: { $value }
follow-up-problem-missing-column = العمود مفقود
follow-up-problem-missing = القيمة مفقودة
follow-up-problem-too-long = القيمة أطول من { $count } حرفاً
follow-up-problem-action-line = { $value } ليس خط عمل (من C1 إلى C11)
follow-up-problem-date = { $value } ليس تاريخاً بالصيغة YYYY-MM-DD
follow-up-problem-end-before-start = النهاية تسبق البداية
follow-up-problem-status = { $value } ليس حالة (planned أو in_progress أو achieved أو dropped)
follow-up-problem-progress = { $value } ليس نسبة تقدم من 0 إلى 100
follow-up-problem-achieved = الالتزام المُنجز بنسبة 100 %
follow-up-problem-duplicate = المعرّف { $value } مستخدم مرتين
follow-up-problem-own-parent = لا يمكن أن يكون الالتزام أصلاً لنفسه
follow-up-file-error = السطر { $line }، الحقل { $field }: { $problem }
follow-up-unknown-consultation = السطر { $line }، الحقل consultation: لا توجد مشاورة { $slug }
follow-up-unknown-parent = الالتزام { $child }: لا يوجد التزام { $parent } ليكون أصله، لا في الملف ولا في السجل
follow-up-unknown-commitment = لا يوجد التزام { $number }
follow-up-update-not-allowed = لا يمكن لالتزام «{ $from }» أن يصبح «{ $to }»
follow-up-update-progress-back = لا يمكن أن يتراجع التقدم من { $from } % إلى { $to } % ما دام الالتزام قيد التنفيذ
follow-up-status-planned = مخطط له
follow-up-status-in-progress = قيد التنفيذ
follow-up-status-achieved = مُنجز
follow-up-status-dropped = متروك
follow-up-role-lead = الميسّر الرئيسي
follow-up-role-co-facilitator = ميسّر مشارك
follow-up-role-moderator = مُنسِّق الشبكة
cli-follow-up-action-line = الالتزامات: { $count }؛ الميسّرون: { $facilitators }
cli-follow-up-imported = الالتزامات المضافة: { $added }؛ المحدَّثة: { $updated }.
cli-follow-up-updated = حُدّث الالتزام { $number }.
cli-follow-up-bad-year = { $value } ليس سنة بين 2000 و2200
cli-follow-up-bad-role = { $value }: اكتب المنظمة:الدور، والدور lead أو co_facilitator أو moderator
cli-help-consulta-follow-up = سجل المتابعة: خطوط العمل وميسّروها والالتزامات وتقدمها
cli-help-consulta-follow-up-action-lines = عرض خطوط العمل من C1 إلى C11 مع ميسّريها والتزاماتها
cli-help-consulta-follow-up-action-lines-format = صيغة الإخراج
cli-help-consulta-follow-up-import = تسجيل التزامات من ملف نتائج CSV (أعمدة Decidim وConsulta)، كلها أو لا شيء؛ والمعرّف المعروف يحدّث التزامه
cli-help-consulta-follow-up-import-file = ملف النتائج CSV
cli-help-consulta-follow-up-import-on = اليوم الذي تسري منه الحالات الواردة في الملف (الافتراضي: اليوم)
cli-help-consulta-follow-up-export = كتابة كل الالتزامات في ملف نتائج CSV يعيد الاستيراد قراءته
cli-help-consulta-follow-up-export-output = الملف المراد كتابته (الافتراضي: الإخراج القياسي)
cli-help-consulta-follow-up-commitments = عرض الالتزامات حسب خط العمل أو الكيان أو الحالة
cli-help-consulta-follow-up-commitments-action_line = فقط ما يخدم خط العمل هذا (من C1 إلى C11)
cli-help-consulta-follow-up-commitments-entity = فقط ما يخص هذا الكيان، كما سُمّي
cli-help-consulta-follow-up-commitments-status = فقط ما كان بهذه الحالة
cli-help-consulta-follow-up-commitments-format = صيغة الإخراج
cli-help-consulta-follow-up-update = تحديث حالة الالتزام وتقدمه، مع التحقق منهما وفق وضعه
cli-help-consulta-follow-up-update-commitment = رقم الالتزام
cli-help-consulta-follow-up-update-status = حالته: planned أو in-progress أو achieved أو dropped
cli-help-consulta-follow-up-update-progress = تقدمه، بالنسبة المئوية
cli-help-consulta-follow-up-update-on = اليوم الذي يسري منه (الافتراضي: اليوم)
cli-help-consulta-follow-up-update-note = السبب، في جملة
cli-help-consulta-follow-up-facilitators = عرض ميسّري كل خط عمل حسب السنة؛ واستبدال ميسّري خط عمل لسنة
cli-help-consulta-follow-up-facilitators-year = السنة
cli-help-consulta-follow-up-facilitators-action_line = خط العمل الذي يُستبدل ميسّروه
cli-help-consulta-follow-up-facilitators-set = المنظمات وأدوارها، مفصولة بفواصل: ITU:lead,UNESCO:co_facilitator
nav-follow-up = المتابعة
action-lines-title = خطوط العمل في خطة عمل جنيف
action-lines-intro = خطوط العمل الأحد عشر للقمة العالمية لمجتمع المعلومات، ومن ييسّر كلاً منها، وحال الالتزامات التي تخدمها.
action-line-column-line = خط العمل
action-line-column-facilitators-year = الميسّرون في { $year }
action-line-facilitators = الميسّرون
action-line-commitments = الالتزامات
action-lines-source = المصدر: خطة عمل جنيف (WSIS-03/GENEVA/DOC/5)، الفرع جيم.
action-lines-csv = الالتزامات بصيغة CSV
follow-up-no-facilitators = لم يُسجَّل أي ميسّر لخط العمل هذا.
follow-up-no-commitments = لا يخدم أي التزام خط العمل هذا بعد.
action-line-status-counts = مخطط لها: { $planned }؛ قيد التنفيذ: { $progress }؛ مُنجزة: { $achieved }؛ متروكة: { $dropped }.
commitment-column-title = الالتزام
commitment-entity = الجهة الملتزمة
commitment-status = الحالة
commitment-progress = التقدم
commitment-action-lines = خطوط العمل
commitment-dates = التواريخ
commitment-indicator = المؤشر
commitment-target = الهدف
commitment-parent = جزء من
commitment-number = الالتزام { $number }
commitment-consultation = من المشاورة
commitment-timeline = التسلسل الزمني
commitment-progress-chart = تقدم «{ $title }» عبر الزمن، بالنسبة المئوية
report-follow-up-title = التقدم المحرز في تنفيذ ومتابعة نتائج القمة العالمية لمجتمع المعلومات في عام { $year }
report-follow-up-subtitle = تقرير الأمانة
report-follow-up-section-introduction = أولاً - مقدمة
report-follow-up-introduction = في نهاية عام { $year }، بلغ عدد الالتزامات المسجلة في إطار خطوط عمل خطة عمل جنيف { $count }: المنجزة { $achieved }، وقيد التنفيذ { $progress }، والمخطط لها { $planned }، والمتروكة { $dropped }. ووردت خلال السنة تقارير عن { $updates } منها.
report-follow-up-chart = الالتزامات حسب الحالة في نهاية عام { $year }
report-follow-up-section-facilitators = ثانياً - خطوط العمل وميسّروها
report-follow-up-facilitators = يبيّن الجدول أدناه، لكل خط عمل، المنظمات التي يسّرته في عام { $year }.
report-follow-up-facilitators-caption = خطوط العمل وميسّروها، { $year }
report-follow-up-no-facilitators = لم يُسجَّل أي ميسّر لعام { $year }.
report-follow-up-section-progress = ثالثاً - التقدم حسب خط العمل
report-follow-up-line = { $line }. الالتزامات: { $count } (المنجزة: { $achieved }؛ قيد التنفيذ: { $progress }؛ المخطط لها: { $planned }؛ المتروكة: { $dropped }).
report-follow-up-commitments-caption = الالتزامات التي تخدم { $line }
report-follow-up-progress-at = التقدم، نهاية { $year }
report-follow-up-section-missing = رابعاً - الالتزامات التي لم يُقدَّم عنها تقرير
report-follow-up-missing = الالتزامات المخطط لها أو قيد التنفيذ في نهاية عام { $year } التي لم يرد عنها أي تقرير خلال السنة: { $count }.
report-follow-up-none-missing = قُدّمت خلال السنة تقارير عن جميع الالتزامات المخطط لها أو قيد التنفيذ في نهاية عام { $year }.
report-follow-up-missing-caption = الالتزامات التي لم يُقدَّم عنها تقرير في عام { $year }
report-follow-up-last-report = آخر تقرير
cli-report-needs-consultation = سمِّ المشاورة (--consultation SLUG)، أو اطلب تقرير المتابعة لسنة (--kind follow-up --year السنة).
cli-help-consulta-report-kind = أي تقرير: خلاصة مشاورة، أو متابعة سنة
cli-help-consulta-report-year = سنة تقرير المتابعة
report-follow-up-column-lead = الميسّرون الرئيسيون
report-follow-up-column-co-facilitators = الميسّرون المشاركون
report-follow-up-column-moderators = مُنسِّقو الشبكات
follow-up-unknown-round = لا توجد جولة تقارير في إطار المشاورة { $slug }
follow-up-duplicate-round = المشاورة { $slug } جولة تقارير بالفعل
follow-up-unknown-entity = لا يوجد كيان مسجل باسم { $name }
follow-up-standing-reported = قُدّم التقرير
follow-up-standing-late = متأخر
follow-up-standing-due = مستحق
follow-up-reminder-subject = تذكير: تقرير التقدم الخاص بكم لعام { $year }
follow-up-reminder-body = السيد/السيدة { $name }،

    يُدعى { $entity } إلى تقديم تقرير عن التقدم المحرز في عام { $year } ({ $round }). الموعد النهائي لتقديم التقارير هو { $deadline }. يمكنكم تقديم تقريركم على العنوان { $link }

    الأمانة
cli-follow-up-round-opened = فُتحت جولة التقارير { $slug }؛ المنظمات المدعوة: { $count }.
cli-follow-up-round-summary = وردت تقارير من { $reported } من أصل { $count } من المنظمات المدعوة؛ المتأخرة: { $late }.
cli-follow-up-reminded = التذكيرات المدرجة في قائمة الإرسال: { $count }.
cli-help-consulta-follow-up-round = جولات التقارير: مشاورة تقدّم من خلالها المنظمات المدعوة تقارير التقدم
cli-help-consulta-follow-up-round-open = فتح جولة تقارير في إطار مشاورة (أسئلتها هي النموذج، وإغلاقها هو الموعد النهائي)
cli-help-consulta-follow-up-round-open-consultation = الاسم المختصر للمشاورة
cli-help-consulta-follow-up-round-open-year = السنة المشمولة بالتقرير
cli-help-consulta-follow-up-round-open-action_lines = خطوط العمل المشمولة بالتقرير، مفصولة بفواصل (C2,C5)
cli-help-consulta-follow-up-round-open-invite = الكيانات المسجلة المدعوة إلى تقديم تقارير، مفصولة بفواصل منقوطة
cli-help-consulta-follow-up-round-status = عرض من قدّم تقريره في الجولة ومن تأخر ومن هو مستحق
cli-help-consulta-follow-up-round-status-consultation = مشاورة الجولة
cli-help-consulta-follow-up-round-status-format = صيغة الإخراج
cli-help-consulta-follow-up-round-remind = إرسال تذكير بالبريد إلى منسقي الجهات المدعوة التي لم تقدّم تقاريرها
cli-help-consulta-follow-up-round-remind-consultation = مشاورة الجولة
cli-help-consulta-follow-up-round-remind-public_url = العنوان العام للمنصة الذي تحيل إليه التذكيرات
reports-due-title = التقارير المستحقة
reports-due-intro = جولات التقارير المدعو إليها { $entity }.
reports-due-round = التقدم في عام { $year } في إطار { $lines }؛ الموعد النهائي للتقارير { $deadline }.
reports-due-reported = سُجّل تقريركم.
reports-due-receipt = إيصاله
reports-due-late = لم يرد أي تقرير قبل الموعد النهائي.
reports-due-file = تقديم تقرير التقدم الخاص بكم
reports-due-status = وردت تقارير من { $reported } من أصل { $count } من المنظمات المدعوة؛ المتأخرة: { $late }.
reports-due-none = لا توجد جولة تقارير تخصّكم.
reporting-round-invitees = المنظمات المدعوة
reporting-round-report = التقرير
reporting-round-contribution = المساهمة { $number }
reporting-round-remind = تذكير من لم يقدّموا تقاريرهم
reporting-round-reminded = التذكيرات المدرجة في قائمة الإرسال: { $count }.
nav-reports-due = التقارير المستحقة
report-follow-up-section-rounds = { $number ->
        [V] خامساً
       *[other] سادساً
    } - جولات التقارير
report-follow-up-round = { $round }: وردت تقارير من { $reported } من أصل { $count } من المنظمات المدعوة.
report-follow-up-round-late = لم يرد قبل الموعد النهائي أي تقرير من: { $names }.
report-follow-up-round-open = لا تزال الجولة مفتوحة.
follow-up-cycle-review = في عام { $year }، يرأس فريق الأمم المتحدة المعني بمجتمع المعلومات { $chair }، وتعقد لجنة تسخير العلم والتكنولوجيا لأغراض التنمية دورة الاستعراض من دورتها { $start }-{ $end }.
follow-up-cycle-policy = في عام { $year }، يرأس فريق الأمم المتحدة المعني بمجتمع المعلومات { $chair }، وتعقد لجنة تسخير العلم والتكنولوجيا لأغراض التنمية دورة السياسات من دورتها { $start }-{ $end }.
action-line-column-in-progress = قيد التنفيذ
action-line-column-achieved = المنجزة
follow-up-org-itu = الاتحاد الدولي للاتصالات
follow-up-org-unesco = اليونسكو
follow-up-org-undp = برنامج الأمم المتحدة الإنمائي
follow-up-bad-choice = { $value } ليس من بين القيم: { $allowed }
cli-help-consulta-follow-up-commitments-group = فقط ما يخص الكيانات المسجلة من فئة أصحاب المصلحة هذه
cli-help-consulta-follow-up-commitments-region = فقط ما يخص كيانات هذه المجموعة الإقليمية للأمم المتحدة (african أو asia_pacific أو eastern_european أو latin_american_caribbean أو weog)
cli-help-consulta-follow-up-commitments-development = فقط ما يخص كيانات مستوى التنمية هذا
commitments-title = الالتزامات وتقدمها
commitments-filter-group = فئة أصحاب المصلحة
commitments-filter-region = المجموعة الإقليمية
commitments-filter-development = مستوى التنمية
commitments-filter-any = الكل
commitments-count = الالتزامات المعروضة: { $count }
action-lines-all-commitments = جميع الالتزامات، حسب فئة أصحاب المصلحة أو المنطقة أو مستوى التنمية
number-group-separator = ,
forum-title = منتدى المشاريع والتمويل
forum-intro = ينشر أصحاب المصلحة المشاريع التي يحتاجون إلى تمويلها ومصادر التمويل التي يعرضونها (برنامج عمل تونس، الفقرة 27 ز). ويُطابَق كل مشروع مع مصادر التمويل التي يستوفي خطوط عملها ومكانها وشروطها، مع ذكر الأسباب. يمكن للجميع القراءة؛ ويمكن لمنسقي الكيانات المتحقق منها النشر والرد.
forum-new-project = نشر مشروع
forum-new-funding = نشر مصدر تمويل
forum-sign-in-to-post = يسجّل منسقو الكيانات المتحقق منها الدخول للنشر والرد.
forum-count = المنشورات: { $count }
forum-answers = الأسئلة والأجوبة: { $count }
forum-matches = المطابقات: { $count }
forum-open-data = البيانات المفتوحة (JSON)
forum-empty = لم يُنشر شيء في المنتدى بعد.
forum-kind-project = مشروع
forum-kind-funding = مصدر تمويل
forum-posted-by = نشره
forum-grants = المنح
forum-matches-funding = مصادر التمويل التي يستوفيها هذا المشروع
forum-matches-projects = المشاريع التي تستوفي مصدر التمويل هذا
forum-no-matches = لا شيء حالياً.
forum-thread = الأسئلة والأجوبة
forum-no-answers = لم يُطرح أي سؤال بعد.
forum-reply-label = سؤالك أو جوابك
forum-reply-for = يُنشر باسم { $entity }.
forum-reply-submit = نشر
forum-moderation = الإشراف
forum-hide-reason = السبب، ويُعرض مكانه
forum-hide-item = إخفاء هذا المنشور
forum-hide-answer = إخفاء
forum-show-again = إظهار من جديد
forum-hidden-because = أخفته الأمانة: { $reason }
forum-hidden-title = منشور أخفته الأمانة
forum-posting-for = يُنشر باسم { $entity } مع التاريخ ليقرأه الجميع. المبالغ بالدولار الأمريكي دون كسور.
forum-field-kind = النوع
forum-field-title = العنوان
forum-field-description = الوصف
forum-field-need = الحاجة: ما يفعله المشروع ولمن وما سيموّله التمويل
forum-field-scope = النطاق: ما يُموَّل وكيفية التقدم
forum-field-action-lines = خطوط العمل
forum-field-countries = البلدان التي يُنفَّذ فيها
forum-field-covered-countries = البلدان المشمولة (إن حُدّدت)
forum-field-country = البلد (الرمز)
forum-field-regions = المجموعات الإقليمية المشمولة
forum-field-development = مفتوح لبلدان حالة التنمية
forum-field-groups = مفتوح لمجموعات أصحاب المصلحة
forum-field-budget = الميزانية (بالدولار الأمريكي)
forum-field-amount-min = أدنى منحة (بالدولار الأمريكي)
forum-field-amount-max = أعلى منحة (بالدولار الأمريكي)
forum-field-deadline = تُقبل الطلبات حتى
forum-field-funder = الجهة المموِّلة
forum-field-contact = جهة الاتصال
forum-countries-hint = رموز ISO مفصولة بفواصل، مثل KE, UG
forum-amount-hint = عدد صحيح، مثل 150000 أو 150,000
forum-eligibility-hint = اترك القائمة دون تأشير لتكون مفتوحة للجميع.
forum-contact-hint = يُنشر كما هو: عنوان المنظمة، لا العنوان الخاص لشخص.
forum-post-submit = النشر في المنتدى
forum-field-error = { $field }: { $problem }
forum-problem-missing = هذا الحقل مطلوب
forum-problem-too-long = أطول من { $count } حرفاً
forum-problem-too-many = يذكر أكثر من { $count }
forum-problem-kind = { $value } ليس project ولا funding
forum-problem-country = { $value } ليس رمز بلد
forum-problem-region = { $value } ليس مجموعة إقليمية في الأمم المتحدة
forum-problem-development = { $value } ليس حالة تنمية (ldc أو developing أو developed)
forum-problem-group = { $value } ليست مجموعة أصحاب مصلحة في هذا الموقع
forum-problem-amount = { $value } ليس عدداً صحيحاً من الدولارات
forum-problem-min-above-max = أدنى منحة أكبر من أعلاها
forum-problem-funding-only = لا يخص إلا مصدر التمويل
forum-problem-project-only = لا يخص إلا المشروع
forum-not-verified = لا يجوز النشر في المنتدى إلا لمنسق كيان متحقق منه.
forum-unknown-item = لا يوجد منشور { $number } في المنتدى.
forum-unknown-reply = لا يوجد جواب { $number } تحت المنشور { $item }.
forum-no-reason = اذكر سبب الإخفاء: سيُعرض مكانه.
forum-reason-action-lines = خطوط العمل المشتركة: { $codes }
forum-reason-country = البلد المشمول: { $country }
forum-reason-region = المجموعة الإقليمية المشمولة: { $region } ({ $country })
forum-reason-anywhere = البلدان المشمولة: جميعها
forum-reason-development = مفتوح لـ: { $status } ({ $country })
forum-reason-group = مفتوح لـ: { $group }
forum-reason-budget = الميزانية { $budget }؛ المنح { $range }
forum-reason-deadline = تُقبل الطلبات حتى { $date }
forum-dollars = { $amount } دولار أمريكي
forum-range = من { $min } إلى { $max }
forum-range-from = ابتداءً من { $min }
forum-range-up-to = حتى { $max }
forum-file-too-large = الملف أكبر من { $size }
forum-file-error = السطر { $line }: { $problem }
cli-forum-posted = نُشر المنشور { $number } في المنتدى.
cli-forum-hidden = أُخفي (المنشور { $number }).
cli-forum-restored = أُظهر من جديد (المنشور { $number }).
cli-help-consulta-forum = منتدى المشاريع والتمويل: قراءته والنشر باسم كيان والإشراف عليه
cli-help-consulta-forum-list = عرض المنشورات مع مطابقات كل منها
cli-help-consulta-forum-list-kind = المشاريع فقط أو مصادر التمويل فقط
cli-help-consulta-forum-list-action_line = فقط ما يخدم خط العمل هذا (من C1 إلى C11)
cli-help-consulta-forum-list-country = فقط ما يذكر هذا البلد (رمز ISO)
cli-help-consulta-forum-list-hidden = المنشورات التي أخفتها الأمانة مع الأسباب
cli-help-consulta-forum-list-format = صيغة الإخراج
cli-help-consulta-forum-show = عرض منشور: حقوله ومطابقاته مع الأسباب وسلسلة النقاش
cli-help-consulta-forum-show-item = رقم المنشور
cli-help-consulta-forum-show-format = صيغة الإخراج
cli-help-consulta-forum-post = نشر مشروع أو مصدر تمويل باسم كيان مسجل، من ملف JSON بحقوله
cli-help-consulta-forum-post-entity = الكيان المسجل الذي يُنشر باسمه
cli-help-consulta-forum-post-file = كائن JSON: kind وtitle وdescription وaction_lines وcountries وbudget (للمشروع)؛ وregions وdevelopment وgroups وamount_min وamount_max وdeadline وfunder (لمصدر التمويل)؛ وcontact
cli-help-consulta-forum-hide = إخفاء منشور أو جواب، مع عرض السبب مكانه
cli-help-consulta-forum-hide-item = رقم المنشور
cli-help-consulta-forum-hide-answer = رقم جواب بدلاً من المنشور
cli-help-consulta-forum-hide-reason = السبب، ويُعرض مكانه
cli-help-consulta-forum-restore = إظهار منشور أو جواب مخفي من جديد
cli-help-consulta-forum-restore-item = رقم المنشور
cli-help-consulta-forum-restore-answer = رقم جواب بدلاً من المنشور
action-lines-forum = المشاريع التي تحتاج إلى تمويل ومصادر التمويل المعروضة موجودة في منتدى المشاريع والتمويل.
report-follow-up-section-forum = { $number ->
        [V] خامساً
       *[other] سادساً
    } - منتدى المشاريع والتمويل
report-follow-up-forum = نُشر في منتدى المشاريع والتمويل في عام { $year }: المشاريع: { $projects }؛ مصادر التمويل: { $funding }. المشاريع التي تستوفي مصدر تمويل واحداً على الأقل في تاريخ هذا التقرير: { $matched }.
report-follow-up-forum-caption = المشاريع المنشورة في عام { $year } ومصادر التمويل التي يستوفيها كل منها
cli-help-consulta-follow-up-round-open-lists = دعوة كيانات قائمة الاعتماد هذه التي لها جهة اتصال أيضاً، كما تفعل حملة الدعوات (يمكن التكرار)
cli-help-consulta-follow-up-round-open-groups = دعوة كيانات مجموعة أصحاب المصلحة هذه التي لها جهة اتصال أيضاً (يمكن التكرار)
cli-help-consulta-follow-up-round-open-regions = دعوة كيانات هذه المجموعة الإقليمية للأمم المتحدة التي لها جهة اتصال أيضاً (يمكن التكرار)
cli-help-consulta-follow-up-round-open-countries = دعوة كيانات هذا البلد (رمز ISO) التي لها جهة اتصال أيضاً (يمكن التكرار)
cli-help-consulta-follow-up-round-open-public_url = مع قائمة أو مجموعة أو منطقة أو بلد: إرسال دعوة الحملة إلى كل جهة اتصال مختارة، ورابطها تحت هذا العنوان العام
commitments-filter-issue = القضية
commitment-issues = القضايا التي يخدمها
commitment-draft = مستمد من المشروع
commitment-contribution = مستمد من المساهمة
follow-up-unknown-reference = السطر { $line }، الحقل { $field }: { $value } غير موجود في السجل
follow-up-problem-issue = { $value } ليس معرّف قضية (أحرف صغيرة وأرقام و_)
follow-up-problem-contribution = { $value } ليس رقم مساهمة
cli-help-consulta-follow-up-commitments-issue = فقط ما يخدم هذه القضية من التصنيف (معرّفها)
reports-due-informs = { $session ->
        [review] تُستخدم هذه التقارير في دورة الاستعراض التي تعقدها اللجنة في عام { $year } (دورة { $start }-{ $end }).
       *[policy] تُستخدم هذه التقارير في دورة السياسات التي تعقدها اللجنة في عام { $year } (دورة { $start }-{ $end }).
    }
api-key-missing = يتطلب هذا الطلب مفتاح API: ‏Authorization: Bearer متبوعاً بالمفتاح الذي أصدرته الأمانة.
api-key-unknown = لم يُصدر هذا الموقع مفتاح API هذا.
api-key-revoked = ألغت الأمانة مفتاح API هذا.
api-key-other-consultation = مفتاح API هذا مخصص لمشاورة أخرى.
bulk-too-large = الدفعة أكبر من { $size }: أرسلها على عدة طلبات.
bulk-too-many-lines = الدفعة تتجاوز عدد الأسطر المسموح به ({ $count }): أرسلها على عدة طلبات.
bulk-empty = لا تحتوي الدفعة على أي سطر: أرسل مساهمة واحدة في كل سطر بصيغة JSON.
bulk-line-too-long = السطر أطول من { $size }.
bulk-line-not-json = السطر ليس مساهمة بصيغة JSON: { $detail }
bulk-allowance = يمكن لهذا المفتاح إرسال { $allowance } مساهمة في الساعة؛ المرسل في الساعة الأخيرة: { $sent }؛ في هذه الدفعة: { $count }. أعد المحاولة لاحقاً.
cli-api-key-none = لا يوجد مفتاح API رقم { $number } قيد الاستخدام.
cli-api-key-revoked = أُلغي مفتاح API رقم { $number }.
cli-api-key-bad-label = أعطِ المفتاح تسمية من 1 إلى 200 حرف.
cli-api-key-bad-allowance = يجب ألا تقل الحصة بالساعة عن 1.
cli-api-key-issued = صدر مفتاح API رقم { $number } إلى { $entity } للمشاورة { $slug }. لا يُعرض إلا هذه المرة؛ احفظه بأمان.
cli-api-key-state-in-use = قيد الاستخدام
cli-api-key-state-revoked = أُلغي { $date }
cli-help-consulta-api-key = مفاتيح API لقناة الإرسال بالجملة: إصدار مفتاح لمنظمة لمشاورة، وعرضها، وإلغاء مفتاح
cli-help-consulta-api-key-issue = إصدار مفتاح API (يُعرض مرة واحدة ولا يُحفظ إلا بصمته)
cli-help-consulta-api-key-issue-consultation = المشاورة التي يمكن للمفتاح الإرسال إليها
cli-help-consulta-api-key-issue-entity = المنظمة المسجلة التي يصدر لها المفتاح
cli-help-consulta-api-key-issue-label = الغرض من المفتاح لتتعرف عليه الأمانة
cli-help-consulta-api-key-issue-lines_per_hour = عدد المساهمات التي يمكن للمفتاح إرسالها في الساعة
cli-help-consulta-api-key-list = عرض المفاتيح الصادرة، قيد الاستخدام أو الملغاة
cli-help-consulta-api-key-revoke = إلغاء مفتاح: يُرفض من ذلك الحين
cli-help-consulta-api-key-revoke-key = رقم المفتاح
submit-busy = يتلقى الموقع في هذه اللحظة عدداً كبيراً جداً من المساهمات: لم تُسجَّل مساهمتك. أرسلها من جديد بعد بضع ثوانٍ؛ لن يضيع شيء مما كتبته.
example-banner-forum = بيانات مثال. هذا المنشور وناشره وسلسلة نقاشه مختلقة لأغراض العرض؛ وليست كلام أي حكومة أو منظمة حقيقية.
api-keys-title = مفاتيح API لقناة الإرسال بالجملة
api-keys-intro = ترسل المنظمة التي تنقل مساهمات كثيرة هذه المساهمات في طلب واحد، كائن JSON في كل سطر، بمفتاح يصدر هنا لمشاورة واحدة. لا يُعرض المفتاح إلا مرة واحدة عند إصداره؛ ولا يحفظ هذا الموقع إلا بصمته.
api-keys-issued = صدر مفتاح API رقم { $number }. انسخه الآن وسلّمه إلى المنظمة: لن يُعرض مرة أخرى.
api-keys-number = المفتاح
api-keys-entity = المنظمة
api-keys-entity-hint = كيان مسجل، كما يسميه السجل
api-keys-label = الغرض
api-keys-allowance = المساهمات في الساعة
api-keys-state = الحالة
api-keys-revoke = إلغاء المفتاح { $number }
api-keys-none = لم يصدر أي مفتاح.
api-keys-issue = إصدار مفتاح
