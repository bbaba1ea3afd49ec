from django.shortcuts import get_object_or_404, render

from campaigns.core.listing import filtered_page

from .filters import PrisonerFilter
from .models import Prisoner


def prisoner_list(request):
    people = Prisoner.objects.published().select_related("affiliation").with_public("campaigns", "sentences")
    filterset, page, status = filtered_page(request, PrisonerFilter, people)
    return render(request, "prisoners/list.html", {"filter": filterset, "page": page}, status=status)


def prisoner_detail(request, slug):
    # Every public relation, including those registered by the apps above (demands, key dates).
    person = get_object_or_404(Prisoner.objects.published().select_related("affiliation").with_public(), slug=slug)
    return render(request, "prisoners/detail.html", {"person": person})
