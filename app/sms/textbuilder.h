// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "content/mergetemplate.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <memory>

namespace lux::contacts {
struct Contact;
}
namespace lux::content {
class TemplateRenderer;
}

namespace lux::sms {

// One recipient's text as it goes out, before its links are shortened: the campaign's body with its
// merge tags filled for the contact, trimmed, and the opt-out line in the contact's language unless
// the text has one. The SMS channel sends it and the wizard's estimate counts it, so both count the
// same text.
class TextBuilder
{
    Q_DECLARE_TR_FUNCTIONS(lux::sms::TextBuilder)
public:
    // Reads the database's merge fields once; a body that does not merge is refused with where.
    static Result<TextBuilder> create(QSqlDatabase db, const QString &body);
    // `contact` null: the merge tags take their fallbacks. Empty when the merged text is.
    QString text(const contacts::Contact *contact) const;

private:
    TextBuilder(std::shared_ptr<const content::TemplateRenderer> renderer, content::MergeTemplate body)
        : m_renderer(std::move(renderer)), m_body(std::move(body))
    {
    }
    std::shared_ptr<const content::TemplateRenderer> m_renderer;
    content::MergeTemplate m_body;
};

} // namespace lux::sms
