#include "preview/TraceView.h"

#include <QColor>
#include <QEvent>
#include <QHeaderView>
#include <QResizeEvent>
#include <QScrollBar>
#include <QStyledItemDelegate>

namespace Kanca {

namespace {

// A leaf compares a 10 MB value as quickly as a short one; showing it is another matter.
constexpr qsizetype MaxShownLength = 400;

QString shortened(const QString &text)
{
    if (text.size() <= MaxShownLength)
        return text;
    return text.left(MaxShownLength) + QChar(0x2026);
}

// QTreeView asks for row heights without a width (so nothing would wrap): give the delegate the
// width the item really has, so that long explanations wrap instead of being cut.
class WrappingDelegate final : public QStyledItemDelegate
{
public:
    explicit WrappingDelegate(QTreeView *view)
        : QStyledItemDelegate(view)
        , m_view(view)
    {}

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        int depth = m_view->rootIsDecorated() ? 1 : 0;
        for (QModelIndex parent = index.parent(); parent.isValid(); parent = parent.parent())
            ++depth;
        QStyleOptionViewItem sized = option;
        const int width = m_view->viewport()->width() - depth * m_view->indentation();
        sized.rect = QRect(0, 0, std::max(width, 40), 1);
        return QStyledItemDelegate::sizeHint(sized, index);
    }

private:
    QTreeView *m_view;
};

} // namespace

TraceView::TraceView(QWidget *parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("previewTrace"));
    setColumnCount(1);
    setHeaderHidden(true);
    setRootIsDecorated(true);
    // Explanations wrap within the pane's width rather than hide behind a scroll bar.
    setUniformRowHeights(false);
    setWordWrap(true);
    setTextElideMode(Qt::ElideNone);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setExpandsOnDoubleClick(false);
    header()->setSectionResizeMode(QHeaderView::Stretch);
    setItemDelegate(new WrappingDelegate(this));
    retranslateUi();
}

QString TraceView::markedText(bool result, const QString &text)
{
    // ✓ and ✗ read in any palette: they are text, drawn in the text colour.
    return (result ? QStringLiteral("\u2713 ") : QStringLiteral("\u2717 ")) + text;
}

void TraceView::setTrace(const ConditionTrace &trace, bool hasCondition, const QString &eventLabel)
{
    const int scroll = verticalScrollBar()->value();
    setUpdatesEnabled(false);
    clear();
    if (!hasCondition) {
        auto *item = new QTreeWidgetItem(this);
        item->setText(
            0, markedText(true,
                          tr("No conditions: the rule runs on every %1 event.").arg(eventLabel)));
        item->setData(0, ResultRole, true);
    } else {
        addNode(trace, nullptr);
    }
    expandAll();
    setUpdatesEnabled(true);
    restoreScroll(scroll);
}

void TraceView::setMessage(const QString &message)
{
    setUpdatesEnabled(false);
    clear();
    auto *item = new QTreeWidgetItem(this);
    item->setText(0, message);
    item->setToolTip(0, message);
    item->setForeground(0, palette().brush(QPalette::PlaceholderText));
    setUpdatesEnabled(true);
}

QTreeWidgetItem *TraceView::addNode(const ConditionTrace &trace, QTreeWidgetItem *parent)
{
    auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(this);
    const QString text =
        trace.kind == Condition::Kind::Leaf ? shortened(trace.explanation) : groupText(trace);
    if (trace.undecided) {
        // A regular expression gave up: neither ✓ nor ✗, and said in the warning colour.
        item->setText(0, QStringLiteral("\u26A0 ") + text);
        item->setData(0, ResultRole, QVariant());
        item->setForeground(0, QColor(0xB0, 0x60, 0x00));
        item->setData(0, Qt::AccessibleTextRole, tr("Undecided: %1").arg(text));
    } else {
        item->setText(0, markedText(trace.result, text));
        item->setData(0, ResultRole, trace.result);
        item->setData(0, Qt::AccessibleTextRole,
                      trace.result ? tr("True: %1").arg(text) : tr("False: %1").arg(text));
    }
    item->setToolTip(0, trace.kind == Condition::Kind::Leaf ? shortened(trace.explanation) : text);
    for (const ConditionTrace &child : trace.children)
        addNode(child, item);
    return item;
}

QString TraceView::groupText(const ConditionTrace &trace) const
{
    QString label;
    switch (trace.kind) {
    case Condition::Kind::All:
        label = tr("All of these are true");
        break;
    case Condition::Kind::Any:
        label = tr("Any of these is true");
        break;
    case Condition::Kind::Not:
        label = tr("This is not true");
        break;
    case Condition::Kind::Leaf:
        break;
    }
    // A group says something only when it has a problem.
    return trace.explanation.isEmpty() ? label : tr("%1 (%2)").arg(label, trace.explanation);
}

void TraceView::restoreScroll(int value)
{
    verticalScrollBar()->setValue(std::min(value, verticalScrollBar()->maximum()));
}

void TraceView::resizeEvent(QResizeEvent *event)
{
    QTreeWidget::resizeEvent(event);
    if (event->size().width() != event->oldSize().width())
        scheduleDelayedItemsLayout(); // the rows' heights follow the new width
}

void TraceView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QTreeWidget::changeEvent(event);
}

void TraceView::retranslateUi()
{
    setAccessibleName(tr("Conditions"));
    setAccessibleDescription(tr("Each condition of the rule with whether this event meets it."));
}

} // namespace Kanca
