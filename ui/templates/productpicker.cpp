// SPDX-License-Identifier: GPL-3.0-or-later
#include "productpicker.h"

#include "channels/woocommerce/productcard.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include "common/dbtask.h"

#include <QItemSelectionModel>

namespace lux::ui {

using storage::ScopedConnection;

using channels::woo::Product;
using channels::woo::ProductCard;
using channels::woo::ProductStore;

namespace {

QString stockText(const QString &status)
{
    if (status == QLatin1String("instock"))
        return ProductPicker::tr("In stock");
    if (status == QLatin1String("outofstock"))
        return ProductPicker::tr("Out of stock");
    if (status == QLatin1String("onbackorder"))
        return ProductPicker::tr("On backorder");
    return status;
}

} // namespace

ProductPicker::ProductPicker(QString databasePath, QWidget *parent)
    : QDialog(parent), m_databasePath(std::move(databasePath)), m_search(new QLineEdit(this)), m_table(new QTableWidget(0, 4, this)), m_status(new QLabel(this)),
      m_debounce(new QTimer(this))
{
    setWindowTitle(tr("Insert a product"));
    resize(720, 480);
    m_search->setPlaceholderText(tr("Search by name, SKU or category"));
    m_search->setClearButtonEnabled(true);
    m_table->setHorizontalHeaderLabels({tr("Product"), tr("SKU"), tr("Price"), tr("Stock")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Insert"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(150);
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_debounce, &QTimer::timeout, this, &ProductPicker::refresh);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, &QDialog::accept);
    auto enableOk = [this, buttons] { buttons->button(QDialogButtonBox::Ok)->setEnabled(selected().has_value()); };
    connect(m_table, &QTableWidget::itemSelectionChanged, this, enableOk);

    refresh();
    enableOk();
}

void ProductPicker::refresh()
{
    struct Found
    {
        QList<Product> products;
        QString currency;
    };
    const QString words = m_search->text();
    const int asked = ++m_searches;
    runOnDatabase<Result<Found>>(
        this, m_databasePath, ScopedConnection::Mode::ReadOnly,
        [words](QSqlDatabase &db) -> Result<Found> {
            const ProductStore store(db);
            auto found = store.search(words, 500);
            if (!found)
                return found.error();
            const auto state = store.state();
            return Found{std::move(*found), state ? state->currency : QString()};
        },
        [this, asked, words](const Result<Found> &found) {
            if (asked != m_searches)
                return; // a later search is under way
            m_currency = found ? found->currency : QString();
            showProducts(found ? found->products : QList<Product>(), found ? QString() : found.error().message, words);
        });
}

void ProductPicker::showProducts(const QList<Product> &products, const QString &error, const QString &words)
{
    m_products = products;
    m_table->setRowCount(int(m_products.size()));
    for (int i = 0; i < m_products.size(); ++i) {
        const Product &p = m_products[i];
        QString price = ProductCard::formatPrice(p.price, m_currency);
        if (p.onSale && !p.regularPrice.isEmpty())
            price = tr("%1 (was %2)").arg(price, ProductCard::formatPrice(p.regularPrice, m_currency));
        m_table->setItem(i, 0, new QTableWidgetItem(p.name));
        m_table->setItem(i, 1, new QTableWidgetItem(p.sku));
        m_table->setItem(i, 2, new QTableWidgetItem(price));
        m_table->setItem(i, 3, new QTableWidgetItem(stockText(p.stockStatus)));
    }
    if (!error.isEmpty())
        m_status->setText(error);
    else if (m_products.isEmpty() && words.trimmed().isEmpty())
        m_status->setText(tr("No products synced yet: set up WooCommerce and run luxctl woo sync."));
    else
        m_status->setText(tr("%n product(s)", nullptr, int(m_products.size())));
    if (!m_products.isEmpty())
        m_table->selectRow(0);
}

std::optional<Product> ProductPicker::selected() const
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_products.size() || m_table->selectedItems().isEmpty())
        return std::nullopt;
    return m_products[row];
}

QString ProductPicker::cardHtml() const
{
    const auto p = selected();
    return p ? ProductCard::html(*p, m_currency) : QString();
}

QList<Product> ProductPicker::selectedProducts() const
{
    QList<Product> out;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows)
        if (row.row() >= 0 && row.row() < m_products.size())
            out << m_products.at(row.row());
    return out;
}

QList<Product> ProductPicker::pickSeveral(const QString &databasePath, QWidget *parent)
{
    ProductPicker dialog(databasePath, parent);
    dialog.setWindowTitle(tr("Products for the Campaign"));
    dialog.m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    if (dialog.exec() != QDialog::Accepted)
        return {};
    return dialog.selectedProducts();
}

std::optional<QString> ProductPicker::pick(const QString &databasePath, QWidget *parent)
{
    ProductPicker dialog(databasePath, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    const QString html = dialog.cardHtml();
    if (html.isEmpty())
        return std::nullopt;
    return html;
}

} // namespace lux::ui
