#include "action/ProblemLabel.h"

#include "action/EditorColors.h"

#include <QEvent>

namespace Kanca {

ProblemLabel::ProblemLabel(QWidget *parent)
    : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setVisible(false);
    applyColour();
}

void ProblemLabel::setMessages(const QStringList &messages)
{
    if (messages == m_messages)
        return;
    m_messages = messages;
    setText(messages.join(u'\n'));
    setAccessibleDescription(text());
    setVisible(!messages.isEmpty());
}

void ProblemLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_applyingColour)
        applyColour();
}

void ProblemLabel::applyColour()
{
    m_applyingColour = true;
    QPalette p = palette();
    p.setColor(QPalette::WindowText, EditorColors::problem(p));
    setPalette(p);
    m_applyingColour = false;
}

} // namespace Kanca
