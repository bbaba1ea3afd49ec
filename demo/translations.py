"""Russian and Kazakh for the demo data's public text, keyed by its English (demo/data.py).

The names of people are renderings of their names in Russian and Kazakh Cyrillic, not sourced facts.
Texts not listed here fall back to English, marked as such.
"""

from modeltranslation.translator import translator

from .long_texts import LONG_TEXTS as _LONG_TEXTS

_NAMES = {
    "Erzhan Elshibayev": ("Ержан Ельшибаев", "Ержан Елшібаев"),
    "Yerlan Baltabai": ("Ерлан Балтабай", "Ерлан Балтабай"),
    "Natalia Sokolova": ("Наталья Соколова", "Наталья Соколова"),
    "Roza Tuletaeva": ("Роза Тулетаева", "Роза Түлетаева"),
    "Zhansaule Karabalaeva": ("Жансауле Карабалаева", "Жансәуле Қарабалаева"),
    "Asem Kenzhebaeva": ("Асем Кенжебаева", "Әсем Кенжебаева"),
    "Akzhanat Aminov": ("Акжанат Аминов", "Ақжанат Әминов"),
    "Torebek Tolegenov": ("Торебек Толегенов", "Төребек Төлегенов"),
}

_TEXTS = {
    "Justice for Zhanaozen": ("Справедливость для Жанаозена", "Жаңаөзенге әділдік"),
    "On 16 December 2011 police shot striking oil workers in Zhanaozen, Kazakhstan. The campaign asks for the "
    "truth, justice for the victims and freedom for those jailed since.": (
        "16 декабря 2011 года полиция расстреляла бастующих нефтяников в Жанаозене (Казахстан). Кампания требует "
        "правды, справедливости для пострадавших и свободы для тех, кого с тех пор посадили.",
        "2011 жылғы 16 желтоқсанда Жаңаөзенде (Қазақстан) полиция ереуілдеген мұнайшыларды атқылады. Науқан "
        "шындықты, зардап шеккендерге әділдікті және содан бері түрмеге қамалғандарға бостандықты талап етеді."),
    # Occupations
    "Elected representative of the striking oil workers": ("Избранный представитель бастующих нефтяников",
                                                           "Ереуілдеген мұнайшылардың сайланған өкілі"),
    "Lawyer for the striking oil workers": ("Адвокат бастующих нефтяников", "Ереуілдеген мұнайшылардың адвокаты"),
    "Oil workers' trade union organiser": ("Организатор профсоюза нефтяников", "Мұнайшылар кәсіподағының ұйымдастырушысы"),
    "Organiser of an unemployed union": ("Организатор союза безработных", "Жұмыссыздар одағының ұйымдастырушысы"),
    "Trade union leader": ("Профсоюзный лидер", "Кәсіподақ жетекшісі"),
    # People's summaries
    "Helped organise peaceful protests of young unemployed people in Zhanaozen in 2019; jailed for five years.": (
        "В 2019 году помогал организовать мирные протесты молодых безработных в Жанаозене; осуждён на пять лет.",
        "2019 жылы Жаңаөзендегі жас жұмыссыздардың бейбіт наразылығын ұйымдастыруға көмектесті; бес жылға сотталды."),
    "Leader of the trade union Dignified Labour, imprisoned for seven years.": (
        "Лидер профсоюза «Достойный труд», лишён свободы на семь лет.",
        "«Лайықты еңбек» кәсіподағының жетекшісі, жеті жылға бас бостандығынан айырылды."),
    "The strikers' lawyer, arrested in April 2011 and jailed for six years.": (
        "Адвокат бастующих, арестована в апреле 2011 года и осуждена на шесть лет.",
        "Ереуілшілердің адвокаты, 2011 жылдың сәуірінде қамауға алынып, алты жылға сотталды."),
    "Union organiser detained in the crackdown; campaigners ask for an investigation of the sexual violence "
    "against her.": (
        "Организатор профсоюза, задержанная во время подавления протестов; активисты требуют расследовать "
        "сексуальное насилие над ней.",
        "Наразылықты басып-жаншу кезінде ұсталған кәсіподақ ұйымдастырушысы; белсенділер оған қатысты жыныстық "
        "зорлық-зомбылықты тергеуді талап етеді."),
    "Daughter of a trade union activist; a woman detainee subjected to sexual violence.": (
        "Дочь профсоюзного активиста; задержанная, подвергшаяся сексуальному насилию.",
        "Кәсіподақ белсендісінің қызы; жыныстық зорлық-зомбылыққа ұшыраған ұсталған әйел."),
    "One of the strikers' elected negotiators; given a two-year suspended sentence.": (
        "Один из избранных переговорщиков бастующих; приговорён к двум годам условно.",
        "Ереуілшілердің сайланған келіссөз жүргізушілерінің бірі; екі жыл шартты жазаға кесілді."),
    "Killed in Shetpe during the protests that followed the Zhanaozen massacre.": (
        "Убит в Шетпе во время протестов после расстрела в Жанаозене.",
        "Жаңаөзендегі қырғыннан кейінгі наразылықтар кезінде Шетпеде қаза тапты."),
    # Demands
    "An independent international commission on Zhanaozen": ("Независимая международная комиссия по Жанаозену",
                                                              "Жаңаөзен бойынша тәуелсіз халықаралық комиссия"),
    "Exhume the bodies from unmarked graves": ("Эксгумировать тела из безымянных могил",
                                               "Белгісіз бейіттердегі денелерді эксгумациялау"),
    "Investigate the torture and sexual violence against detainees": (
        "Расследовать пытки и сексуальное насилие над задержанными",
        "Ұсталғандарға жасалған азаптау мен жыныстық зорлық-зомбылықты тергеу"),
    "Establish how many were killed": ("Установить, сколько людей погибло", "Қанша адам қаза тапқанын анықтау"),
    "Say who ordered the shootings and who fired": ("Назвать, кто отдал приказ стрелять и кто стрелял",
                                                    "Атуға кім бұйрық бергенін және кім атқанын айту"),
    "Bring those responsible for the killings to justice": ("Привлечь виновных в убийствах к ответственности",
                                                            "Кісі өлтіруге кінәлілерді жауапқа тарту"),
    "Investigate the killing of Torebek Tolegenov in Shetpe": ("Расследовать убийство Торебека Толегенова в Шетпе",
                                                                "Шетпеде Төребек Төлегеновтің өлтірілуін тергеу"),
    "Investigate the fire at the Ozenmunaigaz offices": ("Расследовать пожар в офисе «Озенмунайгаза»",
                                                         "«Өзенмұнайгаз» кеңсесіндегі өртті тергеу"),
    "Release Erzhan Elshibayev": ("Освободить Ержана Ельшибаева", "Ержан Елшібаевты босату"),
    "Release Yerlan Baltabai": ("Освободить Ерлана Балтабая", "Ерлан Балтабайды босату"),
    "Release all political prisoners in Kazakhstan": ("Освободить всех политических заключённых в Казахстане",
                                                      "Қазақстандағы барлық саяси тұтқындарды босату"),
    "The right to form independent trade unions": ("Право создавать независимые профсоюзы",
                                                   "Тәуелсіз кәсіподақтар құру құқығы"),
    "An international inquiry into the killings, as UN officials asked for in 2012.": (
        "Международное расследование убийств, о котором в 2012 году просили представители ООН.",
        "2012 жылы БҰҰ өкілдері сұраған кісі өлтірулерді халықаралық тергеу."),
    "Reports of bodies put in unmarked graves have never been followed up.": (
        "Сообщения о телах, похороненных в безымянных могилах, так и не были проверены.",
        "Денелер белгісіз бейіттерге көмілді деген хабарлар ешқашан тексерілмеген."),
    "Detainees were held naked in winter, beaten and doused with freezing water; women were sexually abused.": (
        "Задержанных зимой держали раздетыми, избивали и обливали ледяной водой; женщины подверглись "
        "сексуальному насилию.",
        "Ұсталғандарды қыста шешіндіріп ұстады, ұрды, мұздай сумен шайды; әйелдер жыныстық зорлыққа ұшырады."),
    "Officials admit 16 dead; campaigners say dozens, perhaps hundreds more died on 16 to 18 December 2011.": (
        "Власти признают 16 погибших; активисты говорят, что 16–18 декабря 2011 года погибли ещё десятки, а "
        "возможно, сотни людей.",
        "Билік 16 адамның қаза тапқанын мойындайды; белсенділер 2011 жылғы 16–18 желтоқсанда тағы ондаған, "
        "мүмкін жүздеген адам қаза тапты дейді."),
    "Who were the provocateurs, who sent armed forces against an unarmed crowd, and who fired?": (
        "Кто были провокаторы, кто направил вооружённые силы против безоружной толпы и кто стрелял?",
        "Арандатушылар кім болды, қарусыз жұртқа қарсы қарулы күштерді кім жіберді және кім атты?"),
    "A few police officers were tried and a detention centre chief briefly jailed; the chain of command was not.": (
        "Судили нескольких полицейских, ненадолго посадили начальника изолятора; цепочку командования — нет.",
        "Бірнеше полицей сотталды, тергеу изоляторының бастығы қысқа мерзімге қамалды; ал бұйрық берушілер — жоқ."),
    "And the wounding of the young people who blocked a railway in protest at the massacre.": (
        "И ранения молодых людей, перекрывших железную дорогу в знак протеста против расстрела.",
        "Қырғынға наразылық білдіріп темір жолды бөгеген жастардың жаралануын да."),
    "A fire broke out at the company's offices on the day of the massacre; many workers believe provocateurs "
    "set it.": (
        "В день расстрела в офисе компании вспыхнул пожар; многие рабочие считают, что его устроили провокаторы.",
        "Қырғын болған күні компания кеңсесінде өрт шықты; көп жұмысшы оны арандатушылар қойды деп санайды."),
    "Free the organiser of Zhanaozen's unemployed at once.": ("Немедленно освободить организатора безработных Жанаозена.",
                                                             "Жаңаөзен жұмыссыздарының ұйымдастырушысын дереу босату."),
    "Free the leader of the union Dignified Labour.": ("Освободить лидера профсоюза «Достойный труд».",
                                                       "«Лайықты еңбек» кәсіподағының жетекшісін босату."),
    "Not only the best known: every political prisoner.": ("Не только самых известных: каждого политзаключённого.",
                                                           "Ең белгілілерін ғана емес: әр саяси тұтқынды."),
    "The key demand of the 2011 strike, and again at issue in 2021.": (
        "Главное требование забастовки 2011 года, снова актуальное в 2021 году.",
        "2011 жылғы ереуілдің басты талабы, 2021 жылы қайта көтерілді."),
    # Key dates
    "Anniversary of the Zhanaozen massacre": ("Годовщина расстрела в Жанаозене", "Жаңаөзен қырғынының жылдығы"),
    "Second day of the crackdown": ("Второй день расправы", "Қуғын-сүргіннің екінші күні"),
    "Third day of the crackdown": ("Третий день расправы", "Қуғын-сүргіннің үшінші күні"),
    "Oil workers commemorate the victims in Zhanaozen": ("Нефтяники чтят память погибших в Жанаозене",
                                                         "Мұнайшылар Жаңаөзенде құрбандарды еске алады"),
    "Tenth anniversary: film shows and gatherings in Almaty": ("Десятая годовщина: показы фильмов и встречи в Алматы",
                                                              "Он жылдық: Алматыда фильм көрсету және жиындар"),
    "Alan Square, Zhanaozen": ("Площадь Алан, Жанаозен", "Алаң алаңы, Жаңаөзен"),
    "Zhanaozen and nearby villages": ("Жанаозен и соседние сёла", "Жаңаөзен және маңайындағы ауылдар"),
    "Zhanaozen": ("Жанаозен", "Жаңаөзен"),
    "Almaty": ("Алматы", "Алматы"),
}

TRANSLATIONS = {
    language: {english: pair[index] for english, pair in {**_NAMES, **_TEXTS, **_LONG_TEXTS}.items()}
    for index, language in enumerate(("ru", "kk"))
}


def in_russian_and_kazakh(record):
    """Fills the record's Russian and Kazakh columns from TRANSLATIONS, where it has them."""
    changed = []
    for field in translator.get_options_for_model(type(record)).get_field_names():
        english = getattr(record, f"{field}_en")
        for language in ("ru", "kk"):
            if english and (text := TRANSLATIONS[language].get(english)):
                setattr(record, f"{field}_{language}", text)
                changed.append(f"{field}_{language}")
    if changed:
        # A person's stored search key takes in every language's name.
        record.save(update_fields=changed + (["search_key"] if hasattr(record, "search_key") else []))
