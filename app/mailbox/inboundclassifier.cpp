// SPDX-License-Identifier: GPL-3.0-or-later
#include "inboundclassifier.h"

#include "common/errorcodes.h"

#include <QRegularExpression>

#include <vmime/platforms/posix/posixHandler.hpp>
#include <vmime/vmime.hpp>

#include <mutex>
#include <optional>
#include <vector>

namespace lux::mailbox {

namespace {

// ---------------------------------------------------------------- header fields, read by hand
// Used for the top-level header, the returned headers of a bounce and the blocks of a delivery-status
// part alike: unfolded, names lower-case, at most kMaxFields, ending at the first empty line.
struct Fields
{
    QList<std::pair<QByteArray, QByteArray>> list;

    QByteArray value(const char *name) const
    {
        for (const auto &[n, v] : list)
            if (n == name)
                return v;
        return {};
    }
    bool has(const char *name) const
    {
        for (const auto &f : list)
            if (f.first == name)
                return true;
        return false;
    }
};

constexpr int kMaxFields = 500;

Fields parseFields(QByteArrayView block)
{
    Fields out;
    qsizetype pos = 0;
    while (pos < block.size() && out.list.size() < kMaxFields) {
        qsizetype eol = block.indexOf('\n', pos);
        if (eol < 0)
            eol = block.size();
        QByteArrayView line = block.sliced(pos, eol - pos);
        pos = eol + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.trimmed().isEmpty())
            break;
        if ((line.front() == ' ' || line.front() == '\t') && !out.list.isEmpty()) {
            if (out.list.last().second.size() < 16 * 1024)
                out.list.last().second += ' ' + line.trimmed().toByteArray();
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue; // not a field (an mbox "From " line, garbage): skipped, not fatal
        out.list.append({line.first(colon).trimmed().toByteArray().toLower(), line.sliced(colon + 1).trimmed().toByteArray()});
    }
    return out;
}

// The text after the header block (after the first empty line), or nothing.
QByteArrayView afterHeaders(QByteArrayView bytes)
{
    for (qsizetype pos = 0; pos < bytes.size();) {
        qsizetype eol = bytes.indexOf('\n', pos);
        if (eol < 0)
            return {};
        QByteArrayView line = bytes.sliced(pos, eol - pos);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            return bytes.sliced(eol + 1);
        pos = eol + 1;
    }
    return {};
}

QString decodeHeader(const QByteArray &raw)
{
    try {
        const auto t = vmime::text::decodeAndUnfold(raw.toStdString());
        return QString::fromStdString(t->getConvertedText(vmime::charset(vmime::charsets::UTF_8))).simplified();
    } catch (const std::exception &) {
        return QString::fromLatin1(raw).simplified();
    }
}

// ---------------------------------------------------------------- addresses and Message-IDs
const QRegularExpression &addressRe()
{
    static const QRegularExpression re(QStringLiteral(R"([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.)*[A-Za-z0-9-]{1,63})"));
    return re;
}

QString cleanAddress(QString a)
{
    while (a.endsWith(u'.'))
        a.chop(1);
    return a.toLower();
}

// Every address in a header value or a stretch of text, in order: the <bracketed> one of a mailbox
// when there is one, so a display name with an @ in it does not count.
QStringList addressesIn(const QString &s, int max = 50)
{
    QStringList out;
    static const QRegularExpression bracketed(QStringLiteral(R"(<\s*([^<>\s]+@[^<>\s]+?)\s*>)"));
    auto it = bracketed.globalMatch(s);
    while (it.hasNext() && out.size() < max) {
        const auto m = it.next();
        if (const auto a = addressRe().match(m.captured(1)); a.hasMatch())
            out.append(cleanAddress(a.captured(0)));
    }
    if (!out.isEmpty())
        return out;
    auto bare = addressRe().globalMatch(s);
    while (bare.hasNext() && out.size() < max)
        out.append(cleanAddress(bare.next().captured(0)));
    return out;
}

QString firstAddress(const QString &s)
{
    const QStringList all = addressesIn(s, 1);
    return all.isEmpty() ? QString() : all.first();
}

QStringList messageIdsIn(const QByteArray &raw, int max = 50)
{
    static const QRegularExpression re(QStringLiteral(R"(<[^<>\s]{1,250}@[^<>\s]{1,250}>)"));
    QStringList out;
    auto it = re.globalMatch(QString::fromLatin1(raw));
    while (it.hasNext() && out.size() < max)
        out.append(it.next().captured(0));
    return out;
}

// ---------------------------------------------------------------- text
QString collapse(const QString &s, qsizetype max)
{
    QString out = s.simplified();
    if (out.size() > max)
        out.truncate(max);
    return out;
}

QString toUtf16(const std::string &bytes, const vmime::charset &cs)
{
    const std::string name = QByteArray::fromStdString(cs.getName()).toLower().toStdString();
    if (name.empty() || name == "utf-8" || name == "us-ascii" || name == "utf8")
        return QString::fromUtf8(bytes.data(), qsizetype(bytes.size()));
    if (name == "iso-8859-1" || name == "latin1")
        return QString::fromLatin1(bytes.data(), qsizetype(bytes.size()));
    try {
        std::string out;
        vmime::charset::convert(bytes, out, cs, vmime::charset(vmime::charsets::UTF_8));
        return QString::fromUtf8(out.data(), qsizetype(out.size()));
    } catch (const std::exception &) {
        return QString::fromLatin1(bytes.data(), qsizetype(bytes.size())); // an unknown charset: bytes kept
    }
}

// HTML to lines of text, in one linear pass: tags dropped (block ends become line ends), <style> and
// <script> content dropped, the common entities decoded. Enough to read a first line and NDR wording.
QString htmlToText(const QString &html)
{
    QString out;
    out.reserve(html.size());
    qsizetype i = 0;
    const qsizetype n = html.size();
    while (i < n) {
        const QChar c = html.at(i);
        if (c == u'<') {
            const qsizetype end = html.indexOf(u'>', i);
            if (end < 0)
                break;
            const QString tag = html.mid(i + 1, qMin<qsizetype>(end - i - 1, 12)).toLower();
            i = end + 1;
            for (const char *skip : {"style", "script"}) {
                if (tag.startsWith(QLatin1String(skip))) {
                    const qsizetype close = html.indexOf(QStringLiteral("</") + QLatin1String(skip), i, Qt::CaseInsensitive);
                    i = close < 0 ? n : close;
                }
            }
            static const QStringList blocks = {QStringLiteral("br"), QStringLiteral("/p"), QStringLiteral("p"), QStringLiteral("/div"),
                                               QStringLiteral("div"), QStringLiteral("/tr"), QStringLiteral("li"), QStringLiteral("/h"),
                                               QStringLiteral("blockquote"), QStringLiteral("/blockquote"), QStringLiteral("hr")};
            for (const QString &b : blocks) {
                if (tag.startsWith(b) && (tag.size() == b.size() || !tag.at(b.size()).isLetter() || b == u"/h")) {
                    out += u'\n';
                    break;
                }
            }
            continue;
        }
        if (c == u'&') {
            static const std::pair<const char16_t *, char16_t> entities[] = {
                {u"&nbsp;", u' '}, {u"&amp;", u'&'}, {u"&lt;", u'<'}, {u"&gt;", u'>'}, {u"&quot;", u'"'}, {u"&#39;", u'\''}};
            bool done = false;
            for (const auto &[e, ch] : entities) {
                const QStringView ev(e);
                if (QStringView(html).sliced(i).startsWith(ev, Qt::CaseInsensitive)) {
                    out += QChar(ch);
                    i += ev.size();
                    done = true;
                    break;
                }
            }
            if (done)
                continue;
        }
        out += c;
        ++i;
    }
    return out;
}

// The lines of a text with quoted lines (">") left out.
QString unquoted(const QString &text)
{
    QString out;
    for (const QStringView line : QStringView(text).split(u'\n')) {
        if (line.trimmed().startsWith(u'>'))
            continue;
        out += line;
        out += u'\n';
    }
    return out;
}

// ---------------------------------------------------------------- the walk over the parts
// Content-Type lines at the start of a line: an upper bound on the parts a parser can make of it.
int contentTypeLines(QByteArrayView bytes)
{
    static constexpr QByteArrayView key("content-type");
    int count = 0;
    for (qsizetype pos = 0; pos < bytes.size();) {
        if (bytes.size() - pos >= key.size() && bytes.sliced(pos, key.size()).compare(key, Qt::CaseInsensitive) == 0)
            ++count;
        const qsizetype eol = bytes.indexOf('\n', pos);
        if (eol < 0)
            break;
        pos = eol + 1;
    }
    return count;
}

struct Collected
{
    Fields top;
    QByteArray topType; // "multipart/report"
    QByteArray reportType;
    QList<QByteArray> dsnParts;
    QList<QByteArray> returnedHeaders; // the header blocks of text/rfc822-headers and message/rfc822 parts
    QString plain;
    QString html;
};

std::string contentOf(const vmime::bodyPart &part)
{
    std::string out;
    vmime::utility::outputStreamStringAdapter os(out);
    part.getBody()->getContents()->extract(os);
    return out;
}

QByteArray lowerType(const vmime::bodyPart &part)
{
    const vmime::mediaType t = part.getBody()->getContentType();
    return QByteArray::fromStdString(t.getType() + '/' + t.getSubType()).toLower();
}

void collect(const std::shared_ptr<const vmime::message> &msg, Collected &c)
{
    struct Item
    {
        std::shared_ptr<const vmime::bodyPart> part;
        int depth;
    };
    std::vector<Item> stack;
    stack.push_back({msg, 0});
    int visited = 0;
    while (!stack.empty() && visited < InboundClassifier::kMaxContentTypes * 4) {
        const Item item = stack.back();
        stack.pop_back();
        ++visited;
        const vmime::bodyPart &part = *item.part;
        const QByteArray type = lowerType(part);
        const auto body = part.getBody();
        if (type.startsWith("multipart/")) {
            if (item.depth >= InboundClassifier::kMaxDepth)
                continue;
            for (size_t i = body->getPartCount(); i > 0; --i) // reversed, so the first part is read first
                stack.push_back({body->getPartAt(i - 1), item.depth + 1});
            continue;
        }
        if (type == "message/delivery-status" || type == "message/global-delivery-status") {
            if (c.dsnParts.size() < 4)
                c.dsnParts.append(QByteArray::fromStdString(contentOf(part)).left(InboundClassifier::kMaxTextBytes));
            continue;
        }
        if (type == "text/rfc822-headers" || type == "message/rfc822" || type == "message/global"
            || type == "message/global-headers") {
            // Only the returned message's header is read: its body is never walked, so a forwarded
            // bounce inside a reply stays the reply's attachment.
            if (c.returnedHeaders.size() < 4)
                c.returnedHeaders.append(QByteArray::fromStdString(contentOf(part)).left(InboundClassifier::kMaxTextBytes));
            continue;
        }
        if (type == "text/plain" || type == "text/html") {
            const std::string bytes = contentOf(part);
            const QString text = toUtf16(bytes.substr(0, size_t(InboundClassifier::kMaxTextBytes)), body->getCharset());
            QString &into = type == "text/html" ? c.html : c.plain;
            if (into.size() < InboundClassifier::kMaxTextBytes)
                into += text + u'\n';
        }
    }
}

// ---------------------------------------------------------------- status codes
struct Code
{
    QString status; // "5.1.1"
    QString line;   // where it was found
    bool fromReplyCodeOnly = false;
};

std::optional<Code> findCode(const QString &text)
{
    // A reply code with its enhanced code: "550 5.1.1", "550-5.1.1", "#550 5.1.10".
    static const QRegularExpression pair(QStringLiteral(R"((?<![\d.])([45]\d\d)[ -]#?([45]\.\d{1,3}\.\d{1,3})(?![\d.]))"));
    static const QRegularExpression enhanced(QStringLiteral(R"((?<![\d.])([45]\.\d{1,3}\.\d{1,3})(?![\d]|\.\d))"));
    // A bare SMTP reply code where servers put one: at the start of a line, after "said:", "error:",
    // "returned '": never any three digits in prose.
    static const QRegularExpression reply(
        QStringLiteral(R"((?:^|said:|error:|returned\s*'|\(#)\s*(421|450|451|452|550|551|552|553|554)(?=[ \-:)]))"),
        QRegularExpression::MultilineOption | QRegularExpression::CaseInsensitiveOption);
    const auto lineAt = [&](qsizetype pos) {
        const qsizetype start = text.lastIndexOf(u'\n', pos) + 1;
        qsizetype end = text.indexOf(u'\n', pos);
        if (end < 0)
            end = text.size();
        return text.mid(start, end - start);
    };
    if (const auto m = pair.match(text); m.hasMatch())
        return Code{m.captured(2), lineAt(m.capturedStart(0)), false};
    if (const auto m = enhanced.match(text); m.hasMatch())
        return Code{m.captured(1), lineAt(m.capturedStart(0)), false};
    if (const auto m = reply.match(text); m.hasMatch()) {
        const int smtp = m.captured(1).toInt();
        // 552 is "exceeded storage allocation" (RFC 5321), the reply code of X.2.2 mailbox full
        // (RFC 3463): mapped to it so the full-mailbox rule below applies.
        const QString status = smtp == 552 ? QStringLiteral("5.2.2") : smtp >= 500 ? QStringLiteral("5.0.0") : QStringLiteral("4.0.0");
        return Code{status, lineAt(m.capturedStart(1)), true};
    }
    return std::nullopt;
}

// Transient (4.x.x) is soft. A full mailbox (X.2.2, or 552) is soft too though its class may be 5:
// mailboxes get emptied, so, as most senders do, it counts as a soft bounce, never a suppression.
bool isSoftStatus(const QString &status)
{
    return status.startsWith(u'4') || status.sliced(1) == u".2.2";
}

bool containsAny(const QString &hay, std::initializer_list<const char *> needles)
{
    for (const char *n : needles)
        if (hay.contains(QLatin1String(n), Qt::CaseInsensitive))
            return true;
    return false;
}

bool startsWithAny(const QString &hay, std::initializer_list<const char16_t *> needles)
{
    for (const char16_t *n : needles)
        if (hay.startsWith(QStringView(n), Qt::CaseInsensitive))
            return true;
    return false;
}

// ---------------------------------------------------------------- the returned message
struct Returned
{
    QString messageId;
    QString to;
};

Returned returnedFrom(const QByteArray &headerBlock)
{
    const Fields f = parseFields(headerBlock);
    Returned r;
    if (const QStringList ids = messageIdsIn(f.value("message-id"), 1); !ids.isEmpty())
        r.messageId = ids.first();
    r.to = firstAddress(QString::fromUtf8(f.value("to")));
    return r;
}

// The line after which qmail, Exim, Gmail and Exchange put a copy of the original message in the text.
const QRegularExpression &copyMarker()
{
    static const QRegularExpression marker(
        QStringLiteral(R"(^.*(below this line is a copy of the message|this is a copy of the message|original message headers|original message follows|----- original message -----|message headers follow).*$)"),
        QRegularExpression::MultilineOption | QRegularExpression::CaseInsensitiveOption);
    return marker;
}

// The NDR's own words: the text before the copy of the original, whose codes and addresses are not
// the report's.
QString beforeCopy(const QString &text)
{
    const auto m = copyMarker().match(text);
    return m.hasMatch() ? text.left(m.capturedStart(0)) : text;
}

Returned returnedInText(const QString &text)
{
    Returned r;
    if (const auto m = copyMarker().match(text); m.hasMatch()) {
        QString rest = text.mid(m.capturedEnd(0));
        while (rest.startsWith(u'\n') || rest.startsWith(u'\r') || rest.startsWith(u' '))
            rest.remove(0, 1);
        r = returnedFrom(rest.toUtf8());
    }
    if (r.messageId.isEmpty()) {
        static const QRegularExpression id(QStringLiteral(R"(^\s*Message-ID:\s*(<[^<>\s]+@[^<>\s]+>))"),
                                           QRegularExpression::MultilineOption | QRegularExpression::CaseInsensitiveOption);
        if (const auto m = id.match(text); m.hasMatch())
            r.messageId = m.captured(1);
    }
    return r;
}

// What a person wrote in a reply: the text before the attribution line that introduces the quote
// ("On Tue, 3 Mar 2026, Ada wrote:", "El … escribió:") or Outlook's "-----Original Message-----" and
// "From:" block, with quoted lines left out.
QString ownWords(const QString &text)
{
    static const QRegularExpression attribution(
        QStringLiteral(R"(^\s*((on|el|le|am)\s.{0,200}(wrote|escribió|a écrit|schrieb)\s*:\s*$|-{2,}\s*original message\s*-{2,}|-{2,}\s*mensaje original\s*-{2,}|_{10,}\s*$|from:\s.*$|de:\s.*$))"),
        QRegularExpression::MultilineOption | QRegularExpression::CaseInsensitiveOption);
    const QString own = beforeCopy(unquoted(text));
    const auto m = attribution.match(own);
    return m.hasMatch() ? own.left(m.capturedStart(0)) : own;
}

// ---------------------------------------------------------------- the classifier proper
struct Context
{
    Collected c;
    QString subject;
    QString from;
    QString bodyText; // plain, else the HTML as text; quoted lines kept
    QStringList inReplyTo;
    QStringList references;
};

void fillThread(const Context &ctx, InboundResult &r)
{
    r.sender = ctx.from;
    r.inReplyTo = ctx.inReplyTo.isEmpty() ? QString() : ctx.inReplyTo.first();
    r.references = ctx.references;
    if (r.originalMessageId.isEmpty())
        r.originalMessageId = !r.inReplyTo.isEmpty() ? r.inReplyTo : ctx.references.isEmpty() ? QString() : ctx.references.last();
}

void fillReturned(const Context &ctx, InboundResult &r)
{
    for (const QByteArray &block : ctx.c.returnedHeaders) {
        const Returned ret = returnedFrom(block);
        if (r.originalMessageId.isEmpty())
            r.originalMessageId = ret.messageId;
        if (r.originalRecipient.isEmpty())
            r.originalRecipient = ret.to;
    }
    if (r.originalMessageId.isEmpty() || r.originalRecipient.isEmpty()) {
        const Returned ret = returnedInText(ctx.bodyText);
        if (r.originalMessageId.isEmpty())
            r.originalMessageId = ret.messageId;
        if (r.originalRecipient.isEmpty())
            r.originalRecipient = ret.to;
    }
    if (r.originalMessageId.isEmpty()) // Gmail and Exchange thread their NDRs to the original
        r.originalMessageId = !ctx.inReplyTo.isEmpty() ? ctx.inReplyTo.first() : ctx.references.isEmpty() ? QString() : ctx.references.last();
}

QString stripAddressType(const QByteArray &v)
{
    // "rfc822; a@b" (RFC 3464 address-type; address)
    const QString s = QString::fromUtf8(v);
    const qsizetype semi = s.indexOf(u';');
    return firstAddress(semi >= 0 ? s.mid(semi + 1) : s);
}

// RFC 3464: the first recipient whose Action is failed, else the first delayed one.
std::optional<InboundResult> fromDsn(const Context &ctx)
{
    struct Candidate
    {
        Fields f;
        bool failed;
    };
    std::optional<Candidate> chosen;
    for (const QByteArray &part : ctx.c.dsnParts) {
        QByteArray normal = part;
        normal.replace("\r\n", "\n");
        const QList<QByteArray> blocks = normal.split('\n');
        // Blocks are separated by empty lines; the first is per-message.
        QList<QByteArray> grouped{QByteArray()};
        for (const QByteArray &line : blocks) {
            if (line.trimmed().isEmpty()) {
                if (!grouped.last().isEmpty() && grouped.size() <= InboundClassifier::kMaxDsnRecipients)
                    grouped.append(QByteArray());
                continue;
            }
            grouped.last() += line + '\n';
        }
        for (qsizetype i = 1; i < grouped.size(); ++i) {
            const Fields f = parseFields(grouped.at(i));
            const QByteArray action = f.value("action").trimmed().toLower();
            const qsizetype semi = action.indexOf(' ');
            const QByteArray verb = semi > 0 ? action.left(semi) : action;
            if (verb == "failed" && (!chosen || !chosen->failed))
                chosen = Candidate{f, true};
            else if (verb == "delayed" && !chosen)
                chosen = Candidate{f, false};
        }
    }
    if (!chosen)
        return std::nullopt;
    const Fields &f = chosen->f;
    InboundResult r;
    r.rule = QStringLiteral("dsn");
    r.recipient = stripAddressType(f.value("final-recipient"));
    r.originalRecipient = stripAddressType(f.value("original-recipient"));
    QString diag = QString::fromUtf8(f.value("diagnostic-code"));
    if (const qsizetype semi = diag.indexOf(u';'); semi >= 0 && semi < 16)
        diag = diag.mid(semi + 1); // "smtp; 550 ..." (diagnostic-type; text)
    r.diagnostic = collapse(diag, InboundClassifier::kMaxDiagnosticChars);
    static const QRegularExpression statusRe(QStringLiteral(R"(^\s*([245]\.\d{1,3}\.\d{1,3})\b)"));
    if (const auto m = statusRe.match(QString::fromLatin1(f.value("status"))); m.hasMatch())
        r.status = m.captured(1);
    else if (const auto code = findCode(diag))
        r.status = code->status;
    if (r.status.isEmpty() || r.status.startsWith(u'2')) // failed means permanent, delayed transient (RFC 3464 2.3.3)
        r.status = chosen->failed ? QStringLiteral("5.0.0") : QStringLiteral("4.0.0");
    r.kind = !chosen->failed || isSoftStatus(r.status) ? InboundClass::SoftBounce : InboundClass::HardBounce;
    fillReturned(ctx, r);
    if (r.recipient.isEmpty())
        r.recipient = r.originalRecipient;
    return r;
}

bool isDaemonSender(const QString &from)
{
    const QString local = from.section(u'@', 0, 0);
    static const QRegularExpression exchange(QStringLiteral("^microsoftexchange[0-9a-f]{32}$"));
    return local == u"mailer-daemon" || local == u"postmaster" || local == u"mail-daemon" || local == u"mailerdaemon"
        || exchange.match(local).hasMatch();
}

bool isBounceSubject(const QString &subject)
{
    return startsWithAny(subject, {u"Undeliverable", u"Undelivered Mail Returned to Sender", u"Delivery Status Notification",
                                   u"Mail delivery failed", u"failure notice", u"Returned mail:", u"Delivery failure",
                                   u"Delivery has failed", u"Mail System Error", u"Warning: could not send message",
                                   u"Delayed Mail", u"Delivery delayed", u"Message not delivered", u"Undelivered mail",
                                   u"No se puede entregar", u"Non remis", u"Unzustellbar"});
}

// NDRs without a delivery-status part: a sender or subject that says "mail system", and wording or
// a code in the (unquoted) text that says "failed".
std::optional<InboundResult> fromNdrText(const Context &ctx)
{
    const bool signal = isDaemonSender(ctx.from) || isBounceSubject(ctx.subject) || ctx.c.top.has("x-failed-recipients")
        || ctx.c.top.has("x-ms-exchange-message-is-ndr");
    if (!signal)
        return std::nullopt;
    const QString text = beforeCopy(unquoted(ctx.bodyText));
    const bool marker = containsAny(text, {"This is the qmail-send program", "created automatically by mail delivery software",
                                           "This is the mail system at host", "Delivery has failed to these recipients",
                                           "couldn't be delivered", "could not be delivered", "wasn't delivered",
                                           "Delivery to the following recipient failed", "Sorry, we were unable to deliver",
                                           "permanent error", "unable to deliver", "delivery to the following recipient",
                                           "has not yet been delivered", "will continue to try", "still trying",
                                           "Delivery Status Notification", "Address not found", "Message not delivered",
                                           "delivery temporarily suspended", "retry timeout exceeded", "No se pudo entregar"});
    const auto code = findCode(text);
    if (!marker && !code)
        return std::nullopt;

    InboundResult r;
    r.rule = QStringLiteral("ndr-text");
    // The failed recipient, most specific form first.
    r.recipient = firstAddress(QString::fromUtf8(ctx.c.top.value("x-failed-recipients")));
    static const QList<QRegularExpression> patterns = {
        QRegularExpression(QStringLiteral(R"(^\s*<([^<>\s]+@[^<>\s]+)>:)"), QRegularExpression::MultilineOption), // qmail, Yahoo, Postfix
        QRegularExpression(QStringLiteral(R"(RCPT TO:\s*<([^<>\s]+@[^<>\s]+)>)"), QRegularExpression::CaseInsensitiveOption), // Exim
        QRegularExpression(QStringLiteral(R"(Final-Recipient:\s*[^;\n]*;\s*<?([^\s<>]+@[^\s<>]+))"), QRegularExpression::CaseInsensitiveOption),
        QRegularExpression(QStringLiteral(R"((?:message to|delivered to|deliver your message to|failed to these recipients or groups:|recipient failed permanently:|addresses failed:|address failed:|following address:)\s*<?([^\s<>()]+@[^\s<>()]+))"),
                           QRegularExpression::CaseInsensitiveOption),
        QRegularExpression(QStringLiteral(R"(^[ \t]+<?([^\s<>@]+@[^\s<>]+?)>?\s*$)"), QRegularExpression::MultilineOption), // an address alone on an indented line (Exim)
    };
    for (const QRegularExpression &re : patterns) {
        if (!r.recipient.isEmpty())
            break;
        if (const auto m = re.match(text); m.hasMatch())
            r.recipient = firstAddress(m.captured(1));
    }
    const bool delayed = containsAny(ctx.subject, {"delay", "could not send message for past", "retrying"})
        || containsAny(text, {"will continue to try", "still trying", "has not yet been delivered", "will be retried", "has been delayed"});
    if (code) {
        r.status = code->status;
        r.diagnostic = collapse(code->line, InboundClassifier::kMaxDiagnosticChars);
        r.kind = delayed || isSoftStatus(r.status) ? InboundClass::SoftBounce : InboundClass::HardBounce;
        if (delayed && r.status.startsWith(u'5'))
            r.kind = InboundClass::SoftBounce;
    } else {
        // No code at all: permanent only when the words say so; an unexplained NDR is soft, so one
        // report nobody can read never suppresses a contact for good.
        const bool permanent = !delayed && containsAny(text, {"permanent", "does not exist", "user unknown", "no such user",
                                                               "address not found", "couldn't be found", "unknown user"});
        r.kind = permanent ? InboundClass::HardBounce : InboundClass::SoftBounce;
    }
    fillReturned(ctx, r);
    if (r.recipient.isEmpty())
        r.recipient = r.originalRecipient;
    return r;
}

std::optional<QString> autoReplyRule(const Context &ctx)
{
    const Fields &h = ctx.c.top;
    const QByteArray autoSubmitted = h.value("auto-submitted").trimmed().toLower();
    if (!autoSubmitted.isEmpty() && !autoSubmitted.startsWith("no"))
        return QStringLiteral("auto-submitted"); // RFC 3834 5.2: anything but "no"
    const QByteArray precedence = h.value("precedence").trimmed().toLower();
    if (precedence == "auto_reply" || precedence == "bulk" || precedence == "junk")
        return QStringLiteral("precedence");
    for (const char *name : {"x-autoreply", "x-autorespond", "x-autoresponder", "x-auto-response-suppress", "x-ms-exchange-inbox-rules-loop"})
        if (h.has(name))
            return QString::fromLatin1(name);
    QString subject = ctx.subject;
    if (subject.startsWith(u'['))
        subject.remove(0, 1);
    if (startsWithAny(subject, {u"Automatic reply:", u"Auto-reply:", u"Autoreply:", u"Auto reply:", u"Auto:", u"Out of Office",
                                u"Out of the Office", u"Respuesta automática", u"Respuesta automatica", u"Fuera de la oficina",
                                u"Ausencia:", u"Réponse automatique", u"Abwesenheitsnotiz"}))
        return QStringLiteral("subject");
    return std::nullopt;
}

// The first non-empty, unquoted line is one of the words, with trailing punctuation allowed.
bool isUnsubscribeWord(const QString &line)
{
    static const QRegularExpression re(QStringLiteral(R"(^\s*(unsubscribe|stop|baja|cancelar\s+suscripci[oó]n)[\s.!?¡¿,;:]*$)"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re.match(line).hasMatch();
}

QString firstTextLine(const QString &text)
{
    for (const QStringView line : QStringView(text).split(u'\n')) {
        const QStringView t = line.trimmed();
        if (t.isEmpty() || t.startsWith(u'>'))
            continue;
        return t.toString();
    }
    return {};
}

} // namespace

QString className(InboundClass c)
{
    switch (c) {
    case InboundClass::HardBounce:
        return QStringLiteral("hard-bounce");
    case InboundClass::SoftBounce:
        return QStringLiteral("soft-bounce");
    case InboundClass::AutoReply:
        return QStringLiteral("auto-reply");
    case InboundClass::Unsubscribe:
        return QStringLiteral("unsubscribe");
    case InboundClass::Reply:
        return QStringLiteral("reply");
    case InboundClass::Other:
        break;
    }
    return QStringLiteral("other");
}

static InboundResult decide(const Context &ctx)
{
    // 1. A delivery report by structure (RFC 3464), before anything else: NDRs carry Auto-Submitted.
    if (!ctx.c.dsnParts.isEmpty()) {
        if (auto r = fromDsn(ctx))
            return *r;
        InboundResult delivered; // only delivered/relayed/expanded: a success notice
        delivered.rule = QStringLiteral("dsn-no-failure");
        fillThread(ctx, delivered);
        return delivered;
    }
    // 2. An NDR in words only (qmail, Exim, Yahoo, older Exchange and Gmail forms).
    if (auto r = fromNdrText(ctx))
        return *r;

    InboundResult r;
    fillThread(ctx, r);
    // 3. Automatic replies: never a bounce, never a person.
    if (const auto rule = autoReplyRule(ctx)) {
        r.kind = InboundClass::AutoReply;
        r.rule = *rule;
        return r;
    }
    // 4. Unsubscribe: a token in the To address tag or the subject, or the words as the first line.
    // The token keeps its case: the caller verifies it as written.
    static const QRegularExpression tag(QStringLiteral(R"([A-Za-z0-9.!#$%&'*=?^_`{|}~-]+\+unsub-([A-Za-z0-9_-]{1,128})@[A-Za-z0-9])"),
                                        QRegularExpression::CaseInsensitiveOption);
    const QString toAndCc = decodeHeader(ctx.c.top.value("to")) + u',' + decodeHeader(ctx.c.top.value("cc"));
    if (const auto m = tag.match(toAndCc); m.hasMatch()) {
        r.kind = InboundClass::Unsubscribe;
        r.rule = QStringLiteral("address-tag");
        r.unsubscribeToken = m.captured(1);
        return r;
    }
    static const QRegularExpression subjectToken(QStringLiteral(R"(^\s*unsubscribe\s+([A-Za-z0-9_-]{1,128})\s*$)"), QRegularExpression::CaseInsensitiveOption);
    if (const auto m = subjectToken.match(ctx.subject); m.hasMatch()) {
        r.kind = InboundClass::Unsubscribe;
        r.rule = QStringLiteral("subject-token");
        r.unsubscribeToken = m.captured(1);
        return r;
    }
    if (isUnsubscribeWord(ctx.subject) || isUnsubscribeWord(firstTextLine(ctx.bodyText))) {
        r.kind = InboundClass::Unsubscribe;
        r.rule = isUnsubscribeWord(ctx.subject) ? QStringLiteral("subject") : QStringLiteral("first-line");
        return r;
    }
    // 5. A person's reply: threaded to a message, or "Re:".
    if (!ctx.inReplyTo.isEmpty() || !ctx.references.isEmpty() || startsWithAny(ctx.subject, {u"Re:", u"Aw:", u"Sv:", u"Antw:"})) {
        r.kind = InboundClass::Reply;
        r.rule = QStringLiteral("thread");
        return r;
    }
    r.rule = QStringLiteral("none");
    return r;
}

Result<InboundResult> InboundClassifier::classify(const QByteArray &mime)
{
    if (mime.size() > kMaxBytes)
        return Error(errc::inboundTooLarge, tr("The message is %1 bytes; at most %2 are read.").arg(mime.size()).arg(kMaxBytes));
    if (const int n = contentTypeLines(mime); n > kMaxContentTypes)
        return Error(errc::inboundTooComplex, tr("The message has %1 MIME parts or more; at most %2 are read.").arg(n).arg(kMaxContentTypes));

    static std::once_flag platform;
    std::call_once(platform, [] { vmime::platform::setHandler<vmime::platforms::posix::posixHandler>(); });

    Context ctx;
    try {
        const auto msg = vmime::make_shared<vmime::message>();
        msg->parse(mime.toStdString());
        collect(msg, ctx.c);
    } catch (const std::exception &e) {
        return Error(errc::inboundUnreadable, tr("The message could not be parsed: %1").arg(QString::fromLocal8Bit(e.what())));
    }
    ctx.c.top = parseFields(mime);
    ctx.subject = decodeHeader(ctx.c.top.value("subject"));
    ctx.from = firstAddress(decodeHeader(ctx.c.top.value("from")));
    ctx.inReplyTo = messageIdsIn(ctx.c.top.value("in-reply-to"), 1);
    ctx.references = messageIdsIn(ctx.c.top.value("references"));
    ctx.bodyText = !ctx.c.plain.trimmed().isEmpty() ? ctx.c.plain : htmlToText(ctx.c.html);
    if (ctx.bodyText.trimmed().isEmpty() && ctx.c.dsnParts.isEmpty()) // a bare message without a Content-Type
        ctx.bodyText = QString::fromUtf8(afterHeaders(mime).first(qMin<qsizetype>(afterHeaders(mime).size(), kMaxTextBytes)));

    InboundResult r = decide(ctx);
    r.subject = collapse(ctx.subject, kMaxSubjectChars);
    // What a person wrote, above the quoted message, for the contact's replies.
    if (r.kind == InboundClass::Reply || r.kind == InboundClass::Unsubscribe || r.kind == InboundClass::Other)
        r.excerpt = collapse(ownWords(ctx.bodyText), kMaxExcerptChars);
    return r;
}

} // namespace lux::mailbox
