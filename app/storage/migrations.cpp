// SPDX-License-Identifier: GPL-3.0-or-later
#include "migrations.h"

#include "common/logging.h"
#include "contacts/contactsearch.h"
#include "sqlitefile.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace lux::storage {

namespace {

class MigrationsTr
{
    Q_DECLARE_TR_FUNCTIONS(lux::storage::Migrations)
};

// Timestamps are integer milliseconds since the epoch (UTC): portable to PostgreSQL's bigint and
// sortable without parsing.
const QList<Migration> kMigrations = {
    {1,
     "users, audit log and database metadata",
     {
         QStringLiteral("CREATE TABLE app_meta ("
                        " key TEXT PRIMARY KEY,"
                        " value TEXT NOT NULL)"),
         QStringLiteral("CREATE TABLE users ("
                        " id INTEGER PRIMARY KEY,"
                        " name TEXT NOT NULL,"
                        " email TEXT NOT NULL,"
                        " password_hash TEXT NOT NULL,"
                        " role TEXT NOT NULL CHECK (role IN ('admin', 'member')),"
                        " disabled INTEGER NOT NULL DEFAULT 0,"
                        " failed_attempts INTEGER NOT NULL DEFAULT 0,"
                        " locked_until BIGINT NOT NULL DEFAULT 0,"
                        " remember_token_hash TEXT,"
                        " last_sign_in BIGINT,"
                        " created_at BIGINT NOT NULL,"
                        " updated_at BIGINT NOT NULL,"
                        " created_by INTEGER REFERENCES users(id),"
                        " updated_by INTEGER REFERENCES users(id))"),
         QStringLiteral("CREATE UNIQUE INDEX users_email ON users (lower(email))"),
         QStringLiteral("CREATE TABLE audit_log ("
                        " id INTEGER PRIMARY KEY,"
                        " at BIGINT NOT NULL,"
                        " user_id INTEGER REFERENCES users(id),"
                        " action TEXT NOT NULL,"
                        " entity TEXT,"
                        " entity_id INTEGER,"
                        " details TEXT)"),
         QStringLiteral("CREATE INDEX audit_log_at ON audit_log (at)"),
     }},
    {2,
     "per-database settings",
     {
         QStringLiteral("CREATE TABLE db_settings ("
                        " key TEXT PRIMARY KEY,"
                        " value TEXT NOT NULL,"
                        " updated_at BIGINT NOT NULL,"
                        " updated_by INTEGER REFERENCES users(id))"),
     }},
    {3,
     "contacts, custom fields, tags, consent, suppression, search and segments",
     QStringList{
         // email is what people see (Unicode domain); email_key is unique and compared without case.
         QStringLiteral("CREATE TABLE contacts ("
                        " id INTEGER PRIMARY KEY,"
                        " email TEXT NOT NULL,"
                        " email_key TEXT NOT NULL,"
                        " first_name TEXT, last_name TEXT, phone TEXT, company TEXT, city TEXT, country TEXT,"
                        " time_zone TEXT, language TEXT,"
                        // An OR chain, not IN (…): SQLite evaluates a CHECK with IN through a temporary
                        // table on every insert, which costs a bulk import about a tenth of its time.
                        " status TEXT NOT NULL DEFAULT 'subscribed'"
                        "  CHECK (status = 'subscribed' OR status = 'unsubscribed' OR status = 'bounced'"
                        "   OR status = 'complained' OR status = 'cleaned'),"
                        " source TEXT,"
                        " custom TEXT," // JSON object: custom field name → value
                        " created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,"
                        " created_by INTEGER REFERENCES users(id), updated_by INTEGER REFERENCES users(id))"),
         QStringLiteral("CREATE UNIQUE INDEX contacts_email_key ON contacts (email_key)"),
         QStringLiteral("CREATE INDEX contacts_created ON contacts (created_at)"),
         QStringLiteral("CREATE TABLE custom_fields ("
                        " id INTEGER PRIMARY KEY,"
                        " name TEXT NOT NULL UNIQUE,"
                        " label TEXT NOT NULL,"
                        " type TEXT NOT NULL CHECK (type IN ('text', 'number', 'date', 'bool', 'choice')),"
                        " choices TEXT,"
                        " created_at BIGINT NOT NULL)"),
         QStringLiteral("CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL, created_at BIGINT NOT NULL)"),
         QStringLiteral("CREATE UNIQUE INDEX tags_name ON tags (lower(name))"),
         QStringLiteral("CREATE TABLE contact_tags ("
                        " tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,"
                        " contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,"
                        " PRIMARY KEY (tag_id, contact_id)) WITHOUT ROWID"),
         QStringLiteral("CREATE INDEX contact_tags_contact ON contact_tags (contact_id)"),
         // Consent history outlives the contact's personal data: contact_id is cleared on erasure.
         QStringLiteral("CREATE TABLE consent_events ("
                        " id INTEGER PRIMARY KEY,"
                        " contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,"
                        " channel TEXT NOT NULL CHECK (channel IN ('email', 'sms')),"
                        " action TEXT NOT NULL CHECK (action IN ('given', 'confirmed', 'withdrawn')),"
                        " method TEXT NOT NULL CHECK (method IN ('form', 'import', 'manual', 'double_opt_in')),"
                        " evidence TEXT, ip TEXT, at BIGINT NOT NULL,"
                        " by_user INTEGER REFERENCES users(id))"),
         QStringLiteral("CREATE INDEX consent_events_contact ON consent_events (contact_id)"),
         QStringLiteral("CREATE TABLE suppression ("
                        " id INTEGER PRIMARY KEY,"
                        " channel TEXT NOT NULL CHECK (channel IN ('email', 'sms')),"
                        " address_key TEXT," // the address's key; NULL once the contact was erased
                        " address_hash TEXT NOT NULL," // SHA-256 of the key: kept forever
                        " reason TEXT NOT NULL, at BIGINT NOT NULL,"
                        " by_user INTEGER REFERENCES users(id))"),
         QStringLiteral("CREATE UNIQUE INDEX suppression_hash ON suppression (channel, address_hash)"),
         // Search (the SQLite-only seam: FTS5). Kept in step with contacts by triggers (listed at the
         // end of this step), so no write path can forget it.
         QStringLiteral("CREATE VIRTUAL TABLE contacts_fts USING fts5(email, first_name, last_name, company,"
                        " content='contacts', content_rowid='id', tokenize='unicode61 remove_diacritics 2')"),
         QStringLiteral("CREATE TABLE segments ("
                        " id INTEGER PRIMARY KEY,"
                        " name TEXT NOT NULL,"
                        " rules TEXT NOT NULL," // JSON, see app/contacts/segment.h
                        " created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,"
                        " created_by INTEGER REFERENCES users(id), updated_by INTEGER REFERENCES users(id))"),
         QStringLiteral("CREATE UNIQUE INDEX segments_name ON segments (lower(name))"),
     } + lux::contacts::ContactSearch::triggerStatements()}, // the importer drops and recreates these
    {4,
     "trash for undoable contact deletes",
     QStringList{
         // Deleted contacts wait here while their delete can still be undone (app/contacts/contactbulk.h).
         // The undo history lives in memory, so whatever is here when a database opens is purged.
         // The columns mirror contacts: a migration that adds a contact column adds it here too.
         QStringLiteral("CREATE TABLE contacts_trash ("
                        " batch INTEGER NOT NULL,"
                        " id INTEGER NOT NULL,"
                        " email TEXT NOT NULL, email_key TEXT NOT NULL,"
                        " first_name TEXT, last_name TEXT, phone TEXT, company TEXT, city TEXT, country TEXT,"
                        " time_zone TEXT, language TEXT, status TEXT NOT NULL, source TEXT, custom TEXT,"
                        " created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, created_by INTEGER, updated_by INTEGER,"
                        " PRIMARY KEY (batch, id)) WITHOUT ROWID"),
         QStringLiteral("CREATE TABLE contact_tags_trash ("
                        " batch INTEGER NOT NULL, contact_id INTEGER NOT NULL, tag_id INTEGER NOT NULL,"
                        " PRIMARY KEY (batch, contact_id, tag_id)) WITHOUT ROWID"),
         // Consent events outlive a delete (their contact_id becomes NULL); an undo links them again.
         QStringLiteral("CREATE TABLE consent_links_trash ("
                        " batch INTEGER NOT NULL, event_id INTEGER NOT NULL, contact_id INTEGER NOT NULL,"
                        " PRIMARY KEY (batch, event_id)) WITHOUT ROWID"),
     }},
    {5,
     "email templates, their history, components and brand kits",
     QStringList{
         QStringLiteral("CREATE TABLE templates ("
                        " id INTEGER PRIMARY KEY,"
                        " name TEXT NOT NULL,"
                        " format TEXT NOT NULL CHECK (format IN ('html', 'markdown')),"
                        " subject TEXT NOT NULL DEFAULT '', preheader TEXT NOT NULL DEFAULT '',"
                        " source TEXT NOT NULL,"
                        " tags TEXT NOT NULL DEFAULT '',"
                        " created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,"
                        " created_by INTEGER REFERENCES users(id), updated_by INTEGER REFERENCES users(id))"),
         QStringLiteral("CREATE UNIQUE INDEX templates_name ON templates (lower(name))"),
         // Every saved version, newest last: the edit history to go back to.
         QStringLiteral("CREATE TABLE template_revisions ("
                        " id INTEGER PRIMARY KEY,"
                        " template_id INTEGER NOT NULL REFERENCES templates(id) ON DELETE CASCADE,"
                        " format TEXT NOT NULL, subject TEXT NOT NULL, preheader TEXT NOT NULL, source TEXT NOT NULL,"
                        " at BIGINT NOT NULL, by_user INTEGER REFERENCES users(id))"),
         QStringLiteral("CREATE INDEX template_revisions_template ON template_revisions (template_id, id)"),
         QStringLiteral("CREATE TABLE components ("
                        " id INTEGER PRIMARY KEY,"
                        " name TEXT NOT NULL,"
                        " source TEXT NOT NULL,"
                        " updated_at BIGINT NOT NULL, updated_by INTEGER REFERENCES users(id))"),
         QStringLiteral("CREATE UNIQUE INDEX components_name ON components (lower(name))"),
         // A brand kit's values are merge fields brand.KEY (JSON object of key → text).
         QStringLiteral("CREATE TABLE brand_kits ("
                        " id INTEGER PRIMARY KEY,"
                        " name TEXT NOT NULL,"
                        " is_default INTEGER NOT NULL DEFAULT 0,"
                        " fields TEXT NOT NULL DEFAULT '{}',"
                        " updated_at BIGINT NOT NULL, updated_by INTEGER REFERENCES users(id))"),
         QStringLiteral("CREATE UNIQUE INDEX brand_kits_name ON brand_kits (lower(name))"),
         QStringLiteral("CREATE UNIQUE INDEX brand_kits_default ON brand_kits (is_default) WHERE is_default = 1"),
     }},
    {6,
     "a text part the user writes, kept with each version",
     QStringList{
         // Empty: the text part is derived from the HTML when the message is built.
         QStringLiteral("ALTER TABLE templates ADD COLUMN text_part TEXT NOT NULL DEFAULT ''"),
         QStringLiteral("ALTER TABLE template_revisions ADD COLUMN text_part TEXT NOT NULL DEFAULT ''"),
     }},
    {7,
     "campaigns, their outbox, sender mailboxes and scheduled jobs",
     QStringList{
         // A sender mailbox and its pace (Exchange Online's limits are the defaults).
         QStringLiteral("CREATE TABLE senders ("
                        " id INTEGER PRIMARY KEY,"
                        " email TEXT NOT NULL,"
                        " per_minute INTEGER NOT NULL DEFAULT 30 CHECK (per_minute > 0),"
                        " per_day INTEGER NOT NULL DEFAULT 10000 CHECK (per_day > 0),"
                        " concurrency INTEGER NOT NULL DEFAULT 4 CHECK (concurrency BETWEEN 1 AND 4),"
                        " created_at BIGINT NOT NULL)"),
         QStringLiteral("CREATE UNIQUE INDEX senders_email ON senders (lower(email))"),
         QStringLiteral("CREATE TABLE campaigns ("
                        " id INTEGER PRIMARY KEY,"
                        " name TEXT NOT NULL,"
                        " template_id INTEGER REFERENCES templates(id) ON DELETE SET NULL,"
                        " subject TEXT NOT NULL DEFAULT '', preheader TEXT NOT NULL DEFAULT '',"
                        " from_email TEXT NOT NULL, from_name TEXT NOT NULL DEFAULT '', reply_to TEXT NOT NULL DEFAULT '',"
                        " audience TEXT NOT NULL DEFAULT '{}'," // JSON: include/exclude tags and segments
                        " status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN"
                        "  ('draft', 'scheduled', 'sending', 'paused', 'sent', 'failed', 'cancelled')),"
                        " scheduled_at BIGINT,"
                        " created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,"
                        " created_by INTEGER REFERENCES users(id), updated_by INTEGER REFERENCES users(id))"),
         QStringLiteral("CREATE UNIQUE INDEX campaigns_name ON campaigns (lower(name))"),
         // One row per recipient, frozen when sending starts. The Message-ID is assigned then, so a
         // send whose answer was lost can be found again in Sent Items.
         QStringLiteral("CREATE TABLE outbox ("
                        " id INTEGER PRIMARY KEY,"
                        " campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,"
                        " contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,"
                        " email TEXT NOT NULL, email_key TEXT NOT NULL,"
                        " state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'unknown')),"
                        " attempts INTEGER NOT NULL DEFAULT 0,"
                        " message_id TEXT NOT NULL,"
                        " sender TEXT NOT NULL DEFAULT '', draft_id TEXT NOT NULL DEFAULT '',"
                        " due_at BIGINT NOT NULL DEFAULT 0," // not before: retries wait, local-time schedules too
                        " error_code TEXT NOT NULL DEFAULT '', error TEXT NOT NULL DEFAULT '',"
                        " updated_at BIGINT NOT NULL)"),
         QStringLiteral("CREATE UNIQUE INDEX outbox_recipient ON outbox (campaign_id, email_key)"),
         QStringLiteral("CREATE UNIQUE INDEX outbox_message_id ON outbox (message_id)"),
         QStringLiteral("CREATE INDEX outbox_due ON outbox (campaign_id, state, due_at)"),
         // Durable jobs the scheduler claims with a lease (a crashed claimer's lease runs out).
         QStringLiteral("CREATE TABLE jobs ("
                        " id INTEGER PRIMARY KEY,"
                        " kind TEXT NOT NULL CHECK (kind IN ('send')),"
                        " campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,"
                        " due_at BIGINT NOT NULL,"
                        " lease_owner TEXT NOT NULL DEFAULT '', lease_until BIGINT NOT NULL DEFAULT 0,"
                        " done_at BIGINT)"),
         QStringLiteral("CREATE INDEX jobs_due ON jobs (done_at, due_at)"),
         // The freeze and every claim ask whether an address is suppressed, by its key.
         QStringLiteral("CREATE INDEX suppression_key ON suppression (channel, address_key)"),
     }},
    {8,
     "campaigns with several sender mailboxes and local-time schedules",
     QStringList{
         // More mailboxes beside from_email that share the campaign's pace (JSON array of addresses).
         QStringLiteral("ALTER TABLE campaigns ADD COLUMN senders TEXT NOT NULL DEFAULT '[]'"),
         // 1: scheduled_at is a wall-clock time (encoded as if UTC) sent at that time in each
         // recipient's own time zone.
         QStringLiteral("ALTER TABLE campaigns ADD COLUMN local_time INTEGER NOT NULL DEFAULT 0 CHECK (local_time IN (0, 1))"),
     }},
    {9,
     "open and click tracking through lux-tracker",
     QStringList{
         // 0: no pixel and no rewritten links (the signed unsubscribe link is always there).
         QStringLiteral("ALTER TABLE campaigns ADD COLUMN tracking INTEGER NOT NULL DEFAULT 1 CHECK (tracking IN (0, 1))"),
         // A campaign's tracked links, numbered once (a resumed send keeps the numbers), and whether
         // lux-tracker has them: none of the campaign's messages goes before it does.
         QStringLiteral("CREATE TABLE campaign_links ("
                        " campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,"
                        " link_id INTEGER NOT NULL CHECK (link_id > 0),"
                        " url TEXT NOT NULL,"
                        " registered_at BIGINT,"
                        " PRIMARY KEY (campaign_id, link_id)) WITHOUT ROWID"),
         QStringLiteral("CREATE UNIQUE INDEX campaign_links_url ON campaign_links (campaign_id, url)"),
         // Opens, clicks and unsubscribes pulled from lux-tracker, each once (tracker_id). Machine
         // hits are kept and flagged with the reason, never dropped.
         QStringLiteral("CREATE TABLE tracking_events ("
                        " id INTEGER PRIMARY KEY,"
                        " tracker_id INTEGER NOT NULL UNIQUE,"
                        " kind TEXT NOT NULL CHECK (kind IN ('open', 'click', 'unsubscribe')),"
                        " campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,"
                        " outbox_id INTEGER REFERENCES outbox(id) ON DELETE SET NULL,"
                        " contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,"
                        " link_id INTEGER NOT NULL DEFAULT 0,"
                        " at BIGINT NOT NULL,"
                        " machine INTEGER NOT NULL DEFAULT 0 CHECK (machine IN (0, 1)),"
                        " reason TEXT NOT NULL DEFAULT '')"),
         QStringLiteral("CREATE INDEX tracking_events_campaign ON tracking_events (campaign_id, kind, at)"),
         QStringLiteral("CREATE INDEX tracking_events_contact ON tracking_events (contact_id, at)"),
         QStringLiteral("CREATE INDEX tracking_events_outbox ON tracking_events (outbox_id, kind)"),
         // A contact's own activity (what they were sent) without a scan of every outbox.
         QStringLiteral("CREATE INDEX outbox_contact ON outbox (contact_id)"),
         // Where the last pull from lux-tracker stopped, and how it went.
         QStringLiteral("CREATE TABLE tracker_sync ("
                        " id INTEGER PRIMARY KEY CHECK (id = 1),"
                        " cursor TEXT NOT NULL DEFAULT '0',"
                        " synced_at BIGINT, error TEXT NOT NULL DEFAULT '')"),
         QStringLiteral("INSERT INTO tracker_sync (id) VALUES (1)"),
     }},
    {10,
     "one outbox and one job table for every channel",
     QStringList{
         // A campaign sends on one channel; every campaign so far was email.
         QStringLiteral("ALTER TABLE campaigns ADD COLUMN channel TEXT NOT NULL DEFAULT 'email'"),
         // The outbox speaks of any channel: the address in the channel's form and its key (what
         // suppression compares), and the provider's reference (Graph's draft id until now). The
         // indexes follow the renamed columns.
         QStringLiteral("ALTER TABLE outbox ADD COLUMN channel TEXT NOT NULL DEFAULT 'email'"),
         QStringLiteral("ALTER TABLE outbox RENAME COLUMN email TO address"),
         QStringLiteral("ALTER TABLE outbox RENAME COLUMN email_key TO address_key"),
         QStringLiteral("ALTER TABLE outbox RENAME COLUMN draft_id TO provider_ref"),
         // Jobs of more kinds than a campaign's send: a scheduled post, an automation step, a
         // transactional message. SQLite cannot change a CHECK in place, so the table is rebuilt.
         QStringLiteral("CREATE TABLE jobs_v10 ("
                        " id INTEGER PRIMARY KEY,"
                        " kind TEXT NOT NULL CHECK (kind = 'send' OR kind = 'post' OR kind = 'automation' OR kind = 'message'),"
                        " campaign_id INTEGER REFERENCES campaigns(id) ON DELETE CASCADE,"
                        " subject_id INTEGER," // what a job of another kind acts on (a post, a run)
                        " payload TEXT NOT NULL DEFAULT '{}',"
                        " due_at BIGINT NOT NULL,"
                        " lease_owner TEXT NOT NULL DEFAULT '', lease_until BIGINT NOT NULL DEFAULT 0,"
                        " attempts INTEGER NOT NULL DEFAULT 0,"
                        " done_at BIGINT,"
                        " CHECK (kind <> 'send' OR campaign_id IS NOT NULL))"),
         QStringLiteral("INSERT INTO jobs_v10 (id, kind, campaign_id, due_at, lease_owner, lease_until, done_at) "
                        "SELECT id, kind, campaign_id, due_at, lease_owner, lease_until, done_at FROM jobs"),
         QStringLiteral("DROP TABLE jobs"),
         QStringLiteral("ALTER TABLE jobs_v10 RENAME TO jobs"),
         QStringLiteral("CREATE INDEX jobs_due ON jobs (done_at, due_at)"),
     }},
    {11,
     "bounces, replies and unsubscribe mails read from the sender mailboxes",
     QStringList{
         // Where the reading of each sender mailbox's Inbox stands: Graph's next or delta link ('' before
         // the first round), the last look, and its error. `reported` is the error code the user was
         // last told about, so a lasting one (a permission missing) is said once.
         QStringLiteral("CREATE TABLE mailbox_sync ("
                        " mailbox TEXT PRIMARY KEY," // lower case
                        " link TEXT NOT NULL DEFAULT '',"
                        " round_started_at BIGINT,"
                        " synced_at BIGINT,"
                        " error_code TEXT NOT NULL DEFAULT '', error TEXT NOT NULL DEFAULT '',"
                        " reported TEXT NOT NULL DEFAULT '')"),
         // Each message read from a sender mailbox, once (mailbox, graph_id), with what it was and what
         // was done. `disposed`: marked read or moved as the settings say (retried until it is).
         QStringLiteral("CREATE TABLE inbound_messages ("
                        " id INTEGER PRIMARY KEY,"
                        " mailbox TEXT NOT NULL,"
                        " graph_id TEXT NOT NULL,"
                        " received_at BIGINT NOT NULL,"
                        " kind TEXT NOT NULL CHECK (kind = 'hard-bounce' OR kind = 'soft-bounce' OR kind = 'auto-reply'"
                        "  OR kind = 'unsubscribe' OR kind = 'reply' OR kind = 'other'),"
                        " rule TEXT NOT NULL DEFAULT '',"
                        " address TEXT NOT NULL DEFAULT ''," // the failed recipient, or the sender
                        " status TEXT NOT NULL DEFAULT '', diagnostic TEXT NOT NULL DEFAULT '',"
                        " campaign_id INTEGER REFERENCES campaigns(id) ON DELETE SET NULL,"
                        " outbox_id INTEGER REFERENCES outbox(id) ON DELETE SET NULL,"
                        " contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,"
                        " subject TEXT NOT NULL DEFAULT '', excerpt TEXT NOT NULL DEFAULT '',"
                        " effect TEXT NOT NULL DEFAULT ''," // what it changed: bounced, suppressed, unsubscribed, counted
                        " disposed INTEGER NOT NULL DEFAULT 0 CHECK (disposed IN (0, 1)),"
                        " processed_at BIGINT NOT NULL)"),
         QStringLiteral("CREATE UNIQUE INDEX inbound_messages_graph ON inbound_messages (mailbox, graph_id)"),
         QStringLiteral("CREATE INDEX inbound_messages_contact ON inbound_messages (contact_id, received_at)"),
         QStringLiteral("CREATE INDEX inbound_messages_campaign ON inbound_messages (campaign_id, kind)"),
         QStringLiteral("CREATE INDEX inbound_messages_outbox ON inbound_messages (outbox_id)"),
         QStringLiteral("CREATE INDEX inbound_messages_address ON inbound_messages (address, kind)"),
         QStringLiteral("CREATE INDEX inbound_messages_pending ON inbound_messages (mailbox) WHERE disposed = 0"),
     }},
    {12,
     "sending without lux-tracker, and anonymous counts",
     QStringList{
         // With tracking on (1), 1 here counts opens and clicks without saying whose: the tokens name
         // nobody and only tracking_counts is written. Never on without tracking.
         QStringLiteral("ALTER TABLE campaigns ADD COLUMN anonymous_counts INTEGER NOT NULL DEFAULT 0 "
                        "CHECK (anonymous_counts = 0 OR (anonymous_counts = 1 AND tracking = 1))"),
         // An anonymous campaign's opens and clicks, counted per UTC day (YYYY-MM-DD), link (0 for
         // opens) and machine or person: no recipient, no time of day.
         QStringLiteral("CREATE TABLE tracking_counts ("
                        " campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,"
                        " day TEXT NOT NULL,"
                        " kind TEXT NOT NULL CHECK (kind IN ('open', 'click')),"
                        " link_id INTEGER NOT NULL DEFAULT 0,"
                        " machine INTEGER NOT NULL DEFAULT 0 CHECK (machine IN (0, 1)),"
                        " hits INTEGER NOT NULL DEFAULT 0,"
                        " PRIMARY KEY (campaign_id, day, kind, link_id, machine)) WITHOUT ROWID"),
     }},
    {13,
     "phone number types and regions (libphonenumber)",
     QStringList{
         // What libphonenumber says of contacts.phone (app/contacts/phonenumbers.h): the type's code
         // ("mobile", "fixed_line", …, "invalid") and the number's ISO 3166 region. NULL: not looked at
         // yet; rows stored before this version are filled in C++ after the migration
         // (PhoneNumbers::fillMissingTypes, from Database::open), since SQL cannot call libphonenumber.
         QStringLiteral("ALTER TABLE contacts ADD COLUMN phone_type TEXT"),
         QStringLiteral("ALTER TABLE contacts ADD COLUMN phone_region TEXT"),
         QStringLiteral("ALTER TABLE contacts_trash ADD COLUMN phone_type TEXT"),
         QStringLiteral("ALTER TABLE contacts_trash ADD COLUMN phone_region TEXT"),
         // A campaign picks textable numbers with phone_type IN (…): this index holds only contacts that
         // have a typed phone, so it stays small in lists that are mostly email.
         QStringLiteral("CREATE INDEX contacts_phone_type ON contacts (phone_type, id) WHERE phone_type IS NOT NULL"),
     }},
    {14,
     "SMS: consent per channel, senders of every channel, delivery receipts, replies and prices",
     QStringList{
         // An SMS campaign's text (merge tags as in email); its sender number is from_email's place.
         QStringLiteral("ALTER TABLE campaigns ADD COLUMN body TEXT NOT NULL DEFAULT ''"),
         // Whether the contact may be texted now: kept in step with the sms rows of consent_events,
         // which hold the history (who, when, how, the consent text). Email consent is the status.
         QStringLiteral("ALTER TABLE contacts ADD COLUMN sms_consent INTEGER NOT NULL DEFAULT 0 CHECK (sms_consent IN (0, 1))"),
         QStringLiteral("CREATE INDEX contacts_sms_consent ON contacts (sms_consent) WHERE sms_consent = 1"),
         // A text that comes back names its sender's number only: STOP, START and replies find their
         // contacts by it (x = ? implies x IS NOT NULL, so SQLite uses this partial index).
         QStringLiteral("CREATE INDEX contacts_phone ON contacts (phone) WHERE phone IS NOT NULL"),
         // Consent is given or withdrawn by a texted keyword too (STOP, START), and keeps the exact
         // consent text the person agreed to and where it was collected. SQLite cannot change a CHECK
         // in place: the table is rebuilt with its ids (consent_links_trash refers to them).
         QStringLiteral("CREATE TABLE consent_events_v14 ("
                        " id INTEGER PRIMARY KEY,"
                        " contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,"
                        " channel TEXT NOT NULL CHECK (channel IN ('email', 'sms')),"
                        " action TEXT NOT NULL CHECK (action IN ('given', 'confirmed', 'withdrawn')),"
                        " method TEXT NOT NULL CHECK (method IN ('form', 'import', 'manual', 'double_opt_in', 'keyword')),"
                        " evidence TEXT, ip TEXT, at BIGINT NOT NULL,"
                        " by_user INTEGER REFERENCES users(id),"
                        " consent_text TEXT," // the words the person agreed to, as shown to them
                        " source TEXT)"),     // where: an import file, a form, a number texted
         QStringLiteral("INSERT INTO consent_events_v14 (id, contact_id, channel, action, method, evidence, ip, at, by_user) "
                        "SELECT id, contact_id, channel, action, method, evidence, ip, at, by_user FROM consent_events"),
         QStringLiteral("DROP TABLE consent_events"),
         QStringLiteral("ALTER TABLE consent_events_v14 RENAME TO consent_events"),
         QStringLiteral("CREATE INDEX consent_events_contact ON consent_events (contact_id)"),
         // When the row's request last left (its claim): a text whose answer was lost is looked up
         // among the messages made since then.
         QStringLiteral("ALTER TABLE outbox ADD COLUMN attempted_at BIGINT NOT NULL DEFAULT 0"),
         // What the provider said after it accepted the message (Twilio's status callbacks): the
         // status, moved forward only, its error code, when, and what it cost.
         QStringLiteral("ALTER TABLE outbox ADD COLUMN delivery TEXT NOT NULL DEFAULT ''"),
         QStringLiteral("ALTER TABLE outbox ADD COLUMN delivery_code TEXT NOT NULL DEFAULT ''"),
         QStringLiteral("ALTER TABLE outbox ADD COLUMN delivery_at BIGINT"),
         QStringLiteral("ALTER TABLE outbox ADD COLUMN segments INTEGER NOT NULL DEFAULT 0"),
         QStringLiteral("ALTER TABLE outbox ADD COLUMN price TEXT NOT NULL DEFAULT ''"), // a decimal, as the provider wrote it
         QStringLiteral("ALTER TABLE outbox ADD COLUMN price_unit TEXT NOT NULL DEFAULT ''"),
         QStringLiteral("CREATE INDEX outbox_provider_ref ON outbox (channel, provider_ref) WHERE provider_ref <> ''"),
         // Senders of every channel: mailboxes, and numbers or Messaging Services with their pace
         // (messages a second, requests in flight, a daily cap). Rebuilt for the wider CHECKs.
         QStringLiteral("CREATE TABLE senders_v14 ("
                        " id INTEGER PRIMARY KEY,"
                        " channel TEXT NOT NULL DEFAULT 'email' CHECK (channel IN ('email', 'sms')),"
                        " address TEXT NOT NULL," // a mailbox, an E.164 number or a Messaging Service SID
                        " kind TEXT NOT NULL DEFAULT ''," // sms: long-code, toll-free, short-code, service
                        " per_second INTEGER NOT NULL DEFAULT 0 CHECK (per_second >= 0),"
                        " per_minute INTEGER NOT NULL DEFAULT 30 CHECK (per_minute > 0),"
                        " per_day INTEGER NOT NULL DEFAULT 10000 CHECK (per_day > 0),"
                        " concurrency INTEGER NOT NULL DEFAULT 4 CHECK (concurrency BETWEEN 1 AND 32),"
                        " created_at BIGINT NOT NULL)"),
         QStringLiteral("INSERT INTO senders_v14 (id, channel, address, per_minute, per_day, concurrency, created_at) "
                        "SELECT id, 'email', email, per_minute, per_day, concurrency, created_at FROM senders"),
         QStringLiteral("DROP TABLE senders"),
         QStringLiteral("ALTER TABLE senders_v14 RENAME TO senders"),
         QStringLiteral("CREATE UNIQUE INDEX senders_address ON senders (channel, lower(address))"),
         // Texts people sent back, pulled from lux-tracker: keywords acted on, the rest kept as replies.
         QStringLiteral("CREATE TABLE sms_inbound ("
                        " id INTEGER PRIMARY KEY,"
                        " sid TEXT NOT NULL," // Twilio's MessageSid
                        " contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,"
                        " from_number TEXT NOT NULL, to_number TEXT NOT NULL,"
                        " body TEXT NOT NULL DEFAULT '',"
                        " keyword TEXT NOT NULL CHECK (keyword IN ('opt-out', 'opt-in', 'help', 'other')),"
                        " received_at BIGINT NOT NULL,"
                        " tracker_id INTEGER NOT NULL DEFAULT 0)"),
         QStringLiteral("CREATE UNIQUE INDEX sms_inbound_sid ON sms_inbound (sid)"),
         QStringLiteral("CREATE INDEX sms_inbound_contact ON sms_inbound (contact_id, received_at)"),
         // What one segment costs, by destination country (ISO 3166): defaults from Twilio's price
         // list for outbound SMS on a long code (December 2026), which the user edits in Settings → SMS.
         QStringLiteral("CREATE TABLE sms_prices ("
                        " country TEXT PRIMARY KEY,"
                        " per_segment TEXT NOT NULL," // a decimal
                        " currency TEXT NOT NULL DEFAULT 'USD',"
                        " updated_at BIGINT NOT NULL DEFAULT 0)"),
         QStringLiteral("INSERT INTO sms_prices (country, per_segment) VALUES "
                        "('US', '0.0083'), ('CA', '0.0083'), ('GB', '0.0463'), ('IE', '0.0800'), ('ES', '0.0786'),"
                        " ('MX', '0.0585'), ('DE', '0.0890'), ('FR', '0.0798'), ('IT', '0.0874'), ('PT', '0.0432'),"
                        " ('BR', '0.0467'), ('AR', '0.0737'), ('CO', '0.0126'), ('CL', '0.0588'), ('AU', '0.0515'), ('IN', '0.0832')"),
     }},
    {15,
     "the assistant: conversations, the usage ledger and the media library",
     QStringList{
         // A conversation per topic; personal_data: the user let this conversation send contacts' own
         // data (otherwise the assistant's tools give aggregates only).
         QStringLiteral("CREATE TABLE ai_conversations ("
                        " id INTEGER PRIMARY KEY,"
                        " title TEXT NOT NULL,"
                        " topic TEXT NOT NULL DEFAULT '',"
                        " personal_data INTEGER NOT NULL DEFAULT 0,"
                        " created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,"
                        " created_by INTEGER REFERENCES users(id))"),
         QStringLiteral("CREATE INDEX ai_conversations_updated ON ai_conversations (updated_at)"),
         // Every turn as it was sent and answered: tool calls (JSON) and their results too, so a
         // conversation goes on where it stopped. sources: what the answer used (JSON list of
         // {kind, count, label}); status: complete, interrupted (stopped or cut off) or error.
         QStringLiteral("CREATE TABLE ai_messages ("
                        " id INTEGER PRIMARY KEY,"
                        " conversation_id INTEGER NOT NULL REFERENCES ai_conversations(id) ON DELETE CASCADE,"
                        " role TEXT NOT NULL CHECK (role IN ('user', 'assistant', 'tool')),"
                        " content TEXT NOT NULL DEFAULT '',"
                        " tool_calls TEXT NOT NULL DEFAULT '',"
                        " tool_call_id TEXT NOT NULL DEFAULT '',"
                        " sources TEXT NOT NULL DEFAULT '',"
                        " status TEXT NOT NULL DEFAULT 'complete' CHECK (status IN ('complete', 'interrupted', 'error')),"
                        " at BIGINT NOT NULL)"),
         QStringLiteral("CREATE INDEX ai_messages_conversation ON ai_messages (conversation_id, id)"),
         // One row per request to the AI server. NULL tokens: the server did not say (a stream cut
         // off, a local server): "usage unknown", never counted as zero.
         QStringLiteral("CREATE TABLE ai_usage ("
                        " id INTEGER PRIMARY KEY,"
                        " at BIGINT NOT NULL,"
                        " endpoint TEXT NOT NULL,"
                        " model TEXT NOT NULL,"
                        " prompt_tokens INTEGER, completion_tokens INTEGER, cached_tokens INTEGER,"
                        " images INTEGER NOT NULL DEFAULT 0,"
                        " duration_ms INTEGER NOT NULL,"
                        " outcome TEXT NOT NULL,"
                        " conversation_id INTEGER REFERENCES ai_conversations(id) ON DELETE SET NULL)"),
         QStringLiteral("CREATE INDEX ai_usage_at ON ai_usage (at)"),
         // Images for templates (generated or added from files), kept in the database so a shared
         // database carries them; a template uses one as cid:media-ID (an inline part).
         QStringLiteral("CREATE TABLE media ("
                        " id INTEGER PRIMARY KEY,"
                        " name TEXT NOT NULL,"
                        " mime TEXT NOT NULL,"
                        " data BLOB NOT NULL,"
                        " width INTEGER NOT NULL, height INTEGER NOT NULL,"
                        " alt TEXT NOT NULL DEFAULT '',"
                        " prompt TEXT NOT NULL DEFAULT '',"
                        " source TEXT NOT NULL CHECK (source IN ('ai', 'file')),"
                        " sha256 TEXT NOT NULL,"
                        " created_at BIGINT NOT NULL,"
                        " created_by INTEGER REFERENCES users(id))"),
         QStringLiteral("CREATE UNIQUE INDEX media_sha256 ON media (sha256)"),
     }},
    {16,
     "WooCommerce products: the local catalogue and its sync state",
     QStringList{
         // One row per store product, as the REST API v3 names its fields. Prices are the store's
         // decimal strings ("19.99", "25", "" when unset), compared exactly, never as floating point.
         // images and categories keep the API's JSON arrays; short_description is plain text.
         QStringLiteral("CREATE TABLE woo_products ("
                        " id INTEGER PRIMARY KEY,"
                        " woo_id BIGINT NOT NULL UNIQUE,"
                        " name TEXT NOT NULL,"
                        " sku TEXT NOT NULL DEFAULT '',"
                        " price TEXT NOT NULL DEFAULT '',"
                        " regular_price TEXT NOT NULL DEFAULT '',"
                        " sale_price TEXT NOT NULL DEFAULT '',"
                        " on_sale INTEGER NOT NULL DEFAULT 0 CHECK (on_sale IN (0, 1)),"
                        " stock_status TEXT NOT NULL DEFAULT '',"
                        " permalink TEXT NOT NULL DEFAULT '',"
                        " images TEXT NOT NULL DEFAULT '[]',"
                        " categories TEXT NOT NULL DEFAULT '[]',"
                        " short_description TEXT NOT NULL DEFAULT '',"
                        " date_modified_gmt TEXT NOT NULL DEFAULT ''," // ISO 8601 without a zone, as the API writes it
                        " synced_at BIGINT NOT NULL)"),
         QStringLiteral("CREATE INDEX woo_products_name ON woo_products (name COLLATE NOCASE)"),
         QStringLiteral("CREATE INDEX woo_products_sku ON woo_products (sku COLLATE NOCASE) WHERE sku <> ''"),
         // One row: which store the catalogue came from, its currency, and the highest
         // date_modified_gmt of the last sync that finished (the next one asks for what changed after).
         QStringLiteral("CREATE TABLE woo_sync ("
                        " id INTEGER PRIMARY KEY CHECK (id = 1),"
                        " store_url TEXT NOT NULL DEFAULT '',"
                        " currency TEXT NOT NULL DEFAULT '',"
                        " modified_after TEXT NOT NULL DEFAULT '',"
                        " last_sync_at BIGINT NOT NULL DEFAULT 0)"),
     }},
    {17,
     "A/B tests: variants, the test group and the decision",
     QStringList{
         // One test per campaign. variants: a JSON array of 2 to 5 objects, A first; a field a variant
         // leaves out is the campaign's own (campaigns/abtest.h). The draw (seed, group sizes) is
         // recorded at the freeze; the decision (winner, by whom, why, the numbers it was made on) in
         // the same transaction that releases the rest, so a crash never loses or repeats it.
         QStringLiteral("CREATE TABLE ab_tests ("
                        " campaign_id INTEGER PRIMARY KEY REFERENCES campaigns(id) ON DELETE CASCADE,"
                        " variants TEXT NOT NULL,"
                        " test_percent REAL NOT NULL DEFAULT 20 CHECK (test_percent > 0 AND test_percent <= 100),"
                        " test_size INTEGER NOT NULL DEFAULT 0 CHECK (test_size >= 0)," // > 0: this many, not a share
                        " wait_ms BIGINT NOT NULL CHECK (wait_ms >= 0),"
                        " metric TEXT NOT NULL CHECK (metric IN ('clicks', 'opens', 'ctor', 'manual')),"
                        " no_winner TEXT NOT NULL CHECK (no_winner IN ('send-a', 'wait')),"
                        " baseline REAL, lift REAL," // the planner's inputs, as the user left them
                        " state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'testing', 'waiting', 'decided')),"
                        " seed TEXT NOT NULL DEFAULT ''," // the draw's seed, decimal (64 bits)
                        " test_group INTEGER NOT NULL DEFAULT 0, remainder INTEGER NOT NULL DEFAULT 0,"
                        " winner INTEGER CHECK (winner BETWEEN 0 AND 4),"
                        " decided_by TEXT NOT NULL DEFAULT '' CHECK (decided_by IN ('', 'rule', 'fallback', 'user')),"
                        " decided_at BIGINT,"
                        " reason_code TEXT NOT NULL DEFAULT '', reason TEXT NOT NULL DEFAULT '',"
                        " analysis TEXT NOT NULL DEFAULT ''," // the statistics at the decision (JSON)
                        " updated_at BIGINT NOT NULL)"),
         // The row's variant (0 is A); NULL: a campaign without a test, or the rest before the decision.
         QStringLiteral("ALTER TABLE outbox ADD COLUMN variant INTEGER CHECK (variant BETWEEN 0 AND 4)"),
         // 1: in the test group, 0: the rest, held until the decision; NULL: no test.
         QStringLiteral("ALTER TABLE outbox ADD COLUMN ab_group INTEGER CHECK (ab_group IN (0, 1))"),
         QStringLiteral("CREATE INDEX outbox_ab ON outbox (campaign_id, ab_group, variant) WHERE ab_group IS NOT NULL"),
     }},
    {18,
     "Events: events, questions, consent texts and registrations",
     QStringList{
         // One event is one date (issue 18). uid: the iCalendar UID every invite derives from; slug:
         // the public page's name on lux-tracker (/e/<slug>), [a-z0-9-] only. Times are instants (ms,
         // UTC); time_zone is the IANA zone they are shown and invited in. capacity 0: no limit.
         // revision rises on every saved change and published_revision is the one lux-tracker last
         // acknowledged, so a change not yet on the tracker is visible; sequence is iCalendar's
         // SEQUENCE, raised only by changes a registrant is sent (time, place, title, cancellation).
         // tags: JSON array of tag names given to registrants; reminders: JSON array of minutes
         // before the start. pow_difficulty: leading zero bits of SHA-256 the form's work must reach.
         QStringLiteral("CREATE TABLE events ("
                        " id INTEGER PRIMARY KEY,"
                        " uid TEXT NOT NULL UNIQUE,"
                        " slug TEXT NOT NULL UNIQUE,"
                        " title TEXT NOT NULL,"
                        " description TEXT NOT NULL DEFAULT ''," // Markdown
                        " language TEXT NOT NULL DEFAULT 'en' CHECK (language = 'en' OR language = 'es'),"
                        " starts_at BIGINT NOT NULL, ends_at BIGINT NOT NULL,"
                        " time_zone TEXT NOT NULL,"
                        " venue TEXT NOT NULL DEFAULT '',"
                        " online_url TEXT NOT NULL DEFAULT '',"
                        " sender_id INTEGER REFERENCES senders(id) ON DELETE SET NULL," // the organiser's mailbox
                        " capacity INTEGER NOT NULL CHECK (capacity >= 0),"
                        " opens_at BIGINT, closes_at BIGINT," // NULL: open from publication, until the start
                        " double_opt_in INTEGER NOT NULL DEFAULT 1 CHECK (double_opt_in IN (0, 1)),"
                        " pow_difficulty INTEGER NOT NULL DEFAULT 16 CHECK (pow_difficulty BETWEEN 0 AND 28),"
                        " tags TEXT NOT NULL DEFAULT '[]',"
                        " reminders TEXT NOT NULL DEFAULT '[1440,60]',"
                        " status TEXT NOT NULL DEFAULT 'draft'"
                        "  CHECK (status IN ('draft', 'published', 'cancelled', 'finished')),"
                        " sequence INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),"
                        " revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),"
                        " published_revision INTEGER NOT NULL DEFAULT 0 CHECK (published_revision >= 0),"
                        " created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,"
                        " published_at BIGINT,"
                        " CHECK (ends_at > starts_at),"
                        " CHECK (opens_at IS NULL OR closes_at IS NULL OR closes_at > opens_at))"),
         QStringLiteral("CREATE INDEX events_starts ON events (starts_at)"),
         // The form's questions; the field of question N is qN. choices: JSON array ('choice' only).
         QStringLiteral("CREATE TABLE event_questions ("
                        " event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,"
                        " position INTEGER NOT NULL CHECK (position >= 1),"
                        " kind TEXT NOT NULL CHECK (kind IN ('text', 'choice', 'checkbox')),"
                        " label TEXT NOT NULL,"
                        " choices TEXT NOT NULL DEFAULT '[]',"
                        " required INTEGER NOT NULL DEFAULT 0 CHECK (required IN (0, 1)),"
                        " PRIMARY KEY (event_id, position))"),
         // The consent text shown on the form, by version: a changed text is a new version, an old one
         // never changes, and each registration names the version its person agreed to.
         QStringLiteral("CREATE TABLE event_consent_texts ("
                        " event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,"
                        " version INTEGER NOT NULL CHECK (version >= 1),"
                        " text TEXT NOT NULL,"
                        " created_at BIGINT NOT NULL,"
                        " PRIMARY KEY (event_id, version))"),
         // Registrations: pulled from lux-tracker (tracker_id, the tracker's own id) or added by hand.
         // email as typed (trimmed); email_key, first_key and last_key lower-cased (names also without
         // accents) for lookups and the check-in's prefix search. position: the place on the waiting
         // list, only while waiting. answers: JSON array of strings by question position (a
         // checkbox "1" or "0"). tracker_seq: the last tracker event applied to the row, so an older
         // one never overwrites a newer state. checked_in_via: how the door found them.
         QStringLiteral("CREATE TABLE event_registrations ("
                        " id INTEGER PRIMARY KEY,"
                        " event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,"
                        " tracker_id INTEGER,"
                        " contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,"
                        " email TEXT NOT NULL, email_key TEXT NOT NULL,"
                        " first_name TEXT NOT NULL DEFAULT '', last_name TEXT NOT NULL DEFAULT '',"
                        " first_key TEXT NOT NULL DEFAULT '', last_key TEXT NOT NULL DEFAULT '',"
                        " status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'waiting', 'cancelled')),"
                        " position INTEGER CHECK (position IS NULL OR (status = 'waiting' AND position >= 1)),"
                        " source TEXT NOT NULL CHECK (source IN ('link', 'embed', 'manual', 'api')),"
                        " answers TEXT NOT NULL DEFAULT '[]',"
                        " consent INTEGER NOT NULL DEFAULT 0 CHECK (consent IN (0, 1)),"
                        " consent_version INTEGER,"
                        " registered_at BIGINT NOT NULL,"
                        " confirmed_at BIGINT, cancelled_at BIGINT,"
                        " checked_in_at BIGINT,"
                        " checked_in_via TEXT NOT NULL DEFAULT '' CHECK (checked_in_via IN ('', 'scan', 'search', 'luxctl')),"
                        " tracker_seq BIGINT NOT NULL DEFAULT 0,"
                        " updated_at BIGINT NOT NULL,"
                        " UNIQUE (event_id, tracker_id))"),
         // Lists by status in the order people expect (registration time; the waiting list by place).
         QStringLiteral("CREATE INDEX event_registrations_status ON event_registrations (event_id, status, registered_at)"),
         // The check-in's lookups: an exact address, or the start of an address, a first or a last name.
         QStringLiteral("CREATE INDEX event_registrations_email ON event_registrations (event_id, email_key)"),
         QStringLiteral("CREATE INDEX event_registrations_first ON event_registrations (event_id, first_key)"),
         QStringLiteral("CREATE INDEX event_registrations_last ON event_registrations (event_id, last_key)"),
         // A contact's erasure sets contact_id to NULL here without a scan.
         QStringLiteral("CREATE INDEX event_registrations_contact ON event_registrations (contact_id) WHERE contact_id IS NOT NULL"),
     }},
    {19,
     "Event mail: transactional messages through the outbox, reminders, templates",
     QStringList{
         // An event's mail (confirmations, waiting list, promotions, updates, cancellations,
         // reminders) is sent by the channel core like a campaign's: one hidden campaign per event
         // (event_id set; never listed with the campaigns, never "sent") whose outbox rows each carry
         // their own message. mail_key names the message ("r12.confirmation.0"), so one person can
         // get several messages of one event; campaigns' rows keep mail_key '' and stay one per
         // recipient.
         // An event's text reminders are campaigns of their own, one per offset ("lux:event-sms:E:M"):
         // the SMS channel builds a campaign's text per contact, and finds a text again by it.
         QStringLiteral("ALTER TABLE campaigns ADD COLUMN event_id INTEGER REFERENCES events(id) ON DELETE CASCADE"),
         QStringLiteral("CREATE INDEX campaigns_event ON campaigns (event_id) WHERE event_id IS NOT NULL"),
         QStringLiteral("ALTER TABLE outbox ADD COLUMN mail_key TEXT NOT NULL DEFAULT ''"),
         QStringLiteral("DROP INDEX outbox_recipient"),
         QStringLiteral("CREATE UNIQUE INDEX outbox_recipient ON outbox (campaign_id, address_key, mail_key)"),
         // What each event message is: its registration, its kind, and the invite's SEQUENCE when it
         // was queued (its mail_key names a reminder's offset). Read by the event mail channel.
         QStringLiteral("CREATE TABLE event_mail ("
                        " outbox_id INTEGER PRIMARY KEY REFERENCES outbox(id) ON DELETE CASCADE,"
                        " registration_id INTEGER NOT NULL REFERENCES event_registrations(id) ON DELETE CASCADE,"
                        " kind TEXT NOT NULL CHECK (kind IN ('confirm-address', 'confirmation', 'waiting', 'promotion', 'update',"
                        "  'cancellation', 'reminder', 'lapsed')),"
                        " sequence INTEGER NOT NULL DEFAULT 0)"),
         QStringLiteral("CREATE INDEX event_mail_registration ON event_mail (registration_id)"),
         // A reminder offset is queued once per event: the row says when, so a restart repeats nothing.
         QStringLiteral("CREATE TABLE event_reminders ("
                        " event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,"
                        " minutes INTEGER NOT NULL,"
                        " queued_at BIGINT NOT NULL,"
                        " messages INTEGER NOT NULL DEFAULT 0,"
                        " PRIMARY KEY (event_id, minutes))"),
         // The user's wording of each kind of message, per language; a kind without a row uses the
         // starter text (events/eventmail.cpp).
         QStringLiteral("CREATE TABLE event_mail_templates ("
                        " kind TEXT NOT NULL, language TEXT NOT NULL CHECK (language IN ('en', 'es')),"
                        " subject TEXT NOT NULL, body TEXT NOT NULL, updated_at BIGINT NOT NULL,"
                        " PRIMARY KEY (kind, language))"),
     }},
    {20,
     "Automations: workflows, versions, enrollments, journeys, signals",
     QStringList{
         // A workflow: its draft as edited (JSON, docs/AUTOMATIONS.md) and the latest version published.
         QStringLiteral("CREATE TABLE automations ("
                        " id INTEGER PRIMARY KEY,"
                        " name TEXT NOT NULL,"
                        " status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'paused', 'archived')),"
                        " draft TEXT NOT NULL,"
                        " version INTEGER NOT NULL DEFAULT 0," // the latest published; 0: never published
                        " trigger_kind TEXT NOT NULL DEFAULT 'manual'," // of the latest version: what enters contacts
                        " anniversary_day TEXT NOT NULL DEFAULT ''," // the last day (UTC) anniversaries were looked for
                        " created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)"),
         QStringLiteral("CREATE UNIQUE INDEX automations_name ON automations (lower(name))"),
         // Each published version, never changed: a contact runs the version they entered.
         QStringLiteral("CREATE TABLE automation_versions ("
                        " automation_id INTEGER NOT NULL REFERENCES automations(id) ON DELETE CASCADE,"
                        " version INTEGER NOT NULL,"
                        " definition TEXT NOT NULL,"
                        " published_at BIGINT NOT NULL,"
                        " PRIMARY KEY (automation_id, version))"),
         // A send step's messages are the outbox rows of a hidden campaign of their own (template,
         // subject, sender), one per version and step, so the channel core sends, paces, tracks and
         // reconciles them as any campaign's; mail_key "a<enrollment>.<seq>" names each message.
         QStringLiteral("ALTER TABLE campaigns ADD COLUMN automation_id INTEGER REFERENCES automations(id) ON DELETE CASCADE"),
         QStringLiteral("CREATE INDEX campaigns_automation ON campaigns (automation_id) WHERE automation_id IS NOT NULL"),
         QStringLiteral("CREATE TABLE automation_campaigns ("
                        " automation_id INTEGER NOT NULL REFERENCES automations(id) ON DELETE CASCADE,"
                        " version INTEGER NOT NULL, step TEXT NOT NULL,"
                        " campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,"
                        " PRIMARY KEY (automation_id, version, step))"),
         // When a row was queued: the frequency cap counts what was sent or queued in the last day.
         QStringLiteral("ALTER TABLE outbox ADD COLUMN queued_at BIGINT NOT NULL DEFAULT 0"),
         // One contact's way through one version. step: where they are (the step to run when due_at
         // comes, or the wait they are in); seq: how many journey lines they have, so each step's run
         // is keyed (enrollment, seq) and committed with its effect. waiting_for: the event a wait
         // listens for since wait_since (due_at is then its timeout). entry_key: what entered them
         // (a signal, a day's anniversary, a manual enrolment), so the same entry never enters twice.
         QStringLiteral("CREATE TABLE automation_enrollments ("
                        " id INTEGER PRIMARY KEY,"
                        " automation_id INTEGER NOT NULL REFERENCES automations(id) ON DELETE CASCADE,"
                        " version INTEGER NOT NULL,"
                        " contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,"
                        " state TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'done', 'exited')),"
                        " step TEXT NOT NULL,"
                        " seq INTEGER NOT NULL DEFAULT 0,"
                        " due_at BIGINT,"
                        " waiting_for TEXT NOT NULL DEFAULT '',"
                        " wait_since BIGINT NOT NULL DEFAULT 0,"
                        " entered_at BIGINT NOT NULL, ended_at BIGINT,"
                        " end_reason TEXT NOT NULL DEFAULT '',"
                        " entry_key TEXT NOT NULL,"
                        " UNIQUE (automation_id, contact_id, entry_key))"),
         // Due steps and timeouts are claimed per active workflow from this index, never by a scan.
         QStringLiteral("CREATE INDEX automation_enrollments_due ON automation_enrollments (automation_id, due_at) WHERE state = 'active'"),
         QStringLiteral("CREATE INDEX automation_enrollments_contact ON automation_enrollments (contact_id, automation_id)"),
         QStringLiteral("CREATE INDEX automation_enrollments_step ON automation_enrollments (automation_id, state, version, step)"),
         // The journey: what each step did for the contact, when, and why they waited or left.
         QStringLiteral("CREATE TABLE automation_journey ("
                        " enrollment_id INTEGER NOT NULL REFERENCES automation_enrollments(id) ON DELETE CASCADE,"
                        " seq INTEGER NOT NULL,"
                        " step TEXT NOT NULL,"
                        " at BIGINT NOT NULL,"
                        " what TEXT NOT NULL,"
                        " detail TEXT NOT NULL DEFAULT '',"
                        " PRIMARY KEY (enrollment_id, seq)) WITHOUT ROWID"),
         // How many went through each step and how many left there, kept with the steps' runs.
         QStringLiteral("CREATE TABLE automation_step_stats ("
                        " automation_id INTEGER NOT NULL REFERENCES automations(id) ON DELETE CASCADE,"
                        " version INTEGER NOT NULL, step TEXT NOT NULL,"
                        " passed INTEGER NOT NULL DEFAULT 0, ended INTEGER NOT NULL DEFAULT 0,"
                        " PRIMARY KEY (automation_id, version, step)) WITHOUT ROWID"),
         // What happened to contacts that a workflow may wait for, written by the database itself
         // (triggers below) in the transaction that changed the data, whoever changed it (the app,
         // luxctl, an import, the tracker's sync), and only while a workflow listens for the kind.
         // AUTOINCREMENT: a spent signal's id is never given again (an entry is keyed by it).
         QStringLiteral("CREATE TABLE automation_signals ("
                        " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                        " kind TEXT NOT NULL,"
                        " contact_id INTEGER NOT NULL,"
                        " subject TEXT NOT NULL DEFAULT '',"
                        " at BIGINT NOT NULL)"),
         QStringLiteral("CREATE TABLE automation_listen (kind TEXT PRIMARY KEY) WITHOUT ROWID"),
         // The contacts in a segment-triggered workflow's segment when last looked, to see who enters.
         QStringLiteral("CREATE TABLE automation_segment_members ("
                        " automation_id INTEGER NOT NULL REFERENCES automations(id) ON DELETE CASCADE,"
                        " contact_id INTEGER NOT NULL,"
                        " PRIMARY KEY (automation_id, contact_id)) WITHOUT ROWID"),
         QStringLiteral("CREATE TRIGGER automation_signal_created AFTER INSERT ON contacts "
                        "WHEN EXISTS (SELECT 1 FROM automation_listen WHERE kind = 'created') "
                        "BEGIN INSERT INTO automation_signals (kind, contact_id, at) VALUES ('created', NEW.id, NEW.created_at); END"),
         QStringLiteral("CREATE TRIGGER automation_signal_changed AFTER UPDATE ON contacts "
                        "WHEN EXISTS (SELECT 1 FROM automation_listen WHERE kind = 'changed') "
                        "BEGIN INSERT INTO automation_signals (kind, contact_id, at) VALUES ('changed', NEW.id, NEW.updated_at); END"),
         QStringLiteral("CREATE TRIGGER automation_signal_unsubscribed AFTER UPDATE OF status ON contacts "
                        "WHEN OLD.status = 'subscribed' AND NEW.status <> 'subscribed' "
                        "AND EXISTS (SELECT 1 FROM automation_listen WHERE kind = 'unsubscribed') "
                        "BEGIN INSERT INTO automation_signals (kind, contact_id, subject, at) VALUES ('unsubscribed', NEW.id, NEW.status, NEW.updated_at); END"),
         QStringLiteral("CREATE TRIGGER automation_signal_tag AFTER INSERT ON contact_tags "
                        "WHEN EXISTS (SELECT 1 FROM automation_listen WHERE kind = 'tag') "
                        "BEGIN INSERT INTO automation_signals (kind, contact_id, subject, at) "
                        "VALUES ('tag', NEW.contact_id, (SELECT name FROM tags WHERE id = NEW.tag_id), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)); END"),
         QStringLiteral("CREATE TRIGGER automation_signal_untag AFTER DELETE ON contact_tags "
                        "WHEN EXISTS (SELECT 1 FROM automation_listen WHERE kind = 'changed') "
                        "BEGIN INSERT INTO automation_signals (kind, contact_id, at) VALUES ('changed', OLD.contact_id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)); END"),
         // Opens and clicks by people (machine hits never count), with the campaign, on its channel.
         QStringLiteral("CREATE TRIGGER automation_signal_tracking AFTER INSERT ON tracking_events "
                        "WHEN NEW.machine = 0 AND NEW.contact_id IS NOT NULL AND NEW.kind IN ('open', 'click') "
                        "AND EXISTS (SELECT 1 FROM automation_listen WHERE kind = 'engagement') "
                        "BEGIN INSERT INTO automation_signals (kind, contact_id, subject, at) VALUES ("
                        "CASE WHEN (SELECT channel FROM campaigns WHERE id = NEW.campaign_id) = 'sms' THEN 'sms-' ELSE '' END || NEW.kind, "
                        "NEW.contact_id, NEW.campaign_id, NEW.at); END"),
         QStringLiteral("CREATE TRIGGER automation_signal_registered AFTER INSERT ON event_registrations "
                        "WHEN NEW.contact_id IS NOT NULL AND EXISTS (SELECT 1 FROM automation_listen WHERE kind = 'registration') "
                        "BEGIN INSERT INTO automation_signals (kind, contact_id, subject, at) VALUES ('registered', NEW.contact_id, NEW.event_id, NEW.updated_at); "
                        "INSERT INTO automation_signals (kind, contact_id, subject, at) SELECT 'confirmed', NEW.contact_id, NEW.event_id, NEW.updated_at "
                        "WHERE NEW.status = 'confirmed'; END"),
         QStringLiteral("CREATE TRIGGER automation_signal_confirmed AFTER UPDATE OF status ON event_registrations "
                        "WHEN NEW.contact_id IS NOT NULL AND NEW.status = 'confirmed' AND OLD.status <> 'confirmed' "
                        "AND EXISTS (SELECT 1 FROM automation_listen WHERE kind = 'registration') "
                        "BEGIN INSERT INTO automation_signals (kind, contact_id, subject, at) VALUES ('confirmed', NEW.contact_id, NEW.event_id, NEW.updated_at); END"),
         QStringLiteral("CREATE TRIGGER automation_signal_linked AFTER UPDATE OF contact_id ON event_registrations "
                        "WHEN OLD.contact_id IS NULL AND NEW.contact_id IS NOT NULL "
                        "AND EXISTS (SELECT 1 FROM automation_listen WHERE kind = 'registration') "
                        "BEGIN INSERT INTO automation_signals (kind, contact_id, subject, at) VALUES ('registered', NEW.contact_id, NEW.event_id, NEW.updated_at); "
                        "INSERT INTO automation_signals (kind, contact_id, subject, at) SELECT 'confirmed', NEW.contact_id, NEW.event_id, NEW.updated_at "
                        "WHERE NEW.status = 'confirmed'; END"),
         QStringLiteral("CREATE TRIGGER automation_signal_attended AFTER UPDATE OF checked_in_at ON event_registrations "
                        "WHEN NEW.contact_id IS NOT NULL AND NEW.checked_in_at IS NOT NULL AND OLD.checked_in_at IS NULL "
                        "AND EXISTS (SELECT 1 FROM automation_listen WHERE kind = 'registration') "
                        "BEGIN INSERT INTO automation_signals (kind, contact_id, subject, at) VALUES ('attended', NEW.contact_id, NEW.event_id, NEW.checked_in_at); END"),
         // A text's first word (after spaces, tabs or line breaks), without the punctuation around
         // it ("Join!" is JOIN), upper-cased, as its keyword.
         QStringLiteral("CREATE TRIGGER automation_signal_keyword AFTER INSERT ON sms_inbound "
                        "WHEN NEW.contact_id IS NOT NULL AND EXISTS (SELECT 1 FROM automation_listen WHERE kind = 'keyword') "
                        "BEGIN INSERT INTO automation_signals (kind, contact_id, subject, at) SELECT 'keyword', NEW.contact_id, "
                        "upper(trim(CASE WHEN instr(b, ' ') > 0 THEN substr(b, 1, instr(b, ' ') - 1) ELSE b END, '!?.,;:¡¿\"''')), NEW.received_at "
                        "FROM (SELECT trim(replace(replace(replace(NEW.body, char(13), ' '), char(10), ' '), char(9), ' ')) AS b); END"),
         QStringLiteral("CREATE TRIGGER automation_signal_reply AFTER INSERT ON inbound_messages "
                        "WHEN NEW.kind = 'reply' AND NEW.contact_id IS NOT NULL AND EXISTS (SELECT 1 FROM automation_listen WHERE kind = 'reply') "
                        "BEGIN INSERT INTO automation_signals (kind, contact_id, subject, at) VALUES ('replied', NEW.contact_id, "
                        "coalesce(NEW.campaign_id, ''), NEW.received_at); END"),
     }},
    {21,
     "Social posts: accounts, their queue slots, posts and their targets",
     QStringList{
         // One connected account (docs/SOCIAL.md). uid names its keychain entries and is never reused;
         // external_id: the X user id, the LinkedIn person or organisation URN, the Facebook Page id,
         // the Instagram user id. An Instagram account reached through a Page uses its token (parent_id).
         QStringLiteral("CREATE TABLE social_accounts ("
                        " id INTEGER PRIMARY KEY,"
                        " uid TEXT NOT NULL UNIQUE,"
                        " network TEXT NOT NULL CHECK (network IN ('x', 'linkedin', 'instagram', 'facebook')),"
                        " external_id TEXT NOT NULL,"
                        " kind TEXT NOT NULL DEFAULT ''," // person, organization, page, business
                        " name TEXT NOT NULL, handle TEXT NOT NULL DEFAULT '',"
                        " parent_id INTEGER REFERENCES social_accounts(id) ON DELETE SET NULL,"
                        " long_posts INTEGER NOT NULL DEFAULT 0 CHECK (long_posts IN (0, 1)),"
                        " can_read_posts INTEGER NOT NULL DEFAULT 1 CHECK (can_read_posts IN (0, 1)),"
                        " status TEXT NOT NULL DEFAULT 'connected' CHECK (status IN ('connected', 'reconnect', 'removed')),"
                        " access_expires_at BIGINT, refresh_expires_at BIGINT, refreshed_at BIGINT,"
                        " lease_owner TEXT NOT NULL DEFAULT '', lease_until BIGINT NOT NULL DEFAULT 0," // one refresh at a time
                        " expiry_notice_at BIGINT,"
                        " quota_total INTEGER, quota_usage INTEGER, quota_read_at BIGINT," // Instagram's publishing limit
                        " paused_until BIGINT NOT NULL DEFAULT 0," // rate limits: nothing is sent before
                        " time_zone TEXT NOT NULL DEFAULT ''," // the queue's slots are in it
                        " error_code TEXT NOT NULL DEFAULT '', error TEXT NOT NULL DEFAULT '',"
                        " created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,"
                        " UNIQUE (network, external_id))"),
         // The queue's time slots: "Tue 10:00" is weekday 2 (ISO, Monday 1), minute 600, in the account's zone.
         QStringLiteral("CREATE TABLE social_slots ("
                        " account_id INTEGER NOT NULL REFERENCES social_accounts(id) ON DELETE CASCADE,"
                        " weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),"
                        " minute INTEGER NOT NULL CHECK (minute BETWEEN 0 AND 1439),"
                        " PRIMARY KEY (account_id, weekday, minute)) WITHOUT ROWID"),
         // A post as composed: the text it started from. Its state is its targets'.
         QStringLiteral("CREATE TABLE social_posts ("
                        " id INTEGER PRIMARY KEY,"
                        " text TEXT NOT NULL DEFAULT '',"
                        " cancelled_at BIGINT,"
                        " created_by INTEGER REFERENCES users(id),"
                        " created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)"),
         // Its variant for one account: the text as edited for that network, the first comment, and
         // the outbox row of the account's standing campaign that publishes it (the channel core sends
         // it exactly once). external_id and permalink: what the network made of it.
         QStringLiteral("CREATE TABLE social_targets ("
                        " id INTEGER PRIMARY KEY,"
                        " post_id INTEGER NOT NULL REFERENCES social_posts(id) ON DELETE CASCADE,"
                        " account_id INTEGER NOT NULL REFERENCES social_accounts(id),"
                        " text TEXT NOT NULL,"
                        " first_comment TEXT NOT NULL DEFAULT '',"
                        " due_at BIGINT NOT NULL,"
                        " queued INTEGER NOT NULL DEFAULT 0 CHECK (queued IN (0, 1))," // took a queue slot
                        " outbox_id INTEGER UNIQUE REFERENCES outbox(id) ON DELETE SET NULL,"
                        " external_id TEXT NOT NULL DEFAULT '', permalink TEXT NOT NULL DEFAULT '', published_at BIGINT,"
                        " comment_state TEXT NOT NULL DEFAULT 'none' CHECK (comment_state IN ('none', 'pending', 'sending', 'done', 'unknown', 'failed')),"
                        " comment_id TEXT NOT NULL DEFAULT '',"
                        " UNIQUE (post_id, account_id))"),
         QStringLiteral("CREATE INDEX social_targets_due ON social_targets (account_id, due_at)"),
         // The pictures of a target, in order, from the media library (a crop or a conversion is a new
         // picture there; the original stays).
         QStringLiteral("CREATE TABLE social_target_media ("
                        " target_id INTEGER NOT NULL REFERENCES social_targets(id) ON DELETE CASCADE,"
                        " position INTEGER NOT NULL,"
                        " media_id INTEGER NOT NULL REFERENCES media(id),"
                        " alt TEXT NOT NULL DEFAULT '',"
                        " PRIMARY KEY (target_id, position)) WITHOUT ROWID"),
         // Each provider reference made on the way to a publish, committed before the next call: the
         // tracker's copy of a picture, Instagram's containers, Facebook's unpublished photos,
         // LinkedIn's image URNs, X's media ids. attempt: the outbox attempt that made it.
         QStringLiteral("CREATE TABLE social_steps ("
                        " target_id INTEGER NOT NULL REFERENCES social_targets(id) ON DELETE CASCADE,"
                        " attempt INTEGER NOT NULL, step TEXT NOT NULL, position INTEGER NOT NULL DEFAULT 0,"
                        " ref TEXT NOT NULL, state TEXT NOT NULL DEFAULT '', at BIGINT NOT NULL,"
                        " PRIMARY KEY (target_id, attempt, step, position)) WITHOUT ROWID"),
         // Each account's posts are the rows of a hidden campaign of its own, so the channel core
         // claims, paces, reconciles and retries them as any campaign's.
         QStringLiteral("ALTER TABLE campaigns ADD COLUMN social_account_id INTEGER REFERENCES social_accounts(id) ON DELETE CASCADE"),
         QStringLiteral("CREATE UNIQUE INDEX campaigns_social ON campaigns (social_account_id) WHERE social_account_id IS NOT NULL"),
     }},
    {22,
     "social sign-ins whose renewal went unanswered",
     QStringList{
         // A refresh whose answer was lost may have spent a single-use refresh token: it is not
         // presented again while the access token still serves.
         QStringLiteral("ALTER TABLE social_accounts ADD COLUMN refresh_doubt_at BIGINT"),
     }},
    {23,
     "first comments with their own attempts",
     QStringList{
         // A first comment is tried on its own budget once its post exists (the post's retries do
         // not use it up), and one that could not be made keeps the network's reason.
         QStringLiteral("ALTER TABLE social_targets ADD COLUMN comment_attempts INTEGER NOT NULL DEFAULT 0"),
         QStringLiteral("ALTER TABLE social_targets ADD COLUMN comment_error TEXT NOT NULL DEFAULT ''"),
     }},
    {24,
     "SEO: site crawls, their pages and broken links; single-page analyses",
     QStringList{
         // One finished crawl (docs/SEO.md, "Site crawl"); start_url is the start page as the crawler
         // keys it, so a second crawl of it finds the first. Times in ms since the epoch, UTC.
         QStringLiteral("CREATE TABLE seo_crawls ("
                        " id INTEGER PRIMARY KEY,"
                        " start_url TEXT NOT NULL,"
                        " started_at BIGINT NOT NULL,"
                        " finished_at BIGINT NOT NULL,"
                        " max_pages INTEGER NOT NULL,"
                        " pause_ms INTEGER NOT NULL,"
                        " robots_status INTEGER NOT NULL DEFAULT 0,"
                        " robots_error TEXT NOT NULL DEFAULT '',"
                        " truncated INTEGER NOT NULL DEFAULT 0,"
                        " blocked TEXT NOT NULL DEFAULT '[]')"), // JSON array of the addresses robots.txt disallows
         QStringLiteral("CREATE INDEX seo_crawls_start ON seo_crawls (start_url, id)"),
         // Each address fetched, in the order found; score NULL when it was not analysed.
         QStringLiteral("CREATE TABLE seo_crawl_pages ("
                        " crawl_id INTEGER NOT NULL REFERENCES seo_crawls(id) ON DELETE CASCADE,"
                        " position INTEGER NOT NULL,"
                        " url TEXT NOT NULL,"
                        " final_url TEXT NOT NULL,"
                        " status INTEGER NOT NULL,"
                        " content_type TEXT NOT NULL DEFAULT '',"
                        " html INTEGER NOT NULL DEFAULT 0,"
                        " title TEXT NOT NULL DEFAULT '',"
                        " description TEXT NOT NULL DEFAULT '',"
                        " h1 TEXT NOT NULL DEFAULT '',"
                        " words INTEGER NOT NULL DEFAULT 0,"
                        " score INTEGER,"
                        " errors INTEGER NOT NULL DEFAULT 0,"
                        " warnings INTEGER NOT NULL DEFAULT 0,"
                        " notices INTEGER NOT NULL DEFAULT 0,"
                        " depth INTEGER NOT NULL DEFAULT 0,"
                        " inlinks INTEGER NOT NULL DEFAULT 0,"
                        " error TEXT NOT NULL DEFAULT '',"
                        " time_ms INTEGER NOT NULL DEFAULT 0,"
                        " PRIMARY KEY (crawl_id, url))"),
         // A link inside the site whose target answered 400 or more or not at all, with the pages it is on.
         QStringLiteral("CREATE TABLE seo_crawl_broken_links ("
                        " crawl_id INTEGER NOT NULL REFERENCES seo_crawls(id) ON DELETE CASCADE,"
                        " position INTEGER NOT NULL,"
                        " target TEXT NOT NULL,"
                        " status INTEGER NOT NULL,"
                        " error TEXT NOT NULL DEFAULT '',"
                        " sources TEXT NOT NULL DEFAULT '[]',"
                        " PRIMARY KEY (crawl_id, target))"),
         // One page's analysis (luxctl seo analyze, the SEO window): its history per address.
         QStringLiteral("CREATE TABLE seo_analyses ("
                        " id INTEGER PRIMARY KEY,"
                        " url TEXT NOT NULL,"
                        " final_url TEXT NOT NULL,"
                        " analysed_at BIGINT NOT NULL,"
                        " status INTEGER NOT NULL,"
                        " score INTEGER NOT NULL,"
                        " analysis TEXT NOT NULL)"), // Analysis::toJson()
         QStringLiteral("CREATE INDEX seo_analyses_url ON seo_analyses (url, analysed_at)"),
     }},
};

} // namespace

const QList<Migration> &migrations()
{
    return kMigrations;
}

int latestSchemaVersion()
{
    return kMigrations.constLast().version;
}

Status migrate(QSqlDatabase &db, int target)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return Error(QStringLiteral("db.corrupt"), q.lastError().text());
    const int current = q.value(0).toInt();
    q.finish();

    for (const Migration &m : kMigrations) {
        if (m.version <= current || m.version > target)
            continue;
        qCInfo(lcStorage) << "applying migration" << m.version << m.name;
        if (!db.transaction())
            return Error(QStringLiteral("db.migration"), db.lastError().text());
        QStringList statements = m.statements;
        // Version numbers come from this table, never from input.
        statements << QStringLiteral("PRAGMA user_version = %1").arg(m.version);
        if (m.version == 1)
            statements << QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId);
        for (const QString &sql : std::as_const(statements)) {
            QSqlQuery step(db);
            if (!step.exec(sql)) {
                const QString why = step.lastError().text();
                step.finish();
                db.rollback();
                return Error(QStringLiteral("db.migration"),
                             MigrationsTr::tr("Updating the database to schema %1 (%2) failed: %3")
                                 .arg(m.version)
                                 .arg(QString::fromUtf8(m.name), why));
            }
        }
        if (!db.commit()) {
            const QString why = db.lastError().text();
            db.rollback();
            return Error(QStringLiteral("db.migration"),
                         MigrationsTr::tr("Updating the database to schema %1 failed: %2").arg(m.version).arg(why));
        }
    }
    return {};
}

} // namespace lux::storage
