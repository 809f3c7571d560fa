#include "history/HistoryDetailView.h"

#include "history/HistoryTableModel.h"

#include <QEvent>
#include <QJsonDocument>
#include <QLocale>
#include <QScrollBar>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace Kanca {

namespace {

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s) : QString();
}

QString headersText(const QList<RenderedRequest::Header> &headers)
{
    QString text;
    for (const RenderedRequest::Header &header : headers)
        text += header.name + u": "_s + header.value + u'\n';
    return text;
}

QString preformatted(const QString &text)
{
    return u"<pre>"_s + escaped(text) + u"</pre>"_s;
}

QString paragraph(const QString &text)
{
    return u"<p>"_s + escaped(text) + u"</p>"_s;
}

QString heading(int level, const QString &text)
{
    return u"<h%1>"_s.arg(level) + escaped(text) + u"</h%1>"_s.arg(level);
}

// One "label: value" line of the delivery's summary.
QString field(const QString &label, const QString &value)
{
    return u"<tr><td><b>"_s + escaped(label) + u"</b></td><td>"_s + escaped(value)
           + u"</td></tr>"_s;
}

} // namespace

HistoryDetailView::HistoryDetailView(QWidget *parent)
    : QTextBrowser(parent)
{
    setObjectName(u"historyDetail"_s);
    setOpenLinks(false);
    setLineWrapMode(QTextEdit::WidgetWidth);
    setAccessibleName(tr("Delivery details"));
    showNothing();
}

void HistoryDetailView::showDelivery(const Delivery &delivery, const QList<Attempt> &attempts)
{
    const bool same = m_delivery && m_delivery->id == delivery.id;
    m_delivery = delivery;
    m_attempts = attempts;
    const int scroll = verticalScrollBar()->value();
    render();
    if (same)
        verticalScrollBar()->setValue(scroll);
}

void HistoryDetailView::showNothing()
{
    m_delivery.reset();
    m_attempts.clear();
    render();
}

QString HistoryDetailView::bodyText(const QByteArray &body)
{
    if (body.isEmpty())
        return tr("(no body)");
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(body, &error);
    if (error.error == QJsonParseError::NoError && !json.isNull())
        return QString::fromUtf8(json.toJson(QJsonDocument::Indented)).trimmed();
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(body);
    if (!decoder.hasError() && !text.contains(QChar(0)))
        return text;
    return tr("(%n byte(s) of binary data)", "", int(body.size()));
}

QString HistoryDetailView::attemptHtml(const Attempt &attempt) const
{
    const QLocale locale;
    QString outcome;
    switch (attempt.outcome) {
    case Attempt::Outcome::Succeeded:
        outcome = tr("Succeeded");
        break;
    case Attempt::Outcome::WillRetry:
        outcome =
            attempt.retryDelayMs
                ? tr("Failed; retried after %1 ms").arg(locale.toString(*attempt.retryDelayMs))
                : tr("Failed; retried");
        break;
    case Attempt::Outcome::Failed:
        outcome = tr("Failed; not retried");
        break;
    }
    QString html = heading(3, tr("Attempt %1 of %2").arg(attempt.number).arg(m_attempts.size()));
    html += u"<table>"_s;
    html += field(tr("Started:"), timeText(attempt.startedAt));
    html += field(tr("Duration:"), tr("%1 ms").arg(locale.toString(attempt.durationMs)));
    html += field(tr("Outcome:"), outcome);
    html += u"</table>"_s;

    const RenderedRequest &request = attempt.request;
    html += heading(4, tr("Request"));
    html += preformatted(request.method + u' ' + request.url + u'\n' + headersText(request.headers)
                         + u'\n' + bodyText(request.body));
    if (attempt.requestBodyTruncated()) {
        html += paragraph(tr("Truncated at 256 KiB: the body sent had %1 bytes.")
                              .arg(locale.toString(attempt.requestBodySize)));
    }

    if (attempt.httpStatus) {
        html += heading(4, tr("Response"));
        html += preformatted(tr("HTTP %1").arg(*attempt.httpStatus) + u'\n'
                             + headersText(attempt.responseHeaders) + u'\n'
                             + bodyText(attempt.responseBody));
        if (attempt.responseBodyTruncated()) {
            html += paragraph(tr("Truncated at 256 KiB: the body received had %1 bytes.")
                                  .arg(locale.toString(attempt.responseBodySize)));
        }
    }
    if (!attempt.error.isEmpty()) {
        html += heading(4, attempt.httpStatus ? tr("Why it failed") : tr("Error"));
        html += paragraph(attempt.error);
    }
    return html;
}

void HistoryDetailView::render()
{
    if (!m_delivery) {
        setHtml(paragraph(tr("Choose a delivery in the table to see its attempts: the request "
                             "sent and the response received.")));
        return;
    }
    const Delivery &delivery = *m_delivery;
    QString html = heading(2, tr("Delivery %1").arg(delivery.id));
    html += u"<table>"_s;
    html += field(tr("Rule:"), tr("%1 (%2)").arg(delivery.ruleName, delivery.ruleId));
    html += field(tr("Event:"), tr("%1 (%2)").arg(delivery.eventType, delivery.eventId));
    html += field(tr("Created:"), timeText(delivery.createdAt));
    html += field(tr("Status:"), HistoryTableModel::statusText(delivery.status));
    if (delivery.status == DeliveryStatus::Pending && delivery.nextAttemptAt.isValid())
        html += field(tr("Next attempt:"), timeText(delivery.nextAttemptAt));
    if (delivery.finishedAt.isValid())
        html += field(tr("Finished:"), timeText(delivery.finishedAt));
    html +=
        field(tr("Attempts:"),
              tr("%1 of at most %2").arg(delivery.attemptCount).arg(delivery.retry.maxAttempts));
    if (!delivery.resendOf.isEmpty())
        html += field(tr("Sends again:"), delivery.resendOf);
    html += u"</table>"_s;

    if (m_attempts.isEmpty()) {
        html += paragraph(tr("No attempt yet. The request as stored, before its authentication "
                             "and signature headers are added:"));
        html += preformatted(delivery.request.method + u' ' + delivery.request.url + u'\n'
                             + headersText(delivery.request.headers) + u'\n'
                             + bodyText(delivery.request.body));
    }
    for (const Attempt &attempt : m_attempts)
        html += attemptHtml(attempt);
    setHtml(html);
}

void HistoryDetailView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        setAccessibleName(tr("Delivery details"));
        render();
    }
    QTextBrowser::changeEvent(event);
}

} // namespace Kanca
