// SPDX-License-Identifier: GPL-3.0-or-later
#include "postchecks.h"

#include "social/littletext.h"

#include <QJsonArray>
#include <QLocale>

namespace lux::social {

namespace {

bool startsWord(QStringView text, qsizetype i)
{
    if (i == 0)
        return true;
    const QChar before = text[i - 1];
    return !(before.isLetterOrNumber() || before == u'_' || before == u'&');
}

// A tag or handle after '#' or '@': letters, digits, marks, '_' (and '.' inside a handle).
qsizetype wordEnd(QStringView text, qsizetype from, bool handle)
{
    qsizetype end = from;
    while (end < text.size()) {
        const QChar c = text[end];
        if (c.isLetterOrNumber() || c == u'_' || c.category() == QChar::Mark_NonSpacing
            || (handle && c == u'.' && end + 1 < text.size() && text[end + 1].isLetterOrNumber()))
            ++end;
        else
            break;
    }
    return end;
}

int countMarked(QStringView text, QChar mark, bool handle)
{
    int count = 0;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != mark || !startsWord(text, i))
            continue;
        const qsizetype end = wordEnd(text, i + 1, handle);
        if (end > i + 1) {
            ++count;
            i = end - 1;
        }
    }
    return count;
}

QString megabytes(qint64 bytes)
{
    return QLocale().toString(double(bytes) / 1'000'000.0, 'f', 1);
}

QString ratioText(QSize size)
{
    return QLocale().toString(double(size.width()) / double(size.height()), 'f', 2);
}

struct Builder
{
    PostCheck &check;

    void add(const QString &code, Finding::Field field, const QString &message, bool blocking = true,
             int item = -1, const QString &fix = {})
    {
        check.findings.append({code, field, item, message, blocking, fix});
    }
};

void checkCount(Builder &b, const QString &code, Finding::Field field, int count, int limit, const QString &what)
{
    if (count > limit)
        b.add(code, field, what);
}

} // namespace

MediaFacts MediaFacts::of(const QString &name, const QByteArray &data)
{
    return {name, data.size(), ImageFormat::of(data)};
}

QString Finding::fieldName(Field field)
{
    switch (field) {
    case Field::Text:
        return QStringLiteral("text");
    case Field::Media:
        return QStringLiteral("media");
    case Field::FirstComment:
        return QStringLiteral("first_comment");
    }
    return {};
}

bool PostCheck::ok() const
{
    return std::none_of(findings.cbegin(), findings.cend(), [](const Finding &f) { return f.blocking; });
}

QJsonObject PostCheck::toJson() const
{
    QJsonObject o{{QStringLiteral("network"), Networks::name(network)},
                  {QStringLiteral("valid"), ok()},
                  {QStringLiteral("characters"), characters},
                  {QStringLiteral("limit"), limit},
                  {QStringLiteral("items"), int(media.size())}};
    if (network == Network::X) {
        o.insert(QStringLiteral("weighted_length"), x.weightedLength);
        o.insert(QStringLiteral("max"), x.maxLength);
        o.insert(QStringLiteral("permillage"), x.permillage);
        o.insert(QStringLiteral("valid_range_end"), int(x.validRangeEnd));
        QJsonArray urls;
        for (const XUrl &url : x.urls)
            urls.append(url.url);
        o.insert(QStringLiteral("urls"), urls);
        o.insert(QStringLiteral("emoji"), int(x.emoji.size()));
    }
    if (network == Network::Instagram) {
        o.insert(QStringLiteral("hashtags"), hashtags);
        o.insert(QStringLiteral("mentions"), mentions);
    }
    if (network == Network::LinkedIn)
        o.insert(QStringLiteral("commentary"), sentText);
    QJsonArray items;
    for (qsizetype i = 0; i < media.size(); ++i) {
        const MediaFacts &m = media[i];
        const QSize shown = m.format.shownSize();
        QJsonObject item{{QStringLiteral("file"), m.name},
                         {QStringLiteral("type"), m.format.mime},
                         {QStringLiteral("bytes"), double(m.bytes)},
                         {QStringLiteral("width"), shown.width()},
                         {QStringLiteral("height"), shown.height()}};
        if (shown.isValid() && shown.height() > 0)
            item.insert(QStringLiteral("ratio"), double(qRound(double(shown.width()) / shown.height() * 1000)) / 1000);
        QStringList reasons;
        bool itemOk = true;
        for (const Finding &f : findings) {
            if (f.item == i) {
                reasons.append(f.message);
                itemOk = itemOk && !f.blocking;
            }
        }
        item.insert(QStringLiteral("ok"), itemOk);
        item.insert(QStringLiteral("reason"), reasons.join(u' '));
        items.append(item);
    }
    o.insert(QStringLiteral("media"), items);
    QJsonArray list;
    for (const Finding &f : findings) {
        QJsonObject j{{QStringLiteral("code"), f.code},
                      {QStringLiteral("field"), Finding::fieldName(f.field)},
                      {QStringLiteral("message"), f.message},
                      {QStringLiteral("blocking"), f.blocking}};
        if (f.item >= 0)
            j.insert(QStringLiteral("item"), f.item);
        if (!f.fix.isEmpty())
            j.insert(QStringLiteral("fix"), f.fix);
        list.append(j);
    }
    o.insert(QStringLiteral("findings"), list);
    return o;
}

int PostChecks::countHashtags(QStringView text)
{
    return countMarked(text, u'#', false);
}

int PostChecks::countMentions(QStringView text)
{
    return countMarked(text, u'@', true);
}

bool PostChecks::instagramRatioOk(QSize shown)
{
    if (!shown.isValid() || shown.height() <= 0)
        return false;
    const qint64 w = shown.width();
    const qint64 h = shown.height();
    return w * kInstagramTallest.height() >= h * kInstagramTallest.width()
        && w * kInstagramWidest.height() <= h * kInstagramWidest.width();
}

PostCheck PostChecks::check(Network network, const QString &text, const QList<MediaFacts> &media,
                            const CheckOptions &options)
{
    PostCheck result;
    result.network = network;
    result.media = media;
    Builder b{result};
    const QString name = Networks::displayName(network);
    const int items = int(media.size());
    using Field = Finding::Field;

    if (text.trimmed().isEmpty() && media.isEmpty())
        b.add(QStringLiteral("empty"), Field::Text, tr("%1: the post has no text and no picture.").arg(name));

    // The text.
    switch (network) {
    case Network::X: {
        result.x = XText::parse(text, options.longPosts ? XText::kMaxLongLength : XText::kMaxLength);
        result.characters = result.x.weightedLength;
        result.limit = result.x.maxLength;
        result.sentText = result.x.normalized;
        if (result.x.invalidCharacter)
            b.add(QStringLiteral("x.invalid_character"), Field::Text,
                  tr("X refuses the text: it holds an invalid character (U+FFFE, U+FEFF or U+FFFF)."));
        if (result.characters > result.limit)
            b.add(QStringLiteral("x.length"), Field::Text,
                  tr("X counts %1 characters, %n over its limit of %2 (links count 23, emoji and CJK 2).",
                     nullptr, result.characters - result.limit)
                      .arg(QLocale().toString(result.characters), QLocale().toString(result.limit)));
        if (!options.firstComment.isEmpty())
            b.add(QStringLiteral("x.first_comment"), Field::FirstComment,
                  tr("X has no first comment: a reply would be a second post."));
        break;
    }
    case Network::LinkedIn:
        result.characters = int(text.size());
        result.limit = kLinkedInLength;
        result.sentText = LittleText::escape(text);
        checkCount(b, QStringLiteral("linkedin.length"), Field::Text, result.characters, result.limit,
                   tr("LinkedIn takes %1 characters at most; this text has %2, %n too many.", nullptr,
                      result.characters - result.limit)
                       .arg(QLocale().toString(result.limit), QLocale().toString(result.characters)));
        checkCount(b, QStringLiteral("linkedin.first_comment"), Field::FirstComment, int(options.firstComment.size()),
                   kLinkedInCommentLength,
                   tr("LinkedIn takes comments of %1 characters at most; this one has %n too many.", nullptr,
                      int(options.firstComment.size()) - kLinkedInCommentLength)
                       .arg(QLocale().toString(kLinkedInCommentLength)));
        break;
    case Network::Instagram:
        result.characters = int(text.size());
        result.limit = kInstagramLength;
        result.sentText = text;
        result.hashtags = countHashtags(text);
        result.mentions = countMentions(text);
        checkCount(b, QStringLiteral("instagram.length"), Field::Text, result.characters, result.limit,
                   tr("Instagram takes captions of %1 characters at most; this one has %2, %n too many.", nullptr,
                      result.characters - result.limit)
                       .arg(QLocale().toString(result.limit), QLocale().toString(result.characters)));
        checkCount(b, QStringLiteral("instagram.hashtags"), Field::Text, result.hashtags, kInstagramHashtags,
                   tr("Instagram takes %1 hashtags at most; this caption has %n.", nullptr, result.hashtags)
                       .arg(kInstagramHashtags));
        checkCount(b, QStringLiteral("instagram.mentions"), Field::Text, result.mentions, kInstagramMentions,
                   tr("Instagram takes %1 mentions at most; this caption has %n.", nullptr, result.mentions)
                       .arg(kInstagramMentions));
        checkCount(b, QStringLiteral("instagram.first_comment"), Field::FirstComment, int(options.firstComment.size()),
                   kInstagramLength,
                   tr("Instagram takes comments of %1 characters at most; this one has %n too many.", nullptr,
                      int(options.firstComment.size()) - kInstagramLength)
                       .arg(QLocale().toString(kInstagramLength)));
        break;
    case Network::Facebook:
        result.characters = int(text.size());
        result.limit = kFacebookLength;
        result.sentText = text;
        checkCount(b, QStringLiteral("facebook.length"), Field::Text, result.characters, result.limit,
                   tr("Facebook takes posts of %1 characters at most; this one has %2, %n too many.", nullptr,
                      result.characters - result.limit)
                       .arg(QLocale().toString(result.limit), QLocale().toString(result.characters)));
        checkCount(b, QStringLiteral("facebook.first_comment"), Field::FirstComment, int(options.firstComment.size()),
                   kFacebookCommentLength,
                   tr("Facebook takes comments of %1 characters at most; this one has %n too many.", nullptr,
                      int(options.firstComment.size()) - kFacebookCommentLength)
                       .arg(QLocale().toString(kFacebookCommentLength)));
        break;
    }

    // The pictures.
    const auto unknownType = [&](int i) {
        b.add(Networks::name(network) + QStringLiteral(".media_type"), Field::Media,
              tr("%1 is not a picture LUX can read (JPEG, PNG or GIF).").arg(media[i].name), true, i);
    };
    switch (network) {
    case Network::X: {
        int gifs = 0;
        for (int i = 0; i < items; ++i) {
            const QString &mime = media[i].format.mime;
            if (mime.isEmpty()) {
                unknownType(i);
                continue;
            }
            const bool gif = mime == u"image/gif";
            gifs += gif ? 1 : 0;
            const qint64 max = gif ? kXGifBytes : kXImageBytes;
            if (media[i].bytes > max)
                b.add(QStringLiteral("x.media_size"), Field::Media,
                      tr("%1 is %2 MB; X takes %3 MB at most for this kind of picture.")
                          .arg(media[i].name, megabytes(media[i].bytes), megabytes(max)),
                      true, i, QStringLiteral("convert"));
        }
        if (items > kXItems)
            b.add(QStringLiteral("x.media_count"), Field::Media,
                  tr("X takes %1 pictures at most; this post has %n.", nullptr, items).arg(kXItems));
        if (gifs > 0 && items > 1)
            b.add(QStringLiteral("x.gif_alone"), Field::Media, tr("X takes a GIF only on its own, without other pictures."));
        break;
    }
    case Network::LinkedIn:
    case Network::Facebook: {
        const int maxItems = network == Network::LinkedIn ? kLinkedInItems : kFacebookItems;
        for (int i = 0; i < items; ++i) {
            if (media[i].format.mime.isEmpty()) {
                unknownType(i);
            } else if (network == Network::Facebook && media[i].bytes > kFacebookBytes) {
                b.add(QStringLiteral("facebook.media_size"), Field::Media,
                      tr("%1 is %2 MB; Facebook takes %3 MB at most.")
                          .arg(media[i].name, megabytes(media[i].bytes), megabytes(kFacebookBytes)),
                      true, i, QStringLiteral("convert"));
            }
        }
        if (items > maxItems)
            b.add(Networks::name(network) + QStringLiteral(".media_count"), Field::Media,
                  tr("%1 takes %2 pictures at most in a post; this one has %n.", nullptr, items).arg(name).arg(maxItems));
        break;
    }
    case Network::Instagram: {
        if (items == 0)
            b.add(QStringLiteral("instagram.no_media"), Field::Media, tr("Instagram needs a picture: add one to ten."));
        if (items > kInstagramItems)
            b.add(QStringLiteral("instagram.media_count"), Field::Media,
                  tr("Instagram takes %1 pictures at most in a carousel; this post has %n.", nullptr, items)
                      .arg(kInstagramItems));
        QSize first;
        for (int i = 0; i < items; ++i) {
            const MediaFacts &m = media[i];
            const QSize shown = m.format.shownSize();
            if (m.format.mime.isEmpty()) {
                unknownType(i);
                continue;
            }
            if (m.format.mime != u"image/jpeg")
                b.add(QStringLiteral("instagram.format"), Field::Media,
                      tr("%1 is not a JPEG, the only format Instagram takes: convert it.").arg(m.name), true, i,
                      QStringLiteral("convert"));
            else if (m.format.multiPicture)
                b.add(QStringLiteral("instagram.mpo"), Field::Media,
                      tr("%1 is a multi-picture JPEG (MPO), which Instagram refuses: convert it.").arg(m.name), true, i,
                      QStringLiteral("convert"));
            if (m.bytes > kInstagramBytes)
                b.add(QStringLiteral("instagram.media_size"), Field::Media,
                      tr("%1 is %2 MB; Instagram takes %3 MB at most: convert it.")
                          .arg(m.name, megabytes(m.bytes), megabytes(kInstagramBytes)),
                      true, i, QStringLiteral("convert"));
            if (!shown.isValid() || shown.isEmpty())
                continue;
            if (!instagramRatioOk(shown)) {
                b.add(QStringLiteral("instagram.ratio"), Field::Media,
                      tr("%1 is %2 × %3 (%4:1); Instagram takes 4:5 (0.8:1) to 1.91:1: crop it.")
                          .arg(m.name)
                          .arg(shown.width())
                          .arg(shown.height())
                          .arg(ratioText(shown)),
                      true, i, QStringLiteral("crop"));
            } else if (i == 0) {
                first = shown;
            } else if (first.isValid() && qint64(shown.width()) * first.height() != qint64(first.width()) * shown.height()) {
                b.add(QStringLiteral("instagram.carousel_ratio"), Field::Media,
                      tr("%1 will be cropped to the first picture's shape (%2:1), as Instagram does in a carousel.")
                          .arg(m.name, ratioText(first)),
                      false, i, QStringLiteral("crop"));
            }
            if (shown.width() < kInstagramMinWidth)
                b.add(QStringLiteral("instagram.narrow"), Field::Media,
                      tr("%1 is %2 pixels wide; Instagram scales it up to %3, and it may look blurred.")
                          .arg(m.name)
                          .arg(shown.width())
                          .arg(kInstagramMinWidth),
                      false, i);
        }
        break;
    }
    }
    return result;
}

} // namespace lux::social
