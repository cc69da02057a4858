// SPDX-License-Identifier: GPL-3.0-or-later
#include "startpage.h"

#include "auth/authcard.h"
#include "theme/theme.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace lux::ui {

StartPage::StartPage(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *card = new AuthCard(this);
    card->setTitle(tr("No database open"));
    card->setSubtitle(tr("Open an existing LUX Marketing database, or create a new one."));
    layout->addWidget(card);
    m_message = card->addErrorLabel(QStringLiteral("startMessage"));
    auto *open = new QPushButton(Theme::icon(QStringLiteral("open")), tr("Open Database…"), this);
    open->setProperty("primary", true);
    auto *create = new QPushButton(Theme::icon(QStringLiteral("new")), tr("New Database…"), this);
    card->body()->addWidget(open);
    card->body()->addWidget(create);
    connect(open, &QPushButton::clicked, this, &StartPage::openRequested);
    connect(create, &QPushButton::clicked, this, &StartPage::newRequested);
}

void StartPage::setMessage(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

} // namespace lux::ui
