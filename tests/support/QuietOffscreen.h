#pragma once

// The offscreen platform warns "This plugin does not support raise()" and the like whenever a
// window is shown or moved; tests of whole windows silence just those, and pass on the rest.

#include <QString>
#include <QtGlobal>

namespace Kanca::Testing {

inline QtMessageHandler &previousMessageHandler()
{
    static QtMessageHandler handler = nullptr;
    return handler;
}

inline void quietOffscreenMessage(QtMsgType type, const QMessageLogContext &context,
                                  const QString &message)
{
    if (type == QtWarningMsg
        && message.startsWith(QLatin1StringView("This plugin does not support")))
        return;
    previousMessageHandler()(type, context, message);
}

// Call once, in initTestCase().
inline void quietOffscreenWarnings()
{
    previousMessageHandler() = qInstallMessageHandler(quietOffscreenMessage);
}

} // namespace Kanca::Testing
