#pragma once

#include <QStringList>

class QPlainTextEdit;
class QTabBar;
class QTableWidget;

// What the request and response views share, so that the two sides of an exchange look and
// behave alike: a tab a webhook, a table of headers and a body to read.
namespace Kanca::ExchangeParts {

// A tab a webhook, shown only when there are several.
void setUpTabs(QTabBar *tabs);
// One tab a title, the current one kept where it still is (else the last); no signal is sent.
void showTabs(QTabBar *tabs, const QStringList &titles);
// Name and value columns in the fixed-width font, rows selected whole, nothing editable.
void setUpHeaders(QTableWidget *headers);
// Read-only text in the fixed-width font that can be selected and copied; Tab leaves it.
void setUpBody(QPlainTextEdit *body);

} // namespace Kanca::ExchangeParts
