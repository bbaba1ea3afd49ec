"""The Zhanaozen demo data, from the seed articles: loaded by `make run` (`manage.py load_demo`), never
part of a production deployment's record.

    loader          creates what is missing, never overwrites an edit
    data            people, demands, organisations, key dates and sources in English
    translations    their names, titles and summaries in Russian and Kazakh
    long_texts      their biographies, timelines and descriptions in Russian and Kazakh
    accountability  the responsibility links the articles support (data in accountability_data)
    actions         the open action the articles support, its deadline always ahead (data in actions_data)
    management      load_demo, demo_admin (the demo administrator), make_synthetic_people (benchmarks)
    synthetic       the synthetic people's names
"""
