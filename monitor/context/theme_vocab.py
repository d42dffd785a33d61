"""The two shipped themes, ASEAN-UN cooperation and demining (mine action): their terms in
English, Khmer and Thai. Facts behind them: shared/THEMES.md (IMAS glossary, UNBIS, the
ASEAN-UN documents). Organisation names ("United Nations", "U.N.") are read as their acronyms
(`theme_words.ALIASES`), so "ASEAN-UN" also matches "ASEAN-United Nations" and
"United Nations-Association of Southeast Asian Nations (ASEAN)".
"""

from __future__ import annotations

from monitor.context.theme_match import Theme

ASEAN_UN = Theme(
    name="asean-un",
    terms=(
        "ASEAN-UN", "ASEAN-United Nations", "ASEAN and the UN", "ASEAN and the United Nations",
        "UN-ASEAN", "United Nations-ASEAN", "UN and ASEAN", "United Nations and ASEAN",
        "ASEAN-UN Summit", "ASEAN-UN Ministerial Meeting", "ASEAN-UN Plan of Action",
        "Comprehensive Partnership between ASEAN and the United Nations",
        "ASEAN-UN Comprehensive Partnership", "Complementarities Initiative",
        "ASEAN Community Vision 2025 and the 2030 Agenda",
        # Khmer: ASEAN-UN; ASEAN and the UN (អ.ស.ប is the short form of the UN)
        "អាស៊ាន-អង្គការសហប្រជាជាតិ", "អាស៊ាន និងអង្គការសហប្រជាជាតិ",
        "អង្គការសហប្រជាជាតិ និងអាស៊ាន", "អាស៊ាន-អ.ស.ប", "អាស៊ាន និង អ.ស.ប",
        # Thai: ASEAN-UN; ASEAN and the UN; ASEAN with the UN
        "อาเซียน-สหประชาชาติ", "อาเซียนและสหประชาชาติ", "อาเซียนกับสหประชาชาติ",
    ),
    support=(
        "UN Secretary-General", "Secretary-General of the United Nations",
        "United Nations Secretary-General", "peacekeeping", "peacekeepers",
        "Action for Peacekeeping", "A4P", "PKO", "2030 Agenda for Sustainable Development",
        "ESCAP", "Secretariat-to-Secretariat", "ASEAN ... United Nations", "ASEAN ... UN",
        # Khmer: UN Secretary-General; peacekeeping; ASEAN ... UN
        "អគ្គលេខាធិការអង្គការសហប្រជាជាតិ", "រក្សាសន្តិភាព", "អាស៊ាន ... អង្គការសហប្រជាជាតិ",
        # Thai: ASEAN ... UN
        "อาเซียน ... สหประชาชาติ",
    ),
)  # fmt: skip

DEMINING = Theme(
    name="demining",
    terms=(
        "demining", "humanitarian demining", "deminer", "mine action", "mine action centre",
        "mine action center", "landmine", "anti-personnel mine", "anti-personnel landmine",
        "mine clearance", "mine clearing", "landmine clearance", "mine-free",
        "mine-free Cambodia", "mine victims", "mine survivors", "mine risk education",
        "explosive ordnance risk education", "mine-affected", "mine-contaminated",
        "Mine Ban Treaty", "Mine Ban Convention", "Ottawa Convention", "Ottawa Treaty",
        "Convention on Cluster Munitions", "cluster munitions", "UXO", "unexploded ordnance",
        "unexploded bombs", "unexploded munitions", "explosive ordnance",
        "explosive remnants of war", "ERW", "abandoned explosive ordnance",
        "battle area clearance", "suspected hazardous area", "confirmed hazardous area",
        "CMAC", "CMAA", "ARMAC", "NPMEC", "UNMAS", "GICHD", "ICBL", "TMAC", "Landmine Monitor",
        "Cambodian Mine Action Centre", "ASEAN Regional Mine Action Centre",
        "ASEAN Regional Mine Action Center",
        "Cambodian Mine Action and Victim Assistance Authority", "HALO Trust",
        "Mines Advisory Group", "APOPO", "Norwegian People's Aid",
        # Khmer: landmine; demining; mine clearance (two spellings); mine elimination (two
        # spellings, as in CMAC's and CMAA's names); mine action; minefield (two words);
        # mine-free; cleared of mines; Mine Authority; UXO; unexploded ordnance; explosive
        # remnants; CMAC transliterated; cluster bombs
        "គ្រាប់មីន", "ដោះមីន", "បោសសម្អាតមីន", "បោសសំអាតមីន", "កំចាត់មីន", "កម្ចាត់មីន",
        "សកម្មភាពមីន", "ចម្ការមីន", "វាលមីន", "គ្មានមីន", "អស់មីន", "អាជ្ញាធរមីន",
        "គ្រាប់មិនទាន់ផ្ទុះ", "យុទ្ធភណ្ឌមិនទាន់ផ្ទុះ", "សំណល់ជាតិផ្ទុះ", "ស៊ីម៉ាក់",
        "គ្រាប់បែកចង្កោម",
        # Thai: landmine; demining; mine action; Thailand Mine Action Center; UXO
        "ทุ่นระเบิด", "เก็บกู้ทุ่นระเบิด", "ปฏิบัติการทุ่นระเบิด",
        "ศูนย์ปฏิบัติการทุ่นระเบิดแห่งชาติ", "วัตถุระเบิดที่ยังไม่ระเบิด",
    ),
    support=(
        "mine", "minefield", "victim assistance", "EOD", "booby-trap", "land release",
        "technical survey", "hazardous area",
        # Khmer: mine (bare, after the syllable check); Thai: "trap bomb", colloquial landmine
        "មីន", "กับระเบิด",
    ),
)  # fmt: skip

DEFAULT_THEMES: tuple[Theme, ...] = (ASEAN_UN, DEMINING)
