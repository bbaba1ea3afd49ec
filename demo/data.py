"""The Zhanaozen demo data: facts from the two seed articles, in our own words.

Every fact cites the article it comes from ("pirani" or "jones"). Where the articles give no
fact (an exact arrest date, a facility, a birth date) the field stays empty: nothing is invented.
A date known only to the month or year says so (its precision). A status is dated as the article
that reports it dates it: the day or month it happened where the article says, else the article's own
date ("as reported in December 2019").
"""

import datetime

D = datetime.date

# The day the demo's facts were last checked against the two articles: every profile's "last verified".
VERIFIED_ON = D(2026, 12, 7)
# When each article reports a status without dating it, the status is dated as of the article.
AS_OF = {"pirani": ((2021, 12, 16), "day"), "jones": ((2019, 12, 1), "month")}

SOURCES = {
    "pirani": {
        "title": "Kazakhstan ten years after the Zhanaozen massacre: oil workers' fight to organise goes on",
        "publisher": "Simon Pirani, People and Nature",
        "published_on": D(2021, 12, 16),
    },
    "jones": {
        "title": "Zhanaozen, Kazakhstan. Eighth anniversary of the massacre of the oil-workers",
        "publisher": "Rob Jones, Sotsialisticheskaya Alternativa (CWI in Russia), December 2019",
        "published_on": None,
    },
}

ORGANISATIONS = [
    ("kibhr", "Kazakhstan International Bureau for Human Rights and the Rule of Law", "ngo", "Kazakhstan",
     "Human rights group directed by Evgeny Zhovtis, who says three questions about Alan Square were never answered."),
    ("liberty", "Liberty (human rights organisation)", "ngo", "",
     "Its Galym Ageleuov has gathered evidence in Zhanaozen since the massacre."),
    ("ohchr", "UN High Commissioner for Human Rights", "un_body", "",
     "The High Commissioner visited Kazakhstan in 2012 and called for an independent international commission."),
    ("un-sr-assembly", "UN Special Rapporteur on the rights to freedom of peaceful assembly and of association",
     "un_body", "", "Maina Kiai, in this post, also called for an international commission."),
    ("government-of-kazakhstan", "Government of Kazakhstan", "government", "Kazakhstan", ""),
    ("ministry-of-justice", "Ministry of Justice of Kazakhstan", "government", "Kazakhstan",
     "Claims that an adequate investigation was carried out."),
    ("kazmunaigaz", "Kazmunaigaz", "company", "Kazakhstan", "The national oil company."),
    ("ozenmunaigaz", "Ozenmunaigaz", "company", "Kazakhstan",
     "Kazmunaigaz's production subsidiary in Zhanaozen, where the 2011 strike took place."),
    ("oil-construction-company-workers-union", "Oil Construction Company Workers Union", "union", "Kazakhstan",
     "Independent union; in June 2021 Kazmunaigaz tried to scrap its agreement on wages and conditions."),
    ("sectoral-union-fuel-energy", "Sectoral Union of Fuel and Energy Workers", "union", "Kazakhstan",
     "National umbrella of independent unions that the authorities tried to deregister."),
    ("federation-of-trade-unions", "Federation of Trade Unions of Kazakhstan", "union", "Kazakhstan",
     "Signed an agreement with the government in 2009 to stop strikes and protests."),
    ("dignified-labour", "Dignified Labour (trade union)", "union", "Kazakhstan", "Trade union led by Yerlan Baltabai."),
    ("calrmm", "Central Asia Labour Rights Monitoring Mission", "ngo", "", "Coordinated by Markhaba Khalmurzaeva."),
    ("novaya-gazeta", "Novaya Gazeta", "media", "Russia",
     "Its reporter Yelena Kostiuchenko, among the first journalists into Zhanaozen, reported bodies put in unmarked graves."),
    ("cwi", "Committee for a Workers' International (CWI)", "political", "",
     "Broke the information blockade on the massacre in December 2011."),
    ("people-and-nature", "People and Nature", "media", "", "Blog by Simon Pirani."),
]

CAMPAIGN = {
    "slug": "justice-for-zhanaozen",
    "name": "Justice for Zhanaozen",
    "summary": "On 16 December 2011 police shot striking oil workers in Zhanaozen, Kazakhstan. "
    "The campaign asks for the truth, justice for the victims and freedom for those jailed since.",
    "description": "The shootings ended a strike of six to eight months by the town's oil workers, who wanted better "
    "pay and conditions and the right to form independent trade unions (Pirani 2021; Jones 2019). Officials admit "
    "16 dead and 64 injured; campaigners say dozens or hundreds more died, and estimates at the time ran from 50 "
    "to 150 (Pirani 2021; Jones 2019). The killings were followed by three days of terror in Zhanaozen and nearby "
    "villages, with torture of detainees (Pirani 2021).",
    "organisations": ["kibhr", "liberty", "calrmm"],
    "sources": ["pirani", "jones"],
}

PEOPLE = [
    {
        "slug": "erzhan-elshibayev", "name": "Erzhan Elshibayev", "status": "imprisoned",
        "arrested": ((2019, 1, 1), "year", "pirani"),
        "status_on": (None, "jones", "Reported in December 2019 as jailed for five years (Jones 2019)."),
        "aliases": ["Yerzhan Yelshibaev"], "region": "Mangistau",
        "occupation": "Organiser of an unemployed union",
        "summary": "Helped organise peaceful protests of young unemployed people in Zhanaozen in 2019; jailed for five years.",
        "biography": "In 2019 young people in Zhanaozen began demonstrating at the local authorities' offices for "
        "jobs at Ozenmunaigaz; Elshibayev helped organise these peaceful gatherings and was arrested and jailed for "
        "five years (Pirani 2021). He organised a union of the unemployed that helps many people involved in the "
        "2011 strike (Jones 2019). Galym Ageleuov of Liberty calls him a victim of political repression: the charge "
        "came from a 2017 fight in which four men attacked him on his way to work, which led to no charges at the "
        "time (Pirani 2021).",
        "charges": [("", "An offence arising from a 2017 fight in which he was attacked by four men; no charge was brought at the time.", "pirani")],
        "sentences": [("imprisonment", 5, "jones", ((2019, 1, 1), "year"))],
        "events": [
            ((2019, 1, 1), "year", "pirani", "arrest", "Charged and arrested",
             "Charged in 2019 over a fight in 2017 in which four men attacked him."),
            ((2019, 12, 1), "month", "jones", "sentence", "Reported jailed for five years", ""),
            ((2021, 12, 1), "month", "pirani", "other", "Trade unionists in Bishkek call for his immediate release",
             "A conference of trade unionists in Bishkek called on the Kazakh authorities to release him at once."),
            ((2021, 12, 16), "day", "pirani", "solitary", "Reported in solitary confinement for three months",
             "Galym Ageleuov says he has been in detention for two years, the last three months in solitary "
             "confinement, and nobody has heard from him."),
        ],
        "sources": ["pirani", "jones"],
    },
    {
        "slug": "yerlan-baltabai", "name": "Yerlan Baltabai", "status": "imprisoned", "aliases": ["Erlan Baltabay"],
        "status_on": (None, "jones", "Reported in December 2019 as imprisoned for seven years (Jones 2019)."),
        "occupation": "Trade union leader", "affiliation": "dignified-labour",
        "summary": "Leader of the trade union Dignified Labour, imprisoned for seven years.",
        "biography": "As the regime answered new oil workers' strikes by arresting their leaders and closing unions, "
        "Yerlan Baltabai, leader of the union Dignified Labour, was imprisoned for seven years (Jones 2019).",
        "sentences": [("imprisonment", 7, "jones", None)],
        "events": [((2019, 12, 1), "month", "jones", "sentence", "Reported imprisoned for seven years", "")],
        "sources": ["jones"],
    },
    {
        "slug": "natalia-sokolova", "name": "Natalia Sokolova", "status": "unknown", "aliases": ["Natalya Sokolova"],
        "arrested": ((2011, 4, 1), "month", "jones"),
        "status_on": (None, "jones", "Jones (December 2019) reports her six-year sentence but not whether she is "
                      "still held; her situation since is not known."),
        "occupation": "Lawyer for the striking oil workers",
        "summary": "The strikers' lawyer, arrested in April 2011 and jailed for six years.",
        "biography": "Natalia Sokolova was the oil workers' lawyer. She was arrested and jailed in April 2011, and the "
        "strikers resigned en masse from the ruling party in protest; she was sentenced to six years (Jones 2019). "
        "Her release was one of the demands of the rally on 16 December 2011 (Jones 2019). The sources say nothing "
        "of her situation since, so her current status is recorded as not known.",
        "sentences": [("imprisonment", 6, "jones", None)],
        "events": [((2011, 4, 1), "month", "jones", "arrest", "Arrested and jailed", "The strikers resigned en masse from the ruling party Nur Otan in protest.")],
        "sources": ["jones"],
    },
    {
        "slug": "roza-tuletaeva", "name": "Roza Tuletaeva", "status": "unknown", "aliases": ["Roza Tuletayeva"],
        "status_on": (None, "pirani", "Named in December 2021 among the women detainees an investigation should "
                      "cover; the sources say nothing of her situation since (Pirani 2021)."),
        "region": "Mangistau", "occupation": "Oil workers' trade union organiser",
        "summary": "Union organiser detained in the crackdown; campaigners ask for an investigation of the sexual violence against her.",
        "biography": "Roza Tuletaeva organised for the oil workers' union. She is one of the women detainees against "
        "whom sexual violence was used, which campaigners want an independent investigation to cover (Pirani 2021).",
        "events": [((2011, 12, 1), "month", "pirani", "arrest", "Detained in the crackdown",
                    "Detained during the three days of repression after the shootings; subjected to sexual violence.")],
        "sources": ["pirani"],
    },
    {
        "slug": "zhansaule-karabalaeva", "name": "Zhansaule Karabalaeva", "status": "unknown",
        "status_on": (None, "pirani", "Named in December 2021 among the women detainees an investigation should "
                      "cover; the sources say nothing of her situation since (Pirani 2021)."),
        "aliases": ["Zhansaule Karabalayeva"], "region": "Mangistau",
        "summary": "Daughter of a trade union activist; a woman detainee subjected to sexual violence.",
        "biography": "Daughter of a trade union activist, she is named among the women detainees subjected to sexual "
        "violence that an investigation should cover (Pirani 2021).",
        "sources": ["pirani"],
    },
    {
        "slug": "asem-kenzhebaeva", "name": "Asem Kenzhebaeva", "status": "unknown", "aliases": ["Asem Kenzhebayeva"],
        "status_on": (None, "pirani", "Named in December 2021 among the women detainees an investigation should "
                      "cover; the sources say nothing of her situation since (Pirani 2021)."),
        "region": "Mangistau",
        "summary": "Daughter of a trade union activist; a woman detainee subjected to sexual violence.",
        "biography": "Daughter of another activist, she is named among the women detainees subjected to sexual "
        "violence that an investigation should cover (Pirani 2021).",
        "sources": ["pirani"],
    },
    {
        "slug": "akzhanat-aminov", "name": "Akzhanat Aminov", "status": "suspended",
        "status_on": (None, "jones", "Reported in December 2019 as given a two-year suspended sentence (Jones 2019)."),
        "occupation": "Elected representative of the striking oil workers",
        "summary": "One of the strikers' elected negotiators; given a two-year suspended sentence.",
        "biography": "The oil workers elected representatives to negotiate for them, and these were repressed: "
        "Akzhanat Aminov received a two-year suspended sentence (Jones 2019).",
        "sentences": [("suspended", 2, "jones", None)],
        "sources": ["jones"],
    },
    {
        "slug": "torebek-tolegenov", "name": "Torebek Tolegenov", "status": "killed",
        # The article gives no date for his death: none is recorded, and the status is as it reports it.
        "status_on": (None, "pirani",
                      "Killed in Shetpe, where young people blocked a railway in protest at the massacre (Pirani 2021)."),
        "summary": "Killed in Shetpe during the protests that followed the Zhanaozen massacre.",
        "biography": "Torebek Tolegenov was killed in Shetpe, where young people blocked a railway line in protest at "
        "the massacre and were wounded. Campaigners want his killing investigated (Pirani 2021).",
        "sources": ["pirani"],
    },
]

DEMANDS = [
    {
        "slug": "independent-international-commission", "kind": "inquiry", "status": "outstanding",
        "title": "An independent international commission on Zhanaozen",
        "summary": "An international inquiry into the killings, as UN officials asked for in 2012.",
        "description": "The UN High Commissioner for Human Rights visited Kazakhstan in 2012 and called for an "
        "independent international commission; the UN special rapporteur Maina Kiai did too. It has not happened, "
        "and human rights defenders reject the justice ministry's claim that the investigation was adequate "
        "(Pirani 2021).",
        "addressees": ["government-of-kazakhstan", "ministry-of-justice"],
        "backers": ["ohchr", "un-sr-assembly", "kibhr", "liberty"], "people": [], "sources": ["pirani"],
        "note": "Not set up ten years on (Pirani 2021).",
    },
    {
        "slug": "exhume-unmarked-graves", "kind": "exhumation", "status": "outstanding",
        "title": "Exhume the bodies from unmarked graves",
        "summary": "Reports of bodies put in unmarked graves have never been followed up.",
        "description": "Several reports, among them Yelena Kostiuchenko's for Novaya Gazeta, describe bodies loaded "
        "into unmarked graves. Galym Ageleuov of Liberty says an international commission should insist on "
        "exhuming them (Pirani 2021).",
        "addressees": ["government-of-kazakhstan"], "backers": ["liberty"], "people": [], "sources": ["pirani"],
        "note": "Never followed up (Pirani 2021).",
    },
    {
        "slug": "investigate-torture-and-sexual-violence", "kind": "investigation", "status": "outstanding",
        "title": "Investigate the torture and sexual violence against detainees",
        "summary": "Detainees were held naked in winter, beaten and doused with freezing water; women were sexually abused.",
        "description": "Evidence of torture was made public, above all at the 2012 trial of 37 Zhanaozen residents. "
        "Campaigners want an independent international commission to investigate it, and the sexual violence "
        "against women detainees (Pirani 2021).",
        "addressees": ["government-of-kazakhstan"], "backers": ["liberty"],
        "people": ["roza-tuletaeva", "zhansaule-karabalaeva", "asem-kenzhebaeva"], "sources": ["pirani"],
        "note": "No independent investigation yet (Pirani 2021).",
    },
    {
        "slug": "true-number-killed", "kind": "truth", "status": "outstanding",
        "title": "Establish how many were killed",
        "summary": "Officials admit 16 dead; campaigners say dozens, perhaps hundreds more died on 16 to 18 December 2011.",
        "description": "An inquiry should establish the total killed in Zhanaozen and nearby villages on 16, 17 and 18 "
        "December 2011. The authorities deny responsibility for deaths by automatic and sniper fire, and some "
        "families only got bodies back by accepting false causes of death (Pirani 2021). Estimates at the time ran "
        "from 50 to 150 (Jones 2019).",
        "addressees": ["government-of-kazakhstan"], "backers": ["liberty", "kibhr"], "people": ["torebek-tolegenov"],
        "sources": ["pirani", "jones"], "note": "The number of victims is still unknown (Pirani 2021).",
    },
    {
        "slug": "who-gave-the-order", "kind": "truth", "status": "rejected",
        "title": "Say who ordered the shootings and who fired",
        "summary": "Who were the provocateurs, who sent armed forces against an unarmed crowd, and who fired?",
        "description": "Evgeny Zhovtis names three questions never answered about Alan Square: who the provocateurs "
        "were, who ordered internal ministry forces against an unarmed crowd, and who fired (Pirani 2021).",
        "addressees": ["government-of-kazakhstan"], "backers": ["kibhr"], "people": [], "sources": ["pirani"],
        "note": "The Kazakh government has refused to say who ordered the shootings (Pirani 2021).",
    },
    {
        "slug": "prosecute-those-responsible", "kind": "truth", "status": "partial",
        "title": "Bring those responsible for the killings to justice",
        "summary": "A few police officers were tried and a detention centre chief briefly jailed; the chain of command was not.",
        "description": "A handful of police officers were tried for exceeding their powers and a detention centre "
        "boss was briefly jailed (Pirani 2021).",
        "addressees": ["government-of-kazakhstan", "ministry-of-justice"], "backers": ["kibhr", "liberty"],
        "people": [], "sources": ["pirani"],
        "note": "Partly met: a handful of officers tried, a detention centre boss briefly jailed (Pirani 2021).",
    },
    {
        "slug": "investigate-killing-in-shetpe", "kind": "investigation", "status": "outstanding",
        "title": "Investigate the killing of Torebek Tolegenov in Shetpe",
        "summary": "And the wounding of the young people who blocked a railway in protest at the massacre.",
        "description": "", "addressees": ["government-of-kazakhstan"], "backers": ["liberty"],
        "people": ["torebek-tolegenov"], "sources": ["pirani"], "note": "Still to be investigated (Pirani 2021).",
    },
    {
        "slug": "investigate-ozenmunaigaz-fire", "kind": "investigation", "status": "outstanding",
        "title": "Investigate the fire at the Ozenmunaigaz offices",
        "summary": "A fire broke out at the company's offices on the day of the massacre; many workers believe provocateurs set it.",
        "description": "The fire needs further investigation (Pirani 2021). The city administration and the "
        "Ozenmunaigaz head office burned on 16 December 2011, by angry protesters or, as many workers believe, by "
        "provocateurs (Jones 2019).",
        "addressees": ["government-of-kazakhstan"], "backers": ["liberty"], "people": [], "sources": ["pirani", "jones"],
        "note": "Needs further investigation (Pirani 2021).",
    },
    {
        "slug": "release-erzhan-elshibayev", "kind": "release", "status": "outstanding",
        "title": "Release Erzhan Elshibayev", "summary": "Free the organiser of Zhanaozen's unemployed at once.",
        "description": "Trade unionists meeting in Bishkek called for his immediate release (Pirani 2021); so does "
        "Sotsialisticheskaya Alternativa (Jones 2019).",
        "addressees": ["government-of-kazakhstan"], "backers": ["liberty", "cwi"], "people": ["erzhan-elshibayev"],
        "sources": ["pirani", "jones"], "note": "He was still in prison at the end of 2021 (Pirani 2021).",
    },
    {
        "slug": "release-yerlan-baltabai", "kind": "release", "status": "outstanding",
        "title": "Release Yerlan Baltabai", "summary": "Free the leader of the union Dignified Labour.",
        "description": "", "addressees": ["government-of-kazakhstan"], "backers": ["cwi"],
        "people": ["yerlan-baltabai"], "sources": ["jones"], "note": "Demanded in December 2019 (Jones 2019).",
    },
    {
        "slug": "release-all-political-prisoners", "kind": "release", "status": "outstanding",
        "title": "Release all political prisoners in Kazakhstan", "summary": "Not only the best known: every political prisoner.",
        "description": "", "addressees": ["government-of-kazakhstan"], "backers": ["cwi"],
        "people": ["erzhan-elshibayev", "yerlan-baltabai"], "sources": ["jones"],
        "note": "Demanded in December 2019 (Jones 2019).",
    },
    {
        "slug": "right-to-independent-unions", "kind": "labour_rights", "status": "outstanding",
        "title": "The right to form independent trade unions",
        "summary": "The key demand of the 2011 strike, and again at issue in 2021.",
        "description": "The 2011 strikers demanded the right to organise independent unions (Pirani 2021; Jones "
        "2019). In 2021 Kazmunaigaz tried to scrap its agreement with the independent Oil Construction Company "
        "Workers Union, and the authorities tried to deregister the Sectoral Union of Fuel and Energy Workers "
        "(Pirani 2021).",
        "addressees": ["government-of-kazakhstan", "kazmunaigaz"],
        "backers": ["oil-construction-company-workers-union", "sectoral-union-fuel-energy", "cwi", "calrmm"],
        "people": ["yerlan-baltabai"], "sources": ["pirani", "jones"],
        "note": "Still contested in 2021 (Pirani 2021).",
    },
]

KEY_DATES = [
    {
        "title": "Anniversary of the Zhanaozen massacre", "kind": "anniversary", "date": D(2011, 12, 16),
        "recurrence": "yearly", "place": "Alan Square, Zhanaozen",
        "description": "Police fired on a peaceful, unarmed rally of striking oil workers and their families (Pirani 2021; Jones 2019).",
        "people": ["roza-tuletaeva", "natalia-sokolova"],
        "demands": ["independent-international-commission", "true-number-killed", "who-gave-the-order"],
        "sources": ["pirani", "jones"],
    },
    {
        "title": "Second day of the crackdown", "kind": "anniversary", "date": D(2011, 12, 17), "recurrence": "yearly",
        "place": "Zhanaozen and nearby villages",
        "description": "The killings went on in Zhanaozen and nearby villages on 16, 17 and 18 December (Pirani 2021).",
        "people": [], "demands": ["true-number-killed"], "sources": ["pirani"],
    },
    {
        "title": "Third day of the crackdown", "kind": "anniversary", "date": D(2011, 12, 18), "recurrence": "yearly",
        "place": "Zhanaozen and nearby villages",
        "description": "The last of three days of terror in Zhanaozen and nearby villages (Pirani 2021).",
        # Not Torebek Tolegenov's killing in Shetpe: the article does not date it.
        "people": [], "demands": ["true-number-killed"],
        "sources": ["pirani"],
    },
    {
        "title": "Oil workers commemorate the victims in Zhanaozen", "kind": "commemoration", "date": D(2021, 12, 11),
        "recurrence": "once", "place": "Zhanaozen",
        "description": "Oil workers gathered to remember the victims, under a heavy police presence (Pirani 2021).",
        "people": [], "demands": [], "sources": ["pirani"],
    },
    {
        "title": "Tenth anniversary: film shows and gatherings in Almaty", "kind": "commemoration",
        "date": D(2021, 12, 16), "recurrence": "once", "place": "Almaty",
        "description": "Activists planned film shows and other gatherings ten years to the day after the massacre (Pirani 2021).",
        "people": [], "demands": ["independent-international-commission"], "sources": ["pirani"],
    },
]
