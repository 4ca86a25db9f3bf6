#include "auth/callbackpage.h"

namespace clipshelf {

QByteArray callbackPageHtml(const QString &title, const QString &message, bool success)
{
    const QString accent = success ? QStringLiteral("#2f7d5b") : QStringLiteral("#b3261e");
    const QString mark = success ? QStringLiteral("&#10003;") : QStringLiteral("!");
    const QString html = QStringLiteral(R"(<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>%1 · Clipshelf</title>
<style>
:root { color-scheme: light dark; }
body { margin:0; min-height:100vh; display:flex; align-items:center; justify-content:center;
       font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Cantarell, sans-serif;
       background: light-dark(#f4f5f8, #17181c); color: light-dark(#1c1d22, #e8e9ee); }
main { max-width: 28rem; padding: 2.5rem 2.75rem; border-radius: 16px; text-align:center;
       background: light-dark(#ffffff, #22242a); box-shadow: 0 8px 30px rgba(0,0,0,.08); }
.mark { width:3rem; height:3rem; margin:0 auto 1rem; border-radius:50%; display:flex;
        align-items:center; justify-content:center; color:#fff; font-size:1.5rem; background:%3; }
h1 { font-size:1.35rem; margin:0 0 .5rem; }
p { margin:0; color: light-dark(#555a66, #aeb2bd); }
</style></head>
<body><main><div class="mark">%4</div><h1>%1</h1><p>%2</p></main></body></html>
)");
    return html
        .arg(title.toHtmlEscaped(),
             (message.isEmpty() && success ? QStringLiteral("You can close this tab.") : message)
                 .toHtmlEscaped(),
             accent, mark)
        .toUtf8();
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 431:
        return "Request Header Fields Too Large";
    default:
        return "Error";
    }
}

} // namespace clipshelf
