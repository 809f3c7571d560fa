#include "window/ServerHistoryDialog.h"

#include "action/ProblemLabel.h"
#include "postgres/PostgresUrl.h"
#include "text/TimeArgument.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace Kanca {

ServerHistoryDialog::ServerHistoryDialog(const QString &url, QWidget *parent, Purpose purpose)
    : QDialog(parent)
    , m_url(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_problem(new ProblemLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"serverHistoryDialog"_s);
    const bool backtest = purpose == Purpose::Backtest;
    setWindowTitle(backtest ? tr("Backtest Against a Server's History")
                            : tr("Open Server History"));
    m_url->setObjectName(u"serverHistoryUrl"_s);
    m_password->setObjectName(u"serverHistoryPassword"_s);
    m_url->setPlaceholderText(u"postgresql://kanca@db.example:5432/kanca"_s);
    m_url->setText(url);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("from the keychain, PGPASSWORD or ~/.pgpass"));

    auto *note = new QLabel(
        backtest ? tr("The PostgreSQL database that the servers (kanca serve --db URL) share: the "
                      "events they accepted and kept (--keep-events days) are read, without "
                      "changing the database, and the rules are run against them. A password "
                      "typed here is kept in the system keychain, never in Kanca's settings.")
                 : tr("The PostgreSQL database that the servers (kanca serve --db URL) "
                      "share. The History panel shows its deliveries until you go back "
                      "to the local history; Resend queues a delivery there for the "
                      "servers to send. A password typed here is kept in the system "
                      "keychain, never in Kanca's settings."),
        this);
    note->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Database &URL:"), m_url);
    form->addRow(tr("&Password:"), m_password);
    if (backtest) {
        m_since = new QLineEdit(this);
        m_until = new QLineEdit(this);
        m_since->setObjectName(u"serverHistorySince"_s);
        m_until->setObjectName(u"serverHistoryUntil"_s);
        m_since->setPlaceholderText(tr("from the first event (or 7d, 12h, 2026-12-01…)"));
        m_until->setPlaceholderText(tr("to the last event (or 1d, 2026-12-01T10:00:00Z…)"));
        form->addRow(tr("Received &since:"), m_since);
        form->addRow(tr("Received &before:"), m_until);
        connect(m_since, &QLineEdit::textChanged, this, &ServerHistoryDialog::validate);
        connect(m_until, &QLineEdit::textChanged, this, &ServerHistoryDialog::validate);
    }
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(note);
    layout->addWidget(m_buttons);

    const QFontMetrics metrics = fontMetrics();
    m_url->setMinimumWidth(metrics.averageCharWidth() * 44);
    setMinimumWidth(std::max(metrics.averageCharWidth() * 64,
                             metrics.horizontalAdvance(windowTitle()) + 12 * metrics.height()));

    connect(m_url, &QLineEdit::textChanged, this, &ServerHistoryDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

QString ServerHistoryDialog::url() const
{
    return m_url->text().trimmed();
}

QString ServerHistoryDialog::password() const
{
    return m_password->text();
}

namespace {

// A time typed in the dialog: nothing (an open end), or what the command line's --since takes.
std::optional<QDateTime> timeTyped(const QLineEdit *field, const QDateTime &now)
{
    const QString text = field ? field->text().trimmed() : QString();
    if (text.isEmpty())
        return QDateTime();
    return parseTimeArgument(text, now);
}

} // namespace

QDateTime ServerHistoryDialog::since() const
{
    return timeTyped(m_since, QDateTime::currentDateTimeUtc()).value_or(QDateTime());
}

QDateTime ServerHistoryDialog::until() const
{
    return timeTyped(m_until, QDateTime::currentDateTimeUtc()).value_or(QDateTime());
}

void ServerHistoryDialog::validate()
{
    QString problem;
    const QString text = url();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const std::optional<QDateTime> since = timeTyped(m_since, now);
    const std::optional<QDateTime> until = timeTyped(m_until, now);
    if (text.isEmpty()) {
        problem = tr("Give the database's URL: postgresql://USER@HOST:PORT/DATABASE.");
    } else if (!PostgresUrl::isPostgresUrl(text)) {
        problem = tr("The URL must start with postgresql:// (or postgres://).");
    } else if (!PostgresUrl::parse(text, &problem)) {
        // the URL's problem, as parse() says it
    } else if (!since) {
        problem = tr("\"Received since\" takes a date (2026-12-01), a date and time "
                     "(2026-12-01T10:00:00Z) or a time ago (30m, 12h, 7d), not \"%1\".")
                      .arg(m_since->text().trimmed());
    } else if (!until) {
        problem = tr("\"Received before\" takes a date (2026-12-01), a date and time "
                     "(2026-12-01T10:00:00Z) or a time ago (30m, 12h, 7d), not \"%1\".")
                      .arg(m_until->text().trimmed());
    } else if (since->isValid() && until->isValid() && *until <= *since) {
        problem = tr("\"Received before\" must be later than \"Received since\".");
    }
    m_problem->setMessages(problem.isEmpty() ? QStringList{} : QStringList{problem});
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

} // namespace Kanca
