#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;

namespace Kanca {
class ProblemLabel;
}

namespace Kanca {

// File ▸ Open Server History…: the PostgreSQL database that `kanca serve` processes share, as a
// postgresql://USER@HOST:PORT/DATABASE URL, and its password (optional: left empty, the one in
// the keychain for that URL is used, else PGPASSWORD or ~/.pgpass). OK is refused, with the
// reason shown, while the URL cannot be read.
class ServerHistoryDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit ServerHistoryDialog(const QString &url, QWidget *parent = nullptr);

    QString url() const;
    QString password() const;

private:
    void validate();

    QLineEdit *m_url;
    QLineEdit *m_password;
    ProblemLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace Kanca
