#include "catcher/CatcherPanel.h"

#include "catcher/CaughtRequestModel.h"
#include "document/RuleSetDocument.h"
#include "editing/PrettyJson.h"
#include "endpoints/Catcher.h"
#include "sendtest/RuleVerifier.h"
#include "services/SecretStore.h"
#include "services/TestEndpoints.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace Kanca {

CatcherPanel::CatcherPanel(TestEndpoints *endpoints, RuleSetDocument *document,
                           SecretStore *secrets, QWidget *parent)
    : QWidget(parent)
    , m_endpoints(endpoints)
    , m_document(document)
    , m_secrets(secrets)
    , m_model(new CaughtRequestModel(endpoints->catcher(), this))
    , m_startStop(new QPushButton(this))
    , m_portLabel(new QLabel(this))
    , m_port(new QSpinBox(this))
    , m_url(new QLineEdit(this))
    , m_copyUrl(new QToolButton(this))
    , m_clear(new QToolButton(this))
    , m_state(new QLabel(this))
    , m_answerLabel(new QLabel(this))
    , m_status(new QSpinBox(this))
    , m_delayLabel(new QLabel(this))
    , m_delay(new QSpinBox(this))
    , m_retryAfterLabel(new QLabel(this))
    , m_retryAfter(new QLineEdit(this))
    , m_bodyLabel(new QLabel(this))
    , m_responseBody(new QLineEdit(this))
    , m_verify(new QCheckBox(this))
    , m_verifyNote(new QLabel(this))
    , m_count(new QLabel(this))
    , m_list(new QTableView(this))
    , m_headers(new QTableWidget(this))
    , m_body(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("catcherPanel"));
    m_startStop->setObjectName(QStringLiteral("catcherStartStop"));
    m_port->setObjectName(QStringLiteral("catcherPort"));
    m_url->setObjectName(QStringLiteral("catcherUrl"));
    m_copyUrl->setObjectName(QStringLiteral("catcherCopyUrl"));
    m_clear->setObjectName(QStringLiteral("catcherClear"));
    m_state->setObjectName(QStringLiteral("catcherState"));
    m_status->setObjectName(QStringLiteral("catcherStatus"));
    m_delay->setObjectName(QStringLiteral("catcherDelay"));
    m_retryAfter->setObjectName(QStringLiteral("catcherRetryAfter"));
    m_responseBody->setObjectName(QStringLiteral("catcherResponseBody"));
    m_verify->setObjectName(QStringLiteral("catcherVerify"));
    m_count->setObjectName(QStringLiteral("catcherCount"));
    m_list->setObjectName(QStringLiteral("catcherRequests"));
    m_headers->setObjectName(QStringLiteral("catcherHeaders"));
    m_body->setObjectName(QStringLiteral("catcherBody"));

    m_port->setRange(0, 65535);
    m_port->setValue(0);
    m_url->setReadOnly(true);
    m_state->setWordWrap(true);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setRange(200, 599);
    m_status->setValue(200);
    m_delay->setRange(0, Catcher::MaxDelayMs);
    m_delay->setSingleStep(100);
    m_retryAfter->setMaxLength(64);
    m_verify->setChecked(true);
    m_verifyNote->setWordWrap(true);
    m_list->setModel(m_model);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setStretchLastSection(false);
    m_list->horizontalHeader()->setSectionResizeMode(CaughtRequestModel::PathColumn,
                                                     QHeaderView::Stretch);
    m_list->setAlternatingRowColors(true);
    m_list->setWordWrap(false);
    m_headers->setColumnCount(2);
    m_headers->verticalHeader()->hide();
    m_headers->horizontalHeader()->setStretchLastSection(true);
    m_headers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_headers->setWordWrap(false);
    m_body->setReadOnly(true);
    m_body->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_body->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    auto *listenLine = new QHBoxLayout;
    listenLine->addWidget(m_startStop);
    listenLine->addWidget(m_portLabel);
    listenLine->addWidget(m_port);
    listenLine->addWidget(m_url, 1);
    listenLine->addWidget(m_copyUrl);
    listenLine->addWidget(m_clear);

    auto *answerLine = new QHBoxLayout;
    answerLine->addWidget(m_answerLabel);
    answerLine->addWidget(m_status);
    answerLine->addWidget(m_delayLabel);
    answerLine->addWidget(m_delay);
    answerLine->addWidget(m_retryAfterLabel);
    answerLine->addWidget(m_retryAfter);
    answerLine->addWidget(m_bodyLabel);
    answerLine->addWidget(m_responseBody, 1);

    auto *verifyLine = new QHBoxLayout;
    verifyLine->addWidget(m_verify);
    verifyLine->addWidget(m_verifyNote, 1);
    verifyLine->addWidget(m_count);

    auto *detail = new QSplitter(Qt::Vertical, this);
    detail->addWidget(m_headers);
    detail->addWidget(m_body);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("catcherSplitter"));
    split->addWidget(m_list);
    split->addWidget(detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(listenLine);
    layout->addWidget(m_state);
    layout->addLayout(answerLine);
    layout->addLayout(verifyLine);
    layout->addWidget(split, 1);

    Catcher *catcher = m_endpoints->catcher();
    connect(m_startStop, &QPushButton::clicked, this, [this] {
        if (m_endpoints->catcher()->isListening())
            stop();
        else
            start();
    });
    connect(m_copyUrl, &QToolButton::clicked, this, [this] {
        if (!m_url->text().isEmpty())
            QApplication::clipboard()->setText(m_url->text());
    });
    connect(m_clear, &QToolButton::clicked, catcher, &Catcher::clear);
    connect(catcher, &Catcher::listeningChanged, this, &CatcherPanel::updateState);
    connect(catcher, &Catcher::requestCaught, this, [this] {
        updateCount();
        // Follow the newest request unless the user is looking at another one.
        if (!m_list->selectionModel()->hasSelection()
            || m_list->selectionModel()->currentIndex().row() == m_model->rowCount() - 2)
            m_list->selectRow(m_model->rowCount() - 1);
    });
    connect(catcher, &Catcher::cleared, this, [this] {
        updateCount();
        showRequest(nullptr);
    });
    connect(catcher, &Catcher::oldestDropped, this, &CatcherPanel::updateCount);
    connect(catcher, &Catcher::malformedRequestReceived, this, &CatcherPanel::updateCount);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CatcherPanel::showSelected);
    for (QSpinBox *box : {m_status, m_delay})
        connect(box, &QSpinBox::valueChanged, this, &CatcherPanel::applyResponse);
    for (QLineEdit *edit : {m_retryAfter, m_responseBody})
        connect(edit, &QLineEdit::textChanged, this, &CatcherPanel::applyResponse);
    connect(m_verify, &QCheckBox::toggled, this, &CatcherPanel::updateVerifier);
    connect(m_document, &RuleSetDocument::currentRuleChanged, this, &CatcherPanel::updateVerifier);
    connect(m_document, &RuleSetDocument::ruleChanged, this, &CatcherPanel::updateVerifier);
    connect(m_document, &RuleSetDocument::resetDone, this, &CatcherPanel::updateVerifier);
    connect(m_secrets, &SecretStore::changed, this, &CatcherPanel::updateVerifier);

    retranslateUi();
    applyResponse();
    updateVerifier();
    updateState();
}

CatcherPanel::~CatcherPanel() = default;

void CatcherPanel::start()
{
    m_startError.clear();
    if (!m_endpoints->startCatcher(quint16(m_port->value()), &m_startError))
        updateState(); // says why
}

void CatcherPanel::stop()
{
    m_startError.clear();
    m_endpoints->stopCatcher();
}

QString CatcherPanel::statusText() const
{
    return m_state->text();
}

QString CatcherPanel::shownBody() const
{
    return m_body->toPlainText();
}

QString CatcherPanel::signatureNote() const
{
    return m_verifyNote->text();
}

void CatcherPanel::updateState()
{
    const Catcher *catcher = m_endpoints->catcher();
    const bool listening = catcher->isListening();
    m_startStop->setText(listening ? tr("Stop") : tr("Start"));
    m_port->setEnabled(!listening);
    if (listening) {
        m_startError.clear();
        m_port->setValue(catcher->port());
    }
    m_url->setText(m_endpoints->catcherUrl());
    m_copyUrl->setEnabled(listening);
    if (listening)
        m_state->setText(tr("Listening at %1. Send a rule's requests there with the Catcher "
                            "button beside its URL.")
                             .arg(m_endpoints->catcherUrl()));
    else if (!m_startError.isEmpty())
        m_state->setText(tr("The catcher cannot start: %1").arg(m_startError));
    else
        m_state->setText(tr("Stopped. Start listens on 127.0.0.1 (port 0: any free port)."));
}

void CatcherPanel::updateCount()
{
    const Catcher *catcher = m_endpoints->catcher();
    QString text = tr("%n request(s)", nullptr, int(catcher->caughtCount()));
    if (catcher->droppedCount() > 0)
        text += QLatin1StringView(", ")
                + tr("%n dropped (oldest)", nullptr, int(catcher->droppedCount()));
    if (catcher->malformedCount() > 0)
        text +=
            QLatin1StringView(", ") + tr("%n malformed", nullptr, int(catcher->malformedCount()));
    m_count->setText(text);
}

void CatcherPanel::applyResponse()
{
    Catcher::Response response;
    response.status = m_status->value();
    response.delayMs = m_delay->value();
    if (const QString retryAfter = m_retryAfter->text().trimmed(); !retryAfter.isEmpty())
        response.headers.append({QByteArrayLiteral("Retry-After"), retryAfter.toUtf8()});
    response.body = m_responseBody->text().toUtf8();
    if (!response.body.isEmpty()) {
        const bool json = response.body.startsWith('{') || response.body.startsWith('[');
        response.headers.append({QByteArrayLiteral("Content-Type"),
                                 json ? QByteArrayLiteral("application/json")
                                      : QByteArrayLiteral("text/plain; charset=utf-8")});
    }
    m_endpoints->catcher()->setResponse(response);
}

void CatcherPanel::updateVerifier()
{
    if (!m_verify->isChecked()) {
        m_endpoints->catcher()->setVerifier(std::nullopt);
        m_verifyNote->setText(tr("Signatures are not checked."));
        return;
    }
    const qsizetype index = m_document->currentRule();
    const Rule *rule = index >= 0 && index < m_document->ruleSet().rules.size()
                           ? &m_document->ruleSet().rules.at(index)
                           : nullptr;
    const RuleVerifier verifier = RuleVerifier::forRule(rule, *m_secrets);
    m_endpoints->catcher()->setVerifier(verifier.verifier);
    m_verifyNote->setText(verifier.description);
}

void CatcherPanel::showSelected()
{
    showRequest(m_model->request(m_list->selectionModel()->currentIndex().row()));
}

void CatcherPanel::showRequest(const CaughtRequest *caught)
{
    m_headers->setRowCount(0);
    m_body->clear();
    if (!caught)
        return;
    const HttpRequest &request = caught->request;
    QList<std::pair<QString, QString>> rows;
    rows.append({tr("Request"), CaughtRequest::fieldText(request.method + ' ' + request.target + ' '
                                                         + request.httpVersion)});
    rows.append(
        {tr("From"), request.peerAddress.toString() + u':' + QString::number(request.peerPort)});
    if (caught->signature.status != SignatureCheck::Status::NotChecked) {
        QString signature = CaughtRequestModel::signatureText(*caught);
        if (!caught->signature.reason.isEmpty())
            signature += QLatin1StringView(": ") + caught->signature.reason;
        rows.append({tr("Signature"), signature});
    }
    for (const HttpHeader &header : request.headers)
        rows.append(
            {CaughtRequest::fieldText(header.name), CaughtRequest::fieldText(header.value)});
    for (const HttpHeader &trailer : request.trailers)
        rows.append({tr("%1 (trailer)").arg(CaughtRequest::fieldText(trailer.name)),
                     CaughtRequest::fieldText(trailer.value)});
    m_headers->setRowCount(int(rows.size()));
    for (int row = 0; row < rows.size(); ++row) {
        m_headers->setItem(row, 0, new QTableWidgetItem(rows.at(row).first));
        m_headers->setItem(row, 1, new QTableWidgetItem(rows.at(row).second));
    }
    m_headers->resizeColumnToContents(0);

    QString body;
    if (const std::optional<QString> pretty = prettyJson(request.body))
        body = *pretty;
    else
        body = QString::fromUtf8(request.body);
    if (request.bodyTruncated())
        body += u'\n'
                + tr("[only the first %1 of %2 bytes were kept]")
                      .arg(request.body.size())
                      .arg(request.bodySize);
    m_body->setPlainText(body);
}

void CatcherPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
}

void CatcherPanel::retranslateUi()
{
    m_portLabel->setText(tr("&Port:"));
    m_portLabel->setBuddy(m_port);
    m_port->setSpecialValueText(tr("any free"));
    m_port->updateGeometry(); // its width follows the text, also after a language switch
    m_port->setToolTip(tr("The port to listen on, on 127.0.0.1; any free port when 0"));
    m_url->setAccessibleName(tr("Catcher URL"));
    m_copyUrl->setText(tr("Copy URL"));
    m_clear->setText(tr("Clear"));
    m_answerLabel->setText(tr("Answer &with status"));
    m_answerLabel->setBuddy(m_status);
    m_delayLabel->setText(tr("after"));
    m_delayLabel->setBuddy(m_delay);
    m_delay->setSuffix(tr(" ms"));
    m_delay->setToolTip(tr("Wait this long before answering, to rehearse timeouts"));
    m_retryAfterLabel->setText(tr("Retr&y-After:"));
    m_retryAfterLabel->setBuddy(m_retryAfter);
    m_retryAfter->setPlaceholderText(tr("seconds"));
    m_retryAfter->setToolTip(tr("Sent as the Retry-After header when set, as with 429 or 503"));
    m_bodyLabel->setText(tr("B&ody:"));
    m_bodyLabel->setBuddy(m_responseBody);
    m_verify->setText(tr("Check si&gnatures"));
    m_headers->setHorizontalHeaderLabels({tr("Header"), tr("Value")});
    m_body->setAccessibleName(tr("Request body"));
    m_model->retranslate();
    updateState();
    updateCount();
    updateVerifier();
    showSelected();
}

} // namespace Kanca
