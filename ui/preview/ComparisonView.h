#pragma once

#include "sendtest/ReceivedCheck.h"

#include <QMap>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTabBar;
class QTableWidget;

namespace Kanca {

// What was sent beside what arrived at webhook.site or the local catcher, for each delivery of a
// test (a tab each when there are several): whether everything arrived byte for byte, the
// signature checked with the rule's secret, a table of the method, the path and query and every
// header (sent, received, and the verdict), and the two bodies side by side with the first
// difference selected. Secret header values are masked in both columns.
class ComparisonView final : public QWidget
{
    Q_OBJECT

public:
    explicit ComparisonView(QWidget *parent = nullptr);
    ~ComparisonView() override;

    void clear();
    void showChecking(int index, const QString &where);
    void showFailed(int index, const QString &where, const QString &message);
    void showResult(int index, const ReceivedCheck::Result &result);

    bool isEmpty() const { return m_entries.isEmpty(); }
    // The summary line of the entry shown ("✓ Arrived byte for byte"), for tests.
    QString summaryText() const;
    QString signatureText() const;
    QTableWidget *table() const { return m_table; }
    QString sentBody() const;
    QString receivedBody() const;

    static QString verdictText(RequestComparison::Verdict verdict);

Q_SIGNALS:
    // An entry was updated; the text sums up every entry ("✓", "✗", "…") for a tab title.
    void stateChanged(const QString &mark);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Entry
    {
        enum class State { Checking, Failed, Done } state = State::Checking;
        QString where;
        QString message;
        ReceivedCheck::Result result;
    };

    void retranslateUi();
    void showCurrent();
    void updateTabs();
    // The table and the bodies: shown once there is a comparison.
    void setDetailsVisible(bool visible);
    void showBodies(const ReceivedCheck::Result &result);

    QTabBar *m_tabs;
    QLabel *m_title;
    QLabel *m_summary;
    QLabel *m_signature;
    QTableWidget *m_table;
    QLabel *m_bodyNote;
    QLabel *m_sentLabel;
    QLabel *m_receivedLabel;
    QPlainTextEdit *m_sentBody;
    QPlainTextEdit *m_receivedBody;
    QMap<int, Entry> m_entries;
};

} // namespace Kanca
