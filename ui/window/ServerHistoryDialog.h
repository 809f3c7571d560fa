#pragma once

#include <QDateTime>
#include <QDialog>

class QDialogButtonBox;
class QLineEdit;

namespace Kanca {
class ProblemLabel;
}

namespace Kanca {

// A server's history: the PostgreSQL database that `kanca serve` processes share, as a
// postgresql://USER@HOST:PORT/DATABASE URL, and its password (optional: left empty, the one in
// the keychain for that URL is used, else PGPASSWORD or ~/.pgpass). OK is refused, with the
// reason shown, while the URL cannot be read. Asked by File ▸ Open Server History… (to show the
// history) and by the Backtest panel (its events to run the rules against, with the time they
// were received in: since and until, each optional, as the command line's --since and --until).
class ServerHistoryDialog final : public QDialog
{
    Q_OBJECT

public:
    enum class Purpose { ShowHistory, Backtest };

    explicit ServerHistoryDialog(const QString &url, QWidget *parent = nullptr,
                                 Purpose purpose = Purpose::ShowHistory);

    QString url() const;
    QString password() const;
    // Purpose::Backtest: the events received at or after since() and before until(); an invalid
    // one leaves that end open. A time ago (7d) counts back from when they are asked for.
    QDateTime since() const;
    QDateTime until() const;

private:
    void validate();

    QLineEdit *m_url;
    QLineEdit *m_password;
    QLineEdit *m_since = nullptr;
    QLineEdit *m_until = nullptr;
    ProblemLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace Kanca
