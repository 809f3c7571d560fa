#include "preview/ExchangeParts.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QPlainTextEdit>
#include <QSignalBlocker>
#include <QTabBar>
#include <QTableWidget>

#include <algorithm>

namespace Kanca::ExchangeParts {

void setUpTabs(QTabBar *tabs)
{
    tabs->setDrawBase(false);
    tabs->setExpanding(false);
    tabs->setVisible(false);
}

void showTabs(QTabBar *tabs, const QStringList &titles)
{
    const QSignalBlocker blocker(tabs);
    const int current = tabs->currentIndex();
    while (tabs->count() > titles.size())
        tabs->removeTab(tabs->count() - 1);
    while (tabs->count() < titles.size())
        tabs->addTab(QString());
    for (int i = 0; i < tabs->count(); ++i)
        tabs->setTabText(i, titles.at(i));
    if (tabs->count() > 0)
        tabs->setCurrentIndex(std::clamp(current, 0, tabs->count() - 1));
    tabs->setVisible(titles.size() > 1);
}

void setUpHeaders(QTableWidget *headers)
{
    headers->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    headers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    headers->setSelectionBehavior(QAbstractItemView::SelectRows);
    headers->setTabKeyNavigation(false);
    headers->verticalHeader()->setVisible(false);
    headers->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    headers->horizontalHeader()->setStretchLastSection(true);
    headers->setWordWrap(false);
}

void setUpBody(QPlainTextEdit *body)
{
    body->setReadOnly(true);
    body->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    body->setTabChangesFocus(true);
    body->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
}

} // namespace Kanca::ExchangeParts
