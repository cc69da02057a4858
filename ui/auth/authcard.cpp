// SPDX-License-Identifier: GPL-3.0-or-later
#include "authcard.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace lux::ui {

AuthCard::AuthCard(QWidget *parent) : QWidget(parent)
{
    auto *outer = new QVBoxLayout(this);
    outer->addStretch(1);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    auto *card = new QFrame(this);
    card->setObjectName(QStringLiteral("authCard"));
    card->setFixedWidth(420);
    row->addWidget(card);
    row->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(2);

    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(32, 28, 32, 28);
    layout->setSpacing(10);

    auto *brandRow = new QHBoxLayout;
    auto *logo = new QLabel(card);
    logo->setPixmap(QIcon(QStringLiteral(":/icons/org.lux.Marketing.svg")).pixmap(36, 36));
    auto *brand = new QLabel(tr("LUX Marketing"), card);
    brand->setProperty("role", QStringLiteral("brand"));
    brandRow->addWidget(logo);
    brandRow->addWidget(brand);
    brandRow->addStretch(1);
    layout->addLayout(brandRow);
    layout->addSpacing(8);

    m_title = new QLabel(card);
    m_title->setProperty("role", QStringLiteral("title"));
    m_subtitle = new QLabel(card);
    m_subtitle->setProperty("role", QStringLiteral("subtitle"));
    m_subtitle->setWordWrap(true);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addSpacing(6);

    m_body = new QVBoxLayout;
    m_body->setSpacing(8);
    layout->addLayout(m_body);
}

QLabel *AuthCard::addErrorLabel(const QString &objectName)
{
    auto *label = new QLabel(this);
    label->setObjectName(objectName);
    label->setProperty("role", QStringLiteral("error"));
    label->setWordWrap(true);
    label->hide();
    m_body->addWidget(label);
    return label;
}

void AuthCard::setTitle(const QString &title)
{
    m_title->setText(title);
}

void AuthCard::setSubtitle(const QString &subtitle)
{
    m_subtitle->setText(subtitle);
}

} // namespace lux::ui
