"""Accountability: who is responsible, in what role, and how that is known.

    models     Actor (an official, a unit or a body), Responsibility (an actor's role in a campaign's
               events, a person's case or a demand, graded and sourced), OpenQuestion (what is not known)
    views      the "Who is responsible" page; the campaign, demand and profile pages read the links
               through `with_public("responsibilities")`, registered here
    admin

An allegation is never shown as a fact: every link is shown grade first ("Alleged: …") with its
sources (templates/accountability/link.html), and `Responsibility.objects.published()` is the one
rule of what the public may see of them.
"""
