#pragma once

#include "editor/GroupedComboBox.h"

namespace Kanca {

// The "When" of a rule: the catalog's events grouped under Contact, Chat, Message and Other,
// labelled in the interface language. An event id the catalog does not know (from a file) is
// shown as it is, so nothing is hidden. objectName "eventPicker".
class EventPicker final : public GroupedComboBox
{
    Q_OBJECT

public:
    explicit EventPicker(QWidget *parent = nullptr);

    QString eventId() const { return m_eventId; }
    // Shows this event; never emits eventChosen().
    void setEventId(const QString &id);

    // The line saying when the event fires, in the interface language; empty if unknown.
    static QString firesWhen(const QString &id);
    // The event's label in the interface language, or the id itself if unknown.
    static QString label(const QString &id);

Q_SIGNALS:
    // A person chose another event.
    void eventChosen(const QString &id);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void fill();

    QString m_eventId;
};

} // namespace Kanca
