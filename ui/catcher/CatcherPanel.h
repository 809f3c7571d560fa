#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class QTableWidget;
class QToolButton;

namespace Kanca {

class CaughtRequestModel;
class RuleSetDocument;
class SecretStore;
class TestEndpoints;
struct CaughtRequest;

// The local catcher in the designer: start and stop it (on 127.0.0.1, at a port or any free
// one), copy its URL, set how it answers (status, delay, Retry-After, body) to rehearse retries,
// timeouts and 429, and watch every request it receives, live: time, method, path, size, the
// signature checked with the current rule's secret, and the answer it got; the selected one's
// headers and body (pretty-printed when JSON) below.
class CatcherPanel final : public QWidget
{
    Q_OBJECT

public:
    CatcherPanel(TestEndpoints *endpoints, RuleSetDocument *document, SecretStore *secrets,
                 QWidget *parent = nullptr);
    ~CatcherPanel() override;

    QTableView *requestList() const { return m_list; }
    QString statusText() const; // "Listening at …" / "Stopped"
    QString shownBody() const;  // the selected request's body as shown
    QString signatureNote() const;

    void start(); // with the port set; says why when it cannot
    void stop();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateState();
    void updateCount();
    void applyResponse();
    void updateVerifier();
    void showSelected();
    void showRequest(const CaughtRequest *request);

    TestEndpoints *m_endpoints;
    RuleSetDocument *m_document;
    SecretStore *m_secrets;
    CaughtRequestModel *m_model;

    QPushButton *m_startStop;
    QLabel *m_portLabel;
    QSpinBox *m_port;
    QLineEdit *m_url;
    QToolButton *m_copyUrl;
    QToolButton *m_clear;
    QLabel *m_state;
    QLabel *m_answerLabel;
    QSpinBox *m_status;
    QLabel *m_delayLabel;
    QSpinBox *m_delay;
    QLabel *m_retryAfterLabel;
    QLineEdit *m_retryAfter;
    QLabel *m_bodyLabel;
    QLineEdit *m_responseBody;
    QCheckBox *m_verify;
    QLabel *m_verifyNote;
    QLabel *m_count;
    QTableView *m_list;
    QTableWidget *m_headers;
    QPlainTextEdit *m_body;
    QString m_startError;
};

} // namespace Kanca
