#pragma once

#include "delivery/Delivery.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QTabBar;
class QTableWidget;

namespace Kanca {

// What came back from a test send, one entry per delivery (a tab each when there are several):
// while sending, a busy bar and each failed attempt that will be retried; then the outcome
// (succeeded or failed), the HTTP status, the time the last attempt took, the response headers
// and body, and the error in words if there was one. Also says why a test was not sent.
class ResponseView final : public QWidget
{
    Q_OBJECT

public:
    static constexpr qsizetype MaxShownBody = 256 * 1024;

    explicit ResponseView(QWidget *parent = nullptr);
    ~ResponseView() override;

    // Nothing sent yet.
    void clear();
    // The test was not sent, and why (each reason a sentence).
    void showNotSent(const QStringList &reasons);
    // A test of `ruleName` started: one delivery per action, in this order.
    void startSending(const QString &ruleName, const QList<int> &actionIndexes);
    void showAttempt(int index, const Attempt &attempt);
    void showFinished(int index, const Delivery &delivery, const Attempt &lastAttempt);
    // Sending stopped before delivery `index` finished (the history could not be written):
    // `status` says what that means for it.
    void showStopped(int index, const QString &status);

    bool isSending() const;
    // The outcome line of the delivery shown ("✓ Succeeded: HTTP 200 in 12 ms").
    QString statusText() const;
    QString errorText() const;
    QString bodyText() const;

    QWidget *firstFocusWidget() const;
    QWidget *lastFocusWidget() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    enum class State { Sending, Retrying, Succeeded, Failed, Stopped };
    struct Entry
    {
        int actionIndex = 0;
        State state = State::Sending;
        Attempt attempt; // the latest one
        int attemptCount = 0;
        QString stoppedStatus; // Stopped
    };

    void retranslateUi();
    void updateTabs();
    void showCurrent();
    QString entryStatus(const Entry &entry) const;

    QLabel *m_title;
    QProgressBar *m_progress;
    QTabBar *m_tabs;
    QLabel *m_status;
    QLabel *m_error;
    QTableWidget *m_headers;
    QLabel *m_bodyNote;
    QPlainTextEdit *m_body;

    QString m_ruleName;
    QDateTime m_sentAt;
    QStringList m_notSent;
    QList<Entry> m_entries;
};

} // namespace Kanca
