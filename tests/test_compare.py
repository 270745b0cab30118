"""Figures, negation, modality and attribution: the differences embeddings cannot see."""

import pytest

from factcheck.core.compare import compare, contradictions, internal_differences
from factcheck.core.figures import number_conflicts
from factcheck.results import Evidence
from factcheck.text.cues import cues
from factcheck.text.numbers import parse_number
from factcheck.text.quantities import quantities
from factcheck.text.reception import reception
from factcheck.text.sentences import parse_article


@pytest.mark.parametrize(
    "token, lang, value",
    [
        ("67 000", "fr", 67000),
        ("67\u202f000", "fr", 67000),
        ("100.000", "tr", 100000),
        ("1,5", "fr", 1.5),
        ("1,5", "tr", 1.5),
        ("1,000", "en", 1000),
        ("2.5", "en", 2.5),
        ("1.234.567", "tr", 1234567),
        ("1,234.5", "en", 1234.5),
        ("13", "fr", 13),
    ],
)
def test_parse_number_by_language(token, lang, value):
    assert parse_number(token, lang) == value


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        (
            "saisi 67 000 pièces d'une valeur de 100 milliards de tenges (194 millions de dollars)",
            "fr",
            [(67000, "count", "pièces"), (1e11, "money:KZT", ""), (1.94e8, "money:USD", "")],
        ),
        ("quatre de ses employés", "fr", [(4, "count", "employés")]),
        ("four employees", "en", [(4, "count", "employees")]),
        ("dört çalışan ve yirmi beş dava", "tr", [(4, "count", "çalışan"), (25, "count", "dava")]),
        ("jusqu’à 13 % du hashrate", "fr", [(13, "percent", "")]),
        ("hashrate'in yüzde 13'ü", "tr", [(13, "percent", "")]),
        ("%13'lük pay", "tr", [(13, "percent", "")]),
        ("En 2017, les autorités", "fr", [(2017.5, "year", "")]),  # a year is a span: its middle
        ("100.000 lira sanal para", "tr", [(100000, "money:TRY", "")]),
        ("640 COVID-19 cases", "en", [(640, "count", "covid")]),  # 19 is part of a name
        ("it earned $ 4.8 M in the US", "en", [(4_800_000, "money:USD", "")]),
        ("he is 1.8 m tall", "en", [(1.8, "count", "m")]),
        ("a third death was reported", "en", [(3, "rank", "")]),  # an ordinal, not a fraction
        ("a third of the companies", "en", [(100 / 3, "percent", "")]),
        ("an average rating of 7.1/10 based on 48 reviews", "en", [(7.1, "rating:10", ""), (48, "count", "reviews")]),
        ("The Resident Evil 5 version sold 1.3 million copies", "en", [(1.3e6, "count", "copies")]),  # 5 names it
        # a day orders by its month; with its year, it is also a point of that year
        ("born August 16, 1980", "en", [(816, "day", ""), (1980 + 7 / 12 + 15 / 372 + 1 / 744, "year", "")]),
        ("born in August 11,1980", "en", [(811, "day", ""), (1980 + 7 / 12 + 10 / 372 + 1 / 744, "year", "")]),
        ("on 3 December 1978", "en", [(1203, "day", ""), (1978 + 11 / 12 + 2 / 372 + 1 / 744, "year", "")]),
        ("in August, 1980 and 1981", "en", [(1980 + 7 / 12 + 1 / 24, "year", ""), (1981.5, "year", "")]),
        ("a weighted average score of 41 out of 100", "en", [(41, "percent", "")]),
        ("an average rating of 3.8 out of 10", "en", [(3.8, "rating:10", "")]),
        ("a $70-million program", "en", [(7e7, "money:USD", "")]),
        ("the 2019–20 coronavirus pandemic", "en", [(2019.5, "year", "")]),  # the end of a season is no count
        ("Averaged over 10 critics", "en", [(10, "count", "critics")]),  # no bound
        ("a normalized rating out of 100, the film has a score of 94", "en", [(94, "count", "")]),  # 100: a scale
        ("it was founded in 1738 by settlers", "en", [(1738.5, "year", "")]),  # a year before 1800, after 'in'
        ("it has 1738 members", "en", [(1738, "count", "members")]),
        ("signed on 11 April 1713", "en", [(411, "day", ""), (1713 + 3 / 12 + 10 / 372 + 1 / 744, "year", "")]),
        ('the song "1999" was released in 2018', "en", [(2018.5, "year", "")]),  # a title
        ("une baisse de 8 cents", "fr", [(8, "count", "cents")]),  # not 8 hundreds
        ("the SPD got 27\\% of the vote", "en", [(27, "percent", "")]),  # an escaped percent sign
        ("less than 1850 cases were processed", "en", [(1850, "count", "cases")]),  # a bounded count, no year
        ("grossed $ 292.6million worldwide", "en", [(292.6e6, "money:USD", "")]),  # a scale written onto it
        ("Cars 3 has an approval rating of 69 %", "en", [(69, "percent", "")]),  # a title's figure
        ("Insidious : Chapter 3 ( film ) had 91 reviews", "en", [(91, "count", "reviews")]),
        ("cases in 15 out of 28 Bulgarian provinces", "en", [(15, "count", "bulgarian"), (28, "count", "bulgarian")]),
        ("65 milyondan fazla ziyaret", "tr", [(65e6, "count", "ziyaret")]),  # a scale with its case ending
        ("Storm Leaves 12 Dead Across Northern Provinces", "en", [(12, "count", "dead")]),  # a title-case headline
        ("que 65 pour cent des paiements", "fr", [(65, "percent", "")]),  # not 65, then 'cent' (100)
        # both days of a range are days of its month
        ("between September 14 and 24", "en", [(914, "day", ""), (924, "day", "")]),
        ("entre le 14 et le 24 septembre", "fr", [(914, "day", ""), (924, "day", "")]),
        ("14-24 Eylül tarihleri arasında", "tr", [(914, "day", ""), (924, "day", "")]),
        ("scored 2 and 3 goals in May", "en", [(2, "count", "goals"), (3, "count", "goals")]),
        ("Millions of people took the drug", "en", []),  # many, not one million
        ("tens of thousands of protesters", "en", []),
        ("un ouragan de catégorie 1 avec des vents de 85 mph", "fr", [(85, "count", "mph")]),  # a label
        ("they collided on lap 60", "en", [(60, "rank", "")]),  # the 60th lap
        ("he won stage 5 of the race", "en", [(5, "rank", "")]),  # a rank, not a label
        ("with one fifth of the cases", "en", [(20, "percent", "")]),  # a fraction, not the 5th
        ("un dixième des voix", "fr", [(10, "percent", "")]),
        ("Ünlü yazar Orhan Kaya 88 yaşında hayatını kaybetti", "tr", [(88, "count", "yaşında")]),  # subject first
        ("raised rates by 250 basis points", "en", [(2.5, "count", "points")]),  # a hundredth of a point
        ("une hausse de 25 points de base", "fr", [(0.25, "count", "points")]),
        ("faizi 250 baz puan artırdı", "tr", [(2.5, "count", "puan")]),
        ("they scored 250 points", "en", [(250, "count", "points")]),
    ],
)
def test_quantities(text, lang, expected):
    assert [(q.value, q.kind, q.unit) for q in quantities(text, lang)] == expected


@pytest.mark.parametrize(
    "text, lang, unit",
    [
        ("Ils ont saisi 67 000 pièces et 25 affaires.", "fr", "pièces"),
        ("The team scored 41, a club record.", "en", ""),
        ("scored 2 and 3 goals in May", "en", "goals"),  # listed figures count what the last one counts
        ("les actions ont baissé de huit cents, à 29,42 dollars", "fr", ""),  # not '800 à'
        ("When he was sixteen, he removed the traitor.", "en", ""),
        ("a budget of 40 million with the state covering half", "en", ""),  # 'with' opens another clause
    ],
)
def test_what_a_figure_counts_is_in_its_own_clause(text, lang, unit):
    assert quantities(text, lang)[0].unit == unit


def test_a_score_out_of_100_has_the_words_after_its_scale_as_context():
    (score, reviews) = quantities("gave it 74/100 based on 12 reviews", "en")
    assert (score.text, score.after) == ("74/100", ("based",))  # the 100 is no next figure


def test_context_words_keep_their_order_whatever_the_hash_seed():
    # a hyphenated word was one set of keys, read in set order: the context changed between runs
    (figure,) = quantities("Greek-Turkish talks cost 5 million euros.", "en")
    assert (figure.before, figure.after) == (("cost", "talk", "turki"), ())


@pytest.mark.parametrize(
    "left, right, conflicts",
    [
        (
            ("55 installations ont cessé, 51 ont été fermées", "fr"),
            ("57 installations ont cessé, 51 ont été fermées", "fr"),
            [("55 installations", "57 installations")],
        ),
        (("quatre employés", "fr"), ("6 employés", "fr"), [("4 employés", "6 employés")]),
        (("quatre employés", "fr"), ("4 çalışan", "tr"), []),
        (("4 employés dans 4 régions", "fr"), ("4 employés", "fr"), []),  # leaving a figure out is no contradiction
        (("4 employés", "fr"), ("6 régions", "fr"), []),  # different things counted
        # '6 detectives' is no counterpart of '6 episodes': the series went from nine episodes to six
        (
            ("six detectives, and a nine-episode series", "en"),
            ("six detectives, and a six-episode series", "en"),
            [("9 episode", "6 episode")],
        ),
        (("13 % du hashrate", "fr"), ("yüzde 18", "tr"), [("13 %", "yüzde 18")]),
        # the only figure of each side, but of different units of time, in any language
        (("lieutenant governor for the past seven years", "en"), ("a prêté serment six heures après", "fr"), []),
        (("lieutenant governor for the past seven years", "en"), ("altı saat sonra yemin etti", "tr"), []),
        (("en poste depuis sept ans", "fr"), ("altı yıldır görevde", "tr"), [("7 ans", "6 yıldır")]),
        (("suspended until 30 March", "en"), ("suspended until 30 April", "en"), [("30 March", "30 April")]),
        (("le 15 juillet", "fr"), ("July 15", "en"), []),
        (("The curfew starts at 9:00 p.m. in the city", "en"), ("Le couvre-feu commence à 21h00", "fr"), []),
        (("The curfew starts at 9 p.m.", "en"), ("Le couvre-feu commence à 22h00", "fr"), [("9 p.m.", "22h00")]),
        # what is left once the figures both sides state are set aside is one quantity, told in other words
        (
            ("a net profit of $412 million on sales of $7 billion", "en"),
            ("un bénéfice net de 380 millions de dollars pour un chiffre d'affaires de 7 milliards de dollars", "fr"),
            [("412 million", "380 millions")],
        ),
        (
            ("exports rose to 12 million tonnes from 9 million tonnes", "en"),
            ("ihracat 9 milyon tondan 14 milyon tona yükseldi", "tr"),
            [("12 million tonnes", "14 milyon tona")],
        ),
        # each figure stated alike pairs once: one '2 ans' is the '2 year rate', the other the offer
        (
            ("a special 7-year membership for $30, a saving on the regular 2 year rate", "en"),
            ("une offre de 2 ans pour 30 $, une économie sur le tarif régulier de 2 ans", "fr"),
            [("7 year", "2 ans")],
        ),
        # '80 yılda' is '80 years', though 'Civic' is said before it and '168 shows': 120 is what is left
        (
            ("The Civic Theater has staged 168 shows in 80 years.", "en"),
            ("Civic Tiyatrosu 80 yılda 120 gösteri sahneledi.", "tr"),
            [("168 shows", "120 gösteri")],
        ),
        # bounds said in French and Turkish
        (("inflation fell below 3.5 percent", "en"), ("l'inflation est passée sous la barre des 3,5 %", "fr"), []),
        (("inflation fell below 3.5 percent", "en"), ("enflasyon yüzde 3,5'in altına düştü", "tr"), []),
        (("it stayed above 30 degrees", "en"), ("il est resté au-dessus de 30 degrés", "fr"), []),
        # basis points are hundredths of a point
        (("raised by 250 basis points", "en"), ("relevé de 2,5 points", "fr"), []),
        (("raised by 250 basis points", "en"), ("relevé de 3 points", "fr"), [("250 basis points", "3 points")]),
        (("inflation will fall below 30%", "en"), ("ramener l'inflation sous les 30 %", "fr"), []),
        # a length is no magnitude, in any language; two lengths are one quantity
        (("at a depth of 7 kilometres", "en"), ("5,9 büyüklüğünde bir deprem", "tr"), []),
        (("a magnitude of 5.9", "en"), ("Depremin derinliği 7 kilometre olarak ölçüldü.", "tr"), []),
        (("7 kilometres deep", "en"), ("à 10 kilomètres de profondeur", "fr"), [("7 kilometres", "10 kilomètres")]),
        # the injured, however told: 'wounded', 'blessées'
        (
            ("86 people were wounded.", "en"),
            ("68 personnes ont été blessées et 2 sont mortes.", "fr"),
            [("86 people", "68 personnes")],
        ),
    ],
)
def test_number_conflicts_match_quantities_by_what_they_count(left, right, conflicts):
    assert number_conflicts(left, right) == conflicts


@pytest.mark.parametrize(
    "claim, evidence, conflicts",
    [
        ("fewer than 29 member clubs", "It comprises 29 member clubs", [("29 member", "29 member")]),
        ("more than 45 wins", "a record of 45 wins and 60 losses", [("45 wins", "45 wins")]),
        ("a rating higher than 15 %", "a rating of 11 %", [("15 %", "11 %")]),
        ("a rating higher than 15 %", "a rating of 20 %", []),
        ("released before 2007", "released in 2007", [("2007", "2007")]),
        ("released prior to 2007", "released in 2007", [("2007", "2007")]),
        ("performed after January 2018", "In July 2018, she performed", []),  # a month of a year is a span
        ("released after 2018", "released in December 2018", [("2018", "December 2018")]),
        ("visited 65 million times", "visited over 65 million times", []),  # 65 million may be rounded
        # a bound on a day with its year bounds the date, not that day of any year
        ("born before December 3, 1982", "born on December 3, 1978", []),
        ("re-signed after December 24, 2016", "On January 10, 2017, he re-signed", []),
        ("held before May 2019", "to be held on April 13, 2019", []),
        ("released before October 2014", "released on November 21 2014", [("October 2014", "November 21, 2014")]),
        ("reopened before April 16, 2020", "reopened on 16 April", [("April 16", "16 April")]),  # a day of one year
        ("born after the 6th of June 1967", "born June 7, 1967", []),  # 'after the' is a bound
        ("it takes place before the 19th century", "In the late 18th century, they take on an orphan", []),
        ("the marriage was over before the beginning of 2015", "The marriage ended in December 2014.", []),
        ("it takes place in the 19th century", "set in 1787, the story", [("19th century", "1787")]),
        ("scored after the 57th minute", "scored in the 58th minute", []),
        ("less than US $ 900 billion of assets", "US $ 888.2 billion of assets", []),
        ("fewer than 16 provinces", "cases in 15 out of 28 provinces", []),  # 15 provinces, of 28
        # what happened on a date is said before its day, whatever comma stands between the day and the year
        ("born before 1970", "Wiggins (born November 2, 1998) acted in Hellion (2014)", [("1970", "November 2, 1998")]),
        ("less than 98 million views", "nearly 104 million views", [("98 million views", "104 million views")]),
        # a bound against one the same way: borne out only by one as strong
        ("over 725 million views", "over 720 million views", [("725 million views", "720 million views")]),
        ("over 725 million views", "more than 730 million views", []),
        ("released before May 2019", "released before 2019", []),
        ("at least 50 people", "more than 50 people", []),
        # a figure the claim's other figure is more like is that one's: 55 % is the approval, not the average rating
        (
            "an approval rating of more than 50 % based on more than 21 reviews and an average rating over 55 %",
            "an approval rating of 55 %, based on 22 reviews, with an average rating of 6/10",
            [],
        ),
        # a rank above another is a smaller number; '# 12' is a rank
        ("ranked above the 150th in the world", "which ranks 147th in the world", []),
        ("ranks behind the 40th largest economy", "the 42nd largest economy", []),
        ("ranked below sixth as a gateway", "ranks fifth as a gateway", [("6th", "5th")]),
        ("ranked # 12 in the list of most-liked videos", "the top 50 most viewed videos and the 12th most liked", []),
        # 'about' reaches as far as its last digit says, within 0.5% and 10%
        ("sold over 99,500 copies", "selling about 99,000 copies", [("99,500 copies", "99,000 copies")]),
        ("about 500 people came", "520 people came", []),
        # a short word's plural is its singular: '16 years' and 'a 15-year career' count years
        ("Jatin-Lalit have had a career shorter than 16 years", "Over their 15-year career, they sold well", []),
        ("a career of 16 years", "over their 15-year career", [("16 years", "15 year")]),
        ("The song has sold more than a million copies", "the song has sold 1.2 million copies", []),  # 'a' is one
        # two figures written to one place are two figures, though their roundings meet at 430.15
        (
            "Warcraft grossed a total of $ 430.2 million globally",
            "a worldwide total of $ 430.1 million",
            [("430.2 million", "430.1 million")],
        ),
        ("During the 2007–08 campaign he kept 25 clean sheets", "in the 2007–08 campaign, 25 clean sheets", []),
        # 'the US' is the United States; infected people are cases
        (
            "The film earned under $ 4.8 M in the US and Canada .",
            "Gloria Bell has grossed $ 5.0 million in the United States and Canada , and $ 0.7 million in other "
            "territories .",
            [("4.8 M", "5.0 million")],
        ),
        (
            "In Uzbekistan , there are less than 1,430 people infected with the coronavirus .",
            "As of 18 April 2020 , there have been 1,450 confirmed cases , 156 recoveries and 4 deaths.",
            [("1,430 people", "1,450 confirmed")],
        ),
        (
            "There have been fewer than 1,385 positive tests of coronavirus in Uzbekistan , as of April 17 , 2020 .",
            "As of 17 April 2020 , there have been 1,390 confirmed cases , 140 recoveries and 4 deaths.",
            [("1,385 positive", "1,390 confirmed")],
        ),
        # a title's word is no sense of a figure: 'International' is not 'internationally'
        (
            "Men in Black : International has grossed a worldwide total of more than $ 246.5 million .",
            ", Men in Black : International has grossed $ 73.8 million in the United States and Canada , and "
            "$ 172.4 million in other territories , for a worldwide total of $ 246.2 million .",
            [("246.5 million", "246.2 million")],
        ),
        # deaths however told, reviews by critics: one quantity
        (
            "More than 121 people died in Germany",
            "Germany has reported 29,056 cases, 119 deaths",
            [("121 people", "119 deaths")],
        ),
        (
            "On Metacritic, it has more than 37 reviews",
            "a score of 80 out of 100, based on 37 critics",
            [("37 reviews", "37 critics")],
        ),
        # outside the places it names: the rest of the world, 'in other territories'
        (
            "grossed over $ 25 million outside North America and more than $ 31 million globally",
            "grossed $ 5.7 million in North America and $ 27.4 million in other territories for a worldwide total "
            "of $ 33.2 million",
            [],
        ),
        ("reported by March 19", "as of 19 March", []),  # 'by' is inclusive
        ("flights canceled until 13 April", "flights suspended until 30 April 2020", [("13 April", "30 April")]),
        # what a figure counts ends with its clause: 'worldwide' is the total's, not the other territories'
        (
            "grossed more than $ 317 million worldwide",
            "$ 149.4 million in other territories, for a worldwide total of $ 318.3 million",
            [],
        ),
        (
            "grossed more than $ 317 million worldwide",
            "$ 148.5 million in other territories, for a worldwide total of $ 316.9 million",
            [("317 million", "316.9 million")],
        ),
        # '1.027 billion' has three decimals, not a thousands separator: it is not 975 million give or take 500
        ("a budget of $ 975 million", "a budget of $ 1.027 billion", [("975 million", "1.027 billion")]),
        ("nobody under 50 years was known to have died", "no one younger than 50 was known to have died", []),
        (
            "an average score of less than 41.5 % on Metacritic",
            "a weighted average score of 42 out of 100",
            [("41.5 %", "42/100")],
        ),
        ("AbbVie's $55B Shire deal", "AbbVie's $55bn Shire deal", []),  # '55B' is 54.5 to 55.5 billion
        # of two figures as close to the claim's by the words before them, the one of what the claim counts
        (
            "Legend of the Sword grossed less than $ 122 million globally",
            "Legend of the Sword has grossed $ 36.3 million in the United States and $ 85 million in other "
            "territories for a worldwide total of $ 122.2 million",
            [("122 million", "122.2 million")],
        ),
        # 'persons', 'times' count anyone or anything: the only figures of each side are one quantity
        (
            "More than 510 cases in the county have recovered .",
            "505 persons have recovered .",
            [("510 cases", "505 persons")],
        ),
        (
            "He played for the team more than 103 times .",
            "He is its most capped player, with 101 appearances .",
            [("103 times", "101 appearances")],
        ),
        ("the two cars collided before the 59th lap", "the two cars collided on lap 60", [("59th", "60")]),
        # what a figure counts, however spelt or told: 'honours' are 'honors', 'occurrences' are 'cases'
        (
            "The club has won 13 honors and 5 cups .",
            "The club has 5 cups and 14 honours .",
            [("13 honors", "14 honours")],
        ),
        (
            "More than 180 COVID-19 occurrences were reported .",
            "There are 174 cases in 15 regions .",
            [("180 covid", "174 cases")],
        ),
        # a year the claim gives once, that no year of the article allows
        (
            "The spread was first sold some years before 1955 .",
            "The spread was first introduced in 1965 , although its first recipe dates to 1963 .",
            [("1955", "1965")],
        ),
        # but not the year of a full date: its day is compared
        (
            "9,464 people were in quarantine as of 29 March 2020 .",
            "The pandemic reached Romania on 26 February "
            "2020 and in 2019 . As of 29 March , 9,464 people are in quarantine .",
            [],
        ),
        # as close by the words around them ('show'), the one whose word right before it is the claim's ('budget')
        (
            "The show's budget was 40 million .",
            "The show earned 95 million against a budget of 30 million .",
            [("40 million", "30 million")],
        ),
        # 'with the Vikings covering' is what the next figure is of, not the budget's
        (
            "The project has a budget of less than $ 1 billion with the Vikings covering $ 477 million .",
            "The project has a budget of $ 1.027 billion , with the Vikings covering $ 529 million .",
            [("1 billion", "1.027 billion"), ("477 million", "529 million")],
        ),
    ],
)
def test_a_claims_bounds_against_an_articles_figures(claim, evidence, conflicts):
    assert number_conflicts((claim, "en"), (evidence, "en"), as_bounds=True) == conflicts


@pytest.mark.parametrize(
    "claim, conflicts",
    [
        (
            "Authorities seized 76,000 mining devices.",
            [("76,000 mining", "67 000 pièces")],
        ),  # no word shared: the near figure
        ("Authorities seized 67,000 mining devices.", []),
        ("Authorities seized 30,000 mining devices.", []),  # none within twice its value: nothing to compare
    ],
)
def test_across_languages_a_claims_figure_meets_the_one_near_it_in_value(claim, conflicts):
    evidence = "L'autorité a déposé 25 affaires pénales et saisi 67 000 pièces d'équipement."
    assert number_conflicts((claim, "en"), (evidence, "fr"), as_bounds=True) == conflicts


@pytest.mark.parametrize(
    "text, lang, negated",
    [
        ("La Banque nationale ne prévoit pas d'interdire les cryptomonnaies.", "fr", True),
        ("La Banque nationale prévoit d'interdire les cryptomonnaies.", "fr", False),
        ("Les agents ont ajouté le logiciel à la liste pour qu'il ne soit pas bloqué.", "fr", False),
        ("Merkez Bankası kripto paraları yasaklamayı planlamıyor.", "tr", True),
        ("Merkez Bankası kripto paraları yasaklamayı planlıyor.", "tr", False),
        ("Bu bir yasak değil.", "tr", True),
        ("The bank does not plan to ban them.", "en", True),
        ("The economy has yet to exhibit sustainable growth.", "en", True),
        ("Gereksinimler bilginin bölümlere ayrılmasını sağlar.", "tr", False),  # a verbal noun
        ("The film fails to dig deep enough.", "en", True),  # what did not happen, in a verb
        ("Daley denied having heard the bell.", "en", True),
        ("Le ministre a refusé de signer l'accord.", "fr", True),
        ("He refused the offer.", "en", False),
        ("Unlike his teammates, Ramires lacks skills.", "en", True),
        ("Le projet manque de moyens.", "fr", True),
        ("The single debuted at no 1 in the charts.", "en", False),  # a rank
        ("Tin Cup, a nobody from nowhere, shocks the golf world.", "en", False),  # a noun
        ("No Kazakh official commented.", "en", True),  # at a sentence's start, no title can be told
        ("Deux roquettes ont été tirées ; aucun blessé", "fr", True),
        ("Toplantıya katılım yoktu.", "tr", True),
        ("Bu teklifi asla kabul etmezdim.", "tr", True),
        ("Bunu kimseye söyleyemeyiz.", "tr", True),
        ("Yağmur yağmaz ise, hasat azalır.", "tr", False),  # 'if ... not'
        ("Yönetim, öğrencilerin interneti kullanıp kullanmadıklarını inceliyor.", "tr", False),  # whether or not
    ],
)
def test_negation(text, lang, negated):
    assert cues(text, lang).negated is negated


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        ("Selon Daniyar Akishev, de nouvelles restrictions arrivent.", "fr", "Daniyar Akishev"),
        ("D'après le gouvernement du Kazakhstan, de nouvelles règles arrivent.", "fr", "le gouvernement du Kazakhstan"),
        ("« Ils minent sous votre nez », a déclaré Gleb Shchegelskiy, appelant à agir.", "fr", "Gleb Shchegelskiy"),
        ("According to the FMA, 51 facilities closed.", "en", "the FMA"),
        ("Başkan Ardak Tangebaev ise soruşturma başlattıklarını açıkladı.", "tr", "Başkan Ardak Tangebaev"),
        ("Sony Ericsson also said it would shut down its centre.", "en", "Sony Ericsson"),  # not 'also'
        ("Kazakh officials said the plant closed.", "en", "Kazakh officials"),
        (  # the subject opens a Turkish sentence; the capitalised words nearer the verb are a place and an object
            "Sony Ericsson ayrıca, Münih, Almanya'daki Ar-Ge sitesini kapatmayı planladığını söyledi.",
            "tr",
            "Sony Ericsson",
        ),
        ("Olayın ardından Bilgi Teknolojileri önlemleri aldığını açıkladı.", "tr", "Bilgi Teknolojileri"),
    ],
)
def test_attribution(text, lang, speaker):
    assert cues(text, lang).speakers[0] == speaker


def _evidence(article, text, before=""):
    parsed = parse_article(article, (before + "\n" if before else "") + text)
    sentences = parsed.sentences
    return Evidence("c", article, True, 0.8, 0.9, sentences[-1:], context=sentences[:-1])


def test_compare_explains_each_kind():
    base = _evidence(  # a quotation: its speaker is named in the sentence before
        "000", "« La banque ne prévoit pas d'interdire 4 cryptomonnaies. »", "Daniyar Akishev a déclaré :"
    )
    other = _evidence(
        "100",
        "« La banque prévoit volontairement d'interdire 6 cryptomonnaies. »",
        "Alexey Sidorov a déclaré :",
    )
    assert [(d.kind, d.explanation) for d in compare(base, other)] == [
        ("number", "000 says 4 cryptomonnaies, 100 says 6 cryptomonnaies"),
        ("negation", "000 negates it ('ne prévoit pas'), 100 does not"),
        ("modality", "100 says it was deliberate, 000 does not"),
        ("attribution", "000 attributes it to Daniyar Akishev, 100 to Alexey Sidorov"),
    ]


@pytest.mark.parametrize(
    "claim, sentence, contradicted",
    [
        ("The bank plans to ban cryptocurrencies.", "The bank does not plan to ban cryptocurrencies.", True),
        # what the article negates, the claim does not speak of
        ("Simran's budget was more than 27 crore.", "The film was a not successful grossing 27.69 crore.", False),
    ],
)
def test_an_article_negates_the_claim_only_in_what_the_claim_says(claim, sentence, contradicted):
    assert bool(contradictions(claim, "en", _evidence("000", sentence))) == contradicted


@pytest.mark.parametrize(
    "sentence, lang",
    [
        # the negation is in the clause beside the one that states the claim
        ("No one was killed, but 14 people were treated for smoke inhalation at the hospital.", "en"),
        ("Aucune victime n'est à déplorer ; quatorze personnes ont été soignées pour avoir inhalé de la fumée.", "fr"),
    ],
)
def test_a_negation_in_another_clause_does_not_contradict_the_claim(sentence, lang):
    claim = "Fourteen people were treated for smoke inhalation."
    assert contradictions(claim, "en", _evidence("000", sentence)) == []
    negated = "Fourteen people were not treated for smoke inhalation."
    assert [c.kind for c in contradictions(negated, "en", _evidence("000", sentence))] == ["negation"]


def test_a_speaker_described_by_the_words_the_article_names_them_with_is_one_speaker():
    told = _evidence(
        "000",
        "« La banque ne légalisera pas les cryptomonnaies comme moyen de paiement. »",
        "C'est ce qu'a déclaré Alexey Sidorov, le co-fondateur de KazFinTech.",
    )
    claim = "A KazFinTech co-founder said the bank would not legalise cryptocurrencies as a means of payment."
    assert contradictions(claim, "en", told) == []
    other = "A Binance co-founder said the bank would not legalise cryptocurrencies as a means of payment."
    assert [c.kind for c in contradictions(other, "en", told)] == ["attribution"]


def test_a_negated_claim_agrees_with_the_negated_sentence_of_a_pair():
    pair = parse_article("000", "Les passagers ont été évacués. Aucune victime n'est à déplorer.").sentences
    told = Evidence("c", "000", True, 0.6, 0.7, pair, focus=0)  # the vectors preferred the evacuation
    assert contradictions("No one died in the fire.", "en", told) == []
    plain = Evidence("c", "000", True, 0.6, 0.7, pair[:1])
    assert [c.kind for c in contradictions("No one died in the fire.", "en", plain)] == ["negation"]


@pytest.mark.parametrize(
    "a, b, explanations",
    [
        # between two drafts of one sentence, a figure replaced is a figure changed, whatever either allows
        (
            "His sister and brother were killed in drug-related violence, in 1987 and 1992, respectively.",
            "His sister and brother were killed in drug-related violence, in 1987 and 2004, respectively.",
            ["000 says 1992, 100 says 2004"],
        ),
        (
            "The film has grossed over $ 422 million worldwide, surpassing Prince of Persia.",
            "The film has grossed $ 624 million worldwide, surpassing Prince of Persia.",
            ["000 says over $ 422 million, 100 says $ 624 million"],
        ),
        # moved, or written another way: no change
        (
            "It was last used in East Germany in 1949, in West Germany in 1966.",
            "It was last used in 1949 in East Germany, in 1966 in West Germany.",
            [],
        ),
        (
            "The hall was rebuilt in 1911 and restored in the 60s after the war.",
            "The hall was rebuilt in 1911 and restored in the 1960s after the war.",
            [],
        ),
    ],
)
def test_drafts_of_one_sentence_differ_by_the_figures_replaced(a, b, explanations):
    assert [
        d.explanation for d in compare(_evidence("000", a), _evidence("100", b)) if d.kind == "number"
    ] == explanations


@pytest.mark.parametrize(
    "a, b",
    [
        (("According to officials, 112 inmates escaped.", "en"), ("Fontes said 112 inmates escaped.", "en")),
        (("Selon le gouvernement, 112 détenus se sont évadés.", "fr"), ("Hükümete göre 112 mahkum kaçtı.", "tr")),
    ],
)
def test_a_title_and_a_name_or_titles_across_languages_may_be_one_speaker(a, b):
    assert [d.kind for d in compare(_evidence("x", a[0]), _evidence("y", b[0]))] == []


@pytest.mark.parametrize(
    "a, b, kind",
    [
        (
            "Got7 is a South Korean boy band formed by JYP Entertainment.",
            "Got7 is a South Korean boy band formed by YG Entertainment.",
            "entity",
        ),
        (
            "Barcelona won the final of the cup against a strong side on Sunday in Madrid.",
            "Manchester United won the final of the cup against a strong side on Sunday in Madrid.",
            "entity",
        ),
        ("Barcelona won the match 2-0.", "Manchester United won the match 2-0.", "entity"),  # few content words
        ("Irina escapes on a Mil Mi-25 helicopter.", "Irina escapes on a Mil Mi-26 helicopter.", "entity"),
        (
            "The Kansas City Royals are an African professional baseball team.",
            "The Kansas City Royals are an American professional baseball team.",
            "entity",  # close in spelling, yet no misspelling of one another
        ),
        (
            "Viduka is a retired Australian football centre forward.",
            "Viduka is NOT retired and is an Australian football centre forward.",
            "negation",
        ),
        (
            "It held a 66 % rating with an average of 5.8 out of 10.",
            "It held a 66 % rating with an average of 3.8 out of 10.",
            "number",
        ),
        (
            "The draw will be held on 16 March 2018, 13:00 CET.",
            "The draw will be held on 16 March 2018, 12:00 CET.",
            "number",
        ),
        (
            "The film received mixed reviews from critics.",
            "The film received negative reviews from critics.",
            "reception",
        ),
        (
            "It was met with mixed reviews from critics.",
            "It was met with mixed to positive reviews from critics.",
            "reception",
        ),
    ],
)
def test_two_drafts_of_one_sentence_differ_in_a_checkable_fact(a, b, kind):
    assert [d.kind for d in compare(_evidence("x", a), _evidence("y", b))] == [kind]


@pytest.mark.parametrize(
    "a, b",
    [
        (
            "Moreover, no one is permitted to enter the accident location.",
            "Moreover, nobody is permitted to reach the accident location.",
        ),
        (
            "the new Eos is not sufficient to maintain the workers",
            "the new Eos is insufficient to maintain the workers",
        ),
        (
            "The Herald said Helen Clark, Prime Minister of NZ, prefers a new stadium.",
            "The Herald said Helen Clark, PM of NZ, prefers a new stadium.",
        ),
        ("Level 3 demanded that its peers pay $ 30,000 USD.", "Level 3 demanded that its peers pay $ 30.000 USD."),
        ("It occurred at around 01:00 UTC ( 02:00 local time).", "It occurred at around 01:00 UTC ( 0200 local time)."),
        (
            "Not only design competitions, sponsors like EPSON came.",
            "Besides design competitions, sponsors like EPSON came.",
        ),
        ("The Seceratry of State met Tokayev in Astana.", "The Secretary of State met Tokaiev in Astana."),  # misspelt
        ("The film received positive reviews from critics.", "The film was met with favourable reviews from critics."),
        (  # a first word set off by a comma ties the sentence to the one before: it names no one
            "Additionally, students must commit to work in Serbia for at least 5 years after their studies.",
            "Another condition is that students have to work in Serbia for at least 5 years after their studies.",
        ),
    ],
)
def test_rewording_of_one_sentence_is_no_difference(a, b):
    assert compare(_evidence("x", a), _evidence("y", b)) == []


@pytest.mark.parametrize(
    "text, received",
    [
        ("The film received generally positive reviews.", "positive"),
        ("Olumsuz eleştiriler aldı.", "negative"),
        ("Les critiques sont mitigées.", "mixed"),
        ("Her first test came back negative.", ""),  # no reviews: not a reception
        ("Reviews were mixed to positive.", "mixed to positive"),  # a span is one reception
        ("It received mixed-to-positive reviews.", "mixed to positive"),
        ("Critics wrote positive and negative reviews.", ""),  # two: neither is said alone
    ],
)
def test_reception(text, received):
    assert reception(text) == received


def test_a_reception_is_compared_across_languages():
    english = _evidence("000", "The documentary received mixed reviews from critics.")
    french = _evidence("001", "Le documentaire a reçu des critiques négatives.")
    (difference,) = compare(english, french)
    assert (difference.kind, difference.explanation) == ("reception", "000 says the reviews were mixed, 001 negative")


def test_rewording_alone_is_not_a_difference():
    base = _evidence("000", "Quatre employés ont miné des cryptomonnaies sur les serveurs du ministère.")
    other = _evidence("100", "Sur les serveurs du ministère, 4 employés minaient des cryptomonnaies.")
    assert compare(base, other) == []


def test_internal_difference_between_summary_and_body():
    article = parse_article(
        "a",
        "• 55 installations ont cessé leurs activités.\nPlus tard.\nEncore.\n"
        "Jusqu'à présent, 57 installations ont cessé leurs activités.",
    )
    evidence = Evidence("c", "a", True, 0.8, 0.9, article.sentences[:1], also=article.sentences[3:])
    (difference,) = internal_differences(evidence)
    assert difference.internal and difference.explanation == (
        "a says 55 installations on line 1 and 57 installations on line 4"
    )


def test_a_speaker_before_a_plain_statement_is_not_its_speaker():
    from factcheck.core.compare import differences
    from factcheck.core.telling import Telling

    a = Telling("a", "Les trains étaient à l'heure.", "fr", "Selon le gouvernement, les mineurs ont volé.")
    b = Telling("b", "Les trains étaient à l'heure.", "fr", "Selon la police, les mineurs ont volé.")
    assert differences(a, b) == []
    quoted_a = Telling("a", "« Les trains étaient à l'heure. »", "fr", "Le ministre Ali Demir a déclaré :")
    quoted_b = Telling("b", "« Les trains étaient à l'heure. »", "fr", "Le porte-parole Jean Dupont a déclaré :")
    assert [kind for kind, _ in differences(quoted_a, quoted_b)] == ["attribution"]


@pytest.mark.parametrize(
    "text, lang, speakers",
    [
        ("Les informations selon lesquelles la Banque nationale envisageait une réserve de cryptomonnaies.", "fr", ()),
        ("Selon le gouvernement, les mineurs ont volé de l'électricité.", "fr", ("le gouvernement",)),
        ("Reports according to which the bank planned a reserve.", "en", ()),
        ("Tengrinews’e verilen bilgilere göre çalışanlar yakalandı.", "tr", ()),  # what was reported: no one
        ("Hayır, sadece sabah ofise geri döneceğini söyledi.", "tr", ()),  # 'No, ...' is no one
        ("Bilişim Teknolojileri departmanlarının kontrolünü sıkılaştıracaklarını söyledi.", "tr", ()),  # whose, not who
        ("Selon des sources proches du dossier, rien.", "fr", ()),
        ("Selon " + "un responsable " * 8 + "du ministère, rien.", "fr", ("un responsable " * 5 + "un",)),
    ],
)
def test_a_speaker_is_someone_and_ends_on_a_word(text, lang, speakers):
    from factcheck.text.cues import cues

    assert cues(text, lang).speakers == speakers


@pytest.mark.parametrize(
    "claim, evidence",
    [
        (
            "The Boston Globe has written about Harvard University.",
            "Le Boston Globe a publié une série de quatre articles sans concession sur l'université de Harvard.",
        ),
        (
            "Non radio phones will all end up as wire phones.",
            "Avec le temps, tous les téléphones non radiophoniques seront considérés comme des téléphones filaires.",
        ),
        (
            "The economy has yet to exhibit sustainable growth.",
            "Mais l'économie n'a pas montré de signes de croissance durable.",
        ),
    ],
)
def test_a_negation_of_a_word_or_yet_to_does_not_flip_the_claim_across_languages(claim, evidence):
    assert contradictions(claim, "en", _evidence("a", evidence)) == []
