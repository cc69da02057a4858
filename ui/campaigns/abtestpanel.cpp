// SPDX-License-Identifier: GPL-3.0-or-later
#include "abtestpanel.h"

#include "campaigns/abstatistics.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace lux::ui {

using campaigns::AbMetric;
using campaigns::AbTests;
using campaigns::AbVariant;


// "about 2 h 15 min", "about 40 min", "under a minute".
QString AbTestPanel::aboutDuration(double minutes)
{
    if (minutes < 1)
        return tr("under a minute");
    const qint64 m = qint64(std::ceil(minutes));
    if (m < 60)
        return tr("about %n min", nullptr, int(m));
    if (m % 60 == 0)
        return tr("about %n h", nullptr, int(m / 60));
    return tr("about %1 h %2 min").arg(m / 60).arg(m % 60);
}

AbTestPanel::AbTestPanel(QWidget *parent) : QGroupBox(parent)
{
    setObjectName(QStringLiteral("abTestPanel"));
    setTitle(tr("Test variants on part of the audience first (A/B test)"));
    setCheckable(true);
    setChecked(false);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("A test group gets the variants in turn; after the wait, the variant more people clicked goes to "
                                "everyone else, if the difference is more than chance. Machine opens and clicks never count."),
                             this);
    intro->setWordWrap(true);
    intro->setProperty("role", QStringLiteral("muted"));
    layout->addWidget(intro);

    m_table = new QTableWidget(RowCount, 0, this);
    m_table->setObjectName(QStringLiteral("abVariants"));
    m_table->setVerticalHeaderLabels({tr("Subject"), tr("Preheader"), tr("Sender name"), tr("Template"), tr("Send time"), tr("In the inbox")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setWordWrap(true);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_table->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_table->setToolTip(tr("Variant A is the campaign as written on the first step. In the others, an empty field is the same as A's. "
                           "Send time: HH:MM, the time of day that variant goes out."));
    layout->addWidget(m_table);
    auto *buttons = new QHBoxLayout;
    m_add = new QPushButton(tr("Add Variant"), this);
    m_add->setObjectName(QStringLiteral("abAddVariant"));
    m_remove = new QPushButton(tr("Remove Last Variant"), this);
    m_remove->setObjectName(QStringLiteral("abRemoveVariant"));
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    auto *form = new QFormLayout;
    auto *group = new QHBoxLayout;
    m_share = new QSpinBox(this);
    m_share->setObjectName(QStringLiteral("abShare"));
    m_shareUnit = new QComboBox(this);
    m_shareUnit->addItem(tr("% of the audience"));
    m_shareUnit->addItem(tr("people"));
    m_share->setRange(1, 100);
    m_share->setValue(20);
    group->addWidget(m_share);
    group->addWidget(m_shareUnit);
    group->addStretch(1);
    form->addRow(tr("Test group:"), group);
    m_wait = new QSpinBox(this);
    m_wait->setObjectName(QStringLiteral("abWait"));
    m_wait->setRange(1, 168);
    m_wait->setValue(4);
    m_wait->setSuffix(tr(" h"));
    m_wait->setToolTip(tr("How long after the last test message is accepted the winner is chosen."));
    form->addRow(tr("Wait before choosing:"), m_wait);
    m_metric = new QComboBox(this);
    m_metric->setObjectName(QStringLiteral("abMetric"));
    m_metric->addItem(tr("People who clicked (recommended)"), int(AbMetric::HumanClicks));
    m_metric->addItem(tr("People who opened (machine opens left out)"), int(AbMetric::HumanOpens));
    m_metric->addItem(tr("Clicks among people who opened"), int(AbMetric::ClickToOpen));
    m_metric->addItem(tr("I choose the winner myself"), int(AbMetric::Manual));
    form->addRow(tr("Winner by:"), m_metric);
    m_noWinner = new QComboBox(this);
    m_noWinner->setObjectName(QStringLiteral("abNoWinner"));
    m_noWinner->addItem(tr("Send variant A to the rest"), int(campaigns::AbNoWinner::SendA));
    m_noWinner->addItem(tr("Wait for my choice"), int(campaigns::AbNoWinner::Wait));
    form->addRow(tr("Without a clear winner:"), m_noWinner);
    auto *plan = new QHBoxLayout;
    m_baseline = new QDoubleSpinBox(this);
    m_baseline->setObjectName(QStringLiteral("abBaseline"));
    m_baseline->setRange(0.1, 90);
    m_baseline->setDecimals(1);
    m_baseline->setSingleStep(0.5);
    m_baseline->setSuffix(tr(" %"));
    m_baseline->setValue(4.0);
    m_lift = new QDoubleSpinBox(this);
    m_lift->setObjectName(QStringLiteral("abLift"));
    m_lift->setRange(0.1, 50);
    m_lift->setDecimals(1);
    m_lift->setSingleStep(0.5);
    m_lift->setSuffix(tr(" points"));
    m_lift->setValue(1.0);
    plan->addWidget(new QLabel(tr("Usual click rate:"), this));
    plan->addWidget(m_baseline);
    plan->addSpacing(12);
    plan->addWidget(new QLabel(tr("Smallest lift worth finding:"), this));
    plan->addWidget(m_lift);
    plan->addStretch(1);
    form->addRow(tr("Planner:"), plan);
    layout->addLayout(form);
    m_plan = new QLabel(this);
    m_plan->setObjectName(QStringLiteral("abPlan"));
    m_power = new QLabel(this);
    m_power->setObjectName(QStringLiteral("abPower"));
    m_pace = new QLabel(this);
    m_pace->setObjectName(QStringLiteral("abPace"));
    m_pace->setProperty("role", QStringLiteral("muted"));
    for (QLabel *l : {m_plan, m_power, m_pace}) {
        l->setWordWrap(true);
        l->setTextFormat(Qt::PlainText);
        layout->addWidget(l);
    }
    m_wait->setMaximumWidth(120);
    m_share->setMinimumWidth(90);

    fillColumnA();
    addColumn({});
    updatePlan();

    connect(m_add, &QPushButton::clicked, this, &AbTestPanel::addVariant);
    connect(m_remove, &QPushButton::clicked, this, &AbTestPanel::removeVariant);
    connect(m_table, &QTableWidget::cellChanged, this, [this](int row, int) {
        if (row != PreviewRow) {
            updatePreviews();
            Q_EMIT changed();
        }
    });
    connect(m_shareUnit, &QComboBox::currentIndexChanged, this, [this](int unit) {
        m_share->setRange(unit == 0 ? 1 : 2, unit == 0 ? 100 : 1'000'000);
        m_share->setSuffix(QString());
        m_share->setValue(unit == 0 ? 20 : int(std::max<qint64>(2, m_audience > 0 ? m_audience / 5 : 1000)));
        updatePlan();
    });
    for (QSpinBox *s : {m_share, m_wait})
        connect(s, &QSpinBox::valueChanged, this, [this] {
            updatePlan();
            Q_EMIT changed();
        });
    connect(m_baseline, &QDoubleSpinBox::valueChanged, this, [this] {
        m_baselineTouched = true;
        updatePlan();
    });
    connect(m_lift, &QDoubleSpinBox::valueChanged, this, &AbTestPanel::updatePlan);
    for (QComboBox *c : {m_metric, m_noWinner})
        connect(c, &QComboBox::currentIndexChanged, this, [this] {
            m_noWinner->setEnabled(m_metric->currentData().toInt() != int(AbMetric::Manual));
            updatePlan();
            Q_EMIT changed();
        });
    connect(this, &QGroupBox::toggled, this, &AbTestPanel::changed);
}

void AbTestPanel::setTemplates(const QList<TemplateChoice> &templates)
{
    m_templates = templates;
    for (int column = 1; column < m_table->columnCount(); ++column) {
        auto *combo = qobject_cast<QComboBox *>(m_table->cellWidget(TemplateRow, column));
        const qint64 current = combo ? combo->currentData().toLongLong() : 0;
        if (!combo)
            continue;
        const QSignalBlocker quiet(combo);
        combo->clear();
        combo->addItem(tr("Same as A"), 0);
        for (const TemplateChoice &t : templates)
            combo->addItem(t.name, t.id);
        combo->setCurrentIndex(std::max(0, combo->findData(current)));
    }
    fillColumnA();
}

void AbTestPanel::setCampaign(const campaigns::Campaign &campaign)
{
    m_campaign = campaign;
    fillColumnA();
}

void AbTestPanel::setAudience(qint64 people)
{
    m_audience = people;
    updatePlan();
}

void AbTestPanel::setPace(int perMinute, int mailboxes)
{
    m_perMinute = std::max(1, perMinute);
    m_mailboxes = std::max(1, mailboxes);
    updatePlan();
}

void AbTestPanel::setBaseline(std::optional<double> rate)
{
    if (!rate || m_baselineTouched || *rate <= 0)
        return;
    const QSignalBlocker quiet(m_baseline);
    m_baseline->setValue(std::clamp(*rate * 100.0, 0.1, 90.0));
    updatePlan();
}

void AbTestPanel::setMinimumPerVariant(qint64 minimum)
{
    m_minimum = std::max<qint64>(1, minimum);
    updatePlan();
}

void AbTestPanel::setConfig(const std::optional<campaigns::AbTestConfig> &config)
{
    m_loaded = config;
    const QSignalBlocker quiet(this);
    setChecked(config.has_value());
    while (m_table->columnCount() > 1)
        m_table->removeColumn(m_table->columnCount() - 1);
    if (!config) {
        addColumn({});
        updatePlan();
        return;
    }
    for (int i = 1; i < config->variants.size(); ++i)
        addColumn(config->variants.at(i));
    {
        const QSignalBlocker a(m_shareUnit), b(m_share), c(m_wait), d(m_metric), e(m_noWinner), f(m_baseline), g(m_lift);
        m_shareUnit->setCurrentIndex(config->testSize > 0 ? 1 : 0);
        m_share->setRange(config->testSize > 0 ? 2 : 1, config->testSize > 0 ? 1'000'000 : 100);
        m_share->setValue(config->testSize > 0 ? int(std::min<qint64>(config->testSize, 1'000'000)) : int(std::lround(config->testPercent)));
        m_wait->setValue(int(std::clamp<qint64>((config->waitMs + 3'599'999) / 3'600'000, 1, 168)));
        m_metric->setCurrentIndex(std::max(0, m_metric->findData(int(config->metric))));
        m_noWinner->setCurrentIndex(config->noWinner == campaigns::AbNoWinner::Wait ? 1 : 0);
        m_noWinner->setEnabled(config->metric != AbMetric::Manual);
        if (config->baseline) {
            m_baseline->setValue(*config->baseline * 100.0);
            m_baselineTouched = true;
        }
        if (config->lift)
            m_lift->setValue(*config->lift * 100.0);
    }
    updatePreviews();
    updatePlan();
}

std::optional<campaigns::AbTestConfig> AbTestPanel::config() const
{
    if (!isChecked())
        return std::nullopt;
    campaigns::AbTestConfig c;
    c.variants << AbVariant{};
    for (int column = 1; column < m_table->columnCount(); ++column) {
        AbVariant v;
        v.subject = cell(SubjectRow, column);
        v.preheader = cell(PreheaderRow, column);
        v.fromName = cell(FromNameRow, column);
        if (auto *combo = qobject_cast<QComboBox *>(m_table->cellWidget(TemplateRow, column)))
            v.templateId = combo->currentData().toLongLong();
        if (const QTime at = QTime::fromString(cell(TimeRow, column), QStringLiteral("H:mm")); at.isValid())
            v.sendTime = at;
        c.variants << v;
    }
    if (m_shareUnit->currentIndex() == 1)
        c.testSize = m_share->value();
    else
        c.testPercent = m_share->value();
    c.waitMs = qint64(m_wait->value()) * 3'600'000;
    // A test set elsewhere (luxctl's --wait 30m, --test-percent 12.5) keeps what the boxes round,
    // unless the user changed them here.
    if (m_loaded) {
        if (m_loaded->testSize <= 0 && m_shareUnit->currentIndex() == 0 && std::lround(m_loaded->testPercent) == m_share->value())
            c.testPercent = m_loaded->testPercent;
        if (std::clamp<qint64>((m_loaded->waitMs + 3'599'999) / 3'600'000, 1, 168) == m_wait->value())
            c.waitMs = m_loaded->waitMs;
    }
    c.metric = AbMetric(m_metric->currentData().toInt());
    c.noWinner = campaigns::AbNoWinner(m_noWinner->currentData().toInt());
    c.baseline = m_baseline->value() / 100.0;
    c.lift = m_lift->value() / 100.0;
    return c;
}

QString AbTestPanel::problem() const
{
    if (!isChecked())
        return {};
    for (int column = 1; column < m_table->columnCount(); ++column) {
        const QString at = cell(TimeRow, column);
        if (!at.isEmpty() && !QTime::fromString(at, QStringLiteral("H:mm")).isValid())
            return tr("Variant %1: “%2” is not a time of day (HH:MM).").arg(AbTests::variantName(column), at);
    }
    return {};
}

int AbTestPanel::variantCount() const
{
    return m_table->columnCount();
}

void AbTestPanel::addVariant()
{
    if (m_table->columnCount() >= campaigns::AbStatistics::kMaxVariants)
        return;
    addColumn({});
    updatePlan();
    Q_EMIT changed();
}

void AbTestPanel::removeVariant()
{
    if (m_table->columnCount() <= campaigns::AbStatistics::kMinVariants)
        return;
    m_table->removeColumn(m_table->columnCount() - 1);
    m_add->setEnabled(true);
    m_remove->setEnabled(m_table->columnCount() > campaigns::AbStatistics::kMinVariants);
    updatePlan();
    Q_EMIT changed();
}

QString AbTestPanel::planText() const
{
    QStringList parts;
    for (const QLabel *l : {m_plan, m_power, m_pace})
        if (!l->text().isEmpty())
            parts << l->text();
    return parts.join(u'\n');
}

QString AbTestPanel::cell(int row, int column) const
{
    const QTableWidgetItem *item = m_table->item(row, column);
    return item ? item->text().trimmed() : QString();
}

void AbTestPanel::fillColumnA()
{
    const QSignalBlocker quiet(m_table);
    if (m_table->columnCount() == 0)
        m_table->insertColumn(0);
    m_table->setHorizontalHeaderItem(0, new QTableWidgetItem(tr("A (as written)")));
    QString templateName;
    for (const TemplateChoice &t : std::as_const(m_templates))
        if (t.id == m_campaign.templateId)
            templateName = t.name;
    const QStringList values{m_campaign.subject, m_campaign.preheader, m_campaign.fromName, templateName, tr("when scheduled"), QString()};
    for (int row = 0; row < RowCount; ++row) {
        auto *item = new QTableWidgetItem(values.at(row));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        item->setForeground(palette().color(QPalette::PlaceholderText));
        m_table->setItem(row, 0, item);
    }
    updatePreviews();
}

void AbTestPanel::addColumn(const AbVariant &v)
{
    const int column = m_table->columnCount();
    {
        const QSignalBlocker quiet(m_table);
        m_table->insertColumn(column);
        m_table->setHorizontalHeaderItem(column, new QTableWidgetItem(AbTests::variantName(column)));
        m_table->setItem(SubjectRow, column, new QTableWidgetItem(v.subject));
        m_table->setItem(PreheaderRow, column, new QTableWidgetItem(v.preheader));
        m_table->setItem(FromNameRow, column, new QTableWidgetItem(v.fromName));
        m_table->setItem(TimeRow, column, new QTableWidgetItem(v.sendTime ? v.sendTime->toString(QStringLiteral("HH:mm")) : QString()));
        auto *preview = new QTableWidgetItem;
        preview->setFlags(Qt::ItemIsEnabled);
        m_table->setItem(PreviewRow, column, preview);
        auto *combo = new QComboBox(m_table);
        combo->setProperty("templateCell", true);
        combo->addItem(tr("Same as A"), 0);
        for (const TemplateChoice &t : std::as_const(m_templates))
            combo->addItem(t.name, t.id);
        combo->setCurrentIndex(std::max(0, combo->findData(v.templateId)));
        connect(combo, &QComboBox::currentIndexChanged, this, [this] {
            updatePreviews();
            Q_EMIT changed();
        });
        m_table->setCellWidget(TemplateRow, column, combo);
    }
    m_add->setEnabled(m_table->columnCount() < campaigns::AbStatistics::kMaxVariants);
    m_remove->setEnabled(m_table->columnCount() > campaigns::AbStatistics::kMinVariants);
    updatePreviews();
}

// What an inbox shows of each variant: the subject, then the preheader in grey (here after a dash).
void AbTestPanel::updatePreviews()
{
    const QSignalBlocker quiet(m_table);
    for (int column = 0; column < m_table->columnCount(); ++column) {
        QTableWidgetItem *item = m_table->item(PreviewRow, column);
        if (!item) {
            item = new QTableWidgetItem;
            item->setFlags(Qt::ItemIsEnabled);
            m_table->setItem(PreviewRow, column, item);
        }
        QString subject = column ? cell(SubjectRow, column) : QString();
        QString preheader = column ? cell(PreheaderRow, column) : QString();
        QString from = column ? cell(FromNameRow, column) : QString();
        const TemplateChoice *chosen = nullptr;
        const qint64 templateId = [&]() -> qint64 {
            if (auto *combo = column ? qobject_cast<QComboBox *>(m_table->cellWidget(TemplateRow, column)) : nullptr)
                return combo->currentData().toLongLong();
            return 0;
        }();
        for (const TemplateChoice &t : std::as_const(m_templates))
            if (t.id == (templateId ? templateId : m_campaign.templateId))
                chosen = &t;
        if (subject.isEmpty())
            subject = !m_campaign.subject.isEmpty() ? m_campaign.subject : chosen ? chosen->subject : QString();
        if (preheader.isEmpty())
            preheader = !m_campaign.preheader.isEmpty() ? m_campaign.preheader : chosen ? chosen->preheader : QString();
        if (from.isEmpty())
            from = !m_campaign.fromName.isEmpty() ? m_campaign.fromName : m_campaign.fromEmail;
        item->setText(preheader.isEmpty() ? tr("%1\n%2").arg(from, subject) : tr("%1\n%2 — %3").arg(from, subject, preheader));
    }
}

void AbTestPanel::updatePlan()
{
    const int k = m_table->columnCount();
    campaigns::AbPlanInput in;
    in.baseline = m_baseline->value() / 100.0;
    in.lift = m_lift->value() / 100.0;
    in.variants = k;
    const auto plan = campaigns::AbStatistics::plan(in);
    m_power->clear();
    m_pace->clear();
    if (!plan) {
        m_plan->setText(plan.error().message);
        return;
    }
    const QLocale locale;
    const QString from = locale.toString(in.baseline * 100.0, 'f', 1), to = locale.toString((in.baseline + in.lift) * 100.0, 'f', 1);
    // The rule also waits for its minimum per variant, whatever the power.
    const qint64 needed = std::max(plan->perVariant, m_minimum);
    QString text = tr("To tell %1 % from %2 % with 80 % power, each variant needs %Ln people (%3 in the test group).", nullptr, int(std::min<qint64>(needed, INT_MAX)))
                       .arg(from, to, locale.toString(needed * k));
    if (m_metric->currentData().toInt() != int(AbMetric::HumanClicks))
        text += u' ' + tr("(Planned on clicks; the metric chosen has its own rates.)");
    m_plan->setText(text);
    if (m_audience < 0)
        return;
    campaigns::AbTestConfig sized;
    sized.variants.resize(k);
    if (m_shareUnit->currentIndex() == 1)
        sized.testSize = m_share->value();
    else
        sized.testPercent = m_share->value();
    const qint64 group = AbTests::testGroupSize(sized, m_audience);
    const qint64 each = group / std::max(1, k);
    // The power this group has for that lift (the planner's formula, solved for the power).
    const double p1 = in.baseline, p2 = in.baseline + in.lift, pBar = (p1 + p2) / 2;
    const double zAlpha = campaigns::AbStatistics::normalQuantile(1 - plan->alphaPerComparison / 2);
    const double power = each > 0 ? campaigns::AbStatistics::normalCdf((in.lift * std::sqrt(double(each)) - zAlpha * std::sqrt(2 * pBar * (1 - pBar)))
                                                                         / std::sqrt(p1 * (1 - p1) + p2 * (1 - p2)))
                                  : 0.0;
    const bool enough = each >= needed;
    const int people = int(std::min<qint64>(group, INT_MAX));
    if (enough)
        m_power->setText(tr("The test group has %Ln people, %1 a variant: enough.", nullptr, people).arg(locale.toString(each)));
    else if (each < m_minimum)
        m_power->setText(tr("Warning: the test group has %Ln people, %1 a variant, fewer than the %2 a variant a winner needs: "
                            "the test would end without one. Test a bigger share or fewer variants.", nullptr, people)
                             .arg(locale.toString(each), locale.toString(m_minimum)));
    else
        m_power->setText(tr("Warning: the test group has %Ln people, %1 a variant, so a lift this size would be found only %2 % of the time. "
                            "Test a bigger share, fewer variants, or look for a larger lift.", nullptr, people)
                             .arg(locale.toString(each), locale.toString(std::round(power * 100.0), 'f', 0)));
    m_power->setProperty("role", enough ? QStringLiteral("success") : QStringLiteral("warning"));
    m_power->style()->unpolish(m_power);
    m_power->style()->polish(m_power);
    QString pace = tr("Sending the test group takes %1 at %n message(s) a minute", nullptr, m_perMinute).arg(aboutDuration(double(group) / m_perMinute));
    pace += u' ' + tr("(%n mailbox(es)); the winner is chosen %1 after the last one.", nullptr, m_mailboxes).arg(tr("%n hour(s)", nullptr, m_wait->value()));
    if (m_audience - group > 0)
        pace += u' ' + tr("The rest, %Ln people, gets the winner.", nullptr, int(std::min<qint64>(m_audience - group, INT_MAX)));
    m_pace->setText(pace);
}

} // namespace lux::ui
