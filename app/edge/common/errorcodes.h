// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLatin1StringView>

// The machine-readable codes of lux::Error, named once. Scripts read them from `luxctl --json` and
// logs carry them, so a value never changes once released; code that reacts to one error (a
// cancel, a missing secret, a locked database) compares against these names, never a spelling of
// its own, which is how "db.open" and "db.open-failed" drifted apart.
namespace lux::errc {

// The user stopped it: not a failure to report.
inline constexpr QLatin1StringView cancelled{"cancelled"};
inline constexpr QLatin1StringView usage{"usage"};

// A model's structured answer (assistant/jsonschema.h): not JSON, or JSON that breaks the schema.
inline constexpr QLatin1StringView answerJson{"answer.json"};
inline constexpr QLatin1StringView answerSchema{"answer.schema"};

// A/B tests (campaigns/abstatistics.h, campaigns/abtest.h).
inline constexpr QLatin1StringView abtestInput{"abtest.input"};       // counts that cannot be analysed (fewer than 2 or more than 5 variants, successes above sent)
inline constexpr QLatin1StringView abtestPlan{"abtest.plan"};         // a plan that cannot be made (rates outside 0..1, a lift that leaves it)
inline constexpr QLatin1StringView abtestVariant{"abtest.variant"};   // a variant that is not valid (nothing varies, an unknown template, a bad send time)
inline constexpr QLatin1StringView abtestState{"abtest.state"};       // the test is not at a point where that can be done (choose a winner twice, before the wait)

inline constexpr QLatin1StringView auditWrite{"audit.write"};

inline constexpr QLatin1StringView backupDriver{"backup.driver"};
inline constexpr QLatin1StringView backupFailed{"backup.failed"};
inline constexpr QLatin1StringView backupFolder{"backup.folder"};
inline constexpr QLatin1StringView backupSameFile{"backup.same-file"};
inline constexpr QLatin1StringView backupVerify{"backup.verify"};
inline constexpr QLatin1StringView backupWrite{"backup.write"};

inline constexpr QLatin1StringView brandDuplicate{"brand.duplicate"};
inline constexpr QLatin1StringView brandField{"brand.field"};
inline constexpr QLatin1StringView brandJson{"brand.json"};
inline constexpr QLatin1StringView brandName{"brand.name"};
inline constexpr QLatin1StringView brandNotFound{"brand.not-found"};

inline constexpr QLatin1StringView campaignAudience{"campaign.audience"};
inline constexpr QLatin1StringView campaignChannel{"campaign.channel"};
inline constexpr QLatin1StringView campaignChecks{"campaign.checks"};
inline constexpr QLatin1StringView campaignDuplicate{"campaign.duplicate"};
inline constexpr QLatin1StringView campaignFrom{"campaign.from"};
inline constexpr QLatin1StringView campaignLocked{"campaign.locked"};
inline constexpr QLatin1StringView campaignName{"campaign.name"};
inline constexpr QLatin1StringView campaignNotFound{"campaign.not-found"};
inline constexpr QLatin1StringView campaignReplyTo{"campaign.reply-to"};
inline constexpr QLatin1StringView campaignSender{"campaign.sender"};
inline constexpr QLatin1StringView campaignTemplate{"campaign.template"};
inline constexpr QLatin1StringView campaignTest{"campaign.test"};
inline constexpr QLatin1StringView campaignTransition{"campaign.transition"};
inline constexpr QLatin1StringView campaignWarnings{"campaign.warnings"};

inline constexpr QLatin1StringView componentName{"component.name"};
inline constexpr QLatin1StringView componentNotFound{"component.not-found"};

inline constexpr QLatin1StringView contactDuplicate{"contact.duplicate"};
inline constexpr QLatin1StringView contactNotFound{"contact.not-found"};
inline constexpr QLatin1StringView contactStatus{"contact.status"};
inline constexpr QLatin1StringView contactSuppressed{"contact.suppressed"};

inline constexpr QLatin1StringView csvUnreadable{"csv.unreadable"};
inline constexpr QLatin1StringView csvUnterminatedQuote{"csv.unterminated-quote"};

// CSV import and database limits (issue 13)
inline constexpr QLatin1StringView csvControlCharacter{"csv.control-character"};
inline constexpr QLatin1StringView csvEncodingFallback{"csv.encoding-fallback"};
inline constexpr QLatin1StringView csvFieldTooLong{"csv.field-too-long"};
inline constexpr QLatin1StringView csvHeaderNameTooLong{"csv.header-name-too-long"};
inline constexpr QLatin1StringView csvInvalidText{"csv.invalid-text"};
inline constexpr QLatin1StringView csvRecordTooLong{"csv.record-too-long"};
inline constexpr QLatin1StringView csvTooManyColumns{"csv.too-many-columns"};
inline constexpr QLatin1StringView importDuplicateColumn{"import.duplicate-column"};

inline constexpr QLatin1StringView dbCorrupt{"db.corrupt"};
inline constexpr QLatin1StringView dbFolder{"db.folder"};
inline constexpr QLatin1StringView dbForeign{"db.foreign"};
inline constexpr QLatin1StringView dbIntegrity{"db.integrity"};
inline constexpr QLatin1StringView dbLockFailed{"db.lock-failed"};
inline constexpr QLatin1StringView dbLocked{"db.locked"};
inline constexpr QLatin1StringView dbMigration{"db.migration"};
inline constexpr QLatin1StringView dbMigrationBackup{"db.migration-backup"};
inline constexpr QLatin1StringView dbMissing{"db.missing"};
inline constexpr QLatin1StringView dbNeedsUpgrade{"db.needs-upgrade"};
inline constexpr QLatin1StringView dbNewerVersion{"db.newer-version"};
inline constexpr QLatin1StringView dbNotSqlite{"db.not-sqlite"};
inline constexpr QLatin1StringView dbOpenFailed{"db.open-failed"};
inline constexpr QLatin1StringView dbPragma{"db.pragma"};
inline constexpr QLatin1StringView dbQuery{"db.query"};
inline constexpr QLatin1StringView dbRead{"db.read"};
inline constexpr QLatin1StringView dbReadOnly{"db.read-only"};
inline constexpr QLatin1StringView dbUnreadable{"db.unreadable"};
inline constexpr QLatin1StringView dbWal{"db.wal"};
inline constexpr QLatin1StringView dbWrite{"db.write"};

inline constexpr QLatin1StringView dispatchContact{"dispatch.contact"};
inline constexpr QLatin1StringView dispatchRender{"dispatch.render"};
inline constexpr QLatin1StringView dispatchSender{"dispatch.sender"};
inline constexpr QLatin1StringView dispatchTemplate{"dispatch.template"};

// Events (issue 18): calendar invites (events/invite.h).
inline constexpr QLatin1StringView eventsTimezone{"events.timezone"}; // a time zone that is not in the system's database
inline constexpr QLatin1StringView eventsInvite{"events.invite"};     // an invite that cannot be made (no organiser, an end before the start)
inline constexpr QLatin1StringView eventsTicket{"events.ticket"};     // a ticket's QR code that cannot be made
// Events (issue 18): the event store (events/eventstore.h).
inline constexpr QLatin1StringView eventsInput{"events.input"};         // an event or a registration that is not valid (a field named in the message)
inline constexpr QLatin1StringView eventsState{"events.state"};         // not at this point (deleting a published event, a second active registration)
inline constexpr QLatin1StringView eventsNotFound{"events.not-found"};  // no such event or registration
inline constexpr QLatin1StringView automationInput{"automation.input"};      // a workflow that is not valid (the step and field named in the message)
inline constexpr QLatin1StringView automationState{"automation.state"};      // not at this point (publishing an invalid draft, enrolling into a paused workflow)
inline constexpr QLatin1StringView automationNotFound{"automation.not-found"}; // no such workflow, version or enrollment

inline constexpr QLatin1StringView emailEmpty{"email.empty"};
inline constexpr QLatin1StringView emailInvalid{"email.invalid"};

inline constexpr QLatin1StringView exportScrub{"export.scrub"};
inline constexpr QLatin1StringView exportWrite{"export.write"};

// The safe fetcher (net/safefetcher.h, docs/SEO.md "Fetching safely"): a URL that cannot be fetched
// (not a URL, no host, a host that is no valid address), a scheme other than http and https, an
// address the policy refuses (also when a name resolves to one or a redirect leads there), a name
// that does not resolve, more than the redirects allowed, a page over the size limit, over the time
// limit, and any other network failure.
inline constexpr QLatin1StringView fetchUrl{"fetch.url"};
inline constexpr QLatin1StringView fetchScheme{"fetch.scheme"};
inline constexpr QLatin1StringView fetchRefused{"fetch.refused"};
inline constexpr QLatin1StringView fetchResolve{"fetch.resolve"};
inline constexpr QLatin1StringView fetchRedirects{"fetch.redirects"};
inline constexpr QLatin1StringView fetchTooLarge{"fetch.too-large"};
inline constexpr QLatin1StringView fetchTimeout{"fetch.timeout"};
inline constexpr QLatin1StringView fetchNetwork{"fetch.network"};

// A file the user named for reading (InputFile).
inline constexpr QLatin1StringView fileNotRegular{"file.not-regular"};
inline constexpr QLatin1StringView fileOpen{"file.open"};
inline constexpr QLatin1StringView fileTooLarge{"file.too-large"};

// HTML over the limits every parser and walk relies on (HtmlLimits).
inline constexpr QLatin1StringView htmlTooDeep{"html.too-deep"};
inline constexpr QLatin1StringView htmlTooLarge{"html.too-large"};

inline constexpr QLatin1StringView graphConfig{"graph.config"};
inline constexpr QLatin1StringView graphDelegated{"graph.delegated"};
inline constexpr QLatin1StringView graphDraft{"graph.draft"};
inline constexpr QLatin1StringView graphLookup{"graph.lookup"};
// Reading a sender mailbox (issue 14): the permission to read (or to mark and move) is missing; a
// delta round Graph no longer knows (410), to start again; any other failure.
inline constexpr QLatin1StringView graphMailDenied{"graph.mail-denied"};
inline constexpr QLatin1StringView graphMailbox{"graph.mailbox"};
inline constexpr QLatin1StringView graphNotFound{"graph.not-found"};
inline constexpr QLatin1StringView graphSyncReset{"graph.sync-reset"};
inline constexpr QLatin1StringView graphToken{"graph.token"};

inline constexpr QLatin1StringView importEmpty{"import.empty"};
inline constexpr QLatin1StringView importNoEmail{"import.no-email"};
inline constexpr QLatin1StringView importOpen{"import.open"};
inline constexpr QLatin1StringView importUnknownColumn{"import.unknown-column"};
inline constexpr QLatin1StringView importUnknownField{"import.unknown-field"};

// Apart from io.write so a script can tell "free some space" from "pick another place".
inline constexpr QLatin1StringView ioDiskFull{"io.disk-full"};
inline constexpr QLatin1StringView ioWrite{"io.write"};

// Inbound mail the classifier refuses (issue 14): larger than InboundClassifier::kMaxBytes, more
// Content-Type lines than it lets the MIME parser see, or bytes the parser gave up on.
inline constexpr QLatin1StringView inboundTooComplex{"inbound.too-complex"};
inline constexpr QLatin1StringView inboundTooLarge{"inbound.too-large"};
inline constexpr QLatin1StringView inboundUnreadable{"inbound.unreadable"};

inline constexpr QLatin1StringView jobLease{"job.lease"};

inline constexpr QLatin1StringView outboxState{"outbox.state"};

inline constexpr QLatin1StringView phoneInvalid{"phone.invalid"};
// Phone numbers through libphonenumber (issue 15): no country code and no default country to take one
// from; a country calling code nobody has; too few or too many digits for the country; the right
// length but a range the country never assigned.
inline constexpr QLatin1StringView phoneNoCountry{"phone.no-country"};
inline constexpr QLatin1StringView phoneCountryCode{"phone.country-code"};
inline constexpr QLatin1StringView phoneLength{"phone.length"};
inline constexpr QLatin1StringView phoneUnassigned{"phone.unassigned"};

// Quiet hours (issue 15): a row of the state table that cannot be read.
inline constexpr QLatin1StringView quietHoursTable{"quiet-hours.table"};

inline constexpr QLatin1StringView reportNone{"report.none"};

inline constexpr QLatin1StringView restoreDamaged{"restore.damaged"};
inline constexpr QLatin1StringView restoreForeign{"restore.foreign"};
inline constexpr QLatin1StringView restoreKeep{"restore.keep"};
inline constexpr QLatin1StringView restoreOpen{"restore.open"};
inline constexpr QLatin1StringView restoreSwap{"restore.swap"};

// A JSON Schema that assistant::JsonSchema cannot compile: a keyword it does not check, a bad value,
// a $ref it cannot follow or that loops, nesting past its bound.
inline constexpr QLatin1StringView schemaDepth{"schema.depth"};
inline constexpr QLatin1StringView schemaInvalid{"schema.invalid"};
inline constexpr QLatin1StringView schemaRef{"schema.ref"};
inline constexpr QLatin1StringView schemaUnsupported{"schema.unsupported"};

inline constexpr QLatin1StringView secretsDenied{"secrets.denied"};
inline constexpr QLatin1StringView secretsFailed{"secrets.failed"};
inline constexpr QLatin1StringView secretsNotFound{"secrets.not-found"};
inline constexpr QLatin1StringView secretsUnavailable{"secrets.unavailable"};

inline constexpr QLatin1StringView segmentJson{"segment.json"};
inline constexpr QLatin1StringView segmentMatch{"segment.match"};
inline constexpr QLatin1StringView segmentName{"segment.name"};
inline constexpr QLatin1StringView segmentNotFound{"segment.not-found"};
inline constexpr QLatin1StringView segmentRule{"segment.rule"};
inline constexpr QLatin1StringView segmentRules{"segment.rules"};
inline constexpr QLatin1StringView segmentRulesFile{"segment.rules-file"};
inline constexpr QLatin1StringView segmentTooDeep{"segment.too-deep"};
inline constexpr QLatin1StringView segmentTooMany{"segment.too-many"};

inline constexpr QLatin1StringView senderConcurrency{"sender.concurrency"};
inline constexpr QLatin1StringView senderEmail{"sender.email"};
inline constexpr QLatin1StringView senderLimits{"sender.limits"};
inline constexpr QLatin1StringView senderNotFound{"sender.not-found"};

inline constexpr QLatin1StringView settingsNoDatabase{"settings.no-database"};
inline constexpr QLatin1StringView settingsReadOnly{"settings.read-only"};

// An SMS body over Twilio's 1,600 characters (issue 15): Twilio refuses it (error 21617).
inline constexpr QLatin1StringView smsTooLong{"sms.too-long"};

inline constexpr QLatin1StringView suppressionNotFound{"suppression.not-found"};

inline constexpr QLatin1StringView tagEmpty{"tag.empty"};
inline constexpr QLatin1StringView tagNotFound{"tag.not-found"};

inline constexpr QLatin1StringView templateCheck{"template.check"};
inline constexpr QLatin1StringView templateDuplicate{"template.duplicate"};
inline constexpr QLatin1StringView templateEncoding{"template.encoding"};
inline constexpr QLatin1StringView templateFile{"template.file"};
inline constexpr QLatin1StringView templateFormat{"template.format"};
inline constexpr QLatin1StringView templateMerge{"template.merge"};
inline constexpr QLatin1StringView templateName{"template.name"};
inline constexpr QLatin1StringView templateNotFound{"template.not-found"};
inline constexpr QLatin1StringView templateWrite{"template.write"};

// Template limits and unsafe markup (issue 13)
// The message rendered from a template (its components in place, merged for one contact) is over
// HtmlLimits, though the template itself is not; and HTML that still hides markup that mail clients
// strip after SafeHtml's rounds of cutting (html.too-deep and html.too-large are the template's own).
inline constexpr QLatin1StringView templateLimits{"template.limits"};
inline constexpr QLatin1StringView templateUnsafe{"template.unsafe"};
// A Markdown source over what cmark-gfm converts in bounded time (TemplateRenderer::kMaxMarkdownChars).
inline constexpr QLatin1StringView templateMarkdown{"template.markdown"};

// tracker.*: lux-tracker, the server: it answered badly or not at all, or (inside the server) it
// cannot start, store events or use its settings. tracking.*: what the app and the server both
// check could not be used (signing keys, machine ranges, a campaign's links).
inline constexpr QLatin1StringView trackerConfig{"tracker.config"};
inline constexpr QLatin1StringView trackerLinks{"tracker.links"};
inline constexpr QLatin1StringView trackerStart{"tracker.start"};
inline constexpr QLatin1StringView trackerStore{"tracker.store"};
inline constexpr QLatin1StringView trackerSync{"tracker.sync"};
inline constexpr QLatin1StringView trackerToken{"tracker.token"};
inline constexpr QLatin1StringView trackerUnreachable{"tracker.unreachable"};

inline constexpr QLatin1StringView trackingKeys{"tracking.keys"};
inline constexpr QLatin1StringView trackingLinks{"tracking.links"};
inline constexpr QLatin1StringView trackingRanges{"tracking.ranges"};

inline constexpr QLatin1StringView userBadCredentials{"user.bad-credentials"};
inline constexpr QLatin1StringView userDisableSelf{"user.disable-self"};
inline constexpr QLatin1StringView userDisabled{"user.disabled"};
inline constexpr QLatin1StringView userDuplicate{"user.duplicate"};
inline constexpr QLatin1StringView userEmailInvalid{"user.email-invalid"};
inline constexpr QLatin1StringView userExists{"user.exists"};
inline constexpr QLatin1StringView userLastAdmin{"user.last-admin"};
inline constexpr QLatin1StringView userLocked{"user.locked"};
inline constexpr QLatin1StringView userNameEmpty{"user.name-empty"};
inline constexpr QLatin1StringView userNameLong{"user.name-long"};
inline constexpr QLatin1StringView userNotAdmin{"user.not-admin"};
inline constexpr QLatin1StringView userNotFound{"user.not-found"};
inline constexpr QLatin1StringView userPasswordBlank{"user.password-blank"};
inline constexpr QLatin1StringView userPasswordShort{"user.password-short"};
inline constexpr QLatin1StringView userRememberInvalid{"user.remember-invalid"};

// The preview's limits (issue 13)
// The picture stops at the height (or width) the preview paints; the rest of the email is not shown.
inline constexpr QLatin1StringView previewCut{"preview.cut"};
// An image the preview did not show: outside the folders it may read, too large, or not an image.
inline constexpr QLatin1StringView previewImageOutside{"preview.image-outside"};
inline constexpr QLatin1StringView previewImageTooLarge{"preview.image-too-large"};
inline constexpr QLatin1StringView previewImageUnreadable{"preview.image-unreadable"};

// SMS through Twilio (issue 15)
inline constexpr QLatin1StringView senderNumber{"sender.number"};
inline constexpr QLatin1StringView twilioConfig{"twilio.config"};     // no account SID or secret
inline constexpr QLatin1StringView twilioAuth{"twilio.auth"};         // 20003: the SID or the secret is wrong
inline constexpr QLatin1StringView twilioAnswer{"twilio.answer"};     // an answer that is not Twilio's JSON
inline constexpr QLatin1StringView smsBody{"sms.body"};               // no text, or over 1,600 characters
inline constexpr QLatin1StringView smsConsent{"sms.consent"};
inline constexpr QLatin1StringView smsQuietHours{"sms.quiet-hours"};  // waits for the recipient's window

// Social posts (docs/SOCIAL.md)
inline constexpr QLatin1StringView socialCheck{"social.check"};     // the post breaks a network's rule: it would be refused
inline constexpr QLatin1StringView socialNetwork{"social.network"}; // not x, linkedin, instagram or facebook
inline constexpr QLatin1StringView socialInput{"social.input"};     // a time, slot, account or picture that cannot be used as given
inline constexpr QLatin1StringView socialState{"social.state"};     // not at a point where that can be done (reschedule a published post)
inline constexpr QLatin1StringView socialNotFound{"social.not-found"};
inline constexpr QLatin1StringView socialAuth{"social.auth"};               // the account must be connected again
inline constexpr QLatin1StringView socialUnavailable{"social.unavailable"}; // the network did not answer: try later
inline constexpr QLatin1StringView socialPaused{"social.paused"};           // the account's rate limit: waits for its reset

// SEO analysis (app/seo)
inline constexpr QLatin1StringView seoPage{"seo.page"}; // a page no analysis should walk (too large, nested too deep)

// WooCommerce products (docs/WOOCOMMERCE.md)
inline constexpr QLatin1StringView wooConfig{"woo.config"};       // no store URL, or no consumer key or secret
inline constexpr QLatin1StringView wooInsecure{"woo.insecure"};   // a plain-http store that is not this computer
inline constexpr QLatin1StringView wooAuth{"woo.auth"};           // 401: the consumer key or secret is wrong
inline constexpr QLatin1StringView wooNoRoute{"woo.no-route"};    // 404 rest_no_route: no REST API at that address
inline constexpr QLatin1StringView wooUnavailable{"woo.unavailable"}; // 5xx, 429 or no answer: try again later
inline constexpr QLatin1StringView wooRefused{"woo.refused"};     // another 4xx
inline constexpr QLatin1StringView wooAnswer{"woo.answer"};       // an answer that is not WooCommerce's JSON
inline constexpr QLatin1StringView wooNotFound{"woo.not-found"};  // no such product in the catalogue

} // namespace lux::errc
