#pragma once

#include <QLabel>
#include <QStringList>

namespace Kanca {

// A line (or a few) under an input that says what is wrong with it, in the palette's problem
// colour; hidden when there is nothing to say.
class ProblemLabel final : public QLabel
{
    Q_OBJECT

public:
    explicit ProblemLabel(QWidget *parent = nullptr);

    void setMessages(const QStringList &messages);
    const QStringList &messages() const { return m_messages; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColour();

    QStringList m_messages;
    bool m_applyingColour = false;
};

} // namespace Kanca
