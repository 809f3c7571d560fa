#pragma once

#include <QStyledItemDelegate>

namespace Kanca {

// Draws a rule of the list on two lines beside its enable check box: the name, and under it
// the trigger's label in a quieter colour; a rule with errors shows the problem icon at the
// end. Colours come from the palette only, so dark palettes and high-DPI screens look right.
// Clicks on the check box are handled by QStyledItemDelegate, which finds the box where the
// style puts it; this delegate draws it exactly there.
class RuleItemDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RuleItemDelegate)

public:
    explicit RuleItemDelegate(QObject *parent = nullptr);
    ~RuleItemDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const override;

    // Where the enable check box of the item is drawn, and where a click toggles it.
    QRect checkBoxRect(const QStyleOptionViewItem &option, const QModelIndex &index) const;

private:
    struct Layout
    {
        QRect check;
        QRect name;
        QRect trigger;
        QRect icon;
    };
    // `option` initialised for the index (initStyleOption).
    static Layout layout(const QStyleOptionViewItem &option);
};

} // namespace Kanca
