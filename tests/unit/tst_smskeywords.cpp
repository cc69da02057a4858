// SPDX-License-Identifier: GPL-3.0-or-later
// Inbound SMS keywords (app/edge/sms/keywords): the per se opt-out words in any case and dress, the
// plain-language revocations of FCC 24-24 in English and Spanish, ordinary replies that merely
// contain one of the words, and opt-in and help as the whole message only.
#include "sms/keywords.h"

#include <QTest>

using lux::sms::Keyword;

Q_DECLARE_METATYPE(lux::sms::Keyword)

class TestSmsKeywords : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void classify_data();
    void classify();
    void names();
};

void TestSmsKeywords::classify_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Keyword>("expected");
    const auto row = [](const char *name, const QString &text, Keyword k) { QTest::newRow(name) << text << k; };
    constexpr Keyword out = Keyword::OptOut, in = Keyword::OptIn, help = Keyword::Help, other = Keyword::Other;

    // The per se words (Twilio's eight, the FCC's seven), as the whole message in any dress.
    row("STOP", QStringLiteral("STOP"), out);
    row("stop lower", QStringLiteral("stop"), out);
    row("Stop.", QStringLiteral("Stop."), out);
    row("spaces and bangs", QStringLiteral(" STOP!! "), out);
    row("STOPALL", QStringLiteral("STOPALL"), out);
    row("stop all", QStringLiteral("Stop all"), out);
    row("UNSUBSCRIBE", QStringLiteral("UNSUBSCRIBE"), out);
    row("Cancel", QStringLiteral("Cancel"), out);
    row("end", QStringLiteral("end"), out);
    row("Quit!", QStringLiteral("Quit!"), out);
    row("REVOKE", QStringLiteral("REVOKE"), out);
    row("OPTOUT", QStringLiteral("OPTOUT"), out);
    row("opt out", QStringLiteral("opt out"), out);
    row("Opt-Out", QStringLiteral("Opt-Out"), out);
    row("stop emoji", QStringLiteral("STOP \U0001F6D1"), out);
    row("full-width STOP", QStringLiteral("\uFF33\uFF34\uFF2F\uFF30"), out);
    row("elongated", QStringLiteral("stooooop"), out);
    row("stop stop stop", QStringLiteral("STOP STOP STOP"), out);
    // With courtesy around it: Twilio does not block these; the FCC's reasonable person would.
    row("STOP PLEASE", QStringLiteral("STOP PLEASE"), out);
    row("please unsubscribe", QStringLiteral("please unsubscribe"), out);
    row("stop it", QStringLiteral("Stop it"), out);
    row("stop now thanks", QStringLiteral("stop now, thanks"), out);
    row("keyword then question", QStringLiteral("STOP. Who is this?"), out);
    row("ok unsubscribe", QStringLiteral("ok, unsubscribe me"), out);
    row("misspelled unsubscribe", QStringLiteral("unsuscribe"), out);
    // Plain-language revocations, English.
    row("stop texting me", QStringLiteral("stop texting me"), out);
    row("please stop sending", QStringLiteral("Please stop sending me these"), out);
    row("dont text me anymore", QStringLiteral("don't text me anymore"), out);
    row("curly apostrophe", QStringLiteral("Don\u2019t text me again"), out);
    row("do not contact me", QStringLiteral("Do not contact me."), out);
    row("remove me from this list", QStringLiteral("remove me from this list"), out);
    row("take me off your list", QStringLiteral("Take me off your list please"), out);
    row("opt me out", QStringLiteral("opt me out"), out);
    row("no more texts", QStringLiteral("No more texts!"), out);
    row("i dont want these messages", QStringLiteral("I don't want these messages"), out);
    row("no longer wish to receive", QStringLiteral("We no longer wish to receive your texts"), out);
    row("how do i unsubscribe", QStringLiteral("how do I unsubscribe from this?"), out);
    row("cancel my subscription", QStringLiteral("cancel my subscription"), out);
    row("stop receiving", QStringLiteral("How do I stop receiving these messages"), out);
    row("leave me alone", QStringLiteral("leave me alone"), out);
    row("wrong number", QStringLiteral("Wrong number"), out);
    row("never signed up", QStringLiteral("I never signed up for this"), out);
    row("delete my number", QStringLiteral("delete my number"), out);
    row("revoke consent", QStringLiteral("I revoke my consent"), out);
    row("discontinue further texts", QStringLiteral("I would appreciate if we discontinue any further texts"), out);
    row("end my subscription", QStringLiteral("I want to end my subscription"), out);
    row("dont stop", QStringLiteral("Don't stop!"), other);
    row("subscription box", QStringLiteral("Is the subscription box shipping soon?"), other);
    // Spanish.
    row("baja", QStringLiteral("BAJA"), out);
    row("alto", QStringLiteral("Alto."), out);
    row("para", QStringLiteral("para"), out);
    row("no mas", QStringLiteral("No más"), out);
    row("no me envies mas mensajes", QStringLiteral("no me envíes más mensajes"), out);
    row("no me escriban", QStringLiteral("No me escriban"), out);
    row("cancelar suscripcion", QStringLiteral("cancelar suscripción"), out);
    row("cancelar mi suscripcion", QStringLiteral("Quiero cancelar mi suscripción"), out);
    row("darme de baja", QStringLiteral("quiero darme de baja"), out);
    row("dejen de enviarme", QStringLiteral("Dejen de enviarme mensajes por favor"), out);
    row("sacame de la lista", QStringLiteral("Sácame de la lista"), out);
    row("ya no quiero recibir", QStringLiteral("Ya no quiero recibir mensajes"), out);
    row("basta de mensajes", QStringLiteral("¡Basta de mensajes!"), out);
    row("para por favor", QStringLiteral("Para ya por favor"), out);
    // Ordinary replies that contain a keyword or look like a revocation: not one.
    row("dont stop the deals", QStringLiteral("don't stop the deals!"), other);
    row("cancel my order", QStringLiteral("can I cancel my order?"), other);
    row("when does it end", QStringLiteral("When does the sale end?"), other);
    row("cant stop smiling", QStringLiteral("I can't stop smiling, thanks!"), other);
    row("stop by the store", QStringLiteral("Stop by the store tomorrow?"), other);
    row("never stop", QStringLiteral("I love these texts, never stop sending them"), other);
    row("no more than", QStringLiteral("No more than 2 please"), other);
    row("end of season", QStringLiteral("End of season sale?"), other);
    row("dont unsubscribe me", QStringLiteral("Please don't unsubscribe me"), other);
    row("remove item from cart", QStringLiteral("how do I remove the item from my cart"), other);
    row("dont text me the code", QStringLiteral("don't text me the code, call me"), other);
    row("quit my job", QStringLiteral("Quit my job today, need new shoes"), other);
    row("who is this", QStringLiteral("Who is this?"), other);
    row("thanks", QStringLiteral("Thanks!"), other);
    row("cancel it", QStringLiteral("cancel it"), other);
    row("puedo cancelar mi pedido", QStringLiteral("¿Puedo cancelar mi pedido?"), other);
    row("para cuando llega", QStringLiteral("¿Para cuándo llega mi pedido?"), other);
    row("para mi", QStringLiteral("Para mí"), other);
    row("alto descuento", QStringLiteral("¡Alto descuento!"), other);
    row("no me envies el codigo", QStringLiteral("No me envíes el código por correo"), other);
    row("no dejes de enviarme ofertas", QStringLiteral("No dejes de enviarme ofertas"), other);
    row("la baja de precios", QStringLiteral("¿Cuándo es la baja de precios?"), other);
    row("gracias", QStringLiteral("Gracias, hasta luego"), other);
    row("empty", QString(), other);
    row("only punctuation", QStringLiteral("?!..."), other);
    // Opt-in and help: the whole message only.
    row("START", QStringLiteral("START"), in);
    row("Yes!", QStringLiteral("Yes!"), in);
    row("unstop", QStringLiteral(" unstop "), in);
    row("yes please", QStringLiteral("yes please, after the holidays"), other);
    row("start the sale", QStringLiteral("When does the sale start?"), other);
    row("HELP", QStringLiteral("HELP"), help);
    row("info?", QStringLiteral("Info?"), help);
    row("ayuda", QStringLiteral("Ayuda"), help);
    row("help me choose", QStringLiteral("help me choose a size"), other);
    // Revocation wins over anything else in the message.
    row("yes, stop", QStringLiteral("yes, stop"), out);
    row("help stop texting", QStringLiteral("HELP. Stop texting me"), out);
}

void TestSmsKeywords::classify()
{
    QFETCH(QString, text);
    QFETCH(Keyword, expected);
    QCOMPARE(lux::sms::classify(text), expected);
}

void TestSmsKeywords::names()
{
    using lux::sms::keywordFromName;
    using lux::sms::keywordName;
    for (Keyword k : {Keyword::Other, Keyword::OptOut, Keyword::OptIn, Keyword::Help})
        QCOMPARE(keywordFromName(QString(keywordName(k))), std::optional<Keyword>(k));
    QCOMPARE(keywordName(Keyword::OptOut), QLatin1StringView("opt-out"));
    QCOMPARE(keywordName(Keyword::OptIn), QLatin1StringView("opt-in"));
    QVERIFY(!keywordFromName(u"stop").has_value());
}

QTEST_GUILESS_MAIN(TestSmsKeywords)
#include "tst_smskeywords.moc"
