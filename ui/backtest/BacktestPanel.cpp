#include "BacktestPanel.h"

#include "backtest/Backtest.h"
#include "backtest/KeptEvents.h"
#include "catalog/Catalog.h"
#include "document/RuleSetDocument.h"
#include "engine/RuleSetLoader.h"
#include "history/HistoryDatabase.h"
#include "outbox/OpenStorage.h"
#include "services/DeliveryService.h"
#include "settings/Settings.h"
#include "window/ServerHistoryDialog.h"

#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>

#include <atomic>
#include <optional>

namespace Kanca {

// One run in the background: its inputs, its progress (read from the window's thread) and its
// result. Shared by the panel and the worker thread, so that neither outlives what it reads.
struct BacktestPanel::Job
{
    std::optional<CompiledRuleSet> now;
    std::optional<CompiledRuleSet> before;
    Language language = Language::English;
    bool evaluate = true;
    // The events: given, or read first (`reads`) from a file or a history (local or a
    // server's), to be called `description` once read.
    std::shared_ptr<const QList<EventLines::Event>> events;
    bool reads = false;
    QString description;
    QString eventsFile;
    KeptEvents::Source history;

    std::atomic<bool> cancel{false};
    std::atomic<qint64> read{0}; // events read so far
    std::atomic<qint64> done{0};
    std::atomic<qint64> total{-1}; // -1 while the events are read

    BacktestReport report;
    qint64 skippedLines = 0;
    QString error;
    bool readingCancelled = false;
    std::unique_ptr<QThread> thread;

    void work();
};

void BacktestPanel::Job::work()
{
    if (!events) {
        EventLines::Result result =
            !eventsFile.isEmpty() ? EventLines::readFile(eventsFile, Catalog::builtIn())
                                  : KeptEvents::read(history, Catalog::builtIn(), &cancel, &read);
        if (cancel) {
            readingCancelled = true;
            return;
        }
        if (!result.error.isEmpty()) {
            error = eventsFile.isEmpty() ? result.error
                                         : eventsFile + QStringLiteral(": ") + result.error;
            return;
        }
        skippedLines = result.skippedCount;
        events = std::make_shared<const QList<EventLines::Event>>(std::move(result.events));
    }
    total = events->size();
    if (!evaluate || !now)
        return;
    Backtest::Options options;
    options.examples = ExamplesPerRule;
    options.traceLanguage = language;
    report = Backtest(*now, before ? &*before : nullptr).run(*events, options, &cancel, &done);
}

BacktestPanel::BacktestPanel(RuleSetDocument &document, DeliveryService *deliveries,
                             QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_deliveries(deliveries)
    , m_eventsLabel(new QLabel(this))
    , m_eventsButton(new QPushButton(this))
    , m_againstLabel(new QLabel(this))
    , m_againstButton(new QPushButton(this))
    , m_runButton(new QPushButton(this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_rules(new QTableWidget(0, 6, this))
    , m_changed(new QTableWidget(0, 4, this))
{
    setObjectName(QStringLiteral("backtestPanel"));
    m_eventsButton->setObjectName(QStringLiteral("backtestEventsButton"));
    m_againstButton->setObjectName(QStringLiteral("backtestAgainstButton"));
    m_runButton->setObjectName(QStringLiteral("backtestRunButton"));
    m_rules->setObjectName(QStringLiteral("backtestRules"));
    m_changed->setObjectName(QStringLiteral("backtestChangedEvents"));
    m_status->setObjectName(QStringLiteral("backtestStatus"));
    m_eventsLabel->setObjectName(QStringLiteral("backtestEvents"));
    m_eventsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_againstLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);
    m_progress->setMaximumWidth(200);
    m_progress->setVisible(false);

    for (QTableWidget *table : {m_rules, m_changed}) {
        table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        table->setSelectionBehavior(QAbstractItemView::SelectRows);
        table->setSelectionMode(QAbstractItemView::SingleSelection);
        table->verticalHeader()->setVisible(false);
        table->horizontalHeader()->setStretchLastSection(true);
    }

    auto *sources = new QHBoxLayout;
    sources->addWidget(m_eventsLabel, 1);
    sources->addWidget(m_eventsButton);
    sources->addWidget(m_againstLabel, 1);
    sources->addWidget(m_againstButton);
    sources->addWidget(m_runButton);
    sources->addWidget(m_progress);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_rules);
    splitter->addWidget(m_changed);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(sources);
    layout->addWidget(m_status);
    layout->addWidget(splitter, 1);

    connect(m_eventsButton, &QPushButton::clicked, this, &BacktestPanel::chooseEvents);
    connect(m_againstButton, &QPushButton::clicked, this, &BacktestPanel::chooseAgainst);
    connect(m_runButton, &QPushButton::clicked, this, [this] {
        if (isRunning())
            cancel();
        else
            run();
    });
    connect(m_rules, &QTableWidget::itemSelectionChanged, this, &BacktestPanel::showChangedEvents);
    connect(m_changed, &QTableWidget::cellActivated, this,
            [this](int row, int) { changedEventActivated(row); });
    connect(m_changed, &QTableWidget::cellClicked, this,
            [this](int row, int) { changedEventActivated(row); });

    m_progressTimer.setInterval(100);
    connect(&m_progressTimer, &QTimer::timeout, this, [this] {
        if (!m_job)
            return;
        const qint64 total = m_job->total.load();
        if (total < 0) {
            m_progress->setRange(0, 0); // reading: as long as it takes
            updateStatus();             // with the events read so far
        } else {
            m_progress->setRange(0, 1000);
            m_progress->setValue(total > 0 ? int(m_job->done.load() * 1000 / total) : 0);
        }
    });
    m_autoRunTimer.setSingleShot(true);
    m_autoRunTimer.setInterval(300);
    connect(&m_autoRunTimer, &QTimer::timeout, this, &BacktestPanel::run);

    for (auto signal : {&RuleSetDocument::ruleInserted, &RuleSetDocument::ruleRemoved,
                        &RuleSetDocument::ruleChanged}) {
        connect(&document, signal, this, &BacktestPanel::rulesChanged);
    }
    connect(&document, &RuleSetDocument::ruleMoved, this, &BacktestPanel::rulesChanged);
    connect(&document, &RuleSetDocument::resetDone, this, &BacktestPanel::rulesChanged);
    connect(&document, &RuleSetDocument::propertiesChanged, this, &BacktestPanel::rulesChanged);
    connect(&document, &RuleSetDocument::saved, this, &BacktestPanel::rulesChanged);

    retranslateUi();
}

BacktestPanel::~BacktestPanel()
{
    if (m_job) {
        m_job->cancel = true;
        m_job->thread->wait();
    }
}

qsizetype BacktestPanel::eventCount() const
{
    return m_events ? m_events->size() : 0;
}

void BacktestPanel::loadEventsFile(const QString &path)
{
    auto job = std::make_shared<Job>();
    job->reads = true;
    job->description = QFileInfo(path).fileName();
    job->eventsFile = path;
    startJob(std::move(job));
}

void BacktestPanel::loadLocalHistory(const QString &databasePath)
{
    auto job = std::make_shared<Job>();
    job->reads = true;
    job->description = tr("the local history");
    job->history.where = databasePath;
    startJob(std::move(job));
}

void BacktestPanel::loadServerHistory(const QString &url, const QString &password,
                                      const QDateTime &since, const QDateTime &until)
{
    auto job = std::make_shared<Job>();
    job->reads = true;
    job->history = {url, m_deliveries ? m_deliveries->serverPassword(url, password) : password,
                    since, until};
    const QLocale locale;
    const auto time = [&](const QDateTime &t) {
        return locale.toString(t.toLocalTime(), QLocale::ShortFormat);
    };
    const QString server = OpenStorage::shown(url);
    job->description = since.isValid() && until.isValid()
                           ? tr("%1, received from %2 to %3").arg(server, time(since), time(until))
                       : since.isValid() ? tr("%1, received since %2").arg(server, time(since))
                       : until.isValid() ? tr("%1, received before %2").arg(server, time(until))
                                         : server;
    startJob(std::move(job));
}

void BacktestPanel::setEvents(QList<EventLines::Event> events, const QString &description)
{
    m_events = std::make_shared<const QList<EventLines::Event>>(std::move(events));
    m_eventsDescription = description;
    m_skippedLines = 0;
    updateStatus();
}

void BacktestPanel::setAgainstFile(const QString &path)
{
    m_againstFile = path;
    retranslateUi();
    rulesChanged();
}

void BacktestPanel::run()
{
    if (!m_events) {
        if (!isRunning())
            chooseEvents();
        return;
    }
    auto job = std::make_shared<Job>();
    job->events = m_events;
    startJob(std::move(job));
}

void BacktestPanel::cancel()
{
    m_autoRunTimer.stop();
    if (m_job)
        m_job->cancel = true;
}

// Compiles the rules being edited (a copy: the worker must not read the document) and the
// version they are compared with, then runs the job on a thread of its own.
void BacktestPanel::startJob(std::shared_ptr<Job> job)
{
    m_autoRunTimer.stop();
    if (m_job) { // one run at a time: the newer one replaces it
        m_job->cancel = true;
        m_job->thread->wait();
        m_job.reset();
    }
    m_error.clear();
    Problems problems;
    job->language = m_document.ruleSet().locale;
    job->now = CompiledRuleSet::compile(m_document.ruleSet(), Catalog::builtIn(), &problems);
    if (hasErrors(problems)) {
        job->now.reset();
        m_error = tr("The rules have problems (see the Problems panel); fix them to run the "
                     "backtest.");
    }
    const QString against = m_againstFile.isEmpty() ? m_document.fileName() : m_againstFile;
    if (!against.isEmpty()) {
        RuleSetLoader::Result loaded = RuleSetLoader::loadFile(against, Catalog::builtIn());
        if (loaded.ok())
            job->before = std::move(*loaded.compiled);
        else if (m_error.isEmpty())
            m_error = tr("%1 cannot be read as a rule set; the rules are run without a "
                         "comparison.")
                          .arg(QFileInfo(against).fileName());
    }
    job->evaluate = job->now.has_value();
    Job *raw = job.get();
    job->thread.reset(QThread::create([raw] { raw->work(); }));
    connect(job->thread.get(), &QThread::finished, this, [this, job] { jobFinished(job); });
    m_job = job;
    m_stale = false;
    m_progress->setVisible(true);
    m_progress->setRange(0, 0);
    m_progressTimer.start();
    job->thread->start();
    updateStatus();
}

void BacktestPanel::jobFinished(const std::shared_ptr<Job> &job)
{
    if (job != m_job)
        return; // replaced by a newer run
    m_progressTimer.stop();
    m_progress->setVisible(false);
    bool readOk = true;
    if (job->reads) {
        // Events that cannot be read leave those chosen before as they were.
        const bool fromServer = KeptEvents::isServer(job->history.where);
        QString failure;
        if (job->readingCancelled) {
            failure = tr("Reading %1 was cancelled.").arg(job->description);
        } else if (!job->error.isEmpty()) {
            failure = job->error;
        } else if (fromServer && job->events->isEmpty()) {
            failure = tr("There are no events in %1: the servers keep the events they accept for "
                         "their --keep-events days (30 by default). Choose another time or "
                         "another server.")
                          .arg(job->description);
        }
        readOk = failure.isEmpty();
        if (readOk) {
            m_events = job->events;
            m_eventsDescription = job->description;
            m_skippedLines = job->skippedLines;
            if (fromServer) {
                // Remembered as File ▸ Open Server History… does: the URL without its password,
                // the password in the keychain.
                Settings::instance().setServerHistoryUrl(job->history.where);
                if (m_deliveries)
                    m_deliveries->keepServerPassword(job->history.where, job->history.password);
            }
        } else {
            m_error =
                m_events ? failure + u' ' + tr("The events chosen before are kept.") : failure;
        }
    }
    if (readOk && job->evaluate)
        m_report = std::move(job->report);
    else if (readOk && job->reads)
        m_report = {}; // other events: the last report says nothing of them

    m_job.reset();
    showReport();
    Q_EMIT runFinished();
    if (readOk && m_rulesChangedWhileReading)
        rulesChanged();
    m_rulesChangedWhileReading = false;
}

void BacktestPanel::rulesChanged()
{
    if (m_job && m_job->reads) {
        // The run after the reading has the rules as they were when it started: once more.
        m_rulesChangedWhileReading = true;
        return;
    }
    if (!m_events)
        return;
    if (m_events->size() <= AutoRunLimit) {
        m_autoRunTimer.start();
    } else {
        m_stale = true;
        updateStatus();
    }
}

void BacktestPanel::chooseEvents()
{
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("backtestEventsMenu"));
    QAction *file = menu.addAction(tr("Events File (JSON Lines)…"));
    QAction *history = menu.addAction(tr("Events Kept in the Local History"));
    QAction *server = menu.addAction(tr("Events Kept in a Server's History (PostgreSQL)…"));
    file->setObjectName(QStringLiteral("backtestEventsFromFile"));
    history->setObjectName(QStringLiteral("backtestEventsFromLocalHistory"));
    server->setObjectName(QStringLiteral("backtestEventsFromServer"));
    QAction *chosen = menu.exec(m_eventsButton->mapToGlobal(QPoint(0, m_eventsButton->height())));
    if (chosen == file) {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Events to Backtest Against"), QString(),
            tr("Events, one per line (*.jsonl *.ndjson *.json);;All files (*)"));
        if (!path.isEmpty())
            loadEventsFile(path);
    } else if (chosen == history) {
        loadLocalHistory(HistoryDatabase::defaultPath());
    } else if (chosen == server) {
        chooseServerHistory();
    }
}

// The server the History panel shows is offered first, else the one last opened or read.
void BacktestPanel::chooseServerHistory()
{
    const QString url = m_deliveries && m_deliveries->showsServerHistory()
                            ? m_deliveries->shownLocation()
                            : Settings::instance().serverHistoryUrl();
    ServerHistoryDialog dialog(url, this, ServerHistoryDialog::Purpose::Backtest);
    if (dialog.exec() != QDialog::Accepted)
        return;
    loadServerHistory(dialog.url(), dialog.password(), dialog.since(), dialog.until());
}

void BacktestPanel::chooseAgainst()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Compare With a Rule Set"), QString(),
                                     tr("Kanca rule sets (*.kanca.json *.json)"));
    if (!path.isEmpty())
        setAgainstFile(path);
}

void BacktestPanel::showReport()
{
    const QLocale locale;
    const bool compared = m_report.compared;
    m_rules->setRowCount(int(m_report.rules.size()));
    for (int row = 0; row < m_report.rules.size(); ++row) {
        const BacktestReport::Rule &r = m_report.rules.at(row);
        const QString change = !compared     ? QString()
                               : r.changed() ? tr("+%1 / −%2")
                                                   .arg(locale.toString(r.newlyMatched),
                                                        locale.toString(r.noLongerMatched))
                                             : tr("no change");
        const QStringList cells{r.name.isEmpty() ? r.id : r.name,
                                r.eventType,
                                locale.toString(r.seen),
                                compared ? locale.toString(r.matchedBefore) : QString(),
                                locale.toString(r.matched),
                                change};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            if (column >= 2 && column <= 4)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (r.changed()) {
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
                item->setBackground(palette().color(QPalette::Highlight).lighter(170));
                item->setForeground(palette().color(QPalette::Text).darker(150));
            }
            item->setData(Qt::UserRole, row);
            m_rules->setItem(row, column, item);
        }
    }
    m_rules->resizeColumnsToContents();
    showChangedEvents();
    updateStatus();
}

void BacktestPanel::showChangedEvents()
{
    const QList<QTableWidgetItem *> selected = m_rules->selectedItems();
    const int only = selected.isEmpty() ? -1 : selected.first()->data(Qt::UserRole).toInt();
    m_changed->setRowCount(0);
    for (int row = 0; row < m_report.rules.size(); ++row) {
        if (only >= 0 && row != only)
            continue;
        const BacktestReport::Rule &r = m_report.rules.at(row);
        for (const bool newly : {true, false}) {
            for (const BacktestReport::Example &e : newly ? r.newly : r.noLonger) {
                const int at = m_changed->rowCount();
                m_changed->insertRow(at);
                const QStringList cells{e.eventId, e.line > 0 ? QString::number(e.line) : QString(),
                                        r.name.isEmpty() ? r.id : r.name,
                                        newly ? tr("now matches") : tr("no longer matches")};
                for (int column = 0; column < cells.size(); ++column) {
                    auto *item = new QTableWidgetItem(cells.at(column));
                    item->setData(Qt::UserRole, QVariant::fromValue(qint64(e.index)));
                    item->setData(Qt::UserRole + 1, r.id);
                    m_changed->setItem(at, column, item);
                }
            }
        }
    }
    m_changed->resizeColumnsToContents();
}

void BacktestPanel::changedEventActivated(int row)
{
    const QTableWidgetItem *item = m_changed->item(row, 0);
    if (!item || !m_events)
        return;
    const qint64 index = item->data(Qt::UserRole).toLongLong();
    const qsizetype rule = m_document.indexOfRule(item->data(Qt::UserRole + 1).toString());
    if (index < 0 || index >= m_events->size() || rule < 0)
        return;
    Q_EMIT eventChosen(rule, m_events->at(index).event.toJson());
}

void BacktestPanel::updateStatus()
{
    const QLocale locale;
    m_runButton->setText(isRunning() ? tr("Cancel") : tr("Run"));
    const bool reading = m_job && m_job->reads;
    m_eventsLabel->setText(reading    ? tr("Events: %1").arg(m_job->description)
                           : m_events ? tr("Events: %1").arg(m_eventsDescription)
                                      : tr("Events: none chosen"));
    QString status;
    if (reading && m_job->total.load() < 0) {
        const qint64 read = m_job->read.load();
        status = read > 0 ? tr("Reading the events… %1 read so far.").arg(locale.toString(read))
                          : tr("Reading the events…");
    } else if (isRunning()) {
        status = tr("Running…");
    } else if (!m_error.isEmpty()) {
        status = m_error;
    } else if (!m_events) {
        status = tr("Choose the events to run the rules against: a file of past events, one per "
                    "line, the events kept in the local history, or those a server's history "
                    "kept.");
    } else if (m_report.events == 0 && !m_report.cancelled) {
        status = tr("%1 events ready. Press Run.").arg(locale.toString(qint64(m_events->size())));
    } else {
        status = m_report.cancelled ? tr("Cancelled after %1 of %2 events.")
                                          .arg(locale.toString(m_report.events),
                                               locale.toString(qint64(m_events->size())))
                                    : tr("%1 events.").arg(locale.toString(m_report.events));
        if (m_skippedLines > 0)
            status += u' '
                      + tr("%1 lines were not events and were skipped.")
                            .arg(locale.toString(m_skippedLines));
        if (m_report.compared)
            status += u' '
                      + tr("%1 of %2 rules change.")
                            .arg(m_report.changedRules())
                            .arg(m_report.rules.size());
        else
            status += u' '
                      + tr("Nothing to compare with: save the rule set, or choose a file "
                           "to compare with.");
        if (m_stale)
            status += u' ' + tr("The rules changed since this run: press Run to see the effect.");
    }
    m_status->setText(status);
}

void BacktestPanel::retranslateUi()
{
    m_eventsButton->setText(tr("Choose Events…"));
    m_againstButton->setText(tr("Compare With…"));
    m_againstLabel->setText(m_againstFile.isEmpty()
                                ? tr("Compared with: the saved file")
                                : tr("Compared with: %1").arg(QFileInfo(m_againstFile).fileName()));
    m_rules->setHorizontalHeaderLabels(
        {tr("Rule"), tr("Event"), tr("Seen"), tr("Before"), tr("After"), tr("Change")});
    m_changed->setHorizontalHeaderLabels({tr("Event ID"), tr("Line"), tr("Rule"), tr("Change")});
    updateStatus();
    if (!m_report.rules.isEmpty())
        showReport();
}

void BacktestPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace Kanca
