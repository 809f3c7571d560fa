#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace Kanca {

class DeliveryService;

// The window's message while the designer cannot send: the history could not be opened, or
// could not be written and sending stopped. Says so in words (StorageFailure: what happened,
// with the file and SQLite's reason; which deliveries may be sent again; what to do), with a
// button that opens the history again and resumes. It stays until sending works again.
class StorageBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StorageBanner)

public:
    explicit StorageBanner(DeliveryService *service, QWidget *parent = nullptr);
    ~StorageBanner() override;

    // What it says, the headline first; empty while hidden.
    QString text() const;
    QPushButton *resumeButton() const { return m_resume; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void resume();

    DeliveryService *m_service;
    QLabel *m_icon;
    QLabel *m_headline;
    QLabel *m_text;
    QPushButton *m_resume;
};

} // namespace Kanca
