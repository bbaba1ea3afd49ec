"""The site's own pages, over the whole record: home, the calendar of key dates, statistics, the guide to
writing to a prisoner, the sitemap and robots.txt.

    views       the pages
    statistics  the figures of the statistics page, each one grouped query
    sitemaps    every public page in every language
"""
