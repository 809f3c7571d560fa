#include "history/HistoryPanel.h"

#include "engine/CurlCommand.h"
#include "engine/DeliveryId.h"
#include "history/HistoryDetailView.h"
#include "history/HistoryFilterBar.h"
#include "history/HistoryTableModel.h"
#include "outbox/OpenStorage.h"
#include "services/DeliveryService.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDataStream>
#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Kanca {

namespace {

constexpr quint32 StateMagic = 0x4b484953; // "KHIS"
constexpr quint16 StateVersion = 1;

} // namespace

HistoryPanel::HistoryPanel(DeliveryService *service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_model(new HistoryTableModel(this))
    , m_filters(new HistoryFilterBar(this))
    , m_count(new QLabel(this))
    , m_source(new QLabel(this))
    , m_localButton(new QToolButton(this))
    , m_stack(new QStackedWidget(this))
    , m_splitter(new QSplitter(Qt::Vertical, m_stack))
    , m_table(new QTableView(m_splitter))
    , m_attempt(new QComboBox(this))
    , m_resendButton(new QToolButton(this))
    , m_copyCurlButton(new QToolButton(this))
    , m_message(new QLabel(this))
    , m_failure(new QLabel(m_stack))
    , m_detail(new HistoryDetailView(this))
    , m_resendAction(new QAction(this))
    , m_copyCurlAction(new QAction(this))
    , m_copyIdAction(new QAction(this))
{
    setObjectName(u"historyPanel"_s);
    m_count->setObjectName(u"historyCount"_s);
    m_source->setObjectName(u"historySource"_s);
    m_localButton->setObjectName(u"historyShowLocal"_s);
    m_splitter->setObjectName(u"historySplitter"_s);
    m_table->setObjectName(u"historyTable"_s);
    m_attempt->setObjectName(u"historyAttempt"_s);
    m_resendButton->setObjectName(u"historyResend"_s);
    m_copyCurlButton->setObjectName(u"historyCopyCurl"_s);
    m_message->setObjectName(u"historyMessage"_s);
    m_failure->setObjectName(u"historyFailure"_s);
    m_resendAction->setObjectName(u"historyResendAction"_s);
    m_copyCurlAction->setObjectName(u"historyCopyCurlAction"_s);
    m_copyIdAction->setObjectName(u"historyCopyIdAction"_s);

    // The table: one line per delivery, every row the same height, sorted by time only.
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setSortingEnabled(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height()
                                                     + fontMetrics().height() / 2);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    header->setSectionsClickable(true);
    header->setSortIndicatorShown(true);
    header->setSortIndicator(HistoryTableModel::TimeColumn, Qt::DescendingOrder);
    const int em = fontMetrics().averageCharWidth();
    const auto widthOf = [this, em](const QString &sample) {
        return fontMetrics().horizontalAdvance(sample) + 3 * em;
    };
    m_table->setColumnWidth(HistoryTableModel::TimeColumn, widthOf(u"8888-88-88 88:88:88"_s));
    m_table->setColumnWidth(HistoryTableModel::StatusColumn, 12 * em);
    m_table->setColumnWidth(HistoryTableModel::AttemptsColumn, 9 * em);
    m_table->setColumnWidth(HistoryTableModel::HttpColumn, 6 * em);
    m_table->setColumnWidth(HistoryTableModel::RuleColumn, 20 * em);
    m_table->setColumnWidth(HistoryTableModel::EventColumn, 16 * em);
    m_table->setColumnWidth(HistoryTableModel::UrlColumn, 30 * em);
    m_table->setColumnWidth(HistoryTableModel::IdColumn,
                            widthOf(u"msg_MMMMMMMMMMMMMMMMMMMMMMMMMM"_s));
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->addActions({m_resendAction, m_copyCurlAction, m_copyIdAction});

    m_resendButton->setDefaultAction(m_resendAction);
    m_copyCurlButton->setDefaultAction(m_copyCurlAction);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setTextFormat(Qt::PlainText);
    m_failure->setWordWrap(true);
    m_failure->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_failure->setTextFormat(Qt::PlainText);
    m_failure->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_failure->setMargin(fontMetrics().height());

    auto *detailSide = new QWidget(m_splitter);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_attempt);
    buttons->addWidget(m_copyCurlButton);
    buttons->addWidget(m_resendButton);
    buttons->addWidget(m_message, 1);
    auto *detailLayout = new QVBoxLayout(detailSide);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addLayout(buttons);
    detailLayout->addWidget(m_detail, 1);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(detailSide);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    m_stack->addWidget(m_splitter);
    m_stack->addWidget(m_failure);

    m_source->setTextFormat(Qt::PlainText);
    m_source->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *sourceLine = new QHBoxLayout;
    sourceLine->addWidget(m_source, 1);
    sourceLine->addWidget(m_localButton);
    auto *top = new QHBoxLayout;
    top->addWidget(m_filters, 1);
    top->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(sourceLine);
    layout->addLayout(top);
    layout->addWidget(m_stack, 1);
    setTabOrder(m_filters, m_table);
    setTabOrder(m_table, m_attempt);
    setTabOrder(m_attempt, m_copyCurlButton);
    setTabOrder(m_copyCurlButton, m_resendButton);
    setTabOrder(m_resendButton, m_detail);

    connect(m_service, &DeliveryService::historyChanged, this, [this] {
        followServicePath();
        m_model->refreshSoon();
    });
    connect(m_filters, &HistoryFilterBar::filterChanged, this, [this] {
        HistoryFilter filter = m_filters->filter();
        filter.order = m_model->filter().order;
        m_model->setFilter(filter);
    });
    connect(header, &QHeaderView::sortIndicatorChanged, this,
            [this, header](int section, Qt::SortOrder order) {
                if (section == HistoryTableModel::TimeColumn) {
                    m_model->sort(section, order);
                    return;
                }
                const QSignalBlocker blocker(header);
                header->setSortIndicator(HistoryTableModel::TimeColumn, m_model->filter().order);
            });
    connect(m_model, &HistoryTableModel::rulesListed, m_filters, &HistoryFilterBar::setRules);
    connect(m_model, &HistoryTableModel::readFailed, this, &HistoryPanel::updateFailure);
    connect(m_model, &HistoryTableModel::counted, this, [this] {
        updateFailure();
        updateCount();
        refreshDetail();
        if (!m_wantedId.isEmpty())
            m_model->locate(m_wantedId);
    });
    connect(m_model, &HistoryTableModel::located, this, &HistoryPanel::select);
    // The current row may have been selected before it was read.
    connect(m_model, &HistoryTableModel::pageLoaded, this, [this](int first, int last) {
        const int current = m_table->currentIndex().row();
        if (current >= first && current <= last)
            currentRowChanged();
    });
    // A reset (other filters, or rows that changed place) keeps the selected delivery and the
    // scroll position; new rows at the top keep the rows in view where they are.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        if (m_wantedId.isEmpty())
            m_wantedId = m_shownId;
        m_savedScroll = m_table->verticalScrollBar()->value();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        QTimer::singleShot(0, this, [this] {
            if (!m_table->currentIndex().isValid())
                m_table->verticalScrollBar()->setValue(m_savedScroll);
        });
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) {
                QScrollBar *bar = m_table->verticalScrollBar();
                if (first != 0 || bar->value() == 0)
                    return;
                const int rows = last - first + 1;
                const int delta = m_table->verticalScrollMode() == QAbstractItemView::ScrollPerPixel
                                      ? rows * m_table->verticalHeader()->defaultSectionSize()
                                      : rows;
                bar->setMaximum(bar->maximum() + delta);
                bar->setValue(bar->value() + delta);
            });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &HistoryPanel::currentRowChanged);
    connect(m_localButton, &QToolButton::clicked, m_service, &DeliveryService::showLocalHistory);
    connect(m_resendAction, &QAction::triggered, this, &HistoryPanel::resend);
    connect(m_copyCurlAction, &QAction::triggered, this, &HistoryPanel::copyCurl);
    connect(m_copyIdAction, &QAction::triggered, this,
            [this] { QGuiApplication::clipboard()->setText(m_shownId); });

    retranslateUi();
    updateActions();
    followServicePath();
}

HistoryPanel::~HistoryPanel() = default;

QString HistoryPanel::selectedDeliveryId() const
{
    return m_shownId;
}

void HistoryPanel::focusSearch()
{
    m_filters->focusSearch();
}

void HistoryPanel::followServicePath()
{
    const QString where = m_service->shownLocation();
    if (where != m_model->databasePath()) {
        m_shownId.clear();
        m_wantedId.clear();
        m_detail->showNothing();
        updateActions();
        HistoryFilter filter = m_filters->filter();
        filter.order = m_model->filter().order;
        m_model->setFilter(filter);
    }
    m_model->setDatabase(where, m_service->shownPassword());
    updateSource();
    updateFailure();
}

void HistoryPanel::updateSource()
{
    const bool server = m_service->showsServerHistory();
    m_source->setVisible(server);
    m_localButton->setVisible(server);
    if (server)
        m_source->setText(
            tr("Server history: %1").arg(OpenStorage::shown(m_service->shownLocation())));
}

void HistoryPanel::currentRowChanged()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        if (m_wantedId.isEmpty() && !m_shownId.isEmpty()) {
            m_shownId.clear();
            m_detail->showNothing();
            updateActions();
        }
        return;
    }
    const QString id = current.data(HistoryTableModel::DeliveryIdRole).toString();
    if (!id.isEmpty() && id != m_shownId)
        showDelivery(id); // an empty id: the row is being read, pageLoaded comes back here
}

void HistoryPanel::showDelivery(const QString &id)
{
    QString error;
    const std::optional<Delivery> delivery = m_service->shownHistory().delivery(id, &error);
    const QList<Attempt> attempts =
        delivery ? m_service->shownHistory().attempts(id, &error) : QList<Attempt>();
    if (!delivery || !error.isEmpty()) {
        showMessage(error);
        if (!delivery)
            return;
    }
    const bool same = id == m_shownId;
    const int chosen = m_attempt->currentIndex();
    const bool lastChosen = chosen == m_attempt->count() - 1;
    m_shownId = id;
    m_detail->showDelivery(*delivery, attempts);
    const QSignalBlocker blocker(m_attempt);
    m_attempt->clear();
    for (const Attempt &attempt : attempts)
        m_attempt->addItem(tr("Attempt %1").arg(attempt.number), attempt.number);
    if (attempts.isEmpty())
        m_attempt->addItem(tr("Stored request"), 0);
    m_attempt->setCurrentIndex(same && !lastChosen ? chosen : m_attempt->count() - 1);
    updateActions();
}

void HistoryPanel::refreshDetail()
{
    if (m_shownId.isEmpty())
        return;
    const std::optional<Delivery> stored = m_service->shownHistory().delivery(m_shownId, nullptr);
    if (stored && stored != m_detail->delivery())
        showDelivery(m_shownId);
}

void HistoryPanel::select(const QString &id, int row)
{
    if (id != m_wantedId)
        return;
    m_wantedId.clear();
    if (row < 0) {
        currentRowChanged();
        return;
    }
    m_table->selectionModel()->setCurrentIndex(
        m_model->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void HistoryPanel::updateActions()
{
    const bool shown = !m_shownId.isEmpty();
    m_resendAction->setEnabled(shown);
    m_copyCurlAction->setEnabled(shown);
    m_copyIdAction->setEnabled(shown);
    m_attempt->setEnabled(shown);
}

void HistoryPanel::updateCount()
{
    if (m_stack->currentWidget() == m_failure) {
        m_count->clear();
        m_count->setToolTip(QString());
        return;
    }
    const int rows = m_model->rowCount();
    if (m_model->isEstimated()) {
        m_count->setText(tr("about %Ln delivery(ies)", "", rows));
        m_count->setToolTip(tr("Estimated from the database's statistics; the exact number "
                               "follows in a moment"));
        return;
    }
    m_count->setText(tr("%Ln delivery(ies)", "", rows));
    m_count->setToolTip(tr("Counted in %1 ms").arg(m_model->lastCountMs()));
}

void HistoryPanel::showMessage(const QString &message)
{
    m_message->setText(message);
}

// The model's failure to read, or the service's to open the history, in place of the list.
void HistoryPanel::updateFailure()
{
    QString failure = m_model->failure();
    if (failure.isEmpty() && !m_service->showsServerHistory())
        failure = m_service->openError();
    if (failure.isEmpty()) {
        m_stack->setCurrentWidget(m_splitter);
        updateCount();
        return;
    }
    m_failure->setText(failure + u"\n\n"_s
                       + tr("No deliveries are listed while the history cannot be read whole."));
    m_stack->setCurrentWidget(m_failure);
    if (!m_shownId.isEmpty() || !m_wantedId.isEmpty()) {
        m_shownId.clear();
        m_wantedId.clear();
        m_detail->showNothing();
        updateActions();
    }
    updateCount();
}

void HistoryPanel::resend()
{
    if (m_shownId.isEmpty())
        return;
    QString error;
    const std::optional<Delivery> original = m_service->shownHistory().delivery(m_shownId, &error);
    if (!original) {
        showMessage(error);
        return;
    }
    // As `kanca resend`: a new delivery of the same request, linked to the original. On a
    // server's history it is queued in the server's outbox, and the servers send it.
    const Delivery again = original->resentCopy(QDateTime::currentDateTimeUtc());
    if (!m_service->resend(again, &error)) {
        showMessage(error);
        return;
    }
    showMessage(m_service->showsServerHistory()
                    ? tr("Queued again as %1: the servers send it.").arg(again.id)
                    : tr("Sent again as %1.").arg(again.id));
    m_wantedId = again.id;
    m_model->refresh();
    Q_EMIT resent(original->id, again.id);
}

void HistoryPanel::copyCurl()
{
    const std::optional<Delivery> delivery = m_detail->delivery();
    if (!delivery)
        return;
    const QList<Attempt> &attempts = m_detail->attempts();
    const int chosen = m_attempt->currentIndex();
    if (attempts.isEmpty() || chosen < 0 || chosen >= attempts.size()) {
        QGuiApplication::clipboard()->setText(curlCommand(delivery->request, false));
        showMessage(tr("Copied the stored request as a cURL command (no attempt has added its "
                       "authentication headers yet)."));
        return;
    }
    QGuiApplication::clipboard()->setText(curlCommand(attempts.at(chosen).request, false));
    showMessage(tr("Copied attempt %1 as a cURL command. Secret header values stay masked: fill "
                   "them in before running it.")
                    .arg(attempts.at(chosen).number));
}

QByteArray HistoryPanel::saveState() const
{
    QByteArray state;
    QDataStream stream(&state, QIODevice::WriteOnly);
    stream << StateMagic << StateVersion << m_splitter->saveState()
           << m_table->horizontalHeader()->saveState();
    return state;
}

bool HistoryPanel::restoreState(const QByteArray &state)
{
    QDataStream stream(state);
    quint32 magic = 0;
    quint16 version = 0;
    QByteArray splitter;
    QByteArray header;
    stream >> magic >> version >> splitter >> header;
    if (stream.status() != QDataStream::Ok || magic != StateMagic || version != StateVersion)
        return false;
    const bool ok =
        m_splitter->restoreState(splitter) && m_table->horizontalHeader()->restoreState(header);
    // The order is the model's: the indicator follows it, not the saved header.
    const QSignalBlocker blocker(m_table->horizontalHeader());
    m_table->horizontalHeader()->setSortIndicator(HistoryTableModel::TimeColumn,
                                                  m_model->filter().order);
    return ok;
}

void HistoryPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void HistoryPanel::showEvent(QShowEvent *event)
{
    followServicePath();
    QWidget::showEvent(event);
}

void HistoryPanel::retranslateUi()
{
    m_resendAction->setText(tr("&Resend"));
    m_resendAction->setToolTip(tr("Sends the selected delivery again: a new delivery of the same "
                                  "request, linked to this one, signed anew."));
    m_copyCurlAction->setText(tr("Copy as c&URL"));
    m_copyCurlAction->setToolTip(tr("Copies the chosen attempt's request as a curl command line. "
                                    "Secret header values stay masked (********): fill them in "
                                    "before running it."));
    m_copyIdAction->setText(tr("Copy Delivery &Id"));
    m_table->setAccessibleName(tr("Deliveries"));
    m_attempt->setAccessibleName(tr("Attempt to copy"));
    m_attempt->setToolTip(tr("The attempt whose request Copy as cURL copies"));
    m_message->setAccessibleName(tr("History messages"));
    m_count->setAccessibleName(tr("Number of deliveries"));
    m_failure->setAccessibleName(tr("Why the history is not shown"));
    m_localButton->setText(tr("Back to &Local History"));
    m_localButton->setToolTip(tr("Shows this computer's history again"));
    updateSource();
    for (int i = 0; i < m_attempt->count(); ++i) {
        const int number = m_attempt->itemData(i).toInt();
        m_attempt->setItemText(i, number > 0 ? tr("Attempt %1").arg(number) : tr("Stored request"));
    }
    m_model->retranslate();
    updateFailure();
}

} // namespace Kanca
