#include "window/ServerHistoryDialog.h"

#include "action/ProblemLabel.h"
#include "postgres/PostgresUrl.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Kanca {

ServerHistoryDialog::ServerHistoryDialog(const QString &url, QWidget *parent)
    : QDialog(parent)
    , m_url(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_problem(new ProblemLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"serverHistoryDialog"_s);
    setWindowTitle(tr("Open Server History"));
    m_url->setObjectName(u"serverHistoryUrl"_s);
    m_password->setObjectName(u"serverHistoryPassword"_s);
    m_url->setPlaceholderText(u"postgresql://kanca@db.example:5432/kanca"_s);
    m_url->setText(url);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("from the keychain, PGPASSWORD or ~/.pgpass"));

    auto *note = new QLabel(tr("The PostgreSQL database that the servers (kanca serve --db URL) "
                               "share. The History panel shows its deliveries until you go back "
                               "to the local history; Resend queues a delivery there for the "
                               "servers to send. A password typed here is kept in the system "
                               "keychain, never in Kanca's settings."),
                            this);
    note->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Database &URL:"), m_url);
    form->addRow(tr("&Password:"), m_password);
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

void ServerHistoryDialog::validate()
{
    QString problem;
    const QString text = url();
    if (text.isEmpty())
        problem = tr("Give the database's URL: postgresql://USER@HOST:PORT/DATABASE.");
    else if (!PostgresUrl::isPostgresUrl(text))
        problem = tr("The URL must start with postgresql:// (or postgres://).");
    else
        PostgresUrl::parse(text, &problem);
    m_problem->setMessages(problem.isEmpty() ? QStringList{} : QStringList{problem});
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

} // namespace Kanca
