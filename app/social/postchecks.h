// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/imageformat.h"
#include "social/network.h"
#include "social/xtext.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QSize>
#include <QString>

namespace lux::social {

// A picture to post, as far as the checks need it: what its bytes say.
struct MediaFacts
{
    QString name;    // the file or media-library name, for the messages
    qint64 bytes = 0;
    ImageFormat format;

    static MediaFacts of(const QString &name, const QByteArray &data);
};

// One thing a network would refuse (blocking) or change (not blocking) about a post.
struct Finding
{
    enum class Field { Text, Media, FirstComment };
    QString code;     // stable: "x.length", "instagram.ratio", ...
    Field field = Field::Text;
    int item = -1;    // the picture it is about (0-based), -1 for the post
    QString message;  // what, where and by how much, for people
    bool blocking = true;
    QString fix;      // a one-click fix the composer offers: "crop", "convert" or empty

    static QString fieldName(Field field);
};

struct CheckOptions
{
    bool longPosts = false; // an X account with long posts (X Premium): 25,000
    QString firstComment;
};

// A post's text and pictures against one network's rules, as it would be sent.
struct PostCheck
{
    Network network = Network::X;
    int characters = 0; // what the network counts: X's weighted length, else UTF-16 units
    int limit = 0;
    int hashtags = 0;
    int mentions = 0;
    XLength x;          // X only
    QString sentText;   // the text as it goes out (NFC for X, little text for LinkedIn)
    QList<MediaFacts> media;
    QList<Finding> findings;

    bool ok() const; // nothing blocking
    QJsonObject toJson() const;
};

// The rules each network states (provider-contracts.md §5, docs/SOCIAL.md has the sources):
// - X: twitter-text's weighted length (280; 25,000 with long posts); up to 4 pictures, JPEG, PNG or
//   WebP up to 5 MB, or one GIF up to 15 MB; no first comment.
// - LinkedIn: 3,000 characters of commentary; up to 20 pictures (JPEG, PNG, GIF); a first comment
//   up to 1,250 characters.
// - Instagram: 2,200 characters, 30 hashtags, 20 mentions; 1–10 pictures, JPEG only (not an MPO),
//   up to 8 MB, aspect ratio 4:5 to 1.91:1 (a carousel is cropped to its first picture's).
// - Facebook: 63,206 characters; up to 10 pictures (JPEG, PNG, GIF) up to 10 MB each.
class PostChecks
{
    Q_DECLARE_TR_FUNCTIONS(lux::social::PostChecks)
public:
    static constexpr int kLinkedInLength = 3000;
    static constexpr int kLinkedInCommentLength = 1250;
    static constexpr int kLinkedInItems = 20;
    static constexpr int kInstagramLength = 2200;
    static constexpr int kInstagramHashtags = 30;
    static constexpr int kInstagramMentions = 20;
    static constexpr int kInstagramItems = 10;
    static constexpr qint64 kInstagramBytes = 8'000'000;
    static constexpr int kInstagramMinWidth = 320;
    // Instagram's aspect ratios, width:height: 4:5 (0.8) at the tallest, 1.91:1 at the widest.
    static constexpr QSize kInstagramTallest{4, 5};
    static constexpr QSize kInstagramWidest{191, 100};
    static constexpr int kFacebookLength = 63206;
    static constexpr int kFacebookCommentLength = 8000;
    static constexpr int kFacebookItems = 10;
    static constexpr qint64 kFacebookBytes = 10'000'000;
    static constexpr int kXItems = 4;
    static constexpr qint64 kXImageBytes = 5'000'000;
    static constexpr qint64 kXGifBytes = 15'000'000;

    static PostCheck check(Network network, const QString &text, const QList<MediaFacts> &media,
                           const CheckOptions &options = {});

    // Instagram's counts: #tags and @mentions that start a word.
    static int countHashtags(QStringView text);
    static int countMentions(QStringView text);
    // Whether width:height is within Instagram's 4:5 to 1.91:1.
    static bool instagramRatioOk(QSize shown);
};

} // namespace lux::social
