#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include <vector>

namespace Kanca {

// A dotted path such as "contact.fullname" or "event.occurredAt", split once so that looking it
// up in an event is cheap. "event.type", "event.id" and "event.occurredAt" name the event's
// top-level keys; "rule.*" names the rule that fired; "delivery.id" the delivery.
class FieldPath final
{
public:
    enum class Root {
        Event,    // event.type, event.id, event.occurredAt: top-level keys of the event
        Part,     // contact.*, conversation.*, message.*, workspace.* and any other part
        Rule,     // rule.id, rule.name, rule.description
        Delivery, // delivery.id
        Invalid,  // empty or malformed ("", "a..b", ".a")
    };

    FieldPath() = default;
    explicit FieldPath(QStringView path);

    const QString &text() const { return m_text; }
    Root root() const { return m_root; }
    // The keys to follow from the event object (Event, Part) or the key below "rule."/"delivery."
    const QStringList &keys() const { return m_keys; }
    bool isValid() const { return m_root != Root::Invalid; }
    // The same number for every path of the same text in this process, for paths into the event
    // (Event, Part); -1 for the others. EventContext keeps the values it looked up by this number.
    int id() const { return m_id; }

    // The keys (Event, Part) as the compact form of events names them: a number from EventKeys,
    // or EventKeys::NoId and the UTF-8 text.
    struct EventKey
    {
        quint32 id;
        QByteArray utf8;
    };
    const std::vector<EventKey> &eventKeys() const { return m_eventKeys; }

private:
    QString m_text;
    Root m_root = Root::Invalid;
    QStringList m_keys;
    int m_id = -1;
    std::vector<EventKey> m_eventKeys;
};

} // namespace Kanca
