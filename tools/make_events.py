#!/usr/bin/env python3
"""Writes a realistic events file for backtests: one event per line (JSON lines), every event
type of the catalog, Turkish and English contacts and messages, tags, platforms, scores and the
keywords of the help pages (fiyat, demo, teklif, hata, çalışmıyor, destek; price, demo, quote,
error, not working, support). The randomness is seeded: the same seed writes the same file.

    tools/make_events.py [--count N] [--seed S] [--out FILE]

Defaults: 5,000 events, seed 2026, resources/examples/events.jsonl. Each event is the catalog's
sample of its type (resources/catalog/samples-*.json: the shared parts of "base" merged with the
type's own) with its values varied, so that it has exactly the parts that event type carries.
"""
import argparse
import copy
import datetime
import json
import pathlib
import random

ROOT = pathlib.Path(__file__).resolve().parent.parent

FIRST_TR = ["Ayşe", "Mehmet", "Zeynep", "Mustafa", "Elif", "Ahmet", "Fatma", "Emre", "Şule", "Çağla",
            "İbrahim", "Gökhan", "Özge", "Ümit", "Büşra", "Oğuz", "Işıl", "Kübra", "Serkan", "Dilek"]
LAST_TR = ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın", "Özdemir",
           "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Koç", "Kurt", "Özkan", "Şimşek", "Güneş"]
FIRST_EN = ["Emma", "Liam", "Olivia", "Noah", "Ava", "James", "Sophia", "Lucas", "Mia", "Ethan",
            "Grace", "Daniel", "Chloe", "Henry", "Zoe", "Samuel", "Ella", "Jack"]
LAST_EN = ["Smith", "Johnson", "Brown", "Taylor", "Wilson", "Davies", "Evans", "Thomas", "Clarke",
           "Walker", "Wright", "Hughes", "Green", "Hall", "Wood", "Baker"]
CITIES_TR = [("İstanbul", "Türkiye"), ("Ankara", "Türkiye"), ("İzmir", "Türkiye"),
             ("Bursa", "Türkiye"), ("Antalya", "Türkiye"), ("Eskişehir", "Türkiye")]
CITIES_EN = [("London", "United Kingdom"), ("Manchester", "United Kingdom"), ("Berlin", "Germany"),
             ("Amsterdam", "Netherlands"), ("Dublin", "Ireland"), ("New York", "United States")]
COMPANIES_TR = ["Çağdaş Lojistik A.Ş.", "Işık Yazılım", "Güneş Enerji Ltd.", "Öz Gıda",
                "Doğa Tekstil", "Şimşek Kargo", "Ilgaz Turizm", None]
COMPANIES_EN = ["Northwind Traders", "Brightline Ltd", "Acme Logistics", "Blue Harbor",
                "Green Leaf Foods", None]
TAGS_TR = ["VIP", "Kurumsal", "İstanbul Bölgesi", "Yeni Müşteri", "Bayi", "Geri Dönüş Bekliyor",
           "Kampanya", "Öncelikli"]
TAGS_EN = ["VIP", "Enterprise", "Newsletter", "Trial", "Reseller", "Follow-up", "Priority"]
PLATFORMS = ["WhatsApp", "WhatsApp", "WhatsApp", "Instagram", "Messenger", "Telegram", "Web", "Web",
             "Email", "SMS"]
STAGES_TR = ["Potansiyel Müşteri", "İlk Görüşme", "Teklif Aşaması", "Müzakere", "Kazanıldı",
             "Kaybedildi"]
STAGES_EN = ["Lead", "First Call", "Proposal", "Negotiation", "Won", "Lost"]
AGENTS = ["Mehmet Öztürk", "Selin Aksoy", "Burak Şen", "Emma Clarke", "Daniel Hughes", None]

# First messages, with the keywords rules look for (and messages without any).
MESSAGES_TR = [
    "Merhaba, kurumsal paket için fiyat teklifi alabilir miyim?",
    "Ekibimize bir demo gösterebilir misiniz?",
    "Fiyat listesini paylaşır mısınız? Yıllık ödemede indirim var mı?",
    "Ödeme sayfası çalışmıyor; kartla öderken hata alıyoruz.",
    "Uygulama açılmıyor, sürekli hata veriyor. Acil destek lazım.",
    "Siparişim hâlâ gelmedi, kargo takip numarası çalışmıyor.",
    "Destek ekibiyle görüşmek istiyorum, faturamda yanlışlık var.",
    "Şifremi unuttum, hesabıma giremiyorum. DESTEK alabilir miyim?",
    "Teklifinizi aldık, birkaç sorumuz var.",
    "Merhaba, çalışma saatleriniz nedir?",
    "İade sürecini öğrenmek istiyorum.",
    "Teşekkürler, her şey yolunda.",
    "SİSTEM ÇALIŞMIYOR, lütfen hemen dönüş yapın!",
    "Bayilik şartlarınız hakkında bilgi alabilir miyim?",
    "Kampanya kodu geçmiyor, yardımcı olur musunuz?",
]
MESSAGES_EN = [
    "Hi, could we get a price quote for the business plan?",
    "Can you show our team a demo next week?",
    "What is the price for 50 seats? Any discount for yearly billing?",
    "The checkout page is not working, we get an error when paying by card.",
    "The app keeps crashing with an error. We need support urgently.",
    "My order has not arrived and the tracking link is not working.",
    "I would like to talk to support about my invoice.",
    "I forgot my password and cannot log in.",
    "Thanks for the quote, we have a few questions.",
    "Hello, what are your opening hours?",
    "How do returns work?",
    "All good now, thank you!",
]
KEYWORDS_TR = ["fiyat", "demo", "teklif", "iade", "destek", "kampanya"]
KEYWORDS_EN = ["price", "demo", "quote", "refund", "support"]
SUBJECTS_TR = ["Kasım bülteni", "Teklifiniz hazır", "Demo davetiyesi", "Fatura hatırlatması"]
SUBJECTS_EN = ["November newsletter", "Your quote is ready", "Demo invitation", "Invoice reminder"]

# How often each event type happens, roughly as a live-chat workspace sees them.
WEIGHTS = {
    "chat.opened": 20, "message.created": 22, "chat.closed": 12, "chat.keywordUsed": 8,
    "contact.created": 8, "contact.updated": 5, "chat.assigned": 5, "chat.rated": 4,
    "chat.idle": 3, "contact.tagAdded": 3, "contact.tagRemoved": 1, "contact.scoreReached": 2,
    "contact.funnelStageChanged": 2, "contact.subscribedByEmail": 1, "contact.blocked": 1,
    "contact.deleted": 1, "chat.transcriptSent": 1, "chat.copilotEnabled": 1,
    "chat.copilotDisabled": 1, "email.opened": 2,
}


def merge(base, extra):
    out = copy.deepcopy(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def vary(event, rng, turkish, number, moment):
    first = rng.choice(FIRST_TR if turkish else FIRST_EN)
    last = rng.choice(LAST_TR if turkish else LAST_EN)
    city, country = rng.choice(CITIES_TR if turkish else CITIES_EN)
    message = rng.choice(MESSAGES_TR if turkish else MESSAGES_EN)
    ascii_name = (first + "." + last).lower().translate(str.maketrans("çğıöşüİ", "cgiosui"))
    event["id"] = "evt_bt_%06d" % number
    event["occurredAt"] = iso(moment)
    if "workspace" in event:
        event["workspace"]["name"] = "Işık Yazılım Destek" if turkish else "Brightline Support"
    contact = event.get("contact")
    if isinstance(contact, dict):
        contact["id"] = "c_%06d" % rng.randrange(1, 400000)
        contact["fullname"] = first + " " + last
        contact["email"] = ascii_name + ("@example.com.tr" if turkish else "@example.com")
        phone = "+90 5%02d %03d %02d %02d" % (rng.randrange(30, 60), rng.randrange(1000),
                                              rng.randrange(100), rng.randrange(100))
        contact["phone"] = phone if turkish else "+44 7%03d %06d" % (rng.randrange(1000),
                                                                    rng.randrange(10 ** 6))
        contact["whatsappNumber"] = contact["phone"]
        contact["tags"] = rng.sample(TAGS_TR if turkish else TAGS_EN, rng.randrange(0, 4))
        contact["platform"] = rng.choice(PLATFORMS)
        contact["company"] = rng.choice(COMPANIES_TR if turkish else COMPANIES_EN)
        contact["city"], contact["country"] = city, country
        contact["score"] = rng.randrange(0, 101)
        stages = STAGES_TR if turkish else STAGES_EN
        stage = rng.randrange(len(stages))
        contact["funnelStage"] = stages[stage]
        if "previousFunnelStage" in contact:
            contact["previousFunnelStage"] = stages[max(0, stage - 1)]
    conversation = event.get("conversation")
    if isinstance(conversation, dict):
        conversation["id"] = "conv_%06d" % rng.randrange(1, 900000)
        conversation["firstMessage"] = message
        conversation["lastMessage"] = rng.choice(MESSAGES_TR if turkish else MESSAGES_EN)
        conversation["startedAt"] = iso(moment - datetime.timedelta(minutes=rng.randrange(0, 90)))
        conversation["messageCount"] = rng.randrange(1, 40)
        conversation["agent"] = rng.choice(AGENTS)
        if "rating" in conversation:
            conversation["rating"] = rng.choice([1, 2, 3, 4, 5, 5, 5, 4])
        if "idleMinutes" in conversation:
            conversation["idleMinutes"] = rng.randrange(5, 180)
        if "endedAt" in conversation:
            conversation["endedAt"] = iso(moment)
        if "outcome" in conversation:
            conversation["outcome"] = rng.choice(["lead_captured", "handoff_requested",
                                                  "resolved", "abandoned"])
    msg = event.get("message")
    if isinstance(msg, dict):
        msg["text"] = message
        if "sender" in msg:
            msg["sender"] = rng.choice(["visitor", "visitor", "visitor", "agent", "bot"])
        if "keyword" in msg:
            msg["keyword"] = rng.choice(KEYWORDS_TR if turkish else KEYWORDS_EN)
    tag = event.get("tag")
    if isinstance(tag, dict):
        tag["name"] = rng.choice(TAGS_TR if turkish else TAGS_EN)
    email = event.get("email")
    if isinstance(email, dict):
        email["subject"] = rng.choice(SUBJECTS_TR if turkish else SUBJECTS_EN)
    return event


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--out", default=str(ROOT / "resources" / "examples" / "events.jsonl"))
    args = parser.parse_args()

    samples = {}
    for language in ("tr", "en"):
        data = json.loads((ROOT / "resources" / "catalog" / f"samples-{language}.json")
                          .read_text(encoding="utf-8"))
        samples[language] = {kind: merge(data["base"], event)
                             for kind, event in data["events"].items()}
    catalog = json.loads((ROOT / "resources" / "catalog" / "catalog.json").read_text("utf-8"))
    kinds = [e["id"] for e in catalog["events"]]
    missing = set(kinds) - set(WEIGHTS)
    if missing:
        raise SystemExit(f"no weight for the event types {sorted(missing)}")

    rng = random.Random(args.seed)
    start = datetime.datetime(2026, 11, 1, 8, 0, 0)
    moment = start
    weights = [WEIGHTS[k] for k in kinds]
    lines = []
    for number in range(1, args.count + 1):
        # The first events cover every type once, then they come as often as they happen.
        kind = kinds[number - 1] if number <= len(kinds) else rng.choices(kinds, weights)[0]
        turkish = rng.random() < 0.6
        moment += datetime.timedelta(seconds=rng.randrange(5, 900))
        event = vary(copy.deepcopy(samples["tr" if turkish else "en"][kind]), rng, turkish, number,
                     moment)
        event = {"type": event.pop("type"), "id": event.pop("id"),
                 "occurredAt": event.pop("occurredAt"), **event}
        lines.append(json.dumps(event, ensure_ascii=False, separators=(",", ":")))
    out = pathlib.Path(args.out)
    tmp = out.with_suffix(out.suffix + ".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(out)


if __name__ == "__main__":
    main()
