#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the translations into translations/lux_<es|en>.ts after `cmake --build --preset dev --target
# update_translations` has added new source strings:  fill_ts.py es  /  fill_ts.py en
# Reports any string still without a translation.
import os
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(__file__))
from es_strings import ES  # noqa: E402

# English keeps its source text; only the plural forms are spelled out.
EN = {
    'Over %n day(s): entered %1 · emails %2 · texts %3 · not sent %4 (the daily cap, no consent).': ('Over %n day: entered %1 · emails %2 · texts %3 · not sent %4 (the daily cap, no consent).', 'Over %n days: entered %1 · emails %2 · texts %3 · not sent %4 (the daily cap, no consent).'),
    '%Ln confirmed of %1': ('%Ln confirmed of %1', '%Ln confirmed of %1'),
    '%Ln confirmed': ('%Ln confirmed', '%Ln confirmed'),
    '%Ln pending': ('%Ln pending', '%Ln pending'),
    '%Ln waiting': ('%Ln waiting', '%Ln waiting'),
    '%Ln cancelled': ('%Ln cancelled', '%Ln cancelled'),
    '%Ln checked in': ('%Ln checked in', '%Ln checked in'),
    'Showing %Ln': ('Showing %Ln', 'Showing %Ln'),
    '%1 of %Ln checked in': ('%1 of %Ln checked in', '%1 of %Ln checked in'),
    'An event has at most %n reminder(s).': ('An event has at most %n reminder.', 'An event has at most %n reminders.'),
    '%n event(s), %1 published': ('%n event, %1 published', '%n events, %1 published'),
    '%n event(s)': ('%n event', '%n events'),
    "X's list of the account's posts since the attempt is longer than %n page(s).": ("X's list of the account's posts since the attempt is longer than %n page.", "X's list of the account's posts since the attempt is longer than %n pages."),
    'No answer came back from %1 within %n minute(s): start again to connect.': ('No answer came back from %1 within %n minute: start again to connect.', 'No answer came back from %1 within %n minutes: start again to connect.'),
    '%1: more than %n page(s) of roles.': ('%1: more than %n page of roles.', '%1: more than %n pages of roles.'),
    'The list of Pages is longer than %n page(s).': ('The list of Pages is longer than %n page.', 'The list of Pages is longer than %n pages.'),
    "The Page's posts since then are more than %n page(s).": ("The Page's posts since then are more than %n page.", "The Page's posts since then are more than %n pages."),
    'The comments are more than %n page(s).': ('The comments are more than %n page.', 'The comments are more than %n pages.'),
    '%Ln seat(s)': ('%Ln seat', '%Ln seats'),
    'Cancel “%1”? Its page says so from now on and the %Ln people registered or waiting are told by email, with a cancellation for their calendar. This cannot be undone.': ('Cancel “%1”? Its page says so from now on and the %Ln person registered or waiting is told by email, with a cancellation for their calendar. This cannot be undone.', 'Cancel “%1”? Its page says so from now on and the %Ln people registered or waiting are told by email, with a cancellation for their calendar. This cannot be undone.'),
    '%n attendee(s) written to %1.': ('%n attendee written to %1.', '%n attendees written to %1.'),
    '%n seat(s) left': ('%n seat left', '%n seats left'),
    'We are holding a seat for you. Confirm with the link we send to %1 within %n hour(s) to keep it.': ('We are holding a seat for you. Confirm with the link we send to %1 within %n hour to keep it.', 'We are holding a seat for you. Confirm with the link we send to %1 within %n hours to keep it.'),
    'Only %n recipient(s): too few for a test, so everyone got variant A.': ('Only %n recipient: too few for a test, so everyone got variant A.', 'Only %n recipients: too few for a test, so everyone got variant A.'),
    'To tell %1 % from %2 % with 80 % power, each variant needs %Ln people (%3 in the test group).': ('To tell %1 % from %2 % with 80 % power, each variant needs %Ln person (%3 in the test group).', 'To tell %1 % from %2 % with 80 % power, each variant needs %Ln people (%3 in the test group).'),
    'The test group has %Ln people, %1 a variant: enough.': ('The test group has %Ln person, %1 a variant: enough.', 'The test group has %Ln people, %1 a variant: enough.'),
    'Warning: the test group has %Ln people, %1 a variant, fewer than the %2 a variant a winner needs: the test would end without one. Test a bigger share or fewer variants.': ('Warning: the test group has %Ln person, %1 a variant, fewer than the %2 a variant a winner needs: the test would end without one. Test a bigger share or fewer variants.', 'Warning: the test group has %Ln people, %1 a variant, fewer than the %2 a variant a winner needs: the test would end without one. Test a bigger share or fewer variants.'),
    'Warning: the test group has %Ln people, %1 a variant, so a lift this size would be found only %2 % of the time. Test a bigger share, fewer variants, or look for a larger lift.': ('Warning: the test group has %Ln person, %1 a variant, so a lift this size would be found only %2 % of the time. Test a bigger share, fewer variants, or look for a larger lift.', 'Warning: the test group has %Ln people, %1 a variant, so a lift this size would be found only %2 % of the time. Test a bigger share, fewer variants, or look for a larger lift.'),
    'The rest, %Ln people, gets the winner.': ('The rest, %Ln person, gets the winner.', 'The rest, %Ln people, get the winner.'),
    'Testing: %1 of %Ln test message(s) sent.': ('Testing: %1 of %Ln test message sent.', 'Testing: %1 of %Ln test messages sent.'),
    'The rest, %Ln people, waits for the winner.': ('The rest, %Ln person, waits for the winner.', 'The rest, %Ln people, wait for the winner.'),
    'Variant %1: %Ln success(es) out of %2 sent.': ('Variant %1: %Ln success out of %2 sent.', 'Variant %1: %Ln successes out of %2 sent.'),
    'The planned split has %n share(s) for %1 variants.': ('The planned split has %n share for %1 variants.', 'The planned split has %n shares for %1 variants.'),
    'An A/B test has 2 to 5 variants; this one has %n.': ('An A/B test has 2 to 5 variants; this one has %n.', 'An A/B test has 2 to 5 variants; this one has %n.'),
    '%n contact(s) in the test group, drawn with seed %1': ('%n contact in the test group, drawn with seed %1', '%n contacts in the test group, drawn with seed %1'),
    '%1 (%n to the rest): %2': ('%1 (%n to the rest): %2', '%1 (%n to the rest): %2'),
    'about %n min': ('about %n min', 'about %n min'),
    'about %n h': ('about %n h', 'about %n h'),
    'Sending the test group takes %1 at %n message(s) a minute': ('Sending the test group takes %1 at %n message a minute', 'Sending the test group takes %1 at %n messages a minute'),
    '(%n mailbox(es)); the winner is chosen %1 after the last one.': ('(%n mailbox); the winner is chosen %1 after the last one.', '(%n mailboxes); the winner is chosen %1 after the last one.'),
    '%n hour(s)': ('%n hour', '%n hours'),
    'This campaign tests %n variant(s) when it is sent.': ('This campaign tests %n variant when it is sent.', 'This campaign tests %n variants when it is sent.'),
    'Campaign %1 created (draft) with an A/B test of %n variant(s).': ('Campaign %1 created (draft) with an A/B test of %n variant.', 'Campaign %1 created (draft) with an A/B test of %n variants.'),
    '%1: shorter than %n character(s)': ('%1: shorter than %n character', '%1: shorter than %n characters'),
    '%1: longer than %n character(s)': ('%1: longer than %n character', '%1: longer than %n characters'),
    '%1: fewer than %n item(s)': ('%1: fewer than %n item', '%1: fewer than %n items'),
    '%1: more than %n item(s)': ('%1: more than %n item', '%1: more than %n items'),
    '%n product(s) fetched: %1 added, %2 changed, %3 unchanged (pages: %4; %5 s). Products in the catalogue: %6.': ('%n product fetched: %1 added, %2 changed, %3 unchanged (pages: %4; %5 s). Products in the catalogue: %6.', '%n products fetched: %1 added, %2 changed, %3 unchanged (pages: %4; %5 s). Products in the catalogue: %6.'),
    '%n product(s)': ('%n product', '%n products'),
    ' and %n more': (' and %n more', ' and %n more'),
    'Connected: the server offers %n model(s): %1.': ('Connected: the server offers %n model: %1.', 'Connected: the server offers %n models: %1.'),
    'The model kept asking for data after %n round(s) without answering. Ask again, more precisely.': ('The model kept asking for data after %n round without answering. Ask again, more precisely.', 'The model kept asking for data after %n rounds without answering. Ask again, more precisely.'),
    'the text takes %n segment(s) (%1, %2 characters), more than the %3 asked for': ('the text takes %n segment (%1, %2 characters), more than the %3 asked for', 'the text takes %n segments (%1, %2 characters), more than the %3 asked for'),
    '%n campaign report(s)': ('%n campaign report', '%n campaign reports'),
    '%n template(s)': ('%n template', '%n templates'),
    '%n contact(s)': ('%n contact', '%n contacts'),
    'The draft was not saved: %n product fact(s) do not match the catalogue or cannot be checked. Look at them, then run again with --accept-unverified to save it anyway:\n%1': ('The draft was not saved: %n product fact does not match the catalogue or cannot be checked. Look at it, then run again with --accept-unverified to save it anyway:\n%1', 'The draft was not saved: %n product facts do not match the catalogue or cannot be checked. Look at them, then run again with --accept-unverified to save it anyway:\n%1'),
    '%1: %n request(s), %2 prompt tokens (%3 cached), %4 completion tokens, %5 image(s); %6 without usage.': ('%1: %n request, %2 prompt tokens (%3 cached), %4 completion tokens, %5 image(s); %6 without usage.', '%1: %n requests, %2 prompt tokens (%3 cached), %4 completion tokens, %5 image(s); %6 without usage.'),
    "%n product fact(s) in LUX's draft do not match the synced catalogue or cannot be checked:": ("%n product fact in LUX's draft does not match the synced catalogue or cannot be checked:", "%n product facts in LUX's draft do not match the synced catalogue or cannot be checked:"),
    '%n product(s) chosen. What is the occasion or the angle? (optional)': ('%n product chosen. What is the occasion or the angle? (optional)', '%n products chosen. What is the occasion or the angle? (optional)'),
    '%n without a receipt yet': ('%n without a receipt yet', '%n without a receipt yet'),
    '%n by machines': ('%n by machines', '%n by machines'),
    '%n without a mobile number': ('%n without a mobile number', '%n without a mobile number'),
    '%n with a number that cannot take texts (a landline)': ('%n with a number that cannot take texts (a landline)', '%n with a number that cannot take texts (a landline)'),
    '%n without consent to texts': ('%n without consent to texts', '%n without consent to texts'),
    '%n who said STOP or are on the suppression list': ('%n who said STOP or is on the suppression list', '%n who said STOP or are on the suppression list'),
    '%n segment(s)': ('%n segment', '%n segments'),
    'partly estimated (%n text(s))': ('partly estimated (%n text)', 'partly estimated (%n texts)'),
    "%n text(s) wait for the recipients' quiet hours to end, the last until %1.": ("%n text waits for its recipient's quiet hours to end, until %1.", "%n texts wait for the recipients' quiet hours to end, the last until %1."),
    '%n text(s) waiting for quiet hours, until %1': ('%n text waiting for quiet hours, until %1', '%n texts waiting for quiet hours, until %1'),
    'Texts: %1 sent · %2 % delivered · clicked by %3 people · %n opt-out(s)': ('Texts: %1 sent · %2 % delivered · clicked by %3 people · %n opt-out', 'Texts: %1 sent · %2 % delivered · clicked by %3 people · %n opt-outs'),
    '%n contact(s) would receive this text now.': ('%n contact would receive this text now.', '%n contacts would receive this text now.'),
    '%n contact(s) left out: %1.': ('%n contact left out: %1.', '%n contacts left out: %1.'),
    '%n part(s) a text': ('%n part a text', '%n parts a text'),
    'Estimate for %n recipient(s), merge tags filled in for each: %1, %2 in all, about %3.': ('Estimate for %n recipient, merge tags filled in for each: %1, %2 in all, about %3.', 'Estimate for %n recipients, merge tags filled in for each: %1, %2 in all, about %3.'),
    '%n recipient(s) in countries without a price in Settings → SMS are not counted in the cost.': ('%n recipient in a country without a price in Settings → SMS is not counted in the cost.', '%n recipients in countries without a price in Settings → SMS are not counted in the cost.'),
    '%n text(s) go over 1,600 characters once merged: Twilio refuses them.': ('%n text goes over 1,600 characters once merged: Twilio refuses it.', '%n texts go over 1,600 characters once merged: Twilio refuses them.'),
    '%n recipient(s) are in their quiet hours at that moment: their texts wait for their window, the last until %1.': ('%n recipient is in their quiet hours at that moment: their text waits for its window, until %1.', '%n recipients are in their quiet hours at that moment: their texts wait for their window, the last until %1.'),
    '%n digit(s) after +%1 is too few for a number in %2.': ('%n digit after +%1 is too few for a number in %2.', '%n digits after +%1 are too few for a number in %2.'),
    '%n digit(s) after +%1 is too many for a number in %2.': ('%n digit after +%1 is too many for a number in %2.', '%n digits after +%1 are too many for a number in %2.'),
    'no number in %2 has %n digit(s) after +%1.': ('no number in %2 has %n digit after +%1.', 'no number in %2 has %n digits after +%1.'),
    '%n column(s) where a rule has 4 (state, days, window, source).': ('%n column where a rule has 4 (state, days, window, source).', '%n columns where a rule has 4 (state, days, window, source).'),
    'The text has %n character(s); Twilio accepts at most %1.': ('The text has %n character; Twilio accepts at most %1.', 'The text has %n characters; Twilio accepts at most %1.'),
    'GSM-7: %n segment(s), %1 septets (%2 a segment), %3 left in the last one.': ('GSM-7: %n segment, %1 septets (%2 a segment), %3 left in the last one.', 'GSM-7: %n segments, %1 septets (%2 a segment), %3 left in the last one.'),
    'UCS-2: %n segment(s), %1 UTF-16 units (%2 a segment), %3 left in the last one.': ('UCS-2: %n segment, %1 UTF-16 units (%2 a segment), %3 left in the last one.', 'UCS-2: %n segments, %1 UTF-16 units (%2 a segment), %3 left in the last one.'),
    '%n part(s)': ('%n part', '%n parts'),
    '%n character(s) left in this part': ('%n character left in this part', '%n characters left in this part'),
    "%n character(s) over Twilio's limit of %1: Twilio refuses a longer text.": ("%n character over Twilio's limit of %1: Twilio refuses a longer text.", "%n characters over Twilio's limit of %1: Twilio refuses a longer text."),
    '%1 force(s) UCS-2: 70 characters a part instead of 160.': ('%1 forces UCS-2: 70 characters a part instead of 160.', '%1 force UCS-2: 70 characters a part instead of 160.'),
    '%n prefetch(es)': ('%n prefetch', '%n prefetches'),
    '%n message(s) read (bounces: %1, unsubscribes: %2, replies: %3).': ('%n message read (bounces: %1, unsubscribes: %2, replies: %3).', '%n messages read (bounces: %1, unsubscribes: %2, replies: %3).'),
    'The answer is longer than %n bytes.': ('The answer is longer than %n byte.', 'The answer is longer than %n bytes.'),
    '%n soft bounces in a row over at least seven days': ('%n soft bounce in a row over at least seven days', '%n soft bounces in a row over at least seven days'),
    '%1: %n message(s) read, last look %2': ('%1: %n message read, last look %2', '%1: %n messages read, last look %2'),
    '%n key(s) in the keychain; key %1 signs.': ('%n key in the keychain; key %1 signs.', '%n keys in the keychain; key %1 signs.'),
    'Synced just now: %n new event(s).': ('Synced just now: %n new event.', 'Synced just now: %n new events.'),
    '%n contact(s) would receive this campaign now.': ('%n contact would receive this campaign now.', '%n contacts would receive this campaign now.'),
    '%n recipient(s) in doubt: open the campaign to decide.': ('%n recipient in doubt: open the campaign to decide.', '%n recipients in doubt: open the campaign to decide.'),
    '%n campaign(s), %1 sending': ('%n campaign, %1 sending', '%n campaigns, %1 sending'),
    '%n campaign(s)': ('%n campaign', '%n campaigns'),
    '%n campaign(s) came due while LUX was closed and wait for you.': ('%n campaign came due while LUX was closed and waits for you.', '%n campaigns came due while LUX was closed and wait for you.'),
    '%n campaign(s) came due while LUX was closed and are being sent now.': ('%n campaign came due while LUX was closed and is being sent now.', '%n campaigns came due while LUX was closed and are being sent now.'),
    'Send the campaign again to %n recipient(s) in doubt? Any of them who did get it will have it twice.': ('Send the campaign again to %n recipient in doubt? If they did get it, they will have it twice.', 'Send the campaign again to %n recipients in doubt? Any of them who did get it will have it twice.'),
    'LUX Marketing — %n campaign(s) scheduled': ('LUX Marketing — %n campaign scheduled', 'LUX Marketing — %n campaigns scheduled'),
    '%n failed recipient(s) will be sent again.': ('%n failed recipient will be sent again.', '%n failed recipients will be sent again.'),
    'The password needs at least %n characters.': ('The password needs at least %n character.', 'The password needs at least %n characters.'),
    'Too many failed attempts. Try again in %n second(s).': ('Too many failed attempts. Try again in %n second.', 'Too many failed attempts. Try again in %n seconds.'),
    'The email or password is not correct. Try again in %n second(s).': ('The email or password is not correct. Try again in %n second.', 'The email or password is not correct. Try again in %n seconds.'),
    'Automatic backup saved as %1; %n older backup(s) removed.': ('Automatic backup saved as %1; %n older backup removed.', 'Automatic backup saved as %1; %n older backups removed.'),
    'At least %n characters': ('At least %n character', 'At least %n characters'),
    '%n contact(s)': ('%n contact', '%n contacts'),
    '%n contact(s) match': ('%n contact matches', '%n contacts match'),
    'Add tag “%1” to %n contact(s)': ('Add tag “%1” to %n contact', 'Add tag “%1” to %n contacts'),
    'Remove tag “%1” from %n contact(s)': ('Remove tag “%1” from %n contact', 'Remove tag “%1” from %n contacts'),
    'Unsubscribe %n contact(s)': ('Unsubscribe %n contact', 'Unsubscribe %n contacts'),
    '%n contact(s) could not come back: their address was added again meanwhile.': ('%n contact could not come back: its address was added again meanwhile.', '%n contacts could not come back: their address was added again meanwhile.'),
    'Tag “%1” added to %n contact(s).': ('Tag “%1” added to %n contact.', 'Tag “%1” added to %n contacts.'),
    'Tag “%1” removed from %n contact(s).': ('Tag “%1” removed from %n contact.', 'Tag “%1” removed from %n contacts.'),
    '%n contact(s) unsubscribed.': ('%n contact unsubscribed.', '%n contacts unsubscribed.'),
    '%n contact(s) deleted.': ('%n contact deleted.', '%n contacts deleted.'),
    'Delete %n contact(s)': ('Delete %n contact', 'Delete %n contacts'),
    'All %n matching contact(s) are selected.': ('The %n matching contact is selected.', 'All %n matching contacts are selected.'),
    '%n selected': ('%n selected', '%n selected'),
    'Select all %n matching': ('Select the %n matching', 'Select all %n matching'),
    'Tag to add to %n contact(s):': ('Tag to add to %n contact:', 'Tag to add to %n contacts:'),
    'Tag to remove from %n contact(s):': ('Tag to remove from %n contact:', 'Tag to remove from %n contacts:'),
    'Unsubscribe all %n matching contact(s)? Each gets a withdrawal in its consent history. You can undo this.': ('Unsubscribe the %n matching contact? It gets a withdrawal in its consent history. You can undo this.', 'Unsubscribe all %n matching contacts? Each gets a withdrawal in its consent history. You can undo this.'),
    'Delete all %n matching contact(s)? You can undo this until you close the database.': ('Delete the %n matching contact? You can undo this until you close the database.', 'Delete all %n matching contacts? You can undo this until you close the database.'),
    '%n address(es)': ('%n address', '%n addresses'),
    '%n address(es) added.': ('%n address added.', '%n addresses added.'),
    '%n already on the list.': ('%n already on the list.', '%n already on the list.'),
    '%n remote image(s) not loaded: the preview never fetches anything, so no tracking pixel fires. Images sent inside the message show.': ('%n remote image not loaded: the preview never fetches anything, so no tracking pixel fires. Images sent inside the message show.', '%n remote images not loaded: the preview never fetches anything, so no tracking pixel fires. Images sent inside the message show.'),
    'Loading %n remote image(s)…': ('Loading %n remote image…', 'Loading %n remote images…'),
    '%n remote image(s) not loaded, so no tracking pixel fires. Images sent inside the message show.': ('%n remote image not loaded, so no tracking pixel fires. Images sent inside the message show.', '%n remote images not loaded, so no tracking pixel fires. Images sent inside the message show.'),
    '%n remote image(s) could not be loaded.': ('%n remote image could not be loaded.', '%n remote images could not be loaded.'),
    '%n error(s) that block sending': ('%n error that blocks sending', '%n errors that block sending'),
    '%n warning(s)': ('%n warning', '%n warnings'),
    '%n recipient(s)': ('%n recipient', '%n recipients'),
    '%n campaign(s) run.': ('%n campaign run.', '%n campaigns run.'),
    'Gave up after %n attempt(s): %1': ('Gave up after %n attempt: %1', 'Gave up after %n attempts: %1'),
    'Checks: nothing blocks sending; %n warning(s) to look at.': ('Checks: nothing blocks sending; %n warning to look at.', 'Checks: nothing blocks sending; %n warnings to look at.'),
    '%n replaced': ('%n replaced', '%n replaced'),
    '%n match(es)': ('%n match', '%n matches'),
    'Subject: %1\nPreheader: %2\n%n character(s) of %3': ('Subject: %1\nPreheader: %2\n%n character of %3', 'Subject: %1\nPreheader: %2\n%n characters of %3'),
    'and %n more': ('and %n more', 'and %n more'),
    'Components are included more than %n level(s) deep here.': ('Components are included more than %n level deep here.', 'Components are included more than %n levels deep here.'),
    'With its components in place the template would be over %n character(s); include fewer or smaller components.': ('With its components in place the template would be over %n character; include fewer or smaller components.', 'With its components in place the template would be over %n characters; include fewer or smaller components.'),
    '%1 has a table row of more than %n cell(s) on line %2.': ('%1 has a table row of more than %n cell on line %2.', '%1 has a table row of more than %n cells on line %2.'),
    '…and %n more.': ('…and %n more.', '…and %n more.'),
    'The answer is longer than %n bytes.': ('The answer is longer than %n byte.', 'The answer is longer than %n bytes.'),
    '%n soft bounces in a row over at least seven days': ('%n soft bounce in a row over at least seven days', '%n soft bounces in a row over at least seven days'),
    '%1: %n message(s) read, last look %2': ('%1: %n message read, last look %2', '%1: %n messages read, last look %2'),
    '%1 an email in the last %n day(s)': ('%1 an email in the last %n day', '%1 an email in the last %n days'),
    'Stopped after %n step(s) without a wait.': ('Stopped after %n step without a wait.', 'Stopped after %n steps without a wait.'),
    '%n contact(s) entered; the scheduler runs their steps (the app, or luxctl scheduler run).': ('%n contact entered; the scheduler runs their steps (the app, or luxctl scheduler run).', '%n contacts entered; the scheduler runs their steps (the app, or luxctl scheduler run).'),
    '“%1” over %n contact(s), %2 days (seed %3), simulated in %4 ms:': ('“%1” over %n contact, %2 days (seed %3), simulated in %4 ms:', '“%1” over %n contacts, %2 days (seed %3), simulated in %4 ms:'),
    '%n contact(s) moved to version %1.': ('%n contact moved to version %1.', '%n contacts moved to version %1.'),
    '%n contact(s) are in this workflow now. They finish the version they entered; only those who enter from now on run the new one.': ('%n contact is in this workflow now. It finishes the version it entered; only those who enter from now on run the new one.', '%n contacts are in this workflow now. They finish the version they entered; only those who enter from now on run the new one.'),
    'Archive “%1”? Nobody enters it and the %n contact(s) in it stop where they are; their journeys are kept.': ('Archive “%1”? Nobody enters it and the %n contact in it stops where it is; its journey is kept.', 'Archive “%1”? Nobody enters it and the %n contacts in it stop where they are; their journeys are kept.'),
    'Simulating %n contact(s)…': ('Simulating %n contact…', 'Simulating %n contacts…'),
    '%1 contacts entered; %2 emails and %3 texts would go out over %n day(s); %4 messages skipped (the daily cap, consent).': ('%1 contacts entered; %2 emails and %3 texts would go out over %n day; %4 messages skipped (the daily cap, consent).', '%1 contacts entered; %2 emails and %3 texts would go out over %n days; %4 messages skipped (the daily cap, consent).'),
    '%n problem(s) to fix before publishing': ('%n problem to fix before publishing', '%n problems to fix before publishing'),
    '%n step(s), ready to publish': ('%n step, ready to publish', '%n steps, ready to publish'),
    '%n day(s)': ('%n day', '%n days'),
    '%n minute(s)': ('%n minute', '%n minutes'),
    'X counts %1 characters, %n over its limit of %2 (links count 23, emoji and CJK 2).': ('X counts %1 characters, %n over its limit of %2 (links count 23, emoji and CJK 2).', 'X counts %1 characters, %n over its limit of %2 (links count 23, emoji and CJK 2).'),
    'LinkedIn takes %1 characters at most; this text has %2, %n too many.': ('LinkedIn takes %1 characters at most; this text has %2, %n too many.', 'LinkedIn takes %1 characters at most; this text has %2, %n too many.'),
    'LinkedIn takes comments of %1 characters at most; this one has %n too many.': ('LinkedIn takes comments of %1 characters at most; this one has %n too many.', 'LinkedIn takes comments of %1 characters at most; this one has %n too many.'),
    'Instagram takes captions of %1 characters at most; this one has %2, %n too many.': ('Instagram takes captions of %1 characters at most; this one has %2, %n too many.', 'Instagram takes captions of %1 characters at most; this one has %2, %n too many.'),
    'Instagram takes %1 hashtags at most; this caption has %n.': ('Instagram takes %1 hashtags at most; this caption has %n.', 'Instagram takes %1 hashtags at most; this caption has %n.'),
    'Instagram takes %1 mentions at most; this caption has %n.': ('Instagram takes %1 mentions at most; this caption has %n.', 'Instagram takes %1 mentions at most; this caption has %n.'),
    'Instagram takes comments of %1 characters at most; this one has %n too many.': ('Instagram takes comments of %1 characters at most; this one has %n too many.', 'Instagram takes comments of %1 characters at most; this one has %n too many.'),
    'Facebook takes posts of %1 characters at most; this one has %2, %n too many.': ('Facebook takes posts of %1 characters at most; this one has %2, %n too many.', 'Facebook takes posts of %1 characters at most; this one has %2, %n too many.'),
    'Facebook takes comments of %1 characters at most; this one has %n too many.': ('Facebook takes comments of %1 characters at most; this one has %n too many.', 'Facebook takes comments of %1 characters at most; this one has %n too many.'),
    'X takes %1 pictures at most; this post has %n.': ('X takes %1 pictures at most; this post has %n.', 'X takes %1 pictures at most; this post has %n.'),
    '%1 takes %2 pictures at most in a post; this one has %n.': ('%1 takes %2 pictures at most in a post; this one has %n.', '%1 takes %2 pictures at most in a post; this one has %n.'),
    'Instagram takes %1 pictures at most in a carousel; this post has %n.': ('Instagram takes %1 pictures at most in a carousel; this post has %n.', 'Instagram takes %1 pictures at most in a carousel; this post has %n.'),
    '%n failed post(s) will be published again by the scheduler.': ('%n failed post will be published again by the scheduler.', '%n failed posts will be published again by the scheduler.'),
    'Ready for %n account(s).': ('Ready for %n account.', 'Ready for %n accounts.'),
    '%n picture(s)': ('%n picture', '%n pictures'),
    'Failed (due %1, %n attempt(s))': ('Failed (due %1, %n attempt)', 'Failed (due %1, %n attempts)'),
    '%n post(s) in the days shown, %1 failed': ('%n post in the days shown, %1 failed', '%n posts in the days shown, %1 failed'),
    '%n post(s) in the days shown': ('%n post in the days shown', '%n posts in the days shown'),
    '%n failed post(s) of %1 will be published again.': ('%n failed post of %1 will be published again.', '%n failed posts of %1 will be published again.'),
    '%n failed': ('%n failed', '%n failed'),
    '%n picture(s) in the library: choose one.': ('%n picture in the library: choose one.', '%n pictures in the library: choose one.'),
    '%n picture(s) in the library: choose one or more (Ctrl+click for several).': ('%n picture in the library: choose one or more (Ctrl+click for several).', '%n pictures in the library: choose one or more (Ctrl+click for several).'),
    '&Add %n Pictures': ('&Add %n Picture', '&Add %n Pictures'),
}
language = sys.argv[1] if len(sys.argv) > 1 else 'es'
TABLE = ES if language == 'es' else EN
ts = os.path.join(os.path.dirname(__file__), '..', 'lux_%s.ts' % language)
tree = ET.parse(ts)
missing = []
# A key (context, source) overrides the plain source text where one context needs other words
# ("Unsubscribe" on lux-tracker's page for a recipient, not the app's button).
messages = [(context.findtext('name'), message) for context in tree.getroot().iter('context') for message in context.iter('message')]
for context, message in messages:
    source = message.find('source').text
    translation = message.find('translation')
    value = TABLE.get((context, source), TABLE.get(source))
    if value is None:
        missing.append(source)
        continue
    translation.attrib.pop('type', None)
    for child in list(translation):
        translation.remove(child)
    if message.get('numerus') == 'yes':
        translation.text = None
        for form in (value if isinstance(value, tuple) else (value, value)):
            ET.SubElement(translation, 'numerusform').text = form
    else:
        translation.text = value
with open(ts, 'wb') as f:
    f.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
    tree.write(f, encoding='utf-8', xml_declaration=False)
    f.write(b'\n')
if missing:
    print('No translation yet for:', *missing, sep='\n  ')
    sys.exit(1)
