// SPDX-License-Identifier: GPL-3.0-or-later
#include "smscomposer.h"

#include "sms/optout.h"
#include "theme/theme.h"

#include <QBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextLayout>

#include <algorithm>

namespace lux::ui {

namespace {

// The preview lays out at most this much: a text Twilio takes is 1,600 characters, and a pasted book
// should not make every keystroke lay it out again.
constexpr int kPreviewChars = 2000;

QLabel *makeLabel(const QString &role, QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setTextFormat(Qt::PlainText); // the user's text and names, never markup
    l->setWordWrap(true);
    if (!role.isEmpty())
        l->setProperty("role", role);
    return l;
}

// A character as the user can recognise it in a list: itself, or its code when it has no visible
// shape (a no-break space, a zero-width space, a combining mark on its own).
QString shown(char32_t c)
{
    const QChar::Category cat = QChar::category(c);
    const bool invisible = QChar::isSpace(c) || cat == QChar::Other_Control || cat == QChar::Other_Format
                           || cat == QChar::Mark_NonSpacing || cat == QChar::Mark_Enclosing || cat == QChar::Mark_SpacingCombining;
    if (invisible)
        return QStringLiteral("U+") + QString::number(uint(c), 16).toUpper().rightJustified(4, QLatin1Char('0'));
    return QString::fromUcs4(&c, 1);
}

} // namespace

SmsPhonePreview::SmsPhonePreview(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("smsPhonePreview"));
    setAccessibleName(tr("Phone preview"));
    setToolTip(tr("The text as the sample contact's phone shows it; a blue mark shows where each part ends"));
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
}

void SmsPhonePreview::setMessage(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    setAccessibleDescription(text.left(kPreviewChars));
    update();
}

void SmsPhonePreview::setSender(const QString &name)
{
    if (name == m_sender)
        return;
    m_sender = name;
    update();
}

void SmsPhonePreview::setPartEnds(const QList<qsizetype> &ends)
{
    if (ends == m_partEnds)
        return;
    m_partEnds = ends;
    update();
}

QSize SmsPhonePreview::sizeHint() const
{
    return {260, 500};
}

QSize SmsPhonePreview::minimumSizeHint() const
{
    return {220, 380};
}

void SmsPhonePreview::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const bool dark = Theme::current() == Theme::Kind::Dark;

    // The phone: a dark body with rounded corners, the screen inset, a camera notch.
    const qreal h = height() - 4;
    const qreal w = std::min<qreal>(width() - 4, h * 0.52);
    const QRectF body((width() - w) / 2, 2, w, h);
    p.setPen(QPen(pal.color(QPalette::Mid), 1.5));
    p.setBrush(dark ? QColor(0x0b, 0x0d, 0x0f) : QColor(0x2b, 0x30, 0x35));
    p.drawRoundedRect(body, 34, 34);
    const QRectF screen = body.adjusted(9, 9, -9, -9);
    const QColor screenColor = dark ? QColor(0x1a, 0x1d, 0x20) : QColor(0xff, 0xff, 0xff);
    const QColor textColor = dark ? QColor(0xde, 0xe2, 0xe6) : QColor(0x21, 0x25, 0x29);
    const QColor mutedColor = Theme::color("muted");
    p.setPen(Qt::NoPen);
    p.setBrush(screenColor);
    p.drawRoundedRect(screen, 26, 26);
    p.setBrush(dark ? QColor(0x0b, 0x0d, 0x0f) : QColor(0x2b, 0x30, 0x35));
    p.drawRoundedRect(QRectF(screen.center().x() - 38, screen.top() + 8, 76, 18), 9, 9);

    // The conversation header: who is texting, as the phone names them.
    const QString sender = m_sender.trimmed().isEmpty() ? tr("Your business") : m_sender.trimmed();
    const qreal avatar = 38;
    const QRectF avatarRect(screen.center().x() - avatar / 2, screen.top() + 36, avatar, avatar);
    p.setBrush(Theme::color("accent"));
    p.drawEllipse(avatarRect);
    QFont initialFont = font();
    initialFont.setPointSizeF(font().pointSizeF() * 1.2);
    initialFont.setBold(true);
    p.setFont(initialFont);
    p.setPen(Qt::white);
    p.drawText(avatarRect, Qt::AlignCenter, sender.left(1).toUpper());
    QFont nameFont = font();
    nameFont.setPointSizeF(font().pointSizeF() * 0.9);
    p.setFont(nameFont);
    p.setPen(textColor);
    const QRectF nameRect(screen.left() + 12, avatarRect.bottom() + 4, screen.width() - 24, QFontMetricsF(nameFont).height());
    p.drawText(nameRect, Qt::AlignCenter, QFontMetricsF(nameFont).elidedText(sender, Qt::ElideRight, nameRect.width()));
    const qreal headerBottom = nameRect.bottom() + 10;
    p.setPen(QPen(dark ? QColor(0x34, 0x3a, 0x40) : QColor(0xde, 0xe2, 0xe6), 1));
    p.drawLine(QPointF(screen.left() + 1, headerBottom), QPointF(screen.right() - 1, headerBottom));

    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.8);
    p.setFont(small);
    p.setPen(mutedColor);
    const qreal captionTop = headerBottom + 10;
    const QRectF caption(screen.left(), captionTop, screen.width(), QFontMetricsF(small).height());
    p.drawText(caption, Qt::AlignCenter, tr("Text Message · Today"));

    const QRectF area(screen.left() + 12, caption.bottom() + 10, screen.width() - 24, screen.bottom() - caption.bottom() - 34);
    p.save();
    p.setClipRect(area);
    if (m_text.isEmpty()) {
        p.setFont(small);
        p.setPen(mutedColor);
        p.drawText(area.adjusted(8, 20, -8, 0), Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap,
                   tr("Your text appears here as your contacts see it."));
        p.restore();
        return;
    }

    // The bubble: the text wrapped at words (or anywhere, for a long link) within three quarters of
    // the screen, as messaging apps draw a received text.
    const qreal pad = 10;
    const qreal maxText = area.width() * 0.82 - 2 * pad;
    // QTextLayout breaks lines only at U+2028: the text's own new lines become that.
    QString shownText = m_text.left(kPreviewChars);
    shownText.replace(QLatin1Char('\n'), QChar::LineSeparator);
    QTextLayout layout(shownText, font());
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.setCacheEnabled(true);
    qreal y = 0;
    qreal widest = 0;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(maxText);
        line.setPosition(QPointF(0, y));
        y += line.height();
        widest = std::max(widest, line.naturalTextWidth());
        if (y > area.height())
            break; // the rest is below the screen
    }
    layout.endLayout();
    const QRectF bubble(area.left(), area.top(), std::max<qreal>(widest, 12) + 2 * pad, y + 2 * pad - 2);
    p.setPen(Qt::NoPen);
    p.setBrush(dark ? QColor(0x34, 0x3a, 0x40) : QColor(0xe9, 0xec, 0xef));
    p.drawRoundedRect(bubble, 16, 16);
    p.setPen(textColor);
    const QPointF origin(bubble.left() + pad, bubble.top() + pad - 1);
    layout.draw(&p, origin);
    // Where one part ends and the next begins (the phone joins them; the bill does not).
    for (qsizetype end : std::as_const(m_partEnds)) {
        if (end <= 0 || end >= shownText.size())
            continue;
        const QTextLine line = layout.lineForTextPosition(int(end));
        if (!line.isValid())
            continue;
        const qreal x = origin.x() + line.cursorToX(int(end));
        p.fillRect(QRectF(x - 1, origin.y() + line.y() + 1, 2, line.height() - 2), Theme::color("accent"));
    }
    p.restore();

    // Fade what does not fit into the screen's colour, so a long text reads as "more below".
    if (bubble.bottom() > area.bottom()) {
        QLinearGradient fade(0, area.bottom() - 40, 0, area.bottom());
        QColor clear = screenColor;
        clear.setAlpha(0);
        fade.setColorAt(0, clear);
        fade.setColorAt(1, screenColor);
        p.fillRect(QRectF(area.left(), area.bottom() - 40, area.width(), 40), fade);
    }
}

SmsComposer::SmsComposer(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("smsComposer"));

    auto *title = new QLabel(tr("&Message"), this);
    m_editor = new QPlainTextEdit(this);
    m_editor->setObjectName(QStringLiteral("smsBody"));
    title->setBuddy(m_editor);
    m_editor->setAccessibleName(tr("Text message"));
    m_editor->setToolTip(tr("The text of the message. Merge tags such as {{first_name}} are filled in for each contact."));
    m_editor->setPlaceholderText(tr("Acme: Spring sale, 20% off everything until Sunday."));
    // A tab is not in GSM-7 (it would turn the whole text into UCS-2): Tab moves on, as in a form.
    m_editor->setTabChangesFocus(true);
    m_editor->setMinimumHeight(150);

    m_status = makeLabel({}, this);
    m_status->setObjectName(QStringLiteral("smsStatus"));
    m_status->setAccessibleName(tr("Encoding and parts"));
    m_status->setToolTip(tr("GSM-7 fits 160 characters in one part and 153 in each part of a longer text; "
                            "^ { } \\ [ ] ~ | and € count twice. UCS-2 fits 70, then 67 a part."));
    m_limit = makeLabel(QStringLiteral("error"), this);
    m_limit->setObjectName(QStringLiteral("smsLimit"));
    m_limit->setAccessibleName(tr("Length limit"));

    m_ucs2 = makeLabel(QStringLiteral("warning"), this);
    m_ucs2->setObjectName(QStringLiteral("smsUcs2"));
    m_ucs2->setAccessibleName(tr("Characters that force UCS-2"));
    m_replace = new QPushButton(tr("Replace look-alikes"), this);
    m_replace->setObjectName(QStringLiteral("smsReplaceLookalikes"));
    m_replace->setAccessibleName(tr("Replace look-alikes"));
    m_replace->setToolTip(tr("Replace curly quotes, long dashes, the ellipsis and special spaces with plain characters, "
                             "so the text fits GSM-7 and costs fewer parts."));
    m_replace->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);

    m_senderWarning = makeLabel(QStringLiteral("warning"), this);
    m_senderWarning->setObjectName(QStringLiteral("smsSenderWarning"));
    m_senderWarning->setAccessibleName(tr("Sender name"));
    m_optOutNote = makeLabel(QStringLiteral("muted"), this);
    m_optOutNote->setObjectName(QStringLiteral("smsOptOutNote"));
    m_optOutNote->setAccessibleName(tr("Opt-out line"));
    m_optOutNote->setToolTip(tr("Marketing texts say how to stop receiving them. Twilio stops texting a number that replies STOP."));

    m_preview = new SmsPhonePreview(this);

    auto *ucs2Row = new QHBoxLayout;
    ucs2Row->setContentsMargins(0, 0, 0, 0);
    ucs2Row->setSpacing(10);
    ucs2Row->addWidget(m_ucs2, 1);
    ucs2Row->addWidget(m_replace, 0, Qt::AlignTop);

    auto *left = new QVBoxLayout;
    left->setSpacing(8);
    left->addWidget(title);
    left->addWidget(m_editor, 1);
    left->addWidget(m_status);
    left->addWidget(m_limit);
    left->addLayout(ucs2Row);
    left->addWidget(m_senderWarning);
    left->addWidget(m_optOutNote);

    auto *layout = new QHBoxLayout(this);
    layout->setSpacing(20);
    layout->addLayout(left, 1);
    layout->addWidget(m_preview);

    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        refresh();
        Q_EMIT textChanged();
    });
    connect(m_replace, &QPushButton::clicked, this, [this] { replaceLookalikes(); });
    refresh();
}

QString SmsComposer::body() const
{
    return m_editor->toPlainText();
}

void SmsComposer::setBody(const QString &text)
{
    m_editor->setPlainText(text);
}

QString SmsComposer::outgoingText() const
{
    return m_optOut ? sms::withOptOutLine(body(), m_optOutLanguage) : body();
}

QString SmsComposer::sampleText() const
{
    const QString text = outgoingText();
    return m_expand ? m_expand(text) : text;
}

void SmsComposer::setSenderName(const QString &name)
{
    m_senderName = name.trimmed();
    refresh();
}

bool SmsComposer::startsWithSenderName() const
{
    return m_senderName.isEmpty() || body().trimmed().startsWith(m_senderName, Qt::CaseInsensitive);
}

void SmsComposer::setOptOutLine(bool on, const QString &language)
{
    m_optOut = on;
    m_optOutLanguage = language;
    refresh();
}

bool SmsComposer::optOutLineAdded() const
{
    return m_optOut && !body().trimmed().isEmpty() && !sms::OptOut::hasLine(body());
}

void SmsComposer::setMergeExpander(Expander expander)
{
    m_expand = std::move(expander);
    refresh();
}

int SmsComposer::replaceLookalikes()
{
    const sms::LookalikeReplacement r = sms::replaceLookalikes(body());
    if (r.replaced == 0)
        return 0;
    // Through the document, so Undo brings the original back.
    QTextCursor cursor(m_editor->document());
    cursor.beginEditBlock();
    cursor.select(QTextCursor::Document);
    cursor.insertText(r.text);
    cursor.endEditBlock();
    return r.replaced;
}

void SmsComposer::refresh()
{
    const QString sample = sampleText();
    m_count = sms::Segments::count(sample);
    const sms::SegmentCount &c = m_count;
    const QLocale locale;

    const QString encoding = c.encoding == sms::Encoding::Gsm7 ? tr("GSM-7") : tr("UCS-2");
    const QString separator = QStringLiteral("  ·  ");
    m_status->setText(encoding + separator + tr("%n part(s)", nullptr, c.segments) + separator
                      + tr("%n character(s) left in this part", nullptr, c.unitsLeft));

    m_limit->setVisible(c.tooLong);
    if (c.tooLong)
        m_limit->setText(tr("%n character(s) over Twilio's limit of %1: Twilio refuses a longer text.", nullptr,
                            c.characters - sms::Segments::kMaxBodyCharacters)
                             .arg(locale.toString(sms::Segments::kMaxBodyCharacters)));

    m_lookalikesHelp = false;
    if (!c.ucs2Chars.isEmpty()) {
        QStringList chars;
        bool anyLookalike = false;
        for (char32_t ch : c.ucs2Chars) {
            if (chars.size() < 12)
                chars << shown(ch);
            anyLookalike = anyLookalike || sms::isLookalike(ch);
        }
        if (c.ucs2Chars.size() > chars.size())
            chars << QStringLiteral("…");
        m_ucs2->setText(tr("%1 force(s) UCS-2: 70 characters a part instead of 160.", nullptr, int(c.ucs2Chars.size()))
                            .arg(chars.join(QLatin1Char(' '))));
        if (anyLookalike) {
            // It helps when the text becomes GSM-7 or needs fewer parts: an emoji keeps it UCS-2, and
            // "…" for "..." would only make it longer.
            const sms::LookalikeReplacement r = sms::replaceLookalikes(body());
            const QString replacedOut = m_optOut ? sms::withOptOutLine(r.text, m_optOutLanguage) : r.text;
            const sms::SegmentCount after = sms::Segments::count(m_expand ? m_expand(replacedOut) : replacedOut);
            m_lookalikesHelp = r.replaced > 0 && (after.encoding == sms::Encoding::Gsm7 || after.segments < c.segments);
        }
    }
    m_ucs2->setVisible(!c.ucs2Chars.isEmpty());
    m_replace->setVisible(m_lookalikesHelp);

    const bool senderMissing = !startsWithSenderName() && !body().trimmed().isEmpty();
    m_senderWarning->setVisible(senderMissing);
    if (senderMissing)
        m_senderWarning->setText(tr("Start the text with your sender name, “%1”, so people know who is texting them (CTIA).")
                                     .arg(m_senderName));

    m_optOutNote->setVisible(m_optOut && !sms::OptOut::hasLine(body()));
    if (m_optOut)
        m_optOutNote->setText(tr("“%1” will be added at the end; it is counted above.").arg(sms::OptOut::line(m_optOutLanguage)));

    m_preview->setSender(m_senderName);
    m_preview->setPartEnds(QList<qsizetype>(c.partEnds.cbegin(), c.partEnds.cend()));
    m_preview->setMessage(sample);
}

} // namespace lux::ui
