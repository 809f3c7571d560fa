#pragma once

#include "delivery/Delivery.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace Kanca {

// What one delivery of a Send test came to, said in one line: the banner above the test's
// results. Delivered only on a 2xx answer; otherwise the status (or that no answer came) and
// how many attempts were made, so that a failure is never hidden behind a comparison that
// looks fine.
struct TestOutcome
{
    Q_DECLARE_TR_FUNCTIONS(TestOutcome)

public:
    bool delivered = false;
    std::optional<int> httpStatus; // the last attempt's answer, if one came
    int attempts = 0;
    qint64 durationMs = 0; // the last attempt's
    QString error;         // the last attempt's error in words; empty when delivered
    // Sending stopped before the delivery finished: the history could not be written. With
    // mayBeSentAgain, its request may have reached the receiver without the result recorded.
    bool stoppedByStorage = false;
    bool mayBeSentAgain = false;

    static TestOutcome of(const Delivery &delivery, const Attempt &lastAttempt);
    static TestOutcome stopped(bool mayBeSentAgain);

    // "✓ Delivered: HTTP 200 in 12 ms", "✗ HTTP 503 after 5 attempts",
    // "✗ No answer after 1 attempt: Connection refused", "✗ Not recorded: the history cannot be
    // written…".
    QString banner() const;
    // The banner of a whole test: one line per webhook when there are several (`outcomes` in
    // action order; an absent one is still being sent).
    static QString banner(const QList<std::optional<TestOutcome>> &outcomes);
    // The status in words for sentences such as "received, but answered HTTP 503".
    QString answerText() const;
};

} // namespace Kanca
