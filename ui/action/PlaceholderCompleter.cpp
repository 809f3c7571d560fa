#include "action/PlaceholderCompleter.h"

#include "catalog/Catalog.h"
#include "settings/LanguageManager.h"

#include <QAbstractItemView>
#include <QHeaderView>
#include <QScrollBar>
#include <QStandardItemModel>
#include <QStyle>
#include <QTreeView>

#include <algorithm>

namespace Kanca {

namespace {

// What typing is matched against: a field's path and its label (in the interface's language),
// a filter's name.
constexpr int SearchRole = Qt::UserRole + 1;

bool isPathChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'.' || c == u'_' || c == u'-';
}

} // namespace

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
    popup->setTextElideMode(Qt::ElideNone);
    setPopup(popup);
    setModel(m_model);
    setCompletionColumn(0);
    setCompletionRole(SearchRole);
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

std::optional<PlaceholderCompleter::Typing> PlaceholderCompleter::typingAt(const QString &line,
                                                                           qsizetype cursor)
{
    const QString before = line.left(cursor);
    const qsizetype open = before.lastIndexOf(u"{{");
    if (open < 0 || before.indexOf(u"}}", open + 2) >= 0)
        return std::nullopt;
    const QString inner = before.mid(open + 2);
    const qsizetype bar = inner.lastIndexOf(u'|');
    qsizetype prefixStart = open + 2 + (bar < 0 ? 0 : bar + 1);
    while (prefixStart < before.size() && before[prefixStart].isSpace())
        ++prefixStart;
    Typing typing;
    typing.prefix = before.mid(prefixStart);
    if (!std::all_of(typing.prefix.cbegin(), typing.prefix.cend(), isPathChar))
        return std::nullopt;
    if (bar >= 0 && inner.left(bar).trimmed().isEmpty())
        return std::nullopt; // no field before the "|"
    typing.mode = bar < 0 ? Mode::Fields : Mode::Filters;
    typing.prefixStart = prefixStart;
    return typing;
}

PlaceholderCompleter::Insertion PlaceholderCompleter::insertion(const QString &choice, Mode mode,
                                                                const QString &line,
                                                                qsizetype prefixStart,
                                                                qsizetype cursor)
{
    const bool field = mode == Mode::Fields;
    Insertion result;
    result.cursor = choice.size();
    result.text = field ? choice : filterInsertion(choice, &result.cursor);
    // The typed prefix, and the rest of a word the cursor stands in.
    qsizetype end = cursor;
    while (end < line.size() && isPathChar(line[end]))
        ++end;
    const QString after = line.mid(end).trimmed();
    const bool closed = after.startsWith(QLatin1StringView("}}")) || after.startsWith(u'|')
                        || (!field && after.startsWith(u':'));
    if (!closed) {
        result.text += QLatin1StringView("}}");
        if (field)
            result.cursor = result.text.size();
    }
    result.start = prefixStart;
    result.end = end;
    return result;
}

std::optional<PlaceholderCompleter::Typing> PlaceholderCompleter::update(const QString &line,
                                                                         qsizetype cursor,
                                                                         const QRect &cursorRect,
                                                                         bool forced)
{
    const std::optional<Typing> typing = typingAt(line, cursor);
    if (!typing) {
        popup()->hide();
        return std::nullopt;
    }
    setMode(typing->mode);
    setCompletionPrefix(typing->prefix);
    const int count = completionCount();
    if (count == 0
        || (!forced && count == 1
            && completionModel()->index(0, 0).data().toString().compare(typing->prefix,
                                                                        Qt::CaseInsensitive)
                   == 0)) {
        popup()->hide();
        return std::nullopt;
    }
    QAbstractItemView *list = popup();
    list->setCurrentIndex(completionModel()->index(0, 0));
    QRect rect = cursorRect;
    const int width = list->sizeHintForColumn(0) + list->sizeHintForColumn(1)
                      + list->verticalScrollBar()->sizeHint().width()
                      + 4 * list->style()->pixelMetric(QStyle::PM_DefaultFrameWidth)
                      + list->fontMetrics().averageCharWidth() * 4;
    rect.setWidth(width);
    complete(rect);
    // Whole paths: "conversation.firstMessage", never "conversation.…" (the label's column gives
    // way instead).
    if (auto *tree = qobject_cast<QTreeView *>(list))
        tree->resizeColumnToContents(0);
    return typing;
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
            // Found by a part of its path or of its label ("soyad" finds contact.fullname).
            path->setData(QString(field.path + u' ' + field.label.in(language)), SearchRole);
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
            item->setData(name, SearchRole);
            auto *label = new QStandardItem(description);
            item->setToolTip(description);
            label->setToolTip(description);
            label->setForeground(QPalette().brush(QPalette::Disabled, QPalette::Text));
            m_model->appendRow({item, label});
        }
    }
}

} // namespace Kanca
