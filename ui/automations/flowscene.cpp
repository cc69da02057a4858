// SPDX-License-Identifier: GPL-3.0-or-later
#include "flowscene.h"

#include "theme/theme.h"

#include <QApplication>
#include <QFontMetrics>
#include <QGraphicsPathItem>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsSimpleTextItem>
#include <QLocale>
#include <QPainter>
#include <QPalette>

namespace lux::ui {

using automations::Step;
using automations::StepKind;

namespace {

constexpr qreal kPortRadius = 6;

QColor kindColour(StepKind kind)
{
    switch (kind) {
    case StepKind::Email:
    case StepKind::Sms: return Theme::color("accent");
    case StepKind::Wait:
    case StepKind::WaitUntil:
    case StepKind::WaitEvent: return Theme::color("warning");
    case StepKind::Condition:
    case StepKind::Split: return QColor(0x8e, 0x6c, 0xd8);
    case StepKind::Goal:
    case StepKind::Tag:
    case StepKind::SetField:
    case StepKind::Notify: return Theme::color("success");
    case StepKind::Exit: return Theme::color("muted");
    }
    return Theme::color("muted");
}

QString duration(int minutes)
{
    if (minutes > 0 && minutes % 1440 == 0)
        return StepCard::tr("%n day(s)", nullptr, minutes / 1440);
    if (minutes > 0 && minutes % 60 == 0)
        return StepCard::tr("%n hour(s)", nullptr, minutes / 60);
    return StepCard::tr("%n minute(s)", nullptr, minutes);
}

QString eventLabel(const QString &event)
{
    if (event == u"opened")
        return StepCard::tr("Until they open it, at most %1");
    if (event == u"clicked")
        return StepCard::tr("Until they click, at most %1");
    if (event == u"registered")
        return StepCard::tr("Until they register, at most %1");
    if (event == u"replied")
        return StepCard::tr("Until they reply, at most %1");
    return event + QStringLiteral(" %1");
}

} // namespace

StepCard::StepCard(FlowScene *scene, const Step &step) : m_scene(scene), m_step(step)
{
    setFlags(ItemIsSelectable | ItemIsMovable | ItemSendsGeometryChanges);
    setPos(step.position);
    setAcceptHoverEvents(true);
    setCursor(Qt::OpenHandCursor);
}

void StepCard::setStep(const Step &step)
{
    m_step = step;
    update();
}

void StepCard::setCounts(const std::optional<automations::StepCount> &counts)
{
    m_counts = counts;
    update();
}

void StepCard::setProblem(int severity)
{
    m_problem = severity;
    update();
}

void StepCard::setStart(bool start)
{
    m_start = start;
    update();
}

QString StepCard::kindLabel(StepKind kind)
{
    switch (kind) {
    case StepKind::Email: return tr("Send email");
    case StepKind::Sms: return tr("Send text");
    case StepKind::Tag: return tr("Tag");
    case StepKind::SetField: return tr("Set field");
    case StepKind::Wait: return tr("Wait");
    case StepKind::WaitUntil: return tr("Wait until");
    case StepKind::WaitEvent: return tr("Wait for");
    case StepKind::Condition: return tr("If / else");
    case StepKind::Split: return tr("Random split");
    case StepKind::Goal: return tr("Goal");
    case StepKind::Notify: return tr("Notify me");
    case StepKind::Exit: return tr("Exit");
    }
    return {};
}

QString StepCard::summary(const Step &s)
{
    switch (s.kind) {
    case StepKind::Email: return s.subject.isEmpty() ? tr("No subject yet") : s.subject;
    case StepKind::Sms: return s.text.isEmpty() ? tr("No text yet") : s.text.simplified();
    case StepKind::Tag: {
        QStringList parts;
        if (!s.addTags.isEmpty())
            parts << tr("+ %1").arg(s.addTags.join(QStringLiteral(", ")));
        if (!s.removeTags.isEmpty())
            parts << tr("− %1").arg(s.removeTags.join(QStringLiteral(", ")));
        return parts.isEmpty() ? tr("No tags yet") : parts.join(QStringLiteral("  "));
    }
    case StepKind::SetField: return s.field.isEmpty() ? tr("No field yet") : tr("%1 = %2").arg(s.field, s.value);
    case StepKind::Wait: return s.durationMinutes > 0 ? duration(s.durationMinutes) : tr("No duration yet");
    case StepKind::WaitUntil: {
        const QString time = QStringLiteral("%1:%2").arg(s.minuteOfDay / 60, 2, 10, QLatin1Char('0')).arg(s.minuteOfDay % 60, 2, 10, QLatin1Char('0'));
        if (s.weekdays.isEmpty())
            return tr("%1, their time").arg(time);
        QStringList days;
        for (int d : s.weekdays)
            days << QLocale().dayName(d, QLocale::ShortFormat);
        return tr("%1 on %2, their time").arg(time, days.join(QStringLiteral(", ")));
    }
    case StepKind::WaitEvent:
        return s.event.isEmpty() ? tr("Nothing chosen yet") : eventLabel(s.event).arg(duration(s.timeoutMinutes));
    case StepKind::Condition:
    case StepKind::Goal: return s.condition ? s.condition->describe() : tr("No condition yet");
    case StepKind::Split: {
        QStringList shares;
        for (const automations::SplitBranch &b : s.branches)
            shares << tr("%1 %").arg(b.percent);
        return shares.join(QStringLiteral(" / "));
    }
    case StepKind::Notify: return s.text.isEmpty() ? tr("No message yet") : s.text.simplified();
    case StepKind::Exit: return tr("Leaves the workflow");
    }
    return {};
}

QList<std::pair<QString, QString>> StepCard::exits() const
{
    switch (m_step.kind) {
    case StepKind::Exit: return {};
    case StepKind::Condition: return {{QStringLiteral("next"), tr("Yes")}, {QStringLiteral("otherwise"), tr("No")}};
    case StepKind::WaitEvent: return {{QStringLiteral("next"), tr("Done")}, {QStringLiteral("otherwise"), tr("Timed out")}};
    case StepKind::Split: {
        QList<std::pair<QString, QString>> out;
        for (qsizetype i = 0; i < m_step.branches.size(); ++i)
            out << std::make_pair(QStringLiteral("branch:%1").arg(i),
                                  m_step.branches.at(i).label.isEmpty() ? tr("%1 %").arg(m_step.branches.at(i).percent) : m_step.branches.at(i).label);
        return out;
    }
    default: return {{QStringLiteral("next"), QString()}};
    }
}

QPointF StepCard::portPos(const QString &slot) const
{
    const auto all = exits();
    qsizetype index = 0;
    for (qsizetype i = 0; i < all.size(); ++i)
        if (all.at(i).first == slot)
            index = i;
    const qreal x = kWidth * qreal(index + 1) / qreal(all.size() + 1);
    return mapToScene(QPointF(x, kHeight));
}

QString StepCard::slotAt(const QPointF &scenePos) const
{
    for (const auto &[slot, label] : exits())
        if (QLineF(portPos(slot), scenePos).length() <= kPortRadius + 4)
            return slot;
    return {};
}

QRectF StepCard::boundingRect() const
{
    return QRectF(-4, -14, kWidth + 8, kHeight + 30);
}

void StepCard::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QPalette palette = QApplication::palette();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF card(0, 0, kWidth, kHeight);
    QColor border = isSelected() ? Theme::color("accent") : palette.color(QPalette::Mid);
    if (m_problem == 0)
        border = Theme::color("danger");
    else if (m_problem == 1 && !isSelected())
        border = Theme::color("warning");
    painter->setPen(QPen(border, isSelected() || m_problem == 0 ? 2.0 : 1.0));
    painter->setBrush(palette.color(QPalette::Base));
    painter->drawRoundedRect(card, 8, 8);
    // The kind's colour down the left edge.
    painter->setPen(Qt::NoPen);
    painter->setBrush(kindColour(m_step.kind));
    painter->drawRoundedRect(QRectF(0, 0, 6, kHeight), 3, 3);
    if (m_start) {
        QFont small = painter->font();
        small.setPointSizeF(small.pointSizeF() * 0.8);
        painter->setFont(small);
        painter->setPen(Theme::color("accent"));
        painter->drawText(QRectF(0, -14, kWidth, 12), Qt::AlignLeft | Qt::AlignVCenter, tr("Start"));
    }
    QFont title = QApplication::font();
    title.setBold(true);
    painter->setFont(title);
    painter->setPen(palette.color(QPalette::Text));
    const QString heading = m_step.name.isEmpty() ? kindLabel(m_step.kind) : m_step.name;
    painter->drawText(QRectF(14, 6, kWidth - 20, 20), Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(title).elidedText(heading, Qt::ElideRight, int(kWidth - 20)));
    QFont body = QApplication::font();
    painter->setFont(body);
    painter->setPen(palette.color(QPalette::PlaceholderText));
    painter->drawText(QRectF(14, 26, kWidth - 20, 20), Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(body).elidedText(summary(m_step), Qt::ElideRight, int(kWidth - 20)));
    if (m_counts) {
        const QLocale locale;
        QFont small = body;
        small.setPointSizeF(body.pointSizeF() * 0.85);
        painter->setFont(small);
        painter->setPen(Theme::color("accent"));
        const QString text = tr("%1 here · %2 through · %3 ended")
                                 .arg(locale.toString(m_counts->here), locale.toString(m_counts->passed), locale.toString(m_counts->ended));
        painter->drawText(QRectF(14, 48, kWidth - 20, 20), Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(small).elidedText(text, Qt::ElideRight, int(kWidth - 20)));
    }
    // The exits' ports, labelled.
    QFont small = body;
    small.setPointSizeF(body.pointSizeF() * 0.8);
    painter->setFont(small);
    for (const auto &[slot, label] : exits()) {
        const QPointF p = mapFromScene(portPos(slot));
        painter->setPen(QPen(palette.color(QPalette::Base), 1.5));
        painter->setBrush(kindColour(m_step.kind));
        painter->drawEllipse(p, kPortRadius, kPortRadius);
        if (!label.isEmpty()) {
            painter->setPen(palette.color(QPalette::PlaceholderText));
            painter->drawText(QRectF(p.x() - 50, p.y() + 5, 100, 14), Qt::AlignHCenter | Qt::AlignTop, label);
        }
    }
}

QVariant StepCard::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionChange && m_scene) {
        // On a 10-pixel grid, so cards line up.
        const QPointF p = value.toPointF();
        return QPointF(qRound(p.x() / 10) * 10.0, qRound(p.y() / 10) * 10.0);
    }
    if (change == ItemPositionHasChanged && m_scene && scene())
        m_scene->dragConnection(nullptr, {}, {}); // the edges follow
    return QGraphicsObject::itemChange(change, value);
}

void StepCard::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    m_pressPos = pos();
    if (!m_scene->isReadOnly() && event->button() == Qt::LeftButton) {
        m_dragSlot = slotAt(event->scenePos());
        if (!m_dragSlot.isEmpty()) {
            setSelected(true);
            event->accept();
            return;
        }
    }
    QGraphicsObject::mousePressEvent(event);
}

void StepCard::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (!m_dragSlot.isEmpty()) {
        m_scene->dragConnection(this, m_dragSlot, event->scenePos());
        return;
    }
    if (m_scene->isReadOnly())
        return;
    QGraphicsObject::mouseMoveEvent(event);
}

void StepCard::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (!m_dragSlot.isEmpty()) {
        const QString slot = std::exchange(m_dragSlot, QString());
        m_scene->dropConnection(this, slot, event->scenePos());
        return;
    }
    QGraphicsObject::mouseReleaseEvent(event);
    if (pos() != m_pressPos)
        m_scene->cardMoved(this);
}

FlowScene::FlowScene(QObject *parent) : QGraphicsScene(parent) {}

void FlowScene::showFlow(const automations::Flow &flow)
{
    const QString selected = selectedStep();
    m_flow = flow;
    for (StepCard *c : std::as_const(m_cards)) {
        removeItem(c);
        delete c;
    }
    m_cards.clear();
    for (const Step &s : flow.steps) {
        auto *card = new StepCard(this, s);
        card->setStart(s.id == flow.start);
        addItem(card);
        m_cards.insert(s.id, card);
        if (const auto c = m_counts.constFind(s.id); c != m_counts.constEnd())
            card->setCounts(*c);
    }
    drawEdges();
    if (!selected.isEmpty())
        selectStep(selected);
    setSceneRect(itemsBoundingRect().adjusted(-200, -120, 200, 200));
}

void FlowScene::setCounts(const QList<automations::StepCount> &counts)
{
    m_counts.clear();
    for (const automations::StepCount &c : counts)
        m_counts.insert(c.step, c);
    for (auto it = m_cards.cbegin(); it != m_cards.cend(); ++it) {
        const auto c = m_counts.constFind(it.key());
        (*it)->setCounts(c == m_counts.constEnd() ? std::nullopt : std::optional<automations::StepCount>(*c));
    }
}

void FlowScene::setProblems(const QList<automations::Problem> &problems)
{
    QHash<QString, int> worst;
    for (const automations::Problem &p : problems) {
        const int severity = p.severity == automations::Problem::Severity::Error ? 0 : 1;
        worst[p.stepId] = std::min(worst.value(p.stepId, 1), severity);
    }
    for (auto it = m_cards.cbegin(); it != m_cards.cend(); ++it)
        (*it)->setProblem(worst.contains(it.key()) ? worst.value(it.key()) : -1);
}

QString FlowScene::selectedStep() const
{
    for (QGraphicsItem *item : selectedItems())
        if (auto *card = dynamic_cast<StepCard *>(item))
            return card->stepId();
    return {};
}

void FlowScene::selectStep(const QString &stepId)
{
    clearSelection();
    if (StepCard *c = m_cards.value(stepId)) {
        c->setSelected(true);
        c->ensureVisible();
    }
}

void FlowScene::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    for (StepCard *c : std::as_const(m_cards))
        c->setFlag(QGraphicsItem::ItemIsMovable, !readOnly);
}

// The edits a card asks for are applied after its mouse handler returns: applying them shows the
// flow again, which replaces the cards (the one asking among them).
void FlowScene::cardMoved(StepCard *card)
{
    QMetaObject::invokeMethod(this, [this, id = card->stepId(), pos = card->pos()] { Q_EMIT stepMoved(id, pos); }, Qt::QueuedConnection);
}

void FlowScene::dragConnection(StepCard *from, const QString &slot, const QPointF &to)
{
    drawEdges();
    if (!from)
        return;
    QPainterPath path(from->portPos(slot));
    path.lineTo(to);
    m_rubber = addPath(path, QPen(Theme::color("accent"), 2, Qt::DashLine));
    m_edges << m_rubber;
}

void FlowScene::dropConnection(StepCard *from, const QString &slot, const QPointF &to)
{
    drawEdges();
    for (QGraphicsItem *item : items(to))
        if (auto *card = dynamic_cast<StepCard *>(item); card && card != from) {
            QMetaObject::invokeMethod(this, [this, fromId = from->stepId(), slot, to = card->stepId()] { Q_EMIT connectRequested(fromId, slot, to); },
                                      Qt::QueuedConnection);
            return;
        }
}

void FlowScene::drawEdges()
{
    for (QGraphicsItem *e : std::as_const(m_edges)) {
        removeItem(e);
        delete e;
    }
    m_edges.clear();
    m_rubber = nullptr;
    const QPen pen(QApplication::palette().color(QPalette::Mid), 1.6);
    for (const Step &s : std::as_const(m_flow.steps)) {
        StepCard *from = m_cards.value(s.id);
        if (!from)
            continue;
        const auto target = [&](const QString &slot) -> QString {
            if (slot == u"next")
                return s.next;
            if (slot == u"otherwise")
                return s.otherwise;
            return s.branches.value(slot.mid(7).toInt()).next;
        };
        for (const auto &[slot, label] : from->exits()) {
            StepCard *to = m_cards.value(target(slot));
            if (!to)
                continue;
            const QPointF a = from->portPos(slot), b = to->inPos();
            QPainterPath path(a);
            const qreal bend = std::max<qreal>(40, std::abs(b.y() - a.y()) / 2);
            path.cubicTo(a + QPointF(0, bend), b - QPointF(0, bend), b);
            auto *edge = addPath(path, pen);
            edge->setZValue(-1);
            m_edges << edge;
            // An arrowhead into the card.
            QPolygonF head;
            head << b << b + QPointF(-5, -9) << b + QPointF(5, -9);
            auto *arrow = addPolygon(head, Qt::NoPen, pen.color());
            arrow->setZValue(-1);
            m_edges << arrow;
        }
    }
}

} // namespace lux::ui
