"""A list's filter controls, written out here rather than through Django's widget templates.

A select rendered by the widget templates includes a template per option and another per attribute
list: about 1 ms a select, a third of the cost of a list page that the cache has not kept. The markup
is the widget's own (its context: the name, the attributes, which option is selected), only joined
in Python; other widgets keep their templates.
"""

from django import forms, template
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def control(field):
    widget = field.field.widget
    if type(widget) is not forms.Select:
        return field.as_widget()
    attrs = field.build_widget_attrs({})
    if field.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", field.auto_id)
    context = widget.get_context(field.html_name, field.value(), attrs)["widget"]
    groups = []
    for group_name, options, _index in context["optgroups"]:
        rendered = format_html_join(
            "", '<option value="{}"{}>{}</option>', ((o["value"], flatatt(o["attrs"]), o["label"]) for o in options)
        )
        if group_name:
            rendered = format_html('<optgroup label="{}">{}</optgroup>', group_name, rendered)
        groups.append(rendered)
    options = mark_safe("".join(groups))  # noqa: S308 (each part made by format_html)
    return format_html('<select name="{}"{}>{}</select>', context["name"], flatatt(context["attrs"]), options)
