"""Russian and Kazakh for the demo data's longer public texts (biographies, events, descriptions,
notes, organisations, sources and the accountability record), keyed by their English in
demo/data.py and accountability/demo_data.py. Translations, not new facts: each
keeps its citation."""

P, J, PJ = "(Пирани, 2021)", "(Джонс, 2019)", "(Пирани, 2021; Джонс, 2019)"

LONG_TEXTS = {
    # Sources: the titles of the cited articles, translated for the reader
    "Kazakhstan ten years after the Zhanaozen massacre: oil workers' fight to organise goes on": (
        "Казахстан через десять лет после расстрела в Жанаозене: борьба нефтяников за право на объединение "
        "продолжается",
        "Жаңаөзен қырғынынан он жыл өткен соң Қазақстан: мұнайшылардың бірігу құқығы үшін күресі жалғасуда"),
    "Zhanaozen, Kazakhstan. Eighth anniversary of the massacre of the oil-workers": (
        "Жанаозен, Казахстан. Восьмая годовщина расстрела нефтяников",
        "Жаңаөзен, Қазақстан. Мұнайшыларды қырғанға сегіз жыл"),
    "Simon Pirani, People and Nature": ("Саймон Пирани, People and Nature", "Саймон Пирани, People and Nature"),
    "Rob Jones, Sotsialisticheskaya Alternativa (CWI in Russia), December 2019": (
        "Роб Джонс, «Социалистическая альтернатива» (КРИ в России), декабрь 2019 года",
        "Роб Джонс, «Социалистік балама» (Ресейдегі ЖИК), 2019 жылғы желтоқсан"),
    # Organisations
    "Kazakhstan International Bureau for Human Rights and the Rule of Law": (
        "Казахстанское международное бюро по правам человека и соблюдению законности",
        "Қазақстан адам құқықтары мен заңдылықты сақтау жөніндегі халықаралық бюросы"),
    "Human rights group directed by Evgeny Zhovtis, who says three questions about Alan Square were never "
    "answered.": (
        "Правозащитная организация под руководством Евгения Жовтиса, который говорит, что на три вопроса о "
        "площади Алан так и не ответили.",
        "Евгений Жовтис басқаратын құқық қорғау ұйымы; ол Алаң алаңы туралы үш сұраққа әлі жауап берілмегенін "
        "айтады."),
    "Liberty (human rights organisation)": ("«Бостандык» (правозащитная организация)",
                                            "«Бостандық» (құқық қорғау ұйымы)"),
    "Its Galym Ageleuov has gathered evidence in Zhanaozen since the massacre.": (
        "Её руководитель Галым Агелеуов собирает свидетельства в Жанаозене со времени расстрела.",
        "Ұйымның жетекшісі Ғалым Ағелеуов қырғыннан бері Жаңаөзенде дәлел жинап келеді."),
    "UN High Commissioner for Human Rights": ("Верховный комиссар ООН по правам человека",
                                              "БҰҰ-ның Адам құқықтары жөніндегі жоғарғы комиссары"),
    "The High Commissioner visited Kazakhstan in 2012 and called for an independent international commission.": (
        "Верховный комиссар посетил Казахстан в 2012 году и призвал создать независимую международную комиссию.",
        "Жоғарғы комиссар 2012 жылы Қазақстанға келіп, тәуелсіз халықаралық комиссия құруға шақырды."),
    "UN Special Rapporteur on the rights to freedom of peaceful assembly and of association": (
        "Специальный докладчик ООН по вопросу о праве на свободу мирных собраний и праве на свободу ассоциации",
        "БҰҰ-ның бейбіт жиналыс бостандығы және бірлестік құру бостандығы құқықтары жөніндегі арнаулы баяндамашысы"),
    "Maina Kiai, in this post, also called for an international commission.": (
        "Майна Киаи, занимавший этот пост, тоже призывал создать международную комиссию.",
        "Осы лауазымдағы Майна Киаи да халықаралық комиссия құруға шақырды."),
    "Government of Kazakhstan": ("Правительство Казахстана", "Қазақстан Үкіметі"),
    "Ministry of Justice of Kazakhstan": ("Министерство юстиции Казахстана",
                                          "Қазақстан Республикасы Әділет министрлігі"),
    "Claims that an adequate investigation was carried out.": (
        "Утверждает, что было проведено надлежащее расследование.",
        "Тиісті тергеу жүргізілді деп мәлімдейді."),
    "Kazmunaigaz": ("«Казмунайгаз»", "«ҚазМұнайГаз»"),
    "The national oil company.": ("Национальная нефтяная компания.", "Ұлттық мұнай компаниясы."),
    "Ozenmunaigaz": ("«Озенмунайгаз»", "«Өзенмұнайгаз»"),
    "Kazmunaigaz's production subsidiary in Zhanaozen, where the 2011 strike took place.": (
        "Добывающая дочерняя компания «Казмунайгаза» в Жанаозене, где в 2011 году прошла забастовка.",
        "«ҚазМұнайГаздың» Жаңаөзендегі өндіруші еншілес компаниясы; 2011 жылғы ереуіл осында болды."),
    "Oil Construction Company Workers Union": ("Профсоюз работников «Oil Construction Company»",
                                               "«Oil Construction Company» қызметкерлерінің кәсіподағы"),
    "Independent union; in June 2021 Kazmunaigaz tried to scrap its agreement on wages and conditions.": (
        "Независимый профсоюз; в июне 2021 года «Казмунайгаз» попытался расторгнуть соглашение с ним об оплате и "
        "условиях труда.",
        "Тәуелсіз кәсіподақ; 2021 жылғы маусымда «ҚазМұнайГаз» онымен жалақы мен еңбек жағдайлары туралы "
        "келісімді бұзуға тырысты."),
    "Sectoral Union of Fuel and Energy Workers": ("Отраслевой профсоюз работников топливно-энергетического комплекса",
                                                  "Отын-энергетика кешені қызметкерлерінің салалық кәсіподағы"),
    "National umbrella of independent unions that the authorities tried to deregister.": (
        "Общенациональное объединение независимых профсоюзов, которое власти пытались снять с регистрации.",
        "Билік тіркеуден шығаруға тырысқан тәуелсіз кәсіподақтардың ұлттық бірлестігі."),
    "Federation of Trade Unions of Kazakhstan": ("Федерация профсоюзов Казахстана",
                                                 "Қазақстан кәсіподақтары федерациясы"),
    "Signed an agreement with the government in 2009 to stop strikes and protests.": (
        "В 2009 году подписала с правительством соглашение о прекращении забастовок и протестов.",
        "2009 жылы үкіметпен ереуілдер мен наразылықтарды тоқтату туралы келісімге қол қойды."),
    "Dignified Labour (trade union)": ("«Достойный труд» (профсоюз)", "«Лайықты еңбек» (кәсіподақ)"),
    "Trade union led by Yerlan Baltabai.": ("Профсоюз, который возглавляет Ерлан Балтабай.",
                                            "Ерлан Балтабай басқаратын кәсіподақ."),
    "Central Asia Labour Rights Monitoring Mission": (
        "Центральноазиатская миссия по мониторингу трудовых прав",
        "Орталық Азиядағы еңбек құқықтарын бақылау миссиясы"),
    "Coordinated by Markhaba Khalmurzaeva.": ("Координатор — Мархаба Халмурзаева.",
                                              "Үйлестірушісі — Мархаба Халмурзаева."),
    "Novaya Gazeta": ("«Новая газета»", "«Новая газета»"),
    "Its reporter Yelena Kostiuchenko, among the first journalists into Zhanaozen, reported bodies put in "
    "unmarked graves.": (
        "Её корреспондент Елена Костюченко, одна из первых журналистов в Жанаозене, сообщила о телах, "
        "похороненных в безымянных могилах.",
        "Оның тілшісі Елена Костюченко Жаңаөзенге алғашқы келген журналистердің бірі болды; ол денелердің "
        "белгісіз бейіттерге көмілгенін хабарлады."),
    "Committee for a Workers' International (CWI)": ("Комитет за рабочий интернационал (КРИ)",
                                                     "Жұмысшы интернационалы үшін комитет (ЖИК)"),
    "Broke the information blockade on the massacre in December 2011.": (
        "В декабре 2011 года прорвал информационную блокаду вокруг расстрела.",
        "2011 жылғы желтоқсанда қырғын туралы ақпараттық қоршауды бұзды."),
    "People and Nature": ("People and Nature", "People and Nature"),
    "Blog by Simon Pirani.": ("Блог Саймона Пирани.", "Саймон Пиранидің блогы."),
    # Places
    "Kazakhstan": ("Казахстан", "Қазақстан"),
    "Russia": ("Россия", "Ресей"),
    "Mangistau": ("Мангистауская область", "Маңғыстау облысы"),
    # The campaign
    "The shootings ended a strike of six to eight months by the town's oil workers, who wanted better pay and "
    "conditions and the right to form independent trade unions (Pirani 2021; Jones 2019). Officials admit 16 dead "
    "and 64 injured; campaigners say dozens or hundreds more died, and estimates at the time ran from 50 to 150 "
    "(Pirani 2021; Jones 2019). The killings were followed by three days of terror in Zhanaozen and nearby "
    "villages, with torture of detainees (Pirani 2021).": (
        "Расстрел оборвал шести-восьмимесячную забастовку нефтяников города, которые требовали повышения "
        f"зарплаты, лучших условий труда и права создавать независимые профсоюзы {PJ}. Власти признают 16 "
        "погибших и 64 раненых; активисты говорят, что погибли ещё десятки или сотни людей, а оценки того "
        f"времени составляли от 50 до 150 человек {PJ}. За убийствами последовали три дня террора в Жанаозене "
        f"и соседних сёлах, с пытками задержанных {P}.",
        "Атыс қала мұнайшыларының алты-сегіз айға созылған ереуілін тоқтатты; олар жалақыны көтеруді, еңбек "
        f"жағдайын жақсартуды және тәуелсіз кәсіподақ құру құқығын талап еткен {PJ}. Билік 16 адамның қаза "
        "тауып, 64 адамның жараланғанын мойындайды; белсенділер тағы ондаған не жүздеген адам қаза тапты дейді, "
        f"ал сол кездегі бағалау бойынша құрбандар саны 50-ден 150-ге дейін болған {PJ}. Кісі өлтірулерден кейін "
        f"Жаңаөзен мен маңайындағы ауылдарда үш күн бойы террор жүрді, ұсталғандар азапталды {P}."),
    # People: biographies, charges and timelines
    "In 2019 young people in Zhanaozen began demonstrating at the local authorities' offices for jobs at "
    "Ozenmunaigaz; Elshibayev helped organise these peaceful gatherings and was arrested and jailed for five years "
    "(Pirani 2021). He organised a union of the unemployed that helps many people involved in the 2011 strike "
    "(Jones 2019). Galym Ageleuov of Liberty calls him a victim of political repression: the charge came from a "
    "2017 fight in which four men attacked him on his way to work, which led to no charges at the time "
    "(Pirani 2021).": (
        "В 2019 году молодёжь Жанаозена начала выходить к зданиям местной власти с требованием работы в "
        "«Озенмунайгазе»; Ельшибаев помогал организовывать эти мирные собрания, был арестован и осуждён на пять "
        f"лет {P}. Он создал союз безработных, который помогает многим участникам забастовки 2011 года {J}. "
        "Галым Агелеуов из «Бостандыка» называет его жертвой политических репрессий: обвинение выросло из драки "
        "2017 года, в которой четверо мужчин напали на него по дороге на работу и по которой тогда обвинений не "
        f"предъявили {P}.",
        "2019 жылы Жаңаөзен жастары «Өзенмұнайгаздан» жұмыс сұрап, жергілікті әкімдік ғимараттарының алдына "
        "шыға бастады; Елшібаев осы бейбіт жиындарды ұйымдастыруға көмектесті, қамауға алынып, бес жылға "
        f"сотталды {P}. Ол 2011 жылғы ереуілге қатысқан көп адамға көмектесетін жұмыссыздар одағын құрды {J}. "
        "«Бостандық» ұйымынан Ғалым Ағелеуов оны саяси қуғын-сүргіннің құрбаны деп атайды: айып 2017 жылғы "
        "төбелестен туындады, ол кезде жұмысқа бара жатқан оған төрт адам шабуыл жасаған, бірақ сол уақытта "
        f"ешқандай айып тағылмаған {P}."),
    "An offence arising from a 2017 fight in which he was attacked by four men; no charge was brought at the time.": (
        "Правонарушение, связанное с дракой 2017 года, в которой на него напали четверо мужчин; тогда обвинений не "
        "предъявили.",
        "2017 жылы төрт адам оған шабуыл жасаған төбелеске байланысты құқықбұзушылық; ол кезде айып тағылмаған."),
    "Charged and arrested": ("Обвинён и арестован", "Айып тағылып, қамауға алынды"),
    "Charged in 2019 over a fight in 2017 in which four men attacked him.": (
        "В 2019 году ему предъявили обвинение из-за драки 2017 года, в которой на него напали четверо мужчин.",
        "2019 жылы оған 2017 жылғы төбелес үшін айып тағылды; сол төбелесте оған төрт адам шабуыл жасаған."),
    "Reported jailed for five years": ("По сообщениям, осуждён на пять лет", "Хабарлауынша, бес жылға сотталды"),
    "Trade unionists in Bishkek call for his immediate release": (
        "Профсоюзные активисты в Бишкеке требуют его немедленного освобождения",
        "Бішкектегі кәсіподақ белсенділері оны дереу босатуды талап етеді"),
    "A conference of trade unionists in Bishkek called on the Kazakh authorities to release him at once.": (
        "Конференция профсоюзных активистов в Бишкеке призвала власти Казахстана немедленно его освободить.",
        "Бішкектегі кәсіподақ белсенділерінің конференциясы Қазақстан билігін оны дереу босатуға шақырды."),
    "Reported in solitary confinement for three months": (
        "По сообщениям, три месяца в одиночной камере",
        "Хабарлауынша, үш ай бойы жеке камерада"),
    "Galym Ageleuov says he has been in detention for two years, the last three months in solitary confinement, "
    "and nobody has heard from him.": (
        "По словам Галыма Агелеуова, он два года под стражей, последние три месяца — в одиночной камере, и "
        "никто не получал от него вестей.",
        "Ғалым Ағелеуовтің айтуынша, ол екі жылдан бері қамауда, соңғы үш айы жеке камерада өтті, одан ешкім хабар "
        "алмаған."),
    "As the regime answered new oil workers' strikes by arresting their leaders and closing unions, Yerlan "
    "Baltabai, leader of the union Dignified Labour, was imprisoned for seven years (Jones 2019).": (
        "Режим отвечал на новые забастовки нефтяников арестами их лидеров и закрытием профсоюзов; Ерлан Балтабай, "
        f"лидер профсоюза «Достойный труд», был лишён свободы на семь лет {J}.",
        "Режим мұнайшылардың жаңа ереуілдеріне олардың жетекшілерін қамауға алып, кәсіподақтарды жабумен жауап "
        f"берді; «Лайықты еңбек» кәсіподағының жетекшісі Ерлан Балтабай жеті жылға бас бостандығынан айырылды {J}."),
    "Reported imprisoned for seven years": ("По сообщениям, лишён свободы на семь лет",
                                            "Хабарлауынша, жеті жылға бас бостандығынан айырылды"),
    "Natalia Sokolova was the oil workers' lawyer. She was arrested and jailed in April 2011, and the strikers "
    "resigned en masse from the ruling party in protest; she was sentenced to six years (Jones 2019). Her release "
    "was one of the demands of the rally on 16 December 2011 (Jones 2019). The sources say nothing of her situation "
    "since, so her current status is recorded as not known.": (
        "Наталья Соколова была адвокатом нефтяников. В апреле 2011 года её арестовали и посадили, и в знак "
        f"протеста бастующие массово вышли из правящей партии; её приговорили к шести годам {J}. Её "
        f"освобождение было одним из требований митинга 16 декабря 2011 года {J}. О её положении с тех пор "
        "источники ничего не сообщают, поэтому её нынешний статус записан как неизвестный.",
        "Наталья Соколова мұнайшылардың адвокаты болған. 2011 жылғы сәуірде ол қамауға алынып, түрмеге жабылды, "
        f"ал ереуілшілер наразылық ретінде билеуші партиядан жаппай шықты; ол алты жылға сотталды {J}. Оны "
        f"босату 2011 жылғы 16 желтоқсандағы митингтің талаптарының бірі болды {J}. Дереккөздер оның содан "
        "кейінгі жағдайы туралы ештеңе айтпайды, сондықтан оның қазіргі мәртебесі белгісіз деп жазылған."),
    "Arrested and jailed": ("Арестована и заключена под стражу", "Қамауға алынып, түрмеге жабылды"),
    "The strikers resigned en masse from the ruling party Nur Otan in protest.": (
        "В знак протеста бастующие массово вышли из правящей партии «Нур Отан».",
        "Наразылық ретінде ереуілшілер билеуші «Нұр Отан» партиясынан жаппай шықты."),
    "Roza Tuletaeva organised for the oil workers' union. She is one of the women detainees against whom sexual "
    "violence was used, which campaigners want an independent investigation to cover (Pirani 2021).": (
        "Роза Тулетаева была организатором профсоюза нефтяников. Она — одна из задержанных женщин, к которым "
        "применялось сексуальное насилие; активисты хотят, чтобы его охватило независимое расследование "
        f"{P}.",
        "Роза Түлетаева мұнайшылар кәсіподағының ұйымдастырушысы болған. Ол жыныстық зорлық-зомбылық "
        "көрсетілген ұсталған әйелдердің бірі; белсенділер тәуелсіз тергеу осы зорлық-зомбылықты да қамтуын "
        f"талап етеді {P}."),
    "Detained in the crackdown": ("Задержана во время расправы", "Қуғын-сүргін кезінде ұсталды"),
    "Detained during the three days of repression after the shootings; subjected to sexual violence.": (
        "Задержана в три дня репрессий после расстрела; подверглась сексуальному насилию.",
        "Атыстан кейінгі үш күндік қуғын-сүргін кезінде ұсталды; жыныстық зорлық-зомбылыққа ұшырады."),
    "Daughter of a trade union activist, she is named among the women detainees subjected to sexual violence that "
    "an investigation should cover (Pirani 2021).": (
        "Дочь профсоюзного активиста; она названа среди задержанных женщин, подвергшихся сексуальному насилию, "
        f"которое должно охватить расследование {P}.",
        "Кәсіподақ белсендісінің қызы; ол тергеу қамтуы тиіс жыныстық зорлық-зомбылыққа ұшыраған ұсталған "
        f"әйелдердің қатарында аталады {P}."),
    "Daughter of another activist, she is named among the women detainees subjected to sexual violence that an "
    "investigation should cover (Pirani 2021).": (
        "Дочь другого активиста; она названа среди задержанных женщин, подвергшихся сексуальному насилию, "
        f"которое должно охватить расследование {P}.",
        "Басқа бір белсендінің қызы; ол тергеу қамтуы тиіс жыныстық зорлық-зомбылыққа ұшыраған ұсталған "
        f"әйелдердің қатарында аталады {P}."),
    "The oil workers elected representatives to negotiate for them, and these were repressed: Akzhanat Aminov "
    "received a two-year suspended sentence (Jones 2019).": (
        "Нефтяники избрали представителей для переговоров, и те подверглись репрессиям: Акжанат Аминов получил "
        f"два года условно {J}.",
        "Мұнайшылар келіссөз жүргізу үшін өкілдерін сайлады, кейін олар қуғынға ұшырады: Ақжанат Әминов екі "
        f"жыл шартты жазаға кесілді {J}."),
    "Torebek Tolegenov was killed in Shetpe, where young people blocked a railway line in protest at the massacre "
    "and were wounded. Campaigners want his killing investigated (Pirani 2021).": (
        "Торебек Толегенов был убит в Шетпе, где молодёжь в знак протеста против расстрела перекрыла железную "
        f"дорогу и где были раненые. Активисты требуют расследовать его убийство {P}.",
        "Төребек Төлегенов Шетпеде өлтірілді; онда жастар қырғынға наразылық білдіріп, темір жолды бөгеген, "
        f"олардың арасында жараланғандар болды. Белсенділер оның өлтірілуін тергеуді талап етеді {P}."),
    # Notes on people's statuses
    "Reported in December 2019 as jailed for five years (Jones 2019).": (
        f"В декабре 2019 года сообщалось, что он осуждён на пять лет {J}.",
        f"2019 жылғы желтоқсанда оның бес жылға сотталғаны хабарланды {J}."),
    "Reported in December 2019 as imprisoned for seven years (Jones 2019).": (
        f"В декабре 2019 года сообщалось, что он заключён под стражу на семь лет {J}.",
        f"2019 жылғы желтоқсанда оның жеті жылға бас бостандығынан айырылғаны хабарланды {J}."),
    "Jones (December 2019) reports her six-year sentence but not whether she is still held; her situation since "
    "is not known.": (
        "Джонс (декабрь 2019 года) сообщает о её приговоре к шести годам, но не о том, находится ли она всё ещё "
        "под стражей; её положение с тех пор неизвестно.",
        "Джонс (2019 жылғы желтоқсан) оның алты жылға сотталғанын хабарлайды, бірақ әлі де қамауда ма, жоқ па, "
        "айтпайды; содан бергі жағдайы белгісіз."),
    "Named in December 2021 among the women detainees an investigation should cover; the sources say nothing of "
    "her situation since (Pirani 2021).": (
        "В декабре 2021 года названа среди задержанных женщин, случаи которых должно охватить расследование; о её "
        f"положении с тех пор источники ничего не сообщают {P}.",
        "2021 жылғы желтоқсанда тергеу қамтуы тиіс ұсталған әйелдердің қатарында аталды; содан бергі жағдайы "
        f"туралы дереккөздер ештеңе айтпайды {P}."),
    "Reported in December 2019 as given a two-year suspended sentence (Jones 2019).": (
        f"В декабре 2019 года сообщалось, что он приговорён к двум годам условно {J}.",
        f"2019 жылғы желтоқсанда оның екі жыл шартты жазаға кесілгені хабарланды {J}."),
    "Killed in Shetpe, where young people blocked a railway in protest at the massacre (Pirani 2021).": (
        f"Убит в Шетпе, где молодёжь в знак протеста против расстрела перекрыла железную дорогу {P}.",
        f"Шетпеде өлтірілді; онда жастар қырғынға наразылық білдіріп, темір жолды бөгеген {P}."),
    # Demands: descriptions and the notes on their status
    "The UN High Commissioner for Human Rights visited Kazakhstan in 2012 and called for an independent "
    "international commission; the UN special rapporteur Maina Kiai did too. It has not happened, and human rights "
    "defenders reject the justice ministry's claim that the investigation was adequate (Pirani 2021).": (
        "Верховный комиссар ООН по правам человека посетил Казахстан в 2012 году и призвал создать независимую "
        "международную комиссию; того же требовал специальный докладчик ООН Майна Киаи. Комиссия так и не создана, "
        "а правозащитники отвергают утверждение министерства юстиции о том, что расследование было надлежащим "
        f"{P}.",
        "БҰҰ-ның Адам құқықтары жөніндегі жоғарғы комиссары 2012 жылы Қазақстанға келіп, тәуелсіз халықаралық "
        "комиссия құруға шақырды; БҰҰ-ның арнаулы баяндамашысы Майна Киаи да осыны сұрады. Комиссия құрылған жоқ, "
        f"ал құқық қорғаушылар Әділет министрлігінің тергеу тиісті түрде жүргізілді деген сөзін қабылдамайды {P}."),
    "Not set up ten years on (Pirani 2021).": (f"Не создана и через десять лет {P}.",
                                              f"Он жыл өтсе де құрылған жоқ {P}."),
    "Several reports, among them Yelena Kostiuchenko's for Novaya Gazeta, describe bodies loaded into unmarked "
    "graves. Galym Ageleuov of Liberty says an international commission should insist on exhuming them "
    "(Pirani 2021).": (
        "Несколько сообщений, в том числе репортаж Елены Костюченко для «Новой газеты», описывают, как тела "
        "сбрасывали в безымянные могилы. Галым Агелеуов из «Бостандыка» говорит, что международная комиссия должна "
        f"добиться их эксгумации {P}.",
        "Бірнеше хабарда, соның ішінде Елена Костюченконың «Новая газетаға» жазған репортажында, денелердің "
        "белгісіз бейіттерге тасталғаны сипатталады. «Бостандық» ұйымынан Ғалым Ағелеуов халықаралық комиссия "
        f"оларды эксгумациялауды талап етуі керек дейді {P}."),
    "Never followed up (Pirani 2021).": (f"Так и не проверено {P}.", f"Ешқашан тексерілмеген {P}."),
    "Evidence of torture was made public, above all at the 2012 trial of 37 Zhanaozen residents. Campaigners want "
    "an independent international commission to investigate it, and the sexual violence against women detainees "
    "(Pirani 2021).": (
        "Свидетельства пыток были преданы огласке, прежде всего на процессе 2012 года над 37 жителями Жанаозена. "
        "Активисты хотят, чтобы их расследовала независимая международная комиссия, как и сексуальное насилие над "
        f"задержанными женщинами {P}.",
        "Азаптау туралы дәлелдер, ең алдымен 2012 жылы Жаңаөзеннің 37 тұрғынына қатысты сот процесінде, "
        "жария болды. Белсенділер тәуелсіз халықаралық комиссияның оны, сондай-ақ ұсталған әйелдерге жасалған "
        f"жыныстық зорлық-зомбылықты тергеуін талап етеді {P}."),
    "No independent investigation yet (Pirani 2021).": (f"Независимого расследования до сих пор нет {P}.",
                                                        f"Тәуелсіз тергеу әлі жүргізілген жоқ {P}."),
    "An inquiry should establish the total killed in Zhanaozen and nearby villages on 16, 17 and 18 December 2011. "
    "The authorities deny responsibility for deaths by automatic and sniper fire, and some families only got bodies "
    "back by accepting false causes of death (Pirani 2021). Estimates at the time ran from 50 to 150 (Jones 2019).": (
        "Расследование должно установить, сколько всего людей погибло в Жанаозене и соседних сёлах 16, 17 и 18 "
        "декабря 2011 года. Власти отрицают ответственность за гибель людей от автоматного и снайперского огня, а "
        f"некоторые семьи получили тела, лишь согласившись с ложными причинами смерти {P}. Оценки того времени "
        f"составляли от 50 до 150 человек {J}.",
        "Тергеу 2011 жылғы 16, 17 және 18 желтоқсанда Жаңаөзен мен маңайындағы ауылдарда барлығы қанша адам қаза "
        "тапқанын анықтауы тиіс. Билік автоматтан және снайперлік атыстан болған өлімдер үшін жауапкершілікті "
        "мойындамайды, ал кейбір отбасылар өлімнің жалған себебіне келіскеннен кейін ғана денелерді алды "
        f"{P}. Сол кездегі бағалау бойынша құрбандар саны 50-ден 150-ге дейін болған {J}."),
    "The number of victims is still unknown (Pirani 2021).": (f"Число жертв до сих пор неизвестно {P}.",
                                                              f"Құрбандар саны әлі белгісіз {P}."),
    "Evgeny Zhovtis names three questions never answered about Alan Square: who the provocateurs were, who ordered "
    "internal ministry forces against an unarmed crowd, and who fired (Pirani 2021).": (
        "Евгений Жовтис называет три вопроса о площади Алан, на которые так и не ответили: кто были провокаторы, "
        "кто приказал направить внутренние войска министерства против безоружной толпы и кто стрелял "
        f"{P}.",
        "Евгений Жовтис Алаң алаңы туралы жауапсыз қалған үш сұрақты атайды: арандатушылар кім болды, қарусыз "
        f"жұртқа қарсы ішкі әскерді жіберуге кім бұйрық берді және кім атты {P}."),
    "The Kazakh government has refused to say who ordered the shootings (Pirani 2021).": (
        f"Правительство Казахстана отказалось сообщить, кто отдал приказ стрелять {P}.",
        f"Қазақстан үкіметі атуға кім бұйрық бергенін айтудан бас тартты {P}."),
    "A handful of police officers were tried for exceeding their powers and a detention centre boss was briefly "
    "jailed (Pirani 2021).": (
        "Несколько полицейских были осуждены за превышение полномочий, а начальника изолятора ненадолго "
        f"посадили {P}.",
        "Бірнеше полицей өкілеттігін асыра пайдаланғаны үшін сотталды, ал тергеу изоляторының бастығы қысқа "
        f"мерзімге қамалды {P}."),
    "Partly met: a handful of officers tried, a detention centre boss briefly jailed (Pirani 2021).": (
        f"Выполнено частично: несколько полицейских осуждены, начальник изолятора ненадолго посажен {P}.",
        f"Ішінара орындалды: бірнеше полицей сотталды, тергеу изоляторының бастығы қысқа мерзімге қамалды {P}."),
    "Still to be investigated (Pirani 2021).": (f"Ещё предстоит расследовать {P}.", f"Әлі тергелуі тиіс {P}."),
    "The fire needs further investigation (Pirani 2021). The city administration and the Ozenmunaigaz head office "
    "burned on 16 December 2011, by angry protesters or, as many workers believe, by provocateurs (Jones 2019).": (
        f"Пожар требует дальнейшего расследования {P}. Здания городской администрации и головного офиса "
        "«Озенмунайгаза» сгорели 16 декабря 2011 года — их подожгли разгневанные протестующие или, как считают "
        f"многие рабочие, провокаторы {J}.",
        f"Өртті одан әрі тергеу қажет {P}. 2011 жылғы 16 желтоқсанда қала әкімдігі мен «Өзенмұнайгаздың» бас "
        "кеңсесі өртенді; оны ашулы наразылық білдірушілер немесе көп жұмысшы санайтындай, арандатушылар "
        f"өртеген {J}."),
    "Needs further investigation (Pirani 2021).": (f"Требует дальнейшего расследования {P}.",
                                                   f"Одан әрі тергеуді қажет етеді {P}."),
    "Trade unionists meeting in Bishkek called for his immediate release (Pirani 2021); so does "
    "Sotsialisticheskaya Alternativa (Jones 2019).": (
        f"Профсоюзные активисты, собравшиеся в Бишкеке, призвали немедленно его освободить {P}; того же "
        f"требует «Социалистическая альтернатива» {J}.",
        f"Бішкекте жиналған кәсіподақ белсенділері оны дереу босатуға шақырды {P}; «Социалистік балама» да "
        f"осыны талап етеді {J}."),
    "He was still in prison at the end of 2021 (Pirani 2021).": (f"В конце 2021 года он всё ещё был в заключении {P}.",
                                                                  f"2021 жылдың соңында ол әлі түрмеде болды {P}."),
    "Demanded in December 2019 (Jones 2019).": (f"Требование выдвинуто в декабре 2019 года {J}.",
                                                f"Талап 2019 жылғы желтоқсанда қойылды {J}."),
    "The 2011 strikers demanded the right to organise independent unions (Pirani 2021; Jones 2019). In 2021 "
    "Kazmunaigaz tried to scrap its agreement with the independent Oil Construction Company Workers Union, and the "
    "authorities tried to deregister the Sectoral Union of Fuel and Energy Workers (Pirani 2021).": (
        f"Бастующие 2011 года требовали права создавать независимые профсоюзы {PJ}. В 2021 году «Казмунайгаз» "
        "попытался расторгнуть соглашение с независимым профсоюзом работников «Oil Construction Company», а "
        "власти пытались снять с регистрации Отраслевой профсоюз работников топливно-энергетического комплекса "
        f"{P}.",
        f"2011 жылғы ереуілшілер тәуелсіз кәсіподақ құру құқығын талап етті {PJ}. 2021 жылы «ҚазМұнайГаз» "
        "тәуелсіз «Oil Construction Company» қызметкерлерінің кәсіподағымен келісімді бұзуға тырысты, ал билік "
        f"Отын-энергетика кешені қызметкерлерінің салалық кәсіподағын тіркеуден шығаруға әрекет етті {P}."),
    "Still contested in 2021 (Pirani 2021).": (f"В 2021 году всё ещё оспаривается {P}.",
                                               f"2021 жылы әлі де дау тудырып отыр {P}."),
    # Key dates
    "Police fired on a peaceful, unarmed rally of striking oil workers and their families (Pirani 2021; "
    "Jones 2019).": (
        f"Полиция открыла огонь по мирному, безоружному митингу бастующих нефтяников и их семей {PJ}.",
        f"Полиция ереуілдеген мұнайшылар мен олардың отбасыларының бейбіт, қарусыз митингіне оқ атты {PJ}."),
    "The killings went on in Zhanaozen and nearby villages on 16, 17 and 18 December (Pirani 2021).": (
        f"Убийства продолжались в Жанаозене и соседних сёлах 16, 17 и 18 декабря {P}.",
        f"Кісі өлтіру Жаңаөзен мен маңайындағы ауылдарда 16, 17 және 18 желтоқсанда жалғасты {P}."),
    "The last of three days of terror in Zhanaozen and nearby villages (Pirani 2021).": (
        f"Последний из трёх дней террора в Жанаозене и соседних сёлах {P}.",
        f"Жаңаөзен мен маңайындағы ауылдардағы үш күндік террордың соңғы күні {P}."),
    "Oil workers gathered to remember the victims, under a heavy police presence (Pirani 2021).": (
        f"Нефтяники собрались почтить память погибших под усиленным надзором полиции {P}.",
        f"Мұнайшылар полицияның күшейтілген бақылауымен құрбандарды еске алуға жиналды {P}."),
    "Activists planned film shows and other gatherings ten years to the day after the massacre (Pirani 2021).": (
        f"Активисты готовили показы фильмов и другие встречи ровно через десять лет после расстрела {P}.",
        f"Белсенділер қырғыннан тура он жыл өткен күні фильм көрсетілімдері мен басқа да жиындар өткізуді "
        f"жоспарлады {P}."),
    # Accountability: actors, what each did (the page reads "<actor> <role> <what>"; Kazakh puts the
    # role last) and the open questions
    "Police in Zhanaozen": ("Полиция в Жанаозене", "Жаңаөзендегі полиция"),
    "The police who fired on the rally on Alan Square on 16 December 2011. The articles name no officer "
    "(Pirani 2021; Jones 2019).": (
        f"Полиция, открывшая огонь по митингу на площади Алан 16 декабря 2011 года. Статьи не называют ни одного "
        f"сотрудника {PJ}.",
        f"2011 жылғы 16 желтоқсанда Алаң алаңындағы митингіге оқ атқан полиция. Мақалаларда бірде-бір қызметкердің "
        f"аты аталмайды {PJ}."),
    "the shootings on Alan Square on 16 December 2011 that killed 15 people": (
        "расстрел на площади Алан 16 декабря 2011 года, в котором погибли 15 человек",
        "2011 жылғы 16 желтоқсанда Алаң алаңында 15 адамның өмірін қиған атысты"),
    "Officials admit 16 dead and 64 injured that day, 15 of them killed on the square with revolvers. Campaigners "
    "say dozens, perhaps hundreds, more died. Under Kazakh law each killing should have been investigated to show "
    "whether the officer fired unlawfully or because his life was in danger (Pirani 2021).": (
        "Власти признают, что в тот день погибли 16 человек и 64 были ранены, 15 из них убиты на площади из "
        "револьверов. Активисты говорят, что погибли ещё десятки, возможно, сотни людей. По казахстанскому "
        "закону каждое убийство должно было быть расследовано, чтобы установить, стрелял ли сотрудник незаконно "
        f"или потому, что его жизни угрожала опасность {P}.",
        "Билік сол күні 16 адамның қаза тауып, 64 адамның жараланғанын мойындайды; олардың 15-і алаңда "
        "револьвермен өлтірілген. Белсенділер тағы ондаған, мүмкін жүздеген адам қаза тапты дейді. Қазақстан "
        "заңы бойынша әр өлім тергелуі тиіс еді: қызметкер заңсыз атты ма, әлде өміріне қауіп төнгендіктен атты "
        f"ма, соны анықтау керек болатын {P}."),
    "Internal troops of the Ministry of Internal Affairs": ("Внутренние войска Министерства внутренних дел",
                                                            "Ішкі істер министрлігінің ішкі әскерлері"),
    "Armed internal ministry forces were sent against the unarmed crowd; who gave that order has never been "
    "established (Pirani 2021). A report published on 17 December 2011 says riot police and internal troops had "
    "been massed on the edge of the town in the days before (Jones 2019).": (
        "Против безоружной толпы были брошены вооружённые внутренние войска; кто отдал этот приказ, так и не "
        f"установлено {P}. В сообщении, опубликованном 17 декабря 2011 года, говорится, что за несколько дней до "
        f"этого на окраине города были стянуты ОМОН и внутренние войска {J}.",
        "Қарусыз жұртқа қарсы қарулы ішкі әскер жіберілді; бұл бұйрықты кім бергені әлі анықталған жоқ "
        f"{P}. 2011 жылғы 17 желтоқсанда жарияланған хабарда бұған дейінгі күндері қала шетіне арнайы полиция "
        f"мен ішкі әскер шоғырландырылғаны айтылады {J}."),
    "the firing of live ammunition into the crowd, with riot police, on 16 December 2011": (
        "вместе с ОМОНом стрельбу боевыми патронами по толпе 16 декабря 2011 года",
        "2011 жылғы 16 желтоқсанда арнайы полициямен бірге жұртқа оқ атуды"),
    "So says a report published the next day and republished in 2019 (Jones 2019). The authorities deny "
    "responsibility for deaths by automatic and long-distance sniper fire (Pirani 2021).": (
        f"Так говорится в сообщении, опубликованном на следующий день и перепечатанном в 2019 году {J}. Власти "
        f"отрицают ответственность за гибель людей от автоматного огня и огня снайперов с дальней дистанции {P}.",
        f"Бұл туралы келесі күні жарияланып, 2019 жылы қайта басылған хабарда айтылған {J}. Билік автоматтан "
        f"және алыс қашықтықтан снайперлік атыстан болған өлімдер үшін жауапкершілікті мойындамайды {P}."),
    "Prosecuting authorities of Kazakhstan": ("Органы прокуратуры Казахстана", "Қазақстанның прокуратура органдары"),
    "The articles name no prosecutor.": ("Статьи не называют ни одного прокурора.",
                                         "Мақалаларда бірде-бір прокурордың аты аталмайды."),
    'a handful of police officers for "exceeding their powers"': (
        "нескольких полицейских за «превышение полномочий»",
        "бірнеше полицейді «өкілеттігін асыра пайдаланғаны» үшін"),
    "Who ordered the shootings has never been established: the government has refused to say (Pirani 2021).": (
        f"Кто отдал приказ стрелять, так и не установлено: правительство отказалось это сообщить {P}.",
        f"Атуға кім бұйрық бергені әлі анықталған жоқ: үкімет мұны айтудан бас тартты {P}."),
    "37 residents of Zhanaozen at a trial in 2012": ("37 жителей Жанаозена на процессе 2012 года",
                                                     "2012 жылғы сот процесінде Жаңаөзеннің 37 тұрғынын"),
    "Detailed evidence that detainees were tortured was made public at that trial (Pirani 2021).": (
        f"На этом процессе были преданы огласке подробные свидетельства пыток задержанных {P}.",
        f"Сол сот процесінде ұсталғандардың азапталғаны туралы толық дәлелдер жария болды {P}."),
    "him in 2019 over a fight in 2017 in which four men attacked him, which led to no charge at the time": (
        "его в 2019 году за драку 2017 года, в которой на него напали четверо мужчин и по которой тогда "
        "обвинений не предъявили",
        "2017 жылы төрт адам оған шабуыл жасаған, сол кезде айып тағылмаған төбелес үшін оны 2019 жылы"),
    "Galym Ageleuov of Liberty calls him a victim of political repression (Pirani 2021).": (
        f"Галым Агелеуов из «Бостандыка» называет его жертвой политических репрессий {P}.",
        f"«Бостандық» ұйымынан Ғалым Ағелеуов оны саяси қуғын-сүргіннің құрбаны деп атайды {P}."),
    "Courts of Kazakhstan": ("Суды Казахстана", "Қазақстан соттары"),
    "The articles do not name the courts or the judges.": ("Статьи не называют ни суды, ни судей.",
                                                           "Мақалаларда соттар да, судьялар да аталмайды."),
    "the chief of a detention centre, who was jailed briefly": (
        "начальнику изолятора, которого ненадолго посадили",
        "қысқа мерзімге қамалған тергеу изоляторының бастығына қатысты"),
    "The article does not name him, or say what for or for how long (Pirani 2021).": (
        f"Статья не называет его и не сообщает, за что и на какой срок {P}.",
        f"Мақалада оның аты да, не үшін және қанша мерзімге сотталғаны да айтылмайды {P}."),
    "him to five years in prison": ("ему: пять лет лишения свободы", "оған бес жылға бас бостандығынан айыру туралы"),
    "her to six years in prison": ("ей: шесть лет лишения свободы", "оған алты жылға бас бостандығынан айыру туралы"),
    "him to seven years in prison": ("ему: семь лет лишения свободы", "оған жеті жылға бас бостандығынан айыру туралы"),
    "him to two years, suspended": ("ему: два года условно", "оған екі жыл шартты жаза туралы"),
    "Kazakh authorities": ("Власти Казахстана", "Қазақстан билігі"),
    "The state, where the articles do not say which of its bodies acted.": (
        "Государство — там, где статьи не говорят, какой именно его орган действовал.",
        "Мемлекет — мақалаларда оның қай органы әрекет еткені айтылмаған жағдайда."),
    "the truth about the killings, by refusing to say who ordered the shootings": (
        "правду об убийствах, отказываясь назвать, кто отдал приказ стрелять",
        "атуға кім бұйрық бергенін айтудан бас тартып, кісі өлтіру туралы шындықты"),
    "Human rights activists say the authorities are still desperate to cover up the truth; the government has "
    "refused to say who gave the order (Pirani 2021).": (
        "Правозащитники говорят, что власти по-прежнему всеми силами скрывают правду; правительство отказалось "
        f"назвать, кто отдал приказ {P}.",
        "Құқық қорғаушылар билік шындықты әлі де жанталаса жасырып отыр дейді; үкімет бұйрықты кім бергенін "
        f"айтудан бас тартты {P}."),
    "the causes of death, by releasing bodies only to families who accepted false death certificates": (
        "причины смерти, выдавая тела только тем семьям, которые соглашались на ложные свидетельства о смерти",
        "өлім туралы жалған куәлікке келіскен отбасыларға ғана денелерді беріп, өлім себептерін"),
    "Galym Ageleuov of Liberty says that in many cases a family got the body back only by accepting a certificate "
    "that gave the cause of death as, for example, a heart attack (Pirani 2021).": (
        "Галым Агелеуов из «Бостандыка» говорит, что во многих случаях семья получала тело, только согласившись на "
        f"свидетельство, где причиной смерти значился, например, сердечный приступ {P}.",
        "«Бостандық» ұйымынан Ғалым Ағелеуовтің айтуынша, көп жағдайда отбасы денені өлім себебі ретінде, "
        f"мысалы, жүрек талмасы көрсетілген куәлікке келіскенде ғана алған {P}."),
    "the events, according to its own claim that an adequate investigation was carried out": (
        "события — по его собственному утверждению, что было проведено надлежащее расследование",
        "тиісті тергеу жүргізілді деген өз мәлімдемесі бойынша оқиғаларды"),
    "Human rights defenders in Kazakhstan reject that claim (Pirani 2021).": (
        f"Правозащитники в Казахстане отвергают это утверждение {P}.",
        f"Қазақстандағы құқық қорғаушылар бұл мәлімдемені қабылдамайды {P}."),
    "Who gave the order to send armed internal ministry forces against an unarmed crowd?": (
        "Кто отдал приказ направить вооружённые внутренние войска против безоружной толпы?",
        "Қарусыз жұртқа қарсы қарулы ішкі әскерді жіберуге кім бұйрық берді?"),
    "No one has been tried for it, and the government has refused to say (Pirani 2021).": (
        f"За это никого не судили, а правительство отказалось ответить {P}.",
        f"Бұл үшін ешкім сотталған жоқ, ал үкімет жауап беруден бас тартты {P}."),
    "Who fired the shots?": ("Кто стрелял?", "Кім атты?"),
    "A handful of police officers were tried for exceeding their powers (Pirani 2021).": (
        f"Несколько полицейских были осуждены за превышение полномочий {P}.",
        f"Бірнеше полицей өкілеттігін асыра пайдаланғаны үшін сотталды {P}."),
    "Who were the provocateurs who caused trouble on Alan Square?": (
        "Кем были провокаторы, устроившие беспорядки на площади Алан?",
        "Алаң алаңында тәртіпсіздік тудырған арандатушылар кім болды?"),
    "How many people were killed on 16, 17 and 18 December 2011?": (
        "Сколько людей было убито 16, 17 и 18 декабря 2011 года?",
        "2011 жылғы 16, 17 және 18 желтоқсанда қанша адам өлтірілді?"),
    "Officials admit 16; campaigners say dozens, perhaps hundreds, more (Pirani 2021).": (
        f"Власти признают 16 погибших; активисты говорят, что ещё десятки, возможно, сотни {P}.",
        f"Билік 16 адамды мойындайды; белсенділер тағы ондаған, мүмкін жүздеген адам дейді {P}."),
}
