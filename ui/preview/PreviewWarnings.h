#pragma once

#include <QList>
#include <QListWidget>
#include <QString>

namespace Kanca {

// One line of the preview's warnings.
struct PreviewWarning
{
    enum class Kind {
        Error,   // the rule cannot be sent as it is (an unknown placeholder, a body not JSON)
        Warning, // it can, but something needs attention (a secret without a value)
        Advice,  // good practice (personal data in the request)
    };
    Kind kind = Kind::Warning;
    QString text;    // a whole sentence, already translated
    QString pointer; // where in the rule set, if it is about a place ("/rules/0/then/0/url")
    friend bool operator==(const PreviewWarning &, const PreviewWarning &) = default;
};

// The preview's warnings, most serious first, each with its standard icon; activating one (double
// click, Enter) asks to show its place. Hidden while there is nothing to say.
class PreviewWarnings final : public QListWidget
{
    Q_OBJECT

public:
    explicit PreviewWarnings(QWidget *parent = nullptr);

    void setWarnings(const QList<PreviewWarning> &warnings);
    const QList<PreviewWarning> &warnings() const { return m_warnings; }

    QSize sizeHint() const override;

Q_SIGNALS:
    void placeActivated(const QString &pointer);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QList<PreviewWarning> m_warnings;
};

} // namespace Kanca
