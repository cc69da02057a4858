// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandtable.h"

#include "abtestcommands.h"
#include "assistantcommands.h"
#include "campaigncommands.h"
#include "contactcommands.h"
#include "dbcommands.h"
#include "automationcommands.h"
#include "eventcommands.h"
#include "smscommands.h"
#include "seocommands.h"
#include "socialcommands.h"
#include "templatecommands.h"
#include "woocommands.h"

#include <QCoreApplication>

namespace lux::cli {

QString Command::description() const
{
    return QCoreApplication::translate("luxctl", what);
}

const QList<Command> &CommandTable::all()
{
    // One translatable line per command, so a new command does not invalidate the others.
    static const QList<Command> table{
        {QStringLiteral("db"), QStringLiteral("init"), {}, QT_TRANSLATE_NOOP("luxctl", "create the database, or update it to this version's schema"), nullptr, runDbCommand},
        {QStringLiteral("db"), QStringLiteral("info"), {}, QT_TRANSLATE_NOOP("luxctl", "path, schema, size, users, lock state"), nullptr, runDbCommand},
        {QStringLiteral("db"), QStringLiteral("check"), {}, QT_TRANSLATE_NOOP("luxctl", "run SQLite's integrity and foreign key checks"), nullptr, runDbCommand},
        {QStringLiteral("db"), QStringLiteral("backup"), QStringLiteral("OUT"), QT_TRANSLATE_NOOP("luxctl", "write a consistent copy while the database is in use"), nullptr, runDbCommand},
        {QStringLiteral("db"), QStringLiteral("restore"), QStringLiteral("IN"), QT_TRANSLATE_NOOP("luxctl", "check IN, then replace the database with it (the current file is kept)"), nullptr, runDbCommand},
        {QStringLiteral("db"), QStringLiteral("export"), QStringLiteral("OUT"), QT_TRANSLATE_NOOP("luxctl", "a copy to share with a team (no machine-bound sign-in data)"), nullptr, runDbCommand},
        {QStringLiteral("contacts"), QStringLiteral("import"), QStringLiteral("FILE"), QT_TRANSLATE_NOOP("luxctl", "import a CSV (Mailchimp, HubSpot or any columns)"), contactOptions, runContactsCommand},
        {QStringLiteral("contacts"), QStringLiteral("export"), QStringLiteral("OUT"), QT_TRANSLATE_NOOP("luxctl", "contacts as CSV: all, or with --tag / --status / --segment / --search"), contactOptions, runContactsCommand},
        {QStringLiteral("contacts"), QStringLiteral("add"), QStringLiteral("EMAIL"), QT_TRANSLATE_NOOP("luxctl", "add one contact"), contactOptions, runContactsCommand},
        {QStringLiteral("contacts"), QStringLiteral("show"), QStringLiteral("EMAIL"), QT_TRANSLATE_NOOP("luxctl", "one contact's fields and tags"), contactOptions, runContactsCommand},
        {QStringLiteral("contacts"), QStringLiteral("count"), {}, QT_TRANSLATE_NOOP("luxctl", "how many contacts (with --tag / --status / --segment / --search)"), contactOptions, runContactsCommand},
        {QStringLiteral("contacts"), QStringLiteral("forget"), QStringLiteral("EMAIL"), QT_TRANSLATE_NOOP("luxctl", "erase a contact; its address stays suppressed as a hash"), contactOptions, runContactsCommand},
        {QStringLiteral("suppress"), QStringLiteral("add"), QStringLiteral("ADDRESS"), QT_TRANSLATE_NOOP("luxctl", "never contact this address (--channel email|sms)"), contactOptions, runSuppressCommand},
        {QStringLiteral("suppress"), QStringLiteral("import"), QStringLiteral("FILE"), QT_TRANSLATE_NOOP("luxctl", "suppress every address in a CSV"), contactOptions, runSuppressCommand},
        {QStringLiteral("suppress"), QStringLiteral("list"), {}, QT_TRANSLATE_NOOP("luxctl", "the suppression list, newest first"), contactOptions, runSuppressCommand},
        {QStringLiteral("segment"), QStringLiteral("save"), QStringLiteral("NAME --rules FILE"), QT_TRANSLATE_NOOP("luxctl", "save rules (docs/SEGMENTS.md) as a segment"), contactOptions, runSegmentCommand},
        {QStringLiteral("segment"), QStringLiteral("list"), {}, QT_TRANSLATE_NOOP("luxctl", "saved segments with their current counts"), contactOptions, runSegmentCommand},
        {QStringLiteral("template"), QStringLiteral("import"), QStringLiteral("FILE --name NAME"), QT_TRANSLATE_NOOP("luxctl", "save an HTML or Markdown template (a new version if it exists)"), templateOptions, runTemplateCommand},
        {QStringLiteral("template"), QStringLiteral("list"), {}, QT_TRANSLATE_NOOP("luxctl", "saved templates"), templateOptions, runTemplateCommand},
        {QStringLiteral("template"), QStringLiteral("render"), QStringLiteral("NAME|FILE"), QT_TRANSLATE_NOOP("luxctl", "merge for --contact EMAIL; --html OUT, --text OUT, --mime OUT"), templateOptions, runTemplateCommand},
        {QStringLiteral("template"), QStringLiteral("check"), QStringLiteral("NAME|FILE"), QT_TRANSLATE_NOOP("luxctl", "the pre-send checks; exit 1 when one blocks sending"), templateOptions, runTemplateCommand},
        {QStringLiteral("template"), QStringLiteral("component"), QStringLiteral("NAME FILE"), QT_TRANSLATE_NOOP("luxctl", "save a reusable block, included with {{> NAME}}"), templateOptions, runTemplateCommand},
        {QStringLiteral("template"), QStringLiteral("brand"), QStringLiteral("NAME FILE.json"), QT_TRANSLATE_NOOP("luxctl", "save a brand kit (brand.* merge tags); --default"), templateOptions, runTemplateCommand},
        {QStringLiteral("settings"), QStringLiteral("list"), {}, QT_TRANSLATE_NOOP("luxctl", "every setting with its scope (yours, or the database's) and value"), campaignOptions, runSettingsCommand},
        {QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("KEY VALUE"), QT_TRANSLATE_NOOP("luxctl", "graph.tenant, graph.client_id, graph.base_url, graph.authority_url, tracker.url (kept in the database), …"), campaignOptions, runSettingsCommand},
        {QStringLiteral("settings"), QStringLiteral("get"), QStringLiteral("KEY"), QT_TRANSLATE_NOOP("luxctl", "print a setting's value"), campaignOptions, runSettingsCommand},
        {QStringLiteral("settings"), QStringLiteral("secret"), QStringLiteral("KEY"), QT_TRANSLATE_NOOP("luxctl", "graph.client_secret, tracker.api_token or tracking.keys into the keychain for this database, from standard input"), campaignOptions, runSettingsCommand},
        {QStringLiteral("sender"), QStringLiteral("add"), QStringLiteral("EMAIL"), QT_TRANSLATE_NOOP("luxctl", "a mailbox to send from; --per-minute, --per-day, --concurrency"), campaignOptions, runSenderCommand},
        {QStringLiteral("sender"), QStringLiteral("list"), {}, QT_TRANSLATE_NOOP("luxctl", "the mailboxes to send from"), campaignOptions, runSenderCommand},
        {QStringLiteral("campaign"), QStringLiteral("create"), {}, QT_TRANSLATE_NOOP("luxctl", "--name --template --subject --from [--tag] [--segment] [--exclude-tag] …, or --channel sms --name --body --from"), campaignOptions, runCampaignCommand},
        {QStringLiteral("campaign"), QStringLiteral("schedule"), QStringLiteral("ID"), QT_TRANSLATE_NOOP("luxctl", "run the pre-send checks, then send at --at (default now) through the scheduler"), campaignOptions, runCampaignCommand},
        {QStringLiteral("campaign"), QStringLiteral("send"), QStringLiteral("ID"), QT_TRANSLATE_NOOP("luxctl", "send now through Microsoft Graph, until every recipient is settled"), campaignOptions, runCampaignCommand},
        {QStringLiteral("campaign"), QStringLiteral("test"), QStringLiteral("ID --to EMAIL"), QT_TRANSLATE_NOOP("luxctl", "send a test of the campaign to up to five addresses"), campaignOptions, runCampaignCommand},
        {QStringLiteral("campaign"), QStringLiteral("status"), QStringLiteral("ID"), QT_TRANSLATE_NOOP("luxctl", "status and outbox counts"), campaignOptions, runCampaignCommand},
        {QStringLiteral("campaign"), QStringLiteral("plan"), QStringLiteral("ID"), QT_TRANSLATE_NOOP("luxctl", "when each recipient of an SMS campaign may be texted (quiet hours)"), campaignOptions, runCampaignCommand},
        {QStringLiteral("campaign"), QStringLiteral("report"), QStringLiteral("ID"), QT_TRANSLATE_NOOP("luxctl", "opens, clicks and unsubscribes, people and machines apart; --json, --csv OUT"), campaignOptions, runCampaignCommand},
        {QStringLiteral("campaign"), QStringLiteral("pause"), QStringLiteral("ID"), QT_TRANSLATE_NOOP("luxctl", "stop sending for now; resume goes on where it stopped"), campaignOptions, runCampaignCommand},
        {QStringLiteral("campaign"), QStringLiteral("resume"), QStringLiteral("ID"), QT_TRANSLATE_NOOP("luxctl", "go on sending a paused campaign"), campaignOptions, runCampaignCommand},
        {QStringLiteral("campaign"), QStringLiteral("cancel"), QStringLiteral("ID"), QT_TRANSLATE_NOOP("luxctl", "stop for good: nothing more is sent"), campaignOptions, runCampaignCommand},
        {QStringLiteral("campaign"), QStringLiteral("retry-failed"), QStringLiteral("ID"), QT_TRANSLATE_NOOP("luxctl", "send again to the recipients that failed"), campaignOptions, runCampaignCommand},
        {QStringLiteral("scheduler"), QStringLiteral("run"), {}, QT_TRANSLATE_NOOP("luxctl", "send scheduled campaigns when due, without a window; --until-idle"), campaignOptions, runSchedulerCommand},
        {QStringLiteral("mailbox"), QStringLiteral("read"), {}, QT_TRANSLATE_NOOP("luxctl", "read bounces, replies and unsubscribe mails from the sender mailboxes' Inbox once"), campaignOptions, runMailboxCommand},
        {QStringLiteral("mailbox"), QStringLiteral("status"), {}, QT_TRANSLATE_NOOP("luxctl", "each sender mailbox: when it was last read, messages read, the last problem"), campaignOptions, runMailboxCommand},
        {QStringLiteral("mailbox"), QStringLiteral("messages"), {}, QT_TRANSLATE_NOOP("luxctl", "what was read: --kind hard-bounce|soft-bounce|auto-reply|unsubscribe|reply|other, --campaign ID, --contact EMAIL, --limit N"), campaignOptions, runMailboxCommand},
        {QStringLiteral("tracker"), QStringLiteral("sync"), {}, QT_TRANSLATE_NOOP("luxctl", "pull opens, clicks and unsubscribes from lux-tracker"), campaignOptions, runTrackerCommand},
        {QStringLiteral("tracker"), QStringLiteral("test"), {}, QT_TRANSLATE_NOOP("luxctl", "check that lux-tracker answers and accepts the API token"), campaignOptions, runTrackerCommand},
        {QStringLiteral("tracker"), QStringLiteral("new-key"), {}, QT_TRANSLATE_NOOP("luxctl", "a new signing key in the keychain, printed for the server's key file"), campaignOptions, runTrackerCommand},
        {QStringLiteral("sms"), QStringLiteral("sender"), QStringLiteral("add NUMBER|list|remove NUMBER"), QT_TRANSLATE_NOOP("luxctl", "the numbers or Messaging Services texts go from, with their pace"), smsOptions, runSmsCommand},
        {QStringLiteral("assistant"), QStringLiteral("ask"), QStringLiteral("TEXT"), QT_TRANSLATE_NOOP("luxctl", "ask LUX; the answer streams here, grounded in your data (--json: answer, tools used, usage)"), assistantOptions, runAssistantCommand},
        {QStringLiteral("assistant"), QStringLiteral("draft"), {}, QT_TRANSLATE_NOOP("luxctl", "a new template from --brief, saved as --template-name after the pre-send checks and the product-fact guard"), assistantOptions, runAssistantCommand},
        {QStringLiteral("assistant"), QStringLiteral("caption"), {}, QT_TRANSLATE_NOOP("luxctl", "a social post's caption for --network from --brief, with hashtags, checked by the network's rules (nothing is saved)"), assistantOptions, runAssistantCommand},
        {QStringLiteral("ai"), QStringLiteral("image"), QStringLiteral("PROMPT"), QT_TRANSLATE_NOOP("luxctl", "an image from a description: --out FILE.png and/or --library"), assistantOptions, runAiCommand},
        {QStringLiteral("ai"), QStringLiteral("usage"), {}, QT_TRANSLATE_NOOP("luxctl", "this month's requests and tokens from the usage ledger (--month YYYY-MM)"), assistantOptions, runAiCommand},
        {QStringLiteral("sms"), QStringLiteral("segments"), QStringLiteral("TEXT|-"), QT_TRANSLATE_NOOP("luxctl", "how Twilio splits a text: encoding, segments, units, the characters that force UCS-2"), smsOptions, runSmsCommand},
        {QStringLiteral("social"), QStringLiteral("check"), QStringLiteral("--network N --text TEXT [--media FILE]…"), QT_TRANSLATE_NOOP("luxctl", "a post against one network's rules (X's weighted length, Instagram's pictures…); exit 1 when it would be refused"), socialOptions, runSocialCommand},
        {QStringLiteral("social"), QStringLiteral("connect"), QStringLiteral("--network x|linkedin [--organizations] [--port N]"), QT_TRANSLATE_NOOP("luxctl", "connect an account: its sign-in page in your browser, the answer on a loopback port, the tokens in the keychain"), socialOptions, runSocialCommand},
        {QStringLiteral("social"), QStringLiteral("accounts"), {}, QT_TRANSLATE_NOOP("luxctl", "the connected social accounts: network, status, days until the sign-in ends, queue slots"), socialOptions, runSocialCommand},
        {QStringLiteral("social"), QStringLiteral("slots"), QStringLiteral("--account ID [--set SLOTS]"), QT_TRANSLATE_NOOP("luxctl", "an account's queue: its time slots (\"Tue/Thu 10:00\") and their time zone"), socialOptions, runSocialCommand},
        {QStringLiteral("social"), QStringLiteral("post"), QStringLiteral("--account ID --text TEXT --at ISO|--queue"), QT_TRANSLATE_NOOP("luxctl", "schedule a post (checked against the network's rules first); the scheduler publishes it"), socialOptions, runSocialCommand},
        {QStringLiteral("social"), QStringLiteral("status"), QStringLiteral("ID"), QT_TRANSLATE_NOOP("luxctl", "a post on each account: scheduled, published (with its link), failed (with the reason)"), socialOptions, runSocialCommand},
        {QStringLiteral("social"), QStringLiteral("retry-failed"), QStringLiteral("--account ID"), QT_TRANSLATE_NOOP("luxctl", "publish again every failed post of an account"), socialOptions, runSocialCommand},
        {QStringLiteral("social"), QStringLiteral("decide"), QStringLiteral("TARGET"), QT_TRANSLATE_NOOP("luxctl", "settle a post in doubt: --published [--link URL] (it is there) or --publish-again"), socialOptions, runSocialCommand},
        {QStringLiteral("seo"), QStringLiteral("analyze"), QStringLiteral("URL [--keyphrase K] [--allow-private]"), QT_TRANSLATE_NOOP("luxctl", "a page fetched safely: Lighthouse's ten SEO audits with their verdicts, and every finding with why and the fix"), seoOptions, runSeoCommand},
        {QStringLiteral("seo"), QStringLiteral("crawl"), QStringLiteral("URL [--max N] [--allow-private]"), QT_TRANSLATE_NOOP("luxctl", "the site from that page (same host, robots.txt obeyed, politely paced): every page analysed, duplicate titles, descriptions and H1s, broken links; stored and compared with the previous crawl"), seoOptions, runSeoCommand},
        {QStringLiteral("seo"), QStringLiteral("suggest"), QStringLiteral("URL [--keyphrase K] [--allow-private]"), QT_TRANSLATE_NOOP("luxctl", "LUX's three titles and descriptions for a page, each measured and scored by the analysis, and content recommendations with the passage they concern"), seoOptions, runSeoCommand},
        {QStringLiteral("woo"), QStringLiteral("sync"), {}, QT_TRANSLATE_NOOP("luxctl", "copy the WooCommerce store's products into the local catalogue (only changes after the first time; --full)"), wooOptions, runWooCommand},
        {QStringLiteral("woo"), QStringLiteral("products"), {}, QT_TRANSLATE_NOOP("luxctl", "the synced products with SKU, price and stock; --search TEXT"), wooOptions, runWooCommand},
        {QStringLiteral("abtest"), QStringLiteral("calc"), QStringLiteral("--variant SENT:SUCCESSES …"), QT_TRANSLATE_NOOP("luxctl", "analyse an A/B test's counts: rates, p values, P(best), the winner or why there is none (docs/ABTESTS.md)"), abtestOptions, runAbtestCommand},
        {QStringLiteral("abtest"), QStringLiteral("plan"), QStringLiteral("--baseline RATE --lift L"), QT_TRANSLATE_NOOP("luxctl", "how many people each variant needs to find a lift"), abtestOptions, runAbtestCommand},
        {QStringLiteral("abtest"), QStringLiteral("status"), QStringLiteral("ID"), QT_TRANSLATE_NOOP("luxctl", "a campaign's A/B test: the numbers, the decision and why, the rest's progress"), abtestOptions, runAbtestCommand},
        {QStringLiteral("abtest"), QStringLiteral("choose"), QStringLiteral("ID VARIANT"), QT_TRANSLATE_NOOP("luxctl", "send the rest with this variant, when the test waits for your choice"), abtestOptions, runAbtestCommand},
        {QStringLiteral("event"), QStringLiteral("create"), QStringLiteral("--name N --start ISO --end ISO --tz ZONE"), QT_TRANSLATE_NOOP("luxctl", "a new event, as a draft: prints its id and public slug (docs/EVENTS.md)"), eventOptions, runEventCommand},
        {QStringLiteral("event"), QStringLiteral("list"), {}, QT_TRANSLATE_NOOP("luxctl", "every event with its registrations, soonest first"), eventOptions, runEventCommand},
        {QStringLiteral("event"), QStringLiteral("show"), QStringLiteral("ID"), QT_TRANSLATE_NOOP("luxctl", "one event: every field, its questions, consent text and counts"), eventOptions, runEventCommand},
        {QStringLiteral("event"), QStringLiteral("update"), QStringLiteral("ID"), QT_TRANSLATE_NOOP("luxctl", "change an event's fields (the same options as create)"), eventOptions, runEventCommand},
        {QStringLiteral("event"), QStringLiteral("attendees"), QStringLiteral("ID"), QT_TRANSLATE_NOOP("luxctl", "an event's registrations, or --csv OUT (formula-safe)"), eventOptions, runEventCommand},
        {QStringLiteral("event"), QStringLiteral("ics"), QStringLiteral("ID --out FILE.ics"), QT_TRANSLATE_NOOP("luxctl", "the event's calendar file, or with --email the invite as that registrant gets it"), eventOptions, runEventCommand},
        {QStringLiteral("event"), QStringLiteral("checkin"), QStringLiteral("ID CODE|EMAIL"), QT_TRANSLATE_NOOP("luxctl", "check someone in by their ticket or address; exit 1 when not admitted"), eventOptions, runEventCommand},
        {QStringLiteral("event"), QStringLiteral("add"), QStringLiteral("ID --email ADDRESS"), QT_TRANSLATE_NOOP("luxctl", "register someone by hand, confirmed"), eventOptions, runEventCommand},
        {QStringLiteral("event"), QStringLiteral("remove"), QStringLiteral("ID EMAIL"), QT_TRANSLATE_NOOP("luxctl", "cancel a registration made by hand"), eventOptions, runEventCommand},
        {QStringLiteral("event"), QStringLiteral("delete"), QStringLiteral("ID"), QT_TRANSLATE_NOOP("luxctl", "delete a draft event"), eventOptions, runEventCommand},
        {QStringLiteral("event"), QStringLiteral("publish"), QStringLiteral("ID"), QT_TRANSLATE_NOOP("luxctl", "put a draft's registration page on lux-tracker"), eventOptions, runEventCommand},
        {QStringLiteral("event"), QStringLiteral("mail-template"), QStringLiteral("list|show|set|reset [KIND]"), QT_TRANSLATE_NOOP("luxctl", "the wording of the events' messages per kind and language (starters until changed)"), eventOptions, runEventCommand},
        {QStringLiteral("event"), QStringLiteral("cancel"), QStringLiteral("ID"), QT_TRANSLATE_NOOP("luxctl", "cancel an event: its page says so and everyone registered is told"), eventOptions, runEventCommand},
        {QStringLiteral("automation"), QStringLiteral("import"), QStringLiteral("FLOW.json"), QT_TRANSLATE_NOOP("luxctl", "a workflow from its JSON (docs/AUTOMATIONS.md) as a draft; the same name replaces that draft"), automationOptions, runAutomationCommand},
        {QStringLiteral("automation"), QStringLiteral("list"), {}, QT_TRANSLATE_NOOP("luxctl", "every workflow with its status, version and counts"), automationOptions, runAutomationCommand},
        {QStringLiteral("automation"), QStringLiteral("show"), QStringLiteral("ID"), QT_TRANSLATE_NOOP("luxctl", "a workflow's draft as JSON, with its problems"), automationOptions, runAutomationCommand},
        {QStringLiteral("automation"), QStringLiteral("publish"), QStringLiteral("ID"), QT_TRANSLATE_NOOP("luxctl", "make the draft the next version and the workflow active"), automationOptions, runAutomationCommand},
        {QStringLiteral("automation"), QStringLiteral("pause"), QStringLiteral("ID"), QT_TRANSLATE_NOOP("luxctl", "nobody enters and no step runs until resumed"), automationOptions, runAutomationCommand},
        {QStringLiteral("automation"), QStringLiteral("resume"), QStringLiteral("ID"), QT_TRANSLATE_NOOP("luxctl", "a paused workflow runs again"), automationOptions, runAutomationCommand},
        {QStringLiteral("automation"), QStringLiteral("archive"), QStringLiteral("ID"), QT_TRANSLATE_NOOP("luxctl", "stop a workflow for good, its journeys kept"), automationOptions, runAutomationCommand},
        {QStringLiteral("automation"), QStringLiteral("enroll"), QStringLiteral("ID --contact EMAIL"), QT_TRANSLATE_NOOP("luxctl", "enter contacts by hand (the entry rules apply)"), automationOptions, runAutomationCommand},
        {QStringLiteral("automation"), QStringLiteral("status"), QStringLiteral("ID"), QT_TRANSLATE_NOOP("luxctl", "contacts at, through and ended at each step"), automationOptions, runAutomationCommand},
        {QStringLiteral("automation"), QStringLiteral("journey"), QStringLiteral("ID --contact EMAIL"), QT_TRANSLATE_NOOP("luxctl", "one contact's way through a workflow, step by step"), automationOptions, runAutomationCommand},
        {QStringLiteral("automation"), QStringLiteral("simulate"), QStringLiteral("ID"), QT_TRANSLATE_NOOP("luxctl", "what the workflow would do on a virtual clock: --contacts N --days D --seed S"), automationOptions, runAutomationCommand},
        {QStringLiteral("automation"), QStringLiteral("migrate"), QStringLiteral("ID"), QT_TRANSLATE_NOOP("luxctl", "move the contacts of older versions to the latest: a preview, or --apply"), automationOptions, runAutomationCommand},
    };
    return table;
}

const Command *CommandTable::find(const QString &group, const QString &name)
{
    for (const Command &c : all())
        if (c.group == group && c.name == name)
            return &c;
    return nullptr;
}

QStringList CommandTable::groups()
{
    QStringList out;
    for (const Command &c : all())
        if (!out.contains(c.group))
            out << c.group;
    return out;
}

QStringList CommandTable::commands(const QString &group)
{
    QStringList out;
    for (const Command &c : all())
        if (c.group == group)
            out << c.name;
    return out;
}

} // namespace lux::cli
