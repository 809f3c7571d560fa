#pragma once

#include <QDialog>
#include <QUrl>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace Kanca {
class ProblemLabel;
}

namespace Kanca {

// webhook.site's settings: the base URL (for a self-hosted webhook.site; empty for
// https://webhook.site) and the optional API key, sent as the Api-Key header. OK is refused,
// with the reason shown, while the base URL is not an http or https URL with a host.
class WebhookSiteDialog final : public QDialog
{
    Q_OBJECT

public:
    WebhookSiteDialog(const QUrl &baseUrl, const QString &apiKey, QWidget *parent = nullptr);

    QUrl baseUrl() const; // empty: the default
    QString apiKey() const;

    // Why the base URL typed cannot be used; empty when it can.
    static QString baseUrlProblem(const QString &text);

private:
    void validate();

    QLineEdit *m_baseUrl;
    QLineEdit *m_apiKey;
    ProblemLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace Kanca
