// SPDX-License-Identifier: GPL-3.0-or-later
#include "setuppage.h"

#include "accountform.h"
#include "authcard.h"
#include "session/appsession.h"
#include "users/passwordhasher.h"
#include "users/userservice.h"

#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QtConcurrent/QtConcurrentRun>

namespace lux::ui {

SetupPage::SetupPage(AppSession &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    auto *layout = new QVBoxLayout(this);
    m_card = new AuthCard(this);
    layout->addWidget(m_card);
    m_card->setTitle(tr("Welcome"));

    m_form = new AccountForm(AccountForm::Fields::NameEmailPassword, this);
    m_form->layout()->setRowWrapPolicy(QFormLayout::WrapAllRows);
    m_card->body()->addWidget(m_form);

    m_error = m_card->addErrorLabel(QStringLiteral("setupError"));

    m_create = new QPushButton(tr("Create Administrator"), this);
    m_create->setObjectName(QStringLiteral("setupCreate"));
    m_create->setProperty("primary", true);
    m_create->setDefault(true);
    m_card->body()->addWidget(m_create);

    connect(m_form, &AccountForm::changed, this, &SetupPage::validate);
    connect(m_form, &AccountForm::submitted, this, &SetupPage::submit);
    connect(m_create, &QPushButton::clicked, this, &SetupPage::submit);
    connect(&m_hashing, &QFutureWatcher<QString>::finished, this, [this] {
        const auto created = m_session.users()->createUserWithHash(nullptr, m_form->name(), m_form->email(),
                                                                   m_hashing.result(), User::Role::Admin);
        m_create->setText(tr("Create Administrator"));
        if (!created) {
            m_error->setText(created.error().message);
            m_error->show();
            validate();
            return;
        }
        Q_EMIT adminCreated(*created);
    });
    validate();
}

void SetupPage::reset()
{
    const QString file = m_session.database() ? QFileInfo(m_session.database()->path()).fileName() : QString();
    m_card->setSubtitle(tr("%1 is a new database. Create its administrator: the account that adds "
                           "everyone else.")
                            .arg(file));
    m_form->clear();
    m_error->hide();
    m_form->focusFirst();
}

void SetupPage::validate()
{
    const QString problem = m_form->problem();
    m_error->setText(problem);
    m_error->setVisible(!problem.isEmpty());
    m_create->setEnabled(m_form->isComplete() && !m_hashing.isRunning());
}

void SetupPage::submit()
{
    validate();
    if (!m_create->isEnabled())
        return;
    m_create->setEnabled(false);
    m_create->setText(tr("Creating…"));
    m_hashing.setFuture(QtConcurrent::run([pw = m_form->password()] { return PasswordHasher::hash(pw); }));
}

} // namespace lux::ui
