// SPDX-License-Identifier: GPL-3.0-or-later
// LUX in the template editor (issue 16), on a real database with a synced catalogue and the fake
// OpenAI server over loopback: a draft from a brief lands as an unsaved edit that passes the checks,
// with the brand kit's colours and the store's prices; a wrong price written by hand is caught by the
// product-fact guard, listed with the real price and underlined in the source; a product card from
// the store. Screenshots (template-lux-draft.png, template-product-card.png) go to $LUX_SCREENSHOT_DIR.
#include "channels/woocommerce/productcard.h"
#include "channels/woocommerce/productstore.h"
#include "content/templatestore.h"
#include "dialogguard.h"
#include "fakeopenai.h"
#include "preview/previewwidget.h"
#include "sessionfixture.h"
#include "templates/templatespage.h"

#include <QJsonArray>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace lux;
using lux::fakes::FakeOpenAI;

namespace {

channels::woo::Product product(qint64 id, const QString &name, const QString &sku, const QString &price, const QString &regular = {})
{
    channels::woo::Product p;
    p.wooId = id;
    p.name = name;
    p.sku = sku;
    p.price = price;
    p.regularPrice = regular.isEmpty() ? price : regular;
    p.salePrice = regular.isEmpty() ? QString() : price;
    p.onSale = !regular.isEmpty();
    p.stockStatus = QStringLiteral("instock");
    p.permalink = QStringLiteral("https://shop.example/p/%1").arg(id);
    p.images = QJsonArray{QJsonObject{{QStringLiteral("src"), QStringLiteral("https://shop.example/img/%1.jpg").arg(id)}}};
    p.dateModifiedGmt = QStringLiteral("2026-11-01T09:00:00");
    return p;
}

} // namespace

class TestTemplateLux : public QObject
{
    Q_OBJECT

    struct Fixture : test::SessionFixture
    {
        FakeOpenAI ai;
        Fixture()
        {
            QVERIFY(ai.listen());
            QVERIFY(content::TemplateStore(data.db())
                        .saveBrandKit(QStringLiteral("Acme"),
                                      QJsonObject{{QStringLiteral("primary_color"), QStringLiteral("#0b5fff")},
                                                  {QStringLiteral("secondary_color"), QStringLiteral("#ff6a00")},
                                                  {QStringLiteral("font_family"), QStringLiteral("Georgia, serif")},
                                                  {QStringLiteral("address"), QStringLiteral("1 Main St, Springfield")}},
                                      true, std::nullopt));
            channels::woo::ProductStore store(data.db());
            QVERIFY(store.upsert({product(11, QStringLiteral("Aurora Desk Lamp"), QStringLiteral("AUR-DL-01"), QStringLiteral("49.90")),
                                  product(12, QStringLiteral("Nimbus Floor Lamp"), QStringLiteral("NIM-FL-02"), QStringLiteral("89.00"),
                                          QStringLiteral("119.00"))},
                                 QDateTime::currentMSecsSinceEpoch()));
            channels::woo::SyncState state;
            state.storeUrl = QStringLiteral("https://shop.example");
            state.currency = QStringLiteral("EUR");
            QVERIFY(store.saveState(state));
            QVERIFY(setDatabaseSetting(Settings::Key::OpenAiBaseUrl, ai.baseUrl().toString()));
            qputenv("LUX_SECRET_OPENAI_API_KEY", ai.apiKey().toUtf8());
            QVERIFY(openSession(false));
        }
    };

    static void waitLoaded(ui::TemplatesPage &page)
    {
        page.resize(1400, 860);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTRY_VERIFY(!page.isBusy());
    }
    static void saveShot(ui::TemplatesPage *w, const QString &name)
    {
        QTRY_VERIFY_WITH_TIMEOUT(!w->preview()->isRendering() && w->preview()->documentHeight() > 200, 10'000);
        QTest::qWait(100);
        const QPixmap shot = w->grab();
        QVERIFY(!shot.isNull());
        if (const QString dir = qEnvironmentVariable("LUX_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(shot.save(dir + u'/' + name));
    }

private Q_SLOTS:
    void draftLandsAsAnUncheckedEdit()
    {
        Fixture f;
        ui::TemplatesPage page(f.session);
        waitLoaded(page);
        page.newTemplate();
        page.draftFromBrief(QStringLiteral("Lamps for the darker evenings"));
        QTRY_VERIFY_WITH_TIMEOUT(page.editor()->toPlainText().contains(QStringLiteral("Aurora Desk Lamp")), 20'000);
        QVERIFY(page.isModified()); // an edit, not saved
        QVERIFY(content::TemplateStore(f.db()).list().isEmpty());
        const QString html = page.editor()->toPlainText();
        QVERIFY(html.contains(QStringLiteral("#0b5fff")));
        QVERIFY(html.contains(QStringLiteral("€49.90")) || html.contains(QStringLiteral("49,90")));
        QVERIFY2(page.facts().isEmpty(), qPrintable(page.facts().value(0).message));
        // The pre-send checks ran on it: nothing blocks.
        for (int i = 0; i < page.checks()->count(); ++i)
            QVERIFY2(!page.checks()->item(i)->text().contains(QStringLiteral("unsubscribe")), qPrintable(page.checks()->item(i)->text()));
        // Requests went to the ledger (on a worker).
        QTRY_VERIFY([&] {
            QSqlQuery q(f.db());
            return q.exec(QStringLiteral("SELECT count(*) FROM ai_usage")) && q.next() && q.value(0).toInt() >= 2;
        }());
        saveShot(&page, QStringLiteral("template-lux-draft.png"));
    }

    void guardMarksAWrongPrice()
    {
        Fixture f;
        ui::TemplatesPage page(f.session);
        waitLoaded(page);
        page.newTemplate();
        page.setSource(QStringLiteral("<p>The Nimbus Floor Lamp, now €79.00!</p>\n<p>{{brand.address}} <a href=\"{{{unsubscribe_url}}}\">Unsubscribe</a></p>"));
        QCOMPARE(page.facts().size(), 1);
        QCOMPARE(page.facts().first().kind, assistant::FactFinding::Kind::WrongPrice);
        QVERIFY(page.facts().first().message.contains(QStringLiteral("89")));
        bool listed = false;
        for (int i = 0; i < page.checks()->count(); ++i)
            listed = listed || page.checks()->item(i)->text().contains(QStringLiteral("€79.00"));
        QVERIFY(listed);
        const QList<QTextEdit::ExtraSelection> marks = page.editor()->extraSelections();
        QCOMPARE(marks.size(), 1);
        QCOMPARE(marks.first().cursor.selectedText(), QStringLiteral("€79.00"));
        // Fixed: the mark goes.
        page.setSource(QStringLiteral("<p>The Nimbus Floor Lamp, now €89.00!</p>\n<p>{{brand.address}} <a href=\"{{{unsubscribe_url}}}\">Unsubscribe</a></p>"));
        QVERIFY(page.facts().isEmpty());
        QVERIFY(page.editor()->extraSelections().isEmpty());
    }

    void productCardFromTheStore()
    {
        Fixture f;
        ui::TemplatesPage page(f.session);
        waitLoaded(page);
        page.newTemplate();
        const auto nimbus = channels::woo::ProductStore(f.db()).bySku(QStringLiteral("NIM-FL-02"));
        QVERIFY(nimbus);
        const QString card = channels::woo::ProductCard::html(*nimbus, QStringLiteral("EUR"));
        page.setSource(QStringLiteral("<h1 style=\"font-family:Georgia, serif;color:#0b5fff\">Evenings</h1>\n") + card
                       + QStringLiteral("\n<p>{{brand.address}} <a href=\"{{{unsubscribe_url}}}\">Unsubscribe</a></p>"));
        QVERIFY(page.editor()->toPlainText().contains(QStringLiteral("Nimbus Floor Lamp")));
        QVERIFY(page.editor()->toPlainText().contains(QStringLiteral("€89.00")));
        QVERIFY2(page.facts().isEmpty(), qPrintable(page.facts().value(0).message)); // the card states the store's facts
        page.findChild<QLineEdit *>(QStringLiteral("templateName"))->setText(QStringLiteral("Evenings"));
        page.findChild<QLineEdit *>(QStringLiteral("templateSubject"))->setText(QStringLiteral("Evenings: the Nimbus Floor Lamp, now €89.00"));
        page.findChild<QLineEdit *>(QStringLiteral("templatePreheader"))->setText(QStringLiteral("Warm light for the darker months, while stocks last"));
        QTest::qWait(600); // the checks follow the fields after their delay
        QVERIFY2(page.facts().isEmpty(), qPrintable(page.facts().value(0).message)); // the subject's price is the store's too
        page.setPreviewWidth(600);
        saveShot(&page, QStringLiteral("template-product-card.png"));
    }
};

LUX_GUI_TEST_MAIN(TestTemplateLux)
#include "tst_templatelux.moc"
