#pragma once

#include "delivery/Delivery.h"

#include <QTextBrowser>

#include <optional>

namespace Kanca {

// The selected delivery in full: what it is, then every attempt with its number, time,
// duration, outcome and retry delay, the request as sent (secret header values were masked
// before they reached the history) and the response or the error. JSON bodies are
// pretty-printed; a body the history cut short says so. Text only, in the palette's colours.
class HistoryDetailView final : public QTextBrowser
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryDetailView)

public:
    explicit HistoryDetailView(QWidget *parent = nullptr);

    void showDelivery(const Delivery &delivery, const QList<Attempt> &attempts);
    void showNothing();
    std::optional<Delivery> delivery() const { return m_delivery; }
    const QList<Attempt> &attempts() const { return m_attempts; }

    // A body as shown: pretty-printed JSON, text, or a note for binary data.
    static QString bodyText(const QByteArray &body);

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();
    QString attemptHtml(const Attempt &attempt) const;

    std::optional<Delivery> m_delivery;
    QList<Attempt> m_attempts;
};

} // namespace Kanca
