<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr_TR">
<context>
    <name>AttemptVerdict</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 sn</translation>
    </message>
    <message>
        <source>(no Location given)</source>
        <translation>(Location başlığı yok)</translation>
    </message>
    <message>
        <source>HTTP %1: the server redirects to %2. Webhooks are not sent on across redirects; point the action at the new address.</source>
        <translation>HTTP %1: sunucu başka bir adrese yönlendiriyor: %2. Webhook&apos;lar yönlendirmeleri izlemez; aksiyonun URL&apos;sini yeni adresle değiştirin.</translation>
    </message>
    <message>
        <source>HTTP %1: the receiver says this endpoint is gone for good; not retried.</source>
        <translation>HTTP %1: alıcı bu adresin kalıcı olarak kaldırıldığını bildiriyor; yeniden denenmeyecek.</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>HTTP %1: the receiver refused the request; not retried.</source>
        <translation>HTTP %1: alıcı isteği reddetti; yeniden denenmeyecek.</translation>
    </message>
    <message>
        <source>TLS: %1 (host %2)</source>
        <translation>TLS: %1 (sunucu %2)</translation>
    </message>
    <message>
        <source>Connection refused by %1</source>
        <translation>%1 bağlantıyı reddetti</translation>
    </message>
    <message>
        <source>Host not found: %1</source>
        <translation>Sunucu bulunamadı: %1</translation>
    </message>
    <message>
        <source>TLS: the secure connection to %1 failed: %2</source>
        <translation>TLS: %1 ile güvenli bağlantı kurulamadı: %2</translation>
    </message>
    <message>
        <source>Network error: %1</source>
        <translation>Ağ hatası: %1</translation>
    </message>
    <message>
        <source>No complete answer within %1</source>
        <translation>%1 içinde tam bir yanıt gelmedi</translation>
    </message>
    <message>
        <source>No complete answer within %1 (HTTP %2, body bytes so far: %3)</source>
        <translation>%1 içinde tam bir yanıt gelmedi (HTTP %2, şimdiye dek gelen gövde baytı: %3)</translation>
    </message>
    <message>
        <source>%1 closed the connection before the answer was complete, or answered with something that is not HTTP</source>
        <translation>%1 yanıt tamamlanmadan bağlantıyı kapattı ya da HTTP olmayan bir şeyle yanıt verdi</translation>
    </message>
    <message>
        <source>HTTP %1: an interim answer where the final one was due, so the outcome is not known</source>
        <translation>HTTP %1: son yanıt beklenirken gelen bir ara yanıt, bu yüzden sonuç bilinmiyor</translation>
    </message>
    <message>
        <source>Could not connect to %1: %2</source>
        <translation>%1 adresine bağlanılamadı: %2</translation>
    </message>
    <message>
        <source>The URL %1 is not valid: %2</source>
        <translation>%1 geçerli bir URL değil: %2</translation>
    </message>
    <message>
        <source>Out of memory</source>
        <translation>Bellek yetersiz</translation>
    </message>
</context>
<context>
    <name>BacktestCommand</name>
    <message>
        <source>name one rule set file</source>
        <translation>tek bir kural seti dosyası verin</translation>
    </message>
    <message>
        <source>--since and --until go with --db</source>
        <translation>--since ve --until yalnızca --db ile kullanılır</translation>
    </message>
    <message>
        <source>--limit takes a number from 0 to 10000, not &quot;%1&quot;</source>
        <translation>--limit 0 ile 10000 arasında bir sayı alır, &quot;%1&quot; değil</translation>
    </message>
    <message>
        <source>--%1 takes a date, a date-time or a time ago such as 12h, not &quot;%2&quot;</source>
        <translation>--%1 bir tarih, bir tarih-saat ya da 12h gibi bir süre önce alır, &quot;%2&quot; değil</translation>
    </message>
    <message>
        <source>(skipped)</source>
        <translation>(atlandı)</translation>
    </message>
    <message>
        <source>%1 more lines skipped</source>
        <translation>%1 satır daha atlandı</translation>
    </message>
    <message>
        <source>Backtest of %1 on %2: %3 events</source>
        <translation>%1 kural setinin %2 üzerinde geriye dönük testi: %3 olay</translation>
    </message>
    <message>
        <source> (%1 lines skipped)</source>
        <translation> (%1 satır atlandı)</translation>
    </message>
    <message>
        <source>, read in %1 ms, evaluated in %2 ms</source>
        <translation>, %1 ms&apos;de okundu, %2 ms&apos;de değerlendirildi</translation>
    </message>
    <message>
        <source>Compared with %1: %2 of %3 rules change</source>
        <translation>%1 ile karşılaştırıldı: %3 kuraldan %2 tanesi değişiyor</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Kural</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Olay</translation>
    </message>
    <message>
        <source>      Seen   Matched    Rate  Webhooks</source>
        <translation>   Görülen   Eşleşen    Oran   Webhook</translation>
    </message>
    <message>
        <source>    Before     New    Gone</source>
        <translation>    Önceki    Yeni   Düşen</translation>
    </message>
    <message>
        <source>(only in %1)</source>
        <translation>(yalnızca %1 içinde)</translation>
    </message>
    <message>
        <source>(new rule)</source>
        <translation>(yeni kural)</translation>
    </message>
    <message>
        <source>%1 undecided</source>
        <translation>%1 karar verilemedi</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot;: %3 events newly match; the first %4:</source>
        <translation>%1 &quot;%2&quot;: %3 olay artık eşleşiyor; ilk %4 tanesi:</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot;: %3 events no longer match; the first %4:</source>
        <translation>%1 &quot;%2&quot;: %3 olay artık eşleşmiyor; ilk %4 tanesi:</translation>
    </message>
    <message>
        <source>(no id)</source>
        <translation>(kimliksiz)</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>satır %1</translation>
    </message>
    <message>
        <source>now: %1</source>
        <translation>şimdi: %1</translation>
    </message>
    <message>
        <source>before: %1</source>
        <translation>önce: %1</translation>
    </message>
    <message>
        <source>Usage: kanca backtest RULESET --events FILE.jsonl [--against OLD_RULESET] [options]
       kanca backtest RULESET --db PATH|URL [--since TIME] [--until TIME] [options]

Runs the rules of RULESET against past events and says what they would have done:
per rule, the events of its type seen, how many matched, the match rate and the
webhooks it would have sent. Nothing is sent. With --against, compares with another
version of the rule set (the one that runs now): per rule, how many events newly
match and how many no longer do, and the first of each with the trace of the
rule&apos;s condition in both versions, as kanca render --explain gives it.

Events come from a JSON-lines file (one event per line, as kanca render --event
reads one; resources/examples/events.jsonl is an example) or from the events a
kanca serve history kept: its SQLite file, or the PostgreSQL database the servers
share (postgresql://USER@HOST:PORT/DATABASE; the password from PGPASSWORD or
~/.pgpass), read without changing it. A line that is not an event is reported with
its number and skipped.

Options:
  --events FILE    the events, one JSON object per line
  --db PATH|URL    the events accepted by kanca serve into this history
  --since TIME     with --db: events received at or after TIME (2026-12-01,
                   2026-12-01T10:00:00Z, or a time ago: 30m, 12h, 7d)
  --until TIME     with --db: events received before TIME
  --against FILE   the rule set to compare with
  --json           one JSON object on standard output
  --limit N        events shown per rule and change (default 5)

Exit status: 0 when it ran (whatever it found), 1 on an invalid rule set or events
that cannot be read, 2 on a usage error.
</source>
        <translation>Kullanım: kanca backtest KURAL_SETİ --events DOSYA.jsonl [--against ESKİ_KURAL_SETİ] [seçenekler]
          kanca backtest KURAL_SETİ --db YOL|URL [--since ZAMAN] [--until ZAMAN] [seçenekler]

KURAL_SETİ&apos;nin kurallarını geçmiş olaylar üzerinde çalıştırır ve ne yapacaklarını
söyler: her kural için türündeki olay sayısı, kaçının eşleştiği, eşleşme oranı ve
göndereceği webhook sayısı. Hiçbir şey gönderilmez. --against ile kural setinin başka
bir sürümüyle (şu an çalışanla) karşılaştırır: her kural için kaç olayın yeni
eşleştiği ve kaçının artık eşleşmediği, ve her birinin ilkleri, kuralın koşulunun iki
sürümdeki izleriyle (kanca render --explain&apos;in verdiği açıklama).

Olaylar bir JSON satırları dosyasından (her satırda bir olay, kanca render --event&apos;in
okuduğu gibi; resources/examples/events.jsonl bir örnektir) ya da kanca serve&apos;ün
geçmişinde sakladığı olaylardan gelir: onun SQLite dosyası ya da sunucuların paylaştığı
PostgreSQL veritabanı (postgresql://KULLANICI@SUNUCU:PORT/VERİTABANI; parola
PGPASSWORD&apos;den ya da ~/.pgpass dosyasından), veritabanı değiştirilmeden okunur. Olay
olmayan bir satır, numarasıyla bildirilir ve atlanır.

Seçenekler:
  --events DOSYA   olaylar, her satırda bir JSON nesnesi
  --db YOL|URL     kanca serve&apos;ün bu geçmişe kabul ettiği olaylar
  --since ZAMAN    --db ile: ZAMAN anında ya da sonrasında alınan olaylar (2026-12-01,
                   2026-12-01T10:00:00Z ya da bir süre önce: 30m, 12h, 7d)
  --until ZAMAN    --db ile: ZAMAN&apos;dan önce alınan olaylar
  --against DOSYA  karşılaştırılacak kural seti
  --json           standart çıktıya tek bir JSON nesnesi
  --limit N        her kural ve değişiklik için gösterilen olay sayısı (varsayılan 5)

Çıkış kodu: çalıştıysa (ne bulursa bulsun) 0, kural seti geçersizse ya da olaylar
okunamıyorsa 1, kullanım hatasında 2.
</translation>
    </message>
    <message>
        <source>give the events with either --events FILE or --db PATH|URL</source>
        <translation>olayları ya --events DOSYA ya da --db YOL|URL ile verin</translation>
    </message>
</context>
<context>
    <name>BoundedReader</name>
    <message>
        <source>is larger than %1 MiB (%2 bytes); larger inputs are not read</source>
        <translation>%1 MiB&apos;tan (%2 bayt) büyük; daha büyük girdiler okunmaz</translation>
    </message>
    <message>
        <source>is larger than %1 bytes; larger inputs are not read</source>
        <translation>%1 bayttan büyük; daha büyük girdiler okunmaz</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>okunamıyor: %1</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>böyle bir dosya yok</translation>
    </message>
    <message>
        <source>is a folder, not a file</source>
        <translation>dosya değil, klasör</translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message>
        <source>line %1, column %2: %3</source>
        <translation>satır %1, sütun %2: %3</translation>
    </message>
    <message>
        <source>the document is not a JSON object</source>
        <translation>belge bir JSON nesnesi değil</translation>
    </message>
    <message>
        <source>unknown key %1</source>
        <translation>bilinmeyen anahtar: %1</translation>
    </message>
    <message>
        <source>%1 is missing</source>
        <translation>%1 eksik</translation>
    </message>
    <message>
        <source>%1 must be an object</source>
        <translation>%1 bir nesne olmalı</translation>
    </message>
    <message>
        <source>%1 must be an array</source>
        <translation>%1 bir dizi olmalı</translation>
    </message>
    <message>
        <source>%1 must be a non-empty text</source>
        <translation>%1 boş olmayan bir metin olmalı</translation>
    </message>
    <message>
        <source>%1 must be a number</source>
        <translation>%1 bir sayı olmalı</translation>
    </message>
    <message>
        <source>there are no events</source>
        <translation>hiç olay yok</translation>
    </message>
    <message>
        <source>an event must be an object</source>
        <translation>her olay bir nesne olmalı</translation>
    </message>
    <message>
        <source>a field must be an object</source>
        <translation>her alan bir nesne olmalı</translation>
    </message>
    <message>
        <source>an operator must be an object</source>
        <translation>her operatör bir nesne olmalı</translation>
    </message>
    <message>
        <source>operator %1 is missing</source>
        <translation>%1 operatörü eksik</translation>
    </message>
    <message>
        <source>malformed event id %1</source>
        <translation>olay kimliği hatalı yazılmış: %1</translation>
    </message>
    <message>
        <source>unknown group %1</source>
        <translation>bilinmeyen grup: %1</translation>
    </message>
    <message>
        <source>duplicate event id %1</source>
        <translation>bu olay kimliği birden fazla kez kullanılmış: %1</translation>
    </message>
    <message>
        <source>malformed field path %1</source>
        <translation>alan yolu hatalı yazılmış: %1</translation>
    </message>
    <message>
        <source>duplicate field path %1</source>
        <translation>bu alan yolu birden fazla kez kullanılmış: %1</translation>
    </message>
    <message>
        <source>unknown type %1</source>
        <translation>bilinmeyen tür: %1</translation>
    </message>
    <message>
        <source>a field of type &quot;oneOf&quot; needs a non-empty array &quot;values&quot;</source>
        <translation>&quot;oneOf&quot; türündeki bir alanın boş olmayan bir &quot;values&quot; dizisi olmalı</translation>
    </message>
    <message>
        <source>&quot;values&quot; must hold non-empty texts</source>
        <translation>&quot;values&quot; yalnızca boş olmayan metinler içermeli</translation>
    </message>
    <message>
        <source>duplicate value %1</source>
        <translation>bu değer birden fazla kez yazılmış: %1</translation>
    </message>
    <message>
        <source>only a field of type &quot;oneOf&quot; has &quot;values&quot;</source>
        <translation>&quot;values&quot; yalnızca &quot;oneOf&quot; türündeki alanlarda bulunur</translation>
    </message>
    <message>
        <source>only a field of type &quot;number&quot; has &quot;minimum&quot; or &quot;maximum&quot;</source>
        <translation>&quot;minimum&quot; ve &quot;maximum&quot; yalnızca &quot;number&quot; türündeki alanlarda bulunur</translation>
    </message>
    <message>
        <source>&quot;minimum&quot; is greater than &quot;maximum&quot;</source>
        <translation>&quot;minimum&quot;, &quot;maximum&quot; değerinden büyük</translation>
    </message>
    <message>
        <source>&quot;personal&quot; must be true or false</source>
        <translation>&quot;personal&quot; true ya da false olmalı</translation>
    </message>
    <message>
        <source>unknown operator %1</source>
        <translation>bilinmeyen operatör: %1</translation>
    </message>
    <message>
        <source>duplicate operator %1</source>
        <translation>bu operatör birden fazla kez tanımlanmış: %1</translation>
    </message>
    <message>
        <source>&quot;appliesTo&quot; is empty</source>
        <translation>&quot;appliesTo&quot; boş</translation>
    </message>
    <message>
        <source>unknown type %1 in &quot;appliesTo&quot;</source>
        <translation>&quot;appliesTo&quot; içinde bilinmeyen tür: %1</translation>
    </message>
    <message>
        <source>(not a text)</source>
        <translation>(metin değil)</translation>
    </message>
    <message>
        <source>duplicate type %1 in &quot;appliesTo&quot;</source>
        <translation>&quot;appliesTo&quot; içinde bu tür birden fazla kez yazılmış: %1</translation>
    </message>
    <message>
        <source>%1 belongs in each event&apos;s sample, not in the base</source>
        <translation>%1 ortak örneğe değil, her olayın kendi örneğine yazılmalı</translation>
    </message>
    <message>
        <source>not an event of the catalog</source>
        <translation>katalogda böyle bir olay yok</translation>
    </message>
    <message>
        <source>a sample must be an object</source>
        <translation>her örnek bir nesne olmalı</translation>
    </message>
    <message>
        <source>&quot;type&quot; is %1, not the event&apos;s id</source>
        <translation>&quot;type&quot; değeri %1, oysa olayın kimliği olmalı</translation>
    </message>
    <message>
        <source>no sample for %1</source>
        <translation>%1 için örnek yok</translation>
    </message>
    <message>
        <source>%1 is not a part of an event</source>
        <translation>%1 bir olayın parçası değil</translation>
    </message>
    <message>
        <source>a part of an event must be an object</source>
        <translation>olayın her parçası bir nesne olmalı</translation>
    </message>
    <message>
        <source>%1 is not a field of the catalog</source>
        <translation>%1 katalogdaki alanlardan biri değil</translation>
    </message>
    <message>
        <source>expected a text</source>
        <translation>metin bekleniyordu</translation>
    </message>
    <message>
        <source>expected a list of texts</source>
        <translation>metin listesi bekleniyordu</translation>
    </message>
    <message>
        <source>expected one of %1</source>
        <translation>şunlardan biri bekleniyordu: %1</translation>
    </message>
    <message>
        <source>expected a number</source>
        <translation>sayı bekleniyordu</translation>
    </message>
    <message>
        <source>%1 is less than the minimum, %2</source>
        <translation>%1 en küçük değerden (%2) küçük</translation>
    </message>
    <message>
        <source>%1 is greater than the maximum, %2</source>
        <translation>%1 en büyük değerden (%2) büyük</translation>
    </message>
    <message>
        <source>expected an ISO 8601 date-time with a time zone</source>
        <translation>saat dilimi içeren bir ISO 8601 tarih-saat bekleniyordu</translation>
    </message>
    <message>
        <source>unknown field type</source>
        <translation>bilinmeyen alan türü</translation>
    </message>
</context>
<context>
    <name>CatchCommand</name>
    <message>
        <source>Usage: kanca catch [--listen HOST:PORT] [--status N] [--delay MS] [--body TEXT]
                   [--header &quot;NAME: VALUE&quot;]... [--secret NAME [--signing SCHEME]]

Runs the local catcher: an HTTP listener that answers every request it receives and
prints each one as a JSON line on standard output, until it is stopped with Ctrl+C
(SIGINT) or SIGTERM. The first line says where it listens:
  {&quot;listening&quot;: &quot;http://127.0.0.1:PORT&quot;, &quot;port&quot;: PORT}
then one line per request, as it arrives:
  {&quot;sequence&quot;: N, &quot;receivedAt&quot;: ..., &quot;method&quot;: &quot;POST&quot;, &quot;target&quot;: &quot;/hook?x=1&quot;,
   &quot;path&quot;: &quot;/hook&quot;, &quot;query&quot;: &quot;x=1&quot;, &quot;headers&quot;: [{&quot;name&quot;: ..., &quot;value&quot;: ...}],
   &quot;body&quot;: &quot;...&quot;, &quot;bodySize&quot;: N, &quot;bodyTruncated&quot;: false, &quot;status&quot;: 200,
   &quot;signatureValid&quot;: true|false|null, &quot;signatureError&quot;: &quot;...&quot;}
&quot;path&quot; is percent-decoded; &quot;target&quot; and &quot;query&quot; are as sent. A body that is not
UTF-8 is given in base64, with &quot;bodyEncoding&quot;: &quot;base64&quot;. The signature fields are
there only with --secret; null means the request carried no signature.

Options:
  --listen HOST:PORT  where to listen (default 127.0.0.1:0, a free port); PORT alone
                      means 127.0.0.1:PORT; [::1]:PORT for IPv6
  --allow-remote      allow an address other machines can reach (such as 0.0.0.0);
                      without it only loopback addresses are accepted
  --status N          answer with this HTTP status, 200 to 599 (default 200)
  --delay MS          wait this long before answering, 0 to 600000 (default 0)
  --body TEXT         the answer&apos;s body (default: none); text/plain unless a
                      --header gives a Content-Type
  --header LINE       add &quot;NAME: VALUE&quot; to every answer, e.g. &quot;Retry-After: 30&quot;;
                      may be repeated
  --secret NAME       check signatures with the secret in KANCA_SECRET_&lt;NAME&gt;
  --signing SCHEME    auto (default), standard-webhooks or hmac-sha256; auto checks
                      Standard Webhooks when webhook-signature is present, else
                      HMAC-SHA256
  --signature-header NAME  the HMAC-SHA256 header (default X-Hub-Signature-256)
  --signature-prefix TEXT  before the HMAC in it (default sha256=)
  --max-body BYTES    keep bodies up to this size (default 1048576); the rest is
                      counted in bodySize, and bodyTruncated is true

Exit status: 0 when stopped by SIGINT or SIGTERM, 1 if it cannot listen (the port
is in use) or the secret is not set, 2 on a usage error.
</source>
        <translation>Kullanım: kanca catch [--listen SUNUCU:PORT] [--status N] [--delay MS] [--body METİN]
                      [--header &quot;AD: DEĞER&quot;]... [--secret AD [--signing ŞEMA]]

Yerel yakalayıcıyı çalıştırır: gelen her isteği yanıtlayan bir HTTP dinleyicisidir
ve Ctrl+C (SIGINT) ya da SIGTERM ile durdurulana kadar her isteği standart çıktıya
bir JSON satırı olarak yazar. İlk satır nereyi dinlediğini bildirir:
  {&quot;listening&quot;: &quot;http://127.0.0.1:PORT&quot;, &quot;port&quot;: PORT}
ardından her istek için, geldiği anda bir satır:
  {&quot;sequence&quot;: N, &quot;receivedAt&quot;: ..., &quot;method&quot;: &quot;POST&quot;, &quot;target&quot;: &quot;/hook?x=1&quot;,
   &quot;path&quot;: &quot;/hook&quot;, &quot;query&quot;: &quot;x=1&quot;, &quot;headers&quot;: [{&quot;name&quot;: ..., &quot;value&quot;: ...}],
   &quot;body&quot;: &quot;...&quot;, &quot;bodySize&quot;: N, &quot;bodyTruncated&quot;: false, &quot;status&quot;: 200,
   &quot;signatureValid&quot;: true|false|null, &quot;signatureError&quot;: &quot;...&quot;}
&quot;path&quot; yüzde kodlaması çözülmüş hâldedir; &quot;target&quot; ve &quot;query&quot; gönderildiği gibidir.
UTF-8 olmayan bir gövde base64 olarak, &quot;bodyEncoding&quot;: &quot;base64&quot; ile verilir. İmza
alanları yalnızca --secret verildiğinde bulunur; null, istekte imza olmadığını
belirtir.

Seçenekler:
  --listen SUNUCU:PORT
                      dinlenecek adres (varsayılan 127.0.0.1:0, boş bir port);
                      yalnızca PORT, 127.0.0.1:PORT demektir; IPv6 için [::1]:PORT
  --allow-remote      başka makinelerin erişebileceği bir adrese (0.0.0.0 gibi)
                      izin verir; bu seçenek olmadan yalnızca geri döngü (loopback)
                      adresleri kabul edilir
  --status N          bu HTTP durum koduyla yanıt verir, 200 ile 599 arası
                      (varsayılan 200)
  --delay MS          yanıt vermeden önce bu kadar bekler, 0 ile 600000 arası
                      (varsayılan 0)
  --body METİN        yanıtın gövdesi (varsayılan: yok); bir --header ile
                      Content-Type verilmedikçe text/plain
  --header SATIR      her yanıta &quot;AD: DEĞER&quot; başlığını ekler, örneğin
                      &quot;Retry-After: 30&quot;; birden fazla kez verilebilir
  --secret AD         imzaları KANCA_SECRET_&lt;AD&gt; içindeki gizli anahtarla denetler
  --signing ŞEMA      auto (varsayılan), standard-webhooks ya da hmac-sha256; auto,
                      webhook-signature başlığı varsa Standard Webhooks imzasını,
                      yoksa HMAC-SHA256 imzasını denetler
  --signature-header AD  HMAC-SHA256 başlığı (varsayılan X-Hub-Signature-256)
  --signature-prefix METİN  bu başlıkta HMAC değerinden önce gelen önek
                      (varsayılan sha256=)
  --max-body BAYT     gövdeleri bu boyuta kadar saklar (varsayılan 1048576); kalanı
                      bodySize içinde sayılır ve bodyTruncated true olur

Çıkış kodu: SIGINT ya da SIGTERM ile durdurulduğunda 0; dinleme başlatılamıyorsa
(port kullanımdaysa) ya da gizli anahtarın değeri yoksa 1; kullanım hatasında 2.
</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>beklenmeyen argüman: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--listen takes HOST:PORT, PORT or [IPv6]:PORT, not &quot;%1&quot;</source>
        <translation>--listen için SUNUCU:PORT, PORT ya da [IPv6]:PORT yazın; &quot;%1&quot; geçersiz</translation>
    </message>
    <message>
        <source>%1 is not a loopback address: other machines could send to the catcher. Add --allow-remote if that is what you want</source>
        <translation>%1 bir geri döngü (loopback) adresi değil: başka makineler de yakalayıcıya istek gönderebilir. İstediğiniz buysa --allow-remote ekleyin</translation>
    </message>
    <message>
        <source>--status takes a number from 200 to 599, not &quot;%1&quot;</source>
        <translation>--status için 200 ile 599 arasında bir sayı yazın; &quot;%1&quot; geçersiz</translation>
    </message>
    <message>
        <source>--delay takes milliseconds from 0 to %1, not &quot;%2&quot;</source>
        <translation>--delay için 0 ile %1 arasında bir milisaniye değeri yazın; &quot;%2&quot; geçersiz</translation>
    </message>
    <message>
        <source>--header takes &quot;NAME: VALUE&quot;, not &quot;%1&quot;</source>
        <translation>--header için &quot;AD: DEĞER&quot; yazın; &quot;%1&quot; geçersiz</translation>
    </message>
    <message>
        <source>--max-body takes a number of bytes, not &quot;%1&quot;</source>
        <translation>--max-body için bayt sayısı yazın; &quot;%1&quot; geçersiz</translation>
    </message>
    <message>
        <source>--%1 needs --secret</source>
        <translation>--%1 seçeneği --secret ile birlikte kullanılır</translation>
    </message>
    <message>
        <source>--signing takes auto, standard-webhooks or hmac-sha256, not &quot;%1&quot;</source>
        <translation>--signing için auto, standard-webhooks ya da hmac-sha256 yazın; &quot;%1&quot; geçersiz</translation>
    </message>
    <message>
        <source>kanca catch: secret &quot;%1&quot; is not set (set %2)</source>
        <translation>kanca catch: &quot;%1&quot; gizli anahtarının değeri yok (%2 değişkenini tanımlayın)</translation>
    </message>
    <message>
        <source>--signature-header takes a header name, not &quot;%1&quot;</source>
        <translation>--signature-header için bir başlık adı yazın; &quot;%1&quot; geçersiz</translation>
    </message>
    <message>
        <source>kanca catch: secret &quot;%1&quot;: %2</source>
        <translation>kanca catch: &quot;%1&quot; gizli anahtarı: %2</translation>
    </message>
    <message numerus="yes">
        <source>kanca catch: stopped after %n request(s)</source>
        <translation>
            <numerusform>kanca catch: %n istekten sonra durduruldu</numerusform>
        </translation>
    </message>
    <message>
        <source>kanca catch: malformed or too slow request answered with an error: %1</source>
        <translation>kanca catch: hatalı ya da fazla yavaş bir isteğe hata ile yanıt verildi: %1</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>kanca help: unknown command &quot;%1&quot;</source>
        <translation>kanca help: &quot;%1&quot; diye bir komut yok</translation>
    </message>
    <message>
        <source>kanca: unknown command &quot;%1&quot;</source>
        <translation>kanca: &quot;%1&quot; diye bir komut yok</translation>
    </message>
    <message>
        <source>Kanca %1: design, test and ship webhook rules.

Usage: kanca COMMAND [OPTIONS]

Commands:
  validate FILE...   check rule sets and list every problem
  render FILE ...    show the requests a rule set would send for an event
  send FILE ...      send them, with retries, and record every attempt
  history            list deliveries and their attempts
  resend ID          send a delivery of the history again
  deliver            finish the unfinished deliveries of the history
  catch              run a local catcher and print every request it receives
  serve FILE         run a rule set as a server: events in over HTTP, webhooks out
  fleet              list the servers sharing a PostgreSQL database and the rule
                     sets they run
  backtest FILE ...  what a rule set (or a change to it) does to past events
  help [COMMAND]     show this help, or a command&apos;s
  version            print Kanca&apos;s version (also: --version)

Run &quot;kanca COMMAND --help&quot; for a command&apos;s options.

Secrets: a rule set names its secrets ({&quot;secret&quot;: &quot;CRM_TOKEN&quot;}); the command line
reads their values from environment variables, KANCA_SECRET_CRM_TOKEN for
CRM_TOKEN.

Exit status:
  0  success
  1  invalid input: a rule set, an event or a file has problems (listed on
     standard error as FILE:LINE:COL: /json/pointer: message); nothing was done
  2  usage error: the command line itself is wrong
  3  send, resend, deliver: at least one delivery failed for good
  4  send, resend, deliver, serve: the history could not be written

The history database is $KANCA_DB if set, else history.sqlite in the
application-data folder; --db overrides both.
</source>
        <translation>Kanca %1: webhook kurallarını tasarlayın, test edin ve yayına alın.

Kullanım: kanca KOMUT [SEÇENEKLER]

Komutlar:
  validate DOSYA...  kural setlerini denetler ve tüm sorunları listeler
  render DOSYA ...   bir olay için kural setinin göndereceği istekleri gösterir
  send DOSYA ...     bu istekleri gönderir; yeniden dener, her denemeyi kaydeder
  history            gönderimleri ve denemelerini listeler
  resend KİMLİK      geçmişteki bir gönderimi yeniden gönderir
  deliver            geçmişte yarım kalmış gönderimleri tamamlar
  catch              yerel bir yakalayıcı çalıştırır, gelen her isteği yazar
  serve DOSYA        kural setini sunucu olarak çalıştırır: olaylar HTTP ile
                     gelir, webhook&apos;lar gider
  fleet              bir PostgreSQL veritabanını paylaşan sunucuları ve
                     çalıştırdıkları kural setlerini listeler
  backtest DOSYA ... bir kural setinin (ya da bir değişikliğin) geçmiş olaylara
                     ne yapacağını gösterir
  help [KOMUT]       bu yardımı ya da bir komutun yardımını gösterir
  version            Kanca&apos;nın sürümünü yazar (ya da: --version)

Bir komutun seçenekleri için &quot;kanca KOMUT --help&quot; yazın.

Gizli anahtarlar: kural seti gizli anahtarları yalnızca adıyla anar
({&quot;secret&quot;: &quot;CRM_TOKEN&quot;}); komut satırı değerlerini ortam değişkenlerinden
okur: CRM_TOKEN için KANCA_SECRET_CRM_TOKEN.

Çıkış kodu:
  0  başarılı
  1  geçersiz girdi: bir kural setinde, olayda ya da dosyada sorun var (sorunlar
     standart hataya DOSYA:SATIR:SÜTUN: /json/pointer: mesaj biçiminde yazılır);
     hiçbir işlem yapılmadı
  2  kullanım hatası: komut satırının kendisi yanlış
  3  send, resend, deliver: en az bir gönderim kesin olarak başarısız oldu
  4  send, resend, deliver, serve: geçmişe yazılamadı

Geçmiş veritabanı, tanımlıysa $KANCA_DB, değilse uygulama verileri klasöründeki
history.sqlite dosyasıdır; --db ikisinin de yerine geçer.
</translation>
    </message>
</context>
<context>
    <name>CompiledRuleSet</name>
    <message>
        <source>rule id &quot;%1&quot; is not valid: use 1 to 64 letters, digits, dots, dashes or underscores</source>
        <translation>kural kimliği &quot;%1&quot; geçersiz: 1 ile 64 arasında harf, rakam, nokta, tire ya da alt çizgi kullanın</translation>
    </message>
    <message>
        <source>rule id &quot;%1&quot; is already used by rule %2: ids must be unique</source>
        <translation>kural kimliği &quot;%1&quot; zaten %2 numaralı kuralda kullanılıyor: kimlikler benzersiz olmalı</translation>
    </message>
    <message>
        <source>a rule needs a name</source>
        <translation>kuralın bir adı olmalı</translation>
    </message>
    <message>
        <source>unknown event &quot;%1&quot;%2</source>
        <translation>bilinmeyen olay &quot;%1&quot;%2</translation>
    </message>
</context>
<context>
    <name>DeliverCommand</name>
    <message>
        <source>takes no file or id</source>
        <translation>dosya ya da kimlik almaz</translation>
    </message>
    <message>
        <source>Usage: kanca deliver [options]

Finishes every unfinished delivery in the history: after a crash or an interrupted
kanca send, or when retries are scheduled far ahead. Each continues with its
remaining attempts and its schedule (waiting for attempts scheduled later). Prints
one JSON line per delivery as it finishes, like kanca send, and exits when none
is left.

Options:
%1
Deliveries another program is sending right now (it holds their claims) are left
to it; several kanca deliver, kanca send and the designer may run on one history
at once, and each delivery is sent by one of them.

Exit status: 0 if every delivery finished here succeeded (or none was left), 3 if
any failed, 4 if the history could not be written (the deliveries that may be
sent again are listed), 1 if the history cannot be opened, 2 on a usage error.
</source>
        <translation>Kullanım: kanca deliver [seçenekler]

Geçmişte yarım kalmış her gönderimi tamamlar: bir çökmeden ya da yarıda kesilen
bir kanca send komutundan sonra veya yeniden denemeler ileri bir zamana
planlandığında. Her gönderim kalan denemeleriyle ve kendi zaman planıyla sürer
(daha sonraya planlanmış denemeler beklenir). Biten her gönderim için, kanca send
gibi, bir JSON satırı yazar; bekleyen gönderim kalmayınca çıkar.

Seçenekler:
%1
Başka bir programın şu anda gönderdiği gönderimler (onları o üstlenmiştir) ona
bırakılır; aynı geçmiş üzerinde birden çok kanca deliver, kanca send ve tasarımcı
aynı anda çalışabilir ve her gönderimi yalnızca biri gönderir.

Çıkış kodu: burada tamamlanan tüm gönderimler başarılıysa (ya da hiç gönderim
kalmamışsa) 0, başarısız olan varsa 3, geçmişe yazılamadıysa 4 (yeniden
gönderilebilecek gönderimler listelenir), geçmiş açılamıyorsa 1, kullanım
hatasında 2.
</translation>
    </message>
    <message numerus="yes">
        <source>%n delivery(ies) are being sent by another program on this history right now; they were left to it.</source>
        <translation>
            <numerusform>Bu geçmişteki %n gönderimi şu anda başka bir program gönderiyor; onlar ona bırakıldı.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeliveryRun</name>
    <message>
        <source>--per-host takes a number from 1 to 1000, not &quot;%1&quot;</source>
        <translation>--per-host için 1 ile 1000 arasında bir sayı yazın; &quot;%1&quot; geçersiz</translation>
    </message>
    <message>
        <source>history: %1</source>
        <translation>geçmiş: %1</translation>
    </message>
    <message>
        <source>Another program took over these deliveries (this one&apos;s claim had expired); it continues them: %1</source>
        <translation>Bu gönderimleri başka bir program üstlendi (bu programın üstlenme süresi dolmuştu); onları o sürdürüyor: %1</translation>
    </message>
    <message>
        <source>Stopped: nothing more was sent once the history could not be written.</source>
        <translation>Durduruldu: geçmişe yazılamadığı andan itibaren başka hiçbir şey gönderilmedi.</translation>
    </message>
    <message>
        <source>These deliveries were sent but their results are not recorded; they may be sent again (with the same webhook-id) when &quot;kanca deliver&quot; continues them: %1</source>
        <translation>Bu gönderimler gönderildi ama sonuçları kaydedilemedi; &quot;kanca deliver&quot; onları sürdürdüğünde (aynı webhook-id ile) yeniden gönderilebilirler: %1</translation>
    </message>
    <message>
        <source>Every delivery not reported above as finished stays pending in the history; &quot;kanca deliver&quot; finishes it once the history can be written.</source>
        <translation>Yukarıda tamamlandığı bildirilmeyen her gönderim geçmişte bekler; geçmişe yeniden yazılabildiğinde &quot;kanca deliver&quot; onu tamamlar.</translation>
    </message>
    <message>
        <source>  --db PATH|URL    the history database (default: $KANCA_DB, else history.sqlite
                   in the application-data folder), or a shared PostgreSQL
                   outbox: postgresql://USER@HOST:PORT/DATABASE (the password
                   from PGPASSWORD or ~/.pgpass)
  --per-host N     at most N requests in flight to one host (default 6)
  --delivery-threads N
                   threads the HTTP exchanges run on (default 0: one per core)
  --http1          never use HTTP/2 (it is used where a server offers it)
</source>
        <translation>  --db YOL|URL     geçmiş veritabanı (varsayılan: $KANCA_DB, o da yoksa uygulama
                   verileri klasöründeki history.sqlite) ya da paylaşılan bir
                   PostgreSQL giden kutusu: postgresql://KULLANICI@SUNUCU:PORT/VERİTABANI
                   (parola PGPASSWORD ya da ~/.pgpass dosyasından)
  --per-host N     bir sunucuya aynı anda en çok N istek (varsayılan 6)
  --delivery-threads N
                   HTTP alışverişlerini yürüten iş parçacıkları (varsayılan 0:
                   çekirdek başına bir)
  --http1          HTTP/2 hiç kullanılmaz (yoksa sunucu destekliyorsa kullanılır)
</translation>
    </message>
    <message>
        <source>--delivery-threads takes a number from 0 to 256, not &quot;%1&quot;</source>
        <translation>--delivery-threads için 0 ile 256 arasında bir sayı yazın; &quot;%1&quot; geçersiz</translation>
    </message>
</context>
<context>
    <name>Dispatcher</name>
    <message>
        <source>rule &quot;%1&quot; cannot decide for this event, so it does not fire: %2</source>
        <translation>&quot;%1&quot; kuralı bu olay için karar veremiyor, bu yüzden çalışmıyor: %2</translation>
    </message>
</context>
<context>
    <name>EventBatch</name>
    <message>
        <source>the list of events is empty</source>
        <translation>olay listesi boş</translation>
    </message>
    <message>
        <source>%1 events in one request; at most %2 are accepted at once</source>
        <translation>bir istekte %1 olay var; tek seferde en çok %2 olay kabul edilir</translation>
    </message>
    <message>
        <source>an event is a JSON object such as {&quot;type&quot;: &quot;chat.opened&quot;, &quot;id&quot;: …}</source>
        <translation>olay, {&quot;type&quot;: &quot;chat.opened&quot;, &quot;id&quot;: …} gibi bir JSON nesnesidir</translation>
    </message>
</context>
<context>
    <name>EventInput</name>
    <message>
        <source>--sample: unknown event type &quot;%1&quot;%2</source>
        <translation>--sample: bilinmeyen olay türü &quot;%1&quot;%2</translation>
    </message>
</context>
<context>
    <name>EventLines</name>
    <message>
        <source>the line is longer than %1 bytes; events are one per line</source>
        <translation>satır %1 bayttan uzun; her satırda bir olay olmalı</translation>
    </message>
</context>
<context>
    <name>EventOptions</name>
    <message>
        <source>give either --event or --sample</source>
        <translation>--event ya da --sample seçeneklerinden birini verin</translation>
    </message>
    <message>
        <source>--lang takes &quot;en&quot; or &quot;tr&quot;, not &quot;%1&quot;</source>
        <translation>--lang için &quot;en&quot; ya da &quot;tr&quot; yazın; &quot;%1&quot; geçersiz</translation>
    </message>
</context>
<context>
    <name>EventReader</name>
    <message>
        <source>an event is a JSON object such as {&quot;type&quot;: &quot;chat.opened&quot;, …}</source>
        <translation>olay, {&quot;type&quot;: &quot;chat.opened&quot;, …} gibi bir JSON nesnesi olmalı</translation>
    </message>
    <message>
        <source>the event has no &quot;type&quot; (such as &quot;chat.opened&quot;)</source>
        <translation>olayda &quot;type&quot; yok (örneğin &quot;chat.opened&quot;)</translation>
    </message>
    <message>
        <source>the event&apos;s &quot;type&quot; must be a string</source>
        <translation>olayın &quot;type&quot; değeri metin olmalı</translation>
    </message>
    <message>
        <source>unknown event type &quot;%1&quot;%2: no rule will fire for it</source>
        <translation>bilinmeyen olay türü &quot;%1&quot;%2: bu olayda hiçbir kural çalışmaz</translation>
    </message>
    <message>
        <source>&quot;occurredAt&quot; is not an ISO 8601 date-time such as &quot;2026-11-21T10:30:00Z&quot;</source>
        <translation>&quot;occurredAt&quot;, &quot;2026-11-21T10:30:00Z&quot; gibi bir ISO 8601 tarih-saat değil</translation>
    </message>
</context>
<context>
    <name>EventValidator</name>
    <message>
        <source>the event has no &quot;type&quot; (such as &quot;chat.opened&quot;)</source>
        <translation>olayda &quot;type&quot; yok (örneğin &quot;chat.opened&quot;)</translation>
    </message>
    <message>
        <source>the event&apos;s &quot;type&quot; must be a string</source>
        <translation>olayın &quot;type&quot; değeri metin olmalı</translation>
    </message>
    <message>
        <source>unknown event type &quot;%1&quot;%2</source>
        <translation>bilinmeyen olay türü &quot;%1&quot;%2</translation>
    </message>
    <message>
        <source>the event has no &quot;id&quot;: each event needs one, the same on every retry, so that it is accepted once</source>
        <translation>olayın &quot;id&quot; alanı yok: her olayın bir kimliği olmalı ve her yeniden denemede aynı kalmalı ki olay yalnızca bir kez kabul edilsin</translation>
    </message>
    <message>
        <source>the event&apos;s &quot;id&quot; must be a non-empty string</source>
        <translation>olayın &quot;id&quot; alanı boş olmayan bir metin olmalı</translation>
    </message>
    <message>
        <source>the event&apos;s &quot;id&quot; is longer than %1 characters</source>
        <translation>olayın &quot;id&quot; alanı %1 karakterden uzun</translation>
    </message>
    <message>
        <source>&quot;occurredAt&quot; must be an ISO 8601 date-time with a time zone, such as &quot;2026-11-21T10:30:00Z&quot;</source>
        <translation>&quot;occurredAt&quot;, saat dilimi içeren bir ISO 8601 tarih-saat olmalı; örneğin &quot;2026-11-21T10:30:00Z&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not read from the event: Kanca fills %1.* itself</source>
        <translation>&quot;%1&quot; olaydan okunmaz: %1.* alanlarını Kanca kendisi doldurur</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be an object</source>
        <translation>&quot;%1&quot; bir nesne olmalı</translation>
    </message>
</context>
<context>
    <name>FleetCommand</name>
    <message>
        <source>takes no file</source>
        <translation>dosya almaz</translation>
    </message>
    <message>
        <source>%1 is a SQLite history, which one server sends from: a fleet of servers shares a PostgreSQL database (--db postgresql://USER@HOST:PORT/DATABASE). A server on SQLite shows the rule set it runs at /metrics (kanca_rule_set_info).</source>
        <translation>%1 bir SQLite geçmişidir ve ondan tek bir sunucu gönderir: bir sunucu filosu bir PostgreSQL veritabanını paylaşır (--db postgresql://KULLANICI@SUNUCU:PORT/VERİTABANI). SQLite üzerindeki bir sunucu çalıştırdığı kural setini /metrics çıktısında gösterir (kanca_rule_set_info).</translation>
    </message>
    <message>
        <source>No kanca serve is registered in %1.</source>
        <translation>%1 içinde kayıtlı bir kanca serve yok.</translation>
    </message>
    <message>
        <source>now</source>
        <translation>şimdi</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation>%1 sn önce</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>%1 dk önce</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>%1 sa önce</translation>
    </message>
    <message>
        <source>running</source>
        <translation>çalışıyor</translation>
    </message>
    <message>
        <source>draining</source>
        <translation>duruyor</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>sessiz</translation>
    </message>
    <message>
        <source>gone</source>
        <translation>kapanmış</translation>
    </message>
    <message>
        <source>WORKER</source>
        <translation>İŞÇİ</translation>
    </message>
    <message>
        <source>ADDRESS</source>
        <translation>ADRES</translation>
    </message>
    <message>
        <source>RULE SET</source>
        <translation>KURAL SETİ</translation>
    </message>
    <message>
        <source>HEARTBEAT</source>
        <translation>SON BİLDİRİM</translation>
    </message>
    <message>
        <source>IN FLIGHT</source>
        <translation>SÜREN</translation>
    </message>
    <message>
        <source>CLAIMED</source>
        <translation>ELDEKİ</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>DURUM</translation>
    </message>
    <message numerus="yes">
        <source>%n rule set(s) in the fleet: a half-finished roll-out?</source>
        <translation>
            <numerusform>Filoda %n kural seti var: yarım kalmış bir dağıtım mı?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n worker(s)</source>
        <translation>
            <numerusform>%n işçi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running worker(s), all on the rule set %1.</source>
        <translation>
            <numerusform>%n işçi çalışıyor, hepsi %1 kural setinde.</numerusform>
        </translation>
    </message>
    <message>
        <source>No worker is running.</source>
        <translation>Çalışan işçi yok.</translation>
    </message>
    <message numerus="yes">
        <source>%n worker(s) stale: no report for 30 s or more (died, hung, or cut off from the database).</source>
        <translation>
            <numerusform>%n işçi sessiz: 30 sn ya da daha uzun süredir bildirim yok (çöktü, takıldı ya da veritabanıyla bağlantısı kesildi).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n worker(s) gone: the process stopped without removing itself (killed or crashed); the deliveries it held are taken over.</source>
        <translation>
            <numerusform>%n işçi kapanmış: süreci kendi satırını silmeden durdu (öldürüldü ya da çöktü); elinde tuttuğu gönderimleri başkaları devralır.</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: kanca fleet [--db URL] [--json]

Lists the kanca serve processes (workers) that share the PostgreSQL database
URL, as each reports itself: when it starts, every 5 seconds, at once after a
reload and when it starts to stop. For each: its id (HOST/PID), where it
listens, the SHA-256 of the rule set it runs (its first 12 characters), how
long ago it last reported, its attempts in flight and the deliveries it holds
(as of that report), and its state:
  running    reporting
  draining   stopping: finishing the attempts in flight, taking no new events
  stale      no report for 30 s: it died, hangs, or cannot reach the database
  gone       its process no longer runs (known for workers of this machine)
A worker that stops cleanly removes itself; a row without a report for an hour
is removed by the next report of any worker.

When the running workers do not all run the same rule set, it says so: a
roll-out that is not finished (each event is handled by the rule set of the
worker that accepted it).

Options:
  --db URL   the database (default: $KANCA_DB): postgresql://USER@HOST:PORT/DB,
             the password from PGPASSWORD or ~/.pgpass
  --json     one JSON object: &quot;workers&quot; (each with its full id and hash,
             times in UTC) and &quot;ruleSets&quot; (the hashes the running workers run,
             with how many run each)

A SQLite history has no fleet: one server sends from it, and its /metrics show
the rule set it runs (kanca_rule_set_info).

Exit status: 0 when listed (also with several rule sets, or none), 1 if the
database cannot be read or is a SQLite file, 2 on a usage error.
</source>
        <translation>Kullanım: kanca fleet [--db URL] [--json]

URL&apos;deki PostgreSQL veritabanını paylaşan kanca serve süreçlerini (işçileri),
her birinin kendi bildirdiği gibi listeler: işçi başlarken, 5 saniyede bir,
yeniden yüklemeden hemen sonra ve durmaya başlarken bildirir. Her biri için:
kimliği (MAKİNE/PID), dinlediği adres, çalıştırdığı kural setinin SHA-256 özeti
(ilk 12 karakteri), son bildiriminin ne kadar önce olduğu, o bildirimdeki süren
denemeleri ve elinde tuttuğu gönderimler, ve durumu:
  çalışıyor  bildirimde bulunuyor
  duruyor    duruyor: süren denemelerini bitiriyor, yeni olay almıyor
  sessiz     30 sn&apos;dir bildirmiyor: çöktü, takıldı ya da veritabanına erişemiyor
  kapanmış   süreci artık çalışmıyor (bu makinedeki işçiler için bilinir)
Düzgün duran bir işçi kendi satırını siler; bir saattir bildirim gelmeyen bir
satırı herhangi bir işçinin bir sonraki bildirimi siler.

Çalışan işçilerin hepsi aynı kural setini çalıştırmıyorsa bunu söyler: yarım
kalmış bir dağıtım (her olayı, onu kabul eden işçinin kural seti işler).

Seçenekler:
  --db URL   veritabanı (varsayılan: $KANCA_DB):
             postgresql://KULLANICI@SUNUCU:PORT/VT, parola PGPASSWORD ya da
             ~/.pgpass dosyasından
  --json     tek bir JSON nesnesi: &quot;workers&quot; (her biri tam kimliği ve özetiyle,
             zamanlar UTC) ve &quot;ruleSets&quot; (çalışan işçilerin çalıştırdığı özetler
             ve her birini kaç işçinin çalıştırdığı)

SQLite geçmişinin filosu yoktur: ondan tek bir sunucu gönderir; çalıştırdığı
kural setini o sunucunun /metrics çıktısı gösterir (kanca_rule_set_info).

Çıkış kodu: listelendiyse 0 (birden çok kural seti varsa ya da hiç yoksa da),
veritabanı okunamıyorsa ya da bir SQLite dosyasıysa 1, kullanım hatasında 2.
</translation>
    </message>
</context>
<context>
    <name>HistoryCommand</name>
    <message>
        <source>takes no file</source>
        <translation>dosya almaz</translation>
    </message>
    <message>
        <source>--limit takes a positive number, not &quot;%1&quot;</source>
        <translation>--limit için pozitif bir sayı yazın; &quot;%1&quot; geçersiz</translation>
    </message>
    <message>
        <source>--status takes succeeded, failed or pending, not &quot;%1&quot;</source>
        <translation>--status için succeeded, failed ya da pending yazın; &quot;%1&quot; geçersiz</translation>
    </message>
    <message>
        <source>No deliveries in %1.</source>
        <translation>%1 içinde gönderim yok.</translation>
    </message>
    <message>
        <source>CREATED (UTC)</source>
        <translation>OLUŞTURULMA (UTC)</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>DURUM</translation>
    </message>
    <message>
        <source>TRIES</source>
        <translation>DENEME</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>RULE</source>
        <translation>KURAL</translation>
    </message>
    <message>
        <source>DELIVERY</source>
        <translation>GÖNDERİM</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>(%1 of %2 deliveries; --limit shows more)</source>
        <translation>(%2 gönderimden %1 tanesi gösteriliyor; daha fazlası için --limit)</translation>
    </message>
    <message>
        <source>Usage: kanca history [--db PATH|URL] [--json] [--limit N] [--rule ID]
                     [--status succeeded|failed|pending]

Lists deliveries, newest first: a table for people by default; with --json, one
JSON array of deliveries, each with its &quot;attempts&quot;: the request sent (secret
header values masked), the response or the error, and durations. Bodies are kept
up to 256 KiB; &quot;bodySize&quot; is the real size and &quot;bodyTruncated&quot; says when the
kept body is shorter.

Options:
  --db PATH|URL    the history database (default: $KANCA_DB, else history.sqlite
                   in the application-data folder), or the PostgreSQL database
                   servers share: postgresql://USER@HOST:PORT/DATABASE (the
                   password from PGPASSWORD or ~/.pgpass, never printed)
  --json           JSON output
  --limit N        at most N deliveries (default 20)
  --rule ID        only deliveries of rule ID
  --status S       only succeeded, failed or pending deliveries

Exit status: 0 on success, 1 if the history cannot be read whole (then nothing
is listed, and standard error says why: a damaged file or a database that cannot
be reached, for two), 2 on a usage error.
</source>
        <translation>Kullanım: kanca history [--db YOL|URL] [--json] [--limit N] [--rule KİMLİK]
                        [--status succeeded|failed|pending]

Gönderimleri en yenisi başta olmak üzere listeler: varsayılan olarak insanlar için
bir tablo; --json ile tek bir JSON gönderim dizisi. Her gönderimin &quot;attempts&quot;
listesinde gönderilen istek (gizli başlık değerleri maskelenir), yanıt ya da hata
ve süreler yer alır. Gövdeler en çok 256 KiB olarak saklanır; &quot;bodySize&quot; gerçek
boyutu verir, &quot;bodyTruncated&quot; saklanan gövdenin kısaltıldığını belirtir.

Seçenekler:
  --db YOL|URL     geçmiş veritabanı (varsayılan: $KANCA_DB, o da yoksa uygulama
                   verileri klasöründeki history.sqlite) ya da sunucuların
                   paylaştığı PostgreSQL veritabanı:
                   postgresql://KULLANICI@SUNUCU:PORT/VERİTABANI (parola
                   PGPASSWORD ya da ~/.pgpass dosyasından; hiç yazdırılmaz)
  --json           JSON çıktısı
  --limit N        en çok N gönderim (varsayılan 20)
  --rule KİMLİK    yalnızca KİMLİK kuralının gönderimleri
  --status D       yalnızca başarılı (succeeded), başarısız (failed) ya da
                   bekleyen (pending) gönderimler

Çıkış kodu: başarıda 0, geçmiş baştan sona okunamıyorsa 1 (o zaman hiçbir şey
listelenmez ve standart hata nedenini söyler: örneğin dosya bozuktur ya da
veritabanına ulaşılamıyordur), kullanım hatasında 2.
</translation>
    </message>
</context>
<context>
    <name>HistoryDatabase</name>
    <message>
        <source>the database is locked by another connection or program; try again later</source>
        <translation>veritabanı başka bir bağlantı ya da program tarafından kilitlenmiş; daha sonra yeniden deneyin</translation>
    </message>
    <message>
        <source>the file or its folder cannot be written</source>
        <translation>dosyaya ya da bulunduğu klasöre yazılamıyor</translation>
    </message>
    <message>
        <source>the disk could not be read or written (%1)</source>
        <translation>diskten okunamadı ya da diske yazılamadı (%1)</translation>
    </message>
    <message>
        <source>the file is damaged (%1)</source>
        <translation>dosya bozuk (%1)</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>disk dolu</translation>
    </message>
    <message>
        <source>the file cannot be opened or created (%1)</source>
        <translation>dosya açılamıyor ya da oluşturulamıyor (%1)</translation>
    </message>
    <message>
        <source>the file is not a SQLite database</source>
        <translation>dosya bir SQLite veritabanı değil</translation>
    </message>
    <message>
        <source>No history file was given.</source>
        <translation>Geçmiş dosyası belirtilmedi.</translation>
    </message>
    <message>
        <source>Cannot open the history %1: it is a folder, not a file.</source>
        <translation>Geçmiş dosyası %1 açılamıyor: bu bir klasör, dosya değil.</translation>
    </message>
    <message>
        <source>Cannot open the history %1: the folder %2 cannot be created.</source>
        <translation>Geçmiş dosyası %1 açılamıyor: %2 klasörü oluşturulamıyor.</translation>
    </message>
    <message>
        <source>Cannot open the history %1: Qt&apos;s SQLite driver (QSQLITE) is not installed.</source>
        <translation>Geçmiş dosyası %1 açılamıyor: Qt&apos;nin SQLite sürücüsü (QSQLITE) kurulu değil.</translation>
    </message>
    <message>
        <source>Cannot open the history %1: %2</source>
        <translation>Geçmiş dosyası %1 açılamıyor: %2</translation>
    </message>
    <message>
        <source>Cannot open the history %1: it is a database of another program, not a Kanca history.</source>
        <translation>Geçmiş dosyası %1 açılamıyor: bu bir Kanca geçmişi değil, başka bir programın veritabanı.</translation>
    </message>
    <message>
        <source>Cannot open the history %1: this history was written by a newer Kanca (schema %2); this one reads schema %3.</source>
        <translation>Geçmiş dosyası %1 açılamıyor: bu geçmiş daha yeni bir Kanca ile yazılmış (şema %2); bu Kanca şema %3 okur.</translation>
    </message>
    <message>
        <source>Cannot open the history %1: it cannot be switched to write-ahead logging (its journal mode stays &quot;%2&quot;).</source>
        <translation>Geçmiş dosyası %1 açılamıyor: WAL (write-ahead logging) kipine geçirilemiyor (günlük kipi &quot;%2&quot; olarak kalıyor).</translation>
    </message>
    <message>
        <source>Cannot update the history %1 to schema %2: %3</source>
        <translation>Geçmiş dosyası %1, şema %2 sürümüne güncellenemiyor: %3</translation>
    </message>
    <message>
        <source>Cannot add deliveries to the history %1: a delivery has no id; none was added.</source>
        <translation>Gönderimler %1 geçmiş dosyasına eklenemiyor: bir gönderimin kimliği yok; hiçbiri eklenmedi.</translation>
    </message>
    <message>
        <source>Cannot add deliveries to the history %1: the delivery %2 has no creation time; none was added.</source>
        <translation>Gönderimler %1 geçmiş dosyasına eklenemiyor: %2 gönderiminin oluşturulma zamanı yok; hiçbiri eklenmedi.</translation>
    </message>
    <message>
        <source>Cannot add deliveries to the history %1: %2</source>
        <translation>Gönderimler %1 geçmiş dosyasına eklenemiyor: %2</translation>
    </message>
    <message>
        <source>Cannot add deliveries to the history %1: a delivery with the id %2 is already there; none was added.</source>
        <translation>Gönderimler %1 geçmiş dosyasına eklenemiyor: %2 kimlikli bir gönderim zaten var; hiçbiri eklenmedi.</translation>
    </message>
    <message>
        <source>Cannot add the delivery %1 to the history %2: %3; none was added.</source>
        <translation>%1 gönderimi %2 geçmiş dosyasına eklenemiyor: %3; hiçbiri eklenmedi.</translation>
    </message>
    <message>
        <source>Cannot record attempts in the history %1: attempt %2 of the delivery %3 has no start time; no attempt was recorded.</source>
        <translation>Denemeler %1 geçmiş dosyasına kaydedilemiyor: %3 gönderiminin %2. denemesinin başlangıç zamanı yok; hiçbir deneme kaydedilmedi.</translation>
    </message>
    <message>
        <source>Cannot record attempts in the history %1: %2</source>
        <translation>Denemeler %1 geçmiş dosyasına kaydedilemiyor: %2</translation>
    </message>
    <message>
        <source>Cannot record attempts in the history %1: there is no delivery %2; no attempt was recorded.</source>
        <translation>Denemeler %1 geçmiş dosyasına kaydedilemiyor: %2 diye bir gönderim yok; hiçbir deneme kaydedilmedi.</translation>
    </message>
    <message>
        <source>The history %1 has no delivery %2.</source>
        <translation>%1 geçmiş dosyasında %2 diye bir gönderim yok.</translation>
    </message>
    <message>
        <source>Cannot read the history %1: %2</source>
        <translation>Geçmiş dosyası %1 okunamıyor: %2</translation>
    </message>
    <message>
        <source>The history is not open.</source>
        <translation>Geçmiş dosyası açık değil.</translation>
    </message>
    <message>
        <source>Cannot claim deliveries in the history %1: %2</source>
        <translation>%1 geçmişindeki gönderimler üstlenilemiyor: %2</translation>
    </message>
    <message>
        <source>Cannot record the start of attempts in the history %1: %2</source>
        <translation>Denemelerin başlangıcı %1 geçmişine kaydedilemiyor: %2</translation>
    </message>
    <message>
        <source>Cannot renew the claims in the history %1: %2</source>
        <translation>%1 geçmişindeki üstlenmeler yenilenemiyor: %2</translation>
    </message>
    <message>
        <source>Cannot give back claims in the history %1: %2</source>
        <translation>%1 geçmişindeki üstlenmeler geri bırakılamıyor: %2</translation>
    </message>
    <message>
        <source>Cannot accept events into the history %1: %2; none was accepted.</source>
        <translation>Olaylar %1 geçmişine kabul edilemiyor: %2; hiçbiri kabul edilmedi.</translation>
    </message>
    <message>
        <source>Cannot forget old events in the history %1: %2</source>
        <translation>%1 geçmişindeki eski olaylar silinemiyor: %2</translation>
    </message>
    <message>
        <source>Cannot give back deliveries in the history %1: %2</source>
        <translation>%1 geçmişindeki teslimatlar geri bırakılamıyor: %2</translation>
    </message>
</context>
<context>
    <name>HttpRequestParser</name>
    <message>
        <source>The request header section is larger than %1 KiB.</source>
        <translation>İsteğin başlık bölümü %1 KiB sınırını aşıyor.</translation>
    </message>
    <message>
        <source>Too many empty lines before the request line.</source>
        <translation>İstek satırından önce çok fazla boş satır var.</translation>
    </message>
    <message>
        <source>The trailer section is larger than %1 KiB.</source>
        <translation>Sondaki başlık (trailer) bölümü %1 KiB sınırını aşıyor.</translation>
    </message>
    <message>
        <source>A chunk size line is longer than %1 bytes.</source>
        <translation>Bir parça boyutu (chunk size) satırı %1 bayttan uzun.</translation>
    </message>
    <message>
        <source>Chunk data is not followed by a line end.</source>
        <translation>Parça (chunk) verisinden sonra satır sonu gelmiyor.</translation>
    </message>
    <message>
        <source>Malformed request line.</source>
        <translation>İstek satırı hatalı.</translation>
    </message>
    <message>
        <source>Malformed request method.</source>
        <translation>İstek yöntemi hatalı.</translation>
    </message>
    <message>
        <source>Invalid character in the request target.</source>
        <translation>İstek hedefinde geçersiz karakter var.</translation>
    </message>
    <message>
        <source>Malformed HTTP version.</source>
        <translation>HTTP sürümü hatalı.</translation>
    </message>
    <message>
        <source>HTTP version %1 is not supported.</source>
        <translation>HTTP %1 sürümü desteklenmiyor.</translation>
    </message>
    <message>
        <source>Obsolete line folding in the header section.</source>
        <translation>Başlık bölümünde artık kullanılmayan satır katlama (obs-fold) var.</translation>
    </message>
    <message>
        <source>Malformed header line (no colon).</source>
        <translation>Başlık satırı hatalı (iki nokta üst üste yok).</translation>
    </message>
    <message>
        <source>Malformed header name.</source>
        <translation>Başlık adı hatalı.</translation>
    </message>
    <message>
        <source>Control character in the value of header %1.</source>
        <translation>%1 başlığının değerinde kontrol karakteri var.</translation>
    </message>
    <message>
        <source>More than one Host header.</source>
        <translation>Birden fazla Host başlığı var.</translation>
    </message>
    <message>
        <source>An HTTP/1.1 request needs a Host header.</source>
        <translation>HTTP/1.1 isteğinde bir Host başlığı bulunmalı.</translation>
    </message>
    <message>
        <source>Both Content-Length and Transfer-Encoding are present.</source>
        <translation>Content-Length ve Transfer-Encoding başlıkları bir arada kullanılmış.</translation>
    </message>
    <message>
        <source>Transfer-Encoding does not end with chunked.</source>
        <translation>Transfer-Encoding, chunked ile bitmiyor.</translation>
    </message>
    <message>
        <source>Transfer-Encoding lists chunked more than once.</source>
        <translation>Transfer-Encoding içinde chunked birden fazla kez geçiyor.</translation>
    </message>
    <message>
        <source>Transfer coding %1 is not supported.</source>
        <translation>%1 aktarım kodlaması desteklenmiyor.</translation>
    </message>
    <message>
        <source>Invalid Content-Length.</source>
        <translation>Geçersiz Content-Length.</translation>
    </message>
    <message>
        <source>Conflicting Content-Length values.</source>
        <translation>Content-Length değerleri birbiriyle çelişiyor.</translation>
    </message>
    <message>
        <source>Chunk size too large.</source>
        <translation>Parça boyutu (chunk size) çok büyük.</translation>
    </message>
    <message>
        <source>Invalid chunk size.</source>
        <translation>Geçersiz parça boyutu (chunk size).</translation>
    </message>
    <message>
        <source>Invalid chunk extension.</source>
        <translation>Geçersiz parça uzantısı (chunk extension).</translation>
    </message>
</context>
<context>
    <name>IngestAuth</name>
    <message>
        <source>the bearer token is empty</source>
        <translation>taşıyıcı belirteç (bearer token) boş</translation>
    </message>
    <message>
        <source>no Authorization header</source>
        <translation>Authorization başlığı yok</translation>
    </message>
    <message>
        <source>wrong bearer token</source>
        <translation>taşıyıcı belirteç yanlış</translation>
    </message>
    <message>
        <source>signature: %1</source>
        <translation>imza: %1</translation>
    </message>
</context>
<context>
    <name>InterruptedAttempt</name>
    <message>
        <source>Interrupted: the program sending this attempt stopped before its answer was recorded; the receiver may have received it (webhook-id %1).</source>
        <translation>Yarıda kaldı: bu denemeyi gönderen program, yanıtı kaydedilmeden durdu; alıcı isteği almış olabilir (webhook-id %1).</translation>
    </message>
</context>
<context>
    <name>JsonLocator</name>
    <message>
        <source>duplicate key &quot;%1&quot;: a key may appear once in an object</source>
        <translation>&quot;%1&quot; anahtarı birden fazla kez yazılmış: bir nesnede her anahtar yalnızca bir kez yer alabilir</translation>
    </message>
</context>
<context>
    <name>Kanca::ActionListEditor</name>
    <message>
        <source>Webhook %1</source>
        <translation>Webhook %1</translation>
    </message>
    <message>
        <source>Add Webhook</source>
        <translation>Webhook Ekle</translation>
    </message>
    <message>
        <source>Remove Webhook</source>
        <translation>Webhook&apos;u Kaldır</translation>
    </message>
    <message>
        <source>Move Webhook</source>
        <translation>Webhook&apos;u Taşı</translation>
    </message>
    <message>
        <source>Add &amp;Webhook</source>
        <translation>&amp;Webhook Ekle</translation>
    </message>
    <message>
        <source>Call one more webhook when the rule matches</source>
        <translation>Kural eşleştiğinde bir webhook daha çağır</translation>
    </message>
    <message>
        <source>Add webhook</source>
        <translation>Webhook ekle</translation>
    </message>
    <message>
        <source>Remove this webhook</source>
        <translation>Bu webhook&apos;u kaldır</translation>
    </message>
    <message>
        <source>Remove webhook</source>
        <translation>Webhook&apos;u kaldır</translation>
    </message>
    <message>
        <source>Call this webhook earlier</source>
        <translation>Bu webhook&apos;u daha önce çağır</translation>
    </message>
    <message>
        <source>Move webhook earlier</source>
        <translation>Webhook&apos;u yukarı taşı</translation>
    </message>
    <message>
        <source>Call this webhook later</source>
        <translation>Bu webhook&apos;u daha sonra çağır</translation>
    </message>
    <message>
        <source>Move webhook later</source>
        <translation>Webhook&apos;u aşağı taşı</translation>
    </message>
    <message>
        <source>Webhooks of the rule</source>
        <translation>Kuralın webhook&apos;ları</translation>
    </message>
    <message>
        <source>This rule calls no webhook yet. Add one to send the event somewhere when the rule matches.</source>
        <translation>Bu kural henüz hiçbir webhook çağırmıyor. Kural eşleştiğinde olayı bir yere göndermek için bir webhook ekleyin.</translation>
    </message>
</context>
<context>
    <name>Kanca::AuthEditor</name>
    <message>
        <source>Change Authentication</source>
        <translation>Yetkilendirmeyi Değiştir</translation>
    </message>
    <message>
        <source>The request carries no credentials. Anyone who knows the URL can call the receiver: prefer a secret where the receiver supports one.</source>
        <translation>İstek hiçbir yetkilendirme bilgisi taşımıyor. URL&apos;yi bilen herkes alıcıyı çağırabilir: alıcı destekliyorsa bir gizli anahtar kullanın.</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Parola:</translation>
    </message>
    <message>
        <source>Sent as an &quot;Authorization: Basic&quot; header, as SALESmanago does.</source>
        <translation>SALESmanago&apos;da olduğu gibi &quot;Authorization: Basic&quot; başlığıyla gönderilir.</translation>
    </message>
    <message>
        <source>T&amp;oken:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>Sent as an &quot;Authorization: Bearer&quot; header.</source>
        <translation>&quot;Authorization: Bearer&quot; başlığıyla gönderilir.</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>&amp;Değer:</translation>
    </message>
    <message>
        <source>The secret goes in a header of its own, as Suppabot&apos;s X-Webhook-Secret; the receiver compares it with its copy.</source>
        <translation>Gizli anahtar, Suppabot&apos;un X-Webhook-Secret başlığındaki gibi ayrı bir başlıkta gider; alıcı onu kendindeki kopyayla karşılaştırır.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Yok</translation>
    </message>
    <message>
        <source>HTTP Basic</source>
        <translation>HTTP Basic</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer token</translation>
    </message>
    <message>
        <source>Secret header</source>
        <translation>Gizli anahtar başlığı</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Tür:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Kullanıcı adı:</translation>
    </message>
    <message>
        <source>&amp;Header name:</source>
        <translation>&amp;Başlık adı:</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Yetkilendirme</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Kullanıcı adı</translation>
    </message>
    <message>
        <source>Header name</source>
        <translation>Başlık adı</translation>
    </message>
</context>
<context>
    <name>Kanca::BacktestPanel</name>
    <message>
        <source>the local history</source>
        <translation>yerel geçmiş</translation>
    </message>
    <message>
        <source>The rules have problems (see the Problems panel); fix them to run the backtest.</source>
        <translation>Kurallarda sorunlar var (Sorunlar paneline bakın); geriye dönük testi çalıştırmak için onları düzeltin.</translation>
    </message>
    <message>
        <source>%1 cannot be read as a rule set; the rules are run without a comparison.</source>
        <translation>%1 bir kural seti olarak okunamıyor; kurallar karşılaştırmasız çalıştırılıyor.</translation>
    </message>
    <message>
        <source>Events File (JSON Lines)…</source>
        <translation>Olay Dosyası (JSON Satırları)…</translation>
    </message>
    <message>
        <source>Events Kept in the Local History</source>
        <translation>Yerel Geçmişte Saklanan Olaylar</translation>
    </message>
    <message>
        <source>Events to Backtest Against</source>
        <translation>Geriye Dönük Test İçin Olaylar</translation>
    </message>
    <message>
        <source>Events, one per line (*.jsonl *.ndjson *.json);;All files (*)</source>
        <translation>Olaylar, her satırda bir tane (*.jsonl *.ndjson *.json);;Tüm dosyalar (*)</translation>
    </message>
    <message>
        <source>Compare With a Rule Set</source>
        <translation>Bir Kural Setiyle Karşılaştır</translation>
    </message>
    <message>
        <source>Kanca rule sets (*.kanca.json *.json)</source>
        <translation>Kanca kural setleri (*.kanca.json *.json)</translation>
    </message>
    <message>
        <source>+%1 / −%2</source>
        <translation>+%1 / −%2</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>değişiklik yok</translation>
    </message>
    <message>
        <source>now matches</source>
        <translation>artık eşleşiyor</translation>
    </message>
    <message>
        <source>no longer matches</source>
        <translation>artık eşleşmiyor</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>İptal</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Çalıştır</translation>
    </message>
    <message>
        <source>Events: %1</source>
        <translation>Olaylar: %1</translation>
    </message>
    <message>
        <source>Events: none chosen</source>
        <translation>Olaylar: seçilmedi</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Çalışıyor…</translation>
    </message>
    <message>
        <source>Reading the events…</source>
        <translation>Olaylar okunuyor…</translation>
    </message>
    <message>
        <source>%1 events ready. Press Run.</source>
        <translation>%1 olay hazır. Çalıştır&apos;a basın.</translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2 events.</source>
        <translation>%2 olayın %1 tanesinden sonra iptal edildi.</translation>
    </message>
    <message>
        <source>%1 events.</source>
        <translation>%1 olay.</translation>
    </message>
    <message>
        <source>%1 lines were not events and were skipped.</source>
        <translation>%1 satır olay değildi ve atlandı.</translation>
    </message>
    <message>
        <source>%1 of %2 rules change.</source>
        <translation>%2 kuraldan %1 tanesi değişiyor.</translation>
    </message>
    <message>
        <source>Nothing to compare with: save the rule set, or choose a file to compare with.</source>
        <translation>Karşılaştırılacak bir şey yok: kural setini kaydedin ya da karşılaştırılacak bir dosya seçin.</translation>
    </message>
    <message>
        <source>The rules changed since this run: press Run to see the effect.</source>
        <translation>Kurallar bu çalıştırmadan sonra değişti: etkisini görmek için Çalıştır&apos;a basın.</translation>
    </message>
    <message>
        <source>Choose Events…</source>
        <translation>Olayları Seç…</translation>
    </message>
    <message>
        <source>Compare With…</source>
        <translation>Karşılaştır…</translation>
    </message>
    <message>
        <source>Compared with: the saved file</source>
        <translation>Karşılaştırılan: kaydedilmiş dosya</translation>
    </message>
    <message>
        <source>Compared with: %1</source>
        <translation>Karşılaştırılan: %1</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Kural</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Olay</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>Görülen</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Önce</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Sonra</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Değişiklik</translation>
    </message>
    <message>
        <source>Event ID</source>
        <translation>Olay Kimliği</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Satır</translation>
    </message>
    <message>
        <source>%1, received from %2 to %3</source>
        <translation>%1, %2 ile %3 arasında alınanlar</translation>
    </message>
    <message>
        <source>%1, received since %2</source>
        <translation>%1, %2 tarihinden beri alınanlar</translation>
    </message>
    <message>
        <source>%1, received before %2</source>
        <translation>%1, %2 tarihinden önce alınanlar</translation>
    </message>
    <message>
        <source>Reading %1 was cancelled.</source>
        <translation>%1 okunması iptal edildi.</translation>
    </message>
    <message>
        <source>There are no events in %1: the servers keep the events they accept for their --keep-events days (30 by default). Choose another time or another server.</source>
        <translation>%1 içinde hiç olay yok: sunucular kabul ettikleri olayları --keep-events ile verilen gün sayısı kadar (varsayılan 30 gün) saklar. Başka bir zaman aralığı ya da başka bir sunucu seçin.</translation>
    </message>
    <message>
        <source>The events chosen before are kept.</source>
        <translation>Daha önce seçilen olaylar korunuyor.</translation>
    </message>
    <message>
        <source>Events Kept in a Server&apos;s History (PostgreSQL)…</source>
        <translation>Bir Sunucunun Geçmişinde Saklanan Olaylar (PostgreSQL)…</translation>
    </message>
    <message>
        <source>Reading the events… %1 read so far.</source>
        <translation>Olaylar okunuyor… şimdiye dek %1 olay okundu.</translation>
    </message>
    <message>
        <source>Choose the events to run the rules against: a file of past events, one per line, the events kept in the local history, or those a server&apos;s history kept.</source>
        <translation>Kuralların üzerinde çalıştırılacağı olayları seçin: her satırda bir olay bulunan geçmiş olaylar dosyası, yerel geçmişte saklanan olaylar ya da bir sunucunun geçmişinde saklananlar.</translation>
    </message>
</context>
<context>
    <name>Kanca::BodyEditor</name>
    <message>
        <source>Change Body Format</source>
        <translation>Gövde Biçimini Değiştir</translation>
    </message>
    <message>
        <source>Change Content Type</source>
        <translation>İçerik Türünü Değiştir</translation>
    </message>
    <message>
        <source>Edit Payload</source>
        <translation>Gövdeyi Düzenle</translation>
    </message>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>Satır %1, sütun %2: %3</translation>
    </message>
    <message>
        <source>Format JSON</source>
        <translation>JSON&apos;u Biçimlendir</translation>
    </message>
    <message>
        <source>Supsis Examples</source>
        <translation>Supsis Örnekleri</translation>
    </message>
    <message>
        <source>Platforms</source>
        <translation>Platformlar</translation>
    </message>
    <message>
        <source>Team Chat</source>
        <translation>Ekip Sohbeti</translation>
    </message>
    <message>
        <source>Standards</source>
        <translation>Standartlar</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Metin</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>No body</source>
        <translation>Gövde yok</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Biçim:</translation>
    </message>
    <message>
        <source>&amp;Content type:</source>
        <translation>İçerik &amp;türü:</translation>
    </message>
    <message>
        <source>Body format</source>
        <translation>Gövde biçimi</translation>
    </message>
    <message>
        <source>Content type</source>
        <translation>İçerik türü</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>&amp;Hazır Gövdeler</translation>
    </message>
    <message>
        <source>Replace the body with a ready payload</source>
        <translation>Gövdeyi hazır bir içerikle değiştir</translation>
    </message>
    <message>
        <source>Payload presets</source>
        <translation>Hazır gövdeler</translation>
    </message>
    <message>
        <source>F&amp;ormat JSON</source>
        <translation>JSON&apos;u Biçi&amp;mlendir</translation>
    </message>
    <message>
        <source>Indent the JSON, keeping placeholders and the order of members</source>
        <translation>JSON&apos;u girintile; yer tutucular ve üyelerin sırası korunur</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Gövde</translation>
    </message>
    <message>
        <source>Type the JSON to send, or pick a preset. Type {{ to insert a field of the event.</source>
        <translation>Gönderilecek JSON&apos;u yazın ya da hazır bir gövde seçin. Olaydan bir alan eklemek için {{ yazın.</translation>
    </message>
    <message>
        <source>The request is sent without a body.</source>
        <translation>İstek gövdesiz gönderilir.</translation>
    </message>
    <message>
        <source>This payload has more than %1 characters: it is not highlighted, and it is checked and previewed after a pause in typing.</source>
        <translation>Bu gövde %1 karakterden uzun: renklendirilmez; yazmaya ara verince denetlenir ve önizlenir.</translation>
    </message>
    <message>
        <source>Lines of more than %1 characters are shown in pieces (the longest has %2) and sent as written.</source>
        <translation>%1 karakterden uzun satırlar parçalar hâlinde gösterilir (en uzunu %2 karakter) ve yazıldığı gibi gönderilir.</translation>
    </message>
    <message>
        <source>Format JSON splits the payload into lines.</source>
        <translation>JSON&apos;u Biçimlendir gövdeyi satırlara böler.</translation>
    </message>
</context>
<context>
    <name>Kanca::CatcherPanel</name>
    <message>
        <source>Stop</source>
        <translation>Durdur</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Başlat</translation>
    </message>
    <message>
        <source>Listening at %1. Send a rule&apos;s requests there with the Catcher button beside its URL.</source>
        <translation>%1 adresinde dinleniyor. Bir kuralın isteklerini URL&apos;sinin yanındaki Yakalayıcı düğmesiyle buraya gönderin.</translation>
    </message>
    <message>
        <source>The catcher cannot start: %1</source>
        <translation>Yakalayıcı başlatılamıyor: %1</translation>
    </message>
    <message>
        <source>Stopped. Start listens on 127.0.0.1 (port 0: any free port).</source>
        <translation>Durduruldu. Başlat, 127.0.0.1 üzerinde dinler (port 0: boş herhangi bir port).</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n istek</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dropped (oldest)</source>
        <translation>
            <numerusform>%n tanesi atıldı (en eskiler)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n malformed</source>
        <translation>
            <numerusform>%n tanesi bozuk</numerusform>
        </translation>
    </message>
    <message>
        <source>Signatures are not checked.</source>
        <translation>İmzalar denetlenmiyor.</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>İstek</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Gönderen</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>İmza</translation>
    </message>
    <message>
        <source>%1 (trailer)</source>
        <translation>%1 (sondaki alan)</translation>
    </message>
    <message>
        <source>[only the first %1 of %2 bytes were kept]</source>
        <translation>[%2 baytın yalnızca ilk %1 baytı saklandı]</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>any free</source>
        <translation>boş herhangi biri</translation>
    </message>
    <message>
        <source>The port to listen on, on 127.0.0.1; any free port when 0</source>
        <translation>127.0.0.1 üzerinde dinlenecek port; 0 ise boş herhangi bir port</translation>
    </message>
    <message>
        <source>Catcher URL</source>
        <translation>Yakalayıcı URL&apos;si</translation>
    </message>
    <message>
        <source>Copy URL</source>
        <translation>URL&apos;yi Kopyala</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Temizle</translation>
    </message>
    <message>
        <source>after</source>
        <translation>bekleme</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Wait this long before answering, to rehearse timeouts</source>
        <translation>Zaman aşımlarını denemek için yanıt vermeden önce bu kadar bekle</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>saniye</translation>
    </message>
    <message>
        <source>Sent as the Retry-After header when set, as with 429 or 503</source>
        <translation>Girilirse Retry-After başlığı olarak gönderilir (429 veya 503&apos;te olduğu gibi)</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Başlık</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Değer</translation>
    </message>
    <message>
        <source>Request body</source>
        <translation>İstek gövdesi</translation>
    </message>
    <message>
        <source>Answer &amp;with status</source>
        <translation>Du&amp;rum koduyla yanıtla</translation>
    </message>
    <message>
        <source>Retr&amp;y-After:</source>
        <translation>Retry-&amp;After:</translation>
    </message>
    <message>
        <source>B&amp;ody:</source>
        <translation>Gö&amp;vde:</translation>
    </message>
    <message>
        <source>Check si&amp;gnatures</source>
        <translation>İm&amp;zaları denetle</translation>
    </message>
</context>
<context>
    <name>Kanca::CaughtRequestModel</name>
    <message>
        <source>not checked</source>
        <translation>denetlenmedi</translation>
    </message>
    <message>
        <source>none</source>
        <translation>yok</translation>
    </message>
    <message>
        <source>✓ valid</source>
        <translation>✓ geçerli</translation>
    </message>
    <message>
        <source>✗ invalid</source>
        <translation>✗ geçersiz</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zaman</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Yöntem</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Yol</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Gövde</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>İmza</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Yanıt</translation>
    </message>
</context>
<context>
    <name>Kanca::ComparisonView</name>
    <message>
        <source>✓ same</source>
        <translation>✓ aynı</translation>
    </message>
    <message>
        <source>≈ equivalent</source>
        <translation>≈ eşdeğer</translation>
    </message>
    <message>
        <source>✗ different</source>
        <translation>✗ farklı</translation>
    </message>
    <message>
        <source>✗ did not arrive</source>
        <translation>✗ ulaşmadı</translation>
    </message>
    <message>
        <source>+ added on the way</source>
        <translation>+ yolda eklendi</translation>
    </message>
    <message>
        <source>· not compared</source>
        <translation>· karşılaştırılmadı</translation>
    </message>
    <message>
        <source>? cannot tell</source>
        <translation>? anlaşılamıyor</translation>
    </message>
    <message>
        <source>Action %1 %2</source>
        <translation>Aksiyon %1 %2</translation>
    </message>
    <message>
        <source>Send a test to a webhook.site URL or to the local catcher (the buttons beside the action&apos;s URL) to see here what arrived beside what was sent.</source>
        <translation>Gönderilenin yanında neyin ulaştığını burada görmek için bir webhook.site URL&apos;sine ya da yerel yakalayıcıya (aksiyonun URL&apos;sinin yanındaki düğmeler) test gönderin.</translation>
    </message>
    <message>
        <source>Fetching what %1 received…</source>
        <translation>%1 adresine ulaşan istek alınıyor…</translation>
    </message>
    <message>
        <source>Sent and received at %1</source>
        <translation>Gönderilen ve %1 adresine ulaşan</translation>
    </message>
    <message>
        <source>Sent, and received at %1 at %2</source>
        <translation>Gönderilen, ve %2 saatinde %1 adresine ulaşan</translation>
    </message>
    <message>
        <source>✓ Everything sent arrived unchanged, byte for byte.</source>
        <translation>✓ Gönderilen her şey bayt bayt değişmeden ulaştı.</translation>
    </message>
    <message numerus="yes">
        <source>✗ %n difference(s): </source>
        <translation>
            <numerusform>✗ %n fark: </numerusform>
        </translation>
    </message>
    <message>
        <source>Signature: not checked (the action does not sign, or its secret has no value).</source>
        <translation>İmza: denetlenmedi (aksiyon imzalamıyor ya da sırrının değeri yok).</translation>
    </message>
    <message>
        <source>Signature: ✗ none arrived (%1).</source>
        <translation>İmza: ✗ imza ulaşmadı (%1).</translation>
    </message>
    <message>
        <source>Signature (%1): ✓ valid with the rule&apos;s secret.</source>
        <translation>İmza (%1): ✓ kuralın sırrıyla geçerli.</translation>
    </message>
    <message>
        <source>Signature (%1): ✗ invalid: %2</source>
        <translation>İmza (%1): ✗ geçersiz: %2</translation>
    </message>
    <message numerus="yes">
        <source>Body: ✓ the same %n byte(s).</source>
        <translation>
            <numerusform>Gövde: ✓ aynı %n bayt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Body: ? %1</source>
        <translation>Gövde: ? %1</translation>
    </message>
    <message>
        <source>Body: ✗ %1 bytes sent, %2 received; the first difference is at byte %3 (selected).</source>
        <translation>Gövde: ✗ %1 bayt gönderildi, %2 bayt ulaştı; ilk fark %3. baytta (seçili).</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Bölüm</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gönderilen</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Ulaşan</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Sonuç</translation>
    </message>
    <message>
        <source>Sent body</source>
        <translation>Gönderilen gövde</translation>
    </message>
    <message>
        <source>Received body</source>
        <translation>Ulaşan gövde</translation>
    </message>
    <message>
        <source>✗ Received, but answered %1: the test failed.</source>
        <translation>✗ Alındı, ancak yanıt %1 oldu: test başarısız.</translation>
    </message>
    <message>
        <source>What arrived is what was sent, byte for byte.</source>
        <translation>Gelen, gönderilenle bayt bayt aynı.</translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s): </source>
        <translation>
            <numerusform>%n fark: </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Kanca::CompiledAction</name>
    <message>
        <source>%1 at %2:%3 of the template</source>
        <translation>%1, şablonun %2:%3 konumunda</translation>
    </message>
    <message>
        <source>a secret is required here: {&quot;secret&quot;: &quot;NAME&quot;}</source>
        <translation>burada bir gizli anahtar gerekli: {&quot;secret&quot;: &quot;ANAHTAR_ADI&quot;}</translation>
    </message>
    <message>
        <source>the secret name &quot;%1&quot; is not valid: use capital letters, digits and &quot;_&quot;, at most 64 of them</source>
        <translation>gizli anahtar adı &quot;%1&quot; geçersiz: en çok 64 karakter olmalı ve yalnızca büyük harf, rakam ve &quot;_&quot; içermeli</translation>
    </message>
    <message>
        <source>unknown method &quot;%1&quot;%2: use GET, POST, PUT, PATCH or DELETE</source>
        <translation>bilinmeyen HTTP yöntemi &quot;%1&quot;%2: GET, POST, PUT, PATCH ya da DELETE kullanın</translation>
    </message>
    <message>
        <source>the URL must start with http:// or https://</source>
        <translation>URL http:// ya da https:// ile başlamalı</translation>
    </message>
    <message>
        <source>the header name is empty</source>
        <translation>başlık adı boş</translation>
    </message>
    <message>
        <source>the header name &quot;%1&quot; is not valid: use letters, digits and ! # $ % &amp; &apos; * + - . ^ _ ` | ~</source>
        <translation>başlık adı &quot;%1&quot; geçersiz: harf, rakam ve ! # $ % &amp; &apos; * + - . ^ _ ` | ~ kullanın</translation>
    </message>
    <message>
        <source>the header &quot;%1&quot; is set when the request is sent; remove it</source>
        <translation>&quot;%1&quot; başlığı istek gönderilirken kendiliğinden eklenir; bunu kaldırın</translation>
    </message>
    <message>
        <source>the header &quot;%1&quot; is set by the action&apos;s authentication; remove it from the headers</source>
        <translation>&quot;%1&quot; başlığını aksiyonun yetkilendirme ayarı ekler; başlıklardan kaldırın</translation>
    </message>
    <message>
        <source>the header &quot;%1&quot; is set by the action&apos;s signing; remove it from the headers</source>
        <translation>&quot;%1&quot; başlığını aksiyonun imzalama ayarı ekler; başlıklardan kaldırın</translation>
    </message>
    <message>
        <source>the user name cannot hold &quot;:&quot; or a control character</source>
        <translation>kullanıcı adı &quot;:&quot; ya da kontrol karakteri içeremez</translation>
    </message>
    <message>
        <source>the header &quot;%1&quot; is set by the action&apos;s signing; choose another name</source>
        <translation>&quot;%1&quot; başlığını aksiyonun imzalama ayarı ekler; başka bir ad seçin</translation>
    </message>
    <message>
        <source>the signature prefix cannot hold a line break or another control character</source>
        <translation>imza öneki satır sonu ya da başka bir kontrol karakteri içeremez</translation>
    </message>
    <message>
        <source>a %1 request has no body: remove the body or use POST, PUT or PATCH</source>
        <translation>%1 isteğinin gövdesi olmaz: gövdeyi kaldırın ya da POST, PUT veya PATCH kullanın</translation>
    </message>
    <message>
        <source>the content type cannot hold a line break or another control character</source>
        <translation>içerik türü satır sonu ya da başka bir kontrol karakteri içeremez</translation>
    </message>
    <message>
        <source>the form field name is empty</source>
        <translation>form alanının adı boş</translation>
    </message>
    <message>
        <source>the timeout must be between 1 and 600000 ms (10 minutes), not %1</source>
        <translation>zaman aşımı 1 ile 600000 ms (10 dakika) arasında olmalı, %1 değil</translation>
    </message>
    <message>
        <source>the number of attempts must be between 1 and 100, not %1</source>
        <translation>deneme sayısı 1 ile 100 arasında olmalı, %1 değil</translation>
    </message>
    <message>
        <source>the first retry delay cannot be negative (%1 ms)</source>
        <translation>ilk yeniden deneme beklemesi negatif olamaz (%1 ms)</translation>
    </message>
    <message>
        <source>the longest retry delay (%1 ms) cannot be shorter than the first (%2 ms)</source>
        <translation>en uzun yeniden deneme beklemesi (%1 ms) ilkinden (%2 ms) kısa olamaz</translation>
    </message>
    <message>
        <source>the body is not valid JSON: %1</source>
        <translation>gövde geçerli bir JSON değil: %1</translation>
    </message>
    <message>
        <source>no URL yet: write the address to call</source>
        <translation>henüz URL yok: çağrılacak adresi yazın</translation>
    </message>
</context>
<context>
    <name>Kanca::CompiledCondition</name>
    <message>
        <source>Conditions are nested more than %1 levels deep; simplify this condition.</source>
        <translation>Koşullar %1 düzeyden daha derin iç içe geçmiş; bu koşulu sadeleştirin.</translation>
    </message>
    <message numerus="yes">
        <source>&quot;not&quot; must hold exactly one condition, not %n.</source>
        <translation>
            <numerusform>&quot;not&quot; tam olarak bir koşul içermeli; bu %n koşul içeriyor.</numerusform>
        </translation>
    </message>
    <message>
        <source>A condition needs a field.</source>
        <translation>Koşulda bir alan belirtilmeli.</translation>
    </message>
    <message>
        <source>Unknown field &quot;%1&quot;.</source>
        <translation>Bilinmeyen alan: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Unknown field &quot;%1&quot;. Did you mean &quot;%2&quot;?</source>
        <translation>Bilinmeyen alan: &quot;%1&quot;. Bunu mu demek istediniz: &quot;%2&quot;?</translation>
    </message>
    <message>
        <source>The operator &quot;%1&quot; does not apply to the text field &quot;%2&quot;; use one of: %3.</source>
        <translation>&quot;%1&quot; operatörü &quot;%2&quot; metin alanında kullanılamaz; şunlardan birini kullanın: %3.</translation>
    </message>
    <message>
        <source>The operator &quot;%1&quot; does not apply to the list field &quot;%2&quot;; use one of: %3.</source>
        <translation>&quot;%1&quot; operatörü &quot;%2&quot; liste alanında kullanılamaz; şunlardan birini kullanın: %3.</translation>
    </message>
    <message>
        <source>The operator &quot;%1&quot; does not apply to the field &quot;%2&quot;, which holds one of a fixed set of values; use one of: %3.</source>
        <translation>&quot;%1&quot; operatörü, sabit değerlerden birini alan &quot;%2&quot; alanında kullanılamaz; şunlardan birini kullanın: %3.</translation>
    </message>
    <message>
        <source>The operator &quot;%1&quot; does not apply to the number field &quot;%2&quot;; use one of: %3.</source>
        <translation>&quot;%1&quot; operatörü &quot;%2&quot; sayı alanında kullanılamaz; şunlardan birini kullanın: %3.</translation>
    </message>
    <message>
        <source>The operator &quot;%1&quot; does not apply to the date-time field &quot;%2&quot;; use one of: %3.</source>
        <translation>&quot;%1&quot; operatörü &quot;%2&quot; tarih-saat alanında kullanılamaz; şunlardan birini kullanın: %3.</translation>
    </message>
    <message>
        <source>The operator &quot;%1&quot; takes no value; remove &quot;value&quot;.</source>
        <translation>&quot;%1&quot; operatörü değer almaz; &quot;value&quot; anahtarını kaldırın.</translation>
    </message>
    <message>
        <source>The operator &quot;%1&quot; needs a value.</source>
        <translation>&quot;%1&quot; operatörü için bir değer gerekli.</translation>
    </message>
    <message>
        <source>The operator &quot;%1&quot; needs a list of values, such as [&quot;a&quot;, &quot;b&quot;].</source>
        <translation>&quot;%1&quot; operatörü [&quot;a&quot;, &quot;b&quot;] gibi bir değer listesi ister.</translation>
    </message>
    <message>
        <source>The value must be a number, such as 42.</source>
        <translation>Değer 42 gibi bir sayı olmalı.</translation>
    </message>
    <message>
        <source>The value must be a date and time, such as &quot;%1&quot;.</source>
        <translation>Değer &quot;%1&quot; gibi bir tarih ve saat olmalı.</translation>
    </message>
    <message>
        <source>The value must be text in quotes.</source>
        <translation>Değer tırnak içinde bir metin olmalı.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a value of &quot;%2&quot;; use one of: %3.</source>
        <translation>&quot;%1&quot;, &quot;%2&quot; alanının değerlerinden biri değil; şunlardan birini kullanın: %3.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a value of &quot;%2&quot;. Did you mean &quot;%4&quot;? The values are: %3.</source>
        <translation>&quot;%1&quot;, &quot;%2&quot; alanının değerlerinden biri değil. Bunu mu demek istediniz: &quot;%4&quot;? Geçerli değerler: %3.</translation>
    </message>
    <message>
        <source>The value of &quot;matches&quot; must be a regular expression in quotes.</source>
        <translation>&quot;matches&quot; değeri tırnak içinde bir düzenli ifade olmalı.</translation>
    </message>
    <message>
        <source>Invalid regular expression: %1 at character %2.</source>
        <translation>Geçersiz düzenli ifade (%2. karakter): %1.</translation>
    </message>
    <message>
        <source>%1 is below the smallest value of &quot;%2&quot;, %3.</source>
        <translation>%1, &quot;%2&quot; alanının alabileceği en küçük değerden (%3) küçük.</translation>
    </message>
    <message>
        <source>%1 is above the largest value of &quot;%2&quot;, %3.</source>
        <translation>%1, &quot;%2&quot; alanının alabileceği en büyük değerden (%3) büyük.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; repeats a repetition without bound: on a long text that almost matches, the expression gives up (match limit) and the rule cannot decide. Write it without nesting, such as &quot;a+&quot; for &quot;(a+)+&quot;.</source>
        <translation>&quot;%1&quot; bir tekrarı sınırsızca tekrarlıyor: neredeyse eşleşen uzun bir metinde ifade vazgeçer (eşleşme sınırı) ve kural karar veremez. İç içe yazmayın; örneğin &quot;(a+)+&quot; yerine &quot;a+&quot; yazın.</translation>
    </message>
</context>
<context>
    <name>Kanca::ConditionBuilder</name>
    <message>
        <source>Remove Negation</source>
        <translation>Olumsuzlamayı Kaldır</translation>
    </message>
    <message>
        <source>Negate Group</source>
        <translation>Grubu Olumsuzla</translation>
    </message>
    <message>
        <source>Negate Condition</source>
        <translation>Koşulu Olumsuzla</translation>
    </message>
    <message>
        <source>Change Group</source>
        <translation>Grubu Değiştir</translation>
    </message>
    <message>
        <source>Add Condition</source>
        <translation>Koşul Ekle</translation>
    </message>
    <message>
        <source>Add Group</source>
        <translation>Grup Ekle</translation>
    </message>
    <message>
        <source>Remove Group</source>
        <translation>Grubu Kaldır</translation>
    </message>
    <message>
        <source>Remove Condition</source>
        <translation>Koşulu Kaldır</translation>
    </message>
    <message>
        <source>Always: this rule runs on every event.</source>
        <translation>Her zaman: bu kural her olayda çalışır.</translation>
    </message>
    <message>
        <source>Always: this rule runs on every “%1” event.</source>
        <translation>Her zaman: bu kural her “%1” olayında çalışır.</translation>
    </message>
    <message>
        <source>Add condition</source>
        <translation>Koşul ekle</translation>
    </message>
    <message>
        <source>Run this rule only when a condition holds</source>
        <translation>Bu kuralı yalnızca bir koşul sağlandığında çalıştır</translation>
    </message>
</context>
<context>
    <name>Kanca::ConditionGroupWidget</name>
    <message>
        <source>NOT</source>
        <translation>DEĞİL</translation>
    </message>
    <message>
        <source>Negate group</source>
        <translation>Grubu olumsuzla</translation>
    </message>
    <message>
        <source>Negate: the group holds when its conditions do not hold as chosen.</source>
        <translation>Olumsuzla: grubun koşulları seçildiği gibi sağlanmadığında grup sağlanmış sayılır.</translation>
    </message>
    <message>
        <source>All of these</source>
        <translation>Bunların hepsi</translation>
    </message>
    <message>
        <source>Any of these</source>
        <translation>Bunlardan herhangi biri</translation>
    </message>
    <message>
        <source>Group match</source>
        <translation>Grup eşleşmesi</translation>
    </message>
    <message>
        <source>All of these: every condition below must hold. Any of these: at least one of them must hold.</source>
        <translation>Bunların hepsi: aşağıdaki her koşul sağlanmalı. Bunlardan herhangi biri: en az biri sağlanmalı.</translation>
    </message>
    <message>
        <source>Add condition</source>
        <translation>Koşul ekle</translation>
    </message>
    <message>
        <source>Add group</source>
        <translation>Grup ekle</translation>
    </message>
    <message>
        <source>Add a group of conditions, to mix “all” and “any”</source>
        <translation>“hepsi” ve “herhangi biri” seçeneklerini birlikte kullanmak için bir koşul grubu ekle</translation>
    </message>
    <message>
        <source>Remove group</source>
        <translation>Grubu kaldır</translation>
    </message>
    <message>
        <source>Group of conditions</source>
        <translation>Koşul grubu</translation>
    </message>
</context>
<context>
    <name>Kanca::ConditionRow</name>
    <message>
        <source>Contact</source>
        <translation>Kişi</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Etiket</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Konuşma</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mesaj</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-posta</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Çalışma alanı</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Olay</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Kural</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Gönderim</translation>
    </message>
    <message>
        <source>NOT</source>
        <translation>DEĞİL</translation>
    </message>
    <message>
        <source>Negate condition</source>
        <translation>Koşulu olumsuzla</translation>
    </message>
    <message>
        <source>Negate: the condition holds when this comparison does not.</source>
        <translation>Olumsuzla: bu karşılaştırma sağlanmadığında koşul sağlanmış sayılır.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Alan</translation>
    </message>
    <message>
        <source>Choose a field</source>
        <translation>Bir alan seçin</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operatör</translation>
    </message>
    <message>
        <source>Aa</source>
        <extracomment>A toggle: the text comparison of a condition is case-sensitive</extracomment>
        <translation>Aa</translation>
    </message>
    <message>
        <source>Case-sensitive</source>
        <translation>Büyük/küçük harfe duyarlı</translation>
    </message>
    <message>
        <source>Case-sensitive: capital and small letters must match exactly. When off, “VIP” also matches “vip”, and İ/i and I/ı fold as the rule set&apos;s language expects.</source>
        <translation>Büyük/küçük harfe duyarlı: büyük ve küçük harfler tam olarak eşleşmeli. Kapalıyken “VIP”, “vip” ile de eşleşir; İ/i ve I/ı da kural setinin diline göre eşlenir.</translation>
    </message>
    <message>
        <source>Remove condition</source>
        <translation>Koşulu kaldır</translation>
    </message>
    <message>
        <source>Not in the catalog</source>
        <translation>Katalogda yok</translation>
    </message>
    <message>
        <source>Change Condition</source>
        <translation>Koşulu Değiştir</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Koşul</translation>
    </message>
</context>
<context>
    <name>Kanca::ConditionValueEditor</name>
    <message>
        <source>Value</source>
        <translation>Değer</translation>
    </message>
    <message>
        <source>One tag, e.g. VIP</source>
        <translation>Bir etiket, örneğin VIP</translation>
    </message>
    <message>
        <source>Values, separated by commas</source>
        <translation>Virgülle ayrılmış değerler</translation>
    </message>
    <message>
        <source>A number from %1 to %2</source>
        <translation>%1 ile %2 arasında bir sayı</translation>
    </message>
    <message>
        <source>A number, at least %1</source>
        <translation>En az %1 olan bir sayı</translation>
    </message>
    <message>
        <source>A number</source>
        <translation>Bir sayı</translation>
    </message>
    <message>
        <source>Numbers, separated by “%1”</source>
        <translation>“%1” ile ayrılmış sayılar</translation>
    </message>
    <message>
        <source>Regular expression, e.g. %1</source>
        <translation>Düzenli ifade, örneğin %1</translation>
    </message>
    <message>
        <source>Choose a date and time</source>
        <translation>Bir tarih ve saat seçin</translation>
    </message>
    <message>
        <source>Date and time in UTC</source>
        <translation>UTC tarih ve saat</translation>
    </message>
    <message>
        <source>Choose a value</source>
        <translation>Bir değer seçin</translation>
    </message>
    <message>
        <source>Tick every value that counts</source>
        <translation>Geçerli sayılacak her değeri işaretleyin</translation>
    </message>
    <message>
        <source>“%1” is not a number.</source>
        <translation>“%1” bir sayı değil.</translation>
    </message>
    <message>
        <source>Enter a number from %1 to %2.</source>
        <translation>%1 ile %2 arasında bir sayı girin.</translation>
    </message>
    <message>
        <source>Enter a number of at least %1.</source>
        <translation>En az %1 olan bir sayı girin.</translation>
    </message>
    <message>
        <source>Enter a number of at most %1.</source>
        <translation>En çok %1 olan bir sayı girin.</translation>
    </message>
    <message>
        <source>Valid regular expression.</source>
        <translation>Geçerli düzenli ifade.</translation>
    </message>
    <message>
        <source>Invalid regular expression: %1 at character %2.</source>
        <translation>Geçersiz düzenli ifade (%2. karakter): %1.</translation>
    </message>
</context>
<context>
    <name>Kanca::Credentials</name>
    <message>
        <source>secret &quot;%1&quot; is not set (set %2)</source>
        <translation>&quot;%1&quot; gizli anahtarının değeri yok (%2 değişkenini tanımlayın)</translation>
    </message>
    <message>
        <source>secret &quot;%1&quot; holds a line break or another control character and cannot go in a header</source>
        <translation>&quot;%1&quot; gizli anahtarı satır sonu ya da başka bir kontrol karakteri içerdiği için başlığa konamaz</translation>
    </message>
    <message>
        <source>secret &quot;%1&quot; is not a Standard Webhooks secret: &quot;whsec_&quot; followed by base64</source>
        <translation>&quot;%1&quot; gizli anahtarı bir Standard Webhooks anahtarı değil: &quot;whsec_&quot; ile başlamalı, ardından base64 gelmeli</translation>
    </message>
    <message>
        <source>Standard Webhooks signing needs a delivery id</source>
        <translation>Standard Webhooks imzası için bir gönderim kimliği gerekir</translation>
    </message>
</context>
<context>
    <name>Kanca::DeliveryEngine</name>
    <message>
        <source>Nothing more is sent: the outbox %1 could not be written.</source>
        <translation>Başka hiçbir şey gönderilmiyor: %1 giden kutusuna yazılamadı.</translation>
    </message>
    <message>
        <source>Interrupted: the program stopped during this attempt; the receiver may have received it (webhook-id %1).</source>
        <translation>Yarıda kaldı: program bu deneme sırasında durdu; alıcı isteği almış olabilir (webhook-id %1).</translation>
    </message>
</context>
<context>
    <name>Kanca::DeliveryPolicyEditor</name>
    <message>
        <source>Change Timeout</source>
        <translation>Zaman Aşımını Değiştir</translation>
    </message>
    <message>
        <source>Change Retries</source>
        <translation>Yeniden Denemeleri Değiştir</translation>
    </message>
    <message>
        <source> s</source>
        <comment>suffix of a number of seconds</comment>
        <translation> sn</translation>
    </message>
    <message>
        <source>1 (no retries)</source>
        <translation>1 (yeniden deneme yok)</translation>
    </message>
    <message>
        <source>&amp;Timeout per attempt:</source>
        <translation>Deneme başına &amp;zaman aşımı:</translation>
    </message>
    <message>
        <source>&amp;Attempts at most:</source>
        <translation>En fazla &amp;deneme:</translation>
    </message>
    <message>
        <source>&amp;First retry after:</source>
        <translation>&amp;İlk yeniden deneme:</translation>
    </message>
    <message>
        <source>&amp;Longest wait between retries:</source>
        <translation>Denemeler arası en &amp;uzun bekleme:</translation>
    </message>
    <message>
        <source>Timeout per attempt in seconds</source>
        <translation>Saniye cinsinden deneme başına zaman aşımı</translation>
    </message>
    <message>
        <source>Attempts at most</source>
        <translation>En fazla deneme sayısı</translation>
    </message>
    <message>
        <source>First retry delay in seconds</source>
        <translation>Saniye cinsinden ilk yeniden deneme beklemesi</translation>
    </message>
    <message>
        <source>Longest retry delay in seconds</source>
        <translation>Saniye cinsinden en uzun yeniden deneme beklemesi</translation>
    </message>
    <message>
        <source>An attempt that gets no answer within the timeout fails. Failed deliveries are tried again after network errors, timeouts and HTTP 408, 429 and 5xx, waiting longer each time (with a random part) and honouring Retry-After; other 4xx answers are not retried.</source>
        <translation>Zaman aşımı içinde yanıt alamayan deneme başarısız sayılır. Başarısız gönderimler ağ hatalarından, zaman aşımlarından ve HTTP 408, 429 ve 5xx yanıtlarından sonra yeniden denenir; her seferinde (rastgele bir payla) daha uzun beklenir ve Retry-After dikkate alınır. Diğer 4xx yanıtları yeniden denenmez.</translation>
    </message>
</context>
<context>
    <name>Kanca::Dialogs</name>
    <message>
        <source>Kanca rule sets (*.kanca.json *.json);;All files (*)</source>
        <translation>Kanca kural setleri (*.kanca.json *.json);;Tüm dosyalar (*)</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Sorunlar</translation>
    </message>
</context>
<context>
    <name>Kanca::DocumentController</name>
    <message>
        <source>Unsaved Changes</source>
        <translation>Kaydedilmemiş Değişiklikler</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has changes that are not saved. Save them?</source>
        <translation>&quot;%1&quot; üzerinde kaydedilmemiş değişiklikler var. Kaydedilsin mi?</translation>
    </message>
    <message>
        <source>New rule set</source>
        <translation>Yeni kural seti</translation>
    </message>
    <message>
        <source>Cannot Open</source>
        <translation>Açılamadı</translation>
    </message>
    <message>
        <source>Open Rule Set</source>
        <translation>Kural Seti Aç</translation>
    </message>
    <message>
        <source>Cannot Save</source>
        <translation>Kaydedilemedi</translation>
    </message>
    <message>
        <source>rules</source>
        <translation>kurallar</translation>
    </message>
    <message>
        <source>Save Rule Set As</source>
        <translation>Kural Setini Farklı Kaydet</translation>
    </message>
    <message>
        <source>Cannot Import</source>
        <translation>İçe Aktarılamadı</translation>
    </message>
    <message>
        <source>Nothing was imported from %1: it has these problems. The open rule set is unchanged.</source>
        <translation>%1 dosyasından hiçbir şey içe aktarılmadı; şu sorunları var. Açık olan kural seti değişmedi.</translation>
    </message>
    <message numerus="yes">
        <source>Import %n Rule(s)</source>
        <translation>
            <numerusform>%n Kuralı İçe Aktar</numerusform>
        </translation>
    </message>
    <message>
        <source>Import Rule</source>
        <translation>Kuralı İçe Aktar</translation>
    </message>
    <message>
        <source>Import Rules</source>
        <translation>Kuralları İçe Aktar</translation>
    </message>
    <message>
        <source>Cannot Export</source>
        <translation>Dışa Aktarılamadı</translation>
    </message>
    <message>
        <source>The rule set was not exported: a server would refuse it for these problems.</source>
        <translation>Kural seti dışa aktarılmadı: şu sorunlar yüzünden sunucu onu reddederdi.</translation>
    </message>
    <message>
        <source>Export for Server</source>
        <translation>Sunucu İçin Dışa Aktar</translation>
    </message>
    <message>
        <source>an untitled rule set</source>
        <translation>adsız bir kural seti</translation>
    </message>
    <message>
        <source>Recover Unsaved Work</source>
        <translation>Kaydedilmemiş Çalışmayı Kurtar</translation>
    </message>
    <message>
        <source>Kanca was not closed properly. Unsaved changes to %1 from %2 were kept. Recover them?</source>
        <translation>Kanca düzgün kapatılmadı. %1 için %2 tarihinde yapılmış, kaydedilmemiş değişiklikler saklandı. Kurtarılsın mı?</translation>
    </message>
    <message>
        <source>Cannot Recover</source>
        <translation>Kurtarılamadı</translation>
    </message>
    <message>
        <source>%1 was not opened: it is not a Kanca rule set this version can read. The open rule set is unchanged.</source>
        <translation>%1 açılmadı: Kanca&apos;nın bu sürümünün okuyabildiği bir kural seti değil. Açık kural seti değişmedi.</translation>
    </message>
    <message>
        <source>Opened with Problems</source>
        <translation>Sorunlarla Açıldı</translation>
    </message>
    <message>
        <source>%1 was opened. What these problems are about could not be read into the rule set, and is not kept when it is saved:</source>
        <translation>%1 açıldı. Bu sorunların ilgili olduğu kısımlar kural setine okunamadı ve kaydedildiğinde saklanmaz:</translation>
    </message>
    <message numerus="yes">
        <source>%1 was opened with %n problem(s): they are listed in the Problems panel.</source>
        <translation>
            <numerusform>%1, %n sorunla açıldı: sorunlar Sorunlar panelinde listeleniyor.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %1 with %n problem(s): it opens again as it is, but a server would refuse it until they are fixed (see the Problems panel).</source>
        <translation>
            <numerusform>%1, %n sorunla kaydedildi: olduğu gibi yeniden açılır, ancak sorunlar giderilene kadar bir sunucu onu reddeder (Sorunlar paneline bakın).</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 kaydedildi.</translation>
    </message>
    <message>
        <source>These URLs are for testing; a server cannot reach them, or should not send real events there:

%1

Export all the same?</source>
        <translation>Bu URL&apos;ler test içindir; bir sunucu bunlara ulaşamaz ya da oraya gerçek olaylar göndermemelidir:

%1

Yine de dışa aktarılsın mı?</translation>
    </message>
</context>
<context>
    <name>Kanca::EventIngest</name>
    <message>
        <source>no rule set is loaded</source>
        <translation>yüklü bir kural seti yok</translation>
    </message>
    <message>
        <source>event &quot;%1&quot; (%2): %3</source>
        <translation>&quot;%1&quot; olayı (%2): %3</translation>
    </message>
</context>
<context>
    <name>Kanca::EventPicker</name>
    <message>
        <source>Event</source>
        <translation>Olay</translation>
    </message>
    <message>
        <source>The event that starts this rule</source>
        <translation>Bu kuralı başlatan olay</translation>
    </message>
    <message>
        <source>Choose an event</source>
        <translation>Bir olay seçin</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kişi</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Sohbet</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mesaj</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Diğer</translation>
    </message>
    <message>
        <source>Not in the catalog</source>
        <translation>Katalogda yok</translation>
    </message>
</context>
<context>
    <name>Kanca::EventServer</name>
    <message>
        <source>%1 takes %2.</source>
        <translation>%1 yalnızca %2 kabul eder.</translation>
    </message>
    <message>
        <source>No such endpoint: %1. Events go to POST /v1/events.</source>
        <translation>Böyle bir uç nokta yok: %1. Olaylar POST /v1/events adresine gönderilir.</translation>
    </message>
    <message>
        <source>The server is stopping; post the events to another server or again later.</source>
        <translation>Sunucu duruyor; olayları başka bir sunucuya ya da daha sonra yeniden gönderin.</translation>
    </message>
    <message>
        <source>The body is larger than %1 bytes (--max-body).</source>
        <translation>İstek gövdesi %1 bayttan büyük (--max-body).</translation>
    </message>
    <message>
        <source>Events are sent as JSON: Content-Type: application/json.</source>
        <translation>Olaylar JSON olarak gönderilir: Content-Type: application/json.</translation>
    </message>
    <message>
        <source>The request has problems; nothing of it was accepted.</source>
        <translation>İstekte sorunlar var; hiçbir kısmı kabul edilmedi.</translation>
    </message>
    <message>
        <source>A rule cannot handle an event of the request; nothing of it was accepted.</source>
        <translation>Bir kural, istekteki bir olay için karar veremiyor; isteğin hiçbir kısmı kabul edilmedi.</translation>
    </message>
    <message>
        <source>The events could not be stored, so none was accepted: %1</source>
        <translation>Olaylar saklanamadı, bu yüzden hiçbiri kabul edilmedi: %1</translation>
    </message>
</context>
<context>
    <name>Kanca::EventSourceEditor</name>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>Satır %1, sütun %2: %3</translation>
    </message>
    <message>
        <source>Turkish sample</source>
        <translation>Türkçe örnek</translation>
    </message>
    <message>
        <source>English sample</source>
        <translation>İngilizce örnek</translation>
    </message>
    <message>
        <source>Custom event</source>
        <translation>Özel olay</translation>
    </message>
    <message>
        <source>Event to preview</source>
        <translation>Önizlenecek olay</translation>
    </message>
    <message>
        <source>The catalog&apos;s sample of the rule&apos;s event in Turkish or English, or your own event.</source>
        <translation>Kuralın olayı için katalogdaki Türkçe ya da İngilizce örnek veya kendi olayınız.</translation>
    </message>
    <message>
        <source>Reset to sample</source>
        <translation>Örneğe dön</translation>
    </message>
    <message>
        <source>Replace the custom event with the catalog&apos;s sample.</source>
        <translation>Özel olayı katalogdaki örnekle değiştir.</translation>
    </message>
    <message>
        <source>Event JSON</source>
        <translation>Olay JSON&apos;u</translation>
    </message>
    <message>
        <source>The event as JSON. Editing it previews the rule against your own event.</source>
        <translation>JSON biçiminde olay. Düzenlerseniz kural kendi olayınızla önizlenir.</translation>
    </message>
    <message>
        <source>{&quot;type&quot;: &quot;chat.opened&quot;, &quot;contact&quot;: {…}}</source>
        <translation>{&quot;type&quot;: &quot;chat.opened&quot;, &quot;contact&quot;: {…}}</translation>
    </message>
    <message>
        <source>Problems of the event</source>
        <translation>Olaydaki sorunlar</translation>
    </message>
</context>
<context>
    <name>Kanca::GroupedComboBox</name>
    <message>
        <source>Group</source>
        <translation>Grup</translation>
    </message>
</context>
<context>
    <name>Kanca::HistoryDetailView</name>
    <message>
        <source>Delivery details</source>
        <translation>Gönderim ayrıntıları</translation>
    </message>
    <message>
        <source>(no body)</source>
        <translation>(gövde yok)</translation>
    </message>
    <message numerus="yes">
        <source>(%n byte(s) of binary data)</source>
        <translation>
            <numerusform>(%n bayt ikili veri)</numerusform>
        </translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Başarılı</translation>
    </message>
    <message>
        <source>Failed; retried after %1 ms</source>
        <translation>Başarısız; %1 ms sonra yeniden denendi</translation>
    </message>
    <message>
        <source>Failed; retried</source>
        <translation>Başarısız; yeniden denendi</translation>
    </message>
    <message>
        <source>Failed; not retried</source>
        <translation>Başarısız; yeniden denenmedi</translation>
    </message>
    <message>
        <source>Attempt %1 of %2</source>
        <translation>Deneme %1 / %2</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>Başlangıç:</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Süre:</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>Sonuç:</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>İstek</translation>
    </message>
    <message>
        <source>Truncated at 256 KiB: the body sent had %1 bytes.</source>
        <translation>256 KiB&apos;ta kesildi: gönderilen gövde %1 bayttı.</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Yanıt</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>Truncated at 256 KiB: the body received had %1 bytes.</source>
        <translation>256 KiB&apos;ta kesildi: alınan gövde %1 bayttı.</translation>
    </message>
    <message>
        <source>Why it failed</source>
        <translation>Neden başarısız oldu</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Hata</translation>
    </message>
    <message>
        <source>Choose a delivery in the table to see its attempts: the request sent and the response received.</source>
        <translation>Denemelerini görmek için tablodan bir gönderim seçin: gönderilen istek ve alınan yanıt.</translation>
    </message>
    <message>
        <source>Delivery %1</source>
        <translation>Gönderim %1</translation>
    </message>
    <message>
        <source>Rule:</source>
        <translation>Kural:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Event:</source>
        <translation>Olay:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Oluşturulma:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Durum:</translation>
    </message>
    <message>
        <source>Next attempt:</source>
        <translation>Sonraki deneme:</translation>
    </message>
    <message>
        <source>Finished:</source>
        <translation>Bitiş:</translation>
    </message>
    <message>
        <source>Attempts:</source>
        <translation>Denemeler:</translation>
    </message>
    <message>
        <source>%1 of at most %2</source>
        <translation>%1 (en fazla %2)</translation>
    </message>
    <message>
        <source>Sends again:</source>
        <translation>Şunu yeniden gönderir:</translation>
    </message>
    <message>
        <source>No attempt yet. The request as stored, before its authentication and signature headers are added:</source>
        <translation>Henüz deneme yok. Yetkilendirme ve imza başlıkları eklenmeden önce saklandığı hâliyle istek:</translation>
    </message>
</context>
<context>
    <name>Kanca::HistoryFilterBar</name>
    <message>
        <source>Rule id: %1</source>
        <translation>Kural kimliği: %1</translation>
    </message>
    <message>
        <source>&amp;Rule:</source>
        <translation>&amp;Kural:</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>&amp;Durum:</translation>
    </message>
    <message>
        <source>T&amp;ime:</source>
        <translation>&amp;Zaman:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>–</translation>
    </message>
    <message>
        <source>All rules</source>
        <translation>Tüm kurallar</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tüm durumlar</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Başarılı</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Başarısız</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Bekliyor</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Tüm zamanlar</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Son bir saat</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Bugün</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Son 7 gün</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Özel aralık</translation>
    </message>
    <message>
        <source>Search URL, rule, event or error</source>
        <translation>URL, kural, olay ya da hata ara</translation>
    </message>
    <message>
        <source>Rule filter</source>
        <translation>Kural filtresi</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Durum filtresi</translation>
    </message>
    <message>
        <source>Time filter</source>
        <translation>Zaman filtresi</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Başlangıç</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bitiş</translation>
    </message>
    <message>
        <source>Search the history</source>
        <translation>Geçmişte ara</translation>
    </message>
    <message>
        <source>Finds deliveries whose URL, rule, event or last error contains this text. On a large history a search reads every delivery, in the background.</source>
        <translation>URL&apos;si, kuralı, olayı ya da son hatası bu metni içeren gönderimleri bulur. Büyük bir geçmişte arama, arka planda her gönderimi okur.</translation>
    </message>
</context>
<context>
    <name>Kanca::HistoryPanel</name>
    <message>
        <source>Attempt %1</source>
        <translation>Deneme %1</translation>
    </message>
    <message>
        <source>Stored request</source>
        <translation>Saklanan istek</translation>
    </message>
    <message>
        <source>Counted in %1 ms</source>
        <translation>%1 ms&apos;de sayıldı</translation>
    </message>
    <message>
        <source>Sent again as %1.</source>
        <translation>%1 olarak yeniden gönderildi.</translation>
    </message>
    <message>
        <source>Copied the stored request as a cURL command (no attempt has added its authentication headers yet).</source>
        <translation>Saklanan istek cURL komutu olarak kopyalandı (yetkilendirme başlıklarını ekleyen bir deneme henüz yapılmadı).</translation>
    </message>
    <message>
        <source>Copied attempt %1 as a cURL command. Secret header values stay masked: fill them in before running it.</source>
        <translation>%1. deneme cURL komutu olarak kopyalandı. Gizli başlık değerleri maskeli kalır: komutu çalıştırmadan önce bunları doldurun.</translation>
    </message>
    <message>
        <source>&amp;Resend</source>
        <translation>&amp;Yeniden Gönder</translation>
    </message>
    <message>
        <source>Sends the selected delivery again: a new delivery of the same request, linked to this one, signed anew.</source>
        <translation>Seçili gönderimi yeniden gönderir: aynı istek, bu gönderime bağlı ve yeniden imzalanmış yeni bir gönderim olarak gider.</translation>
    </message>
    <message>
        <source>Copy as c&amp;URL</source>
        <translation>c&amp;URL Olarak Kopyala</translation>
    </message>
    <message>
        <source>Copies the chosen attempt&apos;s request as a curl command line. Secret header values stay masked (********): fill them in before running it.</source>
        <translation>Seçilen denemenin isteğini bir curl komut satırı olarak kopyalar. Gizli başlık değerleri maskeli kalır (********): komutu çalıştırmadan önce bunları doldurun.</translation>
    </message>
    <message>
        <source>Copy Delivery &amp;Id</source>
        <translation>Gönderim &amp;Kimliğini Kopyala</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>Gönderimler</translation>
    </message>
    <message>
        <source>Attempt to copy</source>
        <translation>Kopyalanacak deneme</translation>
    </message>
    <message>
        <source>The attempt whose request Copy as cURL copies</source>
        <translation>cURL Olarak Kopyala komutunun isteğini kopyalayacağı deneme</translation>
    </message>
    <message>
        <source>History messages</source>
        <translation>Geçmiş iletileri</translation>
    </message>
    <message>
        <source>Number of deliveries</source>
        <translation>Gönderim sayısı</translation>
    </message>
    <message>
        <source>No deliveries are listed while the history cannot be read whole.</source>
        <translation>Geçmiş baştan sona okunamadığı sürece hiçbir gönderim listelenmez.</translation>
    </message>
    <message>
        <source>Why the history is not shown</source>
        <translation>Geçmişin neden gösterilmediği</translation>
    </message>
    <message>
        <source>Server history: %1</source>
        <translation>Sunucu geçmişi: %1</translation>
    </message>
    <message>
        <source>Queued again as %1: the servers send it.</source>
        <translation>%1 olarak yeniden kuyruğa alındı: sunucular gönderecek.</translation>
    </message>
    <message>
        <source>Back to &amp;Local History</source>
        <translation>Yerel Geçmişe D&amp;ön</translation>
    </message>
    <message>
        <source>Shows this computer&apos;s history again</source>
        <translation>Bu bilgisayarın geçmişini yeniden gösterir</translation>
    </message>
    <message numerus="yes">
        <source>about %Ln delivery(ies)</source>
        <translation>
            <numerusform>yaklaşık %Ln gönderim</numerusform>
        </translation>
    </message>
    <message>
        <source>Estimated from the database&apos;s statistics; the exact number follows in a moment</source>
        <translation>Veritabanının istatistiklerinden tahmin edildi; kesin sayı birazdan gelecek</translation>
    </message>
    <message numerus="yes">
        <source>%Ln delivery(ies)</source>
        <translation>
            <numerusform>%Ln gönderim</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Kanca::HistoryPostgres</name>
    <message>
        <source>Qt&apos;s PostgreSQL driver (QPSQL) is not installed (Debian: libqt6sql6-psql)</source>
        <translation>Qt&apos;nin PostgreSQL sürücüsü (QPSQL) kurulu değil (Debian: libqt6sql6-psql)</translation>
    </message>
    <message>
        <source>it holds no Kanca history (no server or command has written to it yet)</source>
        <translation>içinde Kanca geçmişi yok (henüz hiçbir sunucu ya da komut ona yazmadı)</translation>
    </message>
    <message>
        <source>its schema (version %1) is newer than this program knows (version %2); use a newer Kanca</source>
        <translation>şeması (sürüm %1) bu programın bildiğinden (sürüm %2) yeni; daha yeni bir Kanca kullanın</translation>
    </message>
    <message>
        <source>Cannot read the history %1: %2</source>
        <translation>Geçmiş %1 okunamıyor: %2</translation>
    </message>
</context>
<context>
    <name>Kanca::HistoryReader</name>
    <message>
        <source>the connection to the database is lost; connecting again</source>
        <translation>veritabanı bağlantısı koptu; yeniden bağlanılıyor</translation>
    </message>
</context>
<context>
    <name>Kanca::HistoryTableModel</name>
    <message>
        <source>Pending</source>
        <translation>Bekliyor</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Başarılı</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Başarısız</translation>
    </message>
    <message>
        <source>%1 (UTC %2)</source>
        <translation>%1 (UTC %2)</translation>
    </message>
    <message>
        <source>Sent again from %1</source>
        <translation>%1 gönderiminden yeniden gönderildi</translation>
    </message>
    <message>
        <source>Rule %1</source>
        <translation>Kural %1</translation>
    </message>
    <message>
        <source>Event %1</source>
        <translation>Olay %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Yükleniyor…</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zaman</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Durum</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Deneme</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Kural</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Olay</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Delivery id</source>
        <translation>Gönderim kimliği</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Son hata</translation>
    </message>
</context>
<context>
    <name>Kanca::HttpAttempt</name>
    <message>
        <source>The URL %1 is not valid: %2</source>
        <translation>%1 geçerli bir URL değil: %2</translation>
    </message>
    <message>
        <source>Cannot send to %1: only http and https addresses are supported</source>
        <translation>%1 adresine gönderilemiyor: yalnızca http ve https adresleri desteklenir</translation>
    </message>
    <message>
        <source>The header &quot;%1&quot; cannot be sent: a header name must not be empty or hold a colon, and neither name nor value may hold a line break</source>
        <translation>&quot;%1&quot; başlığı gönderilemiyor: başlık adı boş olamaz ve iki nokta içeremez; ne ad ne de değer satır sonu içerebilir</translation>
    </message>
</context>
<context>
    <name>Kanca::HttpServer</name>
    <message>
        <source>Cannot listen on %1: %2</source>
        <translation>%1 adresi dinlenemiyor: %2</translation>
    </message>
    <message>
        <source>No complete request head within %1 s.</source>
        <translation>%1 sn içinde tam bir istek başı (istek satırı ve başlıklar) gelmedi.</translation>
    </message>
    <message>
        <source>TLS: %1</source>
        <translation>TLS: %1</translation>
    </message>
    <message>
        <source>Too many connections (%1): refused.</source>
        <translation>Çok fazla bağlantı (%1): reddedildi.</translation>
    </message>
</context>
<context>
    <name>Kanca::MainWindow</name>
    <message>
        <source>About Kanca</source>
        <translation>Kanca Hakkında</translation>
    </message>
    <message>
        <source>Kanca %1

Design, test and ship webhook rules.</source>
        <translation>Kanca %1

Webhook kurallarını tasarlayın, test edin ve yayına alın.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Dosya</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Son Açılanlar</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>Dü&amp;zen</translation>
    </message>
    <message>
        <source>&amp;Rule</source>
        <translation>&amp;Kural</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Görünüm</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>D&amp;il</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Yardım</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Yeni</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Aç…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Kaydet</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>&amp;Farklı Kaydet…</translation>
    </message>
    <message>
        <source>&amp;Import Rules…</source>
        <translation>Kuralları İçe Ak&amp;tar…</translation>
    </message>
    <message>
        <source>&amp;Export for Server…</source>
        <translation>Sunucu İçin &amp;Dışa Aktar…</translation>
    </message>
    <message>
        <source>Write the rule set for the server that runs it, after checking it</source>
        <translation>Kural setini denetleyip onu çalıştıracak sunucu için yaz</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Çıkış</translation>
    </message>
    <message>
        <source>&amp;Find Rule</source>
        <translation>Kural &amp;Bul</translation>
    </message>
    <message>
        <source>Show &amp;Preview</source>
        <translation>&amp;Önizlemeyi Göster</translation>
    </message>
    <message>
        <source>Show &amp;History</source>
        <translation>&amp;Geçmişi Göster</translation>
    </message>
    <message>
        <source>&amp;About Kanca</source>
        <translation>Kanca &amp;Hakkında</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Kurallar</translation>
    </message>
    <message>
        <source>Rule editor</source>
        <translation>Kural düzenleyici</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Önizleme</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Geçmiş</translation>
    </message>
    <message>
        <source>%1[*] — Kanca</source>
        <translation>%1[*] — Kanca</translation>
    </message>
    <message>
        <source>Show Local &amp;Catcher</source>
        <translation>Yerel &amp;Yakalayıcıyı Göster</translation>
    </message>
    <message>
        <source>Local Catcher</source>
        <translation>Yerel Yakalayıcı</translation>
    </message>
    <message>
        <source>&amp;webhook.site Settings…</source>
        <translation>&amp;webhook.site Ayarları…</translation>
    </message>
    <message>
        <source>webhook.site API key: %1</source>
        <translation>webhook.site API anahtarı: %1</translation>
    </message>
    <message>
        <source>Rule Set &amp;Settings…</source>
        <translation>Kural Seti &amp;Ayarları…</translation>
    </message>
    <message>
        <source>The rule set&apos;s name, description and the language its text comparisons use</source>
        <translation>Kural setinin adı, açıklaması ve metin karşılaştırmalarında kullandığı dil</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>Araç Çubuğu</translation>
    </message>
    <message>
        <source>Show P&amp;roblems</source>
        <translation>S&amp;orunları Göster</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Geri Al: %1</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Geri Al</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Yinele: %1</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Yinele</translation>
    </message>
    <message>
        <source>Show &amp;Backtest</source>
        <translation>&amp;Geriye Dönük Testi Göster</translation>
    </message>
    <message>
        <source>Backtest</source>
        <translation>Geriye Dönük Test</translation>
    </message>
    <message>
        <source>Open Server History</source>
        <translation>Sunucu Geçmişini Aç</translation>
    </message>
    <message>
        <source>The server history cannot be opened: %1</source>
        <translation>Sunucu geçmişi açılamıyor: %1</translation>
    </message>
    <message>
        <source>Showing the history of %1.</source>
        <translation>%1 geçmişi gösteriliyor.</translation>
    </message>
    <message>
        <source>Open Server &amp;History…</source>
        <translation>Sunucu &amp;Geçmişini Aç…</translation>
    </message>
    <message>
        <source>Shows the history of the servers that share a PostgreSQL database</source>
        <translation>Bir PostgreSQL veritabanını paylaşan sunucuların geçmişini gösterir</translation>
    </message>
    <message>
        <source>Open &amp;Local History</source>
        <translation>Ye&amp;rel Geçmişi Aç</translation>
    </message>
    <message>
        <source>Shows this computer&apos;s history again</source>
        <translation>Bu bilgisayarın geçmişini yeniden gösterir</translation>
    </message>
</context>
<context>
    <name>Kanca::NameValueTable</name>
    <message>
        <source>Edit Headers</source>
        <translation>Başlıkları Düzenle</translation>
    </message>
    <message>
        <source>Edit Form Fields</source>
        <translation>Form Alanlarını Düzenle</translation>
    </message>
    <message>
        <source>Add Header</source>
        <translation>Başlık Ekle</translation>
    </message>
    <message>
        <source>Add Form Field</source>
        <translation>Form Alanı Ekle</translation>
    </message>
    <message>
        <source>Remove Header</source>
        <translation>Başlığı Kaldır</translation>
    </message>
    <message>
        <source>Remove Form Field</source>
        <translation>Form Alanını Kaldır</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Ad</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Değer</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Başlıklar</translation>
    </message>
    <message>
        <source>Form fields</source>
        <translation>Form alanları</translation>
    </message>
    <message>
        <source>Add Field</source>
        <translation>Alan Ekle</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Kaldır</translation>
    </message>
    <message>
        <source>Remove header</source>
        <translation>Başlığı kaldır</translation>
    </message>
    <message>
        <source>Remove field</source>
        <translation>Alanı kaldır</translation>
    </message>
    <message>
        <source>No extra headers. Content-Type and the headers of authentication and signing are added when the request is sent.</source>
        <translation>Ek başlık yok. Content-Type ile yetkilendirme ve imzalama başlıkları istek gönderilirken eklenir.</translation>
    </message>
    <message>
        <source>No fields yet. Values may hold placeholders such as {{contact.email}}.</source>
        <translation>Henüz alan yok. Değerler {{contact.email}} gibi yer tutucular içerebilir.</translation>
    </message>
</context>
<context>
    <name>Kanca::PlaceholderCompleter</name>
    <message>
        <source>%1: personal data. Send it only if the receiver needs it.</source>
        <translation>%1: kişisel veri. Yalnızca alıcının ihtiyacı varsa gönderin.</translation>
    </message>
    <message>
        <source>Capital letters</source>
        <translation>Büyük harfler</translation>
    </message>
    <message>
        <source>Small letters</source>
        <translation>Küçük harfler</translation>
    </message>
    <message>
        <source>This text when the value is empty</source>
        <translation>Değer boşsa bu metin</translation>
    </message>
    <message>
        <source>The value as JSON</source>
        <translation>JSON olarak değer</translation>
    </message>
    <message>
        <source>Percent-encoded for a URL</source>
        <translation>URL için yüzde kodlamalı</translation>
    </message>
    <message>
        <source>At most this many characters</source>
        <translation>En çok bu kadar karakter</translation>
    </message>
    <message>
        <source>A date in this format</source>
        <translation>Bu biçimde bir tarih</translation>
    </message>
</context>
<context>
    <name>Kanca::PreviewPanel</name>
    <message>
        <source>Select a rule to preview it.</source>
        <translation>Önizlemek için bir kural seçin.</translation>
    </message>
    <message>
        <source>The request of the selected rule appears here.</source>
        <translation>Seçili kuralın isteği burada görünür.</translation>
    </message>
    <message>
        <source>There is no event to preview: write one in the Event section.</source>
        <translation>Önizlenecek olay yok: Olay bölümüne bir olay yazın.</translation>
    </message>
    <message>
        <source>⚠ The event has a problem: fix it to see the preview.</source>
        <translation>⚠ Olayda bir sorun var: önizlemeyi görmek için düzeltin.</translation>
    </message>
    <message>
        <source>✓ Matches</source>
        <translation>✓ Eşleşiyor</translation>
    </message>
    <message>
        <source>Disabled: the rule would match this event if it were enabled.</source>
        <translation>Devre dışı: kural etkin olsaydı bu olayla eşleşirdi.</translation>
    </message>
    <message>
        <source>✗ Does not match</source>
        <translation>✗ Eşleşmiyor</translation>
    </message>
    <message>
        <source>Disabled: the rule would not match this event even if enabled.</source>
        <translation>Devre dışı: kural etkin olsa da bu olayla eşleşmezdi.</translation>
    </message>
    <message>
        <source>✗ Runs on another event: %1</source>
        <translation>✗ Başka bir olayda çalışır: %1</translation>
    </message>
    <message>
        <source>Disabled, and it runs on another event: %1</source>
        <translation>Devre dışı; ayrıca başka bir olayda çalışır: %1</translation>
    </message>
    <message>
        <source>⚠ The event has a problem; the preview is of the last valid event.</source>
        <translation>⚠ Olayda bir sorun var; önizleme son geçerli olaya göre.</translation>
    </message>
    <message>
        <source>The rule runs on %1; this event is %2.</source>
        <translation>Kural %1 olayında çalışır; bu olay ise %2.</translation>
    </message>
    <message>
        <source>The conditions are checked only on %1 events.</source>
        <translation>Koşullar yalnızca %1 olaylarında denetlenir.</translation>
    </message>
    <message>
        <source>The rule has no webhook yet: add one under Then.</source>
        <translation>Kuralın henüz webhook&apos;u yok: O zaman bölümüne bir tane ekleyin.</translation>
    </message>
    <message>
        <source>The request is rendered once there is an event to render it with.</source>
        <translation>İstek, onu oluşturacak bir olay olduğunda oluşturulur.</translation>
    </message>
    <message>
        <source>The event has a problem: fix it in the Event section first.</source>
        <translation>Olayda bir sorun var: önce Olay bölümünde düzeltin.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Gönderiliyor…</translation>
    </message>
    <message>
        <source>Send test</source>
        <translation>Test Gönder</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Olay</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Eşleşme</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>İstek</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Test Sonucu</translation>
    </message>
    <message>
        <source>Whether the rule fires for this event.</source>
        <translation>Kuralın bu olayda çalışıp çalışmadığı.</translation>
    </message>
    <message>
        <source>Show secrets</source>
        <translation>Gizli anahtarları göster</translation>
    </message>
    <message>
        <source>Show the values of secret headers, read from the keychain.</source>
        <translation>Gizli başlıkların anahtar zincirinden okunan değerlerini göster.</translation>
    </message>
    <message>
        <source>Copy as cURL</source>
        <translation>cURL Olarak Kopyala</translation>
    </message>
    <message>
        <source>Copy the request as a cURL command for a terminal; secret values are masked.</source>
        <translation>İsteği terminal için bir cURL komutu olarak kopyala; gizli değerler maskelenir.</translation>
    </message>
    <message>
        <source>Send the rule&apos;s requests to their URLs now and show the answer (%1). The attempt is kept in the history.</source>
        <translation>Kuralın isteklerini şimdi URL&apos;lerine gönder ve yanıtı göster (%1). Deneme geçmişte saklanır.</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Yanıt</translation>
    </message>
    <message>
        <source>Sent vs received</source>
        <translation>Gönderilen ve ulaşan</translation>
    </message>
    <message>
        <source>Sent vs received %1</source>
        <translation>Gönderilen ve ulaşan %1</translation>
    </message>
    <message>
        <source>What arrived at webhook.site or the local catcher, beside what was sent</source>
        <translation>webhook.site&apos;a ya da yerel yakalayıcıya ulaşan, gönderilenin yanında</translation>
    </message>
    <message>
        <source>⚠ Cannot decide: a regular expression gave up on this event&apos;s text (its match limit). The rule does not fire, and sending it is refused.</source>
        <translation>⚠ Karar verilemiyor: bir düzenli ifade bu olayın metninde vazgeçti (eşleşme sınırı). Kural çalışmaz ve gönderilmesi reddedilir.</translation>
    </message>
    <message>
        <source>the webhook could not be rendered</source>
        <translation>webhook oluşturulamadı</translation>
    </message>
    <message>
        <source>Select a rule to send it.</source>
        <translation>Göndermek için bir kural seçin.</translation>
    </message>
    <message>
        <source>There is no event to send the rule with: write one in the Event section.</source>
        <translation>Kuralı gönderecek bir olay yok: Olay bölümüne bir olay yazın.</translation>
    </message>
    <message>
        <source>The rule has changed since this test: send it again to test it as it is now.</source>
        <translation>Kural bu testten sonra değişti: şimdiki hâliyle denemek için yeniden gönderin.</translation>
    </message>
    <message>
        <source>Send test cannot send this rule now:</source>
        <translation>Test gönderimi bu kuralı şu an gönderemiyor:</translation>
    </message>
    <message>
        <source>Retry as the rule says</source>
        <translation>Kuraldaki gibi yeniden dene</translation>
    </message>
    <message>
        <source>Unchecked, Send test makes one attempt and shows the answer at once. Checked, a failed attempt is tried again as the webhook&apos;s Delivery settings say.</source>
        <translation>İşaretli değilse test gönderimi tek deneme yapar ve yanıtı hemen gösterir. İşaretliyse başarısız deneme, webhook&apos;un Teslimat ayarlarındaki gibi yeniden denenir.</translation>
    </message>
    <message>
        <source>How the last test ended</source>
        <translation>Son testin sonucu</translation>
    </message>
</context>
<context>
    <name>Kanca::PreviewWarnings</name>
    <message>
        <source>Warnings</source>
        <translation>Uyarılar</translation>
    </message>
    <message>
        <source>Problems and advice about the previewed request; activate one to go to its place.</source>
        <translation>Önizlenen istekle ilgili sorunlar ve öneriler; yerine gitmek için birini etkinleştirin.</translation>
    </message>
</context>
<context>
    <name>Kanca::ProblemsPanel</name>
    <message>
        <source>Problems</source>
        <translation>Sorunlar</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Sorunlar (%1)</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Kural</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Yer</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Sorun</translation>
    </message>
    <message>
        <source>Problems of the rule set</source>
        <translation>Kural setinin sorunları</translation>
    </message>
    <message>
        <source>No problems: the rule set can be saved, reopened and exported.</source>
        <translation>Sorun yok: kural seti kaydedilebilir, yeniden açılabilir ve dışa aktarılabilir.</translation>
    </message>
    <message>
        <source>Rule set</source>
        <translation>Kural seti</translation>
    </message>
    <message>
        <source>Rule %1</source>
        <translation>Kural %1</translation>
    </message>
    <message>
        <source>Rule %1 (no name)</source>
        <translation>Kural %1 (adsız)</translation>
    </message>
</context>
<context>
    <name>Kanca::ReceivedCheck</name>
    <message>
        <source>the local catcher</source>
        <translation>yerel yakalayıcı</translation>
    </message>
    <message numerus="yes">
        <source>Nothing has arrived at the catcher (it keeps the last %n request(s)).</source>
        <translation>
            <numerusform>Yakalayıcıya hiçbir şey ulaşmadı (son %n isteği saklar).</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 did not answer, so nothing is fetched from it.</source>
        <translation>%1 yanıt vermedi, bu yüzden oradan bir şey alınmıyor.</translation>
    </message>
    <message>
        <source>What %1 received cannot be fetched: %2</source>
        <translation>%1 adresine ulaşan alınamıyor: %2</translation>
    </message>
    <message>
        <source>%1 has no request at this URL yet.</source>
        <translation>%1 üzerinde bu URL&apos;ye henüz istek yok.</translation>
    </message>
</context>
<context>
    <name>Kanca::RequestView</name>
    <message>
        <source>Webhook %1</source>
        <translation>Webhook %1</translation>
    </message>
    <message>
        <source>This webhook cannot be rendered until the problems above are fixed.</source>
        <translation>Yukarıdaki sorunlar düzeltilene kadar bu webhook oluşturulamaz.</translation>
    </message>
    <message>
        <source>no value yet (secret %1)</source>
        <translation>henüz değer yok (gizli anahtar %1)</translation>
    </message>
    <message>
        <source>Set the secret in the action&apos;s authentication section.</source>
        <translation>Gizli anahtarı aksiyonun yetkilendirme bölümünde ayarlayın.</translation>
    </message>
    <message>
        <source>A secret, shown because Show secrets is on.</source>
        <translation>Gizli bir değer; Gizli anahtarları göster açık olduğu için gösteriliyor.</translation>
    </message>
    <message>
        <source>A secret: turn on Show secrets to see it.</source>
        <translation>Gizli bir değer: görmek için Gizli anahtarları göster seçeneğini açın.</translation>
    </message>
    <message>
        <source>The request has no body.</source>
        <translation>İsteğin gövdesi yok.</translation>
    </message>
    <message>
        <source>The body is %1; the first %2 are shown.</source>
        <translation>Gövde %1; ilk %2 gösteriliyor.</translation>
    </message>
    <message>
        <source>Webhooks of the rule</source>
        <translation>Kuralın webhook&apos;ları</translation>
    </message>
    <message>
        <source>Method and URL</source>
        <translation>Yöntem ve URL</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Başlık</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Değer</translation>
    </message>
    <message>
        <source>Request headers</source>
        <translation>İstek başlıkları</translation>
    </message>
    <message>
        <source>Request body</source>
        <translation>İstek gövdesi</translation>
    </message>
    <message>
        <source>No body</source>
        <translation>Gövde yok</translation>
    </message>
</context>
<context>
    <name>Kanca::ResponseView</name>
    <message>
        <source>Webhook %1</source>
        <translation>Webhook %1</translation>
    </message>
    <message>
        <source>✓ %1</source>
        <translation>✓ %1</translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Gönderiliyor…</translation>
    </message>
    <message>
        <source>Attempt %1 failed with HTTP %2; trying again in %3 s…</source>
        <translation>%1. deneme HTTP %2 ile başarısız oldu; %3 sn sonra yeniden denenecek…</translation>
    </message>
    <message>
        <source>Attempt %1 failed; trying again in %2 s…</source>
        <translation>%1. deneme başarısız oldu; %2 sn sonra yeniden denenecek…</translation>
    </message>
    <message>
        <source>✓ Succeeded: HTTP %1 in %2 ms</source>
        <translation>✓ Başarılı: %2 ms&apos;de HTTP %1</translation>
    </message>
    <message>
        <source>✓ Succeeded in %1 ms</source>
        <translation>✓ %1 ms&apos;de başarılı</translation>
    </message>
    <message>
        <source>✗ Failed: HTTP %1 in %2 ms</source>
        <translation>✗ Başarısız: %2 ms&apos;de HTTP %1</translation>
    </message>
    <message>
        <source>✗ Failed in %1 ms: no answer</source>
        <translation>✗ %1 ms&apos;de başarısız: yanıt yok</translation>
    </message>
    <message>
        <source>The test was not sent:</source>
        <translation>Test gönderilmedi:</translation>
    </message>
    <message>
        <source>Send test sends the request above to its URL and shows the answer here. The attempt is kept in the history.</source>
        <translation>Test gönder, yukarıdaki isteği URL&apos;sine gönderir ve yanıtı burada gösterir. Deneme geçmişte saklanır.</translation>
    </message>
    <message>
        <source>Test of “%1”, sent at %2</source>
        <translation>“%1” testi, gönderilme zamanı: %2</translation>
    </message>
    <message>
        <source>Attempts: %1</source>
        <translation>Denemeler: %1</translation>
    </message>
    <message>
        <source>The response has no body.</source>
        <translation>Yanıtın gövdesi yok.</translation>
    </message>
    <message>
        <source>The response body is %1; the first %2 are shown.</source>
        <translation>Yanıt gövdesi %1; ilk %2 gösteriliyor.</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Yanıt</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Gönderiliyor</translation>
    </message>
    <message>
        <source>Deliveries of the test</source>
        <translation>Testin gönderimleri</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Sonuç</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Hata</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Başlık</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Değer</translation>
    </message>
    <message>
        <source>Response headers</source>
        <translation>Yanıt başlıkları</translation>
    </message>
    <message>
        <source>Response body</source>
        <translation>Yanıt gövdesi</translation>
    </message>
</context>
<context>
    <name>Kanca::RuleEditor</name>
    <message>
        <source>Change Trigger</source>
        <translation>Tetikleyiciyi Değiştir</translation>
    </message>
    <message>
        <source>No rule is selected. Choose a rule in the list, or add a new one.</source>
        <translation>Seçili kural yok. Listeden bir kural seçin ya da yeni bir kural ekleyin.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Ne zaman</translation>
    </message>
    <message>
        <source>When: the event that starts the rule</source>
        <translation>Ne zaman: kuralı başlatan olay</translation>
    </message>
    <message>
        <source>If</source>
        <translation>Eğer</translation>
    </message>
    <message>
        <source>If: the conditions the event must meet</source>
        <translation>Eğer: olayın sağlaması gereken koşullar</translation>
    </message>
    <message>
        <source>Then</source>
        <translation>O zaman</translation>
    </message>
    <message>
        <source>Then: the webhooks the rule calls</source>
        <translation>O zaman: kuralın çağırdığı webhook&apos;lar</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Koşullar</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aksiyonlar</translation>
    </message>
</context>
<context>
    <name>Kanca::RuleHeaderEditor</name>
    <message>
        <source>Rename Rule</source>
        <translation>Kuralı Yeniden Adlandır</translation>
    </message>
    <message>
        <source>Change Description</source>
        <translation>Açıklamayı Değiştir</translation>
    </message>
    <message>
        <source>Enable Rule</source>
        <translation>Kuralı Etkinleştir</translation>
    </message>
    <message>
        <source>Disable Rule</source>
        <translation>Kuralı Devre Dışı Bırak</translation>
    </message>
    <message>
        <source>A rule needs an id.</source>
        <translation>Kuralın bir kimliği olmalı.</translation>
    </message>
    <message>
        <source>An id has at most 64 characters.</source>
        <translation>Kimlik en çok 64 karakter olabilir.</translation>
    </message>
    <message>
        <source>An id may hold only the letters A to Z (without accents), digits, dots, hyphens and underscores.</source>
        <translation>Kimlik yalnızca A–Z harfleri (Türkçe karakterler olmadan), rakamlar, nokta, tire ve alt çizgi içerebilir.</translation>
    </message>
    <message>
        <source>Another rule already has the id “%1”.</source>
        <translation>“%1” kimliği başka bir kuralda zaten kullanılıyor.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Ad:</translation>
    </message>
    <message>
        <source>Rule name</source>
        <translation>Kural adı</translation>
    </message>
    <message>
        <source>What the rule does, e.g. VIP to Slack</source>
        <translation>Kuralın ne yaptığı, örneğin VIP&apos;leri Slack&apos;e bildir</translation>
    </message>
    <message>
        <source>ID:</source>
        <translation>Kimlik:</translation>
    </message>
    <message>
        <source>Rule ID</source>
        <translation>Kural kimliği</translation>
    </message>
    <message>
        <source>The rule&apos;s id in the exported file and in the history: letters A to Z, digits, dots, hyphens and underscores.</source>
        <translation>Kuralın dışa aktarılan dosyada ve geçmişteki kimliği: A–Z harfleri, rakamlar, nokta, tire ve alt çizgi.</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Açıklama:</translation>
    </message>
    <message>
        <source>Rule description</source>
        <translation>Kural açıklaması</translation>
    </message>
    <message>
        <source>Optional: why the rule exists, who relies on it</source>
        <translation>İsteğe bağlı: kural neden var, kimler ona güveniyor</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Etkin</translation>
    </message>
    <message>
        <source>Rule enabled</source>
        <translation>Kural etkin</translation>
    </message>
    <message>
        <source>A disabled rule stays in the file but never runs</source>
        <translation>Devre dışı bir kural dosyada kalır ama hiç çalışmaz</translation>
    </message>
    <message>
        <source>Change Rule ID</source>
        <translation>Kural Kimliğini Değiştir</translation>
    </message>
</context>
<context>
    <name>Kanca::RuleListModel</name>
    <message>
        <source>Enable Rule</source>
        <translation>Kuralı Etkinleştir</translation>
    </message>
    <message>
        <source>Disable Rule</source>
        <translation>Kuralı Devre Dışı Bırak</translation>
    </message>
    <message>
        <source>Rename Rule</source>
        <translation>Kuralı Yeniden Adlandır</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Kurallar</translation>
    </message>
    <message>
        <source>No trigger</source>
        <translation>Tetikleyici yok</translation>
    </message>
    <message>
        <source>Unnamed rule</source>
        <translation>Adsız kural</translation>
    </message>
</context>
<context>
    <name>Kanca::RuleListPanel</name>
    <message>
        <source>Filter rules</source>
        <translation>Kuralları filtrele</translation>
    </message>
    <message>
        <source>Shows the rules whose name, id or trigger contains the text. While a filter is active, rules cannot be reordered by dragging.</source>
        <translation>Adı, kimliği ya da tetikleyicisi bu metni içeren kuralları gösterir. Filtre etkinken kurallar sürüklenerek yeniden sıralanamaz.</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Kurallar</translation>
    </message>
    <message>
        <source>Space switches the selected rule on or off; F2 renames it. Drag a rule to reorder the list.</source>
        <translation>Boşluk tuşu seçili kuralı açar ya da kapatır; F2 yeniden adlandırır. Listeyi yeniden sıralamak için bir kuralı sürükleyin.</translation>
    </message>
    <message>
        <source>&amp;Add Rule</source>
        <translation>Kural &amp;Ekle</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ekle</translation>
    </message>
    <message>
        <source>Add a rule for an event</source>
        <translation>Bir olay için kural ekle</translation>
    </message>
    <message>
        <source>Adds a rule after the selected one, for the event you choose.</source>
        <translation>Seçtiğiniz olay için, seçili kuralın arkasına bir kural ekler.</translation>
    </message>
    <message>
        <source>D&amp;uplicate Rule</source>
        <translation>Kuralı &amp;Çoğalt</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Çoğalt</translation>
    </message>
    <message>
        <source>Duplicate the selected rule</source>
        <translation>Seçili kuralı çoğalt</translation>
    </message>
    <message>
        <source>Adds a copy of the selected rule after it.</source>
        <translation>Seçili kuralın bir kopyasını hemen arkasına ekler.</translation>
    </message>
    <message>
        <source>&amp;Delete Rule</source>
        <translation>Kuralı &amp;Sil</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Sil</translation>
    </message>
    <message>
        <source>Delete the selected rule (Undo brings it back)</source>
        <translation>Seçili kuralı sil (Geri Al ile geri gelir)</translation>
    </message>
    <message>
        <source>Deletes the selected rule. Undo brings it back.</source>
        <translation>Seçili kuralı siler. Geri Al ile geri gelir.</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>Kural ekle</translation>
    </message>
    <message>
        <source>Duplicate rule</source>
        <translation>Kuralı çoğalt</translation>
    </message>
    <message>
        <source>Delete rule</source>
        <translation>Kuralı sil</translation>
    </message>
    <message>
        <source>&amp;Contact</source>
        <translation>&amp;Kişi</translation>
    </message>
    <message>
        <source>C&amp;hat</source>
        <translation>&amp;Sohbet</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>&amp;Mesaj</translation>
    </message>
    <message>
        <source>&amp;Other</source>
        <translation>&amp;Diğer</translation>
    </message>
    <message>
        <source>Add Rule</source>
        <translation>Kural Ekle</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (kopya)</translation>
    </message>
    <message>
        <source>Duplicate Rule</source>
        <translation>Kuralı Çoğalt</translation>
    </message>
    <message>
        <source>Reordering by dragging is off while the list is filtered. Clear the filter to reorder rules.</source>
        <translation>Liste filtrelenmişken sürükleyerek sıralama kapalıdır. Kuralları yeniden sıralamak için filtreyi temizleyin.</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n rule(s) shown</source>
        <translation>
            <numerusform>%n kuraldan %1 tanesi gösteriliyor</numerusform>
        </translation>
    </message>
    <message>
        <source>No rules yet. Add one to get started.</source>
        <translation>Henüz kural yok. Başlamak için bir kural ekleyin.</translation>
    </message>
    <message>
        <source>No rules match the filter.</source>
        <translation>Filtreyle eşleşen kural yok.</translation>
    </message>
</context>
<context>
    <name>Kanca::RuleSetDocument</name>
    <message>
        <source>Delete Rule</source>
        <translation>Kuralı Sil</translation>
    </message>
    <message>
        <source>Move Rule</source>
        <translation>Kuralı Taşı</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Adsız</translation>
    </message>
    <message>
        <source>Rename Rule Set</source>
        <translation>Kural Setini Yeniden Adlandır</translation>
    </message>
    <message>
        <source>New rule</source>
        <translation>Yeni kural</translation>
    </message>
    <message>
        <source>Change Rule Set Settings</source>
        <translation>Kural Seti Ayarlarını Değiştir</translation>
    </message>
</context>
<context>
    <name>Kanca::RuleSetSettingsDialog</name>
    <message>
        <source>Rule Set Settings</source>
        <translation>Kural Seti Ayarları</translation>
    </message>
    <message>
        <source>What these rules are for, for the people who read them later</source>
        <translation>Bu kuralların ne için olduğu, onları sonra okuyacak kişiler için</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Ad:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>Açık&amp;lama:</translation>
    </message>
    <message>
        <source>&amp;Comparison language:</source>
        <translation>&amp;Karşılaştırma dili:</translation>
    </message>
    <message>
        <source>Text is compared with Turkish letters: I and ı, İ and i are the same letter in two cases, so &quot;SİSTEM ÇALIŞMIYOR&quot; contains &quot;çalışmıyor&quot;. The upper, lower and date filters speak Turkish too.</source>
        <translation>Metinler Türkçe harflerle karşılaştırılır: I ile ı, İ ile i aynı harfin büyük ve küçük hâlleridir; bu yüzden &quot;SİSTEM ÇALIŞMIYOR&quot;, &quot;çalışmıyor&quot; ifadesini içerir. upper, lower ve date filtreleri de Türkçe çalışır.</translation>
    </message>
    <message>
        <source>Text is compared with English letters: I and i are the same letter in two cases, so Turkish text such as &quot;SİSTEM ÇALIŞMIYOR&quot; does not contain &quot;çalışmıyor&quot;. Choose Türkçe for Turkish text.</source>
        <translation>Metinler İngilizce harflerle karşılaştırılır: I ile i aynı harfin büyük ve küçük hâlleridir; bu yüzden &quot;SİSTEM ÇALIŞMIYOR&quot; gibi Türkçe bir metin &quot;çalışmıyor&quot; ifadesini içermez. Türkçe metinler için Türkçe&apos;yi seçin.</translation>
    </message>
</context>
<context>
    <name>Kanca::SecretField</name>
    <message>
        <source>Name the secret, for example CRM_TOKEN.</source>
        <translation>Gizli anahtara bir ad verin, örneğin CRM_TOKEN.</translation>
    </message>
    <message>
        <source>Use capital letters, digits and &quot;_&quot;, at most 64 of them.</source>
        <translation>En çok 64 karakter olmak üzere büyük harf, rakam ve &quot;_&quot; kullanın.</translation>
    </message>
    <message>
        <source>The rule set keeps only the name; the value is set on each computer.</source>
        <translation>Kural seti yalnızca adı saklar; değer her bilgisayarda ayrıca ayarlanır.</translation>
    </message>
    <message>
        <source>The value is stored in the keychain.</source>
        <translation>Değer anahtar zincirinde saklanıyor.</translation>
    </message>
    <message>
        <source>The value comes from the environment variable KANCA_SECRET_%1.</source>
        <translation>Değer KANCA_SECRET_%1 ortam değişkeninden geliyor.</translation>
    </message>
    <message>
        <source>No value is set. Use &quot;Set Value…&quot; or the environment variable KANCA_SECRET_%1.</source>
        <translation>Değer ayarlanmamış. &quot;Değer Ayarla…&quot; düğmesini ya da KANCA_SECRET_%1 ortam değişkenini kullanın.</translation>
    </message>
    <message>
        <source>Secret Value</source>
        <translation>Gizli Anahtarın Değeri</translation>
    </message>
    <message>
        <source>Value of %1. It is kept in the system keychain of this computer, never in the rule set.</source>
        <translation>%1 değeri. Kural setinde değil, bu bilgisayarın sistem anahtar zincirinde saklanır.</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Sakla</translation>
    </message>
    <message>
        <source>Set Value…</source>
        <translation>Değer Ayarla…</translation>
    </message>
    <message>
        <source>Store the secret&apos;s value in the system keychain</source>
        <translation>Gizli anahtarın değerini sistem anahtar zincirinde sakla</translation>
    </message>
    <message>
        <source>Set the secret&apos;s value</source>
        <translation>Gizli anahtarın değerini ayarla</translation>
    </message>
    <message>
        <source>Secret name</source>
        <translation>Gizli anahtarın adı</translation>
    </message>
    <message>
        <source>SECRET_NAME</source>
        <translation>ANAHTAR_ADI</translation>
    </message>
</context>
<context>
    <name>Kanca::SecretStore</name>
    <message>
        <source>There is no system keychain here (no Secret Service, KWallet or other keychain is running), so the value of %1 was not stored.</source>
        <translation>Burada bir sistem anahtar zinciri yok (Secret Service, KWallet ya da başka bir anahtar zinciri çalışmıyor); bu yüzden %1 değeri saklanmadı.</translation>
    </message>
    <message>
        <source>Access to the keychain was refused, so the value of %1 was not stored.</source>
        <translation>Anahtar zincirine erişim reddedildi; bu yüzden %1 değeri saklanmadı.</translation>
    </message>
    <message>
        <source>The keychain denied access, so the value of %1 was not stored.</source>
        <translation>Anahtar zinciri erişime izin vermedi; bu yüzden %1 değeri saklanmadı.</translation>
    </message>
    <message>
        <source>The keychain did not store the value of %1.</source>
        <translation>Anahtar zinciri %1 değerini saklamadı.</translation>
    </message>
    <message>
        <source>(The keychain said: %1.)</source>
        <translation>(Anahtar zincirinin iletisi: %1.)</translation>
    </message>
    <message>
        <source>Kanca keeps it until it closes; to keep it for the next start, set the environment variable %1.</source>
        <translation>Kanca değeri kapanana kadar bellekte tutar; sonraki açılışta da kullanmak için %1 ortam değişkenini tanımlayın.</translation>
    </message>
</context>
<context>
    <name>Kanca::Server</name>
    <message>
        <source>Cannot authenticate events: %1</source>
        <translation>Olaylar doğrulanamıyor: %1</translation>
    </message>
    <message>
        <source>Cannot read the TLS certificate %1 or its key %2.</source>
        <translation>TLS sertifikası %1 ya da anahtarı %2 okunamıyor.</translation>
    </message>
    <message>
        <source>The TLS certificate %1 or its key %2 is not PEM that Kanca can read (an RSA or EC key without a passphrase).</source>
        <translation>TLS sertifikası %1 ya da anahtarı %2, Kanca&apos;nın okuyabildiği PEM biçiminde değil (parolasız bir RSA ya da EC anahtarı olmalı).</translation>
    </message>
</context>
<context>
    <name>Kanca::ServerHistoryDialog</name>
    <message>
        <source>Open Server History</source>
        <translation>Sunucu Geçmişini Aç</translation>
    </message>
    <message>
        <source>from the keychain, PGPASSWORD or ~/.pgpass</source>
        <translation>anahtarlıktan, PGPASSWORD&apos;den ya da ~/.pgpass dosyasından</translation>
    </message>
    <message>
        <source>The PostgreSQL database that the servers (kanca serve --db URL) share. The History panel shows its deliveries until you go back to the local history; Resend queues a delivery there for the servers to send. A password typed here is kept in the system keychain, never in Kanca&apos;s settings.</source>
        <translation>Sunucuların (kanca serve --db URL) paylaştığı PostgreSQL veritabanı. Geçmiş paneli, yerel geçmişe dönene kadar onun gönderimlerini gösterir; Yeniden Gönder, bir gönderimi sunucuların göndermesi için oradaki kuyruğa ekler. Buraya yazılan parola Kanca&apos;nın ayarlarında değil, sistem anahtarlığında saklanır.</translation>
    </message>
    <message>
        <source>Database &amp;URL:</source>
        <translation>Veritabanı &amp;URL&apos;si:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Parola:</translation>
    </message>
    <message>
        <source>Give the database&apos;s URL: postgresql://USER@HOST:PORT/DATABASE.</source>
        <translation>Veritabanının URL&apos;sini verin: postgresql://KULLANICI@SUNUCU:PORT/VERİTABANI.</translation>
    </message>
    <message>
        <source>The URL must start with postgresql:// (or postgres://).</source>
        <translation>URL postgresql:// (ya da postgres://) ile başlamalı.</translation>
    </message>
    <message>
        <source>Backtest Against a Server&apos;s History</source>
        <translation>Bir Sunucunun Geçmişiyle Geriye Dönük Test</translation>
    </message>
    <message>
        <source>The PostgreSQL database that the servers (kanca serve --db URL) share: the events they accepted and kept (--keep-events days) are read, without changing the database, and the rules are run against them. A password typed here is kept in the system keychain, never in Kanca&apos;s settings.</source>
        <translation>Sunucuların (kanca serve --db URL) paylaştığı PostgreSQL veritabanı: kabul edip sakladıkları olaylar (--keep-events gün boyunca) veritabanı değiştirilmeden okunur ve kurallar bu olaylar üzerinde çalıştırılır. Buraya yazılan parola Kanca&apos;nın ayarlarında değil, sistem anahtarlığında saklanır.</translation>
    </message>
    <message>
        <source>from the first event (or 7d, 12h, 2026-12-01…)</source>
        <translation>ilk olaydan (ya da 7d, 12h, 2026-12-01…)</translation>
    </message>
    <message>
        <source>to the last event (or 1d, 2026-12-01T10:00:00Z…)</source>
        <translation>son olaya kadar (ya da 1d, 2026-12-01T10:00:00Z…)</translation>
    </message>
    <message>
        <source>Received &amp;since:</source>
        <translation>&amp;Başlangıç:</translation>
    </message>
    <message>
        <source>Received &amp;before:</source>
        <translation>Bi&amp;tiş (hariç):</translation>
    </message>
    <message>
        <source>&quot;Received since&quot; takes a date (2026-12-01), a date and time (2026-12-01T10:00:00Z) or a time ago (30m, 12h, 7d), not &quot;%1&quot;.</source>
        <translation>&quot;Başlangıç&quot; bir tarih (2026-12-01), bir tarih ve saat (2026-12-01T10:00:00Z) ya da bir süre önce (30m, 12h, 7d) olmalı, &quot;%1&quot; değil.</translation>
    </message>
    <message>
        <source>&quot;Received before&quot; takes a date (2026-12-01), a date and time (2026-12-01T10:00:00Z) or a time ago (30m, 12h, 7d), not &quot;%1&quot;.</source>
        <translation>&quot;Bitiş&quot; bir tarih (2026-12-01), bir tarih ve saat (2026-12-01T10:00:00Z) ya da bir süre önce (30m, 12h, 7d) olmalı, &quot;%1&quot; değil.</translation>
    </message>
    <message>
        <source>&quot;Received before&quot; must be later than &quot;Received since&quot;.</source>
        <translation>&quot;Bitiş&quot;, &quot;Başlangıç&quot; zamanından sonra olmalı.</translation>
    </message>
</context>
<context>
    <name>Kanca::SigningEditor</name>
    <message>
        <source>Change Signing</source>
        <translation>İmzalamayı Değiştir</translation>
    </message>
    <message>
        <source>The request is not signed.</source>
        <translation>İstek imzalanmaz.</translation>
    </message>
    <message>
        <source>Adds the headers webhook-id, webhook-timestamp and webhook-signature (an HMAC-SHA256 of id, time and body). The secret is the whsec_ key the receiver gave you. The webhook-id stays the same across retries, so the receiver can drop repeats.</source>
        <translation>webhook-id, webhook-timestamp ve webhook-signature başlıklarını ekler (kimlik, zaman ve gövdenin HMAC-SHA256 değeri). Gizli anahtar, alıcının size verdiği whsec_ anahtarıdır. webhook-id yeniden denemelerde değişmez; böylece alıcı tekrarları ayıklayabilir.</translation>
    </message>
    <message>
        <source>Adds one header with the HMAC-SHA256 of the body, as GitHub&apos;s X-Hub-Signature-256: sha256=&lt;hex&gt;.</source>
        <translation>GitHub&apos;ın X-Hub-Signature-256: sha256=&lt;hex&gt; başlığı gibi, gövdenin HMAC-SHA256 değerini taşıyan tek bir başlık ekler.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Yok</translation>
    </message>
    <message>
        <source>Standard Webhooks</source>
        <translation>Standard Webhooks</translation>
    </message>
    <message>
        <source>HMAC-SHA256 of the body</source>
        <translation>Gövdenin HMAC-SHA256 değeri</translation>
    </message>
    <message>
        <source>Hexadecimal</source>
        <translation>Onaltılık</translation>
    </message>
    <message>
        <source>Base64</source>
        <translation>Base64</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Tür:</translation>
    </message>
    <message>
        <source>&amp;Header:</source>
        <translation>&amp;Başlık:</translation>
    </message>
    <message>
        <source>&amp;Prefix:</source>
        <translation>Ö&amp;nek:</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>&amp;Kodlama:</translation>
    </message>
    <message>
        <source>Secre&amp;t:</source>
        <translation>&amp;Gizli anahtar:</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>İmzalama</translation>
    </message>
    <message>
        <source>Signature header</source>
        <translation>İmza başlığı</translation>
    </message>
    <message>
        <source>Signature prefix</source>
        <translation>İmza öneki</translation>
    </message>
    <message>
        <source>Signature encoding</source>
        <translation>İmza kodlaması</translation>
    </message>
</context>
<context>
    <name>Kanca::Suggest</name>
    <message>
        <source> (did you mean &quot;%1&quot;?)</source>
        <translation> (bunu mu demek istediniz: &quot;%1&quot;?)</translation>
    </message>
</context>
<context>
    <name>Kanca::Template</name>
    <message>
        <source>a URL cannot hold a space or a control character; write a space as %20</source>
        <translation>URL boşluk ya da kontrol karakteri içeremez; boşluğu %20 olarak yazın</translation>
    </message>
    <message>
        <source>a header value cannot hold a line break or another control character</source>
        <translation>başlık değeri satır sonu ya da başka bir kontrol karakteri içeremez</translation>
    </message>
    <message>
        <source>unclosed &quot;{{&quot;: a placeholder ends with &quot;}}&quot;</source>
        <translation>kapanmamış &quot;{{&quot;: yer tutucu &quot;}}&quot; ile biter</translation>
    </message>
    <message>
        <source>the quoted argument is not closed with &quot;</source>
        <translation>tırnaklı argüman &quot; ile kapatılmamış</translation>
    </message>
    <message>
        <source>empty placeholder: write a field path between the braces, e.g. {{contact.fullname}}</source>
        <translation>boş yer tutucu: süslü parantezlerin arasına bir alan yolu yazın, örneğin {{contact.fullname}}</translation>
    </message>
    <message>
        <source>a placeholder starts with a field path, e.g. {{contact.fullname | upper}}</source>
        <translation>yer tutucu bir alan yoluyla başlar, örneğin {{contact.fullname | upper}}</translation>
    </message>
    <message>
        <source>unexpected &quot;%1&quot; in the placeholder</source>
        <translation>yer tutucuda beklenmeyen karakter: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unknown field &quot;%1&quot;%2</source>
        <translation>bilinmeyen alan &quot;%1&quot;%2</translation>
    </message>
    <message>
        <source>unexpected &quot;%1&quot; in the placeholder: filters follow a &quot;|&quot;</source>
        <translation>yer tutucuda beklenmeyen karakter: &quot;%1&quot;; filtreler &quot;|&quot; işaretinden sonra gelir</translation>
    </message>
    <message>
        <source>a filter name is missing after &quot;|&quot;</source>
        <translation>&quot;|&quot; işaretinden sonra filtre adı eksik</translation>
    </message>
    <message>
        <source>unknown filter &quot;%1&quot;%2</source>
        <translation>bilinmeyen filtre &quot;%1&quot;%2</translation>
    </message>
    <message>
        <source>unknown escape in a quoted argument: only \&quot; and \\ are allowed</source>
        <translation>tırnaklı argümanda bilinmeyen kaçış dizisi: yalnızca \&quot; ve \\ kullanılabilir</translation>
    </message>
    <message>
        <source>an argument in quotes or a whole number must follow &quot;:&quot;</source>
        <translation>&quot;:&quot; işaretinden sonra tırnak içinde bir argüman ya da bir tam sayı gelmeli</translation>
    </message>
    <message>
        <source>the filter &quot;%1&quot; takes no argument</source>
        <translation>&quot;%1&quot; filtresi argüman almaz</translation>
    </message>
    <message>
        <source>the filter &quot;default&quot; needs a text in quotes, e.g. default:&quot;unknown&quot;</source>
        <translation>&quot;default&quot; filtresi tırnak içinde bir metin ister, örneğin default:&quot;unknown&quot;</translation>
    </message>
    <message>
        <source>the filter &quot;date&quot; needs a date format in quotes, e.g. date:&quot;yyyy-MM-dd&quot;</source>
        <translation>&quot;date&quot; filtresi tırnak içinde bir tarih biçimi ister, örneğin date:&quot;yyyy-MM-dd&quot;</translation>
    </message>
    <message>
        <source>the filter &quot;truncate&quot; needs a number of characters, e.g. truncate:100</source>
        <translation>&quot;truncate&quot; filtresi bir karakter sayısı ister, örneğin truncate:100</translation>
    </message>
    <message>
        <source>the length of &quot;truncate&quot; must be a whole number of at least 1, not %1</source>
        <translation>&quot;truncate&quot; uzunluğu en az 1 olan bir tam sayı olmalı, %1 değil</translation>
    </message>
    <message>
        <source>a placeholder cannot stand inside a backslash escape of a JSON string</source>
        <translation>yer tutucu, JSON metnindeki bir ters eğik çizgi kaçışının içinde yer alamaz</translation>
    </message>
    <message>
        <source>the body is not valid JSON: %1</source>
        <translation>gövde geçerli bir JSON değil: %1</translation>
    </message>
    <message>
        <source>the filter &quot;date&quot; needs a date-time (ISO 8601), but &quot;%1&quot; is &quot;%2&quot;</source>
        <translation>&quot;date&quot; filtresi bir tarih-saat (ISO 8601) ister, ama &quot;%1&quot; değeri &quot;%2&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a text</source>
        <translation>&quot;%1&quot; bir metin</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a list of texts</source>
        <translation>&quot;%1&quot; bir metin listesi</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is one of a fixed set of values</source>
        <translation>&quot;%1&quot; sabit bir değer kümesinden biri</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a number</source>
        <translation>&quot;%1&quot; bir sayı</translation>
    </message>
    <message>
        <source>its default &quot;%1&quot; is not a date-time</source>
        <translation>varsayılan değeri &quot;%1&quot; bir tarih-saat değil</translation>
    </message>
    <message>
        <source>the filter &quot;date&quot; needs a date-time (ISO 8601), but %1</source>
        <translation>&quot;date&quot; filtresi bir tarih-saat (ISO 8601) ister, ama %1</translation>
    </message>
    <message>
        <source>after &quot;%1&quot; the value is a text</source>
        <translation>&quot;%1&quot; filtresinden sonra değer bir metin</translation>
    </message>
</context>
<context>
    <name>Kanca::TestSend</name>
    <message>
        <source>There is nothing to send: the rule has no webhook.</source>
        <translation>Gönderilecek bir şey yok: kuralın webhook&apos;u yok.</translation>
    </message>
</context>
<context>
    <name>Kanca::TraceView</name>
    <message>
        <source>No conditions: the rule runs on every %1 event.</source>
        <translation>Koşul yok: kural her %1 olayında çalışır.</translation>
    </message>
    <message>
        <source>True: %1</source>
        <translation>Doğru: %1</translation>
    </message>
    <message>
        <source>False: %1</source>
        <translation>Yanlış: %1</translation>
    </message>
    <message>
        <source>All of these are true</source>
        <translation>Bunların hepsi doğru</translation>
    </message>
    <message>
        <source>Any of these is true</source>
        <translation>Bunlardan herhangi biri doğru</translation>
    </message>
    <message>
        <source>This is not true</source>
        <translation>Bu doğru değil</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Koşullar</translation>
    </message>
    <message>
        <source>Each condition of the rule with whether this event meets it.</source>
        <translation>Kuralın her koşulu ve bu olayın onu sağlayıp sağlamadığı.</translation>
    </message>
    <message>
        <source>Undecided: %1</source>
        <translation>Karar verilemedi: %1</translation>
    </message>
</context>
<context>
    <name>Kanca::WebhookActionEditor</name>
    <message>
        <source>Change URL</source>
        <translation>URL&apos;yi Değiştir</translation>
    </message>
    <message>
        <source>Change Method</source>
        <translation>Yöntemi Değiştir</translation>
    </message>
    <message>
        <source>Apply Preset</source>
        <translation>Hazır Ayarı Uygula</translation>
    </message>
    <message>
        <source>&amp;Headers</source>
        <translation>&amp;Başlıklar</translation>
    </message>
    <message>
        <source>&amp;Headers (%1)</source>
        <translation>&amp;Başlıklar (%1)</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Yöntem</translation>
    </message>
    <message>
        <source>HTTP method</source>
        <translation>HTTP yöntemi</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>https://example.com/webhook (placeholders such as {{contact.id}} are allowed)</source>
        <translation>https://example.com/webhook ({{contact.id}} gibi yer tutucular kullanılabilir)</translation>
    </message>
    <message>
        <source>&amp;Body</source>
        <translation>&amp;Gövde</translation>
    </message>
    <message>
        <source>&amp;Authentication</source>
        <translation>&amp;Yetkilendirme</translation>
    </message>
    <message>
        <source>&amp;Signing</source>
        <translation>İ&amp;mzalama</translation>
    </message>
    <message>
        <source>&amp;Delivery</source>
        <translation>Gö&amp;nderim</translation>
    </message>
    <message>
        <source>Request parts</source>
        <translation>İsteğin bölümleri</translation>
    </message>
    <message>
        <source>Asking %1 for a new URL…</source>
        <translation>%1 adresinden yeni bir URL isteniyor…</translation>
    </message>
    <message>
        <source>No webhook.site URL was made: %1</source>
        <translation>webhook.site URL&apos;si oluşturulamadı: %1</translation>
    </message>
    <message>
        <source>Use webhook.site URL</source>
        <translation>webhook.site URL&apos;sini Kullan</translation>
    </message>
    <message>
        <source>A new webhook.site URL. After Send test, the preview shows what webhook.site received beside what was sent.</source>
        <translation>Yeni bir webhook.site URL&apos;si. “Test gönder”den sonra önizleme, webhook.site&apos;a ulaşanı gönderilenin yanında gösterir.</translation>
    </message>
    <message>
        <source>The local catcher cannot start: %1</source>
        <translation>Yerel yakalayıcı başlatılamıyor: %1</translation>
    </message>
    <message>
        <source>Use Catcher URL</source>
        <translation>Yakalayıcı URL&apos;sini Kullan</translation>
    </message>
    <message>
        <source>The local catcher listens at %1. What it receives is listed in the Local Catcher panel and beside the response after Send test.</source>
        <translation>Yerel yakalayıcı %1 adresinde dinliyor. Ulaşan istekler Yerel Yakalayıcı panelinde ve “Test gönder”den sonra yanıtın yanında listelenir.</translation>
    </message>
    <message>
        <source>webhook.site</source>
        <translation>webhook.site</translation>
    </message>
    <message>
        <source>Create a fresh webhook.site URL and send this action there</source>
        <translation>Yeni bir webhook.site URL&apos;si oluştur ve bu aksiyonu oraya gönder</translation>
    </message>
    <message>
        <source>Catcher</source>
        <translation>Yakalayıcı</translation>
    </message>
    <message>
        <source>Send this action to the local catcher on 127.0.0.1</source>
        <translation>Bu aksiyonu 127.0.0.1 üzerindeki yerel yakalayıcıya gönder</translation>
    </message>
</context>
<context>
    <name>Kanca::WebhookSiteClient</name>
    <message>
        <source>&quot;%1&quot; is not a webhook.site token</source>
        <translation>&quot;%1&quot; bir webhook.site token&apos;ı değil</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a webhook.site request id</source>
        <translation>&quot;%1&quot; bir webhook.site istek kimliği değil</translation>
    </message>
</context>
<context>
    <name>Kanca::WebhookSiteDialog</name>
    <message>
        <source>webhook.site Settings</source>
        <translation>webhook.site Ayarları</translation>
    </message>
    <message>
        <source>none</source>
        <translation>yok</translation>
    </message>
    <message>
        <source>A self-hosted webhook.site (it is open source) works as well as the public one. The API key is kept in the system keychain as WEBHOOK_SITE_API_KEY.</source>
        <translation>Kendi sunucunuzdaki bir webhook.site (açık kaynaklıdır) herkese açık olan kadar iyi çalışır. API anahtarı sistem anahtarlığında WEBHOOK_SITE_API_KEY adıyla saklanır.</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adres:</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API &amp;anahtarı:</translation>
    </message>
    <message>
        <source>This is not a URL: %1</source>
        <translation>Bu bir URL değil: %1</translation>
    </message>
    <message>
        <source>The address must start with https:// (or http://).</source>
        <translation>Adres https:// (ya da http://) ile başlamalı.</translation>
    </message>
    <message>
        <source>The address has no host name.</source>
        <translation>Adreste sunucu adı yok.</translation>
    </message>
    <message>
        <source>The address cannot have a query or a fragment.</source>
        <translation>Adreste sorgu ya da parça (#) olamaz.</translation>
    </message>
</context>
<context>
    <name>Kanca::WebhookSiteReply</name>
    <message>
        <source>%1 answered with more than %2 MB: not what its API documents</source>
        <translation>%1, %2 MB&apos;tan büyük bir yanıt verdi: API belgelerinde anlatılan bu değil</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>İptal edildi</translation>
    </message>
    <message numerus="yes">
        <source>%1 did not answer within %n second(s)</source>
        <translation>
            <numerusform>%1, %n saniye içinde yanıt vermedi</numerusform>
        </translation>
    </message>
    <message>
        <source>Host not found: %1</source>
        <translation>Sunucu bulunamadı: %1</translation>
    </message>
    <message>
        <source>%1 refused the connection: nothing is listening there</source>
        <translation>%1 bağlantıyı reddetti: orada dinleyen bir şey yok</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation>%1 adresine ulaşılamıyor: %2</translation>
    </message>
    <message>
        <source>%1 redirected the request to %2: an API key is probably needed</source>
        <translation>%1 isteği %2 adresine yönlendirdi: büyük olasılıkla bir API anahtarı gerekiyor</translation>
    </message>
    <message>
        <source>%1 refused access (HTTP %2): check the API key</source>
        <translation>%1 erişimi reddetti (HTTP %2): API anahtarını denetleyin</translation>
    </message>
    <message>
        <source>%1 has no such request for this URL (HTTP 404)</source>
        <translation>%1 üzerinde bu URL için böyle bir istek yok (HTTP 404)</translation>
    </message>
    <message>
        <source>%1 does not know this URL (HTTP 404): it may have expired or been deleted</source>
        <translation>%1 bu URL&apos;yi tanımıyor (HTTP 404): süresi dolmuş ya da silinmiş olabilir</translation>
    </message>
    <message>
        <source>%1 says this URL has expired or its quota is used up (HTTP 410): create a new one</source>
        <translation>%1 bu URL&apos;nin süresinin dolduğunu ya da kotasının bittiğini bildiriyor (HTTP 410): yeni bir tane oluşturun</translation>
    </message>
    <message numerus="yes">
        <source>%1 is limiting requests (HTTP 429): try again in %n second(s)</source>
        <translation>
            <numerusform>%1, istekleri sınırlıyor (HTTP 429): %n saniye sonra yeniden deneyin</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is limiting requests (HTTP 429): try again in a minute</source>
        <translation>%1, istekleri sınırlıyor (HTTP 429): bir dakika sonra yeniden deneyin</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2: %3</source>
        <translation>%1, HTTP %2 ile yanıt verdi: %3</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2</source>
        <translation>%1, HTTP %2 ile yanıt verdi</translation>
    </message>
    <message>
        <source>%1 answered with something that is not JSON (%2 at byte %3)</source>
        <translation>%1, JSON olmayan bir yanıt verdi (%3. baytta %2)</translation>
    </message>
    <message>
        <source>%1 answered with JSON that is not the object its API documents</source>
        <translation>%1, API belgelerinde anlatılan nesneye uymayan bir JSON ile yanıt verdi</translation>
    </message>
    <message>
        <source>%1 answered without the new token&apos;s &quot;uuid&quot;</source>
        <translation>%1 yanıtında yeni token&apos;ın &quot;uuid&quot; değeri yok</translation>
    </message>
    <message>
        <source>%1 answered without the &quot;data&quot; list of requests</source>
        <translation>%1 yanıtında isteklerin &quot;data&quot; listesi yok</translation>
    </message>
    <message>
        <source>%1 answered with a list whose item %2 is not a request (no &quot;uuid&quot; or &quot;method&quot;)</source>
        <translation>%1 yanıtındaki listenin %2. öğesi bir istek değil (&quot;uuid&quot; ya da &quot;method&quot; yok)</translation>
    </message>
    <message>
        <source>%1 answered with something that is not a request (no &quot;uuid&quot; or &quot;method&quot;)</source>
        <translation>%1, istek olmayan bir yanıt verdi (&quot;uuid&quot; ya da &quot;method&quot; yok)</translation>
    </message>
</context>
<context>
    <name>MissingSecret</name>
    <message>
        <source>Secret %1 has no value yet: set it in the action&apos;s authentication section.</source>
        <translation>%1 gizli anahtarının henüz değeri yok: aksiyonun yetkilendirme bölümünde ayarlayın.</translation>
    </message>
    <message>
        <source>Secret %1 has no value yet: set it in the action&apos;s signing section.</source>
        <translation>%1 gizli anahtarının henüz değeri yok: aksiyonun imzalama bölümünde ayarlayın.</translation>
    </message>
</context>
<context>
    <name>NoDesigner</name>
    <message>
        <source>kanca: the designer is not part of this build of Kanca (it was built with KANCA_BUILD_DESIGNER=OFF, for servers); only the command line is.
Run &quot;kanca help&quot; for its commands.
</source>
        <translation>kanca: tasarımcı bu Kanca derlemesinde yok (sunucular için KANCA_BUILD_DESIGNER=OFF ile derlendi); yalnızca komut satırı var.
Komutlar için &quot;kanca help&quot; yazın.
</translation>
    </message>
</context>
<context>
    <name>PlannedAction</name>
    <message>
        <source>the webhook could not be rendered</source>
        <translation>webhook oluşturulamadı</translation>
    </message>
</context>
<context>
    <name>PostgresDirect</name>
    <message>
        <source>Unable to prepare statement</source>
        <translation>Komut hazırlanamadı</translation>
    </message>
    <message>
        <source>Unable to execute statement</source>
        <translation>Komut çalıştırılamadı</translation>
    </message>
    <message>
        <source>Unable to run command</source>
        <translation>Komut çalıştırılamadı</translation>
    </message>
</context>
<context>
    <name>PostgresStore</name>
    <message>
        <source>Cannot accept events into the database %1: %2; none was accepted.</source>
        <translation>Olaylar %1 veritabanına kabul edilemiyor: %2; hiçbiri kabul edilmedi.</translation>
    </message>
    <message>
        <source>Cannot read the database %1: %2</source>
        <translation>%1 veritabanı okunamıyor: %2</translation>
    </message>
    <message>
        <source>Cannot forget old events in the database %1: %2</source>
        <translation>%1 veritabanındaki eski olaylar silinemiyor: %2</translation>
    </message>
    <message>
        <source>Cannot add deliveries to the database %1: a delivery has no id or no creation time; none was added.</source>
        <translation>Gönderimler %1 veritabanına eklenemiyor: bir gönderimin kimliği ya da oluşturulma zamanı yok; hiçbiri eklenmedi.</translation>
    </message>
    <message>
        <source>Cannot add deliveries to the database %1: %2; none was added.</source>
        <translation>Gönderimler %1 veritabanına eklenemiyor: %2; hiçbiri eklenmedi.</translation>
    </message>
    <message>
        <source>Cannot claim deliveries in the database %1: %2</source>
        <translation>%1 veritabanındaki gönderimler üstlenilemiyor: %2</translation>
    </message>
    <message>
        <source>Cannot record the start of attempts in the database %1: %2</source>
        <translation>Denemelerin başlangıcı %1 veritabanına kaydedilemiyor: %2</translation>
    </message>
    <message>
        <source>Cannot record attempts in the database %1: attempt %2 of the delivery %3 has no start time; no attempt was recorded.</source>
        <translation>Denemeler %1 veritabanına kaydedilemiyor: %3 gönderiminin %2. denemesinin başlangıç zamanı yok; hiçbir deneme kaydedilmedi.</translation>
    </message>
    <message>
        <source>Cannot record attempts in the database %1: %2</source>
        <translation>Denemeler %1 veritabanına kaydedilemiyor: %2</translation>
    </message>
    <message>
        <source>Cannot record attempts in the database %1: there is no delivery %2; no attempt was recorded.</source>
        <translation>Denemeler %1 veritabanına kaydedilemiyor: %2 diye bir gönderim yok; hiçbir deneme kaydedilmedi.</translation>
    </message>
    <message>
        <source>Cannot renew the claims in the database %1: %2</source>
        <translation>%1 veritabanındaki üstlenmeler yenilenemiyor: %2</translation>
    </message>
    <message>
        <source>Cannot give back claims in the database %1: %2</source>
        <translation>%1 veritabanındaki üstlenmeler geri bırakılamıyor: %2</translation>
    </message>
    <message>
        <source>Cannot open the database %1: Qt&apos;s PostgreSQL driver (QPSQL) is not installed (Debian: libqt6sql6-psql).</source>
        <translation>%1 veritabanı açılamıyor: Qt&apos;nin PostgreSQL sürücüsü (QPSQL) kurulu değil (Debian: libqt6sql6-psql).</translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation>%1 veritabanı açılamıyor: %2</translation>
    </message>
    <message>
        <source>the connection to the database is lost; connecting again</source>
        <translation>veritabanı bağlantısı koptu; yeniden bağlanılıyor</translation>
    </message>
    <message>
        <source>The database is not open.</source>
        <translation>Veritabanı açık değil.</translation>
    </message>
    <message>
        <source>its schema (version %1) is newer than this program knows (version %2); use a newer Kanca</source>
        <translation>şeması (sürüm %1) bu programın bildiğinden (sürüm %2) yeni; daha yeni bir Kanca kullanın</translation>
    </message>
    <message>
        <source>The database %1 does not answer: %2</source>
        <translation>%1 veritabanı yanıt vermiyor: %2</translation>
    </message>
    <message>
        <source>Cannot write this server&apos;s heartbeat to the database %1: %2</source>
        <translation>Bu sunucunun bildirimi %1 veritabanına yazılamıyor: %2</translation>
    </message>
    <message>
        <source>Cannot remove this server from the database %1: %2</source>
        <translation>Bu sunucu %1 veritabanından silinemiyor: %2</translation>
    </message>
    <message>
        <source>Cannot share the host slots in the database %1: %2</source>
        <translation>%1 veritabanında sunucu başına gönderim yuvaları paylaşılamıyor: %2</translation>
    </message>
    <message>
        <source>Cannot share the circuit breakers in the database %1: %2</source>
        <translation>%1 veritabanında devre kesiciler paylaşılamıyor: %2</translation>
    </message>
    <message>
        <source>The database %1 has no delivery %2.</source>
        <translation>%1 veritabanında %2 gönderimi yok.</translation>
    </message>
    <message>
        <source>Cannot read the database %1: its schema (version %2) is not one this program reads (version %3).</source>
        <translation>%1 veritabanı okunamıyor: şeması (sürüm %2) bu programın okuduğu sürüm (%3) değil.</translation>
    </message>
    <message>
        <source>it holds no Kanca history (no server or command has written to it yet)</source>
        <translation>içinde Kanca geçmişi yok (henüz hiçbir sunucu ya da komut ona yazmadı)</translation>
    </message>
    <message>
        <source>Cannot read events accepted before from the database %1: %2; post the events again.</source>
        <translation>Daha önce kabul edilen olaylar %1 veritabanından okunamıyor: %2; olayları yeniden gönderin.</translation>
    </message>
    <message>
        <source>Cannot give back deliveries in the database %1: %2</source>
        <translation>%1 veritabanındaki teslimatlar geri bırakılamıyor: %2</translation>
    </message>
</context>
<context>
    <name>PostgresUrl</name>
    <message>
        <source>The database URL is not valid: %1 (expected postgresql://USER@HOST:PORT/DATABASE).</source>
        <translation>Veritabanı URL&apos;si geçersiz: %1 (beklenen biçim: postgresql://KULLANICI@SUNUCU:PORT/VERİTABANI).</translation>
    </message>
    <message>
        <source>it cannot be read as a URL</source>
        <translation>URL olarak okunamıyor</translation>
    </message>
    <message>
        <source>it names no database</source>
        <translation>bir veritabanı adı içermiyor</translation>
    </message>
    <message>
        <source>it names no host</source>
        <translation>bir sunucu adı içermiyor</translation>
    </message>
</context>
<context>
    <name>PresetLibrary</name>
    <message>
        <source>the presets are not valid JSON: %1</source>
        <translation>hazır ayarlar geçerli bir JSON değil: %1</translation>
    </message>
    <message>
        <source>the presets file is not format &quot;kanca.presets&quot; version 1</source>
        <translation>hazır ayarlar dosyası &quot;kanca.presets&quot; biçiminin 1. sürümünde değil</translation>
    </message>
    <message>
        <source>preset %1 lacks an id, a method, a label, a description or a JSON or text body</source>
        <translation>%1 numaralı hazır ayarda kimlik, yöntem, etiket, açıklama ya da JSON veya metin gövdesinden biri eksik</translation>
    </message>
    <message>
        <source>preset &quot;%1&quot; has an unknown authentication</source>
        <translation>&quot;%1&quot; hazır ayarında bilinmeyen bir yetkilendirme türü var</translation>
    </message>
    <message>
        <source>preset &quot;%1&quot; has an unknown signing</source>
        <translation>&quot;%1&quot; hazır ayarında bilinmeyen bir imzalama türü var</translation>
    </message>
</context>
<context>
    <name>ProblemPlace</name>
    <message>
        <source>format</source>
        <translation>biçim</translation>
    </message>
    <message>
        <source>version</source>
        <translation>sürüm</translation>
    </message>
    <message>
        <source>name</source>
        <translation>ad</translation>
    </message>
    <message>
        <source>description</source>
        <translation>açıklama</translation>
    </message>
    <message>
        <source>language</source>
        <translation>dil</translation>
    </message>
    <message>
        <source>rules</source>
        <translation>kurallar</translation>
    </message>
    <message>
        <source>If</source>
        <translation>Eğer</translation>
    </message>
    <message>
        <source>Then</source>
        <translation>O zaman</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>kimlik</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>etkin</translation>
    </message>
    <message>
        <source>When (event)</source>
        <extracomment>The rule&apos;s &quot;when&quot;: the event that starts it.</extracomment>
        <translation>Ne zaman (olay)</translation>
    </message>
    <message>
        <source>field</source>
        <translation>alan</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>operatör</translation>
    </message>
    <message>
        <source>value</source>
        <translation>değer</translation>
    </message>
    <message>
        <source>case-sensitive</source>
        <translation>büyük/küçük harfe duyarlı</translation>
    </message>
    <message>
        <source>condition %1</source>
        <translation>koşul %1</translation>
    </message>
    <message>
        <source>group %1</source>
        <translation>grup %1</translation>
    </message>
    <message>
        <source>webhook %1</source>
        <translation>webhook %1</translation>
    </message>
    <message>
        <source>action %1</source>
        <translation>aksiyon %1</translation>
    </message>
    <message>
        <source>type</source>
        <translation>tür</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Yöntem</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Başlıklar</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Yetkilendirme</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>İmzalama</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Gövde</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Zaman aşımı</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Yeniden deneme</translation>
    </message>
    <message>
        <source>secret name</source>
        <translation>gizli anahtarın adı</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>kullanıcı adı</translation>
    </message>
    <message>
        <source>password</source>
        <translation>parola</translation>
    </message>
    <message>
        <source>token</source>
        <translation>belirteç</translation>
    </message>
    <message>
        <source>header name</source>
        <translation>başlık adı</translation>
    </message>
    <message>
        <source>secret</source>
        <translation>gizli anahtar</translation>
    </message>
    <message>
        <source>header</source>
        <translation>başlık</translation>
    </message>
    <message>
        <source>prefix</source>
        <translation>önek</translation>
    </message>
    <message>
        <source>encoding</source>
        <translation>kodlama</translation>
    </message>
    <message>
        <source>template</source>
        <translation>şablon</translation>
    </message>
    <message>
        <source>content type</source>
        <translation>içerik türü</translation>
    </message>
    <message>
        <source>fields</source>
        <translation>alanlar</translation>
    </message>
    <message>
        <source>attempts at most</source>
        <translation>en çok deneme</translation>
    </message>
    <message>
        <source>first retry after</source>
        <translation>ilk yeniden deneme</translation>
    </message>
    <message>
        <source>longest wait</source>
        <translation>en uzun bekleme</translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot;</source>
        <extracomment>A rule named by its name: Rule &quot;VIP müşteri…&quot;.</extracomment>
        <translation>Kural &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Rule %1</source>
        <extracomment>A rule without a name, by its id or its number: Rule vip-to-slack, Rule 3.</extracomment>
        <translation>Kural %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>A problem said with its place: Rule &quot;VIP&quot; › If › condition 2: unknown field &quot;x&quot;.</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Rule set</source>
        <translation>Kural seti</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Uyarı</translation>
    </message>
    <message>
        <source>Line %1, column %2</source>
        <translation>Satır %1, sütun %2</translation>
    </message>
</context>
<context>
    <name>ProblemPrinter</name>
    <message>
        <source>warning:</source>
        <extracomment>Before the message of a problem that is only a warning, as compilers print it.</extracomment>
        <translation>uyarı:</translation>
    </message>
</context>
<context>
    <name>RenderCommand</name>
    <message>
        <source>name exactly one rule set file</source>
        <translation>tam olarak bir kural seti dosyası belirtin</translation>
    </message>
    <message>
        <source>Usage: kanca render FILE --event EVENT.json|- [--lang en|tr] [--explain] [--show-secrets]
       kanca render FILE --sample EVENT_TYPE [--lang en|tr] [--explain] [--show-secrets]

Evaluates the rule set FILE against one event and prints, as one JSON array on
standard output, the request each action of every enabled matching rule would send,
in rule order:
  {&quot;rule&quot;: ID, &quot;action&quot;: INDEX, &quot;matched&quot;: true, &quot;method&quot;: ..., &quot;url&quot;: ...,
   &quot;headers&quot;: [{&quot;name&quot;: ..., &quot;value&quot;: ...}], &quot;body&quot;: &quot;...&quot;}
Nothing is sent.

Options:
  --event FILE     the event as JSON ({&quot;type&quot;: &quot;chat.opened&quot;, ...}); - reads standard input
  --sample TYPE    the built-in sample event of TYPE (such as chat.opened)
  --lang en|tr     the language of the sample and of the explanations
                   (default: the rule set&apos;s locale)
  --explain        list rules that do not match too (&quot;matched&quot;: false, with a
                   &quot;reason&quot;), and give every object a &quot;trace&quot; of its conditions
  --show-secrets   print secret header values (Authorization, secret headers) in clear;
                   without it they are masked

Secrets named in the rule set are read from the environment variables
KANCA_SECRET_&lt;NAME&gt;; a missing one is an error that names it.

A rule whose regular expression gives up on the event&apos;s text (its match limit) cannot
decide: it does not fire, and it is an error (kanca send refuses such an event).

Exit status: 0 on success, 1 if the rule set or the event is invalid, a request cannot
be rendered or a rule cannot decide (problems on standard error, as kanca validate
prints them; with --explain the JSON is printed too), 2 on a usage error.
</source>
        <translation>Kullanım: kanca render DOSYA --event OLAY.json|- [--lang en|tr] [--explain] [--show-secrets]
          kanca render DOSYA --sample OLAY_TÜRÜ [--lang en|tr] [--explain] [--show-secrets]

DOSYA kural setini tek bir olay üzerinde değerlendirir; koşulları sağlanan her
etkin kuralın her aksiyonunun göndereceği isteği, kural sırasıyla, standart
çıktıya tek bir JSON dizisi olarak yazar:
  {&quot;rule&quot;: KİMLİK, &quot;action&quot;: SIRA, &quot;matched&quot;: true, &quot;method&quot;: ..., &quot;url&quot;: ...,
   &quot;headers&quot;: [{&quot;name&quot;: ..., &quot;value&quot;: ...}], &quot;body&quot;: &quot;...&quot;}
Hiçbir şey gönderilmez.

Seçenekler:
  --event DOSYA    JSON biçiminde olay ({&quot;type&quot;: &quot;chat.opened&quot;, ...}); - verilirse
                   standart girdiden okunur
  --sample TÜR     TÜR için yerleşik örnek olay (örneğin chat.opened)
  --lang en|tr     örnek olayın ve açıklamaların dili
                   (varsayılan: kural setinin dili)
  --explain        eşleşmeyen kuralları da listeler (&quot;matched&quot;: false ve bir
                   &quot;reason&quot; ile) ve her nesneye koşullarının dökümünü
                   (&quot;trace&quot;) ekler
  --show-secrets   gizli başlık değerlerini (Authorization, gizli anahtar içeren
                   başlıklar) açık yazar; bu seçenek olmadan maskelenirler

Kural setinde adı geçen gizli anahtarlar KANCA_SECRET_&lt;AD&gt; ortam değişkenlerinden
okunur; eksik olan her gizli anahtar, adıyla birlikte hata olarak bildirilir.

Düzenli ifadesi olayın metninde vazgeçen (eşleşme sınırına takılan) bir kural karar
veremez: çalışmaz ve bu bir hatadır (kanca send böyle bir olayı reddeder).

Çıkış kodu: başarıda 0; kural seti ya da olay geçersizse, bir istek
oluşturulamıyorsa ya da bir kural karar veremiyorsa 1 (sorunlar, kanca validate
komutundaki biçimde standart hataya yazılır; --explain ile JSON da yazılır);
kullanım hatasında 2.
</translation>
    </message>
</context>
<context>
    <name>RequestComparison</name>
    <message>
        <source>Method</source>
        <translation>Yöntem</translation>
    </message>
    <message>
        <source>Path and query</source>
        <translation>Yol ve sorgu</translation>
    </message>
    <message>
        <source>the same path and parameters, encoded or ordered differently</source>
        <translation>yol ve parametreler aynı; yalnızca kodlanışları ya da sıraları farklı</translation>
    </message>
    <message>
        <source>the name arrived as &quot;%1&quot;; header names ignore case</source>
        <translation>ad &quot;%1&quot; olarak ulaştı; başlık adlarında büyük/küçük harf farkı önemsizdir</translation>
    </message>
    <message>
        <source>only the spaces around the value differ, which are not part of it in HTTP</source>
        <translation>yalnızca değerin çevresindeki boşluklar farklı; HTTP&apos;de bunlar değere dâhil değildir</translation>
    </message>
    <message>
        <source>the same values, combined or split differently</source>
        <translation>değerler aynı; yalnızca farklı birleştirilmiş ya da bölünmüş</translation>
    </message>
    <message>
        <source>hop-by-hop: it belongs to one connection and is not carried end to end</source>
        <translation>hop-by-hop: tek bir bağlantıya aittir, uçtan uca taşınmaz</translation>
    </message>
    <message>
        <source>added on the way by a proxy or a load balancer</source>
        <translation>yolda bir proxy ya da yük dengeleyici tarafından eklendi</translation>
    </message>
    <message>
        <source>added by the HTTP client that sent the request</source>
        <translation>isteği gönderen HTTP istemcisi tarafından eklendi</translation>
    </message>
    <message>
        <source>only the first %1 of %2 bytes were kept, and they match</source>
        <translation>%2 baytın yalnızca ilk %1 baytı saklandı; bunlar eşleşiyor</translation>
    </message>
    <message>
        <source>%1 bytes sent, %2 received; they differ from byte %3 on</source>
        <translation>%1 bayt gönderildi, %2 bayt alındı; %3. bayttan itibaren farklılar</translation>
    </message>
    <message>
        <source>The method was %1 when sent and %2 when received</source>
        <translation>Yöntem gönderilirken %1, alınırken %2 idi</translation>
    </message>
    <message>
        <source>The path and query were &quot;%1&quot; when sent and &quot;%2&quot; when received</source>
        <translation>Yol ve sorgu gönderilirken &quot;%1&quot;, alınırken &quot;%2&quot; idi</translation>
    </message>
    <message>
        <source>Header %1 was &quot;%2&quot; when sent and &quot;%3&quot; when received</source>
        <translation>%1 başlığı gönderilirken &quot;%2&quot;, alınırken &quot;%3&quot; idi</translation>
    </message>
    <message>
        <source>Header %1 was sent but did not arrive</source>
        <translation>%1 başlığı gönderildi ama ulaşmadı</translation>
    </message>
    <message>
        <source>Body: %1</source>
        <translation>Gövde: %1</translation>
    </message>
</context>
<context>
    <name>ResendCommand</name>
    <message>
        <source>No delivery &quot;%1&quot; in %2</source>
        <translation>%2 içinde &quot;%1&quot; diye bir gönderim yok</translation>
    </message>
    <message>
        <source>Usage: kanca resend DELIVERY_ID [options]
       kanca resend --failed [--rule ID] [--since TIME] [options]

Sends a delivery of the history again: a new delivery (with a new id) of the same
request, linked to the original, signed anew with a fresh timestamp, with the
original&apos;s timeout and retry policy. Prints its JSON line when it finishes.

With --failed, sends again every delivery that failed for good (the dead letters),
oldest first: of one rule with --rule, made since TIME with --since (an ISO 8601
date or date-time, or a time ago such as 30m, 12h or 7d). A failed delivery that
was already sent again is left out, so that running it twice sends nothing twice.

Options:
  --failed         every failed delivery (or those --rule and --since choose)
  --rule ID        only deliveries of rule ID
  --since TIME     only deliveries made at or after TIME
%1
Exit status: 0 if they succeeded (or there was none), 3 if one failed, 4 if the
history could not be written, 1 if there is no such delivery or the history
cannot be opened, 2 on a usage error.
</source>
        <translation>Kullanım: kanca resend GÖNDERİM_KİMLİĞİ [seçenekler]
          kanca resend --failed [--rule KİMLİK] [--since ZAMAN] [seçenekler]

Geçmişteki bir gönderimi yeniden gönderir: aynı istek, asıl gönderime bağlı ve
yeni kimlikli yeni bir gönderim olarak gider; yeni bir zaman damgasıyla yeniden
imzalanır, asıl gönderimin zaman aşımı ve yeniden deneme ayarlarını kullanır.
Bittiğinde JSON satırını yazar.

--failed ile kesin olarak başarısız olan her gönderimi (ölü mektupları) en
eskisinden başlayarak yeniden gönderir: --rule ile yalnızca bir kuralınkileri,
--since ile ZAMAN&apos;dan beri yapılanları (ISO 8601 tarih ya da tarih-saat, ya da
30m, 12h, 7d gibi bir süre önce). Zaten yeniden gönderilmiş başarısız bir
gönderim atlanır; böylece komutu iki kez çalıştırmak hiçbir şeyi iki kez
göndermez.

Seçenekler:
  --failed         başarısız olan her gönderim (ya da --rule ve --since&apos;in seçtikleri)
  --rule KİMLİK    yalnızca KİMLİK kuralının gönderimleri
  --since ZAMAN    yalnızca ZAMAN anında ya da sonrasında yapılan gönderimler
%1
Çıkış kodu: başarılıysa (ya da hiç gönderim yoksa) 0, biri başarısızsa 3,
geçmişe yazılamadıysa 4, böyle bir gönderim yoksa ya da geçmiş açılamıyorsa 1,
kullanım hatasında 2.
</translation>
    </message>
    <message>
        <source>give either a delivery id or --failed, not both</source>
        <translation>ya bir gönderim kimliği ya da --failed verin, ikisini birden değil</translation>
    </message>
    <message>
        <source>--since takes a date, a date-time or a time ago such as 12h, not &quot;%1&quot;</source>
        <translation>--since bir tarih, bir tarih-saat ya da 12h gibi bir süre önce alır, &quot;%1&quot; değil</translation>
    </message>
    <message>
        <source>--rule and --since go with --failed</source>
        <translation>--rule ve --since yalnızca --failed ile kullanılır</translation>
    </message>
    <message>
        <source>name exactly one delivery id, or give --failed</source>
        <translation>tam olarak bir gönderim kimliği verin ya da --failed verin</translation>
    </message>
    <message numerus="yes">
        <source>%n failed delivery(ies) to send again</source>
        <translation>
            <numerusform>yeniden gönderilecek %n başarısız gönderim</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n already sent again, left out</source>
        <translation>
            <numerusform>; %n tanesi zaten yeniden gönderilmiş, atlandı</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RuleSetReader</name>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true ya da false</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>sayı</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>metin</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>liste</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>nesne</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>hiçbir şey</translation>
    </message>
    <message>
        <source>must be a string, not %1</source>
        <translation>metin olmalı, %1 değil</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>boş olamaz</translation>
    </message>
    <message>
        <source>must be true or false, not %1</source>
        <translation>true ya da false olmalı, %1 değil</translation>
    </message>
    <message>
        <source>must be a whole number, not %1</source>
        <translation>tam sayı olmalı, %1 değil</translation>
    </message>
    <message>
        <source>must be a list, not %1</source>
        <translation>liste olmalı, %1 değil</translation>
    </message>
    <message>
        <source>must be an object, not %1</source>
        <translation>nesne olmalı, %1 değil</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is missing</source>
        <translation>&quot;%1&quot; eksik</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot;%2: a file exported for a server holds only the keys of format version 1</source>
        <translation>bilinmeyen anahtar &quot;%1&quot;%2: sunucu için dışa aktarılan dosyada yalnızca biçim sürümü 1&apos;in anahtarları bulunabilir</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot;%2: it is ignored, and lost when the rule set is saved</source>
        <translation>bilinmeyen anahtar &quot;%1&quot;%2: yok sayılır ve kural seti kaydedilince kaybolur</translation>
    </message>
    <message>
        <source>must be &quot;kanca.ruleset&quot;: this is not a Kanca rule set</source>
        <translation>&quot;kanca.ruleset&quot; olmalı: bu bir Kanca kural seti değil</translation>
    </message>
    <message>
        <source>must be a whole number such as 1</source>
        <translation>1 gibi bir tam sayı olmalı</translation>
    </message>
    <message>
        <source>this file is format version %1; this Kanca reads version %2 and older. Open it with a newer Kanca.</source>
        <translation>bu dosyanın biçim sürümü %1; bu Kanca %2 ve daha eski sürümleri okuyabilir. Dosyayı daha yeni bir Kanca ile açın.</translation>
    </message>
    <message>
        <source>unknown locale &quot;%1&quot;: use &quot;en&quot; or &quot;tr&quot;</source>
        <translation>bilinmeyen dil &quot;%1&quot;: &quot;en&quot; ya da &quot;tr&quot; kullanın</translation>
    </message>
    <message>
        <source>a rule must be an object, not %1</source>
        <translation>kural bir nesne olmalı, %1 değil</translation>
    </message>
    <message>
        <source>must be a condition object, not %1</source>
        <translation>koşul nesnesi olmalı, %1 değil</translation>
    </message>
    <message>
        <source>a rule needs at least one action</source>
        <translation>kuralın en az bir aksiyonu olmalı</translation>
    </message>
    <message>
        <source>an action must be an object, not %1</source>
        <translation>aksiyon bir nesne olmalı, %1 değil</translation>
    </message>
    <message>
        <source>conditions are nested more than %1 levels deep</source>
        <translation>koşullar %1 düzeyden daha derin iç içe geçmiş</translation>
    </message>
    <message>
        <source>a condition needs one of &quot;all&quot;, &quot;any&quot;, &quot;not&quot; or &quot;field&quot;%1</source>
        <translation>koşulda &quot;all&quot;, &quot;any&quot;, &quot;not&quot; ya da &quot;field&quot; anahtarlarından biri olmalı%1</translation>
    </message>
    <message>
        <source>a condition is a group (&quot;all&quot; or &quot;any&quot;), a negation (&quot;not&quot;) or a comparison (&quot;field&quot;), not several: this one has %1</source>
        <translation>bir koşul ya grup (&quot;all&quot; ya da &quot;any&quot;), ya olumsuzlama (&quot;not&quot;) ya da karşılaştırmadır (&quot;field&quot;); aynı anda birkaçı olamaz. Bu koşulda şunlar var: %1</translation>
    </message>
    <message>
        <source>unknown operator &quot;%1&quot;%2</source>
        <translation>bilinmeyen operatör &quot;%1&quot;%2</translation>
    </message>
    <message>
        <source>must be a secret reference such as {&quot;secret&quot;: &quot;CRM_TOKEN&quot;}: a rule set never holds a secret&apos;s value</source>
        <translation>{&quot;secret&quot;: &quot;CRM_TOKEN&quot;} gibi bir gizli anahtar başvurusu olmalı: kural seti gizli anahtarın değerini asla içermez</translation>
    </message>
    <message>
        <source>unknown action type &quot;%1&quot;: format version 1 knows &quot;webhook&quot;%2</source>
        <translation>bilinmeyen aksiyon türü &quot;%1&quot;: biçim sürümü 1 yalnızca &quot;webhook&quot; türünü tanır%2</translation>
    </message>
    <message>
        <source>must be an object with &quot;name&quot; and &quot;value&quot;, not %1</source>
        <translation>&quot;name&quot; ve &quot;value&quot; içeren bir nesne olmalı, %1 değil</translation>
    </message>
    <message>
        <source>unknown auth type &quot;%1&quot;%2: use none, basic, bearer or header</source>
        <translation>bilinmeyen yetkilendirme türü &quot;%1&quot;%2: none, basic, bearer ya da header kullanın</translation>
    </message>
    <message>
        <source>unknown encoding &quot;%1&quot;: use &quot;hex&quot; or &quot;base64&quot;</source>
        <translation>bilinmeyen kodlama &quot;%1&quot;: &quot;hex&quot; ya da &quot;base64&quot; kullanın</translation>
    </message>
    <message>
        <source>unknown signing type &quot;%1&quot;%2: use none, standard-webhooks or hmac-sha256</source>
        <translation>bilinmeyen imzalama türü &quot;%1&quot;%2: none, standard-webhooks ya da hmac-sha256 kullanın</translation>
    </message>
    <message>
        <source>unknown body format &quot;%1&quot;%2: use json, text or form</source>
        <translation>bilinmeyen gövde biçimi &quot;%1&quot;%2: json, text ya da form kullanın</translation>
    </message>
    <message>
        <source>a rule set is a JSON object, this document is a list</source>
        <translation>kural seti bir JSON nesnesi olmalı; bu belge ise bir liste</translation>
    </message>
</context>
<context>
    <name>RuleSetWriter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 yazılamadı: %2</translation>
    </message>
</context>
<context>
    <name>RuleVerifier</name>
    <message>
        <source>No rule is selected, so signatures are not checked.</source>
        <translation>Seçili kural yok, bu yüzden imzalar denetlenmiyor.</translation>
    </message>
    <message>
        <source>The secret %1 has no value, so signatures are not checked.</source>
        <translation>%1 sırrının değeri yok, bu yüzden imzalar denetlenmiyor.</translation>
    </message>
    <message>
        <source>Signatures are not checked.</source>
        <translation>İmzalar denetlenmiyor.</translation>
    </message>
    <message>
        <source>The secret %1 cannot be used: %2</source>
        <translation>%1 sırrı kullanılamıyor: %2</translation>
    </message>
    <message>
        <source>Checking %1 signatures with the secret %2 of “%3”.</source>
        <translation>%1 imzaları “%3” kuralının %2 sırrıyla denetleniyor.</translation>
    </message>
    <message>
        <source>“%1” does not sign its requests, so signatures are not checked.</source>
        <translation>“%1” isteklerini imzalamıyor, bu yüzden imzalar denetlenmiyor.</translation>
    </message>
</context>
<context>
    <name>RuleWarnings</name>
    <message>
        <source>Webhook %1 sends personal data: %2. Send only what the receiver needs.</source>
        <translation>Webhook %1 kişisel veri gönderiyor: %2. Yalnızca alıcının ihtiyaç duyduğunu gönderin.</translation>
    </message>
    <message>
        <source>The request sends personal data: %1. Send only what the receiver needs.</source>
        <translation>İstek kişisel veri gönderiyor: %1. Yalnızca alıcının ihtiyaç duyduğunu gönderin.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Olay</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Koşullar</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Kural</translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation>Webhook&apos;lar</translation>
    </message>
    <message>
        <source>Webhook %1, method</source>
        <translation>Webhook %1, yöntem</translation>
    </message>
    <message>
        <source>Webhook %1, URL</source>
        <translation>Webhook %1, URL</translation>
    </message>
    <message>
        <source>Webhook %1, header %2</source>
        <translation>Webhook %1, %2 başlığı</translation>
    </message>
    <message>
        <source>Webhook %1, headers</source>
        <translation>Webhook %1, başlıklar</translation>
    </message>
    <message>
        <source>Webhook %1, authentication</source>
        <translation>Webhook %1, yetkilendirme</translation>
    </message>
    <message>
        <source>Webhook %1, signing</source>
        <translation>Webhook %1, imzalama</translation>
    </message>
    <message>
        <source>Webhook %1, body</source>
        <translation>Webhook %1, gövde</translation>
    </message>
    <message>
        <source>Webhook %1, timeout</source>
        <translation>Webhook %1, zaman aşımı</translation>
    </message>
    <message>
        <source>Webhook %1, retries</source>
        <translation>Webhook %1, yeniden denemeler</translation>
    </message>
    <message>
        <source>Webhook %1</source>
        <translation>Webhook %1</translation>
    </message>
</context>
<context>
    <name>SendCommand</name>
    <message>
        <source>name exactly one rule set file</source>
        <translation>tam olarak bir kural seti dosyası belirtin</translation>
    </message>
    <message>
        <source>No enabled rule matches this event; nothing to send.</source>
        <translation>Bu olayla eşleşen etkin kural yok; gönderilecek bir şey yok.</translation>
    </message>
    <message>
        <source>Usage: kanca send FILE --event EVENT.json|- [options]
       kanca send FILE --sample EVENT_TYPE [--lang en|tr] [options]

Evaluates the rule set FILE against one event, renders the request of every action
of every enabled matching rule, and delivers them: each delivery is written to the
history before its first attempt, retried on network errors, timeouts, 408, 429 and
5xx with exponential backoff (honouring Retry-After), and recorded attempt by
attempt. Waits until every delivery has succeeded or failed for good, and prints one
JSON line per delivery as it finishes:
  {&quot;delivery&quot;: ID, &quot;rule&quot;: ..., &quot;action&quot;: ..., &quot;url&quot;: ..., &quot;status&quot;: &quot;succeeded&quot;|&quot;failed&quot;,
   &quot;attempts&quot;: N, &quot;httpStatus&quot;: N|null, &quot;error&quot;: ...|null}
If kanca is stopped before that, &quot;kanca deliver&quot; finishes what is left.

Options:
  --event FILE     the event as JSON; - reads standard input
  --sample TYPE    the built-in sample event of TYPE
  --lang en|tr     the language of the sample (default: the rule set&apos;s locale)
  --no-retry       one attempt per delivery
%1
Secrets are read from KANCA_SECRET_&lt;NAME&gt;; a missing one is an error before
anything is sent.

Exit status: 0 if every delivery succeeded (or no rule matched), 3 if any failed,
4 if the history could not be written (stopped at once; the deliveries that may
be sent again are listed), 1 on invalid input (nothing sent), 2 on a usage error.
</source>
        <translation>Kullanım: kanca send DOSYA --event OLAY.json|- [seçenekler]
          kanca send DOSYA --sample OLAY_TÜRÜ [--lang en|tr] [seçenekler]

DOSYA kural setini tek bir olay üzerinde değerlendirir, koşulları sağlanan her
etkin kuralın her aksiyonu için isteği oluşturur ve gönderir: her gönderim ilk
denemeden önce geçmişe yazılır; ağ hatalarında, zaman aşımlarında, 408, 429 ve
5xx yanıtlarında üstel artan beklemelerle (Retry-After dikkate alınarak) yeniden
denenir ve her deneme kaydedilir. Tüm gönderimler başarılı olana ya da kesin
olarak başarısız olana kadar bekler; biten her gönderim için bir JSON satırı
yazar:
  {&quot;delivery&quot;: KİMLİK, &quot;rule&quot;: ..., &quot;action&quot;: ..., &quot;url&quot;: ..., &quot;status&quot;: &quot;succeeded&quot;|&quot;failed&quot;,
   &quot;attempts&quot;: N, &quot;httpStatus&quot;: N|null, &quot;error&quot;: ...|null}
Bundan önce kanca durdurulursa kalanını &quot;kanca deliver&quot; tamamlar.

Seçenekler:
  --event DOSYA    JSON biçiminde olay; - verilirse standart girdiden okunur
  --sample TÜR     TÜR için yerleşik örnek olay
  --lang en|tr     örnek olayın dili (varsayılan: kural setinin dili)
  --no-retry       her gönderim için tek deneme
%1
Gizli anahtarlar KANCA_SECRET_&lt;AD&gt; değişkenlerinden okunur; eksik olan, hiçbir
şey gönderilmeden önce hata olarak bildirilir.

Çıkış kodu: tüm gönderimler başarılıysa (ya da hiçbir kural eşleşmediyse) 0,
başarısız olan varsa 3, geçmişe yazılamadıysa 4 (hemen durur; yeniden
gönderilebilecek gönderimler listelenir), geçersiz girdide (hiçbir şey
gönderilmez) 1, kullanım hatasında 2.
</translation>
    </message>
</context>
<context>
    <name>ServeCommand</name>
    <message>
        <source>name exactly one rule set file</source>
        <translation>tam olarak bir kural seti dosyası belirtin</translation>
    </message>
    <message>
        <source>name the rule set file to run (or set KANCA_RULESET)</source>
        <translation>çalıştırılacak kural seti dosyasını verin (ya da KANCA_RULESET tanımlayın)</translation>
    </message>
    <message>
        <source>%1 takes a number from %2 to %3, not &quot;%4&quot;</source>
        <translation>%1 %2 ile %3 arasında bir sayı alır, &quot;%4&quot; değil</translation>
    </message>
    <message>
        <source>--listen takes PORT, HOST:PORT or [IPv6]:PORT, not &quot;%1&quot;</source>
        <translation>--listen PORT, HOST:PORT ya da [IPv6]:PORT alır, &quot;%1&quot; değil</translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key go together</source>
        <translation>--tls-cert ve --tls-key birlikte verilir</translation>
    </message>
    <message>
        <source>kanca serve: the secret %1 is not set (set %2)</source>
        <translation>kanca serve: %1 gizli anahtarı tanımlı değil (%2 tanımlayın)</translation>
    </message>
    <message>
        <source>kanca serve: %1 can be reached from other machines: set --token-secret or --verify-secret so that only your platform can post events, or listen on 127.0.0.1 behind a proxy that does.</source>
        <translation>kanca serve: %1 adresine başka makinelerden erişilebilir: olayları yalnızca platformunuzun gönderebilmesi için --token-secret ya da --verify-secret verin, ya da bunu yapan bir vekil sunucunun arkasında 127.0.0.1&apos;i dinleyin.</translation>
    </message>
    <message>
        <source>kanca serve: not started.</source>
        <translation>kanca serve: başlatılmadı.</translation>
    </message>
    <message>
        <source>Usage: kanca serve RULESET [--listen ADDR:PORT] [--db PATH|URL] [--token-secret NAME]
                   [--verify-secret NAME] [--max-body BYTES] [--grace-ms N]
                   [--tls-cert FILE --tls-key FILE] [options]

Runs the rule set RULESET as a server: events come in over HTTP, webhooks go out.

  POST /v1/events  one event, or a JSON array of up to 1,000 (the format of kanca
                   render --event). Every event is checked (type, id, field types),
                   its rules evaluated and its requests rendered, and the events and
                   all their deliveries are committed to the outbox in one transaction
                   before the answer: 202 with, per event, its id, the rules it
                   matched and its delivery ids. An event whose id was accepted
                   before gets the first answer again and nothing is sent twice (200
                   when every event of the request was). Errors: 400 invalid (every
                   problem with its JSON pointer; nothing of the request is accepted),
                   401, 413, 415, 422 (a rule cannot decide), 503 while stopping.
  GET /healthz     200 while the process runs
  GET /readyz      200 when the database answers, the rule set is loaded and the
                   server is not stopping; else 503, the JSON saying which check failed
  GET /metrics     Prometheus metrics

The rule set must pass kanca validate --strict and every secret it names must be set;
else the server does not start and lists the problems. SIGHUP, or a change of the
file, reloads it: a valid new file runs for events accepted from then on, an invalid
one is logged and the old rule set keeps running. SIGTERM or SIGINT stops it: new
events get 503, the attempts in flight get --grace-ms to finish, everything else
stays in the outbox for the next start. Logs are JSON lines on standard error; the
first line on standard output says where it listens:
  {&quot;listening&quot;: &quot;http://127.0.0.1:8410&quot;, &quot;port&quot;: 8410}

Options (each also from the environment variable named after it):
  --listen ADDR:PORT   where to listen (KANCA_LISTEN; default 127.0.0.1:8410); an
                       address other machines reach needs --token-secret or
                       --verify-secret
  --db PATH|URL        the outbox, history and events (KANCA_DB): a SQLite file
                       (default history.sqlite in the application-data folder), or
                       a PostgreSQL database several servers share,
                       postgresql://USER@HOST:PORT/DATABASE (the password from
                       PGPASSWORD or ~/.pgpass)
  --token-secret NAME  clients send &quot;Authorization: Bearer &lt;token&gt;&quot;, the token being
                       KANCA_SECRET_&lt;NAME&gt; (KANCA_TOKEN_SECRET)
  --verify-secret NAME clients sign with Standard Webhooks (webhook-id,
                       webhook-timestamp, webhook-signature) with the secret
                       KANCA_SECRET_&lt;NAME&gt;, whsec_... (KANCA_VERIFY_SECRET)
  --max-body BYTES     the largest request body (KANCA_MAX_BODY; default 1048576)
  --grace-ms N         how long attempts in flight may finish after SIGTERM
                       (KANCA_GRACE_MS; default 10000)
  --tls-cert FILE      serve HTTPS with this PEM certificate chain (KANCA_TLS_CERT)
  --tls-key FILE       and this PEM key, RSA or EC, unencrypted (KANCA_TLS_KEY)
  --per-host N         attempts in flight to one host (KANCA_PER_HOST; default 6)
  --delivery-threads N threads the webhooks&apos; HTTP exchanges run on
                       (KANCA_DELIVERY_THREADS; default 0: one per core)
  --max-connections N  open connections at most (KANCA_MAX_CONNECTIONS; default 1024)
  --keep-events DAYS   forget accepted events after this long; their deliveries stay
                       in the history (KANCA_KEEP_EVENTS; default 30; 0 keeps them)
  --breaker N          after N failed attempts in a row to one host, pause it 30 s
                       (doubling up to 10 min) and then probe it (KANCA_BREAKER;
                       default 5; 0 turns the breaker off)

Exit status: 0 after a stop, 1 if it cannot start (the rule set, a secret, the
database, the port), 2 on a usage error, 4 if the database could no longer be
written (it stopped at once; see the log).
</source>
        <translation>Kullanım: kanca serve KURAL_SETİ [--listen ADRES:PORT] [--db YOL|URL] [--token-secret AD]
                   [--verify-secret AD] [--max-body BAYT] [--grace-ms N]
                   [--tls-cert DOSYA --tls-key DOSYA] [seçenekler]

KURAL_SETİ&apos;ni sunucu olarak çalıştırır: olaylar HTTP ile gelir, webhook&apos;lar gider.

  POST /v1/events  bir olay ya da en çok 1.000 olaylık bir JSON dizisi (kanca
                   render --event biçimi). Her olay denetlenir (tür, kimlik, alan
                   türleri), kuralları değerlendirilir, istekleri oluşturulur; olaylar
                   ve tüm gönderimleri yanıttan önce tek bir işlemle giden kutusuna
                   yazılır: 202 ve her olay için kimliği, eşleştiği kurallar ve
                   gönderim kimlikleri. Kimliği daha önce kabul edilmiş bir olay ilk
                   yanıtı yeniden alır ve hiçbir şey iki kez gönderilmez (isteğin tüm
                   olayları böyleyse 200). Hatalar: 400 geçersiz (her sorun JSON
                   işaretçisiyle; isteğin hiçbir kısmı kabul edilmez), 401, 413, 415,
                   422 (bir kural karar veremiyor), dururken 503.
  GET /healthz     süreç çalıştıkça 200
  GET /readyz      veritabanı yanıt veriyorsa, kural seti yüklüyse ve sunucu
                   durmuyorsa 200; değilse 503 ve hangi denetimin başarısız olduğu
  GET /metrics     Prometheus ölçümleri

Kural seti kanca validate --strict denetiminden geçmeli ve andığı her gizli
anahtar tanımlı olmalıdır; değilse sunucu başlamaz ve sorunları listeler. SIGHUP
ya da dosyanın değişmesi kural setini yeniden yükler: geçerli yeni dosya o andan
sonra kabul edilen olaylar için çalışır, geçersiz dosya günlüğe yazılır ve eski
kural seti çalışmaya devam eder. SIGTERM ya da SIGINT sunucuyu durdurur: yeni
olaylar 503 alır, süren denemelere bitmeleri için --grace-ms süre tanınır, geri
kalan her şey bir sonraki başlangıç için giden kutusunda kalır. Günlük, standart
hataya JSON satırları olarak yazılır; standart çıktının ilk satırı nereyi
dinlediğini söyler:
  {&quot;listening&quot;: &quot;http://127.0.0.1:8410&quot;, &quot;port&quot;: 8410}

Seçenekler (her biri adını taşıyan ortam değişkeninden de verilebilir):
  --listen ADRES:PORT  dinlenecek adres (KANCA_LISTEN; varsayılan 127.0.0.1:8410);
                       başka makinelerin erişebildiği bir adres için --token-secret
                       ya da --verify-secret gerekir
  --db YOL|URL         giden kutusu, geçmiş ve olaylar (KANCA_DB): bir SQLite dosyası
                       (varsayılan: uygulama verileri klasöründeki history.sqlite) ya
                       da birçok sunucunun paylaştığı bir PostgreSQL veritabanı,
                       postgresql://KULLANICI@SUNUCU:PORT/VERİTABANI (parola
                       PGPASSWORD ya da ~/.pgpass dosyasından)
  --token-secret AD    istemciler &quot;Authorization: Bearer &lt;belirteç&gt;&quot; gönderir;
                       belirteç KANCA_SECRET_&lt;AD&gt; değeridir (KANCA_TOKEN_SECRET)
  --verify-secret AD   istemciler Standard Webhooks (webhook-id, webhook-timestamp,
                       webhook-signature) ile KANCA_SECRET_&lt;AD&gt; gizli anahtarını
                       (whsec_...) kullanarak imzalar (KANCA_VERIFY_SECRET)
  --max-body BAYT      en büyük istek gövdesi (KANCA_MAX_BODY; varsayılan 1048576)
  --grace-ms N         SIGTERM&apos;den sonra süren denemelerin bitmek için ne kadar
                       bekleneceği (KANCA_GRACE_MS; varsayılan 10000)
  --tls-cert DOSYA     bu PEM sertifika zinciriyle HTTPS sunar (KANCA_TLS_CERT)
  --tls-key DOSYA      ve bu parolasız RSA ya da EC PEM anahtarıyla (KANCA_TLS_KEY)
  --per-host N         bir sunucuya aynı anda yapılan deneme sayısı (KANCA_PER_HOST;
                       varsayılan 6)
  --delivery-threads N webhook isteklerini gönderen iş parçacıkları
                       (KANCA_DELIVERY_THREADS; varsayılan 0: çekirdek başına bir)
  --max-connections N  en çok açık bağlantı (KANCA_MAX_CONNECTIONS; varsayılan 1024)
  --keep-events GÜN    kabul edilen olayları bu kadar gün sonra unutur; gönderimleri
                       geçmişte kalır (KANCA_KEEP_EVENTS; varsayılan 30; 0 saklar)
  --breaker N          bir sunucuya art arda N deneme başarısız olursa onu 30 sn
                       (10 dakikaya kadar ikiye katlanarak) bekletir, sonra yoklar
                       (KANCA_BREAKER; varsayılan 5; 0 devre kesiciyi kapatır)

Çıkış kodu: durdurulduktan sonra 0, başlayamazsa 1 (kural seti, bir gizli anahtar,
veritabanı, port), kullanım hatasında 2, veritabanına artık yazılamıyorsa 4 (hemen
durur; günlüğe bakın).
</translation>
    </message>
</context>
<context>
    <name>ServedRuleSet</name>
    <message>
        <source>secret &quot;%1&quot; is not set (set %2)</source>
        <translation>&quot;%1&quot; gizli anahtarının değeri yok (%2 değişkenini tanımlayın)</translation>
    </message>
</context>
<context>
    <name>SignatureVerifier</name>
    <message>
        <source>the secret is empty</source>
        <translation>gizli anahtar boş</translation>
    </message>
    <message>
        <source>the secret is not a Standard Webhooks secret: &quot;whsec_&quot; followed by base64</source>
        <translation>gizli anahtar bir Standard Webhooks anahtarı değil: &quot;whsec_&quot; ile başlamalı, ardından base64 gelmeli</translation>
    </message>
    <message>
        <source>no signature: neither webhook-signature nor %1 is present</source>
        <translation>imza yok: ne webhook-signature ne de %1 başlığı var</translation>
    </message>
    <message>
        <source>no webhook-signature header</source>
        <translation>webhook-signature başlığı yok</translation>
    </message>
    <message>
        <source>webhook-id or webhook-timestamp is present, but no webhook-signature</source>
        <translation>webhook-id ya da webhook-timestamp var ama webhook-signature yok</translation>
    </message>
    <message>
        <source>the request needs exactly one non-empty webhook-id header</source>
        <translation>istekte boş olmayan tam olarak bir webhook-id başlığı olmalı</translation>
    </message>
    <message>
        <source>the request needs exactly one webhook-timestamp header</source>
        <translation>istekte tam olarak bir webhook-timestamp başlığı olmalı</translation>
    </message>
    <message>
        <source>webhook-timestamp &quot;%1&quot; is not a number of seconds</source>
        <translation>webhook-timestamp &quot;%1&quot; bir saniye sayısı değil</translation>
    </message>
    <message>
        <source>the body was cut at the size cap, so its signature cannot be checked</source>
        <translation>gövde boyut sınırında kesildiği için imzası denetlenemiyor</translation>
    </message>
    <message>
        <source>webhook-signature holds no &quot;v1,&quot; signature</source>
        <translation>webhook-signature içinde &quot;v1,&quot; imzası yok</translation>
    </message>
    <message>
        <source>the signature does not match the body with this secret</source>
        <translation>imza, bu gizli anahtarla gövdeye uymuyor</translation>
    </message>
    <message numerus="yes">
        <source>the signature matches, but webhook-timestamp is %n second(s) old, beyond the tolerance of %1 seconds</source>
        <translation>
            <numerusform>imza uyuyor ama webhook-timestamp %n saniye eski; %1 saniyelik tolerans aşılmış</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the signature matches, but webhook-timestamp is %n second(s) in the future, beyond the tolerance of %1 seconds</source>
        <translation>
            <numerusform>imza uyuyor ama webhook-timestamp %n saniye ileride; %1 saniyelik tolerans aşılmış</numerusform>
        </translation>
    </message>
    <message>
        <source>no %1 header</source>
        <translation>%1 başlığı yok</translation>
    </message>
    <message>
        <source>the request has %1 headers named %2; one is expected</source>
        <translation>istekte %2 adlı %1 başlık var; bir tane olmalı</translation>
    </message>
    <message>
        <source>%1 does not start with &quot;%2&quot;</source>
        <translation>%1, &quot;%2&quot; ile başlamıyor</translation>
    </message>
    <message>
        <source>%1 holds neither 64 hex digits nor the base64 of a SHA-256 MAC</source>
        <translation>%1 ne 64 onaltılık basamak ne de bir SHA-256 MAC değerinin base64 hâlini içeriyor</translation>
    </message>
</context>
<context>
    <name>StorageFailure</name>
    <message>
        <source>Nothing can be sent: the history cannot be opened.</source>
        <translation>Hiçbir şey gönderilemiyor: geçmiş açılamıyor.</translation>
    </message>
    <message>
        <source>Sending has stopped: the history cannot be written.</source>
        <translation>Gönderim durdu: geçmişe yazılamıyor.</translation>
    </message>
    <message>
        <source>Send test and Resend send nothing until the history %1 opens; the deliveries already in it wait there.</source>
        <translation>%1 geçmişi açılana kadar test gönderimi ve yeniden gönderim hiçbir şey göndermez; içindeki teslimatlar orada bekler.</translation>
    </message>
    <message>
        <source>Free space on its disk, or make the file and its folder writable, then choose Open Again.</source>
        <translation>Diskinde yer açın ya da dosyayı ve klasörünü yazılabilir yapın, sonra Yeniden Aç&apos;ı seçin.</translation>
    </message>
    <message numerus="yes">
        <source>%n delivery(ies) may have reached the receiver without the result being recorded; sent again (with the same webhook-id) when sending resumes: %1.</source>
        <translation>
            <numerusform>%n teslimat, sonucu kaydedilmeden alıcısına ulaşmış olabilir; gönderim sürdüğünde (aynı webhook-id ile) yeniden gönderilir: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing is lost: every delivery not finished stays in the history %1 and is sent when sending resumes.</source>
        <translation>Hiçbir şey kaybolmadı: bitmemiş her teslimat %1 geçmişinde kalır ve gönderim sürdüğünde gönderilir.</translation>
    </message>
    <message>
        <source>Free space on its disk, or make the file and its folder writable, then choose Resume Sending.</source>
        <translation>Diskinde yer açın ya da dosyayı ve klasörünü yazılabilir yapın, sonra Gönderimi Sürdür&apos;ü seçin.</translation>
    </message>
    <message>
        <source>Open Again</source>
        <translation>Yeniden Aç</translation>
    </message>
    <message>
        <source>Resume Sending</source>
        <translation>Gönderimi Sürdür</translation>
    </message>
</context>
<context>
    <name>StrictJson</name>
    <message>
        <source>a control character (U+%1) stands raw in a string; JSON needs it escaped, as \n, \t or \u%1</source>
        <translation>bir dizgide kaçışsız bir kontrol karakteri (U+%1) var; JSON bunun \n, \t ya da \u%1 gibi kaçışlı yazılmasını ister</translation>
    </message>
    <message>
        <source>&quot;\u%1&quot; is half of a surrogate pair without its other half: no character; write the character itself or both halves</source>
        <translation>&quot;\u%1&quot; bir vekil (surrogate) çiftinin diğer yarısı olmayan yarısı: tek başına bir karakter değil; karakterin kendisini ya da iki yarısını birden yazın</translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation>geçerli bir JSON değil: %1</translation>
    </message>
    <message>
        <source>this is not a JSON value (text goes in double quotes; true, false and null are written in lower case)</source>
        <translation>bu bir JSON değeri değil (metin çift tırnak içinde yazılır; true, false ve null küçük harfle yazılır)</translation>
    </message>
    <message>
        <source>an object is not closed: a } is missing</source>
        <translation>bir nesne kapanmamış: bir } eksik</translation>
    </message>
    <message>
        <source>an array is not closed: a ] is missing</source>
        <translation>bir dizi kapanmamış: bir ] eksik</translation>
    </message>
    <message>
        <source>a member&apos;s name is missing here, or is not in double quotes</source>
        <translation>burada bir üyenin adı eksik ya da çift tırnak içinde değil</translation>
    </message>
    <message>
        <source>a comma (,) is missing before this value</source>
        <translation>bu değerden önce bir virgül (,) eksik</translation>
    </message>
    <message>
        <source>a comma (,) or a } is missing here</source>
        <translation>burada bir virgül (,) ya da } eksik</translation>
    </message>
    <message>
        <source>a comma (,) or a ] is missing here</source>
        <translation>burada bir virgül (,) ya da ] eksik</translation>
    </message>
    <message>
        <source>a comma (,) is missing between two values</source>
        <translation>iki değer arasında bir virgül (,) eksik</translation>
    </message>
    <message>
        <source>a colon (:) is missing after the member&apos;s name</source>
        <translation>üyenin adından sonra iki nokta (:) eksik</translation>
    </message>
    <message>
        <source>there is no JSON: the text is empty</source>
        <translation>JSON yok: metin boş</translation>
    </message>
    <message>
        <source>the text ends too early: a closing } or ] is missing</source>
        <translation>metin erken bitiyor: kapatan bir } ya da ] eksik</translation>
    </message>
    <message>
        <source>this number is not valid</source>
        <translation>bu sayı geçerli değil</translation>
    </message>
    <message>
        <source>this escape sequence (\…) is not valid in a string</source>
        <translation>bu kaçış dizisi (\…) bir metin içinde geçerli değil</translation>
    </message>
    <message>
        <source>the text is not valid UTF-8</source>
        <translation>metin geçerli UTF-8 değil</translation>
    </message>
    <message>
        <source>a string is not closed: a double quote (&quot;) is missing</source>
        <translation>bir metin kapanmamış: bir çift tırnak (&quot;) eksik</translation>
    </message>
    <message>
        <source>a value is missing after the colon</source>
        <translation>iki noktadan sonra bir değer eksik</translation>
    </message>
    <message>
        <source>a value is missing after the comma (no comma may come before } or ])</source>
        <translation>virgülden sonra bir değer eksik (} ya da ] önünde virgül olamaz)</translation>
    </message>
    <message>
        <source>the JSON is nested too deeply</source>
        <translation>JSON çok derin iç içe</translation>
    </message>
    <message>
        <source>the JSON is too large</source>
        <translation>JSON çok büyük</translation>
    </message>
    <message>
        <source>there is more text after the end of the JSON</source>
        <translation>JSON bittikten sonra başka metin var</translation>
    </message>
    <message>
        <source>&quot;\%1&quot; is not an escape of JSON: a backslash in a string is written twice (a regular expression&apos;s \d is &quot;\\d&quot; in JSON); the escapes are \&quot;, \\, \/, \b, \f, \n, \r, \t and \uXXXX</source>
        <translation>&quot;\%1&quot; bir JSON kaçış dizisi değil: bir dizgideki ters eğik çizgi iki kez yazılır (bir düzenli ifadenin \d&apos;si JSON&apos;da &quot;\\d&quot; olur); kaçış dizileri \&quot;, \\, \/, \b, \f, \n, \r, \t ve \uXXXX&apos;tir</translation>
    </message>
</context>
<context>
    <name>TestDestinations</name>
    <message>
        <source>%1 points at this computer (the local catcher?): a server that runs the rule set cannot reach it</source>
        <translation>%1 bu bilgisayarı gösteriyor (yerel yakalayıcı mı?): kural setini çalıştıran bir sunucu ona ulaşamaz</translation>
    </message>
    <message>
        <source>%1 is a webhook.site test URL: a server would send real events there</source>
        <translation>%1 bir webhook.site test URL&apos;si: bir sunucu oraya gerçek olaylar gönderir</translation>
    </message>
</context>
<context>
    <name>TestOutcome</name>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>yanıt yok</translation>
    </message>
    <message>
        <source>✓ Delivered: %1 in %2 ms, at attempt %3</source>
        <translation>✓ Teslim edildi: %1, %2 ms, %3. denemede</translation>
    </message>
    <message>
        <source>✓ Delivered: %1 in %2 ms</source>
        <translation>✓ Teslim edildi: %1, %2 ms</translation>
    </message>
    <message numerus="yes">
        <source>✗ HTTP %1 after %n attempt(s)</source>
        <translation>
            <numerusform>✗ %n denemeden sonra HTTP %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✗ No answer after %n attempt(s)</source>
        <translation>
            <numerusform>✗ %n denemeden sonra yanıt yok</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Gönderiliyor…</translation>
    </message>
    <message>
        <source>Webhook %1: %2</source>
        <translation>Webhook %1: %2</translation>
    </message>
    <message>
        <source>✗ Not recorded: the history cannot be written. The receiver may have got it; it is sent again when sending resumes.</source>
        <translation>✗ Kaydedilmedi: geçmişe yazılamıyor. Alıcı almış olabilir; gönderim sürdüğünde yeniden gönderilir.</translation>
    </message>
    <message>
        <source>✗ Not sent: sending stopped, the history cannot be written.</source>
        <translation>✗ Gönderilmedi: gönderim durdu, geçmişe yazılamıyor.</translation>
    </message>
</context>
<context>
    <name>ValidateCommand</name>
    <message>
        <source>Usage: kanca validate [--strict] FILE...

Checks rule sets of format version 1. For each valid file prints one line of
summary on standard output; for each problem prints one line on standard error:
  FILE:LINE:COL: /json/pointer: message
or, where the position is not known,
  FILE: /json/pointer: message

Options:
  --strict   treat unknown keys as errors, as for a file exported for a server
             (without it they are warnings)

Exit status: 0 if every file is valid, 1 if any is not, 2 on a usage error.
</source>
        <translation>Kullanım: kanca validate [--strict] DOSYA...

Biçim sürümü 1 olan kural setlerini denetler. Geçerli her dosya için standart
çıktıya tek satırlık bir özet, her sorun için standart hataya bir satır yazar:
  DOSYA:SATIR:SÜTUN: /json/pointer: mesaj
ya da, konum bilinmiyorsa:
  DOSYA: /json/pointer: mesaj

Seçenekler:
  --strict   bilinmeyen anahtarları, sunucu için dışa aktarılan dosyalardaki gibi
             hata sayar (bu seçenek olmadan uyarı olarak bildirilirler)

Çıkış kodu: tüm dosyalar geçerliyse 0, geçersiz dosya varsa 1, kullanım
hatasında 2.
</translation>
    </message>
    <message numerus="yes">
        <source>%1: valid: &quot;%2&quot;, locale %3, %n rule(s)</source>
        <translation>
            <numerusform>%1: geçerli: &quot;%2&quot;, dil %3, %n kural</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n enabled</source>
        <translation>
            <numerusform>%n etkin</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n action(s)</source>
        <translation>
            <numerusform>%n aksiyon</numerusform>
        </translation>
    </message>
    <message>
        <source>secrets: %1</source>
        <translation>gizli anahtarlar: %1</translation>
    </message>
    <message>
        <source>name at least one file</source>
        <translation>en az bir dosya belirtin</translation>
    </message>
</context>
</TS>
