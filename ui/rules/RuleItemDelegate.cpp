#include "rules/RuleItemDelegate.h"

#include "rules/RuleListModel.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>
#include <QWidget>

namespace Kanca {

namespace {

QStyle *styleOf(const QStyleOptionViewItem &option)
{
    return option.widget ? option.widget->style() : QApplication::style();
}

// The space around and between the parts of an item, after the style's own item margin.
int marginOf(const QStyleOptionViewItem &option)
{
    return styleOf(option)->pixelMetric(QStyle::PM_FocusFrameHMargin, &option, option.widget) + 1;
}

// The gap between the name and the trigger line.
int lineGap(const QFontMetrics &metrics)
{
    return std::max(1, metrics.height() / 6);
}

} // namespace

RuleItemDelegate::RuleItemDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

RuleItemDelegate::~RuleItemDelegate() = default;

RuleItemDelegate::Layout RuleItemDelegate::layout(const QStyleOptionViewItem &option)
{
    QStyle *style = styleOf(option);
    const int margin = marginOf(option);
    const QRect rect = option.rect;
    Layout layout;
    layout.check =
        style->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &option, option.widget);

    // Laid out left to right, then mirrored for right-to-left languages.
    const QRect logicalCheck = QStyle::visualRect(option.direction, rect, layout.check);
    int left = (option.features & QStyleOptionViewItem::HasCheckIndicator)
                   ? logicalCheck.right() + 1 + 2 * margin
                   : rect.left() + 2 * margin;
    int right = rect.right() - 2 * margin;
    if (option.features & QStyleOptionViewItem::HasDecoration) {
        const QSize size = option.decorationSize;
        const QRect icon(right - size.width() + 1, rect.top() + (rect.height() - size.height()) / 2,
                         size.width(), size.height());
        layout.icon = QStyle::visualRect(option.direction, rect, icon);
        right = icon.left() - 2 * margin;
    }

    const QFontMetrics metrics(option.font);
    const int lineHeight = metrics.height();
    const int blockHeight = 2 * lineHeight + lineGap(metrics);
    const int top = rect.top() + (rect.height() - blockHeight) / 2;
    const int width = std::max(0, right - left + 1);
    layout.name = QStyle::visualRect(option.direction, rect, QRect(left, top, width, lineHeight));
    layout.trigger =
        QStyle::visualRect(option.direction, rect,
                           QRect(left, top + lineHeight + lineGap(metrics), width, lineHeight));
    return layout;
}

QRect RuleItemDelegate::checkBoxRect(const QStyleOptionViewItem &option,
                                     const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    return layout(opt).check;
}

void RuleItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    QStyle *style = styleOf(opt);
    const Layout parts = layout(opt);

    painter->save();
    painter->setClipRect(opt.rect);

    // Background, hover and selection, as the style draws them for any item.
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, opt.widget);

    if (opt.features & QStyleOptionViewItem::HasCheckIndicator) {
        QStyleOptionViewItem check = opt;
        check.rect = parts.check;
        check.state &= ~(QStyle::State_HasFocus | QStyle::State_On | QStyle::State_Off
                         | QStyle::State_NoChange);
        switch (opt.checkState) {
        case Qt::Unchecked:
            check.state |= QStyle::State_Off;
            break;
        case Qt::PartiallyChecked:
            check.state |= QStyle::State_NoChange;
            break;
        case Qt::Checked:
            check.state |= QStyle::State_On;
            break;
        }
        style->drawPrimitive(QStyle::PE_IndicatorItemViewItemCheck, &check, painter, opt.widget);
    }

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled) ? QPalette::Disabled
                                       : (opt.state & QStyle::State_Active) ? QPalette::Normal
                                                                            : QPalette::Inactive;
    if (!opt.icon.isNull()) {
        const QIcon::Mode mode = group == QPalette::Disabled ? QIcon::Disabled
                                 : selected                  ? QIcon::Selected
                                                             : QIcon::Normal;
        opt.icon.paint(painter, parts.icon, Qt::AlignCenter, mode);
    }

    // The name in the text colour; the trigger, and the name of a switched-off rule, quieter.
    const bool ruleEnabled = opt.checkState == Qt::Checked;
    const QColor text =
        opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor quiet = opt.palette.color(group, QPalette::PlaceholderText);
    if (selected) {
        quiet = text;
        quiet.setAlphaF(text.alphaF() * 0.75f);
    }
    const Qt::Alignment alignment =
        QStyle::visualAlignment(opt.direction, Qt::AlignLeft | Qt::AlignVCenter);
    const QFontMetrics metrics(opt.font);
    painter->setFont(opt.font);
    painter->setPen(ruleEnabled || selected ? text : quiet);
    painter->drawText(parts.name, int(alignment),
                      metrics.elidedText(opt.text, Qt::ElideRight, parts.name.width()));
    painter->setPen(quiet);
    painter->drawText(parts.trigger, int(alignment),
                      metrics.elidedText(index.data(RuleListModel::TriggerLabelRole).toString(),
                                         Qt::ElideRight, parts.trigger.width()));

    if (opt.state & QStyle::State_HasFocus) {
        QStyleOptionFocusRect focus;
        focus.QStyleOption::operator=(opt);
        // Around the whole item (the style's own focus rectangle is its idea of a text
        // area); styles draw it only after keyboard navigation.
        focus.rect = opt.rect;
        focus.state |= QStyle::State_Item;
        focus.backgroundColor =
            opt.palette.color(group, selected ? QPalette::Highlight : QPalette::Base);
        style->drawPrimitive(QStyle::PE_FrameFocusRect, &focus, painter, opt.widget);
    }
    painter->restore();
}

QSize RuleItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    QStyle *style = styleOf(opt);
    const int margin = marginOf(opt);
    const QFontMetrics metrics(opt.font);

    // Not the width of the texts: items take the view's width and elide what does not fit,
    // rather than scrolling sideways.
    const int textWidth = metrics.averageCharWidth() * 16;
    int width = 2 * margin + textWidth + 2 * margin;
    int height = 2 * metrics.height() + lineGap(metrics);
    if (opt.features & QStyleOptionViewItem::HasCheckIndicator) {
        width += style->pixelMetric(QStyle::PM_IndicatorWidth, &opt, opt.widget) + margin;
        height = std::max(height, style->pixelMetric(QStyle::PM_IndicatorHeight, &opt, opt.widget));
    }
    // Room for the problem icon in every item, so the list's width does not jump when one
    // appears.
    width += opt.decorationSize.width() + 2 * margin;
    height = std::max(height, opt.decorationSize.height());
    return {width, height + 4 * margin};
}

void RuleItemDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                                            const QModelIndex &index) const
{
    // Renaming edits the name line in place.
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QRect name = layout(opt).name;
    const int height =
        std::min(std::max(name.height(), editor->sizeHint().height()), opt.rect.height());
    QRect rect(name.left(), name.center().y() - height / 2, name.width(), height);
    editor->setGeometry(rect.intersected(opt.rect));
}

} // namespace Kanca
