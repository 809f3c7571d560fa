#include "preview/PreviewWarnings.h"

#include <QEvent>
#include <QStyle>

namespace Kanca {

namespace {

QStyle::StandardPixmap iconOf(PreviewWarning::Kind kind)
{
    switch (kind) {
    case PreviewWarning::Kind::Error:
        return QStyle::SP_MessageBoxCritical;
    case PreviewWarning::Kind::Warning:
        return QStyle::SP_MessageBoxWarning;
    case PreviewWarning::Kind::Advice:
        break;
    }
    return QStyle::SP_MessageBoxInformation;
}

} // namespace

PreviewWarnings::PreviewWarnings(QWidget *parent)
    : QListWidget(parent)
{
    setObjectName(QStringLiteral("previewWarnings"));
    setWordWrap(true);
    setTextElideMode(Qt::ElideNone);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setUniformItemSizes(false);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    setFocusPolicy(Qt::StrongFocus);
    connect(this, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const QString pointer = item->data(Qt::UserRole).toString();
        if (!pointer.isEmpty())
            Q_EMIT placeActivated(pointer);
    });
    setVisible(false);
    retranslateUi();
}

void PreviewWarnings::setWarnings(const QList<PreviewWarning> &warnings)
{
    if (warnings == m_warnings)
        return;
    m_warnings = warnings;
    clear();
    for (const PreviewWarning &warning : warnings) {
        auto *item = new QListWidgetItem(style()->standardIcon(iconOf(warning.kind)), warning.text);
        item->setData(Qt::UserRole, warning.pointer);
        item->setToolTip(warning.text);
        addItem(item);
    }
    setVisible(!warnings.isEmpty());
    updateGeometry();
}

QSize PreviewWarnings::sizeHint() const
{
    // As tall as the warnings, up to about six lines; then it scrolls.
    QSize hint = QListWidget::sizeHint();
    int height = 2 * frameWidth();
    for (int row = 0; row < count(); ++row)
        height += std::max(sizeHintForRow(row), fontMetrics().height());
    const int most = 6 * fontMetrics().lineSpacing() + 2 * frameWidth();
    hint.setHeight(std::clamp(height, fontMetrics().lineSpacing() + 2 * frameWidth(), most));
    return hint;
}

void PreviewWarnings::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QListWidget::changeEvent(event);
}

void PreviewWarnings::retranslateUi()
{
    setAccessibleName(tr("Warnings"));
    setAccessibleDescription(
        tr("Problems and advice about the previewed request; activate one to go to its place."));
}

} // namespace Kanca
