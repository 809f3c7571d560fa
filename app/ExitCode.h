#pragma once

namespace Kanca {

// The command line's exit codes (documented in `kanca --help` and the README).
enum ExitCode : int {
    ExitOk = 0,             // success; for send: every delivery succeeded
    ExitInvalidInput = 1,   // a rule set, event or file is invalid; nothing was done
    ExitUsage = 2,          // the command line itself is wrong
    ExitDeliveryFailed = 3, // send: at least one delivery failed for good
    ExitStorageFailed = 4,  // send, resend, deliver: the history could not be written; stopped
};

} // namespace Kanca
