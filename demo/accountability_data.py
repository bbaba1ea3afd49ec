"""Who is responsible, as far as the two seed articles say: facts in our own words, each citing
its article ("pirani" or "jones", the keys of demo.data.SOURCES).

The articles name no official, officer, prosecutor or judge, so the actors are units and bodies;
nothing here names a person the articles do not. Grades follow the articles: what the authorities
themselves acknowledge is "admitted", what witnesses, campaigners or the press say is "alleged",
and only a court's own judgment is "established by a court".
"""

CAMPAIGN = "justice-for-zhanaozen"

ACTORS = [
    {
        "slug": "police-in-zhanaozen", "name": "Police in Zhanaozen", "kind": "police",
        "description": "The police who fired on the rally on Alan Square on 16 December 2011. The articles name "
        "no officer (Pirani 2021; Jones 2019).",
        "links": [
            {
                "role": "carried_out", "grade": "admitted", "sources": ["pirani"], "demand": "true-number-killed",
                "what": "the shootings on Alan Square on 16 December 2011 that killed 15 people",
                "description": "Officials admit 16 dead and 64 injured that day, 15 of them killed on the square with "
                "revolvers. Campaigners say dozens, perhaps hundreds, more died. Under Kazakh law each killing "
                "should have been investigated to show whether the officer fired unlawfully or because his life "
                "was in danger (Pirani 2021).",
            },
        ],
    },
    {
        "slug": "internal-troops", "name": "Internal troops of the Ministry of Internal Affairs",
        "kind": "internal_troops",
        "description": "Armed internal ministry forces were sent against the unarmed crowd; who gave that order "
        "has never been established (Pirani 2021). A report published on 17 December 2011 says riot police and "
        "internal troops had been massed on the edge of the town in the days before (Jones 2019).",
        "links": [
            {
                "role": "carried_out", "grade": "alleged", "sources": ["jones"], "demand": "who-gave-the-order",
                "what": "the firing of live ammunition into the crowd, with riot police, on 16 December 2011",
                "description": "So says a report published the next day and republished in 2019 (Jones 2019). "
                "The authorities deny responsibility for deaths by automatic and long-distance sniper fire "
                "(Pirani 2021).",
            },
        ],
    },
    {
        "slug": "prosecuting-authorities", "name": "Prosecuting authorities of Kazakhstan", "kind": "prosecutors",
        "description": "The articles name no prosecutor.",
        "links": [
            {
                "role": "prosecuted", "grade": "admitted", "sources": ["pirani"],
                "demand": "prosecute-those-responsible",
                "what": "a handful of police officers for \"exceeding their powers\"",
                "description": "Who ordered the shootings has never been established: the government has refused "
                "to say (Pirani 2021).",
            },
            {
                "role": "prosecuted", "grade": "admitted", "sources": ["pirani"],
                "demand": "investigate-torture-and-sexual-violence",
                "what": "37 residents of Zhanaozen at a trial in 2012",
                "description": "Detailed evidence that detainees were tortured was made public at that trial "
                "(Pirani 2021).",
            },
            {
                "role": "prosecuted", "grade": "admitted", "sources": ["pirani"], "person": "erzhan-elshibayev",
                "event": "Charged and arrested", "demand": "release-erzhan-elshibayev",
                "what": "him in 2019 over a fight in 2017 in which four men attacked him, which led to no charge "
                "at the time",
                "description": "Galym Ageleuov of Liberty calls him a victim of political repression (Pirani 2021).",
            },
        ],
    },
    {
        "slug": "courts-of-kazakhstan", "name": "Courts of Kazakhstan", "kind": "courts",
        "description": "The articles do not name the courts or the judges.",
        "links": [
            {
                "role": "sentenced", "grade": "court", "sources": ["pirani"], "demand": "prosecute-those-responsible",
                "what": "the chief of a detention centre, who was jailed briefly",
                "description": "The article does not name him, or say what for or for how long (Pirani 2021).",
            },
            {
                "role": "sentenced", "grade": "court", "sources": ["pirani", "jones"], "person": "erzhan-elshibayev",
                "demand": "release-erzhan-elshibayev", "what": "him to five years in prison",
            },
            {
                "role": "sentenced", "grade": "court", "sources": ["jones"], "person": "natalia-sokolova",
                "what": "her to six years in prison",
            },
            {
                "role": "sentenced", "grade": "court", "sources": ["jones"], "person": "yerlan-baltabai",
                "demand": "release-yerlan-baltabai", "what": "him to seven years in prison",
            },
            {
                "role": "sentenced", "grade": "court", "sources": ["jones"], "person": "akzhanat-aminov",
                "what": "him to two years, suspended",
            },
        ],
    },
    {
        "slug": "kazakh-authorities", "name": "Kazakh authorities", "kind": "government",
        "organisation": "government-of-kazakhstan",
        "description": "The state, where the articles do not say which of its bodies acted.",
        "links": [
            {
                "role": "covered_up", "grade": "alleged", "sources": ["pirani"], "demand": "who-gave-the-order",
                "what": "the truth about the killings, by refusing to say who ordered the shootings",
                "description": "Human rights activists say the authorities are still desperate to cover up the "
                "truth; the government has refused to say who gave the order (Pirani 2021).",
            },
            {
                "role": "covered_up", "grade": "alleged", "sources": ["pirani"], "demand": "true-number-killed",
                "what": "the causes of death, by releasing bodies only to families who accepted false death certificates",
                "description": "Galym Ageleuov of Liberty says that in many cases a family got the body back only "
                "by accepting a certificate that gave the cause of death as, for example, a heart attack "
                "(Pirani 2021).",
            },
        ],
    },
    {
        "slug": "ministry-of-justice", "name": "Ministry of Justice of Kazakhstan", "kind": "government",
        "organisation": "ministry-of-justice", "description": "",
        "links": [
            {
                "role": "investigated", "grade": "admitted", "sources": ["pirani"],
                "demand": "independent-international-commission",
                "what": "the events, according to its own claim that an adequate investigation was carried out",
                "description": "Human rights defenders in Kazakhstan reject that claim (Pirani 2021).",
            },
        ],
    },
]

# Evgeny Zhovtis's three questions, and the number of dead (Pirani 2021).
OPEN_QUESTIONS = [
    ("Who gave the order to send armed internal ministry forces against an unarmed crowd?",
     "No one has been tried for it, and the government has refused to say (Pirani 2021)."),
    ("Who fired the shots?", "A handful of police officers were tried for exceeding their powers (Pirani 2021)."),
    ("Who were the provocateurs who caused trouble on Alan Square?", ""),
    ("How many people were killed on 16, 17 and 18 December 2011?",
     "Officials admit 16; campaigners say dozens, perhaps hundreds, more (Pirani 2021)."),
]
