#include "editor/EventPicker.h"

#include "catalog/Catalog.h"
#include "settings/LanguageManager.h"

#include <QEvent>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Kanca {

EventPicker::EventPicker(QWidget *parent)
    : GroupedComboBox(parent)
{
    setObjectName(u"eventPicker"_s);
    connect(this, &QComboBox::activated, this, [this] {
        const QString id = currentId();
        if (id.isEmpty() || id == m_eventId)
            return;
        m_eventId = id;
        Q_EMIT eventChosen(id);
    });
    retranslateUi();
}

void EventPicker::setEventId(const QString &id)
{
    if (id == m_eventId && (id.isEmpty() || currentId() == id))
        return;
    const bool wasUnknown = !m_eventId.isEmpty() && !Catalog::builtIn().event(m_eventId);
    m_eventId = id;
    if (wasUnknown || (!id.isEmpty() && indexOfId(id) < 0))
        fill(); // an event the catalog does not know is shown on its own
    else
        setCurrentId(id);
}

QString EventPicker::firesWhen(const QString &id)
{
    const EventTypeInfo *event = Catalog::builtIn().event(id);
    return event ? event->firesWhen.in(LanguageManager::instance().language()) : QString();
}

QString EventPicker::label(const QString &id)
{
    const EventTypeInfo *event = Catalog::builtIn().event(id);
    return event ? event->label.in(LanguageManager::instance().language()) : id;
}

void EventPicker::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    GroupedComboBox::changeEvent(event);
}

void EventPicker::retranslateUi()
{
    setAccessibleName(tr("Event"));
    setToolTip(tr("The event that starts this rule"));
    setPlaceholderText(tr("Choose an event"));
    fill();
}

void EventPicker::fill()
{
    const Language language = LanguageManager::instance().language();
    const Catalog &catalog = Catalog::builtIn();
    clearEntries();
    const struct
    {
        QString id;
        QString title;
    } groups[] = {
        {u"contact"_s, tr("Contact")},
        {u"chat"_s, tr("Chat")},
        {u"message"_s, tr("Message")},
        {u"other"_s, tr("Other")},
    };
    for (const auto &group : groups) {
        bool headerAdded = false;
        for (const EventTypeInfo &event : catalog.events()) {
            const bool inGroup =
                event.group == group.id
                || (group.id == u"other"
                    && std::none_of(std::begin(groups), std::end(groups) - 1,
                                    [&](const auto &known) { return known.id == event.group; }));
            if (!inGroup)
                continue;
            if (!headerAdded) {
                addHeader(group.title);
                headerAdded = true;
            }
            addEntry(event.label.in(language), event.id);
        }
    }
    if (!m_eventId.isEmpty() && !catalog.event(m_eventId)) {
        addHeader(tr("Not in the catalog"));
        addEntry(m_eventId, m_eventId);
    }
    setCurrentId(m_eventId);
}

} // namespace Kanca
