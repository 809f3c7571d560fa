#include "window/StorageBanner.h"

#include "services/DeliveryService.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace Kanca {

using namespace Qt::StringLiterals;

StorageBanner::StorageBanner(DeliveryService *service, QWidget *parent)
    : QFrame(parent)
    , m_service(service)
    , m_icon(new QLabel(this))
    , m_headline(new QLabel(this))
    , m_text(new QLabel(this))
    , m_resume(new QPushButton(this))
{
    setObjectName(u"storageBanner"_s);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::ToolTipBase);
    setForegroundRole(QPalette::ToolTipText);
    const int size = style()->pixelMetric(QStyle::PM_LargeIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxCritical).pixmap(size, size));
    m_icon->setAlignment(Qt::AlignTop);
    m_headline->setObjectName(u"storageBannerHeadline"_s);
    QFont bold = m_headline->font();
    bold.setBold(true);
    m_headline->setFont(bold);
    for (QLabel *label : {m_headline, m_text}) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setForegroundRole(QPalette::ToolTipText);
    }
    m_text->setObjectName(u"storageBannerText"_s);
    m_resume->setObjectName(u"storageBannerResume"_s);
    connect(m_resume, &QPushButton::clicked, this, &StorageBanner::resume);

    auto *words = new QVBoxLayout;
    words->addWidget(m_headline);
    words->addWidget(m_text);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_icon);
    layout->addLayout(words, 1);
    layout->addWidget(m_resume, 0, Qt::AlignTop);

    connect(m_service, &DeliveryService::storageFailureChanged, this, &StorageBanner::refresh);
    refresh();
}

StorageBanner::~StorageBanner() = default;

QString StorageBanner::text() const
{
    if (isHidden())
        return {};
    return m_headline->text() + u'\n' + m_text->text();
}

void StorageBanner::refresh()
{
    const std::optional<StorageFailure> &failure = m_service->storageFailure();
    if (!failure) {
        hide();
        return;
    }
    m_headline->setText(failure->headline());
    m_text->setText(failure->explanation());
    m_resume->setText(failure->actionText());
    setAccessibleName(failure->headline());
    setAccessibleDescription(failure->explanation());
    show();
}

void StorageBanner::resume()
{
    m_resume->setEnabled(false);
    m_service->resume(nullptr); // the banner follows storageFailureChanged
    m_resume->setEnabled(true);
}

void StorageBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QFrame::changeEvent(event);
}

} // namespace Kanca
