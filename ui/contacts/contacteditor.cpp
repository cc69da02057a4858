// SPDX-License-Identifier: GPL-3.0-or-later
#include "contacteditor.h"

#include "contacts/addressing.h"
#include "contacts/fieldcatalog.h"
#include "contacts/phonenumbers.h"
#include "contacts/suppression.h"
#include "contactsmodel.h"
#include "session/appsession.h"
#include "storage/sqlitefile.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDate>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QStyle>
#include <QTimeZone>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace lux::ui {

using contacts::Addressing;
using contacts::Contact;

namespace {

QString phoneCountry(const QString &country)
{
    return country.size() == 2 ? country.toUpper() : QLocale::territoryToCode(QLocale::system().territory());
}

} // namespace

ContactEditor::ContactEditor(AppSession &session, const std::optional<Contact> &existing,
                             const QList<contacts::CustomField> &customFields, QWidget *parent)
    : QDialog(parent), m_session(session), m_original(existing.value_or(Contact{}))
{
    setObjectName(QStringLiteral("contactEditor"));
    setWindowTitle(isNew() ? tr("New Contact") : tr("Edit Contact"));
    auto *outer = new QVBoxLayout(this);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *body = new QWidget(scroll);
    m_form = new QFormLayout(body);
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    scroll->setWidget(body);
    outer->addWidget(scroll, 1);

    const auto line = [this](const QString &name, const QString &value, const QString &placeholder = {}) {
        auto *edit = new QLineEdit(value, this);
        edit->setObjectName(QStringLiteral("edit_") + name);
        edit->setPlaceholderText(placeholder);
        m_edits.insert(name, edit);
        connect(edit, &QLineEdit::textChanged, this, &ContactEditor::validate);
        return edit;
    };
    const Contact &c = m_original;
    addRow(QStringLiteral("email"), tr("Email"), line(QStringLiteral("email"), c.email, tr("name@example.com")));
    addRow({}, tr("First name"), line(QStringLiteral("first_name"), c.firstName));
    addRow({}, tr("Last name"), line(QStringLiteral("last_name"), c.lastName));
    addRow(QStringLiteral("phone"), tr("Phone"), line(QStringLiteral("phone"), c.phone, tr("+1 415 555 0132")));
    addRow({}, tr("Company"), line(QStringLiteral("company"), c.company));
    addRow({}, tr("City"), line(QStringLiteral("city"), c.city));
    addRow(QStringLiteral("country"), tr("Country"), line(QStringLiteral("country"), c.country, tr("Two-letter code, e.g. US")));

    m_timeZone = new QComboBox(this);
    m_timeZone->setObjectName(QStringLiteral("edit_time_zone"));
    m_timeZone->setEditable(true);
    m_timeZone->addItem(QString());
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        m_timeZone->addItem(QString::fromLatin1(id));
    m_timeZone->setCurrentText(c.timeZone);
    m_timeZone->completer()->setFilterMode(Qt::MatchContains);
    m_timeZone->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    connect(m_timeZone, &QComboBox::currentTextChanged, this, &ContactEditor::validate);
    addRow(QStringLiteral("time_zone"), tr("Time zone"), m_timeZone);
    addRow(QStringLiteral("language"), tr("Language"), line(QStringLiteral("language"), c.language, tr("e.g. en, es, pt-BR")));

    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("edit_status"));
    for (const char *s : {"subscribed", "unsubscribed", "bounced", "complained", "cleaned"})
        m_status->addItem(ContactsModel::statusLabel(QString::fromLatin1(s)), QString::fromLatin1(s));
    m_status->setCurrentIndex(qMax(0, m_status->findData(c.status)));
    connect(m_status, &QComboBox::currentIndexChanged, this, &ContactEditor::validate);
    addRow(QStringLiteral("status"), tr("Status"), m_status);

    m_tags = new QLineEdit(c.tags.join(QStringLiteral(", ")), this);
    m_tags->setObjectName(QStringLiteral("edit_tags"));
    m_tags->setPlaceholderText(tr("Comma-separated, e.g. VIP, Newsletter"));
    addRow({}, tr("Tags"), m_tags);

    // Custom fields, each with an editor for its type.
    {
        for (const contacts::CustomField &field : customFields) {
            const QString &name = field.name;
            const QString &type = field.type;
            const QString value = c.custom.value(name).toVariant().toString();
            QWidget *editor = nullptr;
            if (type == QLatin1String("bool")) {
                auto *box = new QCheckBox(this);
                box->setChecked(c.custom.value(name).toBool() || value == QLatin1String("true"));
                editor = box;
            } else if (type == QLatin1String("choice")) {
                auto *combo = new QComboBox(this);
                combo->addItem(QString());
                combo->addItems(field.choices);
                combo->setCurrentText(value);
                editor = combo;
            } else {
                auto *edit = new QLineEdit(value, this);
                if (type == QLatin1String("date"))
                    edit->setPlaceholderText(tr("YYYY-MM-DD"));
                connect(edit, &QLineEdit::textChanged, this, &ContactEditor::validate);
                editor = edit;
            }
            editor->setObjectName(QStringLiteral("custom_") + name);
            m_customEditors.insert(name, editor);
            m_customTypes.insert(name, type);
            addRow(name, field.label, editor);
        }
    }
    if (isNew()) {
        m_consent = new QLineEdit(this);
        m_consent->setObjectName(QStringLiteral("edit_consent"));
        m_consent->setPlaceholderText(tr("How did they agree? e.g. signed up at the spring fair"));
        addRow({}, tr("Consent"), m_consent,
               tr("Recorded in the contact's consent history. Leave empty if you have no consent to email them."));
    }

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    outer->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (isValid())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_emailDelay.setSingleShot(true);
    m_emailDelay.setInterval(250);
    connect(&m_emailDelay, &QTimer::timeout, this, &ContactEditor::checkEmailInUse);
    connect(&m_emailCheck, &QFutureWatcherBase::finished, this, [this] {
        if (m_emailCheck.property("key").toString() != m_emailChecked)
            return; // an older address; the current one is being looked up
        if (m_emailCheck.result())
            m_emailInUse = m_emailChecked;
        m_checkPending = false;
        validate();
    });
    resize(520, 640);
    validate();
}

void ContactEditor::addRow(const QString &field, const QString &label, QWidget *editor, const QString &hint)
{
    auto *cell = new QWidget(this);
    auto *layout = new QVBoxLayout(cell);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(editor);
    if (!field.isEmpty() || !hint.isEmpty()) {
        auto *message = new QLabel(hint, cell);
        message->setObjectName(QStringLiteral("message_") + (field.isEmpty() ? QStringLiteral("hint") : field));
        message->setProperty("role", QStringLiteral("muted"));
        message->setWordWrap(true);
        message->setVisible(!hint.isEmpty());
        layout->addWidget(message);
        if (!field.isEmpty())
            m_messages.insert(field, message);
    }
    m_form->addRow(label, cell);
}

void ContactEditor::setProblem(const QString &field, const QString &problem, const QString &hint)
{
    if (problem.isEmpty())
        m_problems.remove(field);
    else
        m_problems.insert(field, problem);
    QLabel *message = m_messages.value(field);
    if (!message)
        return;
    const QString text = problem.isEmpty() ? hint : problem;
    message->setText(text);
    message->setVisible(!text.isEmpty());
    const QString role = problem.isEmpty() ? QStringLiteral("muted") : QStringLiteral("error");
    if (message->property("role").toString() != role) {
        message->setProperty("role", role);
        message->style()->unpolish(message);
        message->style()->polish(message);
    }
}

QString ContactEditor::problem(const QString &field) const
{
    return m_problems.value(field);
}

bool ContactEditor::isValid() const
{
    return m_problems.isEmpty() && !isCheckingEmail();
}

void ContactEditor::validate()
{
    const auto text = [this](const char *name) { return m_edits.value(QLatin1String(name))->text().trimmed(); };

    // Email: syntax at once, "already used" from the worker.
    const auto email = Addressing::parseEmail(text("email"));
    if (!email) {
        setProblem(QStringLiteral("email"), text("email").isEmpty() ? tr("An email address is required.") : email.error().message);
    } else if (email->key == m_emailInUse) {
        setProblem(QStringLiteral("email"), tr("Another contact already has this address."));
    } else {
        setProblem(QStringLiteral("email"), {}, email->display != text("email") ? tr("Saved as %1").arg(email->display) : QString());
        if (email->key != m_emailChecked) {
            m_emailChecked = email->key;
            m_checkPending = true;
            m_emailDelay.start();
        }
    }

    const QString country = text("country");
    if (!country.isEmpty() && (country.size() != 2 || QLocale::codeToTerritory(country.toUpper()) == QLocale::AnyTerritory))
        setProblem(QStringLiteral("country"), tr("Use the two-letter ISO code, such as US, ES or DE."));
    else
        setProblem(QStringLiteral("country"), {},
                   country.isEmpty() ? QString() : QLocale::territoryToString(QLocale::codeToTerritory(country.toUpper())));

    const QString phone = text("phone");
    if (phone.isEmpty()) {
        setProblem(QStringLiteral("phone"), {});
    } else if (const auto parsed = contacts::PhoneNumbers::parse(phone, phoneCountry(country)); !parsed) {
        setProblem(QStringLiteral("phone"), parsed.error().message);
    } else {
        // The number's type matters only when it keeps the number from being texted (a landline).
        QStringList notes;
        if (parsed->e164 != phone)
            notes << tr("Saved as %1").arg(parsed->e164);
        if (!parsed->canBeTexted())
            notes << tr("%1: not texted").arg(contacts::PhoneNumbers::typeLabel(parsed->type));
        setProblem(QStringLiteral("phone"), {}, notes.join(QStringLiteral(" · ")));
    }

    const QString zone = m_timeZone->currentText().trimmed();
    setProblem(QStringLiteral("time_zone"),
               zone.isEmpty() || QTimeZone::isTimeZoneIdAvailable(zone.toLatin1()) ? QString()
                                                                                    : tr("Not a known time zone; pick one from the list."));

    static const QRegularExpression languageTag(QStringLiteral(R"(^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$)"));
    const QString language = text("language");
    setProblem(QStringLiteral("language"),
               language.isEmpty() || languageTag.match(language).hasMatch() ? QString()
                                                                            : tr("Use a language code such as en, es or pt-BR."));

    const QString status = m_status->currentData().toString();
    if (status == QLatin1String("subscribed") && !isNew() && m_original.status != status && m_session.database()
        && email
        && contacts::SuppressionList(m_session.database()->connection())
               .contains(contacts::SuppressionList::Channel::Email, email->display))
        setProblem(QStringLiteral("status"), tr("This address is on the suppression list and cannot be subscribed again."));
    else
        setProblem(QStringLiteral("status"), {});

    for (auto it = m_customEditors.constBegin(); it != m_customEditors.constEnd(); ++it) {
        const QString type = m_customTypes.value(it.key());
        const auto *edit = qobject_cast<const QLineEdit *>(it.value());
        const QString value = edit ? edit->text().trimmed() : QString();
        QString why;
        if (!value.isEmpty() && type == QLatin1String("number")) {
            bool ok = false;
            QLocale::c().toDouble(value, &ok);
            if (!ok)
                why = tr("A number, such as 42 or 3.5.");
        } else if (!value.isEmpty() && type == QLatin1String("date") && !QDate::fromString(value, Qt::ISODate).isValid()) {
            why = tr("A date as YYYY-MM-DD.");
        }
        setProblem(it.key(), why);
    }
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(isValid());
}

void ContactEditor::checkEmailInUse()
{
    if (!m_session.database())
        return;
    m_emailCheck.setProperty("key", m_emailChecked);
    m_emailCheck.setFuture(QtConcurrent::run([path = m_session.database()->path(), key = m_emailChecked, id = m_original.id] {
        storage::ScopedConnection conn(path, storage::ScopedConnection::Mode::ReadOnly);
        const auto taken = contacts::ContactRepository(conn.db()).emailTaken(key, id);
        return taken && *taken;
    }));
    validate();
}

Contact ContactEditor::edited() const
{
    Contact c = m_original;
    const auto text = [this](const char *name) { return m_edits.value(QLatin1String(name))->text().trimmed(); };
    c.email = text("email");
    c.firstName = text("first_name");
    c.lastName = text("last_name");
    c.phone = text("phone");
    c.company = text("company");
    c.city = text("city");
    c.country = text("country").toUpper();
    c.timeZone = m_timeZone->currentText().trimmed();
    c.language = text("language");
    c.status = m_status->currentData().toString();
    c.tags.clear();
    for (const QString &tag : m_tags->text().split(u',', Qt::SkipEmptyParts))
        if (!tag.trimmed().isEmpty() && !c.tags.contains(tag.trimmed(), Qt::CaseInsensitive))
            c.tags << tag.trimmed();
    for (auto it = m_customEditors.constBegin(); it != m_customEditors.constEnd(); ++it) {
        QString value;
        if (const auto *box = qobject_cast<const QCheckBox *>(it.value()))
            value = box->isChecked() ? QStringLiteral("true") : QString();
        else if (const auto *combo = qobject_cast<const QComboBox *>(it.value()))
            value = combo->currentText();
        else if (const auto *edit = qobject_cast<const QLineEdit *>(it.value()))
            value = edit->text().trimmed();
        if (value.isEmpty())
            c.custom.remove(it.key());
        else
            c.custom.insert(it.key(), value);
    }
    return c;
}

QString ContactEditor::consentEvidence() const
{
    return m_consent ? m_consent->text().trimmed() : QString();
}

} // namespace lux::ui
