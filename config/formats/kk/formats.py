# Django ships Kazakh translations but no Kazakh formats: these follow Kazakh usage
# ("2011 ж. 16 желтоқсан", "16.12.2011", 10 000,5).
DATE_FORMAT = "Y ж. j E"
SHORT_DATE_FORMAT = "d.m.Y"
YEAR_MONTH_FORMAT = "Y ж. F"
MONTH_DAY_FORMAT = "j E"
DATETIME_FORMAT = "Y ж. j E, H:i"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%Y-%m-%d"]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
# Not one of Django's: a full date with its weekday, after it as Kazakh writes it (emails,
# core.dates.day_in_words, which also writes the names in lower case).
WEEKDAY_DATE_FORMAT = "Y ж. j E, l"
