#include "window/WebhookSiteDialog.h"

#include "action/ProblemLabel.h"
#include "endpoints/WebhookSiteClient.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace Kanca {

WebhookSiteDialog::WebhookSiteDialog(const QUrl &baseUrl, const QString &apiKey, QWidget *parent)
    : QDialog(parent)
    , m_baseUrl(new QLineEdit(this))
    , m_apiKey(new QLineEdit(this))
    , m_problem(new ProblemLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("webhookSiteDialog"));
    setWindowTitle(tr("webhook.site Settings"));
    m_baseUrl->setObjectName(QStringLiteral("webhookSiteBaseUrl"));
    m_apiKey->setObjectName(QStringLiteral("webhookSiteApiKey"));
    m_baseUrl->setPlaceholderText(WebhookSiteClient::defaultBaseUrl().toString());
    if (baseUrl.isValid() && baseUrl != WebhookSiteClient::defaultBaseUrl())
        m_baseUrl->setText(baseUrl.toString());
    m_apiKey->setEchoMode(QLineEdit::PasswordEchoOnEdit);
    m_apiKey->setText(apiKey);
    m_apiKey->setPlaceholderText(tr("none"));

    auto *note = new QLabel(tr("A self-hosted webhook.site (it is open source) works as well as "
                               "the public one. The API key is kept in the system keychain as "
                               "WEBHOOK_SITE_API_KEY."),
                            this);
    note->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Address:"), m_baseUrl);
    form->addRow(tr("API &key:"), m_apiKey);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(note);
    layout->addWidget(m_buttons);

    // Wide enough for its title beside the window buttons, and for an address to be read.
    const QFontMetrics metrics = fontMetrics();
    m_baseUrl->setMinimumWidth(metrics.averageCharWidth() * 36);
    setMinimumWidth(std::max(metrics.averageCharWidth() * 60,
                             metrics.horizontalAdvance(windowTitle()) + 12 * metrics.height()));

    connect(m_baseUrl, &QLineEdit::textChanged, this, &WebhookSiteDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

QUrl WebhookSiteDialog::baseUrl() const
{
    const QString text = m_baseUrl->text().trimmed();
    return text.isEmpty() ? QUrl() : QUrl(text, QUrl::StrictMode);
}

QString WebhookSiteDialog::apiKey() const
{
    return m_apiKey->text().trimmed();
}

QString WebhookSiteDialog::baseUrlProblem(const QString &text)
{
    if (text.trimmed().isEmpty())
        return {};
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid())
        return tr("This is not a URL: %1").arg(url.errorString());
    if (url.scheme() != u"http" && url.scheme() != u"https")
        return tr("The address must start with https:// (or http://).");
    if (url.host().isEmpty())
        return tr("The address has no host name.");
    if (url.hasQuery() || url.hasFragment())
        return tr("The address cannot have a query or a fragment.");
    return {};
}

void WebhookSiteDialog::validate()
{
    const QString problem = baseUrlProblem(m_baseUrl->text());
    m_problem->setMessages(problem.isEmpty() ? QStringList{} : QStringList{problem});
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

} // namespace Kanca
