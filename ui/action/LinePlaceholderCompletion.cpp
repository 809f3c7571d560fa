#include "action/LinePlaceholderCompletion.h"

#include "action/PlaceholderCompleter.h"
#include "settings/LanguageManager.h"

#include <QAbstractItemView>
#include <QKeyEvent>
#include <QLineEdit>

namespace Kanca {

LinePlaceholderCompletion *LinePlaceholderCompletion::attach(QLineEdit *edit)
{
    return new LinePlaceholderCompletion(edit);
}

LinePlaceholderCompletion::LinePlaceholderCompletion(QLineEdit *edit)
    : QObject(edit)
    , m_edit(edit)
    , m_completer(new PlaceholderCompleter(this))
{
    m_completer->setWidget(edit);
    edit->installEventFilter(this);
    connect(edit, &QLineEdit::textEdited, this, [this] { update(false); });
    connect(edit, &QLineEdit::cursorPositionChanged, this, [this] {
        if (m_completer->popup()->isVisible())
            update(false);
    });
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this,
            &LinePlaceholderCompletion::insert);
    connect(&LanguageManager::instance(), &LanguageManager::languageChanged, m_completer,
            &PlaceholderCompleter::retranslate);
}

bool LinePlaceholderCompletion::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Space && (key->modifiers() & Qt::ControlModifier) != 0) {
            update(true);
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

void LinePlaceholderCompletion::update(bool forced)
{
    if (!m_edit)
        return;
    const QRect cursor = m_edit->inputMethodQuery(Qt::ImCursorRectangle).toRect();
    if (const auto typing =
            m_completer->update(m_edit->text(), m_edit->cursorPosition(), cursor, forced))
        m_prefixStart = typing->prefixStart;
}

void LinePlaceholderCompletion::insert(const QModelIndex &index)
{
    const QString choice = index.sibling(index.row(), 0).data().toString();
    if (!m_edit || choice.isEmpty())
        return;
    const PlaceholderCompleter::Insertion insertion = PlaceholderCompleter::insertion(
        choice, m_completer->mode(), m_edit->text(), m_prefixStart, m_edit->cursorPosition());
    // Selected, then typed over: one edit, reported by textEdited().
    m_edit->setSelection(int(insertion.start), int(insertion.end - insertion.start));
    m_edit->insert(insertion.text);
    m_edit->setCursorPosition(int(insertion.start + insertion.cursor));
    m_completer->popup()->hide();
}

} // namespace Kanca
