# Django's Russian formats, with what it has no name for: a full date with its weekday, as emails give
# it ("среда, 16 декабря 2026 г."; core.dates.day_in_words writes the names in lower case).
WEEKDAY_DATE_FORMAT = "l, j E Y г."
