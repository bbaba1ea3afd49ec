"""Turn an admin add/change page into the POST data a browser would send, for tests to edit."""


def _field_data(form, data):
    for bound in form:
        if bound.field.disabled or getattr(bound.field.widget, "input_type", None) == "file":
            continue
        value = bound.value()
        if value is None or value is False:
            continue
        if bound.field.show_hidden_initial:
            initial = bound.initial
            data[bound.html_initial_name] = str(initial) if initial is not None else ""
        if value is True:
            data[bound.html_name] = "on"
        elif isinstance(value, list | tuple):
            data[bound.html_name] = [str(v) for v in value]
        else:
            data[bound.html_name] = str(value)


def admin_form_data(response):
    data = {}
    _field_data(response.context["adminform"].form, data)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        _field_data(formset.management_form, data)
        for form in formset.initial_forms:
            _field_data(form, data)
        # Extra (empty) forms are sent blank, as a browser does: keep only their management ids.
        data[formset.management_form["TOTAL_FORMS"].html_name] = str(len(formset.initial_forms))
    return data
