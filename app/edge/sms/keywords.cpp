// SPDX-License-Identifier: GPL-3.0-or-later
#include "keywords.h"

#include <QRegularExpression>
#include <QSet>
#include <QStringList>

#include <algorithm>

namespace lux::sms {

// The rule, and where it comes from.
//
// 47 CFR 64.1200(a)(10), added by the FCC's 2024 TCPA order on revocation of consent (FCC 24-24,
// CG Docket 02-278, in force since 11 April 2025): a called party may revoke consent "by using any
// reasonable method to clearly express a desire not to receive further calls or text messages";
// a reply of "stop", "quit", "end", "revoke", "opt out", "cancel" or "unsubscribe" is per se
// reasonable; a reply in other words must be honoured when a reasonable person would understand
// them as a request to revoke, judged on the totality of the circumstances; and the sender may not
// make any one method exclusive. Twilio (provider-contracts.md §2.5) stops a number by itself only
// on a single-word STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, REVOKE or OPTOUT, so "STOP
// PLEASE" or "stop texting me" reach us without Twilio blocking anything: the app must.
//
// So, for revocations (OptOut), generously:
//  1. Any sentence of the message that is, once courtesy words are set aside ("please", "now",
//     "thanks", ...), one of the keywords: "STOP", "Stop.", " STOP!! ", "Stop please", "STOP. Who is
//     this?", "ok, unsubscribe". Spanish replies too ("baja", "alto", "para", "basta", "no más").
//  2. Phrases whose plain meaning is "no more texts to me", in English and Spanish: "stop texting
//     me", "don't text me anymore", "remove me from this list", "opt me out", "I don't want these
//     messages", "wrong number", "no me envíes más mensajes", "cancelar suscripción", "dejen de
//     escribirme". A phrase preceded by a negation ("don't stop the deals", "no dejes de enviarme
//     ofertas") is not one.
//  3. "unsubscribe", "opt out", "revoke" and "stopall" anywhere, unless negated: they have no other
//     everyday meaning in a reply to a marketing text.
// A keyword inside an ordinary sentence is not a revocation on its own ("don't stop the deals!",
// "can I cancel my order?", "when does the sale end?", "para cuándo llega?"): those words have
// other meanings, and the phrases above name the texts themselves. Where the two readings are close,
// the rule leans to revocation, since a wrong opt-out costs one START while a wrong text costs a
// TCPA claim.
//
// Opting in (START, YES, UNSTOP) and asking for help (HELP, INFO, and the Spanish AYUDA) count only
// as the whole message, punctuation and case aside: consent must be unambiguous ("yes please, after
// the holidays" consents to nothing), and anything else asks a person, not a robot.

namespace {

// Accents off (NFKD then no marks: "envíes" is "envies", full-width letters are letters), lower
// case, apostrophes of every shape dropped so "don't", "don’t" and "dont" are one word.
QString fold(QStringView text)
{
    const QString decomposed = text.toString().normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing || c.category() == QChar::Mark_Enclosing)
            continue;
        if (c == u'\'' || c == u'\u2019' || c == u'\u2018' || c == u'`' || c == u'\u00b4' || c == u'\u02bc')
            continue;
        out.append(c.toLower());
    }
    return out;
}

// A run of three or more of one letter is one letter: "stoooop", "pleeease", "nooo". Runs of two
// stay ("all", "too").
QString squeezed(const QString &word)
{
    QString out;
    out.reserve(word.size());
    for (qsizetype i = 0; i < word.size();) {
        qsizetype run = 1;
        while (i + run < word.size() && word[i + run] == word[i])
            ++run;
        out.append(run >= 3 ? QString(word[i]) : word.mid(i, run));
        i += run;
    }
    return out;
}

// The message's sentences, each as its words ([a-z0-9]+) joined by one space. Anything that is not
// a letter, digit, space or hyphen ends a sentence (".", "!", "?", ",", an emoji, a line break).
// "opt out" and "opt-out" are "optout".
QStringList sentences(QStringView text)
{
    QStringList out;
    QStringList words;
    QString word;
    const auto endWord = [&] {
        if (!word.isEmpty())
            words.append(squeezed(word));
        word.clear();
    };
    const auto endSentence = [&] {
        endWord();
        for (qsizetype i = 0; i + 1 < words.size(); ++i)
            if (words[i] == QLatin1String("opt") && words[i + 1] == QLatin1String("out")) {
                words[i] = QStringLiteral("optout");
                words.removeAt(i + 1);
            }
        if (!words.isEmpty())
            out.append(words.join(u' '));
        words.clear();
    };
    const QString folded = fold(text);
    for (const QChar c : folded) {
        if (c.isLetterOrNumber()) {
            word.append(c);
        } else if (c.isSpace() || c == u'-') {
            endWord();
        } else {
            endSentence();
        }
    }
    endSentence();
    return out;
}

// Words of courtesy or emphasis that leave a keyword a keyword: "stop please", "STOP NOW", "para
// ya por favor". Not "it", "my" or "mi": "cancel it" may be an order, "para mí" is "for me".
const QSet<QString> &courtesy()
{
    static const QSet<QString> words{
        QStringLiteral("please"), QStringLiteral("pls"),   QStringLiteral("plz"),     QStringLiteral("plez"),
        QStringLiteral("now"),    QStringLiteral("thanks"), QStringLiteral("thank"),  QStringLiteral("you"),
        QStringLiteral("thx"),    QStringLiteral("ty"),    QStringLiteral("ok"),      QStringLiteral("okay"),
        QStringLiteral("just"),   QStringLiteral("kindly"), QStringLiteral("asap"),   QStringLiteral("already"),
        QStringLiteral("again"),  QStringLiteral("all"),   QStringLiteral("immediately"), QStringLiteral("me"),
        QStringLiteral("por"),    QStringLiteral("favor"), QStringLiteral("porfa"),   QStringLiteral("porfavor"),
        QStringLiteral("gracias"), QStringLiteral("ya"),   QStringLiteral("ahora"),   QStringLiteral("inmediatamente"),
    };
    return words;
}

// Per se revocations as a whole sentence: the FCC's seven and Twilio's eight, their common
// misspellings, and Spanish imperatives that, alone, can only mean "stop".
const QSet<QString> &optOutWords()
{
    static const QSet<QString> words{
        QStringLiteral("stop"),        QStringLiteral("stopall"),     QStringLiteral("unsubscribe"), QStringLiteral("unsub"),
        QStringLiteral("unsuscribe"),  QStringLiteral("unsubscibe"),  QStringLiteral("unsubcribe"),  QStringLiteral("cancel"),
        QStringLiteral("end"),         QStringLiteral("quit"),        QStringLiteral("revoke"),      QStringLiteral("optout"),
        QStringLiteral("remove"),      QStringLiteral("baja"),        QStringLiteral("alto"),        QStringLiteral("para"),
        QStringLiteral("parar"),       QStringLiteral("paren"),       QStringLiteral("basta"),       QStringLiteral("cancelar"),
        QStringLiteral("detener"),     QStringLiteral("detente"),     QStringLiteral("desuscribir"), QStringLiteral("desuscribirme"),
    };
    return words;
}

// The phrases of rule 2, on one folded sentence. Each says why it is there.
struct Phrase
{
    QRegularExpression re;
    bool negatable; // a negation just before it undoes it ("don't stop sending")
};

const QList<Phrase> &phrases()
{
    static const QString texts = QStringLiteral("(texts?|txts?|messages?|msgs?|sms|smss|spam|alerts?|promos?|promotions?|marketing|ads|offers|notifications)");
    static const QString determiner = QStringLiteral("(the|these|this|those|your|ur|all|any|all of these|all these|all the|of these|of the)");
    static const QString mensajes = QStringLiteral("(mensajes|mensajitos|textos|sms|promociones|publicidad|ofertas|alertas|notificaciones)");
    const auto re = [](const QString &pattern) { return QRegularExpression(pattern); };
    static const QList<Phrase> list{
        // "stop texting me", "quit messaging us", "please stop sending", "can you stop contacting me"
        {re(QStringLiteral("\\b(stop|quit|cease|end)( (sending|texting|txting|messaging|msging|contacting|calling|spamming|bugging|harassing))\\b")), true},
        // "stop receiving these texts", "how do I stop getting your messages"
        {re(QStringLiteral("\\b(stop|quit|end)( (receiving|recieving|getting))( %1)? %2\\b").arg(determiner, texts)), true},
        // "stop the texts", "no more messages", "enough of these texts", "end all messages", "please
        // discontinue any further texts" (the reply in Epps v. Earth Fare, C.D. Cal. 2017)
        {re(QStringLiteral("\\b(stop|no more|enough|end|discontinue|cease)( (with|of))?( %1)?( (further|more))? %2\\b").arg(determiner, texts)), true},
        // "end my subscription", "stop this subscription"
        {re(QStringLiteral("\\b(stop|end|terminate|discontinue|quit)( (my|the|this|your|ur|these))? (subscription|subscriptions)\\b")), true},
        // "don't text me anymore", "do not contact me", "never text me again", "stop messaging this number"
        {re(QStringLiteral("\\b(dont|do not|never|no longer)( ever)? (text|txt|message|msg|sms|contact|send|call|spam)( (me|us|this number|my number|this phone|my phone))( (anymore|any more|again|ever|no more|please|pls|plz|thanks|thank you|at all|here|period))*$")), false},
        // "don't send me any more texts", "never send me these messages"
        {re(QStringLiteral("\\b(dont|do not|never|stop|quit)( ever)? (send|sending) (me|us|this number)( (any|anymore|any more|more|no more|%1))* %2\\b").arg(determiner, texts)), false},
        // "remove me from this list", "delete my number", "erase my info"
        {re(QStringLiteral("\\b(remove|delete|erase|drop|take out) (me|us|my number|my phone number|my phone|my cell|this number|my info|my contact info|my information|my details)\\b")), true},
        // "take me off your list", "take my number off"
        {re(QStringLiteral("\\btake (me|us|my number|my phone number|this number|my info|my contact info|my name) off\\b")), true},
        // "opt me out", "opt this number out"
        {re(QStringLiteral("\\bopt (me|us|my number|this number|my phone) out\\b")), true},
        // "unsubscribe" in any spelling, "opt out", "revoke", "stopall": rule 3
        {re(QStringLiteral("\\b(unsub|unsubs\\w*|unsubc\\w*|unsuscri\\w*|optout|revoke|revoking|stopall)\\b")), true},
        // "I don't want these texts", "we no longer wish to receive your messages"
        {re(QStringLiteral("\\b(i|we)( really)? (dont|do not|no longer|never)( want| wish| need)( to)?( (get|receive|recieve|keep getting|keep receiving))?( %1)?( more| any more)? %2\\b").arg(determiner, texts)), false},
        // "cancel my subscription", "cancel these texts", "cancel text messages"
        {re(QStringLiteral("\\bcancel( (my|the|these|this|your|ur|all|all the|all these))?( text)? (subscription|subscriptions|%1)\\b").arg(texts)), true},
        // "leave me alone", "wrong number", "I never signed up for this": a person telling a
        // stranger to stop, which a reasonable person would take for a revocation
        {re(QStringLiteral("\\bleave (me|us) alone\\b")), true},
        {re(QStringLiteral("\\bwrong (number|person|phone)\\b")), false},
        {re(QStringLiteral("\\b(never|didnt|did not) (signed|sign|subscribed|subscribe|opted|opt) (up|in|for)\\b")), false},
        // Spanish. "no me envíes más mensajes", "no me manden mensajes", "no me escriban más", "no
        // me escribas" (as the end of its sentence); not "no me envíes el código".
        {re(QStringLiteral("\\bno (me |nos )?(envies|envie|envien|enviar|mandes|mande|manden|mandar|escribas|escriba|escriban|contactes|contacte|contacten|molesten|molestes|llamen|llames)( (mas|nunca mas))?( %1)?( (por favor|porfa|gracias))*$").arg(mensajes)), false},
        {re(QStringLiteral("\\bno (me |nos )?(envies|envie|envien|enviar|mandes|mande|manden|mandar|escribas|escriba|escriban|contactes|contacte|contacten) (mas|nunca mas|%1)\\b").arg(mensajes)), false},
        // "dejen de enviarme mensajes", "deja de escribirme", "para de mandarme mensajes"
        {re(QStringLiteral("\\b(deja|dejen|deje|dejes|dejar|para|paren|pare|parar|deten|detengan|detener) de (enviar|mandar|escribir|contactar|molestar|llamar)(me|nos)?\\b")), true},
        // "basta de mensajes", "alto a los mensajes", "no más mensajes"
        {re(QStringLiteral("\\b(basta|alto|no mas|ya no mas)( (de|a|con|ya))?( (los|las|tus|sus|estos|estas))? %1\\b").arg(mensajes)), true},
        // "darme de baja", "dame de baja", "quiero dar de baja mi número"
        {re(QStringLiteral("\\b(da|dar|darme|dame|denme|deme|darnos|doy|den|des|dan|dando|darse) de baja\\b")), true},
        // "cancelar suscripción", "cancelar mi suscripción", "anular los mensajes"; not "cancelar mi pedido"
        {re(QStringLiteral("\\b(cancelar|cancela|cancelen|cancele|anular|anula|anulen)( (mi|la|las|los|tu|su|esta|estas|estos|este|mis|sus))? (suscripcion|suscripciones|subscripcion|%1)\\b").arg(mensajes)), true},
        // "sácame de la lista", "bórrenme", "eliminen mi número"
        {re(QStringLiteral("\\b(sacame|saquenme|sacarme|saqueme|quitame|quitenme|quiteme|quitarme|eliminame|eliminenme|elimineme|eliminarme|borrame|borrenme|borreme|borrarme)\\b")), true},
        {re(QStringLiteral("\\b(saca|saquen|sacar|quita|quiten|quitar|elimina|eliminen|eliminar|borra|borren|borrar) (mi numero|mi telefono|mi celular|mis datos)\\b")), true},
        // "ya no quiero recibir mensajes", "no quiero más mensajes", "no deseo recibir sus promociones"
        {re(QStringLiteral("\\bno (quiero|deseo|quisiera|queremos)( (recibir|mas|seguir recibiendo|que me envien|que me manden))+( (sus|tus|estos|estas|los|las|mas))* %1\\b").arg(mensajes)), false},
        {re(QStringLiteral("\\bno (quiero|deseo|queremos) (mas|recibir) %1\\b").arg(mensajes)), false},
        // "desuscribirme", "desinscribirme" in any sentence
        {re(QStringLiteral("\\b(desuscrib\\w*|desinscrib\\w*|desubscrib\\w*)\\b")), true},
        {re(QStringLiteral("\\bnumero equivocado\\b")), false},
    };
    return list;
}

// Whether a negation sits in the two words before `at` ("don't stop sending", "I can't stop
// texting my friends about this", "no dejes de enviarme").
bool negated(const QString &sentence, qsizetype at)
{
    static const QSet<QString> negations{QStringLiteral("no"),    QStringLiteral("not"),      QStringLiteral("dont"),
                                         QStringLiteral("doesnt"), QStringLiteral("didnt"),   QStringLiteral("never"),
                                         QStringLiteral("wont"),  QStringLiteral("cant"),     QStringLiteral("cannot"),
                                         QStringLiteral("shouldnt"), QStringLiteral("wouldnt"), QStringLiteral("nunca"),
                                         QStringLiteral("ni"),    QStringLiteral("jamas")};
    const QStringList before = sentence.left(at).split(u' ', Qt::SkipEmptyParts);
    for (qsizetype i = std::max<qsizetype>(0, before.size() - 2); i < before.size(); ++i)
        if (negations.contains(before[i]))
            return true;
    return false;
}

bool sentenceRevokes(const QString &sentence)
{
    // Rule 1: a keyword alone, courtesy aside ("stop it" too, and "STOP STOP STOP").
    QStringList rest;
    for (const QString &w : sentence.split(u' '))
        if (!courtesy().contains(w))
            rest.append(w);
    rest.removeDuplicates();
    if (rest.size() == 1 && optOutWords().contains(rest.constFirst()))
        return true;
    if (rest.size() == 2 && rest[0] == QLatin1String("stop")
        && (rest[1] == QLatin1String("it") || rest[1] == QLatin1String("this") || rest[1] == QLatin1String("that")))
        return true;
    if (rest == QStringList{QStringLiteral("no"), QStringLiteral("mas")})
        return true;
    // Rules 2 and 3.
    for (const Phrase &p : phrases()) {
        QRegularExpressionMatchIterator it = p.re.globalMatch(sentence);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            if (!p.negatable || !negated(sentence, m.capturedStart()))
                return true;
        }
    }
    return false;
}

} // namespace

Keyword classify(QStringView text)
{
    const QStringList parts = sentences(text);
    for (const QString &s : parts)
        if (sentenceRevokes(s))
            return Keyword::OptOut;
    // The whole message, one word, nothing else.
    if (parts.size() != 1 || parts.constFirst().contains(u' '))
        return Keyword::Other;
    const QString &word = parts.constFirst();
    if (word == QLatin1String("start") || word == QLatin1String("yes") || word == QLatin1String("unstop"))
        return Keyword::OptIn;
    if (word == QLatin1String("help") || word == QLatin1String("info") || word == QLatin1String("ayuda"))
        return Keyword::Help;
    return Keyword::Other;
}

QLatin1StringView keywordName(Keyword keyword)
{
    switch (keyword) {
    case Keyword::OptOut:
        return QLatin1StringView("opt-out");
    case Keyword::OptIn:
        return QLatin1StringView("opt-in");
    case Keyword::Help:
        return QLatin1StringView("help");
    case Keyword::Other:
        break;
    }
    return QLatin1StringView("other");
}

std::optional<Keyword> keywordFromName(QStringView name)
{
    for (Keyword k : {Keyword::Other, Keyword::OptOut, Keyword::OptIn, Keyword::Help})
        if (name == keywordName(k))
            return k;
    return std::nullopt;
}

} // namespace lux::sms
