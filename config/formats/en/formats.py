# The site's English dates, as it has always written them ("16 December 2011"), not Django's US ones.
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
FIRST_DAY_OF_WEEK = 1
# Not one of Django's: a full date with its weekday, as emails give it (core.dates.day_in_words).
WEEKDAY_DATE_FORMAT = "l j F Y"
