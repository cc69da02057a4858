<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>lux::AuditLog</name>
    <message>
        <source>User created</source>
        <translation>Usuario creado</translation>
    </message>
    <message>
        <source>User disabled</source>
        <translation>Usuario desactivado</translation>
    </message>
    <message>
        <source>User enabled</source>
        <translation>Usuario activado</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>Contraseña restablecida</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Sesión iniciada</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Inicio de sesión fallido</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Sesión cerrada</translation>
    </message>
    <message>
        <source>Database created</source>
        <translation>Base de datos creada</translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation>Copia de seguridad hecha</translation>
    </message>
    <message>
        <source>Database restored</source>
        <translation>Base de datos restaurada</translation>
    </message>
    <message>
        <source>Database exported</source>
        <translation>Base de datos exportada</translation>
    </message>
    <message>
        <source>Integrity check</source>
        <translation>Comprobación de integridad</translation>
    </message>
    <message>
        <source>Contact forgotten</source>
        <translation>Contacto olvidado</translation>
    </message>
    <message>
        <source>Removed from the suppression list</source>
        <translation>Quitado de la lista de supresión</translation>
    </message>
    <message>
        <source>Contact edited</source>
        <translation>Contacto editado</translation>
    </message>
    <message>
        <source>Tag added to contacts</source>
        <translation>Etiqueta añadida a contactos</translation>
    </message>
    <message>
        <source>Tag removed from contacts</source>
        <translation>Etiqueta quitada de contactos</translation>
    </message>
    <message>
        <source>Contacts unsubscribed</source>
        <translation>Contactos dados de baja</translation>
    </message>
    <message>
        <source>Unsubscribe undone</source>
        <translation>Baja deshecha</translation>
    </message>
    <message>
        <source>Contacts deleted</source>
        <translation>Contactos eliminados</translation>
    </message>
    <message>
        <source>Deleted contacts restored</source>
        <translation>Contactos eliminados restaurados</translation>
    </message>
    <message>
        <source>Template created</source>
        <translation>Plantilla creada</translation>
    </message>
    <message>
        <source>Template saved</source>
        <translation>Plantilla guardada</translation>
    </message>
    <message>
        <source>Template deleted</source>
        <translation>Plantilla eliminada</translation>
    </message>
</context>
<context>
    <name>lux::Database</name>
    <message>
        <source>%1 is not a LUX Marketing database (it is not an SQLite file). It was left untouched.</source>
        <translation>%1 no es una base de datos de LUX Marketing (no es un archivo SQLite). No se ha modificado.</translation>
    </message>
    <message>
        <source>%1 cannot be read: check its permissions.</source>
        <translation>No se puede leer %1: revisa sus permisos.</translation>
    </message>
    <message>
        <source>There is no database at %1.</source>
        <translation>No hay ninguna base de datos en %1.</translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>No se pudo crear la carpeta %1.</translation>
    </message>
    <message>
        <source>process %1 (%2) on %3</source>
        <translation>el proceso %1 (%2) en %3</translation>
    </message>
    <message>
        <source>Could not create the lock file beside %1: check the folder's permissions.</source>
        <translation>No se pudo crear el archivo de bloqueo junto a %1: revisa los permisos de la carpeta.</translation>
    </message>
    <message>
        <source>%1 is already open for writing in %2. Close it there, or open it read-only.</source>
        <translation>%1 ya está abierta para escritura en %2. Ciérrala allí o ábrela en modo de solo lectura.</translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation>No se pudo abrir %1: %2</translation>
    </message>
    <message>
        <source>%1 is damaged or is not a database (%2). It was left untouched.</source>
        <translation>%1 está dañada o no es una base de datos (%2). No se ha modificado.</translation>
    </message>
    <message>
        <source>%1 is an SQLite database of another application, not of LUX Marketing. It was left untouched.</source>
        <translation>%1 es una base de datos SQLite de otra aplicación, no de LUX Marketing. No se ha modificado.</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of LUX Marketing (schema %2; this version reads up to schema %3). It was left untouched: update LUX Marketing to open it.</source>
        <translation>%1 se escribió con una versión más reciente de LUX Marketing (esquema %2; esta versión lee hasta el esquema %3). No se ha modificado: actualiza LUX Marketing para abrirla.</translation>
    </message>
    <message>
        <source>%1 uses an older schema (%2) and must be updated, which needs write access. Open it where no other LUX Marketing has it open.</source>
        <translation>%1 usa un esquema anterior (%2) y hay que actualizarla, lo que requiere acceso de escritura. Ábrela donde ningún otro LUX Marketing la tenga abierta.</translation>
    </message>
    <message>
        <source>Could not switch %1 to write-ahead logging: %2</source>
        <translation>No se pudo activar el registro de escritura anticipada (WAL) en %1: %2</translation>
    </message>
    <message>
        <source>Could not configure %1: %2</source>
        <translation>No se pudo configurar %1: %2</translation>
    </message>
    <message>
        <source>The database was not updated because the backup before the update failed: %1</source>
        <translation>La base de datos no se actualizó porque falló la copia de seguridad previa: %1</translation>
    </message>
    <message>
        <source>%1 is on a network file system (%2). SQLite's locking is not reliable there: keep the database on a local disk and share it with Export Database.</source>
        <translation>%1 está en un sistema de archivos de red (%2). Los bloqueos de SQLite no son fiables allí: guarda la base de datos en un disco local y compártela con Exportar base de datos.</translation>
    </message>
    <message>
        <source>Could not write to %1: %2</source>
        <translation>No se pudo escribir en %1: %2</translation>
    </message>
    <message>
        <source>A database opened read-only cannot be replaced.</source>
        <translation>Una base de datos abierta en modo de solo lectura no se puede reemplazar.</translation>
    </message>
    <message>
        <source>The restore was not done: the current database could not be kept at %1.</source>
        <translation>No se restauró: no se pudo conservar la base de datos actual en %1.</translation>
    </message>
    <message>
        <source>The restore was not done: %1 could not be moved into place.</source>
        <translation>No se restauró: no se pudo colocar %1 en su sitio.</translation>
    </message>
    <message>
        <source>The restored database could not be opened (%1); the previous database is back in use.</source>
        <translation>No se pudo abrir la base de datos restaurada (%1); se vuelve a usar la anterior.</translation>
    </message>
    <message>
        <source>%1 is read-only (%2): LUX can only open it for viewing, and this would change it. Nothing was changed.</source>
        <translation>%1 es de solo lectura (%2): LUX solo puede abrirla para consulta, y esto la modificaría. No se cambió nada.</translation>
    </message>
    <message>
        <source>LUX could not create its lock file beside the database.</source>
        <translation>LUX no pudo crear su archivo de bloqueo junto a la base de datos.</translation>
    </message>
    <message>
        <source>the database could not be opened for writing.</source>
        <translation>no se pudo abrir la base de datos para escribir.</translation>
    </message>
    <message>
        <source>%1 is read-only (%2): LUX opened it for viewing; changes are disabled.</source>
        <translation>%1 es de solo lectura (%2): LUX la abrió para consulta; los cambios están desactivados.</translation>
    </message>
</context>
<context>
    <name>lux::HtmlLimits</name>
    <message>
        <source>%1 is %2 characters long; the limit is %3 (Gmail clips a message at 102 KB).</source>
        <translation>%1 tiene %2 caracteres; el límite es %3 (Gmail recorta un mensaje a partir de 102 KB).</translation>
    </message>
    <message>
        <source>%1 nests elements more than %2 deep: line %3, column %4, &lt;%5&gt;.</source>
        <translation>%1 anida elementos a más de %2 niveles: línea %3, columna %4, &lt;%5&gt;.</translation>
    </message>
</context>
<context>
    <name>lux::InputFile</name>
    <message>
        <source>a folder</source>
        <translation>una carpeta</translation>
    </message>
    <message>
        <source>a pipe (FIFO)</source>
        <translation>una tubería (FIFO)</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>un dispositivo</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>un socket</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>no es un archivo normal</translation>
    </message>
    <message>
        <source>Cannot open %1: %2.</source>
        <translation>No se puede abrir %1: %2.</translation>
    </message>
    <message>
        <source>%1 is %2, not a file that can be read.</source>
        <translation>%1 es %2, no un archivo que se pueda leer.</translation>
    </message>
    <message>
        <source>%1 is %2; the limit for this kind of file is %3.</source>
        <translation>%1 ocupa %2; el límite para este tipo de archivo es %3.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>No se puede leer %1: %2.</translation>
    </message>
    <message>
        <source>%1 is larger than the limit for this kind of file, %2.</source>
        <translation>%1 supera el límite para este tipo de archivo, %2.</translation>
    </message>
</context>
<context>
    <name>lux::SaveFile</name>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>No se pudo escribir %1: %2</translation>
    </message>
    <message>
        <source>%1 could not be written: the disk is full.</source>
        <translation>No se pudo escribir %1: el disco está lleno.</translation>
    </message>
    <message>
        <source>the folder %1 does not exist.</source>
        <translation>la carpeta %1 no existe.</translation>
    </message>
</context>
<context>
    <name>lux::SecretStore</name>
    <message>
        <source>No secret is stored for %1.</source>
        <translation>No hay ningún secreto guardado para %1.</translation>
    </message>
    <message>
        <source>The keychain refused access to %1: %2</source>
        <translation>El llavero denegó el acceso a %1: %2</translation>
    </message>
    <message>
        <source>The keychain failed for %1: %2</source>
        <translation>El llavero falló con %1: %2</translation>
    </message>
    <message>
        <source>No keychain is available, so the secret was not stored. Start your desktop's keyring (GNOME Keyring, KWallet or another Secret Service) and try again; headless runs can pass secrets as LUX_SECRET_&lt;NAME&gt; environment variables.</source>
        <translation>No hay ningún llavero disponible, así que el secreto no se guardó. Inicia el llavero de tu escritorio (GNOME Keyring, KWallet u otro Secret Service) y vuelve a intentarlo; las ejecuciones sin pantalla pueden pasar los secretos en variables de entorno LUX_SECRET_&lt;NAME&gt;.</translation>
    </message>
</context>
<context>
    <name>lux::Settings</name>
    <message>
        <source>%1 belongs to a database, and none is open.</source>
        <translation>%1 pertenece a una base de datos y no hay ninguna abierta.</translation>
    </message>
    <message>
        <source>%1 was not changed: the database is open read-only.</source>
        <translation>No se cambió %1: la base de datos está abierta en modo de solo lectura.</translation>
    </message>
    <message>
        <source>%1 has no database id yet; open it for writing once.</source>
        <translation>%1 aún no tiene identificador de base de datos; ábrela una vez para escritura.</translation>
    </message>
</context>
<context>
    <name>lux::UserService</name>
    <message>
        <source>There is no user with id %1.</source>
        <translation>No hay ningún usuario con el id %1.</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>Escribe un nombre.</translation>
    </message>
    <message>
        <source>The name is longer than 200 characters.</source>
        <translation>El nombre tiene más de 200 caracteres.</translation>
    </message>
    <message>
        <source>"%1" is not an email address (expected name@example.com).</source>
        <translation>«%1» no es una dirección de correo (se esperaba nombre@ejemplo.com).</translation>
    </message>
    <message numerus="yes">
        <source>The password needs at least %n characters.</source>
        <translation><numerusform>La contraseña necesita al menos %n carácter.</numerusform><numerusform>La contraseña necesita al menos %n caracteres.</numerusform></translation>
    </message>
    <message>
        <source>The password cannot be only spaces.</source>
        <translation>La contraseña no puede tener solo espacios.</translation>
    </message>
    <message>
        <source>Only an administrator can manage users.</source>
        <translation>Solo un administrador puede gestionar usuarios.</translation>
    </message>
    <message>
        <source>This database already has users: an administrator must create new accounts.</source>
        <translation>Esta base de datos ya tiene usuarios: las cuentas nuevas las crea un administrador.</translation>
    </message>
    <message>
        <source>A user with the email %1 already exists.</source>
        <translation>Ya existe un usuario con el correo %1.</translation>
    </message>
    <message>
        <source>You cannot disable your own account.</source>
        <translation>No puedes desactivar tu propia cuenta.</translation>
    </message>
    <message>
        <source>The last active administrator cannot be disabled.</source>
        <translation>No se puede desactivar al último administrador activo.</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed attempts. Try again in %n second(s).</source>
        <translation><numerusform>Demasiados intentos fallidos. Vuelve a intentarlo dentro de %n segundo.</numerusform><numerusform>Demasiados intentos fallidos. Vuelve a intentarlo dentro de %n segundos.</numerusform></translation>
    </message>
    <message>
        <source>The email or password is not correct.</source>
        <translation>El correo o la contraseña no son correctos.</translation>
    </message>
    <message>
        <source>This account is disabled. Ask an administrator.</source>
        <translation>Esta cuenta está desactivada. Pide ayuda a un administrador.</translation>
    </message>
    <message numerus="yes">
        <source>The email or password is not correct. Try again in %n second(s).</source>
        <translation><numerusform>El correo o la contraseña no son correctos. Vuelve a intentarlo dentro de %n segundo.</numerusform><numerusform>El correo o la contraseña no son correctos. Vuelve a intentarlo dentro de %n segundos.</numerusform></translation>
    </message>
    <message>
        <source>The account no longer exists or is disabled.</source>
        <translation>La cuenta ya no existe o está desactivada.</translation>
    </message>
    <message>
        <source>The saved sign-in is no longer valid.</source>
        <translation>El inicio de sesión guardado ya no es válido.</translation>
    </message>
</context>
<context>
    <name>lux::analytics::CampaignReport</name>
    <message>
        <source>Campaign</source>
        <translation>Campaña</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Machines</source>
        <translation>Máquinas</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Destinatarios</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviados</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallidos</translation>
    </message>
    <message>
        <source>Unique opens</source>
        <translation>Aperturas únicas</translation>
    </message>
    <message>
        <source>Total opens</source>
        <translation>Aperturas totales</translation>
    </message>
    <message>
        <source>Unique clicks</source>
        <translation>Clics únicos</translation>
    </message>
    <message>
        <source>Total clicks</source>
        <translation>Clics totales</translation>
    </message>
    <message>
        <source>Unsubscribes</source>
        <translation>Bajas</translation>
    </message>
    <message>
        <source>Open rate (%)</source>
        <translation>Tasa de apertura (%)</translation>
    </message>
    <message>
        <source>Click rate (%)</source>
        <translation>Tasa de clics (%)</translation>
    </message>
    <message>
        <source>Click-to-open rate (%)</source>
        <translation>Clics sobre aperturas (%)</translation>
    </message>
    <message>
        <source>Unsubscribe rate (%)</source>
        <translation>Tasa de bajas (%)</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Enlace</translation>
    </message>
    <message>
        <source>Clicks by people</source>
        <translation>Clics de personas</translation>
    </message>
    <message>
        <source>Clicks by machines</source>
        <translation>Clics de máquinas</translation>
    </message>
    <message>
        <source>People who clicked</source>
        <translation>Personas que hicieron clic</translation>
    </message>
    <message>
        <source>From (UTC)</source>
        <translation>Desde (UTC)</translation>
    </message>
    <message>
        <source>Opens by people</source>
        <translation>Aperturas de personas</translation>
    </message>
    <message>
        <source>Opens by machines</source>
        <translation>Aperturas de máquinas</translation>
    </message>
    <message>
        <source>Hard bounces</source>
        <translation>Rebotes duros</translation>
    </message>
    <message>
        <source>Soft bounces</source>
        <translation>Rebotes blandos</translation>
    </message>
    <message>
        <source>Bounce rate (%)</source>
        <translation>Tasa de rebote (%)</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Respuestas</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <source>Anonymous counts: no figures per recipient</source>
        <translation>Recuentos anónimos: sin cifras por destinatario</translation>
    </message>
    <message>
        <source>Unreachable: the phone is off or out of coverage</source>
        <translation>Inalcanzable: el teléfono está apagado o sin cobertura</translation>
    </message>
    <message>
        <source>Blocked: the recipient or their carrier blocks the message</source>
        <translation>Bloqueado: el destinatario o su operador bloquea el mensaje</translation>
    </message>
    <message>
        <source>Unknown number: it does not exist or is no longer in service</source>
        <translation>Número desconocido: no existe o ya no está en servicio</translation>
    </message>
    <message>
        <source>Landline or unreachable carrier</source>
        <translation>Fijo u operador inalcanzable</translation>
    </message>
    <message>
        <source>Filtered by the carrier as spam</source>
        <translation>Filtrado por el operador como spam</translation>
    </message>
    <message>
        <source>Unknown error at the carrier</source>
        <translation>Error desconocido en el operador</translation>
    </message>
    <message>
        <source>The recipient replied STOP: Twilio sends nothing until they opt back in</source>
        <translation>El destinatario respondió STOP: Twilio no envía nada hasta que vuelva a darse de alta</translation>
    </message>
    <message>
        <source>Not a mobile number</source>
        <translation>No es un número móvil</translation>
    </message>
    <message>
        <source>Not a valid phone number</source>
        <translation>No es un número de teléfono válido</translation>
    </message>
    <message>
        <source>The account may not text this region (Geo Permissions)</source>
        <translation>La cuenta no puede enviar SMS a esta región (Geo Permissions)</translation>
    </message>
    <message>
        <source>Twilio cannot route a text between these two numbers</source>
        <translation>Twilio no puede encaminar un SMS entre estos dos números</translation>
    </message>
    <message>
        <source>On the SMS suppression list when its turn came</source>
        <translation>En la lista de supresión de SMS cuando le llegó el turno</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregados</translation>
    </message>
    <message>
        <source>Undelivered</source>
        <translation>No entregados</translation>
    </message>
    <message>
        <source>Failed after sending</source>
        <translation>Fallidos tras el envío</translation>
    </message>
    <message>
        <source>Delivery rate (%)</source>
        <translation>Tasa de entrega (%)</translation>
    </message>
    <message>
        <source>Opt-outs</source>
        <translation>Bajas</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Segmentos</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coste</translation>
    </message>
    <message>
        <source>Texts priced by Twilio</source>
        <translation>SMS con precio de Twilio</translation>
    </message>
    <message>
        <source>Texts priced by estimate</source>
        <translation>SMS con precio estimado</translation>
    </message>
    <message>
        <source>Texts without a price</source>
        <translation>SMS sin precio</translation>
    </message>
    <message>
        <source>Waiting for quiet hours to end</source>
        <translation>En espera de que acabe el horario de silencio</translation>
    </message>
    <message>
        <source>Last window opens (UTC)</source>
        <translation>La última ventana se abre (UTC)</translation>
    </message>
    <message>
        <source>Error code</source>
        <translation>Código de error</translation>
    </message>
    <message>
        <source>Texts</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Significado</translation>
    </message>
</context>
<context>
    <name>lux::analytics::OutboxReader</name>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>Exportación cancelada; no se escribió nada.</translation>
    </message>
</context>
<context>
    <name>lux::analytics::ReportBuilder</name>
    <message>
        <source>There is no campaign %1.</source>
        <translation>No existe la campaña %1.</translation>
    </message>
</context>
<context>
    <name>lux::assistant::Assistant</name>
    <message>
        <source>Stopped.</source>
        <translation>Detenido.</translation>
    </message>
    <message>
        <source>The model declined: %1</source>
        <translation>El modelo se negó: %1</translation>
    </message>
    <message>
        <source>The model's answer reached its length limit before the JSON was complete. Ask for something shorter.</source>
        <translation>La respuesta del modelo llegó a su límite de longitud antes de completar el JSON. Pide algo más corto.</translation>
    </message>
    <message numerus="yes">
        <source>The model kept asking for data after %n round(s) without answering. Ask again, more precisely.</source>
        <translation><numerusform>El modelo siguió pidiendo datos tras %n ronda sin responder. Pregunta otra vez, con más precisión.</numerusform><numerusform>El modelo siguió pidiendo datos tras %n rondas sin responder. Pregunta otra vez, con más precisión.</numerusform></translation>
    </message>
    <message>
        <source>The answer is not a JSON object.</source>
        <translation>La respuesta no es un objeto JSON.</translation>
    </message>
    <message>
        <source>The AI's answer was not what LUX asked for, even after a second try: %1</source>
        <translation>La respuesta de la IA no era lo que LUX pidió, ni siquiera al segundo intento: %1</translation>
    </message>
</context>
<context>
    <name>lux::assistant::AssistantSetup</name>
    <message>
        <source>The assistant's server address “%1” is not an http or https address (Settings → Assistant, or luxctl settings set openai.base_url).</source>
        <translation>La dirección del servidor del asistente «%1» no es una dirección http ni https (Ajustes → Asistente, o luxctl settings set openai.base_url).</translation>
    </message>
    <message>
        <source>The assistant's server “%1” is on the internet without https: the API key and your data would travel in the clear. Use an https address.</source>
        <translation>El servidor del asistente «%1» está en internet sin https: la clave de API y tus datos viajarían sin cifrar. Usa una dirección https.</translation>
    </message>
    <message>
        <source>No model is chosen for the assistant (Settings → Assistant).</source>
        <translation>No hay ningún modelo elegido para el asistente (Ajustes → Asistente).</translation>
    </message>
    <message>
        <source>There is no API key for the assistant. Enter it in Settings → Assistant (or luxctl settings secret openai.api_key).</source>
        <translation>No hay clave de API para el asistente. Introdúcela en Ajustes → Asistente (o luxctl settings secret openai.api_key).</translation>
    </message>
</context>
<context>
    <name>lux::assistant::AssistantTools</name>
    <message>
        <source>audience statistics</source>
        <translation>estadísticas de la audiencia</translation>
    </message>
    <message>
        <source>engagement figures</source>
        <translation>cifras de interacción</translation>
    </message>
    <message numerus="yes">
        <source>%n campaign report(s)</source>
        <translation><numerusform>%n informe de campaña</numerusform><numerusform>%n informes de campaña</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n template(s)</source>
        <translation><numerusform>%n plantilla</numerusform><numerusform>%n plantillas</numerusform></translation>
    </message>
    <message>
        <source>the brand kit</source>
        <translation>el kit de marca</translation>
    </message>
    <message>
        <source>the brand kit (empty)</source>
        <translation>el kit de marca (vacío)</translation>
    </message>
    <message numerus="yes">
        <source>%n product(s)</source>
        <translation><numerusform>%n producto</numerusform><numerusform>%n productos</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation><numerusform>%n contacto</numerusform><numerusform>%n contactos</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::assistant::ConversationStore</name>
    <message>
        <source>New conversation</source>
        <translation>Conversación nueva</translation>
    </message>
    <message>
        <source>There is no conversation %1.</source>
        <translation>No existe la conversación %1.</translation>
    </message>
    <message>
        <source>A conversation needs a title.</source>
        <translation>Una conversación necesita un título.</translation>
    </message>
    <message>
        <source>used: %1</source>
        <translation>usado: %1</translation>
    </message>
</context>
<context>
    <name>lux::assistant::Drafts</name>
    <message>
        <source>“%1” has %2 characters, more than %3</source>
        <translation>«%1» tiene %2 caracteres, más de %3</translation>
    </message>
    <message>
        <source>a subject line is empty</source>
        <translation>un asunto está vacío</translation>
    </message>
    <message>
        <source>“%1” is longer than 120 characters</source>
        <translation>«%1» tiene más de 120 caracteres</translation>
    </message>
    <message>
        <source>“%1” is there twice</source>
        <translation>«%1» aparece dos veces</translation>
    </message>
    <message numerus="yes">
        <source>the text takes %n segment(s) (%1, %2 characters), more than the %3 asked for</source>
        <translation><numerusform>el texto ocupa %n segmento (%1, %2 caracteres), más de los %3 pedidos</numerusform><numerusform>el texto ocupa %n segmentos (%1, %2 caracteres), más de los %3 pedidos</numerusform></translation>
    </message>
    <message>
        <source>the caption is empty</source>
        <translation>el texto está vacío</translation>
    </message>
</context>
<context>
    <name>lux::assistant::FactGuard</name>
    <message>
        <source>SKU %1 is not in the synced catalogue.</source>
        <translation>El SKU %1 no está en el catálogo sincronizado.</translation>
    </message>
    <message>
        <source>"%1" is not the name of a product in the catalogue; the nearest is "%2".</source>
        <translation>«%1» no es el nombre de ningún producto del catálogo; el más parecido es «%2».</translation>
    </message>
    <message>
        <source>%1 is not in the store's currency (%2).</source>
        <translation>%1 no está en la moneda de la tienda (%2).</translation>
    </message>
    <message>
        <source>%1 is not next to a product from the catalogue: confirm that it is right.</source>
        <translation>%1 no está junto a ningún producto del catálogo: confirma que es correcto.</translation>
    </message>
    <message>
        <source>%1 is not the price of %2: it costs %3 (on sale, regularly %4).</source>
        <translation>%1 no es el precio de %2: cuesta %3 (en oferta; precio habitual %4).</translation>
    </message>
    <message>
        <source>%1 is not the price of %2: it costs %3.</source>
        <translation>%1 no es el precio de %2: cuesta %3.</translation>
    </message>
</context>
<context>
    <name>lux::assistant::JsonSchema</name>
    <message>
        <source>The schema is nested deeper than %1 levels at %2.</source>
        <translation>El esquema está anidado a más de %1 niveles en %2.</translation>
    </message>
    <message>
        <source>an object or a boolean</source>
        <translation>un objeto o un booleano</translation>
    </message>
    <message>
        <source>The reference “%1” at %2 points to no schema in this document.</source>
        <translation>La referencia «%1» en %2 no apunta a ningún esquema de este documento.</translation>
    </message>
    <message>
        <source>The schema at %1 must be %2.</source>
        <translation>El esquema en %1 debe ser %2.</translation>
    </message>
    <message>
        <source>“%1” at %2 must be %3.</source>
        <translation>«%1» en %2 debe ser %3.</translation>
    </message>
    <message>
        <source>a non-negative integer</source>
        <translation>un entero no negativo</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un número</translation>
    </message>
    <message>
        <source>a non-empty array of schemas</source>
        <translation>una matriz no vacía de esquemas</translation>
    </message>
    <message>
        <source>“$id” is only supported at the root of the schema; found at %1.</source>
        <translation>«$id» solo se admite en la raíz del esquema; aparece en %1.</translation>
    </message>
    <message>
        <source>a type name or an array of type names</source>
        <translation>un nombre de tipo o una matriz de nombres de tipo</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>una matriz</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>un objeto</translation>
    </message>
    <message>
        <source>an array of strings</source>
        <translation>una matriz de cadenas</translation>
    </message>
    <message>
        <source>“items” at %1 is an array, the tuple form of older drafts; use “prefixItems”.</source>
        <translation>«items» en %1 es una matriz, la forma de tupla de borradores anteriores; usa «prefixItems».</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>un booleano</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>una cadena</translation>
    </message>
    <message>
        <source>The pattern at %1 is not a valid regular expression: %2.</source>
        <translation>El patrón en %1 no es una expresión regular válida: %2.</translation>
    </message>
    <message>
        <source>a number greater than 0</source>
        <translation>un número mayor que 0</translation>
    </message>
    <message>
        <source>Only references inside the schema (“#” or “#/…”) are supported; “%1” at %2 is not one.</source>
        <translation>Solo se admiten referencias dentro del esquema («#» o «#/…»); «%1» en %2 no lo es.</translation>
    </message>
    <message>
        <source>The JSON Schema keyword “%1” at %2 is not supported.</source>
        <translation>La palabra clave de JSON Schema «%1» en %2 no está admitida.</translation>
    </message>
    <message>
        <source>The reference “%1” at %2 loops back to itself without looking any deeper into the answer.</source>
        <translation>La referencia «%1» en %2 vuelve sobre sí misma sin avanzar en la respuesta.</translation>
    </message>
    <message>
        <source>%1: nested deeper than %2 levels</source>
        <translation>%1: anidado a más de %2 niveles</translation>
    </message>
    <message>
        <source>%1: no value is allowed here</source>
        <translation>%1: aquí no se admite ningún valor</translation>
    </message>
    <message>
        <source>%1: expected %2, got %3</source>
        <translation>%1: se esperaba %2 y llegó %3</translation>
    </message>
    <message>
        <source>%1: not the required value</source>
        <translation>%1: no es el valor exigido</translation>
    </message>
    <message>
        <source>%1: not one of the allowed values</source>
        <translation>%1: no es ninguno de los valores permitidos</translation>
    </message>
    <message>
        <source>%1: matches none of the allowed alternatives</source>
        <translation>%1: no coincide con ninguna de las alternativas permitidas</translation>
    </message>
    <message>
        <source>%1: matches none of the alternatives</source>
        <translation>%1: no coincide con ninguna de las alternativas</translation>
    </message>
    <message>
        <source>%1: matches more than one alternative</source>
        <translation>%1: coincide con más de una alternativa</translation>
    </message>
    <message>
        <source>%1: matches a schema it must not match</source>
        <translation>%1: coincide con un esquema con el que no debe coincidir</translation>
    </message>
    <message numerus="yes">
        <source>%1: shorter than %n character(s)</source>
        <translation><numerusform>%1: tiene menos de %n carácter</numerusform><numerusform>%1: tiene menos de %n caracteres</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1: longer than %n character(s)</source>
        <translation><numerusform>%1: tiene más de %n carácter</numerusform><numerusform>%1: tiene más de %n caracteres</numerusform></translation>
    </message>
    <message>
        <source>%1: does not match the pattern %2</source>
        <translation>%1: no coincide con el patrón %2</translation>
    </message>
    <message>
        <source>%1: less than %2</source>
        <translation>%1: es menor que %2</translation>
    </message>
    <message>
        <source>%1: greater than %2</source>
        <translation>%1: es mayor que %2</translation>
    </message>
    <message>
        <source>%1: not greater than %2</source>
        <translation>%1: no es mayor que %2</translation>
    </message>
    <message>
        <source>%1: not less than %2</source>
        <translation>%1: no es menor que %2</translation>
    </message>
    <message>
        <source>%1: not a multiple of %2</source>
        <translation>%1: no es múltiplo de %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: fewer than %n item(s)</source>
        <translation><numerusform>%1: tiene menos de %n elemento</numerusform><numerusform>%1: tiene menos de %n elementos</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1: more than %n item(s)</source>
        <translation><numerusform>%1: tiene más de %n elemento</numerusform><numerusform>%1: tiene más de %n elementos</numerusform></translation>
    </message>
    <message>
        <source>%1: items %2 and %3 are the same</source>
        <translation>%1: los elementos %2 y %3 son iguales</translation>
    </message>
    <message>
        <source>%1: the property “%2” is missing</source>
        <translation>%1: falta la propiedad «%2»</translation>
    </message>
    <message>
        <source>%1: a property that is not allowed here</source>
        <translation>%1: esta propiedad no está permitida aquí</translation>
    </message>
    <message>
        <source>The answer is not valid JSON at offset %1: %2.</source>
        <translation>La respuesta no es JSON válido en la posición %1: %2.</translation>
    </message>
    <message>
        <source>The answer does not have the expected structure: %1.</source>
        <translation>La respuesta no tiene la estructura esperada: %1.</translation>
    </message>
    <message>
        <source>%1: boolean schemas are not supported in strict mode</source>
        <translation>%1: el modo estricto no admite esquemas booleanos</translation>
    </message>
    <message>
        <source>%1: objects nested more than %2 levels deep</source>
        <translation>%1: objetos anidados a más de %2 niveles</translation>
    </message>
    <message>
        <source>%1: an object needs “additionalProperties”: false</source>
        <translation>%1: un objeto necesita «additionalProperties»: false</translation>
    </message>
    <message>
        <source>%1: the property “%2” is not listed in “required” (make it nullable instead)</source>
        <translation>%1: la propiedad «%2» no figura en «required» (hazla anulable en su lugar)</translation>
    </message>
    <message>
        <source>%1: “%2” is not supported in strict mode</source>
        <translation>%1: el modo estricto no admite «%2»</translation>
    </message>
    <message>
        <source>#: the root must be an object schema (“type”: “object”)</source>
        <translation>#: la raíz debe ser un esquema de objeto («type»: «object»)</translation>
    </message>
    <message>
        <source>#: the root must not be “anyOf”</source>
        <translation>#: la raíz no puede ser «anyOf»</translation>
    </message>
    <message>
        <source>The schema has %1 object properties; strict mode allows %2.</source>
        <translation>El esquema tiene %1 propiedades de objeto; el modo estricto admite %2.</translation>
    </message>
    <message>
        <source>The schema has %1 enum values; strict mode allows %2.</source>
        <translation>El esquema tiene %1 valores de enumeración; el modo estricto admite %2.</translation>
    </message>
</context>
<context>
    <name>lux::assistant::MediaStore</name>
    <message>
        <source>The image “%1” is %2 MB; images in emails must be under %3 MB.</source>
        <translation>La imagen «%1» ocupa %2 MB; las imágenes de los correos deben ocupar menos de %3 MB.</translation>
    </message>
    <message>
        <source>“%1” is not a PNG, JPEG or GIF image.</source>
        <translation>«%1» no es una imagen PNG, JPEG ni GIF.</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <source>There is no image %1 in the media library.</source>
        <translation>No hay ninguna imagen %1 en la biblioteca de medios.</translation>
    </message>
</context>
<context>
    <name>lux::assistant::SeoDrafts</name>
    <message>
        <source>the keyphrase is empty</source>
        <translation>la frase clave está vacía</translation>
    </message>
    <message>
        <source>“%1”: %2</source>
        <translation>«%1»: %2</translation>
    </message>
</context>
<context>
    <name>lux::automations::AutomationStore</name>
    <message>
        <source>There is no workflow “%1”.</source>
        <translation>No existe el flujo de trabajo «%1».</translation>
    </message>
    <message>
        <source>The draft of “%1” cannot be read: %2</source>
        <translation>No se puede leer el borrador de «%1»: %2</translation>
    </message>
    <message>
        <source>The workflow needs a name.</source>
        <translation>El flujo de trabajo necesita un nombre.</translation>
    </message>
    <message>
        <source>A workflow named “%1” exists already.</source>
        <translation>Ya existe un flujo de trabajo llamado «%1».</translation>
    </message>
    <message>
        <source>Contacts have gone through this workflow: archive it instead, so their journeys stay.</source>
        <translation>Hay contactos que han pasado por este flujo de trabajo: archívalo en su lugar para que se conserven sus recorridos.</translation>
    </message>
    <message>
        <source>There is no workflow %1.</source>
        <translation>No existe el flujo de trabajo %1.</translation>
    </message>
    <message>
        <source>Step “%1”</source>
        <translation>Paso «%1»</translation>
    </message>
    <message>
        <source>%1: there is no template %2.</source>
        <translation>%1: no existe la plantilla %2.</translation>
    </message>
    <message>
        <source>%1: %2 is not a sender mailbox.</source>
        <translation>%1: %2 no es un buzón remitente.</translation>
    </message>
    <message>
        <source>%1: %2 is not a sending number.</source>
        <translation>%1: %2 no es un número remitente.</translation>
    </message>
    <message>
        <source>The trigger's segment “%1” does not exist.</source>
        <translation>El segmento del disparador, «%1», no existe.</translation>
    </message>
    <message>
        <source>“%1” is archived.</source>
        <translation>«%1» está archivado.</translation>
    </message>
    <message>
        <source>step “%1”: %2</source>
        <translation>paso «%1»: %2</translation>
    </message>
    <message>
        <source>“%1” cannot be published yet: %2</source>
        <translation>«%1» aún no se puede publicar: %2</translation>
    </message>
    <message>
        <source>Workflow %1 has no version %2.</source>
        <translation>El flujo de trabajo %1 no tiene versión %2.</translation>
    </message>
    <message>
        <source>“%1” is %2: it cannot become %3.</source>
        <translation>«%1» está en estado %2: no puede pasar a %3.</translation>
    </message>
    <message>
        <source>“%1” has never been published.</source>
        <translation>«%1» nunca se ha publicado.</translation>
    </message>
    <message>
        <source>Version %1 has no step “%2” to move people to.</source>
        <translation>La versión %1 no tiene ningún paso «%2» al que mover a las personas.</translation>
    </message>
    <message>
        <source>Version %1 has no “%2”: left the workflow.</source>
        <translation>La versión %1 no tiene «%2»: salió del flujo de trabajo.</translation>
    </message>
    <message>
        <source>Moved to version %1 at “%2”.</source>
        <translation>Movido a la versión %1, en «%2».</translation>
    </message>
    <message>
        <source>The workflow was archived.</source>
        <translation>El flujo se archivó.</translation>
    </message>
</context>
<context>
    <name>lux::automations::Engine</name>
    <message>
        <source>A workflow cannot change %1.</source>
        <translation>Un flujo de trabajo no puede cambiar %1.</translation>
    </message>
    <message>
        <source>The step “%1” has no campaign to send with.</source>
        <translation>El paso «%1» no tiene ninguna campaña con la que enviar.</translation>
    </message>
    <message>
        <source>Enrollment %1 moved meanwhile.</source>
        <translation>La inscripción %1 avanzó mientras tanto.</translation>
    </message>
    <message>
        <source>The contact was added.</source>
        <translation>Se añadió el contacto.</translation>
    </message>
    <message>
        <source>Tagged “%1”.</source>
        <translation>Etiquetado con «%1».</translation>
    </message>
    <message>
        <source>Opened an email.</source>
        <translation>Abrió un correo.</translation>
    </message>
    <message>
        <source>Clicked a link in an email.</source>
        <translation>Hizo clic en un enlace de un correo.</translation>
    </message>
    <message>
        <source>Clicked a link in a text.</source>
        <translation>Hizo clic en un enlace de un SMS.</translation>
    </message>
    <message>
        <source>Texted “%1”.</source>
        <translation>Envió «%1» por SMS.</translation>
    </message>
    <message>
        <source>Event registration: %1.</source>
        <translation>Inscripción en un evento: %1.</translation>
    </message>
    <message>
        <source>Entered the segment “%1”.</source>
        <translation>Entró en el segmento «%1».</translation>
    </message>
    <message>
        <source>Workflow %1 is not active: publish it (or resume it) first.</source>
        <translation>El flujo de trabajo %1 no está activo: publícalo (o reanúdalo) antes.</translation>
    </message>
    <message>
        <source>Enrolled by hand.</source>
        <translation>Inscrito a mano.</translation>
    </message>
    <message>
        <source>Anniversary of %1.</source>
        <translation>Aniversario de %1.</translation>
    </message>
    <message>
        <source>Workflow %1: a step failed and is tried again in five minutes: %2</source>
        <translation>Flujo %1: un paso falló y se vuelve a intentar dentro de cinco minutos: %2</translation>
    </message>
    <message>
        <source>The address no longer takes marketing email (%1).</source>
        <translation>La dirección ya no recibe correo de marketing (%1).</translation>
    </message>
    <message>
        <source>Workflows: what happened to contact %1 (%2) could not be handled: %3</source>
        <translation>Flujos: no se pudo atender lo ocurrido al contacto %1 (%2): %3</translation>
    </message>
    <message>
        <source>Workflow %1: contact %2's anniversary: %3</source>
        <translation>Flujo %1: aniversario del contacto %2: %3</translation>
    </message>
</context>
<context>
    <name>lux::automations::FlowCheck</name>
    <message>
        <source>the condition's type must be tag, segment, field, engagement, event, all or any.</source>
        <translation>el tipo de la condición debe ser tag, segment, field, engagement, event, all o any.</translation>
    </message>
    <message>
        <source>“all” and “any” need the conditions they combine in “of”.</source>
        <translation>«all» y «any» necesitan en «of» las condiciones que combinan.</translation>
    </message>
    <message>
        <source>the condition needs a tag.</source>
        <translation>la condición necesita una etiqueta.</translation>
    </message>
    <message>
        <source>the condition needs a segment.</source>
        <translation>la condición necesita un segmento.</translation>
    </message>
    <message>
        <source>the condition needs a field.</source>
        <translation>la condición necesita un campo.</translation>
    </message>
    <message>
        <source>“%1” is not a comparison: use one of %2.</source>
        <translation>«%1» no es una comparación: usa una de estas: %2.</translation>
    </message>
    <message>
        <source>the event must be opened, clicked, registered or replied.</source>
        <translation>el evento debe ser opened, clicked, registered o replied.</translation>
    </message>
    <message>
        <source>within_days must be between 0 and 3650.</source>
        <translation>within_days debe estar entre 0 y 3650.</translation>
    </message>
    <message>
        <source>has the tag “%1”</source>
        <translation>tiene la etiqueta «%1»</translation>
    </message>
    <message>
        <source>is in the segment “%1”</source>
        <translation>está en el segmento «%1»</translation>
    </message>
    <message>
        <source>%1 is empty</source>
        <translation>%1 está vacío</translation>
    </message>
    <message>
        <source>%1 is not empty</source>
        <translation>%1 no está vacío</translation>
    </message>
    <message>
        <source>%1 is not “%2”</source>
        <translation>%1 no es «%2»</translation>
    </message>
    <message>
        <source>%1 contains “%2”</source>
        <translation>%1 contiene «%2»</translation>
    </message>
    <message>
        <source>%1 is more than %2</source>
        <translation>%1 es mayor que %2</translation>
    </message>
    <message>
        <source>%1 is less than %2</source>
        <translation>%1 es menor que %2</translation>
    </message>
    <message>
        <source>%1 is “%2”</source>
        <translation>%1 es «%2»</translation>
    </message>
    <message numerus="yes">
        <source>%1 an email in the last %n day(s)</source>
        <translation><numerusform>%1 un correo en el último %n día</numerusform><numerusform>%1 un correo en los últimos %n días</numerusform></translation>
    </message>
    <message>
        <source>%1 an email</source>
        <translation>%1 un correo</translation>
    </message>
    <message>
        <source>%1 (in this workflow)</source>
        <translation>%1 (en este flujo de trabajo)</translation>
    </message>
    <message>
        <source> and </source>
        <translation> y </translation>
    </message>
    <message>
        <source> or </source>
        <translation> o </translation>
    </message>
    <message>
        <source>not (%1)</source>
        <translation>no (%1)</translation>
    </message>
    <message>
        <source>the workflow needs a name.</source>
        <translation>el flujo de trabajo necesita un nombre.</translation>
    </message>
    <message>
        <source>the name is longer than 200 characters.</source>
        <translation>el nombre tiene más de 200 caracteres.</translation>
    </message>
    <message>
        <source>trigger</source>
        <translation>disparador</translation>
    </message>
    <message>
        <source>“%1” is not a trigger.</source>
        <translation>«%1» no es un disparador.</translation>
    </message>
    <message>
        <source>status must be registered, confirmed or attended.</source>
        <translation>status debe ser registered, confirmed o attended.</translation>
    </message>
    <message>
        <source>time must be HH:MM.</source>
        <translation>time debe tener el formato HH:MM.</translation>
    </message>
    <message>
        <source>entry</source>
        <translation>entrada</translation>
    </message>
    <message>
        <source>rule must be once, again or any.</source>
        <translation>rule debe ser once, again o any.</translation>
    </message>
    <message>
        <source>gap must be a duration such as “30d”, “12h” or “90m”.</source>
        <translation>gap debe ser una duración como «30d», «12h» o «90m».</translation>
    </message>
    <message>
        <source>a workflow has at most 500 steps.</source>
        <translation>un flujo de trabajo tiene como máximo 500 pasos.</translation>
    </message>
    <message>
        <source>step %1 (“%2”)</source>
        <translation>paso %1 («%2»)</translation>
    </message>
    <message>
        <source>id must be 1 to 40 letters, digits, “-” or “_”.</source>
        <translation>id debe tener de 1 a 40 letras, dígitos, «-» o «_».</translation>
    </message>
    <message>
        <source>another step has this id.</source>
        <translation>otro paso tiene este id.</translation>
    </message>
    <message>
        <source>“%1” is not a kind of step.</source>
        <translation>«%1» no es un tipo de paso.</translation>
    </message>
    <message>
        <source>duration must be a duration such as “2d”, “4h” or “30m”.</source>
        <translation>duration debe ser una duración como «2d», «4h» o «30m».</translation>
    </message>
    <message>
        <source>timeout must be a duration such as “3d”.</source>
        <translation>timeout debe ser una duración como «3d».</translation>
    </message>
    <message>
        <source>“%1” is not a weekday (mon … sun).</source>
        <translation>«%1» no es un día de la semana (mon … sun).</translation>
    </message>
    <message>
        <source>The workflow needs a name.</source>
        <translation>El flujo de trabajo necesita un nombre.</translation>
    </message>
    <message>
        <source>The trigger needs the tag it waits for.</source>
        <translation>El disparador necesita la etiqueta que espera.</translation>
    </message>
    <message>
        <source>The trigger needs a segment.</source>
        <translation>El disparador necesita un segmento.</translation>
    </message>
    <message>
        <source>The trigger needs the keyword people text.</source>
        <translation>El disparador necesita la palabra clave que la gente envía por SMS.</translation>
    </message>
    <message>
        <source>The trigger needs the date field whose anniversary it is.</source>
        <translation>El disparador necesita el campo de fecha del que se cumple el aniversario.</translation>
    </message>
    <message>
        <source>The workflow has no steps.</source>
        <translation>El flujo de trabajo no tiene pasos.</translation>
    </message>
    <message>
        <source>The first step “%1” does not exist.</source>
        <translation>El primer paso, «%1», no existe.</translation>
    </message>
    <message>
        <source>It goes on to “%1”, which does not exist.</source>
        <translation>Continúa en «%1», que no existe.</translation>
    </message>
    <message>
        <source>Choose the email template it sends.</source>
        <translation>Elige la plantilla de correo que envía.</translation>
    </message>
    <message>
        <source>The email needs a subject.</source>
        <translation>El correo necesita un asunto.</translation>
    </message>
    <message>
        <source>Choose the mailbox it is sent from.</source>
        <translation>Elige el buzón desde el que se envía.</translation>
    </message>
    <message>
        <source>The text message is empty.</source>
        <translation>El SMS está vacío.</translation>
    </message>
    <message>
        <source>Choose the number it is sent from.</source>
        <translation>Elige el número desde el que se envía.</translation>
    </message>
    <message>
        <source>Say what the notification tells you.</source>
        <translation>Indica qué te dice la notificación.</translation>
    </message>
    <message>
        <source>Name a tag to add or to remove.</source>
        <translation>Indica una etiqueta que añadir o quitar.</translation>
    </message>
    <message>
        <source>Choose the field it sets.</source>
        <translation>Elige el campo que establece.</translation>
    </message>
    <message>
        <source>The wait needs a duration.</source>
        <translation>La espera necesita una duración.</translation>
    </message>
    <message>
        <source>Choose what it waits for: opened, clicked, registered or replied.</source>
        <translation>Elige qué espera: opened, clicked, registered o replied.</translation>
    </message>
    <message>
        <source>The wait needs a timeout, or someone who never acts waits forever.</source>
        <translation>La espera necesita un tiempo límite; si no, quien nunca actúe esperará para siempre.</translation>
    </message>
    <message>
        <source>Nothing follows the timeout: people who do not act leave the workflow there.</source>
        <translation>No hay nada tras el tiempo límite: quien no actúe sale ahí del flujo de trabajo.</translation>
    </message>
    <message>
        <source>The condition has nothing to test.</source>
        <translation>La condición no tiene nada que comprobar.</translation>
    </message>
    <message>
        <source>The goal needs what reaching it means.</source>
        <translation>El objetivo necesita indicar qué significa alcanzarlo.</translation>
    </message>
    <message>
        <source>Each branch of a split needs a share above 0 %.</source>
        <translation>Cada rama de una división necesita una parte mayor que 0 %.</translation>
    </message>
    <message>
        <source>A split needs at least two branches.</source>
        <translation>Una división necesita al menos dos ramas.</translation>
    </message>
    <message>
        <source>The branches add up to %1 %, not 100 %.</source>
        <translation>Las ramas suman %1 %, no 100 %.</translation>
    </message>
    <message>
        <source>Nothing leads to this step.</source>
        <translation>Nada lleva a este paso.</translation>
    </message>
    <message>
        <source>This loop has no wait in it: someone entering it would go round for ever. Add a wait.</source>
        <translation>Este bucle no tiene ninguna espera: quien entrara en él daría vueltas para siempre. Añade una espera.</translation>
    </message>
    <message>
        <source>Another step's id differs only in capitals: step ids must differ in letters.</source>
        <translation>El identificador de otro paso solo se diferencia en mayúsculas: los identificadores deben diferenciarse en las letras.</translation>
    </message>
    <message>
        <source>An anniversary with the entry rule “once” enters each contact only the first year: choose “again after leaving”.</source>
        <translation>Un aniversario con la regla de entrada «una vez» inscribe a cada contacto solo el primer año: elige «de nuevo al salir».</translation>
    </message>
    <message>
        <source>A workflow cannot change %1: it is the contact's address, consent or history.</source>
        <translation>Un flujo no puede cambiar %1: es la dirección, el consentimiento o el historial del contacto.</translation>
    </message>
</context>
<context>
    <name>lux::automations::Interpreter</name>
    <message>
        <source>Nothing happened in time: “%1” not seen.</source>
        <translation>No pasó nada a tiempo: no se vio «%1».</translation>
    </message>
    <message>
        <source>Reached the end of the workflow.</source>
        <translation>Llegó al final del flujo de trabajo.</translation>
    </message>
    <message>
        <source>The step “%1” is not in this version.</source>
        <translation>El paso «%1» no está en esta versión.</translation>
    </message>
    <message numerus="yes">
        <source>Stopped after %n step(s) without a wait.</source>
        <translation><numerusform>Detenido tras %n paso sin una espera.</numerusform><numerusform>Detenido tras %n pasos sin una espera.</numerusform></translation>
    </message>
    <message>
        <source>Email “%1” queued.</source>
        <translation>Correo «%1» en cola.</translation>
    </message>
    <message>
        <source>Text message queued.</source>
        <translation>SMS en cola.</translation>
    </message>
    <message>
        <source>Not sent: the contact had today's most marketing messages on this channel.</source>
        <translation>No enviado: el contacto ya recibió hoy el máximo de mensajes de marketing por este canal.</translation>
    </message>
    <message>
        <source>Not sent: no address on this channel, or no consent for it.</source>
        <translation>No enviado: no hay dirección en este canal o no hay consentimiento para él.</translation>
    </message>
    <message>
        <source>Not sent: the address is on the suppression list.</source>
        <translation>No enviado: la dirección está en la lista de supresión.</translation>
    </message>
    <message>
        <source>Not sent: the contact unsubscribed.</source>
        <translation>No enviado: el contacto se dio de baja.</translation>
    </message>
    <message>
        <source>The contact unsubscribed: they leave workflows that send marketing.</source>
        <translation>El contacto se dio de baja: sale de los flujos de trabajo que envían marketing.</translation>
    </message>
    <message>
        <source>added %1</source>
        <translation>añadidas: %1</translation>
    </message>
    <message>
        <source>removed %1</source>
        <translation>quitadas: %1</translation>
    </message>
    <message>
        <source>Waits until %1 (UTC).</source>
        <translation>Espera hasta %1 (UTC).</translation>
    </message>
    <message>
        <source>Waits for “%1”.</source>
        <translation>Espera «%1».</translation>
    </message>
    <message>
        <source>Reached the goal.</source>
        <translation>Alcanzó el objetivo.</translation>
    </message>
    <message>
        <source>Left at an exit step.</source>
        <translation>Salió en un paso de salida.</translation>
    </message>
</context>
<context>
    <name>lux::automations::Simulator</name>
    <message>
        <source>The workflow has problems to fix before it can be simulated.</source>
        <translation>El flujo de trabajo tiene problemas que corregir antes de poder simularlo.</translation>
    </message>
    <message>
        <source>%1 on day %2: %3 of %4</source>
        <translation>%1 el día %2: %3 de %4</translation>
    </message>
</context>
<context>
    <name>lux::campaigns::AbStatistics</name>
    <message>
        <source>%1 and %2</source>
        <translation>%1 y %2</translation>
    </message>
    <message>
        <source>p &lt; %1</source>
        <translation>p &lt; %1</translation>
    </message>
    <message>
        <source>p = %1</source>
        <translation>p = %1</translation>
    </message>
    <message>
        <source>An A/B test compares 2 to 5 variants, not %1.</source>
        <translation>Una prueba A/B compara de 2 a 5 variantes, no %1.</translation>
    </message>
    <message>
        <source>Variant %1: counts cannot be negative (%2 sent, %3 successes).</source>
        <translation>Variante %1: los recuentos no pueden ser negativos (%2 enviados, %3 éxitos).</translation>
    </message>
    <message numerus="yes">
        <source>Variant %1: %Ln success(es) out of %2 sent.</source>
        <translation><numerusform>Variante %1: %Ln éxito de %2 enviados.</numerusform><numerusform>Variante %1: %Ln éxitos de %2 enviados.</numerusform></translation>
    </message>
    <message>
        <source>The significance level must be between 0 and 1, not %1.</source>
        <translation>El nivel de significación debe estar entre 0 y 1, no %1.</translation>
    </message>
    <message>
        <source>The significance level of the split check must be between 0 and 1, not %1.</source>
        <translation>El nivel de significación de la comprobación del reparto debe estar entre 0 y 1, no %1.</translation>
    </message>
    <message>
        <source>The minimum per variant cannot be negative (%1).</source>
        <translation>El mínimo por variante no puede ser negativo (%1).</translation>
    </message>
    <message numerus="yes">
        <source>The planned split has %n share(s) for %1 variants.</source>
        <translation><numerusform>El reparto previsto tiene %n parte para %1 variantes.</numerusform><numerusform>El reparto previsto tiene %n partes para %1 variantes.</numerusform></translation>
    </message>
    <message>
        <source>Variant %1: a planned share of %2; each share must be above 0 and below 1.</source>
        <translation>Variante %1: una parte prevista de %2; cada parte debe ser mayor que 0 y menor que 1.</translation>
    </message>
    <message>
        <source>The planned shares add up to %1, not 1.</source>
        <translation>Las partes previstas suman %1, no 1.</translation>
    </message>
    <message>
        <source>No winner: the split is not the planned one (%1 delivered, %2), which usually means a sending problem.</source>
        <translation>Sin ganador: el reparto no es el previsto (%1 entregados, %2), lo que suele indicar un problema en el envío.</translation>
    </message>
    <message>
        <source>You choose the winner: nothing has been delivered yet.</source>
        <translation>Tú eliges el ganador: aún no se ha entregado nada.</translation>
    </message>
    <message>
        <source>You choose the winner: %1 have the same rate, %2.</source>
        <translation>Tú eliges el ganador: %1 tienen la misma tasa, %2.</translation>
    </message>
    <message>
        <source>You choose the winner: %1 leads with %2 against %3 of people clicked (%4).</source>
        <translation>Tú eliges el ganador: %1 va delante; hizo clic el %2 de las personas frente al %3 (%4).</translation>
    </message>
    <message>
        <source>No winner yet: too few opened, %1 has %2 of %3.</source>
        <translation>Aún sin ganador: pocas aperturas, %1 tiene %2 de %3.</translation>
    </message>
    <message>
        <source>No winner yet: too few delivered, %1 has %2 of %3.</source>
        <translation>Aún sin ganador: pocos entregados, %1 tiene %2 de %3.</translation>
    </message>
    <message>
        <source>No winner: %1 have the same rate, %2.</source>
        <translation>Sin ganador: %1 tienen la misma tasa, %2.</translation>
    </message>
    <message>
        <source>No winner: %1's %2 against %3's %4 could be chance (%5).</source>
        <translation>Sin ganador: el %2 de %1 frente al %4 de %3 podría ser casualidad (%5).</translation>
    </message>
    <message>
        <source>%1 won: %2 against %3 of people opened, %4.</source>
        <translation>Ganó %1: abrió el %2 de las personas frente al %3, %4.</translation>
    </message>
    <message>
        <source>%1 won: %2 against %3 of people who opened clicked, %4.</source>
        <translation>Ganó %1: de quienes abrieron, hizo clic el %2 frente al %3, %4.</translation>
    </message>
    <message>
        <source>%1 won: %2 against %3 of people clicked, %4.</source>
        <translation>Ganó %1: hizo clic el %2 de las personas frente al %3, %4.</translation>
    </message>
    <message>
        <source>The baseline rate must be between 0 and 1 (say 0.04 for 4 %), not %1.</source>
        <translation>La tasa de partida debe estar entre 0 y 1 (por ejemplo 0.04 para un 4 %), no %1.</translation>
    </message>
    <message>
        <source>The lift must be above 0, not %1.</source>
        <translation>La mejora debe ser mayor que 0, no %1.</translation>
    </message>
    <message>
        <source>The power must be between 0 and 1, not %1.</source>
        <translation>La potencia debe estar entre 0 y 1, no %1.</translation>
    </message>
    <message>
        <source>The baseline plus the lift makes a target rate of %1; it must be below 1.</source>
        <translation>La tasa de partida más la mejora da una tasa objetivo de %1; debe ser menor que 1.</translation>
    </message>
    <message>
        <source>A lift that small cannot be measured: it would take more than %1 people per variant.</source>
        <translation>Una mejora tan pequeña no se puede medir: harían falta más de %1 personas por variante.</translation>
    </message>
</context>
<context>
    <name>lux::campaigns::AbTests</name>
    <message>
        <source>Variant %1: its template no longer exists.</source>
        <translation>Variante %1: su plantilla ya no existe.</translation>
    </message>
    <message numerus="yes">
        <source>An A/B test has 2 to 5 variants; this one has %n.</source>
        <translation><numerusform>Una prueba A/B tiene de 2 a 5 variantes; esta tiene %n.</numerusform><numerusform>Una prueba A/B tiene de 2 a 5 variantes; esta tiene %n.</numerusform></translation>
    </message>
    <message>
        <source>The wait cannot be negative.</source>
        <translation>La espera no puede ser negativa.</translation>
    </message>
    <message>
        <source>An A/B test sends at one time for everyone: it cannot go at a time in each recipient's zone.</source>
        <translation>Una prueba A/B envía a la misma hora para todos: no puede salir a una hora en la zona horaria de cada destinatario.</translation>
    </message>
    <message>
        <source>Variant %1: a text has no subject, preheader, sender name or template; vary its words or its time.</source>
        <translation>Variante %1: un SMS no tiene asunto, texto de vista previa, nombre del remitente ni plantilla; varía su texto o su hora.</translation>
    </message>
    <message>
        <source>Variant %1: an email varies its subject, preheader, sender name, template or time, not a text body.</source>
        <translation>Variante %1: en un correo varía el asunto, el texto de vista previa, el nombre del remitente, la plantilla o la hora, no el texto de un SMS.</translation>
    </message>
    <message>
        <source>Variant %1: the text is longer than %2 characters.</source>
        <translation>Variante %1: el SMS tiene más de %2 caracteres.</translation>
    </message>
    <message>
        <source>Variant %1 is the same as variant %2: change what it tests.</source>
        <translation>La variante %1 es igual que la variante %2: cambia lo que prueba.</translation>
    </message>
    <message>
        <source>Only a draft's A/B test can change.</source>
        <translation>Solo se puede cambiar la prueba A/B de un borrador.</translation>
    </message>
    <message>
        <source>%1 The rest gets variant A, as set.</source>
        <translation>%1 El resto recibe la variante A, como se configuró.</translation>
    </message>
    <message>
        <source>The wait is over: choose the variant the rest gets.</source>
        <translation>La espera ha terminado: elige la variante que recibe el resto.</translation>
    </message>
    <message>
        <source>%1 Choose the variant the rest gets.</source>
        <translation>%1 Elige la variante que recibe el resto.</translation>
    </message>
    <message>
        <source>Campaign %1 has no A/B test.</source>
        <translation>La campaña %1 no tiene prueba A/B.</translation>
    </message>
    <message>
        <source>The test has variants A to %1.</source>
        <translation>La prueba tiene las variantes de la A a la %1.</translation>
    </message>
    <message>
        <source>Variant %1 was chosen already.</source>
        <translation>La variante %1 ya se eligió.</translation>
    </message>
    <message>
        <source>The test is still running: the winner is chosen once, at the end of the wait.</source>
        <translation>La prueba sigue en marcha: el ganador se elige una sola vez, al final de la espera.</translation>
    </message>
    <message>
        <source>%1 was chosen by hand.</source>
        <translation>Se eligió %1 a mano.</translation>
    </message>
    <message>
        <source>The test was decided meanwhile.</source>
        <translation>Mientras tanto, la prueba ya se decidió.</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n to the rest): %2</source>
        <translation><numerusform>%1 (%n al resto): %2</numerusform><numerusform>%1 (%n al resto): %2</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) in the test group, drawn with seed %1</source>
        <translation><numerusform>%n contacto en el grupo de prueba, sorteado con la semilla %1</numerusform><numerusform>%n contactos en el grupo de prueba, sorteados con la semilla %1</numerusform></translation>
    </message>
    <message>
        <source>The test group is a share of the audience above 0 % and below 100 %: the rest gets the winner.</source>
        <translation>El grupo de prueba es una parte de la audiencia mayor que el 0 % y menor que el 100 %: el resto recibe la variante ganadora.</translation>
    </message>
    <message>
        <source>A winner by clicks or opens needs tracking per person (the first step); or choose the winner yourself.</source>
        <translation>Elegir la ganadora por clics o aperturas requiere el seguimiento por persona (primer paso); o elige tú la ganadora.</translation>
    </message>
    <message numerus="yes">
        <source>Only %n recipient(s): too few for a test, so everyone got variant A.</source>
        <translation><numerusform>Solo %n destinatario: muy pocos para una prueba, así que todos recibieron la variante A.</numerusform><numerusform>Solo %n destinatarios: muy pocos para una prueba, así que todos recibieron la variante A.</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::campaigns::CampaignRunner</name>
    <message>
        <source>This version of LUX cannot send on the “%1” channel.</source>
        <translation>Esta versión de LUX no puede enviar por el canal «%1».</translation>
    </message>
    <message>
        <source>The test to %1 was not sent: %2</source>
        <translation>La prueba a %1 no se envió: %2</translation>
    </message>
</context>
<context>
    <name>lux::campaigns::CampaignStore</name>
    <message>
        <source>A campaign needs a name.</source>
        <translation>Una campaña necesita un nombre.</translation>
    </message>
    <message>
        <source>The sender address “%1” is not valid: %2</source>
        <translation>La dirección del remitente «%1» no es válida: %2</translation>
    </message>
    <message>
        <source>The reply-to address “%1” is not valid.</source>
        <translation>La dirección de respuesta «%1» no es válida.</translation>
    </message>
    <message>
        <source>The campaign's template no longer exists.</source>
        <translation>La plantilla de la campaña ya no existe.</translation>
    </message>
    <message>
        <source>There is already a campaign named “%1”.</source>
        <translation>Ya hay una campaña llamada «%1».</translation>
    </message>
    <message>
        <source>There is no campaign %1.</source>
        <translation>No existe la campaña %1.</translation>
    </message>
    <message>
        <source>There is no campaign named “%1”.</source>
        <translation>No hay ninguna campaña llamada «%1».</translation>
    </message>
    <message>
        <source>Campaign “%1” is %2 and cannot become %3.</source>
        <translation>La campaña «%1» está en estado «%2» y no puede pasar a «%3».</translation>
    </message>
    <message>
        <source>Campaign “%1” changed meanwhile; look again.</source>
        <translation>La campaña «%1» ha cambiado mientras tanto; vuelve a mirarla.</translation>
    </message>
    <message>
        <source>There is no segment named “%1”.</source>
        <translation>No hay ningún segmento llamado «%1».</translation>
    </message>
    <message>
        <source>Segment “%1” cannot be used: %2</source>
        <translation>No se puede usar el segmento «%1»: %2</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>borrador</translation>
    </message>
    <message>
        <source>scheduled</source>
        <translation>programada</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>enviándose</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pausa</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>enviada</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fallido</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelada</translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s)</source>
        <translation><numerusform>%n destinatario</numerusform><numerusform>%n destinatarios</numerusform></translation>
    </message>
    <message>
        <source>The sender address “%1” is not valid.</source>
        <translation>La dirección del remitente «%1» no es válida.</translation>
    </message>
    <message>
        <source>Campaign “%1” is %2; only drafts can be changed.</source>
        <translation>La campaña «%1» está %2; solo se pueden cambiar los borradores.</translation>
    </message>
    <message>
        <source>Choose the number the texts go from.</source>
        <translation>Elige el número desde el que salen los SMS.</translation>
    </message>
    <message>
        <source>A text may have at most %1 characters; this one has %2.</source>
        <translation>Un SMS puede tener como máximo %1 caracteres; este tiene %2.</translation>
    </message>
</context>
<context>
    <name>lux::campaigns::Dispatcher</name>
    <message>
        <source>The campaign has no sender mailbox to send from.</source>
        <translation>La campaña no tiene ningún buzón remitente desde el que enviar.</translation>
    </message>
    <message numerus="yes">
        <source>Gave up after %n attempt(s): %1</source>
        <translation><numerusform>Abandonado tras %n intento: %1</numerusform><numerusform>Abandonado tras %n intentos: %1</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::campaigns::JobStore</name>
    <message>
        <source>Job %1 is held by another scheduler.</source>
        <translation>El trabajo %1 lo tiene otro planificador.</translation>
    </message>
</context>
<context>
    <name>lux::campaigns::Lifecycle</name>
    <message>
        <source>Choose the template the campaign sends.</source>
        <translation>Elige la plantilla que envía la campaña.</translation>
    </message>
    <message>
        <source>The template cannot be read: %1</source>
        <translation>No se puede leer la plantilla: %1</translation>
    </message>
    <message>
        <source>The audience has no subscribed contact to send to.</source>
        <translation>La audiencia no tiene ningún contacto suscrito al que enviar.</translation>
    </message>
    <message>
        <source>The chosen time has passed; the campaign goes at once.</source>
        <translation>La hora elegida ya pasó; la campaña sale enseguida.</translation>
    </message>
    <message>
        <source>The mailbox %1 is not set up to send from: add it under Senders first.</source>
        <translation>El buzón %1 no está configurado para enviar: añádelo antes en Remitentes.</translation>
    </message>
    <message>
        <source>Choose the mailbox the campaign sends from.</source>
        <translation>Elige el buzón desde el que envía la campaña.</translation>
    </message>
    <message>
        <source>The pre-send checks stop this campaign: %1</source>
        <translation>Las comprobaciones previas al envío detienen esta campaña: %1</translation>
    </message>
    <message>
        <source>The pre-send checks have warnings to acknowledge first.</source>
        <translation>Las comprobaciones previas tienen avisos que hay que aceptar antes.</translation>
    </message>
    <message>
        <source>Campaign “%1” is %2; only paused or failed campaigns resume.</source>
        <translation>La campaña «%1» está %2; solo se reanudan las campañas en pausa o fallidas.</translation>
    </message>
    <message>
        <source>Campaign “%1” is %2; nothing has failed to retry.</source>
        <translation>La campaña «%1» está %2; no hay fallos que reintentar.</translation>
    </message>
    <message>
        <source>No tracker is set up, so recipients unsubscribe by sending an email to the sending mailbox instead of with one click. Gmail and Yahoo require one-click unsubscribe from senders of more than 5,000 messages a day.</source>
        <translation>No hay ningún tracker configurado, así que los destinatarios se dan de baja enviando un correo al buzón remitente en lugar de con un clic. Gmail y Yahoo exigen la baja con un clic a quienes envían más de 5.000 mensajes al día.</translation>
    </message>
    <message>
        <source>Opens and clicks are not counted either.</source>
        <translation>Tampoco se cuentan las aperturas ni los clics.</translation>
    </message>
    <message>
        <source>The audience has no contact with SMS consent and a mobile number to text.</source>
        <translation>La audiencia no tiene ningún contacto con consentimiento de SMS y un móvil al que escribir.</translation>
    </message>
    <message>
        <source>No tracker is set up, so LUX hears nothing back from Twilio: no delivery receipts, no replies, and STOP replies are applied only when Twilio refuses a later text to that number.</source>
        <translation>No hay ningún tracker configurado, así que LUX no recibe nada de Twilio: ni acuses de entrega ni respuestas, y un STOP solo se aplica cuando Twilio rechaza un SMS posterior a ese número.</translation>
    </message>
    <message>
        <source>Write the text the campaign sends.</source>
        <translation>Escribe el texto que envía la campaña.</translation>
    </message>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>Línea %1, columna %2: %3</translation>
    </message>
    <message>
        <source>Give the sender's name: every marketing text must start with it (CTIA).</source>
        <translation>Indica el nombre del remitente: todo SMS de marketing debe empezar por él (CTIA).</translation>
    </message>
    <message>
        <source>The text must start with the sender's name, “%1” (CTIA).</source>
        <translation>El texto debe empezar por el nombre del remitente, «%1» (CTIA).</translation>
    </message>
    <message>
        <source>The number %1 is not set up to send from: add it under Settings → SMS first (luxctl sms sender add).</source>
        <translation>El número %1 no está configurado para enviar: añádelo primero en Ajustes → SMS (luxctl sms sender add).</translation>
    </message>
    <message>
        <source>Choose the number the texts go from.</source>
        <translation>Elige el número desde el que salen los SMS.</translation>
    </message>
    <message>
        <source>A/B test: %1</source>
        <translation>Prueba A/B: %1</translation>
    </message>
</context>
<context>
    <name>lux::campaigns::MessageBuilder</name>
    <message>
        <source>The campaign's template cannot be read: %1</source>
        <translation>No se puede leer la plantilla de la campaña: %1</translation>
    </message>
    <message>
        <source>The message builder was not prepared.</source>
        <translation>El generador de mensajes no estaba preparado.</translation>
    </message>
</context>
<context>
    <name>lux::campaigns::Outbox</name>
    <message>
        <source>The address was suppressed or unsubscribed after the campaign started.</source>
        <translation>La dirección se suprimió o se dio de baja después de empezar la campaña.</translation>
    </message>
    <message>
        <source>Outbox row %1 is not being sent.</source>
        <translation>La fila %1 de la bandeja de salida no se está enviando.</translation>
    </message>
    <message>
        <source>The app stopped while this message was being sent.</source>
        <translation>La aplicación se detuvo mientras se enviaba este mensaje.</translation>
    </message>
    <message>
        <source>Outbox row %1 cannot change to “%2” from the state it is in.</source>
        <translation>La fila %1 de la bandeja de salida no puede pasar a «%2» desde su estado actual.</translation>
    </message>
    <message>
        <source>That recipient is no longer waiting for a decision.</source>
        <translation>Ese destinatario ya no espera una decisión.</translation>
    </message>
</context>
<context>
    <name>lux::campaigns::SendService</name>
    <message>
        <source>The scheduler is not running.</source>
        <translation>El planificador no está en marcha.</translation>
    </message>
</context>
<context>
    <name>lux::campaigns::SendWorker</name>
    <message>
        <source>The scheduler cannot open the database: %1</source>
        <translation>El planificador no puede abrir la base de datos: %1</translation>
    </message>
    <message>
        <source>Campaign “%1” cannot send: %2</source>
        <translation>La campaña «%1» no puede enviar: %2</translation>
    </message>
    <message>
        <source>Campaign “%1”: %2</source>
        <translation>Campaña «%1»: %2</translation>
    </message>
    <message>
        <source>The scheduler has no database.</source>
        <translation>El planificador no tiene base de datos.</translation>
    </message>
    <message>
        <source>Campaign “%1” waits: %2. It tries again in a minute.</source>
        <translation>La campaña «%1» espera: %2. Lo intenta de nuevo en un minuto.</translation>
    </message>
    <message>
        <source>Workflows: %1</source>
        <translation>Flujos de trabajo: %1</translation>
    </message>
</context>
<context>
    <name>lux::campaigns::SenderStore</name>
    <message>
        <source>“%1” is not a mailbox address: %2</source>
        <translation>«%1» no es una dirección de buzón: %2</translation>
    </message>
    <message>
        <source>Microsoft Graph allows 1 to 4 requests at once per mailbox, not %1.</source>
        <translation>Microsoft Graph admite de 1 a 4 peticiones a la vez por buzón, no %1.</translation>
    </message>
    <message>
        <source>A sender needs at least one message a minute and one recipient a day.</source>
        <translation>Un remitente necesita al menos un mensaje por minuto y un destinatario al día.</translation>
    </message>
    <message>
        <source>%1 is not a sender mailbox yet (luxctl sender add).</source>
        <translation>%1 aún no es un buzón remitente (luxctl sender add).</translation>
    </message>
    <message>
        <source>“%1” is not a sending number (+ and the country code), a short code or a Messaging Service SID (MG…): %2</source>
        <translation>«%1» no es un número de envío (+ y el prefijo de país), un código corto ni el SID de un servicio de mensajería (MG…): %2</translation>
    </message>
    <message>
        <source>“%1” is not a kind of sending number (long-code, toll-free, short-code, service).</source>
        <translation>«%1» no es un tipo de número de envío (long-code, toll-free, short-code, service).</translation>
    </message>
    <message>
        <source>A sending number allows 1 to 32 requests at once, not %1.</source>
        <translation>Un número de envío admite de 1 a 32 solicitudes simultáneas, no %1.</translation>
    </message>
    <message>
        <source>%1 is not a sending number yet (luxctl sms sender add).</source>
        <translation>%1 aún no es un número de envío (luxctl sms sender add).</translation>
    </message>
    <message>
        <source>%1 is not a sender.</source>
        <translation>%1 no es un remitente.</translation>
    </message>
</context>
<context>
    <name>lux::channels::graph::DelegatedSignIn</name>
    <message>
        <source>No loopback port is free for the sign-in to come back to.</source>
        <translation>No hay ningún puerto local libre al que pueda volver el inicio de sesión.</translation>
    </message>
    <message>
        <source>Signed in. You can close this tab and go back to LUX Marketing.</source>
        <translation>Sesión iniciada. Puedes cerrar esta pestaña y volver a LUX Marketing.</translation>
    </message>
    <message>
        <source>The sign-in was declined: %1</source>
        <translation>Se rechazó el inicio de sesión: %1</translation>
    </message>
    <message>
        <source>Microsoft sign-in failed: %1 %2</source>
        <translation>El inicio de sesión en Microsoft falló: %1 %2</translation>
    </message>
    <message>
        <source>Microsoft sign-in did not give a token for the code (the code or its verifier was refused).</source>
        <translation>El inicio de sesión en Microsoft no dio un token para el código (se rechazó el código o su verificador).</translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>Se canceló el inicio de sesión.</translation>
    </message>
    <message>
        <source>Microsoft gave no refresh token (offline_access was not granted), so LUX could not send later.</source>
        <translation>Microsoft no dio un token de actualización (no se concedió offline_access), así que LUX no podría enviar más tarde.</translation>
    </message>
    <message>
        <source>Signed in, but Microsoft Graph did not say which mailbox: %1</source>
        <translation>Sesión iniciada, pero Microsoft Graph no indicó qué buzón: %1</translation>
    </message>
</context>
<context>
    <name>lux::channels::graph::GraphChannel</name>
    <message>
        <source>The contact was deleted after the campaign started.</source>
        <translation>El contacto se eliminó después de empezar la campaña.</translation>
    </message>
    <message>
        <source>[Test] </source>
        <translation>[Prueba] </translation>
    </message>
    <message>
        <source>Not sent: no draft was made.</source>
        <translation>No enviado: no se llegó a crear el borrador.</translation>
    </message>
    <message>
        <source>Graph has no draft to send and Sent Items does not show the message: decide whether to send it again.</source>
        <translation>Graph no tiene el borrador y Elementos enviados no muestra el mensaje: decide si hay que enviarlo de nuevo.</translation>
    </message>
</context>
<context>
    <name>lux::channels::graph::GraphChannelFactory</name>
    <message>
        <source>%1 sends as the signed-in user and cannot share a campaign with other mailboxes.</source>
        <translation>%1 envía como el usuario que inició sesión y no puede compartir una campaña con otros buzones.</translation>
    </message>
    <message>
        <source>Sign in to Microsoft again under Settings → Sending: LUX has no sign-in for %1.</source>
        <translation>Vuelve a iniciar sesión en Microsoft en Ajustes → Envío: LUX no tiene sesión para %1.</translation>
    </message>
    <message>
        <source>Set the Microsoft 365 tenant and client id first (Settings → Sending, or luxctl settings set graph.tenant and graph.client_id).</source>
        <translation>Indica primero el inquilino y el id de cliente de Microsoft 365 (Configuración → Envío, o luxctl settings set graph.tenant y graph.client_id).</translation>
    </message>
    <message>
        <source>The Graph client secret is not available: save it under Settings → Sending (or set %1).</source>
        <translation>El secreto de cliente de Graph no está disponible: guárdalo en Ajustes → Envío (o define %1).</translation>
    </message>
</context>
<context>
    <name>lux::channels::graph::GraphClient</name>
    <message>
        <source>Microsoft sign-in refused the app: %1</source>
        <translation>El inicio de sesión de Microsoft rechazó la aplicación: %1</translation>
    </message>
    <message>
        <source>Microsoft sign-in answered without a token.</source>
        <translation>El inicio de sesión de Microsoft respondió sin un token.</translation>
    </message>
    <message>
        <source>Microsoft Graph made the draft but did not say its id.</source>
        <translation>Microsoft Graph creó el borrador pero no indicó su identificador.</translation>
    </message>
    <message>
        <source>Could not look in Sent Items (%1): %2</source>
        <translation>No se pudo consultar Elementos enviados (%1): %2</translation>
    </message>
    <message numerus="yes">
        <source>The answer is longer than %n bytes.</source>
        <translation><numerusform>La respuesta ocupa más de %n byte.</numerusform><numerusform>La respuesta ocupa más de %n bytes.</numerusform></translation>
    </message>
    <message>
        <source>%1: Microsoft Graph denied access (%2).</source>
        <translation>%1: Microsoft Graph denegó el acceso (%2).</translation>
    </message>
    <message>
        <source>%1: Microsoft Graph has no such item (%2).</source>
        <translation>%1: Microsoft Graph no tiene ese elemento (%2).</translation>
    </message>
    <message>
        <source>%1: Microsoft Graph no longer knows where the last look stopped.</source>
        <translation>%1: Microsoft Graph ya no sabe dónde se quedó la última lectura.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>sin respuesta</translation>
    </message>
    <message>
        <source>The stored place in the mailbox %1 does not lead to Microsoft Graph; starting again.</source>
        <translation>La posición guardada en el buzón %1 no lleva a Microsoft Graph; se empieza de nuevo.</translation>
    </message>
    <message>
        <source>Reading the Inbox of %1</source>
        <translation>Leyendo la bandeja de entrada de %1</translation>
    </message>
    <message>
        <source>Reading the Inbox of %1: Microsoft Graph answered without a next or delta link.</source>
        <translation>Leyendo la bandeja de entrada de %1: Microsoft Graph respondió sin enlace siguiente ni delta.</translation>
    </message>
    <message>
        <source>Reading a message in %1</source>
        <translation>Leyendo un mensaje en %1</translation>
    </message>
    <message>
        <source>Marking a message read in %1</source>
        <translation>Marcando un mensaje como leído en %1</translation>
    </message>
    <message>
        <source>Looking for the folder “%1” in %2</source>
        <translation>Buscando la carpeta «%1» en %2</translation>
    </message>
    <message>
        <source>Making the folder “%1” in %2</source>
        <translation>Creando la carpeta «%1» en %2</translation>
    </message>
    <message>
        <source>Microsoft Graph made the folder “%1” in %2 without saying its id.</source>
        <translation>Microsoft Graph creó la carpeta «%1» en %2 sin indicar su id.</translation>
    </message>
    <message>
        <source>Moving a message to “%1” in %2</source>
        <translation>Moviendo un mensaje a «%1» en %2</translation>
    </message>
</context>
<context>
    <name>lux::channels::openai::ChatStream</name>
    <message>
        <source>The AI server's answer has no choices.</source>
        <translation>La respuesta del servidor de IA no trae ninguna opción.</translation>
    </message>
</context>
<context>
    <name>lux::channels::openai::OpenAiClient</name>
    <message>
        <source>Stopped.</source>
        <translation>Detenido.</translation>
    </message>
    <message>
        <source>The AI server did not answer (%1). Check the base URL in Settings → Assistant and your connection.</source>
        <translation>El servidor de IA no respondió (%1). Comprueba la dirección en Ajustes → Asistente y tu conexión.</translation>
    </message>
    <message>
        <source>The AI server refused the API key: %1 Enter the key again in Settings → Assistant.</source>
        <translation>El servidor de IA rechazó la clave de API: %1 Vuelve a introducir la clave en Ajustes → Asistente.</translation>
    </message>
    <message>
        <source>Your OpenAI account has no credit left (insufficient quota). Add credit or raise the limit in OpenAI's billing settings; LUX will not try again until then.</source>
        <translation>Tu cuenta de OpenAI no tiene saldo (cuota insuficiente). Añade saldo o sube el límite en la facturación de OpenAI; LUX no volverá a intentarlo hasta entonces.</translation>
    </message>
    <message>
        <source>The conversation is too long for the model. Start a new conversation or choose a model with a longer context. (%1)</source>
        <translation>La conversación es demasiado larga para el modelo. Empieza una conversación nueva o elige un modelo con más contexto. (%1)</translation>
    </message>
    <message>
        <source>The AI server does not support tools: %1</source>
        <translation>El servidor de IA no admite herramientas: %1</translation>
    </message>
    <message>
        <source>The AI server does not support structured answers: %1</source>
        <translation>El servidor de IA no admite respuestas estructuradas: %1</translation>
    </message>
    <message>
        <source>The AI server is busy (rate limit reached): %1</source>
        <translation>El servidor de IA está ocupado (límite de peticiones alcanzado): %1</translation>
    </message>
    <message>
        <source>The AI server had a problem (HTTP %1): %2</source>
        <translation>El servidor de IA tuvo un problema (HTTP %1): %2</translation>
    </message>
    <message>
        <source>The AI server has nothing at this address (HTTP 404): %1 Check the base URL (it usually ends in /v1) and the model name.</source>
        <translation>El servidor de IA no tiene nada en esta dirección (HTTP 404): %1 Comprueba la dirección (suele terminar en /v1) y el nombre del modelo.</translation>
    </message>
    <message>
        <source>The AI server refused the request (HTTP %1): %2</source>
        <translation>El servidor de IA rechazó la petición (HTTP %1): %2</translation>
    </message>
    <message>
        <source>The answer was cut off before it ended (%1). What arrived is shown; ask again to get all of it.</source>
        <translation>La respuesta se cortó antes de terminar (%1). Se muestra lo que llegó; pregunta otra vez para tenerla entera.</translation>
    </message>
    <message>
        <source>The AI server closed the connection before answering. Check the base URL in Settings → Assistant and your connection.</source>
        <translation>El servidor de IA cerró la conexión antes de responder. Comprueba la dirección en Ajustes → Asistente y tu conexión.</translation>
    </message>
    <message>
        <source>The AI server stopped with an error in the middle of its answer: %1</source>
        <translation>El servidor de IA se detuvo con un error a mitad de su respuesta: %1</translation>
    </message>
    <message>
        <source>The AI server sent a stream that is not Chat Completions chunks.</source>
        <translation>El servidor de IA envió un flujo que no son fragmentos de Chat Completions.</translation>
    </message>
    <message>
        <source>The answer was cut off before it ended. What arrived is shown; ask again to get all of it.</source>
        <translation>La respuesta se cortó antes de terminar. Se muestra lo que llegó; pregunta otra vez para tenerla entera.</translation>
    </message>
    <message>
        <source>The AI server's answer holds no PNG image.</source>
        <translation>La respuesta del servidor de IA no contiene ninguna imagen PNG.</translation>
    </message>
</context>
<context>
    <name>lux::channels::social::SignIn</name>
    <message numerus="yes">
        <source>No answer came back from %1 within %n minute(s): start again to connect.</source>
        <translation><numerusform>No llegó respuesta de %1 en %n minuto: vuelve a empezar la conexión.</numerusform><numerusform>No llegó respuesta de %1 en %n minutos: vuelve a empezar la conexión.</numerusform></translation>
    </message>
    <message>
        <source>Port %1 on this computer is taken, so %2 cannot come back to LUX after you sign in: close what uses it, or set social.redirect_port to another port and register http://127.0.0.1:PORT/callback with the %2 app.</source>
        <translation>El puerto %1 de este equipo está ocupado, así que %2 no puede volver a LUX después de que inicies sesión: cierra lo que lo esté usando, o indica otro puerto en social.redirect_port y registra http://127.0.0.1:PORT/callback en la aplicación de %2.</translation>
    </message>
    <message>
        <source>LUX Marketing received the answer. You can close this tab and go back to the app.</source>
        <translation>LUX Marketing recibió la respuesta. Puedes cerrar esta pestaña y volver a la aplicación.</translation>
    </message>
    <message>
        <source>Connecting was cancelled.</source>
        <translation>Se canceló la conexión.</translation>
    </message>
    <message>
        <source>%1 was not connected: the access was declined.</source>
        <translation>No se conectó %1: se denegó el acceso.</translation>
    </message>
    <message>
        <source>%1 refused the sign-in: %2 %3</source>
        <translation>%1 rechazó el inicio de sesión: %2 %3</translation>
    </message>
    <message>
        <source>%1 came back without a code.</source>
        <translation>La respuesta de %1 llegó sin código.</translation>
    </message>
    <message>
        <source>%1 gave access to no account LUX can publish to.</source>
        <translation>%1 no dio acceso a ninguna cuenta en la que LUX pueda publicar.</translation>
    </message>
</context>
<context>
    <name>lux::channels::social::SocialChannel</name>
    <message>
        <source>This campaign does not publish to %1.</source>
        <translation>Esta campaña no publica en %1.</translation>
    </message>
    <message>
        <source>%1's rate limit: nothing more is published to it before %2.</source>
        <translation>Límite de peticiones de %1: no se publica nada más en esa cuenta antes de %2.</translation>
    </message>
    <message>
        <source>The post of this row is gone (it was cancelled).</source>
        <translation>La publicación de esta fila ya no existe (se canceló).</translation>
    </message>
    <message>
        <source>Picture %1 is no longer in the media library.</source>
        <translation>La imagen %1 ya no está en la biblioteca de medios.</translation>
    </message>
    <message>
        <source>The post was cancelled.</source>
        <translation>La publicación se canceló.</translation>
    </message>
    <message>
        <source>The account was removed from LUX.</source>
        <translation>La cuenta se quitó de LUX.</translation>
    </message>
    <message>
        <source>The first comment's fate is not known yet: it is looked for again in a minute.</source>
        <translation>Aún no se sabe qué fue del primer comentario: se vuelve a buscar dentro de un minuto.</translation>
    </message>
    <message>
        <source>The post went; its first comment is made next.</source>
        <translation>La publicación salió; a continuación se hace su primer comentario.</translation>
    </message>
    <message>
        <source>The post has no such comment: it is made again.</source>
        <translation>La publicación no tiene ese comentario: se vuelve a hacer.</translation>
    </message>
    <message>
        <source>%1 takes no first comment.</source>
        <translation>%1 no admite primer comentario.</translation>
    </message>
    <message>
        <source>The post could not be read.</source>
        <translation>No se pudo leer la publicación.</translation>
    </message>
    <message numerus="yes">
        <source>The first comment was not made after %n attempt(s).</source>
        <translation><numerusform>El primer comentario no se publicó tras %n intento.</numerusform><numerusform>El primer comentario no se publicó tras %n intentos.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The first comment was not made after %n attempt(s): %1</source>
        <translation><numerusform>El primer comentario no se publicó tras %n intento: %1</numerusform><numerusform>El primer comentario no se publicó tras %n intentos: %1</numerusform></translation>
    </message>
    <message>
        <source>The network gave no reason.</source>
        <translation>La red no dio ningún motivo.</translation>
    </message>
</context>
<context>
    <name>lux::channels::social::SocialChannelFactory</name>
    <message>
        <source>A social campaign belongs to an account.</source>
        <translation>Una campaña social debe pertenecer a una cuenta.</translation>
    </message>
    <message>
        <source>This version of LUX cannot publish to %1.</source>
        <translation>Esta versión de LUX no puede publicar en %1.</translation>
    </message>
    <message>
        <source>X needs the client id of your X app first: luxctl settings set social.x_client_id ID (docs/SOCIAL.md says how to make the app).</source>
        <translation>X necesita antes el id de cliente de tu aplicación de X: luxctl settings set social.x_client_id ID (docs/SOCIAL.md explica cómo crear la aplicación).</translation>
    </message>
    <message>
        <source>LinkedIn needs the client id of your LinkedIn app first: luxctl settings set social.linkedin_client_id ID, and its secret with luxctl settings secret linkedin.client_secret.</source>
        <translation>LinkedIn necesita antes el id de cliente de tu aplicación de LinkedIn: luxctl settings set social.linkedin_client_id ID, y su secreto con luxctl settings secret linkedin.client_secret.</translation>
    </message>
    <message>
        <source>Facebook and Instagram need your Meta app's id first: luxctl settings set social.meta_app_id ID, and its secret with luxctl settings secret meta.app_secret.</source>
        <translation>Facebook e Instagram necesitan antes el id de tu aplicación de Meta: luxctl settings set social.meta_app_id ID, y su secreto con luxctl settings secret meta.app_secret.</translation>
    </message>
</context>
<context>
    <name>lux::channels::social::linkedin::LinkedInChannel</name>
    <message>
        <source>The post could not be read.</source>
        <translation>No se pudo leer la publicación.</translation>
    </message>
    <message>
        <source>LinkedIn could not process one of the post's pictures.</source>
        <translation>LinkedIn no pudo procesar una de las imágenes de la publicación.</translation>
    </message>
    <message>
        <source>LinkedIn is still processing the post's pictures.</source>
        <translation>LinkedIn aún está procesando las imágenes de la publicación.</translation>
    </message>
    <message>
        <source>LinkedIn refuses it: the same text was posted on this account moments ago (%1).</source>
        <translation>LinkedIn la rechaza: el mismo texto se publicó en esta cuenta hace unos momentos (%1).</translation>
    </message>
    <message>
        <source>LinkedIn did not answer whether the post went, and this account cannot read its posts to look: check %1 and say whether it is there.</source>
        <translation>LinkedIn no respondió si la publicación salió, y esta cuenta no puede leer sus publicaciones para buscarla: revisa %1 y di si está allí.</translation>
    </message>
    <message>
        <source>LinkedIn has no such post on the account since the attempt.</source>
        <translation>LinkedIn no tiene esa publicación en la cuenta desde el intento.</translation>
    </message>
</context>
<context>
    <name>lux::channels::social::linkedin::LinkedInClient</name>
    <message>
        <source>LinkedIn answered %1.</source>
        <translation>LinkedIn respondió %1.</translation>
    </message>
    <message>
        <source>%1: LinkedIn did not answer (%2).</source>
        <translation>%1: LinkedIn no respondió (%2).</translation>
    </message>
    <message>
        <source>%1: LinkedIn said: %2</source>
        <translation>%1: LinkedIn respondió: %2</translation>
    </message>
    <message>
        <source>%1: LinkedIn's daily limit is reached until %2 (%3).</source>
        <translation>%1: se ha alcanzado el límite diario de LinkedIn hasta %2 (%3).</translation>
    </message>
    <message>
        <source>%1: LinkedIn refused the account's sign-in: connect it again (%2).</source>
        <translation>%1: LinkedIn rechazó el inicio de sesión de la cuenta: vuelve a conectarla (%2).</translation>
    </message>
    <message>
        <source>%1: LinkedIn no longer serves the API version asked for: set a newer one (YYYYMM) in social.linkedin_version (LinkedIn said: %2).</source>
        <translation>%1: LinkedIn ya no ofrece la versión de la API solicitada: indica una más reciente (AAAAMM) en social.linkedin_version (LinkedIn respondió: %2).</translation>
    </message>
    <message>
        <source>LinkedIn's sign-in: LinkedIn did not give tokens: %1</source>
        <translation>Inicio de sesión en LinkedIn: LinkedIn no dio tokens: %1</translation>
    </message>
    <message>
        <source>LinkedIn's account details</source>
        <translation>Datos de la cuenta en LinkedIn</translation>
    </message>
    <message>
        <source>LinkedIn's account details had no member id (sub).</source>
        <translation>Los datos de la cuenta en LinkedIn no traían id de miembro (sub).</translation>
    </message>
    <message>
        <source>LinkedIn's list of the member's organizations</source>
        <translation>Lista de organizaciones del miembro en LinkedIn</translation>
    </message>
    <message numerus="yes">
        <source>%1: more than %n page(s) of roles.</source>
        <translation><numerusform>%1: más de %n página de roles.</numerusform><numerusform>%1: más de %n páginas de roles.</numerusform></translation>
    </message>
    <message>
        <source>LinkedIn's organization details</source>
        <translation>Datos de la organización en LinkedIn</translation>
    </message>
    <message>
        <source>LinkedIn's image upload (initializeUpload)</source>
        <translation>Subida de imagen a LinkedIn (initializeUpload)</translation>
    </message>
    <message>
        <source>%1: LinkedIn's answer had no image or no upload address on LinkedIn's host.</source>
        <translation>%1: la respuesta de LinkedIn no traía imagen o no traía una dirección de subida en el servidor de LinkedIn.</translation>
    </message>
    <message>
        <source>LinkedIn's image upload</source>
        <translation>Subida de imagen a LinkedIn</translation>
    </message>
    <message>
        <source>LinkedIn's image status</source>
        <translation>Estado de la imagen en LinkedIn</translation>
    </message>
    <message>
        <source>LinkedIn's image status: the answer had no status.</source>
        <translation>Estado de la imagen en LinkedIn: la respuesta no traía estado.</translation>
    </message>
    <message>
        <source>Posting to LinkedIn</source>
        <translation>Publicar en LinkedIn</translation>
    </message>
    <message>
        <source>%1: LinkedIn's answer had no post id (x-restli-id).</source>
        <translation>%1: la respuesta de LinkedIn no traía id de publicación (x-restli-id).</translation>
    </message>
    <message>
        <source>LinkedIn's list of the account's posts</source>
        <translation>Lista de publicaciones de la cuenta en LinkedIn</translation>
    </message>
    <message>
        <source>Commenting on LinkedIn</source>
        <translation>Comentar en LinkedIn</translation>
    </message>
    <message>
        <source>%1: LinkedIn's answer had no comment id.</source>
        <translation>%1: la respuesta de LinkedIn no traía id de comentario.</translation>
    </message>
    <message>
        <source>LinkedIn's comments on a post</source>
        <translation>Comentarios de una publicación en LinkedIn</translation>
    </message>
</context>
<context>
    <name>lux::channels::social::linkedin::LinkedInConnector</name>
    <message>
        <source>Set the LinkedIn app's client id (social.linkedin_client_id) and its secret (luxctl settings secret linkedin.client_secret) first.</source>
        <translation>Configura primero el id de cliente de la aplicación de LinkedIn (social.linkedin_client_id) y su secreto (luxctl settings secret linkedin.client_secret).</translation>
    </message>
    <message>
        <source>Organization %1</source>
        <translation>Organización %1</translation>
    </message>
</context>
<context>
    <name>lux::channels::social::meta::FacebookChannel</name>
    <message>
        <source>The post could not be read.</source>
        <translation>No se pudo leer la publicación.</translation>
    </message>
    <message>
        <source>Facebook refuses it: the Page's last post has the same text (%1).</source>
        <translation>Facebook la rechaza: la última publicación de la página tiene el mismo texto (%1).</translation>
    </message>
    <message>
        <source>Facebook did not answer whether the post went, and the Page has more posts since than LUX reads: check the Page and say whether it is there.</source>
        <translation>Facebook no respondió si la publicación salió, y la página tiene desde entonces más publicaciones de las que LUX lee: revisa la página y di si está.</translation>
    </message>
    <message>
        <source>The Page has no such post since the attempt.</source>
        <translation>La página no tiene esa publicación desde el intento.</translation>
    </message>
</context>
<context>
    <name>lux::channels::social::meta::InstagramChannel</name>
    <message>
        <source>The post could not be read.</source>
        <translation>No se pudo leer la publicación.</translation>
    </message>
    <message>
        <source>An Instagram post has 1 to %1 pictures; this one has %2.</source>
        <translation>Una publicación de Instagram lleva de 1 a %1 imágenes; esta tiene %2.</translation>
    </message>
    <message>
        <source>Instagram's publishing limit is reached (%1 posts in 24 hours): the post waits until one leaves the window.</source>
        <translation>Se alcanzó el límite de publicación de Instagram (%1 publicaciones en 24 horas): la publicación espera a que una salga de la ventana.</translation>
    </message>
    <message>
        <source>Not published: no container was made.</source>
        <translation>No publicada: no se creó ningún contenedor.</translation>
    </message>
    <message>
        <source>Instagram has not published the post (its container is %1).</source>
        <translation>Instagram no ha publicado la publicación (su contenedor está en %1).</translation>
    </message>
</context>
<context>
    <name>lux::channels::social::meta::MetaChannel</name>
    <message>
        <source>Meta's Page tokens are not refreshed: connect the account again.</source>
        <translation>Los tokens de página de Meta no se renuevan: vuelve a conectar la cuenta.</translation>
    </message>
    <message>
        <source>%1 fetches a post's pictures from a public address: set up lux-tracker (Settings → Tracking) first.</source>
        <translation>%1 descarga las imágenes de una publicación desde una dirección pública: configura primero lux-tracker (Ajustes → Seguimiento).</translation>
    </message>
</context>
<context>
    <name>lux::channels::social::meta::MetaClient</name>
    <message>
        <source>Meta did not answer %1 after it was sent: it may have been made (%2).</source>
        <translation>Sin respuesta de Meta para %1 después de enviar la petición: puede que ya se haya hecho (%2).</translation>
    </message>
    <message>
        <source>Meta did not answer %1 (%2).</source>
        <translation>Sin respuesta de Meta para %1 (%2).</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>Meta refused the account's sign-in for %1: connect it again (%2).</source>
        <translation>Meta rechazó el inicio de sesión de la cuenta para %1: vuelve a conectarla (%2).</translation>
    </message>
    <message>
        <source>Instagram's publishing limit for this account is reached (%1): %2 waits until %3.</source>
        <translation>Se ha alcanzado el límite de publicación de Instagram para esta cuenta (%1): %2 queda en espera hasta %3.</translation>
    </message>
    <message>
        <source>Instagram has not finished preparing the picture for %1: %2</source>
        <translation>Instagram aún no ha terminado de preparar la imagen para %1: %2</translation>
    </message>
    <message>
        <source>Instagram cannot use the prepared picture for %1 (%2): it must be prepared again.</source>
        <translation>Instagram no puede usar la imagen preparada para %1 (%2): hay que volver a prepararla.</translation>
    </message>
    <message>
        <source>Meta refused %1: it is the same as the Page's previous post (%2).</source>
        <translation>Meta rechazó %1: es igual que la publicación anterior de la página (%2).</translation>
    </message>
    <message>
        <source>Meta refused %1: it was published already (%2).</source>
        <translation>Meta rechazó %1: ya se había publicado (%2).</translation>
    </message>
    <message>
        <source>Meta failed while answering %1 and it may have been made (%2): look before trying again.</source>
        <translation>Meta falló al responder para %1 y puede que ya se haya hecho (%2): compruébalo antes de volver a intentarlo.</translation>
    </message>
    <message>
        <source>Meta's rate limit is reached for %1 until %2 (%3).</source>
        <translation>Se ha alcanzado el límite de peticiones de Meta para %1 hasta %2 (%3).</translation>
    </message>
    <message>
        <source>Meta could not do %1 for now: %2</source>
        <translation>Por ahora Meta no pudo completar %1: %2</translation>
    </message>
    <message>
        <source>Meta refused %1: a permission is missing (%2).</source>
        <translation>Meta rechazó %1: falta un permiso (%2).</translation>
    </message>
    <message>
        <source>Meta refused %1: %2</source>
        <translation>Meta rechazó %1: %2</translation>
    </message>
    <message>
        <source>The Instagram post was published already.</source>
        <translation>La publicación de Instagram ya estaba publicada.</translation>
    </message>
    <message>
        <source>Instagram is still preparing the picture.</source>
        <translation>Instagram aún está preparando la imagen.</translation>
    </message>
    <message>
        <source>The picture Instagram prepared expired before it was published: it must be prepared again.</source>
        <translation>La imagen que preparó Instagram caducó antes de publicarse: hay que volver a prepararla.</translation>
    </message>
    <message>
        <source>Instagram could not prepare the picture: %1</source>
        <translation>Instagram no pudo preparar la imagen: %1</translation>
    </message>
    <message>
        <source>Meta did not answer %1.</source>
        <translation>Sin respuesta de Meta para %1.</translation>
    </message>
    <message>
        <source>Meta's answer to %1 had no id.</source>
        <translation>La respuesta de Meta para %1 no traía id.</translation>
    </message>
    <message>
        <source>Meta's answer to %1 had no access token.</source>
        <translation>La respuesta de Meta para %1 no traía token de acceso.</translation>
    </message>
    <message>
        <source>Meta did not answer %1: %2</source>
        <translation>Sin respuesta de Meta para %1: %2</translation>
    </message>
    <message>
        <source>Meta does not accept the app's id or secret for %1: %2</source>
        <translation>Meta no acepta el id de la aplicación o su secreto para %1: %2</translation>
    </message>
    <message>
        <source>Meta did not give a sign-in for %1: %2</source>
        <translation>Meta no concedió el inicio de sesión para %1: %2</translation>
    </message>
    <message>
        <source>the sign-in's code</source>
        <translation>el código del inicio de sesión</translation>
    </message>
    <message>
        <source>the long-lived token</source>
        <translation>el token de larga duración</translation>
    </message>
    <message>
        <source>the list of Pages</source>
        <translation>la lista de páginas</translation>
    </message>
    <message numerus="yes">
        <source>The list of Pages is longer than %n page(s).</source>
        <translation><numerusform>La lista de páginas ocupa más de %n página de resultados.</numerusform><numerusform>La lista de páginas ocupa más de %n páginas de resultados.</numerusform></translation>
    </message>
    <message>
        <source>the token check</source>
        <translation>la comprobación del token</translation>
    </message>
    <message>
        <source>Meta's answer to the token check had no data.</source>
        <translation>La respuesta de Meta a la comprobación del token no traía datos.</translation>
    </message>
    <message>
        <source>the photo upload</source>
        <translation>la subida de la foto</translation>
    </message>
    <message>
        <source>the Page post</source>
        <translation>la publicación en la página</translation>
    </message>
    <message>
        <source>the Page's posts</source>
        <translation>las publicaciones de la página</translation>
    </message>
    <message numerus="yes">
        <source>The Page's posts since then are more than %n page(s).</source>
        <translation><numerusform>Las publicaciones de la página desde entonces ocupan más de %n página de resultados.</numerusform><numerusform>Las publicaciones de la página desde entonces ocupan más de %n páginas de resultados.</numerusform></translation>
    </message>
    <message>
        <source>Meta's answer had no address for %1.</source>
        <translation>La respuesta de Meta no traía la dirección de %1.</translation>
    </message>
    <message>
        <source>the post's address</source>
        <translation>la dirección de la publicación</translation>
    </message>
    <message>
        <source>the comment</source>
        <translation>el comentario</translation>
    </message>
    <message>
        <source>the comments</source>
        <translation>los comentarios</translation>
    </message>
    <message numerus="yes">
        <source>The comments are more than %n page(s).</source>
        <translation><numerusform>Los comentarios ocupan más de %n página.</numerusform><numerusform>Los comentarios ocupan más de %n páginas.</numerusform></translation>
    </message>
    <message>
        <source>the carousel's picture</source>
        <translation>la imagen del carrusel</translation>
    </message>
    <message>
        <source>the Instagram picture</source>
        <translation>la imagen de Instagram</translation>
    </message>
    <message>
        <source>the Instagram carousel</source>
        <translation>el carrusel de Instagram</translation>
    </message>
    <message>
        <source>the Instagram picture's state</source>
        <translation>el estado de la imagen de Instagram</translation>
    </message>
    <message>
        <source>Meta's answer about the Instagram picture had no state.</source>
        <translation>La respuesta de Meta sobre la imagen de Instagram no traía estado.</translation>
    </message>
    <message>
        <source>the Instagram post</source>
        <translation>la publicación de Instagram</translation>
    </message>
    <message>
        <source>Instagram's publishing limit</source>
        <translation>el límite de publicación de Instagram</translation>
    </message>
    <message>
        <source>Meta's answer about Instagram's publishing limit was empty.</source>
        <translation>La respuesta de Meta sobre el límite de publicación de Instagram llegó vacía.</translation>
    </message>
    <message>
        <source>the Instagram account's posts</source>
        <translation>las publicaciones de la cuenta de Instagram</translation>
    </message>
</context>
<context>
    <name>lux::channels::social::meta::MetaConnector</name>
    <message>
        <source>Set the Meta app's id (social.meta_app_id) and its secret (luxctl settings secret meta.app_secret) first.</source>
        <translation>Configura primero el id de la aplicación de Meta (social.meta_app_id) y su secreto (luxctl settings secret meta.app_secret).</translation>
    </message>
</context>
<context>
    <name>lux::channels::social::x::XChannel</name>
    <message>
        <source>The post could not be read.</source>
        <translation>No se pudo leer la publicación.</translation>
    </message>
    <message>
        <source>X did not answer whether the post went, and this account's plan cannot read its posts to look: check %1 and say whether it is there.</source>
        <translation>X no respondió si la publicación salió, y el plan de esta cuenta no permite leer sus publicaciones para comprobarlo: mira %1 e indica si está ahí.</translation>
    </message>
    <message>
        <source>X has no such post on the account since the attempt.</source>
        <translation>En X no hay esa publicación en la cuenta desde el intento.</translation>
    </message>
    <message>
        <source>X did not answer whether the post went, and a post of links or pictures only cannot be told apart from the account's others: check the account and say whether it is there.</source>
        <translation>X no respondió si la publicación salió, y una publicación solo de enlaces o imágenes no se puede distinguir de las demás de la cuenta: revisa la cuenta y di si está allí.</translation>
    </message>
    <message>
        <source>X did not answer whether the post went, and the account has posted too much since to look: check %1 and say whether it is there.</source>
        <translation>X no respondió si la publicación salió, y desde entonces la cuenta ha publicado demasiado para buscarla: revisa %1 y di si está allí.</translation>
    </message>
</context>
<context>
    <name>lux::channels::social::x::XClient</name>
    <message>
        <source>X answered %1.</source>
        <translation>X respondió %1.</translation>
    </message>
    <message>
        <source>X's rate limit for this account is reached until %1.</source>
        <translation>Se ha alcanzado el límite de peticiones de X para esta cuenta hasta %1.</translation>
    </message>
    <message>
        <source>X refused the account's sign-in: connect it again (%1).</source>
        <translation>X rechazó el inicio de sesión de la cuenta: vuelve a conectarla (%1).</translation>
    </message>
    <message>
        <source>X did not give a sign-in: %1</source>
        <translation>X no concedió el inicio de sesión: %1</translation>
    </message>
    <message>
        <source>X: %1</source>
        <translation>X: %1</translation>
    </message>
    <message>
        <source>X's answer about the account had no id.</source>
        <translation>La respuesta de X sobre la cuenta no traía id.</translation>
    </message>
    <message>
        <source>X's answer to an upload had no media id.</source>
        <translation>La respuesta de X a una subida no traía id de medio.</translation>
    </message>
    <message>
        <source>X's answer to a post had no id.</source>
        <translation>La respuesta de X a una publicación no traía id.</translation>
    </message>
    <message>
        <source>X's list of the account's posts: %1</source>
        <translation>Lista de publicaciones de la cuenta en X: %1</translation>
    </message>
    <message numerus="yes">
        <source>X's list of the account's posts since the attempt is longer than %n page(s).</source>
        <translation><numerusform>La lista de publicaciones de la cuenta en X desde el intento ocupa más de %n página.</numerusform><numerusform>La lista de publicaciones de la cuenta en X desde el intento ocupa más de %n páginas.</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::channels::social::x::XConnector</name>
    <message>
        <source>Set the X app's client id first (social.x_client_id).</source>
        <translation>Indica primero el id de cliente de la aplicación de X (social.x_client_id).</translation>
    </message>
    <message>
        <source>X gave no refresh token (offline.access was not granted), so LUX could not post after two hours.</source>
        <translation>X no dio un token de actualización (no se concedió offline.access), así que LUX no podría publicar pasadas dos horas.</translation>
    </message>
</context>
<context>
    <name>lux::channels::twilio::SmsChannel</name>
    <message>
        <source>The campaign has no text to send.</source>
        <translation>La campaña no tiene texto que enviar.</translation>
    </message>
    <message>
        <source>The contact was deleted after the campaign started.</source>
        <translation>El contacto se eliminó después de empezar la campaña.</translation>
    </message>
    <message>
        <source>The text is empty for this contact.</source>
        <translation>El texto está vacío para este contacto.</translation>
    </message>
    <message>
        <source>[Test] </source>
        <translation>[Prueba] </translation>
    </message>
    <message>
        <source>Twilio refused a text to this number: it replied STOP (21610).</source>
        <translation>Twilio rechazó un SMS a este número: respondió STOP (21610).</translation>
    </message>
    <message>
        <source>The text cannot be made again to look for it: %1</source>
        <translation>No se puede volver a componer el texto para buscarlo: %1</translation>
    </message>
    <message>
        <source>Not sent: Twilio made no message to %1 after the attempt.</source>
        <translation>No enviado: Twilio no creó ningún mensaje para %1 después del intento.</translation>
    </message>
    <message>
        <source>Twilio sent %1 a different text from this sender after the attempt: decide whether this one went.</source>
        <translation>Twilio envió a %1 otro texto desde este remitente después del intento: decide si este llegó a salir.</translation>
    </message>
</context>
<context>
    <name>lux::channels::twilio::SmsChannelFactory</name>
    <message>
        <source>Set the Twilio account SID first (Settings → SMS, or luxctl settings set twilio.account_sid).</source>
        <translation>Indica primero el Account SID de Twilio (Ajustes → SMS, o luxctl settings set twilio.account_sid).</translation>
    </message>
    <message>
        <source>The Twilio Auth Token (or API key secret) is not available: save it under Settings → SMS (or luxctl settings secret twilio.auth_token; headless: LUX_SECRET_TWILIO_AUTH_TOKEN).</source>
        <translation>El Auth Token de Twilio (o el secreto de la clave de API) no está disponible: guárdalo en Ajustes → SMS (o luxctl settings secret twilio.auth_token; sin escritorio: LUX_SECRET_TWILIO_AUTH_TOKEN).</translation>
    </message>
</context>
<context>
    <name>lux::channels::twilio::TwilioClient</name>
    <message>
        <source>No answer from Twilio (%1).</source>
        <translation>Twilio no responde (%1).</translation>
    </message>
    <message>
        <source>Twilio's answer named no message.</source>
        <translation>La respuesta de Twilio no nombra ningún mensaje.</translation>
    </message>
    <message>
        <source>Twilio answered HTTP %1.</source>
        <translation>Twilio respondió HTTP %1.</translation>
    </message>
    <message>
        <source>Twilio refused the account SID or its secret (20003): check them under Settings → SMS.</source>
        <translation>Twilio rechazó el Account SID o su secreto (20003): revísalos en Ajustes → SMS.</translation>
    </message>
    <message>
        <source>Twilio's list of messages could not be read.</source>
        <translation>No se pudo leer la lista de mensajes de Twilio.</translation>
    </message>
</context>
<context>
    <name>lux::channels::woo::ProductStore</name>
    <message>
        <source>No product %1 in the synced catalogue.</source>
        <translation>No hay ningún producto %1 en el catálogo sincronizado.</translation>
    </message>
    <message>
        <source>No product with SKU %1 in the synced catalogue.</source>
        <translation>No hay ningún producto con el SKU %1 en el catálogo sincronizado.</translation>
    </message>
</context>
<context>
    <name>lux::channels::woo::ProductSync</name>
    <message>
        <source>The product sync was cancelled; the next one goes on from the same point.</source>
        <translation>Se canceló la sincronización de productos; la próxima continuará desde el mismo punto.</translation>
    </message>
</context>
<context>
    <name>lux::channels::woo::WooClient</name>
    <message>
        <source>Set the store's address (woo.base_url), such as https://shop.example.</source>
        <translation>Indica la dirección de la tienda (woo.base_url), por ejemplo https://shop.example.</translation>
    </message>
    <message>
        <source>The store address %1 is plain HTTP. The consumer key and secret are only sent over HTTPS (WooCommerce's OAuth 1.0a signatures for plain HTTP are not supported): use the store's https:// address.</source>
        <translation>La dirección de la tienda %1 usa HTTP sin cifrar. La clave y el secreto de consumidor solo se envían por HTTPS (no se admiten las firmas OAuth 1.0a de WooCommerce para HTTP sin cifrar): usa la dirección https:// de la tienda.</translation>
    </message>
    <message>
        <source>The store address %1 is not an https:// address.</source>
        <translation>La dirección de la tienda %1 no es una dirección https://.</translation>
    </message>
    <message>
        <source>The WooCommerce consumer key and secret are not set: create a read-only key under WooCommerce → Settings → Advanced → REST API and save both in the keychain.</source>
        <translation>No están configurados la clave y el secreto de consumidor de WooCommerce: crea una clave de solo lectura en WooCommerce → Ajustes → Avanzado → API REST y guarda ambos en el llavero.</translation>
    </message>
    <message>
        <source>The store did not answer (%1): try again later.</source>
        <translation>La tienda no respondió (%1): inténtalo más tarde.</translation>
    </message>
    <message>
        <source>The store refused the consumer key or secret (%1). Enter the keys again: a read key from WooCommerce → Settings → Advanced → REST API.</source>
        <translation>La tienda rechazó la clave o el secreto de consumidor (%1). Vuelve a introducir las claves: una clave de lectura de WooCommerce → Ajustes → Avanzado → API REST.</translation>
    </message>
    <message>
        <source>WooCommerce REST API not found at this address: check the store URL and pretty permalinks.</source>
        <translation>No se encontró la API REST de WooCommerce en esta dirección: comprueba la URL de la tienda y los enlaces permanentes amigables.</translation>
    </message>
    <message>
        <source>The store answered HTTP %1: try again later.</source>
        <translation>La tienda respondió HTTP %1: inténtalo más tarde.</translation>
    </message>
    <message>
        <source>The store refused the request (HTTP %1): %2</source>
        <translation>La tienda rechazó la petición (HTTP %1): %2</translation>
    </message>
    <message>
        <source>The store's list of products could not be read (%1).</source>
        <translation>No se pudo leer la lista de productos de la tienda (%1).</translation>
    </message>
</context>
<context>
    <name>lux::contacts::Addressing</name>
    <message>
        <source>"%1" is not a valid email address: %2</source>
        <translation>«%1» no es una dirección de correo válida: %2</translation>
    </message>
    <message>
        <source>The email address is empty.</source>
        <translation>La dirección de correo está vacía.</translation>
    </message>
    <message>
        <source>it has no @.</source>
        <translation>no tiene @.</translation>
    </message>
    <message>
        <source>nothing before the @.</source>
        <translation>no hay nada antes de la @.</translation>
    </message>
    <message>
        <source>nothing after the @.</source>
        <translation>no hay nada después de la @.</translation>
    </message>
    <message>
        <source>the part before the @ is longer than 64 characters.</source>
        <translation>la parte anterior a la @ tiene más de 64 caracteres.</translation>
    </message>
    <message>
        <source>dots must sit between characters before the @.</source>
        <translation>antes de la @, los puntos deben ir entre caracteres.</translation>
    </message>
    <message>
        <source>the character '%1' is not allowed before the @.</source>
        <translation>el carácter «%1» no se admite antes de la @.</translation>
    </message>
    <message>
        <source>the domain needs a dot, as in example.com.</source>
        <translation>el dominio necesita un punto, como en example.com.</translation>
    </message>
    <message>
        <source>the domain has an empty part.</source>
        <translation>el dominio tiene una parte vacía.</translation>
    </message>
    <message>
        <source>a domain part is longer than 63 characters.</source>
        <translation>una parte del dominio tiene más de 63 caracteres.</translation>
    </message>
    <message>
        <source>a domain part cannot start or end with a hyphen.</source>
        <translation>una parte del dominio no puede empezar ni terminar con guion.</translation>
    </message>
    <message>
        <source>the character '%1' is not allowed in the domain.</source>
        <translation>el carácter «%1» no se admite en el dominio.</translation>
    </message>
    <message>
        <source>the domain is not a valid international domain name.</source>
        <translation>el dominio no es un nombre de dominio internacional válido.</translation>
    </message>
    <message>
        <source>the domain ends in a number.</source>
        <translation>el dominio termina en un número.</translation>
    </message>
    <message>
        <source>it is longer than 254 characters.</source>
        <translation>tiene más de 254 caracteres.</translation>
    </message>
</context>
<context>
    <name>lux::contacts::ContactBulk</name>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>Cancelado; no se cambió nada.</translation>
    </message>
    <message>
        <source>A tag needs a name.</source>
        <translation>Una etiqueta necesita un nombre.</translation>
    </message>
    <message>
        <source>There is no tag named “%1”.</source>
        <translation>No hay ninguna etiqueta llamada «%1».</translation>
    </message>
    <message>
        <source>Unsubscribed by hand in LUX</source>
        <translation>Baja manual en LUX</translation>
    </message>
</context>
<context>
    <name>lux::contacts::ContactEraser</name>
    <message>
        <source>There is no contact with the email %1.</source>
        <translation>No hay ningún contacto con el correo %1.</translation>
    </message>
</context>
<context>
    <name>lux::contacts::ContactExporter</name>
    <message>
        <source>Could not open %1: %2</source>
        <translation>No se pudo abrir %1: %2</translation>
    </message>
</context>
<context>
    <name>lux::contacts::ContactImporter</name>
    <message>
        <source>Column "%1" is mapped to "%2", which is not a field. Fields: %3, custom:NAME, ignore.</source>
        <translation>La columna «%1» se asigna a «%2», que no es un campo. Campos: %3, custom:NOMBRE, ignore.</translation>
    </message>
    <message>
        <source>There is no column "%1" in the file's header.</source>
        <translation>No hay ninguna columna «%1» en la cabecera del archivo.</translation>
    </message>
    <message>
        <source>No column holds email addresses. Map one with --map COLUMN=email (columns: %1).</source>
        <translation>Ninguna columna contiene direcciones de correo. Asigna una con --map COLUMNA=email (columnas: %1).</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 está vacío.</translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation>No se pudo abrir %1: %2</translation>
    </message>
    <message>
        <source>line</source>
        <translation>línea</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>motivo</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was changed.</source>
        <translation>Se canceló la importación; no se cambió nada.</translation>
    </message>
    <message>
        <source>%1 fields where the header has %2</source>
        <translation>%1 campos cuando la cabecera tiene %2</translation>
    </message>
    <message>
        <source>status "%1" is not one of subscribed, unsubscribed, bounced, complained, cleaned</source>
        <translation>el estado «%1» no es ninguno de subscribed, unsubscribed, bounced, complained, cleaned</translation>
    </message>
    <message>
        <source>Columns %1 ("%2") and %3 ("%4") both hold email addresses. Map one of them to another field or to ignore (--map COLUMN=ignore).</source>
        <translation>Las columnas %1 («%2») y %3 («%4») contienen direcciones de correo. Asigna una de ellas a otro campo o ignórala (--map COLUMNA=ignore).</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation><numerusform>y %n más</numerusform><numerusform>y %n más</numerusform></translation>
    </message>
    <message>
        <source>%1, column %2: the column name is %3 characters long; the limit for a column name is %4. It starts "%5".</source>
        <translation>%1, columna %2: el nombre de la columna tiene %3 caracteres; el límite para un nombre de columna es %4. Empieza por «%5».</translation>
    </message>
    <message>
        <source>%1, column %2: the column name holds a control character (U+%3), which a header never has. It starts "%4".</source>
        <translation>%1, columna %2: el nombre de la columna contiene un carácter de control (U+%3), que un encabezado nunca tiene. Empieza por «%4».</translation>
    </message>
    <message>
        <source>%1: columns %2 and %3 are both called "%4". Rename one of them in the file; a mapping could not tell them apart.</source>
        <translation>%1: las columnas %2 y %3 se llaman ambas «%4». Cambia el nombre de una de ellas en el archivo; una asignación no podría distinguirlas.</translation>
    </message>
    <message>
        <source>the import could not be saved, and nothing was changed.</source>
        <translation>no se pudo guardar la importación y no se cambió nada.</translation>
    </message>
    <message>
        <source>%1, line %2</source>
        <translation>%1, línea %2</translation>
    </message>
    <message>
        <source>column %1 (%2) holds a control character (U+%3) at character %4; contact data cannot hold NUL or other control characters</source>
        <translation>la columna %1 (%2) contiene un carácter de control (U+%3) en el carácter %4; los datos de contacto no pueden contener NUL ni otros caracteres de control</translation>
    </message>
    <message>
        <source>Imported from %1</source>
        <translation>Importado de %1</translation>
    </message>
</context>
<context>
    <name>lux::contacts::ContactRepository</name>
    <message>
        <source>A contact with the email %1 already exists.</source>
        <translation>Ya existe un contacto con el correo %1.</translation>
    </message>
    <message>
        <source>There is no contact with the email %1.</source>
        <translation>No hay ningún contacto con el correo %1.</translation>
    </message>
    <message>
        <source>“%1” is not a contact status.</source>
        <translation>«%1» no es un estado de contacto.</translation>
    </message>
    <message>
        <source>This contact no longer exists.</source>
        <translation>Este contacto ya no existe.</translation>
    </message>
    <message>
        <source>%1 is on the suppression list and cannot be subscribed again.</source>
        <translation>%1 está en la lista de supresión y no se puede volver a suscribir.</translation>
    </message>
    <message>
        <source>Unsubscribed by hand in LUX</source>
        <translation>Baja manual en LUX</translation>
    </message>
    <message>
        <source>Subscribed again by hand in LUX</source>
        <translation>Suscrito de nuevo a mano en LUX</translation>
    </message>
</context>
<context>
    <name>lux::contacts::CsvReader</name>
    <message>
        <source>The file cannot be read.</source>
        <translation>No se puede leer el archivo.</translation>
    </message>
    <message>
        <source>Line %1: a quoted field is never closed.</source>
        <translation>Línea %1: un campo entre comillas no se cierra nunca.</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>Línea %1</translation>
    </message>
    <message>
        <source>%1, line %2</source>
        <translation>%1, línea %2</translation>
    </message>
    <message>
        <source>%1: the byte 0x%2 is not UTF-8, so the file was read as Windows-1252. If accented letters look wrong, import it again with its encoding chosen.</source>
        <translation>%1: el byte 0x%2 no es UTF-8, así que el archivo se leyó como Windows-1252. Si las letras acentuadas se ven mal, vuelve a importarlo eligiendo su codificación.</translation>
    </message>
    <message>
        <source>%1: bytes that are not valid %2 were replaced with "�".</source>
        <translation>%1: los bytes que no son %2 válido se sustituyeron por «�».</translation>
    </message>
    <message>
        <source>Line %1, column %2</source>
        <translation>Línea %1, columna %2</translation>
    </message>
    <message>
        <source>%1, line %2, column %3</source>
        <translation>%1, línea %2, columna %3</translation>
    </message>
    <message>
        <source>%1 is larger than %2, the limit for a CSV file.</source>
        <translation>%1 ocupa más de %2, el límite para un archivo CSV.</translation>
    </message>
    <message>
        <source>The file</source>
        <translation>El archivo</translation>
    </message>
    <message>
        <source>%1: the row is longer than %2 characters, the limit for one row. It starts "%3".</source>
        <translation>%1: la fila tiene más de %2 caracteres, el límite para una fila. Empieza por «%3».</translation>
    </message>
    <message>
        <source>%1: the field is longer than %2 characters, the limit for one field. It starts "%3".</source>
        <translation>%1: el campo tiene más de %2 caracteres, el límite para un campo. Empieza por «%3».</translation>
    </message>
    <message>
        <source>%1: the row has more than %2 columns, the limit for a CSV file.</source>
        <translation>%1: la fila tiene más de %2 columnas, el límite para un archivo CSV.</translation>
    </message>
</context>
<context>
    <name>lux::contacts::PhoneNumbers</name>
    <message>
        <source>Landline</source>
        <translation>Fijo</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Móvil</translation>
    </message>
    <message>
        <source>Landline or mobile</source>
        <translation>Fijo o móvil</translation>
    </message>
    <message>
        <source>Toll-free</source>
        <translation>Número gratuito</translation>
    </message>
    <message>
        <source>Premium rate</source>
        <translation>Tarificación adicional</translation>
    </message>
    <message>
        <source>Shared cost</source>
        <translation>Coste compartido</translation>
    </message>
    <message>
        <source>VoIP</source>
        <translation>VoIP</translation>
    </message>
    <message>
        <source>Personal number</source>
        <translation>Número personal</translation>
    </message>
    <message>
        <source>Pager</source>
        <translation>Buscapersonas</translation>
    </message>
    <message>
        <source>Company number (UAN)</source>
        <translation>Número de empresa (UAN)</translation>
    </message>
    <message>
        <source>Voicemail</source>
        <translation>Buzón de voz</translation>
    </message>
    <message>
        <source>Not a valid number</source>
        <translation>No es un número válido</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>"%1" is not a valid phone number: %2</source>
        <translation>«%1» no es un número de teléfono válido: %2</translation>
    </message>
    <message>
        <source>it is empty.</source>
        <translation>está vacío.</translation>
    </message>
    <message>
        <source>the country calling code after the + is not in use anywhere.</source>
        <translation>el prefijo de país tras el + no se usa en ningún país.</translation>
    </message>
    <message>
        <source>it has no country code (+…) and no default country is set.</source>
        <translation>no tiene prefijo de país (+…) y no hay país predeterminado.</translation>
    </message>
    <message>
        <source>it has no country code (+…) and the default country "%1" is not a known country.</source>
        <translation>no tiene prefijo de país (+…) y el país predeterminado «%1» no es un país conocido.</translation>
    </message>
    <message>
        <source>it does not read as a phone number (too few digits, or letters and signs that do not belong in one).</source>
        <translation>no se lee como un número de teléfono (pocos dígitos, o letras y signos que no corresponden).</translation>
    </message>
    <message>
        <source>too few digits after the international prefix.</source>
        <translation>faltan dígitos tras el prefijo internacional.</translation>
    </message>
    <message>
        <source>too few digits after the country code.</source>
        <translation>faltan dígitos tras el prefijo de país.</translation>
    </message>
    <message>
        <source>too many digits after the country code.</source>
        <translation>sobran dígitos tras el prefijo de país.</translation>
    </message>
    <message numerus="yes">
        <source>%n digit(s) after +%1 is too few for a number in %2.</source>
        <translation><numerusform>%n dígito tras +%1 es poco para un número de %2.</numerusform><numerusform>%n dígitos tras +%1 son pocos para un número de %2.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n digit(s) after +%1 is too many for a number in %2.</source>
        <translation><numerusform>%n dígito tras +%1 es demasiado para un número de %2.</numerusform><numerusform>%n dígitos tras +%1 son demasiados para un número de %2.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>no number in %2 has %n digit(s) after +%1.</source>
        <translation><numerusform>ningún número de %2 tiene %n dígito tras +%1.</numerusform><numerusform>ningún número de %2 tiene %n dígitos tras +%1.</numerusform></translation>
    </message>
    <message>
        <source>it is a local number in %1: add the area code.</source>
        <translation>es un número local de %1: añade el prefijo de zona.</translation>
    </message>
    <message>
        <source>the country calling code +%1 is not in use.</source>
        <translation>el prefijo de país +%1 no está en uso.</translation>
    </message>
    <message>
        <source>it has the length of a number in %1, but no number there starts with +%2 %3 (the range is not assigned).</source>
        <translation>tiene la longitud de un número de %1, pero allí ningún número empieza por +%2 %3 (el rango no está asignado).</translation>
    </message>
</context>
<context>
    <name>lux::contacts::Segment</name>
    <message>
        <source>%1: groups nest more than %2 deep.</source>
        <translation>%1: los grupos se anidan a más de %2 niveles.</translation>
    </message>
    <message>
        <source>%1: "match" is "all" or "any", not "%2".</source>
        <translation>%1: «match» es «all» o «any», no «%2».</translation>
    </message>
    <message>
        <source>%1: "rules" must be a list.</source>
        <translation>%1: «rules» debe ser una lista.</translation>
    </message>
    <message>
        <source>rule %1</source>
        <translation>regla %1</translation>
    </message>
    <message>
        <source>A segment has at most %1 rules.</source>
        <translation>Un segmento tiene como mucho %1 reglas.</translation>
    </message>
    <message>
        <source>%1 is not an object.</source>
        <translation>%1 no es un objeto.</translation>
    </message>
    <message>
        <source>a tag rule needs a tag name.</source>
        <translation>una regla de etiqueta necesita el nombre de la etiqueta.</translation>
    </message>
    <message>
        <source>a tag rule's op is "has" or "lacks", not "%1".</source>
        <translation>el operador de una regla de etiqueta es «has» o «lacks», no «%1».</translation>
    </message>
    <message>
        <source>"%1" is not a status (%2).</source>
        <translation>«%1» no es un estado (%2).</translation>
    </message>
    <message>
        <source>a status rule's op is "is" or "is_not", not "%1".</source>
        <translation>el operador de una regla de estado es «is» o «is_not», no «%1».</translation>
    </message>
    <message>
        <source>"within_days" needs a number of days.</source>
        <translation>«within_days» necesita un número de días.</translation>
    </message>
    <message>
        <source>"%1" is not a date (expected YYYY-MM-DD).</source>
        <translation>«%1» no es una fecha (se esperaba AAAA-MM-DD).</translation>
    </message>
    <message>
        <source>a date rule's op is "before", "after" or "within_days", not "%1".</source>
        <translation>el operador de una regla de fecha es «before», «after» o «within_days», no «%1».</translation>
    </message>
    <message>
        <source>"custom:" needs a field name.</source>
        <translation>«custom:» necesita un nombre de campo.</translation>
    </message>
    <message>
        <source>"%1" is not a field.</source>
        <translation>«%1» no es un campo.</translation>
    </message>
    <message>
        <source>"%1" needs a number.</source>
        <translation>«%1» necesita un número.</translation>
    </message>
    <message>
        <source>"%1" needs a value.</source>
        <translation>«%1» necesita un valor.</translation>
    </message>
    <message>
        <source>"%1" is not an operator for %2.</source>
        <translation>«%1» no es un operador para %2.</translation>
    </message>
    <message>
        <source>segment</source>
        <translation>segmento</translation>
    </message>
    <message>
        <source>The rules are not valid JSON at character %1: %2</source>
        <translation>Las reglas no son JSON válido en el carácter %1: %2</translation>
    </message>
    <message>
        <source>The rules must be a JSON object with "match" and "rules".</source>
        <translation>Las reglas deben ser un objeto JSON con «match» y «rules».</translation>
    </message>
    <message>
        <source>"%1" is not a phone type.</source>
        <translation>«%1» no es un tipo de teléfono.</translation>
    </message>
    <message>
        <source>a phone type rule's op is "textable", "not_textable", "is" or "is_not", not "%1".</source>
        <translation>el operador de una regla de tipo de teléfono es «textable», «not_textable», «is» o «is_not», no «%1».</translation>
    </message>
</context>
<context>
    <name>lux::contacts::SegmentRepository</name>
    <message>
        <source>A segment needs a name.</source>
        <translation>Un segmento necesita un nombre.</translation>
    </message>
    <message>
        <source>There is no segment called "%1".</source>
        <translation>No hay ningún segmento llamado «%1».</translation>
    </message>
</context>
<context>
    <name>lux::contacts::SmsConsent</name>
    <message>
        <source>There is no contact %1.</source>
        <translation>No existe el contacto %1.</translation>
    </message>
    <message>
        <source>SMS consent needs the words the person agreed to.</source>
        <translation>El consentimiento de SMS necesita las palabras que la persona aceptó.</translation>
    </message>
</context>
<context>
    <name>lux::contacts::SuppressionList</name>
    <message>
        <source>line %1: %2</source>
        <translation>línea %1: %2</translation>
    </message>
    <message>
        <source>%1 is not on the suppression list.</source>
        <translation>%1 no está en la lista de supresión.</translation>
    </message>
</context>
<context>
    <name>lux::content::MergeTemplate</name>
    <message>
        <source>In component “%1”: %2</source>
        <translation>En el componente «%1»: %2</translation>
    </message>
    <message>
        <source>A tag opened with {{ is never closed with }}.</source>
        <translation>Una etiqueta abierta con {{ nunca se cierra con }}.</translation>
    </message>
    <message>
        <source>{{/%1}} closes a section that was never opened.</source>
        <translation>{{/%1}} cierra una sección que nunca se abrió.</translation>
    </message>
    <message>
        <source>{{/%1}} found where {{/%2}} was expected.</source>
        <translation>Se encontró {{/%1}} donde se esperaba {{/%2}}.</translation>
    </message>
    <message>
        <source>Only a default is understood after |, written as {{%1 | default: "text"}}.</source>
        <translation>Después de | solo se entiende un valor por defecto, escrito así: {{%1 | default: "texto"}}.</translation>
    </message>
    <message>
        <source>A section ({{#%1}} or {{^%1}}) cannot have a default.</source>
        <translation>Una sección ({{#%1}} o {{^%1}}) no puede tener valor por defecto.</translation>
    </message>
    <message>
        <source>An empty tag {{ }}.</source>
        <translation>Una etiqueta vacía {{ }}.</translation>
    </message>
    <message>
        <source>“%1” is not a merge tag name.</source>
        <translation>«%1» no es un nombre de etiqueta de combinación.</translation>
    </message>
    <message>
        <source>Unknown merge tag {{%1}}.</source>
        <translation>Etiqueta de combinación desconocida {{%1}}.</translation>
    </message>
    <message>
        <source>{{#%1}} is never closed with {{/%1}}.</source>
        <translation>{{#%1}} nunca se cierra con {{/%1}}.</translation>
    </message>
    <message>
        <source>Unknown component {{&gt; %1}}.</source>
        <translation>Componente desconocido {{&gt; %1}}.</translation>
    </message>
    <message>
        <source>Component “%1” includes itself.</source>
        <translation>El componente «%1» se incluye a sí mismo.</translation>
    </message>
    <message numerus="yes">
        <source>Components are included more than %n level(s) deep here.</source>
        <translation><numerusform>Aquí los componentes se incluyen a más de %n nivel de profundidad.</numerusform><numerusform>Aquí los componentes se incluyen a más de %n niveles de profundidad.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>With its components in place the template would be over %n character(s); include fewer or smaller components.</source>
        <translation><numerusform>Con sus componentes, la plantilla pasaría de %n carácter; incluye menos componentes o más pequeños.</numerusform><numerusform>Con sus componentes, la plantilla pasaría de %n caracteres; incluye menos componentes o más pequeños.</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::content::PreSendCheck</name>
    <message>
        <source>The subject is empty.</source>
        <translation>El asunto está vacío.</translation>
    </message>
    <message>
        <source>The subject has %1 characters; mail clients cut it long before that. Keep it under 60.</source>
        <translation>El asunto tiene %1 caracteres; los clientes de correo lo cortan mucho antes. Mantenlo por debajo de 60.</translation>
    </message>
    <message>
        <source>The subject has %1 characters; phones show about 40 and desktops about 60.</source>
        <translation>El asunto tiene %1 caracteres; los móviles muestran unos 40 y los ordenadores unos 60.</translation>
    </message>
    <message>
        <source>The subject is mostly capital letters, which spam filters count against you.</source>
        <translation>El asunto está casi todo en mayúsculas, algo que los filtros de spam penalizan.</translation>
    </message>
    <message>
        <source>There is no preheader: inboxes will show the first words of the body next to the subject instead.</source>
        <translation>No hay texto de vista previa: las bandejas de entrada mostrarán en su lugar las primeras palabras del cuerpo junto al asunto.</translation>
    </message>
    <message>
        <source>There is no unsubscribe link. Add one with {{{unsubscribe_url}}} (the footer component has it).</source>
        <translation>No hay enlace para darse de baja. Añade uno con {{{unsubscribe_url}}} (el componente de pie lo incluye).</translation>
    </message>
    <message>
        <source>There is no postal address, which CAN-SPAM requires. Add {{brand.address}} (the footer component has it).</source>
        <translation>No hay dirección postal, que CAN-SPAM exige. Añade {{brand.address}} (el componente de pie la incluye).</translation>
    </message>
    <message>
        <source>The message is %1 KB; Gmail clips messages over 102 KB and hides the rest, including the unsubscribe link.</source>
        <translation>El mensaje ocupa %1 KB; Gmail recorta los mensajes de más de 102 KB y oculta el resto, incluido el enlace de baja.</translation>
    </message>
    <message>
        <source>An image has no alt text; many clients block images, and screen readers need it (alt="" marks a decorative one).</source>
        <translation>Una imagen no tiene texto alternativo; muchos clientes bloquean las imágenes y los lectores de pantalla lo necesitan (alt="" marca una decorativa).</translation>
    </message>
    <message>
        <source>A link goes nowhere (href="%1").</source>
        <translation>Un enlace no lleva a ninguna parte (href="%1").</translation>
    </message>
    <message>
        <source>A %1: link is blocked by every mail client.</source>
        <translation>Todos los clientes de correo bloquean un enlace %1:.</translation>
    </message>
    <message>
        <source>“%1” is not a valid link; use a full address such as https://example.com/page.</source>
        <translation>«%1» no es un enlace válido; usa una dirección completa como https://example.com/pagina.</translation>
    </message>
    <message>
        <source>“%1” is not encrypted; prefer https.</source>
        <translation>«%1» no está cifrado; mejor https.</translation>
    </message>
    <message>
        <source>“%1” in the subject is a common spam-filter trigger.</source>
        <translation>«%1» en el asunto suele activar los filtros de spam.</translation>
    </message>
    <message>
        <source>“%1” in the text is a common spam-filter trigger.</source>
        <translation>«%1» en el texto suele activar los filtros de spam.</translation>
    </message>
    <message>
        <source>Removed from the message: &lt;%1&gt; at line %2, column %3. Mail clients strip scripts and spam filters count them against you.</source>
        <translation>Quitado del mensaje: &lt;%1&gt; en la línea %2, columna %3. Los clientes de correo eliminan los scripts y los filtros de spam los cuentan en tu contra.</translation>
    </message>
    <message>
        <source>Removed from the message: the %4 attribute of &lt;%1&gt; at line %2, column %3. Mail clients run no scripts, and spam filters count event handlers against you.</source>
        <translation>Quitado del mensaje: el atributo %4 de &lt;%1&gt; en la línea %2, columna %3. Los clientes de correo no ejecutan scripts y los filtros de spam cuentan los manejadores de eventos en tu contra.</translation>
    </message>
    <message>
        <source>Removed from the message: &lt;%1&gt; at line %2, column %3, with its content. Mail clients do not show frames; link to the page instead.</source>
        <translation>Quitado del mensaje: &lt;%1&gt; en la línea %2, columna %3, con su contenido. Los clientes de correo no muestran marcos; enlaza a la página en su lugar.</translation>
    </message>
    <message>
        <source>Removed from the message: the &lt;%1&gt; tags at line %2, column %3 (what is inside stays). Most mail clients block forms; link to a form on the web instead.</source>
        <translation>Quitadas del mensaje: las etiquetas &lt;%1&gt; en la línea %2, columna %3 (lo que contienen se queda). La mayoría de los clientes de correo bloquean los formularios; enlaza a un formulario en la web en su lugar.</translation>
    </message>
    <message>
        <source>Removed from the message: &lt;%1&gt; at line %2, column %3. Most mail clients block form controls; use a link styled as a button instead.</source>
        <translation>Quitado del mensaje: &lt;%1&gt; en la línea %2, columna %3. La mayoría de los clientes de correo bloquean los controles de formulario; usa un enlace con aspecto de botón en su lugar.</translation>
    </message>
    <message>
        <source>Removed from the message: &lt;%1&gt; at line %2, column %3, with its content. Mail clients do not load embedded objects or plug-ins.</source>
        <translation>Quitado del mensaje: &lt;%1&gt; en la línea %2, columna %3, con su contenido. Los clientes de correo no cargan objetos incrustados ni complementos.</translation>
    </message>
    <message>
        <source>Removed from the message: &lt;%1&gt; at line %2, column %3. A base address would change where every link goes; write full addresses instead.</source>
        <translation>Quitado del mensaje: &lt;%1&gt; en la línea %2, columna %3. Una dirección base cambiaría el destino de todos los enlaces; escribe direcciones completas en su lugar.</translation>
    </message>
    <message>
        <source>Removed from the message: the refresh &lt;%1&gt; at line %2, column %3. A message cannot redirect its reader.</source>
        <translation>Quitado del mensaje: el &lt;%1&gt; de recarga en la línea %2, columna %3. Un mensaje no puede redirigir a quien lo lee.</translation>
    </message>
    <message>
        <source>Removed from the message: the script address in the %4 attribute of &lt;%1&gt; at line %2, column %3.</source>
        <translation>Quitada del mensaje: la dirección de script del atributo %4 de &lt;%1&gt; en la línea %2, columna %3.</translation>
    </message>
    <message>
        <source>The message body</source>
        <translation>El cuerpo del mensaje</translation>
    </message>
    <message>
        <source>Markup that mail clients strip (a script, a frame, a form or an on… attribute) comes into the message from a component or a merge tag's value; it is removed from the message.</source>
        <translation>Un componente o el valor de una etiqueta de combinación introduce en el mensaje marcado que los clientes de correo eliminan (un script, un marco, un formulario o un atributo on…); se quita del mensaje.</translation>
    </message>
</context>
<context>
    <name>lux::content::TemplateRenderer</name>
    <message>
        <source>%1 is %2 characters of Markdown; the limit is %3 (Gmail would clip the message it makes).</source>
        <translation>%1 tiene %2 caracteres de Markdown; el límite es %3 (Gmail recortaría el mensaje resultante).</translation>
    </message>
    <message numerus="yes">
        <source>%1 has a table row of more than %n cell(s) on line %2.</source>
        <translation><numerusform>%1 tiene una fila de tabla de más de %n celda en la línea %2.</numerusform><numerusform>%1 tiene una fila de tabla de más de %n celdas en la línea %2.</numerusform></translation>
    </message>
    <message>
        <source>The template “%1”</source>
        <translation>La plantilla «%1»</translation>
    </message>
    <message>
        <source>The message made from “%1” (components and merge tags in place)</source>
        <translation>El mensaje hecho a partir de «%1» (con componentes y etiquetas de combinación)</translation>
    </message>
    <message>
        <source>The message made from “%1” hides markup that mail clients strip (a script, a frame, a form or an on… attribute) in a way that cannot be cut out cleanly; remove it from the template.</source>
        <translation>El mensaje hecho a partir de «%1» esconde marcado que los clientes de correo eliminan (un script, un marco, un formulario o un atributo on…) de un modo que no se puede recortar limpiamente; quítalo de la plantilla.</translation>
    </message>
</context>
<context>
    <name>lux::content::TemplateStore</name>
    <message>
        <source>A template needs a name.</source>
        <translation>Una plantilla necesita un nombre.</translation>
    </message>
    <message>
        <source>“%1” is not a template format (html or markdown).</source>
        <translation>«%1» no es un formato de plantilla (html o markdown).</translation>
    </message>
    <message>
        <source>There is already a template named “%1”.</source>
        <translation>Ya hay una plantilla llamada «%1».</translation>
    </message>
    <message>
        <source>This template no longer exists.</source>
        <translation>Esta plantilla ya no existe.</translation>
    </message>
    <message>
        <source>There is no template named “%1”.</source>
        <translation>No hay ninguna plantilla llamada «%1».</translation>
    </message>
    <message>
        <source>“%1” cannot name a component: use letters, digits, -, _ and dots, as in {{&gt; footer}}.</source>
        <translation>«%1» no sirve como nombre de componente: usa letras, dígitos, -, _ y puntos, como en {{&gt; footer}}.</translation>
    </message>
    <message>
        <source>A brand kit needs a name.</source>
        <translation>Un kit de marca necesita un nombre.</translation>
    </message>
    <message>
        <source>Brand kit field “%1” must be text.</source>
        <translation>El campo «%1» del kit de marca debe ser texto.</translation>
    </message>
    <message>
        <source>There is no component named “%1”.</source>
        <translation>No hay ningún componente llamado «%1».</translation>
    </message>
    <message>
        <source>There is already a brand kit named “%1”.</source>
        <translation>Ya hay un kit de marca llamado «%1».</translation>
    </message>
    <message>
        <source>There is no brand kit named “%1”.</source>
        <translation>No hay ningún kit de marca llamado «%1».</translation>
    </message>
    <message>
        <source>The template “%1”</source>
        <translation>La plantilla «%1»</translation>
    </message>
    <message>
        <source>The component “%1”</source>
        <translation>El componente «%1»</translation>
    </message>
</context>
<context>
    <name>lux::events::EventMail</name>
    <message>
        <source>The language must be en or es, not '%1'.</source>
        <translation>El idioma debe ser en o es, no «%1».</translation>
    </message>
    <message>
        <source>The %1 message needs a subject and a text.</source>
        <translation>El mensaje %1 necesita un asunto y un texto.</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>asunto</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <source>The %1 message's %2, line %3, column %4: %5</source>
        <translation>Mensaje %1, %2, línea %3, columna %4: %5</translation>
    </message>
    <message>
        <source>“%1” has no organiser mailbox to send its messages from: choose one in the event.</source>
        <translation>«%1» no tiene un buzón organizador desde el que enviar sus mensajes: elige uno en el evento.</translation>
    </message>
    <message>
        <source>The organiser mailbox of “%1” is no longer a sender.</source>
        <translation>El buzón organizador de «%1» ya no es un remitente.</translation>
    </message>
    <message>
        <source>%1 cannot be written to: %2</source>
        <translation>No se puede escribir a %1: %2</translation>
    </message>
</context>
<context>
    <name>lux::events::EventMailChannel</name>
    <message>
        <source>Campaign %1 is not an event's mail.</source>
        <translation>La campaña %1 no es el correo de un evento.</translation>
    </message>
    <message>
        <source>The event's mail was not prepared.</source>
        <translation>El correo del evento no se preparó.</translation>
    </message>
    <message>
        <source>Message %1 of “%2” has no registration.</source>
        <translation>El mensaje %1 de «%2» no tiene inscripción.</translation>
    </message>
    <message>
        <source>Message %1 has an unknown kind.</source>
        <translation>El mensaje %1 es de un tipo desconocido.</translation>
    </message>
    <message>
        <source>%1 cancelled before this %2 message went.</source>
        <translation>%1 canceló antes de que saliera este mensaje %2.</translation>
    </message>
    <message>
        <source>“%1” had begun before this reminder could go.</source>
        <translation>«%1» ya había empezado cuando este recordatorio podía salir.</translation>
    </message>
    <message>
        <source>The %1 message cannot be merged: %2</source>
        <translation>No se pueden combinar los campos del mensaje %1: %2</translation>
    </message>
    <message>
        <source>An address of message %1 cannot be written.</source>
        <translation>Una dirección del mensaje %1 no se puede escribir.</translation>
    </message>
</context>
<context>
    <name>lux::events::EventPublisher</name>
    <message>
        <source>Events are published on lux-tracker: set its address and API token under Settings → Tracking.</source>
        <translation>Los eventos se publican en lux-tracker: indica su dirección y su token de API en Ajustes → Seguimiento.</translation>
    </message>
    <message>
        <source>“%1” has no organiser mailbox to send its messages from: choose one in the event.</source>
        <translation>«%1» no tiene un buzón organizador desde el que enviar sus mensajes: elige uno en el evento.</translation>
    </message>
    <message>
        <source>“%1” is a draft: publish it first.</source>
        <translation>«%1» es un borrador: publícalo antes.</translation>
    </message>
    <message>
        <source>lux-tracker at %1 cannot be reached (%2): “%3” is saved here and goes out with the next try.</source>
        <translation>No se puede conectar con lux-tracker en %1 (%2): «%3» está guardado aquí y saldrá en el próximo intento.</translation>
    </message>
    <message>
        <source>lux-tracker refused the API token (HTTP 401): check it under Settings → Tracking.</source>
        <translation>lux-tracker rechazó el token de API (HTTP 401): revísalo en Ajustes → Seguimiento.</translation>
    </message>
    <message>
        <source>lux-tracker has a newer version of “%1” than this database: %2</source>
        <translation>lux-tracker tiene una versión de «%1» más reciente que esta base de datos: %2</translation>
    </message>
    <message>
        <source>lux-tracker refused “%1” (HTTP %2): %3</source>
        <translation>lux-tracker rechazó «%1» (HTTP %2): %3</translation>
    </message>
</context>
<context>
    <name>lux::events::EventStore</name>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publicado</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminado</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmado</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>The title is required.</source>
        <translation>El título es obligatorio.</translation>
    </message>
    <message>
        <source>The title is %1 characters long; at most %2 fit.</source>
        <translation>El título tiene %1 caracteres; caben como máximo %2.</translation>
    </message>
    <message>
        <source>The language must be en or es, not '%1'.</source>
        <translation>El idioma debe ser en o es, no «%1».</translation>
    </message>
    <message>
        <source>The start and the end are required.</source>
        <translation>El inicio y el final son obligatorios.</translation>
    </message>
    <message>
        <source>The end (%1) must be after the start (%2).</source>
        <translation>El final (%1) debe ser posterior al inicio (%2).</translation>
    </message>
    <message>
        <source>The time zone '%1' is not an IANA time zone (such as Europe/Madrid).</source>
        <translation>La zona horaria «%1» no es una zona horaria IANA (como Europe/Madrid).</translation>
    </message>
    <message>
        <source>The capacity must be 0 (no limit) or more, not %1.</source>
        <translation>El aforo debe ser 0 (sin límite) o más, no %1.</translation>
    </message>
    <message>
        <source>Registration must close (%1) after it opens (%2).</source>
        <translation>La inscripción debe cerrarse (%1) después de abrirse (%2).</translation>
    </message>
    <message>
        <source>The online link '%1' must be an http or https address.</source>
        <translation>El enlace en línea «%1» debe ser una dirección http o https.</translation>
    </message>
    <message>
        <source>The proof-of-work difficulty must be between 0 and 28, not %1.</source>
        <translation>La dificultad de la prueba de trabajo debe estar entre 0 y 28, no %1.</translation>
    </message>
    <message>
        <source>An event has at most %1 questions, not %2.</source>
        <translation>Un evento tiene como máximo %1 preguntas, no %2.</translation>
    </message>
    <message>
        <source>Question %1 needs a label.</source>
        <translation>La pregunta %1 necesita un texto.</translation>
    </message>
    <message>
        <source>Question %1's label is longer than %2 characters.</source>
        <translation>El texto de la pregunta %1 tiene más de %2 caracteres.</translation>
    </message>
    <message>
        <source>Question %1 has choices, but only a choice question has them.</source>
        <translation>La pregunta %1 tiene opciones, pero solo una pregunta de opciones las tiene.</translation>
    </message>
    <message>
        <source>Question %1 is a choice: it needs 2 to %2 choices, not %3.</source>
        <translation>La pregunta %1 es de opciones: necesita de 2 a %2 opciones, no %3.</translation>
    </message>
    <message>
        <source>Question %1 has an empty choice.</source>
        <translation>La pregunta %1 tiene una opción vacía.</translation>
    </message>
    <message>
        <source>Question %1 repeats the choice '%2'.</source>
        <translation>La pregunta %1 repite la opción «%2».</translation>
    </message>
    <message>
        <source>An event has at most %1 reminders, not %2.</source>
        <translation>Un evento tiene como máximo %1 recordatorios, no %2.</translation>
    </message>
    <message>
        <source>A reminder %1 minutes before the start is outside 1 minute to 60 days.</source>
        <translation>Un recordatorio %1 minutos antes del inicio está fuera del intervalo de 1 minuto a 60 días.</translation>
    </message>
    <message>
        <source>Two reminders are %1 minutes before the start.</source>
        <translation>Hay dos recordatorios %1 minutos antes del inicio.</translation>
    </message>
    <message>
        <source>A tag must have 1 to 100 characters: '%1'.</source>
        <translation>Una etiqueta debe tener de 1 a 100 caracteres: «%1».</translation>
    </message>
    <message>
        <source>The organiser (sender %1) is not an email sender.</source>
        <translation>El organizador (remitente %1) no es un remitente de correo.</translation>
    </message>
    <message>
        <source>No free public address was found for the event; try again.</source>
        <translation>No se encontró una dirección pública libre para el evento; inténtalo de nuevo.</translation>
    </message>
    <message>
        <source>Event %1 is %2 and can no longer change.</source>
        <translation>El evento %1 está %2 y ya no puede cambiar.</translation>
    </message>
    <message>
        <source>Event %1 changed meanwhile; open it again.</source>
        <translation>El evento %1 cambió mientras tanto; ábrelo de nuevo.</translation>
    </message>
    <message>
        <source>There is no event at '%1'.</source>
        <translation>No hay ningún evento en «%1».</translation>
    </message>
    <message>
        <source>There is no event %1.</source>
        <translation>No existe el evento %1.</translation>
    </message>
    <message>
        <source>Event %1 is %2; it cannot become %3.</source>
        <translation>El evento %1 está %2; no puede pasar a %3.</translation>
    </message>
    <message>
        <source>Event %1 is %2: only a draft can be deleted.</source>
        <translation>El evento %1 está %2: solo se puede eliminar un borrador.</translation>
    </message>
    <message>
        <source>Event %1 has no consent text version %2.</source>
        <translation>El evento %1 no tiene la versión %2 del texto de consentimiento.</translation>
    </message>
    <message>
        <source>There is no registration %1.</source>
        <translation>No existe la inscripción %1.</translation>
    </message>
    <message>
        <source>The address '%1' is not valid: %2</source>
        <translation>La dirección «%1» no es válida: %2</translation>
    </message>
    <message>
        <source>A name is longer than %1 characters.</source>
        <translation>Un nombre tiene más de %1 caracteres.</translation>
    </message>
    <message>
        <source>Event %1 is %2: nobody can be added.</source>
        <translation>El evento %1 está %2: no se puede añadir a nadie.</translation>
    </message>
    <message>
        <source>%1 is already registered for event %2 (%3).</source>
        <translation>%1 ya está inscrito en el evento %2 (%3).</translation>
    </message>
    <message>
        <source>%1 registered through the public page; their registration is cancelled there, not by hand.</source>
        <translation>%1 se inscribió en la página pública; su inscripción se cancela allí, no a mano.</translation>
    </message>
    <message>
        <source>%1's registration is already cancelled.</source>
        <translation>La inscripción de %1 ya está cancelada.</translation>
    </message>
    <message>
        <source>A registration from lux-tracker needs its tracker id.</source>
        <translation>Una inscripción de lux-tracker necesita su id del tracker.</translation>
    </message>
    <message>
        <source>Registration %1 from lux-tracker has no address.</source>
        <translation>La inscripción %1 de lux-tracker no tiene dirección.</translation>
    </message>
    <message>
        <source>This ticket is for another event (%1).</source>
        <translation>Esta entrada es de otro evento (%1).</translation>
    </message>
    <message>
        <source>This ticket is for another event: %1.</source>
        <translation>Esta entrada es de otro evento: %1.</translation>
    </message>
    <message>
        <source>Nobody registered for this event matches '%1'.</source>
        <translation>Ningún inscrito en este evento coincide con «%1».</translation>
    </message>
    <message>
        <source>%1 is on the waiting list (place %2), not confirmed.</source>
        <translation>%1 está en la lista de espera (puesto %2), sin confirmar.</translation>
    </message>
    <message>
        <source>%1 is on the waiting list, not confirmed.</source>
        <translation>%1 está en la lista de espera, sin confirmar.</translation>
    </message>
    <message>
        <source>%1 has not confirmed their registration yet.</source>
        <translation>%1 aún no ha confirmado su inscripción.</translation>
    </message>
    <message>
        <source>%1's registration was cancelled.</source>
        <translation>La inscripción de %1 se canceló.</translation>
    </message>
    <message>
        <source>%1 is already checked in at %2.</source>
        <translation>%1 ya registró su entrada a las %2.</translation>
    </message>
    <message>
        <source>%1's registration changed meanwhile.</source>
        <translation>La inscripción de %1 cambió mientras tanto.</translation>
    </message>
    <message>
        <source>Checked in: %1.</source>
        <translation>Entrada registrada: %1.</translation>
    </message>
    <message>
        <source>%1 is not checked in.</source>
        <translation>%1 no ha registrado su entrada.</translation>
    </message>
    <message>
        <source>The attendee list could not be written: %1</source>
        <translation>No se pudo escribir la lista de asistentes: %1</translation>
    </message>
</context>
<context>
    <name>lux::events::Invite</name>
    <message>
        <source>“%1” is not a time zone this computer knows (say Europe/Madrid).</source>
        <translation>«%1» no es una zona horaria que este ordenador conozca (por ejemplo Europe/Madrid).</translation>
    </message>
    <message>
        <source>The event must end after it starts.</source>
        <translation>El evento debe terminar después de empezar.</translation>
    </message>
    <message>
        <source>An invite needs the event's UID and an organiser's address.</source>
        <translation>Una invitación necesita el UID del evento y la dirección del organizador.</translation>
    </message>
    <message>
        <source>An invite or a cancellation is for one registrant.</source>
        <translation>Una invitación o una cancelación es para un solo inscrito.</translation>
    </message>
    <message>
        <source>The invite could not be written.</source>
        <translation>No se pudo escribir la invitación.</translation>
    </message>
</context>
<context>
    <name>lux::events::RegistrationSync</name>
    <message>
        <source>event registration form</source>
        <translation>formulario de inscripción a un evento</translation>
    </message>
    <message>
        <source>Registration %1 of “%2” consented to no text version.</source>
        <translation>La inscripción %1 de «%2» dio su consentimiento sin versión de texto.</translation>
    </message>
    <message>
        <source>Event registration form for “%1”, consent text version %2: %3</source>
        <translation>Formulario de inscripción a «%1», versión %2 del texto de consentimiento: %3</translation>
    </message>
</context>
<context>
    <name>lux::events::Ticket</name>
    <message>
        <source>The ticket's QR code could not be made.</source>
        <translation>No se pudo crear el código QR de la entrada.</translation>
    </message>
</context>
<context>
    <name>lux::mailbox::InboundApplier</name>
    <message>
        <source>Hard bounce (%1) from campaign %2: %3</source>
        <translation>Rebote duro (%1) de la campaña %2: %3</translation>
    </message>
    <message>
        <source>Hard bounce (%1): %2</source>
        <translation>Rebote duro (%1): %2</translation>
    </message>
    <message numerus="yes">
        <source>%n soft bounces in a row over at least seven days</source>
        <translation><numerusform>%n rebote blando seguido en al menos siete días</numerusform><numerusform>%n rebotes blandos seguidos en al menos siete días</numerusform></translation>
    </message>
    <message>
        <source>Unsubscribe mail to %1 about campaign %2</source>
        <translation>Correo de baja a %1 sobre la campaña %2</translation>
    </message>
    <message>
        <source>Unsubscribe mail to %1</source>
        <translation>Correo de baja a %1</translation>
    </message>
</context>
<context>
    <name>lux::mailbox::InboundClassifier</name>
    <message>
        <source>The message is %1 bytes; at most %2 are read.</source>
        <translation>El mensaje tiene %1 bytes; se leen como máximo %2.</translation>
    </message>
    <message>
        <source>The message has %1 MIME parts or more; at most %2 are read.</source>
        <translation>El mensaje tiene %1 partes MIME o más; se leen como máximo %2.</translation>
    </message>
    <message>
        <source>The message could not be parsed: %1</source>
        <translation>No se pudo analizar el mensaje: %1</translation>
    </message>
    <message>
        <source>The message has %1 lines that start with “--”; at most %2 are read.</source>
        <translation>El mensaje tiene %1 líneas que empiezan por «--»; se leen como mucho %2.</translation>
    </message>
</context>
<context>
    <name>lux::mailbox::MailboxReader</name>
    <message>
        <source>LUX reads the Inbox of %1 but may not mark messages read or move them: grant the app Mail.ReadWrite (or sign in again). They stay unread; none is read twice.</source>
        <translation>LUX lee la bandeja de entrada de %1 pero no puede marcar los mensajes como leídos ni moverlos: concede a la aplicación Mail.ReadWrite (o vuelve a iniciar sesión). Se quedan sin leer; ninguno se lee dos veces.</translation>
    </message>
    <message>
        <source>LUX may not read the Inbox of %1, so its bounces, replies and unsubscribe mails are not seen. Grant the app registration the Mail.Read application permission (Mail.ReadWrite to also mark them read or move them), or sign in again under Settings → Sending.</source>
        <translation>LUX no puede leer la bandeja de entrada de %1, así que no ve sus rebotes, respuestas ni correos de baja. Concede al registro de la aplicación el permiso de aplicación Mail.Read (Mail.ReadWrite para además marcarlos como leídos o moverlos), o vuelve a iniciar sesión en Ajustes → Envío.</translation>
    </message>
</context>
<context>
    <name>lux::net::AddressPolicy</name>
    <message>
        <source>an address of "this network"</source>
        <translation>una dirección de «esta red»</translation>
    </message>
    <message>
        <source>the unspecified address</source>
        <translation>la dirección no especificada</translation>
    </message>
    <message>
        <source>a loopback address (this computer)</source>
        <translation>una dirección de bucle local (este equipo)</translation>
    </message>
    <message>
        <source>a private address</source>
        <translation>una dirección privada</translation>
    </message>
    <message>
        <source>a carrier-grade NAT address</source>
        <translation>una dirección de NAT de operador (CGNAT)</translation>
    </message>
    <message>
        <source>a link-local address</source>
        <translation>una dirección de enlace local</translation>
    </message>
    <message>
        <source>a cloud metadata address</source>
        <translation>una dirección de metadatos de la nube</translation>
    </message>
    <message>
        <source>a unique local (private) address</source>
        <translation>una dirección local única (privada)</translation>
    </message>
    <message>
        <source>a site-local address</source>
        <translation>una dirección local de sitio</translation>
    </message>
    <message>
        <source>a benchmarking address</source>
        <translation>una dirección para pruebas de rendimiento</translation>
    </message>
    <message>
        <source>a local NAT64 address</source>
        <translation>una dirección NAT64 local</translation>
    </message>
    <message>
        <source>an IETF protocol address</source>
        <translation>una dirección de protocolos del IETF</translation>
    </message>
    <message>
        <source>a Teredo tunnel address</source>
        <translation>una dirección de túnel Teredo</translation>
    </message>
    <message>
        <source>a documentation address</source>
        <translation>una dirección de documentación</translation>
    </message>
    <message>
        <source>a 6to4 relay address</source>
        <translation>una dirección de retransmisión 6to4</translation>
    </message>
    <message>
        <source>a multicast address</source>
        <translation>una dirección de multidifusión</translation>
    </message>
    <message>
        <source>a reserved address</source>
        <translation>una dirección reservada</translation>
    </message>
    <message>
        <source>the broadcast address</source>
        <translation>la dirección de difusión</translation>
    </message>
    <message>
        <source>an IPv4-compatible address (deprecated)</source>
        <translation>una dirección compatible con IPv4 (obsoleta)</translation>
    </message>
    <message>
        <source>an IPv4-translated address</source>
        <translation>una dirección traducida de IPv4</translation>
    </message>
    <message>
        <source>a discard-only address</source>
        <translation>una dirección de solo descarte</translation>
    </message>
    <message>
        <source>an SRv6 segment identifier</source>
        <translation>un identificador de segmento SRv6</translation>
    </message>
    <message>
        <source>a special address</source>
        <translation>una dirección especial</translation>
    </message>
    <message>
        <source>%1 is %2 (%3)</source>
        <translation>%1 es %2 (%3)</translation>
    </message>
</context>
<context>
    <name>lux::net::SafeFetcher</name>
    <message>
        <source>%1 could not be looked up within %2 s.</source>
        <translation>No se pudo resolver %1 en %2 s.</translation>
    </message>
    <message>
        <source>%1 could not be found: %2</source>
        <translation>No se encontró %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a web address.</source>
        <translation>%1 no es una dirección web.</translation>
    </message>
    <message>
        <source>%1: only http and https addresses are fetched, not %2.</source>
        <translation>%1: solo se descargan direcciones http y https, no %2.</translation>
    </message>
    <message>
        <source>%1: "%2" is neither a host name nor an address.</source>
        <translation>%1: «%2» no es un nombre de host ni una dirección.</translation>
    </message>
    <message>
        <source>allow local addresses to fetch an intranet site</source>
        <translation>permite las direcciones locales para descargar un sitio de intranet</translation>
    </message>
    <message>
        <source>%1 is %2 (%3)</source>
        <translation>%1 es %2 (%3)</translation>
    </message>
    <message>
        <source>%1: %2; %3.</source>
        <translation>%1: %2; %3.</translation>
    </message>
    <message>
        <source>%1: %2, which is never fetched.</source>
        <translation>%1: %2, que nunca se descarga.</translation>
    </message>
    <message>
        <source>%1 could not be found: it has no address.</source>
        <translation>No se encontró %1: no tiene dirección.</translation>
    </message>
    <message>
        <source>%1 resolves to %2, %3 (%4)</source>
        <translation>%1 se resuelve a %2, %3 (%4)</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>%1 took longer than %2 s to fetch.</source>
        <translation>%1 tardó más de %2 s en descargarse.</translation>
    </message>
    <message>
        <source>%1 redirects: %2</source>
        <translation>%1 redirige: %2</translation>
    </message>
    <message>
        <source>%1 is larger than %2, the most a page may have.</source>
        <translation>%1 ocupa más de %2, el máximo que puede tener una página.</translation>
    </message>
    <message>
        <source>%1 could not be fetched: %2</source>
        <translation>No se pudo descargar %1: %2</translation>
    </message>
    <message>
        <source>%1 redirects more than %2 times (the last one to %3).</source>
        <translation>%1 redirige más de %2 veces (la última, a %3).</translation>
    </message>
    <message>
        <source>%1 redirects to "%2", which is not a web address.</source>
        <translation>%1 redirige a «%2», que no es una dirección web.</translation>
    </message>
</context>
<context>
    <name>lux::preview::EmailDocument</name>
    <message>
        <source>Image not shown</source>
        <translation>Imagen no mostrada</translation>
    </message>
    <message>
        <source>An image written into the email (a data: URI of %1) is over the preview's limit of %2.</source>
        <translation>Una imagen escrita en el correo (un URI data: de %1) supera el límite de la vista previa, %2.</translation>
    </message>
    <message>
        <source>Image %1 is a relative path, and this email has no folder to find it in.</source>
        <translation>La imagen %1 es una ruta relativa y este correo no tiene una carpeta donde buscarla.</translation>
    </message>
    <message>
        <source>Image %1 was not found.</source>
        <translation>No se encontró la imagen %1.</translation>
    </message>
    <message>
        <source>Image %1: %2</source>
        <translation>Imagen %1: %2</translation>
    </message>
    <message>
        <source>Image %1 is outside the template's folder; the preview shows local images from elsewhere only when you allow them.</source>
        <translation>La imagen %1 está fuera de la carpeta de la plantilla; la vista previa solo muestra imágenes locales de otros sitios si lo permites.</translation>
    </message>
    <message>
        <source>written into the email</source>
        <translation>escrita en el correo</translation>
    </message>
    <message>
        <source>Image %1 is %2, over the preview's limit of %3.</source>
        <translation>La imagen %1 ocupa %2, más que el límite de la vista previa, %3.</translation>
    </message>
    <message>
        <source>Image %1 declares %2 × %3 pixels; the preview shows images up to %4 pixels a side and %5 million in all.</source>
        <translation>La imagen %1 declara %2 × %3 píxeles; la vista previa muestra imágenes de hasta %4 píxeles por lado y %5 millones en total.</translation>
    </message>
    <message>
        <source>Image %1 was left out: the email's images together are over the preview's %2.</source>
        <translation>Se omitió la imagen %1: las imágenes del correo juntas superan los %2 de la vista previa.</translation>
    </message>
    <message>
        <source>Image %1 cannot be shown: %2</source>
        <translation>No se puede mostrar la imagen %1: %2</translation>
    </message>
    <message>
        <source>the email</source>
        <translation>el correo</translation>
    </message>
    <message>
        <source>The email is %1 × %2 pixels; the preview stops at %3 × %4, and the rest is not shown.</source>
        <translation>El correo mide %1 × %2 píxeles; la vista previa se detiene en %3 × %4 y el resto no se muestra.</translation>
    </message>
    <message>
        <source>The preview stops here: the email is %1 px tall, and the preview shows the first %2 px.</source>
        <translation>La vista previa se detiene aquí: el correo mide %1 px de alto y la vista previa muestra los primeros %2 px.</translation>
    </message>
</context>
<context>
    <name>lux::seo::Analyzer</name>
    <message>
        <source>A script builds this page's content: it was analysed as served, before scripts run.</source>
        <translation>Un script construye el contenido de esta página: se ha analizado tal como se sirve, antes de que se ejecuten los scripts.</translation>
    </message>
    <message>
        <source>Search engines render scripts late or not at all; what is served is what they surely see.</source>
        <translation>Los buscadores ejecutan los scripts tarde o nunca; lo que se sirve es lo que seguro que ven.</translation>
    </message>
    <message>
        <source>Serve the main text and links in the HTML (server-side rendering or pre-rendering).</source>
        <translation>Sirve el texto principal y los enlaces en el HTML (renderizado en el servidor o prerenderizado).</translation>
    </message>
    <message>
        <source>Crawling and Indexing</source>
        <translation>Rastreo e indexación</translation>
    </message>
    <message>
        <source>Content Best Practices</source>
        <translation>Buenas prácticas de contenido</translation>
    </message>
    <message>
        <source>Networks show a link's card without its picture when they cannot fetch one.</source>
        <translation>Las redes muestran la tarjeta de un enlace sin su imagen cuando no pueden descargarla.</translation>
    </message>
    <message>
        <source>Point the tag at a picture that loads from a public address (a JPEG or PNG; 1200×630 px suits every network).</source>
        <translation>Haz que la etiqueta apunte a una imagen que cargue desde una dirección pública (un JPEG o un PNG; 1200×630 px sirve para todas las redes).</translation>
    </message>
    <message>
        <source>%1 “%2” cannot be fetched: %3</source>
        <translation>%1 «%2» no se puede descargar: %3</translation>
    </message>
    <message>
        <source>%1 “%2” answers HTTP %3.</source>
        <translation>%1 «%2» responde HTTP %3.</translation>
    </message>
    <message>
        <source>%1 “%2” is not a picture: it is served as “%3”.</source>
        <translation>%1 «%2» no es una imagen: se sirve como «%3».</translation>
    </message>
    <message>
        <source>no type</source>
        <translation>sin tipo</translation>
    </message>
</context>
<context>
    <name>lux::seo::Audits</name>
    <message>
        <source>The page has no &lt;title&gt; element.</source>
        <translation>La página no tiene elemento &lt;title&gt;.</translation>
    </message>
    <message>
        <source>The page's &lt;title&gt; is empty.</source>
        <translation>El &lt;title&gt; de la página está vacío.</translation>
    </message>
    <message>
        <source>An empty title.</source>
        <translation>Un título vacío.</translation>
    </message>
    <message>
        <source>The page has no meta description in its &lt;head&gt;.</source>
        <translation>La página no tiene meta descripción en su &lt;head&gt;.</translation>
    </message>
    <message>
        <source>The meta description is empty.</source>
        <translation>La meta descripción está vacía.</translation>
    </message>
    <message>
        <source>No text in content.</source>
        <translation>No hay texto en content.</translation>
    </message>
    <message>
        <source>The page answered with HTTP status %1.</source>
        <translation>La página respondió con el estado HTTP %1.</translation>
    </message>
    <message>
        <source>“%1” says nothing of where it goes.</source>
        <translation>«%1» no dice nada de adónde lleva.</translation>
    </message>
    <message numerus="yes">
        <source>%n link(s) with text that does not say where it goes.</source>
        <translation><numerusform>%n enlace con un texto que no dice adónde lleva.</numerusform><numerusform>%n enlaces con un texto que no dice adónde llevan.</numerusform></translation>
    </message>
    <message>
        <source>A file: address is on your computer, not on the web.</source>
        <translation>Una dirección file: está en tu ordenador, no en la web.</translation>
    </message>
    <message>
        <source>A link without an address that a script follows: crawlers cannot.</source>
        <translation>Un enlace sin dirección que sigue un script: los rastreadores no pueden seguirlo.</translation>
    </message>
    <message>
        <source>A link without an address.</source>
        <translation>Un enlace sin dirección.</translation>
    </message>
    <message>
        <source>javascript:void(0) goes nowhere a crawler can follow.</source>
        <translation>javascript:void(0) no lleva a ningún sitio que un rastreador pueda seguir.</translation>
    </message>
    <message>
        <source>“%1” is not an address a crawler can follow.</source>
        <translation>«%1» no es una dirección que un rastreador pueda seguir.</translation>
    </message>
    <message numerus="yes">
        <source>%n link(s) that crawlers cannot follow.</source>
        <translation><numerusform>%n enlace que los rastreadores no pueden seguir.</numerusform><numerusform>%n enlaces que los rastreadores no pueden seguir.</numerusform></translation>
    </message>
    <message>
        <source>Its alt is only spaces: say what the picture shows, or leave alt empty if it is decoration.</source>
        <translation>Su alt solo tiene espacios: di qué muestra la imagen, o deja alt vacío si es decorativa.</translation>
    </message>
    <message>
        <source>No alt text: say what the picture shows (alt="" for decoration).</source>
        <translation>Sin texto alternativo: di qué muestra la imagen (alt="" si es decorativa).</translation>
    </message>
    <message>
        <source>The page shows no &lt;img&gt;.</source>
        <translation>La página no muestra ningún &lt;img&gt;.</translation>
    </message>
    <message numerus="yes">
        <source>%n picture(s) without alt text.</source>
        <translation><numerusform>%n imagen sin texto alternativo.</numerusform><numerusform>%n imágenes sin texto alternativo.</numerusform></translation>
    </message>
    <message>
        <source>“%1” is not a language code (ISO 639, optionally with a region: en, en-GB, x-default).</source>
        <translation>«%1» no es un código de idioma (ISO 639, opcionalmente con una región: en, en-GB, x-default).</translation>
    </message>
    <message>
        <source>“%1” is relative: hreflang links need the whole address.</source>
        <translation>«%1» es relativa: los enlaces hreflang necesitan la dirección completa.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) with the page's language alternates.</source>
        <translation><numerusform>%n problema con las versiones de la página en otros idiomas.</numerusform><numerusform>%n problemas con las versiones de la página en otros idiomas.</numerusform></translation>
    </message>
    <message>
        <source>“%1” is not a valid address.</source>
        <translation>«%1» no es una dirección válida.</translation>
    </message>
    <message>
        <source>“%1” is not a whole address.</source>
        <translation>«%1» no es una dirección completa.</translation>
    </message>
    <message>
        <source>The canonical link's address is not valid.</source>
        <translation>La dirección del enlace canonical no es válida.</translation>
    </message>
    <message>
        <source>The canonical link's address is relative: give the whole address.</source>
        <translation>La dirección del enlace canonical es relativa: indica la dirección completa.</translation>
    </message>
    <message>
        <source>The page names no canonical address.</source>
        <translation>La página no indica ninguna dirección canónica.</translation>
    </message>
    <message>
        <source>The page names several canonical addresses: %1.</source>
        <translation>La página indica varias direcciones canónicas: %1.</translation>
    </message>
    <message>
        <source>One canonical address, or none.</source>
        <translation>Una dirección canónica, o ninguna.</translation>
    </message>
    <message>
        <source>The canonical address is another language's page (%1).</source>
        <translation>La dirección canónica es la página de otro idioma (%1).</translation>
    </message>
    <message>
        <source>Each language's page is its own canonical.</source>
        <translation>La página de cada idioma es su propia canónica.</translation>
    </message>
    <message>
        <source>The canonical address is the site's home page, not this page's.</source>
        <translation>La dirección canónica es la página de inicio del sitio, no la de esta página.</translation>
    </message>
    <message>
        <source>Point it at this page's own address.</source>
        <translation>Haz que apunte a la dirección de esta misma página.</translation>
    </message>
    <message>
        <source>&lt;meta name="%1" content="%2"&gt;</source>
        <translation>&lt;meta name="%1" content="%2"&gt;</translation>
    </message>
    <message>
        <source>Keeps %1 out: %2</source>
        <translation>Bloquea a %1: %2</translation>
    </message>
    <message>
        <source>X-Robots-Tag: %1</source>
        <translation>X-Robots-Tag: %1</translation>
    </message>
    <message>
        <source>Keeps %1 out.</source>
        <translation>Bloquea a %1.</translation>
    </message>
    <message>
        <source>robots.txt</source>
        <translation>robots.txt</translation>
    </message>
    <message>
        <source>Disallows this page for %1.</source>
        <translation>Prohíbe esta página a %1.</translation>
    </message>
    <message>
        <source>Search engines are kept from indexing this page.</source>
        <translation>Se impide a los buscadores indexar esta página.</translation>
    </message>
    <message>
        <source>Indexable, but kept from: %1.</source>
        <translation>Indexable, pero bloqueada para: %1.</translation>
    </message>
    <message>
        <source>The site serves no robots.txt.</source>
        <translation>El sitio no sirve ningún robots.txt.</translation>
    </message>
    <message>
        <source>robots.txt answered with status %1, which has no verdict.</source>
        <translation>robots.txt respondió con el estado %1, que no tiene veredicto.</translation>
    </message>
</context>
<context>
    <name>lux::seo::ContentChecks</name>
    <message>
        <source>The page has no H1.</source>
        <translation>La página no tiene H1.</translation>
    </message>
    <message>
        <source>The H1 tells readers and search engines what the page is about.</source>
        <translation>El H1 dice a los lectores y a los buscadores de qué trata la página.</translation>
    </message>
    <message>
        <source>Give the page one &lt;h1&gt; with its main topic.</source>
        <translation>Dale a la página un &lt;h1&gt; con su tema principal.</translation>
    </message>
    <message>
        <source>A second H1: “%1”.</source>
        <translation>Un segundo H1: «%1».</translation>
    </message>
    <message>
        <source>One H1 makes the page's main topic plain.</source>
        <translation>Un solo H1 deja claro el tema principal de la página.</translation>
    </message>
    <message>
        <source>Make the other top headings &lt;h2&gt;.</source>
        <translation>Convierte los demás encabezados principales en &lt;h2&gt;.</translation>
    </message>
    <message>
        <source>An H%1 follows an H%2: a level is skipped.</source>
        <translation>Un H%1 sigue a un H%2: se salta un nivel.</translation>
    </message>
    <message>
        <source>Headings in order give the page an outline readers and assistive technology can follow.</source>
        <translation>Los encabezados en orden dan a la página un esquema que los lectores y las tecnologías de apoyo pueden seguir.</translation>
    </message>
    <message>
        <source>Use &lt;h%1&gt; here, or add the missing level above it.</source>
        <translation>Usa &lt;h%1&gt; aquí, o añade encima el nivel que falta.</translation>
    </message>
    <message numerus="yes">
        <source>%n word(s) on the page.</source>
        <translation><numerusform>%n palabra en la página.</numerusform><numerusform>%n palabras en la página.</numerusform></translation>
    </message>
    <message>
        <source>Pages with little text rarely rank for anything but their name.</source>
        <translation>Las páginas con poco texto rara vez posicionan por algo que no sea su nombre.</translation>
    </message>
    <message>
        <source>Say more about the topic: what it is, who it is for, the questions people ask (about %1 words or more).</source>
        <translation>Cuenta más sobre el tema: qué es, para quién es, las preguntas que se hace la gente (unas %1 palabras o más).</translation>
    </message>
    <message>
        <source>Reading ease %1 (%2): hard to read.</source>
        <translation>Facilidad de lectura %1 (%2): difícil de leer.</translation>
    </message>
    <message>
        <source>Most visitors skim; long sentences and long words lose them.</source>
        <translation>La mayoría de los visitantes lee por encima; las frases largas y las palabras largas los pierden.</translation>
    </message>
    <message>
        <source>Shorten sentences (%1 words on average now) and prefer shorter words.</source>
        <translation>Acorta las frases (ahora tienen %1 palabras de media) y prefiere palabras más cortas.</translation>
    </message>
    <message>
        <source>The keyphrase “%1” is not in %2.</source>
        <translation>La frase clave «%1» no está en %2.</translation>
    </message>
    <message>
        <source>Search engines and readers look for the words they searched in these places first.</source>
        <translation>Los buscadores y los lectores miran primero en estos lugares si están las palabras que se buscaron.</translation>
    </message>
    <message>
        <source>the title</source>
        <translation>el título</translation>
    </message>
    <message>
        <source>Put it in the title, near the start.</source>
        <translation>Ponla en el título, cerca del principio.</translation>
    </message>
    <message>
        <source>the meta description</source>
        <translation>la meta descripción</translation>
    </message>
    <message>
        <source>Use it once in the description.</source>
        <translation>Úsala una vez en la descripción.</translation>
    </message>
    <message>
        <source>the first paragraph</source>
        <translation>el primer párrafo</translation>
    </message>
    <message>
        <source>Mention it in the opening lines.</source>
        <translation>Menciónala en las primeras líneas.</translation>
    </message>
    <message>
        <source>the address</source>
        <translation>la dirección</translation>
    </message>
    <message>
        <source>Use it in the page's address, words joined by hyphens.</source>
        <translation>Úsala en la dirección de la página, con las palabras unidas por guiones.</translation>
    </message>
    <message>
        <source>an H1 or H2</source>
        <translation>ningún H1 ni H2</translation>
    </message>
    <message>
        <source>Use it in a main heading.</source>
        <translation>Úsala en un encabezado principal.</translation>
    </message>
    <message numerus="yes">
        <source>The keyphrase is %1% of the words (%n time(s)).</source>
        <translation><numerusform>La frase clave es el %1% de las palabras (%n vez).</numerusform><numerusform>La frase clave es el %1% de las palabras (%n veces).</numerusform></translation>
    </message>
    <message>
        <source>Repeating a phrase this often reads as stuffing to people and to search engines.</source>
        <translation>Repetir una frase tan a menudo parece relleno a las personas y a los buscadores.</translation>
    </message>
    <message>
        <source>Keep it under %1%: use synonyms and related words.</source>
        <translation>Mantenla por debajo del %1%: usa sinónimos y palabras relacionadas.</translation>
    </message>
    <message>
        <source>Open Graph tags missing: %1.</source>
        <translation>Faltan etiquetas Open Graph: %1.</translation>
    </message>
    <message>
        <source>Facebook, LinkedIn and messaging apps build the link's card from them.</source>
        <translation>Facebook, LinkedIn y las aplicaciones de mensajería construyen con ellas la tarjeta del enlace.</translation>
    </message>
    <message>
        <source>Add &lt;meta property="og:…" content="…"&gt; for each in the &lt;head&gt;.</source>
        <translation>Añade &lt;meta property="og:…" content="…"&gt; para cada una en el &lt;head&gt;.</translation>
    </message>
    <message>
        <source>No twitter:card tag.</source>
        <translation>No hay etiqueta twitter:card.</translation>
    </message>
    <message>
        <source>X shows a plain link without it.</source>
        <translation>Sin ella, X muestra un enlace simple.</translation>
    </message>
    <message>
        <source>Add &lt;meta name="twitter:card" content="summary_large_image"&gt;.</source>
        <translation>Añade &lt;meta name="twitter:card" content="summary_large_image"&gt;.</translation>
    </message>
    <message>
        <source>og:image “%1” is not a web address.</source>
        <translation>og:image «%1» no es una dirección web.</translation>
    </message>
    <message>
        <source>Networks fetch the picture from its address.</source>
        <translation>Las redes descargan la imagen desde su dirección.</translation>
    </message>
    <message>
        <source>Give the picture's full https address.</source>
        <translation>Indica la dirección https completa de la imagen.</translation>
    </message>
    <message>
        <source>offers, review or aggregateRating</source>
        <translation>offers, review o aggregateRating</translation>
    </message>
    <message>
        <source>%1 lacks %2.</source>
        <translation>%1 no tiene %2.</translation>
    </message>
    <message>
        <source>Google shows rich results only for items with their required properties.</source>
        <translation>Google solo muestra resultados enriquecidos de los elementos que tienen sus propiedades obligatorias.</translation>
    </message>
    <message>
        <source>Add the missing properties to the JSON-LD.</source>
        <translation>Añade al JSON-LD las propiedades que faltan.</translation>
    </message>
    <message>
        <source>A JSON-LD block does not parse: %1 at character %2.</source>
        <translation>Un bloque JSON-LD no se puede analizar: %1 en el carácter %2.</translation>
    </message>
    <message>
        <source>Search engines ignore structured data they cannot read.</source>
        <translation>Los buscadores ignoran los datos estructurados que no pueden leer.</translation>
    </message>
    <message>
        <source>Fix the JSON (a validator shows where).</source>
        <translation>Corrige el JSON (un validador te muestra dónde).</translation>
    </message>
    <message>
        <source>The title is the result's headline in search and the tab's name.</source>
        <translation>El título es el titular del resultado en los buscadores y el nombre de la pestaña.</translation>
    </message>
    <message>
        <source>Give the page a &lt;title&gt; that says what it is.</source>
        <translation>Dale a la página un &lt;title&gt; que diga qué es.</translation>
    </message>
    <message>
        <source>Search engines often show the description under the title.</source>
        <translation>Los buscadores suelen mostrar la descripción bajo el título.</translation>
    </message>
    <message>
        <source>Add &lt;meta name="description" content="…"&gt; summing up the page.</source>
        <translation>Añade un &lt;meta name="description" content="…"&gt; que resuma la página.</translation>
    </message>
    <message>
        <source>Pages that answer with an error are dropped from the index.</source>
        <translation>Las páginas que responden con un error se eliminan del índice.</translation>
    </message>
    <message>
        <source>Serve the page with status 200, or redirect it.</source>
        <translation>Sirve la página con el estado 200, o redirígela.</translation>
    </message>
    <message>
        <source>Link text tells search engines and readers what the target is about.</source>
        <translation>El texto del enlace dice a los buscadores y a los lectores de qué trata el destino.</translation>
    </message>
    <message>
        <source>Write what the link leads to instead.</source>
        <translation>Escribe en su lugar adónde lleva el enlace.</translation>
    </message>
    <message>
        <source>Crawlers follow only links with real addresses.</source>
        <translation>Los rastreadores solo siguen enlaces con direcciones reales.</translation>
    </message>
    <message>
        <source>Give each link an href with the page's address.</source>
        <translation>Dale a cada enlace un href con la dirección de la página.</translation>
    </message>
    <message>
        <source>Alt text is how search engines and screen readers know what a picture shows.</source>
        <translation>El texto alternativo es lo que permite a los buscadores y a los lectores de pantalla saber qué muestra una imagen.</translation>
    </message>
    <message>
        <source>Describe the picture in its alt attribute.</source>
        <translation>Describe la imagen en su atributo alt.</translation>
    </message>
    <message>
        <source>Wrong language alternates send searchers to the wrong language.</source>
        <translation>Unas versiones en otros idiomas erróneas llevan a quien busca al idioma equivocado.</translation>
    </message>
    <message>
        <source>Use valid language codes and whole addresses.</source>
        <translation>Usa códigos de idioma válidos y direcciones completas.</translation>
    </message>
    <message>
        <source>A wrong canonical can take the page out of search results.</source>
        <translation>Una canónica errónea puede sacar la página de los resultados de búsqueda.</translation>
    </message>
    <message>
        <source>Point the canonical at this page's own whole address.</source>
        <translation>Haz que la canónica apunte a la dirección completa de esta misma página.</translation>
    </message>
    <message>
        <source>A page kept from indexing does not appear in search at all.</source>
        <translation>Una página que no se deja indexar no aparece en absoluto en los buscadores.</translation>
    </message>
    <message>
        <source>Remove noindex (meta, X-Robots-Tag) or the robots.txt rule, if the page should be found.</source>
        <translation>Quita noindex (meta, X-Robots-Tag) o la regla de robots.txt, si la página debe encontrarse.</translation>
    </message>
    <message>
        <source>Crawlers may misread a robots.txt with errors and skip pages you want found.</source>
        <translation>Los rastreadores pueden malinterpretar un robots.txt con errores y saltarse páginas que quieres que se encuentren.</translation>
    </message>
    <message>
        <source>Fix the lines it names.</source>
        <translation>Corrige las líneas que indica.</translation>
    </message>
    <message>
        <source>The Product “%1” is offered at %2 in the page's structured data; the catalogue has %3.</source>
        <translation>El producto «%1» se ofrece a %2 en los datos estructurados de la página; en el catálogo figura a %3.</translation>
    </message>
    <message>
        <source>A price in search results that differs from the shop's misleads buyers, and Google may drop the rich result.</source>
        <translation>Un precio en los resultados de búsqueda distinto del de la tienda confunde a los compradores, y Google puede retirar el resultado enriquecido.</translation>
    </message>
    <message>
        <source>Update the JSON-LD offer to %1 (the store's price), or, if the store's price changed, sync the catalogue (luxctl woo sync) and check again.</source>
        <translation>Cambia la oferta del JSON-LD a %1 (el precio de la tienda) o, si el precio de la tienda ha cambiado, sincroniza el catálogo (luxctl woo sync) y vuelve a comprobarlo.</translation>
    </message>
</context>
<context>
    <name>lux::seo::Crawler</name>
    <message>
        <source>Redirected off the site, to %1: not analysed.</source>
        <translation>Redirige fuera del sitio, a %1: no se ha analizado.</translation>
    </message>
    <message>
        <source>“%1” is not an http or https address.</source>
        <translation>«%1» no es una dirección http ni https.</translation>
    </message>
    <message>
        <source>The site crawl was cancelled.</source>
        <translation>Se canceló el rastreo del sitio.</translation>
    </message>
    <message>
        <source>robots.txt could not be read (%1): a crawler takes that as no page allowed.</source>
        <translation>No se pudo leer robots.txt (%1): un rastreador lo interpreta como que no se permite ninguna página.</translation>
    </message>
    <message>
        <source>robots.txt answered HTTP %1: a crawler takes that as no page allowed.</source>
        <translation>robots.txt respondió HTTP %1: un rastreador lo interpreta como que no se permite ninguna página.</translation>
    </message>
</context>
<context>
    <name>lux::seo::Page</name>
    <message>
        <source>The page at %1 is larger than %2 MiB; it is not analysed.</source>
        <translation>La página de %1 ocupa más de %2 MiB; no se analiza.</translation>
    </message>
    <message>
        <source>The page at %1 nests elements deeper than %2 (line %3, &lt;%4&gt;); it is not analysed.</source>
        <translation>La página de %1 anida elementos a más de %2 niveles (línea %3, &lt;%4&gt;); no se analiza.</translation>
    </message>
</context>
<context>
    <name>lux::seo::RobotsTxtAudit</name>
    <message>
        <source>Syntax not understood</source>
        <translation>Sintaxis no reconocida</translation>
    </message>
    <message>
        <source>Unknown directive</source>
        <translation>Directiva desconocida</translation>
    </message>
    <message>
        <source>Invalid sitemap URL</source>
        <translation>Dirección de sitemap no válida</translation>
    </message>
    <message>
        <source>Invalid sitemap URL protocol</source>
        <translation>Protocolo de la dirección de sitemap no válido</translation>
    </message>
    <message>
        <source>No user-agent specified</source>
        <translation>No se ha indicado ningún user-agent</translation>
    </message>
    <message>
        <source>Pattern should either be empty, start with "/" or "*"</source>
        <translation>El patrón debe estar vacío o empezar por "/" o "*"</translation>
    </message>
    <message>
        <source>"$" should only be used at the end of the pattern</source>
        <translation>"$" solo debe usarse al final del patrón</translation>
    </message>
    <message>
        <source>The robots.txt file could not be downloaded</source>
        <translation>No se pudo descargar el archivo robots.txt</translation>
    </message>
    <message>
        <source>Request for robots.txt returned HTTP status: %1</source>
        <translation>La petición de robots.txt devolvió el estado HTTP: %1</translation>
    </message>
    <message>
        <source>robots.txt answered HTTP status %1 with no content</source>
        <translation>robots.txt respondió con el estado HTTP %1 sin contenido</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s) found</source>
        <translation><numerusform>%n error encontrado</numerusform><numerusform>%n errores encontrados</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::seo::SerpWidth</name>
    <message>
        <source>The title is %1 px wide; results show %2 px: “%3”.</source>
        <translation>El título mide %1 px de ancho; los resultados muestran %2 px: «%3».</translation>
    </message>
    <message>
        <source>A cut title hides its end from searchers.</source>
        <translation>Un título cortado oculta su final a quien busca.</translation>
    </message>
    <message>
        <source>Shorten it, the important words first.</source>
        <translation>Acórtalo, con las palabras importantes primero.</translation>
    </message>
    <message>
        <source>The description is %1 px wide; results show about %2 px.</source>
        <translation>La descripción mide %1 px de ancho; los resultados muestran unos %2 px.</translation>
    </message>
    <message>
        <source>The end of a long description is cut off in results.</source>
        <translation>El final de una descripción larga se corta en los resultados.</translation>
    </message>
    <message>
        <source>Keep the point of it in the first sentence.</source>
        <translation>Pon lo esencial en la primera frase.</translation>
    </message>
</context>
<context>
    <name>lux::seo::Suggester</name>
    <message>
        <source>%1 px wide, more than the %2 px a result shows</source>
        <translation>%1 px de ancho, más de los %2 px que muestra un resultado</translation>
    </message>
    <message>
        <source>it does not contain the keyphrase “%1”</source>
        <translation>no contiene la frase clave «%1»</translation>
    </message>
    <message>
        <source>No keyphrase was given; LUX proposed “%1”.</source>
        <translation>No se indicó ninguna frase clave; LUX propuso «%1».</translation>
    </message>
    <message>
        <source>Left out: %1.</source>
        <translation>Descartado: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n recommendation(s) left out: the passage they quote is not in the page.</source>
        <translation><numerusform>%n recomendación descartada: el pasaje que cita no está en la página.</numerusform><numerusform>%n recomendaciones descartadas: el pasaje que citan no está en la página.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Only %n of the %1 titles fit within %2 px with the keyphrase.</source>
        <translation><numerusform>Solo %n de los %1 títulos cabe en %2 px con la frase clave.</numerusform><numerusform>Solo %n de los %1 títulos caben en %2 px con la frase clave.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Only %n of the %1 descriptions fit within %2 px with the keyphrase.</source>
        <translation><numerusform>Solo %n de las %1 descripciones cabe en %2 px con la frase clave.</numerusform><numerusform>Solo %n de las %1 descripciones caben en %2 px con la frase clave.</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::sms::OptOut</name>
    <message>
        <source>Reply STOP to opt out</source>
        <translation>Responde STOP para darte de baja</translation>
    </message>
</context>
<context>
    <name>lux::sms::QuietHours</name>
    <message>
        <source>%1, line %2: %3</source>
        <translation>%1, línea %2: %3</translation>
    </message>
    <message>
        <source>the table must start with a line "version&lt;TAB&gt;…".</source>
        <translation>la tabla debe empezar con una línea «version&lt;TAB&gt;…».</translation>
    </message>
    <message numerus="yes">
        <source>%n column(s) where a rule has 4 (state, days, window, source).</source>
        <translation><numerusform>%n columna donde una regla tiene 4 (estado, días, franja, fuente).</numerusform><numerusform>%n columnas donde una regla tiene 4 (estado, días, franja, fuente).</numerusform></translation>
    </message>
    <message>
        <source>"%1" is not a US state code.</source>
        <translation>«%1» no es un código de estado de EE. UU.</translation>
    </message>
    <message>
        <source>"%1" is not a day rule (all, holidays, mon…sun, a range such as mon-sat, or a list such as sat,sun).</source>
        <translation>«%1» no es una regla de días (all, holidays, mon…sun, un rango como mon-sat o una lista como sat,sun).</translation>
    </message>
    <message>
        <source>"%1" is not a window (HH:MM-HH:MM, or closed).</source>
        <translation>«%1» no es una franja (HH:MM-HH:MM, o closed).</translation>
    </message>
    <message>
        <source>the window %1 ends before it starts.</source>
        <translation>la franja %1 termina antes de empezar.</translation>
    </message>
    <message>
        <source>the rule has no source (a statute or a URL).</source>
        <translation>la regla no tiene fuente (una ley o una URL).</translation>
    </message>
    <message>
        <source>%1 has no "version" line.</source>
        <translation>%1 no tiene línea «version».</translation>
    </message>
    <message>
        <source>The quiet-hours table is missing from this build.</source>
        <translation>Esta compilación no incluye la tabla de horas de silencio.</translation>
    </message>
    <message>
        <source>every US time zone</source>
        <translation>todas las zonas horarias de EE. UU.</translation>
    </message>
    <message>
        <source>May be sent now: inside the window in %1 (%2).</source>
        <translation>Puede enviarse ya: dentro de la franja en %1 (%2).</translation>
    </message>
    <message>
        <source>Waits until %1 in %2 (%3).</source>
        <translation>Espera hasta las %1 en %2 (%3).</translation>
    </message>
    <message>
        <source>Waits until %1 on %2 in %3 (%4).</source>
        <translation>Espera hasta las %1 del %2 en %3 (%4).</translation>
    </message>
    <message>
        <source>No moment in the next two weeks is inside the window in every time zone of %1.</source>
        <translation>Ningún momento de las dos próximas semanas cae dentro de la franja en todas las zonas horarias de %1.</translation>
    </message>
</context>
<context>
    <name>lux::sms::Segments</name>
    <message numerus="yes">
        <source>The text has %n character(s); Twilio accepts at most %1.</source>
        <translation><numerusform>El texto tiene %n carácter; Twilio acepta como máximo %1.</numerusform><numerusform>El texto tiene %n caracteres; Twilio acepta como máximo %1.</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::sms::TextBuilder</name>
    <message>
        <source>The text cannot be merged: line %1, column %2: %3</source>
        <translation>No se puede combinar el texto: línea %1, columna %2: %3</translation>
    </message>
</context>
<context>
    <name>lux::social::AccountStore</name>
    <message>
        <source>“%1” is not a slot: write days and a time, as “Tue/Thu 10:00”.</source>
        <translation>«%1» no es una franja: escribe días (en inglés) y una hora, como «Tue/Thu 10:00».</translation>
    </message>
    <message>
        <source>“%1” in “%2” is not a day of the week.</source>
        <translation>«%1» en «%2» no es un día de la semana (en inglés: Mon, Tue…).</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 en %2</translation>
    </message>
    <message>
        <source>An account needs its id on the network and a name.</source>
        <translation>Una cuenta necesita su id en la red y un nombre.</translation>
    </message>
    <message>
        <source>There is no social account %1.</source>
        <translation>No existe la cuenta social %1.</translation>
    </message>
    <message>
        <source>A slot is a weekday from 1 to 7 and a time of day.</source>
        <translation>Una franja es un día de la semana del 1 al 7 y una hora del día.</translation>
    </message>
    <message>
        <source>“%1” is not a time zone (write one like Europe/Madrid).</source>
        <translation>«%1» no es una zona horaria (escribe una como Europe/Madrid).</translation>
    </message>
    <message>
        <source>Connect %1 again before %2: its sign-in ends then and cannot be renewed (Social → Accounts → Connect Account…, or luxctl social connect --network %3).</source>
        <translation>Vuelve a conectar %1 antes del %2: su inicio de sesión termina entonces y no se puede renovar (Redes sociales → Cuentas → Conectar cuenta…, o luxctl social connect --network %3).</translation>
    </message>
</context>
<context>
    <name>lux::social::MediaHost</name>
    <message>
        <source>Posts' pictures are hosted on lux-tracker: set its address under Settings → Tracking.</source>
        <translation>Las imágenes de las publicaciones se alojan en lux-tracker: indica su dirección en Ajustes → Seguimiento.</translation>
    </message>
    <message>
        <source>The tracker API token is not set: add it under Settings → Tracking.</source>
        <translation>No hay token de API del tracker: añádelo en Ajustes → Seguimiento.</translation>
    </message>
    <message>
        <source>The tracking signing keys are not set: add them under Settings → Tracking.</source>
        <translation>No hay claves de firma de seguimiento: añádelas en Ajustes → Seguimiento.</translation>
    </message>
    <message>
        <source>A post's picture is at most 16 MiB and not empty; this one is %1 bytes.</source>
        <translation>La imagen de una publicación ocupa como máximo 16 MiB y no puede estar vacía; esta ocupa %1 bytes.</translation>
    </message>
    <message>
        <source>The picture is not a JPEG, PNG or GIF file, which is what Instagram and Facebook fetch.</source>
        <translation>La imagen no es un archivo JPEG, PNG ni GIF, que es lo que descargan Instagram y Facebook.</translation>
    </message>
    <message>
        <source>The picture is said to be %1, but its bytes are %2.</source>
        <translation>La imagen se declara como %1, pero su contenido es %2.</translation>
    </message>
    <message>
        <source>lux-tracker at %1 refused the API token (HTTP 401): check it under Settings → Tracking.</source>
        <translation>lux-tracker en %1 rechazó el token de API (HTTP 401): revísalo en Ajustes → Seguimiento.</translation>
    </message>
    <message>
        <source>lux-tracker at %1 answered the upload (HTTP %2) with something other than the picture's record.</source>
        <translation>lux-tracker en %1 respondió a la subida (HTTP %2) con algo distinto del registro de la imagen.</translation>
    </message>
    <message>
        <source>lux-tracker at %1 refused the picture (HTTP %2)%3</source>
        <translation>lux-tracker en %1 rechazó la imagen (HTTP %2)%3</translation>
    </message>
    <message>
        <source>lux-tracker at %1 cannot be reached (%2): the picture can be uploaded again later.</source>
        <translation>No se puede contactar con lux-tracker en %1 (%2): la imagen se puede volver a subir más tarde.</translation>
    </message>
    <message>
        <source>lux-tracker at %1 could not take the picture now (HTTP %2)%3; try again later.</source>
        <translation>lux-tracker en %1 no pudo aceptar la imagen ahora (HTTP %2)%3; inténtalo más tarde.</translation>
    </message>
    <message>
        <source>The picture at %1 cannot be fetched (%2): try again later.</source>
        <translation>No se puede descargar la imagen de %1 (%2): inténtalo más tarde.</translation>
    </message>
    <message>
        <source>The picture's address %1 has expired (HTTP 410): host it again for a new one.</source>
        <translation>La dirección de la imagen %1 ha caducado (HTTP 410): vuelve a alojarla para obtener una nueva.</translation>
    </message>
    <message>
        <source>lux-tracker has no picture at %1 (HTTP 404): it was removed, or the address was signed with other keys.</source>
        <translation>lux-tracker no tiene ninguna imagen en %1 (HTTP 404): se eliminó o la dirección se firmó con otras claves.</translation>
    </message>
    <message>
        <source>The picture at %1 cannot be fetched now (HTTP %2): try again later.</source>
        <translation>Ahora no se puede descargar la imagen de %1 (HTTP %2): inténtalo más tarde.</translation>
    </message>
    <message>
        <source>The picture at %1 answers HTTP %2, not 200.</source>
        <translation>La imagen de %1 responde HTTP %2, no 200.</translation>
    </message>
    <message>
        <source>The picture at %1 is served as “%2”, not %3.</source>
        <translation>La imagen de %1 se sirve como «%2», no como %3.</translation>
    </message>
    <message>
        <source>a JPEG, PNG or GIF</source>
        <translation>un JPEG, PNG o GIF</translation>
    </message>
    <message>
        <source>The picture at %1 is served without its length (Content-Length).</source>
        <translation>La imagen de %1 se sirve sin su longitud (Content-Length).</translation>
    </message>
    <message>
        <source>The picture at %1 is served with %2 bytes, not %3.</source>
        <translation>La imagen de %1 se sirve con %2 bytes, no con %3.</translation>
    </message>
    <message>
        <source>The picture at %1 is served with %2 bytes, not 1 to 16 MiB.</source>
        <translation>La imagen de %1 se sirve con %2 bytes, fuera del intervalo de 1 byte a 16 MiB.</translation>
    </message>
</context>
<context>
    <name>lux::social::PictureFix</name>
    <message>
        <source>This is not a picture LUX can read (JPEG, PNG or GIF).</source>
        <translation>Esto no es una imagen que LUX pueda leer (JPEG, PNG o GIF).</translation>
    </message>
    <message>
        <source>turned upright</source>
        <translation>enderezada</translation>
    </message>
    <message>
        <source>cropped to %1</source>
        <translation>recortada a %1</translation>
    </message>
    <message>
        <source>flattened its transparency onto white</source>
        <translation>con la transparencia aplanada sobre blanco</translation>
    </message>
    <message>
        <source>converted the multi-picture JPEG (MPO) to a plain JPEG</source>
        <translation>convertida de JPEG multiimagen (MPO) a JPEG simple</translation>
    </message>
    <message>
        <source>converted to JPEG</source>
        <translation>convertida a JPEG</translation>
    </message>
    <message>
        <source>converted %1 to JPEG</source>
        <translation>convertida de %1 a JPEG</translation>
    </message>
    <message>
        <source>LUX could not write the picture as a JPEG.</source>
        <translation>LUX no pudo guardar la imagen como JPEG.</translation>
    </message>
    <message>
        <source>scaled down to %1 × %2 to stay under %3 MB</source>
        <translation>reducida a %1 × %2 para no pasar de %3 MB</translation>
    </message>
    <message>
        <source>made smaller (%1 MB) to stay under %2 MB</source>
        <translation>aligerada (%1 MB) para no pasar de %2 MB</translation>
    </message>
</context>
<context>
    <name>lux::social::PostChecks</name>
    <message>
        <source>%1: the post has no text and no picture.</source>
        <translation>%1: la publicación no tiene texto ni imagen.</translation>
    </message>
    <message>
        <source>X refuses the text: it holds an invalid character (U+FFFE, U+FEFF or U+FFFF).</source>
        <translation>X rechaza el texto: contiene un carácter no válido (U+FFFE, U+FEFF o U+FFFF).</translation>
    </message>
    <message numerus="yes">
        <source>X counts %1 characters, %n over its limit of %2 (links count 23, emoji and CJK 2).</source>
        <translation><numerusform>X cuenta %1 caracteres, %n por encima de su límite de %2 (los enlaces cuentan 23; los emojis y los caracteres CJK, 2).</numerusform><numerusform>X cuenta %1 caracteres, %n por encima de su límite de %2 (los enlaces cuentan 23; los emojis y los caracteres CJK, 2).</numerusform></translation>
    </message>
    <message>
        <source>X has no first comment: a reply would be a second post.</source>
        <translation>X no admite primer comentario: una respuesta sería una segunda publicación.</translation>
    </message>
    <message numerus="yes">
        <source>LinkedIn takes %1 characters at most; this text has %2, %n too many.</source>
        <translation><numerusform>LinkedIn admite como máximo %1 caracteres; este texto tiene %2, %n de más.</numerusform><numerusform>LinkedIn admite como máximo %1 caracteres; este texto tiene %2, %n de más.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>LinkedIn takes comments of %1 characters at most; this one has %n too many.</source>
        <translation><numerusform>LinkedIn admite comentarios de %1 caracteres como máximo; este tiene %n de más.</numerusform><numerusform>LinkedIn admite comentarios de %1 caracteres como máximo; este tiene %n de más.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Instagram takes captions of %1 characters at most; this one has %2, %n too many.</source>
        <translation><numerusform>Instagram admite pies de foto de %1 caracteres como máximo; este tiene %2, %n de más.</numerusform><numerusform>Instagram admite pies de foto de %1 caracteres como máximo; este tiene %2, %n de más.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Instagram takes %1 hashtags at most; this caption has %n.</source>
        <translation><numerusform>Instagram admite como máximo %1 hashtags; este pie de foto tiene %n.</numerusform><numerusform>Instagram admite como máximo %1 hashtags; este pie de foto tiene %n.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Instagram takes %1 mentions at most; this caption has %n.</source>
        <translation><numerusform>Instagram admite como máximo %1 menciones; este pie de foto tiene %n.</numerusform><numerusform>Instagram admite como máximo %1 menciones; este pie de foto tiene %n.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Instagram takes comments of %1 characters at most; this one has %n too many.</source>
        <translation><numerusform>Instagram admite comentarios de %1 caracteres como máximo; este tiene %n de más.</numerusform><numerusform>Instagram admite comentarios de %1 caracteres como máximo; este tiene %n de más.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Facebook takes posts of %1 characters at most; this one has %2, %n too many.</source>
        <translation><numerusform>Facebook admite publicaciones de %1 caracteres como máximo; esta tiene %2, %n de más.</numerusform><numerusform>Facebook admite publicaciones de %1 caracteres como máximo; esta tiene %2, %n de más.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Facebook takes comments of %1 characters at most; this one has %n too many.</source>
        <translation><numerusform>Facebook admite comentarios de %1 caracteres como máximo; este tiene %n de más.</numerusform><numerusform>Facebook admite comentarios de %1 caracteres como máximo; este tiene %n de más.</numerusform></translation>
    </message>
    <message>
        <source>%1 is not a picture LUX can read (JPEG, PNG or GIF).</source>
        <translation>%1 no es una imagen que LUX pueda leer (JPEG, PNG o GIF).</translation>
    </message>
    <message>
        <source>%1 is %2 MB; X takes %3 MB at most for this kind of picture.</source>
        <translation>%1 ocupa %2 MB; X admite como máximo %3 MB para este tipo de imagen.</translation>
    </message>
    <message numerus="yes">
        <source>X takes %1 pictures at most; this post has %n.</source>
        <translation><numerusform>X admite como máximo %1 imágenes; esta publicación tiene %n.</numerusform><numerusform>X admite como máximo %1 imágenes; esta publicación tiene %n.</numerusform></translation>
    </message>
    <message>
        <source>X takes a GIF only on its own, without other pictures.</source>
        <translation>X solo admite un GIF si va solo, sin otras imágenes.</translation>
    </message>
    <message>
        <source>%1 is %2 MB; Facebook takes %3 MB at most.</source>
        <translation>%1 ocupa %2 MB; Facebook admite como máximo %3 MB.</translation>
    </message>
    <message numerus="yes">
        <source>%1 takes %2 pictures at most in a post; this one has %n.</source>
        <translation><numerusform>%1 admite como máximo %2 imágenes por publicación; esta tiene %n.</numerusform><numerusform>%1 admite como máximo %2 imágenes por publicación; esta tiene %n.</numerusform></translation>
    </message>
    <message>
        <source>Instagram needs a picture: add one to ten.</source>
        <translation>Instagram necesita una imagen: añade de una a diez.</translation>
    </message>
    <message numerus="yes">
        <source>Instagram takes %1 pictures at most in a carousel; this post has %n.</source>
        <translation><numerusform>Instagram admite como máximo %1 imágenes en un carrusel; esta publicación tiene %n.</numerusform><numerusform>Instagram admite como máximo %1 imágenes en un carrusel; esta publicación tiene %n.</numerusform></translation>
    </message>
    <message>
        <source>%1 is not a JPEG, the only format Instagram takes: convert it.</source>
        <translation>%1 no es un JPEG, el único formato que admite Instagram: conviértela.</translation>
    </message>
    <message>
        <source>%1 is a multi-picture JPEG (MPO), which Instagram refuses: convert it.</source>
        <translation>%1 es un JPEG de varias imágenes (MPO), que Instagram rechaza: conviértela.</translation>
    </message>
    <message>
        <source>%1 is %2 MB; Instagram takes %3 MB at most: convert it.</source>
        <translation>%1 ocupa %2 MB; Instagram admite como máximo %3 MB: conviértela.</translation>
    </message>
    <message>
        <source>%1 is %2 × %3 (%4:1); Instagram takes 4:5 (0.8:1) to 1.91:1: crop it.</source>
        <translation>%1 mide %2 × %3 (%4:1); Instagram admite de 4:5 (0,8:1) a 1,91:1: recórtala.</translation>
    </message>
    <message>
        <source>%1 will be cropped to the first picture's shape (%2:1), as Instagram does in a carousel.</source>
        <translation>%1 se recortará a la proporción de la primera imagen (%2:1), como hace Instagram en un carrusel.</translation>
    </message>
    <message>
        <source>%1 is %2 pixels wide; Instagram scales it up to %3, and it may look blurred.</source>
        <translation>%1 mide %2 píxeles de ancho; Instagram la amplía a %3 y puede verse borrosa.</translation>
    </message>
</context>
<context>
    <name>lux::social::PostStore</name>
    <message>
        <source>Picture %1 is not in the media library.</source>
        <translation>La imagen %1 no está en la biblioteca de medios.</translation>
    </message>
    <message>
        <source>Choose at least one account to post to.</source>
        <translation>Elige al menos una cuenta en la que publicar.</translation>
    </message>
    <message>
        <source>Give the post a time or add it to the queue, one of the two.</source>
        <translation>Ponle una hora a la publicación o añádela a la cola; una de las dos cosas.</translation>
    </message>
    <message>
        <source>%1 is in the past: choose a later time.</source>
        <translation>%1 ya ha pasado: elige una hora posterior.</translation>
    </message>
    <message>
        <source>An account is chosen twice in the same post.</source>
        <translation>Hay una cuenta elegida dos veces en la misma publicación.</translation>
    </message>
    <message>
        <source>%1 was removed: connect it again to post to it.</source>
        <translation>Se quitó %1: vuelve a conectar la cuenta para publicar en ella.</translation>
    </message>
    <message>
        <source>%1 must be connected again before posting to it.</source>
        <translation>Hay que volver a conectar %1 antes de publicar en esa cuenta.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Not scheduled, the networks would refuse it:
%1</source>
        <translation>No se ha programado; las redes la rechazarían:
%1</translation>
    </message>
    <message>
        <source>%1 has no queue slots: add some (“Tue/Thu 10:00”) or give the post a time.</source>
        <translation>%1 no tiene franjas en la cola: añade alguna («Tue/Thu 10:00») o ponle una hora a la publicación.</translation>
    </message>
    <message>
        <source>There is no scheduled post %1.</source>
        <translation>No existe la publicación programada %1.</translation>
    </message>
    <message>
        <source>Only a post still waiting for its time can be moved; this one is %1.</source>
        <translation>Solo se puede mover una publicación que aún espera su hora; esta está %1.</translation>
    </message>
    <message>
        <source>There is no post %1.</source>
        <translation>No existe la publicación %1.</translation>
    </message>
    <message>
        <source>Nothing of this post is waiting any more: it is being published or was.</source>
        <translation>Ya no queda nada de esta publicación en espera: se está publicando o ya se publicó.</translation>
    </message>
    <message>
        <source>Only a post that failed can be retried.</source>
        <translation>Solo se puede reintentar una publicación que haya fallado.</translation>
    </message>
    <message>
        <source>Every queue slot of %1 in the next year is taken.</source>
        <translation>Todas las franjas de la cola de %1 del próximo año están ocupadas.</translation>
    </message>
    <message>
        <source>scheduled</source>
        <translation>programada</translation>
    </message>
    <message>
        <source>being published</source>
        <translation>publicándose</translation>
    </message>
    <message>
        <source>published</source>
        <translation>publicada</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fallido</translation>
    </message>
    <message>
        <source>waiting for your decision</source>
        <translation>pendiente de tu decisión</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelada</translation>
    </message>
    <message>
        <source>%1's time zone “%2” is not known on this computer.</source>
        <translation>Este equipo no conoce la zona horaria «%2» de %1.</translation>
    </message>
    <message>
        <source>'%1' is not a post's address (https://…).</source>
        <translation>'%1' no es la dirección de una publicación (https://…).</translation>
    </message>
    <message>
        <source>Only a post whose fate is not known can be decided.</source>
        <translation>Solo se puede decidir sobre una publicación cuyo destino no se conoce.</translation>
    </message>
</context>
<context>
    <name>lux::social::TokenKeeper</name>
    <message>
        <source>%1 must be connected again: %2</source>
        <translation>Hay que volver a conectar %1: %2</translation>
    </message>
    <message>
        <source>%1's sign-in is being renewed elsewhere; trying again soon.</source>
        <translation>El inicio de sesión de %1 se está renovando en otro sitio; se volverá a intentar en breve.</translation>
    </message>
    <message>
        <source>its sign-in has no refresh token in the keychain</source>
        <translation>su inicio de sesión no tiene token de actualización en el llavero</translation>
    </message>
    <message>
        <source>%1's sign-in could not be renewed now (%2); trying again soon.</source>
        <translation>No se pudo renovar ahora el inicio de sesión de %1 (%2); se volverá a intentar en breve.</translation>
    </message>
    <message>
        <source>its sign-in is not in the keychain</source>
        <translation>su inicio de sesión no está en el llavero</translation>
    </message>
    <message>
        <source>%1 (an earlier renewal's answer was lost on the way, and the network had already replaced the sign-in)</source>
        <translation>%1 (la respuesta a una renovación anterior se perdió por el camino y la red ya había sustituido el inicio de sesión)</translation>
    </message>
    <message>
        <source>%1's token answer had no access token.</source>
        <translation>La respuesta de %1 con los tokens no traía token de acceso.</translation>
    </message>
    <message>
        <source>%1 does not accept the app's client id (%2) or secret: %3</source>
        <translation>%1 no acepta el id de cliente de la aplicación (%2) o su secreto: %3</translation>
    </message>
</context>
<context>
    <name>lux::storage::Backup</name>
    <message>
        <source>%1 is not a LUX Marketing database.</source>
        <translation>%1 no es una base de datos de LUX Marketing.</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of LUX Marketing (schema %2; this version reads up to schema %3).</source>
        <translation>%1 se escribió con una versión más reciente de LUX Marketing (esquema %2; esta versión lee hasta el esquema %3).</translation>
    </message>
    <message>
        <source>%1 failed its integrity check: %2</source>
        <translation>%1 no superó la comprobación de integridad: %2</translation>
    </message>
    <message>
        <source>Preparing the exported copy failed: %1</source>
        <translation>Falló la preparación de la copia exportada: %1</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>No se pudo escribir %1.</translation>
    </message>
</context>
<context>
    <name>lux::storage::Migrations</name>
    <message>
        <source>Updating the database to schema %1 (%2) failed: %3</source>
        <translation>Falló la actualización de la base de datos al esquema %1 (%2): %3</translation>
    </message>
    <message>
        <source>Updating the database to schema %1 failed: %2</source>
        <translation>Falló la actualización de la base de datos al esquema %1: %2</translation>
    </message>
</context>
<context>
    <name>lux::storage::SqliteFile</name>
    <message>
        <source>%1 is not an SQLite database.</source>
        <translation>%1 no es una base de datos SQLite.</translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation>No se pudo abrir %1: %2</translation>
    </message>
    <message>
        <source>The integrity check of %1 could not run: %2</source>
        <translation>No se pudo ejecutar la comprobación de integridad de %1: %2</translation>
    </message>
    <message>
        <source>The foreign key check of %1 could not run: %2</source>
        <translation>No se pudo ejecutar la comprobación de claves foráneas de %1: %2</translation>
    </message>
    <message>
        <source>Row %1 of table %2 refers to a missing row of %3.</source>
        <translation>La fila %1 de la tabla %2 hace referencia a una fila inexistente de %3.</translation>
    </message>
    <message>
        <source>%1 is damaged or not a database: %2</source>
        <translation>%1 está dañada o no es una base de datos: %2</translation>
    </message>
    <message>
        <source>A database cannot be copied onto itself (%1).</source>
        <translation>Una base de datos no se puede copiar sobre sí misma (%1).</translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>No se pudo crear la carpeta %1.</translation>
    </message>
    <message>
        <source>Could not create %1: %2</source>
        <translation>No se pudo crear %1: %2</translation>
    </message>
    <message>
        <source>The SQLite driver did not expose its handle.</source>
        <translation>El controlador de SQLite no expuso su identificador.</translation>
    </message>
    <message>
        <source>Could not start the copy to %1: %2</source>
        <translation>No se pudo iniciar la copia a %1: %2</translation>
    </message>
    <message>
        <source>The copy was cancelled.</source>
        <translation>Se canceló la copia.</translation>
    </message>
    <message>
        <source>Copying %1 to %2 failed: %3</source>
        <translation>Falló la copia de %1 a %2: %3</translation>
    </message>
    <message>
        <source>Could not move the copy into place at %1: %2</source>
        <translation>No se pudo colocar la copia en %1: %2</translation>
    </message>
    <message>
        <source>the file is marked immutable</source>
        <translation>el archivo está marcado como inmutable</translation>
    </message>
    <message>
        <source>it is on a read-only file system</source>
        <translation>está en un sistema de archivos de solo lectura</translation>
    </message>
    <message>
        <source>the file is read-only for you</source>
        <translation>el archivo es de solo lectura para ti</translation>
    </message>
    <message>
        <source>the file is read-only</source>
        <translation>el archivo es de solo lectura</translation>
    </message>
    <message>
        <source>its folder is read-only for you</source>
        <translation>su carpeta es de solo lectura para ti</translation>
    </message>
    <message>
        <source>its folder is read-only</source>
        <translation>su carpeta es de solo lectura</translation>
    </message>
    <message>
        <source>The disk holding %1 is full: %2 Free some space and try again.</source>
        <translation>El disco que contiene %1 está lleno: %2 Libera espacio y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The disk holding %1 is full for you (your quota is used up): %2 Free some space and try again.</source>
        <translation>El disco que contiene %1 está lleno para ti (has agotado tu cuota): %2 Libera espacio y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>%1 has reached the largest file allowed here: %2</source>
        <translation>%1 ha alcanzado el tamaño máximo de archivo permitido aquí: %2</translation>
    </message>
    <message>
        <source>%1 is on a read-only file system: %2</source>
        <translation>%1 está en un sistema de archivos de solo lectura: %2</translation>
    </message>
    <message>
        <source>You may not write beside %1 (check the folder's permissions): %2</source>
        <translation>No puedes escribir junto a %1 (revisa los permisos de la carpeta): %2</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
</context>
<context>
    <name>lux::tracker::Main</name>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 está vacío.</translation>
    </message>
    <message>
        <source>no file given and %1 is not set</source>
        <translation>no se indicó ningún archivo y %1 no está definida</translation>
    </message>
    <message>
        <source>Receives LUX Marketing's opens, clicks and one-click unsubscribes.</source>
        <translation>Recibe las aperturas, los clics y las bajas con un clic de LUX Marketing.</translation>
    </message>
    <message>
        <source>Read settings from FILE (flags win).</source>
        <translation>Lee la configuración de FILE (las opciones mandan).</translation>
    </message>
    <message>
        <source>Address and port, e.g. 127.0.0.1:8090 or [::1]:8090.</source>
        <translation>Dirección y puerto, p. ej. 127.0.0.1:8090 o [::1]:8090.</translation>
    </message>
    <message>
        <source>The SQLite event database.</source>
        <translation>La base de datos SQLite de eventos.</translation>
    </message>
    <message>
        <source>The signing keys (else LUX_SECRET_TRACKING_KEYS).</source>
        <translation>Las claves de firma (si no, LUX_SECRET_TRACKING_KEYS).</translation>
    </message>
    <message>
        <source>The app's API token (else LUX_SECRET_TRACKER_API_TOKEN).</source>
        <translation>El token de API de la aplicación (si no, LUX_SECRET_TRACKER_API_TOKEN).</translation>
    </message>
    <message>
        <source>Request threads (default 2).</source>
        <translation>Hilos para las peticiones (predeterminado: 2).</translation>
    </message>
    <message>
        <source>Public requests a second per client address; 0 for none (default 20).</source>
        <translation>Peticiones públicas por segundo por dirección de cliente; 0 para ninguna (predeterminado: 20).</translation>
    </message>
    <message>
        <source>Requests at once per client address (default 100).</source>
        <translation>Peticiones de golpe por dirección de cliente (predeterminado: 100).</translation>
    </message>
    <message>
        <source>Append an access log (no personal data) to FILE.</source>
        <translation>Añade un registro de accesos (sin datos personales) a FILE.</translation>
    </message>
    <message>
        <source>Print a new signing key ring and exit.</source>
        <translation>Imprime un nuevo anillo de claves de firma y sale.</translation>
    </message>
    <message>
        <source>Close a connection whose request headers are not all in SECONDS after it opened, however they trickle (default %1).</source>
        <translation>Cierra una conexión cuyas cabeceras de petición no han llegado completas SECONDS después de abrirse, por poco a poco que lleguen (predeterminado: %1).</translation>
    </message>
    <message>
        <source>Close a connection whose request body is not all in SECONDS after its headers (default %1).</source>
        <translation>Cierra una conexión cuyo cuerpo de petición no ha llegado completo SECONDS después de sus cabeceras (predeterminado: %1).</translation>
    </message>
    <message>
        <source>Close a kept-alive connection whose next request's headers are not all in SECONDS after the last answer (default %1).</source>
        <translation>Cierra una conexión mantenida abierta cuyas cabeceras de la siguiente petición no han llegado completas SECONDS después de la última respuesta (predeterminado: %1).</translation>
    </message>
    <message>
        <source>Open connections at most; more are closed at once (default and ceiling: the file-descriptor limit, raised to its hard limit, minus %1).</source>
        <translation>Máximo de conexiones abiertas; las demás se cierran al instante (predeterminado y tope: el límite de descriptores de archivo, elevado a su límite máximo, menos %1).</translation>
    </message>
    <message>
        <source>Open connections from one client address (IPv6: one /64) at most; trusted proxies are exempt (default %1).</source>
        <translation>Máximo de conexiones abiertas desde una dirección de cliente (IPv6: un /64); los proxies de confianza quedan exentos (predeterminado: %1).</translation>
    </message>
    <message>
        <source>Summarise closed and refused connections in one line every SECONDS (default %1).</source>
        <translation>Resume en una línea cada SECONDS las conexiones cerradas y rechazadas (predeterminado: %1).</translation>
    </message>
    <message>
        <source>Run even as root (not recommended).</source>
        <translation>Se ejecuta incluso como root (no recomendado).</translation>
    </message>
    <message>
        <source>refusing to run as root: run it as an unprivileged user (the systemd unit does), or pass --allow-root.</source>
        <translation>no se ejecuta como root: ejecútalo como un usuario sin privilegios (como hace la unidad de systemd) o indica --allow-root.</translation>
    </message>
    <message>
        <source>the configuration file %1 does not exist.</source>
        <translation>el archivo de configuración %1 no existe.</translation>
    </message>
    <message>
        <source>the configuration file %1 cannot be read.</source>
        <translation>no se puede leer el archivo de configuración %1.</translation>
    </message>
    <message>
        <source>listen: “%1” is not ADDRESS:PORT.</source>
        <translation>listen: «%1» no es DIRECCIÓN:PUERTO.</translation>
    </message>
    <message>
        <source>no event database: give --db PATH or db = PATH in the configuration.</source>
        <translation>no hay base de datos de eventos: indica --db RUTA o db = RUTA en la configuración.</translation>
    </message>
    <message>
        <source>signing keys: %1.</source>
        <translation>claves de firma: %1.</translation>
    </message>
    <message>
        <source>API token: %1.</source>
        <translation>token de API: %1.</translation>
    </message>
    <message>
        <source>threads must be a number from 1 to 64.</source>
        <translation>threads debe ser un número del 1 al 64.</translation>
    </message>
    <message>
        <source>rate_limit must be a number of requests a second (0 for none).</source>
        <translation>rate_limit debe ser un número de peticiones por segundo (0 para ninguna).</translation>
    </message>
    <message>
        <source>rate_burst must be a positive number.</source>
        <translation>rate_burst debe ser un número positivo.</translation>
    </message>
    <message>
        <source>header_timeout must be a number of seconds from 0.1 to 3600.</source>
        <translation>header_timeout debe ser un número de segundos de 0.1 a 3600.</translation>
    </message>
    <message>
        <source>body_timeout must be a number of seconds from 0.1 to 3600.</source>
        <translation>body_timeout debe ser un número de segundos de 0.1 a 3600.</translation>
    </message>
    <message>
        <source>idle_timeout must be a number of seconds from 0.1 to 3600.</source>
        <translation>idle_timeout debe ser un número de segundos de 0.1 a 3600.</translation>
    </message>
    <message>
        <source>connection_report_interval must be a number of seconds from 0.1 to 86400.</source>
        <translation>connection_report_interval debe ser un número de segundos de 0.1 a 86400.</translation>
    </message>
    <message>
        <source>max_connections must be a whole number from 1 to 10000000.</source>
        <translation>max_connections debe ser un número entero del 1 al 10000000.</translation>
    </message>
    <message>
        <source>max_connections_per_address must be a whole number from 1 to 10000000.</source>
        <translation>max_connections_per_address debe ser un número entero del 1 al 10000000.</translation>
    </message>
    <message>
        <source>trusted_proxies: “%1” is not an address range.</source>
        <translation>trusted_proxies: «%1» no es un rango de direcciones.</translation>
    </message>
    <message>
        <source>machine_ranges_file %1 cannot be read.</source>
        <translation>no se puede leer machine_ranges_file %1.</translation>
    </message>
    <message>
        <source>The address Twilio is configured with, e.g. https://t.example.com (Twilio signs it).</source>
        <translation>La dirección configurada en Twilio, p. ej. https://t.example.com (Twilio la firma).</translation>
    </message>
    <message>
        <source>Twilio's Auth Token, which signs its callbacks (else LUX_SECRET_TWILIO_AUTH_TOKEN; without either, no Twilio endpoints).</source>
        <translation>El Auth Token de Twilio, que firma sus llamadas de retorno (si no, LUX_SECRET_TWILIO_AUTH_TOKEN; sin ninguno de los dos, no hay rutas de Twilio).</translation>
    </message>
    <message>
        <source>The answer to an inbound HELP or INFO (default: none).</source>
        <translation>La respuesta a un HELP o INFO entrante (por defecto: ninguna).</translation>
    </message>
    <message>
        <source>Twilio auth token: %1.</source>
        <translation>Auth Token de Twilio: %1.</translation>
    </message>
    <message>
        <source>public_url: “%1” is not an http or https address without a query, such as https://t.example.com.</source>
        <translation>public_url: «%1» no es una dirección http o https sin consulta, como https://t.example.com.</translation>
    </message>
    <message>
        <source>a Twilio auth token needs public_url, the address Twilio is configured with: Twilio signs it.</source>
        <translation>un Auth Token de Twilio necesita public_url, la dirección configurada en Twilio: Twilio la firma.</translation>
    </message>
    <message>
        <source>sms_help_text is longer than one text message can be (1,600 characters).</source>
        <translation>sms_help_text es más largo de lo que puede ser un mensaje de texto (1.600 caracteres).</translation>
    </message>
    <message>
        <source>sms_help_text holds a control character.</source>
        <translation>sms_help_text contiene un carácter de control.</translation>
    </message>
    <message>
        <source>Remove social posts' pictures not uploaded again for DAYS (default 30).</source>
        <translation>Elimina las imágenes de publicaciones sociales que lleven DAYS días sin volver a subirse (predeterminado: 30).</translation>
    </message>
    <message>
        <source>media_days must be a whole number of days from 1 to 3650.</source>
        <translation>media_days debe ser un número entero de días del 1 al 3650.</translation>
    </message>
</context>
<context>
    <name>lux::tracker::Pages</name>
    <message>
        <source>Link not found</source>
        <translation>Enlace no encontrado</translation>
    </message>
    <message>
        <source>This link does not work</source>
        <translation>Este enlace no funciona</translation>
    </message>
    <message>
        <source>It may be incomplete or out of date. Check that you used the whole link from the email.</source>
        <translation>Puede que esté incompleto o caducado. Comprueba que has usado el enlace completo del correo.</translation>
    </message>
    <message>
        <source>Unsubscribe</source>
        <translation>Darse de baja</translation>
    </message>
    <message>
        <source>Unsubscribe from these emails?</source>
        <translation>¿Quieres darte de baja de estos correos?</translation>
    </message>
    <message>
        <source>You will no longer receive this sender's marketing emails at this address.</source>
        <translation>Dejarás de recibir en esta dirección los correos de marketing de este remitente.</translation>
    </message>
    <message>
        <source>Unsubscribed</source>
        <translation>Baja confirmada</translation>
    </message>
    <message>
        <source>You are unsubscribed</source>
        <translation>Te has dado de baja</translation>
    </message>
    <message>
        <source>You will not receive these emails again. It can take a day for a message already on its way.</source>
        <translation>No volverás a recibir estos correos. Un mensaje que ya estaba en camino puede tardar hasta un día en llegar.</translation>
    </message>
    <message>
        <source>This event is cancelled.</source>
        <translation>Este evento se ha cancelado.</translation>
    </message>
    <message>
        <source>Registration is closed.</source>
        <translation>La inscripción está cerrada.</translation>
    </message>
    <message>
        <source>Send the form as application/x-www-form-urlencoded or multipart/form-data.</source>
        <translation>Envía el formulario como application/x-www-form-urlencoded o multipart/form-data.</translation>
    </message>
    <message>
        <source>The form could not be accepted.</source>
        <translation>No se ha podido aceptar el formulario.</translation>
    </message>
    <message>
        <source>Enter your email address.</source>
        <translation>Escribe tu dirección de correo.</translation>
    </message>
    <message>
        <source>This does not look like an email address.</source>
        <translation>Esto no parece una dirección de correo.</translation>
    </message>
    <message>
        <source>This question needs an answer.</source>
        <translation>Esta pregunta necesita una respuesta.</translation>
    </message>
    <message>
        <source>Choose one of the options.</source>
        <translation>Elige una de las opciones.</translation>
    </message>
    <message>
        <source>Send the form from its page: its check that you are not a robot is missing.</source>
        <translation>Envía el formulario desde su página: falta su comprobación de que no eres un robot.</translation>
    </message>
    <message>
        <source>The page was open too long. Please send the form again.</source>
        <translation>La página estuvo abierta demasiado tiempo. Vuelve a enviar el formulario.</translation>
    </message>
    <message>
        <source>The check that you are not a robot did not pass. Please send the form again.</source>
        <translation>La comprobación de que no eres un robot no ha salido bien. Vuelve a enviar el formulario.</translation>
    </message>
    <message>
        <source>This registration has ended</source>
        <translation>Esta inscripción ya no está activa</translation>
    </message>
    <message>
        <source>It was cancelled, or not confirmed in time. You can register again on the event's page.</source>
        <translation>Se canceló o no se confirmó a tiempo. Puedes volver a inscribirte en la página del evento.</translation>
    </message>
    <message>
        <source>Please try again</source>
        <translation>Vuelve a intentarlo</translation>
    </message>
    <message>
        <source>This could not be stored. Please try again in a minute.</source>
        <translation>No se ha podido guardar. Vuelve a intentarlo dentro de un minuto.</translation>
    </message>
    <message>
        <source>This event has taken place.</source>
        <translation>Este evento ya se ha celebrado.</translation>
    </message>
    <message>
        <source>Registration is not open yet.</source>
        <translation>La inscripción aún no está abierta.</translation>
    </message>
    <message>
        <source>It opens on</source>
        <translation>Se abre el</translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) left</source>
        <translation><numerusform>Queda %n plaza</numerusform><numerusform>Quedan %n plazas</numerusform></translation>
    </message>
    <message>
        <source>Fully booked: you can join the waiting list.</source>
        <translation>Completo: puedes apuntarte a la lista de espera.</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <source>Without JavaScript, sending takes a few seconds and we will ask you to confirm your address by email.</source>
        <translation>Sin JavaScript, el envío tarda unos segundos y te pediremos que confirmes tu dirección por correo.</translation>
    </message>
    <message>
        <source>Join the waiting list</source>
        <translation>Apuntarme a la lista de espera</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Inscribirme</translation>
    </message>
    <message>
        <source>Checking that you are not a robot…</source>
        <translation>Comprobando que no eres un robot…</translation>
    </message>
    <message>
        <source>You are registered</source>
        <translation>Estás inscrito</translation>
    </message>
    <message>
        <source>Your seat is confirmed. We will send the details and a calendar invite to %1.</source>
        <translation>Tu plaza está confirmada. Enviaremos los detalles y una invitación de calendario a %1.</translation>
    </message>
    <message>
        <source>Check your email</source>
        <translation>Revisa tu correo</translation>
    </message>
    <message numerus="yes">
        <source>We are holding a seat for you. Confirm with the link we send to %1 within %n hour(s) to keep it.</source>
        <translation><numerusform>Te guardamos una plaza. Confírmala con el enlace que enviamos a %1 en menos de %n hora para conservarla.</numerusform><numerusform>Te guardamos una plaza. Confírmala con el enlace que enviamos a %1 en menos de %n horas para conservarla.</numerusform></translation>
    </message>
    <message>
        <source>You are on the waiting list</source>
        <translation>Estás en la lista de espera</translation>
    </message>
    <message>
        <source>You are number %1 on the waiting list. We will email %2 if a seat frees up.</source>
        <translation>Eres el número %1 de la lista de espera. Escribiremos a %2 si se libera una plaza.</translation>
    </message>
    <message>
        <source>First, confirm your address with the link we send you.</source>
        <translation>Antes, confirma tu dirección con el enlace que te enviamos.</translation>
    </message>
    <message>
        <source>Registration cancelled</source>
        <translation>Inscripción cancelada</translation>
    </message>
    <message>
        <source>Cannot come after all? Cancel your registration</source>
        <translation>¿Al final no puedes venir? Cancela tu inscripción</translation>
    </message>
    <message>
        <source>Confirm your registration</source>
        <translation>Confirma tu inscripción</translation>
    </message>
    <message>
        <source>Cancel your registration?</source>
        <translation>¿Cancelar tu inscripción?</translation>
    </message>
    <message>
        <source>Press the button to confirm that this is your address.</source>
        <translation>Pulsa el botón para confirmar que esta es tu dirección.</translation>
    </message>
    <message>
        <source>Your seat goes to the next person on the waiting list.</source>
        <translation>Tu plaza pasará a la siguiente persona de la lista de espera.</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirmar</translation>
    </message>
    <message>
        <source>Cancel my registration</source>
        <translation>Cancelar mi inscripción</translation>
    </message>
    <message>
        <source>Your address is confirmed</source>
        <translation>Tu dirección está confirmada</translation>
    </message>
    <message>
        <source>You are number %1 on the waiting list. We will email you if a seat frees up.</source>
        <translation>Eres el número %1 de la lista de espera. Te escribiremos si se libera una plaza.</translation>
    </message>
    <message>
        <source>Already confirmed</source>
        <translation>Ya estaba confirmada</translation>
    </message>
    <message>
        <source>Your registration is confirmed</source>
        <translation>Tu inscripción está confirmada</translation>
    </message>
    <message>
        <source>We will send the details and a calendar invite by email.</source>
        <translation>Te enviaremos los detalles y una invitación de calendario por correo.</translation>
    </message>
    <message>
        <source>Already cancelled</source>
        <translation>Ya estaba cancelada</translation>
    </message>
    <message>
        <source>Your registration is cancelled</source>
        <translation>Tu inscripción está cancelada</translation>
    </message>
    <message>
        <source>Thank you for letting us know.</source>
        <translation>Gracias por avisarnos.</translation>
    </message>
    <message>
        <source>The form has a field twice, or too many fields.</source>
        <translation>El formulario tiene un campo repetido o demasiados campos.</translation>
    </message>
    <message>
        <source>This address is registered already. The email we sent it has the details and a link to cancel.</source>
        <translation>Esta dirección ya está inscrita. El correo que le enviamos tiene los detalles y un enlace para cancelar.</translation>
    </message>
</context>
<context>
    <name>lux::tracker::TrackerServer</name>
    <message>
        <source>libsodium cannot initialise.</source>
        <translation>libsodium no se puede inicializar.</translation>
    </message>
    <message>
        <source>The API token must be at least 16 characters.</source>
        <translation>El token de API debe tener al menos 16 caracteres.</translation>
    </message>
    <message>
        <source>Machine ranges: %1</source>
        <translation>Rangos de máquinas: %1</translation>
    </message>
    <message>
        <source>The event database %1 cannot be opened: %2</source>
        <translation>No se puede abrir la base de datos de eventos %1: %2</translation>
    </message>
    <message>
        <source>The links in %1 cannot be read.</source>
        <translation>No se pueden leer los enlaces de %1.</translation>
    </message>
    <message>
        <source>The access log %1 cannot be opened for writing.</source>
        <translation>No se puede abrir para escritura el registro de accesos %1.</translation>
    </message>
    <message>
        <source>%1 is not an IP address to listen on.</source>
        <translation>%1 no es una dirección IP en la que escuchar.</translation>
    </message>
    <message>
        <source>Cannot listen on %1:%2 (in use, or not an address of this machine?).</source>
        <translation>No se puede escuchar en %1:%2 (¿está en uso o no es una dirección de esta máquina?).</translation>
    </message>
    <message>
        <source>The registrations in %1 cannot be read: %2</source>
        <translation>No se pueden leer las inscripciones de %1: %2</translation>
    </message>
    <message>
        <source>The media in %1 cannot be used: %2</source>
        <translation>No se pueden usar los medios de %1: %2</translation>
    </message>
</context>
<context>
    <name>lux::tracking</name>
    <message>
        <source>Line %1 is not “&lt;CIDR&gt; &lt;reason&gt;”.</source>
        <translation>La línea %1 no es «&lt;CIDR&gt; &lt;motivo&gt;».</translation>
    </message>
    <message>
        <source>person</source>
        <translation>persona</translation>
    </message>
    <message>
        <source>Apple Mail Privacy Protection</source>
        <translation>Protección de privacidad de Apple Mail</translation>
    </message>
    <message>
        <source>Gmail image proxy</source>
        <translation>proxy de imágenes de Gmail</translation>
    </message>
    <message>
        <source>Yahoo image proxy</source>
        <translation>proxy de imágenes de Yahoo</translation>
    </message>
    <message>
        <source>link scanner</source>
        <translation>analizador de enlaces</translation>
    </message>
    <message>
        <source>HEAD request</source>
        <translation>petición HEAD</translation>
    </message>
    <message>
        <source>no user agent</source>
        <translation>sin agente de usuario</translation>
    </message>
    <message>
        <source>clicked seconds after delivery</source>
        <translation>clic segundos después de la entrega</translation>
    </message>
    <message>
        <source>every link clicked at once</source>
        <translation>todos los enlaces a la vez</translation>
    </message>
    <message>
        <source>link preview</source>
        <translation>vista previa de enlace</translation>
    </message>
</context>
<context>
    <name>lux::tracking::CampaignTracking</name>
    <message>
        <source>The tracker address “%1” is not an http or https address.</source>
        <translation>La dirección del tracker «%1» no es una dirección http ni https.</translation>
    </message>
    <message>
        <source>The tracking signing keys are not set: add them under Settings → Tracking (or set LUX_SECRET_TRACKING_KEYS).</source>
        <translation>No hay claves de firma de seguimiento: añádelas en Ajustes → Seguimiento (o define LUX_SECRET_TRACKING_KEYS).</translation>
    </message>
    <message>
        <source>The tracking signing keys cannot be used: %1</source>
        <translation>Las claves de firma de seguimiento no sirven: %1</translation>
    </message>
    <message>
        <source>The campaign's template cannot be read: %1</source>
        <translation>No se puede leer la plantilla de la campaña: %1</translation>
    </message>
    <message>
        <source>The tracker API token is not set: add it under Settings → Tracking (or set LUX_SECRET_TRACKER_API_TOKEN).</source>
        <translation>No hay token de API del tracker: añádelo en Ajustes → Seguimiento (o define LUX_SECRET_TRACKER_API_TOKEN).</translation>
    </message>
    <message>
        <source>The tracker at %1 cannot be reached to register the campaign's links: %2</source>
        <translation>No se puede contactar con el tracker en %1 para registrar los enlaces de la campaña: %2</translation>
    </message>
    <message>
        <source>The tracker refused the API token (HTTP 401): check it under Settings → Tracking.</source>
        <translation>El tracker rechazó el token de API (HTTP 401): revísalo en Ajustes → Seguimiento.</translation>
    </message>
    <message>
        <source>The tracker did not take the campaign's links (HTTP %1): %2</source>
        <translation>El tracker no aceptó los enlaces de la campaña (HTTP %1): %2</translation>
    </message>
    <message>
        <source>There are no signing keys for the unsubscribe addresses, and none could be kept in the keychain: start your desktop's keyring, or set LUX_SECRET_TRACKING_KEYS for runs without one.</source>
        <translation>No hay claves de firma para las direcciones de baja y no se pudo guardar ninguna en el llavero: inicia el llavero de tu escritorio o define LUX_SECRET_TRACKING_KEYS para las ejecuciones sin él.</translation>
    </message>
</context>
<context>
    <name>lux::tracking::KeyRing</name>
    <message>
        <source>Line %1 of the signing keys is not “&lt;id 0–255&gt; &lt;key&gt;”.</source>
        <translation>La línea %1 de las claves de firma no es «&lt;id 0–255&gt; &lt;clave&gt;».</translation>
    </message>
    <message>
        <source>Line %1 of the signing keys: the key must be %2 bytes in base64url.</source>
        <translation>Línea %1 de las claves de firma: la clave debe tener %2 bytes en base64url.</translation>
    </message>
    <message>
        <source>Line %1 of the signing keys repeats key id %2.</source>
        <translation>La línea %1 de las claves de firma repite el id de clave %2.</translation>
    </message>
    <message>
        <source>There is no signing key.</source>
        <translation>No hay ninguna clave de firma.</translation>
    </message>
    <message>
        <source>Key id %1 is already in use.</source>
        <translation>El id de clave %1 ya está en uso.</translation>
    </message>
    <message>
        <source>Every key id up to 255 is used: retire old keys first.</source>
        <translation>Todos los id de clave hasta 255 están usados: retira primero claves antiguas.</translation>
    </message>
</context>
<context>
    <name>lux::tracking::TrackerSync</name>
    <message>
        <source>Set the tracker address first (Settings → Tracking, or luxctl settings set tracker.url).</source>
        <translation>Indica primero la dirección del tracker (Ajustes → Seguimiento, o luxctl settings set tracker.url).</translation>
    </message>
    <message>
        <source>The tracker API token is not set: add it under Settings → Tracking (or set LUX_SECRET_TRACKER_API_TOKEN).</source>
        <translation>No hay token de API del tracker: añádelo en Ajustes → Seguimiento (o define LUX_SECRET_TRACKER_API_TOKEN).</translation>
    </message>
    <message>
        <source>The tracker at %1 cannot be reached: %2. Events wait there; the next sync catches up.</source>
        <translation>No se puede contactar con el tracker en %1: %2. Los eventos esperan allí; la próxima sincronización los recupera.</translation>
    </message>
    <message>
        <source>The tracker refused the API token (HTTP 401): check it under Settings → Tracking.</source>
        <translation>El tracker rechazó el token de API (HTTP 401): revísalo en Ajustes → Seguimiento.</translation>
    </message>
    <message>
        <source>The tracker answered HTTP %1 to the event request.</source>
        <translation>El tracker respondió HTTP %1 a la petición de eventos.</translation>
    </message>
    <message>
        <source>The tracker's answer is not an event page (at offset %1).</source>
        <translation>La respuesta del tracker no es una página de eventos (en la posición %1).</translation>
    </message>
    <message>
        <source>One-click unsubscribe from campaign %1</source>
        <translation>Baja en un clic desde la campaña %1</translation>
    </message>
    <message>
        <source>Unsubscribed with the link in campaign %1 (lux-tracker event %2)</source>
        <translation>Baja con el enlace de la campaña %1 (evento %2 de lux-tracker)</translation>
    </message>
    <message>
        <source>“%1” is not a tracker address.</source>
        <translation>«%1» no es una dirección de tracker.</translation>
    </message>
    <message>
        <source>No lux-tracker answers at %1: %2</source>
        <translation>Ningún lux-tracker responde en %1: %2</translation>
    </message>
    <message>
        <source>not a tracker</source>
        <translation>no es un tracker</translation>
    </message>
    <message>
        <source>The tracker answers, but refuses this API token.</source>
        <translation>El tracker responde, pero rechaza este token de API.</translation>
    </message>
    <message>
        <source>The tracker answers, but its event API gave HTTP %1.</source>
        <translation>El tracker responde, pero su API de eventos devolvió HTTP %1.</translation>
    </message>
    <message>
        <source>Texted “%1” to %2</source>
        <translation>Envió «%1» a %2</translation>
    </message>
</context>
<context>
    <name>lux::ui::AbTestPanel</name>
    <message>
        <source>under a minute</source>
        <translation>menos de un minuto</translation>
    </message>
    <message numerus="yes">
        <source>about %n min</source>
        <translation><numerusform>unos %n min</numerusform><numerusform>unos %n min</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>about %n h</source>
        <translation><numerusform>unas %n h</numerusform><numerusform>unas %n h</numerusform></translation>
    </message>
    <message>
        <source>about %1 h %2 min</source>
        <translation>unas %1 h %2 min</translation>
    </message>
    <message>
        <source>Test variants on part of the audience first (A/B test)</source>
        <translation>Probar antes variantes con parte de la audiencia (prueba A/B)</translation>
    </message>
    <message>
        <source>A test group gets the variants in turn; after the wait, the variant more people clicked goes to everyone else, if the difference is more than chance. Machine opens and clicks never count.</source>
        <translation>Un grupo de prueba recibe las variantes por turnos; tras la espera, la variante en la que más personas hicieron clic va a todos los demás, si la diferencia no es casualidad. Las aperturas y los clics de máquinas nunca cuentan.</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <source>Preheader</source>
        <translation>Texto de vista previa</translation>
    </message>
    <message>
        <source>Sender name</source>
        <translation>Nombre del remitente</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>Send time</source>
        <translation>Hora de envío</translation>
    </message>
    <message>
        <source>In the inbox</source>
        <translation>En la bandeja de entrada</translation>
    </message>
    <message>
        <source>Variant A is the campaign as written on the first step. In the others, an empty field is the same as A's. Send time: HH:MM, the time of day that variant goes out.</source>
        <translation>La variante A es la campaña tal como se escribió en el primer paso. En las demás, un campo vacío es igual que en A. Hora de envío: HH:MM, la hora del día a la que sale esa variante.</translation>
    </message>
    <message>
        <source>Add Variant</source>
        <translation>Añadir variante</translation>
    </message>
    <message>
        <source>Remove Last Variant</source>
        <translation>Quitar la última variante</translation>
    </message>
    <message>
        <source>% of the audience</source>
        <translation>% de la audiencia</translation>
    </message>
    <message>
        <source>people</source>
        <translation>personas</translation>
    </message>
    <message>
        <source>Test group:</source>
        <translation>Grupo de prueba:</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Wait before choosing:</source>
        <translation>Espera antes de elegir:</translation>
    </message>
    <message>
        <source>People who clicked (recommended)</source>
        <translation>Personas que hicieron clic (recomendado)</translation>
    </message>
    <message>
        <source>People who opened (machine opens left out)</source>
        <translation>Personas que abrieron (sin contar las aperturas de máquinas)</translation>
    </message>
    <message>
        <source>Clicks among people who opened</source>
        <translation>Clics entre quienes abrieron</translation>
    </message>
    <message>
        <source>I choose the winner myself</source>
        <translation>Elijo yo el ganador</translation>
    </message>
    <message>
        <source>Winner by:</source>
        <translation>Ganador según:</translation>
    </message>
    <message>
        <source>Send variant A to the rest</source>
        <translation>Enviar la variante A al resto</translation>
    </message>
    <message>
        <source>Wait for my choice</source>
        <translation>Esperar a que yo elija</translation>
    </message>
    <message>
        <source>Without a clear winner:</source>
        <translation>Sin un ganador claro:</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source> points</source>
        <translation> puntos</translation>
    </message>
    <message>
        <source>Planner:</source>
        <translation>Tamaño de la muestra:</translation>
    </message>
    <message>
        <source>Same as A</source>
        <translation>Igual que A</translation>
    </message>
    <message>
        <source>Variant %1: “%2” is not a time of day (HH:MM).</source>
        <translation>Variante %1: «%2» no es una hora del día (HH:MM).</translation>
    </message>
    <message>
        <source>A (as written)</source>
        <translation>A (tal como está escrita)</translation>
    </message>
    <message>
        <source>when scheduled</source>
        <translation>a la hora programada</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>%1
%2 — %3</source>
        <translation>%1
%2 — %3</translation>
    </message>
    <message>
        <source>(Planned on clicks; the metric chosen has its own rates.)</source>
        <translation>(Calculado sobre los clics; la métrica elegida tiene sus propias tasas).</translation>
    </message>
    <message numerus="yes">
        <source>Sending the test group takes %1 at %n message(s) a minute</source>
        <translation><numerusform>Enviar el grupo de prueba lleva %1 a %n mensaje por minuto</numerusform><numerusform>Enviar el grupo de prueba lleva %1 a %n mensajes por minuto</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>(%n mailbox(es)); the winner is chosen %1 after the last one.</source>
        <translation><numerusform>(%n buzón); el ganador se elige %1 después del último mensaje.</numerusform><numerusform>(%n buzones); el ganador se elige %1 después del último mensaje.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation><numerusform>%n hora</numerusform><numerusform>%n horas</numerusform></translation>
    </message>
    <message>
        <source>How long after the last test message is accepted the winner is chosen.</source>
        <translation>Cuánto tiempo después de aceptarse el último mensaje de prueba se elige el ganador.</translation>
    </message>
    <message>
        <source>Usual click rate:</source>
        <translation>Tasa de clics habitual:</translation>
    </message>
    <message>
        <source>Smallest lift worth finding:</source>
        <translation>Menor mejora que merece detectarse:</translation>
    </message>
    <message numerus="yes">
        <source>To tell %1 % from %2 % with 80 % power, each variant needs %Ln people (%3 in the test group).</source>
        <translation><numerusform>Para distinguir un %1 % de un %2 % con una potencia del 80 %, cada variante necesita %Ln persona (%3 en el grupo de prueba).</numerusform><numerusform>Para distinguir un %1 % de un %2 % con una potencia del 80 %, cada variante necesita %Ln personas (%3 en el grupo de prueba).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The test group has %Ln people, %1 a variant: enough.</source>
        <translation><numerusform>El grupo de prueba tiene %Ln persona, %1 por variante: suficiente.</numerusform><numerusform>El grupo de prueba tiene %Ln personas, %1 por variante: suficiente.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Warning: the test group has %Ln people, %1 a variant, fewer than the %2 a variant a winner needs: the test would end without one. Test a bigger share or fewer variants.</source>
        <translation><numerusform>Atención: el grupo de prueba tiene %Ln persona, %1 por variante, menos de las %2 por variante que necesita una ganadora: la prueba terminaría sin ella. Prueba con una parte mayor o menos variantes.</numerusform><numerusform>Atención: el grupo de prueba tiene %Ln personas, %1 por variante, menos de las %2 por variante que necesita una ganadora: la prueba terminaría sin ella. Prueba con una parte mayor o menos variantes.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Warning: the test group has %Ln people, %1 a variant, so a lift this size would be found only %2 % of the time. Test a bigger share, fewer variants, or look for a larger lift.</source>
        <translation><numerusform>Atención: el grupo de prueba tiene %Ln persona, %1 por variante, así que una mejora de este tamaño solo se detectaría el %2 % de las veces. Prueba con una parte mayor, menos variantes o busca una mejora mayor.</numerusform><numerusform>Atención: el grupo de prueba tiene %Ln personas, %1 por variante, así que una mejora de este tamaño solo se detectaría el %2 % de las veces. Prueba con una parte mayor, menos variantes o busca una mejora mayor.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The rest, %Ln people, gets the winner.</source>
        <translation><numerusform>El resto, %Ln persona, recibe la variante ganadora.</numerusform><numerusform>El resto, %Ln personas, recibe la variante ganadora.</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::AbTestView</name>
    <message>
        <source>Variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <source>What it tests</source>
        <translation>Qué prueba</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregados</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Rate (95 % interval)</source>
        <translation>Tasa (intervalo del 95 %)</translation>
    </message>
    <message>
        <source>Chance to be best</source>
        <translation>Probabilidad de ser la mejor</translation>
    </message>
    <message>
        <source>Expected loss</source>
        <translation>Pérdida esperada</translation>
    </message>
    <message>
        <source>Send a Variant to the Rest…</source>
        <translation>Enviar una variante al resto…</translation>
    </message>
    <message>
        <source>Variant %1</source>
        <translation>Variante %1</translation>
    </message>
    <message>
        <source>The A/B test cannot be read: %1</source>
        <translation>No se puede leer la prueba A/B: %1</translation>
    </message>
    <message>
        <source>A/B Test</source>
        <translation>Prueba A/B</translation>
    </message>
    <message numerus="yes">
        <source>This campaign tests %n variant(s) when it is sent.</source>
        <translation><numerusform>Esta campaña prueba %n variante cuando se envía.</numerusform><numerusform>Esta campaña prueba %n variantes cuando se envía.</numerusform></translation>
    </message>
    <message>
        <source>Testing: the winner is chosen at %1.</source>
        <translation>En prueba: el ganador se elige el %1.</translation>
    </message>
    <message>
        <source>You chose %1 for the rest.</source>
        <translation>Elegiste %1 para el resto.</translation>
    </message>
    <message>
        <source>This campaign has no A/B test.</source>
        <translation>Esta campaña no tiene prueba A/B.</translation>
    </message>
    <message>
        <source>People who opened</source>
        <translation>Personas que abrieron</translation>
    </message>
    <message>
        <source>Clicked, of those who opened</source>
        <translation>Hicieron clic, de quienes abrieron</translation>
    </message>
    <message>
        <source>People who clicked</source>
        <translation>Personas que hicieron clic</translation>
    </message>
    <message>
        <source>Running numbers, people only: the winner is chosen once, at the end of the wait, never on these.</source>
        <translation>Cifras provisionales, solo personas: el ganador se elige una sola vez, al final de la espera, nunca con estas.</translation>
    </message>
    <message>
        <source>The numbers at the end of the wait, people only (machine opens and clicks left out).</source>
        <translation>Las cifras al final de la espera, solo personas (sin las aperturas ni los clics de máquinas).</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Asunto: %1</translation>
    </message>
    <message>
        <source>Preheader: %1</source>
        <translation>Texto de vista previa: %1</translation>
    </message>
    <message>
        <source>Sender name: %1</source>
        <translation>Nombre del remitente: %1</translation>
    </message>
    <message>
        <source>Another template</source>
        <translation>Otra plantilla</translation>
    </message>
    <message>
        <source>At %1</source>
        <translation>A las %1</translation>
    </message>
    <message>
        <source>The campaign as written</source>
        <translation>La campaña tal como está escrita</translation>
    </message>
    <message>
        <source>(winner)</source>
        <translation>(ganadora)</translation>
    </message>
    <message>
        <source>%1 (%2 – %3)</source>
        <translation>%1 (%2 – %3)</translation>
    </message>
    <message>
        <source> points</source>
        <translation> puntos</translation>
    </message>
    <message>
        <source>The rest, with variant %1: %2 of %3 sent, %4 failed.</source>
        <translation>El resto, con la variante %1: %2 de %3 enviados, %4 fallidos.</translation>
    </message>
    <message>
        <source>%1 of the opens by machines only</source>
        <translation>el %1 de las aperturas, solo de máquinas</translation>
    </message>
    <message numerus="yes">
        <source>Testing: %1 of %Ln test message(s) sent.</source>
        <translation><numerusform>En prueba: %1 de %Ln mensaje de prueba enviado.</numerusform><numerusform>En prueba: %1 de %Ln mensajes de prueba enviados.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The rest, %Ln people, waits for the winner.</source>
        <translation><numerusform>El resto, %Ln persona, espera a la variante ganadora.</numerusform><numerusform>El resto, %Ln personas, espera a la variante ganadora.</numerusform></translation>
    </message>
    <message>
        <source>The campaign was cancelled during its test: no winner was chosen and the rest was not sent.</source>
        <translation>La campaña se canceló durante su prueba: no se eligió ganadora y el resto no se envió.</translation>
    </message>
</context>
<context>
    <name>lux::ui::AccountForm</name>
    <message>
        <source>Your name</source>
        <translation>Tu nombre</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>nombre@ejemplo.com</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo</translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters</source>
        <translation><numerusform>Al menos %n carácter</numerusform><numerusform>Al menos %n caracteres</numerusform></translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Confirm password</source>
        <translation>Confirmar contraseña</translation>
    </message>
    <message>
        <source>The passwords do not match.</source>
        <translation>Las contraseñas no coinciden.</translation>
    </message>
</context>
<context>
    <name>lux::ui::ActivityPage</name>
    <message>
        <source>Activity</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <source>Who did what, and when, in this database.</source>
        <translation>Quién hizo qué, y cuándo, en esta base de datos.</translation>
    </message>
</context>
<context>
    <name>lux::ui::AppSession</name>
    <message>
        <source>Tracking syncs while a database is open for writing.</source>
        <translation>El seguimiento se sincroniza mientras hay una base de datos abierta para escritura.</translation>
    </message>
    <message>
        <source>%1 was not changed: the database is open read-only.</source>
        <translation>No se cambió %1: la base de datos está abierta en modo de solo lectura.</translation>
    </message>
</context>
<context>
    <name>lux::ui::AssistantPanel</name>
    <message>
        <source>This section's conversations with LUX, newest first</source>
        <translation>Conversaciones de esta sección con LUX, las más recientes primero</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>Conversación nueva</translation>
    </message>
    <message>
        <source>Rename or delete this conversation</source>
        <translation>Renombrar o eliminar esta conversación</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Renombrar…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Eliminar…</translation>
    </message>
    <message>
        <source>Rename Conversation</source>
        <translation>Renombrar conversación</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Título:</translation>
    </message>
    <message>
        <source>Ask LUX… (Ctrl+Enter sends)</source>
        <translation>Pregunta a LUX… (Ctrl+Intro envía)</translation>
    </message>
    <message>
        <source>Let LUX read contacts' personal data in this conversation</source>
        <translation>Permitir que LUX lea datos personales de los contactos en esta conversación</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation>Enviar (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Open Settings → Assistant</source>
        <translation>Abrir Ajustes → Asistente</translation>
    </message>
    <message>
        <source>Open a database and sign in to ask LUX.</source>
        <translation>Abre una base de datos e inicia sesión para preguntar a LUX.</translation>
    </message>
    <message>
        <source>This database is open read-only, so conversations with LUX cannot be kept in it.</source>
        <translation>Esta base de datos está abierta en solo lectura, así que no se pueden guardar en ella conversaciones con LUX.</translation>
    </message>
    <message>
        <source>the assistant's server</source>
        <translation>el servidor del asistente</translation>
    </message>
    <message>
        <source>%1 (on your computer or network)</source>
        <translation>%1 (en tu ordenador o tu red)</translation>
    </message>
    <message>
        <source>Sent to %1: your questions, aggregates of your data and, when LUX asks for them, contacts' personal data.</source>
        <translation>Se envía a %1: tus preguntas, datos agregados y, cuando LUX los pide, datos personales de los contactos.</translation>
    </message>
    <message>
        <source>Sent to %1: your questions and aggregates of your data (counts, results, the brand kit, products); no contact's personal data.</source>
        <translation>Se envía a %1: tus preguntas y datos agregados (recuentos, resultados, el kit de marca, productos); ningún dato personal de contactos.</translation>
    </message>
    <message>
        <source>LUX · %1</source>
        <translation>LUX · %1</translation>
    </message>
    <message>
        <source>Delete Conversation</source>
        <translation>Eliminar conversación</translation>
    </message>
    <message>
        <source>Delete the conversation “%1” and everything in it? This cannot be undone.</source>
        <translation>¿Eliminar la conversación «%1» y todo su contenido? No se puede deshacer.</translation>
    </message>
    <message>
        <source>Let LUX Read Personal Data</source>
        <translation>Permitir que LUX lea datos personales</translation>
    </message>
    <message>
        <source>In this conversation LUX may look up contacts and send their names, email addresses and other details to %1 when it needs them to answer. Other conversations are not affected. Allow it?</source>
        <translation>En esta conversación LUX podrá buscar contactos y enviar sus nombres, direcciones de correo y otros datos a %1 cuando los necesite para responder. Las demás conversaciones no cambian. ¿Lo permites?</translation>
    </message>
    <message>
        <source>Personal Data</source>
        <translation>Datos personales</translation>
    </message>
    <message>
        <source>you stopped it.</source>
        <translation>lo detuviste.</translation>
    </message>
    <message>
        <source>Stopped before LUX answered.</source>
        <translation>Detenido antes de que LUX respondiera.</translation>
    </message>
    <message>
        <source>The answer could not be kept in the database: %1</source>
        <translation>No se pudo guardar la respuesta en la base de datos: %1</translation>
    </message>
    <message>
        <source>Ask LUX about your contacts, campaigns, templates and products. Answers use your own data and say which, under each answer.</source>
        <translation>Pregunta a LUX por tus contactos, campañas, plantillas y productos. Las respuestas usan tus propios datos y dicen cuáles debajo de cada una.</translation>
    </message>
    <message>
        <source>Ask LUX about %1, or anything else in this database. Answers use your own data and say which, under each answer.</source>
        <translation>Pregunta a LUX por %1 o por cualquier otra cosa de esta base de datos. Las respuestas usan tus propios datos y dicen cuáles debajo de cada una.</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Tú</translation>
    </message>
    <message>
        <source>LUX is thinking…</source>
        <translation>LUX está pensando…</translation>
    </message>
    <message>
        <source>Interrupted.</source>
        <translation>Interrumpida.</translation>
    </message>
    <message>
        <source>Interrupted: %1</source>
        <translation>Interrumpida: %1</translation>
    </message>
</context>
<context>
    <name>lux::ui::AssistantRunner</name>
    <message>
        <source>LUX</source>
        <translation>LUX</translation>
    </message>
    <message>
        <source>LUX cannot help yet: %1</source>
        <translation>LUX aún no puede ayudar: %1</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
</context>
<context>
    <name>lux::ui::AssistantSettings</name>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>LUX, the assistant, talks to a server that speaks OpenAI's API: OpenAI itself, a company gateway, or a model running on your computer or network (Ollama, LM Studio, llama.cpp's server). The address and the models are saved in this database.</source>
        <translation>LUX, el asistente, habla con un servidor compatible con la API de OpenAI: la propia OpenAI, la pasarela de tu empresa o un modelo en tu ordenador o tu red (Ollama, LM Studio, el servidor de llama.cpp). La dirección y los modelos se guardan en esta base de datos.</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Personalizado</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Servidor:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Dirección:</translation>
    </message>
    <message>
        <source>gpt-4o, or llama3.1 on Ollama</source>
        <translation>gpt-4o, o llama3.1 en Ollama</translation>
    </message>
    <message>
        <source>Chat model:</source>
        <translation>Modelo de chat:</translation>
    </message>
    <message>
        <source>gpt-image-1 or dall-e-3</source>
        <translation>gpt-image-1 o dall-e-3</translation>
    </message>
    <message>
        <source>Image model:</source>
        <translation>Modelo de imágenes:</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Clave de API</translation>
    </message>
    <message>
        <source>Paste the API key</source>
        <translation>Pega la clave de API</translation>
    </message>
    <message>
        <source>Save in Keychain</source>
        <translation>Guardar en el llavero</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Removes the API key from the keychain.</source>
        <translation>Quita la clave de API del llavero.</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>Clave de API:</translation>
    </message>
    <message>
        <source>Remove API Key</source>
        <translation>Quitar la clave de API</translation>
    </message>
    <message>
        <source>Remove the assistant's API key from the keychain? LUX cannot ask a server that needs one until another is saved.</source>
        <translation>¿Quitar del llavero la clave de API del asistente? LUX no podrá preguntar a un servidor que la necesite hasta que guardes otra.</translation>
    </message>
    <message>
        <source>Test Connection</source>
        <translation>Probar la conexión</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Este mes</translation>
    </message>
    <message>
        <source>Counted from the server's own figures for each request in this database. A request whose usage the server did not give (a stopped answer, some local servers) is counted as unknown, never as zero.</source>
        <translation>Contado con las cifras del propio servidor para cada petición de esta base de datos. Una petición cuyo uso no dio el servidor (una respuesta detenida, algunos servidores locales) cuenta como desconocida, nunca como cero.</translation>
    </message>
    <message>
        <source>What is sent</source>
        <translation>Qué se envía</translation>
    </message>
    <message>
        <source>The server receives your questions and aggregates of your data (counts, campaign results, the brand kit, templates, products); contacts' own data only in a conversation where you allow it.</source>
        <translation>El servidor recibe tus preguntas y datos agregados (recuentos, resultados de campañas, el kit de marca, plantillas, productos); los datos propios de los contactos, solo en una conversación en la que lo permitas.</translation>
    </message>
    <message>
        <source>This server is on your computer or network: local servers (Ollama, LM Studio, llama.cpp) need no key.</source>
        <translation>Este servidor está en tu ordenador o tu red: los servidores locales (Ollama, LM Studio, llama.cpp) no necesitan clave.</translation>
    </message>
    <message>
        <source>The key stays in your keychain, never in the database. Local servers (Ollama, LM Studio, llama.cpp) need none.</source>
        <translation>La clave se queda en tu llavero, nunca en la base de datos. Los servidores locales (Ollama, LM Studio, llama.cpp) no la necesitan.</translation>
    </message>
    <message>
        <source>Not a web address: it starts with https:// (or http:// for a server on your computer or network) and ends with the API's version, like /v1. Nothing was saved.</source>
        <translation>No es una dirección web: empieza por https:// (o http:// para un servidor en tu ordenador o tu red) y termina con la versión de la API, como /v1. No se guardó nada.</translation>
    </message>
    <message>
        <source>A server on the internet needs https://: the API key and your data would travel in the clear. Nothing was saved.</source>
        <translation>Un servidor en internet necesita https://: la clave de API y tus datos viajarían sin cifrar. No se guardó nada.</translation>
    </message>
    <message>
        <source>An API key has no spaces: copy it whole. Nothing was saved.</source>
        <translation>Una clave de API no tiene espacios: cópiala entera. No se guardó nada.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>The API key was not saved: %1</source>
        <translation>No se guardó la clave de API: %1</translation>
    </message>
    <message>
        <source>Saved; paste to replace</source>
        <translation>Guardada; pega otra para sustituirla</translation>
    </message>
    <message>
        <source>The API key is saved in the keychain.</source>
        <translation>La clave de API está guardada en el llavero.</translation>
    </message>
    <message>
        <source>The API key was not removed: %1</source>
        <translation>No se quitó la clave de API: %1</translation>
    </message>
    <message>
        <source>Looking in the keychain…</source>
        <translation>Buscando en el llavero…</translation>
    </message>
    <message>
        <source>No API key saved.</source>
        <translation>No hay ninguna clave de API guardada.</translation>
    </message>
    <message>
        <source>The keychain cannot be read: %1</source>
        <translation>No se puede leer el llavero: %1</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Probando…</translation>
    </message>
    <message>
        <source>Enter the server's address first.</source>
        <translation>Escribe primero la dirección del servidor.</translation>
    </message>
    <message>
        <source>Asking %1…</source>
        <translation>Preguntando a %1…</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation><numerusform> y %n más</numerusform><numerusform> y %n más</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Connected: the server offers %n model(s): %1.</source>
        <translation><numerusform>Conectado: el servidor ofrece %n modelo: %1.</numerusform><numerusform>Conectado: el servidor ofrece %n modelos: %1.</numerusform></translation>
    </message>
    <message>
        <source>“%1” is among them.</source>
        <translation>«%1» está entre ellos.</translation>
    </message>
    <message>
        <source>“%1” is not among them: choose one of these as the chat model.</source>
        <translation>«%1» no está entre ellos: elige uno de estos como modelo de chat.</translation>
    </message>
    <message>
        <source>Test cancelled.</source>
        <translation>Prueba cancelada.</translation>
    </message>
    <message>
        <source>The usage cannot be read: %1</source>
        <translation>No se puede leer el uso: %1</translation>
    </message>
    <message>
        <source>No requests to the assistant's server in %1 yet.</source>
        <translation>Todavía no hay peticiones al servidor del asistente en %1.</translation>
    </message>
    <message>
        <source>In %1:</source>
        <translation>En %1:</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Peticiones</translation>
    </message>
    <message>
        <source>%1 (%2 failed)</source>
        <translation>%1 (%2 fallidas)</translation>
    </message>
    <message>
        <source>Prompt tokens</source>
        <translation>Tokens de entrada</translation>
    </message>
    <message>
        <source>of which cached</source>
        <translation>de ellos, en caché</translation>
    </message>
    <message>
        <source>Completion tokens</source>
        <translation>Tokens de respuesta</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Imágenes</translation>
    </message>
    <message>
        <source>Requests with unknown usage</source>
        <translation>Peticiones con uso desconocido</translation>
    </message>
</context>
<context>
    <name>lux::ui::AttendeesModel</name>
    <message>
        <source>Registration page</source>
        <translation>Página de inscripción</translation>
    </message>
    <message>
        <source>Embedded form</source>
        <translation>Formulario incrustado</translation>
    </message>
    <message>
        <source>Added by hand</source>
        <translation>Añadida a mano</translation>
    </message>
    <message>
        <source>Own form (API)</source>
        <translation>Formulario propio (API)</translation>
    </message>
    <message>
        <source>Waiting (place %1)</source>
        <translation>En espera (puesto %1)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Inscrito</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Entrada registrada</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
</context>
<context>
    <name>lux::ui::AttendeesView</name>
    <message>
        <source>Search by name or email</source>
        <translation>Buscar por nombre o correo</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmado</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Entrada registrada</translation>
    </message>
    <message>
        <source>Add Person…</source>
        <translation>Añadir persona…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Exports the people the list shows, with the search and the filter applied.</source>
        <translation>Exporta las personas que muestra la lista, con la búsqueda y el filtro aplicados.</translation>
    </message>
    <message>
        <source>Export Attendees</source>
        <translation>Exportar asistentes</translation>
    </message>
    <message>
        <source>%1 attendees.csv</source>
        <translation>%1 asistentes.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln confirmed of %1</source>
        <translation><numerusform>%Ln confirmado de %1</numerusform><numerusform>%Ln confirmados de %1</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln confirmed</source>
        <translation><numerusform>%Ln confirmado</numerusform><numerusform>%Ln confirmados</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln pending</source>
        <translation><numerusform>%Ln pendiente</numerusform><numerusform>%Ln pendientes</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln waiting</source>
        <translation><numerusform>%Ln en espera</numerusform><numerusform>%Ln en espera</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln cancelled</source>
        <translation><numerusform>%Ln cancelado</numerusform><numerusform>%Ln cancelados</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln checked in</source>
        <translation><numerusform>%Ln ha entrado</numerusform><numerusform>%Ln han entrado</numerusform></translation>
    </message>
    <message>
        <source>The attendees cannot be read: %1</source>
        <translation>No se pueden leer los asistentes: %1</translation>
    </message>
    <message numerus="yes">
        <source>Showing %Ln</source>
        <translation><numerusform>Se muestra %Ln</numerusform><numerusform>Se muestran %Ln</numerusform></translation>
    </message>
    <message>
        <source>Cancels the registration of someone added by hand. People who registered themselves cancel through the link in their confirmation.</source>
        <translation>Cancela la inscripción de alguien añadido a mano. Quien se inscribió por su cuenta cancela con el enlace de su confirmación.</translation>
    </message>
    <message>
        <source>Choose someone in the list first.</source>
        <translation>Elige primero a alguien de la lista.</translation>
    </message>
    <message>
        <source>Add Person</source>
        <translation>Añadir persona</translation>
    </message>
    <message>
        <source>Someone registered by hand is confirmed at once and counts against the capacity. They get no confirmation email from here.</source>
        <translation>Quien se inscribe a mano queda confirmado al momento y ocupa plaza del aforo. Desde aquí no recibe correo de confirmación.</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>nombre@ejemplo.com</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;Correo:</translation>
    </message>
    <message>
        <source>&amp;First name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation>&amp;Apellidos:</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Remove %1 from “%2”? Their registration is cancelled and their seat freed.</source>
        <translation>¿Quitar a %1 de «%2»? Su inscripción se cancela y su plaza queda libre.</translation>
    </message>
    <message>
        <source>Exporting attendees…</source>
        <translation>Exportando asistentes…</translation>
    </message>
</context>
<context>
    <name>lux::ui::AuditLogModel</name>
    <message>
        <source>User %1</source>
        <translation>Usuario %1</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
</context>
<context>
    <name>lux::ui::AuthCard</name>
    <message>
        <source>LUX Marketing</source>
        <translation>LUX Marketing</translation>
    </message>
</context>
<context>
    <name>lux::ui::AutomationText</name>
    <message>
        <source>Entered</source>
        <translation>Entró</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviados</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>No enviado</translation>
    </message>
    <message>
        <source>Tagged</source>
        <translation>Etiquetado</translation>
    </message>
    <message>
        <source>Field set</source>
        <translation>Campo cambiado</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>It happened</source>
        <translation>Ocurrió</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Tiempo agotado</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Rama</translation>
    </message>
    <message>
        <source>Goal reached</source>
        <translation>Objetivo alcanzado</translation>
    </message>
    <message>
        <source>You were notified</source>
        <translation>Se te avisó</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminado</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Salió</translation>
    </message>
    <message>
        <source>Moved to a new version</source>
        <translation>Pasó a una versión nueva</translation>
    </message>
    <message>
        <source>they open the email</source>
        <translation>abra el correo</translation>
    </message>
    <message>
        <source>they click</source>
        <translation>haga clic</translation>
    </message>
    <message>
        <source>they register for an event</source>
        <translation>se inscriba en un evento</translation>
    </message>
    <message>
        <source>they reply</source>
        <translation>responda</translation>
    </message>
    <message>
        <source>reached the end</source>
        <translation>llegó al final</translation>
    </message>
    <message>
        <source>at an exit step</source>
        <translation>en un paso de salida</translation>
    </message>
    <message>
        <source>reached the goal</source>
        <translation>alcanzó el objetivo</translation>
    </message>
    <message>
        <source>unsubscribed</source>
        <translation>se dio de baja</translation>
    </message>
    <message>
        <source>their step is not in the new version</source>
        <translation>su paso no está en la versión nueva</translation>
    </message>
    <message>
        <source>too many steps without a wait</source>
        <translation>demasiados pasos sin una espera</translation>
    </message>
    <message>
        <source>a step missing from the version</source>
        <translation>falta un paso en la versión</translation>
    </message>
    <message>
        <source>in the workflow; the next step at %1</source>
        <translation>en el flujo; el siguiente paso el %1</translation>
    </message>
    <message>
        <source>waiting until %1</source>
        <translation>esperando hasta el %1</translation>
    </message>
    <message>
        <source>waiting until %1, at the latest %2</source>
        <translation>esperando a que %1, como mucho hasta el %2</translation>
    </message>
    <message>
        <source>finished (%1)</source>
        <translation>terminó (%1)</translation>
    </message>
    <message>
        <source>left (%1)</source>
        <translation>salió (%1)</translation>
    </message>
    <message>
        <source>the workflow was archived</source>
        <translation>el flujo se archivó</translation>
    </message>
</context>
<context>
    <name>lux::ui::AutomationsModel</name>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivado</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>Flujo de trabajo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>In it</source>
        <translation>Dentro</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminaron</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Salieron</translation>
    </message>
</context>
<context>
    <name>lux::ui::AutomationsPage</name>
    <message>
        <source>Automations</source>
        <translation>Automatizaciones</translation>
    </message>
    <message>
        <source>New Workflow</source>
        <translation>Nuevo flujo</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importar…</translation>
    </message>
    <message>
        <source>Import a Workflow</source>
        <translation>Importar un flujo</translation>
    </message>
    <message>
        <source>Workflows (*.json)</source>
        <translation>Flujos de trabajo (*.json)</translation>
    </message>
    <message>
        <source>No workflows yet</source>
        <translation>Aún no hay flujos de trabajo</translation>
    </message>
    <message>
        <source>A workflow follows each contact from a trigger (a tag, a sign-up, a click, a registration) through emails, texts, waits and conditions, each step exactly once. Build one on the canvas, simulate it, then publish.</source>
        <translation>Un flujo de trabajo acompaña a cada contacto desde un disparador (una etiqueta, un alta, un clic, una inscripción) por correos, SMS, esperas y condiciones, cada paso exactamente una vez. Créalo en el lienzo, simúlalo y publícalo.</translation>
    </message>
    <message>
        <source>Save Draft</source>
        <translation>Guardar borrador</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publicar</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archivar</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Flujo</translation>
    </message>
    <message>
        <source>A contact's email address</source>
        <translation>La dirección de correo de un contacto</translation>
    </message>
    <message>
        <source>Show Journey</source>
        <translation>Ver recorrido</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Qué pasó</translation>
    </message>
    <message>
        <source>Journey</source>
        <translation>Recorrido</translation>
    </message>
    <message>
        <source> contacts</source>
        <translation> contactos</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>seed </source>
        <translation>semilla </translation>
    </message>
    <message>
        <source> % open</source>
        <translation> % abren</translation>
    </message>
    <message>
        <source> % of opens click</source>
        <translation> % de aperturas con clic</translation>
    </message>
    <message>
        <source>My contacts</source>
        <translation>Mis contactos</translation>
    </message>
    <message>
        <source>Use the first contacts of the database (their tags, fields and segments) instead of made-up ones.</source>
        <translation>Usa los primeros contactos de la base de datos (sus etiquetas, campos y segmentos) en lugar de contactos inventados.</translation>
    </message>
    <message>
        <source>Simulate</source>
        <translation>Simular</translation>
    </message>
    <message>
        <source>What would this workflow do? The real steps on a virtual clock: sends are counted, not made.</source>
        <translation>¿Qué haría este flujo de trabajo? Sus pasos reales con un reloj virtual: los envíos se cuentan, no se hacen.</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>Llegaron</translation>
    </message>
    <message>
        <source>Ended there</source>
        <translation>Terminaron ahí</translation>
    </message>
    <message>
        <source>Still there</source>
        <translation>Siguen ahí</translation>
    </message>
    <message>
        <source>Simulation</source>
        <translation>Simulación</translation>
    </message>
    <message>
        <source>The workflows cannot be read: %1</source>
        <translation>No se pueden leer los flujos de trabajo: %1</translation>
    </message>
    <message>
        <source>The draft could not be saved: %1</source>
        <translation>No se ha podido guardar el borrador: %1</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>%1 · version %2 · %3</source>
        <translation>%1 · versión %2 · %3</translation>
    </message>
    <message>
        <source>%1 · never published</source>
        <translation>%1 · nunca publicado</translation>
    </message>
    <message>
        <source> · unsaved changes</source>
        <translation> · cambios sin guardar</translation>
    </message>
    <message>
        <source>New workflow</source>
        <translation>Nuevo flujo</translation>
    </message>
    <message>
        <source>New workflow %1</source>
        <translation>Nuevo flujo %1</translation>
    </message>
    <message>
        <source>“%1” created: add its first step with Add Step.</source>
        <translation>«%1» creado: añade su primer paso con Añadir paso.</translation>
    </message>
    <message>
        <source>%1, line %2: not a workflow's JSON (%3).</source>
        <translation>%1, línea %2: no es el JSON de un flujo de trabajo (%3).</translation>
    </message>
    <message>
        <source>“%1” imported as a draft.</source>
        <translation>«%1» importado como borrador.</translation>
    </message>
    <message>
        <source>Draft saved.</source>
        <translation>Borrador guardado.</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) are in this workflow now. They finish the version they entered; only those who enter from now on run the new one.</source>
        <translation><numerusform>Ahora hay %n contacto en este flujo de trabajo. Termina la versión en la que entró; solo quienes entren a partir de ahora siguen la nueva.</numerusform><numerusform>Ahora hay %n contactos en este flujo de trabajo. Terminan la versión en la que entraron; solo quienes entren a partir de ahora siguen la nueva.</numerusform></translation>
    </message>
    <message>
        <source>Version %1 published: contacts who enter from now on run it.</source>
        <translation>Versión %1 publicada: los contactos que entren a partir de ahora la siguen.</translation>
    </message>
    <message>
        <source>Paused: nobody enters and no step runs until you resume it.</source>
        <translation>En pausa: nadie entra y ningún paso se ejecuta hasta que lo reanudes.</translation>
    </message>
    <message>
        <source>Resumed: what came due meanwhile runs now.</source>
        <translation>Reanudado: lo que tocaba mientras tanto se ejecuta ahora.</translation>
    </message>
    <message numerus="yes">
        <source>Archive “%1”? Nobody enters it and the %n contact(s) in it stop where they are; their journeys are kept.</source>
        <translation><numerusform>¿Archivar «%1»? Nadie más entra en él y el %n contacto que está dentro se queda donde está; su recorrido se conserva.</numerusform><numerusform>¿Archivar «%1»? Nadie más entra en él y los %n contactos que están dentro se quedan donde están; sus recorridos se conservan.</numerusform></translation>
    </message>
    <message>
        <source>Archived.</source>
        <translation>Archivado.</translation>
    </message>
    <message>
        <source>There is no contact %1.</source>
        <translation>No existe el contacto %1.</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>versión %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 has not entered this workflow.</source>
        <translation>%1 no ha entrado en este flujo de trabajo.</translation>
    </message>
    <message>
        <source>Fix the workflow's problems first (the Flow tab lists them).</source>
        <translation>Corrige antes los problemas del flujo de trabajo (aparecen en la pestaña Flujo).</translation>
    </message>
    <message numerus="yes">
        <source>Simulating %n contact(s)…</source>
        <translation><numerusform>Simulando %n contacto…</numerusform><numerusform>Simulando %n contactos…</numerusform></translation>
    </message>
    <message>
        <source>Over a sender's daily limit: %1</source>
        <translation>Por encima del límite diario de un remitente: %1</translation>
    </message>
    <message>
        <source>Per day</source>
        <translation>Por día</translation>
    </message>
    <message>
        <source>Steps run</source>
        <translation>Pasos ejecutados</translation>
    </message>
    <message>
        <source>Emails</source>
        <translation>Correos</translation>
    </message>
    <message>
        <source>Texts</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Archive “%1”? Nobody enters it any more; the journeys so far are kept.</source>
        <translation>¿Archivar «%1»? Ya no entrará nadie; los recorridos hasta ahora se conservan.</translation>
    </message>
    <message numerus="yes">
        <source>Over %n day(s): entered %1 · emails %2 · texts %3 · not sent %4 (the daily cap, no consent).</source>
        <translation><numerusform>En %n día: entraron %1 · correos %2 · SMS %3 · no enviados %4 (el límite diario, sin consentimiento).</numerusform><numerusform>En %n días: entraron %1 · correos %2 · SMS %3 · no enviados %4 (el límite diario, sin consentimiento).</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::BackgroundTask</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>LUX Marketing</source>
        <translation>LUX Marketing</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
</context>
<context>
    <name>lux::ui::BrandKitDialog</name>
    <message>
        <source>Company name</source>
        <translation>Nombre de la empresa</translation>
    </message>
    <message>
        <source>Logo address</source>
        <translation>Dirección del logotipo</translation>
    </message>
    <message>
        <source>Primary colour</source>
        <translation>Color principal</translation>
    </message>
    <message>
        <source>Secondary colour</source>
        <translation>Color secundario</translation>
    </message>
    <message>
        <source>Text colour</source>
        <translation>Color del texto</translation>
    </message>
    <message>
        <source>Background colour</source>
        <translation>Color de fondo</translation>
    </message>
    <message>
        <source>Body font</source>
        <translation>Fuente del texto</translation>
    </message>
    <message>
        <source>Heading font</source>
        <translation>Fuente de los títulos</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Sitio web</translation>
    </message>
    <message>
        <source>Facebook</source>
        <translation>Facebook</translation>
    </message>
    <message>
        <source>Instagram</source>
        <translation>Instagram</translation>
    </message>
    <message>
        <source>LinkedIn</source>
        <translation>LinkedIn</translation>
    </message>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>Write a colour as #rgb or #rrggbb, as in #1d4ed8.</source>
        <translation>Escribe el color como #rgb o #rrggbb, por ejemplo #1d4ed8.</translation>
    </message>
    <message>
        <source>Write a full web address, starting with https://.</source>
        <translation>Escribe una dirección web completa, que empiece por https://.</translation>
    </message>
    <message>
        <source>A font list holds names separated by commas, in single quotes where they have spaces.</source>
        <translation>Una lista de fuentes lleva nombres separados por comas, entre comillas simples si tienen espacios.</translation>
    </message>
    <message>
        <source>End the list with sans-serif, serif or monospace, for mail clients without these fonts.</source>
        <translation>Termina la lista con sans-serif, serif o monospace, para los clientes de correo que no tengan esas fuentes.</translation>
    </message>
    <message>
        <source>Brand Kits</source>
        <translation>Kits de marca</translation>
    </message>
    <message>
        <source>Templates use a brand kit through tags such as {{brand.primary_color}} and {{brand.address}}. The default kit is the one used when sending.</source>
        <translation>Las plantillas usan un kit de marca con etiquetas como {{brand.primary_color}} y {{brand.address}}. Al enviar se usa el kit predeterminado.</translation>
    </message>
    <message>
        <source>New Brand Kit</source>
        <translation>Nuevo kit de marca</translation>
    </message>
    <message>
        <source>Kit name</source>
        <translation>Nombre del kit</translation>
    </message>
    <message>
        <source>Use this kit when sending</source>
        <translation>Usar este kit al enviar</translation>
    </message>
    <message>
        <source>Pick…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Choose the colour</source>
        <translation>Elige el color</translation>
    </message>
    <message>
        <source>The postal address every marketing email must carry</source>
        <translation>La dirección postal que debe llevar todo correo comercial</translation>
    </message>
    <message>
        <source>Postal address</source>
        <translation>Dirección postal</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Save Brand Kit</source>
        <translation>Guardar kit de marca</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>New brand kit</source>
        <translation>Nuevo kit de marca</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (predeterminado)</translation>
    </message>
    <message>
        <source>Delete Brand Kit</source>
        <translation>Eliminar kit de marca</translation>
    </message>
    <message>
        <source>Delete the brand kit “%1”?</source>
        <translation>¿Eliminar el kit de marca «%1»?</translation>
    </message>
</context>
<context>
    <name>lux::ui::CampaignReportView</name>
    <message>
        <source>Sent</source>
        <translation>Enviados</translation>
    </message>
    <message>
        <source>Opened by people</source>
        <translation>Abierto por personas</translation>
    </message>
    <message>
        <source>Opened by machines</source>
        <translation>Abierto por máquinas</translation>
    </message>
    <message>
        <source>Clicked by people</source>
        <translation>Clics de personas</translation>
    </message>
    <message>
        <source>Click-to-open</source>
        <translation>Clics sobre aperturas</translation>
    </message>
    <message>
        <source>Unsubscribed</source>
        <translation>Baja</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Enlace</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Machines</source>
        <translation>Máquinas</translation>
    </message>
    <message>
        <source>Unique</source>
        <translation>Únicos</translation>
    </message>
    <message>
        <source>Most engaged</source>
        <translation>Más implicados</translation>
    </message>
    <message>
        <source>Opens</source>
        <translation>Aperturas</translation>
    </message>
    <message>
        <source>Clicks</source>
        <translation>Clics</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Exportar PDF…</translation>
    </message>
    <message>
        <source>Export Report as CSV</source>
        <translation>Exportar informe como CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export Report as PDF</source>
        <translation>Exportar informe como PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The report cannot be read: %1</source>
        <translation>No se puede leer el informe: %1</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 fallidos</translation>
    </message>
    <message>
        <source>%1 prefetches</source>
        <translation>%1 precargas</translation>
    </message>
    <message>
        <source>of people who opened</source>
        <translation>de quienes abrieron</translation>
    </message>
    <message>
        <source>Choose a campaign to see how it did.</source>
        <translation>Elige una campaña para ver cómo fue.</translation>
    </message>
    <message>
        <source>No opens or clicks yet. Events arrive from lux-tracker every minute while LUX runs.</source>
        <translation>Aún no hay aperturas ni clics. Los eventos llegan de lux-tracker cada minuto mientras LUX está abierto.</translation>
    </message>
    <message>
        <source>Nothing has been sent yet.</source>
        <translation>Aún no se ha enviado nada.</translation>
    </message>
    <message>
        <source>Image proxies (such as Apple Mail Privacy Protection) and link scanners are counted as machines, apart from people.</source>
        <translation>Los proxies de imágenes (como la Protección de privacidad de Apple Mail) y los analizadores de enlaces cuentan como máquinas, aparte de las personas.</translation>
    </message>
    <message>
        <source>Opens by people</source>
        <translation>Aperturas de personas</translation>
    </message>
    <message>
        <source>Opens by machines</source>
        <translation>Aperturas de máquinas</translation>
    </message>
    <message>
        <source>Clicks by people</source>
        <translation>Clics de personas</translation>
    </message>
    <message>
        <source>Clicks by machines</source>
        <translation>Clics de máquinas</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>Exportar informe</translation>
    </message>
    <message>
        <source>Choose a campaign first.</source>
        <translation>Elige primero una campaña.</translation>
    </message>
    <message>
        <source>%1: campaign report</source>
        <translation>%1: informe de campaña</translation>
    </message>
    <message>
        <source>Campaign report, %1</source>
        <translation>Informe de campaña, %1</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallidos</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Clicks per link (people, machines)</source>
        <translation>Clics por enlace (personas, máquinas)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Bounced</source>
        <translation>Rebotados</translation>
    </message>
    <message>
        <source>%1 · %2 hard, %3 soft</source>
        <translation>%1 · %2 duros, %3 blandos</translation>
    </message>
    <message>
        <source>Read from the sender mailboxes: hard bounces are suppressed for good; soft ones count as hard after three in a row over a week.</source>
        <translation>Leído de los buzones remitentes: los rebotes duros se suprimen para siempre; los blandos cuentan como duros tras tres seguidos en una semana.</translation>
    </message>
    <message>
        <source>%1 of the messages bounced, more than the 2 % mailbox providers accept: clean the list before the next campaign, or Exchange may restrict the sending mailbox.</source>
        <translation>Rebotó el %1 de los mensajes, más del 2 % que aceptan los proveedores de correo: limpia la lista antes de la próxima campaña, o Exchange puede restringir el buzón remitente.</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Respuestas</translation>
    </message>
    <message>
        <source>counted anonymously</source>
        <translation>contadas de forma anónima</translation>
    </message>
    <message numerus="yes">
        <source>%n prefetch(es)</source>
        <translation><numerusform>%n precarga</numerusform><numerusform>%n precargas</numerusform></translation>
    </message>
    <message>
        <source>This campaign keeps anonymous counts only: opens and clicks per link and per day, never whose.</source>
        <translation>Esta campaña solo guarda recuentos anónimos: aperturas y clics por enlace y por día, nunca de quién.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Texts</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Significado</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregados</translation>
    </message>
    <message>
        <source>Undelivered</source>
        <translation>No entregados</translation>
    </message>
    <message>
        <source>Opt-outs</source>
        <translation>Bajas</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coste</translation>
    </message>
    <message numerus="yes">
        <source>%n segment(s)</source>
        <translation><numerusform>%n segmento</numerusform><numerusform>%n segmentos</numerusform></translation>
    </message>
    <message>
        <source>%1 of sent</source>
        <translation>%1 de los enviados</translation>
    </message>
    <message numerus="yes">
        <source>%n without a receipt yet</source>
        <translation><numerusform>%n aún sin acuse</numerusform><numerusform>%n aún sin acuse</numerusform></translation>
    </message>
    <message>
        <source>%1 refused by Twilio</source>
        <translation>%1 rechazados por Twilio</translation>
    </message>
    <message numerus="yes">
        <source>%n by machines</source>
        <translation><numerusform>%n por máquinas</numerusform><numerusform>%n por máquinas</numerusform></translation>
    </message>
    <message>
        <source>as Twilio priced it</source>
        <translation>según el precio de Twilio</translation>
    </message>
    <message>
        <source>estimate from the price table</source>
        <translation>estimación de la tabla de precios</translation>
    </message>
    <message numerus="yes">
        <source>partly estimated (%n text(s))</source>
        <translation><numerusform>en parte estimado (%n SMS)</numerusform><numerusform>en parte estimado (%n SMS)</numerusform></translation>
    </message>
    <message>
        <source>Twilio reports each text's price a little after it is sent; until then, and for texts it never priced, the price per segment of the recipient's country from Settings → SMS.</source>
        <translation>Twilio informa del precio de cada SMS poco después de enviarlo; hasta entonces, y para los que nunca tasa, se usa el precio por segmento del país del destinatario de Ajustes → SMS.</translation>
    </message>
    <message>
        <source>Recipients who texted STOP (or another opt-out word) after the campaign started, and texts Twilio refused because the number had opted out (21610).</source>
        <translation>Destinatarios que enviaron STOP (u otra palabra de baja) después de empezar la campaña, y SMS que Twilio rechazó porque el número se había dado de baja (21610).</translation>
    </message>
    <message>
        <source>Delivery receipts and replies arrive from lux-tracker every minute while LUX runs. Link previews and scanners are counted as machines, apart from people.</source>
        <translation>Los acuses de entrega y las respuestas llegan de lux-tracker cada minuto mientras LUX está abierto. Las vistas previas de enlaces y los escáneres cuentan como máquinas, aparte de las personas.</translation>
    </message>
    <message numerus="yes">
        <source>%n text(s) wait for the recipients' quiet hours to end, the last until %1.</source>
        <translation><numerusform>%n SMS espera a que acabe el horario de silencio del destinatario, hasta %1.</numerusform><numerusform>%n SMS esperan a que acabe el horario de silencio de los destinatarios, el último hasta %1.</numerusform></translation>
    </message>
    <message>
        <source>Refused by Twilio</source>
        <translation>Rechazados por Twilio</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Segmentos</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>lux::ui::CampaignWizard</name>
    <message>
        <source>Tag: %1</source>
        <translation>Etiqueta: %1</translation>
    </message>
    <message>
        <source>Segment: %1</source>
        <translation>Segmento: %1</translation>
    </message>
    <message>
        <source>Edit Campaign</source>
        <translation>Editar campaña</translation>
    </message>
    <message>
        <source>New Campaign</source>
        <translation>Nueva campaña</translation>
    </message>
    <message>
        <source>Save Draft</source>
        <translation>Guardar borrador</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Programar</translation>
    </message>
    <message>
        <source>Test sent to %1.</source>
        <translation>Prueba enviada a %1.</translation>
    </message>
    <message>
        <source>The test did not go: %1</source>
        <translation>La prueba no salió: %1</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>What the campaign sends and the mailbox it comes from.</source>
        <translation>Qué envía la campaña y desde qué buzón.</translation>
    </message>
    <message>
        <source>Spring sale announcement</source>
        <translation>Anuncio de las rebajas de primavera</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>&amp;Plantilla:</translation>
    </message>
    <message>
        <source>The template's subject</source>
        <translation>El asunto de la plantilla</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>&amp;Asunto:</translation>
    </message>
    <message>
        <source>The template's preheader</source>
        <translation>El preencabezado de la plantilla</translation>
    </message>
    <message>
        <source>&amp;Preheader:</source>
        <translation>P&amp;reencabezado:</translation>
    </message>
    <message>
        <source>&amp;From mailbox:</source>
        <translation>&amp;Buzón remitente:</translation>
    </message>
    <message>
        <source>No sender mailbox yet: add one under Settings → Sending.</source>
        <translation>Aún no hay buzón remitente: añade uno en Ajustes → Envío.</translation>
    </message>
    <message>
        <source>The brand kit's sender name</source>
        <translation>El nombre de remitente del kit de marca</translation>
    </message>
    <message>
        <source>From n&amp;ame:</source>
        <translation>Nombre del re&amp;mitente:</translation>
    </message>
    <message>
        <source>Replies go to the sending mailbox</source>
        <translation>Las respuestas van al buzón que envía</translation>
    </message>
    <message>
        <source>&amp;Reply to:</source>
        <translation>Respon&amp;der a:</translation>
    </message>
    <message>
        <source>Each mailbox sends its share within its own limits, so the campaign goes out sooner.</source>
        <translation>Cada buzón envía su parte dentro de sus propios límites, así la campaña sale antes.</translation>
    </message>
    <message>
        <source>Also send &amp;from:</source>
        <translation>Enviar también &amp;desde:</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Audiencia</translation>
    </message>
    <message>
        <source>Who gets it: everyone, or the contacts with any of the included tags or segments, less the excluded. The suppression list and unsubscribed, bounced or complained contacts are always left out.</source>
        <translation>Quién la recibe: todos, o los contactos con alguna de las etiquetas o segmentos incluidos, menos los excluidos. La lista de supresión y los contactos dados de baja, rebotados o con queja siempre quedan fuera.</translation>
    </message>
    <message>
        <source>Include:</source>
        <translation>Incluir:</translation>
    </message>
    <message>
        <source>Exclude:</source>
        <translation>Excluir:</translation>
    </message>
    <message>
        <source>When it goes. Sending keeps to each mailbox's limits, so a large audience takes a while.</source>
        <translation>Cuándo sale. El envío respeta los límites de cada buzón, así que una audiencia grande lleva su tiempo.</translation>
    </message>
    <message>
        <source>Send &amp;now</source>
        <translation>Enviar &amp;ahora</translation>
    </message>
    <message>
        <source>Send &amp;at:</source>
        <translation>Enviar &amp;el:</translation>
    </message>
    <message>
        <source>Send at this time in &amp;each recipient's time zone:</source>
        <translation>Enviar a esta hora en la zona horaria de &amp;cada destinatario:</translation>
    </message>
    <message>
        <source>Contacts without a time zone get it at this time on this computer's clock. Sending starts when the earliest zone reaches it.</source>
        <translation>Los contactos sin zona horaria la reciben a esta hora según el reloj de este ordenador. El envío empieza cuando la primera zona llega a esa hora.</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>The pre-send checks must pass; warnings go only once you have read them.</source>
        <translation>Las comprobaciones previas deben superarse; con avisos solo sale cuando los hayas leído.</translation>
    </message>
    <message>
        <source>I have read the warnings and want to send it as it is</source>
        <translation>He leído los avisos y quiero enviarla tal como está</translation>
    </message>
    <message>
        <source>Send &amp;Test…</source>
        <translation>Enviar &amp;prueba…</translation>
    </message>
    <message>
        <source>Send Test</source>
        <translation>Enviar prueba</translation>
    </message>
    <message>
        <source>Send a test to (up to five addresses, separated by commas):</source>
        <translation>Enviar una prueba a (hasta cinco direcciones, separadas por comas):</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campaña</translation>
    </message>
    <message>
        <source>The campaign cannot be loaded: %1</source>
        <translation>No se puede cargar la campaña: %1</translation>
    </message>
    <message>
        <source>Campaign of %1</source>
        <translation>Campaña del %1</translation>
    </message>
    <message>
        <source>Counting recipients…</source>
        <translation>Contando destinatarios…</translation>
    </message>
    <message>
        <source>The audience cannot be counted: %1</source>
        <translation>No se puede contar la audiencia: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) would receive this campaign now.</source>
        <translation><numerusform>%n contacto recibiría esta campaña ahora.</numerusform><numerusform>%n contactos recibirían esta campaña ahora.</numerusform></translation>
    </message>
    <message>
        <source>Give the campaign a name.</source>
        <translation>Ponle un nombre a la campaña.</translation>
    </message>
    <message>
        <source>Choose a template (create one under Templates first).</source>
        <translation>Elige una plantilla (crea una antes en Plantillas).</translation>
    </message>
    <message>
        <source>Choose the mailbox the campaign sends from (add one under Settings → Sending).</source>
        <translation>Elige el buzón desde el que envía la campaña (añade uno en Ajustes → Envío).</translation>
    </message>
    <message>
        <source>The reply-to address “%1” is not valid.</source>
        <translation>La dirección de respuesta «%1» no es válida.</translation>
    </message>
    <message>
        <source>The chosen time has passed: choose a later one, or send now.</source>
        <translation>La hora elegida ya pasó: elige una posterior o envía ahora.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <source>as soon as it is scheduled</source>
        <translation>en cuanto se programe</translation>
    </message>
    <message>
        <source>%1 in each recipient's time zone</source>
        <translation>%1 en la zona horaria de cada destinatario</translation>
    </message>
    <message>
        <source>“%1” from %2 to %3, %4.</source>
        <translation>«%1» de %2 a %3, %4.</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation><numerusform>%n contacto</numerusform><numerusform>%n contactos</numerusform></translation>
    </message>
    <message>
        <source>the audience</source>
        <translation>la audiencia</translation>
    </message>
    <message>
        <source>Every check passes.</source>
        <translation>Se superan todas las comprobaciones.</translation>
    </message>
    <message>
        <source>A campaign needs a name, a template and a sender mailbox to be saved.</source>
        <translation>Una campaña necesita un nombre, una plantilla y un buzón remitente para guardarse.</translation>
    </message>
    <message>
        <source>The campaign was not saved: %1</source>
        <translation>La campaña no se guardó: %1</translation>
    </message>
    <message>
        <source>A test goes to five addresses at most.</source>
        <translation>Una prueba va a cinco direcciones como máximo.</translation>
    </message>
    <message>
        <source>“%1” is not an email address.</source>
        <translation>«%1» no es una dirección de correo.</translation>
    </message>
    <message>
        <source>Sending the test…</source>
        <translation>Enviando la prueba…</translation>
    </message>
    <message>
        <source>The campaign was saved as a draft but not scheduled: %1</source>
        <translation>La campaña se guardó como borrador pero no se programó: %1</translation>
    </message>
    <message>
        <source>%1 sends as you (signed in) and cannot share a campaign with other mailboxes.</source>
        <translation>%1 envía como tú (con tu sesión) y no puede compartir una campaña con otros buzones.</translation>
    </message>
    <message>
        <source>Each recipient's opens and clicks</source>
        <translation>Aperturas y clics de cada destinatario</translation>
    </message>
    <message>
        <source>Anonymous counts only</source>
        <translation>Solo recuentos anónimos</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Desactivadas</translation>
    </message>
    <message>
        <source>Tracking adds an invisible image and sends links through your lux-tracker. Anonymous counts keep only how many opens and clicks each link had a day, not whose. Off: neither, and the report shows only what was sent. The unsubscribe link is there either way.</source>
        <translation>El seguimiento añade una imagen invisible y pasa los enlaces por tu lux-tracker. Los recuentos anónimos solo guardan cuántas aperturas y clics tuvo cada enlace al día, no de quién. Desactivado: ninguna de las dos cosas, y el informe solo muestra lo enviado. El enlace de baja está siempre.</translation>
    </message>
    <message>
        <source>&amp;Tracking:</source>
        <translation>&amp;Seguimiento:</translation>
    </message>
    <message>
        <source>Sending is not set up: fill in Microsoft Graph under Settings → Sending.</source>
        <translation>El envío no está configurado: completa Microsoft Graph en Ajustes → Envío.</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;Correo</translation>
    </message>
    <message>
        <source>SMS (&amp;text message)</source>
        <translation>SMS (mensaje de &amp;texto)</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>Canal:</translation>
    </message>
    <message>
        <source>From n&amp;umber:</source>
        <translation>Desde el nú&amp;mero:</translation>
    </message>
    <message>
        <source>No sending number yet: add one under Settings → SMS.</source>
        <translation>Aún no hay número de envío: añade uno en Ajustes → SMS.</translation>
    </message>
    <message>
        <source>Who is texting: carriers (CTIA) want every marketing text to start with it.</source>
        <translation>Quién envía: los operadores (CTIA) exigen que todo SMS de marketing empiece por él.</translation>
    </message>
    <message>
        <source>Sender's na&amp;me:</source>
        <translation>No&amp;mbre del remitente:</translation>
    </message>
    <message>
        <source>The text, the number it goes from and the name it starts with. Counts, preview and cost follow as you type.</source>
        <translation>El texto, el número desde el que sale y el nombre con el que empieza. Recuento, vista previa y coste se actualizan al escribir.</translation>
    </message>
    <message>
        <source>Who gets it: everyone, or the contacts with any of the included tags or segments, less the excluded. Only mobile numbers with SMS consent are texted; the SMS suppression list (STOP) is always left out.</source>
        <translation>Quién lo recibe: todos, o los contactos con alguna de las etiquetas o segmentos incluidos, menos los excluidos. Solo se envía a móviles con consentimiento de SMS; la lista de supresión de SMS (STOP) siempre queda fuera.</translation>
    </message>
    <message>
        <source>Text a test to (up to five numbers, separated by commas):</source>
        <translation>Enviar un SMS de prueba a (hasta cinco números, separados por comas):</translation>
    </message>
    <message>
        <source>Texts need a Twilio account and a sending number: set them up under Settings → SMS.</source>
        <translation>Los SMS necesitan una cuenta de Twilio y un número de envío: configúralos en Ajustes → SMS.</translation>
    </message>
    <message>
        <source>Texts need a Twilio account: set it up under Settings → SMS.</source>
        <translation>Los SMS necesitan una cuenta de Twilio: configúrala en Ajustes → SMS.</translation>
    </message>
    <message>
        <source>Texts need a sending number: add one under Settings → SMS.</source>
        <translation>Los SMS necesitan un número de envío: añade uno en Ajustes → SMS.</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) would receive this text now.</source>
        <translation><numerusform>%n contacto recibiría este SMS ahora.</numerusform><numerusform>%n contactos recibirían este SMS ahora.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n without a mobile number</source>
        <translation><numerusform>%n sin número móvil</numerusform><numerusform>%n sin número móvil</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n with a number that cannot take texts (a landline)</source>
        <translation><numerusform>%n con un número que no admite SMS (un fijo)</numerusform><numerusform>%n con un número que no admite SMS (un fijo)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n without consent to texts</source>
        <translation><numerusform>%n sin consentimiento para SMS</numerusform><numerusform>%n sin consentimiento para SMS</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n who said STOP or are on the suppression list</source>
        <translation><numerusform>%n que envió STOP o está en la lista de supresión</numerusform><numerusform>%n que enviaron STOP o están en la lista de supresión</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) left out: %1.</source>
        <translation><numerusform>%n contacto excluido: %1.</numerusform><numerusform>%n contactos excluidos: %1.</numerusform></translation>
    </message>
    <message>
        <source>Estimating the parts and cost over the audience…</source>
        <translation>Calculando partes y coste para la audiencia…</translation>
    </message>
    <message>
        <source>No estimate: %1</source>
        <translation>Sin estimación: %1</translation>
    </message>
    <message>
        <source>Estimate: nobody in the audience can be texted yet.</source>
        <translation>Estimación: aún no se puede enviar SMS a nadie de la audiencia.</translation>
    </message>
    <message numerus="yes">
        <source>%n part(s) a text</source>
        <translation><numerusform>%n parte por SMS</numerusform><numerusform>%n partes por SMS</numerusform></translation>
    </message>
    <message>
        <source>%1 to %2 parts a text</source>
        <translation>de %1 a %2 partes por SMS</translation>
    </message>
    <message numerus="yes">
        <source>Estimate for %n recipient(s), merge tags filled in for each: %1, %2 in all, about %3.</source>
        <translation><numerusform>Estimación para %n destinatario, con las etiquetas rellenadas para cada uno: %1, %2 en total, unos %3.</numerusform><numerusform>Estimación para %n destinatarios, con las etiquetas rellenadas para cada uno: %1, %2 en total, unos %3.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n segment(s)</source>
        <translation><numerusform>%n segmento</numerusform><numerusform>%n segmentos</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) in countries without a price in Settings → SMS are not counted in the cost.</source>
        <translation><numerusform>%n destinatario en un país sin precio en Ajustes → SMS no se cuenta en el coste.</numerusform><numerusform>%n destinatarios en países sin precio en Ajustes → SMS no se cuentan en el coste.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n text(s) go over 1,600 characters once merged: Twilio refuses them.</source>
        <translation><numerusform>%n SMS supera los 1.600 caracteres una vez combinado: Twilio lo rechaza.</numerusform><numerusform>%n SMS superan los 1.600 caracteres una vez combinados: Twilio los rechaza.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) are in their quiet hours at that moment: their texts wait for their window, the last until %1.</source>
        <translation><numerusform>%n destinatario está en su horario de silencio en ese momento: su SMS espera a su ventana, hasta %1.</numerusform><numerusform>%n destinatarios están en su horario de silencio en ese momento: sus SMS esperan a su ventana, el último hasta %1.</numerusform></translation>
    </message>
    <message>
        <source>Nobody is in their quiet hours at that moment.</source>
        <translation>Nadie está en su horario de silencio en ese momento.</translation>
    </message>
    <message>
        <source>Choose the number the texts go from (add one under Settings → SMS).</source>
        <translation>Elige el número desde el que salen los SMS (añade uno en Ajustes → SMS).</translation>
    </message>
    <message>
        <source>Write the text the campaign sends.</source>
        <translation>Escribe el texto que envía la campaña.</translation>
    </message>
    <message>
        <source>A text from %1 (%2) to %3, %4.</source>
        <translation>Un SMS desde %1 (%2) a %3, %4.</translation>
    </message>
    <message>
        <source>A text campaign needs a name and a sending number to be saved.</source>
        <translation>Una campaña de SMS necesita un nombre y un número de envío para guardarse.</translation>
    </message>
    <message>
        <source>“%1” is not a number that can take texts.</source>
        <translation>«%1» no es un número que admita SMS.</translation>
    </message>
    <message>
        <source>Write with LUX…</source>
        <translation>Escribir con LUX…</translation>
    </message>
    <message>
        <source>LUX writes a text that fits the parts you choose, counted here; you edit it before sending</source>
        <translation>LUX escribe un SMS que cabe en las partes que elijas, contadas aquí; lo editas antes de enviarlo</translation>
    </message>
    <message>
        <source>Write with LUX</source>
        <translation>Escribir con LUX</translation>
    </message>
    <message>
        <source>What is the text for?</source>
        <translation>¿Para qué es el SMS?</translation>
    </message>
    <message>
        <source>In how many parts at most (each part is billed)?</source>
        <translation>¿En cuántas partes como máximo (cada parte se cobra)?</translation>
    </message>
    <message>
        <source>LUX is writing the text…</source>
        <translation>LUX está escribiendo el SMS…</translation>
    </message>
    <message>
        <source>LUX</source>
        <translation>LUX</translation>
    </message>
    <message>
        <source>A/B Test</source>
        <translation>Prueba A/B</translation>
    </message>
    <message>
        <source>An A/B test sends at one time for everyone: choose now or a date and time.</source>
        <translation>Una prueba A/B envía a la misma hora para todos: elige ahora o una fecha y hora.</translation>
    </message>
</context>
<context>
    <name>lux::ui::CampaignsModel</name>
    <message>
        <source>%1 recipient's time</source>
        <translation>%1 hora del destinatario</translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) in doubt: open the campaign to decide.</source>
        <translation><numerusform>%n destinatario en duda: abre la campaña para decidir.</numerusform><numerusform>%n destinatarios en duda: abre la campaña para decidir.</numerusform></translation>
    </message>
    <message>
        <source>%1 of %2 settled</source>
        <translation>%1 de %2 resueltos</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campaña</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviados</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallidos</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Destinatarios</translation>
    </message>
    <message>
        <source>Scheduled or changed</source>
        <translation>Programada o cambiada</translation>
    </message>
    <message>
        <source>A text message campaign, sent through Twilio from %1</source>
        <translation>Una campaña de SMS, enviada por Twilio desde %1</translation>
    </message>
    <message>
        <source>An email campaign, sent from %1</source>
        <translation>Una campaña de correo, enviada desde %1</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
</context>
<context>
    <name>lux::ui::CampaignsPage</name>
    <message>
        <source>Campaigns</source>
        <translation>Campañas</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>Cancel Campaign</source>
        <translation>Cancelar campaña</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicar</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>New Campaign…</source>
        <translation>Nueva campaña…</translation>
    </message>
    <message>
        <source>Send Now</source>
        <translation>Enviar ahora</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Sending the missed campaigns now.</source>
        <translation>Enviando ahora las campañas pendientes.</translation>
    </message>
    <message>
        <source>Every recipient</source>
        <translation>Todos los destinatarios</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Mostrar:</translation>
    </message>
    <message>
        <source>Send Again</source>
        <translation>Enviar de nuevo</translation>
    </message>
    <message>
        <source>Neither Graph nor Sent Items can tell whether these went: send them again.</source>
        <translation>Ni Graph ni Elementos enviados pueden decir si salieron: envíalos de nuevo.</translation>
    </message>
    <message>
        <source>Count as Sent</source>
        <translation>Contar como enviados</translation>
    </message>
    <message>
        <source>Count the selected recipients in doubt as sent, and never send them this campaign.</source>
        <translation>Cuenta como enviados los destinatarios en duda seleccionados y no les envíes nunca esta campaña.</translation>
    </message>
    <message>
        <source>Retry Failed</source>
        <translation>Reintentar fallidos</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Export Recipients</source>
        <translation>Exportar destinatarios</translation>
    </message>
    <message>
        <source> recipients</source>
        <translation> destinatarios</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Scheduler: %1</source>
        <translation>Planificador: %1</translation>
    </message>
    <message>
        <source>The campaigns cannot be read: %1</source>
        <translation>No se pueden leer las campañas: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s), %1 sending</source>
        <translation><numerusform>%n campaña, %1 enviándose</numerusform><numerusform>%n campañas, %1 enviándose</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s)</source>
        <translation><numerusform>%n campaña</numerusform><numerusform>%n campañas</numerusform></translation>
    </message>
    <message>
        <source>Choose a campaign</source>
        <translation>Elige una campaña</translation>
    </message>
    <message>
        <source>No campaigns yet</source>
        <translation>Aún no hay campañas</translation>
    </message>
    <message>
        <source>Create one with New Campaign: pick a template, an audience and when it goes.</source>
        <translation>Crea una con Nueva campaña: elige una plantilla, una audiencia y cuándo sale.</translation>
    </message>
    <message>
        <source>%1 · “%2” · from %3</source>
        <translation>%1 · «%2» · desde %3</translation>
    </message>
    <message>
        <source> · %1 recipients: %2 sent, %3 waiting, %4 failed, %5 in doubt</source>
        <translation> · %1 destinatarios: %2 enviados, %3 en espera, %4 fallidos, %5 en duda</translation>
    </message>
    <message>
        <source>%1 a minute</source>
        <translation>%1 por minuto</translation>
    </message>
    <message>
        <source> · done about %1</source>
        <translation> · termina hacia %1</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>empezando…</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>The recipients cannot be read: %1</source>
        <translation>No se pueden leer los destinatarios: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s) came due while LUX was closed and wait for you.</source>
        <translation><numerusform>%n campaña venció mientras LUX estaba cerrado y te espera.</numerusform><numerusform>%n campañas vencieron mientras LUX estaba cerrado y te esperan.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s) came due while LUX was closed and are being sent now.</source>
        <translation><numerusform>%n campaña venció mientras LUX estaba cerrado y se está enviando ahora.</numerusform><numerusform>%n campañas vencieron mientras LUX estaba cerrado y se están enviando ahora.</numerusform></translation>
    </message>
    <message>
        <source>Campaign scheduled.</source>
        <translation>Campaña programada.</translation>
    </message>
    <message>
        <source>Campaign saved as a draft.</source>
        <translation>Campaña guardada como borrador.</translation>
    </message>
    <message>
        <source>Edit Campaign</source>
        <translation>Editar campaña</translation>
    </message>
    <message>
        <source>“%1” is scheduled. Take it back to a draft to edit it? It is not sent until you schedule it again.</source>
        <translation>«%1» está programada. ¿Devolverla a borrador para editarla? No se envía hasta que la vuelvas a programar.</translation>
    </message>
    <message>
        <source>Unschedule</source>
        <translation>Desprogramar</translation>
    </message>
    <message>
        <source>Cancel “%1”? Recipients who have not got it yet never will; this cannot be undone.</source>
        <translation>¿Cancelar «%1»? Los destinatarios que aún no la recibieron ya no la recibirán; no se puede deshacer.</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (copia)</translation>
    </message>
    <message numerus="yes">
        <source>Send the campaign again to %n recipient(s) in doubt? Any of them who did get it will have it twice.</source>
        <translation><numerusform>¿Enviar de nuevo la campaña a %n destinatario en duda? Si ya la recibió, la tendrá dos veces.</numerusform><numerusform>¿Enviar de nuevo la campaña a %n destinatarios en duda? Los que ya la recibieron la tendrán dos veces.</numerusform></translation>
    </message>
    <message>
        <source>Exporting recipients…</source>
        <translation>Exportando destinatarios…</translation>
    </message>
    <message>
        <source>Recipients exported to %1.</source>
        <translation>Destinatarios exportados a %1.</translation>
    </message>
    <message>
        <source>%1 · from %2</source>
        <translation>%1 · desde %2</translation>
    </message>
    <message>
        <source> · goes %1</source>
        <translation> · sale el %1</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Destinatarios</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Informe</translation>
    </message>
    <message>
        <source>Open a database first.</source>
        <translation>Abre primero una base de datos.</translation>
    </message>
    <message>
        <source>The database is open read-only.</source>
        <translation>La base de datos está abierta en modo de solo lectura.</translation>
    </message>
    <message>
        <source>Choose a campaign in the list first.</source>
        <translation>Elige primero una campaña de la lista.</translation>
    </message>
    <message>
        <source>%1 · SMS · “%2” · from %3</source>
        <translation>%1 · SMS · «%2» · desde %3</translation>
    </message>
    <message numerus="yes">
        <source>%n text(s) waiting for quiet hours, until %1</source>
        <translation><numerusform>%n SMS en espera del horario permitido, hasta %1</numerusform><numerusform>%n SMS en espera del horario permitido, hasta %1</numerusform></translation>
    </message>
    <message>
        <source>A/B Test</source>
        <translation>Prueba A/B</translation>
    </message>
</context>
<context>
    <name>lux::ui::CheckInView</name>
    <message>
        <source>Scan a ticket, or type a name or email and press Enter</source>
        <translation>Escanea una entrada, o escribe un nombre o un correo y pulsa Intro</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Works without a network: check-ins are kept in this database.</source>
        <translation>Funciona sin red: las entradas se guardan en esta base de datos.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Scan the QR code on a ticket, or type the name or email of someone who registered.</source>
        <translation>Escanea el código QR de una entrada, o escribe el nombre o el correo de alguien inscrito.</translation>
    </message>
    <message>
        <source>No signing keys in this computer's keychain: tickets cannot be read here; type names or addresses instead (Settings → Tracking).</source>
        <translation>No hay claves de firma en el llavero de este equipo: aquí no se pueden leer las entradas; escribe nombres o direcciones (Ajustes → Seguimiento).</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>No registrado</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>Deshecho: %1</translation>
    </message>
    <message>
        <source>%1 is no longer checked in.</source>
        <translation>%1 ya no consta como entrada.</translation>
    </message>
    <message>
        <source>Several people match</source>
        <translation>Coinciden varias personas</translation>
    </message>
    <message>
        <source>Choose the right one in the list below, or type more of the name.</source>
        <translation>Elige la correcta en la lista de abajo, o escribe más del nombre.</translation>
    </message>
    <message>
        <source>Checked in: %1</source>
        <translation>Entrada registrada: %1</translation>
    </message>
    <message>
        <source>Undo the check-in of %1</source>
        <translation>Deshacer la entrada de %1</translation>
    </message>
    <message>
        <source>%1 is already checked in at %2</source>
        <translation>%1 ya entró a las %2</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>No encontrado</translation>
    </message>
    <message>
        <source>Ticket for another event</source>
        <translation>Entrada de otro evento</translation>
    </message>
    <message>
        <source>On the waiting list</source>
        <translation>En la lista de espera</translation>
    </message>
    <message>
        <source>Registration cancelled</source>
        <translation>Inscripción cancelada</translation>
    </message>
    <message>
        <source>Not confirmed yet</source>
        <translation>Aún sin confirmar</translation>
    </message>
    <message>
        <source>In at %1</source>
        <translation>Entró a las %1</translation>
    </message>
    <message>
        <source>Check In</source>
        <translation>Registrar entrada</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln checked in</source>
        <translation><numerusform>%1 de %Ln han entrado</numerusform><numerusform>%1 de %Ln han entrado</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::ComponentsDialog</name>
    <message>
        <source>Components</source>
        <translation>Componentes</translation>
    </message>
    <message>
        <source>A component is edited here once and appears in every template that includes it as {{&gt; name}}. Change the footer here and every email that uses it changes.</source>
        <translation>Un componente se edita aquí una vez y aparece en cada plantilla que lo incluye como {{&gt; nombre}}. Cambia aquí el pie y cambiarán todos los correos que lo usan.</translation>
    </message>
    <message>
        <source>New Component</source>
        <translation>Nuevo componente</translation>
    </message>
    <message>
        <source>Add the Starter Set</source>
        <translation>Añadir el conjunto inicial</translation>
    </message>
    <message>
        <source>Header, footer, button, image with text, product card, social links and divider</source>
        <translation>Cabecera, pie, botón, imagen con texto, ficha de producto, redes sociales y separador</translation>
    </message>
    <message>
        <source>e.g. footer</source>
        <translation>p. ej. footer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Save Component</source>
        <translation>Guardar componente</translation>
    </message>
    <message>
        <source>Delete Component</source>
        <translation>Eliminar componente</translation>
    </message>
    <message>
        <source>Delete the component “%1”? Templates that include it will show an error until it is added again.</source>
        <translation>¿Eliminar el componente «%1»? Las plantillas que lo incluyen mostrarán un error hasta que se vuelva a añadir.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>lux::ui::ComposerDialog</name>
    <message>
        <source>New Social Post</source>
        <translation>Nueva publicación social</translation>
    </message>
    <message>
        <source>Post to</source>
        <translation>Publicar en</translation>
    </message>
    <message>
        <source>Reading the accounts…</source>
        <translation>Leyendo las cuentas…</translation>
    </message>
    <message>
        <source>&amp;Text (each account's version starts from it):</source>
        <translation>&amp;Texto (la versión de cada cuenta parte de él):</translation>
    </message>
    <message>
        <source>What do you want to say?</source>
        <translation>¿Qué quieres contar?</translation>
    </message>
    <message>
        <source>Pictures:</source>
        <translation>Imágenes:</translation>
    </message>
    <message>
        <source>&amp;Add Pictures…</source>
        <translation>&amp;Añadir imágenes…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>&amp;At</source>
        <translation>&amp;A las</translation>
    </message>
    <message>
        <source>Add to each account's &amp;queue (its next free slot)</source>
        <translation>Añadir a la &amp;cola de cada cuenta (su siguiente hueco libre)</translation>
    </message>
    <message>
        <source>&amp;Schedule</source>
        <translation>&amp;Programar</translation>
    </message>
    <message>
        <source>Ask &amp;LUX for a Caption</source>
        <translation>Pedir el &amp;texto a LUX</translation>
    </message>
    <message>
        <source>LUX writes this network's caption from your text, in the brand's voice, with hashtags; checked before it is shown</source>
        <translation>LUX escribe el texto para esta red a partir del tuyo, con el tono de la marca y hashtags; se comprueba antes de mostrarlo</translation>
    </message>
    <message>
        <source>X takes no first comment</source>
        <translation>X no admite primer comentario</translation>
    </message>
    <message>
        <source>First comment (optional)</source>
        <translation>Primer comentario (opcional)</translation>
    </message>
    <message>
        <source>%1 / %2 (X's count)</source>
        <translation>%1 / %2 (según cuenta X)</translation>
    </message>
    <message>
        <source>%1 / %2 characters</source>
        <translation>%1 / %2 caracteres</translation>
    </message>
    <message>
        <source>Write something or add a picture.</source>
        <translation>Escribe algo o añade una imagen.</translation>
    </message>
    <message>
        <source>%1 takes it as it is.</source>
        <translation>%1 la acepta tal como está.</translation>
    </message>
    <message>
        <source>Choose the accounts to post to.</source>
        <translation>Elige las cuentas en las que publicar.</translation>
    </message>
    <message numerus="yes">
        <source>Ready for %n account(s).</source>
        <translation><numerusform>Lista para %n cuenta.</numerusform><numerusform>Lista para %n cuentas.</numerusform></translation>
    </message>
    <message>
        <source>Not yet: %1 would refuse it as it is (the reasons are under its text).</source>
        <translation>Todavía no: %1 la rechazaría tal como está (los motivos están bajo su texto).</translation>
    </message>
    <message>
        <source>%1, %2 KB</source>
        <translation>%1, %2 KB</translation>
    </message>
    <message>
        <source>Add Pictures</source>
        <translation>Añadir imágenes</translation>
    </message>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png *.gif *.webp)</source>
        <translation>Imágenes (*.jpg *.jpeg *.png *.gif *.webp)</translation>
    </message>
    <message>
        <source>%1 could not be read, or is larger than 16 MB.</source>
        <translation>No se pudo leer %1, o ocupa más de 16 MB.</translation>
    </message>
    <message>
        <source>Ask LUX</source>
        <translation>Preguntar a LUX</translation>
    </message>
    <message>
        <source>Write a few words about the post first: LUX writes the caption from them.</source>
        <translation>Escribe primero unas palabras sobre la publicación: LUX escribe el texto a partir de ellas.</translation>
    </message>
    <message>
        <source>LUX is writing the caption…</source>
        <translation>LUX está escribiendo el texto…</translation>
    </message>
    <message>
        <source>LUX</source>
        <translation>LUX</translation>
    </message>
    <message>
        <source>Scheduling…</source>
        <translation>Programando…</translation>
    </message>
    <message>
        <source>From &amp;Media Library…</source>
        <translation>De la &amp;biblioteca de medios…</translation>
    </message>
    <message>
        <source>Pictures LUX generated, or that you posted or put in a template before</source>
        <translation>Imágenes que generó LUX o que ya publicaste o pusiste en una plantilla</translation>
    </message>
    <message>
        <source>Fixing…</source>
        <translation>Arreglando…</translation>
    </message>
    <message>
        <source>Fix for Instagram</source>
        <translation>Arreglar para Instagram</translation>
    </message>
    <message>
        <source>Fixed for Instagram: %1 (%2).</source>
        <translation>Arreglada para Instagram: %1 (%2).</translation>
    </message>
    <message>
        <source>Add Pictures from the Media Library</source>
        <translation>Añadir imágenes de la biblioteca de medios</translation>
    </message>
    <message>
        <source>Media Library</source>
        <translation>Biblioteca de medios</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1, %2 KB (fixed for Instagram: %3)</source>
        <translation>%1, %2 KB (arreglada para Instagram: %3)</translation>
    </message>
    <message>
        <source>No account is connected yet: connect one in Social → Accounts → Connect Account….</source>
        <translation>Aún no hay ninguna cuenta conectada: conecta una en Redes sociales → Cuentas → Conectar cuenta….</translation>
    </message>
</context>
<context>
    <name>lux::ui::ConnectAccountDialog</name>
    <message>
        <source>Connect an Account</source>
        <translation>Conectar una cuenta</translation>
    </message>
    <message>
        <source>Your browser opens the network's sign-in page; allow LUX Marketing there and come back. Connecting an account again keeps its posts and queue.</source>
        <translation>Tu navegador abre la página de inicio de sesión de la red; permite el acceso a LUX Marketing allí y vuelve. Si conectas de nuevo una cuenta, conserva sus publicaciones y su cola.</translation>
    </message>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>The account you sign in with.</source>
        <translation>La cuenta con la que inicias sesión.</translation>
    </message>
    <message>
        <source>LinkedIn, as yourself</source>
        <translation>LinkedIn, como tú</translation>
    </message>
    <message>
        <source>Posts on your own profile.</source>
        <translation>Publica en tu propio perfil.</translation>
    </message>
    <message>
        <source>LinkedIn, with your organisations</source>
        <translation>LinkedIn, con tus organizaciones</translation>
    </message>
    <message>
        <source>Your profile and the company pages you administer (needs LinkedIn's Community Management API for the app).</source>
        <translation>Tu perfil y las páginas de empresa que administras (la aplicación necesita la Community Management API de LinkedIn).</translation>
    </message>
    <message>
        <source>Facebook Pages and Instagram</source>
        <translation>Páginas de Facebook e Instagram</translation>
    </message>
    <message>
        <source>The Pages you manage, and the Instagram professional accounts linked to them: one Facebook sign-in for both.</source>
        <translation>Las páginas que gestionas y las cuentas profesionales de Instagram vinculadas a ellas: un solo inicio de sesión de Facebook para ambas.</translation>
    </message>
    <message>
        <source>Open the Page Again</source>
        <translation>Abrir la página de nuevo</translation>
    </message>
    <message>
        <source>Opens the network's sign-in page in your browser again.</source>
        <translation>Vuelve a abrir en tu navegador la página de inicio de sesión de la red.</translation>
    </message>
    <message>
        <source>Copy the Address</source>
        <translation>Copiar la dirección</translation>
    </message>
    <message>
        <source>Copies the sign-in page's address, to open it in another browser on this computer.</source>
        <translation>Copia la dirección de la página de inicio de sesión, para abrirla en otro navegador de este equipo.</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Conectar</translation>
    </message>
    <message>
        <source>The database is open read-only: accounts cannot be connected to it.</source>
        <translation>La base de datos está abierta en solo lectura: no se pueden conectar cuentas a ella.</translation>
    </message>
    <message>
        <source>Reading the app's keys from the keychain…</source>
        <translation>Leyendo las claves de la aplicación del llavero…</translation>
    </message>
    <message>
        <source>The database could not be opened: %1</source>
        <translation>No se pudo abrir la base de datos: %1</translation>
    </message>
    <message>
        <source>Your browser shows %1's sign-in page: allow LUX Marketing there, then come back. If no page opened, open it again or copy its address.</source>
        <translation>Tu navegador muestra la página de inicio de sesión de %1: permite el acceso a LUX Marketing allí y vuelve. Si no se abrió ninguna página, ábrela de nuevo o copia su dirección.</translation>
    </message>
    <message>
        <source>%1 answered: connecting the accounts…</source>
        <translation>%1 ha respondido: conectando las cuentas…</translation>
    </message>
    <message numerus="yes">
        <source>Connected %n account(s):</source>
        <translation><numerusform>Se ha conectado %n cuenta:</numerusform><numerusform>Se han conectado %n cuentas:</numerusform></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>Intentar de nuevo</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>lux::ui::ContactActions</name>
    <message numerus="yes">
        <source>Add tag “%1” to %n contact(s)</source>
        <translation><numerusform>Añadir la etiqueta «%1» a %n contacto</numerusform><numerusform>Añadir la etiqueta «%1» a %n contactos</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Remove tag “%1” from %n contact(s)</source>
        <translation><numerusform>Quitar la etiqueta «%1» de %n contacto</numerusform><numerusform>Quitar la etiqueta «%1» de %n contactos</numerusform></translation>
    </message>
    <message>
        <source>Adding the tag…</source>
        <translation>Añadiendo la etiqueta…</translation>
    </message>
    <message>
        <source>Removing the tag…</source>
        <translation>Quitando la etiqueta…</translation>
    </message>
    <message numerus="yes">
        <source>Unsubscribe %n contact(s)</source>
        <translation><numerusform>Dar de baja %n contacto</numerusform><numerusform>Dar de baja %n contactos</numerusform></translation>
    </message>
    <message>
        <source>Unsubscribing…</source>
        <translation>Dando de baja…</translation>
    </message>
    <message>
        <source>Subscribing again…</source>
        <translation>Suscribiendo de nuevo…</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Eliminando…</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Restaurando…</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) could not come back: their address was added again meanwhile.</source>
        <translation><numerusform>%n contacto no pudo volver: su dirección se añadió de nuevo mientras tanto.</numerusform><numerusform>%n contactos no pudieron volver: su dirección se añadió de nuevo mientras tanto.</numerusform></translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Editar %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Deshacer: %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Rehacer: %1</translation>
    </message>
    <message>
        <source>%1
The undo history was cleared, since it no longer matches the contacts.</source>
        <translation>%1
Se vació el historial para deshacer, porque ya no coincide con los contactos.</translation>
    </message>
    <message numerus="yes">
        <source>Tag “%1” added to %n contact(s).</source>
        <translation><numerusform>Etiqueta «%1» añadida a %n contacto.</numerusform><numerusform>Etiqueta «%1» añadida a %n contactos.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Tag “%1” removed from %n contact(s).</source>
        <translation><numerusform>Etiqueta «%1» quitada de %n contacto.</numerusform><numerusform>Etiqueta «%1» quitada de %n contactos.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) unsubscribed.</source>
        <translation><numerusform>%n contacto dado de baja.</numerusform><numerusform>%n contactos dados de baja.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) deleted.</source>
        <translation><numerusform>%n contacto eliminado.</numerusform><numerusform>%n contactos eliminados.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n contact(s)</source>
        <translation><numerusform>Eliminar %n contacto</numerusform><numerusform>Eliminar %n contactos</numerusform></translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>Añadir %1</translation>
    </message>
    <message>
        <source>%1 added.</source>
        <translation>%1 añadido.</translation>
    </message>
    <message>
        <source>%1 saved.</source>
        <translation>%1 guardado.</translation>
    </message>
    <message>
        <source>Forgetting…</source>
        <translation>Olvidando…</translation>
    </message>
    <message>
        <source>Contact forgotten. Its address stays on the suppression list as a hash.</source>
        <translation>Contacto olvidado. Su dirección queda en la lista de supresión como hash.</translation>
    </message>
</context>
<context>
    <name>lux::ui::ContactEditor</name>
    <message>
        <source>New Contact</source>
        <translation>Nuevo contacto</translation>
    </message>
    <message>
        <source>Edit Contact</source>
        <translation>Editar contacto</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>nombre@ejemplo.com</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>+1 415 555 0132</source>
        <translation>+34 612 34 56 78</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Empresa</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Two-letter code, e.g. US</source>
        <translation>Código de dos letras, p. ej. ES</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>e.g. en, es, pt-BR</source>
        <translation>p. ej. es, en, pt-BR</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. VIP, Newsletter</source>
        <translation>Separadas por comas, p. ej. VIP, Boletín</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>How did they agree? e.g. signed up at the spring fair</source>
        <translation>¿Cómo dio su consentimiento? p. ej. se apuntó en la feria de primavera</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <source>Recorded in the contact's consent history. Leave empty if you have no consent to email them.</source>
        <translation>Se anota en el historial de consentimiento del contacto. Déjalo vacío si no tienes consentimiento para escribirle.</translation>
    </message>
    <message>
        <source>An email address is required.</source>
        <translation>Hace falta una dirección de correo.</translation>
    </message>
    <message>
        <source>Another contact already has this address.</source>
        <translation>Otro contacto ya tiene esta dirección.</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Se guarda como %1</translation>
    </message>
    <message>
        <source>Use the two-letter ISO code, such as US, ES or DE.</source>
        <translation>Usa el código ISO de dos letras, como ES, US o DE.</translation>
    </message>
    <message>
        <source>Not a known time zone; pick one from the list.</source>
        <translation>No es una zona horaria conocida; elige una de la lista.</translation>
    </message>
    <message>
        <source>Use a language code such as en, es or pt-BR.</source>
        <translation>Usa un código de idioma como es, en o pt-BR.</translation>
    </message>
    <message>
        <source>This address is on the suppression list and cannot be subscribed again.</source>
        <translation>Esta dirección está en la lista de supresión y no se puede volver a suscribir.</translation>
    </message>
    <message>
        <source>A number, such as 42 or 3.5.</source>
        <translation>Un número, como 42 o 3.5.</translation>
    </message>
    <message>
        <source>A date as YYYY-MM-DD.</source>
        <translation>Una fecha como AAAA-MM-DD.</translation>
    </message>
    <message>
        <source>%1: not texted</source>
        <translation>%1: no recibe SMS</translation>
    </message>
</context>
<context>
    <name>lux::ui::ContactsModel</name>
    <message>
        <source>Subscribed</source>
        <translation>Suscrito</translation>
    </message>
    <message>
        <source>Unsubscribed</source>
        <translation>Baja</translation>
    </message>
    <message>
        <source>Bounced</source>
        <translation>Rebotados</translation>
    </message>
    <message>
        <source>Complained</source>
        <translation>Queja</translation>
    </message>
    <message>
        <source>Cleaned</source>
        <translation>Depurado</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Empresa</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Añadido</translation>
    </message>
</context>
<context>
    <name>lux::ui::ContactsPage</name>
    <message>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>Importar CSV…</translation>
    </message>
    <message>
        <source>Search name, email or company</source>
        <translation>Buscar por nombre, correo o empresa</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Todos los estados</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation><numerusform>%n contacto</numerusform><numerusform>%n contactos</numerusform></translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Todas las etiquetas</translation>
    </message>
    <message>
        <source>All contacts</source>
        <translation>Todos los contactos</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Contando…</translation>
    </message>
    <message>
        <source>No contacts yet. Import a CSV file with the button above, or drop one here.</source>
        <translation>Aún no hay contactos. Importa un archivo CSV con el botón de arriba o suéltalo aquí.</translation>
    </message>
    <message>
        <source>Select a contact to see its details.</source>
        <translation>Selecciona un contacto para ver sus detalles.</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Empresa</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Suppression</source>
        <translation>Supresión</translation>
    </message>
    <message>
        <source>On the suppression list: never emailed</source>
        <translation>En la lista de supresión: nunca recibe correos</translation>
    </message>
    <message>
        <source>Not suppressed</source>
        <translation>No suprimido</translation>
    </message>
    <message>
        <source>%1: %2 by %3 (%4)</source>
        <translation>%1: %2 mediante %3 (%4)</translation>
    </message>
    <message>
        <source>No consent recorded</source>
        <translation>Sin consentimiento registrado</translation>
    </message>
    <message>
        <source>given</source>
        <translation>otorgado</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>confirmado</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>retirado</translation>
    </message>
    <message>
        <source>form</source>
        <translation>formulario</translation>
    </message>
    <message>
        <source>import</source>
        <translation>importación</translation>
    </message>
    <message>
        <source>manual entry</source>
        <translation>alta manual</translation>
    </message>
    <message>
        <source>double opt-in</source>
        <translation>doble confirmación</translation>
    </message>
    <message>
        <source>Segment…</source>
        <translation>Segmento…</translation>
    </message>
    <message>
        <source>Edit the selected segment, or build a new one</source>
        <translation>Edita el segmento seleccionado o crea uno nuevo</translation>
    </message>
    <message>
        <source>Suppression List…</source>
        <translation>Lista de supresión…</translation>
    </message>
    <message>
        <source>New Contact…</source>
        <translation>Nuevo contacto…</translation>
    </message>
    <message>
        <source>Add Tag…</source>
        <translation>Añadir etiqueta…</translation>
    </message>
    <message>
        <source>Remove Tag…</source>
        <translation>Quitar etiqueta…</translation>
    </message>
    <message>
        <source>Unsubscribe</source>
        <translation>Dar de baja</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Deseleccionar</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Forget…</source>
        <translation>Olvidar…</translation>
    </message>
    <message>
        <source>Erase this person's data for good (GDPR); the address stays blocked as a hash</source>
        <translation>Borra para siempre los datos de esta persona (RGPD); la dirección queda bloqueada como hash</translation>
    </message>
    <message>
        <source>Sorting…</source>
        <translation>Ordenando…</translation>
    </message>
    <message numerus="yes">
        <source>All %n matching contact(s) are selected.</source>
        <translation><numerusform>Está seleccionado %n contacto que coincide.</numerusform><numerusform>Están seleccionados los %n contactos que coinciden.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation><numerusform>%n seleccionado</numerusform><numerusform>%n seleccionados</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Select all %n matching</source>
        <translation><numerusform>Seleccionar %n que coincide</numerusform><numerusform>Seleccionar los %n que coinciden</numerusform></translation>
    </message>
    <message>
        <source>Add Tag</source>
        <translation>Añadir etiqueta</translation>
    </message>
    <message numerus="yes">
        <source>Tag to add to %n contact(s):</source>
        <translation><numerusform>Etiqueta que añadir a %n contacto:</numerusform><numerusform>Etiqueta que añadir a %n contactos:</numerusform></translation>
    </message>
    <message>
        <source>Remove Tag</source>
        <translation>Quitar etiqueta</translation>
    </message>
    <message numerus="yes">
        <source>Tag to remove from %n contact(s):</source>
        <translation><numerusform>Etiqueta que quitar de %n contacto:</numerusform><numerusform>Etiqueta que quitar de %n contactos:</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Unsubscribe all %n matching contact(s)? Each gets a withdrawal in its consent history. You can undo this.</source>
        <translation><numerusform>¿Dar de baja %n contacto que coincide? Su historial de consentimiento registrará la retirada. Puedes deshacerlo.</numerusform><numerusform>¿Dar de baja los %n contactos que coinciden? Cada historial de consentimiento registrará la retirada. Puedes deshacerlo.</numerusform></translation>
    </message>
    <message>
        <source>Delete Contacts</source>
        <translation>Eliminar contactos</translation>
    </message>
    <message numerus="yes">
        <source>Delete all %n matching contact(s)? You can undo this until you close the database.</source>
        <translation><numerusform>¿Eliminar %n contacto que coincide? Puedes deshacerlo hasta que cierres la base de datos.</numerusform><numerusform>¿Eliminar los %n contactos que coinciden? Puedes deshacerlo hasta que cierres la base de datos.</numerusform></translation>
    </message>
    <message>
        <source>Forget Contact</source>
        <translation>Olvidar contacto</translation>
    </message>
    <message>
        <source>Erase everything about %1? Their data is deleted for good and cannot be restored; the address stays on the suppression list as a one-way hash, so it is never emailed again, and the consent history is kept without personal data.</source>
        <translation>¿Borrar todo sobre %1? Sus datos se eliminan para siempre y no se pueden recuperar; la dirección queda en la lista de supresión como hash irreversible, para no volver a escribirle nunca, y el historial de consentimiento se conserva sin datos personales.</translation>
    </message>
    <message>
        <source>received “%1”</source>
        <translation>recibió «%1»</translation>
    </message>
    <message>
        <source>opened “%1”</source>
        <translation>abrió «%1»</translation>
    </message>
    <message>
        <source>clicked %1 in “%2”</source>
        <translation>hizo clic en %1 de «%2»</translation>
    </message>
    <message>
        <source>unsubscribed from “%1”</source>
        <translation>se dio de baja de «%1»</translation>
    </message>
    <message>
        <source> (a machine: %1)</source>
        <translation> (una máquina: %1)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Email activity</source>
        <translation>Actividad de correo</translation>
    </message>
    <message>
        <source>No campaign sent to this contact yet</source>
        <translation>Aún no se ha enviado ninguna campaña a este contacto</translation>
    </message>
    <message>
        <source>Tags and segments could not be read: %1</source>
        <translation>No se pudieron leer las etiquetas y los segmentos: %1</translation>
    </message>
    <message>
        <source> (about “%1”)</source>
        <translation> (sobre «%1»)</translation>
    </message>
    <message>
        <source>replied “%1”: %2</source>
        <translation>respondió «%1»: %2</translation>
    </message>
    <message>
        <source>asked by mail to unsubscribe</source>
        <translation>pidió la baja por correo</translation>
    </message>
    <message>
        <source>bounced for good (%1): %2</source>
        <translation>rebotó definitivamente (%1): %2</translation>
    </message>
    <message>
        <source>bounced for now (%1): %2</source>
        <translation>rebotó temporalmente (%1): %2</translation>
    </message>
    <message>
        <source>sent an automatic reply: “%1”</source>
        <translation>envió una respuesta automática: «%1»</translation>
    </message>
    <message>
        <source>wrote “%1”</source>
        <translation>escribió «%1»</translation>
    </message>
    <message>
        <source>Replies and bounces</source>
        <translation>Respuestas y rebotes</translation>
    </message>
    <message>
        <source>Email consent</source>
        <translation>Consentimiento de correo</translation>
    </message>
    <message>
        <source>a texted keyword</source>
        <translation>una palabra clave por SMS</translation>
    </message>
    <message>
        <source>queued at Twilio</source>
        <translation>en cola en Twilio</translation>
    </message>
    <message>
        <source>sent to the carrier</source>
        <translation>enviado al operador</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>entregado</translation>
    </message>
    <message>
        <source>undelivered</source>
        <translation>no entregado</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fallido</translation>
    </message>
    <message>
        <source>May be texted</source>
        <translation>Se le pueden enviar SMS</translation>
    </message>
    <message>
        <source>Not agreed to texts</source>
        <translation>No ha aceptado recibir SMS</translation>
    </message>
    <message>
        <source>On the SMS suppression list (said STOP): never texted</source>
        <translation>En la lista de supresión de SMS (envió STOP): nunca recibe SMS</translation>
    </message>
    <message>
        <source>%1: %2 by %3</source>
        <translation>%1: %2 por %3</translation>
    </message>
    <message>
        <source>, from %1</source>
        <translation>, desde %1</translation>
    </message>
    <message>
        <source> · agreed to “%1”</source>
        <translation> · aceptó «%1»</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>SMS consent</source>
        <translation>Consentimiento de SMS</translation>
    </message>
    <message>
        <source>sent, no receipt yet</source>
        <translation>enviado, aún sin acuse</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>rechazado</translation>
    </message>
    <message>
        <source>waits for quiet hours to end, until %1</source>
        <translation>espera a que acabe el horario de silencio, hasta %1</translation>
    </message>
    <message>
        <source>in doubt</source>
        <translation>en duda</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en espera</translation>
    </message>
    <message>
        <source> (%1: %2)</source>
        <translation> (%1: %2)</translation>
    </message>
    <message>
        <source>%1: “%2” to %3, %4</source>
        <translation>%1: «%2» a %3, %4</translation>
    </message>
    <message>
        <source>Texts</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>opted out: “%1”</source>
        <translation>se dio de baja: «%1»</translation>
    </message>
    <message>
        <source>opted back in: “%1”</source>
        <translation>volvió a darse de alta: «%1»</translation>
    </message>
    <message>
        <source>asked for help: “%1”</source>
        <translation>pidió ayuda: «%1»</translation>
    </message>
    <message>
        <source>replied “%1”</source>
        <translation>respondió «%1»</translation>
    </message>
    <message>
        <source>Text replies</source>
        <translation>Respuestas por SMS</translation>
    </message>
    <message>
        <source>Workflows</source>
        <translation>Flujos de trabajo</translation>
    </message>
    <message>
        <source>%1 (version %2): %3. Last: %4</source>
        <translation>%1 (versión %2): %3. Lo último: %4</translation>
    </message>
</context>
<context>
    <name>lux::ui::CrawlModel</name>
    <message>
        <source>none</source>
        <translation>sin valor</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>en blanco</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>H1</source>
        <translation>H1</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>All pages</source>
        <translation>Todas las páginas</translation>
    </message>
    <message>
        <source>Pages with errors</source>
        <translation>Páginas con errores</translation>
    </message>
    <message>
        <source>Duplicate titles</source>
        <translation>Títulos duplicados</translation>
    </message>
    <message>
        <source>Duplicate descriptions</source>
        <translation>Descripciones duplicadas</translation>
    </message>
    <message>
        <source>Duplicate H1s</source>
        <translation>H1 duplicados</translation>
    </message>
    <message>
        <source>Broken links</source>
        <translation>Enlaces rotos</translation>
    </message>
    <message>
        <source>Blocked by robots.txt</source>
        <translation>Bloqueadas por robots.txt</translation>
    </message>
    <message>
        <source>Changes since the last crawl</source>
        <translation>Cambios desde el último rastreo</translation>
    </message>
    <message>
        <source>Redirects to %1</source>
        <translation>Redirige a %1</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) share: “%1”</source>
        <translation><numerusform>%n página comparte: «%1»</numerusform><numerusform>%n páginas comparten: «%1»</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Linked from %n page(s): %1</source>
        <translation><numerusform>Enlazada desde %n página: %1</numerusform><numerusform>Enlazada desde %n páginas: %1</numerusform></translation>
    </message>
    <message>
        <source>robots.txt disallows it: not requested</source>
        <translation>robots.txt no la permite: no se ha solicitado</translation>
    </message>
    <message>
        <source>New since the last crawl</source>
        <translation>Nueva desde el último rastreo</translation>
    </message>
    <message>
        <source>Not found in this crawl</source>
        <translation>No encontrada en este rastreo</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>sin respuesta</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>Profundidad</translation>
    </message>
    <message>
        <source>Links in</source>
        <translation>Enlaces entrantes</translation>
    </message>
    <message>
        <source>Linked from</source>
        <translation>Enlazada desde</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Qué cambió</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation><numerusform>%n error</numerusform><numerusform>%n errores</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation><numerusform>%n aviso</numerusform><numerusform>%n avisos</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Usuarios</translation>
    </message>
    <message>
        <source>Database size</source>
        <translation>Tamaño de la base de datos</translation>
    </message>
    <message>
        <source>Last backup</source>
        <translation>Última copia de seguridad</translation>
    </message>
    <message>
        <source>Next automatic backup</source>
        <translation>Próxima copia automática</translation>
    </message>
    <message>
        <source>Last integrity check</source>
        <translation>Última comprobación de integridad</translation>
    </message>
    <message>
        <source>Welcome back, %1.</source>
        <translation>Hola de nuevo, %1.</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Desactivadas</translation>
    </message>
    <message>
        <source>Soon</source>
        <translation>En breve</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Superada</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>Con problemas</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Aún no</translation>
    </message>
    <message>
        <source>Database file: %1</source>
        <translation>Archivo de base de datos: %1</translation>
    </message>
    <message>
        <source>Read-only: another LUX Marketing window has this database open for writing.</source>
        <translation>Solo lectura: otra ventana de LUX Marketing tiene esta base de datos abierta para escritura.</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <source>Subscribed</source>
        <translation>Suscrito</translation>
    </message>
    <message>
        <source>Suppressed addresses</source>
        <translation>Direcciones suprimidas</translation>
    </message>
    <message>
        <source>No email sent in the last 30 days.</source>
        <translation>No se ha enviado correo en los últimos 30 días.</translation>
    </message>
    <message>
        <source>%1 sent · opened by %2 people · clicked by %3 people · %4 opens by image proxies and scanners</source>
        <translation>%1 enviados · abiertos por %2 personas · clics de %3 personas · %4 aperturas de proxies de imágenes y analizadores</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviados</translation>
    </message>
    <message>
        <source>Opened by people</source>
        <translation>Abierto por personas</translation>
    </message>
    <message>
        <source>Opened by machines</source>
        <translation>Abierto por máquinas</translation>
    </message>
    <message>
        <source>Clicked by people</source>
        <translation>Clics de personas</translation>
    </message>
    <message>
        <source>Welcome, %1.</source>
        <translation>Bienvenido, %1.</translation>
    </message>
    <message>
        <source> · %1 bounced (%2 %)</source>
        <translation> · %1 rebotados (%2 %)</translation>
    </message>
    <message>
        <source>More than 2 % of the messages bounced: clean the list (see each campaign's report) before sending more.</source>
        <translation>Rebotó más del 2 % de los mensajes: limpia la lista (mira el informe de cada campaña) antes de enviar más.</translation>
    </message>
    <message>
        <source>Bounced</source>
        <translation>Rebotados</translation>
    </message>
    <message>
        <source>Email and texts, the last 30 days</source>
        <translation>Correo y SMS, últimos 30 días</translation>
    </message>
    <message>
        <source>No texts sent in the last 30 days.</source>
        <translation>No se han enviado SMS en los últimos 30 días.</translation>
    </message>
    <message numerus="yes">
        <source>Texts: %1 sent · %2 % delivered · clicked by %3 people · %n opt-out(s)</source>
        <translation><numerusform>SMS: %1 enviados · %2 % entregados · %3 personas hicieron clic · %n baja</numerusform><numerusform>SMS: %1 enviados · %2 % entregados · %3 personas hicieron clic · %n bajas</numerusform></translation>
    </message>
    <message>
        <source>Texts sent</source>
        <translation>SMS enviados</translation>
    </message>
    <message>
        <source>Texts delivered</source>
        <translation>SMS entregados</translation>
    </message>
</context>
<context>
    <name>lux::ui::DatabaseActions</name>
    <message>
        <source>LUX databases (*.sqlite *.db *.lux);;All files (*)</source>
        <translation>Bases de datos de LUX (*.sqlite *.db *.lux);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Please Wait</source>
        <translation>Espera, por favor</translation>
    </message>
    <message>
        <source>Another database task is still running.</source>
        <translation>Todavía se está ejecutando otra tarea de la base de datos.</translation>
    </message>
    <message>
        <source>Database In Use</source>
        <translation>Base de datos en uso</translation>
    </message>
    <message>
        <source>Open it read-only? Choose No to quit.</source>
        <translation>¿Abrirla en modo de solo lectura? Elige No para salir.</translation>
    </message>
    <message>
        <source>Open it read-only?</source>
        <translation>¿Abrirla en modo de solo lectura?</translation>
    </message>
    <message>
        <source>Cannot Open Database</source>
        <translation>No se puede abrir la base de datos</translation>
    </message>
    <message>
        <source>Network Folder</source>
        <translation>Carpeta de red</translation>
    </message>
    <message>
        <source>Database updated from schema %1; the previous version was saved in %2.</source>
        <translation>Base de datos actualizada desde el esquema %1; la versión anterior se guardó en %2.</translation>
    </message>
    <message>
        <source>New Database</source>
        <translation>Nueva base de datos</translation>
    </message>
    <message>
        <source>%1 already exists. Choose Open Database to open it.</source>
        <translation>%1 ya existe. Elige Abrir base de datos para abrirla.</translation>
    </message>
    <message>
        <source>Open Database</source>
        <translation>Abrir base de datos</translation>
    </message>
    <message>
        <source>Export Database</source>
        <translation>Exportar base de datos</translation>
    </message>
    <message>
        <source>Choose a different file than the open database.</source>
        <translation>Elige un archivo distinto de la base de datos abierta.</translation>
    </message>
    <message>
        <source>Exporting the database…</source>
        <translation>Exportando la base de datos…</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>Falló la exportación</translation>
    </message>
    <message>
        <source>Exported a copy to %1.</source>
        <translation>Se exportó una copia a %1.</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>Haciendo una copia de seguridad de la base de datos…</translation>
    </message>
    <message>
        <source>Backup Failed</source>
        <translation>Falló la copia de seguridad</translation>
    </message>
    <message>
        <source>Backup saved as %1.</source>
        <translation>Copia de seguridad guardada como %1.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>The database is open read-only, so it cannot be replaced.</source>
        <translation>La base de datos está abierta en modo de solo lectura, así que no se puede reemplazar.</translation>
    </message>
    <message>
        <source>Restore from Backup</source>
        <translation>Restaurar desde una copia</translation>
    </message>
    <message>
        <source>Replace the open database with %1?

The current database is kept in the backup folder, and you will sign in again.</source>
        <translation>¿Reemplazar la base de datos abierta por %1?

La base de datos actual se conserva en la carpeta de copias y tendrás que volver a iniciar sesión.</translation>
    </message>
    <message>
        <source>Checking and copying the backup…</source>
        <translation>Comprobando y copiando la copia de seguridad…</translation>
    </message>
    <message>
        <source>Restore Failed</source>
        <translation>Falló la restauración</translation>
    </message>
    <message>
        <source>Nothing was changed. %1</source>
        <translation>No se cambió nada. %1</translation>
    </message>
    <message>
        <source>Restored from %1. The previous database was kept as %2.</source>
        <translation>Restaurada desde %1. La base de datos anterior se conservó como %2.</translation>
    </message>
    <message>
        <source>Checking the database after an unexpected shutdown…</source>
        <translation>Comprobando la base de datos tras un cierre inesperado…</translation>
    </message>
    <message>
        <source>Checking the database…</source>
        <translation>Comprobando la base de datos…</translation>
    </message>
    <message>
        <source>Integrity Check</source>
        <translation>Comprobación de integridad</translation>
    </message>
    <message>
        <source>The database has problems:
%1

Restore a recent backup from File &gt; Restore from Backup.</source>
        <translation>La base de datos tiene problemas:
%1

Restaura una copia reciente desde Archivo &gt; Restaurar desde una copia.</translation>
    </message>
    <message>
        <source>The database passed its integrity check.</source>
        <translation>La base de datos superó la comprobación de integridad.</translation>
    </message>
    <message>
        <source>Integrity check passed.</source>
        <translation>Comprobación de integridad superada.</translation>
    </message>
    <message>
        <source>Integrity check found problems.</source>
        <translation>La comprobación de integridad encontró problemas.</translation>
    </message>
</context>
<context>
    <name>lux::ui::EventEditor</name>
    <message>
        <source>Edit Event</source>
        <translation>Editar evento</translation>
    </message>
    <message>
        <source>New Event</source>
        <translation>Nuevo evento</translation>
    </message>
    <message>
        <source>A free event on one date with a public registration page on lux-tracker. It is saved as a draft; publish it when it is ready.</source>
        <translation>Un evento gratuito en una fecha, con una página de inscripción pública en lux-tracker. Se guarda como borrador; publícalo cuando esté listo.</translation>
    </message>
    <message>
        <source>This event is published: registrants get an updated invite when its time or place changes.</source>
        <translation>Este evento está publicado: los inscritos reciben una invitación actualizada si cambian la hora o el lugar.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Create Event</source>
        <translation>Crear evento</translation>
    </message>
    <message>
        <source>I agree that the organiser keeps my details to manage my registration and may email me about this event.</source>
        <translation>Acepto que el organizador guarde mis datos para gestionar mi inscripción y pueda escribirme sobre este evento.</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Spring product launch</source>
        <translation>Lanzamiento de primavera</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <source>What happens, for whom, and what to bring. Markdown: **bold**, *italic*, [a link](https://…), lists with -.</source>
        <translation>Qué pasa, para quién y qué traer. Markdown: **negrita**, *cursiva*, [un enlace](https://…), listas con -.</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Descripción:</translation>
    </message>
    <message>
        <source>The language of the registration page and of the messages registrants get.</source>
        <translation>El idioma de la página de inscripción y de los mensajes que reciben los inscritos.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>When and where</source>
        <translation>Cuándo y dónde</translation>
    </message>
    <message>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <source>&amp;Starts:</source>
        <translation>&amp;Empieza:</translation>
    </message>
    <message>
        <source>Type part of a place to search (“Madrid”, “New_York”). Times are shown to registrants in this zone.</source>
        <translation>Escribe parte de un lugar para buscar («Madrid», «New_York»). Los inscritos ven las horas en esta zona.</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>&amp;Zona horaria:</translation>
    </message>
    <message>
        <source>Hall B, Calle Mayor 1, Madrid</source>
        <translation>Sala B, Calle Mayor 1, Madrid</translation>
    </message>
    <message>
        <source>&amp;Venue:</source>
        <translation>&amp;Lugar:</translation>
    </message>
    <message>
        <source>https://meet.example.com/spring (for an online event)</source>
        <translation>https://meet.example.com/primavera (para un evento en línea)</translation>
    </message>
    <message>
        <source>&amp;Online link:</source>
        <translation>Enlace en lí&amp;nea:</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Inscripción</translation>
    </message>
    <message>
        <source>The mailbox confirmations, invites and reminders come from; invites name it as the organiser.</source>
        <translation>El buzón del que salen confirmaciones, invitaciones y recordatorios; las invitaciones lo nombran organizador.</translation>
    </message>
    <message>
        <source>&amp;Organiser:</source>
        <translation>&amp;Organizador:</translation>
    </message>
    <message>
        <source>No sender mailbox yet: add one under Settings → Sending.</source>
        <translation>Aún no hay buzón remitente: añade uno en Ajustes → Envío.</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Sin límite</translation>
    </message>
    <message>
        <source> seats</source>
        <translation> plazas</translation>
    </message>
    <message>
        <source>When it is full, people join the waiting list in order and are promoted as seats free up.</source>
        <translation>Cuando se llena, la gente entra en la lista de espera por orden y sube cuando se liberan plazas.</translation>
    </message>
    <message>
        <source>&amp;Capacity:</source>
        <translation>&amp;Aforo:</translation>
    </message>
    <message>
        <source>Opens:</source>
        <translation>Abre:</translation>
    </message>
    <message>
        <source>Not before</source>
        <translation>No antes de</translation>
    </message>
    <message>
        <source>Closes:</source>
        <translation>Cierra:</translation>
    </message>
    <message>
        <source>Not after</source>
        <translation>No después de</translation>
    </message>
    <message>
        <source>Ask new registrants to confirm by email (double opt-in)</source>
        <translation>Pedir a los nuevos inscritos que confirmen por correo (doble opt-in)</translation>
    </message>
    <message>
        <source>A seat is held from the form until they confirm; unconfirmed seats go to the waiting list after a while.</source>
        <translation>La plaza se reserva desde el formulario hasta que confirmen; las plazas sin confirmar pasan a la lista de espera al cabo de un tiempo.</translation>
    </message>
    <message>
        <source>spring-launch, madrid (separated by commas)</source>
        <translation>lanzamiento-primavera, madrid (separadas por comas)</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>Eti&amp;quetas:</translation>
    </message>
    <message>
        <source>Every registrant becomes a contact with these tags.</source>
        <translation>Cada inscrito pasa a ser un contacto con estas etiquetas.</translation>
    </message>
    <message>
        <source>Questions and consent</source>
        <translation>Preguntas y consentimiento</translation>
    </message>
    <message>
        <source>Besides email, first and last name. A choice question lists its choices separated by “|”.</source>
        <translation>Además del correo, el nombre y los apellidos. Una pregunta de opciones las separa con «|».</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>Opciones</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Obligatoria</translation>
    </message>
    <message>
        <source>Add Question</source>
        <translation>Añadir pregunta</translation>
    </message>
    <message>
        <source>Remove Question</source>
        <translation>Quitar pregunta</translation>
    </message>
    <message>
        <source>Consent text, shown beside a checkbox on the form (empty: no consent asked):</source>
        <translation>Texto de consentimiento, junto a una casilla del formulario (vacío: no se pide consentimiento):</translation>
    </message>
    <message>
        <source>Each text is kept by version: a registrant's consent record names the version they saw.</source>
        <translation>Cada texto se guarda por versiones: el registro de consentimiento de un inscrito indica la versión que vio.</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Recordatorios</translation>
    </message>
    <message>
        <source>Emails before the start (and texts to registrants with SMS consent, outside quiet hours).</source>
        <translation>Correos antes del inicio (y SMS a los inscritos con consentimiento SMS, fuera de las horas de silencio).</translation>
    </message>
    <message>
        <source>Add Reminder</source>
        <translation>Añadir recordatorio</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avanzado</translation>
    </message>
    <message>
        <source>&amp;Proof of work:</source>
        <translation>&amp;Prueba de trabajo:</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Desactivadas</translation>
    </message>
    <message>
        <source>bits (0 to 28; 16 by default)</source>
        <translation>bits (de 0 a 28; 16 por defecto)</translation>
    </message>
    <message>
        <source>Bots must solve a small puzzle in the page before the form is taken: each step up doubles their work, about a second on a phone at 16. 0 turns it off, for trusted intranets and load tests.</source>
        <translation>Los bots deben resolver un pequeño acertijo en la página antes de que se acepte el formulario: cada paso dobla su trabajo, un segundo aproximado en un móvil con 16. Con 0 se desactiva, para intranets de confianza y pruebas de carga.</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>Opciones</translation>
    </message>
    <message>
        <source>Checkbox</source>
        <translation>Casilla</translation>
    </message>
    <message>
        <source>For a choice question: the choices, separated by “|”</source>
        <translation>Para una pregunta de opciones: las opciones, separadas por «|»</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutos</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>horas</translation>
    </message>
    <message>
        <source>days</source>
        <translation>días</translation>
    </message>
    <message>
        <source>before the start</source>
        <translation>antes del inicio</translation>
    </message>
    <message>
        <source>Remove this reminder</source>
        <translation>Quitar este recordatorio</translation>
    </message>
    <message numerus="yes">
        <source>An event has at most %n reminder(s).</source>
        <translation><numerusform>Un evento tiene como máximo %n recordatorio.</numerusform><numerusform>Un evento tiene como máximo %n recordatorios.</numerusform></translation>
    </message>
    <message>
        <source>The event cannot be loaded: %1</source>
        <translation>No se puede cargar el evento: %1</translation>
    </message>
    <message>
        <source>Choose a sender mailbox</source>
        <translation>Elige un buzón remitente</translation>
    </message>
    <message>
        <source>Edit “%1”</source>
        <translation>Editar «%1»</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
</context>
<context>
    <name>lux::ui::EventMessagesDialog</name>
    <message>
        <source>Event Messages</source>
        <translation>Mensajes de los eventos</translation>
    </message>
    <message>
        <source>What registrants receive, in each event's language. The details, the buttons, the calendar invite and the ticket are added around your text.</source>
        <translation>Lo que reciben los inscritos, en el idioma de cada evento. Los detalles, los botones, la invitación de calendario y la entrada se añaden alrededor de tu texto.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>&amp;Asunto:</translation>
    </message>
    <message>
        <source>Paragraphs are separated by a blank line. Merge tags: %1.</source>
        <translation>Los párrafos se separan con una línea en blanco. Etiquetas de combinación: %1.</translation>
    </message>
    <message>
        <source>Back to the Starter</source>
        <translation>Volver al texto inicial</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>The database is open read-only.</source>
        <translation>La base de datos está abierta en modo de solo lectura.</translation>
    </message>
    <message>
        <source>Open a database first.</source>
        <translation>Abre primero una base de datos.</translation>
    </message>
    <message>
        <source>Confirm the address (double opt-in)</source>
        <translation>Confirmar la dirección (doble opt-in)</translation>
    </message>
    <message>
        <source>Confirmation, with the invite and ticket</source>
        <translation>Confirmación, con la invitación y la entrada</translation>
    </message>
    <message>
        <source>On the waiting list</source>
        <translation>En la lista de espera</translation>
    </message>
    <message>
        <source>A seat came free</source>
        <translation>Se ha liberado una plaza</translation>
    </message>
    <message>
        <source>The event changed</source>
        <translation>El evento ha cambiado</translation>
    </message>
    <message>
        <source>Cancellation</source>
        <translation>Cancelación</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Recordatorio</translation>
    </message>
    <message>
        <source>Place released (not confirmed in time)</source>
        <translation>Plaza liberada (sin confirmar a tiempo)</translation>
    </message>
</context>
<context>
    <name>lux::ui::EventReportView</name>
    <message>
        <source>Confirmed</source>
        <translation>Confirmado</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Asistieron</translation>
    </message>
    <message>
        <source>No-shows</source>
        <translation>No se presentaron</translation>
    </message>
    <message>
        <source>Registrations per day</source>
        <translation>Inscripciones por día</translation>
    </message>
    <message>
        <source>Where they came from</source>
        <translation>De dónde vinieron</translation>
    </message>
    <message>
        <source>The report cannot be read: %1</source>
        <translation>No se puede leer el informe: %1</translation>
    </message>
    <message>
        <source>of %1 seats</source>
        <translation>de %1 plazas</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sin límite</translation>
    </message>
    <message>
        <source>not confirmed by email yet</source>
        <translation>aún sin confirmar por correo</translation>
    </message>
    <message>
        <source>promoted as seats free up</source>
        <translation>suben cuando se liberan plazas</translation>
    </message>
    <message>
        <source>%1 of confirmed</source>
        <translation>%1 de los confirmados</translation>
    </message>
    <message>
        <source>once the event has ended</source>
        <translation>cuando termine el evento</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Registrations</source>
        <translation>Inscripciones</translation>
    </message>
    <message>
        <source>Cancellations</source>
        <translation>Cancelaciones</translation>
    </message>
    <message>
        <source>Choose an event to see its report.</source>
        <translation>Elige un evento para ver su informe.</translation>
    </message>
    <message>
        <source>Nobody has registered yet. Registrations arrive from lux-tracker every minute while LUX runs.</source>
        <translation>Aún no se ha inscrito nadie. Las inscripciones llegan de lux-tracker cada minuto mientras LUX está abierto.</translation>
    </message>
    <message>
        <source>No-shows are counted once the event has ended: confirmed people who were not checked in.</source>
        <translation>Los que no se presentaron se cuentan cuando termina el evento: personas confirmadas sin entrada registrada.</translation>
    </message>
    <message>
        <source>Attended counts the people checked in at the door; no-shows are confirmed people who were not.</source>
        <translation>Asistieron cuenta a quienes entraron por la puerta; no se presentaron, a los confirmados que no.</translation>
    </message>
</context>
<context>
    <name>lux::ui::EventsModel</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Sin límite</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Empieza</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmado</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Entrada registrada</translation>
    </message>
</context>
<context>
    <name>lux::ui::EventsPage</name>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicar</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>New Event…</source>
        <translation>Nuevo evento…</translation>
    </message>
    <message>
        <source>Cancel Event…</source>
        <translation>Cancelar evento…</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publicar</translation>
    </message>
    <message>
        <source>Puts the registration page on lux-tracker.</source>
        <translation>Pone la página de inscripción en lux-tracker.</translation>
    </message>
    <message>
        <source>No events yet</source>
        <translation>Aún no hay eventos</translation>
    </message>
    <message>
        <source>An event is a free meetup, workshop or launch on one date. LUX gives it a registration page on your lux-tracker (or a form to embed on your site), keeps a waiting list when it is full, sends confirmations with a calendar invite and reminders, and checks people in at the door, even without a network.</source>
        <translation>Un evento es un encuentro, taller o lanzamiento gratuito en una fecha. LUX le da una página de inscripción en tu lux-tracker (o un formulario para incrustar en tu web), lleva una lista de espera cuando se llena, envía confirmaciones con invitación de calendario y recordatorios, y registra la entrada en la puerta, incluso sin red.</translation>
    </message>
    <message>
        <source>Public page:</source>
        <translation>Página pública:</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Embed:</source>
        <translation>Incrustar:</translation>
    </message>
    <message>
        <source>Paste this into a page of your site to show the registration form there.</source>
        <translation>Pega esto en una página de tu web para mostrar allí el formulario de inscripción.</translation>
    </message>
    <message>
        <source>Link copied.</source>
        <translation>Enlace copiado.</translation>
    </message>
    <message>
        <source>Embed code copied.</source>
        <translation>Código para incrustar copiado.</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>Asistentes</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Informe</translation>
    </message>
    <message>
        <source>lux-tracker has the event as it is now.</source>
        <translation>lux-tracker tiene el evento tal como está ahora.</translation>
    </message>
    <message>
        <source>The events cannot be read: %1</source>
        <translation>No se pueden leer los eventos: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s), %1 published</source>
        <translation><numerusform>%n evento, %1 publicado</numerusform><numerusform>%n eventos, %1 publicados</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation><numerusform>%n evento</numerusform><numerusform>%n eventos</numerusform></translation>
    </message>
    <message>
        <source>Choose an event</source>
        <translation>Elige un evento</translation>
    </message>
    <message numerus="yes">
        <source>%Ln seat(s)</source>
        <translation><numerusform>%Ln plaza</numerusform><numerusform>%Ln plazas</numerusform></translation>
    </message>
    <message>
        <source>no limit on seats</source>
        <translation>plazas sin límite</translation>
    </message>
    <message>
        <source>No lux-tracker address: set it under Settings → Tracking.</source>
        <translation>Sin dirección de lux-tracker: configúrala en Ajustes → Seguimiento.</translation>
    </message>
    <message>
        <source>Open a database first.</source>
        <translation>Abre primero una base de datos.</translation>
    </message>
    <message>
        <source>The database is open read-only.</source>
        <translation>La base de datos está abierta en modo de solo lectura.</translation>
    </message>
    <message>
        <source>Choose an event in the list first.</source>
        <translation>Elige primero un evento de la lista.</translation>
    </message>
    <message>
        <source>Sending it to lux-tracker…</source>
        <translation>Enviándolo a lux-tracker…</translation>
    </message>
    <message>
        <source>Only drafts can be deleted: people may have registered for a published event.</source>
        <translation>Solo se pueden eliminar borradores: puede haber inscritos en un evento publicado.</translation>
    </message>
    <message>
        <source>A cancelled or finished event cannot be changed.</source>
        <translation>Un evento cancelado o terminado no se puede cambiar.</translation>
    </message>
    <message>
        <source>Event saved.</source>
        <translation>Evento guardado.</translation>
    </message>
    <message>
        <source>Event created as a draft.</source>
        <translation>Evento creado como borrador.</translation>
    </message>
    <message>
        <source>Publishing “%1”…</source>
        <translation>Publicando «%1»…</translation>
    </message>
    <message>
        <source>Cancel Event</source>
        <translation>Cancelar evento</translation>
    </message>
    <message numerus="yes">
        <source>Cancel “%1”? Its page says so from now on and the %Ln people registered or waiting are told by email, with a cancellation for their calendar. This cannot be undone.</source>
        <translation><numerusform>¿Cancelar «%1»? Su página lo dirá desde ahora y la %Ln persona inscrita o en espera recibe un correo, con la cancelación para su calendario. No se puede deshacer.</numerusform><numerusform>¿Cancelar «%1»? Su página lo dirá desde ahora y las %Ln personas inscritas o en espera reciben un correo, con la cancelación para su calendario. No se puede deshacer.</numerusform></translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (copia)</translation>
    </message>
    <message>
        <source>Event duplicated as a draft.</source>
        <translation>Evento duplicado como borrador.</translation>
    </message>
    <message>
        <source>Delete Event</source>
        <translation>Eliminar evento</translation>
    </message>
    <message>
        <source>Delete the draft “%1”? Its questions and anyone added by hand go with it; this cannot be undone.</source>
        <translation>¿Eliminar el borrador «%1»? Se van con él sus preguntas y quien se añadió a mano; no se puede deshacer.</translation>
    </message>
    <message>
        <source>Event deleted.</source>
        <translation>Evento eliminado.</translation>
    </message>
    <message>
        <source>Messages…</source>
        <translation>Mensajes…</translation>
    </message>
    <message>
        <source>The wording of the confirmations, reminders and other messages registrants get.</source>
        <translation>El texto de las confirmaciones, recordatorios y demás mensajes que reciben los inscritos.</translation>
    </message>
</context>
<context>
    <name>lux::ui::FindBar</name>
    <message>
        <source>Find</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Distinguir mayúsculas</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Cerrar (Esc)</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>Reemplazar por</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Reemplazar</translation>
    </message>
    <message>
        <source>Replace All</source>
        <translation>Reemplazar todo</translation>
    </message>
    <message>
        <source>Ctrl+H</source>
        <translation>Ctrl+H</translation>
    </message>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation><numerusform>%n reemplazado</numerusform><numerusform>%n reemplazados</numerusform></translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Sin coincidencias</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation><numerusform>%n coincidencia</numerusform><numerusform>%n coincidencias</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::FlowEditor</name>
    <message>
        <source>Add Step</source>
        <translation>Añadir paso</translation>
    </message>
    <message>
        <source>Delete the selected step (Del)</source>
        <translation>Eliminar el paso seleccionado (Supr)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajustar</translation>
    </message>
    <message>
        <source>Show the whole workflow</source>
        <translation>Mostrar todo el flujo de trabajo</translation>
    </message>
    <message>
        <source>Workflow canvas</source>
        <translation>Lienzo del flujo de trabajo</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>Flujo de trabajo</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix before publishing</source>
        <translation><numerusform>%n problema que corregir antes de publicar</numerusform><numerusform>%n problemas que corregir antes de publicar</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n step(s), ready to publish</source>
        <translation><numerusform>%n paso, listo para publicar</numerusform><numerusform>%n pasos, listo para publicar</numerusform></translation>
    </message>
    <message>
        <source>Delete step</source>
        <translation>Eliminar paso</translation>
    </message>
    <message>
        <source>Connect steps</source>
        <translation>Conectar pasos</translation>
    </message>
    <message>
        <source>Move step</source>
        <translation>Mover paso</translation>
    </message>
    <message>
        <source>Change the workflow's settings</source>
        <translation>Cambiar la configuración del flujo de trabajo</translation>
    </message>
    <message>
        <source>Add a step (%1)</source>
        <translation>Añadir un paso (%1)</translation>
    </message>
    <message>
        <source>Change a step (%1)</source>
        <translation>Cambiar un paso (%1)</translation>
    </message>
</context>
<context>
    <name>lux::ui::HistoryDialog</name>
    <message>
        <source>History of “%1”</source>
        <translation>Historial de «%1»</translation>
    </message>
    <message>
        <source>Open This Version</source>
        <translation>Abrir esta versión</translation>
    </message>
    <message numerus="yes">
        <source>Subject: %1
Preheader: %2
%n character(s) of %3</source>
        <translation><numerusform>Asunto: %1
Texto de vista previa: %2
%n carácter de %3</numerusform><numerusform>Asunto: %1
Texto de vista previa: %2
%n caracteres de %3</numerusform></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <source>Version %1 (current)</source>
        <translation>Versión %1 (actual)</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Versión %1</translation>
    </message>
    <message>
        <source>same length</source>
        <translation>misma longitud</translation>
    </message>
    <message>
        <source>%1 characters</source>
        <translation>%1 caracteres</translation>
    </message>
</context>
<context>
    <name>lux::ui::ImportDialog</name>
    <message>
        <source>Import Contacts</source>
        <translation>Importar contactos</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>Archivo CSV</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>Detectar</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>Codificación</translation>
    </message>
    <message>
        <source>Skip the row</source>
        <translation>Omitir la fila</translation>
    </message>
    <message>
        <source>Fill empty fields</source>
        <translation>Rellenar los campos vacíos</translation>
    </message>
    <message>
        <source>Overwrite fields</source>
        <translation>Sobrescribir los campos</translation>
    </message>
    <message>
        <source>If the email exists</source>
        <translation>Si el correo ya existe</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. Spring Fair, Newsletter</source>
        <translation>Separadas por comas, p. ej. Feria de primavera, Boletín</translation>
    </message>
    <message>
        <source>Tag everyone</source>
        <translation>Etiquetar a todos</translation>
    </message>
    <message>
        <source>Optional: how these people agreed, e.g. "Sign-up form, March 2026"</source>
        <translation>Opcional: cómo dieron su consentimiento, p. ej. «Formulario de alta, marzo de 2026»</translation>
    </message>
    <message>
        <source>Consent basis</source>
        <translation>Base del consentimiento</translation>
    </message>
    <message>
        <source>Keep other columns as custom fields</source>
        <translation>Conservar las demás columnas como campos personalizados</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Columna del archivo</translation>
    </message>
    <message>
        <source>Imported as</source>
        <translation>Se importa como</translation>
    </message>
    <message>
        <source>Save Rejected Rows…</source>
        <translation>Guardar filas rechazadas…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Save Rejected Rows</source>
        <translation>Guardar filas rechazadas</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>No se pudo escribir %1.</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Archivos CSV (*.csv *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Choose a CSV file, or drop one on the Contacts page.</source>
        <translation>Elige un archivo CSV o suéltalo en la página Contactos.</translation>
    </message>
    <message>
        <source>%1 has no header line.</source>
        <translation>%1 no tiene línea de cabecera.</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>(no se importa)</translation>
    </message>
    <message>
        <source>%1 · %2 · delimiter %3</source>
        <translation>%1 · %2 · separador %3</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>tabulador</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importando %1…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation>Cancelado: no se cambió nada.</translation>
    </message>
    <message>
        <source>The import failed: nothing was changed.</source>
        <translation>La importación falló: no se cambió nada.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Hecho.</translation>
    </message>
    <message>
        <source>Read %1 rows: %2 new contacts, %3 already known (%4 updated), %5 rejected.</source>
        <translation>Leídas %1 filas: %2 contactos nuevos, %3 ya conocidos (%4 actualizados), %5 rechazadas.</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Línea %1: %2</translation>
    </message>
    <message>
        <source>… and %1 more.</source>
        <translation>… y %1 más.</translation>
    </message>
    <message>
        <source>Comma</source>
        <translation>Coma</translation>
    </message>
    <message>
        <source>Semicolon</source>
        <translation>Punto y coma</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tabulador</translation>
    </message>
    <message>
        <source>Pipe</source>
        <translation>Barra vertical</translation>
    </message>
    <message>
        <source>Delimiter</source>
        <translation>Separador</translation>
    </message>
    <message>
        <source>custom field "%1"</source>
        <translation>campo personalizado «%1»</translation>
    </message>
    <message>
        <source>%1, line %2</source>
        <translation>%1, línea %2</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Aviso: %1</translation>
    </message>
</context>
<context>
    <name>lux::ui::MainWindow</name>
    <message>
        <source>LUX Marketing</source>
        <translation>LUX Marketing</translation>
    </message>
    <message>
        <source>Automatic backup saved as %1.</source>
        <translation>Copia automática guardada como %1.</translation>
    </message>
    <message numerus="yes">
        <source>Automatic backup saved as %1; %n older backup(s) removed.</source>
        <translation><numerusform>Copia automática guardada como %1; se eliminó %n copia antigua.</numerusform><numerusform>Copia automática guardada como %1; se eliminaron %n copias antiguas.</numerusform></translation>
    </message>
    <message>
        <source>Automatic backup failed: %1</source>
        <translation>Falló la copia automática: %1</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;New Database…</source>
        <translation>&amp;Nueva base de datos…</translation>
    </message>
    <message>
        <source>&amp;Open Database…</source>
        <translation>&amp;Abrir base de datos…</translation>
    </message>
    <message>
        <source>&amp;Export Database…</source>
        <translation>&amp;Exportar base de datos…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>&amp;Back Up Now</source>
        <translation>&amp;Copia de seguridad ahora</translation>
    </message>
    <message>
        <source>Ctrl+Shift+B</source>
        <translation>Ctrl+Shift+B</translation>
    </message>
    <message>
        <source>&amp;Restore from Backup…</source>
        <translation>&amp;Restaurar desde una copia…</translation>
    </message>
    <message>
        <source>Check &amp;Integrity</source>
        <translation>Comprobar &amp;integridad</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>Cerrar &amp;sesión</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>Show &amp;Sidebar</source>
        <translation>Mostrar &amp;barra lateral</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>&amp;Pantalla completa</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;About LUX Marketing</source>
        <translation>&amp;Acerca de LUX Marketing</translation>
    </message>
    <message>
        <source>About LUX Marketing</source>
        <translation>Acerca de LUX Marketing</translation>
    </message>
    <message>
        <source>LUX Marketing %1

Marketing automation on your desktop: contacts, templates and campaigns in a local database that works offline.

Licensed under the GNU General Public License, version 3 or later.</source>
        <translation>LUX Marketing %1

Automatización de marketing en tu escritorio: contactos, plantillas y campañas en una base de datos local que funciona sin conexión.

Publicado bajo la Licencia Pública General de GNU, versión 3 o posterior.</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Acerca de &amp;Qt</translation>
    </message>
    <message>
        <source>No database</source>
        <translation>Sin base de datos</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation> (solo lectura)</translation>
    </message>
    <message>
        <source>%1 · administrator</source>
        <translation>%1 · administrador</translation>
    </message>
    <message>
        <source>%1 · member</source>
        <translation>%1 · miembro</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Sin iniciar sesión</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Copiando…</translation>
    </message>
    <message>
        <source>Automatic backups off</source>
        <translation>Copias automáticas desactivadas</translation>
    </message>
    <message>
        <source>Backup in a few minutes</source>
        <translation>Copia en unos minutos</translation>
    </message>
    <message>
        <source>Next backup %1</source>
        <translation>Próxima copia: %1</translation>
    </message>
    <message>
        <source>This database has no users yet and is open read-only elsewhere.</source>
        <translation>Esta base de datos aún no tiene usuarios y está abierta en solo lectura en otro sitio.</translation>
    </message>
    <message>
        <source>%1 — LUX Marketing</source>
        <translation>%1 — LUX Marketing</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>Sesión iniciada como %1.</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Plantillas</translation>
    </message>
    <message>
        <source>Campaign sent</source>
        <translation>Campaña enviada</translation>
    </message>
    <message>
        <source>“%1” went to %2 recipients; %3 failed and %4 need your decision.</source>
        <translation>«%1» llegó a %2 destinatarios; %3 fallaron y %4 necesitan tu decisión.</translation>
    </message>
    <message>
        <source>“%1” went to %2 recipients; %3 failed.</source>
        <translation>«%1» llegó a %2 destinatarios; %3 fallaron.</translation>
    </message>
    <message>
        <source>Campaign failed</source>
        <translation>La campaña falló</translation>
    </message>
    <message>
        <source>“%1” stopped after %2 recipients: open Campaigns to see why and resume it.</source>
        <translation>«%1» se detuvo tras %2 destinatarios: abre Campañas para ver por qué y reanudarla.</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Campañas</translation>
    </message>
    <message>
        <source>Nothing is sending</source>
        <translation>No se está enviando nada</translation>
    </message>
    <message>
        <source>&amp;Open LUX Marketing</source>
        <translation>&amp;Abrir LUX Marketing</translation>
    </message>
    <message>
        <source>Sending “%1”</source>
        <translation>Enviando «%1»</translation>
    </message>
    <message>
        <source>LUX Marketing — %1 of %2 sent</source>
        <translation>LUX Marketing — %1 de %2 enviados</translation>
    </message>
    <message numerus="yes">
        <source>LUX Marketing — %n campaign(s) scheduled</source>
        <translation><numerusform>LUX Marketing — %n campaña programada</numerusform><numerusform>LUX Marketing — %n campañas programadas</numerusform></translation>
    </message>
    <message>
        <source>LUX Marketing keeps sending</source>
        <translation>LUX Marketing sigue enviando</translation>
    </message>
    <message>
        <source>Campaigns are scheduled or sending, so LUX goes on from the tray. Choose Quit there to stop.</source>
        <translation>Hay campañas programadas o enviándose, así que LUX sigue desde la bandeja. Elige Salir allí para detenerlo.</translation>
    </message>
    <message>
        <source>&amp;LUX Assistant</source>
        <translation>Asistente &amp;LUX</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>Ask LUX, the assistant, beside any section (Ctrl+Shift+L)</source>
        <translation>Pregunta a LUX, el asistente, junto a cualquier sección (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <source>Automation</source>
        <translation>Automatización</translation>
    </message>
    <message>
        <source>Automations</source>
        <translation>Automatizaciones</translation>
    </message>
    <message>
        <source>Social account</source>
        <translation>Cuenta social</translation>
    </message>
    <message>
        <source>Social</source>
        <translation>Redes sociales</translation>
    </message>
    <message>
        <source>SEO</source>
        <translation>SEO</translation>
    </message>
</context>
<context>
    <name>lux::ui::MediaPicker</name>
    <message>
        <source>Media Library</source>
        <translation>Biblioteca de medios</translation>
    </message>
    <message>
        <source>Reading the media library…</source>
        <translation>Leyendo la biblioteca de medios…</translation>
    </message>
    <message>
        <source>The media library is empty</source>
        <translation>La biblioteca de medios está vacía</translation>
    </message>
    <message>
        <source>Pictures land here when you generate one with Ask LUX (“make a picture of…”), or from the command line with luxctl ai image --library. Pictures you post or put in a template are kept here too.</source>
        <translation>Las imágenes llegan aquí cuando generas una con Preguntar a LUX («haz una imagen de…») o desde la línea de órdenes con luxctl ai image --library. Las imágenes que publicas o pones en una plantilla también se guardan aquí.</translation>
    </message>
    <message>
        <source>&amp;Insert</source>
        <translation>&amp;Insertar</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Añadir</translation>
    </message>
    <message>
        <source>%1
%2 × %3</source>
        <translation>%1
%2 × %3</translation>
    </message>
    <message numerus="yes">
        <source>%n picture(s) in the library: choose one.</source>
        <translation><numerusform>%n imagen en la biblioteca: elige una.</numerusform><numerusform>%n imágenes en la biblioteca: elige una.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n picture(s) in the library: choose one or more (Ctrl+click for several).</source>
        <translation><numerusform>%n imagen en la biblioteca: elige una o más (Ctrl+clic para varias).</numerusform><numerusform>%n imágenes en la biblioteca: elige una o más (Ctrl+clic para varias).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>&amp;Add %n Pictures</source>
        <translation><numerusform>&amp;Añadir %n imagen</numerusform><numerusform>&amp;Añadir %n imágenes</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::OutboxModel</name>
    <message>
        <source>waiting</source>
        <translation>en espera</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>enviándose</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>enviada</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fallido</translation>
    </message>
    <message>
        <source>in doubt</source>
        <translation>en duda</translation>
    </message>
    <message>
        <source>needs your decision</source>
        <translation>necesita tu decisión</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinatario</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <source>Sent from</source>
        <translation>Enviado desde</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
</context>
<context>
    <name>lux::ui::PostPreview</name>
    <message>
        <source>more</source>
        <translation>más</translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation>(sin texto)</translation>
    </message>
    <message numerus="yes">
        <source>%n picture(s)</source>
        <translation><numerusform>%n imagen</numerusform><numerusform>%n imágenes</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::PreviewWidget</name>
    <message>
        <source>Load Images</source>
        <translation>Cargar imágenes</translation>
    </message>
    <message>
        <source>Fetch the remote images for this preview only. The image servers will see a request from this computer.</source>
        <translation>Descarga las imágenes remotas solo para esta vista previa. Los servidores de las imágenes verán una petición desde este equipo.</translation>
    </message>
    <message numerus="yes">
        <source>Loading %n remote image(s)…</source>
        <translation><numerusform>Cargando %n imagen remota…</numerusform><numerusform>Cargando %n imágenes remotas…</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n remote image(s) not loaded, so no tracking pixel fires. Images sent inside the message show.</source>
        <translation><numerusform>%n imagen remota sin cargar, así que no se activa ningún píxel de seguimiento. Las imágenes incluidas en el mensaje sí se ven.</numerusform><numerusform>%n imágenes remotas sin cargar, así que no se activa ningún píxel de seguimiento. Las imágenes incluidas en el mensaje sí se ven.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n remote image(s) could not be loaded.</source>
        <translation><numerusform>No se pudo cargar %n imagen remota.</numerusform><numerusform>No se pudieron cargar %n imágenes remotas.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>…and %n more.</source>
        <translation><numerusform>…y %n más.</numerusform><numerusform>…y %n más.</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::ProductPicker</name>
    <message>
        <source>In stock</source>
        <translation>En stock</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>Agotado</translation>
    </message>
    <message>
        <source>On backorder</source>
        <translation>En reserva</translation>
    </message>
    <message>
        <source>Insert a product</source>
        <translation>Insertar un producto</translation>
    </message>
    <message>
        <source>Search by name, SKU or category</source>
        <translation>Buscar por nombre, SKU o categoría</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Existencias</translation>
    </message>
    <message>
        <source>Insert</source>
        <translation>Insertar</translation>
    </message>
    <message>
        <source>%1 (was %2)</source>
        <translation>%1 (antes %2)</translation>
    </message>
    <message>
        <source>No products synced yet: set up WooCommerce and run luxctl woo sync.</source>
        <translation>Aún no hay productos sincronizados: configura WooCommerce y ejecuta luxctl woo sync.</translation>
    </message>
    <message numerus="yes">
        <source>%n product(s)</source>
        <translation><numerusform>%n producto</numerusform><numerusform>%n productos</numerusform></translation>
    </message>
    <message>
        <source>Products for the Campaign</source>
        <translation>Productos para la campaña</translation>
    </message>
</context>
<context>
    <name>lux::ui::ScoreGauge</name>
    <message>
        <source>SEO score</source>
        <translation>Puntuación SEO</translation>
    </message>
    <message>
        <source>%1 out of 100</source>
        <translation>%1 de 100</translation>
    </message>
    <message>
        <source>Lighthouse's SEO score: the share of its audits that pass, with whether search engines may index the page weighing most.</source>
        <translation>La puntuación SEO de Lighthouse: la parte de sus auditorías que se superan; lo que más pesa es si los buscadores pueden indexar la página.</translation>
    </message>
</context>
<context>
    <name>lux::ui::SegmentBuilder</name>
    <message>
        <source>Email</source>
        <translation>Correo</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Empresa</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Añadido</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modificado</translation>
    </message>
    <message>
        <source>has</source>
        <translation>tiene</translation>
    </message>
    <message>
        <source>does not have</source>
        <translation>no tiene</translation>
    </message>
    <message>
        <source>is</source>
        <translation>es</translation>
    </message>
    <message>
        <source>is not</source>
        <translation>no es</translation>
    </message>
    <message>
        <source>within the last (days)</source>
        <translation>en los últimos (días)</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>contiene</translation>
    </message>
    <message>
        <source>does not contain</source>
        <translation>no contiene</translation>
    </message>
    <message>
        <source>starts with</source>
        <translation>empieza por</translation>
    </message>
    <message>
        <source>ends with</source>
        <translation>termina en</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>está vacío</translation>
    </message>
    <message>
        <source>is not empty</source>
        <translation>no está vacío</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segmento</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>e.g. Spanish customers</source>
        <translation>p. ej. Clientes de España</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condición</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Add Rule</source>
        <translation>Añadir regla</translation>
    </message>
    <message>
        <source>Add Group</source>
        <translation>Añadir grupo</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>All of these</source>
        <translation>Todas estas</translation>
    </message>
    <message>
        <source>Any of these</source>
        <translation>Alguna de estas</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Contando…</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) match</source>
        <translation><numerusform>coincide %n contacto</numerusform><numerusform>coinciden %n contactos</numerusform></translation>
    </message>
    <message>
        <source>is less than</source>
        <translation>es menor que</translation>
    </message>
    <message>
        <source>is at most</source>
        <translation>es como máximo</translation>
    </message>
    <message>
        <source>is more than</source>
        <translation>es mayor que</translation>
    </message>
    <message>
        <source>is at least</source>
        <translation>es como mínimo</translation>
    </message>
    <message>
        <source>before</source>
        <translation>antes de</translation>
    </message>
    <message>
        <source>after</source>
        <translation>después de</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>Describe in Words…</source>
        <translation>Describir con palabras…</translation>
    </message>
    <message>
        <source>LUX turns a description into rules here; nothing is saved until you save</source>
        <translation>LUX convierte una descripción en reglas aquí; no se guarda nada hasta que guardes</translation>
    </message>
    <message>
        <source>Describe in Words</source>
        <translation>Describir con palabras</translation>
    </message>
    <message>
        <source>Which contacts? For example: customers in Spain tagged VIP who joined this year</source>
        <translation>¿Qué contactos? Por ejemplo: clientes en España con la etiqueta VIP que se unieron este año</translation>
    </message>
    <message>
        <source>LUX is writing the rules…</source>
        <translation>LUX está escribiendo las reglas…</translation>
    </message>
    <message>
        <source>LUX</source>
        <translation>LUX</translation>
    </message>
    <message>
        <source>LUX: %1</source>
        <translation>LUX: %1</translation>
    </message>
</context>
<context>
    <name>lux::ui::SendingSettings</name>
    <message>
        <source>Not a web address: it must start with https://</source>
        <translation>No es una dirección web: debe empezar por https://</translation>
    </message>
    <message>
        <source>Microsoft Graph</source>
        <translation>Microsoft Graph</translation>
    </message>
    <message>
        <source>Tenant:</source>
        <translation>Inquilino:</translation>
    </message>
    <message>
        <source>contoso.onmicrosoft.com or the tenant id</source>
        <translation>contoso.onmicrosoft.com o el id del inquilino</translation>
    </message>
    <message>
        <source>Client id:</source>
        <translation>Id de cliente:</translation>
    </message>
    <message>
        <source>The application (client) id</source>
        <translation>El id de la aplicación (cliente)</translation>
    </message>
    <message>
        <source>Paste a new client secret</source>
        <translation>Pega un nuevo secreto de cliente</translation>
    </message>
    <message>
        <source>Save in Keychain</source>
        <translation>Guardar en el llavero</translation>
    </message>
    <message>
        <source>Client secret:</source>
        <translation>Secreto de cliente:</translation>
    </message>
    <message>
        <source>Sign-in address:</source>
        <translation>Dirección de inicio de sesión:</translation>
    </message>
    <message>
        <source>Graph address:</source>
        <translation>Dirección de Graph:</translation>
    </message>
    <message>
        <source>Sender mailboxes</source>
        <translation>Buzones remitentes</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Buzón</translation>
    </message>
    <message>
        <source>A minute</source>
        <translation>Por minuto</translation>
    </message>
    <message>
        <source>A day</source>
        <translation>Al día</translation>
    </message>
    <message>
        <source>At once</source>
        <translation>A la vez</translation>
    </message>
    <message>
        <source>Add or Change Mailbox…</source>
        <translation>Añadir o cambiar buzón…</translation>
    </message>
    <message>
        <source>Sender Mailbox</source>
        <translation>Buzón remitente</translation>
    </message>
    <message>
        <source>news@example.com</source>
        <translation>news@example.com</translation>
    </message>
    <message>
        <source>Mailbox:</source>
        <translation>Buzón:</translation>
    </message>
    <message>
        <source>Messages a minute:</source>
        <translation>Mensajes por minuto:</translation>
    </message>
    <message>
        <source>Recipients a day:</source>
        <translation>Destinatarios por día:</translation>
    </message>
    <message>
        <source>Requests at once:</source>
        <translation>Solicitudes simultáneas:</translation>
    </message>
    <message>
        <source>Exchange Online allows 30 messages a minute, 10,000 recipients a day and 4 requests at once.</source>
        <translation>Exchange Online permite 30 mensajes por minuto, 10.000 destinatarios al día y 4 peticiones a la vez.</translation>
    </message>
    <message>
        <source>Scheduler</source>
        <translation>Planificador</translation>
    </message>
    <message>
        <source>Send them at the next start, with a notice</source>
        <translation>Enviarlas al siguiente arranque, con un aviso</translation>
    </message>
    <message>
        <source>Wait until I choose to send them</source>
        <translation>Esperar a que yo decida enviarlas</translation>
    </message>
    <message>
        <source>Campaigns due while LUX was closed:</source>
        <translation>Campañas vencidas con LUX cerrado:</translation>
    </message>
    <message>
        <source>Keep sending from the system tray when the window is closed</source>
        <translation>Seguir enviando desde la bandeja del sistema al cerrar la ventana</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>The secret was not saved: %1</source>
        <translation>El secreto no se ha guardado: %1</translation>
    </message>
    <message>
        <source>A client secret is saved in the keychain.</source>
        <translation>Hay un secreto de cliente guardado en el llavero.</translation>
    </message>
    <message>
        <source>Looking in the keychain…</source>
        <translation>Buscando en el llavero…</translation>
    </message>
    <message>
        <source>Sign In to Microsoft…</source>
        <translation>Iniciar sesión en Microsoft…</translation>
    </message>
    <message>
        <source>Sign Out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>Send as yourself:</source>
        <translation>Enviar como tú:</translation>
    </message>
    <message>
        <source>Sign In Again…</source>
        <translation>Volver a iniciar sesión…</translation>
    </message>
    <message>
        <source>Signed in as %1: campaigns from this mailbox send as you, through /me.</source>
        <translation>Sesión iniciada como %1: las campañas de este buzón se envían como tú, mediante /me.</translation>
    </message>
    <message>
        <source>Fill in the tenant and the client id first.</source>
        <translation>Completa antes el inquilino y el id de cliente.</translation>
    </message>
    <message>
        <source>Waiting for the sign-in in your browser…</source>
        <translation>Esperando el inicio de sesión en tu navegador…</translation>
    </message>
    <message>
        <source>Signed in, but the sign-in could not be kept: %1</source>
        <translation>Sesión iniciada, pero no se pudo guardar: %1</translation>
    </message>
    <message>
        <source>No client secret saved yet.</source>
        <translation>Aún no hay secreto de cliente guardado.</translation>
    </message>
    <message>
        <source>The keychain cannot be read: %1</source>
        <translation>No se puede leer el llavero: %1</translation>
    </message>
    <message>
        <source>An app registration in Microsoft Entra with the Mail.Send and Mail.ReadWrite application permissions. Messages go out from the sender mailboxes below. The tenant, client id and addresses are saved in this database, so a teammate who opens it has them; the secret stays in your keychain.</source>
        <translation>Un registro de aplicación en Microsoft Entra con los permisos de aplicación Mail.Send y Mail.ReadWrite. Los mensajes salen de los buzones remitentes de abajo. El inquilino, el id de cliente y las direcciones se guardan en esta base de datos, así que un compañero que la abra los tiene; el secreto se queda en tu llavero.</translation>
    </message>
    <message>
        <source>Bounces and replies</source>
        <translation>Rebotes y respuestas</translation>
    </message>
    <message>
        <source>LUX reads the Inbox of each sender mailbox every five minutes while it runs: bounces mark the address bounced and suppress it, replies appear on the contact, and unsubscribe mails are applied. It needs Mail.Read (Mail.ReadWrite to mark messages read or move them). Nothing is deleted.</source>
        <translation>LUX lee la bandeja de entrada de cada buzón remitente cada cinco minutos mientras se ejecuta: los rebotes marcan la dirección como rebotada y la suprimen, las respuestas aparecen en el contacto y se aplican los correos de baja. Necesita Mail.Read (Mail.ReadWrite para marcar los mensajes como leídos o moverlos). No se borra nada.</translation>
    </message>
    <message>
        <source>Mark them read</source>
        <translation>Marcarlos como leídos</translation>
    </message>
    <message>
        <source>Move them to a folder</source>
        <translation>Moverlos a una carpeta</translation>
    </message>
    <message>
        <source>Messages LUX has read:</source>
        <translation>Mensajes que LUX ha leído:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Carpeta:</translation>
    </message>
    <message>
        <source>Without an app secret: sign in as a user with the Mail.Send and Mail.ReadWrite permissions, in your browser. Campaigns from that mailbox then send as you.</source>
        <translation>Sin secreto de aplicación: inicia sesión en tu navegador como un usuario con los permisos Mail.Send y Mail.ReadWrite. Las campañas de ese buzón se envían entonces en tu nombre.</translation>
    </message>
</context>
<context>
    <name>lux::ui::SeoPage</name>
    <message>
        <source>SEO</source>
        <translation>SEO</translation>
    </message>
    <message>
        <source>What search engines see on a page, what is wrong, why it matters, and the fix.</source>
        <translation>Lo que ven los buscadores en una página, qué falla, por qué importa y cómo arreglarlo.</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Página</translation>
    </message>
    <message>
        <source>Analyse Page</source>
        <translation>Analizar página</translation>
    </message>
    <message>
        <source>https://example.com/page</source>
        <translation>https://example.com/pagina</translation>
    </message>
    <message>
        <source>Page address</source>
        <translation>Dirección de la página</translation>
    </message>
    <message>
        <source>Focus keyphrase (optional)</source>
        <translation>Frase clave principal (opcional)</translation>
    </message>
    <message>
        <source>Focus keyphrase</source>
        <translation>Frase clave principal</translation>
    </message>
    <message>
        <source>The words you want this page found for: looked for in the title, description, opening, address and headings.</source>
        <translation>Las palabras por las que quieres que se encuentre esta página: se buscan en el título, la descripción, el comienzo, la dirección y los encabezados.</translation>
    </message>
    <message>
        <source>Intranet site</source>
        <translation>Sitio de intranet</translation>
    </message>
    <message>
        <source>Allows local and private addresses (a site on your own network). Off, LUX refuses them, so a typed address can never reach inside your network.</source>
        <translation>Permite direcciones locales y privadas (un sitio de tu propia red). Desactivado, LUX las rechaza, así que una dirección escrita nunca puede llegar al interior de tu red.</translation>
    </message>
    <message>
        <source>Analyse</source>
        <translation>Analizar</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>PDF Report…</source>
        <translation>Informe PDF…</translation>
    </message>
    <message>
        <source>Export Analysis as PDF</source>
        <translation>Exportar el análisis como PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>Export Analysis as CSV</source>
        <translation>Exportar el análisis como CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Analyse a page</source>
        <translation>Analiza una página</translation>
    </message>
    <message>
        <source>Type a page's address. LUX reads it as a search engine does and gives Lighthouse's SEO audits with the same verdicts, the search result as Google shows it, and what it checks beyond them: headings, length, reading ease, your focus keyphrase, sharing tags and structured data. Every finding says where, why it matters, and the fix.</source>
        <translation>Escribe la dirección de una página. LUX la lee como un buscador y da las auditorías SEO de Lighthouse con los mismos veredictos, el resultado de búsqueda como lo muestra Google y lo que comprueba además: encabezados, extensión, facilidad de lectura, tu frase clave principal, etiquetas para compartir y datos estructurados. Cada hallazgo dice dónde, por qué importa y cómo arreglarlo.</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Comprobación</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>“%1” is not a web address: type one that starts with https:// or http://.</source>
        <translation>«%1» no es una dirección web: escribe una que empiece por https:// o http://.</translation>
    </message>
    <message>
        <source>Analysing %1…</source>
        <translation>Analizando %1…</translation>
    </message>
    <message>
        <source>Analysis stopped.</source>
        <translation>Análisis detenido.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message numerus="yes">
        <source>Every Lighthouse SEO audit passes; %n finding(s) beyond them.</source>
        <translation><numerusform>Se superan todas las auditorías SEO de Lighthouse; %n hallazgo más allá de ellas.</numerusform><numerusform>Se superan todas las auditorías SEO de Lighthouse; %n hallazgos más allá de ellas.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n Lighthouse SEO audit(s) fail; %1 in all.</source>
        <translation><numerusform>Falla %n auditoría SEO de Lighthouse; %1 en total.</numerusform><numerusform>Fallan %n auditorías SEO de Lighthouse; %1 en total.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation><numerusform>%n hallazgo</numerusform><numerusform>%n hallazgos</numerusform></translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation><numerusform>%n palabra</numerusform><numerusform>%n palabras</numerusform></translation>
    </message>
    <message>
        <source>reading ease %1 (%2)</source>
        <translation>facilidad de lectura %1 (%2)</translation>
    </message>
    <message>
        <source>built by a script: analysed as served</source>
        <translation>la construye un script: analizada tal como se sirve</translation>
    </message>
    <message>
        <source>%1: none</source>
        <translation>%1: ninguno</translation>
    </message>
    <message>
        <source>%1: %2 px of %3, cut</source>
        <translation>%1: %2 px de %3, cortado</translation>
    </message>
    <message>
        <source>%1: %2 px of %3</source>
        <translation>%1: %2 px de %3</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Analysed %1: SEO score %2.</source>
        <translation>Analizada %1: puntuación SEO %2.</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>línea %1</translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation><numerusform>%n fallida</numerusform><numerusform>%n fallidas</numerusform></translation>
    </message>
    <message>
        <source>all pass</source>
        <translation>todo correcto</translation>
    </message>
    <message>
        <source>Choose a check to see what it found, why it matters and the fix.</source>
        <translation>Elige una comprobación para ver qué encontró, por qué importa y cómo arreglarlo.</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>Línea %1</translation>
    </message>
    <message>
        <source>Why it matters:</source>
        <translation>Por qué importa:</translation>
    </message>
    <message>
        <source>Fix:</source>
        <translation>Solución:</translation>
    </message>
    <message>
        <source>Analyse a page first.</source>
        <translation>Analiza una página primero.</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Guardado %1.</translation>
    </message>
    <message>
        <source>Site Crawl</source>
        <translation>Rastreo del sitio</translation>
    </message>
    <message>
        <source>The analysis could not join the page's history: %1</source>
        <translation>No se pudo añadir el análisis al historial de la página: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n page(s) · %2</source>
        <translation><numerusform>%1 de %n página · %2</numerusform><numerusform>%1 de %n páginas · %2</numerusform></translation>
    </message>
    <message>
        <source>Crawl Site</source>
        <translation>Rastrear sitio</translation>
    </message>
    <message>
        <source>Suggest with LUX…</source>
        <translation>Sugerir con LUX…</translation>
    </message>
    <message>
        <source>Three titles and three descriptions that fit the result and carry the keyphrase, each scored by this analysis, and recommendations for the page's content.</source>
        <translation>Tres títulos y tres descripciones que caben en el resultado y llevan la frase clave, cada uno puntuado por este análisis, y recomendaciones para el contenido de la página.</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Earlier analyses of this address</source>
        <translation>Análisis anteriores de esta dirección</translation>
    </message>
    <message>
        <source>https://example.com/ (the start page)</source>
        <translation>https://example.com/ (la página de partida)</translation>
    </message>
    <message>
        <source>Start page</source>
        <translation>Página de partida</translation>
    </message>
    <message>
        <source> pages at most</source>
        <translation> páginas como máximo</translation>
    </message>
    <message>
        <source>Pages at most</source>
        <translation>Páginas como máximo</translation>
    </message>
    <message>
        <source>Crawl</source>
        <translation>Rastrear</translation>
    </message>
    <message>
        <source>Reads the site's pages from this one, as Googlebot's rules in its robots.txt allow: the same host, at most 4 requests at once, with a pause between them.</source>
        <translation>Lee las páginas del sitio a partir de esta, como permiten las reglas para Googlebot de su robots.txt: el mismo host, como mucho 4 peticiones a la vez, con una pausa entre ellas.</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Export Crawl as CSV</source>
        <translation>Exportar el rastreo como CSV</translation>
    </message>
    <message>
        <source>Crawl a site</source>
        <translation>Rastrea un sitio</translation>
    </message>
    <message>
        <source>Type the site's start page. LUX reads its pages as Google's crawler may (the same host, what robots.txt allows), politely, and lists each page with its status and score, the titles, descriptions and H1s that several pages share, and the links that lead nowhere. A second crawl shows what changed.</source>
        <translation>Escribe la página de partida del sitio. LUX lee sus páginas como puede hacerlo el rastreador de Google (el mismo host, lo que permite robots.txt), sin sobrecargar el sitio, y lista cada página con su estado y su puntuación, los títulos, descripciones y H1 que comparten varias páginas, y los enlaces que no llevan a ninguna parte. Un segundo rastreo muestra qué ha cambiado.</translation>
    </message>
    <message>
        <source>Crawls of this start page</source>
        <translation>Rastreos de esta página de partida</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Filter by address, title or note</source>
        <translation>Filtrar por dirección, título o nota</translation>
    </message>
    <message>
        <source>Crawl:</source>
        <translation>Rastreo:</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Mostrar:</translation>
    </message>
    <message>
        <source>%1 · score %2</source>
        <translation>%1 · puntuación %2</translation>
    </message>
    <message>
        <source>That analysis is no longer stored.</source>
        <translation>Ese análisis ya no está guardado.</translation>
    </message>
    <message>
        <source>Shown as analysed on %1.</source>
        <translation>Se muestra tal como se analizó el %1.</translation>
    </message>
    <message>
        <source>LUX is writing titles and descriptions for %1…</source>
        <translation>LUX está escribiendo títulos y descripciones para %1…</translation>
    </message>
    <message>
        <source>Suggestions from LUX</source>
        <translation>Sugerencias de LUX</translation>
    </message>
    <message>
        <source>Reading robots.txt of %1…</source>
        <translation>Leyendo el robots.txt de %1…</translation>
    </message>
    <message>
        <source>Crawl stopped: nothing was stored.</source>
        <translation>Rastreo detenido: no se guardó nada.</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n page(s)</source>
        <translation><numerusform>%1 · %n página</numerusform><numerusform>%1 · %n páginas</numerusform></translation>
    </message>
    <message>
        <source>That crawl is no longer stored.</source>
        <translation>Ese rastreo ya no está guardado.</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) crawled</source>
        <translation><numerusform>%n página rastreada</numerusform><numerusform>%n páginas rastreadas</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n broken link(s)</source>
        <translation><numerusform>%n enlace roto</numerusform><numerusform>%n enlaces rotos</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) of duplicates</source>
        <translation><numerusform>%n grupo de duplicados</numerusform><numerusform>%n grupos de duplicados</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n address(es) blocked by robots.txt</source>
        <translation><numerusform>%n dirección bloqueada por robots.txt</numerusform><numerusform>%n direcciones bloqueadas por robots.txt</numerusform></translation>
    </message>
    <message>
        <source>a pause of %1 ms between requests</source>
        <translation>una pausa de %1 ms entre peticiones</translation>
    </message>
    <message>
        <source>more pages were found than the limit of %1</source>
        <translation>se encontraron más páginas que el límite de %1</translation>
    </message>
    <message>
        <source>nothing changed since the crawl before</source>
        <translation>nada ha cambiado desde el rastreo anterior</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) since the crawl before</source>
        <translation><numerusform>%n cambio desde el rastreo anterior</numerusform><numerusform>%n cambios desde el rastreo anterior</numerusform></translation>
    </message>
    <message>
        <source>Crawled %1 on %2 in %3 s.</source>
        <translation>Se rastreó %1 el %2 en %3 s.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Crawl a site first.</source>
        <translation>Rastrea un sitio primero.</translation>
    </message>
</context>
<context>
    <name>lux::ui::SeoReport</name>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>HTTP status</source>
        <translation>Estado HTTP</translation>
    </message>
    <message>
        <source>SEO score</source>
        <translation>Puntuación SEO</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>Palabras</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Comprobación</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Línea</translation>
    </message>
    <message>
        <source>Element</source>
        <translation>Elemento</translation>
    </message>
    <message>
        <source>Why it matters</source>
        <translation>Por qué importa</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>Solución</translation>
    </message>
    <message>
        <source>Lighthouse audit</source>
        <translation>Auditoría de Lighthouse</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Hallazgo</translation>
    </message>
    <message>
        <source>SEO analysis</source>
        <translation>Análisis SEO</translation>
    </message>
    <message numerus="yes">
        <source>HTTP %1 · SEO score %2 of 100 · %n word(s) · analysed %3</source>
        <translation><numerusform>HTTP %1 · puntuación SEO %2 de 100 · %n palabra · analizada el %3</numerusform><numerusform>HTTP %1 · puntuación SEO %2 de 100 · %n palabras · analizada el %3</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation><numerusform>%n hallazgo</numerusform><numerusform>%n hallazgos</numerusform></translation>
    </message>
    <message>
        <source> (line %1)</source>
        <translation> (línea %1)</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>Por qué: %1</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>Solución: %1</translation>
    </message>
    <message>
        <source>SEO analysis of %1</source>
        <translation>Análisis SEO de %1</translation>
    </message>
</context>
<context>
    <name>lux::ui::SeoText</name>
    <message>
        <source>Page is blocked from indexing</source>
        <translation>La página tiene bloqueada la indexación</translation>
    </message>
    <message>
        <source>Page isn't blocked from indexing</source>
        <translation>La página no tiene bloqueada la indexación</translation>
    </message>
    <message>
        <source>Document doesn't have a &lt;title&gt; element</source>
        <translation>El documento no tiene un elemento &lt;title&gt;</translation>
    </message>
    <message>
        <source>Document has a &lt;title&gt; element</source>
        <translation>El documento tiene un elemento &lt;title&gt;</translation>
    </message>
    <message>
        <source>Document does not have a meta description</source>
        <translation>El documento no tiene una metadescripción</translation>
    </message>
    <message>
        <source>Document has a meta description</source>
        <translation>El documento tiene una metadescripción</translation>
    </message>
    <message>
        <source>Page has an unsuccessful HTTP status code</source>
        <translation>La página tiene un código de estado HTTP de error</translation>
    </message>
    <message>
        <source>Page has a successful HTTP status code</source>
        <translation>La página tiene un código de estado HTTP correcto</translation>
    </message>
    <message>
        <source>Links do not have descriptive text</source>
        <translation>Los enlaces no tienen texto descriptivo</translation>
    </message>
    <message>
        <source>Links have descriptive text</source>
        <translation>Los enlaces tienen texto descriptivo</translation>
    </message>
    <message>
        <source>Links are not crawlable</source>
        <translation>Los enlaces no se pueden rastrear</translation>
    </message>
    <message>
        <source>Links are crawlable</source>
        <translation>Los enlaces se pueden rastrear</translation>
    </message>
    <message>
        <source>robots.txt is not valid</source>
        <translation>robots.txt no es válido</translation>
    </message>
    <message>
        <source>robots.txt is valid</source>
        <translation>robots.txt es válido</translation>
    </message>
    <message>
        <source>Image elements do not have [alt] attributes</source>
        <translation>Los elementos de imagen no tienen atributos [alt]</translation>
    </message>
    <message>
        <source>Image elements have [alt] attributes</source>
        <translation>Los elementos de imagen tienen atributos [alt]</translation>
    </message>
    <message>
        <source>Document doesn't have a valid hreflang</source>
        <translation>El documento no tiene un hreflang válido</translation>
    </message>
    <message>
        <source>Document has a valid hreflang</source>
        <translation>El documento tiene un hreflang válido</translation>
    </message>
    <message>
        <source>Document does not have a valid rel=canonical</source>
        <translation>El documento no tiene un rel=canonical válido</translation>
    </message>
    <message>
        <source>Document has a valid rel=canonical</source>
        <translation>El documento tiene un rel=canonical válido</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Correcta</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Falla</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>No aplica</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Search result</source>
        <translation>Resultado de búsqueda</translation>
    </message>
    <message>
        <source>Headings, length and reading ease</source>
        <translation>Encabezados, extensión y facilidad de lectura</translation>
    </message>
    <message>
        <source>Focus keyphrase</source>
        <translation>Frase clave principal</translation>
    </message>
    <message>
        <source>Sharing and structured data</source>
        <translation>Compartir y datos estructurados</translation>
    </message>
    <message>
        <source>Other checks</source>
        <translation>Otras comprobaciones</translation>
    </message>
</context>
<context>
    <name>lux::ui::SeoWorker</name>
    <message>
        <source>Stopped.</source>
        <translation>Detenido.</translation>
    </message>
</context>
<context>
    <name>lux::ui::SerpPreview</name>
    <message>
        <source>Search result preview</source>
        <translation>Vista previa del resultado de búsqueda</translation>
    </message>
</context>
<context>
    <name>lux::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Usuarios</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Predeterminado del sistema</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>The new language applies the next time LUX Marketing starts.</source>
        <translation>El nuevo idioma se aplicará la próxima vez que se inicie LUX Marketing.</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Back Up Now</source>
        <translation>Copia de seguridad ahora</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Restaurar…</translation>
    </message>
    <message>
        <source>Check Integrity</source>
        <translation>Comprobar integridad</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Automatic backups</source>
        <translation>Copias automáticas</translation>
    </message>
    <message>
        <source>Back up while LUX Marketing runs</source>
        <translation>Hacer copias mientras LUX Marketing está abierto</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> horas</translation>
    </message>
    <message>
        <source> copies</source>
        <translation> copias</translation>
    </message>
    <message>
        <source>Check integrity every time the database opens</source>
        <translation>Comprobar la integridad cada vez que se abre la base de datos</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>Cada</translation>
    </message>
    <message>
        <source>Keep the newest</source>
        <translation>Conservar las más recientes</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>Backup Folder</source>
        <translation>Carpeta de copias</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation>No se puede crear la carpeta %1.</translation>
    </message>
    <message>
        <source>Database file: %1</source>
        <translation>Archivo de base de datos: %1</translation>
    </message>
    <message>
        <source>Schema %1 · %2</source>
        <translation>Esquema %1 · %2</translation>
    </message>
    <message>
        <source> · read-only</source>
        <translation> · solo lectura</translation>
    </message>
    <message>
        <source>Last automatic backup: %1.</source>
        <translation>Última copia automática: %1.</translation>
    </message>
    <message>
        <source>No automatic backup yet.</source>
        <translation>Aún no hay ninguna copia automática.</translation>
    </message>
    <message>
        <source>Next: %1.</source>
        <translation>Próxima: %1.</translation>
    </message>
    <message>
        <source>within a few minutes</source>
        <translation>en unos minutos</translation>
    </message>
    <message>
        <source>Automatic backups are made by the instance that has the database open for writing.</source>
        <translation>Las copias automáticas las hace la instancia que tiene la base de datos abierta para escritura.</translation>
    </message>
    <message>
        <source>Only administrators see this page. People cannot register themselves: add them here.</source>
        <translation>Solo los administradores ven esta página. Nadie puede registrarse por su cuenta: añade a las personas aquí.</translation>
    </message>
    <message>
        <source>Add User…</source>
        <translation>Añadir usuario…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Desactivar</translation>
    </message>
    <message>
        <source>Reset Password…</source>
        <translation>Restablecer contraseña…</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Activar</translation>
    </message>
    <message>
        <source>Add User</source>
        <translation>Añadir usuario</translation>
    </message>
    <message>
        <source>Disable User</source>
        <translation>Desactivar usuario</translation>
    </message>
    <message>
        <source>Disable %1? They will not be able to sign in until an administrator enables the account again.</source>
        <translation>¿Desactivar a %1? No podrá iniciar sesión hasta que un administrador vuelva a activar la cuenta.</translation>
    </message>
    <message>
        <source>Reset Password</source>
        <translation>Restablecer contraseña</translation>
    </message>
    <message>
        <source>%1 can now sign in with the new password.</source>
        <translation>%1 ya puede iniciar sesión con la nueva contraseña.</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Envío</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <source>Show local images from anywhere on this computer</source>
        <translation>Mostrar imágenes locales de cualquier lugar de este equipo</translation>
    </message>
    <message>
        <source>Off: the template preview shows local images only from the template's own folder, so a template cannot display other files you can read.</source>
        <translation>Desactivado: la vista previa de la plantilla solo muestra imágenes locales de la carpeta de la propia plantilla, así que una plantilla no puede mostrar otros archivos que puedas leer.</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Asistente</translation>
    </message>
    <message>
        <source>SEO</source>
        <translation>SEO</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Titles cut after</source>
        <translation>Los títulos se cortan tras</translation>
    </message>
    <message>
        <source>Descriptions cut after</source>
        <translation>Las descripciones se cortan tras</translation>
    </message>
    <message>
        <source>Where Google's desktop results cut a title (Arial, 20 px) and a description (14 px, over two lines). The analysis, its preview and LUX's suggestions use these widths.</source>
        <translation>Dónde cortan un título (Arial, 20 px) y una descripción (14 px, en dos líneas) los resultados de Google en el ordenador. El análisis, su vista previa y las sugerencias de LUX usan estos anchos.</translation>
    </message>
    <message>
        <source>Pause between requests</source>
        <translation>Pausa entre peticiones</translation>
    </message>
    <message>
        <source>A site crawl waits this long between two requests to the site, or longer when its robots.txt asks for it with Crawl-delay.</source>
        <translation>Un rastreo del sitio espera este tiempo entre dos peticiones al sitio, o más si su robots.txt lo pide con Crawl-delay.</translation>
    </message>
</context>
<context>
    <name>lux::ui::SetupPage</name>
    <message>
        <source>Welcome</source>
        <translation>Te damos la bienvenida</translation>
    </message>
    <message>
        <source>Create Administrator</source>
        <translation>Crear administrador</translation>
    </message>
    <message>
        <source>%1 is a new database. Create its administrator: the account that adds everyone else.</source>
        <translation>%1 es una base de datos nueva. Crea su administrador: la cuenta que añade a todos los demás.</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Creando…</translation>
    </message>
</context>
<context>
    <name>lux::ui::SignInPage</name>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>nombre@ejemplo.com</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Remember me on this computer</source>
        <translation>Recordarme en este equipo</translation>
    </message>
    <message>
        <source>Keeps a sign-in token in the system keychain until you sign out.</source>
        <translation>Guarda un token de inicio de sesión en el llavero del sistema hasta que cierres sesión.</translation>
    </message>
    <message>
        <source>Sign In</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Sign in to %1.</source>
        <translation>Inicia sesión en %1.</translation>
    </message>
    <message>
        <source>It is open read-only.</source>
        <translation>Está abierta en modo de solo lectura.</translation>
    </message>
    <message>
        <source>Enter your email and password.</source>
        <translation>Escribe tu correo y tu contraseña.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
    <message>
        <source>You are signed in, but not remembered: %1</source>
        <translation>Has iniciado sesión, pero no se te recordará: %1</translation>
    </message>
</context>
<context>
    <name>lux::ui::SmsComposer</name>
    <message>
        <source>&amp;Message</source>
        <translation>&amp;Mensaje</translation>
    </message>
    <message>
        <source>Text message</source>
        <translation>Mensaje de texto</translation>
    </message>
    <message>
        <source>The text of the message. Merge tags such as {{first_name}} are filled in for each contact.</source>
        <translation>El texto del mensaje. Las etiquetas de combinación como {{first_name}} se rellenan para cada contacto.</translation>
    </message>
    <message>
        <source>Acme: Spring sale, 20% off everything until Sunday.</source>
        <translation>Acme: Rebajas de primavera, 20 % de descuento en todo hasta el domingo.</translation>
    </message>
    <message>
        <source>Encoding and parts</source>
        <translation>Codificación y partes</translation>
    </message>
    <message>
        <source>GSM-7 fits 160 characters in one part and 153 in each part of a longer text; ^ { } \ [ ] ~ | and € count twice. UCS-2 fits 70, then 67 a part.</source>
        <translation>GSM-7 admite 160 caracteres en una parte y 153 en cada parte de un texto más largo; ^ { } \ [ ] ~ | y € cuentan doble. UCS-2 admite 70, y luego 67 por parte.</translation>
    </message>
    <message>
        <source>Length limit</source>
        <translation>Límite de longitud</translation>
    </message>
    <message>
        <source>Characters that force UCS-2</source>
        <translation>Caracteres que obligan a usar UCS-2</translation>
    </message>
    <message>
        <source>Replace look-alikes</source>
        <translation>Sustituir caracteres parecidos</translation>
    </message>
    <message>
        <source>Replace curly quotes, long dashes, the ellipsis and special spaces with plain characters, so the text fits GSM-7 and costs fewer parts.</source>
        <translation>Sustituye las comillas tipográficas, las rayas, los puntos suspensivos y los espacios especiales por caracteres simples, para que el texto quepa en GSM-7 y ocupe menos partes.</translation>
    </message>
    <message>
        <source>Sender name</source>
        <translation>Nombre del remitente</translation>
    </message>
    <message>
        <source>Opt-out line</source>
        <translation>Línea de baja</translation>
    </message>
    <message>
        <source>Marketing texts say how to stop receiving them. Twilio stops texting a number that replies STOP.</source>
        <translation>Los mensajes de marketing indican cómo dejar de recibirlos. Twilio deja de enviar mensajes a un número que responde STOP.</translation>
    </message>
    <message>
        <source>GSM-7</source>
        <translation>GSM-7</translation>
    </message>
    <message>
        <source>UCS-2</source>
        <translation>UCS-2</translation>
    </message>
    <message numerus="yes">
        <source>%n part(s)</source>
        <translation><numerusform>%n parte</numerusform><numerusform>%n partes</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) left in this part</source>
        <translation><numerusform>queda %n carácter en esta parte</numerusform><numerusform>quedan %n caracteres en esta parte</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) over Twilio's limit of %1: Twilio refuses a longer text.</source>
        <translation><numerusform>%n carácter por encima del límite de Twilio de %1: Twilio rechaza un texto más largo.</numerusform><numerusform>%n caracteres por encima del límite de Twilio de %1: Twilio rechaza un texto más largo.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 force(s) UCS-2: 70 characters a part instead of 160.</source>
        <translation><numerusform>%1 obliga a usar UCS-2: 70 caracteres por parte en lugar de 160.</numerusform><numerusform>%1 obligan a usar UCS-2: 70 caracteres por parte en lugar de 160.</numerusform></translation>
    </message>
    <message>
        <source>Start the text with your sender name, “%1”, so people know who is texting them (CTIA).</source>
        <translation>Empieza el texto con tu nombre de remitente, «%1», para que la gente sepa quién le escribe (CTIA).</translation>
    </message>
    <message>
        <source>“%1” will be added at the end; it is counted above.</source>
        <translation>Se añadirá «%1» al final; ya está contado arriba.</translation>
    </message>
</context>
<context>
    <name>lux::ui::SmsPhonePreview</name>
    <message>
        <source>Phone preview</source>
        <translation>Vista previa en el teléfono</translation>
    </message>
    <message>
        <source>The text as the sample contact's phone shows it; a blue mark shows where each part ends</source>
        <translation>El texto tal como lo muestra el teléfono del contacto de ejemplo; una marca azul indica dónde termina cada parte</translation>
    </message>
    <message>
        <source>Your business</source>
        <translation>Tu empresa</translation>
    </message>
    <message>
        <source>Text Message · Today</source>
        <translation>Mensaje de texto · Hoy</translation>
    </message>
    <message>
        <source>Your text appears here as your contacts see it.</source>
        <translation>Tu texto aparece aquí tal como lo ven tus contactos.</translation>
    </message>
</context>
<context>
    <name>lux::ui::SmsSenderDialog</name>
    <message>
        <source>Change Sending Number</source>
        <translation>Cambiar número de envío</translation>
    </message>
    <message>
        <source>Add Sending Number</source>
        <translation>Añadir número de envío</translation>
    </message>
    <message>
        <source>+15551234567, a short code, or MG… for a Messaging Service</source>
        <translation>+15551234567, un código corto o MG… para un servicio de mensajería</translation>
    </message>
    <message>
        <source>Number or service:</source>
        <translation>Número o servicio:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Tipo:</translation>
    </message>
    <message>
        <source>Messages a second:</source>
        <translation>Mensajes por segundo:</translation>
    </message>
    <message>
        <source>Messages a day:</source>
        <translation>Mensajes al día:</translation>
    </message>
    <message>
        <source>Requests at once:</source>
        <translation>Solicitudes simultáneas:</translation>
    </message>
    <message>
        <source>Twilio sends 1 message a second from a long code, 3 from a toll-free number and 100 from a short code; a Messaging Service as many as its numbers together. Faster than your number allows, texts wait in Twilio's queue and may expire.</source>
        <translation>Twilio envía 1 mensaje por segundo desde un código largo, 3 desde un número gratuito y 100 desde un código corto; un servicio de mensajería, tantos como sus números juntos. Más rápido de lo que permite el número, los SMS esperan en la cola de Twilio y pueden caducar.</translation>
    </message>
</context>
<context>
    <name>lux::ui::SmsSettings</name>
    <message>
        <source>Toll-free</source>
        <translation>Número gratuito</translation>
    </message>
    <message>
        <source>Short code</source>
        <translation>Código corto</translation>
    </message>
    <message>
        <source>Messaging Service</source>
        <translation>Servicio de mensajería</translation>
    </message>
    <message>
        <source>Long code</source>
        <translation>Código largo</translation>
    </message>
    <message>
        <source>Twilio account</source>
        <translation>Cuenta de Twilio</translation>
    </message>
    <message>
        <source>Texts go out through your Twilio account. The Account SID and the API key SID are saved in this database, so a teammate who opens it has them; the Auth Token or the key's secret stays in your keychain.</source>
        <translation>Los SMS salen por tu cuenta de Twilio. El Account SID y el SID de la clave de API se guardan en esta base de datos, así que un compañero que la abra los tiene; el Auth Token o el secreto de la clave se quedan en tu llavero.</translation>
    </message>
    <message>
        <source>AC followed by 32 letters and digits, from the Twilio Console</source>
        <translation>AC seguido de 32 letras y cifras, de la consola de Twilio</translation>
    </message>
    <message>
        <source>Account SID:</source>
        <translation>Account SID:</translation>
    </message>
    <message>
        <source>Optional: SK…, an API key of this account</source>
        <translation>Opcional: SK…, una clave de API de esta cuenta</translation>
    </message>
    <message>
        <source>API key SID:</source>
        <translation>SID de la clave de API:</translation>
    </message>
    <message>
        <source>Save in Keychain</source>
        <translation>Guardar en el llavero</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Removes the secret from the keychain: no text can go out until another is saved.</source>
        <translation>Quita el secreto del llavero: no sale ningún SMS hasta que se guarde otro.</translation>
    </message>
    <message>
        <source>Remove Secret</source>
        <translation>Quitar secreto</translation>
    </message>
    <message>
        <source>Remove the saved secret from the keychain? Texts cannot go out until another one is saved.</source>
        <translation>¿Quitar del llavero el secreto guardado? Los SMS no pueden salir hasta que se guarde otro.</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avanzado</translation>
    </message>
    <message>
        <source>API address:</source>
        <translation>Dirección de la API:</translation>
    </message>
    <message>
        <source>Not a web address: it must start with https://</source>
        <translation>No es una dirección web: debe empezar por https://</translation>
    </message>
    <message>
        <source>Test Connection</source>
        <translation>Probar la conexión</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Sending numbers</source>
        <translation>Números de envío</translation>
    </message>
    <message>
        <source>Number or service</source>
        <translation>Número o servicio</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>A second</source>
        <translation>Por segundo</translation>
    </message>
    <message>
        <source>A day</source>
        <translation>Al día</translation>
    </message>
    <message>
        <source>At once</source>
        <translation>A la vez</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Añadir…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>A campaign texts from one of these: a number of your Twilio account, a short code, or a Messaging Service (MG…) that picks a number from its pool. Each keeps to its own pace.</source>
        <translation>Una campaña envía SMS desde uno de estos: un número de tu cuenta de Twilio, un código corto o un servicio de mensajería (MG…) que elige un número de su grupo. Cada uno mantiene su propio ritmo.</translation>
    </message>
    <message>
        <source>Remove Sending Number</source>
        <translation>Quitar número de envío</translation>
    </message>
    <message>
        <source>Remove %1 from the sending numbers? Nothing changes at Twilio.</source>
        <translation>¿Quitar %1 de los números de envío? En Twilio no cambia nada.</translation>
    </message>
    <message>
        <source>Quiet hours</source>
        <translation>Horas de silencio</translation>
    </message>
    <message>
        <source>Texts go out from</source>
        <translation>Los SMS salen de</translation>
    </message>
    <message>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <source>No marketing text ever goes outside this window in the recipient's local time: the time zone of their contact, else of their number (the narrowest window where an area code spans several). Texts due outside it wait until it opens. US law (TCPA) allows 08:00 to 21:00.</source>
        <translation>Ningún SMS de marketing sale nunca fuera de esta franja en la hora local del destinatario: la zona horaria de su contacto o, si no, la de su número (la franja más estrecha cuando un prefijo abarca varias). Los SMS que tocan fuera de ella esperan a que se abra. La ley de EE. UU. (TCPA) permite de 08:00 a 21:00.</translation>
    </message>
    <message>
        <source>Apply the stricter state windows</source>
        <translation>Aplicar las franjas más estrictas de los estados</translation>
    </message>
    <message>
        <source>Some US states allow fewer hours (Florida, Oklahoma and Maryland: 08:00 to 20:00) or no texts on Sundays and holidays (Alabama, Louisiana, Mississippi). docs/sms.md lists every rule with its source.</source>
        <translation>Algunos estados de EE. UU. permiten menos horas (Florida, Oklahoma y Maryland: de 08:00 a 20:00) o ningún SMS en domingos y festivos (Alabama, Luisiana, Misisipi). docs/sms.md enumera cada regla con su fuente.</translation>
    </message>
    <message>
        <source>Texts</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Acme Coffee</source>
        <translation>Acme Coffee</translation>
    </message>
    <message>
        <source>Sender's name:</source>
        <translation>Nombre del remitente:</translation>
    </message>
    <message>
        <source>Every marketing text starts with it, as the carriers' rules (CTIA) ask: “Acme Coffee: 20% off this weekend…”.</source>
        <translation>Todo SMS de marketing empieza por él, como piden las reglas de los operadores (CTIA): «Acme Coffee: 20 % de descuento este fin de semana…».</translation>
    </message>
    <message>
        <source>Acme Coffee: questions? help@acme.example or +1 555 010 0100. Msg &amp; data rates may apply. Reply STOP to opt out.</source>
        <translation>Acme Coffee: ¿dudas? help@acme.example o +1 555 010 0100. Pueden aplicarse tarifas de mensajes y datos. Responde STOP para darte de baja.</translation>
    </message>
    <message>
        <source>lux-tracker answers HELP and INFO with it, from a copy of its own: give it the same text in its sms_help_text setting, only if Twilio's own HELP reply is off, or people get two (docs/tracker.md).</source>
        <translation>lux-tracker responde a HELP e INFO con él, desde una copia propia: dale el mismo texto en su ajuste sms_help_text, solo si la respuesta HELP de Twilio está desactivada, o la gente recibirá dos (docs/tracker.md).</translation>
    </message>
    <message>
        <source>HELP answer:</source>
        <translation>Respuesta a HELP:</translation>
    </message>
    <message>
        <source>Characters: %1 · Parts: %2 · %3</source>
        <translation>Caracteres: %1 · Partes: %2 · %3</translation>
    </message>
    <message>
        <source>Default country:</source>
        <translation>País predeterminado:</translation>
    </message>
    <message>
        <source>The country a number is read in when it is written without + and a country code, in imports and the contact editor.</source>
        <translation>El país en que se lee un número escrito sin + ni prefijo de país, en las importaciones y el editor de contactos.</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>Precios</translation>
    </message>
    <message>
        <source>What one segment costs, by the destination country: estimates for the campaign wizard's cost estimate, not what Twilio bills. Change them to your account's prices.</source>
        <translation>Lo que cuesta un segmento según el país de destino: estimaciones para el coste estimado del asistente de campañas, no lo que factura Twilio. Cámbialos por los precios de tu cuenta.</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>A segment</source>
        <translation>Por segmento</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <source>Double-click a price or a currency to change it.</source>
        <translation>Haz doble clic en un precio o una moneda para cambiarlo.</translation>
    </message>
    <message>
        <source>Add Country…</source>
        <translation>Añadir país…</translation>
    </message>
    <message>
        <source>That is an API key SID: it goes in the field below. The Account SID starts with AC.</source>
        <translation>Eso es un SID de clave de API: va en el campo de abajo. El Account SID empieza por AC.</translation>
    </message>
    <message>
        <source>An Account SID is AC followed by 32 letters a–f and digits (34 characters); it is on the Twilio Console's home page. Nothing was saved.</source>
        <translation>Un Account SID es AC seguido de 32 letras a–f y cifras (34 caracteres); está en la página de inicio de la consola de Twilio. No se ha guardado nada.</translation>
    </message>
    <message>
        <source>An API key SID is SK followed by 32 letters a–f and digits (34 characters). Leave it empty to use the Auth Token. Nothing was saved.</source>
        <translation>Un SID de clave de API es SK seguido de 32 letras a–f y cifras (34 caracteres). Déjalo vacío para usar el Auth Token. No se ha guardado nada.</translation>
    </message>
    <message>
        <source>API key secret:</source>
        <translation>Secreto de la clave de API:</translation>
    </message>
    <message>
        <source>Auth Token:</source>
        <translation>Auth Token:</translation>
    </message>
    <message>
        <source>Paste the API key's secret</source>
        <translation>Pega el secreto de la clave de API</translation>
    </message>
    <message>
        <source>Paste the Auth Token from the Twilio Console</source>
        <translation>Pega el Auth Token de la consola de Twilio</translation>
    </message>
    <message>
        <source>An API key's secret is 32 letters and digits, shown once when the key is made. Nothing was saved.</source>
        <translation>El secreto de una clave de API son 32 letras y cifras, que se muestran una sola vez al crear la clave. No se ha guardado nada.</translation>
    </message>
    <message>
        <source>An Auth Token is 32 letters a–f and digits: copy it whole from the Twilio Console. Nothing was saved.</source>
        <translation>Un Auth Token son 32 letras a–f y cifras: cópialo entero de la consola de Twilio. No se ha guardado nada.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>The secret was not saved: %1</source>
        <translation>El secreto no se ha guardado: %1</translation>
    </message>
    <message>
        <source>The API key's secret is saved in the keychain.</source>
        <translation>El secreto de la clave de API está guardado en el llavero.</translation>
    </message>
    <message>
        <source>The Auth Token is saved in the keychain.</source>
        <translation>El Auth Token está guardado en el llavero.</translation>
    </message>
    <message>
        <source>Saved; paste to replace</source>
        <translation>Guardada; pega otra para sustituirla</translation>
    </message>
    <message>
        <source>The secret was not removed: %1</source>
        <translation>El secreto no se ha quitado: %1</translation>
    </message>
    <message>
        <source>Looking in the keychain…</source>
        <translation>Buscando en el llavero…</translation>
    </message>
    <message>
        <source>No secret for this API key saved yet: texts cannot go out.</source>
        <translation>Aún no hay secreto guardado para esta clave de API: los SMS no pueden salir.</translation>
    </message>
    <message>
        <source>No Auth Token saved yet: texts cannot go out.</source>
        <translation>Aún no hay Auth Token guardado: los SMS no pueden salir.</translation>
    </message>
    <message>
        <source>The keychain cannot be read: %1</source>
        <translation>No se puede leer el llavero: %1</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Probando…</translation>
    </message>
    <message>
        <source>Enter the Account SID (AC…) first.</source>
        <translation>Escribe primero el Account SID (AC…).</translation>
    </message>
    <message>
        <source>Asking Twilio…</source>
        <translation>Preguntando a Twilio…</translation>
    </message>
    <message>
        <source>Twilio accepts the account and its secret.</source>
        <translation>Twilio acepta la cuenta y su secreto.</translation>
    </message>
    <message>
        <source>Connected to the Twilio account “%1”.</source>
        <translation>Conectado a la cuenta de Twilio «%1».</translation>
    </message>
    <message>
        <source>No Auth Token in the keychain: paste it above first.</source>
        <translation>No hay Auth Token en el llavero: pégalo arriba primero.</translation>
    </message>
    <message>
        <source>No secret for the API key in the keychain: paste it above first.</source>
        <translation>No hay secreto de la clave de API en el llavero: pégalo arriba primero.</translation>
    </message>
    <message>
        <source>Test cancelled.</source>
        <translation>Prueba cancelada.</translation>
    </message>
    <message>
        <source>The window must end after it starts. Nothing was saved.</source>
        <translation>La franja debe terminar después de empezar. No se ha guardado nada.</translation>
    </message>
    <message>
        <source>Wider than 08:00 to 21:00: US law does not allow marketing texts outside that window.</source>
        <translation>Más amplia que de 08:00 a 21:00: la ley de EE. UU. no permite SMS de marketing fuera de esa franja.</translation>
    </message>
    <message>
        <source>“%1” is not a price: write it like %2.</source>
        <translation>«%1» no es un precio: escríbelo como %2.</translation>
    </message>
    <message>
        <source>“%1” is not a currency: three letters, like USD or EUR.</source>
        <translation>«%1» no es una moneda: tres letras, como USD o EUR.</translation>
    </message>
    <message>
        <source>“%1” is not a country code.</source>
        <translation>«%1» no es un código de país.</translation>
    </message>
    <message>
        <source>%1 has a price already: double-click it to change it.</source>
        <translation>%1 ya tiene precio: haz doble clic en él para cambiarlo.</translation>
    </message>
    <message>
        <source>The prices were not saved: %1</source>
        <translation>Los precios no se han guardado: %1</translation>
    </message>
    <message>
        <source>Prices saved.</source>
        <translation>Precios guardados.</translation>
    </message>
    <message>
        <source>Add a Country's Price</source>
        <translation>Añadir el precio de un país</translation>
    </message>
    <message>
        <source>Country:</source>
        <translation>País:</translation>
    </message>
    <message>
        <source>A segment:</source>
        <translation>Por segmento:</translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation>Moneda:</translation>
    </message>
</context>
<context>
    <name>lux::ui::SocialAccountsModel</name>
    <message>
        <source>Connect again</source>
        <translation>Volver a conectar</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Conectada</translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation><numerusform>%n fallida</numerusform><numerusform>%n fallidas</numerusform></translation>
    </message>
    <message>
        <source>None failed</source>
        <translation>Ninguna fallida</translation>
    </message>
    <message>
        <source>No end while used</source>
        <translation>Sin fin mientras se use</translation>
    </message>
    <message>
        <source>No end</source>
        <translation>Sin fin</translation>
    </message>
    <message>
        <source>%1 (ended)</source>
        <translation>%1 (terminó)</translation>
    </message>
    <message>
        <source>%1 (within a week)</source>
        <translation>%1 (en menos de una semana)</translation>
    </message>
    <message>
        <source>No queue</source>
        <translation>Sin cola</translation>
    </message>
    <message>
        <source>This computer’s</source>
        <translation>La de este equipo</translation>
    </message>
    <message>
        <source>The network refused the sign-in: connect the account again.</source>
        <translation>La red rechazó el inicio de sesión: vuelve a conectar la cuenta.</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Failed posts</source>
        <translation>Publicaciones fallidas</translation>
    </message>
    <message>
        <source>Sign-in ends</source>
        <translation>Fin del inicio de sesión</translation>
    </message>
    <message>
        <source>Queue slots</source>
        <translation>Horarios de la cola</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
</context>
<context>
    <name>lux::ui::SocialCalendar</name>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>%1 %2 %3: %4</source>
        <comment>time, network, state, the text's start</comment>
        <translation>%1 %2 %3: %4</translation>
    </message>
    <message>
        <source>%1 on %2, %3
%4
%5</source>
        <translation>%1 en %2, %3
%4
%5</translation>
    </message>
</context>
<context>
    <name>lux::ui::SocialPage</name>
    <message>
        <source>Social</source>
        <translation>Redes sociales</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendario</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Cuentas</translation>
    </message>
    <message>
        <source>‹ Previous</source>
        <translation>‹ Anterior</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Next ›</source>
        <translation>Siguiente ›</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Semana</translation>
    </message>
    <message>
        <source>Retry All Failed</source>
        <translation>Reintentar todas las fallidas</translation>
    </message>
    <message>
        <source>The posts cannot be read: %1</source>
        <translation>No se pueden leer las publicaciones: %1</translation>
    </message>
    <message>
        <source>The accounts cannot be read: %1</source>
        <translation>No se pueden leer las cuentas: %1</translation>
    </message>
    <message>
        <source>Accounts (%1)</source>
        <translation>Cuentas (%1)</translation>
    </message>
    <message>
        <source>The post cannot be read: %1</source>
        <translation>No se puede leer la publicación: %1</translation>
    </message>
    <message>
        <source>Choose a post in the calendar to see where it went.</source>
        <translation>Elige una publicación en el calendario para ver adónde fue.</translation>
    </message>
    <message>
        <source>No posts in these days.</source>
        <translation>No hay publicaciones en estos días.</translation>
    </message>
    <message>
        <source>Post %1</source>
        <translation>Publicación %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Published %1</source>
        <translation>Publicada el %1</translation>
    </message>
    <message>
        <source>Scheduled for %1</source>
        <translation>Programada para el %1</translation>
    </message>
    <message>
        <source>Being published now (due %1)</source>
        <translation>Publicándose ahora (prevista para el %1)</translation>
    </message>
    <message numerus="yes">
        <source>Failed (due %1, %n attempt(s))</source>
        <translation><numerusform>Fallida (prevista para el %1, %n intento)</numerusform><numerusform>Fallida (prevista para el %1, %n intentos)</numerusform></translation>
    </message>
    <message>
        <source>Waiting for your decision (due %1)</source>
        <translation>Esperando tu decisión (prevista para el %1)</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>The network gave no link for it.</source>
        <translation>La red no dio ningún enlace para ella.</translation>
    </message>
    <message>
        <source>Opens the post in your browser.</source>
        <translation>Abre la publicación en tu navegador.</translation>
    </message>
    <message>
        <source>The network gave no reason.</source>
        <translation>La red no dio ningún motivo.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Publishes it again as soon as the scheduler runs.</source>
        <translation>La publica de nuevo en cuanto se ejecute el programador.</translation>
    </message>
    <message>
        <source>The database is open read-only.</source>
        <translation>La base de datos está abierta en modo de solo lectura.</translation>
    </message>
    <message>
        <source>The network’s answer was lost and LUX could not tell whether the post went out. This one is yours to decide: look at %1 on %2. LUX will not send it again on its own.</source>
        <translation>La respuesta de la red se perdió y LUX no pudo saber si la publicación salió. Esta te toca decidirla a ti: mira %1 en %2. LUX no la enviará de nuevo por su cuenta.</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) in the days shown, %1 failed</source>
        <translation><numerusform>%n publicación en los días mostrados, %1 fallida</numerusform><numerusform>%n publicaciones en los días mostrados, %1 fallidas</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) in the days shown</source>
        <translation><numerusform>%n publicación en los días mostrados</numerusform><numerusform>%n publicaciones en los días mostrados</numerusform></translation>
    </message>
    <message>
        <source>Retry All Failed: %1</source>
        <translation>Reintentar todas las fallidas: %1</translation>
    </message>
    <message>
        <source>Open a database first.</source>
        <translation>Abre primero una base de datos.</translation>
    </message>
    <message>
        <source>Choose an account first.</source>
        <translation>Elige primero una cuenta.</translation>
    </message>
    <message>
        <source>No post of this account has failed.</source>
        <translation>Ninguna publicación de esta cuenta ha fallado.</translation>
    </message>
    <message>
        <source>Publishes every failed post of this account again.</source>
        <translation>Publica de nuevo todas las publicaciones fallidas de esta cuenta.</translation>
    </message>
    <message>
        <source>Only a post that has not started can be moved.</source>
        <translation>Solo se puede mover una publicación que aún no ha empezado.</translation>
    </message>
    <message>
        <source>A post cannot be moved into the past.</source>
        <translation>Una publicación no se puede mover al pasado.</translation>
    </message>
    <message>
        <source>Move Post</source>
        <translation>Mover publicación</translation>
    </message>
    <message>
        <source>Post moved to %1.</source>
        <translation>Publicación movida al %1.</translation>
    </message>
    <message>
        <source>The post will be published again when the scheduler next runs.</source>
        <translation>La publicación se publicará de nuevo la próxima vez que se ejecute el programador.</translation>
    </message>
    <message>
        <source>%1 has no failed posts.</source>
        <translation>%1 no tiene publicaciones fallidas.</translation>
    </message>
    <message numerus="yes">
        <source>%n failed post(s) of %1 will be published again.</source>
        <translation><numerusform>%n publicación fallida de %1 se publicará de nuevo.</numerusform><numerusform>%n publicaciones fallidas de %1 se publicarán de nuevo.</numerusform></translation>
    </message>
    <message>
        <source>&amp;New Post…</source>
        <translation>&amp;Nueva publicación…</translation>
    </message>
    <message>
        <source>Drag a scheduled post to another day to move it; select one to see where it went or why it failed.</source>
        <translation>Arrastra una publicación programada a otro día para moverla; selecciona una para ver dónde salió o por qué falló.</translation>
    </message>
    <message>
        <source>It Is There</source>
        <translation>Está publicada</translation>
    </message>
    <message>
        <source>Counts it as published; nothing is sent.</source>
        <translation>La cuenta como publicada; no se envía nada.</translation>
    </message>
    <message>
        <source>Publish Again</source>
        <translation>Publicar de nuevo</translation>
    </message>
    <message>
        <source>It is not on %1: the scheduler publishes it again.</source>
        <translation>No está en %1: el programador la publica de nuevo.</translation>
    </message>
    <message>
        <source>Decide</source>
        <translation>Decidir</translation>
    </message>
    <message>
        <source>Counted as published.</source>
        <translation>Contada como publicada.</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Cola</translation>
    </message>
    <message>
        <source>Connect Account opens the network's sign-in in your browser (X, LinkedIn, Facebook Pages and their Instagram accounts). An account that asks to be connected again keeps its posts and queue.</source>
        <translation>Conectar cuenta abre el inicio de sesión de la red en tu navegador (X, LinkedIn, páginas de Facebook y sus cuentas de Instagram). Una cuenta que pide volver a conectarse conserva sus publicaciones y su cola.</translation>
    </message>
    <message>
        <source>Connect Account…</source>
        <translation>Conectar cuenta…</translation>
    </message>
    <message>
        <source>%1: connect it again (Connect Account…).</source>
        <translation>%1: conéctala de nuevo (Conectar cuenta…).</translation>
    </message>
    <message>
        <source>First comment not made: %1</source>
        <translation>Primer comentario no publicado: %1</translation>
    </message>
    <message>
        <source>First comment made.</source>
        <translation>Primer comentario publicado.</translation>
    </message>
    <message>
        <source>The first comment was not made by LUX.</source>
        <translation>LUX no publicó el primer comentario.</translation>
    </message>
    <message>
        <source>Opens the network's sign-in page in your browser.</source>
        <translation>Abre en tu navegador la página de inicio de sesión de la red.</translation>
    </message>
    <message>
        <source>Accounts connected.</source>
        <translation>Cuentas conectadas.</translation>
    </message>
    <message>
        <source>No accounts connected yet: connect one with Connect Account… in the Accounts tab.</source>
        <translation>Aún no hay cuentas conectadas: conecta una con Conectar cuenta… en la pestaña Cuentas.</translation>
    </message>
</context>
<context>
    <name>lux::ui::SocialQueue</name>
    <message>
        <source>Queue Slots</source>
        <translation>Franjas de la cola</translation>
    </message>
    <message>
        <source>The times %1 posts from its queue, in %2. Write days and a time, groups separated by commas: “Tue/Thu 10:00, Sat 11:00” or “Mon-Fri 09:30”.</source>
        <translation>Las horas en que %1 publica desde su cola, en %2. Escribe días (en inglés) y una hora, con los grupos separados por comas: «Tue/Thu 10:00, Sat 11:00» o «Mon-Fri 09:30».</translation>
    </message>
    <message>
        <source>No slots: posts cannot be added to this account's queue.</source>
        <translation>Sin franjas: no se pueden añadir publicaciones a la cola de esta cuenta.</translation>
    </message>
    <message numerus="yes">
        <source>%n time(s) a week: %1</source>
        <translation><numerusform>%n vez por semana: %1</numerusform><numerusform>%n veces por semana: %1</numerusform></translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>&amp;Cuenta:</translation>
    </message>
    <message>
        <source>The time zone the slots are in: 10:00 is ten in the morning there.</source>
        <translation>La zona horaria de las franjas: las 10:00 son las diez de la mañana allí.</translation>
    </message>
    <message>
        <source>The computer's (%1)</source>
        <translation>La del equipo (%1)</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Zona horaria:</translation>
    </message>
    <message>
        <source>Edit &amp;Slots…</source>
        <translation>Editar &amp;franjas…</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Publicación</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>A post added to the queue in New Post… takes the first free slot. Double-click a post to see it in the calendar.</source>
        <translation>Una publicación que añades a la cola en Nueva publicación… ocupa la primera franja libre. Haz doble clic en una publicación para verla en el calendario.</translation>
    </message>
    <message>
        <source>The queue cannot be read: %1</source>
        <translation>No se puede leer la cola: %1</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>Hoy, %1</translation>
    </message>
    <message>
        <source>Tomorrow, %1</source>
        <translation>Mañana, %1</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Libre</translation>
    </message>
    <message>
        <source>The next post added to the queue may take it.</source>
        <translation>La próxima publicación que añadas a la cola puede ocuparla.</translation>
    </message>
    <message>
        <source>Post %1: %2</source>
        <translation>Publicación %1: %2</translation>
    </message>
    <message>
        <source>%1, at a set time</source>
        <translation>%1, a una hora fija</translation>
    </message>
    <message>
        <source>Not a queue slot: this post was given its own time.</source>
        <translation>No es una franja de la cola: a esta publicación se le dio su propia hora.</translation>
    </message>
    <message>
        <source>Open a database to see the queue.</source>
        <translation>Abre una base de datos para ver la cola.</translation>
    </message>
    <message>
        <source>No queue slots yet: Edit Slots… to add times like Tue/Thu 10:00.</source>
        <translation>Aún no hay franjas en la cola: usa Editar franjas… para añadir horas como Tue/Thu 10:00.</translation>
    </message>
    <message>
        <source>Slots: %1, in %2.</source>
        <translation>Franjas: %1, en %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n free slot(s) in the next two weeks.</source>
        <translation><numerusform>%n franja libre en las dos próximas semanas.</numerusform><numerusform>%n franjas libres en las dos próximas semanas.</numerusform></translation>
    </message>
    <message>
        <source>Open a database first.</source>
        <translation>Abre primero una base de datos.</translation>
    </message>
    <message>
        <source>The database is open read-only.</source>
        <translation>La base de datos está abierta en modo de solo lectura.</translation>
    </message>
    <message>
        <source>Connect an account first.</source>
        <translation>Conecta primero una cuenta.</translation>
    </message>
    <message>
        <source>The days and times this account posts from its queue.</source>
        <translation>Los días y horas en que esta cuenta publica desde su cola.</translation>
    </message>
    <message>
        <source>this computer's time (%1)</source>
        <translation>la hora de este equipo (%1)</translation>
    </message>
    <message>
        <source>The queue slots of %1 are saved.</source>
        <translation>Las franjas de la cola de %1 se han guardado.</translation>
    </message>
    <message>
        <source>Time Zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <source>The queue of %1 follows this computer's time.</source>
        <translation>La cola de %1 sigue la hora de este equipo.</translation>
    </message>
    <message>
        <source>The queue of %1 is in %2.</source>
        <translation>La cola de %1 está en %2.</translation>
    </message>
    <message>
        <source>No accounts connected yet: connect one with Connect Account… in the Accounts tab.</source>
        <translation>Aún no hay cuentas conectadas: conecta una con Conectar cuenta… en la pestaña Cuentas.</translation>
    </message>
</context>
<context>
    <name>lux::ui::SocialTargetsModel</name>
    <message>
        <source>X</source>
        <comment>the network X, in a calendar cell</comment>
        <translation>X</translation>
    </message>
    <message>
        <source>LI</source>
        <comment>LinkedIn, in a calendar cell</comment>
        <translation>LI</translation>
    </message>
    <message>
        <source>IG</source>
        <comment>Instagram, in a calendar cell</comment>
        <translation>IG</translation>
    </message>
    <message>
        <source>FB</source>
        <comment>Facebook, in a calendar cell</comment>
        <translation>FB</translation>
    </message>
    <message>
        <source>scheduled</source>
        <comment>a post, in a calendar cell</comment>
        <translation>programada</translation>
    </message>
    <message>
        <source>publishing</source>
        <comment>a post, in a calendar cell</comment>
        <translation>publicándose</translation>
    </message>
    <message>
        <source>published</source>
        <comment>a post, in a calendar cell</comment>
        <translation>publicada</translation>
    </message>
    <message>
        <source>failed</source>
        <comment>a post, in a calendar cell</comment>
        <translation>fallida</translation>
    </message>
    <message>
        <source>unknown</source>
        <comment>a post whose fate the network could not tell, in a calendar cell</comment>
        <translation>incierta</translation>
    </message>
    <message>
        <source>cancelled</source>
        <comment>a post, in a calendar cell</comment>
        <translation>cancelada</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
</context>
<context>
    <name>lux::ui::StartPage</name>
    <message>
        <source>No database open</source>
        <translation>Ninguna base de datos abierta</translation>
    </message>
    <message>
        <source>Open an existing LUX Marketing database, or create a new one.</source>
        <translation>Abre una base de datos de LUX Marketing existente o crea una nueva.</translation>
    </message>
    <message>
        <source>Open Database…</source>
        <translation>Abrir base de datos…</translation>
    </message>
    <message>
        <source>New Database…</source>
        <translation>Nueva base de datos…</translation>
    </message>
</context>
<context>
    <name>lux::ui::StepCard</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation><numerusform>%n día</numerusform><numerusform>%n días</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation><numerusform>%n hora</numerusform><numerusform>%n horas</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation><numerusform>%n minuto</numerusform><numerusform>%n minutos</numerusform></translation>
    </message>
    <message>
        <source>Until they open it, at most %1</source>
        <translation>Hasta que lo abran, como máximo %1</translation>
    </message>
    <message>
        <source>Until they click, at most %1</source>
        <translation>Hasta que hagan clic, como máximo %1</translation>
    </message>
    <message>
        <source>Until they register, at most %1</source>
        <translation>Hasta que se inscriban, como máximo %1</translation>
    </message>
    <message>
        <source>Until they reply, at most %1</source>
        <translation>Hasta que respondan, como máximo %1</translation>
    </message>
    <message>
        <source>Send email</source>
        <translation>Enviar correo</translation>
    </message>
    <message>
        <source>Send text</source>
        <translation>Enviar SMS</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>Set field</source>
        <translation>Cambiar campo</translation>
    </message>
    <message>
        <source>Wait</source>
        <translation>Esperar</translation>
    </message>
    <message>
        <source>Wait until</source>
        <translation>Esperar hasta</translation>
    </message>
    <message>
        <source>Wait for</source>
        <translation>Esperar a</translation>
    </message>
    <message>
        <source>If / else</source>
        <translation>Si / si no</translation>
    </message>
    <message>
        <source>Random split</source>
        <translation>División aleatoria</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>Notify me</source>
        <translation>Avisarme</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>No subject yet</source>
        <translation>Aún sin asunto</translation>
    </message>
    <message>
        <source>No text yet</source>
        <translation>Aún sin texto</translation>
    </message>
    <message>
        <source>+ %1</source>
        <translation>+ %1</translation>
    </message>
    <message>
        <source>− %1</source>
        <translation>− %1</translation>
    </message>
    <message>
        <source>No tags yet</source>
        <translation>Aún sin etiquetas</translation>
    </message>
    <message>
        <source>No field yet</source>
        <translation>Aún sin campo</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>No duration yet</source>
        <translation>Aún sin duración</translation>
    </message>
    <message>
        <source>%1, their time</source>
        <translation>%1, hora del contacto</translation>
    </message>
    <message>
        <source>%1 on %2, their time</source>
        <translation>%2 a las %1, hora del contacto</translation>
    </message>
    <message>
        <source>Nothing chosen yet</source>
        <translation>Aún no se ha elegido nada</translation>
    </message>
    <message>
        <source>No condition yet</source>
        <translation>Aún sin condición</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>No message yet</source>
        <translation>Aún sin mensaje</translation>
    </message>
    <message>
        <source>Leaves the workflow</source>
        <translation>Sale del flujo de trabajo</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Ocurrió</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Tiempo agotado</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>%1 here · %2 through · %3 ended</source>
        <translation>%1 aquí · %2 pasaron · %3 terminaron</translation>
    </message>
</context>
<context>
    <name>lux::ui::StepPanel</name>
    <message>
        <source>minutes</source>
        <translation>minutos</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>horas</translation>
    </message>
    <message>
        <source>days</source>
        <translation>días</translation>
    </message>
    <message>
        <source>Optional: what you call this step</source>
        <translation>Opcional: cómo llamas a este paso</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>Choose a template…</source>
        <translation>Elige una plantilla…</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Remitente</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Quiet hours apply: a text waits for the recipient's window.</source>
        <translation>Se aplican las horas de silencio: un SMS espera a la franja del destinatario.</translation>
    </message>
    <message>
        <source>Add tags</source>
        <translation>Añadir etiquetas</translation>
    </message>
    <message>
        <source>Remove tags</source>
        <translation>Quitar etiquetas</translation>
    </message>
    <message>
        <source>Comma-separated</source>
        <translation>Separadas por comas</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>city, company, or a custom field</source>
        <translation>city, company o un campo personalizado</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Wait for</source>
        <translation>Esperar</translation>
    </message>
    <message>
        <source>Time (their zone)</source>
        <translation>Hora (su zona horaria)</translation>
    </message>
    <message>
        <source>Days (none: any)</source>
        <translation>Días (ninguno: cualquiera)</translation>
    </message>
    <message>
        <source>Until they</source>
        <translation>Hasta que</translation>
    </message>
    <message>
        <source>open this workflow's email</source>
        <translation>abran el correo de este flujo de trabajo</translation>
    </message>
    <message>
        <source>click in this workflow's message</source>
        <translation>hagan clic en el mensaje de este flujo de trabajo</translation>
    </message>
    <message>
        <source>register for an event</source>
        <translation>se inscriban en un evento</translation>
    </message>
    <message>
        <source>reply</source>
        <translation>respondan</translation>
    </message>
    <message>
        <source>At most</source>
        <translation>Como máximo</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Comprobar</translation>
    </message>
    <message>
        <source>Has the tag</source>
        <translation>Tiene la etiqueta</translation>
    </message>
    <message>
        <source>Is in the segment</source>
        <translation>Está en el segmento</translation>
    </message>
    <message>
        <source>A field</source>
        <translation>Un campo</translation>
    </message>
    <message>
        <source>Opened or clicked an email</source>
        <translation>Abrió un correo o hizo clic en él</translation>
    </message>
    <message>
        <source>Not</source>
        <translation>Negar</translation>
    </message>
    <message>
        <source>Which</source>
        <translation>Cuál</translation>
    </message>
    <message>
        <source>Is</source>
        <translation>Comparación</translation>
    </message>
    <message>
        <source>equal to</source>
        <translation>igual a</translation>
    </message>
    <message>
        <source>not equal to</source>
        <translation>distinto de</translation>
    </message>
    <message>
        <source>containing</source>
        <translation>contiene</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>vacío</translation>
    </message>
    <message>
        <source>not empty</source>
        <translation>no vacío</translation>
    </message>
    <message>
        <source>more than</source>
        <translation>mayor que</translation>
    </message>
    <message>
        <source>less than</source>
        <translation>menor que</translation>
    </message>
    <message>
        <source>ever</source>
        <translation>alguna vez</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>In the last</source>
        <translation>En los últimos</translation>
    </message>
    <message>
        <source>Leave the workflow when reached</source>
        <translation>Salir del flujo de trabajo al alcanzarlo</translation>
    </message>
    <message>
        <source>Reached from anywhere in the workflow as soon as this is true.</source>
        <translation>Se alcanza desde cualquier punto del flujo de trabajo en cuanto se cumple.</translation>
    </message>
    <message>
        <source>Shares (%)</source>
        <translation>Partes (%)</translation>
    </message>
    <message>
        <source>50 / 50</source>
        <translation>50 / 50</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>Flujo de trabajo</translation>
    </message>
    <message>
        <source>Added by hand</source>
        <translation>Se inscribe a mano</translation>
    </message>
    <message>
        <source>A contact is added</source>
        <translation>Se añade un contacto</translation>
    </message>
    <message>
        <source>A tag is added</source>
        <translation>Se añade una etiqueta</translation>
    </message>
    <message>
        <source>A contact enters a segment</source>
        <translation>Un contacto entra en un segmento</translation>
    </message>
    <message>
        <source>Registers for an event</source>
        <translation>Se inscribe en un evento</translation>
    </message>
    <message>
        <source>Opens an email</source>
        <translation>Abre un correo</translation>
    </message>
    <message>
        <source>Clicks in an email</source>
        <translation>Hace clic en un correo</translation>
    </message>
    <message>
        <source>Clicks in a text</source>
        <translation>Hace clic en un SMS</translation>
    </message>
    <message>
        <source>Texts a keyword</source>
        <translation>Envía una palabra clave por SMS</translation>
    </message>
    <message>
        <source>A date's anniversary</source>
        <translation>El aniversario de una fecha</translation>
    </message>
    <message>
        <source>Starts when</source>
        <translation>Empieza cuando</translation>
    </message>
    <message>
        <source>Once ever</source>
        <translation>Solo una vez</translation>
    </message>
    <message>
        <source>Again after leaving</source>
        <translation>De nuevo tras salir</translation>
    </message>
    <message>
        <source>Every time</source>
        <translation>Cada vez</translation>
    </message>
    <message>
        <source>Enters</source>
        <translation>Entra</translation>
    </message>
    <message>
        <source>At least</source>
        <translation>Como mínimo</translation>
    </message>
    <message>
        <source>Select a step to change it. Drag from a step's dot to another step to connect them.</source>
        <translation>Selecciona un paso para cambiarlo. Arrastra desde el punto de un paso hasta otro paso para conectarlos.</translation>
    </message>
    <message>
        <source>This condition was written in the workflow's JSON: change it there (luxctl automation import).</source>
        <translation>Esta condición se escribió en el JSON del flujo: cámbiala allí (luxctl automation import).</translation>
    </message>
    <message>
        <source>opened an email</source>
        <translation>abrió un correo</translation>
    </message>
    <message>
        <source>clicked in an email</source>
        <translation>hizo clic en un correo</translation>
    </message>
</context>
<context>
    <name>lux::ui::SuggestionsDialog</name>
    <message>
        <source>Heading</source>
        <translation>Encabezado</translation>
    </message>
    <message>
        <source>Internal link</source>
        <translation>Enlace interno</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Suggestions from LUX</source>
        <translation>Sugerencias de LUX</translation>
    </message>
    <message>
        <source>Focus keyphrase proposed by LUX: “%1”.</source>
        <translation>Frase clave principal propuesta por LUX: «%1».</translation>
    </message>
    <message>
        <source>Focus keyphrase: “%1”.</source>
        <translation>Frase clave principal: «%1».</translation>
    </message>
    <message>
        <source>The page scores %1 now. Each text below was measured and scored by the same analysis, with the page as it is otherwise.</source>
        <translation>La página tiene ahora una puntuación de %1. Cada texto de abajo se ha medido y puntuado con el mismo análisis, con el resto de la página tal como está.</translation>
    </message>
    <message>
        <source>titles</source>
        <translation>títulos</translation>
    </message>
    <message>
        <source>descriptions</source>
        <translation>descripciones</translation>
    </message>
    <message>
        <source>Titles</source>
        <translation>Títulos</translation>
    </message>
    <message>
        <source>Copy Title</source>
        <translation>Copiar título</translation>
    </message>
    <message>
        <source>Descriptions</source>
        <translation>Descripciones</translation>
    </message>
    <message>
        <source>Copy Description</source>
        <translation>Copiar descripción</translation>
    </message>
    <message>
        <source>Content recommendations</source>
        <translation>Recomendaciones de contenido</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>Por qué: %1</translation>
    </message>
    <message>
        <source>LUX has no recommendations for this page's content.</source>
        <translation>LUX no tiene recomendaciones para el contenido de esta página.</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Ancho</translation>
    </message>
    <message>
        <source>Keyphrase</source>
        <translation>Frase clave</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Still to fix</source>
        <translation>Por corregir</translation>
    </message>
    <message>
        <source>Suggested %1</source>
        <translation>Sugerencias de %1</translation>
    </message>
    <message>
        <source>%1 of %2 px</source>
        <translation>%1 de %2 px</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>%1 (%2%3)</source>
        <translation>%1 (%2%3)</translation>
    </message>
    <message>
        <source>Lighthouse's SEO score of the page with this text</source>
        <translation>Puntuación SEO de Lighthouse de la página con este texto</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nada</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation><numerusform>%n hallazgo</numerusform><numerusform>%n hallazgos</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::SuppressionDialog</name>
    <message>
        <source>Suppression List</source>
        <translation>Lista de supresión</translation>
    </message>
    <message>
        <source>Addresses here are never sent to, whatever list or segment they are in. Unsubscribes, complaints and forgotten contacts land here.</source>
        <translation>Nunca se envía nada a estas direcciones, estén en la lista o segmento que estén. Aquí llegan las bajas, las quejas y los contactos olvidados.</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Search addresses</source>
        <translation>Buscar direcciones</translation>
    </message>
    <message>
        <source>Add Address…</source>
        <translation>Añadir dirección…</translation>
    </message>
    <message>
        <source>Import File…</source>
        <translation>Importar archivo…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Take an address added by mistake off the list. Its contact stays unsubscribed.</source>
        <translation>Quita de la lista una dirección añadida por error. Su contacto sigue dado de baja.</translation>
    </message>
    <message numerus="yes">
        <source>%n address(es)</source>
        <translation><numerusform>%n dirección</numerusform><numerusform>%n direcciones</numerusform></translation>
    </message>
    <message>
        <source>Add to the Suppression List</source>
        <translation>Añadir a la lista de supresión</translation>
    </message>
    <message>
        <source>Email address:</source>
        <translation>Dirección de correo:</translation>
    </message>
    <message>
        <source>Phone number:</source>
        <translation>Número de teléfono:</translation>
    </message>
    <message>
        <source>%1 was already on the list.</source>
        <translation>%1 ya estaba en la lista.</translation>
    </message>
    <message>
        <source>Import a Suppression List</source>
        <translation>Importar una lista de supresión</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Archivos CSV (*.csv *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Importing the suppression list…</source>
        <translation>Importando la lista de supresión…</translation>
    </message>
    <message numerus="yes">
        <source>%n address(es) added.</source>
        <translation><numerusform>%n dirección añadida.</numerusform><numerusform>%n direcciones añadidas.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n already on the list.</source>
        <translation><numerusform>%n ya estaba en la lista.</numerusform><numerusform>%n ya estaban en la lista.</numerusform></translation>
    </message>
    <message>
        <source>Skipped lines:</source>
        <translation>Líneas omitidas:</translation>
    </message>
    <message>
        <source>Take %1 off the suppression list? Only do this for an address added by mistake; its contact stays unsubscribed.</source>
        <translation>¿Quitar %1 de la lista de supresión? Hazlo solo con una dirección añadida por error; su contacto sigue dado de baja.</translation>
    </message>
</context>
<context>
    <name>lux::ui::SuppressionModel</name>
    <message>
        <source>Added by hand</source>
        <translation>Añadida a mano</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importada</translation>
    </message>
    <message>
        <source>Contact forgotten</source>
        <translation>Contacto olvidado</translation>
    </message>
    <message>
        <source>Unsubscribed</source>
        <translation>Baja</translation>
    </message>
    <message>
        <source>Spam complaint</source>
        <translation>Queja por spam</translation>
    </message>
    <message>
        <source>Bounced</source>
        <translation>Rebotados</translation>
    </message>
    <message>
        <source>Erased contact (kept as a hash)</source>
        <translation>Contacto borrado (se conserva como hash)</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Añadido</translation>
    </message>
</context>
<context>
    <name>lux::ui::TemplatesPage</name>
    <message>
        <source>Templates</source>
        <translation>Plantillas</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Save a new version (Ctrl+S)</source>
        <translation>Guardar una versión nueva (Ctrl+S)</translation>
    </message>
    <message>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>e.g. Spring news for {{first_name | default: "you"}}</source>
        <translation>p. ej. Novedades de primavera para {{first_name | default: "ti"}}</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <source>The line inboxes show after the subject</source>
        <translation>La línea que las bandejas muestran tras el asunto</translation>
    </message>
    <message>
        <source>Preheader</source>
        <translation>Texto de vista previa</translation>
    </message>
    <message>
        <source>Desktop (600 px)</source>
        <translation>Escritorio (600 px)</translation>
    </message>
    <message>
        <source>Wide (800 px)</source>
        <translation>Ancho (800 px)</translation>
    </message>
    <message>
        <source>Phone (375 px)</source>
        <translation>Móvil (375 px)</translation>
    </message>
    <message>
        <source>Render as</source>
        <translation>Ver como</translation>
    </message>
    <message>
        <source>Link: %1</source>
        <translation>Enlace: %1</translation>
    </message>
    <message>
        <source>Nobody (defaults)</source>
        <translation>Nadie (valores por defecto)</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Sin título</translation>
    </message>
    <message>
        <source>Template “%1” saved.</source>
        <translation>Plantilla «%1» guardada.</translation>
    </message>
    <message>
        <source>Fix the merge tags marked below to see the preview.</source>
        <translation>Corrige las etiquetas de combinación marcadas abajo para ver la vista previa.</translation>
    </message>
    <message>
        <source>Line %1:%2</source>
        <translation>Línea %1:%2</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Checks: ready to send.</source>
        <translation>Comprobaciones: listo para enviar.</translation>
    </message>
    <message>
        <source>Newsletter</source>
        <translation>Boletín</translation>
    </message>
    <message>
        <source>Announcement</source>
        <translation>Anuncio</translation>
    </message>
    <message>
        <source>Product Promotion</source>
        <translation>Promoción de producto</translation>
    </message>
    <message>
        <source>Event Invitation</source>
        <translation>Invitación a un evento</translation>
    </message>
    <message>
        <source>Plain Letter</source>
        <translation>Carta sencilla</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nueva</translation>
    </message>
    <message>
        <source>Blank Template</source>
        <translation>Plantilla en blanco</translation>
    </message>
    <message>
        <source>From a starter</source>
        <translation>A partir de un modelo</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicar</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>Historial…</translation>
    </message>
    <message>
        <source>Every saved version, to look at or go back to</source>
        <translation>Todas las versiones guardadas, para verlas o volver a ellas</translation>
    </message>
    <message>
        <source>Components…</source>
        <translation>Componentes…</translation>
    </message>
    <message>
        <source>Brand Kits…</source>
        <translation>Kits de marca…</translation>
    </message>
    <message>
        <source>Filter by name or tag</source>
        <translation>Filtrar por nombre o etiqueta</translation>
    </message>
    <message>
        <source>e.g. monthly, spring (separated by commas)</source>
        <translation>p. ej. mensual, primavera (separadas por comas)</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Insert</source>
        <translation>Insertar</translation>
    </message>
    <message>
        <source>Find and Replace</source>
        <translation>Buscar y reemplazar</translation>
    </message>
    <message>
        <source>Find (Ctrl+F), replace (Ctrl+H)</source>
        <translation>Buscar (Ctrl+F), reemplazar (Ctrl+H)</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo</translation>
    </message>
    <message>
        <source>Write the plain-text version myself</source>
        <translation>Escribir yo la versión de texto sin formato</translation>
    </message>
    <message>
        <source>Off: the text version is made from the HTML each time, with links listed at the end.</source>
        <translation>Desactivado: la versión de texto se genera cada vez a partir del HTML, con los enlaces al final.</translation>
    </message>
    <message>
        <source>Plain Text</source>
        <translation>Texto sin formato</translation>
    </message>
    <message>
        <source>Any contact's email address</source>
        <translation>El correo de cualquier contacto</translation>
    </message>
    <message>
        <source>Pick a contact, or type any contact's address and press Enter</source>
        <translation>Elige un contacto, o escribe la dirección de cualquiera y pulsa Intro</translation>
    </message>
    <message>
        <source>No contact has the address %1; showing the defaults.</source>
        <translation>Ningún contacto tiene la dirección %1; se muestran los valores por defecto.</translation>
    </message>
    <message>
        <source>%1 — tags: %2</source>
        <translation>%1 — etiquetas: %2</translation>
    </message>
    <message>
        <source>Component (edited in one place)</source>
        <translation>Componente (se edita en un solo sitio)</translation>
    </message>
    <message>
        <source>Copy of a Component (to edit here)</source>
        <translation>Copia de un componente (para editarla aquí)</translation>
    </message>
    <message>
        <source>No components yet: add them with Components…</source>
        <translation>Aún no hay componentes: añádelos con Componentes…</translation>
    </message>
    <message>
        <source>Merge Tag</source>
        <translation>Etiqueta de combinación</translation>
    </message>
    <message>
        <source>First name, or “there”</source>
        <translation>Nombre, o «there»</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Empresa</translation>
    </message>
    <message>
        <source>Unsubscribe link</source>
        <translation>Enlace para darse de baja</translation>
    </message>
    <message>
        <source>Preferences link</source>
        <translation>Enlace de preferencias</translation>
    </message>
    <message>
        <source>View online link</source>
        <translation>Enlace para ver en línea</translation>
    </message>
    <message>
        <source>Postal address (brand kit)</source>
        <translation>Dirección postal (kit de marca)</translation>
    </message>
    <message>
        <source>Primary colour (brand kit)</source>
        <translation>Color principal (kit de marca)</translation>
    </message>
    <message>
        <source>Current year</source>
        <translation>Año actual</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>Save the changes to “%1” first?</source>
        <translation>¿Guardar antes los cambios de «%1»?</translation>
    </message>
    <message>
        <source>There is no template named “%1”.</source>
        <translation>No hay ninguna plantilla llamada «%1».</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (copia)</translation>
    </message>
    <message>
        <source>%1 (copy %2)</source>
        <translation>%1 (copia %2)</translation>
    </message>
    <message>
        <source>Duplicated as “%1”.</source>
        <translation>Duplicada como «%1».</translation>
    </message>
    <message>
        <source>Delete Template</source>
        <translation>Eliminar plantilla</translation>
    </message>
    <message>
        <source>Delete the template “%1” and all its saved versions? This cannot be undone.</source>
        <translation>¿Eliminar la plantilla «%1» y todas sus versiones guardadas? No se puede deshacer.</translation>
    </message>
    <message>
        <source>Template “%1” deleted.</source>
        <translation>Plantilla «%1» eliminada.</translation>
    </message>
    <message>
        <source>An earlier version is in the editor; save to keep it as the newest.</source>
        <translation>Hay una versión anterior en el editor; guárdala para que pase a ser la más reciente.</translation>
    </message>
    <message>
        <source>Plain text %1:%2</source>
        <translation>Texto sin formato %1:%2</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>Texto sin formato</translation>
    </message>
    <message>
        <source>Checks: %1, %2.</source>
        <translation>Comprobaciones: %1, %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s) that block sending</source>
        <translation><numerusform>%n error que bloquea el envío</numerusform><numerusform>%n errores que bloquean el envío</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation><numerusform>%n aviso</numerusform><numerusform>%n avisos</numerusform></translation>
    </message>
    <message>
        <source>Name or tag</source>
        <translation>Nombre o etiqueta</translation>
    </message>
    <message numerus="yes">
        <source>Checks: nothing blocks sending; %n warning(s) to look at.</source>
        <translation><numerusform>Comprobaciones: nada bloquea el envío; %n aviso que revisar.</numerusform><numerusform>Comprobaciones: nada bloquea el envío; %n avisos que revisar.</numerusform></translation>
    </message>
    <message>
        <source>The template is too large or too deeply nested to show; the check below says where.</source>
        <translation>La plantilla es demasiado grande o está anidada a demasiada profundidad para mostrarla; la comprobación de abajo indica dónde.</translation>
    </message>
    <message>
        <source>Ask LUX</source>
        <translation>Preguntar a LUX</translation>
    </message>
    <message>
        <source>Drafts and rewrites from LUX, the assistant: they land here as edits you review</source>
        <translation>Borradores y reescrituras de LUX, el asistente: llegan aquí como cambios que revisas</translation>
    </message>
    <message>
        <source>Draft This Email from a Brief…</source>
        <translation>Redactar este correo a partir de un resumen…</translation>
    </message>
    <message>
        <source>Product Campaign…</source>
        <translation>Campaña de productos…</translation>
    </message>
    <message>
        <source>Suggest Subject Lines…</source>
        <translation>Sugerir asuntos…</translation>
    </message>
    <message>
        <source>Rewrite the Selection</source>
        <translation>Reescribir la selección</translation>
    </message>
    <message>
        <source>Shorter</source>
        <translation>Más corto</translation>
    </message>
    <message>
        <source>Friendlier</source>
        <translation>Más cercano</translation>
    </message>
    <message>
        <source>More Formal</source>
        <translation>Más formal</translation>
    </message>
    <message>
        <source>Clearer</source>
        <translation>Más claro</translation>
    </message>
    <message>
        <source>In Spanish</source>
        <translation>En español</translation>
    </message>
    <message>
        <source>In English</source>
        <translation>En inglés</translation>
    </message>
    <message>
        <source>Your Own Instruction…</source>
        <translation>Tu propia instrucción…</translation>
    </message>
    <message>
        <source>How should LUX rewrite it?</source>
        <translation>¿Cómo debe reescribirlo LUX?</translation>
    </message>
    <message>
        <source>Generate an Image…</source>
        <translation>Generar una imagen…</translation>
    </message>
    <message>
        <source>Product from the Store…</source>
        <translation>Producto de la tienda…</translation>
    </message>
    <message>
        <source>Image from the Media Library…</source>
        <translation>Imagen de la biblioteca de medios…</translation>
    </message>
    <message>
        <source>Draft This Email from a Brief</source>
        <translation>Redactar este correo a partir de un resumen</translation>
    </message>
    <message>
        <source>What is the email for? LUX uses your brand kit, components and products, and the draft opens here unsaved.</source>
        <translation>¿Para qué es el correo? LUX usa tu kit de marca, tus componentes y tus productos, y el borrador se abre aquí sin guardar.</translation>
    </message>
    <message>
        <source>Product Campaign</source>
        <translation>Campaña de productos</translation>
    </message>
    <message numerus="yes">
        <source>%n product(s) chosen. What is the occasion or the angle? (optional)</source>
        <translation><numerusform>%n producto elegido. ¿Cuál es la ocasión o el enfoque? (opcional)</numerusform><numerusform>%n productos elegidos. ¿Cuál es la ocasión o el enfoque? (opcional)</numerusform></translation>
    </message>
    <message>
        <source>LUX is drafting the email…</source>
        <translation>LUX está redactando el correo…</translation>
    </message>
    <message>
        <source>LUX</source>
        <translation>LUX</translation>
    </message>
    <message>
        <source>LUX: %1</source>
        <translation>LUX: %1</translation>
    </message>
    <message>
        <source>Product Facts to Check</source>
        <translation>Datos de producto que revisar</translation>
    </message>
    <message numerus="yes">
        <source>%n product fact(s) in LUX's draft do not match the synced catalogue or cannot be checked:</source>
        <translation><numerusform>%n dato de producto del borrador de LUX no coincide con el catálogo sincronizado o no se puede comprobar:</numerusform><numerusform>%n datos de producto del borrador de LUX no coinciden con el catálogo sincronizado o no se pueden comprobar:</numerusform></translation>
    </message>
    <message>
        <source>Apply the draft anyway? They stay marked in the checks until you fix them.</source>
        <translation>¿Aplicar el borrador de todos modos? Quedan marcados en las comprobaciones hasta que los corrijas.</translation>
    </message>
    <message>
        <source>LUX draft</source>
        <translation>Borrador de LUX</translation>
    </message>
    <message>
        <source>LUX's draft is in the editor, not saved: review it, then save.</source>
        <translation>El borrador de LUX está en el editor, sin guardar: revísalo y guárdalo.</translation>
    </message>
    <message>
        <source>LUX is writing subject lines…</source>
        <translation>LUX está escribiendo asuntos…</translation>
    </message>
    <message>
        <source>Suggest Subject Lines</source>
        <translation>Sugerir asuntos</translation>
    </message>
    <message>
        <source>Pick one (you can edit it after):</source>
        <translation>Elige uno (puedes editarlo después):</translation>
    </message>
    <message>
        <source>Select the text LUX should rewrite first.</source>
        <translation>Selecciona primero el texto que LUX debe reescribir.</translation>
    </message>
    <message>
        <source>LUX is rewriting the selection…</source>
        <translation>LUX está reescribiendo la selección…</translation>
    </message>
    <message>
        <source>The text changed while LUX worked; its rewrite was not applied:

%1</source>
        <translation>El texto cambió mientras LUX trabajaba; no se aplicó su reescritura:

%1</translation>
    </message>
    <message>
        <source>Generate an Image</source>
        <translation>Generar una imagen</translation>
    </message>
    <message>
        <source>Describe the image (it goes into the media library and here, with alt text):</source>
        <translation>Describe la imagen (va a la biblioteca de medios y aquí, con texto alternativo):</translation>
    </message>
    <message>
        <source>LUX is making the image…</source>
        <translation>LUX está creando la imagen…</translation>
    </message>
    <message>
        <source>Product facts — %1</source>
        <translation>Datos de producto — %1</translation>
    </message>
    <message>
        <source>Insert an Image from the Media Library</source>
        <translation>Insertar una imagen de la biblioteca de medios</translation>
    </message>
</context>
<context>
    <name>lux::ui::TrackingSettings</name>
    <message>
        <source>lux-tracker is the small server you host that receives opens, clicks and one-click unsubscribes. The guide in docs/tracker.md sets it up in a few minutes.</source>
        <translation>lux-tracker es el pequeño servidor que alojas y que recibe aperturas, clics y bajas en un clic. La guía de docs/tracker.md lo pone en marcha en unos minutos.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>https://track.example.com</source>
        <translation>https://track.example.com</translation>
    </message>
    <message>
        <source>Not a web address: it must start with https://</source>
        <translation>No es una dirección web: debe empezar por https://</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Dirección:</translation>
    </message>
    <message>
        <source>The API token from the server's api-token file</source>
        <translation>El token de API del archivo api-token del servidor</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>API token:</source>
        <translation>Token de API:</translation>
    </message>
    <message>
        <source>New Key</source>
        <translation>Clave nueva</translation>
    </message>
    <message>
        <source>Adds a new signing key. Links in messages already sent keep working.</source>
        <translation>Añade una clave de firma nueva. Los enlaces de los mensajes ya enviados siguen funcionando.</translation>
    </message>
    <message>
        <source>Enter Keys…</source>
        <translation>Introducir claves…</translation>
    </message>
    <message>
        <source>Signing keys:</source>
        <translation>Claves de firma:</translation>
    </message>
    <message>
        <source>Signing Keys</source>
        <translation>Claves de firma</translation>
    </message>
    <message>
        <source>Test Connection</source>
        <translation>Probar la conexión</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <source>Sync Now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <source>While LUX runs, it pulls events every minute. Unsubscribes reach the suppression list at once; opens and clicks by image proxies and link scanners are kept apart from people's.</source>
        <translation>Mientras LUX está abierto, recoge los eventos cada minuto. Las bajas pasan a la lista de supresión al momento; las aperturas y clics de proxies de imágenes y analizadores de enlaces se separan de los de personas.</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message numerus="yes">
        <source>Synced just now: %n new event(s).</source>
        <translation><numerusform>Sincronizado ahora mismo: %n evento nuevo.</numerusform><numerusform>Sincronizado ahora mismo: %n eventos nuevos.</numerusform></translation>
    </message>
    <message>
        <source>An API token is saved in the keychain.</source>
        <translation>Hay un token de API guardado en el llavero.</translation>
    </message>
    <message>
        <source>No API token saved yet: events cannot be pulled and links not registered.</source>
        <translation>Aún no hay token de API guardado: no se pueden recoger eventos ni registrar enlaces.</translation>
    </message>
    <message>
        <source>The keychain cannot be read: %1</source>
        <translation>No se puede leer el llavero: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) in the keychain; key %1 signs.</source>
        <translation><numerusform>%n clave en el llavero; firma la clave %1.</numerusform><numerusform>%n claves en el llavero; firma la clave %1.</numerusform></translation>
    </message>
    <message>
        <source>Last synced %1.</source>
        <translation>Última sincronización: %1.</translation>
    </message>
    <message>
        <source>Not synced yet.</source>
        <translation>Aún sin sincronizar.</translation>
    </message>
    <message>
        <source>The token is at least 16 characters: copy the whole api-token file.</source>
        <translation>El token tiene al menos 16 caracteres: copia el archivo api-token entero.</translation>
    </message>
    <message>
        <source>The token was not saved: %1</source>
        <translation>El token no se guardó: %1</translation>
    </message>
    <message>
        <source>Nothing saved: %1</source>
        <translation>No se guardó nada: %1</translation>
    </message>
    <message>
        <source>The keys were not saved: %1</source>
        <translation>Las claves no se guardaron: %1</translation>
    </message>
    <message>
        <source>Signing Keys for the Server</source>
        <translation>Claves de firma para el servidor</translation>
    </message>
    <message>
        <source>Put these lines in the server's keys file (/etc/lux-tracker/keys) and restart lux-tracker. Until then, the links in new messages will not work.</source>
        <translation>Pon estas líneas en el archivo de claves del servidor (/etc/lux-tracker/keys) y reinicia lux-tracker. Hasta entonces, los enlaces de los mensajes nuevos no funcionarán.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Probando…</translation>
    </message>
    <message>
        <source>lux-tracker answers and accepts the API token.</source>
        <translation>lux-tracker responde y acepta el token de API.</translation>
    </message>
    <message>
        <source>With a server, every message carries a one-click unsubscribe link to it, tracked or not. Without one, messages carry an unsubscribe address by email to the sending mailbox, and opens and clicks are not tracked. The address is saved in this database; the token and keys stay in your keychain.</source>
        <translation>Con un servidor, cada mensaje lleva un enlace de baja con un clic hacia él, con seguimiento o sin él. Sin servidor, los mensajes llevan una dirección de baja por correo al buzón remitente, y no se siguen las aperturas ni los clics. La dirección se guarda en esta base de datos; el token y las claves se quedan en tu llavero.</translation>
    </message>
    <message>
        <source>Paste the contents of the server's keys file: one key a line, the first signs. If messages already went out without a server, give the server these keys instead (New Key shows them), or their unsubscribe addresses stop working.</source>
        <translation>Pega el contenido del archivo de claves del servidor: una clave por línea; la primera firma. Si ya salieron mensajes sin servidor, dale al servidor estas claves en su lugar (Clave nueva las muestra), o sus direcciones de baja dejarán de funcionar.</translation>
    </message>
    <message>
        <source>No signing keys yet: New Key makes them (without a server, LUX makes them when it first sends).</source>
        <translation>Aún no hay claves de firma: Clave nueva las crea (sin servidor, LUX las crea la primera vez que envía).</translation>
    </message>
</context>
<context>
    <name>lux::ui::UserDialog</name>
    <message>
        <source>Add User</source>
        <translation>Añadir usuario</translation>
    </message>
    <message>
        <source>Reset Password</source>
        <translation>Restablecer contraseña</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Miembro</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>New password for %1.</source>
        <translation>Nueva contraseña para %1.</translation>
    </message>
    <message>
        <source>Set Password</source>
        <translation>Establecer contraseña</translation>
    </message>
</context>
<context>
    <name>lux::ui::UsersModel</name>
    <message>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Miembro</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Último inicio de sesión</translation>
    </message>
</context>
<context>
    <name>luxctl</name>
    <message>
        <source>Created %1 (schema %2).</source>
        <translation>Se creó %1 (esquema %2).</translation>
    </message>
    <message>
        <source>%1 is ready (schema %2).</source>
        <translation>%1 está lista (esquema %2).</translation>
    </message>
    <message>
        <source>Updated from schema %1; the previous file was saved as %2.</source>
        <translation>Actualizada desde el esquema %1; el archivo anterior se guardó como %2.</translation>
    </message>
    <message>
        <source>Database:   %1
Schema:     %2 (this version: %3)
Size:       %4 bytes
Users:      %5
File system: %6</source>
        <translation>Base de datos:      %1
Esquema:            %2 (esta versión: %3)
Tamaño:             %4 bytes
Usuarios:           %5
Sistema de archivos: %6</translation>
    </message>
    <message>
        <source>Open for writing by process %1 on %2 (%3).</source>
        <translation>Abierta para escritura por el proceso %1 en %2 (%3).</translation>
    </message>
    <message>
        <source>%1 failed its integrity check:
%2</source>
        <translation>%1 no superó la comprobación de integridad:
%2</translation>
    </message>
    <message>
        <source>%1: integrity check passed.</source>
        <translation>%1: comprobación de integridad superada.</translation>
    </message>
    <message>
        <source>db backup needs exactly one argument: the file to write.</source>
        <translation>db backup necesita exactamente un argumento: el archivo que se va a escribir.</translation>
    </message>
    <message>
        <source>There is no database at %1.</source>
        <translation>No hay ninguna base de datos en %1.</translation>
    </message>
    <message>
        <source>The backup at %1 did not pass its integrity check.</source>
        <translation>La copia de seguridad en %1 no superó la comprobación de integridad.</translation>
    </message>
    <message>
        <source>Backed up %1 to %2.</source>
        <translation>Se copió %1 en %2.</translation>
    </message>
    <message>
        <source>db restore needs exactly one argument: the backup to restore.</source>
        <translation>db restore necesita exactamente un argumento: la copia que se va a restaurar.</translation>
    </message>
    <message>
        <source>Restored %1 from %2. The previous database was kept at %3.</source>
        <translation>Se restauró %1 desde %2. La base de datos anterior se conservó en %3.</translation>
    </message>
    <message>
        <source>db export needs exactly one argument: the file to write.</source>
        <translation>db export necesita exactamente un argumento: el archivo que se va a escribir.</translation>
    </message>
    <message>
        <source>Exported a copy of %1 to %2.</source>
        <translation>Se exportó una copia de %1 a %2.</translation>
    </message>
    <message>
        <source>Unknown command 'db %1'. Commands: init, info, check, backup, restore, export.</source>
        <translation>Orden desconocida «db %1». Órdenes: init, info, check, backup, restore, export.</translation>
    </message>
    <message>
        <source>Database file (default: $LUX_DB, else %1).</source>
        <translation>Archivo de base de datos (predeterminado: $LUX_DB; si no, %1).</translation>
    </message>
    <message>
        <source>Print one JSON object.</source>
        <translation>Imprime un único objeto JSON.</translation>
    </message>
    <message>
        <source>Log what happens to standard error.</source>
        <translation>Registra lo que ocurre en la salida de error estándar.</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Orden</translation>
    </message>
    <message>
        <source>Missing command.</source>
        <translation>Falta la orden.</translation>
    </message>
    <message>
        <source>Unknown command group '%1'.</source>
        <translation>Grupo de órdenes desconocido «%1».</translation>
    </message>
    <message>
        <source>Try 'luxctl --help'.</source>
        <translation>Prueba «luxctl --help».</translation>
    </message>
    <message>
        <source>warning: the restore was not written to the audit log: %1</source>
        <translation>aviso: la restauración no se anotó en el registro de auditoría: %1</translation>
    </message>
    <message>
        <source>contacts import needs exactly one argument: the CSV file.</source>
        <translation>contacts import necesita exactamente un argumento: el archivo CSV.</translation>
    </message>
    <message>
        <source>--preset takes auto, mailchimp, hubspot or generic.</source>
        <translation>--preset admite auto, mailchimp, hubspot o generic.</translation>
    </message>
    <message>
        <source>--map takes COLUMN=FIELD, not "%1".</source>
        <translation>--map admite COLUMNA=CAMPO, no «%1».</translation>
    </message>
    <message>
        <source>--on-duplicate takes skip, fill or overwrite.</source>
        <translation>--on-duplicate admite skip, fill u overwrite.</translation>
    </message>
    <message>
        <source>--encoding takes auto, utf-8, utf-16le, utf-16be or windows-1252.</source>
        <translation>--encoding admite auto, utf-8, utf-16le, utf-16be o windows-1252.</translation>
    </message>
    <message>
        <source>--delimiter takes , ; | or tab.</source>
        <translation>--delimiter admite , ; | o tab.</translation>
    </message>
    <message>
        <source>Importing… %1%</source>
        <translation>Importando… %1 %</translation>
    </message>
    <message>
        <source>Read %1 rows from %2: %3 imported, %4 duplicates (%5 updated), %6 rejected.</source>
        <translation>Leídas %1 filas de %2: %3 importadas, %4 duplicadas (%5 actualizadas), %6 rechazadas.</translation>
    </message>
    <message>
        <source>  line %1: %2</source>
        <translation>  línea %1: %2</translation>
    </message>
    <message>
        <source>  … and %1 more</source>
        <translation>  … y %1 más</translation>
    </message>
    <message>
        <source>Rejected rows with their reasons: %1</source>
        <translation>Filas rechazadas con sus motivos: %1</translation>
    </message>
    <message>
        <source>contacts export needs exactly one argument: the CSV file to write.</source>
        <translation>contacts export necesita exactamente un argumento: el archivo CSV que se va a escribir.</translation>
    </message>
    <message>
        <source>contacts export takes at most one --tag.</source>
        <translation>contacts export admite como mucho un --tag.</translation>
    </message>
    <message>
        <source>Exported %1 contacts to %2.</source>
        <translation>Se exportaron %1 contactos a %2.</translation>
    </message>
    <message>
        <source>contacts add needs exactly one argument: the email address.</source>
        <translation>contacts add necesita exactamente un argumento: la dirección de correo.</translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation>Se añadió %1.</translation>
    </message>
    <message>
        <source>contacts show needs exactly one argument: the email address.</source>
        <translation>contacts show necesita exactamente un argumento: la dirección de correo.</translation>
    </message>
    <message>
        <source>%1 %2 &lt;%3&gt;
Status: %4
Phone: %5
Company: %6
Tags: %7</source>
        <translation>%1 %2 &lt;%3&gt;
Estado: %4
Teléfono: %5
Empresa: %6
Etiquetas: %7</translation>
    </message>
    <message>
        <source>contacts count takes at most one --tag.</source>
        <translation>contacts count admite como mucho un --tag.</translation>
    </message>
    <message>
        <source>Country for phone numbers without a country code (default US).</source>
        <translation>País para los teléfonos sin prefijo de país (predeterminado: US).</translation>
    </message>
    <message>
        <source>segment save needs a name and --rules FILE.json.</source>
        <translation>segment save necesita un nombre y --rules ARCHIVO.json.</translation>
    </message>
    <message>
        <source>Saved segment "%1" (%2 contacts now).</source>
        <translation>Segmento «%1» guardado (%2 contactos ahora).</translation>
    </message>
    <message>
        <source>Unknown command 'segment %1'. Commands: save, list.</source>
        <translation>Orden desconocida «segment %1». Órdenes: save, list.</translation>
    </message>
    <message>
        <source>create the database, or update it to this version's schema</source>
        <translation>crea la base de datos o la actualiza al esquema de esta versión</translation>
    </message>
    <message>
        <source>path, schema, size, users, lock state</source>
        <translation>ruta, esquema, tamaño, usuarios, estado del bloqueo</translation>
    </message>
    <message>
        <source>run SQLite's integrity and foreign key checks</source>
        <translation>ejecuta las comprobaciones de integridad y de claves foráneas de SQLite</translation>
    </message>
    <message>
        <source>write a consistent copy while the database is in use</source>
        <translation>escribe una copia coherente mientras la base de datos está en uso</translation>
    </message>
    <message>
        <source>check IN, then replace the database with it (the current file is kept)</source>
        <translation>comprueba IN y luego reemplaza la base de datos por ella (se conserva el archivo actual)</translation>
    </message>
    <message>
        <source>a copy to share with a team (no machine-bound sign-in data)</source>
        <translation>una copia para compartir con un equipo (sin datos de inicio de sesión de este equipo)</translation>
    </message>
    <message>
        <source>import a CSV (Mailchimp, HubSpot or any columns)</source>
        <translation>importa un CSV (Mailchimp, HubSpot o cualquier columna)</translation>
    </message>
    <message>
        <source>contacts as CSV: all, or with --tag / --status / --segment / --search</source>
        <translation>contactos en CSV: todos, o con --tag / --status / --segment / --search</translation>
    </message>
    <message>
        <source>add one contact</source>
        <translation>añade un contacto</translation>
    </message>
    <message>
        <source>one contact's fields and tags</source>
        <translation>los campos y etiquetas de un contacto</translation>
    </message>
    <message>
        <source>how many contacts (with --tag / --status / --segment / --search)</source>
        <translation>cuántos contactos hay (con --tag / --status / --segment / --search)</translation>
    </message>
    <message>
        <source>save rules (docs/SEGMENTS.md) as a segment</source>
        <translation>guarda reglas (docs/SEGMENTS.md) como segmento</translation>
    </message>
    <message>
        <source>saved segments with their current counts</source>
        <translation>los segmentos guardados con sus recuentos actuales</translation>
    </message>
    <message>
        <source>LUX Marketing from the command line.</source>
        <translation>LUX Marketing desde la línea de órdenes.</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Órdenes:</translation>
    </message>
    <message>
        <source>Exit codes: 0 success, 1 failure, 2 wrong usage.</source>
        <translation>Códigos de salida: 0 éxito, 1 fallo, 2 uso incorrecto.</translation>
    </message>
    <message>
        <source>--channel takes email or sms.</source>
        <translation>--channel admite email o sms.</translation>
    </message>
    <message>
        <source>suppress %1 needs exactly one argument.</source>
        <translation>suppress %1 necesita exactamente un argumento.</translation>
    </message>
    <message>
        <source>%1 is now suppressed.</source>
        <translation>%1 queda suprimida.</translation>
    </message>
    <message>
        <source>%1 was already suppressed.</source>
        <translation>%1 ya estaba suprimida.</translation>
    </message>
    <message>
        <source>%1 addresses added, %2 already suppressed, %3 invalid.</source>
        <translation>%1 direcciones añadidas, %2 ya suprimidas, %3 no válidas.</translation>
    </message>
    <message>
        <source>(erased)</source>
        <translation>(borrada)</translation>
    </message>
    <message>
        <source>Unknown command 'suppress %1'. Commands: add, import, list.</source>
        <translation>Orden desconocida «suppress %1». Órdenes: add, import, list.</translation>
    </message>
    <message>
        <source>contacts forget needs exactly one argument: the email address.</source>
        <translation>contacts forget necesita exactamente un argumento: la dirección de correo.</translation>
    </message>
    <message>
        <source>Forgotten: the contact's data is erased and the address is suppressed as a hash.</source>
        <translation>Olvidado: se borraron los datos del contacto y la dirección queda suprimida como hash.</translation>
    </message>
    <message>
        <source>Unknown command 'contacts %1'. Commands: import, export, add, show, count, forget.</source>
        <translation>Orden desconocida «contacts %1». Órdenes: import, export, add, show, count, forget.</translation>
    </message>
    <message>
        <source>erase a contact; its address stays suppressed as a hash</source>
        <translation>borra un contacto; su dirección queda suprimida como hash</translation>
    </message>
    <message>
        <source>never contact this address (--channel email|sms)</source>
        <translation>no contactar nunca con esta dirección (--channel email|sms)</translation>
    </message>
    <message>
        <source>suppress every address in a CSV</source>
        <translation>suprime todas las direcciones de un CSV</translation>
    </message>
    <message>
        <source>the suppression list, newest first</source>
        <translation>la lista de supresión, las más recientes primero</translation>
    </message>
    <message>
        <source>save an HTML or Markdown template (a new version if it exists)</source>
        <translation>guarda una plantilla HTML o Markdown (una versión nueva si ya existe)</translation>
    </message>
    <message>
        <source>saved templates</source>
        <translation>las plantillas guardadas</translation>
    </message>
    <message>
        <source>merge for --contact EMAIL; --html OUT, --text OUT, --mime OUT</source>
        <translation>combina para --contact CORREO; --html SALIDA, --text SALIDA, --mime SALIDA</translation>
    </message>
    <message>
        <source>the pre-send checks; exit 1 when one blocks sending</source>
        <translation>las comprobaciones previas al envío; sale con 1 si alguna bloquea el envío</translation>
    </message>
    <message>
        <source>save a reusable block, included with {{&gt; NAME}}</source>
        <translation>guarda un bloque reutilizable, que se incluye con {{&gt; NOMBRE}}</translation>
    </message>
    <message>
        <source>save a brand kit (brand.* merge tags); --default</source>
        <translation>guarda un kit de marca (etiquetas brand.*); --default</translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text.</source>
        <translation>%1 no es texto UTF-8.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>template import needs a FILE and --name NAME.</source>
        <translation>template import necesita un ARCHIVO y --name NOMBRE.</translation>
    </message>
    <message>
        <source>Saved template "%1" (%2, version %3).</source>
        <translation>Plantilla "%1" guardada (%2, versión %3).</translation>
    </message>
    <message>
        <source>template %1 needs a template name or a file.</source>
        <translation>template %1 necesita el nombre de una plantilla o un archivo.</translation>
    </message>
    <message>
        <source>%1: no problems found.</source>
        <translation>%1: no se encontraron problemas.</translation>
    </message>
    <message>
        <source>--width takes a number of pixels from 200 to 2000.</source>
        <translation>--width admite un número de píxeles entre 200 y 2000.</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Asunto: %1</translation>
    </message>
    <message>
        <source>template component needs a NAME and a FILE.</source>
        <translation>template component necesita un NOMBRE y un ARCHIVO.</translation>
    </message>
    <message>
        <source>Saved component "%1"; include it with {{&gt; %1}}.</source>
        <translation>Componente "%1" guardado; inclúyelo con {{&gt; %1}}.</translation>
    </message>
    <message>
        <source>template brand needs a NAME and a FILE.json.</source>
        <translation>template brand necesita un NOMBRE y un ARCHIVO.json.</translation>
    </message>
    <message>
        <source>%1: not a JSON object (%2 at offset %3).</source>
        <translation>%1: no es un objeto JSON (%2 en la posición %3).</translation>
    </message>
    <message>
        <source>Saved brand kit "%1".</source>
        <translation>Kit de marca "%1" guardado.</translation>
    </message>
    <message>
        <source>Unknown command 'template %1'. Commands: import, list, render, check, component, brand.</source>
        <translation>Orden desconocida «template %1». Órdenes: import, list, render, check, component, brand.</translation>
    </message>
    <message>
        <source>Give the campaign's number, as printed by campaign create.</source>
        <translation>Indica el número de la campaña, tal como lo muestra campaign create.</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Aviso: %1</translation>
    </message>
    <message>
        <source>The pre-send checks stop this campaign: %1</source>
        <translation>Las comprobaciones previas al envío detienen esta campaña: %1</translation>
    </message>
    <message>
        <source>Usage: settings set KEY VALUE</source>
        <translation>Uso: settings set CLAVE VALOR</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>Sender %1: %2 a minute, %3 a day, %4 at once.</source>
        <translation>Remitente %1: %2 por minuto, %3 al día, %4 a la vez.</translation>
    </message>
    <message>
        <source>Unknown command 'sender %1'. Commands: add, list.</source>
        <translation>Orden desconocida 'sender %1'. Órdenes: add, list.</translation>
    </message>
    <message>
        <source>Campaign %1 created (draft).</source>
        <translation>Campaña %1 creada (borrador).</translation>
    </message>
    <message>
        <source>Campaign %1: %2</source>
        <translation>Campaña %1: %2</translation>
    </message>
    <message>
        <source>Campaign %1 is now %2.</source>
        <translation>La campaña %1 está ahora %2.</translation>
    </message>
    <message>
        <source>--at takes an ISO 8601 time, such as 2026-12-01T09:00:00+01:00.</source>
        <translation>--at lleva una hora ISO 8601, como 2026-12-01T09:00:00+01:00.</translation>
    </message>
    <message>
        <source>Campaign %1: %2 sent, %3 failed, %4 to decide, %5 waiting.</source>
        <translation>Campaña %1: %2 enviados, %3 fallidos, %4 por decidir, %5 en espera.</translation>
    </message>
    <message>
        <source>a mailbox to send from; --per-minute, --per-day, --concurrency</source>
        <translation>un buzón desde el que enviar; --per-minute, --per-day, --concurrency</translation>
    </message>
    <message>
        <source>send now through Microsoft Graph, until every recipient is settled</source>
        <translation>enviar ahora con Microsoft Graph, hasta resolver cada destinatario</translation>
    </message>
    <message>
        <source>Unknown command 'scheduler %1'. Commands: run.</source>
        <translation>Orden desconocida 'scheduler %1'. Órdenes: run.</translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s) run.</source>
        <translation><numerusform>%n campaña ejecutada.</numerusform><numerusform>%n campañas ejecutadas.</numerusform></translation>
    </message>
    <message>
        <source>send scheduled campaigns when due, without a window; --until-idle</source>
        <translation>enviar las campañas programadas a su hora, sin ventana; --until-idle</translation>
    </message>
    <message>
        <source>Give the secret on standard input.</source>
        <translation>Indica el secreto por la entrada estándar.</translation>
    </message>
    <message>
        <source>The pre-send checks have warnings (above): read them, then add --accept-warnings.</source>
        <translation>Las comprobaciones previas tienen avisos (arriba): léelos y añade --accept-warnings.</translation>
    </message>
    <message numerus="yes">
        <source>%n failed recipient(s) will be sent again.</source>
        <translation><numerusform>%n destinatario fallido se enviará de nuevo.</numerusform><numerusform>%n destinatarios fallidos se enviarán de nuevo.</numerusform></translation>
    </message>
    <message>
        <source>Give one to five addresses with --to.</source>
        <translation>Indica de una a cinco direcciones con --to.</translation>
    </message>
    <message>
        <source>“%1” is not an email address: %2</source>
        <translation>«%1» no es una dirección de correo: %2</translation>
    </message>
    <message>
        <source>Test sent to %1.</source>
        <translation>Prueba enviada a %1.</translation>
    </message>
    <message>
        <source>Campaign %1 is scheduled for %2%3.</source>
        <translation>La campaña %1 está programada para el %2%3.</translation>
    </message>
    <message>
        <source> in each recipient's time zone</source>
        <translation> en la zona horaria de cada destinatario</translation>
    </message>
    <message>
        <source>send a test of the campaign to up to five addresses</source>
        <translation>envía una prueba de la campaña a hasta cinco direcciones</translation>
    </message>
    <message>
        <source>lux-tracker at %1 answers and accepts the API token.</source>
        <translation>lux-tracker en %1 responde y acepta el token de API.</translation>
    </message>
    <message>
        <source>Unknown command 'tracker %1'. Commands: sync, test, new-key.</source>
        <translation>Orden desconocida 'tracker %1'. Órdenes: sync, test, new-key.</translation>
    </message>
    <message>
        <source>%1: %2 sent, %3 failed; opened by %4 people (%5 %) and %6 machines; clicked by %7 people (click-to-open %8 %); %9 unsubscribed.</source>
        <translation>%1: %2 enviados, %3 fallidos; abierto por %4 personas (%5 %) y %6 máquinas; clics de %7 personas (clics sobre aperturas %8 %); %9 bajas.</translation>
    </message>
    <message>
        <source>opens, clicks and unsubscribes, people and machines apart; --json, --csv OUT</source>
        <translation>aperturas, clics y bajas, personas y máquinas por separado; --json, --csv OUT</translation>
    </message>
    <message>
        <source>pull opens, clicks and unsubscribes from lux-tracker</source>
        <translation>recoge aperturas, clics y bajas de lux-tracker</translation>
    </message>
    <message>
        <source>check that lux-tracker answers and accepts the API token</source>
        <translation>comprueba que lux-tracker responde y acepta el token de API</translation>
    </message>
    <message>
        <source>a new signing key in the keychain, printed for the server's key file</source>
        <translation>una clave de firma nueva en el llavero, impresa para el archivo de claves del servidor</translation>
    </message>
    <message>
        <source>The pre-send warnings were read.</source>
        <translation>Los avisos previos al envío se han leído.</translation>
    </message>
    <message>
        <source>The campaign's name.</source>
        <translation>El nombre de la campaña.</translation>
    </message>
    <message>
        <source>The template's name.</source>
        <translation>El nombre de la plantilla.</translation>
    </message>
    <message>
        <source>The subject line (merge tags allowed).</source>
        <translation>El asunto (admite etiquetas de combinación).</translation>
    </message>
    <message>
        <source>The preheader shown after the subject.</source>
        <translation>El texto de vista previa que se muestra tras el asunto.</translation>
    </message>
    <message>
        <source>The mailbox it is sent from (see sender add).</source>
        <translation>El buzón desde el que se envía (ver sender add).</translation>
    </message>
    <message>
        <source>The sender's display name.</source>
        <translation>El nombre visible del remitente.</translation>
    </message>
    <message>
        <source>Where replies go.</source>
        <translation>Adónde van las respuestas.</translation>
    </message>
    <message>
        <source>Another mailbox to share the sending (repeatable).</source>
        <translation>Otro buzón que comparte el envío (repetible).</translation>
    </message>
    <message>
        <source>Send to contacts with this tag (repeatable).</source>
        <translation>Envía a los contactos con esta etiqueta (repetible).</translation>
    </message>
    <message>
        <source>Send to this saved segment (repeatable).</source>
        <translation>Envía a este segmento guardado (repetible).</translation>
    </message>
    <message>
        <source>Leave out contacts with this tag (repeatable).</source>
        <translation>Excluye los contactos con esta etiqueta (repetible).</translation>
    </message>
    <message>
        <source>Leave out this segment (repeatable).</source>
        <translation>Excluye este segmento (repetible).</translation>
    </message>
    <message>
        <source>When (ISO 8601; default now).</source>
        <translation>Cuándo (ISO 8601; por defecto, ahora).</translation>
    </message>
    <message>
        <source>--at's date and time in each recipient's time zone.</source>
        <translation>La fecha y hora de --at en la zona horaria de cada destinatario.</translation>
    </message>
    <message>
        <source>An address to send the test to (repeatable, at most 5).</source>
        <translation>Una dirección a la que enviar la prueba (repetible, 5 como máximo).</translation>
    </message>
    <message>
        <source>Also write it as CSV to OUT.</source>
        <translation>Escríbelo también como CSV en OUT.</translation>
    </message>
    <message>
        <source>Messages a minute (default 30).</source>
        <translation>Mensajes por minuto (por defecto 30).</translation>
    </message>
    <message>
        <source>Recipients in any 24 hours (default 10000).</source>
        <translation>Destinatarios en cualesquiera 24 horas (por defecto 10000).</translation>
    </message>
    <message>
        <source>Requests at once, 1 to 4 (default 4).</source>
        <translation>Peticiones a la vez, de 1 a 4 (por defecto 4).</translation>
    </message>
    <message>
        <source>Stop when no job is due.</source>
        <translation>Para cuando no queda ningún trabajo pendiente.</translation>
    </message>
    <message>
        <source>Campaign %1 was already sent: nothing to do.</source>
        <translation>La campaña %1 ya se envió: no hay nada que hacer.</translation>
    </message>
    <message>
        <source>Try 'luxctl %1 --help'.</source>
        <translation>Prueba «luxctl %1 --help».</translation>
    </message>
    <message>
        <source>print a setting's value</source>
        <translation>muestra el valor de un ajuste</translation>
    </message>
    <message>
        <source>the mailboxes to send from</source>
        <translation>los buzones desde los que se envía</translation>
    </message>
    <message>
        <source>run the pre-send checks, then send at --at (default now) through the scheduler</source>
        <translation>pasa las comprobaciones previas y envía en --at (por defecto, ahora) mediante el planificador</translation>
    </message>
    <message>
        <source>status and outbox counts</source>
        <translation>estado y recuentos de la bandeja de salida</translation>
    </message>
    <message>
        <source>stop sending for now; resume goes on where it stopped</source>
        <translation>detiene el envío por ahora; resume sigue donde se quedó</translation>
    </message>
    <message>
        <source>go on sending a paused campaign</source>
        <translation>sigue enviando una campaña en pausa</translation>
    </message>
    <message>
        <source>stop for good: nothing more is sent</source>
        <translation>detiene del todo: no se envía nada más</translation>
    </message>
    <message>
        <source>send again to the recipients that failed</source>
        <translation>vuelve a enviar a los destinatarios que fallaron</translation>
    </message>
    <message>
        <source>auto, mailchimp, hubspot or generic column names.</source>
        <translation>nombres de columna auto, mailchimp, hubspot o generic.</translation>
    </message>
    <message>
        <source>Map a column to a field (repeatable), e.g. --map "E-mail"=email, --map Notes=custom:notes, --map Fax=ignore.</source>
        <translation>Asigna una columna a un campo (repetible), p. ej. --map "E-mail"=email, --map Notas=custom:notas, --map Fax=ignore.</translation>
    </message>
    <message>
        <source>Tag every imported contact (repeatable).</source>
        <translation>Etiqueta cada contacto importado (repetible).</translation>
    </message>
    <message>
        <source>skip (default), fill empty fields, or overwrite.</source>
        <translation>skip (predeterminado), fill rellena los campos vacíos u overwrite sobrescribe.</translation>
    </message>
    <message>
        <source>Write rejected rows with line and reason to this CSV.</source>
        <translation>Escribe las filas rechazadas, con línea y motivo, en este CSV.</translation>
    </message>
    <message>
        <source>auto (default), utf-8, utf-16le, utf-16be or windows-1252.</source>
        <translation>auto (predeterminado), utf-8, utf-16le, utf-16be o windows-1252.</translation>
    </message>
    <message>
        <source>, ; | or tab (default: sniffed).</source>
        <translation>, ; | o tab (predeterminado: se detecta).</translation>
    </message>
    <message>
        <source>The consent basis; each new contact gets a consent record with it.</source>
        <translation>La base del consentimiento; cada contacto nuevo recibe un registro de consentimiento con ella.</translation>
    </message>
    <message>
        <source>Unmapped columns become custom fields.</source>
        <translation>Las columnas sin asignar se convierten en campos personalizados.</translation>
    </message>
    <message>
        <source>Only contacts with this tag.</source>
        <translation>Solo los contactos con esta etiqueta.</translation>
    </message>
    <message>
        <source>Only contacts with this status.</source>
        <translation>Solo los contactos con este estado.</translation>
    </message>
    <message>
        <source>Only contacts in this saved segment.</source>
        <translation>Solo los contactos de este segmento guardado.</translation>
    </message>
    <message>
        <source>Only contacts whose email, name or company has words starting with these.</source>
        <translation>Solo los contactos cuyo correo, nombre o empresa tiene palabras que empiezan así.</translation>
    </message>
    <message>
        <source>First name.</source>
        <translation>Nombre.</translation>
    </message>
    <message>
        <source>Last name.</source>
        <translation>Apellidos.</translation>
    </message>
    <message>
        <source>Phone number.</source>
        <translation>Número de teléfono.</translation>
    </message>
    <message>
        <source>Company.</source>
        <translation>Empresa.</translation>
    </message>
    <message>
        <source>email (default) or sms.</source>
        <translation>email (predeterminado) o sms.</translation>
    </message>
    <message>
        <source>Why (default manual).</source>
        <translation>El motivo (predeterminado: manual).</translation>
    </message>
    <message>
        <source>The JSON file with the rules.</source>
        <translation>El archivo JSON con las reglas.</translation>
    </message>
    <message>
        <source>'luxctl GROUP COMMAND --help' shows that command's options.</source>
        <translation>«luxctl GRUPO ORDEN --help» muestra las opciones de esa orden.</translation>
    </message>
    <message>
        <source>Command group: %1</source>
        <translation>Grupo de órdenes: %1</translation>
    </message>
    <message>
        <source>Commands: %1.</source>
        <translation>Órdenes: %1.</translation>
    </message>
    <message>
        <source>Unknown command '%1'. Commands: %2.</source>
        <translation>Orden desconocida «%1». Órdenes: %2.</translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation>Uso: %1</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Opciones:</translation>
    </message>
    <message>
        <source>Global options:</source>
        <translation>Opciones generales:</translation>
    </message>
    <message>
        <source>html or markdown (default: from the file name).</source>
        <translation>html o markdown (por defecto: según el nombre del archivo).</translation>
    </message>
    <message>
        <source>Merge for this contact.</source>
        <translation>Combina para este contacto.</translation>
    </message>
    <message>
        <source>Write the HTML part here.</source>
        <translation>Escribe aquí la parte HTML.</translation>
    </message>
    <message>
        <source>Write the text part here.</source>
        <translation>Escribe aquí la parte de texto.</translation>
    </message>
    <message>
        <source>Write the whole message (RFC 5322, MIME) here.</source>
        <translation>Escribe aquí el mensaje completo (RFC 5322, MIME).</translation>
    </message>
    <message>
        <source>With --mime: the sender, as "Name &lt;address&gt;" or an address.</source>
        <translation>Con --mime: el remitente, como "Nombre &lt;dirección&gt;" o una dirección.</translation>
    </message>
    <message>
        <source>Write the preview as a PNG here (remote images blocked).</source>
        <translation>Escribe aquí la vista previa como PNG (imágenes remotas bloqueadas).</translation>
    </message>
    <message>
        <source>With --png: the width in pixels (600, 800 or 375 for a phone).</source>
        <translation>Con --png: el ancho en píxeles (600, 800 o 375 para un móvil).</translation>
    </message>
    <message>
        <source>Make this the default brand kit.</source>
        <translation>Convierte este kit de marca en el predeterminado.</translation>
    </message>
    <message>
        <source>The rotated Microsoft sign-in could not be kept: %1</source>
        <translation>No se pudo guardar el inicio de sesión de Microsoft renovado: %1</translation>
    </message>
    <message>
        <source>Campaign %1 waits: %2. The scheduler tries again in a minute.</source>
        <translation>La campaña %1 espera: %2. El programador lo vuelve a intentar dentro de un minuto.</translation>
    </message>
    <message>
        <source>Campaign %1 is %2: nothing to send.</source>
        <translation>La campaña %1 está %2: no hay nada que enviar.</translation>
    </message>
    <message>
        <source>yours, on this computer</source>
        <translation>tuyo, en este equipo</translation>
    </message>
    <message>
        <source>the database's, shared with it</source>
        <translation>de la base de datos, compartido con ella</translation>
    </message>
    <message>
        <source>yours, for this database</source>
        <translation>tuyo, para esta base de datos</translation>
    </message>
    <message>
        <source>(no database)</source>
        <translation>(sin base de datos)</translation>
    </message>
    <message>
        <source>Saved in the keychain for %1.</source>
        <translation>Guardado en el llavero para %1.</translation>
    </message>
    <message>
        <source>Unknown setting '%1'; `luxctl settings list` shows them all.</source>
        <translation>Ajuste desconocido «%1»; `luxctl settings list` los muestra todos.</translation>
    </message>
    <message>
        <source>%1 = %2 (in %3)</source>
        <translation>%1 = %2 (en %3)</translation>
    </message>
    <message>
        <source>The database is open for writing elsewhere; pull the tracker's events there.</source>
        <translation>La base de datos está abierta para escritura en otro lugar; recoge allí los eventos del tracker.</translation>
    </message>
    <message>
        <source>every setting with its scope (yours, or the database's) and value</source>
        <translation>cada ajuste con su ámbito (tuyo o de la base de datos) y su valor</translation>
    </message>
    <message>
        <source>graph.tenant, graph.client_id, graph.base_url, graph.authority_url, tracker.url (kept in the database), …</source>
        <translation>graph.tenant, graph.client_id, graph.base_url, graph.authority_url, tracker.url (guardados en la base de datos), …</translation>
    </message>
    <message>
        <source>graph.client_secret, tracker.api_token or tracking.keys into the keychain for this database, from standard input</source>
        <translation>graph.client_secret, tracker.api_token o tracking.keys al llavero para esta base de datos, desde la entrada estándar</translation>
    </message>
    <message>
        <source>Read-only: %1; LUX opens it for viewing only.</source>
        <translation>Solo lectura: %1; LUX la abre solo para consulta.</translation>
    </message>
    <message>
        <source>Only this kind (hard-bounce, soft-bounce, auto-reply, unsubscribe, reply, other).</source>
        <translation>Solo este tipo (hard-bounce, soft-bounce, auto-reply, unsubscribe, reply, other).</translation>
    </message>
    <message>
        <source>Only those about this campaign.</source>
        <translation>Solo los de esta campaña.</translation>
    </message>
    <message>
        <source>Only those of the contact with this address.</source>
        <translation>Solo los del contacto con esta dirección.</translation>
    </message>
    <message>
        <source>At most N, newest first (default 100).</source>
        <translation>Como mucho N, los más recientes primero (100 por defecto).</translation>
    </message>
    <message>
        <source>The database is open for writing elsewhere; read the mailboxes there.</source>
        <translation>La base de datos está abierta para escritura en otro sitio; lee los buzones allí.</translation>
    </message>
    <message>
        <source>No sender mailbox to read.</source>
        <translation>No hay buzón remitente que leer.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n message(s) read, last look %2</source>
        <translation><numerusform>%1: %n mensaje leído, última lectura %2</numerusform><numerusform>%1: %n mensajes leídos, última lectura %2</numerusform></translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>No sender mailbox was read yet.</source>
        <translation>Aún no se ha leído ningún buzón remitente.</translation>
    </message>
    <message>
        <source>--kind must be one of %1, not “%2”.</source>
        <translation>--kind debe ser uno de %1, no «%2».</translation>
    </message>
    <message>
        <source>--campaign takes a campaign id, not “%1”.</source>
        <translation>--campaign espera un id de campaña, no «%1».</translation>
    </message>
    <message>
        <source>--limit takes a number above 0, not “%1”.</source>
        <translation>--limit espera un número mayor que 0, no «%1».</translation>
    </message>
    <message>
        <source>There is no contact with the email %1.</source>
        <translation>No hay ningún contacto con el correo %1.</translation>
    </message>
    <message>
        <source>Nothing was read.</source>
        <translation>No se ha leído nada.</translation>
    </message>
    <message>
        <source>Unknown command 'mailbox %1'. Commands: read, status, messages.</source>
        <translation>Comando desconocido 'mailbox %1'. Comandos: read, status, messages.</translation>
    </message>
    <message>
        <source>read bounces, replies and unsubscribe mails from the sender mailboxes' Inbox once</source>
        <translation>leer una vez los rebotes, respuestas y correos de baja de la bandeja de entrada de los buzones remitentes</translation>
    </message>
    <message>
        <source>each sender mailbox: when it was last read, messages read, the last problem</source>
        <translation>cada buzón remitente: cuándo se leyó por última vez, mensajes leídos, el último problema</translation>
    </message>
    <message>
        <source>what was read: --kind hard-bounce|soft-bounce|auto-reply|unsubscribe|reply|other, --campaign ID, --contact EMAIL, --limit N</source>
        <translation>lo que se ha leído: --kind hard-bounce|soft-bounce|auto-reply|unsubscribe|reply|other, --campaign ID, --contact EMAIL, --limit N</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) read (bounces: %1, unsubscribes: %2, replies: %3).</source>
        <translation><numerusform>%n mensaje leído (rebotes: %1, bajas: %2, respuestas: %3).</numerusform><numerusform>%n mensajes leídos (rebotes: %1, bajas: %2, respuestas: %3).</numerusform></translation>
    </message>
    <message>
        <source>With --png: show local images from anywhere this account can read (by default only from the template file's folder).</source>
        <translation>Con --png: muestra imágenes locales de cualquier lugar que esta cuenta pueda leer (por defecto, solo de la carpeta del archivo de la plantilla).</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>aviso: %1</translation>
    </message>
    <message>
        <source>Opens and clicks: person (each recipient's, the default), anonymous (counts per link and day only) or off.</source>
        <translation>Aperturas y clics: person (las de cada destinatario, por defecto), anonymous (solo recuentos por enlace y día) u off.</translation>
    </message>
    <message>
        <source>--tracking is person, anonymous or off.</source>
        <translation>--tracking es person, anonymous u off.</translation>
    </message>
    <message>
        <source>%1: %2 sent, %3 failed; counted anonymously: %4 opens by people and %5 by machines, %6 clicks by people and %7 by machines; %8 unsubscribed.</source>
        <translation>%1: %2 enviados, %3 fallidos; contado de forma anónima: %4 aperturas de personas y %5 de máquinas, %6 clics de personas y %7 de máquinas; %8 bajas.</translation>
    </message>
    <message>
        <source>email (the default) or sms.</source>
        <translation>email (por defecto) o sms.</translation>
    </message>
    <message>
        <source>sms: the text (merge tags allowed); it must start with the sender's name.</source>
        <translation>sms: el texto (se admiten etiquetas de combinación); debe empezar por el nombre del remitente.</translation>
    </message>
    <message>
        <source>The moment to ask about (ISO 8601; default now).</source>
        <translation>El momento por el que se pregunta (ISO 8601; por defecto, ahora).</translation>
    </message>
    <message>
        <source>--channel is email or sms.</source>
        <translation>--channel es email o sms.</translation>
    </message>
    <message>
        <source>An SMS campaign needs its text: --body TEXT.</source>
        <translation>Una campaña de SMS necesita su texto: --body TEXTO.</translation>
    </message>
    <message>
        <source>campaign plan is for SMS campaigns: email has no quiet hours.</source>
        <translation>campaign plan es para campañas de SMS: el correo no tiene horario de silencio.</translation>
    </message>
    <message>
        <source>--at takes an ISO 8601 time, such as 2026-12-01T09:00:00-05:00.</source>
        <translation>--at admite una hora ISO 8601, como 2026-12-01T09:00:00-05:00.</translation>
    </message>
    <message>
        <source>At %1: %2 may be texted now, %3 wait for their window%4.</source>
        <translation>A las %1: %2 pueden recibir el SMS ya, %3 esperan a su franja%4.</translation>
    </message>
    <message>
        <source> (the last until %1)</source>
        <translation> (el último hasta %1)</translation>
    </message>
    <message>
        <source>Campaign %1: %2 sent, %3 failed, %4 to decide; %5 wait for their recipients' hours, the first until %6 (the scheduler sends them).</source>
        <translation>Campaña %1: %2 enviados, %3 fallidos, %4 por decidir; %5 esperan al horario de sus destinatarios, el primero hasta %6 (el programador los envía).</translation>
    </message>
    <message>
        <source>Unknown command 'campaign %1'. Commands: create, schedule, send, test, status, plan, report, pause, resume, cancel, retry-failed.</source>
        <translation>Orden desconocida «campaign %1». Órdenes: create, schedule, send, test, status, plan, report, pause, resume, cancel, retry-failed.</translation>
    </message>
    <message>
        <source>--name --template --subject --from [--tag] [--segment] [--exclude-tag] …, or --channel sms --name --body --from</source>
        <translation>--name --template --subject --from [--tag] [--segment] [--exclude-tag] …, o --channel sms --name --body --from</translation>
    </message>
    <message>
        <source>when each recipient of an SMS campaign may be texted (quiet hours)</source>
        <translation>cuándo puede recibir el SMS cada destinatario de una campaña de SMS (horario de silencio)</translation>
    </message>
    <message>
        <source>the numbers or Messaging Services texts go from, with their pace</source>
        <translation>los números o servicios de mensajería desde los que salen los SMS, con su ritmo</translation>
    </message>
    <message>
        <source>how Twilio splits a text: encoding, segments, units, the characters that force UCS-2</source>
        <translation>cómo divide Twilio un texto: codificación, segmentos, unidades y los caracteres que obligan a usar UCS-2</translation>
    </message>
    <message>
        <source>The SMS consent text people agreed to; every imported number gets SMS consent with it and the file as its source.</source>
        <translation>El texto de consentimiento de SMS que la gente aceptó; cada número importado recibe el consentimiento de SMS con él y el archivo como origen.</translation>
    </message>
    <message numerus="yes">
        <source>GSM-7: %n segment(s), %1 septets (%2 a segment), %3 left in the last one.</source>
        <translation><numerusform>GSM-7: %n segmento, %1 septetos (%2 por segmento), quedan %3 en el último.</numerusform><numerusform>GSM-7: %n segmentos, %1 septetos (%2 por segmento), quedan %3 en el último.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>UCS-2: %n segment(s), %1 UTF-16 units (%2 a segment), %3 left in the last one.</source>
        <translation><numerusform>UCS-2: %n segmento, %1 unidades UTF-16 (%2 por segmento), quedan %3 en el último.</numerusform><numerusform>UCS-2: %n segmentos, %1 unidades UTF-16 (%2 por segmento), quedan %3 en el último.</numerusform></translation>
    </message>
    <message>
        <source>Forcing UCS-2: %1</source>
        <translation>Obligan a usar UCS-2: %1</translation>
    </message>
    <message>
        <source>Give the text as one argument (in quotes), or - to read it from standard input.</source>
        <translation>Indica el texto como un solo argumento (entre comillas), o - para leerlo de la entrada estándar.</translation>
    </message>
    <message>
        <source>Cannot read standard input.</source>
        <translation>No se puede leer la entrada estándar.</translation>
    </message>
    <message>
        <source>Messages a second (default by kind: long code 1, toll-free 3, short code 100, service 10).</source>
        <translation>Mensajes por segundo (por defecto según el tipo: código largo 1, gratuito 3, código corto 100, servicio 10).</translation>
    </message>
    <message>
        <source>Texts in any 24 hours (default 10000).</source>
        <translation>SMS en cualquier periodo de 24 horas (por defecto 10000).</translation>
    </message>
    <message>
        <source>Requests at once, 1 to 32 (default 4).</source>
        <translation>Solicitudes simultáneas, de 1 a 32 (por defecto 4).</translation>
    </message>
    <message>
        <source>long-code, toll-free, short-code or service (default: from the number).</source>
        <translation>long-code, toll-free, short-code o service (por defecto: según el número).</translation>
    </message>
    <message>
        <source>--per-second, --per-day and --concurrency take whole numbers above 0.</source>
        <translation>--per-second, --per-day y --concurrency admiten números enteros mayores que 0.</translation>
    </message>
    <message>
        <source>Sending number %1 (%2): %3 a second, %4 a day, %5 at once.</source>
        <translation>Número de envío %1 (%2): %3 por segundo, %4 al día, %5 a la vez.</translation>
    </message>
    <message>
        <source>%1 no longer sends texts.</source>
        <translation>%1 ya no envía SMS.</translation>
    </message>
    <message>
        <source>%1 (%2): %3 a second</source>
        <translation>%1 (%2): %3 por segundo</translation>
    </message>
    <message>
        <source>Usage: sms sender add NUMBER [--per-second N] [--per-day N] [--concurrency N] [--kind KIND] | sms sender list | sms sender remove NUMBER</source>
        <translation>Uso: sms sender add NÚMERO [--per-second N] [--per-day N] [--concurrency N] [--kind TIPO] | sms sender list | sms sender remove NÚMERO</translation>
    </message>
    <message>
        <source>Unknown command 'sms %1'.</source>
        <translation>Orden desconocida «sms %1».</translation>
    </message>
    <message>
        <source>Give the question as one argument, in quotes.</source>
        <translation>Da la pregunta como un solo argumento, entre comillas.</translation>
    </message>
    <message>
        <source>--conversation takes a conversation's number.</source>
        <translation>--conversation necesita el número de una conversación.</translation>
    </message>
    <message>
        <source>Sending: your question and what the tools read, contacts' own data included (allowed for this conversation).</source>
        <translation>Se envía: tu pregunta y lo que leen las herramientas, con los datos propios de los contactos (permitido en esta conversación).</translation>
    </message>
    <message>
        <source>Sending: your question and aggregates from your data; no contact's personal data.</source>
        <translation>Se envía: tu pregunta y datos agregados; ningún dato personal de contactos.</translation>
    </message>
    <message>
        <source>Conversation %1; continue it with --conversation %1.</source>
        <translation>Conversación %1; continúala con --conversation %1.</translation>
    </message>
    <message>
        <source>Give --brief "what the email is for" and --template-name NAME.</source>
        <translation>Da --brief "para qué es el correo" y --template-name NOMBRE.</translation>
    </message>
    <message>
        <source>There is already a template named “%1”: choose another name for the draft.</source>
        <translation>Ya hay una plantilla llamada «%1»: elige otro nombre para el borrador.</translation>
    </message>
    <message>
        <source>Drafting with %1 …</source>
        <translation>Redactando con %1 …</translation>
    </message>
    <message numerus="yes">
        <source>The draft was not saved: %n product fact(s) do not match the catalogue or cannot be checked. Look at them, then run again with --accept-unverified to save it anyway:
%1</source>
        <translation><numerusform>No se guardó el borrador: %n dato de producto no coincide con el catálogo o no se puede comprobar. Revísalo y vuelve a ejecutar con --accept-unverified para guardarlo de todos modos:
%1</numerusform><numerusform>No se guardó el borrador: %n datos de producto no coinciden con el catálogo o no se pueden comprobar. Revísalos y vuelve a ejecutar con --accept-unverified para guardarlo de todos modos:
%1</numerusform></translation>
    </message>
    <message>
        <source>Saved the draft as the template “%1” (subject: %2).</source>
        <translation>Borrador guardado como la plantilla «%1» (asunto: %2).</translation>
    </message>
    <message>
        <source>LUX's notes: %1</source>
        <translation>Notas de LUX: %1</translation>
    </message>
    <message>
        <source>Give the image's description as one argument, in quotes.</source>
        <translation>Da la descripción de la imagen como un solo argumento, entre comillas.</translation>
    </message>
    <message>
        <source>Say where the image goes: --out FILE.png, --library, or both.</source>
        <translation>Indica adónde va la imagen: --out ARCHIVO.png, --library o ambos.</translation>
    </message>
    <message>
        <source>Image of %1×%2 made.</source>
        <translation>Imagen de %1×%2 creada.</translation>
    </message>
    <message>
        <source>Written to %1.</source>
        <translation>Escrita en %1.</translation>
    </message>
    <message>
        <source>In the media library as %1.</source>
        <translation>En la biblioteca de medios como %1.</translation>
    </message>
    <message>
        <source>--month takes a month as YYYY-MM.</source>
        <translation>--month necesita un mes como AAAA-MM.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n request(s), %2 prompt tokens (%3 cached), %4 completion tokens, %5 image(s); %6 without usage.</source>
        <translation><numerusform>%1: %n petición, %2 tokens de entrada (%3 en caché), %4 tokens de respuesta, %5 imágenes; %6 sin uso.</numerusform><numerusform>%1: %n peticiones, %2 tokens de entrada (%3 en caché), %4 tokens de respuesta, %5 imágenes; %6 sin uso.</numerusform></translation>
    </message>
    <message>
        <source>Write the image (PNG) here.</source>
        <translation>Escribe aquí la imagen (PNG).</translation>
    </message>
    <message>
        <source>Keep it in the media library (use it in a template as cid:media-ID).</source>
        <translation>Guárdala en la biblioteca de medios (úsala en una plantilla como cid:media-ID).</translation>
    </message>
    <message>
        <source>The size the model takes (1024x1024, 1536x1024 …).</source>
        <translation>El tamaño que admite el modelo (1024x1024, 1536x1024 …).</translation>
    </message>
    <message>
        <source>Another image model than openai.image_model.</source>
        <translation>Otro modelo de imágenes distinto de openai.image_model.</translation>
    </message>
    <message>
        <source>The month (default: this one).</source>
        <translation>El mes (por defecto: este).</translation>
    </message>
    <message>
        <source>Let the assistant read contacts' own data (names, addresses) in this conversation.</source>
        <translation>Permite que el asistente lea los datos propios de los contactos (nombres, direcciones) en esta conversación.</translation>
    </message>
    <message>
        <source>Continue this conversation.</source>
        <translation>Continúa esta conversación.</translation>
    </message>
    <message>
        <source>What the email is for, in your words.</source>
        <translation>Para qué es el correo, con tus palabras.</translation>
    </message>
    <message>
        <source>The new template's name.</source>
        <translation>El nombre de la plantilla nueva.</translation>
    </message>
    <message>
        <source>Save even when a price, product name or SKU is not confirmed by the catalogue.</source>
        <translation>Guarda aunque el catálogo no confirme un precio, un nombre de producto o un SKU.</translation>
    </message>
    <message>
        <source>Unknown assistant command “%1”.</source>
        <translation>Orden de assistant desconocida «%1».</translation>
    </message>
    <message>
        <source>Unknown ai command “%1”.</source>
        <translation>Orden de ai desconocida «%1».</translation>
    </message>
    <message>
        <source>Usage: settings secret graph.client_secret|tracker.api_token|tracking.keys|twilio.auth_token|twilio.api_key_secret|openai.api_key|woo.consumer_key|woo.consumer_secret (the value on standard input)</source>
        <translation>Uso: settings secret graph.client_secret|tracker.api_token|tracking.keys|twilio.auth_token|twilio.api_key_secret|openai.api_key|woo.consumer_key|woo.consumer_secret (el valor por la entrada estándar)</translation>
    </message>
    <message>
        <source>ask LUX; the answer streams here, grounded in your data (--json: answer, tools used, usage)</source>
        <translation>pregunta a LUX; la respuesta llega aquí según se escribe, basada en tus datos (--json: respuesta, herramientas usadas, uso)</translation>
    </message>
    <message>
        <source>a new template from --brief, saved as --template-name after the pre-send checks and the product-fact guard</source>
        <translation>una plantilla nueva a partir de --brief, guardada como --template-name tras las comprobaciones previas al envío y el control de datos de producto</translation>
    </message>
    <message>
        <source>an image from a description: --out FILE.png and/or --library</source>
        <translation>una imagen a partir de una descripción: --out ARCHIVO.png y/o --library</translation>
    </message>
    <message>
        <source>this month's requests and tokens from the usage ledger (--month YYYY-MM)</source>
        <translation>las peticiones y los tokens de este mes según el registro de uso (--month AAAA-MM)</translation>
    </message>
    <message>
        <source>copy the WooCommerce store's products into the local catalogue (only changes after the first time; --full)</source>
        <translation>copia los productos de la tienda WooCommerce al catálogo local (después de la primera vez, solo los cambios; --full)</translation>
    </message>
    <message>
        <source>the synced products with SKU, price and stock; --search TEXT</source>
        <translation>los productos sincronizados con SKU, precio y existencias; --search TEXTO</translation>
    </message>
    <message>
        <source>in stock</source>
        <translation>en stock</translation>
    </message>
    <message>
        <source>out of stock</source>
        <translation>agotado</translation>
    </message>
    <message>
        <source>on backorder</source>
        <translation>en reserva</translation>
    </message>
    <message>
        <source>No %1 in the keychain: luxctl settings secret %1 (the value on standard input).</source>
        <translation>No hay %1 en el llavero: luxctl settings secret %1 (el valor por la entrada estándar).</translation>
    </message>
    <message>
        <source>No store address: luxctl settings set woo.base_url https://your-store.example</source>
        <translation>No hay dirección de tienda: luxctl settings set woo.base_url https://tu-tienda.example</translation>
    </message>
    <message>
        <source>page %1 of %2</source>
        <translation>página %1 de %2</translation>
    </message>
    <message numerus="yes">
        <source>%n product(s) fetched: %1 added, %2 changed, %3 unchanged (pages: %4; %5 s). Products in the catalogue: %6.</source>
        <translation><numerusform>%n producto obtenido: %1 añadidos, %2 modificados, %3 sin cambios (páginas: %4; %5 s). Productos en el catálogo: %6.</numerusform><numerusform>%n productos obtenidos: %1 añadidos, %2 modificados, %3 sin cambios (páginas: %4; %5 s). Productos en el catálogo: %6.</numerusform></translation>
    </message>
    <message>
        <source>--limit takes a positive number.</source>
        <translation>--limit necesita un número positivo.</translation>
    </message>
    <message>
        <source>No products match.</source>
        <translation>Ningún producto coincide.</translation>
    </message>
    <message>
        <source>Ask the store for every product, not only those changed since the last sync.</source>
        <translation>Pide a la tienda todos los productos, no solo los que cambiaron desde la última sincronización.</translation>
    </message>
    <message>
        <source>Only products with every word in the name, SKU or a category.</source>
        <translation>Solo productos con todas las palabras en el nombre, el SKU o una categoría.</translation>
    </message>
    <message>
        <source>At most N products (default 500).</source>
        <translation>Como mucho N productos (500 por defecto).</translation>
    </message>
    <message>
        <source>Unknown command 'woo %1'. Commands: sync, products.</source>
        <translation>Orden desconocida «woo %1». Órdenes: sync, products.</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Abiertos</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregados</translation>
    </message>
    <message>
        <source>Clicked</source>
        <translation>Con clic</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Tasa</translation>
    </message>
    <message>
        <source>95 % interval</source>
        <translation>Intervalo del 95 %</translation>
    </message>
    <message>
        <source>P(best)</source>
        <translation>P(mejor)</translation>
    </message>
    <message>
        <source>Expected loss</source>
        <translation>Pérdida esperada</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 a %2</translation>
    </message>
    <message>
        <source>%1 points</source>
        <translation>%1 puntos</translation>
    </message>
    <message>
        <source>%1 against %2: %3 points (95 % interval %4 to %5), %6, %7, adjusted %8</source>
        <translation>%1 frente a %2: %3 puntos (intervalo del 95 % de %4 a %5), %6, %7, ajustado %8</translation>
    </message>
    <message>
        <source>Fisher's exact test</source>
        <translation>prueba exacta de Fisher</translation>
    </message>
    <message>
        <source>z-test</source>
        <translation>prueba z</translation>
    </message>
    <message>
        <source>--variant %1: give SENT:SUCCESSES as two whole numbers, say 5000:210.</source>
        <translation>--variant %1: indica ENVIADOS:ÉXITOS como dos números enteros, por ejemplo 5000:210.</translation>
    </message>
    <message>
        <source>--variant %1: more successes than sent.</source>
        <translation>--variant %1: más éxitos que enviados.</translation>
    </message>
    <message>
        <source>abtest calc takes no arguments besides its options: '%1'.</source>
        <translation>abtest calc no admite argumentos aparte de sus opciones: «%1».</translation>
    </message>
    <message>
        <source>Give 2 to 5 variants, each as --variant SENT:SUCCESSES (%1 given).</source>
        <translation>Indica de 2 a 5 variantes, cada una como --variant ENVIADOS:ÉXITOS (se dieron %1).</translation>
    </message>
    <message>
        <source>--min %1: give a whole number, 0 or more.</source>
        <translation>--min %1: indica un número entero, 0 o más.</translation>
    </message>
    <message>
        <source>--metric %1: clicks, opens or ctor.</source>
        <translation>--metric %1: clicks, opens o ctor.</translation>
    </message>
    <message>
        <source>abtest plan takes no arguments besides its options: '%1'.</source>
        <translation>abtest plan no admite argumentos aparte de sus opciones: «%1».</translation>
    </message>
    <message>
        <source>--%1 is required.</source>
        <translation>--%1 es obligatorio.</translation>
    </message>
    <message>
        <source>--%1 %2: give a number, say 0.04.</source>
        <translation>--%1 %2: indica un número, por ejemplo 0.04.</translation>
    </message>
    <message>
        <source>--variants %1: give a whole number from 2 to 5.</source>
        <translation>--variants %1: indica un número entero de 2 a 5.</translation>
    </message>
    <message>
        <source>%1 per variant, %2 in all: %3 variants to tell %4 from %5 (two-sided alpha %6, %7 for each comparison; power %8).</source>
        <translation>%1 por variante, %2 en total: %3 variantes para distinguir %4 de %5 (alfa bilateral %6, %7 por comparación; potencia %8).</translation>
    </message>
    <message>
        <source>Usage: abtest status ID (the campaign's number)</source>
        <translation>Uso: abtest status ID (el número de la campaña)</translation>
    </message>
    <message>
        <source>Campaign %1 has no A/B test.</source>
        <translation>La campaña %1 no tiene prueba A/B.</translation>
    </message>
    <message>
        <source>Campaign %1: an A/B test of %2 variants, not sent yet.</source>
        <translation>Campaña %1: una prueba A/B de %2 variantes, aún sin enviar.</translation>
    </message>
    <message>
        <source>Campaign %1: testing; the winner is chosen at %2. Running numbers (nothing is decided on them):</source>
        <translation>Campaña %1: en prueba; el ganador se elige el %2. Cifras provisionales (no se decide nada con ellas):</translation>
    </message>
    <message>
        <source>Campaign %1: testing; the test group is going out. Running numbers:</source>
        <translation>Campaña %1: en prueba; el grupo de prueba está saliendo. Cifras provisionales:</translation>
    </message>
    <message>
        <source>Campaign %1: waiting for your choice (luxctl abtest choose %1 VARIANT).</source>
        <translation>Campaña %1: esperando a que elijas (luxctl abtest choose %1 VARIANTE).</translation>
    </message>
    <message>
        <source>Campaign %1: the rest got %2 (%3 sent, %4 waiting, %5 failed).</source>
        <translation>Campaña %1: el resto recibió %2 (%3 enviados, %4 en espera, %5 fallidos).</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Usage: abtest choose ID VARIANT (the campaign's number and a letter, A to E)</source>
        <translation>Uso: abtest choose ID VARIANTE (el número de la campaña y una letra, de la A a la E)</translation>
    </message>
    <message>
        <source>Campaign %1: the rest goes out with variant %2 (the scheduler sends it).</source>
        <translation>Campaña %1: el resto sale con la variante %2 (lo envía el programador).</translation>
    </message>
    <message>
        <source>A variant's delivered messages and successes, as 5000:210 (2 to 5 times: A, B, C, …).</source>
        <translation>Mensajes entregados y éxitos de una variante, como 5000:210 (de 2 a 5 veces: A, B, C, …).</translation>
    </message>
    <message>
        <source>The fewest delivered per variant before a winner can be named (default 500).</source>
        <translation>Mínimo de entregados por variante antes de poder nombrar un ganador (por defecto 500).</translation>
    </message>
    <message>
        <source>What a success is, for the wording: clicks (default), opens or ctor (clicks of those who opened).</source>
        <translation>Qué cuenta como éxito, para la redacción: clicks (por defecto), opens o ctor (clics de quienes abrieron).</translation>
    </message>
    <message>
        <source>Today's rate, as a fraction (0.04 for 4 %).</source>
        <translation>La tasa actual, como fracción (0.04 para un 4 %).</translation>
    </message>
    <message>
        <source>The smallest improvement worth finding: 0.01 is one point, or a fraction of the baseline with --relative.</source>
        <translation>La menor mejora que merece detectarse: 0.01 es un punto, o una fracción de la tasa de partida con --relative.</translation>
    </message>
    <message>
        <source>--lift is relative: 0.25 means a quarter more than the baseline.</source>
        <translation>--lift es relativa: 0.25 significa una cuarta parte más que la tasa de partida.</translation>
    </message>
    <message>
        <source>How many variants, 2 to 5 (default 2).</source>
        <translation>Cuántas variantes, de 2 a 5 (por defecto 2).</translation>
    </message>
    <message>
        <source>Two-sided significance level (default 0.05), split over the comparisons.</source>
        <translation>Nivel de significación bilateral (por defecto 0.05), repartido entre las comparaciones.</translation>
    </message>
    <message>
        <source>The chance of finding a lift that is there (default 0.8).</source>
        <translation>La probabilidad de detectar una mejora que existe (por defecto 0.8).</translation>
    </message>
    <message>
        <source>Unknown command 'abtest %1'.</source>
        <translation>Orden desconocida «abtest %1».</translation>
    </message>
    <message>
        <source>A/B test: the next variant's subject (B, then C …; repeatable).</source>
        <translation>Prueba A/B: el asunto de la siguiente variante (B, luego C …; repetible).</translation>
    </message>
    <message>
        <source>A/B test: the next variant's preheader (repeatable).</source>
        <translation>Prueba A/B: el texto de vista previa de la siguiente variante (repetible).</translation>
    </message>
    <message>
        <source>A/B test: the next variant's sender name (repeatable).</source>
        <translation>Prueba A/B: el nombre del remitente de la siguiente variante (repetible).</translation>
    </message>
    <message>
        <source>A/B test: the next variant's template (repeatable).</source>
        <translation>Prueba A/B: la plantilla de la siguiente variante (repetible).</translation>
    </message>
    <message>
        <source>A/B test of a text: the next variant's words (repeatable).</source>
        <translation>Prueba A/B de un SMS: el texto de la siguiente variante (repetible).</translation>
    </message>
    <message>
        <source>A/B test: the time of day the next variant goes, HH:MM (repeatable).</source>
        <translation>Prueba A/B: la hora del día a la que sale la siguiente variante, HH:MM (repetible).</translation>
    </message>
    <message>
        <source>A/B test: the share of the audience in the test group (default 20).</source>
        <translation>Prueba A/B: el porcentaje de la audiencia que va al grupo de prueba (por defecto 20).</translation>
    </message>
    <message>
        <source>A/B test: this many people in the test group instead of a share.</source>
        <translation>Prueba A/B: este número de personas en el grupo de prueba, en lugar de un porcentaje.</translation>
    </message>
    <message>
        <source>A/B test: how long after the last test message the winner is chosen (4h, 90m, 1d; default 4h).</source>
        <translation>Prueba A/B: cuánto tiempo después del último mensaje de prueba se elige el ganador (4h, 90m, 1d; por defecto 4h).</translation>
    </message>
    <message>
        <source>A/B test: clicks (people's, the default), opens, ctor (clicks of those who opened) or manual.</source>
        <translation>Prueba A/B: clicks (de personas, por defecto), opens, ctor (clics de quienes abrieron) o manual.</translation>
    </message>
    <message>
        <source>A/B test without a winner: send-a (the default) or wait (for abtest choose).</source>
        <translation>Prueba A/B sin ganador: send-a (por defecto) o wait (esperar a abtest choose).</translation>
    </message>
    <message>
        <source>--%1 belongs to an A/B test: give the variants with --variant-subject, --variant-template ….</source>
        <translation>--%1 es de una prueba A/B: indica las variantes con --variant-subject, --variant-template ….</translation>
    </message>
    <message>
        <source>--variant-template %1: %2</source>
        <translation>--variant-template %1: %2</translation>
    </message>
    <message>
        <source>--variant-time %1 is not a time of day (HH:MM).</source>
        <translation>--variant-time %1 no es una hora del día (HH:MM).</translation>
    </message>
    <message>
        <source>--test-percent is a share above 0 and up to 100.</source>
        <translation>--test-percent es un porcentaje mayor que 0 y de hasta 100.</translation>
    </message>
    <message>
        <source>--test-size is a number of people, at least 2.</source>
        <translation>--test-size es un número de personas, 2 como mínimo.</translation>
    </message>
    <message>
        <source>--wait %1 is not a duration (4h, 90m, 30s, 1d).</source>
        <translation>--wait %1 no es una duración (4h, 90m, 30s, 1d).</translation>
    </message>
    <message>
        <source>--metric is clicks, opens, ctor or manual.</source>
        <translation>--metric es clicks, opens, ctor o manual.</translation>
    </message>
    <message>
        <source>--no-winner is send-a or wait.</source>
        <translation>--no-winner es send-a o wait.</translation>
    </message>
    <message numerus="yes">
        <source>Campaign %1 created (draft) with an A/B test of %n variant(s).</source>
        <translation><numerusform>Campaña %1 creada (borrador) con una prueba A/B de %n variante.</numerusform><numerusform>Campaña %1 creada (borrador) con una prueba A/B de %n variantes.</numerusform></translation>
    </message>
    <message>
        <source>Campaign %1: the A/B test waits for your choice: %2 (luxctl abtest choose %1 VARIANT).</source>
        <translation>Campaña %1: la prueba A/B espera a que elijas: %2 (luxctl abtest choose %1 VARIANTE).</translation>
    </message>
    <message>
        <source>Campaign %1: %2 test messages sent, %3 failed; the winner is chosen at %4 and the rest sent then by the scheduler (the app, or luxctl scheduler run).</source>
        <translation>Campaña %1: %2 mensajes de prueba enviados, %3 fallidos; el ganador se elige el %4 y entonces el programador envía el resto (la aplicación, o luxctl scheduler run).</translation>
    </message>
    <message>
        <source>analyse an A/B test's counts: rates, p values, P(best), the winner or why there is none (docs/ABTESTS.md)</source>
        <translation>analiza los recuentos de una prueba A/B: tasas, valores p, P(mejor), el ganador o por qué no lo hay (docs/ABTESTS.md)</translation>
    </message>
    <message>
        <source>how many people each variant needs to find a lift</source>
        <translation>cuántas personas necesita cada variante para detectar una mejora</translation>
    </message>
    <message>
        <source>a campaign's A/B test: the numbers, the decision and why, the rest's progress</source>
        <translation>la prueba A/B de una campaña: las cifras, la decisión y su motivo, el avance del resto</translation>
    </message>
    <message>
        <source>send the rest with this variant, when the test waits for your choice</source>
        <translation>envía el resto con esta variante, cuando la prueba espera a que elijas</translation>
    </message>
    <message>
        <source>a new event, as a draft: prints its id and public slug (docs/EVENTS.md)</source>
        <translation>un evento nuevo, como borrador: muestra su id y su slug público (docs/EVENTS.md)</translation>
    </message>
    <message>
        <source>every event with its registrations, soonest first</source>
        <translation>todos los eventos con sus inscripciones, los más próximos primero</translation>
    </message>
    <message>
        <source>one event: every field, its questions, consent text and counts</source>
        <translation>un evento: todos los campos, sus preguntas, el texto de consentimiento y los recuentos</translation>
    </message>
    <message>
        <source>change an event's fields (the same options as create)</source>
        <translation>cambiar los campos de un evento (las mismas opciones que create)</translation>
    </message>
    <message>
        <source>an event's registrations, or --csv OUT (formula-safe)</source>
        <translation>las inscripciones de un evento, o --csv SALIDA (a salvo de fórmulas)</translation>
    </message>
    <message>
        <source>the event's calendar file, or with --email the invite as that registrant gets it</source>
        <translation>el archivo de calendario del evento, o con --email la invitación tal como la recibe ese inscrito</translation>
    </message>
    <message>
        <source>check someone in by their ticket or address; exit 1 when not admitted</source>
        <translation>registrar la entrada de alguien por su entrada o dirección; sale con 1 si no se admite</translation>
    </message>
    <message>
        <source>register someone by hand, confirmed</source>
        <translation>inscribir a alguien a mano, confirmado</translation>
    </message>
    <message>
        <source>cancel a registration made by hand</source>
        <translation>cancelar una inscripción hecha a mano</translation>
    </message>
    <message>
        <source>delete a draft event</source>
        <translation>eliminar un evento en borrador</translation>
    </message>
    <message>
        <source>--sender: '%1' is not a sender mailbox (luxctl sender add adds one).</source>
        <translation>--sender: «%1» no es un buzón remitente (luxctl sender add añade uno).</translation>
    </message>
    <message>
        <source>--tz: '%1' is not an IANA time zone (such as Europe/Madrid).</source>
        <translation>--tz: «%1» no es una zona horaria IANA (como Europe/Madrid).</translation>
    </message>
    <message>
        <source>--%1: '%2' is not an ISO 8601 date and time (such as 2026-05-14T18:30).</source>
        <translation>--%1: «%2» no es una fecha y hora ISO 8601 (como 2026-05-14T18:30).</translation>
    </message>
    <message>
        <source>--capacity: '%1' is not a whole number of 0 or more (0: no limit).</source>
        <translation>--capacity: «%1» no es un número entero de 0 o más (0: sin límite).</translation>
    </message>
    <message>
        <source>--pow-difficulty: '%1' is not a number from 0 to 28.</source>
        <translation>--pow-difficulty: «%1» no es un número de 0 a 28.</translation>
    </message>
    <message>
        <source>--double-opt-in: '%1' is neither on nor off.</source>
        <translation>--double-opt-in: «%1» no es on ni off.</translation>
    </message>
    <message>
        <source>--question: '%1' is not kind:label or choice:label:first|second (kind text, choice or checkbox; a trailing ! makes it required).</source>
        <translation>--question: «%1» no es tipo:texto ni choice:texto:primera|segunda (tipo text, choice o checkbox; un ! al final la hace obligatoria).</translation>
    </message>
    <message>
        <source>--reminder: '%1' is not a time before the start such as 1d, 2h or 30m.</source>
        <translation>--reminder: «%1» no es un tiempo antes del inicio como 1d, 2h o 30m.</translation>
    </message>
    <message>
        <source>event create needs --name, --start, --end and --tz (--%1 is missing).</source>
        <translation>event create necesita --name, --start, --end y --tz (falta --%1).</translation>
    </message>
    <message>
        <source>Event %1 created as a draft; its public page will be /e/%2.</source>
        <translation>Evento %1 creado como borrador; su página pública será /e/%2.</translation>
    </message>
    <message>
        <source>Usage: event update ID [--name N] [--start ISO] … (the event's number)</source>
        <translation>Uso: event update ID [--name N] [--start ISO] … (el número del evento)</translation>
    </message>
    <message>
        <source>Event %1 saved (revision %2).</source>
        <translation>Evento %1 guardado (revisión %2).</translation>
    </message>
    <message>
        <source>Registrants' calendars change: the next invites carry sequence %1.</source>
        <translation>Los calendarios de los inscritos cambian: las próximas invitaciones llevan la secuencia %1.</translation>
    </message>
    <message>
        <source>%1 of %2 confirmed</source>
        <translation>%1 de %2 confirmados</translation>
    </message>
    <message>
        <source>%1 confirmed</source>
        <translation>%1 confirmados</translation>
    </message>
    <message>
        <source>%1  %2  %3  %4  %5, %6 waiting, %7 checked in  /e/%8</source>
        <translation>%1  %2  %3  %4  %5, %6 en espera, %7 con entrada registrada  /e/%8</translation>
    </message>
    <message>
        <source>No events yet (luxctl event create adds one).</source>
        <translation>Aún no hay eventos (luxctl event create añade uno).</translation>
    </message>
    <message>
        <source>Usage: event show ID (the event's number)</source>
        <translation>Uso: event show ID (el número del evento)</translation>
    </message>
    <message>
        <source>Event %1: %2 (%3)</source>
        <translation>Evento %1: %2 (%3)</translation>
    </message>
    <message>
        <source>When: %1 to %2 (%3)</source>
        <translation>Cuándo: de %1 a %2 (%3)</translation>
    </message>
    <message>
        <source>Where: %1</source>
        <translation>Dónde: %1</translation>
    </message>
    <message>
        <source>Public page: /e/%1</source>
        <translation>Página pública: /e/%1</translation>
    </message>
    <message>
        <source>Capacity: %1</source>
        <translation>Aforo: %1</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sin límite</translation>
    </message>
    <message>
        <source>Registrations: %1 confirmed, %2 pending, %3 waiting, %4 cancelled; %5 checked in</source>
        <translation>Inscripciones: %1 confirmadas, %2 pendientes, %3 en espera, %4 canceladas; %5 con entrada registrada</translation>
    </message>
    <message>
        <source>Question q%1 (%2%3): %4</source>
        <translation>Pregunta q%1 (%2%3): %4</translation>
    </message>
    <message>
        <source>, required</source>
        <translation>, obligatoria</translation>
    </message>
    <message>
        <source>Consent text (version %1): %2</source>
        <translation>Texto de consentimiento (versión %1): %2</translation>
    </message>
    <message>
        <source>Usage: event attendees ID [--csv OUT|-] [--status S] (the event's number)</source>
        <translation>Uso: event attendees ID [--csv SALIDA|-] [--status S] (el número del evento)</translation>
    </message>
    <message>
        <source>--status: '%1' is not confirmed, pending, waiting or cancelled (or several, with commas).</source>
        <translation>--status: «%1» no es confirmed, pending, waiting ni cancelled (o varios, separados por comas).</translation>
    </message>
    <message>
        <source>Standard output cannot be written.</source>
        <translation>No se puede escribir en la salida estándar.</translation>
    </message>
    <message numerus="yes">
        <source>%n attendee(s) written to %1.</source>
        <translation><numerusform>%n asistente escrito en %1.</numerusform><numerusform>%n asistentes escritos en %1.</numerusform></translation>
    </message>
    <message>
        <source>checked in %1</source>
        <translation>entrada registrada %1</translation>
    </message>
    <message>
        <source>Nobody yet.</source>
        <translation>Nadie todavía.</translation>
    </message>
    <message>
        <source>%1 is not registered for event %2.</source>
        <translation>%1 no está inscrito en el evento %2.</translation>
    </message>
    <message>
        <source>Usage: event ics ID [--email ADDRESS] --out FILE.ics</source>
        <translation>Uso: event ics ID [--email DIRECCIÓN] --out ARCHIVO.ics</translation>
    </message>
    <message>
        <source>Event %1 has no organiser; set one with luxctl event update %1 --sender ADDRESS.</source>
        <translation>El evento %1 no tiene organizador; indica uno con luxctl event update %1 --sender DIRECCIÓN.</translation>
    </message>
    <message>
        <source>%1 is %2: only a confirmed or cancelled registration has an invite.</source>
        <translation>%1 está %2: solo una inscripción confirmada o cancelada tiene invitación.</translation>
    </message>
    <message>
        <source>%1 written (METHOD:%2).</source>
        <translation>%1 escrito (METHOD:%2).</translation>
    </message>
    <message>
        <source>Usage: event checkin ID CODE|EMAIL (the event's number, then the scanned ticket or an address)</source>
        <translation>Uso: event checkin ID CÓDIGO|CORREO (el número del evento y luego la entrada escaneada o una dirección)</translation>
    </message>
    <message>
        <source>Usage: event add ID --email ADDRESS [--first-name F] [--last-name L]</source>
        <translation>Uso: event add ID --email DIRECCIÓN [--first-name N] [--last-name A]</translation>
    </message>
    <message>
        <source>%1 added to event %2 as confirmed (registration %3).</source>
        <translation>%1 añadido al evento %2 como confirmado (inscripción %3).</translation>
    </message>
    <message>
        <source>Usage: event remove ID EMAIL</source>
        <translation>Uso: event remove ID CORREO</translation>
    </message>
    <message>
        <source>%1's registration for event %2 is cancelled.</source>
        <translation>La inscripción de %1 en el evento %2 está cancelada.</translation>
    </message>
    <message>
        <source>Usage: event delete ID (a draft's number)</source>
        <translation>Uso: event delete ID (el número de un borrador)</translation>
    </message>
    <message>
        <source>Event %1 deleted.</source>
        <translation>Evento %1 eliminado.</translation>
    </message>
    <message>
        <source>The event's title.</source>
        <translation>El título del evento.</translation>
    </message>
    <message>
        <source>When it starts, ISO 8601; without an offset, a wall time in --tz.</source>
        <translation>Cuándo empieza, ISO 8601; sin desfase, una hora local en --tz.</translation>
    </message>
    <message>
        <source>When it ends, ISO 8601.</source>
        <translation>Cuándo termina, ISO 8601.</translation>
    </message>
    <message>
        <source>The event's IANA time zone (Europe/Madrid).</source>
        <translation>La zona horaria IANA del evento (Europe/Madrid).</translation>
    </message>
    <message>
        <source>Seats; 0 for no limit (the default).</source>
        <translation>Plazas; 0 para sin límite (el valor predeterminado).</translation>
    </message>
    <message>
        <source>The page's text, in Markdown.</source>
        <translation>El texto de la página, en Markdown.</translation>
    </message>
    <message>
        <source>Where it takes place.</source>
        <translation>Dónde se celebra.</translation>
    </message>
    <message>
        <source>The online link (http or https).</source>
        <translation>El enlace en línea (http o https).</translation>
    </message>
    <message>
        <source>The organiser: a sender mailbox's id or address.</source>
        <translation>El organizador: el id o la dirección de un buzón remitente.</translation>
    </message>
    <message>
        <source>The page's and the messages' language: en or es.</source>
        <translation>El idioma de la página y de los mensajes: en o es.</translation>
    </message>
    <message>
        <source>A question: text:LABEL, checkbox:LABEL or choice:LABEL:A|B, a trailing ! for required (repeat; replaces all).</source>
        <translation>Una pregunta: text:TEXTO, checkbox:TEXTO o choice:TEXTO:A|B, con un ! al final si es obligatoria (repetible; sustituye todas).</translation>
    </message>
    <message>
        <source>The consent text shown on the form (a change is kept as a new version).</source>
        <translation>El texto de consentimiento que muestra el formulario (un cambio se guarda como versión nueva).</translation>
    </message>
    <message>
        <source>A tag given to registrants (repeat; replaces all).</source>
        <translation>Una etiqueta que reciben los inscritos (repetible; sustituye todas).</translation>
    </message>
    <message>
        <source>A reminder before the start: 1d, 2h or 30m (repeat, up to 5; none for no reminders).</source>
        <translation>Un recordatorio antes del inicio: 1d, 2h o 30m (repetible, hasta 5; none para ninguno).</translation>
    </message>
    <message>
        <source>When registration opens, ISO 8601.</source>
        <translation>Cuándo se abre la inscripción, ISO 8601.</translation>
    </message>
    <message>
        <source>When registration closes, ISO 8601.</source>
        <translation>Cuándo se cierra la inscripción, ISO 8601.</translation>
    </message>
    <message>
        <source>Ask registrants to confirm by a link: on (the default) or off.</source>
        <translation>Pedir a los inscritos que confirmen con un enlace: on (predeterminado) u off.</translation>
    </message>
    <message>
        <source>The form's proof of work in bits, 0 to 28 (default 16; 0 turns it off).</source>
        <translation>La prueba de trabajo del formulario en bits, de 0 a 28 (16 por defecto; 0 la desactiva).</translation>
    </message>
    <message>
        <source>Write the list as CSV to OUT, or - for standard output.</source>
        <translation>Escribir la lista como CSV en SALIDA, o - para la salida estándar.</translation>
    </message>
    <message>
        <source>Only these: confirmed, pending, waiting or cancelled (commas for several).</source>
        <translation>Solo estos: confirmed, pending, waiting o cancelled (comas para varios).</translation>
    </message>
    <message>
        <source>The invite as this registrant gets it (else the event's own file).</source>
        <translation>La invitación tal como la recibe este inscrito (si no, el archivo propio del evento).</translation>
    </message>
    <message>
        <source>Where to write the .ics file.</source>
        <translation>Dónde escribir el archivo .ics.</translation>
    </message>
    <message>
        <source>The person's address.</source>
        <translation>La dirección de la persona.</translation>
    </message>
    <message>
        <source>Their first name.</source>
        <translation>Su nombre.</translation>
    </message>
    <message>
        <source>Their last name.</source>
        <translation>Sus apellidos.</translation>
    </message>
    <message>
        <source>Unknown event command '%1'.</source>
        <translation>Orden de evento desconocida «%1».</translation>
    </message>
    <message>
        <source>%1 events: %2 opens, %3 clicks, %4 unsubscribes (%5 by machines), %6 registration changes.</source>
        <translation>%1 eventos: %2 aperturas, %3 clics, %4 bajas (%5 de máquinas), %6 cambios de inscripciones.</translation>
    </message>
    <message>
        <source>put a draft's registration page on lux-tracker</source>
        <translation>publicar en lux-tracker la página de inscripción de un borrador</translation>
    </message>
    <message>
        <source>cancel an event: its page says so and everyone registered is told</source>
        <translation>cancelar un evento: su página lo dice y se avisa a todos los inscritos</translation>
    </message>
    <message>
        <source>Usage: event cancel ID (the event's number)</source>
        <translation>Uso: event cancel ID (el número del evento)</translation>
    </message>
    <message>
        <source>Usage: event publish ID (the event's number)</source>
        <translation>Uso: event publish ID (el número del evento)</translation>
    </message>
    <message>
        <source>“%1” is cancelled: its page says so, and everyone registered is told.</source>
        <translation>«%1» está cancelado: su página lo dice y se avisa a todos los inscritos.</translation>
    </message>
    <message>
        <source>“%1” is published at %2</source>
        <translation>«%1» está publicado en %2</translation>
    </message>
    <message>
        <source>lux-tracker has the change.</source>
        <translation>lux-tracker tiene el cambio.</translation>
    </message>
    <message>
        <source>the wording of the events' messages per kind and language (starters until changed)</source>
        <translation>el texto de los mensajes de los eventos por tipo e idioma (los iniciales hasta que se cambian)</translation>
    </message>
    <message>
        <source>--language: '%1' is neither en nor es.</source>
        <translation>--language: «%1» no es en ni es.</translation>
    </message>
    <message>
        <source>Usage: event mail-template list|show|set|reset KIND [--language en|es] [--subject S] [--body-file F]; KIND is one of %1.</source>
        <translation>Uso: event mail-template list|show|set|reset TIPO [--language en|es] [--subject S] [--body-file F]; TIPO es uno de %1.</translation>
    </message>
    <message>
        <source>Unknown action '%1': list, show, set or reset.</source>
        <translation>Acción desconocida «%1»: list, show, set o reset.</translation>
    </message>
    <message>
        <source>The messages' language: en (the default) or es.</source>
        <translation>El idioma de los mensajes: en (predeterminado) o es.</translation>
    </message>
    <message>
        <source>The subject, with merge tags such as {{event_title}}.</source>
        <translation>El asunto, con etiquetas de combinación como {{event_title}}.</translation>
    </message>
    <message>
        <source>The text from a UTF-8 file: paragraphs by blank lines, merge tags such as {{first_name}}.</source>
        <translation>El texto desde un archivo UTF-8: párrafos separados por líneas en blanco, etiquetas de combinación como {{first_name}}.</translation>
    </message>
    <message>
        <source>lux-tracker does not know yet (%1); the next tracker sync tells it.</source>
        <translation>lux-tracker aún no lo sabe (%1); la próxima sincronización se lo dirá.</translation>
    </message>
    <message>
        <source>lux-tracker counts the seat.</source>
        <translation>lux-tracker cuenta la plaza.</translation>
    </message>
    <message>
        <source>Name the workflow: its id or its name.</source>
        <translation>Indica el flujo de trabajo: su id o su nombre.</translation>
    </message>
    <message>
        <source>There is no contact %1.</source>
        <translation>No existe el contacto %1.</translation>
    </message>
    <message>
        <source>Usage: automation import FLOW.json</source>
        <translation>Uso: automation import FLUJO.json</translation>
    </message>
    <message>
        <source>%1, line %2: not a JSON object (%3).</source>
        <translation>%1, línea %2: no es un objeto JSON (%3).</translation>
    </message>
    <message>
        <source>an array or a value</source>
        <translation>una matriz o un valor</translation>
    </message>
    <message>
        <source>Workflow %1 “%2”: draft replaced.</source>
        <translation>Flujo de trabajo %1 «%2»: borrador sustituido.</translation>
    </message>
    <message>
        <source>Workflow %1 “%2” imported as a draft.</source>
        <translation>Flujo de trabajo %1 «%2» importado como borrador.</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>aviso</translation>
    </message>
    <message>
        <source>workflow</source>
        <translation>flujo</translation>
    </message>
    <message>
        <source>%1  %2  v%3  %4  %5 in it, %6 finished, %7 left</source>
        <translation>%1  %2  v%3  %4  %5 dentro, %6 terminaron, %7 salieron</translation>
    </message>
    <message>
        <source>No workflows yet (luxctl automation import FLOW.json adds one).</source>
        <translation>Aún no hay flujos de trabajo (luxctl automation import FLUJO.json añade uno).</translation>
    </message>
    <message>
        <source>“%1” version %2 published: contacts who enter from now on run it.</source>
        <translation>«%1» versión %2 publicada: los contactos que entren a partir de ahora la siguen.</translation>
    </message>
    <message>
        <source>“%1” is %2.</source>
        <translation>«%1» está en estado %2.</translation>
    </message>
    <message>
        <source>Usage: automation enroll ID --contact EMAIL [--contact EMAIL]…</source>
        <translation>Uso: automation enroll ID --contact CORREO [--contact CORREO]…</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) entered; the scheduler runs their steps (the app, or luxctl scheduler run).</source>
        <translation><numerusform>%n contacto entró; el planificador ejecuta sus pasos (la aplicación o luxctl scheduler run).</numerusform><numerusform>%n contactos entraron; el planificador ejecuta sus pasos (la aplicación o luxctl scheduler run).</numerusform></translation>
    </message>
    <message>
        <source>“%1” (%2, version %3): %4 in it, %5 finished, %6 left early.</source>
        <translation>«%1» (%2, versión %3): %4 dentro, %5 terminaron, %6 salieron antes.</translation>
    </message>
    <message>
        <source>  %1: %2 here, %3 through, %4 ended here</source>
        <translation>  %1: %2 aquí, %3 pasaron, %4 terminaron aquí</translation>
    </message>
    <message>
        <source>Usage: automation journey ID --contact EMAIL</source>
        <translation>Uso: automation journey ID --contact CORREO</translation>
    </message>
    <message>
        <source>Entered %1 (version %2), %3.</source>
        <translation>Entró el %1 (versión %2), %3.</translation>
    </message>
    <message>
        <source>%1 has not entered “%2”.</source>
        <translation>%1 no ha entrado en «%2».</translation>
    </message>
    <message>
        <source>--contacts must be between 1 and 5000000.</source>
        <translation>--contacts debe estar entre 1 y 5000000.</translation>
    </message>
    <message>
        <source>--days must be between 1 and 366.</source>
        <translation>--days debe estar entre 1 y 366.</translation>
    </message>
    <message>
        <source>--seed must be a whole number.</source>
        <translation>--seed debe ser un número entero.</translation>
    </message>
    <message>
        <source>--open, --click, --reply and --register are shares between 0 and 1.</source>
        <translation>--open, --click, --reply y --register son proporciones entre 0 y 1.</translation>
    </message>
    <message numerus="yes">
        <source>“%1” over %n contact(s), %2 days (seed %3), simulated in %4 ms:</source>
        <translation><numerusform>«%1» con %n contacto, %2 días (semilla %3), simulado en %4 ms:</numerusform><numerusform>«%1» con %n contactos, %2 días (semilla %3), simulado en %4 ms:</numerusform></translation>
    </message>
    <message>
        <source>  %1: %2 reached, %3 ended here, %4 still there</source>
        <translation>  %1: %2 llegaron, %3 terminaron aquí, %4 siguen ahí</translation>
    </message>
    <message>
        <source>  %1 emails and %2 texts would be sent; %3 skipped (cap, consent).</source>
        <translation>  Se enviarían %1 correos y %2 SMS; %3 omitidos (límite, consentimiento).</translation>
    </message>
    <message>
        <source>  over a sender's daily limit: %1</source>
        <translation>  por encima del límite diario de un remitente: %1</translation>
    </message>
    <message>
        <source>--map takes OLD-STEP=NEW-STEP, not “%1”.</source>
        <translation>--map admite OLD-STEP=NEW-STEP, no «%1».</translation>
    </message>
    <message>
        <source>  v%1 %2 → leave the workflow: %3</source>
        <translation>  v%1 %2 → salen del flujo de trabajo: %3</translation>
    </message>
    <message>
        <source>  v%1 %2 → v%3 %4: %5</source>
        <translation>  v%1 %2 → v%3 %4: %5</translation>
    </message>
    <message>
        <source>Moving the contacts of older versions to version %1 would do this (--apply does it):</source>
        <translation>Mover los contactos de las versiones anteriores a la versión %1 haría esto (--apply lo hace):</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) moved to version %1.</source>
        <translation><numerusform>%n contacto movido a la versión %1.</numerusform><numerusform>%n contactos movidos a la versión %1.</numerusform></translation>
    </message>
    <message>
        <source>The contact's email address (enroll: repeat for more).</source>
        <translation>La dirección de correo del contacto (enroll: repítelo para más).</translation>
    </message>
    <message>
        <source>An older version's counts (default: the latest).</source>
        <translation>Los recuentos de una versión anterior (por defecto: la más reciente).</translation>
    </message>
    <message>
        <source>How many contacts (default 1000).</source>
        <translation>Cuántos contactos (por defecto 1000).</translation>
    </message>
    <message>
        <source>How many days the virtual clock runs (default 30).</source>
        <translation>Cuántos días avanza el reloj virtual (por defecto 30).</translation>
    </message>
    <message>
        <source>The seed of the scripted reactions and made-up contacts (default 1).</source>
        <translation>La semilla de las reacciones predefinidas y de los contactos inventados (por defecto 1).</translation>
    </message>
    <message>
        <source>Share of emails opened (default 0.35).</source>
        <translation>Proporción de correos abiertos (por defecto 0.35).</translation>
    </message>
    <message>
        <source>Share of opened emails clicked (default 0.25).</source>
        <translation>Proporción de correos abiertos en los que se hace clic (por defecto 0.25).</translation>
    </message>
    <message>
        <source>Share of emails answered (default 0.02).</source>
        <translation>Proporción de correos respondidos (por defecto 0.02).</translation>
    </message>
    <message>
        <source>Share of emails followed by an event registration (default 0).</source>
        <translation>Proporción de correos seguidos de una inscripción en un evento (por defecto 0).</translation>
    </message>
    <message>
        <source>Use the database's contacts (the first N) instead of made-up ones.</source>
        <translation>Usa los contactos de la base de datos (los N primeros) en lugar de contactos inventados.</translation>
    </message>
    <message>
        <source>Simulate the draft rather than the latest version.</source>
        <translation>Simula el borrador en lugar de la última versión.</translation>
    </message>
    <message>
        <source>Where the contacts at a step the latest version lacks go: OLD=NEW (repeatable).</source>
        <translation>Adónde van los contactos de un paso que no está en la última versión: OLD=NEW (se puede repetir).</translation>
    </message>
    <message>
        <source>Do it (without: only show what would move).</source>
        <translation>Lo hace (sin esta opción: solo muestra qué se movería).</translation>
    </message>
    <message>
        <source>Unknown automation command '%1'.</source>
        <translation>Orden de automation desconocida «%1».</translation>
    </message>
    <message>
        <source>a workflow from its JSON (docs/AUTOMATIONS.md) as a draft; the same name replaces that draft</source>
        <translation>un flujo de trabajo a partir de su JSON (docs/AUTOMATIONS.md), como borrador; el mismo nombre sustituye ese borrador</translation>
    </message>
    <message>
        <source>every workflow with its status, version and counts</source>
        <translation>todos los flujos de trabajo con su estado, versión y recuentos</translation>
    </message>
    <message>
        <source>a workflow's draft as JSON, with its problems</source>
        <translation>el borrador de un flujo de trabajo como JSON, con sus problemas</translation>
    </message>
    <message>
        <source>make the draft the next version and the workflow active</source>
        <translation>convierte el borrador en la siguiente versión y activa el flujo de trabajo</translation>
    </message>
    <message>
        <source>nobody enters and no step runs until resumed</source>
        <translation>nadie entra y ningún paso se ejecuta hasta que se reanude</translation>
    </message>
    <message>
        <source>a paused workflow runs again</source>
        <translation>un flujo de trabajo en pausa vuelve a ejecutarse</translation>
    </message>
    <message>
        <source>stop a workflow for good, its journeys kept</source>
        <translation>detiene un flujo de trabajo para siempre, conservando sus recorridos</translation>
    </message>
    <message>
        <source>enter contacts by hand (the entry rules apply)</source>
        <translation>inscribe contactos a mano (se aplican las reglas de entrada)</translation>
    </message>
    <message>
        <source>contacts at, through and ended at each step</source>
        <translation>contactos en cada paso, que pasaron por él y que terminaron en él</translation>
    </message>
    <message>
        <source>one contact's way through a workflow, step by step</source>
        <translation>el recorrido de un contacto por un flujo de trabajo, paso a paso</translation>
    </message>
    <message>
        <source>what the workflow would do on a virtual clock: --contacts N --days D --seed S</source>
        <translation>lo que haría el flujo de trabajo con un reloj virtual: --contacts N --days D --seed S</translation>
    </message>
    <message>
        <source>move the contacts of older versions to the latest: a preview, or --apply</source>
        <translation>mueve los contactos de versiones anteriores a la más reciente: una vista previa, o --apply</translation>
    </message>
    <message>
        <source>Workflows: %1</source>
        <translation>Flujos de trabajo: %1</translation>
    </message>
    <message>
        <source>a post against one network's rules (X's weighted length, Instagram's pictures…); exit 1 when it would be refused</source>
        <translation>comprueba una publicación con las reglas de una red (la longitud ponderada de X, las imágenes de Instagram…); sale con 1 si se rechazaría</translation>
    </message>
    <message>
        <source>the connected social accounts: network, status, days until the sign-in ends, queue slots</source>
        <translation>las cuentas sociales conectadas: red, estado, días hasta que caduca el inicio de sesión, franjas de la cola</translation>
    </message>
    <message>
        <source>an account's queue: its time slots ("Tue/Thu 10:00") and their time zone</source>
        <translation>la cola de una cuenta: sus franjas horarias ("Tue/Thu 10:00") y su zona horaria</translation>
    </message>
    <message>
        <source>schedule a post (checked against the network's rules first); the scheduler publishes it</source>
        <translation>programa una publicación (antes se comprueba con las reglas de la red); la publica el planificador</translation>
    </message>
    <message>
        <source>a post on each account: scheduled, published (with its link), failed (with the reason)</source>
        <translation>una publicación en cada cuenta: programada, publicada (con su enlace), fallida (con el motivo)</translation>
    </message>
    <message>
        <source>publish again every failed post of an account</source>
        <translation>vuelve a publicar todas las publicaciones fallidas de una cuenta</translation>
    </message>
    <message>
        <source>%1: %2 of %3 characters as X counts them.</source>
        <translation>%1: %2 de %3 caracteres, según los cuenta X.</translation>
    </message>
    <message>
        <source>%1: %2 of %3 characters.</source>
        <translation>%1: %2 de %3 caracteres.</translation>
    </message>
    <message>
        <source>Hashtags: %1 of %2; mentions: %3 of %4.</source>
        <translation>Hashtags: %1 de %2; menciones: %3 de %4.</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Rechazo: %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Nota: %1</translation>
    </message>
    <message>
        <source>Ready for %1.</source>
        <translation>Lista para %1.</translation>
    </message>
    <message>
        <source>%1 would refuse this post.</source>
        <translation>%1 rechazaría esta publicación.</translation>
    </message>
    <message>
        <source>social check takes no arguments: give the text with --text.</source>
        <translation>social check no admite argumentos: da el texto con --text.</translation>
    </message>
    <message>
        <source>--network must be x, linkedin, instagram or facebook, not "%1".</source>
        <translation>--network debe ser x, linkedin, instagram o facebook, no «%1».</translation>
    </message>
    <message>
        <source>%1 %2 (%3): %4, %5</source>
        <translation>%1 %2 (%3): %4, %5</translation>
    </message>
    <message>
        <source>%1  %2  %3</source>
        <translation>%1  %2  %3</translation>
    </message>
    <message>
        <source>No social account is connected.</source>
        <translation>No hay ninguna cuenta social conectada.</translation>
    </message>
    <message>
        <source>Give the account with --account ID (luxctl social accounts lists them).</source>
        <translation>Indica la cuenta con --account ID (luxctl social accounts las muestra).</translation>
    </message>
    <message>
        <source>%1 has no queue slots.</source>
        <translation>%1 no tiene franjas en la cola.</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <source>this computer's time</source>
        <translation>la hora de este equipo</translation>
    </message>
    <message>
        <source>Give the time with --at ISO, or --queue for the account's next free slot; one of the two.</source>
        <translation>Indica la hora con --at ISO o usa --queue para la siguiente franja libre de la cuenta; una de las dos cosas.</translation>
    </message>
    <message>
        <source>--at: '%1' is not an ISO 8601 date and time (such as 2026-12-10T10:00).</source>
        <translation>--at: «%1» no es una fecha y hora ISO 8601 (como 2026-12-10T10:00).</translation>
    </message>
    <message>
        <source>Post %1 scheduled: %2</source>
        <translation>Publicación %1 programada: %2</translation>
    </message>
    <message>
        <source>Give the post's number: luxctl social status ID.</source>
        <translation>Indica el número de la publicación: luxctl social status ID.</translation>
    </message>
    <message>
        <source>Post %1%2</source>
        <translation>Publicación %1%2</translation>
    </message>
    <message>
        <source> (cancelled)</source>
        <translation> (cancelada)</translation>
    </message>
    <message numerus="yes">
        <source>%n failed post(s) will be published again by the scheduler.</source>
        <translation><numerusform>El planificador volverá a publicar %n publicación fallida.</numerusform><numerusform>El planificador volverá a publicar %n publicaciones fallidas.</numerusform></translation>
    </message>
    <message>
        <source>x, linkedin, instagram or facebook.</source>
        <translation>x, linkedin, instagram o facebook.</translation>
    </message>
    <message>
        <source>The post's text.</source>
        <translation>El texto de la publicación.</translation>
    </message>
    <message>
        <source>A picture to post with it (repeat for several).</source>
        <translation>Una imagen que publicar con ella (repítelo para varias).</translation>
    </message>
    <message>
        <source>A first comment to post under it.</source>
        <translation>Un primer comentario que publicar debajo.</translation>
    </message>
    <message>
        <source>The X account has long posts (X Premium): 25,000 instead of 280.</source>
        <translation>La cuenta de X tiene publicaciones largas (X Premium): 25.000 en lugar de 280.</translation>
    </message>
    <message>
        <source>The account's number (luxctl social accounts).</source>
        <translation>El número de la cuenta (luxctl social accounts).</translation>
    </message>
    <message>
        <source>When: an ISO 8601 date and time (this computer's time without an offset).</source>
        <translation>Cuándo: una fecha y hora ISO 8601 (sin desfase, la hora de este equipo).</translation>
    </message>
    <message>
        <source>At the account's next free queue slot.</source>
        <translation>En la siguiente franja libre de la cola de la cuenta.</translation>
    </message>
    <message>
        <source>The queue's slots, as "Tue/Thu 10:00, Sat 11:30" (replaces them).</source>
        <translation>Las franjas de la cola, como "Tue/Thu 10:00, Sat 11:30" (sustituye a las actuales).</translation>
    </message>
    <message>
        <source>The zone the slots are in (Europe/Madrid); empty: this computer's.</source>
        <translation>La zona horaria de las franjas (Europe/Madrid); vacía: la de este equipo.</translation>
    </message>
    <message>
        <source>Unknown social command: %1</source>
        <translation>Orden de social desconocida: %1</translation>
    </message>
    <message>
        <source>Not scheduled: %1 would refuse this post.</source>
        <translation>No se programó: %1 rechazaría esta publicación.</translation>
    </message>
    <message>
        <source>connect an account: its sign-in page in your browser, the answer on a loopback port, the tokens in the keychain</source>
        <translation>conecta una cuenta: su página de inicio de sesión en tu navegador, la respuesta en un puerto local, los tokens en el llavero</translation>
    </message>
    <message>
        <source>--port: '%1' is not a port number.</source>
        <translation>--port: «%1» no es un número de puerto.</translation>
    </message>
    <message>
        <source>Open this address in your browser and allow LUX Marketing:</source>
        <translation>Abre esta dirección en tu navegador y autoriza a LUX Marketing:</translation>
    </message>
    <message>
        <source>Connected: %1 (account %2)</source>
        <translation>Conectada: %1 (cuenta %2)</translation>
    </message>
    <message>
        <source>The loopback port the sign-in comes back to (social.redirect_port, 53682).</source>
        <translation>El puerto local al que vuelve el inicio de sesión (social.redirect_port, 53682).</translation>
    </message>
    <message>
        <source>LinkedIn: also the organisations you may post for (the app needs LinkedIn's Community Management product).</source>
        <translation>LinkedIn: también las organizaciones en las que puedes publicar (la aplicación necesita el producto Community Management de LinkedIn).</translation>
    </message>
    <message>
        <source>The network to connect: x, linkedin, or facebook (its Pages and their Instagram accounts; instagram does the same).</source>
        <translation>La red que conectar: x, linkedin o facebook (sus páginas y las cuentas de Instagram de estas; instagram hace lo mismo).</translation>
    </message>
    <message>
        <source>Give --network x, linkedin, instagram or facebook and --brief "what the post is about".</source>
        <translation>Indica --network x, linkedin, instagram o facebook y --brief "de qué trata la publicación".</translation>
    </message>
    <message>
        <source>Writing with %1 …</source>
        <translation>Escribiendo con %1 …</translation>
    </message>
    <message>
        <source>What the post is about, in your words.</source>
        <translation>De qué trata la publicación, con tus palabras.</translation>
    </message>
    <message>
        <source>The X account has long posts (X Premium: 25,000).</source>
        <translation>La cuenta de X admite publicaciones largas (X Premium: 25.000).</translation>
    </message>
    <message>
        <source>a social post's caption for --network from --brief, with hashtags, checked by the network's rules (nothing is saved)</source>
        <translation>el texto de una publicación social para --network a partir de --brief, con hashtags, comprobado con las reglas de la red (no se guarda nada)</translation>
    </message>
    <message>
        <source>settle a post in doubt: --published [--link URL] (it is there) or --publish-again</source>
        <translation>resolver una publicación en duda: --published [--link URL] (está) o --publish-again</translation>
    </message>
    <message>
        <source>Give the target (its id in luxctl social status) and --published (it is there; --link URL if you have it) or --publish-again (it is not).</source>
        <translation>Indica el destino (su id en luxctl social status) y --published (está; --link URL si la tienes) o --publish-again (no está).</translation>
    </message>
    <message>
        <source>Target %1 is published.</source>
        <translation>El destino %1 está publicado.</translation>
    </message>
    <message>
        <source>Target %1 will be published again by the scheduler.</source>
        <translation>El programador publicará de nuevo el destino %1.</translation>
    </message>
    <message>
        <source>It is on the network: count it as published.</source>
        <translation>Está en la red: cuéntala como publicada.</translation>
    </message>
    <message>
        <source>With --published: the post's address, to keep with it.</source>
        <translation>Con --published: la dirección de la publicación, para guardarla con ella.</translation>
    </message>
    <message>
        <source>It is not there: publish it again.</source>
        <translation>No está: publícala de nuevo.</translation>
    </message>
    <message>
        <source>first comment not made: %1</source>
        <translation>primer comentario no publicado: %1</translation>
    </message>
    <message>
        <source>a page fetched safely: Lighthouse's ten SEO audits with their verdicts, and every finding with why and the fix</source>
        <translation>una página descargada de forma segura: las diez auditorías SEO de Lighthouse con sus veredictos, y cada hallazgo con su motivo y su solución</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>correcto</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>FALLA</translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation>no aplica</translation>
    </message>
    <message>
        <source>Give one address: luxctl seo analyze https://example.com/page</source>
        <translation>Indica una sola dirección: luxctl seo analyze https://example.com/page</translation>
    </message>
    <message>
        <source>“%1” is not an http or https address.</source>
        <translation>«%1» no es una dirección http ni https.</translation>
    </message>
    <message>
        <source>%1 (HTTP %2)</source>
        <translation>%1 (HTTP %2)</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s):</source>
        <translation><numerusform>%n hallazgo:</numerusform><numerusform>%n hallazgos:</numerusform></translation>
    </message>
    <message>
        <source> (line %1)</source>
        <translation> (línea %1)</translation>
    </message>
    <message>
        <source>The focus keyphrase: looked for in the title, description, opening, address and headings.</source>
        <translation>La frase clave principal: se busca en el título, la descripción, el comienzo, la dirección y los encabezados.</translation>
    </message>
    <message>
        <source>Allow local and private addresses (an intranet site); refused by default.</source>
        <translation>Permite direcciones locales y privadas (un sitio de intranet); se rechazan por defecto.</translation>
    </message>
    <message>
        <source>Unknown seo command: %1</source>
        <translation>Orden de seo desconocida: %1</translation>
    </message>
    <message>
        <source>the site from that page (same host, robots.txt obeyed, politely paced): every page analysed, duplicate titles, descriptions and H1s, broken links; stored and compared with the previous crawl</source>
        <translation>el sitio a partir de esa página (el mismo host, respetando robots.txt, a un ritmo prudente): cada página analizada, títulos, descripciones y H1 duplicados, enlaces rotos; se guarda y se compara con el rastreo anterior</translation>
    </message>
    <message>
        <source>LUX's three titles and descriptions for a page, each measured and scored by the analysis, and content recommendations with the passage they concern</source>
        <translation>los tres títulos y las tres descripciones de LUX para una página, cada uno medido y puntuado por el análisis, y recomendaciones de contenido con el pasaje al que se refieren</translation>
    </message>
    <message>
        <source>The analysis was not kept in the page's history: %1</source>
        <translation>El análisis no se guardó en el historial de la página: %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>Give one start page: luxctl seo crawl https://example.com/</source>
        <translation>Indica una sola página de partida: luxctl seo crawl https://example.com/</translation>
    </message>
    <message>
        <source>--max takes a number of pages from 1 to %1.</source>
        <translation>--max necesita un número de páginas de 1 a %1.</translation>
    </message>
    <message numerus="yes">
        <source>Crawl %1 of %2: %n page(s)</source>
        <translation><numerusform>Rastreo %1 de %2: %n página</numerusform><numerusform>Rastreo %1 de %2: %n páginas</numerusform></translation>
    </message>
    <message>
        <source>Status Score Depth Links  Address — title</source>
        <translation>Estado Punt. Prof.  Enl.  Dirección — título</translation>
    </message>
    <message>
        <source>More pages were found than --max %1 allows.</source>
        <translation>Se encontraron más páginas de las que permite --max %1.</translation>
    </message>
    <message>
        <source>Duplicate title</source>
        <translation>Título duplicado</translation>
    </message>
    <message>
        <source>Duplicate description</source>
        <translation>Descripción duplicada</translation>
    </message>
    <message>
        <source>Duplicate H1</source>
        <translation>H1 duplicado</translation>
    </message>
    <message>
        <source>Broken link %1 (%2), on %3</source>
        <translation>Enlace roto %1 (%2), en %3</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>Not crawled, robots.txt disallows it: %1</source>
        <translation>No rastreada, robots.txt no la permite: %1</translation>
    </message>
    <message>
        <source>No earlier crawl of this start page to compare with.</source>
        <translation>No hay ningún rastreo anterior de esta página de partida con el que comparar.</translation>
    </message>
    <message>
        <source>Nothing changed since crawl %1.</source>
        <translation>Nada ha cambiado desde el rastreo %1.</translation>
    </message>
    <message>
        <source>Since crawl %1:</source>
        <translation>Desde el rastreo %1:</translation>
    </message>
    <message>
        <source>  new page: %1</source>
        <translation>  página nueva: %1</translation>
    </message>
    <message>
        <source>  gone: %1</source>
        <translation>  desaparecida: %1</translation>
    </message>
    <message>
        <source>  %1 %2: %3 → %4</source>
        <translation>  %1 %2: %3 → %4</translation>
    </message>
    <message>
        <source>Give one address: luxctl seo suggest https://example.com/page</source>
        <translation>Indica una sola dirección: luxctl seo suggest https://example.com/page</translation>
    </message>
    <message>
        <source>Keyphrase: %1</source>
        <translation>Frase clave: %1</translation>
    </message>
    <message>
        <source>Titles (the page's score with each, its width; results show %1 px):</source>
        <translation>Títulos (la puntuación de la página con cada uno y su ancho; los resultados muestran %1 px):</translation>
    </message>
    <message>
        <source>Descriptions (the page's score with each, its width; results show %1 px):</source>
        <translation>Descripciones (la puntuación de la página con cada una y su ancho; los resultados muestran %1 px):</translation>
    </message>
    <message numerus="yes">
        <source>%n recommendation(s):</source>
        <translation><numerusform>%n recomendación:</numerusform><numerusform>%n recomendaciones:</numerusform></translation>
    </message>
    <message>
        <source>The focus keyphrase every title and description must contain; LUX proposes one when none is given.</source>
        <translation>La frase clave principal que deben contener todos los títulos y descripciones; LUX propone una si no se indica ninguna.</translation>
    </message>
    <message>
        <source>Pages to fetch at most (100 by default, up to 500).</source>
        <translation>Páginas que descargar como máximo (100 por defecto, hasta 500).</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Database file (default: $LUX_DB, else %1).</source>
        <translation>Archivo de base de datos (predeterminado: $LUX_DB; si no, %1).</translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE once it is shown, then quit.</source>
        <translation>Guarda una imagen de la ventana en FILE en cuanto se muestra y sale.</translation>
    </message>
    <message>
        <source>Print the start-up time once the window is painted, then quit.</source>
        <translation>Muestra el tiempo de arranque en cuanto se pinta la ventana y sale.</translation>
    </message>
</context>
</TS>
