<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>lux::UserService</name>
    <message numerus="yes">
        <source>The password needs at least %n characters.</source>
        <translation><numerusform>The password needs at least %n character.</numerusform><numerusform>The password needs at least %n characters.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Too many failed attempts. Try again in %n second(s).</source>
        <translation><numerusform>Too many failed attempts. Try again in %n second.</numerusform><numerusform>Too many failed attempts. Try again in %n seconds.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The email or password is not correct. Try again in %n second(s).</source>
        <translation><numerusform>The email or password is not correct. Try again in %n second.</numerusform><numerusform>The email or password is not correct. Try again in %n seconds.</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::assistant::Assistant</name>
    <message numerus="yes">
        <source>The model kept asking for data after %n round(s) without answering. Ask again, more precisely.</source>
        <translation><numerusform>The model kept asking for data after %n round without answering. Ask again, more precisely.</numerusform><numerusform>The model kept asking for data after %n rounds without answering. Ask again, more precisely.</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::assistant::AssistantTools</name>
    <message numerus="yes">
        <source>%n campaign report(s)</source>
        <translation><numerusform>%n campaign report</numerusform><numerusform>%n campaign reports</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n template(s)</source>
        <translation><numerusform>%n template</numerusform><numerusform>%n templates</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n product(s)</source>
        <translation><numerusform>%n product</numerusform><numerusform>%n products</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation><numerusform>%n contact</numerusform><numerusform>%n contacts</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::assistant::Drafts</name>
    <message numerus="yes">
        <source>the text takes %n segment(s) (%1, %2 characters), more than the %3 asked for</source>
        <translation><numerusform>the text takes %n segment (%1, %2 characters), more than the %3 asked for</numerusform><numerusform>the text takes %n segments (%1, %2 characters), more than the %3 asked for</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::assistant::JsonSchema</name>
    <message numerus="yes">
        <source>%1: shorter than %n character(s)</source>
        <translation><numerusform>%1: shorter than %n character</numerusform><numerusform>%1: shorter than %n characters</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1: longer than %n character(s)</source>
        <translation><numerusform>%1: longer than %n character</numerusform><numerusform>%1: longer than %n characters</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1: fewer than %n item(s)</source>
        <translation><numerusform>%1: fewer than %n item</numerusform><numerusform>%1: fewer than %n items</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1: more than %n item(s)</source>
        <translation><numerusform>%1: more than %n item</numerusform><numerusform>%1: more than %n items</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::automations::FlowCheck</name>
    <message numerus="yes">
        <source>%1 an email in the last %n day(s)</source>
        <translation><numerusform>%1 an email in the last %n day</numerusform><numerusform>%1 an email in the last %n days</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::automations::Interpreter</name>
    <message numerus="yes">
        <source>Stopped after %n step(s) without a wait.</source>
        <translation><numerusform>Stopped after %n step without a wait.</numerusform><numerusform>Stopped after %n steps without a wait.</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::campaigns::AbStatistics</name>
    <message numerus="yes">
        <source>Variant %1: %Ln success(es) out of %2 sent.</source>
        <translation><numerusform>Variant %1: %Ln success out of %2 sent.</numerusform><numerusform>Variant %1: %Ln successes out of %2 sent.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The planned split has %n share(s) for %1 variants.</source>
        <translation><numerusform>The planned split has %n share for %1 variants.</numerusform><numerusform>The planned split has %n shares for %1 variants.</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::campaigns::AbTests</name>
    <message numerus="yes">
        <source>An A/B test has 2 to 5 variants; this one has %n.</source>
        <translation><numerusform>An A/B test has 2 to 5 variants; this one has %n.</numerusform><numerusform>An A/B test has 2 to 5 variants; this one has %n.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n to the rest): %2</source>
        <translation><numerusform>%1 (%n to the rest): %2</numerusform><numerusform>%1 (%n to the rest): %2</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) in the test group, drawn with seed %1</source>
        <translation><numerusform>%n contact in the test group, drawn with seed %1</numerusform><numerusform>%n contacts in the test group, drawn with seed %1</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Only %n recipient(s): too few for a test, so everyone got variant A.</source>
        <translation><numerusform>Only %n recipient: too few for a test, so everyone got variant A.</numerusform><numerusform>Only %n recipients: too few for a test, so everyone got variant A.</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::campaigns::CampaignStore</name>
    <message numerus="yes">
        <source>%n recipient(s)</source>
        <translation><numerusform>%n recipient</numerusform><numerusform>%n recipients</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::campaigns::Dispatcher</name>
    <message numerus="yes">
        <source>Gave up after %n attempt(s): %1</source>
        <translation><numerusform>Gave up after %n attempt: %1</numerusform><numerusform>Gave up after %n attempts: %1</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::channels::graph::GraphClient</name>
    <message numerus="yes">
        <source>The answer is longer than %n bytes.</source>
        <translation><numerusform>The answer is longer than %n byte.</numerusform><numerusform>The answer is longer than %n bytes.</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::channels::social::SignIn</name>
    <message numerus="yes">
        <source>No answer came back from %1 within %n minute(s): start again to connect.</source>
        <translation><numerusform>No answer came back from %1 within %n minute: start again to connect.</numerusform><numerusform>No answer came back from %1 within %n minutes: start again to connect.</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::channels::social::SocialChannel</name>
    <message numerus="yes">
        <source>The first comment was not made after %n attempt(s).</source>
        <translation><numerusform>The first comment was not made after %n attempt.</numerusform><numerusform>The first comment was not made after %n attempts.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The first comment was not made after %n attempt(s): %1</source>
        <translation><numerusform>The first comment was not made after %n attempt: %1</numerusform><numerusform>The first comment was not made after %n attempts: %1</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::channels::social::linkedin::LinkedInClient</name>
    <message numerus="yes">
        <source>%1: more than %n page(s) of roles.</source>
        <translation><numerusform>%1: more than %n page of roles.</numerusform><numerusform>%1: more than %n pages of roles.</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::channels::social::meta::MetaClient</name>
    <message numerus="yes">
        <source>The list of Pages is longer than %n page(s).</source>
        <translation><numerusform>The list of Pages is longer than %n page.</numerusform><numerusform>The list of Pages is longer than %n pages.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The Page's posts since then are more than %n page(s).</source>
        <translation><numerusform>The Page's posts since then are more than %n page.</numerusform><numerusform>The Page's posts since then are more than %n pages.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The comments are more than %n page(s).</source>
        <translation><numerusform>The comments are more than %n page.</numerusform><numerusform>The comments are more than %n pages.</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::channels::social::x::XClient</name>
    <message numerus="yes">
        <source>X's list of the account's posts since the attempt is longer than %n page(s).</source>
        <translation><numerusform>X's list of the account's posts since the attempt is longer than %n page.</numerusform><numerusform>X's list of the account's posts since the attempt is longer than %n pages.</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::contacts::ContactImporter</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation><numerusform>and %n more</numerusform><numerusform>and %n more</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::contacts::PhoneNumbers</name>
    <message numerus="yes">
        <source>%n digit(s) after +%1 is too few for a number in %2.</source>
        <translation><numerusform>%n digit after +%1 is too few for a number in %2.</numerusform><numerusform>%n digits after +%1 are too few for a number in %2.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n digit(s) after +%1 is too many for a number in %2.</source>
        <translation><numerusform>%n digit after +%1 is too many for a number in %2.</numerusform><numerusform>%n digits after +%1 are too many for a number in %2.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>no number in %2 has %n digit(s) after +%1.</source>
        <translation><numerusform>no number in %2 has %n digit after +%1.</numerusform><numerusform>no number in %2 has %n digits after +%1.</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::content::MergeTemplate</name>
    <message numerus="yes">
        <source>Components are included more than %n level(s) deep here.</source>
        <translation><numerusform>Components are included more than %n level deep here.</numerusform><numerusform>Components are included more than %n levels deep here.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>With its components in place the template would be over %n character(s); include fewer or smaller components.</source>
        <translation><numerusform>With its components in place the template would be over %n character; include fewer or smaller components.</numerusform><numerusform>With its components in place the template would be over %n characters; include fewer or smaller components.</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::content::TemplateRenderer</name>
    <message numerus="yes">
        <source>%1 has a table row of more than %n cell(s) on line %2.</source>
        <translation><numerusform>%1 has a table row of more than %n cell on line %2.</numerusform><numerusform>%1 has a table row of more than %n cells on line %2.</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::mailbox::InboundApplier</name>
    <message numerus="yes">
        <source>%n soft bounces in a row over at least seven days</source>
        <translation><numerusform>%n soft bounce in a row over at least seven days</numerusform><numerusform>%n soft bounces in a row over at least seven days</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::seo::Audits</name>
    <message numerus="yes">
        <source>%n link(s) with text that does not say where it goes.</source>
        <translation><numerusform>%n link with text that does not say where it goes.</numerusform><numerusform>%n links with text that does not say where it goes.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n link(s) that crawlers cannot follow.</source>
        <translation><numerusform>%n link that crawlers cannot follow.</numerusform><numerusform>%n links that crawlers cannot follow.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n picture(s) without alt text.</source>
        <translation><numerusform>%n picture without alt text.</numerusform><numerusform>%n pictures without alt text.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) with the page's language alternates.</source>
        <translation><numerusform>%n problem with the page's language alternates.</numerusform><numerusform>%n problems with the page's language alternates.</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::seo::ContentChecks</name>
    <message numerus="yes">
        <source>%n word(s) on the page.</source>
        <translation><numerusform>%n word on the page.</numerusform><numerusform>%n words on the page.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The keyphrase is %1% of the words (%n time(s)).</source>
        <translation><numerusform>The keyphrase is %1% of the words (%n time).</numerusform><numerusform>The keyphrase is %1% of the words (%n times).</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::seo::RobotsTxtAudit</name>
    <message numerus="yes">
        <source>%n error(s) found</source>
        <translation><numerusform>%n error found</numerusform><numerusform>%n errors found</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::seo::Suggester</name>
    <message numerus="yes">
        <source>%n recommendation(s) left out: the passage they quote is not in the page.</source>
        <translation><numerusform>%n recommendation left out: the passage it quotes is not in the page.</numerusform><numerusform>%n recommendations left out: the passage they quote is not in the page.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Only %n of the %1 titles fit within %2 px with the keyphrase.</source>
        <translation><numerusform>Only %n of the %1 titles fits within %2 px with the keyphrase.</numerusform><numerusform>Only %n of the %1 titles fit within %2 px with the keyphrase.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Only %n of the %1 descriptions fit within %2 px with the keyphrase.</source>
        <translation><numerusform>Only %n of the %1 descriptions fits within %2 px with the keyphrase.</numerusform><numerusform>Only %n of the %1 descriptions fit within %2 px with the keyphrase.</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::sms::QuietHours</name>
    <message numerus="yes">
        <source>%n column(s) where a rule has 4 (state, days, window, source).</source>
        <translation><numerusform>%n column where a rule has 4 (state, days, window, source).</numerusform><numerusform>%n columns where a rule has 4 (state, days, window, source).</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::sms::Segments</name>
    <message numerus="yes">
        <source>The text has %n character(s); Twilio accepts at most %1.</source>
        <translation><numerusform>The text has %n character; Twilio accepts at most %1.</numerusform><numerusform>The text has %n characters; Twilio accepts at most %1.</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::social::PostChecks</name>
    <message numerus="yes">
        <source>X counts %1 characters, %n over its limit of %2 (links count 23, emoji and CJK 2).</source>
        <translation><numerusform>X counts %1 characters, %n over its limit of %2 (links count 23, emoji and CJK 2).</numerusform><numerusform>X counts %1 characters, %n over its limit of %2 (links count 23, emoji and CJK 2).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>LinkedIn takes %1 characters at most; this text has %2, %n too many.</source>
        <translation><numerusform>LinkedIn takes %1 characters at most; this text has %2, %n too many.</numerusform><numerusform>LinkedIn takes %1 characters at most; this text has %2, %n too many.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>LinkedIn takes comments of %1 characters at most; this one has %n too many.</source>
        <translation><numerusform>LinkedIn takes comments of %1 characters at most; this one has %n too many.</numerusform><numerusform>LinkedIn takes comments of %1 characters at most; this one has %n too many.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Instagram takes captions of %1 characters at most; this one has %2, %n too many.</source>
        <translation><numerusform>Instagram takes captions of %1 characters at most; this one has %2, %n too many.</numerusform><numerusform>Instagram takes captions of %1 characters at most; this one has %2, %n too many.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Instagram takes %1 hashtags at most; this caption has %n.</source>
        <translation><numerusform>Instagram takes %1 hashtags at most; this caption has %n.</numerusform><numerusform>Instagram takes %1 hashtags at most; this caption has %n.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Instagram takes %1 mentions at most; this caption has %n.</source>
        <translation><numerusform>Instagram takes %1 mentions at most; this caption has %n.</numerusform><numerusform>Instagram takes %1 mentions at most; this caption has %n.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Instagram takes comments of %1 characters at most; this one has %n too many.</source>
        <translation><numerusform>Instagram takes comments of %1 characters at most; this one has %n too many.</numerusform><numerusform>Instagram takes comments of %1 characters at most; this one has %n too many.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Facebook takes posts of %1 characters at most; this one has %2, %n too many.</source>
        <translation><numerusform>Facebook takes posts of %1 characters at most; this one has %2, %n too many.</numerusform><numerusform>Facebook takes posts of %1 characters at most; this one has %2, %n too many.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Facebook takes comments of %1 characters at most; this one has %n too many.</source>
        <translation><numerusform>Facebook takes comments of %1 characters at most; this one has %n too many.</numerusform><numerusform>Facebook takes comments of %1 characters at most; this one has %n too many.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>X takes %1 pictures at most; this post has %n.</source>
        <translation><numerusform>X takes %1 pictures at most; this post has %n.</numerusform><numerusform>X takes %1 pictures at most; this post has %n.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 takes %2 pictures at most in a post; this one has %n.</source>
        <translation><numerusform>%1 takes %2 pictures at most in a post; this one has %n.</numerusform><numerusform>%1 takes %2 pictures at most in a post; this one has %n.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Instagram takes %1 pictures at most in a carousel; this post has %n.</source>
        <translation><numerusform>Instagram takes %1 pictures at most in a carousel; this post has %n.</numerusform><numerusform>Instagram takes %1 pictures at most in a carousel; this post has %n.</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::tracker::Pages</name>
    <message numerus="yes">
        <source>%n seat(s) left</source>
        <translation><numerusform>%n seat left</numerusform><numerusform>%n seats left</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>We are holding a seat for you. Confirm with the link we send to %1 within %n hour(s) to keep it.</source>
        <translation><numerusform>We are holding a seat for you. Confirm with the link we send to %1 within %n hour to keep it.</numerusform><numerusform>We are holding a seat for you. Confirm with the link we send to %1 within %n hours to keep it.</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::AbTestPanel</name>
    <message numerus="yes">
        <source>about %n min</source>
        <translation><numerusform>about %n min</numerusform><numerusform>about %n min</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>about %n h</source>
        <translation><numerusform>about %n h</numerusform><numerusform>about %n h</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Sending the test group takes %1 at %n message(s) a minute</source>
        <translation><numerusform>Sending the test group takes %1 at %n message a minute</numerusform><numerusform>Sending the test group takes %1 at %n messages a minute</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>(%n mailbox(es)); the winner is chosen %1 after the last one.</source>
        <translation><numerusform>(%n mailbox); the winner is chosen %1 after the last one.</numerusform><numerusform>(%n mailboxes); the winner is chosen %1 after the last one.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation><numerusform>%n hour</numerusform><numerusform>%n hours</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>To tell %1 % from %2 % with 80 % power, each variant needs %Ln people (%3 in the test group).</source>
        <translation><numerusform>To tell %1 % from %2 % with 80 % power, each variant needs %Ln person (%3 in the test group).</numerusform><numerusform>To tell %1 % from %2 % with 80 % power, each variant needs %Ln people (%3 in the test group).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The test group has %Ln people, %1 a variant: enough.</source>
        <translation><numerusform>The test group has %Ln person, %1 a variant: enough.</numerusform><numerusform>The test group has %Ln people, %1 a variant: enough.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Warning: the test group has %Ln people, %1 a variant, fewer than the %2 a variant a winner needs: the test would end without one. Test a bigger share or fewer variants.</source>
        <translation><numerusform>Warning: the test group has %Ln person, %1 a variant, fewer than the %2 a variant a winner needs: the test would end without one. Test a bigger share or fewer variants.</numerusform><numerusform>Warning: the test group has %Ln people, %1 a variant, fewer than the %2 a variant a winner needs: the test would end without one. Test a bigger share or fewer variants.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Warning: the test group has %Ln people, %1 a variant, so a lift this size would be found only %2 % of the time. Test a bigger share, fewer variants, or look for a larger lift.</source>
        <translation><numerusform>Warning: the test group has %Ln person, %1 a variant, so a lift this size would be found only %2 % of the time. Test a bigger share, fewer variants, or look for a larger lift.</numerusform><numerusform>Warning: the test group has %Ln people, %1 a variant, so a lift this size would be found only %2 % of the time. Test a bigger share, fewer variants, or look for a larger lift.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The rest, %Ln people, gets the winner.</source>
        <translation><numerusform>The rest, %Ln person, gets the winner.</numerusform><numerusform>The rest, %Ln people, get the winner.</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::AbTestView</name>
    <message numerus="yes">
        <source>This campaign tests %n variant(s) when it is sent.</source>
        <translation><numerusform>This campaign tests %n variant when it is sent.</numerusform><numerusform>This campaign tests %n variants when it is sent.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Testing: %1 of %Ln test message(s) sent.</source>
        <translation><numerusform>Testing: %1 of %Ln test message sent.</numerusform><numerusform>Testing: %1 of %Ln test messages sent.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The rest, %Ln people, waits for the winner.</source>
        <translation><numerusform>The rest, %Ln person, waits for the winner.</numerusform><numerusform>The rest, %Ln people, wait for the winner.</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::AccountForm</name>
    <message numerus="yes">
        <source>At least %n characters</source>
        <translation><numerusform>At least %n character</numerusform><numerusform>At least %n characters</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::AssistantSettings</name>
    <message numerus="yes">
        <source> and %n more</source>
        <translation><numerusform> and %n more</numerusform><numerusform> and %n more</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Connected: the server offers %n model(s): %1.</source>
        <translation><numerusform>Connected: the server offers %n model: %1.</numerusform><numerusform>Connected: the server offers %n models: %1.</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::AttendeesView</name>
    <message numerus="yes">
        <source>%Ln confirmed of %1</source>
        <translation><numerusform>%Ln confirmed of %1</numerusform><numerusform>%Ln confirmed of %1</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln confirmed</source>
        <translation><numerusform>%Ln confirmed</numerusform><numerusform>%Ln confirmed</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln pending</source>
        <translation><numerusform>%Ln pending</numerusform><numerusform>%Ln pending</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln waiting</source>
        <translation><numerusform>%Ln waiting</numerusform><numerusform>%Ln waiting</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln cancelled</source>
        <translation><numerusform>%Ln cancelled</numerusform><numerusform>%Ln cancelled</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln checked in</source>
        <translation><numerusform>%Ln checked in</numerusform><numerusform>%Ln checked in</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Showing %Ln</source>
        <translation><numerusform>Showing %Ln</numerusform><numerusform>Showing %Ln</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::AutomationsPage</name>
    <message numerus="yes">
        <source>%n contact(s) are in this workflow now. They finish the version they entered; only those who enter from now on run the new one.</source>
        <translation><numerusform>%n contact is in this workflow now. It finishes the version it entered; only those who enter from now on run the new one.</numerusform><numerusform>%n contacts are in this workflow now. They finish the version they entered; only those who enter from now on run the new one.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Archive “%1”? Nobody enters it and the %n contact(s) in it stop where they are; their journeys are kept.</source>
        <translation><numerusform>Archive “%1”? Nobody enters it and the %n contact in it stops where it is; its journey is kept.</numerusform><numerusform>Archive “%1”? Nobody enters it and the %n contacts in it stop where they are; their journeys are kept.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Simulating %n contact(s)…</source>
        <translation><numerusform>Simulating %n contact…</numerusform><numerusform>Simulating %n contacts…</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Over %n day(s): entered %1 · emails %2 · texts %3 · not sent %4 (the daily cap, no consent).</source>
        <translation><numerusform>Over %n day: entered %1 · emails %2 · texts %3 · not sent %4 (the daily cap, no consent).</numerusform><numerusform>Over %n days: entered %1 · emails %2 · texts %3 · not sent %4 (the daily cap, no consent).</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::CampaignReportView</name>
    <message numerus="yes">
        <source>%n prefetch(es)</source>
        <translation><numerusform>%n prefetch</numerusform><numerusform>%n prefetches</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n segment(s)</source>
        <translation><numerusform>%n segment</numerusform><numerusform>%n segments</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n without a receipt yet</source>
        <translation><numerusform>%n without a receipt yet</numerusform><numerusform>%n without a receipt yet</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n by machines</source>
        <translation><numerusform>%n by machines</numerusform><numerusform>%n by machines</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>partly estimated (%n text(s))</source>
        <translation><numerusform>partly estimated (%n text)</numerusform><numerusform>partly estimated (%n texts)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n text(s) wait for the recipients' quiet hours to end, the last until %1.</source>
        <translation><numerusform>%n text waits for its recipient's quiet hours to end, until %1.</numerusform><numerusform>%n texts wait for the recipients' quiet hours to end, the last until %1.</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::CampaignWizard</name>
    <message numerus="yes">
        <source>%n contact(s) would receive this campaign now.</source>
        <translation><numerusform>%n contact would receive this campaign now.</numerusform><numerusform>%n contacts would receive this campaign now.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation><numerusform>%n contact</numerusform><numerusform>%n contacts</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) would receive this text now.</source>
        <translation><numerusform>%n contact would receive this text now.</numerusform><numerusform>%n contacts would receive this text now.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n without a mobile number</source>
        <translation><numerusform>%n without a mobile number</numerusform><numerusform>%n without a mobile number</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n with a number that cannot take texts (a landline)</source>
        <translation><numerusform>%n with a number that cannot take texts (a landline)</numerusform><numerusform>%n with a number that cannot take texts (a landline)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n without consent to texts</source>
        <translation><numerusform>%n without consent to texts</numerusform><numerusform>%n without consent to texts</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n who said STOP or are on the suppression list</source>
        <translation><numerusform>%n who said STOP or is on the suppression list</numerusform><numerusform>%n who said STOP or are on the suppression list</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) left out: %1.</source>
        <translation><numerusform>%n contact left out: %1.</numerusform><numerusform>%n contacts left out: %1.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n part(s) a text</source>
        <translation><numerusform>%n part a text</numerusform><numerusform>%n parts a text</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Estimate for %n recipient(s), merge tags filled in for each: %1, %2 in all, about %3.</source>
        <translation><numerusform>Estimate for %n recipient, merge tags filled in for each: %1, %2 in all, about %3.</numerusform><numerusform>Estimate for %n recipients, merge tags filled in for each: %1, %2 in all, about %3.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n segment(s)</source>
        <translation><numerusform>%n segment</numerusform><numerusform>%n segments</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) in countries without a price in Settings → SMS are not counted in the cost.</source>
        <translation><numerusform>%n recipient in a country without a price in Settings → SMS is not counted in the cost.</numerusform><numerusform>%n recipients in countries without a price in Settings → SMS are not counted in the cost.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n text(s) go over 1,600 characters once merged: Twilio refuses them.</source>
        <translation><numerusform>%n text goes over 1,600 characters once merged: Twilio refuses it.</numerusform><numerusform>%n texts go over 1,600 characters once merged: Twilio refuses them.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) are in their quiet hours at that moment: their texts wait for their window, the last until %1.</source>
        <translation><numerusform>%n recipient is in their quiet hours at that moment: their text waits for its window, until %1.</numerusform><numerusform>%n recipients are in their quiet hours at that moment: their texts wait for their window, the last until %1.</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::CampaignsModel</name>
    <message numerus="yes">
        <source>%n recipient(s) in doubt: open the campaign to decide.</source>
        <translation><numerusform>%n recipient in doubt: open the campaign to decide.</numerusform><numerusform>%n recipients in doubt: open the campaign to decide.</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::CampaignsPage</name>
    <message numerus="yes">
        <source>%n campaign(s), %1 sending</source>
        <translation><numerusform>%n campaign, %1 sending</numerusform><numerusform>%n campaigns, %1 sending</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s)</source>
        <translation><numerusform>%n campaign</numerusform><numerusform>%n campaigns</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s) came due while LUX was closed and wait for you.</source>
        <translation><numerusform>%n campaign came due while LUX was closed and waits for you.</numerusform><numerusform>%n campaigns came due while LUX was closed and wait for you.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s) came due while LUX was closed and are being sent now.</source>
        <translation><numerusform>%n campaign came due while LUX was closed and is being sent now.</numerusform><numerusform>%n campaigns came due while LUX was closed and are being sent now.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Send the campaign again to %n recipient(s) in doubt? Any of them who did get it will have it twice.</source>
        <translation><numerusform>Send the campaign again to %n recipient in doubt? If they did get it, they will have it twice.</numerusform><numerusform>Send the campaign again to %n recipients in doubt? Any of them who did get it will have it twice.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n text(s) waiting for quiet hours, until %1</source>
        <translation><numerusform>%n text waiting for quiet hours, until %1</numerusform><numerusform>%n texts waiting for quiet hours, until %1</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::CheckInView</name>
    <message numerus="yes">
        <source>%1 of %Ln checked in</source>
        <translation><numerusform>%1 of %Ln checked in</numerusform><numerusform>%1 of %Ln checked in</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::ComposerDialog</name>
    <message numerus="yes">
        <source>Ready for %n account(s).</source>
        <translation><numerusform>Ready for %n account.</numerusform><numerusform>Ready for %n accounts.</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::ConnectAccountDialog</name>
    <message numerus="yes">
        <source>Connected %n account(s):</source>
        <translation><numerusform>Connected %n account:</numerusform><numerusform>Connected %n accounts:</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::ContactActions</name>
    <message numerus="yes">
        <source>Add tag “%1” to %n contact(s)</source>
        <translation><numerusform>Add tag “%1” to %n contact</numerusform><numerusform>Add tag “%1” to %n contacts</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Remove tag “%1” from %n contact(s)</source>
        <translation><numerusform>Remove tag “%1” from %n contact</numerusform><numerusform>Remove tag “%1” from %n contacts</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Unsubscribe %n contact(s)</source>
        <translation><numerusform>Unsubscribe %n contact</numerusform><numerusform>Unsubscribe %n contacts</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) could not come back: their address was added again meanwhile.</source>
        <translation><numerusform>%n contact could not come back: its address was added again meanwhile.</numerusform><numerusform>%n contacts could not come back: their address was added again meanwhile.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Tag “%1” added to %n contact(s).</source>
        <translation><numerusform>Tag “%1” added to %n contact.</numerusform><numerusform>Tag “%1” added to %n contacts.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Tag “%1” removed from %n contact(s).</source>
        <translation><numerusform>Tag “%1” removed from %n contact.</numerusform><numerusform>Tag “%1” removed from %n contacts.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) unsubscribed.</source>
        <translation><numerusform>%n contact unsubscribed.</numerusform><numerusform>%n contacts unsubscribed.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) deleted.</source>
        <translation><numerusform>%n contact deleted.</numerusform><numerusform>%n contacts deleted.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n contact(s)</source>
        <translation><numerusform>Delete %n contact</numerusform><numerusform>Delete %n contacts</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::ContactsPage</name>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation><numerusform>%n contact</numerusform><numerusform>%n contacts</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>All %n matching contact(s) are selected.</source>
        <translation><numerusform>The %n matching contact is selected.</numerusform><numerusform>All %n matching contacts are selected.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation><numerusform>%n selected</numerusform><numerusform>%n selected</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Select all %n matching</source>
        <translation><numerusform>Select the %n matching</numerusform><numerusform>Select all %n matching</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Tag to add to %n contact(s):</source>
        <translation><numerusform>Tag to add to %n contact:</numerusform><numerusform>Tag to add to %n contacts:</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Tag to remove from %n contact(s):</source>
        <translation><numerusform>Tag to remove from %n contact:</numerusform><numerusform>Tag to remove from %n contacts:</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Unsubscribe all %n matching contact(s)? Each gets a withdrawal in its consent history. You can undo this.</source>
        <translation><numerusform>Unsubscribe the %n matching contact? It gets a withdrawal in its consent history. You can undo this.</numerusform><numerusform>Unsubscribe all %n matching contacts? Each gets a withdrawal in its consent history. You can undo this.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Delete all %n matching contact(s)? You can undo this until you close the database.</source>
        <translation><numerusform>Delete the %n matching contact? You can undo this until you close the database.</numerusform><numerusform>Delete all %n matching contacts? You can undo this until you close the database.</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::CrawlModel</name>
    <message numerus="yes">
        <source>%n page(s) share: “%1”</source>
        <translation><numerusform>%n page shares: “%1”</numerusform><numerusform>%n pages share: “%1”</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Linked from %n page(s): %1</source>
        <translation><numerusform>Linked from %n page: %1</numerusform><numerusform>Linked from %n pages: %1</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation><numerusform>%n error</numerusform><numerusform>%n errors</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation><numerusform>%n warning</numerusform><numerusform>%n warnings</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::DashboardPage</name>
    <message numerus="yes">
        <source>Texts: %1 sent · %2 % delivered · clicked by %3 people · %n opt-out(s)</source>
        <translation><numerusform>Texts: %1 sent · %2 % delivered · clicked by %3 people · %n opt-out</numerusform><numerusform>Texts: %1 sent · %2 % delivered · clicked by %3 people · %n opt-outs</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::EventEditor</name>
    <message numerus="yes">
        <source>An event has at most %n reminder(s).</source>
        <translation><numerusform>An event has at most %n reminder.</numerusform><numerusform>An event has at most %n reminders.</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::EventsPage</name>
    <message numerus="yes">
        <source>%n event(s), %1 published</source>
        <translation><numerusform>%n event, %1 published</numerusform><numerusform>%n events, %1 published</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation><numerusform>%n event</numerusform><numerusform>%n events</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln seat(s)</source>
        <translation><numerusform>%Ln seat</numerusform><numerusform>%Ln seats</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Cancel “%1”? Its page says so from now on and the %Ln people registered or waiting are told by email, with a cancellation for their calendar. This cannot be undone.</source>
        <translation><numerusform>Cancel “%1”? Its page says so from now on and the %Ln person registered or waiting is told by email, with a cancellation for their calendar. This cannot be undone.</numerusform><numerusform>Cancel “%1”? Its page says so from now on and the %Ln people registered or waiting are told by email, with a cancellation for their calendar. This cannot be undone.</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::FindBar</name>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation><numerusform>%n replaced</numerusform><numerusform>%n replaced</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation><numerusform>%n match</numerusform><numerusform>%n matches</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::FlowEditor</name>
    <message numerus="yes">
        <source>%n problem(s) to fix before publishing</source>
        <translation><numerusform>%n problem to fix before publishing</numerusform><numerusform>%n problems to fix before publishing</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n step(s), ready to publish</source>
        <translation><numerusform>%n step, ready to publish</numerusform><numerusform>%n steps, ready to publish</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::HistoryDialog</name>
    <message numerus="yes">
        <source>Subject: %1
Preheader: %2
%n character(s) of %3</source>
        <translation><numerusform>Subject: %1
Preheader: %2
%n character of %3</numerusform><numerusform>Subject: %1
Preheader: %2
%n characters of %3</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::MainWindow</name>
    <message numerus="yes">
        <source>Automatic backup saved as %1; %n older backup(s) removed.</source>
        <translation><numerusform>Automatic backup saved as %1; %n older backup removed.</numerusform><numerusform>Automatic backup saved as %1; %n older backups removed.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>LUX Marketing — %n campaign(s) scheduled</source>
        <translation><numerusform>LUX Marketing — %n campaign scheduled</numerusform><numerusform>LUX Marketing — %n campaigns scheduled</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::MediaPicker</name>
    <message numerus="yes">
        <source>%n picture(s) in the library: choose one.</source>
        <translation><numerusform>%n picture in the library: choose one.</numerusform><numerusform>%n pictures in the library: choose one.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n picture(s) in the library: choose one or more (Ctrl+click for several).</source>
        <translation><numerusform>%n picture in the library: choose one or more (Ctrl+click for several).</numerusform><numerusform>%n pictures in the library: choose one or more (Ctrl+click for several).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>&amp;Add %n Pictures</source>
        <translation><numerusform>&amp;Add %n Picture</numerusform><numerusform>&amp;Add %n Pictures</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::PostPreview</name>
    <message numerus="yes">
        <source>%n picture(s)</source>
        <translation><numerusform>%n picture</numerusform><numerusform>%n pictures</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::PreviewWidget</name>
    <message numerus="yes">
        <source>Loading %n remote image(s)…</source>
        <translation><numerusform>Loading %n remote image…</numerusform><numerusform>Loading %n remote images…</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n remote image(s) not loaded, so no tracking pixel fires. Images sent inside the message show.</source>
        <translation><numerusform>%n remote image not loaded, so no tracking pixel fires. Images sent inside the message show.</numerusform><numerusform>%n remote images not loaded, so no tracking pixel fires. Images sent inside the message show.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n remote image(s) could not be loaded.</source>
        <translation><numerusform>%n remote image could not be loaded.</numerusform><numerusform>%n remote images could not be loaded.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>…and %n more.</source>
        <translation><numerusform>…and %n more.</numerusform><numerusform>…and %n more.</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::ProductPicker</name>
    <message numerus="yes">
        <source>%n product(s)</source>
        <translation><numerusform>%n product</numerusform><numerusform>%n products</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::SegmentBuilder</name>
    <message numerus="yes">
        <source>%n contact(s) match</source>
        <translation><numerusform>%n contact matches</numerusform><numerusform>%n contacts match</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::SeoPage</name>
    <message numerus="yes">
        <source>Every Lighthouse SEO audit passes; %n finding(s) beyond them.</source>
        <translation><numerusform>Every Lighthouse SEO audit passes; %n finding beyond them.</numerusform><numerusform>Every Lighthouse SEO audit passes; %n findings beyond them.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n Lighthouse SEO audit(s) fail; %1 in all.</source>
        <translation><numerusform>%n Lighthouse SEO audit fails; %1 in all.</numerusform><numerusform>%n Lighthouse SEO audits fail; %1 in all.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation><numerusform>%n finding</numerusform><numerusform>%n findings</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation><numerusform>%n word</numerusform><numerusform>%n words</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation><numerusform>%n failed</numerusform><numerusform>%n failed</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n page(s) · %2</source>
        <translation><numerusform>%1 of %n page · %2</numerusform><numerusform>%1 of %n pages · %2</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n page(s)</source>
        <translation><numerusform>%1 · %n page</numerusform><numerusform>%1 · %n pages</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) crawled</source>
        <translation><numerusform>%n page crawled</numerusform><numerusform>%n pages crawled</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n broken link(s)</source>
        <translation><numerusform>%n broken link</numerusform><numerusform>%n broken links</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) of duplicates</source>
        <translation><numerusform>%n group of duplicates</numerusform><numerusform>%n groups of duplicates</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n address(es) blocked by robots.txt</source>
        <translation><numerusform>%n address blocked by robots.txt</numerusform><numerusform>%n addresses blocked by robots.txt</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) since the crawl before</source>
        <translation><numerusform>%n change since the crawl before</numerusform><numerusform>%n changes since the crawl before</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::SeoReport</name>
    <message numerus="yes">
        <source>HTTP %1 · SEO score %2 of 100 · %n word(s) · analysed %3</source>
        <translation><numerusform>HTTP %1 · SEO score %2 of 100 · %n word · analysed %3</numerusform><numerusform>HTTP %1 · SEO score %2 of 100 · %n words · analysed %3</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation><numerusform>%n finding</numerusform><numerusform>%n findings</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::SmsComposer</name>
    <message numerus="yes">
        <source>%n part(s)</source>
        <translation><numerusform>%n part</numerusform><numerusform>%n parts</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) left in this part</source>
        <translation><numerusform>%n character left in this part</numerusform><numerusform>%n characters left in this part</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) over Twilio's limit of %1: Twilio refuses a longer text.</source>
        <translation><numerusform>%n character over Twilio's limit of %1: Twilio refuses a longer text.</numerusform><numerusform>%n characters over Twilio's limit of %1: Twilio refuses a longer text.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 force(s) UCS-2: 70 characters a part instead of 160.</source>
        <translation><numerusform>%1 forces UCS-2: 70 characters a part instead of 160.</numerusform><numerusform>%1 force UCS-2: 70 characters a part instead of 160.</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::SocialAccountsModel</name>
    <message numerus="yes">
        <source>%n failed</source>
        <translation><numerusform>%n failed</numerusform><numerusform>%n failed</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::SocialPage</name>
    <message numerus="yes">
        <source>Failed (due %1, %n attempt(s))</source>
        <translation><numerusform>Failed (due %1, %n attempt)</numerusform><numerusform>Failed (due %1, %n attempts)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) in the days shown, %1 failed</source>
        <translation><numerusform>%n post in the days shown, %1 failed</numerusform><numerusform>%n posts in the days shown, %1 failed</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) in the days shown</source>
        <translation><numerusform>%n post in the days shown</numerusform><numerusform>%n posts in the days shown</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n failed post(s) of %1 will be published again.</source>
        <translation><numerusform>%n failed post of %1 will be published again.</numerusform><numerusform>%n failed posts of %1 will be published again.</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::SocialQueue</name>
    <message numerus="yes">
        <source>%n time(s) a week: %1</source>
        <translation><numerusform>%n time a week: %1</numerusform><numerusform>%n times a week: %1</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n free slot(s) in the next two weeks.</source>
        <translation><numerusform>%n free slot in the next two weeks.</numerusform><numerusform>%n free slots in the next two weeks.</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::StepCard</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation><numerusform>%n day</numerusform><numerusform>%n days</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation><numerusform>%n hour</numerusform><numerusform>%n hours</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation><numerusform>%n minute</numerusform><numerusform>%n minutes</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::SuggestionsDialog</name>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation><numerusform>%n finding</numerusform><numerusform>%n findings</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::SuppressionDialog</name>
    <message numerus="yes">
        <source>%n address(es)</source>
        <translation><numerusform>%n address</numerusform><numerusform>%n addresses</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n address(es) added.</source>
        <translation><numerusform>%n address added.</numerusform><numerusform>%n addresses added.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n already on the list.</source>
        <translation><numerusform>%n already on the list.</numerusform><numerusform>%n already on the list.</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::TemplatesPage</name>
    <message numerus="yes">
        <source>%n error(s) that block sending</source>
        <translation><numerusform>%n error that blocks sending</numerusform><numerusform>%n errors that block sending</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation><numerusform>%n warning</numerusform><numerusform>%n warnings</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Checks: nothing blocks sending; %n warning(s) to look at.</source>
        <translation><numerusform>Checks: nothing blocks sending; %n warning to look at.</numerusform><numerusform>Checks: nothing blocks sending; %n warnings to look at.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n product(s) chosen. What is the occasion or the angle? (optional)</source>
        <translation><numerusform>%n product chosen. What is the occasion or the angle? (optional)</numerusform><numerusform>%n products chosen. What is the occasion or the angle? (optional)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n product fact(s) in LUX's draft do not match the synced catalogue or cannot be checked:</source>
        <translation><numerusform>%n product fact in LUX's draft does not match the synced catalogue or cannot be checked:</numerusform><numerusform>%n product facts in LUX's draft do not match the synced catalogue or cannot be checked:</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::TrackingSettings</name>
    <message numerus="yes">
        <source>Synced just now: %n new event(s).</source>
        <translation><numerusform>Synced just now: %n new event.</numerusform><numerusform>Synced just now: %n new events.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) in the keychain; key %1 signs.</source>
        <translation><numerusform>%n key in the keychain; key %1 signs.</numerusform><numerusform>%n keys in the keychain; key %1 signs.</numerusform></translation>
    </message>
</context>
<context>
    <name>luxctl</name>
    <message numerus="yes">
        <source>%n campaign(s) run.</source>
        <translation><numerusform>%n campaign run.</numerusform><numerusform>%n campaigns run.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n failed recipient(s) will be sent again.</source>
        <translation><numerusform>%n failed recipient will be sent again.</numerusform><numerusform>%n failed recipients will be sent again.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n message(s) read, last look %2</source>
        <translation><numerusform>%1: %n message read, last look %2</numerusform><numerusform>%1: %n messages read, last look %2</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) read (bounces: %1, unsubscribes: %2, replies: %3).</source>
        <translation><numerusform>%n message read (bounces: %1, unsubscribes: %2, replies: %3).</numerusform><numerusform>%n messages read (bounces: %1, unsubscribes: %2, replies: %3).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>GSM-7: %n segment(s), %1 septets (%2 a segment), %3 left in the last one.</source>
        <translation><numerusform>GSM-7: %n segment, %1 septets (%2 a segment), %3 left in the last one.</numerusform><numerusform>GSM-7: %n segments, %1 septets (%2 a segment), %3 left in the last one.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>UCS-2: %n segment(s), %1 UTF-16 units (%2 a segment), %3 left in the last one.</source>
        <translation><numerusform>UCS-2: %n segment, %1 UTF-16 units (%2 a segment), %3 left in the last one.</numerusform><numerusform>UCS-2: %n segments, %1 UTF-16 units (%2 a segment), %3 left in the last one.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The draft was not saved: %n product fact(s) do not match the catalogue or cannot be checked. Look at them, then run again with --accept-unverified to save it anyway:
%1</source>
        <translation><numerusform>The draft was not saved: %n product fact does not match the catalogue or cannot be checked. Look at it, then run again with --accept-unverified to save it anyway:
%1</numerusform><numerusform>The draft was not saved: %n product facts do not match the catalogue or cannot be checked. Look at them, then run again with --accept-unverified to save it anyway:
%1</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n request(s), %2 prompt tokens (%3 cached), %4 completion tokens, %5 image(s); %6 without usage.</source>
        <translation><numerusform>%1: %n request, %2 prompt tokens (%3 cached), %4 completion tokens, %5 image(s); %6 without usage.</numerusform><numerusform>%1: %n requests, %2 prompt tokens (%3 cached), %4 completion tokens, %5 image(s); %6 without usage.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n product(s) fetched: %1 added, %2 changed, %3 unchanged (pages: %4; %5 s). Products in the catalogue: %6.</source>
        <translation><numerusform>%n product fetched: %1 added, %2 changed, %3 unchanged (pages: %4; %5 s). Products in the catalogue: %6.</numerusform><numerusform>%n products fetched: %1 added, %2 changed, %3 unchanged (pages: %4; %5 s). Products in the catalogue: %6.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Campaign %1 created (draft) with an A/B test of %n variant(s).</source>
        <translation><numerusform>Campaign %1 created (draft) with an A/B test of %n variant.</numerusform><numerusform>Campaign %1 created (draft) with an A/B test of %n variants.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n attendee(s) written to %1.</source>
        <translation><numerusform>%n attendee written to %1.</numerusform><numerusform>%n attendees written to %1.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) entered; the scheduler runs their steps (the app, or luxctl scheduler run).</source>
        <translation><numerusform>%n contact entered; the scheduler runs their steps (the app, or luxctl scheduler run).</numerusform><numerusform>%n contacts entered; the scheduler runs their steps (the app, or luxctl scheduler run).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>“%1” over %n contact(s), %2 days (seed %3), simulated in %4 ms:</source>
        <translation><numerusform>“%1” over %n contact, %2 days (seed %3), simulated in %4 ms:</numerusform><numerusform>“%1” over %n contacts, %2 days (seed %3), simulated in %4 ms:</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) moved to version %1.</source>
        <translation><numerusform>%n contact moved to version %1.</numerusform><numerusform>%n contacts moved to version %1.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n failed post(s) will be published again by the scheduler.</source>
        <translation><numerusform>%n failed post will be published again by the scheduler.</numerusform><numerusform>%n failed posts will be published again by the scheduler.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s):</source>
        <translation><numerusform>%n finding:</numerusform><numerusform>%n findings:</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Crawl %1 of %2: %n page(s)</source>
        <translation><numerusform>Crawl %1 of %2: %n page</numerusform><numerusform>Crawl %1 of %2: %n pages</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n recommendation(s):</source>
        <translation><numerusform>%n recommendation:</numerusform><numerusform>%n recommendations:</numerusform></translation>
    </message>
</context>
</TS>
