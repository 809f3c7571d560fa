#include "postgres/PostgresUrl.h"

#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Kanca {

bool PostgresUrl::isPostgresUrl(const QString &text)
{
    return text.startsWith(u"postgresql://"_s, Qt::CaseInsensitive)
           || text.startsWith(u"postgres://"_s, Qt::CaseInsensitive);
}

std::optional<PostgresUrl> PostgresUrl::parse(const QString &text, QString *error)
{
    const QUrl url(text, QUrl::StrictMode);
    // The message never repeats the text: it may hold a password.
    const auto fail = [&](const QString &why) {
        if (error)
            *error = tr("The database URL is not valid: %1 (expected "
                        "postgresql://USER@HOST:PORT/DATABASE).")
                         .arg(why);
        return std::nullopt;
    };
    if (!url.isValid() || !isPostgresUrl(text))
        return fail(tr("it cannot be read as a URL"));
    PostgresUrl out;
    out.user = url.userName();
    out.password = url.password();
    out.host = url.host();
    out.port = url.port(5432);
    out.database = url.path().mid(1);
    QStringList options;
    const QUrlQuery query(url);
    for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (name == u"host")
            out.host = value;
        else if (name == u"user")
            out.user = value;
        else
            options.append(name + u'=' + value);
    }
    out.options = options.join(u';');
    if (out.database.isEmpty() || out.database.contains(u'/'))
        return fail(tr("it names no database"));
    if (out.host.isEmpty())
        return fail(tr("it names no host"));
    return out;
}

QString PostgresUrl::shown() const
{
    QString text = u"postgresql://"_s;
    if (!user.isEmpty())
        text += user + (password.isEmpty() ? u"@"_s : u":***@"_s);
    text += host.startsWith(u'/') ? QString() : host;
    text += u':' + QString::number(port) + u'/' + database;
    if (host.startsWith(u'/'))
        text += u"?host="_s + host;
    return text;
}

QString PostgresUrl::withoutPassword(const QString &text)
{
    QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.password().isEmpty())
        return text;
    url.setPassword(QString());
    return url.toString();
}

} // namespace Kanca
