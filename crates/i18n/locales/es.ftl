## Consulta — mensajes en español. Cada clave de en.ftl existe aquí también (una prueba lo comprueba).

test-greeting = Hola, { $name }

## Stakeholder groups, channels, regional groups, development status

group-government = Gobiernos
group-international_organization = Organizaciones internacionales
group-civil_society = Sociedad civil
group-private_sector = Sector privado
group-academic = Comunidad académica
group-technical = Comunidad técnica
channel-written = Observaciones por escrito
channel-presentation = Presentaciones en la reunión
channel-intervention = Intervenciones en el debate abierto
channel-written-short = Por escrito
channel-presentation-short = Presentación
channel-intervention-short = Intervención
region-african = Estados de África
region-asia_pacific = Estados de Asia y el Pacífico
region-eastern_european = Estados de Europa Oriental
region-latin_american_caribbean = Estados de América Latina y el Caribe
region-weog = Estados de Europa Occidental y otros Estados
development-ldc = País menos adelantado
development-developing = País en desarrollo
development-developed = País desarrollado
status-upcoming = Aún no abierta
status-open = Abierta a contribuciones
status-closed = Cerrada

## The distribution table

table-caption = Distribución de las contribuciones recibidas
table-group = Grupo de partes interesadas
table-total = Total
table-unverified = Identidad no verificada (no contabilizada arriba)
table-withheld-note = { $count ->
    [one] No se contabiliza una contribución retenida de la publicación.
   *[other] No se contabilizan { $count } contribuciones retenidas de la publicación.
}
table-empty = Todavía no se ha recibido ninguna contribución.

## Import of contribution files

import-row-field-error = línea { $line }, columna { $field }: { $problem }
import-row-error = línea { $line }: { $problem }
import-missing = este campo es obligatorio y está vacío
import-not-utf8 = el texto no está en UTF-8 válido (guarde el archivo como «CSV UTF-8»)
import-field-count = la fila tiene { $found } campos y el encabezado tiene { $expected }
import-entity-name-too-long = el nombre de la entidad tiene más de { $max } caracteres
import-entity-name-control = el nombre de la entidad contiene un carácter de control (un salto de línea o un tabulador, por ejemplo)
import-country-required = un gobierno indica su país: elíjalo en la lista
import-unknown-group = grupo de partes interesadas desconocido «{ $value }» (se esperaba uno de: { $known })
import-unknown-country = código de país desconocido «{ $value }» (se esperaba un código ISO 3166-1 como FR o FRA, o nada para una entidad internacional)
import-unknown-channel = canal desconocido «{ $value }» (se esperaba written, presentation o intervention)
import-bad-date = «{ $value }» no es una fecha (se esperaba RFC 3339, como 2010-12-14T15:00:00Z, o una fecha como 2010-12-14)
import-outside-period = { $value } está fuera del período de la consulta (para registrar esas filas, marcadas como tardías, importe con --accept-late)
import-bad-language = «{ $value }» no es una etiqueta de idioma (se esperaba una etiqueta BCP 47 como en, fr o es-419)
import-title-too-long = el título tiene más de { $max } caracteres
import-control-character = contiene un carácter de control invisible ({ $code }) en el carácter { $at }: elimínelo
import-body-too-large = el texto ocupa más de { $max } bytes
import-meeting-required = una contribución del tipo «{ $channel }» se hace en una reunión: indique la fecha de la reunión
import-unknown-meeting = la consulta no tiene ninguna reunión el «{ $value }» (sus reuniones: { $known })
import-no-meetings = la consulta no tiene ninguna reunión el «{ $value }» (todavía no tiene reuniones: añada una con «consulta meeting add»)
import-entity-group-conflict = «{ $entity }» está registrada en el grupo «{ $recorded }»
import-entity-country-conflict = «{ $entity }» está registrada con el país { $recorded }
import-entity-no-country = «{ $entity }» está registrada sin país
import-file-empty = el archivo está vacío (se esperaba una fila de encabezado: { $expected })
import-file-no-rows = el archivo tiene encabezado pero ninguna contribución
import-file-missing-columns = al encabezado le faltan las columnas { $columns } (se esperaba: { $expected })
import-file-unknown-columns = el encabezado tiene columnas desconocidas { $columns } (se esperaba: { $expected } y, opcionalmente, on_behalf_of)
import-file-duplicate-column = el encabezado nombra dos veces la columna { $column }
import-file-unreadable = línea { $line }: el archivo no puede leerse como CSV ({ $reason })

## Command line

cli-consultation-created = Se ha creado la consulta { $slug }: { $status }, del { $opens } al { $closes } ({ $zone }).
cli-meeting-added = Se ha añadido a { $slug } la reunión del { $date } en { $place }.
cli-imported = Se { $contributions ->
    [one] ha importado 1 contribución
   *[other] han importado { $contributions } contribuciones
  } en { $slug } ({ $entities } entidades nuevas, { $late } tardías).
cli-import-refused = { $file }: no se ha importado nada. Corrija estas filas e importe de nuevo el archivo:
cli-import-more-errors = … y { $count } más.
cli-import-file-refused = { $file }: no se ha importado nada: { $problem }
cli-import-progress = Importando
cli-unknown-consultation = No existe la consulta «{ $slug }». { $known }
cli-known-consultations = Consultas existentes: { $list }.
cli-no-consultations = Todavía no hay ninguna consulta: cree una con «consulta consultation create».
cli-serving = Consulta sirve { $url }
cli-demo-loading = Cargando la consulta de demostración en { $path } …
role-secretariat = Secretaría
role-focal_point = Coordinador
demo-accounts-title = Cuentas de demostración
demo-accounts-intro = Solo para esta demostración: estas cuentas y sus contraseñas existen en su base de datos desechable y se muestran a quien la abra. Inicie sesión como secretaría para etiquetar contribuciones, retener una, invitar a coordinadores y redactar el informe; inicie sesión como coordinador para contribuir en nombre de un Estado ficticio.
demo-accounts-sign-in = Inicie sesión con una de ellas
cli-demo-account = { $role }: { $email }, contraseña { $password }
cli-demo-accounts = Cuentas de demostración (solo para esta demostración; se muestran también en su página de inicio):
cli-demo-loaded = Se han cargado { $count } contribuciones de ejemplo.
cli-error = error
cli-consultation-line = { $slug }  { $status }  { $opens } – { $closes }  { $title }

## Web pages

site-name = Consulta
site-tagline = Consultas abiertas con múltiples partes interesadas
skip-link = Ir al contenido
language-switch = Idioma
example-banner = Datos de ejemplo. Las entidades y los textos de esta consulta se han inventado para la demostración; no son palabras de ningún gobierno ni organización real.
example-label = Ejemplo
consultations-title = Consultas
consultations-intro = Convocatorias de contribuciones dirigidas a los gobiernos, las organizaciones internacionales, la sociedad civil, el sector privado y las comunidades académica y técnica.
consultations-empty = Todavía no hay ninguna consulta.
consultation-mandate = Mandato
consultation-period = Período
consultation-period-value = Del { $opens } al { $closes } ({ $zone })
consultation-status = Estado
consultation-questions = Preguntas orientativas
consultation-meetings = Reuniones
consultation-meeting-line = { $date }, { $place }
consultation-contributions = Contribuciones
consultation-table-link = El cuadro de distribución
filter-legend = Mostrar las contribuciones
filter-group = Grupo de partes interesadas
filter-channel = Canal
filter-all = Todos
filter-apply = Mostrar
contributions-count = { $total ->
    [0] Ninguna contribución coincide.
    [one] 1 contribución.
   *[other] { $total } contribuciones; se muestran de la { $from } a la { $to }.
  }
contributions-column-date = Recibida
contributions-column-title = Título
contributions-column-entity = Entidad
page-previous = Página anterior
page-next = Página siguiente
pagination = Páginas
contribution-entity = Entidad
contribution-group = Grupo de partes interesadas
contribution-channel = Canal
contribution-meeting = Reunión
contribution-submitted = Recibida
contribution-language = Idioma
contribution-on-behalf-of = En nombre de
contribution-late = Recibida fuera del período de la consulta
contribution-consultation = Consulta
contribution-text = Texto
entity-group = Grupo de partes interesadas
entity-country = País
entity-no-country = Ninguno (entidad internacional)
entity-regional-group = Grupo regional de las Naciones Unidas
entity-development = Nivel de desarrollo
entity-contributions = Contribuciones
entity-none = —
error-not-found-title = Página no encontrada
error-not-found = No hay nada en esta dirección. Puede que se haya escrito mal o que el elemento no exista.
error-bad-request-title = Solicitud no comprendida
error-bad-request = La dirección contiene un valor que Consulta no puede leer: { $detail }
error-server-title = Se ha producido un error
error-server = Consulta no ha podido mostrar esta página debido a un error propio. El error ha quedado registrado; vuelva a intentarlo más tarde.
back-home = Volver a las consultas
footer-record = Toda contribución recibida forma parte del expediente público.
footer-software = Consulta, programa de código abierto para consultas públicas.

## Dates

date-long = { $day } de { $month } de { $year }
date-time = { $date }, { $time }
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre

## Language names, each in its own language

language-name-en = English
language-name-fr = Français

## Consultation list

consultation-contribution-total = { $total ->
    [0] ninguna contribución todavía
    [one] 1 contribución
   *[other] { $total } contribuciones
  }

## Command-line help (cli-help-<command path>[-<argument>])

cli-help-consulta = Consulta: consultas abiertas con múltiples partes interesadas, desde la convocatoria de contribuciones hasta el expediente y sus cuadros.
cli-help-consulta-db = La base de datos: un archivo SQLite, creado si no existe (también sqlite:///ruta), o una base PostgreSQL, postgres://usuario:contraseña@servidor:puerto/nombre, que pueden compartir varios servidores
cli-help-consulta-config = Un archivo de configuración TOML, un parámetro por línea con el nombre de su opción (db = "consulta.db", public-url = "https://…", max-files = 10). Una opción o su variable CONSULTA_* prevalece sobre el archivo, y el archivo sobre los valores por defecto
cli-help-consulta-consultation = Crear y enumerar consultas
cli-help-consulta-consultation-create = Crear una consulta: una convocatoria de contribuciones con un mandato y un período
cli-help-consulta-consultation-create-slug = Nombre corto usado en direcciones y órdenes (minúsculas, cifras, '-')
cli-help-consulta-consultation-create-title = Título, en el idioma indicado por --lang
cli-help-consulta-consultation-create-opens = Fecha de apertura (2010-09-01) o fecha y hora (2010-09-01T09:00) en el huso horario
cli-help-consulta-consultation-create-closes = Fecha de cierre (incluido todo el día) o fecha y hora, en el huso horario
cli-help-consulta-consultation-create-mandate = La decisión que convoca la consulta (p. ej., "resolución 2010/2 del ECOSOC")
cli-help-consulta-consultation-create-description = Descripción, en el idioma indicado por --lang
cli-help-consulta-consultation-create-questions = Una pregunta orientativa; repítala para varias
cli-help-consulta-consultation-create-lang = Idioma de los textos dados (etiqueta BCP 47: en, fr, es, …)
cli-help-consulta-consultation-create-time_zone = Huso horario de las fechas (nombre IANA: UTC, Europe/Zurich, America/New_York)
cli-help-consulta-consultation-list = Enumerar las consultas
cli-help-consulta-meeting = Gestionar las reuniones de una consulta
cli-help-consulta-meeting-add = Añadir una reunión, donde se hacen presentaciones e intervenciones
cli-help-consulta-meeting-add-consultation = El nombre corto de la consulta
cli-help-consulta-meeting-add-date = La fecha de la reunión (2010-12-14)
cli-help-consulta-meeting-add-place = El lugar en que se celebra
cli-help-consulta-import = Importar datos al expediente
cli-help-consulta-import-contributions = Importar contribuciones desde un archivo CSV (columnas: entity,stakeholder_group,country,channel,submitted_at,language,title,body,meeting); todas las filas o ninguna
cli-help-consulta-import-contributions-file = El archivo CSV (UTF-8, con o sin BOM), o - para la entrada estándar
cli-help-consulta-import-contributions-consultation = El nombre corto de la consulta
cli-help-consulta-import-contributions-accept_late = Registrar, marcadas como tardías, las filas fechadas fuera del período de la consulta en lugar de rechazar el archivo
cli-help-consulta-table = Imprimir la distribución de las contribuciones por grupo de partes interesadas y canal
cli-help-consulta-table-consultation = El nombre corto de la consulta
cli-help-consulta-table-format = Formato de salida
cli-help-consulta-table-lang = Idioma de las etiquetas (por defecto: el del entorno)
cli-help-consulta-report = Redactar el proyecto de informe de síntesis de una consulta (párrafos numerados, cuadros, cuestiones, mecanismos y lagunas, gráficos, anexo de contribuyentes)
cli-help-consulta-report-consultation = El nombre corto de la consulta
cli-help-consulta-report-lang = Idioma del informe (por defecto: el del entorno)
cli-help-consulta-report-format = Formato del archivo: html, md (Markdown), docx (Word, se abre en LibreOffice) o pdf
cli-help-consulta-report-output = Escribir en este archivo en lugar de la salida estándar
cli-help-consulta-report-public_url = La dirección del sitio público, para los enlaces a las contribuciones (CONSULTA_PUBLIC_URL); sin ella, las contribuciones se nombran sin enlace
cli-report-annex = La lista de contribuyentes, demasiado larga para el informe, se escribe en { $path }.
cli-help-consulta-load-demo = Cargar la consulta de demostración en la base de datos indicada por --db (que debería ser nueva), para probar en ella las demás órdenes
cli-help-consulta-backup = Hacer una copia de seguridad de la instancia (base de datos y archivos adjuntos) en un directorio nuevo, sin interrumpir el servicio
cli-help-consulta-backup-directory = El directorio que se ha de crear
cli-help-consulta-restore = Restaurar una copia de seguridad como instancia nueva (--db, un archivo SQLite nuevo o una base PostgreSQL vacía; --files no debe existir aún) y comprobar después cada contribución con el registro
cli-help-consulta-restore-directory = El directorio de la copia de seguridad
cli-backup-exists = { $path } ya existe: una copia de seguridad se guarda en un directorio nuevo.
cli-backup-done = Copia de seguridad en { $path }: { $contributions } contribuciones, { $attachments } archivos adjuntos, raíz del registro { $root }.
cli-restore-format = No es una copia de seguridad de Consulta que Consulta pueda leer (formato { $format }).
cli-restore-exists = { $path } ya existe: una restauración crea una instancia nueva, nunca sobrescribe otra.
cli-restore-root = La raíz del registro restaurado es { $found }; la copia de seguridad registró { $expected }.
cli-restore-failed = El expediente restaurado no supera la comprobación:
cli-restore-done = Restaurado en { $path }: { $contributions ->
    [one] una contribución, en el registro
   *[other] { $contributions } contribuciones, cada una en el registro
}; raíz { $root }, como en la copia de seguridad.
cli-help-consulta-check = Comprobar cada contribución con el registro público: una hoja por contribución, su expediente sin cambios, su prueba lleva a la raíz
cli-check-failed = El expediente no supera la comprobación:
cli-check-done = { $contributions ->
    [one] Se ha comprobado una contribución
   *[other] Se han comprobado { $contributions } contribuciones
}{ $statements ->
    [0] {""}
    [one] {" "}y una afirmación sometida a votación
   *[other] {" "}y { $statements } afirmaciones sometidas a votación
}{ $amendments ->
    [0] {""}
    [one] {" "}y una enmienda a un proyecto
   *[other] {" "}y { $amendments } enmiendas a proyectos
}: cada una está en el registro, sin cambios. Raíz { $root }. El árbol reconstruido a partir de los expedientes coincide con { $heads ->
    [0] ninguna cabecera firmada (no hay diario en { $journal })
    [one] la única cabecera firmada de { $journal }
   *[other] las { $heads } cabeceras firmadas de { $journal }
}.
cli-help-consulta-serve = Servir las páginas públicas y la API
cli-help-consulta-serve-addr = Dirección en la que escuchar (el puerto 0 elige un puerto libre)
cli-help-consulta-demo = Cargar la consulta de demostración en una base de datos temporal nueva y servirla
cli-help-consulta-demo-addr = Dirección en la que escuchar (el puerto 0 elige un puerto libre)

## Command line: the words of --help that clap would write in English
cli-usage = Uso:
cli-options = Opciones
cli-arguments = Argumentos
cli-commands = Órdenes
cli-help-flag = Mostrar esta ayuda
cli-version-flag = Mostrar la versión
cli-possible-values = valores: { $values }
cli-default-value = por defecto: { $value }
cli-env-variable = variable: { $name }

## Command line: translations and databases

cli-consultation-translated = La consulta { $slug } tiene ahora sus textos en: { $languages }.
cli-no-database = No hay ninguna base de datos en { $path }. Cree primero una consulta (consulta consultation create) o indique la ruta correcta con --db o CONSULTA_DB.
cli-help-consulta-consultation-translate = Añadir el título, la descripción y las preguntas orientativas de una consulta en otro idioma
cli-help-consulta-consultation-translate-consultation = El nombre corto de la consulta
cli-help-consulta-consultation-translate-lang = El idioma de los textos dados (etiqueta BCP 47: fr, es, ar, …)
cli-help-consulta-consultation-translate-title = El título en ese idioma
cli-help-consulta-consultation-translate-description = La descripción en ese idioma
cli-help-consulta-consultation-translate-questions = Cada pregunta orientativa en ese idioma, en orden; repítala para cada una
cli-help-consulta-consultation-translate-mandate = El mandato en ese idioma

## Submissions (web form and API)

import-bad-email = «{ $value }» no es una dirección de correo electrónico
submit-field-problem = { $field }: { $problem }.
submit-field-entity = Nombre de la entidad
submit-field-stakeholder_group = Grupo de partes interesadas
submit-field-country = País
submit-field-email = Correo electrónico de contacto
submit-field-language = Idioma
submit-field-title = Título
submit-field-body = Texto
submit-field-files = Archivos adjuntos
submit-too-many-files = Se pueden adjuntar como máximo { $max } archivos a una contribución.
submit-file-too-large = El archivo «{ $name }» ocupa más de { $max }, el máximo permitido por archivo.
submit-bad-file-name = No se puede usar el nombre de archivo «{ $name }».
submit-not-open = Esta consulta aún no está abierta a contribuciones.
submit-closed = Esta consulta está cerrada y ya no acepta contribuciones.
submit-idempotency-conflict = Esta Idempotency-Key ya se usó para otro envío.
submit-bad-idempotency-key = La cabecera Idempotency-Key debe tener de 1 a 200 caracteres ASCII visibles.
submit-malformed = La solicitud no pudo leerse como formulario multipart: { $detail }
submit-unknown-field = La solicitud tiene un campo que Consulta no conoce: { $field }
submit-too-large = La solicitud es mayor de lo que Consulta acepta ({ $max } como máximo).
submit-field-too-large = El campo «{ $field }» ocupa más de { $max }, más de lo que admite.
cli-help-consulta-files = Dónde se guardan los archivos adjuntos: un directorio (por defecto, junto a la base de datos, con su nombre seguido de "-files") o un contenedor compatible con S3, s3://bucket/prefijo?endpoint=https://…&region=… (credenciales en AWS_ACCESS_KEY_ID y AWS_SECRET_ACCESS_KEY)
cli-help-consulta-verify = Comprobar un acuse de recibo con una instancia en funcionamiento: ¿sigue la contribución en el expediente público, sin cambios?
cli-help-consulta-verify-receipt = El acuse de recibo (JSON, tal como lo dio la instancia)
cli-help-consulta-verify-server = La dirección de la instancia (p. ej., https://consultations.example.org)

## Receipts checked with `consulta verify`

verify-ok = La contribución { $id } está en el expediente público, sin cambios: su expediente sigue dando el hash { $sha256 } y es la entrada { $entry } del registro público, que ha pasado de { $old } a { $new } entradas sin que se modificara ninguna entrada anterior.
verify-withheld = La contribución { $id } sigue en el registro público, sin cambios (entrada { $entry } de { $new }), pero la secretaría retiene su texto de la publicación: { $reason }
verify-receipt-invalid = El acuse de recibo no es coherente ({ $detail }): puede haber sido alterado.
verify-key-changed = La instancia firma con una clave distinta de la del acuse de recibo: su registro no puede compararse con el acuse.
verify-bad-signature = La cabecera del árbol de la instancia no tiene una firma válida.
verify-log-rewritten = El registro de la instancia no es una extensión de aquel con el que se emitió el acuse: se han modificado o eliminado entradas.
verify-not-included = El registro de la instancia ya no contiene la entrada de esta contribución.
verify-record-changed = El expediente publicado de la contribución { $id } no es aquel para el que se emitió el acuse: ha sido modificado.

## The contribution form and receipts

form-title = Enviar una contribución
form-intro = Las observaciones por escrito pueden enviarse en cualquier forma y en cualquier momento mientras la consulta esté abierta. Recibirá un acuse de recibo con el que cualquiera podrá comprobar, en todo momento, que el expediente público sigue conteniendo su contribución sin cambios.
form-unverified = Las contribuciones enviadas con este formulario se marcan como «identidad no verificada».
form-errors = La contribución no se ha enviado. Corrija lo siguiente:
form-files-kept = { $count ->
    [one] El archivo que envió se conserva abajo: no es necesario elegirlo de nuevo.
   *[other] Los { $count } archivos que envió se conservan abajo: no es necesario elegirlos de nuevo.
}
form-kept-legend = Archivos ya recibidos
form-kept-hint = Se conservan durante 30 minutos y se envían con la contribución; desmarque uno para excluirlo.
submit-kept-files-expired = Un archivo conservado de su intento anterior ha caducado (los archivos se conservan 30 minutos): elíjalo de nuevo.
form-entity-hint = El gobierno o la organización en cuyo nombre contribuye.
form-email-hint = Solo para la secretaría; nunca se publica.
form-choose = Elija…
form-country-none = Organismo internacional (sin país)
form-country-hint = Obligatorio. Los gobiernos y los organismos nacionales eligen su país; solo un organismo sin país propio elige «Organismo internacional».
form-files-hint = Opcional: hasta { $max } archivos de { $size } cada uno, en cualquier formato (PDF, Word, OpenDocument, texto, imágenes, …).
form-submit = Enviar la contribución
acknowledgement-subject = Contribución { $id } registrada: { $title }
acknowledgement-body =
    Su contribución a «{ $consultation }» ha quedado registrada en el expediente público.

    Contribución: { $id }
    Título: { $title }
    Enviada en nombre de: { $entity }
    Recibida: { $received }

    Su acuse de recibo va adjunto ({ $file }) y puede consultarse en todo momento en { $link }
    Consérvelo: con él, cualquiera puede comprobar más adelante que el expediente público sigue conteniendo su contribución, sin cambios.

    Esta dirección nunca se publica. Si usted no envió esta contribución, avise a la secretaría respondiendo a este mensaje.
receipt-title = Acuse de recibo de la contribución { $id }
receipt-recorded = Su contribución ha quedado registrada.
receipt-intro = Este acuse de recibo indica lo que se recibió y su lugar en el registro público. Consérvelo: con él, cualquiera puede comprobar que el expediente público sigue conteniendo la contribución, sin cambios.
receipt-id = Contribución
receipt-received = Recibida
receipt-contribution-title = Título
receipt-entity = Enviada en nombre de
receipt-consultation = Consulta
receipt-sha256 = SHA-256 del expediente
receipt-log = Lugar en el registro público
receipt-log-value = Entrada { $entry } de un registro de { $size ->
    [one] 1 entrada
   *[other] { $size } entradas
  }, cuya raíz es
receipt-key = Clave con la que se firma el registro
receipt-download = Descargar el acuse de recibo (JSON)
receipt-verify = Para comprobarlo en cualquier momento:
contribution-identity = Identidad
identity-recorded = Registrada por la secretaría
identity-unverified = Identidad no verificada
identity-verified = Verificada
contribution-record = Expediente público
contribution-receipt-link = Acuse de recibo y lugar en el registro público
contribution-withheld = La secretaría retiene esta contribución de la publicación: { $reason }. Su entrada en el registro público se mantiene, de modo que el expediente puede seguir verificándose.
contribution-files = Archivos adjuntos
language-name-es = Español
language-name-ru = Русский
language-name-ar = العربية
language-name-zh = 中文
language-name-pt = Português
language-name-de = Deutsch

## Withholding

contribution-withheld-title = Contribución retenida
cli-withheld = La contribución { $id } se retiene de la publicación; su entrada en el registro público se mantiene.
cli-published = La contribución { $id } vuelve a publicarse.
cli-unknown-contribution = No existe la contribución { $id }.
cli-help-consulta-report-details = Mostrar los datos de un informe (signatura, órganos, período de sesiones y tema del programa, resumen, conclusiones) en JSON, o establecerlos a partir de un archivo JSON de la misma forma
cli-help-consulta-report-details-consultation = El nombre corto de la consulta
cli-help-consulta-report-details-set = Un archivo JSON con los datos que se han de establecer (comprobados; auditados), tal como los imprime la orden
cli-details-too-large = { $file } ocupa más de { $max } bytes: no se ha cambiado nada.
cli-details-unreadable = { $file }, línea { $line }, columna { $column }: no es el JSON de los datos ({ $reason }); no se ha cambiado nada.
cli-details-refused = { $file }: { $reason }; no se ha cambiado nada.
cli-details-set = Se han establecido los datos del informe de { $consultation }.
cli-help-consulta-tags = Las cuestiones con que se etiquetan las contribuciones
cli-help-consulta-tags-evaluate = En qué medida las sugerencias del clasificador de cuestiones coinciden con las etiquetas dadas: precisión, exhaustividad y calibración; cada contribución etiquetada la puntúa un clasificador que no aprendió de ella
cli-tags-evaluation = Entrenado con { $documents } contribuciones etiquetadas; se han puntuado { $scored } pares (contribución, cuestión) reservados.
    Sugerencias al { $threshold } % o más: { $suggested }, de las cuales { $right } correctas: precisión del { $precision } %.
    Etiquetas dadas: { $tags }, de las cuales { $right } sugeridas: exhaustividad del { $recall } %.
cli-tags-not-calibrated = Demasiado pocas contribuciones etiquetadas para calibrar: los porcentajes son los del clasificador sin ajustar.
cli-tags-bins = Calibración (probabilidad indicada, pares, media indicada, proporción correcta):
cli-help-consulta-contribution = Gestionar las contribuciones registradas
cli-help-consulta-contribution-withhold = Retener una contribución de la publicación (datos personales, abusos…), indicando el motivo; su entrada en el registro público se mantiene
cli-help-consulta-contribution-withhold-id = El número de la contribución
cli-help-consulta-contribution-withhold-reason = El motivo de la retención: se muestra en su página pública
cli-help-consulta-contribution-publish = Volver a publicar una contribución retenida
cli-help-consulta-contribution-publish-id = El número de la contribución
cli-help-consulta-serve-max_files = Número máximo de archivos por contribución
cli-help-consulta-serve-max_file_mib = Tamaño máximo de un archivo adjunto, en MiB
cli-help-consulta-demo-max_files = Número máximo de archivos por contribución
cli-help-consulta-demo-max_file_mib = Tamaño máximo de un archivo adjunto, en MiB

## Sizes

number-decimal-separator = ,
size-bytes = { $n } B
size-kib = { $n } KiB
size-mib = { $n } MiB
verify-unreachable = No se ha podido comprobar con { $server }: { $detail }

## Consultation definitions

draft-slug = «{ $value }» no es un nombre corto (de 1 a 80 minúsculas, cifras y '-', empezando por una letra o una cifra)
draft-language = «{ $value }» no es una etiqueta de idioma (una etiqueta BCP 47 como en, fr o es-419)
draft-empty-title = el título está vacío
draft-time-zone = «{ $value }» no es un huso horario (un nombre IANA como UTC, Europe/Zurich o America/New_York; los nombres más próximos: { $nearest })
draft-date = «{ $value }» no es una fecha (2010-09-01) ni una fecha y hora (2010-09-01T09:00)
draft-empty-period = la consulta se cerraría antes de abrirse
draft-question-count = la consulta tiene { $count } preguntas orientativas: dé una traducción para cada una, en orden
cli-duplicate-slug = Ya existe una consulta «{ $slug }».
cli-duplicate-meeting = La consulta ya tiene una reunión el { $date }.

## Search (the public archive)
nav-label = Secciones
nav-consultations = Consultas
nav-search = Buscar
search-title = Buscar en el expediente
search-title-query = «{ $query }»: buscar en el expediente
search-label = Palabras que buscar, en cualquier idioma
search-submit = Buscar
search-help = Deben aparecer todas las palabras (en cualquier forma: «cooperar» encuentra «cooperación»). Ponga una frase "entre comillas"; ponga un signo menos delante de una palabra para excluirla: -spam.
search-sort = Orden
search-sort-relevance = Las más pertinentes primero
search-sort-newest = Las más recientes primero
search-sort-oldest = Las más antiguas primero
search-filters = Acotar los resultados
search-filter = { $facet }: { $value }
search-remove = quitar este filtro
search-count = { $total ->
    [0] Ninguna contribución publicada coincide.
    [one] Se ha encontrado 1 contribución.
   *[other] Se han encontrado { $total } contribuciones; se muestran de la { $from } a la { $to }.
  }
search-collapse = Mostrar cada campaña una sola vez
search-similar = { $count ->
    [one] y una contribución similar de su campaña
   *[other] y { $count } contribuciones similares de su campaña
}
search-none = Pruebe con menos palabras, con otras palabras o quite un filtro. Las contribuciones retenidas por la secretaría no se buscan.
search-facet-consultation = Consulta
search-facet-group = Grupo de partes interesadas
search-facet-channel = Canal
search-facet-country = País
search-facet-region = Grupo regional
search-facet-language = Idioma
search-facet-year = Año
consultation-search = Buscar en estas contribuciones
cli-help-consulta-index = Mantener el índice de búsqueda (derivado del expediente; los servidores lo mantienen al día por sí mismos)
cli-help-consulta-index-rebuild = Reconstruir el índice de búsqueda a partir de todo el expediente (detenga antes el servidor que lo usa)
cli-help-consulta-index_dir = Dónde se guarda el índice de búsqueda (un directorio; por defecto, junto a la base de datos, con su nombre seguido de "-index")
cli-index-busy = Otro proceso de Consulta (un servidor u otra reconstrucción) está usando el índice de búsqueda en { $path }. Deténgalo primero o indique otro directorio con --index.
cli-index-progress = Indexando
cli-index-rebuilt = Se han indexado { $count } contribuciones publicadas en { $seconds } s; el índice en { $path } ocupa { $size }.
open-data-title = Datos abiertos
open-data-intro = Todo lo público de esta consulta, de libre reutilización. Las contribuciones retenidas aparecen solo por su entrada: número, hash y motivo.
open-data-contributions-csv = Contribuciones (CSV)
open-data-contributions-json = Contribuciones (JSON)
open-data-entities-csv = Entidades participantes (CSV)
open-data-entities-json = Entidades participantes (JSON)
open-data-entities-popolo-json = Entidades participantes (Popolo JSON)
open-data-feed-atom = Nuevas contribuciones (canal Atom)
open-data-archive-zip = Todo, con archivos y pruebas (archivo zip)
open-data-verify = El archivo puede comprobarse sin conexión, sin confiar en este sitio: consulta verify-archive ARCHIVO.zip
cli-help-consulta-export = Escribir un archivo de datos abiertos de una consulta (tal como el sitio lo ofrece para descargar)
cli-help-consulta-export-what = Qué archivo: contributions.csv, contributions.json, entities.csv, entities.json, entities.popolo.json, statements.csv, votes.csv, amendments.csv, drafts.json, bodies.json, feed.atom o archive.zip
cli-help-consulta-export-consultation = La consulta (su nombre corto)
cli-help-consulta-export-output = Dónde escribirlo (por defecto: la salida estándar)
cli-help-consulta-export-base_url = La dirección pública del sitio, para los enlaces del canal
cli-help-consulta-verify-archive = Comprobar sin conexión un archivo completo: cada fichero con su manifiesto, la cabecera firmada del árbol y el lugar de cada contribución en el registro
cli-help-consulta-verify-archive-archive = El archivo (.zip) que se ha de comprobar
cli-export-unknown = No existe el archivo de datos abiertos «{ $what }». Elija uno de: { $known }.
cli-exported = Escrito en { $path }.
archive-ok = { $file } se verifica: consulta { $consultation }, { $contributions } contribuciones ({ $withheld } retenidas, mostradas solo por su entrada), { $files } archivos, todo en el registro de { $size } entradas con raíz { $root }, firmado el { $generated } con la clave { $key }. Compare esa clave con la que publica la instancia.
archive-refused = { $file } no se verifica: { $problem }
archive-unreadable = no es un archivo zip legible ({ $detail }).
archive-no-manifest = no tiene manifest.json.
archive-bad-manifest = su manifest.json no puede leerse ({ $detail }).
archive-unknown-format = su formato { $format } no lo conoce esta versión de Consulta.
archive-missing-file = { $path } figura en el manifiesto pero falta en el archivo.
archive-unlisted-file = { $path } está en el archivo pero no en el manifiesto.
archive-file-changed = { $path } no es el fichero que indica el manifiesto (su SHA-256 o su tamaño difieren).
archive-bad-signature = la firma de la cabecera del árbol no se verifica con la clave pública del archivo.
archive-record-changed = el expediente de la contribución { $id } no tiene el hash al que se compromete su entrada en el registro.
archive-not-in-log = la contribución { $id } no está en el registro firmado: su prueba de inclusión falla.
archive-record-mismatch = el expediente de la contribución { $id } no coincide con el archivo: { $detail }.
cli-help-consulta-admin = Gestionar las cuentas (aquí se crea la primera cuenta de la secretaría)
cli-help-consulta-admin-create = Crear una cuenta; su contraseña se lee de CONSULTA_PASSWORD o de la primera línea de la entrada estándar
cli-help-consulta-admin-create-email = Su dirección de correo electrónico, con la que inicia sesión
cli-help-consulta-admin-create-name = El nombre de la persona
cli-help-consulta-admin-create-role = secretariat (por defecto) o focal-point
cli-help-consulta-admin-create-entity = Para un coordinador: la entidad en cuyo nombre actúa (su nombre tal como está registrado)
cli-help-consulta-admin-create-lang = El idioma de sus correos y páginas (en, fr, es, ru, ar, zh)
cli-unknown-role = Función desconocida «{ $role }»: elija secretariat o focal-point.
cli-unknown-entity = No hay ninguna entidad registrada con el nombre «{ $entity }».
cli-focal-point-needs-entity = Un coordinador actúa en nombre de una entidad: indíquela con --entity.
cli-secretariat-no-entity = Una cuenta de la secretaría no actúa en nombre de ninguna entidad: omita --entity.
cli-password-prompt = Contraseña (al menos 12 caracteres):{" "}
cli-bad-email = «{ $email }» no es una dirección de correo electrónico.
cli-duplicate-account = Ya existe una cuenta con la dirección { $email }.
cli-account-created = Se ha creado la cuenta { $email } ({ $role }).
password-too-short = La contraseña debe tener al menos { $min } caracteres (unas cuantas palabras forman una buena contraseña).
password-too-long = La contraseña debe tener como máximo { $max } caracteres.

## Accounts and the secretariat's pages
nav-sign-in = Iniciar sesión
nav-sign-out = Cerrar sesión ({ $name })
nav-admin = Secretaría
login-title = Iniciar sesión
login-intro = Para la secretaría y los coordinadores de las entidades. Todos los demás pueden leer el expediente completo sin cuenta.
login-email = Dirección de correo electrónico
login-password = Contraseña
login-submit = Iniciar sesión
login-failed = Esa dirección y esa contraseña no corresponden a ninguna cuenta. Compruébelas y vuelva a intentarlo.
login-needed = Inicie sesión para ver esta página.
login-session-ended = Su sesión ha terminado (después de { $hours } horas, o porque la cerró en otro lugar). Inicie sesión de nuevo para continuar.
login-signed-out = Ha cerrado la sesión.
error-forbidden-title = No disponible para esta cuenta
error-forbidden = Esta página es para la secretaría. Ha iniciado sesión con una cuenta que no puede usarla.
error-form-expired-title = El formulario ha caducado
error-form-expired = Este formulario se envió sin el token de la página que lo mostró: la página era demasiado antigua o procedía de otro sitio. Vuelva atrás, recargue la página y envíelo de nuevo.
error-too-many-title = Demasiados intentos
error-too-many = Demasiados intentos en poco tiempo. Espere un cuarto de hora y vuelva a intentarlo.
admin-title = Secretaría
admin-intro = Sesión iniciada como { $name }. Toda acción realizada aquí queda escrita en el registro de auditoría.
admin-moderation = Retener o publicar una contribución
admin-moderation-intro = Una contribución retenida desaparece de las páginas, de la búsqueda y de los datos abiertos; su entrada en el registro público se mantiene, con el motivo.
admin-contribution = Número de la contribución
admin-reason = Motivo
admin-reason-hint = Necesario para retener; se muestra públicamente en lugar de la contribución.
admin-withhold = Retener
admin-publish = Volver a publicar
admin-withheld = La contribución está retenida.
admin-published = La contribución está publicada.
admin-bad-contribution = Indique el número de la contribución.
admin-reason-needed = Indique por qué se retiene la contribución: el motivo se muestra en su lugar.
audit-title = Registro de auditoría
audit-read = Leer el registro de auditoría
audit-export = Descargarlo (CSV)
audit-count = { $total ->
    [one] 1 entrada
   *[other] { $total } entradas
  }, las más recientes primero
audit-at = Cuándo (UTC)
audit-actor = Quién
audit-action = Acción
audit-subject = Sobre
audit-before = Antes
audit-after = Después
form-acting-for = Contribuye como { $entity }, con sesión iniciada como su coordinador: la contribución se marca como verificada.
cli-help-consulta-serve-unverified_per_hour = Contribuciones no verificadas aceptadas por dirección de red y por hora (0: sin límite)
cli-help-consulta-demo-unverified_per_hour = Contribuciones no verificadas aceptadas por dirección de red y por hora (0: sin límite)

## Invitations and password resets (emails)
invitation-subject = Invitación: { $consultation }
invitation-body = Estimado/a { $name }:

    La secretaría invita a { $entity } a contribuir a la consulta «{ $consultation }».

    Este enlace personal le permite crear su cuenta como coordinador de { $entity } y enviar contribuciones en su nombre; se marcarán como verificadas:

    { $link }

    El enlace funciona una sola vez, durante { $days } días. No lo comparta: quien lo use podrá actuar en nombre de { $entity }.
reset-subject = Restablecimiento de su contraseña
reset-body = Estimado/a { $name }:

    Alguien (esperamos que usted) ha pedido restablecer la contraseña de su cuenta. Para elegir una nueva, abra este enlace en el plazo de { $hours } hora:

    { $link }

    Si no lo ha pedido, no tenga en cuenta este mensaje: su contraseña no cambia.
invitation-title = Coordinador de { $entity }
invitation-intro = Se le invita a contribuir como coordinador de { $entity }. Su cuenta será { $email }; elija su nombre y una contraseña.
invitation-name = Su nombre
invitation-password = Contraseña
invitation-password-hint = Al menos 12 caracteres; unas cuantas palabras que pueda recordar forman una buena contraseña.
invitation-submit = Crear mi cuenta
invitation-name-needed = Indique su nombre: se muestra a la secretaría, no se publica.
invitation-unknown = No se reconoce este enlace de invitación. Compruebe que se copió entero o pida uno nuevo a la secretaría.
invitation-used = Este enlace de invitación ya se utilizó: cada uno funciona una sola vez. Inicie sesión con la cuenta que creó o pida uno nuevo a la secretaría.
invitation-expired = Este enlace de invitación ha caducado. Pida uno nuevo a la secretaría.
invitation-other-entity = Esta dirección ya tiene una cuenta para otra entidad. Consulte a la secretaría.
error-link-title = Este enlace no puede utilizarse
login-forgot = ¿Ha olvidado su contraseña?
reset-title = Restablecer su contraseña
reset-intro = Indique la dirección de su cuenta: le enviaremos un enlace para elegir una contraseña nueva.
reset-send = Enviar el enlace
reset-sent = Si esta dirección tiene una cuenta, el enlace está en camino. Funciona una sola vez, durante una hora.
reset-new-password = Contraseña nueva
reset-save = Guardar la contraseña nueva
reset-invalid = Este enlace de restablecimiento no puede utilizarse: ya se usó, ha caducado o no se copió entero. Pida uno nuevo.
reset-done = Su contraseña se ha cambiado y todas las sesiones de su cuenta han terminado. Inicie sesión con la nueva.
mail-title = Bandeja de salida
mail-to = Para
mail-subject = Asunto
mail-status = Estado
mail-attempts = Intentos
mail-when = Enviado o en cola (UTC)
mail-status-queued = en cola
mail-status-sent = enviado
mail-status-failed = fallido
cli-help-consulta-list = Gestionar las listas de acreditación (ECOSOC, UIT, CMSI, CCTD o propias)
cli-help-consulta-list-import = Importar una lista desde un CSV (entity, stakeholder_group, country y, opcionalmente, focal_point_email, focal_point_name, language): todas las filas o ninguna
cli-help-consulta-list-import-file = El archivo CSV
cli-help-consulta-list-import-list = El nombre corto de la lista: ecosoc, itu, wsis, cstd o uno propio (minúsculas, cifras, guiones)
cli-help-consulta-list-import-name = El nombre completo de la lista (conocido para ecosoc, itu, wsis y cstd)
cli-help-consulta-invite = Invitar a una consulta a los coordinadores de las entidades elegidas: un enlace personal de un solo uso por correo electrónico, en el idioma de cada uno
cli-help-consulta-invite-consultation = La consulta (su nombre corto)
cli-help-consulta-invite-lists = Solo las entidades de esta lista de acreditación (repítalo para varias)
cli-help-consulta-invite-groups = Solo las entidades de este grupo de partes interesadas (repítalo para varios)
cli-help-consulta-invite-regions = Solo las entidades de este grupo regional de las Naciones Unidas: african, asia_pacific, eastern_european, latin_american_caribbean, weog (repítalo para varios)
cli-help-consulta-invite-countries = Solo las entidades de este país, código ISO (repítalo para varios)
cli-help-consulta-invite-base_url = La dirección pública del sitio, para los enlaces
cli-help-consulta-serve-smtp = El servidor SMTP del correo, como URL (smtp://usuario:contraseña@servidor:587?tls=required, smtps://servidor); sin él, el correo se escribe en el directorio de salida
cli-help-consulta-serve-mail_from = El remitente del correo de Consulta
cli-help-consulta-serve-outbox = Adónde va el correo sin servidor SMTP (por defecto: junto a la base de datos, con su nombre seguido de "-outbox")
cli-help-consulta-serve-mail_per_minute = Como máximo este número de correos por minuto
cli-help-consulta-demo-smtp = El servidor SMTP del correo, como URL (smtp://usuario:contraseña@servidor:587?tls=required, smtps://servidor); sin él, el correo se escribe en el directorio de salida
cli-help-consulta-demo-mail_from = El remitente del correo de Consulta
cli-help-consulta-demo-outbox = Adónde va el correo sin servidor SMTP (por defecto: junto a la base de datos de la demostración)
cli-help-consulta-demo-mail_per_minute = Como máximo este número de correos por minuto
cli-mail-outbox = No se ha indicado servidor SMTP (--smtp): el correo se escribe en { $path }.
cli-bad-list = «{ $list }» no puede nombrar una lista: use minúsculas, cifras y guiones.
cli-list-needs-name = Dé un nombre a la lista «{ $list }» con --name.
cli-list-imported = Lista { $list }: { $entities } entidades ({ $new } nuevas), { $contacts } direcciones de coordinadores.
cli-bad-selection = «{ $value }» no es un grupo de partes interesadas, un grupo regional ni un código de país que Consulta conozca.
cli-invite-needs-public-url = Las invitaciones llevan enlaces a la instancia: indique su dirección pública con --base-url (o CONSULTA_PUBLIC_URL), por ejemplo https://consultations.example.org.
cli-unknown-list = No existe la lista «{ $list }». Listas: { $known }.
cli-invited = { $count ->
    [0] Nadie coincide: no se ha enviado ninguna invitación.
    [one] 1 invitación en cola; la envía la tarea de correo del servidor.
   *[other] { $count } invitaciones en cola; las envía la tarea de correo del servidor.
  }
admin-campaign = Invitar a los coordinadores
admin-campaign-intro = Cada coordinador de las entidades elegidas recibe, en su idioma, un enlace personal de un solo uso: crea su cuenta, con la que contribuye en nombre de la entidad (verificada). Un tipo de criterio que se deje vacío no restringe.
admin-campaign-consultation = Consulta
admin-campaign-lists = Listas de acreditación
admin-campaign-no-lists = Todavía no hay ninguna lista: importe una con consulta list import.
admin-campaign-groups = Grupos de partes interesadas
admin-campaign-regions = Grupos regionales
admin-campaign-countries = Países
admin-campaign-countries-hint = Códigos ISO, separados por comas (SN, KE, BR).
admin-campaign-send = Enviar las invitaciones
admin-invited = { $count ->
    [0] Nadie coincide: no se ha enviado ninguna invitación.
    [one] 1 invitación en cola: véase la bandeja de salida.
   *[other] { $count } invitaciones en cola: véase la bandeja de salida.
  }
cli-help-consulta-consultation-create-verified_only = Aceptar contribuciones solo de coordinadores con sesión iniciada (invitados), ninguna no verificada del público
submit-verified-only = Esta consulta solo acepta contribuciones de los coordinadores de las entidades invitadas, con sesión iniciada. Si habla en nombre de una entidad, pida una invitación a la secretaría.
submit-cannot-amend = La contribución { $id } no puede modificarse aquí: solo el coordinador de su entidad puede modificarla, en la misma consulta.
contribution-amends = Modifica
contribution-amended-by = Modificada por
contribution-number = contribución { $id }
contribution-amend = Modificar esta contribución
form-amending = Está modificando la contribución { $id }: lo que envíe se registra como una contribución nueva que la menciona; ambas permanecen en el expediente.
admin-new-consultation = Abrir una consulta
admin-create-consultation = Crear la consulta
admin-verified-only = Solo los coordinadores con sesión iniciada pueden contribuir (ninguna contribución no verificada)
admin-field-problem = { $field }: { $problem }
admin-duplicate-slug = Ya existe una consulta con el nombre corto «{ $slug }»: elija otro.
admin-add-meeting = Añadir una reunión
admin-meeting-date = Fecha
admin-meeting-place = Lugar
admin-place-needed = Indique dónde se celebra la reunión.
consultation-field-slug = Nombre corto (en su dirección)
consultation-field-title = Título
consultation-field-lang = Idioma de estos textos
consultation-field-opens = Apertura
consultation-field-closes = Cierre
consultation-field-time_zone = Huso horario
consultation-field-mandate = Mandato
consultation-field-questions = Preguntas orientativas
consultation-field-description = Descripción
consultation-hint-slug = Minúsculas, cifras y guiones: ec-2010.
consultation-hint-lang = Una etiqueta de idioma: en, fr, es…
consultation-hint-opens = Una fecha (2026-01-15) o una fecha y hora (2026-01-15T09:00), en el huso horario indicado abajo; una fecha de cierre incluye todo el día.
consultation-hint-time_zone = Un nombre IANA: UTC, Europe/Zurich, America/New_York.
consultation-hint-questions = Una por línea.
## The synthesis report (seeds/003 is its model)
report-subtitle = Proyecto de informe de síntesis
report-of-the-secretary-general = Informe del Secretario General
report-summary = Resumen
report-section-conclusions = { $number }. Conclusiones
report-annex-separate = Los { $count } contribuyentes figuran en un archivo aparte, { $file }, que acompaña al presente informe.
organ-general_assembly = Asamblea General
organ-economic_and_social_council = Consejo Económico y Social
report-details-title = Signatura, órganos, resumen y conclusiones
report-details-intro = Lo que el expediente no puede decir: la signatura con que se publica el informe, los órganos a los que se dirige con su período de sesiones y tema del programa, su resumen y sus conclusiones, en cada idioma en que se publica. Cada cambio queda en el registro de auditoría.
report-details-symbol-hint = Tal como se publica, por ejemplo A/66/77–E/2011/103 (un informe dirigido a dos órganos lleva ambas signaturas).
report-details-field-symbol = Signatura del documento
report-details-field-session = Período de sesiones
report-details-field-item = Tema del programa
report-details-field-item_title = Título del tema del programa
report-details-field-summary = Resumen
report-details-field-conclusions = Conclusiones
report-details-paragraphs = Una línea en blanco separa los párrafos; cada párrafo de las conclusiones se numera en el informe.
report-details-saved = Se han guardado los datos del informe.
report-details-annex-download = Lista de contribuyentes (CSV)
report-details-unknown-organ = Órgano desconocido: { $field }.
report-details-organ-twice = { $field } se menciona dos veces.
report-details-too-long = { $field }: { $max } caracteres como máximo.
report-details-control-character = { $field } contiene un carácter de control invisible; vuelva a escribirlo.
report-details-language = «{ $field }» no es un idioma.
report-distribution = Distr. general
date-time-utc = { $time } UTC
date-in-zone = { $date } ({ $zone })
dates-zone-note = Las fechas se indican en el huso horario de la consulta, { $zone }.
report-original = Original: { $name }
# A language named in the reader's language, from its code (the code itself when it has no name here).
language-of = { $language ->
    [en] inglés
    [fr] francés
    [es] español
    [ru] ruso
    [ar] árabe
    [zh] chino
    [pt] portugués
    [de] alemán
   *[other] { $language }
}
report-section-context = I. Contexto
report-context = En el presente informe se exponen los resultados de la consulta abierta «{ $title }».
report-context-mandate = En el presente informe se exponen los resultados de la consulta abierta «{ $title }», celebrada en virtud de { $mandate }.
report-context-questions = Se invitó a los contribuyentes a centrarse en las siguientes preguntas: { $questions }
report-section-organisation = II. Organización de la consulta
report-meeting = la reunión celebrada en { $place } el { $date }
report-organisation-period = Las partes interesadas podían enviar observaciones por escrito en cualquier forma y en cualquier momento entre el { $opens } y el { $closes }{ $meetings ->
    [0] .
    [one] , y participar en { $list }.
   *[other] , y participar en las siguientes reuniones: { $list }.
}
report-organisation-total = Se recibieron en total { $total } contribuciones de { $entities } entidades, como se muestra en el cuadro siguiente: { $written } observaciones por escrito, { $presentations } presentaciones en reuniones y { $interventions } intervenciones en el debate abierto.
report-chart-groups = Contribuciones por grupo de partes interesadas
report-organisation-regions = Según el grupo regional de las Naciones Unidas del país del contribuyente, las contribuciones se distribuyeron como sigue; { $unstated } procedían de contribuyentes sin país registrado (entre ellos, organizaciones internacionales).
report-regional-group = Grupo regional
report-table-regions = Contribuciones por grupo regional
report-chart-regions = Contribuciones por grupo regional
report-no-country = Sin país (internacional)
report-not-listed = No figura en las listas de las Naciones Unidas (territorio)
report-organisation-development = Según el nivel de desarrollo del país del contribuyente:
report-development-status = Nivel de desarrollo
report-table-development = Contribuciones por nivel de desarrollo
report-development-ldc = Países menos adelantados
report-development-developing = Países en desarrollo
report-development-developed = Países desarrollados
report-withheld = { $count ->
    [one] Una contribución se ha retenido de la publicación: no se contabiliza en los cuadros anteriores ni se cita o enumera más adelante.
   *[other] { $count } contribuciones se han retenido de la publicación: no se contabilizan en los cuadros anteriores ni se citan o enumeran más adelante.
}
report-unverified = { $count ->
    [one] Una contribución publicada se envió sin identidad verificada y la secretaría no la ha atribuido a una entidad registrada: no se contabiliza en el presente informe.
   *[other] { $count } contribuciones publicadas se enviaron sin identidad verificada y la secretaría no las ha atribuido a una entidad registrada: no se contabilizan en el presente informe.
}
report-section-issues = III. Cuestiones de política pública planteadas
report-issues-none = Todavía no se ha etiquetado ninguna contribución con una cuestión de política pública.
report-issues-intro = La secretaría etiquetó { $tagged } de las { $total } contribuciones publicadas con las cuestiones de política pública que plantean; se plantearon { $issues } cuestiones de la taxonomía. En el cuadro siguiente se indican por grupo de partes interesadas.
report-issue = Cuestión
report-table-issues = Cuestiones planteadas, por grupo de partes interesadas
report-issue-raised = { $issue }: planteada en { $count ->
    [one] una contribución
   *[other] { $count } contribuciones
} ({ $groups }):
report-and-more = { $count ->
    [one] y una más
   *[other] y { $count } más
}
report-citations-none = Ninguna contribución cita un documento de las Naciones Unidas ni un párrafo de la Agenda de Túnez.
report-citations-intro = Los contribuyentes citaron { $documents } documentos de las Naciones Unidas y { $paragraphs } párrafos de la Agenda de Túnez. En el cuadro siguiente se indican los párrafos más citados por cada grupo de partes interesadas.
report-tunis-paragraph = Agenda de Túnez
report-paragraph = párrafo { $number }
report-table-paragraphs = Párrafos de la Agenda de Túnez citados, por grupo de partes interesadas
report-documents-cited = Los documentos más citados (número de contribuciones):
report-section-mechanisms = IV. Mecanismos de cooperación internacional
report-mechanisms-intro = La secretaría registra { $mechanisms } mecanismos de cooperación y cuáles de las { $issues } cuestiones de la taxonomía trata cada uno, en el nivel en que actúa (mundial, regional o nacional). En el cuadro siguiente se indican, para cada cuestión, los mecanismos que la tratan, el nivel en que necesita uno y el número de contribuciones que la plantearon.
report-mechanism-level = { $name } ({ $level })
report-mechanisms = Mecanismos (nivel)
report-needed-level = Nivel necesario
report-contributions = Contribuciones
report-table-mechanisms = Cuestiones y mecanismos que las tratan
report-gaps-none = Cada cuestión de la taxonomía es tratada por al menos un mecanismo en el nivel que necesita.
report-gaps-intro = { $count ->
    [one] Una cuestión no es tratada por ningún mecanismo, o por ninguno en el nivel que necesita:
   *[other] { $count } cuestiones no son tratadas por ningún mecanismo, o por ninguno en el nivel que necesitan:
}
report-gap-none = { $issue }: ningún mecanismo la trata; { $count ->
    [0] ninguna contribución la ha planteado todavía.
    [one] planteada en una contribución.
   *[other] planteada en { $count } contribuciones.
}
report-gap-level = { $issue }: ningún mecanismo en el nivel { $level } (solo { $mechanisms }); { $count ->
    [0] ninguna contribución la ha planteado todavía.
    [one] planteada en una contribución.
   *[other] planteada en { $count } contribuciones.
}
report-annex = Anexo: Lista de contribuyentes
report-annex-caption = Contribuyentes ({ $count })
report-contributor = Contribuyente
report-country = País
level-global = mundial
level-regional = regional
level-national = nacional

## The secretariat's analysis pages: report, taxonomy, tags
analysis-report-title = Proyecto de informe de síntesis
analysis-report-intro = Un proyecto extraído del expediente tal como está ahora: edítelo en un procesador de textos antes de publicarlo.
analysis-report-language = Idioma del informe:
analysis-report-download = Descargar:
analysis-issues-title = Cuestiones y mecanismos
analysis-issues-intro = Las cuestiones de política pública con que se etiquetan las contribuciones, los mecanismos de cooperación que las tratan y las cuestiones que ningún mecanismo trata adecuadamente.
analysis-gaps-title = Lagunas
analysis-gap-none = ningún mecanismo la trata
analysis-gap-level = ningún mecanismo en el nivel { $level }
analysis-raised = { $count ->
    [one] planteada en una contribución
   *[other] planteada en { $count } contribuciones
}
analysis-taxonomy-title = La taxonomía de cuestiones
analysis-terms = Términos que la sugieren
analysis-issue-form = Añadir una cuestión o cambiar una existente (mismo identificador)
analysis-issue-form-hint = Si se indica un identificador existente, se cambia esa entrada. Términos: uno por línea o separados por «;», sin distinguir mayúsculas ni acentos.
analysis-id = Identificador
analysis-label-en = Nombre en inglés
analysis-label-fr = Nombre en francés
analysis-terms-en = Términos en inglés
analysis-terms-fr = Términos en francés
analysis-save = Guardar
analysis-mechanisms-title = Mecanismos de cooperación
analysis-mechanism = Mecanismo
analysis-level = Nivel
analysis-functions = Funciones
analysis-mechanism-form = Añadir un mecanismo o cambiar uno existente (mismo identificador)
analysis-acronym-en = Sigla en inglés
analysis-acronym-fr = Sigla en francés
analysis-matrix-title = Qué mecanismo trata qué cuestión
analysis-save-matrix = Guardar la matriz
analysis-tags-title = Cuestiones de la contribución n.º { $id }
analysis-cites = Cita:
analysis-tunis-paragraph = Agenda de Túnez, párrafo { $number }
analysis-suggestions-how = Las sugerencias proceden de los términos de cada cuestión y de un clasificador entrenado con las { $count } contribuciones etiquetadas hasta ahora; cada una indica por qué.
analysis-issues-of = Las cuestiones que plantea
analysis-suggested = Sugerida: { $reasons }
tagging-evaluation = Comprobado con contribuciones de las que no había aprendido: de las { $suggested } sugerencias que habría hecho al { $threshold } % o más, { $right } eran correctas ({ $precision } %), y encontraron el { $recall } % de las { $tags } etiquetas dadas; sus porcentajes están calibrados con ellas.
tagging-evaluation-too-few = Con { $count } contribuciones etiquetadas, aún son demasiado pocas para medir con qué frecuencia aciertan sus sugerencias: sus porcentajes no están calibrados.
tagging-walk = Recorrer la consulta
tagging-which = Contribuciones
tagging-only-untagged = Aún sin etiquetar
tagging-only-all = Todas
tagging-start = Mostrar
tagging-previous = Anterior
tagging-next = Siguiente
tagging-position-untagged = { $n } de { $total } aún sin etiquetar
tagging-position = { $n } de { $total }
tagging-remaining = { $count ->
    [0] No queda ninguna por etiquetar
    [one] Queda una por etiquetar
   *[other] Quedan { $count } por etiquetar
}
tagging-save-next = Guardar y pasar a la siguiente
tagging-saved = Guardado.
tagging-saved-other = Se han guardado las cuestiones de la contribución { $id }.
tagging-keys = Teclas: Alt+S guarda y pasa a la siguiente; Alt+N y Alt+P avanzan o retroceden sin guardar (Alt+Mayús en Firefox, Ctrl+Opción en un Mac).
tagging-done-title = No queda nada por etiquetar
tagging-done = Todas las contribuciones publicadas con estos filtros tienen sus cuestiones.
tagging-review-all = Revisar todas las contribuciones
admin-tag = Etiquetar contribuciones
analysis-reason-term = el término «{ $term }» ({ $language }) aparece { $count ->
    [one] una vez
   *[other] { $count } veces
}
analysis-reason-resembles = se parece a las { $examples } contribuciones etiquetadas con ella ({ $percent } %), por las palabras { $words }
analysis-bad-contribution = «{ $value }» no es un número de contribución.
taxonomy-id = «{ $value }» no es un identificador: use minúsculas, cifras y «_», empezando por una letra.
taxonomy-level = «{ $value }» no es un nivel: global, regional o national.
taxonomy-function = «{ $value }» no es una función: legal, normative o administrative.
taxonomy-missing-name = Falta el nombre en { $language }.
taxonomy-long-name = El nombre en { $language } tiene más de 200 caracteres.
taxonomy-unknown = No existe la cuestión ni el mecanismo «{ $value }».
function-legal = jurídica
function-normative = normativa
function-administrative = administrativa
admin-report = Proyecto de informe
cli-help-consulta-migrate = Trasladar todo un expediente a otra base de datos (de SQLite a PostgreSQL, o a la inversa) y verificar después la copia: filas de cada tabla, raíz del registro, cada contribución con el registro. Los archivos adjuntos permanecen donde los guarda --files
cli-help-consulta-migrate-from = La base de datos que se ha de copiar: un archivo SQLite o una URL sqlite://, o una URL postgres://
cli-help-consulta-migrate-to = La base de datos nueva: un archivo SQLite que aún no exista, o una base PostgreSQL vacía
cli-migrate-table = { $table }: { $rows } filas
cli-migrate-exists = { $path } ya contiene un expediente: una migración se hace a una base de datos nueva.
cli-migrate-done = Se ha trasladado { $from } a { $to }: { $rows } filas en { $tables } tablas; { $contributions ->
    [one] una contribución
   *[other] { $contributions } contribuciones
}{ $statements ->
    [0] {""}
    [one] {" "}y una afirmación sometida a votación
   *[other] {" "}y { $statements } afirmaciones sometidas a votación
}, cada una en el registro, raíz { $root }.

## The public URL: every absolute link, and whether cookies are Secure
cli-help-consulta-serve-public_url = La dirección en la que el público llega a esta instancia (https://consultations.example.org): todo enlace de correos, acuses de recibo, canales e informes se construye a partir de ella, nunca a partir de una solicitud; obligatoria para enviar correo y para escuchar en otra dirección que no sea la de bucle local
cli-help-consulta-demo-public_url = La dirección en la que el público llega a la demostración (por defecto: la dirección de bucle local en la que escucha)
cli-help-consulta-serve-max_connections = Número máximo de conexiones atendidas a la vez; las demás esperan a ser aceptadas
cli-help-consulta-demo-max_connections = Número máximo de conexiones atendidas a la vez; las demás esperan a ser aceptadas
cli-public-url-invalid = Se rechaza la URL pública { $url }: { $reason }
public-url-not-a-url = no es una URL absoluta como https://consultations.example.org
public-url-scheme = su esquema debe ser http o https
public-url-extras = una URL pública no lleva nombre de usuario, contraseña, consulta ni fragmento
cli-public-url-needed = Consulta escucha en { $addr }, que no es una dirección de bucle local: indique dónde llega a ella el público con --public-url (o CONSULTA_PUBLIC_URL), para que los enlaces nunca procedan de una solicitud.
cli-public-url-needed-for-mail = Enviar correo (--smtp) requiere --public-url (o CONSULTA_PUBLIC_URL): los enlaces de los mensajes se construyen a partir de ella.
api-beyond-log = El registro público tiene { $size } entradas: no puede probarse ningún árbol de { $asked } entradas.
api-consistency-order = Un registro solo crece: "from" ({ $from }) no debe ser mayor que "to" ({ $to }).
cli-help-consulta-serve-extract_memory_mib = La memoria que puede usar un extractor de texto (un proceso hijo, un archivo a la vez), en MiB; un archivo que necesite más se marca como fallido
cli-help-consulta-demo-extract_memory_mib = La memoria que puede usar un extractor de texto (un proceso hijo, un archivo a la vez), en MiB; un archivo que necesite más se marca como fallido
cli-help-consulta-contribution-attribute = Atribuir a una entidad registrada una contribución enviada sin identidad verificada, tras comprobar quién la envió (auditado); entonces se contabiliza en el grupo de esa entidad
cli-help-consulta-contribution-attribute-id = El número de la contribución
cli-help-consulta-contribution-attribute-entity = El nombre de la entidad registrada (sin distinguir mayúsculas ni espacios)
cli-help-consulta-contribution-attribute-clear = Retirar la atribución
cli-attributed = La contribución { $id } se atribuye a { $entity }: se contabiliza en el grupo de esa entidad.
cli-attribution-cleared = La contribución { $id } ya no está atribuida: la identidad de su remitente se muestra como no verificada.
attribution-refused = La contribución { $id } no puede atribuirse: solo puede atribuirse una contribución enviada sin identidad verificada, y solo a una entidad del registro.
entity-claimed = Este nombre es el que indicó un remitente con una contribución no verificada: no es una entidad del registro y su identidad no se ha verificado.
identity-attributed = No verificada al enviarse; atribuida por la secretaría a { $entity } tras comprobarlo
attribution-title = Atribuir a una entidad registrada
attribution-help = Tras comprobar quién envió esta contribución, indique la entidad registrada de la que procede: entonces se contabiliza en el grupo de esa entidad. El expediente conserva lo que declaró el remitente.
attribution-entity = Entidad registrada
attribution-save = Atribuir
attribution-clear = Retirar la atribución
attribution-entity-needed = Indique la entidad registrada de la que procede la contribución.
cli-help-consulta-log_key = El archivo que contiene la clave con la que se firman las cabeceras del árbol del registro público, nunca guardada en la base de datos (por defecto: junto a la base de datos, con su nombre seguido de "-log.key"; se crea en el primer arranque de una instancia, legible solo por su propietario); cada servidor de una instancia necesita una copia
cli-help-consulta-heads = El diario de las cabeceras del árbol firmadas por este servidor, guardado fuera de la base de datos para que `consulta check` pueda detectar un expediente reescrito (por defecto: junto a la base de datos, con su nombre seguido de "-heads.jsonl")
contribution-altered-title = Expediente alterado
contribution-altered = El expediente de esta contribución en la base de datos ya no coincide con lo que el registro público consignó para ella: se modificó fuera de Consulta. Su texto no se muestra como expediente; la secretaría debe restaurarlo a partir de una copia de seguridad. Su acuse de recibo y su entrada en el registro siguen probando lo que se recibió.
contribution-altered-short = Expediente alterado
submit-storage-full = El servidor no tiene espacio para guardar archivos: no se ha registrado nada. Vuelva a intentarlo más tarde; se ha avisado a la secretaría.
cli-help-consulta-sweep-files = Limpiar los archivos guardados que ningún expediente menciona (restos de envíos rechazados): apartar los que superen el período de gracia y eliminar los apartados en una limpieza anterior (los servidores lo hacen cada cuarto de hora)
cli-help-consulta-sweep-files-grace_minutes = Los archivos guardados hace menos de estos minutos no se tocan (0 solo si no hay ningún servidor en marcha)
cli-swept = Archivos que ningún expediente menciona: { $set_aside } apartados, { $removed } eliminados, { $restored } restituidos (mencionados desde entonces), { $partials } archivos parciales eliminados.
cli-help-consulta-serve-trusted_proxies = Un proxy inverso (dirección o red; repítalo o sepárelos con comas) cuya cabecera X-Forwarded-For nombra al cliente para los límites de frecuencia; la de cualquier otro se ignora
cli-help-consulta-demo-trusted_proxies = Un proxy inverso (dirección o red; repítalo o sepárelos con comas) cuya cabecera X-Forwarded-For nombra al cliente para los límites de frecuencia; la de cualquier otro se ignora

## Points of agreement (issue 16)
cli-help-consulta-agreement = Puntos de acuerdo: afirmaciones, votos, grupos de opinión y consenso entre grupos de partes interesadas
cli-help-consulta-agreement-import-polis = Importar a una consulta una carpeta exportada de Pol.is (comments.csv con votes.csv, o participants-votes.csv), conservando los identificadores de comentarios y participantes de Pol.is; no se escribe nada si un archivo es incorrecto
cli-help-consulta-agreement-import-polis-dir = La carpeta exportada
cli-help-consulta-agreement-import-polis-consultation = El nombre corto de la consulta
cli-help-consulta-agreement-groups = Imprimir cada participante situado en un grupo de opinión, y el grupo (participant,group)
cli-help-consulta-agreement-groups-consultation = El nombre corto de la consulta
cli-help-consulta-agreement-groups-format = Formato de salida
cli-help-consulta-agreement-groups-lang = Idioma de las etiquetas (por defecto: el del entorno)
cli-help-consulta-agreement-statements = Imprimir cada afirmación con sus votos a favor, en contra y abstenciones, su consenso, el acuerdo de cada grupo y si es un punto de acuerdo o un punto que requiere más debate
cli-help-consulta-agreement-statements-consultation = El nombre corto de la consulta
cli-help-consulta-agreement-statements-format = Formato de salida
cli-help-consulta-agreement-statements-lang = Idioma de las etiquetas (por defecto: el del entorno)
cli-help-consulta-agreement-propose = Someter a votación una afirmación de la secretaría (aceptada de inmediato, hoja del registro público)
cli-help-consulta-agreement-propose-consultation = El nombre corto de la consulta
cli-help-consulta-agreement-propose-text = La afirmación, de 1 a 280 caracteres
cli-help-consulta-agreement-propose-language = Su idioma (por defecto: el idioma original de la consulta)
cli-help-consulta-agreement-propose-from_contribution = La contribución de la que procede
cli-agreement-imported = Se han importado { $statements } afirmaciones ({ $accepted } sometidas a votación), { $participants } participantes y { $votes } votos.
cli-agreement-import-refused = No se ha importado nada de { $dir }
cli-agreement-already-imported = La consulta { $consultation } ya contiene una conversación importada; no se ha importado nada.
cli-agreement-statement-added = La afirmación { $id } se somete a votación.
statement-empty = Una afirmación no puede estar vacía.
statement-too-long = Una afirmación tiene como máximo { $max } caracteres.
agreement-counts = { $agree } a favor, { $disagree } en contra, { $pass } abstenciones; consenso del { $consensus } %
agreement-group-name = Grupo { $group }
agreement-standing-agreement = Punto de acuerdo
agreement-standing-shared_disagreement = Punto de acuerdo (todos los grupos en contra)
agreement-standing-further_debate = Punto que requiere más debate
agreement-standing-unsettled = No resuelto
agreement-link = Puntos de acuerdo: votar afirmaciones, ver en qué coinciden los participantes
agreement-title = Puntos de acuerdo — { $consultation }
agreement-heading = Puntos de acuerdo y puntos que requieren más debate
agreement-intro = Los participantes votan afirmaciones breves. Quienes votan de forma parecida forman grupos de opinión; un punto de acuerdo es una afirmación con la que todos los grupos están de acuerdo, y un punto que requiere más debate, una en la que los grupos están divididos. Lo mismo se muestra por grupo de partes interesadas, grupo regional y nivel de desarrollo, a partir de los votos de los coordinadores de las organizaciones.
agreement-computed = Calculado el { $at } a partir de { $votes } votos de { $participants } participantes sobre { $statements } afirmaciones.
agreement-recomputing = Han llegado votos nuevos; los grupos se están volviendo a calcular.
agreement-computing = Los grupos se están calculando; vuelva a cargar la página dentro de un momento.
agreement-vote-heading = Votar
agreement-voting-for = Vota en nombre de { $entity }: su voto cuenta en su grupo de partes interesadas y su región.
agreement-voting-public = Vota como miembro del público. Los coordinadores que inician sesión votan en nombre de su organización.
agreement-closed = La consulta no está abierta: los votos y las propuestas están cerrados.
agreement-agree = De acuerdo
agreement-disagree = En desacuerdo
agreement-pass = Me abstengo / no estoy seguro
agreement-remaining = { $count ->
    [one] Queda una afirmación por votar, incluida esta.
   *[other] Quedan { $count } afirmaciones por votar, incluida esta.
}
agreement-voted-all = Ha votado todas las afirmaciones. Gracias; proponga una abajo si falta algo.
agreement-map-heading = Mapa de opiniones
agreement-map-caption = Cada punto es un participante (se muestran { $shown } de { $placed }), situado según cómo votó: quienes votan de forma parecida están cerca. Los contornos son los grupos de opinión. No se muestra ningún nombre.
agreement-groups-heading = Grupos de opinión
agreement-group-size = { $count ->
    [one] un participante
   *[other] { $count } participantes
}
agreement-group-agrees = el { $share } % del grupo está de acuerdo
agreement-group-disagrees = el { $share } % del grupo está en desacuerdo
agreement-points-heading = Puntos de acuerdo
agreement-all-disagree = todos los grupos están en desacuerdo
agreement-consensus = consenso del { $consensus } %
agreement-none-agreed = Todavía ninguna afirmación tiene a la mayoría de cada grupo del mismo lado.
agreement-debate-heading = Puntos que requieren más debate
agreement-group-split = grupo { $group }: { $agree } % de acuerdo, { $disagree } % en desacuerdo
agreement-none-debated = Todavía ninguna afirmación divide a los grupos.
agreement-table-stakeholder_group = Acuerdo por grupo de partes interesadas (proporción a favor, votos de los coordinadores)
agreement-table-regional_group = Acuerdo por grupo regional (proporción a favor, votos de los coordinadores)
agreement-table-development_status = Acuerdo por nivel de desarrollo (proporción a favor, votos de los coordinadores)
agreement-statement = Afirmación
agreement-standing = Situación
agreement-table-note = Las proporciones cuentan un voto a favor y otro en contra además de los emitidos, como hace Pol.is, para que un grupo pequeño no aparezca como unánime. Un guion: ningún voto de ese grupo.
agreement-propose-heading = Proponer una afirmación
agreement-propose-label = Afirmación
agreement-propose-hint = Una idea con la que otros puedan estar de acuerdo o en desacuerdo, de { $max } caracteres como máximo. La secretaría lee cada una antes de someterla a votación.
agreement-propose-submit = Proponer
agreement-voted = Su voto ha quedado registrado. Esta es la siguiente afirmación.
agreement-proposed = Gracias: su afirmación se someterá a votación cuando la secretaría la haya leído.
agreement-bad-vote = Este voto no puede registrarse: la afirmación no está abierta a votación en esta consulta, o la opción no es de acuerdo, en desacuerdo o abstención.
agreement-reason-needed = Indique por qué se rechaza la afirmación.
agreement-already-moderated = Esta afirmación ya se ha moderado.
agreement-bad-language = El idioma no es una etiqueta BCP 47 (en, fr, es-419).
agreement-admin-link = Puntos de acuerdo: afirmaciones por moderar
agreement-admin-title = Puntos de acuerdo: moderación
agreement-admin-queue = Afirmaciones pendientes de moderación
agreement-admin-accept = Aceptar y someter a votación
agreement-admin-reject = Rechazar
agreement-admin-empty = No hay ninguna afirmación pendiente.
agreement-admin-add = Someter una afirmación a votación
agreement-admin-consultation = Consulta
agreement-admin-language = Idioma (vacío: el de la consulta)
agreement-admin-contribution = Procede de la contribución número (opcional)
agreement-admin-add-submit = Someter a votación
agreement-admin-accepted = La afirmación se ha aceptado y se somete a votación.
agreement-admin-rejected = La afirmación se ha rechazado.
agreement-admin-added = La afirmación se somete a votación.
report-section-agreement = { $number }. Puntos de acuerdo y puntos que requieren más debate
report-agreement-intro = { $participants } participantes, { $verified } de ellos coordinadores que votaban en nombre de su organización, emitieron { $votes } votos sobre las { $statements } afirmaciones que se les presentaron. Al agrupar a quienes votan de forma parecida, según el método de Pol.is, { $placed } de ellos quedan situados en { $groups } grupos de opinión, que se muestran en el mapa siguiente.
report-agreement-map = Mapa de opiniones: cada participante situado según sus votos (quienes votan de forma parecida están cerca); los colores y las letras indican los grupos de opinión
report-agreement-group = El grupo { $group } ({ $size } participantes) se distingue por { $marks }.
report-agreement-group-agrees = su acuerdo con «{ $text }» ({ $share } % del grupo)
report-agreement-group-disagrees = su desacuerdo con «{ $text }» ({ $share } % del grupo)
report-agreement-quoted = «{ $text }»
report-agreement-and = y
report-agreement-points = { $count ->
    [one] La mayoría de cada grupo de opinión está de acuerdo en un punto: { $list }.
   *[other] La mayoría de cada grupo de opinión está de acuerdo en { $count } puntos: { $list }.
}
report-agreement-no-points = Ninguna afirmación tiene a la mayoría de cada grupo de opinión del mismo lado.
report-agreement-debate = { $count ->
    [one] Un punto requiere más debate, pues los grupos de opinión están divididos al respecto: { $list }.
   *[other] { $count } puntos requieren más debate, pues los grupos de opinión están divididos al respecto: { $list }.
}
report-agreement-no-debate = Ninguna afirmación divide a los grupos de opinión.
report-agreement-dimension-agree = { $groups } están todos de acuerdo con «{ $text }» ({ $shares }).
report-agreement-dimension-split = { $groups } están divididos sobre «{ $text }» ({ $shares }).
open-data-statements-csv = Afirmaciones sometidas a votación, con sus recuentos (CSV)
open-data-votes-csv = Votos, anonimizados: número de participante, afirmación, voto (CSV)
agreement-no-statements = Todavía no se ha sometido ninguna afirmación a votación en esta consulta.

## Consultation texts in other languages (the secretariat's form)
admin-translate = Textos en otro idioma
admin-translate-intro = El título, la descripción, el mandato y las preguntas orientativas de una consulta en uno de los idiomas de las Naciones Unidas; un campo que se deje vacío conserva lo que ya tiene ese idioma. Las páginas se muestran en el idioma del lector, o en el original señalado como tal. Cada cambio queda en el registro de auditoría.
admin-translate-questions-hint = Una por línea, en el orden del original; déjelo vacío para conservar las preguntas tal como están.
admin-translate-save = Guardar los textos
admin-translated = Se han guardado los textos de la consulta en ese idioma.

## Campaigns (issue 17)
cli-help-consulta-campaigns = Campañas: contribuciones que son una misma carta enviada muchas veces, con o sin cambios
cli-help-consulta-campaigns-rebuild = Volver a encontrar las campañas de una consulta a partir del expediente (el texto de cada contribución publicada y el de sus archivos adjuntos) y registrarlas
cli-help-consulta-campaigns-rebuild-consultation = El nombre corto de la consulta
cli-help-consulta-campaigns-list = Imprimir las campañas de una consulta, de la mayor a la menor (campaign,size,first_seen,last_seen,representative)
cli-help-consulta-campaigns-list-consultation = El nombre corto de la consulta
cli-help-consulta-campaigns-list-format = Formato de salida
cli-help-consulta-campaigns-members = Imprimir cada contribución que pertenece a una campaña, y su campaña (contribution,campaign)
cli-help-consulta-campaigns-members-consultation = El nombre corto de la consulta
cli-help-consulta-campaigns-members-format = Formato de salida
cli-help-consulta-campaigns-name = Dar a una campaña un nombre y una nota que se muestran con ella en todas las páginas (consignado en el registro de auditoría), o quitarlos
cli-help-consulta-campaigns-name-consultation = El nombre corto de la consulta
cli-help-consulta-campaigns-name-campaign = La campaña: el número de su primer miembro
cli-help-consulta-campaigns-name-name = El nombre de la campaña (120 caracteres como máximo)
cli-help-consulta-campaigns-name-note = Una nota sobre la campaña (2.000 caracteres como máximo)
cli-help-consulta-campaigns-name-clear = Quitar el nombre y la nota de la campaña
cli-campaigns-named = La campaña { $campaign } se llama «{ $name }».
cli-campaigns-unnamed = La campaña { $campaign } ya no tiene nombre ni nota.
cli-campaigns-no-such = No existe la campaña { $campaign } en la consulta { $slug }: `consulta campaigns list --consultation { $slug }` las enumera.
cli-campaigns-reading = contribuciones leídas
cli-campaigns-rebuilt = { $members } contribuciones pertenecen a { $campaigns ->
    [one] una campaña
   *[other] { $campaigns } campañas
}; { $changed ->
    [0] el expediente ya las contenía
    [one] se ha escrito la campaña de una contribución
   *[other] se han escrito las campañas de { $changed } contribuciones
}.
cli-campaigns-line = Campaña { $campaign }: { $size } contribuciones del { $first } al { $last } — «{ $representative }»
campaigns-link = Campañas: cartas enviadas muchas veces
campaigns-title = Campañas
campaigns-intro = Una campaña es una misma carta enviada muchas veces: palabra por palabra, con palabras cambiadas, con un párrafo propio del remitente o con sinónimos elegidos en una plantilla. Cada una lleva el nombre de su primera contribución. Cada contribución nueva se une a su campaña al registrarse; todas se vuelven a encontrar a partir del expediente cada vez que la secretaría las reconstruye.
campaigns-summary = { $members } de las { $total } contribuciones contabilizadas pertenecen a { $campaigns } campañas: { $distinct } voces distintas, contando cada campaña una vez.
campaigns-caption = Campañas, de la mayor a la menor
campaigns-column-campaign = Campaña
campaigns-column-size = Contribuciones
campaigns-column-first = Primera recibida
campaigns-column-last = Última recibida
campaigns-column-representative = Contribución representativa
campaigns-none = No se ha encontrado ninguna campaña en esta consulta.
campaign-name = Campaña { $id }
campaign-size = { $count ->
    [one] una contribución
   *[other] { $count } contribuciones
}
campaign-member-of = Campaña
campaign-by-group = Por grupo de partes interesadas
campaign-representative = Contribución representativa
campaign-representative-why = El miembro más parecido a los demás: aquel cuya redacción comparten más los otros.
campaign-by-country = Por país
campaign-by-channel = Por canal
campaign-variants = Variantes
campaign-variants-intro = Las primeras contribuciones de la campaña, cada una comparada palabra por palabra con la representativa: las palabras añadidas aparecen subrayadas y las omitidas, tachadas.
campaign-variant-identical = Idéntica palabra por palabra a la representativa.
campaign-variant-added = añadido
campaign-variant-removed = omitido
campaign-more = y { $count } más
campaign-template = Una plantilla con sinónimos
campaign-template-intro = Los miembros siguen una plantilla y eligen una palabra de un conjunto en cada uno de estos lugares (contadas en hasta 200 miembros repartidos por la campaña).
campaign-slot-after = Después de «{ $words }»
campaign-slot-pick = { $word } ({ $count })
campaign-note-title = Nombre y nota de la secretaría
campaign-note-name = Nombre
campaign-note-note = Nota
campaign-note-help = Se muestran con la campaña en todas las páginas. Deje ambos vacíos para quitarlos. Cada cambio queda consignado en el registro de auditoría.
campaign-note-save = Guardar
campaign-note-saved = Se han guardado el nombre y la nota.
campaign-note-empty-name = El nombre de una campaña no puede estar vacío si tiene una nota.
campaign-note-name-too-long = El nombre de una campaña puede tener como máximo 120 caracteres.
campaign-note-note-too-long = La nota de una campaña puede tener como máximo 2.000 caracteres.
distinct-caption = Voces distintas por grupo de partes interesadas
distinct-contributions = Contribuciones
distinct-voices = Voces distintas
distinct-note = Una campaña (una misma carta enviada muchas veces) cuenta una vez en cada grupo de partes interesadas al que llega; una contribución propia cuenta una.
report-campaigns = { $members } de las contribuciones contabilizadas pertenecían a { $campaigns ->
    [one] una campaña
   *[other] { $campaigns } campañas
}, cartas enviadas muchas veces con o sin cambios; contando cada campaña una vez en cada grupo de partes interesadas al que llegó, las contribuciones representan { $distinct } voces distintas.

## Drafts (issue 19)
cli-help-consulta-draft = Proyectos: los textos a los que conduce una consulta (dictámenes, resoluciones), negociados párrafo por párrafo
cli-help-consulta-draft-import = Registrar un proyecto a partir de su texto sin formato: expresiones verbales en líneas propias, apartados a), b), subapartados i), ii), párrafos citados; no se registra nada si una línea no encuentra su lugar
cli-help-consulta-draft-import-file = El archivo de texto (UTF-8)
cli-help-consulta-draft-import-consultation = El nombre corto de la consulta
cli-help-consulta-draft-import-symbol = La signatura del proyecto (por ejemplo, WTPF-13/6)
cli-help-consulta-draft-import-lang = El idioma en que está redactado (por defecto: el idioma original de la consulta)
cli-help-consulta-draft-show = Mostrar un proyecto: su última revisión, o la que se pida
cli-help-consulta-draft-show-symbol = La signatura del proyecto
cli-help-consulta-draft-show-revision = La revisión (0: tal como se registró)
cli-help-consulta-draft-show-format = Formato de salida: text (que draft import vuelve a leer) o json
cli-draft-imported = Se ha registrado el proyecto { $symbol }: { $sections } secciones, { $items } apartados numerados.
cli-draft-unplaced = { $file }, línea { $line }: esta línea no tiene lugar en la estructura del proyecto: { $text }
cli-draft-refused = { $file }: no se ha registrado nada. Ponga cada línea en su lugar (la letra de un apartado en orden, un subapartado después de su apartado) e importe de nuevo el archivo.
cli-draft-no-section = { $file }: ninguna línea abre una sección (una expresión verbal como «rappelant», «recalling», «invite» o «invites» en una línea propia); no se ha registrado nada.
cli-draft-too-large = { $file } ocupa más de { $max } bytes; no se ha registrado nada.
cli-draft-bad-symbol = Una signatura tiene de 1 a { $max } caracteres y ningún carácter de control.
cli-draft-duplicate = Ya existe un proyecto { $symbol }.
cli-draft-unknown = No existe el proyecto { $symbol }.
cli-draft-no-revision = El proyecto { $symbol } no tiene la revisión { $revision }.
cli-help-consulta-draft-show-compare = Comparar palabra por palabra con esta revisión anterior ([+insertado+], [-suprimido-])
cli-help-consulta-draft-amend = Proponer una enmienda a la última revisión del proyecto: reemplazar palabras, suprimir un apartado o insertar uno nuevo después de él
cli-help-consulta-draft-amend-symbol = La signatura del proyecto
cli-help-consulta-draft-amend-place = Dónde: el número de la sección y luego las letras del apartado (2/b, 2/b/ii; 5/p1 para un párrafo sin número)
cli-help-consulta-draft-amend-replace = Las palabras que se han de reemplazar (que figuran una sola vez en el apartado)
cli-help-consulta-draft-amend-by = Las palabras que las reemplazan (vacío para suprimirlas)
cli-help-consulta-draft-amend-delete = Suprimir todo el apartado
cli-help-consulta-draft-amend-insert = Insertar este nuevo apartado después del indicado
cli-help-consulta-draft-amend-justification = Por qué, en pocas frases (2.000 caracteres como máximo)
cli-help-consulta-draft-amend-entity = La entidad registrada que la propone (por defecto: la secretaría)
cli-help-consulta-draft-support = Registrar que una entidad apoya una enmienda, o se opone a ella
cli-help-consulta-draft-support-symbol = La signatura del proyecto
cli-help-consulta-draft-support-amendment = El número de la enmienda
cli-help-consulta-draft-support-entity = La entidad registrada
cli-help-consulta-draft-support-oppose = Se opone a la enmienda
cli-help-consulta-draft-revise = Publicar la revisión siguiente: las enmiendas aceptadas aplicadas en el orden dado, las rechazadas cerradas
cli-help-consulta-draft-revise-symbol = La signatura del proyecto
cli-help-consulta-draft-revise-accept = Enmiendas aceptadas (números separados por comas)
cli-help-consulta-draft-revise-reject = Enmiendas rechazadas (números separados por comas)
cli-help-consulta-draft-compile = Mostrar el texto de compilación: la última revisión con cada enmienda pendiente entre corchetes en su lugar
cli-help-consulta-draft-compile-symbol = La signatura del proyecto
cli-draft-amend-which = Indique qué hace la enmienda: --replace PALABRAS --by PALABRAS, --delete o --insert TEXTO.
cli-draft-amended = Se ha registrado la enmienda { $number } a { $symbol }.
cli-draft-supported = { $entity } apoya la enmienda { $number }.
cli-draft-opposed = { $entity } se opone a la enmienda { $number }.
cli-draft-revised = { $symbol }: publicada la revisión { $revision }, { $accepted } enmiendas aceptadas y { $rejected } rechazadas.
cli-draft-lost-place = Se deja de lado la enmienda { $number }: la última revisión no tiene el lugar { $place }.
draft-bad-place = «{ $place }» no es un lugar en un proyecto: indique el número de la sección y luego las letras del apartado (2/b, 2/b/ii; 5/p1 para un párrafo sin número).
draft-no-such-place = El proyecto no tiene { $place }.
draft-words-not-found = Las palabras «{ $words }» no figuran exactamente una vez en { $place }.
draft-amendment-empty = El texto de una enmienda no puede estar vacío.
draft-amendment-quoted = Un párrafo citado es el texto de otro documento: no puede enmendarse.
draft-cannot-apply = No puede introducirse la enmienda { $number }: { $problem }
draft-justification-too-long = Una justificación tiene como máximo { $max } caracteres.
draft-not-pending = La enmienda { $number } no es una enmienda pendiente de este proyecto.
draft-supported-by = apoyada por
draft-page-title = Proyecto { $symbol }
draft-list = Proyectos
draft-views = Vistas del proyecto
draft-view-text = Texto
draft-view-compilation = Texto de compilación
draft-view-compare = Comparar con el original
draft-compilation-intro = La última revisión con cada enmienda pendiente entre corchetes en su lugar: las palabras cuya sustitución o supresión se propone y luego las palabras propuestas, cada una con el número de la enmienda, quién la propuso y quién la apoya.
draft-compare-intro = { $later } comparada con { $earlier }: las palabras insertadas aparecen subrayadas y las suprimidas, tachadas.
draft-revisions = Revisiones
draft-revision-original = Texto original
draft-revision = Rev.{ $number }
draft-amendments = Enmiendas
draft-amendment-number = Enmienda { $number }
draft-amendment-delete = Suprimir el apartado.
draft-amendment-insert = Insertar después:
draft-amendment-status-pending = pendiente
draft-amendment-status-accepted = aceptada
draft-amendment-status-rejected = rechazada
draft-opposed-by = con la oposición de
draft-no-amendments = No se ha propuesto ninguna enmienda.
draft-status-proposal = propuesta
draft-status-negotiation = en negociación
draft-status-agreed = acordado
draft-status-adopted = aprobado
draft-done-amended = Su enmienda ha quedado registrada: figura abajo y en el texto de compilación.
draft-done-stance = Su posición ha quedado registrada.
draft-done-revised = Se ha publicado la revisión siguiente.
draft-support = Apoyar
draft-oppose = Oponerse
draft-propose-heading = Proponer una enmienda
draft-propose-for = La propone en nombre de { $entity }, como su coordinador.
draft-propose-secretariat = La propone como secretaría.
draft-field-place = Dónde
draft-place-hint = El número de la sección y luego las letras del apartado: 2/b, 2/b/ii; 4/p1 para el párrafo sin número de una sección.
draft-field-kind = Qué hace
draft-kind-replace = Reemplazar palabras
draft-kind-delete = Suprimir el apartado
draft-kind-insert = Insertar un nuevo apartado después
draft-field-words = Palabras que se han de reemplazar (tal como figuran en el apartado)
draft-field-by = Reemplazadas por (vacío para suprimirlas)
draft-field-text = El texto del nuevo apartado
draft-field-justification = Por qué
draft-propose-submit = Proponer la enmienda
draft-sign-in-to-amend = Los coordinadores inician sesión para proponer enmiendas y apoyarlas.
draft-decide-heading = Publicar la revisión siguiente
draft-decide-intro = Las enmiendas aceptadas se introducen en el orden de sus números; las rechazadas se cierran; las demás siguen pendientes. Cada decisión queda en el registro de auditoría.
draft-decide-keep = Dejar pendiente
draft-decide-accept = Aceptar
draft-decide-reject = Rechazar
draft-decide-submit = Publicar la revisión
cli-help-consulta-draft-export = Escribir un proyecto: en XML Akoma Ntoso (OASIS LegalDocML 3.0, que draft import vuelve a leer), en texto sin formato o en JSON
cli-help-consulta-draft-export-symbol = La signatura del proyecto
cli-help-consulta-draft-export-revision = La revisión (por defecto: la última)
cli-help-consulta-draft-export-format = akn (XML Akoma Ntoso), text, json, html, md, docx o pdf
cli-help-consulta-draft-export-output = El archivo que se ha de escribir (por defecto: la salida estándar)
cli-help-consulta-draft-export-compilation = Escribir el texto de compilación (la última revisión con cada enmienda pendiente entre corchetes) en lugar de una revisión
draft-download = Descargar:
draft-agreed-ad-referendum = acordado ad referéndum
draft-amendment-status-merged = fusionada
draft-merged-into = fusionada en la enmienda { $number }
draft-receipt = La enmienda { $number } está registrada como entrada { $leaf } del registro público.
draft-receipt-record = Su registro, tal como lo conserva el registro público
draft-receipt-proof = la prueba de que el registro la contiene
draft-amendment-leaf = entrada { $leaf } del registro
draft-field-merges = Fusiona las enmiendas (secretaría; sus números, separados por comas)
draft-merges-hint = Déjelo vacío para una enmienda nueva. Si se rellena, esta redacción sustituye a las enmiendas indicadas, que se cierran como fusionadas en ella.
draft-done-merged = La enmienda fusionada ha quedado registrada; las enmiendas que fusiona se han cerrado.
draft-done-agreed = La marca de acuerdo ha quedado registrada.
draft-done-status = Se ha cambiado el estado del proyecto.
draft-agree-heading = Párrafos acordados ad referéndum
draft-agree-intro = Marque un párrafo como acordado ad referéndum cuando no haya enmiendas pendientes sobre él: el texto y el texto de compilación lo indican. Una nueva revisión conserva la marca donde el lugar y las palabras del párrafo no cambian.
draft-agree-submit = Marcar como acordado
draft-agree-withdraw = Retirar la marca
draft-status-heading = Estado del proyecto
draft-status-field = Nuevo estado
draft-status-intro = Un proyecto queda acordado cuando no hay enmiendas pendientes, y aprobado una vez acordado; un texto aprobado es definitivo.
draft-status-submit = Cambiar el estado
draft-closed-notice = Este texto está { $status }: ya no se negocia.
draft-closed = El proyecto está { $status }: su texto ya no se negocia.
draft-status-unknown = «{ $status }» no es un estado de proyecto (negotiation, agreed, adopted).
draft-status-refused = Un proyecto no puede pasar de «{ $from }» a «{ $to }».
draft-status-pending = Enmiendas aún pendientes: { $count }. Decida sobre ellas antes de que se acuerde el texto.
draft-agreed-with-pending = { $place } tiene enmiendas pendientes: no puede acordarse mientras lo estén.
draft-merge-too-few = Una fusión combina al menos dos enmiendas pendientes.
cli-draft-amendment-leaf = Entrada { $leaf } del registro público; SHA-256 de su registro: { $sha256 }
cli-draft-merged = Las enmiendas { $merged } se han fusionado en la enmienda { $number }.
cli-draft-agreed = { $place } de { $symbol } está marcado como acordado ad referéndum.
cli-draft-agreement-withdrawn = Se ha retirado la marca de acuerdo de { $place } de { $symbol }.
cli-draft-status-set = El proyecto { $symbol } está ahora { $status }.
cli-help-consulta-draft-merge = Registrar la enmienda de la secretaría que fusiona enmiendas pendientes, que se cierran como fusionadas en ella
cli-help-consulta-draft-merge-symbol = La signatura del proyecto
cli-help-consulta-draft-merge-amendments = Las enmiendas fusionadas (números, separados por comas)
cli-help-consulta-draft-agree = Marcar un párrafo de la última revisión como acordado ad referéndum (sin enmiendas pendientes sobre él), o retirar la marca
cli-help-consulta-draft-agree-symbol = La signatura del proyecto
cli-help-consulta-draft-agree-place = El párrafo: el número de la sección y luego las letras del apartado (2/b; 1/p1 para un párrafo sin número)
cli-help-consulta-draft-agree-withdraw = Retirar la marca
cli-help-consulta-draft-status = Pasar un proyecto a negociación, acordado (sin enmiendas pendientes) o aprobado (una vez acordado; definitivo)
cli-help-consulta-draft-status-symbol = La signatura del proyecto
cli-help-consulta-draft-status-status = El nuevo estado
cli-help-consulta-draft-merge-place = Dónde: el número de la sección y luego las letras del apartado (2/b, 2/b/ii; 5/p1 para un párrafo sin número)
cli-help-consulta-draft-merge-replace = Las palabras que se han de reemplazar (que figuran una sola vez en el apartado)
cli-help-consulta-draft-merge-by = Las palabras que las reemplazan (vacío para suprimirlas)
cli-help-consulta-draft-merge-delete = Suprimir todo el apartado
cli-help-consulta-draft-merge-insert = Insertar este nuevo apartado después del indicado
cli-help-consulta-draft-merge-justification = Por qué, en pocas frases (2.000 caracteres como máximo)
draft-no-amendment = El proyecto { $symbol } no tiene enmienda { $number }.
draft-amendment-format = Una enmienda se escribe en Akoma Ntoso (akn) o como su registro (json).
draft-amendment-heading = Enmienda { $number } a { $symbol }, propuesta por { $proposer }
cli-help-consulta-draft-export-amendment = Escribir una enmienda (su número) como documento de enmienda Akoma Ntoso, o su registro con --format json
draft-amendment-akn = Akoma Ntoso
open-data-amendments-csv = Enmiendas a los proyectos, con quién las propone y las apoya y sus huellas en el registro (CSV)
open-data-drafts-json = Los proyectos completos: la estructura de cada revisión, los párrafos acordados y las enmiendas (JSON)
draft-comparison-format = Una comparación se escribe en HTML, Markdown, DOCX, PDF o texto.
cli-help-consulta-draft-export-compare = Escribir la revisión (--revision, por defecto la última) comparada con esta revisión anterior: inserciones subrayadas, supresiones tachadas (html, md, docx, pdf, o texto marcado [+…+] y [-…-])
body-unknown = No existe el órgano { $slug }.
body-rules-error = línea { $line } de las reglas: { $problem }
body-expertise = especialidad: { $tag }
body-everyone = Todos los miembros
body-or = o
body-at-least = al menos { $n }
body-at-most = como máximo { $n }
body-exactly = exactamente { $n }
body-what-total = Miembros del órgano
body-what-renewal = Miembros en funciones sustituidos
body-violation = { $what }: { $found } (regla de la línea { $line }: se requieren { $required })
body-nomination-error = línea { $line }, { $field }: { $problem }; no se registró nada.
body-bad-fields = Un órgano tiene un nombre (300 caracteres como máximo), un mandato (4.000 como máximo) y un período de 1 a 10 años.
body-duplicate = Ya existe un órgano { $slug }.
body-not-a-nomination = La candidatura { $number } no es una candidatura a este órgano.
gender-female = Mujeres
gender-male = Hombres
cli-body-created = Órgano { $slug } registrado. Fije sus reglas con consulta body rules { $slug } --file REGLAS.
cli-body-rules-set = Órgano { $slug }: { $rules } reglas registradas.
cli-body-nominated = Órgano { $slug }: { $count } candidaturas registradas.
cli-body-pinned = La candidatura { $number } queda fijada como se pidió.
cli-body-slate-passes = La lista de { $count } cumple todas las reglas.
cli-body-slate-fails = La lista incumple { $count } reglas.
cli-body-conflicting-rule =   línea { $line }: { $rule }
cli-body-no-slate = Ninguna lista cumple todas las reglas: estas reglas no pueden cumplirse a la vez (cada una es necesaria para el conflicto):
cli-body-slate = La mejor lista que cumple todas las reglas ({ $count } miembros):
cli-body-seated = Órgano { $slug }: { $count } miembros nombrados del { $from } al { $until }.
cli-body-summary = { $members } miembros en funciones hoy; { $nominations } candidaturas.
cli-help-consulta-body = Órganos cuya composición debe ser equilibrada: reglas, candidaturas, verificación y solucionador exacto
cli-help-consulta-body-create = Registrar un órgano (grupo de trabajo, grupo asesor) para una consulta
cli-help-consulta-body-create-slug = El nombre corto del órgano en las direcciones (minúsculas, dígitos, '-')
cli-help-consulta-body-create-consultation = El slug de la consulta
cli-help-consulta-body-create-name = El nombre del órgano
cli-help-consulta-body-create-mandate = Su mandato
cli-help-consulta-body-create-term_years = La duración del mandato de un miembro, en años
cli-help-consulta-body-rules = Fijar las reglas de composición de un órgano desde un archivo (una regla por línea), o mostrarlas
cli-help-consulta-body-rules-slug = El órgano
cli-help-consulta-body-rules-file = El archivo de reglas
cli-help-consulta-body-rules-objective = Lo que el solucionador optimiza: las primeras opciones de los proponentes, la diversidad de países, la continuidad de los miembros
cli-help-consulta-body-nominate = Registrar candidaturas desde un archivo CSV, todas o ninguna
cli-help-consulta-body-nominate-slug = El órgano
cli-help-consulta-body-nominate-csv = El archivo: person, nominator, process, stakeholder_group, country, gender, expertise, statement, priority
cli-help-consulta-body-pin = Fijar o excluir a un candidato de la lista del solucionador, o liberarlo
cli-help-consulta-body-pin-slug = El órgano
cli-help-consulta-body-pin-nomination = El número de la candidatura
cli-help-consulta-body-pin-pin = in, out o free
cli-help-consulta-body-check = Verificar una lista frente a las reglas del órgano: cada regla incumplida y por cuánto
cli-help-consulta-body-check-slug = El órgano
cli-help-consulta-body-check-slate = Las candidaturas de la lista (por defecto: los miembros en funciones hoy)
cli-help-consulta-body-check-format = Formato de salida
cli-help-consulta-body-solve = Encontrar la mejor lista que cumpla todas las reglas, o las reglas en conflicto
cli-help-consulta-body-solve-slug = El órgano
cli-help-consulta-body-solve-format = Formato de salida
cli-help-consulta-body-seat = Nombrar una lista para un mandato (por defecto: la lista del solucionador, desde hoy)
cli-help-consulta-body-seat-slug = El órgano
cli-help-consulta-body-seat-members = Las candidaturas nombradas (por defecto: la lista del solucionador)
cli-help-consulta-body-seat-from = El primer día del mandato (por defecto: hoy)
cli-help-consulta-body-show = Mostrar un órgano: sus miembros en funciones y su composición por grupo, región, nivel de desarrollo y género
cli-help-consulta-body-show-slug = El órgano
cli-help-consulta-body-show-format = Formato de salida
body-term = Los miembros ejercen mandatos de { $years } años.
body-done-nominated = Su candidatura ha quedado registrada.
body-done-rules = Las reglas han quedado registradas.
body-done-pin = La fijación ha quedado registrada.
body-done-seated = La lista ha sido nombrada.
body-members = Miembros
body-no-members = Ningún miembro está en funciones hoy.
body-term-heading = Mandato
body-composition = Composición
body-by-group = Por grupo de partes interesadas
body-by-region = Por grupo regional
body-by-development = Por nivel de desarrollo
body-by-gender = Por género
body-rules = Reglas de composición
body-meets-rules = Los miembros en funciones hoy cumplen todas las reglas.
body-no-rules = La secretaría aún no ha fijado reglas.
body-nominate-heading = Proponer un miembro
body-nominate-for = Usted propone en nombre de { $entity }, como su coordinador.
body-field-person = Persona
body-field-group = Grupo de partes interesadas
body-field-country = País
body-country-hint = Dos letras (ISO 3166-1): KE, BR, FR.
body-field-gender = Género
body-field-expertise = Especialidades (etiquetas separadas por comas)
body-field-statement = Declaración
body-field-priority = Su orden de preferencia (1 primero)
body-field-invalid = { $field }: revise este campo.
body-nominate-submit = Proponer
body-sign-in-to-nominate = Los coordinadores inician sesión para proponer miembros.
body-solved-heading = La lista del solucionador
body-solved-intro = La mejor lista de { $count } que cumple todas las reglas, según el objetivo elegido:
body-seat-from = Primer día del mandato
body-seat-submit = Nombrar esta lista
body-rule-line = Línea { $line }:
body-nothing-to-solve = Aún no hay nada que resolver: el órgano necesita reglas y candidaturas.
body-nominations = Candidaturas
body-no-nominations = Aún no hay candidaturas.
body-nominator = Propuesto por
body-pin = Para el solucionador
body-pin-free = libre
body-pin-in = siempre incluido
body-pin-out = siempre excluido
body-pin-submit = Aplicar
body-rules-heading = Reglas y objetivo
body-rules-hint = Una regla por línea: total 42; exactly 22 group=government; at least 1 per region in african,asia_pacific,eastern_european,latin_american_caribbean,weog where group=government; at most 1 per country; at least 40% gender=female; renew at most 50%.
body-objective = El objetivo del solucionador
body-objective-priority = Las primeras opciones de los proponentes
body-objective-spread_countries = El mayor número posible de países
body-objective-keep_seated = El menor número posible de miembros sustituidos
body-rules-submit = Guardar las reglas
body-list = Órganos
open-data-bodies-json = Órganos: sus reglas y cada mandato ejercido, con el grupo, el país y el género del miembro (JSON)
body-role = Función
body-role-member = Miembro
body-role-chair = Presidencia
body-role-co_chair = Copresidencia
body-rotation = La presidencia es rotatoria: { $rotation }.
body-next-chair = Próxima presidencia: la persona propuesta por { $nominator }.
body-co-chair-candidates = Pueden ocupar la copresidencia (miembros que no la han ejercido): { $members }
cli-body-chair-not-seated = La candidatura { $number } no está entre las nombradas: la presidencia o copresidencia corresponde a un miembro.
cli-help-consulta-body-chairs = Mostrar la rotación de la presidencia, la próxima presidencia y quién puede ocupar la copresidencia; fijar la rotación
cli-help-consulta-body-chairs-slug = El órgano
cli-help-consulta-body-chairs-rotation = Los proponentes entre los que rota la presidencia, en orden, separados por comas
cli-help-consulta-body-seat-chair = La candidatura nombrada para la presidencia
cli-help-consulta-body-seat-co_chair = La candidatura nombrada para la copresidencia
body-chair-not-in-turn = Le corresponde a { $nominator } ejercer la presidencia.
body-co-chair-held = { $person } ya ha ocupado la copresidencia: le toca a otro miembro.
follow-up-problem-too-large = el archivo supera 10 MiB
follow-up-problem-too-many = el archivo tiene más de 10 000 filas
follow-up-problem-csv = el archivo no es CSV: { $value }
follow-up-problem-missing-column = falta la columna
follow-up-problem-missing = falta el valor
follow-up-problem-too-long = el valor supera { $count } caracteres
follow-up-problem-action-line = { $value } no es una línea de acción (C1 a C11)
follow-up-problem-date = { $value } no es una fecha escrita AAAA-MM-DD
follow-up-problem-end-before-start = el fin es anterior al inicio
follow-up-problem-status = { $value } no es un estado (planned, in_progress, achieved, dropped)
follow-up-problem-progress = { $value } no es un avance de 0 a 100
follow-up-problem-achieved = un compromiso cumplido está al 100 %
follow-up-problem-duplicate = el identificador { $value } se usa dos veces
follow-up-problem-own-parent = un compromiso no puede ser su propio padre
follow-up-file-error = línea { $line }, campo { $field }: { $problem }
follow-up-unknown-consultation = línea { $line }, campo consultation: no hay ninguna consulta { $slug }
follow-up-unknown-parent = compromiso { $child }: no hay ningún compromiso { $parent } que sea su padre, ni en el archivo ni en el registro
follow-up-unknown-commitment = no hay ningún compromiso { $number }
follow-up-update-not-allowed = un compromiso «{ $from }» no puede pasar a «{ $to }»
follow-up-update-progress-back = el avance no puede retroceder de { $from } % a { $to } % mientras el compromiso está en curso
follow-up-status-planned = previsto
follow-up-status-in-progress = en curso
follow-up-status-achieved = cumplido
follow-up-status-dropped = abandonado
follow-up-role-lead = facilitador principal
follow-up-role-co-facilitator = cofacilitador
follow-up-role-moderator = moderador
cli-follow-up-action-line = compromisos: { $count }; facilitadores: { $facilitators }
cli-follow-up-imported = Compromisos añadidos: { $added }; actualizados: { $updated }.
cli-follow-up-updated = El compromiso { $number } está actualizado.
cli-follow-up-bad-year = { $value } no es un año de 2000 a 2200
cli-follow-up-bad-role = { $value }: escriba ORGANIZACIÓN:FUNCIÓN, la función lead, co_facilitator o moderator
cli-help-consulta-follow-up = El seguimiento: líneas de acción, sus facilitadores, compromisos y su avance
cli-help-consulta-follow-up-action-lines = Listar las líneas de acción C1 a C11 con sus facilitadores y compromisos
cli-help-consulta-follow-up-action-lines-format = Formato de salida
cli-help-consulta-follow-up-import = Registrar compromisos desde un CSV de resultados (columnas de Decidim y de Consulta), todos o ninguno; un identificador conocido actualiza su compromiso
cli-help-consulta-follow-up-import-file = El archivo CSV de resultados
cli-help-consulta-follow-up-import-on = El día desde el que valen los estados del archivo (por defecto: hoy)
cli-help-consulta-follow-up-export = Escribir todos los compromisos como CSV de resultados, que la importación vuelve a leer
cli-help-consulta-follow-up-export-output = El archivo que se escribe (por defecto: la salida estándar)
cli-help-consulta-follow-up-commitments = Listar los compromisos, por línea de acción, entidad o estado
cli-help-consulta-follow-up-commitments-action_line = Solo los que sirven a esta línea de acción (C1 a C11)
cli-help-consulta-follow-up-commitments-entity = Solo los de esta entidad, tal como se nombra
cli-help-consulta-follow-up-commitments-status = Solo los que están en este estado
cli-help-consulta-follow-up-commitments-format = Formato de salida
cli-help-consulta-follow-up-update = Actualizar el estado y el avance de un compromiso, verificados según su situación
cli-help-consulta-follow-up-update-commitment = El número del compromiso
cli-help-consulta-follow-up-update-status = Su estado: planned, in-progress, achieved o dropped
cli-help-consulta-follow-up-update-progress = Su avance, en porcentaje
cli-help-consulta-follow-up-update-on = El día desde el que vale (por defecto: hoy)
cli-help-consulta-follow-up-update-note = Por qué, en una frase
cli-help-consulta-follow-up-facilitators = Mostrar quién facilita cada línea de acción por año; sustituir los facilitadores de una línea para un año
cli-help-consulta-follow-up-facilitators-year = El año
cli-help-consulta-follow-up-facilitators-action_line = La línea de acción cuyos facilitadores se sustituyen
cli-help-consulta-follow-up-facilitators-set = Organizaciones y sus funciones, separadas por comas: ITU:lead,UNESCO:co_facilitator
nav-follow-up = Seguimiento
action-lines-title = Líneas de acción del Plan de Acción de Ginebra
action-lines-intro = Las once líneas de acción de la Cumbre Mundial sobre la Sociedad de la Información, quién facilita cada una y cómo avanzan los compromisos que las sirven.
action-line-column-line = Línea de acción
action-line-column-facilitators-year = Facilitadores en { $year }
action-line-facilitators = Facilitadores
action-line-commitments = Compromisos
action-lines-source = Fuente: Plan de Acción de Ginebra (WSIS-03/GENEVA/DOC/5), sección C.
action-lines-csv = Compromisos en CSV
follow-up-no-facilitators = No hay ningún facilitador registrado para esta línea de acción.
follow-up-no-commitments = Ningún compromiso sirve aún a esta línea de acción.
action-line-status-counts = Previstos: { $planned }; en curso: { $progress }; cumplidos: { $achieved }; abandonados: { $dropped }.
commitment-column-title = Compromiso
commitment-entity = Asumido por
commitment-status = Estado
commitment-progress = Avance
commitment-action-lines = Líneas de acción
commitment-dates = Fechas
commitment-indicator = Indicador
commitment-target = Meta
commitment-parent = Forma parte de
commitment-number = el compromiso { $number }
commitment-consultation = Procedente de la consulta
commitment-timeline = Cronología
commitment-progress-chart = Avance de «{ $title }» en el tiempo, en porcentaje
report-follow-up-title = Progresos realizados en la aplicación y el seguimiento de los resultados de la Cumbre Mundial sobre la Sociedad de la Información en { $year }
report-follow-up-subtitle = Informe de la secretaría
report-follow-up-section-introduction = I. Introducción
report-follow-up-introduction = A finales de { $year }, los compromisos registrados respecto de las líneas de acción del Plan de Acción de Ginebra eran { $count }: cumplidos, { $achieved }; en curso, { $progress }; previstos, { $planned }; abandonados, { $dropped }. Durante el año se recibieron informes sobre { $updates } de ellos.
report-follow-up-chart = Compromisos por estado a finales de { $year }
report-follow-up-section-facilitators = II. Las líneas de acción y sus facilitadores
report-follow-up-facilitators = El cuadro siguiente indica, para cada línea de acción, las organizaciones que la facilitaron en { $year }.
report-follow-up-facilitators-caption = Líneas de acción y sus facilitadores, { $year }
report-follow-up-no-facilitators = No se registró ningún facilitador para { $year }.
report-follow-up-section-progress = III. Avance por línea de acción
report-follow-up-line = { $line }. Compromisos: { $count } (cumplidos: { $achieved }; en curso: { $progress }; previstos: { $planned }; abandonados: { $dropped }).
report-follow-up-commitments-caption = Compromisos relativos a { $line }
report-follow-up-progress-at = Avance, fin de { $year }
report-follow-up-section-missing = IV. Compromisos sin informe
report-follow-up-missing = Compromisos previstos o en curso a finales de { $year } sobre los que no se recibió ningún informe durante el año: { $count }.
report-follow-up-none-missing = Todos los compromisos previstos o en curso a finales de { $year } fueron objeto de un informe durante el año.
report-follow-up-missing-caption = Compromisos sin informe en { $year }
report-follow-up-last-report = Último informe
cli-report-needs-consultation = Indique la consulta (--consultation SLUG) o pida el informe de seguimiento de un año (--kind follow-up --year AÑO).
cli-help-consulta-report-kind = Qué informe: la síntesis de una consulta o el seguimiento de un año
cli-help-consulta-report-year = El año de un informe de seguimiento
report-follow-up-column-lead = Facilitadores principales
report-follow-up-column-co-facilitators = Cofacilitadores
report-follow-up-column-moderators = Moderadores
follow-up-unknown-round = no hay ninguna ronda de informes sobre la consulta { $slug }
follow-up-duplicate-round = la consulta { $slug } ya es una ronda de informes
follow-up-unknown-entity = no hay ninguna entidad registrada { $name }
follow-up-standing-reported = informe presentado
follow-up-standing-late = con retraso
follow-up-standing-due = pendiente
follow-up-reminder-subject = Recordatorio: su informe de avance de { $year }
follow-up-reminder-body = Estimado/a { $name }:

    Se invita a { $entity } a informar sobre sus avances en { $year } ({ $round }). Los informes deben presentarse a más tardar el { $deadline }. Puede presentar el suyo en { $link }

    La secretaría
cli-follow-up-round-opened = Ronda de informes { $slug } abierta; organizaciones invitadas: { $count }.
cli-follow-up-round-summary = Informes recibidos de { $reported } de las { $count } organizaciones invitadas; con retraso: { $late }.
cli-follow-up-reminded = Recordatorios en cola: { $count }.
cli-help-consulta-follow-up-round = Rondas de informes: una consulta por la que las organizaciones invitadas presentan sus informes de avance
cli-help-consulta-follow-up-round-open = Abrir una ronda de informes sobre una consulta (sus preguntas como plantilla, su cierre como plazo)
cli-help-consulta-follow-up-round-open-consultation = El slug de la consulta
cli-help-consulta-follow-up-round-open-year = El año objeto del informe
cli-help-consulta-follow-up-round-open-action_lines = Las líneas de acción objeto del informe, separadas por comas (C2,C5)
cli-help-consulta-follow-up-round-open-invite = Entidades registradas invitadas a informar, separadas por punto y coma
cli-help-consulta-follow-up-round-status = Mostrar quién ha presentado su informe en una ronda, quién va con retraso y quién está pendiente
cli-help-consulta-follow-up-round-status-consultation = La consulta de la ronda
cli-help-consulta-follow-up-round-status-format = Formato de salida
cli-help-consulta-follow-up-round-remind = Enviar un recordatorio a los coordinadores de las organizaciones invitadas que no han presentado su informe
cli-help-consulta-follow-up-round-remind-consultation = La consulta de la ronda
cli-help-consulta-follow-up-round-remind-public_url = La dirección pública de la instancia, a la que remiten los recordatorios
reports-due-title = Informes pendientes
reports-due-intro = Las rondas de informes a las que se invita a { $entity }.
reports-due-round = Avances en { $year } respecto de { $lines }; informes a más tardar el { $deadline }.
reports-due-reported = Su informe está registrado.
reports-due-receipt = Su acuse de recibo
reports-due-late = No se recibió ningún informe antes del plazo.
reports-due-file = Presentar su informe de avance
reports-due-status = Informes recibidos de { $reported } de las { $count } organizaciones invitadas; con retraso: { $late }.
reports-due-none = No hay ninguna ronda de informes que le concierna.
reporting-round-invitees = Organizaciones invitadas
reporting-round-report = Informe
reporting-round-contribution = contribución { $number }
reporting-round-remind = Recordar a quienes no han presentado su informe
reporting-round-reminded = Recordatorios en cola: { $count }.
nav-reports-due = Informes pendientes
report-follow-up-section-rounds = { $number }. Rondas de informes
report-follow-up-round = { $round }: informes recibidos de { $reported } de las { $count } organizaciones invitadas.
report-follow-up-round-late = No llegó ningún informe antes del plazo de: { $names }.
report-follow-up-round-open = La ronda sigue abierta.
follow-up-cycle-review = En { $year }, el Grupo de las Naciones Unidas sobre la Sociedad de la Información está presidido por { $chair }, y la Comisión de Ciencia y Tecnología para el Desarrollo celebra el período de sesiones de examen de su ciclo { $start }-{ $end }.
follow-up-cycle-policy = En { $year }, el Grupo de las Naciones Unidas sobre la Sociedad de la Información está presidido por { $chair }, y la Comisión de Ciencia y Tecnología para el Desarrollo celebra el período de sesiones de políticas de su ciclo { $start }-{ $end }.
action-line-column-in-progress = En curso
action-line-column-achieved = Cumplidos
follow-up-org-itu = la UIT
follow-up-org-unesco = la UNESCO
follow-up-org-undp = el PNUD
follow-up-bad-choice = { $value } no es uno de estos valores: { $allowed }
cli-help-consulta-follow-up-commitments-group = Solo los de entidades registradas de este grupo de partes interesadas
cli-help-consulta-follow-up-commitments-region = Solo los de entidades de este grupo regional de las Naciones Unidas (african, asia_pacific, eastern_european, latin_american_caribbean, weog)
cli-help-consulta-follow-up-commitments-development = Solo los de entidades de este nivel de desarrollo
commitments-title = Compromisos y su avance
commitments-filter-group = Grupo de partes interesadas
commitments-filter-region = Grupo regional
commitments-filter-development = Nivel de desarrollo
commitments-filter-any = Todos
commitments-count = Compromisos mostrados: { $count }
action-lines-all-commitments = Todos los compromisos, por grupo de partes interesadas, región o nivel de desarrollo
number-group-separator = .
forum-title = Foro de proyectos y financiación
forum-intro = Las partes interesadas publican los proyectos que necesitan financiar y las fuentes de financiación que ofrecen (Agenda de Túnez, párrafo 27 g). Cada proyecto se relaciona con las fuentes cuyas líneas de acción, lugar y requisitos cumple, con las razones. Cualquiera puede leer; los coordinadores de las entidades verificadas pueden publicar y responder.
forum-new-project = Publicar un proyecto
forum-new-funding = Publicar una fuente de financiación
forum-sign-in-to-post = Los coordinadores de las entidades verificadas inician sesión para publicar y responder.
forum-count = Publicaciones: { $count }
forum-answers = Preguntas y respuestas: { $count }
forum-matches = Coincidencias: { $count }
forum-open-data = Datos abiertos (JSON)
forum-empty = Todavía no hay nada publicado en el foro.
forum-kind-project = Proyecto
forum-kind-funding = Fuente de financiación
forum-posted-by = Publicado por
forum-grants = Subvenciones
forum-matches-funding = Fuentes de financiación que este proyecto cumple
forum-matches-projects = Proyectos que cumplen esta fuente de financiación
forum-no-matches = Ninguno por ahora.
forum-thread = Preguntas y respuestas
forum-no-answers = Todavía no se ha hecho ninguna pregunta.
forum-reply-label = Su pregunta o respuesta
forum-reply-for = Se publica en nombre de { $entity }.
forum-reply-submit = Publicar
forum-moderation = Moderación
forum-hide-reason = Motivo, que se muestra en su lugar
forum-hide-item = Ocultar esta publicación
forum-hide-answer = Ocultar
forum-show-again = Mostrar de nuevo
forum-hidden-because = Ocultado por la secretaría: { $reason }
forum-hidden-title = Publicación ocultada por la secretaría
forum-posting-for = Se publica en nombre de { $entity }, con la fecha, para que cualquiera lo lea. Los importes se indican en dólares de los Estados Unidos, sin decimales.
forum-field-kind = Tipo
forum-field-title = Título
forum-field-description = Descripción
forum-field-need = La necesidad: qué hace el proyecto, para quién y qué pagaría la financiación
forum-field-scope = El alcance: qué se financia y cómo solicitarlo
forum-field-action-lines = Líneas de acción
forum-field-countries = Países donde se lleva a cabo
forum-field-covered-countries = Países cubiertos (si nombra alguno)
forum-field-country = País (código)
forum-field-regions = Grupos regionales cubiertos
forum-field-development = Abierto a países con estado de desarrollo
forum-field-groups = Abierto a los grupos de partes interesadas
forum-field-budget = Presupuesto (dólares de los Estados Unidos)
forum-field-amount-min = Subvención mínima (dólares de los Estados Unidos)
forum-field-amount-max = Subvención máxima (dólares de los Estados Unidos)
forum-field-deadline = Solicitudes hasta
forum-field-funder = Financiador
forum-field-contact = Contacto
forum-countries-hint = Códigos ISO separados por comas, por ejemplo KE, UG
forum-amount-hint = Un número entero, por ejemplo 150000 o 150 000
forum-eligibility-hint = Deje una lista sin marcar para quedar abierta a todos.
forum-contact-hint = Se publica tal cual: una dirección de la organización, no la privada de una persona.
forum-post-submit = Publicar en el foro
forum-field-error = { $field }: { $problem }
forum-problem-missing = es obligatorio
forum-problem-too-long = supera { $count } caracteres
forum-problem-too-many = nombra más de { $count }
forum-problem-kind = { $value } no es ni project ni funding
forum-problem-country = { $value } no es un código de país
forum-problem-region = { $value } no es un grupo regional de la ONU
forum-problem-development = { $value } no es un estado de desarrollo (ldc, developing, developed)
forum-problem-group = { $value } no es un grupo de partes interesadas de este sitio
forum-problem-amount = { $value } no es un número entero de dólares
forum-problem-min-above-max = la subvención mínima supera la máxima
forum-problem-funding-only = solo una fuente de financiación lo tiene
forum-problem-project-only = solo un proyecto lo tiene
forum-not-verified = Solo el coordinador de una entidad verificada puede publicar en el foro.
forum-unknown-item = No hay ninguna publicación { $number } en el foro.
forum-unknown-reply = No hay ninguna respuesta { $number } en la publicación { $item }.
forum-no-reason = Indique el motivo: se muestra en su lugar.
forum-reason-action-lines = Líneas de acción comunes: { $codes }
forum-reason-country = País cubierto: { $country }
forum-reason-region = Grupo regional cubierto: { $region } ({ $country })
forum-reason-anywhere = Países cubiertos: todos
forum-reason-development = Abierto a: { $status } ({ $country })
forum-reason-group = Abierto a: { $group }
forum-reason-budget = Presupuesto { $budget }; subvenciones { $range }
forum-reason-deadline = Solicitudes hasta el { $date }
forum-dollars = { $amount } USD
forum-range = de { $min } a { $max }
forum-range-from = desde { $min }
forum-range-up-to = hasta { $max }
forum-file-too-large = el archivo supera { $size }
forum-file-error = línea { $line }: { $problem }
cli-forum-posted = La publicación { $number } está en el foro.
cli-forum-hidden = Ocultado, en la publicación { $number }.
cli-forum-restored = Mostrado de nuevo, en la publicación { $number }.
cli-help-consulta-forum = El foro de proyectos y financiación: leerlo, publicar por una entidad, moderar
cli-help-consulta-forum-list = Listar las publicaciones, cada una con sus coincidencias
cli-help-consulta-forum-list-kind = Solo proyectos o solo fuentes de financiación
cli-help-consulta-forum-list-action_line = Solo las que sirven a esta línea de acción (C1 a C11)
cli-help-consulta-forum-list-country = Solo las que nombran este país (código ISO)
cli-help-consulta-forum-list-hidden = Las publicaciones ocultadas por la secretaría, con los motivos
cli-help-consulta-forum-list-format = Formato de salida
cli-help-consulta-forum-show = Mostrar una publicación: sus campos, sus coincidencias con los motivos, su hilo
cli-help-consulta-forum-show-item = El número de la publicación
cli-help-consulta-forum-show-format = Formato de salida
cli-help-consulta-forum-post = Publicar un proyecto o una fuente de financiación por una entidad registrada, desde un archivo JSON con sus campos
cli-help-consulta-forum-post-entity = La entidad registrada en cuyo nombre se publica
cli-help-consulta-forum-post-file = Un objeto JSON: kind, title, description, action_lines, countries, budget (de un proyecto); regions, development, groups, amount_min, amount_max, deadline, funder (de una fuente); contact
cli-help-consulta-forum-hide = Ocultar una publicación, o una respuesta, con el motivo en su lugar
cli-help-consulta-forum-hide-item = El número de la publicación
cli-help-consulta-forum-hide-answer = El número de una respuesta, en lugar de la publicación
cli-help-consulta-forum-hide-reason = Por qué, se muestra en su lugar
cli-help-consulta-forum-restore = Mostrar de nuevo una publicación o respuesta ocultada
cli-help-consulta-forum-restore-item = El número de la publicación
cli-help-consulta-forum-restore-answer = El número de una respuesta, en lugar de la publicación
action-lines-forum = Los proyectos que buscan financiación y las fuentes ofrecidas están en el foro de proyectos y financiación.
report-follow-up-section-forum = { $number }. El foro de proyectos y financiación
report-follow-up-forum = Publicados en el foro de proyectos y financiación en { $year }: proyectos, { $projects }; fuentes de financiación, { $funding }. Proyectos que cumplen al menos una fuente de financiación en la fecha del presente informe: { $matched }.
report-follow-up-forum-caption = Proyectos publicados en { $year } y fuentes de financiación que cumple cada uno
cli-help-consulta-follow-up-round-open-lists = Invitar también a las entidades de esta lista de acreditación que tienen un contacto, como una campaña de invitación (repetible)
cli-help-consulta-follow-up-round-open-groups = Invitar también a las entidades de este grupo de partes interesadas que tienen un contacto (repetible)
cli-help-consulta-follow-up-round-open-regions = Invitar también a las entidades de este grupo regional de la ONU que tienen un contacto (repetible)
cli-help-consulta-follow-up-round-open-countries = Invitar también a las entidades de este país (código ISO) que tienen un contacto (repetible)
cli-help-consulta-follow-up-round-open-public_url = Con una lista, grupo, región o país: enviar a cada contacto elegido la invitación de la campaña, con su enlace bajo esta dirección pública
commitments-filter-issue = Cuestión
commitment-issues = Cuestiones que atiende
commitment-draft = Procede del proyecto
commitment-contribution = Procede de la contribución
follow-up-unknown-reference = línea { $line }, campo { $field }: { $value } no está en el registro
follow-up-problem-issue = { $value } no es un identificador de cuestión (minúsculas, cifras y _)
follow-up-problem-contribution = { $value } no es un número de contribución
cli-help-consulta-follow-up-commitments-issue = Solo los que atienden esta cuestión de la taxonomía (su identificador)
reports-due-informs = { $session ->
        [review] Estos informes sirven a la sesión de examen de la Comisión de { $year } (ciclo { $start }-{ $end }).
       *[policy] Estos informes sirven a la sesión de políticas de la Comisión de { $year } (ciclo { $start }-{ $end }).
    }
api-key-missing = Esta solicitud necesita una clave de API: Authorization: Bearer seguido de la clave que emitió la secretaría.
api-key-unknown = Este sitio no emitió esta clave de API.
api-key-revoked = La secretaría revocó esta clave de API.
api-key-other-consultation = Esta clave de API es para otra consulta.
bulk-too-large = El lote supera { $size }: envíelo en varias solicitudes.
bulk-too-many-lines = El lote tiene más líneas de las permitidas ({ $count }): envíelo en varias solicitudes.
bulk-empty = El lote no contiene ninguna línea: envíe una contribución por línea, en JSON.
bulk-line-too-long = La línea supera { $size }.
bulk-line-not-json = La línea no es una contribución en JSON: { $detail }
bulk-allowance = Esta clave puede enviar { $allowance } contribuciones por hora; enviadas en la última hora: { $sent }; en este lote: { $count }. Vuelva a intentarlo más tarde.
cli-api-key-none = No hay ninguna clave de API { $number } en uso.
cli-api-key-revoked = La clave de API { $number } está revocada.
cli-api-key-bad-label = Dé a la clave una etiqueta de 1 a 200 caracteres.
cli-api-key-bad-allowance = La cuota por hora debe ser al menos 1.
cli-api-key-issued = Clave de API { $number } emitida para { $entity } en { $slug }. Solo se muestra esta vez: guárdela en lugar seguro.
cli-api-key-state-in-use = en uso
cli-api-key-state-revoked = revocada { $date }
cli-help-consulta-api-key = Claves de API del canal masivo: emitir una para una organización y una consulta, listarlas, revocar una
cli-help-consulta-api-key-issue = Emitir una clave de API (se muestra una vez y solo se guarda su huella)
cli-help-consulta-api-key-issue-consultation = La consulta a la que la clave puede enviar
cli-help-consulta-api-key-issue-entity = La organización registrada a la que se emite la clave
cli-help-consulta-api-key-issue-label = Para qué sirve la clave, para que la secretaría la reconozca
cli-help-consulta-api-key-issue-lines_per_hour = Cuántas contribuciones puede enviar la clave por hora
cli-help-consulta-api-key-list = Listar las claves emitidas, en uso o revocadas
cli-help-consulta-api-key-revoke = Revocar una clave: se rechaza desde entonces
cli-help-consulta-api-key-revoke-key = El número de la clave
submit-busy = El sitio recibe en este momento muchísimas contribuciones: la suya no se ha registrado. Envíela de nuevo en unos segundos; no se pierde nada de lo que escribió.
example-banner-forum = Datos de ejemplo. Esta publicación, su autor y su hilo son inventados para la demostración; no son palabras de ningún gobierno ni organización reales.
api-keys-title = Claves de API del canal masivo
api-keys-intro = Una organización que transmite muchas contribuciones las envía en una sola solicitud, un objeto JSON por línea, con una clave emitida aquí para una consulta. La clave se muestra una sola vez, al emitirla; este sitio solo guarda su huella.
api-keys-issued = La clave de API { $number } está emitida. Cópiela ahora y entréguela a la organización: no se volverá a mostrar.
api-keys-number = Clave
api-keys-entity = Organización
api-keys-entity-hint = Una entidad registrada, tal como la nombra el registro
api-keys-label = Para qué sirve
api-keys-allowance = Contribuciones por hora
api-keys-state = Estado
api-keys-revoke = Revocar la clave { $number }
api-keys-none = No se ha emitido ninguna clave.
api-keys-issue = Emitir una clave
