// SPDX-License-Identifier: GPL-3.0-or-later
#include "importdialog.h"

#include "common/dialogs.h"
#include "common/errorcodes.h"
#include "common/inputfile.h"
#include "contacts/csvreader.h"
#include "session/appsession.h"
#include "settings/settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableWidget>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>

namespace lux::ui {

ImportDialog::ImportDialog(AppSession &session, const QString &file, QWidget *parent)
    : QDialog(parent), m_session(session), m_cancel(std::make_shared<std::atomic_bool>(false))
{
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import Contacts"));
    resize(640, 560);
    auto *layout = new QVBoxLayout(this);
    m_pages = new QStackedWidget(this);
    layout->addWidget(m_pages);

    // Page 1: file and options, with the column mapping.
    auto *setup = new QWidget(this);
    auto *form = new QFormLayout(setup);
    auto *fileRow = new QHBoxLayout;
    m_file = new QLineEdit(file, setup);
    m_file->setObjectName(QStringLiteral("importFile"));
    auto *browse = new QPushButton(tr("Browse…"), setup);
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);
    form->addRow(tr("CSV file"), fileRow);
    m_encoding = new QComboBox(setup);
    m_encoding->addItem(tr("Detect"), int(contacts::CsvReader::Encoding::Auto));
    m_encoding->addItem(QStringLiteral("UTF-8"), int(contacts::CsvReader::Encoding::Utf8));
    m_encoding->addItem(QStringLiteral("UTF-16 LE"), int(contacts::CsvReader::Encoding::Utf16LE));
    m_encoding->addItem(QStringLiteral("UTF-16 BE"), int(contacts::CsvReader::Encoding::Utf16BE));
    m_encoding->addItem(QStringLiteral("Windows-1252"), int(contacts::CsvReader::Encoding::Windows1252));
    form->addRow(tr("Encoding"), m_encoding);
    m_delimiter = new QComboBox(setup);
    m_delimiter->addItem(tr("Detect"), 0);
    m_delimiter->addItem(tr("Comma"), int(u','));
    m_delimiter->addItem(tr("Semicolon"), int(u';'));
    m_delimiter->addItem(tr("Tab"), int(u'\t'));
    m_delimiter->addItem(tr("Pipe"), int(u'|'));
    form->addRow(tr("Delimiter"), m_delimiter);
    m_duplicates = new QComboBox(setup);
    m_duplicates->setObjectName(QStringLiteral("importDuplicates"));
    m_duplicates->addItem(tr("Skip the row"), int(contacts::DuplicatePolicy::Skip));
    m_duplicates->addItem(tr("Fill empty fields"), int(contacts::DuplicatePolicy::Fill));
    m_duplicates->addItem(tr("Overwrite fields"), int(contacts::DuplicatePolicy::Overwrite));
    form->addRow(tr("If the email exists"), m_duplicates);
    m_tags = new QLineEdit(setup);
    m_tags->setPlaceholderText(tr("Comma-separated, e.g. Spring Fair, Newsletter"));
    form->addRow(tr("Tag everyone"), m_tags);
    m_consent = new QLineEdit(setup);
    m_consent->setObjectName(QStringLiteral("importConsent"));
    m_consent->setPlaceholderText(tr("Optional: how these people agreed, e.g. \"Sign-up form, March 2026\""));
    form->addRow(tr("Consent basis"), m_consent);
    m_unknownAsCustom = new QCheckBox(tr("Keep other columns as custom fields"), setup);
    form->addRow(QString(), m_unknownAsCustom);
    m_mapping = new QTableWidget(0, 2, setup);
    m_mapping->setHorizontalHeaderLabels({tr("Column in the file"), tr("Imported as")});
    m_mapping->horizontalHeader()->setStretchLastSection(true);
    m_mapping->verticalHeader()->hide();
    m_mapping->setObjectName(QStringLiteral("importMapping"));
    m_mapping->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_mapping->setColumnWidth(0, 240);
    form->addRow(m_mapping);
    m_previewNote = new QLabel(setup);
    m_previewNote->setProperty("role", QStringLiteral("muted"));
    m_previewNote->setWordWrap(true);
    form->addRow(m_previewNote);
    m_pages->addWidget(setup);

    // Page 2: progress, then the report.
    auto *run = new QWidget(this);
    auto *runLayout = new QVBoxLayout(run);
    m_progressLabel = new QLabel(run);
    m_progress = new QProgressBar(run);
    m_progress->setRange(0, 1000);
    m_report = new QLabel(run);
    m_report->setObjectName(QStringLiteral("importReport"));
    m_report->setWordWrap(true);
    m_report->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_report->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_saveRejects = new QPushButton(tr("Save Rejected Rows…"), run);
    m_saveRejects->hide();
    runLayout->addWidget(m_progressLabel);
    runLayout->addWidget(m_progress);
    runLayout->addWidget(m_report, 1);
    runLayout->addWidget(m_saveRejects, 0, Qt::AlignLeft);
    m_pages->addWidget(run);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_startButton = m_buttons->addButton(tr("Import"), QDialogButtonBox::AcceptRole);
    m_startButton->setObjectName(QStringLiteral("importStart"));
    m_startButton->setDefault(true);
    layout->addWidget(m_buttons);

    connect(browse, &QPushButton::clicked, this, &ImportDialog::chooseFile);
    connect(m_file, &QLineEdit::editingFinished, this, &ImportDialog::preview);
    connect(m_encoding, &QComboBox::currentIndexChanged, this, &ImportDialog::preview);
    connect(m_delimiter, &QComboBox::currentIndexChanged, this, &ImportDialog::preview);
    connect(m_unknownAsCustom, &QCheckBox::toggled, this, &ImportDialog::preview);
    connect(m_startButton, &QPushButton::clicked, this, &ImportDialog::start);
    connect(m_buttons, &QDialogButtonBox::rejected, this, [this] {
        if (m_running) {
            m_cancel->store(true);
            m_progressLabel->setText(tr("Cancelling…"));
        } else {
            reject();
        }
    });
    connect(m_saveRejects, &QPushButton::clicked, this, [this] {
        const QString dest = Dialogs::saveFile(this, tr("Save Rejected Rows"),
                                               QFileInfo(m_file->text()).absolutePath() + QStringLiteral("/rejected.csv"),
                                               tr("CSV files (*.csv)"));
        if (!dest.isEmpty() && !(QFile::remove(dest), QFile::copy(m_rejectsTemp, dest)))
            Dialogs::warning(this, tr("Save Rejected Rows"), tr("Could not write %1.").arg(QDir::toNativeSeparators(dest)));
    });
    preview();
}

ImportDialog::~ImportDialog()
{
    m_cancel->store(true);
    if (!m_rejectsTemp.isEmpty())
        QFile::remove(m_rejectsTemp);
}

void ImportDialog::chooseFile()
{
    const QString file = Dialogs::openFile(this, tr("Import Contacts"),
                                           QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
                                           tr("CSV files (*.csv *.txt);;All files (*)"));
    if (file.isEmpty())
        return;
    m_file->setText(file);
    preview();
}

contacts::ImportOptions ImportDialog::options() const
{
    contacts::ImportOptions o;
    o.csv.encoding = static_cast<contacts::CsvReader::Encoding>(m_encoding->currentData().toInt());
    o.csv.delimiter = char16_t(m_delimiter->currentData().toInt());
    o.mapping = m_overrides;
    o.onDuplicate = static_cast<contacts::DuplicatePolicy>(m_duplicates->currentData().toInt());
    for (const QString &t : m_tags->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!t.trimmed().isEmpty())
            o.tags << t.trimmed();
    o.consentText = m_consent->text().trimmed();
    o.defaultCountry = m_session.settings().smsDefaultRegion(); // Settings → SMS: numbers without a country code
    o.unknownAsCustom = m_unknownAsCustom->isChecked();
    o.userId = m_session.isSignedIn() ? std::optional<qint64>(m_session.user().id) : std::nullopt;
    return o;
}

void ImportDialog::preview()
{
    // Reads only the header line: cheap enough for the GUI thread.
    m_mapping->setRowCount(0);
    if (m_file->text().isEmpty()) {
        m_previewNote->setText(tr("Choose a CSV file, or drop one on the Contacts page."));
        m_startButton->setEnabled(false);
        return;
    }
    contacts::ImportOptions o = options();
    // Only a regular file, as the import itself reads it: a FIFO or a device would block this thread.
    auto opened = InputFile::open(m_file->text(), o.csv.maxBytes);
    if (!opened) {
        m_previewNote->setText(opened.error().message);
        m_startButton->setEnabled(false);
        return;
    }
    QFile &file = **opened;
    const QString fileName = QFileInfo(m_file->text()).fileName();
    o.csv.chunkSize = 64 * 1024;
    o.csv.name = fileName;
    contacts::CsvReader reader(&file, o.csv);
    contacts::CsvReader::Record header;
    if (!reader.start() || !reader.next(header)) {
        m_previewNote->setText(reader.error() ? reader.error()->message : tr("%1 has no header line.").arg(fileName));
        m_startButton->setEnabled(false);
        return;
    }
    if (Status s = contacts::ContactImporter::checkHeader(header.fields, tr("%1, line %2").arg(fileName).arg(header.line)); !s) {
        m_previewNote->setText(s.error().message);
        m_startButton->setEnabled(false);
        return;
    }
    // A new file: start from what was chosen last time for the same columns, if anything.
    const QString key = contacts::ContactImporter::headerKey(header.fields);
    if (key != m_headerKey) {
        m_headerKey = key;
        m_header = header.fields;
        m_overrides.clear();
        const QJsonObject saved =
            QJsonDocument::fromJson(m_session.database()->setting(QStringLiteral("import.mapping.") + key).toUtf8()).object();
        for (auto it = saved.constBegin(); it != saved.constEnd(); ++it)
            if (header.fields.contains(it.key()))
                m_overrides.insert(it.key(), it.value().toString());
        o.mapping = m_overrides;
    }
    const auto plan = contacts::ContactImporter::plan(header.fields, o);
    const QStringList planned = plan ? plan->fields : QStringList();
    for (qsizetype i = 0; i < header.fields.size(); ++i) {
        const QString column = header.fields.at(i);
        m_mapping->insertRow(int(i));
        m_mapping->setItem(int(i), 0, new QTableWidgetItem(column));
        // Column by column: any standard field, the tags, a custom field named after the column, or nothing.
        auto *choice = new QComboBox(m_mapping);
        choice->addItem(tr("(not imported)"), QStringLiteral("ignore"));
        for (const QString &f : contacts::ContactImporter::standardFields())
            choice->addItem(f, f);
        const QString custom = QStringLiteral("custom:") + contacts::ContactImporter::customFieldNameFor(column);
        choice->addItem(tr("custom field \"%1\"").arg(custom.mid(7)), custom);
        const QString current = m_overrides.value(column, i < planned.size() ? planned.at(i) : QString());
        const int index = choice->findData(current.isEmpty() ? QStringLiteral("ignore") : current);
        if (index < 0)
            choice->addItem(current, current); // a custom field under another name
        choice->setCurrentIndex(index < 0 ? choice->count() - 1 : index);
        connect(choice, &QComboBox::currentIndexChanged, this, [this, column, choice] {
            m_overrides.insert(column, choice->currentData().toString());
            validatePlan();
        });
        m_mapping->setCellWidget(int(i), 1, choice);
    }
    QString detected = tr("%1 · %2 · delimiter %3")
                           .arg(contacts::ContactImporter::presetName(plan ? plan->preset : contacts::Preset::Generic),
                                contacts::CsvReader::encodingName(reader.encoding()),
                                reader.delimiter() == QLatin1Char('\t') ? tr("tab") : QString(reader.delimiter()));
    // Said before the import starts, so the encoding can still be chosen.
    if (!reader.warnings().isEmpty())
        detected += QLatin1Char('\n') + tr("Warning: %1").arg(reader.warnings().first().message);
    m_previewNote->setProperty("detected", detected);
    validatePlan();
}

void ImportDialog::validatePlan()
{
    // Checks the mapping as it stands (e.g. an email column is still there) without rebuilding the table.
    const auto plan = contacts::ContactImporter::plan(m_header, options());
    m_previewNote->setText(plan ? m_previewNote->property("detected").toString() : plan.error().message);
    m_startButton->setEnabled(plan.ok());
}

void ImportDialog::remember()
{
    if (m_headerKey.isEmpty() || m_overrides.isEmpty() || !m_session.database() || m_session.database()->isReadOnly())
        return;
    QJsonObject saved;
    for (auto it = m_overrides.cbegin(); it != m_overrides.cend(); ++it)
        saved.insert(it.key(), it.value());
    if (Status s = m_session.database()->setSetting(QStringLiteral("import.mapping.") + m_headerKey,
                                                    QString::fromUtf8(QJsonDocument(saved).toJson(QJsonDocument::Compact)),
                                                    m_session.isSignedIn() ? std::optional<qint64>(m_session.user().id)
                                                                           : std::nullopt);
        !s)
        qWarning("Could not remember the import mapping: %s", qPrintable(s.error().message));
}

void ImportDialog::start()
{
    if (m_running)
        return;
    m_running = true;
    m_cancel->store(false);
    m_pages->setCurrentIndex(1);
    m_startButton->hide();
    m_progressLabel->setText(tr("Importing %1…").arg(QFileInfo(m_file->text()).fileName()));
    m_report->clear();
    contacts::ImportOptions o = options();
    m_rejectsTemp = QDir::temp().filePath(QStringLiteral("lux-rejects-%1.csv").arg(QUuid::createUuid().toString(QUuid::Id128)));
    o.rejectsPath = m_rejectsTemp;
    QPointer<ImportDialog> self(this);
    auto *watcher = new QFutureWatcher<Result<contacts::ImportReport>>(this);
    connect(watcher, &QFutureWatcher<Result<contacts::ImportReport>>::finished, this, [this, watcher] {
        finished(watcher->result());
        watcher->deleteLater();
    });
    const QString db = m_session.database()->path();
    const QString csv = m_file->text();
    auto cancel = m_cancel;
    watcher->setFuture(QtConcurrent::run([db, csv, o, cancel, self] {
        return contacts::ContactImporter::run(
            db, csv, o,
            [self](qint64 done, qint64 total) {
                // Queued to the GUI thread; the dialog may be gone by then.
                QMetaObject::invokeMethod(qApp, [self, done, total] {
                    if (self && total > 0)
                        self->m_progress->setValue(int(done * 1000 / total));
                });
            },
            cancel.get());
    }));
}

void ImportDialog::finished(const Result<contacts::ImportReport> &report)
{
    m_running = false;
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Close"));
    if (!report) {
        m_progressLabel->setText(report.error().code == errc::cancelled ? tr("Cancelled: nothing was changed.")
                                                                        : tr("The import failed: nothing was changed."));
        m_report->setText(report.error().code == errc::cancelled ? QString() : report.error().message);
        return;
    }
    m_progress->setValue(1000);
    const QLocale locale;
    m_progressLabel->setText(tr("Done."));
    QString text = tr("Read %1 rows: %2 new contacts, %3 already known (%4 updated), %5 rejected.")
                       .arg(locale.toString(report->read), locale.toString(report->imported),
                            locale.toString(report->duplicates), locale.toString(report->updated),
                            locale.toString(report->rejected));
    for (qsizetype i = 0; i < report->rejections.size() && i < 8; ++i)
        text += QLatin1Char('\n') + tr("Line %1: %2").arg(report->rejections.at(i).line).arg(report->rejections.at(i).reason);
    if (report->rejected > 8)
        text += QLatin1Char('\n') + tr("… and %1 more.").arg(locale.toString(report->rejected - 8));
    // Read all the same, but the user should know (a file that was not UTF-8, say).
    for (const Error &w : report->warnings)
        text += QLatin1Char('\n') + tr("Warning: %1").arg(w.message);
    m_report->setText(text);
    m_saveRejects->setVisible(report->rejected > 0);
    remember();
    Q_EMIT imported();
}

} // namespace lux::ui
