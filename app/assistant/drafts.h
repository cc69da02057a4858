// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "assistant.h"
#include "social/network.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace lux::assistant {

// What LUX drafts, each as a structured answer with its schema (OpenAI's strict subset: every
// property required, no others), validated locally and checked beyond the schema where the app
// knows better than the model: an SMS must fit its parts by the app's own segment counter, a
// segment's rules must compile. Nothing here is saved: the caller shows the draft for editing.
class Drafts
{
    Q_DECLARE_TR_FUNCTIONS(lux::assistant::Drafts)
public:
    explicit Drafts(Assistant *assistant) : m_assistant(assistant) {}

    struct CampaignDraft
    {
        QString subject;
        QString preheader;
        QString html;
        QString notes; // what the model wants the marketer to check
        QList<Source> sources;
    };
    // An email from a brief: subject, preheader and an HTML body with the brand kit, components and
    // merge tags, products from the catalogue.
    QCoro::Task<Result<CampaignDraft>> campaign(QString brief, Assistant::Options options, channels::Cancellation *cancel = nullptr);
    // Five subject lines for a message (its current subject and text as context).
    QCoro::Task<Result<QStringList>> subjectLines(QString context, Assistant::Options options, channels::Cancellation *cancel = nullptr);
    // A selection rewritten by an instruction ("shorter", "friendlier", "in Spanish").
    QCoro::Task<Result<QString>> rewrite(QString selection, QString instruction, Assistant::Options options,
                                         channels::Cancellation *cancel = nullptr);
    struct SegmentDraft
    {
        QString name;
        QString explanation;
        QJsonObject rules; // the segment format of contacts::Segment, compiled before it is returned
    };
    QCoro::Task<Result<SegmentDraft>> segment(QString words, Assistant::Options options, channels::Cancellation *cancel = nullptr);
    // A text message that fits `parts` segments (counted with sms::Segments, never trusted).
    QCoro::Task<Result<QString>> sms(QString brief, int parts, Assistant::Options options, channels::Cancellation *cancel = nullptr);
    struct CaptionDraft
    {
        QString text;         // the caption, without the suggested hashtags
        QStringList hashtags; // suggested, each with its #; the user adds those they want
    };
    // A social post's caption for one network from a brief, in the brand's tone of voice, with
    // hashtags suggested: the caption with all of them added is checked by the network's own rules
    // (social::PostChecks: X's weighted length, LinkedIn's 3,000, Instagram's 2,200, 30 hashtags
    // and 20 mentions), never trusted. `longPosts`: an X account with long posts.
    QCoro::Task<Result<CaptionDraft>> caption(social::Network network, QString brief, bool longPosts, Assistant::Options options,
                                              channels::Cancellation *cancel = nullptr);
    // Alt text for an image made from a prompt.
    QCoro::Task<Result<QString>> altText(QString imagePrompt, Assistant::Options options, channels::Cancellation *cancel = nullptr);

    static QJsonObject campaignSchema();
    static QJsonObject subjectLinesSchema();
    static QJsonObject rewriteSchema();
    static QJsonObject segmentSchema();
    static QJsonObject smsSchema();
    static QJsonObject altTextSchema();
    static QJsonObject captionSchema();
    // The caption as checked: the text, then the hashtags on a line of their own.
    static QString withHashtags(const CaptionDraft &draft);
    // The model's rules (with nulls for values an operator does not take) in the segment format.
    static QJsonObject segmentRules(const QJsonObject &group);

private:
    Assistant *m_assistant;
};

} // namespace lux::assistant
