#include "ManPage.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace Kanca {

namespace {

// The help's text as a preformatted block: backslashes escaped, and a line that starts with a
// dot or an apostrophe kept from being read as a request.
QString verbatim(const QString &text)
{
    QStringList lines;
    const QStringList source = text.split(u'\n');
    for (QString line : source) {
        line.replace(u"\\"_s, u"\\e"_s);
        if (line.startsWith(u'.') || line.startsWith(u'\''))
            line.prepend(u"\\&"_s);
        lines.append(line);
    }
    while (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    return u".PP\n.nf\n"_s + lines.join(u'\n') + u"\n.fi\n"_s;
}

} // namespace

QString ManPage::render(const QString &version, const QString &overview,
                        const QList<Section> &commands)
{
    QString page;
    page += u".TH KANCA 1 \"\" \"Kanca "_s + version + u"\" \"User Commands\"\n"_s;
    page += u".SH NAME\nkanca \\- design, test and ship webhook rules\n"_s;
    page += u".SH SYNOPSIS\n.B kanca\n.RI [ FILE.kanca.json ]\n.br\n"_s
            u".B kanca\n.I COMMAND\n.RI [ OPTIONS ]\n"_s;
    page += u".SH DESCRIPTION\nWithout a command, \\fBkanca\\fR opens the designer (when it is "_s
            u"part of the build), with \\fIFILE\\fR if one is given.\n"_s;
    page += verbatim(overview);
    page += u".SH COMMANDS\n"_s;
    for (const Section &section : commands) {
        page += u".SS \\fBkanca "_s + section.command + u"\\fR\n"_s;
        page += verbatim(section.usage);
    }
    page += u".SH FILES\n"_s
            u".TP\n.I /etc/kanca/rules.kanca.json\nthe rule set of the kanca-serve service\n"_s
            u".TP\n.I /etc/kanca/kanca-serve.env\nits settings and secrets\n"_s
            u".TP\n.I /var/lib/kanca/history.sqlite\nits outbox, history and events\n"_s
            u".TP\n.I /etc/kanca/serve-PORT.env\nsettings of the worker "_s
            u"\\fBkanca-serve@PORT\\fR alone (workers sharing a PostgreSQL database; "_s
            u"\\fBkanca fleet\\fR lists them)\n"_s;
    page += u".SH SEE ALSO\n"_s
            u"The server guide: \\fI/usr/share/doc/kanca-server/server.md\\fR.\n"_s;
    return page;
}

} // namespace Kanca
