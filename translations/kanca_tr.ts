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
        <source>No answer within %1</source>
        <translation>%1 içinde yanıt gelmedi</translation>
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
        <source>%1 closed the connection before the answer was complete</source>
        <translation>%1 yanıt tamamlanmadan bağlantıyı kapattı</translation>
    </message>
    <message>
        <source>The connection to %1 timed out</source>
        <translation>%1 ile bağlantı zaman aşımına uğradı</translation>
    </message>
    <message>
        <source>TLS: the secure connection to %1 failed: %2</source>
        <translation>TLS: %1 ile güvenli bağlantı kurulamadı: %2</translation>
    </message>
    <message>
        <source>The network is not available: %1</source>
        <translation>Ağ kullanılamıyor: %1</translation>
    </message>
    <message>
        <source>Proxy: %1</source>
        <translation>Proxy sunucusu: %1</translation>
    </message>
    <message>
        <source>Cannot send to %1: only http and https addresses are supported</source>
        <translation>%1 adresine gönderilemiyor: yalnızca http ve https adresleri desteklenir</translation>
    </message>
    <message>
        <source>The request cannot be sent: %1</source>
        <translation>İstek gönderilemiyor: %1</translation>
    </message>
    <message>
        <source>Network error: %1</source>
        <translation>Ağ hatası: %1</translation>
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
  help [COMMAND]     show this help, or a command&apos;s

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
  help [KOMUT]       bu yardımı ya da bir komutun yardımını gösterir

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
Exit status: 0 if every delivery finished here succeeded (or none was left), 3 if
any failed, 1 if the history cannot be opened, 2 on a usage error.
</source>
        <translation>Kullanım: kanca deliver [seçenekler]

Geçmişte yarım kalmış her gönderimi tamamlar: bir çökmeden ya da yarıda kesilen
bir kanca send komutundan sonra veya yeniden denemeler ileri bir zamana
planlandığında. Her gönderim kalan denemeleriyle ve kendi zaman planıyla sürer
(daha sonraya planlanmış denemeler beklenir). Biten her gönderim için, kanca send
gibi, bir JSON satırı yazar; bekleyen gönderim kalmayınca çıkar.

Seçenekler:
%1
Çıkış kodu: burada tamamlanan tüm gönderimler başarılıysa (ya da hiç gönderim
kalmamışsa) 0, başarısız olan varsa 3, geçmiş açılamıyorsa 1, kullanım
hatasında 2.
</translation>
    </message>
</context>
<context>
    <name>DeliveryRun</name>
    <message>
        <source>  --db PATH        the history database (default: $KANCA_DB, else history.sqlite
                   in the application-data folder)
  --per-host N     at most N requests in flight to one host (default 6)
  --http1          never use HTTP/2 (it is used where a server offers it)
</source>
        <translation>  --db YOL         geçmiş veritabanı (varsayılan: $KANCA_DB, o da yoksa uygulama
                   verileri klasöründeki history.sqlite)
  --per-host N     bir sunucuya aynı anda en çok N istek (varsayılan 6)
  --http1          HTTP/2 hiç kullanılmaz (yoksa sunucu destekliyorsa kullanılır)
</translation>
    </message>
    <message>
        <source>--per-host takes a number from 1 to 1000, not &quot;%1&quot;</source>
        <translation>--per-host için 1 ile 1000 arasında bir sayı yazın; &quot;%1&quot; geçersiz</translation>
    </message>
    <message>
        <source>history: %1</source>
        <translation>geçmiş: %1</translation>
    </message>
</context>
<context>
    <name>EventInput</name>
    <message>
        <source>%1: cannot be read: %2</source>
        <translation>%1: okunamıyor: %2</translation>
    </message>
    <message>
        <source>--sample: unknown event type &quot;%1&quot;%2</source>
        <translation>--sample: bilinmeyen olay türü &quot;%1&quot;%2</translation>
    </message>
</context>
<context>
    <name>EventReader</name>
    <message>
        <source>not valid JSON: %1</source>
        <translation>geçerli bir JSON değil: %1</translation>
    </message>
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
    <name>HistoryCommand</name>
    <message>
        <source>Usage: kanca history [--db PATH] [--json] [--limit N] [--rule ID]
                     [--status succeeded|failed|pending]

Lists deliveries, newest first: a table for people by default; with --json, one
JSON array of deliveries, each with its &quot;attempts&quot;: the request sent (secret
header values masked), the response or the error, and durations. Bodies are kept
up to 256 KiB; &quot;bodySize&quot; is the real size and &quot;bodyTruncated&quot; says when the
kept body is shorter.

Options:
  --db PATH        the history database (default: $KANCA_DB, else history.sqlite
                   in the application-data folder)
  --json           JSON output
  --limit N        at most N deliveries (default 20)
  --rule ID        only deliveries of rule ID
  --status S       only succeeded, failed or pending deliveries

Exit status: 0 on success, 1 if the history cannot be read, 2 on a usage error.
</source>
        <translation>Kullanım: kanca history [--db YOL] [--json] [--limit N] [--rule KİMLİK]
                        [--status succeeded|failed|pending]

Gönderimleri en yenisi başta olmak üzere listeler: varsayılan olarak insanlar için
bir tablo; --json ile tek bir JSON gönderim dizisi. Her gönderimin &quot;attempts&quot;
listesinde gönderilen istek (gizli başlık değerleri maskelenir), yanıt ya da hata
ve süreler yer alır. Gövdeler en çok 256 KiB olarak saklanır; &quot;bodySize&quot; gerçek
boyutu verir, &quot;bodyTruncated&quot; saklanan gövdenin kısaltıldığını belirtir.

Seçenekler:
  --db YOL         geçmiş veritabanı (varsayılan: $KANCA_DB, o da yoksa uygulama
                   verileri klasöründeki history.sqlite)
  --json           JSON çıktısı
  --limit N        en çok N gönderim (varsayılan 20)
  --rule KİMLİK    yalnızca KİMLİK kuralının gönderimleri
  --status D       yalnızca başarılı (succeeded), başarısız (failed) ya da
                   bekleyen (pending) gönderimler

Çıkış kodu: başarıda 0, geçmiş okunamıyorsa 1, kullanım hatasında 2.
</translation>
    </message>
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
    <name>JsonLocator</name>
    <message>
        <source>duplicate key &quot;%1&quot;: a key may appear once in an object</source>
        <translation>&quot;%1&quot; anahtarı birden fazla kez yazılmış: bir nesnede her anahtar yalnızca bir kez yer alabilir</translation>
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
        <translation>&quot;%1&quot; başlığını aksiyonun kimlik doğrulama ayarı ekler; başlıklardan kaldırın</translation>
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
    <name>Kanca::HttpAttempt</name>
    <message>
        <source>The URL %1 is not valid: %2</source>
        <translation>%1 geçerli bir URL değil: %2</translation>
    </message>
</context>
<context>
    <name>Kanca::HttpServer</name>
    <message>
        <source>Cannot listen on %1: %2</source>
        <translation>%1 adresi dinlenemiyor: %2</translation>
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

Exit status: 0 on success, 1 if the rule set or the event is invalid or a request cannot
be rendered (problems on standard error, as kanca validate prints them), 2 on a usage
error.
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

Çıkış kodu: başarıda 0; kural seti ya da olay geçersizse veya bir istek
oluşturulamıyorsa 1 (sorunlar, kanca validate komutundaki biçimde standart hataya
yazılır); kullanım hatasında 2.
</translation>
    </message>
    <message>
        <source>name exactly one rule set file</source>
        <translation>tam olarak bir kural seti dosyası belirtin</translation>
    </message>
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
    <name>ResendCommand</name>
    <message>
        <source>name exactly one delivery id</source>
        <translation>tam olarak bir gönderim kimliği belirtin</translation>
    </message>
    <message>
        <source>Usage: kanca resend DELIVERY_ID [options]

Sends a delivery of the history again: a new delivery (with a new id) of the same
request, linked to the original, signed anew with a fresh timestamp, with the
original&apos;s timeout and retry policy. Prints its JSON line when it finishes.

Options:
%1
Exit status: 0 if it succeeded, 3 if it failed, 1 if there is no such delivery or
the history cannot be opened, 2 on a usage error.
</source>
        <translation>Kullanım: kanca resend GÖNDERİM_KİMLİĞİ [seçenekler]

Geçmişteki bir gönderimi yeniden gönderir: aynı istek, asıl gönderime bağlı ve
yeni kimlikli yeni bir gönderim olarak gider; yeni bir zaman damgasıyla yeniden
imzalanır, asıl gönderimin zaman aşımı ve yeniden deneme ayarlarını kullanır.
Bittiğinde JSON satırını yazar.

Seçenekler:
%1
Çıkış kodu: başarılıysa 0, başarısızsa 3, böyle bir gönderim yoksa ya da geçmiş
açılamıyorsa 1, kullanım hatasında 2.
</translation>
    </message>
    <message>
        <source>No delivery &quot;%1&quot; in %2</source>
        <translation>%2 içinde &quot;%1&quot; diye bir gönderim yok</translation>
    </message>
</context>
<context>
    <name>RuleSetLoader</name>
    <message>
        <source>no such file</source>
        <translation>böyle bir dosya yok</translation>
    </message>
    <message>
        <source>is a folder, not a file</source>
        <translation>dosya değil, klasör</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>okunamıyor: %1</translation>
    </message>
    <message>
        <source>is %1 MB; files larger than %2 MB are not read</source>
        <translation>boyutu %1 MB; %2 MB üzerindeki dosyalar okunmaz</translation>
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
        <translation>bilinmeyen kimlik doğrulama türü &quot;%1&quot;%2: none, basic, bearer ya da header kullanın</translation>
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
        <source>not valid JSON: %1</source>
        <translation>geçerli bir JSON değil: %1</translation>
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
    <name>SendCommand</name>
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
1 on invalid input (nothing sent), 2 on a usage error.
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
başarısız olan varsa 3, geçersiz girdide (hiçbir şey gönderilmez) 1, kullanım
hatasında 2.
</translation>
    </message>
    <message>
        <source>name exactly one rule set file</source>
        <translation>tam olarak bir kural seti dosyası belirtin</translation>
    </message>
    <message>
        <source>give either --event or --sample</source>
        <translation>--event ya da --sample seçeneklerinden birini verin</translation>
    </message>
    <message>
        <source>--lang takes &quot;en&quot; or &quot;tr&quot;, not &quot;%1&quot;</source>
        <translation>--lang için &quot;en&quot; ya da &quot;tr&quot; yazın; &quot;%1&quot; geçersiz</translation>
    </message>
    <message>
        <source>No enabled rule matches this event; nothing to send.</source>
        <translation>Bu olayla eşleşen etkin kural yok; gönderilecek bir şey yok.</translation>
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
    <message>
        <source>kanca validate: name at least one file</source>
        <translation>kanca validate: en az bir dosya belirtin</translation>
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
</context>
</TS>
