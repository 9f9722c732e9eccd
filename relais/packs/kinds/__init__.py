"""The kinds of content a pack holds, in the order they are read, checked and written.

Each kind is one module with read(pack), check(pack), load(pack, changes, context) and
export(out); adding a kind (cards, glossary, FAQ…) is adding its module to this list.
"""

from . import ambassador, audio, card, diagnostic, faq, glossary, page, programme, project, story

KINDS = [audio, programme, project, ambassador, story, card, page, glossary, faq, diagnostic]
