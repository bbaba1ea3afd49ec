"""The demo's action, from the seed articles: write to Kazakhstan's Prosecutor General before the
anniversary, for an international investigation and for the two union organisers' release.

The articles name no prosecutor and give no address, email, phone or web form for the office: the
addressee has its name alone, and the steps say how to reach it without inventing contacts. Every
fact in the letter is from the articles (Pirani 2021; Jones 2019). Neither article reports an
outcome of such an appeal, so there is no closed action.
"""

ADDRESSEE = {
    "name": (
        "Prosecutor General's Office of the Republic of Kazakhstan",
        "Генеральная прокуратура Республики Казахстан",
        "Қазақстан Республикасының Бас прокуратурасы",
    ),
}

# Each text as (English, Russian, Kazakh).
ACTION = {
    "slug": "write-to-the-prosecutor-general-before-16-december",
    "kind": "letter",
    "write_in": "ru",
    # Of demo.data: the people, the demands, the key date (by its English title) and the sources it serves.
    "people": ["yerlan-baltabai", "erzhan-elshibayev"],
    "demands": ["independent-international-commission", "release-yerlan-baltabai", "release-erzhan-elshibayev"],
    "key_date": "Anniversary of the Zhanaozen massacre",
    "sources": ["pirani", "jones"],
    "title": (
        "Write to Kazakhstan's Prosecutor General before the Zhanaozen anniversary",
        "Напишите Генеральному прокурору Казахстана до годовщины Жанаозена",
        "Жаңаөзен қырғынының жылдығына дейін Қазақстанның Бас прокурорына хат жазыңыз",
    ),
    "summary": (
        "Ask for an independent international investigation of the Zhanaozen shootings of 16 December 2011, "
        "and for the release of Yerlan Baltabai and Erzhan Elshibayev.",
        "Потребуйте независимого международного расследования расстрела в Жанаозене 16 декабря 2011 года "
        "и освобождения Ерлана Балтабая и Ержана Ельшибаева.",
        "2011 жылғы 16 желтоқсанда Жаңаөзенде болған атысты тәуелсіз халықаралық тергеуді және Ерлан "
        "Балтабай мен Ержан Елшібаевты босатуды талап етіңіз.",
    ),
    "steps": (
        "Copy the suggested letter in Russian: the English and Kazakh versions say the same.\n"
        "Sign it with your name, and add your town or country.\n"
        "Send it to the Prosecutor General's Office of Kazakhstan through its official website or by post, in "
        "time to arrive before the anniversary on 16 December.\n"
        "Tell us here that you have done it: every letter is counted.",
        "Скопируйте предложенное письмо на русском языке: английский и казахский варианты говорят то же самое.\n"
        "Подпишите его своим именем и укажите свой город или страну.\n"
        "Отправьте его в Генеральную прокуратуру Казахстана через её официальный сайт или по почте, чтобы оно "
        "пришло до годовщины 16 декабря.\n"
        "Отметьте здесь, что вы это сделали: мы считаем каждое письмо.",
        "Ұсынылған хатты орыс тілінде көшіріңіз: ағылшын және қазақ тіліндегі нұсқаларының мазмұны бірдей.\n"
        "Хаттың соңына атыңызды жазып, қалаңызды немесе еліңізді көрсетіңіз.\n"
        "Хатты Қазақстан Бас прокуратурасына ресми сайты арқылы немесе поштамен 16 желтоқсандағы жылдыққа "
        "дейін жететіндей етіп жіберіңіз.\n"
        "Хатты жібергеніңізді осы жерде белгілеңіз: әр хат есептеледі.",
    ),
    "message_subject": (
        "Zhanaozen: an independent international investigation, and freedom for Yerlan Baltabai and Erzhan Elshibayev",
        "Жанаозен: независимое международное расследование и освобождение Ерлана Балтабая и Ержана Ельшибаева",
        "Жаңаөзен: тәуелсіз халықаралық тергеу және Ерлан Балтабай мен Ержан Елшібаевқа бостандық",
    ),
    "salutation": (
        "Dear Prosecutor General,",
        "Уважаемый господин Генеральный прокурор!",
        "Құрметті Бас прокурор!",
    ),
    "message": (
        "On 16 December 2011 police in Zhanaozen opened fire on a peaceful, unarmed rally of striking oil "
        "workers and their families. The authorities admit that 16 people were killed and 64 injured; human "
        "rights defenders say that many more died, and the true number is still not known.\n\n"
        "In 2012 the UN High Commissioner for Human Rights called for an independent international commission "
        "to investigate these events, and so did the UN Special Rapporteur on the rights to freedom of peaceful "
        "assembly and of association. No such commission has been set up. Who gave the order to send armed "
        "forces against an unarmed crowd, and who fired, has never been answered; nor have the reports of "
        "torture and sexual violence against those detained.\n\n"
        "I ask you:\n"
        "- to support an independent international investigation of the events in Zhanaozen of 16 to 18 "
        "December 2011, with access to every document and witness;\n"
        "- to release Yerlan Baltabai, leader of the trade union Dignified Labour, sentenced to seven years' "
        "imprisonment, and Erzhan Elshibayev, who helped to organise peaceful protests of unemployed young "
        "people in Zhanaozen and was sentenced to five years, and to review their cases.\n\n"
        "The families of Zhanaozen have waited for the truth since 2011. I ask you to act before the "
        "anniversary on 16 December.\n\n"
        "Yours faithfully,",
        "16 декабря 2011 года полиция в Жанаозене открыла огонь по мирному безоружному митингу бастующих "
        "нефтяников и их семей. Власти признают, что 16 человек погибли и 64 были ранены; правозащитники "
        "говорят, что погибших было намного больше, и их настоящее число до сих пор неизвестно.\n\n"
        "В 2012 году Верховный комиссар ООН по правам человека призвала создать независимую международную "
        "комиссию для расследования этих событий; с тем же призывом выступил Специальный докладчик ООН по "
        "вопросу о праве на свободу мирных собраний и праве на свободу ассоциации. Такая комиссия так и не была "
        "создана. До сих пор нет ответа на вопросы, кто отдал приказ направить вооружённые силы против "
        "безоружных людей и кто стрелял; не расследованы и сообщения о пытках и сексуальном насилии в "
        "отношении задержанных.\n\n"
        "Прошу Вас:\n"
        "- поддержать независимое международное расследование событий в Жанаозене 16–18 декабря 2011 года "
        "с доступом ко всем документам и свидетелям;\n"
        "- освободить Ерлана Балтабая, лидера профсоюза «Достойный труд», приговорённого к семи годам лишения "
        "свободы, и Ержана Ельшибаева, который помогал организовать мирные акции безработной молодёжи в "
        "Жанаозене и был приговорён к пяти годам, и пересмотреть их дела.\n\n"
        "Семьи Жанаозена ждут правды с 2011 года. Прошу Вас принять меры до годовщины 16 декабря.\n\n"
        "С уважением,",
        "2011 жылғы 16 желтоқсанда Жаңаөзенде полиция ереуілдегі мұнайшылар мен олардың отбасыларының бейбіт, "
        "қарусыз митингіне оқ атты. Билік 16 адамның қаза тауып, 64 адамның жараланғанын мойындайды; құқық "
        "қорғаушылар қаза тапқандар әлдеқайда көп екенін айтады, олардың нақты саны әлі күнге белгісіз.\n\n"
        "2012 жылы БҰҰ-ның Адам құқықтары жөніндегі жоғарғы комиссары бұл оқиғаларды тергеу үшін тәуелсіз "
        "халықаралық комиссия құруға шақырды; БҰҰ-ның бейбіт жиналыстар мен бірлестіктер бостандығы құқығы "
        "жөніндегі арнайы баяндамашысы да солай шақырды. Мұндай комиссия әлі күнге құрылған жоқ. Қарусыз "
        "адамдарға қарсы қарулы күштерді жіберу туралы бұйрықты кім бергені және кім атқаны туралы сұрақтар "
        "әлі жауапсыз; ұсталғандарға қатысты азаптау мен жыныстық зорлық-зомбылық туралы хабарлар да "
        "тергелмеген.\n\n"
        "Сізден сұраймын:\n"
        "- 2011 жылғы 16–18 желтоқсандағы Жаңаөзен оқиғаларын барлық құжаттар мен куәгерлерге қол жеткізе "
        "алатын тәуелсіз халықаралық тергеуді қолдауыңызды;\n"
        "- жеті жылға бас бостандығынан айырылған «Лайықты еңбек» кәсіподағының жетекшісі Ерлан Балтабайды "
        "және Жаңаөзендегі жұмыссыз жастардың бейбіт наразылықтарын ұйымдастыруға көмектесіп, бес жылға "
        "сотталған Ержан Елшібаевты босатуыңызды, олардың істерін қайта қарауыңызды.\n\n"
        "Жаңаөзен отбасылары 2011 жылдан бері шындықты күтіп келеді. 16 желтоқсандағы жылдыққа дейін шара "
        "қолдануыңызды сұраймын.\n\n"
        "Құрметпен,",
    ),
}
