// SPDX-License-Identifier: GPL-3.0-or-later
#include "historydialog.h"

#include "codeeditor.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

namespace lux::ui {

HistoryDialog::HistoryDialog(const QString &templateName, const QList<content::TemplateRevision> &revisions, QWidget *parent)
    : QDialog(parent), m_revisions(revisions)
{
    std::reverse(m_revisions.begin(), m_revisions.end());
    setWindowTitle(tr("History of “%1”").arg(templateName));
    auto *layout = new QVBoxLayout(this);
    auto *split = new QSplitter(this);
    m_list = new QListWidget(split);
    m_list->setObjectName(QStringLiteral("historyList"));
    m_list->setSpacing(3);
    auto *right = new QWidget(split);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_details = new QLabel(right);
    m_details->setWordWrap(true);
    m_details->setProperty("role", QStringLiteral("subtitle"));
    m_source = new CodeEditor(right);
    m_source->setReadOnly(true);
    rightLayout->addWidget(m_details);
    rightLayout->addWidget(m_source, 1);
    split->addWidget(m_list);
    split->addWidget(right);
    split->setSizes({240, 560});
    layout->addWidget(split, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    auto *open = buttons->addButton(tr("Open This Version"), QDialogButtonBox::AcceptRole);
    open->setProperty("primary", true);
    layout->addWidget(buttons);

    const QLocale locale;
    const QString format = locale.dateFormat(QLocale::ShortFormat) + QStringLiteral(" HH:mm:ss");
    for (int i = 0; i < m_revisions.size(); ++i) {
        const content::TemplateRevision &r = m_revisions.at(i);
        const QString when = locale.toString(QDateTime::fromMSecsSinceEpoch(r.at), format);
        const int number = int(m_revisions.size()) - i;
        // How much the version changed the source, against the one before it.
        const qsizetype delta = i + 1 < m_revisions.size() ? r.source.size() - m_revisions.at(i + 1).source.size() : 0;
        QString text = i == 0 ? tr("Version %1 (current)").arg(number) : tr("Version %1").arg(number);
        text += QStringLiteral("\n") + when;
        if (i + 1 < m_revisions.size())
            text += QStringLiteral(" · ") + (delta == 0 ? tr("same length") : tr("%1 characters").arg(delta > 0 ? QStringLiteral("+%1").arg(delta) : QString::number(delta)));
        new QListWidgetItem(text, m_list);
    }
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || row >= m_revisions.size())
            return;
        const content::TemplateRevision &r = m_revisions.at(row);
        m_source->setPlainText(r.source);
        m_details->setText(tr("Subject: %1\nPreheader: %2\n%n character(s) of %3", nullptr, int(r.source.size()))
                               .arg(r.subject.isEmpty() ? tr("(none)") : r.subject, r.preheader.isEmpty() ? tr("(none)") : r.preheader,
                                    r.format == QLatin1String("markdown") ? tr("Markdown") : tr("HTML")));
    });
    connect(m_list, &QListWidget::itemDoubleClicked, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    open->setEnabled(!m_revisions.isEmpty());
    if (!m_revisions.isEmpty())
        m_list->setCurrentRow(0);
    resize(860, 560);
}

content::TemplateRevision HistoryDialog::chosen() const
{
    const int row = m_list->currentRow();
    return row >= 0 && row < m_revisions.size() ? m_revisions.at(row) : content::TemplateRevision{};
}

} // namespace lux::ui
