BEGIN TRANSACTION;
CREATE TABLE channel_deliveries (
  id INTEGER PRIMARY KEY,
  digest_id INTEGER NOT NULL REFERENCES digests(id),
  channel TEXT NOT NULL,
  created_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending',
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  payload TEXT NOT NULL,
  event_count INTEGER NOT NULL DEFAULT 0,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_attempt_at TEXT,
  last_error TEXT,
  sent_at TEXT,
  UNIQUE (digest_id, channel)
);
CREATE TABLE checks (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  pid INTEGER,
  status TEXT NOT NULL DEFAULT 'running',
  summary TEXT
);
INSERT INTO "checks" VALUES(1,'2026-12-03T14:27:02Z','2026-12-03T14:27:03Z',23589,'done','{"new": 4, "changed": 0, "removed": 0, "errors": 0}');
INSERT INTO "checks" VALUES(2,'2026-12-03T14:27:03Z','2026-12-03T14:27:04Z',23589,'done','{"new": 0, "changed": 1, "removed": 1, "errors": 0}');
CREATE TABLE digests (
  id INTEGER PRIMARY KEY,
  digest_key TEXT NOT NULL UNIQUE,
  message_id TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending',
  subject TEXT NOT NULL,
  text TEXT NOT NULL,
  html TEXT NOT NULL,
  counts TEXT NOT NULL,
  event_count INTEGER NOT NULL DEFAULT 0,
  notices TEXT NOT NULL DEFAULT '[]',
  attempts INTEGER NOT NULL DEFAULT 0,
  last_attempt_at TEXT,
  last_error TEXT,
  sent_at TEXT,
  destination TEXT
);
INSERT INTO "digests" VALUES(1,'20261203-1-54b901e4','<monitor.20261203-1-54b901e4@localhost>','2026-12-03T14:27:04Z','sent','monitor: 1 edited, 1 removed — វឌ្ឍនភាពការងារបោសសម្អាតមីន និងសំណល់ជាតិផ្ទុះពីសង្គ្រាម','Press release monitor · 03 Dec 2026, 14:27 UTC
1 edited · 1 removed · 4 in baseline

Started watching 1 source: ministry (4 releases). These releases are kept as the baseline and not listed; from now on new, edited and removed releases are reported.

== EDITED RELEASES (1) ==
Changes are marked [-deleted-] and {+inserted+}.

* វឌ្ឍនភាពការងារបោសសម្អាតមីន និងសំណល់ជាតិផ្ទុះពីសង្គ្រាម
  ministry · 15 Feb 2024
  {origin}/2024/02/15/khmer-press-release-mine-clearance-progress-2024/
  Theme: demining (matched: សំណល់ជាតិផ្ទុះ, បោសសម្អាតមីន, កំចាត់មីន, CMAA)

  រាជធានីភ្នំពេញ ថ្ងៃទី១៥ ខែកុម្ភៈ ឆ្នាំ២០២៤
  {+A paragraph the ministry added after publishing this release.+}

== REMOVED RELEASES (1) ==

* Cambodia and the Republic of Korea Discuss Trade and Investment Cooperation
  ministry · 8 Nov 2023
  {origin}/2023/11/08/cambodia-and-korea-discuss-trade-and-investment-cooperation/
  Why: answers HTTP 404 (confirmed by a second request)
  Last version: text/ministry/cambodia-and-korea-discuss-trade-and-investment-cooperation-f513de39/v0001.txt in the monitor''s store

--
Sent by monitor after checking the watched press pages. Digest 20261203-1-54b901e4.
','<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="supported-color-schemes" content="light">
<title>monitor: 1 edited, 1 removed — វឌ្ឍនភាពការងារបោសសម្អាតមីន និងសំណល់ជាតិផ្ទុះពីសង្គ្រាម</title>
</head>
<body style="margin:0;padding:0;background:#f1f3f4;-webkit-text-size-adjust:100%">
<div style="display:none;max-height:0;overflow:hidden;mso-hide:all">1 edited · 1 removed · 4 in baseline</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f1f3f4">
<tr><td align="center" style="padding:12px 6px">
<!--[if mso]><table role="presentation" width="640" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:640px;background:#ffffff;border:1px solid #dadce0;border-radius:8px;font-family:-apple-system,BlinkMacSystemFont,&#39;Segoe UI&#39;,Roboto,&#39;Noto Sans&#39;,&#39;Noto Sans Khmer&#39;,&#39;Khmer OS System&#39;,&#39;Khmer OS&#39;,Arial,sans-serif;color:#202124">
<tr><td style="padding:18px 20px 4px">
  <div style="color:#5f6368;font-size:13px;line-height:1.4">Press release monitor · 03 Dec 2026, 14:27 UTC</div>
  <div style="font-size:19px;font-weight:700;line-height:1.3;margin-top:4px">1 edited · 1 removed · 4 in baseline</div>
</td></tr>
<tr><td style="padding:10px 20px 4px">
  <div style="background:#e8f0fe;border-radius:6px;padding:10px 12px;font-size:14px;line-height:1.45;color:#174ea6">Started watching 1 source: ministry (4 releases). These releases are kept as the baseline and not listed; from now on new, edited and removed releases are reported.</div>
</td></tr>
<tr><td style="padding:20px 20px 6px">
  <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr>
    <td style="border-left:4px solid #e37400;padding:2px 0 2px 10px;font-size:17px;font-weight:700;color:#202124">Edited releases <span style="color:#5f6368;font-weight:400">(1)</span></td>
  </tr></table>
</td></tr>
<tr><td style="padding:0 20px 6px;color:#5f6368;font-size:13px;line-height:1.4">Deleted words are <del style="color:#b00020;text-decoration:line-through;background:#fde7e9">struck through</del>, inserted ones <ins style="color:#05652d;text-decoration:none;background:#e6f4ea">in green</ins>.</td></tr>
<tr><td style="padding:12px 20px;border-top:1px solid #eceff1">
  <a href="{origin}/2024/02/15/khmer-press-release-mine-clearance-progress-2024/" style="color:#1a56db;text-decoration:none;font-size:16px;font-weight:600;line-height:1.35">វឌ្ឍនភាពការងារបោសសម្អាតមីន និងសំណល់ជាតិផ្ទុះពីសង្គ្រាម</a><div style="color:#5f6368;font-size:13px;line-height:1.4;margin-top:3px">ministry · 15 Feb 2024</div>

  <div style="margin-top:8px;font-size:13px;line-height:1.45;color:#3c4043">
  <span style="display:inline-block;padding:1px 8px;border-radius:10px;background:#eef2ff;color:#3730a3;font-size:12px;font-weight:600">demining</span> matched <b>សំណល់ជាតិផ្ទុះ</b>, <b>បោសសម្អាតមីន</b>, <b>កំចាត់មីន</b>, <b>CMAA</b>  <div style="margin-top:4px;padding-left:10px;border-left:3px solid #dadce0;color:#3c4043">“…និងសហប្រតិបត្តិការអន្តរជាតិ បានចូលរួមកិច្ចប្រជុំពិនិត្យវឌ្ឍនភាពការងារបោសសម្អាតមីន និងសំណល់ជាតិផ្ទុះពីសង្គ្រាម ដែលរៀបចំដោយអាជ្ញាធរកម្ពុជាសកម្មភាព<b style="background:#fff4c2">កំចាត់មីន</b> និងសង្គ្រោះជនរងគ្រោះដោយសារមីន (CMAA) នៅរាជធានីភ្នំពេញ។”</div>
</div>

  <div style="margin-top:8px;padding:10px 12px;background:#f8f9fa;border-radius:6px;font-size:14px;line-height:1.5;color:#202124;word-wrap:break-word">
<div class="diff" style="line-height:1.5">
<div style="margin:0 0 1em"><div style="color:#5f6368">រាជធានីភ្នំពេញ ថ្ងៃទី១៥ ខែកុម្ភៈ ឆ្នាំ២០២៤</div><div><ins style="color:#05652d;text-decoration:none;background:#e6f4ea">A paragraph the ministry added after publishing this release.</ins></div></div>
</div>  </div>
</td></tr>
<tr><td style="padding:20px 20px 6px">
  <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr>
    <td style="border-left:4px solid #c5221f;padding:2px 0 2px 10px;font-size:17px;font-weight:700;color:#202124">Removed releases <span style="color:#5f6368;font-weight:400">(1)</span></td>
  </tr></table>
</td></tr>
<tr><td style="padding:12px 20px;border-top:1px solid #eceff1">
  <a href="{origin}/2023/11/08/cambodia-and-korea-discuss-trade-and-investment-cooperation/" style="color:#1a56db;text-decoration:none;font-size:16px;font-weight:600;line-height:1.35">Cambodia and the Republic of Korea Discuss Trade and Investment Cooperation</a><div style="color:#5f6368;font-size:13px;line-height:1.4;margin-top:3px">ministry · 8 Nov 2023</div>

<div style="margin-top:6px;font-size:14px;line-height:1.45;color:#3c4043">answers HTTP 404 (confirmed by a second request)</div><div style="margin-top:4px;color:#5f6368;font-size:13px;line-height:1.4;word-break:break-all">Last version: <span style="font-family:Menlo,Consolas,monospace;font-size:12px;color:#3c4043">text/ministry/cambodia-and-korea-discuss-trade-and-investment-cooperation-f513de39/v0001.txt</span> in the monitor''s store</div></td></tr>
<tr><td style="padding:16px 20px 18px;border-top:1px solid #eceff1;color:#5f6368;font-size:13px;line-height:1.4;font-size:12px">
  Sent by monitor after checking the watched press pages. Digest 20261203-1-54b901e4.
</td></tr>
</table>
<!--[if mso]></td></tr></table><![endif]-->
</td></tr>
</table>
</body>
</html>
','{"new": 0, "changed": 1, "removed": 1, "baseline": 4, "failing": 0, "recovered": 0}',6,'[]',1,'2026-12-03T14:27:04Z',NULL,'2026-12-03T14:27:04Z','/tmp/tmp32xqkize/outbox/20261203-142704-20261203-1-54b901e4.eml');
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  check_id INTEGER,
  kind TEXT NOT NULL,
  release_id INTEGER NOT NULL REFERENCES releases(id),
  version_id INTEGER,
  previous_version_id INTEGER,
  created_at TEXT NOT NULL,
  baseline INTEGER NOT NULL DEFAULT 0,
  payload TEXT NOT NULL,
  digest_id INTEGER
);
INSERT INTO "events" VALUES(1,1,'new',4,4,NULL,'2026-12-03T14:27:03Z',1,'{"kind": "new", "source": "ministry", "url": "{origin}/2024/03/04/notice-on-consular-services-during-the-khmer-new-year-holidays/", "title": "Notice on Consular Services During the Khmer New Year Holidays", "baseline": true, "date": "2024-03-04", "diff": null, "diff_html": null, "reason": null, "version_id": 4, "previous_version_id": null, "themes": [], "mentions": [], "related": [], "archived": null, "restored": false}',1);
INSERT INTO "events" VALUES(2,1,'new',5,5,NULL,'2026-12-03T14:27:03Z',1,'{"kind": "new", "source": "ministry", "url": "{origin}/2024/02/15/khmer-press-release-mine-clearance-progress-2024/", "title": "វឌ្ឍនភាពការងារបោសសម្អាតមីន និងសំណល់ជាតិផ្ទុះពីសង្គ្រាម", "baseline": true, "date": "2024-02-15", "diff": null, "diff_html": null, "reason": null, "version_id": 5, "previous_version_id": null, "themes": [{"theme": "demining", "score": 11.25, "evidence": [["សំណល់ជាតិផ្ទុះ", "វឌ្ឍនភាពការងារបោសសម្អាតមីន និងសំណល់ជាតិផ្ទុះពីសង្គ្រាម"], ["បោសសម្អាតមីន", "វឌ្ឍនភាពការងារបោសសម្អាតមីន និងសំណល់ជាតិផ្ទុះពីសង្គ្រាម"], ["កំចាត់មីន", "នៅថ្ងៃទី១៥ ខែកុម្ភៈ ឆ្នាំ២០២៤ ក្រសួងការបរទេស និងសហប្រតិបត្តិការអន្តរជាតិ បានចូលរួមកិច្ចប្រជុំពិនិត្យវឌ្ឍនភាពការងារបោសសម្អាតមីន និងសំណល់ជាតិផ្ទុះពីសង្គ្រាម ដែលរៀបចំដោយអាជ្ញាធរកម្ពុជាសកម្មភាពកំចាត់មីន និងសង្គ្រោះជនរងគ្រោះដោយសារមីន (CMAA) នៅរាជធានីភ្នំពេញ។"], ["CMAA", "នៅថ្ងៃទី១៥ ខែកុម្ភៈ ឆ្នាំ២០២៤ ក្រសួងការបរទេស និងសហប្រតិបត្តិការអន្តរជាតិ បានចូលរួមកិច្ចប្រជុំពិនិត្យវឌ្ឍនភាពការងារបោសសម្អាតមីន និងសំណល់ជាតិផ្ទុះពីសង្គ្រាម ដែលរៀបចំដោយអាជ្ញាធរកម្ពុជាសកម្មភាពកំចាត់មីន និងសង្គ្រោះជនរងគ្រោះដោយសារមីន (CMAA) នៅរាជធានីភ្នំពេញ។"], ["គ្រាប់មិនទាន់ផ្ទុះ", "យោងតាមរបាយការណ៍ ក្នុងឆ្នាំ២០២៣ ប្រតិបត្តិករកំចាត់មីន រួមទាំងមជ្ឈមណ្ឌលសកម្មភាពកំចាត់មីនកម្ពុជា (CMAC) បានបោសសម្អាតដីប្រមាណ ២០០ គីឡូម៉ែត្រការ៉េ និងបានកម្ទេចគ្រាប់មីន និងគ្រាប់មិនទាន់ផ្ទុះជាច្រើនម៉ឺនគ្រាប់ ដែលជួយឱ្យប្រជាពលរដ្ឋមានដីសម្រាប់ធ្វើកសិកម្ម និងសាងសង់សាលារៀន។"], ["គ្រាប់មីន", "យោងតាមរបាយការណ៍ ក្នុងឆ្នាំ២០២៣ ប្រតិបត្តិករកំចាត់មីន រួមទាំងមជ្ឈមណ្ឌលសកម្មភាពកំចាត់មីនកម្ពុជា (CMAC) បានបោសសម្អាតដីប្រមាណ ២០០ គីឡូម៉ែត្រការ៉េ និងបានកម្ទេចគ្រាប់មីន និងគ្រាប់មិនទាន់ផ្ទុះជាច្រើនម៉ឺនគ្រាប់ ដែលជួយឱ្យប្រជាពលរដ្ឋមានដីសម្រាប់ធ្វើកសិកម្ម និងសាងសង់សាលារៀន។"], ["CMAC", "យោងតាមរបាយការណ៍ ក្នុងឆ្នាំ២០២៣ ប្រតិបត្តិករកំចាត់មីន រួមទាំងមជ្ឈមណ្ឌលសកម្មភាពកំចាត់មីនកម្ពុជា (CMAC) បានបោសសម្អាតដីប្រមាណ ២០០ គីឡូម៉ែត្រការ៉េ និងបានកម្ទេចគ្រាប់មីន និងគ្រាប់មិនទាន់ផ្ទុះជាច្រើនម៉ឺនគ្រាប់ ដែលជួយឱ្យប្រជាពលរដ្ឋមានដីសម្រាប់ធ្វើកសិកម្ម និងសាងសង់សាលារៀន។"], ["គ្មានមីន", "រាជរដ្ឋាភិបាលកម្ពុជានៅតែប្តេជ្ញាសម្រេចគោលដៅ «កម្ពុជាគ្មានមីន» ហើយសូមថ្លែងអំណរគុណចំពោះដៃគូអភិវឌ្ឍន៍ ជាពិសេសប្រទេសជប៉ុន និងអង្គការសហប្រជាជាតិ ដែលបានផ្តល់ការគាំទ្រយ៉ាងសកម្មដល់ការងារបោសសម្អាតមីន។"], ["មីន", "នៅថ្ងៃទី១៥ ខែកុម្ភៈ ឆ្នាំ២០២៤ ក្រសួងការបរទេស និងសហប្រតិបត្តិការអន្តរជាតិ បានចូលរួមកិច្ចប្រជុំពិនិត្យវឌ្ឍនភាពការងារបោសសម្អាតមីន និងសំណល់ជាតិផ្ទុះពីសង្គ្រាម ដែលរៀបចំដោយអាជ្ញាធរកម្ពុជាសកម្មភាពកំចាត់មីន និងសង្គ្រោះជនរងគ្រោះដោយសារមីន (CMAA) នៅរាជធានីភ្នំពេញ។"]]}], "mentions": [], "related": [], "archived": null, "restored": false}',1);
INSERT INTO "events" VALUES(3,1,'new',6,6,NULL,'2026-12-03T14:27:03Z',1,'{"kind": "new", "source": "ministry", "url": "{origin}/2024/01/25/cmaa-and-cmac-report-progress-in-mine-clearance-for-2023/", "title": "CMAA and CMAC Report Progress in Mine Clearance for 2023", "baseline": true, "date": "2024-01-25", "diff": null, "diff_html": null, "reason": null, "version_id": 6, "previous_version_id": null, "themes": [{"theme": "demining", "score": 25.5, "evidence": [["Mine Clearance", "CMAA and CMAC Report Progress in Mine Clearance for 2023"], ["CMAA", "CMAA and CMAC Report Progress in Mine Clearance for 2023"], ["CMAC", "CMAA and CMAC Report Progress in Mine Clearance for 2023"], ["Cambodian Mine Action and Victim Assistance Authority", "On 25 January 2024, the Cambodian Mine Action and Victim Assistance Authority (CMAA) held its annual meeting in Phnom Penh to review the progress of mine action in 2023, with the participation of…"], ["Cambodian Mine Action Centre", "…of mine action in 2023, with the participation of representatives of the Ministry of Foreign Affairs and International Cooperation, the Cambodian Mine Action Centre (CMAC), the Royal Cambodian Armed Forces and international operators including the HALO Trust, MAG, NPA and APOPO."], ["mine action", "…January 2024, the Cambodian Mine Action and Victim Assistance Authority (CMAA) held its annual meeting in Phnom Penh to review the progress of mine action in 2023, with the participation of representatives of the Ministry of Foreign Affairs and International Cooperation, the Cambodian Mine Action…"], ["HALO Trust", "…International Cooperation, the Cambodian Mine Action Centre (CMAC), the Royal Cambodian Armed Forces and international operators including the HALO Trust, MAG, NPA and APOPO."], ["APOPO", "…the Cambodian Mine Action Centre (CMAC), the Royal Cambodian Armed Forces and international operators including the HALO Trust, MAG, NPA and APOPO."], ["explosive remnants of war", "…the year, and destroyed tens of thousands of anti-personnel mines, anti-tank mines and items of unexploded ordnance (UXO) and other explosive remnants of war (ERW)."], ["anti-personnel mines", "…square kilometres of land through clearance, technical survey and non-technical survey during the year, and destroyed tens of thousands of anti-personnel mines, anti-tank mines and items of unexploded ordnance (UXO) and other explosive remnants of war (ERW)."], ["unexploded ordnance", "…survey and non-technical survey during the year, and destroyed tens of thousands of anti-personnel mines, anti-tank mines and items of unexploded ordnance (UXO) and other explosive remnants of war (ERW)."], ["UXO", "…non-technical survey during the year, and destroyed tens of thousands of anti-personnel mines, anti-tank mines and items of unexploded ordnance (UXO) and other explosive remnants of war (ERW)."]]}], "mentions": [], "related": [{"url": "{origin}/2024/02/15/khmer-press-release-mine-clearance-progress-2024/", "title": "វឌ្ឍនភាពការងារបោសសម្អាតមីន និងសំណល់ជាតិផ្ទុះពីសង្គ្រាម", "score": 62.2}], "archived": null, "restored": false}',1);
INSERT INTO "events" VALUES(4,1,'new',7,7,NULL,'2026-12-03T14:27:03Z',1,'{"kind": "new", "source": "ministry", "url": "{origin}/2023/11/08/cambodia-and-korea-discuss-trade-and-investment-cooperation/", "title": "Cambodia and the Republic of Korea Discuss Trade and Investment Cooperation", "baseline": true, "date": "2023-11-08", "diff": null, "diff_html": null, "reason": null, "version_id": 7, "previous_version_id": null, "themes": [], "mentions": [], "related": [], "archived": null, "restored": false}',1);
INSERT INTO "events" VALUES(5,2,'removed',7,NULL,7,'2026-12-03T14:27:04Z',0,'{"kind": "removed", "source": "ministry", "url": "{origin}/2023/11/08/cambodia-and-korea-discuss-trade-and-investment-cooperation/", "title": "Cambodia and the Republic of Korea Discuss Trade and Investment Cooperation", "baseline": false, "date": "2023-11-08", "diff": null, "diff_html": null, "reason": "answers HTTP 404 (confirmed by a second request)", "version_id": null, "previous_version_id": 7, "themes": [], "mentions": [], "related": [], "archived": "/tmp/tmp32xqkize/snapshots/text/ministry/cambodia-and-korea-discuss-trade-and-investment-cooperation-f513de39/v0001.txt", "restored": false}',1);
INSERT INTO "events" VALUES(6,2,'changed',5,8,5,'2026-12-03T14:27:04Z',0,'{"kind": "changed", "source": "ministry", "url": "{origin}/2024/02/15/khmer-press-release-mine-clearance-progress-2024/", "title": "វឌ្ឍនភាពការងារបោសសម្អាតមីន និងសំណល់ជាតិផ្ទុះពីសង្គ្រាម", "baseline": false, "date": "2024-02-15", "diff": "រាជធានីភ្នំពេញ ថ្ងៃទី១៥ ខែកុម្ភៈ ឆ្នាំ២០២៤\n{+A paragraph the ministry added after publishing this release.+}", "diff_html": "<div class=\"diff\" style=\"line-height:1.5\">\n<div style=\"margin:0 0 1em\"><div style=\"color:#5f6368\">រាជធានីភ្នំពេញ ថ្ងៃទី១៥ ខែកុម្ភៈ ឆ្នាំ២០២៤</div><div><ins style=\"color:#05652d;text-decoration:none;background:#e6f4ea\">A paragraph the ministry added after publishing this release.</ins></div></div>\n</div>", "reason": null, "version_id": 8, "previous_version_id": 5, "themes": [{"theme": "demining", "score": 11.25, "evidence": [["សំណល់ជាតិផ្ទុះ", "វឌ្ឍនភាពការងារបោសសម្អាតមីន និងសំណល់ជាតិផ្ទុះពីសង្គ្រាម"], ["បោសសម្អាតមីន", "វឌ្ឍនភាពការងារបោសសម្អាតមីន និងសំណល់ជាតិផ្ទុះពីសង្គ្រាម"], ["កំចាត់មីន", "នៅថ្ងៃទី១៥ ខែកុម្ភៈ ឆ្នាំ២០២៤ ក្រសួងការបរទេស និងសហប្រតិបត្តិការអន្តរជាតិ បានចូលរួមកិច្ចប្រជុំពិនិត្យវឌ្ឍនភាពការងារបោសសម្អាតមីន និងសំណល់ជាតិផ្ទុះពីសង្គ្រាម ដែលរៀបចំដោយអាជ្ញាធរកម្ពុជាសកម្មភាពកំចាត់មីន និងសង្គ្រោះជនរងគ្រោះដោយសារមីន (CMAA) នៅរាជធានីភ្នំពេញ។"], ["CMAA", "នៅថ្ងៃទី១៥ ខែកុម្ភៈ ឆ្នាំ២០២៤ ក្រសួងការបរទេស និងសហប្រតិបត្តិការអន្តរជាតិ បានចូលរួមកិច្ចប្រជុំពិនិត្យវឌ្ឍនភាពការងារបោសសម្អាតមីន និងសំណល់ជាតិផ្ទុះពីសង្គ្រាម ដែលរៀបចំដោយអាជ្ញាធរកម្ពុជាសកម្មភាពកំចាត់មីន និងសង្គ្រោះជនរងគ្រោះដោយសារមីន (CMAA) នៅរាជធានីភ្នំពេញ។"], ["គ្រាប់មិនទាន់ផ្ទុះ", "យោងតាមរបាយការណ៍ ក្នុងឆ្នាំ២០២៣ ប្រតិបត្តិករកំចាត់មីន រួមទាំងមជ្ឈមណ្ឌលសកម្មភាពកំចាត់មីនកម្ពុជា (CMAC) បានបោសសម្អាតដីប្រមាណ ២០០ គីឡូម៉ែត្រការ៉េ និងបានកម្ទេចគ្រាប់មីន និងគ្រាប់មិនទាន់ផ្ទុះជាច្រើនម៉ឺនគ្រាប់ ដែលជួយឱ្យប្រជាពលរដ្ឋមានដីសម្រាប់ធ្វើកសិកម្ម និងសាងសង់សាលារៀន។"], ["គ្រាប់មីន", "យោងតាមរបាយការណ៍ ក្នុងឆ្នាំ២០២៣ ប្រតិបត្តិករកំចាត់មីន រួមទាំងមជ្ឈមណ្ឌលសកម្មភាពកំចាត់មីនកម្ពុជា (CMAC) បានបោសសម្អាតដីប្រមាណ ២០០ គីឡូម៉ែត្រការ៉េ និងបានកម្ទេចគ្រាប់មីន និងគ្រាប់មិនទាន់ផ្ទុះជាច្រើនម៉ឺនគ្រាប់ ដែលជួយឱ្យប្រជាពលរដ្ឋមានដីសម្រាប់ធ្វើកសិកម្ម និងសាងសង់សាលារៀន។"], ["CMAC", "យោងតាមរបាយការណ៍ ក្នុងឆ្នាំ២០២៣ ប្រតិបត្តិករកំចាត់មីន រួមទាំងមជ្ឈមណ្ឌលសកម្មភាពកំចាត់មីនកម្ពុជា (CMAC) បានបោសសម្អាតដីប្រមាណ ២០០ គីឡូម៉ែត្រការ៉េ និងបានកម្ទេចគ្រាប់មីន និងគ្រាប់មិនទាន់ផ្ទុះជាច្រើនម៉ឺនគ្រាប់ ដែលជួយឱ្យប្រជាពលរដ្ឋមានដីសម្រាប់ធ្វើកសិកម្ម និងសាងសង់សាលារៀន។"], ["គ្មានមីន", "រាជរដ្ឋាភិបាលកម្ពុជានៅតែប្តេជ្ញាសម្រេចគោលដៅ «កម្ពុជាគ្មានមីន» ហើយសូមថ្លែងអំណរគុណចំពោះដៃគូអភិវឌ្ឍន៍ ជាពិសេសប្រទេសជប៉ុន និងអង្គការសហប្រជាជាតិ ដែលបានផ្តល់ការគាំទ្រយ៉ាងសកម្មដល់ការងារបោសសម្អាតមីន។"], ["មីន", "នៅថ្ងៃទី១៥ ខែកុម្ភៈ ឆ្នាំ២០២៤ ក្រសួងការបរទេស និងសហប្រតិបត្តិការអន្តរជាតិ បានចូលរួមកិច្ចប្រជុំពិនិត្យវឌ្ឍនភាពការងារបោសសម្អាតមីន និងសំណល់ជាតិផ្ទុះពីសង្គ្រាម ដែលរៀបចំដោយអាជ្ញាធរកម្ពុជាសកម្មភាពកំចាត់មីន និងសង្គ្រោះជនរងគ្រោះដោយសារមីន (CMAA) នៅរាជធានីភ្នំពេញ។"]]}], "mentions": [], "related": [], "archived": null, "restored": false}',1);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
INSERT INTO "meta" VALUES('schema_version','1');
INSERT INTO "meta" VALUES('store_id','5544c03d02b72b27');
CREATE TABLE pages (
  url TEXT PRIMARY KEY,
  etag TEXT,
  last_modified TEXT,
  body_hash TEXT,
  fetched_at TEXT
);
INSERT INTO "pages" VALUES('{corpus}/akp-2020-11-15-asean-un-summit-pko.txt',NULL,NULL,'70ba43c041d808297d02ee4fbebe5df10f73e4db2edf1b404b0847c3f4ed4258','2026-12-03T14:27:02Z');
INSERT INTO "pages" VALUES('{corpus}/mfaic-2020-10-21-asean-un-ministerial.txt',NULL,NULL,'f7ae4b217cc90cdb2ffb769726ad867b1a7e6f08476490440753aef7c06d55c7','2026-12-03T14:27:02Z');
INSERT INTO "pages" VALUES('{corpus}/mfaic-2022-11-13-pm-guterres-bilateral.txt',NULL,NULL,'3b44372b9f079c34d942936e4d673ba01fd6e043d399dc572ea5da82bdaeca3c','2026-12-03T14:27:02Z');
INSERT INTO "pages" VALUES('source:ministry {origin}/news/','"87f33368473d5c97ba30"','Thu, 03 Dec 2026 14:27:04 GMT','d2fd7cea03772ded1805a9b7d7f88258c7ef150fc2d7d59ba7124989a0f509cb','2026-12-03T14:27:04Z');
CREATE TABLE releases (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES sources(id),
  url TEXT NOT NULL,
  key TEXT NOT NULL,
  title TEXT,
  published TEXT,
  first_seen_at TEXT NOT NULL,
  last_seen_at TEXT,
  last_fetched_at TEXT,
  etag TEXT,
  last_modified TEXT,
  body_hash TEXT,
  extract_sig TEXT,
  state TEXT NOT NULL DEFAULT 'active',
  removed_at TEXT,
  latest_version_id INTEGER,
  read_hash TEXT,
  UNIQUE (source_id, url)
);
INSERT INTO "releases" VALUES(1,1,'{corpus}/akp-2020-11-15-asean-un-summit-pko.txt','akp-2020-11-15-asean-un-summit-pko-txt-be2da311','Cambodia Requests UN For More Resources And Expertise For PKO',NULL,'2026-12-03T14:27:02Z','2026-12-03T14:27:02Z','2026-12-03T14:27:02Z',NULL,NULL,'70ba43c041d808297d02ee4fbebe5df10f73e4db2edf1b404b0847c3f4ed4258','corpus','active',NULL,1,NULL);
INSERT INTO "releases" VALUES(2,1,'{corpus}/mfaic-2020-10-21-asean-un-ministerial.txt','mfaic-2020-10-21-asean-un-ministerial-txt-654c8017','Outcomes of the ASEAN-United Nations Ministerial Meeting',NULL,'2026-12-03T14:27:02Z','2026-12-03T14:27:02Z','2026-12-03T14:27:02Z',NULL,NULL,'f7ae4b217cc90cdb2ffb769726ad867b1a7e6f08476490440753aef7c06d55c7','corpus','active',NULL,2,NULL);
INSERT INTO "releases" VALUES(3,1,'{corpus}/mfaic-2022-11-13-pm-guterres-bilateral.txt','mfaic-2022-11-13-pm-guterres-bilateral-txt-dbee9123','Cambodian Prime Minister, UN Secretary-General Hold Bilateral Meeting',NULL,'2026-12-03T14:27:02Z','2026-12-03T14:27:02Z','2026-12-03T14:27:02Z',NULL,NULL,'3b44372b9f079c34d942936e4d673ba01fd6e043d399dc572ea5da82bdaeca3c','corpus','active',NULL,3,NULL);
INSERT INTO "releases" VALUES(4,2,'{origin}/2024/03/04/notice-on-consular-services-during-the-khmer-new-year-holidays/','notice-on-consular-services-during-the-khmer-new-year-holida-22cb39f0','Notice on Consular Services During the Khmer New Year Holidays','2024-03-04','2026-12-03T14:27:03Z','2026-12-03T14:27:04Z','2026-12-03T14:27:04Z','"f3acb4d531890ba840c8"','Thu, 03 Dec 2026 14:27:04 GMT','0ae31a35e2e661245833559f6bdc0138e9907ab1256b833f571e57ccdda8b8c6','4+trafilatura-2.3.1+htmldate-1.11.0+pypdf-7.1.1+beautifulsoup4-4.15.0|||','active',NULL,4,'5bdf9e4c10bc0c9a6caf9efc79abfafd');
INSERT INTO "releases" VALUES(5,2,'{origin}/2024/02/15/khmer-press-release-mine-clearance-progress-2024/','khmer-press-release-mine-clearance-progress-2024-55dca61b','វឌ្ឍនភាពការងារបោសសម្អាតមីន និងសំណល់ជាតិផ្ទុះពីសង្គ្រាម','2024-02-15','2026-12-03T14:27:03Z','2026-12-03T14:27:04Z','2026-12-03T14:27:04Z','"a41da88bddcd3be7708a"','Thu, 03 Dec 2026 14:27:04 GMT','9cf87e9d39641657fa0b961d0843259576c8e66c9643558bb9dec63289a55396','4+trafilatura-2.3.1+htmldate-1.11.0+pypdf-7.1.1+beautifulsoup4-4.15.0|||','active',NULL,8,'c055c7b2b9ad97c4004e6a41f3dcc832');
INSERT INTO "releases" VALUES(6,2,'{origin}/2024/01/25/cmaa-and-cmac-report-progress-in-mine-clearance-for-2023/','cmaa-and-cmac-report-progress-in-mine-clearance-for-2023-f1783c9e','CMAA and CMAC Report Progress in Mine Clearance for 2023','2024-01-25','2026-12-03T14:27:03Z','2026-12-03T14:27:04Z','2026-12-03T14:27:04Z','"1f59dfc1a7df72d415cf"','Thu, 03 Dec 2026 14:27:04 GMT','af3dc3d3c81eca97ddb8b1dab6c83c19ff16d7e536e9037940fc39c17451b3f3','4+trafilatura-2.3.1+htmldate-1.11.0+pypdf-7.1.1+beautifulsoup4-4.15.0|||','active',NULL,6,'8823973184bf4bf36e7338b1537f81d9');
INSERT INTO "releases" VALUES(7,2,'{origin}/2023/11/08/cambodia-and-korea-discuss-trade-and-investment-cooperation/','cambodia-and-korea-discuss-trade-and-investment-cooperation-f513de39','Cambodia and the Republic of Korea Discuss Trade and Investment Cooperation','2023-11-08','2026-12-03T14:27:03Z','2026-12-03T14:27:03Z','2026-12-03T14:27:04Z','"7876b5d3ef6e5d7678e2"','Thu, 03 Dec 2026 14:27:03 GMT','eb9cbfe642269aa92f299663839564d6be3f911bc49551117706b672b704fd6b','4+trafilatura-2.3.1+htmldate-1.11.0+pypdf-7.1.1+beautifulsoup4-4.15.0|||','removed','2026-12-03T14:27:04Z',7,NULL);
CREATE TABLE sim_df (
    feature INTEGER PRIMARY KEY,
    df INTEGER NOT NULL       -- releases whose features include it
);
INSERT INTO "sim_df" VALUES(2472087,1);
INSERT INTO "sim_df" VALUES(3393328,1);
INSERT INTO "sim_df" VALUES(5932254,1);
INSERT INTO "sim_df" VALUES(10761342,1);
INSERT INTO "sim_df" VALUES(16239423,1);
INSERT INTO "sim_df" VALUES(21258621,1);
INSERT INTO "sim_df" VALUES(26927023,3);
INSERT INTO "sim_df" VALUES(52031786,1);
INSERT INTO "sim_df" VALUES(52910115,1);
INSERT INTO "sim_df" VALUES(59245086,1);
INSERT INTO "sim_df" VALUES(65466903,1);
INSERT INTO "sim_df" VALUES(70193212,1);
INSERT INTO "sim_df" VALUES(75348642,1);
INSERT INTO "sim_df" VALUES(86417711,1);
INSERT INTO "sim_df" VALUES(93372675,1);
INSERT INTO "sim_df" VALUES(97259305,2);
INSERT INTO "sim_df" VALUES(107312568,1);
INSERT INTO "sim_df" VALUES(107555668,1);
INSERT INTO "sim_df" VALUES(110990756,1);
INSERT INTO "sim_df" VALUES(123150192,1);
INSERT INTO "sim_df" VALUES(126446259,1);
INSERT INTO "sim_df" VALUES(134562414,1);
INSERT INTO "sim_df" VALUES(136528269,2);
INSERT INTO "sim_df" VALUES(137609271,1);
INSERT INTO "sim_df" VALUES(143088812,1);
INSERT INTO "sim_df" VALUES(143681246,2);
INSERT INTO "sim_df" VALUES(148074040,2);
INSERT INTO "sim_df" VALUES(152378439,3);
INSERT INTO "sim_df" VALUES(158350692,2);
INSERT INTO "sim_df" VALUES(162638559,1);
INSERT INTO "sim_df" VALUES(166290824,3);
INSERT INTO "sim_df" VALUES(167863234,1);
INSERT INTO "sim_df" VALUES(168225966,1);
INSERT INTO "sim_df" VALUES(177020059,3);
INSERT INTO "sim_df" VALUES(181449703,1);
INSERT INTO "sim_df" VALUES(189699407,1);
INSERT INTO "sim_df" VALUES(195990512,1);
INSERT INTO "sim_df" VALUES(202069295,2);
INSERT INTO "sim_df" VALUES(216583644,1);
INSERT INTO "sim_df" VALUES(221100272,2);
INSERT INTO "sim_df" VALUES(223244161,2);
INSERT INTO "sim_df" VALUES(224670618,1);
INSERT INTO "sim_df" VALUES(229457857,3);
INSERT INTO "sim_df" VALUES(230385777,2);
INSERT INTO "sim_df" VALUES(231391737,1);
INSERT INTO "sim_df" VALUES(231893097,1);
INSERT INTO "sim_df" VALUES(238545984,6);
INSERT INTO "sim_df" VALUES(244044970,2);
INSERT INTO "sim_df" VALUES(255552193,1);
INSERT INTO "sim_df" VALUES(255921456,1);
INSERT INTO "sim_df" VALUES(258142582,1);
INSERT INTO "sim_df" VALUES(274306226,1);
INSERT INTO "sim_df" VALUES(276705148,1);
INSERT INTO "sim_df" VALUES(278084957,1);
INSERT INTO "sim_df" VALUES(279114723,3);
INSERT INTO "sim_df" VALUES(298486374,1);
INSERT INTO "sim_df" VALUES(308119761,2);
INSERT INTO "sim_df" VALUES(312035103,2);
INSERT INTO "sim_df" VALUES(313336638,1);
INSERT INTO "sim_df" VALUES(328004795,2);
INSERT INTO "sim_df" VALUES(328682774,1);
INSERT INTO "sim_df" VALUES(333654751,1);
INSERT INTO "sim_df" VALUES(336457929,1);
INSERT INTO "sim_df" VALUES(338130558,3);
INSERT INTO "sim_df" VALUES(339266154,1);
INSERT INTO "sim_df" VALUES(340149741,1);
INSERT INTO "sim_df" VALUES(352830042,2);
INSERT INTO "sim_df" VALUES(365746590,1);
INSERT INTO "sim_df" VALUES(365884909,7);
INSERT INTO "sim_df" VALUES(368416788,1);
INSERT INTO "sim_df" VALUES(376753373,1);
INSERT INTO "sim_df" VALUES(380742408,1);
INSERT INTO "sim_df" VALUES(392009070,1);
INSERT INTO "sim_df" VALUES(394920273,1);
INSERT INTO "sim_df" VALUES(395486291,2);
INSERT INTO "sim_df" VALUES(395744303,1);
INSERT INTO "sim_df" VALUES(395946585,1);
INSERT INTO "sim_df" VALUES(412737402,1);
INSERT INTO "sim_df" VALUES(426347292,1);
INSERT INTO "sim_df" VALUES(427626478,1);
INSERT INTO "sim_df" VALUES(427927149,4);
INSERT INTO "sim_df" VALUES(429356952,1);
INSERT INTO "sim_df" VALUES(430392148,2);
INSERT INTO "sim_df" VALUES(436858635,2);
INSERT INTO "sim_df" VALUES(444811667,2);
INSERT INTO "sim_df" VALUES(446350362,1);
INSERT INTO "sim_df" VALUES(449665071,3);
INSERT INTO "sim_df" VALUES(450062685,1);
INSERT INTO "sim_df" VALUES(453613977,1);
INSERT INTO "sim_df" VALUES(458196466,2);
INSERT INTO "sim_df" VALUES(459292723,2);
INSERT INTO "sim_df" VALUES(460774566,2);
INSERT INTO "sim_df" VALUES(471508825,1);
INSERT INTO "sim_df" VALUES(493617150,1);
INSERT INTO "sim_df" VALUES(494360628,1);
INSERT INTO "sim_df" VALUES(496740735,1);
INSERT INTO "sim_df" VALUES(497739336,1);
INSERT INTO "sim_df" VALUES(507103779,1);
INSERT INTO "sim_df" VALUES(507892107,1);
INSERT INTO "sim_df" VALUES(510603358,1);
INSERT INTO "sim_df" VALUES(515861167,1);
INSERT INTO "sim_df" VALUES(519499584,2);
INSERT INTO "sim_df" VALUES(521474781,1);
INSERT INTO "sim_df" VALUES(521872670,1);
INSERT INTO "sim_df" VALUES(533112963,1);
INSERT INTO "sim_df" VALUES(533335303,1);
INSERT INTO "sim_df" VALUES(547597740,1);
INSERT INTO "sim_df" VALUES(548292821,2);
INSERT INTO "sim_df" VALUES(549113115,1);
INSERT INTO "sim_df" VALUES(550930212,1);
INSERT INTO "sim_df" VALUES(556920499,2);
INSERT INTO "sim_df" VALUES(562391268,1);
INSERT INTO "sim_df" VALUES(563020761,1);
INSERT INTO "sim_df" VALUES(565108455,1);
INSERT INTO "sim_df" VALUES(570552902,1);
INSERT INTO "sim_df" VALUES(580575115,1);
INSERT INTO "sim_df" VALUES(589086311,1);
INSERT INTO "sim_df" VALUES(595663797,1);
INSERT INTO "sim_df" VALUES(604190398,1);
INSERT INTO "sim_df" VALUES(617178328,1);
INSERT INTO "sim_df" VALUES(618162726,1);
INSERT INTO "sim_df" VALUES(621230350,1);
INSERT INTO "sim_df" VALUES(627938836,2);
INSERT INTO "sim_df" VALUES(631485662,1);
INSERT INTO "sim_df" VALUES(635267670,2);
INSERT INTO "sim_df" VALUES(660725657,1);
INSERT INTO "sim_df" VALUES(668286621,1);
INSERT INTO "sim_df" VALUES(670181054,1);
INSERT INTO "sim_df" VALUES(684082746,1);
INSERT INTO "sim_df" VALUES(687500191,2);
INSERT INTO "sim_df" VALUES(690963309,1);
INSERT INTO "sim_df" VALUES(695801987,1);
INSERT INTO "sim_df" VALUES(698871357,1);
INSERT INTO "sim_df" VALUES(719359284,1);
INSERT INTO "sim_df" VALUES(748117223,2);
INSERT INTO "sim_df" VALUES(753780855,2);
INSERT INTO "sim_df" VALUES(755723214,1);
INSERT INTO "sim_df" VALUES(762384133,2);
INSERT INTO "sim_df" VALUES(768882753,1);
INSERT INTO "sim_df" VALUES(772449512,1);
INSERT INTO "sim_df" VALUES(778394148,1);
INSERT INTO "sim_df" VALUES(781779099,1);
INSERT INTO "sim_df" VALUES(785385015,1);
INSERT INTO "sim_df" VALUES(787458498,1);
INSERT INTO "sim_df" VALUES(792917346,1);
INSERT INTO "sim_df" VALUES(793562070,2);
INSERT INTO "sim_df" VALUES(797243625,1);
INSERT INTO "sim_df" VALUES(800773724,1);
INSERT INTO "sim_df" VALUES(803587382,1);
INSERT INTO "sim_df" VALUES(803892234,1);
INSERT INTO "sim_df" VALUES(817655234,1);
INSERT INTO "sim_df" VALUES(819771692,2);
INSERT INTO "sim_df" VALUES(824917526,2);
INSERT INTO "sim_df" VALUES(828626669,1);
INSERT INTO "sim_df" VALUES(833095049,1);
INSERT INTO "sim_df" VALUES(838031770,1);
INSERT INTO "sim_df" VALUES(838082532,1);
INSERT INTO "sim_df" VALUES(846803157,1);
INSERT INTO "sim_df" VALUES(850335010,1);
INSERT INTO "sim_df" VALUES(862046937,1);
INSERT INTO "sim_df" VALUES(862654255,1);
INSERT INTO "sim_df" VALUES(869756199,1);
INSERT INTO "sim_df" VALUES(884767924,1);
INSERT INTO "sim_df" VALUES(897039078,1);
INSERT INTO "sim_df" VALUES(898238989,1);
INSERT INTO "sim_df" VALUES(912722976,1);
INSERT INTO "sim_df" VALUES(918422732,1);
INSERT INTO "sim_df" VALUES(925616559,1);
INSERT INTO "sim_df" VALUES(927312646,1);
INSERT INTO "sim_df" VALUES(932725939,2);
INSERT INTO "sim_df" VALUES(936633898,1);
INSERT INTO "sim_df" VALUES(937258619,1);
INSERT INTO "sim_df" VALUES(942088314,1);
INSERT INTO "sim_df" VALUES(945058907,1);
INSERT INTO "sim_df" VALUES(949413676,1);
INSERT INTO "sim_df" VALUES(951472905,3);
INSERT INTO "sim_df" VALUES(953441985,1);
INSERT INTO "sim_df" VALUES(957092366,1);
INSERT INTO "sim_df" VALUES(957848891,2);
INSERT INTO "sim_df" VALUES(963917447,6);
INSERT INTO "sim_df" VALUES(976049178,1);
INSERT INTO "sim_df" VALUES(980881731,3);
INSERT INTO "sim_df" VALUES(989132023,1);
INSERT INTO "sim_df" VALUES(994110462,1);
INSERT INTO "sim_df" VALUES(999788447,3);
INSERT INTO "sim_df" VALUES(1001664029,2);
INSERT INTO "sim_df" VALUES(1007865022,2);
INSERT INTO "sim_df" VALUES(1011564188,1);
INSERT INTO "sim_df" VALUES(1022685315,1);
INSERT INTO "sim_df" VALUES(1036095711,1);
INSERT INTO "sim_df" VALUES(1041246552,1);
INSERT INTO "sim_df" VALUES(1042979247,2);
INSERT INTO "sim_df" VALUES(1050243759,2);
INSERT INTO "sim_df" VALUES(1053762566,2);
INSERT INTO "sim_df" VALUES(1053890454,1);
INSERT INTO "sim_df" VALUES(1060221763,1);
INSERT INTO "sim_df" VALUES(1060745282,1);
INSERT INTO "sim_df" VALUES(1075627257,1);
INSERT INTO "sim_df" VALUES(1079508512,1);
INSERT INTO "sim_df" VALUES(1080413448,1);
INSERT INTO "sim_df" VALUES(1098559812,2);
INSERT INTO "sim_df" VALUES(1103594086,2);
INSERT INTO "sim_df" VALUES(1114567570,1);
INSERT INTO "sim_df" VALUES(1128288392,1);
INSERT INTO "sim_df" VALUES(1132923691,1);
INSERT INTO "sim_df" VALUES(1137314518,1);
INSERT INTO "sim_df" VALUES(1142098580,1);
INSERT INTO "sim_df" VALUES(1145084647,1);
INSERT INTO "sim_df" VALUES(1157603931,1);
INSERT INTO "sim_df" VALUES(1158434890,1);
INSERT INTO "sim_df" VALUES(1158672400,1);
INSERT INTO "sim_df" VALUES(1169655725,2);
INSERT INTO "sim_df" VALUES(1173770352,1);
INSERT INTO "sim_df" VALUES(1177347317,1);
INSERT INTO "sim_df" VALUES(1179514920,1);
INSERT INTO "sim_df" VALUES(1187371253,2);
INSERT INTO "sim_df" VALUES(1202265425,1);
INSERT INTO "sim_df" VALUES(1204587666,4);
INSERT INTO "sim_df" VALUES(1208829378,1);
INSERT INTO "sim_df" VALUES(1210257087,1);
INSERT INTO "sim_df" VALUES(1211395255,1);
INSERT INTO "sim_df" VALUES(1214695773,1);
INSERT INTO "sim_df" VALUES(1221394103,1);
INSERT INTO "sim_df" VALUES(1225748678,1);
INSERT INTO "sim_df" VALUES(1239557014,1);
INSERT INTO "sim_df" VALUES(1239892083,1);
INSERT INTO "sim_df" VALUES(1240182177,1);
INSERT INTO "sim_df" VALUES(1248920532,1);
INSERT INTO "sim_df" VALUES(1251589529,2);
INSERT INTO "sim_df" VALUES(1257859836,2);
INSERT INTO "sim_df" VALUES(1259664256,1);
INSERT INTO "sim_df" VALUES(1269029352,1);
INSERT INTO "sim_df" VALUES(1277363973,1);
INSERT INTO "sim_df" VALUES(1281549880,1);
INSERT INTO "sim_df" VALUES(1282097123,1);
INSERT INTO "sim_df" VALUES(1283462680,1);
INSERT INTO "sim_df" VALUES(1287496660,1);
INSERT INTO "sim_df" VALUES(1294085052,1);
INSERT INTO "sim_df" VALUES(1294909896,4);
INSERT INTO "sim_df" VALUES(1296130854,1);
INSERT INTO "sim_df" VALUES(1301941636,1);
INSERT INTO "sim_df" VALUES(1302681864,1);
INSERT INTO "sim_df" VALUES(1310112233,1);
INSERT INTO "sim_df" VALUES(1315733418,1);
INSERT INTO "sim_df" VALUES(1315999494,1);
INSERT INTO "sim_df" VALUES(1328374242,1);
INSERT INTO "sim_df" VALUES(1330857165,1);
INSERT INTO "sim_df" VALUES(1342738519,1);
INSERT INTO "sim_df" VALUES(1343504775,1);
INSERT INTO "sim_df" VALUES(1345359193,1);
INSERT INTO "sim_df" VALUES(1361488968,1);
INSERT INTO "sim_df" VALUES(1375069728,1);
INSERT INTO "sim_df" VALUES(1379430220,1);
INSERT INTO "sim_df" VALUES(1380795545,6);
INSERT INTO "sim_df" VALUES(1382805417,1);
INSERT INTO "sim_df" VALUES(1383546976,1);
INSERT INTO "sim_df" VALUES(1394533914,1);
INSERT INTO "sim_df" VALUES(1397647488,1);
INSERT INTO "sim_df" VALUES(1400097126,3);
INSERT INTO "sim_df" VALUES(1400942469,1);
INSERT INTO "sim_df" VALUES(1401453989,1);
INSERT INTO "sim_df" VALUES(1402582597,1);
INSERT INTO "sim_df" VALUES(1404375790,1);
INSERT INTO "sim_df" VALUES(1404651895,1);
INSERT INTO "sim_df" VALUES(1414205271,3);
INSERT INTO "sim_df" VALUES(1414331128,1);
INSERT INTO "sim_df" VALUES(1420571565,1);
INSERT INTO "sim_df" VALUES(1432862849,2);
INSERT INTO "sim_df" VALUES(1442315073,1);
INSERT INTO "sim_df" VALUES(1442529309,1);
INSERT INTO "sim_df" VALUES(1443273147,1);
INSERT INTO "sim_df" VALUES(1455263924,1);
INSERT INTO "sim_df" VALUES(1457103223,1);
INSERT INTO "sim_df" VALUES(1458215053,1);
INSERT INTO "sim_df" VALUES(1460868153,1);
INSERT INTO "sim_df" VALUES(1463246654,1);
INSERT INTO "sim_df" VALUES(1466534506,2);
INSERT INTO "sim_df" VALUES(1469195472,1);
INSERT INTO "sim_df" VALUES(1482103853,1);
INSERT INTO "sim_df" VALUES(1492436121,1);
INSERT INTO "sim_df" VALUES(1495293165,1);
INSERT INTO "sim_df" VALUES(1497077790,1);
INSERT INTO "sim_df" VALUES(1500195262,1);
INSERT INTO "sim_df" VALUES(1505486797,1);
INSERT INTO "sim_df" VALUES(1519021197,2);
INSERT INTO "sim_df" VALUES(1524664345,2);
INSERT INTO "sim_df" VALUES(1525596486,1);
INSERT INTO "sim_df" VALUES(1539057756,1);
INSERT INTO "sim_df" VALUES(1539299350,1);
INSERT INTO "sim_df" VALUES(1549474635,1);
INSERT INTO "sim_df" VALUES(1549586875,1);
INSERT INTO "sim_df" VALUES(1550247075,1);
INSERT INTO "sim_df" VALUES(1555667811,1);
INSERT INTO "sim_df" VALUES(1567479786,1);
INSERT INTO "sim_df" VALUES(1568406222,1);
INSERT INTO "sim_df" VALUES(1569135078,1);
INSERT INTO "sim_df" VALUES(1571102709,1);
INSERT INTO "sim_df" VALUES(1584188008,1);
INSERT INTO "sim_df" VALUES(1606423143,1);
INSERT INTO "sim_df" VALUES(1606443612,1);
INSERT INTO "sim_df" VALUES(1616343184,2);
INSERT INTO "sim_df" VALUES(1623314592,1);
INSERT INTO "sim_df" VALUES(1643403147,1);
INSERT INTO "sim_df" VALUES(1647652658,1);
INSERT INTO "sim_df" VALUES(1653163849,1);
INSERT INTO "sim_df" VALUES(1660866789,1);
INSERT INTO "sim_df" VALUES(1663787499,1);
INSERT INTO "sim_df" VALUES(1685739276,1);
INSERT INTO "sim_df" VALUES(1697463681,2);
INSERT INTO "sim_df" VALUES(1699079311,1);
INSERT INTO "sim_df" VALUES(1702429800,1);
INSERT INTO "sim_df" VALUES(1713001347,1);
INSERT INTO "sim_df" VALUES(1713532391,2);
INSERT INTO "sim_df" VALUES(1717036529,1);
INSERT INTO "sim_df" VALUES(1733084196,1);
INSERT INTO "sim_df" VALUES(1733468949,2);
INSERT INTO "sim_df" VALUES(1739347293,1);
INSERT INTO "sim_df" VALUES(1744108084,1);
INSERT INTO "sim_df" VALUES(1764992998,1);
INSERT INTO "sim_df" VALUES(1772671891,5);
INSERT INTO "sim_df" VALUES(1778832254,3);
INSERT INTO "sim_df" VALUES(1798610615,1);
INSERT INTO "sim_df" VALUES(1806468555,1);
INSERT INTO "sim_df" VALUES(1810056261,3);
INSERT INTO "sim_df" VALUES(1813179697,3);
INSERT INTO "sim_df" VALUES(1816009319,1);
INSERT INTO "sim_df" VALUES(1820610194,2);
INSERT INTO "sim_df" VALUES(1837446501,1);
INSERT INTO "sim_df" VALUES(1854657044,1);
INSERT INTO "sim_df" VALUES(1858907424,1);
INSERT INTO "sim_df" VALUES(1881018702,1);
INSERT INTO "sim_df" VALUES(1889812878,1);
INSERT INTO "sim_df" VALUES(1889960289,1);
INSERT INTO "sim_df" VALUES(1890413707,1);
INSERT INTO "sim_df" VALUES(1893269920,2);
INSERT INTO "sim_df" VALUES(1905963839,1);
INSERT INTO "sim_df" VALUES(1906729077,2);
INSERT INTO "sim_df" VALUES(1911956598,1);
INSERT INTO "sim_df" VALUES(1913844652,1);
INSERT INTO "sim_df" VALUES(1920799585,1);
INSERT INTO "sim_df" VALUES(1935710180,1);
INSERT INTO "sim_df" VALUES(1967937861,1);
INSERT INTO "sim_df" VALUES(1971547290,1);
INSERT INTO "sim_df" VALUES(1972041839,2);
INSERT INTO "sim_df" VALUES(1974124704,1);
INSERT INTO "sim_df" VALUES(1977709332,1);
INSERT INTO "sim_df" VALUES(1981562308,1);
INSERT INTO "sim_df" VALUES(1982134867,1);
INSERT INTO "sim_df" VALUES(1984699409,1);
INSERT INTO "sim_df" VALUES(1999067359,1);
INSERT INTO "sim_df" VALUES(2010842970,1);
INSERT INTO "sim_df" VALUES(2020663452,1);
INSERT INTO "sim_df" VALUES(2022027474,1);
INSERT INTO "sim_df" VALUES(2024005524,1);
INSERT INTO "sim_df" VALUES(2030490945,1);
INSERT INTO "sim_df" VALUES(2034467270,1);
INSERT INTO "sim_df" VALUES(2043496296,1);
INSERT INTO "sim_df" VALUES(2045266892,2);
INSERT INTO "sim_df" VALUES(2047711514,1);
INSERT INTO "sim_df" VALUES(2056408974,1);
INSERT INTO "sim_df" VALUES(2057965399,1);
INSERT INTO "sim_df" VALUES(2063623452,1);
INSERT INTO "sim_df" VALUES(2069997684,1);
INSERT INTO "sim_df" VALUES(2075219267,1);
INSERT INTO "sim_df" VALUES(2081610143,3);
INSERT INTO "sim_df" VALUES(2084853579,1);
INSERT INTO "sim_df" VALUES(2092277880,1);
INSERT INTO "sim_df" VALUES(2101678476,3);
INSERT INTO "sim_df" VALUES(2106599819,1);
INSERT INTO "sim_df" VALUES(2110028989,1);
INSERT INTO "sim_df" VALUES(2111019106,1);
INSERT INTO "sim_df" VALUES(2111155435,7);
INSERT INTO "sim_df" VALUES(2113333092,1);
INSERT INTO "sim_df" VALUES(2115346179,1);
INSERT INTO "sim_df" VALUES(2115650406,1);
INSERT INTO "sim_df" VALUES(2126414526,1);
INSERT INTO "sim_df" VALUES(2128001463,1);
INSERT INTO "sim_df" VALUES(2134010354,1);
INSERT INTO "sim_df" VALUES(2140782203,1);
INSERT INTO "sim_df" VALUES(2146186318,1);
INSERT INTO "sim_df" VALUES(2146273029,1);
INSERT INTO "sim_df" VALUES(2147806117,3);
INSERT INTO "sim_df" VALUES(2147948837,1);
INSERT INTO "sim_df" VALUES(2189883781,1);
INSERT INTO "sim_df" VALUES(2194154315,3);
INSERT INTO "sim_df" VALUES(2198518240,3);
INSERT INTO "sim_df" VALUES(2205144339,1);
INSERT INTO "sim_df" VALUES(2210634177,1);
INSERT INTO "sim_df" VALUES(2211578846,4);
INSERT INTO "sim_df" VALUES(2215087486,1);
INSERT INTO "sim_df" VALUES(2225913416,1);
INSERT INTO "sim_df" VALUES(2231668375,1);
INSERT INTO "sim_df" VALUES(2234236621,1);
INSERT INTO "sim_df" VALUES(2237771793,1);
INSERT INTO "sim_df" VALUES(2241121935,1);
INSERT INTO "sim_df" VALUES(2241266421,1);
INSERT INTO "sim_df" VALUES(2249352794,1);
INSERT INTO "sim_df" VALUES(2250334671,2);
INSERT INTO "sim_df" VALUES(2252074488,1);
INSERT INTO "sim_df" VALUES(2259362945,1);
INSERT INTO "sim_df" VALUES(2265487446,1);
INSERT INTO "sim_df" VALUES(2266107879,1);
INSERT INTO "sim_df" VALUES(2276606626,1);
INSERT INTO "sim_df" VALUES(2285597285,2);
INSERT INTO "sim_df" VALUES(2288823083,1);
INSERT INTO "sim_df" VALUES(2291926321,5);
INSERT INTO "sim_df" VALUES(2304635295,1);
INSERT INTO "sim_df" VALUES(2313823523,1);
INSERT INTO "sim_df" VALUES(2321997029,1);
INSERT INTO "sim_df" VALUES(2324565011,1);
INSERT INTO "sim_df" VALUES(2327452032,1);
INSERT INTO "sim_df" VALUES(2331154416,1);
INSERT INTO "sim_df" VALUES(2331645441,1);
INSERT INTO "sim_df" VALUES(2338406369,1);
INSERT INTO "sim_df" VALUES(2343351899,5);
INSERT INTO "sim_df" VALUES(2346092776,1);
INSERT INTO "sim_df" VALUES(2356630631,1);
INSERT INTO "sim_df" VALUES(2357476887,1);
INSERT INTO "sim_df" VALUES(2365589897,1);
INSERT INTO "sim_df" VALUES(2369025110,1);
INSERT INTO "sim_df" VALUES(2378129210,2);
INSERT INTO "sim_df" VALUES(2385469191,1);
INSERT INTO "sim_df" VALUES(2390269609,2);
INSERT INTO "sim_df" VALUES(2393007779,3);
INSERT INTO "sim_df" VALUES(2398180322,1);
INSERT INTO "sim_df" VALUES(2402550801,1);
INSERT INTO "sim_df" VALUES(2410490165,1);
INSERT INTO "sim_df" VALUES(2414360244,1);
INSERT INTO "sim_df" VALUES(2414859777,1);
INSERT INTO "sim_df" VALUES(2421795423,1);
INSERT INTO "sim_df" VALUES(2426108202,1);
INSERT INTO "sim_df" VALUES(2432501424,2);
INSERT INTO "sim_df" VALUES(2447553284,1);
INSERT INTO "sim_df" VALUES(2479467106,4);
INSERT INTO "sim_df" VALUES(2490257174,1);
INSERT INTO "sim_df" VALUES(2493804155,1);
INSERT INTO "sim_df" VALUES(2494680139,1);
INSERT INTO "sim_df" VALUES(2500196027,1);
INSERT INTO "sim_df" VALUES(2512438449,1);
INSERT INTO "sim_df" VALUES(2523206064,1);
INSERT INTO "sim_df" VALUES(2524151793,1);
INSERT INTO "sim_df" VALUES(2525759809,3);
INSERT INTO "sim_df" VALUES(2526027604,1);
INSERT INTO "sim_df" VALUES(2532105403,1);
INSERT INTO "sim_df" VALUES(2534504849,1);
INSERT INTO "sim_df" VALUES(2540192502,1);
INSERT INTO "sim_df" VALUES(2540208936,1);
INSERT INTO "sim_df" VALUES(2540836308,1);
INSERT INTO "sim_df" VALUES(2541086472,1);
INSERT INTO "sim_df" VALUES(2542861470,3);
INSERT INTO "sim_df" VALUES(2548442600,1);
INSERT INTO "sim_df" VALUES(2557948429,1);
INSERT INTO "sim_df" VALUES(2559595254,1);
INSERT INTO "sim_df" VALUES(2559704798,1);
INSERT INTO "sim_df" VALUES(2583472142,1);
INSERT INTO "sim_df" VALUES(2584031210,1);
INSERT INTO "sim_df" VALUES(2585270385,1);
INSERT INTO "sim_df" VALUES(2587086363,2);
INSERT INTO "sim_df" VALUES(2589116922,1);
INSERT INTO "sim_df" VALUES(2589783171,1);
INSERT INTO "sim_df" VALUES(2599724541,1);
INSERT INTO "sim_df" VALUES(2619071404,1);
INSERT INTO "sim_df" VALUES(2621226015,1);
INSERT INTO "sim_df" VALUES(2636885400,1);
INSERT INTO "sim_df" VALUES(2639555233,2);
INSERT INTO "sim_df" VALUES(2641628409,1);
INSERT INTO "sim_df" VALUES(2645431476,1);
INSERT INTO "sim_df" VALUES(2650110983,1);
INSERT INTO "sim_df" VALUES(2653168818,1);
INSERT INTO "sim_df" VALUES(2654125802,1);
INSERT INTO "sim_df" VALUES(2655453981,2);
INSERT INTO "sim_df" VALUES(2678770782,1);
INSERT INTO "sim_df" VALUES(2679586167,1);
INSERT INTO "sim_df" VALUES(2683011246,1);
INSERT INTO "sim_df" VALUES(2696952925,1);
INSERT INTO "sim_df" VALUES(2698811521,1);
INSERT INTO "sim_df" VALUES(2699804679,1);
INSERT INTO "sim_df" VALUES(2711053874,2);
INSERT INTO "sim_df" VALUES(2715481140,1);
INSERT INTO "sim_df" VALUES(2716350969,1);
INSERT INTO "sim_df" VALUES(2718559939,1);
INSERT INTO "sim_df" VALUES(2728689828,1);
INSERT INTO "sim_df" VALUES(2728866692,1);
INSERT INTO "sim_df" VALUES(2728964092,1);
INSERT INTO "sim_df" VALUES(2744374011,2);
INSERT INTO "sim_df" VALUES(2750454497,1);
INSERT INTO "sim_df" VALUES(2754374166,1);
INSERT INTO "sim_df" VALUES(2757483969,1);
INSERT INTO "sim_df" VALUES(2758837156,1);
INSERT INTO "sim_df" VALUES(2769282957,1);
INSERT INTO "sim_df" VALUES(2775079470,1);
INSERT INTO "sim_df" VALUES(2775176082,1);
INSERT INTO "sim_df" VALUES(2777654405,1);
INSERT INTO "sim_df" VALUES(2787359010,1);
INSERT INTO "sim_df" VALUES(2793333529,1);
INSERT INTO "sim_df" VALUES(2797401054,1);
INSERT INTO "sim_df" VALUES(2816315569,2);
INSERT INTO "sim_df" VALUES(2818627032,1);
INSERT INTO "sim_df" VALUES(2827097856,1);
INSERT INTO "sim_df" VALUES(2862495610,1);
INSERT INTO "sim_df" VALUES(2874532431,2);
INSERT INTO "sim_df" VALUES(2876535456,3);
INSERT INTO "sim_df" VALUES(2892185779,1);
INSERT INTO "sim_df" VALUES(2892977604,1);
INSERT INTO "sim_df" VALUES(2903340623,1);
INSERT INTO "sim_df" VALUES(2903684921,1);
INSERT INTO "sim_df" VALUES(2903968104,1);
INSERT INTO "sim_df" VALUES(2908104539,1);
INSERT INTO "sim_df" VALUES(2908724220,1);
INSERT INTO "sim_df" VALUES(2918445923,1);
INSERT INTO "sim_df" VALUES(2919301965,1);
INSERT INTO "sim_df" VALUES(2919319775,1);
INSERT INTO "sim_df" VALUES(2927750248,2);
INSERT INTO "sim_df" VALUES(2943577834,1);
INSERT INTO "sim_df" VALUES(2944839123,1);
INSERT INTO "sim_df" VALUES(2945588439,1);
INSERT INTO "sim_df" VALUES(2947952088,1);
INSERT INTO "sim_df" VALUES(2953923774,1);
INSERT INTO "sim_df" VALUES(2954424587,1);
INSERT INTO "sim_df" VALUES(2956045734,1);
INSERT INTO "sim_df" VALUES(2958022902,1);
INSERT INTO "sim_df" VALUES(2966614243,1);
INSERT INTO "sim_df" VALUES(2967976749,1);
INSERT INTO "sim_df" VALUES(2971444007,1);
INSERT INTO "sim_df" VALUES(2978032323,1);
INSERT INTO "sim_df" VALUES(2983704804,1);
INSERT INTO "sim_df" VALUES(3014737095,1);
INSERT INTO "sim_df" VALUES(3027677217,1);
INSERT INTO "sim_df" VALUES(3030628695,1);
INSERT INTO "sim_df" VALUES(3034889427,1);
INSERT INTO "sim_df" VALUES(3043264515,1);
INSERT INTO "sim_df" VALUES(3043351533,1);
INSERT INTO "sim_df" VALUES(3047321096,1);
INSERT INTO "sim_df" VALUES(3060074439,1);
INSERT INTO "sim_df" VALUES(3069948927,1);
INSERT INTO "sim_df" VALUES(3073500555,1);
INSERT INTO "sim_df" VALUES(3079375735,1);
INSERT INTO "sim_df" VALUES(3092266577,1);
INSERT INTO "sim_df" VALUES(3103162462,1);
INSERT INTO "sim_df" VALUES(3112318115,1);
INSERT INTO "sim_df" VALUES(3113997075,3);
INSERT INTO "sim_df" VALUES(3133669713,1);
INSERT INTO "sim_df" VALUES(3135693528,1);
INSERT INTO "sim_df" VALUES(3145888567,4);
INSERT INTO "sim_df" VALUES(3146260872,1);
INSERT INTO "sim_df" VALUES(3149625063,1);
INSERT INTO "sim_df" VALUES(3150034844,1);
INSERT INTO "sim_df" VALUES(3155610816,1);
INSERT INTO "sim_df" VALUES(3161512200,6);
INSERT INTO "sim_df" VALUES(3163681814,1);
INSERT INTO "sim_df" VALUES(3167444013,1);
INSERT INTO "sim_df" VALUES(3167739324,1);
INSERT INTO "sim_df" VALUES(3170211187,1);
INSERT INTO "sim_df" VALUES(3173820095,1);
INSERT INTO "sim_df" VALUES(3174009887,1);
INSERT INTO "sim_df" VALUES(3176329464,1);
INSERT INTO "sim_df" VALUES(3180383274,1);
INSERT INTO "sim_df" VALUES(3181729905,1);
INSERT INTO "sim_df" VALUES(3200700750,1);
INSERT INTO "sim_df" VALUES(3216080988,1);
INSERT INTO "sim_df" VALUES(3223838707,1);
INSERT INTO "sim_df" VALUES(3235258666,5);
INSERT INTO "sim_df" VALUES(3254502570,1);
INSERT INTO "sim_df" VALUES(3259074755,1);
INSERT INTO "sim_df" VALUES(3260032521,1);
INSERT INTO "sim_df" VALUES(3269389148,2);
INSERT INTO "sim_df" VALUES(3287381265,1);
INSERT INTO "sim_df" VALUES(3287498414,1);
INSERT INTO "sim_df" VALUES(3288973319,2);
INSERT INTO "sim_df" VALUES(3291445124,1);
INSERT INTO "sim_df" VALUES(3294659223,1);
INSERT INTO "sim_df" VALUES(3304255008,6);
INSERT INTO "sim_df" VALUES(3315324353,2);
INSERT INTO "sim_df" VALUES(3316354016,1);
INSERT INTO "sim_df" VALUES(3317003790,1);
INSERT INTO "sim_df" VALUES(3332434549,3);
INSERT INTO "sim_df" VALUES(3340397034,1);
INSERT INTO "sim_df" VALUES(3341809794,1);
INSERT INTO "sim_df" VALUES(3345391173,1);
INSERT INTO "sim_df" VALUES(3346305011,1);
INSERT INTO "sim_df" VALUES(3352150867,1);
INSERT INTO "sim_df" VALUES(3368074316,1);
INSERT INTO "sim_df" VALUES(3370856840,2);
INSERT INTO "sim_df" VALUES(3375463666,1);
INSERT INTO "sim_df" VALUES(3375623514,1);
INSERT INTO "sim_df" VALUES(3377271179,1);
INSERT INTO "sim_df" VALUES(3379047216,1);
INSERT INTO "sim_df" VALUES(3379313095,1);
INSERT INTO "sim_df" VALUES(3397542811,1);
INSERT INTO "sim_df" VALUES(3400339481,1);
INSERT INTO "sim_df" VALUES(3402289634,1);
INSERT INTO "sim_df" VALUES(3403970290,3);
INSERT INTO "sim_df" VALUES(3411872625,1);
INSERT INTO "sim_df" VALUES(3418329323,1);
INSERT INTO "sim_df" VALUES(3420473613,1);
INSERT INTO "sim_df" VALUES(3421967438,1);
INSERT INTO "sim_df" VALUES(3428478247,6);
INSERT INTO "sim_df" VALUES(3431976094,2);
INSERT INTO "sim_df" VALUES(3441287562,1);
INSERT INTO "sim_df" VALUES(3450482886,1);
INSERT INTO "sim_df" VALUES(3454232745,1);
INSERT INTO "sim_df" VALUES(3458788064,1);
INSERT INTO "sim_df" VALUES(3458807370,3);
INSERT INTO "sim_df" VALUES(3459632961,1);
INSERT INTO "sim_df" VALUES(3494172116,1);
INSERT INTO "sim_df" VALUES(3494823780,1);
INSERT INTO "sim_df" VALUES(3507795190,1);
INSERT INTO "sim_df" VALUES(3510096238,2);
INSERT INTO "sim_df" VALUES(3526920687,1);
INSERT INTO "sim_df" VALUES(3540979778,1);
INSERT INTO "sim_df" VALUES(3541508199,1);
INSERT INTO "sim_df" VALUES(3543717251,1);
INSERT INTO "sim_df" VALUES(3543904377,1);
INSERT INTO "sim_df" VALUES(3544843437,1);
INSERT INTO "sim_df" VALUES(3559956683,1);
INSERT INTO "sim_df" VALUES(3564956183,1);
INSERT INTO "sim_df" VALUES(3568062129,1);
INSERT INTO "sim_df" VALUES(3569613468,1);
INSERT INTO "sim_df" VALUES(3574762127,2);
INSERT INTO "sim_df" VALUES(3578722518,1);
INSERT INTO "sim_df" VALUES(3578976580,1);
INSERT INTO "sim_df" VALUES(3580460184,3);
INSERT INTO "sim_df" VALUES(3599038896,1);
INSERT INTO "sim_df" VALUES(3601361085,1);
INSERT INTO "sim_df" VALUES(3607726417,1);
INSERT INTO "sim_df" VALUES(3608792642,2);
INSERT INTO "sim_df" VALUES(3610442649,1);
INSERT INTO "sim_df" VALUES(3616816488,1);
INSERT INTO "sim_df" VALUES(3616895705,1);
INSERT INTO "sim_df" VALUES(3617579938,2);
INSERT INTO "sim_df" VALUES(3618023297,1);
INSERT INTO "sim_df" VALUES(3623696589,1);
INSERT INTO "sim_df" VALUES(3625273139,1);
INSERT INTO "sim_df" VALUES(3628720332,1);
INSERT INTO "sim_df" VALUES(3632373061,3);
INSERT INTO "sim_df" VALUES(3635389816,2);
INSERT INTO "sim_df" VALUES(3641155300,3);
INSERT INTO "sim_df" VALUES(3646436640,1);
INSERT INTO "sim_df" VALUES(3647116575,1);
INSERT INTO "sim_df" VALUES(3647796332,1);
INSERT INTO "sim_df" VALUES(3661292323,2);
INSERT INTO "sim_df" VALUES(3667515066,1);
INSERT INTO "sim_df" VALUES(3668487020,1);
INSERT INTO "sim_df" VALUES(3670532423,1);
INSERT INTO "sim_df" VALUES(3670815069,1);
INSERT INTO "sim_df" VALUES(3674889938,1);
INSERT INTO "sim_df" VALUES(3675851847,4);
INSERT INTO "sim_df" VALUES(3684487742,1);
INSERT INTO "sim_df" VALUES(3686301690,1);
INSERT INTO "sim_df" VALUES(3687623761,1);
INSERT INTO "sim_df" VALUES(3692202327,1);
INSERT INTO "sim_df" VALUES(3693752514,2);
INSERT INTO "sim_df" VALUES(3700177583,1);
INSERT INTO "sim_df" VALUES(3701125684,1);
INSERT INTO "sim_df" VALUES(3701487616,1);
INSERT INTO "sim_df" VALUES(3703245907,1);
INSERT INTO "sim_df" VALUES(3713686397,2);
INSERT INTO "sim_df" VALUES(3716215579,1);
INSERT INTO "sim_df" VALUES(3721127058,1);
INSERT INTO "sim_df" VALUES(3723172569,1);
INSERT INTO "sim_df" VALUES(3739182645,1);
INSERT INTO "sim_df" VALUES(3746603606,2);
INSERT INTO "sim_df" VALUES(3750413550,1);
INSERT INTO "sim_df" VALUES(3766473888,1);
INSERT INTO "sim_df" VALUES(3766859142,2);
INSERT INTO "sim_df" VALUES(3773131028,1);
INSERT INTO "sim_df" VALUES(3776306942,1);
INSERT INTO "sim_df" VALUES(3782173140,1);
INSERT INTO "sim_df" VALUES(3783185460,1);
INSERT INTO "sim_df" VALUES(3785202386,1);
INSERT INTO "sim_df" VALUES(3791315266,3);
INSERT INTO "sim_df" VALUES(3805476411,1);
INSERT INTO "sim_df" VALUES(3809346112,7);
INSERT INTO "sim_df" VALUES(3815137035,1);
INSERT INTO "sim_df" VALUES(3817414719,1);
INSERT INTO "sim_df" VALUES(3819134701,2);
INSERT INTO "sim_df" VALUES(3827516697,1);
INSERT INTO "sim_df" VALUES(3836597589,1);
INSERT INTO "sim_df" VALUES(3838745332,3);
INSERT INTO "sim_df" VALUES(3846826350,1);
INSERT INTO "sim_df" VALUES(3849471235,3);
INSERT INTO "sim_df" VALUES(3852478864,1);
INSERT INTO "sim_df" VALUES(3853549953,1);
INSERT INTO "sim_df" VALUES(3859520601,1);
INSERT INTO "sim_df" VALUES(3873518260,1);
INSERT INTO "sim_df" VALUES(3874778180,1);
INSERT INTO "sim_df" VALUES(3876864264,1);
INSERT INTO "sim_df" VALUES(3878442762,1);
INSERT INTO "sim_df" VALUES(3890170347,1);
INSERT INTO "sim_df" VALUES(3892610793,1);
INSERT INTO "sim_df" VALUES(3892677507,1);
INSERT INTO "sim_df" VALUES(3895342900,1);
INSERT INTO "sim_df" VALUES(3899045217,1);
INSERT INTO "sim_df" VALUES(3899743328,2);
INSERT INTO "sim_df" VALUES(3906821082,1);
INSERT INTO "sim_df" VALUES(3907529958,1);
INSERT INTO "sim_df" VALUES(3909908654,1);
INSERT INTO "sim_df" VALUES(3910569946,1);
INSERT INTO "sim_df" VALUES(3913793934,1);
INSERT INTO "sim_df" VALUES(3929349653,2);
INSERT INTO "sim_df" VALUES(3938725598,1);
INSERT INTO "sim_df" VALUES(3943847358,2);
INSERT INTO "sim_df" VALUES(3946250187,1);
INSERT INTO "sim_df" VALUES(3959549824,2);
INSERT INTO "sim_df" VALUES(3961042542,1);
INSERT INTO "sim_df" VALUES(3963072352,1);
INSERT INTO "sim_df" VALUES(3967838223,1);
INSERT INTO "sim_df" VALUES(3970957002,1);
INSERT INTO "sim_df" VALUES(3983767863,1);
INSERT INTO "sim_df" VALUES(4007317953,1);
INSERT INTO "sim_df" VALUES(4024271718,1);
INSERT INTO "sim_df" VALUES(4029357222,1);
INSERT INTO "sim_df" VALUES(4035167061,1);
INSERT INTO "sim_df" VALUES(4036957602,2);
INSERT INTO "sim_df" VALUES(4038361063,1);
INSERT INTO "sim_df" VALUES(4040141479,1);
INSERT INTO "sim_df" VALUES(4041703935,1);
INSERT INTO "sim_df" VALUES(4063474014,1);
INSERT INTO "sim_df" VALUES(4070681415,1);
INSERT INTO "sim_df" VALUES(4075649083,1);
INSERT INTO "sim_df" VALUES(4081292233,2);
INSERT INTO "sim_df" VALUES(4087400498,1);
INSERT INTO "sim_df" VALUES(4090688587,2);
INSERT INTO "sim_df" VALUES(4091595963,4);
INSERT INTO "sim_df" VALUES(4091734087,1);
INSERT INTO "sim_df" VALUES(4097674051,1);
INSERT INTO "sim_df" VALUES(4106906574,1);
INSERT INTO "sim_df" VALUES(4111851833,5);
INSERT INTO "sim_df" VALUES(4113142680,1);
INSERT INTO "sim_df" VALUES(4113252309,1);
INSERT INTO "sim_df" VALUES(4117169167,2);
INSERT INTO "sim_df" VALUES(4118973832,1);
INSERT INTO "sim_df" VALUES(4120216365,1);
INSERT INTO "sim_df" VALUES(4125354711,2);
INSERT INTO "sim_df" VALUES(4165190908,1);
INSERT INTO "sim_df" VALUES(4168381683,1);
INSERT INTO "sim_df" VALUES(4170122292,1);
INSERT INTO "sim_df" VALUES(4171887004,1);
INSERT INTO "sim_df" VALUES(4187538166,1);
INSERT INTO "sim_df" VALUES(4187937467,1);
INSERT INTO "sim_df" VALUES(4193299188,1);
INSERT INTO "sim_df" VALUES(4196041389,1);
INSERT INTO "sim_df" VALUES(4208506641,1);
INSERT INTO "sim_df" VALUES(4212306201,1);
INSERT INTO "sim_df" VALUES(4215628054,1);
INSERT INTO "sim_df" VALUES(4219552451,1);
INSERT INTO "sim_df" VALUES(4220927535,1);
INSERT INTO "sim_df" VALUES(4223303196,1);
INSERT INTO "sim_df" VALUES(4229448983,4);
INSERT INTO "sim_df" VALUES(4231028284,2);
INSERT INTO "sim_df" VALUES(4242336558,2);
INSERT INTO "sim_df" VALUES(4243511249,1);
INSERT INTO "sim_df" VALUES(4244829894,1);
INSERT INTO "sim_df" VALUES(4252452532,1);
INSERT INTO "sim_df" VALUES(4257000983,1);
INSERT INTO "sim_df" VALUES(4258467722,1);
INSERT INTO "sim_df" VALUES(4259933595,1);
INSERT INTO "sim_df" VALUES(4267275879,1);
INSERT INTO "sim_df" VALUES(4277887734,1);
INSERT INTO "sim_df" VALUES(4278037390,1);
INSERT INTO "sim_df" VALUES(4279256673,1);
INSERT INTO "sim_df" VALUES(4288430788,1);
INSERT INTO "sim_df" VALUES(4290148284,1);
CREATE TABLE sim_docs (
    doc_id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,      -- normalised title
    lead TEXT NOT NULL,       -- normalised opening, for the near-duplicate comparison
    features BLOB NOT NULL,   -- uint32 feature hashes (CRC-32) of title and opening
    posted BLOB NOT NULL,     -- the subset written to sim_postings
    bridge BLOB NOT NULL,     -- the features another language can share (numbers, names...)
    no_space INTEGER NOT NULL -- written in a script without spaces (Khmer, Thai...)
);
INSERT INTO "sim_docs" VALUES(1,'cambodia requests un for more resources and expertise for pko','h.e. aun pornmoniroth, cambodian deputy prime minister and minister of economy and finance, has proposed the un to provide more resources and expertise, particularly in terms of sharing best practices and lesson learnt for peace keeping operation (pko), such as through regular pre-deployment and post-deployment trainings, to enable peacekeepers to carry out and deliver on their mandate efficiently. he made the proposition on behalf of prime minister samdech akka moha sena padei techo hun sen, at the 11th asean-un summit, conducted on nov. 15 via videoconference on the margin of the 37th asean ',X'07C009C40E120C390EA8FC990F0467F516F491BC163E2B3117AEBCFD1988E05A166A2CA41BCE339A1816804C1D2EB43B20EEF2C42F58CD1A326697A13340601B34F4DAA134048FF83458771D32C8A0F3391413573C5E30FC40020EE340EC370E42CE19D7446CF4E6471C1509470C19DB4A3629CE4A500C454E34EC7F4F760DAD51ACCCDB56A250DF57900850599C0BE65AC207155C62C05F5D3CC0A060407752605C71E865723B886682C74168EC81AE6A8A69576CF46CD96DA681197050F6457168BB0D7560A67177C8ED2C78A0B57C7BBE997F80684E538124AB8681C0675587367439885040438D6C8A5A8F8A12D58FCE9485928CCC47924E846C940A1344987C69D5A16A549DA366A28EA6DC761BA7AACFF0A99E788EAE3EF3C3AF6ABF1EAF72993EB190DDA7B3449837B47CBC34B490BD56B76C3448BBCCE0F3BD7CC47DBECC123CD5307932D7EAE3F5D9CA6133DE2EC4EADF582777E0EA28CEE19AF0A3E7DEAE21E79A4044EA6E73AFEBACD57DED5EA3E3F276E4CAF37474F8F49ACEE4F6C298F9F6426897034572E5050F712D08E775970953B6380BF118B013D39BB91469E5E015A3526719E37EA61D03479E203558D92215AF322325EA8925190780276D5ACC2A21D6C02F0F6B3330C7330031059C883529AD8F377382BB39E115F53A5FBF8D40EFF61E41098C964355B17B4311773A459D81D844D952D547E1C7DA4F954E0B53C3CDC75443A719570F4B545CEBDEC25D3D93106181A67063F3F3AD643D7009683D94D76ED137D17395F5BC7D5B5ADD7ED3066A8019BA8A816F4E0D838B05E88831EBC8888D82F58BDF9A228B114DC98DE70FA58D4123089623E2499877971999BD994A9B6DE9FD9B6382CA9ED9CC159F8F973B9F6BFA28A2159FF0A2E39FD7A5EB0480AD33AC54AFDF9A01AF992A3EBB990656BE5512EBC1D59BC5C99343F3CDE7BB59CF612186D4616FE1D403714ADE03D283E0B90A83E13F618BE77FB4F0E76D2266E9B9164EEB49DFE7EDF5CE15EE0F7D19EF8938D2F269327FFCAFA8A2',X'050F712D0953B6380E120C3913D39BB915A3526716F491BC163E2B311816804C1D2EB43B20EEF2C42215AF322F58CD1A30C733002F0F6B3331059C883340601B3458771D377382BB39E115F53A5FBF8D40020EE340EC370E40EFF61E4311773A459D81D8471C15094A500C454A3629CE4F954E0B5443A719570F4B545AC207155D3D9310643D70096682C7416DA681196ED137D17050F6457168BB0D77C8ED2C7D5B5ADD816F4E0D87367439885040438BDF9A228D412308928CCC47940A134498779719987C69D59ED9CC159F8F973B9F6BFA28A6DC761BA7AACFF0AF72993EAFDF9A01AF6ABF1EAF992A3EB3449837B47CBC34BECC123CD5307932D9CA6133DE03D283E0B90A83E77FB4F0E7DEAE21E79A4044EBACD57DEDF5CE15EE0F7D19ED5EA3E3F49ACEE4',X'40EC370E40020EE3459D81D8471C15094A3629CE928CCC4713D39BB915A35267570F4B541816804C987C69D5DE03D2839F6BFA2820EEF2C4E0B90A83A6DC761BA7AACFF06682C741E77FB4F0EBACD57DED5EA3E36ED137D12F58CD1AEDF5CE1531059C88F49ACEE4377382BB39E115F53A5FBF8D7D5B5ADD',0);
INSERT INTO "sim_docs" VALUES(2,'outcomes of the asean-united nations ministerial meeting','21 october 2020 on 21 october 2020, his excellency prak sokhonn, deputy prime minister and minister of foreign affairs and international cooperation, participated in the asean-united nations ministerial meeting via videoconference. the meeting was chaired by his excellency deputy prime minister and foreign minister of viet nam, and was attended by asean foreign ministers, secretary-general of asean, the united nations secretary-general, and the president of the 75th session of the united nations general assembly (unga). the meeting shared words of congratulation on the 75th anniversary of the ',X'077CF59D07C009C414D28B6E151E35EA1BCE339A20EEF2C42D1C57582E5A68A52F58CD1A326697A13340601B34FAF4673566DFDE3B78EDF240EC370E40020EE34544E36B471C1509470C19DB4A3629CE4FE255AB53A49217566ADD255BB6AC8B5CD6BA2F68CA6C5E6A8A69576DA681197168BB0D75EAA0C67624F67177C8ED2C7B6EA49481C06755873674398D6C8A5A8D98EA568FE44565928CCC47987C69D599444D529B1C8D0A9D3ED5279ECC8FCCA0D47FE0A16A549DA242B287A99E788EB44677FDB7FECC48BBF60595BBCCE0F3BBF48C13BE360324C16A3B0FC38841C2C630AACDC6700F49CAFEAFECCBA030D4CC04BE36CEFA7B5DD0249257D548AE20D864C924E3F0D2B0E49E07D9E75C972CE9F8842FEBACD57DED5EA3E3F27C31C9F276E4CAF49ACEE4FEDE15E1034572E5050F712D08D970BC0953B638084114E70BEF091A1175F1C313D39BB91F47991223E33ADA276D5ACC2A21D6C02AF119032B0B87432D8395F531ED126C34372EE836C5E52F39E115F53A5FBF8D3B9D17393E5F375740EFF61E41098C9642E1FAE1438B3DF44311773A459D81D84B23C8824C6F3852518909D755C383F0578912DC570F4B5459A71A1C5CEBDEC260AF37EC6535856D76F1620F7D5B5ADD7ED3066A80F3144B816F4E0D813D2D658433A7A287411450882188BB8909008D8A0FD3FD8B29907D8C11457D93D3A8699349831A99BD994A9CB7C1BB9CF1A9F89F6BFA289FF15D89A001D970A2159FF0A2E39FD7A4959D06A5EB0480AF992A3EBE296B59C1D59BC5C26DBC30C99343F3D1D7EEFCD4A3BD4CD4D544D0D82DB6AFDE03D283E0B90A83E253F18EE4976073E76D2266EDF5CE15F1E55766F17F7396',X'050F712D08D970BC0953B6380BEF091A13D39BB91F47991220EEF2C4276D5ACC2AF119032B0B87432F58CD1A31ED126C3340601B36C5E52F39E115F53A5FBF8D3B9D173940EC370E40EFF61E4311773A4544E36B471C15094A3629CE4C6F385253A49217566ADD25570F4B5459A71A1C5BB6AC8B5CD6BA2F6DA681197168BB0D75EAA0C676F1620F77C8ED2C7B6EA49480F3144B816F4E0D8736743987411450882188BB8C11457D8D98EA56928CCC479349831A93D3A86999BD994A99444D529B1C8D0A9CB7C1BB9D3ED5279F6BFA28A4959D06AF992A3EB7FECC48BBF48C13BE360324C16A3B0FC26DBC30C6700F49CC04BE36CEFA7B5DD4A3BD4CD548AE20D864C924DE03D283E0B90A83E75C972CE9F8842FEBACD57DEDF5CE15',X'80F3144B08D970BC882188BB8C11457D8D98EA56928CCC4793D3A86913D39BB9987C69D599444D529CB7C1BB9F6BFA2820EEF2C42F58CD1A31ED126CB44677FD36C5E52FB7FECC4839E115F53A5FBF8D3B9D1739BE36032440EC370E40020EE3438B3DF44544E36B459D81D8471C15094A3629CECEFA7B5D570F4B545BB6AC8BDE03D28360AF37ECE0B90A83EBACD57DED5EA3E3EDF5CE15F49ACEE475EAA0C67B6EA4947D5B5ADD',0);
INSERT INTO "sim_docs" VALUES(3,'cambodian prime minister, un secretary-general hold bilateral meeting','samdech akka moha sena padei techo hun sen, prime minister of cambodia, and his excellency antónio guterres, secretary-general of the united nations, discussed the strengthening of cambodia-un cooperation and exchanged views on various regional and international issues, in a bilateral meeting held in phnom penh, on 13 november 2022 on the sidelines of the asean summits and related summits. secretary-general guterres congratulated samdech techo prime minister for successfully hosting and chairing the asean summits and related summits, including the asean-un summit. the two leaders noted with sa',X'0038A0DC0D0A8A35111C4C76130C8E8A14966D2516D8BF5B1988E05A20FE57402F58CD1A3A46C6283C5E30FC3C102F0440EC370E40020EE342100FD342CE19D7471C1509470C19DB48BEAC844A3629CE4BCCB194513E50B853A492175674348D56A250DF5AC207155BB6AC8B5A6612865B74543865723B886682C74167BE1C2368EC81AE668ACA116DA681196FF88A757560A6717B6EDD377E7627148B6CAD7090705760924E846C987C69D599444D529B1C8D0A9C3E4B3C9ECC8FCC9EFC9097A07274ABA3E4665CA33482B9A366A28EA6DC761BAC5C8708AE780CE9AF72993EAF3A8CDCB190DDA7B2945910B3449837B79E346BBBCCE0F3BBDCEC96BBF48C13BECC123CC3EE09A2C4429CFFD1885D12D548AE20D7EAE3F5D97295D7DD12151FDE845A00DFAAB109DF90C13DDEB4A325DE669008E4B8D7B1E49E07D9E62CE8E8E776BBBBE8A40A2EE75C972CEBACD57DEDD66331F0B82D0DF276E4CAF4AAF0F9F5E42C46F5D8C546F7F4F43AF49ACEE4FCC443F8034572E503C19005070DCA1F08D970BC0953B63813D39BB915A35267174518FC1A990D7A1BF380DD1F47991223E33ADA276D5ACC2A21D6C02CB9DC302EEBDCFC2FA126052F550B0C377382BB39E115F53E23AD1241FBF75541098C964311773A44B17A41459D81D8494789624B23C8825443A719570F4B54570FAA7A598D30505A07DB775D55AC6766C973536CABA8DA7749B953778B8BB77ADF991880EF01EC813D2D6583D538D38831EBC88865E9098D4123088EABFDFE93D3A869989329F59999091B9A33640D9F8F973BA001D9709FD9127CA57D8853ACF31272AFDF9A01C263010AC8C12E4DCC4BE879DA8F16E9DE03D283E0B90A83E3F3A210E6A73369E7B3D00AEB612B63EDF5CE15F097F28AF2854F1BF3DF27C0F38F74C7FA7FB8DB',X'03C19005070DCA1F08D970BC0D0A8A3513D39BB914966D2515A352671F4799122CB9DC302F58CD1A2FA126052F550B0C377382BB39E115F53A46C6283C102F043E23AD1240EC370E471C15094A3629CE53A492175443A719570F4B54570FAA7A5AC207155B7454385BB6AC8B668ACA1167BE1C236682C7416DA681196FF88A757ADF99187B6EDD377E7627148865E9098D41230893D3A8699999091B9A33640D9B1C8D0A99444D529EFC90979FD9127CA07274ABA6DC761BAC5C8708AFDF9A01B2945910B3449837BBF48C13C263010AC8C12E4DD1885D12D548AE20DD12151FDE03D283DE669008DE845A00DFAAB109DEB4A325E3F3A210E0B90A83E776BBBBE7B3D00AE75C972CE8A40A2EEBACD57DEDF5CE15EDD66331F0B82D0DF2854F1BF38F74C7',X'08D970BC8865E90993D3A86913D39BB915A3526714966D25987C69D599444D529EFC90979FD9127CA07274ABA6DC761B2F58CD1A377382BB39E115F540EC370E40020EE3459D81D8471C1509C8C12E4D4A3629CE570FAA7A570F4B545BB6AC8B5B745438DE03D283DFAAB109E0B90A83E3F3A2106682C741E776BBBBEBACD57DEDF5CE156FF88A75F38F74C7F49ACEE47E762714',0);
INSERT INTO "sim_docs" VALUES(4,'notice on consular services during the khmer new year holidays','the ministry of foreign affairs and international cooperation would like to inform the public that the consular department will suspend the receipt of applications for ordinary passports and visa extensions from 12 to 17 april 2024 on the occasion of the khmer new year. foreign nationals may continue to apply for tourist and business visas online through the official e-visa portal, which remains open throughout the holidays. applicants are advised to submit their applications at least three working days before their intended date of travel. holders of diplomatic and official passports, includi',X'08ABB116086EA2B508D970BC0D32779810F00F451498F51514966D2517F2E603174518FC1910ADCA1C65007B1D2EB43B1F8C2FBD20EEF2C423582703276D5ACC2CB9DC302CE796382F94961731059C8834B29ADC377382BB38E6624C386ED30840020EE342B0393F43B3313F4544E36B45B6995348AC26514CBCC0C84E14F7CB4E111E705BB6AC8B62AAC9936754778C773DB79F7A379EAA80EF01EC8198DCA083187929840D9A4D873674398AE11DCD907057609029A0E592F36E4299444D529A59F3319F8F973BA0D0C160A48370A4B006FD90B34063ACB432E1E6B7B9D67EBD68A8D6C1DD5BA4C2450D48C1D1DAEEC43D1C76C70765B6CD44534FCE6B0B2DD29A9DE1D3AD86AFDEFE9198DF4801AEDF2AE313E4688521E5DC668AEABE329EEBACD57DEA2F059AEDF5CE15F093AE0BF5D8C546',X'8198DCA083187929840D9A4D8736743908ABB11608D970BC0D32779810F00F459070576092F36E421498F51514966D2517F2E60399444D529A59F3311C65007B1D2EB43B9F8F973BA0D0C16020EEF2C4235827032CB9DC302CE796382F949617B006FD9031059C8834B29ADC377382BBB7B9D67E386ED30838E6624C40020EE3C1DD5BA4C2450D4842B0393F43B3313F4544E36BC43D1C7645B6995348AC2651CD44534FCE6B0B2D4E111E70D29A9DE1D3AD86AF5BB6AC8BDEFE9198DF2AE313DF4801AE62AAC993E4688521E5DC668A6754778CEA2F059AEBACD57DEABE329EEDF5CE15F093AE0BF5D8C546773DB79F',X'40020EE342B0393F4544E36B08D970BC08ABB116CD44534FD3AD86AF1498F51514966D2599444D525BB6AC8BDF4801AE20EEF2C462AAC993EBACD57D377382BBEDF5CE1531059C88B7B9D67E',0);
INSERT INTO "sim_docs" VALUES(5,'វឌ្ឍនភាពការងារបោសសម្អាតមីន និងសំណល់ជាតិផ្ទុះពីសង្គ្រាម','នៅថ្ងៃទី15 ខែកុម្ភៈ ឆ្នាំ2024 ក្រសួងការបរទេស និងសហប្រតិបត្តិការអន្តរជាតិ បានចូលរួមកិច្ចប្រជុំពិនិត្យវឌ្ឍនភាពការងារបោសសម្អាតមីន និងសំណល់ជាតិផ្ទុះពីសង្គ្រាម ដែលរៀបចំដោយអាជ្ញាធរកម្ពុជាសកម្មភាពកំចាត់មីន និងសង្គ្រោះជនរងគ្រោះដោយសារមីន (cmaa) នៅរាជធានីភ្នំពេញ។ យោងតាមរបាយការណ៍ ក្នុងឆ្នាំ2023 ប្រតិបត្តិករកំចាត់មីន រួមទាំងមជ្ឈមណ្ឌលសកម្មភាពកំចាត់មីនកម្ពុជា (cmac) បានបោសសម្អាតដីប្រមាណ 200 គីឡូម៉ែត្រការ៉េ និងបានកម្ទេចគ្រាប់មីន និងគ្រាប់មិនទាន់ផ្ទុះជាច្រើនម៉ឺនគ្រាប់ ដែលជួយឱ្យប្រជាពលរដ្ឋមានដីសម្រាប់ធ្វើកសិកម្ម និងសាងសង់សាលារៀន។ រាជរដ្ឋាភិបាលកម្ពុជានៅតែប្តេជ្ញាសម្រេចគោលដៅ «កម្ពុជាគ្មានមីន» ហើយសូមថ្លែងអំណរគុណច',X'0116FA8A01D6EF8F038864B5092650C20A6CEA2FFF81E7F00E76B5C50F6880EC1104348F11B06185173E848C1AE61E531AC49A1A1A542D3A1D40FB551E983B591C7EBAFB20E6F551200C673621B076B420EEF2C424C44C67266AD82428F84D462ACC90BD2D5CCBBC2F3E96FB34D47EE137C033083706D02E3BF6D2E23F2089E340020EE34138D42D40EC370E459E66C74BF4D2F35698088759AA99175BA2FF445C28BC5B5C80B1BF5BB6AC8B5FAA5990614610FF62AAC9936298D37D677659FE68047965672017D36968D20D6712C05F6ACA38146EB618EC6E4205087118189A7158A5BD7340E74974A8617B75EAA0C67A2027387E34A4007E76271482F82FC783A8C61F83F0F43C83F45C9A8736743992E4CBDD928CCC4797B82500978260C499C4F4589A6C83759B00992E9CFAC3D499444D529EFC9097A0C0AA75A07274ABA2BA7D04A480A4A2AAD48B0EAAC4FBC1B14EACD4B224249EB3EE3121B414AE9DB436E88FB36A8907BAD699DABE82BE7EBF0E2348C0CC16BCBE4C11B0C32A81B1C6F602FDC73CB1B3C9F00D14CCE049D8CD38FDD7D2B08578D3BCE4B4D6F84ED5D71C92AFD8E2E6BAD91AEBDDE6BA7735E98604E8EB90BFCBEBACD57DED5C2059EEC48ADFF5029785F6D84FB0F6529098F8F052BDF90C749DF9C41C40FC6AF94A039F157E0507234C068F704E075F2F8E0859A54D08CD65400A572CE70B5F66E30C577A640D49E0CB0587ED7F08D970BC11B7D8FA13D56F831473E17519B112FB194523E41BCDBA201C8B69191D03479E1F9562D920ADCC6E22B923A62487D6202663414D276DD733276D5ACC290FCC052A799B902DBBE7B0300D410F31059C88302B68C931ED126C348DE02A377973ED39E115F53FB39A713FCBF70041CF35CE42E1FAE145594C7546C1EE5A47ABA1F24B1B5B5C4B57447C4D0301AE4ED1C6BE51018A175101C8BA55D5ADE457B9A3B45829103E5AED33C95DC966485EB133F25D31CCDA61B566E8639BB95C64C74ED064E7F67D6683DDEF680917AD6847CD796ED137D16E955D17701F57077D6144018181B0E583531A6685AF805386B585E08865E9098BE531B78B57F4618BD1451E8EC147E98E41A4708E4F927A8C11457D92D369A593D3A8699617D13E98AD2B9D99FB32D79FD9127CA1ADEB49A6AD31B0A9EF6B52ACADA320F939E8A1AD87B745AFC92B37B0F984D6B0116596B8756506BC77B6FFBC2B224DC13FAD0DC199C383C2A9EF2EC4556FACC8C12E4DCBFF36EBCE6BCAF4D4157297D53F2BF5D6CB4C2FD9038F21DA5BDDE8DCCDE80CE3F3A210E41FF431E619875DE70F1287EA691AC7EAD76D5DEDDB65B5EDF5CE15F51FA55DFEFF6B1DF8ED3B86F9C1CA0DFAC9529AFDA5F49AFEEB403BFFB3FBB6',X'F9C41C4008CD654008D970BC0A6CEA2F0F6880EC1AC49A1A1BCDBA201C8B69191A542D3A1D03479E20E6F551200C673620EEF2C424C44C672487D620266AD824276DD73328F84D46290FCC05300D410F31ED126C31059C88348DE02A377973ED37C033083706D02E3FCBF7003FB39A714138D42D40EC370E51018A175829103E59AA99175AED33C95BA2FF445BB6AC8B5DC966486298D37D62AAC9936968D20D6ACA38146EB618EC6E4205086E955D17701F57077A2027387D6144017E34A4007E76271483A8C61F83F0F43C873674398865E9098BD1451E8C11457D92D369A5928CCC4793D3A8699617D13E97B8250099444D529B00992E9EFC90979FD9127CA07274ABA2BA7D04AAD48B0EACADA320F939E8A1AD87B745AFC92B37B36A8907B3EE3121B8756506BC2B224DC13FAD0DC2A9EF2EC4556FACC8C12E4DC9F00D14D6F84ED5D6CB4C2FD8E2E6BAD9038F21DCCDE80CE3F3A210E41FF431E619875DE6BA7735EA691AC7EBACD57DEDF5CE15FEFF6B1DF9C1CA0DFC6AF94AFEEB403B',X'86B585E08736743908D970BC8865E9098C11457D928CCC4793D3A86999444D521D03479E9EFC90979FD9127C20EEF2C4A07274AB276D5ACC290FCC05AAD48B0EAD87B74531059C8831ED126CB3EE312139E115F5BC2B224D3FB39A7140020EE3C13FAD0D42E1FAE140EC370EC8C12E4D4BF4D2F3D6CB4C2F5BB6AC8B62AAC993E3F3A2106298D37DEB90BFCBEBACD57DEDF5CE156ED137D175EAA0C6FC6AF94A7E762714',1);
INSERT INTO "sim_docs" VALUES(6,'cmaa and cmac report progress in mine clearance for 2023','on 25 january 2024, the cambodian mine action and victim assistance authority (cmaa) held its annual meeting in phnom penh to review the progress of mine action in 2023, with the participation of representatives of the ministry of foreign affairs and international cooperation, the cambodian mine action centre (cmac), the royal cambodian armed forces and international operators including the halo trust, mag, npa and apopo. according to the report presented at the meeting, operators released more than 200 square kilometres of land through clearance, technical survey and non-technical survey duri',X'001782A80624CF3E06AB453708D970BC0E3907250F0467F5151E35EA163E2B31166145FB174518FC164F6E941E251B1F20EEF2C423CA391E27A31CB1276D5ACC290FCC052A21D6C0288368972EEBDCFC31059C88322F356231ED126C377382BB39E115F539B712AD3B9D17393ED29CDB40EC370E40020EE341D5067942E1FAE146F201224BF4D2F34B23C8824FE255AB53FA2476530CBBDC541F90965BB6AC8B5D69D31A5E80F6B85ECCAA9F605C71E862AAC99366C973536DA681196EE949E5710B5DCB75EAA0C677A1D95678A5AFD87C2F7E107E7627147ED3066A81A7A6D784772FC485F9868286B585E0873674398865E9098C11457D8F8A12D5928CCC4793D3A86994DFA3789349831A978E048599444D5299DF61279B1C8D0A9EFC90979FD9127CA07274ABA366A28EA5EB0480A968E3CDAAD48B0EAA7F6C4EAD821AFAAE80EB9FAEEC060AB006FD90B1C4C095AD87B745B3EE3121AFDF9A01BBDA9EF9BBCCE0F3BBD15C5CBE26F227BCDDCFBCBE5512EBC13FAD0DC2302ADCC34281FBC6814379C8C12E4DCC4BE879FC9B5FADCF612186D1885D12D25E0ADBD6CB4C2FD8D500A8DDCC7416DE669008DEF3BCA6E2D1CACAE3F3A210E49E07D9E5D0FE62E888D68BEBACD57DED454614EE12B553EDF5CE15F2854F1BF662FBFEF6B414D1FBD293A3FC6AF94A',X'001782A806AB45370624CF3E0E390725163E2B311E251B1F23CA391E290FCC0531ED126C322F356231059C883B9D173940EC370E41D5067946F2012253FA24765BB6AC8B5D69D31A62AAC99366C973536DA6811977A1D9567C2F7E107E7627147ED3066A84772FC485F9868286B585E0873674398865E9098C11457D928CCC4793D3A8699349831A94DFA37899DF612799444D529B1C8D0A9EFC90979FD9127CA07274ABAAD48B0EAA7F6C4EAD87B745AEEC060AAFDF9A01B3EE3121BBD15C5CBE26F227C13FAD0DC6814379C8C12E4DCC4BE879D1885D12D6CB4C2FDDCC7416DE669008E3F3A210E5D0FE62EBACD57DED454614EDF5CE15EE12B553F2854F1BFC6AF94A',X'001782A885F986820624CF3E86B585E008D970BC8865E9098C11457D928CCC4793D3A86999444D529EFC90979FD9127C20EEF2C4A07274AB290FCC05AAD48B0EAD87B745AD821AFA31059C88322F3562B3EE312131ED126C377382BB39E115F53B9D173940EC370E40020EE3C13FAD0DFC6AF94AC8C12E4D4BF4D2F353FA2476D6CB4C2F5BB6AC8B5E80F6B862AAC993E3F3A210EBACD57DEDF5CE15710B5DCB75EAA0C67C2F7E107E762714',0);
INSERT INTO "sim_docs" VALUES(7,'cambodia and the republic of korea discuss trade and investment cooperation','on 8 november 2023, a secretary of state of the ministry of foreign affairs and international cooperation received a business delegation from the republic of korea to discuss opportunities for trade and investment in cambodia. the secretary of state briefed the delegation on the law on investment, the incentives available in special economic zones, and the cambodia-korea free trade agreement, which has opened new market access for cambodian agricultural products such as milled rice, cassava, mango and pepper. the delegation expressed interest in investing in agro-processing, electronics assemb',X'04B3E2910624CF3E07C0EBA008D970BC0BEF091A164D971317EA7CD4174518FC1E0288031FBC3C9C20EEF2C4245A652E2AE6D3372BAB6C882A21D6C02F550B0C31059C88334715D8386ED3083DEEA72940020EE340EC370E44B17A414544E36B47E8E2F348E6AA1D470C19DB511DA947542B6906566ADD255B2756AD5E306F1E61137D7262AAC99362F5422F643D700966431A7E66C97353671A3E6C6D432F296FF88A7578A5AFD879B03BD37E8D07847FA99B1D85A48FA5873674398905A8319179119793D3A86999444D529CE07078A61C2BF0ACDB1B9CAD044AD3B51B8123BFA62CBDC13FAD0DC15ED438C2302ADCC7396CC9C8C12E4DCB85AC6BCDBE2B85D60ACA43DE03D283E08BABC5E2612D4FE33F6B4CE8D9A34BE825E697EBACD57DEDF5CE15F0B82D0DF8FA4C54FBD293A3',X'04B3E2910624CF3E8736743908D970BC8905A8310BEF091A9179119793D3A869164D971399444D529CE070781E02880320EEF2C4245A652E2AE6D3372BAB6C882F550B0CF8FA4C5431059C88B51B8123386ED3083DEEA72940020EE340EC370EC13FAD0DC15ED43844B17A414544E36B48E6AA1DC8C12E4DCB85AC6BCDBE2B85511DA947542B6906D60ACA43566ADD255E306F1EDE03D283E08BABC561137D7262F5422FE33F6B4C643D7009E2612D4F66431A7E66C97353671A3E6CE8D9A34B62AAC993EBACD57DEDF5CE156D432F296FF88A75F0B82D0D78A5AFD87E8D07847FA99B1D',X'40020EE3C13FAD0D40EC370E4544E36B0624CF3EC8C12E4D08D970BC93D3A869D60ACA4399444D52DE03D28320EEF2C462AAC99366431A7EEBACD57DEDF5CE156FF88A7531059C88',0);
CREATE TABLE sim_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO "sim_meta" VALUES('version','2');
INSERT INTO "sim_meta" VALUES('docs','7');
CREATE TABLE sim_postings (
    feature INTEGER NOT NULL,
    doc_id INTEGER NOT NULL,
    PRIMARY KEY (feature, doc_id)
) WITHOUT ROWID;
INSERT INTO "sim_postings" VALUES(2472087,5);
INSERT INTO "sim_postings" VALUES(3393328,1);
INSERT INTO "sim_postings" VALUES(5932254,3);
INSERT INTO "sim_postings" VALUES(10761342,5);
INSERT INTO "sim_postings" VALUES(16239423,5);
INSERT INTO "sim_postings" VALUES(21258621,5);
INSERT INTO "sim_postings" VALUES(26927023,1);
INSERT INTO "sim_postings" VALUES(26927023,3);
INSERT INTO "sim_postings" VALUES(26927023,6);
INSERT INTO "sim_postings" VALUES(52031786,2);
INSERT INTO "sim_postings" VALUES(52910115,4);
INSERT INTO "sim_postings" VALUES(59245086,7);
INSERT INTO "sim_postings" VALUES(65466903,4);
INSERT INTO "sim_postings" VALUES(70193212,3);
INSERT INTO "sim_postings" VALUES(75348642,5);
INSERT INTO "sim_postings" VALUES(86417711,3);
INSERT INTO "sim_postings" VALUES(93372675,3);
INSERT INTO "sim_postings" VALUES(97259305,5);
INSERT INTO "sim_postings" VALUES(97259305,6);
INSERT INTO "sim_postings" VALUES(107312568,5);
INSERT INTO "sim_postings" VALUES(107555668,7);
INSERT INTO "sim_postings" VALUES(110990756,2);
INSERT INTO "sim_postings" VALUES(123150192,5);
INSERT INTO "sim_postings" VALUES(126446259,5);
INSERT INTO "sim_postings" VALUES(134562414,5);
INSERT INTO "sim_postings" VALUES(136528269,1);
INSERT INTO "sim_postings" VALUES(136528269,3);
INSERT INTO "sim_postings" VALUES(137609271,5);
INSERT INTO "sim_postings" VALUES(143088812,3);
INSERT INTO "sim_postings" VALUES(143681246,3);
INSERT INTO "sim_postings" VALUES(143681246,6);
INSERT INTO "sim_postings" VALUES(148074040,4);
INSERT INTO "sim_postings" VALUES(148074040,7);
INSERT INTO "sim_postings" VALUES(152378439,1);
INSERT INTO "sim_postings" VALUES(152378439,2);
INSERT INTO "sim_postings" VALUES(152378439,3);
INSERT INTO "sim_postings" VALUES(158350692,1);
INSERT INTO "sim_postings" VALUES(158350692,7);
INSERT INTO "sim_postings" VALUES(162638559,3);
INSERT INTO "sim_postings" VALUES(166290824,3);
INSERT INTO "sim_postings" VALUES(166290824,5);
INSERT INTO "sim_postings" VALUES(166290824,6);
INSERT INTO "sim_postings" VALUES(167863234,3);
INSERT INTO "sim_postings" VALUES(168225966,6);
INSERT INTO "sim_postings" VALUES(177020059,2);
INSERT INTO "sim_postings" VALUES(177020059,3);
INSERT INTO "sim_postings" VALUES(177020059,6);
INSERT INTO "sim_postings" VALUES(181449703,3);
INSERT INTO "sim_postings" VALUES(189699407,1);
INSERT INTO "sim_postings" VALUES(195990512,4);
INSERT INTO "sim_postings" VALUES(202069295,3);
INSERT INTO "sim_postings" VALUES(202069295,7);
INSERT INTO "sim_postings" VALUES(216583644,5);
INSERT INTO "sim_postings" VALUES(221100272,3);
INSERT INTO "sim_postings" VALUES(221100272,7);
INSERT INTO "sim_postings" VALUES(223244161,1);
INSERT INTO "sim_postings" VALUES(223244161,2);
INSERT INTO "sim_postings" VALUES(224670618,3);
INSERT INTO "sim_postings" VALUES(229457857,5);
INSERT INTO "sim_postings" VALUES(229457857,6);
INSERT INTO "sim_postings" VALUES(229457857,7);
INSERT INTO "sim_postings" VALUES(230385777,1);
INSERT INTO "sim_postings" VALUES(230385777,2);
INSERT INTO "sim_postings" VALUES(231391737,5);
INSERT INTO "sim_postings" VALUES(231893097,5);
INSERT INTO "sim_postings" VALUES(238545984,1);
INSERT INTO "sim_postings" VALUES(238545984,2);
INSERT INTO "sim_postings" VALUES(238545984,3);
INSERT INTO "sim_postings" VALUES(238545984,5);
INSERT INTO "sim_postings" VALUES(238545984,6);
INSERT INTO "sim_postings" VALUES(238545984,7);
INSERT INTO "sim_postings" VALUES(244044970,5);
INSERT INTO "sim_postings" VALUES(244044970,6);
INSERT INTO "sim_postings" VALUES(255552193,2);
INSERT INTO "sim_postings" VALUES(255921456,5);
INSERT INTO "sim_postings" VALUES(258142582,2);
INSERT INTO "sim_postings" VALUES(274306226,3);
INSERT INTO "sim_postings" VALUES(276705148,6);
INSERT INTO "sim_postings" VALUES(278084957,1);
INSERT INTO "sim_postings" VALUES(279114723,3);
INSERT INTO "sim_postings" VALUES(279114723,5);
INSERT INTO "sim_postings" VALUES(279114723,6);
INSERT INTO "sim_postings" VALUES(298486374,3);
INSERT INTO "sim_postings" VALUES(308119761,3);
INSERT INTO "sim_postings" VALUES(308119761,6);
INSERT INTO "sim_postings" VALUES(312035103,2);
INSERT INTO "sim_postings" VALUES(312035103,3);
INSERT INTO "sim_postings" VALUES(313336638,3);
INSERT INTO "sim_postings" VALUES(328004795,2);
INSERT INTO "sim_postings" VALUES(328004795,3);
INSERT INTO "sim_postings" VALUES(328682774,7);
INSERT INTO "sim_postings" VALUES(333654751,4);
INSERT INTO "sim_postings" VALUES(336457929,5);
INSERT INTO "sim_postings" VALUES(338130558,3);
INSERT INTO "sim_postings" VALUES(338130558,5);
INSERT INTO "sim_postings" VALUES(338130558,6);
INSERT INTO "sim_postings" VALUES(339266154,5);
INSERT INTO "sim_postings" VALUES(340149741,6);
INSERT INTO "sim_postings" VALUES(352830042,1);
INSERT INTO "sim_postings" VALUES(352830042,3);
INSERT INTO "sim_postings" VALUES(365746590,1);
INSERT INTO "sim_postings" VALUES(365884909,1);
INSERT INTO "sim_postings" VALUES(365884909,2);
INSERT INTO "sim_postings" VALUES(365884909,3);
INSERT INTO "sim_postings" VALUES(365884909,4);
INSERT INTO "sim_postings" VALUES(365884909,5);
INSERT INTO "sim_postings" VALUES(365884909,6);
INSERT INTO "sim_postings" VALUES(365884909,7);
INSERT INTO "sim_postings" VALUES(368416788,4);
INSERT INTO "sim_postings" VALUES(376753373,6);
INSERT INTO "sim_postings" VALUES(380742408,4);
INSERT INTO "sim_postings" VALUES(392009070,5);
INSERT INTO "sim_postings" VALUES(394920273,5);
INSERT INTO "sim_postings" VALUES(395486291,2);
INSERT INTO "sim_postings" VALUES(395486291,3);
INSERT INTO "sim_postings" VALUES(395744303,4);
INSERT INTO "sim_postings" VALUES(395946585,5);
INSERT INTO "sim_postings" VALUES(412737402,3);
INSERT INTO "sim_postings" VALUES(426347292,5);
INSERT INTO "sim_postings" VALUES(427626478,1);
INSERT INTO "sim_postings" VALUES(427927149,1);
INSERT INTO "sim_postings" VALUES(427927149,2);
INSERT INTO "sim_postings" VALUES(427927149,3);
INSERT INTO "sim_postings" VALUES(427927149,6);
INSERT INTO "sim_postings" VALUES(429356952,1);
INSERT INTO "sim_postings" VALUES(430392148,1);
INSERT INTO "sim_postings" VALUES(430392148,3);
INSERT INTO "sim_postings" VALUES(436858635,2);
INSERT INTO "sim_postings" VALUES(436858635,7);
INSERT INTO "sim_postings" VALUES(444811667,2);
INSERT INTO "sim_postings" VALUES(444811667,6);
INSERT INTO "sim_postings" VALUES(446350362,5);
INSERT INTO "sim_postings" VALUES(449665071,1);
INSERT INTO "sim_postings" VALUES(449665071,2);
INSERT INTO "sim_postings" VALUES(449665071,3);
INSERT INTO "sim_postings" VALUES(450062685,6);
INSERT INTO "sim_postings" VALUES(453613977,3);
INSERT INTO "sim_postings" VALUES(458196466,3);
INSERT INTO "sim_postings" VALUES(458196466,6);
INSERT INTO "sim_postings" VALUES(459292723,1);
INSERT INTO "sim_postings" VALUES(459292723,2);
INSERT INTO "sim_postings" VALUES(460774566,1);
INSERT INTO "sim_postings" VALUES(460774566,3);
INSERT INTO "sim_postings" VALUES(471508825,2);
INSERT INTO "sim_postings" VALUES(493617150,5);
INSERT INTO "sim_postings" VALUES(494360628,1);
INSERT INTO "sim_postings" VALUES(496740735,7);
INSERT INTO "sim_postings" VALUES(497739336,7);
INSERT INTO "sim_postings" VALUES(507103779,6);
INSERT INTO "sim_postings" VALUES(507892107,5);
INSERT INTO "sim_postings" VALUES(510603358,7);
INSERT INTO "sim_postings" VALUES(515861167,1);
INSERT INTO "sim_postings" VALUES(519499584,1);
INSERT INTO "sim_postings" VALUES(519499584,2);
INSERT INTO "sim_postings" VALUES(521474781,3);
INSERT INTO "sim_postings" VALUES(521872670,6);
INSERT INTO "sim_postings" VALUES(533112963,5);
INSERT INTO "sim_postings" VALUES(533335303,3);
INSERT INTO "sim_postings" VALUES(547597740,5);
INSERT INTO "sim_postings" VALUES(548292821,2);
INSERT INTO "sim_postings" VALUES(548292821,3);
INSERT INTO "sim_postings" VALUES(549113115,5);
INSERT INTO "sim_postings" VALUES(550930212,5);
INSERT INTO "sim_postings" VALUES(556920499,5);
INSERT INTO "sim_postings" VALUES(556920499,6);
INSERT INTO "sim_postings" VALUES(562391268,4);
INSERT INTO "sim_postings" VALUES(563020761,5);
INSERT INTO "sim_postings" VALUES(565108455,1);
INSERT INTO "sim_postings" VALUES(570552902,6);
INSERT INTO "sim_postings" VALUES(580575115,1);
INSERT INTO "sim_postings" VALUES(589086311,3);
INSERT INTO "sim_postings" VALUES(595663797,7);
INSERT INTO "sim_postings" VALUES(604190398,2);
INSERT INTO "sim_postings" VALUES(617178328,2);
INSERT INTO "sim_postings" VALUES(618162726,5);
INSERT INTO "sim_postings" VALUES(621230350,6);
INSERT INTO "sim_postings" VALUES(627938836,3);
INSERT INTO "sim_postings" VALUES(627938836,4);
INSERT INTO "sim_postings" VALUES(631485662,3);
INSERT INTO "sim_postings" VALUES(635267670,2);
INSERT INTO "sim_postings" VALUES(635267670,7);
INSERT INTO "sim_postings" VALUES(660725657,6);
INSERT INTO "sim_postings" VALUES(668286621,2);
INSERT INTO "sim_postings" VALUES(670181054,6);
INSERT INTO "sim_postings" VALUES(684082746,3);
INSERT INTO "sim_postings" VALUES(687500191,1);
INSERT INTO "sim_postings" VALUES(687500191,2);
INSERT INTO "sim_postings" VALUES(690963309,7);
INSERT INTO "sim_postings" VALUES(695801987,4);
INSERT INTO "sim_postings" VALUES(698871357,7);
INSERT INTO "sim_postings" VALUES(719359284,5);
INSERT INTO "sim_postings" VALUES(748117223,2);
INSERT INTO "sim_postings" VALUES(748117223,3);
INSERT INTO "sim_postings" VALUES(753780855,1);
INSERT INTO "sim_postings" VALUES(753780855,2);
INSERT INTO "sim_postings" VALUES(755723214,4);
INSERT INTO "sim_postings" VALUES(762384133,1);
INSERT INTO "sim_postings" VALUES(762384133,2);
INSERT INTO "sim_postings" VALUES(768882753,5);
INSERT INTO "sim_postings" VALUES(772449512,3);
INSERT INTO "sim_postings" VALUES(778394148,7);
INSERT INTO "sim_postings" VALUES(781779099,5);
INSERT INTO "sim_postings" VALUES(785385015,5);
INSERT INTO "sim_postings" VALUES(787458498,5);
INSERT INTO "sim_postings" VALUES(792917346,7);
INSERT INTO "sim_postings" VALUES(793562070,5);
INSERT INTO "sim_postings" VALUES(793562070,6);
INSERT INTO "sim_postings" VALUES(797243625,2);
INSERT INTO "sim_postings" VALUES(800773724,2);
INSERT INTO "sim_postings" VALUES(803587382,2);
INSERT INTO "sim_postings" VALUES(803892234,5);
INSERT INTO "sim_postings" VALUES(817655234,2);
INSERT INTO "sim_postings" VALUES(819771692,3);
INSERT INTO "sim_postings" VALUES(819771692,4);
INSERT INTO "sim_postings" VALUES(824917526,1);
INSERT INTO "sim_postings" VALUES(824917526,6);
INSERT INTO "sim_postings" VALUES(828626669,3);
INSERT INTO "sim_postings" VALUES(833095049,7);
INSERT INTO "sim_postings" VALUES(838031770,4);
INSERT INTO "sim_postings" VALUES(838082532,5);
INSERT INTO "sim_postings" VALUES(846803157,1);
INSERT INTO "sim_postings" VALUES(850335010,1);
INSERT INTO "sim_postings" VALUES(862046937,1);
INSERT INTO "sim_postings" VALUES(862654255,1);
INSERT INTO "sim_postings" VALUES(869756199,5);
INSERT INTO "sim_postings" VALUES(884767924,1);
INSERT INTO "sim_postings" VALUES(897039078,5);
INSERT INTO "sim_postings" VALUES(898238989,3);
INSERT INTO "sim_postings" VALUES(912722976,5);
INSERT INTO "sim_postings" VALUES(918422732,2);
INSERT INTO "sim_postings" VALUES(925616559,5);
INSERT INTO "sim_postings" VALUES(927312646,6);
INSERT INTO "sim_postings" VALUES(932725939,1);
INSERT INTO "sim_postings" VALUES(932725939,3);
INSERT INTO "sim_postings" VALUES(936633898,7);
INSERT INTO "sim_postings" VALUES(937258619,3);
INSERT INTO "sim_postings" VALUES(942088314,5);
INSERT INTO "sim_postings" VALUES(945058907,3);
INSERT INTO "sim_postings" VALUES(949413676,4);
INSERT INTO "sim_postings" VALUES(951472905,1);
INSERT INTO "sim_postings" VALUES(951472905,2);
INSERT INTO "sim_postings" VALUES(953441985,7);
INSERT INTO "sim_postings" VALUES(957092366,1);
INSERT INTO "sim_postings" VALUES(957848891,2);
INSERT INTO "sim_postings" VALUES(957848891,6);
INSERT INTO "sim_postings" VALUES(963917447,1);
INSERT INTO "sim_postings" VALUES(963917447,2);
INSERT INTO "sim_postings" VALUES(963917447,4);
INSERT INTO "sim_postings" VALUES(963917447,5);
INSERT INTO "sim_postings" VALUES(963917447,6);
INSERT INTO "sim_postings" VALUES(963917447,7);
INSERT INTO "sim_postings" VALUES(976049178,5);
INSERT INTO "sim_postings" VALUES(980881731,1);
INSERT INTO "sim_postings" VALUES(980881731,2);
INSERT INTO "sim_postings" VALUES(994110462,5);
INSERT INTO "sim_postings" VALUES(999788447,1);
INSERT INTO "sim_postings" VALUES(999788447,4);
INSERT INTO "sim_postings" VALUES(1001664029,1);
INSERT INTO "sim_postings" VALUES(1001664029,4);
INSERT INTO "sim_postings" VALUES(1007865022,1);
INSERT INTO "sim_postings" VALUES(1022685315,5);
INSERT INTO "sim_postings" VALUES(1041246552,5);
INSERT INTO "sim_postings" VALUES(1042979247,1);
INSERT INTO "sim_postings" VALUES(1042979247,2);
INSERT INTO "sim_postings" VALUES(1050243759,1);
INSERT INTO "sim_postings" VALUES(1053762566,6);
INSERT INTO "sim_postings" VALUES(1053762566,7);
INSERT INTO "sim_postings" VALUES(1053890454,5);
INSERT INTO "sim_postings" VALUES(1060221763,4);
INSERT INTO "sim_postings" VALUES(1060745282,4);
INSERT INTO "sim_postings" VALUES(1075627257,5);
INSERT INTO "sim_postings" VALUES(1080413448,5);
INSERT INTO "sim_postings" VALUES(1098559812,7);
INSERT INTO "sim_postings" VALUES(1103594086,1);
INSERT INTO "sim_postings" VALUES(1103594086,3);
INSERT INTO "sim_postings" VALUES(1114567570,4);
INSERT INTO "sim_postings" VALUES(1128288392,1);
INSERT INTO "sim_postings" VALUES(1132923691,2);
INSERT INTO "sim_postings" VALUES(1137314518,7);
INSERT INTO "sim_postings" VALUES(1142098580,1);
INSERT INTO "sim_postings" VALUES(1145084647,1);
INSERT INTO "sim_postings" VALUES(1157603931,5);
INSERT INTO "sim_postings" VALUES(1158434890,1);
INSERT INTO "sim_postings" VALUES(1158672400,4);
INSERT INTO "sim_postings" VALUES(1169655725,5);
INSERT INTO "sim_postings" VALUES(1169655725,6);
INSERT INTO "sim_postings" VALUES(1173770352,1);
INSERT INTO "sim_postings" VALUES(1179514920,5);
INSERT INTO "sim_postings" VALUES(1187371253,4);
INSERT INTO "sim_postings" VALUES(1202265425,7);
INSERT INTO "sim_postings" VALUES(1204587666,1);
INSERT INTO "sim_postings" VALUES(1204587666,2);
INSERT INTO "sim_postings" VALUES(1204587666,5);
INSERT INTO "sim_postings" VALUES(1204587666,6);
INSERT INTO "sim_postings" VALUES(1208829378,4);
INSERT INTO "sim_postings" VALUES(1214695773,5);
INSERT INTO "sim_postings" VALUES(1221394103,2);
INSERT INTO "sim_postings" VALUES(1225748678,2);
INSERT INTO "sim_postings" VALUES(1251589529,2);
INSERT INTO "sim_postings" VALUES(1257859836,5);
INSERT INTO "sim_postings" VALUES(1257859836,6);
INSERT INTO "sim_postings" VALUES(1259664256,2);
INSERT INTO "sim_postings" VALUES(1269029352,7);
INSERT INTO "sim_postings" VALUES(1281549880,4);
INSERT INTO "sim_postings" VALUES(1282097123,7);
INSERT INTO "sim_postings" VALUES(1283462680,1);
INSERT INTO "sim_postings" VALUES(1287496660,2);
INSERT INTO "sim_postings" VALUES(1294085052,5);
INSERT INTO "sim_postings" VALUES(1294909896,3);
INSERT INTO "sim_postings" VALUES(1294909896,5);
INSERT INTO "sim_postings" VALUES(1294909896,6);
INSERT INTO "sim_postings" VALUES(1294909896,7);
INSERT INTO "sim_postings" VALUES(1301941636,4);
INSERT INTO "sim_postings" VALUES(1315733418,6);
INSERT INTO "sim_postings" VALUES(1328374242,7);
INSERT INTO "sim_postings" VALUES(1330857165,4);
INSERT INTO "sim_postings" VALUES(1343504775,2);
INSERT INTO "sim_postings" VALUES(1361488968,4);
INSERT INTO "sim_postings" VALUES(1375069728,5);
INSERT INTO "sim_postings" VALUES(1379430220,2);
INSERT INTO "sim_postings" VALUES(1380795545,2);
INSERT INTO "sim_postings" VALUES(1380795545,3);
INSERT INTO "sim_postings" VALUES(1380795545,4);
INSERT INTO "sim_postings" VALUES(1380795545,5);
INSERT INTO "sim_postings" VALUES(1380795545,6);
INSERT INTO "sim_postings" VALUES(1380795545,7);
INSERT INTO "sim_postings" VALUES(1400097126,6);
INSERT INTO "sim_postings" VALUES(1400097126,7);
INSERT INTO "sim_postings" VALUES(1402582597,4);
INSERT INTO "sim_postings" VALUES(1404375790,6);
INSERT INTO "sim_postings" VALUES(1414205271,1);
INSERT INTO "sim_postings" VALUES(1414205271,2);
INSERT INTO "sim_postings" VALUES(1414205271,3);
INSERT INTO "sim_postings" VALUES(1414331128,7);
INSERT INTO "sim_postings" VALUES(1457103223,6);
INSERT INTO "sim_postings" VALUES(1458215053,2);
INSERT INTO "sim_postings" VALUES(1549586875,6);
INSERT INTO "sim_postings" VALUES(1568406222,2);
INSERT INTO "sim_postings" VALUES(1569135078,5);
INSERT INTO "sim_postings" VALUES(1616343184,4);
INSERT INTO "sim_postings" VALUES(1623314592,4);
INSERT INTO "sim_postings" VALUES(1647652658,6);
INSERT INTO "sim_postings" VALUES(1660866789,6);
INSERT INTO "sim_postings" VALUES(1733084196,5);
INSERT INTO "sim_postings" VALUES(1733468949,1);
INSERT INTO "sim_postings" VALUES(1733468949,3);
INSERT INTO "sim_postings" VALUES(1772671891,2);
INSERT INTO "sim_postings" VALUES(1772671891,3);
INSERT INTO "sim_postings" VALUES(1772671891,5);
INSERT INTO "sim_postings" VALUES(1772671891,6);
INSERT INTO "sim_postings" VALUES(1772671891,7);
INSERT INTO "sim_postings" VALUES(1778832254,6);
INSERT INTO "sim_postings" VALUES(1806468555,7);
INSERT INTO "sim_postings" VALUES(1810056261,2);
INSERT INTO "sim_postings" VALUES(1810056261,4);
INSERT INTO "sim_postings" VALUES(1810056261,7);
INSERT INTO "sim_postings" VALUES(1813179697,2);
INSERT INTO "sim_postings" VALUES(1813179697,5);
INSERT INTO "sim_postings" VALUES(1813179697,6);
INSERT INTO "sim_postings" VALUES(1816009319,7);
INSERT INTO "sim_postings" VALUES(1881018702,4);
INSERT INTO "sim_postings" VALUES(1905963839,5);
INSERT INTO "sim_postings" VALUES(1920799585,7);
INSERT INTO "sim_postings" VALUES(1972041839,3);
INSERT INTO "sim_postings" VALUES(1972041839,7);
INSERT INTO "sim_postings" VALUES(1981562308,4);
INSERT INTO "sim_postings" VALUES(1982134867,6);
INSERT INTO "sim_postings" VALUES(2020663452,7);
INSERT INTO "sim_postings" VALUES(2024005524,6);
INSERT INTO "sim_postings" VALUES(2030490945,6);
INSERT INTO "sim_postings" VALUES(2034467270,6);
INSERT INTO "sim_postings" VALUES(2045266892,6);
INSERT INTO "sim_postings" VALUES(2057965399,3);
INSERT INTO "sim_postings" VALUES(2063623452,4);
INSERT INTO "sim_postings" VALUES(2081610143,3);
INSERT INTO "sim_postings" VALUES(2081610143,5);
INSERT INTO "sim_postings" VALUES(2081610143,6);
INSERT INTO "sim_postings" VALUES(2101678476,2);
INSERT INTO "sim_postings" VALUES(2101678476,5);
INSERT INTO "sim_postings" VALUES(2101678476,6);
INSERT INTO "sim_postings" VALUES(2111019106,5);
INSERT INTO "sim_postings" VALUES(2111155435,1);
INSERT INTO "sim_postings" VALUES(2111155435,2);
INSERT INTO "sim_postings" VALUES(2111155435,3);
INSERT INTO "sim_postings" VALUES(2111155435,4);
INSERT INTO "sim_postings" VALUES(2111155435,5);
INSERT INTO "sim_postings" VALUES(2111155435,6);
INSERT INTO "sim_postings" VALUES(2111155435,7);
INSERT INTO "sim_postings" VALUES(2115650406,7);
INSERT INTO "sim_postings" VALUES(2128001463,4);
INSERT INTO "sim_postings" VALUES(2189883781,6);
INSERT INTO "sim_postings" VALUES(2198518240,1);
INSERT INTO "sim_postings" VALUES(2198518240,2);
INSERT INTO "sim_postings" VALUES(2198518240,3);
INSERT INTO "sim_postings" VALUES(2211578846,1);
INSERT INTO "sim_postings" VALUES(2211578846,2);
INSERT INTO "sim_postings" VALUES(2211578846,3);
INSERT INTO "sim_postings" VALUES(2211578846,7);
INSERT INTO "sim_postings" VALUES(2215087486,7);
INSERT INTO "sim_postings" VALUES(2234236621,7);
INSERT INTO "sim_postings" VALUES(2288823083,7);
INSERT INTO "sim_postings" VALUES(2291926321,1);
INSERT INTO "sim_postings" VALUES(2291926321,4);
INSERT INTO "sim_postings" VALUES(2291926321,5);
INSERT INTO "sim_postings" VALUES(2291926321,6);
INSERT INTO "sim_postings" VALUES(2291926321,7);
INSERT INTO "sim_postings" VALUES(2321997029,4);
INSERT INTO "sim_postings" VALUES(2343351899,2);
INSERT INTO "sim_postings" VALUES(2343351899,3);
INSERT INTO "sim_postings" VALUES(2343351899,4);
INSERT INTO "sim_postings" VALUES(2343351899,5);
INSERT INTO "sim_postings" VALUES(2343351899,6);
INSERT INTO "sim_postings" VALUES(2356630631,4);
INSERT INTO "sim_postings" VALUES(2378129210,1);
INSERT INTO "sim_postings" VALUES(2378129210,2);
INSERT INTO "sim_postings" VALUES(2432501424,4);
INSERT INTO "sim_postings" VALUES(2447553284,7);
INSERT INTO "sim_postings" VALUES(2479467106,4);
INSERT INTO "sim_postings" VALUES(2479467106,5);
INSERT INTO "sim_postings" VALUES(2479467106,6);
INSERT INTO "sim_postings" VALUES(2479467106,7);
INSERT INTO "sim_postings" VALUES(2493804155,2);
INSERT INTO "sim_postings" VALUES(2534504849,7);
INSERT INTO "sim_postings" VALUES(2542861470,3);
INSERT INTO "sim_postings" VALUES(2542861470,5);
INSERT INTO "sim_postings" VALUES(2542861470,6);
INSERT INTO "sim_postings" VALUES(2557948429,4);
INSERT INTO "sim_postings" VALUES(2559704798,4);
INSERT INTO "sim_postings" VALUES(2584031210,4);
INSERT INTO "sim_postings" VALUES(2654125802,4);
INSERT INTO "sim_postings" VALUES(2655453981,5);
INSERT INTO "sim_postings" VALUES(2679586167,4);
INSERT INTO "sim_postings" VALUES(2698811521,4);
INSERT INTO "sim_postings" VALUES(2716350969,5);
INSERT INTO "sim_postings" VALUES(2757483969,4);
INSERT INTO "sim_postings" VALUES(2775176082,5);
INSERT INTO "sim_postings" VALUES(2827097856,6);
INSERT INTO "sim_postings" VALUES(2876535456,3);
INSERT INTO "sim_postings" VALUES(2876535456,5);
INSERT INTO "sim_postings" VALUES(2876535456,6);
INSERT INTO "sim_postings" VALUES(2892977604,5);
INSERT INTO "sim_postings" VALUES(2919319775,4);
INSERT INTO "sim_postings" VALUES(2944839123,4);
INSERT INTO "sim_postings" VALUES(3113997075,1);
INSERT INTO "sim_postings" VALUES(3113997075,2);
INSERT INTO "sim_postings" VALUES(3113997075,3);
INSERT INTO "sim_postings" VALUES(3135693528,5);
INSERT INTO "sim_postings" VALUES(3145888567,1);
INSERT INTO "sim_postings" VALUES(3145888567,3);
INSERT INTO "sim_postings" VALUES(3145888567,4);
INSERT INTO "sim_postings" VALUES(3146260872,2);
INSERT INTO "sim_postings" VALUES(3149625063,3);
INSERT INTO "sim_postings" VALUES(3150034844,2);
INSERT INTO "sim_postings" VALUES(3161512200,2);
INSERT INTO "sim_postings" VALUES(3161512200,3);
INSERT INTO "sim_postings" VALUES(3161512200,4);
INSERT INTO "sim_postings" VALUES(3161512200,5);
INSERT INTO "sim_postings" VALUES(3161512200,7);
INSERT INTO "sim_postings" VALUES(3163681814,1);
INSERT INTO "sim_postings" VALUES(3291445124,6);
INSERT INTO "sim_postings" VALUES(3304255008,1);
INSERT INTO "sim_postings" VALUES(3304255008,2);
INSERT INTO "sim_postings" VALUES(3304255008,4);
INSERT INTO "sim_postings" VALUES(3304255008,5);
INSERT INTO "sim_postings" VALUES(3304255008,7);
INSERT INTO "sim_postings" VALUES(3316354016,7);
INSERT INTO "sim_postings" VALUES(3332434549,2);
INSERT INTO "sim_postings" VALUES(3340397034,5);
INSERT INTO "sim_postings" VALUES(3346305011,3);
INSERT INTO "sim_postings" VALUES(3375623514,5);
INSERT INTO "sim_postings" VALUES(3428478247,2);
INSERT INTO "sim_postings" VALUES(3458807370,1);
INSERT INTO "sim_postings" VALUES(3458807370,2);
INSERT INTO "sim_postings" VALUES(3458807370,3);
INSERT INTO "sim_postings" VALUES(3510096238,1);
INSERT INTO "sim_postings" VALUES(3578722518,5);
INSERT INTO "sim_postings" VALUES(3580460184,1);
INSERT INTO "sim_postings" VALUES(3632373061,1);
INSERT INTO "sim_postings" VALUES(3635389816,7);
INSERT INTO "sim_postings" VALUES(3701125684,4);
INSERT INTO "sim_postings" VALUES(3713686397,1);
INSERT INTO "sim_postings" VALUES(3766859142,6);
INSERT INTO "sim_postings" VALUES(3785202386,4);
INSERT INTO "sim_postings" VALUES(3809346112,1);
INSERT INTO "sim_postings" VALUES(3809346112,4);
INSERT INTO "sim_postings" VALUES(3809346112,7);
INSERT INTO "sim_postings" VALUES(3819134701,1);
INSERT INTO "sim_postings" VALUES(3838745332,1);
INSERT INTO "sim_postings" VALUES(3961042542,5);
INSERT INTO "sim_postings" VALUES(3967838223,5);
INSERT INTO "sim_postings" VALUES(3983767863,5);
INSERT INTO "sim_postings" VALUES(4038361063,1);
INSERT INTO "sim_postings" VALUES(4040141479,1);
INSERT INTO "sim_postings" VALUES(4111851833,1);
INSERT INTO "sim_postings" VALUES(4111851833,2);
INSERT INTO "sim_postings" VALUES(4111851833,3);
CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  url TEXT NOT NULL,
  baselined_at TEXT,
  last_check_at TEXT,
  last_ok_at TEXT,
  last_error TEXT,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  failure_reported INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "sources" VALUES(1,'corpus','corpus:','2026-12-03T14:27:02Z','2026-12-03T14:27:02Z','2026-12-03T14:27:02Z',NULL,0,0);
INSERT INTO "sources" VALUES(2,'ministry','{origin}/news/','2026-12-03T14:27:03Z','2026-12-03T14:27:04Z','2026-12-03T14:27:04Z',NULL,0,0);
CREATE TABLE template_keys (
  source_id INTEGER NOT NULL,
  kind INTEGER NOT NULL,
  key INTEGER NOT NULL,
  first_page INTEGER NOT NULL,
  second_page INTEGER NOT NULL DEFAULT 0,
  pages INTEGER NOT NULL,
  long INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (source_id, kind, key)
) WITHOUT ROWID;
INSERT INTO "template_keys" VALUES(2,0,916235306901960,71130528931341135,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,2352479905568191,14130347484330667,0,1,1);
INSERT INTO "template_keys" VALUES(2,0,2782508887921673,14130347484330667,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,3878689241222554,14130347484330667,41728867228388279,3,0);
INSERT INTO "template_keys" VALUES(2,0,4303742955593215,71130528931341135,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,8729890658410298,48239505557865260,0,1,1);
INSERT INTO "template_keys" VALUES(2,0,9362731001485776,14130347484330667,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,9879704180618946,71130528931341135,0,1,1);
INSERT INTO "template_keys" VALUES(2,0,10239575679987895,71130528931341135,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,10621392956532980,14130347484330667,41728867228388279,3,0);
INSERT INTO "template_keys" VALUES(2,0,11786982570423554,14130347484330667,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,12261152597432549,71130528931341135,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,13379861618998354,48239505557865260,0,1,1);
INSERT INTO "template_keys" VALUES(2,0,15578752119968352,14130347484330667,41728867228388279,3,0);
INSERT INTO "template_keys" VALUES(2,0,16556126494982777,41728867228388279,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,17168207785520032,14130347484330667,0,1,1);
INSERT INTO "template_keys" VALUES(2,0,17609655366177633,14130347484330667,41728867228388279,3,0);
INSERT INTO "template_keys" VALUES(2,0,17697253188308654,71130528931341135,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,17977667536755585,71130528931341135,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,18742092317841002,59514676942097776,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,18791034708635911,14130347484330667,41728867228388279,3,0);
INSERT INTO "template_keys" VALUES(2,0,19073573609445261,14130347484330667,41728867228388279,3,0);
INSERT INTO "template_keys" VALUES(2,0,19979341582408921,14130347484330667,41728867228388279,3,0);
INSERT INTO "template_keys" VALUES(2,0,20638067971271066,41728867228388279,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,21816996853988169,59514676942097776,0,1,1);
INSERT INTO "template_keys" VALUES(2,0,21840596255238181,41728867228388279,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,22370117502921764,71130528931341135,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,22963194024273250,14130347484330667,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,23522031111850938,14130347484330667,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,23555493397384313,14130347484330667,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,24299975965818290,48239505557865260,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,24485278051726184,14130347484330667,41728867228388279,3,0);
INSERT INTO "template_keys" VALUES(2,0,24689429502562323,71130528931341135,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,25589943250821268,14130347484330667,41728867228388279,3,0);
INSERT INTO "template_keys" VALUES(2,0,25689964526962794,14130347484330667,41728867228388279,3,0);
INSERT INTO "template_keys" VALUES(2,0,26285036256140267,48239505557865260,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,27416883259564267,59514676942097776,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,27814979726726548,14130347484330667,41728867228388279,3,0);
INSERT INTO "template_keys" VALUES(2,0,28171914059652046,14130347484330667,41728867228388279,3,0);
INSERT INTO "template_keys" VALUES(2,0,29164513217092474,14130347484330667,71130528931341135,3,0);
INSERT INTO "template_keys" VALUES(2,0,29377179219388221,41728867228388279,0,1,1);
INSERT INTO "template_keys" VALUES(2,0,30362992129804466,41728867228388279,0,1,1);
INSERT INTO "template_keys" VALUES(2,0,30375279903347322,14130347484330667,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,31513943781353255,14130347484330667,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,32762655878527106,71130528931341135,0,1,1);
INSERT INTO "template_keys" VALUES(2,0,32837646663966069,14130347484330667,41728867228388279,3,0);
INSERT INTO "template_keys" VALUES(2,0,33799787482377227,14130347484330667,41728867228388279,3,0);
INSERT INTO "template_keys" VALUES(2,0,35540757896449262,14130347484330667,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,35833220469447546,14130347484330667,41728867228388279,3,0);
INSERT INTO "template_keys" VALUES(2,0,36945732240837148,14130347484330667,0,1,1);
INSERT INTO "template_keys" VALUES(2,0,37936947579245646,48239505557865260,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,39685589384489716,48239505557865260,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,39855509090657452,14130347484330667,41728867228388279,3,0);
INSERT INTO "template_keys" VALUES(2,0,40051026451908869,14130347484330667,41728867228388279,3,0);
INSERT INTO "template_keys" VALUES(2,0,41269622305004539,71130528931341135,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,41578367935959270,14130347484330667,41728867228388279,3,0);
INSERT INTO "template_keys" VALUES(2,0,41670600196405110,14130347484330667,0,1,1);
INSERT INTO "template_keys" VALUES(2,0,42504588873835392,41728867228388279,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,42742443239154060,14130347484330667,41728867228388279,3,0);
INSERT INTO "template_keys" VALUES(2,0,43592011689829867,14130347484330667,41728867228388279,3,0);
INSERT INTO "template_keys" VALUES(2,0,43613342169078363,59514676942097776,0,1,1);
INSERT INTO "template_keys" VALUES(2,0,43853262447600737,14130347484330667,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,44747310217219713,71130528931341135,0,1,1);
INSERT INTO "template_keys" VALUES(2,0,45399141842015415,59514676942097776,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,45883120323671662,48239505557865260,0,1,1);
INSERT INTO "template_keys" VALUES(2,0,46375912393007467,59514676942097776,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,46588896233117071,41728867228388279,71130528931341135,3,0);
INSERT INTO "template_keys" VALUES(2,0,46689022084952185,14130347484330667,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,47032314203956660,41728867228388279,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,47067677776625538,14130347484330667,41728867228388279,3,0);
INSERT INTO "template_keys" VALUES(2,0,48390802626004802,41728867228388279,71130528931341135,3,0);
INSERT INTO "template_keys" VALUES(2,0,49030518825657449,14130347484330667,41728867228388279,3,0);
INSERT INTO "template_keys" VALUES(2,0,49246150230041064,14130347484330667,0,1,1);
INSERT INTO "template_keys" VALUES(2,0,49410536791669338,14130347484330667,41728867228388279,3,0);
INSERT INTO "template_keys" VALUES(2,0,50375169319315048,48239505557865260,0,1,1);
INSERT INTO "template_keys" VALUES(2,0,50462209150361457,14130347484330667,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,50835930155500632,41728867228388279,0,1,1);
INSERT INTO "template_keys" VALUES(2,0,51525919917535345,14130347484330667,41728867228388279,3,0);
INSERT INTO "template_keys" VALUES(2,0,52039565169623010,48239505557865260,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,52104061897790560,71130528931341135,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,53003834306586056,14130347484330667,41728867228388279,3,0);
INSERT INTO "template_keys" VALUES(2,0,53346030327378932,48239505557865260,0,1,1);
INSERT INTO "template_keys" VALUES(2,0,53589048900704052,14130347484330667,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,55354331784654865,59514676942097776,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,55552637923231739,41728867228388279,71130528931341135,3,0);
INSERT INTO "template_keys" VALUES(2,0,56292055359068021,14130347484330667,41728867228388279,3,0);
INSERT INTO "template_keys" VALUES(2,0,57767783496022411,71130528931341135,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,59021887367926517,41728867228388279,71130528931341135,3,0);
INSERT INTO "template_keys" VALUES(2,0,59980028478893892,41728867228388279,71130528931341135,3,0);
INSERT INTO "template_keys" VALUES(2,0,59993606852059232,59514676942097776,0,1,1);
INSERT INTO "template_keys" VALUES(2,0,61522002335888368,41728867228388279,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,64109803236461260,14130347484330667,41728867228388279,3,0);
INSERT INTO "template_keys" VALUES(2,0,64199439669495593,71130528931341135,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,65210167315987156,41728867228388279,71130528931341135,3,0);
INSERT INTO "template_keys" VALUES(2,0,65414257751616446,14130347484330667,41728867228388279,3,0);
INSERT INTO "template_keys" VALUES(2,0,66744496965704556,14130347484330667,41728867228388279,3,0);
INSERT INTO "template_keys" VALUES(2,0,67918582225159537,14130347484330667,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,68121367329895087,14130347484330667,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,68631832503354548,71130528931341135,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,69629969823793475,48239505557865260,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,70026889205975776,59514676942097776,0,1,0);
INSERT INTO "template_keys" VALUES(2,0,71591348478320848,14130347484330667,41728867228388279,3,0);
INSERT INTO "template_keys" VALUES(2,0,71692393566026882,71130528931341135,0,1,0);
CREATE TABLE template_regions (
  source_id INTEGER NOT NULL,
  region TEXT NOT NULL,
  releases INTEGER NOT NULL,
  PRIMARY KEY (source_id, region)
);
INSERT INTO "template_regions" VALUES(2,'html/body/div/div/div/main/article/div|entry-content',4);
CREATE TABLE versions (
  id INTEGER PRIMARY KEY,
  release_id INTEGER NOT NULL REFERENCES releases(id),
  seq INTEGER NOT NULL,
  fetched_at TEXT NOT NULL,
  text_hash TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  published TEXT,
  language TEXT,
  text_path TEXT NOT NULL,
  raw_hash TEXT,
  content_type TEXT,
  final_url TEXT,
  check_id INTEGER,
  UNIQUE (release_id, seq)
);
INSERT INTO "versions" VALUES(1,1,1,'2026-12-03T14:27:02Z','cc6fa6bf8c929291f2d72ae7bfcbe5e4821dc91110ffb8fada40444c914d8d36','Cambodia Requests UN For More Resources And Expertise For PKO','H.E. Aun Pornmoniroth, Cambodian Deputy Prime Minister and Minister of Economy and Finance, has proposed the UN to provide more resources and expertise, particularly in terms of sharing best practices and lesson learnt for Peace Keeping Operation (PKO), such as through regular pre-deployment and post-deployment trainings, to enable peacekeepers to carry out and deliver on their mandate efficiently.

He made the proposition on behalf of Prime Minister Samdech Akka Moha Sena Padei Techo Hun Sen, at the 11th ASEAN-UN Summit, conducted on Nov. 15 via Videoconference on the margin of the 37th ASEAN Summit, according to a press release of the Cambodian Ministry of Foreign Affairs and International Cooperation.

The Cambodian Deputy Prime Minister also congratulated the 75th anniversary of the UN and expressed support to the UN’s theme this year: “The Future We Want, the UN We Need: Reaffirming our Collective Commitment to Multilateralism”, reflecting strong aspiration of nations around the world to uphold peace and prosperity through their collective commitment to multilateralism.

He called for more attention to be given to cross-sectoral cooperation and strong momentum toward realising regional integration through the implementation of the IAI Work Plan IV (2021-2025), among others.

The 11th ASEAN-UN Summit applauded the substantive cooperation between ASEAN and the UN as reliable partners in promoting multilateralism, regional and global peace, security and prosperity. ASEAN welcomed the UN’s continued support for ASEAN Community building, ASEAN Centrality and development.

The Summit discussed mainly on how ASEAN and the UN can collaborate to address the grave impacts caused by the spread of COVID-19 and effectively realise post-pandemic socio-economic recovery. The ASEAN Leaders and the UN Secretary General underlined the importance of ensuring COVID-19 vaccines a global public goods that is equally accessible and affordable to all countries. The Meeting recognised the indispensable role of the UN, in particular the WHO in assisting countries around the world to develop measures to cope with the present and future pandemics based on scientific data and analysis.

The Meeting reaffirmed strong commitment to deepen cooperation through the implementation of the ASEAN-UN Plan of Action (2021-2025). The Meeting further emphasised the value of pursuing further complementarities between ASEAN Community Vision 2025 and the UN 2030 Agenda for Sustainable Development (SDGs). They also discussed cooperation in the areas of disaster management, improvement of healthcare system, nuclear non-proliferation, terrorism and violence extremism.',NULL,NULL,'text/corpus/akp-2020-11-15-asean-un-summit-pko-txt-be2da311/v0001.txt','70ba43c041d808297d02ee4fbebe5df10f73e4db2edf1b404b0847c3f4ed4258','text/plain','{corpus}/akp-2020-11-15-asean-un-summit-pko.txt',NULL);
INSERT INTO "versions" VALUES(2,2,1,'2026-12-03T14:27:02Z','0649fa71ca11e5088b35decf6db4429ec72bdb2bbff6a312bedc894be4fcd927','Outcomes of the ASEAN-United Nations Ministerial Meeting','21 October 2020

On 21 October 2020, His Excellency PRAK Sokhonn, Deputy Prime Minister and Minister of Foreign Affairs and International Cooperation, participated in the ASEAN-United Nations Ministerial Meeting via Videoconference. The Meeting was chaired by His Excellency Deputy Prime Minister and Foreign Minister of Viet Nam, and was attended by ASEAN Foreign Ministers, Secretary-General of ASEAN, the United Nations Secretary-General, and the President of the 75th Session of the United Nations General Assembly (UNGA).

The Meeting shared words of congratulation on the 75th Anniversary of the United Nations and commended the tremendous achievements made by the UN over the past 7 decades particularly in the maintenance of peace and pursuance of sustainable development.

Facing the unprecedented challenges posed by the COVID-19 pandemic, the Meeting recognised ASEAN-UN collective efforts and strong commitment to upholding multilateralism and regionalism, and underscored the importance of enhanced international cooperation in addressing the far-reaching impact of this new disease and in bringing about post-pandemic socio-economic recovery.

The Meeting noted the successful implementation of the ASEAN-UN Plan of Action (2016-2020) and adopted a new PoA for 2021-2025. The Meeting reaffirmed the joint endeavour of ASEAN and the United Nations to align the realization of the ASEAN Community Vision 2025 and 2030 Agenda for Sustainable Development.

In his address to the Meeting, His Excellency Deputy Prime Minister reiterated Cambodia''s full support for the crucial role of the United Nations in steering collective efforts to uphold multilateralism as a pillar for peace, security and prosperity.

On peace agenda, His Excellency Deputy Prime Minister recalled ASEAN''s strong support to the Secretary General''s initiative on Action for Peacekeeping (A4P). In celebrating the 20th Anniversary of the United Nations Security Council Resolution 1325 on Women, Peace and Security Agenda (WPS), he highlighted Cambodia''s contribution to this international endeavour through increasing participation of the Cambodian women in humanitarian and peacekeeping operations in various parts of the world despite the threats posed by the ongoing COVID-19 pandemic.

His Excellency Deputy Prime Minister also touched on humanitarian de-mining, in which he believes that ASEAN and the UN can enhance further collaboration and encouraged the UN to consider providing support to the ASEAN Regional Mine Action Centre (ARMAC) to address humanitarian aspects of landmine and other explosive remnant of war in the region and in the world at large.

Phnom Penh, 21 October 2020',NULL,NULL,'text/corpus/mfaic-2020-10-21-asean-un-ministerial-txt-654c8017/v0001.txt','f7ae4b217cc90cdb2ffb769726ad867b1a7e6f08476490440753aef7c06d55c7','text/plain','{corpus}/mfaic-2020-10-21-asean-un-ministerial.txt',NULL);
INSERT INTO "versions" VALUES(3,3,1,'2026-12-03T14:27:02Z','fd980e747abf0c3319e9e6b63ed160f23d41636c6da60b8382366668e40cadef','Cambodian Prime Minister, UN Secretary-General Hold Bilateral Meeting','Samdech Akka Moha Sena Padei Techo Hun Sen, Prime Minister of Cambodia, and His Excellency António Guterres, Secretary-General of the United Nations, discussed the strengthening of Cambodia-UN cooperation and exchanged views on various regional and international issues, in a bilateral meeting held in Phnom Penh, on 13 November 2022 on the sidelines of the ASEAN Summits and Related Summits.

Secretary-General Guterres congratulated Samdech Techo Prime Minister for successfully hosting and chairing the ASEAN Summits and Related Summits, including the ASEAN-UN Summit.

The two Leaders noted with satisfaction the good relations and cooperation between Cambodia and UN and shared commitment to further broaden them. Samdech Techo Prime Minister highlighted the three models of successful Cambodia-UN cooperation: the Khmer Rouge Tribunal, UN Peace Keeping Operations (UNPKOs) and the yearly meeting between himself, the Prime Minister, with all UN Agencies to Cambodia, with a stress on its resumption in the near future after being disrupted by the pandemic.

Samdech Techo Prime Minister thanked the United Nations for its continued cooperation and assistance to the socio-economic development in Cambodia, especially for providing COVID-19 vaccines and medical equipment through COVAX facility, thus contributing in the government''s successful vaccination campaign.

Samdech Techo Prime Minister and the UN Secretary-General discussed cooperation between the Cambodian government and the UN on combating climate change and ASEAN-UN cooperation. He briefed Secretary-General Guterres on the preparation by the country for holding the general elections in July next year.

Samdech Techo Prime Minister touched on demining, underlining Cambodia''s humanitarian activities by sharing the experiences of clearing landmines and unexploded ordnance (UXO) under the auspices of the United Nations in some countries around the world and informed the UN Secretary-General of Cambodian government''s decision, in collaboration with the Government of Japan, to dispatch Cambodian deminers to help train Ukraine''s deminers in Poland. He then asked Secretary-General Guterres to increase UN assistance on demining in order to help the Kingdom reach its goal "A Mine-Free Cambodia by 2025" and suggested to include demining in the UN Sustainable Development Goals. The UN Secretary-General appreciated Samdech Techo''s much attention on demining and assured Samdech to take into serious consideration both request and suggestion.

While exchanging views on regional and international issues, Samdech Techo Prime Minister stressed Cambodia''s position against threat to use nuclear weapons and advocated for the respect of the UN Charter and international laws.

Phnom Penh, 13 November 2022',NULL,NULL,'text/corpus/mfaic-2022-11-13-pm-guterres-bilateral-txt-dbee9123/v0001.txt','3b44372b9f079c34d942936e4d673ba01fd6e043d399dc572ea5da82bdaeca3c','text/plain','{corpus}/mfaic-2022-11-13-pm-guterres-bilateral.txt',NULL);
INSERT INTO "versions" VALUES(4,4,1,'2026-12-03T14:27:03Z','cc0eb7d5404f39b371c20dbbc1907c269a215cdc4efe8c4d97b2f12741d5692c','Notice on Consular Services During the Khmer New Year Holidays','The Ministry of Foreign Affairs and International Cooperation would like to inform the public that the Consular Department will suspend the receipt of applications for ordinary passports and visa extensions from 12 to 17 April 2024 on the occasion of the Khmer New Year.

Foreign nationals may continue to apply for tourist and business visas online through the official e-Visa portal, which remains open throughout the holidays. Applicants are advised to submit their applications at least three working days before their intended date of travel.

Holders of diplomatic and official passports, including staff of the United Nations agencies and international organisations accredited to the Kingdom of Cambodia, should contact the Department of Protocol for any request related to their residence status.

Normal services will resume on 18 April 2024. For further information, please contact the Consular Department by telephone or by e-mail during working hours.

Phnom Penh, 4 March 2024','2024-03-04','en','text/ministry/notice-on-consular-services-during-the-khmer-new-year-holida-22cb39f0/v0001.txt','d6f55abf177feffc240d739e4967f09a81b3b6e364af1eb07c0327a113084a23','text/html','{origin}/2024/03/04/notice-on-consular-services-during-the-khmer-new-year-holidays/',1);
INSERT INTO "versions" VALUES(5,5,1,'2026-12-03T14:27:03Z','76bbb9d7ee198c2f319629cac65033055e9e5c716a6860d62330f4c4659896ef','វឌ្ឍនភាពការងារបោសសម្អាតមីន និងសំណល់ជាតិផ្ទុះពីសង្គ្រាម','នៅថ្ងៃទី១៥ ខែកុម្ភៈ ឆ្នាំ២០២៤ ក្រសួងការបរទេស និងសហប្រតិបត្តិការអន្តរជាតិ បានចូលរួមកិច្ចប្រជុំពិនិត្យវឌ្ឍនភាពការងារបោសសម្អាតមីន និងសំណល់ជាតិផ្ទុះពីសង្គ្រាម ដែលរៀបចំដោយអាជ្ញាធរកម្ពុជាសកម្មភាពកំចាត់មីន និងសង្គ្រោះជនរងគ្រោះដោយសារមីន (CMAA) នៅរាជធានីភ្នំពេញ។

យោងតាមរបាយការណ៍ ក្នុងឆ្នាំ២០២៣ ប្រតិបត្តិករកំចាត់មីន រួមទាំងមជ្ឈមណ្ឌលសកម្មភាពកំចាត់មីនកម្ពុជា (CMAC) បានបោសសម្អាតដីប្រមាណ ២០០ គីឡូម៉ែត្រការ៉េ និងបានកម្ទេចគ្រាប់មីន និងគ្រាប់មិនទាន់ផ្ទុះជាច្រើនម៉ឺនគ្រាប់ ដែលជួយឱ្យប្រជាពលរដ្ឋមានដីសម្រាប់ធ្វើកសិកម្ម និងសាងសង់សាលារៀន។

រាជរដ្ឋាភិបាលកម្ពុជានៅតែប្តេជ្ញាសម្រេចគោលដៅ «កម្ពុជាគ្មានមីន» ហើយសូមថ្លែងអំណរគុណចំពោះដៃគូអភិវឌ្ឍន៍ ជាពិសេសប្រទេសជប៉ុន និងអង្គការសហប្រជាជាតិ ដែលបានផ្តល់ការគាំទ្រយ៉ាងសកម្មដល់ការងារបោសសម្អាតមីន។

ក្រសួងសូមអំពាវនាវដល់ប្រជាពលរដ្ឋឱ្យរាយការណ៍ភ្លាមៗទៅអាជ្ញាធរមូលដ្ឋាន នៅពេលរកឃើញវត្ថុគួរឱ្យសង្ស័យ ហើយកុំប៉ះពាល់ ឬផ្លាស់ទីវត្ថុនោះដោយខ្លួនឯង។

រាជធានីភ្នំពេញ ថ្ងៃទី១៥ ខែកុម្ភៈ ឆ្នាំ២០២៤','2024-02-15','km','text/ministry/khmer-press-release-mine-clearance-progress-2024-55dca61b/v0001.txt','92a8152c1fa95adb7ae6426f4ddc422654830e2cb3d62a02ea008876628918c9','text/html','{origin}/2024/02/15/khmer-press-release-mine-clearance-progress-2024/',1);
INSERT INTO "versions" VALUES(6,6,1,'2026-12-03T14:27:03Z','255c87eb58cce346830f287619a3be134f4901817e0d806fe997044b7f3a4053','CMAA and CMAC Report Progress in Mine Clearance for 2023','On 25 January 2024, the Cambodian Mine Action and Victim Assistance Authority (CMAA) held its annual meeting in Phnom Penh to review the progress of mine action in 2023, with the participation of representatives of the Ministry of Foreign Affairs and International Cooperation, the Cambodian Mine Action Centre (CMAC), the Royal Cambodian Armed Forces and international operators including the HALO Trust, MAG, NPA and APOPO.

According to the report presented at the meeting, operators released more than 200 square kilometres of land through clearance, technical survey and non-technical survey during the year, and destroyed tens of thousands of anti-personnel mines, anti-tank mines and items of unexploded ordnance (UXO) and other explosive remnants of war (ERW).

The meeting noted that the released land has been handed over to local communities for agriculture, housing, schools and roads, and that the number of casualties from landmines and ERW continued to decline. Explosive ordnance risk education reached villages along the former front lines in the north-west of the country.

The representative of the Ministry reaffirmed the Royal Government''s commitment to the goal of a mine-free Cambodia under the National Mine Action Strategy and the Mine Ban Treaty, and thanked development partners, in particular Japan, the Republic of Korea, Australia and the United States, for their continued support to humanitarian demining and victim assistance.

The meeting also recalled Cambodia''s contribution to international mine action, including the training of deminers from other countries and the deployment of Cambodian explosive ordnance disposal units with United Nations peacekeeping operations.

Phnom Penh, 25 January 2024','2024-01-25','en','text/ministry/cmaa-and-cmac-report-progress-in-mine-clearance-for-2023-f1783c9e/v0001.txt','1f48a7c9b5428a2a22a6f83cb19158c341e8ee9aba85c13705bd6117ac279a33','text/html','{origin}/2024/01/25/cmaa-and-cmac-report-progress-in-mine-clearance-for-2023/',1);
INSERT INTO "versions" VALUES(7,7,1,'2026-12-03T14:27:03Z','2cc55e84951cd18e97f0ae536ee16359a1dfd84a72aa219b3a3a7d5484e94291','Cambodia and the Republic of Korea Discuss Trade and Investment Cooperation','On 8 November 2023, a Secretary of State of the Ministry of Foreign Affairs and International Cooperation received a business delegation from the Republic of Korea to discuss opportunities for trade and investment in Cambodia.

The Secretary of State briefed the delegation on the Law on Investment, the incentives available in special economic zones, and the Cambodia-Korea Free Trade Agreement, which has opened new market access for Cambodian agricultural products such as milled rice, cassava, mango and pepper.

The delegation expressed interest in investing in agro-processing, electronics assembly, renewable energy and the responsible development of the mining sector, including the processing of minerals from existing gold and iron ore mines in the north-east of the country, and asked to examine the procedures for mining licences.

Both sides agreed to encourage more business-to-business exchanges and to organise a Cambodia-Korea investment forum in Phnom Penh in 2024.

Phnom Penh, 8 November 2023','2023-11-08','en','text/ministry/cambodia-and-korea-discuss-trade-and-investment-cooperation-f513de39/v0001.txt','eb9cbfe642269aa92f299663839564d6be3f911bc49551117706b672b704fd6b','text/html','{origin}/2023/11/08/cambodia-and-korea-discuss-trade-and-investment-cooperation/',1);
INSERT INTO "versions" VALUES(8,5,2,'2026-12-03T14:27:04Z','50a9eaefbfad1bec61e06723ad9d81ada958a23ea8c9d2f2c27e0c1f3c59ac96','វឌ្ឍនភាពការងារបោសសម្អាតមីន និងសំណល់ជាតិផ្ទុះពីសង្គ្រាម','នៅថ្ងៃទី១៥ ខែកុម្ភៈ ឆ្នាំ២០២៤ ក្រសួងការបរទេស និងសហប្រតិបត្តិការអន្តរជាតិ បានចូលរួមកិច្ចប្រជុំពិនិត្យវឌ្ឍនភាពការងារបោសសម្អាតមីន និងសំណល់ជាតិផ្ទុះពីសង្គ្រាម ដែលរៀបចំដោយអាជ្ញាធរកម្ពុជាសកម្មភាពកំចាត់មីន និងសង្គ្រោះជនរងគ្រោះដោយសារមីន (CMAA) នៅរាជធានីភ្នំពេញ។

យោងតាមរបាយការណ៍ ក្នុងឆ្នាំ២០២៣ ប្រតិបត្តិករកំចាត់មីន រួមទាំងមជ្ឈមណ្ឌលសកម្មភាពកំចាត់មីនកម្ពុជា (CMAC) បានបោសសម្អាតដីប្រមាណ ២០០ គីឡូម៉ែត្រការ៉េ និងបានកម្ទេចគ្រាប់មីន និងគ្រាប់មិនទាន់ផ្ទុះជាច្រើនម៉ឺនគ្រាប់ ដែលជួយឱ្យប្រជាពលរដ្ឋមានដីសម្រាប់ធ្វើកសិកម្ម និងសាងសង់សាលារៀន។

រាជរដ្ឋាភិបាលកម្ពុជានៅតែប្តេជ្ញាសម្រេចគោលដៅ «កម្ពុជាគ្មានមីន» ហើយសូមថ្លែងអំណរគុណចំពោះដៃគូអភិវឌ្ឍន៍ ជាពិសេសប្រទេសជប៉ុន និងអង្គការសហប្រជាជាតិ ដែលបានផ្តល់ការគាំទ្រយ៉ាងសកម្មដល់ការងារបោសសម្អាតមីន។

ក្រសួងសូមអំពាវនាវដល់ប្រជាពលរដ្ឋឱ្យរាយការណ៍ភ្លាមៗទៅអាជ្ញាធរមូលដ្ឋាន នៅពេលរកឃើញវត្ថុគួរឱ្យសង្ស័យ ហើយកុំប៉ះពាល់ ឬផ្លាស់ទីវត្ថុនោះដោយខ្លួនឯង។

រាជធានីភ្នំពេញ ថ្ងៃទី១៥ ខែកុម្ភៈ ឆ្នាំ២០២៤

A paragraph the ministry added after publishing this release.','2024-02-15','km','text/ministry/khmer-press-release-mine-clearance-progress-2024-55dca61b/v0002.txt','9cf87e9d39641657fa0b961d0843259576c8e66c9643558bb9dec63289a55396','text/html','{origin}/2024/02/15/khmer-press-release-mine-clearance-progress-2024/',2);
CREATE INDEX events_pending ON events (digest_id) WHERE digest_id IS NULL;
CREATE INDEX versions_release ON versions (release_id, seq);
CREATE INDEX events_release ON events (release_id);
CREATE INDEX events_kind ON events (kind);
CREATE INDEX releases_url ON releases (url);
CREATE INDEX releases_source ON releases (source_id);
CREATE INDEX releases_removed ON releases (source_id) WHERE state = 'removed';
CREATE INDEX events_digest ON events (digest_id);
CREATE INDEX channel_pending ON channel_deliveries (channel, status);
COMMIT;
