#include "action/PlaceholderCompleter.h"

#include "app/LanguageManager.h"
#include "catalog/Catalog.h"

#include <QHeaderView>
#include <QStandardItemModel>
#include <QTreeView>

namespace Kanca {

PlaceholderCompleter::PlaceholderCompleter(QObject *parent)
    : QCompleter(parent)
    , m_model(new QStandardItemModel(this))
{
    auto *popup = new QTreeView;
    popup->setObjectName(QStringLiteral("placeholderPopup"));
    popup->setHeaderHidden(true);
    popup->setRootIsDecorated(false);
    popup->setUniformRowHeights(true);
    popup->setSelectionBehavior(QAbstractItemView::SelectRows);
    popup->setEditTriggers(QAbstractItemView::NoEditTriggers);
    popup->header()->setStretchLastSection(true);
    setPopup(popup);
    setModel(m_model);
    setCompletionColumn(0);
    setCaseSensitivity(Qt::CaseInsensitive);
    setCompletionMode(QCompleter::PopupCompletion);
    setMaxVisibleItems(12);
    fill();
}

void PlaceholderCompleter::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    fill();
}

void PlaceholderCompleter::retranslate()
{
    fill();
}

QString PlaceholderCompleter::filterInsertion(const QString &choice, qsizetype *cursor)
{
    // Inside the quotes of an empty argument; otherwise after the text (truncate: waits for N).
    *cursor = choice.endsWith(QLatin1StringView("\"\"")) ? choice.size() - 1 : choice.size();
    return choice;
}

void PlaceholderCompleter::fill()
{
    m_model->clear();
    m_model->setColumnCount(2);
    const Language language = LanguageManager::instance().language();
    if (m_mode == Mode::Fields) {
        setFilterMode(Qt::MatchContains);
        for (const FieldInfo &field : Catalog::builtIn().fields()) {
            auto *path = new QStandardItem(field.path);
            auto *label = new QStandardItem(field.label.in(language));
            const QString tip = field.personal
                                    ? tr("%1: personal data. Send it only if the receiver "
                                         "needs it.")
                                          .arg(field.label.in(language))
                                    : field.label.in(language);
            path->setToolTip(tip);
            label->setToolTip(tip);
            label->setForeground(QPalette().brush(QPalette::Disabled, QPalette::Text));
            m_model->appendRow({path, label});
        }
    } else {
        setFilterMode(Qt::MatchStartsWith);
        const QList<std::pair<QString, QString>> filters = {
            {QStringLiteral("upper"), tr("Capital letters")},
            {QStringLiteral("lower"), tr("Small letters")},
            {QStringLiteral("default:\"\""), tr("This text when the value is empty")},
            {QStringLiteral("json"), tr("The value as JSON")},
            {QStringLiteral("urlencode"), tr("Percent-encoded for a URL")},
            {QStringLiteral("truncate:"), tr("At most this many characters")},
            {QStringLiteral("date:\"yyyy-MM-dd\""), tr("A date in this format")},
        };
        for (const auto &[name, description] : filters) {
            auto *item = new QStandardItem(name);
            auto *label = new QStandardItem(description);
            item->setToolTip(description);
            label->setToolTip(description);
            label->setForeground(QPalette().brush(QPalette::Disabled, QPalette::Text));
            m_model->appendRow({item, label});
        }
    }
}

} // namespace Kanca
