#pragma once

#include "dispatch/DispatchPlan.h"

#include <QList>
#include <QString>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTabBar;
class QTableWidget;

namespace Kanca {

// The exact request of each action of the previewed rule: the method and URL, the headers
// (secret values masked unless shown), and the body (JSON indented, nothing else changed). With
// several actions a tab bar picks the one shown. Updating keeps the chosen action and the body's
// scroll position, so it can follow typing.
class RequestView final : public QWidget
{
    Q_OBJECT

public:
    // Bodies longer than this are shown cut, with a note: showing is the slow part.
    static constexpr qsizetype MaxShownBody = 256 * 1024;

    explicit RequestView(QWidget *parent = nullptr);
    ~RequestView() override;

    void setRequests(const QList<PlannedAction> &requests);
    // Nothing to show, and why.
    void setMessage(const QString &message);

    void setShowSecrets(bool show);
    bool showSecrets() const { return m_showSecrets; }

    // The request shown (nullptr when none is rendered).
    const PlannedAction *currentRequest() const;
    int currentAction() const;

    QWidget *firstFocusWidget() const;
    QWidget *lastFocusWidget() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateTabs();
    void showCurrent();
    void showHeaders(const PlannedAction &preview);
    void showBody(const PlannedAction &preview);

    QTabBar *m_tabs;
    QLineEdit *m_requestLine;
    QLabel *m_message;
    QTableWidget *m_headers;
    QLabel *m_bodyNote;
    QPlainTextEdit *m_body;
    QList<PlannedAction> m_requests;
    QString m_messageText;
    bool m_showSecrets = false;
};

} // namespace Kanca
