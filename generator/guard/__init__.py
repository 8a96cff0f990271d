"""The template sandbox: a template may come from another office, so it runs with data only.

`sandbox` is the allow-list Jinja environment and the opaque handles lkj's objects become,
`batas` the limits on a template's work (loops, text, numbers, time), `kebijakan` the static
check `lkj templat periksa` runs, and `galat_templat` says a template's fault in Indonesian.

May import: the base modules; nothing that writes.
"""
