#include "preview/RequestView.h"

#include "editing/PrettyJson.h"
#include "preview/ExchangeParts.h"

#include <QEvent>
#include <QFontDatabase>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTabBar>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Kanca {

RequestView::RequestView(QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabBar(this))
    , m_requestLine(new QLineEdit(this))
    , m_message(new QLabel(this))
    , m_headers(new QTableWidget(0, 2, this))
    , m_bodyNote(new QLabel(this))
    , m_body(new QPlainTextEdit(this))
{
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);

    m_tabs->setObjectName(QStringLiteral("previewActionTabs"));
    ExchangeParts::setUpTabs(m_tabs);

    m_requestLine->setObjectName(QStringLiteral("previewRequestLine"));
    m_requestLine->setReadOnly(true);
    m_requestLine->setFont(fixed);

    m_message->setObjectName(QStringLiteral("previewRequestMessage"));
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setVisible(false);

    m_headers->setObjectName(QStringLiteral("previewHeaders"));
    ExchangeParts::setUpHeaders(m_headers);

    m_bodyNote->setObjectName(QStringLiteral("previewBodyNote"));
    m_bodyNote->setWordWrap(true);
    m_bodyNote->setTextFormat(Qt::PlainText);
    m_bodyNote->setVisible(false);

    m_body->setObjectName(QStringLiteral("previewBody"));
    ExchangeParts::setUpBody(m_body);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    layout->addWidget(m_requestLine);
    layout->addWidget(m_message);
    layout->addWidget(m_headers, 1);
    layout->addWidget(m_bodyNote);
    layout->addWidget(m_body, 2);

    connect(m_tabs, &QTabBar::currentChanged, this, &RequestView::showCurrent);

    retranslateUi();
    setMessage(QString());
}

RequestView::~RequestView() = default;

void RequestView::setRequests(const QList<PlannedAction> &requests)
{
    m_requests = requests;
    m_messageText.clear();
    updateTabs();
    showCurrent();
}

void RequestView::setMessage(const QString &message)
{
    m_requests.clear();
    m_messageText = message;
    updateTabs();
    showCurrent();
}

void RequestView::setShowSecrets(bool show)
{
    if (show == m_showSecrets)
        return;
    m_showSecrets = show;
    showCurrent();
}

const PlannedAction *RequestView::currentRequest() const
{
    const int index = currentAction();
    if (index < 0 || index >= m_requests.size() || !m_requests.at(index).rendered)
        return nullptr;
    return &m_requests.at(index);
}

int RequestView::currentAction() const
{
    if (m_requests.isEmpty())
        return -1;
    return std::clamp(m_tabs->currentIndex(), 0, int(m_requests.size()) - 1);
}

QWidget *RequestView::firstFocusWidget() const
{
    return m_tabs;
}

QWidget *RequestView::lastFocusWidget() const
{
    return m_body;
}

void RequestView::updateTabs()
{
    QStringList titles;
    for (qsizetype i = 0; i < m_requests.size(); ++i)
        titles.append(tr("Webhook %1").arg(i + 1));
    ExchangeParts::showTabs(m_tabs, titles);
}

void RequestView::showCurrent()
{
    const int index = currentAction();
    const PlannedAction *preview = index >= 0 ? &m_requests.at(index) : nullptr;
    QString message = m_messageText;
    if (preview && !preview->rendered)
        message = tr("This webhook cannot be rendered until the problems above are fixed.");
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());

    const bool shown = preview && preview->rendered;
    m_requestLine->setVisible(shown);
    m_headers->setVisible(shown);
    m_body->setVisible(shown);
    if (!shown) {
        m_requestLine->clear();
        m_headers->setRowCount(0);
        m_body->clear();
        m_bodyNote->setVisible(false);
        return;
    }
    const QString line = preview->request.method + u' ' + preview->request.url;
    if (line != m_requestLine->text()) {
        m_requestLine->setText(line);
        m_requestLine->setCursorPosition(0);
    }
    showHeaders(*preview);
    showBody(*preview);
}

void RequestView::showHeaders(const PlannedAction &preview)
{
    struct Row
    {
        QString name;
        QString value;
        bool secret = false;
        bool missing = false;
    };
    QList<Row> rows;
    for (const RenderedRequest::Header &header : preview.request.headers) {
        const bool masked = header.secret && !m_showSecrets;
        rows.append({header.name, masked ? RenderedRequest::masked(header.value) : header.value,
                     header.secret, false});
    }
    for (const MissingSecret &missing : preview.missingSecrets) {
        if (missing.use == MissingSecret::Use::Auth) {
            rows.append(
                {missing.headerName, tr("no value yet (secret %1)").arg(missing.name), true, true});
        }
    }

    m_headers->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        const Row &row = rows.at(r);
        auto *name = new QTableWidgetItem(row.name);
        auto *value = new QTableWidgetItem(row.value);
        if (row.missing) {
            QFont italic = m_headers->font();
            italic.setItalic(true);
            value->setFont(italic);
            value->setForeground(palette().brush(QPalette::PlaceholderText));
            value->setToolTip(tr("Set the secret in the action's authentication section."));
        } else if (row.secret) {
            value->setToolTip(m_showSecrets ? tr("A secret, shown because Show secrets is on.")
                                            : tr("A secret: turn on Show secrets to see it."));
        } else {
            value->setToolTip(row.value);
        }
        m_headers->setItem(r, 0, name);
        m_headers->setItem(r, 1, value);
    }
}

void RequestView::showBody(const PlannedAction &preview)
{
    const QByteArray &body = preview.request.body;
    QString text;
    QString note;
    if (body.isEmpty()) {
        note = tr("The request has no body.");
    } else if (body.size() > MaxShownBody) {
        text = QString::fromUtf8(body.left(MaxShownBody));
        note = tr("The body is %1; the first %2 are shown.")
                   .arg(QLocale().formattedDataSize(body.size()),
                        QLocale().formattedDataSize(MaxShownBody));
    } else if (const auto json = prettyJson(body);
               json && preview.request.headerValue(u"Content-Type").contains(u"json")) {
        text = *json;
    } else {
        text = QString::fromUtf8(body);
    }
    m_bodyNote->setText(note);
    m_bodyNote->setVisible(!note.isEmpty());
    if (text != m_body->toPlainText()) {
        const int scroll = m_body->verticalScrollBar()->value();
        m_body->setPlainText(text);
        m_body->verticalScrollBar()->setValue(
            std::min(scroll, m_body->verticalScrollBar()->maximum()));
    }
}

void RequestView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void RequestView::retranslateUi()
{
    m_tabs->setAccessibleName(tr("Webhooks of the rule"));
    for (int i = 0; i < m_tabs->count(); ++i)
        m_tabs->setTabText(i, tr("Webhook %1").arg(i + 1));
    m_requestLine->setAccessibleName(tr("Method and URL"));
    m_headers->setHorizontalHeaderLabels({tr("Header"), tr("Value")});
    m_headers->setAccessibleName(tr("Request headers"));
    m_body->setAccessibleName(tr("Request body"));
    m_body->setPlaceholderText(tr("No body"));
    showCurrent();
}

} // namespace Kanca
