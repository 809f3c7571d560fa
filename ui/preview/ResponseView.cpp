#include "preview/ResponseView.h"

#include "editing/PrettyJson.h"
#include "preview/ExchangeParts.h"

#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QTabBar>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Kanca {

ResponseView::ResponseView(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_tabs(new QTabBar(this))
    , m_status(new QLabel(this))
    , m_error(new QLabel(this))
    , m_headers(new QTableWidget(0, 2, this))
    , m_bodyNote(new QLabel(this))
    , m_body(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("previewResponse"));

    m_title->setObjectName(QStringLiteral("previewResponseTitle"));
    m_title->setWordWrap(true);
    m_title->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_title->setTextFormat(Qt::PlainText);

    m_progress->setObjectName(QStringLiteral("previewSendProgress"));
    m_progress->setRange(0, 0); // busy: how long an answer takes is not known
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(m_progress->fontMetrics().height());
    m_progress->setVisible(false);

    m_tabs->setObjectName(QStringLiteral("previewResponseTabs"));
    ExchangeParts::setUpTabs(m_tabs);

    QFont bold = m_status->font();
    bold.setBold(true);
    m_status->setObjectName(QStringLiteral("previewResponseStatus"));
    m_status->setFont(bold);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_error->setObjectName(QStringLiteral("previewResponseError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_headers->setObjectName(QStringLiteral("previewResponseHeaders"));
    ExchangeParts::setUpHeaders(m_headers);

    m_bodyNote->setWordWrap(true);
    m_bodyNote->setTextFormat(Qt::PlainText);

    m_body->setObjectName(QStringLiteral("previewResponseBody"));
    ExchangeParts::setUpBody(m_body);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_progress);
    layout->addWidget(m_tabs);
    layout->addWidget(m_status);
    layout->addWidget(m_error);
    layout->addWidget(m_headers, 1);
    layout->addWidget(m_bodyNote);
    layout->addWidget(m_body, 2);

    connect(m_tabs, &QTabBar::currentChanged, this, &ResponseView::showCurrent);

    retranslateUi();
}

ResponseView::~ResponseView() = default;

void ResponseView::clear()
{
    m_ruleName.clear();
    m_notSent.clear();
    m_entries.clear();
    updateTabs();
    showCurrent();
}

void ResponseView::showNotSent(const QStringList &reasons)
{
    m_notSent = reasons;
    m_entries.clear();
    updateTabs();
    showCurrent();
}

void ResponseView::startSending(const QString &ruleName, const QList<int> &actionIndexes)
{
    m_ruleName = ruleName;
    m_sentAt = QDateTime::currentDateTime();
    m_notSent.clear();
    m_entries.clear();
    for (const int action : actionIndexes)
        m_entries.append({action, State::Sending, Attempt(), 0, QString()});
    updateTabs();
    showCurrent();
}

void ResponseView::showAttempt(int index, const Attempt &attempt)
{
    if (index < 0 || index >= m_entries.size())
        return;
    Entry &entry = m_entries[index];
    entry.attempt = attempt;
    entry.attemptCount = attempt.number;
    switch (attempt.outcome) {
    case Attempt::Outcome::WillRetry:
        entry.state = State::Retrying;
        break;
    case Attempt::Outcome::Succeeded:
        entry.state = State::Succeeded;
        break;
    case Attempt::Outcome::Failed:
        entry.state = State::Failed;
        break;
    }
    updateTabs();
    showCurrent();
}

void ResponseView::showFinished(int index, const Delivery &delivery, const Attempt &lastAttempt)
{
    if (index < 0 || index >= m_entries.size())
        return;
    Entry &entry = m_entries[index];
    entry.attempt = lastAttempt;
    entry.attemptCount = std::max(delivery.attemptCount, lastAttempt.number);
    entry.state = delivery.status == DeliveryStatus::Succeeded ? State::Succeeded : State::Failed;
    if (entry.attempt.error.isEmpty() && entry.state == State::Failed)
        entry.attempt.error = delivery.lastError;
    updateTabs();
    showCurrent();
}

void ResponseView::showStopped(int index, const QString &status)
{
    if (index < 0 || index >= m_entries.size())
        return;
    Entry &entry = m_entries[index];
    entry.state = State::Stopped;
    entry.stoppedStatus = status;
    updateTabs();
    showCurrent();
}

bool ResponseView::isSending() const
{
    return std::any_of(m_entries.cbegin(), m_entries.cend(), [](const Entry &entry) {
        return entry.state == State::Sending || entry.state == State::Retrying;
    });
}

QString ResponseView::statusText() const
{
    return m_status->text();
}

QString ResponseView::errorText() const
{
    return m_error->text();
}

QString ResponseView::bodyText() const
{
    return m_body->toPlainText();
}

QWidget *ResponseView::firstFocusWidget() const
{
    return m_tabs;
}

QWidget *ResponseView::lastFocusWidget() const
{
    return m_body;
}

void ResponseView::updateTabs()
{
    QStringList titles;
    for (const Entry &entry : std::as_const(m_entries)) {
        const QString title = tr("Webhook %1").arg(entry.actionIndex + 1);
        switch (entry.state) {
        case State::Succeeded:
            titles.append(tr("✓ %1").arg(title));
            break;
        case State::Failed:
        case State::Stopped:
            titles.append(tr("✗ %1").arg(title));
            break;
        case State::Sending:
        case State::Retrying:
            titles.append(title);
            break;
        }
    }
    ExchangeParts::showTabs(m_tabs, titles);
    m_progress->setVisible(isSending());
}

QString ResponseView::entryStatus(const Entry &entry) const
{
    const Attempt &attempt = entry.attempt;
    const QString duration = QLocale().toString(attempt.durationMs);
    switch (entry.state) {
    case State::Sending:
        return tr("Sending…");
    case State::Retrying: {
        const QString seconds =
            QLocale().toString(double(attempt.retryDelayMs.value_or(0)) / 1000.0, 'f', 1);
        return attempt.httpStatus ? tr("Attempt %1 failed with HTTP %2; trying again in %3 s…")
                                        .arg(QString::number(attempt.number),
                                             QString::number(*attempt.httpStatus), seconds)
                                  : tr("Attempt %1 failed; trying again in %2 s…")
                                        .arg(QString::number(attempt.number), seconds);
    }
    case State::Succeeded:
        return attempt.httpStatus ? tr("✓ Succeeded: HTTP %1 in %2 ms")
                                        .arg(QString::number(*attempt.httpStatus), duration)
                                  : tr("✓ Succeeded in %1 ms").arg(duration);
    case State::Failed:
        return attempt.httpStatus ? tr("✗ Failed: HTTP %1 in %2 ms")
                                        .arg(QString::number(*attempt.httpStatus), duration)
                                  : tr("✗ Failed in %1 ms: no answer").arg(duration);
    case State::Stopped:
        return entry.stoppedStatus;
    }
    return {};
}

void ResponseView::showCurrent()
{
    const int index =
        m_entries.isEmpty() ? -1 : std::clamp(m_tabs->currentIndex(), 0, int(m_entries.size()) - 1);
    const Entry *entry = index >= 0 ? &m_entries.at(index) : nullptr;

    QString title;
    QString status;
    QString details;
    if (!m_notSent.isEmpty()) {
        title = tr("The test was not sent:");
        details = m_notSent.join(u'\n');
    } else if (!entry) {
        title = tr("Send test sends the request above to its URL and shows the answer here. "
                   "The attempt is kept in the history.");
    } else {
        title = tr("Test of “%1”, sent at %2")
                    .arg(m_ruleName, QLocale().toString(m_sentAt.time(), QLocale::ShortFormat));
        status = entryStatus(*entry);
        details = entry->attempt.error;
        if (entry->attemptCount > 1 && entry->state != State::Retrying) {
            const QString count = tr("Attempts: %1").arg(entry->attemptCount);
            details = details.isEmpty() ? count : details + u'\n' + count;
        }
    }
    m_title->setText(title);
    m_status->setText(status);
    m_status->setVisible(!status.isEmpty());
    m_error->setText(details);
    m_error->setVisible(!details.isEmpty());

    const bool answered =
        entry && entry->state != State::Sending && entry->attempt.httpStatus.has_value();
    m_headers->setVisible(answered);
    m_body->setVisible(answered);
    if (!answered) {
        m_headers->setRowCount(0);
        m_body->clear();
        m_bodyNote->setVisible(false);
        return;
    }
    const Attempt &attempt = entry->attempt;
    m_headers->setRowCount(int(attempt.responseHeaders.size()));
    for (int r = 0; r < attempt.responseHeaders.size(); ++r) {
        const RenderedRequest::Header &header = attempt.responseHeaders.at(r);
        m_headers->setItem(r, 0, new QTableWidgetItem(header.name));
        auto *value = new QTableWidgetItem(header.value);
        value->setToolTip(header.value);
        m_headers->setItem(r, 1, value);
    }

    const QByteArray &body = attempt.responseBody;
    QString note;
    QString text;
    if (body.isEmpty()) {
        note = tr("The response has no body.");
    } else if (body.size() > MaxShownBody) {
        text = QString::fromUtf8(body.left(MaxShownBody));
    } else {
        text = prettyJson(body).value_or(QString::fromUtf8(body));
    }
    if (attempt.responseBodyTruncated() || body.size() > MaxShownBody) {
        note = tr("The response body is %1; the first %2 are shown.")
                   .arg(QLocale().formattedDataSize(attempt.responseBodySize),
                        QLocale().formattedDataSize(std::min(body.size(), MaxShownBody)));
    }
    m_bodyNote->setText(note);
    m_bodyNote->setVisible(!note.isEmpty());
    if (text != m_body->toPlainText())
        m_body->setPlainText(text);
}

void ResponseView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ResponseView::retranslateUi()
{
    setAccessibleName(tr("Response"));
    m_progress->setAccessibleName(tr("Sending"));
    m_tabs->setAccessibleName(tr("Deliveries of the test"));
    m_status->setAccessibleName(tr("Outcome"));
    m_error->setAccessibleName(tr("Error"));
    m_headers->setHorizontalHeaderLabels({tr("Header"), tr("Value")});
    m_headers->setAccessibleName(tr("Response headers"));
    m_body->setAccessibleName(tr("Response body"));
    updateTabs();
    showCurrent();
}

} // namespace Kanca
